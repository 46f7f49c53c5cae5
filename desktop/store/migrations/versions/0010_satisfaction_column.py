"""The satisfaction score as a column (it was only in the JSON `details`), and in the
statistics' covering index, so the dashboard's average is read from the index alone
(bench_analytics: the refresh at 1M complaints; issue 17).

Revision ID: 0010
Revises: 0009
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

BEFORE = ["received_at", "repeat_of", "business_channel", "business_type", "cause", "status",
          "outcome", "decision_due", "resolved_at", "root_cause"]


def upgrade() -> None:
    # Plain ALTER TABLE: a batch copy would drop the search triggers on this table.
    op.add_column("complaints", sa.Column("satisfaction", sa.Integer(), nullable=True))
    op.execute("UPDATE complaints SET satisfaction = json_extract(details, '$.satisfaction')"
               " WHERE json_extract(details, '$.satisfaction') IS NOT NULL")
    op.drop_index("ix_complaints_statistics", "complaints")
    op.create_index("ix_complaints_statistics", "complaints", [*BEFORE, "satisfaction"])


def downgrade() -> None:
    op.drop_index("ix_complaints_statistics", "complaints")
    op.create_index("ix_complaints_statistics", "complaints", BEFORE)
    op.drop_column("complaints", "satisfaction")
