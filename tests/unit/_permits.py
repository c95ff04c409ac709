"""Helpers shared by the permit tests: an application, a worker's pass, a permit taken to a state."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from app.services import Services
from app.services.permits import ApplicationInput, FeesInput, PassInput
from app.validation import id_check_char

WORKER_ID = "44030519880202123" + id_check_char("44030519880202123")
WORKER_ID_2 = "11010519920315456" + id_check_char("11010519920315456")
MASKED_WORKER_ID = WORKER_ID[:6] + "*" * 8 + WORKER_ID[-4:]
#: A fixed Monday morning: the application day of the tests.
DAY0 = datetime(2026, 3, 2, 9, 0)


def application(**changes) -> ApplicationInput:
    data = dict(unit_code="A-1203", applicant_name="张三", applicant_kind="owner", applicant_phone="13812345678",
                contractor_company="安居装饰工程有限公司", site_lead_name="刘伟", site_lead_phone="13912345678",
                scope="客厅吊顶、厨卫防水、全屋水电改造", form_signed=True, planned_start=date(2026, 3, 9))
    data.update(changes)
    return ApplicationInput(**data)


def worker(**changes) -> PassInput:
    data = dict(worker_name="陈师傅", doc_number=WORKER_ID, trade="electrical", phone="13700001111",
                signer_kind="site_lead", signer_name="刘伟", receipt_no="R2026-000101")
    data.update(changes)
    return PassInput(**data)


def as_user(svc: Services, username: str):  # noqa: ANN201
    from app.context import Operator

    staff = next(x for x in svc.staff.list() if x.username == username)
    svc.ctx.operator = Operator(staff.id, staff.username, staff.display_name, staff.role)
    return svc.ctx.operator


def permit_in(svc: Services, state: str, *, at: datetime = DAY0, **changes):  # noqa: ANN201
    """A permit taken along the flow to ``state`` (as the right people), admin signed in after."""
    steps = ["applied", "fees_paid", "drawings_reviewed", "checked", "approved", "issued", "in_progress"]
    as_user(svc, "reception")
    p = svc.permits.apply(application(**changes), at=at)
    t = at
    for target in steps[1:steps.index(state) + 1]:
        t = t + timedelta(hours=1)
        if target == "fees_paid":
            p = svc.permits.pay_fees(p.id, FeesInput("R2026-000100", deposit="2000.00", debris_fee="300.00",
                                                     water_fee="50"), at=t)
        elif target == "drawings_reviewed":
            as_user(svc, "super")
            p = svc.permits.review_drawings(p.id, passed=True, reviewer="工程部 黄工", at=t)
        elif target == "checked":
            p = svc.permits.check(p.id, passed=True, at=t)
        elif target == "approved":
            as_user(svc, "manager")
            p = svc.permits.approve(p.id, at=t)
        elif target == "issued":
            as_user(svc, "reception")
            p = svc.permits.issue(p.id, at=t)
        elif target == "in_progress":
            p = svc.permits.start(p.id, at=datetime.combine(p.starts_on, datetime.min.time()).replace(hour=8))
    as_user(svc, "admin")
    return p
