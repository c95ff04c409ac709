"""Spot check mode (抽查): scan every tag in the cabinet, watch the counts, get the lists."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.services.keys import SpotCheckResult, SpotCheckView, SpotScanView
from ui.errors import run_action
from ui.messages import error_text, key_status_name, key_term_name
from ui.widgets.retranslate import Retranslating
from ui.widgets.scan_field import ScanLineEdit

_COLOURS = {"matched": "#1b5e20", "unexpected": "#b00020", "unknown": "#b00020", "duplicate": "#757575"}


class SpotCheckDialog(Retranslating, QDialog):
    """Start (or resume) a spot check, scan tags, finish: matched / missing / unexpected."""

    #: The scan router hands scans to the Keys tab while this dialog is open (ui/scan_router.py).
    accepts_scans = True

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.check: SpotCheckView | None = services.keys.open_spot_check()
        self.result: SpotCheckResult | None = None
        self.counts = {"matched": 0, "unexpected": 0, "unknown": 0, "duplicate": 0}
        self.scanned = self.check.scanned if self.check else 0

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("start_spot_check")
        self.scan_label = QLabel(self)
        self.scan_field = ScanLineEdit(self)
        self.scan_field.setObjectName("spot_scan")
        self.scan_label.setBuddy(self.scan_field)
        self.counts_label = QLabel(self)
        self.counts_label.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.log = QListWidget(self)
        self.note = QLineEdit(self)
        self.note.setMaxLength(1000)
        self.finish_button = QPushButton(self)
        self.finish_button.setObjectName("finish_spot_check")
        self.close_button = QPushButton(self)
        self.results = QTabWidget(self)
        self.lists = {name: QListWidget(self) for name in ("missing", "unexpected", "matched", "out")}
        for name, lst in self.lists.items():
            self.results.addTab(lst, "")
        self.results.hide()

        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.start_button)
        scan = QHBoxLayout()
        scan.addWidget(self.scan_label)
        scan.addWidget(self.scan_field, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.finish_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(scan)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.log, 1)
        layout.addWidget(self.results, 2)
        layout.addLayout(bottom)
        self.resize(640, 560)

        self.start_button.clicked.connect(self.start)
        self.scan_field.returnPressed.connect(self._scan_entered)
        self.finish_button.clicked.connect(self.finish)
        self.close_button.clicked.connect(self.accept)
        self._update_state()
        self.retranslate()

    # -- actions -------------------------------------------------------------------------

    def start(self) -> SpotCheckView | None:
        check = run_action(self, self.services.keys.start_spot_check)
        if check is not None:
            self.check = check
            self.scanned = 0
            self.counts = dict.fromkeys(self.counts, 0)
            self.log.clear()
            self.results.hide()
            self.result = None
            self._update_state()
            self.retranslate()
        return check

    def _scan_entered(self) -> None:
        text = self.scan_field.text().strip()
        self.scan_field.clear()
        if text:
            self.scan(text)

    def scan(self, code: str) -> SpotScanView | None:
        if self.check is None:
            return None
        try:
            view = self.services.keys.spot_check_scan(self.check.id, code)
        except Exception as exc:  # noqa: BLE001 - a bad read becomes a line in the log
            key = getattr(exc, "key", None)
            if key is None and hasattr(exc, "fields") and exc.fields:
                first = next(iter(exc.fields.values()))
                text = error_text(first)
            else:
                text = error_text(exc) if key else str(exc)
            self._log(f"{code}  —  {text}", "#b00020")
            return None
        self.counts[view.result] = self.counts.get(view.result, 0) + 1
        self.scanned = view.scanned
        what = key_term_name(view.result)
        if view.key is not None:
            line = f"{view.code}  {view.key.location}  {view.key.hook}  —  {what}"
            if view.result == "unexpected":
                line += f" ({key_status_name(view.key.status)})"
        else:
            line = f"{view.code}  —  {what}"
        self._log(line, _COLOURS.get(view.result, "#000000"))
        self._update_counts()
        self.scan_field.setFocus()
        return view

    def finish(self) -> SpotCheckResult | None:
        if self.check is None:
            return None
        result = run_action(self, lambda: self.services.keys.finish_spot_check(self.check.id, self.note.text()))
        if result is None:
            return None
        self.result = result
        self.check = None
        self._show_result()
        self._update_state()
        self.retranslate()
        return result

    # -- display -------------------------------------------------------------------------

    def _log(self, text: str, colour: str) -> None:
        item = QListWidgetItem(text)
        item.setForeground(QBrush(QColor(colour)))
        self.log.insertItem(0, item)

    def _show_result(self) -> None:
        r = self.result
        groups = {"missing": r.missing, "unexpected": r.unexpected, "matched": r.matched, "out": r.out}
        for name, items in groups.items():
            lst = self.lists[name]
            lst.clear()
            for it in items:
                status = key_status_name(it.status) if it.status else key_term_name("unknown")
                lst.addItem(f"{it.code}  {it.label}  {it.hook}  ({status})")
        self.results.show()
        self.results.setCurrentIndex(0 if r.missing else (1 if r.unexpected else 2))

    def _update_state(self) -> None:
        running = self.check is not None
        self.start_button.setEnabled(not running)
        self.scan_field.setEnabled(running)
        self.finish_button.setEnabled(running)
        self.note.setEnabled(running)
        if running:
            self.scan_field.setFocus()
        else:
            self.start_button.setFocus()
        self._update_counts()

    def _update_counts(self) -> None:
        c = self.counts
        self.counts_label.setText(
            self.tr("Scanned %1  ·  matched %2  ·  unexpected %3  ·  unknown %4  ·  repeated %5")
            .replace("%1", str(self.scanned)).replace("%2", str(c["matched"]))
            .replace("%3", str(c["unexpected"])).replace("%4", str(c["unknown"])).replace("%5", str(c["duplicate"])))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Spot check of the key cabinet"))
        if self.check is not None:
            self.status.setText(self.tr("Spot check #%1 in progress: scan every tag on the hooks, then Finish.")
                                .replace("%1", str(self.check.id)))
        elif self.result is not None:
            chk = self.result.check
            self.status.setText(self.tr("Spot check #%1 finished: %2 matched, %3 missing, %4 unexpected.")
                                .replace("%1", str(chk.id)).replace("%2", str(chk.matched))
                                .replace("%3", str(chk.missing)).replace("%4", str(chk.unexpected)))
        else:
            self.status.setText(self.tr("Start a spot check, then scan every tag in the cabinet."))
        self.start_button.setText(self.tr("&Start spot check"))
        self.scan_label.setText(self.tr("S&can tag:"))
        self.scan_field.setPlaceholderText(self.tr("Scan each tag (or type it and press Enter)"))
        self.note.setPlaceholderText(self.tr("Note for the record (optional)"))
        self.finish_button.setText(self.tr("&Finish and compare"))
        self.close_button.setText(self.tr("Close"))
        names = {"missing": self.tr("Missing (%1)"), "unexpected": self.tr("Unexpected (%1)"),
                 "matched": self.tr("Matched (%1)"), "out": self.tr("Lent out (%1)")}
        for i, (name, lst) in enumerate(self.lists.items()):
            self.results.setTabText(i, names[name].replace("%1", str(lst.count())))
        self._update_counts()
