"""Words of the renovation module: states, steps, trades, who signs, scan results (translated on use)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CTX = "Permits"

STATE_NAMES = {
    "applied": QT_TRANSLATE_NOOP("Permits", "Applied"),
    "fees_paid": QT_TRANSLATE_NOOP("Permits", "Fees paid"),
    "drawings_reviewed": QT_TRANSLATE_NOOP("Permits", "Drawings reviewed"),
    "checked": QT_TRANSLATE_NOOP("Permits", "Checked by customer service"),
    "approved": QT_TRANSLATE_NOOP("Permits", "Approved"),
    "issued": QT_TRANSLATE_NOOP("Permits", "Permit issued"),
    "in_progress": QT_TRANSLATE_NOOP("Permits", "In progress"),
    "extended": QT_TRANSLATE_NOOP("Permits", "Extended"),
    "finished": QT_TRANSLATE_NOOP("Permits", "Finished"),
    "rejected": QT_TRANSLATE_NOOP("Permits", "Rejected"),
    "cancelled": QT_TRANSLATE_NOOP("Permits", "Cancelled"),
}

#: the step buttons, by action
ACTION_NAMES = {
    "pay_fees": QT_TRANSLATE_NOOP("Permits", "Fees paid…"),
    "review_drawings": QT_TRANSLATE_NOOP("Permits", "Drawing review…"),
    "check": QT_TRANSLATE_NOOP("Permits", "Customer service check…"),
    "approve": QT_TRANSLATE_NOOP("Permits", "Approve / reject…"),
    "reject": QT_TRANSLATE_NOOP("Permits", "Reject…"),
    "issue": QT_TRANSLATE_NOOP("Permits", "Issue permit…"),
    "start": QT_TRANSLATE_NOOP("Permits", "Start work"),
    "extend": QT_TRANSLATE_NOOP("Permits", "Extend…"),
    "finish": QT_TRANSLATE_NOOP("Permits", "Finish…"),
    "cancel": QT_TRANSLATE_NOOP("Permits", "Cancel application…"),
}

EVENT_NAMES = {
    "applied": QT_TRANSLATE_NOOP("Permits", "Application taken"),
    "fees_paid": QT_TRANSLATE_NOOP("Permits", "Fees paid"),
    "drawings_reviewed": QT_TRANSLATE_NOOP("Permits", "Drawings passed"),
    "drawings_returned": QT_TRANSLATE_NOOP("Permits", "Drawings sent back"),
    "checked": QT_TRANSLATE_NOOP("Permits", "File checked"),
    "check_failed": QT_TRANSLATE_NOOP("Permits", "File incomplete"),
    "approved": QT_TRANSLATE_NOOP("Permits", "Approved"),
    "rejected": QT_TRANSLATE_NOOP("Permits", "Rejected"),
    "issued": QT_TRANSLATE_NOOP("Permits", "Permit issued"),
    "started": QT_TRANSLATE_NOOP("Permits", "Work started"),
    "extended": QT_TRANSLATE_NOOP("Permits", "Extended"),
    "finished": QT_TRANSLATE_NOOP("Permits", "Finished"),
    "cancelled": QT_TRANSLATE_NOOP("Permits", "Cancelled"),
}

TRADE_NAMES = {
    "decoration": QT_TRANSLATE_NOOP("Permits", "Decorator"),
    "carpentry": QT_TRANSLATE_NOOP("Permits", "Carpenter"),
    "electrical": QT_TRANSLATE_NOOP("Permits", "Electrician"),
    "plumbing": QT_TRANSLATE_NOOP("Permits", "Plumber"),
    "masonry": QT_TRANSLATE_NOOP("Permits", "Mason"),
    "painting": QT_TRANSLATE_NOOP("Permits", "Painter"),
    "tiling": QT_TRANSLATE_NOOP("Permits", "Tiler"),
    "welding": QT_TRANSLATE_NOOP("Permits", "Welder"),
    "helper": QT_TRANSLATE_NOOP("Permits", "Helper"),
    "other": QT_TRANSLATE_NOOP("Permits", "Other trade"),
}

#: what a card prints, whatever the screen's language: Chinese and English
TRADE_CARD_LABELS = {
    "decoration": "装修工 Decorator", "carpentry": "木工 Carpenter", "electrical": "水电工 Electrician",
    "plumbing": "水管工 Plumber", "masonry": "泥瓦工 Mason", "painting": "油漆工 Painter",
    "tiling": "贴砖工 Tiler", "welding": "电焊工 Welder", "helper": "杂工 Helper", "other": "其他 Other",
}

SIGNER_NAMES = {
    "owner": QT_TRANSLATE_NOOP("Permits", "Owner"),
    "tenant": QT_TRANSLATE_NOOP("Permits", "Tenant"),
    "site_lead": QT_TRANSLATE_NOOP("Permits", "Site lead"),
}

PASS_STATUS_NAMES = {
    "active": QT_TRANSLATE_NOOP("Permits", "Issued"),
    "returned": QT_TRANSLATE_NOOP("Permits", "Returned"),
    "lost": QT_TRANSLATE_NOOP("Permits", "Lost"),
    "revoked": QT_TRANSLATE_NOOP("Permits", "Revoked"),
}

#: the scan check's verdicts, shown big
CHECK_NAMES = {
    "valid": QT_TRANSLATE_NOOP("Permits", "VALID"),
    "expiring": QT_TRANSLATE_NOOP("Permits", "VALID — EXPIRING SOON"),
    "expired": QT_TRANSLATE_NOOP("Permits", "EXPIRED"),
    "not_yet_valid": QT_TRANSLATE_NOOP("Permits", "NOT YET VALID"),
    "returned": QT_TRANSLATE_NOOP("Permits", "RETURNED"),
    "lost": QT_TRANSLATE_NOOP("Permits", "REPORTED LOST"),
    "revoked": QT_TRANSLATE_NOOP("Permits", "REVOKED"),
    "permit_not_working": QT_TRANSLATE_NOOP("Permits", "PERMIT NOT IN PROGRESS"),
    "unknown": QT_TRANSLATE_NOOP("Permits", "UNKNOWN PASS"),
    "forged": QT_TRANSLATE_NOOP("Permits", "NOT GENUINE"),
}

LIST_FILTERS = {
    "open": QT_TRANSLATE_NOOP("Permits", "Open (not closed)"),
    "working": QT_TRANSLATE_NOOP("Permits", "In progress"),
    "extension_due": QT_TRANSLATE_NOOP("Permits", "Extension due"),
    "": QT_TRANSLATE_NOOP("Permits", "All"),
}


def _tr(table: dict[str, str], key: str) -> str:
    return QCoreApplication.translate(_CTX, table[key]) if key in table else key


def state_name(state: str) -> str:
    return _tr(STATE_NAMES, state)


def action_name(action: str) -> str:
    return _tr(ACTION_NAMES, action)


def event_name(kind: str) -> str:
    return _tr(EVENT_NAMES, kind)


def trade_name(trade: str) -> str:
    return _tr(TRADE_NAMES, trade)


def signer_name(kind: str) -> str:
    return _tr(SIGNER_NAMES, kind)


def pass_status_name(status: str) -> str:
    return _tr(PASS_STATUS_NAMES, status)


def check_name(result: str) -> str:
    return _tr(CHECK_NAMES, result)


def filter_name(key: str) -> str:
    return _tr(LIST_FILTERS, key)
