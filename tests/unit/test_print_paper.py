"""Papers: every roll document on 80 mm and 58 mm, sheets and cards, QR codes that decode."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from app.printing.barcode import THERMAL_DPI
from app.printing.layout import MM, RollDocument, Row, wrap_text
from app.printing.pages import Frame, render_card, render_sheet, sheet_size, split_vertically
from app.printing.paper import (
    CARD_PRINTER,
    RECEIPT_PRINTER,
    ROLL58,
    ROLL80,
    SHEET_PRINTER,
    group_for_page_size,
    paper,
    printer_group,
    roll,
)
from app.printing.qr import QRBlock, draw_qr, fitting_qr, qr_matrix, qr_size
from app.printing.samples import PRINT_KINDS
from tests.unit.test_visitor_slip import render_gray

DOT_PT = 72.0 / THERMAL_DPI
ROLL_KINDS = [k for k in PRINT_KINDS.values() if k.roll_choice]


def _whole_dots(points: float) -> bool:
    return abs(points / DOT_PT - round(points / DOT_PT)) < 1e-3


def _fonts_embedded(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            assert re.fullmatch(r"/[A-Z]{6}\+WenQuanYiMicroHei(-\d+)?", str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"].get_object()


# --- papers -----------------------------------------------------------------------------

def test_papers_and_printer_groups():
    assert ROLL58.dots == 384 and ROLL58.printable_width == pytest.approx(384 * DOT_PT)
    assert ROLL58.printable_width / MM == pytest.approx(48.05, abs=0.01)
    assert ROLL80.dots == 576 and ROLL80.is_roll and not paper("a5").is_roll
    assert (printer_group("roll80"), printer_group("roll58"), printer_group("label60")) == (RECEIPT_PRINTER,) * 3
    assert printer_group("cr80") == CARD_PRINTER
    assert printer_group("a4") == printer_group("a5") == SHEET_PRINTER
    with pytest.raises(ValueError, match="roll80"):
        roll("a4")
    with pytest.raises(ValueError, match="known"):
        paper("letter")
    assert group_for_page_size(58 * MM, 150 * MM) == RECEIPT_PRINTER
    assert group_for_page_size(85.6 * MM, 54 * MM) == CARD_PRINTER
    assert group_for_page_size(54 * MM, 85.6 * MM) == CARD_PRINTER
    assert group_for_page_size(148 * MM, 210 * MM) == SHEET_PRINTER


def test_every_kind_has_a_known_paper():
    for kind in PRINT_KINDS.values():
        for name in kind.all_papers:
            paper(name)  # raises for a paper nobody can size


# --- roll documents on both widths -------------------------------------------------------

@pytest.mark.parametrize("kind", ROLL_KINDS, ids=lambda k: k.name)
@pytest.mark.parametrize("name", ["roll80", "roll58"])
def test_roll_documents_render_on_both_widths_inside_the_head(qapp, kind, name):
    used, pdf = kind.render_sample(name)
    assert used == name
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 1  # a slip printed in copies has a page per copy
    page_w = float(reader.pages[0].mediabox.width)
    for page in reader.pages:
        assert float(page.mediabox.width) / MM == pytest.approx(roll(name).width_mm, abs=0.05)
    _fonts_embedded(pdf)

    # No ink outside the printable width (the head's dots), at the head's own resolution.
    img = render_gray(pdf, dpi=THERMAL_DPI)
    margin_px = (page_w - roll(name).printable_width) / 2 / DOT_PT
    left, right = int(margin_px) - 1, img.width - int(margin_px) + 1
    assert img.crop((0, 0, left, img.height)).getextrema()[0] > 200, "ink left of the head"
    assert img.crop((right, 0, img.width, img.height)).getextrema()[0] > 200, "ink right of the head"
    assert img.crop((left, 0, right, img.height)).getextrema()[0] < 50  # and there is ink

    # Bars on the dot grid, and the code scans off a black-and-white head.
    ops = ContentStream(reader.pages[0].get_contents(), reader).operations
    bars = [[float(v) for v in o] for o, op in ops if op == b"re" and float(o[3]) > 5 * MM and float(o[2]) < 2 * MM]
    if bars:
        assert all(_whole_dots(x) and _whole_dots(w) for x, _y, w, _h in bars)
        import zxingcpp

        mono = img.point(lambda v: 0 if v < 128 else 255)
        assert [r for r in zxingcpp.read_barcodes(mono) if r.format == zxingcpp.BarcodeFormat.Code128]


def test_58mm_slip_keeps_id_numbers_and_times_whole():
    from tests.unit.test_visitor_slip import MASKED_ID, sample

    from app.printing.visitor_slip import render_visitor_slip

    pdf = render_visitor_slip(sample(), paper="roll58")
    lines = PdfReader(io.BytesIO(pdf)).pages[0].extract_text().splitlines()
    assert any(MASKED_ID in line for line in lines)
    assert any("2026-11-23 21:05" in line for line in lines)
    assert render_visitor_slip(sample(), paper="roll58") == pdf  # pure
    with pytest.raises(ValueError):
        render_visitor_slip(sample(), paper="a4")


def test_row_stacks_only_when_that_keeps_the_value_on_fewer_lines():
    width = ROLL58.printable_width
    value = "440305********1234"
    beside = Row("证件 ID", value, 18 * MM, 8, 9)
    stacked = Row("证件 ID", value, 18 * MM, 8, 9, stack_if_wrapped=True)
    assert len(wrap_text(value, 9, width - 21 * MM)) > 1  # it would break beside the label
    assert stacked._stacked(width) is not None and beside._stacked(width) is None
    short = Row("人数 Party", "2", 18 * MM, 8, 9, stack_if_wrapped=True)
    assert short._stacked(width) is None
    # a long Chinese text wraps either way; stacking must not make it longer
    long = Row("事由 Purpose", "维修" * 30, 18 * MM, 8, 9, stack_if_wrapped=True)
    assert long.height(width) <= Row("事由 Purpose", "维修" * 30, 18 * MM, 8, 9).height(width) + 10


# --- sheets and cards -------------------------------------------------------------------

def test_a5_sheet_with_two_copies_and_a_card_with_a_back():
    def copies(canvas, frame):
        for i, part in enumerate(split_vertically(frame, 2, gap=6 * MM)):
            canvas.setFont("WenQuanYiMicroHei", 12)
            canvas.drawString(part.x, part.top - 12, f"第{i + 1}联 收据 ¥12.50")

    pdf = render_sheet("a5", copies, title="收据")
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert (float(page.mediabox.width) / MM, float(page.mediabox.height) / MM) == pytest.approx((148, 210), abs=0.05)
    assert "第2联 收据 ¥12.50" in page.extract_text()
    _fonts_embedded(pdf)

    card = render_card(lambda c, f: c.drawString(f.x, f.y, "出入证 PASS"),
                       lambda c, f: c.drawString(f.x, f.y, "背面 BACK"))
    pages = PdfReader(io.BytesIO(card)).pages
    assert len(pages) == 2
    assert (float(pages[0].mediabox.width) / MM, float(pages[0].mediabox.height) / MM) == pytest.approx((85.6, 54), abs=0.05)
    assert "背面" in pages[1].extract_text()
    assert sheet_size("a4") == pytest.approx((210 * MM, 297 * MM))
    assert sheet_size("a4", landscape=True)[0] == pytest.approx(297 * MM)
    with pytest.raises(ValueError):
        sheet_size("roll80")
    parts = split_vertically(Frame(0, 0, 100, 210), 3, gap=6)
    assert [round(p.height, 6) for p in parts] == [66.0] * 3 and parts[0].top == 210 and parts[-1].y == 0


# --- QR ---------------------------------------------------------------------------------

def _qr_pdf(text: str, module_dots: int = 4, paper_name: str = "roll58") -> bytes:
    doc = RollDocument.on(paper_name, title="qr")
    block = QRBlock(text, module_dots=module_dots)
    doc.add(block)
    return doc.render()


@pytest.mark.parametrize("text", [
    "V-0042",
    "1234567890123",
    "https://verify.example.cn/p/PASS-2026-000042?c=7f3a",
    "阳光花园 收据 R-2026-000042 ¥1,280.00",
])
def test_qr_decodes_at_thermal_resolution(qapp, text):
    import zxingcpp

    img = render_gray(_qr_pdf(text), dpi=THERMAL_DPI).point(lambda v: 0 if v < 128 else 255)
    found = [r for r in zxingcpp.read_barcodes(img) if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert [r.text for r in found] == [text]


def test_qr_modules_are_whole_dots_and_match_the_matrix():
    text = "PASS-2026-000042"
    matrix = qr_matrix(text)
    n = len(matrix)
    assert n in (21, 25) and (n - 17) % 4 == 0  # a real QR version size
    # the three finder patterns: 7×7 dark border in three corners
    for r0, c0 in ((0, 0), (0, n - 7), (n - 7, 0)):
        assert all(matrix[r0][c0 + i] and matrix[r0 + 6][c0 + i] for i in range(7))
    reader = PdfReader(io.BytesIO(_qr_pdf(text, module_dots=3)))
    ops = ContentStream(reader.pages[0].get_contents(), reader).operations
    rects = [[float(v) for v in o] for o, op in ops if op == b"re"]
    assert len(rects) == sum(1 for row in matrix for i, m in enumerate(row) if m and (i == 0 or not row[i - 1]))
    for x, y, w, h in rects:
        assert _whole_dots(x) and _whole_dots(y) and _whole_dots(w)
        assert round(h / DOT_PT) == 3
    assert qr_size(text, module_dots=3) == pytest.approx((n + 8) * 3 * DOT_PT)


def test_qr_refuses_and_fits():
    with pytest.raises(ValueError):
        qr_matrix("")
    with pytest.raises(ValueError):
        qr_matrix("x", level="Z")
    with pytest.raises(ValueError):
        qr_matrix("x" * 4000)
    from reportlab.pdfgen.canvas import Canvas

    with pytest.raises(ValueError):
        draw_qr(Canvas(io.BytesIO()), "x", 0, 0, module_dots=0)
    url = "https://verify.example.cn/p/PASS-2026-000042?c=7f3a"
    block = fitting_qr(url, ROLL58.printable_width)
    assert block is not None and block.fits(ROLL58.printable_width)
    assert fitting_qr(url, 15 * MM) is None
    assert fitting_qr("", 50 * MM) is None


@pytest.mark.parametrize("text", ["2026-11-23 10:05", "合计 ¥2,315.00", "编号 R2026-000123"])
def test_times_amounts_and_numbers_break_only_at_spaces(text):
    from app.printing.fonts import string_width

    # just too narrow for the whole text: it breaks at the space, never inside the time, amount or number
    lines = wrap_text(text, 9, string_width(text, 9) - 1)
    assert [ln.strip() for ln in lines] == text.split(" ", 1)


def test_receipt_and_cashup_on_58mm_keep_their_times_whole():
    from app.printing.cashup_report import render_cashup_roll, sample_cashup
    from app.printing.receipt_slip import render_receipt_80mm, sample_receipt

    receipt = PdfReader(io.BytesIO(render_receipt_80mm(sample_receipt(), "roll58"))).pages[0].extract_text()
    assert "2026-11-23 10:05" in receipt
    cashup = PdfReader(io.BytesIO(render_cashup_roll(sample_cashup(), "roll58"))).pages[0].extract_text()
    assert "Z REPORT\nNo. 000042" in cashup and "2026-11-23 16:05" in cashup


@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_qr_mask_choice_gives_codes_that_read_at_every_size(qapp, level):
    """The mask is chosen on integer rows (``app.printing.qr._best_mask``) and the symbol laid
    out by reportlab: from version 1 to past 7 (where the version blocks appear) each reads
    back, each candidate equals reportlab's own layout under that mask, and the chosen one has
    the lowest penalty."""
    import zxingcpp
    from reportlab.graphics.barcode import qrencoder
    from reportlab.graphics.barcode.qr import QrCodeWidget

    from app.printing import qr

    def as_rows(modules) -> list[int]:
        return [int("".join("1" if m else "0" for m in row), 2) for row in modules]

    versions = set()
    for length in (5, 30, 90, 160):
        text = ("r2026-000123|2315.00|2026-11-23|0b489210|" * 5)[:length]  # 8-bit mode at every length
        matrix = qr_matrix(text, level=level)
        img = render_gray(_qr_pdf(text, module_dots=3, paper_name="roll80"), dpi=THERMAL_DPI)
        found = [r.text for r in zxingcpp.read_barcodes(img.point(lambda v: 0 if v < 128 else 255))
                 if r.format == zxingcpp.BarcodeFormat.QRCode]
        assert found == [text], (level, length, len(matrix))

        code = QrCodeWidget([qrencoder.QR8bitByte(text)], barLevel=level).qr
        code.version = code.calculate_version()
        versions.add(code.version)
        n = code.version * 4 + 17
        assert len(matrix) == n
        code.makeImpl(True, 0)
        positions = tuple(code.dataPosIterator())
        masks = qr._mask_rows(code.version, n, positions)
        plain = [r ^ m for r, m in zip(as_rows(code.modules), masks[0])]
        penalties = []
        for pattern in range(8):
            code.makeImpl(True, pattern)
            candidate = as_rows(code.modules)
            assert candidate == [r ^ m for r, m in zip(plain, masks[pattern])]
            penalties.append(qr._penalty(candidate, n))
        code.makeImpl(True, 0)
        best = qr._best_mask(code)
        assert penalties[best] == min(penalties)
        code.makeImpl(False, best)
        assert [list(map(bool, row)) for row in code.modules] == matrix
    assert max(versions) >= 7
