"""The contractor's temporary pass (施工人员临时出入证) on a CR80 card, 85.6 × 54 mm.

Front only: the property and the title in a band, the worker's photo (or an empty frame to
stick one in), name, unit, trade, company and validity in large type, the pass number as
Code 128 (for the counter's scanner) and a QR code carrying the number and the pass's token
(so a card made up from a copied Code 128 does not verify). No ID number is printed.

Card printers are 300 dpi: bar widths are whole 300-dpi dots (3 dots = 0.254 mm modules).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from app.printing.barcode import code128_width, draw_code128
from app.printing.fonts import register_fonts, string_width
from app.printing.layout import MM

CR80 = (85.6 * MM, 54 * MM)
CARD_DPI = 300
_BAND_H = 9 * MM
_PHOTO_W, _PHOTO_H = 20 * MM, 25 * MM
_QR = 15 * MM
_M = 2.5 * MM


@dataclass(frozen=True, kw_only=True)
class PassCardData:
    property_name: str
    number: str
    qr_payload: str
    worker_name: str
    unit_code: str
    trade_label: str
    contractor_company: str = ""
    valid_from: date
    valid_to: date
    permit_number: str = ""
    photo: bytes | None = None
    title: str = "施工人员临时出入证"
    title_en: str = "CONTRACTOR PASS"
    printed_at: datetime | None = None


def _fit(text: str, width: float, size: float, minimum: float = 5.5) -> tuple[str, float]:
    """``text`` at the largest size ≤ ``size`` that fits ``width``; cut with … below ``minimum``."""
    while size > minimum and string_width(text, size) > width:
        size -= 0.5
    if string_width(text, size) <= width:
        return text, size
    while text and string_width(text + "…", size) > width:
        text = text[:-1]
    return text + "…", size


def _draw_qr(c: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """The QR code as filled rectangles straight from reportlab's encoder.

    (A ``renderPDF`` drawing would reference the un-embedded Helvetica as its default font.)
    The quiet zone is two modules: the card's white margin around it adds the rest.
    """
    widget = QrCodeWidget(payload, barLevel="M")
    qr = widget.qr
    qr.make()
    n = qr.getModuleCount()
    border = 2
    box = size / (n + 2 * border)
    c.saveState()
    c.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(qr.modules):
        col = 0
        while col < n:
            if row[col]:
                start = col
                while col < n and row[col]:
                    col += 1
                c.rect(x + (start + border) * box, y + size - (r + border + 1) * box, (col - start) * box, box,
                       stroke=0, fill=1)
            else:
                col += 1
    c.restoreState()


def render_pass_card(data: PassCardData) -> bytes:
    """The card's front as a one-page CR80 PDF (pure: the same data give the same bytes)."""
    font = register_fonts()
    buf = io.BytesIO()
    width, height = CR80
    c = Canvas(buf, pagesize=CR80, invariant=1, pageCompression=1, initialFontName=font, initialFontSize=8)
    c.setTitle(f"{data.title} {data.number}")
    c.setAuthor("Reception Desk")
    c.setCreator("Reception Desk")

    # The band: dark, white type, so the card reads as a pass from a distance.
    c.setFillColorRGB(0.08, 0.28, 0.5)
    c.rect(0, height - _BAND_H, width, _BAND_H, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    name, size = _fit(data.property_name, width - 2 * _M, 6.5)
    c.setFont(font, size)
    c.drawString(_M, height - 3.3 * MM, name)
    c.setFont(font, 10)
    c.drawString(_M, height - 7.6 * MM, data.title)
    c.setFont(font, 6.5)
    c.drawRightString(width - _M, height - 7.4 * MM, data.title_en)

    # The photo, or an empty frame for one.
    c.setFillColorRGB(0, 0, 0)
    px, py = _M, height - _BAND_H - 1.5 * MM - _PHOTO_H
    if data.photo:
        img = ImageReader(io.BytesIO(data.photo))
        c.drawImage(img, px, py, _PHOTO_W, _PHOTO_H, preserveAspectRatio=True, anchor="c", mask="auto")
    c.setLineWidth(0.4)
    c.setStrokeColorRGB(0.5, 0.5, 0.5)
    c.rect(px, py, _PHOTO_W, _PHOTO_H, stroke=1, fill=0)
    if not data.photo:
        c.setFont(font, 5.5)
        c.setFillColorRGB(0.5, 0.5, 0.5)
        c.drawCentredString(px + _PHOTO_W / 2, py + _PHOTO_H / 2, "照片 Photo")
        c.setFillColorRGB(0, 0, 0)

    # The text block, right of the photo and left of the QR code.
    tx = px + _PHOTO_W + 2.5 * MM
    tw = width - tx - _QR - _M - 1 * MM
    y = height - _BAND_H - 5.8 * MM
    text, size = _fit(data.worker_name, tw, 14, 8)
    c.setFont(font, size)
    c.drawString(tx, y, text)
    y -= 5.2 * MM
    for label, value, big in (("房号", data.unit_code, 10), ("工种", data.trade_label, 9),
                              ("单位", data.contractor_company, 7)):
        if not value:
            continue
        c.setFont(font, 6)
        c.setFillColorRGB(0.35, 0.35, 0.35)
        c.drawString(tx, y, label)
        c.setFillColorRGB(0, 0, 0)
        text, size = _fit(value, tw - 7 * MM, big)
        c.setFont(font, size)
        c.drawString(tx + 7 * MM, y, text)
        y -= 4.3 * MM
    c.setFont(font, 6)
    c.setFillColorRGB(0.35, 0.35, 0.35)
    c.drawString(tx, y, "有效期")
    c.setFillColorRGB(0.7, 0, 0)
    c.setFont(font, 8.5)
    c.drawString(tx + 7 * MM, y, f"{data.valid_from:%Y-%m-%d} 至 {data.valid_to:%Y-%m-%d}")
    c.setFillColorRGB(0, 0, 0)

    # The QR code (number + token) top right, the Code 128 along the bottom.
    _draw_qr(c, data.qr_payload, width - _M - _QR, height - _BAND_H - 1 * MM - _QR, _QR)
    bottom = 1.6 * MM
    for module_dots in (3, 2):
        if code128_width(data.number, module_dots=module_dots, dpi=CARD_DPI) <= width - 2 * _M - 18 * MM:
            break
    draw_code128(c, data.number, _M - 10 * module_dots * 72 / CARD_DPI + 1 * MM, bottom,
                 module_dots=module_dots, dpi=CARD_DPI, height_mm=7.5, font_size=6.5)
    c.setFont(font, 5.5)
    c.setFillColorRGB(0.35, 0.35, 0.35)
    if data.permit_number:
        c.drawRightString(width - _M, bottom + 4.6 * MM, f"许可证 {data.permit_number}")
    c.drawRightString(width - _M, bottom + 2.2 * MM, "过期3日内须退证或续期")
    c.drawRightString(width - _M, bottom, "Return within 3 days of expiry")
    c.showPage()
    c.save()
    return buf.getvalue()


def pass_card_data_from(view, profile, *, trade_label: str, photo: bytes | None = None,  # noqa: ANN001
                        printed_at: datetime | None = None) -> PassCardData:
    """The card of ``view`` (``app.services.permits.PassView``); validity as it admits."""
    from app.permit_rules import qr_payload

    return PassCardData(
        property_name=profile.name if profile else "", number=view.number,
        qr_payload=qr_payload(view.number, view.token), worker_name=view.worker_name, unit_code=view.unit_code,
        trade_label=trade_label, contractor_company=view.contractor_company, valid_from=view.valid_from,
        valid_to=view.effective_to, permit_number=view.permit_number, photo=photo,
        printed_at=printed_at or datetime.now().replace(microsecond=0))


def sample_pass_card() -> bytes:
    """A card with made-up data, for ``print-test``."""
    return render_pass_card(PassCardData(
        property_name="阳光花园物业服务中心", number="PC000042", qr_payload="PC000042-7K3F9Q2A",
        worker_name="陈建国", unit_code="A-1203", trade_label="水电工 Electrician",
        contractor_company="安居装饰工程有限公司", valid_from=date(2026, 3, 10), valid_to=date(2026, 4, 22),
        permit_number="RP2026-0001"))
