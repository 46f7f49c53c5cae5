"""Each complaint's risk signals stored (issue 17, item 4): on the complaint row (`risk`,
[{code, params}]) and indexed by code in `complaint_risk` for the worklist's filter;
existing complaints get theirs from their events (desktop.store.risk.rebuild_risk).

Revision ID: 0011
Revises: 0010
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from desktop.store.risk import rebuild_risk

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ALTER TABLE: a batch copy would drop the search triggers on this table.
    op.add_column("complaints", sa.Column("risk", sa.JSON(), nullable=True))
    op.create_table(
        "complaint_risk",
        sa.Column("code", sa.String(40), primary_key=True),
        sa.Column("num", sa.Integer(), primary_key=True),
        sqlite_with_rowid=False)
    op.create_index("ix_complaint_risk_num", "complaint_risk", ["num"])
    session = Session(bind=op.get_bind())
    rebuild_risk(session)
    session.flush()


def downgrade() -> None:
    op.drop_index("ix_complaint_risk_num", "complaint_risk")
    op.drop_table("complaint_risk")
    op.drop_column("complaints", "risk")
