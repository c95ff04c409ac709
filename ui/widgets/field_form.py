"""A form whose fields show their own error message right under them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app.errors import FieldError
from ui.messages import error_text

_ERROR_STYLE = "color: #b00020;"
_FIELD_ERROR_STYLE = "border: 1px solid #b00020;"


class FieldForm(QWidget):
    """Label | field rows; ``show_errors`` puts each message under its field and focuses the first."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(1, 1)
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}
        self._order: list[str] = []

    def add_row(self, name: str, field: QWidget, aliases: tuple[str, ...] = ()) -> QLabel:
        """Add a row; errors for ``name`` or any of ``aliases`` show under ``field``."""
        row = self._grid.rowCount()
        label = QLabel(self)
        label.setBuddy(field)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        error = QLabel(self)
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(_ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self._grid.addWidget(label, row, 0)
        self._grid.addWidget(field, row, 1)
        self._grid.addWidget(error, row + 1, 1)
        for key in (name, *aliases):
            self._fields[key] = field
            self._errors[key] = error
        self._labels[name] = label
        self._order.append(name)
        return label

    def label(self, name: str) -> QLabel:
        return self._labels[name]

    def error_label(self, name: str) -> QLabel:
        return self._errors[name]

    def clear_errors(self) -> None:
        for name in self._order:
            self._errors[name].clear()
            self._errors[name].hide()
            self._fields[name].setStyleSheet("")

    def show_errors(self, errors: dict[str, FieldError]) -> list[str]:
        """Show each error under its field; return the names that had no field (shown nowhere)."""
        self.clear_errors()
        unplaced = []
        first: QWidget | None = None
        for name, err in errors.items():
            label = self._errors.get(name)
            if label is None:
                unplaced.append(name)
                continue
            label.setText(error_text(err))
            label.show()
            field = self._fields[name]
            field.setStyleSheet(_FIELD_ERROR_STYLE)
            if first is None or self._order.index(self._row_name(field)) < self._order.index(self._row_name(first)):
                first = field
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return unplaced

    def _row_name(self, field: QWidget) -> str:
        for name in self._order:
            if self._fields[name] is field:
                return name
        return self._order[0]


class CombinedForms:
    """Route field errors to whichever of several forms has the field (``run_action``'s ``form``)."""

    def __init__(self, *forms: FieldForm):
        self._forms = forms

    def show_errors(self, errors: dict[str, FieldError]) -> list[str]:
        # Last form first: the first form (in reading order) with an error takes the focus.
        left = dict(errors)
        for form in reversed(self._forms):
            unplaced = form.show_errors(dict(left))
            left = {k: left[k] for k in unplaced}
        return list(left)

    def clear_errors(self) -> None:
        for form in self._forms:
            form.clear_errors()
