"""The weekly repair summary (报修周统计, 004 §5.2 4g) as an A4 PDF with a chart.

The week's slips by category and state, the on-time, follow-up and rework rates against the
trade's targets (001 §2.1: 100 %, ≥ 85 %, ≤ 1 %), a bar chart of the slips per category
(reportlab.graphics), unfinished slips, and lines for the office director to sign. Pure.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from decimal import Decimal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.printing.a4_register import signature_lines
from app.printing.fonts import register_fonts
from app.printing.layout import format_datetime

#: the state columns of the table, in print order
STATE_COLUMNS = ("registered", "dispatched", "in_progress", "on_hold", "completed", "settled", "followed_up",
                 "closed", "cancelled", "to_developer")


@dataclass(frozen=True)
class WeeklyRow:
    label: str
    counts: tuple[int, ...]  # per STATE_COLUMNS
    total: int


@dataclass(frozen=True)
class RateLine:
    label: str
    value: Decimal | None
    target: str
    met: bool | None
    detail: str = ""


@dataclass(frozen=True, kw_only=True)
class RepairWeeklyData:
    property_name: str
    week_start: date
    week_end: date
    state_labels: tuple[str, ...]  # per STATE_COLUMNS
    rows: tuple[WeeklyRow, ...]
    total: WeeklyRow
    rates: tuple[RateLine, ...]
    unfinished: int = 0
    printed_by: str = ""
    printed_at: datetime


@dataclass(frozen=True)
class RepairWeeklyLabels:
    title: str = "报修周统计表 Weekly repair summary"
    period: str = "统计周期 Week"
    category: str = "类别 Category"
    total: str = "合计 Total"
    rates_title: str = "服务指标 Targets"
    rate: str = "指标 Measure"
    value: str = "本周 This week"
    target: str = "目标 Target"
    result: str = "结果 Result"
    met: str = "达标 Met"
    missed: str = "未达标 Missed"
    none: str = "—"
    chart_title: str = "各类别报修单数 Slips per category"
    table_title: str = "按类别和状态 By category and state"
    unfinished: str = "未完成（底联未返回）Unfinished (stub not back): {n}"
    signatures: str = "客服主管 Supervisor|管理处主任 Office director"
    printed: str = "打印 Printed"
    page: str = "第 {page} 页 Page {page}"

    @classmethod
    def from_mapping(cls, values: Mapping[str, str]) -> RepairWeeklyLabels:
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise KeyError(f"unknown report label(s): {', '.join(sorted(unknown))}")
        return replace(cls(), **dict(values))


#: Default bilingual names (the UI passes translated ones)
STATE_LABELS = {
    "registered": "已登记 Registered", "dispatched": "已派工 Dispatched", "in_progress": "维修中 In progress",
    "on_hold": "暂停 On hold", "completed": "已完工 Completed", "settled": "已结算 Settled",
    "followed_up": "已回访 Followed up", "closed": "已关闭 Closed", "cancelled": "已注销 Cancelled",
    "to_developer": "转开发商 To developer",
}
RATE_LABELS = {"on_time": "及时率 On time", "follow_up": "回访率 Follow-up", "rework": "返修率 Rework"}


def percent(value: Decimal | None) -> str:
    """``Decimal('0.8571')`` → ``85.7%``; '—' for None."""
    if value is None:
        return "—"
    return f"{(value * 100).quantize(Decimal('0.1'))}%"


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _head(text: str) -> str:
    esc = _esc(text)
    cut = esc.find(" ")
    return esc if cut < 0 else esc[:cut] + "<br/>" + esc[cut + 1:]


def _chart(data: RepairWeeklyData, lab: RepairWeeklyLabels, font: str, width: float) -> Drawing:
    """Stacked bars per category: still open vs. completed or later vs. cancelled/passed on."""
    height = 70 * mm
    d = Drawing(width, height)
    # the renderer starts from Helvetica (not embedded) unless the drawing names our font
    d.initialFontName = font
    d.add(String(0, height - 10, lab.chart_title, fontName=font, fontSize=10))
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 18 * mm
    chart.width, chart.height = width - 60 * mm, height - 32 * mm
    idx = {s: i for i, s in enumerate(STATE_COLUMNS)}
    groups = (("registered", "dispatched", "in_progress", "on_hold"),
              ("completed", "settled", "followed_up", "closed"),
              ("cancelled", "to_developer"))
    series = [[sum(r.counts[idx[s]] for s in g) for r in data.rows] for g in groups]
    chart.data = series if data.rows else [[0]]
    chart.categoryAxis.categoryNames = [r.label for r in data.rows] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 20 if len(data.rows) > 5 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(data.rows) > 5 else "n"
    chart.categoryAxis.style = "stacked"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    top = max((r.total for r in data.rows), default=0)
    chart.valueAxis.valueMax = max(top, 4)
    chart.valueAxis.valueStep = max(1, round(max(top, 4) / 4))
    fills = (colors.Color(0.85, 0.35, 0.3), colors.Color(0.3, 0.55, 0.3), colors.Color(0.6, 0.6, 0.6))
    for i, fill in enumerate(fills[:len(chart.data)]):
        chart.bars[i].fillColor = fill
        chart.bars[i].strokeColor = colors.black
        chart.bars[i].strokeWidth = 0.3
    d.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 44 * mm, height - 22 * mm
    legend.fontName = font
    legend.fontSize = 7
    legend.alignment = "right"
    names = (f"{STATE_LABELS['registered'].split()[0]}…{STATE_LABELS['on_hold'].split()[0]} Open",
             f"{STATE_LABELS['completed'].split()[0]}…{STATE_LABELS['closed'].split()[0]} Done",
             f"{STATE_LABELS['cancelled'].split()[0]}/{STATE_LABELS['to_developer'].split()[0]} Other")
    legend.colorNamePairs = list(zip(fills, names))
    d.add(legend)
    return d


def render_repair_weekly(data: RepairWeeklyData, *, labels: RepairWeeklyLabels | Mapping[str, str] | None = None) -> bytes:
    """The summary as an A4 portrait PDF (one page for a normal week)."""
    lab = labels if isinstance(labels, RepairWeeklyLabels) else (
        RepairWeeklyLabels.from_mapping(labels) if labels else RepairWeeklyLabels())
    font = register_fonts()
    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=11.5, wordWrap="CJK")
    st = {
        "base": base,
        "title": ParagraphStyle("t", parent=base, fontSize=16, leading=20, alignment=1, spaceAfter=2 * mm),
        "sub": ParagraphStyle("s", parent=base, fontSize=10, leading=13, alignment=1),
        "h2": ParagraphStyle("h", parent=base, fontSize=11, leading=14, spaceBefore=5 * mm, spaceAfter=2 * mm),
        "cell": ParagraphStyle("c", parent=base, fontSize=8, leading=10),
        "head": ParagraphStyle("hd", parent=base, fontSize=7, leading=9, alignment=1, wordWrap=None),
        "num": ParagraphStyle("n", parent=base, fontSize=9, leading=11, alignment=2),
        "small": ParagraphStyle("sm", parent=base, fontSize=7.5, leading=9.5, textColor=colors.grey),
    }
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=14 * mm,
                            bottomMargin=16 * mm, title=lab.title, author="Reception Desk",
                            creator="Reception Desk", producer="Reception Desk", invariant=1,
                            initialFontName=font, initialFontSize=9)
    width = A4[0] - 24 * mm
    story: list = [
        Paragraph(_esc(data.property_name), st["sub"]),
        Paragraph(_esc(lab.title), st["title"]),
        Paragraph(f"{_esc(lab.period)}: {data.week_start:%Y-%m-%d} – {data.week_end:%Y-%m-%d}", st["sub"]),
        Spacer(1, 4 * mm),
        Paragraph(_esc(lab.rates_title), st["h2"]),
    ]
    rate_rows = [[Paragraph(_head(t), st["head"]) for t in (lab.rate, lab.value, lab.target, lab.result)]]
    styles = []
    for i, r in enumerate(data.rates, start=1):
        result = lab.none if r.met is None else (lab.met if r.met else lab.missed)
        rate_rows.append([Paragraph(_esc(r.label + (f" ({r.detail})" if r.detail else "")), st["cell"]),
                          Paragraph(percent(r.value), st["num"]), Paragraph(_esc(r.target), st["num"]),
                          Paragraph(_esc(result), st["cell"])])
        if r.met is False:
            styles.append(("BACKGROUND", (3, i), (3, i), colors.Color(1, 0.85, 0.85)))
    rt = Table(rate_rows, colWidths=[width * 0.46, width * 0.18, width * 0.16, width * 0.20])
    rt.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
                            ("VALIGN", (0, 0), (-1, -1), "MIDDLE")] + styles))
    story += [rt, Spacer(1, 1.5 * mm), Paragraph(_esc(lab.unfinished.format(n=data.unfinished)), st["base"])]

    story.append(Paragraph(_esc(lab.table_title), st["h2"]))
    head = [Paragraph(_head(lab.category), st["head"])] + [Paragraph(_head(t), st["head"]) for t in data.state_labels]
    head.append(Paragraph(_head(lab.total), st["head"]))
    body = [head]
    for r in (*data.rows, data.total):
        body.append([Paragraph(_esc(r.label), st["cell"])] + [Paragraph(str(n), st["num"]) for n in r.counts]
                    + [Paragraph(str(r.total), st["num"])])
    first = 28 * mm
    rest = (width - first) / (len(STATE_COLUMNS) + 1)
    table = Table(body, colWidths=[first] + [rest] * (len(STATE_COLUMNS) + 1), repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.95, 0.95, 0.95)),
        ("LINEABOVE", (0, -1), (-1, -1), 1.2, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    story += [table, Spacer(1, 5 * mm), _chart(data, lab, font, width)]

    names = [n for n in lab.signatures.split("|") if n]
    if names:
        story.append(Spacer(1, 8 * mm))
        story.append(signature_lines(names, width, font, st["base"], gap=10 * mm, height=10 * mm))
    printed = " ".join(p for p in (f"{lab.printed} {format_datetime(data.printed_at)}", data.printed_by) if p)
    story += [Spacer(1, 4 * mm), Paragraph(_esc(printed), st["small"])]

    def footer(canvas, document) -> None:  # noqa: ANN001
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawCentredString(A4[0] / 2, 9 * mm, lab.page.format(page=document.page))
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def repair_weekly_data_from(
    summary,  # noqa: ANN001 - app.services.repairs.WeeklySummary
    profile,  # noqa: ANN001 - app.services.property.ProfileView | None
    *,
    category_labels: Mapping[str, str] | None = None,
    state_labels: Mapping[str, str] | None = None,
    rate_labels: Mapping[str, str] | None = None,
    total_label: str = "合计 Total",
    printed_by: str = "",
    printed_at: datetime | None = None,
) -> RepairWeeklyData:
    """The printout of ``RepairService.weekly_summary``; labels default to bilingual ones."""
    states = {**STATE_LABELS, **(state_labels or {})}
    rates = {**RATE_LABELS, **(rate_labels or {})}
    cats = dict(category_labels or {})
    counts: dict[str, dict[str, int]] = {}
    for c in summary.by_category_state:
        counts.setdefault(c.category, {})[c.state] = c.count
    rows = tuple(WeeklyRow(cats.get(cat, cat), tuple(by.get(s, 0) for s in STATE_COLUMNS), sum(by.values()))
                 for cat, by in sorted(counts.items()))
    total = WeeklyRow(total_label, tuple(sum(r.counts[i] for r in rows) for i in range(len(STATE_COLUMNS))),
                      sum(r.total for r in rows))
    t = summary.targets
    lines = (
        RateLine(rates["on_time"], summary.on_time_rate, "100%", t.on_time, f"{summary.on_time}/{summary.completed}"),
        RateLine(rates["follow_up"], summary.follow_up_rate, "≥ 85%", t.follow_up,
                 f"{summary.followed_up}/{summary.completed}"),
        RateLine(rates["rework"], summary.rework_rate, "≤ 1%", t.rework, f"{summary.reworked}/{summary.completed}"),
    )
    return RepairWeeklyData(
        property_name=profile.name if profile else "", week_start=summary.week_start, week_end=summary.week_end,
        state_labels=tuple(states[s] for s in STATE_COLUMNS), rows=rows, total=total, rates=lines,
        unfinished=summary.unfinished, printed_by=printed_by,
        printed_at=printed_at or datetime.now().replace(microsecond=0),
    )


def sample_repair_weekly() -> bytes:
    """A summary with made-up figures, for ``print-test``."""
    def row(label: str, counts: Sequence[int]) -> WeeklyRow:
        return WeeklyRow(label, tuple(counts), sum(counts))

    rows = (row("水路 Water", (1, 2, 0, 0, 1, 2, 3, 9, 1, 0)), row("电路 Electricity", (0, 1, 1, 0, 0, 1, 2, 6, 0, 0)),
            row("门窗锁具 Doors and locks", (0, 0, 0, 1, 1, 0, 1, 4, 0, 0)),
            row("电梯 Lifts", (0, 0, 0, 0, 0, 0, 1, 2, 0, 1)),
            row("公共设施 Public facilities", (2, 1, 0, 0, 0, 0, 0, 5, 0, 0)))
    total = row("合计 Total", [sum(r.counts[i] for r in rows) for i in range(len(STATE_COLUMNS))])
    return render_repair_weekly(RepairWeeklyData(
        property_name="阳光花园物业服务中心", week_start=date(2026, 11, 16), week_end=date(2026, 11, 22),
        state_labels=tuple(STATE_LABELS[s] for s in STATE_COLUMNS), rows=rows, total=total,
        rates=(RateLine(RATE_LABELS["on_time"], Decimal("0.9744"), "100%", False, "38/39"),
               RateLine(RATE_LABELS["follow_up"], Decimal("0.8974"), "≥ 85%", True, "35/39"),
               RateLine(RATE_LABELS["rework"], Decimal("0.0000"), "≤ 1%", True, "0/39")),
        unfinished=2, printed_by="李强", printed_at=datetime(2026, 11, 23, 9, 0),
    ))
