"""The visitor slip as a real PDF: text, embedded font, paper size, a barcode that scans."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import datetime

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from app.printing.barcode import (
    THERMAL_DPI,
    code128_bars,
    code128_modules,
    code128_width,
    draw_code128,
)
from app.printing.fonts import missing_glyphs, string_width
from app.printing.layout import MM, ROLL_80_PRINTABLE, wrap_text
from app.printing.visitor_slip import (
    DEFAULT_LABELS,
    SlipLabels,
    VisitorSlipData,
    render_visitor_slip,
    slip_data_from,
)
from app.services.property import ProfileView
from app.services.visitors import VisitView

FULL_ID = "11010519491231002X"
MASKED_ID = "110105********002X"
DOT_MM = 25.4 / THERMAL_DPI
DOT_PT = 72.0 / THERMAL_DPI


def sample(**changes) -> VisitorSlipData:
    data = VisitorSlipData(
        property_name="阳光花园物业服务中心", property_address="深圳市南山区科技路1号",
        property_phone="0755-12345678", visitor_name="李四", doc_type_label="居民身份证",
        doc_number=FULL_ID, company="顺丰速运", host_label="A-1203 张三", purpose="送货上门",
        party_size=2, vehicle_plate="粤B12345", badge_number="V-0042",
        time_in=datetime(2026, 11, 23, 21, 5), receptionist="王芳",
        printed_at=datetime(2026, 11, 23, 21, 6),
    )
    return replace(data, **changes)


def text_of(pdf: bytes) -> str:
    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def render_gray(pdf: bytes, dpi: int = 300):
    """Page 1 rendered by Qt PDF onto white, as a Pillow 8-bit grey image."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    data = QByteArray(pdf)
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buf)
    assert doc.status() == QPdfDocument.Status.Ready, doc.error()
    size_pt = doc.pagePointSize(0)
    size = QSize(round(size_pt.width() * dpi / 72), round(size_pt.height() * dpi / 72))
    rendered = doc.render(0, size)
    # The render has a transparent background: composite it onto white.
    page = QImage(size, QImage.Format.Format_RGB32)
    page.fill(0xFFFFFFFF)
    painter = QPainter(page)
    painter.drawImage(0, 0, rendered)
    painter.end()
    gray = page.convertToFormat(QImage.Format.Format_Grayscale8)
    raw = bytes(gray.constBits())[: gray.bytesPerLine() * gray.height()]
    img = Image.frombuffer("L", (gray.width(), gray.height()), raw, "raw", "L",
                           gray.bytesPerLine(), 1)
    doc.close()
    return img.copy()


# --- text and privacy -------------------------------------------------------------------

def test_chinese_text_is_extractable_and_id_is_masked():
    pdf = render_visitor_slip(sample())
    text = flat(text_of(pdf))
    for expected in ("阳光花园物业服务中心", "李四", "A-1203张三", "访客单", "VISITORSLIP",
                     "顺丰速运", "粤B12345", "送货上门", "王芳"):
        assert expected in text
    assert MASKED_ID in text
    assert FULL_ID not in text
    assert FULL_ID.encode() not in pdf


def test_full_id_never_reaches_the_data():
    assert sample().doc_number == MASKED_ID
    assert sample(doc_number=MASKED_ID).doc_number == MASKED_ID


def test_dates_are_24_hour_iso():
    text = text_of(render_visitor_slip(sample()))
    assert "2026-11-23 21:05" in text
    assert "2026-11-23 21:06" in text


def test_reprint_is_marked_only_on_reprints():
    assert "REPRINT" not in text_of(render_visitor_slip(sample()))
    text = text_of(render_visitor_slip(sample(reprint=True)))
    assert "补打" in text and "REPRINT" in text


def test_labels_can_be_replaced_by_translations():
    pdf = render_visitor_slip(sample(), labels={"title": "Visitor pass", "visitor": "Guest"})
    text = text_of(pdf)
    assert "Visitor pass" in text and "Guest" in text and "访客单" not in text
    pdf = render_visitor_slip(sample(), labels=SlipLabels(footer="", host_signature=""))
    assert "Host signature" not in text_of(pdf)
    with pytest.raises(KeyError):
        render_visitor_slip(sample(), labels={"no_such_label": "x"})


def test_default_labels_have_every_glyph():
    for key in SlipLabels.keys():
        assert missing_glyphs(getattr(DEFAULT_LABELS, key)) == [], key
    assert missing_glyphs("¥12.50 阳光花园") == []
    assert missing_glyphs("𠮷") == ["𠮷"]


def test_rendering_is_pure():
    assert render_visitor_slip(sample()) == render_visitor_slip(sample())


def test_slip_data_from_visit_and_profile():
    visit = VisitView(
        id=7, visitor_name="李四", doc_type="mainland_id", doc_number=FULL_ID, phone="",
        company="顺丰", host_unit_id=1, host_unit_code="A-1203", host_occupant_id=1,
        host_name="张三", host_note="", purpose="送货", party_size=1, vehicle_plate="",
        badge_number="V-7", time_in=datetime(2026, 1, 2, 8, 30), time_out=None,
        created_by="王芳", signed_out_by="", amendment_count=0,
    )
    profile = ProfileView("阳光花园", "科技路1号", "0755-1")
    data = slip_data_from(visit, profile, "王芳", "居民身份证", reprint=True,
                          printed_at=datetime(2026, 1, 2, 8, 31))
    assert data.host_label == "A-1203 张三"
    assert data.doc_number == MASKED_ID
    assert data.property_name == "阳光花园" and data.receptionist == "王芳"
    assert data.reprint and data.badge_number == "V-7"
    assert "A-1203 张三" in text_of(render_visitor_slip(data))


# --- font and paper ---------------------------------------------------------------------

def test_font_is_embedded_wenquanyi_subset_not_base14():
    reader = PdfReader(io.BytesIO(render_visitor_slip(sample(reprint=True))))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        assert re.fullmatch(r"/[A-Z]{6}\+WenQuanYiMicroHei(-\d+)?", str(font["/BaseFont"]))
        assert font["/Subtype"] == "/TrueType"
        descriptor = font["/FontDescriptor"].get_object()
        stream = descriptor["/FontFile2"].get_object()
        assert len(stream.get_data()) > 1000
        assert "/ToUnicode" in font


def test_page_is_80mm_wide_and_fitted_to_content():
    short = PdfReader(io.BytesIO(render_visitor_slip(sample(company="", vehicle_plate=""))))
    long = PdfReader(io.BytesIO(render_visitor_slip(sample(purpose="维修" * 60))))
    for reader in (short, long):
        assert len(reader.pages) == 1
        box = reader.pages[0].mediabox
        assert float(box.width) / MM == pytest.approx(80, abs=0.1)
    assert float(long.pages[0].mediabox.height) > float(short.pages[0].mediabox.height)


# --- barcode ----------------------------------------------------------------------------

def test_badge_barcode_scans(qapp):
    import zxingcpp

    img = render_gray(render_visitor_slip(sample(badge_number="V-0042")), dpi=300)
    results = zxingcpp.read_barcodes(img)
    codes = [(r.text, r.format) for r in results]
    assert ("V-0042", zxingcpp.BarcodeFormat.Code128) in codes


def test_barcode_scans_at_thermal_resolution(qapp):
    import zxingcpp

    img = render_gray(render_visitor_slip(sample(badge_number="B2026-1123-07")), dpi=203)
    # What a thermal head does: every dot black or white.
    mono = img.point(lambda v: 0 if v < 128 else 255)
    assert "B2026-1123-07" in [r.text for r in zxingcpp.read_barcodes(mono)]


def _is_whole_dots(points: float) -> bool:
    dots = points / DOT_PT
    return abs(dots - round(dots)) < 1e-3


@pytest.mark.parametrize("x", [0.0, 13.37, 100.123])
@pytest.mark.parametrize("module_dots", [2, 3])
def test_bar_geometry_is_whole_dots(x, module_dots):
    bars = code128_bars("V-0042", x, module_dots=module_dots)
    assert bars
    for bar in bars:
        assert _is_whole_dots(bar.x) and _is_whole_dots(bar.width)
        # every bar is a whole number of modules: module width = module_dots × 25.4/203 mm
        assert round(bar.width / DOT_PT) % module_dots == 0
    width = code128_width("V-0042", module_dots=module_dots)
    modules = len(code128_modules("V-0042"))
    assert width == pytest.approx((modules + 20) * module_dots * DOT_PT)
    # the left quiet zone is at least 10 modules
    assert bars[0].x - round(x / DOT_PT) * DOT_PT >= 10 * module_dots * DOT_PT - 1e-9


def test_bars_in_the_pdf_are_whole_dots_and_inside_the_quiet_zone():
    reader = PdfReader(io.BytesIO(render_visitor_slip(sample(badge_number="V-0042"))))
    page = reader.pages[0]
    ops = ContentStream(page.get_contents(), reader).operations
    rects = [[float(v) for v in operands] for operands, op in ops if op == b"re"]
    bars = [r for r in rects if r[3] > 5 * MM and r[2] < 2 * MM]  # tall, thin: the bars
    expected = code128_bars("V-0042")
    assert len(bars) == len(expected)
    for x, _y, w, _h in bars:
        assert _is_whole_dots(x) and _is_whole_dots(w)
        assert round(w / DOT_PT) % 2 == 0  # 2-dot modules (0.25 mm)
    left, right = bars[0][0], bars[-1][0] + bars[-1][2]
    page_w = float(page.mediabox.width)
    margin = (page_w - ROLL_80_PRINTABLE) / 2
    # quiet zones of ≥ 10 modules fit inside the printable 72 mm
    assert left - 10 * 2 * DOT_PT >= margin - 1e-6
    assert right + 10 * 2 * DOT_PT <= page_w - margin + 1e-6


def test_barcode_refuses_what_code128_cannot_encode():
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(io.BytesIO())
    for bad in ("张三", "", "é"):
        with pytest.raises(ValueError):
            draw_code128(canvas, bad, 0, 0)
        with pytest.raises(ValueError):
            code128_width(bad)
    with pytest.raises(ValueError):
        code128_width("A1", quiet_modules=5)
    with pytest.raises(ValueError):
        code128_width("A1", module_dots=0)


def test_long_badge_falls_back_to_text_only():
    badge = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # 32 characters: wider than 72 mm at 0.25 mm
    assert code128_width(badge) > ROLL_80_PRINTABLE
    reader = PdfReader(io.BytesIO(render_visitor_slip(sample(badge_number=badge))))
    ops = ContentStream(reader.pages[0].get_contents(), reader).operations
    assert not [o for o, op in ops if op == b"re" and float(o[3]) > 5 * MM]
    assert badge in flat(reader.pages[0].extract_text())


# --- wrapping ---------------------------------------------------------------------------

def test_wrap_text_keeps_lines_within_width():
    text = "深圳市南山区科技园南区高新南七道 R2-B 栋 Shenzhen Software Industry Base Tower"
    for size in (8, 10, 14):
        lines = wrap_text(text, size, 40 * MM)
        assert len(lines) > 1
        assert all(string_width(line, size) <= 40 * MM + 1e-6 for line in lines)
        assert flat("".join(lines)) == flat(text)
    assert wrap_text("Supercalifragilisticexpialidocious", 10, 15 * MM)[0] != ""
    assert wrap_text("第一行\n第二行", 10, 60 * MM) == ["第一行", "第二行"]
    # closing punctuation never starts a line
    lines = wrap_text("一二三四五六七八九十，" * 4, 10, 30 * MM)
    assert not any(line.startswith("，") for line in lines)


def test_long_names_and_hosts_wrap_inside_72mm(qapp):
    name = "欧阳" + "娜" * 20 + " Alexandria Montgomery-Fitzwilliam"
    host = "B-0302 周杰 (转交物业工程部维修主管 Engineering Supervisor on duty)"
    company = "深圳市前海深港现代服务业合作区某某国际供应链管理有限公司"
    pdf = render_visitor_slip(sample(visitor_name=name, host_label=host, company=company,
                                     property_name="阳光花园" * 8))
    text = flat(text_of(pdf))
    for value in (name, host, company):
        assert flat(value) in text
    img = render_gray(pdf, dpi=300)
    px_per_mm = 300 / 25.4
    left = int((4 - 0.2) * px_per_mm)
    right = int((76 + 0.2) * px_per_mm) + 1
    w, h = img.size
    assert img.crop((0, 0, left, h)).getextrema()[0] > 200, "ink left of the 72 mm"
    assert img.crop((right, 0, w, h)).getextrema()[0] > 200, "ink right of the 72 mm"
    # and there was ink near both edges, so the check means something
    assert img.crop((left, 0, left + int(3 * px_per_mm), h)).getextrema()[0] < 100
    assert img.crop((right - int(3 * px_per_mm), 0, right, h)).getextrema()[0] < 100
