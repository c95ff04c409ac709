"""Settings → Carriers through its real widgets: an administrator edits the carrier table, tries a
number live, saves; the next intake at the Parcels tab uses the new rule; others read only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

import ui.errors
from app.parcels.carriers import default_carrier_rules
from tests.conftest import sign_in_as
from tests.ui.conftest import type_text
from ui.app import ui_settings
from ui.dialogs.settings import SettingsDialog
from ui.parcels.carrier_page import CarrierRulesPage
from ui.parcels.tab import ParcelsTab


@pytest.fixture
def warnings():
    seen: list[str] = []
    orig = ui.errors.QMessageBox.warning
    ui.errors.QMessageBox.warning = lambda *a: seen.append(a[2])
    yield seen
    ui.errors.QMessageBox.warning = orig


def _page(qtbot, services, bus) -> CarrierRulesPage:
    page = CarrierRulesPage(services, bus)
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show()
    return page


def _type_cell(qtbot, page: CarrierRulesPage, row: int, col: int, text: str) -> None:
    page.table.setCurrentCell(row, col)
    page.table.editItem(page.table.item(row, col))
    editors = [w for w in page.table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.item(row, col).text() == text, timeout=2000)  # committed (queued)


def test_an_administrator_adds_a_carrier_tries_it_and_intake_uses_it(qtbot, services, bus, translations):
    sign_in_as(services, "admin")
    page = _page(qtbot, services, bus)
    assert page.table.rowCount() == len(default_carrier_rules())
    assert page.save_button.isEnabled()
    qtbot.keyClicks(page.try_field, "KD1234567890")
    assert "other" in page.try_result.text()

    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    row = page.table.rowCount() - 1
    for col, text in enumerate(("kuaidi", "快递公司", "Kuaidi Co", r"KD\d{10}")):
        _type_cell(qtbot, page, row, col, text)
    # The live try uses the rules on screen, before saving.
    assert "Kuaidi Co" in page.try_result.text() and "no check digit" in page.try_result.text()
    page.table.setCurrentCell(row, 0)
    for _ in range(row):  # first in the list: order is how overlaps are settled
        qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    assert page.rules_data()[0]["carrier"] == "kuaidi"

    statuses: list[str] = []
    bus.sig_status.connect(statuses.append)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert statuses == ["Carrier rules saved"]
    assert services.settings.get("parcels.carrier_rules")[0]["pattern"] == r"KD\d{10}"

    # A receptionist at the Parcels tab: the scan is taken as the new carrier.
    sign_in_as(services, "reception")
    tab = ParcelsTab(services, bus)
    tab.label_printer = tab.notice_printer = None
    qtbot.addWidget(tab)
    tab.set_mode("intake")
    qtbot.keyClicks(tab.scan_field, "KD1234567890")
    qtbot.keyClick(tab.scan_field, Qt.Key.Key_Return)
    assert tab.worker.wait_idle()
    assert services.parcels.find("KD1234567890")[0].carrier == "kuaidi"
    assert tab.carrier_filter.findData("kuaidi") > 0


def test_the_check_digit_method_is_chosen_and_a_misread_shows(qtbot, services, bus, translations):
    sign_in_as(services, "admin")
    page = _page(qtbot, services, bus)
    qtbot.keyClicks(page.try_field, "EA123456785CN")
    assert "EMS" in page.try_result.text() and "check digit correct" in page.try_result.text()
    page.try_field.setText("EA123456784CN")
    assert "WRONG" in page.try_result.text()
    ems = next(r for r, d in enumerate(page.rules_data()) if d["check"] == "s10")
    combo = page.table.cellWidget(ems, 4)
    combo.setCurrentIndex(combo.findData("none"))  # the administrator switches the check off
    assert "no check digit" in page.try_result.text()


def test_a_bad_pattern_is_refused_and_nothing_is_saved(qtbot, services, bus, translations, warnings):
    sign_in_as(services, "admin")
    page = _page(qtbot, services, bus)
    before = services.settings.get("parcels.carrier_rules")
    _type_cell(qtbot, page, 0, 3, "SF(\\d{13}")
    page.try_field.setText("SF1234567890123")
    assert "Carrier rule 1" in page.try_result.text() and "regular expression" in page.try_result.text()
    assert page.save() is False
    assert warnings and "Carrier rule 1" in warnings[0]
    assert services.settings.get("parcels.carrier_rules") == before


def test_only_an_administrator_edits_the_carrier_rules(qtbot, services, bus, translations):
    sign_in_as(services, "super")
    page = _page(qtbot, services, bus)
    assert not page.save_button.isEnabled() and not page.add_button.isEnabled()
    assert not page.table.cellWidget(0, 4).isEnabled()
    assert "Only an administrator" in page.note.text()
    qtbot.keyClicks(page.try_field, "1Z999AA10123456784")
    assert "UPS" in page.try_result.text()  # reading and trying stay open to everyone


def test_the_settings_dialog_has_the_carriers_page(qtbot, services, bus, translations):
    sign_in_as(services, "admin")
    dlg = SettingsDialog(services, bus, ui_settings(), translations)
    qtbot.addWidget(dlg)
    index = dlg.pages.indexOf(dlg.carriers_page)
    assert index > 0 and dlg.pages.tabText(index) == "Carriers"
    translations.set_language("zh_CN")
    qtbot.waitUntil(lambda: dlg.pages.tabText(index) == "承运商", timeout=2000)
    assert dlg.carriers_page.save_button.text() == "保存承运商规则"
