"""print log: every print attempt (document kind + reference, printer, copies, outcome, reprint)

Append-only, with the same triggers as 0001 (SQLite and PostgreSQL variants).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.migrations.guards import create_append_only_guards, drop_append_only_guards

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('print_job',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('ref', sa.String(length=80), nullable=False),
    sa.Column('printer', sa.String(length=200), nullable=False),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('reprint', sa.Boolean(), nullable=False),
    sa.Column('file_path', sa.Text(), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['staff.id'], name=op.f('fk_print_job_created_by_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_print_job'))
    )
    with op.batch_alter_table('print_job', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_print_job_at'), ['at'], unique=False)
        batch_op.create_index('ix_print_job_kind_ref', ['kind', 'ref'], unique=False)
    _create_append_only_guards()


def downgrade() -> None:
    _drop_append_only_guards()
    with op.batch_alter_table('print_job', schema=None) as batch_op:
        batch_op.drop_index('ix_print_job_kind_ref')
        batch_op.drop_index(batch_op.f('ix_print_job_at'))
    op.drop_table('print_job')


_TABLES = ("print_job",)


# The same guards as 0001 (whose PostgreSQL function reception_append_only() is reused).
def _create_append_only_guards() -> None:
    create_append_only_guards(_TABLES, _TABLES)


def _drop_append_only_guards() -> None:
    drop_append_only_guards(_TABLES, _TABLES)
