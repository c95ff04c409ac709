"""Settings → Parcels & e-mail: the SMTP server for pick-up notices and the reminder rules.

Shared settings (every counter sends through the same server), so saving needs a supervisor;
the password is stored like any setting but never written to the audit log.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from app.notifications import NoticeItem, PickupNotice, SmtpConfig, SmtpNotifier
from app.security import role_at_least
from app.services import Services
from ui.bus import DataBus
from ui.errors import run_action
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating

TLS_MODES = ("starttls", "ssl", "none")


class ParcelSettingsPage(Retranslating, QWidget):
    def __init__(self, services: Services, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._bus = bus
        values = services.settings.all()
        self.host = QLineEdit(str(values["smtp.host"]), self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(int(values["smtp.port"]))
        self.tls = QComboBox(self)
        for mode in TLS_MODES:
            self.tls.addItem("", mode)
        self.tls.setCurrentIndex(max(0, self.tls.findData(values["smtp.tls"])))
        self.user = QLineEdit(str(values["smtp.user"]), self)
        self.password = QLineEdit(str(values["smtp.password"]), self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sender = QLineEdit(str(values["smtp.from"]), self)
        self.reminder_days = QSpinBox(self)
        self.reminder_days.setRange(1, 60)
        self.reminder_days.setValue(int(values["parcels.reminder_days"]))
        self.uncollected_days = QSpinBox(self)
        self.uncollected_days.setRange(1, 365)
        self.uncollected_days.setValue(int(values["parcels.uncollected_days"]))
        self.form = FieldForm(self)
        self.form.add_row("smtp.host", self.host)
        self.form.add_row("smtp.port", self.port)
        self.form.add_row("smtp.tls", self.tls)
        self.form.add_row("smtp.user", self.user)
        self.form.add_row("smtp.password", self.password)
        self.form.add_row("smtp.from", self.sender)
        self.form.add_row("parcels.reminder_days", self.reminder_days)
        self.form.add_row("parcels.uncollected_days", self.uncollected_days)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("save_parcel_settings")
        self.save_button.clicked.connect(self.save)
        self.test_to = QLineEdit(self)
        self.test_button = QPushButton(self)
        self.test_button.clicked.connect(self.send_test)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #616161;")
        test = QHBoxLayout()
        test.addWidget(self.test_to, 1)
        test.addWidget(self.test_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.save_button)
        layout.addLayout(test)
        layout.addWidget(self.note)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        op = services.ctx.operator
        self.setEnabled(op is not None and role_at_least(op.role, "supervisor"))
        self.retranslate()

    def values(self) -> dict:
        return {
            "smtp.host": self.host.text().strip(),
            "smtp.port": self.port.value(),
            "smtp.tls": self.tls.currentData(),
            "smtp.user": self.user.text().strip(),
            "smtp.password": self.password.text(),
            "smtp.from": self.sender.text().strip(),
            "parcels.reminder_days": self.reminder_days.value(),
            "parcels.uncollected_days": self.uncollected_days.value(),
        }

    def save(self) -> bool:
        values = self.values()

        def call():
            self._services.settings.set_many(values)
            return True

        if run_action(self, call, form=self.form):
            self._bus.sig_changed.emit("settings")
            self._bus.sig_status.emit(self.tr("Parcel and e-mail settings saved"))
            return True
        return False

    def send_test(self) -> bool:
        """Send a sample notice to the address typed, with the values on screen (not yet saved)."""
        v = self.values()
        config = SmtpConfig.from_settings(v)
        notice = PickupNotice(0, "TEST", (NoticeItem("M000000", "letter", datetime.now().replace(microsecond=0)),),
                              emails=(self.test_to.text().strip(),))
        if not notice.emails[0]:
            self.note.setText(self.tr("Type the address to send the test to."))
            return False
        if run_action(self, lambda: SmtpNotifier(config).send(notice)):
            self.note.setText(self.tr("Test e-mail sent to %1.").replace("%1", notice.emails[0]))
            return True
        return False

    def retranslate(self) -> None:
        self.form.label("smtp.host").setText(self.tr("SMTP server"))
        self.form.label("smtp.port").setText(self.tr("Port"))
        self.form.label("smtp.tls").setText(self.tr("Encryption"))
        names = {"starttls": self.tr("STARTTLS (port 587)"), "ssl": self.tr("SSL/TLS (port 465)"),
                 "none": self.tr("None (local relay only)")}
        for i in range(self.tls.count()):
            self.tls.setItemText(i, names[self.tls.itemData(i)])
        self.form.label("smtp.user").setText(self.tr("User name"))
        self.form.label("smtp.password").setText(self.tr("Password"))
        self.form.label("smtp.from").setText(self.tr("Sender address"))
        self.form.label("parcels.reminder_days").setText(self.tr("Remind after (days waiting)"))
        self.form.label("parcels.uncollected_days").setText(self.tr("Uncollected after (days)"))
        self.save_button.setText(self.tr("Save parcel and e-mail settings"))
        self.test_to.setPlaceholderText(self.tr("Send a test e-mail to…"))
        self.test_button.setText(self.tr("Send test"))
        self.hint.setText(self.tr("Reminders go out once per unit, listing everything waiting; units without "
                                  "an e-mail address get a printed notice for the mailbox."))
