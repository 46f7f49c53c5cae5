"""Indexes the console's lists need at 2 million complaints (bench/bench_console.py):
the unfiltered newest-first list, and the overdue / due-soon lists answered from the
status + decision-due index alone (it now carries received_at and id on PostgreSQL).

Revision ID: 0008_console_search
Revises: 0007_console_keys
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0008_console_search"
down_revision = "0007_console_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_complaints_received_at_id", "complaints", ["received_at", "id"])
    op.drop_index("ix_complaints_status_due", table_name="complaints")
    op.create_index("ix_complaints_status_due", "complaints", ["status", "decision_due"],
                    postgresql_include=["received_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_complaints_status_due", table_name="complaints")
    op.create_index("ix_complaints_status_due", "complaints", ["status", "decision_due"])
    op.drop_index("ix_complaints_received_at_id", table_name="complaints")
