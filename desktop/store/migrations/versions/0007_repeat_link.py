"""The repeat link as a column: the complaint id of an earlier complaint about the same
matter, so statistics count a repeat once (`repeat_of IS NULL`) (issue 12, item 3).

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ALTER TABLE: a batch copy would drop the search triggers on this table.
    op.add_column("complaints", sa.Column("repeat_of", sa.String(64), nullable=True))
    op.create_index("ix_complaints_repeat_of", "complaints", ["repeat_of"])


def downgrade() -> None:
    op.drop_index("ix_complaints_repeat_of", "complaints")
    op.drop_column("complaints", "repeat_of")
