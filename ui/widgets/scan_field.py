"""A line edit for codes typed or scanned by a keyboard-wedge (USB HID) scanner.

Two jobs:

1. Input methods are off, so a Chinese IME cannot turn a scan into composition events.
2. It tells a scanner's burst of keys from a person typing, and emits ``sig_scanned(code)``
   for a burst:

   - with a **prefix** programmed into the scanner (``WedgeConfig.prefix``): whatever follows
     the prefix up to the suffix (or Enter) is a scan, however slow — the reliable way;
   - with only a **suffix**: the fast run of keys ending with the suffix;
   - otherwise by **timing**: at least ``min_chars`` characters, each less than
     ``max_gap_ms`` after the previous, then Enter as fast. People type a key every
     100–200 ms; scanners every few milliseconds.

   Typing stays typing: every key reaches the field as usual, and Backspace, arrows, a click
   or a pause start the count again. What happens to a detected scan depends on
   ``consume_scans``:

   - ``False`` (default, the field keeps working as before): the scanned characters are
     replaced by the clean code (prefix/suffix removed), ``sig_scanned`` is emitted, then the
     Enter goes through (``returnPressed``). ``last_entry_was_scan`` says which it was.
   - ``True``: the field is restored to what it held before the burst and the Enter is
     swallowed — only ``sig_scanned`` fires (a field that hands every scan to the router).

The app-wide wedge settings (``scanners.json``) are applied with ``set_default_wedge``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from app.devices.scanner_config import WedgeConfig

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass
class _Key:
    char: str
    at: float  # s
    text_before: str  # the field before this key, to restore it when the scan is consumed
    insert_at: int  # where the key's text went in (the selection's start, if any)
    replaced: int  # how many selected characters it replaced


class ScanLineEdit(QLineEdit):
    sig_scanned = Signal(str)
    """A keyboard-wedge scan, prefix and suffix removed."""

    _default_wedge = WedgeConfig()

    def __init__(self, parent: QWidget | None = None, *, wedge: WedgeConfig | None = None,
                 consume_scans: bool = False, clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        # With a Chinese IME active a keyboard-wedge scan arrives as composition events.
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.setMaxLength(64)
        self._wedge = wedge  # None: follow the application-wide default
        self.consume_scans = consume_scans
        self._clock = clock
        self._keys: list[_Key] = []
        self.last_entry_was_scan = False
        self._swallow_enter_until = 0.0

    # -- configuration -------------------------------------------------------------------

    @classmethod
    def set_default_wedge(cls, wedge: WedgeConfig) -> None:
        """The wedge settings of every field that was given none of its own."""
        cls._default_wedge = wedge

    @property
    def wedge(self) -> WedgeConfig:
        return self._wedge if self._wedge is not None else ScanLineEdit._default_wedge

    def set_wedge(self, wedge: WedgeConfig | None) -> None:
        self._wedge = wedge
        self._keys.clear()

    # -- key handling --------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        now = self._clock()
        key = event.key()
        if key in _ENTER_KEYS:
            if self.consume_scans and now <= self._swallow_enter_until:
                # The Enter a scanner may send after its suffix belongs to the scan just taken.
                self._swallow_enter_until = 0.0
                event.accept()
                return
            found = self._scan_ending(now, enter=True)
            self._keys.clear()
            self.last_entry_was_scan = found is not None
            if found is not None:
                self._apply(*found)
                if self.consume_scans:
                    event.accept()
                    return
            super().keyPressEvent(event)
            return
        text = event.text()
        mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        if text and text.isprintable() and not mods:
            sel = self.selectionStart() if self.hasSelectedText() else self.cursorPosition()
            self._keys.append(_Key(text, now, self.text(), sel, len(self.selectedText())))
            super().keyPressEvent(event)
            del self._keys[:-128]  # a stuck key must not grow the list forever
            if self.wedge.suffix:
                found = self._scan_ending(now, enter=False)
                if found is not None:
                    self._keys.clear()
                    self.last_entry_was_scan = True
                    self._swallow_enter_until = now + 0.2
                    self._apply(*found)
            return
        if key not in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                       Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock):
            self._keys.clear()  # Backspace, arrows, shortcuts: a person is editing
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self._keys.clear()
        super().focusOutEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802, ANN001
        self._keys.clear()  # the cursor moves: the record of what was typed where is stale
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:  # noqa: D102
        # Tab is taken for focus navigation before keyPressEvent: reset there too.
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self._keys.clear()
        return super().event(event)

    # -- detection -----------------------------------------------------------------------

    def _fast_run_start(self, now: float) -> int:
        """Index of the first key of the trailing run typed at scanner speed (ending ``now``)."""
        gap = self.wedge.max_gap_ms / 1000.0
        if not self._keys or now - self._keys[-1].at > gap:
            return len(self._keys)
        i = len(self._keys) - 1
        while i > 0 and self._keys[i].at - self._keys[i - 1].at <= gap:
            i -= 1
        return i

    def _scan_ending(self, now: float, *, enter: bool) -> tuple[str, _Key] | None:
        """``(code, first key of the scan)`` if the keys so far end a scan, else None.

        Called at Enter, and after each character when a suffix is configured.
        """
        w = self.wedge
        keys = self._keys
        if w.prefix:
            typed = "".join(k.char for k in keys)
            pos = typed.rfind(w.prefix)
            if pos < 0:
                return None
            code = typed[pos + len(w.prefix):]
            if w.suffix:
                if not code.endswith(w.suffix):
                    return None
                code = code[: -len(w.suffix)]
            elif not enter:
                return None
            return (code, keys[self._key_index(pos)]) if code else None
        if w.suffix:
            # Suffix only: the fast run that ends with the suffix (a person typing the suffix
            # slowly is not a scanner).
            start = self._fast_run_start(now)
            run = "".join(k.char for k in keys[start:])
            if enter or not run.endswith(w.suffix) or len(run) <= len(w.suffix):
                return None
            return run[: -len(w.suffix)], keys[start]
        if not enter:
            return None
        start = self._fast_run_start(now)
        if len(keys) - start < w.min_chars:
            return None
        return "".join(k.char for k in keys[start:]), keys[start]

    def _key_index(self, char_pos: int) -> int:
        n = 0
        for i, k in enumerate(self._keys):
            if n >= char_pos:
                return i
            n += len(k.char)
        return len(self._keys) - 1

    def _apply(self, code: str, first: _Key) -> None:
        """Put the field right after a scan, then emit ``sig_scanned``."""
        before, at, replaced = first.text_before, first.insert_at, first.replaced
        if self.consume_scans:
            self.setText(before)
            self.setCursorPosition(at)
        else:
            # The burst (with its prefix/suffix) becomes the clean code, where it was typed.
            self.setText(before[:at] + code + before[at + replaced:])
            self.setCursorPosition(at + len(code))
        self.sig_scanned.emit(code)
