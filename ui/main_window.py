"""The main window: tabs built from a list, a status bar, menus and shortcuts. Kept small."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from app import __version__
from app.services import Services
from db.engine import display_url
from ui.bus import DataBus
from ui.messages import role_name
from ui.placeholder_tab import PlaceholderTab
from ui.widgets.retranslate import Retranslating


@dataclass(frozen=True)
class TabSpec:
    key: str
    source_title: str  # marked with QT_TRANSLATE_NOOP; translated whenever shown
    build: Callable[["MainWindow"], QWidget]

    def title(self) -> str:
        return _t(self.source_title)


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _visitors(w: "MainWindow") -> QWidget:
    from ui.visitors.tab import VisitorTab

    tab = VisitorTab(w.services, w.bus, w)
    tab.slip_printer = w.print_visitor_slip
    return tab


def _keys(w: "MainWindow") -> QWidget:
    from ui.keys.tab import KeysTab

    return KeysTab(w.services, w.bus, w)


def _repairs(w: "MainWindow") -> QWidget:
    from ui.repairs.tab import RepairsTab

    return RepairsTab(w.services, w.bus, w)


def _receipts(w: "MainWindow") -> QWidget:
    from ui.receipts.tab import ReceiptsTab

    return ReceiptsTab(w.services, w.bus, w)


def _newspapers(w: "MainWindow") -> QWidget:
    from ui.newspapers.tab import NewspapersTab

    return NewspapersTab(w.services, w.bus, w)


def _parcels(w: "MainWindow") -> QWidget:
    from ui.parcels.tab import ParcelsTab

    return ParcelsTab(w.services, w.bus, w)


def _permits(w: "MainWindow") -> QWidget:
    from ui.permits.tab import PermitsTab

    return PermitsTab(w.services, w.bus, w)


def _later(describe: str) -> Callable[["MainWindow"], QWidget]:
    return lambda w: PlaceholderTab(lambda: _t(describe), w)


# The tab list: adding a module is one line here (plus its package under ui/).
TABS: tuple[TabSpec, ...] = (
    TabSpec("visitors", QT_TRANSLATE_NOOP("MainWindow", "Visitors"), _visitors),
    TabSpec("keys", QT_TRANSLATE_NOOP("MainWindow", "Keys"), _keys),
    TabSpec("parcels", QT_TRANSLATE_NOOP("MainWindow", "Parcels && mail"), _parcels),
    TabSpec("newspapers", QT_TRANSLATE_NOOP("MainWindow", "Newspapers"), _newspapers),
    TabSpec("repairs", QT_TRANSLATE_NOOP("MainWindow", "Repairs"), _repairs),
    TabSpec("receipts", QT_TRANSLATE_NOOP("MainWindow", "Receipts"), _receipts),
    TabSpec("permits", QT_TRANSLATE_NOOP("MainWindow", "Renovation"), _permits),
)


class MainWindow(Retranslating, QMainWindow):
    sig_ready = Signal()
    """Emitted once the window has been shown and its tabs have loaded their data."""

    def __init__(self, services: Services, bus: DataBus, settings: QSettings, translations, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.settings = settings
        self.translations = translations
        self._scanners_started = False
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.pages: dict[str, QWidget] = {}
        for spec in TABS:
            page = spec.build(self)
            self.pages[spec.key] = page
            self.tabs.addTab(page, "")
        self.setCentralWidget(self.tabs)
        self.tabs.currentChanged.connect(self._focus_page)

        self.operator_label = QLabel(self)
        self.db_label = QLabel(self)
        self.scanner_label = QLabel(self)
        for label in (self.operator_label, self.scanner_label, self.db_label):
            self.statusBar().addPermanentWidget(label)
        self.bus.sig_status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.bus.sig_changed.connect(self._on_changed)
        self._build_menus()
        from ui.scan_router import ScanRouter
        from ui.scanner.bridge import ScannerBridge

        self.scanners = ScannerBridge(self, services=services, bus=bus)
        self.scan_router = ScanRouter(self, self.scanners)
        self.retranslate()
        geometry = settings.value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)

    # -- menus and shortcuts ---------------------------------------------------------

    def _action(self, menu, slot, shortcut: str | None = None) -> QAction:  # noqa: ANN001
        action = QAction(self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.act_switch = self._action(self.file_menu, self.switch_operator, "Ctrl+L")
        self.act_sign_out = self._action(self.file_menu, self.sign_out)
        self.file_menu.addSeparator()
        self.act_quit = self._action(self.file_menu, self.close, "Ctrl+Q")
        self.tools_menu = bar.addMenu("")
        self.act_directory = self._action(self.tools_menu, self.open_directory, "F3")
        self.act_settings = self._action(self.tools_menu, self.open_settings, "Ctrl+,")
        self.help_menu = bar.addMenu("")
        self.act_about = self._action(self.help_menu, self.about)
        self.tab_actions = []
        for i in range(len(TABS)):
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _c=False, i=i: self.tabs.setCurrentIndex(i))
            self.addAction(act)
            self.tab_actions.append(act)

    # -- operations ------------------------------------------------------------------

    def switch_operator(self) -> None:
        from ui.dialogs.login import LoginDialog

        dlg = LoginDialog(self.services, self, switching=True)
        if dlg.exec():
            self.bus.sig_changed.emit("operator")

    def sign_out(self) -> None:
        self.services.staff.sign_out()
        self.bus.sig_changed.emit("operator")
        self.switch_operator()

    def open_directory(self) -> None:
        from ui.occupants.dialog import OccupantDirectoryDialog

        OccupantDirectoryDialog(self.services, self.bus, self).exec()

    def open_settings(self) -> None:
        from ui.dialogs.settings import SettingsDialog

        SettingsDialog(self.services, self.bus, self.settings, self.translations, self).exec()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About Reception Desk"),
                          self.tr("Reception Desk %1\nThe reception counter of a managed property.")
                          .replace("%1", __version__))

    def print_visitor_slip(self, visit, reprint: bool) -> None:  # noqa: ANN001
        from ui.visitors.printing import print_visitor_slip

        print_visitor_slip(self, self.services, visit, reprint=reprint)

    def _focus_page(self, index: int) -> None:
        """Put the cursor where the user types next on the page just shown."""
        page = self.tabs.widget(index)
        target = getattr(page, "initial_focus", None)
        if callable(target):
            target()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        super().showEvent(event)
        self._focus_page(self.tabs.currentIndex())
        if not self._scanners_started:
            self._scanners_started = True
            self.scanners.start()

    # -- state -----------------------------------------------------------------------

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i).replace("&&", "&") for i in range(self.tabs.count())]

    def _on_changed(self, topic: str) -> None:
        if topic == "operator":
            self._update_status()

    def _update_status(self) -> None:
        op = self.services.ctx.operator
        if op is None:
            self.operator_label.setText(self.tr("Not signed in"))
        else:
            self.operator_label.setText(self.tr("Operator: %1 (%2)").replace("%1", op.display_name)
                                        .replace("%2", role_name(op.role)))
        self.db_label.setText(self.tr("Database: %1").replace("%1", display_url(self.services.ctx.db.url)))
        self.scan_router.show_state()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reception Desk"))
        for i, spec in enumerate(TABS):
            self.tabs.setTabText(i, spec.title())
            self.tabs.setTabToolTip(i, f"Ctrl+{i + 1}")
        self.file_menu.setTitle(self.tr("&File"))
        self.act_switch.setText(self.tr("&Switch operator…"))
        self.act_sign_out.setText(self.tr("Sign &out"))
        self.act_quit.setText(self.tr("&Quit"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.act_directory.setText(self.tr("Occupant &directory…"))
        self.act_settings.setText(self.tr("&Settings…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.act_about.setText(self.tr("&About Reception Desk"))
        self._update_status()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)
