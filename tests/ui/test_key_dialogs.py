"""The key cabinet's secondary dialogs driven as the counter uses them: real widgets (offscreen),
real services on a real SQLite file. Each dialog is filled and saved through its own widgets;
a wrong entry must show its message under the field and change nothing in the database."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from app.services.keys import IntakeInput, LoanInput
from tests.conftest import sign_in_as
from tests.ui.conftest import type_text
from tests.ui.test_key_tab import cabinet, drive, make_tab  # noqa: F401 - the shared fixture
from ui.keys.dialogs import (
    AcknowledgeDialog,
    CopyRequestDialog,
    EmergencyDialog,
    FoundDialog,
    HandOverDialog,
    LockChangeDialog,
    LostDialog,
    RetireDialog,
    ShiftCloseDialog,
)
from ui.keys.registers import IntakeDialog, OutstandingDialog, StatisticsDialog


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes shown by ``run_action`` (recorded instead of blocking the test on exec)."""
    shown: list[tuple[str, str]] = []

    def box(kind):  # noqa: ANN001, ANN202
        def show(_parent, title, text, *a, **k):  # noqa: ANN001, ANN202
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok
        return show

    monkeypatch.setattr(QMessageBox, "warning", box("warning"))
    monkeypatch.setattr(QMessageBox, "critical", box("critical"))
    return shown


def visible_error(dlg, form, name: str) -> str:
    label = form.error_label(name)
    assert label.isVisibleTo(dlg), f"no message under {name}"
    return label.text()


def select(tab, tag: str) -> int:
    key_id = tab.services.keys.find(tag).id
    tab.key_view.selectRow(tab.key_model.row_of(key_id))
    assert tab.selected_key().tag_code == tag
    return key_id


# -- emergency use ---------------------------------------------------------------------------


def test_emergency_use_of_the_owners_key(qtbot, cabinet, bus, translations, boxes):
    sign_in_as(cabinet, "reception")
    tab = make_tab(qtbot, cabinet, bus)
    k1 = select(tab, "K00001")
    seen = {}

    def fill(dlg: EmergencyDialog) -> int:
        assert "张三" in dlg.contacts_label.text() and "13812345678" in dlg.contacts_label.text()
        assert dlg.contact_name.text() == "张三" and dlg.contact_phone.text() == "13812345678"
        assert dlg.staff_1.text() == "王芳"  # the operator
        # Wrong: nothing described, the same person twice, the call "made" tomorrow.
        dlg.staff_2.setText("王芳")
        dlg.contacted_at.setDateTime(dlg.contacted_at.dateTime().addDays(1))
        assert dlg.save() is None
        seen["description"] = visible_error(dlg, dlg.form, "description")
        seen["staff"] = visible_error(dlg, dlg.form, "staff_present_2")
        seen["when"] = visible_error(dlg, dlg.form, "contacted_at")
        assert dlg.focusWidget() is dlg.description  # the first wrong field
        assert cabinet.keys.find("K00001").status == "in" and cabinet.keys.emergencies() == []
        # The emergency contact was called: how the owner was tried must be said.
        dlg.contacted.setCurrentIndex(dlg.contacted.findData("emergency_contact"))
        dlg.contacted_at.setDateTime(dlg.contacted_at.dateTime().addDays(-1))
        dlg.emergency.setCurrentIndex(dlg.emergency.findData("flooding"))
        type_text(qtbot, dlg.description, "楼上漏水，水流进A-1203")
        dlg.contact_name.setText("张小三")
        dlg.contact_phone.setText("13900009999")
        dlg.staff_2.clear()
        type_text(qtbot, dlg.staff_2, "黄志强")
        assert dlg.save() is None
        seen["attempt"] = visible_error(dlg, dlg.form, "owner_attempt")
        assert not dlg.form.error_label("description").isVisibleTo(dlg)
        type_text(qtbot, dlg.owner_attempt, "业主电话两次无人接听")
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
        return dlg.result()

    drive(tab, fill)
    tab.act_emergency.trigger()
    assert "required" in seen["description"].lower() or seen["description"]
    assert seen["staff"] and seen["when"] and seen["attempt"]
    [e] = cabinet.keys.emergencies()
    assert e.emergency == "flooding" and e.contacted == "emergency_contact" and e.contact_name == "张小三"
    assert (e.staff_present_1, e.staff_present_2) == ("王芳", "黄志强")
    key = cabinet.keys.get(k1)
    assert key.status == "out"
    assert tab.key_model.key(tab.key_model.row_of(k1)).status == "out"
    assert tab.out_model.rowCount() == 1
    assert boxes == []


def test_emergency_use_only_for_owners_keys_in_the_cabinet(qtbot, cabinet, bus, translations, boxes):
    sign_in_as(cabinet, "reception")
    tab = make_tab(qtbot, cabinet, bus)
    shown = drive(tab, lambda d: QDialog.DialogCode.Rejected)
    select(tab, "K00002")  # a public-area key: no dialog, a message
    assert tab._key_dialog(EmergencyDialog) is None
    assert shown == [] and "owner" in tab.feedback.text().lower()


# -- intake and the outstanding register -----------------------------------------------------


def test_intake_line_by_line_with_errors_under_the_fields(qtbot, cabinet, bus, translations, boxes):
    sign_in_as(cabinet, "super")
    tab = make_tab(qtbot, cabinet, bus)
    before = len(cabinet.keys.intakes())
    seen = {}

    def fill(dlg: IntakeDialog) -> int:
        assert dlg.focusWidget() is dlg.unit
        # Wrong: an owner's key without a unit that exists, a taken hook, nothing it opens.
        type_text(qtbot, dlg.unit, "Z-9999")
        type_text(qtbot, dlg.hook, "A-001")
        type_text(qtbot, dlg.handed_over_by, "开发商 陈工")
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
        seen["unit"] = visible_error(dlg, dlg.form, "unit_code")
        seen["hook"] = visible_error(dlg, dlg.form, "hook")
        seen["label"] = visible_error(dlg, dlg.form, "label")
        assert len(cabinet.keys.intakes()) == before and dlg.done_list.count() == 0
        # Right: A-1204's front door, 2 keys of a set of 3 → an outstanding entry opens.
        dlg.unit.clear()
        type_text(qtbot, dlg.unit, "A-1204")
        type_text(qtbot, dlg.label, "入户门")
        dlg.hook.clear()
        type_text(qtbot, dlg.hook, "A-002")
        dlg.key_count.setValue(2)
        dlg.expected.setValue(3)
        first = dlg.save()
        assert first is not None and first.opened_outstanding_id
        assert not dlg.form.error_label("unit_code").isVisibleTo(dlg)
        assert dlg.done_list.count() == 1 and first.tag_code in dlg.done_list.item(0).text()
        assert dlg.handed_over_by.text() == "开发商 陈工" and dlg.label.text() == "" and dlg.hook.text() == ""
        assert dlg.focusWidget() is dlg.label
        # The third key comes later and settles the entry.
        seen["first"] = first
        i = dlg.outstanding.findData(first.opened_outstanding_id)
        assert i > 0
        dlg.outstanding.setCurrentIndex(i)
        dlg.category.setCurrentIndex(dlg.category.findData("equipment"))
        dlg.unit.clear()
        type_text(qtbot, dlg.label, "2号水泵房")
        type_text(qtbot, dlg.area, "地下室")
        type_text(qtbot, dlg.hook, "E-002")
        dlg.key_count.setValue(1)
        dlg.save()
        assert dlg.done_list.count() == 2
        return QDialog.DialogCode.Accepted

    drive(tab, fill)
    qtbot.mouseClick(tab.intake_button, Qt.MouseButton.LeftButton)
    assert seen["unit"] and seen["hook"] and "K00001" in seen["hook"] and seen["label"]
    assert len(cabinet.keys.intakes()) == before + 2
    front = cabinet.keys.find(seen["first"].tag_code)
    assert front.location.startswith("A-1204") and front.key_count == 2 and front.original_count == 3
    assert cabinet.keys.outstanding() == []  # settled by the second line
    assert tab.key_model.rowCount() == 6
    assert boxes == []


def test_outstanding_register_add_follow_up_and_close(qtbot, cabinet, bus, translations, boxes):
    sign_in_as(cabinet, "super")
    dlg = OutstandingDialog(cabinet)
    qtbot.addWidget(dlg)
    assert dlg.table.rowCount() == 0
    # Wrong: no location, a unit that does not exist.
    type_text(qtbot, dlg.unit, "Z-0101")
    qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    assert visible_error(dlg, dlg.form, "location")
    assert cabinet.keys.outstanding() == []
    type_text(qtbot, dlg.location, "A-0501 入户门")
    assert dlg.add() is None
    assert visible_error(dlg, dlg.form, "unit_code") and not dlg.form.error_label("location").isVisibleTo(dlg)
    assert cabinet.keys.outstanding() == []
    dlg.unit.clear()
    type_text(qtbot, dlg.unit, "A-0501")
    dlg.count.setValue(2)
    type_text(qtbot, dlg.first_note, "开发商答应周五补交")
    entry = dlg.add()
    assert entry is not None and entry.count_owed == 2
    type_text(qtbot, dlg.location, "B栋天台门")
    dlg.category.setCurrentIndex(dlg.category.findData("public"))
    second = dlg.add()
    assert second.count_owed == 1  # the count was reset after the first entry
    assert dlg.table.rowCount() == 2
    # The entry just added is the one selected, so a follow-up goes to it.
    assert dlg.current().id == second.id
    dlg.table.setCurrentCell(0, 0)
    assert dlg.current().id == entry.id and dlg.notes.count() == 1 and "周五" in dlg.notes.item(0).text()
    assert dlg.add_note("   ") is None  # an empty note is refused with a message
    assert boxes and len(cabinet.keys.outstanding()[0].notes) == 1
    dlg.add_note("再次电话催促")
    assert dlg.current().id == entry.id and dlg.notes.count() == 2
    assert [n.note for n in cabinet.keys.outstanding()[0].notes][-1] == "再次电话催促"
    dlg.close_entry("门锁已更换，不再补交")
    assert [o.id for o in cabinet.keys.outstanding()] == [second.id]
    dlg.include_closed.setChecked(True)
    assert dlg.table.rowCount() == 2
    assert "closed" in dlg.table.item(0, 5).text()


def test_outstanding_register_is_read_only_for_receptionists(qtbot, cabinet, bus, translations, boxes):
    sign_in_as(cabinet, "reception")
    dlg = OutstandingDialog(cabinet)
    qtbot.addWidget(dlg)
    type_text(qtbot, dlg.location, "A-0501 入户门")
    assert dlg.add() is None
    assert boxes and cabinet.keys.outstanding() == []


# -- lost, found, copies -----------------------------------------------------------------------


def test_lost_then_found_from_the_more_menu(qtbot, cabinet, bus, translations, boxes):
    sign_in_as(cabinet, "reception")
    tab = make_tab(qtbot, cabinet, bus)
    k4 = select(tab, "K00004")
    seen = {}

    def lost(dlg: LostDialog) -> int:
        assert dlg.save() is None  # what happened is required
        seen["note"] = visible_error(dlg, dlg.form, "note")
        assert cabinet.keys.get(k4).status == "in"
        type_text(qtbot, dlg.note, "保洁员不慎遗失")
        type_text(qtbot, dlg.lost_by, "李娜")
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
        return dlg.result()

    drive(tab, lost)
    tab.act_lost.trigger()
    assert seen["note"]
    assert cabinet.keys.get(k4).status == "lost"
    assert tab.key_model.key(tab.key_model.row_of(k4)).status == "lost"
    assert "Saved" in tab.feedback.text()

    # Found again, but its hook now holds another set: the message is under the hook.
    sign_in_as(cabinet, "super")
    cabinet.keys.intake(IntakeInput("store", "工程部库房", 1, "S-002", "开发商 陈工"))
    hook_holder = cabinet.keys.find("K00005")

    def found(dlg: FoundDialog) -> int:
        type_text(qtbot, dlg.note, "在库房货架下找到")
        dlg.hook.setText(hook_holder.hook)
        assert dlg.save() is None
        seen["hook"] = visible_error(dlg, dlg.form, "hook")
        assert cabinet.keys.get(k4).status == "lost"
        dlg.hook.clear()
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
        return dlg.result()

    tab.refresh()
    select(tab, "K00004")
    drive(tab, found)
    tab.act_found.trigger()
    assert "K00005" in seen["hook"]
    key = cabinet.keys.get(k4)
    assert key.status == "in" and key.key_count == 1
    assert boxes == []


def test_copy_request_is_refused_and_recorded(qtbot, cabinet, bus, translations, boxes):
    sign_in_as(cabinet, "reception")
    tab = make_tab(qtbot, cabinet, bus)
    k1 = select(tab, "K00001")
    seen = {}

    def copy(dlg: CopyRequestDialog) -> int:
        assert "forbidden" in dlg.info.text()
        assert dlg.save() is None
        seen["who"] = visible_error(dlg, dlg.form, "requested_by")
        assert [e for e in cabinet.keys.history(k1) if e.kind == "copy_refused"] == []
        type_text(qtbot, dlg.requested_by, "张三")
        type_text(qtbot, dlg.reason, "想给保姆配一把")
        dlg.save()
        return dlg.result()

    drive(tab, copy)
    tab.act_copy.trigger()
    assert seen["who"]
    [e] = [e for e in cabinet.keys.history(k1) if e.kind == "copy_refused"]
    assert e.person == "张三" and "保姆" in e.note
    assert cabinet.keys.get(k1).status == "in" and cabinet.keys.get(k1).key_count == 2


# -- lock change and retirement (the key administrator) ---------------------------------------


def test_lock_change_needs_a_supervisor_and_one_key_for_public_doors(qtbot, cabinet, bus, translations, boxes):
    sign_in_as(cabinet, "reception")
    tab = make_tab(qtbot, cabinet, bus)
    k2 = select(tab, "K00002")

    def change(dlg: LockChangeDialog) -> int:
        dlg.save()
        return dlg.result()

    drive(tab, change)
    tab.act_lock.trigger()
    assert boxes and cabinet.keys.get(k2).lock_changes == 0  # a receptionist may not
    boxes.clear()

    sign_in_as(cabinet, "super")
    seen = {}

    def change2(dlg: LockChangeDialog) -> int:
        dlg.new_count.setValue(2)
        assert dlg.save() is None
        seen["count"] = visible_error(dlg, dlg.form, "new_count")
        assert cabinet.keys.get(k2).lock_changes == 0
        dlg.new_count.setValue(1)
        type_text(qtbot, dlg.changed_by, "工程部黄工")
        type_text(qtbot, dlg.note, "锁芯损坏")
        dlg.save()
        return dlg.result()

    drive(tab, change2)
    tab.act_lock.trigger()
    assert seen["count"]
    key = cabinet.keys.get(k2)
    assert key.lock_changes == 1 and key.key_count == 1
    assert boxes == []


def test_retire_an_incomplete_set_with_the_managers_password(qtbot, cabinet, bus, translations, boxes):
    sign_in_as(cabinet, "reception")
    k1 = cabinet.keys.find("K00001").id
    cabinet.keys.report_lost(k1, note="业主丢了一把", count=1)
    sign_in_as(cabinet, "super")
    tab = make_tab(qtbot, cabinet, bus)
    select(tab, "K00001")
    seen = {}

    def retire(dlg: RetireDialog) -> int:
        assert dlg.reason.currentData() == "incomplete"  # proposed: the set is incomplete
        # Wrong: "lock changed three times" (it was not), no engineer, no approval.
        dlg.reason.setCurrentIndex(dlg.reason.findData("lock_changed"))
        assert dlg.save() is None
        seen["reason"] = visible_error(dlg, dlg.form, "reason")
        seen["returned_to"] = visible_error(dlg, dlg.form, "returned_to")
        seen["approval"] = visible_error(dlg, dlg.form, "approval")
        dlg.reason.setCurrentIndex(dlg.reason.findData("incomplete"))
        type_text(qtbot, dlg.returned_to, "工程部黄工")
        type_text(qtbot, dlg.approver, "manager")
        type_text(qtbot, dlg.password, "wrong-pass")
        assert dlg.save() is None
        seen["password"] = visible_error(dlg, dlg.form, "approval")
        assert dlg.password.text() == ""  # never kept
        assert cabinet.keys.get(k1).status == "in"
        type_text(qtbot, dlg.password, "manager-pass")
        dlg.save()
        return dlg.result()

    drive(tab, retire)
    tab.act_retire.trigger()
    assert seen["reason"] and seen["returned_to"] and seen["approval"]
    assert "password" in seen["password"].lower()
    assert cabinet.keys.get(k1).status == "retired"
    assert tab.key_model.key(tab.key_model.row_of(k1)).status == "retired"
    assert boxes == []


# -- hand-over to the owner --------------------------------------------------------------------


def test_hand_over_to_the_owner(qtbot, cabinet, bus, translations, boxes):
    sign_in_as(cabinet, "reception")
    tab = make_tab(qtbot, cabinet, bus)
    k1 = select(tab, "K00001")
    seen = {}

    def hand(dlg: HandOverDialog) -> int:
        dlg.recipient.clear()
        assert dlg.save() is None
        seen["recipient"] = visible_error(dlg, dlg.form, "recipient")
        assert cabinet.keys.get(k1).status == "in"
        type_text(qtbot, dlg.recipient, "李梅")
        type_text(qtbot, dlg.note, "业主入住，钥匙全部交付")
        dlg.save()
        return dlg.result()

    drive(tab, hand)
    tab.act_hand_over.trigger()
    assert seen["recipient"]
    assert cabinet.keys.get(k1).status == "handed_over"
    [e] = [e for e in cabinet.keys.history(k1) if e.kind == "hand_over"]
    assert e.person == "李梅"
    assert boxes == []


# -- spot check, statistics, shift close -------------------------------------------------------


def test_spot_check_needs_the_key_administrator(qtbot, cabinet, bus, translations, boxes):
    from ui.keys.spot_check import SpotCheckDialog

    sign_in_as(cabinet, "reception")
    dlg = SpotCheckDialog(cabinet)
    qtbot.addWidget(dlg)
    assert dlg.start() is None and boxes
    assert cabinet.keys.open_spot_check() is None and not dlg.scan_field.isEnabled()


def test_monthly_statistics_counts_export_and_print(qtbot, cabinet, bus, translations, boxes, tmp_path,
                                                   monkeypatch):
    import csv

    from openpyxl import load_workbook

    sign_in_as(cabinet, "reception")
    k3 = cabinet.keys.find("K00003").id
    loan = cabinet.keys.check_out(k3, LoanInput("检修", "staff", borrower_name="黄志强", signed_on_slip=True,
                                                quantity=2))
    cabinet.keys.check_in(k3)
    cabinet.keys.report_lost(cabinet.keys.find("K00004").id, note="遗失")
    assert loan.quantity == 2
    dlg = StatisticsDialog(cabinet)
    qtbot.addWidget(dlg)
    rows = {dlg.table.item(r, 0).text(): [dlg.table.item(r, c).text() for c in range(1, 11)]
            for r in range(dlg.table.rowCount())}
    headers = [dlg.table.horizontalHeaderItem(c).text() for c in range(11)]
    total = dict(zip(headers[1:], rows["Total"]))
    assert total["Received"] == "6" and total["Loans"] == "1" and total["Keys lent"] == "2"
    assert total["Lost"] == "1" and total["Held at end"] == "5"
    # Another month: nothing happened in it.
    dlg.year.setValue(dlg.year.value() - 1)
    assert dlg.table.item(dlg.table.rowCount() - 1, 2).text() == "0"
    dlg.year.setValue(dlg.year.value() + 1)
    assert dlg.export(str(tmp_path / "stats.csv")) == 5
    with open(tmp_path / "stats.csv", encoding="utf-8-sig") as f:
        lines = list(csv.reader(f))
    assert lines[-1][0] in ("Total", "合计") and "6" in lines[-1]
    assert dlg.export(str(tmp_path / "stats.xlsx")) == 5
    ws = load_workbook(tmp_path / "stats.xlsx").active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert any(6 in row or "6" in row for row in values)
    # Print: the preview opens on the month's report.
    from io import BytesIO

    from pypdf import PdfReader

    from ui.printing.preview import PdfPreviewDialog

    previews = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: previews.append(self) or 0)
    qtbot.mouseClick(dlg.print_button, Qt.MouseButton.LeftButton)
    [preview] = previews
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(preview.pdf_bytes())).pages)
    assert "K00004" in text or "客服部库房" in text
    assert boxes == []


def test_shift_close_waits_for_every_overnight_key(qtbot, cabinet, bus, translations, boxes):
    sign_in_as(cabinet, "reception")
    yesterday = (datetime.now() - timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
    for tag, who in (("K00003", "黄志强"), ("K00004", "李娜")):
        cabinet.keys.check_out(cabinet.keys.find(tag).id,
                               LoanInput("检修", "staff", borrower_name=who, signed_on_slip=True), at=yesterday)
    tab = make_tab(qtbot, cabinet, bus)
    acks = []

    def handle(dlg) -> int:
        if isinstance(dlg, ShiftCloseDialog):
            assert not dlg.ok and dlg.list.count() == 2
            assert "2 key(s)" in dlg.status.text()
            dlg.acknowledge_current()  # the first one only
            assert not dlg.ok and dlg.list.count() == 1
            assert not dlg.close_button.isHidden()
            return QDialog.DialogCode.Rejected
        assert isinstance(dlg, AcknowledgeDialog)
        type_text(qtbot, dlg.note, "明早归还")
        dlg.save()
        acks.append(dlg.item.loan.tag_code)
        return dlg.result()

    drive(tab, handle)
    assert tab.close_shift() is False
    assert "acknowledged" in tab.feedback.text() or "overnight" in tab.feedback.text()
    assert len(cabinet.keys.unacknowledged()) == 1 and acks == ["K00003"]
    assert tab.out_model.counts()[3] == 1  # the panel shows one not acknowledged
    assert boxes == []


def test_key_lost_while_out_ends_the_loan(qtbot, cabinet, bus, translations, boxes):
    sign_in_as(cabinet, "reception")
    k3 = cabinet.keys.find("K00003").id
    loan = cabinet.keys.check_out(k3, LoanInput("检修", "staff", borrower_name="黄志强", signed_on_slip=True))
    tab = make_tab(qtbot, cabinet, bus)
    select(tab, "K00003")
    assert tab.out_model.rowCount() == 1

    def lost(dlg: LostDialog) -> int:
        assert not dlg.count.isEnabled() and dlg.lost_by.text() == "黄志强"
        type_text(qtbot, dlg.note, "检修时掉进电缆沟")
        dlg.save()
        return dlg.result()

    drive(tab, lost)
    tab.act_lost.trigger()
    key = cabinet.keys.get(k3)
    assert key.status == "lost" and key.key_count == 0 and key.loan_id is None
    assert not cabinet.keys.loan(loan.id).open
    assert tab.out_model.rowCount() == 0


# -- the occupant picker (unit, name, pinyin initials, phone tail) -----------------------------


def pick_first(qtbot, picker, text: str) -> int:
    """Type into an occupant picker and take the first suggestion with Enter, as at the counter."""
    picker.setFocus()
    type_text(qtbot, picker, text)
    picker.suggester.refresh()
    n = picker.suggester.count()
    if n:
        qtbot.keyClick(picker.suggester._completer.popup(), Qt.Key.Key_Return)  # noqa: SLF001
    return n


def test_intake_of_an_owners_spare_key_picks_the_owner(qtbot, cabinet, bus, translations, boxes):
    sign_in_as(cabinet, "super")
    zhang = cabinet.occupants.search("张三")[0]
    dlg = IntakeDialog(cabinet)
    qtbot.addWidget(dlg)
    assert pick_first(qtbot, dlg.unit, "zs") >= 1  # pinyin initials of 张三
    assert dlg.unit.text() == "A-1203 张三" and dlg.unit.occupant_id == zhang.id
    assert dlg.source.currentData() == "owner" and dlg.handed_over_by.text() == "张三"
    type_text(qtbot, dlg.label, "入户门（业主备用）")
    type_text(qtbot, dlg.hook, "A-009")
    view = dlg.save()
    assert view is not None and view.handed_over_by == "张三"
    key = cabinet.keys.find(view.tag_code)
    assert key.occupant_id == zhang.id and key.unit_code == "A-1203"
    # The next owner by the last digits of her phone, typed where "handed over by" is asked.
    dlg.unit.clear()
    dlg.handed_over_by.clear()
    assert dlg.unit.occupant_id is None
    assert pick_first(qtbot, dlg.handed_over_by, "1111") >= 1  # 欧阳娜娜's phone tail
    assert dlg.unit.text() == "A-1204 欧阳娜娜" and dlg.handed_over_by.text() == "欧阳娜娜"
    type_text(qtbot, dlg.label, "入户门（备用）")
    type_text(qtbot, dlg.hook, "A-010")
    second = dlg.save()
    assert cabinet.keys.find(second.tag_code).occupant_name == "欧阳娜娜"
    # A unit typed without picking anybody: a developer's key, no owner attached.
    dlg.source.setCurrentIndex(dlg.source.findData("developer"))
    dlg.unit.clear()
    dlg.handed_over_by.clear()
    type_text(qtbot, dlg.unit, "A-0501")
    type_text(qtbot, dlg.handed_over_by, "开发商 陈工")
    assert not dlg.handed_over_by.suggester.enabled  # developers are not in the directory
    type_text(qtbot, dlg.label, "入户门")
    type_text(qtbot, dlg.hook, "A-011")
    third = dlg.save()
    k3 = cabinet.keys.find(third.tag_code)
    assert k3.occupant_id is None and k3.unit_code == "A-0501"
    assert boxes == []


def test_hand_over_picks_an_occupant_of_the_keys_unit(qtbot, cabinet, bus, translations, boxes):
    sign_in_as(cabinet, "reception")
    k1 = cabinet.keys.find("K00001")
    zhang = cabinet.occupants.search("张三")[0]
    dlg = HandOverDialog(cabinet, k1)
    qtbot.addWidget(dlg)
    assert dlg.recipient.text() == "张三" and dlg.recipient.occupant_id == zhang.id  # the owner on file
    dlg.recipient.clear()
    assert dlg.recipient.occupant_id is None
    assert pick_first(qtbot, dlg.recipient, "ou") == 0  # 欧阳娜娜 lives in A-1204, not A-1203
    dlg.recipient.clear()
    assert pick_first(qtbot, dlg.recipient, "5678") == 1  # 张三's phone tail
    assert dlg.recipient.text() == "张三" and dlg.recipient.occupant_id == zhang.id
    assert dlg.save() is not None
    assert cabinet.keys.get(k1.id).status == "handed_over"
    [entry] = [a for a in cabinet.audit.for_entity("key_set", k1.id) if a.action == "key.hand_over"]
    assert entry.after["occupant_id"] == zhang.id and entry.after["recipient"] == "张三"


def test_copy_request_names_the_occupant_from_the_directory(qtbot, cabinet, bus, translations, boxes):
    sign_in_as(cabinet, "reception")
    k1 = cabinet.keys.find("K00001")
    dlg = CopyRequestDialog(cabinet, k1)
    qtbot.addWidget(dlg)
    assert pick_first(qtbot, dlg.requested_by, "B-03") == 1
    assert dlg.requested_by.text() == "周杰"
    assert dlg.save() is not None
    [e] = [e for e in cabinet.keys.history(k1.id) if e.kind == "copy_refused"]
    assert e.person == "周杰"
