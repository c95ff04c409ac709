"""VisitorService on a real SQLite file: register, sign out, amend, mask, suggest, search, page."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from app.errors import (
    AuthenticationError,
    ConflictError,
    NotFoundError,
    ValidationError,
)
from app.services import Services
from app.services.visitors import VisitInput, VisitQuery, is_overstay
from app.text import mask_document
from app.validation import id_check_char
from db.models import now
from tests.conftest import sign_in_as
from tests.unit._seeded import clone_services


def mainland_id(first17: str) -> str:
    return first17 + id_check_char(first17)


ID_A = mainland_id("44030619900307123")
ID_B = mainland_id("11010819851120456")
ID_C = mainland_id("32010219780615789")


def count(svc: Services, table: str) -> int:
    with svc.ctx.db.read() as s:
        return s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def counts(svc: Services) -> tuple[int, int, int]:
    return count(svc, "visit"), count(svc, "audit_log"), count(svc, "visit_amendment")


def occupant_id(svc: Services, name: str) -> int:
    [hit] = [o for o in svc.occupants.search(name) if o.name == name]
    return hit.id


def visit(**kw) -> VisitInput:
    base = dict(visitor_name="张伟", doc_type="mainland_id", doc_number=ID_A, purpose="拜访",
                host_unit_code="A-1203")
    base.update(kw)
    return VisitInput(**base)


def full_doc(svc: Services, visit_id: int) -> str:
    """The stored document number, read as a supervisor would see it."""
    with svc.ctx.db.read() as s:
        return s.execute(text("SELECT doc_number FROM visit WHERE id = :i"), {"i": visit_id}).scalar_one()


# -- registering -----------------------------------------------------------------------


def test_register_with_every_field(svc):
    host = occupant_id(svc, "张三")
    before = counts(svc)
    v = svc.visitors.register(VisitInput(
        visitor_name="  张  伟 ", doc_type="mainland_id", doc_number=ID_A.lower(), purpose=" 送文件 ",
        phone="+86 139-1234-4321", company="顺丰速运", host_occupant_id=host, host_note="前台代收",
        party_size=3, vehicle_plate="粤b·12345", badge_number=" v-07 ",
    ))
    assert counts(svc) == (before[0] + 1, before[1] + 1, before[2])
    assert v.visitor_name == "张 伟"
    assert v.doc_type == "mainland_id"
    assert v.doc_number == ID_A  # admin sees the full number
    assert v.phone == "13912344321"
    assert v.company == "顺丰速运"
    assert v.host_occupant_id == host
    assert v.host_name == "张三"
    assert v.host_unit_code == "A-1203"
    assert v.host_note == "前台代收"
    assert v.host_label == "A-1203 张三 前台代收"
    assert v.purpose == "送文件"
    assert v.party_size == 3
    assert v.vehicle_plate == "粤B12345"
    assert v.badge_number == "V-07"
    assert v.time_out is None and v.on_site
    assert abs(v.time_in - now()) < timedelta(seconds=5)
    assert v.created_by == "管理员"
    assert v.amendment_count == 0
    assert svc.visitors.get(v.id) == v
    [entry] = svc.audit.for_entity("visit", v.id)
    assert entry.action == "visit.register"
    assert entry.after["doc_number"] == mask_document(ID_A)
    assert entry.after["badge_number"] == "V-07"


def test_register_by_unit_code_or_note_only(svc):
    by_unit = svc.visitors.register(visit(host_unit_code="B-0302"))
    assert (by_unit.host_unit_code, by_unit.host_occupant_id, by_unit.host_name) == ("B-0302", None, "")
    office = svc.visitors.register(visit(host_unit_code="", host_note="管理处", doc_number=ID_B))
    assert office.host_unit_id is None and office.host_label == "管理处"


def test_register_needs_someone_signed_in(svc):
    svc.ctx.operator = None
    before = counts(svc)
    with pytest.raises(AuthenticationError):
        svc.visitors.register(visit())
    assert counts(svc) == before


BAD_FIELDS = {
    "visitor_name": dict(visitor_name="   "),
    "doc_type": dict(doc_type="driving_licence"),
    "doc_number": dict(doc_number=ID_A[:17] + ("1" if ID_A[17] != "1" else "2")),
    "phone": dict(phone="1201234567"),
    "company": dict(company="公" * 129),
    "purpose": dict(purpose=""),
    "host_note": dict(host_note="x" * 129),
    "vehicle_plate": dict(vehicle_plate="粤I12345"),
    "badge_number": dict(badge_number="V 01"),
    "party_size": dict(party_size=0),
    "host": dict(host_unit_code="Z-9999"),
}


@pytest.mark.parametrize("field", sorted(BAD_FIELDS))
def test_each_invalid_field_is_reported_under_its_own_name_and_nothing_is_written(svc, field):
    before = counts(svc)
    with pytest.raises(ValidationError) as info:
        svc.visitors.register(visit(**BAD_FIELDS[field]))
    assert set(info.value.fields) == {field}
    assert counts(svc) == before


def test_all_invalid_fields_are_reported_together(svc):
    bad = {k: v for d in BAD_FIELDS.values() for k, v in d.items() if k != "doc_type"}
    before = counts(svc)
    with pytest.raises(ValidationError) as info:
        svc.visitors.register(visit(**bad))
    assert set(info.value.fields) == set(BAD_FIELDS) - {"doc_type"}
    assert info.value.fields["badge_number"].key == "badge.format"
    assert info.value.fields["host"].key == "unit.not_found"
    assert counts(svc) == before


@pytest.mark.parametrize(("size", "ok"), [(1, True), (50, True), (51, False), (-1, False), (True, False)])
def test_party_size_range(svc, size, ok):
    if ok:
        assert svc.visitors.register(visit(party_size=size)).party_size == size
    else:
        with pytest.raises(ValidationError) as info:
            svc.visitors.register(visit(party_size=size))
        assert set(info.value.fields) == {"party_size"}


def test_visiting_a_moved_out_occupant_is_refused(svc):
    host = occupant_id(svc, "周杰")
    svc.occupants.set_active(host, False)
    with pytest.raises(ValidationError) as info:
        svc.visitors.register(visit(host_unit_code="", host_occupant_id=host))
    assert info.value.fields["host"].key == "occupant.not_found"


def test_no_host_at_all_is_refused(svc):
    with pytest.raises(ValidationError) as info:
        svc.visitors.register(visit(host_unit_code="", host_note=""))
    assert info.value.fields["host"].key == "visit.host_required"


# -- badges and signing out ---------------------------------------------------------------


def test_badge_held_by_someone_on_site_is_refused_until_returned(svc):
    first = svc.visitors.register(visit(badge_number="V-01"))
    before = counts(svc)
    with pytest.raises(ValidationError) as info:
        svc.visitors.register(visit(visitor_name="李四", doc_number=ID_B, badge_number="v-01"))
    assert info.value.fields["badge_number"].key == "visit.badge_in_use"
    assert info.value.fields["badge_number"].params == {"name": "张伟"}
    assert counts(svc) == before
    svc.visitors.sign_out(first.id)
    again = svc.visitors.register(visit(visitor_name="李四", doc_number=ID_B, badge_number="v-01"))
    assert again.badge_number == "V-01"


def test_sign_out_by_id(svc):
    v = svc.visitors.register(visit())
    out = svc.visitors.sign_out(v.id)
    assert out.time_out is not None and not out.on_site
    assert out.time_out >= out.time_in
    assert out.signed_out_by == "管理员"
    actions = [e.action for e in svc.audit.for_entity("visit", v.id)]
    assert actions == ["visit.register", "visit.sign_out"]


@pytest.mark.parametrize(("given_badge", "typed"), [("B-12", "b-12"), ("b-12", "B-12"), ("B-12", " b-12 ")])
def test_sign_out_by_badge_is_case_insensitive(svc, given_badge, typed):
    v = svc.visitors.register(visit(badge_number=given_badge))
    out = svc.visitors.sign_out_by_badge(typed)
    assert out.id == v.id and out.time_out is not None


def test_sign_out_by_badge_picks_the_holder_not_an_earlier_visitor(svc):
    earlier = svc.visitors.register(visit(badge_number="B-1"))
    svc.visitors.sign_out(earlier.id)
    holder = svc.visitors.register(visit(visitor_name="李四", doc_number=ID_B, badge_number="B-1"))
    assert svc.visitors.sign_out_by_badge("b-1").id == holder.id


def test_double_sign_out_is_a_conflict_that_says_when(svc):
    v = svc.visitors.register(visit(badge_number="K9"))
    first = svc.visitors.sign_out(v.id)
    before = counts(svc)
    with pytest.raises(ConflictError) as info:
        svc.visitors.sign_out(v.id)
    assert info.value.key == "visit.already_signed_out"
    assert info.value.params["time_out"] == first.time_out
    assert info.value.params["name"] == "张伟"
    with pytest.raises(ConflictError) as info:
        svc.visitors.sign_out_by_badge("k9")
    assert info.value.params["time_out"] == first.time_out
    assert counts(svc) == before
    assert svc.visitors.get(v.id).time_out == first.time_out


def test_unknown_badges_and_visits(svc):
    with pytest.raises(NotFoundError):
        svc.visitors.sign_out_by_badge("NOPE")
    with pytest.raises(NotFoundError):
        svc.visitors.sign_out_by_badge("V 01")
    with pytest.raises(NotFoundError):
        svc.visitors.sign_out_by_badge("")
    with pytest.raises(NotFoundError):
        svc.visitors.sign_out(999)
    with pytest.raises(NotFoundError):
        svc.visitors.get(999)


# -- amendments --------------------------------------------------------------------------


def test_amend_keeps_old_and_new_in_the_history(svc):
    v = svc.visitors.register(visit(company="甲公司", purpose="面试"))
    before = counts(svc)
    amended = svc.visitors.amend(v.id, {"company": "乙公司", "party_size": 2}, "登记时写错公司")
    assert counts(svc) == (before[0], before[1] + 1, before[2] + 1)
    assert amended.id == v.id
    assert (amended.company, amended.party_size, amended.purpose) == ("乙公司", 2, "面试")
    assert amended.amendment_count == 1
    [h] = svc.visitors.history(v.id)
    assert h.reason == "登记时写错公司"
    assert h.by == "管理员"
    assert sorted(h.changes, key=lambda c: c["field"]) == [
        {"field": "company", "old": "甲公司", "new": "乙公司"},
        {"field": "party_size", "old": 1, "new": 2},
    ]
    audit = svc.audit.for_entity("visit", v.id)[-1]
    assert audit.action == "visit.amend"
    assert audit.before == {"company": "甲公司", "party_size": 1}
    assert audit.after == {"company": "乙公司", "party_size": 2, "reason": "登记时写错公司"}


def test_amend_twice_appends_and_never_deletes(svc):
    v = svc.visitors.register(visit(company="甲"))
    svc.visitors.amend(v.id, {"company": "乙"}, "更正一")
    svc.visitors.amend(v.id, {"company": "丙"}, "更正二")
    history = svc.visitors.history(v.id)
    assert [h.reason for h in history] == ["更正一", "更正二"]
    assert [h.changes[0]["new"] for h in history] == ["乙", "丙"]
    assert history[0].changes[0]["old"] == "甲"
    assert count(svc, "visit") == 1
    assert svc.visitors.get(v.id).amendment_count == 2


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_amend_needs_a_reason(svc, reason):
    v = svc.visitors.register(visit(company="甲"))
    before = counts(svc)
    with pytest.raises(ValidationError) as info:
        svc.visitors.amend(v.id, {"company": "乙"}, reason)
    assert set(info.value.fields) == {"reason"}
    assert counts(svc) == before
    assert svc.visitors.get(v.id).company == "甲"


def test_amend_refuses_unknown_fields_no_change_and_bad_values(svc):
    v = svc.visitors.register(visit(company="甲"))
    before = counts(svc)
    with pytest.raises(ValidationError) as info:
        svc.visitors.amend(v.id, {"created_by_id": 2}, "试图改登记人")
    assert set(info.value.fields) == {"created_by_id"}
    with pytest.raises(ValidationError) as info:
        svc.visitors.amend(v.id, {"company": "甲"}, "没有改动")
    assert info.value.fields["reason"].key == "visit.nothing_changed"
    with pytest.raises(ValidationError) as info:
        svc.visitors.amend(v.id, {"phone": "12"}, "电话")
    assert set(info.value.fields) == {"phone"}
    with pytest.raises(ValidationError) as info:
        svc.visitors.amend(v.id, {"time_out": v.time_in - timedelta(hours=1)}, "离开时间")
    assert set(info.value.fields) == {"time_out"}
    with pytest.raises(NotFoundError):
        svc.visitors.amend(999, {"company": "乙"}, "不存在")
    assert counts(svc) == before


def test_amend_cannot_take_a_badge_someone_else_holds(svc):
    svc.visitors.register(visit(badge_number="V-1"))
    other = svc.visitors.register(visit(visitor_name="李四", doc_number=ID_B, badge_number="V-2"))
    with pytest.raises(ValidationError) as info:
        svc.visitors.amend(other.id, {"badge_number": "v-1"}, "换牌")
    assert info.value.fields["badge_number"].key == "visit.badge_in_use"
    # keeping one's own badge while changing something else is fine
    assert svc.visitors.amend(other.id, {"company": "丙"}, "公司").badge_number == "V-2"


def test_amend_sign_out_time_and_cannot_clear_it(svc):
    v = svc.visitors.register(visit(), at=now() - timedelta(hours=3))
    svc.visitors.sign_out(v.id)
    left = v.time_in + timedelta(hours=1)
    assert svc.visitors.amend(v.id, {"time_out": left}, "补登离开时间").time_out == left
    with pytest.raises(ValidationError) as info:
        svc.visitors.amend(v.id, {"time_out": None}, "清空")
    assert set(info.value.fields) == {"time_out"}


def test_masked_number_sent_back_by_a_receptionist_leaves_the_document_unchanged(svc):
    v = svc.visitors.register(visit())
    sign_in_as(svc, "reception")
    seen = svc.visitors.get(v.id)
    assert seen.doc_number == mask_document(ID_A) != ID_A
    svc.visitors.amend(v.id, {"doc_number": seen.doc_number, "company": "新公司"}, "补公司")
    assert full_doc(svc, v.id) == ID_A
    assert [c["field"] for c in svc.visitors.history(v.id)[0].changes] == ["company"]


def test_document_correction_history_is_masked_for_receptionists_only(svc):
    v = svc.visitors.register(visit())
    sign_in_as(svc, "super")
    svc.visitors.amend(v.id, {"doc_number": ID_B}, "证件号抄错")
    assert full_doc(svc, v.id) == ID_B
    [change] = svc.visitors.history(v.id)[0].changes
    assert change == {"field": "doc_number", "old": ID_A, "new": ID_B}
    sign_in_as(svc, "reception")
    [change] = svc.visitors.history(v.id)[0].changes
    assert change == {"field": "doc_number", "old": mask_document(ID_A), "new": mask_document(ID_B)}
    # the doc tail used by searches follows the correction
    assert [r.id for r in svc.visitors.page(VisitQuery(text=ID_B[-4:])).rows] == [v.id]


# -- masking -------------------------------------------------------------------------------


@pytest.mark.parametrize(("user", "full"), [("reception", False), ("super", True), ("manager", True),
                                            ("admin", True)])
def test_document_numbers_are_masked_for_receptionists_only(svc, user, full):
    v = svc.visitors.register(visit())
    p = svc.visitors.register(visit(visitor_name="John Smith", doc_type="passport",
                                     doc_number="E12345678", host_unit_code="A-1204"))
    sign_in_as(svc, user)
    expected = {v.id: ID_A, p.id: "E12345678"}
    if not full:
        expected = {k: mask_document(n) for k, n in expected.items()}
        assert expected[v.id] == ID_A[:6] + "*" * 8 + ID_A[-4:]
        assert "2345" not in expected[p.id]
    assert svc.visitors.get(v.id).doc_number == expected[v.id]
    assert {r.id: r.doc_number for r in svc.visitors.page(VisitQuery()).rows} == expected
    assert {r.id: r.doc_number for r in svc.visitors.on_site()} == expected
    assert {r.visit_id: r.doc_number for r in svc.visitors.suggest_returning("zw")} == {v.id: expected[v.id]}


def test_nobody_signed_in_sees_masked_numbers(svc):
    v = svc.visitors.register(visit())
    svc.ctx.operator = None
    assert svc.visitors.get(v.id).doc_number == mask_document(ID_A)


# -- returning visitors ------------------------------------------------------------------------


@pytest.fixture
def returning(svc):
    """张伟 came three times (same document and phone), a second 张伟 once, 李娜 once."""
    t0 = now() - timedelta(days=10)
    first = svc.visitors.register(visit(phone="13911114321", company="甲"), at=t0)
    svc.visitors.register(visit(phone="13911114321", company="甲"), at=t0 + timedelta(days=1))
    last = svc.visitors.register(visit(phone="13911114321", company="乙", vehicle_plate="粤B12345"),
                                 at=t0 + timedelta(days=2))
    other = svc.visitors.register(visit(doc_number=ID_C, phone="13622229999"), at=t0 + timedelta(days=3))
    li = svc.visitors.register(visit(visitor_name="李娜", doc_number=ID_B, phone="13533330000",
                                     host_unit_code="B-0302"), at=t0 + timedelta(days=4))
    return {"first": first, "last": last, "other": other, "li": li}


@pytest.mark.parametrize("typed", ["张伟", "张", "zw", "ZW", "4321", "139111", ID_A[-4:]])
def test_returning_visitor_is_suggested_once_by_name_initials_phone_or_document(svc, returning, typed):
    got = svc.visitors.suggest_returning(typed)
    mine = [g for g in got if g.doc_number == ID_A]
    assert len(mine) == 1, got
    assert mine[0].visit_id == returning["last"].id  # the newest visit of that person
    assert mine[0].company == "乙" and mine[0].vehicle_plate == "粤B12345"
    assert mine[0].phone == "13911114321"
    assert "李娜" not in {g.visitor_name for g in got}


def test_same_name_different_person_is_a_separate_suggestion_newest_first(svc, returning):
    got = svc.visitors.suggest_returning("张伟")
    assert [g.visit_id for g in got] == [returning["other"].id, returning["last"].id]
    assert [g.doc_number for g in got] == [ID_C, ID_A]


def test_suggestions_nothing_for_empty_or_unmatched_text(svc, returning):
    assert svc.visitors.suggest_returning("") == []
    assert svc.visitors.suggest_returning("   ") == []
    assert svc.visitors.suggest_returning("王") == []
    assert [g.visitor_name for g in svc.visitors.suggest_returning("ln")] == ["李娜"]


def test_suggestions_respect_the_limit(svc, returning):
    assert len(svc.visitors.suggest_returning("z", limit=1)) == 1


def test_receptionist_registers_a_returning_visitor_without_ever_seeing_the_number(svc, returning):
    sign_in_as(svc, "reception")
    [pick] = [g for g in svc.visitors.suggest_returning("13911114321")]
    assert pick.doc_number == mask_document(ID_A)
    for typed in (pick.doc_number, ""):
        v = svc.visitors.register(VisitInput(
            visitor_name=pick.visitor_name, doc_type=pick.doc_type, doc_number=typed,
            phone=pick.phone, purpose="再次来访", host_unit_code="A-0501",
            doc_from_visit_id=pick.visit_id,
        ))
        assert v.doc_number == mask_document(ID_A)
        assert full_doc(svc, v.id) == ID_A


def test_doc_from_visit_id_does_not_cross_document_types_or_override_a_typed_number(svc, returning):
    src = returning["last"].id
    with pytest.raises(ValidationError) as info:
        svc.visitors.register(visit(doc_type="passport", doc_number="", doc_from_visit_id=src))
    assert set(info.value.fields) == {"doc_number"}
    typed = svc.visitors.register(visit(doc_number=ID_B, doc_from_visit_id=src))
    assert full_doc(svc, typed.id) == ID_B
    with pytest.raises(ValidationError) as info:
        svc.visitors.register(visit(doc_number=mask_document(ID_A)))
    assert set(info.value.fields) == {"doc_number"}
    with pytest.raises(ValidationError):
        svc.visitors.register(visit(doc_number="", doc_from_visit_id=999))


# -- searching and paging -------------------------------------------------------------------------


@pytest.fixture
def register_book(svc):
    """Six visits over three days; 周敏 and 李娜 are still on site."""
    day = datetime.combine(date.today() - timedelta(days=3), time(9, 0))
    v = {}
    v["zw"] = svc.visitors.register(visit(phone="13911114321"), at=day)
    v["zw2"] = svc.visitors.register(visit(visitor_name="张晓", doc_number=ID_B, phone="13800001234"),
                                     at=day + timedelta(hours=2))
    v["ln"] = svc.visitors.register(visit(visitor_name="李娜", doc_number=ID_C, phone="13522225678",
                                          host_unit_code="B-0302"), at=day + timedelta(days=1))
    v["js"] = svc.visitors.register(visit(visitor_name="John Smith", doc_type="passport",
                                          doc_number="E99887766", phone="+44 20 7946 0958",
                                          host_unit_code="A-1204"), at=day + timedelta(days=1, hours=1))
    v["zm"] = svc.visitors.register(visit(visitor_name="周敏", doc_number=ID_A, phone="13733334444",
                                          host_unit_code="", host_note="管理处"),
                                    at=day + timedelta(days=2))
    v["ln2"] = svc.visitors.register(visit(visitor_name="李娜", doc_number=ID_C, phone="13522225678",
                                           host_unit_code="A-0501"), at=day + timedelta(days=2, hours=3))
    for key in ("zw", "zw2", "ln", "js"):
        svc.visitors.sign_out(v[key].id)
    return day, {k: x.id for k, x in v.items()}


def ids(svc: Services, query: VisitQuery) -> list[int]:
    page = svc.visitors.page(query, limit=1000)
    assert page.next_after is None
    assert svc.visitors.count(query) == len(page.rows)
    return [r.id for r in page.rows]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("张", ["zw2", "zw"]),  # name prefix, newest first
        ("张伟", ["zw"]),
        ("李娜", ["ln2", "ln"]),
        ("zx", ["zw2"]),  # pinyin initials of 张晓
        ("ZW", ["zw"]),
        ("john", ["js"]),  # Latin name, case-insensitive through the initials key
        ("1391", ["zw"]),  # phone prefix
        ("137333", ["zm"]),
        ("5678", ["ln2", "ln"]),  # last four digits of a phone
        ("５６７８", ["ln2", "ln"]),  # typed with a full-width input method
        ("1234", ["zw2"]),
        ("A-12", ["js", "zw2", "zw"]),  # unit prefix
        ("B-0302", ["ln"]),
        ("a-0501", ["ln2"]),
        ("", ["ln2", "zm", "js", "ln", "zw2", "zw"]),
        ("王", []),
    ],
)
def test_search_register(svc, register_book, typed, expected):
    _, v = register_book
    assert ids(svc, VisitQuery(text=typed)) == [v[k] for k in expected]


def test_search_by_date_range_is_inclusive_of_whole_days(svc, register_book):
    day, v = register_book
    d0 = day.date()
    assert ids(svc, VisitQuery(date_from=d0, date_to=d0)) == [v["zw2"], v["zw"]]
    assert ids(svc, VisitQuery(date_from=d0 + timedelta(days=1))) == [v["ln2"], v["zm"], v["js"], v["ln"]]
    assert ids(svc, VisitQuery(date_to=d0 + timedelta(days=1))) == [v["js"], v["ln"], v["zw2"], v["zw"]]
    assert ids(svc, VisitQuery(text="李娜", date_from=d0 + timedelta(days=2),
                               date_to=d0 + timedelta(days=2))) == [v["ln2"]]
    assert ids(svc, VisitQuery(date_from=d0 - timedelta(days=5), date_to=d0 - timedelta(days=1))) == []


def test_on_site_only(svc, register_book):
    _, v = register_book
    assert ids(svc, VisitQuery(on_site_only=True)) == [v["ln2"], v["zm"]]
    assert ids(svc, VisitQuery(text="李娜", on_site_only=True)) == [v["ln2"]]
    assert [r.id for r in svc.visitors.on_site()] == [v["ln2"], v["zm"]]


def test_export_rows_are_oldest_first_and_always_masked(svc, register_book):
    day, v = register_book
    rows = list(svc.visitors.export_rows(day.date(), day.date() + timedelta(days=1)))
    assert [r.id for r in rows] == [v["zw"], v["zw2"], v["ln"], v["js"]]
    assert rows[0].doc_number == mask_document(ID_A)
    with pytest.raises(ValidationError):
        list(svc.visitors.export_rows(day.date(), day.date() - timedelta(days=1)))


def walk_pages(svc: Services, query: VisitQuery, limit: int) -> list[int]:
    seen: list[int] = []
    after = None
    for _ in range(10_000):
        page = svc.visitors.page(query, limit=limit, after=after)
        assert len(page.rows) <= limit
        seen += [r.id for r in page.rows]
        if page.next_after is None:
            return seen
        assert len(page.rows) == limit
        after = page.next_after
    raise AssertionError("paging never ended")


def expected_order(svc: Services) -> list[int]:
    with svc.ctx.db.read() as s:
        return [r[0] for r in s.execute(text("SELECT id FROM visit ORDER BY time_in DESC, id DESC"))]


@pytest.mark.parametrize("limit", [1, 2, 3, 7, 24, 25, 200])
def test_keyset_paging_returns_every_row_exactly_once_even_with_equal_times(svc, limit):
    base = now() - timedelta(days=1)
    # several visitors registered within the same second: the id breaks the tie
    offsets = [0, 0, 0, 5, 5, 9, 9, 9, 9, 12, 30, 30, 31, 40, 40, 40, 41, 50, 60, 60, 61, 70, 70, 80]
    for i, minutes in enumerate(offsets):
        svc.visitors.register(visit(visitor_name=f"访客{i}"), at=base + timedelta(minutes=minutes))
    got = walk_pages(svc, VisitQuery(), limit)
    assert got == expected_order(svc)
    assert len(got) == len(set(got)) == len(offsets)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    minutes=st.lists(st.integers(0, 5), min_size=0, max_size=25),
    limit=st.integers(1, 8),
    on_site_every=st.integers(1, 4),
)
def test_keyset_paging_property(seeded_template, tmp_path_factory, minutes, limit, on_site_every):
    services = clone_services(seeded_template, tmp_path_factory.mktemp("paging") / "p.sqlite")
    try:
        base = now() - timedelta(days=1)
        for i, m in enumerate(minutes):
            v = services.visitors.register(visit(visitor_name=f"访客{i}"), at=base + timedelta(minutes=m))
            if i % on_site_every:
                services.visitors.sign_out(v.id)
        everyone = walk_pages(services, VisitQuery(), limit)
        assert everyone == expected_order(services)
        assert len(everyone) == len(set(everyone)) == len(minutes)
        on_site = walk_pages(services, VisitQuery(on_site_only=True), limit)
        assert on_site == [r.id for r in services.visitors.on_site()]
        assert len(on_site) == len(set(on_site)) == len(range(0, len(minutes), on_site_every))
    finally:
        services.ctx.db.dispose()


# -- overstay ---------------------------------------------------------------------------------


T_IN = datetime(2026, 3, 2, 9, 0)
END = time(22, 0)


@pytest.mark.parametrize(
    ("at", "hours", "expected"),
    [
        (T_IN + timedelta(hours=7, minutes=59, seconds=59), 8, False),
        (T_IN + timedelta(hours=8), 8, True),  # exactly the limit counts
        (T_IN + timedelta(hours=3), 2, True),
        (T_IN + timedelta(minutes=1), 1, False),
    ],
)
def test_overstay_by_hours(at, hours, expected):
    assert is_overstay(T_IN, None, at, hours, END) is expected


def test_overstay_at_the_end_of_the_day_they_came_in():
    came = datetime(2026, 3, 2, 20, 0)
    assert not is_overstay(came, None, datetime(2026, 3, 2, 21, 59, 59), 8, END)
    assert is_overstay(came, None, datetime(2026, 3, 2, 22, 0), 8, END)
    assert is_overstay(came, None, datetime(2026, 3, 3, 1, 0), 8, END)
    assert is_overstay(came, None, datetime(2026, 3, 2, 21, 0), 8, time(21, 0))


def test_arriving_after_the_end_of_day_is_judged_by_hours_only():
    late = datetime(2026, 3, 2, 22, 30)
    assert not is_overstay(late, None, datetime(2026, 3, 3, 2, 0), 8, END)
    assert is_overstay(late, None, datetime(2026, 3, 3, 6, 30), 8, END)


def test_signed_out_visitor_is_never_an_overstay():
    assert not is_overstay(T_IN, T_IN + timedelta(hours=20), T_IN + timedelta(days=2), 8, END)


def test_overstay_flag_on_the_register_follows_the_settings(svc):
    came = now() - timedelta(hours=9)
    # the end of the day at the arrival minute itself never lies after the arrival, so only
    # the hours rule can fire, whatever the clock says while the test runs
    svc.settings.set("day.end_time", f"{came:%H:%M}")
    v = svc.visitors.register(visit(), at=came)
    fresh = svc.visitors.register(visit(visitor_name="李四", doc_number=ID_B), at=now() - timedelta(minutes=1))
    assert svc.visitors.get(v.id).overstay
    assert not svc.visitors.get(fresh.id).overstay
    svc.settings.set("visitor.overstay_hours", 10)
    assert not svc.visitors.get(v.id).overstay
    svc.settings.set("visitor.overstay_hours", 9)
    assert svc.visitors.get(v.id).overstay
    assert not svc.visitors.sign_out(v.id).overstay


# -- personal data in the audit log ---------------------------------------------------------------


_FULL_ID = re.compile(r"\d{17}[\dX]")


def test_audit_log_never_holds_a_full_document_number(svc):
    a = svc.visitors.register(visit(badge_number="V-1"))
    p = svc.visitors.register(visit(visitor_name="John Smith", doc_type="passport", doc_number="E12345678"))
    svc.visitors.amend(a.id, {"doc_number": ID_B}, "证件号更正")
    svc.visitors.amend(p.id, {"doc_number": "G87654321"}, "护照号更正")
    svc.visitors.amend(a.id, {"doc_type": "hkmt_permit", "doc_number": "H12345678"}, "证件类型更正")
    svc.visitors.sign_out_by_badge("V-1")
    with svc.ctx.db.read() as s:
        rows = s.execute(text("SELECT action, coalesce(before, ''), coalesce(after, '') FROM audit_log "
                              "WHERE entity = 'visit'")).all()
    assert {r[0] for r in rows} == {"visit.register", "visit.amend", "visit.sign_out"}
    blob = json.dumps([list(r) for r in rows], ensure_ascii=False)
    for secret in (ID_A, ID_B, "E12345678", "G87654321", "H12345678"):
        assert secret not in blob
    assert not _FULL_ID.search(blob)
    assert mask_document(ID_B) in blob  # the masked form is there: the test looks at the right rows
