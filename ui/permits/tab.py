"""The Renovation tab (装修管理): permits through their flow, workers' passes, and the gate check.

Left: the permits (filter: open, in progress, extension due, all; a stage; text), the passes
valid today, those expiring within three days, the overdue list (permits and passes more than
three days past their end, neither returned nor renewed) and the pass register by issue date.
Right: the selected permit — its details, one button per step the flow allows now, its passes
(issue, print, return, revoke, lost, renew, replace) and its steps. On top: scan or type a
pass number and the verdict shows big and coloured (``PassCheckBanner``): valid, expiring,
expired, returned, lost, revoked, permit not in progress, unknown, not genuine. A pass scanned
anywhere in the program lands here (``ui/scan_router.py``).

Shortcuts: Ctrl+K pass check · Ctrl+F search · Ctrl+N new application · Ctrl+Shift+P issue pass ·
F5 refresh.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.permit_rules import STATES, TRANSITIONS
from app.services import Services
from app.services.permits import PassCheck, PassView, PermitQuery, PermitView
from ui.bus import DataBus
from ui.errors import run_action
from ui.format import fmt_date, fmt_money
from ui.permits.check_banner import PassCheckBanner
from ui.permits.dialogs import (
    ApplicationDialog,
    ApproveDialog,
    ExtendDialog,
    FeesDialog,
    IssueDialog,
    NoteDialog,
    PassDialog,
    RenewDialog,
    ReviewDialog,
    permit_summary,
)
from ui.permits.lists import OverduePage, PassListPage, RegisterPage
from ui.permits.table_model import PassTableModel, PermitTableModel, StepTableModel
from ui.permits.texts import (
    LIST_FILTERS,
    action_name,
    check_name,
    filter_name,
    signer_name,
    state_name,
    trade_name,
)
from ui.widgets.retranslate import Retranslating
from ui.widgets.scan_field import ScanLineEdit
from ui.widgets.shortcuts import add_shortcuts, debounce, exec_and_free, focus_field
from ui.widgets.table_models import make_table_view

_STEP_ACTIONS = tuple(a for a in TRANSITIONS if a != "reject")  # approve's dialog also rejects


class PermitsTab(Retranslating, QWidget):
    def __init__(self, services: Services, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.bus = bus
        # callables(parent, services, view); None prints nothing (tests)
        self.permit_printer = self._print_permit
        self.card_printer = self._print_card
        self.receipt_printer = self._print_receipt
        self.last_check: PassCheck | None = None
        self._current_id: int | None = None

        # Top: the pass check and the new application.
        self.scan_label = QLabel(self)
        self.scan_field = ScanLineEdit(self)
        self.scan_field.setObjectName("pass_scan")
        self.scan_label.setBuddy(self.scan_field)
        self.scan_button = QPushButton(self)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("new_application")
        top = QHBoxLayout()
        top.addWidget(self.scan_label)
        top.addWidget(self.scan_field, 2)
        top.addWidget(self.scan_button)
        top.addStretch(1)
        top.addWidget(self.new_button)

        self.banner = PassCheckBanner(self)
        self.check_result = self.banner.verdict

        # Left: permits and the passes valid today.
        self.search = QLineEdit(self)
        self.search.setObjectName("permit_search")
        self.search.setClearButtonEnabled(True)
        self.filter = QComboBox(self)
        for key in LIST_FILTERS:
            self.filter.addItem("", key)
        self.state_filter = QComboBox(self)
        self.state_filter.addItem("", "")
        for st in STATES:
            self.state_filter.addItem("", st)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.filter)
        filters.addWidget(self.state_filter)
        due_days = int(services.settings.get("permits.extension_due_days"))
        self.permit_model = PermitTableModel(self, due_days=due_days)
        self.permit_view = make_table_view(self, self.permit_model, alternating=False)
        self.permit_count = QLabel(self)
        permits_page = QWidget(self)
        lay = QVBoxLayout(permits_page)
        lay.addLayout(filters)
        lay.addWidget(self.permit_view, 1)
        lay.addWidget(self.permit_count)
        self.today_page = PassListPage(lambda: "", lambda n: self.tr("%n pass(es) valid today", "", n), self)
        self.today_model = self.today_page.model
        self.expiring_page = PassListPage(
            lambda: self.tr("Passes ending within 3 days: renew them (after an extension) or have them handed back."),
            lambda n: self.tr("%n pass(es) expiring", "", n), self)
        self.overdue_page = OverduePage(self, due_days=due_days)
        self.register_page = RegisterPage(services, self)
        self.lists = QTabWidget(self)
        self.lists.setObjectName("permit_lists")
        for page in (permits_page, self.today_page, self.expiring_page, self.overdue_page, self.register_page):
            self.lists.addTab(page, "")

        # Right: the selected permit.
        self.detail_box = QGroupBox(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("permit_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.step_buttons: dict[str, QPushButton] = {}
        steps = QHBoxLayout()
        for action in _STEP_ACTIONS:
            b = QPushButton(self)
            b.setObjectName(f"step_{action}")
            b.clicked.connect(lambda _c=False, a=action: self.do_step(a))
            self.step_buttons[action] = b
            steps.addWidget(b)
        self.print_permit_button = QPushButton(self)
        self.print_permit_button.setObjectName("print_permit")
        steps.addStretch(1)
        steps.addWidget(self.print_permit_button)
        self.pass_model = PassTableModel(self)
        self.pass_view = make_table_view(self, self.pass_model, alternating=False)
        self.issue_pass_button = QPushButton(self)
        self.issue_pass_button.setObjectName("issue_pass")
        self.print_card_button = QPushButton(self)
        self.print_card_button.setObjectName("print_card")
        self.return_button = QPushButton(self)
        self.return_button.setObjectName("return_pass")
        self.lost_button = QPushButton(self)
        self.lost_button.setObjectName("lost_pass")
        self.revoke_button = QPushButton(self)
        self.revoke_button.setObjectName("revoke_pass")
        self.renew_button = QPushButton(self)
        self.renew_button.setObjectName("renew_pass")
        self.replace_button = QPushButton(self)
        self.replace_button.setObjectName("replace_pass")
        pb = QHBoxLayout()
        for b in (self.issue_pass_button, self.print_card_button, self.return_button, self.lost_button,
                  self.revoke_button, self.renew_button, self.replace_button):
            pb.addWidget(b)
        pb.addStretch(1)
        passes_page = QWidget(self)
        lay = QVBoxLayout(passes_page)
        lay.addWidget(self.pass_view, 1)
        lay.addLayout(pb)
        self.step_model = StepTableModel(self)
        self.step_view = make_table_view(self, self.step_model)
        self.detail_pages = QTabWidget(self)
        self.detail_pages.addTab(passes_page, "")
        self.detail_pages.addTab(self.step_view, "")
        lay = QVBoxLayout(self.detail_box)
        lay.addWidget(self.summary)
        lay.addLayout(steps)
        lay.addWidget(self.detail_pages, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.lists)
        splitter.addWidget(self.detail_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([620, 700])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

        self._search_timer = debounce(self, 150, self.refresh_permits)
        self._clock = QTimer(self)
        self._clock.setInterval(10 * 60_000)  # days left and validity change at midnight
        self._clock.timeout.connect(self.refresh)
        self._clock.start()

        self.scan_field.returnPressed.connect(self.scan_entered)
        self.scan_button.clicked.connect(self.scan_entered)
        self.new_button.clicked.connect(self.new_application)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.filter.currentIndexChanged.connect(lambda _i: self._search_timer.start())
        self.state_filter.currentIndexChanged.connect(lambda _i: self._search_timer.start())
        self.permit_view.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.pass_view.selectionModel().currentRowChanged.connect(lambda *_: self._update_pass_buttons())
        self.print_permit_button.clicked.connect(self.print_selected_permit)
        self.issue_pass_button.clicked.connect(self.issue_pass)
        self.print_card_button.clicked.connect(self.print_selected_card)
        self.return_button.clicked.connect(self.return_selected_pass)
        self.lost_button.clicked.connect(self.report_selected_lost)
        self.revoke_button.clicked.connect(self.revoke_selected_pass)
        for page in (self.today_page, self.expiring_page, self.register_page):
            page.sig_open.connect(self.open_pass)
        self.overdue_page.sig_open_pass.connect(self.open_pass)
        self.overdue_page.sig_open_permit.connect(self._select_permit)
        self.register_page.sig_changed.connect(self.refresh_register)
        self.renew_button.clicked.connect(self.renew_selected_pass)
        self.replace_button.clicked.connect(self.replace_selected_pass)
        self.bus.sig_changed.connect(self._on_data_changed)
        self._shortcuts = add_shortcuts(self, [
            ("Ctrl+K", self.focus_scan),
            ("Ctrl+F", self.focus_search),
            ("Ctrl+N", self.new_application),
            ("Ctrl+Shift+P", self.issue_pass),
            ("F5", self.refresh),
        ])
        self.retranslate()
        self.refresh()

    # -- plumbing ------------------------------------------------------------------------

    def exec_dialog(self, dialog: QDialog) -> int:
        """Show a modal dialog (tests replace this to drive the dialog); free it afterwards."""
        return exec_and_free(dialog)

    def _print_permit(self, parent: QWidget, services: Services, permit: PermitView) -> None:
        from ui.permits.printing import print_permit

        print_permit(parent, services, permit)

    def _print_card(self, parent: QWidget, services: Services, pass_: PassView) -> None:
        from ui.permits.printing import print_pass_card

        print_pass_card(parent, services, pass_)

    def _print_receipt(self, parent: QWidget, services: Services, receipt) -> None:  # noqa: ANN001
        from ui.receipts.printing import receipt_preview

        receipt_preview(parent, services, receipt, "roll").exec()

    def _changed(self) -> None:
        self.bus.sig_changed.emit("permits")

    def _on_data_changed(self, topic: str) -> None:
        if topic in ("permits", "settings", "operator"):
            self.refresh()

    def initial_focus(self) -> None:
        self.focus_scan()

    def focus_scan(self) -> None:
        focus_field(self.scan_field)

    def focus_search(self) -> None:
        self.lists.setCurrentIndex(0)
        focus_field(self.search)

    # -- the gate check ------------------------------------------------------------------

    def scan_entered(self) -> None:
        code = self.scan_field.text().strip()
        if code:
            self.handle_scan(code)

    def handle_scan(self, text: str) -> bool:
        """A pass read by any scanner (Code 128 or QR) or typed: show what it is worth now.

        Returns True when the pass is in the register (whatever the verdict), False for an
        unknown code.
        """
        code = (text or "").strip()
        if not code:
            return False
        result = run_action(self, lambda: self.services.permits.check_pass(code))
        if result is None:
            return False
        self.last_check = result
        self.scan_field.clear()
        self.show_check(result)
        if result.pass_ is not None:
            self._select_permit(result.pass_.permit_id)
            row = self.pass_model.row_of(result.pass_.id)
            if row >= 0:
                self.pass_view.selectRow(row)
        self.scan_field.setFocus()
        return result.result != "unknown"

    def show_check(self, check: PassCheck) -> None:
        photo = None
        if check.pass_ is not None and check.pass_.has_photo:
            photo = run_action(self, lambda: self.services.permits.photo(check.pass_.id))
        self.banner.show_check(check, photo)
        self.bus.sig_status.emit(f"{check.code}: {check_name(check.result)}")

    # -- lists ---------------------------------------------------------------------------

    def query(self) -> PermitQuery:
        state = self.state_filter.currentData()
        return PermitQuery(text=self.search.text(), states=(state,) if state else (),
                           only=self.filter.currentData() or "")

    def refresh(self) -> None:
        self.refresh_permits()
        self.refresh_lists()

    def refresh_permits(self) -> None:
        rows = run_action(self, lambda: self.services.permits.search(self.query()))
        if rows is None:
            return
        keep = self._current_id
        self.permit_model.set_rows(rows)
        self.permit_count.setText(self.tr("%n permit(s)", "", len(rows)))
        self.permit_view.resizeColumnsToContents()
        if keep is not None and self.permit_model.row_of(keep) >= 0:
            self.permit_view.selectRow(self.permit_model.row_of(keep))
        self._show_permit()

    def refresh_lists(self) -> None:
        """Passes valid today, expiring, overdue and the register; tab titles carry the counts."""
        svc = self.services.permits
        today = run_action(self, lambda: svc.passes_valid_today())
        if today is not None:
            self.today_page.set_rows(today)
        expiring = run_action(self, lambda: svc.passes_expiring())
        if expiring is not None:
            self.expiring_page.set_rows(expiring)
        overdue = run_action(self, lambda: (svc.permits_overdue(), svc.passes_overdue()))
        if overdue is not None:
            self.overdue_page.set_rows(*overdue)
        self.refresh_register()
        self._list_titles()

    def refresh_register(self) -> None:
        d0, d1 = self.register_page.dates()
        rows = run_action(self, lambda: self.services.permits.export_passes(d0, d1))
        if rows is not None:
            self.register_page.set_rows(rows)

    def _list_titles(self) -> None:
        self.lists.setTabText(0, self.tr("Permits"))
        self.lists.setTabText(1, self.tr("Valid today (%1)").replace("%1", str(self.today_page.model.rowCount())))
        self.lists.setTabText(2, self.tr("Expiring (%1)").replace("%1", str(self.expiring_page.model.rowCount())))
        self.lists.setTabText(3, self.tr("Overdue (%1)").replace("%1", str(self.overdue_page.total())))
        self.lists.setTabText(4, self.tr("Pass register"))

    def open_pass(self, v: PassView) -> None:
        """Show the permit of a pass picked in a list, with the pass selected."""
        self._select_permit(v.permit_id)
        row = self.pass_model.row_of(v.id)
        if row >= 0:
            self.detail_pages.setCurrentIndex(0)
            self.pass_view.selectRow(row)

    def selected_permit(self) -> PermitView | None:
        index = self.permit_view.currentIndex()
        return self.permit_model.permit(index.row()) if index.isValid() else None

    def selected_pass(self) -> PassView | None:
        index = self.pass_view.currentIndex()
        return self.pass_model.pass_(index.row()) if index.isValid() else None

    def _select_permit(self, permit_id: int) -> None:
        row = self.permit_model.row_of(permit_id)
        if row < 0:
            # not in the filtered list: show everything so the permit can be selected
            self.filter.blockSignals(True)
            self.state_filter.blockSignals(True)
            self.filter.setCurrentIndex(self.filter.findData(""))
            self.state_filter.setCurrentIndex(0)
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.filter.blockSignals(False)
            self.state_filter.blockSignals(False)
            self._current_id = permit_id
            self.refresh_permits()
            row = self.permit_model.row_of(permit_id)
        if row >= 0:
            self.lists.setCurrentIndex(0)
            self.permit_view.selectRow(row)

    def _selection_changed(self) -> None:
        p = self.selected_permit()
        self._current_id = p.id if p else None
        self._show_permit()

    def _show_permit(self) -> None:
        p = self.selected_permit()
        self.detail_box.setEnabled(p is not None)
        if p is None:
            self.summary.setText(self.tr("Select a permit, or take a new application (Ctrl+N)."))
            self.pass_model.set_rows([])
            self.step_model.set_rows([])
            for b in self.step_buttons.values():
                b.hide()
            self._update_pass_buttons()
            return
        # what people typed is escaped: the summary is rich text
        lines = [f"<b>{escape(permit_summary(p))}</b>"]
        if p.starts_on:
            period = self.tr("Period %1 to %2").replace("%1", fmt_date(p.starts_on)).replace("%2", fmt_date(p.ends_on))
            if p.extensions:
                period += " " + self.tr("(extended %n time(s))", "", p.extensions)
            if p.days_left is not None and p.working:
                if p.overdue:
                    period += "  <span style='color:#b00020'><b>" + self.tr(
                        "Past its end by more than 3 days: stop the work") + "</b></span>"
                elif p.expired:
                    period += "  <span style='color:#b00020'><b>" + self.tr(
                        "Ended: extend no more — finish, passes back within 3 days") + "</b></span>"
                else:
                    period += "  " + self.tr("%n day(s) left", "", p.days_left)
            lines.append(period)
        else:
            lines.append(self.tr("Planned start %1, %2 days").replace("%1", fmt_date(p.planned_start))
                         .replace("%2", str(p.period_days)))
        lines.append(escape(self.tr("Site lead %1 %2").replace("%1", p.site_lead_name)
                            .replace("%2", p.site_lead_phone)))
        lines.append(escape(self.tr("Works: %1").replace("%1", p.scope)))
        if p.fee_receipt_no:
            lines.append(escape(self.tr("Fees on receipt %1: deposit %2, debris %3, water %4")
                                .replace("%1", p.fee_receipt_no).replace("%2", fmt_money(p.deposit))
                                .replace("%3", fmt_money(p.debris_fee)).replace("%4", fmt_money(p.water_fee))))
        if p.approved_by:
            lines.append(escape(self.tr("Approved by %1").replace("%1", p.approved_by)))
        self.summary.setText("<br/>".join(lines))
        actions = set(p.actions)
        for action, b in self.step_buttons.items():
            b.setVisible(action in actions)
        self.print_permit_button.setVisible(p.starts_on is not None)
        passes = run_action(self, lambda: self.services.permits.passes(p.id)) or []
        keep = self.selected_pass()
        self.pass_model.set_rows(passes)
        self.pass_view.resizeColumnsToContents()
        if keep is not None and self.pass_model.row_of(keep.id) >= 0:
            self.pass_view.selectRow(self.pass_model.row_of(keep.id))
        self.step_model.set_rows(run_action(self, lambda: self.services.permits.history(p.id)) or [])
        self.step_view.resizeColumnsToContents()
        self._update_pass_buttons()

    def _update_pass_buttons(self) -> None:
        p = self.selected_permit()
        v = self.selected_pass()
        can_issue = p is not None and p.state in ("issued", "in_progress", "extended") and not p.expired
        self.issue_pass_button.setEnabled(can_issue)
        active = v is not None and v.status == "active"
        self.print_card_button.setEnabled(active and v.validity != "expired")
        self.return_button.setEnabled(active)
        self.lost_button.setEnabled(active)
        self.revoke_button.setEnabled(active)
        self.renew_button.setEnabled(active and can_issue)
        self.replace_button.setEnabled(v is not None and v.status == "lost" and can_issue)

    # -- the flow ------------------------------------------------------------------------

    def new_application(self) -> PermitView | None:
        dlg = ApplicationDialog(self.services, self)
        if self.exec_dialog(dlg) != QDialog.DialogCode.Accepted or dlg.result_value is None:
            return None
        view = dlg.result_value
        self._after_step(view, self.tr("Application %1 taken for %2").replace("%1", view.number)
                         .replace("%2", view.unit_code))
        return view

    def do_step(self, action: str) -> PermitView | None:
        """Run one step of the flow for the selected permit (a dialog where the step asks for data)."""
        p = self.selected_permit()
        if p is None:
            return None
        svc = self.services.permits
        dialogs = {
            "pay_fees": lambda: FeesDialog(self.services, p, self),
            "review_drawings": lambda: ReviewDialog(self.services, p, self),
            "check": lambda: ReviewDialog(self.services, p, self, customer_service=True),
            "approve": lambda: ApproveDialog(self.services, p, self),
            "issue": lambda: IssueDialog(self.services, p, self),
            "extend": lambda: ExtendDialog(self.services, p, self),
            "finish": lambda: NoteDialog(self.services, permit_summary(p), self.tr("Finish the works"),
                                         self.tr("Note"), self.tr("&Finish"),
                                         lambda note: svc.finish(p.id, note=note), self),
            "cancel": lambda: NoteDialog(self.services, permit_summary(p), self.tr("Cancel the application"),
                                         self.tr("Reason"), self.tr("Cancel &application"),
                                         lambda note: svc.cancel(p.id, reason=note), self, field="reason"),
        }
        if action == "start":
            view = run_action(self, lambda: svc.start(p.id))
        else:
            dlg = dialogs[action]()
            if self.exec_dialog(dlg) != QDialog.DialogCode.Accepted:
                return None
            view = dlg.result_value
        if view is None:
            return None
        self._after_step(view, f"{view.number}: {state_name(view.state)}")
        if action == "issue" and self.permit_printer is not None:
            self.permit_printer(self, self.services, view)
        return view

    def _after_step(self, view: PermitView, text: str) -> None:
        self._current_id = view.id
        self.bus.sig_status.emit(text)
        self._changed()
        self._select_permit(view.id)

    def print_selected_permit(self) -> None:
        p = self.selected_permit()
        if p is not None and p.starts_on is not None and self.permit_printer is not None:
            self.permit_printer(self, self.services, p)

    # -- passes --------------------------------------------------------------------------

    def issue_pass(self, *, replaces: PassView | None = None) -> PassView | None:
        p = self.selected_permit()
        if p is None or not self.issue_pass_button.isEnabled():
            return None
        dlg = PassDialog(self.services, p, self, replaces=replaces)
        accepted = self.exec_dialog(dlg) == QDialog.DialogCode.Accepted
        if dlg.receipt_issued is not None:
            self.bus.sig_changed.emit("receipts")
            if self.receipt_printer is not None:
                # the fee was taken (even if the pass then failed): the payer gets the receipt
                self.receipt_printer(self, self.services, dlg.receipt_issued)
        if not accepted or dlg.result_value is None:
            return None
        v = dlg.result_value
        self.bus.sig_status.emit(self.tr("Pass %1 issued to %2").replace("%1", v.number).replace("%2", v.worker_name))
        self._changed()
        row = self.pass_model.row_of(v.id)
        if row >= 0:
            self.pass_view.selectRow(row)
        if self.card_printer is not None:
            self.card_printer(self, self.services, v)
        return v

    def print_selected_card(self) -> None:
        v = self.selected_pass()
        if v is not None and self.card_printer is not None:
            self.card_printer(self, self.services, v)

    def _pass_note(self, v: PassView, title: str, label: str, button: str, action,  # noqa: ANN001
                   *, field: str = "note") -> PassView | None:
        header = f"{v.number}  ·  {v.worker_name}  ·  {trade_name(v.trade)}  ·  {signer_name(v.signer_kind)} {v.signer_name}"
        dlg = NoteDialog(self.services, header, title, label, button, action, self, field=field)
        if self.exec_dialog(dlg) != QDialog.DialogCode.Accepted or dlg.result_value is None:
            return None
        self._changed()
        return dlg.result_value

    def return_selected_pass(self) -> PassView | None:
        v = self.selected_pass()
        if v is None:
            return None
        return self._pass_note(v, self.tr("Pass returned"), self.tr("Note"), self.tr("Pass &returned"),
                               lambda note: self.services.permits.return_pass(v.id, note=note))

    def report_selected_lost(self) -> PassView | None:
        v = self.selected_pass()
        if v is None:
            return None
        return self._pass_note(v, self.tr("Pass lost"), self.tr("What happened"), self.tr("Report &lost"),
                               lambda note: self.services.permits.report_lost(v.id, note=note))

    def revoke_selected_pass(self) -> PassView | None:
        v = self.selected_pass()
        if v is None:
            return None
        return self._pass_note(v, self.tr("Revoke pass"), self.tr("Reason"), self.tr("Re&voke"),
                               lambda reason: self.services.permits.revoke_pass(v.id, reason=reason),
                               field="reason")

    def renew_selected_pass(self) -> PassView | None:
        v = self.selected_pass()
        if v is None:
            return None
        dlg = RenewDialog(self.services, v, self)
        if self.exec_dialog(dlg) != QDialog.DialogCode.Accepted or dlg.result_value is None:
            return None
        self._changed()
        return dlg.result_value

    def replace_selected_pass(self) -> PassView | None:
        v = self.selected_pass()
        if v is None or v.status != "lost":
            return None
        return self.issue_pass(replaces=v)

    # -- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.scan_label.setText(self.tr("Pass chec&k:"))
        self.scan_field.setPlaceholderText(self.tr("Scan or type a pass number (PC…)"))
        self.scan_button.setText(self.tr("Check"))
        self.new_button.setText(self.tr("&New application…"))
        self.search.setPlaceholderText(self.tr("Permit no., unit, contractor, owner or site lead"))
        for i in range(self.filter.count()):
            self.filter.setItemText(i, filter_name(self.filter.itemData(i)))
        self.state_filter.setItemText(0, self.tr("Every stage"))
        for i in range(1, self.state_filter.count()):
            self.state_filter.setItemText(i, state_name(self.state_filter.itemData(i)))
        self._list_titles()
        self.detail_box.setTitle(self.tr("Permit"))
        for action, b in self.step_buttons.items():
            b.setText(action_name(action))
        self.print_permit_button.setText(self.tr("Print permit"))
        self.detail_pages.setTabText(0, self.tr("Passes"))
        self.detail_pages.setTabText(1, self.tr("Steps"))
        self.issue_pass_button.setText(self.tr("Issue pass…"))
        self.print_card_button.setText(self.tr("Print card"))
        self.return_button.setText(self.tr("Returned…"))
        self.lost_button.setText(self.tr("Lost…"))
        self.revoke_button.setText(self.tr("Revoke…"))
        self.renew_button.setText(self.tr("Renew…"))
        self.replace_button.setText(self.tr("Replace lost…"))
        self.permit_model.retranslate()
        self.pass_model.retranslate()
        self.step_model.retranslate()
        self.banner.retranslate()
        self._show_permit()
        n = self.permit_model.rowCount()
        self.permit_count.setText(self.tr("%n permit(s)", "", n))
