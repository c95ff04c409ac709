"""The receipts list as a Qt model: rows are ``ReceiptView``s already loaded (no query per cell)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.receipts import ReceiptView
from ui.format import fmt_datetime, fmt_money
from ui.receipts.texts import method_name
from ui.widgets.table_models import RowTableModel

VOID_TEXT = QBrush(QColor("#9e9e9e"))
VOID_BACK = QBrush(QColor("#fce4ec"))
REFUND_BACK = QBrush(QColor("#fff8e1"))
_DISPLAY = Qt.ItemDataRole.DisplayRole


_HEADERS = (
    QT_TRANSLATE_NOOP("ReceiptTable", "Number"),
    QT_TRANSLATE_NOOP("ReceiptTable", "Issued"),
    QT_TRANSLATE_NOOP("ReceiptTable", "Payer"),
    QT_TRANSLATE_NOOP("ReceiptTable", "For"),
    QT_TRANSLATE_NOOP("ReceiptTable", "Total"),
    QT_TRANSLATE_NOOP("ReceiptTable", "Paid by"),
    QT_TRANSLATE_NOOP("ReceiptTable", "Status"),
    QT_TRANSLATE_NOOP("ReceiptTable", "Cashier"),
)


class ReceiptTableModel(RowTableModel):
    COLUMNS = ("number", "issued_at", "payer", "items", "total", "method", "status", "issued_by")

    def set_rows(self, rows: list[ReceiptView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def receipt(self, row: int) -> ReceiptView | None:
        return self.row(row)

    def row_of(self, receipt_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == receipt_id), -1)

    def replace(self, view: ReceiptView) -> None:
        """Show a changed receipt (voided, refunded) in place."""
        i = self.row_of(view.id)
        if i >= 0:
            self._rows[i] = view
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))

    def _headers(self) -> tuple[str, ...]:
        return tuple(QCoreApplication.translate("ReceiptTable", h) for h in _HEADERS)

    @staticmethod
    def status_text(r: ReceiptView) -> str:
        if r.voided:
            return QCoreApplication.translate("ReceiptTable", "Void")
        if r.refunded:
            return QCoreApplication.translate("ReceiptTable", "Refunded %1").replace("%1", fmt_money(r.refunded))
        return ""

    def data(self, index: QModelIndex, role=_DISPLAY):  # noqa: ANN001
        r = self.row(index.row()) if index.isValid() else None
        if r is None:
            return None
        col = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            if col == "number":
                return r.number
            if col == "issued_at":
                return fmt_datetime(r.issued_at)
            if col == "payer":
                return r.payer_label
            if col == "items":
                return "、".join(ln.description for ln in r.lines)
            if col == "total":
                return fmt_money(r.total)
            if col == "method":
                return method_name(r.method)
            if col == "status":
                return self.status_text(r)
            if col == "issued_by":
                return r.issued_by
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "total":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and r.voided:
            return VOID_TEXT
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.voided:
                return VOID_BACK
            if r.refunded:
                return REFUND_BACK
        if role == Qt.ItemDataRole.FontRole and col == "total" and not r.voided:
            return self._bold
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None
