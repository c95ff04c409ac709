"""Pieces shared by the receipt printouts: QR code, amounts, method names.

The QR code is the shared one of :mod:`app.printing.qr` (reportlab's encoder, modules of
whole printer dots like the Code 128 bars, so a thermal head prints it crisp).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reportlab.pdfgen.canvas import Canvas

from app.printing import qr
from app.printing.barcode import THERMAL_DPI
from app.printing.fonts import string_width
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


def qr_size(text: str, *, module_dots: int = 5, dpi: int = THERMAL_DPI) -> float:
    """Side of the QR code in points, quiet zone included."""
    return qr.qr_size(text, module_dots=module_dots, dpi=dpi, quiet_modules=QR_BORDER)


def draw_qr(canvas: Canvas, text: str, x: float, y: float, *, module_dots: int = 5,
            dpi: int = THERMAL_DPI) -> float:
    """Draw ``text`` as a QR code with its lower-left corner at (``x``, ``y``); returns its side.

    The shared vector QR of :mod:`app.printing.qr`: modules of whole printer dots, runs of
    dark modules merged, no Helvetica referenced, each text encoded once per process.
    """
    return qr.draw_qr(canvas, text, x, y, module_dots=module_dots, dpi=dpi, quiet_modules=QR_BORDER)


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
