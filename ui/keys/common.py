"""Small helpers shared by the key cabinet's widgets."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget


def password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(128)
    return edit
