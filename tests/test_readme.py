"""The README's two set-up commands exist, and CI runs the test command verbatim."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [c.strip() for c in re.findall(r"```\n(.+?)\n\s*```", text)]


def test_readme_has_install_and_test_commands():
    cmds = _commands()
    assert "python -m pip install . && reception" in cmds
    assert ('python -m pip install -c installer/requirements.lock ".[test]" && python -m pytest'
            in cmds)


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_cmd = next(c for c in _commands() if "pytest" in c)
    assert any(line.strip() == test_cmd for line in ci.splitlines())


def test_ci_and_readme_install_the_tests_from_the_lock_file():
    test_cmd = next(c for c in _commands() if "pytest" in c)
    assert "-c installer/requirements.lock" in test_cmd
    assert (ROOT / "installer" / "requirements.lock").is_file()


def test_console_script_points_at_the_cli():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'reception = "app.cli:main"' in text
