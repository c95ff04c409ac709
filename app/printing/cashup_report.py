"""The cash-up at shift close (交班结算, Z report): on the 80 mm roll and on A4.

Opening float, what was taken and refunded per payment method, the cash the drawer should
hold, the cash counted, the variance and its note, the receipts' number range, and the
voids, refunds and reprints of the shift one by one, with lines for the cashier and the
supervisor to sign. A shift not closed yet prints as a preview (X report), marked so.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph as PPara
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle
from reportlab.platypus import Spacer as PSpacer

from app.printing.fonts import register_fonts
from app.printing.layout import (
    MM,
    Banner,
    Paragraph,
    RollDocument,
    Row,
    Rule,
    Spacer,
    WriteIn,
    format_datetime,
    label_column_width,
)
from app.printing.receipt_parts import AmountLine, method_label, money

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class MethodLine:
    method: str
    receipt_count: int
    receipts: Decimal
    refund_count: int
    refunds: Decimal

    @property
    def net(self) -> Decimal:
        return self.receipts - self.refunds


@dataclass(frozen=True)
class ListedItem:
    """A void, refund or reprint, already in words."""

    number: str
    at: datetime | None
    amount: Decimal | None
    detail: str = ""


@dataclass(frozen=True, kw_only=True)
class CashupPrintData:
    property_name: str
    close_seq: int | None
    cashier: str
    opened_at: datetime
    closed_at: datetime | None
    opening_float: Decimal
    totals: tuple[MethodLine, ...]
    expected_cash: Decimal
    counted_cash: Decimal | None
    variance: Decimal | None
    variance_note: str = ""
    receipt_count: int = 0
    first_number: str = ""
    last_number: str = ""
    voids: tuple[ListedItem, ...] = ()
    refunds: tuple[ListedItem, ...] = ()
    reprints: tuple[ListedItem, ...] = ()
    printed_at: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    @property
    def takings(self) -> Decimal:
        return sum((t.net for t in self.totals), ZERO)


def cashup_print_data_from(view, profile, *, printed_at: datetime | None = None) -> CashupPrintData:  # noqa: ANN001
    """The printout of a ``CashupView``."""
    sh = view.shift
    return CashupPrintData(
        property_name=profile.name if profile else "", close_seq=sh.close_seq, cashier=sh.staff_name,
        opened_at=sh.opened_at, closed_at=sh.closed_at, opening_float=sh.opening_float,
        totals=tuple(MethodLine(t.method, t.receipt_count, t.receipts, t.refund_count, t.refunds) for t in view.totals),
        expected_cash=view.expected_cash, counted_cash=sh.counted_cash, variance=sh.variance,
        variance_note=sh.variance_note, receipt_count=view.receipt_count, first_number=view.first_number,
        last_number=view.last_number,
        voids=tuple(ListedItem(v.number, v.voided_at, v.total, f"{v.void_reason} · {v.void_approved_by}")
                    for v in view.voids),
        refunds=tuple(ListedItem(r.number, r.at, r.amount, f"{r.receipt_number} · {method_label(r.method)}")
                      for r in view.refunds),
        reprints=tuple(ListedItem(getattr(p, "ref", ""), getattr(p, "at", None), None, getattr(p, "detail", ""))
                       for p in view.reprints),
        printed_at=printed_at or datetime.now().replace(microsecond=0))


def _title(data: CashupPrintData) -> str:
    if data.closed:
        return f"交班结算 Z REPORT  No. {data.close_seq:06d}"
    return "交班预览 X REPORT (NOT CLOSED)"


def render_cashup_roll(data: CashupPrintData, paper: str = "roll80") -> bytes:
    """The Z report on the receipt printer's roll, 80 or 58 mm (RepairDesk #180: the shift
    report on the receipt printer)."""
    doc = RollDocument.on(paper, title=_title(data))
    width = doc.printable_width
    narrow = width < 60 * MM  # 58 mm: the number on a line of its own, not split
    doc.add(Paragraph(data.property_name, size=10, align="center", bold=True))
    title = _title(data).replace("  No.", "\nNo.") if narrow else _title(data)
    doc.add(Paragraph(title, size=12, align="center", bold=True))
    if not data.closed:
        doc.add(Banner("未结班 NOT CLOSED", size=11))
    doc.add(Rule())
    labels = ["收款人 Cashier", "开班 Opened", "结班 Closed", "备用金 Float", "收据 Receipts"]
    lw = label_column_width(labels, 8, limit=width * 0.4)
    doc.add(Row("收款人 Cashier", data.cashier, lw, 8, 9.5, bold_value=True))
    doc.add(Row("开班 Opened", format_datetime(data.opened_at), lw, 8, 9.5))
    doc.add(Row("结班 Closed", format_datetime(data.closed_at) or "—", lw, 8, 9.5))
    doc.add(Row("收据 Receipts", f"{data.receipt_count}  {data.first_number} – {data.last_number}"
                if data.receipt_count else "0", lw, 8, 9.5))
    doc.add(Rule(dashed=True))
    for t in data.totals:
        doc.add(Paragraph(method_label(t.method), size=9, bold=True))
        doc.add(AmountLine(f"  收款 Taken ×{t.receipt_count}", money(t.receipts), size=8.5))
        if t.refund_count:
            doc.add(AmountLine(f"  退款 Refunded ×{t.refund_count}", money(-t.refunds), size=8.5))
        doc.add(AmountLine("  净额 Net", money(t.net), size=8.5))
    doc.add(Rule())
    doc.add(AmountLine("合计 Takings", money(data.takings), size=10, bold=True))
    doc.add(AmountLine("备用金 Opening float", money(data.opening_float), size=9))
    doc.add(AmountLine("应有现金 Expected cash", money(data.expected_cash), size=10, bold=True))
    if data.counted_cash is not None:
        doc.add(AmountLine("实点现金 Counted cash", money(data.counted_cash), size=10, bold=True))
        doc.add(AmountLine("差额 Variance", money(data.variance or ZERO), size=10, bold=True))
    if data.variance_note:
        doc.add(Paragraph(f"说明 Note: {data.variance_note}", size=8.5))
    for title, items in (("作废 Voids", data.voids), ("退款 Refunds", data.refunds), ("补打 Reprints", data.reprints)):
        doc.add(Rule(dashed=True))
        doc.add(Paragraph(f"{title}: {len(items)}", size=9, bold=True))
        for it in items:
            doc.add(AmountLine(f"{it.number} {format_datetime(it.at)[11:]}",
                               money(it.amount) if it.amount is not None else "", size=8))
            if it.detail:
                doc.add(Paragraph(f"  {it.detail}", size=7.5))
    doc.add(Rule(dashed=True))
    doc.add(WriteIn("交班人 Cashier", lw, 8))
    doc.add(WriteIn("主管 Supervisor", lw, 8))
    doc.add(Spacer(1 * MM))
    doc.add(Paragraph(f"打印 Printed {format_datetime(data.printed_at)}", size=7.5, align="center"))
    return doc.render()


def render_cashup_a4(data: CashupPrintData) -> bytes:
    """The Z report on A4, for the accounts' file."""
    font = register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=_title(data), creator="Reception Desk",
                            producer="Reception Desk", invariant=1,
                            # else every page names the canvas's default Helvetica, which is not embedded
                            initialFontName=font, initialFontSize=9)
    h1 = ParagraphStyle("h1", fontName=font, fontSize=15, leading=20, alignment=1)
    h2 = ParagraphStyle("h2", fontName=font, fontSize=11, leading=15, spaceBefore=6, spaceAfter=3)
    body = ParagraphStyle("b", fontName=font, fontSize=9, leading=12)
    story = [PPara(data.property_name, h1), PPara(_title(data), h1), PSpacer(1, 4 * mm)]
    info = [["收款人 Cashier", data.cashier, "开班 Opened", format_datetime(data.opened_at)],
            ["结班 Closed", format_datetime(data.closed_at) or "—", "打印 Printed", format_datetime(data.printed_at)],
            ["收据 Receipts", str(data.receipt_count),
             "号码 Numbers", f"{data.first_number} – {data.last_number}" if data.receipt_count else "—"]]
    story.append(_table(info, font, [30 * mm, 55 * mm, 30 * mm, 65 * mm], header=False))
    story.append(PPara("按付款方式 By payment method", h2))
    rows = [["方式 Method", "笔数 Count", "收款 Taken", "退款笔数 Refunds", "退款 Refunded", "净额 Net"]]
    for t in data.totals:
        rows.append([method_label(t.method), str(t.receipt_count), money(t.receipts), str(t.refund_count),
                     money(t.refunds), money(t.net)])
    rows.append(["合计 Total", str(sum(t.receipt_count for t in data.totals)),
                 money(sum((t.receipts for t in data.totals), ZERO)), str(sum(t.refund_count for t in data.totals)),
                 money(sum((t.refunds for t in data.totals), ZERO)), money(data.takings)])
    story.append(_table(rows, font, [40 * mm, 20 * mm, 32 * mm, 28 * mm, 30 * mm, 30 * mm], total_row=True))
    story.append(PPara("现金 Cash", h2))
    cash = [["备用金 Opening float", money(data.opening_float)], ["应有现金 Expected cash", money(data.expected_cash)],
            ["实点现金 Counted cash", money(data.counted_cash) if data.counted_cash is not None else "—"],
            ["差额 Variance", money(data.variance) if data.variance is not None else "—"],
            ["说明 Note", data.variance_note or ""]]
    story.append(_table(cash, font, [50 * mm, 130 * mm], header=False))
    for title, items in (("作废 Voids", data.voids), ("退款 Refunds", data.refunds), ("补打 Reprints", data.reprints)):
        story.append(PPara(f"{title} ({len(items)})", h2))
        if items:
            story.append(_table([["编号 No.", "时间 Time", "金额 Amount", "说明 Detail"]] + [
                [it.number, format_datetime(it.at), money(it.amount) if it.amount is not None else "",
                 PPara(it.detail, body)] for it in items], font, [35 * mm, 35 * mm, 28 * mm, 82 * mm]))
        else:
            story.append(PPara("—", body))
    story.append(PSpacer(1, 12 * mm))
    story.append(_table([["交班人 Cashier: ______________", "接班人 Next: ______________",
                          "主管 Supervisor: ______________"]], font, [60 * mm, 60 * mm, 60 * mm], header=False,
                        grid=False))
    doc.build(story)
    return buf.getvalue()


def _table(rows, font: str, widths, *, header: bool = True, total_row: bool = False, grid: bool = True) -> Table:  # noqa: ANN001
    t = Table(rows, colWidths=widths, hAlign="LEFT")
    style = [("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 9),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    if grid:
        style.append(("GRID", (0, 0), (-1, -1), 0.4, colors.black))
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)))
    if total_row:
        style.append(("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.95, 0.95, 0.95)))
    t.setStyle(TableStyle(style))
    return t


def sample_cashup() -> CashupPrintData:
    return CashupPrintData(
        property_name="阳光花园物业服务中心", close_seq=42, cashier="王芳", opened_at=datetime(2026, 11, 23, 8, 0),
        closed_at=datetime(2026, 11, 23, 16, 5), opening_float=Decimal("200.00"),
        totals=(MethodLine("cash", 6, Decimal("1035.50"), 1, Decimal("500.00")),
                MethodLine("wechat", 4, Decimal("2360.00"), 0, ZERO),
                MethodLine("alipay", 1, Decimal("15.00"), 0, ZERO), MethodLine("card", 0, ZERO, 0, ZERO),
                MethodLine("transfer", 1, Decimal("2000.00"), 1, Decimal("1800.00"))),
        expected_cash=Decimal("735.50"), counted_cash=Decimal("735.00"), variance=Decimal("-0.50"),
        variance_note="找零少五角", receipt_count=13, first_number="R2026-000111", last_number="R2026-000123",
        voids=(ListedItem("R2026-000115", datetime(2026, 11, 23, 10, 9), Decimal("35.00"), "金额录错 · 李强"),),
        refunds=(ListedItem("RT2026-000007", datetime(2026, 11, 23, 15, 30), Decimal("1800.00"),
                            "R2026-000098 · 转账 Transfer"),),
        reprints=(ListedItem("R2026-000112", datetime(2026, 11, 23, 11, 0), None, "客户遗失 · 王芳"),),
        printed_at=datetime(2026, 11, 23, 16, 6))


def sample_cashup_roll(paper: str = "roll80") -> bytes:
    return render_cashup_roll(sample_cashup(), paper)


def sample_cashup_a4() -> bytes:
    return render_cashup_a4(sample_cashup())
