"""``reception scan-test``: read a scanner and print what the program makes of each code.

For the person setting up a counter: plug the scanner in, run
``reception scan-test --port COM3`` and scan a few tags. Each scan is one JSON line on
standard output::

    {"raw": "]C1K00012345", "text": "K00012345", "kind": "key_tag", "symbology": "gs1-128",
     "aim_id": "]C1", "encoding": "ascii", "scanner": "COM3", "time": "2026-03-09 10:21:07.412",
     "rule": "^K\\d{4,8}$"}

A parcel's line also says whose number it is (the carrier table, ``parcels.carrier_rules``)::

    {"text": "RA123456785CN", "kind": "parcel", …, "carrier": "ems",
     "carrier_name": "EMS / China Post", "carrier_name_zh": "EMS / 中国邮政",
     "check_digit": "ok", "ambiguous_with": []}

``check_digit`` is ``"ok"``, ``"failed"`` (a probable misread) or ``"none"`` (the format
has no check digit); ``carrier`` is ``"other"`` for a number no carrier rule knows.

``raw`` is the line as received (without its line end) with non-printable bytes escaped
(``\\x02``, ``\\r``). Input that is not a scan gives a line with ``"error"`` (the message key)
and ``"message"``. Port events (disconnected, reconnecting…) go to standard error, so the
standard output stays one JSON object per line. It ends after ``--count`` scans, or on
Ctrl+C, with status 0; a port that cannot be opened gives a message and status 1.

The kinds and carriers come from the rules in the database when one exists (``--db``, ``RECEPTION_DB``
or the per-user file) — the same rules the counter uses — otherwise from the defaults.
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
from datetime import datetime
from typing import Any, TextIO

from app.devices.line_parser import ScanError, ScanEvent, escape_bytes
from app.devices.recognition import Rule, default_rules, rules_from_data
from app.devices.scanner_config import BAUDRATES, ScannerConfig, load_scanners
from app.devices.serial_reader import PortOpenError, SerialScanner
from app.errors import DomainError
from app.parcels.carriers import CarrierRule, carrier_rules_from_data

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

#: English sentences for the scanner's message keys (the GUI has translated ones).
MESSAGES: dict[str, str] = {
    "scan.too_long": "the code is longer than {max} characters ({length}); skipped up to the next line end",
    "scan.decoding": "the bytes are neither UTF-8 nor GBK/GB18030 text",
    "scan.garbage": "the code contains a control or invalid character ({char}): line noise or wrong baud rate?",
    "scan.empty": "nothing left after removing the prefix, suffix and code identifier",
    "scan.partial": "an incomplete code ({length} bytes without a line end) was dropped",
    "scan.double_read": "{text} was read twice within {seconds} s; the second read was ignored",
    "scanner.open_failed": "cannot open {port}: {reason}",
    "scanner.disconnected": "{port} disconnected: {reason}",
    "scanner.failed": "the scanner on {port} failed: {reason}",
    "scanner.config_invalid": "the scanner settings file {path} is damaged: {reason}",
}


def message(key: str, params: dict[str, Any]) -> str:
    template = MESSAGES.get(key, key)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """The ``scan-test`` subcommand's options (called from ``app.cli``)."""
    p = sub.add_parser("scan-test", help="read a barcode scanner and print each scan as JSON")
    p.add_argument("--port", required=True, metavar="PORT",
                   help="COM3, /dev/ttyUSB0, a pyserial URL (socket://host:port, loop://) "
                        "or the name of a scanner configured on this PC")
    p.add_argument("--baud", type=int, default=None, choices=BAUDRATES, metavar="N",
                   help="baud rate (default 9600, or the configured scanner's)")
    p.add_argument("--count", type=int, default=0, metavar="N",
                   help="exit after N scans (default: run until Ctrl+C)")
    p.add_argument("--terminator", choices=("CR", "LF", "CRLF", "none"), default=None,
                   help="line end the scanner sends (CR, LF and CRLF are all accepted; "
                        "'none' ends a code after --idle-ms of silence)")
    p.add_argument("--idle-ms", type=int, default=None, metavar="MS",
                   help="with --terminator none: silence that ends a code (default 100)")
    p.add_argument("--prefix", default=None, help="prefix to strip (\\x02 style escapes allowed)")
    p.add_argument("--suffix", default=None, help="suffix to strip")
    p.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                   help="database whose recognition rules to use")
    return p


def _config(args: argparse.Namespace) -> ScannerConfig:
    from dataclasses import replace

    from app.devices.scanner_config import unescape_affix

    base = None
    try:
        base = next((s for s in load_scanners() if s.name == args.port), None)
    except DomainError:
        base = None  # a damaged settings file: the port given is used as is
    config = base or ScannerConfig(name=args.port, port=args.port)
    changes: dict[str, Any] = {"enabled": True}
    if args.baud is not None:
        changes["baudrate"] = args.baud
    if args.terminator is not None:
        changes["terminator"] = args.terminator
    if args.idle_ms is not None:
        changes["idle_timeout_ms"] = args.idle_ms
    if args.prefix is not None:
        changes["prefix"] = unescape_affix(args.prefix)
    if args.suffix is not None:
        changes["suffix"] = unescape_affix(args.suffix)
    config = replace(config, **changes)
    # The name is only a label here (the port itself when none is configured), however long.
    return replace(replace(config, name="scan-test").validate(), name=config.name)


def _rules(args: argparse.Namespace, err: TextIO) -> tuple[list[Rule], list[CarrierRule] | None]:
    """The database's recognition rules and carrier table if there is a database to read,
    else the defaults (``None`` for the carrier table).

    Read only: nothing is created or migrated (a test of a scanner must not touch data).
    """
    from app.startup import resolve_db_url
    from db.engine import Database, sqlite_path

    url = resolve_db_url(getattr(args, "db", None))
    try:
        path = sqlite_path(url)
    except Exception:  # noqa: BLE001 - not a URL we understand: reported as "defaults"
        path = None
    else:
        if path is not None and not path.exists():
            return default_rules(), None
    try:
        from sqlalchemy import select

        from db.models import Setting

        db = Database.open(url)
        try:
            with db.read() as s:
                stored = dict(s.execute(select(Setting.key, Setting.value).where(
                    Setting.key.in_(("scanner.rules", "parcels.carrier_rules")))).all())
        finally:
            db.dispose()
        value, carriers = stored.get("scanner.rules"), stored.get("parcels.carrier_rules")
        return (rules_from_data(json.loads(value)) if value is not None else default_rules(),
                carrier_rules_from_data(json.loads(carriers)) if carriers is not None else None)
    except Exception as exc:  # noqa: BLE001 - any failure: say so and use the defaults
        err.write(f"note: recognition rules not read from the database ({type(exc).__name__}); using the defaults\n")
        return default_rules(), None


def scan_json(event: ScanEvent | ScanError) -> dict[str, Any]:
    """The JSON object printed for a scan or an input error."""
    when = datetime.now().isoformat(sep=" ", timespec="milliseconds")
    if isinstance(event, ScanEvent):
        rule = event.recognition.rule if event.recognition is not None else None
        line = {"raw": escape_bytes(event.raw), "text": event.text, "kind": event.kind,
                "symbology": event.symbology, "aim_id": event.aim_id, "encoding": event.encoding,
                "scanner": event.source, "time": when, "rule": rule.pattern if rule else None}
        carrier = event.recognition.carrier if event.recognition is not None else None
        if carrier is not None:
            line.update({"carrier": carrier.carrier, "carrier_name": carrier.name_en,
                         "carrier_name_zh": carrier.name_zh, "check_digit": carrier.check_digit,
                         "ambiguous_with": list(carrier.ambiguous_with)})
        return line
    return {"error": event.key, "message": message(event.key, event.params), "raw": escape_bytes(event.raw),
            "scanner": event.source, "time": when}


def run_scan_test(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    if hasattr(out, "reconfigure"):
        try:  # a Windows console in cp936 must not die on a character it lacks
            out.reconfigure(errors="backslashreplace", line_buffering=True)
        except (ValueError, OSError):
            pass
    if args.count < 0:
        err.write("--count must be 0 (no limit) or more\n")
        return EXIT_USAGE
    try:
        config = _config(args)
    except DomainError as exc:
        fields = getattr(exc, "fields", {})
        err.write("invalid scanner settings: " + "; ".join(f"{k}: {v.key}" for k, v in fields.items()) + "\n")
        return EXIT_USAGE
    rules, carriers = _rules(args, err)
    try:  # every scan error goes to the log file too (and not, twice, to the terminal)
        from app.logs import setup_logging

        setup_logging()
    except OSError:
        pass

    events: queue.Queue[tuple[str, Any]] = queue.Queue()
    scanner = SerialScanner(config, rules=rules,
                            on_scan=lambda e: events.put(("scan", e)),
                            on_error=lambda e: events.put(("error", e)),
                            on_state=lambda s: events.put(("state", s)))
    scanner.carriers = carriers
    try:
        scanner.start(fail_fast=True)
    except PortOpenError as exc:
        err.write(message(exc.key, exc.params) + "\n")
        return EXIT_FAILED
    err.write(f"reading {scanner.device or config.port} at {config.baudrate} baud "
              f"({config.bytesize}{config.parity}{config.stopbits:g}, terminator {config.terminator}); "
              "scan a code, Ctrl+C to stop\n")
    err.flush()
    scans = 0
    first_connect = True
    try:
        while not args.count or scans < args.count:
            try:
                what, item = events.get(timeout=0.2)  # a timeout so Ctrl+C is seen promptly
            except queue.Empty:
                continue
            if what == "state":
                if item != "connected" or not first_connect:
                    err.write(f"scanner {item}\n")
                    err.flush()
                first_connect = first_connect and item != "connected"
                continue
            if what == "error" and item.key.startswith("scanner."):
                err.write(message(item.key, item.params) + "\n")
                err.flush()
                continue
            out.write(json.dumps(scan_json(item), ensure_ascii=False) + "\n")
            out.flush()
            if what == "scan":
                scans += 1
    except KeyboardInterrupt:
        pass
    except BrokenPipeError:  # ``… | head``
        return EXIT_OK
    finally:
        scanner.stop()
    return EXIT_OK
