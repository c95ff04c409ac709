"""The occupant directory (业户档案): one file per household, searched at the counter."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.context import AppContext
from app.errors import FieldError, FieldErrors, NotFoundError, ValidationError
from app.search import terms_for
from app.services.audit import record
from app.text import mask_phone, pinyin_initials, reverse_digits
from app.validation import normalize_name, normalize_phone, normalize_text
from db.models import Occupant, OccupantMember, Unit
from db.repositories.occupants import OccupantRepository

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.services.occupant_import import ImportReport, ImportRow

OCCUPANT_KINDS = ("owner", "tenant")


@dataclass(frozen=True)
class MemberInput:
    name: str
    relation: str = ""
    phone: str = ""


@dataclass(frozen=True)
class OccupantInput:
    """What the occupant form or an import row supplies."""

    unit_code: str
    name: str
    phone: str = ""
    kind: str = "owner"
    move_in_date: date | None = None
    emergency_name: str = ""
    emergency_phone: str = ""
    note: str = ""
    members: tuple[MemberInput, ...] = ()


@dataclass(frozen=True)
class MemberView:
    name: str
    relation: str
    phone: str


@dataclass(frozen=True)
class OccupantView:
    id: int
    unit_id: int
    unit_code: str
    name: str
    phone: str
    kind: str
    move_in_date: date | None
    emergency_name: str
    emergency_phone: str
    note: str
    active: bool
    members: tuple[MemberView, ...] = field(default=())

    @property
    def label(self) -> str:
        """``A-1203 张三`` — how a host is shown in lists and on slips."""
        return f"{self.unit_code} {self.name}"

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)


@dataclass(frozen=True)
class CleanOccupant:
    unit_code: str
    name: str
    phone: str
    kind: str
    move_in_date: date | None
    emergency_name: str
    emergency_phone: str
    note: str
    members: tuple[MemberView, ...]


def validate_occupant(data: OccupantInput) -> CleanOccupant:
    """Check every field of an occupant record; raise ``ValidationError`` listing them all."""
    errors = FieldErrors()
    unit = errors.check("unit", lambda v: normalize_text(v, max_length=32, required=True), data.unit_code)
    name = errors.check("name", normalize_name, data.name)
    phone = errors.check("phone", normalize_phone, data.phone)
    if data.kind not in OCCUPANT_KINDS:
        errors.add("kind", "occupant.kind_unknown")
    if data.move_in_date is not None and data.move_in_date > date.today():
        errors.add("move_in_date", "date.in_future")
    ename = errors.check("emergency_name", lambda v: normalize_text(v, max_length=64), data.emergency_name)
    ephone = errors.check("emergency_phone", normalize_phone, data.emergency_phone)
    note = errors.check("note", lambda v: normalize_text(v, max_length=1000), data.note)
    members: list[MemberView] = []
    for i, m in enumerate(data.members):
        mname = errors.check(f"members.{i}.name", normalize_name, m.name)
        mrel = errors.check(f"members.{i}.relation", lambda v: normalize_text(v, max_length=32), m.relation)
        mphone = errors.check(f"members.{i}.phone", normalize_phone, m.phone)
        members.append(MemberView(mname or "", mrel or "", mphone or ""))
    errors.raise_if_any()
    return CleanOccupant(unit, name, phone, data.kind, data.move_in_date, ename, ephone, note, tuple(members))


def occupant_view(o: Occupant, u: Unit, with_members: bool = False) -> OccupantView:
    members = tuple(MemberView(m.name, m.relation, m.phone) for m in o.members) if with_members else ()
    return OccupantView(
        id=o.id, unit_id=u.id, unit_code=u.code, name=o.name, phone=o.phone, kind=o.kind,
        move_in_date=o.move_in_date, emergency_name=o.emergency_name,
        emergency_phone=o.emergency_phone, note=o.note, active=o.active, members=members,
    )


def _snapshot(c: CleanOccupant, unit_id: int) -> dict:
    return {
        "unit_id": unit_id, "name": c.name, "phone": c.phone, "kind": c.kind,
        "move_in_date": c.move_in_date, "emergency_name": c.emergency_name,
        "emergency_phone": c.emergency_phone, "note": c.note,
        "members": [m.__dict__ for m in c.members],
    }


def add_occupant(session, staff_id: int | None, c: CleanOccupant, unit: Unit) -> Occupant:  # noqa: ANN001
    """Insert a validated occupant and its members in ``session``, with its audit row."""
    o = Occupant(
        unit_id=unit.id, name=c.name, name_initials=pinyin_initials(c.name), phone=c.phone,
        phone_rev=reverse_digits(c.phone), kind=c.kind, move_in_date=c.move_in_date,
        emergency_name=c.emergency_name, emergency_phone=c.emergency_phone, note=c.note,
        created_by_id=staff_id,
    )
    session.add(o)
    session.flush()
    for m in c.members:
        session.add(OccupantMember(occupant_id=o.id, name=m.name, relation=m.relation, phone=m.phone))
    record(session, staff_id, "occupant.create", "occupant", o.id, after=_snapshot(c, unit.id))
    return o


class OccupantService:
    """Look up, add and correct occupants (files are kept by supervisors and above).

    Corrections are audited with before/after.
    """

    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    def search(self, text: str, limit: int = 30) -> list[OccupantView]:
        """Occupants whose unit, name, pinyin initials or phone (prefix or last digits) match."""
        terms = terms_for(text)
        with self.ctx.db.read() as s:
            rows = OccupantRepository(s).search(terms, limit=limit)
            return [occupant_view(o, u) for o, u in rows]

    def get(self, occupant_id: int) -> OccupantView:
        """One occupant with household members."""
        with self.ctx.db.read() as s:
            row = OccupantRepository(s).get_with_members(occupant_id)
            if row is None:
                raise NotFoundError("occupant.not_found")
            return occupant_view(*row, with_members=True)

    def create(self, data: OccupantInput) -> OccupantView:
        """Add an occupant to an existing unit."""
        op = self.ctx.require_operator("supervisor")
        c = validate_occupant(data)
        with self.ctx.db.write() as s:
            unit = s.execute(select(Unit).where(Unit.code == c.unit_code)).scalar_one_or_none()
            if unit is None:
                raise ValidationError({"unit": FieldError("unit.not_found", {"unit": c.unit_code})})
            o = add_occupant(s, op.id, c, unit)
            s.refresh(o)
            return occupant_view(o, unit, with_members=True)

    def update(self, occupant_id: int, data: OccupantInput) -> OccupantView:
        """Correct an occupant's file; the audit row keeps what it said before."""
        op = self.ctx.require_operator("supervisor")
        c = validate_occupant(data)
        with self.ctx.db.write() as s:
            row = OccupantRepository(s).get_with_members(occupant_id)
            if row is None:
                raise NotFoundError("occupant.not_found")
            o, old_unit = row
            unit = s.execute(select(Unit).where(Unit.code == c.unit_code)).scalar_one_or_none()
            if unit is None:
                raise ValidationError({"unit": FieldError("unit.not_found", {"unit": c.unit_code})})
            old = occupant_view(o, old_unit, with_members=True)
            before = {
                "unit_id": old.unit_id, "name": old.name, "phone": old.phone, "kind": old.kind,
                "move_in_date": old.move_in_date, "emergency_name": old.emergency_name,
                "emergency_phone": old.emergency_phone, "note": old.note,
                "members": [m.__dict__ for m in old.members],
            }
            o.unit_id = unit.id
            o.name, o.name_initials = c.name, pinyin_initials(c.name)
            o.phone, o.phone_rev = c.phone, reverse_digits(c.phone)
            o.kind, o.move_in_date = c.kind, c.move_in_date
            o.emergency_name, o.emergency_phone, o.note = c.emergency_name, c.emergency_phone, c.note
            for m in list(o.members):
                s.delete(m)
            s.flush()
            for m in c.members:
                s.add(OccupantMember(occupant_id=o.id, name=m.name, relation=m.relation, phone=m.phone))
            record(s, op.id, "occupant.update", "occupant", o.id, before, _snapshot(c, unit.id))
            s.flush()
            s.refresh(o)
            return occupant_view(o, unit, with_members=True)

    def set_active(self, occupant_id: int, active: bool) -> OccupantView:
        """Mark an occupant as moved out (inactive) or back; the file itself is kept."""
        op = self.ctx.require_operator("supervisor")
        with self.ctx.db.write() as s:
            row = OccupantRepository(s).get_with_members(occupant_id)
            if row is None:
                raise NotFoundError("occupant.not_found")
            o, unit = row
            before = o.active
            o.active = active
            record(s, op.id, "occupant.set_active", "occupant", o.id, {"active": before}, {"active": active})
            return occupant_view(o, unit, with_members=True)

    def import_records(
        self, rows: Sequence[OccupantInput | ImportRow], *, skip_invalid: bool, create_units: bool = True
    ) -> ImportReport:
        """Import many occupant files at once, e.g. from a spreadsheet; returns an ``ImportReport``.

        ``rows`` are ``OccupantInput`` (numbered 1, 2, …) or
        ``app.services.occupant_import.ImportRow`` (carrying the file's row number, a building
        column and reading errors). Every row is validated first; if any is invalid and not
        ``skip_invalid``, nothing is imported. Otherwise the valid rows go in one transaction,
        each audited, creating missing buildings and units from the unit codes when
        ``create_units`` (managers and above).
        """
        from app.services.occupant_import import OccupantImporter  # it builds on this module

        return OccupantImporter(self.ctx).run(rows, skip_invalid=skip_invalid, create_units=create_units)
