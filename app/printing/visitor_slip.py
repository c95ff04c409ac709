"""The visitor slip (访客单) for an 80 mm thermal roll.

The visitor carries it to the host, who signs it; it comes back to the counter on the way
out, where the badge barcode signs the visit out. The document number is always printed
masked: a slip leaves the counter and ends up in bins (PIPL Art. 28).

Static texts come in as :class:`SlipLabels` so the UI can pass its translations; the
defaults are bilingual Chinese + English, which is what most counters want anyway.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import datetime

from app.printing.layout import (
    MM,
    Banner,
    fitting_code128,
    Paragraph,
    RollDocument,
    Row,
    Rule,
    Spacer,
    WriteIn,
    format_datetime,
    label_column_width,
)
from app.printing.paper import roll
from app.text import mask_document

_LABEL_SIZE = 8.0
_VALUE_SIZE = 10.0


@dataclass(frozen=True, kw_only=True)
class VisitorSlipData:
    """Everything printed on one slip, already formatted for people except the datetimes.

    ``doc_number`` is masked again on construction, so a full ID number can never reach
    paper even if a caller passes one (masking is idempotent).
    """

    property_name: str
    property_address: str = ""
    property_phone: str = ""
    visitor_name: str
    doc_type_label: str = ""
    doc_number: str = ""
    company: str = ""
    host_label: str = ""
    purpose: str = ""
    party_size: int = 1
    vehicle_plate: str = ""
    badge_number: str = ""
    time_in: datetime
    receptionist: str = ""
    printed_at: datetime
    reprint: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "doc_number", mask_document(self.doc_number or ""))


@dataclass(frozen=True)
class SlipLabels:
    """The slip's static texts. Build one from the UI's ``tr()`` strings to translate it.

    An empty ``host_signature``, ``time_out`` or ``footer`` leaves that line off the slip.
    """

    title: str = "访客单 VISITOR SLIP"
    reprint: str = "补打 / REPRINT"
    phone: str = "电话 Tel"
    visitor: str = "访客 Visitor"
    document: str = "证件 ID"
    company: str = "单位 Company"
    host: str = "被访 Host"
    purpose: str = "事由 Purpose"
    party_size: str = "人数 Party"
    vehicle: str = "车牌 Vehicle"
    time_in: str = "进入 Time in"
    badge: str = "访客证 Badge"
    host_signature: str = "被访人签字 Host signature"
    time_out: str = "离开 Time out"
    receptionist: str = "接待 Receptionist"
    printed_at: str = "打印 Printed"
    footer: str = "离开时请将此单交回前台 Please return this slip at the desk when leaving"

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        """The label names, for translation tables."""
        return tuple(f.name for f in fields(cls))

    @classmethod
    def from_mapping(cls, values: Mapping[str, str]) -> SlipLabels:
        """The defaults with ``values`` applied; an unknown key is a ``KeyError``."""
        unknown = set(values) - set(cls.keys())
        if unknown:
            raise KeyError(f"unknown slip label(s): {', '.join(sorted(unknown))}")
        return replace(cls(), **dict(values))


DEFAULT_LABELS = SlipLabels()


def _labels(labels: SlipLabels | Mapping[str, str] | None) -> SlipLabels:
    if labels is None:
        return DEFAULT_LABELS
    if isinstance(labels, SlipLabels):
        return labels
    return SlipLabels.from_mapping(labels)


def render_visitor_slip(
    data: VisitorSlipData, *, labels: SlipLabels | Mapping[str, str] | None = None,
    paper: str = "roll80",
) -> bytes:
    """The slip as a one-page PDF on the ``paper`` roll (80 mm or 58 mm), as long as its content.

    Pure: the same data and labels give the same bytes. ``labels`` may be a
    :class:`SlipLabels` or a mapping of some of its keys to replacement texts.
    """
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
    doc.add(Rule())

    document = " ".join(p for p in (data.doc_type_label, data.doc_number) if p)
    rows: list[tuple[str, str, bool]] = [
        (lab.visitor, data.visitor_name, True),
        (lab.document, document, False),
        (lab.company, data.company, False),
        (lab.host, data.host_label, True),
        (lab.purpose, data.purpose, False),
        (lab.party_size, str(data.party_size) if data.party_size else "", False),
        (lab.vehicle, data.vehicle_plate, False),
        (lab.time_in, format_datetime(data.time_in), False),
        (lab.badge, data.badge_number, True),
    ]
    rows = [r for r in rows if r[1]]
    footer_rows = [
        (lab.receptionist, data.receptionist),
        (lab.printed_at, format_datetime(data.printed_at)),
    ]
    footer_rows = [r for r in footer_rows if r[1]]
    write_ins = [t for t in (lab.host_signature, lab.time_out) if t]
    # Sized by the data rows only: the write-in labels have room to wrap, and a narrow
    # label column leaves the values (ID numbers, hosts) on one line more often.
    label_w = label_column_width(
        [r[0] for r in rows] + [r[0] for r in footer_rows], _LABEL_SIZE, limit=width * 0.4,
    )

    for label, value, bold in rows:
        doc.add(Row(label, value, label_w, _LABEL_SIZE, value_size, bold_value=bold,
                    stack_if_wrapped=narrow))
        doc.add(Spacer(0.8 * MM))

    barcode = fitting_code128(data.badge_number, width)
    if barcode is not None:
        doc.add(Spacer(1.5 * MM))
        doc.add(barcode)
        doc.add(Spacer(1 * MM))

    if write_ins:
        doc.add(Rule(dashed=True))
        for text in write_ins:
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


def slip_data_from(
    visit,  # noqa: ANN001 - app.services.visitors.VisitView
    profile,  # noqa: ANN001 - app.services.property.ProfileView | None
    operator_name: str,
    doc_type_label: str,
    reprint: bool = False,
    *,
    printed_at: datetime | None = None,
) -> VisitorSlipData:
    """The slip for a registered visit, printed by ``operator_name`` now (or ``printed_at``).

    ``doc_type_label`` is the translated name of ``visit.doc_type``; the document number
    is masked whatever the operator is allowed to see on screen.
    """
    return VisitorSlipData(
        property_name=profile.name if profile else "",
        property_address=profile.address if profile else "",
        property_phone=profile.phone if profile else "",
        visitor_name=visit.visitor_name,
        doc_type_label=doc_type_label,
        doc_number=visit.doc_number,
        company=visit.company,
        host_label=visit.host_label,
        purpose=visit.purpose,
        party_size=visit.party_size,
        vehicle_plate=visit.vehicle_plate,
        badge_number=visit.badge_number,
        time_in=visit.time_in,
        receptionist=operator_name,
        printed_at=printed_at or datetime.now().replace(microsecond=0),
        reprint=reprint,
    )
