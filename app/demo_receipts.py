"""Demo receipts: yesterday's closed shift (with a void and a deposit) and today's open shift
(with a refund slip on yesterday's deposit), issued through ``ReceiptService`` like the counter.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from app.context import Operator
from app.services import Services


def fill_receipts(services: Services, ops: dict[str, Operator], rng: random.Random, current: datetime,
                  supervisor_password: str) -> int:
    """Issue the demo's receipts as ``reception1``; returns how many. Leaves the operator as found."""
    from app.services.receipts import Approval, LineInput, Payer, ReceiptInput, RefundInput

    previous = services.ctx.operator
    r = services.receipts
    fees = {f.code: f for f in services.fees.list()}
    occupants = services.occupants.search("", limit=400)
    rng.shuffle(occupants)
    people = iter(occupants)

    def occupant() -> Payer:
        return Payer("occupant", next(people).id)

    count = 0
    try:
        services.ctx.operator = ops["reception1"]
        # Yesterday: a whole shift, closed at five with the drawer matching.
        day = current.date() - timedelta(days=1)
        at = datetime.combine(day, time(8, 0))
        r.open_shift("500.00", at=at)
        deposit = r.issue(ReceiptInput(Payer("company", name="深圳市美家装饰工程有限公司"),
                                       (LineInput(fees["renovation_deposit"].id, unit_price="2000.00"),
                                        LineInput(fees["debris_removal"].id, unit_price="300.00")),
                                       "transfer", note="A栋装修押金及垃圾清运费"), at=at + timedelta(minutes=25))
        plan = [
            ((LineInput(fees["pass_card"].id, quantity=4),), "cash"),
            ((LineInput(fees["repair"].id, description="更换水龙头", unit_price="45.00"),), "wechat"),
            ((LineInput(fees["temp_water"].id, unit_price="36.50"),), "cash"),
            ((LineInput(fees["special_service"].id, description="家政保洁 3 小时", unit_price="120.00"),), "alipay"),
            ((LineInput(fees["repair"].id, description="疏通下水道", unit_price="80.00"),), "cash"),
        ]
        issued = [deposit]
        for i, (lines, method) in enumerate(plan):
            issued.append(r.issue(ReceiptInput(occupant(), lines, method), at=at + timedelta(minutes=70 + 55 * i)))
        wrong = issued[2]
        r.void(wrong.id, "金额录错，已重开", Approval("supervisor", supervisor_password),
               at=wrong.issued_at + timedelta(minutes=3))
        redo = r.issue(ReceiptInput(Payer("occupant", wrong.occupant_id),
                                    (LineInput(fees["repair"].id, description="更换水龙头", unit_price="54.00"),),
                                    "wechat"), at=wrong.issued_at + timedelta(minutes=5))
        issued.append(redo)
        preview = r.cashup()
        r.close_shift(preview.expected_cash, at=datetime.combine(day, time(17, 0)))
        count += len(issued)

        # Today: the shift is still open; yesterday's deposit partly refunded.
        start = max(datetime.combine(current.date(), time(8, 0)), current - timedelta(hours=2))
        start = min(start, current)
        r.open_shift("500.00", at=start)
        step = max((current - start) / 6, timedelta(seconds=1))
        today = [
            ((LineInput(fees["pass_card"].id, quantity=2),), "cash"),
            ((LineInput(fees["repair"].id, description="更换门锁", unit_price="150.00"),
              LineInput(fees["other"].id, description="锁芯材料费", unit_price="85.00")), "wechat"),
            ((LineInput(fees["renovation_deposit"].id, unit_price="3000.00"),), "card"),
        ]
        for i, (lines, method) in enumerate(today):
            r.issue(ReceiptInput(occupant(), lines, method), at=start + step * (i + 1))
        r.refund(deposit.id, RefundInput("1800.00", "transfer", reason="装修验收合格，扣除公共走廊墙面修补费 200 元"),
                 at=start + step * 4)
        count += len(today)
        return count
    finally:
        services.ctx.operator = previous
