"""Quarantine: events pulled from HQ that this client cannot apply are kept aside, so one
bad event never stops a branch's sync (issue 11, item 7).

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "quarantined_events",
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("complaint_id", sa.String(64), nullable=True),
        sa.Column("kind", sa.String(30), nullable=True),
        sa.Column("device_id", sa.String(64), nullable=True),
        sa.Column("branch_code", sa.String(32), nullable=True),
        sa.Column("business_date", sa.Date, nullable=True),
        sa.Column("reason", sa.String(64), nullable=False),
        sa.Column("detail", sa.String(200), nullable=False, server_default=""),
        sa.Column("content", sa.JSON, nullable=False),
        sa.Column("quarantined_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_quarantine_business_date", "quarantined_events", ["business_date"])


def downgrade() -> None:
    op.drop_index("ix_quarantine_business_date", "quarantined_events")
    op.drop_table("quarantined_events")
