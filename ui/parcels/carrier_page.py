"""Settings → Carriers: the administrator's table of carrier rules (``parcels.carrier_rules``).

One row per rule, tried as ``app.parcels.carriers.recognize_carrier`` tries them: code, the
two names, a regular expression on the whole (normalised) number and the check-digit method.
A number typed in the "try" field is recognised live with the rules *as shown* (not yet
saved), so an administrator sees the effect of an edit before saving. Saving goes through
``SettingsService.set`` which validates the table and requires an administrator; everyone
else sees the rules read-only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.parcels.carriers import CHECKS, default_carrier_rules, recognize_carrier, validate_carrier_rules
from app.security import role_at_least
from app.services import Services
from ui.bus import DataBus
from ui.errors import run_action
from ui.messages import error_text
from ui.parcels.table_model import carrier_label
from ui.widgets.retranslate import Retranslating

COLUMNS = ("carrier", "name_zh", "name_en", "pattern", "check")
CHECK_COL = 4


def check_name(check: str) -> str:
    """The check-digit method as the administrator reads it."""
    names = {
        "none": QCoreApplication.translate("CarrierRules", "none"),
        "s10": QCoreApplication.translate("CarrierRules", "UPU S10 (EMS / China Post)"),
        "ups": QCoreApplication.translate("CarrierRules", "UPS 1Z"),
        "fedex12": QCoreApplication.translate("CarrierRules", "FedEx 12 digits"),
        "fedex15": QCoreApplication.translate("CarrierRules", "FedEx 15 digits"),
        "dhl_mod7": QCoreApplication.translate("CarrierRules", "DHL (mod 7)"),
    }
    return names.get(check, check)


def verdict_name(check_digit: str) -> str:
    return {
        "ok": QCoreApplication.translate("CarrierRules", "check digit correct"),
        "failed": QCoreApplication.translate("CarrierRules", "check digit WRONG: probably misread"),
        "none": QCoreApplication.translate("CarrierRules", "no check digit"),
    }.get(check_digit, check_digit)


class CarrierRulesPage(Retranslating, QWidget):
    def __init__(self, services: Services, bus: DataBus | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._bus = bus
        op = services.ctx.operator
        self.may_edit = op is not None and role_at_least(op.role, "admin")
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self.try_code)
        if not self.may_edit:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.up_button = QPushButton(self)
        self.down_button = QPushButton(self)
        self.defaults_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("save_carrier_rules")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))
        self.defaults_button.clicked.connect(lambda: self.fill(default_carrier_rules()))
        self.save_button.clicked.connect(self.save)
        side = QVBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button, self.defaults_button):
            b.setEnabled(self.may_edit)
            side.addWidget(b)
        side.addStretch(1)
        self.save_button.setEnabled(self.may_edit)
        side.addWidget(self.save_button)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(side)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.try_label = QLabel(self)
        self.try_field = QLineEdit(self)
        self.try_field.setObjectName("try_carrier_code")
        self.try_field.textChanged.connect(self.try_code)
        self.try_label.setBuddy(self.try_field)
        self.try_result = QLabel(self)
        self.try_result.setWordWrap(True)
        try_row = QHBoxLayout()
        try_row.addWidget(self.try_label)
        try_row.addWidget(self.try_field, 1)
        try_row.addWidget(self.try_result, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(row, 1)
        layout.addLayout(try_row)
        try:
            data = services.settings.get("parcels.carrier_rules")
        except DomainError:
            data = default_carrier_rules()
        self.fill(data)
        self.retranslate()

    # -- the table ------------------------------------------------------------------------------

    def fill(self, data: list[dict[str, str]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for rule in data:
            self._append(rule)
        self.table.blockSignals(False)
        self.try_code()

    def _append(self, rule: dict[str, str]) -> int:
        row = self.table.rowCount()
        blocked = self.table.blockSignals(True)  # no live try on a half-built row
        self.table.insertRow(row)
        for col, key in enumerate(COLUMNS[:CHECK_COL]):
            self.table.setItem(row, col, QTableWidgetItem(str(rule.get(key, ""))))
        check = QComboBox(self.table)
        for name in CHECKS:
            check.addItem(check_name(name), name)
        check.setCurrentIndex(max(0, check.findData(rule.get("check") or "none")))
        check.setEnabled(self.may_edit)
        check.currentIndexChanged.connect(self.try_code)
        self.table.setCellWidget(row, CHECK_COL, check)
        self.table.blockSignals(blocked)
        return row

    def add_row(self) -> None:
        """A new empty rule at the end, its code cell open for typing."""
        row = self._append({"carrier": "", "name_zh": "", "name_en": "", "pattern": "", "check": "none"})
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.try_code()

    def move_row(self, step: int) -> None:
        """Order matters among overlapping formats (the more specific rule first)."""
        row = self.table.currentRow()
        data = self.rules_data()
        target = row + step
        if row < 0 or not 0 <= target < len(data):
            return
        data[row], data[target] = data[target], data[row]
        self.fill(data)
        self.table.setCurrentCell(target, 0)

    def rules_data(self) -> list[dict[str, str]]:
        """The rules as shown, in order."""
        out = []
        for row in range(self.table.rowCount()):
            rule = {key: (self.table.item(row, col).text().strip() if self.table.item(row, col) else "")
                    for col, key in enumerate(COLUMNS[:CHECK_COL])}
            rule["check"] = self.table.cellWidget(row, CHECK_COL).currentData()
            out.append(rule)
        return out

    # -- trying and saving ----------------------------------------------------------------------

    def try_code(self, *_args: object) -> None:
        """Recognise the number typed with the rules on screen (saved or not)."""
        code = self.try_field.text().strip()
        if not code:
            self.try_result.setText("")
            return
        try:
            rules = validate_carrier_rules(self.rules_data())
        except DomainError as exc:
            self.try_result.setStyleSheet("color: #b00020;")
            self.try_result.setText(error_text(exc))
            return
        match = recognize_carrier(code, rules)
        if match.carrier == "other":
            name = QCoreApplication.translate("CarrierRules", "other (accepted, no carrier)")
        else:
            name = carrier_label(match.carrier, {match.carrier: (match.name_zh, match.name_en)})
        text = f"→ {name} · {verdict_name(match.check_digit)}"
        if match.ambiguous_with:
            text += " · " + QCoreApplication.translate("CarrierRules", "also fits: %1").replace(
                "%1", ", ".join(match.ambiguous_with))
        self.try_result.setStyleSheet("color: #b00020;" if match.check_digit == "failed" else "")
        self.try_result.setText(text)

    def save(self) -> bool:
        data = self.rules_data()

        def call() -> bool:
            self._services.settings.set("parcels.carrier_rules", data)
            return True

        if not run_action(self, call):
            return False
        if self._bus is not None:
            self._bus.sig_changed.emit("settings")  # the scanners and the Parcels tab reload them
            self._bus.sig_status.emit(self.tr("Carrier rules saved"))
        return True

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Chinese name"), self.tr("English name"),
                                              self.tr("Pattern (whole number)"), self.tr("Check digit")])
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, CHECK_COL)
            for i in range(combo.count()):
                combo.setItemText(i, check_name(combo.itemData(i)))
        self.add_button.setText(self.tr("Add rule"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))
        self.defaults_button.setText(self.tr("Restore defaults"))
        self.save_button.setText(self.tr("Save carrier rules"))
        self.try_label.setText(self.tr("&Try a number:"))
        self.try_field.setPlaceholderText(self.tr("e.g. EA123456785CN"))
        if self.may_edit:
            self.note.setText(self.tr("Rules are tried in order: the first whose pattern matches the whole "
                                      "number and whose check digit is not wrong wins. A number no rule "
                                      "matches is still accepted, as carrier \"other\"."))
        else:
            self.note.setText(self.tr("Only an administrator can change the carrier rules."))
        self.try_code()
