"""The Newspapers tab's tables as Qt models. ``data()`` reads only the rows in memory; each
refresh asks the service once."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.newspapers import (
    ClaimEventView,
    ClaimView,
    DaySheetLine,
    DeliveryLine,
    SubscriptionView,
    TitleView,
)
from ui.format import fmt_date, fmt_datetime
from ui.newspapers.terms import term
from ui.widgets.table_models import RowTableModel

_DISPLAY = Qt.ItemDataRole.DisplayRole
_CHECK = Qt.ItemDataRole.CheckStateRole
SHORT_BRUSH = QBrush(QColor("#ffcdd2"))
SHORT_TEXT = QBrush(QColor("#b71c1c"))
MUTED_TEXT = QBrush(QColor("#757575"))
DONE_BRUSH = QBrush(QColor("#e8f5e9"))


class SheetModel(RowTableModel):
    """Today's count per title: expected, received, missing, delivered, claim."""

    COLUMNS = ("title", "kind", "expected", "received", "missing", "delivered", "claim")

    def set_rows(self, rows: list[DaySheetLine]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Title"), self.tr("Kind"), self.tr("Expected"), self.tr("Received"), self.tr("Missing"),
                self.tr("Delivered"), self.tr("Claim"))

    def data(self, index: QModelIndex | QPersistentModelIndex, role=_DISPLAY):  # noqa: ANN001
        if not index.isValid():
            return None
        ln: DaySheetLine = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            if col == "title":
                return ln.title.name
            if col == "kind":
                return term(ln.title.kind)
            if col == "expected":
                return str(ln.expected)
            if col == "received":
                return "—" if ln.receipt is None else str(ln.receipt.received)
            if col == "missing":
                return str(ln.missing) if ln.missing else ""
            if col == "delivered":
                return str(ln.delivered)
            if col == "claim":
                claim = ln.receipt.claim if ln.receipt else None
                if claim is None:
                    return ""
                return f"{term(claim.state)} {claim.recovered}/{claim.missing}"
        if role == Qt.ItemDataRole.BackgroundRole and ln.missing and col in ("missing", "claim"):
            return SHORT_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and ln.receipt is None and col == "received":
            return MUTED_TEXT
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("expected", "received", "missing", "delivered"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class DeliveryModel(RowTableModel):
    """The day's delivery lines; a line with copies at hand and not yet delivered can be ticked."""

    COLUMNS = ("where", "title", "copies", "status", "delivered_to", "delivered_at")

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._ticked: set[int] = set()

    def set_rows(self, rows: list[DeliveryLine]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        keep = {ln.subscription.id for ln in self._rows if self.tickable(ln)}
        self._ticked &= keep
        self.endResetModel()

    @staticmethod
    def tickable(ln: DeliveryLine) -> bool:
        return ln.received and not ln.delivered and not ln.short

    def ticked(self) -> list[DeliveryLine]:
        return [ln for ln in self._rows if ln.subscription.id in self._ticked]

    def tick_all(self, on: bool = True) -> int:
        """Tick every line that can be delivered now (residents before departments come first
        in the list already); return how many are ticked."""
        self._ticked = {ln.subscription.id for ln in self._rows if on and self.tickable(ln)}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))
        return len(self._ticked)

    def set_ticked(self, row: int, on: bool) -> None:
        self.setData(self.index(row, 0), Qt.CheckState.Checked if on else Qt.CheckState.Unchecked, _CHECK)

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Unit"), self.tr("Title"), self.tr("Copies"), self.tr("Status"), self.tr("Delivered to"),
                self.tr("Delivered at"))

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 0 and self.tickable(self._rows[index.row()]):
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index, value, role=_CHECK) -> bool:  # noqa: ANN001, N802
        if not index.isValid() or role != _CHECK or index.column() != 0:
            return False
        ln = self._rows[index.row()]
        if not self.tickable(ln):
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        (self._ticked.add if on else self._ticked.discard)(ln.subscription.id)
        self.dataChanged.emit(index, index, [_CHECK])
        return True

    def status(self, ln: DeliveryLine) -> str:
        if ln.delivered:
            return self.tr("Delivered")
        if not ln.received:
            return self.tr("Not counted yet")
        if ln.short:
            return self.tr("Short: waits for the claim")
        return self.tr("Ready")

    def data(self, index: QModelIndex | QPersistentModelIndex, role=_DISPLAY):  # noqa: ANN001
        if not index.isValid():
            return None
        ln: DeliveryLine = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == _CHECK and col == "where":
            if ln.delivered:
                return Qt.CheckState.Checked
            if self.tickable(ln):
                return Qt.CheckState.Checked if ln.subscription.id in self._ticked else Qt.CheckState.Unchecked
            return None
        if role == _DISPLAY:
            d = ln.delivery
            if col == "where":
                return ln.subscription.where
            if col == "title":
                return ln.subscription.title_name
            if col == "copies":
                return str(ln.subscription.copies)
            if col == "status":
                return self.status(ln)
            if col == "delivered_to":
                if d is None:
                    return ""
                return d.received_by if d.method == "signed" else term("mailbox")
            if col == "delivered_at":
                return fmt_datetime(d.delivered_at) if d else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            if ln.delivered:
                return DONE_BRUSH
            if ln.short:
                return SHORT_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and not ln.received and not ln.delivered:
            return MUTED_TEXT
        return None


class SubscriptionModel(RowTableModel):
    """The subscriptions list (业户订阅邮件一览表); ended lines in grey."""

    COLUMNS = ("where", "subscriber", "title", "copies", "starts_on", "ends_on", "note")

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._today = None

    def set_rows(self, rows: list[SubscriptionView], today) -> None:  # noqa: ANN001 - date
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today
        self.endResetModel()

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Unit / department"), self.tr("Subscriber"), self.tr("Title"), self.tr("Copies"),
                self.tr("From"), self.tr("To"), self.tr("Note"))

    def data(self, index: QModelIndex | QPersistentModelIndex, role=_DISPLAY):  # noqa: ANN001
        if not index.isValid():
            return None
        v: SubscriptionView = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            if col == "where":
                return v.where
            if col == "subscriber":
                return v.subscriber
            if col == "title":
                return v.title_name
            if col == "copies":
                return str(v.copies)
            if col == "starts_on":
                return fmt_date(v.starts_on)
            if col == "ends_on":
                return fmt_date(v.ends_on)
            if col == "note":
                return " · ".join(p for p in (v.note, v.end_reason) if p)
        ended = self._today is not None and v.ends_on is not None and v.ends_on < self._today
        if role == Qt.ItemDataRole.ForegroundRole and ended:
            return MUTED_TEXT
        return None


class ClaimModel(RowTableModel):
    COLUMNS = ("day", "title", "missing", "recovered", "state", "raised_by", "last_note")

    def set_rows(self, rows: list[ClaimView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Issue of"), self.tr("Title"), self.tr("Missing"), self.tr("Came later"), self.tr("State"),
                self.tr("Raised by"), self.tr("Last note"))

    def data(self, index: QModelIndex | QPersistentModelIndex, role=_DISPLAY):  # noqa: ANN001
        if not index.isValid():
            return None
        c: ClaimView = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            return {"day": fmt_date(c.day), "title": c.title_name, "missing": str(c.missing),
                    "recovered": str(c.recovered), "state": term(c.state), "raised_by": c.raised_by,
                    "last_note": c.last_note}[col]
        if role == Qt.ItemDataRole.ForegroundRole and c.open and col == "state":
            return SHORT_TEXT
        return None


class ClaimHistoryModel(RowTableModel):
    COLUMNS = ("at", "kind", "copies", "staff", "note")

    def set_rows(self, rows: list[ClaimEventView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Time"), self.tr("What"), self.tr("Copies"), self.tr("By"), self.tr("Note"))

    def data(self, index: QModelIndex | QPersistentModelIndex, role=_DISPLAY):  # noqa: ANN001
        if not index.isValid() or role != _DISPLAY:
            return None
        e: ClaimEventView = self._rows[index.row()]
        return {"at": fmt_datetime(e.at), "kind": term(e.kind), "copies": str(e.copies) if e.copies else "",
                "staff": e.staff_name, "note": e.note}[self.COLUMNS[index.column()]]


class TitleModel(RowTableModel):
    COLUMNS = ("name", "kind", "publisher", "frequency", "active")

    def set_rows(self, rows: list[TitleView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Title"), self.tr("Kind"), self.tr("Publisher"), self.tr("Comes out"), self.tr("Offered"))

    def data(self, index: QModelIndex | QPersistentModelIndex, role=_DISPLAY):  # noqa: ANN001
        if not index.isValid():
            return None
        t: TitleView = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            return {"name": t.name, "kind": term(t.kind), "publisher": t.publisher, "frequency": term(t.frequency),
                    "active": self.tr("Yes") if t.active else self.tr("No")}[col]
        if role == Qt.ItemDataRole.ForegroundRole and not t.active:
            return MUTED_TEXT
        return None
