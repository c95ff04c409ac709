"""Key printouts as real PDFs: the loan slip (80 mm roll, Code 128 of the tag that scans,
masked ID, the on-screen signature) and the monthly statistics (A4), checked by their text."""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta

import pytest
from pypdf import PdfReader

from app.printing.key_loan_slip import (
    DEFAULT_LABELS,
    KeySlipLabels,
    key_loan_slip_data_from,
    render_key_loan_slip,
)
from app.printing.key_report import (
    KeyReportLabels,
    key_report_data_from,
    render_key_monthly_report,
)
from app.printing.fonts import missing_glyphs
from app.printing.layout import MM
from app.printing.samples import PRINT_KINDS
from app.services.keys import PastLoan
from tests.unit._keys import (
    CONTRACTOR_ID,
    MANAGER,
    MASKED_CONTRACTOR_ID,
    MONDAY,
    as_user,
    contractor,
    engineer,
    key_id,
    png,
)
from tests.unit.test_visitor_slip import render_gray

A4_PT = (595.28, 841.89)


def text_of(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def fonts_of(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


@pytest.fixture
def public_loan(ks):
    loan = ks.keys.check_out(key_id(ks, "K00002"), contractor(consent_by="工程部 黄工"), manager_approval=MANAGER,
                             at=MONDAY)
    return ks, loan


def slip_for(ks, loan, **kw) -> bytes:
    data = key_loan_slip_data_from(loan, ks.property.profile(), signature_png=ks.keys.signature(loan.id),
                                   category_label="公共区域", borrower_kind_label="外包单位",
                                   printed_at=datetime(2026, 3, 2, 9, 1), **kw)
    return render_key_loan_slip(data)


# -- the loan slip ----------------------------------------------------------------------------


def test_slip_text_masks_the_id_and_names_the_approver(public_loan):
    ks, loan = public_loan
    as_user(ks, "super")  # even a supervisor, who sees full numbers, prints them masked
    loan = ks.keys.loan(loan.id)
    assert loan.borrower_doc_number == CONTRACTOR_ID
    pdf = slip_for(ks, loan)
    text = flat(text_of(pdf))
    for expected in ("钥匙借用单", "KEYLOANSLIP", "K00002", "A栋天台门", "公共区域", "刘伟", "外包单位", "安居防水",
                     "天台防水维修", "2026-03-0209:00", "2026-03-0218:00", "赵敏", "工程部黄工", "王芳",
                     MASKED_CONTRACTOR_ID, "借用人签字", "归还时间", "收回人签字", "不得带出小区"):
        assert expected in text, expected
    assert CONTRACTOR_ID not in text and CONTRACTOR_ID.encode() not in pdf
    assert "REPRINT" not in text
    assert "REPRINT" in text_of(slip_for(ks, loan, reprint=True))


def test_slip_is_80mm_and_the_tag_barcode_scans(public_loan, qapp):
    import zxingcpp

    ks, loan = public_loan
    pdf = slip_for(ks, loan)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    assert float(reader.pages[0].mediabox.width) / MM == pytest.approx(80, abs=0.1)
    assert all(re.fullmatch(r"/[A-Z]{6}\+WenQuanYiMicroHei(-\d+)?", f) for f in fonts_of(pdf))
    img = render_gray(pdf, dpi=203)
    mono = img.point(lambda v: 0 if v < 128 else 255)  # what the thermal head prints
    codes = [(r.text, r.format) for r in zxingcpp.read_barcodes(mono)]
    assert ("K00002", zxingcpp.BarcodeFormat.Code128) in codes


def test_slip_carries_the_signature_drawn_on_screen(ks):
    loan = ks.keys.check_out(key_id(ks, "K00003"), engineer(signed_on_slip=False, signature_png=png()), at=MONDAY)
    pdf = slip_for(ks, loan)
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    images = [n for n, x in page["/Resources"].get("/XObject", {}).items() if x.get_object()["/Subtype"] == "/Image"]
    assert images
    text = flat(text_of(pdf))
    assert "屏幕" in text and "借用人签字Borrower'ssignature" not in text
    unsigned = slip_for(ks, ks.keys.check_out(key_id(ks, "K00004"), engineer(), at=MONDAY))
    assert "/XObject" not in PdfReader(io.BytesIO(unsigned)).pages[0]["/Resources"] or not [
        x for x in PdfReader(io.BytesIO(unsigned)).pages[0]["/Resources"]["/XObject"].values()
        if x.get_object()["/Subtype"] == "/Image"]


def test_slip_marks_engineering_repairs_and_emergencies(ks):
    loan = ks.keys.check_out(key_id(ks, "K00003"), engineer(engineering_repair=True, due_at=MONDAY + timedelta(hours=23)),
                             at=MONDAY)
    assert "工程维修" in text_of(slip_for(ks, loan))


def test_slip_labels_translate_and_have_every_glyph(public_loan):
    ks, loan = public_loan
    data = key_loan_slip_data_from(loan, ks.property.profile(), printed_at=MONDAY)
    text = text_of(render_key_loan_slip(data, labels={"title": "Key loan", "borrower": "Borrower"}))
    assert "Key loan" in text and "钥匙借用单" not in text
    with pytest.raises(KeyError):
        render_key_loan_slip(data, labels={"nope": "x"})
    for name in KeySlipLabels.keys():
        assert missing_glyphs(getattr(DEFAULT_LABELS, name)) == [], name
    assert render_key_loan_slip(data) == render_key_loan_slip(data)  # pure


# -- the monthly statistics ----------------------------------------------------------------------


def test_monthly_report_is_a4_with_the_figures(ks):
    k3 = key_id(ks, "K00003")
    ks.keys.register_past_loans([PastLoan(k3, engineer(), MONDAY + timedelta(days=d),
                                          MONDAY + timedelta(days=d, hours=1)) for d in range(3)])
    as_user(ks, "super")
    ks.keys.record_lock_change(k3, new_count=3, changed_by="工程部 周工", note="锁芯损坏", at=MONDAY)
    stats = ks.keys.monthly_statistics(2026, 3)
    events = ks.keys.month_events(2026, 3)
    names = {k.id: k.location for k in ks.keys.search("")}
    data = key_report_data_from(stats, ks.property.profile(), events, key_names=names, printed_by="李强",
                                printed_at=datetime(2026, 4, 1, 9, 0))
    pdf = render_key_monthly_report(data)
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_PT, abs=0.1)
    text = text_of(pdf)
    compact = flat(text)
    for expected in ("阳光花园物业服务中心", "钥匙月度统计表", "2026-03", "设备房", "合计", "换锁", "1号配电房",
                     "锁芯损坏", "钥匙管理员", "管理处经理", "李强", "2026-04-0109:00"):
        assert expected in compact, expected
    lines = [line.strip() for line in text.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("设备房"))
    figures = [line for line in lines[start + 1:] if line.isdigit()][:10]
    # held at start, received, handed over, loans, keys lent, retired, changed, lost, found, held at end
    assert figures == ["2", "0", "0", "3", "6", "0", "1", "0", "0", "3"]
    assert all(re.fullmatch(r"/[A-Z]{6}\+WenQuanYiMicroHei(-\d+)?", f) for f in fonts_of(pdf))


def test_monthly_report_of_a_quiet_month_and_many_changes(ks):
    stats = ks.keys.monthly_statistics(2026, 2)
    pdf = render_key_monthly_report(key_report_data_from(stats, ks.property.profile(), printed_at=MONDAY))
    assert "本月无变动" in text_of(pdf)
    # Two hundred changes flow onto further pages, the table header repeated.
    from app.printing.key_report import KeyReportEvent

    data = key_report_data_from(stats, ks.property.profile(), printed_at=MONDAY)
    many = tuple(KeyReportEvent(MONDAY, f"K{n:05d}", "入户门", "丢失 Lost", 1, "测试") for n in range(200))
    from dataclasses import replace

    pdf = render_key_monthly_report(replace(data, events=many))
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) > 2 and "K00199" in text_of(pdf)
    assert "Page 3" in pages[2].extract_text()
    for name in KeyReportLabels.keys():
        assert missing_glyphs(getattr(KeyReportLabels(), name)) == [], name


def test_every_print_kind_renders_a_sample():
    assert {"visitor_slip", "key_loan_slip", "key_monthly_report"} <= set(PRINT_KINDS)
    for kind in PRINT_KINDS.values():
        pdf = kind.sample()
        assert pdf.startswith(b"%PDF")
        width = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width)
        expected = {"roll80": 80 * MM, "label60": 60 * MM, "cr80": 85.6 * MM}.get(kind.paper, A4_PT[0])
        assert width == pytest.approx(expected, abs=0.5)
