"""Fixtures of the core's unit tests (see _seeded.py for why ``svc`` exists)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services import Services
from tests.unit._keys import keys_template, ks  # noqa: F401 - the key cabinet's fixtures
from tests.unit._seeded import build_template, clone_services


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "seeded.sqlite"
    build_template(path)
    return path


@pytest.fixture
def svc(seeded_template, tmp_path) -> Services:
    """Like ``services``: admin signed in, staff reception/super/manager, units and occupants."""
    services = clone_services(seeded_template, tmp_path / "seeded-copy.sqlite")
    yield services
    services.ctx.db.dispose()

