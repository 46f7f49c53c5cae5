"""A partial index of the reopened events, so the reopened share (desktop.analytics.reopened)
finds the few reopened complaints without reading every event (10 million in the HQ
benchmark: a full scan took seconds).

Revision ID: 0009_reopened_events
Revises: 0008_console_search
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_reopened_events"
down_revision = "0008_console_search"
branch_labels = None
depends_on = None

WHERE = sa.text("kind = 'reopened'")


def upgrade() -> None:
    op.create_index("ix_events_reopened", "events", ["complaint_id"],
                    postgresql_where=WHERE, sqlite_where=WHERE)


def downgrade() -> None:
    op.drop_index("ix_events_reopened", table_name="events")
