"""Print a fresh ``installer/requirements.lock`` from the current environment.

Walks ``pyproject.toml``'s run-time dependencies through the installed distributions'
metadata (extras and markers evaluated for this interpreter) and prints ``name==version`` for
the whole closure, sorted. Run it in a clean venv where ``pip install .`` has just run::

    python installer/lock.py > installer/requirements.lock

``build.py`` re-checks the closure against the Windows wheels' own metadata, so a dependency
that only Windows needs would be reported there.
"""

from __future__ import annotations

import tomllib
from importlib.metadata import distribution
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCK = Path(__file__).resolve().parent / "requirements.lock"


def closure() -> dict[str, str]:
    """``{canonical name: installed version}`` for every run-time dependency."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    todo = [Requirement(d) for d in deps]
    seen: dict[str, str] = {}
    while todo:
        req = todo.pop()
        name = canonicalize_name(req.name)
        if name in seen:
            continue
        dist = distribution(req.name)
        seen[name] = dist.version
        for spec in dist.requires or []:
            sub = Requirement(spec)
            if sub.marker is None or sub.marker.evaluate({"extra": ""}):
                todo.append(sub)
    return dict(sorted(seen.items()))


def main() -> None:
    header = [line for line in LOCK.read_text("utf-8").splitlines() if line.startswith("#")]
    print("\n".join(header))
    for name, version in closure().items():
        print(f"{name}=={version}")


if __name__ == "__main__":
    main()
