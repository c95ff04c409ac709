"""The papers printouts are made for, and which of the counter's printers takes each.

A counter has three kinds of printer: a thermal receipt printer (80 mm or 58 mm rolls, and
small labels), a card printer (CR80 cards, 85.6 × 54 mm, for passes) and an office printer
(A4 and A5 sheets). A document kind names its paper; the paper decides the printer group,
so a new document kind needs no new printer setting.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.printing.barcode import THERMAL_DPI

MM = 72.0 / 25.4
#: Card printers are 300 dpi (dye-sublimation / retransfer).
CARD_DPI = 300

#: printer groups, in the order the settings page lists them
RECEIPT_PRINTER = "receipt"
CARD_PRINTER = "card"
SHEET_PRINTER = "a4"
PRINTER_GROUPS = (RECEIPT_PRINTER, CARD_PRINTER, SHEET_PRINTER)


@dataclass(frozen=True)
class Paper:
    """One paper: its size in points, the width the printer reaches, its printer group.

    ``height`` is 0 for a roll (the page is as long as its content). ``dots`` is the
    printable width in printer dots for thermal rolls (0 elsewhere).
    """

    name: str
    width: float
    height: float
    printable_width: float
    group: str
    dpi: int = 0
    dots: int = 0

    @property
    def is_roll(self) -> bool:
        return self.height == 0

    @property
    def width_mm(self) -> float:
        return self.width / MM

    @property
    def height_mm(self) -> float:
        return self.height / MM


def _roll(name: str, width_mm: float, dots: int) -> Paper:
    # The printable width is a whole number of head dots, so a centred column starts on the
    # dot grid of a head centred on the paper.
    return Paper(name, width_mm * MM, 0.0, dots * 72.0 / THERMAL_DPI, RECEIPT_PRINTER,
                 THERMAL_DPI, dots)


#: 80 mm roll: 576 dots (72 mm) of head.
ROLL80 = Paper("roll80", 80 * MM, 0.0, 72 * MM, RECEIPT_PRINTER, THERMAL_DPI, 576)
#: 58 mm roll: 384 dots (48 mm) of head.
ROLL58 = _roll("roll58", 58, 384)
#: 60 mm die-cut labels on the receipt printer (parcel shelf labels).
LABEL60 = Paper("label60", 60 * MM, 0.0, 56 * MM, RECEIPT_PRINTER, THERMAL_DPI, 448)
A4 = Paper("a4", 210 * MM, 297 * MM, 180 * MM, SHEET_PRINTER)
A5 = Paper("a5", 148 * MM, 210 * MM, 128 * MM, SHEET_PRINTER)
#: ISO/IEC 7810 ID-1 (credit-card size), landscape; a 3 mm margin keeps text off the edge
#: most card printers cannot reach.
CR80 = Paper("cr80", 85.6 * MM, 54 * MM, 79.6 * MM, CARD_PRINTER, CARD_DPI)

PAPERS: dict[str, Paper] = {p.name: p for p in (ROLL80, ROLL58, LABEL60, A4, A5, CR80)}
#: the rolls a roll document can be rendered on (the receipt printer's paper width setting)
ROLL_WIDTHS = ("roll80", "roll58")


def paper(name: str) -> Paper:
    """The paper called ``name``; ``ValueError`` names the known ones otherwise."""
    try:
        return PAPERS[name]
    except KeyError:
        raise ValueError(f"unknown paper {name!r}; known: {', '.join(PAPERS)}") from None


def roll(name: str) -> Paper:
    """``roll80`` or ``roll58``; anything else is a ``ValueError``."""
    if name not in ROLL_WIDTHS:
        raise ValueError(f"not a roll width: {name!r} (roll80 or roll58)")
    return PAPERS[name]


def printer_group(paper_name: str) -> str:
    """Which printer takes ``paper_name``: ``receipt``, ``card`` or ``a4``.

    An unknown paper goes to the A4 printer, the one that takes most sizes.
    """
    p = PAPERS.get(paper_name)
    return p.group if p is not None else SHEET_PRINTER


def group_for_page_size(width: float, height: float) -> str:
    """The printer group for a page of ``width`` × ``height`` points (a PDF's first page).

    Used when a document's kind is not registered: roll-wide pages go to the receipt
    printer, card-sized ones to the card printer, the rest to the A4 printer.
    """
    w_mm, h_mm = width / MM, height / MM
    short, long_ = sorted((w_mm, h_mm))
    if abs(long_ - 85.6) < 1.5 and abs(short - 54) < 1.5:  # a portrait card is still a card
        return CARD_PRINTER
    if w_mm <= 82:
        return RECEIPT_PRINTER
    return SHEET_PRINTER
