"""The storage error the UI catches, apart from the engine so that importing it (and the
messages that name it) does not import SQLAlchemy: the main window is shown before the data
layer is loaded."""

from __future__ import annotations


class StorageError(RuntimeError):
    """The database itself failed (locked, disk full, connection lost); nothing was written.

    Carries a message key like the application's errors so the UI can say what happened.
    """

    def __init__(self, key: str, cause: str):
        super().__init__(f"{key}: {cause}")
        self.key = key
        self.params = {"cause": cause}
