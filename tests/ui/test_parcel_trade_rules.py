"""The rules of the trade at the Parcels tab, through its real widgets on a real database:
a suspicious item goes to the supervisor and cannot be handed out until cleared; lost and
damaged items are reported from the list; items uncollected past N days are disposed of by a
supervisor only, their history kept."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

import ui.errors
from app.services.parcels import ParcelQuery
from tests.conftest import sign_in_as
from tests.ui.test_parcel_tab import CODES, drive, make_tab, scan
from ui.parcels.dialogs import ActionDialog, ItemDetailDialog


@pytest.fixture
def warnings():
    seen: list[str] = []
    orig = ui.errors.QMessageBox.warning
    ui.errors.QMessageBox.warning = lambda *a: seen.append(a[2])
    yield seen
    ui.errors.QMessageBox.warning = orig


@pytest.fixture
def tab(qtbot, services, bus, translations):
    sign_in_as(services, "reception")
    return make_tab(qtbot, services, bus)


def _answer(reason: str, outcome: str | None = None, person: str = ""):
    def fill(dlg: ActionDialog):
        assert isinstance(dlg, ActionDialog)
        if outcome is not None:
            dlg.outcome.setCurrentIndex(dlg.outcome.findData(outcome))
        dlg.reason.setPlainText(reason)
        dlg.person.setText(person)
        dlg.save()
        return dlg.result()
    return fill


def _show(tab, state: str, code: str) -> None:
    tab.state_filter.setCurrentIndex(tab.state_filter.findData(state))
    tab.refresh()
    rows = [tab.model.item(r).code for r in range(tab.model.rowCount())]
    tab.view.selectRow(rows.index(code))


def _history(tab, code: str) -> list[str]:
    seen = []
    drive(tab, lambda dlg: seen.append(dlg) or 0)
    _show(tab, "", code)
    tab.open_detail()
    dlg = seen[-1]
    assert isinstance(dlg, ItemDetailDialog)
    return [dlg.table.item(r, 1).text() for r in range(dlg.table.rowCount())]


def test_a_suspicious_item_goes_to_the_supervisor_and_is_not_handed_out(qtbot, tab, services, warnings):
    tab.set_mode("intake")
    tab.suspicious.setChecked(True)
    qtbot.keyClicks(tab.recipient, "A-1203")
    scan(qtbot, tab, CODES[0])
    assert "kept apart for the supervisor" in tab.feedback.text()
    item = services.parcels.find(CODES[0])[0]
    assert (item.state, item.suspicious, item.unit_code) == ("escalated", True, "A-1203")

    tab.set_mode("pickup")
    shown = drive(tab, lambda dlg: 0)
    scan(qtbot, tab, CODES[0])
    assert not shown and "is not waiting" in tab.feedback.text() and "supervisor" in tab.feedback.text().lower()

    # The receptionist cannot decide; the decision writes nothing.
    _show(tab, "escalated", CODES[0])
    drive(tab, _answer("looks fine", "release"))
    assert tab.act_on_selected("resolve") is None
    assert warnings and "supervisor" in warnings[-1]
    assert services.parcels.get(item.id).state == "escalated"

    sign_in_as(services, "super")
    _show(tab, "escalated", CODES[0])
    drive(tab, _answer("opened with the tenant: books", "release"))
    assert tab.act_on_selected("resolve")
    assert services.parcels.get(item.id).state == "waiting"
    assert _history(tab, CODES[0]) == ["Received", "Sent to the supervisor", "Cleared by the supervisor"]


def test_damaged_and_lost_items_are_reported_from_the_list(qtbot, tab, services):
    a = services.parcels.intake(CODES[0], unit_code="A-1203")
    b = services.parcels.intake(CODES[1], unit_code="A-1203")
    _show(tab, "waiting", CODES[0])
    drive(tab, _answer("box crushed on arrival"))
    assert tab.act_on_selected("damaged")
    after = services.parcels.get(a.id)
    assert (after.state, after.damaged) == ("waiting", True)  # still handed out, flagged
    tab.refresh()
    row = [tab.model.item(r).code for r in range(tab.model.rowCount())].index(CODES[0])
    assert "damaged" in tab.model.data(tab.model.index(row, tab.model.COLUMNS.index("flags")),
                                       Qt.ItemDataRole.DisplayRole)

    _show(tab, "waiting", CODES[1])
    drive(tab, _answer("not on the shelf since Monday"))
    assert tab.act_on_selected("lost")
    assert services.parcels.get(b.id).state == "lost"
    tab.state_filter.setCurrentIndex(tab.state_filter.findData("waiting"))
    tab.refresh()
    assert [tab.model.item(r).code for r in range(tab.model.rowCount())] == [CODES[0]]
    assert _history(tab, CODES[1]) == ["Received", "Reported lost"]


def test_uncollected_items_are_disposed_of_by_a_supervisor_only_after_n_days(qtbot, tab, services, warnings):
    old = services.parcels.intake(CODES[0], unit_code="A-1203", at=datetime.now() - timedelta(days=40))
    new = services.parcels.intake(CODES[1], unit_code="A-1203", at=datetime.now() - timedelta(days=2))
    tab.days_filter.setValue(services.settings.get("parcels.uncollected_days"))
    tab.refresh()
    assert [tab.model.item(r).code for r in range(tab.model.rowCount())] == [CODES[0]]

    _show(tab, "waiting", CODES[0])
    drive(tab, _answer("uncollected 40 days"))
    assert tab.act_on_selected("dispose") is None  # a receptionist may not
    assert "supervisor" in warnings[-1]

    sign_in_as(services, "super")
    tab.days_filter.setValue(0)
    _show(tab, "waiting", CODES[1])
    drive(tab, _answer("tenant away"))
    assert tab.act_on_selected("dispose") is None  # two days only
    assert "has not been waiting" in warnings[-1]
    assert services.parcels.get(new.id).state == "waiting"

    _show(tab, "waiting", CODES[0])
    drive(tab, _answer("uncollected 40 days, tenant told twice"))
    assert tab.act_on_selected("dispose")
    assert services.parcels.get(old.id).state == "disposed"
    assert _history(tab, CODES[0]) == ["Received", "Disposed of"]
    assert [p.code for p in services.parcels.list_items(ParcelQuery(state="disposed"))] == [CODES[0]]
