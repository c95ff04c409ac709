"""One background thread for the Parcels tab's database calls made at scanner speed.

A commit is ``synchronous=FULL``: its fsync, and now and then a WAL checkpoint copying pages
into a database of a million items, can take longer than the 100 ms the counter's window may
freeze — more so on a busy PC. Intake writes from scans and the coalesced reload of the
lists therefore run here, one after the other in the order submitted (a second scan of the
same number is still refused as a duplicate: it runs after the first one committed). Each
result comes back on the UI thread through a queued signal, in order.

Only service calls go here; widgets are touched only in the callbacks, on the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, Qt, Signal


class DbWorker(QObject):
    """``submit(fn, done)``: ``fn()`` on the worker thread, then ``done(result, error)`` here."""

    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parcels-db")
        self._pending = 0
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(lambda *_: self._pool.shutdown(wait=False, cancel_futures=True))

    @property
    def pending(self) -> int:
        """Calls submitted whose callback has not run yet."""
        return self._pending

    def submit(self, fn: Callable[[], Any], done: Callable[[Any, BaseException | None], None]) -> None:
        self._pending += 1

        def run() -> None:
            try:
                result, error = fn(), None
            except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, shown there
                result, error = None, exc
            self._finished.emit((done, result, error))

        self._pool.submit(run)

    def _deliver(self, payload: tuple) -> None:
        done, result, error = payload
        self._pending -= 1
        done(result, error)

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Process events until every submitted call's callback ran (tests, shutdown)."""
        deadline = QDeadlineTimer(timeout_ms)
        while self._pending and not deadline.hasExpired():
            QCoreApplication.processEvents()
            threading.Event().wait(0.002)
        return not self._pending

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=False)
