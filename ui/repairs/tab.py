"""The Repairs tab (报修): register a request, the open slips with their countdown, follow-ups
due today, complaints and the call/visit register, the weekly summary.

Ctrl+N new request · Ctrl+F slip number / scan · Enter on a slip opens it · F5 refresh.
Scanning a returned dispatch slip (its Code 128) opens it for completion.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QFileDialog,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.repair_rules import (
    CHANNELS,
    FEEDBACK_KINDS,
    GRADES,
    SEVERITIES,
    SOURCES,
    complaint_deadlines,
    due_at,
    week_start,
)
from app.security import role_at_least
from app.services import Services
from app.services.complaints import ComplaintInput
from app.services.repairs import RepairInput
from ui.bus import DataBus
from ui.errors import run_action
from ui.format import fmt_date, fmt_datetime, fmt_money
from ui.repairs.dialogs import (
    CompletionDialog,
    FollowUpDialog,
    HandleDialog,
    SettleDialog,
    SlipDetailDialog,
    TextStepDialog,
)
from ui.repairs.models import ComplaintTableModel, SlipTableModel, UnfinishedTableModel
from ui.repairs.texts import action_name, category_name, countdown, now, term, ui_is_english
from ui.visitors.form import HostPicker
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating
from ui.widgets.scan_field import ScanLineEdit
from ui.widgets.shortcuts import add_shortcuts
from ui.widgets.table_models import make_table_view

_OVERDUE_STYLE = "color: #b00020; font-weight: bold;"
#: column widths follow the first rows only: measuring every cell of a few hundred open
#: slips took longer than the 100 ms the whole view may take (docs/PERFORMANCE.md)
_PRECISION = 40


class RepairsTab(Retranslating, QWidget):
    def __init__(self, services: Services, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.bus = bus
        #: callable(RepairView, reprint: bool) printing the dispatch slip; None prints nothing (tests)
        self.slip_printer = self._print_slip
        #: callable(ReceiptView) printing the receipt of a settlement; None prints nothing (tests)
        self.receipt_printer = self._print_receipt
        self.categories = []
        self.last_registered = None
        self._detail: SlipDetailDialog | None = None

        # -- register form (报修单) --
        self.form_box = QGroupBox(self)
        self.form = FieldForm(self.form_box)
        self.source = QComboBox(self)
        for code in SOURCES:
            self.source.addItem("", code)
        self.unit = HostPicker(services, self)
        self.unit.setObjectName("repair_unit")
        self.location = QLineEdit(self)
        self.location.setObjectName("repair_location")
        self.requester = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.phone.setObjectName("repair_phone")
        self.category = QComboBox(self)
        self.category.setObjectName("repair_category")
        self.rate_label = QLabel(self)
        self.rate_label.setObjectName("repair_rate")
        self.grade = QComboBox(self)
        self.grade.setObjectName("repair_grade")
        for code in GRADES:
            self.grade.addItem("", code)
        self.grade.setCurrentIndex(GRADES.index("ordinary"))
        self.due_label = QLabel(self)
        self.due_label.setObjectName("repair_due")
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("repair_description")
        self.description.setFixedHeight(56)
        self.preferred = QLineEdit(self)
        self.assignee = QLineEdit(self)
        self.assignee.setObjectName("repair_assignee")
        self.photos: list[bytes] = []
        self.photo_button = QPushButton(self)
        self.photo_button.setObjectName("repair_photos")
        self.photo_button.clicked.connect(self.add_photos)
        self.photo_label = QLabel(self)
        photo_row = QWidget(self)
        pr = QHBoxLayout(photo_row)
        pr.setContentsMargins(0, 0, 0, 0)
        pr.addWidget(self.photo_button)
        pr.addWidget(self.photo_label, 1)
        self.copies = QSpinBox(self)
        self.copies.setObjectName("repair_copies")
        self.copies.setRange(0, 5)
        self.copies_label = QLabel(self)
        self.register_button = QPushButton(self)
        self.register_button.setObjectName("repair_register")
        self.register_button.clicked.connect(self.register)
        for name, widget in (("source", self.source), ("unit", self.unit), ("location", self.location),
                             ("requester_name", self.requester), ("phone", self.phone),
                             ("category", self.category), ("rate", self.rate_label), ("grade", self.grade),
                             ("due", self.due_label), ("description", self.description),
                             ("preferred_time", self.preferred), ("photos", photo_row),
                             ("assignee", self.assignee)):
            self.form.add_row(name, widget)
        self.category.currentIndexChanged.connect(self._show_rate)
        self.copies.valueChanged.connect(self._save_copies)
        self.grade.currentIndexChanged.connect(self._show_due)
        self.unit.sig_changed.connect(self._unit_picked)
        fl = QVBoxLayout(self.form_box)
        fl.addWidget(self.form)
        copies_row = QHBoxLayout()
        copies_row.addStretch(1)
        copies_row.addWidget(self.copies_label)
        copies_row.addWidget(self.copies)
        fl.addLayout(copies_row)
        fl.addWidget(self.register_button)
        fl.addStretch(1)

        # -- open slips --
        self.find_label = QLabel(self)
        self.find_field = ScanLineEdit(self)
        self.find_field.setObjectName("repair_find")
        self.find_field.returnPressed.connect(lambda: self.handle_scan(self.find_field.text()))
        self.slip_model = SlipTableModel(self)
        self.slip_view = make_table_view(self, self.slip_model, alternating=False)
        self.slip_view.horizontalHeader().setResizeContentsPrecision(_PRECISION)
        self.slip_view.doubleClicked.connect(lambda idx: self.open_detail(self.slip_model.row(idx.row())))
        self.slip_view.activated.connect(lambda idx: self.open_detail(self.slip_model.row(idx.row())))
        self.open_summary = QLabel(self)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self._open_selected)
        top = QHBoxLayout()
        top.addWidget(self.find_label)
        top.addWidget(self.find_field, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_summary, 1)
        bottom.addWidget(self.open_button)
        slips_page = QWidget(self)
        sl = QVBoxLayout(slips_page)
        sl.addLayout(top)
        sl.addWidget(self.slip_view, 1)
        sl.addLayout(bottom)

        # -- follow-ups due today --
        self.follow_model = SlipTableModel(self)
        self.follow_view = make_table_view(self, self.follow_model, alternating=False)
        self.follow_view.horizontalHeader().setResizeContentsPrecision(_PRECISION)
        self.follow_view.doubleClicked.connect(lambda idx: self.open_detail(self.follow_model.row(idx.row())))
        self.follow_button = QPushButton(self)
        self.follow_button.clicked.connect(self._follow_selected)
        self.unfinished_label = QLabel(self)
        self.unfinished_label.setWordWrap(True)
        self.unfinished_model = UnfinishedTableModel(self)
        self.unfinished_view = make_table_view(self, self.unfinished_model, alternating=False)
        self.unfinished_view.horizontalHeader().setResizeContentsPrecision(_PRECISION)
        self.unfinished_view.doubleClicked.connect(
            lambda idx: self.open_detail(self.unfinished_model.row(idx.row()).repair))
        self.follow_title = QLabel(self)
        self.unfinished_title = QLabel(self)
        self.unfinished_button = QPushButton(self)
        self.unfinished_button.clicked.connect(self._unfinished_selected)
        follow_page = QWidget(self)
        fol = QVBoxLayout(follow_page)
        fol.addWidget(self.follow_title)
        fol.addWidget(self.follow_view, 1)
        fb = QHBoxLayout()
        fb.addStretch(1)
        fb.addWidget(self.follow_button)
        fol.addLayout(fb)
        fol.addWidget(self.unfinished_title)
        fol.addWidget(self.unfinished_view, 1)
        ub = QHBoxLayout()
        ub.addWidget(self.unfinished_label, 1)
        ub.addWidget(self.unfinished_button)
        fol.addLayout(ub)

        # -- complaints and the call/visit register --
        complaints_page = self._build_complaints()
        # -- weekly summary --
        weekly_page = self._build_weekly()

        self.pages = QTabWidget(self)
        for page in (slips_page, follow_page, complaints_page, weekly_page):
            self.pages.addTab(page, "")
        # the repair form belongs with the slips; the complaints and the week need the width
        self.pages.currentChanged.connect(lambda i: self.form_box.setVisible(i < 2))
        split = QSplitter(self)
        split.addWidget(self.form_box)
        split.addWidget(self.pages)
        split.setStretchFactor(1, 3)
        lay = QVBoxLayout(self)
        lay.addWidget(split)

        self.clock = QTimer(self)
        self.clock.setInterval(30_000)
        self.clock.timeout.connect(self._tick)
        self.clock.start()
        add_shortcuts(self, [("Ctrl+N", self.new_request), ("Ctrl+F", self.find_field.setFocus),
                             ("F5", self.refresh)])
        bus.sig_changed.connect(self._on_changed)
        self.retranslate()
        self.refresh()

    # -- building ----------------------------------------------------------------------------

    def _build_complaints(self) -> QWidget:
        page = QWidget(self)
        self.c_form = FieldForm(page)
        self.c_kind = QComboBox(page)
        for code in FEEDBACK_KINDS:
            self.c_kind.addItem("", code)
        self.c_severity = QComboBox(page)
        for code in SEVERITIES:
            self.c_severity.addItem("", code)
        self.c_severity.setCurrentIndex(SEVERITIES.index("ordinary"))
        self.c_channel = QComboBox(page)
        for code in CHANNELS:
            self.c_channel.addItem("", code)
        self.c_name = QLineEdit(page)
        self.c_name.setObjectName("complaint_name")
        self.c_phone = QLineEdit(page)
        self.c_unit = QLineEdit(page)
        self.c_content = QPlainTextEdit(page)
        self.c_content.setObjectName("complaint_content")
        self.c_content.setFixedHeight(48)
        self.c_assignee = QLineEdit(page)
        self.c_due = QLabel(page)
        self.c_due.setObjectName("complaint_due")
        self.c_due.setWordWrap(True)
        for name, w in (("kind", self.c_kind), ("severity", self.c_severity), ("channel", self.c_channel),
                        ("name", self.c_name), ("phone", self.c_phone), ("unit", self.c_unit),
                        ("content", self.c_content), ("assignee", self.c_assignee), ("due", self.c_due)):
            self.c_form.add_row(name, w)
        self.c_severity.currentIndexChanged.connect(self._show_complaint_due)
        self.c_kind.currentIndexChanged.connect(self._show_complaint_due)
        self.c_rule = QLabel(page)
        self.c_rule.setWordWrap(True)
        self.c_register = QPushButton(page)
        self.c_register.setObjectName("complaint_register")
        self.c_register.clicked.connect(self.register_complaint)
        self.c_model = ComplaintTableModel(self)
        self.c_view = make_table_view(page, self.c_model, alternating=False)
        self.c_view.horizontalHeader().setResizeContentsPrecision(_PRECISION)
        self.c_action = QComboBox(page)
        self.c_go = QPushButton(page)
        self.c_go.clicked.connect(self._complaint_selected_step)
        self.c_view.clicked.connect(lambda _i: self._complaint_actions())
        lay = QHBoxLayout(page)
        left = QVBoxLayout()
        left.addWidget(self.c_form)
        left.addWidget(self.c_register)
        left.addWidget(self.c_rule)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.c_view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.c_action)
        row.addWidget(self.c_go)
        right.addLayout(row)
        lay.addLayout(left, 2)
        lay.addLayout(right, 5)
        return page

    def _build_weekly(self) -> QWidget:
        page = QWidget(self)
        self.week_date = QDateEdit(page)
        self.week_date.setDisplayFormat("yyyy-MM-dd")
        self.week_date.setCalendarPopup(True)
        monday = week_start(date.today()) - timedelta(days=7)
        self.week_date.setDate(QDate(monday.year, monday.month, monday.day))
        self.week_show = QPushButton(page)
        self.week_show.clicked.connect(self.show_week)
        self.week_print = QPushButton(page)
        self.week_print.clicked.connect(self.print_week)
        self.week_export = QPushButton(page)
        self.week_export.clicked.connect(lambda: self.export_week())
        self.week_text = QLabel(page)
        self.week_text.setObjectName("week_text")
        self.week_text.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.week_date)
        row.addWidget(self.week_show)
        row.addWidget(self.week_print)
        row.addWidget(self.week_export)
        row.addStretch(1)
        lay = QVBoxLayout(page)
        lay.addLayout(row)
        lay.addWidget(self.week_text, 1)
        return page

    # -- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.form_box.setTitle(self.tr("Repair request"))
        for name, text in (("source", self.tr("Came by")), ("unit", self.tr("Unit / occupant")),
                           ("location", self.tr("Or public location")), ("requester_name", self.tr("Name")),
                           ("phone", self.tr("Phone")), ("category", self.tr("Category")),
                           ("rate", self.tr("Charge")), ("grade", self.tr("Grade")), ("due", self.tr("Due")),
                           ("description", self.tr("What is broken")),
                           ("preferred_time", self.tr("Preferred time")), ("photos", self.tr("Photos")),
                           ("assignee", self.tr("Dispatch to"))):
            self.form.label(name).setText(text)
        self.assignee.setPlaceholderText(self.tr("Technician or team (optional: dispatch later)"))
        self.photo_button.setText(self.tr("Add photos…"))
        self._show_photos()
        self.copies_label.setText(self.tr("Dispatch slip copies:"))
        self.copies.setToolTip(self.tr("How many copies print on saving (supervisors change it; 0: print nothing)"))
        self.unit.setPlaceholderText(self.tr("Unit, name, initials or phone tail"))
        self.location.setPlaceholderText(self.tr("e.g. B栋2号电梯, 地下车库照明"))
        for combo in (self.source, self.grade, self.c_kind, self.c_severity, self.c_channel):
            for i in range(combo.count()):
                combo.setItemText(i, term(combo.itemData(i)))
        self.register_button.setText(self.tr("Register and print dispatch slip"))
        self.find_label.setText(self.tr("Slip number / scan:"))
        self.open_button.setText(self.tr("Open slip"))
        self.follow_button.setText(action_name("follow_up"))
        self.unfinished_button.setText(self.tr("Record why unfinished…"))
        self.pages.setTabText(0, self.tr("Open slips"))
        self.pages.setTabText(1, self.tr("Follow-ups due today"))
        self.pages.setTabText(2, self.tr("Complaints, calls and visits"))
        self.pages.setTabText(3, self.tr("Weekly summary"))
        for name, text in (("kind", self.tr("Type")), ("severity", self.tr("Severity")),
                           ("channel", self.tr("By")), ("name", self.tr("Name")), ("phone", self.tr("Phone")),
                           ("unit", self.tr("Unit")), ("content", self.tr("Content")),
                           ("assignee", self.tr("Responsible person")), ("due", self.tr("Deadlines"))):
            self.c_form.label(name).setText(text)
        self.c_rule.setText(self.tr("Major complaints: fixed within 1 working day, followed up within a week. "
                                    "Ordinary: 3 working days, followed up within two weeks. Weekends do not count."))
        self._show_complaint_due()
        self.c_register.setText(self.tr("Register"))
        self.c_go.setText(self.tr("Do"))
        self.week_show.setText(self.tr("Show week"))
        self.week_print.setText(self.tr("Print summary…"))
        self.slip_model.retranslate()
        self.follow_model.retranslate()
        self.c_model.retranslate()
        self.unfinished_model.retranslate()
        self.follow_title.setText(self.tr("Follow-up calls due today or earlier (urgent: the day after completion, "
                                          "ordinary: within 3 days)"))
        self.unfinished_title.setText(self.tr("Daily summary: slips due by today whose stub has not come back"))
        self.week_export.setText(self.tr("Export…"))
        self._fill_categories()
        self._show_due()
        self._update_summaries()

    # -- data ----------------------------------------------------------------------------------

    def _on_changed(self, topic: str) -> None:
        if topic in ("repairs", "settings", "operator", "receipts"):
            self.refresh()

    def refresh(self) -> None:
        if self.services.ctx.operator is None:
            return
        at = now()
        self.categories = self.services.repairs.categories()
        self._fill_categories()
        self.copies.blockSignals(True)
        self.copies.setValue(self.services.repairs.dispatch_copies())
        self.copies.blockSignals(False)
        op = self.services.ctx.operator
        self.copies.setEnabled(role_at_least(op.role, "supervisor"))
        self.slip_model.set_rows(self.services.repairs.open_slips(), self.categories, at)
        self.follow_model.set_rows(self.services.repairs.follow_ups_due(at.date()), self.categories, at)
        self.unfinished = self.services.repairs.daily_summary(at.date())
        self.unfinished_model.set_rows(self.unfinished)
        self.c_model.set_rows(self.services.complaints.open_items(), at)
        for view in (self.slip_view, self.follow_view, self.unfinished_view, self.c_view):
            view.resizeColumnsToContents()  # from the first rows only: see _PRECISION
        # long texts stay readable in the tooltip; the deadlines must stay in sight
        content = ComplaintTableModel.COLUMNS.index("content")
        self.c_view.setColumnWidth(content, min(self.c_view.columnWidth(content), 240))
        self._update_summaries()

    def _tick(self) -> None:
        at = now()
        self.slip_model.tick(at)
        self.follow_model.tick(at)
        self._show_due()

    def _update_summaries(self) -> None:
        rows = self.slip_model._rows
        at = self.slip_model.at
        overdue = sum(1 for r in rows if r.overdue(at))
        self.open_summary.setText(self.tr("%1 open slips, %2 overdue").replace("%1", str(len(rows)))
                                  .replace("%2", str(overdue)))
        self.open_summary.setStyleSheet(_OVERDUE_STYLE if overdue else "")
        unfinished = getattr(self, "unfinished", [])
        missing = sum(1 for u in unfinished if not u.reason)
        self.unfinished_label.setText(
            self.tr("Unfinished today (stub not back): %1, %2 without a reason").replace("%1", str(len(unfinished)))
            .replace("%2", str(missing)))

    def _fill_categories(self) -> None:
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        for c in self.categories:
            self.category.addItem(category_name(self.categories, c.code), c.code)
        i = self.category.findData(current)
        self.category.setCurrentIndex(max(i, 0))
        self.category.blockSignals(False)
        self._show_rate()

    def _show_rate(self) -> None:
        code = self.category.currentData()
        if not code or self.services.ctx.operator is None:
            self.rate_label.setText("")
            return
        q = run_action(self, lambda: self.services.repairs.quote(code))
        if q is None:
            return
        self.rate_label.setText(self.tr("Chargeable: %1").replace("%1", fmt_money(q.rate)) if q.chargeable
                                else self.tr("Free of charge"))

    def _show_due(self) -> None:
        at = now()
        due = due_at(self.grade.currentData() or "ordinary", at)
        self.due_label.setText(f"{fmt_datetime(due)} ({countdown(due - at)})")

    def _show_complaint_due(self) -> None:
        """The deadlines a complaint registered now would get (working days, weekends skipped)."""
        if self.c_kind.currentData() not in ("complaint", "suggestion"):
            self.c_due.setText(self.tr("Inquiries and praise: closed when answered or passed on"))
            return
        fix, follow = complaint_deadlines(self.c_severity.currentData() or "ordinary", now())
        self.c_due.setText(self.tr("fix by %1, follow up by %2").replace("%1", fmt_datetime(fix))
                           .replace("%2", fmt_date(follow.date())))

    def _unit_picked(self) -> None:
        """An occupant was picked: their phone and name fill the empty fields (editable)."""
        if self.unit.occupant_id is None:
            return
        occupant = run_action(self, lambda: self.services.occupants.get(self.unit.occupant_id))
        if occupant is None:
            return
        if not self.phone.text():
            self.phone.setText(occupant.phone)
        if not self.requester.text():
            self.requester.setText(occupant.name)

    def _save_copies(self, value: int) -> None:
        if run_action(self, lambda: self.services.settings.set("repairs.dispatch_copies", value)) is None:
            self.refresh()  # refused: show the stored value again

    def add_photos(self, paths: list[str] | None = None) -> None:
        """Attach photos (PNG/JPEG) to the request being written; the service checks them."""
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Photos of the fault"), "",
                                                    self.tr("Images (*.png *.jpg *.jpeg)"))
        for path in paths:
            try:
                with open(path, "rb") as fh:
                    self.photos.append(fh.read())
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Photos of the fault"), f"{path}: {exc.strerror}")
        self._show_photos()

    def _show_photos(self) -> None:
        self.photo_label.setText(self.tr("%1 attached").replace("%1", str(len(self.photos))) if self.photos else "")

    def initial_focus(self) -> None:
        self.unit.setFocus()

    def new_request(self) -> None:
        self.pages.setCurrentIndex(0)
        self.unit.setFocus()

    # -- registering ---------------------------------------------------------------------------

    def request_input(self) -> RepairInput:
        return RepairInput(
            category=self.category.currentData() or "", description=self.description.toPlainText(),
            grade=self.grade.currentData(), source=self.source.currentData(), occupant_id=self.unit.occupant_id,
            unit_code=self.unit.unit_code(), location=self.location.text(), requester_name=self.requester.text(),
            phone=self.phone.text(), preferred_time=self.preferred.text(), photos=tuple(self.photos),
            assignee=self.assignee.text())

    def register(self):  # noqa: ANN201 - RepairView | None
        """Save the request, print its dispatch slip, clear the form."""
        view = run_action(self, lambda: self.services.repairs.register(self.request_input()), self.form)
        if view is None:
            return None
        self.last_registered = view
        self.bus.sig_status.emit(self.tr("Repair %1 registered, due %2").replace("%1", view.number)
                                 .replace("%2", fmt_datetime(view.due_at)))
        if self.slip_printer is not None and self.copies.value() > 0:
            self.slip_printer(view, False)
        for w in (self.unit, self.location, self.requester, self.phone, self.preferred, self.assignee):
            w.clear()
        self.unit.occupant_id = None
        self.photos = []
        self._show_photos()
        self.description.clear()
        self.bus.sig_changed.emit("repairs")
        self.refresh()
        return view

    def print_slip(self, view, reprint: bool = False) -> None:  # noqa: ANN001
        if self.slip_printer is not None:
            self.slip_printer(view, reprint)

    def _print_receipt(self, receipt) -> None:  # noqa: ANN001
        from ui.repairs.printing import print_receipt

        print_receipt(self, self.services, receipt)

    def _print_slip(self, view, reprint: bool) -> None:  # noqa: ANN001
        from ui.repairs.printing import print_dispatch_slip

        print_dispatch_slip(self, self.services, view, reprint=reprint, categories=self.categories)

    # -- slips ---------------------------------------------------------------------------------

    def handle_scan(self, text: str) -> bool:
        """A slip number scanned off a returned dispatch slip (or typed): open it; a slip still
        with the technicians goes straight to completion."""
        code = (text or "").strip()
        if not code:
            return False
        view = run_action(self, lambda: self.services.repairs.find(code))
        self.find_field.clear()
        if view is None:
            return False
        self.pages.setCurrentIndex(0)
        row = self.slip_model.row_of(view.id)
        if row >= 0:
            self.slip_view.selectRow(row)
        if "complete" in view.actions:
            done = self.step(view, "complete")
            if done is not None:
                return True
        self.open_detail(view)
        return True

    def _open_selected(self) -> None:
        idx = self.slip_view.currentIndex()
        if idx.isValid():
            self.open_detail(self.slip_model.row(idx.row()))

    def open_detail(self, view) -> None:  # noqa: ANN001
        if view is None:
            return
        self._detail = SlipDetailDialog(self, self.services.repairs.get(view.id), self)
        self._detail.exec()
        self._detail = None

    def dialog_for(self, view, action: str, parent: QWidget | None = None) -> QDialog | None:  # noqa: ANN001
        """The dialog collecting what ``action`` needs, or None when it needs nothing."""
        if action == "complete":
            return CompletionDialog(view, parent or self)
        if action == "follow_up":
            op = self.services.ctx.operator
            return FollowUpDialog(action_name("follow_up").rstrip("…"), parent or self,
                                  caller=op.display_name if op else "")
        if action == "settle":
            return SettleDialog(view, parent or self)
        if action in TextStepDialog.FIELDS:
            return TextStepDialog(action, parent or self, value=view.assignee if action == "dispatch" else "")
        return None

    def step(self, view, action: str, parent: QWidget | None = None, values=None):  # noqa: ANN001, ANN201
        """Ask for what ``action`` needs (unless ``values`` are given), then do it. Returns the
        new view, or None when cancelled or refused (the message is shown)."""
        dialog = None
        if values is None:
            dialog = self.dialog_for(view, action, parent)
            while dialog is not None:
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return None
                done = self.apply_step(view, action, dialog.values(), dialog.form)
                if done is not None:
                    return done
            return self.apply_step(view, action, {})
        return self.apply_step(view, action, values)

    def apply_step(self, view, action: str, values, form=None):  # noqa: ANN001, ANN201
        r = self.services.repairs
        calls = {
            "dispatch": lambda: r.dispatch(view.id, values.get("assignee", "")),
            "start": lambda: r.start(view.id),
            "hold": lambda: r.hold(view.id, values.get("reason", "")),
            "resume": lambda: r.resume(view.id),
            "complete": lambda: r.complete(view.id, values),
            "settle": lambda: r.settle_at_counter(view.id, method=values.get("method", "cash"),
                                                  payer_name=values.get("payer_name", "")),
            "follow_up": lambda: r.follow_up(view.id, values.get("satisfied", True), comment=values.get("comment", ""),
                                             by=values.get("by", ""), method=values.get("method", "phone")),
            "close": lambda: r.close(view.id, note=values.get("note", "")),
            "cancel": lambda: r.cancel(view.id, values.get("reason", "")),
            "to_developer": lambda: r.to_developer(view.id, values.get("note", "")),
            "reopen": lambda: r.reopen(view.id, values.get("reason", "")),
            "unfinished": lambda: r.record_unfinished_reason(view.id, values.get("reason", "")),
        }
        done = run_action(self, calls[action], form)
        if done is not None:
            if action == "settle":
                done, receipt = done
                self.bus.sig_status.emit(self.tr("Receipt %1 issued, slip %2 settled").replace("%1", receipt.number)
                                         .replace("%2", done.number))
                self.bus.sig_changed.emit("receipts")
                if self.receipt_printer is not None:
                    self.receipt_printer(receipt)
            self.bus.sig_changed.emit("repairs")
            self.refresh()
            if action == "unfinished":
                done = done.repair
        return done

    def _follow_selected(self) -> None:
        idx = self.follow_view.currentIndex()
        if idx.isValid():
            self.step(self.follow_model.row(idx.row()), "follow_up")

    def _unfinished_selected(self) -> None:
        idx = self.unfinished_view.currentIndex()
        view = self.unfinished_model.row(idx.row()).repair if idx.isValid() else None
        if view is None:
            missing = [u.repair for u in getattr(self, "unfinished", []) if not u.reason]
            view = missing[0] if missing else None
        if view is not None:
            self.step(view, "unfinished")

    # -- complaints ----------------------------------------------------------------------------

    def complaint_input(self) -> ComplaintInput:
        return ComplaintInput(kind=self.c_kind.currentData(), name=self.c_name.text(),
                              content=self.c_content.toPlainText(), severity=self.c_severity.currentData(),
                              channel=self.c_channel.currentData(), phone=self.c_phone.text(),
                              unit_code=self.c_unit.text(), assignee=self.c_assignee.text(),
                              needs_action=self.c_kind.currentData() in ("complaint", "suggestion"))

    def register_complaint(self):  # noqa: ANN201
        view = run_action(self, lambda: self.services.complaints.register(self.complaint_input()), self.c_form)
        if view is not None:
            for w in (self.c_name, self.c_phone, self.c_unit, self.c_assignee):
                w.clear()
            self.c_content.clear()
            self.bus.sig_status.emit(self.tr("%1 registered, to be handled by %2").replace("%1", view.number)
                                     .replace("%2", fmt_datetime(view.fix_due_at)))
            self.refresh()
        return view

    def _complaint_actions(self) -> None:
        idx = self.c_view.currentIndex()
        c = self.c_model.row(idx.row()) if idx.isValid() else None
        self.c_action.clear()
        for a in (c.actions if c else ()):
            self.c_action.addItem(action_name(a), a)

    def _complaint_selected_step(self) -> None:
        idx = self.c_view.currentIndex()
        c = self.c_model.row(idx.row()) if idx.isValid() else None
        action = self.c_action.currentData()
        if c is None or not action:
            return
        dialog: QDialog | None
        if action == "assign":
            dialog = TextStepDialog("assign", self, value=c.assignee)
        elif action == "handle":
            dialog = HandleDialog(self)
        elif action == "follow_up":
            dialog = FollowUpDialog(action_name("follow_up").rstrip("…"), self)
        else:
            dialog = TextStepDialog("close", self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.complaint_step(c, action, dialog.values())

    def complaint_step(self, c, action: str, values: dict):  # noqa: ANN001, ANN201
        s = self.services.complaints
        calls = {
            "assign": lambda: s.assign(c.id, values.get("assignee", "")),
            "handle": lambda: s.handle(c.id, values.get("valid", True), values.get("opinion", "")),
            "follow_up": lambda: s.follow_up(c.id, values.get("satisfied", True), comment=values.get("comment", ""),
                                             method=values.get("method", "phone")),
            "close": lambda: s.close(c.id, note=values.get("note", "")),
        }
        done = run_action(self, calls[action])
        if done is not None:
            self.refresh()
            self._complaint_actions()
        return done

    # -- weekly summary ------------------------------------------------------------------------

    def _week(self) -> date:
        d = self.week_date.date()
        return week_start(date(d.year(), d.month(), d.day()))

    def show_week(self):  # noqa: ANN201
        w = run_action(self, lambda: self.services.repairs.weekly_summary(self._week()))
        if w is None:
            return None

        def pct(v) -> str:  # noqa: ANN001
            return "—" if v is None else f"{(v * 100).quantize(__import__('decimal').Decimal('0.1'))}%"

        def mark(ok) -> str:  # noqa: ANN001
            return "" if ok is None else (" ✓" if ok else " ✗ " + self.tr("target missed"))

        lines = [
            self.tr("Week %1 – %2: %3 slips registered").replace("%1", str(w.week_start))
            .replace("%2", str(w.week_end)).replace("%3", str(w.registered)),
            self.tr("On time: %1 (target 100%)").replace("%1", pct(w.on_time_rate)) + mark(w.targets.on_time),
            self.tr("Follow-up: %1 (target ≥ 85%)").replace("%1", pct(w.follow_up_rate)) + mark(w.targets.follow_up),
            self.tr("Rework: %1 (target ≤ 1%)").replace("%1", pct(w.rework_rate)) + mark(w.targets.rework),
            self.tr("Unfinished (stub not back): %1").replace("%1", str(w.unfinished)),
            "",
        ]
        lines += [f"{category_name(self.categories, c)}: {n}" for c, n in w.by_category]
        lines += [""] + [f"{term(s)}: {n}" for s, n in w.by_state]
        self.week_text.setText("\n".join(lines))
        return w

    def export_week(self, path: str | None = None) -> int | None:
        """Export the week's summary as CSV or XLSX (by the file name's extension)."""
        from app.exporter import export_repair_weekly

        week = self._week()
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the weekly summary"), f"repairs-week-{week:%Y-%m-%d}.xlsx",
                self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
            if not path:
                return None
        fmt = "csv" if path.lower().endswith(".csv") else "xlsx"
        lang = "en" if ui_is_english() else "zh_CN"
        try:
            n = run_action(self, lambda: export_repair_weekly(self.services, week, fmt, path, lang=lang))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export the weekly summary"), f"{path}: {exc.strerror}")
            return None
        if n is None:
            return None
        self.bus.sig_status.emit(self.tr("Weekly summary exported to %1").replace("%1", path))
        return n

    def print_week(self) -> None:
        from ui.repairs.printing import print_weekly_summary

        print_weekly_summary(self, self.services, self._week(), self.categories)
