"""Packaging: the lock file, the Windows installer (built, then installed under Wine) and the
PyInstaller bundle for Linux.

The lock-file tests always run. The builds take minutes, so they run when
``RECEPTION_PACKAGING=1`` or ``CI=true`` and skip (with the reason) when a tool is missing:
``makensis``/``osslsigncode`` for the installer, ``wine`` for the install, PyInstaller for the
Linux bundle. ``.ci/run`` installs all of them first. See installer/README.md.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "installer"))  # pe.py, wine_icu_stub.py
_spec = importlib.util.spec_from_file_location("installer_build", ROOT / "installer" / "build.py")
build = sys.modules["installer_build"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

try:
    from packaging.requirements import Requirement
except ImportError:  # pip always carries a copy
    from pip._vendor.packaging.requirements import Requirement

PACKAGING = os.environ.get("RECEPTION_PACKAGING") == "1" or os.environ.get("CI") == "true"
needs_packaging = pytest.mark.skipif(
    not PACKAGING, reason="packaging build: set RECEPTION_PACKAGING=1 (CI=true turns it on)")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _pyproject_dependencies() -> list[Requirement]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return [Requirement(d) for d in data["project"]["dependencies"]]


# ---------------------------------------------------------------- the lock file


def test_lock_covers_every_pyproject_dependency():
    pins = {p.name: p.version for p in build.read_lock()}
    problems = []
    for req in _pyproject_dependencies():
        name = build.canonical(req.name)
        if name not in pins:
            problems.append(f"{req} is not in requirements.lock")
        elif not req.specifier.contains(pins[name], prereleases=True):
            problems.append(f"{req}: requirements.lock pins {pins[name]}")
    assert not problems, problems
    assert "pypdf" in pins  # run-time: the print log reads PDFs back


def test_lock_has_one_pin_per_package_sorted():
    names = [p.name for p in build.read_lock()]
    assert names == sorted(set(names))


def test_test_environment_is_installed_from_the_lock():
    """README/CI install with ``-c installer/requirements.lock``: the versions tested are the
    versions shipped in the Windows installer."""
    from importlib.metadata import PackageNotFoundError, version

    wrong = []
    for pin in build.read_lock():
        try:
            got = version(pin.name)
        except PackageNotFoundError:
            got = None
        if got is None or build.canonical(got) != build.canonical(pin.version):
            wrong.append(f"{pin.name}: lock {pin.version}, installed {got}")
    assert not wrong, wrong


def test_the_bundle_keeps_every_qt_module_the_program_imports():
    used = set()
    for folder in ("app", "ui", "db"):
        for path in (ROOT / folder).rglob("*.py"):
            used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text("utf-8")))
            for names in re.findall(r"from PySide6 import ([\w, ()]+)", path.read_text("utf-8")):
                used |= {n.strip("() ") for n in names.split(",") if n.strip("() ").startswith("Qt")}
    assert used, "no Qt import found: the scan is broken"
    assert used <= set(build.QT_MODULES_USED), used - set(build.QT_MODULES_USED)


# ---------------------------------------------------------------- Windows installer


@pytest.fixture(scope="module")
def windows_build(tmp_path_factory):
    missing = [t for t in ("makensis", "osslsigncode") if shutil.which(t) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (Debian: apt-get install nsis osslsigncode)")
    if sys.version_info[:2] != (3, 11):
        pytest.skip("the installer's byte-code is built with the bundled runtime's Python, 3.11")
    dist = tmp_path_factory.mktemp("dist")
    proc = subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"), "--dist", str(dist)],
                          capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    version = build.app_version()
    exe = dist / f"ReceptionDesk-{version}-setup.exe"
    manifest = json.loads((dist / f"ReceptionDesk-{version}-setup.manifest.json").read_text("utf-8"))
    return exe, manifest, proc.stdout


@needs_packaging
@pytest.mark.slow
def test_installer_is_a_64_bit_windows_executable_of_reasonable_size(windows_build):
    exe, manifest, _ = windows_build
    data = exe.read_bytes()
    assert data[:2] == b"MZ"
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    assert data[pe:pe + 4] == b"PE\0\0"
    assert struct.unpack_from("<H", data, pe + 4)[0] == 0x8664  # x64 (NSIS amd64-unicode)
    assert 30e6 < len(data) < 150e6, len(data)
    # Version information in the file properties (VIProductVersion / VIAddVersionKey).
    assert "Reception Desk".encode("utf-16-le") in data
    assert manifest["version"].encode("utf-16-le") in data


@needs_packaging
@pytest.mark.slow
def test_payload_has_a_windows_wheel_of_every_locked_dependency(windows_build):
    _, manifest, _ = windows_build
    pins = {p.name: p.version for p in build.read_lock()}
    wheels = {w["name"]: w for w in manifest["wheels"]}
    assert set(wheels) == set(pins)
    files = {f["path"] for f in manifest["files"]}
    for name, version in pins.items():
        wheel = wheels[name]
        assert wheel["version"] == version
        _, _, _, abi, platform = build.wheel_tags(wheel["file"])
        assert platform == "win_amd64" or (platform == "any" and abi == "none"), wheel["file"]
        dist_info = [f for f in files if f.startswith("lib/") and f.endswith(".dist-info/METADATA")
                     and build.canonical(f.split("/")[1][:-len(".dist-info")].rsplit("-", 1)[0]) == name]
        assert dist_info, f"{name} is not unpacked into lib/"


@needs_packaging
@pytest.mark.slow
def test_runtime_is_signed_by_the_python_software_foundation(windows_build):
    _, manifest, out = windows_build
    sigs = {s["file"]: s for s in manifest["runtime"]["signatures"]}
    assert set(sigs) == set(build.SIGNED_BY_PSF)
    for sig in sigs.values():
        assert sig["signer"].endswith(build.PSF_SUBJECT) and sig["result"] == "Succeeded"
    assert out.count("signature ok:") == len(build.SIGNED_BY_PSF)


@needs_packaging
@pytest.mark.slow
def test_signature_check_refuses_a_modified_or_unsigned_runtime(windows_build, tmp_path):
    python_exe = build.HERE / "cache" / "staging" / "python" / "python.exe"
    build.verify_psf_signature(python_exe)  # the real one passes
    tampered = tmp_path / "python.exe"
    data = bytearray(python_exe.read_bytes())
    data[0x400] ^= 0xFF  # one byte of code
    tampered.write_bytes(bytes(data))
    with pytest.raises(build.BuildError, match="not a valid Python Software Foundation signature"):
        build.verify_psf_signature(tampered)
    unsigned = build.HERE / "cache" / "staging" / "reception.exe"  # our own launcher
    with pytest.raises(build.BuildError):
        build.verify_psf_signature(unsigned)


@needs_packaging
@pytest.mark.slow
def test_entry_points_migrations_translations_and_font_are_inside(windows_build):
    _, manifest, _ = windows_build
    files = {f["path"] for f in manifest["files"]}
    expected = {"reception.exe", "ReceptionDesk.exe", "python/python.exe", "python/pythonw.exe",
                "lib/app/__main__.py", "lib/app/cli.py", "lib/db/migrations/env.py",
                "lib/PySide6/lrelease.exe", "lib/PySide6/plugins/platforms/qwindows.dll",
                "lib/PySide6/plugins/platforms/qoffscreen.dll"}
    expected |= {f"lib/db/migrations/versions/{p.name}"
                 for p in (ROOT / "db" / "migrations" / "versions").glob("*.py")}
    expected |= {f"lib/resources/{p.relative_to(ROOT / 'resources').as_posix()}"
                 for p in (ROOT / "resources").rglob("*") if p.is_file() and p.suffix in (".ts", ".ttf", ".ttc")}
    assert expected <= files, sorted(expected - files)
    pyside = [f for f in files if f.startswith("lib/PySide6/")]
    assert pyside and not any("/qml/" in f or f.endswith(".pyi") or "Quick" in f for f in pyside)
    # The byte-code is there (Program Files is read-only) and every file made it into NSIS.
    assert "lib/app/__pycache__/cli.cpython-311.pyc" in files
    listed = (build.HERE / "cache" / "install-files.nsh").read_text("utf-8")
    assert listed.count("\nFile ") + listed.startswith("File ") == len(files) + 1  # + manifest.json


@needs_packaging
@pytest.mark.slow
def test_staging_again_gives_the_same_files(windows_build, tmp_path):
    """Reproducible: the same inputs give the same file list, sizes and hashes."""
    _, manifest, _ = windows_build
    proc = subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"), "--stage-only",
                           "--dist", str(tmp_path)], capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    again = json.loads(next(tmp_path.glob("*.manifest.json")).read_text("utf-8"))
    assert again == manifest


# ---------------------------------------------------------------- under Wine


def _wine_env(prefix: Path) -> dict:
    # Wine hands the Unix environment to Windows programs: the tests' RECEPTION_HOME would
    # move the program's data folder. HOME inside the test folder, because Wine links the
    # prefix's Desktop and Documents to $HOME and writes menu entries for new shortcuts under
    # $HOME/.local and $HOME/.config (they would land in the real home).
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECEPTION_")}
    home = prefix.parent / "home"
    home.mkdir(parents=True, exist_ok=True)
    return dict(env, HOME=str(home), WINEPREFIX=str(prefix), WINEDEBUG="-all",
                WINEDLLOVERRIDES="mscoree,mshtml=", QT_QPA_PLATFORM="offscreen")


def _wine(prefix: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    # stdin from /dev/null, output through pipes: Wine 8 gives a Windows program redirected to
    # a *file* an invalid standard handle, and Python stops at start-up.
    return subprocess.run(["wine", *args], env=_wine_env(prefix), stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, encoding="utf-8", errors="replace",
                          timeout=timeout)


def _wine_smoke(prefix: Path, exe: Path, *args: str, timeout: int = 600) -> tuple[dict, bool, str]:
    """Run ``exe --smoke …`` under Wine: (the JSON report, whether it exited by itself, stderr).

    Under Wine 8 the program prints its report within seconds but then spends minutes busy
    inside Qt6Widgets while its window closes (installer/README.md); once the report is in, it
    gets 60 s to exit and then this prefix's Wine server is told to end its processes.
    """
    def end_prefix() -> None:
        subprocess.run(["wineserver", "-k"], env=_wine_env(prefix), timeout=60, check=False)

    proc = subprocess.Popen(["wine", str(exe), "--smoke", *args], env=_wine_env(prefix),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
    killer = threading.Timer(timeout, end_prefix)
    killer.start()
    try:
        line = proc.stdout.readline()
    finally:
        killer.cancel()
    try:
        proc.wait(60)
        exited = True
    except subprocess.TimeoutExpired:
        end_prefix()
        proc.wait(60)
        exited = False
    err = proc.stderr.read()
    assert line.strip(), f"no --smoke report (exit {proc.returncode}):\n{err[-2000:]}"
    if exited:
        assert proc.returncode == 0, err[-2000:]
    return json.loads(line), exited, err


@pytest.fixture(scope="module")
def wine_install(windows_build, tmp_path_factory):
    if shutil.which("wine") is None:
        pytest.skip("wine not installed (Debian: apt-get install wine)")
    exe, _, _ = windows_build
    prefix = tmp_path_factory.mktemp("wine") / "prefix"
    subprocess.run(["wineboot", "-i"], env=_wine_env(prefix), stdin=subprocess.DEVNULL,
                   capture_output=True, timeout=600, check=True)
    proc = _wine(prefix, str(exe), "/S")
    assert proc.returncode == 0, proc.stderr[-2000:]
    target = prefix / "drive_c" / "Program Files" / "ReceptionDesk"
    assert (target / "reception.exe").exists()
    # Wine 8 lacks the ICU DLL Windows 10+ has in System32 (Qt6Core.dll imports it): a
    # stand-in goes into the prefix, never into the installer (installer/wine_icu_stub.py).
    from wine_icu_stub import main as make_icu_stub

    make_icu_stub([str(target / "lib" / "PySide6" / "Qt6Core.dll"),
                   str(prefix / "drive_c" / "windows" / "system32" / "icuuc.dll")])
    return prefix, target


@needs_packaging
@pytest.mark.slow
def test_install_start_and_uninstall_under_wine(wine_install):
    """One test, in this order: the uninstall at the end removes what the rest looks at."""
    prefix, target = wine_install
    assert (target / "uninstall.exe").exists() and (target / "python" / "pythonw.exe").exists()
    lnk = "Reception Desk 前台服务台.lnk"
    start_menu = (prefix / "drive_c" / "ProgramData" / "Microsoft" / "Windows" / "Start Menu"
                  / "Programs" / lnk)
    assert start_menu.exists()
    assert list((prefix / "drive_c" / "users").glob(f"*/Desktop/{lnk}"))
    assert "Uninstall\\\\ReceptionDesk" in (prefix / "system.reg").read_text("utf-8", "replace")

    proc = _wine(prefix, str(target / "reception.exe"), "--version", timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == f"Reception Desk {build.app_version()}"

    report, exited, _ = _wine_smoke(prefix, target / "reception.exe", "--lang", "zh_CN")
    print(f"--smoke under Wine exited by itself: {exited}")
    assert report["language"] == "zh_CN" and report["version"] == build.app_version()
    assert report["tabs"] and all(CJK.search(t) for t in report["tabs"]), report["tabs"]
    assert report["schema"]
    assert "/AppData/Local/ReceptionDesk/" in report["database"], report["database"]
    data = list((prefix / "drive_c" / "users").glob("*/AppData/Local/ReceptionDesk"))
    assert data and list(data[0].glob("*.sqlite*")), "the database goes to %LOCALAPPDATA%"

    # The uninstaller removes the program and keeps the user's database. (_?= makes NSIS run
    # in place and wait, so uninstall.exe itself stays behind.)
    proc = _wine(prefix, str(target / "uninstall.exe"), "/S", "_?=C:\\Program Files\\ReceptionDesk")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert not (target / "lib").exists() and not (target / "python").exists()
    assert not start_menu.exists()
    assert list(data[0].glob("*.sqlite*")), "the uninstaller deleted the user's database"


# ---------------------------------------------------------------- PyInstaller, Linux


@needs_packaging
@pytest.mark.slow
def test_pyinstaller_linux_bundle_starts(tmp_path):
    pytest.importorskip("PyInstaller", reason="pip install -r installer/build-requirements.txt")
    proc = subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"), "--linux-bundle",
                           "--dist", str(tmp_path / "dist")],
                          capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    exe = Path(proc.stdout.strip().splitlines()[-1])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RECEPTION_HOME=str(tmp_path / "home"))
    env.pop("RECEPTION_DB", None)
    out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, env=env, timeout=120)
    assert out.stdout.strip() == f"Reception Desk {build.app_version()}", out.stderr
    out = subprocess.run([str(exe), "--smoke", "--lang", "zh_CN"], capture_output=True, text=True,
                         env=env, timeout=300)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["language"] == "zh_CN" and report["schema"]
    assert all(CJK.search(t) for t in report["tabs"]), report["tabs"]  # translations compiled


def test_smoke_report_is_written_whatever_the_output_encoding(tmp_path):
    """On Windows a pipe or file gets the ANSI code page (cp1252 on an English PC): the Chinese
    tab names once stopped the report and left ``--smoke`` hanging (found under Wine)."""
    env = dict(os.environ, PYTHONIOENCODING="cp1252", QT_QPA_PLATFORM="offscreen",
               RECEPTION_HOME=str(tmp_path))
    env.pop("RECEPTION_DB", None)
    proc = subprocess.run([sys.executable, "-m", "app", "--smoke", "--lang", "zh_CN"], cwd=ROOT,
                          env=env, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-2000:]
    report = json.loads(proc.stdout.decode("utf-8").strip().splitlines()[-1])
    assert all(CJK.search(t) for t in report["tabs"]), report["tabs"]
