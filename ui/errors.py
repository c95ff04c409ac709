"""Turning failures into messages at the UI edge; a friendly dialog for the unexpected."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget
from app.errors import DomainError, StorageError, ValidationError
from ui.messages import error_text, message
from ui.widgets.field_form import FieldForm

log = logging.getLogger(__name__)
T = TypeVar("T")


def run_action(parent: QWidget, fn: Callable[[], T], form: FieldForm | None = None) -> T | None:
    """Call a service; show what went wrong next to the fields or in a message box.

    Returns the service's result, or None when it failed (and nothing was changed: every
    service call is one transaction).
    """
    try:
        result = fn()
    except ValidationError as exc:
        unplaced = form.show_errors(exc.fields) if form is not None else list(exc.fields)
        if unplaced:
            text = "\n".join(error_text(exc.fields[n]) for n in unplaced)
            QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Please check"), text)
        return None
    except DomainError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Not possible"), error_text(exc))
        return None
    except StorageError as exc:
        log.error("database error: %s", exc)
        QMessageBox.critical(parent, QCoreApplication.translate("Errors", "Database"), error_text(exc))
        return None
    if form is not None:
        form.clear_errors()
    return result


def install_excepthook(log_path: Any) -> None:
    """Log unhandled exceptions and show a friendly dialog instead of a bare traceback."""

    def hook(exc_type, exc, tb):  # noqa: ANN001
        log.error("unhandled exception", exc_info=(exc_type, exc, tb))
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            box = QMessageBox(QMessageBox.Icon.Critical, "Reception Desk",
                              message("error.unexpected", {"cause": str(exc)[:300], "log": str(log_path)}))
            box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
            box.exec()
        except Exception:  # the dialog itself must never take the app down
            sys.__excepthook__(exc_type, exc, tb)

    sys.excepthook = hook
