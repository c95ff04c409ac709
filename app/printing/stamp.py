"""Stamps laid over a finished PDF: "补打 / REPRINT" on a reprint, "作废 / VOID" on a void.

The stamp is outlined text (stroked, not filled) drawn diagonally: thermal printers only know
black and white, so a grey watermark would vanish or black out the slip, while an outline
stays readable over the text beneath it. Every page gets it, repeated down long roll slips so
a torn-off piece still shows it. The result keeps the original pages, sizes and fonts.
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

from app.printing.fonts import register_fonts, string_width

#: The two stamps the trade uses; each is drawn as its Chinese and English words.
STAMPS: dict[str, tuple[str, str]] = {
    "reprint": ("补打", "REPRINT"),
    "void": ("作废", "VOID"),
}
_ANGLE = 30.0


def _overlay(width: float, height: float, lines: tuple[str, str]) -> bytes:
    font = register_fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(width, height))
    c.setTitle("stamp")
    # Size so the longer line spans ~70 % of the short side along the diagonal.
    side = min(width, height)
    widest = max(string_width(t, 10) for t in lines) / 10
    size = max(10.0, min(72.0, side * 0.7 / widest))
    step = max(side * 1.6, size * 4)
    y = height - side * 0.55
    positions = []
    while y > -side * 0.2:
        positions.append(y)
        y -= step
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(max(0.6, size / 40))
    for cy in positions:
        c.saveState()
        c.translate(width / 2, cy)
        c.rotate(_ANGLE)
        for i, text in enumerate(lines):
            t = c.beginText()
            t.setTextRenderMode(1)  # stroke only: an outline
            t.setFont(font, size if i == 0 else size * 0.8)
            w = string_width(text, size if i == 0 else size * 0.8)
            t.setTextOrigin(-w / 2, size * 0.15 if i == 0 else -size * 0.85)
            t.textLine(text)
            c.drawText(t)
        c.restoreState()
    c.showPage()
    c.save()
    return buf.getvalue()


def stamp_pdf(pdf_bytes: bytes, stamp: str = "reprint") -> bytes:
    """Return ``pdf_bytes`` with the named stamp (``reprint`` or ``void``) over every page."""
    if stamp not in STAMPS:
        raise ValueError(f"unknown stamp: {stamp}")
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes)))
    cache: dict[tuple[float, float], object] = {}
    for page in writer.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        key = (round(w, 2), round(h, 2))
        if key not in cache:
            cache[key] = PdfReader(io.BytesIO(_overlay(w, h, STAMPS[stamp]))).pages[0]
        page.merge_page(cache[key])
    writer.add_metadata({"/Subject": f"stamp:{stamp}"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


