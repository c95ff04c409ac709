"""The renovation permit (装修施工许可证) on A4, posted at the unit's door during the works.

Who, where, what and until when in large type; the fees' receipt, the approval, any
extensions; the site rules of 001 §3.8 the contractor accepts; lines for the contractor's and
the management office's signatures; the permit number as Code 128 for filing. Bilingual
labels, the same embedded font as every printout; pure (data in, bytes out).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.printing.a4_register import signature_lines
from app.printing.barcode import code128_height, code128_width, draw_code128
from app.printing.fonts import register_fonts
from app.printing.layout import format_datetime

#: The site rules the contractor signs for (001 §3.8.1 (3)–(8)).
SITE_RULES = (
    "装修施工期限一般为45天；如需延期，须于到期日前到物业管理处提交书面延期申请，过期不办理者物业管理处有权责令停工。"
    " The standard period is 45 days; an extension is requested in writing before the end date.",
    "许可证及临时出入证过期三天内须到物业管理处办理退证或续期手续，逾期将被停止施工或限制进入。"
    " The permit and passes are returned or renewed within 3 days after they end.",
    "装修现场须配备足够的灭火器（每50平方米2具）；大厦内及施工现场严禁吸烟。"
    " Two fire extinguishers per 50 m² on site; no smoking in the building.",
    "动用明火或电焊须提前到工程组办理动火证，电焊工须持证上岗。"
    " Hot work only with a hot-work permit from engineering; welders must be certified.",
    "装修材料及垃圾按护卫员指定位置装卸，不得占用公共区域，工程垃圾须即日清运。"
    " Materials and debris through the designated route; nothing in common areas; debris removed daily.",
)


@dataclass(frozen=True, kw_only=True)
class RenovationPermitData:
    property_name: str
    property_phone: str = ""
    number: str
    unit_code: str
    applicant: str
    contractor_company: str
    site_lead: str
    site_lead_phone: str = ""
    scope: str
    starts_on: date
    ends_on: date
    period_days: int
    extensions: tuple[tuple[date, date], ...] = ()  # (old end, new end)
    fee_receipt_no: str = ""
    approved_by: str = ""
    approved_at: datetime | None = None
    issued_by: str = ""
    issued_at: datetime | None = None
    passes: int = 0
    printed_at: datetime


class _Barcode(Flowable):
    def __init__(self, text: str):
        super().__init__()
        self.text = text
        self.width = code128_width(text, module_dots=3, dpi=300)
        self.height = code128_height(height_mm=10, font_size=8, dpi=300)

    def draw(self) -> None:
        draw_code128(self.canv, self.text, 0, 0, module_dots=3, dpi=300, height_mm=10, font_size=8)


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


def render_renovation_permit(data: RenovationPermitData) -> bytes:
    """The permit as a one-page A4 portrait PDF."""
    font = register_fonts()
    base = ParagraphStyle("base", fontName=font, fontSize=10, leading=13, wordWrap="CJK")
    st = {
        "sub": ParagraphStyle("sub", parent=base, fontSize=11, leading=14, alignment=1),
        "title": ParagraphStyle("title", parent=base, fontSize=22, leading=28, alignment=1),
        "en": ParagraphStyle("en", parent=base, fontSize=11, leading=14, alignment=1, textColor=colors.grey),
        "label": ParagraphStyle("label", parent=base, fontSize=9, leading=11.5, textColor=colors.Color(.3, .3, .3)),
        "value": ParagraphStyle("value", parent=base, fontSize=12, leading=15.5),
        "big": ParagraphStyle("big", parent=base, fontSize=16, leading=20),
        "rule": ParagraphStyle("rule", parent=base, fontSize=8.5, leading=11.5, leftIndent=4 * mm,
                               firstLineIndent=-4 * mm),
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=colors.grey),
        "h2": ParagraphStyle("h2", parent=base, fontSize=11, leading=14, spaceBefore=4 * mm, spaceAfter=1.5 * mm),
    }
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=f"装修施工许可证 {data.number}", author="Reception Desk",
                            creator="Reception Desk", producer="Reception Desk", invariant=1,
                            initialFontName=font, initialFontSize=10)
    width = A4[0] - 36 * mm
    story: list = [
        Paragraph(_esc(data.property_name), st["sub"]),
        Spacer(1, 2 * mm),
        Paragraph("装修施工许可证", st["title"]),
        Paragraph("RENOVATION PERMIT", st["en"]),
        Spacer(1, 5 * mm),
    ]
    days = (data.ends_on - data.starts_on).days + 1
    period = f"{data.starts_on:%Y-%m-%d} 至 {data.ends_on:%Y-%m-%d}（{days} 天 days）"
    rows = [
        ("许可证号 Permit No.", data.number, "big"),
        ("房号 Unit", data.unit_code, "big"),
        ("施工期限 Period", period, "big"),
        ("业主/租户 Owner/tenant", data.applicant, "value"),
        ("施工单位 Contractor", data.contractor_company, "value"),
        ("施工负责人 Site lead", " ".join(p for p in (data.site_lead, data.site_lead_phone) if p), "value"),
        ("装修项目 Works", data.scope, "value"),
    ]
    if data.extensions:
        rows.append(("延期 Extended", "；".join(f"{old:%Y-%m-%d} → {new:%Y-%m-%d}" for old, new in data.extensions),
                     "value"))
    rows += [
        ("收费收据 Fees receipt", data.fee_receipt_no or "—", "value"),
        ("审批 Approved by", " ".join(p for p in (data.approved_by, format_datetime(data.approved_at)) if p) or "—",
         "value"),
        ("发证 Issued by", " ".join(p for p in (data.issued_by, format_datetime(data.issued_at)) if p) or "—",
         "value"),
    ]
    table = Table([[Paragraph(_esc(lab), st["label"]), Paragraph(_esc(val), st[style])] for lab, val, style in rows],
                  colWidths=[40 * mm, width - 40 * mm])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.93, 0.93, 0.93)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    story.append(table)
    story.append(Paragraph("施工须知 Site rules", st["h2"]))
    for i, rule in enumerate(SITE_RULES, start=1):
        story.append(Paragraph(f"{i}. {_esc(rule)}", st["rule"]))
        story.append(Spacer(1, 1 * mm))
    story.append(Spacer(1, 10 * mm))
    sig = signature_lines(("施工单位（签章） Contractor", "物业管理处（盖章） Management office"), width, font,
                          st["label"], gap=10 * mm, height=14 * mm)
    story += [sig, Spacer(1, 8 * mm), _Barcode(data.number), Spacer(1, 2 * mm),
              Paragraph(_esc(f"打印 Printed {format_datetime(data.printed_at)}"
                             + (f" · {data.property_phone}" if data.property_phone else "")), st["small"])]
    doc.build(story)
    return buf.getvalue()


def permit_data_from(view, history, profile, *, printed_at: datetime | None = None) -> RenovationPermitData:  # noqa: ANN001
    """The permit of ``view`` (``PermitView``) and its steps (``PermitService.history``)."""
    approved = next((e for e in reversed(history) if e.kind == "approved"), None)
    issued = next((e for e in reversed(history) if e.kind == "issued"), None)
    return RenovationPermitData(
        property_name=profile.name if profile else "", property_phone=profile.phone if profile else "",
        number=view.number, unit_code=view.unit_code, applicant=view.applicant_name,
        contractor_company=view.contractor_company, site_lead=view.site_lead_name,
        site_lead_phone=view.site_lead_phone, scope=view.scope, starts_on=view.starts_on, ends_on=view.ends_on,
        period_days=view.period_days,
        extensions=tuple((e.old_end, e.new_end) for e in history if e.kind == "extended"),
        fee_receipt_no=view.fee_receipt_no, approved_by=approved.approver or approved.by if approved else "",
        approved_at=approved.at if approved else None, issued_by=issued.by if issued else "",
        issued_at=issued.at if issued else None, passes=view.passes_issued,
        printed_at=printed_at or datetime.now().replace(microsecond=0))


def sample_renovation_permit() -> bytes:
    """A permit with made-up data, for ``print-test``."""
    return render_renovation_permit(RenovationPermitData(
        property_name="阳光花园物业服务中心", property_phone="0755-12345678", number="RP2026-0001",
        unit_code="A-1203", applicant="张三", contractor_company="安居装饰工程有限公司", site_lead="刘伟",
        site_lead_phone="13912345678", scope="客厅吊顶、厨卫防水、全屋水电改造", starts_on=date(2026, 3, 9),
        ends_on=date(2026, 4, 22), period_days=45, fee_receipt_no="R2026-000100", approved_by="赵敏",
        approved_at=datetime(2026, 3, 6, 15, 0), issued_by="王芳", issued_at=datetime(2026, 3, 9, 9, 0),
        printed_at=datetime(2026, 3, 9, 9, 1)))
