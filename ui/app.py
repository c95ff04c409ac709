"""Starting the GUI: logging, fonts, language, database, first run, sign-in, main window."""

from __future__ import annotations

import json
import logging
import sys
from argparse import Namespace

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.context import AppContext
from app.logs import setup_logging
from app.paths import data_dir
from app.services import Services
from app.startup import OpenedDatabase, open_database, resolve_db_url
from ui.bus import DataBus
from ui.errors import install_excepthook
from ui.fonts import install_fonts
from ui.i18n import Translations, system_language
from ui.messages import message

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

    url = resolve_db_url(args.db)
    try:
        opened = open_database(url)
    except Exception as exc:  # noqa: BLE001 - every start-up failure gets a clear message
        log.exception("cannot open database %s", url)
        text = _open_failure_text(exc)
        if args.smoke:
            sys.stderr.write(f"reception: {text}\n")
            return 2
        QMessageBox.critical(None, "Reception Desk", text)
        return 2
    if opened.migration.backup is not None:
        log.info("database migrated %s -> %s; backup at %s", opened.migration.before,
                 opened.migration.after, opened.migration.backup)

    services = Services(AppContext(opened.db))
    bus = DataBus()
    if not args.smoke:
        if not _sign_in(services):
            return 0
        _purge_expired_documents(services)

    from ui.main_window import MainWindow

    window = MainWindow(services, bus, settings, translations)
    bus.sig_changed.connect(lambda topic: topic == "language" and window.retranslate())
    window.show()
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
    code = app.exec()
    opened.db.dispose()
    return code


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


def _sign_in(services: Services) -> bool:
    """First-run set-up when the database is empty, then sign-in. False: the user gave up."""
    from ui.dialogs.first_run import FirstRunDialog
    from ui.dialogs.login import LoginDialog

    hint = ""
    if not services.staff.has_any():
        first = FirstRunDialog(services)
        if not first.exec():
            return False
        if services.ctx.operator is not None:
            return True
        summary = first.demo_summary
        if summary is not None:
            hint = getattr(summary, "login_hint", "") or ""
    return bool(LoginDialog(services, hint=hint).exec())
