"""Newspapers and magazines (报刊收发, DOMAIN §3; 003 (8)): titles, the subscriptions list,
the daily count with the postman, claims for missing copies, and delivery to the units.

Every method is one unit of work: it validates everything first (all field errors at once),
then writes, audits with ``record()`` in the same transaction and returns a frozen view. A
refused action writes nothing.

* Expected copies of a title on a day come from the subscriptions active that day only
  (``app.newspaper_rules.is_active``): ended and future subscriptions count for nothing.
* A receipt is counted once per title and day. A shortfall raises a claim against the post
  office in the same transaction; the claim keeps its history (raised, chased, copies
  received later, resolved).
* Delivery hands a subscription's copies of one day's issue to its unit (signed for, or into
  the mail slot). It cannot hand out more than arrived (received + recovered by claims), and
  residents come before the management office's departments (先发业户后发部室).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from app.context import AppContext
from app.errors import ConflictError, FieldErrors, NotFoundError, ValidationError
from app.newspaper_rules import (
    FREQUENCIES,
    KINDS,
    MAX_COPIES,
    MAX_RECEIVED,
    METHODS,
    Demand,
    allocate,
    due_on,
    is_active,
    shortfall,
)
from app.services.audit import record
from app.validation import normalize_name, normalize_text
from db.models import (
    Building,
    NewspaperClaim,
    NewspaperClaimEvent,
    NewspaperDelivery,
    NewspaperReceipt,
    NewspaperSubscription,
    NewspaperTitle,
    Occupant,
    Staff,
    Unit,
    now,
)

MAX_LINES_PER_ACTION = 1000


# -- inputs and views -------------------------------------------------------------------------


@dataclass(frozen=True)
class SubscriptionInput:
    """One line of 业户订阅邮件一览表: a unit (or an office department), a title, copies, period."""

    title_id: int | None
    unit_code: str = ""
    department: str = ""
    occupant_id: int | None = None
    subscriber: str = ""
    copies: int = 1
    starts_on: date | None = None
    ends_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class DeliveryInput:
    """Hand one subscription's copies over: ``signed`` by ``received_by``, or into the ``mailbox``."""

    subscription_id: int
    method: str = "mailbox"
    received_by: str = ""


@dataclass(frozen=True)
class TitleView:
    id: int
    name: str
    kind: str
    publisher: str
    frequency: str
    active: bool


@dataclass(frozen=True)
class SubscriptionView:
    id: int
    title_id: int
    title_name: str
    title_kind: str
    unit_id: int | None
    unit_code: str
    building_code: str
    department: str
    occupant_id: int | None
    subscriber: str
    copies: int
    starts_on: date
    ends_on: date | None
    note: str
    created_at: datetime
    ended_at: datetime | None
    ended_by: str
    end_reason: str

    @property
    def office(self) -> bool:
        """A department of the management office (served after the residents)."""
        return self.unit_id is None

    @property
    def where(self) -> str:
        """The unit code, or the department's name."""
        return self.unit_code or self.department

    def active_on(self, day: date) -> bool:
        return is_active(self.starts_on, self.ends_on, day)


@dataclass(frozen=True)
class ClaimView:
    id: int
    receipt_id: int
    title_id: int
    title_name: str
    day: date
    missing: int
    recovered: int
    state: str
    raised_at: datetime
    raised_by: str
    resolved_at: datetime | None
    resolved_by: str
    last_note: str

    @property
    def outstanding(self) -> int:
        """Copies still owed by the post office."""
        return max(0, self.missing - self.recovered)

    @property
    def open(self) -> bool:
        return self.state == "open"


@dataclass(frozen=True)
class ClaimEventView:
    id: int
    claim_id: int
    kind: str
    at: datetime
    staff_name: str
    copies: int
    note: str


@dataclass(frozen=True)
class ReceiptView:
    id: int
    title_id: int
    title_name: str
    day: date
    expected: int
    received: int
    recorded_at: datetime
    recorded_by: str
    note: str
    claim: ClaimView | None

    @property
    def missing(self) -> int:
        return shortfall(self.expected, self.received)

    @property
    def surplus(self) -> int:
        return max(0, self.received - self.expected)


@dataclass(frozen=True)
class DaySheetLine:
    """One title on one day: expected from the active subscriptions, what was counted, what
    has gone out to the units."""

    title: TitleView
    day: date
    expected: int
    receipt: ReceiptView | None
    delivered: int

    @property
    def received(self) -> int | None:
        return self.receipt.received if self.receipt else None

    @property
    def available(self) -> int:
        """Copies at the counter to hand out: received plus those a claim brought later."""
        if self.receipt is None:
            return 0
        return self.receipt.received + (self.receipt.claim.recovered if self.receipt.claim else 0)

    @property
    def missing(self) -> int:
        return self.receipt.missing if self.receipt else 0

    @property
    def due(self) -> bool:
        """Expected at the counter that day: a daily (or weekday) paper, or anything counted."""
        return self.receipt is not None or due_on(self.title.frequency, self.day)


@dataclass(frozen=True)
class DeliveryView:
    id: int
    day: date
    title_id: int
    title_name: str
    subscription_id: int
    unit_code: str
    building_code: str
    department: str
    subscriber: str
    copies: int
    method: str
    received_by: str
    delivered_at: datetime
    staff_name: str

    @property
    def where(self) -> str:
        return self.unit_code or self.department


@dataclass(frozen=True)
class DeliveryLine:
    """A subscription due on a day, with the copies the day's count leaves it (``allotted``:
    residents first) and its delivery if it was made."""

    subscription: SubscriptionView
    day: date
    allotted: int
    received: bool
    delivery: DeliveryView | None

    @property
    def delivered(self) -> bool:
        return self.delivery is not None

    @property
    def short(self) -> bool:
        """The day's copies do not cover this line (yet)."""
        return self.received and self.allotted < self.subscription.copies


def _text(max_length: int, *, required: bool = False):  # noqa: ANN202
    return lambda v: normalize_text(v, max_length=max_length, required=required)


def _count(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


class NewspaperService:
    """Everything the Newspapers tab, its printouts and ``export newspapers`` do."""

    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    # -- titles ---------------------------------------------------------------------------------

    def add_title(self, name: str, kind: str = "newspaper", publisher: str = "",
                  frequency: str = "daily") -> TitleView:
        """A newspaper or magazine residents may subscribe to (names are unique)."""
        op = self.ctx.require_operator()
        errors = FieldErrors()
        clean = errors.check("name", _text(64, required=True), name)
        pub = errors.check("publisher", _text(64), publisher)
        if kind not in KINDS:
            errors.add("kind", "newspaper.kind_unknown")
        if frequency not in FREQUENCIES:
            errors.add("frequency", "newspaper.frequency_unknown")
        with self.ctx.db.write() as s:
            if clean and s.execute(select(NewspaperTitle.id).where(NewspaperTitle.name == clean)).first():
                errors.add("name", "newspaper.title_exists", name=clean)
            errors.raise_if_any()
            t = NewspaperTitle(name=clean, kind=kind, publisher=pub or "", frequency=frequency, active=True,
                               created_at=now(), created_by_id=op.id)
            s.add(t)
            s.flush()
            record(s, op.id, "newspaper.title_add", "newspaper_title", t.id,
                   after={"name": t.name, "kind": kind, "publisher": t.publisher, "frequency": frequency})
            return _title_view(t)

    def set_title_active(self, title_id: int, active: bool) -> TitleView:
        """Stop (or resume) offering a title; its subscriptions and history stay."""
        op = self.ctx.require_operator()
        with self.ctx.db.write() as s:
            t = self._title(s, title_id)
            if t.active == bool(active):
                return _title_view(t)
            record(s, op.id, "newspaper.title_active", "newspaper_title", t.id, {"active": t.active},
                   {"active": bool(active), "name": t.name})
            t.active = bool(active)
            return _title_view(t)

    def titles(self, *, include_inactive: bool = False) -> list[TitleView]:
        with self.ctx.db.read() as s:
            q = select(NewspaperTitle).order_by(NewspaperTitle.kind.desc(), NewspaperTitle.name)
            if not include_inactive:
                q = q.where(NewspaperTitle.active.is_(True))
            return [_title_view(t) for t in s.execute(q).scalars()]

    # -- subscriptions ---------------------------------------------------------------------------

    def subscribe(self, data: SubscriptionInput, *, today: date | None = None) -> SubscriptionView:
        """Add a line to the subscriptions list. A unit (or department) already taking the title
        over the same period is refused: end the old line first."""
        op = self.ctx.require_operator()
        errors = FieldErrors()
        unit_text = (data.unit_code or "").strip()
        dept = errors.check("department", _text(64), data.department) or ""
        if unit_text and dept:
            errors.add("department", "newspaper.unit_or_department")
        elif not unit_text and not dept:
            errors.add("unit_code", "newspaper.subscriber_required")
        name = errors.check("subscriber", _text(64), data.subscriber) or ""
        note = errors.check("note", _text(500), data.note) or ""
        if not _count(data.copies, 1, MAX_COPIES):
            errors.add("copies", "newspaper.copies_range", max=MAX_COPIES)
        starts = data.starts_on or today or date.today()
        if data.ends_on is not None and data.ends_on < starts:
            errors.add("ends_on", "newspaper.period_reversed")
        with self.ctx.db.write() as s:
            title = s.get(NewspaperTitle, data.title_id) if data.title_id is not None else None
            if title is None:
                errors.add("title_id", "newspaper.title_required")
            elif not title.active:
                errors.add("title_id", "newspaper.title_inactive", name=title.name)
            unit = None
            if unit_text:
                unit = s.execute(select(Unit).where(Unit.code == unit_text.upper())).scalar_one_or_none() or \
                    s.execute(select(Unit).where(Unit.code == unit_text)).scalar_one_or_none()
                if unit is None:
                    errors.add("unit_code", "unit.not_found", unit=unit_text[:32])
            occ = None
            if data.occupant_id is not None:
                occ = s.get(Occupant, data.occupant_id)
                if occ is None or not occ.active or unit is None or occ.unit_id != unit.id:
                    errors.add("occupant_id", "newspaper.occupant_not_of_unit")
                    occ = None
            if title is not None and (unit is not None or dept) and not errors:
                q = select(NewspaperSubscription).where(NewspaperSubscription.title_id == title.id)
                q = q.where(NewspaperSubscription.unit_id == unit.id) if unit is not None else q.where(
                    NewspaperSubscription.unit_id.is_(None), NewspaperSubscription.department == dept)
                for other in s.execute(q).scalars():
                    if _overlap(other.starts_on, other.ends_on, starts, data.ends_on):
                        errors.add("title_id", "newspaper.already_subscribed", name=title.name,
                                   since=other.starts_on)
                        break
            errors.raise_if_any()
            sub = NewspaperSubscription(
                title_id=title.id, unit_id=unit.id if unit else None, department=dept,
                occupant_id=occ.id if occ else None, subscriber=name or (occ.name if occ else ""),
                copies=data.copies, starts_on=starts, ends_on=data.ends_on, note=note, created_at=now(),
                created_by_id=op.id, end_reason="")
            s.add(sub)
            s.flush()
            record(s, op.id, "newspaper.subscribe", "newspaper_subscription", sub.id, after={
                "title": title.name, "unit": unit.code if unit else "", "department": dept,
                "subscriber": sub.subscriber, "copies": sub.copies, "starts_on": starts, "ends_on": data.ends_on})
            return self._subscription_views(s, [sub.id])[0]

    def end_subscription(self, subscription_id: int, last_day: date, reason: str = "") -> SubscriptionView:
        """End a subscription after ``last_day`` (the line stays on the list, marked ended).

        Ending before the first day cancels it (``last_day`` = the day before it starts); a
        day already delivered cannot fall outside the period."""
        op = self.ctx.require_operator()
        errors = FieldErrors()
        why = errors.check("reason", _text(500), reason) or ""
        if not isinstance(last_day, date):
            errors.add("last_day", "newspaper.date_required")
        errors.raise_if_any()
        with self.ctx.db.write() as s:
            sub = self._subscription(s, subscription_id)
            if sub.ended_at is not None and sub.ends_on is not None and sub.ends_on <= last_day:
                raise ConflictError("newspaper.subscription_ended", day=sub.ends_on)
            if last_day < sub.starts_on - timedelta(days=1):
                errors.add("last_day", "newspaper.end_before_start", day=sub.starts_on)
            delivered = s.execute(select(func.max(NewspaperDelivery.day))
                                  .where(NewspaperDelivery.subscription_id == sub.id)).scalar_one()
            if delivered is not None and last_day < delivered:
                errors.add("last_day", "newspaper.end_before_delivery", day=delivered)
            errors.raise_if_any()
            before = {"ends_on": sub.ends_on, "ended_at": sub.ended_at}
            sub.ends_on, sub.ended_at, sub.ended_by_id, sub.end_reason = last_day, now(), op.id, why
            record(s, op.id, "newspaper.unsubscribe", "newspaper_subscription", sub.id, before,
                   {"ends_on": last_day, "reason": why})
            s.flush()
            return self._subscription_views(s, [sub.id])[0]

    def subscriptions(self, *, unit_code: str = "", title_id: int | None = None, active_on: date | None = None,
                      include_ended: bool = True) -> list[SubscriptionView]:
        """The subscriptions list, by building and unit, departments last."""
        with self.ctx.db.read() as s:
            q = select(NewspaperSubscription.id).outerjoin(Unit, Unit.id == NewspaperSubscription.unit_id)
            if unit_code.strip():
                q = q.where(Unit.code == unit_code.strip().upper())
            if title_id is not None:
                q = q.where(NewspaperSubscription.title_id == title_id)
            if active_on is not None:
                q = q.where(NewspaperSubscription.starts_on <= active_on,
                            (NewspaperSubscription.ends_on.is_(None)) | (NewspaperSubscription.ends_on >= active_on))
            elif not include_ended:
                q = q.where(NewspaperSubscription.ended_at.is_(None))
            ids = s.execute(q).scalars().all()
            return _ordered(self._subscription_views(s, list(ids)))

    # -- the daily count ------------------------------------------------------------------------

    def expected_copies(self, title_id: int, day: date) -> int:
        """Copies of a title the subscriptions active on ``day`` call for."""
        with self.ctx.db.read() as s:
            return self._expected(s, title_id, day)

    def day_sheet(self, day: date) -> list[DaySheetLine]:
        """Each title expected or counted on ``day``: expected, received, missing, delivered."""
        with self.ctx.db.read() as s:
            expected = dict(s.execute(
                select(NewspaperSubscription.title_id, func.sum(NewspaperSubscription.copies))
                .where(NewspaperSubscription.starts_on <= day,
                       (NewspaperSubscription.ends_on.is_(None)) | (NewspaperSubscription.ends_on >= day))
                .group_by(NewspaperSubscription.title_id)).all())
            receipts = {r.title_id: r for r in self._receipt_views(s, s.execute(
                select(NewspaperReceipt.id).where(NewspaperReceipt.day == day)).scalars().all())}
            delivered = dict(s.execute(
                select(NewspaperDelivery.title_id, func.sum(NewspaperDelivery.copies))
                .where(NewspaperDelivery.day == day).group_by(NewspaperDelivery.title_id)).all())
            ids = set(expected) | set(receipts)
            titles = s.execute(select(NewspaperTitle).where(NewspaperTitle.id.in_(ids))
                               .order_by(NewspaperTitle.kind.desc(), NewspaperTitle.name)).scalars().all() if ids else []
            return [DaySheetLine(_title_view(t), day, int(expected.get(t.id) or 0), receipts.get(t.id),
                                 int(delivered.get(t.id) or 0)) for t in titles]

    def record_receipt(self, title_id: int, day: date, received: int, note: str = "", *,
                       at: datetime | None = None) -> ReceiptView:
        """Count one title of one day with the postman. Fewer than expected raises a claim for
        the missing copies in the same transaction. Counted once: a second count is refused."""
        op = self.ctx.require_operator()
        when = (at or now()).replace(microsecond=0)
        errors = FieldErrors()
        if not _count(received, 0, MAX_RECEIVED):
            errors.add("received", "newspaper.received_range", max=MAX_RECEIVED)
        text = errors.check("note", _text(500), note) or ""
        if not isinstance(day, date):
            errors.add("day", "newspaper.date_required")
        elif day > when.date():
            errors.add("day", "newspaper.day_in_future")
        errors.raise_if_any()
        with self.ctx.db.write() as s:
            title = self._title(s, title_id)
            prior = s.execute(select(NewspaperReceipt).where(NewspaperReceipt.title_id == title.id,
                                                             NewspaperReceipt.day == day)).scalar_one_or_none()
            if prior is not None:
                who = s.get(Staff, prior.recorded_by_id)
                raise ConflictError("newspaper.receipt_exists", title=title.name, day=day, at=prior.recorded_at,
                                    name=who.display_name if who else "")
            expected = self._expected(s, title.id, day)
            r = NewspaperReceipt(title_id=title.id, day=day, expected=expected, received=received,
                                 recorded_at=when, recorded_by_id=op.id, note=text)
            s.add(r)
            s.flush()
            record(s, op.id, "newspaper.receipt", "newspaper_receipt", r.id, after={
                "title": title.name, "day": day, "expected": expected, "received": received})
            missing = shortfall(expected, received)
            if missing:
                c = NewspaperClaim(receipt_id=r.id, title_id=title.id, day=day, missing=missing, recovered=0,
                                   state="open", raised_at=when, raised_by_id=op.id)
                s.add(c)
                s.flush()
                s.add(NewspaperClaimEvent(claim_id=c.id, kind="raised", at=when, staff_id=op.id, copies=missing,
                                          note=text))
                record(s, op.id, "newspaper.claim_raise", "newspaper_claim", c.id, after={
                    "title": title.name, "day": day, "missing": missing})
            s.flush()
            return self._receipt_views(s, [r.id])[0]

    # -- claims ----------------------------------------------------------------------------------

    def claims(self, *, open_only: bool = True, limit: int = 500) -> list[ClaimView]:
        """Claims against the post office, oldest open first (all claims: newest first)."""
        with self.ctx.db.read() as s:
            q = select(NewspaperClaim.id)
            q = (q.where(NewspaperClaim.state == "open").order_by(NewspaperClaim.day, NewspaperClaim.id)
                 if open_only else q.order_by(NewspaperClaim.day.desc(), NewspaperClaim.id.desc()))
            return self._claim_views(s, s.execute(q.limit(limit)).scalars().all())

    def claim(self, claim_id: int) -> ClaimView:
        with self.ctx.db.read() as s:
            self._claim(s, claim_id)
            return self._claim_views(s, [claim_id])[0]

    def claim_history(self, claim_id: int) -> list[ClaimEventView]:
        """Everything that happened to a claim, oldest first."""
        with self.ctx.db.read() as s:
            self._claim(s, claim_id)
            rows = s.execute(select(NewspaperClaimEvent, Staff.display_name)
                             .join(Staff, Staff.id == NewspaperClaimEvent.staff_id)
                             .where(NewspaperClaimEvent.claim_id == claim_id).order_by(NewspaperClaimEvent.id))
            return [ClaimEventView(e.id, e.claim_id, e.kind, e.at, name, e.copies, e.note) for e, name in rows]

    def chase_claim(self, claim_id: int, note: str, *, at: datetime | None = None) -> ClaimView:
        """Record a follow-up with the post office (whom was called, what they said)."""
        op = self.ctx.require_operator()
        errors = FieldErrors()
        text = errors.check("note", _text(500, required=True), note)
        errors.raise_if_any()
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            c = self._open_claim(s, claim_id)
            s.add(NewspaperClaimEvent(claim_id=c.id, kind="chased", at=when, staff_id=op.id, copies=0, note=text))
            record(s, op.id, "newspaper.claim_chase", "newspaper_claim", c.id, after={"note": text})
            s.flush()
            return self._claim_views(s, [c.id])[0]

    def receive_claimed(self, claim_id: int, copies: int, note: str = "", *,
                        at: datetime | None = None) -> ClaimView:
        """Copies the post office brought later; the claim is resolved once all have come."""
        op = self.ctx.require_operator()
        errors = FieldErrors()
        text = errors.check("note", _text(500), note) or ""
        if not _count(copies, 1, MAX_RECEIVED):
            errors.add("copies", "newspaper.copies_received_range")
        errors.raise_if_any()
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            c = self._open_claim(s, claim_id)
            owed = c.missing - c.recovered
            if copies > owed:
                raise ValidationError({"copies": _field("newspaper.more_than_owed", owed=owed)})
            before = {"recovered": c.recovered, "state": c.state}
            c.recovered += copies
            s.add(NewspaperClaimEvent(claim_id=c.id, kind="received", at=when, staff_id=op.id, copies=copies,
                                      note=text))
            if c.recovered >= c.missing:
                c.state, c.resolved_at, c.resolved_by_id = "resolved", when, op.id
                s.add(NewspaperClaimEvent(claim_id=c.id, kind="resolved", at=when, staff_id=op.id, copies=0,
                                          note=text))
            record(s, op.id, "newspaper.claim_receive", "newspaper_claim", c.id, before,
                   {"recovered": c.recovered, "state": c.state, "copies": copies})
            s.flush()
            return self._claim_views(s, [c.id])[0]

    def resolve_claim(self, claim_id: int, note: str, *, at: datetime | None = None) -> ClaimView:
        """Close a claim with copies still owed (the post office will not bring them): why."""
        op = self.ctx.require_operator()
        errors = FieldErrors()
        text = errors.check("note", _text(500, required=True), note)
        errors.raise_if_any()
        when = (at or now()).replace(microsecond=0)
        with self.ctx.db.write() as s:
            c = self._open_claim(s, claim_id)
            c.state, c.resolved_at, c.resolved_by_id = "resolved", when, op.id
            s.add(NewspaperClaimEvent(claim_id=c.id, kind="resolved", at=when, staff_id=op.id,
                                      copies=0, note=text))
            record(s, op.id, "newspaper.claim_resolve", "newspaper_claim", c.id, {"state": "open"},
                   {"state": "resolved", "recovered": c.recovered, "missing": c.missing, "note": text})
            s.flush()
            return self._claim_views(s, [c.id])[0]

    # -- delivery --------------------------------------------------------------------------------

    def delivery_plan(self, day: date, *, title_id: int | None = None, due_only: bool = False) -> list[DeliveryLine]:
        """Every subscription due on ``day`` (by building and unit, departments last), with the
        copies the day's count leaves it — residents first — and its delivery if made.

        ``due_only`` leaves out titles that neither come that day by their frequency
        (``due_on``) nor were counted: a monthly on the days it does not come."""
        with self.ctx.db.read() as s:
            q = select(NewspaperSubscription.id).where(
                NewspaperSubscription.starts_on <= day,
                (NewspaperSubscription.ends_on.is_(None)) | (NewspaperSubscription.ends_on >= day))
            if title_id is not None:
                q = q.where(NewspaperSubscription.title_id == title_id)
            subs = _ordered(self._subscription_views(s, s.execute(q).scalars().all()))
            available = self._available(s, day, {v.title_id for v in subs})
            if due_only and subs:
                freq = dict(s.execute(select(NewspaperTitle.id, NewspaperTitle.frequency)
                                      .where(NewspaperTitle.id.in_({v.title_id for v in subs}))).all())
                subs = [v for v in subs if v.title_id in available or due_on(freq[v.title_id], day)]
            done = {d.subscription_id: d for d in self._delivery_views(s, s.execute(
                select(NewspaperDelivery.id).where(NewspaperDelivery.day == day)).scalars().all())}
        by_title: dict[int, list[SubscriptionView]] = {}
        for v in subs:
            by_title.setdefault(v.title_id, []).append(v)
        allotted: dict[int, int] = {}
        for tid, lines in by_title.items():
            allotted.update(allocate([Demand(v.id, v.copies, v.office, (i,)) for i, v in enumerate(lines)],
                                     available.get(tid, 0)))
        return [DeliveryLine(v, day, allotted.get(v.id, 0), v.title_id in available, done.get(v.id))
                for v in subs]

    def deliver(self, day: date, lines: Sequence[DeliveryInput], *, at: datetime | None = None) -> list[DeliveryView]:
        """Hand out ``day``'s issue to several subscriptions at once (all or none).

        Each line delivers all the subscription's copies. Refused: a title not counted that
        day, a subscription not running that day or already served, more copies than arrived,
        and an office department served while residents still wait for copies that would
        then be lacking.
        """
        op = self.ctx.require_operator()
        when = (at or now()).replace(microsecond=0)
        if not lines:
            raise ValidationError({"lines": _field("newspaper.nothing_selected")})
        if len(lines) > MAX_LINES_PER_ACTION:
            raise ValidationError({"lines": _field("newspaper.too_many", max=MAX_LINES_PER_ACTION)})
        if len({ln.subscription_id for ln in lines}) != len(lines):
            raise ValidationError({"lines": _field("newspaper.line_twice")})
        errors = FieldErrors()
        names: dict[int, str] = {}
        for i, ln in enumerate(lines):
            if ln.method not in METHODS:
                errors.add(f"method.{i}", "newspaper.method_unknown")
            elif ln.method == "signed":
                names[i] = errors.check(f"received_by.{i}", normalize_name, ln.received_by) or ""
            else:
                names[i] = errors.check(f"received_by.{i}", _text(64), ln.received_by) or ""
        if not isinstance(day, date):
            errors.add("day", "newspaper.date_required")
        elif day > when.date():
            errors.add("day", "newspaper.day_in_future")
        errors.raise_if_any()
        with self.ctx.db.write() as s:
            subs = {v.id: v for v in self._subscription_views(s, [ln.subscription_id for ln in lines])}
            for ln in lines:
                v = subs.get(ln.subscription_id)
                if v is None:
                    raise NotFoundError("newspaper.subscription_not_found")
                if not v.active_on(day):
                    raise ConflictError("newspaper.not_subscribed_that_day", where=v.where, title=v.title_name, day=day)
                if ln.method == "mailbox" and v.office:
                    raise ConflictError("newspaper.mailbox_unit_only", where=v.where)
            prior = s.execute(select(NewspaperDelivery).where(
                NewspaperDelivery.day == day, NewspaperDelivery.subscription_id.in_(list(subs)))).scalars().first()
            if prior is not None:
                v = subs[prior.subscription_id]
                raise ConflictError("newspaper.already_delivered", where=v.where, title=v.title_name,
                                    at=prior.delivered_at)
            titles = {v.title_id for v in subs.values()}
            available = self._available(s, day, titles)
            for tid in titles:
                if tid not in available:
                    name = next(v.title_name for v in subs.values() if v.title_id == tid)
                    raise ConflictError("newspaper.not_received", title=name, day=day)
                self._check_copies(s, day, tid, available[tid], [subs[ln.subscription_id] for ln in lines
                                                                  if subs[ln.subscription_id].title_id == tid])
            rows = [NewspaperDelivery(day=day, title_id=v.title_id, subscription_id=v.id, unit_id=v.unit_id,
                                      department=v.department, copies=v.copies, method=ln.method,
                                      received_by=names.get(i, ""), delivered_at=when, staff_id=op.id)
                    for i, ln in enumerate(lines) for v in (subs[ln.subscription_id],)]
            s.add_all(rows)
            s.flush()  # one flush for the batch: a round of 200 units stays one quick write
            ids = [d.id for d in rows]
            record(s, op.id, "newspaper.deliver", "newspaper_delivery", ids[0], after={
                "day": day, "lines": [{"where": subs[ln.subscription_id].where,
                                       "title": subs[ln.subscription_id].title_name,
                                       "copies": subs[ln.subscription_id].copies, "method": ln.method}
                                      for ln in lines]})
            return self._delivery_views(s, ids)

    def _check_copies(self, s, day: date, title_id: int, available: int,  # noqa: ANN001
                      batch: list[SubscriptionView]) -> None:
        given = int(s.execute(select(func.coalesce(func.sum(NewspaperDelivery.copies), 0)).where(
            NewspaperDelivery.day == day, NewspaperDelivery.title_id == title_id)).scalar_one())
        wanted = sum(v.copies for v in batch)
        if given + wanted > available:
            raise ConflictError("newspaper.not_enough_copies", title=batch[0].title_name,
                                left=max(0, available - given), wanted=wanted)
        if not any(v.office for v in batch):
            return
        # 先发业户后发部室: residents still waiting must not be left short by an office delivery.
        served = set(s.execute(select(NewspaperDelivery.subscription_id).where(
            NewspaperDelivery.day == day, NewspaperDelivery.title_id == title_id)).scalars())
        in_batch = {v.id for v in batch}
        waiting = sum(c for sid, uid, c in s.execute(
            select(NewspaperSubscription.id, NewspaperSubscription.unit_id, NewspaperSubscription.copies).where(
                NewspaperSubscription.title_id == title_id, NewspaperSubscription.unit_id.is_not(None),
                NewspaperSubscription.starts_on <= day,
                (NewspaperSubscription.ends_on.is_(None)) | (NewspaperSubscription.ends_on >= day)))
            if sid not in served and sid not in in_batch)
        if available - given - wanted < waiting:
            raise ConflictError("newspaper.residents_first", title=batch[0].title_name, waiting=waiting)

    def deliveries(self, date_from: date, date_to: date) -> Iterator[DeliveryView]:
        """The newspaper register (业户报刊收发记录) for issues of ``date_from``..``date_to``,
        by day, time and id (read in pages, for the printed register and exports)."""
        if date_to < date_from:
            raise ValidationError({"date_to": _field("date.range_reversed")})
        after = (date_from - timedelta(days=1), datetime.min, 0)
        while True:
            with self.ctx.db.read() as s:
                q = (select(NewspaperDelivery.id, NewspaperDelivery.day, NewspaperDelivery.delivered_at)
                     .where(NewspaperDelivery.day >= date_from, NewspaperDelivery.day <= date_to, _after(after))
                     .order_by(NewspaperDelivery.day, NewspaperDelivery.delivered_at, NewspaperDelivery.id))
                rows = s.execute(q.limit(1000)).all()
                if not rows:
                    return
                views = self._delivery_views(s, [r[0] for r in rows])
            yield from views
            last = rows[-1]
            after = (last[1], last[2], last[0])

    # -- helpers ---------------------------------------------------------------------------------

    @staticmethod
    def _title(s, title_id: int) -> NewspaperTitle:  # noqa: ANN001
        t = s.get(NewspaperTitle, title_id)
        if t is None:
            raise NotFoundError("newspaper.title_not_found")
        return t

    @staticmethod
    def _subscription(s, subscription_id: int) -> NewspaperSubscription:  # noqa: ANN001
        sub = s.get(NewspaperSubscription, subscription_id)
        if sub is None:
            raise NotFoundError("newspaper.subscription_not_found")
        return sub

    @staticmethod
    def _claim(s, claim_id: int) -> NewspaperClaim:  # noqa: ANN001
        c = s.get(NewspaperClaim, claim_id)
        if c is None:
            raise NotFoundError("newspaper.claim_not_found")
        return c

    def _open_claim(self, s, claim_id: int) -> NewspaperClaim:  # noqa: ANN001
        c = self._claim(s, claim_id)
        if c.state != "open":
            raise ConflictError("newspaper.claim_closed", at=c.resolved_at)
        return c

    @staticmethod
    def _expected(s, title_id: int, day: date) -> int:  # noqa: ANN001
        return int(s.execute(select(func.coalesce(func.sum(NewspaperSubscription.copies), 0)).where(
            NewspaperSubscription.title_id == title_id, NewspaperSubscription.starts_on <= day,
            (NewspaperSubscription.ends_on.is_(None)) | (NewspaperSubscription.ends_on >= day))).scalar_one())

    @staticmethod
    def _available(s, day: date, title_ids: set[int]) -> dict[int, int]:  # noqa: ANN001
        """Copies at hand per title counted on ``day`` (received + recovered by its claim)."""
        if not title_ids:
            return {}
        rows = s.execute(select(NewspaperReceipt.title_id, NewspaperReceipt.received, NewspaperClaim.recovered)
                         .outerjoin(NewspaperClaim, NewspaperClaim.receipt_id == NewspaperReceipt.id)
                         .where(NewspaperReceipt.day == day, NewspaperReceipt.title_id.in_(list(title_ids))))
        return {tid: received + (recovered or 0) for tid, received, recovered in rows}

    def _subscription_views(self, s, ids: Sequence[int]) -> list[SubscriptionView]:  # noqa: ANN001
        if not ids:
            return []
        ender = aliased(Staff)
        sub = NewspaperSubscription
        # Plain columns, not ORM entities: the Newspapers tab reads the whole list on a refresh.
        rows = s.execute(
            select(sub.id, sub.title_id, NewspaperTitle.name, NewspaperTitle.kind, sub.unit_id, Unit.code,
                   Building.code, sub.department, sub.occupant_id, sub.subscriber, sub.copies, sub.starts_on,
                   sub.ends_on, sub.note, sub.created_at, sub.ended_at, ender.display_name, sub.end_reason)
            .join(NewspaperTitle, NewspaperTitle.id == sub.title_id)
            .outerjoin(Unit, Unit.id == sub.unit_id)
            .outerjoin(Building, Building.id == Unit.building_id)
            .outerjoin(ender, ender.id == sub.ended_by_id)
            .where(sub.id.in_(list(ids)))).all()
        by_id = {r[0]: SubscriptionView(r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6] or "", r[7], r[8], r[9],
                                        r[10], r[11], r[12], r[13], r[14], r[15], r[16] or "", r[17])
                 for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def _claim_views(self, s, ids: Sequence[int]) -> list[ClaimView]:  # noqa: ANN001
        if not ids:
            return []
        raiser, resolver = aliased(Staff), aliased(Staff)
        rows = s.execute(
            select(NewspaperClaim, NewspaperTitle.name, raiser.display_name, resolver.display_name)
            .join(NewspaperTitle, NewspaperTitle.id == NewspaperClaim.title_id)
            .join(raiser, raiser.id == NewspaperClaim.raised_by_id)
            .outerjoin(resolver, resolver.id == NewspaperClaim.resolved_by_id)
            .where(NewspaperClaim.id.in_(list(ids)))).all()
        notes: dict[int, str] = {}
        for cid, note in s.execute(select(NewspaperClaimEvent.claim_id, NewspaperClaimEvent.note)
                                   .where(NewspaperClaimEvent.claim_id.in_(list(ids)), NewspaperClaimEvent.note != "")
                                   .order_by(NewspaperClaimEvent.id)):
            notes[cid] = note
        by_id = {c.id: ClaimView(c.id, c.receipt_id, c.title_id, tname, c.day, c.missing, c.recovered, c.state,
                                 c.raised_at, rname, c.resolved_at, sname or "", notes.get(c.id, ""))
                 for c, tname, rname, sname in rows}
        return [by_id[i] for i in ids if i in by_id]

    def _receipt_views(self, s, ids: Sequence[int]) -> list[ReceiptView]:  # noqa: ANN001
        if not ids:
            return []
        rows = s.execute(
            select(NewspaperReceipt, NewspaperTitle.name, Staff.display_name)
            .join(NewspaperTitle, NewspaperTitle.id == NewspaperReceipt.title_id)
            .join(Staff, Staff.id == NewspaperReceipt.recorded_by_id)
            .where(NewspaperReceipt.id.in_(list(ids)))).all()
        claim_ids = dict(s.execute(select(NewspaperClaim.receipt_id, NewspaperClaim.id)
                                   .where(NewspaperClaim.receipt_id.in_(list(ids)))).all())
        claims = {c.id: c for c in self._claim_views(s, list(claim_ids.values()))}
        by_id = {r.id: ReceiptView(r.id, r.title_id, tname, r.day, r.expected, r.received, r.recorded_at, sname,
                                   r.note, claims.get(claim_ids.get(r.id, -1)))
                 for r, tname, sname in rows}
        return [by_id[i] for i in ids if i in by_id]

    def _delivery_views(self, s, ids: Sequence[int]) -> list[DeliveryView]:  # noqa: ANN001
        if not ids:
            return []
        d = NewspaperDelivery
        # Plain columns, not ORM entities: the register reads tens of thousands of these.
        rows = s.execute(
            select(d.id, d.day, d.title_id, NewspaperTitle.name, d.subscription_id, Unit.code, Building.code,
                   d.department, NewspaperSubscription.subscriber, d.copies, d.method, d.received_by,
                   d.delivered_at, Staff.display_name)
            .join(NewspaperTitle, NewspaperTitle.id == d.title_id)
            .join(NewspaperSubscription, NewspaperSubscription.id == d.subscription_id)
            .outerjoin(Unit, Unit.id == d.unit_id)
            .outerjoin(Building, Building.id == Unit.building_id)
            .join(Staff, Staff.id == d.staff_id)
            .where(d.id.in_(list(ids)))).all()
        by_id = {r[0]: DeliveryView(r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6] or "", r[7], r[8], r[9], r[10],
                                    r[11], r[12], r[13]) for r in rows}
        return [by_id[i] for i in ids if i in by_id]


def _after(key: tuple[date, datetime, int]):  # noqa: ANN202
    """Keyset condition ``(day, delivered_at, id) > key`` spelled out (portable SQL)."""
    d, t, i = key
    return ((NewspaperDelivery.day > d)
            | ((NewspaperDelivery.day == d) & (NewspaperDelivery.delivered_at > t))
            | ((NewspaperDelivery.day == d) & (NewspaperDelivery.delivered_at == t) & (NewspaperDelivery.id > i)))


def _overlap(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    return (a_end is None or b_start <= a_end) and (b_end is None or a_start <= b_end)


def _ordered(views: Sequence[SubscriptionView]) -> list[SubscriptionView]:
    """Residents by building and unit, then the office's departments; title and id within."""
    return sorted(views, key=lambda v: (v.office, v.building_code, v.unit_code, v.department, v.title_name, v.id))


def _title_view(t: NewspaperTitle) -> TitleView:
    return TitleView(t.id, t.name, t.kind, t.publisher, t.frequency, t.active)


def _field(key: str, **params: Any):  # noqa: ANN202
    from app.errors import FieldError

    return FieldError(key, params)
