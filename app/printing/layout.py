"""A small top-to-bottom layout for roll-paper slips: measure every block, then draw.

Roll paper has a fixed width and any length, so a slip is a column of blocks whose heights
are known before the page is created; the page is then exactly as long as its content.
Chinese has no spaces to break at, so wrapping here works character by character and keeps
Latin words, numbers and punctuation together where they fit.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

import io
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reportlab.pdfgen.canvas import Canvas

from app.printing.barcode import THERMAL_DPI, code128_height, code128_width, draw_code128
from app.printing.fonts import ascent, descent, register_fonts, string_width
from app.printing.pages import new_canvas
from app.printing.paper import MM, ROLL58, ROLL80, Paper, roll

#: 80 mm thermal roll: the paper, and the 72 mm the head reaches (576 dots at 203 dpi).
ROLL_80_WIDTH = ROLL80.width
ROLL_80_PRINTABLE = ROLL80.printable_width
#: 58 mm thermal roll: 384 dots (48 mm) of head.
ROLL_58_WIDTH = ROLL58.width
ROLL_58_PRINTABLE = ROLL58.printable_width
LINE_SPACING = 1.25

# Kinsoku: these never start a line / never end one.
_NO_LINE_START = set("，。、；：？！）》」』】〉”’,.;:?!)]}%·…")
_NO_LINE_END = set("（《「『【〈“‘([{¥￥$#")
# A run of Latin letters, digits and the marks inside numbers, times and codes is one word:
# "10:05", "2,315.00", "R2026-000123" never break inside unless wider than a whole line.
_TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F@&_\-+/.'#*:,]+|\s+|.", re.S)


def format_datetime(value: datetime | None) -> str:
    """``yyyy-MM-dd HH:mm``, 24-hour, whatever the locale; empty for None."""
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else ""


def _tokens(text: str) -> list[str]:
    raw = _TOKEN.findall(text)
    out: list[str] = []
    for tok in raw:
        if out and not tok.isspace() and tok[0] in _NO_LINE_START and not out[-1].isspace():
            out[-1] += tok
        elif out and not tok.isspace() and out[-1][-1:] in _NO_LINE_END and not out[-1].isspace():
            out[-1] += tok
        else:
            out.append(tok)
    return out


def wrap_text(text: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points at ``size``.

    Explicit newlines are kept; a word longer than a line is split between characters.
    """
    lines: list[str] = []
    for para in (text or "").split("\n"):
        line = ""
        for tok in _tokens(para):
            if string_width(line + tok, size) <= width:
                line += tok
                continue
            if tok.isspace():  # a space at the break point disappears
                lines.append(line.rstrip())
                line = ""
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = ""
            for ch in tok:  # the token alone is too wide: split it
                if line and string_width(line + ch, size) > width:
                    lines.append(line)
                    line = ""
                line += ch
        lines.append(line.rstrip())
    return lines


class Block(ABC):
    """One piece of the column. ``height`` is called before the page exists."""

    @abstractmethod
    def height(self, width: float) -> float:
        """How tall the block is when laid out ``width`` points wide."""

    @abstractmethod
    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        """Draw the block with its top-left corner at (``x``, ``top``)."""


@dataclass
class Spacer(Block):
    points: float

    def height(self, width: float) -> float:
        return self.points

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        pass


def _line_height(size: float) -> float:
    return size * LINE_SPACING


def _first_baseline(top: float, size: float) -> float:
    # Centre the glyph box (ascent + descent) in the first line's slot.
    slot = _line_height(size)
    return top - (slot - ascent(size) - descent(size)) / 2 - ascent(size)


def _draw_lines(canvas: Canvas, lines: Sequence[str], x: float, top: float, width: float,
                size: float, align: str, bold: bool) -> None:
    font = register_fonts()
    canvas.saveState()
    if bold:
        # The font has a single weight; stroking the outlines too gives a print-safe bold.
        canvas.setLineWidth(size * 0.025)
    baseline = _first_baseline(top, size)
    for line in lines:
        w = string_width(line, size)
        if align == "center":
            lx = x + (width - w) / 2
        elif align == "right":
            lx = x + width - w
        else:
            lx = x
        t = canvas.beginText(lx, baseline)
        t.setFont(font, size)
        t.setTextRenderMode(2 if bold else 0)
        t.textOut(line)
        canvas.drawText(t)
        baseline -= _line_height(size)
    canvas.restoreState()


@dataclass
class Paragraph(Block):
    """Wrapped text, left, centred or right aligned."""

    text: str
    size: float = 9.0
    align: str = "left"
    bold: bool = False

    def height(self, width: float) -> float:
        return len(wrap_text(self.text, self.size, width)) * _line_height(self.size)

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        _draw_lines(canvas, wrap_text(self.text, self.size, width), x, top, width,
                    self.size, self.align, self.bold)


@dataclass
class Rule(Block):
    """A horizontal line with some air above and below."""

    thickness: float = 0.75
    dashed: bool = False
    pad: float = 1.5 * MM

    def height(self, width: float) -> float:
        return 2 * self.pad + self.thickness

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        canvas.saveState()
        canvas.setLineWidth(self.thickness)
        if self.dashed:
            canvas.setDash(3, 2)
        y = top - self.pad - self.thickness / 2
        canvas.line(x, y, x + width, y)
        canvas.restoreState()


@dataclass
class Banner(Block):
    """White text on a black band: a mark nobody overlooks (e.g. REPRINT)."""

    text: str
    size: float = 14.0
    pad: float = 1.2 * MM

    def height(self, width: float) -> float:
        inner = width - 2 * self.pad
        return len(wrap_text(self.text, self.size, inner)) * _line_height(self.size) + 2 * self.pad

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        h = self.height(width)
        canvas.saveState()
        canvas.setFillGray(0)
        canvas.rect(x, top - h, width, h, stroke=0, fill=1)
        canvas.setFillGray(1)
        canvas.setStrokeGray(1)
        inner = width - 2 * self.pad
        _draw_lines(canvas, wrap_text(self.text, self.size, inner), x + self.pad,
                    top - self.pad, inner, self.size, "center", True)
        canvas.restoreState()


@dataclass
class Row(Block):
    """``label  value`` in two columns; either side wraps within its column."""

    label: str
    value: str
    label_width: float
    label_size: float = 8.0
    value_size: float = 10.0
    gap: float = 3 * MM
    bold_value: bool = False
    #: On a narrow roll: put the value under the label, full width, when that breaks it
    #: into fewer lines than beside the label (an ID number or a time kept whole).
    stack_if_wrapped: bool = False
    stack_indent: float = 3 * MM

    def _columns(self, width: float) -> tuple[list[str], list[str], float]:
        vw = max(width - self.label_width - self.gap, 10 * MM)
        return (wrap_text(self.label, self.label_size, self.label_width),
                wrap_text(self.value, self.value_size, vw), vw)

    def _stacked(self, width: float) -> tuple[list[str], list[str]] | None:
        if not self.stack_if_wrapped:
            return None
        _, values, _ = self._columns(width)
        if len(values) <= 1:
            return None
        full = wrap_text(self.value, self.value_size, width - self.stack_indent)
        if len(full) >= len(values):
            return None
        return wrap_text(self.label, self.label_size, width), full

    def height(self, width: float) -> float:
        stacked = self._stacked(width)
        if stacked is not None:
            return (len(stacked[0]) * _line_height(self.label_size)
                    + len(stacked[1]) * _line_height(self.value_size))
        labels, values, _ = self._columns(width)
        return max(len(labels) * _line_height(self.label_size),
                   len(values) * _line_height(self.value_size))

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        stacked = self._stacked(width)
        if stacked is not None:
            labels, values = stacked
            _draw_lines(canvas, labels, x, top, width, self.label_size, "left", False)
            _draw_lines(canvas, values, x + self.stack_indent,
                        top - len(labels) * _line_height(self.label_size), width - self.stack_indent,
                        self.value_size, "left", self.bold_value)
            return
        labels, values, vw = self._columns(width)
        # Align the first label's baseline with the first value's baseline.
        shift = _first_baseline(top, self.value_size) - _first_baseline(top, self.label_size)
        _draw_lines(canvas, labels, x, top + shift, self.label_width, self.label_size,
                    "left", False)
        _draw_lines(canvas, values, x + self.label_width + self.gap, top, vw,
                    self.value_size, "left", self.bold_value)


@dataclass
class WriteIn(Block):
    """A label followed by a line to write or sign on."""

    label: str
    label_width: float
    label_size: float = 8.0
    space: float = 9 * MM
    gap: float = 3 * MM

    def height(self, width: float) -> float:
        lines = wrap_text(self.label, self.label_size, self.label_width)
        return max(self.space, len(lines) * _line_height(self.label_size))

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        h = self.height(width)
        lines = wrap_text(self.label, self.label_size, self.label_width)
        text_h = len(lines) * _line_height(self.label_size)
        _draw_lines(canvas, lines, x, top - h + text_h, self.label_width, self.label_size,
                    "left", False)
        y = top - h + descent(self.label_size) + (_line_height(self.label_size)
                                                  - ascent(self.label_size)
                                                  - descent(self.label_size)) / 2
        canvas.saveState()
        canvas.setLineWidth(0.6)
        canvas.line(x + self.label_width + self.gap, y, x + width, y)
        canvas.restoreState()


@dataclass
class Code128Block(Block):
    """A centred Code 128 with its text under it, bars on the printer's dot grid."""

    text: str
    module_dots: int = 2
    dpi: int = THERMAL_DPI
    height_mm: float = 10.0
    font_size: float = 9.0

    def height(self, width: float) -> float:
        return code128_height(height_mm=self.height_mm, font_size=self.font_size, dpi=self.dpi)

    def fits(self, width: float) -> bool:
        return code128_width(self.text, module_dots=self.module_dots, dpi=self.dpi) <= width + 1e-6

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        w = code128_width(self.text, module_dots=self.module_dots, dpi=self.dpi)
        draw_code128(canvas, self.text, x + (width - w) / 2, top - self.height(width),
                     module_dots=self.module_dots, dpi=self.dpi, height_mm=self.height_mm,
                     font_size=self.font_size)


@dataclass
class RollDocument:
    """A one-page slip on roll paper: a column of blocks, page length fitted to them."""

    blocks: list[Block] = field(default_factory=list)
    page_width: float = ROLL_80_WIDTH
    printable_width: float = ROLL_80_PRINTABLE
    top_margin: float = 3 * MM
    bottom_margin: float = 5 * MM
    dpi: int = THERMAL_DPI
    title: str = ""
    on_canvas: Callable[[Canvas], None] | None = None

    @classmethod
    def on(cls, paper: str | Paper, **kwargs) -> RollDocument:
        """An empty document for the roll ``paper`` (``"roll80"``/``"roll58"`` or a Paper)."""
        p = roll(paper) if isinstance(paper, str) else paper
        return cls(page_width=p.width, printable_width=p.printable_width, **kwargs)

    def add(self, block: Block) -> Block:
        self.blocks.append(block)
        return block

    def render(self) -> bytes:
        """The PDF. ``invariant`` output: the same blocks always give the same bytes."""
        register_fonts()
        width = self.printable_width
        content = sum(b.height(width) for b in self.blocks)
        dot = 72.0 / self.dpi
        # A whole number of dots long, so vertical positions land on dot rows too.
        height = math.ceil((self.top_margin + content + self.bottom_margin) / dot) * dot
        buf = io.BytesIO()
        canvas = new_canvas(buf, (self.page_width, height), self.title)
        x = (self.page_width - width) / 2
        draw_blocks(canvas, self.blocks, x, height - self.top_margin, width)
        if self.on_canvas is not None:
            self.on_canvas(canvas)
        canvas.showPage()
        canvas.save()
        return buf.getvalue()


def blocks_height(blocks: Sequence[Block], width: float) -> float:
    """The height of ``blocks`` stacked ``width`` points wide."""
    return sum(b.height(width) for b in blocks)


def draw_blocks(canvas: Canvas, blocks: Sequence[Block], x: float, top: float, width: float) -> float:
    """Draw ``blocks`` top to bottom from (``x``, ``top``); returns the height used.

    Sheets and cards use it too: a receipt's copies on an A5 sheet are each a column of
    blocks drawn into their part of the page.
    """
    used = 0.0
    for block in blocks:
        block.draw(canvas, x, top - used, width)
        used += block.height(width)
    return used


def label_column_width(labels: Sequence[str], size: float, *, limit: float) -> float:
    """The widest of ``labels`` at ``size``, but no more than ``limit`` (longer ones wrap)."""
    widest = max((string_width(label, size) for label in labels if label), default=0.0)
    return min(widest + 0.5, limit)


def fitting_code128(text: str, width: float) -> Code128Block | None:
    """A Code 128 block for ``text`` if it can be encoded and fits ``width``, else None.

    A code too long for 2-dot modules is left as text: thinner bars (one dot) do not scan
    reliably off a thermal head; text Code 128 cannot carry is printed only as text.
    """
    if not text:
        return None
    try:
        block = Code128Block(text)
    except ValueError:
        return None
    return block if block.fits(width) else None

