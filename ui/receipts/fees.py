"""The fee catalogue (收费项目) for administrators: names, default prices, deposits, order.

Items are never deleted: one no longer charged is unticked "Offered" and disappears from
new receipts while old receipts keep it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services import Services
from app.services.fees import FeeItemInput, FeeItemView
from ui.errors import run_action
from ui.format import fmt_money
from ui.receipts.dialogs import money_edit
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating
from ui.widgets.table_models import RowTableModel, make_table_view

_DISPLAY = Qt.ItemDataRole.DisplayRole


_HEADERS = (
    QT_TRANSLATE_NOOP("FeeCatalog", "Code"),
    QT_TRANSLATE_NOOP("FeeCatalog", "Chinese name"),
    QT_TRANSLATE_NOOP("FeeCatalog", "English name"),
    QT_TRANSLATE_NOOP("FeeCatalog", "Default price"),
    QT_TRANSLATE_NOOP("FeeCatalog", "Deposit"),
    QT_TRANSLATE_NOOP("FeeCatalog", "Offered"),
)


class FeeTableModel(RowTableModel):
    COLUMNS = ("code", "name_zh", "name_en", "default_price", "refundable", "active")

    def set_rows(self, rows: list[FeeItemView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _headers(self) -> tuple[str, ...]:
        return tuple(QCoreApplication.translate("FeeCatalog", h) for h in _HEADERS)

    def data(self, index: QModelIndex, role=_DISPLAY):  # noqa: ANN001
        f = self.row(index.row()) if index.isValid() else None
        if f is None:
            return None
        col = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            if col == "default_price":
                return fmt_money(f.default_price)
            if col in ("refundable", "active"):
                return "✓" if getattr(f, col) else ""
            return getattr(f, col)
        if role == Qt.ItemDataRole.ForegroundRole and not f.active:
            from PySide6.QtGui import QBrush, QColor

            return QBrush(QColor("#9e9e9e"))
        return None


class FeeCatalogDialog(Retranslating, QDialog):
    """List every item; edit the selected one or add a new one (administrators)."""

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.editing: FeeItemView | None = None
        self.changed = False
        self.model = FeeTableModel(self)
        self.view = make_table_view(self, self.model)
        self.form = FieldForm(self)
        self.code = QLineEdit(self)
        self.code.setObjectName("code")
        self.code.setMaxLength(32)
        self.name_zh = QLineEdit(self)
        self.name_zh.setObjectName("name_zh")
        self.name_zh.setMaxLength(64)
        self.name_en = QLineEdit(self)
        self.name_en.setObjectName("name_en")
        self.name_en.setMaxLength(64)
        self.price = money_edit(self, "0.00")
        self.price.setObjectName("default_price")
        self.refundable = QCheckBox(self)
        self.refundable.setObjectName("refundable")
        self.active = QCheckBox(self)
        self.active.setObjectName("active")
        self.order = QSpinBox(self)
        self.order.setObjectName("sort_order")
        self.order.setRange(0, 9999)
        for name, w in (("code", self.code), ("name_zh", self.name_zh), ("name_en", self.name_en),
                        ("default_price", self.price), ("refundable", self.refundable), ("active", self.active),
                        ("sort_order", self.order)):
            self.form.add_row(name, w)
        self.new_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("save_fee")
        self.save_button.setDefault(True)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_buttons.rejected.connect(self.accept)
        right = QVBoxLayout()
        right.addWidget(self.form)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        right.addLayout(row)
        right.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.view, 3)
        top.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.close_buttons)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _p: self.edit_row(cur.row()))
        self.new_button.clicked.connect(self.new_item)
        self.save_button.clicked.connect(self.save)
        self.resize(980, 460)
        self.refresh()
        self.new_item()
        self.retranslate()

    def refresh(self) -> None:
        self.model.set_rows(self.services.fees.list(include_inactive=True))

    def edit_row(self, row: int) -> None:
        item = self.model.row(row)
        if item is None:
            return
        self.editing = item
        self.code.setText(item.code)
        self.code.setReadOnly(True)  # other modules refer to an item by its code
        self.name_zh.setText(item.name_zh)
        self.name_en.setText(item.name_en)
        self.price.setText(f"{item.default_price:.2f}")
        self.refundable.setChecked(item.refundable)
        self.active.setChecked(item.active)
        self.order.setValue(item.sort_order)
        self.form.clear_errors()

    def new_item(self) -> None:
        self.editing = None
        self.view.clearSelection()
        for w in (self.code, self.name_zh, self.name_en):
            w.clear()
        self.code.setReadOnly(False)
        self.price.setText("0.00")
        self.refundable.setChecked(False)
        self.active.setChecked(True)
        self.order.setValue(max((r.sort_order for r in self.model._rows), default=0) + 10)
        self.form.clear_errors()
        self.code.setFocus()

    def value(self) -> FeeItemInput:
        return FeeItemInput(self.code.text(), self.name_zh.text(), self.name_en.text(), self.price.text(),
                            self.refundable.isChecked(), self.active.isChecked(), self.order.value())

    def save(self) -> FeeItemView | None:
        editing = self.editing
        fn = (lambda: self.services.fees.update(editing.id, self.value())) if editing else (
            lambda: self.services.fees.create(self.value()))
        result = run_action(self, fn, form=self.form)
        if result is not None:
            self.changed = True
            self.refresh()
            row = next((i for i, r in enumerate(self.model._rows) if r.id == result.id), -1)
            if row >= 0:
                self.view.selectRow(row)
        return result

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Fee catalogue"))
        f = self.form
        f.label("code").setText(self.tr("&Code"))
        f.label("name_zh").setText(self.tr("Chinese &name"))
        f.label("name_en").setText(self.tr("&English name"))
        f.label("default_price").setText(self.tr("Default &price (¥)"))
        f.label("refundable").setText("")
        f.label("active").setText("")
        f.label("sort_order").setText(self.tr("&Order"))
        self.refundable.setText(self.tr("A deposit (refunded later with a refund slip)"))
        self.active.setText(self.tr("Offered on new receipts"))
        self.code.setPlaceholderText(self.tr("e.g. parking_card (fixed once saved)"))
        self.new_button.setText(self.tr("&New item"))
        self.save_button.setText(self.tr("&Save item"))
        self.model.retranslate()
