"""The check-out dialog (钥匙借用登记): borrower, purpose, due time, approvals, signature."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.key_rules import BORROWER_KINDS
from app.services import Services
from app.services.keys import Approval, KeyView, LoanInput, LoanRules, LoanView
from app.validation import DOC_TYPES
from ui.errors import run_action
from ui.format import fmt_datetime
from ui.keys.common import password_edit
from ui.widgets.field_form import CombinedForms as Combined
from ui.widgets.qt_dates import py_dt, qdt
from ui.keys.signature import SignaturePad
from ui.messages import borrower_kind_name, doc_type_name, key_category_name
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating
from ui.widgets.scan_field import ScanLineEdit
from ui.widgets.suggest import Suggester
from ui.widgets.shortcuts import debounce


class BorrowerPicker(QLineEdit):
    """The borrower's name: staff accounts or occupants from the directory are suggested.

    An occupant must be picked from the directory; staff may be picked or typed (people
    without an account are fine), contractors are typed.
    """

    sig_picked = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.kind = "staff"
        self.staff_id: int | None = None
        self.occupant_id: int | None = None
        self.setMaxLength(64)
        self.suggester = Suggester(self, self._fetch)
        self.suggester.sig_picked.connect(self._picked)
        self.textEdited.connect(self._edited)
        self._staff_cache = None

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        self.staff_id = None
        self.occupant_id = None
        self.suggester.enabled = kind in ("staff", "occupant")

    def _fetch(self, text: str):
        if self.kind == "occupant":
            return [(o.label, ("occupant", o)) for o in self._services.occupants.search(text, limit=12)]
        if self.kind == "staff":
            if self._staff_cache is None:
                try:
                    self._staff_cache = [s for s in self._services.staff.list()
                                         if s.active and s.username != "system"]
                except Exception:  # noqa: BLE001 - suggestions are a convenience
                    self._staff_cache = []
            t = text.strip().lower()
            return [(f"{s.display_name} ({s.username})", ("staff", s)) for s in self._staff_cache
                    if s.display_name.lower().startswith(t) or s.username.lower().startswith(t)][:12]
        return []

    def _picked(self, payload) -> None:  # noqa: ANN001
        kind, item = payload
        if kind == "occupant":
            self.occupant_id = item.id
            self.setText(item.label)
        else:
            self.staff_id = item.id
            self.setText(item.display_name)
        self.sig_picked.emit(item)

    def _edited(self, _text: str) -> None:
        self.staff_id = None
        self.occupant_id = None


class CheckOutDialog(Retranslating, QDialog):
    """Lend one key set. ``result_loan`` holds the ``LoanView`` after a successful check-out."""

    def __init__(self, services: Services, key: KeyView, parent: QWidget | None = None, *,
                 rules: LoanRules | None = None):
        """``rules``: what the scan already said this key needs (``ScanResult.rules``), so a
        scanned key's form opens without asking again."""
        super().__init__(parent)
        self._services = services
        self.key = key
        self.result_loan: LoanView | None = None
        self.rules: LoanRules = rules if rules is not None and rules.key_id == key.id else \
            services.keys.loan_rules(key.id)

        self.key_label = QLabel(self)
        self.key_label.setWordWrap(True)
        self.key_label.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.kind = QComboBox(self)
        for k in BORROWER_KINDS:
            self.kind.addItem("", k)
        self.borrower = BorrowerPicker(services, self)
        self.borrower.setObjectName("borrower")
        self.company = QLineEdit(self)
        self.company.setMaxLength(128)
        self.phone = QLineEdit(self)
        self.phone.setMaxLength(20)
        self.doc_type = QComboBox(self)
        for code in DOC_TYPES:
            self.doc_type.addItem("", code)
        self.doc_number = ScanLineEdit(self)
        doc_row = QWidget(self)
        lay = QHBoxLayout(doc_row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.doc_type)
        lay.addWidget(self.doc_number, 1)
        self.purpose = QComboBox(self)
        self.purpose.setEditable(True)
        self.purpose.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.quantity = QSpinBox(self)
        self.quantity.setRange(1, max(1, key.key_count))
        self.quantity.setValue(max(1, key.key_count))
        self.due_at = QDateTimeEdit(qdt(self.rules.default_due), self)
        self.due_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due_at.setCalendarPopup(True)
        self.engineering = QCheckBox(self)
        due_row = QWidget(self)
        lay = QHBoxLayout(due_row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.due_at)
        lay.addWidget(self.engineering, 1)
        self.note = QLineEdit(self)
        self.note.setMaxLength(1000)

        self.form = FieldForm(self)
        self.form.add_row("borrower_kind", self.kind)
        self.form.add_row("borrower_name", self.borrower, aliases=("borrower_staff_id", "borrower_occupant_id"))
        self.form.add_row("borrower_company", self.company)
        self.form.add_row("borrower_phone", self.phone)
        self.form.add_row("borrower_doc_number", doc_row, aliases=("borrower_doc_type",))
        self.form.add_row("purpose", self.purpose)
        self.form.add_row("quantity", self.quantity)
        self.form.add_row("due_at", due_row)
        self.form.add_row("note", self.note)

        # Approvals: shown when KeyService.loan_rules asks for them.
        self.consent_by = QLineEdit(self)
        self.consent_by.setMaxLength(64)
        self.manager_user = QLineEdit(self)
        self.manager_user.setObjectName("manager_user")
        self.manager_password = password_edit(self)
        self.manager_password.setObjectName("manager_password")
        self.manager_box = QGroupBox(self)
        self.manager_form = FieldForm(self.manager_box)
        self.manager_form.add_row("consent_by", self.consent_by)
        self.manager_form.add_row("manager_user", self.manager_user)
        self.manager_form.add_row("manager_approval", self.manager_password)
        QVBoxLayout(self.manager_box).addWidget(self.manager_form)
        self.gm_user = QLineEdit(self)
        self.gm_user.setObjectName("gm_user")
        self.gm_password = password_edit(self)
        self.gm_password.setObjectName("gm_password")
        self.gm_box = QGroupBox(self)
        self.gm_reason = QLabel(self.gm_box)
        self.gm_reason.setWordWrap(True)
        self.gm_form = FieldForm(self.gm_box)
        self.gm_form.add_row("gm_user", self.gm_user)
        self.gm_form.add_row("gm_approval", self.gm_password)
        lay = QVBoxLayout(self.gm_box)
        lay.addWidget(self.gm_reason)
        lay.addWidget(self.gm_form)

        # Signature.
        self.signature = SignaturePad(self)
        self.signed_on_slip = QCheckBox(self)
        self.signed_on_slip.setObjectName("signed_on_slip")
        self.sign_box = QGroupBox(self)
        # What the borrower signs for (DOMAIN §2; the printed slip says it in its footer).
        self.terms = QLabel(self.sign_box)
        self.terms.setObjectName("loan_terms")
        self.terms.setWordWrap(True)
        self.sign_form = FieldForm(self.sign_box)
        self.sign_form.add_row("signature", self.signature)
        self.sign_form.add_row("signed_on_slip", self.signed_on_slip)
        sign_lay = QVBoxLayout(self.sign_box)
        sign_lay.addWidget(self.terms)
        sign_lay.addWidget(self.sign_form)
        self.print_slip = QCheckBox(self)
        self.print_slip.setChecked(True)

        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("check_out")
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        left_box = QGroupBox(self)
        self.left_box = left_box
        left_lay = QVBoxLayout(left_box)
        left_lay.addWidget(self.form)
        left_lay.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.sign_box)
        right.addWidget(self.manager_box)
        right.addWidget(self.gm_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(left_box, 1)
        columns.addLayout(right, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_slip)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key_label)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)

        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            sc = QShortcut(QKeySequence(seq), self)
            sc.activated.connect(self.save)

        self._rules_timer = debounce(self, 200, self.update_rules)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.due_at.dateTimeChanged.connect(lambda _d: self._rules_timer.start())
        self.engineering.toggled.connect(lambda _c: self.update_rules())
        self.signed_on_slip.toggled.connect(self._slip_toggled)
        self.signature.canvas.sig_changed.connect(self._signature_changed)
        self.borrower.sig_picked.connect(self._borrower_picked)
        for edit in (self.borrower, self.company, self.phone, self.doc_number, self.note, self.consent_by,
                     self.manager_user, self.gm_user):
            edit.returnPressed.connect(self._next_field)
        self.manager_password.returnPressed.connect(self._next_field)
        self.gm_password.returnPressed.connect(self._next_field)

        self.retranslate()
        self._kind_changed()
        self._apply_rules()
        self.resize(980, 500)
        self.borrower.setFocus()

    # -- behaviour -----------------------------------------------------------------------

    def _next_field(self) -> None:
        if self.borrower.suggester._completer.popup().isVisible():  # noqa: SLF001
            return
        self.focusNextChild()

    def _kind_changed(self, _i: int = 0) -> None:
        kind = self.kind.currentData()
        self.borrower.set_kind(kind)
        self.retranslate_kind()

    def _borrower_picked(self, item) -> None:  # noqa: ANN001
        phone = getattr(item, "phone", "")
        if phone and not self.phone.text():
            self.phone.setText(phone)
        self.purpose.setFocus()

    def _slip_toggled(self, on: bool) -> None:
        self.signature.setEnabled(not on)
        if on:
            self.signature.clear()

    def _signature_changed(self) -> None:
        if not self.signature.is_empty():
            self.signed_on_slip.setChecked(False)

    def update_rules(self) -> None:
        """Ask the service what this due time needs (manager, general manager)."""
        try:
            self.rules = self._services.keys.loan_rules(
                self.key.id, due_at=py_dt(self.due_at.dateTime()), engineering_repair=self.engineering.isChecked())
        except Exception:  # noqa: BLE001 - the save reports any real problem
            return
        self._apply_rules()

    def _apply_rules(self) -> None:
        self.manager_box.setVisible(self.rules.manager_approval or self.rules.consent_required)
        self.manager_form.label("consent_by").setVisible(self.rules.consent_required)
        self.consent_by.setVisible(self.rules.consent_required)
        for w in (self.manager_form.label("manager_user"), self.manager_user,
                  self.manager_form.label("manager_approval"), self.manager_password):
            w.setVisible(self.rules.manager_approval)
        self.gm_box.setVisible(self.rules.gm_approval)
        self._retranslate_rules()

    def _approval(self, user: QLineEdit, password: QLineEdit, visible: bool) -> Approval | None:
        if not visible or (not user.text().strip() and not password.text()):
            return None
        return Approval(user.text().strip(), password.text())

    def value(self) -> LoanInput:
        kind = self.kind.currentData()
        return LoanInput(
            purpose=self.purpose.currentText(),
            borrower_kind=kind,
            borrower_name=self.borrower.text(),
            borrower_staff_id=self.borrower.staff_id if kind == "staff" else None,
            borrower_occupant_id=self.borrower.occupant_id if kind == "occupant" else None,
            borrower_company=self.company.text(),
            borrower_phone=self.phone.text(),
            borrower_doc_type=self.doc_type.currentData(),
            borrower_doc_number=self.doc_number.text(),
            quantity=self.quantity.value(),
            due_at=py_dt(self.due_at.dateTime()),
            engineering_repair=self.engineering.isChecked(),
            consent_by=self.consent_by.text() if self.rules.consent_required else "",
            signature_png=self.signature.png(),
            signed_on_slip=self.signed_on_slip.isChecked(),
            note=self.note.text(),
        )

    def save(self) -> LoanView | None:
        self.update_rules()
        data = self.value()
        manager = self._approval(self.manager_user, self.manager_password, self.rules.manager_approval)
        gm = self._approval(self.gm_user, self.gm_password, self.rules.gm_approval)
        forms = Combined(self.form, self.sign_form, self.manager_form, self.gm_form)
        loan = run_action(self, lambda: self._services.keys.check_out(
            self.key.id, data, manager_approval=manager, gm_approval=gm), form=forms)
        # A password is never kept in a field after an attempt.
        self.manager_password.clear()
        self.gm_password.clear()
        if loan is None:
            return None
        self.result_loan = loan
        self.accept()
        return loan

    # -- language ------------------------------------------------------------------------

    def retranslate_kind(self) -> None:
        kind = self.kind.currentData()
        if kind == "occupant":
            self.borrower.setPlaceholderText(self.tr("Unit, name, pinyin initials or phone tail: pick from the list"))
        elif kind == "staff":
            self.borrower.setPlaceholderText(self.tr("Name (staff accounts are suggested)"))
        else:
            self.borrower.setPlaceholderText(self.tr("Contractor's name"))
        self.company.setPlaceholderText(self.tr("Department") if kind == "staff" else self.tr("Company"))

    def _retranslate_rules(self) -> None:
        r = self.rules
        if r.overnight and not self.engineering.isChecked():
            self.gm_reason.setText(self.tr("Keys come back the same day, by %1. Keeping it longer needs the "
                                           "general manager's approval (not for an engineering repair).")
                                   .replace("%1", fmt_datetime(r.end_of_day)))
        else:
            self.gm_reason.setText(self.tr("A loan longer than one day needs the general manager's approval."))

    def retranslate(self) -> None:
        k = self.key
        self.setWindowTitle(self.tr("Check out key %1").replace("%1", k.tag_code))
        self.key_label.setText(self.tr("%1  ·  %2  ·  hook %3  ·  %n key(s)", "", k.key_count)
                               .replace("%1", k.tag_code).replace("%2", " ".join(
                                   p for p in (k.location, "(" + key_category_name(k.category) + ")") if p))
                               .replace("%3", k.hook))
        self.left_box.setTitle(self.tr("Borrower and loan"))
        f = self.form
        f.label("borrower_kind").setText(self.tr("Borrower &type"))
        f.label("borrower_name").setText(self.tr("&Borrower"))
        f.label("borrower_company").setText(self.tr("Company"))
        f.label("borrower_phone").setText(self.tr("&Phone"))
        f.label("borrower_doc_number").setText(self.tr("ID document"))
        f.label("purpose").setText(self.tr("P&urpose"))
        f.label("quantity").setText(self.tr("&Quantity"))
        f.label("due_at").setText(self.tr("&Due back"))
        f.label("note").setText(self.tr("Note"))
        for i in range(self.kind.count()):
            self.kind.setItemText(i, borrower_kind_name(self.kind.itemData(i)))
        for i in range(self.doc_type.count()):
            self.doc_type.setItemText(i, doc_type_name(self.doc_type.itemData(i)))
        current = self.purpose.currentText()
        self.purpose.clear()
        self.purpose.addItems(["", self.tr("Repair / maintenance"), self.tr("Inspection"), self.tr("Cleaning"),
                               self.tr("Meter reading"), self.tr("Renovation check"), self.tr("Showing the unit"),
                               self.tr("Owner locked out")])
        self.purpose.setCurrentText(current)
        self.purpose.lineEdit().setPlaceholderText(self.tr("Required: why the key is needed"))
        self.doc_number.setPlaceholderText(self.tr("Required for contractors"))
        self.engineering.setText(self.tr("Engineering repair (may stay out overnight)"))
        self.manager_box.setTitle(self.tr("Public-area key: manager's approval"))
        self.manager_form.label("consent_by").setText(self.tr("Agreed by (staff)"))
        self.manager_form.label("manager_user").setText(self.tr("Manager's user name"))
        self.manager_form.label("manager_approval").setText(self.tr("Manager's password"))
        self.gm_box.setTitle(self.tr("General manager's approval"))
        self.gm_form.label("gm_user").setText(self.tr("GM's user name"))
        self.gm_form.label("gm_approval").setText(self.tr("GM's password"))
        self.sign_box.setTitle(self.tr("Borrower's signature"))
        self.terms.setText(self.tr("By signing, the borrower returns the key today (unless approved otherwise), "
                                   "does not take it off the premises and does not have it copied."))
        self.sign_form.label("signature").setText(self.tr("Signature"))
        self.sign_form.label("signed_on_slip").setText("")
        self.signed_on_slip.setText(self.tr("Signs on the printed slip instead"))
        self.print_slip.setText(self.tr("Print the loan slip"))
        self.ok_button.setText(self.tr("Check &out (Ctrl+Enter)"))
        self.retranslate_kind()
        self._retranslate_rules()
