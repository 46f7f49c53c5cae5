"""The repeat link on HQ's complaint rows: the complaint id of an earlier complaint about
the same matter, folded from the `received` event, so statistics count a repeat once
(`repeat_of IS NULL`). `complaint-desk-hq rebuild` fills it for complaints already held.

Revision ID: 0005_repeat_link
Revises: 0004_console_panel
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_repeat_link"
down_revision = "0004_console_panel"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("complaints", sa.Column("repeat_of", sa.String(64), nullable=True))
    op.create_index("ix_complaints_repeat_of", "complaints", ["repeat_of"])


def downgrade() -> None:
    op.drop_index("ix_complaints_repeat_of", "complaints")
    op.drop_column("complaints", "repeat_of")
