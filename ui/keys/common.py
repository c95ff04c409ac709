"""Small helpers shared by the key cabinet's widgets."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QWidget

from ui.widgets.field_form import FieldForm


def qdt(value: datetime) -> QDateTime:
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, value.second)


def py_dt(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())


def table(parent: QWidget, model) -> QTableView:  # noqa: ANN001
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(False)  # the row colours carry meaning (out, due soon, overdue)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


def password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(128)
    return edit


class Combined:
    """Route field errors to whichever of several forms has the field (``run_action``'s ``form``)."""

    def __init__(self, *forms: FieldForm):
        self._forms = forms

    def show_errors(self, errors: dict) -> list[str]:
        # Last form first: the first form (in reading order) with an error takes the focus.
        left = dict(errors)
        for form in reversed(self._forms):
            unplaced = form.show_errors(dict(left))
            left = {k: left[k] for k in unplaced}
        return list(left)

    def clear_errors(self) -> None:
        for form in self._forms:
            form.clear_errors()
