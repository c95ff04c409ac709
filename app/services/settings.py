"""Business settings shared by every counter on the database (stored as JSON)."""

from __future__ import annotations

import json
from datetime import time
from typing import Any

from sqlalchemy import select

from app.context import AppContext
from app.devices.recognition import default_rules_data, validate_rules_data
from app.errors import DomainError, FieldErrors
from app.parcels.carriers import default_carrier_rules, validate_carrier_rules
from app.services.repair_rates import default_categories_data, validate_categories
from app.security import role_at_least
from app.services.audit import record
from db.models import Setting

DEFAULTS: dict[str, Any] = {
    # A visitor still on site after this many hours is highlighted as an overstay.
    "visitor.overstay_hours": 8,
    # The end of the counter's day: visitors still in after it are overstays too.
    "day.end_time": "22:00",
    # Visitors' ID numbers are personal data (PIPL): after this many days only the masked
    # number is kept; the visit itself stays for statistics and the audit trail.
    "visitor.id_retention_days": 180,
    # How a scanned code is recognised (key tag, visitor badge…): ordered rules, shared by
    # every counter so a code is routed the same way everywhere (app/devices/recognition.py).
    "scanner.rules": default_rules_data(),
    # Borrowed keys come back the same day (DOMAIN §2): a loan is due by this time by
    # default, and keys still out after it are listed for the shift to acknowledge.
    "keys.end_of_day": "18:00",
    # Open loans due within this many minutes are listed as "due soon" (apart from overdue).
    "keys.due_soon_minutes": 60,
    # Which carrier a tracking number belongs to: ordered rules with regex and check-digit
    # algorithm (app/parcels/carriers.py); administrators only.
    "parcels.carrier_rules": default_carrier_rules(),
    # Parcels (DOMAIN §3): one bundled reminder per unit for items waiting this many days,
    # and items still uncollected after this many days go to the disposal/return flow.
    "parcels.reminder_days": 3,
    "parcels.uncollected_days": 30,
    # Outgoing e-mail for pick-up notices (smtplib). The password is never logged or audited.
    "smtp.host": "",
    "smtp.port": 587,
    "smtp.user": "",
    "smtp.password": "",
    "smtp.from": "",
    "smtp.tls": "starttls",
    # Repairs (DOMAIN §4): the categories offered at the counter, each chargeable or not with
    # its fee standard (until the fee catalogue answers: app/services/repair_rates.py), and how
    # many copies of the dispatch slip print on saving (the supervisor's, the counter's).
    "repairs.categories": default_categories_data(),
    "repairs.dispatch_copies": 2,
    # Renovation permits (DOMAIN §6): the standard period, how many days before its end a
    # working permit is listed as "extension due", and the pass card fee (工本费, 5 yuan)
    # and deposit per card. Money as a decimal string (never a float). The fee is to come
    # from the receipts' fee catalogue once that module is merged.
    "permits.period_days": 45,
    "permits.extension_due_days": 7,
    "permits.pass_fee": "5.00",
    "permits.pass_deposit": "0.00",
}

#: Settings whose value never reaches the audit log (only that it changed).
SECRET_SETTINGS = frozenset({"smtp.password"})

#: Settings that need more than the supervisor role to change.
MIN_ROLE: dict[str, str] = {
    "parcels.carrier_rules": "admin",
}


def required_role(keys) -> str:  # noqa: ANN001 - any iterable of setting keys
    """The lowest role allowed to change every one of ``keys`` (supervisor at least)."""
    needed = "supervisor"
    for key in keys:
        role = MIN_ROLE.get(key, "supervisor")
        if not role_at_least(needed, role):
            needed = role
    return needed


def parse_hhmm(text: str) -> time:
    """``"22:00"`` → ``time(22, 0)``; anything else raises ``DomainError``."""
    try:
        h, m = text.split(":")
        return time(int(h), int(m))
    except (ValueError, AttributeError):
        raise DomainError("setting.time_format") from None


def _check(key: str, value: Any) -> Any:
    if key not in DEFAULTS:
        raise DomainError("setting.unknown", key=key)
    if key == "visitor.overstay_hours":
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 72:
            raise DomainError("setting.overstay_range")
    if key in ("day.end_time", "keys.end_of_day"):
        parse_hhmm(value)
    if key == "keys.due_soon_minutes":
        if not isinstance(value, int) or isinstance(value, bool) or not 5 <= value <= 24 * 60:
            raise DomainError("setting.due_soon_range")
    if key == "visitor.id_retention_days":
        if not isinstance(value, int) or isinstance(value, bool) or not 7 <= value <= 3650:
            raise DomainError("setting.retention_range")
    if key in ("parcels.reminder_days", "parcels.uncollected_days"):
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 365:
            raise DomainError("setting.days_range")
    if key == "smtp.port":
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 65535:
            raise DomainError("setting.port_range")
    if key == "smtp.tls" and value not in ("starttls", "ssl", "none"):
        raise DomainError("setting.tls_unknown")
    if key in ("smtp.host", "smtp.user", "smtp.password", "smtp.from"):
        if not isinstance(value, str) or len(value) > 254 or any(c in value for c in "\r\n"):
            raise DomainError("setting.text_invalid")
        value = value.strip() if key != "smtp.password" else value
        if key == "smtp.from" and value and ("@" not in value or " " in value):
            raise DomainError("setting.email_invalid")
    if key in ("permits.period_days", "permits.extension_due_days"):
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 365:
            raise DomainError("setting.days_range")
    if key in ("permits.pass_fee", "permits.pass_deposit"):
        value = _money_text(value)
    if key == "scanner.rules":
        value = validate_rules_data(value)  # every pattern must compile, every kind be known
    if key == "parcels.carrier_rules":
        value = validate_carrier_rules(value)  # patterns compile, check-digit algorithms known
    if key == "repairs.categories":
        value = validate_categories(value)
    if key == "repairs.dispatch_copies":
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 5:
            raise DomainError("setting.copies_range")
    return value


def _money_text(value: Any) -> str:
    """A fee as stored: a decimal string with two places, 0 to 10,000 (never a float)."""
    from decimal import Decimal, InvalidOperation

    if isinstance(value, (float, bool)):
        raise DomainError("setting.money_invalid")
    try:
        d = Decimal(str(value).strip())
    except InvalidOperation:
        raise DomainError("setting.money_invalid") from None
    if not d.is_finite() or d < 0 or d > 10_000 or d != d.quantize(Decimal("0.01")):
        raise DomainError("setting.money_invalid")
    return str(d.quantize(Decimal("0.01")))


class SettingsService:
    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    def all(self) -> dict[str, Any]:
        """Every setting, stored value or default."""
        values = dict(DEFAULTS)
        with self.ctx.db.read() as s:
            for row in s.execute(select(Setting)).scalars():
                if row.key in DEFAULTS:
                    values[row.key] = json.loads(row.value)
        return values

    def get(self, key: str) -> Any:
        return self.all()[key]

    def set(self, key: str, value: Any) -> None:
        """Change one setting (supervisors and above, some administrators only: ``MIN_ROLE``); audited."""
        op = self.ctx.require_operator(required_role([key]))
        value = _check(key, value)
        with self.ctx.db.write() as s:
            self._write(s, op.id, key, value)

    def set_many(self, values: dict[str, Any]) -> None:
        """Change several settings at once: all checked first, then one transaction.

        A bad value raises ``ValidationError`` naming its setting key, and nothing changes.
        """
        op = self.ctx.require_operator(required_role(values))
        errors = FieldErrors()
        checked = {key: errors.check(key, lambda v, k=key: _check(k, v), value) for key, value in values.items()}
        errors.raise_if_any()
        with self.ctx.db.write() as s:
            for key, value in checked.items():
                self._write(s, op.id, key, value)

    @staticmethod
    def _write(s, staff_id: int, key: str, value: Any) -> None:  # noqa: ANN001
        row = s.get(Setting, key)
        before = json.loads(row.value) if row else DEFAULTS[key]
        if before == value:
            return
        if row is None:
            s.add(Setting(key=key, value=json.dumps(value)))
        else:
            row.value = json.dumps(value)
        if key in SECRET_SETTINGS:
            before, value = ("***" if before else ""), ("***" if value else "")
        record(s, staff_id, "setting.set", "setting", None, {key: before}, {key: value})
