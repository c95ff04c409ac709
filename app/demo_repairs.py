"""Demo repair slips, complaints and call/visit register lines (called from ``app.demo``).

Everything goes through ``RepairService`` and ``ComplaintService`` as at the counter, with
times counted back from now, so the Repairs tab opens on every kind of slip: closed after
a follow-up call, one reworked, one cancelled, one passed to the developer, and open ones in
each state — a few overdue, one waiting to be settled, follow-up calls due today, unfinished
slips with and without the day's reason.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from app.services.complaints import ComplaintInput
from app.services.repairs import CompletionInput, RepairInput

_FAULTS = (
    ("water", "厨房水龙头漏水", "水电班 王师傅"),
    ("water", "卫生间下水堵塞", "水电班 王师傅"),
    ("electricity", "客厅插座无电", "水电班 李师傅"),
    ("electricity", "空气开关频繁跳闸", "水电班 李师傅"),
    ("doors_locks", "入户门锁芯卡住", "木工班 张师傅"),
    ("doors_locks", "阳台推拉门脱轨", "木工班 张师傅"),
    ("air_conditioning", "空调滴水", "空调班 刘师傅"),
    ("other", "晾衣架卡住", "维修班"),
)
_PUBLIC = (
    ("lifts", "B栋2号电梯", "电梯异响", "电梯维保 华信"),
    ("public_facilities", "A栋大堂", "大堂感应门不开", "维修班"),
    ("public_facilities", "地下车库B区", "车库照明损坏", "水电班 李师傅"),
)


def fill_repairs(svc, ops: dict, units: list[str], today: date, current: datetime,  # noqa: ANN001, C901
                 rng: random.Random) -> int:
    """Add about forty slips over the last two weeks and a few complaints; returns the slips."""
    r = svc.repairs
    occupants = {}
    for code in rng.sample(units, min(30, len(units))):
        found = [o for o in svc.occupants.search(code, limit=5) if o.unit_code == code]
        if found:
            occupants[code] = found[0]
    codes = list(occupants)
    made = 0
    # Charges are settled at the counter with real receipts, in one shift of reception2's
    # opened on the first demo day and closed (cash counted as expected) after the last one;
    # the receipts demo (yesterday's and today's shifts) comes after, so numbers follow dates.
    svc.ctx.operator = ops["reception2"]
    svc.receipts.open_shift(Decimal("200.00"), at=datetime.combine(today - timedelta(days=14), time(8, 0)))
    last = [datetime.combine(today - timedelta(days=14), time(8, 0))]

    def settle(v, at: datetime):  # noqa: ANN001, ANN202
        svc.ctx.operator = ops["reception2"]
        last[0] = max(last[0], at)
        return r.settle_at_counter(v.id, method=rng.choice(("cash", "cash", "wechat", "alipay")), at=at)[0]

    def register(at: datetime, grade: str = "ordinary", public: bool = False):  # noqa: ANN202
        nonlocal made
        svc.ctx.operator = ops[rng.choice(("reception1", "reception2"))]
        if public:
            cat, where, text, tech = rng.choice(_PUBLIC)
            data = RepairInput(cat, text, grade, source="phone", location=where, requester_name="保洁部")
        else:
            cat, text, tech = rng.choice(_FAULTS)
            occ = occupants[rng.choice(codes)]
            data = RepairInput(cat, text, grade, source=rng.choice(("counter", "phone")), occupant_id=occ.id,
                               preferred_time=rng.choice(("", "今天下午", "明天上午", "工作日晚上7点后")))
        made += 1
        return r.register(data, at=at), tech

    def finish(v, tech: str, at: datetime, *, rework: bool = False):  # noqa: ANN001, ANN202
        v = r.dispatch(v.id, tech, at=at + timedelta(minutes=20))
        v = r.start(v.id, at=at + timedelta(hours=1))
        supplied = rng.random() < 0.2
        return r.complete(v.id, CompletionInput(
            "已修复，试用正常", materials=rng.choice(("", "密封圈 1个", "开关面板 1个", "锁芯 1个")),
            occupant_materials="业主自购配件" if supplied else "",
            material_check=rng.choice(("pass", "pass", "poor")) if supplied else "",
            labour="1人 1小时", charge=0 if rework else v.rate or 0), at=at + timedelta(hours=rng.uniform(2, 20)))

    # Closed over the last two weeks: completed, settled, followed up, closed.
    for day in range(13, 3, -1):
        for _ in range(rng.randint(2, 4)):
            at = datetime.combine(today - timedelta(days=day), datetime.min.time()) + timedelta(
                hours=rng.uniform(8.5, 17.5))
            v, tech = register(at, "urgent" if rng.random() < 0.2 else "ordinary", rng.random() < 0.2)
            v = finish(v, tech, at)
            done = v.completed_at
            if v.needs_settlement:
                v = settle(v, done + timedelta(hours=3))
            if rng.random() < 0.9:
                svc.ctx.operator = ops["reception2"]
                v = r.follow_up(v.id, rng.random() < 0.92, comment="维修及时，满意" if rng.random() < 0.5 else "再观察几天",
                                by="陈静", at=done + timedelta(days=1, hours=2))
                if v.follow_up_result == "satisfied":
                    r.close(v.id, at=done + timedelta(days=1, hours=3))
                else:  # rework, free of charge, then followed up and closed
                    again = done + timedelta(days=1, hours=3)
                    v = r.reopen(v.id, "回访不满意，需返修", at=again)
                    v = finish(v, tech, again, rework=True)
                    v = r.follow_up(v.id, True, comment="返修后满意", by="陈静",
                                    at=v.completed_at + timedelta(hours=20))
                    r.close(v.id, at=v.followed_up_at + timedelta(minutes=5))
    # Cancelled (the occupant disputes) and passed to the developer (warranty).
    at = current - timedelta(days=6, hours=3)
    v, tech = register(at)
    r.dispatch(v.id, tech, at=at + timedelta(minutes=30))
    r.cancel(v.id, "业主认为应免费维修，不同意收费", at=at + timedelta(hours=4))
    at = current - timedelta(days=5, hours=1)
    v, _tech = register(at)
    r.to_developer(v.id, "交房未满两年，属开发商保修范围", at=at + timedelta(hours=1))
    # Follow-up calls due today: ordinary repairs completed three days ago, one settled.
    for _ in range(2):
        at = current - timedelta(days=3, hours=6)
        v, tech = register(at)
        v = finish(v, tech, at)
        if v.needs_settlement:
            settle(v, v.completed_at + timedelta(hours=1))
    # Open now: registered, dispatched, in progress, on hold, completed and waiting to settle.
    v, _tech = register(current - timedelta(minutes=25), "urgent")
    v, tech = register(current - timedelta(hours=3), public=True)
    r.dispatch(v.id, tech, at=current - timedelta(hours=2, minutes=40))
    v, tech = register(current - timedelta(hours=20))
    r.dispatch(v.id, tech, at=current - timedelta(hours=19))
    r.start(v.id, at=current - timedelta(hours=2))
    v, tech = register(current - timedelta(days=2, hours=4))
    r.dispatch(v.id, tech, at=current - timedelta(days=2, hours=3))
    r.hold(v.id, "等待配件到货", at=current - timedelta(days=1))
    v, tech = register(current - timedelta(hours=30))
    v = r.dispatch(v.id, tech, at=current - timedelta(hours=29))
    r.complete(v.id, CompletionInput("更换水龙头", materials="水龙头 1个", labour="1人 0.5小时",
                                     charge=v.rate or 0), at=current - timedelta(hours=1))
    # Overdue: an urgent slip from yesterday morning and an ordinary one from four days ago.
    late, tech = register(current - timedelta(hours=30), "urgent")
    r.dispatch(late.id, tech, at=current - timedelta(hours=29))
    svc.ctx.operator = ops["reception1"]
    r.record_unfinished_reason(late.id, "业主不在家，约明早上门", at=current)
    late, tech = register(current - timedelta(days=4))
    r.dispatch(late.id, tech, at=current - timedelta(days=4) + timedelta(minutes=30))

    svc.ctx.operator = ops["reception2"]
    svc.receipts.close_shift(svc.receipts.cashup().expected_cash, at=min(current, last[0] + timedelta(hours=1)))

    # Complaints and the call/visit register.
    c = svc.complaints
    svc.ctx.operator = ops["reception1"]
    names = [occupants[k] for k in codes[:6]]
    major = c.register(ComplaintInput("complaint", names[0].name, "楼上装修噪音，晚上九点后仍在施工", "major",
                                      "visit", names[0].phone, unit_code=names[0].unit_code,
                                      received_at=current - timedelta(days=2, hours=3)))
    c.assign(major.id, "客服主管 李强")
    c.handle(major.id, True, "已约谈装修单位，晚上七点后停止施工")
    ordinary = c.register(ComplaintInput("complaint", names[1].name, "小区南门垃圾桶清理不及时", "ordinary",
                                         "phone", names[1].phone, unit_code=names[1].unit_code,
                                         received_at=current - timedelta(days=1, hours=5)))
    c.assign(ordinary.id, "保洁主管 何丽")
    late_c = c.register(ComplaintInput("complaint", names[2].name, "地下车库有积水，车辆进出不便", "major", "phone",
                                       names[2].phone, unit_code=names[2].unit_code,
                                       received_at=current - timedelta(days=4)))
    c.assign(late_c.id, "工程主管 黄志强")
    c.register(ComplaintInput("suggestion", names[3].name, "建议在大堂增设快递柜", "ordinary", "visit",
                              names[3].phone, unit_code=names[3].unit_code,
                              received_at=current - timedelta(hours=5)))
    inquiry = c.register(ComplaintInput("inquiry", names[4].name, "咨询装修申请需要哪些资料", "ordinary", "phone",
                                        names[4].phone, unit_code=names[4].unit_code, needs_action=False,
                                        received_at=current - timedelta(hours=2)))
    c.close(inquiry.id, note="已告知所需资料")
    praise = c.register(ComplaintInput("praise", names[5].name, "表扬水电班王师傅维修及时", "ordinary", "visit",
                                       names[5].phone, unit_code=names[5].unit_code, needs_action=False,
                                       received_at=current - timedelta(hours=1)))
    c.close(praise.id, note="已转告工程部")
    return made
