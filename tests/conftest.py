"""Shared fixtures: a real SQLite file in a temp folder, migrated, with staff and a property.

The offscreen Qt platform is chosen here, before anything can import Qt, so the tests run
headless on any machine.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RECEPTION_TESTING", "1")

import pytest  # noqa: E402

from app.context import AppContext, Operator  # noqa: E402
from app.services import Services  # noqa: E402
from db.engine import Database  # noqa: E402
from db.migrate import upgrade  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Point the per-user data/config folders at a temp dir so tests never touch the real ones."""
    home = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("RECEPTION_HOME", str(home))
    yield home


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'reception.sqlite'}"


@pytest.fixture
def db(db_url) -> Database:
    database = Database.open(db_url)
    upgrade(database.engine)
    yield database
    database.dispose()


@pytest.fixture
def services(db) -> Services:
    """Services on a migrated database with an admin, a receptionist, a supervisor and units."""
    svc = Services(AppContext(db))
    svc.staff.create_first_admin("admin", "管理员", "admin-pass")
    svc.staff.sign_in("admin", "admin-pass")
    svc.property.save_profile("阳光花园物业服务中心", "深圳市南山区科技路1号", "0755-12345678")
    svc.staff.create("reception", "王芳", "receptionist", "front-pass")
    svc.staff.create("super", "李强", "supervisor", "super-pass")
    svc.staff.create("manager", "赵敏", "manager", "manager-pass")
    a = svc.property.add_building("A", "A栋")
    b = svc.property.add_building("B", "B栋")
    for code in ("A-1203", "A-1204", "A-0501"):
        svc.property.add_unit(a.id, code, int(code[2:4]))
    svc.property.add_unit(b.id, "B-0302", 3)
    from app.services.occupants import MemberInput, OccupantInput

    svc.occupants.create(OccupantInput("A-1203", "张三", "13812345678", "owner",
                                       members=(MemberInput("李梅", "配偶", "13987654321"),)))
    svc.occupants.create(OccupantInput("A-1204", "欧阳娜娜", "13900001111", "tenant"))
    svc.occupants.create(OccupantInput("B-0302", "周杰", "13700002222", "owner"))
    return svc


def sign_in_as(svc: Services, username: str) -> Operator:
    passwords = {"admin": "admin-pass", "reception": "front-pass", "super": "super-pass",
                 "manager": "manager-pass"}
    return svc.staff.sign_in(username, passwords[username])
