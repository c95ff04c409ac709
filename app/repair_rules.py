"""Rules of repair slips and complaints (DOMAIN §4, §7) as pure functions: no database, no Qt.

* Slip numbers: ``W`` + year + dash + a six-digit sequence per year (``W2026-000042``); the
  scanner recognises them (``repair_slip``) so a returned dispatch slip opens for completion.
* Grades (004 §5.2 2): urgent repairs are done within 24 hours, ordinary ones within 3 days.
  Follow-up calls follow the grade: urgent ones the day after completion, ordinary ones
  within 3 days.
* States and which action leads where (``TRANSITIONS``).
* Complaints (004 §5.2 3, DOMAIN §7): a major complaint is fixed within one working day and
  followed up within a week; an ordinary one within three working days and two weeks.
  Working days skip Saturdays and Sundays only: DOMAIN gives no holiday calendar.
* Targets of the weekly summary (001 §2.1): on time 100 %, follow-up ≥ 85 %, rework ≤ 1 %.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from app.errors import DomainError

# -- repairs -----------------------------------------------------------------------------------

#: where the request came from: at the counter, a phone call, a patrol finding
SOURCES = ("counter", "phone", "patrol")
GRADES = ("urgent", "ordinary")
#: how long a repair may take from registration (or reopening), per grade
DUE_WITHIN = {"urgent": timedelta(hours=24), "ordinary": timedelta(days=3)}
#: days after completion by which the follow-up call is due, per grade
FOLLOW_UP_DAYS = {"urgent": 1, "ordinary": 3}

STATES = ("registered", "dispatched", "in_progress", "on_hold", "completed", "settled",
          "followed_up", "closed", "cancelled", "to_developer")
#: states in which the slip is still with the technicians (its stub has not come back)
WORK_STATES = ("registered", "dispatched", "in_progress", "on_hold")
#: states after which nothing more happens (a closed slip may still be reopened as rework)
FINAL_STATES = ("closed", "cancelled", "to_developer")
OPEN_STATES = tuple(s for s in STATES if s not in FINAL_STATES)

#: action → (states it may start from, state it leads to)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "dispatch": (("registered", "dispatched", "on_hold"), "dispatched"),
    "start": (("dispatched",), "in_progress"),
    "hold": (("dispatched", "in_progress"), "on_hold"),
    "resume": (("on_hold",), "in_progress"),
    "complete": (("dispatched", "in_progress", "on_hold"), "completed"),
    "settle": (("completed",), "settled"),
    "follow_up": (("completed", "settled"), "followed_up"),
    "close": (("followed_up",), "closed"),
    "cancel": (WORK_STATES, "cancelled"),
    "to_developer": (WORK_STATES, "to_developer"),
    "reopen": (("completed", "settled", "followed_up", "closed"), "registered"),
}

#: what the technician found of materials the occupant supplied (004 §5.2 4c)
MATERIAL_CHECKS = ("", "pass", "fail", "poor")
MATERIAL_CHECK_ZH = {"pass": "合格", "fail": "不合格", "poor": "质量不佳"}
FOLLOW_UP_METHODS = ("phone", "visit", "letter")

#: the categories a new installation starts with (editable: setting ``repairs.categories``);
#: ``rate`` is the counter's fee standard until the fee catalogue provides one
DEFAULT_CATEGORIES: tuple[dict, ...] = (
    {"code": "water", "zh": "水路", "en": "Water", "chargeable": True, "rate": "30.00"},
    {"code": "electricity", "zh": "电路", "en": "Electricity", "chargeable": True, "rate": "30.00"},
    {"code": "doors_locks", "zh": "门窗锁具", "en": "Doors and locks", "chargeable": True, "rate": "20.00"},
    {"code": "lifts", "zh": "电梯", "en": "Lifts", "chargeable": False, "rate": "0.00"},
    {"code": "air_conditioning", "zh": "空调", "en": "Air-conditioning", "chargeable": True, "rate": "50.00"},
    {"code": "public_facilities", "zh": "公共设施", "en": "Public facilities", "chargeable": False, "rate": "0.00"},
    {"code": "other", "zh": "其他", "en": "Other", "chargeable": True, "rate": "0.00"},
)

TARGET_ON_TIME = Decimal("1.00")
TARGET_FOLLOW_UP = Decimal("0.85")
TARGET_REWORK = Decimal("0.01")

SLIP_PREFIX = "W"
SLIP_PATTERN = re.compile(r"^W(\d{4})-(\d{6})$")


def format_slip_number(year: int, sequence: int) -> str:
    """``W2026-000042``: the ``sequence``-th slip of ``year``."""
    if sequence < 1 or not 1000 <= year <= 9999:
        raise ValueError("bad slip number parts")
    return f"{SLIP_PREFIX}{year:04d}-{sequence:06d}"


def normalize_slip_number(text: str) -> str:
    """A scanned or typed slip number in canonical form (``w2026-000042 `` → ``W2026-000042``)."""
    return unicodedata.normalize("NFKC", text or "").strip().upper()


def is_slip_number(text: str) -> bool:
    return bool(SLIP_PATTERN.match(normalize_slip_number(text)))


def due_at(grade: str, start: datetime) -> datetime:
    """When a repair of ``grade`` registered (or reopened) at ``start`` must be done."""
    if grade not in DUE_WITHIN:
        raise DomainError("repair.grade_unknown")
    return start + DUE_WITHIN[grade]


def follow_up_due(grade: str, completed: datetime) -> date:
    """The day by which the follow-up call of a repair completed at ``completed`` is due."""
    return completed.date() + timedelta(days=FOLLOW_UP_DAYS.get(grade, 3))


def next_state(action: str, state: str) -> str:
    """The state ``action`` leads to from ``state``; ``ConflictError`` key when not allowed."""
    allowed, target = TRANSITIONS[action]
    if state not in allowed:
        raise DomainError("repair.state_conflict", action=action, state=state)
    return target


def actions_from(state: str) -> tuple[str, ...]:
    """The actions possible from ``state`` (the detail view shows a button for each)."""
    return tuple(a for a, (allowed, _) in TRANSITIONS.items() if state in allowed)


def is_overdue(state: str, due: datetime, now: datetime) -> bool:
    """A slip still with the technicians after its due time."""
    return state in WORK_STATES and now > due


def ratio(part: int, whole: int) -> Decimal | None:
    """``part / whole`` to four places (None when there is nothing to count)."""
    if whole <= 0:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"))


@dataclass(frozen=True)
class Targets:
    """Whether each rate meets the trade's target (None: nothing to measure this week)."""

    on_time: bool | None
    follow_up: bool | None
    rework: bool | None


def meets_targets(on_time: Decimal | None, follow_up: Decimal | None, rework: Decimal | None) -> Targets:
    return Targets(
        None if on_time is None else on_time >= TARGET_ON_TIME,
        None if follow_up is None else follow_up >= TARGET_FOLLOW_UP,
        None if rework is None else rework <= TARGET_REWORK,
    )


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


# -- complaints and the call/visit register ------------------------------------------------------

#: complaint (投诉处理表) or a line of the call/visit register (客户来电来访登记表)
FEEDBACK_KINDS = ("complaint", "inquiry", "suggestion", "praise")
SEVERITIES = ("major", "ordinary")
CHANNELS = ("phone", "visit", "letter", "other")
COMPLAINT_STATES = ("registered", "assigned", "handled", "followed_up", "closed")
#: working days to fix, calendar days to follow up, counted from when it was received
FIX_WORKING_DAYS = {"major": 1, "ordinary": 3}
FOLLOW_UP_WITHIN = {"major": timedelta(days=7), "ordinary": timedelta(days=14)}

COMPLAINT_TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "assign": (("registered", "assigned"), "assigned"),
    "handle": (("assigned",), "handled"),
    "follow_up": (("handled",), "followed_up"),
    "close": (("registered", "followed_up"), "closed"),
}


def is_working_day(day: date) -> bool:
    """Monday to Friday (no holiday calendar: DOMAIN gives none)."""
    return day.weekday() < 5


def add_working_days(start: datetime, days: int) -> datetime:
    """``start`` moved on by ``days`` working days, keeping the time of day.

    Saturday and Sunday do not count: a major complaint received on Friday 16:00 is due on
    Monday 16:00, one received on Saturday 10:00 on Monday 10:00.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    left = days
    while left > 0:
        current += timedelta(days=1)
        if is_working_day(current.date()):
            left -= 1
    return current


def complaint_deadlines(severity: str, received: datetime) -> tuple[datetime, datetime]:
    """(fix by, follow up by) for a complaint of ``severity`` received at ``received``."""
    if severity not in FIX_WORKING_DAYS:
        raise DomainError("complaint.severity_unknown")
    return (add_working_days(received, FIX_WORKING_DAYS[severity]),
            received + FOLLOW_UP_WITHIN[severity])


def complaint_next_state(action: str, state: str, *, needs_action: bool = True) -> str:
    """The state ``action`` leads to; closing straight from ``registered`` is only for
    register lines that need no action (an inquiry answered on the spot, praise)."""
    allowed, target = COMPLAINT_TRANSITIONS[action]
    if state not in allowed or (action == "close" and state == "registered" and needs_action):
        raise DomainError("complaint.state_conflict", action=action, state=state)
    return target


def format_complaint_number(year: int, sequence: int) -> str:
    """``C2026-00042``."""
    return f"C{year:04d}-{sequence:05d}"
