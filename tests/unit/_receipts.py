"""Helpers of the receipt tests: operators without argon2, and a worker for the two-counter test."""

from __future__ import annotations

from decimal import Decimal

from app.context import AppContext, Operator
from app.services import Services
from app.services.receipts import LineInput, Payer, ReceiptInput
from db.engine import Database


def act_as(svc: Services, username: str) -> Operator:
    """Make ``username`` the operator without hashing a password (the tests' sign-in)."""
    who = next(x for x in svc.staff.list() if x.username == username)
    svc.ctx.operator = Operator(who.id, who.username, who.display_name, who.role)
    return svc.ctx.operator


def simple_receipt(amount: str = "10.00", method: str = "cash", name: str = "张三",
                   fee_item_id: int | None = None, quantity: int = 1) -> ReceiptInput:
    return ReceiptInput(Payer("other", name=name),
                        (LineInput(fee_item_id, "" if fee_item_id else "测试", Decimal(amount), quantity),), method)


def issue_many(url: str, username: str, count: int, start_barrier=None) -> list[str]:  # noqa: ANN001
    """Open ``username``'s shift on the database at ``url`` and issue ``count`` receipts.

    Runs in another process or thread with a connection pool of its own, like a second
    counter PC on the same SQLite file.
    """
    db = Database.open(url)
    try:
        svc = Services(AppContext(db))
        act_as(svc, username)
        if svc.receipts.current_shift() is None:
            svc.receipts.open_shift("0")
        if start_barrier is not None:
            start_barrier.wait()
        return [svc.receipts.issue(simple_receipt(f"{i + 1}.00")).number for i in range(count)]
    finally:
        db.dispose()
