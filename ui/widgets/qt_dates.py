"""Between Python datetimes (what services take) and Qt's date-time editors."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime


def qdt(value: datetime) -> QDateTime:
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, value.second)


def py_dt(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())
