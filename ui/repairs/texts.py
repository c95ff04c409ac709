"""Translated names of the repair and complaint codes (states, grades, kinds…), and categories."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

TERMS = {
    # states
    "registered": QT_TRANSLATE_NOOP("RepairTerms", "registered"),
    "dispatched": QT_TRANSLATE_NOOP("RepairTerms", "dispatched"),
    "in_progress": QT_TRANSLATE_NOOP("RepairTerms", "in progress"),
    "on_hold": QT_TRANSLATE_NOOP("RepairTerms", "on hold"),
    "completed": QT_TRANSLATE_NOOP("RepairTerms", "completed"),
    "settled": QT_TRANSLATE_NOOP("RepairTerms", "settled"),
    "followed_up": QT_TRANSLATE_NOOP("RepairTerms", "followed up"),
    "closed": QT_TRANSLATE_NOOP("RepairTerms", "closed"),
    "cancelled": QT_TRANSLATE_NOOP("RepairTerms", "cancelled"),
    "to_developer": QT_TRANSLATE_NOOP("RepairTerms", "passed to the developer"),
    "assigned": QT_TRANSLATE_NOOP("RepairTerms", "assigned"),
    "handled": QT_TRANSLATE_NOOP("RepairTerms", "handled"),
    # grades, sources, severities, kinds, channels
    "urgent": QT_TRANSLATE_NOOP("RepairTerms", "urgent (24 h)"),
    "ordinary": QT_TRANSLATE_NOOP("RepairTerms", "ordinary"),
    "counter": QT_TRANSLATE_NOOP("RepairTerms", "at the counter"),
    "phone": QT_TRANSLATE_NOOP("RepairTerms", "phone"),
    "patrol": QT_TRANSLATE_NOOP("RepairTerms", "patrol"),
    "visit": QT_TRANSLATE_NOOP("RepairTerms", "visit"),
    "letter": QT_TRANSLATE_NOOP("RepairTerms", "letter"),
    "other": QT_TRANSLATE_NOOP("RepairTerms", "other"),
    "major": QT_TRANSLATE_NOOP("RepairTerms", "major"),
    "complaint": QT_TRANSLATE_NOOP("RepairTerms", "complaint"),
    "inquiry": QT_TRANSLATE_NOOP("RepairTerms", "inquiry"),
    "suggestion": QT_TRANSLATE_NOOP("RepairTerms", "suggestion"),
    "praise": QT_TRANSLATE_NOOP("RepairTerms", "praise"),
    # results and checks
    "satisfied": QT_TRANSLATE_NOOP("RepairTerms", "satisfied"),
    "not_satisfied": QT_TRANSLATE_NOOP("RepairTerms", "not satisfied"),
    "pass": QT_TRANSLATE_NOOP("RepairTerms", "pass (合格)"),
    "fail": QT_TRANSLATE_NOOP("RepairTerms", "fail (不合格)"),
    "poor": QT_TRANSLATE_NOOP("RepairTerms", "poor quality (质量不佳)"),
    # events
    "started": QT_TRANSLATE_NOOP("RepairTerms", "started on site"),
    "held": QT_TRANSLATE_NOOP("RepairTerms", "put on hold"),
    "resumed": QT_TRANSLATE_NOOP("RepairTerms", "resumed"),
    "reopened": QT_TRANSLATE_NOOP("RepairTerms", "reopened as rework"),
    "passed_to_developer": QT_TRANSLATE_NOOP("RepairTerms", "passed to the developer"),
    "printed": QT_TRANSLATE_NOOP("RepairTerms", "dispatch slip printed"),
    "unfinished_reason": QT_TRANSLATE_NOOP("RepairTerms", "reason the slip is unfinished"),
}

ACTIONS = {
    "dispatch": QT_TRANSLATE_NOOP("RepairActions", "Dispatch…"),
    "start": QT_TRANSLATE_NOOP("RepairActions", "Start"),
    "hold": QT_TRANSLATE_NOOP("RepairActions", "Hold…"),
    "resume": QT_TRANSLATE_NOOP("RepairActions", "Resume"),
    "complete": QT_TRANSLATE_NOOP("RepairActions", "Complete…"),
    "settle": QT_TRANSLATE_NOOP("RepairActions", "Settle…"),
    "follow_up": QT_TRANSLATE_NOOP("RepairActions", "Follow-up call…"),
    "close": QT_TRANSLATE_NOOP("RepairActions", "Close"),
    "cancel": QT_TRANSLATE_NOOP("RepairActions", "Cancel slip…"),
    "to_developer": QT_TRANSLATE_NOOP("RepairActions", "Pass to developer…"),
    "reopen": QT_TRANSLATE_NOOP("RepairActions", "Reopen as rework…"),
    "assign": QT_TRANSLATE_NOOP("RepairActions", "Assign…"),
    "handle": QT_TRANSLATE_NOOP("RepairActions", "Handled…"),
}


def term(code: str) -> str:
    return QCoreApplication.translate("RepairTerms", TERMS.get(code, code)) if code else ""


def action_name(action: str) -> str:
    return QCoreApplication.translate("RepairActions", ACTIONS.get(action, action))


def ui_is_english() -> bool:
    """Whether the interface speaks English (data kept in both languages picks its side)."""
    # The Chinese translation of this word says which of the two names to show.
    return QCoreApplication.translate("RepairTerms", "English") == "English"


def category_name(categories, code: str) -> str:  # noqa: ANN001 - list[Category]
    """A category's name in the current language (categories are data: 中文 and English)."""
    english = ui_is_english()
    for c in categories:
        if c.code == code:
            return c.en if english else c.zh
    return code


def countdown(remaining: timedelta) -> str:
    """``2 d 03:10`` left, or ``overdue 5:20``."""
    total = int(remaining.total_seconds())
    sign = total < 0
    total = abs(total)
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    text = (QCoreApplication.translate("RepairTerms", "%1d %2").replace("%1", str(days))
            .replace("%2", f"{hours:02d}:{minutes:02d}") if days else f"{hours:d}:{minutes:02d}")
    if sign:
        return QCoreApplication.translate("RepairTerms", "overdue %1").replace("%1", text)
    return QCoreApplication.translate("RepairTerms", "%1 left").replace("%1", text)


def now() -> datetime:
    return datetime.now().replace(microsecond=0)
