"""The visitor tab driven through its real widgets, on a real database."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.visitors import VisitQuery
from tests.conftest import sign_in_as
from tests.ui.conftest import type_text
from ui.visitors.dialogs import AmendDialog, VisitDetailDialog
from ui.visitors.tab import VisitorTab

GOOD_ID = "11010519491231002X"


def make_tab(qtbot, services, bus):
    tab = VisitorTab(services, bus)
    tab.form.print_slip.setChecked(False)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitActive(tab)
    return tab


def fill(qtbot, tab, *, name="李四", doc=GOOD_ID, phone="13900001234", host="zs", badge="V001"):
    f = tab.form
    type_text(qtbot, f.name, name)
    type_text(qtbot, f.doc_number, doc)
    type_text(qtbot, f.phone, phone)
    if host:
        type_text(qtbot, f.host, host)
        f.host.suggester.refresh()
        assert f.host.suggester.count() >= 1
        qtbot.keyClick(f.host.suggester._completer.popup(), Qt.Key.Key_Return)  # noqa: SLF001
    f.purpose.setCurrentText("送货")
    type_text(qtbot, f.badge, badge)


def test_register_sign_out_by_badge(qtbot, services, bus, translations):
    sign_in_as(services, "reception")
    tab = make_tab(qtbot, services, bus)
    fill(qtbot, tab)
    assert tab.form.host.text() == "A-1203 张三"
    qtbot.mouseClick(tab.form.submit, Qt.MouseButton.LeftButton)
    assert services.visitors.count(VisitQuery()) == 1
    assert tab.on_site_model.rowCount() == 1
    row = tab.on_site_model.visit(0)
    assert row.host_unit_code == "A-1203" and row.created_by == "王芳"
    assert row.doc_number == "110105********002X"  # receptionists see it masked
    # The form is cleared and the cursor waits in the name field for the next visitor.
    assert tab.form.name.text() == "" and tab.focusWidget() is tab.form.name

    type_text(qtbot, tab.sign_out_field, "v001")
    qtbot.keyClick(tab.sign_out_field, Qt.Key.Key_Return)
    assert tab.on_site_model.rowCount() == 0
    assert services.visitors.count(VisitQuery(on_site_only=True)) == 0

    # Scanning the same badge again says when it left; nothing changes.
    type_text(qtbot, tab.sign_out_field, "V001")
    qtbot.keyClick(tab.sign_out_field, Qt.Key.Key_Return)
    assert "already signed out" in tab.on_site_count.text()


def test_invalid_fields_show_messages_and_save_nothing(qtbot, services, bus, translations):
    tab = make_tab(qtbot, services, bus)
    fill(qtbot, tab, doc="110105194912310021", phone="1390000", host="")
    tab.form.purpose.setCurrentText("")
    qtbot.mouseClick(tab.form.submit, Qt.MouseButton.LeftButton)
    assert services.visitors.count(VisitQuery()) == 0
    err = tab.form.form.error_label
    assert "check digit" in err("doc_number").text()
    assert "11 digits" in err("phone").text()
    assert err("host").isVisible() and err("purpose").isVisible()
    assert not err("visitor_name").isVisible()
    # Focus goes to the first field in error so the receptionist can type the fix.
    assert tab.focusWidget() is tab.form.doc_number


def test_returning_visitor_fills_form_and_keeps_full_id(qtbot, services, bus, translations):
    tab = make_tab(qtbot, services, bus)
    fill(qtbot, tab)
    qtbot.mouseClick(tab.form.submit, Qt.MouseButton.LeftButton)
    services.visitors.sign_out_by_badge("V001")
    sign_in_as(services, "reception")
    tab.form.clear()
    type_text(qtbot, tab.form.name, "ls")
    sug = tab.form.returning[0]
    sug.refresh()
    assert sug.count() == 1
    qtbot.keyClick(sug._completer.popup(), Qt.Key.Key_Return)  # noqa: SLF001 - one keystroke
    assert tab.form.name.text() == "李四"
    assert tab.form.phone.text() == "13900001234"
    assert tab.form.doc_number.text() == "110105********002X"
    type_text(qtbot, tab.form.host, "B-03")
    tab.form.host.suggester.refresh()
    tab.form.host.suggester.pick(0)
    qtbot.mouseClick(tab.form.submit, Qt.MouseButton.LeftButton)
    assert services.visitors.count(VisitQuery()) == 2
    sign_in_as(services, "super")
    newest = services.visitors.page(VisitQuery()).rows[0]
    assert newest.doc_number == GOOD_ID and newest.host_unit_code == "B-0302"


def test_amend_with_reason_shows_history(qtbot, services, bus, translations):
    tab = make_tab(qtbot, services, bus)
    fill(qtbot, tab)
    qtbot.mouseClick(tab.form.submit, Qt.MouseButton.LeftButton)
    visit = tab.on_site_model.visit(0)
    dlg = AmendDialog(services, visit)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.form.company.setText("顺丰速运")
    dlg.save()  # no reason yet
    assert dlg.extra.error_label("reason").isVisible()
    assert services.visitors.history(visit.id) == []
    dlg.reason.setPlainText("补填单位")
    dlg.save()
    history = services.visitors.history(visit.id)
    assert len(history) == 1 and history[0].changes[0]["new"] == "顺丰速运"
    details = VisitDetailDialog(services, visit.id)
    qtbot.addWidget(details)
    assert details.history.topLevelItemCount() == 1
    assert "(1)" in details.history_box.title()


def test_search_register(qtbot, services, bus, translations):
    tab = make_tab(qtbot, services, bus)
    fill(qtbot, tab)
    qtbot.mouseClick(tab.form.submit, Qt.MouseButton.LeftButton)
    fill(qtbot, tab, name="王五", doc="110105199003071234"[:17] + "X", phone="13700009999", host="zs", badge="V002")
    tab.form.doc_type.setCurrentIndex(tab.form.doc_type.findData("passport"))
    tab.form.doc_number.setText("E12345678")
    qtbot.mouseClick(tab.form.submit, Qt.MouseButton.LeftButton)
    assert services.visitors.count(VisitQuery()) == 2
    tab.focus_search()
    type_text(qtbot, tab.search, "ww")
    tab.refresh_register()
    assert tab.register_model.rowCount() == 1
    assert tab.register_model.visit(0).visitor_name == "王五"
    tab.search.setText("9999")
    tab.refresh_register()
    assert [tab.register_model.visit(i).visitor_name for i in range(tab.register_model.rowCount())] == ["王五"]


def test_table_model_contract(qtmodeltester, services, bus, translations):
    from app.services.visitors import VisitInput
    from ui.visitors.table_model import VisitorTableModel

    for i in range(5):
        services.visitors.register(VisitInput(f"访客{i}", "passport", f"E1234567{i}", "拜访", host_note="管理处"))
    model = VisitorTableModel()
    model.set_loader(lambda after: services.visitors.page(VisitQuery(), limit=2, after=after))
    assert model.rowCount() == 2 and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 5
