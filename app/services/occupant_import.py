"""Bulk import of occupant files (业户档案) from a spreadsheet: validate all, then write all.

Reached through ``OccupantService.import_records``. The rule is "all or nothing" unless the
caller asks to skip invalid rows: a half-imported directory is worse than none, because the
next attempt would duplicate the rows that did get in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app.context import AppContext
from app.errors import DomainError, PermissionDeniedError, ValidationError
from app.security import role_at_least
from app.services.audit import record
from app.services.occupants import (
    CleanOccupant,
    OccupantInput,
    add_occupant,
    validate_occupant,
)
from app.validation import normalize_text
from db.models import Building, Occupant, Unit

# "A-1203", "3-2-501": the part before the first dash is the building.
_DASH_PREFIX = re.compile(r"^([A-Za-z0-9]{1,8})-")
# "3栋2单元501", "B座1203": a building number or letter with its Chinese word.
_CN_PREFIX = re.compile(r"^([A-Za-z0-9]{1,8})(栋|幢|座|号楼)")
# The trailing room number: its last two digits are the room, the rest the floor.
_ROOM = re.compile(r"(\d{3,4})$")


@dataclass(frozen=True)
class RowError:
    """One problem with one row of an import file.

    ``row`` is the row number as the file shows it (the header is row 1 in a spreadsheet);
    ``key`` and ``params`` are a message key like every other error of the services.
    """

    row: int
    field: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportRow:
    """One data row as read from a file: its number, the occupant, and the optional building.

    ``errors`` holds what went wrong while reading the row (a date that is not a date); the
    row then counts as invalid even if the rest of it is fine.
    """

    row: int
    data: OccupantInput
    building: str = ""
    errors: tuple[RowError, ...] = ()


@dataclass(frozen=True)
class ImportReport:
    """What an import found and did. Nothing was written when ``committed`` is False."""

    total: int
    imported: int
    committed: bool
    errors: tuple[RowError, ...] = ()
    invalid_rows: tuple[int, ...] = ()
    created_buildings: tuple[str, ...] = ()
    created_units: tuple[str, ...] = ()

    @property
    def skipped(self) -> int:
        """Rows not imported: the invalid ones, or every row when nothing was committed."""
        return self.total - self.imported


def derive_building(unit_code: str) -> tuple[str, str] | None:
    """The building ``(code, name)`` a unit code names: ``A-1203`` → ``("A", "A栋")``.

    ``3栋2单元501`` → ``("3", "3栋")``. None when the code does not say.
    """
    code = (unit_code or "").strip()
    m = _DASH_PREFIX.match(code)
    if m:
        b = m.group(1).upper()
        return b, f"{b}栋"
    m = _CN_PREFIX.match(code)
    if m:
        return m.group(1).upper(), m.group(1).upper() + m.group(2)
    return None


def derive_floor(unit_code: str) -> int | None:
    """The floor in a unit code's room number: ``A-1203`` → 12, ``3栋2单元501`` → 5."""
    m = _ROOM.search((unit_code or "").strip())
    if not m:
        return None
    floor = int(m.group(1)[:-2])
    return floor or None


def _field_errors(row: int, exc: ValidationError) -> list[RowError]:
    return [RowError(row, name, err.key, dict(err.params)) for name, err in exc.fields.items()]


@dataclass
class _Plan:
    """What the validated rows need: new buildings and units, and the occupants to add."""

    new_buildings: dict[str, str] = field(default_factory=dict)  # code → name
    new_units: dict[str, tuple[str, int | None]] = field(default_factory=dict)  # code → (building, floor)
    occupants: list[tuple[int, CleanOccupant, str]] = field(default_factory=list)  # row, data, unit code


class OccupantImporter:
    """Validates every row against the database, then writes the valid ones in one transaction."""

    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    def run(
        self, rows: Sequence[OccupantInput | ImportRow], *, skip_invalid: bool, create_units: bool = True
    ) -> ImportReport:
        # Keeping occupant files is a supervisor's job (as for single occupants).
        op = self.ctx.require_operator("supervisor")
        items = [r if isinstance(r, ImportRow) else ImportRow(i + 1, r) for i, r in enumerate(rows)]
        with self.ctx.db.write() as s:
            errors, plan = self._validate(s, items, create_units)
            invalid = tuple(sorted({e.row for e in errors}))
            if errors and not skip_invalid:
                return ImportReport(len(items), 0, False, tuple(errors), invalid)
            if (plan.new_buildings or plan.new_units) and not role_at_least(op.role, "manager"):
                # Adding buildings and units is a manager's decision (PropertyService.add_unit).
                raise PermissionDeniedError("auth.role_required", role="manager")
            if not plan.occupants:
                return ImportReport(len(items), 0, False, tuple(errors), invalid)
            self._write(s, op.id, plan, invalid)
            return ImportReport(
                len(items), len(plan.occupants), True, tuple(errors), invalid,
                tuple(sorted(plan.new_buildings)), tuple(sorted(plan.new_units)),
            )

    # -- validation ----------------------------------------------------------------------

    def _validate(self, s, items: list[ImportRow], create_units: bool) -> tuple[list[RowError], _Plan]:
        buildings = list(s.execute(select(Building)).scalars())
        by_code = {b.code.upper(): b for b in buildings}
        by_name = {b.name: b for b in buildings}
        building_of_id = {b.id: b for b in buildings}
        units = {u.code.upper(): u for u in s.execute(select(Unit)).scalars()}
        # Active occupants already on file, so importing the same sheet twice is caught.
        existing = {
            (unit_code.upper(), name)
            for unit_code, name in s.execute(
                select(Unit.code, Occupant.name).join(Occupant, Occupant.unit_id == Unit.id)
                .where(Occupant.active.is_(True))
            ).all()
        }
        plan = _Plan()
        errors: list[RowError] = []
        seen: dict[tuple[str, str], int] = {}

        for item in items:
            row_errors = list(item.errors)
            try:
                clean = validate_occupant(item.data)
            except ValidationError as exc:
                errors.extend(row_errors + _field_errors(item.row, exc))
                continue
            try:
                building_text = normalize_text(item.building, max_length=64)
            except DomainError as exc:
                row_errors.append(RowError(item.row, "building", exc.key, dict(exc.params)))
                building_text = ""
            unit_key = clean.unit_code.upper()
            unit = units.get(unit_key)
            unit_code = unit.code if unit is not None else unit_key
            if unit is not None:
                if building_text:
                    b = building_of_id[unit.building_id]
                    if building_text.upper() != b.code.upper() and building_text != b.name:
                        row_errors.append(RowError(item.row, "building", "import.building_mismatch",
                                                   {"unit": unit.code, "building": building_text}))
            elif not create_units:
                row_errors.append(RowError(item.row, "unit", "unit.not_found", {"unit": clean.unit_code}))
            else:
                problem = self._plan_unit(plan, unit_key, building_text, by_code, by_name)
                if problem is not None:
                    row_errors.append(RowError(item.row, problem[0], problem[1], problem[2]))

            key = (unit_code.upper(), clean.name)
            if key in existing:
                row_errors.append(RowError(item.row, "name", "import.duplicate_existing",
                                           {"unit": unit_code, "name": clean.name}))
            elif key in seen:
                row_errors.append(RowError(item.row, "name", "import.duplicate_in_file",
                                           {"unit": unit_code, "name": clean.name, "first_row": seen[key]}))
            elif not row_errors:
                # Only a row that will be imported makes later copies of it duplicates.
                seen[key] = item.row
            if row_errors:
                errors.extend(row_errors)
            else:
                plan.occupants.append((item.row, clean, unit_code))

        # A unit planned only for rows that turned out invalid must not be created.
        wanted = {code for _, _, code in plan.occupants}
        plan.new_units = {c: v for c, v in plan.new_units.items() if c in wanted}
        used = {b for b, _ in plan.new_units.values()}
        plan.new_buildings = {c: n for c, n in plan.new_buildings.items() if c in used}
        return errors, plan

    @staticmethod
    def _plan_unit(
        plan: _Plan, unit_code: str, building_text: str, by_code: dict[str, Building], by_name: dict[str, Building]
    ) -> tuple[str, str, dict[str, Any]] | None:
        """Note the new unit (and building) a row needs; return ``(field, key, params)`` if impossible."""
        if unit_code in plan.new_units:
            # A second occupant of a unit this file creates: the building must agree.
            building_code = plan.new_units[unit_code][0]
            known = by_code.get(building_code)
            building_name = known.name if known is not None else plan.new_buildings.get(building_code, "")
            if building_text and building_text.upper() != building_code and building_text != building_name:
                return "building", "import.building_mismatch", {"unit": unit_code, "building": building_text}
            return None
        derived = derive_building(unit_code)
        if building_text:
            b = by_code.get(building_text.upper()) or by_name.get(building_text)
            if b is not None:
                if derived and derived[0] != b.code.upper():
                    return "building", "import.building_mismatch", {"unit": unit_code, "building": building_text}
                plan.new_units[unit_code] = (b.code.upper(), derive_floor(unit_code))
                return None
            code = derived[0] if derived else building_text.upper()
            if code in by_code:
                # The unit code says building A exists, the building column says another one.
                return "building", "import.building_mismatch", {"unit": unit_code, "building": building_text}
            if len(code) > 32:
                return "building", "text.too_long", {"max": 32}
            plan.new_buildings.setdefault(code, building_text)
            plan.new_units[unit_code] = (code, derive_floor(unit_code))
            return None
        if derived is None:
            return "unit", "import.unit_building_unknown", {"unit": unit_code}
        code, name = derived
        if code not in by_code:
            plan.new_buildings.setdefault(code, name)
        plan.new_units[unit_code] = (code, derive_floor(unit_code))
        return None

    # -- writing -------------------------------------------------------------------------

    @staticmethod
    def _write(s, staff_id: int, plan: _Plan, invalid: tuple[int, ...]) -> None:
        buildings = {b.code.upper(): b for b in s.execute(select(Building)).scalars()}
        for code, name in sorted(plan.new_buildings.items()):
            b = Building(code=code, name=name, created_by_id=staff_id)
            s.add(b)
            s.flush()
            record(s, staff_id, "building.create", "building", b.id, after={"code": code, "name": name})
            buildings[code] = b
        units = {u.code.upper(): u for u in s.execute(select(Unit)).scalars()}
        for code, (building_code, floor) in sorted(plan.new_units.items()):
            b = buildings[building_code]
            u = Unit(building_id=b.id, code=code, floor=floor, created_by_id=staff_id)
            s.add(u)
            s.flush()
            record(s, staff_id, "unit.create", "unit", u.id, after={"code": code, "building_id": b.id})
            units[code] = u
        for _row, clean, unit_code in plan.occupants:
            add_occupant(s, staff_id, clean, units[unit_code.upper()])
        # One summary row ties the individual rows to the import that wrote them.
        record(s, staff_id, "occupant.import", "occupant", None, after={
            "imported": len(plan.occupants), "skipped_rows": list(invalid),
            "buildings": sorted(plan.new_buildings), "units": len(plan.new_units),
        })
