"""The Renovation tab driven through its real widgets and dialogs, on a real database.

Dates are real: the permits start today (or weeks ago, through the services' ``at=``), because
the tab asks for today's lists and verdicts.
"""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter

from app.services.permits import FeesInput
from tests.conftest import sign_in_as
from tests.ui.conftest import type_text
from tests.unit._permits import (
    MASKED_WORKER_ID,
    WORKER_ID,
    WORKER_ID_2,
    application,
    as_user,
    worker,
)
from ui.permits.dialogs import (
    ApplicationDialog,
    ApproveDialog,
    NoteDialog,
    PassDialog,
)
from ui.permits.tab import PermitsTab

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
       b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture(autouse=True)
def warnings(monkeypatch) -> list[str]:
    """Message boxes ``run_action`` would show (modal): their texts, collected instead."""
    shown: list[str] = []
    monkeypatch.setattr("ui.errors.QMessageBox.warning", lambda _parent, _title, text: shown.append(text))
    return shown


def make_tab(qtbot, services, bus):
    tab = PermitsTab(services, bus)
    printed = {"permit": [], "card": [], "receipt": []}
    tab.permit_printer = lambda _parent, _svc, view: printed["permit"].append(view)
    tab.card_printer = lambda _parent, _svc, view: printed["card"].append(view)
    tab.receipt_printer = lambda _parent, _svc, view: printed["receipt"].append(view)
    qtbot.addWidget(tab)
    tab.resize(1366, 760)
    tab.show()
    qtbot.waitExposed(tab)
    return tab, printed


def drive(tab, fn):
    """Replace the modal exec with ``fn(dialog)`` -> result code; record the dialogs shown."""
    shown = []

    def exec_dialog(dlg):
        shown.append(dlg)
        return fn(dlg)

    tab.exec_dialog = exec_dialog
    return shown


def accept_with(fill):
    def run(dlg):
        fill(dlg)
        dlg.save()
        return dlg.result()
    return run


def permit_started(services, *, start: date, **changes):
    """A permit in progress from ``start`` (45 days), taken along the flow by the right people."""
    at = datetime.combine(start, datetime.min.time()).replace(hour=8)
    as_user(services, "reception")
    p = services.permits.apply(application(planned_start=start, **changes), at=at)
    p = services.permits.pay_fees(p.id, FeesInput("R2026-000100", deposit="2000.00"), at=at)
    as_user(services, "super")
    p = services.permits.review_drawings(p.id, passed=True, reviewer="工程部 黄工", at=at)
    p = services.permits.check(p.id, passed=True, at=at)
    as_user(services, "manager")
    p = services.permits.approve(p.id, at=at)
    as_user(services, "reception")
    p = services.permits.issue(p.id, starts_on=start, at=at)
    return services.permits.start(p.id, at=at)


def test_an_application_goes_through_the_flow_from_the_tab(qtbot, services, bus, translations, warnings):
    sign_in_as(services, "reception")
    tab, printed = make_tab(qtbot, services, bus)

    def fill_application(d: ApplicationDialog):
        type_text(qtbot, d.unit, "A-1203")
        d.unit.editingFinished.emit()  # the owner comes from the directory
        assert d.applicant.text() == "张三" and d.phone.text() == "13812345678"
        type_text(qtbot, d.company, "安居装饰工程有限公司")
        type_text(qtbot, d.lead, "刘伟")
        type_text(qtbot, d.lead_phone, "13912345678")
        d.scope.setPlainText("客厅吊顶、厨卫防水")
        d.start.setDate(QDate.currentDate())

    # without the signed form the application is refused next to its field, and nothing is saved
    shown = drive(tab, accept_with(fill_application))
    assert tab.new_application() is None
    err = shown[0].form.findChild(type(shown[0].header), "error_form_signed")
    assert err is not None and err.isVisibleTo(shown[0]) and "signed" in err.text()
    assert services.permits.search() == []

    def fill_signed(d):
        fill_application(d)
        d.signed.setChecked(True)

    drive(tab, accept_with(fill_signed))
    view = tab.new_application()
    assert view.state == "applied" and tab.selected_permit().id == view.id
    visible = {a for a, b in tab.step_buttons.items() if b.isVisibleTo(tab)}
    assert visible == {"pay_fees", "cancel"}

    drive(tab, accept_with(lambda d: (type_text(qtbot, d.receipt, "R2026-000100"), d.deposit.setText("2000"))))
    assert tab.do_step("pay_fees").state == "fees_paid"
    # a receptionist may not record the drawing review: a supervisor does
    sign_in_as(services, "super")
    drive(tab, accept_with(lambda d: type_text(qtbot, d.reviewer, "工程部 黄工")))
    assert tab.do_step("review_drawings").state == "drawings_reviewed"
    drive(tab, accept_with(lambda d: None))
    assert tab.do_step("check").state == "checked"
    # the manager approves at the receptionist's counter with their own password
    sign_in_as(services, "reception")

    def approve(d: ApproveDialog):
        assert d.needs_credentials
        type_text(qtbot, d.user, "manager")
        type_text(qtbot, d.password, "wrong")

    shown = drive(tab, accept_with(approve))
    assert tab.do_step("approve") is None
    assert "Wrong user name or password" in shown[0].form.findChild(type(shown[0].header), "error_approval").text()
    drive(tab, accept_with(lambda d: (type_text(qtbot, d.user, "manager"), type_text(qtbot, d.password,
                                                                                      "manager-pass"))))
    assert tab.do_step("approve").approved_by == "赵敏"
    drive(tab, accept_with(lambda d: None))
    issued = tab.do_step("issue")
    assert issued.state == "issued" and issued.ends_on == date.today() + timedelta(days=44)
    assert [p.number for p in printed["permit"]] == [issued.number]  # the permit goes to the printer
    assert tab.do_step("start").state == "in_progress"
    assert "44 day(s) left" in tab.summary.text()

    # a worker's pass, with a photo, signed for by the site lead
    def fill_pass(d: PassDialog):
        assert not d.new_receipt.isChecked() and d.receipt.isEnabled()  # no shift open: a hand receipt
        type_text(qtbot, d.worker, "陈师傅")
        type_text(qtbot, d.doc_number, WORKER_ID)
        d.trade.setCurrentIndex(d.trade.findData("electrical"))
        type_text(qtbot, d.receipt, "R2026-000101")
        d.set_photo(PNG)
        assert d.signer.text() == "刘伟"
        # never past the permit's end
        assert d.valid_to.maximumDate() == QDate(issued.ends_on.year, issued.ends_on.month, issued.ends_on.day)

    drive(tab, accept_with(fill_pass))
    card = tab.issue_pass()
    assert card.number == "PC000001" and card.has_photo and card.valid_to == issued.ends_on
    assert printed["card"] == [card]
    assert tab.pass_model.rowCount() == 1
    # the receptionist sees the ID number masked
    doc_col = tab.pass_model.COLUMNS.index("doc")
    assert tab.pass_model.index(0, doc_col).data() == MASKED_WORKER_ID

    # finishing is refused while the card is out; once it is back, the works finish
    drive(tab, accept_with(lambda d: None))
    assert tab.do_step("finish") is None
    assert warnings == ["1 pass(es) of permit RP2026-0001 are still out: take them back or report them lost first."]
    tab.pass_view.selectRow(0)
    drive(tab, accept_with(lambda d: d.note.setPlainText("完工退证")))
    assert tab.return_selected_pass().status == "returned"
    assert tab.do_step("finish").state == "finished"
    assert not any(b.isVisibleTo(tab) for b in tab.step_buttons.values())
    steps = [tab.step_model.index(r, 1).data() for r in range(tab.step_model.rowCount())]
    assert steps == ["Application taken", "Fees paid", "Drawings passed", "File checked", "Approved",
                     "Permit issued", "Work started", "Finished"]


def test_the_card_fee_goes_on_a_receipt_when_the_pass_is_issued(qtbot, services, bus, translations):
    from decimal import Decimal

    p = permit_started(services, start=date.today())
    sign_in_as(services, "reception")
    services.receipts.open_shift("100.00")
    tab, printed = make_tab(qtbot, services, bus)
    tab.permit_view.selectRow(0)

    def fill(d: PassDialog):
        assert d.new_receipt.isChecked() and not d.receipt.isEnabled()
        assert "¥5.00" in d.new_receipt.text()
        type_text(qtbot, d.worker, "陈师傅")
        type_text(qtbot, d.doc_number, WORKER_ID)
        d.method.setCurrentIndex(d.method.findData("wechat"))
        d.signer_kind.setCurrentIndex(d.signer_kind.findData("owner"))
        assert d.signer.text() == "张三"  # the applicant signs, not the site lead

    drive(tab, accept_with(fill))
    v = tab.issue_pass()
    [receipt] = printed["receipt"]
    assert (v.receipt_no, v.fee, v.signer_kind, v.signer_name) == (receipt.number, Decimal("5.00"), "owner", "张三")
    assert (receipt.method, receipt.total, receipt.lines[0].fee_code) == ("wechat", Decimal("5.00"), "pass_card")
    assert printed["card"] == [v]
    assert services.receipts.cashup().receipt_count == 1

    # a pass that would be refused takes no money
    def refused(d: PassDialog):
        type_text(qtbot, d.worker, "李工")
        type_text(qtbot, d.doc_number, WORKER_ID)  # already holds a pass
    shown = drive(tab, accept_with(refused))
    assert tab.issue_pass() is None
    assert "already holds pass PC000001" in shown[0].form.findChild(type(shown[0].header), "error_doc_number").text()
    assert services.receipts.cashup().receipt_count == 1 and len(printed["receipt"]) == 1


def test_scanning_a_pass_answers_in_colour_and_words(qtbot, services, bus, translations):
    p = permit_started(services, start=date.today())
    a = services.permits.issue_pass(p.id, worker(receipt_no="R2026-000101"))
    b = services.permits.issue_pass(p.id, worker(worker_name="李工", doc_number=WORKER_ID_2,
                                                 valid_to=date.today() + timedelta(days=1)))
    sign_in_as(services, "reception")
    tab, _ = make_tab(qtbot, services, bus)

    def scan(code: str):
        tab.scan_field.clear()
        qtbot.keyClicks(tab.scan_field, code)
        qtbot.keyClick(tab.scan_field, Qt.Key.Key_Return)
        return tab.banner

    banner = scan(a.number)
    assert banner.isVisible() and banner.verdict.text() == "VALID"
    assert banner.verdict.property("verdict") == "valid" and "#2e7d32" in banner.verdict.styleSheet()
    assert banner.advice.text() == "Let the worker in."
    assert "陈师傅" in banner.detail.text() and MASKED_WORKER_ID in banner.detail.text()
    assert WORKER_ID not in banner.detail.text()
    assert tab.selected_pass().id == a.id and tab.scan_field.text() == ""
    # its QR code (number and token) checks the same; a made-up token does not
    assert scan(f"{a.number}-{a.token}").verdict.property("verdict") == "valid"
    assert scan(f"{a.number}-ABCDEFGH").verdict.text() == "NOT GENUINE"
    # ends tomorrow: let in, but amber and saying so
    banner = scan(b.number)
    assert banner.verdict.property("verdict") == "expiring" and "#f9a825" in banner.verdict.styleSheet()
    assert (date.today() + timedelta(days=1)).isoformat() in banner.advice.text()
    # revoked from the tab: red, refuse
    tab.pass_view.selectRow(tab.pass_model.row_of(b.id))
    shown = drive(tab, accept_with(lambda d: d.note.setPlainText("违规动火")))
    assert tab.revoke_selected_pass().status == "revoked"
    assert isinstance(shown[0], NoteDialog)
    banner = scan(b.number)
    assert banner.verdict.text() == "REVOKED" and "#c62828" in banner.verdict.styleSheet()
    assert "refuse entry" in banner.advice.text()
    assert scan("PC999999").verdict.text() == "UNKNOWN PASS"
    # returned
    tab.pass_view.selectRow(tab.pass_model.row_of(a.id))
    drive(tab, accept_with(lambda d: None))
    tab.return_selected_pass()
    assert scan(a.number).verdict.text() == "RETURNED"
    # in Chinese, live
    translations.set_language("zh_CN")
    qtbot.wait(10)  # LanguageChange is a posted event
    assert (banner.verdict.text(), tab.revoke_button.text()) == ("已退还", "注销…")


def test_a_pass_scanned_anywhere_brings_the_answer_to_the_front(qtbot, services, bus, translations):
    from ui.app import ui_settings
    from ui.main_window import MainWindow

    p = permit_started(services, start=date.today() - timedelta(days=50))  # ended 6 days ago
    v = services.permits.issue_pass(p.id, worker(), at=datetime.combine(p.starts_on, datetime.min.time()))
    sign_in_as(services, "reception")
    window = MainWindow(services, bus, ui_settings(), translations)
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.pages["visitors"])  # the receptionist is elsewhere
    with qtbot.waitSignal(window.scanners.sig_scan, timeout=2000):
        window.scanners.submit_text(v.number)
    tab = window.pages["permits"]
    assert window.tabs.currentWidget() is tab
    assert tab.banner.verdict.property("verdict") == "expired"
    assert "Refuse entry" in tab.banner.advice.text()
    # and the same pass is on the overdue list (more than 3 days past the end, not returned)
    assert tab.lists.tabText(3) == "Overdue (2)"  # the permit and its pass
    assert tab.overdue_page.pass_model.rowCount() == 1 and tab.overdue_page.permit_model.rowCount() == 1


def test_lists_expiring_overdue_and_the_register(qtbot, services, bus, translations, tmp_path):
    today = date.today()
    old = permit_started(services, start=today - timedelta(days=46))  # ended 2 days ago: within the grace
    older = permit_started(services, start=today - timedelta(days=49), unit_code="B-0302")  # ended 5 days ago
    fresh = permit_started(services, start=today, unit_code="A-1204")
    at_old = datetime.combine(old.starts_on, datetime.min.time()).replace(hour=9)
    late = services.permits.issue_pass(older.id, worker(), at=at_old)
    grace = services.permits.issue_pass(old.id, worker(), at=at_old)
    soon = services.permits.issue_pass(fresh.id, worker(valid_to=today + timedelta(days=2)))
    later = services.permits.issue_pass(fresh.id, worker(worker_name="李工", doc_number=WORKER_ID_2))
    sign_in_as(services, "reception")
    tab, _ = make_tab(qtbot, services, bus)
    assert [tab.lists.tabText(i) for i in range(5)] == [
        "Permits", "Valid today (2)", "Expiring (1)", "Overdue (2)", "Pass register"]
    assert [v.id for v in tab.expiring_page.model._rows] == [soon.id]
    assert [v.id for v in tab.overdue_page.pass_model._rows] == [late.id]
    assert [v.id for v in tab.overdue_page.permit_model._rows] == [older.id]
    status_col = tab.overdue_page.pass_model.COLUMNS.index("status")
    assert tab.overdue_page.pass_model.index(0, status_col).data() == "5 day(s) overdue: take the card back"
    assert grace.id not in [v.id for v in tab.overdue_page.pass_model._rows]
    # double-clicking a listed pass opens its permit with the pass selected
    tab.overdue_page.sig_open_pass.emit(tab.overdue_page.pass_model.pass_(0))
    assert tab.selected_permit().id == older.id and tab.selected_pass().id == late.id
    # the register: passes issued between the dates, ID numbers masked, exportable
    reg = tab.register_page
    reg.set_dates(today - timedelta(days=60), today)
    assert {v.id for v in reg.model._rows} == {late.id, grace.id, soon.id, later.id}
    reg.set_dates(today, today)
    assert {v.id for v in reg.model._rows} == {soon.id, later.id}
    assert reg.export_to(tmp_path / "register.xlsx") == 2
    rows = list(load_workbook(tmp_path / "register.xlsx").active.iter_rows(values_only=True))
    assert rows[0][0] == "Pass" and len(rows) == 3
    assert WORKER_ID not in str(rows) and WORKER_ID_2 not in str(rows)


def test_a_supervisor_sees_full_id_numbers(qtbot, services, bus, translations):
    p = permit_started(services, start=date.today())
    services.permits.issue_pass(p.id, worker())
    sign_in_as(services, "super")
    tab, _ = make_tab(qtbot, services, bus)
    tab.permit_view.selectRow(0)
    assert tab.pass_model.index(0, tab.pass_model.COLUMNS.index("doc")).data() == WORKER_ID


def test_printing_a_card_is_logged_and_a_second_print_says_reprint(qtbot, services, bus, translations, tmp_path):
    from pypdf import PdfReader

    from ui.permits.printing import pass_card_dialog
    from ui.printing.preview import use_document_page_size

    p = permit_started(services, start=date.today())
    v = services.permits.issue_pass(p.id, worker(photo=PNG))
    sign_in_as(services, "reception")

    def print_once(name: str):
        dialog = pass_card_dialog(None, services, v)
        qtbot.addWidget(dialog)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / name))
        printer.setResolution(300)
        use_document_page_size(printer, dialog.document())  # as print_with_dialog does
        assert dialog.print_on(printer)
        return dialog

    first = print_once("first.pdf")
    assert not first.is_reprint()
    page = PdfReader(tmp_path / "first.pdf").pages[0]
    # CR80 (Qt writes a landscape page as a rotated portrait one)
    dims = sorted(float(x) * 25.4 / 72 for x in (page.mediabox.width, page.mediabox.height))
    assert dims == [pytest.approx(54.0, abs=0.5), pytest.approx(85.6, abs=0.5)]
    jobs = services.print_log.jobs(kind="pass-card", ref=v.number)
    assert len(jobs) == 1
    second = print_once("second.pdf")
    assert second.is_reprint()
    assert "REPRINT" in "".join(pg.extract_text() for pg in PdfReader(io.BytesIO(second.pdf_bytes())).pages)
    assert len(services.print_log.jobs(kind="pass-card", ref=v.number)) == 2
