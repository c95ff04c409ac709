"""The shelf label (货架标签) for an item: Code 128 of its number, the unit and the shelf.

Stuck on items that came without a usable barcode (letters, parcel notices, damaged labels)
so they are scanned at pick-up like everything else; printable on the 80 mm roll or on a
small 60 mm label. It shows the unit and the shelf — never a name or what is inside.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.printing.layout import (
    MM,
    ROLL_58_PRINTABLE,
    ROLL_58_WIDTH,
    ROLL_80_PRINTABLE,
    ROLL_80_WIDTH,
    Code128Block,
    Paragraph,
    RollDocument,
    Row,
    Spacer,
    format_datetime,
    label_column_width,
)

#: paper name → (page width, printable width)
LABEL_PAPERS: dict[str, tuple[float, float]] = {
    "roll80": (ROLL_80_WIDTH, ROLL_80_PRINTABLE),
    "roll58": (ROLL_58_WIDTH, ROLL_58_PRINTABLE),
    "label60": (60 * MM, 56 * MM),
}


@dataclass(frozen=True, kw_only=True)
class ParcelLabelData:
    code: str
    unit_code: str = ""
    shelf: str = ""
    item_type_label: str = ""
    received_at: datetime


def _barcode(code: str, width: float) -> Code128Block | None:
    for module_dots in (2, 1):
        try:
            block = Code128Block(code, module_dots=module_dots, height_mm=9.0)
        except ValueError:
            return None
        if block.fits(width):
            return block
    return None


def render_parcel_label(data: ParcelLabelData, *, paper: str = "label60") -> bytes:
    """The label as a one-page PDF (pure: the same data give the same bytes)."""
    page_width, width = LABEL_PAPERS[paper]
    doc = RollDocument(page_width=page_width, printable_width=width, top_margin=2 * MM,
                       bottom_margin=2 * MM, title=f"{data.code}")
    doc.add(Paragraph(data.unit_code or "—", size=18, align="center", bold=True))
    barcode = _barcode(data.code, width)
    if barcode is not None:
        doc.add(Spacer(1 * MM))
        doc.add(barcode)
    else:
        doc.add(Paragraph(data.code, size=12, align="center", bold=True))
    doc.add(Spacer(1 * MM))
    rows = [("货架 Shelf", data.shelf), ("类型 Type", data.item_type_label),
            ("到达 Received", format_datetime(data.received_at))]
    rows = [r for r in rows if r[1]]
    label_w = label_column_width([r[0] for r in rows], 7, limit=width * 0.45)
    for label, value in rows:
        doc.add(Row(label, value, label_w, 7, 9, bold_value=label.startswith("货架")))
    return doc.render()


def sample_parcel_label(paper: str = "label60") -> bytes:
    return render_parcel_label(ParcelLabelData(code="M000042", unit_code="A-1203", shelf="B-03",
                                               item_type_label="挂号信", received_at=datetime(2026, 11, 23, 9, 5)),
                               paper=paper)
