"""Visitor register queries that must stay fast on a million rows.

Searches run in two steps: the matching ids, newest first, are read from the
``(key, time_in)`` indexes alone; then only one page of full rows is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, and_, func, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

from db.models import Occupant, Staff, Unit, Visit
from db.repositories.common import TextTerms, starts_with


@dataclass(frozen=True)
class VisitFilter:
    """What the register view is filtered by. Dates are inclusive datetimes or None."""

    terms: TextTerms = TextTerms()
    time_from: datetime | None = None
    time_to: datetime | None = None
    on_site_only: bool = False
    host_unit_id: int | None = None


def _conditions(f: VisitFilter) -> list:
    conds = []
    t = f.terms
    if not t.is_empty():
        ors = []
        if t.name:
            ors.append(starts_with(Visit.visitor_name, t.name))
        if t.initials:
            ors.append(starts_with(Visit.name_initials, t.initials))
        if t.phone_prefix:
            ors.append(starts_with(Visit.phone, t.phone_prefix))
        if t.phone_tail_rev:
            ors.append(starts_with(Visit.phone_rev, t.phone_tail_rev))
        if t.doc_tail:
            ors.append(Visit.doc_tail == t.doc_tail)
        if t.badge:
            ors.append(Visit.badge_number == t.badge)
        if t.unit:
            ors.append(Visit.host_unit_id.in_(select(Unit.id).where(starts_with(Unit.code, t.unit))))
        conds.append(or_(*ors))
    if f.time_from is not None:
        conds.append(Visit.time_in >= f.time_from)
    if f.time_to is not None:
        conds.append(Visit.time_in <= f.time_to)
    if f.on_site_only:
        conds.append(Visit.time_out.is_(None))
    if f.host_unit_id is not None:
        conds.append(Visit.host_unit_id == f.host_unit_id)
    return conds


class VisitorRepository:
    def __init__(self, session: Session):
        self.s = session

    def page_ids(
        self, f: VisitFilter, limit: int, after: tuple[datetime, int] | None = None
    ) -> list[tuple[int, datetime]]:
        """Ids (and time_in) of matching visits, newest first, after the keyset ``after``."""
        q = select(Visit.id, Visit.time_in).where(*_conditions(f))
        if after is not None:
            q = q.where(tuple_(Visit.time_in, Visit.id) < tuple_(*after))
        q = q.order_by(Visit.time_in.desc(), Visit.id.desc()).limit(limit)
        return [(r[0], r[1]) for r in self.s.execute(q).all()]

    def count(self, f: VisitFilter) -> int:
        """How many visits match ``f``."""
        return self.s.execute(select(func.count()).select_from(Visit).where(*_conditions(f))).scalar_one()

    def rows(self, ids: list[int]) -> list[tuple[Visit, str | None, str | None, str, str | None]]:
        """Visits by id, with host unit code, host name and the staff names, in ``ids`` order."""
        if not ids:
            return []
        created = aliased(Staff)
        signed_out = aliased(Staff)
        q: Select = (
            select(Visit, Unit.code, Occupant.name, created.display_name, signed_out.display_name)
            .outerjoin(Unit, Unit.id == Visit.host_unit_id)
            .outerjoin(Occupant, Occupant.id == Visit.host_occupant_id)
            .join(created, created.id == Visit.created_by_id)
            .outerjoin(signed_out, signed_out.id == Visit.signed_out_by_id)
            .where(Visit.id.in_(ids))
        )
        by_id = {r[0].id: tuple(r) for r in self.s.execute(q).all()}
        return [by_id[i] for i in ids if i in by_id]

    def on_site_badge(self, badge: str) -> Visit | None:
        """The visit currently holding ``badge`` (not signed out), if any."""
        return self.s.execute(
            select(Visit).where(Visit.badge_number == badge, Visit.time_out.is_(None))
            .order_by(Visit.time_in.desc()).limit(1)
        ).scalar_one_or_none()

    def last_with_badge(self, badge: str) -> Visit | None:
        return self.s.execute(
            select(Visit).where(Visit.badge_number == badge)
            .order_by(Visit.time_in.desc(), Visit.id.desc()).limit(1)
        ).scalar_one_or_none()

    def between(self, time_from: datetime, time_to: datetime, batch: int = 2000):
        """Every visit with ``time_from <= time_in <= time_to``, oldest first, in batches."""
        after: tuple[datetime, int] | None = None
        while True:
            q = select(Visit.id, Visit.time_in).where(and_(Visit.time_in >= time_from, Visit.time_in <= time_to))
            if after is not None:
                q = q.where(tuple_(Visit.time_in, Visit.id) > tuple_(*after))
            ids = self.s.execute(q.order_by(Visit.time_in, Visit.id).limit(batch)).all()
            if not ids:
                return
            yield from self.rows([r[0] for r in ids])
            after = (ids[-1][1], ids[-1][0])
