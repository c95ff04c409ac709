"""The renovation rules as pure functions (DOMAIN §6, 001 §3.8): the flow, periods, passes.

Flow (装修流程): application → deposit and fees paid → drawings reviewed by engineering
(about five working days) → customer service checks the file → the manager approves → the
permit (装修施工许可证) is issued → work in progress → extended (a written request before
the end) → finished, every pass returned. An application may be cancelled before the permit
is issued, and the manager may reject it instead of approving.

Periods are inclusive: a 45-day permit starting 2026-03-02 ends 2026-04-15. A pass is never
valid past its permit's end; permits and passes must be returned or renewed within three
days after they end (``GRACE_DAYS``), after which work is stopped or entry refused.
"""

from __future__ import annotations

import re
import secrets
from datetime import date, timedelta

from app.errors import ConflictError

DEFAULT_PERIOD_DAYS = 45
#: Larger projects get a period "as agreed" (大型装修项目施工期可按实际情况酌定), within reason.
MAX_PERIOD_DAYS = 365
MAX_EXTENSION_DAYS = 90
#: Permits and passes must be returned or renewed within this many days after they end.
GRACE_DAYS = 3
#: A pass ending within this many days is "expiring": the gate still admits, the counter warns.
EXPIRING_DAYS = 3

STATES = ("applied", "fees_paid", "drawings_reviewed", "checked", "approved", "issued",
          "in_progress", "extended", "finished", "rejected", "cancelled")
#: Work is going on: passes are valid at the gate (subject to their own dates).
WORKING = ("in_progress", "extended")
#: The permit is out (issued or working): passes may be issued.
PASS_STATES = ("issued", "in_progress", "extended")
CLOSED = ("finished", "rejected", "cancelled")

#: action → (states it may start from, state it leads to)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "pay_fees": (("applied",), "fees_paid"),
    "review_drawings": (("fees_paid",), "drawings_reviewed"),
    "check": (("drawings_reviewed",), "checked"),
    "approve": (("checked",), "approved"),
    "reject": (("checked",), "rejected"),
    "issue": (("approved",), "issued"),
    "start": (("issued",), "in_progress"),
    "extend": (WORKING, "extended"),
    "finish": (WORKING, "finished"),
    "cancel": (("applied", "fees_paid", "drawings_reviewed", "checked", "approved"), "cancelled"),
}

APPLICANT_KINDS = ("owner", "tenant")
SIGNER_KINDS = ("owner", "tenant", "site_lead")
TRADES = ("decoration", "carpentry", "electrical", "plumbing", "masonry", "painting", "tiling",
          "welding", "helper", "other")

PERMIT_NUMBER = re.compile(r"^RP\d{4}-\d{4,6}$")
#: The card's Code 128: "PC" + six digits. Its QR code adds "-" + an 8-character token.
PASS_NUMBER = re.compile(r"^PC\d{6}$")
PASS_QR = re.compile(r"^(PC\d{6})(?:-([0-9A-Z]{8}))?$")
_TOKEN_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud over the phone


class TransitionError(ConflictError):
    """An action the permit's current state does not allow (``permit.wrong_state``)."""

    def __init__(self, action: str, state: str, number: str = ""):
        super().__init__("permit.wrong_state", action=action, state=state, number=number)
        self.action = action
        self.state = state


def next_state(state: str, action: str, number: str = "") -> str:
    """The state ``action`` leads to from ``state``; ``TransitionError`` when not allowed."""
    allowed, target = TRANSITIONS[action]
    if state not in allowed:
        raise TransitionError(action, state, number)
    return target


def allowed_actions(state: str) -> tuple[str, ...]:
    """Every action the flow allows from ``state`` (the UI's step buttons)."""
    return tuple(a for a, (starts, _) in TRANSITIONS.items() if state in starts)


def period_end(start: date, days: int) -> date:
    """The last day of a period of ``days`` days starting on ``start`` (inclusive)."""
    return start + timedelta(days=days - 1)


def format_permit_number(year: int, seq: int) -> str:
    return f"RP{year:04d}-{seq:04d}"


def format_pass_number(seq: int) -> str:
    return f"PC{seq:06d}"


def new_token() -> str:
    """Eight random characters for the card's QR code."""
    return "".join(secrets.choice(_TOKEN_ALPHABET) for _ in range(8))


def qr_payload(number: str, token: str) -> str:
    """What the card's QR code carries: ``PC000042-7K3F9Q2A``."""
    return f"{number}-{token}"


def parse_pass_code(text: str) -> tuple[str, str]:
    """A scanned Code 128 (``PC000042``) or QR code (``PC000042-7K3F9Q2A``) → (number, token).

    The token is ``""`` for a Code 128; ``("", "")`` when the text is not a pass code.
    """
    m = PASS_QR.match((text or "").strip().upper())
    if not m:
        return "", ""
    return m.group(1), m.group(2) or ""


#: What a pass can be: still out, back at the counter, reported lost, or withdrawn by the office.
PASS_STATUSES = ("active", "returned", "lost", "revoked")
#: What a pass is worth on a day; ``valid`` and ``expiring`` admit the worker.
ADMITTING = ("valid", "expiring")


def pass_status_on(status: str, valid_from: date, valid_to: date, permit_state: str,
                   permit_end: date | None, day: date) -> str:
    """What a pass is worth on ``day``.

    ``returned`` / ``lost`` / ``revoked`` (the card came back, was reported lost, or was
    withdrawn), ``permit_not_working`` (the permit is not in progress: not yet started,
    finished, cancelled), ``expired`` (past its own end or the permit's), ``not_yet_valid``,
    ``expiring`` (admits, but ends within ``EXPIRING_DAYS``), else ``valid``.
    """
    if status in ("returned", "lost", "revoked"):
        return status
    if permit_state not in WORKING:
        return "permit_not_working"
    end = min(valid_to, permit_end) if permit_end else valid_to
    if day > end:
        return "expired"
    if day < valid_from:
        return "not_yet_valid"
    if (end - day).days < EXPIRING_DAYS:
        return "expiring"
    return "valid"


def past_grace(end: date | None, day: date) -> bool:
    """More than ``GRACE_DAYS`` after ``end``: work is to be stopped / entry refused."""
    return end is not None and (day - end).days > GRACE_DAYS
