"""The small form dialog every tab uses: a bold header, an optional info line, a ``FieldForm``
and OK/Cancel. Ctrl+Enter saves; the service call goes through ``run_action`` so an error
appears under its field and nothing is saved half."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.services import Services
from ui.errors import run_action
from ui.widgets.field_form import FieldForm
from ui.widgets.retranslate import Retranslating

_SAVE = QT_TRANSLATE_NOOP("FormDialog", "Save")


class FormDialog(Retranslating, QDialog):
    """Subclasses build their fields on ``self.form``, give ``call()`` (the one service call,
    returning its result) and set their texts in ``retranslate()``. ``INFO_SHOWN``: whether
    the info line is shown from the start (else a subclass shows it when it has something to
    say); ``MIN_WIDTH`` in pixels."""

    INFO_SHOWN = False
    MIN_WIDTH = 520

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.result_value = None
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-weight: bold;")
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setVisible(self.INFO_SHOWN)
        self.form = FieldForm(self)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(QCoreApplication.translate("FormDialog", _SAVE),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.header)
        self.body.addWidget(self.info)
        self.body.addWidget(self.form)
        self.body.addStretch(1)
        self.body.addWidget(self.buttons)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self).activated.connect(self.save)
        self.setMinimumWidth(self.MIN_WIDTH)

    def call(self):  # noqa: ANN201
        """The dialog's one service call (abstract: every subclass gives its own)."""
        raise NotImplementedError(f"{type(self).__name__} must define call()")

    def save(self):  # noqa: ANN201
        result = run_action(self, self.call, form=self.form)
        if result is not None:
            self.result_value = result
            self.accept()
        return result

    def retranslate(self) -> None:  # subclasses set their texts
        pass
