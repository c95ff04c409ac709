"""SerialScanner on real ports: a pseudo-terminal pair as the scanner, pyserial's loop:// and socket://."""

from __future__ import annotations

import socket
import sys
import threading
import time

import pytest

from app.devices.scanner_config import ScannerConfig
from app.devices.serial_reader import PortOpenError, SerialScanner, resolve_port
from tests.unit.scanner_helpers import PtyScanner, Recorder

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


@pytest.fixture
def pty(tmp_path):
    device = PtyScanner(tmp_path)
    yield device
    device.close()


@pytest.fixture
def started():
    """Start scanners; stop them all at the end whatever happened."""
    scanners = []

    def start(config: ScannerConfig, rec: Recorder, **kw) -> SerialScanner:
        s = SerialScanner(config, **rec.callbacks(), **kw)
        scanners.append(s)
        s.start()
        return s

    yield start
    for s in scanners:
        s.stop()


def test_scans_arrive_recognised_from_a_pty(pty, started):
    rec = Recorder()
    started(ScannerConfig("front", str(pty.port)), rec)
    rec.wait_state("connected")
    pty.write(b"]C1K00012345\r")
    pty.write(b"V-12\r\nP1234")  # a code split across writes
    time.sleep(0.01)
    pty.write(b"567\r")
    assert rec.wait_for(lambda r: len(r.scans) == 3)
    assert [(e.text, e.kind, e.source) for e in rec.scans] == [
        ("K00012345", "key_tag", "front"), ("V-12", "visitor_badge", "front"), ("P1234567", "pass", "front")]
    assert rec.scans[0].symbology == "gs1-128"


def test_bad_input_is_reported_and_the_reader_carries_on(pty, started):
    rec = Recorder()
    started(ScannerConfig("front", str(pty.port)), rec)
    rec.wait_state("connected")
    pty.write(b"\x00\xff\x13\r" + b"X" * 2000 + b"\r" + b"K1234\rK1234\r" + b"V1\r")
    assert rec.wait_for(lambda r: "V1" in r.texts())
    assert rec.texts() == ["K1234", "V1"]
    assert [e.key for e in rec.errors] == ["scan.decoding", "scan.too_long", "scan.double_read"]


def test_unplug_reports_reconnecting_and_replug_is_back_within_two_seconds(pty, started):
    rec = Recorder()
    scanner = started(ScannerConfig("front", str(pty.port)), rec)
    rec.wait_state("connected")
    pty.write(b"K1111\r")
    assert rec.wait_for(lambda r: r.texts() == ["K1111"])

    pty.unplug()  # the cable is pulled
    rec.wait_state("reconnecting")
    assert [e.key for e in rec.errors] == ["scanner.disconnected"]
    assert scanner.running
    time.sleep(0.6)  # stays away for a while: the retries must not pile up errors
    assert [e.key for e in rec.errors] == ["scanner.disconnected"]
    assert rec.state == "reconnecting"

    plugged = time.monotonic()
    pty.replug()
    connected_at = rec.wait_state("connected", timeout=5)
    assert connected_at - plugged < 2.0
    pty.write(b"K2222\r")
    assert rec.wait_for(lambda r: r.texts() == ["K1111", "K2222"])


def test_a_missing_port_is_retried_until_it_appears(tmp_path, started):
    rec = Recorder()
    port = tmp_path / "not-yet"
    started(ScannerConfig("late", str(port)), rec)
    rec.wait_state("reconnecting")
    assert [e.key for e in rec.errors] == ["scanner.open_failed"]
    device = PtyScanner(tmp_path, "not-yet")
    try:
        plugged = time.monotonic()
        assert rec.wait_state("connected") - plugged < 2.0
        device.write(b"V7\r")
        assert rec.wait_for(lambda r: r.texts() == ["V7"])
    finally:
        device.close()


def test_two_scanners_at_once(tmp_path, started):
    a, b = PtyScanner(tmp_path, "a"), PtyScanner(tmp_path, "b")
    try:
        rec = Recorder()
        started(ScannerConfig("A", str(a.port)), rec)
        started(ScannerConfig("B", str(b.port), terminator="LF", prefix="#"), rec)
        assert rec.wait_for(lambda r: [s for s, _ in r.states].count("connected") == 2)
        for i in range(10):
            a.write(f"K{1000 + i}\r".encode())
            b.write(f"#V{i}\n".encode())
        assert rec.wait_for(lambda r: len(r.scans) == 20)
        by_source = {"A": [], "B": []}
        for e in rec.scans:
            by_source[e.source].append(e.text)
        assert by_source == {"A": [f"K{1000 + i}" for i in range(10)], "B": [f"V{i}" for i in range(10)]}
        # one unplugged, the other keeps working
        a.unplug()
        assert rec.wait_for(lambda r: any(e.key == "scanner.disconnected" and e.source == "A" for e in r.errors))
        b.write(b"#V99\n")
        assert rec.wait_for(lambda r: "V99" in r.texts())
    finally:
        a.close()
        b.close()


def test_a_port_is_read_by_one_reader_only(pty, started):
    """A second reader on the same port (another program, scan-test while the counter runs)
    is refused instead of silently taking half of the bytes."""
    first, second = Recorder(), Recorder()
    started(ScannerConfig("first", str(pty.port)), first)
    first.wait_state("connected")
    started(ScannerConfig("second", str(pty.port)), second)
    second.wait_state("reconnecting")
    assert second.errors[0].key == "scanner.open_failed" and "lock" in second.errors[0].params["reason"]
    pty.write(b"K1234\r")
    assert first.wait_for(lambda r: r.texts() == ["K1234"])


def test_loop_url(started):
    rec = Recorder()
    scanner = started(ScannerConfig("loop", "loop://"), rec)
    rec.wait_state("connected")
    assert scanner.write(b"]Q1R2026-000123\r\n")
    assert rec.wait_for(lambda r: len(r.scans) == 1)
    e = rec.scans[0]
    assert (e.text, e.kind, e.symbology) == ("R2026-000123", "receipt", "qr")


def test_socket_url_and_idle_terminator(started):
    """A network scanner (socket://) sending codes with no line end at all."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    conn_holder = []
    accepted = threading.Thread(target=lambda: conn_holder.append(server.accept()[0]), daemon=True)
    accepted.start()
    rec = Recorder()
    started(ScannerConfig("net", f"socket://127.0.0.1:{server.getsockname()[1]}", terminator="none",
                          idle_timeout_ms=50), rec)
    rec.wait_state("connected")
    accepted.join(5)
    conn = conn_holder[0]
    try:
        conn.sendall(b"K12")
        time.sleep(0.01)
        conn.sendall(b"34")
        assert rec.wait_for(lambda r: r.texts() == ["K1234"])
        time.sleep(0.1)
        conn.sendall(b"V5")
        assert rec.wait_for(lambda r: r.texts() == ["K1234", "V5"])
    finally:
        conn.close()
        server.close()


def test_stop_is_clean_and_reported(pty, started):
    rec = Recorder()
    scanner = started(ScannerConfig("front", str(pty.port)), rec)
    rec.wait_state("connected")
    t0 = time.monotonic()
    scanner.stop()
    assert time.monotonic() - t0 < 1.0
    assert not scanner.running
    assert rec.state == "stopped"
    assert [s for s, _ in rec.states].count("stopped") == 1
    scanner.stop()  # twice is harmless


def test_a_failing_receiver_does_not_kill_the_reader(pty, started):
    rec = Recorder()

    def explode(event):  # noqa: ANN001
        rec.on_scan(event)
        raise RuntimeError("receiver bug")

    scanner = SerialScanner(ScannerConfig("front", str(pty.port)), on_scan=explode, on_state=rec.on_state)
    scanner.start()
    try:
        rec.wait_state("connected")
        pty.write(b"K1000\rK2000\r")
        assert rec.wait_for(lambda r: r.texts() == ["K1000", "K2000"])
        assert scanner.running
    finally:
        scanner.stop()


def test_disabled_or_portless_scanner_is_not_configured():
    rec = Recorder()
    s = SerialScanner(ScannerConfig("off", "loop://", enabled=False), **rec.callbacks())
    s.start()
    assert rec.state == "not_configured" and not s.running
    s2 = SerialScanner(ScannerConfig("none", "  "), **rec.callbacks())
    s2.start()
    assert not s2.running


def test_fail_fast_start_raises_a_clear_error(tmp_path):
    s = SerialScanner(ScannerConfig("x", str(tmp_path / "no-such-port")))
    with pytest.raises(PortOpenError) as e:
        s.start(fail_fast=True)
    assert e.value.key == "scanner.open_failed" and "no-such-port" in e.value.params["port"]
    assert not s.running


def test_usb_identity_that_is_not_plugged_in_falls_back_to_the_configured_name():
    cfg = ScannerConfig("usb", "/dev/ttyUSB7", usb_vid=0xFFFE, usb_pid=0xFFFD, usb_serial="nope")
    assert resolve_port(cfg) == "/dev/ttyUSB7"
    assert resolve_port(ScannerConfig("url", "socket://h:1", usb_vid=1, usb_pid=2)) == "socket://h:1"
