"""Complaints (投诉处理表) and the call/visit register (客户来电来访登记表) — DOMAIN §7, 004 §5.2 3.

One record type for both: a complaint, or an inquiry, suggestion or praise from a call or a
visit. Each that needs action goes registered → assigned (to the responsible person) →
handled (validity and handling opinion) → followed up → closed; a register line that needs
no action (an inquiry answered on the spot, praise passed on) may be closed at once.

Deadlines count from when it was received: a major complaint is fixed within one working day
and followed up within a week, an ordinary one within three working days and two weeks
(``app.repair_rules.complaint_deadlines``; weekends skip, there is no holiday calendar).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.context import AppContext, Operator
from app.errors import ConflictError, DomainError, FieldErrors, NotFoundError
from app.repair_rules import (
    CHANNELS,
    FEEDBACK_KINDS,
    FOLLOW_UP_METHODS,
    SEVERITIES,
    complaint_deadlines,
    complaint_next_state,
    format_complaint_number,
)
from app.services.audit import lock_counter, record
from app.validation import normalize_name, normalize_phone, normalize_text
from db.models import Complaint, ComplaintEvent, Occupant, Staff, Unit, now


@dataclass(frozen=True)
class ComplaintInput:
    kind: str  # complaint | inquiry | suggestion | praise
    name: str
    content: str
    severity: str = "ordinary"  # major | ordinary
    channel: str = "phone"  # phone | visit | letter | other
    phone: str = ""
    occupant_id: int | None = None
    unit_code: str = ""
    needs_action: bool = True
    assignee: str = ""  # assign at once
    received_at: datetime | None = None  # when the call came in (default: now)


@dataclass(frozen=True)
class ComplaintView:
    id: int
    number: str
    kind: str
    channel: str
    severity: str
    name: str
    phone: str
    unit_code: str
    occupant_id: int | None
    received_at: datetime
    received_by: str
    content: str
    needs_action: bool
    state: str
    state_at: datetime
    fix_due_at: datetime
    follow_up_due_at: datetime
    assignee: str
    valid: bool | None
    opinion: str
    handled_at: datetime | None
    follow_up_result: str
    followed_up_at: datetime | None
    closed_at: datetime | None

    def fix_overdue(self, at: datetime) -> bool:
        return self.needs_action and self.state in ("registered", "assigned") and at > self.fix_due_at

    def follow_up_overdue(self, at: datetime) -> bool:
        return self.needs_action and self.state == "handled" and at > self.follow_up_due_at

    @property
    def actions(self) -> tuple[str, ...]:
        acts = {"registered": ("assign", "close") if not self.needs_action else ("assign",),
                "assigned": ("assign", "handle"), "handled": ("follow_up",), "followed_up": ("close",)}
        return acts.get(self.state, ())


@dataclass(frozen=True)
class ComplaintEventView:
    id: int
    at: datetime
    staff_name: str
    kind: str
    from_state: str
    to_state: str
    detail: dict[str, Any]


_TRACKED = ("state", "assignee", "valid", "follow_up_result")


def _snap(c: Complaint) -> dict[str, Any]:
    return {k: getattr(c, k) for k in _TRACKED}


def _text(max_length: int, *, required: bool = False):  # noqa: ANN202
    return lambda v: normalize_text(v, max_length=max_length, required=required)


class ComplaintService:
    """Complaints and the call/visit register, each step an event."""

    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    # -- reading -------------------------------------------------------------------------------

    def get(self, complaint_id: int) -> ComplaintView:
        with self.ctx.db.read() as s:
            return self._view_one(s, complaint_id)

    def history(self, complaint_id: int) -> list[ComplaintEventView]:
        with self.ctx.db.read() as s:
            self._get(s, complaint_id)
            rows = s.execute(select(ComplaintEvent, Staff.display_name)
                             .join(Staff, Staff.id == ComplaintEvent.staff_id)
                             .where(ComplaintEvent.complaint_id == complaint_id).order_by(ComplaintEvent.id))
            return [ComplaintEventView(e.id, e.at, n, e.kind, e.from_state, e.to_state, json.loads(e.detail))
                    for e, n in rows]

    def open_items(self, *, kinds: tuple[str, ...] = FEEDBACK_KINDS) -> list[ComplaintView]:
        """Everything not closed, the earliest fix deadline first."""
        with self.ctx.db.read() as s:
            ids = list(s.execute(select(Complaint.id).where(Complaint.state != "closed", Complaint.kind.in_(kinds))
                                 .order_by(Complaint.fix_due_at, Complaint.id).limit(2000)).scalars())
            return self._views(s, ids)

    def recent(self, *, kinds: tuple[str, ...] = FEEDBACK_KINDS, days: int = 30) -> list[ComplaintView]:
        """Everything received in the last ``days`` days (closed too), newest first."""
        since = now() - timedelta(days=days)
        with self.ctx.db.read() as s:
            ids = list(s.execute(select(Complaint.id).where(Complaint.received_at >= since, Complaint.kind.in_(kinds))
                                 .order_by(Complaint.received_at.desc(), Complaint.id.desc()).limit(2000)).scalars())
            return self._views(s, ids)

    def export(self, date_from: date, date_to: date) -> Iterator[ComplaintView]:
        """Complaints and register lines received in ``date_from``..``date_to``, oldest first."""
        start = datetime.combine(date_from, time())
        end = datetime.combine(date_to + timedelta(days=1), time())
        with self.ctx.db.read() as s:
            ids = list(s.execute(select(Complaint.id).where(Complaint.received_at >= start, Complaint.received_at < end)
                                 .order_by(Complaint.received_at, Complaint.id)).scalars())
        for i in range(0, len(ids), 500):
            with self.ctx.db.read() as s:
                yield from self._views(s, ids[i:i + 500])

    # -- writing -------------------------------------------------------------------------------

    def register(self, data: ComplaintInput) -> ComplaintView:
        """Fill in the complaint form or a register line; deadlines follow the severity."""
        op = self.ctx.require_operator()
        current = now()
        received = (data.received_at or current).replace(microsecond=0)
        with self.ctx.db.write() as s:
            errors = FieldErrors()
            if data.kind not in FEEDBACK_KINDS:
                errors.add("kind", "complaint.kind_unknown")
            if data.severity not in SEVERITIES:
                errors.add("severity", "complaint.severity_unknown")
            if data.channel not in CHANNELS:
                errors.add("channel", "complaint.channel_unknown")
            name = errors.check("name", normalize_name, data.name)
            phone = errors.check("phone", normalize_phone, data.phone)
            content = errors.check("content", _text(2000, required=True), data.content)
            assignee = errors.check("assignee", _text(64), data.assignee)
            if received > current + timedelta(minutes=5):
                errors.add("received_at", "date.in_future")
            unit = occupant = None
            if data.occupant_id is not None:
                occupant = s.get(Occupant, data.occupant_id)
                if occupant is None:
                    errors.add("unit", "repair.occupant_unknown")
                else:
                    unit = s.get(Unit, occupant.unit_id)
            elif (data.unit_code or "").strip():
                code = data.unit_code.strip().upper()
                unit = s.execute(select(Unit).where(Unit.code == code)).scalar_one_or_none()
                if unit is None:
                    errors.add("unit", "unit.not_found", unit=code[:32])
            errors.raise_if_any()
            needs_action = True if data.kind == "complaint" else bool(data.needs_action)
            fix_due, follow_due = complaint_deadlines(data.severity, received)
            counter = lock_counter(s, f"complaint_{received.year}")
            counter.value += 1
            c = Complaint(
                number=format_complaint_number(received.year, counter.value), kind=data.kind, channel=data.channel,
                severity=data.severity, name=name, phone=phone or (occupant.phone if occupant else ""),
                unit_id=unit.id if unit else None, occupant_id=occupant.id if occupant else None,
                received_at=received, received_by_id=op.id, content=content, needs_action=needs_action,
                state="registered", state_at=current, fix_due_at=fix_due, follow_up_due_at=follow_due,
            )
            s.add(c)
            s.flush()
            self._event(s, op, c, "registered", "", current, {"kind": c.kind, "severity": c.severity})
            if assignee:
                self._move(s, op, c, "assign", "assigned", current, {"assignee": assignee})
                c.assignee = assignee
            record(s, op.id, "complaint.register", "complaint", c.id, None, _snap(c) | {"number": c.number})
            return self._view_one(s, c.id)

    def assign(self, complaint_id: int, assignee: str, *, note: str = "") -> ComplaintView:
        """Hand it to the responsible person (责任人) for investigation."""
        def apply(c: Complaint, errors: FieldErrors) -> dict:
            who = errors.check("assignee", lambda v: normalize_name(v, max_length=64), assignee)
            text = errors.check("note", _text(500), note)
            errors.raise_if_any()
            c.assignee = who
            return {"assignee": who, "note": text}
        return self._step(complaint_id, "assign", "assigned", apply)

    def handle(self, complaint_id: int, valid: bool, opinion: str) -> ComplaintView:
        """The investigation's result: valid or not (无效投诉 gets an explanation) and the opinion."""
        def apply(c: Complaint, errors: FieldErrors) -> dict:
            text = errors.check("opinion", _text(2000, required=True), opinion)
            errors.raise_if_any()
            c.valid = bool(valid)
            c.opinion = text
            c.handled_at = now()
            return {"valid": c.valid, "opinion": text, "late": c.handled_at > c.fix_due_at}
        return self._step(complaint_id, "handle", "handled", apply)

    def follow_up(self, complaint_id: int, satisfied: bool, *, comment: str = "", method: str = "phone") -> ComplaintView:
        """The follow-up (回访验证): by visit, phone or letter; satisfied or not."""
        def apply(c: Complaint, errors: FieldErrors) -> dict:
            text = errors.check("comment", _text(500), comment)
            if method not in FOLLOW_UP_METHODS:
                errors.add("method", "repair.follow_up_method_unknown")
            errors.raise_if_any()
            c.follow_up_result = "satisfied" if satisfied else "not_satisfied"
            c.followed_up_at = now()
            return {"result": c.follow_up_result, "comment": text, "method": method,
                    "late": c.followed_up_at > c.follow_up_due_at}
        return self._step(complaint_id, "follow_up", "followed_up", apply)

    def close(self, complaint_id: int, *, note: str = "") -> ComplaintView:
        def apply(c: Complaint, errors: FieldErrors) -> dict:
            text = errors.check("note", _text(500), note)
            errors.raise_if_any()
            c.closed_at = now()
            return {"note": text}
        return self._step(complaint_id, "close", "closed", apply)

    # -- internals -----------------------------------------------------------------------------

    def _step(self, complaint_id: int, action: str, event: str, apply) -> ComplaintView:  # noqa: ANN001
        op = self.ctx.require_operator()
        with self.ctx.db.write() as s:
            c = self._get(s, complaint_id, lock=True)
            before = _snap(c)
            try:
                complaint_next_state(action, c.state, needs_action=c.needs_action)
            except DomainError as exc:
                raise ConflictError(exc.key, **exc.params) from None
            detail = apply(c, FieldErrors())
            self._move(s, op, c, action, event, now(), detail)
            record(s, op.id, f"complaint.{action}", "complaint", c.id, before, _snap(c))
            return self._view_one(s, c.id)

    def _move(self, s: Session, op: Operator, c: Complaint, action: str, event: str, when: datetime,
              detail: dict) -> None:
        to = complaint_next_state(action, c.state, needs_action=c.needs_action)
        frm = c.state
        c.state = to
        c.state_at = when
        self._event(s, op, c, event, frm, when, detail)

    @staticmethod
    def _event(s: Session, op: Operator, c: Complaint, kind: str, frm: str, when: datetime, detail: dict) -> None:
        from app.services.audit import _default

        s.add(ComplaintEvent(complaint_id=c.id, at=when, staff_id=op.id, kind=kind, from_state=frm, to_state=c.state,
                             detail=json.dumps({k: v for k, v in detail.items() if v not in (None, "")},
                                               ensure_ascii=False, default=_default)))
        s.flush()

    @staticmethod
    def _get(s: Session, complaint_id: int, *, lock: bool = False) -> Complaint:
        q = select(Complaint).where(Complaint.id == complaint_id)
        if lock:
            q = q.with_for_update()
        c = s.execute(q).scalar_one_or_none()
        if c is None:
            raise NotFoundError("complaint.not_found")
        return c

    def _view_one(self, s: Session, complaint_id: int) -> ComplaintView:
        views = self._views(s, [complaint_id])
        if not views:
            raise NotFoundError("complaint.not_found")
        return views[0]

    @staticmethod
    def _views(s: Session, ids: list[int]) -> list[ComplaintView]:
        if not ids:
            return []
        rec = aliased(Staff)
        out = {}
        for i in range(0, len(ids), 900):
            rows = s.execute(select(Complaint, Unit.code, rec.display_name)
                             .outerjoin(Unit, Unit.id == Complaint.unit_id)
                             .join(rec, rec.id == Complaint.received_by_id)
                             .where(Complaint.id.in_(ids[i:i + 900])))
            for c, unit_code, rec_name in rows:
                out[c.id] = ComplaintView(
                    c.id, c.number, c.kind, c.channel, c.severity, c.name, c.phone, unit_code or "", c.occupant_id,
                    c.received_at, rec_name, c.content, c.needs_action, c.state, c.state_at, c.fix_due_at,
                    c.follow_up_due_at, c.assignee, c.valid, c.opinion, c.handled_at, c.follow_up_result,
                    c.followed_up_at, c.closed_at)
        return [out[i] for i in ids if i in out]
