"""How dates, times and money look on screen: yyyy-MM-dd, 24-hour, ¥1,234.50."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal


def fmt_datetime(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def fmt_time(value: datetime | None) -> str:
    return value.strftime("%H:%M") if value else ""


def fmt_date(value: date | None) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def fmt_money(value: Decimal) -> str:
    """``Decimal('1234.5')`` → ``¥1,234.50`` (never through float)."""
    q = Decimal(value).quantize(Decimal("0.01"))
    sign = "-" if q < 0 else ""
    return f"{sign}¥{abs(q):,.2f}"
