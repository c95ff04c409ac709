"""Newspapers and magazines on real SQLite files: subscriptions, the daily count, claims, delivery."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from app.errors import ConflictError, ValidationError
from app.newspaper_rules import Demand, allocate, due_on, is_active
from app.services.newspapers import DeliveryInput, SubscriptionInput
from db.models import (
    AuditEntry,
    NewspaperClaimEvent,
    NewspaperDelivery,
    NewspaperSubscription,
)

MON = date(2026, 3, 2)
AT = datetime(2026, 3, 2, 8, 30)


def audit_count(svc) -> int:
    with svc.ctx.db.read() as s:
        return s.execute(select(func.count(AuditEntry.id))).scalar_one()


@pytest.fixture
def papers(svc):
    """深圳特区报 taken by A-1203 (2 copies), A-1204 (1, ended Feb 28), B-0302 (1, from Mar 3), 客服部 (1)."""
    t = svc.newspapers.add_title("深圳特区报", "newspaper", "深圳报业集团", "daily")
    m = svc.newspapers.add_title("读者", "magazine", "读者出版社", "semimonthly")
    zhang = svc.occupants.search("张三")[0]
    a = svc.newspapers.subscribe(SubscriptionInput(t.id, "A-1203", occupant_id=zhang.id, copies=2,
                                                   starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31)))
    old = svc.newspapers.subscribe(SubscriptionInput(t.id, "A-1204", subscriber="欧阳娜娜", copies=1,
                                                     starts_on=date(2026, 1, 1)))
    svc.newspapers.end_subscription(old.id, date(2026, 2, 28), "搬走")
    later = svc.newspapers.subscribe(SubscriptionInput(t.id, "B-0302", copies=1, starts_on=date(2026, 3, 3)))
    office = svc.newspapers.subscribe(SubscriptionInput(t.id, department="客服部", copies=1,
                                                        starts_on=date(2026, 1, 1)))
    svc.newspapers.subscribe(SubscriptionInput(m.id, "A-1203", copies=1, starts_on=date(2026, 1, 1)))
    return svc, t, m, {"a": a, "old": old, "later": later, "office": office}


# -- rules ------------------------------------------------------------------------------------


def test_rules_active_period_and_residents_first():
    assert is_active(MON, None, MON) and is_active(MON, MON, MON)
    assert not is_active(MON, MON, MON + timedelta(days=1)) and not is_active(MON, None, MON - timedelta(days=1))
    demands = [Demand(1, 1, True), Demand(2, 2, False, ("A-1203",)), Demand(3, 1, False, ("B-0302",))]
    assert allocate(demands, 3) == {2: 2, 3: 1, 1: 0}
    assert allocate(demands, 2) == {2: 2, 3: 0, 1: 0}
    assert allocate(demands, 10) == {2: 2, 3: 1, 1: 1}


def test_rules_which_titles_come_on_a_day():
    sat = MON + timedelta(days=5)
    assert due_on("daily", MON) and due_on("daily", sat)
    assert due_on("weekdays", MON) and not due_on("weekdays", sat)
    assert not any(due_on(f, MON) for f in ("weekly", "semimonthly", "monthly", "other"))


def test_a_magazine_is_on_the_day_sheet_and_the_delivery_plan_only_the_day_it_is_counted(papers):
    svc, t, m, _ = papers
    sheet = {ln.title.id: ln for ln in svc.newspapers.day_sheet(MON)}
    assert sheet[t.id].due and not sheet[m.id].due and sheet[m.id].expected == 1
    titles = lambda day: {ln.subscription.title_id for ln in svc.newspapers.delivery_plan(day, due_only=True)}  # noqa: E731
    assert titles(MON) == {t.id}
    assert {ln.subscription.title_id for ln in svc.newspapers.delivery_plan(MON)} == {t.id, m.id}
    svc.newspapers.record_receipt(m.id, MON, 1, at=AT)
    assert titles(MON) == {t.id, m.id}
    assert next(ln for ln in svc.newspapers.day_sheet(MON) if ln.title.id == m.id).due


# -- subscriptions ----------------------------------------------------------------------------


def test_subscription_records_the_list_line(papers):
    svc, t, _, subs = papers
    a = subs["a"]
    assert (a.unit_code, a.building_code, a.subscriber, a.copies, a.title_name) == ("A-1203", "A", "张三", 2, "深圳特区报")
    assert (a.starts_on, a.ends_on, a.office) == (date(2026, 1, 1), date(2026, 12, 31), False)
    listed = svc.newspapers.subscriptions(title_id=t.id)
    assert [v.where for v in listed] == ["A-1203", "A-1204", "B-0302", "客服部"]  # by unit, departments last


def test_subscribe_collects_every_field_error_and_writes_nothing(papers):
    svc, t, _, _ = papers
    before = audit_count(svc)
    with pytest.raises(ValidationError) as exc:
        svc.newspapers.subscribe(SubscriptionInput(None, "Z-9999", copies=0, starts_on=MON, ends_on=MON - timedelta(1)))
    assert set(exc.value.fields) == {"title_id", "unit_code", "copies", "ends_on"}
    with pytest.raises(ValidationError) as exc:
        svc.newspapers.subscribe(SubscriptionInput(t.id, "A-1203", department="工程部"))
    assert exc.value.fields["department"].key == "newspaper.unit_or_department"
    with pytest.raises(ValidationError) as exc:
        svc.newspapers.subscribe(SubscriptionInput(t.id))
    assert exc.value.fields["unit_code"].key == "newspaper.subscriber_required"
    assert audit_count(svc) == before


def test_a_unit_cannot_take_the_same_title_twice_over_the_same_period(papers):
    svc, t, _, _ = papers
    with pytest.raises(ValidationError) as exc:
        svc.newspapers.subscribe(SubscriptionInput(t.id, "A-1203", starts_on=date(2026, 6, 1)))
    assert exc.value.fields["title_id"].key == "newspaper.already_subscribed"
    # A-1204's line ended in February: a new one from March is fine, the old line stays.
    again = svc.newspapers.subscribe(SubscriptionInput(t.id, "a-1204", starts_on=MON))
    assert again.unit_code == "A-1204"
    assert len(svc.newspapers.subscriptions(unit_code="A-1204")) == 2


def test_ending_keeps_the_line_and_its_author(papers):
    svc, _, _, subs = papers
    old = next(v for v in svc.newspapers.subscriptions() if v.id == subs["old"].id)
    assert (old.ends_on, old.end_reason, old.ended_by) == (date(2026, 2, 28), "搬走", "管理员")
    assert not old.active_on(MON)
    with pytest.raises(ConflictError) as exc:
        svc.newspapers.end_subscription(old.id, date(2026, 3, 31))
    assert exc.value.key == "newspaper.subscription_ended"
    with svc.ctx.db.engine.begin() as conn, pytest.raises(Exception, match="never deleted"):
        conn.execute(text("DELETE FROM newspaper_subscription"))
    assert svc.newspapers.subscriptions(active_on=MON, unit_code="A-1204") == []


def test_end_cannot_cut_off_a_day_already_delivered(papers):
    svc, t, _, subs = papers
    svc.newspapers.record_receipt(t.id, MON, 3, at=AT)
    svc.newspapers.deliver(MON, [DeliveryInput(subs["a"].id)], at=AT)
    with pytest.raises(ValidationError) as exc:
        svc.newspapers.end_subscription(subs["a"].id, MON - timedelta(days=1))
    assert exc.value.fields["last_day"].key == "newspaper.end_before_delivery"
    assert svc.newspapers.end_subscription(subs["a"].id, MON).ends_on == MON


# -- the daily count ----------------------------------------------------------------------------


def test_expected_counts_only_subscriptions_active_that_day(papers):
    svc, t, m, _ = papers
    # A-1203 2 + 客服部 1 on Monday; A-1204 ended in February, B-0302 starts on Tuesday.
    assert svc.newspapers.expected_copies(t.id, MON) == 3
    assert svc.newspapers.expected_copies(t.id, MON + timedelta(days=1)) == 4
    assert svc.newspapers.expected_copies(t.id, date(2026, 2, 1)) == 4
    assert svc.newspapers.expected_copies(t.id, date(2027, 1, 1)) == 2  # A-1203 ended with 2026
    sheet = {line.title.name: line for line in svc.newspapers.day_sheet(MON)}
    assert (sheet["深圳特区报"].expected, sheet["读者"].expected) == (3, 1)
    assert sheet["深圳特区报"].receipt is None


def test_a_short_delivery_raises_a_claim_with_its_history(papers):
    svc, t, _, _ = papers
    r = svc.newspapers.record_receipt(t.id, MON, 2, "邮递员说少带了一份", at=AT)
    assert (r.expected, r.received, r.missing, r.recorded_by) == (3, 2, 1, "管理员")
    claim = r.claim
    assert (claim.missing, claim.recovered, claim.state, claim.outstanding) == (1, 0, "open", 1)
    assert [c.id for c in svc.newspapers.claims()] == [claim.id]
    svc.newspapers.chase_claim(claim.id, "已电话邮局 李师傅", at=AT + timedelta(hours=3))
    done = svc.newspapers.receive_claimed(claim.id, 1, "次日补送", at=AT + timedelta(days=1))
    assert (done.state, done.recovered, done.resolved_by) == ("resolved", 1, "管理员")
    assert [e.kind for e in svc.newspapers.claim_history(claim.id)] == ["raised", "chased", "received", "resolved"]
    assert svc.newspapers.claims() == []
    assert svc.newspapers.claims(open_only=False)[0].id == claim.id
    with pytest.raises(ConflictError) as exc:
        svc.newspapers.chase_claim(claim.id, "again")
    assert exc.value.key == "newspaper.claim_closed"
    with svc.ctx.db.engine.begin() as conn, pytest.raises(Exception, match="append-only"):
        conn.execute(text("UPDATE newspaper_claim_event SET note = 'x'"))


def test_a_claim_can_be_closed_with_copies_still_owed_but_never_over_received(papers):
    svc, t, _, _ = papers
    r = svc.newspapers.record_receipt(t.id, MON, 0, at=AT)
    assert r.claim.missing == 3
    with pytest.raises(ValidationError) as exc:
        svc.newspapers.receive_claimed(r.claim.id, 4)
    assert exc.value.fields["copies"].key == "newspaper.more_than_owed"
    part = svc.newspapers.receive_claimed(r.claim.id, 2, at=AT + timedelta(hours=4))
    assert (part.state, part.outstanding) == ("open", 1)
    with pytest.raises(ValidationError):
        svc.newspapers.resolve_claim(r.claim.id, "  ")
    closed = svc.newspapers.resolve_claim(r.claim.id, "邮局确认无法补送", at=AT + timedelta(days=2))
    assert (closed.state, closed.recovered, closed.missing, closed.last_note) == ("resolved", 2, 3, "邮局确认无法补送")


def test_a_full_count_raises_no_claim_and_a_day_is_counted_once(papers):
    svc, t, _, _ = papers
    r = svc.newspapers.record_receipt(t.id, MON, 4, at=AT)
    assert (r.missing, r.surplus, r.claim) == (0, 1, None)
    with pytest.raises(ConflictError) as exc:
        svc.newspapers.record_receipt(t.id, MON, 3, at=AT)
    assert exc.value.key == "newspaper.receipt_exists" and exc.value.params["name"] == "管理员"
    with pytest.raises(ValidationError) as exc:
        svc.newspapers.record_receipt(t.id, MON + timedelta(days=1), -1, at=AT)
    assert set(exc.value.fields) == {"received", "day"}


# -- delivery -----------------------------------------------------------------------------------


def test_delivery_plan_and_register(papers):
    svc, t, _, subs = papers
    plan = svc.newspapers.delivery_plan(MON, title_id=t.id)
    assert [(ln.subscription.where, ln.received) for ln in plan] == [("A-1203", False), ("客服部", False)]
    svc.newspapers.record_receipt(t.id, MON, 3, at=AT)
    with pytest.raises(ValidationError):
        svc.newspapers.deliver(MON, [DeliveryInput(subs["a"].id, "signed", "")])  # who signed?
    out = svc.newspapers.deliver(MON, [DeliveryInput(subs["a"].id, "signed", "张三"),
                                       DeliveryInput(subs["office"].id, "signed", "客服部 刘")], at=AT)
    assert [(d.where, d.copies, d.method, d.received_by, d.staff_name) for d in out] == [
        ("A-1203", 2, "signed", "张三", "管理员"), ("客服部", 1, "signed", "客服部 刘", "管理员")]
    assert all(ln.delivered for ln in svc.newspapers.delivery_plan(MON, title_id=t.id))
    with pytest.raises(ConflictError) as exc:
        svc.newspapers.deliver(MON, [DeliveryInput(subs["a"].id)])
    assert exc.value.key == "newspaper.already_delivered"
    register = list(svc.newspapers.deliveries(MON, MON))
    assert [d.where for d in register] == ["A-1203", "客服部"]
    sheet = next(ln for ln in svc.newspapers.day_sheet(MON) if ln.title.id == t.id)
    assert (sheet.delivered, sheet.available) == (3, 3)
    with svc.ctx.db.engine.begin() as conn, pytest.raises(Exception, match="append-only"):
        conn.execute(text("UPDATE newspaper_delivery SET copies = 9"))


def test_nothing_is_handed_out_before_the_count_or_beyond_it(papers):
    svc, t, _, subs = papers
    with pytest.raises(ConflictError) as exc:
        svc.newspapers.deliver(MON, [DeliveryInput(subs["a"].id)], at=AT)
    assert exc.value.key == "newspaper.not_received"
    with pytest.raises(ConflictError) as exc:
        svc.newspapers.deliver(MON, [DeliveryInput(subs["later"].id)], at=AT)
    assert exc.value.key == "newspaper.not_subscribed_that_day"
    r = svc.newspapers.record_receipt(t.id, MON, 1, at=AT)
    with pytest.raises(ConflictError) as exc:
        svc.newspapers.deliver(MON, [DeliveryInput(subs["a"].id)], at=AT)
    assert exc.value.key == "newspaper.not_enough_copies" and exc.value.params["left"] == 1
    # The claimed copies arrive: now A-1203 can have both.
    svc.newspapers.receive_claimed(r.claim.id, 1, at=AT + timedelta(hours=5))
    assert svc.newspapers.deliver(MON, [DeliveryInput(subs["a"].id)], at=AT + timedelta(hours=5))[0].copies == 2


def test_residents_first_then_the_office(papers):
    svc, t, _, subs = papers
    svc.newspapers.record_receipt(t.id, MON, 2, at=AT)  # 3 expected: the office must wait
    plan = {ln.subscription.where: ln for ln in svc.newspapers.delivery_plan(MON, title_id=t.id)}
    assert (plan["A-1203"].allotted, plan["客服部"].allotted, plan["客服部"].short) == (2, 0, True)
    with pytest.raises(ConflictError) as exc:
        svc.newspapers.deliver(MON, [DeliveryInput(subs["office"].id, "signed", "刘")], at=AT)
    assert exc.value.key == "newspaper.residents_first"
    with pytest.raises(ConflictError) as exc:
        svc.newspapers.deliver(MON, [DeliveryInput(subs["office"].id, "mailbox")], at=AT)
    assert exc.value.key == "newspaper.mailbox_unit_only"
    with svc.ctx.db.read() as s:
        assert s.execute(select(func.count(NewspaperDelivery.id))).scalar_one() == 0


def test_every_write_is_audited(papers):
    svc, t, _, subs = papers
    with svc.ctx.db.read() as s:
        actions = set(s.execute(select(AuditEntry.action)).scalars())
    assert {"newspaper.title_add", "newspaper.subscribe", "newspaper.unsubscribe"} <= actions
    svc.newspapers.record_receipt(t.id, MON, 2, at=AT)
    svc.newspapers.deliver(MON, [DeliveryInput(subs["a"].id)], at=AT)
    with svc.ctx.db.read() as s:
        actions = set(s.execute(select(AuditEntry.action)).scalars())
        assert s.execute(select(func.count(NewspaperClaimEvent.id))).scalar_one() == 1
        assert s.execute(select(func.count(NewspaperSubscription.id))).scalar_one() == 5
    assert {"newspaper.receipt", "newspaper.claim_raise", "newspaper.deliver"} <= actions
    assert svc.audit.verify_chain() is None


def test_titles_are_unique_and_can_be_withdrawn(papers):
    svc, t, _, _ = papers
    with pytest.raises(ValidationError) as exc:
        svc.newspapers.add_title("深圳特区报", "newspaper")
    assert exc.value.fields["name"].key == "newspaper.title_exists"
    with pytest.raises(ValidationError) as exc:
        svc.newspapers.add_title("", "comic", frequency="hourly")
    assert set(exc.value.fields) == {"name", "kind", "frequency"}
    svc.newspapers.set_title_active(t.id, False)
    assert [x.name for x in svc.newspapers.titles()] == ["读者"]
    with pytest.raises(ValidationError) as exc:
        svc.newspapers.subscribe(SubscriptionInput(t.id, "A-0501"))
    assert exc.value.fields["title_id"].key == "newspaper.title_inactive"
