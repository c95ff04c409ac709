"""The ``reception`` command: the GUI by default, plus set-up and data commands.

Subcommands never import Qt, so ``reception demo`` / ``import`` / ``export`` run on a
server or in a terminal without a display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app import __version__

LANGUAGES = ("zh_CN", "en")


def _add_db(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Sub-commands accept --db too; SUPPRESS keeps them from overwriting a top-level --db.
    p.add_argument("--db", metavar="URL", default=None if top else argparse.SUPPRESS, help="SQLAlchemy database URL (default: env RECEPTION_DB, "
                   "then the embedded SQLite file in the per-user data folder)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reception", description="Reception Desk (前台服务台) — the property reception counter."
    )
    parser.add_argument("--version", action="version", version=f"Reception Desk {__version__}")
    _add_db(parser, top=True)
    parser.add_argument("--lang", choices=LANGUAGES, help="user-interface language (default: the system's)")
    parser.add_argument("--smoke", action="store_true",
                        help="start the GUI, print a JSON summary once the main window is ready, exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="fill a database with a realistic demo property")
    _add_db(demo)
    demo.add_argument("--seed", type=int, default=2026, help="random seed (same seed, same data)")

    imp = sub.add_parser("import", help="import base data")
    imp_sub = imp.add_subparsers(dest="what", metavar="WHAT", required=True)
    occ = imp_sub.add_parser("occupants", help="occupants from a CSV or XLSX file")
    occ.add_argument("file", metavar="FILE")
    occ.add_argument("--skip-invalid", action="store_true",
                     help="import the valid rows even if some rows are invalid")
    _add_db(occ)

    exp = sub.add_parser("export", help="export a register")
    exp_sub = exp.add_subparsers(dest="what", metavar="WHAT", required=True)
    vis = exp_sub.add_parser("visitors", help="the visitor log (ID numbers masked)")
    vis.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    vis.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    vis.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    vis.add_argument("--out", metavar="FILE", help="output file (default: standard output)")
    _add_db(vis)

    keys = exp_sub.add_parser("keys", help="the key register (every key set, or those taken in between the dates)")
    keys.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="taken in on or after")
    keys.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="taken in on or before")
    keys.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    keys.add_argument("--out", metavar="FILE", help="output file (default: standard output)")
    _add_db(keys)
    loans = exp_sub.add_parser("key-loans", help="the key loan register (ID numbers masked)")
    loans.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    loans.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    loans.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    loans.add_argument("--out", metavar="FILE", help="output file (default: standard output)")
    _add_db(loans)
    for name, helptext in (("parcels", "the mail register (业户邮件收发记录): items received between the dates"),
                           ("newspapers", "the newspaper register (业户报刊收发记录): deliveries of the dates' issues")):
        reg = exp_sub.add_parser(name, help=helptext)
        reg.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
        reg.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
        reg.add_argument("--format", choices=("csv", "xlsx"), default="csv")
        reg.add_argument("--out", metavar="FILE", help="output file (default: standard output)")
        _add_db(reg)
    receipts = exp_sub.add_parser("receipts", help="the receipt register (voided receipts included, marked)")
    receipts.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    receipts.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    receipts.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    receipts.add_argument("--out", metavar="FILE", help="output file (default: standard output)")
    _add_db(receipts)

    for name, helptext in (("passes", "the pass register (装修施工人员出入证办理登记表): every pass, or those issued "
                                      "between the dates (ID numbers masked)"),
                           ("permits", "renovation permits: every one, or those applied for between the dates")):
        reg = exp_sub.add_parser(name, help=helptext)
        reg.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="on or after")
        reg.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="on or before")
        reg.add_argument("--format", choices=("csv", "xlsx"), default="csv")
        reg.add_argument("--out", metavar="FILE", help="output file (default: standard output)")
        _add_db(reg)

    for name, text in (("repairs", "repair slips registered between the dates"),
                       ("complaints", "complaints and the call/visit register, received between the dates")):
        rep = exp_sub.add_parser(name, help=text)
        rep.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
        rep.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
        rep.add_argument("--format", choices=("csv", "xlsx"), default="csv")
        rep.add_argument("--out", metavar="FILE", help="output file (default: standard output)")
        _add_db(rep)
    week = exp_sub.add_parser("repair-weekly", help="the weekly repair summary (counts, rates against targets)")
    week.add_argument("--week", dest="week", required=True, metavar="YYYY-MM-DD", help="any day of the week")
    week.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    week.add_argument("--out", metavar="FILE", help="output file (default: standard output)")
    _add_db(week)

    from app.scan_test import add_parser as add_scan_test  # its options live with its logic

    add_scan_test(sub)
    from app.print_test import add_parser as add_print_test

    add_print_test(sub)
    return parser


def _utf8_output() -> None:
    # Redirected output on Windows is encoded in the ANSI code page (cp1252 on an English PC),
    # where Chinese names cannot be written: an export to a pipe or the --smoke report would
    # fail. Pipes and files get UTF-8; a real console already writes Unicode.
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_output()
    args = build_parser().parse_args(argv)
    if args.command is None:
        from ui.app import run_gui  # Qt is imported only for the GUI

        return run_gui(args)
    if args.command == "scan-test":  # needs no database: handled apart from run_command
        from app.scan_test import run_scan_test

        return run_scan_test(args)
    if args.command == "print-test":  # needs no database either
        from app.print_test import run_print_test

        return run_print_test(args)
    from app.commands import run_command

    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
