"""Renovation permits and contractor passes on a real SQLite file: the flow as a state machine,
the 45-day period, extensions before the end only, passes never past the permit's end,
masking, the scan check, the registers' append-only guards and the audit trail."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from app.permit_rules import (
    TRANSITIONS,
    TransitionError,
    allowed_actions,
    next_state,
    parse_pass_code,
    pass_status_on,
    period_end,
)
from app.services.permits import Approval, FeesInput, PermitQuery
from db.engine import StorageError
from tests.unit._permits import (
    DAY0,
    MASKED_WORKER_ID,
    WORKER_ID,
    WORKER_ID_2,
    application,
    as_user,
    permit_in,
    worker,
)

# -- the rules, pure -----------------------------------------------------------------------------


def test_every_state_has_exactly_the_documented_steps():
    assert allowed_actions("applied") == ("pay_fees", "cancel")
    assert allowed_actions("checked") == ("approve", "reject", "cancel")
    assert allowed_actions("approved") == ("issue", "cancel")
    assert allowed_actions("in_progress") == ("extend", "finish")
    assert allowed_actions("extended") == ("extend", "finish")
    for closed in ("finished", "rejected", "cancelled"):
        assert allowed_actions(closed) == ()
    for action, (starts, _target) in TRANSITIONS.items():
        for state in ("applied", "issued", "finished"):
            if state not in starts:
                with pytest.raises(TransitionError) as exc:
                    next_state(state, action)
                assert exc.value.key == "permit.wrong_state" and exc.value.params["state"] == state


def test_period_is_inclusive_45_days():
    assert period_end(date(2026, 3, 2), 45) == date(2026, 4, 15)
    assert (period_end(date(2026, 3, 2), 45) - date(2026, 3, 2)).days + 1 == 45


def test_pass_status_by_date_and_permit():
    args = dict(valid_from=date(2026, 3, 9), valid_to=date(2026, 4, 22))
    assert pass_status_on("active", permit_state="in_progress", permit_end=date(2026, 4, 22),
                          day=date(2026, 3, 9), **args) == "valid"
    assert pass_status_on("active", permit_state="in_progress", permit_end=date(2026, 4, 22),
                          day=date(2026, 4, 23), **args) == "expired"
    # the permit's end wins over the pass's own
    assert pass_status_on("active", permit_state="extended", permit_end=date(2026, 4, 1),
                          day=date(2026, 4, 2), **args) == "expired"
    assert pass_status_on("active", permit_state="issued", permit_end=date(2026, 4, 22),
                          day=date(2026, 3, 10), **args) == "permit_not_working"
    assert pass_status_on("returned", permit_state="in_progress", permit_end=None, day=date(2026, 3, 10),
                          **args) == "returned"
    assert pass_status_on("active", permit_state="in_progress", permit_end=None, day=date(2026, 3, 8),
                          **args) == "not_yet_valid"


def test_pass_codes_from_code128_and_qr():
    assert parse_pass_code("PC000042") == ("PC000042", "")
    assert parse_pass_code(" pc000042-7k3f9q2a ") == ("PC000042", "7K3F9Q2A")
    assert parse_pass_code("P000042") == ("", "")
    assert parse_pass_code("PC00004") == ("", "")


def test_scanner_recognises_pass_numbers_and_qr_payloads():
    from app.devices.recognition import default_rules, recognize

    rules = default_rules()
    assert recognize("PC000042", rules).kind == "pass"
    assert recognize("PC000042-7K3F9Q2A", rules).kind == "pass"
    assert recognize("K00042", rules).kind == "key_tag"


# -- the flow ------------------------------------------------------------------------------------


def test_application_gets_a_gapless_yearly_number_and_the_45_day_default(svc):
    as_user(svc, "reception")
    a = svc.permits.apply(application(), at=DAY0)
    with pytest.raises(ValidationError):
        svc.permits.apply(application(applicant_name="", scope=""), at=DAY0)
    b = svc.permits.apply(application(unit_code="B-0302", applicant_name="周杰"), at=DAY0)
    assert (a.number, b.number) == ("RP2026-0001", "RP2026-0002")  # the refused one used no number
    assert a.state == "applied" and a.period_days == 45 and a.unit_code == "A-1203"
    assert a.starts_on is None and a.ends_on is None


def test_application_collects_every_field_error(svc):
    as_user(svc, "reception")
    with pytest.raises(ValidationError) as exc:
        svc.permits.apply(application(unit_code="Z-9999", applicant_name="", applicant_kind="landlord",
                                      contractor_company="", site_lead_phone="12", scope="", form_signed=False,
                                      period_days=0), at=DAY0)
    assert set(exc.value.fields) >= {"unit_code", "applicant_name", "applicant_kind", "contractor_company",
                                     "site_lead_phone", "scope", "form_signed", "period_days"}
    assert exc.value.fields["form_signed"].key == "permit.form_not_signed"


def test_full_flow_with_roles_and_audit(svc):
    p = permit_in(svc, "in_progress")
    assert p.state == "in_progress"
    assert p.starts_on == date(2026, 3, 9) and p.ends_on == date(2026, 4, 22)  # 45 days inclusive
    assert p.fee_receipt_no == "R2026-000100" and p.deposit == Decimal("2000.00") and p.water_fee == Decimal("50.00")
    assert p.approved_by == "赵敏"
    kinds = [e.kind for e in svc.permits.history(p.id)]
    assert kinds == ["applied", "fees_paid", "drawings_reviewed", "checked", "approved", "issued", "started"]
    audit = [a.action for a in svc.audit.recent(50) if a.entity == "renovation_permit"]
    assert {"permit.applied", "permit.fees_paid", "permit.approved", "permit.issued", "permit.started"} <= set(audit)


def test_wrong_transition_is_a_typed_error_and_writes_nothing(svc):
    p = permit_in(svc, "applied")
    as_user(svc, "reception")
    before = len(svc.permits.history(p.id))
    with pytest.raises(TransitionError) as exc:
        svc.permits.issue(p.id, at=DAY0)
    assert exc.value.params == {"action": "issue", "state": "applied", "number": p.number}
    assert isinstance(exc.value, ConflictError)
    with pytest.raises(TransitionError):
        svc.permits.start(p.id, at=DAY0)
    assert len(svc.permits.history(p.id)) == before
    assert svc.permits.get(p.id).state == "applied"


def test_only_a_manager_approves(svc):
    p = permit_in(svc, "checked")
    as_user(svc, "super")
    with pytest.raises(PermissionDeniedError):
        svc.permits.approve(p.id, at=DAY0 + timedelta(days=1))
    as_user(svc, "reception")
    with pytest.raises(ValidationError) as exc:
        svc.permits.approve(p.id, approval=Approval("super", "super-pass"), at=DAY0 + timedelta(days=1))
    assert exc.value.fields["approval"].key == "permit.approval_role"
    with pytest.raises(ValidationError) as exc:
        svc.permits.approve(p.id, approval=Approval("manager", "wrong"), at=DAY0 + timedelta(days=1))
    assert exc.value.fields["approval"].key == "permit.approval_bad_credentials"
    # the manager confirms at the receptionist's counter with their own password
    v = svc.permits.approve(p.id, approval=Approval("manager", "manager-pass"), at=DAY0 + timedelta(days=1))
    assert v.state == "approved" and v.approved_by == "赵敏"
    step = svc.permits.history(p.id)[-1]
    assert (step.by, step.approver) == ("王芳", "赵敏")


def test_receptionist_cannot_record_the_drawing_review(svc):
    p = permit_in(svc, "fees_paid")
    as_user(svc, "reception")
    with pytest.raises(PermissionDeniedError):
        svc.permits.review_drawings(p.id, passed=True, reviewer="黄工")


def test_drawings_sent_back_keep_the_permit_waiting(svc):
    p = permit_in(svc, "fees_paid")
    as_user(svc, "super")
    with pytest.raises(ValidationError) as exc:
        svc.permits.review_drawings(p.id, passed=False, reviewer="黄工")  # a reason is required
    assert "note" in exc.value.fields
    v = svc.permits.review_drawings(p.id, passed=False, reviewer="黄工", note="缺水电平面布置图")
    assert v.state == "fees_paid"
    v = svc.permits.review_drawings(p.id, passed=True, reviewer="黄工")
    assert v.state == "drawings_reviewed"
    assert [e.kind for e in svc.permits.history(p.id)][-2:] == ["drawings_returned", "drawings_reviewed"]


def test_fees_need_a_receipt_and_exact_money(svc):
    p = permit_in(svc, "applied")
    as_user(svc, "reception")
    with pytest.raises(ValidationError) as exc:
        svc.permits.pay_fees(p.id, FeesInput("", deposit=2000.5, debris_fee="1.234", water_fee="-1"))
    assert set(exc.value.fields) == {"receipt_no", "deposit", "debris_fee", "water_fee"}


def test_manager_rejects_with_a_reason_and_nothing_follows(svc):
    p = permit_in(svc, "checked")
    as_user(svc, "manager")
    v = svc.permits.reject(p.id, reason="涉及承重墙改动")
    assert v.state == "rejected" and v.actions == ()
    with pytest.raises(TransitionError):
        svc.permits.approve(p.id)


def test_cancel_only_before_the_permit_is_issued(svc):
    p = permit_in(svc, "issued")
    as_user(svc, "super")
    with pytest.raises(TransitionError):
        svc.permits.cancel(p.id, reason="业主撤回")
    q = permit_in(svc, "approved", unit_code="B-0302")
    as_user(svc, "super")
    assert svc.permits.cancel(q.id, reason="业主撤回").state == "cancelled"


def test_extension_only_before_expiry(svc):
    p = permit_in(svc, "in_progress")
    as_user(svc, "super")
    last_day = datetime.combine(p.ends_on, datetime.min.time()).replace(hour=17)
    v = svc.permits.extend(p.id, days=15, requested_by="张三", reason="瓷砖到货延迟", at=last_day)
    assert v.state == "extended" and v.ends_on == p.ends_on + timedelta(days=15) and v.extensions == 1
    step = svc.permits.history(p.id)[-1]
    assert (step.old_end, step.new_end, step.person) == (p.ends_on, v.ends_on, "张三")
    too_late = datetime.combine(v.ends_on + timedelta(days=1), datetime.min.time()).replace(hour=9)
    with pytest.raises(ConflictError) as exc:
        svc.permits.extend(p.id, days=10, requested_by="张三", reason="再延期", at=too_late)
    assert exc.value.key == "permit.extension_too_late"
    assert svc.permits.get(p.id, day=too_late.date()).actions == ("finish",)
    assert svc.permits.get(p.id).ends_on == v.ends_on


def test_extension_days_are_checked(svc):
    p = permit_in(svc, "in_progress")
    as_user(svc, "super")
    with pytest.raises(ValidationError) as exc:
        svc.permits.extend(p.id, days=0, requested_by="", reason="", at=datetime(2026, 3, 20, 9))
    assert set(exc.value.fields) == {"days", "requested_by", "reason"}


# -- passes --------------------------------------------------------------------------------------


def test_pass_defaults_to_the_permit_period_and_costs_the_card_fee(svc):
    p = permit_in(svc, "in_progress")
    as_user(svc, "reception")
    v = svc.permits.issue_pass(p.id, worker(), at=datetime(2026, 3, 10, 8, 30))
    assert v.number == "PC000001" and len(v.token) == 8
    assert (v.valid_from, v.valid_to) == (date(2026, 3, 10), p.ends_on)
    assert v.fee == Decimal("5.00") and v.receipt_no == "R2026-000101"
    assert v.doc_number == MASKED_WORKER_ID  # a receptionist sees it masked
    as_user(svc, "super")
    assert svc.permits.get_pass(v.id).doc_number == WORKER_ID
    audit = next(a for a in svc.audit.recent(20) if a.action == "permit.pass_issued")
    assert audit.after["doc_number"] == MASKED_WORKER_ID and WORKER_ID not in str(audit.after)


def test_pass_never_valid_past_the_permit_end(svc):
    p = permit_in(svc, "in_progress")
    as_user(svc, "reception")
    at = datetime(2026, 3, 10, 8, 30)
    with pytest.raises(ValidationError) as exc:
        svc.permits.issue_pass(p.id, worker(valid_to=p.ends_on + timedelta(days=1)), at=at)
    assert exc.value.fields["valid_to"].key == "permit.pass_after_permit"
    v = svc.permits.issue_pass(p.id, worker(valid_to=date(2026, 3, 31)), at=at)
    with pytest.raises(ValidationError):
        svc.permits.renew_pass(v.id, valid_to=p.ends_on + timedelta(days=1), at=at)
    # after an extension the pass may be renewed up to the new end, not beyond
    as_user(svc, "super")
    ext = svc.permits.extend(p.id, days=10, requested_by="张三", reason="延期", at=datetime(2026, 4, 1, 9))
    as_user(svc, "reception")
    r = svc.permits.renew_pass(v.id, valid_to=ext.ends_on, at=datetime(2026, 4, 1, 9))
    assert r.valid_to == ext.ends_on


def test_pass_needs_a_signature_and_a_valid_document(svc):
    p = permit_in(svc, "in_progress")
    as_user(svc, "reception")
    with pytest.raises(ValidationError) as exc:
        svc.permits.issue_pass(p.id, worker(doc_number=WORKER_ID[:-1] + "9", signer_kind="", signer_name="",
                                            trade="astronaut", photo=b"GIF89a"), at=datetime(2026, 3, 10, 9))
    assert set(exc.value.fields) >= {"doc_number", "signer_kind", "signer_name", "trade", "photo"}


def test_no_passes_before_the_permit_is_issued_and_one_active_per_worker(svc):
    p = permit_in(svc, "approved")
    as_user(svc, "reception")
    with pytest.raises(ConflictError) as exc:
        svc.permits.issue_pass(p.id, worker(), at=DAY0)
    assert exc.value.key == "permit.passes_not_allowed"
    q = permit_in(svc, "issued", unit_code="B-0302")
    as_user(svc, "reception")
    svc.permits.issue_pass(q.id, worker(), at=DAY0 + timedelta(hours=8))
    with pytest.raises(ValidationError) as exc:
        svc.permits.issue_pass(q.id, worker(), at=DAY0 + timedelta(hours=8))
    assert exc.value.fields["doc_number"].key == "permit.worker_has_pass"


def test_scan_check_results(svc):
    p = permit_in(svc, "issued")
    as_user(svc, "reception")
    at = datetime(2026, 3, 9, 8, 0)
    a = svc.permits.issue_pass(p.id, worker(), at=at)
    b = svc.permits.issue_pass(p.id, worker(worker_name="李工", doc_number=WORKER_ID_2, trade="plumbing"), at=at)
    assert svc.permits.check_pass(a.number, at=at).result == "permit_not_working"
    svc.permits.start(p.id, at=at)
    assert svc.permits.check_pass(a.number, at=at).ok
    assert svc.permits.check_pass(f"{a.number}-{a.token}", at=at).result == "valid"
    assert svc.permits.check_pass(f"{a.number}-ZZZZZZZZ", at=at).result == "forged"
    assert svc.permits.check_pass("PC999999", at=at).result == "unknown"
    after_end = datetime.combine(p.ends_on + timedelta(days=1), datetime.min.time())
    assert svc.permits.check_pass(a.number, at=after_end).result == "expired"
    svc.permits.return_pass(a.id, at=at)
    assert svc.permits.check_pass(a.number, at=at).result == "returned"
    with pytest.raises(ValidationError):
        svc.permits.report_lost(b.id, note="", at=at)
    svc.permits.report_lost(b.id, note="工人称遗失", at=at)
    check = svc.permits.check_pass(b.number, at=at)
    assert check.result == "lost" and check.pass_.doc_number == "110105********" + WORKER_ID_2[-4:]
    with pytest.raises(ConflictError) as exc:
        svc.permits.return_pass(b.id, at=at)
    assert exc.value.key == "permit.pass_lost"
    # a replacement card for the lost one
    c = svc.permits.issue_pass(p.id, worker(worker_name="李工", doc_number=WORKER_ID_2, trade="plumbing",
                                            replaces_id=b.id), at=at)
    assert c.replaces_id == b.id and c.number == "PC000003"


def test_finish_needs_every_pass_back(svc):
    p = permit_in(svc, "in_progress")
    as_user(svc, "reception")
    at = datetime(2026, 3, 10, 8, 0)
    v = svc.permits.issue_pass(p.id, worker(), at=at)
    with pytest.raises(ConflictError) as exc:
        svc.permits.finish(p.id, at=at)
    assert exc.value.key == "permit.passes_outstanding" and exc.value.params["count"] == 1
    svc.permits.return_pass(v.id, at=at)
    assert svc.permits.finish(p.id, at=at).state == "finished"
    assert svc.permits.check_pass(v.number, at=at).result == "returned"


def test_lists_in_progress_extension_due_and_valid_today(svc):
    p = permit_in(svc, "in_progress")  # 2026-03-09 .. 2026-04-22
    q = permit_in(svc, "issued", unit_code="B-0302")
    as_user(svc, "reception")
    svc.permits.issue_pass(p.id, worker(), at=datetime(2026, 3, 10, 8))
    svc.permits.issue_pass(q.id, worker(), at=datetime(2026, 3, 10, 8))
    assert [v.id for v in svc.permits.in_progress(day=date(2026, 3, 10))] == [p.id]
    assert svc.permits.extension_due(day=date(2026, 3, 10)) == []
    due = svc.permits.extension_due(day=date(2026, 4, 16))
    assert [v.id for v in due] == [p.id] and due[0].days_left == 6
    late = svc.permits.extension_due(day=date(2026, 4, 26))[0]
    assert late.expired and late.overdue  # four days past the end: work to be stopped
    valid = svc.permits.passes_valid_today(day=date(2026, 3, 11))
    assert [v.permit_id for v in valid] == [p.id]  # q's work has not started
    assert svc.permits.passes_valid_today(day=date(2026, 4, 23)) == []
    assert [v.permit_id for v in svc.permits.passes_to_return(day=date(2026, 4, 23))] == [p.id, q.id]
    assert svc.permits.passes_to_return(day=date(2026, 4, 22)) == []
    found = svc.permits.search(PermitQuery(text="安居"))
    assert {v.id for v in found} == {p.id, q.id}
    assert [v.id for v in svc.permits.search(PermitQuery(text="b-03"))] == [q.id]
    assert [v.id for v in svc.permits.search(PermitQuery(states=("issued",)))] == [q.id]


def test_registers_are_append_only(svc):
    p = permit_in(svc, "in_progress")
    as_user(svc, "reception")
    svc.permits.issue_pass(p.id, worker(photo=b"\x89PNG\r\n\x1a\n" + b"0" * 20), at=datetime(2026, 3, 10, 8))
    for sql in ("UPDATE renovation_permit_event SET detail = 'x'", "DELETE FROM renovation_permit_event",
                "DELETE FROM renovation_permit", "DELETE FROM contractor_pass",
                "UPDATE contractor_pass_event SET detail = 'x'", "UPDATE contractor_pass_photo SET image = x'00'"):
        with pytest.raises((StorageError, IntegrityError)):
            with svc.ctx.db.write() as s:
                s.execute(text(sql))


def test_unknown_permit_and_pass(svc):
    with pytest.raises(NotFoundError):
        svc.permits.get(999)
    with pytest.raises(NotFoundError):
        svc.permits.return_pass(999)


def test_expiring_and_revoked_verdicts(svc):
    p = permit_in(svc, "in_progress")  # 2026-03-09 .. 2026-04-22
    as_user(svc, "reception")
    at = datetime(2026, 3, 10, 8)
    a = svc.permits.issue_pass(p.id, worker(valid_to=date(2026, 3, 20)), at=at)
    b = svc.permits.issue_pass(p.id, worker(worker_name="李工", doc_number=WORKER_ID_2, trade="plumbing"), at=at)

    def on(day: date, code: str) -> str:
        return svc.permits.check_pass(code, at=datetime.combine(day, datetime.min.time()).replace(hour=9)).result

    # within three days of its end (the 18th, 19th and 20th) it still admits, with a warning
    assert on(date(2026, 3, 17), a.number) == "valid"
    assert [on(date(2026, 3, d), a.number) for d in (18, 19, 20)] == ["expiring"] * 3
    assert svc.permits.check_pass(a.number, at=datetime(2026, 3, 20, 9)).ok
    assert on(date(2026, 3, 21), a.number) == "expired"
    # the permit's end counts too
    assert on(date(2026, 4, 20), b.number) == "expiring"
    with pytest.raises(ValidationError) as exc:
        svc.permits.revoke_pass(b.id, reason=" ", at=at)
    assert set(exc.value.fields) == {"reason"}
    r = svc.permits.revoke_pass(b.id, reason="违规动火，停止其进场", at=at)
    assert (r.status, r.closed_by, r.validity) == ("revoked", "王芳", "revoked")
    assert on(date(2026, 3, 11), b.number) == "revoked"
    assert not svc.permits.check_pass(b.number, at=at).ok
    with pytest.raises(ConflictError) as exc:
        svc.permits.return_pass(b.id, at=at)
    assert exc.value.key == "permit.pass_revoked"
    # a revoked card does not hold up the end of the works
    svc.permits.return_pass(a.id, at=at)
    assert svc.permits.finish(p.id, at=at).state == "finished"


def test_expiring_and_overdue_lists(svc):
    p = permit_in(svc, "in_progress")  # 2026-03-09 .. 2026-04-22
    q = permit_in(svc, "in_progress", unit_code="B-0302")
    as_user(svc, "reception")
    at = datetime(2026, 3, 10, 8)
    short = svc.permits.issue_pass(p.id, worker(valid_to=date(2026, 3, 20)), at=at)
    long_ = svc.permits.issue_pass(p.id, worker(worker_name="李工", doc_number=WORKER_ID_2), at=at)
    other = svc.permits.issue_pass(q.id, worker(), at=at)
    assert svc.permits.passes_expiring(day=date(2026, 3, 17)) == []
    assert [v.id for v in svc.permits.passes_expiring(day=date(2026, 3, 18))] == [short.id]
    assert svc.permits.passes_expiring(day=date(2026, 3, 21)) == []  # expired: no longer "expiring"
    # three days' grace after the end, then it is overdue
    assert svc.permits.passes_overdue(day=date(2026, 3, 23)) == []
    late = svc.permits.passes_overdue(day=date(2026, 3, 24))
    assert [v.id for v in late] == [short.id] and late[0].overdue and late[0].days_overdue == 4
    # both permits end on 2026-04-22: every pass still out is overdue on the 26th, and the permits too
    assert {v.id for v in svc.permits.passes_overdue(day=date(2026, 4, 26))} == {short.id, long_.id, other.id}
    assert svc.permits.permits_overdue(day=date(2026, 4, 25)) == []
    assert {v.id for v in svc.permits.permits_overdue(day=date(2026, 4, 26))} == {p.id, q.id}
    # renewed or returned: off the list
    svc.permits.return_pass(short.id, at=datetime(2026, 3, 24, 9))
    assert svc.permits.passes_overdue(day=date(2026, 3, 24)) == []
    # an extended permit is off the overdue list
    as_user(svc, "super")
    svc.permits.extend(q.id, days=30, requested_by="周杰", reason="瓷砖到货延迟", at=datetime(2026, 4, 20, 9))
    assert {v.id for v in svc.permits.permits_overdue(day=date(2026, 4, 26))} == {p.id}
