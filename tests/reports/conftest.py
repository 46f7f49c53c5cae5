from __future__ import annotations

import pytest

from tests.reports.helpers import tool


@pytest.fixture
def pdftotext_tool() -> str:
    """Path of poppler's pdftotext; the test is skipped, with the reason, when it is absent."""
    path = tool("pdftotext")
    if path is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: apt-get install -y poppler-utils")
    return path
