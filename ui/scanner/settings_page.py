"""The "Scanners" page of the settings: serial scanners, keyboard scanners, rules, a live test.

Four inner tabs:

- **Serial scanners** (this PC, ``scanners.json``): add/edit/remove; the port is typed or
  picked from the ports detected now (picking one also remembers the USB identity, so the
  scanner is found again under another COM number). Saving restarts the readers.
- **Keyboard scanners**: how scan fields tell a USB-keyboard scanner from typing.
- **Recognition rules** (shared database, supervisors): which code is what, with a field to
  try a code against the rules being edited.
- **Test your scanner**: every scan (raw bytes, code, kind, code type) or error as it
  arrives. While the page is shown the bridge is in test mode, so a test scan of a key tag
  does not check the key out.

The page uses the application's ``ScannerBridge`` when there is one (a port can be open
only once); alone (tests, a dialog without main window) it runs a private bridge while shown.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.devices.line_parser import ScanError, ScanEvent, escape_bytes
from app.devices.recognition import (
    KINDS,
    Rule,
    default_rules_data,
    recognize,
    validate_rules_data,
)
from app.devices.scanner_config import (
    BAUDRATES,
    BYTESIZES,
    IDLE_TIMEOUT_RANGE,
    PARITIES,
    STOPBITS,
    TERMINATORS,
    ScannerConfig,
    ScannerSettings,
    WedgeConfig,
    escape_affix,
    load_scanner_settings,
    save_scanner_settings,
    unescape_affix,
)
from app.devices.serial_reader import detected_ports
from app.errors import DomainError, ValidationError
from app.security import role_at_least
from ui.errors import run_action
from ui.messages import error_text
from ui.scanner.bridge import ScannerBridge
from ui.scanner.texts import (
    kind_name,
    rule_description,
    scan_error_text,
    state_name,
    symbology_text,
)
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating
from ui.widgets.scan_field import ScanLineEdit
from ui.widgets.shortcuts import focus_field

LIVE_ROWS_MAX = 200
_ERROR_COLOR = QColor("#b00020")
_SCANNER_FIELDS = ("name", "port", "baudrate", "bytesize", "parity", "stopbits", "terminator",
                   "idle_timeout_ms", "prefix", "suffix", "enabled", "usb")


class ScannerSettingsPage(Retranslating, QWidget):
    """Embeddable page (``SettingsDialog`` shows it as its "Scanners" tab)."""

    def __init__(self, services, bus, bridge: ScannerBridge | None = None,  # noqa: ANN001
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._bus = bus
        self._own_bridge = False
        if bridge is None:
            bridge = ScannerBridge.instance()
        if bridge is None:
            bridge = ScannerBridge(self, services=services, register=False)
            self._own_bridge = True
        self.bridge = bridge
        self._test_mode_on = False
        op = services.ctx.operator if services is not None else None
        self._may_edit_rules = op is not None and role_at_least(op.role, "supervisor")

        try:
            saved = load_scanner_settings()
            self._load_error: DomainError | None = None
        except DomainError as exc:
            saved = ScannerSettings()
            self._load_error = exc
        self._configs: list[ScannerConfig] = list(saved.scanners)
        self._current = -1
        self._loading = False

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_serial_tab(), "")
        self.tabs.addTab(self._build_wedge_tab(saved.wedge), "")
        self.tabs.addTab(self._build_rules_tab(), "")
        self.tabs.addTab(self._build_test_tab(), "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        bridge.sig_test_scan.connect(self._on_scan)
        bridge.sig_scan.connect(self._on_scan)  # only while not in test mode (page hidden)
        bridge.sig_error.connect(self._on_error)
        bridge.sig_state.connect(self._show_states)
        self.destroyed.connect(_leave_test_mode(bridge, self))

        self._refresh_ports()
        self._reload_list(0)
        self.retranslate()
        self._show_states()

    # -- building --------------------------------------------------------------------------

    def _build_serial_tab(self) -> QWidget:
        page = QWidget(self)
        self.scanner_list = QListWidget(page)
        self.scanner_list.setMaximumHeight(84)
        self.scanner_list.currentRowChanged.connect(self._select)
        self.add_button = QPushButton(page)
        self.add_button.clicked.connect(self.add_scanner)
        self.remove_button = QPushButton(page)
        self.remove_button.clicked.connect(self.remove_scanner)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.scanner_list, 1)
        top.addLayout(buttons)

        self.name = QLineEdit(page)
        self.name.setMaxLength(40)
        self.port = QComboBox(page)
        self.port.setEditable(True)
        self.port.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.port.setMinimumContentsLength(14)
        self.port.activated.connect(self._port_picked)
        self.port.lineEdit().textEdited.connect(self._port_typed)
        self.refresh_ports_button = QPushButton(page)
        self.refresh_ports_button.clicked.connect(self._refresh_ports)
        port_row = QWidget(page)
        pl = QHBoxLayout(port_row)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.port, 1)
        pl.addWidget(self.refresh_ports_button)
        self.baudrate = QComboBox(page)
        for b in BAUDRATES:
            self.baudrate.addItem(str(b), b)
        self.bytesize = QComboBox(page)
        for b in BYTESIZES:
            self.bytesize.addItem(str(b), b)
        self.parity = QComboBox(page)
        for p in PARITIES:
            self.parity.addItem("", p)
        self.stopbits = QComboBox(page)
        for s in STOPBITS:
            self.stopbits.addItem(f"{s:g}", s)
        self.terminator = QComboBox(page)
        for t in TERMINATORS:
            self.terminator.addItem("", t)
        self.terminator.currentIndexChanged.connect(self._terminator_changed)
        self.idle_timeout = QSpinBox(page)
        self.idle_timeout.setRange(*IDLE_TIMEOUT_RANGE)
        self.prefix = QLineEdit(page)
        self.suffix = QLineEdit(page)
        for w in (self.prefix, self.suffix):
            w.setMaxLength(64)
        self.enabled = QCheckBox(page)
        self.usb = QLabel(page)
        self.usb.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # Two columns of fields: the page must fit the settings dialog without scrolling.
        self.line_form = FieldForm(page)
        self.line_form.add_row("name", self.name)
        self.line_form.add_row("port", port_row)
        self.line_form.add_row("baudrate", self.baudrate)
        self.line_form.add_row("bytesize", self.bytesize)
        self.line_form.add_row("parity", self.parity)
        self.line_form.add_row("stopbits", self.stopbits)
        self.code_form = FieldForm(page)
        self.code_form.add_row("terminator", self.terminator)
        self.code_form.add_row("idle_timeout_ms", self.idle_timeout)
        self.code_form.add_row("prefix", self.prefix)
        self.code_form.add_row("suffix", self.suffix)
        self.code_form.add_row("enabled", self.enabled)
        self.code_form.add_row("usb", self.usb, aliases=("usb_vid", "usb_pid"))
        forms = QHBoxLayout()
        forms.addWidget(self.line_form, 1)
        forms.addSpacing(12)
        forms.addWidget(self.code_form, 1)
        self.fields_box = QWidget(page)
        self.fields_box.setLayout(forms)
        for w in (self.name, self.prefix, self.suffix):
            w.textEdited.connect(self._store_current)
        for w in (self.baudrate, self.bytesize, self.parity, self.stopbits, self.terminator):
            w.currentIndexChanged.connect(self._store_current)
        self.idle_timeout.valueChanged.connect(self._store_current)
        self.enabled.toggled.connect(self._store_current)

        self.serial_save = QPushButton(page)
        self.serial_save.clicked.connect(self.save_scanners)
        self.serial_states = QLabel(page)
        self.serial_states.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.serial_states, 1)
        bottom.addWidget(self.serial_save)

        lay = QVBoxLayout(page)
        lay.addLayout(top)
        lay.addWidget(self.fields_box)
        lay.addStretch(1)
        lay.addLayout(bottom)
        return page

    def _build_wedge_tab(self, wedge: WedgeConfig) -> QWidget:
        page = QWidget(self)
        self.wedge_help = QLabel(page)
        self.wedge_help.setWordWrap(True)
        self.wedge_prefix = QLineEdit(escape_affix(wedge.prefix), page)
        self.wedge_suffix = QLineEdit(escape_affix(wedge.suffix), page)
        self.wedge_min_chars = QSpinBox(page)
        self.wedge_min_chars.setRange(2, 64)
        self.wedge_min_chars.setValue(wedge.min_chars)
        self.wedge_gap = QSpinBox(page)
        self.wedge_gap.setRange(5, 200)
        self.wedge_gap.setValue(wedge.max_gap_ms)
        self.wedge_form = FieldForm(page)
        self.wedge_form.add_row("prefix", self.wedge_prefix)
        self.wedge_form.add_row("suffix", self.wedge_suffix)
        self.wedge_form.add_row("min_chars", self.wedge_min_chars)
        self.wedge_form.add_row("max_gap_ms", self.wedge_gap)
        self.wedge_save = QPushButton(page)
        self.wedge_save.clicked.connect(self.save_scanners)
        lay = QVBoxLayout(page)
        lay.addWidget(self.wedge_help)
        lay.addWidget(self.wedge_form)
        lay.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.wedge_save)
        lay.addLayout(row)
        return page

    def _build_rules_tab(self) -> QWidget:
        page = QWidget(self)
        self.rules_table = QTableWidget(0, 3, page)
        self.rules_table.verticalHeader().hide()
        self.rules_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rules_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.rules_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.rules_table.setColumnWidth(1, 230)
        self.rules_table.setWordWrap(True)
        # Wrapped text needs its row height again whenever a column's width changes.
        header.sectionResized.connect(lambda *_: self.rules_table.resizeRowsToContents())
        self.rules_table.itemChanged.connect(self._try_code)
        self.rule_add = QPushButton(page)
        self.rule_remove = QPushButton(page)
        self.rule_up = QPushButton(page)
        self.rule_down = QPushButton(page)
        self.rules_defaults = QPushButton(page)
        self.rules_save = QPushButton(page)
        self.rule_add.clicked.connect(lambda: self._add_rule_row({"kind": "parcel", "pattern": "", "description": ""}))
        self.rule_remove.clicked.connect(self._remove_rule_row)
        self.rule_up.clicked.connect(lambda: self._move_rule_row(-1))
        self.rule_down.clicked.connect(lambda: self._move_rule_row(1))
        self.rules_defaults.clicked.connect(lambda: self._fill_rules(default_rules_data()))
        self.rules_save.clicked.connect(self.save_rules)
        side = QVBoxLayout()
        for b in (self.rule_add, self.rule_remove, self.rule_up, self.rule_down, self.rules_defaults):
            side.addWidget(b)
        side.addStretch(1)
        side.addWidget(self.rules_save)
        table_row = QHBoxLayout()
        table_row.addWidget(self.rules_table, 1)
        table_row.addLayout(side)
        self.rules_note = QLabel(page)
        self.rules_note.setWordWrap(True)
        self.try_label = QLabel(page)
        self.try_code = QLineEdit(page)
        self.try_code.setObjectName("try_code")
        self.try_code.textChanged.connect(self._try_code)
        self.try_result = QLabel(page)
        self.try_label.setBuddy(self.try_code)
        try_row = QHBoxLayout()
        try_row.addWidget(self.try_label)
        try_row.addWidget(self.try_code, 1)
        try_row.addWidget(self.try_result, 1)
        lay = QVBoxLayout(page)
        lay.addWidget(self.rules_note)
        lay.addLayout(table_row, 1)
        lay.addLayout(try_row)
        for w in (self.rule_add, self.rule_remove, self.rule_up, self.rule_down, self.rules_defaults,
                  self.rules_save):
            w.setEnabled(self._may_edit_rules)
        if not self._may_edit_rules:
            self.rules_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        try:
            data = services_rules(self._services)
        except DomainError:
            data = default_rules_data()
        self._fill_rules(data)
        return page

    def _build_test_tab(self) -> QWidget:
        page = QWidget(self)
        self.test_states = QLabel(page)
        self.test_states.setWordWrap(True)
        self.live = QTableWidget(0, 6, page)
        self.live.setObjectName("live_scans")
        self.live.verticalHeader().hide()
        self.live.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.live.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        h = self.live.horizontalHeader()
        for col in range(5):
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.live.setWordWrap(True)
        h.sectionResized.connect(lambda *_: self.live.resizeRowsToContents())
        self.wedge_label = QLabel(page)
        self.wedge_test = ScanLineEdit(page, consume_scans=True)
        self.wedge_test.setObjectName("wedge_test")
        self.wedge_label.setBuddy(self.wedge_test)
        self.wedge_test.sig_scanned.connect(lambda code: self.bridge.submit_text(code, "keyboard"))
        self.wedge_test.returnPressed.connect(self._typed_in_test_field)
        self.live_clear = QPushButton(page)
        self.live_clear.clicked.connect(lambda: self.live.setRowCount(0))
        row = QHBoxLayout()
        row.addWidget(self.wedge_label)
        row.addWidget(self.wedge_test, 1)
        row.addWidget(self.live_clear)
        lay = QVBoxLayout(page)
        lay.addWidget(self.test_states)
        lay.addWidget(self.live, 1)
        lay.addLayout(row)
        return page

    # -- serial scanners ---------------------------------------------------------------------

    def _refresh_ports(self) -> None:
        text = self.port.currentText()
        self._ports = detected_ports()
        self.port.blockSignals(True)
        self.port.clear()
        for p in self._ports:
            label = p.device
            extra = " ".join(x for x in (p.description, p.usb_id) if x)
            self.port.addItem(f"{label} — {extra}" if extra else label, p.device)
        self.port.setCurrentIndex(-1)
        self.port.setEditText(text)
        self.port.blockSignals(False)

    def _port_picked(self, index: int) -> None:
        if not 0 <= index < len(self._ports) or self._current < 0:
            return
        p = self._ports[index]
        self.port.setEditText(p.device)  # the item shows a description; the field keeps the name
        self._configs[self._current] = replace(
            self._configs[self._current], port=p.device, usb_vid=p.vid, usb_pid=p.pid,
            usb_serial=p.serial_number if p.vid is not None else None)
        self._show_usb()
        self._refresh_list_item()

    def _port_typed(self, text: str) -> None:
        if self._current < 0:
            return
        cfg = self._configs[self._current]
        # A port typed by hand is no longer the USB device picked before (unless it is its name).
        keep = any(p.device == text.strip() and p.vid == cfg.usb_vid and p.pid == cfg.usb_pid
                   for p in self._ports)
        self._configs[self._current] = replace(
            cfg, port=text, **({} if keep else {"usb_vid": None, "usb_pid": None, "usb_serial": None}))
        self._show_usb()
        self._refresh_list_item()

    def _reload_list(self, select: int) -> None:
        self.scanner_list.blockSignals(True)
        self.scanner_list.clear()
        for cfg in self._configs:
            self.scanner_list.addItem(QListWidgetItem(self._list_text(cfg)))
        self.scanner_list.blockSignals(False)
        self._current = -1
        if self._configs:
            self.scanner_list.setCurrentRow(max(0, min(select, len(self._configs) - 1)))
        else:
            self._select(-1)

    def _list_text(self, cfg: ScannerConfig) -> str:
        state = self.bridge.states().get(cfg.name)
        parts = [cfg.name or "?", cfg.port]
        if not cfg.enabled:
            parts.append(self.tr("(off)"))
        elif state:
            parts.append(f"({state_name(state)})")
        return "  ".join(p for p in parts if p)

    def _refresh_list_item(self) -> None:
        item = self.scanner_list.item(self._current) if self._current >= 0 else None
        if item is not None:
            item.setText(self._list_text(self._configs[self._current]))

    def _select(self, row: int) -> None:
        self._current = row if 0 <= row < len(self._configs) else -1
        self.fields_box.setEnabled(self._current >= 0)
        self.remove_button.setEnabled(self._current >= 0)
        self.line_form.clear_errors()
        self.code_form.clear_errors()
        cfg = self._configs[self._current] if self._current >= 0 else ScannerConfig("", "")
        self._loading = True
        try:
            self.name.setText(cfg.name)
            self.port.setEditText(cfg.port)
            _set_data(self.baudrate, cfg.baudrate)
            _set_data(self.bytesize, cfg.bytesize)
            _set_data(self.parity, cfg.parity)
            _set_data(self.stopbits, cfg.stopbits)
            _set_data(self.terminator, cfg.terminator)
            self.idle_timeout.setValue(cfg.idle_timeout_ms)
            self.prefix.setText(escape_affix(cfg.prefix))
            self.suffix.setText(escape_affix(cfg.suffix))
            self.enabled.setChecked(cfg.enabled)
        finally:
            self._loading = False
        self._terminator_changed()
        self._show_usb()

    def _store_current(self, *_args: object) -> None:
        """Keep what the form shows in the list being edited (validated only on saving)."""
        if self._loading or self._current < 0:
            return
        cfg = self._configs[self._current]
        self._configs[self._current] = replace(
            cfg, name=self.name.text(), baudrate=self.baudrate.currentData(),
            bytesize=self.bytesize.currentData(), parity=self.parity.currentData(),
            stopbits=self.stopbits.currentData(), terminator=self.terminator.currentData(),
            idle_timeout_ms=self.idle_timeout.value(), prefix=unescape_affix(self.prefix.text()),
            suffix=unescape_affix(self.suffix.text()), enabled=self.enabled.isChecked())
        self._refresh_list_item()

    def _terminator_changed(self, *_args: object) -> None:
        # The idle timeout only matters when the scanner sends no line end.
        self.idle_timeout.setEnabled(self.terminator.currentData() == "none")

    def _show_usb(self) -> None:
        cfg = self._configs[self._current] if self._current >= 0 else None
        if cfg is None or not cfg.has_usb_identity:
            self.usb.setText(self.tr("—"))
            self.usb.setToolTip(self.tr("Pick a detected USB port to have the scanner found again "
                                        "when Windows gives it another COM number."))
            return
        text = f"{cfg.usb_vid:04X}:{cfg.usb_pid:04X}"
        if cfg.usb_serial:
            text += f"  {cfg.usb_serial}"
        self.usb.setText(text)
        self.usb.setToolTip(self.tr("The scanner is found again by this USB identity if its port name changes."))

    def add_scanner(self) -> None:
        taken = {c.name for c in self._configs}
        n = len(self._configs) + 1
        while self.tr("Scanner %1").replace("%1", str(n)) in taken:
            n += 1
        used = {c.port for c in self._configs}
        port = next((p.device for p in self._ports if p.device not in used), "")
        self._configs.append(ScannerConfig(self.tr("Scanner %1").replace("%1", str(n)), port))
        self._reload_list(len(self._configs) - 1)
        focus_field(self.name)

    def remove_scanner(self) -> None:
        if self._current < 0:
            return
        row = self._current
        del self._configs[row]
        self._reload_list(row)

    def wedge_config(self) -> WedgeConfig:
        return WedgeConfig(unescape_affix(self.wedge_prefix.text()), unescape_affix(self.wedge_suffix.text()),
                           self.wedge_min_chars.value(), self.wedge_gap.value())

    def save_scanners(self) -> bool:
        """Validate and save scanners.json, apply the keyboard settings, restart the readers."""
        self._store_current()
        settings = ScannerSettings(tuple(self._configs), self.wedge_config())
        for form in (self.line_form, self.code_form, self.wedge_form):
            form.clear_errors()
        try:
            settings = settings.validate()
        except ValidationError as exc:
            self._show_validation(exc)
            return False
        saved = run_action(self, lambda: save_scanner_settings(settings))
        if saved is None:
            return False
        self._configs = list(saved.scanners)
        ScanLineEdit.set_default_wedge(saved.wedge)
        self.bridge.restart(list(saved.scanners))
        self._reload_list(max(self._current, 0))
        if self._bus is not None:
            self._bus.sig_changed.emit("scanners")
            self._bus.sig_status.emit(self.tr("Scanner settings saved"))
        return True

    def _show_validation(self, exc: ValidationError) -> None:
        wedge = {k.split(".", 1)[1]: v for k, v in exc.fields.items() if k.startswith("wedge.")}
        per_scanner: dict[int, dict] = {}
        for k, v in exc.fields.items():
            head, _, name = k.partition(".")
            if head.isdigit():
                per_scanner.setdefault(int(head), {})[name] = v
        if per_scanner:
            row = min(per_scanner)
            self.tabs.setCurrentIndex(0)
            self.scanner_list.setCurrentRow(row)
            errors = per_scanner[row]
            self.line_form.show_errors({k: v for k, v in errors.items() if k in
                                        ("name", "port", "baudrate", "bytesize", "parity", "stopbits")})
            self.code_form.show_errors({k: v for k, v in errors.items() if k not in
                                        ("name", "port", "baudrate", "bytesize", "parity", "stopbits")})
        elif wedge:
            self.tabs.setCurrentIndex(1)
            self.wedge_form.show_errors(wedge)

    # -- rules ----------------------------------------------------------------------------------

    def _fill_rules(self, data: list[dict[str, str]]) -> None:
        self.rules_table.blockSignals(True)
        self.rules_table.setRowCount(0)
        for rule in data:
            self._add_rule_row(rule, select=False)
        self.rules_table.blockSignals(False)
        self._try_code()

    def _add_rule_row(self, rule: dict[str, str], select: bool = True) -> None:
        row = self.rules_table.rowCount()
        self.rules_table.insertRow(row)
        kind = QComboBox(self.rules_table)
        for k in KINDS:
            kind.addItem(kind_name(k), k)
        _set_data(kind, rule.get("kind", "parcel"))
        kind.setEnabled(self._may_edit_rules)
        kind.currentIndexChanged.connect(self._try_code)
        self.rules_table.setCellWidget(row, 0, kind)
        pattern = QTableWidgetItem(rule.get("pattern", ""))
        pattern.setToolTip(pattern.text())
        self.rules_table.setItem(row, 1, pattern)
        desc = QTableWidgetItem(rule_description(rule.get("description", "")))
        desc.setData(Qt.ItemDataRole.UserRole, rule.get("description", ""))
        desc.setToolTip(desc.text())
        self.rules_table.setItem(row, 2, desc)
        self.rules_table.resizeRowToContents(row)
        if select:
            self.rules_table.setCurrentCell(row, 1)
            self.rules_table.editItem(self.rules_table.item(row, 1))

    def _remove_rule_row(self) -> None:
        row = self.rules_table.currentRow()
        if row >= 0:
            self.rules_table.removeRow(row)
            self._try_code()

    def _move_rule_row(self, step: int) -> None:
        row = self.rules_table.currentRow()
        data = self.rules_data()
        target = row + step
        if row < 0 or not 0 <= target < len(data):
            return
        data[row], data[target] = data[target], data[row]
        self._fill_rules(data)
        self.rules_table.setCurrentCell(target, 1)

    def rules_data(self) -> list[dict[str, str]]:
        """The rules as shown, in order (descriptions kept in their stored language)."""
        out = []
        for row in range(self.rules_table.rowCount()):
            kind = self.rules_table.cellWidget(row, 0).currentData()
            pattern = (self.rules_table.item(row, 1).text() if self.rules_table.item(row, 1) else "").strip()
            item = self.rules_table.item(row, 2)
            text = item.text() if item else ""
            stored = item.data(Qt.ItemDataRole.UserRole) if item else None
            # A default description shown translated stays stored in its original words.
            description = stored if stored and rule_description(stored) == text else text
            out.append({"kind": kind, "pattern": pattern, "description": description.strip()})
        return out

    def _try_code(self, *_args: object) -> None:
        code = self.try_code.text().strip()
        if not code:
            self.try_result.setText("")
            return
        try:
            rules = [Rule(d["kind"], d["pattern"], d["description"])
                     for d in validate_rules_data(self.rules_data())]
        except DomainError as exc:
            self.try_result.setText(error_text(exc))
            self.try_result.setStyleSheet("color: #b00020;")
            return
        self.try_result.setStyleSheet("")
        self.try_result.setText("→ " + kind_name(recognize(code, rules).kind))

    def save_rules(self) -> bool:
        data = self.rules_data()

        def call():  # noqa: ANN202
            self._services.settings.set("scanner.rules", data)
            return True

        if not run_action(self, call):
            return False
        self.bridge.reload_rules()
        if self._bus is not None:
            self._bus.sig_changed.emit("settings")
            self._bus.sig_status.emit(self.tr("Recognition rules saved"))
        return True

    # -- live test -------------------------------------------------------------------------------

    def _typed_in_test_field(self) -> None:
        # Enter after typing by hand (not a burst): try it anyway, it is a test field.
        text = self.wedge_test.text().strip()
        if text:
            self.bridge.submit_text(text, "keyboard")
            self.wedge_test.clear()

    def _on_scan(self, event: object) -> None:
        if not isinstance(event, ScanEvent):
            return
        if self.bridge.test_mode and not self._test_mode_on:
            return  # another page has the test mode; its scans are not for us
        self._add_live_row([self._source_name(event.source), escape_bytes(event.raw) if event.encoding != "keyboard"
                            else event.raw.decode("utf-8", "replace"), event.text, kind_name(event.kind),
                            symbology_text(event.symbology, event.aim_id)], error=False)

    def _on_error(self, error: object) -> None:
        if not isinstance(error, ScanError):
            return
        self._add_live_row([self._source_name(error.source), escape_bytes(error.raw), scan_error_text(error),
                            self.tr("Error"), ""], error=True)
        if error.key.startswith("scanner."):
            self._show_states()

    def _source_name(self, source: str) -> str:
        return self.tr("Keyboard") if source == "keyboard" else source

    def _add_live_row(self, cells: list[str], *, error: bool) -> None:
        self.live.insertRow(0)  # newest on top: that is where the eye is
        for col, text in enumerate([datetime.now().strftime("%H:%M:%S"), *cells]):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if error:
                item.setForeground(QBrush(_ERROR_COLOR))
            self.live.setItem(0, col, item)
        self.live.resizeRowToContents(0)  # an error message wraps instead of being cut off
        while self.live.rowCount() > LIVE_ROWS_MAX:
            self.live.removeRow(self.live.rowCount() - 1)

    def _show_states(self, *_args: object) -> None:
        states = self.bridge.states()
        if not states:
            text = self.tr("No serial scanner is configured on this PC.")
        else:
            text = "   ".join(f"{name}: {state_name(state)}" for name, state in states.items())
        self.serial_states.setText(text)
        self.test_states.setText(text)
        for row, cfg in enumerate(self._configs):
            item = self.scanner_list.item(row)
            if item is not None:
                item.setText(self._list_text(cfg))

    # -- showing / hiding: test mode and the private bridge ----------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._test_mode_on:
            self._test_mode_on = True
            self.bridge.set_test_mode(True)
            if self._own_bridge:
                self.bridge.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        super().hideEvent(event)
        self._leave_test_mode()

    def _leave_test_mode(self) -> None:
        if self._test_mode_on:
            self._test_mode_on = False
            self.bridge.set_test_mode(False)
            if self._own_bridge:
                self.bridge.stop()

    # -- language ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Serial scanners"))
        self.tabs.setTabText(1, self.tr("Keyboard scanners"))
        self.tabs.setTabText(2, self.tr("Recognition rules"))
        self.tabs.setTabText(3, self.tr("Test your scanner"))
        self.add_button.setText(self.tr("&Add"))
        self.remove_button.setText(self.tr("&Remove"))
        self.refresh_ports_button.setText(self.tr("Refresh"))
        self.refresh_ports_button.setToolTip(self.tr("Look again for serial ports (after plugging a scanner in)"))
        self.port.lineEdit().setPlaceholderText(self.tr("COM3, /dev/ttyUSB0, socket://host:port"))
        labels = {
            "name": self.tr("Name"), "port": self.tr("Port"), "baudrate": self.tr("Baud rate"),
            "bytesize": self.tr("Data bits"), "parity": self.tr("Parity"), "stopbits": self.tr("Stop bits"),
        }
        for key, text in labels.items():
            self.line_form.label(key).setText(text)
        labels = {
            "terminator": self.tr("Line end"), "idle_timeout_ms": self.tr("Idle timeout"),
            "prefix": self.tr("Prefix"), "suffix": self.tr("Suffix"), "enabled": self.tr("In use"),
            "usb": self.tr("USB device"),
        }
        for key, text in labels.items():
            self.code_form.label(key).setText(text)
        self.enabled.setText(self.tr("read this scanner"))
        for w in (self.idle_timeout, self.wedge_gap):
            w.setSuffix(self.tr(" ms"))
        for i, name in enumerate((self.tr("None"), self.tr("Even"), self.tr("Odd"), self.tr("Mark"),
                                  self.tr("Space"))):
            self.parity.setItemText(i, name)
        for i, name in enumerate((self.tr("CR"), self.tr("LF"), self.tr("CR+LF"),
                                  self.tr("None (ends after the idle timeout)"))):
            self.terminator.setItemText(i, name)
        self.terminator.setToolTip(self.tr("CR, LF and CR+LF are all accepted whatever is chosen; "
                                           "with None a code ends after the idle timeout."))
        for w in (self.prefix, self.suffix, self.wedge_prefix, self.wedge_suffix):
            w.setPlaceholderText(self.tr("none"))
            w.setToolTip(self.tr("Removed from each code when present. Write control characters as "
                                 "\\x02 (STX), \\x03 (ETX), \\t (tab)."))
        self.serial_save.setText(self.tr("&Save and restart scanners"))

        self.wedge_help.setText(self.tr(
            "Scanners that type like a keyboard (USB HID). In a scan field, a burst of keys is "
            "taken as a scan: everything after the prefix, if the scanners are programmed with "
            "one (most reliable); otherwise at least the minimum number of characters, each "
            "faster than the maximum gap, ending with Enter. Typing by hand stays typing."))
        self.wedge_form.label("prefix").setText(self.tr("Prefix"))
        self.wedge_form.label("suffix").setText(self.tr("Suffix"))
        self.wedge_form.label("min_chars").setText(self.tr("Minimum characters"))
        self.wedge_form.label("max_gap_ms").setText(self.tr("Maximum gap between keys"))
        self.wedge_save.setText(self.tr("&Save"))

        self.rules_table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Pattern"), self.tr("Description")])
        for row in range(self.rules_table.rowCount()):
            combo = self.rules_table.cellWidget(row, 0)
            for i in range(combo.count()):
                combo.setItemText(i, kind_name(combo.itemData(i)))
            item = self.rules_table.item(row, 2)
            stored = item.data(Qt.ItemDataRole.UserRole) if item else None
            if stored and stored in _default_descriptions():
                item.setText(rule_description(stored))
        self.rule_add.setText(self.tr("Add rule"))
        self.rule_remove.setText(self.tr("Remove rule"))
        self.rule_up.setText(self.tr("Move up"))
        self.rule_down.setText(self.tr("Move down"))
        self.rules_defaults.setText(self.tr("Defaults"))
        self.rules_save.setText(self.tr("Save rules"))
        self.rules_note.setText(
            self.tr("The first rule whose pattern (a regular expression) matches decides what a code "
                    "is; no match: the counter asks. Shared by every counter.")
            + ("" if self._may_edit_rules else " " + self.tr("Only a supervisor can change them.")))
        self.try_label.setText(self.tr("&Try a code:"))
        self._try_code()

        self.live.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Scanner"), self.tr("Received"),
                                             self.tr("Code"), self.tr("Kind"), self.tr("Code type")])
        self.wedge_label.setText(self.tr("&Keyboard scanner: scan here"))
        self.wedge_test.setPlaceholderText(self.tr("or type a code and press Enter"))
        self.live_clear.setText(self.tr("Clear"))
        self._show_states()
        if self._load_error is not None:
            self.serial_states.setText(error_text(self._load_error))


def services_rules(services) -> list[dict[str, str]]:  # noqa: ANN001
    """The stored rules (defaults without a database)."""
    if services is None:
        return default_rules_data()
    try:
        return validate_rules_data(services.settings.get("scanner.rules"))
    except DomainError:
        return default_rules_data()
    except Exception:  # noqa: BLE001 - StorageError: show the defaults, saving will say what is wrong
        return default_rules_data()


def _default_descriptions() -> set[str]:
    return {r["description"] for r in default_rules_data()}


def _set_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def _leave_test_mode(bridge: ScannerBridge, page: ScannerSettingsPage):  # noqa: ANN202
    # ``destroyed`` fires when the Python wrapper's state is unreliable: capture a flag holder.
    holder = {"page": page}

    def leave(*_args: object) -> None:
        p = holder.pop("page", None)
        try:
            if p is not None and p._test_mode_on:
                p._test_mode_on = False
                bridge.set_test_mode(False)
        except RuntimeError:
            pass

    return leave
