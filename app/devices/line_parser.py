"""Bytes from a scanner → scans or errors: a pure, incremental parser (no I/O, no threads).

``LineParser.feed(chunk, now)`` accepts whatever the serial port delivered — half a code,
three codes, a terminator split from its line — and returns the finished ``ScanEvent`` /
``ScanError`` objects in order. Time is passed in, so the idle timeout and the double-read
filter are testable without sleeping.

What counts as a line end: CR, LF and CRLF are all accepted whatever the configured
terminator (many scanners are set to CRLF while the manual says CR; an empty line between
CR and LF is simply ignored). The configured terminator decides what happens to bytes that
are *not* followed by a line end:

- ``CR`` / ``LF`` / ``CRLF``: after ``partial_timeout`` of silence they are an incomplete
  scan (a glitch, a half-read code) and are dropped with an error — never glued to the
  next code.
- ``none``: after ``idle_timeout`` of silence they *are* the code (scanners without a
  terminator send a code in one burst).

Every line is then checked in this order: length (over 256 characters → error, and
everything up to the next line end is skipped), decoding (UTF-8, else GBK, else GB18030),
prefix, AIM symbology identifier (``]C1`` …), suffix, surrounding blanks, control
characters (garbage), and the double-read filter. Nothing here raises on any input.
"""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.devices.recognition import Recognition

MAX_LINE_CHARS = 256
#: A UTF-8 character is at most 4 bytes: past this many bytes a line is surely too long,
#: so the buffer stops growing even if a scanner streams without ever sending a line end.
MAX_LINE_BYTES = MAX_LINE_CHARS * 4
DOUBLE_READ_WINDOW = 1.0  # s
PARTIAL_LINE_TIMEOUT = 1.0  # s
RAW_KEEP = 300  # bytes of a rejected line kept for the log

CR, LF = 0x0D, 0x0A
GS = "\x1d"  # GS1 barcodes separate fields with it (FNC1): part of the code, not garbage

#: AIM symbology identifiers (ISO/IEC 15424): "]" + code character + modifier character.
AIM_RE = re.compile(r"\]([A-Za-z])([0-9A-Za-z])")
SYMBOLOGIES: dict[str, str] = {
    "A": "code39", "C": "code128", "E": "ean-upc", "F": "codabar", "G": "code93",
    "H": "code11", "I": "itf", "K": "code16k", "L": "pdf417", "M": "msi", "N": "anker",
    "O": "codablock", "P": "plessey", "Q": "qr", "R": "s2of5-2bar", "S": "s2of5",
    "T": "code49", "U": "maxicode", "X": "other", "Y": "system-expansion", "Z": "non-barcode",
    "d": "datamatrix", "e": "gs1-databar", "o": "ocr", "z": "aztec",
}


def symbology_name(aim_id: str) -> str:
    """``"]C1"`` → ``"code128"``, ``"]E0"`` → ``"ean13"``, ``"]E4"`` → ``"ean8"``."""
    code, modifier = aim_id[1], aim_id[2]
    if code == "C" and modifier == "1":
        return "gs1-128"  # Code 128 with FNC1 in first position
    if code == "E":
        return {"0": "ean13", "4": "ean8"}.get(modifier, "ean-upc")
    return SYMBOLOGIES.get(code, f"aim-{code}")


@dataclass(frozen=True)
class ScanEvent:
    """One code read by a scanner.

    ``raw`` is the line as received (without its line end); ``text`` what remains after
    decoding and stripping prefix, AIM identifier and suffix. ``at`` is the monotonic time
    the line was complete. ``recognition`` is filled by whoever applies the rules
    (``SerialScanner`` does).
    """

    text: str
    raw: bytes
    encoding: str  # "ascii", "utf-8", "gbk" or "gb18030"
    symbology: str | None = None  # "code128", "ean13", "qr", … (from the AIM identifier)
    aim_id: str | None = None  # "]C1"
    at: float = 0.0
    source: str = ""  # the scanner's name
    recognition: Recognition | None = None

    @property
    def kind(self) -> str:
        """What the code is (``key_tag``, ``visitor_badge`` …; ``unknown`` before/without rules)."""
        return self.recognition.kind if self.recognition is not None else "unknown"


@dataclass(frozen=True)
class ScanError:
    """Input that did not become a scan, or a port problem. ``key`` selects the message.

    Keys: ``scan.too_long``, ``scan.decoding``, ``scan.garbage``, ``scan.empty``,
    ``scan.partial``, ``scan.double_read``; ``scanner.open_failed``,
    ``scanner.disconnected``, ``scanner.failed`` (from ``SerialScanner``).
    """

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    raw: bytes = b""
    at: float = 0.0
    source: str = ""

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.key} {self.params} raw={escape_bytes(self.raw[:80])}"


Event = ScanEvent | ScanError


def escape_bytes(data: bytes) -> str:
    r"""Bytes shown unambiguously in ASCII: printable ASCII as is, ``\r``, ``\n``, ``\t``, ``\\``, ``\xNN``."""
    out = []
    for b in data:
        if b == 0x5C:
            out.append("\\\\")
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
        elif b == CR:
            out.append("\\r")
        elif b == LF:
            out.append("\\n")
        elif b == 0x09:
            out.append("\\t")
        else:
            out.append(f"\\x{b:02x}")
    return "".join(out)


def decode_line(raw: bytes) -> tuple[str, str] | None:
    """``(text, encoding)``: ASCII, else UTF-8, else GBK, else GB18030; None if none fits.

    UTF-8 comes first because a valid multi-byte UTF-8 sequence is very unlikely to be
    accidental, while almost any byte pair is *some* GBK character. GB18030 after GBK only
    adds its four-byte sequences (rare characters such as 㐀).
    """
    if raw.isascii():
        return raw.decode("ascii"), "ascii"
    for encoding in ("utf-8", "gbk", "gb18030"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


def _garbage_char(ch: str) -> bool:
    # Cc: control characters (line noise shows up as NUL, 0x7F…); Co: private use and
    # Cn: unassigned — what random bytes decode to in GBK's user-defined areas; Cs: surrogates.
    # U+FFFD: something upstream already failed to decode it.
    return ch != GS and (ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs"))


class LineParser:
    """Incremental parser for one scanner's byte stream.

    Not thread-safe: one reader thread owns it. ``source`` (the scanner's name) is copied
    into every event.
    """

    def __init__(self, terminator: str = "CR", *, prefix: str = "", suffix: str = "",
                 idle_timeout: float = 0.1, partial_timeout: float = PARTIAL_LINE_TIMEOUT,
                 max_chars: int = MAX_LINE_CHARS, double_read_window: float = DOUBLE_READ_WINDOW,
                 source: str = ""):
        self.terminator = terminator
        self.prefix = prefix
        self.suffix = suffix
        self.idle_timeout = idle_timeout
        self.partial_timeout = partial_timeout
        self.max_chars = max_chars
        self.max_bytes = max_chars * 4
        self.double_read_window = double_read_window
        self.source = source
        self._buf = bytearray()
        self._discarding = False  # inside an over-long line: skip to the next line end
        self._last_byte_at: float | None = None
        self._recent: dict[str, float] = {}  # text → time of its last accepted scan

    @classmethod
    def for_config(cls, config: Any, source: str | None = None) -> LineParser:
        """A parser for a ``ScannerConfig``."""
        return cls(config.terminator, prefix=config.prefix, suffix=config.suffix,
                   idle_timeout=config.idle_timeout_ms / 1000.0,
                   source=config.name if source is None else source)

    @property
    def pending(self) -> bool:
        """Bytes of an unfinished line are waiting."""
        return bool(self._buf) or self._discarding

    @property
    def timeout(self) -> float:
        """Silence after which unfinished bytes are flushed (see the module docstring)."""
        return self.idle_timeout if self.terminator == "none" else self.partial_timeout

    def next_deadline(self) -> float | None:
        """When ``flush_idle`` will have something to do, or None."""
        if not self.pending or self._last_byte_at is None:
            return None
        return self._last_byte_at + self.timeout

    def reset(self) -> None:
        """Forget an unfinished line (the port was reopened: its start is lost)."""
        self._buf.clear()
        self._discarding = False
        self._last_byte_at = None

    def feed(self, data: bytes, now: float | None = None) -> list[Event]:
        """Take the next chunk of bytes; return the scans and errors it completed."""
        now = time.monotonic() if now is None else now
        out = self.flush_idle(now)  # a long pause before this chunk ends the previous code
        if not data:
            return out
        self._last_byte_at = now
        start = 0
        for i, b in enumerate(data):
            if b != CR and b != LF:
                continue
            self._take(data[start:i], now, out)
            self._end_line(now, out)
            start = i + 1
        self._take(data[start:], now, out)
        return out

    def flush_idle(self, now: float | None = None) -> list[Event]:
        """Call regularly (the reader does, between reads): handles the silence after bytes."""
        now = time.monotonic() if now is None else now
        deadline = self.next_deadline()
        if deadline is None or now < deadline:
            return []
        out: list[Event] = []
        if self._discarding:
            self.reset()  # the over-long line was already reported
        elif self.terminator == "none":
            raw = bytes(self._buf)
            self.reset()
            self._line(raw, self._last_byte_at or now, out)
        else:
            raw = bytes(self._buf)
            self.reset()
            out.append(ScanError("scan.partial", {"length": len(raw)}, raw[:RAW_KEEP], now, self.source))
        return out

    # -- internals ---------------------------------------------------------------------

    def _take(self, part: bytes, now: float, out: list[Event]) -> None:
        if not part or self._discarding:
            return
        self._buf += part
        if len(self._buf) > self.max_bytes:
            # Report now (the user sees it while the junk is still arriving), then skip
            # everything up to the next line end: that is where the stream is in step again.
            out.append(ScanError("scan.too_long", {"max": self.max_chars, "length": len(self._buf)},
                                 bytes(self._buf[:RAW_KEEP]), now, self.source))
            self._buf.clear()
            self._discarding = True

    def _end_line(self, now: float, out: list[Event]) -> None:
        if self._discarding:
            self._discarding = False
            self._buf.clear()
            return
        raw = bytes(self._buf)
        self._buf.clear()
        if raw:  # CRLF, or a scanner sending a blank line: nothing to report
            self._line(raw, now, out)

    def _line(self, raw: bytes, now: float, out: list[Event]) -> None:
        result = self.parse_line(raw, now)
        if result is not None:
            out.append(result)

    def parse_line(self, raw: bytes, now: float) -> Event | None:
        """Turn one complete line (no line end) into a scan or an error; None for a blank line."""
        if not raw:
            return None
        decoded = decode_line(raw)
        if decoded is None:
            return ScanError("scan.decoding", {}, raw[:RAW_KEEP], now, self.source)
        text, encoding = decoded
        if len(text) > self.max_chars:
            return ScanError("scan.too_long", {"max": self.max_chars, "length": len(text)},
                             raw[:RAW_KEEP], now, self.source)
        return self.parse_text(text, encoding, raw, now)

    def parse_text(self, text: str, encoding: str, raw: bytes, now: float) -> Event:
        """The checks after decoding; also used for text typed by a keyboard-wedge scanner."""
        if self.prefix and text.startswith(self.prefix):
            text = text[len(self.prefix):]
        aim_id = symbology = None
        m = AIM_RE.match(text)
        if m:
            aim_id = m.group(0)
            symbology = symbology_name(aim_id)
            text = text[m.end():]
        if self.suffix and text.endswith(self.suffix):
            text = text[: -len(self.suffix)]
        text = text.strip(" \t")
        if not text:
            return ScanError("scan.empty", {}, raw[:RAW_KEEP], now, self.source)
        bad = next((c for c in text if _garbage_char(c)), None)
        if bad is not None:
            return ScanError("scan.garbage", {"char": f"U+{ord(bad):04X}"}, raw[:RAW_KEEP], now, self.source)
        if len(text) > self.max_chars:
            return ScanError("scan.too_long", {"max": self.max_chars, "length": len(text)},
                             raw[:RAW_KEEP], now, self.source)
        # Double read: a scanner (or a shaky hand) reading the same code twice in a second.
        # Measured from the last *accepted* read, so a code held under a scanner in
        # continuous mode is accepted again once a second, not never.
        last = self._recent.get(text)
        if last is not None and 0 <= now - last < self.double_read_window:
            return ScanError("scan.double_read", {"text": text, "seconds": f"{self.double_read_window:g}"},
                             raw[:RAW_KEEP], now, self.source)
        self._recent[text] = now
        if len(self._recent) > 64:
            self._recent = {t: at for t, at in self._recent.items() if now - at < self.double_read_window}
        return ScanEvent(text=text, raw=raw, encoding=encoding, symbology=symbology, aim_id=aim_id,
                         at=now, source=self.source)
