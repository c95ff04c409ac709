"""The start-up baseline: a bare PySide6 main window with five empty tabs.

Built and shown like the program's main window; prints one JSON line once the event loop
has shown it (``QTimer.singleShot(0, …)`` after ``show()``), writes ``shown`` to stderr at
its first paint (as the program does with ``RECEPTION_REPORT_SHOWN``), and exits once both
have happened. Run it as
``python bench/bare_window.py`` (the benchmark does, with ``QT_QPA_PLATFORM=offscreen``).
"""

import json
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    tabs = QTabWidget(window)
    for i in range(5):
        tabs.addTab(QWidget(), f"Tab {i + 1}")
    window.setCentralWidget(tabs)
    window.resize(1280, 720)

    done: set[str] = set()

    def finish(step: str) -> None:
        done.add(step)
        if done == {"painted", "ready"}:  # quit only once both happened, whichever is last
            window.close()
            app.quit()

    class FirstPaint(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: ANN001, N802
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                sys.stderr.write(f"shown {time.process_time():.4f}\n")
                sys.stderr.flush()
                QTimer.singleShot(0, lambda: finish("painted"))
            return False

    first_paint = FirstPaint(window)
    window.installEventFilter(first_paint)
    window.show()

    def ready() -> None:
        sys.stdout.write(json.dumps({"tabs": tabs.count()}) + "\n")
        sys.stdout.flush()
        finish("ready")

    QTimer.singleShot(0, ready)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
