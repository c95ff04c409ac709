"""The key cabinet's tables as Qt models: key sets, the loan register (paged), keys still out.

``data()`` reads only rows already in memory: each refresh asks the service once, so a view
of thousands of keys costs no query per cell.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.keys import KeyView, LoanPage, LoanView, OvernightView
from ui.format import fmt_datetime
from ui.messages import borrower_kind_name, key_category_name, key_status_name
from ui.widgets.table_models import PagedTableModel, RowTableModel

# Colours: lent out (pale blue), due soon (amber), overdue / overnight (red).
OUT_BRUSH = QBrush(QColor("#e3f2fd"))
DUE_SOON_BRUSH = QBrush(QColor("#ffe0b2"))
OVERDUE_BRUSH = QBrush(QColor("#ffcdd2"))
OVERDUE_TEXT = QBrush(QColor("#b71c1c"))
INACTIVE_TEXT = QBrush(QColor("#757575"))

_DISPLAY = Qt.ItemDataRole.DisplayRole


def due_state(due_at: datetime | None, at: datetime, soon_minutes: int, *, open_: bool = True) -> str:
    """"overdue", "due_soon" or "" for a loan due at ``due_at`` looked at ``at``."""
    if not open_ or due_at is None:
        return ""
    if due_at < at:
        return "overdue"
    if due_at <= at + timedelta(minutes=soon_minutes):
        return "due_soon"
    return ""


class KeyTableModel(RowTableModel):
    """Key sets as ``KeyService.search`` returns them."""

    COLUMNS = ("tag_code", "hook", "category", "location", "area", "count", "status", "borrower", "out_at",
               "due_at")

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._at = datetime.now()
        self._soon = 60

    def set_rows(self, rows: list[KeyView], *, at: datetime | None = None, soon_minutes: int = 60) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._at = at or datetime.now()
        self._soon = soon_minutes
        self.endResetModel()

    def key(self, row: int) -> KeyView | None:
        return self.row(row)

    def update_key(self, view: KeyView) -> bool:
        """Show a key's new state in place (after a scan) without reloading the list."""
        row = self.row_of(view.id)
        if row < 0:
            return False
        self._rows[row] = view
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        return True

    def row_of(self, key_id: int) -> int:
        for i, k in enumerate(self._rows):
            if k.id == key_id:
                return i
        return -1

    def state(self, k: KeyView) -> str:
        return due_state(k.due_at, self._at, self._soon, open_=k.status == "out")

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Tag"), self.tr("Hook"), self.tr("Category"), self.tr("Opens"), self.tr("Area"),
                self.tr("Keys"), self.tr("Status"), self.tr("Borrower"), self.tr("Out since"), self.tr("Due back"))

    def data(self, index: QModelIndex | QPersistentModelIndex, role=_DISPLAY):  # noqa: ANN001
        if not index.isValid():
            return None
        k: KeyView = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            return self._display(k, col)
        state = self.state(k)
        if role == Qt.ItemDataRole.BackgroundRole:
            if state == "overdue":
                return OVERDUE_BRUSH
            if state == "due_soon":
                return DUE_SOON_BRUSH
            if k.status == "out":
                return OUT_BRUSH
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if state == "overdue" and col in ("status", "due_at"):
                return OVERDUE_TEXT
            if k.status in ("lost", "retired", "handed_over"):
                return INACTIVE_TEXT
            return None
        if role == Qt.ItemDataRole.FontRole and (state == "overdue" or (k.status == "out" and col == "tag_code")):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if state == "overdue":
                return self.tr("Overdue: due back %1").replace("%1", fmt_datetime(k.due_at))
            if state == "due_soon":
                return self.tr("Due back soon: %1").replace("%1", fmt_datetime(k.due_at))
            if k.retirement_due:
                return self.tr("Due for retirement: lock changed three times or set incomplete")
            return None
        if role == Qt.ItemDataRole.UserRole:
            return k.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "count":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, k: KeyView, col: str) -> str:
        if col == "category":
            return key_category_name(k.category)
        if col == "location":
            return k.location
        if col == "count":
            return f"{k.key_count}/{k.original_count}" if k.incomplete else str(k.key_count)
        if col == "status":
            state = self.state(k)
            if state == "overdue":
                return self.tr("Out – overdue")
            if state == "due_soon":
                return self.tr("Out – due soon")
            return key_status_name(k.status)
        if col == "borrower":
            return k.borrower_name
        if col == "out_at":
            return fmt_datetime(k.out_at)
        if col == "due_at":
            return fmt_datetime(k.due_at)
        value = getattr(k, col)
        return str(value) if value is not None else ""


LoanLoader = Callable[[tuple[datetime, int] | None], LoanPage]


class LoanTableModel(PagedTableModel):
    """The loan register (钥匙借用登记表), newest first, one page at a time ("fetch more")."""

    COLUMNS = ("out_at", "tag_code", "key", "quantity", "borrower", "kind", "company", "phone", "doc",
               "purpose", "due_at", "returned_at", "handled_by", "received_by", "approved", "signed")

    def loan(self, row: int) -> LoanView | None:
        return self.row(row)

    def put_loan(self, view: LoanView, *, newest: bool) -> None:
        """Show a loan's new state in place, or (``newest``: a loan just made) at the top."""
        for row, v in enumerate(self._rows):
            if v.id == view.id:
                self._rows[row] = view
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
                return
        if newest:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._rows.insert(0, view)
            self.endInsertRows()

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Out"), self.tr("Tag"), self.tr("Key"), self.tr("Qty"), self.tr("Borrower"),
                self.tr("Borrower type"), self.tr("Company"), self.tr("Phone"), self.tr("ID no."),
                self.tr("Purpose"), self.tr("Due back"), self.tr("Returned"), self.tr("Handled by"),
                self.tr("Received by"), self.tr("Approved by"), self.tr("Signed"))

    def data(self, index: QModelIndex | QPersistentModelIndex, role=_DISPLAY):  # noqa: ANN001
        if not index.isValid():
            return None
        v: LoanView = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            return self._display(v, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            if v.overdue:
                return OVERDUE_BRUSH
            if v.open:
                return OUT_BRUSH
            return None
        if role == Qt.ItemDataRole.ForegroundRole and v.lost:
            return OVERDUE_TEXT
        if role == Qt.ItemDataRole.UserRole:
            return v.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "quantity":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, v: LoanView, col: str) -> str:
        if col == "out_at":
            return fmt_datetime(v.out_at)
        if col == "key":
            return v.key_location
        if col == "borrower":
            return v.borrower_name
        if col == "kind":
            return borrower_kind_name(v.borrower_kind)
        if col == "company":
            return v.borrower_company
        if col == "phone":
            return v.borrower_phone
        if col == "doc":
            return v.borrower_doc_number
        if col == "due_at":
            return fmt_datetime(v.due_at)
        if col == "returned_at":
            if v.lost:
                return self.tr("lost")
            if v.returned_at is None:
                return self.tr("overdue") if v.overdue else self.tr("out")
            return fmt_datetime(v.returned_at)
        if col == "approved":
            return " / ".join(p for p in (v.manager_approver, v.gm_approver) if p)
        if col == "signed":
            if v.signed_on_screen:
                return self.tr("on screen")
            if v.signed_on_slip:
                return self.tr("on slip")
            return ""
        value = getattr(v, col)
        return str(value) if value is not None else ""


class StillOutModel(RowTableModel):
    """Keys still out: overdue first, then due soon, then the rest, each by due time.

    After the end of the day every key still out is overnight and highlighted (unless an
    engineering repair or an approved longer loan excuses it).
    """

    COLUMNS = ("state", "tag_code", "key", "borrower", "phone", "out_at", "due_at", "ack")

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._states: list[str] = []

    def set_rows(self, rows: list[OvernightView], *, at: datetime, soon_minutes: int) -> None:
        order = {"overdue": 0, "due_soon": 1, "": 2}
        keyed = [(o, due_state(o.loan.due_at, at, soon_minutes)) for o in rows]
        keyed.sort(key=lambda p: (order[p[1]], p[0].loan.due_at, p[0].loan.id))
        self.beginResetModel()
        self._rows = [o for o, _ in keyed]
        self._states = [s for _, s in keyed]
        self.endResetModel()

    def item(self, row: int) -> OvernightView | None:
        return self.row(row)

    def add(self, item: OvernightView, *, at: datetime, soon_minutes: int) -> None:
        """A key just went out: place its row among the others, no query needed."""
        self.set_rows([o for o in self._rows if o.loan.id != item.loan.id] + [item], at=at,
                      soon_minutes=soon_minutes)

    def remove_loan(self, loan_id: int) -> None:
        """A key came back: drop its row without asking the service again."""
        for row, o in enumerate(self._rows):
            if o.loan.id == loan_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                del self._states[row]
                self.endRemoveRows()
                return

    def state(self, row: int) -> str:
        return self._states[row] if 0 <= row < len(self._states) else ""

    def counts(self) -> tuple[int, int, int, int]:
        """(overdue, due soon, overnight highlighted, overnight unacknowledged)."""
        return (self._states.count("overdue"), self._states.count("due_soon"),
                sum(1 for o in self._rows if o.highlight),
                sum(1 for o in self._rows if o.overnight and not o.acknowledged))

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("State"), self.tr("Tag"), self.tr("Key"), self.tr("Borrower"), self.tr("Phone"),
                self.tr("Out"), self.tr("Due back"), self.tr("Acknowledged"))

    def data(self, index: QModelIndex | QPersistentModelIndex, role=_DISPLAY):  # noqa: ANN001
        if not index.isValid():
            return None
        o: OvernightView = self._rows[index.row()]
        state = self._states[index.row()]
        col = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            return self._display(o, state, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            if o.highlight or state == "overdue":
                return OVERDUE_BRUSH
            if state == "due_soon":
                return DUE_SOON_BRUSH
            return None
        if role == Qt.ItemDataRole.FontRole and (o.highlight or state == "overdue"):
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and o.highlight and col == "state":
            return OVERDUE_TEXT
        if role == Qt.ItemDataRole.ToolTipRole and o.acknowledged:
            return f"{o.ack_by} {fmt_datetime(o.ack_at)}: {o.ack_note}"
        if role == Qt.ItemDataRole.UserRole:
            return o.loan.id
        return None

    def _display(self, o: OvernightView, state: str, col: str) -> str:
        v = o.loan
        if col == "state":
            parts = []
            if state == "overdue":
                parts.append(self.tr("Overdue"))
            elif state == "due_soon":
                parts.append(self.tr("Due soon"))
            if o.overnight:
                parts.append(self.tr("Overnight"))
            if o.excuse == "engineering_repair":
                parts.append(self.tr("engineering repair"))
            elif o.excuse == "approved":
                parts.append(self.tr("approved"))
            return " · ".join(parts) or self.tr("Lent")  # not "Out": that is the time column's header
        if col == "tag_code":
            return v.tag_code
        if col == "key":
            return v.key_location
        if col == "borrower":
            return v.borrower_name
        if col == "phone":
            return v.borrower_phone
        if col == "out_at":
            return fmt_datetime(v.out_at)
        if col == "due_at":
            return fmt_datetime(v.due_at)
        if col == "ack":
            if o.acknowledged:
                return f"{o.ack_by}: {o.ack_note}"
            return self.tr("not yet") if o.overnight else ""
        return ""
