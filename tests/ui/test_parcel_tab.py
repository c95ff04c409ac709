"""The Parcels tab driven through its real widgets on a real database: intake at scanner speed,
duplicates, recipients on the spot and in a batch, hand-over with one signature, courier
batches, end of day, notices and reminders over a real SMTP server, the SMTP settings page."""

from __future__ import annotations

import socketserver
import threading
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

from app.services.parcels import IntakeInput, ParcelQuery
from tests.conftest import sign_in_as
from tests.unit.test_parcels import _Smtp
from ui.parcels.batch import BatchDialog
from ui.parcels.dialogs import AssignDialog, EndOfDayDialog, ItemDetailDialog, PickupDialog
from ui.parcels.tab import ParcelsTab

CODES = ["SF1234567890123", "YT1234567890123", "JT0001234567890", "773012345678901", "SF9876543210987"]


def make_tab(qtbot, services, bus):
    tab = ParcelsTab(services, bus)
    tab.label_printer = None
    tab.notice_printer = None
    qtbot.addWidget(tab)
    tab.resize(1366, 720)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def drive(tab, fn):
    shown = []

    def exec_dialog(dlg):
        shown.append(dlg)
        return fn(dlg)

    tab.exec_dialog = exec_dialog
    return shown


def scan(qtbot, tab, code: str) -> None:
    tab.scan_field.clear()
    qtbot.keyClicks(tab.scan_field, code)
    qtbot.keyClick(tab.scan_field, Qt.Key.Key_Return)
    assert tab.worker.wait_idle()  # an intake scan commits on the tab's worker thread


def draw_signature(qtbot, pad) -> None:
    canvas = pad.canvas
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(20, 60))
    for x in range(30, 200, 10):
        qtbot.mouseMove(canvas, QPoint(x, 40 + (x % 40)))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(200, 60))


@pytest.fixture
def tab(qtbot, services, bus, translations):
    sign_in_as(services, "reception")
    return make_tab(qtbot, services, bus)


# -- intake -----------------------------------------------------------------------------------


def test_rapid_intake_registers_every_scan_with_the_options_kept(qtbot, tab, services):
    tab.set_mode("intake")
    tab.item_type.setCurrentIndex(tab.item_type.findData("registered"))
    tab.shelf.setText("B-03")
    tab.fragile.setChecked(True)
    for code in CODES:
        scan(qtbot, tab, code)
        assert code in tab.feedback.text() and "Registered" in tab.feedback.text()
    items = services.parcels.list_items(ParcelQuery(), limit=50)
    assert sorted(p.code for p in items) == sorted(CODES)
    assert {(p.item_type, p.shelf, p.fragile, p.unit_id) for p in items} == {("registered", "B-03", True, None)}
    # shown at once, newest first in today's list, without waiting for a reload
    assert [tab.today_model.item(r).code for r in range(5)] == CODES[::-1]
    assert tab.model.rowCount() == 5
    assert tab.today_model.data(tab.today_model.index(0, 1)) == "Registered mail"


def test_a_second_scan_is_caught_with_when_and_the_state(qtbot, tab, services):
    tab.set_mode("intake")
    scan(qtbot, tab, CODES[0])
    scan(qtbot, tab, CODES[0])
    text = tab.feedback.text()
    assert "already received on" in text and "(now: Waiting)" in text and CODES[0] in text
    assert services.parcels.count() == 1
    assert tab.today_model.rowCount() == 1


def test_scans_faster_than_commits_queue_in_order_with_the_options_of_their_moment(qtbot, tab, services):
    tab.set_mode("intake")
    tab.shelf.setText("A-01")
    assert tab.handle_scan(CODES[0])  # taken: the write runs on the worker thread
    tab.shelf.setText("A-02")  # changed before the first write committed: not for that item
    assert tab.handle_scan(CODES[1]) and tab.handle_scan(CODES[0])
    assert tab.worker.wait_idle()
    items = {p.code: p for p in services.parcels.list_items(ParcelQuery(), limit=10)}
    assert sorted(items) == sorted(CODES[:2])
    assert (items[CODES[0]].shelf, items[CODES[1]].shelf) == ("A-01", "A-02")
    assert "already received on" in tab.feedback.text()  # the repeat, after the first committed
    assert [tab.today_model.item(i).code for i in range(2)] == [CODES[1], CODES[0]]


def test_the_reload_after_a_burst_reads_in_the_background_and_a_newer_one_wins(qtbot, tab, services):
    for code in CODES[:3]:
        services.parcels.intake(IntakeInput(code=code, unit_code="A-1203" if code == CODES[0] else ""))
    tab.refresh_in_background()
    assert tab.model.rowCount() == 0  # nothing read on the UI thread
    assert tab.worker.wait_idle()
    assert tab.model.rowCount() == 3 and tab.today_model.rowCount() == 3
    tab.refresh_in_background()  # still reading when the receptionist filters by unit…
    tab.unit_filter.setText("A-1203")
    tab.refresh()
    assert tab.worker.wait_idle()
    assert [tab.model.item(i).code for i in range(tab.model.rowCount())] == [CODES[0]]  # …the filter stays


def test_a_failed_check_digit_is_flagged_as_a_probable_misread(qtbot, tab, services):
    tab.set_mode("intake")
    scan(qtbot, tab, "EE123456789CN")  # S10 with a wrong check digit (5 is right)
    assert "Check digit failed" in tab.feedback.text()
    p = services.parcels.find("EE123456789CN")[0]
    assert p.misread
    row = tab.today_model.row_of(p.id)
    assert "check digit failed" in tab.today_model.data(tab.today_model.index(row, 9))


def test_recipient_typed_after_the_scan_is_assigned_on_the_spot(qtbot, tab, services):
    tab.set_mode("intake")
    scan(qtbot, tab, CODES[0])
    assert "Recipient goes to: " + CODES[0] in tab.target_label.text()
    qtbot.keyClicks(tab.recipient, "5678")  # last four digits of 张三's phone
    qtbot.keyClick(tab.recipient, Qt.Key.Key_Return)
    p = services.parcels.find(CODES[0])[0]
    assert (p.unit_code, p.recipient_name) == ("A-1203", "张三")
    assert tab.recipient.text() == "" and "next item" in tab.target_label.text()
    # typed before the next scan, the recipient goes with that scan (pinyin initials)
    tab.clear_target()
    qtbot.keyClicks(tab.recipient, "oynn")
    tab.recipient.suggester.refresh()
    tab.recipient.suggester.pick(0)
    scan(qtbot, tab, CODES[1])
    p = services.parcels.find(CODES[1])[0]
    assert (p.unit_code, p.recipient_name) == ("A-1204", "欧阳娜娜")
    assert "A-1204" in tab.feedback.text()


def test_unassigned_items_get_their_recipient_later_in_a_batch(qtbot, tab, services):
    tab.set_mode("intake")
    for code in CODES[:3]:
        scan(qtbot, tab, code)
    tab.refresh()
    tab.unassigned_only.setChecked(True)
    tab.refresh()
    assert tab.model.rowCount() == 3
    tab.view.selectAll()

    def fill(dlg):
        assert isinstance(dlg, AssignDialog) and len(dlg.items) == 3
        dlg.recipient.setText("B-0302")
        dlg.shelf.setText("C-01")
        dlg.assign()
        return dlg.result()

    drive(tab, fill)
    done = tab.assign_selected()
    assert done and {(p.unit_code, p.shelf) for p in done} == {("B-0302", "C-01")}
    assert "3 item(s) assigned to B-0302" in tab.feedback.text()
    tab.refresh()
    assert tab.model.rowCount() == 0  # no longer unassigned


def test_no_barcode_gives_an_internal_number_and_prints_its_label(qtbot, tab, services):
    printed = []
    tab.label_printer = printed.append
    tab.set_mode("intake")
    tab.item_type.setCurrentIndex(tab.item_type.findData("letter"))
    tab.recipient.setText("A-1203")
    item = tab.intake_without_barcode()
    assert item.code == "M000001" and item.internal and item.unit_code == "A-1203"
    assert printed == [item]
    from pypdf import PdfReader
    import io

    from ui.parcels.printing import parcel_label_pdf

    text = PdfReader(io.BytesIO(parcel_label_pdf(item))).pages[0].extract_text()
    assert "A-1203" in text and "张三" not in text


# -- pick-up ----------------------------------------------------------------------------------


def _three_for_1203(services):
    return [services.parcels.intake(c, unit_code="A-1203") for c in CODES[:3]]


def test_scan_in_pickup_mode_hands_over_several_with_one_signature(qtbot, tab, services):
    items = _three_for_1203(services)
    services.parcels.intake(CODES[3], unit_code="A-1204")

    def sign(dlg):
        assert isinstance(dlg, PickupDialog)
        assert dlg.list.count() == 3 and len(dlg.ticked_ids()) == 3  # everything for A-1203 only
        assert dlg.name.currentText() == "张三"
        draw_signature(qtbot, dlg.pad)
        dlg.hand_over()
        return dlg.result()

    shown = drive(tab, sign)
    assert tab.mode == "pickup"
    scan(qtbot, tab, CODES[1])
    assert len(shown) == 1
    assert "Handed over 3 item(s) for A-1203 to 张三" in tab.feedback.text()
    done = [services.parcels.get(p.id) for p in items]
    assert {p.state for p in done} == {"picked_up"} and len({p.pickup_id for p in done}) == 1
    assert services.parcels.signature(done[0].pickup_id).startswith(b"\x89PNG")
    # the item already handed over: when and to whom, no dialog
    scan(qtbot, tab, CODES[0])
    assert len(shown) == 1
    assert "already picked up on" in tab.feedback.text() and "张三" in tab.feedback.text()


def test_someone_else_picking_up_needs_relation_and_id_check(qtbot, tab, services):
    items = _three_for_1203(services)

    def proxy(dlg):
        dlg.tick_all.setChecked(False)
        dlg.list.item(0).setCheckState(Qt.CheckState.Checked)
        dlg.someone_else.setChecked(True)
        dlg.name.setCurrentText("王阿姨")
        dlg.on_paper.setChecked(True)
        dlg.hand_over()
        assert dlg.result_value is None and not dlg.form.error_label("relation").isHidden()
        dlg.relation.setText("保姆")
        dlg.hand_over()
        assert dlg.result_value is None and not dlg.form.error_label("id_checked").isHidden()
        dlg.id_checked.setChecked(True)
        dlg.hand_over()
        return dlg.result()

    drive(tab, proxy)
    tab.recipient.setText("A-1203")
    tab.recipient.chosen = None
    pickup = tab.pickup_for_unit("A-1203")
    assert pickup.picked_up_by == "王阿姨" and pickup.relation == "保姆" and pickup.id_checked
    assert [p.id for p in pickup.items] == [items[0].id]
    assert services.parcels.get(items[1].id).state == "waiting"


def test_pickup_of_an_unknown_number_says_to_register_it(qtbot, tab, services):
    scan(qtbot, tab, CODES[4])
    assert "not in the parcel register" in tab.feedback.text()
    assert services.parcels.count() == 0


def test_scanner_scan_on_another_tab_opens_the_hand_over(qtbot, services, bus, translations):
    from ui.app import ui_settings
    from ui.main_window import MainWindow

    sign_in_as(services, "reception")
    _three_for_1203(services)
    window = MainWindow(services, bus, ui_settings(), translations)
    qtbot.addWidget(window)
    page = window.pages["parcels"]
    shown = drive(page, lambda dlg: QDialog.DialogCode.Rejected)
    window.tabs.setCurrentIndex(0)
    with qtbot.waitSignal(window.scanners.sig_scan, timeout=2000):
        window.scanners.submit_text(CODES[2])
    assert window.tabs.currentWidget() is page
    assert len(shown) == 1 and shown[0].unit_code == "A-1203"
    # in intake mode an internal number scanned anywhere is registered... or caught as known
    page.set_mode("intake")
    window.tabs.setCurrentIndex(0)
    window.scanners.submit_text("M000777")
    assert page.worker.wait_idle()
    assert services.parcels.find("M000777")


# -- lists and actions ------------------------------------------------------------------------


def test_detail_shows_translated_history_and_actions_work(qtbot, tab, services):
    p = services.parcels.intake(CODES[0], unit_code="A-1203")
    tab.refresh()
    tab.view.selectRow(0)

    def reason(dlg):
        dlg.reason.setPlainText("地址不详")
        dlg.person.setText("邮递员 刘")
        dlg.save()
        return dlg.result()

    drive(tab, reason)
    assert tab.act_on_selected("return")
    assert services.parcels.get(p.id).state == "returned"
    details = []
    drive(tab, lambda dlg: details.append(dlg) or 0)
    tab.state_filter.setCurrentIndex(tab.state_filter.findData(""))
    tab.refresh()
    tab.view.selectRow(0)
    tab.open_detail()
    dlg = details[0]
    assert isinstance(dlg, ItemDetailDialog)
    kinds = [dlg.table.item(r, 1).text() for r in range(dlg.table.rowCount())]
    assert kinds == ["Received", "Returned to the post office"]


def test_overdue_items_are_highlighted(qtbot, tab, services):
    sign_in_as(services, "admin")
    services.parcels.intake(CODES[0], unit_code="A-1203", at=datetime.now() - timedelta(days=40))
    services.parcels.intake(CODES[1], unit_code="A-1203", at=datetime.now() - timedelta(days=4))
    services.parcels.intake(CODES[2], unit_code="A-1203")
    tab.refresh()
    colours = [tab.model.data(tab.model.index(r, 0), Qt.ItemDataRole.BackgroundRole) for r in range(3)]
    assert colours[0].color().name() == "#ffcdd2" and colours[1].color().name() == "#ffe0b2" and colours[2] is None
    tab.days_filter.setValue(30)
    tab.refresh()
    assert tab.model.rowCount() == 1


def test_courier_batch_lists_the_differences(qtbot, tab, services, tmp_path):
    manifest = tmp_path / "sf.csv"
    manifest.write_text("运单号,件数\n" + "\n".join(f"{c},1" for c in CODES[:3]) + "\n", encoding="utf-8")
    seen = {}

    def check(dlg):
        assert isinstance(dlg, BatchDialog)
        dlg.courier.setText("顺丰 小李")
        dlg.load_manifest(manifest)
        assert dlg.start() is not None
        # scans from the scanner go to the open check
        assert tab.handle_scan(CODES[0]) and tab.handle_scan(CODES[1])
        dlg.scan_field.setText(CODES[4])
        dlg._scan_entered()  # noqa: SLF001 - the Enter of the dialog's own scan field
        assert tab.worker.wait_idle()  # the scans commit on the tab's worker thread
        seen["missing"] = [dlg.missing.item(i).text() for i in range(dlg.missing.count())]
        seen["unexpected"] = [dlg.unexpected.item(i).text() for i in range(dlg.unexpected.count())]
        seen["counts"] = dlg.counts.text()
        dlg.close_batch()
        seen["closed"] = dlg.counts.text()
        return 0

    drive(tab, check)
    tab.open_batch()
    assert seen["missing"] == [CODES[2]] and seen["unexpected"] == [CODES[4]]
    assert "Expected 3 · scanned 3" in seen["counts"] and "1 missing, 1 not on their list" in seen["counts"]
    assert "check finished" in seen["closed"]
    assert {p.code for p in services.parcels.list_items(ParcelQuery())} == {CODES[0], CODES[1], CODES[4]}


def test_courier_batch_with_a_typed_count(qtbot, tab, services):
    def check(dlg):
        dlg.expected.setValue(3)
        dlg.start()
        dlg.scan(CODES[0])
        assert tab.worker.wait_idle()
        return dlg.counts.text()

    shown = drive(tab, check)
    tab.open_batch()
    assert "Expected 3 · scanned 1 · 2 missing" in shown[0].counts.text()


def test_end_of_day_asks_a_reason_for_each_item_left(qtbot, tab, services):
    services.parcels.intake(CODES[0], unit_code="A-1203")
    services.parcels.intake(CODES[1], unit_code="A-1204")

    def close(dlg):
        assert isinstance(dlg, EndOfDayDialog) and dlg.table.rowCount() == 2
        assert not dlg.check()
        assert "2 without a reason" in dlg.summary.text()
        dlg.set_reason(0, "业主出差")
        dlg.set_reason(1, "电话无人接听")
        assert dlg.check()
        assert "Day closed" in dlg.summary.text()
        return 0

    import ui.errors

    warnings = []
    orig = ui.errors.QMessageBox.warning
    ui.errors.QMessageBox.warning = lambda *a: warnings.append(a[2])
    try:
        drive(tab, close)
        assert tab.open_end_of_day()
    finally:
        ui.errors.QMessageBox.warning = orig
    assert warnings and "have no reason recorded" in warnings[0]


# -- notices ----------------------------------------------------------------------------------


@pytest.fixture
def smtp_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Smtp)
    server.daemon_threads = True
    server.messages = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_notices_print_one_per_unit(qtbot, tab, services):
    _three_for_1203(services)
    services.parcels.intake(CODES[3], unit_code="B-0302")
    printed = []
    tab.notice_printer = printed.append
    tab.print_notices()
    assert [n.unit_code for n in printed[0]] == ["A-1203", "B-0302"]
    from app.printing.parcel_notice import render_pickup_notices
    import io

    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(render_pickup_notices(printed[0]))).pages[0].extract_text()
    assert "A-1203" in text and "B-0302" in text and "张三" not in text


def test_smtp_settings_page_saves_and_reminders_go_out_bundled(qtbot, services, bus, translations, smtp_server):
    from ui.parcels.settings_page import ParcelSettingsPage

    sign_in_as(services, "super")
    page = ParcelSettingsPage(services, bus)
    qtbot.addWidget(page)
    page.host.setText("127.0.0.1")
    page.port.setValue(smtp_server.server_address[1])
    page.tls.setCurrentIndex(page.tls.findData("none"))
    page.user.setText("")
    page.password.setText("pw-secret")
    page.sender.setText("bad address")
    page.reminder_days.setValue(2)
    assert not page.save()
    assert not page.form.error_label("smtp.from").isHidden()
    page.sender.setText("desk@example.com")
    assert page.save()
    values = services.settings.all()
    assert (values["smtp.host"], values["smtp.port"], values["smtp.tls"], values["smtp.from"],
            values["parcels.reminder_days"]) == ("127.0.0.1", smtp_server.server_address[1], "none",
                                                 "desk@example.com", 2)
    page.test_to.setText("owner@example.com")
    assert page.send_test() and len(smtp_server.messages) == 1

    # Reminders from the tab: one e-mail for A-1203 (two items), a printed notice for B-0302.
    old = datetime.now() - timedelta(days=3)
    for code in CODES[:2]:
        services.parcels.intake(IntakeInput(code=code, unit_code="A-1203"), at=old)
    services.parcels.intake(IntakeInput(code=CODES[2], unit_code="B-0302"), at=old)
    services.parcels.set_contact("A-1203", "zhang@example.com")
    tab = make_tab(qtbot, services, bus)
    printed = []
    tab.notice_printer = printed.append
    result = tab.send_reminders()
    assert [(u, ch, n) for u, ch, n in result.sent] == [("A-1203", "email", 2), ("B-0302", "print", 1)]
    assert len(smtp_server.messages) == 2
    body = smtp_server.messages[1].decode("utf-8", "replace")
    assert "zhang@example.com" in body and CODES[0] in body and CODES[1] in body
    assert [n.unit_code for n in printed[0]] == ["B-0302"]
    assert "1 e-mailed, 1 to print" in tab.feedback.text()
    # the password never reaches the audit log
    from sqlalchemy import select

    from db.models import AuditEntry

    with services.ctx.db.read() as s:
        assert not any("pw-secret" in str(a.after) + str(a.before) for a in s.execute(select(AuditEntry)).scalars())


# -- language ---------------------------------------------------------------------------------


def test_the_tab_switches_language_live(qtbot, tab, services, translations):
    services.parcels.intake(CODES[0], unit_code="A-1203")
    tab.refresh()
    assert tab.intake_mode.text() == "&Intake (F7)"
    translations.set_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: tab.intake_mode.text() == "收件(&I) (F7)", timeout=3000)
        assert tab.model.data(tab.model.index(0, 1)) == "包裹"
        assert tab.model.data(tab.model.index(0, 8)) == "待领取"
        assert tab.model.headerData(0, Qt.Orientation.Horizontal) != "Number"
    finally:
        translations.set_language("en")
    qtbot.waitUntil(lambda: tab.intake_mode.text() == "&Intake (F7)", timeout=3000)
    assert tab.model.data(tab.model.index(0, 8)) == "Waiting"
