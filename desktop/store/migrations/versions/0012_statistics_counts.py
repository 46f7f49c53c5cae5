"""The statistics pre-counted (issue 17: the quarter's JR/T table at 1M complaints): the
figures of the complaints received in each UTC day, month, quarter and year, by every
breakdown, in `statistics_counts`, kept by triggers on `complaints` that
desktop.analytics.precount writes from the statistics' own definitions; existing complaints
counted by one INSERT … SELECT … GROUP BY per level. The open complaints' deadline index
gains the receipt time, so those not yet due are found from the index alone.

Revision ID: 0012
Revises: 0011
"""
import sqlalchemy as sa
from alembic import op

from desktop.analytics.precount import TRIGGERS, backfill, triggers
from desktop.store.models import ComplaintRow, StatisticsCountRow

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

KEY = ["block", "channel", "business_type", "cause", "intake_channel", "branch", "root_cause"]
FIGURES = ["received", "concluded", "upheld", "partly_upheld", "not_upheld", "withdrawn", "open",
           "overdue"]


def upgrade() -> None:
    op.create_table(
        "statistics_counts",
        *(sa.Column(name, sa.String(length), primary_key=True)
          for name, length in zip(KEY, [10, 40, 40, 40, 30, 32, 40], strict=True)),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in FIGURES),
        sqlite_with_rowid=False)
    complaints, counts = ComplaintRow.__table__, StatisticsCountRow.__table__
    for statement in backfill(complaints, counts):  # type: ignore[arg-type]
        op.execute(statement)
    for sql in triggers(complaints, counts).values():  # type: ignore[arg-type]
        op.execute(sql)
    # A plain DROP and CREATE INDEX: a batch copy would drop the triggers on this table.
    op.drop_index("ix_complaints_status_due", "complaints")
    op.create_index("ix_complaints_status_due", "complaints",
                    ["status", "decision_due", "received_at", "repeat_of"])
    # A database whose planner statistics were gathered (ANALYZE) gets them for these too.
    if op.get_bind().execute(sa.text(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first():
        op.execute("ANALYZE statistics_counts")
        op.execute("ANALYZE ix_complaints_status_due")


def downgrade() -> None:
    op.drop_index("ix_complaints_status_due", "complaints")
    op.create_index("ix_complaints_status_due", "complaints", ["status", "decision_due"])
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("statistics_counts")
