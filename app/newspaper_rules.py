"""The newspaper and magazine rules as pure functions (DOMAIN §3, 003 (8) 1., 5., 7.).

* Copies expected on a day are the copies of the subscriptions active that day — an ended
  subscription (its last day passed) or one not started yet counts for nothing.
* When the post office brings too few copies, residents are served first and the
  management office's departments after ("先发业户后发部室"), and the shortfall is claimed
  back from the post office.

No database and no Qt: ``app/services/newspapers.py`` applies these in units of work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

KINDS = ("newspaper", "magazine")
FREQUENCIES = ("daily", "weekdays", "weekly", "semimonthly", "monthly", "other")
#: how copies reached the subscriber: handed over against a signature, or put in the mail slot
METHODS = ("signed", "mailbox")
CLAIM_STATES = ("open", "resolved")
CLAIM_EVENTS = ("raised", "chased", "received", "resolved")
MAX_COPIES = 50
MAX_RECEIVED = 5000


def is_active(starts_on: date, ends_on: date | None, day: date) -> bool:
    """Whether a subscription from ``starts_on`` to ``ends_on`` (inclusive) runs on ``day``."""
    return starts_on <= day and (ends_on is None or day <= ends_on)


@dataclass(frozen=True)
class Demand:
    """One subscription's claim on a day's copies: ``office`` lines are served last."""

    subscription_id: int
    copies: int
    office: bool
    sort_key: tuple = ()


def allocate(demands: Sequence[Demand], available: int) -> dict[int, int]:
    """Copies each subscription gets from ``available``: residents (in ``sort_key`` order)
    before the office's departments; a line gets all its copies or what is left."""
    left = max(0, available)
    out: dict[int, int] = {}
    for d in sorted(demands, key=lambda d: (d.office, d.sort_key, d.subscription_id)):
        give = min(d.copies, left)
        out[d.subscription_id] = give
        left -= give
    return out


def due_on(frequency: str, day: date) -> bool:
    """Whether a title of ``frequency`` comes every such day without asking: dailies every day,
    weekday papers Monday to Friday. Weeklies, magazines and the rest come on their own days
    (publishers move them), so they are counted when they arrive rather than expected."""
    if frequency == "daily":
        return True
    if frequency == "weekdays":
        return day.weekday() < 5
    return False


def shortfall(expected: int, received: int) -> int:
    """Copies missing from a delivery (0 when complete or over)."""
    return max(0, expected - received)
