"""First run, sign-in, settings and the occupant directory, through their widgets."""

from __future__ import annotations

from app.context import AppContext
from app.services import Services
from tests.conftest import sign_in_as
from ui.app import ui_settings
from ui.dialogs.first_run import FirstRunDialog
from ui.dialogs.login import LoginDialog
from ui.dialogs.settings import SettingsDialog
from ui.occupants.dialog import OccupantDirectoryDialog, OccupantEditDialog
from tests.ui.conftest import type_text


def test_first_run_creates_admin_and_profile(qtbot, db, translations):
    services = Services(AppContext(db))
    dlg = FirstRunDialog(services)
    qtbot.addWidget(dlg)
    dlg.show()
    type_text(qtbot, dlg.prop_name, "翠苑小区物业服务中心")
    type_text(qtbot, dlg.display_name, "管理员")
    dlg.password.setText("secret-1")
    dlg.password2.setText("secret-2")
    dlg.create()
    assert dlg.admin_form.error_label("password2").isVisible()
    assert not services.staff.has_any() and services.property.profile() is None  # nothing half-made
    dlg.password2.setText("secret-1")
    dlg.create()
    assert dlg.result() == dlg.DialogCode.Accepted
    assert services.property.profile().name == "翠苑小区物业服务中心"
    assert services.ctx.operator.role == "admin"


def test_login_shows_error_then_signs_in(qtbot, services, translations):
    services.staff.sign_out()
    dlg = LoginDialog(services)
    qtbot.addWidget(dlg)
    dlg.show()
    type_text(qtbot, dlg.username, "reception")
    dlg.password.setText("wrong")
    dlg.try_sign_in()
    assert dlg.error.isVisible() and services.ctx.operator is None
    dlg.password.setText("front-pass")
    dlg.try_sign_in()
    assert services.ctx.operator.username == "reception"


def test_settings_rules_by_role(qtbot, services, bus, translations):
    sign_in_as(services, "reception")
    dlg = SettingsDialog(services, bus, ui_settings(), translations)
    qtbot.addWidget(dlg)
    assert not dlg.pages.widget(1).isEnabled()  # receptionists cannot change the rules
    sign_in_as(services, "super")
    dlg = SettingsDialog(services, bus, ui_settings(), translations)
    qtbot.addWidget(dlg)
    dlg.overstay.setValue(4)
    dlg.retention.setValue(90)
    dlg.save_rules()
    assert services.settings.get("visitor.overstay_hours") == 4
    assert services.settings.get("visitor.id_retention_days") == 90


def test_settings_switches_language(qtbot, services, bus, translations):
    dlg = SettingsDialog(services, bus, ui_settings(), translations)
    qtbot.addWidget(dlg)
    dlg.language.setCurrentIndex(dlg.language.findData("zh_CN"))
    qtbot.wait(10)
    assert translations.language == "zh_CN"
    assert dlg.windowTitle() == "设置"
    assert ui_settings().value("ui/language") == "zh_CN"


def test_occupant_directory_search_and_edit(qtbot, services, bus, translations):
    sign_in_as(services, "reception")
    dlg = OccupantDirectoryDialog(services, bus)
    qtbot.addWidget(dlg)
    dlg.search.setText("zs")
    dlg.refresh()
    assert dlg.table.rowCount() == 1 and dlg.table.item(0, 1).text() == "张三"
    assert "李梅" in dlg.details.text()  # household member shown
    assert not dlg.add_button.isEnabled()  # receptionists look up, supervisors keep the files

    sign_in_as(services, "super")
    edit = OccupantEditDialog(services, None)
    qtbot.addWidget(edit)
    edit.show()
    type_text(qtbot, edit.unit, "A-0501")
    type_text(qtbot, edit.name, "刘洋")
    type_text(qtbot, edit.phone, "1391234")
    edit.save()
    assert edit.form.error_label("phone").isVisible()
    assert services.occupants.search("ly") == []
    edit.phone.setText("13912345678")
    edit.save()
    assert [o.unit_code for o in services.occupants.search("ly")] == ["A-0501"]
