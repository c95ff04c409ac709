"""Claims against the post office for missing copies (003 (8) 7.): chase, record copies that
came later, resolve — each step kept in the claim's history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
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

from app.newspaper_rules import MAX_RECEIVED
from app.services import Services
from app.services.newspapers import ClaimView
from ui.errors import run_action
from ui.newspapers.models import ClaimHistoryModel, ClaimModel
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating
from ui.widgets.table_models import make_table_view


class ClaimsPage(Retranslating, QWidget):
    def __init__(self, services: Services, changed: Callable[[], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.changed = changed
        self.show_all = QCheckBox(self)
        self.show_all.setObjectName("claims_show_all")
        self.summary = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_all)
        self.model = ClaimModel(self)
        self.view = make_table_view(self, self.model)
        self.view.setObjectName("claims")
        self.history_box = QGroupBox(self)
        self.history_model = ClaimHistoryModel(self)
        self.history_view = make_table_view(self, self.history_model)
        self.history_view.setObjectName("claim_history")
        QVBoxLayout(self.history_box).addWidget(self.history_view)

        self.form = FieldForm(self)
        self.copies = QSpinBox(self)
        self.copies.setObjectName("claim_copies")
        self.copies.setRange(0, MAX_RECEIVED)
        self.note = QLineEdit(self)
        self.note.setObjectName("claim_note")
        self.form.add_row("copies", self.copies)
        self.form.add_row("note", self.note)
        self.received_button = QPushButton(self)
        self.received_button.setObjectName("claim_received")
        self.chase_button = QPushButton(self)
        self.chase_button.setObjectName("claim_chase")
        self.resolve_button = QPushButton(self)
        self.resolve_button.setObjectName("claim_resolve")
        buttons = QHBoxLayout()
        buttons.addWidget(self.received_button)
        buttons.addWidget(self.chase_button)
        buttons.addWidget(self.resolve_button)
        buttons.addStretch(1)

        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(top)
        ll.addWidget(self.view, 1)
        ll.addWidget(self.form)
        ll.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.history_box)
        splitter.setSizes([720, 520])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)

        self.show_all.toggled.connect(lambda _c: self.refresh())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.received_button.clicked.connect(self.record_received)
        self.chase_button.clicked.connect(self.chase)
        self.resolve_button.clicked.connect(self.resolve)
        self.retranslate()

    def retranslate(self) -> None:
        self.show_all.setText(self.tr("Show resolved claims"))
        self.history_box.setTitle(self.tr("History of the claim"))
        self.form.label("copies").setText(self.tr("Copies that came"))
        self.form.label("note").setText(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("whom you spoke to at the post office, what they said"))
        self.received_button.setText(self.tr("Copies received"))
        self.chase_button.setText(self.tr("Chased the post office"))
        self.resolve_button.setText(self.tr("Resolve"))
        self.model.retranslate()
        self.history_model.retranslate()
        self._update_summary()

    def refresh(self) -> None:
        current = self.selected()
        self.model.set_rows(self.services.newspapers.claims(open_only=not self.show_all.isChecked()))
        if current is not None:
            for r in range(self.model.rowCount()):
                if self.model.row(r).id == current.id:
                    self.view.selectRow(r)
                    break
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.selectRow(0)
        self._selected()
        self._update_summary()

    def open_count(self) -> int:
        return sum(1 for r in range(self.model.rowCount()) if self.model.row(r).open)

    def _update_summary(self) -> None:
        self.summary.setText(self.tr("%1 open claim(s)").replace("%1", str(self.open_count())))

    def selected(self) -> ClaimView | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _selected(self) -> None:
        c = self.selected()
        for b in (self.received_button, self.chase_button, self.resolve_button):
            b.setEnabled(c is not None and c.open)
        self.history_model.set_rows(self.services.newspapers.claim_history(c.id) if c else [])
        self.history_view.resizeColumnsToContents()
        if c is not None and c.open:
            self.copies.setValue(c.outstanding)

    def _act(self, fn) -> None:  # noqa: ANN001
        c = self.selected()
        if c is None:
            return
        if run_action(self, lambda: fn(c), self.form) is None:
            return
        self.note.clear()
        self.changed()

    def record_received(self) -> None:
        self._act(lambda c: self.services.newspapers.receive_claimed(c.id, self.copies.value(), self.note.text()))

    def chase(self) -> None:
        self._act(lambda c: self.services.newspapers.chase_claim(c.id, self.note.text()))

    def resolve(self) -> None:
        self._act(lambda c: self.services.newspapers.resolve_claim(c.id, self.note.text()))
