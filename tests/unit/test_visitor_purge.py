"""ID numbers are kept only for the retention period; the visits themselves stay."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from app.errors import DomainError
from app.services.visitors import PastVisit, VisitInput, VisitQuery
from db.models import AuditEntry

ID_A = "11010519491231002X"
ID_B = "440305199001011248"


def _past(name, doc, days_ago):
    t = datetime.now().replace(microsecond=0) - timedelta(days=days_ago)
    return PastVisit(VisitInput(name, "mainland_id", doc, "拜访", host_note="管理处"), t, t + timedelta(hours=1))


def test_old_id_numbers_are_masked_and_new_ones_kept(svc):
    svc.visitors.register_past([_past("老访客", ID_A, 400), _past("新访客", ID_B, 10)])
    assert svc.visitors.purge_expired_documents() == 1
    with svc.ctx.db.read() as s:
        stored = dict(s.execute(text("SELECT visitor_name, doc_number FROM visit")).all())
    assert stored == {"老访客": "110105********002X", "新访客": ID_B}
    # Both visits remain, and the old one is still found by the last digits of its document.
    assert svc.visitors.count(VisitQuery()) == 2
    assert [v.visitor_name for v in svc.visitors.page(VisitQuery(text="002X")).rows] == ["老访客"]
    with svc.ctx.db.read() as s:
        rows = s.execute(select(AuditEntry.after).where(AuditEntry.action == "visit.purge_documents")).scalars().all()
    assert len(rows) == 1 and '"masked": 1' in rows[0]


def test_purge_resumes_where_it_stopped(svc):
    svc.visitors.register_past([_past("甲", ID_A, 400)])
    assert svc.visitors.purge_expired_documents() == 1
    assert svc.visitors.purge_expired_documents() == 0  # nothing new since the last run
    svc.visitors.register_past([_past("乙", ID_B, 10)])
    later = datetime.now() + timedelta(days=200)
    assert svc.visitors.purge_expired_documents(at=later) == 1
    with svc.ctx.db.read() as s:
        assert s.execute(select(func.count()).select_from(text("visit")).where(
            text("doc_number LIKE '%*%'"))).scalar_one() == 2


def test_retention_setting_is_checked(svc):
    with pytest.raises(DomainError) as err:
        svc.settings.set("visitor.id_retention_days", 3)
    assert err.value.key == "setting.retention_range"
    svc.settings.set("visitor.id_retention_days", 30)
    svc.visitors.register_past([_past("丙", ID_A, 45)])
    assert svc.visitors.purge_expired_documents() == 1


def test_amending_a_past_visit_ignores_who_holds_its_badge_today(svc):
    old = svc.visitors.register(VisitInput("旧访客", "passport", "E1234567", "拜访", host_note="管理处",
                                           badge_number="V9"))
    svc.visitors.sign_out(old.id)
    svc.visitors.register(VisitInput("今天的访客", "passport", "E7654321", "拜访", host_note="管理处",
                                     badge_number="V9"))
    fixed = svc.visitors.amend(old.id, {"company": "顺丰"}, "补填单位")
    assert fixed.company == "顺丰" and fixed.badge_number == "V9"


def test_purge_goes_in_batches_and_audits_each(svc):
    svc.visitors.register_past([_past(f"访客{i}", ID_A, 400 + i) for i in range(7)])
    assert svc.visitors.purge_expired_documents(batch=3) == 7
    with svc.ctx.db.read() as s:
        stored = s.execute(text("SELECT doc_number FROM visit")).scalars().all()
        audits = s.execute(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "visit.purge_documents")).scalar_one()
    assert set(stored) == {"110105********002X"}
    assert audits == 3  # 3 + 3 + 1
