"""A visit's details with its history of corrections, and the amendment dialog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.services.visitors import VisitView
from ui.errors import run_action
from ui.format import fmt_datetime
from ui.messages import doc_type_name, field_name
from ui.visitors.form import VisitForm
from ui.widgets.field_form import CombinedForms, FieldForm
from ui.widgets.qt_dates import py_dt, qdt
from ui.widgets.retranslate import Retranslating


class AmendDialog(Retranslating, QDialog):
    """Correct a saved visit: change fields, give a reason; the original stays in the history."""

    def __init__(self, services: Services, visit: VisitView, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._visit = visit
        self.result_view: VisitView | None = None
        self.form = VisitForm(services, self)
        self.form.print_slip.hide()
        self.form.submit.hide()
        self.form.clear_button.hide()
        for s in self.form.returning:
            s.enabled = False
        f = self.form
        f.name.setText(visit.visitor_name)
        f.doc_type.setCurrentIndex(max(0, f.doc_type.findData(visit.doc_type)))
        f.doc_number.setText(visit.doc_number)
        f.phone.setText(visit.phone)
        f.company.setText(visit.company)
        if visit.host_occupant_id:
            f.host.set_occupant(visit.host_occupant_id, f"{visit.host_unit_code} {visit.host_name}")
        else:
            f.host.set_occupant(None, visit.host_unit_code)
        f.host_note.setText(visit.host_note)
        f.purpose.setCurrentText(visit.purpose)
        f.party.setValue(visit.party_size)
        f.plate.setText(visit.vehicle_plate)
        f.badge.setText(visit.badge_number)

        self.time_in = QDateTimeEdit(qdt(visit.time_in), self)
        self.time_in.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.time_out = QDateTimeEdit(qdt(visit.time_out or visit.time_in), self)
        self.time_out.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.has_time_out = QCheckBox(self)
        self.has_time_out.setChecked(visit.time_out is not None)
        self.has_time_out.setEnabled(visit.time_out is None)
        self.time_out.setEnabled(visit.time_out is not None)
        self.has_time_out.toggled.connect(self.time_out.setEnabled)
        self.reason = QPlainTextEdit(self)
        self.reason.setFixedHeight(60)
        self.extra = FieldForm(self)
        self.extra.add_row("time_in", self.time_in)
        self.extra.add_row("time_out", self.time_out)
        self.extra.add_row("has_time_out", self.has_time_out)
        self.extra.add_row("reason", self.reason)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.extra)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.reason.setFocus()

    def changes(self) -> dict:
        """Only the fields the user actually changed."""
        new = self.form.value()
        v = self._visit
        out: dict = {}
        pairs = {
            "visitor_name": (new.visitor_name.strip(), v.visitor_name),
            "doc_type": (new.doc_type, v.doc_type),
            "doc_number": (new.doc_number.strip(), v.doc_number),
            "phone": (new.phone.strip(), v.phone),
            "company": (new.company.strip(), v.company),
            "host_note": (new.host_note.strip(), v.host_note),
            "purpose": (new.purpose.strip(), v.purpose),
            "party_size": (new.party_size, v.party_size),
            "vehicle_plate": (new.vehicle_plate.strip(), v.vehicle_plate),
            "badge_number": (new.badge_number.strip(), v.badge_number),
        }
        for key, (a, b) in pairs.items():
            if a != b:
                out[key] = a
        if new.host_occupant_id != v.host_occupant_id or (
            new.host_occupant_id is None and new.host_unit_code != v.host_unit_code
        ):
            out["host_occupant_id"] = new.host_occupant_id
            out["host_unit_code"] = new.host_unit_code
        t_in = py_dt(self.time_in.dateTime())
        if t_in.replace(second=0) != v.time_in.replace(second=0):
            out["time_in"] = t_in
        if self.has_time_out.isChecked():
            t_out = py_dt(self.time_out.dateTime())
            if v.time_out is None or t_out.replace(second=0) != v.time_out.replace(second=0):
                out["time_out"] = t_out
        return out

    def save(self) -> None:
        changes = self.changes()
        reason = self.reason.toPlainText()

        def call():
            return self._services.visitors.amend(self._visit.id, changes, reason)

        self.extra.clear_errors()
        result = run_action(self, call, form=CombinedForms(self.form.form, self.extra))
        if result is not None:
            self.result_view = result
            self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Amend visit #%1").replace("%1", str(self._visit.id)))
        self.extra.label("time_in").setText(self.tr("Time in"))
        self.extra.label("time_out").setText(self.tr("Time out"))
        self.extra.label("has_time_out").setText("")
        self.has_time_out.setText(self.tr("Signed out"))
        self.extra.label("reason").setText(self.tr("&Reason (required)"))


class VisitDetailDialog(QDialog):
    """Everything about one visit and every correction made to it, oldest first."""

    sig_changed = Signal()

    def __init__(self, services: Services, visit_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._visit_id = visit_id
        self.fields = QFormLayout()
        self.history_box = QGroupBox(self)
        self.history = QTreeWidget(self.history_box)
        self.history.setColumnCount(4)
        QVBoxLayout(self.history_box).addWidget(self.history)
        self.buttons = QDialogButtonBox(self)
        self.amend_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.sign_out_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.accept)
        self.amend_button.clicked.connect(self.amend)
        self.sign_out_button.clicked.connect(self.sign_out)
        self.print_button.clicked.connect(self.reprint)
        layout = QVBoxLayout(self)
        layout.addLayout(self.fields)
        layout.addWidget(self.history_box)
        layout.addWidget(self.buttons)
        self.resize(640, 560)
        self.printer = None  # set by the tab: callable(VisitView, reprint: bool)
        self.load()

    def load(self) -> None:
        v = self._services.visitors.get(self._visit_id)
        self.visit = v
        while self.fields.rowCount():
            self.fields.removeRow(0)
        rows = [
            (self.tr("Visitor"), v.visitor_name),
            (self.tr("Document"), f"{doc_type_name(v.doc_type)}  {v.doc_number}"),
            (self.tr("Phone"), v.phone),
            (self.tr("Company"), v.company),
            (self.tr("Visiting"), v.host_label),
            (self.tr("Purpose"), v.purpose),
            (self.tr("People"), str(v.party_size)),
            (self.tr("Vehicle plate"), v.vehicle_plate),
            (self.tr("Badge"), v.badge_number),
            (self.tr("Time in"), f"{fmt_datetime(v.time_in)}  ({v.created_by})"),
            (self.tr("Time out"), f"{fmt_datetime(v.time_out)}  ({v.signed_out_by})" if v.time_out else self.tr("on site")),
        ]
        for label, value in rows:
            text = QLabel(value or "—", self)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields.addRow(label + ":", text)
        self.history.clear()
        for a in self._services.visitors.history(self._visit_id):
            top = QTreeWidgetItem([fmt_datetime(a.at), a.by, a.reason, ""])
            for c in a.changes:
                QTreeWidgetItem(top, ["", field_name(c["field"]), str(c["old"] if c["old"] is not None else "—"),
                                      str(c["new"] if c["new"] is not None else "—")])
            self.history.addTopLevelItem(top)
            top.setExpanded(True)
        self.sign_out_button.setEnabled(v.on_site)
        self.retranslate()

    def amend(self) -> None:
        dlg = AmendDialog(self._services, self.visit, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.load()
            self.sig_changed.emit()

    def sign_out(self) -> None:
        if run_action(self, lambda: self._services.visitors.sign_out(self._visit_id)) is not None:
            self.load()
            self.sig_changed.emit()

    def reprint(self) -> None:
        if self.printer is not None:
            self.printer(self.visit, True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.load()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Visit #%1").replace("%1", str(self._visit_id)))
        self.history_box.setTitle(self.tr("History of corrections (%n)", "", self.history.topLevelItemCount()))
        self.history.setHeaderLabels([self.tr("When / field"), self.tr("By / field"), self.tr("Reason / before"),
                                      self.tr("After")])
        self.amend_button.setText(self.tr("&Amend…"))
        self.sign_out_button.setText(self.tr("&Sign out"))
        self.print_button.setText(self.tr("&Reprint slip"))
