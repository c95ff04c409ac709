"""The answer to a scanned pass, big enough to read from the gate: verdict, colour, what to do.

Green: let in. Amber: let in, but the pass ends within three days (or is not valid yet).
Red: refuse entry — expired, returned, lost, revoked, permit not in progress, unknown, not
genuine. The worker's photo (when the card has one) sits beside it for the face check.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.services.permits import PassCheck
from ui.format import fmt_date
from ui.messages import doc_type_name
from ui.permits.texts import check_name, state_name, trade_name

GREEN = ("#2e7d32", "#ffffff")
AMBER = ("#f9a825", "#000000")
RED = ("#c62828", "#ffffff")
#: verdict → (background, text colour); anything else is red
COLOURS = {"valid": GREEN, "expiring": AMBER, "not_yet_valid": AMBER}


def _t(source: str) -> str:
    return QCoreApplication.translate("PassCheck", source)



#: what to do, by verdict (%1: the pass's last day, its first day, or the permit's stage)
ADVICE = {
    "valid": QT_TRANSLATE_NOOP("PassCheck", "Let the worker in."),
    "expiring": QT_TRANSLATE_NOOP("PassCheck",
                                  "Let in. The pass ends on %1: renew it or hand it back within 3 days after."),
    "expired": QT_TRANSLATE_NOOP("PassCheck", "Refuse entry: the pass ended on %1. Renew it or take the card back."),
    "not_yet_valid": QT_TRANSLATE_NOOP("PassCheck", "Not valid before %1."),
    "returned": QT_TRANSLATE_NOOP("PassCheck", "This card was handed back: refuse entry."),
    "lost": QT_TRANSLATE_NOOP("PassCheck", "This card was reported lost: keep it, refuse entry."),
    "revoked": QT_TRANSLATE_NOOP("PassCheck", "This pass was revoked: keep the card, refuse entry."),
    "permit_not_working": QT_TRANSLATE_NOOP("PassCheck", "The permit is %1: no work is allowed, refuse entry."),
    "forged": QT_TRANSLATE_NOOP("PassCheck",
                                "The QR code does not match the register: keep the card and call the supervisor."),
    "unknown": QT_TRANSLATE_NOOP("PassCheck", "Not in the pass register: refuse entry."),
}


def advice(check: PassCheck) -> str:
    """What the receptionist does now, in words (translated)."""
    p = check.pass_
    arg = ""
    if p is not None:
        arg = {"expiring": fmt_date(p.effective_to), "expired": fmt_date(p.effective_to),
               "not_yet_valid": fmt_date(p.valid_from), "permit_not_working": state_name(p.permit_state)
               }.get(check.result, "")
    return _t(ADVICE.get(check.result, ADVICE["unknown"])).replace("%1", arg)


class PassCheckBanner(QFrame):
    """Verdict, details and advice for the last pass checked; hidden until the first check."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pass_check_banner")
        self.check: PassCheck | None = None
        self.photo = QLabel(self)
        self.photo.setFixedSize(75, 96)
        self.photo.setScaledContents(False)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("check_result")
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict.setMinimumHeight(56)
        self.advice = QLabel(self)
        self.advice.setObjectName("check_advice")
        self.advice.setWordWrap(True)
        self.advice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel(self)
        self.detail.setObjectName("check_detail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.addWidget(self.verdict)
        words.addWidget(self.advice)
        words.addWidget(self.detail)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.photo)
        lay.addLayout(words, 1)
        self.hide()

    def colours(self) -> tuple[str, str]:
        return COLOURS.get(self.check.result, RED) if self.check else RED

    def show_check(self, check: PassCheck, photo: bytes | None = None) -> None:
        self.check = check
        if photo:
            pix = QPixmap()
            pix.loadFromData(photo)
            self.photo.setPixmap(pix.scaled(self.photo.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))
            self.photo.show()
        else:
            self.photo.clear()
            self.photo.hide()
        self.verdict.setProperty("verdict", check.result)
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        check = self.check
        if check is None:
            return
        bg, fg = self.colours()
        self.verdict.setText(check_name(check.result))
        self.verdict.setStyleSheet(f"background: {bg}; color: {fg}; font-size: 26pt; font-weight: bold; "
                                   "padding: 6px; border-radius: 4px;")
        self.advice.setText(advice(check))
        self.advice.setStyleSheet(f"color: {bg if bg != AMBER[0] else '#8d6e00'}; font-size: 13pt; "
                                  "font-weight: bold;")
        p = check.pass_
        if p is None:
            self.detail.setText(escape(check.code))
            return
        # names come from people typing: escaped, never markup
        self.detail.setText(
            f"<b>{p.number}</b>  ·  <b>{escape(p.worker_name)}</b>  ·  {escape(trade_name(p.trade))}  ·  "
            f"{escape(p.unit_code)}  ·  {escape(p.contractor_company)}<br/>"
            + escape(_t(QT_TRANSLATE_NOOP("PassCheck", "Valid %1 to %2")).replace("%1", fmt_date(p.valid_from))
                     .replace("%2", fmt_date(p.effective_to)))
            + f"  ·  {escape(doc_type_name(p.doc_type))} {escape(p.doc_number)}  ·  "
            + escape(_t(QT_TRANSLATE_NOOP("PassCheck", "Permit %1: %2")).replace("%1", p.permit_number)
                     .replace("%2", state_name(p.permit_state))))
