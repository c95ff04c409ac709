"""Code 128 drawn as vector bars sized in whole printer dots.

python-barcode supplies the encoding only. Its image writer rasterises at an arbitrary
resolution, which on a 203 dpi thermal head gives bars of uneven width that scanners misread;
here each module is ``module_dots`` printer dots wide and every bar edge sits on the dot grid
(counted from the page's left edge), so the printer has nothing to round.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from barcode.codex import Code128
from barcode.errors import BarcodeError

from app.printing.fonts import ascent, descent, register_fonts, string_width

#: Thermal receipt printers.
THERMAL_DPI = 203
#: ISO/IEC 15417 asks for a quiet zone of at least ten modules on each side.
MIN_QUIET_MODULES = 10
_MM = 72.0 / 25.4
#: Space between the bars and the human-readable line.
_TEXT_GAP_MM = 1.0


@dataclass(frozen=True)
class Bar:
    """One dark bar: left edge and width in points, both whole printer dots."""

    x: float
    width: float


def dot_size(dpi: int = THERMAL_DPI) -> float:
    """One printer dot in points (72/dpi)."""
    if dpi <= 0:
        raise ValueError(f"dpi must be positive, not {dpi!r}")
    return 72.0 / dpi


def snap_to_dots(value: float, dpi: int = THERMAL_DPI) -> float:
    """``value`` (points) moved to the nearest printer-dot boundary."""
    return round(value * dpi / 72.0) * 72.0 / dpi


def code128_modules(text: str) -> str:
    """The module pattern of ``text`` ('1' dark, '0' light), start/check/stop included.

    Raises ``ValueError`` when Code 128 cannot carry the text (empty, Chinese, accented
    letters …); the message names the offending characters.
    """
    if not isinstance(text, str) or not text:
        raise ValueError("Code 128 needs at least one character")
    try:
        return Code128(text).build()[0]
    except BarcodeError as exc:
        raise ValueError(f"cannot encode {text!r} as Code 128: {exc}") from exc
    except (IndexError, KeyError) as exc:  # python-barcode's own edge cases
        raise ValueError(f"cannot encode {text!r} as Code 128") from exc


def _check(module_dots: int, quiet_modules: int) -> None:
    if not isinstance(module_dots, int) or module_dots < 1:
        raise ValueError(f"module_dots must be a whole number of dots ≥ 1, not {module_dots!r}")
    if quiet_modules < MIN_QUIET_MODULES:
        raise ValueError(f"quiet zone must be at least {MIN_QUIET_MODULES} modules")


def code128_bars(
    text: str,
    x: float = 0.0,
    *,
    module_dots: int = 2,
    dpi: int = THERMAL_DPI,
    quiet_modules: int = MIN_QUIET_MODULES,
) -> list[Bar]:
    """The bars of ``text`` for a symbol whose left quiet zone starts at ``x`` (points).

    ``x`` is snapped to the dot grid first; each run of dark modules becomes one bar, so
    adjacent modules never leave a hairline seam in a renderer.
    """
    _check(module_dots, quiet_modules)
    modules = code128_modules(text)
    dot = dot_size(dpi)
    start_dot = round(x / dot) + quiet_modules * module_dots
    bars: list[Bar] = []
    i = 0
    while i < len(modules):
        if modules[i] == "1":
            j = i
            while j < len(modules) and modules[j] == "1":
                j += 1
            bars.append(Bar((start_dot + i * module_dots) * dot, (j - i) * module_dots * dot))
            i = j
        else:
            i += 1
    return bars


def code128_width(
    text: str,
    *,
    module_dots: int = 2,
    dpi: int = THERMAL_DPI,
    quiet_modules: int = MIN_QUIET_MODULES,
) -> float:
    """Width in points of the whole symbol, both quiet zones included."""
    _check(module_dots, quiet_modules)
    n = len(code128_modules(text)) + 2 * quiet_modules
    return n * module_dots * dot_size(dpi)


def code128_height(
    *, height_mm: float = 12.0, font_size: float = 8.0, show_text: bool = True,
    dpi: int = THERMAL_DPI,
) -> float:
    """Height in points of what :func:`draw_code128` draws (bars plus the text line)."""
    bars = _bar_height(height_mm, dpi)
    if not show_text:
        return bars
    return bars + _TEXT_GAP_MM * _MM + ascent(font_size) + descent(font_size)


def _bar_height(height_mm: float, dpi: int) -> float:
    dot = dot_size(dpi)
    return max(1, math.ceil(height_mm * _MM / dot - 1e-9)) * dot


def draw_code128(
    canvas,  # noqa: ANN001 - reportlab.pdfgen.canvas.Canvas
    text: str,
    x: float,
    y: float,
    *,
    module_dots: int = 2,
    dpi: int = THERMAL_DPI,
    height_mm: float = 12.0,
    quiet_modules: int = MIN_QUIET_MODULES,
    font_size: float = 8.0,
    show_text: bool = True,
) -> float:
    """Draw ``text`` as Code 128 with its lower-left corner (left quiet zone) at ``(x, y)``.

    The human-readable text is centred under the bars. Returns the symbol's width in
    points, quiet zones included (the same as :func:`code128_width`). ``x`` is snapped to
    the printer's dot grid, so pass the unsnapped position and let this function round.
    """
    bars = code128_bars(text, x, module_dots=module_dots, dpi=dpi, quiet_modules=quiet_modules)
    width = code128_width(text, module_dots=module_dots, dpi=dpi, quiet_modules=quiet_modules)
    left = snap_to_dots(x, dpi)
    bar_bottom = y
    if show_text:
        bar_bottom = y + descent(font_size) + ascent(font_size) + _TEXT_GAP_MM * _MM
    bar_h = _bar_height(height_mm, dpi)
    canvas.saveState()
    canvas.setFillGray(0)
    for bar in bars:
        canvas.rect(bar.x, bar_bottom, bar.width, bar_h, stroke=0, fill=1)
    if show_text:
        font = register_fonts()
        canvas.setFont(font, font_size)
        tw = string_width(text, font_size)
        canvas.drawString(left + (width - tw) / 2, y + descent(font_size), text)
    canvas.restoreState()
    return width
