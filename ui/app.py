"""Starting the GUI: logging, fonts, language, the main window's shell, then the database,
first run, sign-in and the tabs.

The window comes first: the data layer (SQLAlchemy, the models, the services: most of the
start-up time) is imported and the database opened only once the shell is on screen, so the
counter sees the window about as fast as a bare Qt window appears (docs/PERFORMANCE.md).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from argparse import Namespace
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.logs import setup_logging
from app.paths import data_dir
from ui.bus import DataBus
from ui.errors import install_excepthook
from ui.fonts import install_fonts
from ui.i18n import Translations, system_language
from ui.messages import message

if TYPE_CHECKING:
    from app.services import Services
    from app.startup import OpenedDatabase

log = logging.getLogger(__name__)


def ui_settings() -> QSettings:
    """Per-PC preferences (language, window geometry) in the data folder, as an INI file."""
    return QSettings(str(data_dir() / "ui.ini"), QSettings.Format.IniFormat)


def _open_failure_text(exc: BaseException) -> str:
    key = getattr(exc, "key", None)
    if key == "db.schema_too_new":
        return message(key, {"revision": exc.revision})
    if key == "db.migration_failed":
        backup = exc.backup if exc.backup is not None else "—"
        return message(key, {"cause": str(exc.cause)[:300], "backup": backup})
    if key == "db.network_path":
        return message(key, {"path": exc.path})
    return message("db.open_failed", {"cause": str(exc)[:300]})


def _smoke_report(window, translations: Translations, opened: OpenedDatabase) -> None:  # noqa: ANN001
    report = {
        "version": __version__,
        "language": translations.language,
        "tabs": window.tab_titles(),
        "database": opened.display_url,
        "schema": opened.migration.after,
    }
    sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def run_gui(args: Namespace) -> int:
    """Run the application; returns the process exit code."""
    log_path = setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Reception Desk")
    app.setOrganizationName("ReceptionDesk")
    app.setApplicationVersion(__version__)
    if not args.smoke:
        install_excepthook(log_path)
    install_fonts(app)
    settings = ui_settings()
    translations = Translations()
    translations.set_language(args.lang or settings.value("ui/language") or system_language())

    from ui.main_window import MainWindow

    bus = DataBus()
    window = MainWindow(None, bus, settings, translations)  # the shell: tabs say "Loading…"
    bus.sig_changed.connect(lambda topic: topic == "language" and window.retranslate())
    state: dict = {"code": 0, "opened": None, "loading": False}

    def fail(code: int) -> None:
        state["code"] = code
        window.close()
        app.exit(code)

    def load() -> None:
        """The data layer, once the shell has been painted (or after 0.5 s at the latest)."""
        if state["loading"]:
            return
        state["loading"] = True
        try:
            _load()
        except _OpenFailed as exc:
            if args.smoke:
                sys.stderr.write(f"reception: {exc.text}\n")
            else:
                QMessageBox.critical(window, "Reception Desk", exc.text)
            fail(2)
        except Exception as exc:  # noqa: BLE001 - a start-up failure must end the program, not hang it
            if args.smoke:
                log.exception("start-up failed")
                sys.stderr.write(f"reception: start-up failed: {exc!r}\n")
            else:
                sys.excepthook(type(exc), exc, exc.__traceback__)  # logged, the friendly dialog
            fail(1)

    def _load() -> None:
        opened, services = _open(args)
        state["opened"] = opened
        if not args.smoke:
            if not _sign_in(services, window):
                fail(0)
                return
            _purge_expired_documents(services)
        window.attach(services)
        if args.smoke:
            def finish() -> None:
                try:
                    _smoke_report(window, translations, opened)
                except Exception:  # noqa: BLE001 - a failed report must end the run, not hang it
                    log.exception("smoke report failed")
                    app.exit(1)
                else:
                    app.quit()
                finally:
                    window.close()

            window.sig_ready.connect(finish)
        else:
            window.sig_ready.connect(_preload_pinyin)
        QTimer.singleShot(0, window.sig_ready.emit)

    _on_first_paint(window, lambda: QTimer.singleShot(0, load), report=bool(os.environ.get(SHOWN_ENV)))
    window.show()
    QTimer.singleShot(500, load)  # no paint (minimised, odd platform): load anyway
    code = app.exec()
    release_widget(window)
    if state["opened"] is not None:
        state["opened"].db.dispose()
    return state["code"] or code


def release_widget(widget) -> None:  # noqa: ANN001
    """Destroy ``widget`` now, while Python is whole: Qt objects left to the interpreter's
    shutdown can trip a reference-count fault in PySide6 on Python 3.11 (a fatal
    ``bool_dealloc`` after the window has closed)."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


#: Set (to anything) by the start-up benchmark: a line on stderr when the window is first painted.
SHOWN_ENV = "RECEPTION_REPORT_SHOWN"


def _on_first_paint(window, then, *, report: bool) -> None:  # noqa: ANN001
    """Call ``then`` once the window has been painted for the first time; with ``report``
    write ``shown <CPU seconds used so far>`` to stderr at that moment (the start-up
    benchmark times its arrival)."""
    from PySide6.QtCore import QEvent, QObject

    class _FirstPaint(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: ANN001, N802
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                if report:
                    import time

                    # CPU seconds too: a wall-clock figure on a busy machine says little.
                    sys.stderr.write(f"shown {time.process_time():.4f}\n")
                    sys.stderr.flush()
                then()
            return False

    window._first_paint = _FirstPaint(window)  # noqa: SLF001 - kept alive with the window
    window.installEventFilter(window._first_paint)  # noqa: SLF001


class _OpenFailed(Exception):
    def __init__(self, text: str):
        super().__init__(text)
        self.text = text


def _open(args: Namespace) -> tuple[OpenedDatabase, Services]:
    """Import the data layer, open (and migrate) the database; ``_OpenFailed`` with the text
    to show when it cannot be opened."""
    from app.context import AppContext
    from app.services import Services
    from app.startup import open_database, resolve_db_url

    url = resolve_db_url(args.db)
    try:
        opened = open_database(url)
    except Exception as exc:  # noqa: BLE001 - every start-up failure gets a clear message
        log.exception("cannot open database %s", url)
        raise _OpenFailed(_open_failure_text(exc)) from exc
    if opened.migration.backup is not None:
        log.info("database migrated %s -> %s; backup at %s", opened.migration.before,
                 opened.migration.after, opened.migration.backup)
    return opened, Services(AppContext(opened.db))


def _purge_expired_documents(services: Services) -> None:
    """Mask ID numbers past the retention period, in the background after sign-in.

    It works in short batches, so the counter can register visitors meanwhile; a failure is
    logged, never fatal (the next sign-in resumes where it stopped).
    """
    import threading

    def run() -> None:
        try:
            count = services.visitors.purge_expired_documents()
        except Exception:  # noqa: BLE001 - the counter must work even if this fails
            log.exception("purging expired ID numbers failed")
            return
        if count:
            log.info("masked %d expired ID numbers", count)

    threading.Thread(target=run, name="id-purge", daemon=True).start()


def _preload_pinyin() -> None:
    """Load pypinyin's dictionaries (~0.25 s) in the background once the window is up.

    ``app.text`` imports pypinyin only when first needed, so start-up does not wait for it;
    loading it now keeps that wait out of the first registration as well.
    """
    import threading

    from app.text import pinyin_initials

    def load() -> None:
        pinyin_initials("预载")
        settle_heap()

    threading.Thread(target=load, name="pinyin-preload", daemon=True).start()


def settle_heap() -> None:
    """Take what start-up built (Qt wrappers, dictionaries, pypinyin's tables) out of the
    garbage collector's full passes: otherwise each one walks it all, a UI freeze of
    ~150 ms on a busy PC in the middle of a burst of scans (bench/parcels.py)."""
    import gc

    gc.collect()
    gc.freeze()


def _sign_in(services: Services, parent=None) -> bool:  # noqa: ANN001
    """First-run set-up when the database is empty, then sign-in. False: the user gave up."""
    from ui.dialogs.first_run import FirstRunDialog
    from ui.dialogs.login import LoginDialog

    hint = ""
    if not services.staff.has_any():
        first = FirstRunDialog(services, parent)
        if not first.exec():
            return False
        if services.ctx.operator is not None:
            return True
        summary = first.demo_summary
        if summary is not None:
            hint = getattr(summary, "login_hint", "") or ""
    return bool(LoginDialog(services, parent, hint=hint).exec())
