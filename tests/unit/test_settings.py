"""Business settings: checked, audited, and several saved as one transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.errors import ValidationError
from db.models import AuditEntry


def _audits(svc) -> int:
    with svc.ctx.db.read() as s:
        return s.execute(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "setting.set")).scalar_one()


def test_set_many_is_all_or_nothing(svc):
    before = svc.settings.all()
    n = _audits(svc)
    with pytest.raises(ValidationError) as err:
        svc.settings.set_many({"visitor.overstay_hours": 4, "keys.end_of_day": "25:99",
                               "keys.due_soon_minutes": 1})
    assert set(err.value.fields) == {"keys.end_of_day", "keys.due_soon_minutes"}
    assert svc.settings.all() == before and _audits(svc) == n


def test_set_many_audits_only_what_changed(svc):
    n = _audits(svc)
    svc.settings.set_many({"visitor.overstay_hours": 4, "day.end_time": "22:00", "keys.end_of_day": "19:30"})
    assert svc.settings.get("visitor.overstay_hours") == 4
    assert svc.settings.get("keys.end_of_day") == "19:30"
    assert _audits(svc) == n + 2  # day.end_time was already 22:00
