"""A key cabinet on top of the seeded template (see _seeded.py), shared by the key tests.

The template adds a general manager and five key sets, one of each kind:

========  ===========  =========================  ====  ======
tag       category     what it opens              keys  hook
========  ===========  =========================  ====  ======
K00001    unit         A-1203 入户门 (张三's)      2     A-001
K00002    public       A栋天台门 (2 spares sealed)  1     P-001
K00003    equipment    1号配电房                   2     E-001
K00004    store        客服部库房                   1     S-001
K00005    unit         B-0302 入户门 (周杰's)       1     B-001
========  ===========  =========================  ====  ======
"""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.context import Operator
from app.services import Services
from app.services.keys import Approval, IntakeInput, LoanInput
from app.validation import id_check_char
from db.models import Base
from tests.unit._seeded import PASSWORDS, clone_services

PASSWORDS = {**PASSWORDS, "gm": "gm-pass"}
MANAGER = Approval("manager", PASSWORDS["manager"])
GM = Approval("gm", PASSWORDS["gm"])
CONTRACTOR_ID = "44030519900101123" + id_check_char("44030519900101123")
MASKED_CONTRACTOR_ID = CONTRACTOR_ID[:6] + "*" * 8 + CONTRACTOR_ID[-4:]
#: A fixed Monday morning, so "end of the day" (18:00) is predictable.
MONDAY = datetime(2026, 3, 2, 9, 0)


def build_keys_template(seeded: Path, path: Path) -> None:
    svc = clone_services(seeded, path)
    svc.staff.create("gm", "孙总", "general_manager", PASSWORDS["gm"])
    zhang = svc.occupants.search("张三")[0]
    zhou = svc.occupants.search("周杰")[0]
    svc.keys.intake_batch([
        IntakeInput("unit", "入户门", 2, "A-001", "开发商 陈工", unit_code="A-1203", occupant_id=zhang.id,
                    area="A栋"),
        IntakeInput("public", "A栋天台门", 1, "P-001", "开发商 陈工", area="A栋", sealed_spares=2),
        IntakeInput("equipment", "1号配电房", 2, "E-001", "开发商 陈工", area="地下室"),
        IntakeInput("store", "客服部库房", 1, "S-001", "开发商 陈工", area="管理处"),
        IntakeInput("unit", "入户门", 1, "B-001", "周杰", unit_code="B-0302", occupant_id=zhou.id,
                    source="owner", area="B栋"),
    ], at=datetime(2026, 1, 5, 10, 0))
    svc.ctx.db.dispose()


def as_user(svc: Services, username: str) -> Operator:
    """Act as ``username`` without hashing a password (the tests' stand-in for sign-in)."""
    staff = next(x for x in svc.staff.list() if x.username == username)
    op = Operator(staff.id, staff.username, staff.display_name, staff.role)
    svc.ctx.operator = op
    return op


def key_id(svc: Services, tag: str) -> int:
    return svc.keys.find(tag).id


def staff_id(svc: Services, username: str) -> int:
    return next(x.id for x in svc.staff.list() if x.username == username)


def contractor(**changes) -> LoanInput:
    data = dict(purpose="天台防水维修", borrower_kind="contractor", borrower_name="刘伟",
                borrower_company="安居防水", borrower_phone="13912345678", borrower_doc_type="mainland_id",
                borrower_doc_number=CONTRACTOR_ID, signed_on_slip=True)
    data.update(changes)
    return LoanInput(**data)


def engineer(**changes) -> LoanInput:
    data = dict(purpose="配电检修", borrower_kind="staff", borrower_name="刘建军", borrower_company="工程部",
                signed_on_slip=True)
    data.update(changes)
    return LoanInput(**data)


def row_counts(svc: Services) -> dict[str, int]:
    """Rows in every table: a refused action must leave them all as they were."""
    with svc.ctx.db.read() as s:
        return {name: s.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in Base.metadata.tables.items()}


def state(svc: Services) -> tuple:
    """Row counts plus the key sets' current state (a refusal changes neither)."""
    keys = tuple((k.tag_code, k.status, k.key_count, k.hook, k.lock_changes, k.loan_id)
                 for k in svc.keys.search("", limit=1000))
    return row_counts(svc), keys


def png(width: int = 200, height: int = 60) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("L", (width, height), 255)
    ImageDraw.Draw(img).line([(10, 40), (60, 10), (120, 50), (190, 20)], fill=0, width=3)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def evening(day: datetime, hour: int = 19) -> datetime:
    return day.replace(hour=hour, minute=0)


def next_day(day: datetime, hour: int) -> datetime:
    return (day + timedelta(days=1)).replace(hour=hour, minute=0)


@pytest.fixture(scope="module")
def keys_template(seeded_template, tmp_path_factory) -> Path:
    """The seeded template plus the cabinet above (built once per test module)."""
    path = tmp_path_factory.mktemp("keys") / "keys.sqlite"
    build_keys_template(seeded_template, path)
    return path


@pytest.fixture
def ks(keys_template, tmp_path) -> Services:
    """Services on a private copy of the cabinet, acting as the receptionist 王芳."""
    services = clone_services(keys_template, tmp_path / "cabinet.sqlite")
    as_user(services, "reception")
    yield services
    services.ctx.db.dispose()
