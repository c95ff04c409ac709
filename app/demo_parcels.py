"""The demo's parcels and mail (part of ``reception demo``): a week of intake at the counter
from the usual couriers, most items collected with a signature, today's and a few older items
still waiting on the shelves, one without a barcode (internal number) and one left unassigned.

Everything goes through ``ParcelService`` with the demo receptionists as operators, so the
register, the pick-ups and the audit trail look like the counter's own.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta

from app.context import Operator
from app.services import Services
from app.services.parcels import IntakeInput

DAYS = 7
#: (courier, how its numbers look) — formats the carrier rules recognise
COURIERS = (
    ("顺丰速运", lambda r: "SF" + "".join(r.choice("0123456789") for _ in range(13))),
    ("京东物流", lambda r: "JDV" + "".join(r.choice("0123456789") for _ in range(12))),
    ("中通快递", lambda r: "7" + "".join(r.choice("0123456789") for _ in range(13))),
    ("圆通速递", lambda r: "YT" + "".join(r.choice("0123456789") for _ in range(13))),
    ("韵达快递", lambda r: "43" + "".join(r.choice("0123456789") for _ in range(11))),
)
TYPES = ("parcel",) * 8 + ("letter", "registered", "magazine")
SHELVES = ("A1", "A2", "A3", "B1", "B2", "C1")
RELATIONS = ("家人", "保姆", "同事")


def fill_parcels(services: Services, ops: Mapping[str, Operator], units: Sequence[str], today: date,
                 current: datetime, rng: random.Random) -> int:
    """Add a week of parcels ending ``current``; returns how many items are still waiting.
    Leaves ``services.ctx.operator`` as reception1."""
    ps = services.parcels
    names: dict[str, str] = {}
    for o in services.occupants.search("", limit=10_000):
        names.setdefault(o.unit_code, o.name)
    receiving = [u for u in units if u in names]
    first = today - timedelta(days=DAYS - 1)
    waiting = 0
    for d in range(DAYS):
        day = first + timedelta(days=d)
        services.ctx.operator = ops["reception2" if d < DAYS // 2 else "reception1"]
        for _ in range(rng.randint(12, 24)):
            at = datetime.combine(day, time(9, 0)) + timedelta(minutes=rng.randrange(8 * 60))
            if at > current - timedelta(minutes=5):
                continue
            courier, number = rng.choice(COURIERS)
            unit = rng.choice(receiving)
            item = ps.intake(IntakeInput(code=number(rng), item_type=rng.choice(TYPES), unit_code=unit,
                                         recipient_name=names[unit],
                                         shelf=rng.choice(SHELVES), courier=courier,
                                         fragile=rng.random() < 0.05, perishable=rng.random() < 0.03), at=at)
            # most are collected the same evening or within two days; the last days' wait
            collected = at + timedelta(hours=rng.randint(2, 50))
            if collected < current - timedelta(minutes=5) and rng.random() < 0.85:
                someone_else = rng.random() < 0.2
                ps.pick_up([item.id], picked_up_by=rng.choice(("李娟", "陈刚", "刘阿姨")) if someone_else else names[unit],
                           relation=rng.choice(RELATIONS) if someone_else else "", id_checked=someone_else,
                           signed_on_paper=True, at=collected)
            else:
                waiting += 1
    services.ctx.operator = ops["reception1"]
    recent = current - timedelta(minutes=30)
    if recent.date() == today and recent.time() > time(0, 30):
        ps.intake(IntakeInput(item_type="registered", unit_code=rng.choice(receiving), shelf="A1",
                              note="挂号信，无条码"), at=recent)
        ps.intake(IntakeInput(code="SF" + "".join(rng.choice("0123456789") for _ in range(13)),
                              shelf="C1", courier="顺丰速运"), at=recent + timedelta(minutes=1))
        waiting += 2
    return waiting
