"""The dispatch slip (派工单) for the 80 mm roll, printed when a repair is registered.

It goes to the maintenance supervisor (004 §5.2 2 2); the technician fills in what was done,
the materials, the check of materials the occupant supplied (合格 / 不合格 / 质量不佳), the
labour and the charge; occupant, technician and supervisor sign; the slip comes back to the
counter, where scanning its Code 128 (the slip number) opens it for completion. Several
copies print as pages of one PDF, each marked with its copy number.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import datetime
from decimal import Decimal

from reportlab.pdfgen.canvas import Canvas

from app.printing.fonts import FONT_NAME, register_fonts
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
)

_LABEL_SIZE = 8.0
_VALUE_SIZE = 10.0


def format_money(value: Decimal | None) -> str:
    """``¥30.00`` (two decimals, never through float); '' for None."""
    if value is None:
        return ""
    q = Decimal(value).quantize(Decimal("0.01"))
    return f"¥{q:,.2f}"


@dataclass(frozen=True, kw_only=True)
class DispatchSlipData:
    """Everything printed on one slip, already in words except datetimes and money."""

    property_name: str
    property_phone: str = ""
    number: str
    grade: str  # "urgent" prints a black URGENT band
    grade_label: str = ""
    category_label: str = ""
    where: str
    phone: str = ""
    description: str
    preferred_time: str = ""
    registered_at: datetime
    due_at: datetime
    chargeable: bool = False
    rate: Decimal | None = None
    assignee: str = ""
    registered_by: str = ""
    source_label: str = ""
    rework_count: int = 0
    printed_at: datetime
    reprint: bool = False


@dataclass(frozen=True)
class DispatchSlipLabels:
    """The slip's static texts (bilingual defaults)."""

    title: str = "派工单 DISPATCH SLIP"
    urgent: str = "急修 URGENT · 24小时内 within 24 h"
    reprint: str = "补打 / REPRINT"
    copy: str = "第 {n}/{total} 联 Copy {n} of {total}"
    phone: str = "电话 Tel"
    number: str = "单号 No."
    grade: str = "等级 Grade"
    category: str = "类别 Category"
    where: str = "地点 Where"
    requester_phone: str = "联系电话 Phone"
    description: str = "报修内容 Fault"
    preferred: str = "预约时间 Preferred"
    registered: str = "报修时间 Registered"
    due: str = "限时完成 Due"
    charge: str = "收费 Charge"
    chargeable_rate: str = "有偿 Chargeable · {rate}"
    free: str = "无偿 Free of charge"
    assignee: str = "维修人员 Technician"
    registered_by: str = "接待 Received by"
    source: str = "来源 Source"
    rework: str = "返工 Rework #{n}"
    arrived: str = "到场时间 Arrived"
    work_done: str = "维修情况 Work done"
    materials: str = "使用材料 Materials"
    occupant_materials: str = "业主自备材料 Occupant's materials: □合格 Pass □不合格 Fail □质量不佳 Poor"
    labour: str = "工时 Labour"
    amount: str = "实收费用 Charged"
    occupant_sign: str = "业主签字及评语 Occupant"
    technician_sign: str = "维修人员 Technician"
    supervisor_sign: str = "维修主管 Supervisor"
    printed: str = "打印 Printed"
    footer: str = "完工后请将本单交回客服中心 Return this slip to the counter when done"

    @classmethod
    def from_mapping(cls, values: Mapping[str, str]) -> DispatchSlipLabels:
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise KeyError(f"unknown slip label(s): {', '.join(sorted(unknown))}")
        return replace(cls(), **dict(values))


def _document(data: DispatchSlipData, lab: DispatchSlipLabels, copies: int,
              paper: str = "roll80") -> tuple[RollDocument, Paragraph | None]:
    """The slip's blocks, laid out once for every copy; the returned paragraph (None for one
    copy) is the "copy n of m" line, whose text changes from page to page."""
    doc = RollDocument.on(paper, title=lab.title)  # the receipt printer's roll, 80 or 58 mm
    width = doc.printable_width
    copy_line = None
    if data.reprint:
        doc.add(Banner(lab.reprint, size=14))
        doc.add(Spacer(2 * MM))
    doc.add(Paragraph(data.property_name, size=12, align="center", bold=True))
    if data.property_phone:
        doc.add(Paragraph(f"{lab.phone} {data.property_phone}", size=8, align="center"))
    doc.add(Rule())
    doc.add(Paragraph(lab.title, size=14, align="center", bold=True))
    if copies > 1:
        copy_line = Paragraph(lab.copy.format(n=copies, total=copies), size=8, align="center")
        doc.add(copy_line)
    if data.grade == "urgent":
        doc.add(Spacer(1 * MM))
        doc.add(Banner(lab.urgent, size=11))
    if data.rework_count:
        doc.add(Spacer(1 * MM))
        doc.add(Paragraph(lab.rework.format(n=data.rework_count), size=11, align="center", bold=True))
    doc.add(Rule())
    charge = lab.chargeable_rate.format(rate=format_money(data.rate)) if data.chargeable else lab.free
    rows: list[tuple[str, str, bool]] = [
        (lab.number, data.number, True),
        (lab.grade, data.grade_label, data.grade == "urgent"),
        (lab.category, data.category_label, False),
        (lab.where, data.where, True),
        (lab.requester_phone, data.phone, False),
        (lab.description, data.description, False),
        (lab.preferred, data.preferred_time, False),
        (lab.registered, format_datetime(data.registered_at), False),
        (lab.due, format_datetime(data.due_at), True),
        (lab.charge, charge, False),
        (lab.assignee, data.assignee, False),
        (lab.source, data.source_label, False),
        (lab.registered_by, data.registered_by, False),
    ]
    rows = [r for r in rows if r[1]]
    write_ins = [lab.arrived, lab.work_done, lab.materials, lab.labour, lab.amount]
    signs = [lab.occupant_sign, lab.technician_sign, lab.supervisor_sign]
    label_w = label_column_width([r[0] for r in rows] + write_ins + signs + [lab.printed], _LABEL_SIZE,
                                 limit=width * 0.38)
    for label, value, bold in rows:
        doc.add(Row(label, value, label_w, _LABEL_SIZE, _VALUE_SIZE, bold_value=bold))
        doc.add(Spacer(0.8 * MM))
    barcode = fitting_code128(data.number, width)
    if barcode is not None:
        doc.add(Spacer(1.5 * MM))
        doc.add(barcode)
        doc.add(Spacer(1 * MM))
    doc.add(Rule(dashed=True))
    for text in write_ins:
        doc.add(WriteIn(text, label_w, _LABEL_SIZE))
        doc.add(Spacer(0.5 * MM))
    doc.add(Spacer(1.5 * MM))
    doc.add(Paragraph(lab.occupant_materials, size=8))
    doc.add(Spacer(1 * MM))
    for text in signs:
        doc.add(WriteIn(text, label_w, _LABEL_SIZE))
        doc.add(Spacer(0.5 * MM))
    doc.add(Rule(dashed=True))
    doc.add(Row(lab.printed, format_datetime(data.printed_at), label_w, _LABEL_SIZE, _LABEL_SIZE + 0.5))
    if lab.footer:
        doc.add(Spacer(1.5 * MM))
        doc.add(Paragraph(lab.footer, size=8, align="center"))
    return doc, copy_line


def render_dispatch_slip(data: DispatchSlipData, *, copies: int = 1, paper: str = "roll80",
                         labels: DispatchSlipLabels | Mapping[str, str] | None = None) -> bytes:
    """The slip as a PDF, one 80 mm page per copy, each as long as its content. Pure."""
    lab = labels if isinstance(labels, DispatchSlipLabels) else (
        DispatchSlipLabels.from_mapping(labels) if labels else DispatchSlipLabels())
    copies = max(1, int(copies))
    doc, copy_line = _document(data, lab, copies, paper)
    register_fonts()
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(doc.page_width, 100), invariant=1, pageCompression=1,
                    initialFontName=FONT_NAME, initialFontSize=9)
    canvas.setTitle(lab.title)
    canvas.setCreator("Reception Desk")
    canvas.setProducer("Reception Desk")
    # Laid out once (wrapping Chinese text is the slow part), drawn once per copy.
    width = doc.printable_width
    heights = [b.height(width) for b in doc.blocks]
    dot = 72.0 / doc.dpi
    # As RollDocument.render, one page per copy: a whole number of dots long.
    height = math.ceil((doc.top_margin + sum(heights) + doc.bottom_margin) / dot) * dot
    x = (doc.page_width - width) / 2
    for n in range(1, copies + 1):
        if copy_line is not None:
            copy_line.text = lab.copy.format(n=n, total=copies)
        canvas.setPageSize((doc.page_width, height))
        top = height - doc.top_margin
        for block, h in zip(doc.blocks, heights, strict=True):
            block.draw(canvas, x, top, width)
            top -= h
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def dispatch_slip_data_from(
    repair,  # noqa: ANN001 - app.services.repairs.RepairView
    profile,  # noqa: ANN001 - app.services.property.ProfileView | None
    *,
    grade_label: str = "",
    category_label: str = "",
    source_label: str = "",
    reprint: bool = False,
    printed_at: datetime | None = None,
) -> DispatchSlipData:
    """The slip of a registered repair."""
    return DispatchSlipData(
        property_name=profile.name if profile else "", property_phone=profile.phone if profile else "",
        number=repair.number, grade=repair.grade, grade_label=grade_label, category_label=category_label,
        where=repair.where, phone=repair.phone, description=repair.description,
        preferred_time=repair.preferred_time, registered_at=repair.registered_at, due_at=repair.due_at,
        chargeable=repair.chargeable, rate=repair.rate, assignee=repair.assignee,
        registered_by=repair.registered_by, source_label=source_label, rework_count=repair.rework_count,
        printed_at=printed_at or datetime.now().replace(microsecond=0), reprint=reprint,
    )


def sample_dispatch_slip(paper: str = "roll80") -> bytes:
    """A slip with made-up data, for ``print-test``."""
    return render_dispatch_slip(DispatchSlipData(
        property_name="阳光花园物业服务中心", property_phone="0755-12345678", number="W2026-000042",
        grade="urgent", grade_label="急修 Urgent", category_label="水路 Water", where="A-1203 张三",
        phone="13812345678", description="厨房水龙头漏水，关不紧", preferred_time="今天下午",
        registered_at=datetime(2026, 11, 23, 9, 5), due_at=datetime(2026, 11, 24, 9, 5), chargeable=True,
        rate=Decimal("30.00"), assignee="维修班 李师傅", registered_by="王芳", source_label="来电 Phone",
        printed_at=datetime(2026, 11, 23, 9, 6),
    ), copies=2, paper=paper)
