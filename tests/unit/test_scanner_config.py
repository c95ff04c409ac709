"""Scanner settings: validation with message keys, and scanners.json in this PC's data folder."""

from __future__ import annotations

import json

import pytest

from app.devices.scanner_config import (
    ScannerConfig,
    ScannerSettings,
    WedgeConfig,
    escape_affix,
    load_scanner_settings,
    load_scanners,
    save_scanner_settings,
    save_scanners,
    scanners_path,
    unescape_affix,
)
from app.errors import DomainError, ValidationError
from app.paths import data_dir


def test_defaults_are_what_scanners_ship_with():
    c = ScannerConfig("front", "COM3")
    assert (c.baudrate, c.bytesize, c.parity, c.stopbits, c.terminator) == (9600, 8, "N", 1, "CR")
    assert c.validate() == c


def test_every_wrong_field_is_reported_at_once():
    bad = ScannerConfig(" ", "", baudrate=1234, bytesize=9, parity="X", stopbits=3, terminator="ETX",
                        idle_timeout_ms=0, prefix="a\rb", suffix="x" * 17, usb_vid=70000)
    with pytest.raises(ValidationError) as e:
        bad.validate()
    assert {k: v.key for k, v in e.value.fields.items()} == {
        "name": "scanner.name_required", "port": "scanner.port_required", "baudrate": "scanner.baudrate_invalid",
        "bytesize": "scanner.bytesize_invalid", "parity": "scanner.parity_invalid",
        "stopbits": "scanner.stopbits_invalid", "terminator": "scanner.terminator_invalid",
        "idle_timeout_ms": "scanner.idle_timeout_range", "prefix": "scanner.affix_line_end",
        "suffix": "text.too_long", "usb_vid": "scanner.usb_id_invalid",
    }


def test_names_and_ports_are_unique_among_scanners():
    s = ScannerSettings((ScannerConfig("A", "COM3"), ScannerConfig("a", "com3"), ScannerConfig("B", "COM3", enabled=False)))
    with pytest.raises(ValidationError) as e:
        s.validate()
    assert {k: v.key for k, v in e.value.fields.items()} == {"1.name": "scanner.name_taken", "1.port": "scanner.port_taken"}


def test_save_and_load_two_scanners_in_the_data_folder():
    scanners = [ScannerConfig("前台", "COM3", prefix="\x02", suffix="\x03", usb_vid=0x0403, usb_pid=0x6001,
                              usb_serial="A10K"),
                ScannerConfig("Back office", "socket://10.0.0.9:4001", terminator="none", idle_timeout_ms=80,
                              stopbits=1.5)]
    assert load_scanners() == []  # nothing configured yet
    save_scanner_settings(ScannerSettings(tuple(scanners), WedgeConfig(prefix="§", min_chars=8)))
    assert scanners_path() == data_dir() / "scanners.json"
    assert load_scanners() == scanners
    assert load_scanner_settings().wedge == WedgeConfig(prefix="§", min_chars=8)
    # replacing the scanners keeps the keyboard settings
    save_scanners(scanners[:1])
    assert load_scanner_settings() == ScannerSettings(tuple(scanners[:1]), WedgeConfig(prefix="§", min_chars=8))
    assert json.loads(scanners_path().read_text(encoding="utf-8"))["scanners"][0]["name"] == "前台"


def test_a_damaged_file_is_a_clear_error_not_a_traceback():
    scanners_path().write_text("{not json", encoding="utf-8")
    with pytest.raises(DomainError) as e:
        load_scanner_settings()
    assert e.value.key == "scanner.config_invalid" and "scanners.json" in e.value.params["path"]
    scanners_path().write_text(json.dumps({"scanners": [{"port": "COM1"}]}), encoding="utf-8")
    with pytest.raises(DomainError):
        load_scanner_settings()
    # a newer version's extra keys are ignored
    scanners_path().write_text(json.dumps({"version": 9, "scanners": [{"name": "A", "port": "COM1", "beep": True}]}),
                               encoding="utf-8")
    assert load_scanners() == [ScannerConfig("A", "COM1")]


def test_invalid_settings_are_not_saved():
    with pytest.raises(ValidationError):
        save_scanners([ScannerConfig("A", "")])
    assert not scanners_path().exists()


@pytest.mark.parametrize("text", ["", "abc", "\x02", "\x03\t\\", "前台\x1d"])
def test_affix_escaping_round_trips(text):
    assert unescape_affix(escape_affix(text)) == text
    assert all(ord(c) >= 32 for c in escape_affix(text))
