"""Branch devices against a live HQ (SQLite and PostgreSQL), as the sync tests have them."""

from tests.hq.conftest import postgres_database_url  # noqa: F401
from tests.sync.conftest import make_branch, postgres_hq, sqlite_hq  # noqa: F401
