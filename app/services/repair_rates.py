"""Whether a repair is chargeable and at what rate: the one place the repair slips ask.

The receptionist tells the occupant at registration whether the repair is chargeable and the
fee standard (004 §5.2 2 1). Whether a category is chargeable at all is the repair
categories setting (``repairs.categories``: code, names, chargeable); its rate is the fee
catalogue's item ``repair_<category>`` (seeded by migration 0009 for the chargeable default
categories, edited by the administrator with the other fees), which is also the receipt line
the charge is settled with. A category without an active catalogue item falls back to the
setting's rate and is settled on the generic ``repair`` item.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy.orm import Session

from app.errors import DomainError
from app.repair_rules import DEFAULT_CATEGORIES

CODE_MAX = 32
NAME_MAX = 32
RATE_MAX = Decimal("100000")
CATEGORIES_MAX = 50


@dataclass(frozen=True)
class Category:
    """A repair category as the counter offers it."""

    code: str
    zh: str
    en: str
    chargeable: bool
    rate: Decimal


@dataclass(frozen=True)
class RateQuote:
    """What the receptionist tells the occupant: chargeable or not, the rate, where it comes from."""

    category: str
    chargeable: bool
    rate: Decimal
    fee_code: str = ""
    #: "settings" (the categories setting) or "fee_catalogue"
    source: str = "settings"


def _money(value: Any) -> Decimal:
    if isinstance(value, float):
        raise DomainError("repair.categories_format")
    try:
        d = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise DomainError("repair.categories_format") from None
    if d < 0 or d >= RATE_MAX or d != Decimal(str(value)):
        raise DomainError("repair.categories_format")
    return d


def validate_categories(value: Any) -> list[dict[str, Any]]:
    """Check the categories setting (a list of dicts); return it normalised (rate as text)."""
    if not isinstance(value, list) or not 1 <= len(value) <= CATEGORIES_MAX:
        raise DomainError("repair.categories_format")
    seen: set[str] = set()
    out = []
    for item in value:
        if not isinstance(item, dict):
            raise DomainError("repair.categories_format")
        code = str(item.get("code", "")).strip()
        zh = str(item.get("zh", "")).strip()
        en = str(item.get("en", "")).strip() or code
        if not code or len(code) > CODE_MAX or not code.replace("_", "").isalnum() or code in seen:
            raise DomainError("repair.categories_format")
        if not zh or len(zh) > NAME_MAX or len(en) > NAME_MAX:
            raise DomainError("repair.categories_format")
        seen.add(code)
        chargeable = item.get("chargeable", False)
        if not isinstance(chargeable, bool):
            raise DomainError("repair.categories_format")
        out.append({"code": code, "zh": zh, "en": en, "chargeable": chargeable,
                    "rate": str(_money(item.get("rate", "0.00")))})
    return out


def default_categories_data() -> list[dict[str, Any]]:
    return [dict(c) for c in DEFAULT_CATEGORIES]


def categories_from(value: Any) -> list[Category]:
    """Categories from the stored setting; invalid data gives the defaults."""
    try:
        data = validate_categories(value)
    except DomainError:
        data = validate_categories(default_categories_data())
    return [Category(d["code"], d["zh"], d["en"], d["chargeable"], Decimal(d["rate"])) for d in data]


GENERIC_FEE_CODE = "repair"


def fee_code_of(category: str) -> str:
    """The fee catalogue's code of a repair category's rate: ``repair_water``."""
    return f"{GENERIC_FEE_CODE}_{category}"


def lookup_rate(session: Session | None, categories: list[Category], category: str) -> RateQuote:
    """The fee standard of a repair ``category``: chargeable from the categories setting, the
    rate from the fee catalogue (``repair_<category>``) read in the caller's transaction
    ``session``, or the setting's rate when the catalogue has no active item for it."""
    from sqlalchemy import select

    from db.models import FeeItem

    for c in categories:
        if c.code != category:
            continue
        if not c.chargeable:
            return RateQuote(c.code, False, Decimal("0.00"), "", "settings")
        if session is not None:
            price = session.execute(select(FeeItem.default_price).where(
                FeeItem.code == fee_code_of(c.code), FeeItem.active.is_(True))).scalar_one_or_none()
            if price is not None:
                return RateQuote(c.code, True, price, fee_code_of(c.code), "fee_catalogue")
        return RateQuote(c.code, True, c.rate, GENERIC_FEE_CODE, "settings")
    raise DomainError("repair.category_unknown")
