"""The subscriptions list (业户订阅邮件一览表): who takes what, from when to when; add a line,
end one (it stays on the list, greyed)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.newspaper_rules import MAX_COPIES
from app.services import Services
from app.services.newspapers import SubscriptionInput, SubscriptionView
from ui.errors import run_action
from ui.newspapers.models import SubscriptionModel
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating
from ui.widgets.table_models import make_table_view
from ui.widgets.shortcuts import debounce


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _date_edit(parent: QWidget, name: str) -> QDateEdit:
    e = QDateEdit(parent)
    e.setObjectName(name)
    e.setDisplayFormat("yyyy-MM-dd")
    e.setCalendarPopup(True)
    e.setDate(QDate.currentDate())
    return e


class SubscriptionsPage(Retranslating, QWidget):
    def __init__(self, services: Services, day: Callable[[], date], changed: Callable[[], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.day = day
        self.changed = changed

        self.filter_label = QLabel(self)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("subscription_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter_label.setBuddy(self.filter)
        self.running_only = QCheckBox(self)
        self.running_only.setObjectName("running_only")
        self.count_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.filter, 1)
        top.addWidget(self.running_only)
        top.addWidget(self.count_label)
        self.model = SubscriptionModel(self)
        self.view = make_table_view(self, self.model)
        self.view.setObjectName("subscriptions")

        # Add a line.
        self.add_box = QGroupBox(self)
        self.form = FieldForm(self)
        self.title = QComboBox(self)
        self.title.setObjectName("title_id")
        self.unit = QLineEdit(self)
        self.unit.setObjectName("unit_code")
        self.department = QLineEdit(self)
        self.department.setObjectName("department")
        self.subscriber = QLineEdit(self)
        self.subscriber.setObjectName("subscriber")
        self.copies = QSpinBox(self)
        self.copies.setObjectName("copies")
        self.copies.setRange(0, MAX_COPIES * 2)
        self.copies.setValue(1)
        self.starts_on = _date_edit(self, "starts_on")
        self.open_ended = QCheckBox(self)
        self.open_ended.setObjectName("open_ended")
        self.open_ended.setChecked(True)
        self.ends_on = _date_edit(self, "ends_on")
        self.ends_on.setEnabled(False)
        ends = QWidget(self)
        el = QHBoxLayout(ends)
        el.setContentsMargins(0, 0, 0, 0)
        el.addWidget(self.open_ended)
        el.addWidget(self.ends_on, 1)
        self.note = QLineEdit(self)
        self.note.setObjectName("subscription_note")
        for name, w in (("title_id", self.title), ("unit_code", self.unit), ("department", self.department),
                        ("subscriber", self.subscriber), ("copies", self.copies), ("starts_on", self.starts_on),
                        ("ends_on", ends), ("note", self.note)):
            self.form.add_row(name, w)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("add_subscription")
        lay = QVBoxLayout(self.add_box)
        lay.addWidget(self.form)
        lay.addWidget(self.add_button)

        # End the selected line.
        self.end_box = QGroupBox(self)
        self.end_form = FieldForm(self)
        self.last_day = _date_edit(self, "last_day")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("end_reason")
        self.end_form.add_row("last_day", self.last_day)
        self.end_form.add_row("reason", self.reason)
        self.end_button = QPushButton(self)
        self.end_button.setObjectName("end_subscription")
        lay = QVBoxLayout(self.end_box)
        lay.addWidget(self.end_form)
        lay.addWidget(self.end_button)

        side = QVBoxLayout()
        side.addWidget(self.add_box)
        side.addWidget(self.end_box)
        side.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.view, 1)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(left, 3)
        outer.addLayout(side, 2)

        self._timer = debounce(self, 150, self.refresh)
        self.filter.textChanged.connect(lambda _t: self._timer.start())
        self.running_only.toggled.connect(lambda _c: self.refresh())
        self.open_ended.toggled.connect(lambda on: self.ends_on.setEnabled(not on))
        self.unit.editingFinished.connect(self._suggest_subscriber)
        self.add_button.clicked.connect(self.add)
        self.end_button.clicked.connect(self.end_selected)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.retranslate()

    def retranslate(self) -> None:
        self.filter_label.setText(self.tr("Unit"))
        self.filter.setPlaceholderText(self.tr("e.g. A-1203"))
        self.running_only.setText(self.tr("Running on the day only"))
        self.add_box.setTitle(self.tr("Add a subscription"))
        for name, text in (("title_id", self.tr("Title")), ("unit_code", self.tr("Unit")),
                           ("department", self.tr("or office department")), ("subscriber", self.tr("Subscriber")),
                           ("copies", self.tr("Copies")), ("starts_on", self.tr("From")), ("ends_on", self.tr("To")),
                           ("note", self.tr("Note"))):
            self.form.label(name).setText(text)
        self.open_ended.setText(self.tr("Until ended"))
        self.add_button.setText(self.tr("Add to the list"))
        self.end_box.setTitle(self.tr("End the selected subscription"))
        self.end_form.label("last_day").setText(self.tr("Last day"))
        self.end_form.label("reason").setText(self.tr("Why"))
        self.end_button.setText(self.tr("End subscription"))
        self.model.retranslate()
        self._update_count()

    # -- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        titles = self.services.newspapers.titles()
        current = self.title.currentData()
        self.title.blockSignals(True)
        self.title.clear()
        for t in titles:
            self.title.addItem(t.name, t.id)
        if current is not None and self.title.findData(current) >= 0:
            self.title.setCurrentIndex(self.title.findData(current))
        self.title.blockSignals(False)
        day = self.day()
        rows = self.services.newspapers.subscriptions(unit_code=self.filter.text(),
                                                      active_on=day if self.running_only.isChecked() else None)
        self.model.set_rows(rows, day)
        self._update_count()
        self._selected()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%1 line(s)").replace("%1", str(self.model.rowCount())))

    def selected(self) -> SubscriptionView | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _selected(self) -> None:
        v = self.selected()
        ended = v is not None and v.ended_at is not None
        self.end_button.setEnabled(v is not None and not ended)
        if v is not None and not ended:
            self.last_day.setDate(_qdate(max(self.day(), v.starts_on)))

    def _suggest_subscriber(self) -> None:
        """The unit's occupant as the subscriber, when nobody is typed yet."""
        code = self.unit.text().strip()
        if not code or self.subscriber.text().strip():
            return
        match = [o for o in self.services.occupants.search(code, limit=5) if o.unit_code == code.upper()]
        if match:
            self.subscriber.setText(match[0].name)

    # -- actions ------------------------------------------------------------------------

    def add(self) -> None:
        data = SubscriptionInput(
            title_id=self.title.currentData(), unit_code=self.unit.text(), department=self.department.text(),
            subscriber=self.subscriber.text(), copies=self.copies.value(), starts_on=_pydate(self.starts_on.date()),
            ends_on=None if self.open_ended.isChecked() else _pydate(self.ends_on.date()), note=self.note.text())
        view = run_action(self, lambda: self.services.newspapers.subscribe(data), self.form)
        if view is None:
            return
        for w in (self.unit, self.department, self.subscriber, self.note):
            w.clear()
        self.copies.setValue(1)
        self.changed()

    def end_selected(self) -> None:
        v = self.selected()
        if v is None:
            return
        last = _pydate(self.last_day.date())
        if run_action(self, lambda: self.services.newspapers.end_subscription(v.id, last, self.reason.text()),
                      self.end_form) is None:
            return
        self.reason.clear()
        self.changed()
