"""The newspapers and magazines the counter handles: add one, withdraw or offer it again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.newspaper_rules import FREQUENCIES, KINDS
from app.services import Services
from app.services.newspapers import TitleView
from ui.errors import run_action
from ui.newspapers.models import TitleModel
from ui.newspapers.terms import term
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating
from ui.widgets.table_models import make_table_view


class TitlesPage(Retranslating, QWidget):
    def __init__(self, services: Services, changed: Callable[[], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.changed = changed
        self.model = TitleModel(self)
        self.view = make_table_view(self, self.model)
        self.view.setObjectName("titles")
        self.toggle_button = QPushButton(self)
        self.toggle_button.setObjectName("title_toggle")
        self.add_box = QGroupBox(self)
        self.form = FieldForm(self)
        self.name = QLineEdit(self)
        self.name.setObjectName("title_name")
        self.kind = QComboBox(self)
        self.kind.setObjectName("title_kind")
        for k in KINDS:
            self.kind.addItem("", k)
        self.publisher = QLineEdit(self)
        self.publisher.setObjectName("title_publisher")
        self.frequency = QComboBox(self)
        self.frequency.setObjectName("title_frequency")
        for f in FREQUENCIES:
            self.frequency.addItem("", f)
        for n, w in (("name", self.name), ("kind", self.kind), ("publisher", self.publisher),
                     ("frequency", self.frequency)):
            self.form.add_row(n, w)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("add_title")
        lay = QVBoxLayout(self.add_box)
        lay.addWidget(self.form)
        lay.addWidget(self.add_button)
        lay.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.view, 1)
        left.addWidget(self.toggle_button)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(left, 3)
        outer.addWidget(self.add_box, 2)
        self.add_button.clicked.connect(self.add)
        self.name.returnPressed.connect(self.add)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.retranslate()

    def retranslate(self) -> None:
        self.add_box.setTitle(self.tr("Add a newspaper or magazine"))
        for n, text in (("name", self.tr("Title")), ("kind", self.tr("Kind")), ("publisher", self.tr("Publisher")),
                        ("frequency", self.tr("Comes out"))):
            self.form.label(n).setText(text)
        for combo in (self.kind, self.frequency):
            for i in range(combo.count()):
                combo.setItemText(i, term(combo.itemData(i)))
        self.add_button.setText(self.tr("Add title"))
        self.model.retranslate()
        self._selected()

    def refresh(self) -> None:
        self.model.set_rows(self.services.newspapers.titles(include_inactive=True))
        self.view.resizeColumnsToContents()
        self._selected()

    def selected(self) -> TitleView | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _selected(self) -> None:
        t = self.selected()
        self.toggle_button.setEnabled(t is not None)
        self.toggle_button.setText(self.tr("Offer again") if t is not None and not t.active
                                   else self.tr("Withdraw title"))

    def add(self) -> None:
        view = run_action(self, lambda: self.services.newspapers.add_title(
            self.name.text(), self.kind.currentData(), self.publisher.text(), self.frequency.currentData()), self.form)
        if view is None:
            return
        self.name.clear()
        self.publisher.clear()
        self.changed()

    def toggle_selected(self) -> None:
        t = self.selected()
        if t is None:
            return
        if run_action(self, lambda: self.services.newspapers.set_title_active(t.id, not t.active)) is not None:
            self.changed()
