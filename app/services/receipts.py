"""Receipts at the counter (收款收据, DOMAIN §5): shifts, receipts, voids, refund slips, cash-up.

Every method is one unit of work (validate everything, write, audit in the same transaction,
return a frozen view); a refused action writes nothing.

* A receptionist opens a **shift** with an opening float; receipts and refunds go into the
  operator's open shift, and closing it is the cash-up (Z report): expected totals per payment
  method, counted cash, variance (a note is required when it is not zero) and a gapless close
  number. A closed shift never changes (the service refuses, and a trigger too).
* **Numbers** (``R2026-000123``) come from a counter row per series and year taken inside the
  issuing transaction — ``BEGIN IMMEDIATE`` on SQLite, ``SELECT … FOR UPDATE`` on
  PostgreSQL — so two counters issuing at once get consecutive numbers and a refused
  receipt uses none.
* A mistake is **voided**, never deleted: a reason, a supervisor confirming with their own
  user name and password at the counter (``Approval``, as for keys), only while the receipt's
  shift is still open. The voided receipt stays and prints watermarked 作废 / VOID.
* A deposit is paid back with a **refund slip** (退款通知书, ``RT2026-000007``) linked to its
  receipt, never more than the refundable lines minus earlier refunds.

``issue(ReceiptInput)`` takes a payer and lines and returns a ``ReceiptView`` (id, number):
other modules (repairs, passes) settle their charges through it, naming what the money is for
with ``source=SourceRef("repair", 123)`` and their fee by code (``LineInput(fee_code="repair")``);
``for_source("repair", 123)`` finds the receipts of that record again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, func, or_, select, type_coerce

from app.context import AppContext, Operator
from app.errors import AuthenticationError, ConflictError, FieldErrors, NotFoundError
from app.receipt_rules import (
    MAX_AMOUNT,
    MAX_LINE_PRICE,
    MAX_QUANTITY,
    PAYER_KINDS,
    PAYMENT_METHODS,
    RECEIPT_SERIES,
    REFUND_SERIES,
    amount_in_words,
    counter_name,
    format_number,
    parse_verification,
    receipt_number_of,
    to_money,
    verification_check,
)
from app.security import role_at_least
from app.services.audit import lock_counter, record
from app.validation import normalize_text
from db.models import (
    CashShift,
    CashShiftTotal,
    FeeItem,
    Occupant,
    PrintJob,
    Receipt,
    ReceiptLine,
    ReceiptRefund,
    ReceiptVoid,
    Staff,
    Unit,
    now,
)

ZERO = Decimal("0.00")


def _fen_sum(column):  # noqa: ANN001, ANN202
    """SUM of a Money column as raw fen (an integer), 0 when there are no rows."""
    return func.coalesce(func.sum(type_coerce(column, BigInteger)), 0)


def _from_fen(value: Any) -> Decimal:
    return (Decimal(int(value or 0)) / 100).quantize(Decimal("0.01"))
MAX_LINES = 20
#: the print log's names (``PrintLogService`` kind) of the documents this module prints
PRINT_KIND_RECEIPT = "receipt"
PRINT_KIND_REFUND = "refund-slip"
PRINT_KIND_CASHUP = "cashup"
PRINT_KINDS = (PRINT_KIND_RECEIPT, PRINT_KIND_REFUND)
MAX_FLOAT = Decimal("100000.00")


# -- inputs ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Approval:
    """A supervisor confirming at the counter with their own user name and password."""

    username: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class Payer:
    """Who pays: an occupant from the directory, a company, or someone else by name.

    For an occupant ``name`` may stay empty (the directory's name is used); ``unit_id`` (or
    ``unit_code`` as typed, e.g. ``A-1203``) may name the unit a company or person pays for.
    """

    kind: str = "occupant"
    occupant_id: int | None = None
    unit_id: int | None = None
    name: str = ""
    unit_code: str = ""


@dataclass(frozen=True)
class LineInput:
    """One line: a catalogue item (its name and default price unless given) or free text.

    The item is named by id (the Receipts tab) or by its stable code (other modules:
    ``fee_code="pass_card"``).
    """

    fee_item_id: int | None = None
    description: str = ""
    unit_price: Decimal | str | None = None
    quantity: int = 1
    fee_code: str = ""


_SOURCE_KIND = re.compile(r"^[a-z][a-z_]{1,23}$")
_SOURCE_ID = re.compile(r"^[A-Za-z0-9_.-]{1,36}$")


@dataclass(frozen=True)
class SourceRef:
    """The record of another module a receipt settles: ``SourceRef("repair", 123)``.

    Stored as the receipt's ``reference`` (``repair:123``) and shown with it; the receipt
    links back to it through :meth:`ReceiptService.for_source`.
    """

    kind: str
    id: int | str

    @property
    def text(self) -> str:
        return f"{self.kind}:{self.id}"

    @staticmethod
    def parse(reference: str) -> SourceRef | None:
        """The source a stored reference names, or None for free text."""
        kind, sep, ident = (reference or "").partition(":")
        if not sep or not _SOURCE_KIND.match(kind) or not _SOURCE_ID.match(ident):
            return None
        return SourceRef(kind, int(ident) if ident.isdigit() else ident)


@dataclass(frozen=True)
class ReceiptInput:
    payer: Payer
    lines: tuple[LineInput, ...]
    method: str = "cash"
    note: str = ""
    #: free text naming what the money settles (shown, not interpreted); see ``source``
    reference: str = ""
    #: the record of another module this receipt settles (stored as ``kind:id``)
    source: SourceRef | None = None


@dataclass(frozen=True)
class RefundInput:
    amount: Decimal | str
    method: str = "cash"
    payee: str = ""
    reason: str = ""


# -- views -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceiptLineView:
    position: int
    fee_item_id: int | None
    fee_code: str
    description: str
    quantity: int
    unit_price: Decimal
    amount: Decimal
    refundable: bool


@dataclass(frozen=True)
class ReceiptView:
    id: int
    number: str
    shift_id: int
    issued_at: datetime
    issued_by: str
    payer_kind: str
    payer_name: str
    occupant_id: int | None
    unit_id: int | None
    unit_code: str
    method: str
    total: Decimal
    note: str
    reference: str
    lines: tuple[ReceiptLineView, ...]
    voided: bool = False
    voided_at: datetime | None = None
    void_reason: str = ""
    voided_by: str = ""
    void_approved_by: str = ""
    refunded: Decimal = ZERO

    @property
    def total_words(self) -> str:
        """The total in Chinese capital numerals (大写)."""
        return amount_in_words(self.total)

    @property
    def refundable(self) -> Decimal:
        """What may still be refunded: the deposit lines minus earlier refunds (0 if voided)."""
        if self.voided:
            return ZERO
        return max(sum((ln.amount for ln in self.lines if ln.refundable), ZERO) - self.refunded, ZERO)

    @property
    def payer_label(self) -> str:
        return f"{self.unit_code} {self.payer_name}".strip()

    @property
    def source(self) -> SourceRef | None:
        """The other module's record this receipt settles, when it was issued with one."""
        return SourceRef.parse(self.reference)

    def verifies(self, scanned: str) -> bool | None:
        """Whether a scanned QR code's figures match this receipt (None: no QR figures in it)."""
        v = parse_verification(scanned)
        if v is None:
            return None
        number, total, day, check = v
        return (number == self.number and total == self.total and day == f"{self.issued_at:%Y-%m-%d}"
                and check == verification_check(self.number, self.total, self.issued_at, self.payer_name))


@dataclass(frozen=True)
class RefundView:
    id: int
    number: str
    receipt_id: int
    receipt_number: str
    shift_id: int
    at: datetime
    by: str
    amount: Decimal
    method: str
    payee: str
    reason: str
    unit_code: str = ""
    receipt_total: Decimal = ZERO
    receipt_issued_at: datetime | None = None
    refunded_before: Decimal = ZERO

    @property
    def amount_words(self) -> str:
        return amount_in_words(self.amount)


@dataclass(frozen=True)
class ShiftView:
    id: int
    staff_id: int
    staff_name: str
    opened_at: datetime
    opening_float: Decimal
    closed_at: datetime | None
    close_seq: int | None
    closed_by: str = ""
    expected_cash: Decimal | None = None
    counted_cash: Decimal | None = None
    variance: Decimal | None = None
    variance_note: str = ""

    @property
    def open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class MethodTotal:
    method: str
    receipt_count: int
    receipts: Decimal
    refund_count: int
    refunds: Decimal

    @property
    def net(self) -> Decimal:
        return self.receipts - self.refunds


@dataclass(frozen=True)
class ReprintView:
    """A receipt or refund slip printed again (from the print log)."""

    ref: str
    kind: str
    at: datetime
    printer: str
    by: str

    @property
    def detail(self) -> str:
        return f"{self.printer} · {self.by}"


@dataclass(frozen=True)
class CashupView:
    """The Z report of a shift: final once the shift is closed, a preview while open."""

    shift: ShiftView
    totals: tuple[MethodTotal, ...]
    receipt_count: int
    first_number: str
    last_number: str
    voids: tuple[ReceiptView, ...]
    refunds: tuple[RefundView, ...]
    reprints: tuple[ReprintView, ...] = ()

    @property
    def takings(self) -> Decimal:
        """Money taken less money paid back, all methods."""
        return sum((t.net for t in self.totals), ZERO)

    @property
    def expected_cash(self) -> Decimal:
        """Opening float plus cash taken minus cash refunded: what the drawer should hold."""
        cash = next((t.net for t in self.totals if t.method == "cash"), ZERO)
        return self.shift.opening_float + cash


# -- helpers -----------------------------------------------------------------------------------


def _text(max_length: int, *, required: bool = False):  # noqa: ANN202
    return lambda v: normalize_text(v, max_length=max_length, required=required)


def _positive_int(value: Any, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= high


class ReceiptService:
    """Everything the Receipts tab, the receipt printouts and ``export receipts`` do."""

    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    # -- approvals -----------------------------------------------------------------------------

    def _approver(self, approval: Approval | None, op: Operator, errors: FieldErrors) -> Operator | None:
        """A supervisor's own user name and password, checked before the write lock (argon2 is slow)."""
        if approval is None or not (approval.username or "").strip() or not approval.password:
            errors.add("approval", "receipt.void.approval_required")
            return None
        from app.services.staff import StaffService

        try:
            who = StaffService(self.ctx).authenticate(approval.username, approval.password)
        except AuthenticationError:
            errors.add("approval", "receipt.void.bad_credentials")
            return None
        if not role_at_least(who.role, "supervisor"):
            errors.add("approval", "receipt.void.approver_role", name=who.display_name)
            return None
        if who.id == op.id:
            errors.add("approval", "receipt.void.approver_is_operator")
            return None
        return who

    # -- shifts --------------------------------------------------------------------------------

    @staticmethod
    def _open_shift_row(s, staff_id: int) -> CashShift | None:  # noqa: ANN001
        return s.execute(select(CashShift).where(CashShift.staff_id == staff_id, CashShift.closed_at.is_(None))
                         .order_by(CashShift.id.desc()).limit(1)).scalar_one_or_none()

    def current_shift(self) -> ShiftView | None:
        """The signed-in operator's open shift, if any."""
        op = self.ctx.require_operator()
        with self.ctx.db.read() as s:
            row = self._open_shift_row(s, op.id)
            return self._shift_view(s, row) if row else None

    def open_shift(self, opening_float: Decimal | str, *, at: datetime | None = None) -> ShiftView:
        """Open the operator's till with the cash it starts with. One open shift per person."""
        op = self.ctx.require_operator()
        errors = FieldErrors()
        amount = errors.check("opening_float", to_money, opening_float)
        if amount is not None and not ZERO <= amount <= MAX_FLOAT:
            errors.add("opening_float", "receipt.shift.float_range", max=MAX_FLOAT)
        errors.raise_if_any()
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            if self._open_shift_row(s, op.id) is not None:
                raise ConflictError("receipt.shift.already_open")
            shift = CashShift(staff_id=op.id, opened_at=when, opening_float=amount, variance_note="")
            s.add(shift)
            s.flush()
            record(s, op.id, "receipt.shift_open", "cash_shift", shift.id, after={"opening_float": amount})
            return self._shift_view(s, shift)

    def shift(self, shift_id: int) -> ShiftView:
        with self.ctx.db.read() as s:
            row = s.get(CashShift, shift_id)
            if row is None:
                raise NotFoundError("receipt.shift.not_found")
            return self._shift_view(s, row)

    def shifts(self, *, limit: int = 100, closed_only: bool = False) -> list[ShiftView]:
        """Shifts, newest first."""
        with self.ctx.db.read() as s:
            q = select(CashShift).order_by(CashShift.id.desc()).limit(limit)
            if closed_only:
                q = q.where(CashShift.closed_at.is_not(None))
            return [self._shift_view(s, r) for r in s.execute(q).scalars()]

    def cashup(self, shift_id: int | None = None) -> CashupView:
        """The Z report of ``shift_id`` (default: the operator's open shift, as a preview)."""
        op = self.ctx.require_operator()
        with self.ctx.db.read() as s:
            row = s.get(CashShift, shift_id) if shift_id is not None else self._open_shift_row(s, op.id)
            if row is None:
                raise NotFoundError("receipt.shift.not_found" if shift_id is not None else "receipt.no_open_shift")
            return self._cashup(s, row)

    def close_shift(self, counted_cash: Decimal | str, note: str = "", *, at: datetime | None = None) -> CashupView:
        """Cash-up: freeze the expected totals, record the counted cash and the variance.

        A variance other than zero needs a note. The shift gets the next close number and
        never changes again.
        """
        op = self.ctx.require_operator()
        errors = FieldErrors()
        counted = errors.check("counted_cash", to_money, counted_cash)
        if counted is not None and not ZERO <= counted <= MAX_AMOUNT:
            errors.add("counted_cash", "receipt.money_range")
        text = errors.check("note", _text(1000), note) or ""
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            shift = self._open_shift_row(s, op.id)
            if shift is None:
                raise ConflictError("receipt.no_open_shift")
            preview = self._cashup(s, shift)
            variance = counted - preview.expected_cash if counted is not None else None
            if variance is not None and variance != 0 and not text:
                errors.add("note", "receipt.shift.variance_note_required", variance=variance)
            errors.raise_if_any()
            seq = lock_counter(s, "cash_shift_close")
            seq.value += 1
            for t in preview.totals:
                s.add(CashShiftTotal(shift_id=shift.id, method=t.method, receipt_count=t.receipt_count,
                                     receipts=t.receipts, refund_count=t.refund_count, refunds=t.refunds))
            shift.closed_at = max(when, shift.opened_at)
            shift.closed_by_id = op.id
            shift.close_seq = seq.value
            shift.expected_cash = preview.expected_cash
            shift.counted_cash = counted
            shift.variance = variance
            shift.variance_note = text
            s.flush()
            record(s, op.id, "receipt.shift_close", "cash_shift", shift.id, after={
                "close_seq": seq.value, "expected_cash": preview.expected_cash, "counted_cash": counted,
                "variance": variance, "note": text, "takings": preview.takings,
                "receipts": preview.receipt_count,
            })
            return self._cashup(s, shift)

    # -- receipts ------------------------------------------------------------------------------

    def issue(self, data: ReceiptInput, *, at: datetime | None = None) -> ReceiptView:
        """Issue a receipt in the operator's open shift; the number is taken in this transaction."""
        op = self.ctx.require_operator()
        errors = FieldErrors()
        when = (at or now()).replace(microsecond=0)
        if data.method not in PAYMENT_METHODS:
            errors.add("method", "receipt.method_unknown")
        note = errors.check("note", _text(500), data.note) or ""
        reference = errors.check("reference", _text(64), data.reference) or ""
        if data.source is not None:
            if not _SOURCE_KIND.match(str(data.source.kind)) or not _SOURCE_ID.match(str(data.source.id)):
                errors.add("reference", "receipt.source_invalid")
            elif reference and reference != data.source.text:
                errors.add("reference", "receipt.source_and_reference")
            else:
                reference = data.source.text
        with self.ctx.db.write() as s:
            shift = self._open_shift_row(s, op.id)
            if shift is None:
                raise ConflictError("receipt.no_open_shift")
            payer = self._clean_payer(s, data.payer, errors)
            lines = self._clean_lines(s, data.lines, errors)
            total = sum((ln["amount"] for ln in lines), ZERO)
            if lines and not errors and total > MAX_AMOUNT:
                errors.add("lines", "receipt.amount_range")
            errors.raise_if_any()
            counter = lock_counter(s, counter_name(RECEIPT_SERIES, when.year))
            counter.value += 1
            receipt = Receipt(
                number=format_number(RECEIPT_SERIES, when.year, counter.value), series=RECEIPT_SERIES,
                year=when.year, seq=counter.value, shift_id=shift.id, issued_at=max(when, shift.opened_at),
                issued_by_id=op.id, method=data.method, total=total, reference=reference, note=note, **payer,
            )
            s.add(receipt)
            s.flush()
            for i, ln in enumerate(lines, start=1):
                s.add(ReceiptLine(receipt_id=receipt.id, position=i, **ln))
            s.flush()
            record(s, op.id, "receipt.issue", "receipt", receipt.id, after={
                "number": receipt.number, "total": total, "method": data.method, "payer": receipt.payer_name,
                "lines": [[ln["description"], ln["quantity"], ln["unit_price"]] for ln in lines],
                "reference": reference,
            })
            return self._receipt_views(s, [receipt.id])[0]

    def _clean_payer(self, s, payer: Payer, errors: FieldErrors) -> dict[str, Any]:  # noqa: ANN001
        out: dict[str, Any] = {"payer_kind": payer.kind, "payer_name": "", "occupant_id": None, "unit_id": None}
        if payer.kind not in PAYER_KINDS:
            errors.add("payer", "receipt.payer_kind_unknown")
            return out
        name = errors.check("payer", _text(128), payer.name) or ""
        if payer.unit_id is None and (payer.unit_code or "").strip() and payer.kind != "occupant":
            uid = s.execute(select(Unit.id).where(Unit.code == payer.unit_code.strip().upper())).scalar_one_or_none()
            if uid is None:
                errors.add("unit", "receipt.unit_unknown")
            else:
                out["unit_id"] = uid
        elif payer.unit_id is not None:
            if s.get(Unit, payer.unit_id) is None:
                errors.add("payer", "receipt.unit_unknown")
            else:
                out["unit_id"] = payer.unit_id
        if payer.kind == "occupant":
            occ = s.get(Occupant, payer.occupant_id) if payer.occupant_id is not None else None
            if occ is None:
                errors.add("payer", "receipt.payer_occupant_required")
                return out
            out["occupant_id"] = occ.id
            out["unit_id"] = occ.unit_id
            name = name or occ.name
        if not name:
            errors.add("payer", "receipt.payer_name_required")
        out["payer_name"] = name
        return out

    def _clean_lines(self, s, lines: Sequence[LineInput], errors: FieldErrors) -> list[dict[str, Any]]:  # noqa: ANN001
        if not lines:
            errors.add("lines", "receipt.lines_required")
            return []
        if len(lines) > MAX_LINES:
            errors.add("lines", "receipt.too_many_lines", max=MAX_LINES)
            return []
        out = []
        for i, ln in enumerate(lines):
            name = f"line{i}"
            item = None
            if ln.fee_item_id is None and ln.fee_code:
                item = s.execute(select(FeeItem).where(FeeItem.code == ln.fee_code)).scalar_one_or_none()
                if item is None or not item.active:
                    errors.add(name, "receipt.fee_item_unknown", line=i + 1)
                    continue
            elif ln.fee_item_id is not None:
                item = s.get(FeeItem, ln.fee_item_id)
                if item is None or not item.active:
                    errors.add(name, "receipt.fee_item_unknown", line=i + 1)
                    continue
            desc = errors.check(name, _text(128), ln.description) or (item.name_zh if item else "")
            if not desc:
                errors.add(name, "receipt.line_description_required", line=i + 1)
            price = item.default_price if (ln.unit_price is None or ln.unit_price == "") and item else ln.unit_price
            price = errors.check(name, to_money, price) if price is not None else None
            if price is None or not ZERO < price <= MAX_LINE_PRICE:
                errors.add(name, "receipt.line_price_range", line=i + 1, max=MAX_LINE_PRICE)
            if not _positive_int(ln.quantity, MAX_QUANTITY):
                errors.add(name, "receipt.line_quantity_range", line=i + 1, max=MAX_QUANTITY)
            if price is None or not _positive_int(ln.quantity, MAX_QUANTITY) or not desc:
                continue
            out.append({"fee_item_id": item.id if item else None, "description": desc, "quantity": ln.quantity,
                        "unit_price": price, "amount": price * ln.quantity,
                        "refundable": bool(item.refundable) if item else False})
        return out

    def get(self, receipt_id: int) -> ReceiptView:
        with self.ctx.db.read() as s:
            views = self._receipt_views(s, [receipt_id])
            if not views:
                raise NotFoundError("receipt.not_found")
            return views[0]

    def find(self, number: str) -> ReceiptView:
        """A receipt by its number as printed or scanned (or its QR code's text); a refund slip's
        number finds its receipt."""
        code = receipt_number_of(number)
        if code is None:
            raise NotFoundError("receipt.number_unknown", number=(number or "")[:32])
        with self.ctx.db.read() as s:
            rid = s.execute(select(Receipt.id).where(Receipt.number == code)).scalar_one_or_none()
            if rid is None:
                rid = s.execute(select(ReceiptRefund.receipt_id).where(ReceiptRefund.number == code)).scalar_one_or_none()
            if rid is None:
                raise NotFoundError("receipt.number_unknown", number=code)
            return self._receipt_views(s, [rid])[0]

    def for_source(self, kind: str, ident: int | str) -> list[ReceiptView]:
        """Receipts issued for another module's record (``source=SourceRef(kind, ident)``), oldest
        first, voided ones included (check ``voided``)."""
        ref = SourceRef(kind, ident).text
        with self.ctx.db.read() as s:
            ids = s.execute(select(Receipt.id).where(Receipt.reference == ref).order_by(Receipt.id)).scalars()
            return self._receipt_views(s, list(ids))

    def shift_receipts(self, shift_id: int | None = None) -> list[ReceiptView]:
        """Receipts of a shift (default: the operator's open one), newest first."""
        op = self.ctx.require_operator()
        with self.ctx.db.read() as s:
            if shift_id is None:
                row = self._open_shift_row(s, op.id)
                if row is None:
                    return []
                shift_id = row.id
            ids = s.execute(select(Receipt.id).where(Receipt.shift_id == shift_id).order_by(Receipt.id.desc())).scalars()
            return self._receipt_views(s, list(ids))

    def search(self, date_from: date | None = None, date_to: date | None = None, text: str = "",
               *, limit: int = 500) -> list[ReceiptView]:
        """Receipts issued between two dates (inclusive) whose number or payer starts with ``text``."""
        with self.ctx.db.read() as s:
            q = select(Receipt.id).order_by(Receipt.id.desc()).limit(limit)
            if date_from:
                q = q.where(Receipt.issued_at >= datetime.combine(date_from, time.min))
            if date_to:
                q = q.where(Receipt.issued_at <= datetime.combine(date_to, time.max))
            t = (text or "").strip()
            if t:
                q = q.where(or_(Receipt.number.startswith(t.upper()), Receipt.payer_name.startswith(t)))
            return self._receipt_views(s, list(s.execute(q).scalars()))

    def export(self, date_from: date, date_to: date) -> Iterator[ReceiptView]:
        """Every receipt issued from ``date_from`` to ``date_to`` (inclusive), in number order, in pages."""
        start, end = datetime.combine(date_from, time.min), datetime.combine(date_to, time.max)
        after = 0
        while True:
            with self.ctx.db.read() as s:
                ids = list(s.execute(select(Receipt.id).where(Receipt.issued_at >= start, Receipt.issued_at <= end,
                                                              Receipt.id > after)
                                     .order_by(Receipt.id).limit(500)).scalars())
                views = self._receipt_views(s, ids)
            if not ids:
                return
            yield from sorted(views, key=lambda v: v.id)
            after = ids[-1]

    # -- voids ---------------------------------------------------------------------------------

    def void(self, receipt_id: int, reason: str, approval: Approval | None, *, at: datetime | None = None) -> ReceiptView:
        """Void a receipt issued by mistake, in its own shift, with a supervisor's approval."""
        op = self.ctx.require_operator()
        errors = FieldErrors()
        text = errors.check("reason", _text(500, required=True), reason)
        approver = self._approver(approval, op, errors)
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            receipt = s.get(Receipt, receipt_id)
            if receipt is None:
                raise NotFoundError("receipt.not_found")
            if s.execute(select(ReceiptVoid.id).where(ReceiptVoid.receipt_id == receipt.id)).first():
                raise ConflictError("receipt.void.already_void", number=receipt.number)
            shift = s.get(CashShift, receipt.shift_id)
            if shift.closed_at is not None or shift.staff_id != op.id:
                raise ConflictError("receipt.void.not_same_shift", number=receipt.number)
            if s.execute(select(ReceiptRefund.id).where(ReceiptRefund.receipt_id == receipt.id)).first():
                raise ConflictError("receipt.void.has_refunds", number=receipt.number)
            errors.raise_if_any()
            v = ReceiptVoid(receipt_id=receipt.id, shift_id=shift.id, at=max(when, receipt.issued_at), by_id=op.id,
                            approved_by_id=approver.id, reason=text)
            s.add(v)
            s.flush()
            record(s, op.id, "receipt.void", "receipt", receipt.id, after={
                "number": receipt.number, "total": receipt.total, "reason": text, "approved_by": approver.username})
            return self._receipt_views(s, [receipt.id])[0]

    # -- refunds -------------------------------------------------------------------------------

    def refund(self, receipt_id: int, data: RefundInput, *, at: datetime | None = None) -> RefundView:
        """A refund slip (退款通知书) paying back a deposit from the operator's open shift."""
        op = self.ctx.require_operator()
        errors = FieldErrors()
        amount = errors.check("amount", to_money, data.amount)
        if data.method not in PAYMENT_METHODS:
            errors.add("method", "receipt.method_unknown")
        payee = errors.check("payee", _text(128), data.payee) or ""
        reason = errors.check("reason", _text(500), data.reason) or ""
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            shift = self._open_shift_row(s, op.id)
            if shift is None:
                raise ConflictError("receipt.no_open_shift")
            views = self._receipt_views(s, [receipt_id])
            if not views:
                raise NotFoundError("receipt.not_found")
            original = views[0]
            if original.voided:
                raise ConflictError("receipt.refund.voided", number=original.number)
            if not any(ln.refundable for ln in original.lines):
                raise ConflictError("receipt.refund.not_deposit", number=original.number)
            remaining = original.refundable
            if amount is not None and not ZERO < amount <= remaining:
                errors.add("amount", "receipt.refund.amount_range", max=remaining)
            errors.raise_if_any()
            counter = lock_counter(s, counter_name(REFUND_SERIES, when.year))
            counter.value += 1
            r = ReceiptRefund(number=format_number(REFUND_SERIES, when.year, counter.value), series=REFUND_SERIES,
                              year=when.year, seq=counter.value, receipt_id=original.id, shift_id=shift.id,
                              at=max(when, shift.opened_at), by_id=op.id, amount=amount, method=data.method,
                              payee=payee or original.payer_name, reason=reason)
            s.add(r)
            s.flush()
            record(s, op.id, "receipt.refund", "receipt_refund", r.id, after={
                "number": r.number, "receipt": original.number, "amount": amount, "method": data.method,
                "payee": r.payee, "reason": reason})
            return self._refund_views(s, [r.id])[0]

    def refunds(self, receipt_id: int) -> list[RefundView]:
        """The refund slips of one receipt, oldest first."""
        with self.ctx.db.read() as s:
            ids = s.execute(select(ReceiptRefund.id).where(ReceiptRefund.receipt_id == receipt_id)
                            .order_by(ReceiptRefund.id)).scalars()
            return self._refund_views(s, list(ids))

    def get_refund(self, refund_id: int) -> RefundView:
        with self.ctx.db.read() as s:
            views = self._refund_views(s, [refund_id])
            if not views:
                raise NotFoundError("receipt.refund.not_found")
            return views[0]

    # -- views ---------------------------------------------------------------------------------

    @staticmethod
    def _names(s, ids: set[int]) -> dict[int, str]:  # noqa: ANN001
        ids.discard(None)  # type: ignore[arg-type]
        if not ids:
            return {}
        return dict(s.execute(select(Staff.id, Staff.display_name).where(Staff.id.in_(ids))).all())

    def _shift_view(self, s, r: CashShift) -> ShiftView:  # noqa: ANN001
        names = self._names(s, {r.staff_id, r.closed_by_id})
        return ShiftView(r.id, r.staff_id, names.get(r.staff_id, ""), r.opened_at, r.opening_float, r.closed_at,
                         r.close_seq, names.get(r.closed_by_id, ""), r.expected_cash, r.counted_cash, r.variance,
                         r.variance_note or "")

    def _receipt_views(self, s, ids: list[int]) -> list[ReceiptView]:  # noqa: ANN001
        """Views of ``ids`` in that order, with lines, void and refunds: four queries for any number."""
        if not ids:
            return []
        rows = {r.id: r for r in s.execute(select(Receipt).where(Receipt.id.in_(ids))).scalars()}
        lines: dict[int, list[ReceiptLineView]] = {}
        codes = dict(s.execute(select(FeeItem.id, FeeItem.code)).all())
        for ln in s.execute(select(ReceiptLine).where(ReceiptLine.receipt_id.in_(ids))
                            .order_by(ReceiptLine.receipt_id, ReceiptLine.position)).scalars():
            lines.setdefault(ln.receipt_id, []).append(ReceiptLineView(
                ln.position, ln.fee_item_id, codes.get(ln.fee_item_id, ""), ln.description, ln.quantity,
                ln.unit_price, ln.amount, ln.refundable))
        voids = {v.receipt_id: v for v in s.execute(select(ReceiptVoid).where(ReceiptVoid.receipt_id.in_(ids))).scalars()}
        refunded = dict(s.execute(select(ReceiptRefund.receipt_id, _fen_sum(ReceiptRefund.amount))
                                  .where(ReceiptRefund.receipt_id.in_(ids)).group_by(ReceiptRefund.receipt_id)).all())
        unit_ids = {r.unit_id for r in rows.values() if r.unit_id}
        units = dict(s.execute(select(Unit.id, Unit.code).where(Unit.id.in_(unit_ids))).all()) if unit_ids else {}
        staff = {r.issued_by_id for r in rows.values()} | {v.by_id for v in voids.values()} | {
            v.approved_by_id for v in voids.values()}
        names = self._names(s, staff)
        out = []
        for rid in ids:
            r = rows.get(rid)
            if r is None:
                continue
            v = voids.get(rid)
            ref = _from_fen(refunded.get(rid))
            out.append(ReceiptView(
                r.id, r.number, r.shift_id, r.issued_at, names.get(r.issued_by_id, ""), r.payer_kind, r.payer_name,
                r.occupant_id, r.unit_id, units.get(r.unit_id, ""), r.method, r.total, r.note, r.reference,
                tuple(lines.get(rid, ())), voided=v is not None, voided_at=v.at if v else None,
                void_reason=v.reason if v else "", voided_by=names.get(v.by_id, "") if v else "",
                void_approved_by=names.get(v.approved_by_id, "") if v else "", refunded=ref))
        return out

    def _refund_views(self, s, ids: list[int]) -> list[RefundView]:  # noqa: ANN001
        if not ids:
            return []
        rows = list(s.execute(select(ReceiptRefund).where(ReceiptRefund.id.in_(ids))).scalars())
        receipts = {v.id: v for v in self._receipt_views(s, list({r.receipt_id for r in rows}))}
        names = self._names(s, {r.by_id for r in rows})
        # what had been refunded on the same receipt before each slip
        earlier: dict[int, Decimal] = {}
        for r in rows:
            before = s.execute(select(ReceiptRefund.amount).where(ReceiptRefund.receipt_id == r.receipt_id,
                                                                  ReceiptRefund.id < r.id)).scalars()
            earlier[r.id] = sum(before, ZERO)
        by_id = {r.id: r for r in rows}
        out = []
        for i in ids:
            r = by_id.get(i)
            if r is None:
                continue
            rc = receipts[r.receipt_id]
            out.append(RefundView(r.id, r.number, r.receipt_id, rc.number, r.shift_id, r.at, names.get(r.by_id, ""),
                                  r.amount, r.method, r.payee, r.reason, rc.unit_code, rc.total, rc.issued_at,
                                  earlier[r.id]))
        return out

    def _cashup(self, s, shift: CashShift) -> CashupView:  # noqa: ANN001
        """Totals per method from the shift's receipts (voids excluded) and refunds."""
        voided = select(ReceiptVoid.receipt_id)
        rows = s.execute(select(Receipt.method, func.count(Receipt.id), _fen_sum(Receipt.total))
                         .where(Receipt.shift_id == shift.id, Receipt.id.not_in(voided))
                         .group_by(Receipt.method)).all()
        taken = {m: (n, _from_fen(fen)) for m, n, fen in rows}
        rows = s.execute(select(ReceiptRefund.method, func.count(ReceiptRefund.id),
                                _fen_sum(ReceiptRefund.amount))
                         .where(ReceiptRefund.shift_id == shift.id).group_by(ReceiptRefund.method)).all()
        paid = {m: (n, _from_fen(fen)) for m, n, fen in rows}
        if shift.closed_at is not None:
            frozen = s.execute(select(CashShiftTotal).where(CashShiftTotal.shift_id == shift.id)).scalars()
            by_method = {t.method: t for t in frozen}
            totals = tuple(MethodTotal(m, by_method[m].receipt_count, by_method[m].receipts,
                                       by_method[m].refund_count, by_method[m].refunds)
                           if m in by_method else MethodTotal(m, 0, ZERO, 0, ZERO) for m in PAYMENT_METHODS)
        else:
            totals = tuple(MethodTotal(m, taken.get(m, (0, ZERO))[0], taken.get(m, (0, ZERO))[1],
                                       paid.get(m, (0, ZERO))[0], paid.get(m, (0, ZERO))[1])
                           for m in PAYMENT_METHODS)
        numbers = s.execute(select(func.count(Receipt.id), func.min(Receipt.number), func.max(Receipt.number))
                            .where(Receipt.shift_id == shift.id)).one()
        void_ids = list(s.execute(select(ReceiptVoid.receipt_id).where(ReceiptVoid.shift_id == shift.id)
                                  .order_by(ReceiptVoid.id)).scalars())
        refund_ids = list(s.execute(select(ReceiptRefund.id).where(ReceiptRefund.shift_id == shift.id)
                                    .order_by(ReceiptRefund.id)).scalars())
        return CashupView(self._shift_view(s, shift), totals, numbers[0], numbers[1] or "", numbers[2] or "",
                          tuple(self._receipt_views(s, void_ids)), tuple(self._refund_views(s, refund_ids)),
                          self._reprints(s, shift))

    def _reprints(self, s, shift: CashShift) -> tuple[ReprintView, ...]:  # noqa: ANN001
        """Receipts and refund slips the shift's cashier reprinted while it was open (print log)."""
        q = (select(PrintJob).where(PrintJob.kind.in_(PRINT_KINDS), PrintJob.reprint.is_(True),
                                    PrintJob.outcome.in_(("printed", "saved")), PrintJob.created_by_id == shift.staff_id,
                                    PrintJob.at >= shift.opened_at)
             .order_by(PrintJob.id))
        if shift.closed_at is not None:
            q = q.where(PrintJob.at <= shift.closed_at)
        names = self._names(s, {shift.staff_id})
        return tuple(ReprintView(j.ref, j.kind, j.at, j.printer, names.get(j.created_by_id, ""))
                     for j in s.execute(q).scalars())
