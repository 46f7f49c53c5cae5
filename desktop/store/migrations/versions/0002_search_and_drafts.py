"""Search (FTS5 trigram over reference, name, description, request; short-name index) and intake drafts.

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Chinese names are often two characters, below the trigram tokenizer's reach:
# every 1- and 2-character piece of a customer's name is indexed in name_grams.
_GRAMS_OF_NAME = """
    WITH RECURSIVE pos(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM pos WHERE i < length(NEW.customer_name))
    SELECT DISTINCT substr(NEW.customer_name, i, n), NEW.num
    FROM pos, (SELECT 1 AS n UNION ALL SELECT 2)
    WHERE i + n - 1 <= length(NEW.customer_name)
"""


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("staff_number", sa.String(length=32), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute(
        "CREATE VIRTUAL TABLE complaint_search USING fts5("
        "reference, customer_name, description, request, "
        "content='complaints', content_rowid='num', tokenize='trigram')"
    )
    op.execute(
        "CREATE TABLE name_grams (gram TEXT NOT NULL, num INTEGER NOT NULL, "
        "PRIMARY KEY (gram, num)) WITHOUT ROWID"
    )
    op.execute(
        "CREATE TRIGGER complaints_ai AFTER INSERT ON complaints BEGIN "
        "INSERT INTO complaint_search(rowid, reference, customer_name, description, request) "
        "VALUES (NEW.num, NEW.reference, NEW.customer_name, NEW.description, NEW.request); "
        f"INSERT OR IGNORE INTO name_grams(gram, num) {_GRAMS_OF_NAME}; "
        "END"
    )
    op.execute(
        "CREATE TRIGGER complaints_ad AFTER DELETE ON complaints BEGIN "
        "INSERT INTO complaint_search(complaint_search, rowid, reference, customer_name, description, request) "
        "VALUES ('delete', OLD.num, OLD.reference, OLD.customer_name, OLD.description, OLD.request); "
        "DELETE FROM name_grams WHERE num = OLD.num; "
        "END"
    )
    op.execute(
        "CREATE TRIGGER complaints_au AFTER UPDATE OF reference, customer_name, description, request "
        "ON complaints BEGIN "
        "INSERT INTO complaint_search(complaint_search, rowid, reference, customer_name, description, request) "
        "VALUES ('delete', OLD.num, OLD.reference, OLD.customer_name, OLD.description, OLD.request); "
        "INSERT INTO complaint_search(rowid, reference, customer_name, description, request) "
        "VALUES (NEW.num, NEW.reference, NEW.customer_name, NEW.description, NEW.request); "
        "DELETE FROM name_grams WHERE num = OLD.num; "
        f"INSERT OR IGNORE INTO name_grams(gram, num) {_GRAMS_OF_NAME}; "
        "END"
    )
    # Complaints written before this migration get indexed now.
    op.execute("INSERT INTO complaint_search(complaint_search) VALUES ('rebuild')")
    op.execute(
        "INSERT OR IGNORE INTO name_grams(gram, num) "
        "WITH RECURSIVE pos(num, name, i) AS ("
        "  SELECT num, customer_name, 1 FROM complaints WHERE length(customer_name) > 0 "
        "  UNION ALL SELECT num, name, i + 1 FROM pos WHERE i < length(name)) "
        "SELECT DISTINCT substr(name, i, n), num FROM pos, (SELECT 1 AS n UNION ALL SELECT 2) "
        "WHERE i + n - 1 <= length(name)"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS complaints_au")
    op.execute("DROP TRIGGER IF EXISTS complaints_ad")
    op.execute("DROP TRIGGER IF EXISTS complaints_ai")
    op.execute("DROP TABLE IF EXISTS name_grams")
    op.execute("DROP TABLE IF EXISTS complaint_search")
    op.drop_table("drafts")
