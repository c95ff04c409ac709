"""The occupant directory (业户档案): search by unit, name, pinyin initials or phone tail."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.security import role_at_least
from app.services import Services
from app.services.occupants import OCCUPANT_KINDS, MemberInput, OccupantInput, OccupantView
from ui.bus import DataBus
from ui.errors import run_action
from ui.format import fmt_date
from ui.messages import occupant_kind_name
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating
from ui.widgets.shortcuts import debounce


class OccupantEditDialog(Retranslating, QDialog):
    """Add an occupant or correct one; household members one per line: name, relation, phone."""

    def __init__(self, services: Services, occupant: OccupantView | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._occupant = occupant
        self.result_view: OccupantView | None = None
        self.unit = QLineEdit(self)
        self.name = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.kind = QComboBox(self)
        for k in OCCUPANT_KINDS:
            self.kind.addItem(occupant_kind_name(k), k)
        self.has_move_in = QCheckBox(self)
        self.move_in = QDateEdit(QDate.currentDate(), self)
        self.move_in.setDisplayFormat("yyyy-MM-dd")
        self.move_in.setCalendarPopup(True)
        self.emergency_name = QLineEdit(self)
        self.emergency_phone = QLineEdit(self)
        self.note = QLineEdit(self)
        self.members = QPlainTextEdit(self)
        self.members.setFixedHeight(80)
        self.form = FieldForm(self)
        for name, widget in (("unit", self.unit), ("name", self.name), ("phone", self.phone), ("kind", self.kind),
                             ("move_in_date", self.move_in), ("emergency_name", self.emergency_name),
                             ("emergency_phone", self.emergency_phone), ("note", self.note)):
            self.form.add_row(name, widget)
        self.form.add_row("members", self.members, aliases=tuple(f"members.{i}.{f}" for i in range(20)
                                                                 for f in ("name", "relation", "phone")))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.has_move_in)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.has_move_in.toggled.connect(self.move_in.setEnabled)
        self.has_move_in.setChecked(False)
        self.move_in.setEnabled(False)
        if occupant is not None:
            self.unit.setText(occupant.unit_code)
            self.name.setText(occupant.name)
            self.phone.setText(occupant.phone)
            self.kind.setCurrentIndex(max(0, self.kind.findData(occupant.kind)))
            if occupant.move_in_date:
                self.has_move_in.setChecked(True)
                d = occupant.move_in_date
                self.move_in.setDate(QDate(d.year, d.month, d.day))
            self.emergency_name.setText(occupant.emergency_name)
            self.emergency_phone.setText(occupant.emergency_phone)
            self.note.setText(occupant.note)
            self.members.setPlainText("\n".join(", ".join(x for x in (m.name, m.relation, m.phone))
                                                for m in occupant.members))
        self.retranslate()

    def value(self) -> OccupantInput:
        members = []
        for line in self.members.toPlainText().splitlines():
            parts = [p.strip() for p in line.replace("，", ",").split(",")]
            if not any(parts):
                continue
            parts += ["", "", ""]
            members.append(MemberInput(parts[0], parts[1], parts[2]))
        d = self.move_in.date()
        return OccupantInput(
            unit_code=self.unit.text(), name=self.name.text(), phone=self.phone.text(),
            kind=self.kind.currentData(),
            move_in_date=date(d.year(), d.month(), d.day()) if self.has_move_in.isChecked() else None,
            emergency_name=self.emergency_name.text(), emergency_phone=self.emergency_phone.text(),
            note=self.note.text(), members=tuple(members),
        )

    def save(self) -> None:
        data = self.value()
        if self._occupant is None:
            result = run_action(self, lambda: self._services.occupants.create(data), form=self.form)
        else:
            result = run_action(self, lambda: self._services.occupants.update(self._occupant.id, data), form=self.form)
        if result is not None:
            self.result_view = result
            self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add occupant") if self._occupant is None else self.tr("Edit occupant"))
        labels = {"unit": self.tr("&Unit"), "name": self.tr("&Name"), "phone": self.tr("&Phone"),
                  "kind": self.tr("Owner / tenant"), "move_in_date": self.tr("Move-in date"),
                  "emergency_name": self.tr("Emergency contact"), "emergency_phone": self.tr("Emergency phone"),
                  "note": self.tr("Note"), "members": self.tr("Household members")}
        for key, text in labels.items():
            self.form.label(key).setText(text)
        self.has_move_in.setText(self.tr("Move-in date known"))
        self.members.setPlaceholderText(self.tr("One per line: name, relation, phone"))
        for i in range(self.kind.count()):
            self.kind.setItemText(i, occupant_kind_name(self.kind.itemData(i)))


class OccupantDirectoryDialog(Retranslating, QDialog):
    def __init__(self, services: Services, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._bus = bus
        self._rows: list[OccupantView] = []
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumWidth(260)
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        op = services.ctx.operator
        can_edit = bool(op and role_at_least(op.role, "supervisor"))
        self.add_button.setEnabled(can_edit)
        self.edit_button.setEnabled(False)
        self._can_edit = can_edit
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addWidget(self.details, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self._timer = debounce(self, 120, self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.table.itemSelectionChanged.connect(self._show_current)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.resize(900, 560)
        self.retranslate()
        self.refresh()
        self.search.setFocus()

    def refresh(self) -> None:
        self._rows = self._services.occupants.search(self.search.text(), limit=200)
        self.table.setRowCount(len(self._rows))
        for r, o in enumerate(self._rows):
            values = (o.unit_code, o.name, occupant_kind_name(o.kind), o.phone, fmt_date(o.move_in_date))
            for c, text in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self._rows:
            self.table.selectRow(0)
        else:
            self.details.setText(self.tr("No occupant matches."))

    def current(self) -> OccupantView | None:
        row = self.table.currentRow()
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _show_current(self) -> None:
        o = self.current()
        self.edit_button.setEnabled(o is not None and self._can_edit)
        if o is None:
            return
        full = self._services.occupants.get(o.id)
        lines = [f"<b>{full.unit_code} {full.name}</b> ({occupant_kind_name(full.kind)})",
                 self.tr("Phone: %1").replace("%1", full.phone or "—"),
                 self.tr("Move-in date: %1").replace("%1", fmt_date(full.move_in_date) or "—"),
                 self.tr("Emergency contact: %1").replace("%1", f"{full.emergency_name} {full.emergency_phone}".strip() or "—")]
        if full.members:
            lines.append(self.tr("Household members:"))
            lines += [f"&nbsp;&nbsp;{m.name} {m.relation} {m.phone}" for m in full.members]
        if full.note:
            lines.append(self.tr("Note: %1").replace("%1", full.note))
        self.details.setText("<br>".join(lines))

    def add(self) -> None:
        dlg = OccupantEditDialog(self._services, None, self)
        if dlg.exec():
            self._bus.sig_changed.emit("occupants")
            self.search.setText(dlg.result_view.unit_code)

    def edit(self) -> None:
        o = self.current()
        if o is None or not self._can_edit:
            return
        dlg = OccupantEditDialog(self._services, self._services.occupants.get(o.id), self)
        if dlg.exec():
            self._bus.sig_changed.emit("occupants")
            self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Occupant directory"))
        self.search.setPlaceholderText(self.tr("Unit, name, pinyin initials (zs finds 张三) or last digits of the phone"))
        self.table.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Name"), self.tr("Owner / tenant"),
                                              self.tr("Phone"), self.tr("Move-in date")])
        self.add_button.setText(self.tr("&Add occupant…"))
        self.edit_button.setText(self.tr("&Edit…"))
