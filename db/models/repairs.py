"""Repair slips (报修单/派工单, DOMAIN §4), complaints and the call/visit register (DOMAIN §7).

``RepairRequest`` and ``Complaint`` hold each record's current state so "open slips" and
"follow-ups due today" are one indexed range read however long the history; they are changed
only by their services (audited) and never deleted. What happened is kept in append-only
registers (database triggers, migration 0009): ``RepairEvent`` (every step with who, when,
from which state to which, and its details), ``RepairPhoto`` and ``ComplaintEvent``.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Money


class RepairRequest(Base):
    """One repair request and its dispatch slip, with its current state. Never deleted."""

    __tablename__ = "repair_request"
    __table_args__ = (
        # the open-slips view: each open state is one range of the index, in due order
        Index("ix_repair_request_state_due", "state", "due_at"),
        # follow-ups due: completed/settled slips by follow-up day
        Index("ix_repair_request_state_follow", "state", "follow_up_due"),
        Index("ix_repair_request_registered", "registered_at", "id"),
        Index("ix_repair_request_completed", "completed_at"),
        Index("ix_repair_request_unit", "unit_id", "registered_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: W2026-000042, printed as Code 128 on the dispatch slip
    number: Mapped[str] = mapped_column(String(16), unique=True)
    source: Mapped[str] = mapped_column(String(16))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), nullable=True)
    occupant_id: Mapped[int | None] = mapped_column(ForeignKey("occupant.id"), nullable=True)
    #: a public-area location (公共设施), or the address as said when no unit applies
    location: Mapped[str] = mapped_column(String(128), default="")
    requester_name: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    category: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text)
    preferred_time: Mapped[str] = mapped_column(String(64), default="")
    grade: Mapped[str] = mapped_column(String(16))
    #: what the receptionist told the occupant at registration (the fee standard then)
    chargeable: Mapped[bool] = mapped_column(Boolean, default=False)
    rate: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    fee_code: Mapped[str] = mapped_column(String(32), default="")
    registered_at: Mapped[datetime] = mapped_column(DateTime)
    registered_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    due_at: Mapped[datetime] = mapped_column(DateTime)
    state: Mapped[str] = mapped_column(String(16))
    state_at: Mapped[datetime] = mapped_column(DateTime)
    #: the technician or team the slip is dispatched to
    assignee: Mapped[str] = mapped_column(String(64), default="")
    dispatched_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    hold_reason: Mapped[str] = mapped_column(String(200), default="")
    completed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    on_time: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    charge: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    settled_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    #: the receipt issued at the counter for the charge (its number, e.g. R2026-000123)
    receipt_ref: Mapped[str] = mapped_column(String(32), default="")
    follow_up_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    followed_up_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    #: satisfied | not_satisfied
    follow_up_result: Mapped[str] = mapped_column(String(16), default="")
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    rework_count: Mapped[int] = mapped_column(Integer, default=0)
    print_count: Mapped[int] = mapped_column(Integer, default=0)


class RepairEvent(Base):
    """One step of a slip: registered, dispatched, completed, settled, followed up, reopened,
    printed, an unfinished-stub reason… with its details as JSON. Append-only."""

    __tablename__ = "repair_event"
    __table_args__ = (
        Index("ix_repair_event_repair", "repair_id", "id"),
        Index("ix_repair_event_kind_at", "kind", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    repair_id: Mapped[int] = mapped_column(ForeignKey("repair_request.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    kind: Mapped[str] = mapped_column(String(24))
    from_state: Mapped[str] = mapped_column(String(16), default="")
    to_state: Mapped[str] = mapped_column(String(16), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")


class RepairPhoto(Base):
    """A photo taken with the request (optional). Append-only."""

    __tablename__ = "repair_photo"
    __table_args__ = (Index("ix_repair_photo_repair", "repair_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    repair_id: Mapped[int] = mapped_column(ForeignKey("repair_request.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    mime: Mapped[str] = mapped_column(String(32))
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Complaint(Base):
    """A complaint (投诉处理表) or a line of the call/visit register (客户来电来访登记表:
    inquiry, suggestion, praise), with its current state. Never deleted."""

    __tablename__ = "complaint"
    __table_args__ = (
        Index("ix_complaint_state_fix", "state", "fix_due_at"),
        Index("ix_complaint_received", "received_at", "id"),
        Index("ix_complaint_kind_received", "kind", "received_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(32), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), nullable=True)
    occupant_id: Mapped[int | None] = mapped_column(ForeignKey("occupant.id"), nullable=True)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    received_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    content: Mapped[str] = mapped_column(Text)
    needs_action: Mapped[bool] = mapped_column(Boolean, default=True)
    state: Mapped[str] = mapped_column(String(16))
    state_at: Mapped[datetime] = mapped_column(DateTime)
    fix_due_at: Mapped[datetime] = mapped_column(DateTime)
    follow_up_due_at: Mapped[datetime] = mapped_column(DateTime)
    #: the responsible person (责任人)
    assignee: Mapped[str] = mapped_column(String(64), default="")
    #: validity after investigation (有效/无效) and the handling opinion
    valid: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    opinion: Mapped[str] = mapped_column(Text, default="")
    handled_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    follow_up_result: Mapped[str] = mapped_column(String(16), default="")
    followed_up_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class ComplaintEvent(Base):
    """One step of a complaint or register line, details as JSON. Append-only."""

    __tablename__ = "complaint_event"
    __table_args__ = (Index("ix_complaint_event_complaint", "complaint_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    kind: Mapped[str] = mapped_column(String(24))
    from_state: Mapped[str] = mapped_column(String(16), default="")
    to_state: Mapped[str] = mapped_column(String(16), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")
