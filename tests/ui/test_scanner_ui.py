"""Scanners in the GUI: the bridge's signals, the keyboard-wedge field, the settings page."""

from __future__ import annotations

import json
import sys
import threading

import pytest
from PySide6.QtCore import Qt

from app.devices.line_parser import ScanError, ScanEvent
from app.devices.recognition import default_rules_data
from app.devices.scanner_config import (
    ScannerConfig,
    WedgeConfig,
    load_scanner_settings,
    scanners_path,
)
from tests.conftest import sign_in_as
from tests.unit.scanner_helpers import PtyScanner
from ui.scanner.bridge import ScannerBridge
from ui.widgets.scan_field import ScanLineEdit

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


@pytest.fixture
def bridge(qapp):
    b = ScannerBridge(register=False)
    yield b
    b.stop()


@pytest.fixture
def pty(tmp_path):
    device = PtyScanner(tmp_path)
    yield device
    device.close()


def connected(name: str):
    return lambda n, state: n == name and state == "connected"


# -- the bridge -----------------------------------------------------------------------------------


@posix_only
def test_bridge_delivers_scans_on_the_ui_thread(qtbot, bridge, pty):
    seen = []
    bridge.sig_scan.connect(lambda e: seen.append((e, threading.current_thread() is threading.main_thread())))
    with qtbot.waitSignal(bridge.sig_state, timeout=5000, check_params_cb=connected("front")):
        bridge.start([ScannerConfig("front", str(pty.port))])
    with qtbot.waitSignal(bridge.sig_scan, timeout=5000) as blocker:
        pty.write(b"]C1K00012345\r")
    event = blocker.args[0]
    assert isinstance(event, ScanEvent)
    assert (event.text, event.kind, event.source, event.symbology) == ("K00012345", "key_tag", "front", "gs1-128")
    assert seen[0][1], "sig_scan must be emitted on the UI thread"
    with qtbot.waitSignal(bridge.sig_error, timeout=5000) as blocker:
        pty.write(b"\x00\x07junk\r")
    assert isinstance(blocker.args[0], ScanError) and blocker.args[0].key == "scan.garbage"
    assert bridge.states() == {"front": "connected"} and bridge.overall_state() == "connected"


@posix_only
def test_bridge_reports_unplug_and_replug(qtbot, bridge, pty):
    with qtbot.waitSignal(bridge.sig_state, timeout=5000, check_params_cb=connected("front")):
        bridge.start([ScannerConfig("front", str(pty.port))])
    with qtbot.waitSignal(bridge.sig_state, timeout=5000,
                          check_params_cb=lambda n, s: s == "reconnecting"):
        pty.unplug()
    assert bridge.overall_state() == "reconnecting"
    with qtbot.waitSignal(bridge.sig_state, timeout=5000, check_params_cb=connected("front")):
        pty.replug()
    with qtbot.waitSignal(bridge.sig_scan, timeout=5000) as blocker:
        pty.write(b"V12\r")
    assert blocker.args[0].kind == "visitor_badge"


@posix_only
def test_bridge_runs_two_scanners_and_restarts_with_new_settings(qtbot, bridge, tmp_path):
    a, b = PtyScanner(tmp_path, "a"), PtyScanner(tmp_path, "b")
    try:
        bridge.start([ScannerConfig("A", str(a.port)), ScannerConfig("B", str(b.port))])
        qtbot.waitUntil(lambda: bridge.states() == {"A": "connected", "B": "connected"}, timeout=5000)
        texts = []
        bridge.sig_scan.connect(lambda e: texts.append((e.source, e.text)))
        a.write(b"K1001\r")
        b.write(b"K2002\r")
        qtbot.waitUntil(lambda: sorted(texts) == [("A", "K1001"), ("B", "K2002")], timeout=5000)
        # restart with only B, disabled: A's late "stopped" must not come back as a state
        bridge.restart([ScannerConfig("B", str(b.port), enabled=False)])
        qtbot.waitUntil(lambda: bridge.states() == {"B": "not_configured"}, timeout=5000)
        qtbot.wait(100)
        assert bridge.states() == {"B": "not_configured"} and bridge.overall_state() == "not_configured"
    finally:
        a.close()
        b.close()


def test_bridge_without_configuration_says_not_configured(qtbot, bridge):
    with qtbot.waitSignal(bridge.sig_state) as blocker:
        bridge.start()  # no scanners.json in the test's data folder
    assert blocker.args == ["", "not_configured"]
    assert bridge.overall_state() == "not_configured"


def test_a_damaged_settings_file_is_reported_not_raised(qtbot, bridge):
    scanners_path().write_text("{", encoding="utf-8")
    with qtbot.waitSignal(bridge.sig_error) as blocker:
        bridge.start()
    assert blocker.args[0].key == "scanner.config_invalid"


def test_keyboard_scans_go_through_the_same_checks_and_rules(qtbot, bridge):
    with qtbot.waitSignal(bridge.sig_scan) as blocker:
        bridge.submit_text("]Q1R2026-000123")
    e = blocker.args[0]
    assert (e.text, e.kind, e.symbology, e.source) == ("R2026-000123", "receipt", "qr", "keyboard")
    with qtbot.waitSignal(bridge.sig_error) as blocker:
        bridge.submit_text("R2026-000123")  # the same code again within a second
    assert blocker.args[0].key == "scan.double_read"
    # test mode: scans go to the test signal only
    bridge.set_test_mode(True)
    got = []
    bridge.sig_scan.connect(got.append)
    with qtbot.waitSignal(bridge.sig_test_scan):
        bridge.submit_text("K7777")
    bridge.set_test_mode(False)
    assert got == []


def test_rules_come_from_the_shared_settings_and_follow_changes(qtbot, services, bus):
    b = ScannerBridge(services=services, bus=bus, register=False)
    assert [r.kind for r in b.rules] == [r["kind"] for r in default_rules_data()]
    sign_in_as(services, "super")
    services.settings.set("scanner.rules", [{"kind": "pass", "pattern": "^K", "description": ""}])
    bus.sig_changed.emit("settings")
    with qtbot.waitSignal(b.sig_scan) as blocker:
        b.submit_text("K1234")
    assert blocker.args[0].kind == "pass"


# -- the keyboard-wedge field ---------------------------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def type_keys(qtbot, field, text: str, clock: FakeClock, gap_ms: float) -> None:
    for ch in text:
        clock.now += gap_ms / 1000
        qtbot.keyClick(field, ch)


def enter(qtbot, field, clock: FakeClock, gap_ms: float) -> None:
    clock.now += gap_ms / 1000
    qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.fixture
def field(qtbot):
    clock = FakeClock()
    f = ScanLineEdit(clock=clock, wedge=WedgeConfig())
    qtbot.addWidget(f)
    f.show()
    f.setFocus()
    return f, clock


def test_input_methods_are_off(field):
    f, _ = field
    assert not f.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)


def test_a_fast_burst_ending_with_enter_is_a_scan_and_typing_stays_typing(qtbot, field):
    f, clock = field
    scanned, entered = [], []
    f.sig_scanned.connect(scanned.append)
    f.returnPressed.connect(lambda: entered.append(f.text()))
    # a person: 150 ms between keys
    type_keys(qtbot, f, "K123456", clock, 150)
    enter(qtbot, f, clock, 150)
    assert scanned == [] and entered == ["K123456"] and not f.last_entry_was_scan
    f.clear()
    # a scanner: 3 ms between keys — by default the field keeps working as before, plus the signal
    type_keys(qtbot, f, "K654321", clock, 3)
    enter(qtbot, f, clock, 3)
    assert scanned == ["K654321"] and entered[-1] == "K654321" and f.last_entry_was_scan
    # too short for a scan, however fast (a person's double tap)
    f.clear()
    type_keys(qtbot, f, "V12", clock, 3)
    enter(qtbot, f, clock, 3)
    assert scanned == ["K654321"]
    # a person typing, then a scanner burst in the same field: only the burst is the code
    f.clear()
    f.consume_scans = True
    enters = len(entered)
    type_keys(qtbot, f, "ab", clock, 200)
    clock.now += 1.0  # a while later the scanner fires
    type_keys(qtbot, f, "V000123", clock, 2)
    enter(qtbot, f, clock, 2)
    assert scanned[-1] == "V000123" and f.text() == "ab"  # consumed: the field is as before
    assert len(entered) == enters, "a consumed scan's Enter is swallowed"


def test_backspace_breaks_a_burst(qtbot, field):
    f, clock = field
    scanned = []
    f.sig_scanned.connect(scanned.append)
    type_keys(qtbot, f, "K1234567", clock, 3)
    clock.now += 0.003
    qtbot.keyClick(f, Qt.Key.Key_Backspace)
    type_keys(qtbot, f, "8", clock, 3)
    enter(qtbot, f, clock, 3)
    assert scanned == []


def test_prefix_and_suffix_make_timing_irrelevant(qtbot, field):
    f, clock = field
    f.set_wedge(WedgeConfig(prefix="#", suffix="!"))
    f.consume_scans = True
    scanned = []
    f.sig_scanned.connect(scanned.append)
    f.setText("note ")
    f.setCursorPosition(5)
    type_keys(qtbot, f, "#K1!", clock, 120)  # slow, but framed by the prefix and suffix
    assert scanned == ["K1"] and f.text() == "note "
    enter(qtbot, f, clock, 5)  # the scanner's own Enter after the suffix is swallowed too
    assert f.text() == "note "
    # without consuming: the framed code replaces what the scanner typed
    f.consume_scans = False
    f.clear()
    type_keys(qtbot, f, "#V-77!", clock, 2)
    assert scanned[-1] == "V-77" and f.text() == "V-77"


def test_prefix_only_ends_at_enter(qtbot, field):
    f, clock = field
    f.set_wedge(WedgeConfig(prefix="~"))
    scanned = []
    f.sig_scanned.connect(scanned.append)
    type_keys(qtbot, f, "~P123456", clock, 50)
    enter(qtbot, f, clock, 50)
    assert scanned == ["P123456"] and f.text() == "P123456"


def test_real_key_timing(qtbot):
    """The real clock: keys sent without delay are a burst; keys 60 ms apart are typing."""
    f = ScanLineEdit(wedge=WedgeConfig(max_gap_ms=200))  # generous: a busy test machine stalls
    qtbot.addWidget(f)
    f.show()
    scanned = []
    f.sig_scanned.connect(scanned.append)
    qtbot.keyClicks(f, "K99887766")
    qtbot.keyClick(f, Qt.Key.Key_Return)
    assert scanned == ["K99887766"]
    f.clear()
    f.set_wedge(WedgeConfig(max_gap_ms=30))
    qtbot.keyClicks(f, "K11223344", delay=60)
    qtbot.wait(60)
    qtbot.keyClick(f, Qt.Key.Key_Return)
    assert scanned == ["K99887766"]


# -- the settings page ----------------------------------------------------------------------------


@pytest.fixture
def page(qtbot, services, bus, translations, bridge):
    from ui.scanner.settings_page import ScannerSettingsPage

    p = ScannerSettingsPage(services, bus, bridge=bridge)
    qtbot.addWidget(p)
    p.resize(760, 420)
    p.show()
    return p


@posix_only
def test_live_view_shows_each_scan_and_error_as_it_arrives(qtbot, page, bridge, pty):
    assert bridge.test_mode, "while the page is shown, scans are for the test view"
    routed = []
    bridge.sig_scan.connect(routed.append)
    bridge.start([ScannerConfig("front", str(pty.port))])
    qtbot.waitUntil(lambda: bridge.states().get("front") == "connected", timeout=5000)
    assert "front: connected" in page.test_states.text()
    page.tabs.setCurrentIndex(3)
    pty.write(b"]E06901234567892\r")
    qtbot.waitUntil(lambda: page.live.rowCount() == 1, timeout=5000)
    row = [page.live.item(0, c).text() for c in range(6)]
    # a product EAN-13 (69…): no longer taken for a parcel (the old placeholder parcel rule did)
    assert row[1:] == ["front", "]E06901234567892", "6901234567892", "Unknown code", "EAN-13  ]E0"]
    pty.write(b"\x01\x02\r")
    qtbot.waitUntil(lambda: page.live.rowCount() == 2, timeout=5000)
    assert page.live.item(0, 4).text() == "Error" and "invalid character" in page.live.item(0, 3).text()
    # the keyboard-wedge test field feeds the same view
    qtbot.keyClicks(page.wedge_test, "V000042")
    qtbot.keyClick(page.wedge_test, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.live.rowCount() == 3)
    assert [page.live.item(0, c).text() for c in (1, 3, 4)] == ["Keyboard", "V000042", "Visitor badge"]
    assert routed == [], "a test scan must not reach the main window"
    page.hide()
    assert not bridge.test_mode


def retype(qtbot, line_edit, text: str) -> None:
    """Replace a line edit's text by typing, as a person would (so textEdited fires)."""
    from tests.ui.conftest import type_text

    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClick(line_edit, Qt.Key.Key_Delete)
    type_text(qtbot, line_edit, text)


def test_add_edit_save_and_validation(qtbot, page, bridge):
    page.add_scanner()
    assert page.name.text() == "Scanner 1"
    retype(qtbot, page.port.lineEdit(), "")
    assert not page.save_scanners()
    assert page.line_form.error_label("port").isVisibleTo(page)
    assert not scanners_path().exists()
    retype(qtbot, page.port.lineEdit(), "loop://")
    retype(qtbot, page.name, "前台")
    page.terminator.setCurrentIndex(page.terminator.findData("none"))
    retype(qtbot, page.prefix, "\\x02")
    page.add_scanner()
    retype(qtbot, page.port.lineEdit(), "socket://127.0.0.1:9")
    retype(qtbot, page.wedge_prefix, "§")
    with qtbot.waitSignal(bridge.sig_state, timeout=5000, check_params_cb=connected("前台")):
        assert page.save_scanners()
    saved = load_scanner_settings()
    assert [(s.name, s.port, s.terminator, s.prefix) for s in saved.scanners] == [
        ("前台", "loop://", "none", "\x02"), ("Scanner 2", "socket://127.0.0.1:9", "CR", "")]
    assert saved.wedge.prefix == "§" and ScanLineEdit._default_wedge.prefix == "§"
    assert json.loads(scanners_path().read_text(encoding="utf-8"))["version"] == 1
    ScanLineEdit.set_default_wedge(WedgeConfig())
    # two scanners with the same name are refused, the message under the name
    page.scanner_list.setCurrentRow(1)
    retype(qtbot, page.name, "前台")
    assert not page.save_scanners()
    assert page.scanner_list.currentRow() == 1
    assert "Another scanner is called" in page.line_form.error_label("name").text()
    # remove one, save again
    page.remove_scanner()
    assert page.save_scanners()
    assert [s.name for s in load_scanner_settings().scanners] == ["前台"]


def test_rules_editing_needs_a_supervisor_and_is_saved_shared(qtbot, services, bus, translations, bridge):
    from ui.scanner.settings_page import ScannerSettingsPage

    sign_in_as(services, "reception")
    p = ScannerSettingsPage(services, bus, bridge=bridge)
    qtbot.addWidget(p)
    assert not p.rules_save.isEnabled()
    sign_in_as(services, "super")
    p = ScannerSettingsPage(services, bus, bridge=bridge)
    qtbot.addWidget(p)
    assert p.rules_save.isEnabled()
    assert p.rules_data() == default_rules_data()  # translated descriptions are stored unchanged
    p.try_code.setText("K12345")
    assert p.try_result.text() == "→ Key tag"
    p.rules_table.item(0, 1).setText(r"^KEY\d+$")
    assert p.try_result.text() == "→ Unknown code"
    p.rules_table.item(0, 1).setText("(")
    assert "not a valid regular expression" in p.try_result.text()
    p.rules_table.item(0, 1).setText(r"^KEY\d+$")
    with qtbot.waitSignal(bus.sig_changed, check_params_cb=lambda t: t == "settings"):
        assert p.save_rules()
    assert services.settings.get("scanner.rules")[0]["pattern"] == r"^KEY\d+$"


def test_settings_dialog_has_the_scanners_page(qtbot, services, bus, translations):
    from ui.app import ui_settings
    from ui.dialogs.settings import SettingsDialog

    dlg = SettingsDialog(services, bus, ui_settings(), translations)
    qtbot.addWidget(dlg)
    titles = [dlg.pages.tabText(i) for i in range(dlg.pages.count())]
    assert titles[dlg.pages.indexOf(dlg.scanners_page)] == "Scanners"  # pages of other modules may follow
    assert dlg.scanners_page.tabs.tabText(3) == "Test your scanner"
    translations.set_language("zh_CN")
    qtbot.wait(10)
    assert dlg.pages.tabText(4) == "扫描枪"
    assert dlg.scanners_page.tabs.tabText(3) == "测试扫描枪"


def test_default_rule_descriptions_have_translations():
    from ui.scanner.texts import RULE_DESCRIPTIONS

    assert set(RULE_DESCRIPTIONS) == {r["description"] for r in default_rules_data()}
    assert all(k == v for k, v in RULE_DESCRIPTIONS.items())


def test_every_kind_and_state_has_a_name():
    from app.devices.recognition import KINDS, UNKNOWN
    from app.devices.serial_reader import STATES
    from ui.scanner.texts import KIND_NAMES, STATE_NAMES

    assert set(KIND_NAMES) == {*KINDS, UNKNOWN}
    assert set(STATE_NAMES) == set(STATES)
