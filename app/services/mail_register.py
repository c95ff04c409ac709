"""The mail register (业户邮件收发记录) and the daily parcel log, read from the parcel tables.

Read-only: ``ParcelService`` writes the parcels; this service lays them out as the counter's
paper registers list them — date received, unit, recipient, item type, carrier and number,
who received it, who picked it up and when, signed or not. Nothing here reads an item's note:
printed lists and exports name the item, never what is inside.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import aliased

from app.context import AppContext
from app.errors import FieldError, ValidationError
from db.models import Parcel, ParcelPickup, Staff, Unit

PAGE = 1000


@dataclass(frozen=True)
class MailRow:
    """One item in the mail register."""

    id: int
    received_at: datetime
    unit_code: str
    recipient: str
    item_type: str
    carrier: str
    code: str
    courier: str
    shelf: str
    received_by: str
    state: str
    state_at: datetime
    picked_up_at: datetime | None
    picked_up_by: str
    relation: str
    #: True/False once picked up (signed on screen or on paper); None while not picked up
    signed: bool | None
    pickup_id: int | None


@dataclass(frozen=True)
class PickupLine:
    """One hand-over of the day: one signature for one or more items of one unit."""

    id: int
    at: datetime
    unit_code: str
    picked_up_by: str
    relation: str
    id_checked: bool
    signed: bool
    staff_name: str
    items: tuple[MailRow, ...]


@dataclass(frozen=True)
class OutstandingLine:
    """An item still at the counter at the end of the day, with the reason recorded that day."""

    item: MailRow
    days_waiting: int
    reason: str


@dataclass(frozen=True)
class DailyParcelLog:
    day: date
    intake: tuple[MailRow, ...]
    pickups: tuple[PickupLine, ...]
    outstanding: tuple[OutstandingLine, ...]


class MailRegisterService:
    """The mail register and the daily parcel log (read-only)."""

    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    def rows(self, date_from: date, date_to: date) -> Iterator[MailRow]:
        """Items received ``date_from``..``date_to`` (inclusive), in order of arrival."""
        if date_to < date_from:
            raise ValidationError({"date_to": FieldError("date.range_reversed")})
        start = datetime.combine(date_from, time.min)
        end = datetime.combine(date_to + timedelta(days=1), time.min)
        after = (start - timedelta(seconds=1), 0)
        while True:
            with self.ctx.db.read() as s:
                t, i = after
                ids = s.execute(
                    select(Parcel.id, Parcel.received_at)
                    .where(Parcel.received_at >= start, Parcel.received_at < end,
                           (Parcel.received_at > t) | ((Parcel.received_at == t) & (Parcel.id > i)))
                    .order_by(Parcel.received_at, Parcel.id).limit(PAGE)).all()
                if not ids:
                    return
                rows = self._rows(s, [r[0] for r in ids])
            yield from rows
            after = (ids[-1][1], ids[-1][0])

    def daily_log(self, day: date) -> DailyParcelLog:
        """One day at the counter: what came in, what was picked up, what is still here and why."""
        from app.services.parcels import ParcelService

        start = datetime.combine(day, time.min)
        end = datetime.combine(day + timedelta(days=1), time.min)
        intake = tuple(self.rows(day, day))
        held = ParcelService(self.ctx).end_of_day(day)
        with self.ctx.db.read() as s:
            staff = aliased(Staff)
            pks = s.execute(select(ParcelPickup, Unit.code, staff.display_name)
                            .outerjoin(Unit, Unit.id == ParcelPickup.unit_id)
                            .join(staff, staff.id == ParcelPickup.staff_id)
                            .where(ParcelPickup.at >= start, ParcelPickup.at < end)
                            .order_by(ParcelPickup.at, ParcelPickup.id)).all()
            items: dict[int, list[MailRow]] = {}
            if pks:
                ids = s.execute(select(Parcel.id).where(Parcel.pickup_id.in_([p.id for p, _, _ in pks]))
                                .order_by(Parcel.id)).scalars().all()
                for r in self._rows(s, list(ids)):
                    items.setdefault(r.pickup_id, []).append(r)
            pickups = tuple(PickupLine(p.id, p.at, ucode or "", p.picked_up_by, p.relation, p.id_checked,
                                       p.signed_on_screen or p.signed_on_paper, sname, tuple(items.get(p.id, ())))
                            for p, ucode, sname in pks)
            rows = {r.id: r for r in self._rows(s, [h.item.id for h in held])}
        outstanding = tuple(OutstandingLine(rows[h.item.id], (day - h.item.received_at.date()).days, h.reason)
                            for h in held if h.item.id in rows)
        return DailyParcelLog(day, intake, pickups, outstanding)

    @staticmethod
    def _rows(s, ids: list[int]) -> list[MailRow]:  # noqa: ANN001
        if not ids:
            return []
        recv = aliased(Staff)
        result = s.execute(
            select(Parcel.id, Parcel.received_at, Unit.code, Parcel.recipient_name, Parcel.item_type, Parcel.carrier,
                   Parcel.code, Parcel.courier, Parcel.shelf, recv.display_name, Parcel.state, Parcel.state_at,
                   ParcelPickup.at, ParcelPickup.picked_up_by, ParcelPickup.relation, ParcelPickup.signed_on_screen,
                   ParcelPickup.signed_on_paper, Parcel.pickup_id)
            .outerjoin(Unit, Unit.id == Parcel.unit_id)
            .join(recv, recv.id == Parcel.received_by_id)
            .outerjoin(ParcelPickup, ParcelPickup.id == Parcel.pickup_id)
            .where(Parcel.id.in_(ids))).all()
        by_id = {}
        for (pid, rat, ucode, recipient, itype, carrier, code, courier, shelf, rname, state, state_at, pat, pby,
             rel, on_screen, on_paper, pickup_id) in result:
            by_id[pid] = MailRow(pid, rat, ucode or "", recipient, itype, carrier, code, courier, shelf, rname, state,
                                 state_at, pat, pby or "", rel or "",
                                 None if pickup_id is None else bool(on_screen or on_paper), pickup_id)
        return [by_id[i] for i in ids if i in by_id]
