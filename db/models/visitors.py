"""The visitor register (来访登记表) and its amendments."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class Visit(Base):
    """One line of the visitor register.

    Never deleted. Registration fields change only through ``VisitAmendment`` rows written
    in the same transaction (the amendment keeps the old value); sign-out fills
    ``time_out`` once.
    """

    __tablename__ = "visit"
    __table_args__ = (
        # Each search key is indexed together with time_in so "newest first" pages stay cheap
        # (db/repositories/visitors.py reads them without touching the table). Name and
        # initials also carry host_unit_id: a one-letter search ("c") matches both initials
        # and units (C-0501), and counting it tells the two apart from the index alone; the
        # same for a whole phone number, which matches both phone and phone_rev.
        Index("ix_visit_time_in", "time_in"),
        Index("ix_visit_name_time", "visitor_name", "time_in", "host_unit_id"),
        Index("ix_visit_initials_time", "name_initials", "time_in", "host_unit_id"),
        Index("ix_visit_phone_time", "phone", "time_in"),
        Index("ix_visit_phone_rev_time", "phone_rev", "time_in", "phone"),
        Index("ix_visit_doc_tail_time", "doc_tail", "time_in"),
        Index("ix_visit_host_unit_time", "host_unit_id", "time_in"),
        # who holds a badge now (time_out NULL), and a badge's visits newest first
        Index("ix_visit_badge", "badge_number", "time_out", "time_in"),
        Index("ix_visit_time_out", "time_out"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    visitor_name: Mapped[str] = mapped_column(String(64))
    name_initials: Mapped[str] = mapped_column(String(64), default="")
    doc_type: Mapped[str] = mapped_column(String(16))
    doc_number: Mapped[str] = mapped_column(String(32), default="")
    doc_tail: Mapped[str] = mapped_column(String(8), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    phone_rev: Mapped[str] = mapped_column(String(32), default="")
    company: Mapped[str] = mapped_column(String(128), default="")
    host_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), nullable=True)
    host_occupant_id: Mapped[int | None] = mapped_column(
        ForeignKey("occupant.id"), nullable=True
    )
    #: whom they visit when it is not an occupant, e.g. the management office
    host_note: Mapped[str] = mapped_column(String(128), default="")
    purpose: Mapped[str] = mapped_column(String(128))
    party_size: Mapped[int] = mapped_column(Integer, default=1)
    vehicle_plate: Mapped[str] = mapped_column(String(16), default="")
    badge_number: Mapped[str] = mapped_column(String(32), default="")
    time_in: Mapped[datetime] = mapped_column(DateTime)
    time_out: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    signed_out_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    amendment_count: Mapped[int] = mapped_column(Integer, default=0)


class VisitAmendment(Base):
    """A correction of a saved visit: the reason and each field's old and new value."""

    __tablename__ = "visit_amendment"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    reason: Mapped[str] = mapped_column(Text)
    #: JSON list of {"field", "old", "new"}
    changes: Mapped[str] = mapped_column(Text)
