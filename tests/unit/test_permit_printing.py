"""The pass card (CR80) and the renovation permit (A4) as real PDFs, from real service views:
text, page size, the embedded font, a Code 128 and a QR code that decode, no ID number."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader

from app.printing.layout import MM
from app.printing.pass_card import pass_card_data_from, render_pass_card
from app.printing.renovation_permit import permit_data_from, render_renovation_permit
from tests.unit._permits import WORKER_ID, as_user, permit_in, worker
from tests.unit.test_visitor_slip import render_gray

PNG_1PX = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
           b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND"
           b"\xaeB`\x82")


def text_of(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def embedded_fonts(pdf: bytes) -> list[str]:
    names = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            names.append(str(font["/BaseFont"]))
    return names


@pytest.fixture
def issued(svc):
    p = permit_in(svc, "in_progress")
    as_user(svc, "super")  # sees the full ID number: the card must still not print it
    v = svc.permits.issue_pass(p.id, worker(photo=PNG_1PX), at=datetime(2026, 3, 10, 8, 30))
    return svc, p, v


def card_of(svc, v) -> bytes:
    data = pass_card_data_from(v, svc.property.profile(), trade_label="水电工 Electrician",
                               photo=svc.permits.photo(v.id), printed_at=datetime(2026, 3, 10, 8, 31))
    return render_pass_card(data)


def test_card_is_cr80_with_the_worker_unit_trade_and_validity(issued):
    svc, p, v = issued
    pdf = card_of(svc, v)
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert float(page.mediabox.width) == pytest.approx(85.6 * MM, abs=0.01)
    assert float(page.mediabox.height) == pytest.approx(54 * MM, abs=0.01)
    text = text_of(pdf)
    for expected in ("施工人员临时出入证", "陈师傅", "A-1203", "水电工", "安居装饰工程有限公司",
                     "2026-03-10至2026-04-22", "PC000001", p.number, "阳光花园物业服务中心"):
        assert expected in text, expected
    assert WORKER_ID not in text and WORKER_ID[-4:] not in text
    assert any("WenQuanYi" in n for n in embedded_fonts(pdf))


def test_card_code128_and_qr_decode(issued, qapp):
    import zxingcpp

    svc, p, v = issued
    img = render_gray(card_of(svc, v), dpi=300)
    found = {(r.format, r.text) for r in zxingcpp.read_barcodes(img)}
    assert (zxingcpp.BarcodeFormat.Code128, "PC000001") in found
    assert (zxingcpp.BarcodeFormat.QRCode, f"PC000001-{v.token}") in found
    # and what the QR says verifies at the counter
    assert svc.permits.check_pass(f"PC000001-{v.token}", at=datetime(2026, 3, 10, 9)).ok


def test_card_validity_is_cut_at_the_permit_end(issued):
    svc, p, v = issued
    data = pass_card_data_from(v, svc.property.profile(), trade_label="水电工")
    assert data.valid_to == p.ends_on


def test_long_names_fit_the_card(svc):
    p = permit_in(svc, "in_progress", contractor_company="深圳市南山区某某某某建筑装饰设计工程有限责任公司第三分公司")
    as_user(svc, "reception")
    v = svc.permits.issue_pass(p.id, worker(worker_name="阿卜杜热合曼·买买提依明·艾尔肯江"),
                               at=datetime(2026, 3, 10, 8, 30))
    pdf = card_of(svc, v)
    assert "阿卜杜热合曼" in text_of(pdf)


def test_permit_is_a4_with_period_approval_and_rules(svc):
    p = permit_in(svc, "in_progress")
    as_user(svc, "super")
    svc.permits.extend(p.id, days=10, requested_by="张三", reason="延期", at=datetime(2026, 4, 20, 9))
    view = svc.permits.get(p.id, day=date(2026, 4, 20))
    data = permit_data_from(view, svc.permits.history(p.id), svc.property.profile(),
                            printed_at=datetime(2026, 4, 20, 9, 5))
    pdf = render_renovation_permit(data)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    assert float(reader.pages[0].mediabox.width) == pytest.approx(595.28, abs=0.5)
    assert float(reader.pages[0].mediabox.height) == pytest.approx(841.89, abs=0.5)
    text = text_of(pdf)
    end = p.ends_on + timedelta(days=10)
    for expected in ("装修施工许可证", p.number, "A-1203", "2026-03-09至" + f"{end:%Y-%m-%d}", "（55天days）",
                     "安居装饰工程有限公司", "刘伟", "赵敏", "R2026-000100", f"2026-04-22→{end:%Y-%m-%d}",
                     "45天", "每50平方米2具", "三天内"):
        assert expected in text, expected
    assert all("WenQuanYi" in n for n in embedded_fonts(pdf))


def test_permit_number_barcode_decodes(svc, qapp):
    import zxingcpp

    p = permit_in(svc, "issued")
    data = permit_data_from(svc.permits.get(p.id), svc.permits.history(p.id), svc.property.profile())
    img = render_gray(render_renovation_permit(data), dpi=200)
    assert p.number in [r.text for r in zxingcpp.read_barcodes(img)]
