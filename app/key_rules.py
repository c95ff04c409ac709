"""Rules of the key cabinet (钥匙管理, DOMAIN §2) as pure functions: no database, no Qt.

Tag codes, hook positions, when a loan is due, what counts as "overnight", and how a spot
check compares scanned tags with the register. ``app.services.keys`` applies them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.errors import DomainError

#: owner-entrusted unit keys, public areas, equipment rooms, department store rooms
CATEGORIES = ("unit", "public", "equipment", "store")
#: in the cabinet, lent out, reported lost, retired (back to engineering), handed over to the owner
STATUSES = ("in", "out", "lost", "retired", "handed_over")
#: who may borrow: staff (with or without an account), contractors, occupants
BORROWER_KINDS = ("staff", "contractor", "occupant")
#: where keys come from at intake
INTAKE_SOURCES = ("developer", "owner", "engineering")
RETIRE_REASONS = ("lock_changed", "incomplete")
EMERGENCIES = ("fire", "flooding", "other")
CONTACTED = ("owner", "emergency_contact")
CONTACT_METHODS = ("phone", "sms", "wechat", "in_person", "other")

#: Tag codes are "K" + a gapless sequence (at least five digits): they carry no unit number,
#: so a lost key leads nobody to a door. The scanner routes codes matching this to the cabinet.
TAG_PREFIX = "K"
TAG_PATTERN = re.compile(r"^K\d{5,8}$")
_HOOK = re.compile(r"^[A-Z0-9][A-Z0-9\-]{0,15}$")
#: A lock changed this many times means the key set is retired (003 (6) 3.1).
LOCK_CHANGES_TO_RETIRE = 3
#: The longest loan without the general manager's approval (003 (6) 2.2: 借用一天以上).
MAX_LOAN_WITHOUT_GM = timedelta(days=1)


def format_tag(sequence: int) -> str:
    """The tag code for the ``sequence``-th key set: ``K00042``."""
    if sequence < 1:
        raise ValueError("tag sequence starts at 1")
    return f"{TAG_PREFIX}{sequence:05d}"


def normalize_tag(text: str) -> str:
    """A scanned or typed tag code in canonical form (``k00042 `` → ``K00042``), or ''.

    Full-width characters from a Chinese input method are folded; an AIM identifier or
    other noise is not stripped here (the scanner layer does that).
    """
    return unicodedata.normalize("NFKC", text or "").strip().upper()


def is_tag_code(text: str) -> bool:
    """Whether ``text`` looks like a key tag (for routing a scan to the cabinet)."""
    return bool(TAG_PATTERN.match(normalize_tag(text)))


def normalize_hook(value: str) -> str:
    """A cabinet hook/slot such as ``A-012``: letters, digits and dashes, upper-cased."""
    text = unicodedata.normalize("NFKC", value or "").strip().upper()
    if not text:
        raise DomainError("key.hook_required")
    if not _HOOK.match(text):
        raise DomainError("key.hook_format")
    return text


def end_of_day(day: date, eod: time) -> datetime:
    return datetime.combine(day, eod)


#: A key lent after the end of the day is due back this soon by default (same day).
AFTER_HOURS_LOAN = timedelta(hours=1)


def _last_minute(day: date) -> datetime:
    return datetime.combine(day, time(23, 59))


def default_due(at: datetime, eod: time) -> datetime:
    """When a loan taken out at ``at`` is due by default: the end of that day.

    Lent after the end of the day (an evening repair), it is due an hour later, and
    before midnight.
    """
    day_end = end_of_day(at.date(), eod)
    if at < day_end:
        return day_end
    return max(min(at + AFTER_HOURS_LOAN, _last_minute(at.date())), at)


def night_of(at: datetime, eod: time) -> date:
    """The night ``at`` belongs to: today's after the end of the day, else yesterday's.

    At 22:00 on the 5th (end of day 18:00) it is the night of the 5th; at 02:00 or 14:00
    on the 6th still the night of the 5th, until 18:00 on the 6th.
    """
    return at.date() if at.time() >= eod else at.date() - timedelta(days=1)


def is_overnight(out_at: datetime, at: datetime, eod: time) -> bool:
    """A key still out at ``at`` has stayed past the end of the day it was taken out."""
    return at >= end_of_day(out_at.date(), eod) and at >= out_at


def same_day(out_at: datetime, due_at: datetime, eod: time) -> bool:
    """Whether a loan is due back the day it goes out: by the end of the day, or (lent
    after the end of the day) before midnight. Anything later keeps the key overnight."""
    day_end = end_of_day(out_at.date(), eod)
    if out_at < day_end:
        return due_at <= day_end
    return due_at <= _last_minute(out_at.date())


def needs_manager_approval(category: str) -> bool:
    """Public-area keys (not equipment rooms or store rooms) need the manager's approval."""
    return category == "public"


def needs_gm_approval(out_at: datetime, due_at: datetime) -> bool:
    """A loan longer than one day needs the general manager's approval."""
    return due_at - out_at > MAX_LOAN_WITHOUT_GM


def retirement_due(lock_changes: int, key_count: int, original_count: int) -> bool:
    """The set should be retired: its lock changed three times, or it is incomplete."""
    return lock_changes >= LOCK_CHANGES_TO_RETIRE or key_count < original_count


# -- spot checks --------------------------------------------------------------------------


@dataclass(frozen=True)
class SpotKey:
    """What a spot check needs to know of a key set."""

    id: int
    tag_code: str
    status: str


@dataclass(frozen=True)
class SpotOutcome:
    """Scanned tags compared with the register.

    ``matched``: recorded in the cabinet and scanned. ``missing``: recorded in the cabinet
    but not scanned. ``unexpected``: scanned although recorded out, lost, retired or handed
    over — or a code the register does not know (key None). ``absent_out``: lent out and
    not scanned, as expected.
    """

    matched: tuple[SpotKey, ...]
    missing: tuple[SpotKey, ...]
    unexpected: tuple[tuple[str, SpotKey | None], ...]
    absent_out: tuple[SpotKey, ...]


def compare_spot_check(scanned: Iterable[str], keys: Mapping[str, SpotKey]) -> SpotOutcome:
    """Compare the scanned codes (any order, duplicates ignored) with ``keys`` by tag code.

    ``keys`` holds every key set that is in the cabinet or out, plus any other the scans
    name; sets lost, retired or handed over that were not scanned are not listed at all.
    """
    seen: dict[str, None] = {}
    for code in scanned:
        c = normalize_tag(code)
        if c:
            seen.setdefault(c, None)
    matched, unexpected = [], []
    for code in seen:
        k = keys.get(code)
        if k is not None and k.status == "in":
            matched.append(k)
        else:
            unexpected.append((code, k))
    missing = [k for code, k in keys.items() if k.status == "in" and code not in seen]
    absent_out = [k for code, k in keys.items() if k.status == "out" and code not in seen]
    by_tag = lambda k: k.tag_code  # noqa: E731
    return SpotOutcome(
        tuple(sorted(matched, key=by_tag)), tuple(sorted(missing, key=by_tag)),
        tuple(sorted(unexpected, key=lambda u: u[0])), tuple(sorted(absent_out, key=by_tag)),
    )
