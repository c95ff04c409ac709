"""Each pass adds its 5 yuan card fee to a receipt: ``PermitService.issue_pass_paid`` takes the fee
catalogue's pass card fee on a new receipt through ``ReceiptService.issue`` and issues the pass on it.
Real SQLite file, real receipts, real cash-up."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from app.errors import ConflictError, ValidationError
from app.services.fees import FeeItemInput
from app.services.permits import PassPayment, PermitService, ReceiptIssuedError
from tests.unit._permits import WORKER_ID_2, as_user, permit_in, worker

AT = datetime(2026, 3, 10, 8, 0)


@pytest.fixture
def permit(svc):
    p = permit_in(svc, "in_progress")  # 2026-03-09 .. 2026-04-22
    as_user(svc, "reception")
    svc.receipts.open_shift("200.00", at=AT.replace(hour=7))
    return p


def test_a_pass_and_its_fee_on_one_linked_receipt(svc, permit):
    v, receipt = svc.permits.issue_pass_paid(permit.id, worker(receipt_no=""), at=AT)
    assert (receipt.total, receipt.method, receipt.reference) == (Decimal("5.00"), "cash", "permit:RP2026-0001")
    assert [(ln.fee_code, ln.description, ln.quantity, ln.amount) for ln in receipt.lines] == [
        ("pass_card", "出入证工本费 陈师傅", 1, Decimal("5.00"))]
    assert (receipt.payer_kind, receipt.payer_name, receipt.unit_code) == ("company", "安居装饰工程有限公司", "A-1203")
    assert (v.receipt_no, v.fee, v.number) == (receipt.number, Decimal("5.00"), "PC000001")
    assert svc.receipts.find(v.receipt_no).id == receipt.id
    # a second worker, paid by WeChat by the owner: its own receipt
    w, r2 = svc.permits.issue_pass_paid(permit.id, worker(worker_name="李工", doc_number=WORKER_ID_2),
                                        PassPayment(method="wechat", payer_kind="other", payer_name="张三"), at=AT)
    assert (r2.method, r2.payer_name, w.receipt_no) == ("wechat", "张三", r2.number)
    assert int(r2.number[-6:]) == int(receipt.number[-6:]) + 1  # gapless
    cash = svc.receipts.cashup()
    assert cash.receipt_count == 2 and cash.expected_cash == Decimal("205.00")
    audit = {a.action for a in svc.audit.recent(20)}
    assert {"receipt.issue", "permit.pass_issued"} <= audit


def test_the_catalogue_sets_the_fee(svc, permit):
    item = next(f for f in svc.fees.list() if f.code == "pass_card")
    as_user(svc, "admin")
    svc.fees.update(item.id, FeeItemInput("pass_card", item.name_zh, item.name_en, "6.00", sort_order=item.sort_order))
    as_user(svc, "reception")
    assert svc.permits.pass_fee() == Decimal("6.00")
    v, receipt = svc.permits.issue_pass_paid(permit.id, worker(), at=AT)
    assert receipt.total == v.fee == Decimal("6.00")
    # the item withdrawn: the fee cannot be taken automatically (a hand receipt still works)
    as_user(svc, "admin")
    svc.fees.update(item.id, FeeItemInput("pass_card", item.name_zh, item.name_en, "6.00", active=False,
                                          sort_order=item.sort_order))
    as_user(svc, "reception")
    with pytest.raises(ConflictError) as exc:
        svc.permits.issue_pass_paid(permit.id, worker(worker_name="李工", doc_number=WORKER_ID_2), at=AT)
    assert exc.value.key == "permit.pass_fee_item_missing"
    assert svc.permits.pass_fee() == Decimal("5.00")  # back to the setting


def test_nothing_is_taken_for_a_pass_that_would_be_refused(svc, permit):
    before = svc.receipts.cashup().receipt_count
    with pytest.raises(ValidationError) as exc:
        svc.permits.issue_pass_paid(permit.id, worker(valid_to=date(2026, 5, 1), trade="astronaut"), at=AT)
    assert set(exc.value.fields) == {"valid_to", "trade"}
    assert svc.receipts.cashup().receipt_count == before and svc.permits.passes(permit.id) == []


def test_no_open_shift_no_receipt_no_pass(svc):
    p = permit_in(svc, "in_progress")
    as_user(svc, "reception")
    with pytest.raises(ConflictError) as exc:
        svc.permits.issue_pass_paid(p.id, worker(), at=AT)
    assert exc.value.key == "receipt.no_open_shift"
    assert svc.permits.passes(p.id) == []


def test_a_pass_refused_after_its_receipt_hands_the_receipt_back(svc, permit):
    """Another counter gives the same worker a pass between the check and the issue."""
    other = PermitService(svc.ctx)

    class RacedPermits(PermitService):
        def validate_pass(self, permit_id, data, *, at=None):  # noqa: ANN001, ANN202
            super().validate_pass(permit_id, data, at=at)
            other.issue_pass(permit_id, worker(receipt_no="R2026-009999"), at=at)

    with pytest.raises(ReceiptIssuedError) as exc:
        RacedPermits(svc.ctx).issue_pass_paid(permit.id, worker(), at=AT)
    receipt = exc.value.receipt
    assert exc.value.key == "permit.receipt_issued_pass_failed" and exc.value.params["receipt"] == receipt.number
    assert isinstance(exc.value.cause, ValidationError) and "doc_number" in exc.value.cause.fields
    assert svc.receipts.get(receipt.id).total == Decimal("5.00")  # the money is on record, nothing lost
    # the pass for another worker can then be issued on that receipt, without a new one
    v = svc.permits.issue_pass(permit.id, worker(worker_name="李工", doc_number=WORKER_ID_2,
                                                 receipt_no=receipt.number), at=AT)
    assert v.receipt_no == receipt.number and svc.receipts.cashup().receipt_count == 1
