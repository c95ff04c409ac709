"""Printouts as PDF: reportlab documents with an embedded Chinese font and vector barcodes.

Everything here is pure (data in, PDF bytes out) and Qt-free; ``ui.printing`` shows and
prints the bytes, and :func:`app.printing.store.save_print` keeps a copy of each attempt.
"""

from app.printing.fonts import FONT_NAME, register_fonts

__all__ = ["FONT_NAME", "register_fonts"]
