"""Run-time language switching through Qt's translation system.

Translations live as ``.ts`` sources in ``resources/i18n``. The ``.qm`` files are built from
them with Qt's ``lrelease`` (shipped in PySide6-Essentials) into the per-user cache the
first time a language is loaded, and rebuilt whenever the source changes.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import cache_dir, resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
SOURCE_LANGUAGE = "en"


def ts_path(lang: str) -> Path:
    return resources_dir() / "i18n" / f"reception_{lang}.ts"


def lrelease_executable() -> str:
    """Qt's lrelease as shipped inside the PySide6 wheel (or on PATH)."""
    here = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease", "lrelease.exe"):
        candidate = here / name
        if candidate.exists():
            return str(candidate)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise FileNotFoundError("Qt lrelease not found")
    return found


def compiled_qm(lang: str) -> Path | None:
    """The ``.qm`` for ``lang``, compiled from its ``.ts`` when missing or out of date."""
    src = ts_path(lang)
    if not src.exists():
        return None
    digest = hashlib.sha256(src.read_bytes()).hexdigest()[:16]
    out_dir = cache_dir() / "i18n"
    out_dir.mkdir(parents=True, exist_ok=True)
    qm = out_dir / f"reception_{lang}-{digest}.qm"
    if not qm.exists():
        tmp = qm.with_suffix(".tmp.qm")
        flags = {"creationflags": 0x08000000} if sys.platform == "win32" else {}  # no console
        subprocess.run(
            [lrelease_executable(), "-silent", str(src), "-qm", str(tmp)],
            check=True, capture_output=True, **flags,
        )
        tmp.replace(qm)
        for old in out_dir.glob(f"reception_{lang}-*.qm"):
            if old != qm:
                old.unlink(missing_ok=True)
    return qm


def system_language() -> str:
    """``zh_CN`` when the system prefers Chinese, otherwise English."""
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


class Translations:
    """Holds the installed translators; ``set_language`` switches at run time."""

    def __init__(self) -> None:
        self.language = SOURCE_LANGUAGE
        self._installed: list[QTranslator] = []

    def set_language(self, lang: str) -> str:
        """Install ``lang`` (``zh_CN`` or ``en``); widgets re-translate on LanguageChange."""
        if lang not in LANGUAGES:
            lang = SOURCE_LANGUAGE
        app = QCoreApplication.instance()
        for t in self._installed:
            app.removeTranslator(t)
        self._installed.clear()
        if lang != SOURCE_LANGUAGE:
            qt = QTranslator()
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{lang}", qt_dir):
                app.installTranslator(qt)
                self._installed.append(qt)
            try:
                qm = compiled_qm(lang)
            except (OSError, subprocess.CalledProcessError) as exc:
                log.error("cannot compile translations for %s: %s", lang, exc)
                qm = None
            ours = QTranslator()
            if qm is not None and ours.load(str(qm)):
                app.installTranslator(ours)
                self._installed.append(ours)
            else:
                log.error("translations for %s not loaded", lang)
        QLocale.setDefault(QLocale("zh_CN" if lang == "zh_CN" else "en_GB"))
        self.language = lang
        return lang
