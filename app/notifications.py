"""Pluggable notifiers for items waiting at the counter (no Qt).

A :class:`PickupNotice` is one message to one recipient (a unit) listing every item waiting
for it. A notifier either delivers it and returns ``True`` or says it cannot (no e-mail
address on file) with ``False``; a delivery that fails raises ``NotifyError``.
``ParcelService.send_reminders`` tries its notifiers in order for each notice, so
``[SmtpNotifier(...), PrintedNoticeNotifier()]`` e-mails who asked for it and prints a
mailbox notice for everyone else.

What leaves the counter shows the unit and the items (type, number, date), never contents
and never the recipient's name on paper (a mailbox notice may be seen by anyone).
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from typing import Any, Protocol

from app.errors import DomainError

ITEM_TYPE_LABELS_ZH = {
    "letter": "平信", "registered": "挂号信", "parcel": "包裹/快递", "parcel_notice": "包裹单",
    "magazine": "杂志", "newspaper": "报纸", "money_order": "汇款单",
}
ITEM_TYPE_LABELS_EN = {
    "letter": "Letter", "registered": "Registered mail", "parcel": "Parcel", "parcel_notice": "Parcel notice",
    "magazine": "Magazine", "newspaper": "Newspaper", "money_order": "Money order",
}


class NotifyError(DomainError):
    """A notice could not be delivered (SMTP refused, server unreachable…)."""


@dataclass(frozen=True)
class NoticeItem:
    code: str
    item_type: str
    received_at: datetime
    shelf: str = ""


@dataclass(frozen=True)
class PickupNotice:
    """One message to one unit: everything waiting for it."""

    unit_id: int
    unit_code: str
    items: tuple[NoticeItem, ...]
    emails: tuple[str, ...] = ()
    #: "notice" (items arrived) or "reminder" (still waiting after N days)
    kind: str = "notice"
    property_name: str = ""
    property_phone: str = ""
    created_at: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))


class Notifier(Protocol):
    channel: str

    def send(self, notice: PickupNotice) -> bool:
        """Deliver ``notice``; ``False`` if this channel cannot reach the recipient."""
        ...


def notice_text(notice: PickupNotice) -> str:
    """The plain-text body of a notice (bilingual), unit and items only."""
    lead = ("以下邮件仍在前台等候领取，请尽快携带证件到前台签收。"
            if notice.kind == "reminder" else "您有邮件到达前台，请携带证件到前台签收。")
    lead_en = ("These items are still waiting at the reception desk; please collect them soon."
               if notice.kind == "reminder" else "Items have arrived for you at the reception desk.")
    lines = [f"{notice.unit_code}", lead, lead_en, ""]
    for i, item in enumerate(notice.items, 1):
        zh = ITEM_TYPE_LABELS_ZH.get(item.item_type, item.item_type)
        en = ITEM_TYPE_LABELS_EN.get(item.item_type, item.item_type)
        lines.append(f"{i}. {zh} / {en}  {item.code}  {item.received_at:%Y-%m-%d %H:%M}")
    lines.append("")
    lines.append(f"共 {len(notice.items)} 件 / {len(notice.items)} item(s)")
    if notice.property_name:
        lines.append(" ".join(p for p in (notice.property_name, notice.property_phone) if p))
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 587
    user: str = ""
    password: str = field(default="", repr=False)
    sender: str = ""
    #: "starttls" | "ssl" | "none"
    tls: str = "starttls"
    timeout: float = 15.0

    @classmethod
    def from_settings(cls, values: Mapping[str, Any]) -> SmtpConfig:
        return cls(host=str(values.get("smtp.host") or ""), port=int(values.get("smtp.port") or 587),
                   user=str(values.get("smtp.user") or ""), password=str(values.get("smtp.password") or ""),
                   sender=str(values.get("smtp.from") or ""), tls=str(values.get("smtp.tls") or "starttls"))

    @property
    def configured(self) -> bool:
        return bool(self.host and self.sender)


class SmtpNotifier:
    """E-mail over SMTP (smtplib). The password is never logged or put in an error."""

    channel = "email"

    def __init__(self, config: SmtpConfig):
        self.config = config

    def build_message(self, notice: PickupNotice) -> EmailMessage:
        msg = EmailMessage()
        subject = ("邮件待领取提醒 / Items waiting for you" if notice.kind == "reminder"
                   else "邮件到达通知 / Items have arrived")
        msg["Subject"] = f"{subject} — {notice.unit_code}"
        msg["From"] = formataddr((notice.property_name or "", self.config.sender))
        msg["To"] = ", ".join(notice.emails)
        msg["Message-ID"] = make_msgid(domain=self.config.sender.rpartition("@")[2] or None)
        msg.set_content(notice_text(notice))
        return msg

    def send(self, notice: PickupNotice) -> bool:
        if not notice.emails:
            return False
        c = self.config
        if not c.configured:
            raise NotifyError("notify.smtp_not_configured")
        msg = self.build_message(notice)
        try:
            if c.tls == "ssl":
                server: smtplib.SMTP = smtplib.SMTP_SSL(c.host, c.port, timeout=c.timeout,
                                                        context=ssl.create_default_context())
            else:
                server = smtplib.SMTP(c.host, c.port, timeout=c.timeout)
            with server:
                if c.tls == "starttls":
                    server.starttls(context=ssl.create_default_context())
                if c.user:
                    server.login(c.user, c.password)
                server.send_message(msg)
        except smtplib.SMTPAuthenticationError:
            raise NotifyError("notify.smtp_auth_failed", host=c.host) from None
        except (smtplib.SMTPException, OSError) as exc:
            raise NotifyError("notify.send_failed", host=c.host, reason=type(exc).__name__) from None
        return True


class PrintedNoticeNotifier:
    """A pick-up notice PDF for the mailbox; the PDFs are collected in ``documents``."""

    channel = "print"

    def __init__(self) -> None:
        self.documents: list[tuple[PickupNotice, bytes]] = []

    def send(self, notice: PickupNotice) -> bool:
        from app.printing.parcel_notice import render_pickup_notice

        self.documents.append((notice, render_pickup_notice(notice)))
        return True
