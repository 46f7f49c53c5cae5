"""The branch side of the HQ protocol: the wire schema (wire.py, shared with hq/), the
HTTP client with retries, enrollment, and the engine that pushes, pulls and closes the
day (docs/ARCHITECTURE.md §5).

May import: desktop.domain, desktop.store, desktop.services.context, desktop.security
(keys, roster); wire.py only desktop.domain and pydantic. Never ui, reports, hq or Qt.
"""
