"""The Receipts tab (收款收据): the cashier's shift, issuing receipts, the list, voids, refund
slips, the cash-up, and (administrators) the fee catalogue.

Keyboard: Ctrl+N new receipt · Ctrl+K scan/number field · Ctrl+F search · Ctrl+P print the
selected receipt · Ctrl+Shift+V void · Ctrl+Shift+R refund slip · F5 refresh. Scanning a
receipt or refund-slip number, or the receipt's QR code, anywhere opens it here (scan route
``receipt``); a QR code is checked against the register.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, StorageError
from app.receipt_rules import parse_number
from app.security import role_at_least
from app.services import Services
from app.services.receipts import CashupView, ReceiptView, RefundView, ShiftView
from ui.bus import DataBus
from ui.errors import run_action
from ui.format import fmt_datetime, fmt_money
from ui.messages import error_text
from ui.receipts.dialogs import CloseShiftDialog, OpenShiftDialog, RefundDialog, VoidDialog
from ui.receipts.fees import FeeCatalogDialog
from ui.receipts.issue import IssueReceiptDialog
from ui.receipts.table_model import ReceiptTableModel
from ui.receipts.texts import method_name, payer_kind_name
from ui.widgets.retranslate import Retranslating
from ui.widgets.scan_field import ScanLineEdit
from ui.widgets.shortcuts import add_shortcuts, debounce, exec_and_free, focus_field
from ui.widgets.table_models import make_table_view

_OK_STYLE = "color: #1b5e20; font-weight: bold;"
_ERR_STYLE = "color: #b00020; font-weight: bold;"
SCOPES = ("shift", "today", "range")


class ReceiptsTab(Retranslating, QWidget):
    def __init__(self, services: Services, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.shift_view: ShiftView | None = None
        self.current: ReceiptView | None = None
        self.current_refunds: list[RefundView] = []
        self.last_closed: CashupView | None = None
        # What printing does; tests replace them (None prints nothing).
        self.receipt_printer = self._print_receipt
        self.refund_printer = self._print_refund
        self.cashup_printer = self._print_cashup

        # Shift bar.
        self.shift_box = QGroupBox(self)
        self.shift_label = QLabel(self)
        self.shift_label.setObjectName("shift_status")
        self.shift_label.setWordWrap(True)
        self.open_shift_button = QPushButton(self)
        self.open_shift_button.setObjectName("open_shift")
        self.close_shift_button = QPushButton(self)
        self.close_shift_button.setObjectName("close_shift")
        self.reports_button = QToolButton(self)
        self.reports_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.reports_menu = QMenu(self)
        self.reports_button.setMenu(self.reports_menu)
        self.act_x_report = self.reports_menu.addAction("", lambda: self.print_x_report())
        self.act_z_roll = self.reports_menu.addAction("", lambda: self.print_last_z("roll"))
        self.act_z_a4 = self.reports_menu.addAction("", lambda: self.print_last_z("a4"))
        self.fees_button = QPushButton(self)
        self.fees_button.setObjectName("fee_catalogue")
        sb = QHBoxLayout(self.shift_box)
        sb.addWidget(self.shift_label, 1)
        sb.addWidget(self.open_shift_button)
        sb.addWidget(self.close_shift_button)
        sb.addWidget(self.reports_button)
        sb.addWidget(self.fees_button)

        # Scan / number field.
        self.scan_label = QLabel(self)
        self.scan_field = ScanLineEdit(self)
        self.scan_field.setObjectName("receipt_scan")
        self.scan_label.setBuddy(self.scan_field)
        self.scan_button = QPushButton(self)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("new_receipt")
        self.new_button.setStyleSheet("font-weight: bold;")
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addSpacing(16)
        top.addWidget(self.scan_label)
        top.addWidget(self.scan_field, 2)
        top.addWidget(self.scan_button)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("feedback")
        self.feedback.setWordWrap(True)

        # The list.
        self.scope = QComboBox(self)
        self.scope.setObjectName("scope")
        for s in SCOPES:
            self.scope.addItem("", s)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for d in (self.date_from, self.date_to):
            d.setDisplayFormat("yyyy-MM-dd")
            d.setCalendarPopup(True)
            d.setDate(QDate.currentDate())
        self.date_from.setDate(QDate.currentDate().addDays(-7))
        self.search = QLineEdit(self)
        self.search.setObjectName("receipt_search")
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel(self)
        self.search_label.setBuddy(self.search)
        filters = QHBoxLayout()
        filters.addWidget(self.scope)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("–", self))
        filters.addWidget(self.date_to)
        filters.addWidget(self.search_label)
        filters.addWidget(self.search, 2)
        self.model = ReceiptTableModel(self)
        self.view = make_table_view(self, self.model, alternating=False)
        self.count_label = QLabel(self)
        left = QWidget(self)
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(filters)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.count_label)

        # The selected receipt.
        self.detail_box = QGroupBox(self)
        self.detail = QLabel(self)
        self.detail.setObjectName("receipt_detail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("print_receipt")
        self.print_a5_button = QPushButton(self)
        self.print_a5_button.setObjectName("print_a5")
        self.void_button = QPushButton(self)
        self.void_button.setObjectName("void")
        self.refund_button = QPushButton(self)
        self.refund_button.setObjectName("refund")
        self.refund_print_button = QPushButton(self)
        self.refund_print_button.setObjectName("print_refund")
        db = QVBoxLayout(self.detail_box)
        db.addWidget(self.detail, 1)
        row1 = QHBoxLayout()
        row1.addWidget(self.print_button)
        row1.addWidget(self.print_a5_button)
        row2 = QHBoxLayout()
        row2.addWidget(self.void_button)
        row2.addWidget(self.refund_button)
        row2.addWidget(self.refund_print_button)
        db.addLayout(row1)
        db.addLayout(row2)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.detail_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 460])
        layout = QVBoxLayout(self)
        layout.addWidget(self.shift_box)
        layout.addLayout(top)
        layout.addWidget(self.feedback)
        layout.addWidget(splitter, 1)

        self._search_timer = debounce(self, 150, self.refresh_list)

        self.open_shift_button.clicked.connect(self.open_shift)
        self.close_shift_button.clicked.connect(self.close_shift)
        self.fees_button.clicked.connect(self.edit_fees)
        self.new_button.clicked.connect(self.new_receipt)
        self.scan_field.returnPressed.connect(self.scan_entered)
        self.scan_button.clicked.connect(self.scan_entered)
        self.scope.currentIndexChanged.connect(lambda _i: self._scope_changed())
        self.date_from.dateChanged.connect(lambda _d: self._search_timer.start())
        self.date_to.dateChanged.connect(lambda _d: self._search_timer.start())
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _p: self._select_row(cur.row()))
        self.view.doubleClicked.connect(lambda _i: self.print_selected())
        self.print_button.clicked.connect(lambda: self.print_selected("roll"))
        self.print_a5_button.clicked.connect(lambda: self.print_selected("a5"))
        self.void_button.clicked.connect(self.void_selected)
        self.refund_button.clicked.connect(self.refund_selected)
        self.refund_print_button.clicked.connect(self.print_last_refund)
        self.bus.sig_changed.connect(self._on_data_changed)
        self._shortcuts = add_shortcuts(self, [
            ("Ctrl+N", self.new_receipt),
            ("Ctrl+K", self.focus_scan),
            ("Ctrl+F", self.focus_search),
            ("Ctrl+P", lambda: self.print_selected("roll")),
            ("Ctrl+Shift+V", self.void_selected),
            ("Ctrl+Shift+R", self.refund_selected),
            ("F5", self.refresh),
        ])
        self._sized = False
        self._scope_changed(load=False)
        self.retranslate()
        self.refresh()

    # -- plumbing --------------------------------------------------------------------------

    def exec_dialog(self, dialog: QDialog) -> int:
        """Show a modal dialog (tests replace this to drive the dialog); free it afterwards."""
        return exec_and_free(dialog)

    def _say(self, text: str, ok: bool) -> None:
        self.feedback.setText(text)
        self.feedback.setStyleSheet(_OK_STYLE if ok else _ERR_STYLE)
        self.bus.sig_status.emit(text)

    def _changed(self) -> None:
        self.bus.sig_changed.emit("receipts")

    def _on_data_changed(self, topic: str) -> None:
        if topic in ("receipts", "operator", "fees"):
            self.refresh()

    def initial_focus(self) -> None:
        self.focus_scan()

    def focus_scan(self) -> None:
        focus_field(self.scan_field)

    def focus_search(self) -> None:
        focus_field(self.search)

    def _signed_in(self) -> bool:
        return self.services.ctx.operator is not None

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self.refresh_shift()
        self.refresh_list()

    def refresh_shift(self) -> None:
        self.shift_view = None
        if self._signed_in():
            try:
                self.shift_view = self.services.receipts.current_shift()
            except (DomainError, StorageError):
                self.shift_view = None
        self._show_shift()

    def _show_shift(self) -> None:
        sh = self.shift_view
        op = self.services.ctx.operator
        if sh is None:
            self.shift_label.setText(self.tr("No shift open. Open your shift with the cash in the drawer "
                                             "before the first receipt."))
            self.shift_box.setStyleSheet("")
        else:
            self.shift_label.setText(self.tr("Shift of %1 open since %2 · opening float %3")
                                     .replace("%1", sh.staff_name).replace("%2", fmt_datetime(sh.opened_at))
                                     .replace("%3", fmt_money(sh.opening_float)))
            self.shift_box.setStyleSheet("QGroupBox { background: #e8f5e9; }")
        is_open = sh is not None
        self.open_shift_button.setEnabled(self._signed_in() and not is_open)
        self.close_shift_button.setEnabled(is_open)
        self.new_button.setEnabled(is_open)
        self.act_x_report.setEnabled(is_open)
        self.fees_button.setVisible(op is not None and role_at_least(op.role, "admin"))
        self._update_buttons()

    def _scope_changed(self, *, load: bool = True) -> None:
        ranged = self.scope.currentData() == "range"
        self.date_from.setEnabled(ranged)
        self.date_to.setEnabled(ranged)
        if load:
            self.refresh_list()

    def _query(self) -> list[ReceiptView]:
        scope = self.scope.currentData()
        text = self.search.text().strip()
        if scope == "shift":
            rows = self.services.receipts.shift_receipts()
            if text:
                up = text.upper()
                rows = [r for r in rows if r.number.startswith(up) or r.payer_name.startswith(text)
                        or r.unit_code.startswith(up)]
            return rows
        if scope == "today":
            return self.services.receipts.search(date.today(), date.today(), text)
        return self.services.receipts.search(self.date_from.date().toPython(), self.date_to.date().toPython(), text)

    def refresh_list(self) -> None:
        keep = self.current.id if self.current else None
        rows = run_action(self, self._query) if self._signed_in() else []
        self.model.set_rows(rows or [])
        if rows and not self._sized:
            self.view.resizeColumnsToContents()
            self._sized = True
        self._retranslate_count()
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.view.selectRow(row)
            self._select_row(row)
        else:
            self.show_receipt(None)

    def _select_row(self, row: int) -> None:
        r = self.model.receipt(row)
        if r is not None:
            self.show_receipt(r)

    def select_receipt(self, receipt_id: int) -> bool:
        row = self.model.row_of(receipt_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        self._select_row(row)
        return True

    def show_receipt(self, r: ReceiptView | None) -> None:
        self.current = r
        self.current_refunds = []
        if r is not None and r.refunded:
            try:
                self.current_refunds = self.services.receipts.refunds(r.id)
            except (DomainError, StorageError):
                self.current_refunds = []
        self._show_detail()
        self._update_buttons()

    def _show_detail(self) -> None:
        r = self.current
        if r is None:
            self.detail.setText(self.tr("Select a receipt, or scan its number or QR code."))
            return
        e = html.escape
        t_payer, t_paid_by, t_cashier = self.tr("Payer"), self.tr("Paid by"), self.tr("Cashier")
        t_desc, t_qty, t_price, t_amount = self.tr("Description"), self.tr("Qty"), self.tr("Unit price"), self.tr("Amount")
        t_total, t_words = self.tr("Total"), self.tr("In words")
        rows = "".join(
            f"<tr><td>{e(ln.description)}</td><td align='right'>{ln.quantity}</td>"
            f"<td align='right'>{e(fmt_money(ln.unit_price))}</td><td align='right'>{e(fmt_money(ln.amount))}</td></tr>"
            for ln in r.lines)
        parts = [
            f"<p style='font-size:15px'><b>{e(r.number)}</b> &nbsp; {e(fmt_datetime(r.issued_at))}</p>",
            f"<p>{e(t_payer)}: <b>{e(r.payer_label)}</b> ({e(payer_kind_name(r.payer_kind))})<br>"
            f"{e(t_paid_by)}: {e(method_name(r.method))} &nbsp; {e(t_cashier)}: {e(r.issued_by)}</p>",
            f"<table width='100%' cellspacing='0' cellpadding='2'><tr><th align='left'>{e(t_desc)}</th>"
            f"<th align='right'>{e(t_qty)}</th><th align='right'>{e(t_price)}</th>"
            f"<th align='right'>{e(t_amount)}</th></tr>{rows}</table>",
            f"<p style='font-size:15px'>{e(t_total)}: <b>{e(fmt_money(r.total))}</b><br>"
            f"{e(t_words)}: <b>{e(r.total_words)}</b></p>",
        ]
        if r.note:
            t_note = self.tr("Note")
            parts.append(f"<p>{e(t_note)}: {e(r.note)}</p>")
        if r.reference:
            t_for = self.tr("For")
            parts.append(f"<p>{e(t_for)}: {e(r.reference)}</p>")
        if r.voided:
            t_void = self.tr("VOID")
            t_by = self.tr("confirmed by %1").replace("%1", r.void_approved_by)
            parts.append(f"<p style='color:#b00020'><b>{e(t_void)}</b> {e(fmt_datetime(r.voided_at))} · "
                         f"{e(r.void_reason)} · {e(t_by)}</p>")
        t_slip = self.tr("Refund slip")
        for f in self.current_refunds:
            parts.append(f"<p style='color:#8d6e00'>{e(t_slip)} <b>{e(f.number)}</b> "
                         f"{e(fmt_datetime(f.at))} · {e(fmt_money(f.amount))} · {e(method_name(f.method))} · "
                         f"{e(f.payee)}</p>")
        if r.refundable and not r.voided:
            t_left = self.tr("Deposit still refundable: %1").replace("%1", fmt_money(r.refundable))
            parts.append(f"<p>{e(t_left)}</p>")
        self.detail.setText("".join(parts))

    def _update_buttons(self) -> None:
        r = self.current
        sh = self.shift_view
        self.print_button.setEnabled(r is not None)
        self.print_a5_button.setEnabled(r is not None)
        self.void_button.setEnabled(r is not None and not r.voided and sh is not None and r.shift_id == sh.id)
        self.refund_button.setEnabled(r is not None and sh is not None and r.refundable > 0)
        self.refund_print_button.setEnabled(bool(self.current_refunds))

    # -- shift -----------------------------------------------------------------------------

    def open_shift(self) -> ShiftView | None:
        dlg = OpenShiftDialog(self.services, self)
        if self.exec_dialog(dlg) != QDialog.DialogCode.Accepted or dlg.result_value is None:
            return None
        self._say(self.tr("Shift opened with a float of %1.").replace("%1", fmt_money(dlg.result_value.opening_float)),
                  True)
        self.scope.setCurrentIndex(self.scope.findData("shift"))
        self._changed()
        return dlg.result_value

    def close_shift(self) -> CashupView | None:
        preview = run_action(self, self.services.receipts.cashup)
        if preview is None:
            return None
        dlg = CloseShiftDialog(self.services, preview, self)
        if self.exec_dialog(dlg) != QDialog.DialogCode.Accepted or dlg.result_value is None:
            return None
        closed: CashupView = dlg.result_value
        self.last_closed = closed
        self._say(self.tr("Shift closed: Z report No. %1, takings %2, variance %3.")
                  .replace("%1", f"{closed.shift.close_seq:06d}").replace("%2", fmt_money(closed.takings))
                  .replace("%3", fmt_money(closed.shift.variance or 0)), True)
        for paper in dlg.papers():
            if self.cashup_printer is not None:
                self.cashup_printer(closed, paper)
        self._changed()
        return closed

    def print_x_report(self) -> None:
        preview = run_action(self, self.services.receipts.cashup)
        if preview is not None and self.cashup_printer is not None:
            self.cashup_printer(preview, "roll")

    def print_last_z(self, paper: str) -> None:
        view = self.last_closed
        if view is None:
            mine = self.services.ctx.operator
            shifts = run_action(self, lambda: self.services.receipts.shifts(limit=50, closed_only=True)) or []
            shift = next((s for s in shifts if mine and s.staff_id == mine.id), shifts[0] if shifts else None)
            if shift is None:
                self._say(self.tr("No shift has been closed yet."), False)
                return
            view = run_action(self, lambda: self.services.receipts.cashup(shift.id))
        if view is not None and self.cashup_printer is not None:
            self.cashup_printer(view, paper)

    # -- receipts --------------------------------------------------------------------------

    def new_receipt(self) -> ReceiptView | None:
        if self.shift_view is None:
            self._say(error_text(DomainError("receipt.no_open_shift")), False)
            return None
        dlg = IssueReceiptDialog(self.services, self)
        if self.exec_dialog(dlg) != QDialog.DialogCode.Accepted or dlg.result_value is None:
            return None
        r: ReceiptView = dlg.result_value
        paper = dlg.paper_choice()
        self._say(self.tr("Receipt %1 issued: %2 (%3).").replace("%1", r.number).replace("%2", fmt_money(r.total))
                  .replace("%3", r.total_words), True)
        self.scope.setCurrentIndex(self.scope.findData("shift"))
        self.search.clear()
        self.current = r
        self._changed()
        self.select_receipt(r.id)
        if paper and self.receipt_printer is not None:
            self.receipt_printer(r, paper)
        return r

    def print_selected(self, paper: str = "roll") -> None:
        if self.current is not None and self.receipt_printer is not None:
            self.receipt_printer(self.current, paper)

    def void_selected(self) -> ReceiptView | None:
        r = self.current
        if r is None or not self.void_button.isEnabled():
            return None
        dlg = VoidDialog(self.services, r, self)
        if self.exec_dialog(dlg) != QDialog.DialogCode.Accepted or dlg.result_value is None:
            return None
        v: ReceiptView = dlg.result_value
        self._say(self.tr("Receipt %1 is void.").replace("%1", v.number), True)
        self.current = v
        self._changed()
        return v

    def refund_selected(self) -> RefundView | None:
        r = self.current
        if r is None or not self.refund_button.isEnabled():
            return None
        dlg = RefundDialog(self.services, r, self)
        if self.exec_dialog(dlg) != QDialog.DialogCode.Accepted or dlg.result_value is None:
            return None
        f: RefundView = dlg.result_value
        self._say(self.tr("Refund slip %1: %2 paid back on receipt %3.").replace("%1", f.number)
                  .replace("%2", fmt_money(f.amount)).replace("%3", f.receipt_number), True)
        self._changed()
        if self.refund_printer is not None:
            self.refund_printer(f)
        return f

    def print_last_refund(self) -> None:
        if self.current_refunds and self.refund_printer is not None:
            self.refund_printer(self.current_refunds[-1])

    def edit_fees(self) -> None:
        dlg = FeeCatalogDialog(self.services, self)
        self.exec_dialog(dlg)
        if dlg.changed:
            self.bus.sig_changed.emit("fees")

    # -- scanning --------------------------------------------------------------------------

    def scan_entered(self) -> None:
        text = self.scan_field.text().strip()
        if text:
            self.handle_scan(text)
        self.scan_field.selectAll()

    def handle_scan(self, code: str) -> bool:
        """Open the receipt a scanned number, refund-slip number or QR code names; check a QR."""
        try:
            r = self.services.receipts.find(code)
        except (DomainError, StorageError) as exc:
            self._say(error_text(exc), False)
            return False
        self.scope.blockSignals(True)
        self.scope.setCurrentIndex(self.scope.findData("range"))
        self.scope.blockSignals(False)
        self._scope_changed(load=False)
        day = QDate(r.issued_at.year, r.issued_at.month, r.issued_at.day)
        for d in (self.date_from, self.date_to):
            d.blockSignals(True)
            d.setDate(day)
            d.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(r.number)
        self.search.blockSignals(False)
        self.current = r
        self.refresh_list()
        self.select_receipt(r.id)
        parsed = parse_number(code.split("|", 1)[0])
        is_refund = parsed is not None and parsed[0] == "RT"
        verdict = r.verifies(code)
        if verdict is False:
            self._say(self.tr("Receipt %1: the QR code does NOT match the register — check the printed "
                              "amount and payer.").replace("%1", r.number), False)
        elif r.voided:
            self._say(self.tr("Receipt %1 is VOID.").replace("%1", r.number), False)
        elif is_refund:
            self._say(self.tr("Refund slip %1 belongs to receipt %2.").replace("%1", code.strip().upper())
                      .replace("%2", r.number), True)
        elif verdict:
            self._say(self.tr("Receipt %1 matches the register: %2, %3.").replace("%1", r.number)
                      .replace("%2", fmt_money(r.total)).replace("%3", r.payer_label), True)
        else:
            self._say(self.tr("Receipt %1: %2, %3.").replace("%1", r.number).replace("%2", fmt_money(r.total))
                      .replace("%3", r.payer_label), True)
        return True

    # -- printing --------------------------------------------------------------------------

    def _print_receipt(self, view: ReceiptView, paper: str) -> None:
        from ui.receipts.printing import receipt_preview

        self.exec_dialog(receipt_preview(self, self.services, view, paper))

    def _print_refund(self, view: RefundView) -> None:
        from ui.receipts.printing import refund_preview

        self.exec_dialog(refund_preview(self, self.services, view))

    def _print_cashup(self, view: CashupView, paper: str) -> None:
        from ui.receipts.printing import cashup_preview

        self.exec_dialog(cashup_preview(self, self.services, view, paper))

    # -- texts -----------------------------------------------------------------------------

    def _retranslate_count(self) -> None:
        rows = self.model._rows
        valid = [r for r in rows if not r.voided]
        self.count_label.setText(self.tr("%1 receipts · %2 void · total %3")
                                 .replace("%1", str(len(rows))).replace("%2", str(len(rows) - len(valid)))
                                 .replace("%3", fmt_money(sum((r.total for r in valid), 0))))

    def retranslate(self) -> None:
        self.shift_box.setTitle(self.tr("Shift"))
        self.open_shift_button.setText(self.tr("&Open shift…"))
        self.close_shift_button.setText(self.tr("&Cash-up && close…"))
        self.reports_button.setText(self.tr("Reports"))
        self.act_x_report.setText(self.tr("Cash-up preview of my open shift (X report)"))
        self.act_z_roll.setText(self.tr("Last Z report on the roll"))
        self.act_z_a4.setText(self.tr("Last Z report on A4"))
        self.fees_button.setText(self.tr("&Fee catalogue…"))
        self.new_button.setText(self.tr("&New receipt (Ctrl+N)"))
        self.scan_label.setText(self.tr("Receipt &no."))
        self.scan_field.setPlaceholderText(self.tr("Scan or type a receipt / refund slip number, or its QR code"))
        self.scan_button.setText(self.tr("Find"))
        self.search_label.setText(self.tr("&Search"))
        self.search.setPlaceholderText(self.tr("Number or payer"))
        names = {"shift": self.tr("My open shift"), "today": self.tr("Today"), "range": self.tr("Dates")}
        for i in range(self.scope.count()):
            self.scope.setItemText(i, names[self.scope.itemData(i)])
        self.detail_box.setTitle(self.tr("Receipt"))
        self.print_button.setText(self.tr("&Print (80 mm)"))
        self.print_a5_button.setText(self.tr("Print A&5"))
        self.void_button.setText(self.tr("&Void…"))
        self.refund_button.setText(self.tr("&Refund deposit…"))
        self.refund_print_button.setText(self.tr("Print refund &slip"))
        self.model.retranslate()
        self._retranslate_count()
        self._show_shift()
        self._show_detail()
