"""Helpers behind the ``svc`` fixture: a fast stand-in for ``services`` of tests/conftest.py.

Building that fixture hashes five argon2 passwords (about a second). Here the same data is
built once per session into a template database; each test gets its own copy of the file
(SQLite's online backup) with the administrator signed in. Every test still runs on a real,
migrated SQLite file of its own.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.context import AppContext, Operator
from app.services import Services
from db.engine import Database
from db.migrate import upgrade

PASSWORDS = {"admin": "admin-pass", "reception": "front-pass", "super": "super-pass",
             "manager": "manager-pass"}


def build_template(path: Path) -> None:
    """A migrated database with the same people, property and occupants as ``services``."""
    from app.services.occupants import MemberInput, OccupantInput

    database = Database.open(f"sqlite:///{path}")
    upgrade(database.engine)
    svc = Services(AppContext(database))
    svc.staff.create_first_admin("admin", "管理员", PASSWORDS["admin"])
    svc.staff.sign_in("admin", PASSWORDS["admin"])
    svc.property.save_profile("阳光花园物业服务中心", "深圳市南山区科技路1号", "0755-12345678")
    svc.staff.create("reception", "王芳", "receptionist", PASSWORDS["reception"])
    svc.staff.create("super", "李强", "supervisor", PASSWORDS["super"])
    svc.staff.create("manager", "赵敏", "manager", PASSWORDS["manager"])
    a = svc.property.add_building("A", "A栋")
    b = svc.property.add_building("B", "B栋")
    for code in ("A-1203", "A-1204", "A-0501"):
        svc.property.add_unit(a.id, code, int(code[2:4]))
    svc.property.add_unit(b.id, "B-0302", 3)
    svc.occupants.create(OccupantInput("A-1203", "张三", "13812345678", "owner",
                                       members=(MemberInput("李梅", "配偶", "13987654321"),)))
    svc.occupants.create(OccupantInput("A-1204", "欧阳娜娜", "13900001111", "tenant"))
    svc.occupants.create(OccupantInput("B-0302", "周杰", "13700002222", "owner"))
    database.dispose()


def clone_services(template: Path, target: Path) -> Services:
    """Services on a private copy of the template, signed in as the administrator."""
    src = sqlite3.connect(template)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    svc = Services(AppContext(Database.open(f"sqlite:///{target}")))
    admin = next(x for x in svc.staff.list() if x.username == "admin")
    svc.ctx.operator = Operator(admin.id, admin.username, admin.display_name, admin.role)
    return svc
