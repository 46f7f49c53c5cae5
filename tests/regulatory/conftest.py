"""Fixtures for the regulatory rules' tests: a live HQ on loopback and branches enrolled at it
(re-exported from the sync tests)."""

from tests.sync.conftest import make_branch, sqlite_hq  # noqa: F401
