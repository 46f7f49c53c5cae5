"""Alembic migrations of the branch database, run on every open (an upgrade never loses data)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest revision; a test checks it against the migration scripts. Knowing it lets a
# profile that is already current open without loading Alembic (start-up time and memory).
HEAD = "0013"


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to `revision` (the newest by default); a no-op when it is current."""
    if revision == "head" and stored_revision(engine) == HEAD:
        return
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def stored_revision(engine: Engine) -> str | None:
    """The revision recorded in the database, read with plain SQL (None for a new file)."""
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except OperationalError:
        return None


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
