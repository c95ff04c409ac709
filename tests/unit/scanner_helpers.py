"""Test helpers for scanners: a pseudo-terminal acting as the scanner, and an event recorder."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path


class PtyScanner:
    """A scanner on a real tty: ``port`` is a symlink to the slave end of a pty.

    ``unplug()`` closes the master end (the reader gets the same error as from a pulled USB
    cable); ``replug()`` opens a new pty and re-points the symlink at its slave, as when the
    device comes back under the same name.
    """

    def __init__(self, folder: Path, name: str = "scanner"):
        self.port = folder / name
        self.master: int | None = None
        self.replug()

    def replug(self) -> None:
        master, slave = os.openpty()
        tmp = self.port.with_name(self.port.name + ".new")
        os.symlink(os.ttyname(slave), tmp)
        os.replace(tmp, self.port)  # atomic: the reader sees the old device or the new one
        os.close(slave)  # the reader opens its own
        self.master = master

    def unplug(self) -> None:
        # The device node goes away with the device (as /dev/ttyUSB0 does). Keeping the link
        # would also let the reader open whatever pty later gets the freed number — another
        # test's scanner when tests run in parallel.
        self.port.unlink(missing_ok=True)
        if self.master is not None:
            os.close(self.master)
            self.master = None

    def write(self, data: bytes) -> None:
        assert self.master is not None, "unplugged"
        os.write(self.master, data)

    def close(self) -> None:
        self.unplug()


class Recorder:
    """Collects a SerialScanner's callbacks (from its thread) and waits for conditions."""

    def __init__(self) -> None:
        self.scans: list = []
        self.errors: list = []
        self.states: list[tuple[str, float]] = []
        self._cond = threading.Condition()

    def on_scan(self, event) -> None:  # noqa: ANN001
        with self._cond:
            self.scans.append(event)
            self._cond.notify_all()

    def on_error(self, error) -> None:  # noqa: ANN001
        with self._cond:
            self.errors.append(error)
            self._cond.notify_all()

    def on_state(self, state: str) -> None:
        with self._cond:
            self.states.append((state, time.monotonic()))
            self._cond.notify_all()

    def callbacks(self) -> dict:
        return {"on_scan": self.on_scan, "on_error": self.on_error, "on_state": self.on_state}

    @property
    def state(self) -> str | None:
        with self._cond:
            return self.states[-1][0] if self.states else None

    def wait_for(self, predicate, timeout: float = 5.0) -> bool:  # noqa: ANN001
        """Wait until ``predicate(self)`` is true (checked on every callback); False on timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate(self):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
            return True

    def wait_state(self, state: str, timeout: float = 5.0) -> float:
        """Wait for ``state`` to be the current one; return when it was reported."""
        assert self.wait_for(lambda r: r.states and r.states[-1][0] == state, timeout), (
            f"state {state!r} not reached; states: {[s for s, _ in self.states]}")
        return self.states[-1][1]

    def texts(self) -> list[str]:
        with self._cond:
            return [e.text for e in self.scans]
