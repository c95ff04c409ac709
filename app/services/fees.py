"""The fee catalogue (收费项目): what the counter charges for, with default prices.

Administrators edit it; receptionists pick from it when they issue a receipt and may change
the price on the receipt. Items are never deleted: one no longer charged is made inactive,
so old receipts keep pointing at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from app.context import AppContext
from app.errors import FieldErrors, NotFoundError
from app.receipt_rules import MAX_LINE_PRICE, to_money
from app.services.audit import record
from app.validation import normalize_text
from db.models import FeeItem

_CODE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


@dataclass(frozen=True)
class FeeItemInput:
    """A catalogue entry as the administrator types it."""

    code: str
    name_zh: str
    name_en: str = ""
    default_price: Decimal | str = Decimal("0.00")
    refundable: bool = False
    active: bool = True
    sort_order: int = 0


@dataclass(frozen=True)
class FeeItemView:
    id: int
    code: str
    name_zh: str
    name_en: str
    default_price: Decimal
    refundable: bool
    active: bool
    sort_order: int

    def name(self, language: str = "zh") -> str:
        """The name in ``language`` (``en`` falls back to Chinese when none was given)."""
        return self.name_en if language.startswith("en") and self.name_en else self.name_zh


def fee_view(f: FeeItem) -> FeeItemView:
    return FeeItemView(f.id, f.code, f.name_zh, f.name_en, f.default_price, f.refundable, f.active, f.sort_order)


def _snapshot(f: FeeItem) -> dict:
    return {"code": f.code, "name_zh": f.name_zh, "name_en": f.name_en, "default_price": f.default_price,
            "refundable": f.refundable, "active": f.active, "sort_order": f.sort_order}


class FeeCatalogService:
    """List and edit the fee catalogue."""

    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    def list(self, *, include_inactive: bool = False) -> list[FeeItemView]:
        """Catalogue items in display order (active ones only unless asked)."""
        with self.ctx.db.read() as s:
            q = select(FeeItem).order_by(FeeItem.sort_order, FeeItem.id)
            if not include_inactive:
                q = q.where(FeeItem.active.is_(True))
            return [fee_view(f) for f in s.execute(q).scalars()]

    def get(self, item_id: int) -> FeeItemView:
        with self.ctx.db.read() as s:
            f = s.get(FeeItem, item_id)
            if f is None:
                raise NotFoundError("fee.not_found")
            return fee_view(f)

    @staticmethod
    def _clean(data: FeeItemInput) -> dict:
        errors = FieldErrors()
        code = (data.code or "").strip().lower()
        if not _CODE.match(code):
            errors.add("code", "fee.code_format")
        name_zh = errors.check("name_zh", lambda v: normalize_text(v, max_length=64, required=True), data.name_zh)
        name_en = errors.check("name_en", lambda v: normalize_text(v, max_length=64), data.name_en)
        price = errors.check("default_price", to_money, data.default_price)
        if price is not None and not Decimal("0") <= price <= MAX_LINE_PRICE:
            errors.add("default_price", "fee.price_range", max=MAX_LINE_PRICE)
        if not isinstance(data.sort_order, int) or not 0 <= data.sort_order <= 9999:
            errors.add("sort_order", "fee.order_range")
        errors.raise_if_any()
        return {"code": code, "name_zh": name_zh, "name_en": name_en or "", "default_price": price,
                "refundable": bool(data.refundable), "active": bool(data.active), "sort_order": data.sort_order}

    def create(self, data: FeeItemInput) -> FeeItemView:
        """Add an item to the catalogue (administrators only)."""
        op = self.ctx.require_operator("admin")
        values = self._clean(data)
        with self.ctx.db.write() as s:
            if s.execute(select(FeeItem.id).where(FeeItem.code == values["code"])).first():
                errors = FieldErrors()
                errors.add("code", "fee.code_taken", code=values["code"])
                errors.raise_if_any()
            f = FeeItem(**values, created_by_id=op.id)
            s.add(f)
            s.flush()
            record(s, op.id, "fee.create", "fee_item", f.id, after=_snapshot(f))
            return fee_view(f)

    def update(self, item_id: int, data: FeeItemInput) -> FeeItemView:
        """Change an item's names, price, refundability, order or whether it is offered.

        The code is fixed once created (other modules refer to items by it).
        """
        op = self.ctx.require_operator("admin")
        values = self._clean(data)
        with self.ctx.db.write() as s:
            f = s.get(FeeItem, item_id)
            if f is None:
                raise NotFoundError("fee.not_found")
            before = _snapshot(f)
            values.pop("code")
            for k, v in values.items():
                setattr(f, k, v)
            s.flush()
            record(s, op.id, "fee.update", "fee_item", f.id, before=before, after=_snapshot(f))
            return fee_view(f)

    def by_code(self, code: str) -> FeeItemView:
        """The item with ``code`` (e.g. ``pass_card`` for the permits module)."""
        with self.ctx.db.read() as s:
            f = s.execute(select(FeeItem).where(FeeItem.code == code)).scalar_one_or_none()
            if f is None:
                raise NotFoundError("fee.not_found")
            return fee_view(f)
