"""Translated names for what the scanner layer reports in keys: kinds, states, rule descriptions."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.devices.line_parser import ScanError
from ui.messages import message

KIND_NAMES = {
    "key_tag": QT_TRANSLATE_NOOP("ScanKinds", "Key tag"),
    "visitor_badge": QT_TRANSLATE_NOOP("ScanKinds", "Visitor badge"),
    "parcel": QT_TRANSLATE_NOOP("ScanKinds", "Parcel"),
    "pass": QT_TRANSLATE_NOOP("ScanKinds", "Pass"),
    "receipt": QT_TRANSLATE_NOOP("ScanKinds", "Receipt"),
    "repair_slip": QT_TRANSLATE_NOOP("ScanKinds", "Repair slip"),
    "unknown": QT_TRANSLATE_NOOP("ScanKinds", "Unknown code"),
}

STATE_NAMES = {
    "connected": QT_TRANSLATE_NOOP("ScannerStates", "connected"),
    "reconnecting": QT_TRANSLATE_NOOP("ScannerStates", "reconnecting…"),
    "not_configured": QT_TRANSLATE_NOOP("ScannerStates", "not configured"),
    "stopped": QT_TRANSLATE_NOOP("ScannerStates", "stopped"),
}

#: The default rules' descriptions (app/devices/recognition.py, stored as data in English):
#: shown translated while they are unchanged. tests/ui/test_scanner_ui.py keeps them in step.
RULE_DESCRIPTIONS = {
    "Key tag: K and 4–8 digits (no unit number on the tag)":
        QT_TRANSLATE_NOOP("ScanRules", "Key tag: K and 4–8 digits (no unit number on the tag)"),
    "Visitor badge: V and up to 6 digits":
        QT_TRANSLATE_NOOP("ScanRules", "Visitor badge: V and up to 6 digits"),
    "Pass: P and at least 6 digits":
        QT_TRANSLATE_NOOP("ScanRules", "Pass: P and at least 6 digits"),
    "Contractor pass: PC and 6 digits (Code 128), or with -token (its QR code)":
        QT_TRANSLATE_NOOP("ScanRules", "Contractor pass: PC and 6 digits (Code 128), or with -token (its QR code)"),
    "Receipt or refund slip: R or RT, year, dash, 6-digit number (or the receipt's QR code)":
        QT_TRANSLATE_NOOP("ScanRules", "Receipt or refund slip: R or RT, year, dash, 6-digit number (or the receipt's QR code)"),
    "Parcel without a barcode: internal number M and 6–8 digits (shelf label)":
        QT_TRANSLATE_NOOP("ScanRules", "Parcel without a barcode: internal number M and 6–8 digits (shelf label)"),
    "Repair dispatch slip: W, year, dash, 6-digit number":
        QT_TRANSLATE_NOOP("ScanRules", "Repair dispatch slip: W, year, dash, 6-digit number"),
    "Parcel: other tracking numbers (letters and 9–20 digits, or 10–20 digits; not product EAN-13 69…, ISBN/ISSN 977–979…)":
        QT_TRANSLATE_NOOP("ScanRules", "Parcel: other tracking numbers (letters and 9–20 digits, or 10–20 digits; not product EAN-13 69…, ISBN/ISSN 977–979…)"),
}


#: Symbologies by their technical names (the same in every language).
SYMBOLOGY_NAMES = {
    "code39": "Code 39", "code128": "Code 128", "gs1-128": "GS1-128", "ean13": "EAN-13", "ean8": "EAN-8",
    "ean-upc": "EAN/UPC", "codabar": "Codabar", "code93": "Code 93", "code11": "Code 11", "itf": "ITF",
    "pdf417": "PDF417", "qr": "QR Code", "datamatrix": "Data Matrix", "aztec": "Aztec",
    "gs1-databar": "GS1 DataBar", "maxicode": "MaxiCode",
}


def symbology_text(symbology: str | None, aim_id: str | None) -> str:
    """``"EAN-13  ]E0"`` for the test view; empty when the scanner sends no AIM identifier."""
    if not aim_id:
        return ""
    return f"{SYMBOLOGY_NAMES.get(symbology or '', symbology or '')}  {aim_id}"


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("ScanKinds", KIND_NAMES.get(kind, kind))


def state_name(state: str) -> str:
    return QCoreApplication.translate("ScannerStates", STATE_NAMES.get(state, state))


def rule_description(text: str) -> str:
    source = RULE_DESCRIPTIONS.get(text)
    return QCoreApplication.translate("ScanRules", source) if source else text


def scan_error_text(error: ScanError) -> str:
    """The translated sentence for a scan or port error (for the status bar and the test view)."""
    return message(error.key, error.params)
