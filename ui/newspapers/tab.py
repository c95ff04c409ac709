"""The Newspapers tab (报刊收发): the day's count and delivery, the subscriptions list, claims
for missing copies, titles, and the printed registers.

Ctrl+D the day · Ctrl+Shift+P print the delivery list · F5 refresh.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from ui.bus import DataBus
from ui.errors import run_action
from ui.newspapers import printing
from ui.newspapers.claims import ClaimsPage
from ui.newspapers.subscriptions import SubscriptionsPage
from ui.newspapers.titles import TitlesPage
from ui.newspapers.today import TodayPage
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating
from ui.widgets.shortcuts import add_shortcuts

TOPIC = "newspapers"


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _date_edit(parent: QWidget, name: str, value: QDate) -> QDateEdit:
    e = QDateEdit(parent)
    e.setObjectName(name)
    e.setDisplayFormat("yyyy-MM-dd")
    e.setCalendarPopup(True)
    e.setDate(value)
    return e


class NewspapersTab(Retranslating, QWidget):
    def __init__(self, services: Services, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.bus = bus
        # callable(pdf, title, kind, ref, file_name): the print preview; tests replace it
        self.show_pdf = self._preview

        self.day_label = QLabel(self)
        self.day_edit = _date_edit(self, "newspaper_day", QDate.currentDate())
        self.day_edit.setMaximumDate(QDate.currentDate())
        self.day_label.setBuddy(self.day_edit)
        self.today_button = QPushButton(self)
        self.print_list_button = QPushButton(self)
        self.print_list_button.setObjectName("print_delivery_list")
        top = QHBoxLayout()
        top.addWidget(self.day_label)
        top.addWidget(self.day_edit)
        top.addWidget(self.today_button)
        top.addStretch(1)
        top.addWidget(self.print_list_button)

        changed = self._changed
        self.today_page = TodayPage(services, self.day, changed, self)
        self.subscriptions_page = SubscriptionsPage(services, self.day, changed, self)
        self.claims_page = ClaimsPage(services, changed, self)
        self.titles_page = TitlesPage(services, changed, self)

        # The registers, printed for a range of days.
        self.registers = QWidget(self)
        self.reg_box = QGroupBox(self.registers)
        self.reg_form = FieldForm(self.registers)
        self.reg_from = _date_edit(self.registers, "register_from", QDate.currentDate().addDays(-6))
        self.reg_to = _date_edit(self.registers, "register_to", QDate.currentDate())
        self.reg_form.add_row("date_from", self.reg_from)
        self.reg_form.add_row("date_to", self.reg_to)
        self.print_newspaper_register = QPushButton(self.registers)
        self.print_newspaper_register.setObjectName("print_newspaper_register")
        self.print_mail_register = QPushButton(self.registers)
        self.print_mail_register.setObjectName("print_mail_register")
        self.print_daily_log = QPushButton(self.registers)
        self.print_daily_log.setObjectName("print_parcel_daily_log")
        self.reg_hint = QLabel(self.registers)
        self.reg_hint.setWordWrap(True)
        rl = QVBoxLayout(self.reg_box)
        dates = QHBoxLayout()
        dates.addWidget(self.reg_form)
        dates.addStretch(1)
        rl.addLayout(dates)
        for b in (self.print_newspaper_register, self.print_mail_register, self.print_daily_log):
            rl.addWidget(b)
        rl.addWidget(self.reg_hint)
        QVBoxLayout(self.registers).addWidget(self.reg_box)
        self.registers.layout().addStretch(1)

        self.pages = QTabWidget(self)
        for page in (self.today_page, self.subscriptions_page, self.claims_page, self.titles_page, self.registers):
            self.pages.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)

        self._stale: set[QWidget] = set()
        self.pages.currentChanged.connect(self._page_shown)
        self.day_edit.dateChanged.connect(lambda _d: self.refresh())
        self.today_button.clicked.connect(lambda: self.day_edit.setDate(QDate.currentDate()))
        self.print_list_button.clicked.connect(self.print_delivery_list)
        self.print_newspaper_register.clicked.connect(self.print_newspapers)
        self.print_mail_register.clicked.connect(self.print_mail)
        self.print_daily_log.clicked.connect(self.print_parcel_log)
        self.bus.sig_changed.connect(self._on_data_changed)
        self._shortcuts = add_shortcuts(self, [
            ("Ctrl+D", self.day_edit.setFocus),
            ("Ctrl+Shift+P", self.print_delivery_list),
            ("F5", self.refresh),
        ])
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.day_label.setText(self.tr("&Day"))
        self.today_button.setText(self.tr("Today"))
        self.print_list_button.setText(self.tr("Print delivery list…"))
        for i, text in enumerate((self.tr("Count and deliver"), self.tr("Subscriptions"), self.tr("Claims"),
                                  self.tr("Titles"), self.tr("Registers"))):
            self.pages.setTabText(i, text)
        self.reg_box.setTitle(self.tr("Print a register"))
        self.reg_form.label("date_from").setText(self.tr("From"))
        self.reg_form.label("date_to").setText(self.tr("to"))
        self.print_newspaper_register.setText(self.tr("Newspaper register…"))
        self.print_mail_register.setText(self.tr("Mail register…"))
        self.print_daily_log.setText(self.tr("Daily parcel log of the day chosen above…"))
        self.reg_hint.setText(self.tr("Printed lists name the unit and the item, never what is inside."))

    # -- plumbing -----------------------------------------------------------------------

    def day(self) -> date:
        return _pydate(self.day_edit.date())

    def initial_focus(self) -> None:
        self.day_edit.setFocus()

    def _changed(self) -> None:
        self.bus.sig_changed.emit(TOPIC)

    def _on_data_changed(self, topic: str) -> None:
        if topic in (TOPIC, "operator", "settings"):
            self.refresh()

    def refresh(self) -> None:
        """Re-read the page on show and the claims (their count is on the page's tab); the other
        pages are re-read when they are shown — a list of a thousand lines costs ~40 ms each."""
        if self.services.ctx.operator is None:
            return
        current = self.pages.currentWidget()
        self._stale = {p for p in (self.today_page, self.subscriptions_page, self.titles_page) if p is not current}
        if current in (self.today_page, self.subscriptions_page, self.titles_page):
            current.refresh()
        self.claims_page.refresh()
        self.pages.setTabText(2, self.tr("Claims (%1)").replace("%1", str(self.claims_page.open_count()))
                              if self.claims_page.open_count() else self.tr("Claims"))

    def _page_shown(self, _index: int) -> None:
        page = self.pages.currentWidget()
        if page in self._stale:
            self._stale.discard(page)
            page.refresh()

    # -- printing -----------------------------------------------------------------------

    def preview_dialog(self, pdf: bytes, title: str, kind: str, ref: str, file_name: str):  # noqa: ANN201
        """The print preview for one register; every print attempt goes to the print log."""
        from ui.printing.preview import PdfPreviewDialog

        # No 补打 stamp: a register is drawn afresh from the records each time (with its print
        # time), so printing it again is a new list, not a copy of an earlier one.
        return PdfPreviewDialog(pdf, self, title=title, kind=kind, ref=ref, file_name=file_name,
                                print_log=self.services.print_log, stamp_reprints=False)

    def _preview(self, pdf: bytes, title: str, kind: str, ref: str, file_name: str) -> None:
        dialog = self.preview_dialog(pdf, title, kind, ref, file_name)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def _print(self, make, title: str, kind: str, ref: str, form: FieldForm | None = None) -> bool:  # noqa: ANN001
        pdf = run_action(self, make, form)
        if pdf is None:
            return False
        self.show_pdf(pdf, title, kind, ref, f"{kind}-{ref}.pdf")
        return True

    def _range(self) -> tuple[date, date]:
        return _pydate(self.reg_from.date()), _pydate(self.reg_to.date())

    def print_delivery_list(self) -> bool:
        day = self.day()
        return self._print(lambda: printing.delivery_list_pdf(self.services, day),
                           self.tr("Newspaper delivery list"),
                           "newspaper-delivery-list", f"{day:%Y%m%d}")

    def print_newspapers(self) -> bool:
        span = self._range()
        return self._print(lambda: printing.newspaper_register_pdf(self.services, *span),
                           self.tr("Newspaper register"), "newspaper-register", f"{span[0]:%Y%m%d}-{span[1]:%Y%m%d}",
                           self.reg_form)

    def print_mail(self) -> bool:
        span = self._range()
        return self._print(lambda: printing.mail_register_pdf(self.services, *span),
                           self.tr("Mail register"), "mail-register", f"{span[0]:%Y%m%d}-{span[1]:%Y%m%d}",
                           self.reg_form)

    def print_parcel_log(self) -> bool:
        day = self.day()
        return self._print(lambda: printing.parcel_daily_log_pdf(self.services, day),
                           self.tr("Daily parcel log"), "parcel-daily-log", f"{day:%Y%m%d}")
