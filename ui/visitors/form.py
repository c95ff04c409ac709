"""The visitor registration form: every field of the register, errors under each field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.services.visitors import ReturningVisitor, VisitInput
from app.validation import DOC_TYPES
from ui.messages import doc_type_name
from ui.widgets.field_form import FieldForm
from ui.widgets.scan_field import ScanLineEdit
from ui.widgets.occupant_picker import FILL_LABEL, OccupantPicker
from ui.widgets.suggest import Suggester
from ui.widgets.retranslate import Retranslating


class HostPicker(OccupantPicker):
    """Type a unit, a name, pinyin initials or a phone tail; pick the occupant visited."""

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(services, parent, fill=FILL_LABEL)

    def set_occupant(self, occupant_id: int | None, label: str) -> None:
        self.keep_id(occupant_id, label)

    def unit_code(self) -> str:
        """What was typed, taken as a unit number when no occupant was picked."""
        return "" if self.occupant_id is not None else self.text().strip()


class VisitForm(Retranslating, QWidget):
    """Collects a ``VisitInput``; shows returning visitors as the name/phone/ID is typed."""

    sig_submit = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._doc_from_visit: int | None = None

        self.name = QLineEdit(self)
        self.name.setMaxLength(64)
        self.doc_type = QComboBox(self)
        for code in DOC_TYPES:
            self.doc_type.addItem("", code)
        self.doc_number = ScanLineEdit(self)
        self.phone = QLineEdit(self)
        self.phone.setMaxLength(20)
        self.company = QLineEdit(self)
        self.company.setMaxLength(128)
        self.host = HostPicker(services, self)
        self.host_note = QLineEdit(self)
        self.host_note.setMaxLength(128)
        self.purpose = QComboBox(self)
        self.purpose.setEditable(True)
        self.purpose.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.party = QSpinBox(self)
        self.party.setRange(1, 50)
        self.plate = QLineEdit(self)
        self.plate.setMaxLength(12)
        self.badge = ScanLineEdit(self)
        self.print_slip = QCheckBox(self)
        self.print_slip.setChecked(True)
        self.submit = QPushButton(self)
        self.submit.setDefault(True)
        self.submit.setObjectName("register")
        self.clear_button = QPushButton(self)

        self.form = FieldForm(self)
        self.form.add_row("visitor_name", self.name)
        self.form.add_row("doc_type", self.doc_type)
        self.form.add_row("doc_number", self.doc_number)
        self.form.add_row("phone", self.phone)
        self.form.add_row("company", self.company)
        self.form.add_row("host", self.host)
        self.form.add_row("host_note", self.host_note)
        self.form.add_row("purpose", self.purpose)
        self.form.add_row("party_size", self.party)
        self.form.add_row("vehicle_plate", self.plate)
        self.form.add_row("badge_number", self.badge)

        buttons = QHBoxLayout()
        buttons.addWidget(self.print_slip)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.returning: list[Suggester] = []
        for edit in (self.name, self.phone, self.doc_number):
            sug = Suggester(edit, self._fetch_returning)
            sug.sig_picked.connect(self.fill_returning)
            self.returning.append(sug)
        self.doc_number.textEdited.connect(lambda _t: setattr(self, "_doc_from_visit", None))
        self.submit.clicked.connect(self.sig_submit)
        self.clear_button.clicked.connect(self.clear)
        for edit in (self.name, self.doc_number, self.phone, self.company, self.host_note, self.plate, self.badge):
            edit.returnPressed.connect(self._focus_next_or_submit)
        self.retranslate()

    # -- behaviour -------------------------------------------------------------------

    def _fetch_returning(self, text: str):
        return [(self._returning_label(r), r) for r in self._services.visitors.suggest_returning(text)]

    def _returning_label(self, r: ReturningVisitor) -> str:
        parts = [r.visitor_name, r.phone, r.doc_number, r.company]
        return "  ".join(p for p in parts if p) + "  ·  " + r.last_time_in.strftime("%Y-%m-%d")

    def fill_returning(self, r: ReturningVisitor) -> None:
        """Fill the visitor's own fields from a past visit; the host and purpose stay to ask."""
        self.name.setText(r.visitor_name)
        i = self.doc_type.findData(r.doc_type)
        if i >= 0:
            self.doc_type.setCurrentIndex(i)
        self.doc_number.setText(r.doc_number)
        self._doc_from_visit = r.visit_id
        self.phone.setText(r.phone)
        self.company.setText(r.company)
        self.plate.setText(r.vehicle_plate)
        self.host.setFocus()

    def _focus_next_or_submit(self) -> None:
        if any(s._completer.popup().isVisible() for s in self.returning):  # noqa: SLF001
            return
        self.focusNextChild()

    def value(self) -> VisitInput:
        return VisitInput(
            visitor_name=self.name.text(),
            doc_type=self.doc_type.currentData(),
            doc_number=self.doc_number.text(),
            purpose=self.purpose.currentText(),
            phone=self.phone.text(),
            company=self.company.text(),
            host_occupant_id=self.host.occupant_id,
            host_unit_code=self.host.unit_code(),
            host_note=self.host_note.text(),
            party_size=self.party.value(),
            vehicle_plate=self.plate.text(),
            badge_number=self.badge.text(),
            doc_from_visit_id=self._doc_from_visit,
        )

    def clear(self) -> None:
        for edit in (self.name, self.doc_number, self.phone, self.company, self.host, self.host_note,
                     self.plate, self.badge):
            edit.clear()
        self.host.occupant_id = None
        self._doc_from_visit = None
        self.doc_type.setCurrentIndex(0)
        self.purpose.setCurrentIndex(0)
        self.party.setValue(1)
        self.form.clear_errors()
        self.name.setFocus()

    # -- language --------------------------------------------------------------------

    def retranslate(self) -> None:
        f = self.form
        f.label("visitor_name").setText(self.tr("&Name"))
        f.label("doc_type").setText(self.tr("Document"))
        f.label("doc_number").setText(self.tr("Document &no."))
        f.label("phone").setText(self.tr("&Phone"))
        f.label("company").setText(self.tr("Company"))
        f.label("host").setText(self.tr("&Visiting"))
        f.label("host_note").setText(self.tr("Or note"))
        f.label("purpose").setText(self.tr("P&urpose"))
        f.label("party_size").setText(self.tr("People"))
        f.label("vehicle_plate").setText(self.tr("Vehicle plate"))
        f.label("badge_number").setText(self.tr("&Badge no."))
        for i in range(self.doc_type.count()):
            self.doc_type.setItemText(i, doc_type_name(self.doc_type.itemData(i)))
        current = self.purpose.currentText()
        self.purpose.clear()
        self.purpose.addItems([
            self.tr("Visiting an occupant"), self.tr("Delivery"), self.tr("Courier"),
            self.tr("Repair / maintenance"), self.tr("Renovation"), self.tr("Business meeting"),
            self.tr("Interview"), self.tr("Property management office"),
        ])
        if current:
            self.purpose.setCurrentText(current)
        self.name.setPlaceholderText(self.tr("Name, phone or ID tail finds returning visitors"))
        self.host.setPlaceholderText(self.tr("Unit, name, pinyin initials (zs) or phone tail"))
        self.host_note.setPlaceholderText(self.tr("e.g. management office, when not visiting an occupant"))
        self.plate.setPlaceholderText(self.tr("e.g. 粤B12345"))
        self.badge.setPlaceholderText(self.tr("Scan or type the badge handed out"))
        self.print_slip.setText(self.tr("Print visitor slip"))
        self.submit.setText(self.tr("&Register (Ctrl+Enter)"))
        self.clear_button.setText(self.tr("Clear (Esc)"))
