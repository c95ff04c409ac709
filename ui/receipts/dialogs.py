"""Small dialogs of the Receipts tab: open a shift, void, refund slip, cash-up and close."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.errors import DomainError
from app.receipt_rules import PAYMENT_METHODS, to_money
from app.services import Services
from app.services.receipts import Approval, CashupView, RefundInput, ReceiptView
from ui.format import fmt_datetime, fmt_money
from ui.receipts.texts import method_name
from ui.widgets.form_dialog import FormDialog as SharedFormDialog
from ui.widgets.shortcuts import focus_field


def money_edit(parent: QWidget, text: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setMaxLength(16)
    edit.setText(text)
    return edit


def receipt_summary(r: ReceiptView) -> str:
    return f"{r.number} · {fmt_datetime(r.issued_at)} · {r.payer_label} · {fmt_money(r.total)}"


class FormDialog(SharedFormDialog):
    """The shared form dialog with its info line always shown (each says what is counted)."""

    INFO_SHOWN = True
    MIN_WIDTH = 480


class OpenShiftDialog(FormDialog):
    """Open the operator's till: count the opening float (备用金)."""

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.float_edit = money_edit(self, "0.00")
        self.float_edit.setObjectName("opening_float")
        self.form.add_row("opening_float", self.float_edit)
        self.retranslate()
        focus_field(self.float_edit)

    def call(self):  # noqa: ANN201
        return self.services.receipts.open_shift(self.float_edit.text())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Open shift"))
        op = self.services.ctx.operator
        self.header.setText(self.tr("Shift of %1").replace("%1", op.display_name if op else ""))
        self.info.setText(self.tr("Count the cash in the drawer before the first receipt."))
        self.form.label("opening_float").setText(self.tr("Opening &float (¥)"))
        self.ok_button.setText(self.tr("&Open shift"))


class VoidDialog(FormDialog):
    """Void a receipt of the open shift: a reason and a supervisor's own user name and password."""

    def __init__(self, services: Services, receipt: ReceiptView, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.receipt = receipt
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(500)
        self.approver = QLineEdit(self)
        self.approver.setObjectName("approver_user")
        self.approver.setMaxLength(64)
        self.password = QLineEdit(self)
        self.password.setObjectName("approver_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(128)
        self.form.add_row("reason", self.reason)
        self.form.add_row("approver", self.approver)
        self.form.add_row("approval", self.password)
        self.retranslate()
        self.reason.setFocus()

    def call(self):  # noqa: ANN201
        approval = None
        if self.approver.text().strip() or self.password.text():
            approval = Approval(self.approver.text().strip(), self.password.text())
        try:
            return self.services.receipts.void(self.receipt.id, self.reason.text(), approval)
        finally:
            self.password.clear()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Void receipt"))
        self.header.setText(receipt_summary(self.receipt))
        self.info.setText(self.tr("The receipt stays in the register marked VOID. A supervisor confirms "
                                  "with their own user name and password; only receipts of your open shift."))
        self.form.label("reason").setText(self.tr("&Reason"))
        self.form.label("approver").setText(self.tr("Supervisor's &user name"))
        self.form.label("approval").setText(self.tr("Supervisor's pass&word"))
        self.ok_button.setText(self.tr("&Void receipt"))


class RefundDialog(FormDialog):
    """Pay back (part of) a deposit with a refund slip (退款通知书)."""

    def __init__(self, services: Services, receipt: ReceiptView, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.receipt = receipt
        self.amount = money_edit(self, f"{receipt.refundable:.2f}")
        self.amount.setObjectName("amount")
        self.method = QComboBox(self)
        self.method.setObjectName("method")
        for m in PAYMENT_METHODS:
            self.method.addItem("", m)
        self.method.setCurrentIndex(self.method.findData(receipt.method))
        self.payee = QLineEdit(receipt.payer_name, self)
        self.payee.setObjectName("payee")
        self.payee.setMaxLength(128)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(500)
        self.form.add_row("amount", self.amount)
        self.form.add_row("method", self.method)
        self.form.add_row("payee", self.payee)
        self.form.add_row("reason", self.reason)
        self.retranslate()
        focus_field(self.amount)

    def call(self):  # noqa: ANN201
        return self.services.receipts.refund(self.receipt.id, RefundInput(
            self.amount.text(), self.method.currentData(), self.payee.text(), self.reason.text()))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Refund slip"))
        self.header.setText(receipt_summary(self.receipt))
        self.info.setText(self.tr("Deposit paid: %1 · refunded so far: %2 · refundable: %3")
                          .replace("%1", fmt_money(sum((ln.amount for ln in self.receipt.lines if ln.refundable),
                                                       Decimal("0.00"))))
                          .replace("%2", fmt_money(self.receipt.refunded))
                          .replace("%3", fmt_money(self.receipt.refundable)))
        self.form.label("amount").setText(self.tr("&Amount (¥)"))
        self.form.label("method").setText(self.tr("Paid back &by"))
        self.form.label("payee").setText(self.tr("Pa&id to"))
        self.form.label("reason").setText(self.tr("&Reason"))
        for i in range(self.method.count()):
            self.method.setItemText(i, method_name(self.method.itemData(i)))
        self.ok_button.setText(self.tr("Issue &refund slip"))


class CloseShiftDialog(FormDialog):
    """Cash-up: what the shift took per method, the counted cash and the variance, then close."""

    def __init__(self, services: Services, preview: CashupView, parent: QWidget | None = None):
        super().__init__(services, parent)
        self.preview = preview
        self.table = QTableWidget(len(preview.totals) + 1, 4, self)
        self.table.setObjectName("totals")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setFixedHeight(26 + 22 * (len(preview.totals) + 1) + 4)
        self.body.insertWidget(2, self.table)
        self.counted = money_edit(self)
        self.counted.setObjectName("counted_cash")
        self.variance = QLabel(self)
        self.variance.setObjectName("variance")
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        self.note.setMaxLength(1000)
        self.print_roll = QCheckBox(self)
        self.print_roll.setObjectName("print_roll")
        self.print_roll.setChecked(True)
        self.print_a4 = QCheckBox(self)
        self.print_a4.setObjectName("print_a4")
        self.form.add_row("counted_cash", self.counted)
        self.form.add_row("variance", self.variance)
        self.form.add_row("note", self.note)
        self.form.add_row("print", self.print_roll)
        self.form.add_row("print_a4", self.print_a4)
        self.counted.textEdited.connect(lambda _t: self.update_variance())
        self.setMinimumWidth(560)
        self.retranslate()
        self.counted.setFocus()

    def counted_value(self) -> Decimal | None:
        try:
            return to_money(self.counted.text()) if self.counted.text().strip() else None
        except DomainError:
            return None

    def update_variance(self) -> None:
        counted = self.counted_value()
        if counted is None:
            self.variance.setText("—")
            self.variance.setStyleSheet("")
            return
        diff = counted - self.preview.expected_cash
        if diff == 0:
            self.variance.setText(self.tr("None — the drawer matches"))
            self.variance.setStyleSheet("color: #1b5e20; font-weight: bold;")
        else:
            text = self.tr("%1 over") if diff > 0 else self.tr("%1 short")
            self.variance.setText(text.replace("%1", fmt_money(abs(diff))) + " · " + self.tr("say why below"))
            self.variance.setStyleSheet("color: #b00020; font-weight: bold;")

    def call(self):  # noqa: ANN201
        return self.services.receipts.close_shift(self.counted.text(), self.note.text())

    def papers(self) -> list[str]:
        """Where the Z report is printed after closing: ``roll``, ``a4``."""
        return [p for p, box in (("roll", self.print_roll), ("a4", self.print_a4)) if box.isChecked()]

    def _fill_table(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Paid by"), self.tr("Receipts"), self.tr("Refunds"),
                                              self.tr("Net")])
        rows = [(method_name(t.method), f"{t.receipt_count} · {fmt_money(t.receipts)}",
                 f"{t.refund_count} · {fmt_money(t.refunds)}", fmt_money(t.net)) for t in self.preview.totals]
        rows.append((self.tr("All"), str(self.preview.receipt_count), str(len(self.preview.refunds)),
                     fmt_money(self.preview.takings)))
        for r, values in enumerate(rows):
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Cash-up and close shift"))
        sh = self.preview.shift
        self.header.setText(self.tr("Shift of %1 since %2").replace("%1", sh.staff_name)
                            .replace("%2", fmt_datetime(sh.opened_at)))
        numbers = (f"{self.preview.first_number} – {self.preview.last_number}" if self.preview.receipt_count
                   else self.tr("none"))
        self.info.setText(self.tr("Opening float %1 · expected cash in the drawer %2 · receipts %3 · voids %4")
                          .replace("%1", fmt_money(sh.opening_float))
                          .replace("%2", fmt_money(self.preview.expected_cash))
                          .replace("%3", numbers).replace("%4", str(len(self.preview.voids))))
        self._fill_table()
        self.form.label("counted_cash").setText(self.tr("&Counted cash (¥)"))
        self.form.label("variance").setText(self.tr("Variance"))
        self.form.label("note").setText(self.tr("&Note on the variance"))
        self.form.label("print").setText(self.tr("Z report"))
        self.form.label("print_a4").setText("")
        self.print_roll.setText(self.tr("Print on the receipt roll"))
        self.print_a4.setText(self.tr("Print on A4"))
        self.ok_button.setText(self.tr("C&lose shift"))
        self.update_variance()
