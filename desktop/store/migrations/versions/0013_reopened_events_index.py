"""A partial index of the reopened events, so the dashboard's and the staff figures'
reopened share (desktop.analytics.reopened) finds the few reopened complaints without
reading every event (about five per complaint: millions at a busy branch).

Revision ID: 0013
Revises: 0012
"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_reopened", "events", ["complaint_id"],
                    sqlite_where=sa.text("kind = 'reopened'"))


def downgrade() -> None:
    op.drop_index("ix_events_reopened", table_name="events")
