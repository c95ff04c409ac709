"""The cabinet's registers: intake from the developer (钥匙交接验收统计表), outstanding keys
(尚未移交钥匙统计表) and the monthly statistics (print and export)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.key_rules import CATEGORIES, INTAKE_SOURCES
from app.services import Services
from app.services.keys import IntakeInput, OutstandingInput
from ui.errors import run_action
from ui.format import fmt_datetime
from ui.messages import key_category_name, key_term_name
from ui.widgets.field_form import FieldForm
from ui.widgets.occupant_picker import FILL_NAME, OccupantPicker
from ui.widgets.retranslate import Retranslating

_STAT_COLUMNS = ("at_start", "received", "handed_over", "lent", "keys_lent", "retired", "changed", "lost", "found",
                 "kept")


class IntakeDialog(Retranslating, QDialog):
    """Take keys in one by one; each saved line appears in the list below, the form stays open."""

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.taken_in = []
        self.category = QComboBox(self)
        for c in CATEGORIES:
            self.category.addItem("", c)
        # A unit number, or the owner entrusting a spare key picked from the directory.
        self.unit = OccupantPicker(services, self)
        self.unit.setObjectName("intake_unit")
        self.label = QLineEdit(self)
        self.label.setMaxLength(128)
        self.area = QLineEdit(self)
        self.area.setMaxLength(64)
        self.hook = QLineEdit(self)
        self.hook.setMaxLength(16)
        self.key_count = QSpinBox(self)
        self.key_count.setRange(1, 50)
        self.expected = QSpinBox(self)
        self.expected.setRange(0, 50)
        self.sealed = QSpinBox(self)
        self.sealed.setRange(0, 50)
        self.condition = QLineEdit(self)
        self.condition.setMaxLength(64)
        self.source = QComboBox(self)
        for s in INTAKE_SOURCES:
            self.source.addItem("", s)
        # From an owner: the owner picked here (suggestions only then; developers are typed).
        self.handed_over_by = OccupantPicker(services, self, fill=FILL_NAME)
        self.handed_over_by.setObjectName("handed_over_by")
        self.handed_over_by.suggester.enabled = False
        self.outstanding = QComboBox(self)
        self.note = QLineEdit(self)
        self.note.setMaxLength(1000)
        self.form = FieldForm(self)
        for name, w in (("category", self.category), ("unit_code", self.unit), ("label", self.label),
                        ("area", self.area), ("hook", self.hook), ("key_count", self.key_count),
                        ("expected_count", self.expected), ("sealed_spares", self.sealed),
                        ("condition", self.condition), ("source", self.source),
                        ("handed_over_by", self.handed_over_by), ("outstanding_id", self.outstanding),
                        ("note", self.note)):
            self.form.add_row(name, w, aliases=("occupant_id", "location") if name == "unit_code" else ())
        self.done_list = QListWidget(self)
        self.done_list.setMaximumHeight(120)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)
        self.save_button.setObjectName("intake_save")
        self.close_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.done_list)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.accept)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self).activated.connect(self.save)
        for edit in (self.unit, self.label, self.area, self.hook, self.condition, self.handed_over_by, self.note):
            edit.returnPressed.connect(self.focusNextChild)
        self.category.currentIndexChanged.connect(self._category_changed)
        self.source.currentIndexChanged.connect(self._source_changed)
        self.unit.sig_picked.connect(self._owner_picked)
        self.handed_over_by.sig_picked.connect(self._owner_picked)
        self.retranslate()
        self._load_outstanding()
        self.resize(560, 640)
        self.unit.setFocus()

    def _category_changed(self, _i: int = 0) -> None:
        public = self.category.currentData() == "public"
        self.sealed.setEnabled(public)
        if public:
            self.key_count.setValue(1)

    def _source_changed(self, _i: int = 0) -> None:
        self.handed_over_by.suggester.enabled = self.source.currentData() == "owner"

    def _owner_picked(self, occupant) -> None:  # noqa: ANN001
        """An occupant picked (in the unit or the handed-over-by field): the owner entrusting
        a spare key of their own unit — both fields and the source follow."""
        if self.unit.occupant_id != occupant.id:
            self.unit.show_occupant(occupant)
        if self.category.currentData() != "unit":
            self.category.setCurrentIndex(self.category.findData("unit"))
        if self.source.currentData() == "developer" and not self.handed_over_by.text().strip():
            self.source.setCurrentIndex(self.source.findData("owner"))
        if self.source.currentData() == "owner" and self.handed_over_by.occupant_id != occupant.id:
            self.handed_over_by.show_occupant(occupant)

    def _load_outstanding(self) -> None:
        current = self.outstanding.currentData()
        self.outstanding.clear()
        self.outstanding.addItem(self.tr("(none)"), None)
        try:
            entries = self.services.keys.outstanding()
        except Exception:  # noqa: BLE001
            entries = []
        for o in entries:
            self.outstanding.addItem(f"#{o.id} {o.location} ({o.remaining})", o.id)
        i = self.outstanding.findData(current)
        self.outstanding.setCurrentIndex(max(0, i))

    def value(self) -> IntakeInput:
        return IntakeInput(
            category=self.category.currentData(), label=self.label.text(), key_count=self.key_count.value(),
            hook=self.hook.text(), handed_over_by=self.handed_over_by.person_name(),
            condition=self.condition.text() or "完好", area=self.area.text(), unit_code=self.unit.unit_code(),
            occupant_id=self.unit.occupant_id if self.category.currentData() == "unit" else None,
            expected_count=self.expected.value() or None, source=self.source.currentData(),
            sealed_spares=self.sealed.value() if self.category.currentData() == "public" else 0,
            outstanding_id=self.outstanding.currentData(), note=self.note.text(),
        )

    def save(self):  # noqa: ANN201
        data = self.value()
        view = run_action(self, lambda: self.services.keys.intake(data), form=self.form)
        if view is None:
            return None
        self.taken_in.append(view)
        line = self.tr("%1 on hook %2: %3, %n key(s)", "", view.key_count).replace("%1", view.tag_code) \
            .replace("%2", view.hook).replace("%3", view.location)
        if view.opened_outstanding_id:
            line += "  " + self.tr("(outstanding entry #%1 opened)").replace("%1", str(view.opened_outstanding_id))
        self.done_list.insertItem(0, line)
        # Next key: the same handover session, so who handed over and where stay.
        for edit in (self.label, self.hook, self.note):
            edit.clear()
        self.expected.setValue(0)
        self.sealed.setValue(0)
        self._load_outstanding()
        self.label.setFocus()
        return view

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Key intake (handover register)"))
        f = self.form
        texts = {"category": self.tr("&Category"), "unit_code": self.tr("&Unit"), "label": self.tr("&Opens"),
                 "area": self.tr("Area"), "hook": self.tr("&Hook"), "key_count": self.tr("&Keys received"),
                 "expected_count": self.tr("Full set should have"), "sealed_spares": self.tr("Spares sealed"),
                 "condition": self.tr("Condition"), "source": self.tr("From"),
                 "handed_over_by": self.tr("Handed over &by"), "outstanding_id": self.tr("Settles outstanding"),
                 "note": self.tr("Note")}
        for name, text in texts.items():
            f.label(name).setText(text)
        for i in range(self.category.count()):
            self.category.setItemText(i, key_category_name(self.category.itemData(i)))
        for i in range(self.source.count()):
            self.source.setItemText(i, key_term_name(self.source.itemData(i)))
        if self.outstanding.count():
            self.outstanding.setItemText(0, self.tr("(none)"))
        self.unit.setPlaceholderText(self.tr("A-1203, or the owner: name, initials (zs), phone tail"))
        self.label.setPlaceholderText(self.tr("e.g. 入户门, A栋天台门, 1号配电房"))
        self.hook.setPlaceholderText(self.tr("e.g. A-012"))
        self.condition.setPlaceholderText("完好")
        self.expected.setSpecialValueText(self.tr("as received"))
        self.save_button.setText(self.tr("&Take in (Ctrl+Enter)"))
        self.close_button.setText(self.tr("Close"))


class OutstandingDialog(Retranslating, QDialog):
    """The outstanding-keys register: add, follow up with notes, close."""

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.entries = []
        self.table = QTableWidget(self)
        self.table.setColumnCount(6)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.include_closed = QCheckBox(self)
        self.notes = QListWidget(self)
        self.notes.setMaximumHeight(110)
        # New entry form.
        self.add_box = QGroupBox(self)
        self.location = QLineEdit(self)
        self.location.setMaxLength(128)
        self.count = QSpinBox(self)
        self.count.setRange(1, 10_000)
        self.category = QComboBox(self)
        for c in CATEGORIES:
            self.category.addItem("", c)
        self.unit = QLineEdit(self)
        self.first_note = QLineEdit(self)
        self.form = FieldForm(self.add_box)
        self.form.add_row("location", self.location)
        self.form.add_row("count_owed", self.count)
        self.form.add_row("category", self.category)
        self.form.add_row("unit_code", self.unit)
        self.form.add_row("note", self.first_note)
        self.add_button = QPushButton(self)
        lay = QVBoxLayout(self.add_box)
        lay.addWidget(self.form)
        lay.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        self.note_button = QPushButton(self)
        self.close_entry_button = QPushButton(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.include_closed)
        row.addStretch(1)
        row.addWidget(self.note_button)
        row.addWidget(self.close_entry_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.notes)
        layout.addWidget(self.add_box)
        layout.addWidget(self.buttons)
        self.include_closed.toggled.connect(lambda _c: self.refresh())
        self.table.currentCellChanged.connect(lambda *_: self._show_notes())
        self.add_button.clicked.connect(self.add)
        self.note_button.clicked.connect(self.add_note)
        self.close_entry_button.clicked.connect(self.close_entry)
        self.retranslate()
        self.refresh()
        self.resize(760, 640)

    def current(self):  # noqa: ANN201
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def refresh(self, select_id: int | None = None) -> None:
        """Reload the register; keep the entry worked on selected (or ``select_id``)."""
        if select_id is None and self.current() is not None:
            select_id = self.current().id
        try:
            self.entries = self.services.keys.outstanding(include_closed=self.include_closed.isChecked())
        except Exception:  # noqa: BLE001
            self.entries = []
        self.table.setRowCount(len(self.entries))
        for r, o in enumerate(self.entries):
            state = self.tr("closed %1").replace("%1", fmt_datetime(o.closed_at)) if not o.open else self.tr("open")
            for c, text in enumerate((o.location, key_category_name(o.category), str(o.count_owed),
                                      str(o.count_received), fmt_datetime(o.created_at), state)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.entries:
            rows = [r for r, o in enumerate(self.entries) if o.id == select_id]
            self.table.setCurrentCell(rows[0] if rows else 0, 0)
        self._show_notes()

    def _show_notes(self) -> None:
        self.notes.clear()
        o = self.current()
        if o is None:
            return
        for n in o.notes:
            self.notes.addItem(f"{fmt_datetime(n.at)}  {n.by}: {n.note}")
        if o.close_note:
            self.notes.addItem(f"{fmt_datetime(o.closed_at)}  {o.closed_by}: {o.close_note}")

    def add(self):  # noqa: ANN201
        data = OutstandingInput(location=self.location.text(), count_owed=self.count.value(),
                                category=self.category.currentData(), unit_code=self.unit.text(),
                                note=self.first_note.text())
        view = run_action(self, lambda: self.services.keys.add_outstanding(data), form=self.form)
        if view is not None:
            for e in (self.location, self.unit, self.first_note):
                e.clear()
            self.count.setValue(1)  # the next entry's count is typed afresh
            self.refresh(select_id=view.id)
            self.location.setFocus()
        return view

    def _ask(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None

    def add_note(self, text: str | None = None):  # noqa: ANN201
        o = self.current()
        if o is None:
            return None
        if text is None:
            text = self._ask(self.tr("Follow-up note"), self.tr("What was done (called the developer…):"))
            if text is None:
                return None
        view = run_action(self, lambda: self.services.keys.add_outstanding_note(o.id, text))
        if view is not None:
            self.refresh()
        return view

    def close_entry(self, text: str | None = None):  # noqa: ANN201
        o = self.current()
        if o is None:
            return None
        if text is None:
            text = self._ask(self.tr("Close entry"), self.tr("Why is nothing more owed?"))
            if text is None:
                return None
        view = run_action(self, lambda: self.services.keys.close_outstanding(o.id, text))
        if view is not None:
            self.refresh()
        return view

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Outstanding keys register"))
        self.table.setHorizontalHeaderLabels([self.tr("Location"), self.tr("Category"), self.tr("Owed"),
                                              self.tr("Received"), self.tr("Since"), self.tr("State")])
        self.include_closed.setText(self.tr("Show closed entries"))
        self.note_button.setText(self.tr("Add follow-up &note…"))
        self.close_entry_button.setText(self.tr("&Close entry…"))
        self.add_box.setTitle(self.tr("New entry: keys the developer still owes"))
        f = self.form
        f.label("location").setText(self.tr("&Location"))
        f.label("count_owed").setText(self.tr("Keys owed"))
        f.label("category").setText(self.tr("Category"))
        f.label("unit_code").setText(self.tr("Unit"))
        f.label("note").setText(self.tr("First note"))
        for i in range(self.category.count()):
            self.category.setItemText(i, key_category_name(self.category.itemData(i)))
        self.add_button.setText(self.tr("&Add entry"))


class StatisticsDialog(Retranslating, QDialog):
    """One month's key statistics per category; Print (PDF preview) and Export (CSV/XLSX)."""

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        today = date.today()
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.month = QSpinBox(self)
        self.month.setRange(1, 12)
        self.month.setValue(today.month)
        self.period_label = QLabel(self)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.print_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.close_button = QPushButton(self)
        top = QHBoxLayout()
        top.addWidget(self.period_label)
        top.addWidget(self.year)
        top.addWidget(self.month)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.month.valueChanged.connect(lambda _v: self.refresh())
        self.print_button.clicked.connect(self.print_report)
        self.export_button.clicked.connect(lambda: self.export())
        self.close_button.clicked.connect(self.accept)
        self.stats = None
        self.resize(900, 360)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self.stats = run_action(self, lambda: self.services.keys.monthly_statistics(self.year.value(),
                                                                                    self.month.value()))
        rows = [*self.stats.rows, self.stats.total] if self.stats else []
        self.table.setRowCount(len(rows))
        self.table.setColumnCount(1 + len(_STAT_COLUMNS))
        for r, row in enumerate(rows):
            name = self.tr("Total") if row.category == "total" else key_category_name(row.category)
            self.table.setItem(r, 0, QTableWidgetItem(name))
            for c, col in enumerate(_STAT_COLUMNS, start=1):
                item = QTableWidgetItem(str(getattr(row, col)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        self._headers()
        self.table.resizeColumnsToContents()

    def print_report(self) -> None:
        from ui.keys.printing import print_key_monthly_report

        run_action(self, lambda: print_key_monthly_report(self, self.services, self.year.value(), self.month.value()))

    def export(self, path: str | None = None) -> int | None:
        if path is None:
            name = f"key-statistics-{self.year.value()}-{self.month.value():02d}.xlsx"
            path, _f = QFileDialog.getSaveFileName(self, self.tr("Export key statistics"), name,
                                                   self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
            if not path:
                return None
        fmt = "csv" if path.lower().endswith(".csv") else "xlsx"
        lang = "zh_CN" if QLocale().name().startswith("zh") else "en"  # the export follows the UI
        from app.exporter import export_key_statistics

        n = run_action(self, lambda: export_key_statistics(self.services, self.year.value(), self.month.value(),
                                                           fmt, Path(path), lang=lang))
        return n

    def _headers(self) -> None:
        self.table.setHorizontalHeaderLabels([
            self.tr("Category"), self.tr("Held at start"), self.tr("Received"), self.tr("Handed over"),
            self.tr("Loans"), self.tr("Keys lent"), self.tr("Retired"), self.tr("Locks changed"), self.tr("Lost"),
            self.tr("Found"), self.tr("Held at end")])

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Monthly key statistics"))
        self.period_label.setText(self.tr("Month:"))
        self.print_button.setText(self.tr("&Print…"))
        self.export_button.setText(self.tr("&Export…"))
        self.close_button.setText(self.tr("Close"))
        if self.stats is not None:
            self.refresh()
