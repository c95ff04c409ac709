"""Declarative base, naming convention and column types shared by every table."""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import BigInteger, DateTime, ForeignKey, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Money(TypeDecorator):
    """Money as ``Decimal`` in Python, stored as an integer number of fen (分).

    Integers are exact on every database; a value with more than two decimals is refused
    rather than silently rounded.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):  # noqa: ANN001
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("money must be Decimal, not float")
        d = Decimal(value)
        fen = d * 100
        if fen != fen.to_integral_value():
            raise ValueError(f"money has more than two decimals: {value}")
        return int(fen.to_integral_value(rounding=ROUND_HALF_UP))

    def process_result_value(self, value, dialect):  # noqa: ANN001
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(Decimal("0.01"))


def created_by_column() -> Mapped[int | None]:
    """Who made the record: every record stores its author (nullable only for system rows)."""
    return mapped_column(Integer, ForeignKey("staff.id"), nullable=True)


def now() -> datetime:
    """Local wall-clock time without microseconds, as the counter's registers record it."""
    return datetime.now().replace(microsecond=0)


def created_at_column() -> Mapped[datetime]:
    return mapped_column(DateTime, nullable=False, default=now)
