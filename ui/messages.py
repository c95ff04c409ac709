"""Message keys raised by services, turned into translated sentences at the UI edge."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.errors import DomainError, FieldError, StorageError
from ui.format import fmt_date, fmt_datetime

_CTX = "Messages"

MESSAGES: dict[str, str] = {
    "validation.failed": QT_TRANSLATE_NOOP("Messages", "Please correct the highlighted fields."),
    "id.required": QT_TRANSLATE_NOOP("Messages", "Enter the ID number."),
    "id.length": QT_TRANSLATE_NOOP("Messages", "A mainland ID number has 18 characters, not {length}."),
    "id.format": QT_TRANSLATE_NOOP("Messages", "An ID number is 17 digits followed by a digit or X."),
    "id.region": QT_TRANSLATE_NOOP("Messages", "The first digits are not a valid region code."),
    "id.birthdate": QT_TRANSLATE_NOOP("Messages", "The date of birth in this ID number is not valid."),
    "id.checksum": QT_TRANSLATE_NOOP("Messages", "The check digit does not match: please re-check the ID number."),
    "doc.type_unknown": QT_TRANSLATE_NOOP("Messages", "Choose a document type."),
    "doc.required": QT_TRANSLATE_NOOP("Messages", "Enter the document number."),
    "doc.permit_format": QT_TRANSLATE_NOOP("Messages", "A permit number is H/M + 8 digits (Hong Kong/Macau) or 8 digits (Taiwan)."),
    "doc.passport_format": QT_TRANSLATE_NOOP("Messages", "A passport number is 5–20 letters and digits."),
    "doc.other_format": QT_TRANSLATE_NOOP("Messages", "The document number is too long or contains invalid characters."),
    "phone.required": QT_TRANSLATE_NOOP("Messages", "Enter a phone number."),
    "phone.format": QT_TRANSLATE_NOOP("Messages", "Not a phone number: use a mobile (11 digits), an area code + number, or +country code."),
    "phone.mobile_length": QT_TRANSLATE_NOOP("Messages", "A mobile number has 11 digits, not {length}."),
    "phone.mobile_prefix": QT_TRANSLATE_NOOP("Messages", "A mobile number starts with 13–19."),
    "plate.format": QT_TRANSLATE_NOOP("Messages", "Not a vehicle plate such as 粤B12345."),
    "badge.format": QT_TRANSLATE_NOOP("Messages", "A badge number is letters, digits and dashes only."),
    "name.required": QT_TRANSLATE_NOOP("Messages", "Enter the name."),
    "text.too_long": QT_TRANSLATE_NOOP("Messages", "At most {max} characters."),
    "text.control_chars": QT_TRANSLATE_NOOP("Messages", "Contains invisible control characters."),
    "text.required": QT_TRANSLATE_NOOP("Messages", "This field is required."),
    "username.required": QT_TRANSLATE_NOOP("Messages", "Enter a user name."),
    "username.format": QT_TRANSLATE_NOOP("Messages", "Use letters, digits, dot, dash or underscore."),
    "username.taken": QT_TRANSLATE_NOOP("Messages", "This user name is already taken."),
    "role.unknown": QT_TRANSLATE_NOOP("Messages", "Choose a role."),
    "password.too_short": QT_TRANSLATE_NOOP("Messages", "At least {min} characters."),
    "password.mismatch": QT_TRANSLATE_NOOP("Messages", "The two passwords differ."),
    "staff.already_initialised": QT_TRANSLATE_NOOP("Messages", "This database already has an administrator."),
    "staff.not_found": QT_TRANSLATE_NOOP("Messages", "No such staff account."),
    "auth.bad_credentials": QT_TRANSLATE_NOOP("Messages", "Wrong user name or password."),
    "auth.not_signed_in": QT_TRANSLATE_NOOP("Messages", "Please sign in first."),
    "auth.role_required": QT_TRANSLATE_NOOP("Messages", "This needs a {role} or above."),
    "setting.time_format": QT_TRANSLATE_NOOP("Messages", "Use a 24-hour time such as 22:00."),
    "setting.unknown": QT_TRANSLATE_NOOP("Messages", "Unknown setting {key}."),
    "setting.overstay_range": QT_TRANSLATE_NOOP("Messages", "Between 1 and 72 hours."),
    "setting.retention_range": QT_TRANSLATE_NOOP("Messages", "Between 7 and 3650 days."),
    "building.code_taken": QT_TRANSLATE_NOOP("Messages", "A building with this code exists."),
    "building.not_found": QT_TRANSLATE_NOOP("Messages", "No such building."),
    "unit.code_taken": QT_TRANSLATE_NOOP("Messages", "A unit with this number exists."),
    "unit.not_found": QT_TRANSLATE_NOOP("Messages", "No unit {unit} in the directory."),
    "occupant.kind_unknown": QT_TRANSLATE_NOOP("Messages", "Owner or tenant?"),
    "occupant.not_found": QT_TRANSLATE_NOOP("Messages", "Pick an occupant from the directory."),
    "date.in_future": QT_TRANSLATE_NOOP("Messages", "The date is in the future."),
    "date.range_reversed": QT_TRANSLATE_NOOP("Messages", "The end date is before the start date."),
    "visit.party_range": QT_TRANSLATE_NOOP("Messages", "Between 1 and {max} people."),
    "visit.host_required": QT_TRANSLATE_NOOP("Messages", "Whom do they visit? Pick an occupant or unit, or write a note."),
    "visit.badge_in_use": QT_TRANSLATE_NOOP("Messages", "This badge is still held by {name}."),
    "visit.not_found": QT_TRANSLATE_NOOP("Messages", "No such visit."),
    "visit.badge_unknown": QT_TRANSLATE_NOOP("Messages", "No visitor on site holds badge {badge}."),
    "visit.already_signed_out": QT_TRANSLATE_NOOP("Messages", "{name} (badge {badge}) already signed out at {time_out}."),
    "visit.field_not_amendable": QT_TRANSLATE_NOOP("Messages", "This field cannot be amended."),
    "visit.time_in_invalid": QT_TRANSLATE_NOOP("Messages", "The time in is not valid."),
    "visit.time_out_before_in": QT_TRANSLATE_NOOP("Messages", "The time out is before the time in."),
    "visit.time_out_required": QT_TRANSLATE_NOOP("Messages", "A signed-out visit keeps a time out."),
    "visit.nothing_changed": QT_TRANSLATE_NOOP("Messages", "Nothing was changed."),
    "db.network_path": QT_TRANSLATE_NOOP("Messages", "The database file is on a network share ({path}); SQLite must be on a local disk. Use PostgreSQL for several counters."),
    "db.schema_too_new": QT_TRANSLATE_NOOP("Messages", "This database was written by a newer version of Reception Desk (schema {revision}). Please install the newer version."),
    "db.migration_failed": QT_TRANSLATE_NOOP("Messages", "The database could not be upgraded: {cause}. Nothing was changed; a backup is at {backup}."),
    "db.open_failed": QT_TRANSLATE_NOOP("Messages", "The database could not be opened: {cause}"),
    "error.unexpected": QT_TRANSLATE_NOOP("Messages", "Something went wrong: {cause}. The details are in the log file {log}."),
    "db.locked": QT_TRANSLATE_NOOP("Messages", "The database is busy (another counter is writing). Nothing was saved; please try again."),
    "db.write_failed": QT_TRANSLATE_NOOP("Messages", "The database could not save: {cause}. Nothing was saved."),
    "db.disk_full": QT_TRANSLATE_NOOP("Messages", "The disk is full. Nothing was saved: free some space and try again."),
    "db.unavailable": QT_TRANSLATE_NOOP("Messages", "The database is not available: {cause}. Nothing was saved."),
    "demo.database_not_empty": QT_TRANSLATE_NOOP("Messages", "Demo data goes only into an empty database; this one already has accounts."),
    "username.reserved": QT_TRANSLATE_NOOP("Messages", "This user name is reserved."),
    "staff.system_account": QT_TRANSLATE_NOOP("Messages", "The system account cannot be changed."),
    "visit.time_out_in_future": QT_TRANSLATE_NOOP("Messages", "The time out is in the future."),
    "date.format": QT_TRANSLATE_NOOP("Messages", "'{value}' is not a date (use YYYY-MM-DD)."),
    "import.empty": QT_TRANSLATE_NOOP("Messages", "The file has no rows."),
    "import.missing_columns": QT_TRANSLATE_NOOP("Messages", "The header row lacks the column(s) {columns}."),
    "import.encoding": QT_TRANSLATE_NOOP("Messages", "The file is neither UTF-8 nor GBK text."),
    "import.csv_invalid": QT_TRANSLATE_NOOP("Messages", "The file is not valid CSV: {reason}"),
    "import.xlsx_invalid": QT_TRANSLATE_NOOP("Messages", "The file is not a valid XLSX workbook: {reason}"),
    "import.xls_unsupported": QT_TRANSLATE_NOOP("Messages", "Old .xls workbooks are not supported: save it as .xlsx or CSV."),
    "import.file_unreadable": QT_TRANSLATE_NOOP("Messages", "Cannot read {path}: {reason}"),
    "import.building_mismatch": QT_TRANSLATE_NOOP("Messages", "Unit {unit} does not belong to building {building}."),
    "import.unit_building_unknown": QT_TRANSLATE_NOOP("Messages", "Cannot tell the building of unit {unit}: add a building column."),
    "import.duplicate_existing": QT_TRANSLATE_NOOP("Messages", "{name} of {unit} is already in the directory."),
    "import.duplicate_in_file": QT_TRANSLATE_NOOP("Messages", "{name} of {unit} is already on row {first_row}."),
    # Barcode scanners (app/devices): bad input, port failures, settings.
    "scan.too_long": QT_TRANSLATE_NOOP("Messages", "Scan ignored: the code is longer than {max} characters."),
    "scan.decoding": QT_TRANSLATE_NOOP("Messages", "Scan ignored: the scanner sent bytes that are neither UTF-8 nor GBK text."),
    "scan.garbage": QT_TRANSLATE_NOOP("Messages", "Scan ignored: it contains an invalid character ({char}). Wrong baud rate or a loose cable?"),
    "scan.empty": QT_TRANSLATE_NOOP("Messages", "Scan ignored: nothing left after removing the prefix, suffix and code type."),
    "scan.partial": QT_TRANSLATE_NOOP("Messages", "An incomplete scan was dropped: please scan again."),
    "scan.double_read": QT_TRANSLATE_NOOP("Messages", "{text} was read twice within {seconds} s: the second read was ignored."),
    "scanner.open_failed": QT_TRANSLATE_NOOP("Messages", "Scanner port {port} cannot be opened: {reason}"),
    "scanner.disconnected": QT_TRANSLATE_NOOP("Messages", "Scanner on {port} disconnected; reconnecting when it is back."),
    "scanner.failed": QT_TRANSLATE_NOOP("Messages", "The scanner on {port} failed ({reason}); reconnecting."),
    "scanner.config_invalid": QT_TRANSLATE_NOOP("Messages", "The scanner settings file {path} is damaged ({reason}); please set the scanners up again."),
    "scanner.config_unwritable": QT_TRANSLATE_NOOP("Messages", "The scanner settings could not be saved to {path}: {reason}"),
    "scanner.name_required": QT_TRANSLATE_NOOP("Messages", "Give the scanner a name."),
    "scanner.name_taken": QT_TRANSLATE_NOOP("Messages", "Another scanner is called {name}."),
    "scanner.port_required": QT_TRANSLATE_NOOP("Messages", "Choose or type the port (COM3, /dev/ttyUSB0, socket://host:port)."),
    "scanner.port_taken": QT_TRANSLATE_NOOP("Messages", "Another scanner uses {port}."),
    "scanner.baudrate_invalid": QT_TRANSLATE_NOOP("Messages", "Not a standard baud rate (most scanners use 9600)."),
    "scanner.bytesize_invalid": QT_TRANSLATE_NOOP("Messages", "Data bits are 5, 6, 7 or 8."),
    "scanner.parity_invalid": QT_TRANSLATE_NOOP("Messages", "Choose a parity."),
    "scanner.stopbits_invalid": QT_TRANSLATE_NOOP("Messages", "Stop bits are 1, 1.5 or 2."),
    "scanner.terminator_invalid": QT_TRANSLATE_NOOP("Messages", "Choose CR, LF, CR+LF or none."),
    "scanner.idle_timeout_range": QT_TRANSLATE_NOOP("Messages", "Between {min} and {max} ms."),
    "scanner.affix_line_end": QT_TRANSLATE_NOOP("Messages", "A prefix or suffix cannot contain a line end."),
    "scanner.usb_id_invalid": QT_TRANSLATE_NOOP("Messages", "USB vendor and product IDs are both given, 0000–FFFF."),
    "scanner.wedge_min_chars_range": QT_TRANSLATE_NOOP("Messages", "Between {min} and {max} characters."),
    "scanner.wedge_gap_range": QT_TRANSLATE_NOOP("Messages", "Between {min} and {max} ms."),
    "scanner.rules_format": QT_TRANSLATE_NOOP("Messages", "The recognition rules must be a list of at most {max} rules."),
    "scanner.rule_kind_unknown": QT_TRANSLATE_NOOP("Messages", "Rule {row}: choose what the code is."),
    "scanner.rule_pattern_required": QT_TRANSLATE_NOOP("Messages", "Rule {row}: enter a pattern."),
    "scanner.rule_pattern_too_long": QT_TRANSLATE_NOOP("Messages", "Rule {row}: the pattern has more than {max} characters."),
    "scanner.rule_description_too_long": QT_TRANSLATE_NOOP("Messages", "Rule {row}: the description has more than {max} characters."),
    "scanner.rule_pattern_invalid": QT_TRANSLATE_NOOP("Messages", "Rule {row}: the pattern is not a valid regular expression ({reason})."),
    # Carrier recognition rules (app/parcels/carriers.py, setting parcels.carrier_rules).
    "carrier.rules_format": QT_TRANSLATE_NOOP("Messages", "The carrier rules must be a list of at most {max} rules."),
    "carrier.code_invalid": QT_TRANSLATE_NOOP("Messages", "Carrier rule {row}: the carrier code is lower-case letters, digits and _ (not \"other\")."),
    "carrier.name_required": QT_TRANSLATE_NOOP("Messages", "Carrier rule {row}: enter the carrier's Chinese and English names."),
    "carrier.name_too_long": QT_TRANSLATE_NOOP("Messages", "Carrier rule {row}: a name has more than {max} characters."),
    "carrier.pattern_required": QT_TRANSLATE_NOOP("Messages", "Carrier rule {row}: enter a pattern."),
    "carrier.pattern_too_long": QT_TRANSLATE_NOOP("Messages", "Carrier rule {row}: the pattern has more than {max} characters."),
    "carrier.pattern_invalid": QT_TRANSLATE_NOOP("Messages", "Carrier rule {row}: the pattern is not a valid regular expression ({reason})."),
    "carrier.check_unknown": QT_TRANSLATE_NOOP("Messages", "Carrier rule {row}: unknown check-digit method {check}."),
    # Parcels and mail (app/services/parcels.py, app/notifications.py).
    "parcel.not_found": QT_TRANSLATE_NOOP("Messages", "No such item in the parcel register."),
    "parcel.pickup_not_found": QT_TRANSLATE_NOOP("Messages", "No such pick-up in the register."),
    "parcel.duplicate": QT_TRANSLATE_NOOP("Messages", "{code} was already received on {at} (now: {state}). A second scan of the same item is not registered."),
    "parcel.code_invalid": QT_TRANSLATE_NOOP("Messages", "This is not a usable tracking number: leave it empty to give the item an internal number."),
    "parcel.item_type_unknown": QT_TRANSLATE_NOOP("Messages", "Choose the kind of item."),
    "parcel.occupant_not_of_unit": QT_TRANSLATE_NOOP("Messages", "This occupant does not live in the unit chosen."),
    "parcel.unit_required": QT_TRANSLATE_NOOP("Messages", "Enter the recipient's unit."),
    "parcel.nothing_selected": QT_TRANSLATE_NOOP("Messages", "Select at least one item."),
    "parcel.too_many": QT_TRANSLATE_NOOP("Messages", "At most {max} items at once."),
    "parcel.not_waiting": QT_TRANSLATE_NOOP("Messages", "{code} is not waiting at the counter (now: {state})."),
    "parcel.already_picked_up": QT_TRANSLATE_NOOP("Messages", "{code} was already picked up on {at} by {name}."),
    "parcel.no_recipient": QT_TRANSLATE_NOOP("Messages", "{code} has no recipient yet: assign a unit first."),
    "parcel.units_differ": QT_TRANSLATE_NOOP("Messages", "The items selected are for different units: hand them over one unit at a time."),
    "parcel.signature_required": QT_TRANSLATE_NOOP("Messages", "The recipient signs: on screen or on the paper register."),
    "parcel.signature_invalid": QT_TRANSLATE_NOOP("Messages", "The signature image is not valid."),
    "parcel.proxy_id_check": QT_TRANSLATE_NOOP("Messages", "Someone else is picking up: check their ID and tick \"ID checked\"."),
    "parcel.reasons_missing": QT_TRANSLATE_NOOP("Messages", "{count} item(s) not handed over today have no reason recorded (first: {first})."),
    "parcel.not_uncollected": QT_TRANSLATE_NOOP("Messages", "{code} has not been waiting {days} days yet."),
    "parcel.not_escalated": QT_TRANSLATE_NOOP("Messages", "{code} is not with the supervisor (now: {state})."),
    "parcel.outcome_unknown": QT_TRANSLATE_NOOP("Messages", "Choose what happens to the item."),
    "parcel.report_kind_unknown": QT_TRANSLATE_NOOP("Messages", "Choose lost or damaged."),
    "parcel.batch_not_found": QT_TRANSLATE_NOOP("Messages", "No such courier batch."),
    "parcel.batch_closed": QT_TRANSLATE_NOOP("Messages", "This courier batch is already checked and closed."),
    "parcel.expected_range": QT_TRANSLATE_NOOP("Messages", "Enter a count from 0 to {max}."),
    "parcel.expected_required": QT_TRANSLATE_NOOP("Messages", "Enter the count the courier hands over, or import their list."),
    "parcel.manifest_invalid": QT_TRANSLATE_NOOP("Messages", "Line {line} of the list is not a usable tracking number."),
    "parcel.manifest_encoding": QT_TRANSLATE_NOOP("Messages", "The list is neither UTF-8 nor GB18030 text."),
    "parcel.manifest_too_long": QT_TRANSLATE_NOOP("Messages", "The list has more than {max} numbers."),
    "parcel.email_invalid": QT_TRANSLATE_NOOP("Messages", "Enter a valid e-mail address."),
    "parcel.relation_required": QT_TRANSLATE_NOOP("Messages", "Someone else is picking up: enter their relation to the recipient."),
    "parcel.not_registered": QT_TRANSLATE_NOOP("Messages", "{code} is not in the parcel register. Switch to Intake to register it."),
    "notify.smtp_not_configured": QT_TRANSLATE_NOOP("Messages", "E-mail is not set up: enter the SMTP server and sender in Settings."),
    "notify.smtp_auth_failed": QT_TRANSLATE_NOOP("Messages", "The mail server {host} refused the user name or password."),
    "notify.send_failed": QT_TRANSLATE_NOOP("Messages", "The notice could not be sent through {host} ({reason})."),
    # print log
    "print.kind_invalid": QT_TRANSLATE_NOOP("Messages", "This document has no valid kind."),
    "print.ref_too_long": QT_TRANSLATE_NOOP("Messages", "The document reference is longer than 80 characters."),
    "print.outcome_invalid": QT_TRANSLATE_NOOP("Messages", "Unknown print outcome."),
    "print.copies_range": QT_TRANSLATE_NOOP("Messages", "Enter from {min} to {max} copies."),
    "setting.days_range": QT_TRANSLATE_NOOP("Messages", "Enter a number of days from 1 to 365."),
    "setting.port_range": QT_TRANSLATE_NOOP("Messages", "Enter a port from 1 to 65535."),
    "setting.tls_unknown": QT_TRANSLATE_NOOP("Messages", "Choose STARTTLS, SSL or none."),
    "setting.text_invalid": QT_TRANSLATE_NOOP("Messages", "This value is too long or has line breaks."),
    "setting.email_invalid": QT_TRANSLATE_NOOP("Messages", "Enter the sender as an e-mail address."),
    # The key cabinet (app/services/keys.py).
    "key.not_found": QT_TRANSLATE_NOOP("Messages", "No such key in the cabinet register."),
    "key.tag_unknown": QT_TRANSLATE_NOOP("Messages", "No key has the tag {tag}."),
    "key.already_out": QT_TRANSLATE_NOOP("Messages", "Key {tag} is out: {name} has had it since {since}."),
    "key.not_out": QT_TRANSLATE_NOOP("Messages", "Key {tag} is in the cabinet, not out."),
    "key.status_lost": QT_TRANSLATE_NOOP("Messages", "Key {tag} is reported lost: record it as found first."),
    "key.status_retired": QT_TRANSLATE_NOOP("Messages", "Key {tag} is retired and no longer in use."),
    "key.status_handed_over": QT_TRANSLATE_NOOP("Messages", "Key {tag} was handed over to the owner."),
    "key.category_unknown": QT_TRANSLATE_NOOP("Messages", "Choose what the key is for: owner's unit, public area, equipment room or store room."),
    "key.count_range": QT_TRANSLATE_NOOP("Messages", "Between 1 and {max} keys."),
    "key.quantity_range": QT_TRANSLATE_NOOP("Messages", "At most {max} keys."),
    "key.expected_below_count": QT_TRANSLATE_NOOP("Messages", "The full set cannot have fewer keys than were received."),
    "key.hook_required": QT_TRANSLATE_NOOP("Messages", "Enter the hook in the cabinet (e.g. A-012)."),
    "key.hook_format": QT_TRANSLATE_NOOP("Messages", "A hook is letters, digits and dashes, up to 16 characters."),
    "key.hook_taken": QT_TRANSLATE_NOOP("Messages", "Hook {hook} already holds key {tag}."),
    "key.unit_required": QT_TRANSLATE_NOOP("Messages", "An owner's key needs the unit it opens."),
    "key.owner_not_of_unit": QT_TRANSLATE_NOOP("Messages", "Pick an occupant of this key's unit."),
    "key.source_unknown": QT_TRANSLATE_NOOP("Messages", "Choose who handed the keys over: developer, owner or engineering."),
    "key.public_one_in_cabinet": QT_TRANSLATE_NOOP("Messages", "One public-area key stays in the cabinet; the spares are sealed with security."),
    "key.sealed_public_only": QT_TRANSLATE_NOOP("Messages", "Only public-area spares are sealed with security."),
    "key.outstanding_not_found": QT_TRANSLATE_NOOP("Messages", "No such entry in the outstanding-keys register."),
    "key.outstanding_closed": QT_TRANSLATE_NOOP("Messages", "This outstanding-keys entry is already closed."),
    "key.nothing_changed": QT_TRANSLATE_NOOP("Messages", "Nothing was changed."),
    "key.borrower_kind_unknown": QT_TRANSLATE_NOOP("Messages", "Choose who borrows: staff, contractor or occupant."),
    "key.occupant_other_unit": QT_TRANSLATE_NOOP("Messages", "An owner's key is lent only to an occupant of that unit."),
    "key.due_in_past": QT_TRANSLATE_NOOP("Messages", "The return time must be later than now."),
    "key.consent_required": QT_TRANSLATE_NOOP("Messages", "A public-area key needs the name of the staff member who agreed."),
    "key.manager_approval_required": QT_TRANSLATE_NOOP("Messages", "A public-area key needs the manager's approval: the manager enters their user name and password."),
    "key.gm_approval_required": QT_TRANSLATE_NOOP("Messages", "A loan longer than one day needs the general manager's approval."),
    "key.overnight_not_allowed": QT_TRANSLATE_NOOP("Messages", "Keys come back the same day, by {end}. Overnight only for an engineering repair or with the general manager's approval."),
    "key.approver_required": QT_TRANSLATE_NOOP("Messages", "The approver enters their user name and password."),
    "key.approval_bad_credentials": QT_TRANSLATE_NOOP("Messages", "The approver's user name or password is wrong."),
    "key.approval_role": QT_TRANSLATE_NOOP("Messages", "{name} cannot approve this: it needs a {role} or above."),
    "key.approver_is_borrower": QT_TRANSLATE_NOOP("Messages", "Nobody approves their own loan."),
    "key.signature_required": QT_TRANSLATE_NOOP("Messages", "The borrower signs on the screen or on the printed slip."),
    "key.signature_invalid": QT_TRANSLATE_NOOP("Messages", "The signature is not a PNG image."),
    "key.signature_too_large": QT_TRANSLATE_NOOP("Messages", "The signature image is too large."),
    "key.return_short_note": QT_TRANSLATE_NOOP("Messages", "{missing} key(s) did not come back: say what happened (they are recorded as lost)."),
    "key.time_in_future": QT_TRANSLATE_NOOP("Messages", "The time is in the future."),
    "key.return_time_invalid": QT_TRANSLATE_NOOP("Messages", "The return time is before the loan or in the future."),
    "key.loan_not_found": QT_TRANSLATE_NOOP("Messages", "No such loan."),
    "key.loan_closed": QT_TRANSLATE_NOOP("Messages", "This key has already come back."),
    "key.not_overnight": QT_TRANSLATE_NOOP("Messages", "This key is not out overnight yet (the day ends at {end})."),
    "key.already_acknowledged": QT_TRANSLATE_NOOP("Messages", "This key was already acknowledged for tonight."),
    "key.overnight_unacknowledged": QT_TRANSLATE_NOOP("Messages", "{count} key(s) still out overnight must be acknowledged before the shift closes: {tags}."),
    "key.emergency_unit_keys_only": QT_TRANSLATE_NOOP("Messages", "Emergency use is for an owner's spare key."),
    "key.emergency_kind_unknown": QT_TRANSLATE_NOOP("Messages", "Choose the emergency: fire, flooding or other."),
    "key.emergency_notify_first": QT_TRANSLATE_NOOP("Messages", "Tell the owner first (or, if unreachable, the emergency contact) and record whom."),
    "key.contact_method_unknown": QT_TRANSLATE_NOOP("Messages", "Choose how they were told."),
    "key.emergency_contact_after_use": QT_TRANSLATE_NOOP("Messages", "The owner must be told before the key is used."),
    "key.emergency_contact_too_old": QT_TRANSLATE_NOOP("Messages", "That call was more than {hours} hours ago: tell them again now."),
    "key.emergency_owner_attempt_required": QT_TRANSLATE_NOOP("Messages", "Say how the owner was tried before calling the emergency contact."),
    "key.emergency_two_staff": QT_TRANSLATE_NOOP("Messages", "Two different staff members must be present."),
    "key.lost_whole_loan": QT_TRANSLATE_NOOP("Messages", "A lent key lost: report all {quantity} lent; if some came back, take them back instead."),
    "key.nothing_lost": QT_TRANSLATE_NOOP("Messages", "Key {tag} has all its keys: nothing to find."),
    "key.retire_reason_unknown": QT_TRANSLATE_NOOP("Messages", "Choose why: lock changed three times, or set incomplete."),
    "key.retire_approval_required": QT_TRANSLATE_NOOP("Messages", "Retiring a key needs a manager's approval: the manager enters their user name and password."),
    "key.retire_lock_changes": QT_TRANSLATE_NOOP("Messages", "The lock was changed {count} time(s); a key is retired after {needed}."),
    "key.retire_not_incomplete": QT_TRANSLATE_NOOP("Messages", "This set is complete."),
    "key.retire_returned_to_required": QT_TRANSLATE_NOOP("Messages", "Who in engineering receives the retired keys?"),
    "key.spot_check_open": QT_TRANSLATE_NOOP("Messages", "A spot check is already in progress: finish it first."),
    "key.spot_check_not_found": QT_TRANSLATE_NOOP("Messages", "No such spot check."),
    "key.spot_check_finished": QT_TRANSLATE_NOOP("Messages", "This spot check is already finished."),
    "key.spot_check_unfinished": QT_TRANSLATE_NOOP("Messages", "This spot check is still in progress."),
    "key.month_invalid": QT_TRANSLATE_NOOP("Messages", "Choose a month."),
    "setting.due_soon_range": QT_TRANSLATE_NOOP("Messages", "Between 5 and 1440 minutes."),
    # -- repairs and complaints (ui/repairs, app/services/repairs.py, complaints.py) --
    "repair.not_found": QT_TRANSLATE_NOOP("Messages", "No repair slip {number}."),
    "repair.state_conflict": QT_TRANSLATE_NOOP("Messages", "This step is not possible while the slip is {state}."),
    "repair.grade_unknown": QT_TRANSLATE_NOOP("Messages", "Choose urgent or ordinary."),
    "repair.source_unknown": QT_TRANSLATE_NOOP("Messages", "Choose where the request came from."),
    "repair.category_unknown": QT_TRANSLATE_NOOP("Messages", "Choose a category."),
    "repair.categories_format": QT_TRANSLATE_NOOP("Messages", "Each category needs a code, a Chinese name and a rate (at most two decimals)."),
    "repair.occupant_unknown": QT_TRANSLATE_NOOP("Messages", "That occupant is not in the directory."),
    "repair.where_required": QT_TRANSLATE_NOOP("Messages", "Enter the unit or the public-area location."),
    "repair.photo_invalid": QT_TRANSLATE_NOOP("Messages", "A photo must be a PNG or JPEG image."),
    "repair.photo_too_large": QT_TRANSLATE_NOOP("Messages", "A photo may be at most {max} MB."),
    "repair.charge_invalid": QT_TRANSLATE_NOOP("Messages", "Enter an amount such as 30 or 45.50."),
    "repair.material_check_unknown": QT_TRANSLATE_NOOP("Messages", "Choose pass, fail or poor quality."),
    "repair.material_check_required": QT_TRANSLATE_NOOP("Messages", "The occupant supplied materials: record the check result."),
    "repair.nothing_to_settle": QT_TRANSLATE_NOOP("Messages", "This repair has no charge to settle."),
    "repair.settle_first": QT_TRANSLATE_NOOP("Messages", "The charge has not been settled at the counter yet."),
    "repair.follow_up_method_unknown": QT_TRANSLATE_NOOP("Messages", "Choose phone, visit or letter."),
    "repair.comment_required": QT_TRANSLATE_NOOP("Messages", "Note what the occupant is not satisfied with."),
    "repair.not_unfinished": QT_TRANSLATE_NOOP("Messages", "This slip has come back already."),
    "repair.fee_item_missing": QT_TRANSLATE_NOOP("Messages", "The fee catalogue has no active repair fee: ask the administrator to add one."),
    "repair.receipt_not_linked": QT_TRANSLATE_NOOP("Messages", "Receipt {receipt} was issued but the slip could not be settled (it changed at another counter): ask a supervisor to void the receipt."),
    "complaint.not_found": QT_TRANSLATE_NOOP("Messages", "No such complaint or register entry."),
    "complaint.state_conflict": QT_TRANSLATE_NOOP("Messages", "This step is not possible while it is {state}."),
    "complaint.kind_unknown": QT_TRANSLATE_NOOP("Messages", "Choose complaint, inquiry, suggestion or praise."),
    "complaint.severity_unknown": QT_TRANSLATE_NOOP("Messages", "Choose major or ordinary."),
    "complaint.channel_unknown": QT_TRANSLATE_NOOP("Messages", "Choose phone, visit, letter or other."),
    "setting.copies_range": QT_TRANSLATE_NOOP("Messages", "Between 0 and 5 copies."),
    # -- renovation permits and contractor passes (app/services/permits.py) --
    "permit.wrong_state": QT_TRANSLATE_NOOP("Messages", "Permit {number}: this step is not possible at its current stage (refresh to see where it stands)."),
    "permit.not_found": QT_TRANSLATE_NOOP("Messages", "No such renovation permit."),
    "permit.pass_not_found": QT_TRANSLATE_NOOP("Messages", "No such pass in the register."),
    "permit.unit_required": QT_TRANSLATE_NOOP("Messages", "Enter the unit to be renovated."),
    "permit.applicant_kind_unknown": QT_TRANSLATE_NOOP("Messages", "Choose owner or tenant."),
    "permit.occupant_not_of_unit": QT_TRANSLATE_NOOP("Messages", "This occupant does not live in that unit."),
    "permit.form_not_signed": QT_TRANSLATE_NOOP("Messages", "The application form must be signed by the owner (and stamped) before it is taken."),
    "permit.period_range": QT_TRANSLATE_NOOP("Messages", "The period is 1 to {max} days."),
    "permit.start_in_past": QT_TRANSLATE_NOOP("Messages", "The start date has already passed."),
    "permit.money_invalid": QT_TRANSLATE_NOOP("Messages", "An amount in yuan, at most two decimals, not negative."),
    "permit.receipt_required": QT_TRANSLATE_NOOP("Messages", "Type or scan the receipt number."),
    "permit.receipt_format": QT_TRANSLATE_NOOP("Messages", "A receipt number is letters, digits and dashes (e.g. R2026-000123)."),
    "permit.approver_required": QT_TRANSLATE_NOOP("Messages", "The manager types their user name and password."),
    "permit.approval_bad_credentials": QT_TRANSLATE_NOOP("Messages", "Wrong user name or password for the approval."),
    "permit.approval_role": QT_TRANSLATE_NOOP("Messages", "{name} is not a {role}: a manager must approve."),
    "permit.expired": QT_TRANSLATE_NOOP("Messages", "Permit {number} ended on {end}."),
    "permit.extension_too_late": QT_TRANSLATE_NOOP("Messages", "Permit {number} ended on {end}: an extension must be requested before the end. Finish the permit or stop the work."),
    "permit.extension_range": QT_TRANSLATE_NOOP("Messages", "Extend by 1 to {max} days."),
    "permit.passes_outstanding": QT_TRANSLATE_NOOP("Messages", "{count} pass(es) of permit {number} are still out: take them back or report them lost first."),
    "permit.passes_not_allowed": QT_TRANSLATE_NOOP("Messages", "Passes are issued only once permit {number} is issued and until its work is finished."),
    "permit.trade_unknown": QT_TRANSLATE_NOOP("Messages", "Choose the worker's trade."),
    "permit.signer_required": QT_TRANSLATE_NOOP("Messages", "Say who signs for the pass: the owner, the tenant or the site lead."),
    "permit.pass_start_in_past": QT_TRANSLATE_NOOP("Messages", "A pass cannot start in the past."),
    "permit.pass_before_permit": QT_TRANSLATE_NOOP("Messages", "The permit starts on {start}."),
    "permit.pass_after_permit": QT_TRANSLATE_NOOP("Messages", "Not past the permit's end, {end}."),
    "permit.photo_invalid": QT_TRANSLATE_NOOP("Messages", "The photo must be a PNG or JPEG of at most {max_kb} KB."),
    "permit.replaces_not_lost": QT_TRANSLATE_NOOP("Messages", "Only a pass of this permit reported lost can be replaced."),
    "permit.worker_has_pass": QT_TRANSLATE_NOOP("Messages", "This worker already holds pass {number} for this permit."),
    "permit.pass_returned": QT_TRANSLATE_NOOP("Messages", "Pass {number} was already returned."),
    "permit.pass_lost": QT_TRANSLATE_NOOP("Messages", "Pass {number} was reported lost."),
    "permit.pass_revoked": QT_TRANSLATE_NOOP("Messages", "Pass {number} was revoked."),
    "permit.pass_fee_item_missing": QT_TRANSLATE_NOOP("Messages", "The fee catalogue does not offer the pass card fee (pass_card): an administrator must make it active, or type the number of a receipt taken by hand."),
    "permit.receipt_issued_pass_failed": QT_TRANSLATE_NOOP("Messages", "Receipt {receipt} was issued, but the pass was not: correct what is marked and issue the pass on that receipt (no new receipt), or void it."),
    "setting.money_invalid": QT_TRANSLATE_NOOP("Messages", "An amount from 0 to 10,000 with at most two decimals."),
    # Newspapers and magazines (app/services/newspapers.py).
    "newspaper.title_not_found": QT_TRANSLATE_NOOP("Messages", "No such newspaper or magazine."),
    "newspaper.title_required": QT_TRANSLATE_NOOP("Messages", "Choose the newspaper or magazine."),
    "newspaper.title_exists": QT_TRANSLATE_NOOP("Messages", "{name} is already on the list of titles."),
    "newspaper.title_inactive": QT_TRANSLATE_NOOP("Messages", "{name} is no longer offered."),
    "newspaper.kind_unknown": QT_TRANSLATE_NOOP("Messages", "Choose newspaper or magazine."),
    "newspaper.frequency_unknown": QT_TRANSLATE_NOOP("Messages", "Choose how often it comes out."),
    "newspaper.unit_or_department": QT_TRANSLATE_NOOP("Messages", "A subscription is for a unit or for a department of the office, not both."),
    "newspaper.subscriber_required": QT_TRANSLATE_NOOP("Messages", "Enter the unit (or the office department) that subscribes."),
    "newspaper.occupant_not_of_unit": QT_TRANSLATE_NOOP("Messages", "Pick an occupant of this unit."),
    "newspaper.copies_range": QT_TRANSLATE_NOOP("Messages", "Between 1 and {max} copies."),
    "newspaper.period_reversed": QT_TRANSLATE_NOOP("Messages", "The subscription ends before it starts."),
    "newspaper.already_subscribed": QT_TRANSLATE_NOOP("Messages", "This subscriber already takes {name} (since {since}): end that line first."),
    "newspaper.date_required": QT_TRANSLATE_NOOP("Messages", "Enter a date."),
    "newspaper.subscription_not_found": QT_TRANSLATE_NOOP("Messages", "No such subscription."),
    "newspaper.subscription_ended": QT_TRANSLATE_NOOP("Messages", "This subscription already ended on {day}."),
    "newspaper.end_before_start": QT_TRANSLATE_NOOP("Messages", "The subscription starts on {day}: it cannot end earlier than the day before."),
    "newspaper.end_before_delivery": QT_TRANSLATE_NOOP("Messages", "Copies were delivered on {day}: the last day cannot be earlier."),
    "newspaper.received_range": QT_TRANSLATE_NOOP("Messages", "Enter the copies received, 0 to {max}."),
    "newspaper.day_in_future": QT_TRANSLATE_NOOP("Messages", "The day is in the future."),
    "newspaper.receipt_exists": QT_TRANSLATE_NOOP("Messages", "{title} of {day} was already counted at {at} by {name}."),
    "newspaper.claim_not_found": QT_TRANSLATE_NOOP("Messages", "No such claim."),
    "newspaper.claim_closed": QT_TRANSLATE_NOOP("Messages", "This claim was already resolved on {at}."),
    "newspaper.copies_received_range": QT_TRANSLATE_NOOP("Messages", "Enter the copies that came, at least 1."),
    "newspaper.more_than_owed": QT_TRANSLATE_NOOP("Messages", "The post office owes only {owed} copies on this claim."),
    "newspaper.nothing_selected": QT_TRANSLATE_NOOP("Messages", "Tick the units to deliver to."),
    "newspaper.too_many": QT_TRANSLATE_NOOP("Messages", "At most {max} lines at once."),
    "newspaper.line_twice": QT_TRANSLATE_NOOP("Messages", "A subscription is ticked twice."),
    "newspaper.method_unknown": QT_TRANSLATE_NOOP("Messages", "Choose signed for or mail slot."),
    "newspaper.not_subscribed_that_day": QT_TRANSLATE_NOOP("Messages", "{where} does not take {title} on {day}."),
    "newspaper.mailbox_unit_only": QT_TRANSLATE_NOOP("Messages", "{where} has no mail slot: hand the copies over against a signature."),
    "newspaper.already_delivered": QT_TRANSLATE_NOOP("Messages", "{where} already had its {title} at {at}."),
    "newspaper.not_received": QT_TRANSLATE_NOOP("Messages", "{title} of {day} has not been counted yet: record what the post office brought first."),
    "newspaper.not_enough_copies": QT_TRANSLATE_NOOP("Messages", "Only {left} copies of {title} are left, {wanted} needed: claim the missing copies from the post office."),
    "newspaper.residents_first": QT_TRANSLATE_NOOP("Messages", "Residents first: {waiting} copies of {title} are still owed to units, the office departments get theirs after."),
    # Receipts, shifts and the fee catalogue (app/services/receipts.py, app/services/fees.py).
    "receipt.amount_range": QT_TRANSLATE_NOOP("Messages", "The amount must be from ¥0.00 to under one trillion yuan."),
    "receipt.money_range": QT_TRANSLATE_NOOP("Messages", "Enter an amount of zero or more."),
    "receipt.money_float": QT_TRANSLATE_NOOP("Messages", "Amounts are exact decimals."),
    "receipt.money_invalid": QT_TRANSLATE_NOOP("Messages", "Not an amount: enter yuan with up to two decimals, e.g. 123.45."),
    "receipt.money_decimals": QT_TRANSLATE_NOOP("Messages", "At most two decimals (fen)."),
    "receipt.method_unknown": QT_TRANSLATE_NOOP("Messages", "Choose how it was paid: cash, WeChat Pay, Alipay, bank card or transfer."),
    "receipt.no_open_shift": QT_TRANSLATE_NOOP("Messages", "Open your shift first (count the opening float)."),
    "receipt.not_found": QT_TRANSLATE_NOOP("Messages", "No such receipt."),
    "receipt.number_unknown": QT_TRANSLATE_NOOP("Messages", "No receipt has the number {number}."),
    "receipt.payer_kind_unknown": QT_TRANSLATE_NOOP("Messages", "Choose who pays: an occupant, a company or someone else."),
    "receipt.payer_name_required": QT_TRANSLATE_NOOP("Messages", "Enter who pays."),
    "receipt.payer_occupant_required": QT_TRANSLATE_NOOP("Messages", "Pick the occupant from the directory."),
    "receipt.unit_unknown": QT_TRANSLATE_NOOP("Messages", "No such unit."),
    "receipt.lines_required": QT_TRANSLATE_NOOP("Messages", "Add at least one line."),
    "receipt.too_many_lines": QT_TRANSLATE_NOOP("Messages", "At most {max} lines on one receipt."),
    "receipt.fee_item_unknown": QT_TRANSLATE_NOOP("Messages", "Line {line}: this fee is not in the catalogue (any more)."),
    "receipt.line_description_required": QT_TRANSLATE_NOOP("Messages", "Line {line}: say what the money is for."),
    "receipt.line_price_range": QT_TRANSLATE_NOOP("Messages", "Line {line}: enter a price above ¥0.00 and up to ¥{max}."),
    "receipt.line_quantity_range": QT_TRANSLATE_NOOP("Messages", "Line {line}: a quantity from 1 to {max}."),
    "receipt.shift.already_open": QT_TRANSLATE_NOOP("Messages", "Your shift is already open."),
    "receipt.shift.float_range": QT_TRANSLATE_NOOP("Messages", "The opening float is from ¥0.00 to ¥{max}."),
    "receipt.shift.not_found": QT_TRANSLATE_NOOP("Messages", "No such shift."),
    "receipt.shift.variance_note_required": QT_TRANSLATE_NOOP("Messages", "The cash is off by {variance}: say why."),
    "receipt.void.already_void": QT_TRANSLATE_NOOP("Messages", "Receipt {number} is already void."),
    "receipt.void.not_same_shift": QT_TRANSLATE_NOOP("Messages", "Receipt {number} belongs to a closed or another person's shift: only a receipt of your open shift can be voided."),
    "receipt.void.has_refunds": QT_TRANSLATE_NOOP("Messages", "Receipt {number} has refunds against it and cannot be voided."),
    "receipt.void.approval_required": QT_TRANSLATE_NOOP("Messages", "A supervisor confirms with their user name and password."),
    "receipt.void.bad_credentials": QT_TRANSLATE_NOOP("Messages", "The supervisor's user name or password is wrong."),
    "receipt.void.approver_role": QT_TRANSLATE_NOOP("Messages", "{name} cannot confirm a void: it needs a supervisor or above."),
    "receipt.void.approver_is_operator": QT_TRANSLATE_NOOP("Messages", "Another person confirms the void, not the one voiding."),
    "receipt.refund.voided": QT_TRANSLATE_NOOP("Messages", "Receipt {number} is void: nothing to refund."),
    "receipt.refund.not_deposit": QT_TRANSLATE_NOOP("Messages", "Receipt {number} has no deposit to refund."),
    "receipt.refund.amount_range": QT_TRANSLATE_NOOP("Messages", "Refund more than ¥0.00 and at most ¥{max} (paid less earlier refunds)."),
    "receipt.refund.not_found": QT_TRANSLATE_NOOP("Messages", "No such refund slip."),
    "receipt.source_invalid": QT_TRANSLATE_NOOP("Messages", "The record this receipt settles is not named correctly (kind and number)."),
    "receipt.source_and_reference": QT_TRANSLATE_NOOP("Messages", "Give either the record this receipt settles or a reference, not two different ones."),
    "fee.not_found": QT_TRANSLATE_NOOP("Messages", "No such fee in the catalogue."),
    "fee.code_format": QT_TRANSLATE_NOOP("Messages", "A code is lower-case letters, digits and underscores, starting with a letter."),
    "fee.code_taken": QT_TRANSLATE_NOOP("Messages", "The code {code} is already used."),
    "fee.price_range": QT_TRANSLATE_NOOP("Messages", "A default price from ¥0.00 to ¥{max}."),
    "fee.order_range": QT_TRANSLATE_NOOP("Messages", "An order from 0 to 9999."),
}


def _fmt(value: Any) -> str:
    if isinstance(value, datetime):
        return fmt_datetime(value)
    if isinstance(value, date):
        return fmt_date(value)
    if isinstance(value, str) and value in ROLE_NAMES:
        return role_name(value)
    return str(value)


def message(key: str, params: dict[str, Any] | None = None) -> str:
    """The translated sentence for ``key`` with ``params`` filled in."""
    template = MESSAGES.get(key)
    if template is None:
        return key
    text = QCoreApplication.translate(_CTX, template)
    try:
        return text.format(**{k: parcel_state_name(v) if k == "state" and key.startswith("parcel.") else _fmt(v)
                              for k, v in (params or {}).items()})
    except (KeyError, IndexError, ValueError):
        return text


def error_text(exc: DomainError | FieldError | StorageError) -> str:
    return message(exc.key, exc.params)


ROLE_NAMES = {
    "receptionist": QT_TRANSLATE_NOOP("Roles", "receptionist"),
    "supervisor": QT_TRANSLATE_NOOP("Roles", "supervisor"),
    "manager": QT_TRANSLATE_NOOP("Roles", "manager"),
    "general_manager": QT_TRANSLATE_NOOP("Roles", "general manager"),
    "admin": QT_TRANSLATE_NOOP("Roles", "administrator"),
}

DOC_TYPE_NAMES = {
    "mainland_id": QT_TRANSLATE_NOOP("DocTypes", "Mainland ID card"),
    "hkmt_permit": QT_TRANSLATE_NOOP("DocTypes", "HK/Macau/Taiwan permit"),
    "passport": QT_TRANSLATE_NOOP("DocTypes", "Passport"),
    "other": QT_TRANSLATE_NOOP("DocTypes", "Other"),
}

OCCUPANT_KIND_NAMES = {
    "owner": QT_TRANSLATE_NOOP("OccupantKinds", "Owner"),
    "tenant": QT_TRANSLATE_NOOP("OccupantKinds", "Tenant"),
}

KEY_CATEGORY_NAMES = {
    "unit": QT_TRANSLATE_NOOP("KeyCategories", "Owner's key"),
    "public": QT_TRANSLATE_NOOP("KeyCategories", "Public area"),
    "equipment": QT_TRANSLATE_NOOP("KeyCategories", "Equipment room"),
    "store": QT_TRANSLATE_NOOP("KeyCategories", "Store room"),
}

KEY_STATUS_NAMES = {
    "in": QT_TRANSLATE_NOOP("KeyStatuses", "In the cabinet"),
    "out": QT_TRANSLATE_NOOP("KeyStatuses", "Out"),
    "lost": QT_TRANSLATE_NOOP("KeyStatuses", "Lost"),
    "retired": QT_TRANSLATE_NOOP("KeyStatuses", "Retired"),
    "handed_over": QT_TRANSLATE_NOOP("KeyStatuses", "Handed over"),
}

BORROWER_KIND_NAMES = {
    "staff": QT_TRANSLATE_NOOP("BorrowerKinds", "Staff"),
    "contractor": QT_TRANSLATE_NOOP("BorrowerKinds", "Contractor"),
    "occupant": QT_TRANSLATE_NOOP("BorrowerKinds", "Occupant"),
}

KEY_EVENT_NAMES = {
    "lost": QT_TRANSLATE_NOOP("KeyEvents", "Lost"),
    "found": QT_TRANSLATE_NOOP("KeyEvents", "Found"),
    "lock_change": QT_TRANSLATE_NOOP("KeyEvents", "Lock changed"),
    "retire": QT_TRANSLATE_NOOP("KeyEvents", "Retired"),
    "hand_over": QT_TRANSLATE_NOOP("KeyEvents", "Handed over to the owner"),
    "copy_refused": QT_TRANSLATE_NOOP("KeyEvents", "Copy refused"),
    "add_keys": QT_TRANSLATE_NOOP("KeyEvents", "Keys added"),
}

KEY_TERM_NAMES = {
    # emergencies, how people were told, where keys came from, why a set is retired
    "fire": QT_TRANSLATE_NOOP("KeyTerms", "Fire"),
    "flooding": QT_TRANSLATE_NOOP("KeyTerms", "Flooding"),
    "other": QT_TRANSLATE_NOOP("KeyTerms", "Other"),
    "owner": QT_TRANSLATE_NOOP("KeyTerms", "Owner"),
    "emergency_contact": QT_TRANSLATE_NOOP("KeyTerms", "Emergency contact"),
    "phone": QT_TRANSLATE_NOOP("KeyTerms", "Phone call"),
    "sms": QT_TRANSLATE_NOOP("KeyTerms", "Text message"),
    "wechat": QT_TRANSLATE_NOOP("KeyTerms", "WeChat"),
    "in_person": QT_TRANSLATE_NOOP("KeyTerms", "In person"),
    "developer": QT_TRANSLATE_NOOP("KeyTerms", "Developer"),
    "engineering": QT_TRANSLATE_NOOP("KeyTerms", "Engineering"),
    "lock_changed": QT_TRANSLATE_NOOP("KeyTerms", "Lock changed three times"),
    "incomplete": QT_TRANSLATE_NOOP("KeyTerms", "Set incomplete"),
    "matched": QT_TRANSLATE_NOOP("KeyTerms", "Matched"),
    "missing": QT_TRANSLATE_NOOP("KeyTerms", "Missing"),
    "unexpected": QT_TRANSLATE_NOOP("KeyTerms", "Unexpected"),
    "unknown": QT_TRANSLATE_NOOP("KeyTerms", "Unknown tag"),
    "duplicate": QT_TRANSLATE_NOOP("KeyTerms", "Already scanned"),
}

FIELD_NAMES = {
    "visitor_name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "doc_type": QT_TRANSLATE_NOOP("Fields", "Document"),
    "doc_number": QT_TRANSLATE_NOOP("Fields", "Document no."),
    "phone": QT_TRANSLATE_NOOP("Fields", "Phone"),
    "company": QT_TRANSLATE_NOOP("Fields", "Company"),
    "host_occupant_id": QT_TRANSLATE_NOOP("Fields", "Host"),
    "host_unit_id": QT_TRANSLATE_NOOP("Fields", "Host unit"),
    "host_note": QT_TRANSLATE_NOOP("Fields", "Host note"),
    "purpose": QT_TRANSLATE_NOOP("Fields", "Purpose"),
    "party_size": QT_TRANSLATE_NOOP("Fields", "People"),
    "vehicle_plate": QT_TRANSLATE_NOOP("Fields", "Vehicle plate"),
    "badge_number": QT_TRANSLATE_NOOP("Fields", "Badge"),
    "time_in": QT_TRANSLATE_NOOP("Fields", "Time in"),
    "time_out": QT_TRANSLATE_NOOP("Fields", "Time out"),
}


def role_name(role: str) -> str:
    return QCoreApplication.translate("Roles", ROLE_NAMES.get(role, role))


def doc_type_name(doc_type: str) -> str:
    return QCoreApplication.translate("DocTypes", DOC_TYPE_NAMES.get(doc_type, doc_type))


def occupant_kind_name(kind: str) -> str:
    return QCoreApplication.translate("OccupantKinds", OCCUPANT_KIND_NAMES.get(kind, kind))

def key_category_name(category: str) -> str:
    return QCoreApplication.translate("KeyCategories", KEY_CATEGORY_NAMES.get(category, category))


def key_status_name(status: str) -> str:
    return QCoreApplication.translate("KeyStatuses", KEY_STATUS_NAMES.get(status, status))


def borrower_kind_name(kind: str) -> str:
    return QCoreApplication.translate("BorrowerKinds", BORROWER_KIND_NAMES.get(kind, kind))


def key_event_name(kind: str) -> str:
    return QCoreApplication.translate("KeyEvents", KEY_EVENT_NAMES.get(kind, kind))


def key_term_name(term: str) -> str:
    """Emergency kinds, contact methods, intake sources, retirement reasons, spot-check results."""
    return QCoreApplication.translate("KeyTerms", KEY_TERM_NAMES.get(term, term))


def field_name(field: str) -> str:
    return QCoreApplication.translate("Fields", FIELD_NAMES.get(field, field))


# -- Parcels and mail tab (ui/parcels/) ---------------------------------------------------------

PARCEL_TYPE_NAMES = {
    "letter": QT_TRANSLATE_NOOP("ParcelTypes", "Letter"),
    "registered": QT_TRANSLATE_NOOP("ParcelTypes", "Registered mail"),
    "parcel": QT_TRANSLATE_NOOP("ParcelTypes", "Parcel"),
    "parcel_notice": QT_TRANSLATE_NOOP("ParcelTypes", "Parcel notice"),
    "magazine": QT_TRANSLATE_NOOP("ParcelTypes", "Magazine"),
    "newspaper": QT_TRANSLATE_NOOP("ParcelTypes", "Newspaper"),
    "money_order": QT_TRANSLATE_NOOP("ParcelTypes", "Money order"),
}

PARCEL_STATE_NAMES = {
    "waiting": QT_TRANSLATE_NOOP("ParcelStates", "Waiting"),
    "picked_up": QT_TRANSLATE_NOOP("ParcelStates", "Picked up"),
    "returned": QT_TRANSLATE_NOOP("ParcelStates", "Returned to the post office"),
    "disposed": QT_TRANSLATE_NOOP("ParcelStates", "Disposed of"),
    "lost": QT_TRANSLATE_NOOP("ParcelStates", "Lost"),
    "escalated": QT_TRANSLATE_NOOP("ParcelStates", "With the supervisor"),
}

PARCEL_EVENT_NAMES = {
    "intake": QT_TRANSLATE_NOOP("ParcelEvents", "Received"),
    "assign": QT_TRANSLATE_NOOP("ParcelEvents", "Recipient assigned"),
    "shelf": QT_TRANSLATE_NOOP("ParcelEvents", "Shelf changed"),
    "pickup": QT_TRANSLATE_NOOP("ParcelEvents", "Picked up"),
    "held": QT_TRANSLATE_NOOP("ParcelEvents", "Not handed over today"),
    "returned": QT_TRANSLATE_NOOP("ParcelEvents", "Returned to the post office"),
    "disposed": QT_TRANSLATE_NOOP("ParcelEvents", "Disposed of"),
    "escalated": QT_TRANSLATE_NOOP("ParcelEvents", "Sent to the supervisor"),
    "released": QT_TRANSLATE_NOOP("ParcelEvents", "Cleared by the supervisor"),
    "lost": QT_TRANSLATE_NOOP("ParcelEvents", "Reported lost"),
    "damaged": QT_TRANSLATE_NOOP("ParcelEvents", "Reported damaged"),
    "notified": QT_TRANSLATE_NOOP("ParcelEvents", "Notice sent"),
    "reminded": QT_TRANSLATE_NOOP("ParcelEvents", "Reminder sent"),
}


def parcel_type_name(item_type: str) -> str:
    return QCoreApplication.translate("ParcelTypes", PARCEL_TYPE_NAMES.get(item_type, item_type))


def parcel_state_name(state: str) -> str:
    return QCoreApplication.translate("ParcelStates", PARCEL_STATE_NAMES.get(state, state))


def parcel_event_name(kind: str) -> str:
    return QCoreApplication.translate("ParcelEvents", PARCEL_EVENT_NAMES.get(kind, kind))
