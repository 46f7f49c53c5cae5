"""Root cause and corrective actions on HQ's complaint rows (溯源整改, issue 17): the root
cause a resolution recorded, how many of its corrective actions are open and the earliest
due date among them, folded from the events. `complaint-desk-hq rebuild` fills them for
complaints already held.

Revision ID: 0006_root_cause
Revises: 0005_repeat_link
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_root_cause"
down_revision = "0005_repeat_link"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("complaints", sa.Column("root_cause", sa.String(40), nullable=False,
                                          server_default=""))
    op.add_column("complaints", sa.Column("open_actions", sa.Integer(), nullable=False,
                                          server_default="0"))
    op.add_column("complaints", sa.Column("next_action_due", sa.String(10), nullable=True))
    op.create_index("ix_complaints_next_action_due", "complaints", ["next_action_due"])


def downgrade() -> None:
    op.drop_index("ix_complaints_next_action_due", "complaints")
    op.drop_column("complaints", "next_action_due")
    op.drop_column("complaints", "open_actions")
    op.drop_column("complaints", "root_cause")
