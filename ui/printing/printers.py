"""Which printer prints what on this PC: a printer per group, the receipt printer's roll
width, copies and paper per kind.

Printers are installed per PC, so the choice lives in the PC's ``ui.ini`` (QSettings), not in
the shared database. Three printer groups (:mod:`app.printing.paper`): the receipt printer
(rolls and labels), the card printer (CR80 passes) and the A4 printer (A4/A5 sheets). A group
prints on the system's default printer until one is chosen; "PDF folder" writes each
printout as a file into a folder instead (a counter without that printer, or an archive).

The roll loaded in the receipt printer (80 or 58 mm) is one choice for every roll document;
a kind may still be set apart (a label printer's labels, a slip kept on 80 mm).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinterInfo

from app.paths import data_dir
from app.printing.paper import PAPERS, PRINTER_GROUPS, RECEIPT_PRINTER, ROLL_WIDTHS, group_for_page_size
from app.printing.samples import PRINT_KINDS, PrintKind

#: the printer value meaning "the system's default printer"
SYSTEM_DEFAULT = ""
#: the printer value meaning "write a PDF into the group's folder"
PDF_FOLDER = "@pdf-folder"
MAX_COPIES = 9


def installed_printers() -> list[str]:
    """Names of the printers installed on this PC (empty on a PC without any)."""
    return list(QPrinterInfo.availablePrinterNames())


def default_printer() -> str:
    """The system's default printer, "" when there is none."""
    return QPrinterInfo.defaultPrinterName()


def default_pdf_folder() -> Path:
    return data_dir() / "pdf-printer"


@dataclass(frozen=True)
class PrintTarget:
    """Where one document goes: the group's printer, and this kind's copies and paper.

    ``printer`` is a printer name, :data:`SYSTEM_DEFAULT` or :data:`PDF_FOLDER`.
    """

    kind: str
    group: str
    printer: str
    folder: Path
    copies: int
    paper: str

    @property
    def to_pdf_folder(self) -> bool:
        return self.printer == PDF_FOLDER

    def printer_name(self) -> str:
        """The real printer's name ("" for PDF folder or when no printer is installed)."""
        if self.to_pdf_folder:
            return ""
        return self.printer or default_printer()


class PrinterSettings:
    """The print choices of this PC, read and written through ``QSettings``."""

    def __init__(self, settings: QSettings | None = None):
        if settings is None:
            from ui.app import ui_settings

            settings = ui_settings()
        self._s = settings

    # -- printers per group ------------------------------------------------------------------

    def printer(self, group: str) -> str:
        _check_group(group)
        return str(self._s.value(f"printing/{group}/printer", SYSTEM_DEFAULT) or SYSTEM_DEFAULT)

    def set_printer(self, group: str, name: str) -> None:
        _check_group(group)
        self._s.setValue(f"printing/{group}/printer", name)

    def folder(self, group: str) -> Path:
        _check_group(group)
        value = self._s.value(f"printing/{group}/folder", "")
        return Path(value) if value else default_pdf_folder()

    def set_folder(self, group: str, folder: str | Path) -> None:
        _check_group(group)
        self._s.setValue(f"printing/{group}/folder", str(folder))

    def roll_width(self) -> str:
        """The roll in the receipt printer: ``roll80`` (default) or ``roll58``."""
        value = str(self._s.value(f"printing/{RECEIPT_PRINTER}/roll", ROLL_WIDTHS[0]))
        return value if value in ROLL_WIDTHS else ROLL_WIDTHS[0]

    def set_roll_width(self, paper: str) -> None:
        if paper not in ROLL_WIDTHS:
            raise ValueError(f"{paper!r} is not a roll width")
        self._s.setValue(f"printing/{RECEIPT_PRINTER}/roll", paper)

    # -- per document kind -------------------------------------------------------------------

    def copies(self, kind: str) -> int:
        pk = registered_kind(kind)
        kind = pk.name if pk is not None else kind
        default = pk.copies if pk is not None else 1
        try:
            value = int(self._s.value(f"printing/copies/{kind}", default))
        except (TypeError, ValueError):
            value = default
        return min(max(value, 1), MAX_COPIES)

    def set_copies(self, kind: str, copies: int) -> None:
        if not 1 <= int(copies) <= MAX_COPIES:
            raise ValueError(f"copies must be 1 to {MAX_COPIES}")
        self._s.setValue(f"printing/copies/{kind}", int(copies))

    def paper(self, kind: str) -> str:
        """The paper this PC makes ``kind`` on: the one chosen for the kind, else the receipt
        printer's roll for a roll document, else the kind's own paper; "" for an unregistered
        kind."""
        pk = registered_kind(kind)
        if pk is None:
            return ""
        value = str(self._s.value(f"printing/paper/{pk.name}", ""))
        return value if value in pk.all_papers else self.default_paper(pk.name)

    def default_paper(self, kind: str) -> str:
        """What ``kind`` is made on when nothing was chosen for it: a roll document follows the
        receipt printer's roll, anything else (a label, a sheet, a card) keeps its own paper."""
        pk = registered_kind(kind)
        if pk is None:
            return ""
        if pk.roll_choice and pk.paper in ROLL_WIDTHS:
            return self.roll_width()
        return pk.paper

    def set_paper(self, kind: str, paper: str) -> None:
        """Make ``kind`` on ``paper`` on this PC; the default paper clears the choice, so the
        kind keeps following the receipt printer's roll."""
        pk = PRINT_KINDS.get(kind)
        if pk is None or paper not in pk.all_papers:
            raise ValueError(f"{kind!r} cannot be printed on {paper!r}")
        if paper == self.default_paper(kind):
            self._s.remove(f"printing/paper/{kind}")
        else:
            self._s.setValue(f"printing/paper/{kind}", paper)

    def sync(self) -> None:
        self._s.sync()

    # -- resolving -----------------------------------------------------------------------------

    def group_of(self, kind: str, page_size: tuple[float, float] | None = None) -> str:
        """The kind's printer group; for an unregistered kind, the one its page size needs."""
        pk = registered_kind(kind, page_size)
        if pk is not None:
            return pk.group
        if page_size is not None:
            return group_for_page_size(*page_size)
        return "a4"

    def target(self, kind: str, page_size: tuple[float, float] | None = None) -> PrintTarget:
        """Where a ``kind`` document goes on this PC.

        ``kind`` is what the print log calls the document; a document made in several layouts
        ("receipt": ``receipt_80mm`` on the roll, ``receipt_a5`` on A5) takes the copies and
        paper of the layout its page size shows."""
        pk = registered_kind(kind, page_size)
        name = pk.name if pk is not None else kind
        group = self.group_of(kind, page_size)
        return PrintTarget(kind=kind, group=group, printer=self.printer(group), folder=self.folder(group),
                           copies=self.copies(name), paper=self.paper(name))


def paper_for(kind: str) -> str:
    """The paper this PC prints ``kind`` on (``roll80``/``roll58``…), or the kind's own paper.

    Renderers of roll documents call it to know which width to lay out for.
    """
    return PrinterSettings().paper(kind)


def registered_kind(kind: str, page_size: tuple[float, float] | None = None) -> PrintKind | None:
    """The :data:`PRINT_KINDS` entry for ``kind``; ``visitor-slip`` finds ``visitor_slip``.

    A document the print log names once but that is made in several layouts (``receipt`` →
    ``receipt_80mm`` / ``receipt_a5``, ``cashup`` → ``cashup_roll`` / ``cashup_a4``) finds the
    layout whose paper matches ``page_size`` (points, either way up); None without a page size
    when there is more than one.
    """
    pk = PRINT_KINDS.get(kind) or PRINT_KINDS.get(kind.replace("-", "_"))
    if pk is not None:
        return pk
    stem = kind.replace("-", "_") + "_"
    layouts = [k for name, k in PRINT_KINDS.items() if name.startswith(stem)]
    if len(layouts) <= 1 or page_size is None:
        return layouts[0] if len(layouts) == 1 else None
    group = group_for_page_size(*page_size)
    layouts = [k for k in layouts if k.group == group] or layouts
    page = sorted(page_size)

    def distance(k: PrintKind) -> float:
        p = PAPERS[k.paper]
        if p.is_roll:  # a roll page is as long as its content: only the width counts
            return abs(page_size[0] - p.width)
        return abs(page[0] - min(p.width, p.height)) + abs(page[1] - max(p.width, p.height))

    return min(layouts, key=distance)


def _check_group(group: str) -> None:
    if group not in PRINTER_GROUPS:
        raise ValueError(f"unknown printer group {group!r}")
