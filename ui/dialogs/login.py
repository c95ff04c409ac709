"""Sign in at the counter, or switch operator on a shared PC without restarting."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.errors import AuthenticationError
from app.services import Services
from ui.messages import error_text
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating


class LoginDialog(Retranslating, QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None, *, switching: bool = False,
                 hint: str = ""):
        super().__init__(parent)
        self._services = services
        self._switching = switching
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.hint = QLabel(hint, self)
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        self.username = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.form = FieldForm(self)
        self.form.add_row("username", self.username)
        self.form.add_row("password", self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.hint)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.username.setFocus()

    def try_sign_in(self) -> None:
        try:
            self._services.staff.sign_in(self.username.text(), self.password.text())
        except AuthenticationError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Switch operator") if self._switching else self.tr("Sign in"))
        self.intro.setText(self.tr("Who is working the counter now? Sign in with your own account: "
                                   "everything you record carries your name."))
        self.form.label("username").setText(self.tr("&User name"))
        self.form.label("password").setText(self.tr("&Password"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
