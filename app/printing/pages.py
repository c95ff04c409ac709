"""Pages of a fixed size: A4 and A5 sheets and CR80 cards, with the one canvas setup.

Every printout's canvas comes from :func:`new_canvas`, so each one is reproducible (same data,
same bytes), compressed, titled, and never references a font it does not embed.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from app.printing.fonts import FONT_NAME, register_fonts
from app.printing.paper import A4, A5, CR80, MM, Paper, paper

CREATOR = "Reception Desk"


def new_canvas(buf: io.BytesIO, pagesize: tuple[float, float], title: str = "") -> Canvas:
    """A reportlab canvas writing to ``buf`` with the embedded font as its initial font.

    ``initialFontName`` keeps reportlab from referencing Helvetica, a base-14 font it does
    not embed; ``invariant`` drops the timestamps and ids that would make the bytes differ.
    """
    register_fonts()
    canvas = Canvas(buf, pagesize=pagesize, invariant=1, pageCompression=1,
                    initialFontName=FONT_NAME, initialFontSize=9)
    canvas.setTitle(title)
    canvas.setCreator(CREATOR)
    canvas.setProducer(CREATOR)
    return canvas


@dataclass(frozen=True)
class Frame:
    """A rectangle on a page, in points from the lower-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height


def sheet_size(name: str, *, landscape: bool = False) -> tuple[float, float]:
    """``(width, height)`` of a sheet or card in points (``"a4"``, ``"a5"``, ``"cr80"``)."""
    p = paper(name)
    if p.is_roll:
        raise ValueError(f"{name!r} is a roll, not a sheet")
    w, h = p.width, p.height
    return (max(w, h), min(w, h)) if landscape else (w, h)


def content_frame(pagesize: tuple[float, float], margin: float) -> Frame:
    """The page inside an even ``margin``."""
    w, h = pagesize
    return Frame(margin, margin, w - 2 * margin, h - 2 * margin)


def split_vertically(frame: Frame, parts: int, gap: float = 0.0) -> list[Frame]:
    """``frame`` cut into ``parts`` equal frames, top first, ``gap`` points apart.

    A receipt's copies (存根 / 客户联 …) on one A4 or A5 sheet are drawn into these,
    with a cutting line in each gap.
    """
    if parts < 1:
        raise ValueError("parts must be at least 1")
    h = (frame.height - gap * (parts - 1)) / parts
    return [Frame(frame.x, frame.top - (i + 1) * h - i * gap, frame.width, h) for i in range(parts)]


def cut_line(canvas: Canvas, y: float, x0: float, x1: float) -> None:
    """A dashed line at ``y`` to cut copies apart along."""
    canvas.saveState()
    canvas.setLineWidth(0.4)
    canvas.setDash(4, 3)
    canvas.line(x0, y, x1, y)
    canvas.restoreState()


def render_pages(pagesize: tuple[float, float], draw_pages: Iterable[Callable[[Canvas], None]],
                 *, title: str = "") -> bytes:
    """A PDF with one page per callable, each drawing on the canvas (pure if they are)."""
    buf = io.BytesIO()
    canvas = new_canvas(buf, pagesize, title)
    count = 0
    for draw in draw_pages:
        draw(canvas)
        canvas.showPage()
        count += 1
    if count == 0:
        raise ValueError("a document needs at least one page")
    canvas.save()
    return buf.getvalue()


def render_sheet(name: str, draw: Callable[[Canvas, Frame], None], *, title: str = "",
                 margin: float = 12 * MM, landscape: bool = False) -> bytes:
    """A one-page A4/A5 PDF: ``draw(canvas, frame)`` fills the page inside ``margin``."""
    size = sheet_size(name, landscape=landscape)
    frame = content_frame(size, margin)
    return render_pages(size, [lambda c: draw(c, frame)], title=title)


def render_card(draw_front: Callable[[Canvas, Frame], None],
                draw_back: Callable[[Canvas, Frame], None] | None = None, *,
                title: str = "", margin: float = 3 * MM) -> bytes:
    """A CR80 card (85.6 × 54 mm landscape): front page, and the back page if given.

    Card printers print the second page of a job on the back of a duplex card.
    """
    size = sheet_size("cr80", landscape=True)
    frame = content_frame(size, margin)
    pages = [lambda c: draw_front(c, frame)]
    if draw_back is not None:
        pages.append(lambda c: draw_back(c, frame))
    return render_pages(size, pages, title=title)


__all__ = [
    "A4", "A5", "CR80", "Frame", "Paper", "content_frame", "cut_line", "new_canvas", "render_card",
    "render_pages", "render_sheet", "sheet_size", "split_vertically",
]
