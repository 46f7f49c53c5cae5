"""The HQ service: the sync API branch devices talk to (FastAPI), its tables and
migrations, and `complaint-desk-hq` for the office's chores (docs/ARCHITECTURE.md §10;
the API in hq/README.md).

May import: desktop.domain, desktop.sync.wire and desktop.i18n only; never the rest of
desktop/, ui or reports. Branch and HQ meet only over HTTP.
"""
