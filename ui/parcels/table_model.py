"""The parcel lists as a Qt model: rows are ``ParcelView``s held in memory (no query per cell).

Waiting items past ``parcels.reminder_days`` are amber, past ``parcels.uncollected_days``
red; a failed check digit (probable misread) and the flags show in their own column.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.parcels import ParcelView
from ui.format import fmt_datetime
from ui.messages import parcel_state_name, parcel_type_name
from ui.widgets.table_models import RowTableModel

REMIND_BRUSH = QBrush(QColor("#ffe0b2"))
OVERDUE_BRUSH = QBrush(QColor("#ffcdd2"))
ESCALATED_BRUSH = QBrush(QColor("#e1bee7"))
MISREAD_TEXT = QBrush(QColor("#b00020"))

_DISPLAY = Qt.ItemDataRole.DisplayRole

def carrier_label(code: str, names: dict[str, tuple[str, str]]) -> str:
    """The carrier's name in the language shown (names come from the carrier rules, as data)."""
    zh, en = names.get(code, ("", ""))
    if code == "other" and not (zh or en):
        return QCoreApplication.translate("ParcelTable", "Other")
    chinese = QLocale().language() == QLocale.Language.Chinese
    return (zh if chinese else en) or en or zh or code


def flag_text(p: ParcelView) -> str:
    words = []
    if p.misread:
        words.append(QCoreApplication.translate("ParcelTable", "check digit failed"))
    if p.signature_required:
        words.append(QCoreApplication.translate("ParcelTable", "signature"))
    if p.perishable:
        words.append(QCoreApplication.translate("ParcelTable", "perishable"))
    if p.fragile:
        words.append(QCoreApplication.translate("ParcelTable", "fragile"))
    if p.suspicious:
        words.append(QCoreApplication.translate("ParcelTable", "suspicious"))
    if p.damaged:
        words.append(QCoreApplication.translate("ParcelTable", "damaged"))
    return ", ".join(words)


class ParcelTableModel(RowTableModel):
    COLUMNS = ("code", "item_type", "carrier", "unit", "recipient", "shelf", "received_at", "days", "state",
               "flags")

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._at = datetime.now()
        self.remind_days = 3
        self.uncollected_days = 30
        self.carrier_names: dict[str, tuple[str, str]] = {}

    def _headers(self) -> tuple[str, ...]:
        return (QCoreApplication.translate("ParcelTable", "Number"), QCoreApplication.translate("ParcelTable", "Type"), QCoreApplication.translate("ParcelTable", "Carrier"), QCoreApplication.translate("ParcelTable", "Unit"), QCoreApplication.translate("ParcelTable", "Recipient"), QCoreApplication.translate("ParcelTable", "Shelf"), QCoreApplication.translate("ParcelTable", "Received"),
                QCoreApplication.translate("ParcelTable", "Days"), QCoreApplication.translate("ParcelTable", "State"), QCoreApplication.translate("ParcelTable", "Flags"))

    def set_rows(self, rows: list[ParcelView], *, at: datetime | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._at = at or datetime.now()
        self.endResetModel()

    def item(self, row: int) -> ParcelView | None:
        return self.row(row)

    def row_of(self, item_id: int) -> int:
        for i, p in enumerate(self._rows):
            if p.id == item_id:
                return i
        return -1

    def put(self, item: ParcelView, *, first: bool = False) -> None:
        """Show one item as the service returned it: its row updated, or a new row (no reload)."""
        row = self.row_of(item.id)
        if row >= 0:
            self._rows[row] = item
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
            return
        at = 0 if first else len(self._rows)
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, item)
        self.endInsertRows()

    def remove(self, item_id: int) -> None:
        row = self.row_of(item_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def days(self, p: ParcelView) -> int:
        return max(0, (self._at - p.received_at).days)

    def data(self, index, role=_DISPLAY):  # noqa: ANN001
        if not index.isValid():
            return None
        p: ParcelView = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            if col == "code":
                return p.code
            if col == "item_type":
                return parcel_type_name(p.item_type)
            if col == "carrier":
                return carrier_label(p.carrier, self.carrier_names)
            if col == "unit":
                return p.unit_code or QCoreApplication.translate("ParcelTable", "(not assigned)")
            if col == "recipient":
                return p.recipient_name
            if col == "shelf":
                return p.shelf
            if col == "received_at":
                return fmt_datetime(p.received_at)
            if col == "days":
                return str(self.days(p)) if p.state in ("waiting", "escalated") else ""
            if col == "state":
                if p.state == "picked_up" and p.picked_up_at:
                    return QCoreApplication.translate("ParcelTable", "%1 %2 by %3").replace("%1", parcel_state_name(p.state)) \
                        .replace("%2", fmt_datetime(p.picked_up_at)).replace("%3", p.picked_up_by)
                return parcel_state_name(p.state)
            if col == "flags":
                return flag_text(p)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if p.state == "escalated":
                return ESCALATED_BRUSH
            if p.state == "waiting":
                d = self.days(p)
                if d >= self.uncollected_days:
                    return OVERDUE_BRUSH
                if d >= self.remind_days:
                    return REMIND_BRUSH
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col in ("code", "flags") and p.misread:
            return MISREAD_TEXT
        if role == Qt.ItemDataRole.ToolTipRole and col == "code" and p.misread:
            return QCoreApplication.translate("ParcelTable", "The carrier's check digit does not match: probably a misread scan. Check the number.")
        return None
