"""Renovation permits and contractor passes (DOMAIN §6, 001 §3.8): the flow and the pass register.

Every method is one unit of work: it checks the operator's role, validates everything
first (all field errors at once), moves the permit one step along the flow
(``app.permit_rules``), appends the step to the permit's register, audits in the same
transaction and returns a frozen view. A step the current state does not allow raises
``TransitionError`` (``permit.wrong_state``) and writes nothing.

Who does what:

* receptionists take applications, record the fees paid (the receipt number typed or scanned:
  a string reference until the receipt module links it), issue the permit and start work,
  issue, renew and take back passes, record lost passes and close a finished permit;
* a supervisor (customer service) records engineering's drawing review, checks the file,
  grants an extension and cancels an application;
* the manager (管理处经理) approves or rejects — signed in, or typing their own user name and
  password at the counter (``Approval``), as for key loans.

Workers' ID numbers are stored in full, shown masked to receptionists and always masked in
audit rows, exports and on the card.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from app.context import AppContext, Operator
from app.errors import (
    AuthenticationError,
    ConflictError,
    DomainError,
    FieldErrors,
    NotFoundError,
)
from app.permit_rules import (
    ADMITTING,
    APPLICANT_KINDS,
    CLOSED,
    DEFAULT_PERIOD_DAYS,
    EXPIRING_DAYS,
    GRACE_DAYS,
    MAX_EXTENSION_DAYS,
    MAX_PERIOD_DAYS,
    PASS_STATES,
    SIGNER_KINDS,
    TRADES,
    WORKING,
    allowed_actions,
    format_pass_number,
    format_permit_number,
    new_token,
    next_state,
    parse_pass_code,
    pass_status_on,
    past_grace,
    period_end,
)
from app.security import role_at_least
from app.services.audit import lock_counter, record
from app.services.fees import FeeItemView, fee_view
from app.text import mask_document
from app.validation import (
    DOC_TYPES,
    normalize_document,
    normalize_name,
    normalize_phone,
    normalize_text,
)
from db.models import (
    ContractorPass,
    ContractorPassEvent,
    ContractorPassPhoto,
    FeeItem,
    Occupant,
    RenovationPermit,
    RenovationPermitEvent,
    Staff,
    Unit,
    now,
)
from db.repositories.common import starts_with

#: A photo for the card: PNG or JPEG, small enough for a 25 × 32 mm print.
MAX_PHOTO_BYTES = 512 * 1024
_PHOTO_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
MAX_MONEY = Decimal("1000000")
#: the fee catalogue's item for the card fee (seeded by migration 0007)
PASS_FEE_CODE = "pass_card"


# -- inputs ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Approval:
    """A manager confirming at the counter with their own user name and password."""

    username: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class ApplicationInput:
    """The application form (装修申请表)."""

    unit_code: str
    applicant_name: str
    contractor_company: str
    site_lead_name: str
    scope: str
    applicant_kind: str = "owner"
    applicant_phone: str = ""
    occupant_id: int | None = None
    site_lead_phone: str = ""
    #: the form signed by the owner (and stamped) was handed in
    form_signed: bool = False
    planned_start: date | None = None  # default: today
    period_days: int | None = None  # default: the setting (45)
    note: str = ""


@dataclass(frozen=True)
class FeesInput:
    """The fees-paid step: the receipt's number and what it covered."""

    receipt_no: str
    deposit: Decimal = Decimal("0")
    debris_fee: Decimal = Decimal("0")
    water_fee: Decimal = Decimal("0")


@dataclass(frozen=True)
class PassInput:
    """One worker's pass (施工人员临时出入证)."""

    worker_name: str
    doc_number: str
    trade: str
    signer_kind: str  # owner | tenant | site_lead
    signer_name: str
    doc_type: str = "mainland_id"
    phone: str = ""
    valid_from: date | None = None  # default: today (or the permit's start, if later)
    valid_to: date | None = None  # default: the permit's end
    receipt_no: str = ""  # the card fee's receipt
    photo: bytes | None = field(default=None, repr=False)
    replaces_id: int | None = None  # re-issue of a lost card
    fee: Decimal | None = None  # default: the catalogue's pass card price (``pass_fee()``)


@dataclass(frozen=True)
class PassPayment:
    """How the card fee is paid when ``issue_pass_paid`` takes it on a new receipt.

    The payer defaults to the permit's contractor (a company, for the permit's unit)."""

    method: str = "cash"
    payer_kind: str = "company"
    payer_name: str = ""
    occupant_id: int | None = None


class ReceiptIssuedError(ConflictError):
    """The fee's receipt was issued but the pass then refused (``permit.receipt_issued_pass_failed``).

    ``receipt`` is the issued ``ReceiptView``; ``cause`` the pass's own error (its fields, if a
    ``ValidationError``). Issue the pass on ``receipt.number`` or void the receipt."""

    def __init__(self, receipt: Any, cause: DomainError):
        super().__init__("permit.receipt_issued_pass_failed", receipt=receipt.number)
        self.receipt = receipt
        self.cause = cause


@dataclass(frozen=True)
class PermitQuery:
    """The list's filter: text (number, unit, contractor, applicant), states, applied dates."""

    text: str = ""
    states: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    #: "" | "working" (in progress or extended) | "extension_due" | "open" (not closed)
    only: str = ""
    limit: int = 500


# -- views -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PermitView:
    id: int
    number: str
    unit_id: int
    unit_code: str
    occupant_id: int | None
    applicant_kind: str
    applicant_name: str
    applicant_phone: str
    form_signed: bool
    contractor_company: str
    site_lead_name: str
    site_lead_phone: str
    scope: str
    state: str
    state_at: datetime
    period_days: int
    planned_start: date
    starts_on: date | None
    ends_on: date | None
    extensions: int
    fee_receipt_no: str
    deposit: Decimal
    debris_fee: Decimal
    water_fee: Decimal
    approved_by: str
    applied_at: datetime
    created_by: str
    note: str
    active_passes: int
    passes_issued: int
    #: the day the flags below were worked out for
    as_of: date

    @property
    def working(self) -> bool:
        return self.state in WORKING

    @property
    def days_left(self) -> int | None:
        """Days until the end (0 on the last day, negative after), for working permits."""
        if self.ends_on is None or self.state in CLOSED:
            return None
        return (self.ends_on - self.as_of).days

    @property
    def expired(self) -> bool:
        """Past its end and not closed: to be extended, finished or stopped."""
        return self.ends_on is not None and self.state not in CLOSED and self.as_of > self.ends_on

    @property
    def overdue(self) -> bool:
        """More than three days past the end: work is to be stopped."""
        return self.state not in CLOSED and past_grace(self.ends_on, self.as_of)

    @property
    def actions(self) -> tuple[str, ...]:
        """The steps the flow allows now (an extension only before the end)."""
        acts = allowed_actions(self.state)
        if self.expired:
            acts = tuple(a for a in acts if a != "extend")
        return acts


@dataclass(frozen=True)
class PermitEventView:
    id: int
    permit_id: int
    kind: str
    at: datetime
    by: str
    approver: str
    from_state: str
    to_state: str
    person: str
    detail: str
    receipt_no: str
    old_end: date | None
    new_end: date | None


@dataclass(frozen=True)
class PassView:
    id: int
    number: str
    token: str
    permit_id: int
    permit_number: str
    permit_state: str
    permit_end: date | None
    unit_code: str
    contractor_company: str
    worker_name: str
    doc_type: str
    doc_number: str  # masked unless the operator sees full documents
    trade: str
    phone: str
    valid_from: date
    valid_to: date
    signer_kind: str
    signer_name: str
    fee: Decimal
    deposit: Decimal
    receipt_no: str
    status: str  # active | returned | lost | revoked
    has_photo: bool
    replaces_id: int | None
    issued_at: datetime
    issued_by: str
    closed_at: datetime | None
    closed_by: str
    as_of: date

    @property
    def validity(self) -> str:
        """valid | expiring | expired | not_yet_valid | returned | lost | revoked |
        permit_not_working, on ``as_of``."""
        return pass_status_on(self.status, self.valid_from, self.valid_to, self.permit_state,
                              self.permit_end, self.as_of)

    @property
    def effective_to(self) -> date:
        """The last day it admits: its own end or the permit's, whichever comes first."""
        return min(self.valid_to, self.permit_end) if self.permit_end else self.valid_to

    @property
    def days_overdue(self) -> int:
        """Days an active pass is past its end (0 when not past it, or no longer out)."""
        if self.status != "active":
            return 0
        return max(0, (self.as_of - self.effective_to).days)

    @property
    def overdue(self) -> bool:
        """Out more than three days past its end: to be taken back, entry refused."""
        return self.status == "active" and past_grace(self.effective_to, self.as_of)


@dataclass(frozen=True)
class PassCheck:
    """What a scan at the counter says about a pass.

    ``result``: ``valid``, ``expiring`` (admits, ends within three days), ``expired``,
    ``not_yet_valid``, ``returned``, ``lost``, ``revoked``, ``permit_not_working``,
    ``unknown`` (no such pass) or ``forged`` (the QR code's token does not match the
    register: a copied or made-up card).
    """

    code: str
    result: str
    pass_: PassView | None = None
    checked_at: datetime | None = None

    @property
    def ok(self) -> bool:
        """Whether the worker may go in (valid, or valid but expiring soon)."""
        return self.result in ADMITTING


# -- helpers -----------------------------------------------------------------------------------


def _text(max_length: int, *, required: bool = False):  # noqa: ANN202
    return lambda v: normalize_text(v, max_length=max_length, required=required)


def _money(value: Any) -> Decimal:
    if isinstance(value, float) or isinstance(value, bool):
        raise DomainError("permit.money_invalid")
    try:
        d = Decimal(str(value if value is not None else "0").strip() or "0")
    except InvalidOperation:
        raise DomainError("permit.money_invalid") from None
    if not d.is_finite() or d < 0 or d >= MAX_MONEY or d != d.quantize(Decimal("0.01")):
        raise DomainError("permit.money_invalid")
    return d.quantize(Decimal("0.01"))


def _receipt_no(value: str, *, required: bool) -> str:
    """A receipt reference as typed or scanned: letters, digits, dashes (no spaces)."""
    text = "".join((value or "").split()).upper()
    if not text:
        if required:
            raise DomainError("permit.receipt_required")
        return ""
    if len(text) > 32 or not all(c.isascii() and (c.isalnum() or c in "-/") for c in text):
        raise DomainError("permit.receipt_format")
    return text


def _int_in(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


class PermitService:
    """Everything the Renovation tab, the permit printouts and the permit exports do."""

    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    # -- settings and helpers ------------------------------------------------------------

    def _settings(self) -> dict[str, Any]:
        from app.services.settings import SettingsService

        return SettingsService(self.ctx).all()

    def pass_fee(self) -> Decimal:
        """The card fee per pass (工本费, 5 yuan): the fee catalogue's pass card price, or the
        ``permits.pass_fee`` setting where the catalogue does not offer it."""
        item = self._pass_card_item()
        if item is not None:
            return item.default_price
        return Decimal(str(self._settings()["permits.pass_fee"]))

    def pass_deposit(self) -> Decimal:
        return Decimal(str(self._settings()["permits.pass_deposit"]))

    def default_period_days(self) -> int:
        return int(self._settings()["permits.period_days"])

    def _full_docs(self) -> bool:
        op = self.ctx.operator
        return bool(op and op.sees_full_documents)

    def _manager(self, approval: Approval | None) -> tuple[Operator, Operator]:
        """(operator, approver): the signed-in manager, or a manager confirming at the counter.

        The password is checked before the write transaction (argon2 must not hold the lock).
        """
        if approval is None:
            op = self.ctx.require_operator("manager")
            return op, op
        op = self.ctx.require_operator()
        errors = FieldErrors()
        if not (approval.username or "").strip() or not approval.password:
            errors.add("approval", "permit.approver_required")
            errors.raise_if_any()
        from app.services.staff import StaffService

        try:
            who = StaffService(self.ctx).authenticate(approval.username, approval.password)
        except AuthenticationError:
            errors.add("approval", "permit.approval_bad_credentials")
            errors.raise_if_any()
        if not role_at_least(who.role, "manager"):
            errors.add("approval", "permit.approval_role", role="manager", name=who.display_name)
            errors.raise_if_any()
        return op, who

    @staticmethod
    def _permit(s, permit_id: int) -> RenovationPermit:  # noqa: ANN001
        permit = s.get(RenovationPermit, permit_id)
        if permit is None:
            raise NotFoundError("permit.not_found")
        return permit

    @staticmethod
    def _pass(s, pass_id: int) -> ContractorPass:  # noqa: ANN001
        p = s.get(ContractorPass, pass_id)
        if p is None:
            raise NotFoundError("permit.pass_not_found")
        return p

    def _step(self, s, permit: RenovationPermit, action: str, op_id: int, when: datetime,  # noqa: ANN001
              *, kind: str | None = None, to_state: str | None = None, approver_id: int | None = None,
              person: str = "", detail: str = "", receipt_no: str = "", old_end: date | None = None,
              new_end: date | None = None) -> RenovationPermitEvent:
        """Move ``permit`` along the flow by ``action`` (or keep its state: ``to_state``), append
        the step and audit it."""
        before = permit.state
        target = to_state if to_state is not None else next_state(before, action, permit.number)
        permit.state = target
        permit.state_at = when
        event = RenovationPermitEvent(
            permit_id=permit.id, kind=kind or action, at=when, staff_id=op_id, approver_id=approver_id,
            from_state=before, to_state=target, person=person, detail=detail, receipt_no=receipt_no,
            old_end=old_end, new_end=new_end)
        s.add(event)
        s.flush()
        after: dict[str, Any] = {"number": permit.number, "state": target, "step": kind or action}
        if person:
            after["person"] = person
        if detail:
            after["detail"] = detail[:200]
        if receipt_no:
            after["receipt_no"] = receipt_no
        if new_end is not None:
            after["ends_on"] = new_end
        if approver_id is not None:
            after["approver_id"] = approver_id
        record(s, op_id, f"permit.{kind or action}", "renovation_permit", permit.id, {"state": before}, after)
        return event

    # -- the flow ------------------------------------------------------------------------

    def apply(self, data: ApplicationInput, *, at: datetime | None = None) -> PermitView:
        """Take an application (装修申请表): a new permit number, state ``applied``."""
        op = self.ctx.require_operator()
        when = (at or now()).replace(microsecond=0)
        default_days = self.default_period_days()
        with self.ctx.db.write() as s:
            errors = FieldErrors()
            unit = None
            code = (data.unit_code or "").strip()
            if not code:
                errors.add("unit_code", "permit.unit_required")
            else:
                unit = s.execute(select(Unit).where(Unit.code.in_({code, code.upper()}))).scalars().first()
                if unit is None:
                    errors.add("unit_code", "unit.not_found", unit=code)
            if data.applicant_kind not in APPLICANT_KINDS:
                errors.add("applicant_kind", "permit.applicant_kind_unknown")
            name = errors.check("applicant_name", normalize_name, data.applicant_name)
            phone = errors.check("applicant_phone", normalize_phone, data.applicant_phone)
            occupant_id = None
            if data.occupant_id is not None:
                occ = s.get(Occupant, data.occupant_id)
                if occ is None or not occ.active or (unit is not None and occ.unit_id != unit.id):
                    errors.add("applicant_name", "permit.occupant_not_of_unit")
                else:
                    occupant_id = occ.id
            if not data.form_signed:
                errors.add("form_signed", "permit.form_not_signed")
            company = errors.check("contractor_company", _text(128, required=True), data.contractor_company)
            lead = errors.check("site_lead_name", normalize_name, data.site_lead_name)
            lead_phone = errors.check("site_lead_phone",
                                      lambda v: normalize_phone(v, required=True), data.site_lead_phone)
            scope = errors.check("scope", _text(2000, required=True), data.scope)
            note = errors.check("note", _text(500), data.note)
            days = default_days if data.period_days is None else data.period_days
            if not _int_in(days, 1, MAX_PERIOD_DAYS):
                errors.add("period_days", "permit.period_range", max=MAX_PERIOD_DAYS)
            start = data.planned_start or when.date()
            if start < when.date() - timedelta(days=30):
                errors.add("planned_start", "permit.start_in_past")
            errors.raise_if_any()
            counter = lock_counter(s, f"renovation_permit:{when.year}")
            counter.value += 1
            permit = RenovationPermit(
                number=format_permit_number(when.year, counter.value), unit_id=unit.id, occupant_id=occupant_id,
                applicant_kind=data.applicant_kind, applicant_name=name, applicant_phone=phone or "",
                form_signed=True, contractor_company=company, site_lead_name=lead, site_lead_phone=lead_phone,
                scope=scope, state="applied", state_at=when, period_days=days, planned_start=start,
                applied_at=when, created_by_id=op.id, note=note or "", deposit=Decimal(0),
                debris_fee=Decimal(0), water_fee=Decimal(0), extensions=0, fee_receipt_no="")
            s.add(permit)
            s.flush()
            s.add(RenovationPermitEvent(permit_id=permit.id, kind="applied", at=when, staff_id=op.id,
                                        from_state="", to_state="applied", person=name, detail=scope[:200]))
            record(s, op.id, "permit.applied", "renovation_permit", permit.id, None,
                   {"number": permit.number, "unit": unit.code, "applicant": name, "contractor": company,
                    "period_days": days, "planned_start": start})
            return self._views(s, [permit.id], when.date())[0]

    def pay_fees(self, permit_id: int, data: FeesInput, *, at: datetime | None = None) -> PermitView:
        """Record the deposit and fees paid (装修押金、垃圾清运费、临时用水费) by their receipt."""
        op = self.ctx.require_operator()
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            permit = self._permit(s, permit_id)
            next_state(permit.state, "pay_fees", permit.number)
            errors = FieldErrors()
            receipt = errors.check("receipt_no", lambda v: _receipt_no(v, required=True), data.receipt_no)
            amounts = {name: errors.check(name, _money, getattr(data, name))
                       for name in ("deposit", "debris_fee", "water_fee")}
            errors.raise_if_any()
            permit.fee_receipt_no = receipt
            permit.deposit, permit.debris_fee, permit.water_fee = (
                amounts["deposit"], amounts["debris_fee"], amounts["water_fee"])
            detail = " ".join(f"{k}={v}" for k, v in amounts.items())
            self._step(s, permit, "pay_fees", op.id, when, kind="fees_paid", receipt_no=receipt, detail=detail)
            return self._views(s, [permit.id], when.date())[0]

    def review_drawings(self, permit_id: int, *, passed: bool, reviewer: str, note: str = "",
                        at: datetime | None = None) -> PermitView:
        """Engineering's verdict on the drawings (工程组审核), recorded by customer service.

        Drawings sent back (``passed=False``, a note saying why) leave the permit waiting for
        new drawings; passed drawings move it on.
        """
        op = self.ctx.require_operator("supervisor")
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            permit = self._permit(s, permit_id)
            next_state(permit.state, "review_drawings", permit.number)
            errors = FieldErrors()
            who = errors.check("reviewer", normalize_name, reviewer)
            text = errors.check("note", _text(1000, required=not passed), note)
            errors.raise_if_any()
            if passed:
                self._step(s, permit, "review_drawings", op.id, when, kind="drawings_reviewed", person=who,
                           detail=text or "")
            else:
                self._step(s, permit, "review_drawings", op.id, when, kind="drawings_returned",
                           to_state=permit.state, person=who, detail=text)
            return self._views(s, [permit.id], when.date())[0]

    def check(self, permit_id: int, *, passed: bool, note: str = "", at: datetime | None = None) -> PermitView:
        """Customer service checks the file (客户服务中心审核资料); a failed check says what is missing."""
        op = self.ctx.require_operator("supervisor")
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            permit = self._permit(s, permit_id)
            next_state(permit.state, "check", permit.number)
            errors = FieldErrors()
            text = errors.check("note", _text(1000, required=not passed), note)
            errors.raise_if_any()
            if passed:
                self._step(s, permit, "check", op.id, when, kind="checked", detail=text or "")
            else:
                self._step(s, permit, "check", op.id, when, kind="check_failed", to_state=permit.state, detail=text)
            return self._views(s, [permit.id], when.date())[0]

    def approve(self, permit_id: int, *, approval: Approval | None = None, note: str = "",
                at: datetime | None = None) -> PermitView:
        """The manager approves (管理处经理审批): signed in, or with ``approval`` at the counter."""
        op, approver = self._manager(approval)
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            permit = self._permit(s, permit_id)
            next_state(permit.state, "approve", permit.number)
            errors = FieldErrors()
            text = errors.check("note", _text(1000), note)
            errors.raise_if_any()
            permit.approved_by_id = approver.id
            self._step(s, permit, "approve", op.id, when, kind="approved", approver_id=approver.id,
                       person=approver.display_name, detail=text or "")
            return self._views(s, [permit.id], when.date())[0]

    def reject(self, permit_id: int, *, reason: str, approval: Approval | None = None,
               at: datetime | None = None) -> PermitView:
        """The manager refuses the application (a reason is required)."""
        op, approver = self._manager(approval)
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            permit = self._permit(s, permit_id)
            next_state(permit.state, "reject", permit.number)
            errors = FieldErrors()
            text = errors.check("reason", _text(1000, required=True), reason)
            errors.raise_if_any()
            self._step(s, permit, "reject", op.id, when, kind="rejected", approver_id=approver.id,
                       person=approver.display_name, detail=text)
            return self._views(s, [permit.id], when.date())[0]

    def issue(self, permit_id: int, *, starts_on: date | None = None, at: datetime | None = None) -> PermitView:
        """Issue the permit (装修施工许可证): its period starts (default: the planned start, or
        today if that has passed) and lasts the permit's period (45 days by default)."""
        op = self.ctx.require_operator()
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            permit = self._permit(s, permit_id)
            next_state(permit.state, "issue", permit.number)
            start = starts_on or max(permit.planned_start, when.date())
            if start < when.date():
                raise_field("starts_on", "permit.start_in_past")
            permit.starts_on = start
            permit.ends_on = period_end(start, permit.period_days)
            self._step(s, permit, "issue", op.id, when, kind="issued", new_end=permit.ends_on,
                       detail=f"{start.isoformat()}..{permit.ends_on.isoformat()}")
            return self._views(s, [permit.id], when.date())[0]

    def start(self, permit_id: int, *, at: datetime | None = None) -> PermitView:
        """The contractor moves in: work in progress (passes now admit at the gate)."""
        op = self.ctx.require_operator()
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            permit = self._permit(s, permit_id)
            next_state(permit.state, "start", permit.number)
            if permit.ends_on is not None and when.date() > permit.ends_on:
                raise ConflictError("permit.expired", number=permit.number, end=permit.ends_on)
            self._step(s, permit, "start", op.id, when, kind="started")
            return self._views(s, [permit.id], when.date())[0]

    def extend(self, permit_id: int, *, days: int, requested_by: str, reason: str,
               at: datetime | None = None) -> PermitView:
        """Extend the period on a written request handed in *before* the end (到期日前)."""
        op = self.ctx.require_operator("supervisor")
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            permit = self._permit(s, permit_id)
            next_state(permit.state, "extend", permit.number)
            if permit.ends_on is not None and when.date() > permit.ends_on:
                raise ConflictError("permit.extension_too_late", number=permit.number, end=permit.ends_on)
            errors = FieldErrors()
            if not _int_in(days, 1, MAX_EXTENSION_DAYS):
                errors.add("days", "permit.extension_range", max=MAX_EXTENSION_DAYS)
            who = errors.check("requested_by", normalize_name, requested_by)
            text = errors.check("reason", _text(1000, required=True), reason)
            errors.raise_if_any()
            old_end = permit.ends_on
            permit.ends_on = old_end + timedelta(days=days)
            permit.extensions += 1
            self._step(s, permit, "extend", op.id, when, kind="extended", person=who, detail=text,
                       old_end=old_end, new_end=permit.ends_on)
            return self._views(s, [permit.id], when.date())[0]

    def finish(self, permit_id: int, *, note: str = "", at: datetime | None = None) -> PermitView:
        """Work finished: refused while a pass is neither returned nor reported lost."""
        op = self.ctx.require_operator()
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            permit = self._permit(s, permit_id)
            next_state(permit.state, "finish", permit.number)
            out = s.execute(select(func.count()).select_from(ContractorPass).where(
                ContractorPass.permit_id == permit.id, ContractorPass.status == "active")).scalar_one()
            if out:
                raise ConflictError("permit.passes_outstanding", count=out, number=permit.number)
            errors = FieldErrors()
            text = errors.check("note", _text(1000), note)
            errors.raise_if_any()
            self._step(s, permit, "finish", op.id, when, kind="finished", detail=text or "")
            return self._views(s, [permit.id], when.date())[0]

    def cancel(self, permit_id: int, *, reason: str, at: datetime | None = None) -> PermitView:
        """Withdraw an application before its permit is issued (a reason is required)."""
        op = self.ctx.require_operator("supervisor")
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            permit = self._permit(s, permit_id)
            next_state(permit.state, "cancel", permit.number)
            errors = FieldErrors()
            text = errors.check("reason", _text(1000, required=True), reason)
            errors.raise_if_any()
            self._step(s, permit, "cancel", op.id, when, kind="cancelled", detail=text)
            return self._views(s, [permit.id], when.date())[0]

    # -- reading permits -----------------------------------------------------------------

    def get(self, permit_id: int, *, day: date | None = None) -> PermitView:
        with self.ctx.db.read() as s:
            self._permit(s, permit_id)
            return self._views(s, [permit_id], day or date.today())[0]

    def find(self, number: str, *, day: date | None = None) -> PermitView:
        code = (number or "").strip().upper()
        with self.ctx.db.read() as s:
            pid = s.execute(select(RenovationPermit.id).where(RenovationPermit.number == code)).scalar_one_or_none()
            if pid is None:
                raise NotFoundError("permit.not_found")
            return self._views(s, [pid], day or date.today())[0]

    def search(self, query: PermitQuery = PermitQuery(), *, day: date | None = None) -> list[PermitView]:
        """Permits, newest application first, filtered as the list's filters say."""
        day = day or date.today()
        due_days = int(self._settings()["permits.extension_due_days"])
        with self.ctx.db.read() as s:
            q = select(RenovationPermit.id).join(Unit, Unit.id == RenovationPermit.unit_id)
            text = (query.text or "").strip()
            if text:
                up = text.upper()
                q = q.where(or_(starts_with(RenovationPermit.number, up), starts_with(Unit.code, up),
                                starts_with(Unit.code, text), starts_with(RenovationPermit.contractor_company, text),
                                starts_with(RenovationPermit.applicant_name, text),
                                starts_with(RenovationPermit.site_lead_name, text)))
            if query.states:
                q = q.where(RenovationPermit.state.in_(query.states))
            if query.date_from:
                q = q.where(RenovationPermit.applied_at >= datetime.combine(query.date_from, datetime.min.time()))
            if query.date_to:
                q = q.where(RenovationPermit.applied_at < datetime.combine(query.date_to + timedelta(days=1),
                                                                            datetime.min.time()))
            if query.only == "working":
                q = q.where(RenovationPermit.state.in_(WORKING))
            elif query.only == "extension_due":
                q = q.where(RenovationPermit.state.in_(WORKING),
                            RenovationPermit.ends_on <= day + timedelta(days=due_days))
            elif query.only == "open":
                q = q.where(RenovationPermit.state.not_in(CLOSED))
            if query.only == "extension_due":
                q = q.order_by(RenovationPermit.ends_on, RenovationPermit.id)
            else:
                q = q.order_by(RenovationPermit.applied_at.desc(), RenovationPermit.id.desc())
            ids = [r[0] for r in s.execute(q.limit(query.limit))]
            return self._views(s, ids, day)

    def in_progress(self, *, day: date | None = None) -> list[PermitView]:
        """Permits whose work is going on (in progress or extended), ending soonest first."""
        views = self.search(PermitQuery(only="working", limit=100_000), day=day)
        return sorted(views, key=lambda v: (v.ends_on or date.max, v.id))

    def extension_due(self, *, day: date | None = None) -> list[PermitView]:
        """Working permits ending within ``permits.extension_due_days`` (or already past their end)."""
        return self.search(PermitQuery(only="extension_due", limit=100_000), day=day)

    def history(self, permit_id: int) -> list[PermitEventView]:
        """Every step of one permit, oldest first."""
        by = aliased(Staff)
        appr = aliased(Staff)
        with self.ctx.db.read() as s:
            self._permit(s, permit_id)
            rows = s.execute(
                select(RenovationPermitEvent, by.display_name, appr.display_name)
                .join(by, by.id == RenovationPermitEvent.staff_id)
                .outerjoin(appr, appr.id == RenovationPermitEvent.approver_id)
                .where(RenovationPermitEvent.permit_id == permit_id).order_by(RenovationPermitEvent.id))
            return [PermitEventView(e.id, e.permit_id, e.kind, e.at, b or "", a or "", e.from_state, e.to_state,
                                    e.person, e.detail, e.receipt_no, e.old_end, e.new_end) for e, b, a in rows]

    def export_permits(self, date_from: date | None, date_to: date | None) -> list[PermitView]:
        """Permits applied for between the dates (all when no dates), oldest first."""
        views = self.search(PermitQuery(date_from=date_from, date_to=date_to, limit=1_000_000))
        return list(reversed(views))

    def _views(self, s, ids: Sequence[int], day: date) -> list[PermitView]:  # noqa: ANN001
        if not ids:
            return []
        creator = aliased(Staff)
        approver = aliased(Staff)
        rows = s.execute(
            select(RenovationPermit, Unit.code, creator.display_name, approver.display_name)
            .join(Unit, Unit.id == RenovationPermit.unit_id)
            .join(creator, creator.id == RenovationPermit.created_by_id)
            .outerjoin(approver, approver.id == RenovationPermit.approved_by_id)
            .where(RenovationPermit.id.in_(ids))).all()
        counts: dict[int, tuple[int, int]] = {}
        for pid, status, n in s.execute(
                select(ContractorPass.permit_id, ContractorPass.status, func.count())
                .where(ContractorPass.permit_id.in_(ids))
                .group_by(ContractorPass.permit_id, ContractorPass.status)):
            active, total = counts.get(pid, (0, 0))
            counts[pid] = (active + (n if status == "active" else 0), total + n)
        by_id = {}
        for p, unit_code, created, approved in rows:
            active, total = counts.get(p.id, (0, 0))
            by_id[p.id] = PermitView(
                id=p.id, number=p.number, unit_id=p.unit_id, unit_code=unit_code, occupant_id=p.occupant_id,
                applicant_kind=p.applicant_kind, applicant_name=p.applicant_name, applicant_phone=p.applicant_phone,
                form_signed=p.form_signed, contractor_company=p.contractor_company, site_lead_name=p.site_lead_name,
                site_lead_phone=p.site_lead_phone, scope=p.scope, state=p.state, state_at=p.state_at,
                period_days=p.period_days, planned_start=p.planned_start, starts_on=p.starts_on, ends_on=p.ends_on,
                extensions=p.extensions, fee_receipt_no=p.fee_receipt_no, deposit=p.deposit, debris_fee=p.debris_fee,
                water_fee=p.water_fee, approved_by=approved or "", applied_at=p.applied_at, created_by=created or "",
                note=p.note, active_passes=active, passes_issued=total, as_of=day)
        return [by_id[i] for i in ids if i in by_id]

    # -- passes --------------------------------------------------------------------------

    def _clean_pass(self, s, permit: RenovationPermit, data: PassInput, today: date,  # noqa: ANN001
                    fee: Decimal, deposit: Decimal) -> dict[str, Any]:
        """Every check of a new pass (all field errors at once); the cleaned values."""
        if permit.state not in PASS_STATES:
            raise ConflictError("permit.passes_not_allowed", state=permit.state, number=permit.number)
        if permit.ends_on is not None and today > permit.ends_on:
            raise ConflictError("permit.expired", number=permit.number, end=permit.ends_on)
        errors = FieldErrors()
        name = errors.check("worker_name", normalize_name, data.worker_name)
        doc = None
        if data.doc_type not in DOC_TYPES:
            errors.add("doc_number", "doc.type_unknown")
        else:
            doc = errors.check("doc_number", lambda v: normalize_document(data.doc_type, v), data.doc_number)
        if data.trade not in TRADES:
            errors.add("trade", "permit.trade_unknown")
        phone = errors.check("phone", normalize_phone, data.phone)
        if data.signer_kind not in SIGNER_KINDS:
            errors.add("signer_kind", "permit.signer_required")
        signer = errors.check("signer_name", normalize_name, data.signer_name)
        receipt = errors.check("receipt_no", lambda v: _receipt_no(v, required=fee > 0 or deposit > 0),
                               data.receipt_no)
        start = data.valid_from or max(today, permit.starts_on or today)
        end = data.valid_to or permit.ends_on
        if start < today:
            errors.add("valid_from", "permit.pass_start_in_past")
        elif permit.starts_on is not None and start < permit.starts_on:
            errors.add("valid_from", "permit.pass_before_permit", start=permit.starts_on)
        if end is not None and permit.ends_on is not None and end > permit.ends_on:
            errors.add("valid_to", "permit.pass_after_permit", end=permit.ends_on)
        elif end is not None and end < start:
            errors.add("valid_to", "date.range_reversed")
        if data.photo is not None and (len(data.photo) > MAX_PHOTO_BYTES
                                       or not data.photo.startswith(_PHOTO_MAGIC)):
            errors.add("photo", "permit.photo_invalid", max_kb=MAX_PHOTO_BYTES // 1024)
        replaced = None
        if data.replaces_id is not None:
            replaced = s.get(ContractorPass, data.replaces_id)
            if replaced is None or replaced.permit_id != permit.id or replaced.status != "lost":
                errors.add("worker_name", "permit.replaces_not_lost")
        if doc and not errors:
            dup = s.execute(select(ContractorPass.number).where(
                ContractorPass.permit_id == permit.id, ContractorPass.doc_number == doc,
                ContractorPass.status == "active")).scalars().first()
            if dup:
                errors.add("doc_number", "permit.worker_has_pass", number=dup)
        errors.raise_if_any()
        return {"name": name, "doc": doc, "phone": phone or "", "signer": signer, "receipt": receipt or "",
                "start": start, "end": end, "replaced": replaced}

    def validate_pass(self, permit_id: int, data: PassInput, *, at: datetime | None = None) -> None:
        """Check a pass as ``issue_pass`` would, writing nothing (raises what it would raise).

        ``issue_pass_paid`` runs it before taking the money, so a receipt is not issued for a
        pass that would then be refused."""
        self.ctx.require_operator()
        today = (at or now()).date()
        fee = self.pass_fee() if data.fee is None else data.fee
        with self.ctx.db.read() as s:
            permit = self._permit(s, permit_id)
            # the receipt number is not known yet: check the rest with a placeholder
            self._clean_pass(s, permit, replace(data, receipt_no=data.receipt_no or "R-PENDING"), today,
                             fee, self.pass_deposit())

    def issue_pass(self, permit_id: int, data: PassInput, *, at: datetime | None = None) -> PassView:
        """Issue one worker's pass: signed for by the owner/tenant or the site lead, the card
        fee (5 yuan) and deposit on a receipt whose number is given, valid at most until the
        permit's end. ``issue_pass_paid`` also takes the fee on a new receipt."""
        op = self.ctx.require_operator()
        when = (at or now()).replace(microsecond=0)
        today = when.date()
        fee = self.pass_fee() if data.fee is None else _money(data.fee)
        deposit = self.pass_deposit()
        with self.ctx.db.write() as s:
            permit = self._permit(s, permit_id)
            v = self._clean_pass(s, permit, data, today, fee, deposit)
            name, doc, replaced, start, end = v["name"], v["doc"], v["replaced"], v["start"], v["end"]
            counter = lock_counter(s, "contractor_pass")
            counter.value += 1
            p = ContractorPass(
                number=format_pass_number(counter.value), token=new_token(), permit_id=permit.id, worker_name=name,
                doc_type=data.doc_type, doc_number=doc, trade=data.trade, phone=v["phone"], valid_from=start,
                valid_to=end, signer_kind=data.signer_kind, signer_name=v["signer"], fee=fee, deposit=deposit,
                receipt_no=v["receipt"], status="active", has_photo=data.photo is not None,
                replaces_id=replaced.id if replaced else None, issued_at=when, issued_by_id=op.id)
            s.add(p)
            s.flush()
            if data.photo is not None:
                s.add(ContractorPassPhoto(pass_id=p.id, image=data.photo))
            s.add(ContractorPassEvent(pass_id=p.id, kind="issued", at=when, staff_id=op.id, new_valid_to=end,
                                      detail=f"replaces {replaced.number}" if replaced else ""))
            record(s, op.id, "permit.pass_issued", "contractor_pass", p.id, None,
                   {"number": p.number, "permit": permit.number, "worker": name,
                    "doc_number": mask_document(doc), "trade": data.trade, "valid_from": start, "valid_to": end,
                    "signer": f"{data.signer_kind}:{v['signer']}", "fee": fee, "deposit": deposit,
                    "receipt_no": v["receipt"]})
            return self._pass_views(s, [p.id], today)[0]

    def issue_pass_paid(self, permit_id: int, data: PassInput, payment: PassPayment = PassPayment(), *,
                        at: datetime | None = None) -> tuple[PassView, Any]:
        """Take the card fee on a new receipt, then issue the pass on it: (pass, receipt).

        The receipt (``ReceiptService.issue``, in the operator's open shift) has one line of the
        fee catalogue's pass card fee (``pass_card``, 5 yuan) naming the worker — plus the pass
        deposit when one is charged — and the reference ``permit:<number>``; the pass stores
        the receipt's number. Everything about the pass is checked first and nothing is
        written when it would be refused. Should the pass still fail after the receipt was
        issued (another counter gave the same worker a pass in between), ``ReceiptIssuedError``
        carries the receipt: issue the pass on that number, or void the receipt.
        """
        from app.services.receipts import LineInput, Payer, ReceiptInput, ReceiptService

        self.validate_pass(permit_id, data, at=at)
        item = self._pass_card_item()
        if item is None:
            raise ConflictError("permit.pass_fee_item_missing")
        permit = self.get(permit_id)
        lines = [LineInput(fee_item_id=item.id, description=f"{item.name_zh} {normalize_name(data.worker_name)}")]
        deposit = self.pass_deposit()
        if deposit > 0:
            lines.append(LineInput(description=f"出入证押金 {normalize_name(data.worker_name)}", unit_price=deposit))
        payer = Payer(kind=payment.payer_kind, name=payment.payer_name or permit.contractor_company,
                      unit_id=permit.unit_id, occupant_id=payment.occupant_id)
        receipt = ReceiptService(self.ctx).issue(
            ReceiptInput(payer=payer, lines=tuple(lines), method=payment.method,
                         reference=f"permit:{permit.number}"), at=at)
        try:
            issued = self.issue_pass(permit_id, replace(data, receipt_no=receipt.number, fee=receipt.lines[0].amount),
                                     at=at)
        except DomainError as exc:
            raise ReceiptIssuedError(receipt, exc) from exc
        return issued, receipt

    def _pass_card_item(self) -> FeeItemView | None:
        """The fee catalogue's pass card fee (code ``pass_card``), when it is offered."""
        with self.ctx.db.read() as s:
            row = s.execute(select(FeeItem).where(FeeItem.code == PASS_FEE_CODE, FeeItem.active.is_(True))
                            ).scalars().first()
            return fee_view(row) if row is not None else None

    def renew_pass(self, pass_id: int, *, valid_to: date, at: datetime | None = None) -> PassView:
        """Renew a pass (续期) — typically after the permit was extended; never past the permit's end."""
        op = self.ctx.require_operator()
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            p = self._pass(s, pass_id)
            permit = self._permit(s, p.permit_id)
            if p.status != "active":
                raise ConflictError(f"permit.pass_{p.status}", number=p.number)
            if permit.state not in PASS_STATES:
                raise ConflictError("permit.passes_not_allowed", state=permit.state, number=permit.number)
            if permit.ends_on is not None and valid_to > permit.ends_on:
                raise_field("valid_to", "permit.pass_after_permit", end=permit.ends_on)
            if valid_to < max(p.valid_from, when.date()):
                raise_field("valid_to", "date.range_reversed")
            old = p.valid_to
            p.valid_to = valid_to
            s.add(ContractorPassEvent(pass_id=p.id, kind="renewed", at=when, staff_id=op.id, old_valid_to=old,
                                      new_valid_to=valid_to))
            record(s, op.id, "permit.pass_renewed", "contractor_pass", p.id, {"valid_to": old},
                   {"number": p.number, "valid_to": valid_to})
            return self._pass_views(s, [p.id], when.date())[0]

    def return_pass(self, pass_id: int, *, note: str = "", at: datetime | None = None) -> PassView:
        """The card came back (退证); its deposit, if any, is refundable."""
        return self._close_pass(pass_id, "returned", note, at)

    def report_lost(self, pass_id: int, *, note: str, at: datetime | None = None) -> PassView:
        """The card was lost: it no longer admits anyone (a scan says "lost"); a note is required."""
        return self._close_pass(pass_id, "lost", note, at)

    def revoke_pass(self, pass_id: int, *, reason: str, at: datetime | None = None) -> PassView:
        """Withdraw a pass (收回/作废): work stopped, the worker dismissed, a misused card.

        A reason is required; from then on a scan says "revoked". The card, if handed in
        later, stays revoked (the register keeps why it stopped admitting)."""
        return self._close_pass(pass_id, "revoked", reason, at, field_name="reason")

    def _close_pass(self, pass_id: int, status: str, note: str, at: datetime | None, *,
                    field_name: str = "note") -> PassView:
        op = self.ctx.require_operator()
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            p = self._pass(s, pass_id)
            if p.status != "active":
                raise ConflictError(f"permit.pass_{p.status}", number=p.number)
            errors = FieldErrors()
            text = errors.check(field_name, _text(500, required=status != "returned"), note)
            errors.raise_if_any()
            p.status = status
            p.closed_at = when
            p.closed_by_id = op.id
            s.add(ContractorPassEvent(pass_id=p.id, kind=status, at=when, staff_id=op.id, detail=text or ""))
            record(s, op.id, f"permit.pass_{status}", "contractor_pass", p.id, {"status": "active"},
                   {"number": p.number, "status": status, "note": text or ""})
            return self._pass_views(s, [p.id], when.date())[0]

    def passes(self, permit_id: int, *, day: date | None = None) -> list[PassView]:
        """Every pass of one permit, in issue order."""
        with self.ctx.db.read() as s:
            self._permit(s, permit_id)
            ids = s.execute(select(ContractorPass.id).where(ContractorPass.permit_id == permit_id)
                            .order_by(ContractorPass.id)).scalars().all()
            return self._pass_views(s, ids, day or date.today())

    def get_pass(self, pass_id: int, *, day: date | None = None) -> PassView:
        with self.ctx.db.read() as s:
            self._pass(s, pass_id)
            return self._pass_views(s, [pass_id], day or date.today())[0]

    def passes_valid_today(self, *, day: date | None = None) -> list[PassView]:
        """Passes that admit their worker today (active, within their dates, permit working)."""
        day = day or date.today()
        with self.ctx.db.read() as s:
            ids = s.execute(
                select(ContractorPass.id).join(RenovationPermit, RenovationPermit.id == ContractorPass.permit_id)
                .where(ContractorPass.status == "active", ContractorPass.valid_to >= day,
                       ContractorPass.valid_from <= day, RenovationPermit.state.in_(WORKING),
                       RenovationPermit.ends_on >= day)
                .order_by(ContractorPass.number)).scalars().all()
            return self._pass_views(s, ids, day)

    def passes_to_return(self, *, day: date | None = None) -> list[PassView]:
        """Active passes past their end: to be returned or renewed (within three days)."""
        day = day or date.today()
        with self.ctx.db.read() as s:
            ids = s.execute(
                select(ContractorPass.id).join(RenovationPermit, RenovationPermit.id == ContractorPass.permit_id)
                .where(ContractorPass.status == "active",
                       or_(ContractorPass.valid_to < day, RenovationPermit.ends_on < day))
                .order_by(ContractorPass.valid_to, ContractorPass.id)).scalars().all()
            return self._pass_views(s, ids, day)

    def passes_expiring(self, *, day: date | None = None, within: int = EXPIRING_DAYS) -> list[PassView]:
        """Active passes that admit today and end within ``within`` days (their own end or the
        permit's), ending soonest first: to be renewed or handed back."""
        day = day or date.today()
        horizon = day + timedelta(days=within - 1)
        with self.ctx.db.read() as s:
            ids = s.execute(
                select(ContractorPass.id).join(RenovationPermit, RenovationPermit.id == ContractorPass.permit_id)
                .where(ContractorPass.status == "active", ContractorPass.valid_from <= day,
                       RenovationPermit.state.in_(WORKING), ContractorPass.valid_to >= day,
                       RenovationPermit.ends_on >= day,
                       or_(ContractorPass.valid_to <= horizon, RenovationPermit.ends_on <= horizon))
                .order_by(ContractorPass.valid_to, ContractorPass.id)).scalars().all()
            views = self._pass_views(s, ids, day)
        return sorted(views, key=lambda v: (v.effective_to, v.id))

    def passes_overdue(self, *, day: date | None = None) -> list[PassView]:
        """Passes still out more than three days after their end (their own or the permit's),
        neither returned nor renewed: entry is refused, the card is to be taken back."""
        day = day or date.today()
        limit = day - timedelta(days=GRACE_DAYS)
        with self.ctx.db.read() as s:
            ids = s.execute(
                select(ContractorPass.id).join(RenovationPermit, RenovationPermit.id == ContractorPass.permit_id)
                .where(ContractorPass.status == "active",
                       or_(ContractorPass.valid_to < limit, RenovationPermit.ends_on < limit))
                .order_by(ContractorPass.valid_to, ContractorPass.id)).scalars().all()
            views = self._pass_views(s, ids, day)
        return sorted(views, key=lambda v: (v.effective_to, v.id))

    def permits_overdue(self, *, day: date | None = None) -> list[PermitView]:
        """Permits out (issued or working) more than three days past their end and neither
        extended nor finished: the work is to be stopped. Ended longest ago first."""
        day = day or date.today()
        limit = day - timedelta(days=GRACE_DAYS)
        with self.ctx.db.read() as s:
            ids = s.execute(
                select(RenovationPermit.id).where(RenovationPermit.state.in_(PASS_STATES),
                                                  RenovationPermit.ends_on < limit)
                .order_by(RenovationPermit.ends_on, RenovationPermit.id)).scalars().all()
            return self._views(s, ids, day)

    def photo(self, pass_id: int) -> bytes | None:
        with self.ctx.db.read() as s:
            row = s.get(ContractorPassPhoto, pass_id)
            return bytes(row.image) if row is not None else None

    def export_passes(self, date_from: date | None, date_to: date | None) -> list[PassView]:
        """The pass register (装修施工人员出入证办理登记表): passes issued between the dates."""
        with self.ctx.db.read() as s:
            q = select(ContractorPass.id)
            if date_from:
                q = q.where(ContractorPass.issued_at >= datetime.combine(date_from, datetime.min.time()))
            if date_to:
                q = q.where(ContractorPass.issued_at < datetime.combine(date_to + timedelta(days=1),
                                                                         datetime.min.time()))
            ids = s.execute(q.order_by(ContractorPass.issued_at, ContractorPass.id)).scalars().all()
            return self._pass_views(s, ids, date.today())

    def check_pass(self, code: str, *, at: datetime | None = None) -> PassCheck:
        """What a scanned pass (Code 128 or QR) is worth now: read-only, no record written."""
        self.ctx.require_operator()
        when = (at or now()).replace(microsecond=0)
        number, token = parse_pass_code(code)
        shown = (code or "").strip()[:32]
        if not number:
            return PassCheck(shown, "unknown", None, when)
        with self.ctx.db.read() as s:
            row = s.execute(select(ContractorPass.id, ContractorPass.token)
                            .where(ContractorPass.number == number)).first()
            if row is None:
                return PassCheck(number, "unknown", None, when)
            view = self._pass_views(s, [row[0]], when.date())[0]
        if token and token != row[1]:
            return PassCheck(number, "forged", view, when)
        return PassCheck(number, view.validity, view, when)

    def _pass_views(self, s, ids: Sequence[int], day: date) -> list[PassView]:  # noqa: ANN001
        if not ids:
            return []
        issuer = aliased(Staff)
        closer = aliased(Staff)
        rows = s.execute(
            select(ContractorPass, RenovationPermit.number, RenovationPermit.state, RenovationPermit.ends_on,
                   Unit.code, RenovationPermit.contractor_company, issuer.display_name, closer.display_name)
            .join(RenovationPermit, RenovationPermit.id == ContractorPass.permit_id)
            .join(Unit, Unit.id == RenovationPermit.unit_id)
            .join(issuer, issuer.id == ContractorPass.issued_by_id)
            .outerjoin(closer, closer.id == ContractorPass.closed_by_id)
            .where(ContractorPass.id.in_(ids))).all()
        full = self._full_docs()
        by_id = {}
        for p, pnum, pstate, pend, unit_code, company, issued, closed in rows:
            by_id[p.id] = PassView(
                id=p.id, number=p.number, token=p.token, permit_id=p.permit_id, permit_number=pnum,
                permit_state=pstate, permit_end=pend, unit_code=unit_code, contractor_company=company,
                worker_name=p.worker_name, doc_type=p.doc_type,
                doc_number=p.doc_number if full else mask_document(p.doc_number), trade=p.trade, phone=p.phone,
                valid_from=p.valid_from, valid_to=p.valid_to, signer_kind=p.signer_kind, signer_name=p.signer_name,
                fee=p.fee, deposit=p.deposit, receipt_no=p.receipt_no, status=p.status, has_photo=p.has_photo,
                replaces_id=p.replaces_id, issued_at=p.issued_at, issued_by=issued or "", closed_at=p.closed_at,
                closed_by=closed or "", as_of=day)
        return [by_id[i] for i in ids if i in by_id]


def raise_field(name: str, key: str, **params: Any) -> None:
    """Raise a ``ValidationError`` for one field."""
    errors = FieldErrors()
    errors.add(name, key, **params)
    errors.raise_if_any()


__all__ = [
    "ApplicationInput", "Approval", "FeesInput", "GRACE_DAYS", "PassCheck", "PassInput", "PassPayment", "PassView",
    "ReceiptIssuedError",
    "PermitEventView", "PermitQuery", "PermitService", "PermitView", "DEFAULT_PERIOD_DAYS",
]
