"""The Keys tab (钥匙管理): scan to lend or take back, the cabinet, the loan register, and the
keys still out (overdue, due soon, overnight) with the shift-close check.

Everything a receptionist does here works from the scanner and the keyboard:
Ctrl+K scan field · Ctrl+F search · Ctrl+Shift+O check out selected · Ctrl+I check in selected ·
Ctrl+Shift+A acknowledge · Ctrl+Shift+L loan register · F5 refresh.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.key_rules import CATEGORIES, STATUSES
from app.services import Services
from app.services.keys import KeyView, LoanQuery, LoanView, ScanResult
from ui.bus import DataBus
from ui.errors import run_action
from ui.format import fmt_datetime
from ui.keys.checkout import CheckOutDialog
from ui.widgets.table_models import make_table_view
from ui.keys.dialogs import (
    AcknowledgeDialog,
    CheckInDialog,
    CopyRequestDialog,
    EmergencyDialog,
    FoundDialog,
    HandOverDialog,
    LockChangeDialog,
    LostDialog,
    RetireDialog,
    ShiftCloseDialog,
)
from ui.keys.table_model import KeyTableModel, LoanTableModel, StillOutModel
from ui.messages import error_text, key_category_name, key_status_name
from ui.widgets.retranslate import Retranslating
from ui.widgets.scan_field import ScanLineEdit
from ui.widgets.shortcuts import add_shortcuts, debounce, exec_and_free, focus_field

_OK_STYLE = "color: #1b5e20; font-weight: bold;"
_ERR_STYLE = "color: #b00020; font-weight: bold;"


def _message_of(exc: Exception) -> str:
    if getattr(exc, "key", None):
        fields = getattr(exc, "fields", None)
        if fields:
            return error_text(next(iter(fields.values())))
        return error_text(exc)
    return str(exc)


class KeysTab(Retranslating, QWidget):
    sig_loan_created = Signal(object)
    """Emitted with the ``LoanView`` of each check-out."""

    def __init__(self, services: Services, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.bus = bus
        # callable(LoanView, reprint: bool); None prints nothing (tests)
        self.slip_printer = self._print_slip
        self.last_scan: ScanResult | None = None
        self._spot_dialog = None

        # Top: the scan field and the register-level actions.
        self.scan_label = QLabel(self)
        self.scan_field = ScanLineEdit(self)
        self.scan_field.setObjectName("key_scan")
        self.scan_label.setBuddy(self.scan_field)
        self.scan_button = QPushButton(self)
        self.feedback = QLabel(self)
        self.feedback.setWordWrap(True)
        self.intake_button = QPushButton(self)
        self.outstanding_button = QPushButton(self)
        self.spot_button = QPushButton(self)
        self.stats_button = QPushButton(self)
        top = QHBoxLayout()
        top.addWidget(self.scan_label)
        top.addWidget(self.scan_field, 2)
        top.addWidget(self.scan_button)
        top.addSpacing(12)
        top.addWidget(self.intake_button)
        top.addWidget(self.outstanding_button)
        top.addWidget(self.spot_button)
        top.addWidget(self.stats_button)

        # Page 1: the cabinet.
        self.key_model = KeyTableModel(self)
        self.key_view = make_table_view(self, self.key_model, alternating=False)
        self.search = QLineEdit(self)
        self.search.setObjectName("key_search")
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel(self)
        self.search_label.setBuddy(self.search)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem("", "")
        for s in STATUSES:
            self.status_filter.addItem("", s)
        self.category_filter = QComboBox(self)
        self.category_filter.addItem("", "")
        for c in CATEGORIES:
            self.category_filter.addItem("", c)
        self.key_count = QLabel(self)
        filters = QHBoxLayout()
        filters.addWidget(self.search_label)
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.category_filter)
        self.check_out_button = QPushButton(self)
        self.check_out_button.setObjectName("check_out_selected")
        self.check_in_button = QPushButton(self)
        self.check_in_button.setObjectName("check_in_selected")
        self.more_button = QToolButton(self)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self)
        self.more_button.setMenu(self.more_menu)
        self.act_emergency = self.more_menu.addAction("", lambda: self._key_dialog(EmergencyDialog))
        self.more_menu.addSeparator()
        self.act_lost = self.more_menu.addAction("", lambda: self._key_dialog(LostDialog))
        self.act_found = self.more_menu.addAction("", lambda: self._key_dialog(FoundDialog))
        self.act_copy = self.more_menu.addAction("", lambda: self._key_dialog(CopyRequestDialog))
        self.more_menu.addSeparator()
        self.act_lock = self.more_menu.addAction("", lambda: self._key_dialog(LockChangeDialog))
        self.act_retire = self.more_menu.addAction("", lambda: self._key_dialog(RetireDialog))
        self.act_hand_over = self.more_menu.addAction("", lambda: self._key_dialog(HandOverDialog))
        actions = QHBoxLayout()
        actions.addWidget(self.key_count, 1)
        actions.addWidget(self.check_out_button)
        actions.addWidget(self.check_in_button)
        actions.addWidget(self.more_button)
        cabinet = QWidget(self)
        lay = QVBoxLayout(cabinet)
        lay.addLayout(filters)
        lay.addWidget(self.key_view, 1)
        lay.addLayout(actions)

        # Page 2: the loan register (钥匙借用登记表).
        self.loan_model = LoanTableModel(self)
        self.loan_view = make_table_view(self, self.loan_model, alternating=False)
        self.loan_search = QLineEdit(self)
        self.loan_search.setObjectName("loan_search")
        self.loan_search.setClearButtonEnabled(True)
        self.loan_search_label = QLabel(self)
        self.loan_search_label.setBuddy(self.loan_search)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for d in (self.date_from, self.date_to):
            d.setDisplayFormat("yyyy-MM-dd")
            d.setCalendarPopup(True)
        self.date_from.setDate(QDate.currentDate().addDays(-30))
        self.date_to.setDate(QDate.currentDate())
        self.all_dates = QCheckBox(self)
        self.open_only = QCheckBox(self)
        self.loan_count = QLabel(self)
        self.reprint_button = QPushButton(self)
        lf = QHBoxLayout()
        lf.addWidget(self.loan_search_label)
        lf.addWidget(self.loan_search, 2)
        lf.addWidget(self.all_dates)
        lf.addWidget(self.date_from)
        lf.addWidget(QLabel("–", self))
        lf.addWidget(self.date_to)
        lf.addWidget(self.open_only)
        lb = QHBoxLayout()
        lb.addWidget(self.loan_count, 1)
        lb.addWidget(self.reprint_button)
        loans = QWidget(self)
        lay = QVBoxLayout(loans)
        lay.addLayout(lf)
        lay.addWidget(self.loan_view, 1)
        lay.addLayout(lb)

        self.pages = QTabWidget(self)
        self.pages.addTab(cabinet, "")
        self.pages.addTab(loans, "")

        # Right: keys still out (overdue, due soon, overnight).
        self.out_box = QGroupBox(self)
        self.out_model = StillOutModel(self)
        self.out_view = make_table_view(self, self.out_model, alternating=False)
        self.out_summary = QLabel(self)
        self.out_summary.setWordWrap(True)
        self.ack_button = QPushButton(self)
        self.ack_button.setObjectName("acknowledge")
        self.shift_button = QPushButton(self)
        self.shift_button.setObjectName("close_shift")
        ob = QHBoxLayout()
        ob.addWidget(self.ack_button)
        ob.addWidget(self.shift_button)
        lay = QVBoxLayout(self.out_box)
        lay.addWidget(self.out_summary)
        lay.addWidget(self.out_view, 1)
        lay.addLayout(ob)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.pages)
        splitter.addWidget(self.out_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([800, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.feedback)
        layout.addWidget(splitter, 1)

        self._search_timer = debounce(self, 150, self.refresh_keys)
        self._loan_timer = debounce(self, 150, self.refresh_loans)
        self._clock = QTimer(self)
        self._clock.setInterval(60_000)  # overdue / overnight appear without anyone clicking
        self._clock.timeout.connect(self._clock_tick)
        self._clock.start()

        self.scan_field.returnPressed.connect(self.scan_entered)
        self.scan_button.clicked.connect(self.scan_entered)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.status_filter.currentIndexChanged.connect(lambda _i: self._search_timer.start())
        self.category_filter.currentIndexChanged.connect(lambda _i: self._search_timer.start())
        self.search.returnPressed.connect(self._search_enter)
        self.loan_search.textChanged.connect(lambda _t: self._loan_timer.start())
        self.all_dates.toggled.connect(self._dates_toggled)
        self.open_only.toggled.connect(lambda _c: self._loan_timer.start())
        self.date_from.dateChanged.connect(lambda _d: self._loan_timer.start())
        self.date_to.dateChanged.connect(lambda _d: self._loan_timer.start())
        self.check_out_button.clicked.connect(self.check_out_selected)
        self.check_in_button.clicked.connect(self.check_in_selected)
        self.key_view.doubleClicked.connect(lambda _i: self.open_selected())
        self.key_view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.ack_button.clicked.connect(self.acknowledge_selected)
        self.out_view.doubleClicked.connect(lambda _i: self.acknowledge_selected())
        self.shift_button.clicked.connect(self.close_shift)
        self.intake_button.clicked.connect(self.open_intake)
        self.outstanding_button.clicked.connect(self.open_outstanding)
        self.spot_button.clicked.connect(self.open_spot_check)
        self.stats_button.clicked.connect(self.open_statistics)
        self.bus.sig_changed.connect(self._on_data_changed)

        self._shortcuts = add_shortcuts(self, [
            ("Ctrl+K", self.focus_scan),
            ("Ctrl+F", self.focus_search),
            ("Ctrl+Shift+O", self.check_out_selected),
            ("Ctrl+I", self.check_in_selected),
            ("Ctrl+Shift+A", self.acknowledge_selected),
            ("Ctrl+Shift+L", self.focus_loans),
            ("F5", self.refresh),
        ])

        self._eod: time | None = None  # None: not read yet (the service reads it)
        self._soon = 60
        self._styles: dict[int, str] = {}
        self._sized = False
        self._out_sized = False
        self._coalesce = False
        self._refresh_timer = debounce(self, 1500, self.refresh)
        self.all_dates.setChecked(True)
        self._dates_toggled(True)
        self.retranslate()
        self.refresh()

    # -- plumbing ------------------------------------------------------------------------

    def exec_dialog(self, dialog: QDialog) -> int:
        """Show a modal dialog (tests replace this to drive the dialog); free it afterwards."""
        return exec_and_free(dialog)

    def _print_slip(self, loan: LoanView, reprint: bool) -> None:
        from ui.keys.printing import print_key_loan_slip

        print_key_loan_slip(self, self.services, loan, reprint=reprint)

    def _say(self, text: str, ok: bool) -> None:
        self.feedback.setText(text)
        self._style(self.feedback, _OK_STYLE if ok else _ERR_STYLE)
        self.bus.sig_status.emit(text)

    def _changed(self, *, coalesce: bool = False) -> None:
        """Tell everyone the cabinet changed. ``coalesce``: this tab already shows the change
        (a scan), so its own full reload may wait for a pause in scanning."""
        self._coalesce = coalesce
        try:
            self.bus.sig_changed.emit("keys")
        finally:
            self._coalesce = False

    def initial_focus(self) -> None:
        self.focus_scan()

    def focus_scan(self) -> None:
        focus_field(self.scan_field)

    def focus_search(self) -> None:
        if self.pages.currentIndex() == 1:
            focus_field(self.loan_search)
        else:
            focus_field(self.search)

    def focus_loans(self) -> None:
        self.pages.setCurrentIndex(1)
        self.loan_search.setFocus()

    def _search_enter(self) -> None:
        self._search_timer.stop()
        self.refresh_keys()
        if self.key_model.rowCount():
            self.key_view.setFocus()
            self.key_view.selectRow(0)

    # -- scanning ------------------------------------------------------------------------

    def scan_entered(self) -> None:
        code = self.scan_field.text().strip()
        if code:
            self.handle_scan(code)

    def handle_scan(self, text: str) -> bool:
        """A tag read by any scanner: check a key in, or open the check-out form.

        During a spot check the tag goes to the spot check. Returns True when the cabinet
        acted on it; False when the code is unknown or the key cannot be used (a message
        says why).
        """
        code = (text or "").strip()
        if not code:
            return False
        if self._spot_dialog is not None and self._spot_dialog.check is not None:
            return self._spot_dialog.scan(code) is not None
        try:
            result = self.services.keys.scan(code)
        except Exception as exc:  # noqa: BLE001 - unknown, lost, retired… become a message
            if not getattr(exc, "key", None):
                raise
            self._say(_message_of(exc), ok=False)
            self.scan_field.selectAll()
            self.scan_field.setFocus()
            return False
        self.last_scan = result
        self.scan_field.clear()
        if result.action == "checked_in":
            loan = result.loan
            self._say(self.tr("Checked in %1 (%2) from %3").replace("%1", result.key.tag_code)
                      .replace("%2", result.key.location).replace("%3", loan.borrower_name if loan else ""), ok=True)
            self._show_returned(result.key, loan)
            self._changed(coalesce=True)
            self._select_key(result.key.id)
            self.scan_field.setFocus()
            return True
        self.check_out(result.key, rules=result.rules)
        return True

    def _show_returned(self, key: KeyView, loan: LoanView | None) -> None:
        """Put a scan's effect on screen at once, from what the service returned.

        The full reload (three queries, ~80 ms) waits for a pause in scanning: at 20 scans a
        second it would otherwise fall behind the scanner.
        """
        self.key_model.update_key(key)
        if loan is not None:
            self.out_model.remove_loan(loan.id)
            self.loan_model.put_loan(loan, newest=False)
        self._update_counts()
        self._update_buttons()

    def _show_lent(self, key: KeyView, loan: LoanView) -> None:
        # The key as the loan left it: check_out changed nothing else on the set.
        self.key_model.update_key(replace(key, status="out", loan_id=loan.id, borrower_name=loan.borrower_name,
                                          out_at=loan.out_at, due_at=loan.due_at, overdue=False))
        if self.loan_query() == LoanQuery():
            self.loan_model.put_loan(loan, newest=True)
        at = datetime.now().replace(microsecond=0)
        try:
            self.out_model.add(self.services.keys.still_out_view(loan, at, end_of_day=self._eod),
                               at=at, soon_minutes=self._soon)
        except Exception:  # noqa: BLE001 - settings unreadable: fall back to the full list
            self.refresh_still_out()
        self._update_counts()

    # -- lending -------------------------------------------------------------------------

    def selected_key(self) -> KeyView | None:
        index = self.key_view.currentIndex()
        return self.key_model.key(index.row()) if index.isValid() else None

    def _select_key(self, key_id: int) -> None:
        row = self.key_model.row_of(key_id)
        if row >= 0:
            self.key_view.selectRow(row)

    def check_out(self, key: KeyView, *, rules=None) -> LoanView | None:  # noqa: ANN001
        dlg = CheckOutDialog(self.services, key, self, rules=rules)
        accepted = self.exec_dialog(dlg) == QDialog.DialogCode.Accepted
        loan = dlg.result_loan
        if not accepted or loan is None:
            self.scan_field.setFocus()
            return None
        self._say(self.tr("Lent %1 (%2) to %3, due back %4").replace("%1", loan.tag_code)
                  .replace("%2", loan.key_location).replace("%3", loan.borrower_name)
                  .replace("%4", fmt_datetime(loan.due_at)), ok=True)
        self._show_lent(key, loan)
        self._changed(coalesce=True)
        self.sig_loan_created.emit(loan)
        if dlg.print_slip.isChecked() and self.slip_printer is not None:
            self.slip_printer(loan, False)
        self._select_key(key.id)
        self.scan_field.setFocus()
        return loan

    def check_out_selected(self) -> LoanView | None:
        key = self.selected_key()
        if key is None:
            self._say(self.tr("Select a key in the list first (or scan its tag)."), ok=False)
            return None
        if key.status != "in":
            self._say(self.tr("%1 is not in the cabinet: %2").replace("%1", key.tag_code)
                      .replace("%2", key_status_name(key.status)), ok=False)
            return None
        return self.check_out(key)

    def check_in_selected(self) -> LoanView | None:
        key = self.selected_key()
        if key is None:
            index = self.out_view.currentIndex()
            item = self.out_model.item(index.row()) if index.isValid() else None
            if item is not None:
                key = self.services.keys.get(item.loan.key_id)
        if key is None or key.status != "out":
            self._say(self.tr("Select a key that is out first (or scan its tag)."), ok=False)
            return None
        dlg = CheckInDialog(self.services, key, self)
        if self.exec_dialog(dlg) != QDialog.DialogCode.Accepted or dlg.result_value is None:
            return None
        loan = dlg.result_value
        self._say(self.tr("Checked in %1 (%2) from %3").replace("%1", loan.tag_code)
                  .replace("%2", loan.key_location).replace("%3", loan.borrower_name), ok=True)
        self._changed()
        return loan

    def open_selected(self) -> None:
        key = self.selected_key()
        if key is None:
            return
        if key.status == "in":
            self.check_out(key)
        elif key.status == "out":
            self.check_in_selected()

    def _key_dialog(self, cls) -> object | None:  # noqa: ANN001
        key = self.selected_key()
        if key is None:
            self._say(self.tr("Select a key in the list first (or scan its tag)."), ok=False)
            return None
        try:
            dlg = cls(self.services, key, self)
        except Exception as exc:  # noqa: BLE001 - e.g. emergency use of a public-area key
            if not getattr(exc, "key", None):
                raise
            self._say(_message_of(exc), ok=False)
            return None
        if self.exec_dialog(dlg) == QDialog.DialogCode.Accepted:
            self._say(self.tr("Saved: %1").replace("%1", dlg.windowTitle()), ok=True)
            self._changed()
            return dlg.result_value
        return None

    def reprint_selected(self) -> None:
        index = self.loan_view.currentIndex()
        loan = self.loan_model.loan(index.row()) if index.isValid() else None
        if loan is not None and self.slip_printer is not None:
            self.slip_printer(loan, True)

    # -- overnight -----------------------------------------------------------------------

    def acknowledge_selected(self) -> object | None:
        index = self.out_view.currentIndex()
        item = self.out_model.item(index.row()) if index.isValid() else None
        if item is None:
            self._say(self.tr("Select a key in the list of keys still out."), ok=False)
            return None
        if not item.overnight:
            self._say(self.tr("%1 is not out overnight yet: nothing to acknowledge.")
                      .replace("%1", item.loan.tag_code), ok=False)
            return None
        if item.acknowledged:
            self._say(self.tr("%1 is already acknowledged for tonight.").replace("%1", item.loan.tag_code), ok=False)
            return None
        dlg = AcknowledgeDialog(self.services, item, self)
        if self.exec_dialog(dlg) == QDialog.DialogCode.Accepted:
            self._say(self.tr("Acknowledged %1 for tonight").replace("%1", item.loan.tag_code), ok=True)
            self._changed()
            return dlg.result_value
        return None

    def close_shift(self) -> bool:
        """Check that every key out overnight is acknowledged; list (and acknowledge) the rest."""
        try:
            self.services.keys.check_shift_close()
        except Exception as exc:  # noqa: BLE001
            if not getattr(exc, "key", None):
                raise
            self._say(_message_of(exc), ok=False)
            dlg = ShiftCloseDialog(self.services, self, exec_dialog=self.exec_dialog)
            self.exec_dialog(dlg)
            self._changed()
            return dlg.ok
        self._say(self.tr("Every key out overnight is acknowledged: the shift can close."), ok=True)
        return True

    # -- registers -----------------------------------------------------------------------

    def open_intake(self) -> None:
        from ui.keys.registers import IntakeDialog

        dlg = IntakeDialog(self.services, self)
        self.exec_dialog(dlg)
        if dlg.taken_in:
            self._changed()

    def open_outstanding(self) -> None:
        from ui.keys.registers import OutstandingDialog

        self.exec_dialog(OutstandingDialog(self.services, self))

    def open_spot_check(self) -> None:
        from ui.keys.spot_check import SpotCheckDialog

        self._spot_dialog = SpotCheckDialog(self.services, self)
        try:
            self.exec_dialog(self._spot_dialog)
        finally:
            self._spot_dialog = None
        self._changed()

    def open_statistics(self) -> None:
        from ui.keys.registers import StatisticsDialog

        self.exec_dialog(StatisticsDialog(self.services, self))

    # -- data ----------------------------------------------------------------------------

    def _soon_minutes(self) -> int:
        return self._soon

    def _read_settings(self) -> None:
        """The cabinet's end of day and "due soon" minutes, read at each full reload (and when
        the settings change) rather than on every scan."""
        try:
            self._eod = self.services.keys.end_of_day_time()
        except Exception:  # noqa: BLE001 - keep the last known value
            pass
        try:
            self._soon = int(self.services.settings.get("keys.due_soon_minutes"))
        except Exception:  # noqa: BLE001
            pass

    def refresh(self) -> None:
        if self.services.ctx.operator is not None:
            self._read_settings()
        self.refresh_keys()
        self.refresh_loans()
        self.refresh_still_out()

    def refresh_keys(self) -> None:
        if self.services.ctx.operator is None:
            return
        current = self.selected_key()
        statuses = (self.status_filter.currentData(),) if self.status_filter.currentData() else ()
        keys = run_action(self, lambda: self.services.keys.search(
            self.search.text(), statuses=statuses, category=self.category_filter.currentData() or "", limit=500))
        self.key_model.set_rows(keys or [], at=datetime.now(), soon_minutes=self._soon_minutes())
        if not self._sized and self.key_model.rowCount():
            self.key_view.resizeColumnsToContents()
            self._sized = True
        if current is not None:
            self._select_key(current.id)
        self._update_counts()
        self._update_buttons()

    def _dates_toggled(self, all_dates: bool) -> None:
        self.date_from.setEnabled(not all_dates)
        self.date_to.setEnabled(not all_dates)
        self._loan_timer.start()

    def loan_query(self) -> LoanQuery:
        if self.all_dates.isChecked():
            return LoanQuery(text=self.loan_search.text(), open_only=self.open_only.isChecked())
        f, t = self.date_from.date(), self.date_to.date()
        return LoanQuery(text=self.loan_search.text(), date_from=date(f.year(), f.month(), f.day()),
                         date_to=date(t.year(), t.month(), t.day()), open_only=self.open_only.isChecked())

    def refresh_loans(self) -> None:
        if self.services.ctx.operator is None:
            return
        query = self.loan_query()
        try:
            self.loan_model.set_loader(lambda after: self.services.keys.loans(query, limit=200, after=after))
            self._loan_matches = self.services.keys.loan_count(query)
        except Exception as exc:  # noqa: BLE001 - e.g. dates reversed
            if not getattr(exc, "key", None):
                raise
            self.loan_model.clear()
            self._loan_matches = 0
            self.loan_count.setText(_message_of(exc))
            self._style(self.loan_count, _ERR_STYLE)
            return
        self._style(self.loan_count, "")
        self._update_counts()

    def refresh_still_out(self) -> None:
        if self.services.ctx.operator is None:
            return
        at = datetime.now().replace(microsecond=0)
        self.out_model.set_rows(self.services.keys.still_out(at), at=at, soon_minutes=self._soon_minutes())
        if not self._out_sized and self.out_model.rowCount():
            self.out_view.resizeColumnsToContents()
            self._out_sized = True
        self._update_counts()

    def _clock_tick(self) -> None:
        if self._refresh_timer.isActive():
            return  # scanning: the reload after the burst brings the list up to date
        if self.services.ctx.operator is not None:
            self._read_settings()  # a change made at another counter arrives within a minute
        self.refresh_still_out()

    def _update_buttons(self) -> None:
        key = self.selected_key()
        self.check_out_button.setEnabled(key is not None and key.status == "in")
        self.check_in_button.setEnabled(key is not None and key.status == "out")
        self.more_button.setEnabled(key is not None)

    def _update_counts(self) -> None:
        self.key_count.setText(self.tr("%n key set(s) shown", "", self.key_model.rowCount()))
        self.loan_count.setText(self.tr("%n loan(s) found", "", getattr(self, "_loan_matches", 0)))
        n = self.out_model.rowCount()
        overdue, soon, highlight, unacked = self.out_model.counts()
        eod = self._eod.strftime("%H:%M") if self._eod is not None and self.services.ctx.operator else ""
        parts = [self.tr("%n key(s) out", "", n)]
        if overdue:
            parts.append(self.tr("%n overdue", "", overdue))
        if soon:
            parts.append(self.tr("%n due soon", "", soon))
        if highlight:
            parts.append(self.tr("%n out overnight", "", highlight))
        if unacked:
            parts.append(self.tr("%n not acknowledged", "", unacked))
        text = "  ·  ".join(parts)
        if eod:
            text += "\n" + self.tr("Keys come back the same day, by %1.").replace("%1", eod)
        self.out_summary.setText(text)
        self._style(self.out_summary, _ERR_STYLE if (overdue or highlight) else "font-weight: bold;")
        self.out_box.setTitle(self.tr("Keys still out (%1)").replace("%1", str(n)))

    def _style(self, widget: QWidget, sheet: str) -> None:
        """Set a style sheet only when it changes: every call re-polishes the widget, and the
        labels are updated on every scan."""
        if self._styles.get(id(widget)) != sheet:
            self._styles[id(widget)] = sheet
            widget.setStyleSheet(sheet)

    def _on_data_changed(self, topic: str) -> None:
        if topic == "keys" and self._coalesce:
            self._refresh_timer.start()  # one reload after a burst of scans, not one per scan
        elif topic in ("keys", "operator", "settings", "occupants"):
            # refresh() re-reads the settings as well
            self._refresh_timer.stop()
            self.refresh()

    # -- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.scan_label.setText(self.tr("S&can key tag:"))
        self.scan_field.setPlaceholderText(self.tr("Scan a tag: out → checked in, in the cabinet → lend it (Ctrl+K)"))
        self.scan_button.setText(self.tr("Go"))
        self.intake_button.setText(self.tr("&Intake…"))
        self.intake_button.setToolTip(self.tr("Handover register (钥匙交接验收统计表): take keys in from the developer"))
        self.outstanding_button.setText(self.tr("Outstanding keys…"))
        self.spot_button.setText(self.tr("Spot check…"))
        self.stats_button.setText(self.tr("Monthly statistics…"))
        self.pages.setTabText(0, self.tr("Key cabinet"))
        self.pages.setTabText(1, self.tr("Loan register"))
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(self.tr("Tag, hook, unit, what it opens or area (Ctrl+F)"))
        self.status_filter.setItemText(0, self.tr("Any status"))
        for i in range(1, self.status_filter.count()):
            self.status_filter.setItemText(i, key_status_name(self.status_filter.itemData(i)))
        self.category_filter.setItemText(0, self.tr("Any category"))
        for i in range(1, self.category_filter.count()):
            self.category_filter.setItemText(i, key_category_name(self.category_filter.itemData(i)))
        self.check_out_button.setText(self.tr("Check &out… (Ctrl+Shift+O)"))
        self.check_in_button.setText(self.tr("Check &in… (Ctrl+I)"))
        self.more_button.setText(self.tr("More"))
        self.act_emergency.setText(self.tr("&Emergency use of owner's key…"))
        self.act_lost.setText(self.tr("Report &lost…"))
        self.act_found.setText(self.tr("Key &found…"))
        self.act_copy.setText(self.tr("&Copy request (refused)…"))
        self.act_lock.setText(self.tr("Lock &changed…"))
        self.act_retire.setText(self.tr("&Retire…"))
        self.act_hand_over.setText(self.tr("&Hand over to owner…"))
        self.loan_search_label.setText(self.tr("Searc&h:"))
        self.loan_search.setPlaceholderText(self.tr("Tag or borrower's name"))
        self.all_dates.setText(self.tr("All dates"))
        self.open_only.setText(self.tr("Still out only"))
        self.reprint_button.setText(self.tr("&Reprint slip"))
        self.ack_button.setText(self.tr("&Acknowledge… (Ctrl+Shift+A)"))
        self.shift_button.setText(self.tr("Close shift…"))
        self.key_model.retranslate()
        self.loan_model.retranslate()
        self.out_model.retranslate()
        self._update_counts()
