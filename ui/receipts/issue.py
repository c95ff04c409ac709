"""Issuing a receipt (开收据): payer, lines from the fee catalogue, method; the total in figures
and in Chinese capitals (大写) follows every keystroke."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.receipt_rules import MAX_AMOUNT, MAX_QUANTITY, PAYER_KINDS, PAYMENT_METHODS, amount_in_words, to_money
from app.services import Services
from app.services.fees import FeeItemView
from app.services.receipts import MAX_LINES, LineInput, Payer, ReceiptInput, ReceiptView
from ui.errors import run_action
from ui.format import fmt_money
from ui.receipts.texts import fee_name, method_name, payer_kind_name
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating
from ui.widgets.suggest import Suggester

ZERO = Decimal("0.00")


class PayerField(QLineEdit):
    """The payer's name; for an occupant it suggests from the directory (unit, name, pinyin)."""

    sig_picked = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self.occupant = None
        self.setMaxLength(128)
        self.suggester = Suggester(self, self._fetch)
        self.suggester.sig_picked.connect(self._picked)
        self.textEdited.connect(lambda _t: setattr(self, "occupant", None))

    def set_occupant_mode(self, on: bool) -> None:
        self.suggester.enabled = on
        self.occupant = None

    def _fetch(self, text: str):
        return [(o.label, o) for o in self._services.occupants.search(text, limit=12)]

    def _picked(self, occupant) -> None:  # noqa: ANN001 - OccupantView
        self.occupant = occupant
        self.setText(occupant.label)
        self.sig_picked.emit(occupant)


class LinesEditor(QTableWidget):
    """Receipt lines: fee item, description, quantity, unit price, amount (computed)."""

    sig_changed = Signal()
    COLUMNS = 5

    def __init__(self, items: list[FeeItemView], parent: QWidget | None = None):
        super().__init__(0, self.COLUMNS, parent)
        self.items = items
        self._rows: list[tuple[QComboBox, QLineEdit, QSpinBox, QLineEdit]] = []
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 170), (2, 70), (3, 110), (4, 110)):
            self.setColumnWidth(col, width)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setMinimumHeight(170)

    def add_line(self, item_id: int | None = None) -> int:
        """Append a line (with the catalogue item ``item_id`` chosen); returns its row."""
        if len(self._rows) >= MAX_LINES:
            return -1
        row = self.rowCount()
        self.insertRow(row)
        fee = QComboBox(self)
        fee.addItem("", None)  # free text ("other")
        for it in self.items:
            fee.addItem(fee_name(it), it.id)
        desc = QLineEdit(self)
        desc.setMaxLength(128)
        qty = QSpinBox(self)
        qty.setRange(1, MAX_QUANTITY)
        price = QLineEdit(self)
        price.setAlignment(Qt.AlignmentFlag.AlignRight)
        price.setMaxLength(14)
        amount = QTableWidgetItem("")
        amount.setFlags(Qt.ItemFlag.ItemIsEnabled)
        amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for col, w in ((0, fee), (1, desc), (2, qty), (3, price)):
            self.setCellWidget(row, col, w)
        self.setItem(row, 4, amount)
        self._rows.append((fee, desc, qty, price))
        fee.currentIndexChanged.connect(lambda _i, f=fee: self._fee_chosen(f))
        desc.textEdited.connect(lambda _t: self.sig_changed.emit())
        qty.valueChanged.connect(lambda _v: self._recalc())
        price.textChanged.connect(lambda _t: self._recalc())
        if item_id is not None:
            fee.setCurrentIndex(max(0, fee.findData(item_id)))
        self._recalc()
        return row

    def remove_line(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self._rows.pop(row)
            self.removeRow(row)
            self._recalc()

    def line_count(self) -> int:
        return len(self._rows)

    def widgets(self, row: int) -> tuple[QComboBox, QLineEdit, QSpinBox, QLineEdit]:
        return self._rows[row]

    def _item(self, item_id: int | None) -> FeeItemView | None:
        return next((it for it in self.items if it.id == item_id), None)

    def _fee_chosen(self, combo: QComboBox) -> None:
        row = next(i for i, w in enumerate(self._rows) if w[0] is combo)
        _, desc, _qty, price = self._rows[row]
        item = self._item(combo.currentData())
        if item is not None:
            desc.setText(item.name_zh)  # the receipt is printed in Chinese
            price.setText(f"{item.default_price:.2f}")
        self._recalc()

    def _price(self, row: int) -> Decimal | None:
        text = self._rows[row][3].text().strip()
        if not text:
            return None
        try:
            return to_money(text)
        except DomainError:
            return None

    def amounts(self) -> list[Decimal | None]:
        """Each line's amount, None where the price cannot be read yet."""
        out = []
        for i, (_f, _d, qty, _p) in enumerate(self._rows):
            price = self._price(i)
            out.append(None if price is None else (price * qty.value()).quantize(Decimal("0.01")))
        return out

    def total(self) -> Decimal | None:
        """The receipt's total, None while a price is missing or not an amount."""
        amounts = self.amounts()
        if not amounts or any(a is None for a in amounts):
            return None
        return sum(amounts, ZERO)

    def _recalc(self) -> None:
        for i, a in enumerate(self.amounts()):
            self.item(i, 4).setText(fmt_money(a) if a is not None else "—")
        self.sig_changed.emit()

    def lines(self) -> tuple[LineInput, ...]:
        out = []
        for fee, desc, qty, price in self._rows:
            out.append(LineInput(fee.currentData(), desc.text(), price.text().strip() or None, qty.value()))
        return tuple(out)

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Fee"), self.tr("Description"), self.tr("Qty"),
                                        self.tr("Unit price"), self.tr("Amount")])
        for fee, *_ in self._rows:
            fee.setItemText(0, self.tr("(other)"))
            for i in range(1, fee.count()):
                item = self._item(fee.itemData(i))
                if item is not None:
                    fee.setItemText(i, fee_name(item))


class IssueReceiptDialog(Retranslating, QDialog):
    """Fill in and issue one receipt; ``result_value`` is the issued ``ReceiptView``."""

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.result_value: ReceiptView | None = None
        self.form = FieldForm(self)
        self.payer_kind = QComboBox(self)
        self.payer_kind.setObjectName("payer_kind")
        for k in PAYER_KINDS:
            self.payer_kind.addItem("", k)
        self.payer = PayerField(services, self)
        self.payer.setObjectName("payer")
        self.unit = QLineEdit(self)
        self.unit.setObjectName("unit")
        self.unit.setMaxLength(32)
        self.lines = LinesEditor(services.fees.list(), self)
        self.lines.setObjectName("lines")
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(self.add_button)
        line_buttons.addWidget(self.remove_button)
        line_buttons.addStretch(1)
        lines_box = QWidget(self)
        lb = QVBoxLayout(lines_box)
        lb.setContentsMargins(0, 0, 0, 0)
        lb.addWidget(self.lines)
        lb.addLayout(line_buttons)
        self.method = QComboBox(self)
        self.method.setObjectName("method")
        for m in PAYMENT_METHODS:
            self.method.addItem("", m)
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        self.note.setMaxLength(500)
        self.paper = QComboBox(self)
        self.paper.setObjectName("paper")
        for p in ("roll", "a5", ""):
            self.paper.addItem("", p)

        self.form.add_row("payer_kind", self.payer_kind)
        self.form.add_row("payer", self.payer)
        self.form.add_row("unit", self.unit)
        self.form.add_row("lines", lines_box, aliases=tuple(f"line{i}" for i in range(MAX_LINES)))
        self.form.add_row("method", self.method)
        self.form.add_row("note", self.note, aliases=("reference",))
        self.form.add_row("paper", self.paper)

        self.total_label = QLabel(self)
        self.total_label.setObjectName("total")
        self.total_label.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.words_label = QLabel(self)
        self.words_label.setObjectName("total_words")
        self.words_label.setStyleSheet("font-size: 16px;")
        self.words_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.total_caption = QLabel(self)
        self.words_caption = QLabel(self)
        totals = QHBoxLayout()
        totals.addWidget(self.total_caption)
        totals.addWidget(self.total_label)
        totals.addSpacing(24)
        totals.addWidget(self.words_caption)
        totals.addWidget(self.words_label, 1)

        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("issue")
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(totals)
        layout.addWidget(self.buttons)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self).activated.connect(self.save)
        QShortcut(QKeySequence("Ctrl+Shift+N"), self).activated.connect(self.add_line)

        self.payer_kind.currentIndexChanged.connect(self._kind_changed)
        self.add_button.clicked.connect(self.add_line)
        self.remove_button.clicked.connect(self.remove_line)
        self.lines.sig_changed.connect(self.update_total)
        self.resize(820, 560)
        self.lines.add_line()
        self._kind_changed()
        self.retranslate()
        self.payer.setFocus()

    # -- state -----------------------------------------------------------------------------

    def set_payer_kind(self, kind: str) -> None:
        self.payer_kind.setCurrentIndex(self.payer_kind.findData(kind))

    def _kind_changed(self, _i: int = 0) -> None:
        occupant = self.payer_kind.currentData() == "occupant"
        self.payer.set_occupant_mode(occupant)
        self.unit.setEnabled(not occupant)
        if occupant:
            self.unit.clear()
        self._retranslate_payer()

    def add_line(self) -> None:
        row = self.lines.add_line()
        if row >= 0:
            self.lines.widgets(row)[0].setFocus()

    def remove_line(self) -> None:
        row = self.lines.currentRow()
        self.lines.remove_line(row if row >= 0 else self.lines.line_count() - 1)

    def update_total(self) -> None:
        total = self.lines.total()
        if total is None or total > MAX_AMOUNT:
            self.total_label.setText("—")
            self.words_label.setText("")
            return
        self.total_label.setText(fmt_money(total))
        self.words_label.setText(amount_in_words(total))

    def value(self) -> ReceiptInput:
        kind = self.payer_kind.currentData()
        if kind == "occupant":
            occ = self.payer.occupant
            payer = Payer("occupant", occupant_id=occ.id if occ else None)
        else:
            payer = Payer(kind, name=self.payer.text(), unit_code=self.unit.text())
        return ReceiptInput(payer, self.lines.lines(), self.method.currentData(), note=self.note.text())

    def paper_choice(self) -> str:
        """``roll``, ``a5`` or ``""`` (no printout)."""
        return self.paper.currentData()

    def save(self) -> ReceiptView | None:
        result = run_action(self, lambda: self.services.receipts.issue(self.value()), form=self.form)
        if result is not None:
            self.result_value = result
            self.accept()
        return result

    # -- texts -----------------------------------------------------------------------------

    def _retranslate_payer(self) -> None:
        occupant = self.payer_kind.currentData() == "occupant"
        self.payer.setPlaceholderText(self.tr("Unit, name or pinyin initials — pick from the list") if occupant
                                      else self.tr("Name of the company or person"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Issue a receipt"))
        f = self.form
        f.label("payer_kind").setText(self.tr("Payer &is"))
        f.label("payer").setText(self.tr("&Payer"))
        f.label("unit").setText(self.tr("&Unit (optional)"))
        f.label("lines").setText(self.tr("Lines"))
        f.label("method").setText(self.tr("Paid &by"))
        f.label("note").setText(self.tr("&Note"))
        f.label("paper").setText(self.tr("P&rint on"))
        for i in range(self.payer_kind.count()):
            self.payer_kind.setItemText(i, payer_kind_name(self.payer_kind.itemData(i)))
        for i in range(self.method.count()):
            self.method.setItemText(i, method_name(self.method.itemData(i)))
        papers = {"roll": self.tr("80 mm receipt roll"), "a5": self.tr("A5, three copies"), "": self.tr("Do not print")}
        for i in range(self.paper.count()):
            self.paper.setItemText(i, papers[self.paper.itemData(i)])
        self.unit.setPlaceholderText(self.tr("e.g. A-1203"))
        self.add_button.setText(self.tr("&Add line"))
        self.remove_button.setText(self.tr("Remo&ve line"))
        self.total_caption.setText(self.tr("Total:"))
        self.words_caption.setText(self.tr("In words (大写):"))
        self.ok_button.setText(self.tr("&Issue receipt"))
        self.lines.retranslate()
        self._retranslate_payer()
