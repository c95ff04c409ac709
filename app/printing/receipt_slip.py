"""The receipt (收款收据): on the 80 mm roll, and on A5 in its three copies.

A5 prints **one copy per page** — 第一联 存根 (stub, stays at the counter), 第二联 客户联
(the payer's), 第三联 记账联 (accounts). Each copy goes to a different place, a plain laser
printer has no perforations to tear three copies off one sheet cleanly, and a page per copy
leaves room for 20 lines in a legible size; the copy's name is printed large in its corner
so a copy cannot pass for another. A5 landscape is the shape of a printed receipt book.

Every receipt carries the number as Code 128 (the counter's scanner opens it) and a QR code
whose text is the number, total, date and a check (``app.receipt_rules.verification_text``):
scanned at the counter it is compared with the register. A voided receipt is printed with
its void reason and the outlined 作废 / VOID stamp (``app.printing.stamp``) across every page;
a reprint (the print log knows) says 补打 / REPRINT.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from reportlab.lib.pagesizes import A5, landscape
from reportlab.pdfgen.canvas import Canvas

from app.printing.barcode import draw_code128
from app.printing.fonts import FONT_NAME, register_fonts, string_width
from app.printing.layout import (
    MM,
    Banner,
    Paragraph,
    RollDocument,
    Row,
    Rule,
    Spacer,
    WriteIn,
    fitting_code128,
    format_datetime,
    label_column_width,
    wrap_text,
)
from app.printing.receipt_parts import AmountLine, QrBlock, draw_qr, method_label, money
from app.printing.stamp import stamp_pdf
from app.receipt_rules import amount_in_words, verification_text

COPIES = ("第一联 存根 STUB", "第二联 客户联 CUSTOMER", "第三联 记账联 ACCOUNTS")
A5_LANDSCAPE = landscape(A5)


@dataclass(frozen=True)
class ReceiptLinePrint:
    description: str
    quantity: int
    unit_price: Decimal
    amount: Decimal


@dataclass(frozen=True, kw_only=True)
class ReceiptPrintData:
    """Everything printed on a receipt."""

    property_name: str
    property_address: str = ""
    property_phone: str = ""
    number: str
    issued_at: datetime
    payer: str
    unit_code: str = ""
    lines: tuple[ReceiptLinePrint, ...]
    total: Decimal
    method: str
    operator: str = ""
    note: str = ""
    reference: str = ""
    voided: bool = False
    void_reason: str = ""
    voided_at: datetime | None = None
    void_approved_by: str = ""
    reprint: bool = False
    printed_at: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))

    @property
    def words(self) -> str:
        return amount_in_words(self.total)

    @property
    def qr_text(self) -> str:
        return verification_text(self.number, self.total, self.issued_at, self.payer)


def receipt_print_data_from(view, profile, *, reprint: bool = False,  # noqa: ANN001 - ReceiptView, ProfileView
                            printed_at: datetime | None = None) -> ReceiptPrintData:
    """The printout of a ``ReceiptView``."""
    return ReceiptPrintData(
        property_name=profile.name if profile else "", property_address=profile.address if profile else "",
        property_phone=profile.phone if profile else "", number=view.number, issued_at=view.issued_at,
        payer=view.payer_name, unit_code=view.unit_code,
        lines=tuple(ReceiptLinePrint(ln.description, ln.quantity, ln.unit_price, ln.amount) for ln in view.lines),
        total=view.total, method=view.method, operator=view.issued_by, note=view.note, reference=view.reference,
        voided=view.voided, void_reason=view.void_reason, voided_at=view.voided_at,
        void_approved_by=view.void_approved_by, reprint=reprint,
        printed_at=printed_at or datetime.now().replace(microsecond=0),
    )


_LABEL = 8.0
_VALUE = 9.5


def render_receipt_80mm(data: ReceiptPrintData, paper: str = "roll80") -> bytes:
    """The receipt on the ``paper`` roll (80 mm, or 58 mm when that is the receipt printer's
    roll): one page as long as its content."""
    doc = RollDocument.on(paper, title=f"收款收据 {data.number}")
    width = doc.printable_width
    # A 58 mm roll has two thirds of the width: a size smaller, so a date and time or a
    # payer's unit stay on one line beside their label.
    narrow = width < 60 * MM
    label_size, value_size = (_LABEL - 0.5, _VALUE - 1) if narrow else (_LABEL, _VALUE)
    doc.add(Paragraph(data.property_name, size=11, align="center", bold=True))
    contact = "  ".join(p for p in (data.property_address, data.property_phone) if p)
    if contact:
        doc.add(Paragraph(contact, size=7.5, align="center"))
    doc.add(Spacer(1.5 * MM))
    doc.add(Paragraph("收款收据 RECEIPT", size=13, align="center", bold=True))
    if data.reprint:
        doc.add(Spacer(1 * MM))
        doc.add(Banner("补打 / REPRINT", size=11))
    if data.voided:
        doc.add(Spacer(1 * MM))
        doc.add(Banner("作废 / VOID", size=14))
    doc.add(Rule())
    rows = [("编号 No.", data.number, True), ("日期 Date", format_datetime(data.issued_at), False),
            ("交款人 Payer", f"{data.unit_code} {data.payer}".strip(), True)]
    labels = ["编号 No.", "日期 Date", "交款人 Payer", "付款方式 Paid by", "收款人 Cashier", "备注 Note", "打印 Printed"]
    lw = label_column_width(labels, label_size, limit=width * 0.4)
    for label, value, bold in rows:
        doc.add(Row(label, value, lw, label_size, value_size, bold_value=bold))
    doc.add(Rule(dashed=True))
    for ln in data.lines:
        doc.add(Paragraph(ln.description, size=value_size))
        doc.add(AmountLine(f"  {ln.quantity} × {money(ln.unit_price)}", money(ln.amount), size=8.5))
        doc.add(Spacer(0.6 * MM))
    doc.add(Rule())
    doc.add(AmountLine("合计 TOTAL", money(data.total), size=12, bold=True))
    doc.add(Paragraph(f"大写 {data.words}", size=value_size, bold=True))
    doc.add(Spacer(1 * MM))
    doc.add(Row("付款方式 Paid by", method_label(data.method), lw, label_size, value_size))
    doc.add(Row("收款人 Cashier", data.operator, lw, label_size, value_size))
    if data.note or data.reference:
        doc.add(Row("备注 Note", " ".join(p for p in (data.note, data.reference) if p), lw, label_size, value_size))
    if data.voided:
        doc.add(Spacer(1 * MM))
        doc.add(Paragraph(f"作废原因 Void reason: {data.void_reason}", size=9, bold=True))
        doc.add(Paragraph(f"{format_datetime(data.voided_at)}  主管 Supervisor: {data.void_approved_by}", size=8))
    barcode = fitting_code128(data.number, width)
    if barcode is not None:
        doc.add(Spacer(2 * MM))
        doc.add(barcode)
    doc.add(Spacer(2 * MM))
    doc.add(QrBlock(data.qr_text, "扫码核验 Scan to verify"))
    doc.add(Rule(dashed=True))
    doc.add(WriteIn("交款人签字 Payer", lw, label_size))
    doc.add(Row("打印 Printed", format_datetime(data.printed_at), lw, label_size, label_size))
    doc.add(Spacer(1 * MM))
    doc.add(Paragraph("押金凭本收据退还，请妥善保管 Keep this receipt: deposits are refunded against it",
                      size=7.5, align="center"))

    pdf = doc.render()
    return stamp_pdf(pdf, "void") if data.voided else pdf


def render_receipt_a5(data: ReceiptPrintData, copies: tuple[str, ...] = COPIES) -> bytes:
    """The receipt on A5 landscape, one page per copy (存根 / 客户联 / 记账联)."""
    font = register_fonts()
    buf = io.BytesIO()
    w, h = A5_LANDSCAPE
    c = Canvas(buf, pagesize=A5_LANDSCAPE, invariant=1, pageCompression=1, initialFontName=FONT_NAME,
               initialFontSize=9)
    c.setTitle(f"收款收据 {data.number}")
    c.setCreator("Reception Desk")
    c.setProducer("Reception Desk")
    for copy in copies:
        _a5_page(c, data, copy, font, w, h)
        c.showPage()
    c.save()
    return stamp_pdf(buf.getvalue(), "void") if data.voided else buf.getvalue()


def _text(c: Canvas, font: str, size: float, x: float, y: float, text: str, align: str = "left") -> None:
    c.setFont(font, size)
    if align == "center":
        c.drawCentredString(x, y, text)
    elif align == "right":
        c.drawRightString(x, y, text)
    else:
        c.drawString(x, y, text)


def _a5_page(c: Canvas, data: ReceiptPrintData, copy: str, font: str, w: float, h: float) -> None:
    left, right = 12 * MM, w - 12 * MM
    top = h - 10 * MM
    _text(c, font, 11, w / 2, top - 4 * MM, data.property_name, "center")
    _text(c, font, 16, w / 2, top - 11 * MM, "收款收据 RECEIPT", "center")
    contact = "  ".join(p for p in (data.property_address, data.property_phone) if p)
    if contact:
        _text(c, font, 7.5, w / 2, top - 15.5 * MM, contact, "center")
    # the copy's name, large in the top-right corner, boxed
    cw = string_width(copy, 10) + 4 * MM
    c.rect(right - cw, top - 7 * MM, cw, 7 * MM, stroke=1, fill=0)
    _text(c, font, 10, right - cw / 2, top - 5 * MM, copy, "center")
    marks = [m for m in ("补打 / REPRINT" if data.reprint else "", "作废 / VOID" if data.voided else "") if m]
    if marks:
        _text(c, font, 10, right, top - 12 * MM, "  ".join(marks), "right")
    # the number as Code 128, top left (0.25 mm modules: 3 dots at 300 dpi)
    draw_code128(c, data.number, left - 2 * MM, top - 14 * MM, module_dots=3, dpi=300, height_mm=8,
                 font_size=8)
    y = top - 22 * MM
    _text(c, font, 9, left, y, f"编号 No. {data.number}")
    _text(c, font, 9, w / 2 - 20 * MM, y, f"日期 Date {format_datetime(data.issued_at)}")
    _text(c, font, 9, right, y, f"付款方式 Paid by {method_label(data.method)}", "right")
    y -= 6 * MM
    _text(c, font, 10, left, y, f"交款人 Payer: {data.unit_code} {data.payer}".strip())
    # the table: item, quantity, unit price, amount
    y -= 3 * MM
    cols = (left, right - 70 * MM, right - 50 * MM, right - 25 * MM, right)
    n = len(data.lines)
    room = y - 45 * MM
    row_h = max(min(7 * MM, room / (n + 1)), 4 * MM)
    size = 9 if row_h >= 6 * MM else 7.5
    c.setLineWidth(0.6)
    c.line(left, y, right, y)
    heads = ("收费项目 Item", "数量 Qty", "单价 Price", "金额 Amount")
    for i, head in enumerate(heads):
        _text(c, font, 8, cols[i] + 1.5 * MM if i == 0 else cols[i + 1] - 1.5 * MM, y - row_h + 1.8 * MM, head,
              "left" if i == 0 else "right")
    y -= row_h
    c.line(left, y, right, y)
    for ln in data.lines:
        desc = wrap_text(ln.description, size, cols[1] - cols[0] - 3 * MM)[0]
        base = y - row_h + (row_h - size * 0.8) / 2
        _text(c, font, size, cols[0] + 1.5 * MM, base, desc)
        _text(c, font, size, cols[2] - 1.5 * MM, base, str(ln.quantity), "right")
        _text(c, font, size, cols[3] - 1.5 * MM, base, money(ln.unit_price), "right")
        _text(c, font, size, cols[4] - 1.5 * MM, base, money(ln.amount), "right")
        y -= row_h
        c.setLineWidth(0.3)
        c.line(left, y, right, y)
    c.setLineWidth(0.6)
    for x in cols:
        c.line(x, y, x, y + row_h * (n + 1))
    # total in figures and in capitals
    y -= 8 * MM
    _text(c, font, 10, left, y, f"合计（大写）TOTAL IN WORDS: 人民币 {data.words}")
    _text(c, font, 12, right, y, f"{money(data.total)}", "right")
    y -= 6 * MM
    note = " ".join(p for p in (data.note, data.reference) if p)
    if note:
        _text(c, font, 8.5, left, y, f"备注 Note: {note}"[:90])
    if data.voided:
        _text(c, font, 9, left, y - 5 * MM,
              f"作废原因 Void reason: {data.void_reason}  {format_datetime(data.voided_at)}  主管 {data.void_approved_by}"[:100])
    # signatures, the QR code bottom right
    qr_side = draw_qr(c, data.qr_text, right - 24 * MM, 8 * MM, module_dots=4, dpi=300)
    _text(c, font, 6.5, right - 24 * MM + qr_side / 2, 6 * MM, "扫码核验 Scan to verify", "center")
    base = 14 * MM
    _text(c, font, 9, left, base, f"收款人 Cashier: {data.operator}")
    _text(c, font, 9, left + 60 * MM, base, "交款人签字 Payer: ____________")
    _text(c, font, 7, left, 8 * MM, f"打印 Printed {format_datetime(data.printed_at)}")


def sample_receipt(*, voided: bool = False) -> ReceiptPrintData:
    """Made-up receipt data for ``print-test`` and the tests."""
    return ReceiptPrintData(
        property_name="阳光花园物业服务中心", property_address="深圳市南山区科技路1号", property_phone="0755-12345678",
        number="R2026-000123", issued_at=datetime(2026, 11, 23, 10, 5), payer="美家装饰工程有限公司",
        unit_code="A-1203",
        lines=(ReceiptLinePrint("装修押金", 1, Decimal("2000.00"), Decimal("2000.00")),
               ReceiptLinePrint("装修垃圾清运费", 1, Decimal("300.00"), Decimal("300.00")),
               ReceiptLinePrint("出入证工本费", 3, Decimal("5.00"), Decimal("15.00"))),
        total=Decimal("2315.00"), method="wechat", operator="王芳", voided=voided,
        void_reason="金额录错" if voided else "", voided_at=datetime(2026, 11, 23, 10, 9) if voided else None,
        void_approved_by="李强" if voided else "", printed_at=datetime(2026, 11, 23, 10, 6),
    )


def sample_receipt_80mm(paper: str = "roll80") -> bytes:
    return render_receipt_80mm(sample_receipt(), paper)


def sample_receipt_a5() -> bytes:
    return render_receipt_a5(sample_receipt())
