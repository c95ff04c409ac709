"""Printers per document kind on this PC: the settings page, the PDF folder, copies, QPrinter."""

from __future__ import annotations

import io
import re
from datetime import datetime

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtPrintSupport import QPrinter

from app.paths import print_dir
from app.printing.layout import MM
from app.printing.pages import render_sheet
from app.printing.samples import PRINT_KINDS
from app.printing.store import write_to_folder
from ui.app import ui_settings
from ui.printing.direct import print_direct
from ui.printing.preview import PdfPreviewDialog
from ui.printing.printers import PDF_FOLDER, SYSTEM_DEFAULT, PrinterSettings, paper_for
from ui.printing.settings_page import PrintingSettingsPage

INSTALLED = ["XP-80C", "Zebra ZC300", "HP LaserJet Pro M404"]


def slip(paper: str = "roll80") -> bytes:
    return PRINT_KINDS["visitor_slip"].render_sample(paper)[1]


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(203)
    return printer


def pages_of(path) -> list:
    return PdfReader(io.BytesIO(path.read_bytes())).pages


# --- settings ---------------------------------------------------------------------------

def test_settings_defaults_and_round_trip(qapp, tmp_path):
    s = PrinterSettings(ui_settings())
    target = s.target("visitor_slip")
    assert (target.group, target.printer, target.copies, target.paper) == ("receipt", SYSTEM_DEFAULT, 1, "roll80")
    assert s.target("key_monthly_report").group == "a4"
    assert s.paper("parcel_label") == "label60"
    # an unregistered kind goes by its page size
    assert s.target("pass_card", (85.6 * MM, 54 * MM)).group == "card"
    assert s.target("receipt_a5", (148 * MM, 210 * MM)).group == "a4"

    s.set_printer("receipt", "XP-80C")
    s.set_printer("a4", PDF_FOLDER)
    s.set_folder("a4", tmp_path / "a4")
    s.set_copies("key_loan_slip", 2)
    s.set_paper("visitor_slip", "roll58")
    s.sync()
    again = PrinterSettings(QSettings(ui_settings().fileName(), QSettings.Format.IniFormat))
    assert again.printer("receipt") == "XP-80C" and again.printer("card") == SYSTEM_DEFAULT
    assert again.target("key_monthly_report").to_pdf_folder
    assert again.folder("a4") == tmp_path / "a4"
    assert again.copies("key_loan_slip") == 2 and again.copies("visitor_slip") == 1
    assert again.paper("visitor_slip") == "roll58" and paper_for("visitor_slip") == "roll58"
    with pytest.raises(ValueError):
        s.set_paper("key_monthly_report", "roll58")
    with pytest.raises(ValueError):
        s.set_copies("visitor_slip", 0)
    with pytest.raises(ValueError):
        s.set_printer("laser", "x")


def test_settings_page_lists_printers_and_saves(qtbot, translations, tmp_path):
    settings = PrinterSettings(ui_settings())
    settings.set_printer("card", "Old card printer")  # remembered, but not installed now
    page = PrintingSettingsPage(settings, printers=INSTALLED)
    qtbot.addWidget(page)
    page.show()
    receipt = page.printer_combos["receipt"]
    offered = [receipt.itemData(i) for i in range(receipt.count())]
    assert offered == [SYSTEM_DEFAULT, *INSTALLED, PDF_FOLDER]
    card = page.printer_combos["card"]
    assert card.currentData() == "Old card printer" and "not installed" in card.currentText()
    assert page.folder_edits["a4"].isHidden()  # only shown for the PDF folder

    page.set_printer_choice("receipt", "XP-80C")
    page.set_printer_choice("a4", PDF_FOLDER)
    assert not page.folder_edits["a4"].isHidden()
    page.folder_edits["a4"].clear()
    assert not page.save()  # a PDF folder needs a folder
    assert "folder" in page.saved_label.text()
    page.folder_edits["a4"].setText(str(tmp_path / "pdf"))
    page.paper_combos["visitor_slip"].setCurrentIndex(page.paper_combos["visitor_slip"].findData("roll58"))
    page.copies_spins["key_loan_slip"].setValue(3)
    assert "key_monthly_report" not in page.paper_combos  # A4 only: nothing to choose
    assert page.save()

    again = PrinterSettings(ui_settings())
    assert again.printer("receipt") == "XP-80C" and again.printer("a4") == PDF_FOLDER
    assert again.printer("card") == "Old card printer"
    assert again.folder("a4") == tmp_path / "pdf"
    assert again.paper("visitor_slip") == "roll58" and again.copies("key_loan_slip") == 3
    # every registered kind has a row, named in words
    assert page.table.rowCount() == len(PRINT_KINDS)
    assert page.table.item(0, 0).text() == "Visitor slip"
    assert page.table.item(0, 1).text() == "Receipt printer"
    translations.set_language("zh_CN")
    qtbot.wait(10)  # LanguageChange is posted
    assert page.table.item(0, 1).text() == "小票打印机"
    assert page.printer_combos["receipt"].currentData() == "XP-80C"  # kept across retranslation


def test_a_document_in_several_layouts_takes_the_settings_of_the_one_printed(qapp):
    from app.printing.layout import MM as mm
    from ui.printing.printers import registered_kind

    settings = PrinterSettings(ui_settings())
    settings.set_roll_width("roll58")
    settings.set_copies("receipt_a5", 3)
    settings.set_copies("cashup_a4", 2)
    roll = (58 * mm, 150 * mm)
    a5_landscape = (210 * mm, 148 * mm)
    # the print log's "receipt" is the roll receipt or the A5 one, by the page printed
    on_roll = settings.target("receipt", roll)
    assert (on_roll.group, on_roll.paper, on_roll.copies) == ("receipt", "roll58", 1)
    on_a5 = settings.target("receipt", a5_landscape)
    assert (on_a5.group, on_a5.paper, on_a5.copies) == ("a4", "a5", 3)
    assert settings.target("cashup", (210 * mm, 297 * mm)).copies == 2
    assert settings.target("cashup", (80 * mm, 200 * mm)).group == "receipt"
    assert registered_kind("refund-slip").name == "refund_slip"
    assert registered_kind("receipt") is None  # two layouts, no page to tell them apart
    assert registered_kind("no-such-document", roll) is None
    assert settings.target("no-such-document", roll).group == "receipt"  # by its page size


def test_every_registered_kind_has_a_translated_name(translations):
    from ui.printing.texts import KIND_NAMES, kind_name

    assert set(PRINT_KINDS) <= set(KIND_NAMES), "name the new kinds in ui/printing/texts.py KIND_NAMES"
    translations.set_language("zh_CN")
    for kind in PRINT_KINDS:
        assert kind_name(kind) != KIND_NAMES[kind], f"{kind}: no Chinese name"


def test_roll_width_is_the_receipt_printers_and_kinds_follow_it(qtbot, tmp_path):
    settings = PrinterSettings(ui_settings())
    roll_kinds = [k for k, pk in PRINT_KINDS.items() if pk.roll_choice and pk.paper == "roll80"]
    assert roll_kinds and settings.roll_width() == "roll80"
    settings.set_roll_width("roll58")
    assert {settings.paper(k) for k in roll_kinds} == {"roll58"}
    assert settings.paper("parcel_label") == "label60"  # a label is not a roll document
    settings.set_paper("visitor_slip", "roll80")  # one kind kept apart
    settings.set_roll_width("roll80")
    settings.set_roll_width("roll58")
    assert settings.paper("visitor_slip") == "roll80" and settings.paper("key_loan_slip") == "roll58"
    settings.set_paper("visitor_slip", "roll58")  # back to the printer's roll: follows it again
    settings.set_roll_width("roll80")
    assert settings.paper("visitor_slip") == "roll80"
    with pytest.raises(ValueError):
        settings.set_roll_width("a4")

    # the page: changing the roll moves every roll document, not the label
    page = PrintingSettingsPage(settings, printers=INSTALLED)
    qtbot.addWidget(page)
    page.paper_combos["parcel_label"].setCurrentIndex(page.paper_combos["parcel_label"].findData("label60"))
    page.set_roll_width("roll58")
    assert {page.paper_combos[k].currentData() for k in roll_kinds} == {"roll58"}
    assert page.paper_combos["parcel_label"].currentData() == "label60"
    page.paper_combos["key_loan_slip"].setCurrentIndex(page.paper_combos["key_loan_slip"].findData("roll80"))
    assert page.save()
    again = PrinterSettings(ui_settings())
    assert again.roll_width() == "roll58" and again.paper("visitor_slip") == "roll58"
    assert again.paper("key_loan_slip") == "roll80" and paper_for("parcel_notice") == "roll58"


def test_settings_dialog_has_a_printing_tab(qtbot, services, bus, translations):
    from ui.dialogs.settings import SettingsDialog

    dlg = SettingsDialog(services, bus, ui_settings(), translations)
    qtbot.addWidget(dlg)
    dlg.pages.setCurrentWidget(dlg.printing_page)
    dlg.show()
    qtbot.waitExposed(dlg)
    # the dialog grows so that several documents are in view, not two rows and a scroll bar
    table = dlg.printing_page.table
    assert table.viewport().height() >= 7 * table.verticalHeader().defaultSectionSize()
    index = dlg.pages.indexOf(dlg.printing_page)
    assert index >= 0 and dlg.pages.tabText(index) == "Printing"


# --- the print path -----------------------------------------------------------------------

def test_pdf_folder_writes_kind_ref_timestamp(qtbot, tmp_path):
    settings = PrinterSettings(ui_settings())
    settings.set_printer("receipt", PDF_FOLDER)
    settings.set_folder("receipt", tmp_path / "out")
    settings.set_copies("visitor_slip", 2)
    seen = []
    dialog = PdfPreviewDialog(slip(), kind="visitor_slip", ref=42, settings=settings, recorder=seen.append)
    qtbot.addWidget(dialog)
    assert dialog.copies.value() == 2
    assert "PDF folder" in dialog.target_label.text()
    with qtbot.waitSignal(dialog.printed) as signal:
        outcome = dialog.print_default()
    assert signal.args[0] is outcome and seen == [outcome]
    assert outcome.ok and outcome.printer == "PDF folder" and outcome.copies == 2
    assert outcome.file.parent == tmp_path / "out"
    assert re.fullmatch(r"visitor_slip-42-\d{8}-\d{6}\.pdf", outcome.file.name)
    assert outcome.file.read_bytes() == dialog.pdf_bytes()
    assert outcome.kept.parent == print_dir() and outcome.kept.read_bytes() == dialog.pdf_bytes()
    # the dialog stays open and names the file, so the receptionist can find it
    assert not dialog.status_label.isHidden() and outcome.file.name in dialog.status_label.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    # a second print in the same second does not overwrite the first
    again = dialog.print_default()
    assert again.file != outcome.file and again.file.exists() and outcome.file.exists()


def test_write_to_folder_names_and_refuses_non_pdf(tmp_path):
    at = datetime(2026, 11, 23, 9, 5, 7)
    first = write_to_folder(b"%PDF-1.4 x", tmp_path / "new", "receipt_80", "R-2026/000042", now=at)
    second = write_to_folder(b"%PDF-1.4 y", tmp_path / "new", "receipt_80", "R-2026/000042", now=at)
    assert first.name == "receipt_80-R-2026_000042-20261123-090507.pdf"
    assert second.name == "receipt_80-R-2026_000042-20261123-090507-2.pdf"
    with pytest.raises(ValueError):
        write_to_folder(b"hello", tmp_path, "x", 1)


def test_preview_prints_its_copies_on_a_qprinter(qtbot, tmp_path):
    settings = PrinterSettings(ui_settings())
    settings.set_copies("visitor_slip", 2)
    dialog = PdfPreviewDialog(slip("roll58"), kind="visitor_slip", ref=7, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    from ui.printing.output import use_document_page_size

    use_document_page_size(printer, dialog.document())
    assert dialog.print_on(printer)
    pages = pages_of(out)
    assert len(pages) == 2  # two copies, one job
    for page in pages:
        assert float(page.mediabox.width) / MM == pytest.approx(58, abs=0.5)
    assert dialog.last_outcome.copies == 2 and dialog.last_outcome.printer == str(out)
    # sent to a printer: the preview closes itself, one click less at the counter
    assert dialog.result() == dialog.DialogCode.Accepted and not dialog.isVisible()
    QCoreApplication.sendEvent(dialog, QEvent(QEvent.Type.LanguageChange))
    assert dialog.print_to_button.text()


def test_direct_print_honours_copies_and_reports_a_missing_printer(qtbot, tmp_path):
    import zxingcpp

    settings = PrinterSettings(ui_settings())
    settings.set_copies("key_loan_slip", 3)
    pdf = PRINT_KINDS["key_loan_slip"].sample()
    out = tmp_path / "direct.pdf"
    outcome = print_direct(None, pdf, "key_loan_slip", 42, settings=settings, printer=pdf_printer(out))
    assert outcome.ok and outcome.copies == 3 and len(pages_of(out)) == 3
    image = pages_of(out)[2].images[0].image
    assert "K00042" in [r.text for r in zxingcpp.read_barcodes(image.convert("L"))]

    settings.set_printer("receipt", "Printer that is not there")
    seen = []
    outcome = print_direct(None, pdf, "key_loan_slip", 42, settings=settings, recorder=seen.append, quiet=True)
    assert not outcome.ok and outcome.error == "no_printer" and seen == [outcome]
    assert outcome.kept.exists()  # the attempt still left its copy

    # an A5 document of a kind nobody registered goes to the A4 printer's folder
    settings.set_printer("a4", PDF_FOLDER)
    settings.set_folder("a4", tmp_path / "a4")
    a5 = render_sheet("a5", lambda c, f: c.drawString(f.x, f.y, "收据 ¥12.50"))
    outcome = print_direct(None, a5, "receipt_a5", "R-1", settings=settings)
    assert outcome.ok and outcome.file.parent == tmp_path / "a4"


# --- the print log --------------------------------------------------------------------------

def _text(path) -> str:
    return "".join(p.extract_text() for p in pages_of(path))


def test_direct_prints_are_logged_and_a_reprint_goes_out_stamped(qapp, tmp_path, services):
    settings = PrinterSettings(ui_settings())
    settings.set_printer("receipt", PDF_FOLDER)
    settings.set_folder("receipt", tmp_path / "out")
    pdf = PRINT_KINDS["parcel_notice"].sample()
    first = print_direct(None, pdf, "parcel_notice", "A-1203", settings=settings, print_log=services.print_log)
    assert first.ok and not first.reprint and "REPRINT" not in _text(first.file)
    second = print_direct(None, pdf, "parcel_notice", "A-1203", settings=settings, print_log=services.print_log)
    assert second.ok and second.reprint
    assert "补打" in _text(second.file) and "REPRINT" in _text(second.file)
    jobs = services.print_log.jobs(kind="parcel_notice", ref="A-1203")
    assert [(j.outcome, j.reprint, j.printer) for j in jobs] == [("saved", False, "PDF folder"),
                                                                 ("saved", True, "PDF folder")]
    assert jobs[1].file_path == str(second.file)

    # a failed attempt is logged as failed and does not make the next print a reprint
    settings.set_printer("receipt", "Printer that is not there")
    failed = print_direct(None, pdf, "parcel_notice", "B-0302", settings=settings,
                          print_log=services.print_log, quiet=True)
    assert not failed.ok
    assert [(j.outcome, j.error) for j in services.print_log.jobs(kind="parcel_notice", ref="B-0302")] == [
        ("failed", "no_printer")]
    assert not services.print_log.is_reprint("parcel_notice", "B-0302")


def test_preview_logs_copies_and_stamps_when_printed_elsewhere_meanwhile(qtbot, tmp_path, services):
    settings = PrinterSettings(ui_settings())
    settings.set_printer("receipt", PDF_FOLDER)
    settings.set_folder("receipt", tmp_path / "out")
    settings.set_copies("key_loan_slip", 2)
    pdf = PRINT_KINDS["key_loan_slip"].sample()
    dialog = PdfPreviewDialog(pdf, kind="key_loan_slip", ref=42, settings=settings, print_log=services.print_log)
    qtbot.addWidget(dialog)
    assert not dialog.is_reprint()
    # another counter prints the same slip while this preview is open
    print_direct(None, pdf, "key_loan_slip", 42, settings=settings, print_log=services.print_log)
    outcome = dialog.print_default()
    assert outcome.reprint and dialog.is_reprint() and "REPRINT" in _text(outcome.file)
    job = services.print_log.jobs(kind="key_loan_slip", ref=42)[-1]
    assert (job.copies, job.reprint, job.outcome) == (2, True, "saved")


def test_a_document_with_its_own_reprint_mark_is_not_stamped_by_direct_print(qapp, tmp_path, services):
    settings = PrinterSettings(ui_settings())
    settings.set_printer("receipt", PDF_FOLDER)
    settings.set_folder("receipt", tmp_path)
    pdf = slip()
    print_direct(None, pdf, "visitor_slip", 9, settings=settings, print_log=services.print_log)
    again = print_direct(None, pdf, "visitor_slip", 9, settings=settings, print_log=services.print_log,
                         stamp_reprints=False)
    assert again.reprint and again.file.read_bytes() == pdf


def test_every_tab_renders_roll_documents_on_this_pcs_paper():
    """A renderer in app/printing that can lay out more than one paper (``paper=`` parameter)
    is never called from ui/ without saying which: the tab must ask ``paper_for(kind)``, or a
    58 mm printer gets an 80 mm slip cut off at both edges."""
    import ast
    import importlib
    import inspect
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders, checked = [], 0
    for path in sorted((root / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        renderers = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("app.printing."):
                module = importlib.import_module(node.module)
                for alias in node.names:
                    fn = getattr(module, alias.name, None)
                    if callable(fn) and not inspect.isclass(fn):
                        params = list(inspect.signature(fn).parameters)
                        if "paper" in params:
                            renderers[alias.asname or alias.name] = params.index("paper")
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in renderers:
                checked += 1
                given = any(k.arg == "paper" for k in node.keywords) or len(node.args) > renderers[node.func.id]
                if not given:
                    offenders.append(f"{path.relative_to(root)}:{node.lineno} {node.func.id}")
    assert checked >= 5  # the visitor slip, key loan slip, receipt, cash-up, parcel label, notices…
    assert offenders == []
