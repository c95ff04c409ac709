"""Occupant directory queries: by unit, name, pinyin initials or the tail of a phone."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from db.models import Occupant, Unit
from db.repositories.common import TextTerms, starts_with


class OccupantRepository:
    """Directory look-ups; every condition is an indexed prefix match."""

    def __init__(self, session: Session):
        self.s = session

    def search(self, terms: TextTerms, limit: int = 30, include_inactive: bool = False) -> list[tuple[Occupant, Unit]]:
        """Occupants matching any of ``terms``, with their unit, ordered by unit then name."""
        conds = []
        if terms.name:
            conds.append(starts_with(Occupant.name, terms.name))
        if terms.initials:
            conds.append(starts_with(Occupant.name_initials, terms.initials))
        if terms.phone_prefix:
            conds.append(starts_with(Occupant.phone, terms.phone_prefix))
        if terms.phone_tail_rev:
            conds.append(starts_with(Occupant.phone_rev, terms.phone_tail_rev))
        if terms.unit:
            unit_ids = select(Unit.id).where(starts_with(Unit.code, terms.unit))
            conds.append(Occupant.unit_id.in_(unit_ids))
        q = select(Occupant, Unit).join(Unit, Unit.id == Occupant.unit_id)
        if conds:
            q = q.where(or_(*conds))
        if not include_inactive:
            q = q.where(Occupant.active.is_(True))
        q = q.order_by(Unit.code, Occupant.name).limit(limit)
        return [(o, u) for o, u in self.s.execute(q).all()]

    def get_with_members(self, occupant_id: int) -> tuple[Occupant, Unit] | None:
        row = self.s.execute(
            select(Occupant, Unit)
            .join(Unit, Unit.id == Occupant.unit_id)
            .where(Occupant.id == occupant_id)
            .options(selectinload(Occupant.members))
        ).first()
        return (row[0], row[1]) if row else None
