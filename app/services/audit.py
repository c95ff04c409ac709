"""The audit log: written inside each change's own transaction, hash-chained, read-only after."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.context import AppContext
from db.models import AuditEntry, Counter, now

GENESIS = "0" * 64


def _default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _dump(value: dict[str, Any] | None) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_default)


def _digest(prev: str, e: AuditEntry) -> str:
    payload = "\x1f".join(
        [
            prev,
            e.at.isoformat(sep=" "),
            str(e.staff_id or ""),
            e.action,
            e.entity,
            str(e.entity_id or ""),
            e.before or "",
            e.after or "",
        ]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def lock_counter(session: Session, name: str) -> Counter:
    """The named counter row, locked for the rest of the transaction (created if missing)."""
    row = session.execute(
        select(Counter).where(Counter.name == name).with_for_update()
    ).scalar_one_or_none()
    if row is None:
        row = Counter(name=name, value=0)
        session.add(row)
        session.flush()
    return row


def record(
    session: Session,
    staff_id: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one audit row in ``session``'s transaction, chained to the previous row."""
    chain = lock_counter(session, "audit_chain")
    prev = session.execute(
        select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).scalar_one_or_none()
    entry = AuditEntry(
        at=now(),
        staff_id=staff_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=_dump(before),
        after=_dump(after),
        prev_hash=prev or GENESIS,
    )
    entry.hash = _digest(entry.prev_hash, entry)
    session.add(entry)
    chain.value += 1
    session.flush()
    return entry


@dataclass(frozen=True)
class AuditView:
    id: int
    at: datetime
    staff_id: int | None
    action: str
    entity: str
    entity_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class AuditService:
    """Reading and verifying the audit log (writing happens inside other services)."""

    def __init__(self, ctx: AppContext):
        self.ctx = ctx

    def for_entity(self, entity: str, entity_id: int) -> list[AuditView]:
        """Every audit row about one record, oldest first."""
        with self.ctx.db.read() as s:
            rows = s.execute(
                select(AuditEntry)
                .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
                .order_by(AuditEntry.id)
            ).scalars()
            return [self._view(r) for r in rows]

    def recent(self, limit: int = 100) -> list[AuditView]:
        """The newest audit rows, newest first."""
        with self.ctx.db.read() as s:
            rows = s.execute(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit))
            return [self._view(r) for r in rows.scalars()]

    def verify_chain(self) -> int | None:
        """Id of the first row whose hash does not match its content, or None if intact.

        Rows cut off the end leave the chain consistent but shorter than the ``audit_chain``
        counter (advanced with every row): then the id just after the last row is returned.
        """
        prev = GENESIS
        count = 0
        last_id = 0
        with self.ctx.db.read() as s:
            for e in s.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars():
                if e.prev_hash != prev or _digest(prev, e) != e.hash:
                    return e.id
                prev = e.hash
                count += 1
                last_id = e.id
            written = s.execute(select(Counter.value).where(Counter.name == "audit_chain")).scalar_one_or_none()
        if written is not None and written > count:
            return last_id + 1
        return None

    @staticmethod
    def _view(e: AuditEntry) -> AuditView:
        return AuditView(
            id=e.id,
            at=e.at,
            staff_id=e.staff_id,
            action=e.action,
            entity=e.entity,
            entity_id=e.entity_id,
            before=json.loads(e.before) if e.before else None,
            after=json.loads(e.after) if e.after else None,
        )
