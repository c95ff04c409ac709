"""A scan does the right thing wherever the user is: the main window routes it by kind."""

from __future__ import annotations

from app.services.visitors import VisitInput, VisitQuery
from tests.conftest import sign_in_as
from ui.app import ui_settings
from ui.main_window import MainWindow


def _window(qtbot, services, bus, translations):
    window = MainWindow(services, bus, ui_settings(), translations)
    qtbot.addWidget(window)
    return window


def test_badge_scan_signs_the_visitor_out_from_any_tab(qtbot, services, bus, translations):
    sign_in_as(services, "reception")
    services.visitors.register(VisitInput("李四", "passport", "E1234567", "拜访", host_note="管理处",
                                          badge_number="V001"))
    window = _window(qtbot, services, bus, translations)
    window.tabs.setCurrentIndex(3)  # the receptionist is elsewhere
    with qtbot.waitSignal(window.scanners.sig_scan, timeout=2000):
        window.scanners.submit_text("V001")
    assert window.tabs.currentWidget() is window.pages["visitors"]
    assert services.visitors.count(VisitQuery(on_site_only=True)) == 0


def test_garbage_and_double_reads_only_give_a_message(qtbot, services, bus, translations):
    window = _window(qtbot, services, bus, translations)
    messages = []
    bus.sig_status.connect(messages.append)
    window.scanners.submit_text("V\x07\x01")
    assert messages and services.visitors.count(VisitQuery()) == 0


def test_scanner_state_in_the_status_bar(qtbot, services, bus, translations):
    window = _window(qtbot, services, bus, translations)
    assert window.scanner_label.text() == "Scanner: not configured"


def test_key_tag_typed_into_the_badge_field_goes_to_the_key_cabinet(qtbot, services, bus, translations):
    from datetime import datetime, timedelta

    from PySide6.QtCore import Qt

    from app.services.keys import IntakeInput, LoanInput

    key = services.keys.intake(IntakeInput("store", "客服部库房", 1, "S-001", "开发商 陈工", area="管理处"))
    services.keys.check_out(key.key_id, LoanInput(
        "盘点", "contractor", borrower_name="刘伟", borrower_company="维修队", borrower_phone="13912345678",
        borrower_doc_type="passport", borrower_doc_number="E1234567", signed_on_slip=True,
        due_at=datetime.now() + timedelta(minutes=30), engineering_repair=True))  # any time of day
    tag = key.tag_code
    assert services.keys.find(tag).status == "out"
    window = _window(qtbot, services, bus, translations)
    tab = window.pages["visitors"]
    qtbot.keyClicks(tab.sign_out_field, tag)
    qtbot.keyClick(tab.sign_out_field, Qt.Key.Key_Return)
    # The key cabinet took it: the key that was out is back in, and its tab is in front.
    assert window.tabs.currentWidget() is window.pages["keys"]
    assert services.keys.find(tag).status == "in"
    assert tab.sign_out_field.text() == ""


def test_a_scan_behind_an_open_window_is_not_acted_on(qtbot, services, bus, translations):
    """A check-out form (or any modal window) is open: a scanned key is neither checked in nor
    given a second form behind it; the spot check, which takes scans, still gets them."""
    from datetime import datetime, timedelta

    from PySide6.QtWidgets import QDialog

    from app.services.keys import IntakeInput, LoanInput
    from ui.keys.spot_check import SpotCheckDialog

    sign_in_as(services, "super")
    key = services.keys.intake(IntakeInput("store", "客服部库房", 1, "S-001", "开发商 陈工", area="管理处"))
    services.keys.check_out(key.key_id, LoanInput(
        "盘点", "staff", borrower_name="刘伟", signed_on_slip=True,
        due_at=datetime.now() + timedelta(minutes=30), engineering_repair=True))
    window = _window(qtbot, services, bus, translations)
    tab = window.pages["keys"]
    opened = []
    tab.exec_dialog = lambda dlg: opened.append(dlg) or QDialog.DialogCode.Rejected
    messages = []
    bus.sig_status.connect(messages.append)

    form = QDialog(window)
    form.setModal(True)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: form.isVisible())
    window.scanners.submit_text(key.tag_code)
    assert services.keys.find(key.tag_code).status == "out" and opened == []
    assert any("was not used" in m and key.tag_code in m for m in messages)

    spot = SpotCheckDialog(services, window)
    spot.setModal(True)
    qtbot.addWidget(spot)
    form.hide()
    spot.show()
    qtbot.waitUntil(lambda: spot.isVisible())
    routed = []
    tab.handle_scan = lambda text: routed.append(text) or True
    window.scanners.submit_text("K07777")
    assert routed == ["K07777"]
    spot.hide()
    del tab.handle_scan  # the real method again

    from ui.parcels.batch import BatchDialog  # the courier batch check takes scans too

    parcels = window.pages["parcels"]
    batch = BatchDialog(services, parcels, window)
    batch.setModal(True)
    qtbot.addWidget(batch)
    batch.show()
    qtbot.waitUntil(lambda: batch.isVisible())
    parcels.handle_scan = lambda text: routed.append(text) or True
    window.scanners.submit_text("SF1234567890123")
    assert routed[-1] == "SF1234567890123"
    batch.hide()
    del parcels.handle_scan

    qtbot.wait(1100)  # past the double-read window for the first scan of the tag
    window.scanners.submit_text(key.tag_code)  # nothing open: the key comes back
    assert services.keys.find(key.tag_code).status == "in"
