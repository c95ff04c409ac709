"""Parcels and mail (邮件报刊收发, DOMAIN §3): intake, recipients, pick-up, the rules of the trade.

Every method is one unit of work: it validates everything first, then writes, audits with
``record()`` in the same transaction, commits and returns a frozen view. A refused action
writes nothing — not even an audit row.

* Intake keeps up with a scanner: one short write transaction per scan. A code already taken
  in is refused (``parcel.duplicate`` says when). An item without a usable barcode gets an
  internal number ``M`` + a gapless sequence (``lock_counter("parcel_internal")``) and a label.
* The carrier is recognised by ``app.parcels.carriers.recognize_carrier`` (written apart);
  until that module exists every code is carrier ``other`` with no check digit.
* Pick-up hands over several items at once with one signature (on screen or on paper); an
  item already picked up is refused saying when and to whom.
* Receptionists do the daily work and may send dead letters back to the post office at
  once (003 (8)); a supervisor clears escalated (suspicious) items and disposes of items
  left uncollected past ``parcels.uncollected_days``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from app.context import AppContext, Operator
from app.errors import ConflictError, DomainError, FieldErrors, NotFoundError, ValidationError
from app.notifications import NoticeItem, Notifier, NotifyError, PickupNotice
from app.parcel_rules import (
    ESCALATION_OUTCOMES,
    FINAL_STATES,
    ITEM_TYPES,
    REPORT_KINDS,
    BatchComparison,
    compare_batch,
    format_internal,
    normalize_code,
    parse_manifest,
)
from app.services.audit import lock_counter, record
from app.services.occupants import OccupantView
from app.validation import normalize_name, normalize_text
from db.models import (
    Occupant,
    Parcel,
    ParcelBatch,
    ParcelBatchLine,
    ParcelContact,
    ParcelEvent,
    ParcelPickup,
    ParcelPickupSignature,
    Staff,
    Unit,
    now,
)

MAX_SIGNATURE_BYTES = 256 * 1024
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_ITEMS_PER_ACTION = 500
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


# -- the carrier seam -----------------------------------------------------------------------


def recognize(code: str, rules: Any = None) -> tuple[str, str]:
    """``(carrier, check_digit)`` for a tracking number: ``("other", "none")`` if unknown.

    Calls ``app.parcels.carriers.recognize_carrier`` with the administrator's rules
    (``parcels.carrier_rules``); a real parcel is never refused for its number.
    """
    try:
        from app.parcels.carriers import recognize_carrier
    except ImportError:
        return "other", "none"
    match = recognize_carrier(code, rules)
    carrier = (getattr(match, "carrier", "") or "other")[:16]
    check = getattr(match, "check_digit", "none") or "none"
    return carrier, check if check in ("ok", "failed", "none") else "none"


# -- inputs and views -----------------------------------------------------------------------


@dataclass(frozen=True)
class IntakeInput:
    """One item at the counter. ``code`` empty → an internal number is given."""

    code: str = ""
    item_type: str = "parcel"
    unit_code: str = ""
    occupant_id: int | None = None
    recipient_name: str = ""
    shelf: str = ""
    perishable: bool = False
    signature_required: bool | None = None  # None: by item type (registered, parcels…)
    fragile: bool = False
    suspicious: bool = False
    courier: str = ""
    batch_id: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Assignment:
    item_id: int
    unit_code: str
    occupant_id: int | None = None
    recipient_name: str = ""
    shelf: str | None = None


@dataclass(frozen=True)
class ParcelView:
    id: int
    code: str
    internal: bool
    carrier: str
    check_digit: str
    item_type: str
    unit_id: int | None
    unit_code: str
    occupant_id: int | None
    recipient_name: str
    shelf: str
    perishable: bool
    signature_required: bool
    fragile: bool
    suspicious: bool
    damaged: bool
    received_at: datetime
    received_by: str
    courier: str
    batch_id: int | None
    state: str
    state_at: datetime
    pickup_id: int | None
    picked_up_at: datetime | None
    picked_up_by: str
    notified_at: datetime | None
    note: str

    @property
    def waiting(self) -> bool:
        return self.state == "waiting"

    @property
    def misread(self) -> bool:
        """The carrier's check digit failed: probably a misread scan."""
        return self.check_digit == "failed"


@dataclass(frozen=True)
class PickupView:
    id: int
    at: datetime
    staff_name: str
    unit_code: str
    picked_up_by: str
    relation: str
    id_checked: bool
    signed_on_screen: bool
    signed_on_paper: bool
    items: tuple[ParcelView, ...]


@dataclass(frozen=True)
class EventView:
    id: int
    parcel_id: int
    kind: str
    at: datetime
    staff_name: str
    reason: str
    person: str
    detail: str
    pickup_id: int | None


@dataclass(frozen=True)
class HeldItem:
    """An item not handed over by the end of the day, with the reason recorded for it today."""

    item: ParcelView
    reason: str


@dataclass(frozen=True)
class BatchView:
    id: int
    opened_at: datetime
    courier: str
    carrier: str
    expected_count: int | None
    manifest_count: int
    scanned: int
    closed_at: datetime | None
    comparison: BatchComparison

    @property
    def open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class ContactView:
    id: int
    unit_id: int
    unit_code: str
    occupant_id: int | None
    name: str
    email: str
    active: bool


@dataclass(frozen=True)
class NoticeResult:
    """What ``notify_unit`` / ``send_reminders`` did: per unit, the channel or the error key."""

    sent: tuple[tuple[str, str, int], ...]  # (unit_code, channel, item count)
    failed: tuple[tuple[str, str], ...]  # (unit_code, error key)
    skipped: tuple[str, ...]  # units no notifier could reach


@dataclass(frozen=True)
class ParcelQuery:
    """What the Parcels tab lists: ``state`` ``""`` = any state; ``min_days``: waiting at least
    that many days; ``received_from``/``received_to``: a span of arrival (``[from, to)``)."""

    unit_code: str = ""
    state: str = "waiting"
    carrier: str = ""
    item_type: str = ""
    min_days: int = 0
    unassigned_only: bool = False
    received_from: datetime | None = None
    received_to: datetime | None = None


def _text(max_length: int, *, required: bool = False):  # noqa: ANN202
    return lambda v: normalize_text(v, max_length=max_length, required=required)


class ParcelService:
    """Everything the parcel tab, its printouts and the parcel CLI commands do."""

    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    # -- settings -----------------------------------------------------------------------------

    def _setting(self, key: str) -> Any:
        from app.services.settings import SettingsService

        return SettingsService(self.ctx).get(key)

    def _carrier_rules(self) -> Any:
        from app.services.settings import DEFAULTS

        return self._setting("parcels.carrier_rules") if "parcels.carrier_rules" in DEFAULTS else None

    # -- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _parcel(s, item_id: int) -> Parcel:  # noqa: ANN001
        p = s.get(Parcel, item_id)
        if p is None:
            raise NotFoundError("parcel.not_found")
        return p

    @staticmethod
    def _unit(s, code: str, errors: FieldErrors, field_name: str = "unit_code") -> Unit | None:  # noqa: ANN001
        text = (code or "").strip()
        if not text:
            return None
        unit = s.execute(select(Unit).where(Unit.code == text.upper())).scalar_one_or_none()
        if unit is None:
            unit = s.execute(select(Unit).where(Unit.code == text)).scalar_one_or_none()
        if unit is None:
            errors.add(field_name, "unit.not_found", unit=text[:32])
        return unit

    @staticmethod
    def _occupant(s, occupant_id: int | None, unit: Unit | None, errors: FieldErrors) -> Occupant | None:  # noqa: ANN001
        if occupant_id is None:
            return None
        occ = s.get(Occupant, occupant_id)
        if occ is None or not occ.active or (unit is not None and occ.unit_id != unit.id):
            errors.add("occupant_id", "parcel.occupant_not_of_unit")
            return None
        return occ

    @staticmethod
    def _event(s, p: Parcel, kind: str, op: Operator, at: datetime, *, reason: str = "",  # noqa: ANN001
               person: str = "", detail: str = "", pickup_id: int | None = None) -> ParcelEvent:
        e = ParcelEvent(parcel_id=p.id, kind=kind, at=at, staff_id=op.id, reason=reason, person=person,
                        detail=detail, pickup_id=pickup_id)
        s.add(e)
        return e

    @staticmethod
    def _audit(p: Parcel, unit_code: str = "") -> dict[str, Any]:
        return {"code": p.code, "item_type": p.item_type, "unit": unit_code, "state": p.state, "shelf": p.shelf,
                "carrier": p.carrier, "check_digit": p.check_digit}

    def _ids(self, item_ids: Sequence[int]) -> list[int]:
        ids = list(dict.fromkeys(int(i) for i in item_ids))
        if not ids:
            raise ValidationError({"items": _field("parcel.nothing_selected")})
        if len(ids) > MAX_ITEMS_PER_ACTION:
            raise ValidationError({"items": _field("parcel.too_many", max=MAX_ITEMS_PER_ACTION)})
        return ids

    def _load(self, s, ids: Sequence[int]) -> list[Parcel]:  # noqa: ANN001
        rows = {p.id: p for p in s.execute(select(Parcel).where(Parcel.id.in_(ids))).scalars()}
        missing = [i for i in ids if i not in rows]
        if missing:
            raise NotFoundError("parcel.not_found", id=missing[0])
        return [rows[i] for i in ids]

    # -- reading --------------------------------------------------------------------------------

    def get(self, item_id: int) -> ParcelView:
        with self.ctx.db.read() as s:
            self._parcel(s, item_id)
            return self._views(s, [item_id])[0]

    def find(self, code: str) -> list[ParcelView]:
        """Items with this number (scanned or typed), newest first."""
        try:
            text = normalize_code(code)
        except DomainError:
            return []
        with self.ctx.db.read() as s:
            ids = s.execute(select(Parcel.id).where(Parcel.code == text).order_by(Parcel.id.desc())).scalars().all()
            return self._views(s, list(ids))

    def waiting_for_unit(self, unit_id: int) -> list[ParcelView]:
        """Everything waiting for one unit, oldest first (one range of ``ix_parcel_unit_state``)."""
        with self.ctx.db.read() as s:
            ids = s.execute(select(Parcel.id).where(Parcel.unit_id == unit_id, Parcel.state == "waiting")
                            .order_by(Parcel.received_at, Parcel.id)).scalars().all()
            return self._views(s, list(ids))

    def waiting_unassigned(self, limit: int = 500) -> list[ParcelView]:
        """Items waiting without a recipient yet (to assign in a batch), oldest first."""
        with self.ctx.db.read() as s:
            ids = s.execute(select(Parcel.id).where(Parcel.state == "waiting", Parcel.unit_id.is_(None))
                            .order_by(Parcel.received_at, Parcel.id).limit(limit)).scalars().all()
            return self._views(s, list(ids))

    def list_items(self, query: ParcelQuery = ParcelQuery(), *, limit: int = 500,  # noqa: B008
                   at: datetime | None = None) -> list[ParcelView]:
        """Items matching ``query``, oldest arrival first for waiting items, newest first
        otherwise; at most ``limit``. Waiting items use ``ix_parcel_state_received`` or, with
        a unit, ``ix_parcel_unit_state``."""
        q = select(Parcel.id)
        if query.state:
            q = q.where(Parcel.state == query.state)
        if query.unit_code.strip():
            text = query.unit_code.strip().upper()
            q = q.join(Unit, Unit.id == Parcel.unit_id).where(Unit.code >= text, Unit.code < text + "\U0010ffff")
        if query.unassigned_only:
            q = q.where(Parcel.unit_id.is_(None))
        if query.carrier:
            q = q.where(Parcel.carrier == query.carrier)
        if query.item_type:
            q = q.where(Parcel.item_type == query.item_type)
        if query.min_days > 0:
            q = q.where(Parcel.received_at <= (at or now()) - timedelta(days=query.min_days))
        if query.received_from is not None:
            q = q.where(Parcel.received_at >= query.received_from)
        if query.received_to is not None:
            q = q.where(Parcel.received_at < query.received_to)
        if query.state == "waiting":
            q = q.order_by(Parcel.received_at, Parcel.id)
        else:
            q = q.order_by(Parcel.received_at.desc(), Parcel.id.desc())
        with self.ctx.db.read() as s:
            ids = s.execute(q.limit(max(1, min(limit, 5000)))).scalars().all()
            return self._views(s, list(ids))

    def find_recipients(self, text: str, limit: int = 30) -> list[OccupantView]:
        """Recipients by unit, name, pinyin initials or the last digits of a phone."""
        from app.services.occupants import OccupantService

        return OccupantService(self.ctx).search(text, limit=limit)

    def history(self, item_id: int) -> list[EventView]:
        """Everything that happened to an item, oldest first."""
        with self.ctx.db.read() as s:
            self._parcel(s, item_id)
            rows = s.execute(select(ParcelEvent, Staff.display_name).join(Staff, Staff.id == ParcelEvent.staff_id)
                             .where(ParcelEvent.parcel_id == item_id).order_by(ParcelEvent.id))
            return [EventView(e.id, e.parcel_id, e.kind, e.at, name, e.reason, e.person, e.detail, e.pickup_id)
                    for e, name in rows]

    def received_between(self, start: datetime, end: datetime) -> Iterator[ParcelView]:
        """Items received in ``[start, end)``, in order (for the register, the log and exports)."""
        after = 0
        while True:
            with self.ctx.db.read() as s:
                ids = s.execute(select(Parcel.id).where(Parcel.received_at >= start, Parcel.received_at < end,
                                                        Parcel.id > after)
                                .order_by(Parcel.id).limit(1000)).scalars().all()
                if not ids:
                    return
                views = self._views(s, list(ids))
            yield from sorted(views, key=lambda v: (v.received_at, v.id))
            after = ids[-1]

    def signature(self, pickup_id: int) -> bytes | None:
        with self.ctx.db.read() as s:
            row = s.get(ParcelPickupSignature, pickup_id)
            return bytes(row.png) if row else None

    def pickup(self, pickup_id: int) -> PickupView:
        with self.ctx.db.read() as s:
            return self._pickup_view(s, pickup_id)

    # -- intake ---------------------------------------------------------------------------------

    def intake(self, data: IntakeInput | str, *, at: datetime | None = None, **fields: Any) -> ParcelView:
        """Register one item as it is scanned: ``intake("SF1234567890123", unit_code="A-1203")``.

        A code already registered is refused with ``ConflictError("parcel.duplicate")``
        naming when it was received and its state; an empty code gives an internal number.
        """
        if isinstance(data, str):
            data = IntakeInput(code=data, **fields)
        elif fields:
            raise TypeError("pass either an IntakeInput or a code with keyword fields")
        op = self.ctx.require_operator()
        when = (at or now()).replace(microsecond=0)
        errors = FieldErrors()
        code = ""
        if (data.code or "").strip():
            code = errors.check("code", normalize_code, data.code) or ""
        if data.item_type not in ITEM_TYPES:
            errors.add("item_type", "parcel.item_type_unknown")
        shelf = errors.check("shelf", _text(16), data.shelf)
        recipient = errors.check("recipient_name", _text(64), data.recipient_name)
        courier = errors.check("courier", _text(64), data.courier)
        note = errors.check("note", _text(1000), data.note)
        rules = self._carrier_rules() if code else None  # read before the write lock is taken
        with self.ctx.db.write() as s:
            unit = self._unit(s, data.unit_code, errors)
            occ = self._occupant(s, data.occupant_id, unit, errors)
            if occ is not None and unit is None:
                unit = s.get(Unit, occ.unit_id)
            batch = None
            if data.batch_id is not None:
                batch = s.get(ParcelBatch, data.batch_id)
                if batch is None:
                    errors.add("batch_id", "parcel.batch_not_found")
                elif batch.closed_at is not None:
                    errors.add("batch_id", "parcel.batch_closed")
            errors.raise_if_any()
            if code:
                prior = s.execute(select(Parcel).where(Parcel.code == code).order_by(Parcel.id.desc())
                                  .limit(1)).scalar_one_or_none()
                if prior is not None:
                    raise ConflictError("parcel.duplicate", code=code, at=prior.received_at, state=prior.state)
                carrier, check = recognize(code, rules)
                internal = False
            else:
                counter = lock_counter(s, "parcel_internal")
                counter.value += 1
                code, carrier, check, internal = format_internal(counter.value), "other", "none", True
            signature = (data.signature_required if data.signature_required is not None
                         else data.item_type in ("registered", "parcel", "money_order"))
            p = Parcel(code=code, internal=internal, carrier=carrier, check_digit=check, item_type=data.item_type,
                       unit_id=unit.id if unit else None, occupant_id=occ.id if occ else None,
                       recipient_name=recipient or (occ.name if occ else ""), shelf=shelf or "",
                       perishable=bool(data.perishable), signature_required=bool(signature),
                       fragile=bool(data.fragile), suspicious=bool(data.suspicious), damaged=False,
                       received_at=when, received_by_id=op.id, courier=courier or (batch.courier if batch else ""),
                       batch_id=batch.id if batch else None, state="waiting", state_at=when, note=note or "")
            s.add(p)
            s.flush()
            self._event(s, p, "intake", op, when, detail=carrier)
            record(s, op.id, "parcel.intake", "parcel", p.id, after=self._audit(p, unit.code if unit else ""))
            if data.suspicious:
                self._escalate(s, op, p, when, "suspicious at intake")
            s.flush()
            return self._views(s, [p.id])[0]

    # -- recipients -----------------------------------------------------------------------------

    def assign_recipient(self, item_id: int, unit_code: str, occupant_id: int | None = None, *,
                         recipient_name: str = "", shelf: str | None = None) -> ParcelView:
        return self.assign_recipients([Assignment(item_id, unit_code, occupant_id, recipient_name, shelf)])[0]

    def assign_recipients(self, assignments: Sequence[Assignment]) -> list[ParcelView]:
        """Give items their recipient (and shelf): all or none. A bad line raises
        ``ValidationError`` with ``params["entry"]`` its index."""
        op = self.ctx.require_operator()
        if not assignments:
            raise ValidationError({"items": _field("parcel.nothing_selected")})
        when = now()
        with self.ctx.db.write() as s:
            done: list[int] = []
            for i, a in enumerate(assignments):
                p = self._parcel(s, a.item_id)
                if p.state != "waiting":
                    raise ConflictError("parcel.not_waiting", code=p.code, state=p.state)
                errors = FieldErrors()
                unit = self._unit(s, a.unit_code, errors)
                if unit is None and not errors:
                    errors.add("unit_code", "parcel.unit_required")
                occ = self._occupant(s, a.occupant_id, unit, errors)
                name = errors.check("recipient_name", _text(64), a.recipient_name)
                shelf = errors.check("shelf", _text(16), a.shelf) if a.shelf is not None else p.shelf
                if errors:
                    try:
                        errors.raise_if_any()
                    except ValidationError as exc:
                        exc.params["entry"] = i
                        raise
                old_unit = s.get(Unit, p.unit_id).code if p.unit_id else ""
                before = {"unit": old_unit, "occupant_id": p.occupant_id, "shelf": p.shelf}
                p.unit_id, p.occupant_id = unit.id, occ.id if occ else None
                p.recipient_name = name or (occ.name if occ else p.recipient_name)
                p.shelf = shelf or ""
                self._event(s, p, "assign", op, when, detail=f"{old_unit}→{unit.code}" if old_unit else unit.code)
                record(s, op.id, "parcel.assign", "parcel", p.id, before,
                       {"unit": unit.code, "occupant_id": p.occupant_id, "shelf": p.shelf})
                done.append(p.id)
            s.flush()
            return self._views(s, done)

    # -- pick-up --------------------------------------------------------------------------------

    def pick_up(self, item_ids: Sequence[int], *, picked_up_by: str, relation: str = "",
                id_checked: bool = False, signature_png: bytes | None = None, signed_on_paper: bool = False,
                at: datetime | None = None) -> PickupView:
        """Hand over several items at once with one signature.

        Every item must be waiting and for the same unit. An item already picked up raises
        ``ConflictError("parcel.already_picked_up")`` with when and to whom it went.
        """
        op = self.ctx.require_operator()
        ids = self._ids(item_ids)
        when = (at or now()).replace(microsecond=0)
        errors = FieldErrors()
        name = errors.check("picked_up_by", normalize_name, picked_up_by)
        rel = errors.check("relation", _text(32), relation)
        if signature_png is not None:
            if not signature_png.startswith(PNG_MAGIC) or len(signature_png) > MAX_SIGNATURE_BYTES:
                errors.add("signature", "parcel.signature_invalid")
        elif not signed_on_paper:
            errors.add("signature", "parcel.signature_required")
        if rel and not id_checked:
            errors.add("id_checked", "parcel.proxy_id_check")
        with self.ctx.db.write() as s:
            items = self._load(s, ids)
            for p in items:
                if p.state == "picked_up":
                    pk = s.get(ParcelPickup, p.pickup_id) if p.pickup_id else None
                    raise ConflictError("parcel.already_picked_up", code=p.code, at=pk.at if pk else p.state_at,
                                        name=pk.picked_up_by if pk else "")
                if p.state != "waiting":
                    raise ConflictError("parcel.not_waiting", code=p.code, state=p.state)
                if p.unit_id is None:
                    raise ConflictError("parcel.no_recipient", code=p.code)
            if len({p.unit_id for p in items}) > 1:
                raise ConflictError("parcel.units_differ")
            errors.raise_if_any()
            unit = s.get(Unit, items[0].unit_id)
            pk = ParcelPickup(at=when, staff_id=op.id, unit_id=unit.id, picked_up_by=name, relation=rel or "",
                              id_checked=bool(id_checked), signed_on_screen=signature_png is not None,
                              signed_on_paper=signature_png is None and bool(signed_on_paper), item_count=len(items))
            s.add(pk)
            s.flush()
            if signature_png is not None:
                s.add(ParcelPickupSignature(pickup_id=pk.id, png=signature_png))
            for p in items:
                p.state, p.state_at, p.pickup_id = "picked_up", when, pk.id
                self._event(s, p, "pickup", op, when, person=name, detail=rel or "", pickup_id=pk.id)
            record(s, op.id, "parcel.pickup", "parcel_pickup", pk.id, after={
                "unit": unit.code, "codes": [p.code for p in items], "picked_up_by": name, "relation": rel or "",
                "id_checked": bool(id_checked), "signed_on_screen": pk.signed_on_screen})
            s.flush()
            return self._pickup_view(s, pk.id)

    # -- the rules of the trade -----------------------------------------------------------------

    def record_reasons(self, reasons: Mapping[int, str], *, at: datetime | None = None) -> list[ParcelView]:
        """Why each item was not handed over today (same-day delivery: special cases recorded)."""
        op = self.ctx.require_operator()
        ids = self._ids(list(reasons))
        when = (at or now()).replace(microsecond=0)
        errors = FieldErrors()
        clean = {i: errors.check(f"reason.{i}", _text(500, required=True), reasons[i]) for i in ids}
        errors.raise_if_any()
        with self.ctx.db.write() as s:
            for p in self._load(s, ids):
                if p.state not in ("waiting", "escalated"):
                    raise ConflictError("parcel.not_waiting", code=p.code, state=p.state)
            for p in self._load(s, ids):
                self._event(s, p, "held", op, when, reason=clean[p.id])
                record(s, op.id, "parcel.held", "parcel", p.id, after={"code": p.code, "reason": clean[p.id]})
            s.flush()
            return self._views(s, ids)

    def end_of_day(self, day: date | None = None) -> list[HeldItem]:
        """Items still at the counter at the end of ``day``, each with the reason recorded that day."""
        day = day or date.today()
        end = datetime.combine(day, time.max)
        start = datetime.combine(day, time.min)
        with self.ctx.db.read() as s:
            ids = s.execute(select(Parcel.id).where(Parcel.state.in_(("waiting", "escalated")),
                                                    Parcel.received_at <= end)
                            .order_by(Parcel.received_at, Parcel.id)).scalars().all()
            views = self._views(s, list(ids))
            reasons: dict[int, str] = {}
            if ids:
                for pid, reason in s.execute(
                        select(ParcelEvent.parcel_id, ParcelEvent.reason)
                        .where(ParcelEvent.kind == "held", ParcelEvent.at >= start, ParcelEvent.at <= end,
                               ParcelEvent.parcel_id.in_(ids)).order_by(ParcelEvent.id)):
                    reasons[pid] = reason
            return [HeldItem(v, reasons.get(v.id, "")) for v in views]

    def check_day_close(self, day: date | None = None) -> None:
        """Refuse to close the day while an item still held has no reason recorded for it."""
        missing = [h.item.code for h in self.end_of_day(day) if not h.reason]
        if missing:
            raise ConflictError("parcel.reasons_missing", count=len(missing), first=missing[0])

    def return_to_post_office(self, item_ids: Sequence[int], *, reason: str, handed_to: str,
                              at: datetime | None = None) -> list[ParcelView]:
        """Dead letters go back to the post office (the return register): reason and who took them."""
        return self._close(item_ids, "returned", reason=reason, person=handed_to, at=at, role="receptionist")

    def dispose(self, item_ids: Sequence[int], *, reason: str, at: datetime | None = None) -> list[ParcelView]:
        """Items uncollected past ``parcels.uncollected_days`` disposed of (supervisor), history kept."""
        return self._close(item_ids, "disposed", reason=reason, person="", at=at, role="supervisor",
                           uncollected_only=True)

    def _close(self, item_ids: Sequence[int], state: str, *, reason: str, person: str, at: datetime | None,
               role: str, uncollected_only: bool = False) -> list[ParcelView]:
        op = self.ctx.require_operator(role)
        ids = self._ids(item_ids)
        when = (at or now()).replace(microsecond=0)
        errors = FieldErrors()
        why = errors.check("reason", _text(500, required=True), reason)
        who = errors.check("handed_to", normalize_name, person) if state == "returned" else ""
        errors.raise_if_any()
        days = int(self._setting("parcels.uncollected_days")) if uncollected_only else 0
        with self.ctx.db.write() as s:
            items = self._load(s, ids)
            for p in items:
                if p.state not in ("waiting", "escalated"):
                    raise ConflictError("parcel.not_waiting", code=p.code, state=p.state)
                if uncollected_only and p.received_at > when - timedelta(days=days):
                    raise ConflictError("parcel.not_uncollected", code=p.code, days=days)
            for p in items:
                before = p.state
                p.state, p.state_at = state, when
                self._event(s, p, state, op, when, reason=why, person=who or "")
                record(s, op.id, f"parcel.{state}", "parcel", p.id, {"state": before},
                       {"state": state, "code": p.code, "reason": why, "person": who or ""})
            s.flush()
            return self._views(s, ids)

    def escalate(self, item_id: int, note: str, *, at: datetime | None = None) -> ParcelView:
        """A suspicious item goes to the supervisor: it cannot be handed out until cleared."""
        return self.escalate_items([item_id], note, at=at)[0]

    def escalate_items(self, item_ids: Sequence[int], note: str, *, at: datetime | None = None) -> list[ParcelView]:
        """Several items to the supervisor at once: all or none."""
        op = self.ctx.require_operator()
        ids = self._ids(item_ids)
        why = _clean_required(note, "note")
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            items = self._load(s, ids)
            for p in items:
                if p.state != "waiting":
                    raise ConflictError("parcel.not_waiting", code=p.code, state=p.state)
            for p in items:
                self._escalate(s, op, p, when, why)
            s.flush()
            return self._views(s, ids)

    def _escalate(self, s, op: Operator, p: Parcel, when: datetime, why: str) -> None:  # noqa: ANN001
        p.suspicious, p.state, p.state_at = True, "escalated", when
        self._event(s, p, "escalated", op, when, reason=why)
        record(s, op.id, "parcel.escalate", "parcel", p.id, {"state": "waiting"},
               {"state": "escalated", "code": p.code, "reason": why})

    def resolve_escalation(self, item_id: int, outcome: str, note: str, *, handed_to: str = "",
                           at: datetime | None = None) -> ParcelView:
        """The supervisor's decision on an escalated item: ``release`` (back to waiting),
        ``return`` (to the post office) or ``dispose``."""
        return self.resolve_escalations([item_id], outcome, note, handed_to=handed_to, at=at)[0]

    def resolve_escalations(self, item_ids: Sequence[int], outcome: str, note: str, *, handed_to: str = "",
                            at: datetime | None = None) -> list[ParcelView]:
        """One decision for several escalated items: all or none."""
        op = self.ctx.require_operator("supervisor")
        ids = self._ids(item_ids)
        errors = FieldErrors()
        if outcome not in ESCALATION_OUTCOMES:
            errors.add("outcome", "parcel.outcome_unknown")
        why = errors.check("note", _text(500, required=True), note)
        who = errors.check("handed_to", normalize_name, handed_to) if outcome == "return" else ""
        errors.raise_if_any()
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            items = self._load(s, ids)
            for p in items:
                if p.state != "escalated":
                    raise ConflictError("parcel.not_escalated", code=p.code, state=p.state)
            state, kind = {"release": ("waiting", "released"), "return": ("returned", "returned"),
                           "dispose": ("disposed", "disposed")}[outcome]
            for p in items:
                p.state, p.state_at = state, when
                self._event(s, p, kind, op, when, reason=why, person=who or "")
                record(s, op.id, "parcel.resolve", "parcel", p.id, {"state": "escalated"},
                       {"state": state, "outcome": outcome, "reason": why})
            s.flush()
            return self._views(s, ids)

    def report(self, item_id: int, kind: str, note: str, *, at: datetime | None = None) -> ParcelView:
        """Report an item ``lost`` (it leaves the shelf for good) or ``damaged`` (kept, flagged)."""
        return self.report_items([item_id], kind, note, at=at)[0]

    def report_items(self, item_ids: Sequence[int], kind: str, note: str, *,
                     at: datetime | None = None) -> list[ParcelView]:
        """Report several items lost or damaged at once: all or none."""
        op = self.ctx.require_operator()
        ids = self._ids(item_ids)
        errors = FieldErrors()
        if kind not in REPORT_KINDS:
            errors.add("kind", "parcel.report_kind_unknown")
        why = errors.check("note", _text(500, required=True), note)
        errors.raise_if_any()
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            items = self._load(s, ids)
            for p in items:
                if p.state in FINAL_STATES:
                    raise ConflictError("parcel.not_waiting", code=p.code, state=p.state)
            for p in items:
                before = {"state": p.state, "damaged": p.damaged}
                if kind == "lost":
                    p.state, p.state_at = "lost", when
                else:
                    p.damaged = True
                self._event(s, p, kind, op, when, reason=why)
                record(s, op.id, f"parcel.report_{kind}", "parcel", p.id, before,
                       {"state": p.state, "damaged": p.damaged, "code": p.code, "reason": why})
            s.flush()
            return self._views(s, ids)

    def uncollected(self, at: datetime | None = None) -> list[ParcelView]:
        """Items waiting longer than ``parcels.uncollected_days``: to return or dispose of."""
        days = int(self._setting("parcels.uncollected_days"))
        limit = (at or now()) - timedelta(days=days)
        with self.ctx.db.read() as s:
            ids = s.execute(select(Parcel.id).where(Parcel.state == "waiting", Parcel.received_at <= limit)
                            .order_by(Parcel.received_at, Parcel.id)).scalars().all()
            return self._views(s, list(ids))

    # -- courier batches ------------------------------------------------------------------------

    def open_batch(self, *, courier: str = "", carrier: str = "", expected_count: int | None = None,
                   manifest: str | bytes | None = None, at: datetime | None = None) -> BatchView:
        """Start checking a courier's delivery: a typed count or a CSV manifest (or both)."""
        op = self.ctx.require_operator()
        errors = FieldErrors()
        who = errors.check("courier", _text(64), courier)
        car = errors.check("carrier", _text(16), carrier)
        if expected_count is not None and (not isinstance(expected_count, int) or isinstance(expected_count, bool)
                                           or not 0 <= expected_count <= 5000):
            errors.add("expected_count", "parcel.expected_range", max=5000)
        codes: list[str] = []
        if manifest is not None:
            codes = errors.check("manifest", parse_manifest, manifest) or []
        if expected_count is None and manifest is None:
            errors.add("expected_count", "parcel.expected_required")
        errors.raise_if_any()
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            b = ParcelBatch(opened_at=when, opened_by_id=op.id, courier=who or "", carrier=car or "",
                            expected_count=expected_count, manifest_count=len(codes), matched=0, missing=0,
                            unexpected=0, note="")
            s.add(b)
            s.flush()
            for code in codes:
                s.add(ParcelBatchLine(batch_id=b.id, kind="manifest", code=code))
            record(s, op.id, "parcel.batch_open", "parcel_batch", b.id, after={
                "courier": b.courier, "expected_count": expected_count, "manifest_count": len(codes)})
            s.flush()
            return self._batch_view(s, b.id)

    def batch(self, batch_id: int) -> BatchView:
        """The batch with its comparison so far (manifest by code, or the typed count)."""
        with self.ctx.db.read() as s:
            return self._batch_view(s, batch_id)

    def close_batch(self, batch_id: int, note: str = "", *, at: datetime | None = None) -> BatchView:
        """Finish the check: the differences are kept as result lines (append-only)."""
        op = self.ctx.require_operator()
        text = _clean(note, "note", 1000)
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            b = s.get(ParcelBatch, batch_id)
            if b is None:
                raise NotFoundError("parcel.batch_not_found")
            if b.closed_at is not None:
                raise ConflictError("parcel.batch_closed")
            view = self._batch_view(s, batch_id)
            c = view.comparison
            by_code = dict(s.execute(select(Parcel.code, Parcel.id).where(Parcel.batch_id == batch_id)).all())
            for kind, codes in (("matched", c.matched if b.manifest_count else ()), ("missing", c.missing),
                                ("unexpected", c.unexpected if b.manifest_count else ())):
                for code in codes:
                    s.add(ParcelBatchLine(batch_id=b.id, kind=kind, code=code, parcel_id=by_code.get(code)))
            b.closed_at, b.closed_by_id, b.note = when, op.id, text
            b.matched, b.missing, b.unexpected = len(c.matched), c.missing_count, c.unexpected_count
            record(s, op.id, "parcel.batch_close", "parcel_batch", b.id, {"closed_at": None}, {
                "closed_at": when, "expected": c.expected, "scanned": c.scanned, "missing": list(c.missing),
                "unexpected": list(c.unexpected), "missing_count": c.missing_count,
                "unexpected_count": c.unexpected_count})
            s.flush()
            return self._batch_view(s, batch_id)

    def _batch_view(self, s, batch_id: int) -> BatchView:  # noqa: ANN001
        b = s.get(ParcelBatch, batch_id)
        if b is None:
            raise NotFoundError("parcel.batch_not_found")
        scanned = s.execute(select(Parcel.code).where(Parcel.batch_id == batch_id).order_by(Parcel.id)).scalars().all()
        manifest = None
        if b.manifest_count:
            manifest = s.execute(select(ParcelBatchLine.code).where(ParcelBatchLine.batch_id == batch_id,
                                                                     ParcelBatchLine.kind == "manifest")
                                 .order_by(ParcelBatchLine.id)).scalars().all()
        comparison = compare_batch(list(scanned), manifest=manifest, expected_count=b.expected_count)
        return BatchView(b.id, b.opened_at, b.courier, b.carrier, b.expected_count, b.manifest_count,
                         len(scanned), b.closed_at, comparison)

    # -- notifications --------------------------------------------------------------------------

    def set_contact(self, unit_code: str, email: str, *, name: str = "", occupant_id: int | None = None,
                    active: bool = True) -> ContactView:
        """Where a unit wants its notices e-mailed (one address per unit; a new one replaces it)."""
        op = self.ctx.require_operator()
        errors = FieldErrors()
        address = (email or "").strip()
        if not _EMAIL.fullmatch(address) or len(address) > 254:
            errors.add("email", "parcel.email_invalid")
        who = errors.check("name", _text(64), name)
        with self.ctx.db.write() as s:
            unit = self._unit(s, unit_code, errors)
            if unit is None and not errors:
                errors.add("unit_code", "parcel.unit_required")
            occ = self._occupant(s, occupant_id, unit, errors)
            errors.raise_if_any()
            row = s.execute(select(ParcelContact).where(ParcelContact.unit_id == unit.id)
                            .order_by(ParcelContact.id.desc()).limit(1)).scalar_one_or_none()
            before = None
            if row is None:
                row = ParcelContact(unit_id=unit.id, email=address, created_at=now(), created_by_id=op.id)
                s.add(row)
            else:
                before = {"email": row.email, "active": row.active, "name": row.name}
            row.email, row.name, row.active = address, who or "", bool(active)
            row.occupant_id = occ.id if occ else None
            s.flush()
            record(s, op.id, "parcel.contact", "parcel_contact", row.id, before,
                   {"unit": unit.code, "email": address, "active": bool(active)})
            return ContactView(row.id, unit.id, unit.code, row.occupant_id, row.name, row.email, row.active)

    def notices(self, *, unit_ids: Sequence[int] | None = None, kind: str = "notice") -> list[PickupNotice]:
        """One notice per unit listing everything waiting for it (all units with items if None)."""
        from app.services.property import PropertyService

        profile = PropertyService(self.ctx).profile()
        with self.ctx.db.read() as s:
            q = (select(Parcel.unit_id, Unit.code, Parcel.code, Parcel.item_type, Parcel.received_at, Parcel.shelf)
                 .join(Unit, Unit.id == Parcel.unit_id).where(Parcel.state == "waiting")
                 .order_by(Unit.code, Parcel.received_at, Parcel.id))
            if unit_ids is not None:
                q = q.where(Parcel.unit_id.in_(list(unit_ids)))
            grouped: dict[int, tuple[str, list[NoticeItem]]] = {}
            for uid, ucode, code, itype, received, shelf in s.execute(q):
                grouped.setdefault(uid, (ucode, []))[1].append(NoticeItem(code, itype, received, shelf))
            emails: dict[int, list[str]] = {}
            if grouped:
                for uid, email in s.execute(select(ParcelContact.unit_id, ParcelContact.email)
                                            .where(ParcelContact.unit_id.in_(list(grouped)),
                                                   ParcelContact.active.is_(True))):
                    emails.setdefault(uid, []).append(email)
        return [PickupNotice(uid, ucode, tuple(items), tuple(emails.get(uid, ())), kind,
                             profile.name if profile else "", profile.phone if profile else "")
                for uid, (ucode, items) in grouped.items()]

    def notify_waiting(self, notifiers: Sequence[Notifier], *,
                       unit_ids: Sequence[int] | None = None) -> NoticeResult:
        """Tell every unit with items waiting (or those in ``unit_ids``): one message per unit."""
        self.ctx.require_operator()
        return self._deliver(self.notices(unit_ids=unit_ids), notifiers, "notified")

    def notify_unit(self, unit_id: int, notifiers: Sequence[Notifier]) -> NoticeResult:
        """Tell one unit what is waiting for it (one message listing every item)."""
        self.ctx.require_operator()
        return self._deliver(self.notices(unit_ids=[unit_id]), notifiers, "notified")

    def reminders_due(self, at: datetime | None = None) -> list[PickupNotice]:
        """The reminder bundle: one notice per unit with an item waiting ``parcels.reminder_days``
        or more that was not notified in the last ``parcels.reminder_days`` — listing everything
        waiting for that unit, not only the old items."""
        days = int(self._setting("parcels.reminder_days"))
        limit = (at or now()) - timedelta(days=days)
        with self.ctx.db.read() as s:
            units = s.execute(select(Parcel.unit_id).distinct().where(
                Parcel.state == "waiting", Parcel.unit_id.is_not(None), Parcel.received_at <= limit,
                (Parcel.notified_at.is_(None)) | (Parcel.notified_at <= limit))).scalars().all()
        if not units:
            return []
        return self.notices(unit_ids=list(units), kind="reminder")

    def send_reminders(self, notifiers: Sequence[Notifier], *, at: datetime | None = None) -> NoticeResult:
        """Send each due reminder through the first notifier that can reach the unit."""
        self.ctx.require_operator()
        return self._deliver(self.reminders_due(at), notifiers, "reminded", at=at)

    def _deliver(self, notices: Sequence[PickupNotice], notifiers: Sequence[Notifier], kind: str,
                 at: datetime | None = None) -> NoticeResult:
        sent: list[tuple[str, str, int]] = []
        failed: list[tuple[str, str]] = []
        skipped: list[str] = []
        for notice in notices:
            channel = None
            try:
                for n in notifiers:
                    if n.send(notice):
                        channel = n.channel
                        break
            except NotifyError as exc:
                failed.append((notice.unit_code, exc.key))
                continue
            if channel is None:
                skipped.append(notice.unit_code)
                continue
            self._mark_notified(notice, channel, kind, at)
            sent.append((notice.unit_code, channel, len(notice.items)))
        return NoticeResult(tuple(sent), tuple(failed), tuple(skipped))

    def _mark_notified(self, notice: PickupNotice, channel: str, kind: str, at: datetime | None) -> None:
        """After a notice went out (outside any transaction): its items are marked, audited."""
        op = self.ctx.require_operator()
        when = (at or now()).replace(microsecond=0)
        codes = [i.code for i in notice.items]
        with self.ctx.db.write() as s:
            items = s.execute(select(Parcel).where(Parcel.unit_id == notice.unit_id, Parcel.state == "waiting",
                                                   Parcel.code.in_(codes))).scalars().all()
            for p in items:
                p.notified_at = when
                self._event(s, p, kind, op, when, detail=channel)
            record(s, op.id, f"parcel.{kind}", "unit", notice.unit_id,
                   after={"unit": notice.unit_code, "channel": channel, "items": len(items)})

    # -- views ----------------------------------------------------------------------------------

    def _views(self, s, ids: Sequence[int]) -> list[ParcelView]:  # noqa: ANN001
        if not ids:
            return []
        recv = aliased(Staff)
        rows = s.execute(
            select(Parcel, Unit.code, recv.display_name, ParcelPickup.at, ParcelPickup.picked_up_by)
            .outerjoin(Unit, Unit.id == Parcel.unit_id)
            .join(recv, recv.id == Parcel.received_by_id)
            .outerjoin(ParcelPickup, and_(ParcelPickup.id == Parcel.pickup_id))
            .where(Parcel.id.in_(list(ids)))
        ).all()
        by_id = {}
        for p, ucode, rname, pat, pby in rows:
            by_id[p.id] = ParcelView(
                id=p.id, code=p.code, internal=p.internal, carrier=p.carrier, check_digit=p.check_digit,
                item_type=p.item_type, unit_id=p.unit_id, unit_code=ucode or "", occupant_id=p.occupant_id,
                recipient_name=p.recipient_name, shelf=p.shelf, perishable=p.perishable,
                signature_required=p.signature_required, fragile=p.fragile, suspicious=p.suspicious,
                damaged=p.damaged, received_at=p.received_at, received_by=rname, courier=p.courier,
                batch_id=p.batch_id, state=p.state, state_at=p.state_at, pickup_id=p.pickup_id,
                picked_up_at=pat, picked_up_by=pby or "", notified_at=p.notified_at, note=p.note)
        return [by_id[i] for i in ids if i in by_id]

    def _pickup_view(self, s, pickup_id: int) -> PickupView:  # noqa: ANN001
        pk = s.get(ParcelPickup, pickup_id)
        if pk is None:
            raise NotFoundError("parcel.pickup_not_found")
        staff = s.get(Staff, pk.staff_id)
        unit = s.get(Unit, pk.unit_id) if pk.unit_id else None
        ids = s.execute(select(Parcel.id).where(Parcel.pickup_id == pickup_id).order_by(Parcel.id)).scalars().all()
        return PickupView(pk.id, pk.at, staff.display_name if staff else "", unit.code if unit else "",
                          pk.picked_up_by, pk.relation, pk.id_checked, pk.signed_on_screen, pk.signed_on_paper,
                          tuple(self._views(s, list(ids))))

    def count(self) -> int:
        with self.ctx.db.read() as s:
            return int(s.execute(select(func.count(Parcel.id))).scalar_one())


def _field(key: str, **params: Any):  # noqa: ANN202
    from app.errors import FieldError

    return FieldError(key, params)


def _clean(value: str, name: str, max_length: int, required: bool = False) -> str:
    errors = FieldErrors()
    out = errors.check(name, _text(max_length, required=required), value)
    errors.raise_if_any()
    return out or ""


def _clean_required(value: str, name: str) -> str:
    return _clean(value, name, 500, required=True)
