"""The Renovation tab's forms: the application, one dialog per step of the flow, a worker's pass.

Each is a ``FieldForm`` whose service call goes through ``run_action``: an error appears under
its field and nothing is saved half (every service call is one transaction).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.errors import ConflictError, DomainError, ValidationError
from app.permit_rules import (
    MAX_EXTENSION_DAYS,
    MAX_PERIOD_DAYS,
    SIGNER_KINDS,
    TRADES,
    period_end,
)
from app.receipt_rules import PAYMENT_METHODS
from app.security import role_at_least
from app.services import Services
from app.services.permits import (
    MAX_PHOTO_BYTES,
    ApplicationInput,
    Approval,
    FeesInput,
    PassInput,
    PassPayment,
    PermitView,
    ReceiptIssuedError,
)
from app.validation import DOC_TYPES
from ui.format import fmt_date, fmt_money
from ui.keys.common import password_edit
from ui.widgets.form_dialog import FormDialog
from ui.messages import doc_type_name
from ui.permits.texts import signer_name, state_name, trade_name
from ui.receipts.texts import method_name
from ui.widgets.scan_field import ScanLineEdit


def _multiline(parent: QWidget, height: int = 60) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setFixedHeight(height)
    edit.setTabChangesFocus(True)
    return edit


def _date_edit(parent: QWidget, value: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setDate(QDate(value.year, value.month, value.day))
    return edit


def _py_date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def permit_summary(p: PermitView) -> str:
    """``RP2026-0001 · A-1203 · 张三 · 安居装饰 · In progress``."""
    return "  ·  ".join(x for x in (p.number, p.unit_code, p.applicant_name, p.contractor_company,
                                    state_name(p.state)) if x)


class PermitDialog(FormDialog):
    """A dialog about one permit: its summary on top."""

    def __init__(self, services: Services, permit: PermitView, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.permit = permit
        self.header.setText(permit_summary(permit))


class ApplicationDialog(FormDialog):
    """The application form (装修申请表)."""

    def __init__(self, services: Services, parent: QWidget | None = None, *, unit_code: str = ""):
        super().__init__(services, parent)
        self.unit = QLineEdit(unit_code, self)
        self.unit.setObjectName("permit_unit")
        self.unit.setMaxLength(32)
        self.kind = QComboBox(self)
        for k in ("owner", "tenant"):
            self.kind.addItem("", k)
        self.applicant = QLineEdit(self)
        self.applicant.setObjectName("permit_applicant")
        self.applicant.setMaxLength(64)
        self.phone = QLineEdit(self)
        self.phone.setMaxLength(32)
        self.company = QLineEdit(self)
        self.company.setObjectName("permit_company")
        self.company.setMaxLength(128)
        self.lead = QLineEdit(self)
        self.lead.setObjectName("permit_lead")
        self.lead.setMaxLength(64)
        self.lead_phone = QLineEdit(self)
        self.lead_phone.setObjectName("permit_lead_phone")
        self.lead_phone.setMaxLength(32)
        self.scope = _multiline(self, 70)
        self.scope.setObjectName("permit_scope")
        self.start = _date_edit(self, date.today() + timedelta(days=7))
        self.days = QSpinBox(self)
        self.days.setRange(1, MAX_PERIOD_DAYS)
        self.days.setValue(services.permits.default_period_days())
        self.signed = QCheckBox(self)
        self.signed.setObjectName("permit_form_signed")
        self.note = _multiline(self, 44)
        f = self.form
        f.add_row("unit_code", self.unit)
        f.add_row("applicant_kind", self.kind)
        f.add_row("applicant_name", self.applicant)
        f.add_row("applicant_phone", self.phone)
        f.add_row("contractor_company", self.company)
        f.add_row("site_lead_name", self.lead)
        f.add_row("site_lead_phone", self.lead_phone)
        f.add_row("scope", self.scope)
        f.add_row("planned_start", self.start)
        f.add_row("period_days", self.days)
        f.add_row("form_signed", self.signed)
        f.add_row("note", self.note)
        self.unit.editingFinished.connect(self._fill_occupant)
        self.retranslate()
        self.unit.setFocus()

    def _fill_occupant(self) -> None:
        """The unit's owner (or tenant) from the directory, when the name is still empty."""
        code = self.unit.text().strip()
        if not code or self.applicant.text().strip():
            return
        try:
            found = [o for o in self.services.occupants.search(code, limit=10) if o.unit_code.upper() == code.upper()]
        except Exception:  # noqa: BLE001 - a suggestion only
            return
        if found:
            o = found[0]
            self.applicant.setText(o.name)
            self.phone.setText(o.phone)
            self.kind.setCurrentIndex(max(0, self.kind.findData(o.kind)))

    def call(self):  # noqa: ANN201
        return self.services.permits.apply(ApplicationInput(
            unit_code=self.unit.text(), applicant_name=self.applicant.text(), applicant_kind=self.kind.currentData(),
            applicant_phone=self.phone.text(), contractor_company=self.company.text(), site_lead_name=self.lead.text(),
            site_lead_phone=self.lead_phone.text(), scope=self.scope.toPlainText(), form_signed=self.signed.isChecked(),
            planned_start=_py_date(self.start), period_days=self.days.value(), note=self.note.toPlainText()))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Renovation application"))
        self.header.setText(self.tr("Renovation application (装修申请表)"))
        for i, k in enumerate(("owner", "tenant")):
            self.kind.setItemText(i, signer_name(k))
        f = self.form
        f.label("unit_code").setText(self.tr("&Unit"))
        f.label("applicant_kind").setText(self.tr("Owner or tenant"))
        f.label("applicant_name").setText(self.tr("&Name"))
        f.label("applicant_phone").setText(self.tr("Phone"))
        f.label("contractor_company").setText(self.tr("&Contractor"))
        f.label("site_lead_name").setText(self.tr("Site &lead"))
        f.label("site_lead_phone").setText(self.tr("Site lead's phone"))
        f.label("scope").setText(self.tr("&Works"))
        f.label("planned_start").setText(self.tr("Planned start"))
        f.label("period_days").setText(self.tr("Period (days)"))
        f.label("note").setText(self.tr("Note"))
        self.signed.setText(self.tr("Signed application form handed in (owner's signature and stamp)"))
        self.ok_button.setText(self.tr("&Take application"))


class FeesDialog(PermitDialog):
    """The deposit and fees paid, by the receipt's number (typed or scanned)."""

    def __init__(self, services: Services, permit: PermitView, parent: QWidget | None = None):
        super().__init__(services, permit, parent)
        self.receipt = ScanLineEdit(self)
        self.receipt.setObjectName("permit_receipt")
        self.receipt.setMaxLength(32)
        self.deposit = QLineEdit("0.00", self)
        self.debris = QLineEdit("0.00", self)
        self.water = QLineEdit("0.00", self)
        self.form.add_row("receipt_no", self.receipt)
        self.form.add_row("deposit", self.deposit)
        self.form.add_row("debris_fee", self.debris)
        self.form.add_row("water_fee", self.water)
        self.retranslate()
        self.receipt.setFocus()

    def call(self):  # noqa: ANN201
        return self.services.permits.pay_fees(self.permit.id, FeesInput(
            self.receipt.text(), self.deposit.text(), self.debris.text(), self.water.text()))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Fees paid"))
        self.info.setText(self.tr("Take the money on a receipt first, then type or scan its number here."))
        self.info.show()
        self.form.label("receipt_no").setText(self.tr("&Receipt no."))
        self.form.label("deposit").setText(self.tr("Renovation deposit (¥)"))
        self.form.label("debris_fee").setText(self.tr("Debris removal (¥)"))
        self.form.label("water_fee").setText(self.tr("Temporary water (¥)"))
        self.ok_button.setText(self.tr("&Record fees"))


class ReviewDialog(PermitDialog):
    """Engineering's verdict on the drawings (or customer service's check of the file)."""

    def __init__(self, services: Services, permit: PermitView, parent: QWidget | None = None, *,
                 customer_service: bool = False):
        super().__init__(services, permit, parent)
        self.customer_service = customer_service
        self.outcome = QComboBox(self)
        self.outcome.addItem("", True)
        self.outcome.addItem("", False)
        self.reviewer = QLineEdit(self)
        self.reviewer.setMaxLength(64)
        self.note = _multiline(self)
        self.form.add_row("result", self.outcome)
        if not customer_service:
            self.form.add_row("reviewer", self.reviewer)
        else:
            self.reviewer.hide()
        self.form.add_row("note", self.note)
        self.retranslate()

    def call(self):  # noqa: ANN201
        passed = bool(self.outcome.currentData())
        if self.customer_service:
            return self.services.permits.check(self.permit.id, passed=passed, note=self.note.toPlainText())
        return self.services.permits.review_drawings(self.permit.id, passed=passed, reviewer=self.reviewer.text(),
                                                     note=self.note.toPlainText())

    def retranslate(self) -> None:
        if self.customer_service:
            self.setWindowTitle(self.tr("Customer service check"))
            self.outcome.setItemText(0, self.tr("File complete"))
            self.outcome.setItemText(1, self.tr("File incomplete (say what is missing)"))
        else:
            self.setWindowTitle(self.tr("Drawing review"))
            self.info.setText(self.tr("Engineering reviews the drawings (about five working days)."))
            self.info.show()
            self.outcome.setItemText(0, self.tr("Drawings passed"))
            self.outcome.setItemText(1, self.tr("Drawings sent back (say why)"))
            self.form.label("reviewer").setText(self.tr("&Reviewed by"))
        self.form.label("result").setText(self.tr("Result"))
        self.form.label("note").setText(self.tr("Note"))
        self.ok_button.setText(self.tr("&Record"))


class ApproveDialog(PermitDialog):
    """The manager's decision; a receptionist's counter asks for the manager's own password."""

    def __init__(self, services: Services, permit: PermitView, parent: QWidget | None = None):
        super().__init__(services, permit, parent)
        op = services.ctx.operator
        self.needs_credentials = not (op and role_at_least(op.role, "manager"))
        self.decision = QComboBox(self)
        self.decision.setObjectName("permit_decision")
        self.decision.addItem("", "approve")
        self.decision.addItem("", "reject")
        self.note = _multiline(self)
        self.user = QLineEdit(self)
        self.user.setObjectName("approver_user")
        self.password = password_edit(self)
        self.password.setObjectName("approver_password")
        self.form.add_row("decision", self.decision)
        self.form.add_row("reason", self.note, aliases=("note",))
        if self.needs_credentials:
            self.form.add_row("approval", self.user)
            self.form.add_row("approval_password", self.password)
        else:
            self.user.hide()
            self.password.hide()
        self.retranslate()

    def _approval(self) -> Approval | None:
        return Approval(self.user.text(), self.password.text()) if self.needs_credentials else None

    def call(self):  # noqa: ANN201
        if self.decision.currentData() == "approve":
            return self.services.permits.approve(self.permit.id, approval=self._approval(),
                                                 note=self.note.toPlainText())
        return self.services.permits.reject(self.permit.id, reason=self.note.toPlainText(),
                                            approval=self._approval())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Manager's approval"))
        self.decision.setItemText(0, self.tr("Approve"))
        self.decision.setItemText(1, self.tr("Reject"))
        self.form.label("decision").setText(self.tr("Decision"))
        self.form.label("reason").setText(self.tr("Note (reason required to reject)"))
        if self.needs_credentials:
            self.info.setText(self.tr("The manager confirms with their own user name and password."))
            self.info.show()
            self.form.label("approval").setText(self.tr("Manager's user name"))
            self.form.label("approval_password").setText(self.tr("Password"))
        self.ok_button.setText(self.tr("&Confirm"))


class IssueDialog(PermitDialog):
    """Issue the permit: its period starts; the end follows from the period."""

    def __init__(self, services: Services, permit: PermitView, parent: QWidget | None = None):
        super().__init__(services, permit, parent)
        self.start = _date_edit(self, max(permit.planned_start, date.today()))
        self.start.setMinimumDate(_qdate(date.today()))
        self.end = QLabel(self)
        self.form.add_row("starts_on", self.start)
        self.form.add_row("ends_on", self.end)
        self.start.dateChanged.connect(lambda _d: self._show_end())
        self.retranslate()

    def _show_end(self) -> None:
        end = period_end(_py_date(self.start), self.permit.period_days)
        self.end.setText(self.tr("%1 (%2 days)").replace("%1", fmt_date(end))
                         .replace("%2", str(self.permit.period_days)))

    def call(self):  # noqa: ANN201
        return self.services.permits.issue(self.permit.id, starts_on=_py_date(self.start))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Issue the permit"))
        self.form.label("starts_on").setText(self.tr("Work starts"))
        self.form.label("ends_on").setText(self.tr("Ends"))
        self._show_end()
        self.ok_button.setText(self.tr("&Issue"))


class ExtendDialog(PermitDialog):
    """An extension on a written request handed in before the end."""

    def __init__(self, services: Services, permit: PermitView, parent: QWidget | None = None):
        super().__init__(services, permit, parent)
        self.days = QSpinBox(self)
        self.days.setRange(1, MAX_EXTENSION_DAYS)
        self.days.setValue(15)
        self.new_end = QLabel(self)
        self.requested_by = QLineEdit(permit.applicant_name, self)
        self.requested_by.setMaxLength(64)
        self.reason = _multiline(self)
        self.form.add_row("days", self.days)
        self.form.add_row("new_end", self.new_end)
        self.form.add_row("requested_by", self.requested_by)
        self.form.add_row("reason", self.reason)
        self.days.valueChanged.connect(lambda _v: self._show_end())
        self.retranslate()

    def _show_end(self) -> None:
        if self.permit.ends_on:
            self.new_end.setText(fmt_date(self.permit.ends_on + timedelta(days=self.days.value())))

    def call(self):  # noqa: ANN201
        return self.services.permits.extend(self.permit.id, days=self.days.value(),
                                            requested_by=self.requested_by.text(), reason=self.reason.toPlainText())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Extend the permit"))
        self.info.setText(self.tr("Ends %1. An extension needs the written request, handed in before the end.")
                          .replace("%1", fmt_date(self.permit.ends_on)))
        self.info.show()
        self.form.label("days").setText(self.tr("Extra &days"))
        self.form.label("new_end").setText(self.tr("New end"))
        self.form.label("requested_by").setText(self.tr("Requested by"))
        self.form.label("reason").setText(self.tr("Reason"))
        self._show_end()
        self.ok_button.setText(self.tr("&Extend"))


class NoteDialog(FormDialog):
    """One text and a confirm button: finish, cancel, pass returned, pass lost."""

    def __init__(self, services: Services, header: str, title: str, label: str, button: str, action,  # noqa: ANN001
                 parent: QWidget | None = None, *, field: str = "note"):
        super().__init__(services, parent)
        self.action = action
        self.note = _multiline(self)
        self.form.add_row(field, self.note, aliases=("note", "reason"))
        self.header.setText(header)
        self.setWindowTitle(title)
        self.form.label(field).setText(label)
        self.ok_button.setText(button)
        self.note.setFocus()

    def call(self):  # noqa: ANN201
        return self.action(self.note.toPlainText())


class PassDialog(PermitDialog):
    """Issue a worker's pass: who, which trade, who signs, how long (never past the permit's end)."""

    def __init__(self, services: Services, permit: PermitView, parent: QWidget | None = None, *,
                 replaces=None):  # noqa: ANN001 - PassView of a lost card
        super().__init__(services, permit, parent)
        self.replaces = replaces
        self.photo_bytes: bytes | None = None
        self.worker = QLineEdit(self)
        self.worker.setObjectName("pass_worker")
        self.worker.setMaxLength(64)
        self.doc_type = QComboBox(self)
        for d in DOC_TYPES:
            self.doc_type.addItem("", d)
        self.doc_number = QLineEdit(self)
        self.doc_number.setObjectName("pass_doc_number")
        self.doc_number.setMaxLength(32)
        self.trade = QComboBox(self)
        self.trade.setObjectName("pass_trade")
        for t in TRADES:
            self.trade.addItem("", t)
        self.phone = QLineEdit(self)
        self.phone.setMaxLength(32)
        self.signer_kind = QComboBox(self)
        for k in SIGNER_KINDS:
            self.signer_kind.addItem("", k)
        self.signer_kind.setCurrentIndex(SIGNER_KINDS.index("site_lead"))
        self.signer = QLineEdit(permit.site_lead_name, self)
        self.signer.setObjectName("pass_signer")
        self.signer.setMaxLength(64)
        today = date.today()
        start = max(today, permit.starts_on or today)
        self.valid_from = _date_edit(self, start)
        self.valid_to = _date_edit(self, permit.ends_on or start)
        if permit.ends_on:
            self.valid_to.setMaximumDate(_qdate(permit.ends_on))  # never past the permit's end
            self.valid_from.setMaximumDate(_qdate(permit.ends_on))
        self.receipt = ScanLineEdit(self)
        self.receipt.setObjectName("pass_receipt")
        self.receipt.setMaxLength(32)
        # The card fee on a new receipt (the default when the operator's shift is open), or the
        # number of a receipt already written.
        self.new_receipt = QCheckBox(self)
        self.new_receipt.setObjectName("pass_new_receipt")
        self.method = QComboBox(self)
        self.method.setObjectName("pass_method")
        for m in PAYMENT_METHODS:
            self.method.addItem("", m)
        fee_row = QWidget(self)
        lay = QHBoxLayout(fee_row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.new_receipt)
        lay.addWidget(self.method)
        lay.addStretch(1)
        try:
            shift_open = services.receipts.current_shift() is not None
        except DomainError:
            shift_open = False
        self.new_receipt.setChecked(shift_open)
        self.new_receipt.toggled.connect(self._fee_mode)
        self.receipt_issued = None  # a ReceiptView taken by this dialog
        self.photo_button = QPushButton(self)
        self.photo_label = QLabel(self)
        photo_row = QWidget(self)
        lay = QHBoxLayout(photo_row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.photo_button)
        lay.addWidget(self.photo_label, 1)
        if replaces is not None:
            self.worker.setText(replaces.worker_name)
            self.trade.setCurrentIndex(max(0, self.trade.findData(replaces.trade)))
            self.phone.setText(replaces.phone)
        f = self.form
        f.add_row("worker_name", self.worker)
        f.add_row("doc_type", self.doc_type)
        f.add_row("doc_number", self.doc_number)
        f.add_row("trade", self.trade)
        f.add_row("phone", self.phone)
        f.add_row("signer_kind", self.signer_kind)
        f.add_row("signer_name", self.signer)
        f.add_row("valid_from", self.valid_from)
        f.add_row("valid_to", self.valid_to)
        f.add_row("fee", fee_row, aliases=("method", "payer", "lines"))
        f.add_row("receipt_no", self.receipt)
        f.add_row("photo", photo_row)
        self._fee_mode()
        self.photo_button.clicked.connect(self.choose_photo)
        self.signer_kind.currentIndexChanged.connect(lambda _i: self._default_signer())
        self.retranslate()
        self.worker.setFocus()

    def _default_signer(self) -> None:
        """The site lead's or the applicant's name, unless the receptionist typed someone else."""
        names = {self.permit.site_lead_name, self.permit.applicant_name, ""}
        if self.signer.text().strip() in names:
            kind = self.signer_kind.currentData()
            self.signer.setText(self.permit.site_lead_name if kind == "site_lead" else self.permit.applicant_name)

    def choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Worker's photo"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.set_photo(Path(path).read_bytes())

    def set_photo(self, data: bytes | None) -> None:
        self.photo_bytes = data
        self.retranslate()

    def _fee_mode(self) -> None:
        new = self.new_receipt.isChecked()
        self.method.setEnabled(new)
        self.receipt.setEnabled(not new)

    def pass_input(self) -> PassInput:
        return PassInput(
            worker_name=self.worker.text(), doc_type=self.doc_type.currentData(), doc_number=self.doc_number.text(),
            trade=self.trade.currentData(), phone=self.phone.text(), signer_kind=self.signer_kind.currentData(),
            signer_name=self.signer.text(), valid_from=_py_date(self.valid_from), valid_to=_py_date(self.valid_to),
            receipt_no="" if self.new_receipt.isChecked() else self.receipt.text(), photo=self.photo_bytes,
            replaces_id=self.replaces.id if self.replaces is not None else None)

    def call(self):  # noqa: ANN201
        if not self.new_receipt.isChecked():
            return self.services.permits.issue_pass(self.permit.id, self.pass_input())
        try:
            view, receipt = self.services.permits.issue_pass_paid(
                self.permit.id, self.pass_input(), PassPayment(method=self.method.currentData()))
        except ReceiptIssuedError as exc:
            # The money is on a receipt now: keep its number for the retry, never a second receipt.
            self.receipt_issued = exc.receipt
            self.new_receipt.setChecked(False)
            self.receipt.setText(exc.receipt.number)
            if isinstance(exc.cause, ValidationError):
                self.form.show_errors(exc.cause.fields)
            raise ConflictError(exc.key, **exc.params) from exc
        self.receipt_issued = receipt
        return view

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Issue a worker's pass"))
        fee = self.services.permits.pass_fee()
        deposit = self.services.permits.pass_deposit()
        text = self.tr("Card fee %1 per pass").replace("%1", fmt_money(fee))
        if deposit:
            text += self.tr(", deposit %1").replace("%1", fmt_money(deposit))
        text += self.tr(": on a receipt. The owner/tenant or the site lead signs for the pass.")
        if self.replaces is not None:
            text += "\n" + self.tr("Replaces the lost pass %1.").replace("%1", self.replaces.number)
        self.info.setText(text)
        self.info.show()
        for i, d in enumerate(DOC_TYPES):
            self.doc_type.setItemText(i, doc_type_name(d))
        for i, t in enumerate(TRADES):
            self.trade.setItemText(i, trade_name(t))
        for i, k in enumerate(SIGNER_KINDS):
            self.signer_kind.setItemText(i, signer_name(k))
        f = self.form
        f.label("worker_name").setText(self.tr("&Worker"))
        f.label("doc_type").setText(self.tr("Document"))
        f.label("doc_number").setText(self.tr("ID &number"))
        f.label("trade").setText(self.tr("&Trade"))
        f.label("phone").setText(self.tr("Phone"))
        f.label("signer_kind").setText(self.tr("Signed for by"))
        f.label("signer_name").setText(self.tr("Signer's name"))
        f.label("valid_from").setText(self.tr("Valid from"))
        f.label("valid_to").setText(self.tr("Valid to"))
        f.label("fee").setText(self.tr("Card fee"))
        self.new_receipt.setText(self.tr("Take it on a new receipt (%1), paid by").replace("%1", fmt_money(fee)))
        for i, m in enumerate(PAYMENT_METHODS):
            self.method.setItemText(i, method_name(m))
        f.label("receipt_no").setText(self.tr("or receipt no."))
        f.label("photo").setText(self.tr("Photo (optional)"))
        self.photo_button.setText(self.tr("Choose…"))
        if self.photo_bytes:
            self.photo_label.setText(self.tr("%1 KB").replace("%1", str(max(1, len(self.photo_bytes) // 1024))))
        else:
            self.photo_label.setText(self.tr("none (max. %1 KB, PNG or JPEG)").replace(
                "%1", str(MAX_PHOTO_BYTES // 1024)))
        self.ok_button.setText(self.tr("&Issue pass"))


class RenewDialog(FormDialog):
    """Renew a pass up to the permit's (extended) end."""

    def __init__(self, services: Services, pass_, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(services, parent)
        self.pass_ = pass_
        end = pass_.permit_end or pass_.valid_to
        self.valid_to = _date_edit(self, end)
        self.valid_to.setMaximumDate(_qdate(end))
        self.form.add_row("valid_to", self.valid_to)
        self.header.setText(f"{pass_.number}  ·  {pass_.worker_name}  ·  {pass_.permit_number}")
        self.retranslate()

    def call(self):  # noqa: ANN201
        return self.services.permits.renew_pass(self.pass_.id, valid_to=_py_date(self.valid_to))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Renew pass"))
        self.form.label("valid_to").setText(self.tr("Valid to"))
        self.ok_button.setText(self.tr("&Renew"))
