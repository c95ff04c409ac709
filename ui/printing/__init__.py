"""Showing and printing the PDFs made by ``app.printing``."""

from ui.printing.preview import PdfPreviewDialog, print_pdf_document

__all__ = ["PdfPreviewDialog", "print_pdf_document"]
