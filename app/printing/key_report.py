"""The monthly key statistics (钥匙月度统计表, 003 (6) 4.2) as an A4 PDF.

Keys received, handed over, held, lent, retired, changed and lost per category, the
month's changes line by line, and lines for the key administrator, the supervisor and the
manager to sign ("每月上报审核": reported monthly for review). Same embedded font as every
printout; pure (data in, bytes out).
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.printing.a4_register import signature_lines
from app.printing.fonts import register_fonts
from app.printing.layout import format_datetime

#: the statistics' columns, in print order
COLUMNS = ("at_start", "received", "handed_over", "lent", "keys_lent", "retired", "changed", "lost", "found", "kept")


@dataclass(frozen=True)
class KeyReportRow:
    label: str
    at_start: int = 0
    received: int = 0
    handed_over: int = 0
    lent: int = 0
    keys_lent: int = 0
    retired: int = 0
    changed: int = 0
    lost: int = 0
    found: int = 0
    kept: int = 0


@dataclass(frozen=True)
class KeyReportEvent:
    """One line of the month's changes, already in words."""

    at: datetime
    tag_code: str
    key: str
    what: str
    count: int
    detail: str = ""


@dataclass(frozen=True, kw_only=True)
class KeyMonthlyReportData:
    property_name: str
    year: int
    month: int
    rows: tuple[KeyReportRow, ...]
    total: KeyReportRow
    events: tuple[KeyReportEvent, ...] = ()
    printed_by: str = ""
    printed_at: datetime


@dataclass(frozen=True)
class KeyReportLabels:
    title: str = "钥匙月度统计表 Monthly key statistics"
    period: str = "统计月份 Month"
    category: str = "类别 Category"
    at_start: str = "月初存留 Held at start"
    received: str = "接受 Received"
    handed_over: str = "移交 Handed over"
    lent: str = "签收(次) Loans"
    keys_lent: str = "借出(把) Keys lent"
    retired: str = "废弃 Retired"
    changed: str = "变更(换锁) Locks changed"
    lost: str = "丢失 Lost"
    found: str = "找回 Found"
    kept: str = "月末存留 Held at end"
    unit_note: str = "数量单位：把（签收为次数） Counts are keys (loans are counted as loans)"
    events_title: str = "本月变动明细 Changes this month"
    event_time: str = "时间 Time"
    event_tag: str = "钥匙牌 Tag"
    event_key: str = "钥匙 Key"
    event_what: str = "变动 Change"
    event_count: str = "数量 Qty"
    event_detail: str = "说明 Details"
    no_events: str = "本月无变动 No changes this month"
    signatures: str = "钥匙管理员 Key administrator|客服主管 Supervisor|管理处经理 Manager"
    printed: str = "打印 Printed"
    page: str = "第 {page} 页 Page {page}"

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def from_mapping(cls, values: Mapping[str, str]) -> KeyReportLabels:
        unknown = set(values) - set(cls.keys())
        if unknown:
            raise KeyError(f"unknown report label(s): {', '.join(sorted(unknown))}")
        return replace(cls(), **dict(values))


#: Default (bilingual) names of categories and event kinds for the report.
CATEGORY_LABELS = {
    "unit": "业主钥匙 Owners' keys", "public": "公共区域 Public areas", "equipment": "设备房 Equipment rooms",
    "store": "部门库房 Store rooms", "total": "合计 Total",
}
EVENT_LABELS = {
    "lost": "丢失 Lost", "found": "找回 Found", "lock_change": "换锁 Lock changed", "retire": "废弃 Retired",
    "hand_over": "移交业主 Handed over", "copy_refused": "拒绝配制 Copy refused", "add_keys": "补交 Added",
}


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=11.5, wordWrap="CJK")
    return {
        "base": base,
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=20, alignment=1, spaceAfter=2 * mm),
        "sub": ParagraphStyle("sub", parent=base, fontSize=10, leading=13, alignment=1),
        "h2": ParagraphStyle("h2", parent=base, fontSize=11, leading=14, spaceBefore=5 * mm, spaceAfter=2 * mm),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        # headers break between the Chinese and the English words only, never inside a word
        "head": ParagraphStyle("head", parent=base, fontSize=7.5, leading=9.5, alignment=1, wordWrap=None),
        "num": ParagraphStyle("num", parent=base, fontSize=9, leading=11, alignment=2),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=colors.grey),
    }


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _head(text: str) -> str:
    """``接受 Received`` → ``接受<br/>Received``: Chinese on one line, English under it."""
    esc = _esc(text)
    cut = esc.find(" ")
    return esc if cut < 0 else esc[:cut] + "<br/>" + esc[cut + 1:]


def render_key_monthly_report(data: KeyMonthlyReportData, *,
                              labels: KeyReportLabels | Mapping[str, str] | None = None) -> bytes:
    """The statistics as an A4 portrait PDF (as many pages as the changes need)."""
    lab = labels if isinstance(labels, KeyReportLabels) else (
        KeyReportLabels.from_mapping(labels) if labels else KeyReportLabels())
    font = register_fonts()
    st = _styles(font)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=18 * mm,
        title=lab.title, author="Reception Desk", creator="Reception Desk", producer="Reception Desk",
        invariant=1, initialFontName=font, initialFontSize=9,
    )
    width = A4[0] - 30 * mm
    story: list = [
        Paragraph(_esc(data.property_name), st["sub"]),
        Paragraph(_esc(lab.title), st["title"]),
        Paragraph(f"{_esc(lab.period)}: {data.year}-{data.month:02d}", st["sub"]),
        Spacer(1, 5 * mm),
    ]
    head = [Paragraph(_head(lab.category), st["head"])] + [
        Paragraph(_head(getattr(lab, c)), st["head"]) for c in COLUMNS]
    body = [head]
    for r in (*data.rows, data.total):
        body.append([Paragraph(_esc(r.label), st["cell"])] + [
            Paragraph(str(getattr(r, c)), st["num"]) for c in COLUMNS])
    first = 32 * mm
    rest = (width - first) / len(COLUMNS)
    table = Table(body, colWidths=[first] + [rest] * len(COLUMNS), repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.95, 0.95, 0.95)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEABOVE", (0, -1), (-1, -1), 1.2, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    story += [table, Spacer(1, 1.5 * mm), Paragraph(_esc(lab.unit_note), st["small"])]

    story.append(Paragraph(_esc(lab.events_title), st["h2"]))
    if data.events:
        ev = [[Paragraph(_head(t), st["head"]) for t in (lab.event_time, lab.event_tag, lab.event_key,
                                                        lab.event_what, lab.event_count, lab.event_detail)]]
        for e in data.events:
            ev.append([Paragraph(_esc(format_datetime(e.at)), st["cell"]), Paragraph(_esc(e.tag_code), st["cell"]),
                       Paragraph(_esc(e.key), st["cell"]), Paragraph(_esc(e.what), st["cell"]),
                       Paragraph(str(e.count), st["num"]), Paragraph(_esc(e.detail), st["cell"])])
        widths = [26 * mm, 17 * mm, 38 * mm, 28 * mm, 12 * mm]
        widths.append(width - sum(widths))
        et = Table(ev, colWidths=widths, repeatRows=1)
        et.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))
        story.append(et)
    else:
        story.append(Paragraph(_esc(lab.no_events), st["base"]))

    names = [n for n in lab.signatures.split("|") if n]
    if names:
        story.append(Spacer(1, 12 * mm))
        story.append(signature_lines(names, width, font, st["base"], gap=8 * mm, height=12 * mm))
    printed = " ".join(p for p in (f"{lab.printed} {format_datetime(data.printed_at)}", data.printed_by) if p)
    story += [Spacer(1, 6 * mm), Paragraph(_esc(printed), st["small"])]

    def footer(canvas, document) -> None:  # noqa: ANN001
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, lab.page.format(page=document.page))
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def key_report_data_from(
    stats,  # noqa: ANN001 - app.services.keys.KeyMonthStats
    profile,  # noqa: ANN001 - app.services.property.ProfileView | None
    events: Sequence = (),  # app.services.keys.KeyEventView of the month
    *,
    key_names: Mapping[int, str] | None = None,
    category_labels: Mapping[str, str] | None = None,
    event_labels: Mapping[str, str] | None = None,
    printed_by: str = "",
    printed_at: datetime | None = None,
) -> KeyMonthlyReportData:
    """The report of ``stats`` (``KeyService.monthly_statistics``) and the month's events
    (``KeyService.month_events``); labels default to the bilingual ones above."""
    cats = {**CATEGORY_LABELS, **(category_labels or {})}
    kinds = {**EVENT_LABELS, **(event_labels or {})}

    def row(r) -> KeyReportRow:  # noqa: ANN001
        return KeyReportRow(cats.get(r.category, r.category), *(getattr(r, c) for c in COLUMNS))

    lines = tuple(
        KeyReportEvent(at=e.at, tag_code=e.tag_code, key=(key_names or {}).get(e.key_id, ""),
                       what=kinds.get(e.kind, e.kind), count=e.count,
                       detail=" ".join(p for p in (e.person, e.note) if p))
        for e in events
    )
    return KeyMonthlyReportData(
        property_name=profile.name if profile else "", year=stats.year, month=stats.month,
        rows=tuple(row(r) for r in stats.rows), total=row(stats.total), events=lines,
        printed_by=printed_by, printed_at=printed_at or datetime.now().replace(microsecond=0),
    )


def sample_key_monthly_report() -> bytes:
    """A report with made-up figures, for ``print-test``."""
    rows = (
        KeyReportRow(CATEGORY_LABELS["unit"], 118, 4, 2, 31, 33, 0, 1, 1, 0, 119),
        KeyReportRow(CATEGORY_LABELS["public"], 36, 0, 0, 22, 22, 1, 1, 0, 0, 35),
        KeyReportRow(CATEGORY_LABELS["equipment"], 24, 2, 0, 40, 52, 0, 0, 0, 0, 26),
        KeyReportRow(CATEGORY_LABELS["store"], 9, 0, 0, 6, 6, 0, 0, 0, 0, 9),
    )
    total = KeyReportRow(CATEGORY_LABELS["total"], *(sum(getattr(r, c) for r in rows) for c in COLUMNS))
    return render_key_monthly_report(KeyMonthlyReportData(
        property_name="阳光花园物业服务中心", year=2026, month=11, rows=rows, total=total,
        events=(KeyReportEvent(datetime(2026, 11, 3, 10, 20), "K00017", "B栋天台门", EVENT_LABELS["retire"], 1,
                               "换锁三次，退回工程部 李工"),
                KeyReportEvent(datetime(2026, 11, 12, 16, 5), "K00102", "A-0803 入户门", EVENT_LABELS["lost"], 1,
                               "装修工人遗失")),
        printed_by="李强", printed_at=datetime(2026, 12, 1, 9, 0),
    ))
