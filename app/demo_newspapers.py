"""The demo's newspapers and magazines (part of ``reception demo``): the titles, a subscriptions
list with a few ended lines, and two weeks of counting with the postman and delivering, with
claims for missing copies in every state — some copies brought later, one written off, one open.

Everything goes through ``NewspaperService`` with the demo receptionists as operators, so the
registers and the audit trail look like the counter's own.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta

from app.context import Operator
from app.newspaper_rules import due_on
from app.services import Services
from app.services.newspapers import DeliveryInput, SubscriptionInput

#: (name, kind, publisher, frequency, weight when units choose what to take)
TITLES = (
    ("深圳特区报", "newspaper", "深圳报业集团", "daily", 5),
    ("南方都市报", "newspaper", "南方报业传媒集团", "daily", 4),
    ("人民日报", "newspaper", "人民日报社", "daily", 2),
    ("参考消息", "newspaper", "新华通讯社", "daily", 2),
    ("证券时报", "newspaper", "证券时报社", "weekdays", 1),
    ("读者", "magazine", "读者出版社", "semimonthly", 2),
    ("中国国家地理", "magazine", "中国国家地理杂志社", "monthly", 1),
)
WITHDRAWN = ("羊城晚报", "newspaper", "羊城晚报报业集团", "daily")
#: the management office's departments and what they take (served after the residents)
OFFICE = (("客服部", "深圳特区报", 1), ("客服部", "人民日报", 1), ("工程部", "南方都市报", 1),
          ("管理处办公室", "人民日报", 2), ("管理处办公室", "参考消息", 1))
#: the magazines' issue days in the demo (they come on their own days, counted when they arrive)
ISSUE_DAYS = {"semimonthly": (1, 16), "monthly": (5,)}
END_REASONS = ("搬走", "改订电子版", "到期未续订")
SUBSCRIBING_UNITS = 48
DAYS = 14


def fill_newspapers(services: Services, ops: Mapping[str, Operator], units: Sequence[str], today: date,
                    current: datetime, rng: random.Random) -> int:
    """Add the demo's titles, subscriptions and two weeks ending ``current``; returns how
    many subscription lines the list has. Leaves ``services.ctx.operator`` as reception1."""
    np = services.newspapers
    services.ctx.operator = ops["supervisor"]
    titles = {name: np.add_title(name, kind, pub, freq) for name, kind, pub, freq, _ in TITLES}
    old = np.add_title(*WITHDRAWN)
    np.set_title_active(old.id, False)

    names: dict[str, str] = {}
    for o in services.occupants.search("", limit=10_000):
        names.setdefault(o.unit_code, o.name)
    first = today - timedelta(days=DAYS - 1)
    services.ctx.operator = ops["reception1"]
    lines = 0
    weights = [w for *_, w in TITLES]
    for code in sorted(rng.sample(list(units), SUBSCRIBING_UNITS)):
        taken = {rng.choices(TITLES, weights)[0][0] for _ in range(rng.choice((1, 1, 2, 2, 3)))}
        for name in sorted(taken):
            starts = (today - timedelta(days=rng.randint(20, 400))).replace(day=1)
            sub = np.subscribe(SubscriptionInput(
                titles[name].id, code, subscriber=names.get(code, ""), copies=2 if rng.random() < 0.08 else 1,
                starts_on=starts))
            lines += 1
            if rng.random() < 0.06:  # a few lines ended during the fortnight: they stay on the list, greyed
                np.end_subscription(sub.id, first + timedelta(days=rng.randint(1, DAYS - 3)),
                                    rng.choice(END_REASONS))
    for dept, name, copies in OFFICE:
        np.subscribe(SubscriptionInput(titles[name].id, department=dept, copies=copies,
                                       starts_on=today.replace(day=1) - timedelta(days=365)))
        lines += 1

    # Claims, by turns: brought the next morning; chased, then brought the day after; chased
    # and written off (the post office has no copies left).
    plans = ("brought", "chased_then_brought", "written_off")
    pending: list[tuple[date, int, str]] = []  # (issue day, claim id, what happens to it)
    raised = 0
    for n in range(DAYS):
        day = first + timedelta(days=n)
        last = day == today
        count_at = datetime.combine(day, time(8, rng.randint(10, 40)))
        if count_at > current:
            break
        services.ctx.operator = ops["reception2" if n % 3 == 0 else "reception1"]
        short_today = rng.random() < 0.3 or last
        for name, _kind, _pub, freq, _w in TITLES:
            t = titles[name]
            if not (due_on(freq, day) or day.day in ISSUE_DAYS.get(freq, ())):
                continue
            expected = np.expected_copies(t.id, day)
            if not expected:
                continue
            missing = rng.randint(1, 2) if short_today and name == "深圳特区报" else 0
            receipt = np.record_receipt(t.id, day, expected - missing, "少送" if missing else "", at=count_at)
            if receipt.claim is not None:
                pending.append((day, receipt.claim.id, plans[raised % len(plans)]))
                raised += 1
            count_at += timedelta(minutes=rng.randint(1, 3))
        at = datetime.combine(day, time(9, 5))
        for issue, claim_id, plan in list(pending):
            late = (day - issue).days
            if late < 1 or at > current:
                continue
            if late == 1 and plan != "brought":
                np.chase_claim(claim_id, "已致电南山邮政支局，答复尽快补送", at=at)
            elif plan == "written_off" and late >= 3:
                np.resolve_claim(claim_id, "邮局答复已无存报，不再补送", at=at)
                pending.remove((issue, claim_id, plan))
            elif plan != "written_off":
                np.receive_claimed(claim_id, np.claim(claim_id).outstanding, "邮递员补送", at=at)
                _deliver(np, issue, at + timedelta(minutes=20), names, rng, current)
                pending.remove((issue, claim_id, plan))
        # Delivery: the whole round on past days; today only building A is done so far.
        deliver_at = datetime.combine(day, time(9, rng.randint(15, 45)))
        _deliver(np, day, deliver_at, names, rng, current, building="A" if last else None)
    return lines


def _deliver(np, day: date, at: datetime, names: Mapping[str, str], rng: random.Random,  # noqa: ANN001
             current: datetime, building: str | None = None) -> None:
    """Hand out every line of ``day`` the count covers: mostly into the mail slot, now and then
    signed for at the door; the office's departments always sign."""
    if at > current:
        return
    todo = [ln for ln in np.delivery_plan(day, due_only=True)
            if ln.received and not ln.delivered and not ln.short
            and (building is None or ln.subscription.building_code == building)]
    batch = []
    for ln in todo:
        sub = ln.subscription
        if sub.office:
            batch.append(DeliveryInput(sub.id, "signed", f"{sub.department} 值班"))
        elif rng.random() < 0.12:
            batch.append(DeliveryInput(sub.id, "signed", sub.subscriber or names.get(sub.unit_code, "") or "住户"))
        else:
            batch.append(DeliveryInput(sub.id, "mailbox"))
    if batch:
        np.deliver(day, batch, at=at)
