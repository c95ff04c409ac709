"""Parcels and mail (邮件报刊收发, DOMAIN §3): items taken in, pick-ups, events, courier batches.

``Parcel`` holds each item's current state (waiting, picked up, returned…) so "what is waiting
for this unit" is one indexed range read even with a million historical items; it is changed
only by ``ParcelService`` (audited) and never deleted. What happened to an item is kept in
append-only registers (database triggers, migration 0004): ``ParcelEvent`` (intake,
recipient assigned, reason not handed over, returned to the post office, disposed, escalated,
lost/damaged reported, notified…), ``ParcelPickup`` (who took which items, with one signature
for several items) and the courier batch's manifest and result lines.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class ParcelBatch(Base):
    """One courier's delivery checked on the spot: expected count or manifest vs. scanned."""

    __tablename__ = "parcel_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    opened_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    opened_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    #: the courier's name as they gave it, and the carrier code ("sf", "ems", "other"…)
    courier: Mapped[str] = mapped_column(String(64), default="")
    carrier: Mapped[str] = mapped_column(String(16), default="")
    #: the count the courier says they hand over (typed), if no manifest
    expected_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    manifest_count: Mapped[int] = mapped_column(Integer, default=0)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    matched: Mapped[int] = mapped_column(Integer, default=0)
    missing: Mapped[int] = mapped_column(Integer, default=0)
    unexpected: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class ParcelBatchLine(Base):
    """A manifest line (``kind`` = ``manifest``) or a result line of a closed batch
    (``matched`` / ``missing`` / ``unexpected``). Append-only."""

    __tablename__ = "parcel_batch_line"
    __table_args__ = (Index("ix_parcel_batch_line_batch", "batch_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("parcel_batch.id"))
    kind: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(64))
    parcel_id: Mapped[int | None] = mapped_column(ForeignKey("parcel.id"), nullable=True)


class ParcelPickup(Base):
    """One hand-over at the counter: one or more items, one signature. Append-only."""

    __tablename__ = "parcel_pickup"
    __table_args__ = (Index("ix_parcel_pickup_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), nullable=True)
    #: who took the items, and their relation to the recipient ("" = the recipient)
    picked_up_by: Mapped[str] = mapped_column(String(64))
    relation: Mapped[str] = mapped_column(String(32), default="")
    id_checked: Mapped[bool] = mapped_column(Boolean, default=False)
    signed_on_screen: Mapped[bool] = mapped_column(Boolean, default=False)
    signed_on_paper: Mapped[bool] = mapped_column(Boolean, default=False)
    item_count: Mapped[int] = mapped_column(Integer)


class ParcelPickupSignature(Base):
    """The signature drawn on screen (PNG), apart so pick-up rows stay small. Append-only."""

    __tablename__ = "parcel_pickup_signature"

    pickup_id: Mapped[int] = mapped_column(ForeignKey("parcel_pickup.id"), primary_key=True)
    png: Mapped[bytes] = mapped_column(LargeBinary)


class Parcel(Base):
    """One item taken in at the counter, with its current state. Never deleted."""

    __tablename__ = "parcel"
    __table_args__ = (
        # the duplicate-scan check and a scanned pick-up
        Index("ix_parcel_code", "code", "id"),
        # "waiting for this unit": one range of the index, however long the history
        Index("ix_parcel_unit_state", "unit_id", "state", "received_at"),
        # end of day, reminders, uncollected items: the waiting ones in order of arrival
        Index("ix_parcel_state_received", "state", "received_at"),
        # daily log and exports
        Index("ix_parcel_received", "received_at", "id"),
        Index("ix_parcel_batch", "batch_id"),
        Index("ix_parcel_pickup", "pickup_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: the tracking number as scanned, or the internal number ("M000042") printed on a label
    code: Mapped[str] = mapped_column(String(64))
    internal: Mapped[bool] = mapped_column(Boolean, default=False)
    #: carrier code from the recognition rules ("other" when unknown)
    carrier: Mapped[str] = mapped_column(String(16), default="other")
    #: ok | failed | none — a failed check digit is a probable misread, still accepted
    check_digit: Mapped[str] = mapped_column(String(8), default="none")
    #: letter | registered | parcel | parcel_notice | magazine | newspaper | money_order
    item_type: Mapped[str] = mapped_column(String(16))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), nullable=True)
    occupant_id: Mapped[int | None] = mapped_column(ForeignKey("occupant.id"), nullable=True)
    #: the name written on the item, when it is not (yet) an occupant on file
    recipient_name: Mapped[str] = mapped_column(String(64), default="")
    shelf: Mapped[str] = mapped_column(String(16), default="")
    perishable: Mapped[bool] = mapped_column(Boolean, default=False)
    signature_required: Mapped[bool] = mapped_column(Boolean, default=False)
    fragile: Mapped[bool] = mapped_column(Boolean, default=False)
    suspicious: Mapped[bool] = mapped_column(Boolean, default=False)
    damaged: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    received_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    courier: Mapped[str] = mapped_column(String(64), default="")
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("parcel_batch.id"), nullable=True)
    #: waiting | picked_up | returned | disposed | lost | escalated
    state: Mapped[str] = mapped_column(String(16))
    state_at: Mapped[datetime] = mapped_column(DateTime)
    pickup_id: Mapped[int | None] = mapped_column(ForeignKey("parcel_pickup.id"), nullable=True)
    #: the last pick-up notice or reminder sent, so reminders are bundled and not repeated daily
    notified_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class ParcelEvent(Base):
    """What happened to an item. Append-only.

    ``kind``: ``intake``, ``assign``, ``shelf``, ``pickup``, ``held`` (not handed over today,
    with ``reason``), ``returned`` (to the post office: the return register, ``person`` is who
    took it), ``disposed``, ``escalated``, ``released`` (a supervisor cleared an escalated
    item), ``lost``, ``damaged``, ``notified``, ``reminded``.
    """

    __tablename__ = "parcel_event"
    __table_args__ = (
        Index("ix_parcel_event_parcel", "parcel_id", "id"),
        Index("ix_parcel_event_kind_at", "kind", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    parcel_id: Mapped[int] = mapped_column(ForeignKey("parcel.id"))
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    person: Mapped[str] = mapped_column(String(64), default="")
    #: the channel of a notice (print | email), the old recipient of a reassignment, …
    detail: Mapped[str] = mapped_column(Text, default="")
    pickup_id: Mapped[int | None] = mapped_column(ForeignKey("parcel_pickup.id"), nullable=True)


class ParcelContact(Base):
    """Where a unit wants pick-up notices e-mailed (opt-in). Changed (audited), never deleted."""

    __tablename__ = "parcel_contact"
    __table_args__ = (Index("ix_parcel_contact_unit", "unit_id", "active"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    occupant_id: Mapped[int | None] = mapped_column(ForeignKey("occupant.id"), nullable=True)
    name: Mapped[str] = mapped_column(String(64), default="")
    email: Mapped[str] = mapped_column(String(254))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
