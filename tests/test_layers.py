"""The layers keep their direction: app/ and db/ never load Qt; ui/ never talks SQL."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Modules that are entry points or scripts run by a tool, not libraries to import.
NOT_IMPORTABLE = {"app.__main__", "db.migrations.env"}

_IMPORT_ALL = r"""
import importlib, json, pkgutil, sys
skip = set(json.loads(sys.argv[1]))
imported, failed = [], {}
for top in ("app", "db"):
    pkg = importlib.import_module(top)
    imported.append(top)
    for info in pkgutil.walk_packages(pkg.__path__, top + "."):
        if info.name in skip:
            continue
        try:
            importlib.import_module(info.name)
            imported.append(info.name)
        except Exception as exc:
            failed[info.name] = repr(exc)
# Alembic loads the revision files by path, not as a package: read them the same way.
from db.migrate import alembic_config
from alembic.script import ScriptDirectory
revisions = [r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()]
qt = sorted(m for m in sys.modules if m == "PySide6" or m.startswith(("PySide6.", "shiboken6")))
print(json.dumps({"imported": imported, "failed": failed, "qt": qt, "revisions": revisions}))
"""


def test_app_and_db_import_without_qt():
    proc = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL, json.dumps(sorted(NOT_IMPORTABLE))],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["failed"] == {}
    assert report["qt"] == [], f"PySide6 was loaded by app/ or db/: {report['qt']}"
    # the walk really covered the layers (a broken walk would pass vacuously)
    on_disk = {
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for top in ("app", "db") for p in (ROOT / top).rglob("*.py")
        if "versions" not in p.parts
    }
    assert on_disk - NOT_IMPORTABLE <= set(report["imported"])
    assert {"app.services.visitors", "db.engine", "db.migrate"} <= set(report["imported"])
    assert report["revisions"]


# What a file of ui/ must not contain: SQLAlchemy, or a session/query of its own.
_FORBIDDEN = [
    (re.compile(r"^\s*(from|import)\s+sqlalchemy\b", re.MULTILINE), "imports sqlalchemy"),
    (re.compile(r"\bsession\s*\.\s*(execute|query|add|add_all|delete|scalars?|get|commit|flush)\s*\("),
     "uses a session"),
    (re.compile(r"\.\s*db\s*\.\s*(write|read)\s*\("), "opens a session through the database"),
    # repositories only work on an open session (db.engine's pure helpers such as
    # display_url are fine)
    (re.compile(r"^\s*(from|import)\s+db\.repositories\b", re.MULTILINE), "imports repositories"),
]


def layer_violations(source: str) -> list[str]:
    """What in ``source`` breaks the ui/ layer rule, one message per kind of breach."""
    return [why for pattern, why in _FORBIDDEN if pattern.search(source)]


def test_checker_recognises_violations():
    assert layer_violations("import sqlalchemy\n") == ["imports sqlalchemy"]
    assert layer_violations("from sqlalchemy import select\n") == ["imports sqlalchemy"]
    assert layer_violations("    rows = session.execute(q)\n") == ["uses a session"]
    assert layer_violations("session.query(Visit).all()") == ["uses a session"]
    assert layer_violations("self.session.add(v)") == ["uses a session"]
    assert layer_violations("with self.ctx.db.write() as s:") == ["opens a session through the database"]
    assert layer_violations("from db.repositories.visitors import VisitorRepository") == [
        "imports repositories"]
    assert layer_violations("from db.engine import display_url") == []
    clean = "from app.services.visitors import VisitQuery\nself.svc.visitors.page(q)\n# sqlalchemy\n"
    assert layer_violations(clean) == []


def test_ui_never_talks_to_the_database_directly():
    files = sorted((ROOT / "ui").rglob("*.py"))
    assert files, "ui/ has no Python files: nothing was checked"
    bad = {}
    for path in files:
        found = layer_violations(path.read_text(encoding="utf-8"))
        if found:
            bad[str(path.relative_to(ROOT))] = found
    assert bad == {}
