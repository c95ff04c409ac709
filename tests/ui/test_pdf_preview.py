"""The preview dialog loads a slip, saves it, and prints it through Qt at a thermal resolution."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from app.paths import print_dir
from app.printing.visitor_slip import VisitorSlipData, render_visitor_slip
from ui.printing.preview import PdfPreviewDialog, use_document_page_size


def slip() -> bytes:
    return render_visitor_slip(VisitorSlipData(
        property_name="阳光花园物业服务中心", visitor_name="李四", doc_type_label="居民身份证",
        doc_number="11010519491231002X", host_label="A-1203 张三", purpose="送货",
        badge_number="V-0042", time_in=datetime(2026, 11, 23, 9, 5), receptionist="王芳",
        printed_at=datetime(2026, 11, 23, 9, 6),
    ))


def test_dialog_shows_the_slip(qtbot):
    dialog = PdfPreviewDialog(slip(), kind="visitor_slip", ref=42)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.document().status() == QPdfDocument.Status.Ready)
    assert dialog.page_count() == 1
    assert dialog.view.document() is dialog.document()
    assert dialog.print_button.isEnabled()
    assert dialog.print_button.text() and dialog.save_button.text()
    QCoreApplication.sendEvent(dialog, QEvent(QEvent.Type.LanguageChange))
    assert dialog.close_button.text()


@pytest.mark.parametrize(("paper", "shape"), [("roll80", "tall"), ("a4", "large")])
def test_preview_is_sized_for_its_paper_and_zooms(qtbot, paper, shape):
    from app.printing.samples import PRINT_KINDS

    kind = "visitor_slip" if paper == "roll80" else "key_monthly_report"
    dialog = PdfPreviewDialog(PRINT_KINDS[kind].render_sample()[1], kind=kind, ref=1)
    qtbot.addWidget(dialog)
    dialog.show()
    size = dialog.size()
    if shape == "tall":
        assert size.height() > size.width()
    else:
        assert size.width() >= 700
    assert dialog.pages_label.text().endswith("1")
    dialog.zoom_by(1.25)
    first = dialog.view.zoomFactor()
    dialog.zoom_by(1.25)
    assert dialog.view.zoomFactor() == pytest.approx(first * 1.25)
    for _ in range(20):
        dialog.zoom_by(1.25)
    assert dialog.view.zoomFactor() == pytest.approx(4.0)  # capped
    dialog.fit_width()
    from PySide6.QtPdfWidgets import QPdfView

    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_broken_pdf_disables_print(qtbot):
    dialog = PdfPreviewDialog(b"%PDF-1.4 not really")
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 0
    assert not dialog.print_button.isEnabled()


def test_save_as_pdf(qtbot, tmp_path):
    dialog = PdfPreviewDialog(slip())
    qtbot.addWidget(dialog)
    assert dialog.save_to(tmp_path / "slip")
    assert (tmp_path / "slip.pdf").read_bytes() == dialog.pdf_bytes()


def test_print_keeps_a_copy_and_prints_at_printer_resolution(qtbot, tmp_path):
    import zxingcpp
    from PIL import Image

    dialog = PdfPreviewDialog(slip(), kind="visitor_slip", ref=42)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setResolution(203)
    use_document_page_size(printer, dialog.document())
    with qtbot.waitSignal(dialog.printAttempted) as signal:
        assert dialog.print_on(printer)
    kept = signal.args[0]
    assert kept.parent == print_dir() and kept.read_bytes() == dialog.pdf_bytes()
    assert "visitor_slip_42" in kept.name

    printed = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(printed.pages) == 1
    assert float(printed.pages[0].mediabox.width) * 25.4 / 72 == pytest.approx(80, abs=0.5)
    image = printed.pages[0].images[0].image
    # one image pixel per printer dot: 80 mm at 203 dpi
    assert abs(image.width - round(80 / 25.4 * 203)) <= 1
    assert isinstance(image, Image.Image)
    assert "V-0042" in [r.text for r in zxingcpp.read_barcodes(image.convert("L"))]


def _pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(96)
    return printer


def test_every_print_is_logged_and_a_reprint_is_stamped(qtbot, tmp_path, services):
    first = PdfPreviewDialog(slip(), kind="receipt", ref="R-1", print_log=services.print_log)
    qtbot.addWidget(first)
    assert not first.is_reprint()
    assert first.print_on(_pdf_printer(tmp_path / "one.pdf"))
    jobs = services.print_log.jobs(kind="receipt", ref="R-1")
    assert [(j.outcome, j.reprint) for j in jobs] == [("printed", False)]
    assert jobs[0].file_path and jobs[0].printer
    assert "REPRINT" not in PdfReader(io.BytesIO(first.pdf_bytes())).pages[0].extract_text()

    # Opening the same document again shows (and prints) it stamped.
    second = PdfPreviewDialog(slip(), kind="receipt", ref="R-1", print_log=services.print_log)
    qtbot.addWidget(second)
    assert second.is_reprint()
    assert "REPRINT" in PdfReader(io.BytesIO(second.pdf_bytes())).pages[0].extract_text()
    assert second.print_on(_pdf_printer(tmp_path / "two.pdf"))
    assert [j.reprint for j in services.print_log.jobs(kind="receipt", ref="R-1")] == [False, True]
    printed_again = first.print_on(_pdf_printer(tmp_path / "three.pdf"))
    assert printed_again and first.is_reprint()  # the first dialog notices it was printed since


def test_documents_with_their_own_reprint_mark_are_not_stamped_twice(qtbot, tmp_path, services):
    services.print_log.record("visitor-slip", 5, printer="P")
    dialog = PdfPreviewDialog(slip(), kind="visitor-slip", ref=5, print_log=services.print_log,
                              stamp_reprints=False)
    qtbot.addWidget(dialog)
    assert not dialog.is_reprint() and dialog.pdf_bytes() == slip()
    assert dialog.print_on(_pdf_printer(tmp_path / "x.pdf"))
    assert services.print_log.jobs(kind="visitor-slip", ref=5)[-1].reprint


def test_a_failed_print_is_logged_as_failed(qtbot, tmp_path, services, monkeypatch):
    dialog = PdfPreviewDialog(slip(), kind="receipt", ref="R-2", print_log=services.print_log)
    qtbot.addWidget(dialog)
    printer = _pdf_printer(tmp_path / "no-such-folder" / "x.pdf")  # QPainter cannot begin
    monkeypatch.setattr("ui.printing.preview.QMessageBox.warning", lambda *a, **k: None)
    assert not dialog.print_on(printer)
    assert [j.outcome for j in services.print_log.jobs(kind="receipt", ref="R-2")] == ["failed"]
    assert not services.print_log.is_reprint("receipt", "R-2")
