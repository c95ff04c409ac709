"""The visitor log (来访登记表): register, sign out, amend, search.

The reference module: every other register copies its shape. A saved visit is never edited
in place or deleted; a correction is an amendment with a reason, kept in the visit's
history and in the audit log, written in the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select, tuple_, update

from app.context import AppContext
from app.errors import ConflictError, FieldError, FieldErrors, NotFoundError, ValidationError
from app.search import terms_for
from app.services.audit import record
from app.services.settings import SettingsService, parse_hhmm
from app.text import mask_document, pinyin_initials, reverse_digits
from app.validation import (
    DOC_TYPES,
    normalize_badge,
    normalize_document,
    normalize_name,
    normalize_phone,
    normalize_plate,
    normalize_text,
)
from db.models import Occupant, Setting, Staff, Unit, Visit, VisitAmendment, now
from db.repositories.visitors import VisitFilter, VisitorRepository

MAX_PARTY = 50
#: Setting row remembering up to which time_in ID numbers have been masked.
PURGE_MARK = "visitor.documents_purged_until"
#: Fields a correction may change, in the order the history shows them.
AMENDABLE = (
    "visitor_name", "doc_type", "doc_number", "phone", "company", "host_occupant_id",
    "host_unit_code", "host_note", "purpose", "party_size", "vehicle_plate", "badge_number",
    "time_in", "time_out",
)


@dataclass(frozen=True)
class VisitInput:
    """What the registration form supplies."""

    visitor_name: str
    doc_type: str
    doc_number: str
    purpose: str
    phone: str = ""
    company: str = ""
    host_occupant_id: int | None = None
    host_unit_code: str = ""
    host_note: str = ""
    party_size: int = 1
    vehicle_plate: str = ""
    badge_number: str = ""
    #: a returning visitor picked from the suggestions: take the document number from that
    #: visit (a receptionist only ever sees it masked)
    doc_from_visit_id: int | None = None


@dataclass(frozen=True)
class VisitView:
    """One line of the register as the current operator may see it."""

    id: int
    visitor_name: str
    doc_type: str
    doc_number: str  # masked unless the operator sees full documents
    phone: str
    company: str
    host_unit_id: int | None
    host_unit_code: str
    host_occupant_id: int | None
    host_name: str
    host_note: str
    purpose: str
    party_size: int
    vehicle_plate: str
    badge_number: str
    time_in: datetime
    time_out: datetime | None
    created_by: str
    signed_out_by: str
    amendment_count: int
    overstay: bool = False

    @property
    def on_site(self) -> bool:
        return self.time_out is None

    @property
    def host_label(self) -> str:
        parts = [p for p in (self.host_unit_code, self.host_name, self.host_note) if p]
        return " ".join(parts)


@dataclass(frozen=True)
class AmendmentView:
    id: int
    at: datetime
    by: str
    reason: str
    changes: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class ReturningVisitor:
    """A past visitor offered as a suggestion while the receptionist types."""

    visit_id: int
    visitor_name: str
    doc_type: str
    doc_number: str  # masked for receptionists
    phone: str
    company: str
    vehicle_plate: str
    last_time_in: datetime


@dataclass(frozen=True)
class VisitQuery:
    """The register view's filter as the UI states it."""

    text: str = ""
    date_from: date | None = None
    date_to: date | None = None
    on_site_only: bool = False


@dataclass(frozen=True)
class Page:
    rows: list[VisitView]
    #: pass back as ``after`` to get the next page; None when this was the last
    next_after: tuple[datetime, int] | None = field(default=None)



@dataclass(frozen=True)
class PastVisit:
    """A visit that already happened, for ``VisitorService.register_past``."""

    data: VisitInput
    time_in: datetime
    time_out: datetime | None = None


def is_overstay(time_in: datetime, time_out: datetime | None, at: datetime, hours: int, end_of_day: time) -> bool:
    """A visitor still on site for ``hours`` or more, or past the end of the day they came in."""
    if time_out is not None:
        return False
    if at - time_in >= timedelta(hours=hours):
        return True
    day_end = datetime.combine(time_in.date(), end_of_day)
    return time_in < day_end <= at


def _masked(field_name: str, value: Any) -> Any:
    """The audit log never holds a full ID number."""
    return mask_document(value or "") if field_name == "doc_number" else value


def to_filter(q: VisitQuery) -> VisitFilter:
    return VisitFilter(
        terms=terms_for(q.text),
        time_from=datetime.combine(q.date_from, time.min) if q.date_from else None,
        time_to=datetime.combine(q.date_to, time.max).replace(microsecond=0) if q.date_to else None,
        on_site_only=q.on_site_only,
    )


class VisitorService:
    """Everything the visitor tab and the visitor CLI commands do."""

    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    # -- validation ----------------------------------------------------------------------

    def _clean(self, s, data: VisitInput, *, amending: Visit | None = None) -> dict[str, Any]:  # noqa: ANN001
        errors = FieldErrors()
        name = errors.check("visitor_name", normalize_name, data.visitor_name)
        if data.doc_type not in DOC_TYPES:
            errors.add("doc_type", "doc.type_unknown")
            doc = None
        else:
            raw_doc = data.doc_number
            if data.doc_from_visit_id is not None and (not raw_doc.strip() or "*" in raw_doc):
                src = s.get(Visit, data.doc_from_visit_id)
                raw_doc = src.doc_number if src is not None and src.doc_type == data.doc_type else ""
            doc = errors.check("doc_number", lambda v: normalize_document(data.doc_type, v), raw_doc)
        phone = errors.check("phone", normalize_phone, data.phone)
        company = errors.check("company", lambda v: normalize_text(v, max_length=128), data.company)
        purpose = errors.check("purpose", lambda v: normalize_text(v, max_length=128, required=True), data.purpose)
        note = errors.check("host_note", lambda v: normalize_text(v, max_length=128), data.host_note)
        plate = errors.check("vehicle_plate", normalize_plate, data.vehicle_plate)
        badge = errors.check("badge_number", normalize_badge, data.badge_number)
        party = data.party_size
        if not isinstance(party, int) or isinstance(party, bool) or not 1 <= party <= MAX_PARTY:
            errors.add("party_size", "visit.party_range", max=MAX_PARTY)

        host_unit_id = host_occupant_id = None
        if data.host_occupant_id is not None:
            occ = s.get(Occupant, data.host_occupant_id)
            if occ is None or not occ.active:
                errors.add("host", "occupant.not_found")
            else:
                host_occupant_id, host_unit_id = occ.id, occ.unit_id
        elif data.host_unit_code.strip():
            unit = s.execute(select(Unit).where(Unit.code == data.host_unit_code.strip())).scalar_one_or_none()
            if unit is None:
                errors.add("host", "unit.not_found", unit=data.host_unit_code.strip())
            else:
                host_unit_id = unit.id
        elif not (note or ""):
            errors.add("host", "visit.host_required")

        # A badge can be held by one visitor on site at a time. Correcting a visit that has
        # already left must not clash with whoever holds that badge today.
        if badge and (amending is None or amending.time_out is None):
            holder = VisitorRepository(s).on_site_badge(badge)
            if holder is not None and (amending is None or holder.id != amending.id):
                errors.add("badge_number", "visit.badge_in_use", name=holder.visitor_name)
        errors.raise_if_any()
        return {
            "visitor_name": name, "doc_type": data.doc_type, "doc_number": doc, "phone": phone,
            "company": company, "purpose": purpose, "host_note": note, "vehicle_plate": plate,
            "badge_number": badge, "party_size": party, "host_unit_id": host_unit_id,
            "host_occupant_id": host_occupant_id,
        }

    # -- writing -------------------------------------------------------------------------

    def register(self, data: VisitInput, *, at: datetime | None = None) -> VisitView:
        """Register a visitor arriving now (``at`` is for imports and demo data only)."""
        op = self.ctx.require_operator()
        with self.ctx.db.write() as s:
            v = self._clean(s, data)
            visit = Visit(
                **v,
                name_initials=pinyin_initials(v["visitor_name"]),
                doc_tail=v["doc_number"][-4:],
                phone_rev=reverse_digits(v["phone"]),
                time_in=at or now(),
                created_by_id=op.id,
            )
            s.add(visit)
            s.flush()
            record(s, op.id, "visit.register", "visit", visit.id, after=self._audit_dict(visit))
            return self._view_one(s, visit.id)

    def register_past(self, entries: Sequence[PastVisit]) -> list[int]:
        """Register visits that already happened (a paper register typed in, demo data).

        One transaction for all entries, so thousands take seconds rather than minutes; each
        entry is validated like ``register`` and audited like ``register`` followed by
        ``sign_out``. The current operator is recorded as receptionist and as signer. All or
        nothing: an invalid entry raises ``ValidationError`` whose ``params["entry"]`` is its
        index. Returns the new visits' ids in order.
        """
        op = self.ctx.require_operator()
        ids: list[int] = []
        with self.ctx.db.write() as s:
            current = now()
            for i, e in enumerate(entries):
                try:
                    if not isinstance(e.time_in, datetime) or e.time_in > current:
                        raise ValidationError({"time_in": FieldError("visit.time_in_invalid")})
                    if e.time_out is not None and e.time_out < e.time_in:
                        raise ValidationError({"time_out": FieldError("visit.time_out_before_in")})
                    if e.time_out is not None and e.time_out > current:
                        raise ValidationError({"time_out": FieldError("visit.time_out_in_future")})
                    v = self._clean(s, e.data)
                except ValidationError as exc:
                    exc.params["entry"] = i
                    raise
                visit = Visit(
                    **v,
                    name_initials=pinyin_initials(v["visitor_name"]),
                    doc_tail=v["doc_number"][-4:],
                    phone_rev=reverse_digits(v["phone"]),
                    time_in=e.time_in.replace(microsecond=0),
                    created_by_id=op.id,
                )
                s.add(visit)
                s.flush()
                record(s, op.id, "visit.register", "visit", visit.id, after=self._audit_dict(visit))
                if e.time_out is not None:
                    visit.time_out = e.time_out.replace(microsecond=0)
                    visit.signed_out_by_id = op.id
                    record(s, op.id, "visit.sign_out", "visit", visit.id, {"time_out": None},
                           {"time_out": visit.time_out})
                ids.append(visit.id)
        return ids

    def sign_out(self, visit_id: int) -> VisitView:
        """Record the visitor leaving now."""
        op = self.ctx.require_operator()
        with self.ctx.db.write() as s:
            visit = s.get(Visit, visit_id)
            if visit is None:
                raise NotFoundError("visit.not_found")
            return self._sign_out(s, visit, op.id)

    def sign_out_by_badge(self, badge: str) -> VisitView:
        """Sign out whoever holds ``badge`` (typed or scanned at the counter)."""
        op = self.ctx.require_operator()
        try:
            code = normalize_badge(badge)
        except Exception:
            raise NotFoundError("visit.badge_unknown", badge=(badge or "")[:32]) from None
        if not code:
            raise NotFoundError("visit.badge_unknown", badge="")
        with self.ctx.db.write() as s:
            repo = VisitorRepository(s)
            visit = repo.on_site_badge(code)
            if visit is None:
                last = repo.last_with_badge(code)
                if last is not None and last.time_out is not None:
                    raise ConflictError(
                        "visit.already_signed_out", name=last.visitor_name, time_out=last.time_out, badge=code
                    )
                raise NotFoundError("visit.badge_unknown", badge=code)
            return self._sign_out(s, visit, op.id)

    def _sign_out(self, s, visit: Visit, staff_id: int) -> VisitView:  # noqa: ANN001
        if visit.time_out is not None:
            raise ConflictError(
                "visit.already_signed_out", name=visit.visitor_name, time_out=visit.time_out,
                badge=visit.badge_number,
            )
        visit.time_out = max(now(), visit.time_in)
        visit.signed_out_by_id = staff_id
        record(s, staff_id, "visit.sign_out", "visit", visit.id, {"time_out": None}, {"time_out": visit.time_out})
        s.flush()
        return self._view_one(s, visit.id)

    def amend(self, visit_id: int, changes: dict[str, Any], reason: str) -> VisitView:
        """Correct a saved visit. ``changes`` maps field names of ``AMENDABLE`` to new values.

        The reason is mandatory; each changed field's old and new value is kept in the
        visit's history. Values equal to the current ones are ignored; no change at all is
        refused.
        """
        op = self.ctx.require_operator()
        errors = FieldErrors()
        why = errors.check("reason", lambda v: normalize_text(v, max_length=500, required=True), reason)
        unknown = set(changes) - set(AMENDABLE)
        if unknown:
            errors.add(sorted(unknown)[0], "visit.field_not_amendable")
        errors.raise_if_any()
        with self.ctx.db.write() as s:
            visit = s.get(Visit, visit_id)
            if visit is None:
                raise NotFoundError("visit.not_found")
            current = self._input_of(s, visit)
            merged = replace(current, **{k: v for k, v in changes.items() if k not in ("time_in", "time_out")})
            # A masked number coming back from the form means "unchanged".
            if "*" in merged.doc_number or not merged.doc_number.strip():
                merged = replace(merged, doc_number=visit.doc_number)
            clean = self._clean(s, merged, amending=visit)
            t_in = changes.get("time_in", visit.time_in)
            t_out = changes.get("time_out", visit.time_out)
            if t_in is None or not isinstance(t_in, datetime) or t_in > now() + timedelta(minutes=5):
                raise ValidationError({"time_in": FieldError("visit.time_in_invalid")})
            if t_out is not None and (not isinstance(t_out, datetime) or t_out < t_in):
                raise ValidationError({"time_out": FieldError("visit.time_out_before_in")})
            if visit.time_out is not None and t_out is None:
                raise ValidationError({"time_out": FieldError("visit.time_out_required")})
            clean["time_in"], clean["time_out"] = t_in.replace(microsecond=0), (
                t_out.replace(microsecond=0) if t_out else None
            )
            diff = []
            for key, new in clean.items():
                old = getattr(visit, key)
                if old != new:
                    diff.append({"field": key, "old": old, "new": new})
            if not diff:
                raise ValidationError({"reason": FieldError("visit.nothing_changed")})
            before = {d["field"]: _masked(d["field"], d["old"]) for d in diff}
            after = {d["field"]: _masked(d["field"], d["new"]) for d in diff}
            for d in diff:
                setattr(visit, d["field"], d["new"])
            visit.name_initials = pinyin_initials(visit.visitor_name)
            visit.doc_tail = visit.doc_number[-4:]
            visit.phone_rev = reverse_digits(visit.phone)
            if visit.time_out is not None and visit.signed_out_by_id is None:
                visit.signed_out_by_id = op.id
            visit.amendment_count += 1
            stored = [self._jsonable(d) for d in diff]
            s.add(VisitAmendment(visit_id=visit.id, at=now(), staff_id=op.id, reason=why,
                                 changes=json.dumps(stored, ensure_ascii=False)))
            record(s, op.id, "visit.amend", "visit", visit.id, before, {**after, "reason": why})
            s.flush()
            return self._view_one(s, visit.id)

    def purge_expired_documents(self, *, at: datetime | None = None, batch: int = 2000) -> int:
        """Mask the stored ID numbers of visits older than the retention period.

        Only the masked number (``110105********1234``) is kept afterwards, so statistics,
        searches by the last digits and the audit trail survive. The work goes in batches of
        ``batch`` visits, oldest first, each its own short transaction with one audit row, and
        the point reached is saved with each batch: a first run over years of visits never
        holds the write lock for long, and an interrupted run resumes where it stopped.
        Returns how many numbers were masked.
        """
        op = self.ctx.require_operator()
        days = int(SettingsService(self.ctx).get("visitor.id_retention_days"))
        cutoff = (at or now()) - timedelta(days=days)
        with self.ctx.db.read() as s:
            mark = s.get(Setting, PURGE_MARK)
            since = datetime.fromisoformat(json.loads(mark.value)) if mark else None
        if since is not None and since >= cutoff:
            return 0
        total = 0
        after: tuple[datetime, int] | None = None
        while True:
            with self.ctx.db.write() as s:
                q = select(Visit.id, Visit.time_in, Visit.doc_number).where(Visit.time_in < cutoff)
                if since is not None:
                    q = q.where(Visit.time_in >= since)
                if after is not None:
                    q = q.where(tuple_(Visit.time_in, Visit.id) > tuple_(*after))
                rows = s.execute(q.order_by(Visit.time_in, Visit.id).limit(batch)).all()
                done = len(rows) < batch
                changes = [{"id": r.id, "doc_number": mask_document(r.doc_number)}
                           for r in rows if mask_document(r.doc_number) != r.doc_number]
                if changes:
                    s.execute(update(Visit), changes)
                # Rows sharing the last time_in are read again next time; masking twice is harmless.
                reached = cutoff if done else rows[-1].time_in
                self._save_purge_mark(s, reached)
                if changes or done:
                    record(s, op.id, "visit.purge_documents", "visit", None, {"since": since},
                           {"until": reached, "masked": len(changes), "retention_days": days,
                            "first_id": changes[0]["id"] if changes else None,
                            "last_id": changes[-1]["id"] if changes else None})
            total += len(changes)
            if done:
                return total
            after = (rows[-1].time_in, rows[-1].id)

    @staticmethod
    def _save_purge_mark(s, reached: datetime) -> None:  # noqa: ANN001
        value = json.dumps(reached.isoformat(sep=" "))
        mark = s.get(Setting, PURGE_MARK)
        if mark is None:
            s.add(Setting(key=PURGE_MARK, value=value))
        else:
            mark.value = value

    # -- reading -------------------------------------------------------------------------

    def get(self, visit_id: int) -> VisitView:
        with self.ctx.db.read() as s:
            return self._view_one(s, visit_id)

    def history(self, visit_id: int) -> list[AmendmentView]:
        """The corrections of one visit, oldest first."""
        with self.ctx.db.read() as s:
            rows = s.execute(
                select(VisitAmendment, Staff.display_name)
                .join(Staff, Staff.id == VisitAmendment.staff_id)
                .where(VisitAmendment.visit_id == visit_id)
                .order_by(VisitAmendment.id)
            ).all()
            full = self._full_docs()
            out = []
            for a, by in rows:
                changes = []
                for c in json.loads(a.changes):
                    if c["field"] == "doc_number" and not full:
                        c = {**c, "old": mask_document(c["old"] or ""), "new": mask_document(c["new"] or "")}
                    changes.append(c)
                out.append(AmendmentView(a.id, a.at, by, a.reason, tuple(changes)))
            return out

    def on_site(self) -> list[VisitView]:
        """Everyone signed in and not yet out, newest first."""
        return self.page(VisitQuery(on_site_only=True), limit=10_000).rows

    def page(self, query: VisitQuery, *, limit: int = 200, after: tuple[datetime, int] | None = None) -> Page:
        """One page of the register, newest first (keyset paging: pass ``next_after`` back)."""
        with self.ctx.db.read() as s:
            repo = VisitorRepository(s)
            ids = repo.page_ids(to_filter(query), limit + 1, after)
            more = len(ids) > limit
            ids = ids[:limit]
            rows = self._views(s, [i for i, _ in ids])
            nxt = (ids[-1][1], ids[-1][0]) if more and ids else None
            return Page(rows, nxt)

    def count(self, query: VisitQuery) -> int:
        with self.ctx.db.read() as s:
            return VisitorRepository(s).count(to_filter(query))

    def suggest_returning(self, text: str, limit: int = 8) -> list[ReturningVisitor]:
        """Past visitors matching a name, pinyin initials, phone or document tail, newest first."""
        if len((text or "").strip()) < 1:
            return []
        terms = terms_for(text)
        terms = replace(terms, unit="", badge="")
        if terms.is_empty():
            return []
        with self.ctx.db.read() as s:
            ids = VisitorRepository(s).page_ids(VisitFilter(terms=terms), 200)
            seen: set[tuple[str, str, str]] = set()
            out: list[ReturningVisitor] = []
            full = self._full_docs()
            rows = VisitorRepository(s).rows([i for i, _ in ids])
            for v, *_ in rows:
                key = (v.visitor_name, v.doc_number, v.phone)
                if key in seen:
                    continue
                seen.add(key)
                out.append(ReturningVisitor(
                    v.id, v.visitor_name, v.doc_type, v.doc_number if full else mask_document(v.doc_number),
                    v.phone, v.company, v.vehicle_plate, v.time_in,
                ))
                if len(out) >= limit:
                    break
            return out

    def export_rows(self, date_from: date, date_to: date):
        """Every visit in the date range, oldest first, ID numbers masked (for exports)."""
        if date_to < date_from:
            raise ValidationError({"date_to": FieldError("date.range_reversed")})
        t0 = datetime.combine(date_from, time.min)
        t1 = datetime.combine(date_to, time.max).replace(microsecond=0)
        with self.ctx.db.read() as s:
            for row in VisitorRepository(s).between(t0, t1):
                yield self._view_row(row, full=False, rules=None)

    # -- helpers -------------------------------------------------------------------------

    def _full_docs(self) -> bool:
        op = self.ctx.operator
        return bool(op and op.sees_full_documents)

    def _rules(self) -> tuple[int, time]:
        values = SettingsService(self.ctx).all()
        return int(values["visitor.overstay_hours"]), parse_hhmm(values["day.end_time"])

    def _views(self, s, ids: list[int]) -> list[VisitView]:  # noqa: ANN001
        rules = self._rules()
        full = self._full_docs()
        return [self._view_row(r, full=full, rules=rules) for r in VisitorRepository(s).rows(ids)]

    def _view_one(self, s, visit_id: int) -> VisitView:  # noqa: ANN001
        views = self._views(s, [visit_id])
        if not views:
            raise NotFoundError("visit.not_found")
        return views[0]

    @staticmethod
    def _view_row(row, *, full: bool, rules: tuple[int, time] | None) -> VisitView:  # noqa: ANN001
        v, unit_code, host_name, created_by, signed_out_by = row
        overstay = bool(rules) and is_overstay(v.time_in, v.time_out, now(), rules[0], rules[1])
        return VisitView(
            id=v.id, visitor_name=v.visitor_name, doc_type=v.doc_type,
            doc_number=v.doc_number if full else mask_document(v.doc_number), phone=v.phone,
            company=v.company, host_unit_id=v.host_unit_id, host_unit_code=unit_code or "",
            host_occupant_id=v.host_occupant_id, host_name=host_name or "", host_note=v.host_note,
            purpose=v.purpose, party_size=v.party_size, vehicle_plate=v.vehicle_plate,
            badge_number=v.badge_number, time_in=v.time_in, time_out=v.time_out,
            created_by=created_by or "", signed_out_by=signed_out_by or "",
            amendment_count=v.amendment_count, overstay=overstay,
        )

    @staticmethod
    def _input_of(s, v: Visit) -> VisitInput:  # noqa: ANN001
        unit_code = s.get(Unit, v.host_unit_id).code if v.host_unit_id else ""
        return VisitInput(
            visitor_name=v.visitor_name, doc_type=v.doc_type, doc_number=v.doc_number,
            purpose=v.purpose, phone=v.phone, company=v.company, host_occupant_id=v.host_occupant_id,
            host_unit_code=unit_code if v.host_occupant_id is None else "", host_note=v.host_note,
            party_size=v.party_size, vehicle_plate=v.vehicle_plate, badge_number=v.badge_number,
        )

    @staticmethod
    def _audit_dict(v: Visit) -> dict[str, Any]:
        return {
            "visitor_name": v.visitor_name, "doc_type": v.doc_type,
            "doc_number": mask_document(v.doc_number), "phone": v.phone, "company": v.company,
            "host_unit_id": v.host_unit_id, "host_occupant_id": v.host_occupant_id,
            "host_note": v.host_note, "purpose": v.purpose, "party_size": v.party_size,
            "vehicle_plate": v.vehicle_plate, "badge_number": v.badge_number, "time_in": v.time_in,
        }

    @staticmethod
    def _jsonable(d: dict[str, Any]) -> dict[str, Any]:
        def conv(x: Any) -> Any:
            return x.isoformat(sep=" ") if isinstance(x, datetime) else x

        return {"field": d["field"], "old": conv(d["old"]), "new": conv(d["new"])}
