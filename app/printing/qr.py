"""QR codes drawn as vector squares, each module a whole number of printer dots.

reportlab's ``QrCodeWidget`` (``reportlab.graphics.barcode.qr``) does the encoding; its own
drawing scales modules to a requested size, which on a thermal head gives modules of uneven
width. Here each module is ``module_dots`` dots and every edge sits on the dot grid, like the
Code 128 bars in :mod:`app.printing.barcode`. Used where a phone or a scanner checks a
document: the verification code on a pass or a receipt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfgen.canvas import Canvas

from app.printing.barcode import THERMAL_DPI, dot_size, snap_to_dots
from app.printing.layout import Block

#: ISO/IEC 18004 asks for four modules of quiet zone on every side.
QUIET_MODULES = 4
LEVELS = ("L", "M", "Q", "H")
# Texts reportlab may put in its compact numeric / alphanumeric modes; anything else goes as
# UTF-8 bytes (reportlab would otherwise try Shift-JIS kanji mode for Chinese).
_NUMERIC = re.compile(r"[0-9]+")
_ALPHANUMERIC = re.compile(r"[-0-9A-Z $%*+./:]+")


def qr_matrix(text: str, *, level: str = "M") -> list[list[bool]]:
    """The module matrix of ``text`` (True = dark), without quiet zone, rows top first."""
    if not isinstance(text, str) or not text:
        raise ValueError("a QR code needs some text")
    if level not in LEVELS:
        raise ValueError(f"error correction level must be one of {LEVELS}, not {level!r}")
    return [list(row) for row in _encode(text, level)]


@lru_cache(maxsize=256)
def _encode(text: str, level: str) -> tuple[tuple[bool, ...], ...]:
    # reportlab's encoder is pure Python and tries all eight masks (~8-15 ms a code); a
    # document asks for its code's size before drawing it, and the same pass or receipt is
    # printed again, so each text is encoded once.
    if _NUMERIC.fullmatch(text):
        data: qrencoder.QR = qrencoder.QRNumber(text)
    elif _ALPHANUMERIC.fullmatch(text):
        data = qrencoder.QRAlphaNum(text)
    else:
        data = qrencoder.QR8bitByte(text)
    # A list of segment objects: a bare string would be taken for a list and encoded by repr.
    widget = QrCodeWidget([data], barLevel=level)
    qr = widget.qr
    try:
        if qr.version is None:
            qr.version = qr.calculate_version()
        qr.makeImpl(True, 0)  # function patterns, error correction, data under mask 0
    except Exception as exc:  # noqa: BLE001 - reportlab raises a bare Exception on overflow
        raise ValueError(f"too much text for a QR code ({len(text)} characters)") from exc
    qr.makeImpl(False, _best_mask(qr))
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


def _best_mask(qr: qrencoder.QRCode) -> int:
    """The mask pattern with the fewest penalty points (ISO/IEC 18004 §7.8.3), as
    ``QRCode.getBestMaskPattern`` picks it but on rows held as integers.

    reportlab lays the whole symbol out again for each of the eight masks and scores it cell
    by cell (~70 % of a receipt's rendering time); here the symbol laid out once under mask 0
    is unmasked and each candidate is one XOR per row. Any mask gives a valid code; the
    penalty only picks the one that reads best.
    """
    n = qr.moduleCount
    masks = _mask_rows(qr.version, n, tuple(qr.dataPosIterator()))
    rows0 = [int("".join("1" if m else "0" for m in row), 2) for row in qr.modules]
    plain = [r ^ m for r, m in zip(rows0, masks[0])]
    return min(range(8), key=lambda i: (_penalty([r ^ m for r, m in zip(plain, masks[i])], n), i))


@lru_cache(maxsize=48)
def _mask_rows(version: int, n: int, positions: tuple[tuple[int, int], ...]) -> tuple[tuple[int, ...], ...]:
    """Per mask pattern, per row: the bits the mask flips (data cells only), MSB = column 0."""
    out = []
    for pattern in range(8):
        mask = qrencoder.QRUtil.getMask(pattern)
        rows = [0] * n
        for col, row in positions:
            if mask(row, col):
                rows[row] |= 1 << (n - 1 - col)
        out.append(tuple(rows))
    return tuple(out)


_RUN = re.compile(r"0{5,}|1{5,}")


def _penalty(rows: list[int], n: int) -> int:
    """Rules 1-4 of the mask evaluation on ``rows`` (MSB = leftmost module)."""
    lines = [format(r, f"0{n}b") for r in rows]
    cols = ["".join(c) for c in zip(*lines)]
    score = 0
    for line in (*lines, *cols):
        # rule 1: runs of five or more of one colour, 3 + (length - 5)
        score += sum(len(m) - 2 for m in _RUN.findall(line))
        # rule 3: the finder-like 1:1:3:1:1 pattern with four light modules beside it
        score += 40 * (line.count("10111010000") + line.count("00001011101"))
    # rule 2: 2×2 blocks of one colour
    full = (1 << (n - 1)) - 1
    for a, b in zip(rows, rows[1:]):
        same = ~(a ^ b) & ~(a ^ (a >> 1)) & ~(b ^ (b >> 1))
        score += 3 * bin(same & full).count("1")
    # rule 4: the share of dark modules away from 50 %
    dark = sum(bin(r).count("1") for r in rows)
    score += 10 * (abs(100 * dark // (n * n) - 50) // 5)
    return score


def qr_size(text: str, *, module_dots: int = 4, dpi: int = THERMAL_DPI, level: str = "M",
            quiet_modules: int = QUIET_MODULES) -> float:
    """Width (= height) in points of the symbol, quiet zone included."""
    qr_matrix(text, level=level)  # the checks
    n = len(_encode(text, level)) + 2 * quiet_modules
    return n * module_dots * dot_size(dpi)


def draw_qr(canvas: Canvas, text: str, x: float, y: float, *, module_dots: int = 4,
            dpi: int = THERMAL_DPI, level: str = "M", quiet_modules: int = QUIET_MODULES) -> float:
    """Draw ``text`` as a QR code, lower-left corner of the quiet zone at (``x``, ``y``).

    ``x`` and ``y`` are snapped to the dot grid; runs of dark modules in a row become one
    rectangle, so no hairline seams show between them. Returns the symbol's size in points.
    """
    if not isinstance(module_dots, int) or module_dots < 1:
        raise ValueError(f"module_dots must be a whole number of dots ≥ 1, not {module_dots!r}")
    if quiet_modules < QUIET_MODULES:
        raise ValueError(f"quiet zone must be at least {QUIET_MODULES} modules")
    matrix = qr_matrix(text, level=level)
    module = module_dots * dot_size(dpi)
    n = len(matrix)
    size = (n + 2 * quiet_modules) * module
    left = snap_to_dots(x, dpi) + quiet_modules * module
    top = snap_to_dots(y, dpi) + size - quiet_modules * module
    canvas.saveState()
    canvas.setFillGray(0)
    for r, row in enumerate(matrix):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                canvas.rect(left + start * module, top - (r + 1) * module, (c - start) * module,
                            module, stroke=0, fill=1)
            else:
                c += 1
    canvas.restoreState()
    return size


@dataclass
class QRBlock(Block):
    """A centred QR code in a roll document (or any column of blocks)."""

    text: str
    module_dots: int = 4
    dpi: int = THERMAL_DPI
    level: str = "M"

    def __post_init__(self) -> None:
        qr_matrix(self.text, level=self.level)  # refuse what cannot be encoded up front

    def height(self, width: float) -> float:
        return qr_size(self.text, module_dots=self.module_dots, dpi=self.dpi, level=self.level)

    def fits(self, width: float) -> bool:
        return self.height(width) <= width + 1e-6

    def draw(self, canvas: Canvas, x: float, top: float, width: float) -> None:
        size = self.height(width)
        draw_qr(canvas, self.text, x + (width - size) / 2, top - size, module_dots=self.module_dots,
                dpi=self.dpi, level=self.level)


def fitting_qr(text: str, width: float, *, dpi: int = THERMAL_DPI, level: str = "M",
               max_module_dots: int = 4, min_module_dots: int = 3) -> QRBlock | None:
    """The largest QR block for ``text`` (modules ``max``…``min`` dots) that fits ``width``.

    None when even ``min_module_dots`` does not fit: smaller modules do not scan reliably off
    a thermal head, and the text printed beside it is the fallback.
    """
    if not text:
        return None
    for dots in range(max_module_dots, min_module_dots - 1, -1):
        try:
            block = QRBlock(text, module_dots=dots, dpi=dpi, level=level)
        except ValueError:
            return None
        if block.fits(width):
            return block
    return None
