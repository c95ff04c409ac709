"""The property profile, buildings and units."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.context import AppContext
from app.errors import FieldError, FieldErrors, NotFoundError, ValidationError
from app.services.audit import record
from app.validation import normalize_text
from db.models import Building, PropertyProfile, Unit, now


@dataclass(frozen=True)
class ProfileView:
    name: str
    address: str
    phone: str


@dataclass(frozen=True)
class BuildingView:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class UnitView:
    id: int
    code: str
    building_id: int
    floor: int | None


def validate_profile(name: str, address: str, phone: str) -> ProfileView:
    """Check the profile fields (printed on every form) and return them cleaned."""
    errors = FieldErrors()
    n = errors.check("name", lambda v: normalize_text(v, max_length=128, required=True), name)
    a = errors.check("address", lambda v: normalize_text(v, max_length=255), address)
    p = errors.check("phone", lambda v: normalize_text(v, max_length=32), phone)
    errors.raise_if_any()
    return ProfileView(n, a, p)


class PropertyService:
    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    def profile(self) -> ProfileView | None:
        """The property's name, address and phone, or None before first-run set-up."""
        with self.ctx.db.read() as s:
            row = s.get(PropertyProfile, 1)
            return ProfileView(row.name, row.address, row.phone) if row else None

    def save_profile(self, name: str, address: str, phone: str, *, first_run: bool = False) -> ProfileView:
        """Create or change the profile (managers and above; anyone at first run)."""
        op_id = None
        if not first_run or self.profile() is not None:
            op_id = self.ctx.require_operator("manager").id
        view = validate_profile(name, address, phone)
        with self.ctx.db.write() as s:
            row = s.get(PropertyProfile, 1)
            before = None
            if row is None:
                row = PropertyProfile(id=1, name=view.name, address=view.address, phone=view.phone)
                s.add(row)
            else:
                before = {"name": row.name, "address": row.address, "phone": row.phone}
                row.name, row.address, row.phone = view.name, view.address, view.phone
                row.updated_at = now()
            s.flush()
            record(s, op_id, "property.save", "property_profile", 1, before,
                   {"name": view.name, "address": view.address, "phone": view.phone})
        return view

    def add_building(self, code: str, name: str) -> BuildingView:
        """Register a building (managers and above)."""
        op = self.ctx.require_operator("manager")
        errors = FieldErrors()
        c = errors.check("code", lambda v: normalize_text(v, max_length=32, required=True), code)
        n = errors.check("name", lambda v: normalize_text(v, max_length=64, required=True), name)
        errors.raise_if_any()
        with self.ctx.db.write() as s:
            if s.execute(select(Building.id).where(Building.code == c)).first():
                raise ValidationError({"code": FieldError("building.code_taken")})
            b = Building(code=c, name=n, created_by_id=op.id)
            s.add(b)
            s.flush()
            record(s, op.id, "building.create", "building", b.id, after={"code": c, "name": n})
            return BuildingView(b.id, b.code, b.name)

    def add_unit(self, building_id: int, code: str, floor: int | None = None) -> UnitView:
        """Register a unit (房号) in a building (managers and above)."""
        op = self.ctx.require_operator("manager")
        errors = FieldErrors()
        c = errors.check("code", lambda v: normalize_text(v, max_length=32, required=True), code)
        errors.raise_if_any()
        with self.ctx.db.write() as s:
            if s.get(Building, building_id) is None:
                raise NotFoundError("building.not_found")
            if s.execute(select(Unit.id).where(Unit.code == c)).first():
                raise ValidationError({"code": FieldError("unit.code_taken")})
            u = Unit(building_id=building_id, code=c, floor=floor, created_by_id=op.id)
            s.add(u)
            s.flush()
            record(s, op.id, "unit.create", "unit", u.id, after={"code": c, "building_id": building_id})
            return UnitView(u.id, u.code, u.building_id, u.floor)

    def buildings(self) -> list[BuildingView]:
        with self.ctx.db.read() as s:
            rows = s.execute(select(Building).order_by(Building.code)).scalars()
            return [BuildingView(b.id, b.code, b.name) for b in rows]

    def units(self, building_id: int | None = None) -> list[UnitView]:
        """Units of one building, or of the whole property, by code."""
        with self.ctx.db.read() as s:
            q = select(Unit).order_by(Unit.code)
            if building_id is not None:
                q = q.where(Unit.building_id == building_id)
            return [UnitView(u.id, u.code, u.building_id, u.floor) for u in s.execute(q).scalars()]

    def find_unit(self, code: str) -> UnitView | None:
        """The unit with exactly this code, if any."""
        with self.ctx.db.read() as s:
            u = s.execute(select(Unit).where(Unit.code == (code or "").strip())).scalar_one_or_none()
            return UnitView(u.id, u.code, u.building_id, u.floor) if u else None
