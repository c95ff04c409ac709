"""``reception scan-test`` against a pseudo-terminal acting as the scanner."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.scanner_helpers import PtyScanner

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


def start(args: list[str], home: Path) -> subprocess.Popen:
    env = {**os.environ, "RECEPTION_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    env.pop("RECEPTION_DB", None)
    return subprocess.Popen([sys.executable, "-m", "app", "scan-test", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")


def wait_ready(proc: subprocess.Popen) -> str:
    """The first line on stderr says the port is open (or why it is not)."""
    line = proc.stderr.readline()
    if "reading" not in line:  # show everything it said
        line += proc.communicate(timeout=20)[1]
    return line


@pytest.fixture
def pty(tmp_path):
    device = PtyScanner(tmp_path)
    yield device
    device.close()


def test_prints_one_json_line_per_scan_and_exits_after_count(pty, tmp_path):
    proc = start(["--port", str(pty.port), "--count", "3"], tmp_path / "home")
    try:
        assert "reading" in wait_ready(proc)
        pty.write(b"]C1K00012345\r")
        pty.write(b"\x01\x02bad\r")  # garbage: an error line, not counted as a scan
        pty.write("钥匙V-8\r".encode("gbk") + b"]E06901234567892\r\n")
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 4
    first, bad, gbk, ean = lines
    assert {k: first[k] for k in ("raw", "text", "kind", "symbology", "aim_id", "encoding")} == {
        "raw": "]C1K00012345", "text": "K00012345", "kind": "key_tag", "symbology": "gs1-128",
        "aim_id": "]C1", "encoding": "ascii"}
    assert first["scanner"] == str(pty.port) and first["rule"] == r"^K\d{4,8}$" and first["time"]
    assert bad["error"] == "scan.garbage" and bad["raw"] == "\\x01\\x02bad" and "control" in bad["message"]
    assert (gbk["text"], gbk["encoding"], gbk["kind"]) == ("钥匙V-8", "gbk", "unknown")
    assert gbk["raw"] == "\\xd4\\xbf\\xb3\\xd7V-8"
    # a product EAN-13 (69… China) is no longer taken for a parcel (the old permissive rule did)
    assert (ean["text"], ean["symbology"], ean["kind"]) == ("6901234567892", "ean13", "unknown")
    assert "carrier" not in ean
    assert "Traceback" not in err


def test_ctrl_c_ends_with_status_0(pty, tmp_path):
    proc = start(["--port", str(pty.port)], tmp_path / "home")
    try:
        assert "reading" in wait_ready(proc)
        pty.write(b"V1\r")
        assert json.loads(proc.stdout.readline())["text"] == "V1"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def test_unplugged_while_running_says_so_and_carries_on(pty, tmp_path):
    proc = start(["--port", str(pty.port), "--count", "1"], tmp_path / "home")
    try:
        assert "reading" in wait_ready(proc)
        pty.unplug()
        assert "disconnected" in proc.stderr.readline()
        assert "reconnecting" in proc.stderr.readline()
        pty.replug()
        assert "connected" in proc.stderr.readline()
        pty.write(b"K4321\r")
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 0
    assert json.loads(out)["text"] == "K4321"


def test_a_port_that_cannot_be_opened_fails_clearly(tmp_path):
    proc = start(["--port", str(tmp_path / "COM99")], tmp_path / "home")
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 1
    assert out == ""
    assert err.startswith(f"cannot open {tmp_path / 'COM99'}:") and "Traceback" not in err


def test_bad_arguments_are_usage_errors(tmp_path):
    proc = start(["--port", "loop://", "--baud", "1234"], tmp_path / "home")
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 2 and "--baud" in err


def test_kinds_follow_the_rules_in_the_database(pty, tmp_path, svc):
    from tests.conftest import sign_in_as

    sign_in_as(svc, "super")
    svc.settings.set("scanner.rules", [{"kind": "key_tag", "pattern": r"^KEY-\d+$", "description": ""}])
    url = str(svc.ctx.db.engine.url)
    proc = start(["--port", str(pty.port), "--count", "2", "--db", url], tmp_path / "home")
    try:
        assert "reading" in wait_ready(proc)
        pty.write(b"KEY-17\rK1234\r")
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert [json.loads(line)["kind"] for line in out.splitlines()] == ["key_tag", "unknown"]


def test_a_configured_scanner_can_be_named_instead_of_its_port(pty, tmp_path):
    """``--port NAME`` of a scanner in this PC's scanners.json uses its settings (prefix here)."""
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    (home / "data" / "scanners.json").write_text(json.dumps({"version": 1, "scanners": [
        {"name": "前台", "port": str(pty.port), "prefix": "#", "terminator": "LF"}]}), encoding="utf-8")
    proc = start(["--port", "前台", "--count", "1"], home)
    try:
        assert "reading" in wait_ready(proc)
        pty.write(b"#V5\n")
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    line = json.loads(out)
    assert (line["text"], line["raw"], line["scanner"]) == ("V5", "#V5", "前台")
