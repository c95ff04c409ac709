"""The key loan slip (钥匙借用单) for the 80 mm roll.

Printed at check-out: the borrower signs it when the signature was not taken on screen
(then the slip is the signed paper record and stays at the counter), and the receptionist
signs the return on it. The tag's Code 128 is on it, so scanning the slip at the counter
finds the loan's key like scanning the tag does. ID numbers are always printed masked.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import datetime

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from app.printing.layout import (
    MM,
    Banner,
    Block,
    fitting_code128,
    Paragraph,
    RollDocument,
    Row,
    Rule,
    Spacer,
    WriteIn,
    format_datetime,
    label_column_width,
    wrap_text,
)
from app.printing.paper import roll
from app.text import mask_document

_LABEL_SIZE = 8.0
_VALUE_SIZE = 10.0


@dataclass(frozen=True, kw_only=True)
class KeyLoanSlipData:
    """Everything printed on one slip, formatted for people except datetimes.

    ``borrower_doc_number`` is masked on construction (idempotent), so a full ID number
    never reaches paper.
    """

    property_name: str
    property_address: str = ""
    property_phone: str = ""
    loan_number: str = ""
    tag_code: str
    key_location: str = ""
    category_label: str = ""
    quantity: int = 1
    borrower_name: str
    borrower_kind_label: str = ""
    borrower_company: str = ""
    borrower_phone: str = ""
    borrower_doc_number: str = ""
    purpose: str = ""
    out_at: datetime
    due_at: datetime
    handled_by: str = ""
    consent_by: str = ""
    manager_approver: str = ""
    gm_approver: str = ""
    engineering_repair: bool = False
    emergency: bool = False
    #: the signature drawn on screen (PNG); without it the slip has a line to sign on
    signature_png: bytes | None = None
    printed_at: datetime
    reprint: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "borrower_doc_number", mask_document(self.borrower_doc_number or ""))


@dataclass(frozen=True)
class KeySlipLabels:
    """The slip's static texts (bilingual defaults); pass translations to replace them."""

    title: str = "钥匙借用单 KEY LOAN SLIP"
    reprint: str = "补打 / REPRINT"
    phone: str = "电话 Tel"
    loan_number: str = "单号 No."
    tag: str = "钥匙牌 Tag"
    key: str = "钥匙 Key"
    quantity: str = "数量 Qty"
    borrower: str = "借用人 Borrower"
    company: str = "单位 Company"
    borrower_phone: str = "电话 Phone"
    document: str = "证件 ID"
    purpose: str = "事由 Purpose"
    out_at: str = "借出 Out"
    due_at: str = "应还 Due"
    consent: str = "同意人 Agreed by"
    manager: str = "经理批准 Manager"
    gm: str = "总经理批准 General manager"
    engineering: str = "工程维修（可过夜）Engineering repair (overnight)"
    emergency: str = "紧急情况 EMERGENCY"
    handled_by: str = "经办人 Handled by"
    borrower_signature: str = "借用人签字 Borrower's signature"
    signed_on_screen: str = "借用人签字（屏幕）Signed on screen"
    returned_at: str = "归还时间 Returned"
    received_by: str = "收回人签字 Received by"
    printed_at: str = "打印 Printed"
    footer: str = "当日归还，不得带出小区，严禁私配 Return today · Do not take off the premises · No copies"

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    @classmethod
    def from_mapping(cls, values: Mapping[str, str]) -> KeySlipLabels:
        unknown = set(values) - set(cls.keys())
        if unknown:
            raise KeyError(f"unknown slip label(s): {', '.join(sorted(unknown))}")
        return replace(cls(), **dict(values))


DEFAULT_LABELS = KeySlipLabels()


@dataclass
class ImageBlock(Block):
    """A PNG (a signature) under a small label, scaled to fit ``max_w`` × ``max_h``."""

    png: bytes
    label: str
    label_width: float
    max_w: float = 48 * MM
    max_h: float = 18 * MM
    label_size: float = _LABEL_SIZE
    gap: float = 3 * MM

    def _size(self, width: float) -> tuple[float, float]:
        w, h = ImageReader(io.BytesIO(self.png)).getSize()
        # On a 58 mm roll the value column is narrower than max_w.
        max_w = min(self.max_w, width - self.label_width - self.gap)
        scale = min(max_w / max(w, 1), self.max_h / max(h, 1))
        return w * scale, h * scale

    def height(self, width: float) -> float:
        lines = wrap_text(self.label, self.label_size, self.label_width)
        return max(self._size(width)[1], len(lines) * self.label_size * 1.25)

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        Paragraph(self.label, self.label_size).draw(canvas, x, top, self.label_width)
        w, h = self._size(width)
        canvas.drawImage(ImageReader(io.BytesIO(self.png)), x + self.label_width + self.gap, top - h, w, h,
                         mask="auto")


def _labels(labels: KeySlipLabels | Mapping[str, str] | None) -> KeySlipLabels:
    if labels is None:
        return DEFAULT_LABELS
    if isinstance(labels, KeySlipLabels):
        return labels
    return KeySlipLabels.from_mapping(labels)


def render_key_loan_slip(data: KeyLoanSlipData, *, labels: KeySlipLabels | Mapping[str, str] | None = None,
                         paper: str = "roll80") -> bytes:
    """The slip as a one-page PDF on the ``paper`` roll (80/58 mm), as long as its content. Pure."""
    lab = _labels(labels)
    width = roll(paper).printable_width
    # A 58 mm roll has two thirds of the width: smaller values and title, and a value that
    # would break beside its label goes under it instead.
    narrow = width < 60 * MM
    value_size = _VALUE_SIZE - 1 if narrow else _VALUE_SIZE
    title_size = 12 if narrow else 14
    doc = RollDocument.on(paper, title=lab.title)
    if data.reprint:
        doc.add(Banner(lab.reprint, size=14))
        doc.add(Spacer(2 * MM))
    doc.add(Paragraph(data.property_name, size=12, align="center", bold=True))
    if data.property_address:
        doc.add(Paragraph(data.property_address, size=8, align="center"))
    if data.property_phone:
        doc.add(Paragraph(f"{lab.phone} {data.property_phone}", size=8, align="center"))
    doc.add(Rule())
    doc.add(Paragraph(lab.title, size=title_size, align="center", bold=True))
    if data.emergency:
        doc.add(Spacer(1 * MM))
        doc.add(Banner(lab.emergency, size=11))
    doc.add(Rule())

    key_line = " ".join(p for p in (data.key_location, f"({data.category_label})" if data.category_label else "") if p)
    borrower = " ".join(p for p in (data.borrower_name, f"({data.borrower_kind_label})"
                                    if data.borrower_kind_label else "") if p)
    rows: list[tuple[str, str, bool]] = [
        (lab.loan_number, data.loan_number, False),
        (lab.tag, data.tag_code, True),
        (lab.key, key_line, True),
        (lab.quantity, str(data.quantity), False),
        (lab.borrower, borrower, True),
        (lab.company, data.borrower_company, False),
        (lab.borrower_phone, data.borrower_phone, False),
        (lab.document, data.borrower_doc_number, False),
        (lab.purpose, data.purpose, False),
        (lab.out_at, format_datetime(data.out_at), False),
        (lab.due_at, format_datetime(data.due_at), True),
        (lab.consent, data.consent_by, False),
        (lab.manager, data.manager_approver, False),
        (lab.gm, data.gm_approver, False),
        (lab.handled_by, data.handled_by, False),
    ]
    rows = [r for r in rows if r[1]]
    footer_rows = [(lab.printed_at, format_datetime(data.printed_at))]
    label_w = label_column_width([r[0] for r in rows] + [r[0] for r in footer_rows], _LABEL_SIZE,
                                 limit=width * 0.4)
    for label, value, bold in rows:
        doc.add(Row(label, value, label_w, _LABEL_SIZE, value_size, bold_value=bold,
                    stack_if_wrapped=narrow))
        doc.add(Spacer(0.8 * MM))
    if data.engineering_repair:
        doc.add(Paragraph(lab.engineering, size=9, bold=True))
        doc.add(Spacer(0.8 * MM))

    barcode = fitting_code128(data.tag_code, width)
    if barcode is not None:
        doc.add(Spacer(1.5 * MM))
        doc.add(barcode)
        doc.add(Spacer(1 * MM))

    doc.add(Rule(dashed=True))
    if data.signature_png:
        doc.add(ImageBlock(data.signature_png, lab.signed_on_screen, label_w))
        doc.add(Spacer(1 * MM))
    elif lab.borrower_signature:
        doc.add(WriteIn(lab.borrower_signature, label_w, _LABEL_SIZE))
        doc.add(Spacer(1 * MM))
    for text in (lab.returned_at, lab.received_by):
        if text:
            doc.add(WriteIn(text, label_w, _LABEL_SIZE))
            doc.add(Spacer(1 * MM))
    doc.add(Rule(dashed=True))
    for label, value in footer_rows:
        doc.add(Row(label, value, label_w, _LABEL_SIZE, _LABEL_SIZE + 0.5))
    if lab.footer:
        doc.add(Spacer(1.5 * MM))
        doc.add(Paragraph(lab.footer, size=8, align="center"))
    if data.reprint:
        doc.add(Spacer(1.5 * MM))
        doc.add(Paragraph(lab.reprint, size=10, align="center", bold=True))
    return doc.render()


def key_loan_slip_data_from(
    loan,  # noqa: ANN001 - app.services.keys.LoanView
    profile,  # noqa: ANN001 - app.services.property.ProfileView | None
    *,
    signature_png: bytes | None = None,
    category_label: str = "",
    borrower_kind_label: str = "",
    reprint: bool = False,
    printed_at: datetime | None = None,
) -> KeyLoanSlipData:
    """The slip of a loan; the ID number is masked whatever the operator may see."""
    return KeyLoanSlipData(
        property_name=profile.name if profile else "",
        property_address=profile.address if profile else "",
        property_phone=profile.phone if profile else "",
        loan_number=f"{loan.id:06d}", tag_code=loan.tag_code, key_location=loan.key_location,
        category_label=category_label, quantity=loan.quantity, borrower_name=loan.borrower_name,
        borrower_kind_label=borrower_kind_label, borrower_company=loan.borrower_company,
        borrower_phone=loan.borrower_phone, borrower_doc_number=loan.borrower_doc_number,
        purpose=loan.purpose, out_at=loan.out_at, due_at=loan.due_at, handled_by=loan.handled_by,
        consent_by=loan.consent_by, manager_approver=loan.manager_approver, gm_approver=loan.gm_approver,
        engineering_repair=loan.engineering_repair, emergency=loan.emergency,
        signature_png=signature_png if loan.signed_on_screen else None,
        printed_at=printed_at or datetime.now().replace(microsecond=0), reprint=reprint,
    )


def sample_key_loan_slip(paper: str = "roll80") -> bytes:
    """A slip with made-up data, for ``print-test``."""
    return render_key_loan_slip(KeyLoanSlipData(
        property_name="阳光花园物业服务中心", property_address="深圳市南山区科技路1号",
        property_phone="0755-12345678", loan_number="000042", tag_code="K00042",
        key_location="A栋天台门", category_label="公共区域", quantity=1, borrower_name="刘伟",
        borrower_kind_label="外包单位", borrower_company="深圳市安居防水工程有限公司",
        borrower_phone="13912345678", borrower_doc_number="440305199001011234",
        purpose="天台防水维修", out_at=datetime(2026, 11, 23, 9, 5), due_at=datetime(2026, 11, 23, 18, 0),
        handled_by="王芳", consent_by="工程部 李工", manager_approver="赵敏",
        printed_at=datetime(2026, 11, 23, 9, 6),
    ), paper=paper)

