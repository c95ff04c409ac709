"""visit search indexes hold the columns that counting a search tells matches apart by

name and initials indexes + host_unit_id, phone_rev index + phone, badge index + time_in.

Counting a one-letter search (initials "c" and units "C-…") tells the two apart from the
initials index alone, a whole phone number (phone and phone_rev) from the phone_rev index
alone; a badge's visits come newest first from the badge index alone.
See db/repositories/visitors.py and docs/PERFORMANCE.md.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW = {
    'ix_visit_name_time': ['visitor_name', 'time_in', 'host_unit_id'],
    'ix_visit_initials_time': ['name_initials', 'time_in', 'host_unit_id'],
    'ix_visit_phone_rev_time': ['phone_rev', 'time_in', 'phone'],
    'ix_visit_badge': ['badge_number', 'time_out', 'time_in'],
}
OLD = {
    'ix_visit_name_time': ['visitor_name', 'time_in'],
    'ix_visit_initials_time': ['name_initials', 'time_in'],
    'ix_visit_phone_rev_time': ['phone_rev', 'time_in'],
    'ix_visit_badge': ['badge_number', 'time_out'],
}


def _replace(indexes: dict[str, list[str]]) -> None:
    # Index changes only: on SQLite the batch runs plain DROP/CREATE INDEX (no table copy),
    # so the visit table's append-only triggers stay in place.
    with op.batch_alter_table('visit', schema=None) as batch_op:
        for name, columns in indexes.items():
            batch_op.drop_index(name)
            batch_op.create_index(name, columns, unique=False)


def upgrade() -> None:
    _replace(NEW)


def downgrade() -> None:
    _replace(OLD)
