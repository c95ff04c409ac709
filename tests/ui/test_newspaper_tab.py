"""The Newspapers tab through its real widgets on a real database: titles, subscriptions, the
count with a claim, delivery, resolving the claim, printing."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.services.newspapers import SubscriptionInput
from tests.conftest import sign_in_as
from tests.ui.conftest import type_text
from ui.newspapers.tab import NewspapersTab

TODAY = date.today()


@pytest.fixture
def papers(services):
    """深圳特区报 for A-1203 (2), A-1204 (1) and 客服部 (1); 读者 for A-1203."""
    t = services.newspapers.add_title("深圳特区报", "newspaper", "深圳报业集团", "daily")
    m = services.newspapers.add_title("读者", "magazine", "读者出版社", "semimonthly")
    start = TODAY - timedelta(days=30)
    services.newspapers.subscribe(SubscriptionInput(t.id, "A-1203", subscriber="张三", copies=2, starts_on=start))
    services.newspapers.subscribe(SubscriptionInput(t.id, "A-1204", subscriber="欧阳娜娜", starts_on=start))
    services.newspapers.subscribe(SubscriptionInput(t.id, department="客服部", starts_on=start))
    services.newspapers.subscribe(SubscriptionInput(m.id, "A-1203", starts_on=start))
    sign_in_as(services, "reception")
    return services, t, m


def make_tab(qtbot, services, bus):
    tab = NewspapersTab(services, bus)
    tab.printed = []
    tab.show_pdf = lambda pdf, title, kind, ref, file_name: tab.printed.append((kind, pdf))
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def flat_text(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def test_count_short_raises_a_claim_then_deliver_and_resolve(qtbot, papers, bus, translations):
    services, t, _ = papers
    tab = make_tab(qtbot, services, bus)
    page = tab.today_page
    page.select_title(t.id)
    assert page.selected_line().expected == 4
    assert page.received.value() == 4  # the expected count is offered
    page.received.setValue(3)
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    line = next(ln for ln in services.newspapers.day_sheet(TODAY) if ln.title.id == t.id)
    assert (line.received, line.missing) == (3, 1)
    assert tab.pages.tabText(2) == "Claims (1)"
    assert not page.record_button.isEnabled()  # counted once

    # Residents first: the office's copy is short, the units can be ticked.
    assert page.tick_button.isEnabled()
    qtbot.mouseClick(page.tick_button, Qt.MouseButton.LeftButton)
    assert sorted(ln.subscription.where for ln in page.delivery_model.ticked()) == ["A-1203", "A-1204"]
    page.method.setCurrentIndex(page.method.findData("signed"))
    qtbot.mouseClick(page.deliver_button, Qt.MouseButton.LeftButton)  # nobody signed: refused, shown under the field
    assert page.deliver_form.error_label("received_by").isVisible()
    assert list(services.newspapers.deliveries(TODAY, TODAY)) == []
    page.method.setCurrentIndex(page.method.findData("mailbox"))
    qtbot.mouseClick(page.deliver_button, Qt.MouseButton.LeftButton)
    done = list(services.newspapers.deliveries(TODAY, TODAY))
    assert sorted((d.where, d.method) for d in done) == [("A-1203", "mailbox"), ("A-1204", "mailbox")]
    assert page.deliver_summary.text().startswith("2 of 3 delivered")  # 读者 is not due today
    page.pending_only.setChecked(True)  # what is left: the office's copy
    assert [page.delivery_model.row(r).subscription.where for r in range(page.delivery_model.rowCount())] == ["客服部"]
    assert page.deliver_summary.text().startswith("2 of 3 delivered")
    page.pending_only.setChecked(False)

    # The post office brings the missing copy: the claim resolves itself, with its history.
    claims = tab.claims_page
    tab.pages.setCurrentIndex(2)
    assert claims.selected() is not None and claims.copies.value() == 1
    type_text(qtbot, claims.note, "次日补送")
    qtbot.mouseClick(claims.received_button, Qt.MouseButton.LeftButton)
    assert services.newspapers.claims() == []
    assert tab.pages.tabText(2) == "Claims"
    claims.show_all.setChecked(True)
    claims.view.selectRow(0)
    kinds = [claims.history_model.row(r).kind for r in range(claims.history_model.rowCount())]
    assert kinds == ["raised", "received", "resolved"]
    # and now the office department can have its copy
    tab.pages.setCurrentIndex(0)
    office = next(r for r in range(page.delivery_model.rowCount())
                  if page.delivery_model.row(r).subscription.where == "客服部")
    assert page.delivery_model.tickable(page.delivery_model.row(office))


def test_subscriptions_add_with_errors_next_to_the_fields_and_end(qtbot, papers, bus, translations):
    services, t, m = papers
    tab = make_tab(qtbot, services, bus)
    tab.pages.setCurrentIndex(1)
    sp = tab.subscriptions_page
    assert sp.model.rowCount() == 4
    sp.title.setCurrentIndex(sp.title.findData(t.id))
    type_text(qtbot, sp.unit, "Z-9999")
    sp.copies.setValue(0)
    qtbot.mouseClick(sp.add_button, Qt.MouseButton.LeftButton)
    assert sp.form.error_label("unit_code").isVisible() and sp.form.error_label("copies").isVisible()
    assert "Z-9999" in sp.form.error_label("unit_code").text()
    assert len(services.newspapers.subscriptions()) == 4
    sp.unit.clear()
    type_text(qtbot, sp.unit, "B-0302")
    sp.unit.editingFinished.emit()
    assert sp.subscriber.text() == "周杰"  # the unit's occupant is offered as the subscriber
    sp.copies.setValue(1)
    qtbot.mouseClick(sp.add_button, Qt.MouseButton.LeftButton)
    assert not sp.form.error_label("unit_code").isVisible()
    assert sp.model.rowCount() == 5
    # The new line counts for today's expected copies (读者 comes on its own days: not listed).
    tab.pages.setCurrentIndex(0)
    assert tab.today_page.sheet_model.rowCount() == 1
    assert tab.today_page.sheet_model.row(0).expected == 5

    # End A-1204's line: it stays on the list, greyed, and no longer counts.
    tab.pages.setCurrentIndex(1)
    row = next(r for r in range(sp.model.rowCount()) if sp.model.row(r).where == "A-1204")
    sp.view.selectRow(row)
    assert sp.end_button.isEnabled()
    type_text(qtbot, sp.reason, "退订")
    qtbot.mouseClick(sp.end_button, Qt.MouseButton.LeftButton)
    ended = next(v for v in services.newspapers.subscriptions() if v.where == "A-1204")
    assert (ended.ends_on, ended.end_reason) == (TODAY, "退订")
    assert services.newspapers.expected_copies(t.id, TODAY + timedelta(days=1)) == 4
    sp.running_only.setChecked(True)
    tab.day_edit.setDate(tab.day_edit.date())  # same day: A-1204 still runs today
    assert any(sp.model.row(r).where == "A-1204" for r in range(sp.model.rowCount()))


def test_titles_page_adds_and_withdraws(qtbot, papers, bus, translations):
    services, t, _ = papers
    tab = make_tab(qtbot, services, bus)
    tp = tab.titles_page
    tab.pages.setCurrentIndex(3)
    qtbot.mouseClick(tp.add_button, Qt.MouseButton.LeftButton)
    assert tp.form.error_label("name").isVisible()
    type_text(qtbot, tp.name, "南方日报")
    tp.frequency.setCurrentIndex(tp.frequency.findData("weekdays"))
    qtbot.mouseClick(tp.add_button, Qt.MouseButton.LeftButton)
    assert "南方日报" in [x.name for x in services.newspapers.titles()]
    tab.pages.setCurrentIndex(1)
    assert tab.subscriptions_page.title.findText("南方日报") >= 0  # offered for subscriptions
    tab.pages.setCurrentIndex(3)
    row = next(r for r in range(tp.model.rowCount()) if tp.model.row(r).name == "南方日报")
    tp.view.selectRow(row)
    qtbot.mouseClick(tp.toggle_button, Qt.MouseButton.LeftButton)
    assert "南方日报" not in [x.name for x in services.newspapers.titles()]
    tab.pages.setCurrentIndex(1)
    assert tab.subscriptions_page.title.findText("南方日报") < 0


def test_printing_the_delivery_list_and_the_registers(qtbot, papers, bus, translations):
    services, t, _ = papers
    services.newspapers.record_receipt(t.id, TODAY, 4)
    services.parcels.intake("SF1234567890123", unit_code="A-1203", note="内有手机")
    tab = make_tab(qtbot, services, bus)
    qtbot.mouseClick(tab.print_list_button, Qt.MouseButton.LeftButton)
    kind, pdf = tab.printed[-1]
    text = flat_text(pdf)
    assert kind == "newspaper-delivery-list" and "报刊分发清单" in text and "A-1203" in text and "张三" not in text
    tab.pages.setCurrentIndex(4)
    qtbot.mouseClick(tab.print_mail_register, Qt.MouseButton.LeftButton)
    kind, pdf = tab.printed[-1]
    assert kind == "mail-register" and "SF1234567890123" in flat_text(pdf) and "手机" not in flat_text(pdf)
    qtbot.mouseClick(tab.print_newspaper_register, Qt.MouseButton.LeftButton)
    assert tab.printed[-1][0] == "newspaper-register"
    qtbot.mouseClick(tab.print_daily_log, Qt.MouseButton.LeftButton)
    kind, pdf = tab.printed[-1]
    assert kind == "parcel-daily-log" and "SF1234567890123" in flat_text(pdf)
    # a reversed range is shown under the date, nothing printed
    tab.reg_from.setDate(tab.reg_to.date().addDays(1))
    for button in (tab.print_newspaper_register, tab.print_mail_register):
        printed = len(tab.printed)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert len(tab.printed) == printed and tab.reg_form.error_label("date_to").isVisible()


def test_the_tab_follows_the_language(qtbot, papers, bus, translations):
    services, *_ = papers
    tab = make_tab(qtbot, services, bus)
    translations.set_language("zh_CN")
    qtbot.wait(10)
    assert tab.pages.tabText(0) == "清点与分发"
    assert tab.today_page.sheet_model.headerData(2, Qt.Orientation.Horizontal) == "应到"
    assert tab.today_page.method.itemText(0) == "投信箱"
    translations.set_language("en")
    qtbot.wait(10)
    assert tab.pages.tabText(0) == "Count and deliver"


def test_a_register_printed_through_the_preview_goes_to_the_print_log(qtbot, papers, bus, translations, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    services, t, _ = papers
    services.newspapers.record_receipt(t.id, TODAY, 4)
    tab = make_tab(qtbot, services, bus)
    qtbot.mouseClick(tab.print_list_button, Qt.MouseButton.LeftButton)
    kind, pdf = tab.printed[-1]
    ref = f"{TODAY:%Y%m%d}"
    for n in (1, 2):
        dialog = tab.preview_dialog(pdf, "x", kind, ref, "list.pdf")
        qtbot.addWidget(dialog)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / f"out{n}.pdf"))
        assert dialog.print_on(printer)
        assert not dialog.is_reprint()  # a register is drawn afresh: never stamped 补打
    jobs = services.print_log.jobs(kind="newspaper-delivery-list", ref=ref)
    assert [(j.outcome, j.reprint) for j in jobs] == [("printed", False), ("printed", True)]


def test_a_magazine_is_counted_on_the_day_it_comes(qtbot, papers, bus, translations):
    services, t, m = papers
    tab = make_tab(qtbot, services, bus)
    page = tab.today_page
    titles = lambda model: [model.row(r).title.id for r in range(model.rowCount())]  # noqa: E731
    wheres = lambda: {(ln.subscription.title_id, ln.subscription.where)  # noqa: E731
                      for ln in (page.delivery_model.row(r) for r in range(page.delivery_model.rowCount()))}
    # a semimonthly is not expected every day: neither on the sheet nor on the delivery list
    assert titles(page.sheet_model) == [t.id]
    assert (m.id, "A-1203") not in wheres()
    qtbot.mouseClick(tab.print_list_button, Qt.MouseButton.LeftButton)
    assert "读者" not in flat_text(tab.printed[-1][1])
    page.show_all.setChecked(True)  # it came today
    page.select_title(m.id)
    assert page.selected_line().expected == 1 and page.record_button.isEnabled()
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    page.show_all.setChecked(False)
    assert titles(page.sheet_model) == [t.id, m.id] or titles(page.sheet_model) == [m.id, t.id]
    assert (m.id, "A-1203") in wheres()
    qtbot.mouseClick(tab.print_list_button, Qt.MouseButton.LeftButton)
    assert "读者" in flat_text(tab.printed[-1][1])
