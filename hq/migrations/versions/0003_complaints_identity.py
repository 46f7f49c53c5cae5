"""HQ's complaint rows, identity encrypted at rest, per-branch reference documents.

- complaints: the fold of each complaint's events (hq.complaints), with the indexes
  the console and statistics read by;
- events.identity / events.data_key_id and data_keys: the envelope encryption of the
  identity members of payloads (hq.vault);
- reference_documents.branch_code: one row per branch for per-branch documents (roster);
- roster_roles: who held which role on a branch's roster (checked at push).

Revision ID: 0003
Revises: 0002_console
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from hq.tables import UtcDateTime

revision = "0003"
down_revision = "0002_console"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "complaints",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("branch_code", sa.String(32), nullable=False),
        sa.Column("owner_device_id", sa.String(64), nullable=False),
        sa.Column("reference", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("channel", sa.String(24), nullable=False),
        sa.Column("business_channel", sa.String(400), nullable=False),
        sa.Column("business_type", sa.String(40), nullable=False),
        sa.Column("cause", sa.String(40), nullable=False),
        sa.Column("product", sa.String(400), nullable=False),
        sa.Column("amount", sa.String(24), nullable=True),
        sa.Column("received_at", UtcDateTime(), nullable=False),
        sa.Column("received_date", sa.Date(), nullable=False),
        sa.Column("decision_due", UtcDateTime(), nullable=False),
        sa.Column("received_by", sa.String(64), nullable=False),
        sa.Column("assignee", sa.String(64), nullable=False),
        sa.Column("escalation_level", sa.Integer(), nullable=False),
        sa.Column("extensions", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=True),
        sa.Column("compensation", sa.String(24), nullable=True),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.Column("resolved_at", UtcDateTime(), nullable=True),
        sa.Column("closed_at", UtcDateTime(), nullable=True),
        sa.Column("withdrawn_at", UtcDateTime(), nullable=True),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("review_reasons", sa.Text(), nullable=False),
        sa.Column("customer_key", sa.String(64), nullable=True),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=True),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_complaints"),
        sa.UniqueConstraint("reference", name="uq_complaints_reference"),
    )
    for name, columns in (
        ("ix_complaints_branch_received", ["branch_code", "received_at"]),
        ("ix_complaints_branch_status", ["branch_code", "status"]),
        ("ix_complaints_status_due", ["status", "decision_due"]),
        ("ix_complaints_category", ["business_type", "cause"]),
        ("ix_complaints_received_date", ["received_date"]),
        ("ix_complaints_closed_at", ["closed_at"]),
        ("ix_complaints_customer_key", ["customer_key"]),
    ):
        op.create_index(name, "complaints", columns)
    op.create_table(
        "data_keys",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kek_id", sa.String(128), nullable=False),
        sa.Column("wrapped", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_data_keys"),
    )
    op.create_table(
        "roster_roles",
        sa.Column("branch_code", sa.String(32), nullable=False),
        sa.Column("staff_number", sa.String(32), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("branch_code", "staff_number", "role", name="pk_roster_roles"),
    )
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("identity", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("data_key_id", sa.Integer(), nullable=True))
    with op.batch_alter_table("reference_documents") as batch:
        batch.add_column(sa.Column("branch_code", sa.String(32), nullable=False,
                                   server_default=""))
        batch.drop_constraint("uq_reference_documents_kind", type_="unique")
        batch.create_unique_constraint("uq_reference_documents_kind_version_branch",
                                       ["kind", "version", "branch_code"])


def downgrade() -> None:
    with op.batch_alter_table("reference_documents") as batch:
        batch.drop_constraint("uq_reference_documents_kind_version_branch", type_="unique")
        batch.create_unique_constraint("uq_reference_documents_kind", ["kind", "version"])
        batch.drop_column("branch_code")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("data_key_id")
        batch.drop_column("identity")
    for table in ("roster_roles", "data_keys", "complaints"):
        op.drop_table(table)
