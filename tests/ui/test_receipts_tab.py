"""The Receipts tab driven through its real widgets on a real database: shift, issue with the
total in words, validation next to the field, void with a supervisor, refund slip, cash-up,
fee catalogue, scans, printing through the preview and the print log, language switch."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog
from pypdf import PdfReader

from app.services.receipts import LineInput, Payer, ReceiptInput
from app.receipt_rules import verification_text
from tests.conftest import sign_in_as
from tests.ui.conftest import type_text
from ui.printing.preview import PdfPreviewDialog
from ui.receipts.dialogs import CloseShiftDialog, OpenShiftDialog, RefundDialog, VoidDialog
from ui.receipts.fees import FeeCatalogDialog
from ui.receipts.issue import IssueReceiptDialog
from ui.receipts.tab import ReceiptsTab

ACCEPTED = QDialog.DialogCode.Accepted
REJECTED = QDialog.DialogCode.Rejected


def fee(services, code):
    return next(f for f in services.fees.list() if f.code == code)


class Printed:
    """Stands in for the printers: records what the tab asked to print."""

    def __init__(self, tab):
        self.receipts, self.refunds, self.cashups = [], [], []
        tab.receipt_printer = lambda v, paper: self.receipts.append((v, paper))
        tab.refund_printer = self.refunds.append
        tab.cashup_printer = lambda v, paper: self.cashups.append((v, paper))


def drive(tab, fn):
    shown = []

    def exec_dialog(dlg):
        shown.append(dlg)
        return fn(dlg)

    tab.exec_dialog = exec_dialog
    return shown


def saved(dlg) -> int:
    """Press the dialog's main button: Accepted when the service took it."""
    dlg.save()
    return dlg.result()


@pytest.fixture
def tab(qtbot, services, bus):
    sign_in_as(services, "reception")
    t = ReceiptsTab(services, bus)
    qtbot.addWidget(t)
    t.resize(1366, 720)
    t.show()
    qtbot.waitExposed(t)
    t.printed = Printed(t)
    return t


@pytest.fixture
def open_tab(tab, services):
    services.receipts.open_shift("200.00")
    tab.refresh()
    return tab


def shown(label) -> bool:
    """An error label under a field is shown (the dialog itself is never exec'd in tests)."""
    return not label.isHidden() and bool(label.text())


def pdf_text(data: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_opening_a_shift_through_the_dialog(tab, services):
    assert not tab.new_button.isEnabled() and "No shift open" in tab.shift_label.text()

    def fill(dlg):
        assert isinstance(dlg, OpenShiftDialog)
        dlg.float_edit.setText("abc")
        assert saved(dlg) != ACCEPTED
        assert shown(dlg.form.error_label("opening_float"))
        dlg.float_edit.setText("300.50")
        return saved(dlg)

    drive(tab, fill)
    assert tab.open_shift() is not None
    assert services.receipts.current_shift().opening_float == Decimal("300.50")
    assert "¥300.50" in tab.shift_label.text() and tab.new_button.isEnabled()
    assert not tab.open_shift_button.isEnabled()


def test_issue_a_receipt_for_an_occupant_with_the_total_in_words_live(qtbot, open_tab, services):
    tab = open_tab

    def fill(dlg):
        assert isinstance(dlg, IssueReceiptDialog)
        type_text(qtbot, dlg.payer, "张三")
        dlg.payer.suggester.refresh()
        assert dlg.payer.suggester.count() == 1
        dlg.payer.suggester.pick(0)
        assert dlg.payer.text() == "A-1203 张三"
        fee_box, desc, qty, price = dlg.lines.widgets(0)
        fee_box.setCurrentIndex(fee_box.findData(fee(services, "pass_card").id))
        assert desc.text() == "出入证工本费" and price.text() == "5.00"
        qty.setValue(3)
        assert dlg.total_label.text() == "¥15.00" and dlg.words_label.text() == "壹拾伍元整"
        dlg.add_line()
        fee2, desc2, _qty2, price2 = dlg.lines.widgets(1)
        desc2.setText("代收水费")
        price2.clear()
        qtbot.keyClicks(price2, "1,008.45")
        assert dlg.total_label.text() == "¥1,023.45"
        assert dlg.words_label.text() == "壹仟零贰拾叁元肆角伍分"
        dlg.method.setCurrentIndex(dlg.method.findData("wechat"))
        return saved(dlg)

    drive(tab, fill)
    r = tab.new_receipt()
    assert r is not None and r.total == Decimal("1023.45") and r.method == "wechat"
    assert r.payer_name == "张三" and r.unit_code == "A-1203" and len(r.lines) == 2
    assert tab.printed.receipts == [(r, "roll")]
    assert tab.model.rowCount() == 1 and tab.current.id == r.id
    assert "壹仟零贰拾叁元肆角伍分" in tab.detail.text()
    assert r.number in tab.feedback.text()


def test_errors_show_next_to_their_fields_and_nothing_is_issued(qtbot, open_tab, services):
    tab = open_tab

    def fill(dlg):
        dlg.set_payer_kind("company")
        dlg.unit.setText("Z-9999")
        _fee, desc, _qty, price = dlg.lines.widgets(0)
        desc.setText("杂费")
        price.setText("0")
        assert saved(dlg) != ACCEPTED
        assert shown(dlg.form.error_label("payer"))
        assert shown(dlg.form.error_label("unit"))
        assert "Line 1" in dlg.form.error_label("lines").text()
        assert dlg.total_label.text() == "¥0.00"
        type_text(qtbot, dlg.payer, "深圳市美家装饰有限公司")
        dlg.unit.setText("a-1204")
        price.setText("80")
        return saved(dlg)

    drive(tab, fill)
    r = tab.new_receipt()
    assert r.payer_kind == "company" and r.unit_code == "A-1204" and r.total == Decimal("80.00")
    assert [x.number for x in services.receipts.shift_receipts()] == [r.number]


def test_void_needs_a_supervisor_in_the_same_shift(open_tab, services):
    tab = open_tab
    r = services.receipts.issue(ReceiptInput(Payer("other", name="路人甲"), (LineInput(None, "复印", "2.00", 1),)))
    tab.refresh()
    assert tab.select_receipt(r.id) and tab.void_button.isEnabled()

    def fill(dlg):
        assert isinstance(dlg, VoidDialog)
        dlg.approver.setText("super")
        dlg.password.setText("wrong")
        assert saved(dlg) != ACCEPTED
        assert shown(dlg.form.error_label("reason")) and shown(dlg.form.error_label("approval"))
        assert dlg.password.text() == ""  # never kept after an attempt
        dlg.reason.setText("金额录错")
        dlg.password.setText("super-pass")
        return saved(dlg)

    drive(tab, fill)
    v = tab.void_selected()
    assert v.voided and v.void_approved_by == "李强"
    assert tab.model.receipt(tab.model.row_of(r.id)).voided
    assert "VOID" in tab.detail.text() and not tab.void_button.isEnabled()
    from ui.receipts.printing import receipt_pdf

    assert "作废" in pdf_text(receipt_pdf(services, v))


def test_refund_slip_from_a_deposit_receipt(open_tab, services):
    tab = open_tab
    dep = fee(services, "renovation_deposit")
    r = services.receipts.issue(ReceiptInput(Payer("other", name="周杰"), (LineInput(dep.id, unit_price="2000"),),
                                             "transfer"))
    other = services.receipts.issue(ReceiptInput(Payer("other", name="周杰"), (LineInput(None, "复印", "1", 1),)))
    tab.refresh()
    tab.select_receipt(other.id)
    assert not tab.refund_button.isEnabled()
    tab.select_receipt(r.id)
    assert tab.refund_button.isEnabled()

    def fill(dlg):
        assert isinstance(dlg, RefundDialog)
        assert dlg.amount.text() == "2000.00" and dlg.method.currentData() == "transfer"
        dlg.amount.setText("2500")
        assert saved(dlg) != ACCEPTED and shown(dlg.form.error_label("amount"))
        dlg.amount.setText("1500")
        dlg.reason.setText("装修验收合格，扣除损坏公共设施费500元")
        return saved(dlg)

    drive(tab, fill)
    f = tab.refund_selected()
    assert f.amount == Decimal("1500.00") and f.receipt_number == r.number
    assert tab.printed.refunds == [f]
    assert f.number in tab.detail.text() and "¥500.00" in tab.detail.text()
    assert tab.refund_print_button.isEnabled()


def test_cash_up_with_a_variance_needs_a_note_and_prints_the_z_report(open_tab, services):
    tab = open_tab
    services.receipts.issue(ReceiptInput(Payer("other", name="甲"), (LineInput(None, "复印", "12.50", 2),)))
    services.receipts.issue(ReceiptInput(Payer("other", name="乙"), (LineInput(None, "打印", "30", 1),), "alipay"))
    tab.refresh()

    def fill(dlg):
        assert isinstance(dlg, CloseShiftDialog)
        assert dlg.preview.expected_cash == Decimal("225.00")
        dlg.counted.setText("220")
        dlg.update_variance()
        assert "¥5.00 short" in dlg.variance.text()
        assert saved(dlg) != ACCEPTED and shown(dlg.form.error_label("note"))
        dlg.note.setText("找零多给")
        dlg.print_a4.setChecked(True)
        return saved(dlg)

    drive(tab, fill)
    z = tab.close_shift()
    assert z.shift.variance == Decimal("-5.00") and z.shift.close_seq == 1 and z.takings == Decimal("55.00")
    assert [p for _v, p in tab.printed.cashups] == ["roll", "a4"]
    assert services.receipts.current_shift() is None
    assert "No shift open" in tab.shift_label.text() and not tab.new_button.isEnabled()


def test_fee_catalogue_is_for_administrators(qtbot, services, bus):
    sign_in_as(services, "reception")
    t = ReceiptsTab(services, bus)
    qtbot.addWidget(t)
    t.show()
    assert not t.fees_button.isVisible()
    sign_in_as(services, "admin")
    bus.sig_changed.emit("operator")
    assert t.fees_button.isVisible()
    item = fee(services, "pass_card")

    def fill(dlg):
        assert isinstance(dlg, FeeCatalogDialog)
        dlg.view.selectRow(dlg.model._rows.index(next(r for r in dlg.model._rows if r.id == item.id)))
        assert dlg.code.isReadOnly() and dlg.price.text() == "5.00"
        dlg.price.setText("-1")
        assert dlg.save() is None and shown(dlg.form.error_label("default_price"))
        dlg.price.setText("6")
        assert dlg.save().default_price == Decimal("6.00")
        dlg.new_item()
        dlg.code.setText("parking_card")
        dlg.name_zh.setText("停车卡工本费")
        dlg.price.setText("20")
        assert dlg.save().code == "parking_card"
        return ACCEPTED

    drive(t, fill)
    t.edit_fees()
    assert fee(services, "pass_card").default_price == Decimal("6.00")
    assert fee(services, "parking_card").default_price == Decimal("20.00")


def test_scanning_a_number_or_qr_opens_the_receipt_and_checks_the_qr(open_tab, services):
    tab = open_tab
    r = services.receipts.issue(ReceiptInput(Payer("other", name="张三"), (LineInput(None, "维修费", "38.50", 1),)))
    tab.scope.setCurrentIndex(tab.scope.findData("today"))
    tab.search.setText("nothing like it")
    tab.refresh_list()
    assert tab.handle_scan(r.number.lower())
    assert tab.current.id == r.id and tab.model.rowCount() == 1
    qr = verification_text(r.number, r.total, r.issued_at, r.payer_name)
    assert tab.handle_scan(qr) and "matches the register" in tab.feedback.text()
    forged = qr.replace("|38.50|", "|88.50|")
    assert tab.handle_scan(forged) and "does NOT match" in tab.feedback.text()
    assert not tab.handle_scan("R2026-999999") and "No receipt" in tab.feedback.text()


def test_scan_route_brings_the_receipts_tab_to_the_front(qtbot, services, bus, translations):
    from ui.app import ui_settings
    from ui.main_window import MainWindow

    sign_in_as(services, "reception")
    services.receipts.open_shift("0")
    r = services.receipts.issue(ReceiptInput(Payer("other", name="张三"), (LineInput(None, "维修费", "8", 1),)))
    window = MainWindow(services, bus, ui_settings(), translations)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(0)
    with qtbot.waitSignal(window.scanners.sig_scan, timeout=2000):
        window.scanners.submit_text(r.number)
    page = window.pages["receipts"]
    assert window.tabs.currentWidget() is page and page.current.id == r.id


def _pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_printing_goes_through_the_preview_and_a_reprint_is_marked(qtbot, open_tab, services, tmp_path):
    tab = open_tab
    tab.receipt_printer = tab._print_receipt
    r = services.receipts.issue(ReceiptInput(Payer("other", name="张三"), (LineInput(None, "维修费", "8", 1),)))
    tab.refresh()
    tab.select_receipt(r.id)
    shown = drive(tab, lambda dlg: dlg.print_on(_pdf_printer(tmp_path / "a.pdf")) and ACCEPTED)
    tab.print_selected("roll")
    assert isinstance(shown[0], PdfPreviewDialog) and not shown[0].is_reprint()
    assert "补打" not in pdf_text(shown[0].pdf_bytes())
    tab.print_selected("a5")
    assert "补打" in pdf_text(shown[1].pdf_bytes()) and shown[1].page_count() == 3
    jobs = services.print_log.jobs(kind="receipt", ref=r.number)
    assert len(jobs) == 2 and sum(j.reprint for j in jobs) == 1
    assert [x.ref for x in services.receipts.cashup().reprints] == [r.number]


def test_language_switch_retranslates_the_tab(qtbot, open_tab, services, translations):
    from PySide6.QtCore import Qt

    tab = open_tab
    services.receipts.issue(ReceiptInput(Payer("other", name="张三"), (LineInput(None, "维修费", "8", 1),), "wechat"))
    tab.refresh()
    assert tab.new_button.text().startswith("&New receipt")
    translations.set_language("zh_CN")
    qtbot.wait(10)  # LanguageChange is a posted event
    assert tab.new_button.text().startswith("开收据")
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "收据号"
    assert tab.model.data(tab.model.index(0, 5)) == "微信支付"
    assert "备用金" in tab.shift_label.text()


def test_x_and_z_reports_open_in_the_preview_on_roll_and_a4(open_tab, services):
    tab = open_tab
    tab.cashup_printer = tab._print_cashup
    services.receipts.issue(ReceiptInput(Payer("other", name="甲"), (LineInput(None, "复印", "12.50", 2),)))
    shown = drive(tab, lambda dlg: REJECTED)
    tab.print_x_report()
    assert "X REPORT" in pdf_text(shown[0].pdf_bytes())
    services.receipts.close_shift("225.00")
    tab.refresh()
    tab.print_last_z("a4")
    text = pdf_text(shown[1].pdf_bytes())
    assert "Z REPORT" in text and "000001" in text
    box = PdfReader(io.BytesIO(shown[1].pdf_bytes())).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert not tab.act_x_report.isEnabled()


def test_roll_receipt_and_cash_up_follow_the_receipt_printers_roll(open_tab, services):
    """Settings → Printing's roll width reaches the Receipts tab's roll printouts."""
    from app.printing.layout import MM
    from ui.app import ui_settings
    from ui.printing.printers import PrinterSettings
    from ui.receipts.printing import cashup_pdf, receipt_pdf

    def width_mm(pdf: bytes) -> float:
        return round(float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width) / MM, 1)

    r = services.receipts.issue(ReceiptInput(Payer("other", name="张三"), (LineInput(None, "维修费", "8", 1),)))
    assert width_mm(receipt_pdf(services, r, "roll")) == 80.0
    settings = PrinterSettings(ui_settings())
    settings.set_roll_width("roll58")
    settings.sync()
    assert width_mm(receipt_pdf(services, r, "roll")) == 58.0
    assert width_mm(cashup_pdf(services, services.receipts.cashup(), "roll")) == 58.0
    assert width_mm(receipt_pdf(services, r, "a5")) == 210.0  # A5 landscape is not a roll
