"""The key cabinet (DOMAIN §2) through its service, on real SQLite files: every rule both ways,
and nothing written — not even an audit row — when an action is refused."""

from __future__ import annotations

import statistics
import time
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, text

from app.errors import (
    AuthenticationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.key_rules import (
    compare_spot_check,
    default_due,
    format_tag,
    is_tag_code,
    night_of,
    normalize_tag,
    same_day,
    SpotKey,
)
from app.security import ROLES, role_at_least
from app.services.keys import (
    Approval,
    EmergencyInput,
    IntakeInput,
    LoanInput,
    LoanQuery,
    OutstandingInput,
    PastLoan,
)
from db.models import AuditEntry, Counter, KeyLoan, now
from tests.unit._keys import (
    CONTRACTOR_ID,
    GM,
    MANAGER,
    MASKED_CONTRACTOR_ID,
    MONDAY,
    PASSWORDS,
    as_user,
    contractor,
    engineer,
    evening,
    key_id,
    next_day,
    png,
    row_counts,
    staff_id,
    state,
)

T1800 = MONDAY.replace(hour=18)


def refused(ks, exc_type, fn, *args, **kwargs):
    """Run ``fn``; it must raise ``exc_type`` and leave every table and key as it was."""
    before = state(ks)
    with pytest.raises(exc_type) as info:
        fn(*args, **kwargs)
    assert state(ks) == before
    return info.value


def field_keys(exc: ValidationError) -> dict[str, str]:
    return {name: err.key for name, err in exc.fields.items()}


# -- roles ---------------------------------------------------------------------------------


def test_general_manager_ranks_above_manager_and_below_admin():
    assert ROLES == ("receptionist", "supervisor", "manager", "general_manager", "admin")
    assert role_at_least("general_manager", "manager")
    assert not role_at_least("manager", "general_manager")
    assert role_at_least("admin", "general_manager")


# -- tag codes and the register --------------------------------------------------------------


def test_tag_codes_carry_no_unit_and_are_gapless(ks):
    keys = ks.keys.search("")
    assert [k.tag_code for k in sorted(keys, key=lambda k: k.id)] == [format_tag(n) for n in range(1, 6)]
    for k in keys:
        assert is_tag_code(k.tag_code)
        assert k.unit_code.replace("-", "") not in k.tag_code if k.unit_code else True
    as_user(ks, "super")
    # A refused batch (second line has a bad hook) uses no number at all.
    bad = [IntakeInput("store", "保洁部库房", 1, "S-002", "陈工"), IntakeInput("store", "工程部库房", 1, "S 3", "陈工")]
    exc = refused(ks, ValidationError, ks.keys.intake_batch, bad)
    assert exc.params["entry"] == 1 and field_keys(exc) == {"hook": "key.hook_format"}
    new = ks.keys.intake(IntakeInput("store", "保洁部库房", 1, "S-002", "陈工"))
    assert new.tag_code == "K00006"
    with ks.ctx.db.read() as s:
        assert s.execute(select(Counter.value).where(Counter.name == "key_tag")).scalar_one() == 6


def test_tags_are_found_however_scanned(ks):
    for raw in ("K00003", "k00003", " K00003\r", "Ｋ０００03"):
        assert ks.keys.find(raw).label == "1号配电房"
    assert normalize_tag("ｋ00001") == "K00001"
    assert is_tag_code("K00001") and not is_tag_code("A-1203") and not is_tag_code("V001")
    with pytest.raises(NotFoundError) as info:
        ks.keys.find("K99999")
    assert info.value.key == "key.tag_unknown"


def test_search_by_unit_label_hook_area_and_status(ks):
    assert [k.tag_code for k in ks.keys.search("A-1203")] == ["K00001"]
    assert [k.tag_code for k in ks.keys.search("1号")] == ["K00003"]
    assert [k.tag_code for k in ks.keys.search("P-0")] == ["K00002"]
    assert {k.tag_code for k in ks.keys.search("A栋")} == {"K00001", "K00002"}
    assert {k.tag_code for k in ks.keys.search("", category="unit")} == {"K00001", "K00005"}
    assert ks.keys.search("", statuses=("out",)) == []


def test_intake_rules(ks):
    as_user(ks, "super")
    exc = refused(ks, ValidationError, ks.keys.intake, IntakeInput(
        "public", "", 3, "A-001", "", sealed_spares=-1, condition=""))
    assert field_keys(exc) == {
        "label": "text.required", "hook": "key.hook_taken", "handed_over_by": "name.required",
        "condition": "text.required", "key_count": "key.public_one_in_cabinet", "sealed_spares": "key.count_range",
    }
    exc = refused(ks, ValidationError, ks.keys.intake, IntakeInput("unit", "入户门", 1, "A-009", "陈工"))
    assert field_keys(exc) == {"unit_code": "key.unit_required"}
    exc = refused(ks, ValidationError, ks.keys.intake, IntakeInput(
        "equipment", "水泵房", 2, "E-002", "陈工", sealed_spares=1, unit_code="Z-9999"))
    assert field_keys(exc) == {"sealed_spares": "key.sealed_public_only", "unit_code": "unit.not_found"}
    # Hooks are unique within one batch too.
    exc = refused(ks, ValidationError, ks.keys.intake_batch, [
        IntakeInput("store", "库房一", 1, "S-009", "陈工"), IntakeInput("store", "库房二", 1, "s-009", "陈工")])
    assert exc.params["entry"] == 1 and field_keys(exc) == {"hook": "key.hook_taken"}


def test_only_the_key_administrator_takes_keys_in(ks):
    with pytest.raises(PermissionDeniedError):
        ks.keys.intake(IntakeInput("store", "库房", 1, "S-009", "陈工"))


def test_intake_register_records_who_handed_over_and_received(ks):
    rows = ks.keys.intakes()
    assert len(rows) == 5
    first = rows[0]
    assert (first.location, first.key_count, first.condition, first.handed_over_by, first.received_by) == (
        "A-1203 入户门", 2, "完好", "开发商 陈工", "管理员")
    assert rows[4].source == "owner" and rows[4].handed_over_by == "周杰"
    assert ks.keys.intakes(date(2026, 1, 6), date(2026, 1, 31)) == []


def test_keys_owed_open_the_outstanding_register_and_an_intake_closes_it(ks):
    as_user(ks, "super")
    v = ks.keys.intake(IntakeInput("unit", "入户门", 2, "A-002", "开发商 陈工", unit_code="A-1204", expected_count=3))
    assert v.opened_outstanding_id is not None
    entry = ks.keys.outstanding()[0]
    assert (entry.location, entry.count_owed, entry.count_received, entry.open) == ("A-1204 入户门", 1, 0, True)
    assert ks.keys.get(v.key_id).incomplete  # 2 of 3 keys: the set is short until the third comes
    as_user(ks, "reception")
    ks.keys.add_outstanding_note(entry.id, "已电话催发展商，答复周五补交")
    with pytest.raises(ValidationError):
        ks.keys.add_outstanding_note(entry.id, "  ")
    as_user(ks, "super")
    ks.keys.intake(IntakeInput("unit", "入户门", 1, "", "开发商 陈工", key_id=v.key_id, outstanding_id=entry.id))
    closed = ks.keys.outstanding(include_closed=True)[0]
    assert not closed.open and closed.count_received == 1 and closed.closed_by == "李强"
    assert [n.note for n in closed.notes] == ["已电话催发展商，答复周五补交"] and closed.notes[0].by == "王芳"
    key = ks.keys.get(v.key_id)
    assert (key.key_count, key.original_count, key.incomplete) == (3, 3, False)
    assert ks.keys.outstanding() == []
    refused(ks, ConflictError, ks.keys.add_outstanding_note, entry.id, "again")


def test_outstanding_entries_by_hand_and_closing_them(ks):
    as_user(ks, "super")
    e = ks.keys.add_outstanding(OutstandingInput("会所储物间", 2, "store", note="发展商称在厂家返修"))
    assert e.remaining == 2 and e.notes[0].note == "发展商称在厂家返修"
    exc = refused(ks, ValidationError, ks.keys.close_outstanding, e.id, "")
    assert field_keys(exc) == {"note": "text.required"}
    done = ks.keys.close_outstanding(e.id, "锁已更换，不再移交")
    assert done.close_note == "锁已更换，不再移交" and not done.open
    refused(ks, ConflictError, ks.keys.close_outstanding, e.id, "again")


# -- check-out and check-in --------------------------------------------------------------


def test_scan_toggles_a_key_out_and_in(ks):
    first = ks.keys.scan("K00003")
    assert first.action == "needs_checkout" and first.loan is None
    assert first.rules.manager_approval is False and first.rules.max_quantity == 2
    # needs_checkout wrote nothing: the form is still to be filled in
    assert ks.keys.get(first.key.id).status == "in"
    loan = ks.keys.check_out(first.key.id, engineer())
    assert loan.handled_by == "王芳" and loan.quantity == 2 and loan.open
    assert ks.keys.get(first.key.id).status == "out"
    back = ks.keys.scan("k00003")
    assert back.action == "checked_in" and back.loan.id == loan.id and back.loan.returned_at is not None
    assert back.loan.received_by == "王芳" and back.key.status == "in"
    assert ks.keys.scan("K00003").action == "needs_checkout"
    with pytest.raises(NotFoundError) as info:
        ks.keys.scan("K77777")
    assert info.value.key == "key.tag_unknown"


def test_default_due_is_the_end_of_the_day(ks):
    loan = ks.keys.check_out(key_id(ks, "K00003"), engineer(), at=MONDAY)
    assert loan.due_at == T1800
    ks.ctx.operator = None
    as_user(ks, "admin")
    ks.settings.set("keys.end_of_day", "17:30")
    as_user(ks, "reception")
    rules = ks.keys.loan_rules(key_id(ks, "K00004"), at=MONDAY)
    assert rules.default_due == MONDAY.replace(hour=17, minute=30)
    assert default_due(datetime(2026, 3, 2, 20, 0), T1800.time()) == datetime(2026, 3, 2, 21, 0)
    assert default_due(datetime(2026, 3, 2, 23, 30), T1800.time()) == datetime(2026, 3, 2, 23, 59)
    assert same_day(MONDAY, T1800, T1800.time()) and not same_day(MONDAY, T1800 + timedelta(minutes=1), T1800.time())


def test_check_out_validates_everything_at_once_and_writes_nothing(ks):
    k = key_id(ks, "K00003")
    exc = refused(ks, ValidationError, ks.keys.check_out, k, LoanInput(
        purpose=" ", borrower_kind="contractor", borrower_name="", quantity=3, signed_on_slip=False,
        due_at=MONDAY - timedelta(hours=1)), at=MONDAY)
    assert field_keys(exc) == {
        "purpose": "text.required", "quantity": "key.quantity_range", "borrower_name": "name.required",
        "borrower_phone": "phone.required", "borrower_doc_number": "doc.required", "due_at": "key.due_in_past",
        "signature": "key.signature_required",
    }
    exc = refused(ks, ValidationError, ks.keys.check_out, k, engineer(borrower_kind="visitor"))
    assert field_keys(exc) == {"borrower_kind": "key.borrower_kind_unknown"}
    exc = refused(ks, ValidationError, ks.keys.check_out, k, contractor(borrower_doc_number="110105194912310021"))
    assert field_keys(exc) == {"borrower_doc_number": "id.checksum"}


def test_people_without_an_account_borrow_and_ids_are_masked_for_receptionists(ks):
    loan = ks.keys.check_out(key_id(ks, "K00003"), contractor(purpose="检修"), at=MONDAY)
    assert loan.borrower_doc_number == MASKED_CONTRACTOR_ID
    assert ks.keys.loan(loan.id).borrower_doc_number == MASKED_CONTRACTOR_ID
    assert ks.keys.loans().rows[0].borrower_doc_number == MASKED_CONTRACTOR_ID
    as_user(ks, "super")
    assert ks.keys.loan(loan.id).borrower_doc_number == CONTRACTOR_ID
    with ks.ctx.db.read() as s:
        stored = s.get(KeyLoan, loan.id).borrower_doc_number
        audit = " ".join(a or "" for (a,) in s.execute(select(AuditEntry.after)))
    assert stored == CONTRACTOR_ID  # kept in full for supervisors
    assert CONTRACTOR_ID not in audit and MASKED_CONTRACTOR_ID in audit


def test_borrowers_staff_with_an_account_and_occupants(ks):
    loan = ks.keys.check_out(key_id(ks, "K00004"), LoanInput(
        "取清洁用品", "staff", borrower_staff_id=staff_id(ks, "super"), signed_on_slip=True), at=MONDAY)
    assert loan.borrower_name == "李强" and loan.borrower_staff_id == staff_id(ks, "super")
    zhang = ks.occupants.search("张三")[0]
    loan = ks.keys.check_out(key_id(ks, "K00001"), LoanInput(
        "业主忘带钥匙", "occupant", borrower_occupant_id=zhang.id, signed_on_slip=True), at=MONDAY)
    assert (loan.borrower_name, loan.borrower_phone, loan.key_location) == ("张三", "13812345678", "A-1203 入户门")
    # An owner's key goes only to an occupant of that unit.
    exc = refused(ks, ValidationError, ks.keys.check_out, key_id(ks, "K00005"), LoanInput(
        "开门", "occupant", borrower_occupant_id=zhang.id, signed_on_slip=True))
    assert field_keys(exc) == {"borrower_occupant_id": "key.occupant_other_unit"}


def test_a_key_that_is_out_cannot_be_lent_again(ks):
    k = key_id(ks, "K00003")
    ks.keys.check_out(k, engineer(), at=MONDAY)
    exc = refused(ks, ConflictError, ks.keys.check_out, k, engineer())
    assert exc.key == "key.already_out" and exc.params["name"] == "刘建军"
    exc = refused(ks, ConflictError, ks.keys.check_in, key_id(ks, "K00004"))
    assert exc.key == "key.not_out"


def test_signature_on_screen_is_stored_as_png(ks):
    sig = png()
    loan = ks.keys.check_out(key_id(ks, "K00003"), engineer(signed_on_slip=False, signature_png=sig))
    assert loan.signed_on_screen and not loan.signed_on_slip
    assert ks.keys.signature(loan.id) == sig
    exc = refused(ks, ValidationError, ks.keys.check_out, key_id(ks, "K00004"),
                  engineer(signed_on_slip=False, signature_png=b"GIF89a..."))
    assert field_keys(exc) == {"signature": "key.signature_invalid"}
    exc = refused(ks, ValidationError, ks.keys.check_out, key_id(ks, "K00004"),
                  engineer(signed_on_slip=False, signature_png=b"\x89PNG\r\n\x1a\n" + b"0" * 300_000))
    assert field_keys(exc) == {"signature": "key.signature_too_large"}


def test_short_return_records_the_missing_keys_as_lost(ks):
    k = key_id(ks, "K00003")
    loan = ks.keys.check_out(k, engineer(), at=MONDAY)
    exc = refused(ks, ValidationError, ks.keys.check_in, k, quantity=1, at=MONDAY + timedelta(hours=2))
    assert field_keys(exc) == {"note": "key.return_short_note"} and exc.fields["note"].params == {"missing": 1}
    back = ks.keys.check_in(k, quantity=1, returned_by="黄志强", note="一把遗失在配电房", at=MONDAY + timedelta(hours=2))
    assert (back.returned_quantity, back.returned_by, back.lost) == (1, "黄志强", False)
    key = ks.keys.get(k)
    assert (key.status, key.key_count, key.incomplete, key.retirement_due) == ("in", 1, True, True)
    assert [e.kind for e in ks.keys.history(k)] == ["lost"] and ks.keys.history(k)[0].loan_id == loan.id


# -- approvals -----------------------------------------------------------------------------


def test_public_area_key_needs_consent_and_the_managers_approval(ks):
    k = key_id(ks, "K00002")
    rules = ks.keys.loan_rules(k)
    assert rules.manager_approval and rules.consent_required
    exc = refused(ks, ValidationError, ks.keys.check_out, k, contractor())
    assert field_keys(exc) == {"consent_by": "key.consent_required", "manager_approval": "key.manager_approval_required"}
    exc = refused(ks, ValidationError, ks.keys.check_out, k, contractor(consent_by="工程部 黄工"),
                  manager_approval=Approval("manager", "wrong-pass"))
    assert field_keys(exc) == {"manager_approval": "key.approval_bad_credentials"}
    exc = refused(ks, ValidationError, ks.keys.check_out, k, contractor(consent_by="工程部 黄工"),
                  manager_approval=Approval("super", PASSWORDS["super"]))
    assert field_keys(exc) == {"manager_approval": "key.approval_role"}
    assert exc.fields["manager_approval"].params == {"role": "manager", "name": "李强"}
    exc = refused(ks, ValidationError, ks.keys.check_out, k, contractor(consent_by="工程部 黄工"),
                  manager_approval=Approval("nobody", "x"))
    assert field_keys(exc) == {"manager_approval": "key.approval_bad_credentials"}
    exc = refused(ks, ValidationError, ks.keys.check_out, k, contractor(consent_by="工程部 黄工"),
                  manager_approval=Approval("manager", ""))
    assert field_keys(exc) == {"manager_approval": "key.approver_required"}

    operator = ks.ctx.operator
    loan = ks.keys.check_out(k, contractor(consent_by="工程部 黄工"), manager_approval=MANAGER)
    assert (loan.manager_approver, loan.consent_by) == ("赵敏", "工程部 黄工")
    assert loan.manager_approved_at == loan.out_at
    # The approver confirmed at the counter; nobody was signed in or out.
    assert ks.ctx.operator == operator
    with ks.ctx.db.read() as s:
        actions = [a for (a,) in s.execute(select(AuditEntry.action).order_by(AuditEntry.id.desc()).limit(3))]
        approver_id = s.get(KeyLoan, loan.id).manager_approver_id
    assert "staff.sign_in" not in actions and approver_id == staff_id(ks, "manager")


def test_higher_roles_approve_too_but_not_their_own_loan(ks):
    k = key_id(ks, "K00002")
    loan = ks.keys.check_out(k, contractor(consent_by="黄工"), manager_approval=GM)
    assert loan.manager_approver == "孙总"
    ks.keys.check_in(k)
    exc = refused(ks, ValidationError, ks.keys.check_out, k, LoanInput(
        "巡查", "staff", borrower_staff_id=staff_id(ks, "manager"), consent_by="黄工", signed_on_slip=True),
        manager_approval=MANAGER)
    assert field_keys(exc) == {"manager_approval": "key.approver_is_borrower"}


def test_equipment_and_store_rooms_need_no_approval(ks):
    for tag in ("K00003", "K00004"):
        rules = ks.keys.loan_rules(key_id(ks, tag))
        assert not rules.manager_approval and not rules.consent_required
        assert ks.keys.check_out(key_id(ks, tag), engineer(quantity=1)).manager_approver == ""


def test_overnight_loans_only_for_engineering_or_with_the_general_managers_approval(ks):
    k = key_id(ks, "K00003")
    tomorrow = next_day(MONDAY, 8)  # overnight, but less than a day
    exc = refused(ks, ValidationError, ks.keys.check_out, k, engineer(due_at=tomorrow), at=MONDAY)
    assert field_keys(exc) == {"gm_approval": "key.overnight_not_allowed"}
    assert exc.fields["gm_approval"].params == {"end": T1800}
    rules = ks.keys.loan_rules(k, due_at=tomorrow, engineering_repair=True, at=MONDAY)
    assert rules.overnight and not rules.gm_approval
    loan = ks.keys.check_out(k, engineer(due_at=tomorrow, engineering_repair=True), at=MONDAY)
    assert loan.engineering_repair and loan.gm_approver == "" and loan.due_at == tomorrow


def test_a_loan_longer_than_a_day_needs_the_general_manager(ks):
    k = key_id(ks, "K00003")
    friday = MONDAY + timedelta(days=4)
    rules = ks.keys.loan_rules(k, due_at=friday, engineering_repair=True, at=MONDAY)
    assert rules.gm_approval
    exc = refused(ks, ValidationError, ks.keys.check_out, k, engineer(due_at=friday, engineering_repair=True),
                  at=MONDAY)
    assert field_keys(exc) == {"gm_approval": "key.gm_approval_required"}
    exc = refused(ks, ValidationError, ks.keys.check_out, k, engineer(due_at=friday), at=MONDAY,
                  gm_approval=MANAGER)
    assert field_keys(exc) == {"gm_approval": "key.approval_role"}
    assert exc.fields["gm_approval"].params["role"] == "general_manager"
    exc = refused(ks, ValidationError, ks.keys.check_out, k, engineer(due_at=friday), at=MONDAY,
                  gm_approval=Approval("gm", "nope"))
    assert field_keys(exc) == {"gm_approval": "key.approval_bad_credentials"}
    loan = ks.keys.check_out(k, engineer(due_at=friday), at=MONDAY, gm_approval=GM)
    assert loan.gm_approver == "孙总" and loan.gm_approved_at == MONDAY
    # A public-area key for a week needs both approvals.
    exc = refused(ks, ValidationError, ks.keys.check_out, key_id(ks, "K00002"),
                  contractor(consent_by="黄工", due_at=friday), at=MONDAY, gm_approval=GM)
    assert field_keys(exc) == {"manager_approval": "key.manager_approval_required"}
    both = ks.keys.check_out(key_id(ks, "K00002"), contractor(consent_by="黄工", due_at=friday), at=MONDAY,
                             gm_approval=GM, manager_approval=MANAGER)
    assert (both.manager_approver, both.gm_approver) == ("赵敏", "孙总")


# -- overnight: the end-of-day list and the shift's acknowledgements ------------------------


def test_keys_out_after_the_end_of_the_day_are_listed_and_highlighted(ks):
    plain = ks.keys.check_out(key_id(ks, "K00004"), engineer(quantity=1), at=MONDAY)
    repair = ks.keys.check_out(key_id(ks, "K00003"), engineer(due_at=next_day(MONDAY, 8), engineering_repair=True),
                               at=MONDAY)
    long = ks.keys.check_out(key_id(ks, "K00005"), engineer(due_at=MONDAY + timedelta(days=3)), at=MONDAY,
                             gm_approval=GM)
    afternoon = ks.keys.still_out(MONDAY.replace(hour=15))
    assert len(afternoon) == 3 and not any(o.overnight or o.highlight for o in afternoon)
    assert ks.keys.unacknowledged(MONDAY.replace(hour=15)) == []
    ks.keys.check_shift_close(MONDAY.replace(hour=15))

    night = ks.keys.still_out(evening(MONDAY))
    by_loan = {o.loan.id: o for o in night}
    assert night[0].loan.id == plain.id  # highlighted first
    assert (by_loan[plain.id].overnight, by_loan[plain.id].highlight, by_loan[plain.id].excuse) == (True, True, "")
    assert (by_loan[repair.id].highlight, by_loan[repair.id].excuse) == (False, "engineering_repair")
    assert (by_loan[long.id].highlight, by_loan[long.id].excuse) == (False, "approved")
    assert all(o.night == MONDAY.date() for o in night)


def test_closing_the_shift_asks_for_each_key_out_overnight(ks):
    a = ks.keys.check_out(key_id(ks, "K00004"), engineer(quantity=1), at=MONDAY)
    b = ks.keys.check_out(key_id(ks, "K00003"), engineer(due_at=next_day(MONDAY, 8), engineering_repair=True),
                          at=MONDAY)
    at = evening(MONDAY, 21)
    assert {o.loan.id for o in ks.keys.unacknowledged(at)} == {a.id, b.id}
    exc = refused(ks, ConflictError, ks.keys.check_shift_close, at)
    assert exc.key == "key.overnight_unacknowledged" and exc.params["count"] == 2
    exc = refused(ks, ValidationError, ks.keys.acknowledge_overnight, a.id, " ", at=at)
    assert field_keys(exc) == {"note": "text.required"}
    exc = refused(ks, ConflictError, ks.keys.acknowledge_overnight, a.id, "x", at=MONDAY.replace(hour=12))
    assert exc.key == "key.not_overnight"
    ack = ks.keys.acknowledge_overnight(a.id, "已电话联系刘建军，明早8点归还", at=at)
    assert ack.acknowledged and ack.ack_by == "王芳" and ack.ack_note.startswith("已电话")
    refused(ks, ConflictError, ks.keys.acknowledge_overnight, a.id, "again", at=at)
    assert [o.loan.id for o in ks.keys.unacknowledged(at)] == [b.id]
    ks.keys.acknowledge_overnight(b.id, "工程维修，明早归还", at=at)
    ks.keys.check_shift_close(at)
    # Past midnight it is still the same night; the next evening asks again.
    ks.keys.check_shift_close(next_day(MONDAY, 2))
    ks.keys.check_shift_close(next_day(MONDAY, 14))
    assert {o.loan.id for o in ks.keys.unacknowledged(next_day(MONDAY, 19))} == {a.id, b.id}
    # A key that came back is no longer asked about.
    ks.keys.check_in(key_id(ks, "K00004"), at=next_day(MONDAY, 8))
    assert [o.loan.id for o in ks.keys.unacknowledged(next_day(MONDAY, 19))] == [b.id]
    refused(ks, ConflictError, ks.keys.acknowledge_overnight, a.id, "late", at=next_day(MONDAY, 19))


def test_night_of():
    eod = T1800.time()
    assert night_of(datetime(2026, 3, 2, 22, 0), eod) == date(2026, 3, 2)
    assert night_of(datetime(2026, 3, 3, 2, 0), eod) == date(2026, 3, 2)
    assert night_of(datetime(2026, 3, 3, 17, 59), eod) == date(2026, 3, 2)
    assert night_of(datetime(2026, 3, 3, 18, 0), eod) == date(2026, 3, 3)


def test_overdue_kept_apart_from_due_soon_each_by_due_time(ks):
    late = ks.keys.check_out(key_id(ks, "K00003"), engineer(due_at=MONDAY.replace(hour=11)), at=MONDAY)
    later = ks.keys.check_out(key_id(ks, "K00004"), engineer(quantity=1, due_at=MONDAY.replace(hour=10)), at=MONDAY)
    soon = ks.keys.check_out(key_id(ks, "K00005"), engineer(due_at=MONDAY.replace(hour=12, minute=30)), at=MONDAY)
    fine = ks.keys.check_out(key_id(ks, "K00001"), engineer(due_at=MONDAY.replace(hour=16)), at=MONDAY)
    report = ks.keys.overdue(MONDAY.replace(hour=12))
    assert [v.id for v in report.overdue] == [later.id, late.id]  # most overdue first
    assert [v.id for v in report.due_soon] == [soon.id]
    assert fine.id not in {v.id for v in report.overdue + report.due_soon}
    assert all(v.overdue for v in report.overdue) and not report.due_soon[0].overdue


# -- emergencies -------------------------------------------------------------------------------


def emergency(**changes) -> EmergencyInput:
    data = dict(emergency="flooding", description="楼下报漏水，需进入A-1203关闭总阀", contacted="owner",
                contact_name="张三", contact_phone="13812345678", contact_method="phone",
                contacted_at=now() - timedelta(minutes=10), staff_present_1="王芳", staff_present_2="保安 陈刚")
    data.update(changes)
    return EmergencyInput(**data)


def test_emergency_use_of_an_owners_spare_key_is_recorded_in_detail(ks):
    k = key_id(ks, "K00001")
    contacts = ks.keys.emergency_contacts(k)
    assert (contacts.unit_code, contacts.owner_name, contacts.owner_phone) == ("A-1203", "张三", "13812345678")
    e = ks.keys.emergency_use(k, emergency())
    assert (e.contacted, e.contact_name, e.contact_method) == ("owner", "张三", "phone")
    assert (e.staff_present_1, e.staff_present_2, e.recorded_by, e.key_location) == (
        "王芳", "保安 陈刚", "王芳", "A-1203 入户门")
    loan = ks.keys.loan(e.loan_id)
    assert loan.emergency and loan.open and ks.keys.get(k).status == "out"
    assert ks.keys.emergencies()[0].id == e.id
    assert ks.keys.scan("K00001").action == "checked_in"


def test_emergency_rules(ks):
    k = key_id(ks, "K00001")
    exc = refused(ks, ConflictError, ks.keys.emergency_use, key_id(ks, "K00003"), emergency())
    assert exc.key == "key.emergency_unit_keys_only"
    exc = refused(ks, ValidationError, ks.keys.emergency_use, k, emergency(contacted="nobody", contact_name=""))
    assert field_keys(exc) == {"contacted": "key.emergency_notify_first", "contact_name": "name.required"}
    exc = refused(ks, ValidationError, ks.keys.emergency_use, k, emergency(contacted_at=now() + timedelta(minutes=30)))
    assert field_keys(exc) == {"contacted_at": "key.emergency_contact_after_use"}
    exc = refused(ks, ValidationError, ks.keys.emergency_use, k, emergency(contacted_at=now() - timedelta(days=1)))
    assert field_keys(exc) == {"contacted_at": "key.emergency_contact_too_old"}
    exc = refused(ks, ValidationError, ks.keys.emergency_use, k, emergency(
        contacted="emergency_contact", contact_name="李梅"))
    assert field_keys(exc) == {"owner_attempt": "key.emergency_owner_attempt_required"}
    exc = refused(ks, ValidationError, ks.keys.emergency_use, k, emergency(staff_present_2="王芳"))
    assert field_keys(exc) == {"staff_present_2": "key.emergency_two_staff"}
    exc = refused(ks, ValidationError, ks.keys.emergency_use, k, emergency(staff_present_2="", emergency="quake"))
    assert field_keys(exc) == {"emergency": "key.emergency_kind_unknown", "staff_present_2": "name.required"}
    e = ks.keys.emergency_use(k, emergency(contacted="emergency_contact", contact_name="李梅",
                                           owner_attempt="业主电话两次无人接听", contact_method="sms"))
    assert e.owner_attempt == "业主电话两次无人接听"


# -- lost, found, copies, lock changes, retirement, hand-over -----------------------------


def test_lost_key_in_the_cabinet(ks):
    k = key_id(ks, "K00003")
    exc = refused(ks, ValidationError, ks.keys.report_lost, k, note="")
    assert field_keys(exc) == {"note": "text.required"}
    exc = refused(ks, ValidationError, ks.keys.report_lost, k, note="x", count=3)
    assert field_keys(exc) == {"count": "key.quantity_range"}
    part = ks.keys.report_lost(k, note="一把不见了", count=1)
    assert (part.status, part.key_count, part.retirement_due) == ("in", 1, True)
    gone = ks.keys.report_lost(k, note="另一把也不见了")
    assert (gone.status, gone.key_count) == ("lost", 0)
    exc = refused(ks, ConflictError, ks.keys.scan, "K00003")
    assert exc.key == "key.status_lost"
    refused(ks, ConflictError, ks.keys.check_out, k, engineer())
    back = ks.keys.report_found(k, note="在配电房找到", count=2)
    assert (back.status, back.key_count, back.hook) == ("in", 2, "E-001")
    refused(ks, ConflictError, ks.keys.report_found, k, note="again")


def test_lost_while_out_ends_the_loan(ks):
    k = key_id(ks, "K00002")
    loan = ks.keys.check_out(k, contractor(consent_by="黄工"), manager_approval=MANAGER)
    exc = refused(ks, ValidationError, ks.keys.report_lost, k, note="x", count=2)
    assert field_keys(exc) == {"count": "key.lost_whole_loan"}
    key = ks.keys.report_lost(k, note="施工人员遗失在天台")
    assert key.status == "lost" and key.loan_id is None
    ended = ks.keys.loan(loan.id)
    assert ended.lost and not ended.open
    event = ks.keys.history(k)[-1]
    assert (event.kind, event.person, event.loan_id) == ("lost", "刘伟", loan.id)
    # Found again, but its hook was given to another key meanwhile.
    as_user(ks, "super")
    ks.keys.intake(IntakeInput("public", "A栋天台门(新)", 1, "P-001", "工程部"))
    as_user(ks, "reception")
    exc = refused(ks, ValidationError, ks.keys.report_found, k, note="找到了")
    assert field_keys(exc) == {"hook": "key.hook_taken"}
    assert ks.keys.report_found(k, note="找到了", hook="P-002").hook == "P-002"


def test_copies_are_refused_and_recorded(ks):
    k = key_id(ks, "K00002")
    before = row_counts(ks)
    e = ks.keys.record_copy_request(k, requested_by="装修工人 马六", reason="想配一把方便施工")
    assert (e.kind, e.person, e.by) == ("copy_refused", "装修工人 马六", "王芳")
    after = row_counts(ks)
    assert after["key_event"] == before["key_event"] + 1 and after["audit_log"] == before["audit_log"] + 1
    assert ks.keys.get(k).key_count == 1  # no key was added
    exc = refused(ks, ValidationError, ks.keys.record_copy_request, k, requested_by="")
    assert field_keys(exc) == {"requested_by": "name.required"}


def test_lock_changes_and_retirement_with_the_managers_approval(ks):
    k = key_id(ks, "K00003")
    refused(ks, PermissionDeniedError, ks.keys.record_lock_change, k, new_count=2)
    as_user(ks, "super")
    v = ks.keys.record_lock_change(k, new_count=3, changed_by="工程部 周工", note="锁芯损坏")
    assert (v.lock_changes, v.key_count, v.original_count, v.retirement_due) == (1, 3, 3, False)
    exc = refused(ks, ValidationError, ks.keys.retire, k, reason="lock_changed", returned_to="工程部 周工",
                  approval=MANAGER)
    assert field_keys(exc) == {"reason": "key.retire_lock_changes"}
    assert exc.fields["reason"].params == {"count": 1, "needed": 3}
    ks.keys.record_lock_change(k, new_count=2)
    v = ks.keys.record_lock_change(k, new_count=2)
    assert v.lock_changes == 3 and v.retirement_due
    exc = refused(ks, ValidationError, ks.keys.retire, k, reason="lock_changed", returned_to="工程部 周工",
                  approval=None)
    assert field_keys(exc) == {"approval": "key.retire_approval_required"}
    exc = refused(ks, ValidationError, ks.keys.retire, k, reason="lock_changed", returned_to="",
                  approval=Approval("manager", "bad"))
    assert field_keys(exc) == {"approval": "key.approval_bad_credentials", "returned_to": "key.retire_returned_to_required"}
    exc = refused(ks, ValidationError, ks.keys.retire, k, reason="lock_changed", returned_to="周工",
                  approval=Approval("super", PASSWORDS["super"]))
    assert field_keys(exc) == {"approval": "key.approval_role"}
    exc = refused(ks, ValidationError, ks.keys.retire, k, reason="incomplete", returned_to="周工", approval=MANAGER)
    assert field_keys(exc) == {"reason": "key.retire_not_incomplete"}
    retired = ks.keys.retire(k, reason="lock_changed", returned_to="工程部 周工", approval=MANAGER, note="退回工程部")
    assert retired.status == "retired" and not retired.retirement_due
    event = ks.keys.history(k)[-1]
    assert (event.kind, event.approver, event.person, event.reason) == ("retire", "赵敏", "工程部 周工", "lock_changed")
    as_user(ks, "reception")
    exc = refused(ks, ConflictError, ks.keys.scan, "K00003")
    assert exc.key == "key.status_retired"


def test_an_incomplete_set_is_retired(ks):
    k = key_id(ks, "K00001")
    ks.keys.report_lost(k, note="业主遗失一把", count=1)
    as_user(ks, "super")
    v = ks.keys.retire(k, reason="incomplete", returned_to="工程部", approval=MANAGER)
    assert v.status == "retired"


def test_hand_over_to_the_owner(ks):
    k = key_id(ks, "K00005")
    zhang = ks.occupants.search("张三")[0]
    exc = refused(ks, ValidationError, ks.keys.hand_over, k, recipient="周杰", occupant_id=zhang.id)
    assert field_keys(exc) == {"occupant_id": "key.owner_not_of_unit"}
    v = ks.keys.hand_over(k, recipient="周杰", note="业主取回备用钥匙")
    assert v.status == "handed_over"
    exc = refused(ks, ConflictError, ks.keys.scan, "K00005")
    assert exc.key == "key.status_handed_over"


# -- spot checks -----------------------------------------------------------------------------


def test_spot_check_lists_missing_and_unexpected_keys(ks):
    ks.keys.check_out(key_id(ks, "K00003"), engineer())
    ks.keys.report_lost(key_id(ks, "K00004"), note="遗失")
    refused(ks, PermissionDeniedError, ks.keys.start_spot_check)
    as_user(ks, "super")
    check = ks.keys.start_spot_check()
    refused(ks, ConflictError, ks.keys.start_spot_check)
    assert ks.keys.open_spot_check().id == check.id
    results = [ks.keys.spot_check_scan(check.id, c).result for c in ("K00001", "k00002", "K00002", "K00004", "K99999")]
    assert results == ["matched", "matched", "duplicate", "unexpected", "unknown"]
    assert ks.keys.spot_check_scan(check.id, "K00001").scanned == 4
    result = ks.keys.finish_spot_check(check.id, "月度抽查")
    assert [i.code for i in result.matched] == ["K00001", "K00002"]
    assert [i.code for i in result.missing] == ["K00005"] and result.missing[0].hook == "B-001"
    assert [(i.code, i.status) for i in result.unexpected] == [("K00004", "lost"), ("K99999", "")]
    assert [i.code for i in result.out] == ["K00003"]
    assert (result.check.matched, result.check.missing, result.check.unexpected) == (2, 1, 2)
    assert ks.keys.spot_check_result(check.id) == result  # saved as a record
    assert ks.keys.open_spot_check() is None and ks.keys.spot_checks()[0].note == "月度抽查"
    refused(ks, ConflictError, ks.keys.finish_spot_check, check.id)
    refused(ks, ConflictError, ks.keys.spot_check_scan, check.id, "K00001")


def test_compare_spot_check_directly():
    keys = {"K1": SpotKey(1, "K1", "in"), "K2": SpotKey(2, "K2", "in"), "K3": SpotKey(3, "K3", "out"),
            "K4": SpotKey(4, "K4", "retired")}
    out = compare_spot_check(["K2", "K4", "K4", "X"], keys)
    assert [k.tag_code for k in out.matched] == ["K2"]
    assert [k.tag_code for k in out.missing] == ["K1"]
    assert [c for c, _ in out.unexpected] == ["K4", "X"]
    assert [k.tag_code for k in out.absent_out] == ["K3"]


# -- registers, statistics, audit --------------------------------------------------------------


def test_loan_register_pages_and_filters(ks):
    k3, k4 = key_id(ks, "K00003"), key_id(ks, "K00004")
    entries = []
    for d in range(6):
        day = MONDAY - timedelta(days=7 - d)
        entries.append(PastLoan(k3 if d % 2 else k4, engineer(quantity=1), day, day + timedelta(hours=2)))
    ids = ks.keys.register_past_loans(entries)
    assert len(ids) == 6
    page = ks.keys.loans(limit=4)
    assert len(page.rows) == 4 and page.next_after is not None
    assert [v.out_at for v in page.rows] == sorted((v.out_at for v in page.rows), reverse=True)
    rest = ks.keys.loans(limit=4, after=page.next_after)
    assert len(rest.rows) == 2 and rest.next_after is None
    assert ks.keys.loan_count(LoanQuery(text="K00003")) == 3
    assert ks.keys.loan_count(LoanQuery(text="刘")) == 6
    assert ks.keys.loan_count(LoanQuery(date_from=(MONDAY - timedelta(days=3)).date())) == 2
    assert ks.keys.loan_count(LoanQuery(open_only=True)) == 0
    with pytest.raises(ValidationError):
        ks.keys.loans(LoanQuery(date_from=date(2026, 3, 5), date_to=date(2026, 3, 1)))


def test_past_loans_are_all_or_nothing(ks):
    k3 = key_id(ks, "K00003")
    good = PastLoan(k3, engineer(), MONDAY - timedelta(days=2), MONDAY - timedelta(days=2) + timedelta(hours=1))
    bad = PastLoan(key_id(ks, "K00002"), contractor(), MONDAY - timedelta(days=1))  # no approval
    exc = refused(ks, ValidationError, ks.keys.register_past_loans, [good, bad])
    assert exc.params["entry"] == 1
    exc = refused(ks, ValidationError, ks.keys.register_past_loans, [
        PastLoan(k3, engineer(), now() + timedelta(days=1))])
    assert "out_at" in field_keys(exc)


def test_monthly_statistics_add_up(ks):
    k1, k3, k4 = key_id(ks, "K00001"), key_id(ks, "K00003"), key_id(ks, "K00004")
    march = [MONDAY + timedelta(days=d) for d in range(3)]
    ks.keys.register_past_loans([PastLoan(k3, engineer(), t, t + timedelta(hours=1)) for t in march]
                                + [PastLoan(k4, engineer(), march[0], march[0] + timedelta(hours=1))])
    as_user(ks, "super")
    ks.keys.intake(IntakeInput("store", "工程部库房", 1, "S-002", "陈工"), at=MONDAY)
    ks.keys.record_lock_change(k3, new_count=3, at=MONDAY)
    ks.keys.report_lost(k1, note="遗失", count=1, at=MONDAY)
    ks.keys.hand_over(key_id(ks, "K00005"), recipient="周杰", at=MONDAY)
    stats = ks.keys.monthly_statistics(2026, 3)
    by = {r.category: r for r in stats.rows}
    assert (by["equipment"].lent, by["equipment"].keys_lent, by["equipment"].changed) == (3, 6, 1)
    assert (by["store"].received, by["store"].lent) == (1, 1)
    assert (by["unit"].lost, by["unit"].handed_over) == (1, 1)
    assert (by["unit"].at_start, by["unit"].kept) == (3, 1)
    assert (by["equipment"].at_start, by["equipment"].kept) == (2, 3)
    lock_change_delta = {"equipment": 1, "total": 1}  # 2 keys replaced by 3
    for r in (*stats.rows, stats.total):
        assert r.kept == (r.at_start + r.received - r.handed_over - r.retired - r.lost + r.found
                          + lock_change_delta.get(r.category, 0)), r
    assert stats.total.kept == sum(r.kept for r in stats.rows) == 1 + 1 + 3 + 2
    january = ks.keys.monthly_statistics(2026, 1)
    assert january.total.received == 7 and january.total.at_start == 0
    assert [e.kind for e in ks.keys.month_events(2026, 3)] == ["lock_change", "lost", "hand_over"]
    with pytest.raises(ValidationError):
        ks.keys.monthly_statistics(2026, 13)


def test_everything_is_audited_and_registers_are_append_only(ks):
    k = key_id(ks, "K00003")
    loan = ks.keys.check_out(k, engineer())
    ks.keys.check_in(k)
    actions = [a.action for a in ks.audit.for_entity("key_loan", loan.id)]
    assert actions == ["key.check_out", "key.check_in"]
    assert ks.audit.verify_chain() is None
    for sql in ("UPDATE key_loan SET purpose = 'x'", "DELETE FROM key_loan", "UPDATE key_loan_event SET note = 'x'",
                "DELETE FROM key_intake", "UPDATE key_intake SET key_count = 9", "DELETE FROM key_set"):
        with pytest.raises(Exception, match="append-only|never deleted"):
            with ks.ctx.db.write() as s:
                s.execute(text(sql))


def test_nobody_signed_in_may_do_nothing(ks):
    ks.ctx.operator = None
    for call in (lambda: ks.keys.scan("K00001"), lambda: ks.keys.check_out(1, engineer()),
                 lambda: ks.keys.check_in(1), lambda: ks.keys.acknowledge_overnight(1, "x")):
        with pytest.raises(AuthenticationError):
            call()


# -- timing figure (not a timed test) ----------------------------------------------------------


def test_check_out_check_in_timing_figure(ks, capsys):
    """Prints the median service time of a check-out and of a scan check-in on this small
    cabinet, as a reference figure for bench/ (which measures 10,000 keys, 500,000 loans)."""
    k = key_id(ks, "K00003")
    outs, ins = [], []
    for _ in range(30):
        t0 = time.perf_counter()
        ks.keys.check_out(k, engineer())
        t1 = time.perf_counter()
        ks.keys.scan("K00003")
        t2 = time.perf_counter()
        outs.append(t1 - t0)
        ins.append(t2 - t1)
    with capsys.disabled():
        print(f"\n[key cabinet] check-out median {statistics.median(outs) * 1000:.1f} ms, "
              f"scan check-in median {statistics.median(ins) * 1000:.1f} ms (30 cycles, 5 keys)")
    assert ks.keys.loan_count() == 30


def test_still_out_view_of_a_new_loan_matches_the_list(ks):
    """The Keys tab shows a new loan from still_out_view() instead of re-reading the list."""
    from app.services.keys import LoanInput

    key = ks.keys.search("S-001")[0]
    loan = ks.keys.check_out(key.id, LoanInput("盘点", "contractor", borrower_name="刘伟", borrower_company="维修队",
                                               borrower_phone="13912345678", borrower_doc_type="passport",
                                               borrower_doc_number="E1234567", signed_on_slip=True,
                                               engineering_repair=True))
    listed = next(o for o in ks.keys.still_out() if o.loan.id == loan.id)
    shown = ks.keys.still_out_view(loan)
    assert (shown.overnight, shown.highlight, shown.excuse, shown.acknowledged, shown.night) == (
        listed.overnight, listed.highlight, listed.excuse, listed.acknowledged, listed.night)
