"""The statistics' breakdowns as columns: the JR/T 0169 channel of the business (kept only
in the `received` event until now) and the root cause a resolution records (issue 17).

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLEs: a batch copy would drop the search triggers on this table.
    op.add_column("complaints", sa.Column("business_channel", sa.String(40), nullable=False,
                                          server_default=""))
    op.add_column("complaints", sa.Column("root_cause", sa.String(40), nullable=False,
                                          server_default=""))
    op.execute(
        "UPDATE complaints SET business_channel = COALESCE((SELECT json_extract(e.payload,"
        " '$.business_channel') FROM events e WHERE e.complaint_id = complaints.id"
        " AND e.kind = 'received' ORDER BY e.hlc LIMIT 1), '')")


def downgrade() -> None:
    op.drop_column("complaints", "root_cause")
    op.drop_column("complaints", "business_channel")
