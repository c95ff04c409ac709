"""Receipts: the fee catalogue, shifts, issue, void, refund slips, cash-up, gapless numbers."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import text

from app.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from app.services.fees import FeeItemInput
from app.services.receipts import Approval, LineInput, Payer, ReceiptInput, RefundInput
from tests.unit._receipts import act_as, issue_many, simple_receipt

SUPER = Approval("super", "super-pass")


def fee(svc, code):
    return next(f for f in svc.fees.list() if f.code == code)


@pytest.fixture
def till(svc):
    """The receptionist signed in with a shift opened on a ¥200.00 float."""
    act_as(svc, "reception")
    svc.receipts.open_shift("200.00")
    return svc


def test_catalogue_has_the_counter_fees_with_defaults(svc):
    items = {f.code: f for f in svc.fees.list()}
    assert set(items) == {"repair", "pass_card", "renovation_deposit", "debris_removal", "temp_water",
                          "special_service", "other",
                          # the repair rates by category (migration 0009, app/services/repair_rates.py)
                          "repair_water", "repair_electricity", "repair_doors_locks", "repair_air_conditioning"}
    assert items["pass_card"].default_price == Decimal("5.00")
    assert items["renovation_deposit"].refundable and not items["pass_card"].refundable


def test_only_an_administrator_edits_the_catalogue(svc):
    item = fee(svc, "pass_card")
    changed = svc.fees.update(item.id, FeeItemInput("pass_card", "出入证工本费", "Pass card fee", "6.00"))
    assert changed.default_price == Decimal("6.00")
    act_as(svc, "super")
    with pytest.raises(PermissionDeniedError):
        svc.fees.update(item.id, FeeItemInput("pass_card", "x", "", "1.00"))
    act_as(svc, "admin")
    with pytest.raises(ValidationError) as err:
        svc.fees.create(FeeItemInput("Bad Code", "", "", "-1"))
    assert set(err.value.fields) == {"code", "name_zh", "default_price"}
    svc.fees.update(item.id, FeeItemInput("pass_card", "出入证工本费", "", "6.00", active=False))
    assert "pass_card" not in {f.code for f in svc.fees.list()}
    assert "pass_card" in {f.code for f in svc.fees.list(include_inactive=True)}


def test_issue_needs_an_open_shift(svc):
    act_as(svc, "reception")
    with pytest.raises(ConflictError) as err:
        svc.receipts.issue(simple_receipt())
    assert err.value.key == "receipt.no_open_shift"


def test_issue_with_catalogue_lines_and_occupant_payer(till):
    occ = till.occupants.search("张三")[0]
    deposit, card = fee(till, "renovation_deposit"), fee(till, "pass_card")
    r = till.receipts.issue(ReceiptInput(Payer("occupant", occupant_id=occ.id),
                                         (LineInput(deposit.id), LineInput(card.id, quantity=3),
                                          LineInput(None, "门禁卡补办", "23.45")), "wechat"))
    assert r.number == f"R{datetime.now().year}-000001"
    assert r.payer_name == "张三" and r.unit_code == "A-1203"
    assert [ln.amount for ln in r.lines] == [Decimal("2000.00"), Decimal("15.00"), Decimal("23.45")]
    assert r.total == Decimal("2038.45")
    assert r.total_words == "贰仟零叁拾捌元肆角伍分"
    assert r.refundable == Decimal("2000.00")
    assert till.receipts.find(r.number.lower()).id == r.id


def test_every_field_error_at_once_and_no_number_used(till):
    with pytest.raises(ValidationError) as err:
        till.receipts.issue(ReceiptInput(Payer("company", name=""),
                                         (LineInput(None, "", "0"), LineInput(None, "x", "1.001", 0)), "cheque"))
    assert set(err.value.fields) == {"payer", "line0", "line1", "method"}
    assert till.receipts.issue(simple_receipt()).number.endswith("-000001")


def test_void_with_supervisor_same_shift_only(till):
    r = till.receipts.issue(simple_receipt("50.00"))
    with pytest.raises(ValidationError) as err:
        till.receipts.void(r.id, "", Approval("super", "wrong"))
    assert set(err.value.fields) == {"reason", "approval"}
    with pytest.raises(ValidationError) as err:
        till.receipts.void(r.id, "金额错", Approval("reception", "front-pass"))
    assert err.value.fields["approval"].key == "receipt.void.approver_role"
    v = till.receipts.void(r.id, "金额错", SUPER)
    assert v.voided and v.void_reason == "金额错" and v.void_approved_by == "李强"
    with pytest.raises(ConflictError):
        till.receipts.void(r.id, "again", SUPER)
    # the next receipt keeps counting: a void is not a gap
    r2 = till.receipts.issue(simple_receipt("5.00"))
    assert r2.number.endswith("-000002")
    till.receipts.close_shift("205.00")
    till.receipts.open_shift("0")
    with pytest.raises(ConflictError) as err:
        till.receipts.void(r2.id, "too late", SUPER)
    assert err.value.key == "receipt.void.not_same_shift"


def test_refund_slip_never_exceeds_deposit_minus_earlier_refunds(till):
    deposit = fee(till, "renovation_deposit")
    r = till.receipts.issue(ReceiptInput(Payer("company", name="美家装饰"),
                                         (LineInput(deposit.id), LineInput(fee(till, "debris_removal").id)), "transfer"))
    assert r.refundable == Decimal("2000.00")
    first = till.receipts.refund(r.id, RefundInput("1500.00", "transfer", reason="验收合格"))
    assert first.number == f"RT{datetime.now().year}-000001" and first.receipt_number == r.number
    assert first.payee == "美家装饰" and first.amount_words == "壹仟伍佰元整"
    with pytest.raises(ValidationError) as err:
        till.receipts.refund(r.id, RefundInput("500.01", "cash"))
    assert err.value.fields["amount"].params["max"] == Decimal("500.00")
    second = till.receipts.refund(r.id, RefundInput("500.00", "cash"))
    assert second.refunded_before == Decimal("1500.00")
    assert till.receipts.get(r.id).refundable == Decimal("0.00")
    assert till.receipts.find(second.number).id == r.id
    with pytest.raises(ConflictError):
        till.receipts.void(r.id, "x", SUPER)  # refunded: stays
    plain = till.receipts.issue(simple_receipt())
    with pytest.raises(ConflictError) as err2:
        till.receipts.refund(plain.id, RefundInput("1"))
    assert err2.value.key == "receipt.refund.not_deposit"


def test_cashup_totals_variance_note_and_close_number(till):
    till.receipts.issue(simple_receipt("100.00", "cash"))
    till.receipts.issue(simple_receipt("30.50", "alipay"))
    wrong = till.receipts.issue(simple_receipt("999.00", "cash"))
    till.receipts.void(wrong.id, "录错金额", SUPER)
    dep = till.receipts.issue(ReceiptInput(Payer("other", name="李四"), (LineInput(fee(till, "renovation_deposit").id),),
                                           "card"))
    till.receipts.refund(dep.id, RefundInput("300.00", "cash"))
    preview = till.receipts.cashup()
    totals = {t.method: t for t in preview.totals}
    assert totals["cash"].receipts == Decimal("100.00") and totals["cash"].refunds == Decimal("300.00")
    assert totals["alipay"].receipts == Decimal("30.50") and totals["card"].receipts == Decimal("2000.00")
    assert preview.expected_cash == Decimal("0.00")  # 200 float + 100 − 300
    assert [v.number for v in preview.voids] == [wrong.number] and len(preview.refunds) == 1
    assert preview.takings == Decimal("1830.50")
    with pytest.raises(ValidationError) as err:
        till.receipts.close_shift("-0.50".lstrip("-"))
    assert err.value.fields["note"].key == "receipt.shift.variance_note_required"
    z = till.receipts.close_shift("0.50", "多收五角")
    assert z.shift.close_seq == 1 and z.shift.variance == Decimal("0.50") and not z.shift.open
    assert till.receipts.cashup(z.shift.id).totals == z.totals
    with pytest.raises(ConflictError):
        till.receipts.issue(simple_receipt())
    act_as(till, "super")
    till.receipts.open_shift("0")
    assert till.receipts.close_shift("0").shift.close_seq == 2


def test_a_closed_shift_is_immutable_and_nothing_is_deleted(till):
    r = till.receipts.issue(simple_receipt("10.00"))
    z = till.receipts.close_shift("210.00")
    with till.ctx.db.engine.begin() as conn:
        for sql in (f"UPDATE cash_shift SET counted_cash = 0 WHERE id = {z.shift.id}",
                    f"DELETE FROM cash_shift WHERE id = {z.shift.id}",
                    f"UPDATE receipt SET total = 1 WHERE id = {r.id}",
                    f"DELETE FROM receipt WHERE id = {r.id}",
                    "DELETE FROM receipt_line",
                    "UPDATE cash_shift_total SET receipts = 0",
                    "DELETE FROM fee_item"):
            with pytest.raises(Exception, match="immutable|append-only|never deleted"):
                conn.execute(text(sql))
    assert till.receipts.cashup(z.shift.id).shift.counted_cash == Decimal("210.00")


def test_receipts_by_number_and_dates(till):
    r = till.receipts.issue(simple_receipt("1.00", name="周杰"))
    assert [x.id for x in till.receipts.search(text="周")] == [r.id]
    assert [x.id for x in till.receipts.export(datetime.now().date(), datetime.now().date())] == [r.id]
    with pytest.raises(NotFoundError):
        till.receipts.find("R1999-000001")


def test_two_threads_issue_gapless_numbers(svc, tmp_path):
    url = str(svc.ctx.db.engine.url)
    barrier = threading.Barrier(2)
    results: dict[str, list[str]] = {}

    def run(user: str) -> None:
        results[user] = issue_many(url, user, 15, barrier)

    threads = [threading.Thread(target=run, args=(u,)) for u in ("reception", "super")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    numbers = sorted(results["reception"] + results["super"])
    assert [int(n[-6:]) for n in numbers] == list(range(1, 31))


def test_two_processes_issue_gapless_numbers(svc):
    """Two counter PCs (processes) writing the same real SQLite file at once."""
    url = str(svc.ctx.db.engine.url)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager:
        barrier = manager.Barrier(2)
        with ctx.Pool(2) as pool:
            jobs = [pool.apply_async(issue_many, (url, u, 20, barrier)) for u in ("reception", "super")]
            got = [j.get(timeout=120) for j in jobs]
    assert all(len(g) == 20 for g in got)
    seqs = sorted(int(n[-6:]) for g in got for n in g)
    assert seqs == list(range(1, 41))
    con = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        assert con.execute("SELECT value FROM counter WHERE name LIKE 'receipt:R:%'").fetchone()[0] == 40
    finally:
        con.close()


def test_cashup_lists_the_shifts_reprints_from_the_print_log(till):
    r = till.receipts.issue(simple_receipt("8.00"))
    till.print_log.record("receipt", r.number, printer="POS-80")
    assert till.receipts.cashup().reprints == ()
    till.print_log.record("receipt", r.number, printer="POS-80")
    till.print_log.record("receipt", r.number, printer="POS-80", outcome="failed")
    z = till.receipts.close_shift("208.00")
    assert [(p.ref, p.kind, p.by) for p in z.reprints] == [(r.number, "receipt", "王芳")]
    act_as(till, "super")
    till.print_log.record("receipt", r.number, printer="A5")  # another person, after the close
    assert len(till.receipts.cashup(z.shift.id).reprints) == 1


def test_other_modules_issue_by_fee_code_with_a_source_that_links_back(till):
    from app.services.receipts import SourceRef

    zhang = till.occupants.search("张三")[0]
    r = till.receipts.issue(ReceiptInput(Payer("occupant", zhang.id), (LineInput(fee_code="pass_card", quantity=3),),
                                         "wechat", source=SourceRef("permit", 42)))
    assert r.reference == "permit:42" and r.source == SourceRef("permit", 42)
    assert r.total == Decimal("15.00") and r.lines[0].fee_code == "pass_card"
    till.receipts.issue(simple_receipt("1.00"))
    assert [x.number for x in till.receipts.for_source("permit", 42)] == [r.number]
    assert till.receipts.for_source("permit", 43) == []
    assert till.receipts.for_source("repair", 42) == []
    with pytest.raises(ValidationError) as err:
        till.receipts.issue(ReceiptInput(Payer("company", name="某装修公司", unit_code="Z-9999"),
                                         (LineInput(fee_code="no_such_fee"),), source=SourceRef("Bad Kind", 1)))
    assert set(err.value.fields) == {"unit", "line0", "reference"}
    company = till.receipts.issue(ReceiptInput(Payer("company", name="某装修公司", unit_code="a-1204"),
                                               (LineInput(fee_code="debris_removal", unit_price="80"),)))
    assert company.unit_code == "A-1204" and company.source is None
