"""The desktop window (PySide6): login and lock screen, worklist, the guided intake,
the case view, print preview and printing, sync and day-end from the window, and the
one database worker every read and change goes through (docs/ARCHITECTURE.md §2, §4).

May import: desktop.services (all data goes through them), desktop.domain values,
desktop.security (permission checks), desktop.sync (the sync controller),
desktop.profile, reports. No SQL and no store rows: only the database worker and the
context hold the store handle. Background work goes through ui/tasks.py.
"""
