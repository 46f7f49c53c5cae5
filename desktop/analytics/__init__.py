"""Management figures (docs/ARCHITECTURE.md §14): one set of definitions, each a SQLAlchemy
Core query over the complaint rows, run on the branch's SQLite and on HQ's PostgreSQL alike.

May import: the standard library, SQLAlchemy Core, xlsxwriter, `desktop.domain`, `desktop.i18n`,
`reports` (report.py hands the printed report its data). Never: the store's ORM
models, services, security, sync, Qt, hq (both sides hand in their complaint table through
`desktop.analytics.source.source_of`).
"""
