"""The key cabinet's smaller dialogs: check-in, overnight acknowledgement and shift close,
lost/found, refused copy, lock change, retirement, hand-over, emergency use.

Each is a ``FieldForm`` whose service call goes through ``run_action``: an error appears under
its field and nothing is saved half.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.key_rules import CONTACT_METHODS, CONTACTED, EMERGENCIES, RETIRE_REASONS
from app.services import Services
from app.services.keys import Approval, EmergencyInput, KeyView, OvernightView
from ui.format import fmt_datetime
from ui.keys.common import password_edit
from ui.widgets.qt_dates import py_dt, qdt
from ui.messages import key_category_name, key_status_name, key_term_name
from ui.widgets.form_dialog import FormDialog
from ui.widgets.occupant_picker import FILL_NAME, OccupantPicker
from ui.widgets.retranslate import Retranslating
from ui.widgets.shortcuts import focus_field

_CTX = "KeyDialogs"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def key_summary(k: KeyView) -> str:
    """``K00042 · A-1203 入户门 · Owner's key · hook A-012 · In the cabinet``."""
    parts = [k.tag_code, k.location, key_category_name(k.category), k.hook, key_status_name(k.status)]
    return "  ·  ".join(p for p in parts if p)


def _multiline(parent: QWidget, height: int = 60) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setFixedHeight(height)
    edit.setTabChangesFocus(True)
    return edit


class CheckInDialog(FormDialog):
    """Take a key back, possibly fewer than were lent (the missing ones are recorded lost)."""

    def __init__(self, services: Services, key: KeyView, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.key = key
        loan = services.keys.loan(key.loan_id) if key.loan_id else None
        self.loan = loan
        self.returned_by = QLineEdit(self)
        self.returned_by.setMaxLength(64)
        if loan:
            self.returned_by.setText(loan.borrower_name)
        self.quantity = QSpinBox(self)
        qty = loan.quantity if loan else key.key_count
        self.quantity.setRange(0, max(qty, 0))
        self.quantity.setValue(qty)
        self.note = _multiline(self)
        self.form.add_row("returned_by", self.returned_by)
        self.form.add_row("quantity", self.quantity)
        self.form.add_row("note", self.note)
        self.retranslate()
        focus_field(self.quantity)

    def call(self):  # noqa: ANN201
        return self.services.keys.check_in(self.key.id, returned_by=self.returned_by.text(),
                                           quantity=self.quantity.value(), note=self.note.toPlainText())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Check in key %1").replace("%1", self.key.tag_code))
        self.header.setText(key_summary(self.key))
        if self.loan:
            self.info.setText(self.tr("Lent to %1 on %2, %n key(s)", "", self.loan.quantity)
                              .replace("%1", self.loan.borrower_name).replace("%2", fmt_datetime(self.loan.out_at)))
            self.info.show()
        self.form.label("returned_by").setText(self.tr("Returned by"))
        self.form.label("quantity").setText(self.tr("&Keys back"))
        self.form.label("note").setText(self.tr("Note (required if keys are missing)"))
        self.ok_button.setText(self.tr("Check &in"))


class AcknowledgeDialog(FormDialog):
    """The closing shift acknowledges a key still out tonight: who has it, when it comes back."""

    def __init__(self, services: Services, item: OvernightView, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.item = item
        self.note = _multiline(self)
        self.form.add_row("note", self.note)
        self.retranslate()
        self.note.setFocus()

    def call(self):  # noqa: ANN201
        return self.services.keys.acknowledge_overnight(self.item.loan.id, self.note.toPlainText())

    def retranslate(self) -> None:
        v = self.item.loan
        self.setWindowTitle(self.tr("Acknowledge key out overnight"))
        self.header.setText(f"{v.tag_code}  ·  {v.key_location}")
        self.info.setText(self.tr("Out with %1 (%2) since %3, due back %4.")
                          .replace("%1", v.borrower_name).replace("%2", v.borrower_phone or "—")
                          .replace("%3", fmt_datetime(v.out_at)).replace("%4", fmt_datetime(v.due_at)))
        self.info.show()
        self.form.label("note").setText(self.tr("&Note"))
        self.note.setPlaceholderText(self.tr("Who has it, why, when it comes back"))
        self.ok_button.setText(self.tr("&Acknowledge"))


class ShiftCloseDialog(Retranslating, QDialog):
    """Closing the shift: every key out overnight must be acknowledged (check_shift_close)."""

    def __init__(self, services: Services, parent: QWidget | None = None, *, exec_dialog=None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.exec_dialog = exec_dialog or (lambda dlg: dlg.exec())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.list = QListWidget(self)
        self.ack_button = QPushButton(self)
        self.ack_button.setObjectName("acknowledge")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.accept)
        self.ack_button.clicked.connect(self.acknowledge_current)
        self.list.itemActivated.connect(lambda _i: self.acknowledge_current())
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.ack_button)
        layout.addWidget(self.buttons)
        self.resize(620, 420)
        self.pending: list[OvernightView] = []
        self.ok = False
        self.refresh()

    def refresh(self) -> None:
        self.pending = self.services.keys.unacknowledged()
        self.list.clear()
        for o in self.pending:
            v = o.loan
            item = QListWidgetItem(f"{v.tag_code}  {v.key_location}  —  {v.borrower_name} {v.borrower_phone}  "
                                   f"({fmt_datetime(v.out_at)} → {fmt_datetime(v.due_at)})")
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            self.list.addItem(item)
        if self.pending:
            self.list.setCurrentRow(0)
            self.list.setFocus()
        try:
            self.services.keys.check_shift_close()
            self.ok = True
        except Exception:  # noqa: BLE001 - ConflictError("key.overnight_unacknowledged"): shown as the list
            self.ok = False
        self.ack_button.setEnabled(bool(self.pending))
        self.retranslate()

    def acknowledge_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.pending):
            return
        dlg = AcknowledgeDialog(self.services, self.pending[row], self)
        if self.exec_dialog(dlg) == QDialog.DialogCode.Accepted:
            self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Close shift: keys out overnight"))
        if self.ok:
            self.status.setText(self.tr("Every key out overnight is acknowledged: the shift can close."))
            self.status.setStyleSheet("color: #1b5e20; font-weight: bold;")
        else:
            self.status.setText(self.tr("%n key(s) still out overnight must be acknowledged before the shift "
                                        "closes:", "", len(self.pending)))
            self.status.setStyleSheet("color: #b00020; font-weight: bold;")
        self.ack_button.setText(self.tr("&Acknowledge selected…"))


class LostDialog(FormDialog):
    """Report a key lost at once; a lent key ends its loan as lost."""

    def __init__(self, services: Services, key: KeyView, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.key = key
        self.count = QSpinBox(self)
        self.count.setRange(1, max(1, key.key_count))
        self.count.setValue(key.key_count)
        self.count.setEnabled(key.status != "out")
        self.lost_by = QLineEdit(self)
        self.lost_by.setMaxLength(64)
        if key.status == "out":
            self.lost_by.setText(key.borrower_name)
        self.note = _multiline(self)
        self.form.add_row("count", self.count)
        self.form.add_row("lost_by", self.lost_by)
        self.form.add_row("note", self.note)
        self.retranslate()
        self.note.setFocus()

    def call(self):  # noqa: ANN201
        count = None if self.key.status == "out" else self.count.value()
        return self.services.keys.report_lost(self.key.id, note=self.note.toPlainText(), count=count,
                                              lost_by=self.lost_by.text())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Report key lost"))
        self.header.setText(key_summary(self.key))
        self.form.label("count").setText(self.tr("Keys lost"))
        self.form.label("lost_by").setText(self.tr("Lost by"))
        self.form.label("note").setText(self.tr("&What happened"))
        self.ok_button.setText(self.tr("Report &lost"))


class FoundDialog(FormDialog):
    def __init__(self, services: Services, key: KeyView, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.key = key
        room = max(1, key.original_count - key.key_count)
        self.count = QSpinBox(self)
        self.count.setRange(1, room)
        self.count.setValue(room)
        self.hook = QLineEdit(self)
        self.hook.setMaxLength(16)
        self.hook.setPlaceholderText(key.hook)
        self.note = _multiline(self)
        self.form.add_row("count", self.count)
        self.form.add_row("hook", self.hook)
        self.form.add_row("note", self.note)
        self.retranslate()
        self.note.setFocus()

    def call(self):  # noqa: ANN201
        return self.services.keys.report_found(self.key.id, note=self.note.toPlainText(), count=self.count.value(),
                                               hook=self.hook.text().strip() or None)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Key found"))
        self.header.setText(key_summary(self.key))
        self.form.label("count").setText(self.tr("Keys found"))
        self.form.label("hook").setText(self.tr("Hook (if another)"))
        self.form.label("note").setText(self.tr("&Where it was found"))
        self.ok_button.setText(self.tr("Record &found"))


class CopyRequestDialog(FormDialog):
    """Copies are forbidden: the request is refused and recorded."""

    def __init__(self, services: Services, key: KeyView, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.key = key
        # Usually an owner or tenant: picked from the directory (or typed).
        self.requested_by = OccupantPicker(services, self, fill=FILL_NAME)
        self.requested_by.setObjectName("requested_by")
        self.reason = _multiline(self)
        self.form.add_row("requested_by", self.requested_by)
        self.form.add_row("reason", self.reason)
        self.retranslate()
        self.requested_by.setFocus()

    def call(self):  # noqa: ANN201
        return self.services.keys.record_copy_request(self.key.id, requested_by=self.requested_by.person_name(),
                                                      reason=self.reason.toPlainText())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Copy request (refused)"))
        self.header.setText(key_summary(self.key))
        self.info.setText(self.tr("Copying keys is forbidden. The request is refused and recorded."))
        self.info.setStyleSheet("color: #b00020;")
        self.info.show()
        self.form.label("requested_by").setText(self.tr("&Requested by"))
        self.requested_by.setPlaceholderText(self.tr("Name, unit, pinyin initials (zs) or phone tail"))
        self.form.label("reason").setText(self.tr("Reason given"))
        self.ok_button.setText(self.tr("Record &refusal"))


class LockChangeDialog(FormDialog):
    def __init__(self, services: Services, key: KeyView, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.key = key
        self.new_count = QSpinBox(self)
        self.new_count.setRange(1, 50)
        self.new_count.setValue(max(1, key.original_count))
        self.changed_by = QLineEdit(self)
        self.changed_by.setMaxLength(64)
        self.note = _multiline(self)
        self.form.add_row("new_count", self.new_count)
        self.form.add_row("changed_by", self.changed_by)
        self.form.add_row("note", self.note)
        self.retranslate()
        self.new_count.setFocus()

    def call(self):  # noqa: ANN201
        return self.services.keys.record_lock_change(self.key.id, new_count=self.new_count.value(),
                                                     changed_by=self.changed_by.text(), note=self.note.toPlainText())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Lock changed"))
        self.header.setText(key_summary(self.key))
        self.info.setText(self.tr("Changes so far: %1. After the third the key set is retired.")
                          .replace("%1", str(self.key.lock_changes)))
        self.info.show()
        self.form.label("new_count").setText(self.tr("&New keys"))
        self.form.label("changed_by").setText(self.tr("Changed by"))
        self.form.label("note").setText(self.tr("Note"))
        self.ok_button.setText(self.tr("Record &lock change"))


class RetireDialog(FormDialog):
    """Retire a key set (lock changed three times, or set incomplete) with a manager's approval."""

    def __init__(self, services: Services, key: KeyView, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.key = key
        self.reason = QComboBox(self)
        for r in RETIRE_REASONS:
            self.reason.addItem("", r)
        if key.incomplete and key.lock_changes < 3:
            self.reason.setCurrentIndex(self.reason.findData("incomplete"))
        self.returned_to = QLineEdit(self)
        self.returned_to.setMaxLength(64)
        self.note = _multiline(self, 48)
        self.approver = QLineEdit(self)
        self.approver.setObjectName("approver_user")
        self.password = password_edit(self)
        self.password.setObjectName("approver_password")
        self.form.add_row("reason", self.reason)
        self.form.add_row("returned_to", self.returned_to)
        self.form.add_row("note", self.note)
        self.form.add_row("approver", self.approver)
        self.form.add_row("approval", self.password)
        self.retranslate()
        self.returned_to.setFocus()

    def call(self):  # noqa: ANN201
        approval = None
        if self.approver.text().strip() or self.password.text():
            approval = Approval(self.approver.text().strip(), self.password.text())
        try:
            return self.services.keys.retire(self.key.id, reason=self.reason.currentData(),
                                             returned_to=self.returned_to.text(), approval=approval,
                                             note=self.note.toPlainText())
        finally:
            self.password.clear()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Retire key set"))
        self.header.setText(key_summary(self.key))
        self.info.setText(self.tr("Lock changes: %1 · keys %2 of %3").replace("%1", str(self.key.lock_changes))
                          .replace("%2", str(self.key.key_count)).replace("%3", str(self.key.original_count)))
        self.info.show()
        for i in range(self.reason.count()):
            self.reason.setItemText(i, key_term_name(self.reason.itemData(i)))
        self.form.label("reason").setText(self.tr("&Reason"))
        self.form.label("returned_to").setText(self.tr("Returned to (engineering)"))
        self.form.label("note").setText(self.tr("Note"))
        self.form.label("approver").setText(self.tr("Manager's user name"))
        self.form.label("approval").setText(self.tr("Manager's password"))
        self.ok_button.setText(self.tr("&Retire"))


class HandOverDialog(FormDialog):
    """Hand a key set over to its owner for good (移交)."""

    def __init__(self, services: Services, key: KeyView, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.key = key
        # The unit's occupants are suggested (name, initials, phone tail); a relative not in
        # the directory may still be typed.
        self.recipient = OccupantPicker(services, self, fill=FILL_NAME, unit_filter=lambda: key.unit_code)
        self.recipient.setObjectName("recipient")
        if key.occupant_id is not None:
            try:
                self.recipient.show_occupant(services.occupants.get(key.occupant_id))
            except Exception:  # noqa: BLE001 - the owner left the directory: type the name
                self.recipient.setText(key.occupant_name)
        elif key.occupant_name:
            self.recipient.setText(key.occupant_name)
        self.note = _multiline(self)
        self.form.add_row("recipient", self.recipient, aliases=("occupant_id",))
        self.form.add_row("note", self.note)
        self.retranslate()
        self.recipient.setFocus()

    def call(self):  # noqa: ANN201
        return self.services.keys.hand_over(self.key.id, recipient=self.recipient.person_name(),
                                            occupant_id=self.recipient.occupant_id, note=self.note.toPlainText())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Hand over to the owner"))
        self.header.setText(key_summary(self.key))
        self.form.label("recipient").setText(self.tr("&Received by"))
        self.recipient.setPlaceholderText(self.tr("The owner: name, pinyin initials (zs) or phone tail"))
        self.form.label("note").setText(self.tr("Note"))
        self.ok_button.setText(self.tr("&Hand over"))


class EmergencyDialog(FormDialog):
    """Emergency use of an owner's spare key: who was told first, how and when, two staff present."""

    def __init__(self, services: Services, key: KeyView, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.key = key
        self.contacts = services.keys.emergency_contacts(key.id)
        self.contacts_label = QLabel(self)
        self.contacts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contacts_label.setStyleSheet("font-size: 11pt;")
        self.emergency = QComboBox(self)
        for e in EMERGENCIES:
            self.emergency.addItem("", e)
        self.description = _multiline(self, 48)
        self.contacted = QComboBox(self)
        for c in CONTACTED:
            self.contacted.addItem("", c)
        self.contact_name = QLineEdit(self)
        self.contact_phone = QLineEdit(self)
        self.method = QComboBox(self)
        for m in CONTACT_METHODS:
            self.method.addItem("", m)
        self.contacted_at = QDateTimeEdit(qdt(datetime.now().replace(second=0, microsecond=0)), self)
        self.contacted_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.owner_attempt = QLineEdit(self)
        self.owner_attempt.setMaxLength(500)
        op = services.ctx.operator
        self.staff_1 = QLineEdit(self)
        self.staff_1.setText(op.display_name if op else "")
        self.staff_2 = QLineEdit(self)
        self.form.add_row("contacts", self.contacts_label)
        self.form.add_row("emergency", self.emergency)
        self.form.add_row("description", self.description)
        self.form.add_row("contacted", self.contacted)
        self.form.add_row("contact_name", self.contact_name)
        self.form.add_row("contact_phone", self.contact_phone)
        self.form.add_row("contact_method", self.method)
        self.form.add_row("contacted_at", self.contacted_at)
        self.form.add_row("owner_attempt", self.owner_attempt)
        self.form.add_row("staff_present_1", self.staff_1)
        self.form.add_row("staff_present_2", self.staff_2)
        self.contacted.currentIndexChanged.connect(self._contacted_changed)
        self._contacted_changed()
        self.retranslate()
        self.description.setFocus()

    def _contacted_changed(self, _i: int = 0) -> None:
        c = self.contacts
        if self.contacted.currentData() == "owner":
            self.contact_name.setText(c.owner_name)
            self.contact_phone.setText(c.owner_phone)
        else:
            self.contact_name.setText(c.emergency_name)
            self.contact_phone.setText(c.emergency_phone)

    def call(self):  # noqa: ANN201
        data = EmergencyInput(
            emergency=self.emergency.currentData(), description=self.description.toPlainText(),
            contacted=self.contacted.currentData(), contact_name=self.contact_name.text(),
            contact_method=self.method.currentData(), contacted_at=py_dt(self.contacted_at.dateTime()),
            staff_present_1=self.staff_1.text(), staff_present_2=self.staff_2.text(),
            contact_phone=self.contact_phone.text(), owner_attempt=self.owner_attempt.text(),
        )
        return self.services.keys.emergency_use(self.key.id, data)

    def retranslate(self) -> None:
        c = self.contacts
        self.setWindowTitle(self.tr("Emergency use of an owner's spare key"))
        self.header.setText(key_summary(self.key))
        self.info.setText(self.tr("Tell the owner first; if the owner cannot be reached, the emergency contact. "
                                  "Two staff members are present when the key is used."))
        self.info.show()
        self.contacts_label.setText(
            self.tr("Owner: %1  %2\nEmergency contact: %3  %4")
            .replace("%1", c.owner_name or "—").replace("%2", c.owner_phone or "—")
            .replace("%3", c.emergency_name or "—").replace("%4", c.emergency_phone or "—"))
        for combo in (self.emergency, self.contacted, self.method):
            for i in range(combo.count()):
                combo.setItemText(i, key_term_name(combo.itemData(i)))
        f = self.form
        f.label("contacts").setText(self.tr("Phones"))
        f.label("emergency").setText(self.tr("&Emergency"))
        f.label("description").setText(self.tr("&What happened"))
        f.label("contacted").setText(self.tr("Told first"))
        f.label("contact_name").setText(self.tr("Name"))
        f.label("contact_phone").setText(self.tr("Phone"))
        f.label("contact_method").setText(self.tr("How"))
        f.label("contacted_at").setText(self.tr("When"))
        f.label("owner_attempt").setText(self.tr("How the owner was tried"))
        f.label("staff_present_1").setText(self.tr("Staff present (1)"))
        f.label("staff_present_2").setText(self.tr("Staff present (2)"))
        self.ok_button.setText(self.tr("Record and &take the key"))
