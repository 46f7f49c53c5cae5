"""The branch profile's database: SQLAlchemy models, opening engines (store/db.py, the
only place), Alembic migrations, writing events with the projection refold, and the
worklist and search queries (docs/ARCHITECTURE.md §6).

May import: desktop.domain, SQLAlchemy, Alembic (migration 0012 also desktop.analytics.precount,
whose trigger SQL it installs). Never services, security, sync or Qt.
"""
