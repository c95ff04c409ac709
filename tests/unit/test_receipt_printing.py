"""Receipt printouts as real PDFs: text, embedded font, page sizes, Code 128 and QR that scan,
the VOID stamp on a voided receipt, the three A5 copies, the refund slip and the Z report."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from app.printing.cashup_report import cashup_print_data_from, render_cashup_a4, render_cashup_roll, sample_cashup
from app.printing.layout import MM
from app.printing.receipt_slip import (
    COPIES,
    receipt_print_data_from,
    render_receipt_80mm,
    render_receipt_a5,
    sample_receipt,
)
from app.printing.refund_slip import refund_print_data_from, render_refund_slip
from app.printing.samples import PRINT_KINDS
from app.receipt_rules import parse_verification
from app.services.receipts import Approval, LineInput, Payer, ReceiptInput, RefundInput
from tests.unit._receipts import act_as
from tests.unit.test_key_printing import fonts_of
from tests.unit.test_visitor_slip import render_gray

A5_LANDSCAPE_PT = (595.28, 419.53)


def pages(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


def size_of(pdf: bytes, page: int = 0) -> tuple[float, float]:
    box = PdfReader(io.BytesIO(pdf)).pages[page].mediabox
    return float(box.width), float(box.height)


def test_roll_receipt_text_font_and_width():
    pdf = render_receipt_80mm(sample_receipt())
    text = pages(pdf)[0]
    for part in ("收款收据", "R2026-000123", "2026-11-2310:05", "A-1203美家装饰工程有限公司", "装修押金",
                 "3×¥5.00", "¥2,315.00", "贰仟叁佰壹拾伍元整", "微信支付", "王芳"):
        assert part in text
    assert "VOID" not in text and "REPRINT" not in text
    assert size_of(pdf)[0] == pytest.approx(80 * MM, abs=0.1)
    assert all("WenQuanYi" in f for f in fonts_of(pdf))


def test_voided_receipt_is_stamped_void_on_roll_and_every_a5_copy():
    pdf = render_receipt_80mm(sample_receipt(voided=True))
    assert PdfReader(io.BytesIO(pdf)).metadata["/Subject"] == "stamp:void"
    roll = pages(pdf)[0]
    assert roll.count("VOID") >= 2 and "作废" in roll and "金额录错" in roll
    for text in pages(render_receipt_a5(sample_receipt(voided=True))):
        assert "作废" in text and "VOID" in text  # the outlined stamp on every copy
    assert "VOID" not in "".join(pages(render_receipt_a5(sample_receipt())))


def test_a5_prints_three_copies_one_per_page():
    pdf = render_receipt_a5(sample_receipt())
    texts = pages(pdf)
    assert len(texts) == 3
    for text, copy in zip(texts, COPIES):
        assert copy.replace(" ", "") in text
        assert "贰仟叁佰壹拾伍元整" in text and "¥2,315.00" in text
    assert size_of(pdf, 2) == pytest.approx(A5_LANDSCAPE_PT, abs=0.5)


@pytest.mark.parametrize("render", [render_receipt_80mm, render_receipt_a5])
def test_barcode_and_qr_scan(qapp, render):
    import zxingcpp

    data = sample_receipt()
    img = render_gray(render(data), dpi=300)
    found = {r.format: r.text for r in zxingcpp.read_barcodes(img)}
    assert found[zxingcpp.BarcodeFormat.Code128] == "R2026-000123"
    qr = found[zxingcpp.BarcodeFormat.QRCode]
    assert qr == data.qr_text and parse_verification(qr)[:2] == ("R2026-000123", Decimal("2315.00"))


def test_roll_qr_scans_at_thermal_resolution(qapp):
    import zxingcpp

    img = render_gray(render_receipt_80mm(sample_receipt(voided=True)), dpi=203).point(lambda v: 0 if v < 128 else 255)
    texts = [r.text for r in zxingcpp.read_barcodes(img)]
    assert "R2026-000123" in texts and sample_receipt().qr_text in texts


def test_printouts_of_real_records(svc):
    act_as(svc, "reception")
    svc.receipts.open_shift("100")
    deposit = next(f for f in svc.fees.list() if f.refundable)
    r = svc.receipts.issue(ReceiptInput(Payer("company", name="美家装饰"), (LineInput(deposit.id),), "cash"))
    wrong = svc.receipts.issue(ReceiptInput(Payer("other", name="李四"), (LineInput(None, "打印费", "1.50"),), "cash"))
    svc.receipts.void(wrong.id, "重复收费", Approval("super", "super-pass"))
    refund = svc.receipts.refund(r.id, RefundInput("1999.99", "transfer", reason="验收合格"))
    profile = svc.property.profile()

    voided = pages(render_receipt_80mm(receipt_print_data_from(svc.receipts.get(wrong.id), profile)))[0]
    assert "VOID" in voided and "重复收费" in voided and "李强" in voided
    slip = pages(render_refund_slip(refund_print_data_from(refund, profile)))[0]
    for part in (refund.number, r.number, "¥2,000.00", "¥1,999.99", "壹仟玖佰玖拾玖元玖角玖分", "转账", "验收合格"):
        assert part in slip
    svc.receipts.close_shift("2100.00", "")
    z = svc.receipts.cashup(svc.receipts.shifts(limit=1)[0].id)
    data = cashup_print_data_from(z, profile)
    roll, a4 = pages(render_cashup_roll(data))[0], "".join(pages(render_cashup_a4(data)))
    for text in (roll, a4):
        assert "ZREPORTNo.000001" in text and "¥2,000.00" in text and "¥2,100.00" in text
        assert wrong.number in text and refund.number in text and "重复收费" in text
    assert size_of(render_cashup_a4(data)) == pytest.approx((595.28, 841.89), abs=0.5)


def test_x_report_of_an_open_shift_says_not_closed():
    from dataclasses import replace

    text = pages(render_cashup_roll(replace(sample_cashup(), closed_at=None, close_seq=None)))[0]
    assert "NOTCLOSED" in text


def test_receipt_kinds_in_print_test():
    assert {"receipt_80mm", "receipt_a5", "refund_slip", "cashup_roll", "cashup_a4"} <= set(PRINT_KINDS)
    assert PRINT_KINDS["receipt_a5"].paper == "a5"
    assert size_of(PRINT_KINDS["refund_slip"].sample()) == pytest.approx(A5_LANDSCAPE_PT, abs=0.5)
