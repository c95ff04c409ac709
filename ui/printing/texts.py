"""Translated names for printing: printer groups, printer choices, document kinds, papers."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.printing.samples import PRINT_KINDS
from ui.printing.output import PrintOutcome
from ui.printing.printers import PDF_FOLDER, SYSTEM_DEFAULT, default_printer

_CTX = "Printing"

GROUP_NAMES = {
    "receipt": QT_TRANSLATE_NOOP("Printing", "Receipt printer"),
    "card": QT_TRANSLATE_NOOP("Printing", "Card printer"),
    "a4": QT_TRANSLATE_NOOP("Printing", "A4 printer"),
}
GROUP_HINTS = {
    "receipt": QT_TRANSLATE_NOOP("Printing", "80 mm / 58 mm rolls and labels: slips, receipts"),
    "card": QT_TRANSLATE_NOOP("Printing", "CR80 cards (85.6 × 54 mm): passes"),
    "a4": QT_TRANSLATE_NOOP("Printing", "A4 and A5 sheets: reports, permits"),
}
PAPER_NAMES = {
    "roll80": QT_TRANSLATE_NOOP("Printing", "80 mm roll"),
    "roll58": QT_TRANSLATE_NOOP("Printing", "58 mm roll"),
    "label60": QT_TRANSLATE_NOOP("Printing", "60 mm label"),
    "a4": QT_TRANSLATE_NOOP("Printing", "A4"),
    "a5": QT_TRANSLATE_NOOP("Printing", "A5"),
    "cr80": QT_TRANSLATE_NOOP("Printing", "CR80 card"),
}
#: known document kinds; kinds registered later show their own name until added here
KIND_NAMES = {
    "visitor_slip": QT_TRANSLATE_NOOP("Printing", "Visitor slip"),
    "key_loan_slip": QT_TRANSLATE_NOOP("Printing", "Key loan slip"),
    "key_monthly_report": QT_TRANSLATE_NOOP("Printing", "Monthly key statistics"),
    "parcel_label": QT_TRANSLATE_NOOP("Printing", "Parcel shelf label"),
    "parcel_notice": QT_TRANSLATE_NOOP("Printing", "Parcel pick-up notice"),
    "parcel_daily_log": QT_TRANSLATE_NOOP("Printing", "Daily parcel log"),
    "mail_register": QT_TRANSLATE_NOOP("Printing", "Mail register"),
    "newspaper_register": QT_TRANSLATE_NOOP("Printing", "Newspaper register"),
    "newspaper_delivery_list": QT_TRANSLATE_NOOP("Printing", "Newspaper delivery list"),
    "receipt_80mm": QT_TRANSLATE_NOOP("Printing", "Receipt (roll)"),
    "receipt_a5": QT_TRANSLATE_NOOP("Printing", "Receipt (A5, three copies)"),
    "refund_slip": QT_TRANSLATE_NOOP("Printing", "Refund slip"),
    "cashup_roll": QT_TRANSLATE_NOOP("Printing", "Cash-up report (roll)"),
    "cashup_a4": QT_TRANSLATE_NOOP("Printing", "Cash-up report (A4)"),
    "renovation_permit": QT_TRANSLATE_NOOP("Printing", "Renovation permit"),
    "pass_card": QT_TRANSLATE_NOOP("Printing", "Contractor pass card"),
    "dispatch_slip": QT_TRANSLATE_NOOP("Printing", "Repair dispatch slip"),
    "repair_weekly_summary": QT_TRANSLATE_NOOP("Printing", "Weekly repair summary"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def printer_group_name(group: str) -> str:
    return _tr(GROUP_NAMES[group]) if group in GROUP_NAMES else group


def printer_group_hint(group: str) -> str:
    return _tr(GROUP_HINTS[group]) if group in GROUP_HINTS else ""


def paper_name(paper: str) -> str:
    return _tr(PAPER_NAMES[paper]) if paper in PAPER_NAMES else paper


def kind_name(kind: str) -> str:
    if kind in KIND_NAMES:
        return _tr(KIND_NAMES[kind])
    return kind.replace("_", " ") if kind in PRINT_KINDS else kind


def printer_choice_name(printer: str, folder: Path | None = None) -> str:
    """"System default printer (X)", "PDF folder: …" or the printer's name."""
    if printer == PDF_FOLDER:
        return QCoreApplication.translate("Printing", "PDF folder: %1").replace("%1", str(folder or ""))
    if printer == SYSTEM_DEFAULT:
        name = default_printer()
        return (QCoreApplication.translate("Printing", "System default printer (%1)").replace("%1", name) if name
                else QCoreApplication.translate("Printing", "System default printer (none installed)"))
    return printer


def outcome_text(outcome: PrintOutcome) -> str:
    """Why a print attempt failed, and where its copy was kept."""
    if outcome.error == "no_printer":
        text = (QCoreApplication.translate("Printing", "The printer \u201c%1\u201d is not installed on this PC.").replace("%1", outcome.printer)
                if outcome.printer else QCoreApplication.translate("Printing", "No printer is installed on this PC."))
        text += "\n" + QCoreApplication.translate("Printing", "Choose one in Settings \u2192 Printing, or use \u201cPrint to\u2026\u201d.")
    elif outcome.error == "folder_failed":
        text = QCoreApplication.translate("Printing", "Could not write into the PDF folder:\n%1").replace("%1", outcome.detail)
    elif outcome.ok:
        text = QCoreApplication.translate("Printing", "Printed.")
    else:
        text = QCoreApplication.translate("Printing", "The printer could not be started.")
    if not outcome.ok and outcome.kept is not None:
        text += "\n" + QCoreApplication.translate("Printing", "A copy was kept in %1.").replace("%1", str(outcome.kept))
    return text
