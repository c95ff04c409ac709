"""Translations complete and in sync, live switching, Chinese glyphs, and ``reception --smoke``."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QRawFont

from tests.conftest import sign_in_as

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "reception_zh_CN.ts"


def _messages(path: Path):
    for ctx in ET.parse(path).getroot().iter("context"):
        for m in ctx.iter("message"):
            yield ctx.find("name").text, m


def test_zh_cn_has_no_unfinished_entry():
    bad = []
    for ctx, m in _messages(TS):
        tr = m.find("translation")
        text = "".join(tr.itertext()).strip()
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not text:
            bad.append((ctx, m.find("source").text))
    assert bad == []


def test_ts_is_in_sync_with_the_source(tmp_path):
    """Running lupdate over ui/ finds no string missing from the committed .ts."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import update_translations
    finally:
        sys.path.pop(0)
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    update_translations.update([copy])
    new = [(ctx, m.find("source").text) for ctx, m in _messages(copy)
           if m.find("translation").get("type") == "unfinished"]
    assert new == [], "run tools/update_translations.py and translate the new strings"


def test_placeholders_survive_translation():
    for ctx, m in _messages(TS):
        src = m.find("source").text
        text = "".join(m.find("translation").itertext())
        for ph in set(re.findall(r"\{\w+\}|%\d|%n", src)):
            assert ph in text, (ctx, src, text)


def test_every_message_key_raised_in_app_has_a_text():
    from ui.messages import MESSAGES

    keys = set()
    pattern = re.compile(r"""(?:Error|add|FieldError)\(\s*(?:"[\w.]+",\s*)?"([a-z_]+\.[a-z_.]+)\"""")
    for path in list((ROOT / "app").rglob("*.py")) + list((ROOT / "db").rglob("*.py")):
        keys |= set(pattern.findall(path.read_text(encoding="utf-8")))
    keys |= {"db.locked", "db.disk_full", "db.unavailable", "db.write_failed", "db.schema_too_new",
             "db.migration_failed", "db.network_path"}
    missing = sorted(k for k in keys if k not in MESSAGES)
    assert missing == []


def test_language_switches_at_run_time(qtbot, services, bus, translations):
    from ui.app import ui_settings
    from ui.main_window import MainWindow

    sign_in_as(services, "reception")
    window = MainWindow(services, bus, ui_settings(), translations)
    qtbot.addWidget(window)
    assert window.tab_titles() == ["Visitors", "Keys", "Parcels & mail", "Newspapers", "Repairs", "Receipts", "Renovation"]
    translations.set_language("zh_CN")
    qtbot.wait(10)  # LanguageChange is a posted event, delivered by the event loop
    assert window.tab_titles() == ["访客登记", "钥匙管理", "邮件包裹", "报刊", "报修", "收款收据", "装修"]
    tab = window.pages["visitors"]
    assert tab.form_box.title() == "访客登记"
    assert tab.register_model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "进入时间"
    assert "王芳" in window.operator_label.text() and "前台接待" in window.operator_label.text()
    translations.set_language("en")
    qtbot.wait(10)
    assert tab.form_box.title() == "Register a visitor"


def test_bundled_font_draws_chinese(qapp, translations):
    from ui.fonts import install_fonts

    family = install_fonts(qapp)
    assert family == "WenQuanYi Micro Hei"
    assert family in qapp.font().families()
    raw = QRawFont.fromFont(QFont(family))
    assert [c for c in "访客登记钥匙邮件¥" if not raw.supportsCharacter(ord(c))] == []


def _smoke(tmp_path, *args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RECEPTION_HOME": str(tmp_path / "home")}
    return subprocess.run([sys.executable, "-m", "app", "--smoke", *args], capture_output=True, text=True,
                          env=env, timeout=120, cwd=str(ROOT))


@pytest.mark.parametrize("lang, tabs", [
    ("en", ["Visitors", "Keys", "Parcels & mail", "Newspapers", "Repairs", "Receipts", "Renovation"]),
    ("zh_CN", ["访客登记", "钥匙管理", "邮件包裹", "报刊", "报修", "收款收据", "装修"]),
])
def test_smoke_prints_the_five_tabs(tmp_path, lang, tabs):
    db = tmp_path / "smoke.sqlite"
    result = _smoke(tmp_path, "--db", f"sqlite:///{db}", "--lang", lang)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    from app import __version__
    from db.migrate import head_revision

    assert report == {"version": __version__, "language": lang, "tabs": tabs,
                      "database": f"sqlite:///{db}", "schema": head_revision()}


def test_smoke_hides_password_and_fails_clearly(tmp_path):
    result = _smoke(tmp_path, "--db", "postgresql+psycopg://counter:s3cret@127.0.0.1:1/none")
    assert result.returncode != 0
    assert "s3cret" not in result.stdout + result.stderr
    assert result.stderr.strip() and "Traceback" not in result.stderr


def test_smoke_refuses_a_newer_database(tmp_path):
    import sqlite3

    db = tmp_path / "newer.sqlite"
    assert _smoke(tmp_path, "--db", f"sqlite:///{db}").returncode == 0
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num='9999zz'")
    con.commit()
    con.close()
    result = _smoke(tmp_path, "--db", f"sqlite:///{db}", "--lang", "en")
    assert result.returncode != 0
    assert "newer version" in result.stderr


def test_no_literal_reaches_a_private_translate_wrapper():
    """lupdate only sees tr(), translate() and QT_TRANSLATE_NOOP(); a literal passed to a
    home-made ``_t("…")`` would silently stay English."""
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"""\b_t\(\s*["']""", line):
                offenders.append(f"{path.relative_to(ROOT)}:{n}")
    assert offenders == []
