"""Window first: the main window's shell is shown before the data layer is imported, then
the tabs are built on the opened database (issue 2's start-up)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.services.keys import IntakeInput
from tests.conftest import sign_in_as
from ui.app import ui_settings
from ui.keys.tab import KeysTab
from ui.main_window import TABS, LoadingPage, MainWindow
from ui.visitors.tab import VisitorTab

ROOT = Path(__file__).resolve().parents[2]


def test_the_shell_needs_no_data_layer():
    code = ("import sys, ui.app, ui.main_window; "
            "print([m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic', 'pypinyin')"
            " or m.startswith(('app.services', 'db.models', 'db.engine'))])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT),
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120, check=True)
    assert out.stdout.strip() == "[]"


def test_the_shell_shows_loading_tabs_then_attach_builds_them(qtbot, services, bus, translations):
    sign_in_as(services, "super")
    services.keys.intake_batch([IntakeInput("store", "客服部库房", 1, "S-001", "开发商 陈工")])
    sign_in_as(services, "reception")
    window = MainWindow(None, bus, ui_settings(), translations)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    titles = [s.title().replace("&&", "&") for s in TABS]
    assert window.tab_titles() == titles and titles[:2] == ["Visitors", "Keys"]
    assert all(isinstance(window.pages[s.key], LoadingPage) for s in TABS)
    assert window.pages["keys"].label.text() == "Loading…"
    assert not window.act_settings.isEnabled() and not window.act_switch.isEnabled()
    assert window.operator_label.text() == "Opening the database…"
    assert window.scanners is None

    window.tabs.setCurrentIndex(1)  # the user may click a tab while it loads
    window.attach(services)
    assert isinstance(window.pages["visitors"], VisitorTab) and isinstance(window.pages["keys"], KeysTab)
    assert window.tabs.count() == len(TABS) and window.tabs.currentWidget() is window.pages["keys"]
    assert window.tabs.widget(0) is window.pages["visitors"]
    assert window.tab_titles() == titles
    assert window.act_settings.isEnabled() and window.act_switch.isEnabled()
    assert "Operator:" in window.operator_label.text()
    assert window.scanners is not None
    assert window.pages["keys"].key_model.rowCount() == 1
    qtbot.waitUntil(lambda: window.pages["keys"].scan_field.hasFocus())


def test_smoke_reports_the_first_paint_before_it_is_ready(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RECEPTION_HOME": str(tmp_path / "home"),
           "RECEPTION_REPORT_SHOWN": "1"}
    result = subprocess.run([sys.executable, "-m", "app", "--smoke", "--db", f"sqlite:///{tmp_path / 's.sqlite'}"],
                            capture_output=True, text=True, env=env, timeout=120, cwd=str(ROOT))
    assert result.returncode == 0, result.stderr
    shown = [ln.split() for ln in result.stderr.splitlines() if ln.startswith("shown")]
    assert len(shown) == 1 and float(shown[0][1]) > 0  # with the CPU seconds used so far
    assert json.loads(result.stdout.strip().splitlines()[-1])["tabs"][1] == "Keys"
