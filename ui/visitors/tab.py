"""The Visitors tab: register on the left; who is on site and the searchable register on the right."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
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

from app.services import Services
from app.services.visitors import VisitQuery, VisitView
from ui.bus import DataBus
from ui.errors import run_action
from ui.messages import error_text
from ui.visitors.dialogs import VisitDetailDialog
from ui.visitors.form import VisitForm
from ui.visitors.table_model import VisitorTableModel
from ui.widgets.scan_field import ScanLineEdit
from ui.widgets.shortcuts import add_shortcuts, debounce, focus_field
from ui.widgets.table_models import make_table_view
from ui.widgets.retranslate import Retranslating


class VisitorTab(Retranslating, QWidget):
    sig_visit_registered = Signal(object)
    """Emitted with the ``VisitView`` of each newly registered visit."""

    def __init__(self, services: Services, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.slip_printer = None  # callable(VisitView, reprint: bool), set by the main window

        # Left: registration.
        self.form = VisitForm(services, self)
        self.form_box = QGroupBox(self)
        QVBoxLayout(self.form_box).addWidget(self.form)

        # Right, page 1: on site now.
        self.on_site_model = VisitorTableModel(self)
        self.on_site_view = make_table_view(self, self.on_site_model)
        self.sign_out_field = ScanLineEdit(self)
        self.sign_out_field.setObjectName("sign_out_badge")
        self.sign_out_button = QPushButton(self)
        self.sign_out_selected = QPushButton(self)
        self.on_site_count = QLabel(self)
        self.sign_out_label = QLabel(self)
        self.sign_out_label.setBuddy(self.sign_out_field)
        top = QHBoxLayout()
        top.addWidget(self.sign_out_label)
        top.addWidget(self.sign_out_field, 1)
        top.addWidget(self.sign_out_button)
        top.addSpacing(16)
        top.addWidget(self.sign_out_selected)
        on_site = QWidget(self)
        lay = QVBoxLayout(on_site)
        lay.addLayout(top)
        lay.addWidget(self.on_site_count)
        lay.addWidget(self.on_site_view, 1)

        # Right, page 2: the register, searchable.
        self.register_model = VisitorTableModel(self)
        self.register_view = make_table_view(self, self.register_model)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for d in (self.date_from, self.date_to):
            d.setDisplayFormat("yyyy-MM-dd")
            d.setCalendarPopup(True)
        self.date_from.setDate(QDate.currentDate().addDays(-30))
        self.date_to.setDate(QDate.currentDate())
        self.all_dates = QCheckBox(self)
        self.all_dates.setChecked(True)
        self.result_count = QLabel(self)
        self.search_label = QLabel(self)
        self.search_label.setBuddy(self.search)
        filters = QHBoxLayout()
        filters.addWidget(self.search_label)
        filters.addWidget(self.search, 2)
        filters.addWidget(self.all_dates)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("–", self))
        filters.addWidget(self.date_to)
        register = QWidget(self)
        lay = QVBoxLayout(register)
        lay.addLayout(filters)
        lay.addWidget(self.result_count)
        lay.addWidget(self.register_view, 1)

        self.pages = QTabWidget(self)
        self.pages.addTab(on_site, "")
        self.pages.addTab(register, "")

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.form_box)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 900])
        QVBoxLayout(self).addWidget(splitter)

        self._search_timer = debounce(self, 150, self.refresh_register)
        self._clock = QTimer(self)
        self._clock.setInterval(60_000)  # overstays appear without anyone clicking
        self._clock.timeout.connect(self.refresh_on_site)
        self._clock.start()

        self.form.sig_submit.connect(self.register_visit)
        self.sign_out_field.returnPressed.connect(self._sign_out_field_entered)
        self.sign_out_button.clicked.connect(self.sign_out_by_badge)
        self.sign_out_selected.clicked.connect(self.sign_out_current)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.all_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(lambda _d: self._search_timer.start())
        self.date_to.dateChanged.connect(lambda _d: self._search_timer.start())
        self.on_site_view.doubleClicked.connect(lambda i: self.open_details(self.on_site_model, i.row()))
        self.register_view.doubleClicked.connect(lambda i: self.open_details(self.register_model, i.row()))
        self.bus.sig_changed.connect(self._on_data_changed)

        self._shortcuts = add_shortcuts(self, [
            ("Ctrl+Return", self.register_visit),
            ("Ctrl+Enter", self.register_visit),
            ("Ctrl+N", self.new_visit),
            ("Escape", self.form.clear),
            ("Ctrl+O", self.focus_sign_out),
            ("Ctrl+F", self.focus_search),
            ("Ctrl+D", self.open_current_details),
        ])

        self._register_sized = False
        self._dates_toggled(True)
        self.retranslate()
        self.refresh()

    # -- actions ---------------------------------------------------------------------

    def initial_focus(self) -> None:
        self.form.name.setFocus()

    def new_visit(self) -> None:
        self.form.clear()

    def focus_sign_out(self) -> None:
        self.pages.setCurrentIndex(0)
        focus_field(self.sign_out_field)

    def focus_search(self) -> None:
        self.pages.setCurrentIndex(1)
        focus_field(self.search)

    def register_visit(self) -> VisitView | None:
        data = self.form.value()
        visit = run_action(self, lambda: self.services.visitors.register(data), form=self.form.form)
        if visit is None:
            return None
        self.bus.sig_status.emit(self.tr("Registered %1 (badge %2)").replace("%1", visit.visitor_name)
                                 .replace("%2", visit.badge_number or "—"))
        if self.form.print_slip.isChecked() and self.slip_printer is not None:
            self.slip_printer(visit, False)
        self.form.clear()
        self.sig_visit_registered.emit(visit)
        self.bus.sig_changed.emit("visits")
        return visit

    def _sign_out_field_entered(self) -> None:
        """A key tag (or any other module's code) scanned into this field goes where it belongs;
        anything else is taken as a badge number."""
        from app.devices.recognition import recognize
        from ui.scanner.bridge import ScannerBridge

        text = self.sign_out_field.text().strip()
        bridge = ScannerBridge.instance()
        if bridge is not None and text and recognize(text, bridge.rules).kind not in ("visitor_badge", "unknown"):
            self.sign_out_field.clear()
            bridge.submit_text(text)
            return
        self.sign_out_by_badge()

    def handle_badge_scan(self, code: str) -> bool:
        """A visitor badge scanned anywhere in the program: sign its holder out."""
        self.pages.setCurrentIndex(0)
        self.sign_out_field.setText(code)
        return self.sign_out_by_badge() is not None

    def sign_out_by_badge(self) -> VisitView | None:
        badge = self.sign_out_field.text().strip()
        if not badge:
            return None
        try:
            visit = self.services.visitors.sign_out_by_badge(badge)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a status message
            key = getattr(exc, "key", None)
            text = error_text(exc) if key else str(exc)
            self.bus.sig_status.emit(text)
            self.sign_out_feedback(text, ok=False)
            self.sign_out_field.selectAll()
            return None
        self.sign_out_field.clear()
        text = self.tr("Signed out %1 (badge %2)").replace("%1", visit.visitor_name).replace("%2", visit.badge_number)
        self.bus.sig_status.emit(text)
        self.sign_out_feedback(text, ok=True)
        self.bus.sig_changed.emit("visits")
        return visit

    def sign_out_feedback(self, text: str, ok: bool) -> None:
        self.on_site_count.setText(text)
        self.on_site_count.setStyleSheet("color: #1b5e20;" if ok else "color: #b00020;")
        QTimer.singleShot(6000, self._update_count)

    def sign_out_current(self) -> None:
        index = self.on_site_view.currentIndex()
        visit = self.on_site_model.visit(index.row()) if index.isValid() else None
        if visit is None:
            return
        if run_action(self, lambda: self.services.visitors.sign_out(visit.id)) is not None:
            self.bus.sig_changed.emit("visits")

    def open_current_details(self) -> None:
        view = self.on_site_view if self.pages.currentIndex() == 0 else self.register_view
        index = view.currentIndex()
        if index.isValid():
            self.open_details(view.model(), index.row())

    def open_details(self, model: VisitorTableModel, row: int) -> None:
        visit = model.visit(row)
        if visit is None:
            return
        dlg = VisitDetailDialog(self.services, visit.id, self)
        dlg.printer = self.slip_printer
        dlg.sig_changed.connect(lambda: self.bus.sig_changed.emit("visits"))
        dlg.exec()

    # -- data ------------------------------------------------------------------------

    def _dates_toggled(self, all_dates: bool) -> None:
        self.date_from.setEnabled(not all_dates)
        self.date_to.setEnabled(not all_dates)
        self._search_timer.start()

    def query(self) -> VisitQuery:
        if self.all_dates.isChecked():
            return VisitQuery(text=self.search.text())
        f, t = self.date_from.date(), self.date_to.date()
        return VisitQuery(text=self.search.text(), date_from=date(f.year(), f.month(), f.day()),
                          date_to=date(t.year(), t.month(), t.day()))

    def refresh(self) -> None:
        self.refresh_on_site()
        self.refresh_register()

    def refresh_on_site(self) -> None:
        if self.services.ctx.operator is None:
            return
        query = VisitQuery(on_site_only=True)
        self.on_site_model.set_loader(lambda after: self.services.visitors.page(query, limit=500, after=after))
        self.on_site_view.resizeColumnsToContents()
        self._update_count()

    def refresh_register(self) -> None:
        if self.services.ctx.operator is None:
            return
        query = self.query()
        self.register_model.set_loader(lambda after: self.services.visitors.page(query, limit=200, after=after))
        if not self._register_sized and self.register_model.rowCount():
            # Once: later searches keep the widths the receptionist may have adjusted.
            self.register_view.resizeColumnsToContents()
            self._register_sized = True
        self._matches = self.services.visitors.count(query)
        self._update_count()

    def _update_count(self) -> None:
        n = self.on_site_model.rowCount()
        over = sum(1 for r in range(n) if self.on_site_model.visit(r).overstay)
        text = self.tr("On site now: %n visitor(s)", "", n)
        if over:
            text += "  ·  " + self.tr("%n overstay(s)", "", over)
        self.on_site_count.setStyleSheet("font-weight: bold;")
        self.on_site_count.setText(text)
        self.pages.setTabText(0, self.tr("On site (%1)").replace("%1", str(n)))
        self.result_count.setText(self.tr("%n visit(s) found", "", getattr(self, "_matches", 0)))

    def _on_data_changed(self, topic: str) -> None:
        if topic in ("visits", "operator", "settings", "occupants"):
            self.refresh()

    # -- language --------------------------------------------------------------------

    def retranslate(self) -> None:
        self.form_box.setTitle(self.tr("Register a visitor"))
        self.pages.setTabText(1, self.tr("Register && search"))
        self.sign_out_label.setText(self.tr("Sign out badge:"))
        self.sign_out_field.setPlaceholderText(self.tr("Scan or type the badge number, then Enter (Ctrl+O)"))
        self.sign_out_button.setText(self.tr("Sign &out"))
        self.sign_out_selected.setText(self.tr("Sign out selected"))
        self.search_label.setText(self.tr("&Search:"))
        self.search.setPlaceholderText(self.tr("Name, pinyin initials, phone, unit, ID tail or badge (Ctrl+F)"))
        self.all_dates.setText(self.tr("All dates"))
        self.on_site_model.retranslate()
        self.register_model.retranslate()
        self._update_count()
