"""Make sure Chinese renders: register the bundled font and use it as a fallback."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.paths import resources_dir

log = logging.getLogger(__name__)

BUNDLED_FONT = "fonts/wqy-microhei.ttc"


def install_fonts(app: QApplication) -> str | None:
    """Register the bundled font and append it to the application font's families.

    The system's own UI font stays first (Microsoft YaHei UI on a Chinese Windows); the
    bundled font catches every glyph it lacks, so a machine without Chinese fonts shows
    Chinese instead of boxes.
    """
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / BUNDLED_FONT))
    if font_id < 0:
        log.error("bundled font could not be loaded")
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(app.font())
    families = [f for f in font.families() if f != family] + [family]
    font.setFamilies(families)
    app.setFont(font)
    return family
