"""Sync state: reference documents published by HQ, and day-end closes.

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reference_documents",
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("kind"),
    )
    op.create_table(
        "day_closes",
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("closed_at", sa.String(length=32), nullable=False),
        sa.Column("closed_by", sa.String(length=32), nullable=False),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("resent", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("business_date"),
    )


def downgrade() -> None:
    op.drop_table("day_closes")
    op.drop_table("reference_documents")
