"""Pieces shared by the receipt printouts: QR code, amounts, method names.

The QR code is drawn with reportlab's own encoder (``reportlab.graphics.barcode.qr``) with
modules of whole printer dots, like the Code 128 bars, so a thermal head prints it crisp.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfgen.canvas import Canvas

from app.printing.barcode import THERMAL_DPI, dot_size, snap_to_dots
from app.printing.fonts import register_fonts, string_width
from app.printing.layout import MM, Block, _draw_lines, _line_height
from app.receipt_rules import format_money

#: Printed names of the payment methods (the printout is bilingual whatever the UI language).
METHOD_LABELS = {
    "cash": "现金 Cash",
    "wechat": "微信支付 WeChat Pay",
    "alipay": "支付宝 Alipay",
    "card": "银行卡 Bank card",
    "transfer": "转账 Transfer",
}
QR_BORDER = 4  # modules of quiet zone, as the QR standard asks


def method_label(method: str) -> str:
    return METHOD_LABELS.get(method, method)


def money(value: Decimal) -> str:
    """``¥1,234.50`` — every amount on paper."""
    return format_money(value)


def _qr_widget(text: str) -> QrCodeWidget:
    widget = QrCodeWidget(text, barLevel="M", barBorder=QR_BORDER)
    widget.qr.make()
    return widget


def qr_size(text: str, *, module_dots: int = 5, dpi: int = THERMAL_DPI) -> float:
    """Side of the QR code in points, quiet zone included."""
    modules = _qr_widget(text).qr.getModuleCount() + 2 * QR_BORDER
    return modules * module_dots * dot_size(dpi)


def draw_qr(canvas: Canvas, text: str, x: float, y: float, *, module_dots: int = 5,
            dpi: int = THERMAL_DPI) -> float:
    """Draw ``text`` as a QR code with its lower-left corner at (``x``, ``y``); returns its side.

    Modules are drawn as rectangles on the printer's dot grid (runs of dark modules in a row
    merged); reportlab's graphics renderer is not used because it would reference Helvetica,
    a font that is not embedded.
    """
    qr = _qr_widget(text).qr
    count = qr.getModuleCount()
    module = module_dots * dot_size(dpi)
    side = (count + 2 * QR_BORDER) * module
    left, bottom = snap_to_dots(x, dpi), snap_to_dots(y, dpi)
    canvas.saveState()
    canvas.setFillGray(0)
    for r, row in enumerate(qr.modules):
        top = bottom + side - (QR_BORDER + r + 1) * module
        c = 0
        while c < count:
            if row[c]:
                start = c
                while c < count and row[c]:
                    c += 1
                canvas.rect(left + (QR_BORDER + start) * module, top, (c - start) * module, module, stroke=0, fill=1)
            else:
                c += 1
    canvas.restoreState()
    return side


@dataclass
class QrBlock(Block):
    """A centred QR code with a small caption under it (roll layout)."""

    text: str
    caption: str = ""
    module_dots: int = 4
    caption_size: float = 7.0

    def height(self, width: float) -> float:
        return qr_size(self.text, module_dots=self.module_dots) + (
            _line_height(self.caption_size) if self.caption else 0.0)

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        side = qr_size(self.text, module_dots=self.module_dots)
        draw_qr(canvas, self.text, x + (width - side) / 2, top - side, module_dots=self.module_dots)
        if self.caption:
            _draw_lines(canvas, [self.caption], x, top - side, width, self.caption_size, "center", False)


@dataclass
class AmountLine(Block):
    """Text on the left, an amount flush right on the same line (wrapping the text if long)."""

    text: str
    amount: str
    size: float = 9.0
    bold: bool = False
    gap: float = 2 * MM

    def _lines(self, width: float) -> list[str]:
        from app.printing.layout import wrap_text

        return wrap_text(self.text, self.size, max(width - string_width(self.amount, self.size) - self.gap, 10 * MM))

    def height(self, width: float) -> float:
        return len(self._lines(width)) * _line_height(self.size)

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        _draw_lines(canvas, self._lines(width), x, top, width, self.size, "left", self.bold)
        _draw_lines(canvas, [self.amount], x, top, width, self.size, "right", self.bold)
