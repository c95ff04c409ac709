"""The refund slip (退款通知书, 001 §3.8 forms list) for a deposit paid back, on A5 landscape.

It names the receipt it refunds (number, date, amount paid), what was refunded before, this
refund in figures and in capitals, how it is paid, and lines for the payee, the cashier and
the supervisor to sign: the signed slip is the accounts' record of money leaving the till.
Its own number (``RT2026-000007``) is printed as Code 128.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from reportlab.pdfgen.canvas import Canvas

from app.printing.barcode import draw_code128
from app.printing.fonts import FONT_NAME, register_fonts
from app.printing.layout import MM, format_datetime
from app.printing.receipt_parts import method_label, money
from app.printing.receipt_slip import A5_LANDSCAPE, _text
from app.receipt_rules import amount_in_words


@dataclass(frozen=True, kw_only=True)
class RefundPrintData:
    property_name: str
    number: str
    at: datetime
    receipt_number: str
    receipt_issued_at: datetime | None
    receipt_total: Decimal
    refunded_before: Decimal
    amount: Decimal
    method: str
    payee: str
    unit_code: str = ""
    reason: str = ""
    operator: str = ""
    reprint: bool = False
    printed_at: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))


def refund_print_data_from(view, profile, *, reprint: bool = False,  # noqa: ANN001 - RefundView, ProfileView
                           printed_at: datetime | None = None) -> RefundPrintData:
    return RefundPrintData(
        property_name=profile.name if profile else "", number=view.number, at=view.at,
        receipt_number=view.receipt_number, receipt_issued_at=view.receipt_issued_at,
        receipt_total=view.receipt_total, refunded_before=view.refunded_before, amount=view.amount,
        method=view.method, payee=view.payee, unit_code=view.unit_code, reason=view.reason, operator=view.by,
        reprint=reprint, printed_at=printed_at or datetime.now().replace(microsecond=0))


def render_refund_slip(data: RefundPrintData) -> bytes:
    """One A5 landscape page."""
    font = register_fonts()
    buf = io.BytesIO()
    w, h = A5_LANDSCAPE
    c = Canvas(buf, pagesize=A5_LANDSCAPE, invariant=1, pageCompression=1, initialFontName=FONT_NAME,
               initialFontSize=9)
    c.setTitle(f"退款通知书 {data.number}")
    c.setCreator("Reception Desk")
    c.setProducer("Reception Desk")
    left, right, top = 14 * MM, w - 14 * MM, h - 10 * MM
    _text(c, font, 11, w / 2, top - 4 * MM, data.property_name, "center")
    _text(c, font, 16, w / 2, top - 11 * MM, "退款通知书 REFUND SLIP", "center")
    if data.reprint:
        _text(c, font, 10, right, top - 4 * MM, "补打 / REPRINT", "right")
    draw_code128(c, data.number, left - 2 * MM, top - 14 * MM, module_dots=3, dpi=300, height_mm=8, font_size=8)
    rows = [
        ("编号 No.", data.number),
        ("日期 Date", format_datetime(data.at)),
        ("收款人 Payee", f"{data.unit_code} {data.payee}".strip()),
        ("原收据 Receipt", f"{data.receipt_number}  {format_datetime(data.receipt_issued_at)}  "
                          f"实收 Paid {money(data.receipt_total)}"),
        ("已退 Refunded before", money(data.refunded_before)),
        ("本次退款 This refund", money(data.amount)),
        ("大写 In words", f"人民币 {amount_in_words(data.amount)}"),
        ("退款方式 Paid by", method_label(data.method)),
        ("事由 Reason", data.reason),
    ]
    y = top - 24 * MM
    for label, value in rows:
        _text(c, font, 8.5, left, y, label)
        _text(c, font, 11 if label.startswith(("本次", "大写")) else 10, left + 40 * MM, y, value[:70])
        c.setLineWidth(0.3)
        c.line(left + 38 * MM, y - 1.5 * MM, right, y - 1.5 * MM)
        y -= 8 * MM
    base = 16 * MM
    for i, label in enumerate(("领款人签字 Payee", "经办人 Cashier", "主管 Supervisor")):
        x = left + i * (right - left) / 3
        _text(c, font, 9, x, base, f"{label}: {data.operator if i == 1 else ''}")
        c.line(x, base - 2 * MM, x + (right - left) / 3 - 6 * MM, base - 2 * MM)
    _text(c, font, 7, left, 8 * MM, f"打印 Printed {format_datetime(data.printed_at)}")
    c.showPage()
    c.save()
    return buf.getvalue()


def sample_refund_slip() -> bytes:
    return render_refund_slip(RefundPrintData(
        property_name="阳光花园物业服务中心", number="RT2026-000007", at=datetime(2026, 11, 23, 15, 30),
        receipt_number="R2026-000123", receipt_issued_at=datetime(2026, 9, 1, 10, 5),
        receipt_total=Decimal("2315.00"), refunded_before=Decimal("0.00"), amount=Decimal("1800.00"),
        method="transfer", payee="美家装饰工程有限公司", unit_code="A-1203", reason="装修验收合格，扣除损坏赔偿¥200.00",
        operator="王芳", printed_at=datetime(2026, 11, 23, 15, 31)))
