"""Names of the receipts' terms on screen (payment methods, payers), translated when shown."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

METHOD_NAMES = {
    "cash": QT_TRANSLATE_NOOP("ReceiptTerms", "Cash"),
    "wechat": QT_TRANSLATE_NOOP("ReceiptTerms", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("ReceiptTerms", "Alipay"),
    "card": QT_TRANSLATE_NOOP("ReceiptTerms", "Bank card"),
    "transfer": QT_TRANSLATE_NOOP("ReceiptTerms", "Transfer"),
}

PAYER_KIND_NAMES = {
    "occupant": QT_TRANSLATE_NOOP("ReceiptTerms", "Occupant"),
    "company": QT_TRANSLATE_NOOP("ReceiptTerms", "Company"),
    "other": QT_TRANSLATE_NOOP("ReceiptTerms", "Other person"),
}


def method_name(method: str) -> str:
    return QCoreApplication.translate("ReceiptTerms", METHOD_NAMES.get(method, method))


def payer_kind_name(kind: str) -> str:
    return QCoreApplication.translate("ReceiptTerms", PAYER_KIND_NAMES.get(kind, kind))


def fee_name(item) -> str:  # noqa: ANN001 - FeeItemView
    """A catalogue item's name in the UI language (Chinese when no English name was given)."""
    lang = QCoreApplication.translate("ReceiptTerms", "en", "language code of this translation")
    return item.name("zh" if lang.startswith("zh") else "en")
