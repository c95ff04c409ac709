"""The Renovation tab's lists across permits: passes valid today, expiring within three days,
overdue (permits and passes more than three days past their end, neither returned nor
renewed), and the pass register (装修施工人员出入证办理登记表) by issue date, exportable.

Each page only shows rows the tab hands it; double-clicking a row opens its permit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.permits import PassView, PermitView
from ui.permits.table_model import PassTableModel, PermitTableModel
from ui.widgets.retranslate import Retranslating
from ui.widgets.table_models import make_table_view


def _date_edit(parent: QWidget, value: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setDate(QDate(value.year, value.month, value.day))
    return edit


def _py_date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class PassListPage(Retranslating, QWidget):
    """One list of passes across permits, with a line saying what it is and how many."""

    sig_open = Signal(object)  # PassView

    def __init__(self, note: Callable[[], str], count: Callable[[int], str], parent: QWidget | None = None):
        super().__init__(parent)
        # callables giving the translated texts now (the owner's tr() keeps them in its context)
        self._note, self._count = note, count
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.model = PassTableModel(self, with_permit=True)
        self.view = make_table_view(self, self.model, alternating=False)
        self.count = QLabel(self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.count)
        self.view.doubleClicked.connect(lambda index: self._open(index.row()))
        self.retranslate()

    def _open(self, row: int) -> None:
        v = self.model.pass_(row)
        if v is not None:
            self.sig_open.emit(v)

    def set_rows(self, rows: list[PassView]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(self._count(self.model.rowCount()))

    def retranslate(self) -> None:
        note = self._note()
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.model.retranslate()
        self._show_count()


class OverduePage(Retranslating, QWidget):
    """More than three days past the end and neither returned nor renewed (DOMAIN §6):
    permits whose work is to be stopped, passes whose holders are refused entry."""

    sig_open_permit = Signal(int)
    sig_open_pass = Signal(object)

    def __init__(self, parent: QWidget | None = None, due_days: int = 7):
        super().__init__(parent)
        self.permit_note = QLabel(self)
        self.permit_note.setWordWrap(True)
        self.permit_model = PermitTableModel(self, due_days=due_days)
        self.permit_view = make_table_view(self, self.permit_model, alternating=False)
        self.pass_note = QLabel(self)
        self.pass_note.setWordWrap(True)
        self.pass_model = PassTableModel(self, with_permit=True)
        self.pass_view = make_table_view(self, self.pass_model, alternating=False)
        lay = QVBoxLayout(self)
        lay.addWidget(self.permit_note)
        lay.addWidget(self.permit_view, 1)
        lay.addWidget(self.pass_note)
        lay.addWidget(self.pass_view, 2)
        self.permit_view.doubleClicked.connect(self._open_permit)
        self.pass_view.doubleClicked.connect(self._open_pass)
        self.retranslate()

    def _open_permit(self, index) -> None:  # noqa: ANN001
        p = self.permit_model.permit(index.row())
        if p is not None:
            self.sig_open_permit.emit(p.id)

    def _open_pass(self, index) -> None:  # noqa: ANN001
        v = self.pass_model.pass_(index.row())
        if v is not None:
            self.sig_open_pass.emit(v)

    def set_rows(self, permits: list[PermitView], passes: list[PassView]) -> None:
        self.permit_model.set_rows(permits)
        self.pass_model.set_rows(passes)
        self.permit_view.resizeColumnsToContents()
        self.pass_view.resizeColumnsToContents()
        self._show_counts()

    def total(self) -> int:
        return self.permit_model.rowCount() + self.pass_model.rowCount()

    def _show_counts(self) -> None:
        self.permit_note.setText(self.tr(
            "%n permit(s) more than 3 days past the end, neither extended nor finished: stop the work.", "",
            self.permit_model.rowCount()))
        self.pass_note.setText(self.tr(
            "%n pass(es) more than 3 days past the end, neither returned nor renewed: refuse entry, take the "
            "card back.", "", self.pass_model.rowCount()))

    def retranslate(self) -> None:
        self.permit_model.retranslate()
        self.pass_model.retranslate()
        self._show_counts()


class RegisterPage(Retranslating, QWidget):
    """The pass register: every pass issued between two dates, and its export to CSV/XLSX."""

    sig_open = Signal(object)  # PassView
    sig_changed = Signal()  # the dates changed: the tab reloads

    def __init__(self, services, parent: QWidget | None = None):  # noqa: ANN001 - Services
        super().__init__(parent)
        self.services = services
        today = date.today()
        self.from_label = QLabel(self)
        self.date_from = _date_edit(self, today.replace(day=1))
        self.date_from.setObjectName("register_from")
        self.to_label = QLabel(self)
        self.date_to = _date_edit(self, today)
        self.date_to.setObjectName("register_to")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("export_register")
        top = QHBoxLayout()
        top.addWidget(self.from_label)
        top.addWidget(self.date_from)
        top.addWidget(self.to_label)
        top.addWidget(self.date_to)
        top.addStretch(1)
        top.addWidget(self.export_button)
        self.model = PassTableModel(self, with_permit=True)
        self.view = make_table_view(self, self.model)
        self.count = QLabel(self)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.count)
        self.date_from.dateChanged.connect(lambda _d: self.sig_changed.emit())
        self.date_to.dateChanged.connect(lambda _d: self.sig_changed.emit())
        self.view.doubleClicked.connect(lambda index: self._open(index.row()))
        self.export_button.clicked.connect(self.export_with_dialog)
        self.retranslate()

    def dates(self) -> tuple[date, date]:
        d0, d1 = _py_date(self.date_from), _py_date(self.date_to)
        return (d0, d1) if d0 <= d1 else (d1, d0)

    def set_dates(self, d0: date, d1: date) -> None:
        self.date_from.setDate(QDate(d0.year, d0.month, d0.day))
        self.date_to.setDate(QDate(d1.year, d1.month, d1.day))

    def _open(self, row: int) -> None:
        v = self.model.pass_(row)
        if v is not None:
            self.sig_open.emit(v)

    def set_rows(self, rows: list[PassView]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(self.tr("%n pass(es) issued in these dates", "", self.model.rowCount()))

    def export_with_dialog(self) -> None:
        d0, d1 = self.dates()
        name = f"passes-{d0:%Y%m%d}-{d1:%Y%m%d}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the pass register"), str(Path.home() / name),
                                              self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> int | None:
        """Write the register of the shown dates to ``path`` (CSV or XLSX by its suffix), ID
        numbers masked; returns the number of passes written."""
        from app.exporter import export_passes
        from ui.errors import run_action

        d0, d1 = self.dates()
        fmt = "csv" if path.suffix.lower() == ".csv" else "xlsx"
        # the headers follow the screen's language (Translations sets the default locale)
        lang = "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"
        return run_action(self, lambda: export_passes(self.services, d0, d1, fmt, path, lang=lang))

    def retranslate(self) -> None:
        self.from_label.setText(self.tr("Issued from"))
        self.to_label.setText(self.tr("to"))
        self.export_button.setText(self.tr("Export…"))
        self.model.retranslate()
        self._show_count()
