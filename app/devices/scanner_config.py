"""Scanner configuration: one entry per serial scanner, saved as JSON on this PC.

Scanners are hardware plugged into *this* counter PC (COM3 here is not COM3 at the next
desk), so their settings live in ``data_dir()/scanners.json``, not in the shared database.
The recognition rules, which must be the same at every counter, are in the database
(``app.devices.recognition``).

The file also keeps the keyboard-wedge settings (``WedgeConfig``): how a scan field tells a
USB-keyboard scanner's burst from a person typing.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from app.errors import DomainError, FieldErrors

TERMINATORS = ("CR", "LF", "CRLF", "none")
PARITIES = ("N", "E", "O", "M", "S")  # pyserial's PARITY_* values
BYTESIZES = (5, 6, 7, 8)
STOPBITS = (1, 1.5, 2)
#: Rates a scanner can be set to; anything else is almost certainly a typo.
BAUDRATES = (1200, 2400, 4800, 9600, 14400, 19200, 38400, 57600, 115200, 230400, 460800, 921600)
NAME_MAX = 40
AFFIX_MAX = 16
IDLE_TIMEOUT_RANGE = (10, 5000)  # ms
FILE_VERSION = 1


@dataclass(frozen=True)
class ScannerConfig:
    """One serial scanner.

    ``port`` is a device name (``COM3``, ``/dev/ttyUSB0``) or any pyserial URL
    (``socket://host:port``, ``loop://``, ``rfc2217://…``). The defaults are what most
    scanners ship with: 9600 baud, 8N1, CR after each code.
    """

    name: str
    port: str
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1
    terminator: str = "CR"
    #: With ``terminator="none"``: a code ends after this much silence on the line.
    idle_timeout_ms: int = 100
    #: Stripped when present (many scanners can be programmed to add them, e.g. STX/ETX).
    prefix: str = ""
    suffix: str = ""
    enabled: bool = True
    #: USB identity of a USB-serial scanner: COM numbers and ttyUSB numbers change when it is
    #: plugged into another socket, so the reader re-finds the port by these when set.
    usb_vid: int | None = None
    usb_pid: int | None = None
    usb_serial: str | None = None

    @property
    def is_url(self) -> bool:
        """A pyserial URL (``socket://…``, ``loop://``) rather than a device name."""
        return "://" in self.port

    @property
    def has_usb_identity(self) -> bool:
        return self.usb_vid is not None and self.usb_pid is not None

    def validate(self) -> ScannerConfig:
        """Check every field; raise one ``ValidationError`` listing all that are wrong.

        Returns the config with the name and port trimmed.
        """
        errors = FieldErrors()
        name, port = self.name.strip(), self.port.strip()
        if not name:
            errors.add("name", "scanner.name_required")
        elif len(name) > NAME_MAX:
            errors.add("name", "text.too_long", max=NAME_MAX)
        if not port:
            errors.add("port", "scanner.port_required")
        elif any(ord(c) < 32 for c in port):
            errors.add("port", "text.control_chars")
        if not _is_int(self.baudrate) or self.baudrate not in BAUDRATES:
            errors.add("baudrate", "scanner.baudrate_invalid")
        if not _is_int(self.bytesize) or self.bytesize not in BYTESIZES:
            errors.add("bytesize", "scanner.bytesize_invalid")
        if self.parity not in PARITIES:
            errors.add("parity", "scanner.parity_invalid")
        if isinstance(self.stopbits, bool) or self.stopbits not in STOPBITS:
            errors.add("stopbits", "scanner.stopbits_invalid")
        if self.terminator not in TERMINATORS:
            errors.add("terminator", "scanner.terminator_invalid")
        lo, hi = IDLE_TIMEOUT_RANGE
        if not _is_int(self.idle_timeout_ms) or not lo <= self.idle_timeout_ms <= hi:
            errors.add("idle_timeout_ms", "scanner.idle_timeout_range", min=lo, max=hi)
        for name_, value in (("prefix", self.prefix), ("suffix", self.suffix)):
            _check_affix(errors, name_, value)
        for name_, value in (("usb_vid", self.usb_vid), ("usb_pid", self.usb_pid)):
            if value is not None and (not _is_int(value) or not 0 <= value <= 0xFFFF):
                errors.add(name_, "scanner.usb_id_invalid")
        if (self.usb_vid is None) != (self.usb_pid is None):
            errors.add("usb_vid", "scanner.usb_id_invalid")
        errors.raise_if_any()
        return replace(self, name=name, port=port)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScannerConfig:
        """Build from a saved entry; unknown keys (from a newer version) are ignored."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        return cls(**values)


@dataclass(frozen=True)
class WedgeConfig:
    """How a scan field recognises a keyboard-wedge (USB HID) scanner's burst of keys.

    With a ``prefix`` programmed into the scanner, everything after it up to the ``suffix``
    (or Enter) is a scan — the reliable way. Without one, timing decides: at least
    ``min_chars`` characters, each less than ``max_gap_ms`` after the previous, ending with
    Enter. People type 5–10 characters a second (100–200 ms apart); scanners send one every
    few milliseconds.
    """

    prefix: str = ""
    suffix: str = ""
    min_chars: int = 6
    max_gap_ms: int = 30

    def validate(self) -> WedgeConfig:
        errors = FieldErrors()
        _check_affix(errors, "prefix", self.prefix)
        _check_affix(errors, "suffix", self.suffix)
        if not _is_int(self.min_chars) or not 2 <= self.min_chars <= 64:
            errors.add("min_chars", "scanner.wedge_min_chars_range", min=2, max=64)
        if not _is_int(self.max_gap_ms) or not 5 <= self.max_gap_ms <= 200:
            errors.add("max_gap_ms", "scanner.wedge_gap_range", min=5, max=200)
        errors.raise_if_any()
        return self


@dataclass(frozen=True)
class ScannerSettings:
    """Everything in ``scanners.json``."""

    scanners: tuple[ScannerConfig, ...] = ()
    wedge: WedgeConfig = field(default_factory=WedgeConfig)

    def validate(self) -> ScannerSettings:
        """Validate each scanner and that names and ports are unique.

        A ``ValidationError``'s field names are prefixed with the scanner's position
        (``"0.port"``), so a form can show the message beside the right entry.
        """
        errors = FieldErrors()
        checked: list[ScannerConfig] = []
        for i, s in enumerate(self.scanners):
            try:
                checked.append(s.validate())
            except DomainError as exc:
                for fname, err in getattr(exc, "fields", {}).items():
                    errors.add(f"{i}.{fname}", err.key, **err.params)
                checked.append(s)
        seen_names: dict[str, int] = {}
        seen_ports: dict[str, int] = {}
        for i, s in enumerate(checked):
            key = s.name.strip().casefold()
            if key and key in seen_names:
                errors.add(f"{i}.name", "scanner.name_taken", name=s.name.strip())
            seen_names.setdefault(key, i)
            port = _port_key(s.port)
            if port and port in seen_ports and s.enabled and checked[seen_ports[port]].enabled:
                errors.add(f"{i}.port", "scanner.port_taken", port=s.port.strip())
            seen_ports.setdefault(port, i)
        try:
            wedge = self.wedge.validate()
        except DomainError as exc:
            for fname, err in getattr(exc, "fields", {}).items():
                errors.add(f"wedge.{fname}", err.key, **err.params)
            wedge = self.wedge
        errors.raise_if_any()
        return ScannerSettings(tuple(checked), wedge)

    def to_json(self) -> dict[str, Any]:
        return {"version": FILE_VERSION, "scanners": [s.to_json() for s in self.scanners],
                "wedge": asdict(self.wedge)}

    @classmethod
    def from_json(cls, data: Any) -> ScannerSettings:
        if not isinstance(data, dict) or not isinstance(data.get("scanners", []), list):
            raise ValueError("not a scanner settings object")
        scanners = tuple(ScannerConfig.from_json(d) for d in data.get("scanners", []))
        wedge_data = data.get("wedge") or {}
        known = {f.name for f in fields(WedgeConfig)}
        wedge = WedgeConfig(**{k: v for k, v in wedge_data.items() if k in known})
        return cls(scanners, wedge)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_affix(errors: FieldErrors, name: str, value: Any) -> None:
    # Control characters are allowed (STX/ETX are classic serial prefixes), line ends are not:
    # a CR or LF inside a prefix would split every scan in two.
    if not isinstance(value, str) or len(value) > AFFIX_MAX:
        errors.add(name, "text.too_long", max=AFFIX_MAX)
    elif "\r" in value or "\n" in value:
        errors.add(name, "scanner.affix_line_end")


def _port_key(port: str) -> str:
    # COM ports are case-insensitive on Windows; device paths are not, but nobody names two
    # devices apart by case.
    return port.strip().casefold()


def scanners_path() -> Path:
    from app.paths import data_dir

    return data_dir() / "scanners.json"


def load_scanner_settings(path: Path | None = None) -> ScannerSettings:
    """Read ``scanners.json``; a missing file means no scanner configured.

    A damaged file raises ``DomainError("scanner.config_invalid")`` (never a traceback):
    the caller reports it and runs without serial scanners until they are set up again.
    """
    path = path or scanners_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ScannerSettings()
    except OSError as exc:
        raise DomainError("scanner.config_invalid", path=str(path), reason=exc.strerror or str(exc)) from None
    try:
        return ScannerSettings.from_json(json.loads(text))
    except (ValueError, TypeError) as exc:
        raise DomainError("scanner.config_invalid", path=str(path), reason=str(exc)[:200]) from None


def save_scanner_settings(settings: ScannerSettings, path: Path | None = None) -> ScannerSettings:
    """Validate and write ``scanners.json`` atomically (a power cut leaves the old or the new file)."""
    settings = settings.validate()
    path = path or scanners_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(settings.to_json(), f, ensure_ascii=False, indent=2)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise DomainError("scanner.config_unwritable", path=str(path), reason=exc.strerror or str(exc)) from None
    return settings


def load_scanners(path: Path | None = None) -> list[ScannerConfig]:
    """The configured serial scanners (see ``load_scanner_settings``)."""
    return list(load_scanner_settings(path).scanners)


def save_scanners(scanners: list[ScannerConfig], path: Path | None = None) -> list[ScannerConfig]:
    """Replace the list of scanners, keeping the keyboard-wedge settings."""
    path = path or scanners_path()
    try:
        wedge = load_scanner_settings(path).wedge
    except DomainError:
        wedge = WedgeConfig()  # a damaged file is being replaced anyway
    return list(save_scanner_settings(ScannerSettings(tuple(scanners), wedge), path).scanners)


_ESCAPE_RE = re.compile(r"\\(x[0-9A-Fa-f]{2}|[rnt\\])")


def escape_affix(value: str) -> str:
    r"""How a prefix/suffix is shown in a text field: control characters as ``\x02``, ``\t``."""
    out = []
    for ch in value:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32 or ord(ch) == 127:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return "".join(out)


def unescape_affix(text: str) -> str:
    r"""The inverse of ``escape_affix``: ``\x02`` → STX, ``\t`` → tab, ``\\`` → backslash."""

    def sub(m: re.Match[str]) -> str:
        s = m.group(1)
        return {"r": "\r", "n": "\n", "t": "\t", "\\": "\\"}.get(s) or chr(int(s[1:], 16))

    return _ESCAPE_RE.sub(sub, text)
