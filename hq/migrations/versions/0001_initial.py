"""HQ's first schema: branches, devices, enrollment codes, events, push batches,
reference documents, chain heads and the change sequence.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from hq.tables import UtcDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "branches",
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_branches"),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("branch_code", sa.String(32), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("enrolled_at", UtcDateTime(), nullable=False),
        sa.Column("token_issued_at", UtcDateTime(), nullable=False),
        sa.Column("revoked_at", UtcDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["branch_code"], ["branches.code"],
                                name="fk_devices_branch_code_branches"),
        sa.PrimaryKeyConstraint("id", name="pk_devices"),
        sa.UniqueConstraint("branch_code", "number", name="uq_devices_branch_code"),
        sa.UniqueConstraint("token_hash", name="uq_devices_token_hash"),
    )
    op.create_index("ix_devices_branch_code", "devices", ["branch_code"])
    op.create_table(
        "enrollment_codes",
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("branch_code", sa.String(32), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("expires_at", UtcDateTime(), nullable=False),
        sa.Column("used_at", UtcDateTime(), nullable=True),
        sa.Column("device_id", sa.String(64), nullable=True),
        sa.Column("nonce_hash", sa.String(64), nullable=True),
        sa.Column("device_name", sa.String(128), nullable=True),
        sa.ForeignKeyConstraint(["branch_code"], ["branches.code"],
                                name="fk_enrollment_codes_branch_code_branches"),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"],
                                name="fk_enrollment_codes_device_id_devices"),
        sa.PrimaryKeyConstraint("code_hash", name="pk_enrollment_codes"),
    )
    op.create_index("ix_enrollment_codes_branch_code", "enrollment_codes", ["branch_code"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("branch_code", sa.String(32), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("complaint_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("reference", sa.String(64), nullable=True),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("hlc", sa.String(21), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("stored_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_branch_seq", "events", ["branch_code", "seq"])
    op.create_index("ix_events_branch_date", "events", ["branch_code", "business_date"])
    op.create_index("ix_events_complaint_id", "events", ["complaint_id"])
    op.create_index("ix_events_reference", "events", ["reference"],
                    postgresql_where=sa.text("reference IS NOT NULL"),
                    sqlite_where=sa.text("reference IS NOT NULL"))
    op.create_table(
        "push_batches",
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("batch_key", sa.String(128), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("accepted", sa.Integer(), nullable=False),
        sa.Column("duplicates", sa.Integer(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "batch_key", name="pk_push_batches"),
    )
    op.create_table(
        "reference_documents",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("published_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_reference_documents"),
        sa.UniqueConstraint("kind", "version", name="uq_reference_documents_kind"),
    )
    op.create_table(
        "chain_heads",
        sa.Column("branch_code", sa.String(32), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("head_hash", sa.String(64), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("branch_code", "device_id", name="pk_chain_heads"),
    )
    op.create_table(
        "change_counter",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_change_counter"),
    )
    op.execute("INSERT INTO change_counter (id, value) VALUES (1, 0)")
    if op.get_bind().dialect.name == "postgresql":
        # Increment 1, no cache: hq.db.allocate_seqs reserves blocks with setval.
        op.execute("CREATE SEQUENCE change_seq AS BIGINT INCREMENT BY 1 START WITH 1 CACHE 1")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP SEQUENCE change_seq")
    for table in ("change_counter", "chain_heads", "reference_documents", "push_batches",
                  "events", "enrollment_codes", "devices", "branches"):
        op.drop_table(table)
