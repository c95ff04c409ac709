"""The property itself: profile, buildings, units and business settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base, created_at_column, created_by_column


class PropertyProfile(Base):
    """Name, address and phone printed on every form. Exactly one row (id 1)."""

    __tablename__ = "property_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    address: Mapped[str] = mapped_column(String(255), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    updated_at: Mapped[datetime] = created_at_column()


class Setting(Base):
    """Business settings shared by every counter on this database (JSON values)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Building(Base):
    __tablename__ = "building"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = created_at_column()
    created_by_id: Mapped[int | None] = created_by_column()

    units: Mapped[list["Unit"]] = relationship(back_populates="building")


class Unit(Base):
    """A unit (房号) such as ``A-1203``; ``code`` is unique across the property."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    building_id: Mapped[int] = mapped_column(ForeignKey("building.id"), index=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    floor: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = created_at_column()
    created_by_id: Mapped[int | None] = created_by_column()

    building: Mapped[Building] = relationship(back_populates="units")
