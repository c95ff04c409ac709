"""Where the program keeps its files: the per-user data folder, logs, caches.

``RECEPTION_HOME`` overrides the base folder (tests, portable installs).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_path, user_data_path

APP_NAME = "ReceptionDesk"


def data_dir() -> Path:
    """The per-user data folder (the database, backups, logs, printed PDFs)."""
    base = os.environ.get("RECEPTION_HOME")
    path = Path(base) / "data" if base else user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Rebuildable files: compiled translations."""
    base = os.environ.get("RECEPTION_HOME")
    path = Path(base) / "cache" if base else user_cache_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def print_dir() -> Path:
    """Where printouts are kept as PDF (every print attempt leaves its file here)."""
    path = data_dir() / "prints"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url() -> str:
    """The embedded SQLite database in the per-user data folder."""
    return f"sqlite:///{(data_dir() / 'reception.sqlite').as_posix()}"


def resources_dir() -> Path:
    """The packaged ``resources/`` folder (fonts, translation sources, icons)."""
    import resources

    return Path(resources.__file__).resolve().parent
