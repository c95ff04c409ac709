"""Preview and printing of the PDFs built in ``app.printing``."""

from ui.printing.direct import print_direct
from ui.printing.output import PrintOutcome, print_document, print_pdf_document
from ui.printing.preview import PdfPreviewDialog

__all__ = ["PdfPreviewDialog", "PrintOutcome", "print_direct", "print_document", "print_pdf_document"]
