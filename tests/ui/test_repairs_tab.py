"""The Repairs tab through its real widgets on a real database: a repair from the counter to the
technician and back to a closed follow-up call, scanning a returned slip, complaints."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.services.repairs import CompletionInput
from tests.conftest import sign_in_as
from tests.ui.conftest import type_text
from ui.repairs.dialogs import CompletionDialog, FollowUpDialog, SettleDialog, SlipDetailDialog, TextStepDialog
from ui.repairs.tab import RepairsTab


@pytest.fixture
def tab(qtbot, services, bus, translations):
    sign_in_as(services, "reception")
    t = RepairsTab(services, bus)
    printed = []
    t.slip_printer = lambda view, reprint: printed.append((view.number, reprint))
    t.printed = printed
    qtbot.addWidget(t)
    t.resize(1400, 700)
    t.show()
    qtbot.waitExposed(t)
    return t


def fill_request(qtbot, tab, *, unit="A-1203", category="water", grade="urgent", text="厨房水龙头漏水"):
    tab.unit.setFocus()
    type_text(qtbot, tab.unit, unit)
    tab.category.setCurrentIndex(tab.category.findData(category))
    tab.grade.setCurrentIndex(tab.grade.findData(grade))
    tab.description.setFocus()
    type_text(qtbot, tab.description, text)


def test_rate_and_due_countdown_follow_the_choices(tab):
    tab.category.setCurrentIndex(tab.category.findData("water"))
    assert tab.rate_label.text() == "Chargeable: ¥30.00"
    tab.category.setCurrentIndex(tab.category.findData("lifts"))
    assert tab.rate_label.text() == "Free of charge"
    tab.grade.setCurrentIndex(tab.grade.findData("urgent"))
    assert "(23:59 left)" in tab.due_label.text() or "(1d 00:00 left)" in tab.due_label.text()
    tab.grade.setCurrentIndex(tab.grade.findData("ordinary"))
    assert "3d" in tab.due_label.text()


def test_register_errors_show_under_the_fields(tab):
    tab.unit.clear()
    tab.description.clear()
    assert tab.register() is None
    assert tab.form.error_label("unit").isVisible() and tab.form.error_label("description").isVisible()
    assert tab.printed == []


def test_repair_from_counter_to_closed_follow_up(qtbot, tab, services, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    def refuse(*args, **kw):
        raise AssertionError(f"message box: {args[1:]}")

    monkeypatch.setattr(QMessageBox, "warning", refuse)
    monkeypatch.setattr(QMessageBox, "critical", refuse)
    fill_request(qtbot, tab)
    tab.phone.setText("13812345678")
    view = tab.register()
    assert view is not None and view.number == "W" + str(view.registered_at.year) + "-000001"
    assert tab.printed == [(view.number, False)]
    assert tab.slip_model.rowCount() == 1 and tab.description.toPlainText() == ""
    assert "left" in tab.slip_model.data(tab.slip_model.index(0, 2))

    # dispatch through the detail dialog's own buttons and the step dialogs
    detail = SlipDetailDialog(tab, services.repairs.get(view.id), tab)
    qtbot.addWidget(detail)
    assert set(detail.action_buttons) >= {"dispatch", "cancel", "to_developer"}

    def answer_dispatch():
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, TextStepDialog)
        dlg.edit.setText("维修班 李师傅")
        dlg.accept()

    QTimer.singleShot(50, answer_dispatch)
    detail.action_buttons["dispatch"].click()
    assert detail.repair.state == "dispatched" and "complete" in detail.action_buttons
    detail.action_buttons["start"].click()
    assert detail.repair.state == "in_progress"

    # the returned slip is scanned: the completion form opens at once
    def answer_completion():
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, CompletionDialog)
        assert dlg.charge.text() == "30.00"
        dlg.work_done.setPlainText("更换水龙头")
        dlg.occupant_materials.setText("业主自购水龙头")
        dlg.material_check.setCurrentIndex(dlg.material_check.findData("pass"))
        dlg.accept()

    QTimer.singleShot(50, answer_completion)
    assert tab.handle_scan(view.number.lower()) is True
    done = services.repairs.get(view.id)
    assert done.state == "completed" and done.charge == Decimal("30.00") and done.needs_settlement

    # settled at the counter: the dialog issues a real receipt in the receptionist's shift
    receipts = []
    tab.receipt_printer = receipts.append
    services.receipts.open_shift(Decimal("100.00"))

    def answer_settle():
        dlg = QApplication.activeModalWidget()
        assert isinstance(dlg, SettleDialog) and "¥30.00" in dlg.intro.text()
        dlg.method.setCurrentIndex(dlg.method.findData("alipay"))
        dlg.accept()

    QTimer.singleShot(50, answer_settle)
    detail.show_repair(done)
    detail.action_buttons["settle"].click()
    settled = detail.repair
    assert settled.state == "settled" and [r.number for r in receipts] == [settled.receipt_ref]
    (receipt,) = receipts
    assert receipt.total == Decimal("30.00") and receipt.method == "alipay" and receipt.reference == f"repair:{view.id}"
    from ui.receipts.printing import receipt_pdf

    assert [x.number for x in services.receipts.for_source("repair", view.id)] == [receipt.number]
    pdf_text = "".join(p.extract_text() for p in __import__("pypdf").PdfReader(
        __import__("io").BytesIO(receipt_pdf(services, receipt))).pages)
    assert receipt.number in pdf_text and view.number in pdf_text and "30.00" in pdf_text
    # follow-ups due: urgent repairs the day after completion, so not yet today
    assert tab.follow_model.rowCount() == 0
    dlg = FollowUpDialog("x", tab, caller="王芳")
    qtbot.addWidget(dlg)
    dlg.comment.setText("满意")
    followed = tab.apply_step(settled, "follow_up", dlg.values())
    assert followed.state == "followed_up" and followed.follow_up_result == "satisfied"
    closed = tab.apply_step(followed, "close", {})
    assert closed.state == "closed" and tab.slip_model.rowCount() == 0
    history = [e.kind for e in services.repairs.history(view.id)]
    assert history == ["registered", "dispatched", "started", "completed", "settled", "followed_up", "closed"]
    detail.show_repair(closed)
    assert detail.history.rowCount() == 7 and detail.action_buttons.keys() == {"reopen"}


def test_scan_of_unknown_slip_says_so(qtbot, tab, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert tab.handle_scan("W2026-999999") is False
    assert shown and "W2026-999999" in shown[0]


def test_scanning_a_returned_slip_in_the_main_window_opens_its_completion(qtbot, services, bus, translations):
    from app.devices.recognition import default_rules, recognize
    from app.services.repairs import RepairInput
    from ui.app import ui_settings
    from ui.main_window import MainWindow

    assert recognize("W2026-000042", default_rules()).kind == "repair_slip"
    sign_in_as(services, "reception")
    view = services.repairs.register(RepairInput("lifts", "电梯异响", location="B栋2号电梯", assignee="电梯维保"))
    window = MainWindow(services, bus, ui_settings(), translations)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(0)  # the receptionist is at the visitors
    tab = window.pages["repairs"]
    seen = []

    def answer():
        dlg = QApplication.activeModalWidget()
        seen.append(type(dlg).__name__)
        dlg.work_done.setPlainText("复位，试运行正常")
        dlg.accept()

    QTimer.singleShot(100, answer)
    with qtbot.waitSignal(window.scanners.sig_scan, timeout=3000):
        window.scanners.submit_text(view.number)
    qtbot.waitUntil(lambda: services.repairs.get(view.id).state == "completed", timeout=5000)
    assert seen == ["CompletionDialog"] and window.tabs.currentWidget() is tab


def test_overdue_slips_stand_out_and_unfinished_reason(qtbot, tab, services):
    from datetime import datetime, timedelta

    from app.services.repairs import RepairInput

    past = datetime.now().replace(microsecond=0) - timedelta(days=2)
    late = services.repairs.register(RepairInput("water", "漏水", "urgent", unit_code="A-1203",
                                                 phone="13812345678"), at=past)
    tab.refresh()
    from PySide6.QtCore import Qt

    assert tab.slip_model.data(tab.slip_model.index(0, 2)).startswith("overdue")
    assert tab.slip_model.data(tab.slip_model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert "1 overdue" in tab.open_summary.text()
    assert "1, 1 without a reason" in tab.unfinished_label.text()
    tab.apply_step(late, "unfinished", {"reason": "业主不在家"})
    assert "1, 0 without a reason" in tab.unfinished_label.text()


def test_complaint_register_assign_handle_follow_up_close(qtbot, tab, services):
    tab.pages.setCurrentIndex(2)
    tab.c_kind.setCurrentIndex(tab.c_kind.findData("complaint"))
    tab.c_severity.setCurrentIndex(tab.c_severity.findData("major"))
    type_text(qtbot, tab.c_name, "张三")
    tab.c_unit.setText("A-1203")
    tab.c_content.setPlainText("楼上装修噪音")
    c = tab.register_complaint()
    assert c is not None and tab.c_model.rowCount() == 1 and c.state == "registered"
    c = tab.complaint_step(c, "assign", {"assignee": "客服主管 李强"})
    c = tab.complaint_step(c, "handle", {"valid": True, "opinion": "已约谈装修单位"})
    c = tab.complaint_step(c, "follow_up", {"satisfied": True, "comment": "已安静", "method": "visit"})
    c = tab.complaint_step(c, "close", {})
    assert c.state == "closed" and tab.c_model.rowCount() == 0
    # an empty form keeps its errors next to the fields
    assert tab.register_complaint() is None
    assert tab.c_form.error_label("name").isVisible() and tab.c_form.error_label("content").isVisible()


def test_weekly_summary_preview(qtbot, tab, services):
    from datetime import date

    from app.repair_rules import week_start
    from PySide6.QtCore import QDate

    fill_request(qtbot, tab, unit="", category="lifts")
    tab.location.setText("B栋2号电梯")
    view = tab.register()
    services.repairs.dispatch(view.id, "电梯维保")
    services.repairs.complete(view.id, CompletionInput("复位"))
    monday = week_start(date.today())
    tab.week_date.setDate(QDate(monday.year, monday.month, monday.day))
    w = tab.show_week()
    assert w.registered == 1 and w.completed == 1
    text = tab.week_text.text()
    assert "On time: 100.0%" in text and "Follow-up: 0.0%" in text and "target missed" in text
    from ui.repairs.printing import weekly_summary_pdf

    assert weekly_summary_pdf(services, monday, tab.categories).startswith(b"%PDF")


def test_register_with_photo_and_technician_dispatches_at_once(qtbot, tab, services, tmp_path):
    from PySide6.QtGui import QColor, QImage

    photo = tmp_path / "leak.png"
    img = QImage(40, 30, QImage.Format.Format_RGB32)
    img.fill(QColor("steelblue"))
    assert img.save(str(photo))
    fill_request(qtbot, tab)
    tab.phone.setText("13812345678")
    tab.add_photos([str(photo)])
    assert tab.photo_label.text() == "1 attached"
    type_text(qtbot, tab.assignee, "水电班 王师傅")
    view = tab.register()
    assert view.state == "dispatched" and view.assignee == "水电班 王师傅"
    assert services.repairs.photos(view.id) == [photo.read_bytes()]
    assert [e.kind for e in services.repairs.history(view.id)] == ["registered", "dispatched"]
    assert tab.photos == [] and tab.photo_label.text() == "" and tab.assignee.text() == ""
    # a file that is no image is refused next to the field, nothing saved
    bad = tmp_path / "note.png"
    bad.write_text("not a picture")
    fill_request(qtbot, tab)
    tab.phone.setText("13812345678")
    tab.add_photos([str(bad)])
    assert tab.register() is None and tab.form.error_label("photos").isVisible()
    assert len(services.repairs.open_slips()) == 1


def test_dispatch_copies_setting_from_the_tab(qtbot, tab, services):
    assert not tab.copies.isEnabled()  # receptionists print what the supervisor set
    sign_in_as(services, "manager")
    tab.refresh()
    assert tab.copies.isEnabled() and tab.copies.value() == 2
    tab.copies.setValue(0)
    assert services.repairs.dispatch_copies() == 0
    fill_request(qtbot, tab, unit="", category="lifts")
    tab.location.setText("B栋2号电梯")
    assert tab.register() is not None and tab.printed == []  # zero copies: nothing printed


def test_dispatch_slip_goes_through_the_print_log(qtbot, services, bus, translations, monkeypatch):
    from app.services.repairs import RepairInput
    from ui.printing.preview import PdfPreviewDialog
    from ui.repairs.printing import DISPATCH_SLIP_KIND, print_dispatch_slip

    sign_in_as(services, "reception")
    seen = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: seen.append((self._kind, self._ref, self._print_log)))
    view = services.repairs.register(RepairInput("lifts", "电梯异响", location="B栋2号电梯"))
    print_dispatch_slip(None, services, view, categories=services.repairs.categories())
    assert seen == [(DISPATCH_SLIP_KIND, view.number, services.print_log)]
    assert [e.detail for e in services.repairs.history(view.id) if e.kind == "printed"] == [
        {"copies": 2, "reprint": False}]


def test_weekly_export_writes_the_workbook(qtbot, tab, services, tmp_path):
    from datetime import date

    import openpyxl
    from PySide6.QtCore import QDate

    from app.repair_rules import week_start

    fill_request(qtbot, tab, unit="", category="lifts")
    tab.location.setText("B栋2号电梯")
    tab.register()
    monday = week_start(date.today())
    tab.week_date.setDate(QDate(monday.year, monday.month, monday.day))
    out = tmp_path / "week.xlsx"
    assert tab.export_week(str(out)) > 0
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert any(r[0] == "Lifts" for r in rows) and any(r[0] == "On time" for r in rows)


def test_picking_the_occupant_fills_phone_and_name_and_the_slip_names_them(qtbot, tab, services):
    occ = next(o for o in services.occupants.search("A-1203") if o.unit_code == "A-1203")
    tab.unit.set_occupant(occ.id, occ.label)
    tab.unit.sig_changed.emit()
    assert tab.phone.text() == occ.phone and tab.requester.text() == occ.name
    tab.description.setPlainText("卧室灯不亮")
    tab.category.setCurrentIndex(tab.category.findData("electricity"))
    view = tab.register()
    assert view.occupant_id == occ.id and view.unit_code == "A-1203" and view.where.startswith("A-1203")
    assert tab.phone.text() == "" and tab.requester.text() == ""
