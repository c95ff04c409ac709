"""Repair slips and complaints on a real SQLite file: rules, the state machine, due times,
rates, rework counting, follow-ups, the daily and weekly figures, append-only events."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text

from app.errors import ConflictError, DomainError, PermissionDeniedError, ValidationError
from app.repair_rules import (
    actions_from,
    add_working_days,
    complaint_deadlines,
    due_at,
    follow_up_due,
    format_slip_number,
    is_slip_number,
    next_state,
)
from app.services.complaints import ComplaintInput
from app.services.repairs import CompletionInput, RepairInput
from tests.unit._keys import as_user

MONDAY = datetime(2026, 3, 2, 9, 0)


def leak(svc, **kw) -> RepairInput:
    base = dict(category="water", description="厨房水龙头漏水", grade="ordinary", unit_code="A-1203",
                phone="13812345678", preferred_time="明天上午")
    base.update(kw)
    return RepairInput(**base)


def occupant_id(svc, unit: str) -> int:
    return next(o.id for o in svc.occupants.search(unit) if o.unit_code == unit)


# -- pure rules ------------------------------------------------------------------------------------


def test_due_times_per_grade_and_follow_up_days():
    assert due_at("urgent", MONDAY) == MONDAY + timedelta(hours=24)
    assert due_at("ordinary", MONDAY) == MONDAY + timedelta(days=3)
    assert follow_up_due("urgent", MONDAY) == date(2026, 3, 3)
    assert follow_up_due("ordinary", MONDAY) == date(2026, 3, 5)


def test_working_days_skip_weekends():
    friday = datetime(2026, 3, 6, 16, 0)
    saturday = datetime(2026, 3, 7, 10, 0)
    assert add_working_days(friday, 1) == datetime(2026, 3, 9, 16, 0)
    assert add_working_days(saturday, 1) == datetime(2026, 3, 9, 10, 0)
    assert add_working_days(friday, 3) == datetime(2026, 3, 11, 16, 0)
    assert add_working_days(MONDAY, 0) == MONDAY
    assert complaint_deadlines("major", friday) == (datetime(2026, 3, 9, 16, 0), friday + timedelta(days=7))
    assert complaint_deadlines("ordinary", friday) == (datetime(2026, 3, 11, 16, 0), friday + timedelta(days=14))


def test_slip_numbers_and_state_machine():
    assert format_slip_number(2026, 42) == "W2026-000042"
    assert is_slip_number(" w2026-000042 ") and not is_slip_number("W2026-42")
    assert next_state("dispatch", "registered") == "dispatched"
    assert next_state("reopen", "closed") == "registered"
    with pytest.raises(DomainError) as exc:
        next_state("close", "dispatched")
    assert exc.value.key == "repair.state_conflict"
    assert "cancel" in actions_from("in_progress") and "settle" not in actions_from("in_progress")
    assert actions_from("cancelled") == ()


# -- the service -----------------------------------------------------------------------------------


def test_register_gives_number_due_time_and_rate(svc):
    as_user(svc, "reception")
    quote = svc.repairs.quote("water")
    assert quote.chargeable and quote.rate == Decimal("30.00") and quote.fee_code == "repair_water"
    assert quote.source == "fee_catalogue"
    r = svc.repairs.register(leak(svc), at=MONDAY)
    assert r.number == "W2026-000001" and r.state == "registered"
    assert r.due_at == MONDAY + timedelta(days=3)
    assert r.chargeable and r.rate == Decimal("30.00")
    assert r.where == "A-1203 " + "" or r.unit_code == "A-1203"
    urgent = svc.repairs.register(leak(svc, grade="urgent", category="lifts", unit_code="", location="B栋2号电梯",
                                       phone=""), at=MONDAY)
    assert urgent.number == "W2026-000002" and urgent.due_at == MONDAY + timedelta(hours=24)
    assert not urgent.chargeable and urgent.rate is None and urgent.where == "B栋2号电梯"
    assert svc.repairs.find("w2026-000002").id == urgent.id


def test_register_collects_every_field_error(svc):
    as_user(svc, "reception")
    with pytest.raises(ValidationError) as exc:
        svc.repairs.register(RepairInput(category="nope", description=" ", grade="soon", source="fax"))
    assert set(exc.value.fields) == {"category", "description", "grade", "source", "unit"}
    with pytest.raises(ValidationError) as exc:
        svc.repairs.register(leak(svc, unit_code="Z-9999"))
    assert exc.value.fields["unit"].key == "unit.not_found"
    with pytest.raises(ValidationError) as exc:
        svc.repairs.register(leak(svc, photos=(b"GIF89a",)))
    assert exc.value.fields["photos"].key == "repair.photo_invalid"


def test_occupant_phone_is_taken_from_the_directory(svc):
    as_user(svc, "reception")
    r = svc.repairs.register(leak(svc, unit_code="", phone="", occupant_id=occupant_id(svc, "A-1203")), at=MONDAY)
    assert r.phone == "13812345678" and r.occupant_name == "张三" and r.where == "A-1203 张三"


def test_full_path_with_charge_receipt_and_follow_up(svc):
    as_user(svc, "reception")
    r = svc.repairs.register(leak(svc), at=MONDAY)
    r = svc.repairs.dispatch(r.id, "维修班 李师傅", at=MONDAY + timedelta(minutes=5))
    assert r.state == "dispatched" and r.assignee == "维修班 李师傅"
    r = svc.repairs.start(r.id, at=MONDAY + timedelta(hours=1))
    r = svc.repairs.hold(r.id, "等配件", at=MONDAY + timedelta(hours=2))
    assert r.state == "on_hold" and r.hold_reason == "等配件"
    r = svc.repairs.resume(r.id, at=MONDAY + timedelta(hours=20))
    with pytest.raises(ValidationError) as exc:
        svc.repairs.complete(r.id, CompletionInput("换水龙头", occupant_materials="业主自购水龙头"))
    assert exc.value.fields["material_check"].key == "repair.material_check_required"
    r = svc.repairs.complete(r.id, CompletionInput("更换水龙头", materials="生料带", occupant_materials="业主自购水龙头",
                                                   material_check="poor", labour="1 h", charge=Decimal("30")),
                             at=MONDAY + timedelta(hours=22))
    assert r.state == "completed" and r.on_time is True and r.charge == Decimal("30.00")
    assert r.follow_up_due == date(2026, 3, 6) and r.needs_settlement
    assert "follow_up" not in r.actions and "settle" in r.actions
    with pytest.raises(ConflictError):
        svc.repairs.follow_up(r.id, True)
    r = svc.repairs.settle(r.id, "R2026-000123", at=MONDAY + timedelta(hours=23))
    assert r.state == "settled" and r.receipt_ref == "R2026-000123"
    assert [v.id for v in svc.repairs.follow_ups_due(date(2026, 3, 6))] == [r.id]
    assert svc.repairs.follow_ups_due(date(2026, 3, 5)) == []
    r = svc.repairs.follow_up(r.id, True, comment="很好", at=MONDAY + timedelta(days=1))
    r = svc.repairs.close(r.id, at=MONDAY + timedelta(days=1, minutes=1))
    assert r.state == "closed" and r.closed_at is not None
    kinds = [e.kind for e in svc.repairs.history(r.id)]
    assert kinds == ["registered", "dispatched", "started", "held", "resumed", "completed", "settled",
                     "followed_up", "closed"]
    done = svc.repairs.history(r.id)[5]
    assert done.detail["material_check"] == "poor" and done.detail["charge"] == "30.00"
    assert done.staff_name == "王芳" and (done.from_state, done.to_state) == ("in_progress", "completed")
    assert [a.action for a in svc.audit.for_entity("repair_request", r.id)][:2] == ["repair.register", "repair.dispatch"]


def test_free_repair_goes_straight_to_follow_up_and_late_is_not_on_time(svc):
    as_user(svc, "reception")
    r = svc.repairs.register(leak(svc, grade="urgent", category="lifts"), at=MONDAY)
    svc.repairs.dispatch(r.id, "电梯维保", at=MONDAY)
    r = svc.repairs.complete(r.id, CompletionInput("复位"), at=MONDAY + timedelta(hours=25))
    assert r.on_time is False and "settle" not in r.actions
    with pytest.raises(ConflictError):
        svc.repairs.settle(r.id, "R2026-000001")
    r = svc.repairs.follow_up(r.id, True, at=MONDAY + timedelta(days=1, hours=2))
    assert r.state == "followed_up"


def test_rework_is_counted_and_gets_a_new_due_time(svc):
    as_user(svc, "reception")
    r = svc.repairs.register(leak(svc, category="lifts"), at=MONDAY)
    svc.repairs.dispatch(r.id, "李师傅", at=MONDAY)
    svc.repairs.complete(r.id, CompletionInput("处理"), at=MONDAY + timedelta(hours=3))
    with pytest.raises(ValidationError):
        svc.repairs.follow_up(r.id, False)  # a dissatisfied occupant's comment is needed
    r = svc.repairs.follow_up(r.id, False, comment="还在漏", at=MONDAY + timedelta(days=1))
    with pytest.raises(PermissionDeniedError):
        svc.repairs.close(r.id)
    reopened_at = MONDAY + timedelta(days=1, hours=1)
    r = svc.repairs.reopen(r.id, "还在漏，二次派单", at=reopened_at)
    assert r.state == "registered" and r.rework_count == 1 and r.due_at == reopened_at + timedelta(days=3)
    assert r.completed_at is None and r.follow_up_result == ""
    svc.repairs.dispatch(r.id, "李师傅", at=reopened_at)
    svc.repairs.complete(r.id, CompletionInput("更换阀芯"), at=reopened_at + timedelta(hours=2))
    svc.repairs.follow_up(r.id, True, at=reopened_at + timedelta(hours=5))
    r = svc.repairs.close(r.id)
    assert r.rework_count == 1 and r.state == "closed"
    as_user(svc, "super")
    # a closed slip can still be reopened; cancel/to_developer only while with the technicians
    with pytest.raises(ConflictError):
        svc.repairs.cancel(r.id, "业主有异议")


def test_cancel_and_developer_need_reasons_and_end_the_slip(svc):
    as_user(svc, "reception")
    a = svc.repairs.register(leak(svc), at=MONDAY)
    with pytest.raises(ValidationError):
        svc.repairs.cancel(a.id, "  ")
    a = svc.repairs.cancel(a.id, "业主对收费有异议", at=MONDAY + timedelta(hours=1))
    assert a.state == "cancelled" and a.actions == ()
    b = svc.repairs.register(leak(svc), at=MONDAY)
    svc.repairs.dispatch(b.id, "李师傅", at=MONDAY)
    b = svc.repairs.to_developer(b.id, "保修期内，转开发商建设部", at=MONDAY + timedelta(hours=1))
    assert b.state == "to_developer"
    assert svc.repairs.open_slips() == []


def test_open_slips_overdue_first_and_daily_summary_reasons(svc):
    as_user(svc, "reception")
    late = svc.repairs.register(leak(svc, grade="urgent"), at=MONDAY - timedelta(days=2))
    fresh = svc.repairs.register(leak(svc), at=MONDAY)
    done = svc.repairs.register(leak(svc, category="lifts"), at=MONDAY - timedelta(days=1))
    svc.repairs.dispatch(done.id, "李师傅", at=MONDAY - timedelta(days=1))
    svc.repairs.complete(done.id, CompletionInput("好了"), at=MONDAY - timedelta(hours=20))
    slips = svc.repairs.open_slips()
    assert [v.id for v in slips] == [late.id, fresh.id, done.id]
    assert slips[0].overdue(MONDAY) and not slips[1].overdue(MONDAY) and not slips[2].overdue(MONDAY)
    assert slips[1].remaining(MONDAY) == timedelta(days=3)
    summary = svc.repairs.daily_summary(MONDAY.date())
    assert [(u.repair.id, u.reason) for u in summary] == [(late.id, "")]
    svc.repairs.record_unfinished_reason(late.id, "业主不在家，约周二", day=MONDAY.date())
    assert [u.reason for u in svc.repairs.daily_summary(MONDAY.date())] == ["业主不在家，约周二"]
    with pytest.raises(ConflictError):
        svc.repairs.record_unfinished_reason(done.id, "x")


def test_weekly_summary_counts_and_targets(svc):
    as_user(svc, "reception")
    ids = []
    for i in range(4):
        r = svc.repairs.register(leak(svc, category="lifts" if i % 2 else "water"), at=MONDAY + timedelta(hours=i))
        svc.repairs.dispatch(r.id, "李师傅", at=MONDAY + timedelta(hours=i))
        ids.append(r.id)
    svc.repairs.complete(ids[0], CompletionInput("ok"), at=MONDAY + timedelta(days=1))  # on time
    svc.repairs.complete(ids[1], CompletionInput("ok"), at=MONDAY + timedelta(days=4))  # late
    svc.repairs.follow_up(ids[1], True, at=MONDAY + timedelta(days=4, hours=1))
    svc.repairs.cancel(ids[2], "业主撤销", at=MONDAY + timedelta(days=1))
    svc.repairs.reopen(ids[1], "返工", at=MONDAY + timedelta(days=4, hours=2))
    svc.repairs.dispatch(ids[1], "李师傅", at=MONDAY + timedelta(days=4, hours=2))
    svc.repairs.complete(ids[1], CompletionInput("ok"), at=MONDAY + timedelta(days=4, hours=5))
    w = svc.repairs.weekly_summary(MONDAY.date())
    assert w.registered == 4 and dict(w.by_category) == {"lifts": 2, "water": 2}
    assert dict(w.by_state) == {"cancelled": 1, "completed": 2, "dispatched": 1}
    assert (w.completed, w.on_time, w.followed_up, w.reworked, w.cancelled) == (2, 2, 0, 1, 1)
    assert w.on_time_rate == Decimal("1.0000") and w.follow_up_rate == Decimal("0.0000")
    assert w.rework_rate == Decimal("0.5000")
    assert (w.targets.on_time, w.targets.follow_up, w.targets.rework) == (True, False, False)
    empty = svc.repairs.weekly_summary(date(2025, 1, 6))
    assert empty.registered == 0 and empty.on_time_rate is None and empty.targets.on_time is None


def test_events_and_slips_are_append_only(svc):
    as_user(svc, "reception")
    r = svc.repairs.register(leak(svc), at=MONDAY)
    with svc.ctx.db.engine.begin() as conn:
        with pytest.raises(Exception, match="append-only"):
            conn.execute(text("UPDATE repair_event SET kind='x'"))
    with svc.ctx.db.engine.begin() as conn:
        with pytest.raises(Exception, match="never deleted"):
            conn.execute(text("DELETE FROM repair_request WHERE id=:i"), {"i": r.id})


def test_categories_are_editable_and_the_fee_catalogue_gives_the_rate(svc):
    from app.services.fees import FeeItemInput

    as_user(svc, "super")
    cats = [{"code": "water", "zh": "水路", "en": "Water", "chargeable": True, "rate": "45.50"},
            {"code": "glass", "zh": "玻璃", "en": "Glass", "chargeable": True, "rate": "12"},
            {"code": "lifts", "zh": "电梯", "en": "Lifts", "chargeable": False, "rate": "0"}]
    svc.settings.set("repairs.categories", cats)
    assert [c.code for c in svc.repairs.categories()] == ["water", "glass", "lifts"]
    # the catalogue's repair_water (seeded by 0009) wins over the setting's rate
    assert (svc.repairs.quote("water").rate, svc.repairs.quote("water").source) == (Decimal("30.00"), "fee_catalogue")
    # no catalogue item for glass: the setting's rate, settled on the generic repair fee
    glass = svc.repairs.quote("glass")
    assert (glass.rate, glass.fee_code, glass.source) == (Decimal("12.00"), "repair", "settings")
    assert not svc.repairs.quote("lifts").chargeable and svc.repairs.quote("lifts").rate == 0
    as_user(svc, "admin")
    item = svc.fees.by_code("repair_water")
    svc.fees.update(item.id, FeeItemInput("repair_water", item.name_zh, item.name_en, Decimal("35.00"),
                                          sort_order=item.sort_order))
    assert svc.repairs.quote("water").rate == Decimal("35.00")
    with pytest.raises(DomainError) as exc:
        svc.settings.set("repairs.categories", [{"code": "x", "zh": "x", "rate": 1.5}])
    assert exc.value.key == "repair.categories_format"


def test_settled_at_the_counter_with_a_real_receipt(svc):
    from app.services.receipts import ReceiptInput  # noqa: F401 - the public API the slip uses

    as_user(svc, "reception")
    r = svc.repairs.register(leak(svc, occupant_id=occupant_id(svc, "A-1203"), unit_code=""))
    r = svc.repairs.dispatch(r.id, "水电班 王师傅")
    r = svc.repairs.complete(r.id, CompletionInput("更换水龙头", charge=Decimal("30.00")))
    # no shift open: nothing issued, nothing settled
    with pytest.raises(ConflictError) as exc:
        svc.repairs.settle_at_counter(r.id)
    assert exc.value.key == "receipt.no_open_shift" and svc.repairs.get(r.id).state == "completed"
    svc.receipts.open_shift(Decimal("200.00"))
    settled, receipt = svc.repairs.settle_at_counter(r.id, method="wechat")
    assert settled.state == "settled" and settled.receipt_ref == receipt.number
    assert receipt.total == Decimal("30.00") and receipt.method == "wechat" and receipt.reference == f"repair:{r.id}"
    assert receipt.occupant_id == r.occupant_id and receipt.unit_code == "A-1203"
    (line,) = receipt.lines
    assert line.fee_code == "repair_water" and line.description == f"维修费（水路） {r.number}"
    assert svc.receipts.find(receipt.number).id == receipt.id
    assert [e.detail["receipt_ref"] for e in svc.repairs.history(r.id) if e.kind == "settled"] == [receipt.number]
    # a second settlement is refused before any receipt is issued
    before = svc.receipts.shift_receipts()
    with pytest.raises(ConflictError) as exc:
        svc.repairs.settle_at_counter(r.id)
    assert exc.value.key == "repair.state_conflict" and svc.receipts.shift_receipts() == before


def test_free_repair_has_nothing_to_settle_at_the_counter(svc):
    as_user(svc, "reception")
    svc.receipts.open_shift(Decimal("0"))
    r = svc.repairs.register(RepairInput("lifts", "电梯异响", location="B栋2号电梯"))
    r = svc.repairs.dispatch(r.id, "电梯维保")
    r = svc.repairs.complete(r.id, CompletionInput("复位"))
    with pytest.raises(ConflictError) as exc:
        svc.repairs.settle_at_counter(r.id)
    assert exc.value.key == "repair.nothing_to_settle" and svc.receipts.shift_receipts() == []


# -- complaints ------------------------------------------------------------------------------------


def test_complaint_path_and_deadlines(svc):
    as_user(svc, "reception")
    c = svc.complaints.register(ComplaintInput("complaint", "张三", "楼上装修噪音", severity="major",
                                               unit_code="A-1203", phone="13812345678",
                                               received_at=datetime(2026, 3, 6, 16, 0)))
    assert c.number.startswith("C2026-") and c.state == "registered"
    assert c.fix_due_at == datetime(2026, 3, 9, 16, 0) and c.follow_up_due_at == datetime(2026, 3, 13, 16, 0)
    assert c.fix_overdue(datetime(2026, 3, 10)) and c.actions == ("assign",)
    with pytest.raises(ConflictError):
        svc.complaints.close(c.id)
    c = svc.complaints.assign(c.id, "客服主管 李强")
    c = svc.complaints.handle(c.id, True, "已约谈装修单位，限定施工时间")
    assert c.state == "handled" and c.valid is True
    c = svc.complaints.follow_up(c.id, True, comment="已安静", method="visit")
    c = svc.complaints.close(c.id)
    assert c.state == "closed"
    assert [e.kind for e in svc.complaints.history(c.id)] == ["registered", "assigned", "handled", "followed_up",
                                                             "closed"]


def test_register_lines_without_action_close_at_once(svc):
    as_user(svc, "reception")
    praise = svc.complaints.register(ComplaintInput("praise", "周杰", "表扬保安小王", channel="visit",
                                                    needs_action=False))
    assert praise.actions == ("assign", "close")
    assert svc.complaints.close(praise.id).state == "closed"
    with pytest.raises(ValidationError) as exc:
        svc.complaints.register(ComplaintInput("rumour", "", "", severity="huge"))
    assert set(exc.value.fields) == {"kind", "severity", "name", "content"}
    assert [c.kind for c in svc.complaints.open_items()] == []
