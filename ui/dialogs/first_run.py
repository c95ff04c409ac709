"""First start on an empty database: create the administrator and the property profile,
or fill the database with demo data to try the program."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, FieldErrors, StorageError, ValidationError
from app.services import Services
from app.services.property import validate_profile
from ui.errors import run_action
from ui.messages import error_text
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating


class FirstRunDialog(Retranslating, QDialog):
    """``demo_summary`` is set when the user chose demo data instead."""

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.demo_summary = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.property_box = QGroupBox(self)
        self.prop_name = QLineEdit(self)
        self.prop_address = QLineEdit(self)
        self.prop_phone = QLineEdit(self)
        self.property_form = FieldForm(self)
        self.property_form.add_row("name", self.prop_name)
        self.property_form.add_row("address", self.prop_address)
        self.property_form.add_row("phone", self.prop_phone)
        QVBoxLayout(self.property_box).addWidget(self.property_form)

        self.admin_box = QGroupBox(self)
        self.username = QLineEdit("admin", self)
        self.display_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit(self)
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_form = FieldForm(self)
        self.admin_form.add_row("username", self.username)
        self.admin_form.add_row("display_name", self.display_name)
        self.admin_form.add_row("password", self.password)
        self.admin_form.add_row("password2", self.password2)
        QVBoxLayout(self.admin_box).addWidget(self.admin_form)

        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.demo_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.create_button.clicked.connect(self.create)
        self.demo_button.clicked.connect(self.load_demo)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.property_box)
        layout.addWidget(self.admin_box)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.prop_name.setFocus()

    def create(self) -> None:
        # Check both forms before writing anything, so a mistake leaves the database empty.
        ok = True
        try:
            validate_profile(self.prop_name.text(), self.prop_address.text(), self.prop_phone.text())
            self.property_form.clear_errors()
        except ValidationError as exc:
            self.property_form.show_errors(exc.fields)
            ok = False
        errors = FieldErrors()
        if self.password.text() != self.password2.text():
            errors.add("password2", "password.mismatch")
        try:
            errors.raise_if_any()
        except ValidationError as exc:
            self.admin_form.show_errors(exc.fields)
            return
        if not ok:
            return
        admin = run_action(self, lambda: self._services.staff.create_first_admin(
            self.username.text(), self.display_name.text(), self.password.text()), form=self.admin_form)
        if admin is None:
            return
        self._services.staff.sign_in(self.username.text(), self.password.text())
        profile = run_action(self, lambda: self._services.property.save_profile(
            self.prop_name.text(), self.prop_address.text(), self.prop_phone.text()), form=self.property_form)
        if profile is not None:
            self.accept()

    def load_demo(self) -> None:
        from app.demo import fill_demo

        try:
            self.demo_summary = fill_demo(self._services)
        except (DomainError, StorageError) as exc:
            QMessageBox.critical(self, self.tr("Demo data"), error_text(exc))
            return
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to Reception Desk"))
        self.intro.setText(self.tr("This database is new. Enter the property's details (printed on every "
                                   "form) and create the administrator account — or load demo data to try "
                                   "the program first."))
        self.property_box.setTitle(self.tr("Property"))
        self.property_form.label("name").setText(self.tr("&Name"))
        self.property_form.label("address").setText(self.tr("Address"))
        self.property_form.label("phone").setText(self.tr("Phone"))
        self.admin_box.setTitle(self.tr("Administrator"))
        self.admin_form.label("username").setText(self.tr("&User name"))
        self.admin_form.label("display_name").setText(self.tr("Full name"))
        self.admin_form.label("password").setText(self.tr("&Password"))
        self.admin_form.label("password2").setText(self.tr("Repeat password"))
        self.create_button.setText(self.tr("&Create"))
        self.demo_button.setText(self.tr("Load &demo data"))
