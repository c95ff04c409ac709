"""From scanner threads to Qt signals on the UI thread, for every scanner configured on this PC.

``ScannerBridge`` owns one ``SerialScanner`` per entry of ``scanners.json``. The readers call
back on their own threads; the bridge forwards each callback through a *queued* signal to
itself, so its public signals are always emitted on the thread the bridge lives in (the UI
thread) — a slot connected to them may touch widgets and call services directly.

Keyboard-wedge scans (``ScanLineEdit.sig_scanned``) can be fed in with ``submit_text()``:
they then go through the same checks (AIM identifier, control characters, double read) and
the same recognition rules, and come out of the same ``sig_scan`` — the main window handles
one signal whatever the scanner.
"""

from __future__ import annotations

import logging
import time
import weakref
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from app.devices.line_parser import LineParser, ScanError, ScanEvent
from app.devices.recognition import Rule, default_rules, recognize, rules_from_data
from app.parcels.carriers import CarrierRule, carrier_rules_from_data
from app.devices.scanner_config import ScannerConfig, load_scanner_settings
from app.devices.serial_reader import (
    NOT_CONFIGURED,
    RECONNECTING,
    STOPPED,
    SerialScanner,
)
from app.errors import DomainError, StorageError
from ui.widgets.scan_field import ScanLineEdit

log = logging.getLogger(__name__)

_instance: weakref.ReferenceType[ScannerBridge] | None = None


class ScannerBridge(QObject):
    """All serial scanners of this PC, as signals on the UI thread.

    Signals (always emitted on the bridge's thread):

    - ``sig_scan(ScanEvent)``: a code; ``event.kind`` is what the rules made of it
      (``key_tag``, ``visitor_badge``, ``parcel``, ``pass``, ``receipt`` or ``unknown``),
      ``event.text`` the code, ``event.source`` the scanner's name (``"keyboard"`` for
      ``submit_text``).
    - ``sig_error(ScanError)``: input that is not a scan, or a port problem;
      ``ui.scanner.texts.scan_error_text(err)`` is the sentence to show.
    - ``sig_state(name, state)``: ``connected`` / ``reconnecting`` / ``not_configured`` /
      ``stopped`` for the scanner called ``name`` (``""`` when no scanner is configured).

    While ``test_mode`` is on (someone is trying a scanner in the settings), scans go to
    ``sig_test_scan`` instead, so testing a key tag does not check the key out.
    """

    sig_scan = Signal(object)
    sig_error = Signal(object)
    sig_state = Signal(str, str)
    sig_test_scan = Signal(object)
    """Scans while ``test_mode`` is on (the settings page's test view), instead of ``sig_scan``."""
    _relay = Signal(str, str, object)  # (what, scanner name, (generation, payload)) from readers

    def __init__(self, parent: QObject | None = None, *, services: Any = None, bus: Any = None,
                 rules: list[Rule] | None = None, register: bool = True):
        """``services``: rules are read from its settings (and re-read when ``bus`` says
        "settings" changed). ``register``: become ``ScannerBridge.instance()``, which the
        settings page uses so it shows the scanners the application already has open
        (a COM port can be opened only once)."""
        super().__init__(parent)
        self._services = services
        self._rules: list[Rule] = list(rules) if rules is not None else default_rules()
        self._carriers: list[CarrierRule] | None = None  # the carrier table; None: the defaults
        self._scanners: dict[str, SerialScanner] = {}
        self._states: dict[str, str] = {}
        self._wedge_parsers: dict[str, LineParser] = {}
        # Bumped by every start(): a state reported by a reader of an earlier start (its
        # "stopped" arrives after the new reader's "connected") must not overwrite the new one.
        self._generation = 0
        self._test_mode = 0  # a count: nested pages may each turn it on
        self.configs: list[ScannerConfig] = []
        # Explicitly queued: the emitting thread is a reader thread, the slot runs here.
        self._relay.connect(self._on_relay, Qt.ConnectionType.QueuedConnection)
        if services is not None and rules is None:
            self.reload_rules()
        if bus is not None:
            bus.sig_changed.connect(self._on_data_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        self.destroyed.connect(_stop_all(self._scanners))
        if register:
            global _instance
            _instance = weakref.ref(self)

    @staticmethod
    def instance() -> ScannerBridge | None:
        """The application's bridge (the last one created with ``register=True``), if alive."""
        bridge = _instance() if _instance is not None else None
        try:
            if bridge is not None:
                bridge.objectName()  # raises if the C++ object is gone
        except RuntimeError:
            return None
        return bridge

    # -- rules ---------------------------------------------------------------------------

    @property
    def rules(self) -> list[Rule]:
        return list(self._rules)

    def set_rules(self, rules: list[Rule]) -> None:
        """Use these recognition rules from the next scan on (all scanners)."""
        self._rules = list(rules)
        for scanner in self._scanners.values():
            scanner.rules = self._rules

    def reload_rules(self) -> None:
        """Read the rules from the shared settings; keep the current ones if that fails."""
        if self._services is None:
            return
        try:
            self.set_rules(rules_from_data(self._services.settings.get("scanner.rules")))
            self._carriers = carrier_rules_from_data(self._services.settings.get("parcels.carrier_rules"))
            for scanner in self._scanners.values():
                scanner.carriers = self._carriers
        except (DomainError, StorageError) as exc:
            log.warning("recognition rules not read: %s", exc)

    def _on_data_changed(self, topic: str) -> None:
        if topic == "settings":
            self.reload_rules()

    # -- scanners ------------------------------------------------------------------------

    def start(self, configs: list[ScannerConfig] | None = None) -> None:
        """(Re)start every scanner: ``configs``, or those saved in ``scanners.json``.

        A damaged settings file is reported through ``sig_error`` (key
        ``scanner.config_invalid``) and no serial scanner runs.
        """
        self.stop()
        if configs is None:
            try:
                saved = load_scanner_settings()
                configs = list(saved.scanners)
                ScanLineEdit.set_default_wedge(saved.wedge)
            except DomainError as exc:
                configs = []
                self._emit_error(ScanError(exc.key, dict(exc.params), at=time.monotonic()))
        self.configs = list(configs)
        self._states.clear()
        self._generation += 1
        for config in self.configs:
            scanner = SerialScanner(
                config, rules=self._rules,
                on_scan=_relay_to(self, "scan", config.name, self._generation),
                on_error=_relay_to(self, "error", config.name, self._generation),
                on_state=_relay_to(self, "state", config.name, self._generation),
            )
            scanner.carriers = self._carriers
            self._scanners[config.name] = scanner
            self._states[config.name] = STOPPED
            scanner.start()
        if not self.configs:
            self._states.clear()
            self.sig_state.emit("", NOT_CONFIGURED)

    def restart(self, configs: list[ScannerConfig] | None = None) -> None:
        """After the settings changed: stop everything, start what is configured now."""
        self.start(configs)

    def stop(self) -> None:
        """Stop every reader and close its port (also done when the application quits)."""
        scanners = list(self._scanners.values())
        self._scanners.clear()
        for scanner in scanners:
            scanner.stop()

    def states(self) -> dict[str, str]:
        """Scanner name → its last reported state."""
        return dict(self._states)

    def overall_state(self) -> str:
        """One word for the status bar: ``not_configured`` (no enabled scanner),
        ``reconnecting`` (any scanner is), else ``connected`` (or ``stopped``)."""
        states = [s for name, s in self._states.items()
                  if any(c.name == name and c.enabled for c in self.configs)]
        if not states:
            return NOT_CONFIGURED
        if RECONNECTING in states:
            return RECONNECTING
        if all(s == STOPPED for s in states):
            return STOPPED
        return "connected" if "connected" in states else states[0]

    # -- test mode ---------------------------------------------------------------------

    @property
    def test_mode(self) -> bool:
        return self._test_mode > 0

    def set_test_mode(self, on: bool) -> None:
        """Divert scans to ``sig_test_scan`` (calls nest: each on needs its off)."""
        self._test_mode = max(0, self._test_mode + (1 if on else -1))

    def _emit_scan(self, event: object) -> None:
        (self.sig_test_scan if self._test_mode else self.sig_scan).emit(event)

    # -- keyboard wedge ------------------------------------------------------------------

    def submit_text(self, text: str, source: str = "keyboard") -> ScanEvent | ScanError:
        """A code typed by a keyboard-wedge scanner: checked and recognised like a serial scan,
        then emitted as ``sig_scan`` (or ``sig_error``). Returns what was emitted."""
        parser = self._wedge_parsers.get(source)
        if parser is None:
            parser = self._wedge_parsers[source] = LineParser("CR", source=source)
        raw = text.encode("utf-8", errors="replace")
        now = time.monotonic()
        if len(text) > parser.max_chars:
            result: ScanEvent | ScanError = ScanError("scan.too_long", {"max": parser.max_chars,
                                                                       "length": len(text)}, raw[:300], now, source)
        else:
            result = parser.parse_text(text, "keyboard", raw, now)
        if isinstance(result, ScanEvent):
            result = replace(result, recognition=recognize(result.text, self._rules, self._carriers))
            self._emit_scan(result)
        else:
            log.warning("scanner %s", result)
            self.sig_error.emit(result)
        return result

    # -- from the reader threads -----------------------------------------------------------

    def _on_relay(self, what: str, name: str, tagged: object) -> None:
        generation, payload = tagged  # type: ignore[misc]
        if what == "scan":
            self._emit_scan(payload)  # even from a reader just stopped: a scan is never lost
        elif what == "error":
            self._emit_error(payload)
        elif what == "state" and generation == self._generation:
            self._states[name] = str(payload)
            self.sig_state.emit(name, str(payload))

    def _emit_error(self, error: object) -> None:
        self.sig_error.emit(error)


def _relay_to(bridge: ScannerBridge, what: str, name: str, generation: int):  # noqa: ANN202
    """A callback for a reader thread that forwards to the bridge's queued relay signal.

    Holds the bridge weakly and swallows a deleted bridge: a reader stopping after the
    window closed must not raise in its thread.
    """
    ref = weakref.ref(bridge)

    def call(payload: object) -> None:
        target = ref()
        if target is None:
            return
        try:
            target._relay.emit(what, name, (generation, payload))
        except RuntimeError:  # the C++ object is already deleted
            pass

    return call


def _stop_all(scanners: dict[str, SerialScanner]):  # noqa: ANN202
    # Connected to ``destroyed``: must not reference the bridge itself (it is going away).
    def stop(*_args: object) -> None:
        for scanner in list(scanners.values()):
            scanner.stop()
        scanners.clear()

    return stop
