"""Newspapers and magazines (报刊, DOMAIN §3): titles, subscriptions, daily receipts, claims,
deliveries.

``NewspaperSubscription`` is the subscriptions list (业户订阅邮件一览表): a unit (or one of the
management office's departments, 部室) takes N copies of a title from one day to another. A
subscription is ended, never deleted: its ``ends_on`` is set and who ended it is kept.

What arrived each day is one ``NewspaperReceipt`` per title and day (expected from the active
subscriptions, received as counted with the postman). A shortfall is a ``NewspaperClaim``
raised against the post office; what happened to the claim (raised, chased, copies received,
closed) is kept in ``NewspaperClaimEvent``. Each copy handed out is a ``NewspaperDelivery`` —
the newspaper register (业户报刊收发记录). Receipts, claim events and deliveries are
append-only by trigger (migration 0006); titles, subscriptions and claims hold current state,
change audited and are never deleted.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class NewspaperTitle(Base):
    """A newspaper or magazine the property's residents subscribe to."""

    __tablename__ = "newspaper_title"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    #: newspaper | magazine
    kind: Mapped[str] = mapped_column(String(16))
    publisher: Mapped[str] = mapped_column(String(64), default="")
    #: daily | weekdays | weekly | semimonthly | monthly | other
    frequency: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))


class NewspaperSubscription(Base):
    """One line of the subscriptions list: who takes how many copies of a title, from/to."""

    __tablename__ = "newspaper_subscription"
    __table_args__ = (
        Index("ix_newspaper_subscription_title", "title_id", "starts_on"),
        Index("ix_newspaper_subscription_unit", "unit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title_id: Mapped[int] = mapped_column(ForeignKey("newspaper_title.id"))
    #: a resident's unit, or None for a department of the management office (``department``)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), nullable=True)
    department: Mapped[str] = mapped_column(String(64), default="")
    occupant_id: Mapped[int | None] = mapped_column(ForeignKey("occupant.id"), nullable=True)
    #: the subscriber's name as on the list (业户)
    subscriber: Mapped[str] = mapped_column(String(64), default="")
    copies: Mapped[int] = mapped_column(Integer)
    starts_on: Mapped[date] = mapped_column(Date)
    #: the last day delivered; None while open-ended
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    ended_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    end_reason: Mapped[str] = mapped_column(Text, default="")


class NewspaperReceipt(Base):
    """What the post office brought of one title on one day. Append-only."""

    __tablename__ = "newspaper_receipt"
    __table_args__ = (UniqueConstraint("title_id", "day", name="uq_newspaper_receipt_title_day"),
                      Index("ix_newspaper_receipt_day", "day"))

    id: Mapped[int] = mapped_column(primary_key=True)
    title_id: Mapped[int] = mapped_column(ForeignKey("newspaper_title.id"))
    day: Mapped[date] = mapped_column(Date)
    #: copies the active subscriptions call for that day, as computed when counted
    expected: Mapped[int] = mapped_column(Integer)
    received: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class NewspaperClaim(Base):
    """Copies missing from a receipt, claimed back from the post office (current state)."""

    __tablename__ = "newspaper_claim"
    __table_args__ = (Index("ix_newspaper_claim_state", "state", "day"),
                      Index("ix_newspaper_claim_receipt", "receipt_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("newspaper_receipt.id"))
    title_id: Mapped[int] = mapped_column(ForeignKey("newspaper_title.id"))
    day: Mapped[date] = mapped_column(Date)
    missing: Mapped[int] = mapped_column(Integer)
    #: copies the post office delivered later
    recovered: Mapped[int] = mapped_column(Integer, default=0)
    #: open | resolved
    state: Mapped[str] = mapped_column(String(16))
    raised_at: Mapped[datetime] = mapped_column(DateTime)
    raised_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)


class NewspaperClaimEvent(Base):
    """What happened to a claim: ``raised``, ``chased``, ``received`` (copies), ``resolved``.
    Append-only."""

    __tablename__ = "newspaper_claim_event"
    __table_args__ = (Index("ix_newspaper_claim_event_claim", "claim_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("newspaper_claim.id"))
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    copies: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class NewspaperDelivery(Base):
    """One subscription's copies of one day's issue handed out (业户报刊收发记录). Append-only."""

    __tablename__ = "newspaper_delivery"
    __table_args__ = (
        UniqueConstraint("subscription_id", "day", name="uq_newspaper_delivery_subscription_day"),
        Index("ix_newspaper_delivery_day", "day", "title_id"),
        Index("ix_newspaper_delivery_at", "delivered_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the issue's day (the receipt's day), even when handed out later after a claim
    day: Mapped[date] = mapped_column(Date)
    title_id: Mapped[int] = mapped_column(ForeignKey("newspaper_title.id"))
    subscription_id: Mapped[int] = mapped_column(ForeignKey("newspaper_subscription.id"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), nullable=True)
    department: Mapped[str] = mapped_column(String(64), default="")
    copies: Mapped[int] = mapped_column(Integer)
    #: signed (handed over, ``received_by`` signed) | mailbox (put in the unit's mail slot)
    method: Mapped[str] = mapped_column(String(16))
    received_by: Mapped[str] = mapped_column(String(64), default="")
    delivered_at: Mapped[datetime] = mapped_column(DateTime)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
