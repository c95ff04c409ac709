"""Receipts and fees at the counter (收款收据, DOMAIN §5): fee catalogue, shifts, receipts.

``FeeItem`` is the administrator's catalogue (current state, audited, never deleted: an item
no longer offered is made inactive). ``CashShift`` is one receptionist's till from opening
float to cash-up; it is updated exactly once, when it closes, and a closed shift refuses any
change (trigger, migration 0007). The money registers are append-only by trigger:
``Receipt`` and its ``ReceiptLine`` rows, ``ReceiptVoid`` (a mistake is voided, the receipt
stays), ``ReceiptRefund`` (退款通知书, linked to the receipt it refunds) and the cash-up's
``CashShiftTotal`` rows (expected amounts per payment method, frozen at close).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Money, created_at_column, created_by_column


class FeeItem(Base):
    """One kind of fee the counter takes, with its default price (editable at issue)."""

    __tablename__ = "fee_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: stable code: repair, pass_card, renovation_deposit, debris, temp_water, special, other…
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_zh: Mapped[str] = mapped_column(String(64))
    name_en: Mapped[str] = mapped_column(String(64), default="")
    default_price: Mapped[Decimal] = mapped_column(Money)
    #: a deposit: it may later be refunded with a refund slip
    refundable: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = created_at_column()
    created_by_id: Mapped[int | None] = created_by_column()


class CashShift(Base):
    """A till from opening float to cash-up (Z report). Immutable once closed."""

    __tablename__ = "cash_shift"
    __table_args__ = (Index("ix_cash_shift_staff_open", "staff_id", "closed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    opened_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    opening_float: Mapped[Decimal] = mapped_column(Money)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    #: the Z number: gapless over all closes
    close_seq: Mapped[int | None] = mapped_column(Integer, nullable=True, unique=True)
    expected_cash: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    counted_cash: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    variance: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    variance_note: Mapped[str] = mapped_column(Text, default="")


class CashShiftTotal(Base):
    """What a closed shift should hold per payment method, frozen at close. Append-only."""

    __tablename__ = "cash_shift_total"
    __table_args__ = (UniqueConstraint("shift_id", "method", name="uq_cash_shift_total_shift_method"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("cash_shift.id"))
    method: Mapped[str] = mapped_column(String(16))
    receipt_count: Mapped[int] = mapped_column(Integer, default=0)
    receipts: Mapped[Decimal] = mapped_column(Money)
    refund_count: Mapped[int] = mapped_column(Integer, default=0)
    refunds: Mapped[Decimal] = mapped_column(Money)


class Receipt(Base):
    """A receipt (收款收据) as issued. Append-only: a void is a ``ReceiptVoid`` row."""

    __tablename__ = "receipt"
    __table_args__ = (
        UniqueConstraint("series", "year", "seq", name="uq_receipt_series_year_seq"),
        Index("ix_receipt_issued_at", "issued_at"),
        Index("ix_receipt_shift", "shift_id"),
        Index("ix_receipt_occupant", "occupant_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: R2026-000123, printed and scanned
    number: Mapped[str] = mapped_column(String(20), unique=True)
    series: Mapped[str] = mapped_column(String(4))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    shift_id: Mapped[int] = mapped_column(ForeignKey("cash_shift.id"))
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    issued_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    #: occupant | company | other
    payer_kind: Mapped[str] = mapped_column(String(16))
    payer_name: Mapped[str] = mapped_column(String(128))
    occupant_id: Mapped[int | None] = mapped_column(ForeignKey("occupant.id"), nullable=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), nullable=True)
    method: Mapped[str] = mapped_column(String(16))
    total: Mapped[Decimal] = mapped_column(Money)
    #: what the money is for beyond the lines, e.g. "repair:123" from another module
    reference: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class ReceiptLine(Base):
    """One line of a receipt. Append-only."""

    __tablename__ = "receipt_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipt.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    fee_item_id: Mapped[int | None] = mapped_column(ForeignKey("fee_item.id"), nullable=True)
    description: Mapped[str] = mapped_column(String(128))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Decimal] = mapped_column(Money)
    amount: Mapped[Decimal] = mapped_column(Money)
    refundable: Mapped[bool] = mapped_column(Boolean, default=False)


class ReceiptVoid(Base):
    """A receipt voided in its own shift: reason and the supervisor who confirmed. Append-only."""

    __tablename__ = "receipt_void"

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipt.id"), unique=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("cash_shift.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    approved_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    reason: Mapped[str] = mapped_column(Text)


class ReceiptRefund(Base):
    """A refund slip (退款通知书) paying back (part of) a deposit. Append-only."""

    __tablename__ = "receipt_refund"
    __table_args__ = (
        UniqueConstraint("series", "year", "seq", name="uq_receipt_refund_series_year_seq"),
        Index("ix_receipt_refund_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    series: Mapped[str] = mapped_column(String(4))
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipt.id"), index=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("cash_shift.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    amount: Mapped[Decimal] = mapped_column(Money)
    method: Mapped[str] = mapped_column(String(16))
    payee: Mapped[str] = mapped_column(String(128))
    reason: Mapped[str] = mapped_column(Text, default="")
