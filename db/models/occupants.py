"""Occupants (业户) and their household members."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, created_at_column, created_by_column


class Occupant(Base):
    __tablename__ = "occupant"
    __table_args__ = (
        Index("ix_occupant_name", "name"),
        Index("ix_occupant_name_initials", "name_initials"),
        Index("ix_occupant_phone", "phone"),
        Index("ix_occupant_phone_rev", "phone_rev"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    #: pinyin initials of the name (张三 → "zs"), so typing ``zs`` finds 张三
    name_initials: Mapped[str] = mapped_column(String(64), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    #: the phone reversed, so "last four digits" is an indexed prefix search
    phone_rev: Mapped[str] = mapped_column(String(32), default="")
    kind: Mapped[str] = mapped_column(String(16))  # owner | tenant
    move_in_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    emergency_name: Mapped[str] = mapped_column(String(64), default="")
    emergency_phone: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = created_at_column()
    created_by_id: Mapped[int | None] = created_by_column()

    members: Mapped[list["OccupantMember"]] = relationship(
        back_populates="occupant", order_by="OccupantMember.id"
    )


class OccupantMember(Base):
    """A family member or co-resident listed in the occupant's file."""

    __tablename__ = "occupant_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    occupant_id: Mapped[int] = mapped_column(ForeignKey("occupant.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    relation: Mapped[str] = mapped_column(String(32), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")

    occupant: Mapped[Occupant] = relationship(back_populates="members")
