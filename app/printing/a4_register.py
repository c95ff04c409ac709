"""A register printed on A4: a title block, tables whose header row repeats on every page,
and "page x of y" at the foot — shared by the mail register, the newspaper register, the
delivery list and the daily parcel log.

reportlab platypus with the bundled, embedded WenQuanYi font (``fonts.register_fonts``).
Pure: the same sections give the same bytes (``invariant=1``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.printing.fonts import register_fonts
from app.printing.layout import format_datetime

MARGIN = 12 * mm


@dataclass(frozen=True)
class Column:
    """A table column: its bilingual heading and its share of the width (``weight``)."""

    title: str
    weight: float = 1.0
    align: str = "left"  # left | center | right


@dataclass(frozen=True)
class Section:
    """A heading (may be empty) and a table; ``empty`` is printed when there are no rows."""

    heading: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str = "—"
    #: rows (indices) drawn in grey: ended lines, items not signed for…
    muted: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True, kw_only=True)
class RegisterDocument:
    property_name: str
    title: str
    subtitle: str = ""
    sections: tuple[Section, ...]
    footnote: str = ""
    signatures: tuple[str, ...] = ()
    printed_by: str = ""
    printed_at: datetime
    landscape: bool = False


def esc(text: str) -> str:
    """Text for a Paragraph: markup characters escaped, a line break kept as a line break."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")


def _head(text: str) -> str:
    """``日期 Date`` → Chinese above, English below."""
    e = esc(text)
    cut = e.find(" ")
    return e if cut < 0 else e[:cut] + "<br/>" + e[cut + 1:]


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=11.5, wordWrap="CJK")
    return {
        "base": base,
        "title": ParagraphStyle("title", parent=base, fontSize=15, leading=19, alignment=1, spaceAfter=1 * mm),
        "sub": ParagraphStyle("sub", parent=base, fontSize=9.5, leading=12, alignment=1),
        "h2": ParagraphStyle("h2", parent=base, fontSize=10.5, leading=13, spaceBefore=4 * mm, spaceAfter=1.5 * mm),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "cell_center": ParagraphStyle("cell_center", parent=base, fontSize=8, leading=10, alignment=1),
        "cell_right": ParagraphStyle("cell_right", parent=base, fontSize=8, leading=10, alignment=2),
        "head": ParagraphStyle("head", parent=base, fontSize=7.5, leading=9.5, alignment=1, wordWrap=None),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=colors.grey),
    }


def _numbered_canvas(font: str, page_text: str, size: tuple[float, float]):  # noqa: ANN202
    """A canvas that writes "page x of y" once the number of pages is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):  # noqa: ANN002, ANN003
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(font, 8)
                self.drawCentredString(size[0] / 2, 7 * mm, page_text.format(page=self._pageNumber, pages=total))
                super().showPage()
            super().save()

    return NumberedCanvas


def render_register(doc_data: RegisterDocument, *, page_text: str = "第 {page} / {pages} 页 Page {page} of {pages}",
                    printed_text: str = "打印 Printed") -> bytes:
    """The document as A4 PDF bytes (portrait, or landscape for wide registers)."""
    font = register_fonts()
    st = _styles(font)
    size = landscape(A4) if doc_data.landscape else A4
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=14 * mm,
        title=doc_data.title, author="Reception Desk", creator="Reception Desk", producer="Reception Desk",
        invariant=1, initialFontName=font, initialFontSize=9,
    )
    width = size[0] - 2 * MARGIN
    story: list = []
    if doc_data.property_name:
        story.append(Paragraph(esc(doc_data.property_name), st["sub"]))
    story.append(Paragraph(esc(doc_data.title), st["title"]))
    if doc_data.subtitle:
        story.append(Paragraph(esc(doc_data.subtitle), st["sub"]))
    story.append(Spacer(1, 3 * mm))
    for sec in doc_data.sections:
        block: list = []
        if sec.heading:
            block.append(Paragraph(esc(sec.heading), st["h2"]))
        if sec.rows:
            block.append(_table(sec, width, font, st))
        else:
            block.append(Paragraph(esc(sec.empty), st["base"]))
        # a heading never sits alone at the foot of a page
        story += [CondPageBreak(30 * mm), *block]
    if doc_data.footnote:
        story += [Spacer(1, 2 * mm), Paragraph(esc(doc_data.footnote), st["small"])]
    if doc_data.signatures:
        story.append(Spacer(1, 8 * mm))
        story.append(KeepTogether([signature_lines(doc_data.signatures, width, font, st["base"])]))
    printed = " ".join(p for p in (f"{printed_text} {format_datetime(doc_data.printed_at)}", doc_data.printed_by) if p)
    story += [Spacer(1, 4 * mm), Paragraph(esc(printed), st["small"])]
    doc.build(story, canvasmaker=_numbered_canvas(font, page_text, size))
    return buf.getvalue()


def _table(sec: Section, width: float, font: str, st: dict[str, ParagraphStyle]) -> Table:
    total = sum(c.weight for c in sec.columns) or 1.0
    widths = [width * c.weight / total for c in sec.columns]
    style_of = {"left": st["cell"], "center": st["cell_center"], "right": st["cell_right"]}
    body = [[Paragraph(_head(c.title), st["head"]) for c in sec.columns]]
    for i, row in enumerate(sec.rows):
        grey = i in sec.muted
        body.append([Paragraph(f'<font color="#777777">{esc(v)}</font>' if grey and v else esc(v), style_of[c.align])
                     for c, v in zip(sec.columns, row, strict=True)])
    t = Table(body, colWidths=widths, repeatRows=1)
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    t.setStyle(TableStyle(commands))
    return t


def signature_lines(names: Sequence[str], width: float, font: str, style: ParagraphStyle, *,
                    gap: float = 8 * mm, height: float = 10 * mm) -> Table:
    """Signature spaces side by side across ``width``: each name over a line to sign on
    (``height`` of room to sign), ``gap`` between them. Shared by every A4 printout."""
    cell = (width - gap * (len(names) - 1)) / len(names)
    top: list = []
    widths: list[float] = []
    for i, n in enumerate(names):
        if i:
            top.append("")
            widths.append(gap)
        top.append(Paragraph(esc(n), style))
        widths.append(cell)
    sig = Table([top, [""] * len(top)], colWidths=widths, rowHeights=[None, height])
    sig.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font)] + [
        ("LINEBELOW", (c, 1), (c, 1), 0.6, colors.black) for c in range(0, len(top), 2)]))
    return sig
