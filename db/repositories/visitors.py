"""Visitor register queries that must stay fast on a million rows.

Searches run in two steps: the matching ids, newest first, are read from the
``(key, time_in)`` indexes alone; then only one page of full rows is loaded.

A search text can mean several things at once (a name, pinyin initials, a unit…); each
meaning is a *branch* that one index serves by itself. The branches are never OR-ed in one
``WHERE``: databases answer such an OR by visiting every matching row of the table and
sorting them all (0.2–0.3 s for a one-letter search on a million visits). Instead:

* a page is the newest ``limit`` ids of each branch, read from that branch's index alone,
  merged with ``UNION``. A branch that matches a large share of all visits (a first letter,
  a common surname) instead takes its page from the newest few thousand visits in time
  order, where it is dense (reading the whole prefix range would cost ~20 ms);
* a count is the first branch's count, plus for each further branch its rows that no earlier
  branch matched (branches that match nothing are found first, cheaply, and left out). The order is chosen so these "no earlier branch" tests read only the
  branch's own index (``_INDEX_COLUMNS``), e.g. initials after units, which is why the name
  and initials indexes also carry ``host_unit_id`` (and the phone_rev index ``phone``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import permutations

from sqlalchemy import Select, and_, func, not_, or_, select, tuple_, union
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from db.engine import unindexed
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


#: The columns each branch's index holds (see db/models/visitors.py). A branch's query reads
#: only its index when every column it tests is listed here.
_INDEX_COLUMNS: dict[str, frozenset[str]] = {
    "name": frozenset({"visitor_name", "time_in", "host_unit_id"}),
    "initials": frozenset({"name_initials", "time_in", "host_unit_id"}),
    "phone_prefix": frozenset({"phone", "time_in"}),
    "phone_tail": frozenset({"phone_rev", "time_in", "phone"}),
    "doc_tail": frozenset({"doc_tail", "time_in"}),
    "badge": frozenset({"badge_number", "time_out", "time_in"}),
    "unit": frozenset({"host_unit_id", "time_in"}),
}
#: Reading a table row costs about twenty index entries (SQLite, a million visits).
_ROW_COST = 20
#: Branch sizes are first counted only up to this (cheap), enough to order the branches.
_PROBE_CAP = 5000
#: A prefix branch with at least this many index entries is "broad": its page is looked for
#: among the newest visits first (at least _WINDOW of them, or 20 per row of the page).
_BROAD = 20_000
_WINDOW = 4000


@dataclass(frozen=True, eq=False)
class _Branch:
    """One meaning of the search text: a condition its own index serves."""

    key: str
    column: str  # the column the condition tests
    match: ColumnElement[bool]
    miss: ColumnElement[bool]  # exactly the rows ``match`` does not select (NULL-safe)
    prefix: str | None = None  # a prefix range on the column (time_in then only filters)


def _prefix(key: str, column, text: str) -> _Branch:  # noqa: ANN001
    cond = starts_with(column, text)
    return _Branch(key, column.key, cond, not_(cond), text)  # search columns are NOT NULL


def _equal(key: str, column, value: str) -> _Branch:  # noqa: ANN001
    return _Branch(key, column.key, column == value, column != value)


def _branches(t: TextTerms) -> list[_Branch]:
    out: list[_Branch] = []
    if t.name:
        out.append(_prefix("name", Visit.visitor_name, t.name))
    if t.initials:
        out.append(_prefix("initials", Visit.name_initials, t.initials))
    if t.phone_prefix:
        out.append(_prefix("phone_prefix", Visit.phone, t.phone_prefix))
    if t.phone_tail_rev:
        out.append(_prefix("phone_tail", Visit.phone_rev, t.phone_tail_rev))
    if t.doc_tail:
        out.append(_equal("doc_tail", Visit.doc_tail, t.doc_tail))
    if t.badge:
        out.append(_equal("badge", Visit.badge_number, t.badge))
    if t.unit:
        units = select(Unit.id).where(starts_with(Unit.code, t.unit))
        out.append(_Branch(
            "unit", "host_unit_id", Visit.host_unit_id.in_(units),
            or_(Visit.host_unit_id.is_(None), Visit.host_unit_id.not_in(units)),
        ))
    return out


def _filters(f: VisitFilter, branch: _Branch | None = None, after: tuple[datetime, int] | None = None) -> list:
    """The non-text conditions. Under a prefix branch, time_in only filters that branch's
    index: left to itself the database would walk time_in's own index through the whole date
    range, reading every row in it."""
    time_in = unindexed(Visit.time_in) if branch is not None and branch.prefix is not None else Visit.time_in
    conds = []
    if f.time_from is not None:
        conds.append(time_in >= f.time_from)
    if f.time_to is not None:
        conds.append(time_in <= f.time_to)
    if f.on_site_only:
        conds.append(Visit.time_out.is_(None))
    if f.host_unit_id is not None:
        conds.append(Visit.host_unit_id == f.host_unit_id)
    if after is not None:
        conds.append(tuple_(time_in, Visit.id) < tuple_(*after))
    return conds


def _count_order(found: list[tuple[_Branch, int]]) -> list[tuple[_Branch, int]]:
    """The order of branches whose "not matched by an earlier branch" counts cost least."""

    def cost(order: tuple[tuple[_Branch, int], ...]) -> int:
        total = 0
        for i, (b, n) in enumerate(order[1:], start=1):
            earlier = {p.column for p, _ in order[:i]}
            total += n * (1 if earlier <= _INDEX_COLUMNS[b.key] else _ROW_COST)
        return total

    return list(min(permutations(found), key=cost))


class VisitorRepository:
    def __init__(self, session: Session):
        self.s = session

    def page_ids(
        self, f: VisitFilter, limit: int, after: tuple[datetime, int] | None = None
    ) -> list[tuple[int, datetime]]:
        """Ids (and time_in) of matching visits, newest first, after the keyset ``after``."""
        branches = _branches(f.terms)
        newest = (Visit.time_in.desc(), Visit.id.desc())
        if not branches:
            q = select(Visit.id, Visit.time_in).where(*_filters(f, after=after))
            return [(r[0], r[1]) for r in self.s.execute(q.order_by(*newest).limit(limit)).all()]
        found: list[tuple[int, datetime]] = []
        rest = []
        broad = self._broad(branches)
        for b in branches:
            got = self._newest_window(b, f, after, limit) if b in broad else None
            if got is None:
                rest.append(b)
            else:
                found.extend(got)
        parts = [
            select(Visit.id, Visit.time_in).where(b.match, *_filters(f, b, after)).order_by(*newest).limit(limit)
            for b in rest
        ]
        if len(parts) == 1:
            found.extend(tuple(r) for r in self.s.execute(parts[0]).all())
        elif parts:
            subs = [p.subquery() for p in parts]
            merged = union(*(select(sq.c.id, sq.c.time_in) for sq in subs)).subquery()
            q = select(merged.c.id, merged.c.time_in).order_by(
                merged.c.time_in.desc(), merged.c.id.desc()).limit(limit)
            found.extend(tuple(r) for r in self.s.execute(q).all())
        unique = {i: t for i, t in found}
        return sorted(((i, t) for i, t in unique.items()), key=lambda r: (r[1], r[0]), reverse=True)[:limit]

    def _broad(self, branches: list[_Branch]) -> list[_Branch]:
        """The prefix branches with at least _BROAD index entries (whatever the filter)."""
        prefixed = [b for b in branches if b.prefix is not None]
        if not prefixed:
            return []
        probes = [
            select(func.count()).select_from(select(Visit.id).where(b.match).limit(_BROAD).subquery())
            .scalar_subquery()
            for b in prefixed
        ]
        sizes = self.s.execute(select(*probes)).one()
        return [b for b, n in zip(prefixed, sizes) if n >= _BROAD]

    def _newest_window(
        self, b: _Branch, f: VisitFilter, after: tuple[datetime, int] | None, limit: int
    ) -> list[tuple[int, datetime]] | None:
        """The newest ``limit`` matches of a broad branch, looked for among the newest visits
        that pass the filter; None when that window holds fewer and is not all of them.

        Exact: every visit outside the window is older than every visit in it."""
        size = max(_WINDOW, 20 * limit)
        column = getattr(Visit, b.column)
        window = (
            select(Visit.id, Visit.time_in, column).where(*_filters(f, after=after))
            .order_by(Visit.time_in.desc(), Visit.id.desc()).limit(size).subquery()
        )
        q = (
            select(window.c.id, window.c.time_in).where(starts_with(window.c[b.column], b.prefix))
            .order_by(window.c.time_in.desc(), window.c.id.desc()).limit(limit)
        )
        rows = [tuple(r) for r in self.s.execute(q).all()]
        if len(rows) >= limit:
            return rows
        # Fewer than ``size`` visits pass the filter at all: the window was all of them.
        passing = select(Visit.id).where(*_filters(f, after=after)).limit(size).subquery()
        return rows if self.s.execute(select(func.count()).select_from(passing)).scalar_one() < size else None

    def count(self, f: VisitFilter) -> int:
        """How many visits match ``f``."""
        branches = _branches(f.terms)
        if not branches:
            return self.s.execute(select(func.count()).select_from(Visit).where(*_filters(f))).scalar_one()

        def counted(b: _Branch, *extra) -> Select:  # noqa: ANN002
            return select(func.count()).select_from(Visit).where(b.match, *_filters(f, b), *extra)

        def probe(b: _Branch) -> Select:  # the branch's size, counted up to _PROBE_CAP
            hits = select(Visit.id).where(b.match, *_filters(f, b)).limit(_PROBE_CAP).subquery()
            return select(func.count()).select_from(hits)

        sizes = self.s.execute(select(*(probe(b).scalar_subquery() for b in branches))).one()
        # An empty branch matches nothing, so it is left out of the "not earlier" tests too.
        found = [(b, n) for b, n in zip(branches, sizes) if n]
        if not found:
            return 0
        order = _count_order(found)
        parts = [
            counted(b, *(p.miss for p, _ in order[:i])).scalar_subquery()
            for i, (b, n) in enumerate(order)
        ]
        if len(parts) == 1 and order[0][1] < _PROBE_CAP:
            return order[0][1]
        return sum(self.s.execute(select(*parts)).one())

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
