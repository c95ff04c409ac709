"""Every print attempt leaves its own PDF in the print folder."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.paths import print_dir
from app.printing.store import save_print

PDF = b"%PDF-1.4\n%fake but good enough\n"


def test_file_is_timestamped_and_in_the_print_folder():
    path = save_print(PDF, "visitor_slip", 42, now=datetime(2026, 11, 23, 9, 5, 7, 12))
    assert path.parent == print_dir()
    assert path.name == "20261123-090507-000012_visitor_slip_42.pdf"
    assert path.read_bytes() == PDF


def test_nothing_is_overwritten():
    at = datetime(2026, 11, 23, 9, 5, 7)
    paths = [save_print(PDF + bytes([i]), "visitor_slip", "V-1", now=at) for i in range(3)]
    assert len(set(paths)) == 3
    assert [p.read_bytes()[-1] for p in paths] == [0, 1, 2]


def test_names_are_safe_on_any_file_system():
    path = save_print(PDF, "../../etc", 'A/1:"张三"*?')
    assert path.parent == print_dir()
    assert all(c.isascii() and c not in '<>:"/\\|?*' for c in path.name)


def test_refuses_what_is_not_a_pdf():
    with pytest.raises(ValueError):
        save_print(b"hello", "x", 1)
