"""Repair requests and dispatch slips (报修单/派工单, DOMAIN §4; 004 §5.2 2, §5.3).

Every method is one unit of work: it validates everything first, then writes the slip's new
state, appends a ``RepairEvent`` (who, when, from which state to which, the details) and an
audit row in the same transaction, and returns a frozen view. A refused step writes nothing.

The path of a slip::

    registered → dispatched → in progress ⇄ on hold → completed → settled (chargeable)
      → followed up → closed
    cancelled (the occupant disputes) · passed to the developer (builder's warranty)
    reopened as rework (counted) from completed, settled, followed up or closed

Whether a repair is chargeable and its rate come from ``repair_rates.lookup_rate`` (the seam
where the fee catalogue takes over). Settling records the receipt issued for the charge.
"""

from __future__ import annotations

import json
from collections import Counter as Tally
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.context import AppContext, Operator
from app.errors import ConflictError, DomainError, FieldErrors, NotFoundError
from app.repair_rules import (
    FINAL_STATES,
    FOLLOW_UP_METHODS,
    GRADES,
    MATERIAL_CHECKS,
    OPEN_STATES,
    SOURCES,
    WORK_STATES,
    Targets,
    actions_from,
    due_at,
    follow_up_due,
    format_slip_number,
    is_overdue,
    meets_targets,
    next_state,
    normalize_slip_number,
    ratio,
)
from app.services.audit import lock_counter, record
from app.services.repair_rates import (
    GENERIC_FEE_CODE,
    Category,
    RateQuote,
    categories_from,
    fee_code_of,
    lookup_rate,
)
from app.validation import normalize_name, normalize_phone, normalize_text
from db.models import Occupant, RepairEvent, RepairPhoto, RepairRequest, Setting, Staff, Unit, now

PHOTO_MAX_BYTES = 4 * 1024 * 1024
PHOTO_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}
CHARGE_MAX = Decimal("100000")
OPEN_LIST_LIMIT = 2000


# -- inputs ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RepairInput:
    """The registration form (报修单): where, who, what, how urgent."""

    category: str
    description: str
    grade: str = "ordinary"
    source: str = "counter"
    occupant_id: int | None = None
    unit_code: str = ""
    #: a public-area location (公共设施), when no unit applies
    location: str = ""
    requester_name: str = ""
    phone: str = ""
    preferred_time: str = ""
    #: photos as PNG or JPEG bytes (optional)
    photos: tuple[bytes, ...] = field(default=(), repr=False)
    #: the technician or team, when known at the counter: the slip is dispatched at once and
    #: its printout names them
    assignee: str = ""


@dataclass(frozen=True)
class CompletionInput:
    """What the technician wrote on the returned slip."""

    work_done: str
    materials: str = ""
    #: materials the occupant supplied and what the technician found of them (004 §5.2 4c)
    occupant_materials: str = ""
    material_check: str = ""  # pass | fail | poor
    labour: str = ""  # e.g. "1.5 h, 2 people"
    charge: Decimal = Decimal("0.00")
    technician: str = ""  # default: who it was dispatched to
    note: str = ""


# -- views -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RepairView:
    id: int
    number: str
    source: str
    unit_code: str
    occupant_id: int | None
    occupant_name: str
    location: str
    requester_name: str
    phone: str
    category: str
    description: str
    preferred_time: str
    grade: str
    chargeable: bool
    rate: Decimal | None
    fee_code: str
    registered_at: datetime
    registered_by: str
    due_at: datetime
    state: str
    state_at: datetime
    assignee: str
    dispatched_at: datetime | None
    hold_reason: str
    completed_at: datetime | None
    on_time: bool | None
    charge: Decimal | None
    settled_at: datetime | None
    receipt_ref: str
    follow_up_due: date | None
    followed_up_at: datetime | None
    follow_up_result: str
    closed_at: datetime | None
    rework_count: int
    print_count: int

    @property
    def where(self) -> str:
        """``A-1203 张三`` or the public location."""
        who = self.occupant_name or self.requester_name
        if self.unit_code:
            return f"{self.unit_code} {who}".strip()
        return " ".join(p for p in (self.location, who) if p)

    @property
    def actions(self) -> tuple[str, ...]:
        acts = actions_from(self.state)
        if self.state == "completed" and (self.charge or 0) > 0:
            acts = tuple(a for a in acts if a != "follow_up")  # settle at the counter first
        if self.state == "completed" and not (self.charge or 0) > 0:
            acts = tuple(a for a in acts if a != "settle")
        return acts

    @property
    def needs_settlement(self) -> bool:
        return self.state == "completed" and (self.charge or 0) > 0

    def overdue(self, at: datetime) -> bool:
        return is_overdue(self.state, self.due_at, at)

    def remaining(self, at: datetime) -> timedelta:
        """Time left until the due time (negative once overdue)."""
        return self.due_at - at


@dataclass(frozen=True)
class RepairEventView:
    id: int
    at: datetime
    staff_name: str
    kind: str
    from_state: str
    to_state: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class UnfinishedView:
    """A slip whose stub has not come back by the end of the day, with the day's reason."""

    repair: RepairView
    reason: str


@dataclass(frozen=True)
class CategoryCount:
    category: str
    state: str
    count: int


@dataclass(frozen=True)
class WeeklySummary:
    """The week's slips for the office director (004 §5.2 4g) against the targets (001 §2.1)."""

    week_start: date
    week_end: date  # inclusive
    registered: int
    by_category_state: tuple[CategoryCount, ...]
    by_category: tuple[tuple[str, int], ...]
    by_state: tuple[tuple[str, int], ...]
    completed: int
    on_time: int
    followed_up: int
    reworked: int
    cancelled: int
    to_developer: int
    unfinished: int
    on_time_rate: Decimal | None
    follow_up_rate: Decimal | None
    rework_rate: Decimal | None
    targets: Targets


_TRACKED = ("id", "state", "assignee", "due_at", "charge", "receipt_ref", "follow_up_result", "rework_count")


def _snapshot(r: RepairRequest) -> dict[str, Any]:
    return {k: getattr(r, k) for k in _TRACKED}


def _text(max_length: int, *, required: bool = False):  # noqa: ANN202
    return lambda v: normalize_text(v, max_length=max_length, required=required)


def _money(value: Any) -> Decimal:
    if isinstance(value, float) or value is None:
        raise DomainError("repair.charge_invalid")
    try:
        d = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise DomainError("repair.charge_invalid") from None
    if d < 0 or d >= CHARGE_MAX or d != d.quantize(Decimal("0.01")):
        raise DomainError("repair.charge_invalid")
    return d.quantize(Decimal("0.01"))


def _photo_type(data: bytes) -> str:
    for magic, mime in PHOTO_TYPES.items():
        if data.startswith(magic):
            return mime
    raise DomainError("repair.photo_invalid")


class RepairService:
    """Repair requests from registration to the closed follow-up call (DOMAIN §4)."""

    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    # -- settings ------------------------------------------------------------------------------

    def _setting(self, s: Session, key: str) -> Any:
        from app.services.settings import DEFAULTS

        row = s.get(Setting, key)
        return json.loads(row.value) if row else DEFAULTS[key]

    def categories(self) -> list[Category]:
        """The repair categories offered at the counter (setting ``repairs.categories``)."""
        with self.ctx.db.read() as s:
            return categories_from(self._setting(s, "repairs.categories"))

    def dispatch_copies(self) -> int:
        """How many copies of the dispatch slip print on saving."""
        with self.ctx.db.read() as s:
            return int(self._setting(s, "repairs.dispatch_copies"))

    def quote(self, category: str) -> RateQuote:
        """Chargeable or not, and the rate, for the receptionist to tell the occupant."""
        with self.ctx.db.read() as s:
            return lookup_rate(s, categories_from(self._setting(s, "repairs.categories")), category)

    # -- reading -------------------------------------------------------------------------------

    def get(self, repair_id: int) -> RepairView:
        with self.ctx.db.read() as s:
            return self._view_one(s, repair_id)

    def find(self, number: str) -> RepairView:
        """The slip with ``number`` (scanned off a returned dispatch slip, or typed)."""
        code = normalize_slip_number(number)
        with self.ctx.db.read() as s:
            rid = s.execute(select(RepairRequest.id).where(RepairRequest.number == code)).scalar_one_or_none()
            if rid is None:
                raise NotFoundError("repair.not_found", number=code[:32])
            return self._view_one(s, rid)

    def history(self, repair_id: int) -> list[RepairEventView]:
        """Every step of one slip, oldest first."""
        with self.ctx.db.read() as s:
            self._repair(s, repair_id)
            rows = s.execute(
                select(RepairEvent, Staff.display_name).join(Staff, Staff.id == RepairEvent.staff_id)
                .where(RepairEvent.repair_id == repair_id).order_by(RepairEvent.id))
            return [RepairEventView(e.id, e.at, name, e.kind, e.from_state, e.to_state, json.loads(e.detail or "{}"))
                    for e, name in rows]

    def photos(self, repair_id: int) -> list[bytes]:
        with self.ctx.db.read() as s:
            return list(s.execute(select(RepairPhoto.data).where(RepairPhoto.repair_id == repair_id)
                                  .order_by(RepairPhoto.id)).scalars())

    def open_slips(self, *, limit: int = OPEN_LIST_LIMIT) -> list[RepairView]:
        """Slips not closed, cancelled or passed on: those with the technicians first, by due time,
        then those waiting for settlement or a follow-up call. One range per state of the
        ``(state, due_at)`` index, however many closed slips the history holds."""
        with self.ctx.db.read() as s:
            ids = list(s.execute(
                select(RepairRequest.id).where(RepairRequest.state.in_(OPEN_STATES))
                .order_by(RepairRequest.due_at).limit(limit)).scalars())
            views = self._views(s, ids)
        work = [v for v in views if v.state in WORK_STATES]
        rest = [v for v in views if v.state not in WORK_STATES]
        return work + rest

    def follow_ups_due(self, day: date | None = None) -> list[RepairView]:
        """Completed (and settled) slips whose follow-up call is due on ``day`` or earlier."""
        day = day or now().date()
        with self.ctx.db.read() as s:
            ids = list(s.execute(
                select(RepairRequest.id).where(RepairRequest.state.in_(("completed", "settled")),
                                               RepairRequest.follow_up_due <= day)
                .order_by(RepairRequest.follow_up_due, RepairRequest.id)).scalars())
            return self._views(s, ids)

    def daily_summary(self, day: date | None = None) -> list[UnfinishedView]:
        """Slips whose stub had not come back by the end of ``day`` though due (客服部工作日汇总),
        each with the reason recorded for that day ('' when none yet)."""
        day = day or now().date()
        end = datetime.combine(day + timedelta(days=1), time())
        with self.ctx.db.read() as s:
            ids = list(s.execute(
                select(RepairRequest.id).where(RepairRequest.state.in_(WORK_STATES), RepairRequest.due_at < end)
                .order_by(RepairRequest.due_at)).scalars())
            views = self._views(s, ids)
            reasons: dict[int, str] = {}
            if ids:
                for rid, detail in s.execute(
                        select(RepairEvent.repair_id, RepairEvent.detail)
                        .where(RepairEvent.kind == "unfinished_reason", RepairEvent.repair_id.in_(ids))
                        .order_by(RepairEvent.id)):
                    d = json.loads(detail)
                    if d.get("day") == day.isoformat():
                        reasons[rid] = d.get("reason", "")
        return [UnfinishedView(v, reasons.get(v.id, "")) for v in views]

    def search(self, text: str = "", *, date_from: date | None = None, date_to: date | None = None,
               states: Sequence[str] = (), limit: int = 500) -> list[RepairView]:
        """Slips registered between the dates (newest first), by number or unit prefix."""
        q = select(RepairRequest.id)
        if date_from:
            q = q.where(RepairRequest.registered_at >= datetime.combine(date_from, time()))
        if date_to:
            q = q.where(RepairRequest.registered_at < datetime.combine(date_to + timedelta(days=1), time()))
        if states:
            q = q.where(RepairRequest.state.in_(tuple(states)))
        t = (text or "").strip().upper()
        if t:
            unit_ids = select(Unit.id).where(Unit.code >= t, Unit.code < t + "\U0010ffff")
            q = q.where((RepairRequest.number >= t) & (RepairRequest.number < t + "\U0010ffff")
                        | RepairRequest.unit_id.in_(unit_ids))
        q = q.order_by(RepairRequest.registered_at.desc(), RepairRequest.id.desc()).limit(limit)
        with self.ctx.db.read() as s:
            return self._views(s, list(s.execute(q).scalars()))

    def export(self, date_from: date, date_to: date) -> Iterator[RepairView]:
        """Slips registered in ``date_from``..``date_to``, oldest first, a page at a time."""
        start = datetime.combine(date_from, time())
        end = datetime.combine(date_to + timedelta(days=1), time())
        after: tuple[datetime, int] | None = None
        while True:
            q = select(RepairRequest.id, RepairRequest.registered_at).where(
                RepairRequest.registered_at >= start, RepairRequest.registered_at < end)
            if after:
                q = q.where((RepairRequest.registered_at > after[0])
                            | ((RepairRequest.registered_at == after[0]) & (RepairRequest.id > after[1])))
            with self.ctx.db.read() as s:
                page = s.execute(q.order_by(RepairRequest.registered_at, RepairRequest.id).limit(500)).all()
                views = self._views(s, [r[0] for r in page])
            yield from views
            if len(page) < 500:
                return
            after = (page[-1][1], page[-1][0])

    def weekly_summary(self, start: date) -> WeeklySummary:
        """Counts by category and state of the slips registered in the week from ``start``
        (a Monday, or any day), and the on-time, follow-up and rework rates of the slips
        completed in it."""
        begin = datetime.combine(start, time())
        end = begin + timedelta(days=7)
        R = RepairRequest
        with self.ctx.db.read() as s:
            rows = s.execute(select(R.category, R.state, func.count()).where(R.registered_at >= begin,
                                                                              R.registered_at < end)
                             .group_by(R.category, R.state)).all()
            completed = s.execute(select(func.count()).where(R.completed_at >= begin, R.completed_at < end)).scalar_one()
            on_time = s.execute(select(func.count()).where(R.completed_at >= begin, R.completed_at < end,
                                                           R.on_time.is_(True))).scalar_one()
            followed = s.execute(select(func.count()).where(R.completed_at >= begin, R.completed_at < end,
                                                            R.followed_up_at.is_not(None))).scalar_one()
            reworked = s.execute(select(func.count()).select_from(RepairEvent).where(
                RepairEvent.kind == "reopened", RepairEvent.at >= begin, RepairEvent.at < end)).scalar_one()
            unfinished = s.execute(select(func.count()).where(R.state.in_(WORK_STATES), R.due_at < end)).scalar_one()
        by_cs = tuple(CategoryCount(c, st, n) for c, st, n in sorted(rows))
        cats: Tally[str] = Tally()
        states: Tally[str] = Tally()
        for c in by_cs:
            cats[c.category] += c.count
            states[c.state] += c.count
        on_time_rate = ratio(on_time, completed)
        follow_rate = ratio(followed, completed)
        rework_rate = ratio(reworked, completed)
        return WeeklySummary(
            week_start=start, week_end=start + timedelta(days=6), registered=sum(cats.values()),
            by_category_state=by_cs, by_category=tuple(sorted(cats.items())), by_state=tuple(sorted(states.items())),
            completed=completed, on_time=on_time, followed_up=followed, reworked=reworked,
            cancelled=states.get("cancelled", 0), to_developer=states.get("to_developer", 0), unfinished=unfinished,
            on_time_rate=on_time_rate, follow_up_rate=follow_rate, rework_rate=rework_rate,
            targets=meets_targets(on_time_rate, follow_rate, rework_rate),
        )

    # -- registering -----------------------------------------------------------------------------

    def register(self, data: RepairInput, *, at: datetime | None = None) -> RepairView:
        """Register a request at the counter or from a phone call; the slip gets its number and
        due time (urgent 24 h, ordinary 3 days). ``at`` is for demo data and tests only."""
        op = self.ctx.require_operator()
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            errors = FieldErrors()
            cats = categories_from(self._setting(s, "repairs.categories"))
            quote = errors.check("category", lambda c: lookup_rate(s, cats, c), data.category)
            if data.grade not in GRADES:
                errors.add("grade", "repair.grade_unknown")
            if data.source not in SOURCES:
                errors.add("source", "repair.source_unknown")
            description = errors.check("description", _text(2000, required=True), data.description)
            preferred = errors.check("preferred_time", _text(64), data.preferred_time)
            location = errors.check("location", _text(128), data.location)
            requester = errors.check("requester_name", _text(64), data.requester_name)
            phone = errors.check("phone", normalize_phone, data.phone)
            assignee = ""
            if (data.assignee or "").strip():
                assignee = errors.check("assignee", lambda v: normalize_name(v, max_length=64), data.assignee)
            occupant = unit = None
            if data.occupant_id is not None:
                occupant = s.get(Occupant, data.occupant_id)
                if occupant is None:
                    errors.add("unit", "repair.occupant_unknown")
                else:
                    unit = s.get(Unit, occupant.unit_id)
            elif (data.unit_code or "").strip():
                code = data.unit_code.strip().upper()
                unit = s.execute(select(Unit).where(Unit.code == code)).scalar_one_or_none()
                if unit is None:
                    errors.add("unit", "unit.not_found", unit=code[:32])
            elif not location:
                errors.add("unit", "repair.where_required")
            if unit is not None and not phone and not (occupant and occupant.phone):
                errors.add("phone", "phone.required")
            photos = []
            for blob in data.photos:
                if len(blob) > PHOTO_MAX_BYTES:
                    errors.add("photos", "repair.photo_too_large", max=PHOTO_MAX_BYTES // (1024 * 1024))
                    break
                mime = errors.check("photos", _photo_type, blob)
                if mime:
                    photos.append((mime, blob))
            errors.raise_if_any()
            counter = lock_counter(s, f"repair_slip_{when.year}")
            counter.value += 1
            r = RepairRequest(
                number=format_slip_number(when.year, counter.value), source=data.source,
                unit_id=unit.id if unit else None, occupant_id=occupant.id if occupant else None,
                location=location or "", requester_name=requester or (occupant.name if occupant else ""),
                phone=phone or (occupant.phone if occupant else ""), category=quote.category,
                description=description, preferred_time=preferred or "", grade=data.grade,
                chargeable=quote.chargeable, rate=quote.rate if quote.chargeable else None, fee_code=quote.fee_code,
                registered_at=when, registered_by_id=op.id, due_at=due_at(data.grade, when), state="registered",
                state_at=when, rework_count=0, print_count=0,
            )
            s.add(r)
            s.flush()
            for mime, blob in photos:
                s.add(RepairPhoto(repair_id=r.id, at=when, staff_id=op.id, mime=mime, data=blob))
            self._event(s, op, r, "registered", "", when, {
                "source": r.source, "grade": r.grade, "category": r.category, "chargeable": r.chargeable,
                "rate": r.rate, "photos": len(photos)})
            record(s, op.id, "repair.register", "repair_request", r.id, None, _snapshot(r) | {"number": r.number})
            if assignee:
                before = _snapshot(r)
                r.assignee = assignee
                r.dispatched_at = when
                self._move(s, op, r, next_state("dispatch", r.state), "dispatched", when, {"assignee": assignee})
                record(s, op.id, "repair.dispatch", "repair_request", r.id, before, _snapshot(r))
            return self._view_one(s, r.id)

    # -- steps ---------------------------------------------------------------------------------

    def dispatch(self, repair_id: int, assignee: str, *, note: str = "", at: datetime | None = None) -> RepairView:
        """Assign the slip to a technician or team (again, to re-assign)."""
        def apply(r: RepairRequest, errors: FieldErrors, when: datetime) -> dict:
            who = errors.check("assignee", lambda v: normalize_name(v, max_length=64), assignee)
            text = errors.check("note", _text(500), note)
            errors.raise_if_any()
            r.assignee = who
            r.dispatched_at = when
            r.hold_reason = ""
            return {"assignee": who, "note": text}
        return self._step(repair_id, "dispatch", "dispatched", apply, at)

    def start(self, repair_id: int, *, note: str = "", at: datetime | None = None) -> RepairView:
        """The technician confirmed the job on site (004 §5.2 4b)."""
        def apply(r: RepairRequest, errors: FieldErrors, when: datetime) -> dict:
            text = errors.check("note", _text(500), note)
            errors.raise_if_any()
            return {"note": text}
        return self._step(repair_id, "start", "started", apply, at)

    def hold(self, repair_id: int, reason: str, *, at: datetime | None = None) -> RepairView:
        """Put the job on hold (waiting for parts, the occupant away…); the reason is required."""
        def apply(r: RepairRequest, errors: FieldErrors, when: datetime) -> dict:
            text = errors.check("reason", _text(200, required=True), reason)
            errors.raise_if_any()
            r.hold_reason = text
            return {"reason": text}
        return self._step(repair_id, "hold", "held", apply, at)

    def resume(self, repair_id: int, *, at: datetime | None = None) -> RepairView:
        def apply(r: RepairRequest, errors: FieldErrors, when: datetime) -> dict:
            r.hold_reason = ""
            return {}
        return self._step(repair_id, "resume", "resumed", apply, at)

    def complete(self, repair_id: int, data: CompletionInput, *, at: datetime | None = None) -> RepairView:
        """Record the returned slip: work done, materials, the occupant's materials and their
        check, labour and the charge. Marks whether it was done on time and when the
        follow-up call is due."""
        def apply(r: RepairRequest, errors: FieldErrors, when: datetime) -> dict:
            work = errors.check("work_done", _text(2000, required=True), data.work_done)
            materials = errors.check("materials", _text(500), data.materials)
            supplied = errors.check("occupant_materials", _text(500), data.occupant_materials)
            labour = errors.check("labour", _text(64), data.labour)
            technician = errors.check("technician", _text(64), data.technician)
            note_text = errors.check("note", _text(500), data.note)
            if data.material_check not in MATERIAL_CHECKS:
                errors.add("material_check", "repair.material_check_unknown")
            elif supplied and not data.material_check:
                errors.add("material_check", "repair.material_check_required")
            charge = errors.check("charge", _money, data.charge)
            errors.raise_if_any()
            r.completed_at = when
            r.on_time = when <= r.due_at
            r.charge = charge
            r.follow_up_due = follow_up_due(r.grade, when)
            r.hold_reason = ""
            return {"work_done": work, "materials": materials, "occupant_materials": supplied,
                    "material_check": data.material_check, "labour": labour,
                    "technician": technician or r.assignee, "charge": charge, "on_time": r.on_time, "note": note_text}
        return self._step(repair_id, "complete", "completed", apply, at)

    def settle(self, repair_id: int, receipt_ref: str, *, at: datetime | None = None) -> RepairView:
        """Link the receipt already issued for the charge (its number); ``settle_at_counter``
        issues it and calls this."""
        op = self.ctx.require_operator()
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            self.settle_in(s, op, repair_id, receipt_ref, when)
            return self._view_one(s, repair_id)

    def settle_in(self, s: Session, op: Operator, repair_id: int, receipt_ref: str, when: datetime) -> RepairRequest:
        """``settle`` inside the caller's transaction (for the receipt service to call)."""
        r = self._repair(s, repair_id, lock=True)
        to = self._check_transition(r, "settle")
        if not (r.charge or 0) > 0:
            raise ConflictError("repair.nothing_to_settle")
        errors = FieldErrors()
        ref = errors.check("receipt_ref", _text(32, required=True), receipt_ref)
        errors.raise_if_any()
        before = _snapshot(r)
        r.receipt_ref = ref
        r.settled_at = when
        self._move(s, op, r, to, "settled", when, {"receipt_ref": ref, "amount": r.charge})
        record(s, op.id, "repair.settle", "repair_request", r.id, before, _snapshot(r))
        return r

    def settle_at_counter(self, repair_id: int, *, method: str = "cash", payer_name: str = "",
                          at: datetime | None = None) -> tuple[RepairView, Any]:
        """The occupant pays the charge at the counter: issue the receipt and settle the slip.

        The receipt goes through ``ReceiptService.issue`` (the operator's open shift, a gapless
        number): one line of the slip's fee item (``repair_<category>``, or the generic
        ``repair``) at the completed charge, described with the slip number, payer the slip's
        occupant (or ``payer_name``, default the requester, place or unit), reference
        ``repair:<id>``. Then the slip is settled with the receipt's number. Returns
        ``(RepairView, ReceiptView)``; ``services.receipts.for_source("repair", id)`` finds the
        receipts of a slip again.

        Two units of work, the receipt's and the slip's. Everything the slip's step checks is
        checked before the receipt is issued, so a refused settlement issues nothing; should
        the slip change in between (settled at another counter a moment earlier), the receipt
        stays (found by its reference, to be voided by a supervisor) and the error names it.
        """
        from app.services.receipts import LineInput, Payer, ReceiptInput, ReceiptService, SourceRef
        from db.models import FeeItem

        self.ctx.require_operator()
        with self.ctx.db.read() as s:
            r = self._repair(s, repair_id)
            self._check_transition(r, "settle")
            if not (r.charge or 0) > 0:
                raise ConflictError("repair.nothing_to_settle")
            item = None
            for code in (fee_code_of(r.category), GENERIC_FEE_CODE):
                item = s.execute(select(FeeItem).where(FeeItem.code == code, FeeItem.active.is_(True))
                                 ).scalar_one_or_none()
                if item is not None:
                    break
            if item is None:
                raise ConflictError("repair.fee_item_missing")
            view = self._view_one(s, repair_id)
            line = LineInput(fee_code=item.code, description=f"{item.name_zh} {view.number}"[:128],
                             unit_price=view.charge, quantity=1)
        if view.occupant_id is not None and not (payer_name or "").strip():
            payer = Payer("occupant", occupant_id=view.occupant_id)
        else:
            # a unit typed without picking its occupant: the receipt names the unit at least
            payer = Payer("other", name=(payer_name or "").strip() or view.requester_name or view.location
                          or view.unit_code, unit_code=view.unit_code)
        receipt = ReceiptService(self.ctx).issue(
            ReceiptInput(payer=payer, lines=(line,), method=method, source=SourceRef("repair", view.id)), at=at)
        try:
            return self.settle(repair_id, receipt.number, at=at), receipt
        except DomainError as exc:
            raise ConflictError("repair.receipt_not_linked", receipt=receipt.number, cause=exc.key) from exc

    def follow_up(self, repair_id: int, satisfied: bool, *, comment: str = "", by: str = "",
                  method: str = "phone", at: datetime | None = None) -> RepairView:
        """The follow-up call (回访): satisfied or not, the occupant's comment, who called."""
        def apply(r: RepairRequest, errors: FieldErrors, when: datetime) -> dict:
            if (r.charge or 0) > 0 and not r.receipt_ref:
                raise ConflictError("repair.settle_first")
            text = errors.check("comment", _text(500), comment)
            who = errors.check("by", _text(64), by)
            if method not in FOLLOW_UP_METHODS:
                errors.add("method", "repair.follow_up_method_unknown")
            if satisfied is not True and not (comment or "").strip():
                errors.add("comment", "repair.comment_required")
            errors.raise_if_any()
            r.followed_up_at = when
            r.follow_up_result = "satisfied" if satisfied else "not_satisfied"
            return {"result": r.follow_up_result, "comment": text, "by": who or self.ctx.operator.display_name,
                    "method": method, "late": when.date() > r.follow_up_due if r.follow_up_due else False}
        return self._step(repair_id, "follow_up", "followed_up", apply, at)

    def close(self, repair_id: int, *, note: str = "", at: datetime | None = None) -> RepairView:
        """Close the slip after its follow-up call. An occupant not satisfied is normally a
        rework (``reopen``); closing anyway needs a supervisor."""
        def apply(r: RepairRequest, errors: FieldErrors, when: datetime) -> dict:
            if r.follow_up_result == "not_satisfied":
                self.ctx.require_operator("supervisor")
            text = errors.check("note", _text(500), note)
            errors.raise_if_any()
            r.closed_at = when
            return {"note": text}
        return self._step(repair_id, "close", "closed", apply, at)

    def cancel(self, repair_id: int, reason: str, *, at: datetime | None = None) -> RepairView:
        """Cancel (注销) — the occupant disputes the job (004 §5.2 4d); the reason is required."""
        def apply(r: RepairRequest, errors: FieldErrors, when: datetime) -> dict:
            text = errors.check("reason", _text(500, required=True), reason)
            errors.raise_if_any()
            r.closed_at = when
            return {"reason": text}
        return self._step(repair_id, "cancel", "cancelled", apply, at)

    def to_developer(self, repair_id: int, note: str, *, at: datetime | None = None) -> RepairView:
        """Pass to the developer: still under the builder's warranty (004 §5.2 4f)."""
        def apply(r: RepairRequest, errors: FieldErrors, when: datetime) -> dict:
            text = errors.check("note", _text(500, required=True), note)
            errors.raise_if_any()
            r.closed_at = when
            return {"note": text}
        return self._step(repair_id, "to_developer", "passed_to_developer", apply, at)

    def reopen(self, repair_id: int, reason: str, *, at: datetime | None = None) -> RepairView:
        """Reopen as rework (二次派单): counted, with a new due time from now by the slip's grade."""
        def apply(r: RepairRequest, errors: FieldErrors, when: datetime) -> dict:
            text = errors.check("reason", _text(500, required=True), reason)
            errors.raise_if_any()
            previous = {"completed_at": r.completed_at, "charge": r.charge, "receipt_ref": r.receipt_ref,
                        "follow_up_result": r.follow_up_result}
            r.rework_count += 1
            r.due_at = due_at(r.grade, when)
            r.completed_at = None
            r.on_time = None
            r.charge = None
            r.follow_up_due = None
            r.followed_up_at = None
            r.follow_up_result = ""
            r.closed_at = None
            return {"reason": text, "rework": r.rework_count, "previous": previous}
        return self._step(repair_id, "reopen", "reopened", apply, at)

    def record_unfinished_reason(self, repair_id: int, reason: str, *, day: date | None = None,
                                 at: datetime | None = None) -> UnfinishedView:
        """Why the slip's stub has not come back, for the day's summary (5.3.7)."""
        op = self.ctx.require_operator()
        when = (at or now()).replace(microsecond=0)
        day = day or when.date()
        with self.ctx.db.write() as s:
            r = self._repair(s, repair_id, lock=True)
            errors = FieldErrors()
            text = errors.check("reason", _text(200, required=True), reason)
            errors.raise_if_any()
            if r.state not in WORK_STATES:
                raise ConflictError("repair.not_unfinished")
            self._event(s, op, r, "unfinished_reason", r.state, when, {"day": day.isoformat(), "reason": text})
            record(s, op.id, "repair.unfinished_reason", "repair_request", r.id, None, {"day": day, "reason": text})
            return UnfinishedView(self._view_one(s, r.id), text)

    def mark_printed(self, repair_id: int, copies: int, *, reprint: bool = False) -> RepairView:
        """Record that the dispatch slip was printed (how many copies, a reprint or not)."""
        op = self.ctx.require_operator()
        when = now()
        with self.ctx.db.write() as s:
            r = self._repair(s, repair_id, lock=True)
            r.print_count += 1
            self._event(s, op, r, "printed", r.state, when, {"copies": copies, "reprint": reprint})
            record(s, op.id, "repair.print", "repair_request", r.id, None, {"copies": copies, "reprint": reprint})
            return self._view_one(s, r.id)

    # -- internals -----------------------------------------------------------------------------

    def _step(self, repair_id: int, action: str, event: str, apply, at: datetime | None) -> RepairView:  # noqa: ANN001
        op = self.ctx.require_operator()
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            r = self._repair(s, repair_id, lock=True)
            to = self._check_transition(r, action)
            before = _snapshot(r)
            detail = apply(r, FieldErrors(), when)
            self._move(s, op, r, to, event, when, detail)
            record(s, op.id, f"repair.{action}", "repair_request", r.id, before, _snapshot(r))
            return self._view_one(s, r.id)

    @staticmethod
    def _check_transition(r: RepairRequest, action: str) -> str:
        try:
            return next_state(action, r.state)
        except DomainError as exc:
            raise ConflictError(exc.key, **exc.params) from None

    def _move(self, s: Session, op: Operator, r: RepairRequest, to: str, event: str, when: datetime,
              detail: dict) -> None:
        frm = r.state
        r.state = to
        r.state_at = when
        self._event(s, op, r, event, frm, when, detail, to_state=to)

    @staticmethod
    def _event(s: Session, op: Operator, r: RepairRequest, kind: str, frm: str, when: datetime, detail: dict,
               *, to_state: str | None = None) -> None:
        from app.services.audit import _default

        s.add(RepairEvent(repair_id=r.id, at=when, staff_id=op.id, kind=kind, from_state=frm,
                          to_state=to_state if to_state is not None else r.state,
                          detail=json.dumps({k: v for k, v in detail.items() if v not in (None, "")},
                                            ensure_ascii=False, default=_default)))
        s.flush()

    @staticmethod
    def _repair(s: Session, repair_id: int, *, lock: bool = False) -> RepairRequest:
        q = select(RepairRequest).where(RepairRequest.id == repair_id)
        if lock:
            q = q.with_for_update()
        r = s.execute(q).scalar_one_or_none()
        if r is None:
            raise NotFoundError("repair.not_found", number=str(repair_id))
        return r

    def _view_one(self, s: Session, repair_id: int) -> RepairView:
        views = self._views(s, [repair_id])
        if not views:
            raise NotFoundError("repair.not_found", number=str(repair_id))
        return views[0]

    @staticmethod
    def _views(s: Session, ids: list[int]) -> list[RepairView]:
        """Views of ``ids`` in that order, in one query (with unit, occupant and registrar).

        Plain rows, not ORM objects: the open-slips view reads them all on every refresh."""
        if not ids:
            return []
        reg = aliased(Staff)
        t = RepairRequest.__table__
        out: dict[int, RepairView] = {}
        for chunk in range(0, len(ids), 900):  # SQLite's bound-parameter limit
            part = ids[chunk:chunk + 900]
            rows = s.execute(
                select(t, Unit.code.label("x_unit_code"), Occupant.name.label("x_occupant_name"),
                       reg.display_name.label("x_registered_by"))
                .outerjoin(Unit, Unit.id == t.c.unit_id)
                .outerjoin(Occupant, Occupant.id == t.c.occupant_id)
                .join(reg, reg.id == t.c.registered_by_id)
                .where(t.c.id.in_(part)))
            for m in rows.mappings():
                out[m["id"]] = RepairView(
                    m["id"], m["number"], m["source"], m["x_unit_code"] or "", m["occupant_id"],
                    m["x_occupant_name"] or "", m["location"], m["requester_name"], m["phone"], m["category"],
                    m["description"], m["preferred_time"], m["grade"], m["chargeable"], m["rate"], m["fee_code"],
                    m["registered_at"], m["x_registered_by"], m["due_at"], m["state"], m["state_at"], m["assignee"],
                    m["dispatched_at"], m["hold_reason"], m["completed_at"], m["on_time"], m["charge"],
                    m["settled_at"], m["receipt_ref"], m["follow_up_due"], m["followed_up_at"],
                    m["follow_up_result"], m["closed_at"], m["rework_count"], m["print_count"])
        return [out[i] for i in ids if i in out]


__all__ = [
    "CategoryCount", "CompletionInput", "FINAL_STATES", "RepairEventView", "RepairInput", "RepairService",
    "RepairView", "UnfinishedView", "WeeklySummary",
]
