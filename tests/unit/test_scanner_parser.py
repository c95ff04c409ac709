"""The scanner line parser: exact cases, then hypothesis fuzzing of chunking, line ends and bytes."""

from __future__ import annotations

import os
import string

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.devices.line_parser import (
    MAX_LINE_CHARS,
    LineParser,
    ScanError,
    ScanEvent,
    decode_line,
    escape_bytes,
)
from app.devices.recognition import (
    DEFAULT_RULES,
    default_rules,
    default_rules_data,
    recognize,
    rules_from_data,
    validate_rules_data,
)
from app.errors import DomainError

# derandomize: the same examples on every run (a test suite must not fail by luck); to fuzz
# harder, run with HYPOTHESIS_FUZZ=1 for fresh random examples, 20 times as many.
_HARD = bool(os.environ.get("HYPOTHESIS_FUZZ"))
FUZZ = settings(max_examples=6000 if _HARD else 300, derandomize=not _HARD, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def scans(events):
    return [e for e in events if isinstance(e, ScanEvent)]


def errors(events):
    return [e for e in events if isinstance(e, ScanError)]


# -- exact cases -------------------------------------------------------------------------------


@pytest.mark.parametrize("end", [b"\r", b"\n", b"\r\n"])
@pytest.mark.parametrize("configured", ["CR", "LF", "CRLF"])
def test_every_line_end_is_accepted_whatever_is_configured(end, configured):
    p = LineParser(configured)
    out = p.feed(b"K1234" + end + b"V12" + end, now=0.0)
    assert [e.text for e in out] == ["K1234", "V12"]
    assert not errors(out)


def test_a_code_split_anywhere_comes_out_whole():
    p = LineParser("CRLF")
    out = []
    for i, b in enumerate(b"]C1K00012345\r\nV-7\r\n"):
        out += p.feed(bytes([b]), now=i * 0.001)
    assert [(e.text, e.symbology, e.aim_id) for e in out] == [("K00012345", "gs1-128", "]C1"), ("V-7", None, None)]


@pytest.mark.parametrize("aim, name", [("]C0", "code128"), ("]C1", "gs1-128"), ("]E0", "ean13"), ("]E4", "ean8"),
                                       ("]Q1", "qr"), ("]d2", "datamatrix"), ("]A0", "code39"), ("]X0", "other"),
                                       ("]I1", "itf"), ("]L2", "pdf417")])
def test_aim_identifiers_are_removed_and_reported(aim, name):
    [e] = LineParser().feed(f"{aim}6901234567892\r".encode(), now=0)
    assert (e.text, e.symbology, e.aim_id) == ("6901234567892", name, aim)


def test_prefix_and_suffix_are_stripped_around_the_aim_identifier():
    p = LineParser("CR", prefix="\x02", suffix="\x03")
    [e] = p.feed(b"\x02]Q1R2026-000123\x03\r", now=0)
    assert (e.text, e.aim_id, e.raw) == ("R2026-000123", "]Q1", b"\x02]Q1R2026-000123\x03")
    # absent prefix/suffix: the code is taken as it is
    [e] = p.feed(b"K5555\r", now=5)
    assert e.text == "K5555"


def test_encodings_are_told_apart_and_reported():
    p = LineParser()
    out = p.feed("钥匙K1\r".encode("utf-8") + "钥匙K2\r".encode("gbk") + "㐀K3\r".encode("gb18030")
                 + b"K4\r" + b"\xff\xfeK5\r", now=0)
    assert [(e.text, e.encoding) for e in scans(out)] == [("钥匙K1", "utf-8"), ("钥匙K2", "gbk"),
                                                         ("㐀K3", "gb18030"), ("K4", "ascii")]
    [bad] = errors(out)
    assert bad.key == "scan.decoding" and bad.raw == b"\xff\xfeK5"


def test_control_characters_are_garbage_but_gs1_separators_are_not():
    p = LineParser()
    out = p.feed(b"\x00\x00\x00\rK12\x1b34\r]C1010123456789012810ABC\x1d17250101\r", now=0)
    assert [e.key for e in errors(out)] == ["scan.garbage", "scan.garbage"]
    assert [e.text for e in scans(out)] == ["010123456789012810ABC\x1d17250101"]


def test_an_over_long_line_is_rejected_and_the_parser_resyncs_at_the_next_line_end():
    p = LineParser()
    out = p.feed(b"A" * 300 + b"\rK1234\r", now=0)
    assert [type(e).__name__ for e in out] == ["ScanError", "ScanEvent"]
    assert out[0].key == "scan.too_long" and out[0].params["max"] == MAX_LINE_CHARS
    assert out[1].text == "K1234"
    # a stream that never ends a line: reported once, the buffer stops growing, then resync
    out = []
    for i in range(100):
        out += p.feed(b"B" * 100, now=10 + i * 0.01)
    assert [e.key for e in out] == ["scan.too_long"]
    assert len(p._buf) == 0
    out = p.feed(b"junk\rV1\r", now=11.0)  # still the same stream: skipped to its line end
    assert [e.text for e in out] == ["V1"]


def test_exactly_256_characters_is_still_a_scan():
    [e] = LineParser().feed(b"X" * 256 + b"\r", now=0)
    assert isinstance(e, ScanEvent) and len(e.text) == 256
    [e] = LineParser().feed("钥" .encode() * 256 + b"\r", now=0)  # 768 bytes, 256 characters
    assert isinstance(e, ScanEvent)
    [e] = LineParser().feed("钥".encode() * 257 + b"\r", now=0)
    assert e.key == "scan.too_long"


def test_double_read_within_a_second_is_an_error_not_a_second_scan():
    p = LineParser()
    assert scans(p.feed(b"K1234\r", now=100.0))
    [e] = p.feed(b"K1234\r", now=100.4)
    assert e.key == "scan.double_read" and e.params["text"] == "K1234"
    assert scans(p.feed(b"V1\r", now=100.5))  # another code is fine
    assert scans(p.feed(b"K1234\r", now=101.01))  # a second after the accepted read: a new scan


def test_partial_line_is_dropped_after_silence_and_not_glued_to_the_next():
    p = LineParser("CR", partial_timeout=1.0)
    assert p.feed(b"K12", now=0) == []
    assert p.flush_idle(now=0.5) == []
    [e] = p.flush_idle(now=1.2)
    assert e.key == "scan.partial" and e.raw == b"K12"
    assert [e.text for e in p.feed(b"V9\r", now=2)] == ["V9"]
    # without a flush call, the next chunk after the silence still separates them
    p.feed(b"K12", now=10)
    out = p.feed(b"V8\r", now=12)
    assert [getattr(e, "key", None) or e.text for e in out] == ["scan.partial", "V8"]


def test_no_terminator_ends_a_code_after_the_idle_timeout():
    p = LineParser("none", idle_timeout=0.1)
    assert p.feed(b"K12", now=0.00) == []
    assert p.feed(b"34", now=0.05) == []
    assert p.next_deadline() == pytest.approx(0.15)
    assert p.flush_idle(now=0.1) == []
    [e] = p.flush_idle(now=0.2)
    assert e.text == "K1234"
    out = p.feed(b"V1", now=1.0) + p.feed(b"V2", now=1.5) + p.flush_idle(now=2)
    assert [e.text for e in out] == ["V1", "V2"]


def test_blank_lines_and_whitespace():
    p = LineParser()
    out = p.feed(b"\r\n\r\n  K1234 \r   \r", now=0)
    assert [e.text for e in scans(out)] == ["K1234"]
    assert [e.key for e in errors(out)] == ["scan.empty"]


def test_escape_bytes_is_unambiguous():
    assert escape_bytes(b"A\\\r\n\t\x02\xff ") == "A\\\\\\r\\n\\t\\x02\\xff "


# -- recognition ---------------------------------------------------------------------------------


@pytest.mark.parametrize("code, kind", [
    ("K1234", "key_tag"), ("K12345678", "key_tag"), ("K123", "unknown"), ("V1", "visitor_badge"),
    ("V-000123", "visitor_badge"), ("P1234567", "pass"), ("R2026-000123", "receipt"), ("RT2026-000007", "receipt"),
    ("R2026-000123|2038.45|2026-11-23|1A2B3C4D", "receipt"),
    ("SF1234567890123", "parcel"), ("YT1234567890123", "parcel"), ("EA123456789CN", "parcel"),
    ("773012345678", "parcel"), ("hello", "unknown"), ("A-1203", "unknown"),
])
def test_default_rules(code, kind):
    assert recognize(code, default_rules()).kind == kind


def test_rules_are_ordered_data_and_validated():
    data = default_rules_data()
    assert [r["kind"] for r in data][:2] == ["key_tag", "visitor_badge"] and data[-1]["kind"] == "parcel"
    assert data == [dict(r) for r in DEFAULT_RULES] and data is not DEFAULT_RULES
    # the first matching rule wins
    rules = rules_from_data([{"kind": "parcel", "pattern": "^K", "description": ""}, *data])
    assert recognize("K1234", rules).kind == "parcel"
    with pytest.raises(DomainError) as e:
        validate_rules_data([*data, {"kind": "key_tag", "pattern": "^K(\\d+", "description": ""}])
    assert e.value.key == "scanner.rule_pattern_invalid" and e.value.params["row"] == len(data) + 1
    with pytest.raises(DomainError) as e:
        validate_rules_data([{"kind": "pizza", "pattern": "x"}])
    assert e.value.key == "scanner.rule_kind_unknown"
    with pytest.raises(DomainError):
        validate_rules_data("not a list")
    # bad stored data never breaks scanning: the defaults apply
    assert [r.kind for r in rules_from_data({"x": 1})] == [r["kind"] for r in data]


def test_rules_setting_is_stored_in_the_shared_database(svc):
    from tests.conftest import sign_in_as

    services = svc

    assert services.settings.get("scanner.rules") == default_rules_data()
    new = [{"kind": "key_tag", "pattern": r"^KEY\d+$", "description": "new cabinet"}, *default_rules_data()]
    sign_in_as(services, "super")
    services.settings.set("scanner.rules", new)
    assert services.settings.get("scanner.rules") == new
    with pytest.raises(DomainError) as e:
        services.settings.set("scanner.rules", [{"kind": "key_tag", "pattern": "(", "description": ""}])
    assert e.value.key == "scanner.rule_pattern_invalid"
    sign_in_as(services, "reception")
    with pytest.raises(DomainError) as e:
        services.settings.set("scanner.rules", new)
    assert e.value.key == "auth.role_required"


# -- fuzzing -------------------------------------------------------------------------------------

CODE_CHARS = string.ascii_uppercase + string.digits + "-/."
CHINESE = "钥匙访客包裹收据中文测试楼栋单元号"
AIM_IDS = ["]C0", "]C1", "]E0", "]E4", "]Q1", "]Q3", "]d2", "]A0", "]I1", "]X0", "]e0", "]z0"]
# Bytes that can be neither a character of a code nor part of a UTF-8/GBK/GB18030 sequence's
# trail: each makes a line undecodable or decodes to a control character.
# (STX/ETX are left out: they are the prefix/suffix of some streams below.)
BAD_BYTES = [b for b in range(0x20) if b not in (0x0D, 0x0A, 0x09, 0x1D, 0x02, 0x03)] + [0x7F, 0xFF]


@st.composite
def good_lines(draw, prefix: str, suffix: str):
    """(bytes of one valid line without its end, expected text, expected encoding)."""
    text = draw(st.text(alphabet=CODE_CHARS, min_size=1, max_size=40))
    encoding = "ascii"
    if draw(st.booleans()):
        text = draw(st.text(alphabet=CHINESE, min_size=1, max_size=6)) + text
        encoding = draw(st.sampled_from(["utf-8", "gbk"]))
    body = text
    if draw(st.booleans()):
        body = draw(st.sampled_from(AIM_IDS)) + body
    raw = (prefix + body + suffix).encode("utf-8" if encoding == "ascii" else encoding)
    if encoding == "gbk":
        try:
            raw.decode("utf-8")
            encoding = "utf-8-too"  # GBK bytes that happen to be valid UTF-8 as well: skip
        except UnicodeDecodeError:
            pass
    return raw, text, encoding


@st.composite
def garbage_lines(draw):
    """Random bytes with at least one byte no scanner sends and no decoding accepts as text."""
    noise = draw(st.binary(max_size=30).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b"")))
    bad = bytes([draw(st.sampled_from(BAD_BYTES))])
    at = draw(st.integers(0, len(noise)))
    return noise[:at] + bad + noise[at:]


@st.composite
def streams(draw):
    terminator = draw(st.sampled_from(["CR", "LF", "CRLF"]))
    prefix = draw(st.sampled_from(["", "\x02", "#", "~~"]))
    suffix = draw(st.sampled_from(["", "\x03", "!"]))
    items = draw(st.lists(st.one_of(
        good_lines(prefix, suffix).map(lambda x: ("good",) + x),
        garbage_lines().map(lambda b: ("garbage", b, None, None)),
        st.integers(MAX_LINE_CHARS + 1, 1500).map(lambda n: ("long", b"L" * n, None, None)),
    ), min_size=1, max_size=12))
    ends = draw(st.lists(st.sampled_from([b"\r", b"\n", b"\r\n"]), min_size=len(items), max_size=len(items)))
    data = b"".join(item[1] + end for item, end in zip(items, ends))
    cuts = sorted(draw(st.lists(st.integers(0, len(data)), max_size=20)))
    return terminator, prefix, suffix, items, data, cuts


def chunked(data: bytes, cuts: list[int]) -> list[bytes]:
    bounds = [0, *cuts, len(data)]
    return [data[a:b] for a, b in zip(bounds, bounds[1:])]


@FUZZ
@given(streams())
def test_fuzz_stream_of_good_bad_and_long_lines(stream):
    terminator, prefix, suffix, items, data, cuts = stream
    assume(all(item[3] != "utf-8-too" for item in items))
    p = LineParser(terminator, prefix=prefix, suffix=suffix, double_read_window=0)
    out = []
    for i, chunk in enumerate(chunked(data, cuts)):
        out += p.feed(chunk, now=i * 0.001)  # a fast burst: no timeout in between
    expected = [(item[2], item[3]) for item in items if item[0] == "good"]
    assert [(e.text, e.encoding) for e in scans(out)] == expected
    # every bad line gave exactly one error, and no scan came from one
    assert len(errors(out)) == sum(1 for item in items if item[0] != "good")
    assert all(e.key in ("scan.too_long", "scan.decoding", "scan.garbage", "scan.empty") for e in errors(out))
    assert not p.pending


@FUZZ
@given(st.binary(max_size=2000), st.lists(st.integers(0, 2000), max_size=30),
       st.sampled_from(["CR", "LF", "CRLF", "none"]), st.sampled_from(["", "\x02", "]"]),
       st.sampled_from(["", "\x03", "\r"]), st.lists(st.floats(0, 3), max_size=30))
def test_fuzz_arbitrary_bytes_never_raise_and_never_yield_junk(data, cuts, terminator, prefix, suffix, gaps):
    p = LineParser(terminator, prefix=prefix, suffix=suffix)
    now = 0.0
    out = []
    for i, chunk in enumerate(chunked(data, sorted(c for c in cuts if c <= len(data)))):
        now += gaps[i] if i < len(gaps) else 0.0
        out += p.feed(chunk, now=now)
        out += p.flush_idle(now)
    out += p.flush_idle(now + 10)
    assert not p.pending
    for e in out:
        assert isinstance(e, (ScanEvent, ScanError))
        if isinstance(e, ScanEvent):
            assert e.text and len(e.text) <= MAX_LINE_CHARS
            assert e.text == e.text.strip(" \t")
            assert not any(ord(c) < 32 and c != "\x1d" for c in e.text)
            assert "\ufffd" not in e.text
            assert decode_line(e.raw) is not None


@FUZZ
@given(st.lists(st.tuples(st.text(alphabet=CODE_CHARS, min_size=1, max_size=12), st.floats(0, 2)),
                min_size=1, max_size=20))
def test_fuzz_double_read_filter(reads):
    p = LineParser()
    now = 0.0
    accepted: dict[str, float] = {}
    for text, gap in reads:
        now += gap
        [e] = p.feed(text.encode() + b"\r", now=now)
        if text in accepted and now - accepted[text] < 1.0:
            assert e.key == "scan.double_read"
        else:
            assert isinstance(e, ScanEvent) and e.text == text
            accepted[text] = now


@FUZZ
@given(st.lists(st.text(alphabet=CODE_CHARS, min_size=1, max_size=20), min_size=1, max_size=8),
       st.lists(st.floats(0.001, 0.05), min_size=40, max_size=40), st.data())
def test_fuzz_no_terminator_with_idle_gaps(codes, byte_gaps, data):
    """Codes sent without line ends, fast within a code and with ≥ the idle timeout between."""
    p = LineParser("none", idle_timeout=0.1, double_read_window=0)
    now = 0.0
    out = []
    for code in codes:
        raw = code.encode()
        cuts = sorted(data.draw(st.lists(st.integers(0, len(raw)), max_size=4)))
        for i, chunk in enumerate(c for c in chunked(raw, cuts) if c):  # silence only between bytes
            out += p.feed(chunk, now=now)
            now += byte_gaps[i % len(byte_gaps)] * 0.9  # < idle timeout within a code
            out += p.flush_idle(now)
        now += 0.2
        out += p.flush_idle(now)
    assert [e.text for e in out] == codes
