"""Refresh resources/i18n/*.ts from the source with Qt's lupdate (keeps existing translations).

Usage: python tools/update_translations.py        then translate the unfinished entries
(Qt Linguist, or tools/fill_translations.py) and commit the .ts files. The .qm files are
built from them at start-up; they are never committed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("zh_CN",)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def lupdate() -> str:
    here = Path(PySide6.__file__).resolve().parent
    for name in ("lupdate", "lupdate.exe"):
        if (here / name).exists():
            return str(here / name)
    raise SystemExit("lupdate not found in the PySide6 wheel")


def update(ts_files: list[Path], *, extra: tuple[str, ...] = ()) -> None:
    cmd = [lupdate(), "-no-obsolete", "-locations", "none", *extra, *sources(), "-ts", *map(str, ts_files)]
    subprocess.run(cmd, check=True, cwd=ROOT, capture_output=True)


def main() -> int:
    files = [ROOT / "resources" / "i18n" / f"reception_{lang}.ts" for lang in LANGS]
    for f in files:
        f.parent.mkdir(parents=True, exist_ok=True)
    update(files, extra=("-target-language", "zh_CN"))
    print("\n".join(str(f) for f in files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
