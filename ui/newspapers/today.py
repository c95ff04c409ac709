"""The day's work: count each title with the postman (expected vs received; a shortfall raises a
claim), then tick the units and mark their copies delivered (signed for, or into the slot)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.newspaper_rules import MAX_RECEIVED, METHODS
from app.services import Services
from app.services.newspapers import DaySheetLine, DeliveryInput
from ui.errors import run_action
from ui.newspapers.models import DeliveryModel, SheetModel
from ui.newspapers.terms import term
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating
from ui.widgets.table_models import make_table_view


class TodayPage(Retranslating, QWidget):
    def __init__(self, services: Services, day: Callable[[], date], changed: Callable[[], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.day = day
        self.changed = changed

        # The count with the postman.
        self.count_box = QGroupBox(self)
        self.sheet_model = SheetModel(self)
        self.sheet_view = make_table_view(self, self.sheet_model, alternating=False)
        self.sheet_view.setObjectName("newspaper_sheet")
        self.count_form = FieldForm(self)
        self.received = QSpinBox(self)
        self.received.setObjectName("received")
        self.received.setRange(0, MAX_RECEIVED)
        self.count_note = QLineEdit(self)
        self.count_note.setObjectName("count_note")
        self.count_form.add_row("received", self.received)
        self.count_form.add_row("note", self.count_note)
        self.record_button = QPushButton(self)
        self.record_button.setObjectName("record_count")
        self.count_hint = QLabel(self)
        self.count_hint.setWordWrap(True)
        # Weeklies and magazines come on their own days: listed once counted, or on request.
        self.show_all = QCheckBox(self)
        self.show_all.setObjectName("show_not_due")
        lay = QVBoxLayout(self.count_box)
        lay.addWidget(self.show_all)
        lay.addWidget(self.sheet_view, 1)
        lay.addWidget(self.count_hint)
        row = QHBoxLayout()
        row.addWidget(self.count_form, 1)
        row.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(row)

        # Delivery to the units.
        self.deliver_box = QGroupBox(self)
        self.delivery_model = DeliveryModel(self)
        self.delivery_view = make_table_view(self, self.delivery_model, alternating=False)
        self.delivery_view.setObjectName("newspaper_deliveries")
        self.deliver_form = FieldForm(self)
        self.method = QComboBox(self)
        self.method.setObjectName("method")
        for m in METHODS[::-1]:  # the mail slot first: the everyday case
            self.method.addItem("", m)
        self.received_by = QLineEdit(self)
        self.received_by.setObjectName("received_by")
        self.deliver_form.add_row("method", self.method)
        self.deliver_form.add_row("received_by", self.received_by)
        self.tick_button = QPushButton(self)
        self.tick_button.setObjectName("tick_ready")
        self.deliver_button = QPushButton(self)
        self.deliver_button.setObjectName("deliver_ticked")
        self.deliver_summary = QLabel(self)
        self.pending_only = QCheckBox(self)
        self.pending_only.setObjectName("pending_only")
        self._plan: list = []  # the whole day's plan; the table may show only what is left
        lay = QVBoxLayout(self.deliver_box)
        lay.addWidget(self.pending_only)
        lay.addWidget(self.delivery_view, 1)
        lay.addWidget(self.deliver_summary)
        row = QHBoxLayout()
        row.addWidget(self.deliver_form, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.tick_button)
        buttons.addWidget(self.deliver_button)
        row.addLayout(buttons)
        lay.addLayout(row)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.count_box)
        splitter.addWidget(self.deliver_box)
        splitter.setSizes([560, 700])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)

        self.show_all.toggled.connect(lambda _c: self.refresh())
        self.pending_only.toggled.connect(lambda _c: self._show_plan())
        self.record_button.clicked.connect(self.record_count)
        self.tick_button.clicked.connect(self.tick_ready)
        self.deliver_button.clicked.connect(self.deliver_ticked)
        self.method.currentIndexChanged.connect(lambda _i: self._method_changed())
        self.sheet_view.selectionModel().currentRowChanged.connect(lambda *_: self._sheet_selected())
        self.delivery_model.dataChanged.connect(lambda *_: self._update_summary())
        self.retranslate()

    def retranslate(self) -> None:
        self.count_box.setTitle(self.tr("Count with the postman"))
        self.show_all.setText(self.tr("Also titles not due today (weeklies, magazines)"))
        self.count_form.label("received").setText(self.tr("Copies received"))
        self.count_form.label("note").setText(self.tr("Note"))
        self.record_button.setText(self.tr("Record count"))
        self.deliver_box.setTitle(self.tr("Deliver to the units"))
        self.pending_only.setText(self.tr("Only what is still to deliver"))
        self.deliver_form.label("method").setText(self.tr("How"))
        self.deliver_form.label("received_by").setText(self.tr("Signed by"))
        for i in range(self.method.count()):
            self.method.setItemText(i, term(self.method.itemData(i)))
        self.tick_button.setText(self.tr("Tick all ready"))
        self.deliver_button.setText(self.tr("Mark ticked delivered"))
        self.sheet_model.retranslate()
        self.delivery_model.retranslate()
        self._sheet_selected()
        self._update_summary()

    # -- data ---------------------------------------------------------------------------

    def refresh(self) -> None:
        day = self.day()
        current = self.selected_line()
        every = self.show_all.isChecked()
        self.sheet_model.set_rows([ln for ln in self.services.newspapers.day_sheet(day) if every or ln.due])
        self._plan = self.services.newspapers.delivery_plan(day, due_only=not every)
        self._show_plan()
        self.sheet_view.resizeColumnsToContents()
        if current is not None:
            self.select_title(current.title.id)
        elif self.sheet_model.rowCount():
            self.sheet_view.selectRow(0)
        self._sheet_selected()
        self._update_summary()

    def _show_plan(self) -> None:
        pending = self.pending_only.isChecked()
        self.delivery_model.set_rows([ln for ln in self._plan if not (pending and ln.delivered)])
        self._update_summary()

    def selected_line(self) -> DaySheetLine | None:
        index = self.sheet_view.currentIndex()
        return self.sheet_model.row(index.row()) if index.isValid() else None

    def select_title(self, title_id: int) -> None:
        for r in range(self.sheet_model.rowCount()):
            if self.sheet_model.row(r).title.id == title_id:
                self.sheet_view.selectRow(r)
                return

    def _sheet_selected(self) -> None:
        ln = self.selected_line()
        counted = ln is not None and ln.receipt is not None
        self.record_button.setEnabled(ln is not None and not counted)
        self.received.setEnabled(ln is not None and not counted)
        if ln is None:
            self.count_hint.setText(self.tr("Nothing is expected on this day. A magazine that came: "
                                            "tick the box above to count it."))
        elif counted:
            r = ln.receipt
            self.received.setValue(r.received)
            self.count_hint.setText(self.tr("%1: counted at %2 by %3 — %4 of %5 expected.")
                                    .replace("%1", ln.title.name).replace("%2", r.recorded_at.strftime("%H:%M"))
                                    .replace("%3", r.recorded_by).replace("%4", str(r.received))
                                    .replace("%5", str(r.expected)))
        else:
            self.count_hint.setText(self.tr("%1: %2 copies expected from the subscriptions running today.")
                                    .replace("%1", ln.title.name).replace("%2", str(ln.expected)))
            self.received.setValue(ln.expected)

    def _method_changed(self) -> None:
        signed = self.method.currentData() == "signed"
        self.received_by.setEnabled(signed)

    def _update_summary(self) -> None:
        lines = self._plan
        done = sum(1 for ln in lines if ln.delivered)
        self.deliver_summary.setText(self.tr("%1 of %2 delivered, %3 ticked")
                                     .replace("%1", str(done)).replace("%2", str(len(lines)))
                                     .replace("%3", str(len(self.delivery_model.ticked()))))
        self.deliver_button.setEnabled(bool(self.delivery_model.ticked()))
        self._method_changed()

    # -- actions ------------------------------------------------------------------------

    def record_count(self) -> None:
        ln = self.selected_line()
        if ln is None:
            return
        receipt = run_action(self, lambda: self.services.newspapers.record_receipt(
            ln.title.id, self.day(), self.received.value(), self.count_note.text()), self.count_form)
        if receipt is None:
            return
        self.count_note.clear()
        self.changed()

    def tick_ready(self) -> None:
        self.delivery_model.tick_all(True)
        self._update_summary()

    def deliver_ticked(self) -> None:
        ticked = self.delivery_model.ticked()
        if not ticked:
            return
        method = self.method.currentData()
        who = self.received_by.text() if method == "signed" else ""
        lines = [DeliveryInput(ln.subscription.id, method, who) for ln in ticked]

        def act():  # noqa: ANN202
            try:
                return self.services.newspapers.deliver(self.day(), lines)
            except ValidationError as exc:
                # one method and one signer for every ticked line: show it under the form's field
                raise ValidationError({k.split(".")[0]: v for k, v in exc.fields.items()}) from exc

        if run_action(self, act, self.deliver_form) is None:
            return
        self.received_by.clear()
        self.changed()
