"""Logging: a rotating log file in the data folder, set up once at start."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app.paths import log_dir

_configured = False


def setup_logging(level: int = logging.INFO) -> Path:
    """Log to ``<data>/logs/reception.log`` (5 × 1 MB, rotating); return the file's path."""
    global _configured
    path = log_dir() / "reception.log"
    if _configured:
        return path
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = True
    return path
