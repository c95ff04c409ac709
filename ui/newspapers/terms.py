"""Names of the newspaper module's words (kinds, frequencies, delivery methods, claim states),
translated whenever shown — never cached."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CTX = "NewspaperTerms"

TERMS = {
    "newspaper": QT_TRANSLATE_NOOP("NewspaperTerms", "Newspaper"),
    "magazine": QT_TRANSLATE_NOOP("NewspaperTerms", "Magazine"),
    "daily": QT_TRANSLATE_NOOP("NewspaperTerms", "Daily"),
    "weekdays": QT_TRANSLATE_NOOP("NewspaperTerms", "Weekdays"),
    "weekly": QT_TRANSLATE_NOOP("NewspaperTerms", "Weekly"),
    "semimonthly": QT_TRANSLATE_NOOP("NewspaperTerms", "Twice a month"),
    "monthly": QT_TRANSLATE_NOOP("NewspaperTerms", "Monthly"),
    "other": QT_TRANSLATE_NOOP("NewspaperTerms", "Other"),
    "signed": QT_TRANSLATE_NOOP("NewspaperTerms", "Signed for"),
    "mailbox": QT_TRANSLATE_NOOP("NewspaperTerms", "Mail slot"),
    "open": QT_TRANSLATE_NOOP("NewspaperTerms", "Open"),
    "resolved": QT_TRANSLATE_NOOP("NewspaperTerms", "Resolved"),
    "raised": QT_TRANSLATE_NOOP("NewspaperTerms", "Claim raised"),
    "chased": QT_TRANSLATE_NOOP("NewspaperTerms", "Chased"),
    "received": QT_TRANSLATE_NOOP("NewspaperTerms", "Copies received"),
}


def term(key: str) -> str:
    return QCoreApplication.translate(_CTX, TERMS.get(key, key))
