"""Grab screenshots of the main window offscreen, in both languages (for docs/ and review).

Usage: python tools/screenshot.py OUT_DIR [--all-tabs]
(fills a demo database; ``--all-tabs`` also saves every tab as tab-<key>-<lang>.png)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0] if args else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    home = tempfile.mkdtemp(prefix="reception-shot-")
    os.environ["RECEPTION_HOME"] = home
    from PySide6.QtWidgets import QApplication

    from app.context import AppContext
    from app.demo import fill_demo
    from app.services import Services
    from app.startup import open_database
    from ui.app import release_widget, ui_settings
    from ui.bus import DataBus
    from ui.fonts import install_fonts
    from ui.i18n import Translations
    from ui.main_window import MainWindow

    app = QApplication([])
    install_fonts(app)
    opened = open_database(f"sqlite:///{home}/demo.sqlite")
    services = Services(AppContext(opened.db))
    summary = fill_demo(services)
    front = next(a for a in summary.accounts if a.role == "receptionist")
    services.staff.sign_in(front.username, front.password)
    translations = Translations()
    for lang in ("zh_CN", "en"):
        translations.set_language(lang)
        window = MainWindow(services, DataBus(), ui_settings(), translations)
        window.resize(1366, 768)
        window.show()
        app.processEvents()
        tab = window.pages["visitors"]
        tab.form.name.setText("张")
        app.processEvents()
        window.grab().save(str(out / f"visitors-{lang}.png"))
        tab.pages.setCurrentIndex(1)
        tab.search.setText("zs")
        tab.refresh_register()
        app.processEvents()
        window.grab().save(str(out / f"register-{lang}.png"))
        # The Keys tab as the counter sees it after scanning a key that was out.
        window.tabs.setCurrentWidget(window.pages["keys"])
        keys = window.pages["keys"]
        out_now = keys.out_model.rowCount()
        if out_now:
            keys.handle_scan(keys.out_model.item(0).loan.tag_code)
        app.processEvents()
        window.grab().save(str(out / f"keys-{lang}.png"))
        if "--all-tabs" in sys.argv:
            for i, key in enumerate(window.pages):
                window.tabs.setCurrentIndex(i)
                app.processEvents()
                window.grab().save(str(out / f"tab-{key}-{lang}.png"))
        window.close()
        release_widget(window)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
