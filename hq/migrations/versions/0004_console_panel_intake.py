"""The console's expert panels (members, recusals, opinions) and HQ intake (API keys of
the bank's own systems, request ids that make intake idempotent).

Revision ID: 0004_console_panel
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from hq.tables import UtcDateTime

revision = "0004_console_panel"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "expert_panels",
        sa.Column("complaint_id", sa.String(64), nullable=False),
        sa.Column("branch_code", sa.String(32), nullable=False),
        sa.Column("reference", sa.String(64), nullable=False),
        sa.Column("complained_department", sa.String(64), nullable=False),
        sa.Column("chair", sa.String(32), nullable=False),
        sa.Column("formed_by", sa.String(32), nullable=False),
        sa.Column("formed_at", UtcDateTime(), nullable=False),
        sa.Column("concluded_at", UtcDateTime(), nullable=True),
        sa.Column("decision_event_id", sa.String(64), nullable=True),
        sa.ForeignKeyConstraint(["chair"], ["staff_accounts.number"],
                                name="fk_expert_panels_chair_staff_accounts"),
        sa.PrimaryKeyConstraint("complaint_id", name="pk_expert_panels"),
        sa.UniqueConstraint("reference", name="uq_expert_panels_reference"),
    )
    op.create_table(
        "expert_panel_members",
        sa.Column("complaint_id", sa.String(64), nullable=False),
        sa.Column("staff_number", sa.String(32), nullable=False),
        sa.Column("department", sa.String(64), nullable=False),
        sa.Column("added_at", UtcDateTime(), nullable=False),
        sa.Column("recused_at", UtcDateTime(), nullable=True),
        sa.Column("recusal_reason", sa.String(500), nullable=False),
        sa.ForeignKeyConstraint(["complaint_id"], ["expert_panels.complaint_id"],
                                name="fk_expert_panel_members_complaint_id_expert_panels"),
        sa.ForeignKeyConstraint(["staff_number"], ["staff_accounts.number"],
                                name="fk_expert_panel_members_staff_number_staff_accounts"),
        sa.PrimaryKeyConstraint("complaint_id", "staff_number", name="pk_expert_panel_members"),
    )
    op.create_index("ix_expert_panel_members_staff_number", "expert_panel_members",
                    ["staff_number"])
    op.create_table(
        "expert_panel_opinions",
        sa.Column("complaint_id", sa.String(64), nullable=False),
        sa.Column("staff_number", sa.String(32), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("submitted_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["complaint_id"], ["expert_panels.complaint_id"],
                                name="fk_expert_panel_opinions_complaint_id_expert_panels"),
        sa.PrimaryKeyConstraint("complaint_id", "staff_number", name="pk_expert_panel_opinions"),
    )
    op.create_table(
        "intake_api_keys",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("system", sa.String(64), nullable=False),
        sa.Column("channel", sa.String(24), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("revoked_at", UtcDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_intake_api_keys"),
        sa.UniqueConstraint("key_hash", name="uq_intake_api_keys_key_hash"),
    )
    op.create_table(
        "intake_requests",
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("request_id", sa.String(100), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("complaint_id", sa.String(64), nullable=False),
        sa.Column("branch_code", sa.String(32), nullable=False),
        sa.Column("reference", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("source", "request_id", name="pk_intake_requests"),
    )


def downgrade() -> None:
    op.drop_table("intake_requests")
    op.drop_table("intake_api_keys")
    op.drop_table("expert_panel_opinions")
    op.drop_index("ix_expert_panel_members_staff_number", "expert_panel_members")
    op.drop_table("expert_panel_members")
    op.drop_table("expert_panels")
