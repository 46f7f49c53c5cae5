"""Worklist indexes measured at a million complaints: "my cases" by (assignee, status), and
sorting by customer name.

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_complaints_assignee_status", "complaints", ["assignee", "status"])
    op.create_index("ix_complaints_customer_name", "complaints", ["customer_name"])


def downgrade() -> None:
    op.drop_index("ix_complaints_customer_name", "complaints")
    op.drop_index("ix_complaints_assignee_status", "complaints")
