"""Demo renovations (DOMAIN §6): permits at every stage of the flow and their workers' passes.

Everything goes through ``PermitService`` and, for the fees and card fees, ``ReceiptService`` (a
receptionist's shift on each day money was taken, cashed up at the end of the day), as the
people whose job it is, at times in the past — so the lists show something real: passes
valid today, expiring within three days, a permit and its passes overdue, an extension, a
lost card replaced, a revoked pass, finished works with every card returned.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from app.services.permits import ApplicationInput, Approval, FeesInput, PassInput, PassPayment

_COMPANIES = ("安居装饰工程有限公司", "华美家装饰设计有限公司", "鹏程建筑装饰有限公司", "匠心家居装饰工作室",
              "深装集团第三工程部", "立邦刷新服务中心")
_SCOPES = ("客厅吊顶、厨卫防水、全屋水电改造", "厨房橱柜更换、墙面翻新", "卫生间防水重做、更换洁具",
           "全屋墙面刷新、木地板铺设", "阳台封窗、加装防盗网（按规定样式）", "主卧衣柜制作、墙纸铺贴")
_TRADES = ("electrical", "plumbing", "carpentry", "masonry", "painting", "tiling", "helper", "decoration")


def _photo(rng: random.Random) -> bytes:
    """A plain head-and-shoulders silhouette: something to print in the card's photo box."""
    from PIL import Image, ImageDraw

    shade = rng.randrange(90, 150)
    img = Image.new("RGB", (150, 192), (225, 232, 240))
    d = ImageDraw.Draw(img)
    d.ellipse((45, 30, 105, 100), fill=(shade, shade, shade))
    d.ellipse((15, 110, 135, 250), fill=(shade - 40, shade - 40, shade - 30))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


class _Renovations:
    """Builds the permits as a list of dated steps, then runs them in time order."""

    def __init__(self, demo: Any, units: list[str], today: date, manager_password: str):
        self.d = demo
        self.svc = demo.svc
        self.rng = random.Random(demo.rng.random())
        self.units = self.rng.sample(units, 13)
        self.today = today
        self.manager = Approval("manager", manager_password)
        self.steps: list[tuple[datetime, int, Callable[[], None]]] = []
        self.permits: dict[str, int] = {}
        self.passes: dict[str, Any] = {}
        self.pass_days: set[date] = set()
        self.pass_inputs: dict[str, PassInput] = {}

    def at(self, days_ago: int, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(self.today - timedelta(days=days_ago), time(hour, minute))

    def step(self, when: datetime, fn: Callable[[], None]) -> None:
        self.steps.append((when, len(self.steps), fn))

    def as_(self, username: str) -> None:
        self.svc.ctx.operator = self.d.ops[username]

    # -- one permit's flow up to ``stage`` ---------------------------------------------

    def permit(self, key: str, unit: str, applied: int, stage: str, *, start_in: int = 7,
               drawings_returned: bool = False) -> None:
        """Permit ``key`` applied ``applied`` days ago and taken to ``stage`` (``rejected`` and
        ``cancelled`` included); work starts ``start_in`` days after the application. The steps
        follow the application by a few days each, as at a real counter."""
        rng = self.rng
        occupant = next((o for o in self.svc.occupants.search(unit, limit=5) if o.unit_code == unit), None)
        start = self.today - timedelta(days=applied - start_in)
        data = ApplicationInput(
            unit_code=unit, applicant_name=occupant.name if occupant else self.d.fake.name()[0],
            applicant_kind=occupant.kind if occupant else "owner",
            applicant_phone=occupant.phone if occupant else self.d.fake.mobile(),
            contractor_company=rng.choice(_COMPANIES), site_lead_name=self.d.fake.name(female=False)[0],
            site_lead_phone=self.d.fake.mobile(), scope=rng.choice(_SCOPES), form_signed=True,
            occupant_id=occupant.id if occupant else None, planned_start=start)
        svc = self.svc.permits

        def pid() -> int:
            return self.permits[key]

        def on(offset: int, hour: int, minute: int = 0) -> datetime:
            return self.at(applied - offset, hour, minute)

        def apply() -> None:
            self.permits[key] = svc.apply(data, at=on(0, 10, 5)).id

        self.later(on(0, 10, 5), "reception1", apply)
        if stage == "applied":
            return
        debris = Decimal(rng.choice(("200.00", "300.00", "500.00")))
        self.pass_days.add(on(0, 11).date())  # the fees go on a receipt of that day's shift

        def pay() -> None:
            from app.services.receipts import LineInput, Payer, ReceiptInput

            self.as_("reception2")
            items = {f.code: f.id for f in self.svc.fees.list()}
            permit = svc.get(pid())
            receipt = self.svc.receipts.issue(ReceiptInput(
                Payer("occupant", occupant_id=permit.occupant_id) if permit.occupant_id else
                Payer("other", name=permit.applicant_name, unit_id=permit.unit_id),
                (LineInput(items["renovation_deposit"]), LineInput(items["debris_removal"], unit_price=debris),
                 LineInput(items["temp_water"])), method=rng.choice(("transfer", "wechat", "card")),
                reference=f"permit:{permit.number}"), at=on(0, 11))
            svc.pay_fees(pid(), FeesInput(receipt.number, deposit=Decimal("2000.00"), debris_fee=debris,
                                          water_fee=Decimal("50.00")), at=on(0, 11, 2))

        self.step(on(0, 11), pay)
        shift = 0
        if drawings_returned:
            self.later(on(1, 15), "supervisor", lambda: svc.review_drawings(
                pid(), passed=False, reviewer="工程部 周国庆", note="卫生间墙体拆改涉及承重墙，请修改图纸后再审", at=on(1, 15)))
            shift = 2
        if stage == "cancelled":
            self.later(on(2, 14), "supervisor", lambda: svc.cancel(pid(), reason="业主决定暂缓装修，申请撤回",
                                                                  at=on(2, 14)))
            return
        if stage == "fees_paid":
            return
        self.later(on(2 + shift, 16), "supervisor", lambda: svc.review_drawings(
            pid(), passed=True, reviewer="工程部 周国庆", at=on(2 + shift, 16)))
        self.later(on(3 + shift, 16), "supervisor", lambda: svc.check(pid(), passed=True, at=on(3 + shift, 16)))
        if stage == "checked":
            return
        if stage == "rejected":
            self.later(on(4, 17), "reception1", lambda: svc.reject(
                pid(), reason="拟拆除阳台外墙，违反小区装修管理规定", approval=self.manager, at=on(4, 17)))
            return
        self.later(on(4 + shift, 17), "manager", lambda: svc.approve(pid(), at=on(4 + shift, 17)))
        if stage == "approved":
            return
        self.later(on(5 + shift, 9, 30), "reception1", lambda: svc.issue(pid(), starts_on=start,
                                                                         at=on(5 + shift, 9, 30)))
        if stage == "issued":
            return
        began = datetime.combine(start, time(8, 45))
        self.later(began, "reception1", lambda: svc.start(pid(), at=began))

    def workers(self, key: str, day: date, count: int, *, valid_to: date | None = None) -> list[str]:
        """``count`` passes for permit ``key`` issued on ``day`` (fee on a receipt); their keys."""
        keys = []
        for i in range(count):
            name, female = self.d.fake.name(female=False)
            trade = _TRADES[(len(self.passes) + i) % len(_TRADES)]
            photo = _photo(self.rng) if self.rng.random() < 0.6 else None
            data = PassInput(worker_name=name, doc_number=self.d.fake.mainland_id(female, 1965, 2000), trade=trade,
                             phone=self.d.fake.mobile(), signer_kind=self.rng.choice(("site_lead", "site_lead", "owner")),
                             signer_name="", photo=photo, valid_to=valid_to)
            pkey = f"{key}/{i}"
            self.issue(key, pkey, data, datetime.combine(day, time(9, 10 + 5 * i)))
            keys.append(pkey)
        return keys

    def issue(self, key: str, pkey: str, data: PassInput, when: datetime) -> None:
        """Issue a pass at ``when`` with its fee on a receipt of that day's shift."""
        self.pass_days.add(when.date())
        method = self.rng.choice(("cash", "cash", "wechat", "alipay"))

        def run() -> None:
            self.as_("reception2")
            permit = self.svc.permits.get(self.permits[key])
            by_lead = data.signer_kind == "site_lead"
            signed = replace(data, signer_kind="site_lead" if by_lead else permit.applicant_kind,
                             signer_name=permit.site_lead_name if by_lead else permit.applicant_name)
            self.pass_inputs[pkey] = signed
            self.passes[pkey] = self.svc.permits.issue_pass_paid(permit.id, signed, PassPayment(method=method),
                                                                 at=when)[0]

        self.step(when, run)

    def later(self, when: datetime, username: str, fn: Callable[[], Any]) -> None:
        self.step(when, lambda: (self.as_(username), fn()))

    # -- the property's renovations ------------------------------------------------------

    def plan(self) -> None:
        u = self.units
        t = self.today
        svc = self.svc.permits
        self.permit("applied", u[0], 1, "applied")
        self.permit("paid", u[1], 3, "fees_paid")
        self.permit("returned", u[2], 4, "fees_paid", drawings_returned=True)
        self.permit("checked", u[3], 8, "checked")
        self.permit("approved", u[4], 9, "approved", start_in=12)
        self.permit("rejected", u[5], 20, "rejected")
        self.permit("cancelled", u[6], 15, "cancelled")
        # issued, work starts in three days: one pass already out
        self.permit("issued", u[7], 10, "issued", start_in=13)
        # in progress for ten days
        self.permit("working", u[8], 17, "in_progress")
        self.workers("working", t - timedelta(days=10), 3)
        # ends tomorrow: its passes are expiring
        self.permit("ending", u[9], 50, "in_progress")
        self.workers("ending", t - timedelta(days=43), 2)
        # ended five days ago, neither extended nor finished: overdue, passes not returned
        self.permit("overdue", u[10], 56, "in_progress")
        self.workers("overdue", t - timedelta(days=49), 2)
        # extended two days ago by 15 days; one pass renewed, one card lost and replaced
        self.permit("extended", u[11], 47, "in_progress")
        ext = self.workers("extended", t - timedelta(days=40), 3)
        self.later(self.at(2, 10), "supervisor", lambda: svc.extend(
            self.permits["extended"], days=15, requested_by="业主", reason="定制橱柜到货延迟，书面申请延期15天",
            at=self.at(2, 10)))
        self.later(self.at(2, 10, 20), "reception1", lambda: svc.renew_pass(
            self.passes[ext[0]].id, valid_to=self.passes[ext[0]].valid_to + timedelta(days=15), at=self.at(2, 10, 20)))
        self.later(self.at(6, 16), "reception1", lambda: svc.report_lost(
            self.passes[ext[2]].id, note="工人称在地铁上遗失", at=self.at(6, 16)))
        self._replace_lost("extended", ext[2], self.at(5, 9, 30))
        # finished: every card back (one revoked before the end)
        self.permit("finished", u[12], 75, "in_progress")
        done = self.workers("finished", t - timedelta(days=68), 3)
        self.later(self.at(50, 14), "supervisor", lambda: svc.revoke_pass(
            self.passes[done[2]].id, reason="在公共区域吸烟，经劝阻不改，停止其进场", at=self.at(50, 14)))
        for i, k in enumerate(done[:2]):
            self.later(self.at(25, 17, i), "reception1",
                       lambda k=k, i=i: svc.return_pass(self.passes[k].id, note="完工退证", at=self.at(25, 17, i)))
        self.later(self.at(25, 17, 30), "reception1", lambda: svc.finish(
            self.permits["finished"], note="经验收合格，押金另行办理退款", at=self.at(25, 17, 30)))
        self.workers("issued", t - timedelta(days=1), 1)

    def _replace_lost(self, key: str, lost: str, when: datetime) -> None:
        """A new card for the worker whose card ``lost`` was reported lost."""
        self.pass_days.add(when.date())

        def run() -> None:
            self.as_("reception2")
            data = replace(self.pass_inputs[lost], replaces_id=self.passes[lost].id, valid_to=None)
            self.passes[lost + "/new"] = self.svc.permits.issue_pass_paid(self.permits[key], data, at=when)[0]

        self.step(when, run)

    def run(self) -> int:
        self.plan()
        for day in sorted(self.pass_days):
            opened = datetime.combine(day, time(8, 0))
            closed = datetime.combine(day, time(18, 0))
            self.step(opened, lambda o=opened: (self.as_("reception2"),
                                                self.svc.receipts.open_shift("200.00", at=o)))
            self.step(closed, lambda c=closed: (self.as_("reception2"), self.svc.receipts.close_shift(
                self.svc.receipts.cashup().expected_cash, at=c)))
        for _when, _seq, fn in sorted(self.steps, key=lambda s: (s[0], s[1])):
            fn()
        return len(self.permits)


def add_renovations(demo: Any, units: list[str], today: date, manager_password: str) -> int:
    """Add the demo's renovation permits and passes; returns the number of permits."""
    return _Renovations(demo, units, today, manager_password).run()
