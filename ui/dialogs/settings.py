"""Settings: language (this PC), visitor rules, the property profile, staff accounts, scanners
and printers (this PC)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.security import ROLES, role_at_least
from app.services import Services
from ui.bus import DataBus
from ui.errors import run_action
from ui.i18n import LANGUAGES, Translations
from ui.messages import role_name
from ui.printing.printers import PrinterSettings
from ui.printing.settings_page import PrintingSettingsPage
from ui.scanner.settings_page import ScannerSettingsPage
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating

LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


class SettingsDialog(Retranslating, QDialog):
    def __init__(self, services: Services, bus: DataBus, settings: QSettings, translations: Translations,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._bus = bus
        self._settings = settings
        self._translations = translations
        op = services.ctx.operator
        role = op.role if op else "receptionist"
        self.pages = QTabWidget(self)

        # General (this counter PC)
        self.language = QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(translations.language)))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.general_form = FieldForm(self)
        self.general_form.add_row("language", self.language)
        general = QWidget(self)
        QVBoxLayout(general).addWidget(self.general_form)
        general.layout().addStretch(1)
        self.pages.addTab(general, "")

        # Visitor rules (supervisors)
        values = services.settings.all()
        self.overstay = QSpinBox(self)
        self.overstay.setRange(1, 72)
        self.overstay.setValue(int(values["visitor.overstay_hours"]))
        self.end_of_day = QTimeEdit(self)
        self.end_of_day.setDisplayFormat("HH:mm")
        h, m = (int(x) for x in values["day.end_time"].split(":"))
        self.end_of_day.setTime(QTime(h, m))
        self.retention = QSpinBox(self)
        self.retention.setRange(7, 3650)
        self.retention.setValue(int(values["visitor.id_retention_days"]))
        self.keys_end_of_day = QTimeEdit(self)
        self.keys_end_of_day.setDisplayFormat("HH:mm")
        h, m = (int(x) for x in values["keys.end_of_day"].split(":"))
        self.keys_end_of_day.setTime(QTime(h, m))
        self.due_soon = QSpinBox(self)
        self.due_soon.setRange(5, 24 * 60)
        self.due_soon.setValue(int(values["keys.due_soon_minutes"]))
        self.rules_form = FieldForm(self)
        self.rules_form.add_row("visitor.overstay_hours", self.overstay)
        self.rules_form.add_row("day.end_time", self.end_of_day)
        self.rules_form.add_row("visitor.id_retention_days", self.retention)
        self.rules_form.add_row("keys.end_of_day", self.keys_end_of_day)
        self.rules_form.add_row("keys.due_soon_minutes", self.due_soon)
        self.rules_save = QPushButton(self)
        self.rules_save.clicked.connect(self.save_rules)
        rules = QWidget(self)
        lay = QVBoxLayout(rules)
        lay.addWidget(self.rules_form)
        lay.addWidget(self.rules_save)
        lay.addStretch(1)
        rules.setEnabled(role_at_least(role, "supervisor"))
        self.pages.addTab(rules, "")

        # Property profile (managers)
        profile = services.property.profile()
        self.prop_name = QLineEdit(profile.name if profile else "", self)
        self.prop_address = QLineEdit(profile.address if profile else "", self)
        self.prop_phone = QLineEdit(profile.phone if profile else "", self)
        self.property_form = FieldForm(self)
        self.property_form.add_row("name", self.prop_name)
        self.property_form.add_row("address", self.prop_address)
        self.property_form.add_row("phone", self.prop_phone)
        self.property_save = QPushButton(self)
        self.property_save.clicked.connect(self.save_profile)
        prop = QWidget(self)
        lay = QVBoxLayout(prop)
        lay.addWidget(self.property_form)
        lay.addWidget(self.property_save)
        lay.addStretch(1)
        prop.setEnabled(role_at_least(role, "manager"))
        self.pages.addTab(prop, "")

        # Staff accounts (administrators)
        self.staff_table = QTableWidget(0, 4, self)
        self.staff_table.verticalHeader().hide()
        self.new_username = QLineEdit(self)
        self.new_name = QLineEdit(self)
        self.new_role = QComboBox(self)
        for r in ROLES:
            self.new_role.addItem("", r)
        self.new_password = QLineEdit(self)
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.staff_form = FieldForm(self)
        self.staff_form.add_row("username", self.new_username)
        self.staff_form.add_row("display_name", self.new_name)
        self.staff_form.add_row("role", self.new_role)
        self.staff_form.add_row("password", self.new_password)
        self.staff_add = QPushButton(self)
        self.staff_add.clicked.connect(self.add_staff)
        staff = QWidget(self)
        lay = QHBoxLayout(staff)
        lay.addWidget(self.staff_table, 3)
        right = QVBoxLayout()
        right.addWidget(self.staff_form)
        right.addWidget(self.staff_add)
        right.addStretch(1)
        lay.addLayout(right, 2)
        staff.setEnabled(role_at_least(role, "admin"))
        self.pages.addTab(staff, "")

        # Scanners (this PC's devices; the recognition rules inside need a supervisor)
        self.scanners_page = ScannerSettingsPage(services, bus, parent=self)
        self.pages.addTab(self.scanners_page, "")

        # Parcels & e-mail (SMTP for pick-up notices, reminder rules; supervisors)
        from ui.parcels.settings_page import ParcelSettingsPage

        self.parcels_page = ParcelSettingsPage(services, bus, parent=self)
        self.pages.addTab(self.parcels_page, "")
        # Carriers (how a tracking number is recognised; administrators edit, others read)
        from ui.parcels.carrier_page import CarrierRulesPage

        self.carriers_page = CarrierRulesPage(services, bus, parent=self)
        self.pages.addTab(self.carriers_page, "")
        # Printing (this PC's printers; per PC, no role needed)
        self.printing_page = PrintingSettingsPage(PrinterSettings(settings), self, bus=bus)
        self.pages.addTab(self.printing_page, "")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self.resize(760, 460)
        self.retranslate()
        if staff.isEnabled():
            self._load_staff()

    def _language_changed(self) -> None:
        lang = self.language.currentData()
        self._translations.set_language(lang)
        self._settings.setValue("ui/language", lang)
        self._bus.sig_changed.emit("language")

    def save_rules(self) -> None:
        t, k = self.end_of_day.time(), self.keys_end_of_day.time()
        values = {
            "visitor.overstay_hours": self.overstay.value(),
            "day.end_time": f"{t.hour():02d}:{t.minute():02d}",
            "visitor.id_retention_days": self.retention.value(),
            "keys.end_of_day": f"{k.hour():02d}:{k.minute():02d}",
            "keys.due_soon_minutes": self.due_soon.value(),
        }

        def call():
            self._services.settings.set_many(values)
            return True

        if run_action(self, call, form=self.rules_form):
            self._bus.sig_changed.emit("settings")
            self._bus.sig_status.emit(self.tr("Rules saved"))

    def save_profile(self) -> None:
        if run_action(self, lambda: self._services.property.save_profile(
                self.prop_name.text(), self.prop_address.text(), self.prop_phone.text()),
                form=self.property_form) is not None:
            self._bus.sig_status.emit(self.tr("Property profile saved"))

    def add_staff(self) -> None:
        if run_action(self, lambda: self._services.staff.create(
                self.new_username.text(), self.new_name.text(), self.new_role.currentData(),
                self.new_password.text()), form=self.staff_form) is not None:
            for w in (self.new_username, self.new_name, self.new_password):
                w.clear()
            self._load_staff()

    def _load_staff(self) -> None:
        people = [p for p in self._services.staff.list() if p.username != "system"]
        self.staff_table.setRowCount(len(people))
        for row, p in enumerate(people):
            for col, text in enumerate((p.username, p.display_name, role_name(p.role),
                                        self.tr("yes") if p.active else self.tr("no"))):
                self.staff_table.setItem(row, col, QTableWidgetItem(text))
        self.staff_table.resizeColumnsToContents()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.pages.setTabText(0, self.tr("General"))
        self.pages.setTabText(1, self.tr("Rules"))
        self.pages.setTabText(2, self.tr("Property"))
        self.pages.setTabText(3, self.tr("Staff"))
        self.pages.setTabText(4, self.tr("Scanners"))
        self.pages.setTabText(5, self.tr("Parcels && e-mail"))
        self.pages.setTabText(self.pages.indexOf(self.carriers_page), self.tr("Carriers"))
        self.pages.setTabText(self.pages.indexOf(self.printing_page), self.tr("Printing"))
        self.general_form.label("language").setText(self.tr("&Language"))
        self.rules_form.label("visitor.overstay_hours").setText(self.tr("Overstay after (hours)"))
        self.rules_form.label("day.end_time").setText(self.tr("End of the counter's day"))
        self.rules_form.label("visitor.id_retention_days").setText(self.tr("Keep visitors' ID numbers (days)"))
        self.rules_form.label("keys.end_of_day").setText(self.tr("Keys back by (no overnight loans)"))
        self.rules_form.label("keys.due_soon_minutes").setText(self.tr("Keys \"due soon\" within (minutes)"))
        self.retention.setToolTip(self.tr("After this, only the masked number is kept (personal data protection)."))
        self.rules_save.setText(self.tr("Save rules"))
        self.property_form.label("name").setText(self.tr("Name"))
        self.property_form.label("address").setText(self.tr("Address"))
        self.property_form.label("phone").setText(self.tr("Phone"))
        self.property_save.setText(self.tr("Save property profile"))
        self.staff_table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Name"), self.tr("Role"),
                                                    self.tr("Active")])
        self.staff_form.label("username").setText(self.tr("User name"))
        self.staff_form.label("display_name").setText(self.tr("Full name"))
        self.staff_form.label("role").setText(self.tr("Role"))
        self.staff_form.label("password").setText(self.tr("Password"))
        for i in range(self.new_role.count()):
            self.new_role.setItemText(i, role_name(self.new_role.itemData(i)))
        self.staff_add.setText(self.tr("Add account"))
        if self.staff_table.rowCount():
            self._load_staff()
