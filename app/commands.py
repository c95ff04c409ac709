"""The command-line subcommands: ``demo``, ``import occupants``,
``export visitors|keys|key-loans|parcels|newspapers|receipts|passes|permits|repairs|complaints|
repair-weekly``.

Each opens (and migrates) the database, acts as the disabled ``system`` account where it
writes, and reports in plain English on standard error. Failures give a one-line reason and
a non-zero exit status, never a traceback: 2 for a bad argument, 1 for anything else (the
details of an unexpected error go to the log file). No Qt here.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from app.context import AppContext
from app.errors import DomainError, ValidationError
from app.services import Services
from app.startup import OpenedDatabase, open_database, resolve_db_url
from db.engine import sqlite_path

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

#: English sentences for the message keys a command may meet (the GUI has its own, translated).
MESSAGES: dict[str, str] = {
    "validation.failed": "some fields are invalid",
    "id.required": "enter the ID number",
    "id.length": "a mainland ID number has 18 characters, not {length}",
    "id.format": "an ID number is 17 digits followed by a digit or X",
    "id.region": "the first digits are not a valid region code",
    "id.birthdate": "the date of birth in the ID number is not valid",
    "id.checksum": "the check digit does not match",
    "doc.type_unknown": "unknown document type",
    "doc.required": "enter the document number",
    "doc.permit_format": "a permit number is H/M + 8 digits (Hong Kong/Macau) or 8 digits (Taiwan)",
    "doc.passport_format": "a passport number is 5-20 letters and digits",
    "doc.other_format": "the document number is too long or contains invalid characters",
    "phone.required": "a phone number is required",
    "phone.format": "not a phone number (use an 11-digit mobile, area code + number, or +country code)",
    "phone.mobile_length": "a mobile number has 11 digits, not {length}",
    "phone.mobile_prefix": "a mobile number starts with 13-19",
    "plate.format": "not a vehicle plate such as 粤B12345",
    "badge.format": "a badge number is letters, digits and dashes only",
    "name.required": "the name is missing",
    "text.too_long": "at most {max} characters",
    "text.control_chars": "contains invisible control characters",
    "text.required": "this field is required",
    "username.required": "enter a user name",
    "username.format": "use letters, digits, dot, dash or underscore",
    "username.taken": "this user name is already taken",
    "username.reserved": "this user name is reserved",
    "role.unknown": "unknown role",
    "password.too_short": "at least {min} characters",
    "auth.not_signed_in": "nobody is signed in",
    "auth.role_required": "this needs a {role} or above",
    "staff.system_account": "the system account cannot be changed",
    "building.code_taken": "a building with this code exists",
    "unit.code_taken": "a unit with this number exists",
    "unit.not_found": "no unit {unit} in the directory",
    "occupant.kind_unknown": "type must be 业主/owner or 租户/tenant",
    "date.in_future": "the date is in the future",
    "date.format": "'{value}' is not a date (use YYYY-MM-DD)",
    "date.range_reversed": "the end date is before the start date",
    "import.empty": "the file has no rows",
    "import.missing_columns": "the header row lacks the column(s) {columns} (e.g. 房号/unit, 姓名/name)",
    "import.encoding": "the file is neither UTF-8 nor GBK text",
    "import.csv_invalid": "the file is not valid CSV: {reason}",
    "import.xlsx_invalid": "the file is not a valid XLSX workbook: {reason}",
    "import.xls_unsupported": "old .xls workbooks are not supported: save it as .xlsx or CSV",
    "import.file_unreadable": "cannot read {path}: {reason}",
    "import.building_mismatch": "unit {unit} does not belong to building {building}",
    "import.unit_building_unknown": "cannot tell the building of unit {unit}: add a 楼栋/building column",
    "import.duplicate_existing": "{name} of {unit} is already in the directory",
    "import.duplicate_in_file": "{name} of {unit} is already on row {first_row}",
    "demo.database_not_empty": "this database already has staff accounts; the demo only fills an empty "
                               "database (use --db sqlite:///path/to/demo.sqlite for a new one)",
    "db.network_path": "the database file is on a network share ({path}); SQLite must be on a local disk",
    "db.schema_too_new": "this database was written by a newer version of Reception Desk (schema {revision})",
    "db.migration_failed": "the database could not be upgraded: {cause} (backup: {backup})",
    "db.locked": "the database is busy (another counter is writing); nothing was saved, try again",
    "db.write_failed": "the database could not save: {cause}; nothing was saved",
    "db.disk_full": "the disk is full; nothing was saved",
    "db.unavailable": "the database is not available: {cause}",
}


class UsageError(Exception):
    """A bad command-line argument (exit status 2)."""


def message(key: str, params: dict[str, Any] | None = None) -> str:
    """The English sentence for a message key, or the key itself if none is known."""
    template = MESSAGES.get(key)
    if template is None:
        extra = ", ".join(f"{k}={v}" for k, v in (params or {}).items())
        return f"{key} ({extra})" if extra else key
    try:
        return template.format(**(params or {}))
    except (KeyError, IndexError, ValueError):
        return template


def _err(text: str) -> None:
    print(f"reception: {text}", file=sys.stderr)


def _parse_date(text: str, option: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text or ""):
        raise UsageError(f"{option} {text!r} is not a date: use YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option} {text!r} is not a valid date") from None


# -- demo ------------------------------------------------------------------------------------


def _demo(args: argparse.Namespace, opened: OpenedDatabase, services: Services) -> int:
    from app.demo import fill_demo

    started = time.perf_counter()
    summary = fill_demo(services, seed=args.seed)
    elapsed = time.perf_counter() - started
    print(f"Demo property {summary.property_name} created in {opened.display_url} ({elapsed:.1f} s):")
    print(f"  {summary.buildings} buildings, {summary.units} units, {summary.occupants} occupants "
          f"({summary.members} household members)")
    print(f"  {summary.visits} visits from {summary.first_day} to {summary.last_day}, "
          f"{summary.on_site} still on site, {summary.amendments} amended")
    print(f"  {summary.keys} key sets in the cabinet, {summary.key_loans} key loans, "
          f"{summary.keys_out} keys out now")
    print("Demo accounts (user name / password):")
    for acc in summary.accounts:
        print(f"  {acc.username:<12} {acc.password:<14} {acc.display_name} ({acc.role})")
    return EXIT_OK


# -- import ----------------------------------------------------------------------------------


def _import(args: argparse.Namespace, opened: OpenedDatabase, services: Services, parsed: Any) -> int:
    services.ctx.operator = services.staff.system_operator()
    report = services.occupants.import_records(parsed.rows, skip_invalid=args.skip_invalid)
    for e in report.errors:
        _err(f"row {e.row}: {e.field}: {message(e.key, e.params)} [{e.key}]")
    invalid = len(report.invalid_rows)
    if not report.committed:
        if report.total == 0:
            _err("nothing imported: the file has a header but no data rows")
        elif invalid and not args.skip_invalid:
            _err(f"nothing imported: {invalid} of {report.total} rows are invalid; correct them, or "
                 f"use --skip-invalid to import the {report.total - invalid} valid rows")
        else:
            _err(f"nothing imported: none of the {report.total} rows is valid")
        return EXIT_FAILED
    line = f"Imported {report.imported} of {report.total} occupants from {args.file} into {opened.display_url}"
    if invalid:
        line += f"; skipped {invalid} invalid rows ({', '.join(map(str, report.invalid_rows))})"
    print(line + ".")
    if report.created_buildings or report.created_units:
        print(f"Created {len(report.created_buildings)} buildings "
              f"({', '.join(report.created_buildings) or '-'}) and {len(report.created_units)} units.")
    return EXIT_OK


# -- export ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Export:
    """One ``reception export WHAT``: the exporter (``module:function``, imported when run),
    how it takes dates (``required`` from/to, ``optional`` from/to, or ``week``: the week
    holding ``--week``) and what it says it wrote (``{n}`` rows, ``{span}`` the dates)."""

    exporter: str
    dates: str
    says: str


EXPORTS: dict[str, _Export] = {
    "visitors": _Export("app.exporter:export_visitors", "required", "{n} visits{span}, ID numbers masked"),
    "keys": _Export("app.exporter:export_keys", "optional", "{n} key sets{span}"),
    "key-loans": _Export("app.exporter:export_key_loans", "optional", "{n} key loans{span}, ID numbers masked"),
    "parcels": _Export("app.exporter:export_parcels", "required", "{n} items of mail{span}"),
    "newspapers": _Export("app.exporter:export_newspapers", "required", "{n} newspaper deliveries{span}"),
    "receipts": _Export("app.receipt_export:export_receipts", "required", "{n} receipts{span}"),
    "passes": _Export("app.exporter:export_passes", "optional", "{n} passes, ID numbers masked{span}"),
    "permits": _Export("app.exporter:export_permits", "optional", "{n} renovation permits{span}"),
    "repairs": _Export("app.exporter:export_repairs", "required", "{n} repair slips{span}"),
    "complaints": _Export("app.exporter:export_complaints", "required", "{n} complaints and register lines{span}"),
    "repair-weekly": _Export("app.exporter:export_repair_weekly", "week", "the repair summary of the week{span}: {n} lines"),
}


def _export(args: argparse.Namespace, services: Services, spec: _Export,
            dates: tuple[date | None, date | None]) -> int:
    from importlib import import_module

    module, name = spec.exporter.split(":")
    exporter = import_module(module).__dict__[name]
    lang = "en" if getattr(args, "lang", None) == "en" else "zh_CN"
    if spec.dates == "week":
        n = exporter(services, dates[0], args.format, args.out, lang=lang)
        span = f" from {dates[0]}"
    else:
        n = exporter(services, dates[0], dates[1], args.format, args.out, lang=lang)
        span = f" ({dates[0] or '…'} to {dates[1] or '…'})" if any(dates) else ""
    _err(f"exported {spec.says.format(n=n, span=span)} to {args.out or 'standard output'}")
    return EXIT_OK


def _export_dates(args: argparse.Namespace, spec: _Export) -> tuple[date | None, date | None]:
    """The export's dates from its options, checked (a usage error before the database opens)."""
    if spec.dates == "week":
        from app.repair_rules import week_start

        d0 = week_start(_parse_date(args.week, "--week"))
        return d0, d0
    if spec.dates == "required" or args.date_from:
        d0 = _parse_date(args.date_from, "--from")
    else:
        d0 = None
    d1 = _parse_date(args.date_to, "--to") if spec.dates == "required" or args.date_to else None
    if d0 and d1 and d1 < d0:
        raise UsageError(f"--to {d1} is before --from {d0}")
    return d0, d1


# -- dispatch --------------------------------------------------------------------------------


def _prepare(args: argparse.Namespace) -> Callable[[OpenedDatabase, Services], int]:
    """Check the arguments (and read an import file) before the database is touched."""
    if args.command == "demo":
        return lambda opened, svc: _demo(args, opened, svc)
    if args.command == "import" and args.what == "occupants":
        from app.importer import read_occupant_file

        parsed = read_occupant_file(args.file)
        if parsed.ignored_columns:
            _err(f"note: ignoring columns {', '.join(parsed.ignored_columns)}")
        return lambda opened, svc: _import(args, opened, svc, parsed)
    if args.command == "export" and args.what in EXPORTS:
        spec = EXPORTS[args.what]
        dates = _export_dates(args, spec)
        if args.out and not Path(args.out).parent.is_dir():
            raise UsageError(f"--out {args.out}: the folder {Path(args.out).parent} does not exist")
        return lambda opened, svc: _export(args, svc, spec, dates)
    raise UsageError(f"unknown command {args.command!r}")


def _database_error(exc: BaseException) -> str:
    key = getattr(exc, "key", None)
    if key == "db.migration_failed":
        return message(key, {"cause": getattr(exc, "cause", exc), "backup": getattr(exc, "backup", None) or "none"})
    if key:
        params = dict(getattr(exc, "params", {}) or {})
        params.setdefault("path", getattr(exc, "path", ""))
        params.setdefault("revision", getattr(exc, "revision", ""))
        return message(key, params)
    if isinstance(exc, ArgumentError):
        return f"not a database URL: {exc}"
    cause = getattr(exc, "orig", None) or exc
    return f"database error: {str(cause).splitlines()[0] if str(cause) else type(cause).__name__}"


def run_command(args: argparse.Namespace) -> int:
    """Run the subcommand in ``args`` (from ``app.cli``); return the process exit status."""
    try:
        action = _prepare(args)
    except UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except DomainError as exc:  # an import file that cannot be read
        _err(message(exc.key, exc.params))
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - e.g. a workbook that breaks the XLSX reader
        return _unexpected(exc)

    url = resolve_db_url(getattr(args, "db", None))
    if args.command == "export":
        # Exporting from a mistyped path would otherwise create (and migrate) an empty database.
        try:
            path = sqlite_path(url)
        except ArgumentError:
            path = None  # reported by open_database below
        if path is not None and not path.exists():
            _err(f"no database at {path}")
            return EXIT_FAILED
    try:
        opened = open_database(url)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - every way of failing to open is reported, none as a traceback
        _err(f"cannot open the database: {_database_error(exc)}")
        return EXIT_FAILED
    if opened.migration.backup is not None:
        _err(f"note: the database was upgraded; the previous version was kept as {opened.migration.backup}")

    services = Services(AppContext(opened.db))
    try:
        return action(opened, services)
    except ValidationError as exc:
        for name, err in exc.fields.items():
            _err(f"{name}: {message(err.key, err.params)}")
        return EXIT_FAILED
    except DomainError as exc:
        _err(message(exc.key, exc.params))
        return EXIT_FAILED
    except BrokenPipeError:
        # ``… | head``: the reader went away; say nothing more on a closed pipe.
        _silence_stdout()
        return EXIT_FAILED
    except OSError as exc:  # writing the export file
        _err(f"{exc.filename or 'file'}: {exc.strerror or exc}")
        return EXIT_FAILED
    except KeyboardInterrupt:
        _err("interrupted; nothing of the unfinished step was saved")
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - the CLI's last line of defence against tracebacks
        # db.engine.StorageError (locked, disk full…) carries a key like our errors do.
        if isinstance(exc, SQLAlchemyError) or getattr(exc, "key", None):
            _err(_database_error(exc))
            return EXIT_FAILED
        return _unexpected(exc)
    finally:
        opened.db.dispose()


def _silence_stdout() -> None:
    """Point stdout at the null device so the interpreter's final flush cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (e.g. captured by a test)
        pass


def _unexpected(exc: BaseException) -> int:
    """Log the traceback to the log file and say where it is."""
    try:
        from app.logs import setup_logging

        path = setup_logging()
        log.error("command failed", exc_info=exc)
        where = f"; details are in {path}"
    except Exception:  # noqa: BLE001 - the log folder itself may be the problem
        where = ""
    _err(f"unexpected error: {type(exc).__name__}: {exc}{where}")
    return EXIT_FAILED
