"""Key cabinet queries (钥匙管理): key sets by tag, loans with everything a register line
shows, open loans, and the sums behind the monthly statistics.

Check-out and check-in must stay fast with 10,000 key sets and 500,000 past loans, so
every look-up on that path is by primary key or a unique/leading index column: the tag
code (unique), ``key_set.current_loan_id`` (the open loan, kept by the service), the loan
register by ``(out_at, id)`` and a key's loans by ``(key_set_id, id)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime

from sqlalchemy import Select, and_, bindparam, func, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

from db.models import (
    KeyEvent,
    KeyIntake,
    KeyLoan,
    KeyLoanEvent,
    KeyLoanSignature,
    KeySet,
    Occupant,
    Staff,
    Unit,
)
from db.repositories.common import starts_with

#: Loan events that end a loan (at most one per loan).
END_KINDS = ("return", "lost")


@dataclass(frozen=True)
class KeyRow:
    key: KeySet
    unit_code: str | None
    occupant_name: str | None
    loan: KeyLoan | None  # the open loan while the key is out


@dataclass(frozen=True)
class LoanRow:
    loan: KeyLoan
    key: KeySet
    unit_code: str | None
    handled_by: str
    manager_approver: str | None
    gm_approver: str | None
    end: KeyLoanEvent | None  # the return or loss
    end_staff: str | None
    has_signature: bool


@dataclass(frozen=True)
class LoanFilter:
    """The loan register's filter. Dates are inclusive datetimes or None."""

    key_id: int | None = None
    borrower_prefix: str = ""
    time_from: datetime | None = None
    time_to: datetime | None = None
    open_only: bool = False


@lru_cache(maxsize=1)
def _loan_rows_statement() -> Select:
    """The loan-with-names query, built once: building it (five aliases, nine tables) cost
    more than running it, on every scan at the counter. ``ids`` is an expanding parameter."""
    handled = aliased(Staff)
    mgr = aliased(Staff)
    gm = aliased(Staff)
    ended_by = aliased(Staff)
    end = aliased(KeyLoanEvent)
    return (
        select(KeyLoan, KeySet, Unit.code, handled.display_name, mgr.display_name,
               gm.display_name, end, ended_by.display_name, KeyLoanSignature.loan_id)
        .join(KeySet, KeySet.id == KeyLoan.key_set_id)
        .outerjoin(Unit, Unit.id == KeySet.unit_id)
        .join(handled, handled.id == KeyLoan.handled_by_id)
        .outerjoin(mgr, mgr.id == KeyLoan.manager_approver_id)
        .outerjoin(gm, gm.id == KeyLoan.gm_approver_id)
        .outerjoin(end, and_(end.loan_id == KeyLoan.id, end.kind.in_(END_KINDS)))
        .outerjoin(ended_by, ended_by.id == end.staff_id)
        .outerjoin(KeyLoanSignature, KeyLoanSignature.loan_id == KeyLoan.id)
        .where(KeyLoan.id.in_(bindparam("ids", expanding=True)))
    )


class KeyRepository:
    def __init__(self, session: Session):
        self.s = session

    # -- key sets ------------------------------------------------------------------------

    def by_tag(self, tag: str) -> KeySet | None:
        return self.s.execute(select(KeySet).where(KeySet.tag_code == tag)).scalar_one_or_none()

    def hook_holder(self, hook: str, *, exclude_id: int | None = None) -> KeySet | None:
        """The key set that hangs on ``hook`` now (in the cabinet or lent out)."""
        q = select(KeySet).where(KeySet.hook == hook, KeySet.status.in_(("in", "out")))
        if exclude_id is not None:
            q = q.where(KeySet.id != exclude_id)
        return self.s.execute(q.limit(1)).scalar_one_or_none()

    def key_rows(self, ids: list[int]) -> list[KeyRow]:
        """Key sets by id, in ``ids`` order, with unit code, owner name and open loan."""
        if not ids:
            return []
        q = (
            select(KeySet, Unit.code, Occupant.name, KeyLoan)
            .outerjoin(Unit, Unit.id == KeySet.unit_id)
            .outerjoin(Occupant, Occupant.id == KeySet.occupant_id)
            .outerjoin(KeyLoan, KeyLoan.id == KeySet.current_loan_id)
            .where(KeySet.id.in_(ids))
        )
        by_id = {r[0].id: KeyRow(r[0], r[1], r[2], r[3]) for r in self.s.execute(q).all()}
        return [by_id[i] for i in ids if i in by_id]

    def search_ids(self, text: str, *, statuses: tuple[str, ...] = (), category: str = "",
                   limit: int = 200) -> list[int]:
        """Key sets whose tag, hook, label, area or unit starts with ``text``, by hook."""
        q = select(KeySet.id)
        t = text.strip()
        if t:
            up = t.upper()
            units = select(Unit.id).where(starts_with(Unit.code, up))
            q = q.where(or_(
                starts_with(KeySet.tag_code, up), starts_with(KeySet.hook, up),
                starts_with(KeySet.label, t), starts_with(KeySet.area, t),
                KeySet.unit_id.in_(units),
            ))
        if statuses:
            q = q.where(KeySet.status.in_(statuses))
        if category:
            q = q.where(KeySet.category == category)
        return list(self.s.execute(q.order_by(KeySet.hook, KeySet.id).limit(limit)).scalars())

    def all_key_ids(self, *, received_from: datetime | None = None,
                    received_to: datetime | None = None) -> list[int]:
        q = select(KeySet.id)
        if received_from is not None:
            q = q.where(KeySet.created_at >= received_from)
        if received_to is not None:
            q = q.where(KeySet.created_at <= received_to)
        return list(self.s.execute(q.order_by(KeySet.tag_code)).scalars())

    def spot_keys(self, codes: list[str]) -> list[tuple[int, str, str]]:
        """(id, tag, status) of every key set in the cabinet or out, plus those ``codes`` name."""
        q = select(KeySet.id, KeySet.tag_code, KeySet.status).where(
            or_(KeySet.status.in_(("in", "out")), KeySet.tag_code.in_(codes))
        )
        return [(r[0], r[1], r[2]) for r in self.s.execute(q).all()]

    # -- loans ---------------------------------------------------------------------------

    def loan_rows(self, ids: list[int]) -> list[LoanRow]:
        """Loans by id, in ``ids`` order, with key, unit, staff names and the return."""
        if not ids:
            return []
        by_id = {}
        for r in self.s.execute(_loan_rows_statement(), {"ids": list(ids)}).all():
            by_id[r[0].id] = LoanRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8] is not None)
        return [by_id[i] for i in ids if i in by_id]

    def open_loan_ids(self) -> list[int]:
        """The open loans (keys out now), oldest first."""
        q = select(KeySet.current_loan_id).where(KeySet.status == "out", KeySet.current_loan_id.is_not(None))
        ids = [i for i in self.s.execute(q).scalars()]
        return sorted(ids)

    def last_loan(self, key_id: int) -> KeyLoan | None:
        return self.s.execute(
            select(KeyLoan).where(KeyLoan.key_set_id == key_id).order_by(KeyLoan.id.desc()).limit(1)
        ).scalar_one_or_none()

    def loan_end(self, loan_id: int) -> KeyLoanEvent | None:
        return self.s.execute(
            select(KeyLoanEvent).where(KeyLoanEvent.loan_id == loan_id, KeyLoanEvent.kind.in_(END_KINDS))
            .limit(1)
        ).scalar_one_or_none()

    def _loan_conditions(self, f: LoanFilter) -> list:
        conds = []
        if f.key_id is not None:
            conds.append(KeyLoan.key_set_id == f.key_id)
        if f.borrower_prefix:
            conds.append(starts_with(KeyLoan.borrower_name, f.borrower_prefix))
        if f.time_from is not None:
            conds.append(KeyLoan.out_at >= f.time_from)
        if f.time_to is not None:
            conds.append(KeyLoan.out_at <= f.time_to)
        if f.open_only:
            conds.append(KeyLoan.id.in_(
                select(KeySet.current_loan_id).where(KeySet.status == "out")))
        return conds

    def loan_page_ids(self, f: LoanFilter, limit: int,
                      after: tuple[datetime, int] | None = None) -> list[tuple[int, datetime]]:
        """Ids and out times of matching loans, newest first, after the keyset ``after``."""
        q = select(KeyLoan.id, KeyLoan.out_at).where(*self._loan_conditions(f))
        if after is not None:
            q = q.where(tuple_(KeyLoan.out_at, KeyLoan.id) < tuple_(*after))
        q = q.order_by(KeyLoan.out_at.desc(), KeyLoan.id.desc()).limit(limit)
        return [(r[0], r[1]) for r in self.s.execute(q).all()]

    def loan_count(self, f: LoanFilter) -> int:
        return self.s.execute(select(func.count()).select_from(KeyLoan).where(*self._loan_conditions(f))).scalar_one()

    def loans_between(self, time_from: datetime, time_to: datetime, batch: int = 2000):
        """Every loan with ``time_from <= out_at <= time_to``, oldest first, in batches."""
        after: tuple[datetime, int] | None = None
        while True:
            q = select(KeyLoan.id, KeyLoan.out_at).where(KeyLoan.out_at >= time_from, KeyLoan.out_at <= time_to)
            if after is not None:
                q = q.where(tuple_(KeyLoan.out_at, KeyLoan.id) > tuple_(*after))
            ids = self.s.execute(q.order_by(KeyLoan.out_at, KeyLoan.id).limit(batch)).all()
            if not ids:
                return
            yield from self.loan_rows([r[0] for r in ids])
            after = (ids[-1][1], ids[-1][0])

    def acknowledgements(self, loan_ids: list[int], night: date) -> dict[int, tuple[KeyLoanEvent, str]]:
        """The overnight acknowledgement of each loan for ``night``, with who made it."""
        if not loan_ids:
            return {}
        q = (
            select(KeyLoanEvent, Staff.display_name)
            .join(Staff, Staff.id == KeyLoanEvent.staff_id)
            .where(KeyLoanEvent.loan_id.in_(loan_ids), KeyLoanEvent.kind == "overnight_ack",
                   KeyLoanEvent.night == night)
            .order_by(KeyLoanEvent.id)
        )
        return {e.loan_id: (e, name) for e, name in self.s.execute(q).all()}

    # -- monthly statistics ----------------------------------------------------------------

    def received_by_category(self, t0: datetime | None, t1: datetime) -> dict[str, int]:
        q = (select(KeySet.category, func.coalesce(func.sum(KeyIntake.key_count), 0))
             .join(KeySet, KeySet.id == KeyIntake.key_set_id).where(KeyIntake.at <= t1))
        if t0 is not None:
            q = q.where(KeyIntake.at >= t0)
        return {c: int(n) for c, n in self.s.execute(q.group_by(KeySet.category)).all()}

    def events_by_category(self, kinds: tuple[str, ...], t0: datetime | None, t1: datetime,
                           column: str = "count") -> dict[tuple[str, str], int]:
        """Sum of ``count`` (or ``count_delta``, or rows for ``rows``) per (category, kind)."""
        value = {"count": func.sum(KeyEvent.count), "count_delta": func.sum(KeyEvent.count_delta),
                 "rows": func.count(KeyEvent.id)}[column]
        q = (select(KeySet.category, KeyEvent.kind, func.coalesce(value, 0))
             .join(KeySet, KeySet.id == KeyEvent.key_set_id)
             .where(KeyEvent.kind.in_(kinds), KeyEvent.at <= t1))
        if t0 is not None:
            q = q.where(KeyEvent.at >= t0)
        rows = self.s.execute(q.group_by(KeySet.category, KeyEvent.kind)).all()
        return {(c, k): int(n) for c, k, n in rows}

    def loans_by_category(self, t0: datetime, t1: datetime) -> dict[str, tuple[int, int]]:
        """(loans, keys lent) per category for loans out between ``t0`` and ``t1``."""
        q = (select(KeySet.category, func.count(KeyLoan.id), func.coalesce(func.sum(KeyLoan.quantity), 0))
             .join(KeySet, KeySet.id == KeyLoan.key_set_id)
             .where(KeyLoan.out_at >= t0, KeyLoan.out_at <= t1)
             .group_by(KeySet.category))
        return {c: (int(n), int(q_)) for c, n, q_ in self.s.execute(q).all()}
