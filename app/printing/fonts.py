"""The one font every printout uses: the bundled WenQuanYi Micro Hei.

reportlab's built-in CJK font (``STSong-Light``) is only referenced, not embedded, so a PC
without Chinese fonts prints blank lines. WenQuanYi Micro Hei has TrueType outlines (reportlab
refuses CFF ones) and covers CJK, Latin, digits and ``¥``; reportlab embeds the subset of
glyphs a document uses, which keeps a slip at a few dozen kilobytes.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resources_dir

#: The name documents use in ``setFont``; also the base of the embedded subset's name.
FONT_NAME = "WenQuanYiMicroHei"
#: Inside ``resources/``; the collection's first face is the proportional Micro Hei.
FONT_FILE = Path("fonts") / "wqy-microhei.ttc"
_SUBFONT_INDEX = 0

_lock = threading.Lock()
_registered = False


def font_path() -> Path:
    """The bundled ``.ttc`` file."""
    return resources_dir() / FONT_FILE


def register_fonts() -> str:
    """Register the bundled font with reportlab (once per process) and return its name.

    Safe to call before every document and from several threads.
    """
    global _registered
    # Called for every string width (hundreds of times a slip): once registered, no lock and
    # no look-up in reportlab's list of fonts, which it rebuilds on every call.
    if _registered:
        return FONT_NAME
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            path = font_path()
            if not path.is_file():
                raise FileNotFoundError(f"bundled font missing: {path}")
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=_SUBFONT_INDEX))
        _registered = True
    return FONT_NAME


def _font() -> TTFont:
    register_fonts()
    return pdfmetrics.getFont(FONT_NAME)


def missing_glyphs(text: str) -> list[str]:
    """The distinct characters of ``text`` the font cannot draw (they would print as boxes).

    Rare name characters outside the Basic Multilingual Plane (𠮷) are the usual case.
    """
    cmap = _font().face.charToGlyph
    seen: list[str] = []
    for ch in text:
        if ch.isspace() or ch in seen:
            continue
        if ord(ch) not in cmap:
            seen.append(ch)
    return seen


def string_width(text: str, size: float) -> float:
    """Width of ``text`` in points at ``size`` in the bundled font."""
    return pdfmetrics.stringWidth(text, register_fonts(), size)


def ascent(size: float) -> float:
    """Height above the baseline of the font's tallest glyphs at ``size``, in points."""
    return _font().face.ascent * size / 1000.0


def descent(size: float) -> float:
    """Depth below the baseline at ``size``, in points (a positive number)."""
    return -_font().face.descent * size / 1000.0
