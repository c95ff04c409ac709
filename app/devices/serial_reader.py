"""A serial scanner read on a background thread, reconnecting by itself when unplugged.

``SerialScanner`` opens its port with ``serial.serial_for_url()`` — so ``loop://`` and
``socket://host:port`` work as well as ``COM3`` or ``/dev/ttyUSB0`` — reads on a daemon
thread, parses with ``LineParser`` and hands the results to plain callables:

- ``on_scan(ScanEvent)`` — with ``recognition`` filled in from ``rules``;
- ``on_error(ScanError)`` — bad input and port problems (also written to the log);
- ``on_state(state)`` — ``"connected"``, ``"reconnecting"``, ``"not_configured"``,
  ``"stopped"``; called only when the state changes.

The callbacks run on the reader thread: a GUI must hop to its own thread (``ui.scanner``
does it with a queued signal). No Qt here, so the CLI and the tests use the same reader.

Unplugging: pyserial raises ``SerialException`` (Linux: "device reports readiness to read
but returned no data"; Windows: "ClearCommError failed" while ``is_open`` stays True) or a
bare ``OSError``. Whatever it is, the port is closed, the state becomes ``reconnecting``
and opening is retried every ``retry_interval`` (0.25 s) — re-finding a USB scanner by its
VID:PID and serial number when those are configured, because Windows may give it another
COM number in another socket. A re-plugged scanner is back well within 2 s. Nothing is
ever raised out of the thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import serial

from app.devices.line_parser import Event, LineParser, ScanError, ScanEvent
from app.devices.recognition import Rule, default_rules, recognize
from app.parcels.carriers import CarrierRule
from app.devices.scanner_config import ScannerConfig
from app.errors import DomainError

log = logging.getLogger(__name__)

CONNECTED, RECONNECTING, NOT_CONFIGURED, STOPPED = "connected", "reconnecting", "not_configured", "stopped"
STATES = (CONNECTED, RECONNECTING, NOT_CONFIGURED, STOPPED)

RETRY_INTERVAL = 0.25  # s between attempts to reopen a vanished port
READ_TIMEOUT = 0.05  # s: how often the thread looks at the stop flag and the idle timer


class PortOpenError(DomainError):
    """The port could not be opened (``start(fail_fast=True)``)."""


@dataclass(frozen=True)
class DetectedPort:
    """A serial port present on this PC, with the USB identity of what is plugged in."""

    device: str
    description: str
    vid: int | None = None
    pid: int | None = None
    serial_number: str | None = None

    @property
    def usb_id(self) -> str:
        return f"{self.vid:04X}:{self.pid:04X}" if self.vid is not None and self.pid is not None else ""


def _comports() -> list:
    # Imported here, inside the callers' try: pyserial's Windows enumerator binds cfgmgr32
    # functions at import time, and where one is missing (Wine 8) the import itself fails —
    # that must cost the port list, not the program's start.
    import serial.tools.list_ports

    return serial.tools.list_ports.comports()


def detected_ports() -> list[DetectedPort]:
    """The serial ports of this PC (for the settings page's port list); [] if listing fails."""
    try:
        ports = _comports()
    except Exception:  # noqa: BLE001 - a broken driver must not break the settings page
        log.warning("listing serial ports failed", exc_info=True)
        return []
    out = [DetectedPort(p.device, p.description if p.description not in (None, "n/a") else "",
                        p.vid, p.pid, p.serial_number or None) for p in ports]
    return sorted(out, key=lambda p: p.device)


def find_usb_port(config: ScannerConfig) -> str | None:
    """The device name now carrying the scanner's USB VID:PID (and serial number, if set)."""
    if not config.has_usb_identity:
        return None
    try:
        ports = _comports()
    except Exception:  # noqa: BLE001 - enumeration failing must not stop the retry loop
        log.debug("listing serial ports failed", exc_info=True)
        return None
    for p in ports:
        if p.vid == config.usb_vid and p.pid == config.usb_pid and (
                not config.usb_serial or p.serial_number == config.usb_serial):
            return p.device
    return None


def resolve_port(config: ScannerConfig) -> str:
    """Where to open now: the configured name, unless the USB identity says it moved."""
    if config.is_url or not config.has_usb_identity:
        return config.port
    found = find_usb_port(config)
    return found or config.port


def open_port(config: ScannerConfig, port: str | None = None,
              timeout: float = READ_TIMEOUT) -> serial.SerialBase:
    """Open the scanner's port with its line settings (raises pyserial's/OS errors)."""
    return serial.serial_for_url(
        port or resolve_port(config), baudrate=config.baudrate, bytesize=config.bytesize,
        parity=config.parity, stopbits=config.stopbits, timeout=timeout,
        xonxoff=False, rtscts=False, dsrdtr=False,
        # One reader per port: a second program (or a scan-test while the counter runs)
        # would otherwise silently take half of the bytes. Windows COM ports are exclusive
        # anyway; on POSIX pyserial takes an flock.
        exclusive=True,
    )


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


class SerialScanner:
    """One scanner on one port, read on its own thread. ``start()`` / ``stop()``."""

    def __init__(self, config: ScannerConfig, *,
                 on_scan: Callable[[ScanEvent], Any] | None = None,
                 on_error: Callable[[ScanError], Any] | None = None,
                 on_state: Callable[[str], Any] | None = None,
                 rules: list[Rule] | None = None,
                 retry_interval: float = RETRY_INTERVAL,
                 read_timeout: float = READ_TIMEOUT,
                 clock: Callable[[], float] = time.monotonic):
        self.config = config
        self.on_scan = on_scan
        self.on_error = on_error
        self.on_state = on_state
        #: Replaced as a whole (``scanner.rules = new``) when a supervisor edits them:
        #: assigning a reference is atomic, so the thread never sees half a list.
        self.rules: list[Rule] = list(rules) if rules is not None else default_rules()
        #: The carrier table (app/parcels/carriers.py) for parcels; ``None``: the defaults.
        #: Replaced as a whole too.
        self.carriers: list[CarrierRule] | None = None
        self.retry_interval = retry_interval
        self.read_timeout = read_timeout
        self.clock = clock
        self.parser = LineParser.for_config(config)
        self.state = STOPPED
        #: The device actually open (differs from ``config.port`` after a USB re-find).
        self.device: str | None = None
        self._stop = threading.Event()
        self._state_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._port: serial.SerialBase | None = None

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, *, fail_fast: bool = False) -> None:
        """Start reading. A disabled or portless scanner only reports ``not_configured``.

        With ``fail_fast`` the port is opened here, in the caller's thread, and a failure
        raises ``PortOpenError`` (``scan-test`` wants to say "cannot open COM3" and stop);
        otherwise a missing port is retried in the background like an unplugged one.
        """
        if self.running:
            return
        if not self.config.enabled or not self.config.port.strip():
            self._set_state(NOT_CONFIGURED)
            return
        self._stop.clear()
        port = None
        if fail_fast:
            device = resolve_port(self.config)
            try:
                port = open_port(self.config, device, self.read_timeout)
            except (serial.SerialException, OSError, ValueError) as exc:
                raise PortOpenError("scanner.open_failed", port=self.config.port, reason=_reason(exc)) from None
            self.device = device
        self._thread = threading.Thread(target=self._run, args=(port,), name=f"scanner-{self.name}",
                                        daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop reading and close the port; returns when the thread has ended (or ``timeout``)."""
        self._stop.set()
        port = self._port
        if port is not None:
            try:
                port.cancel_read()  # wake a blocked read at once where pyserial supports it
            except Exception:  # noqa: BLE001 - not all port types can; the read timeout is short
                pass
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        self._thread = None
        self._set_state(STOPPED)  # no-op when the thread already said so

    def write(self, data: bytes) -> bool:
        """Send bytes to the scanner (a configuration command; with ``loop://``, what it
        should read back). False when the port is not open."""
        port = self._port
        if port is None:
            return False
        try:
            port.write(data)
            return True
        except (serial.SerialException, OSError, TypeError, AttributeError):
            return False

    # -- the reader thread ---------------------------------------------------------------

    def _run(self, port: serial.SerialBase | None) -> None:
        try:
            self._loop(port)
        except BaseException:  # noqa: BLE001 - the thread must end quietly whatever happens
            log.exception("scanner %s: reader thread failed", self.name)
        finally:
            self._close()
            self._set_state(STOPPED)

    def _loop(self, port: serial.SerialBase | None) -> None:
        failure_reported = False
        while not self._stop.is_set():
            if port is None:
                device = resolve_port(self.config)
                try:
                    port = open_port(self.config, device, self.read_timeout)
                except (serial.SerialException, OSError, ValueError) as exc:
                    # Reported once per outage, not every 0.25 s; the state says the rest.
                    if not failure_reported:
                        self._error(ScanError("scanner.open_failed", {"port": self.config.port,
                                                                      "reason": _reason(exc)},
                                              at=self.clock(), source=self.name))
                        failure_reported = True
                    self._set_state(RECONNECTING)
                    self._stop.wait(self.retry_interval)
                    continue
                self.device = device
            failure_reported = False
            self._port = port
            self.parser.reset()
            self._set_state(CONNECTED)
            if self.device and self.device != self.config.port and not self.config.is_url:
                log.info("scanner %s found on %s (configured %s)", self.name, self.device, self.config.port)
            try:
                self._read(port)
            except (serial.SerialException, OSError, TypeError, AttributeError) as exc:
                # TypeError/AttributeError: pyserial on a port closed under it (fd None).
                if self._stop.is_set():
                    break
                self._error(ScanError("scanner.disconnected", {"port": self.device or self.config.port,
                                                               "reason": _reason(exc)},
                                      at=self.clock(), source=self.name))
                failure_reported = True
                self._set_state(RECONNECTING)
            except Exception as exc:  # noqa: BLE001 - a bug or a driver surprise: log, reopen, go on
                log.exception("scanner %s: unexpected failure", self.name)
                self._error(ScanError("scanner.failed", {"port": self.device or self.config.port,
                                                         "reason": _reason(exc)},
                                      at=self.clock(), source=self.name))
                failure_reported = True
                self._set_state(RECONNECTING)
            finally:
                self._close()
                port = None
            self._stop.wait(self.retry_interval)

    def _read(self, port: serial.SerialBase) -> None:
        while not self._stop.is_set():
            waiting = port.in_waiting
            data = port.read(waiting if waiting > 0 else 1)  # blocks up to read_timeout
            now = self.clock()
            events = self.parser.feed(data, now) if data else self.parser.flush_idle(now)
            for event in events:
                self._deliver(event)

    def _close(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except Exception:  # noqa: BLE001 - closing a vanished device may fail; it is gone anyway
                log.debug("closing %s failed", self.name, exc_info=True)

    def _deliver(self, event: Event) -> None:
        if isinstance(event, ScanEvent):
            try:
                recognition = recognize(event.text, self.rules, self.carriers)
            except Exception:  # noqa: BLE001 - a bad rule must not lose the scan
                log.exception("recognition failed")
                recognition = None
            self._call(self.on_scan, replace(event, recognition=recognition))
        else:
            self._error(event)

    def _error(self, error: ScanError) -> None:
        log.warning("scanner %s", error)
        self._call(self.on_error, error)

    def _set_state(self, state: str) -> None:
        with self._state_lock:  # stop() and the thread may both say "stopped": once is enough
            if state == self.state:
                return
            self.state = state
        log.info("scanner %s: %s", self.name, state)
        self._call(self.on_state, state)

    def _call(self, fn: Callable[[Any], Any] | None, arg: Any) -> None:
        if fn is None:
            return
        try:
            fn(arg)
        except Exception:  # noqa: BLE001 - a failing receiver must not kill the reader
            log.exception("scanner %s: callback failed", self.name)
