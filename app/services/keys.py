"""The key cabinet (钥匙管理, DOMAIN §2): intake, lending, returns, the rules, the registers.

Every method is one unit of work: it validates everything first, then writes, audits with
``record()`` in the same transaction, commits and returns a frozen view. A refused action
writes nothing — not even an audit row.

Who does what (003 (6), 001 §3.4):

* receptionists lend and take back keys (``scan``, ``check_out``, ``check_in``), record an
  emergency use, a lost or found key, a refused copy, a hand-over to an owner, and
  acknowledge keys still out when they close the shift;
* the key administrator — a supervisor or above — takes keys in (the handover register),
  keeps the outstanding-keys register, records lock changes, runs spot checks and retires
  key sets (with a manager's approval);
* approvals are given at the counter by the approver typing their *own* user name and
  password (``Approval``), checked with ``StaffService.authenticate`` — nobody is signed
  in or out by it. A public-area key needs a manager's approval; a loan past the end of the
  day (other than for an engineering repair) or longer than a day needs the general
  manager's. The approver is recorded on the loan.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from app.context import AppContext, Operator
from app.errors import (
    AuthenticationError,
    ConflictError,
    FieldError,
    FieldErrors,
    NotFoundError,
    ValidationError,
)
from app.key_rules import (
    BORROWER_KINDS,
    CATEGORIES,
    CONTACT_METHODS,
    CONTACTED,
    EMERGENCIES,
    INTAKE_SOURCES,
    LOCK_CHANGES_TO_RETIRE,
    RETIRE_REASONS,
    SpotKey,
    compare_spot_check,
    default_due,
    end_of_day,
    format_tag,
    is_overnight,
    needs_gm_approval,
    needs_manager_approval,
    night_of,
    normalize_hook,
    normalize_tag,
    retirement_due,
    same_day,
)
from app.security import role_at_least
from app.services.audit import lock_counter, record
from app.services.settings import SettingsService, parse_hhmm, read_setting
from app.text import mask_document
from app.validation import DOC_TYPES, normalize_document, normalize_name, normalize_phone, normalize_text
from db.models import (
    KeyEmergency,
    KeyEvent,
    KeyIntake,
    KeyLoan,
    KeyLoanEvent,
    KeyLoanSignature,
    KeyOutstanding,
    KeyOutstandingNote,
    KeySet,
    KeySpotCheck,
    KeySpotItem,
    KeySpotScan,
    Occupant,
    Staff,
    Unit,
    now,
)
from db.repositories.keys import KeyRepository, KeyRow, LoanFilter, LoanRow

MAX_KEYS_ON_TAG = 50
#: A signature drawn on screen, as PNG; a larger image is not a signature.
MAX_SIGNATURE_BYTES = 256 * 1024
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
#: How far back the owner may have been told before an emergency use.
EMERGENCY_CONTACT_WINDOW = timedelta(hours=12)
#: Times given by the caller may run this far ahead of the clock (two counters' clocks).
CLOCK_SKEW = timedelta(minutes=5)


# -- inputs ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Approval:
    """An approver confirming at the counter with their own user name and password."""

    username: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class IntakeInput:
    """One line of the handover register (钥匙交接验收统计表) as the intake form supplies it."""

    category: str
    label: str  # what it opens: 入户门, A栋天台门, 1号配电房
    key_count: int
    hook: str
    handed_over_by: str  # the developer's engineer, the owner, the engineering department
    condition: str = "完好"
    area: str = ""
    unit_code: str = ""
    occupant_id: int | None = None  # the owner entrusting an owner's spare key
    location: str = ""  # as written in the register; default: unit and label
    #: the set as it should be; more than ``key_count`` opens an outstanding-keys entry
    expected_count: int | None = None
    source: str = "developer"
    #: public-area keys: spares sealed with security (one key stays in the cabinet)
    sealed_spares: int = 0
    #: the outstanding-keys entry these keys settle
    outstanding_id: int | None = None
    #: add the keys to this existing set instead of hanging a new tag
    key_id: int | None = None
    note: str = ""


@dataclass(frozen=True)
class LoanInput:
    """The check-out form."""

    purpose: str
    borrower_kind: str  # staff | contractor | occupant
    borrower_name: str = ""
    borrower_staff_id: int | None = None  # staff with an account
    borrower_occupant_id: int | None = None  # occupant from the directory
    borrower_company: str = ""  # contractor's company, staff's department
    borrower_phone: str = ""
    borrower_doc_type: str = "mainland_id"
    borrower_doc_number: str = ""
    quantity: int | None = None  # default: every key on the tag
    due_at: datetime | None = None  # default: the end of today
    engineering_repair: bool = False
    consent_by: str = ""  # public-area keys: the staff member who agreed
    signature_png: bytes | None = field(default=None, repr=False)
    signed_on_slip: bool = False
    note: str = ""


@dataclass(frozen=True)
class PastLoan:
    """A loan that already happened, for ``KeyService.register_past_loans``."""

    key_id: int
    data: LoanInput
    out_at: datetime
    returned_at: datetime | None = None
    returned_by: str = ""
    manager_approval: Approval | None = None
    gm_approval: Approval | None = None


@dataclass(frozen=True)
class EmergencyInput:
    """The emergency-use record: what happened, who was told first, who was there."""

    emergency: str  # fire | flooding | other
    description: str
    contacted: str  # owner | emergency_contact
    contact_name: str
    contact_method: str  # phone | sms | wechat | in_person | other
    contacted_at: datetime
    staff_present_1: str
    staff_present_2: str
    contact_phone: str = ""
    #: required when the emergency contact was called: how the owner was tried first
    owner_attempt: str = ""


@dataclass(frozen=True)
class OutstandingInput:
    """A line of the outstanding-keys register (尚未移交钥匙统计表)."""

    location: str
    count_owed: int
    category: str = "unit"
    unit_code: str = ""
    note: str = ""  # the first follow-up note


@dataclass(frozen=True)
class LoanQuery:
    """The loan register's filter: a tag code or the start of a borrower's name, dates."""

    text: str = ""
    date_from: date | None = None
    date_to: date | None = None
    open_only: bool = False
    key_id: int | None = None


# -- views -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyView:
    id: int
    tag_code: str
    hook: str
    category: str
    label: str
    area: str
    unit_id: int | None
    unit_code: str
    occupant_id: int | None
    occupant_name: str
    key_count: int
    original_count: int
    sealed_spares: int
    status: str
    lock_changes: int
    note: str
    created_at: datetime
    #: while out: the open loan
    loan_id: int | None = None
    borrower_name: str = ""
    out_at: datetime | None = None
    due_at: datetime | None = None
    overdue: bool = False

    @property
    def location(self) -> str:
        """``A-1203 入户门``: what the key opens (never printed on the tag)."""
        return " ".join(p for p in (self.unit_code, self.label) if p)

    @property
    def incomplete(self) -> bool:
        return self.key_count < self.original_count

    @property
    def retirement_due(self) -> bool:
        """Lock changed three times or the set incomplete: retire it (with approval)."""
        return self.status in ("in", "out", "lost") and retirement_due(
            self.lock_changes, self.key_count, self.original_count)

    @property
    def needs_manager_approval(self) -> bool:
        return needs_manager_approval(self.category)


@dataclass(frozen=True)
class LoanView:
    """One line of the loan register as the current operator may see it."""

    id: int
    key_id: int
    tag_code: str
    key_label: str
    category: str
    unit_code: str
    quantity: int
    purpose: str
    borrower_kind: str
    borrower_staff_id: int | None
    borrower_occupant_id: int | None
    borrower_name: str
    borrower_company: str
    borrower_phone: str
    borrower_doc_type: str
    borrower_doc_number: str  # masked unless the operator sees full documents
    out_at: datetime
    due_at: datetime
    handled_by: str
    consent_by: str
    manager_approver: str
    manager_approved_at: datetime | None
    gm_approver: str
    gm_approved_at: datetime | None
    engineering_repair: bool
    emergency: bool
    signed_on_screen: bool
    signed_on_slip: bool
    note: str
    returned_at: datetime | None = None
    returned_by: str = ""
    received_by: str = ""  # the receptionist who signed it back
    returned_quantity: int | None = None
    return_note: str = ""
    lost: bool = False  # the loan ended with the key reported lost
    overdue: bool = False

    @property
    def open(self) -> bool:
        return self.returned_at is None

    @property
    def key_location(self) -> str:
        return " ".join(p for p in (self.unit_code, self.key_label) if p)


@dataclass(frozen=True)
class LoanRules:
    """What the check-out form must ask for, for one key and due time."""

    key_id: int
    default_due: datetime
    end_of_day: datetime
    due_at: datetime
    max_quantity: int
    manager_approval: bool
    consent_required: bool
    gm_approval: bool
    #: the due time keeps the key out overnight
    overnight: bool


@dataclass(frozen=True)
class ScanResult:
    """What a scan of a tag did: ``checked_in`` (with the loan) or ``needs_checkout``."""

    action: str
    key: KeyView
    loan: LoanView | None = None
    rules: LoanRules | None = None


@dataclass(frozen=True)
class OvernightView:
    """A key still out, as the end-of-day list shows it."""

    loan: LoanView
    night: date
    #: still out after the end of the day it went out
    overnight: bool
    #: overnight without an excuse: show it highlighted
    highlight: bool
    #: "" | "engineering_repair" | "approved" (the general manager approved a longer loan)
    excuse: str
    acknowledged: bool = False
    ack_note: str = ""
    ack_by: str = ""
    ack_at: datetime | None = None


@dataclass(frozen=True)
class OverdueReport:
    """Open loans past their due time, and (apart) those due soon; each by due time."""

    at: datetime
    overdue: tuple[LoanView, ...]
    due_soon: tuple[LoanView, ...]


@dataclass(frozen=True)
class IntakeView:
    id: int
    key_id: int
    tag_code: str
    at: datetime
    source: str
    location: str
    unit_code: str
    category: str
    label: str
    hook: str
    key_count: int
    condition: str
    handed_over_by: str
    received_by: str
    outstanding_id: int | None
    note: str
    #: an outstanding-keys entry opened because fewer keys came than expected
    opened_outstanding_id: int | None = None


@dataclass(frozen=True)
class OutstandingNoteView:
    at: datetime
    by: str
    note: str


@dataclass(frozen=True)
class OutstandingView:
    id: int
    location: str
    unit_code: str
    category: str
    count_owed: int
    count_received: int
    created_at: datetime
    created_by: str
    closed_at: datetime | None
    closed_by: str
    close_note: str
    notes: tuple[OutstandingNoteView, ...] = ()

    @property
    def open(self) -> bool:
        return self.closed_at is None

    @property
    def remaining(self) -> int:
        return max(0, self.count_owed - self.count_received)


@dataclass(frozen=True)
class KeyEventView:
    id: int
    key_id: int
    tag_code: str
    kind: str
    at: datetime
    by: str
    approver: str
    count: int
    count_delta: int
    person: str
    reason: str
    loan_id: int | None
    note: str


@dataclass(frozen=True)
class EmergencyContacts:
    """Whom to tell before an owner's spare key is used: from the occupant file."""

    unit_code: str
    owner_name: str
    owner_phone: str
    emergency_name: str
    emergency_phone: str


@dataclass(frozen=True)
class EmergencyView:
    id: int
    key_id: int
    tag_code: str
    key_location: str
    loan_id: int
    at: datetime
    emergency: str
    description: str
    contacted: str
    contact_name: str
    contact_phone: str
    contact_method: str
    contacted_at: datetime
    owner_attempt: str
    staff_present_1: str
    staff_present_2: str
    recorded_by: str


@dataclass(frozen=True)
class SpotCheckView:
    id: int
    started_at: datetime
    started_by: str
    finished_at: datetime | None
    finished_by: str
    scanned: int
    matched: int
    missing: int
    unexpected: int
    note: str

    @property
    def open(self) -> bool:
        return self.finished_at is None


@dataclass(frozen=True)
class SpotScanView:
    """One scan during a spot check, judged against the register right away.

    ``result``: ``matched`` (recorded in the cabinet), ``unexpected`` (recorded out, lost,
    retired or handed over), ``unknown`` (no such tag) or ``duplicate`` (already scanned).
    """

    code: str
    result: str
    key: KeyView | None
    scanned: int  # distinct tags scanned so far


@dataclass(frozen=True)
class SpotItemView:
    key_id: int | None
    code: str
    result: str  # matched | missing | unexpected | out
    status: str  # recorded status at the check ("" for an unknown code)
    label: str
    hook: str


@dataclass(frozen=True)
class SpotCheckResult:
    check: SpotCheckView
    matched: tuple[SpotItemView, ...]
    missing: tuple[SpotItemView, ...]
    unexpected: tuple[SpotItemView, ...]
    #: lent out and not scanned, as expected
    out: tuple[SpotItemView, ...]


@dataclass(frozen=True)
class KeyStatsRow:
    """One line of the monthly statistics, counted in keys unless named otherwise."""

    category: str  # a category, or "total"
    at_start: int  # held at the start of the month
    received: int  # 接受: taken in (intake register)
    handed_over: int  # 移交: handed over to owners
    lent: int  # 签收: loans made (signed out)
    keys_lent: int
    retired: int  # 废弃
    changed: int  # 变更: lock changes
    lost: int
    found: int
    kept: int  # 存留: held at the end of the month (in the cabinet or lent out)


@dataclass(frozen=True)
class KeyMonthStats:
    year: int
    month: int
    rows: tuple[KeyStatsRow, ...]
    total: KeyStatsRow
    generated_at: datetime


@dataclass(frozen=True)
class LoanPage:
    rows: list[LoanView]
    next_after: tuple[datetime, int] | None = None


# -- the service -----------------------------------------------------------------------------


def _positive(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _text(max_length: int, *, required: bool = False):  # noqa: ANN202
    return lambda v: normalize_text(v, max_length=max_length, required=required)


def _month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    last = calendar.monthrange(year, month)[1]
    return datetime(year, month, 1), datetime(year, month, last, 23, 59, 59)


class KeyService:
    """Everything the key tab, the key reports and the key CLI commands do."""

    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    # -- settings and helpers --------------------------------------------------------------

    def end_of_day_time(self) -> time:
        """The cabinet's end of day (setting ``keys.end_of_day``)."""
        return parse_hhmm(SettingsService(self.ctx).get("keys.end_of_day"))

    @staticmethod
    def _end_of_day_in(s) -> time:  # noqa: ANN001
        """The end of day read in the unit of work's own session: a scan is one transaction."""
        return parse_hhmm(read_setting(s, "keys.end_of_day"))

    def _settings(self) -> tuple[time, int]:
        values = SettingsService(self.ctx).all()
        return parse_hhmm(values["keys.end_of_day"]), int(values["keys.due_soon_minutes"])

    def _full_docs(self) -> bool:
        op = self.ctx.operator
        return bool(op and op.sees_full_documents)

    def _approver(self, approval: Approval | None, minimum: str, field_name: str, errors: FieldErrors,
                  borrower_staff_id: int | None = None, cache: dict | None = None) -> Operator | None:
        """Check an approver's own user name and password and role; never signs anyone in."""
        if approval is None:
            return None
        if not (approval.username or "").strip() or not approval.password:
            errors.add(field_name, "key.approver_required")
            return None
        from app.services.staff import StaffService

        cache_key = ((approval.username or "").strip().lower(), approval.password)
        try:
            if cache is not None and cache_key in cache:
                who = cache[cache_key]
            else:
                who = StaffService(self.ctx).authenticate(approval.username, approval.password)
                if cache is not None:
                    cache[cache_key] = who
        except AuthenticationError:
            errors.add(field_name, "key.approval_bad_credentials")
            return None
        if not role_at_least(who.role, minimum):
            errors.add(field_name, "key.approval_role", role=minimum, name=who.display_name)
            return None
        if borrower_staff_id is not None and who.id == borrower_staff_id:
            errors.add(field_name, "key.approver_is_borrower")
            return None
        return who

    @staticmethod
    def _key(s, key_id: int) -> KeySet:  # noqa: ANN001
        key = s.get(KeySet, key_id)
        if key is None:
            raise NotFoundError("key.not_found")
        return key

    @staticmethod
    def _refuse_unavailable(key: KeySet, s=None) -> None:  # noqa: ANN001
        """A key that is not in the cabinet cannot be lent (or used, or changed)."""
        if key.status == "in":
            return
        if key.status == "out":
            loan = s.get(KeyLoan, key.current_loan_id) if s is not None and key.current_loan_id else None
            raise ConflictError("key.already_out", tag=key.tag_code,
                                name=loan.borrower_name if loan else "", since=loan.out_at if loan else None)
        raise ConflictError(f"key.status_{key.status}", tag=key.tag_code)

    # -- reading: keys ----------------------------------------------------------------------

    def get(self, key_id: int) -> KeyView:
        with self.ctx.db.read() as s:
            return self._key_view_one(s, key_id)

    def find(self, tag: str) -> KeyView:
        """The key set with tag ``tag`` (scanned or typed)."""
        code = normalize_tag(tag)
        with self.ctx.db.read() as s:
            key = KeyRepository(s).by_tag(code) if code else None
            if key is None:
                raise NotFoundError("key.tag_unknown", tag=code[:32])
            return self._key_view_one(s, key.id)

    def search(self, text: str = "", *, statuses: Sequence[str] = (), category: str = "",
               limit: int = 200) -> list[KeyView]:
        """Key sets by tag, hook, label, area or unit (prefixes), ordered by hook."""
        with self.ctx.db.read() as s:
            repo = KeyRepository(s)
            ids = repo.search_ids(text or "", statuses=tuple(statuses), category=category, limit=limit)
            return self._key_views(s, ids)

    def history(self, key_id: int) -> list[KeyEventView]:
        """Lost, found, lock changes, retirement, hand-over, refused copies of one key, oldest first."""
        with self.ctx.db.read() as s:
            self._key(s, key_id)
            rows = s.execute(select(KeyEvent.id).where(KeyEvent.key_set_id == key_id).order_by(KeyEvent.id))
            return self._event_views(s, [r[0] for r in rows])

    # -- intake (钥匙交接验收统计表) ------------------------------------------------------------

    def intake(self, data: IntakeInput, *, at: datetime | None = None) -> IntakeView:
        """Take one key set into the cabinet (a new tag) or add keys to an existing set."""
        return self.intake_batch([data], at=at)[0]

    def intake_batch(self, items: Sequence[IntakeInput], *, at: datetime | None = None) -> list[IntakeView]:
        """A handover session: every key checked one by one, all saved or none.

        An invalid line raises ``ValidationError`` whose ``params["entry"]`` is its index.
        Each new set gets the next tag code (gapless: a refused batch uses none).
        """
        op = self.ctx.require_operator("supervisor")
        when = (at or now()).replace(microsecond=0)
        out: list[tuple[int, int | None]] = []
        with self.ctx.db.write() as s:
            repo = KeyRepository(s)
            hooks_taken: dict[str, int] = {}
            for i, data in enumerate(items):
                try:
                    intake, opened = self._intake_one(s, repo, op, data, when, hooks_taken)
                except ValidationError as exc:
                    exc.params["entry"] = i
                    raise
                out.append((intake.id, opened))
            views = self._intake_views(s, [i for i, _ in out])
        return [v if opened is None else replace(v, opened_outstanding_id=opened)
                for v, (_, opened) in zip(views, out)]

    def _intake_one(self, s, repo: KeyRepository, op: Operator, data: IntakeInput, when: datetime,  # noqa: ANN001
                    hooks_taken: dict[str, int]) -> tuple[KeyIntake, int | None]:
        errors = FieldErrors()
        existing: KeySet | None = None
        if data.key_id is not None:
            existing = s.get(KeySet, data.key_id)
            if existing is None:
                raise NotFoundError("key.not_found")
            if existing.status not in ("in", "out"):
                raise ConflictError(f"key.status_{existing.status}", tag=existing.tag_code)
        category = existing.category if existing else data.category
        if category not in CATEGORIES:
            errors.add("category", "key.category_unknown")
        label = errors.check("label", _text(128, required=True), data.label) if existing is None else existing.label
        if not _positive(data.key_count, 1, MAX_KEYS_ON_TAG):
            errors.add("key_count", "key.count_range", max=MAX_KEYS_ON_TAG)
        expected = data.expected_count
        if expected is not None and (not _positive(expected, 1, MAX_KEYS_ON_TAG)
                                     or (_positive(data.key_count, 1, MAX_KEYS_ON_TAG) and expected < data.key_count)):
            errors.add("expected_count", "key.expected_below_count")
            expected = None
        hook = None
        if existing is None:
            hook = errors.check("hook", normalize_hook, data.hook)
            if hook:
                holder = repo.hook_holder(hook)
                if holder is not None:
                    errors.add("hook", "key.hook_taken", hook=hook, tag=holder.tag_code)
                elif hook in hooks_taken:
                    errors.add("hook", "key.hook_taken", hook=hook, tag=f"#{hooks_taken[hook] + 1}")
        handed = errors.check("handed_over_by", normalize_name, data.handed_over_by)
        condition = errors.check("condition", _text(64, required=True), data.condition)
        area = errors.check("area", _text(64), data.area)
        note = errors.check("note", _text(1000), data.note)
        location = errors.check("location", _text(128), data.location)
        if data.source not in INTAKE_SOURCES:
            errors.add("source", "key.source_unknown")
        unit: Unit | None = None
        if existing is not None and existing.unit_id:
            unit = s.get(Unit, existing.unit_id)
        elif data.unit_code.strip():
            unit = s.execute(select(Unit).where(Unit.code == data.unit_code.strip().upper())).scalar_one_or_none()
            if unit is None:
                unit = s.execute(select(Unit).where(Unit.code == data.unit_code.strip())).scalar_one_or_none()
            if unit is None:
                errors.add("unit_code", "unit.not_found", unit=data.unit_code.strip())
        elif category == "unit":
            errors.add("unit_code", "key.unit_required")
        occupant_id = existing.occupant_id if existing else None
        if existing is None and data.occupant_id is not None:
            occ = s.get(Occupant, data.occupant_id)
            if occ is None or not occ.active or (unit is not None and occ.unit_id != unit.id):
                errors.add("occupant_id", "key.owner_not_of_unit")
            else:
                occupant_id = occ.id
        if category == "public":
            if existing is None and _positive(data.key_count, 1, MAX_KEYS_ON_TAG) and data.key_count != 1:
                errors.add("key_count", "key.public_one_in_cabinet")
            if existing is not None:
                errors.add("key_count", "key.public_one_in_cabinet")
        if not _positive(data.sealed_spares, 0, MAX_KEYS_ON_TAG):
            errors.add("sealed_spares", "key.count_range", max=MAX_KEYS_ON_TAG)
        elif data.sealed_spares and category != "public":
            errors.add("sealed_spares", "key.sealed_public_only")
        outstanding: KeyOutstanding | None = None
        if data.outstanding_id is not None:
            outstanding = s.get(KeyOutstanding, data.outstanding_id)
            if outstanding is None:
                errors.add("outstanding_id", "key.outstanding_not_found")
            elif outstanding.closed_at is not None:
                errors.add("outstanding_id", "key.outstanding_closed")
        errors.raise_if_any()

        unit_code = unit.code if unit else ""
        if existing is None:
            counter = lock_counter(s, "key_tag")
            counter.value += 1
            original = max(expected or data.key_count, data.key_count)
            key = KeySet(
                tag_code=format_tag(counter.value), hook=hook, category=category, label=label,
                area=area or "", unit_id=unit.id if unit else None, occupant_id=occupant_id,
                key_count=data.key_count, original_count=original,
                sealed_spares=data.sealed_spares, status="in", lock_changes=0, note=note or "",
                created_at=when, created_by_id=op.id,
            )
            s.add(key)
            s.flush()
            hooks_taken[hook] = len(hooks_taken)
            record(s, op.id, "key.register", "key_set", key.id, after=self._key_audit(key, unit_code))
        else:
            key = existing
            before = {"key_count": key.key_count, "original_count": key.original_count}
            key.key_count += data.key_count
            key.original_count = max(key.original_count, key.key_count, expected or 0)
            record(s, op.id, "key.add_keys", "key_set", key.id, before,
                   {"key_count": key.key_count, "original_count": key.original_count})
        intake = KeyIntake(
            key_set_id=key.id, at=when, source=data.source,
            location=location or " ".join(p for p in (unit_code, key.label) if p)[:128],
            unit_id=unit.id if unit else None, key_count=data.key_count, condition=condition,
            handed_over_by=handed, received_by_id=op.id,
            outstanding_id=outstanding.id if outstanding else None, note=note or "",
        )
        s.add(intake)
        s.flush()
        record(s, op.id, "key.intake", "key_intake", intake.id, after={
            "key_set_id": key.id, "tag": key.tag_code, "source": data.source, "location": intake.location,
            "key_count": data.key_count, "condition": condition, "handed_over_by": handed,
            "outstanding_id": intake.outstanding_id,
        })
        if outstanding is not None:
            received = self._received_for(s, outstanding.id)
            if received >= outstanding.count_owed:
                outstanding.closed_at = when
                outstanding.closed_by_id = op.id
                record(s, op.id, "key.outstanding_close", "key_outstanding", outstanding.id,
                       {"closed_at": None}, {"closed_at": when, "received": received, "intake_id": intake.id})
        opened = None
        owed = (expected or 0) - data.key_count
        if owed > 0:
            entry = KeyOutstanding(location=intake.location, unit_id=intake.unit_id, category=key.category,
                                   count_owed=owed, created_at=when, created_by_id=op.id, close_note="")
            s.add(entry)
            s.flush()
            record(s, op.id, "key.outstanding_add", "key_outstanding", entry.id, after={
                "location": entry.location, "count_owed": owed, "intake_id": intake.id})
            opened = entry.id
        return intake, opened

    @staticmethod
    def _received_for(s, outstanding_id: int) -> int:  # noqa: ANN001
        return int(s.execute(select(func.coalesce(func.sum(KeyIntake.key_count), 0))
                             .where(KeyIntake.outstanding_id == outstanding_id)).scalar_one())

    def intakes(self, date_from: date | None = None, date_to: date | None = None) -> list[IntakeView]:
        """The handover register, oldest first (all of it without dates)."""
        q = select(KeyIntake.id)
        if date_from is not None:
            q = q.where(KeyIntake.at >= datetime.combine(date_from, time.min))
        if date_to is not None:
            q = q.where(KeyIntake.at <= datetime.combine(date_to, time.max))
        with self.ctx.db.read() as s:
            ids = [r[0] for r in s.execute(q.order_by(KeyIntake.at, KeyIntake.id))]
            return self._intake_views(s, ids)

    def update_key(self, key_id: int, *, hook: str | None = None, label: str | None = None,
                   area: str | None = None, note: str | None = None) -> KeyView:
        """Move a key set to another hook, or correct its label, area or note (audited)."""
        op = self.ctx.require_operator("supervisor")
        errors = FieldErrors()
        changes: dict[str, Any] = {}
        if hook is not None:
            changes["hook"] = errors.check("hook", normalize_hook, hook)
        if label is not None:
            changes["label"] = errors.check("label", _text(128, required=True), label)
        if area is not None:
            changes["area"] = errors.check("area", _text(64), area)
        if note is not None:
            changes["note"] = errors.check("note", _text(1000), note)
        errors.raise_if_any()
        with self.ctx.db.write() as s:
            key = self._key(s, key_id)
            if key.status not in ("in", "out"):
                raise ConflictError(f"key.status_{key.status}", tag=key.tag_code)
            if changes.get("hook") and changes["hook"] != key.hook:
                holder = KeyRepository(s).hook_holder(changes["hook"], exclude_id=key.id)
                if holder is not None:
                    raise ValidationError({"hook": FieldError("key.hook_taken",
                                                              {"hook": changes["hook"], "tag": holder.tag_code})})
            diff = {k: v for k, v in changes.items() if getattr(key, k) != v}
            if not diff:
                raise ValidationError({"note": FieldError("key.nothing_changed")})
            before = {k: getattr(key, k) for k in diff}
            for k, v in diff.items():
                setattr(key, k, v)
            record(s, op.id, "key.update", "key_set", key.id, before, diff)
            s.flush()
            return self._key_view_one(s, key.id)

    # -- the outstanding-keys register (尚未移交钥匙统计表) -------------------------------------

    def add_outstanding(self, data: OutstandingInput) -> OutstandingView:
        op = self.ctx.require_operator("supervisor")
        errors = FieldErrors()
        location = errors.check("location", _text(128, required=True), data.location)
        if not _positive(data.count_owed, 1, 10_000):
            errors.add("count_owed", "key.count_range", max=10_000)
        if data.category not in CATEGORIES:
            errors.add("category", "key.category_unknown")
        note = errors.check("note", _text(1000), data.note)
        errors.raise_if_any()
        with self.ctx.db.write() as s:
            unit_id = None
            if data.unit_code.strip():
                unit = s.execute(select(Unit).where(Unit.code == data.unit_code.strip())).scalar_one_or_none()
                if unit is None:
                    raise ValidationError({"unit_code": FieldError("unit.not_found", {"unit": data.unit_code.strip()})})
                unit_id = unit.id
            at = now()
            entry = KeyOutstanding(location=location, unit_id=unit_id, category=data.category,
                                   count_owed=data.count_owed, created_at=at, created_by_id=op.id, close_note="")
            s.add(entry)
            s.flush()
            record(s, op.id, "key.outstanding_add", "key_outstanding", entry.id,
                   after={"location": location, "count_owed": data.count_owed, "category": data.category})
            if note:
                s.add(KeyOutstandingNote(outstanding_id=entry.id, at=at, staff_id=op.id, note=note))
                record(s, op.id, "key.outstanding_note", "key_outstanding", entry.id, after={"note": note})
            s.flush()
            return self._outstanding_views(s, [entry.id])[0]

    def add_outstanding_note(self, outstanding_id: int, note: str) -> OutstandingView:
        """A follow-up on keys still owed (called the developer, promised for Friday…)."""
        op = self.ctx.require_operator()
        text = normalize_text(note, max_length=1000, required=True) if (note or "").strip() else None
        if text is None:
            raise ValidationError({"note": FieldError("text.required")})
        with self.ctx.db.write() as s:
            entry = s.get(KeyOutstanding, outstanding_id)
            if entry is None:
                raise NotFoundError("key.outstanding_not_found")
            if entry.closed_at is not None:
                raise ConflictError("key.outstanding_closed")
            s.add(KeyOutstandingNote(outstanding_id=entry.id, at=now(), staff_id=op.id, note=text))
            record(s, op.id, "key.outstanding_note", "key_outstanding", entry.id, after={"note": text})
            s.flush()
            return self._outstanding_views(s, [entry.id])[0]

    def close_outstanding(self, outstanding_id: int, note: str) -> OutstandingView:
        """Close an entry without an intake (the keys were never made, the lock replaced…)."""
        op = self.ctx.require_operator("supervisor")
        try:
            text = normalize_text(note, max_length=1000, required=True)
        except Exception as exc:  # DomainError
            raise ValidationError({"note": FieldError(getattr(exc, "key", "text.required"))}) from None
        with self.ctx.db.write() as s:
            entry = s.get(KeyOutstanding, outstanding_id)
            if entry is None:
                raise NotFoundError("key.outstanding_not_found")
            if entry.closed_at is not None:
                raise ConflictError("key.outstanding_closed")
            entry.closed_at = now()
            entry.closed_by_id = op.id
            entry.close_note = text
            record(s, op.id, "key.outstanding_close", "key_outstanding", entry.id,
                   {"closed_at": None}, {"closed_at": entry.closed_at, "note": text})
            s.flush()
            return self._outstanding_views(s, [entry.id])[0]

    def outstanding(self, *, include_closed: bool = False) -> list[OutstandingView]:
        """The outstanding-keys register, oldest first."""
        q = select(KeyOutstanding.id)
        if not include_closed:
            q = q.where(KeyOutstanding.closed_at.is_(None))
        with self.ctx.db.read() as s:
            return self._outstanding_views(s, [r[0] for r in s.execute(q.order_by(KeyOutstanding.id))])

    # -- lending ------------------------------------------------------------------------------

    def loan_rules(self, key_id: int, *, due_at: datetime | None = None, engineering_repair: bool = False,
                   at: datetime | None = None) -> LoanRules:
        """What checking out ``key_id`` until ``due_at`` needs (approvals, consent)."""
        eod = self.end_of_day_time()
        with self.ctx.db.read() as s:
            key = self._key(s, key_id)
            return self._rules_for(key, (at or now()).replace(microsecond=0), due_at, engineering_repair, eod)

    @staticmethod
    def _rules_for(key: KeySet, out_at: datetime, due_at: datetime | None, engineering: bool,
                   eod: time) -> LoanRules:
        default = default_due(out_at, eod)
        due = due_at or default
        overnight = not same_day(out_at, due, eod)
        return LoanRules(
            key_id=key.id, default_due=default, end_of_day=end_of_day(out_at.date(), eod), due_at=due,
            max_quantity=key.key_count, manager_approval=needs_manager_approval(key.category),
            consent_required=needs_manager_approval(key.category),
            gm_approval=needs_gm_approval(out_at, due) or (overnight and not engineering),
            overnight=overnight,
        )

    def scan(self, code: str) -> ScanResult:
        """A tag scanned at the counter: a key that is out is checked in; a key in the
        cabinet comes back as ``needs_checkout`` (the UI opens the check-out form)."""
        op = self.ctx.require_operator()
        tag = normalize_tag(code)
        if not tag:
            raise NotFoundError("key.tag_unknown", tag="")
        with self.ctx.db.write() as s:
            key = KeyRepository(s).by_tag(tag)
            if key is None:
                raise NotFoundError("key.tag_unknown", tag=tag[:32])
            if key.status == "out":
                loan = self._check_in(s, op, key, now(), returned_by="", quantity=None, note="")
                return ScanResult("checked_in", self._key_view_one(s, key.id), self._loan_view_one(s, loan.id))
            if key.status != "in":
                raise ConflictError(f"key.status_{key.status}", tag=key.tag_code)
            rules = self._rules_for(key, now(), None, False, self._end_of_day_in(s))
            return ScanResult("needs_checkout", self._key_view_one(s, key.id), None, rules)

    def check_out(self, key_id: int, data: LoanInput, *, manager_approval: Approval | None = None,
                  gm_approval: Approval | None = None, at: datetime | None = None) -> LoanView:
        """Lend a key (钥匙借用登记表). ``at`` is for demo data and tests only."""
        op = self.ctx.require_operator()
        errors = FieldErrors()
        mgr = self._approver(manager_approval, "manager", "manager_approval", errors, data.borrower_staff_id)
        gm = self._approver(gm_approval, "general_manager", "gm_approval", errors, data.borrower_staff_id)
        out_at = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            eod = self._end_of_day_in(s)
            loan = self._check_out(s, op, key_id, data, out_at, eod, errors, mgr, gm)
            return self._loan_view_one(s, loan.id)

    def _check_out(self, s, op: Operator, key_id: int, data: LoanInput, out_at: datetime, eod: time,  # noqa: ANN001
                   errors: FieldErrors, mgr: Operator | None, gm: Operator | None) -> KeyLoan:
        key = self._key(s, key_id)
        self._refuse_unavailable(key, s)
        purpose = errors.check("purpose", _text(128, required=True), data.purpose)
        note = errors.check("note", _text(1000), data.note)
        quantity = key.key_count if data.quantity is None else data.quantity
        if not _positive(quantity, 1, key.key_count):
            errors.add("quantity", "key.quantity_range", max=key.key_count)
        borrower = self._clean_borrower(s, key, data, errors)
        due = (data.due_at or default_due(out_at, eod)).replace(microsecond=0)
        rules = self._rules_for(key, out_at, due, data.engineering_repair, eod)
        if due <= out_at:
            errors.add("due_at", "key.due_in_past")
        consent = errors.check("consent_by", _text(64), data.consent_by)
        if rules.consent_required and not consent:
            errors.add("consent_by", "key.consent_required")
        if rules.manager_approval and mgr is None:
            errors.add("manager_approval", "key.manager_approval_required")
        if rules.gm_approval and gm is None and due > out_at:
            if needs_gm_approval(out_at, due):
                errors.add("gm_approval", "key.gm_approval_required")
            else:
                errors.add("gm_approval", "key.overnight_not_allowed", end=rules.end_of_day)
        png = bytes(data.signature_png) if data.signature_png is not None else None  # QByteArray, memoryview…
        if png is not None and len(png) > MAX_SIGNATURE_BYTES:
            errors.add("signature", "key.signature_too_large")
        elif png is not None and not png.startswith(PNG_MAGIC):
            errors.add("signature", "key.signature_invalid")
        elif not png and not data.signed_on_slip:
            errors.add("signature", "key.signature_required")
        errors.raise_if_any()

        loan = KeyLoan(
            key_set_id=key.id, out_at=out_at, due_at=due, quantity=quantity, purpose=purpose,
            **borrower, consent_by=consent or "",
            manager_approver_id=mgr.id if mgr else None, manager_approved_at=out_at if mgr else None,
            gm_approver_id=gm.id if gm else None, gm_approved_at=out_at if gm else None,
            engineering_repair=bool(data.engineering_repair), emergency=False,
            signed_on_screen=bool(png), signed_on_slip=bool(data.signed_on_slip) and not png,
            note=note or "", handled_by_id=op.id,
        )
        s.add(loan)
        s.flush()
        if png:
            s.add(KeyLoanSignature(loan_id=loan.id, png=png))
        key.status = "out"
        key.current_loan_id = loan.id
        record(s, op.id, "key.check_out", "key_loan", loan.id, after=self._loan_audit(loan, key))
        s.flush()
        return loan

    def _clean_borrower(self, s, key: KeySet, data: LoanInput, errors: FieldErrors) -> dict[str, Any]:  # noqa: ANN001
        kind = data.borrower_kind
        out: dict[str, Any] = {
            "borrower_kind": kind, "borrower_staff_id": None, "borrower_occupant_id": None,
            "borrower_name": "", "borrower_company": "", "borrower_phone": "", "borrower_doc_type": "",
            "borrower_doc_number": "",
        }
        if kind not in BORROWER_KINDS:
            errors.add("borrower_kind", "key.borrower_kind_unknown")
            return out
        out["borrower_company"] = errors.check("borrower_company", _text(128), data.borrower_company) or ""
        phone = errors.check("borrower_phone", normalize_phone, data.borrower_phone) or ""
        name = ""
        picked = False  # the borrower was picked from the staff list or the directory
        if kind == "staff" and data.borrower_staff_id is not None:
            picked = True
            staff = s.get(Staff, data.borrower_staff_id)
            if staff is None or not staff.active or staff.username == "system":
                errors.add("borrower_staff_id", "staff.not_found")
            else:
                out["borrower_staff_id"] = staff.id
                name = staff.display_name
        elif kind == "occupant":
            picked = True
            occ = s.get(Occupant, data.borrower_occupant_id) if data.borrower_occupant_id is not None else None
            if occ is None or not occ.active:
                errors.add("borrower_occupant_id", "occupant.not_found")
            elif key.category == "unit" and key.unit_id is not None and occ.unit_id != key.unit_id:
                errors.add("borrower_occupant_id", "key.occupant_other_unit")
            else:
                out["borrower_occupant_id"] = occ.id
                name = occ.name
                phone = phone or occ.phone
        if not picked:
            name = errors.check("borrower_name", normalize_name, data.borrower_name) or ""
        out["borrower_name"] = name
        out["borrower_phone"] = phone
        if kind == "contractor" and not phone and "borrower_phone" not in errors._errors:  # noqa: SLF001
            errors.add("borrower_phone", "phone.required")
        raw_doc = (data.borrower_doc_number or "").strip()
        if raw_doc:
            if data.borrower_doc_type not in DOC_TYPES:
                errors.add("borrower_doc_type", "doc.type_unknown")
            else:
                doc = errors.check("borrower_doc_number",
                                   lambda v: normalize_document(data.borrower_doc_type, v), raw_doc)
                out["borrower_doc_type"] = data.borrower_doc_type
                out["borrower_doc_number"] = doc or ""
        elif kind == "contractor":
            errors.add("borrower_doc_number", "doc.required")
        return out

    def check_in(self, key_id: int, *, returned_by: str = "", quantity: int | None = None, note: str = "",
                 at: datetime | None = None) -> LoanView:
        """Take a key back and sign the loan off. Fewer keys than lent: the missing ones are
        recorded lost (a note is required) and the set becomes incomplete."""
        op = self.ctx.require_operator()
        with self.ctx.db.write() as s:
            key = self._key(s, key_id)
            loan = self._check_in(s, op, key, (at or now()).replace(microsecond=0), returned_by=returned_by,
                                  quantity=quantity, note=note)
            return self._loan_view_one(s, loan.id)

    def _check_in(self, s, op: Operator, key: KeySet, at: datetime, *, returned_by: str,  # noqa: ANN001
                  quantity: int | None, note: str) -> KeyLoan:
        if key.status != "out" or key.current_loan_id is None:
            if key.status == "in":
                raise ConflictError("key.not_out", tag=key.tag_code)
            raise ConflictError(f"key.status_{key.status}", tag=key.tag_code)
        loan = s.get(KeyLoan, key.current_loan_id)
        errors = FieldErrors()
        who = errors.check("returned_by", _text(64), returned_by) or ""
        text = errors.check("note", _text(1000), note) or ""
        back = loan.quantity if quantity is None else quantity
        if not _positive(back, 0, loan.quantity):
            errors.add("quantity", "key.quantity_range", max=loan.quantity)
        elif back < loan.quantity and not text:
            errors.add("note", "key.return_short_note", missing=loan.quantity - back)
        errors.raise_if_any()
        at = max(at, loan.out_at)
        s.add(KeyLoanEvent(loan_id=loan.id, kind="return", at=at, staff_id=op.id, quantity=back,
                           returned_by=who, note=text))
        key.current_loan_id = None
        missing = loan.quantity - back
        if missing:
            key.key_count -= missing
            s.add(KeyEvent(key_set_id=key.id, kind="lost", at=at, staff_id=op.id, count=missing,
                           count_delta=-missing, person=loan.borrower_name, loan_id=loan.id, note=text))
        key.status = "in" if key.key_count > 0 else "lost"
        record(s, op.id, "key.check_in", "key_loan", loan.id, {"returned_at": None},
               {"returned_at": at, "tag": key.tag_code, "quantity": back, "missing": missing,
                "returned_by": who})
        s.flush()
        return loan

    def register_past_loans(self, entries: Sequence[PastLoan]) -> list[int]:
        """Loans that already happened (a paper register typed in, demo data), in order.

        One transaction; each entry is validated and audited like ``check_out`` (and
        ``check_in`` when it has a return time); the current operator is the handler.
        All or nothing: an invalid entry raises with ``params["entry"]`` set to its index.
        """
        op = self.ctx.require_operator()
        eod = self.end_of_day_time()
        cache: dict = {}
        current = now()
        prepared = []
        for i, e in enumerate(entries):
            errors = FieldErrors()
            mgr = self._approver(e.manager_approval, "manager", "manager_approval", errors,
                                 e.data.borrower_staff_id, cache)
            gm = self._approver(e.gm_approval, "general_manager", "gm_approval", errors,
                                e.data.borrower_staff_id, cache)
            if e.out_at > current + CLOCK_SKEW:
                errors.add("out_at", "key.time_in_future")
            if e.returned_at is not None and (e.returned_at < e.out_at or e.returned_at > current + CLOCK_SKEW):
                errors.add("returned_at", "key.return_time_invalid")
            prepared.append((errors, mgr, gm))
        ids: list[int] = []
        with self.ctx.db.write() as s:
            for i, (e, (errors, mgr, gm)) in enumerate(zip(entries, prepared)):
                try:
                    loan = self._check_out(s, op, e.key_id, e.data, e.out_at.replace(microsecond=0), eod,
                                           errors, mgr, gm)
                    if e.returned_at is not None:
                        self._check_in(s, op, s.get(KeySet, e.key_id), e.returned_at.replace(microsecond=0),
                                       returned_by=e.returned_by, quantity=None, note="")
                except (ValidationError, ConflictError, NotFoundError) as exc:
                    exc.params["entry"] = i
                    raise
                ids.append(loan.id)
        return ids

    # -- reading: loans ---------------------------------------------------------------------

    def loan(self, loan_id: int) -> LoanView:
        with self.ctx.db.read() as s:
            return self._loan_view_one(s, loan_id)

    def signature(self, loan_id: int) -> bytes | None:
        """The borrower's on-screen signature (PNG), if one was captured."""
        with self.ctx.db.read() as s:
            row = s.get(KeyLoanSignature, loan_id)
            return bytes(row.png) if row is not None else None

    def _filter(self, s, q: LoanQuery) -> LoanFilter | None:  # noqa: ANN001
        if q.date_from and q.date_to and q.date_to < q.date_from:
            raise ValidationError({"date_to": FieldError("date.range_reversed")})
        key_id = q.key_id
        borrower = ""
        text = (q.text or "").strip()
        if text:
            tag = normalize_tag(text)
            key = KeyRepository(s).by_tag(tag)
            if key is not None:
                if key_id is not None and key_id != key.id:
                    return None
                key_id = key.id
            else:
                borrower = text
        return LoanFilter(
            key_id=key_id, borrower_prefix=borrower,
            time_from=datetime.combine(q.date_from, time.min) if q.date_from else None,
            time_to=datetime.combine(q.date_to, time.max).replace(microsecond=0) if q.date_to else None,
            open_only=q.open_only,
        )

    def loans(self, query: LoanQuery = LoanQuery(), *, limit: int = 200,
              after: tuple[datetime, int] | None = None) -> LoanPage:
        """One page of the loan register (钥匙借用登记表), newest first (keyset paging)."""
        with self.ctx.db.read() as s:
            f = self._filter(s, query)
            if f is None:
                return LoanPage([])
            ids = KeyRepository(s).loan_page_ids(f, limit + 1, after)
            more = len(ids) > limit
            ids = ids[:limit]
            rows = self._loan_views(s, [i for i, _ in ids])
            return LoanPage(rows, (ids[-1][1], ids[-1][0]) if more and ids else None)

    def loan_count(self, query: LoanQuery = LoanQuery()) -> int:
        with self.ctx.db.read() as s:
            f = self._filter(s, query)
            return 0 if f is None else KeyRepository(s).loan_count(f)

    def open_loans(self) -> list[LoanView]:
        """Every key out now, by due time."""
        with self.ctx.db.read() as s:
            views = self._loan_views(s, KeyRepository(s).open_loan_ids())
        return sorted(views, key=lambda v: (v.due_at, v.id))

    def overdue(self, at: datetime | None = None) -> OverdueReport:
        """Open loans past due (most overdue first) and, apart, those due within the
        ``keys.due_soon_minutes`` setting (soonest first)."""
        at = (at or now()).replace(microsecond=0)
        _, soon_minutes = self._settings()
        soon = at + timedelta(minutes=soon_minutes)
        with self.ctx.db.read() as s:
            views = self._loan_views(s, KeyRepository(s).open_loan_ids(), at=at)
        views.sort(key=lambda v: (v.due_at, v.id))
        return OverdueReport(
            at=at,
            overdue=tuple(v for v in views if v.due_at < at),
            due_soon=tuple(v for v in views if at <= v.due_at <= soon),
        )

    def export_keys(self, received_from: date | None = None, received_to: date | None = None) -> Iterator[KeyView]:
        """Every key set (or those taken in between the dates), by tag code."""
        if received_from and received_to and received_to < received_from:
            raise ValidationError({"date_to": FieldError("date.range_reversed")})
        t0 = datetime.combine(received_from, time.min) if received_from else None
        t1 = datetime.combine(received_to, time.max).replace(microsecond=0) if received_to else None
        with self.ctx.db.read() as s:
            ids = KeyRepository(s).all_key_ids(received_from=t0, received_to=t1)
            for start in range(0, len(ids), 1000):
                yield from self._key_views(s, ids[start:start + 1000])

    def export_loans(self, date_from: date, date_to: date) -> Iterator[LoanView]:
        """Every loan out in the date range, oldest first, ID numbers masked (for exports)."""
        if date_to < date_from:
            raise ValidationError({"date_to": FieldError("date.range_reversed")})
        t0 = datetime.combine(date_from, time.min)
        t1 = datetime.combine(date_to, time.max).replace(microsecond=0)
        at = now()
        with self.ctx.db.read() as s:
            for row in KeyRepository(s).loans_between(t0, t1):
                yield self._loan_view(row, full=False, at=at)

    # -- overnight (不得过夜) ---------------------------------------------------------------

    def still_out(self, at: datetime | None = None) -> list[OvernightView]:
        """Every key out at ``at``; those out past the end of the day they went out are
        ``overnight``, and ``highlight``-ed unless excused (engineering repair, or a longer
        loan the general manager approved). Highlighted first, then by due time."""
        at = (at or now()).replace(microsecond=0)
        eod = self.end_of_day_time()
        night = night_of(at, eod)
        with self.ctx.db.read() as s:
            repo = KeyRepository(s)
            loans = self._loan_views(s, repo.open_loan_ids(), at=at)
            acks = repo.acknowledgements([v.id for v in loans], night)
            out = [self._overnight_view(v, at, eod, night, acks.get(v.id)) for v in loans]
        out.sort(key=lambda o: (not o.highlight, not o.overnight, o.loan.due_at, o.loan.id))
        return out

    def still_out_view(self, loan: LoanView, at: datetime | None = None, *,
                       end_of_day: time | None = None) -> OvernightView:
        """How a loan just made appears in the still-out list, without reading the list again
        (a new loan has no acknowledgement yet). ``end_of_day``: the setting as the caller
        last read it (the Keys tab keeps it), to spare a read per scan."""
        at = (at or now()).replace(microsecond=0)
        eod = end_of_day if end_of_day is not None else self.end_of_day_time()
        return self._overnight_view(loan, at, eod, night_of(at, eod), None)

    def unacknowledged(self, at: datetime | None = None) -> list[OvernightView]:
        """Keys out overnight not yet acknowledged for tonight: closing the shift asks for each."""
        return [o for o in self.still_out(at) if o.overnight and not o.acknowledged]

    def acknowledge_overnight(self, loan_id: int, note: str, *, at: datetime | None = None) -> OvernightView:
        """The closing shift acknowledges a key still out tonight, with a note (who has it,
        when it comes back). One acknowledgement per loan and night."""
        op = self.ctx.require_operator()
        try:
            text = normalize_text(note, max_length=500, required=True)
        except Exception as exc:  # DomainError
            raise ValidationError({"note": FieldError(getattr(exc, "key", "text.required"))}) from None
        at = (at or now()).replace(microsecond=0)
        eod = self.end_of_day_time()
        night = night_of(at, eod)
        with self.ctx.db.write() as s:
            loan = s.get(KeyLoan, loan_id)
            if loan is None:
                raise NotFoundError("key.loan_not_found")
            repo = KeyRepository(s)
            if repo.loan_end(loan.id) is not None:
                raise ConflictError("key.loan_closed")
            if not is_overnight(loan.out_at, at, eod):
                raise ConflictError("key.not_overnight", end=end_of_day(loan.out_at.date(), eod))
            if repo.acknowledgements([loan.id], night):
                raise ConflictError("key.already_acknowledged")
            s.add(KeyLoanEvent(loan_id=loan.id, kind="overnight_ack", at=at, staff_id=op.id, night=night,
                               note=text))
            record(s, op.id, "key.overnight_ack", "key_loan", loan.id,
                   after={"night": night, "note": text})
            s.flush()
            view = self._loan_view_one(s, loan.id, at=at)
            ack = repo.acknowledgements([loan.id], night).get(loan.id)
            return self._overnight_view(view, at, eod, night, ack)

    def check_shift_close(self, at: datetime | None = None) -> None:
        """Raise ``ConflictError("key.overnight_unacknowledged")`` while any key out overnight
        has not been acknowledged; the shift handover calls this before closing."""
        pending = self.unacknowledged(at)
        if pending:
            raise ConflictError("key.overnight_unacknowledged", count=len(pending),
                                tags=", ".join(o.loan.tag_code for o in pending[:10]))

    @staticmethod
    def _overnight_view(v: LoanView, at: datetime, eod: time, night: date,
                        ack: tuple[KeyLoanEvent, str] | None) -> OvernightView:
        overnight = is_overnight(v.out_at, at, eod)
        if v.engineering_repair:
            excuse = "engineering_repair"
        elif v.gm_approver and v.due_at > at:
            excuse = "approved"
        else:
            excuse = ""
        return OvernightView(
            loan=v, night=night, overnight=overnight, highlight=overnight and not excuse, excuse=excuse,
            acknowledged=ack is not None, ack_note=ack[0].note if ack else "", ack_by=ack[1] if ack else "",
            ack_at=ack[0].at if ack else None,
        )

    # -- emergencies, lost, found, copies, lock changes, retirement, hand-over -------------

    def emergency_contacts(self, key_id: int) -> EmergencyContacts:
        """The owner and the emergency contact of the unit an owner's key opens."""
        with self.ctx.db.read() as s:
            key = self._key(s, key_id)
            if key.category != "unit" or key.unit_id is None:
                raise ConflictError("key.emergency_unit_keys_only")
            unit = s.get(Unit, key.unit_id)
            occ = s.get(Occupant, key.occupant_id) if key.occupant_id else None
            if occ is None or not occ.active:
                occ = s.execute(
                    select(Occupant).where(Occupant.unit_id == key.unit_id, Occupant.active.is_(True))
                    .order_by(Occupant.kind != "owner", Occupant.id).limit(1)
                ).scalar_one_or_none()
            return EmergencyContacts(
                unit_code=unit.code if unit else "", owner_name=occ.name if occ else "",
                owner_phone=occ.phone if occ else "", emergency_name=occ.emergency_name if occ else "",
                emergency_phone=occ.emergency_phone if occ else "",
            )

    def emergency_use(self, key_id: int, data: EmergencyInput, *, at: datetime | None = None) -> EmergencyView:
        """Take an owner's spare key in an emergency (fire, flooding): the record says who
        was told first (the owner, or if unreachable the emergency contact), how and when,
        and the two staff present. The key goes out on a loan like any other."""
        op = self.ctx.require_operator()
        at = (at or now()).replace(microsecond=0)
        eod = self.end_of_day_time()
        errors = FieldErrors()
        if data.emergency not in EMERGENCIES:
            errors.add("emergency", "key.emergency_kind_unknown")
        description = errors.check("description", _text(1000, required=True), data.description)
        if data.contacted not in CONTACTED:
            errors.add("contacted", "key.emergency_notify_first")
        contact = errors.check("contact_name", normalize_name, data.contact_name)
        phone = errors.check("contact_phone", normalize_phone, data.contact_phone)
        if data.contact_method not in CONTACT_METHODS:
            errors.add("contact_method", "key.contact_method_unknown")
        if not isinstance(data.contacted_at, datetime):
            errors.add("contacted_at", "key.emergency_notify_first")
        elif data.contacted_at > at + timedelta(minutes=1):
            errors.add("contacted_at", "key.emergency_contact_after_use")
        elif data.contacted_at < at - EMERGENCY_CONTACT_WINDOW:
            errors.add("contacted_at", "key.emergency_contact_too_old",
                       hours=int(EMERGENCY_CONTACT_WINDOW.total_seconds() // 3600))
        attempt = errors.check("owner_attempt", _text(500), data.owner_attempt)
        if data.contacted == "emergency_contact" and not attempt:
            errors.add("owner_attempt", "key.emergency_owner_attempt_required")
        first = errors.check("staff_present_1", normalize_name, data.staff_present_1)
        second = errors.check("staff_present_2", normalize_name, data.staff_present_2)
        if first and second and first == second:
            errors.add("staff_present_2", "key.emergency_two_staff")
        with self.ctx.db.write() as s:
            key = self._key(s, key_id)
            if key.category != "unit":
                raise ConflictError("key.emergency_unit_keys_only")
            self._refuse_unavailable(key, s)
            errors.raise_if_any()
            purpose = f"{description}"[:128]
            loan = KeyLoan(
                key_set_id=key.id, out_at=at, due_at=default_due(at, eod), quantity=key.key_count,
                purpose=purpose, borrower_kind="staff", borrower_name=first, borrower_company="",
                borrower_phone="", borrower_doc_type="", borrower_doc_number="", consent_by="",
                engineering_repair=False, emergency=True, signed_on_screen=False, signed_on_slip=False,
                note="", handled_by_id=op.id,
            )
            s.add(loan)
            s.flush()
            key.status = "out"
            key.current_loan_id = loan.id
            record(s, op.id, "key.check_out", "key_loan", loan.id, after=self._loan_audit(loan, key))
            e = KeyEmergency(
                key_set_id=key.id, loan_id=loan.id, at=at, emergency=data.emergency, description=description,
                contacted=data.contacted, contact_name=contact, contact_phone=phone or "",
                contact_method=data.contact_method, contacted_at=data.contacted_at.replace(microsecond=0),
                owner_attempt=attempt or "", staff_present_1=first, staff_present_2=second,
                recorded_by_id=op.id,
            )
            s.add(e)
            s.flush()
            record(s, op.id, "key.emergency_use", "key_emergency", e.id, after={
                "key_set_id": key.id, "tag": key.tag_code, "loan_id": loan.id, "emergency": data.emergency,
                "contacted": data.contacted, "contact_name": contact, "contact_method": data.contact_method,
                "contacted_at": e.contacted_at, "staff_present": [first, second],
            })
            return self._emergency_views(s, [e.id])[0]

    def emergencies(self, limit: int = 200) -> list[EmergencyView]:
        """Emergency uses, newest first."""
        with self.ctx.db.read() as s:
            ids = [r[0] for r in s.execute(select(KeyEmergency.id).order_by(KeyEmergency.id.desc()).limit(limit))]
            return self._emergency_views(s, ids)

    def report_lost(self, key_id: int, *, note: str, count: int | None = None, lost_by: str = "",
                    at: datetime | None = None) -> KeyView:
        """A key reported lost (at once, 003 (6) 2.3). In the cabinet: ``count`` of its keys
        (default all). Out on a loan: the keys lent, and the loan ends as lost. A set left
        with fewer keys than it should have is incomplete (retirement due)."""
        op = self.ctx.require_operator()
        errors = FieldErrors()
        text = errors.check("note", _text(1000, required=True), note)
        person = errors.check("lost_by", _text(64), lost_by)
        at = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            key = self._key(s, key_id)
            loan = s.get(KeyLoan, key.current_loan_id) if key.status == "out" and key.current_loan_id else None
            if key.status not in ("in", "out"):
                raise ConflictError(f"key.status_{key.status}", tag=key.tag_code)
            if loan is not None:
                n = loan.quantity if count is None else count
                if n != loan.quantity:
                    errors.add("count", "key.lost_whole_loan", quantity=loan.quantity)
            else:
                n = key.key_count if count is None else count
                if not _positive(n, 1, key.key_count):
                    errors.add("count", "key.quantity_range", max=key.key_count)
            errors.raise_if_any()
            before = {"status": key.status, "key_count": key.key_count}
            if loan is not None:
                s.add(KeyLoanEvent(loan_id=loan.id, kind="lost", at=max(at, loan.out_at), staff_id=op.id,
                                   quantity=0, returned_by="", note=text))
                key.current_loan_id = None
                person = person or loan.borrower_name
            key.key_count -= n
            key.status = "lost" if key.key_count == 0 else "in"
            s.add(KeyEvent(key_set_id=key.id, kind="lost", at=at, staff_id=op.id, count=n, count_delta=-n,
                           person=person or "", loan_id=loan.id if loan else None, note=text))
            record(s, op.id, "key.lost", "key_set", key.id, before,
                   {"status": key.status, "key_count": key.key_count, "lost": n, "loan_id": loan.id if loan else None,
                    "note": text})
            s.flush()
            return self._key_view_one(s, key.id)

    def report_found(self, key_id: int, *, note: str, count: int | None = None, hook: str | None = None,
                     at: datetime | None = None) -> KeyView:
        """Lost keys turned up again: back on the tag (at most up to the set's full count).
        A wholly lost set goes back on its hook, or on ``hook`` if that one is taken."""
        op = self.ctx.require_operator()
        errors = FieldErrors()
        text = errors.check("note", _text(1000, required=True), note)
        new_hook = errors.check("hook", normalize_hook, hook) if hook else None
        at = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            key = self._key(s, key_id)
            if key.status not in ("in", "out", "lost"):
                raise ConflictError(f"key.status_{key.status}", tag=key.tag_code)
            room = key.original_count - key.key_count
            if room <= 0:
                raise ConflictError("key.nothing_lost", tag=key.tag_code)
            n = room if count is None else count
            if not _positive(n, 1, room):
                errors.add("count", "key.quantity_range", max=room)
            target = new_hook or key.hook
            if key.status == "lost":
                holder = KeyRepository(s).hook_holder(target, exclude_id=key.id)
                if holder is not None:
                    errors.add("hook", "key.hook_taken", hook=target, tag=holder.tag_code)
            errors.raise_if_any()
            before = {"status": key.status, "key_count": key.key_count, "hook": key.hook}
            key.key_count += n
            key.hook = target
            if key.status == "lost":
                key.status = "in"
            s.add(KeyEvent(key_set_id=key.id, kind="found", at=at, staff_id=op.id, count=n, count_delta=n,
                           note=text))
            record(s, op.id, "key.found", "key_set", key.id, before,
                   {"status": key.status, "key_count": key.key_count, "hook": key.hook, "note": text})
            s.flush()
            return self._key_view_one(s, key.id)

    def record_copy_request(self, key_id: int, *, requested_by: str, reason: str = "") -> KeyEventView:
        """Someone asked for a copy of a key: copies are forbidden (003 (6) 2.3), so the
        request is refused and recorded. There is no way to approve one here."""
        op = self.ctx.require_operator()
        errors = FieldErrors()
        person = errors.check("requested_by", normalize_name, requested_by)
        text = errors.check("reason", _text(500), reason)
        errors.raise_if_any()
        with self.ctx.db.write() as s:
            key = self._key(s, key_id)
            e = KeyEvent(key_set_id=key.id, kind="copy_refused", at=now(), staff_id=op.id, count=0, count_delta=0,
                         person=person, note=text or "")
            s.add(e)
            s.flush()
            record(s, op.id, "key.copy_refused", "key_set", key.id,
                   after={"requested_by": person, "reason": text or ""})
            return self._event_views(s, [e.id])[0]

    def record_lock_change(self, key_id: int, *, new_count: int, note: str = "", changed_by: str = "",
                           at: datetime | None = None) -> KeyView:
        """Engineering changed the lock: the old keys are replaced by ``new_count`` new ones
        (the new full set). The third change makes the set due for retirement."""
        op = self.ctx.require_operator("supervisor")
        errors = FieldErrors()
        if not _positive(new_count, 1, MAX_KEYS_ON_TAG):
            errors.add("new_count", "key.count_range", max=MAX_KEYS_ON_TAG)
        text = errors.check("note", _text(1000), note)
        person = errors.check("changed_by", _text(64), changed_by)
        at = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            key = self._key(s, key_id)
            if key.status != "in":
                self._refuse_unavailable(key, s)
            if key.category == "public" and _positive(new_count, 1, MAX_KEYS_ON_TAG) and new_count != 1:
                errors.add("new_count", "key.public_one_in_cabinet")
            errors.raise_if_any()
            before = {"lock_changes": key.lock_changes, "key_count": key.key_count,
                      "original_count": key.original_count}
            delta = new_count - key.key_count
            key.lock_changes += 1
            key.key_count = key.original_count = new_count
            s.add(KeyEvent(key_set_id=key.id, kind="lock_change", at=at, staff_id=op.id, count=new_count,
                           count_delta=delta, person=person or "", note=text or ""))
            record(s, op.id, "key.lock_change", "key_set", key.id, before,
                   {"lock_changes": key.lock_changes, "key_count": new_count, "note": text or ""})
            s.flush()
            return self._key_view_one(s, key.id)

    def retire(self, key_id: int, *, reason: str, returned_to: str, approval: Approval | None,
               note: str = "", at: datetime | None = None) -> KeyView:
        """Retire a key set — its lock changed three times, or the set is incomplete — with a
        manager's approval (their own password); the keys go back to engineering."""
        op = self.ctx.require_operator("supervisor")
        errors = FieldErrors()
        if reason not in RETIRE_REASONS:
            errors.add("reason", "key.retire_reason_unknown")
        text = errors.check("note", _text(1000), note)
        engineer = errors.check("returned_to", _text(64), returned_to)
        if approval is None:
            errors.add("approval", "key.retire_approval_required")
        approver = self._approver(approval, "manager", "approval", errors)
        at = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            key = self._key(s, key_id)
            if key.status not in ("in", "lost"):
                self._refuse_unavailable(key, s)  # out, retired, handed over: raises
            if reason == "lock_changed" and key.lock_changes < LOCK_CHANGES_TO_RETIRE:
                errors.add("reason", "key.retire_lock_changes", count=key.lock_changes,
                           needed=LOCK_CHANGES_TO_RETIRE)
            if reason == "incomplete" and key.key_count >= key.original_count:
                errors.add("reason", "key.retire_not_incomplete")
            if key.key_count > 0 and not engineer:
                errors.add("returned_to", "key.retire_returned_to_required")
            errors.raise_if_any()
            before = {"status": key.status, "key_count": key.key_count}
            s.add(KeyEvent(key_set_id=key.id, kind="retire", at=at, staff_id=op.id, approver_id=approver.id,
                           count=key.key_count, count_delta=-key.key_count, person=engineer or "", reason=reason,
                           note=text or ""))
            key.status = "retired"
            record(s, op.id, "key.retire", "key_set", key.id, before,
                   {"status": "retired", "reason": reason, "approver_id": approver.id, "returned_to": engineer or "",
                    "approved_by": approver.username})
            s.flush()
            return self._key_view_one(s, key.id)

    def hand_over(self, key_id: int, *, recipient: str, occupant_id: int | None = None, note: str = "",
                  at: datetime | None = None) -> KeyView:
        """Hand a key set over to its owner for good (移交, e.g. at move-in)."""
        op = self.ctx.require_operator()
        errors = FieldErrors()
        person = errors.check("recipient", normalize_name, recipient)
        text = errors.check("note", _text(1000), note)
        at = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            key = self._key(s, key_id)
            self._refuse_unavailable(key, s)
            if occupant_id is not None:
                occ = s.get(Occupant, occupant_id)
                if occ is None or not occ.active or (key.unit_id is not None and occ.unit_id != key.unit_id):
                    errors.add("occupant_id", "key.owner_not_of_unit")
            errors.raise_if_any()
            s.add(KeyEvent(key_set_id=key.id, kind="hand_over", at=at, staff_id=op.id, count=key.key_count,
                           count_delta=-key.key_count, person=person, note=text or ""))
            key.status = "handed_over"
            record(s, op.id, "key.hand_over", "key_set", key.id, {"status": "in"},
                   {"status": "handed_over", "recipient": person, "occupant_id": occupant_id, "count": key.key_count})
            s.flush()
            return self._key_view_one(s, key.id)

    # -- spot checks (抽查) ----------------------------------------------------------------

    def open_spot_check(self) -> SpotCheckView | None:
        """The spot check in progress (not finished), if any."""
        with self.ctx.db.read() as s:
            cid = s.execute(select(KeySpotCheck.id).where(KeySpotCheck.finished_at.is_(None))
                            .order_by(KeySpotCheck.id.desc()).limit(1)).scalar_one_or_none()
            return self._spot_views(s, [cid])[0] if cid else None

    def start_spot_check(self) -> SpotCheckView:
        op = self.ctx.require_operator("supervisor")
        with self.ctx.db.write() as s:
            open_id = s.execute(select(KeySpotCheck.id).where(KeySpotCheck.finished_at.is_(None))
                                .limit(1)).scalar_one_or_none()
            if open_id is not None:
                raise ConflictError("key.spot_check_open", id=open_id)
            check = KeySpotCheck(started_at=now(), started_by_id=op.id, matched=0, missing=0, unexpected=0, note="")
            s.add(check)
            s.flush()
            record(s, op.id, "key.spot_check_start", "key_spot_check", check.id)
            return self._spot_views(s, [check.id])[0]

    def spot_check_scan(self, check_id: int, code: str) -> SpotScanView:
        """One tag read during a spot check: kept, and judged against the register now."""
        self.ctx.require_operator("supervisor")
        tag = normalize_tag(code)[:64]
        if not tag:
            raise ValidationError({"code": FieldError("key.tag_unknown", {"tag": ""})})
        with self.ctx.db.write() as s:
            check = s.get(KeySpotCheck, check_id)
            if check is None:
                raise NotFoundError("key.spot_check_not_found")
            if check.finished_at is not None:
                raise ConflictError("key.spot_check_finished")
            key = KeyRepository(s).by_tag(tag)
            earlier = s.execute(select(KeySpotScan.id).where(KeySpotScan.check_id == check.id,
                                                             KeySpotScan.code == tag).limit(1)).first()
            s.add(KeySpotScan(check_id=check.id, at=now(), code=tag, key_set_id=key.id if key else None))
            s.flush()
            distinct = s.execute(select(func.count(func.distinct(KeySpotScan.code)))
                                 .where(KeySpotScan.check_id == check.id)).scalar_one()
            if earlier:
                result = "duplicate"
            elif key is None:
                result = "unknown"
            else:
                result = "matched" if key.status == "in" else "unexpected"
            view = self._key_view_one(s, key.id) if key else None
            return SpotScanView(code=tag, result=result, key=view, scanned=int(distinct))

    def finish_spot_check(self, check_id: int, note: str = "") -> SpotCheckResult:
        """Compare everything scanned with the register and save the result."""
        op = self.ctx.require_operator("supervisor")
        text = normalize_text(note, max_length=1000)
        with self.ctx.db.write() as s:
            check = s.get(KeySpotCheck, check_id)
            if check is None:
                raise NotFoundError("key.spot_check_not_found")
            if check.finished_at is not None:
                raise ConflictError("key.spot_check_finished")
            codes = [c for (c,) in s.execute(select(KeySpotScan.code).where(KeySpotScan.check_id == check.id)
                                             .order_by(KeySpotScan.id))]
            keys = {tag: SpotKey(i, tag, st) for i, tag, st in KeyRepository(s).spot_keys(sorted(set(codes)))}
            outcome = compare_spot_check(codes, keys)
            for k in outcome.matched:
                s.add(KeySpotItem(check_id=check.id, key_set_id=k.id, code=k.tag_code, result="matched", status=k.status))
            for k in outcome.missing:
                s.add(KeySpotItem(check_id=check.id, key_set_id=k.id, code=k.tag_code, result="missing", status=k.status))
            for code, k in outcome.unexpected:
                s.add(KeySpotItem(check_id=check.id, key_set_id=k.id if k else None, code=code, result="unexpected",
                                  status=k.status if k else ""))
            for k in outcome.absent_out:
                s.add(KeySpotItem(check_id=check.id, key_set_id=k.id, code=k.tag_code, result="out", status=k.status))
            check.finished_at = now()
            check.finished_by_id = op.id
            check.matched = len(outcome.matched)
            check.missing = len(outcome.missing)
            check.unexpected = len(outcome.unexpected)
            check.note = text
            record(s, op.id, "key.spot_check", "key_spot_check", check.id, None, {
                "matched": check.matched, "missing": [k.tag_code for k in outcome.missing],
                "unexpected": [c for c, _ in outcome.unexpected], "scanned": len(set(codes)), "note": text,
            })
            s.flush()
            return self._spot_result(s, check.id)

    def spot_check_result(self, check_id: int) -> SpotCheckResult:
        with self.ctx.db.read() as s:
            check = s.get(KeySpotCheck, check_id)
            if check is None:
                raise NotFoundError("key.spot_check_not_found")
            if check.finished_at is None:
                raise ConflictError("key.spot_check_unfinished")
            return self._spot_result(s, check_id)

    def spot_checks(self, limit: int = 50) -> list[SpotCheckView]:
        """Spot checks, newest first."""
        with self.ctx.db.read() as s:
            ids = [r[0] for r in s.execute(select(KeySpotCheck.id).order_by(KeySpotCheck.id.desc()).limit(limit))]
            return self._spot_views(s, ids)

    # -- statistics ------------------------------------------------------------------------

    def monthly_statistics(self, year: int, month: int) -> KeyMonthStats:
        """Keys received, handed over, held, lent, retired, changed and lost in one month
        (003 (6) 4.2), per category and in total."""
        if not (1 <= month <= 12 and 2000 <= year <= 2100):
            raise ValidationError({"month": FieldError("key.month_invalid")})
        t0, t1 = _month_bounds(year, month)
        before_start = t0 - timedelta(seconds=1)
        kinds = ("lost", "found", "lock_change", "retire", "hand_over", "add_keys")
        with self.ctx.db.read() as s:
            repo = KeyRepository(s)
            received = repo.received_by_category(t0, t1)
            received_before = repo.received_by_category(None, before_start)
            received_end = repo.received_by_category(None, t1)
            delta_before = repo.events_by_category(kinds, None, before_start, "count_delta")
            delta_end = repo.events_by_category(kinds, None, t1, "count_delta")
            counts = repo.events_by_category(kinds, t0, t1, "count")
            changes = repo.events_by_category(("lock_change",), t0, t1, "rows")
            loans = repo.loans_by_category(t0, t1)
        rows = []
        for c in CATEGORIES:
            def held(rec: dict, deltas: dict, c: str = c) -> int:
                return rec.get(c, 0) + sum(v for (cat, _), v in deltas.items() if cat == c)

            rows.append(KeyStatsRow(
                category=c, at_start=held(received_before, delta_before), received=received.get(c, 0),
                handed_over=counts.get((c, "hand_over"), 0), lent=loans.get(c, (0, 0))[0],
                keys_lent=loans.get(c, (0, 0))[1], retired=counts.get((c, "retire"), 0),
                changed=changes.get((c, "lock_change"), 0), lost=counts.get((c, "lost"), 0),
                found=counts.get((c, "found"), 0), kept=held(received_end, delta_end),
            ))
        total = KeyStatsRow("total", *(sum(getattr(r, f) for r in rows) for f in (
            "at_start", "received", "handed_over", "lent", "keys_lent", "retired", "changed", "lost", "found",
            "kept")))
        return KeyMonthStats(year, month, tuple(rows), total, now())

    def month_events(self, year: int, month: int) -> list[KeyEventView]:
        """The month's lost, found, lock changes, retirements, hand-overs, added keys and
        refused copies, oldest first (the monthly report's detail lines)."""
        if not (1 <= month <= 12 and 2000 <= year <= 2100):
            raise ValidationError({"month": FieldError("key.month_invalid")})
        t0, t1 = _month_bounds(year, month)
        with self.ctx.db.read() as s:
            ids = [r[0] for r in s.execute(select(KeyEvent.id).where(KeyEvent.at >= t0, KeyEvent.at <= t1)
                                           .order_by(KeyEvent.at, KeyEvent.id))]
            return self._event_views(s, ids)

    # -- views -----------------------------------------------------------------------------

    def _key_views(self, s, ids: list[int], at: datetime | None = None) -> list[KeyView]:  # noqa: ANN001
        at = at or now()
        return [self._key_view(r, at) for r in KeyRepository(s).key_rows(ids)]

    def _key_view_one(self, s, key_id: int) -> KeyView:  # noqa: ANN001
        views = self._key_views(s, [key_id])
        if not views:
            raise NotFoundError("key.not_found")
        return views[0]

    @staticmethod
    def _key_view(r: KeyRow, at: datetime) -> KeyView:
        k, loan = r.key, r.loan
        return KeyView(
            id=k.id, tag_code=k.tag_code, hook=k.hook, category=k.category, label=k.label, area=k.area,
            unit_id=k.unit_id, unit_code=r.unit_code or "", occupant_id=k.occupant_id,
            occupant_name=r.occupant_name or "", key_count=k.key_count, original_count=k.original_count,
            sealed_spares=k.sealed_spares, status=k.status, lock_changes=k.lock_changes, note=k.note,
            created_at=k.created_at, loan_id=loan.id if loan else None,
            borrower_name=loan.borrower_name if loan else "", out_at=loan.out_at if loan else None,
            due_at=loan.due_at if loan else None, overdue=bool(loan and loan.due_at < at),
        )

    def _loan_views(self, s, ids: list[int], at: datetime | None = None) -> list[LoanView]:  # noqa: ANN001
        full = self._full_docs()
        at = at or now()
        return [self._loan_view(r, full=full, at=at) for r in KeyRepository(s).loan_rows(ids)]

    def _loan_view_one(self, s, loan_id: int, at: datetime | None = None) -> LoanView:  # noqa: ANN001
        views = self._loan_views(s, [loan_id], at)
        if not views:
            raise NotFoundError("key.loan_not_found")
        return views[0]

    @staticmethod
    def _loan_view(r: LoanRow, *, full: bool, at: datetime) -> LoanView:
        loan, key, end = r.loan, r.key, r.end
        doc = loan.borrower_doc_number
        return LoanView(
            id=loan.id, key_id=key.id, tag_code=key.tag_code, key_label=key.label, category=key.category,
            unit_code=r.unit_code or "", quantity=loan.quantity, purpose=loan.purpose,
            borrower_kind=loan.borrower_kind, borrower_staff_id=loan.borrower_staff_id,
            borrower_occupant_id=loan.borrower_occupant_id, borrower_name=loan.borrower_name,
            borrower_company=loan.borrower_company, borrower_phone=loan.borrower_phone,
            borrower_doc_type=loan.borrower_doc_type, borrower_doc_number=doc if full else mask_document(doc),
            out_at=loan.out_at, due_at=loan.due_at, handled_by=r.handled_by, consent_by=loan.consent_by,
            manager_approver=r.manager_approver or "", manager_approved_at=loan.manager_approved_at,
            gm_approver=r.gm_approver or "", gm_approved_at=loan.gm_approved_at,
            engineering_repair=loan.engineering_repair, emergency=loan.emergency,
            signed_on_screen=loan.signed_on_screen and r.has_signature, signed_on_slip=loan.signed_on_slip,
            note=loan.note, returned_at=end.at if end else None, returned_by=end.returned_by if end else "",
            received_by=r.end_staff or "" if end else "", returned_quantity=end.quantity if end else None,
            return_note=end.note if end else "", lost=bool(end and end.kind == "lost"),
            overdue=end is None and loan.due_at < at,
        )

    def _event_views(self, s, ids: list[int]) -> list[KeyEventView]:  # noqa: ANN001
        if not ids:
            return []
        by = aliased(Staff)
        appr = aliased(Staff)
        q = (select(KeyEvent, KeySet.tag_code, by.display_name, appr.display_name)
             .join(KeySet, KeySet.id == KeyEvent.key_set_id)
             .join(by, by.id == KeyEvent.staff_id)
             .outerjoin(appr, appr.id == KeyEvent.approver_id)
             .where(KeyEvent.id.in_(ids)))
        rows = {e.id: (e, tag, b, a) for e, tag, b, a in s.execute(q).all()}
        out = []
        for i in ids:
            if i in rows:
                e, tag, b, a = rows[i]
                out.append(KeyEventView(e.id, e.key_set_id, tag, e.kind, e.at, b, a or "", e.count, e.count_delta,
                                        e.person, e.reason, e.loan_id, e.note))
        return out

    def _intake_views(self, s, ids: list[int]) -> list[IntakeView]:  # noqa: ANN001
        if not ids:
            return []
        q = (select(KeyIntake, KeySet, Unit.code, Staff.display_name)
             .join(KeySet, KeySet.id == KeyIntake.key_set_id)
             .outerjoin(Unit, Unit.id == KeyIntake.unit_id)
             .join(Staff, Staff.id == KeyIntake.received_by_id)
             .where(KeyIntake.id.in_(ids)))
        rows = {r[0].id: r for r in s.execute(q).all()}
        out = []
        for i in ids:
            if i not in rows:
                continue
            it, key, unit_code, by = rows[i]
            out.append(IntakeView(
                id=it.id, key_id=key.id, tag_code=key.tag_code, at=it.at, source=it.source, location=it.location,
                unit_code=unit_code or "", category=key.category, label=key.label, hook=key.hook,
                key_count=it.key_count, condition=it.condition, handed_over_by=it.handed_over_by, received_by=by,
                outstanding_id=it.outstanding_id, note=it.note,
            ))
        return out

    def _outstanding_views(self, s, ids: list[int]) -> list[OutstandingView]:  # noqa: ANN001
        if not ids:
            return []
        created = aliased(Staff)
        closed = aliased(Staff)
        received = (select(KeyIntake.outstanding_id, func.sum(KeyIntake.key_count).label("n"))
                    .where(KeyIntake.outstanding_id.in_(ids)).group_by(KeyIntake.outstanding_id).subquery())
        q = (select(KeyOutstanding, Unit.code, created.display_name, closed.display_name, received.c.n)
             .outerjoin(Unit, Unit.id == KeyOutstanding.unit_id)
             .join(created, created.id == KeyOutstanding.created_by_id)
             .outerjoin(closed, closed.id == KeyOutstanding.closed_by_id)
             .outerjoin(received, received.c.outstanding_id == KeyOutstanding.id)
             .where(KeyOutstanding.id.in_(ids)))
        rows = {r[0].id: r for r in s.execute(q).all()}
        notes: dict[int, list[OutstandingNoteView]] = {}
        nq = (select(KeyOutstandingNote, Staff.display_name).join(Staff, Staff.id == KeyOutstandingNote.staff_id)
              .where(KeyOutstandingNote.outstanding_id.in_(ids)).order_by(KeyOutstandingNote.id))
        for n, by in s.execute(nq).all():
            notes.setdefault(n.outstanding_id, []).append(OutstandingNoteView(n.at, by, n.note))
        out = []
        for i in ids:
            if i not in rows:
                continue
            o, unit_code, by, closed_by, n = rows[i]
            out.append(OutstandingView(
                id=o.id, location=o.location, unit_code=unit_code or "", category=o.category,
                count_owed=o.count_owed, count_received=int(n or 0), created_at=o.created_at, created_by=by,
                closed_at=o.closed_at, closed_by=closed_by or "", close_note=o.close_note,
                notes=tuple(notes.get(o.id, ())),
            ))
        return out

    def _emergency_views(self, s, ids: list[int]) -> list[EmergencyView]:  # noqa: ANN001
        if not ids:
            return []
        q = (select(KeyEmergency, KeySet, Unit.code, Staff.display_name)
             .join(KeySet, KeySet.id == KeyEmergency.key_set_id)
             .outerjoin(Unit, Unit.id == KeySet.unit_id)
             .join(Staff, Staff.id == KeyEmergency.recorded_by_id)
             .where(KeyEmergency.id.in_(ids)))
        rows = {r[0].id: r for r in s.execute(q).all()}
        out = []
        for i in ids:
            if i not in rows:
                continue
            e, key, unit_code, by = rows[i]
            out.append(EmergencyView(
                id=e.id, key_id=key.id, tag_code=key.tag_code,
                key_location=" ".join(p for p in (unit_code or "", key.label) if p), loan_id=e.loan_id, at=e.at,
                emergency=e.emergency, description=e.description, contacted=e.contacted,
                contact_name=e.contact_name, contact_phone=e.contact_phone, contact_method=e.contact_method,
                contacted_at=e.contacted_at, owner_attempt=e.owner_attempt, staff_present_1=e.staff_present_1,
                staff_present_2=e.staff_present_2, recorded_by=by,
            ))
        return out

    def _spot_views(self, s, ids: list[int]) -> list[SpotCheckView]:  # noqa: ANN001
        if not ids:
            return []
        started = aliased(Staff)
        finished = aliased(Staff)
        scans = (select(KeySpotScan.check_id, func.count(func.distinct(KeySpotScan.code)).label("n"))
                 .where(KeySpotScan.check_id.in_(ids)).group_by(KeySpotScan.check_id).subquery())
        q = (select(KeySpotCheck, started.display_name, finished.display_name, scans.c.n)
             .join(started, started.id == KeySpotCheck.started_by_id)
             .outerjoin(finished, finished.id == KeySpotCheck.finished_by_id)
             .outerjoin(scans, scans.c.check_id == KeySpotCheck.id)
             .where(KeySpotCheck.id.in_(ids)))
        rows = {r[0].id: r for r in s.execute(q).all()}
        out = []
        for i in ids:
            if i in rows:
                c, a, b, n = rows[i]
                out.append(SpotCheckView(c.id, c.started_at, a, c.finished_at, b or "", int(n or 0), c.matched,
                                         c.missing, c.unexpected, c.note))
        return out

    def _spot_result(self, s, check_id: int) -> SpotCheckResult:  # noqa: ANN001
        check = self._spot_views(s, [check_id])[0]
        q = (select(KeySpotItem, KeySet.label, KeySet.hook)
             .outerjoin(KeySet, KeySet.id == KeySpotItem.key_set_id)
             .where(KeySpotItem.check_id == check_id).order_by(KeySpotItem.code, KeySpotItem.id))
        groups: dict[str, list[SpotItemView]] = {"matched": [], "missing": [], "unexpected": [], "out": []}
        for item, label, hook in s.execute(q).all():
            groups[item.result].append(SpotItemView(item.key_set_id, item.code, item.result, item.status,
                                                    label or "", hook or ""))
        return SpotCheckResult(check, tuple(groups["matched"]), tuple(groups["missing"]),
                               tuple(groups["unexpected"]), tuple(groups["out"]))

    # -- audit payloads --------------------------------------------------------------------

    @staticmethod
    def _key_audit(k: KeySet, unit_code: str) -> dict[str, Any]:
        return {
            "tag": k.tag_code, "hook": k.hook, "category": k.category, "label": k.label, "area": k.area,
            "unit": unit_code, "occupant_id": k.occupant_id, "key_count": k.key_count,
            "original_count": k.original_count, "sealed_spares": k.sealed_spares,
        }

    @staticmethod
    def _loan_audit(loan: KeyLoan, key: KeySet) -> dict[str, Any]:
        return {
            "key_set_id": key.id, "tag": key.tag_code, "out_at": loan.out_at, "due_at": loan.due_at,
            "quantity": loan.quantity, "purpose": loan.purpose, "borrower_kind": loan.borrower_kind,
            "borrower_name": loan.borrower_name, "borrower_staff_id": loan.borrower_staff_id,
            "borrower_occupant_id": loan.borrower_occupant_id, "borrower_company": loan.borrower_company,
            "borrower_phone": loan.borrower_phone,
            "borrower_doc_number": mask_document(loan.borrower_doc_number),
            "consent_by": loan.consent_by, "manager_approver_id": loan.manager_approver_id,
            "gm_approver_id": loan.gm_approver_id, "engineering_repair": loan.engineering_repair,
            "emergency": loan.emergency, "signed_on_screen": loan.signed_on_screen,
            "signed_on_slip": loan.signed_on_slip,
        }


__all__ = [
    "Approval", "EmergencyContacts", "EmergencyInput", "EmergencyView", "IntakeInput", "IntakeView",
    "KeyEventView", "KeyMonthStats", "KeyService", "KeyStatsRow", "KeyView", "LoanInput", "LoanPage",
    "LoanQuery", "LoanRules", "LoanView", "OutstandingInput", "OutstandingNoteView", "OutstandingView",
    "OverdueReport", "OvernightView", "PastLoan", "ScanResult", "SpotCheckResult",
    "SpotCheckView", "SpotItemView", "SpotScanView",
]
