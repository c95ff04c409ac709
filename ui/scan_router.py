"""One scan does the right thing wherever the user is.

Scans from every serial scanner (through ``ScannerBridge``) and from keyboard-wedge scan
fields arrive here with what the recognition rules made of them; each kind goes to the tab
that owns it, which comes to the front. A code no rule knows asks what it is.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox

from app.devices.line_parser import ScanError, ScanEvent
from ui.scanner.texts import kind_name, scan_error_text, state_name

log = logging.getLogger(__name__)

#: Which tab handles which kind of code, and the method it offers for it.
ROUTES = {
    "visitor_badge": ("visitors", "handle_badge_scan"),
    "key_tag": ("keys", "handle_scan"),
    "repair_slip": ("repairs", "handle_scan"),
    "receipt": ("receipts", "handle_scan"),
    "parcel": ("parcels", "handle_scan"),
    "pass": ("permits", "handle_scan"),
}


class ScanRouter(QObject):
    def __init__(self, window, bridge):  # noqa: ANN001 - MainWindow, ScannerBridge
        super().__init__(window)
        self.window = window
        self.bridge = bridge
        bridge.sig_scan.connect(self.route)
        bridge.sig_error.connect(self.show_error)
        bridge.sig_state.connect(lambda _name, _state: self.show_state())

    def route(self, event: ScanEvent) -> bool:
        """Hand the scan to its tab; returns whether someone took it."""
        kind = event.kind
        if kind == "unknown":
            kind = self.ask_kind(event.text)
            if kind is None:
                return False
        target = ROUTES.get(kind)
        page = self.window.pages.get(target[0]) if target else None
        handler = getattr(page, target[1], None) if target else None
        if handler is None:
            self.window.bus.sig_status.emit(
                QCoreApplication.translate("ScanRouter", "%1 %2: this kind of code is handled in a later version.")
                .replace("%1", kind_name(kind)).replace("%2", event.text))
            return False
        self.window.tabs.setCurrentWidget(page)
        log.info("scan %s (%s) from %s", event.text, kind, event.source or "keyboard")
        return bool(handler(event.text))

    def ask_kind(self, code: str) -> str | None:
        """A code no rule recognises: ask the receptionist what it is."""
        box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("ScanRouter", "Unknown code"),
                          QCoreApplication.translate("ScanRouter", "What is the code %1?").replace("%1", code), parent=self.window)
        choices = {}
        for kind in ROUTES:
            choices[box.addButton(kind_name(kind), QMessageBox.ButtonRole.AcceptRole)] = kind
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return choices.get(box.clickedButton())

    def show_error(self, error: ScanError) -> None:
        self.window.bus.sig_status.emit(scan_error_text(error))

    def show_state(self) -> None:
        self.window.scanner_label.setText(
            QCoreApplication.translate("ScanRouter", "Scanner: %1").replace("%1", state_name(self.bridge.overall_state())))
