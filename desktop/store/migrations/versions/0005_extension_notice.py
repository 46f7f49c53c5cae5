"""The open task "extension notice not yet given" as a column, so the worklist can filter on it
(CBIRC Order 2020 No. 3: the complainant is told of every extension).

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ALTER TABLE: a batch copy would drop the search triggers on this table.
    op.add_column("complaints", sa.Column("extension_notice_due", sa.Boolean(), nullable=False,
                                          server_default=sa.false()))
    op.create_index("ix_complaints_extension_notice", "complaints", ["extension_notice_due"])


def downgrade() -> None:
    op.drop_index("ix_complaints_extension_notice", "complaints")
    op.drop_column("complaints", "extension_notice_due")
