"""Category names for the screen, from the taxonomy data (never hard-coded here).

The taxonomy is loaded once per process (it is reference data, read-only);
an unknown code (from an older taxonomy, or synced from another branch) is
shown as the code itself rather than failing.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import TYPE_CHECKING

from desktop.domain.errors import DomainError

if TYPE_CHECKING:
    from desktop.domain.taxonomy import Taxonomy

log = logging.getLogger("complaint_desk.ui.categories")


@cache
def shipped_taxonomy() -> Taxonomy:
    """The taxonomy in force. Raises PolicyError if the data file is missing or malformed."""
    from desktop.domain.taxonomy import load_taxonomy

    return load_taxonomy()


def category_label(axis: str, code: str, locale: str, *, full: bool = False) -> str:
    if not code:
        return ""
    try:
        taxonomy = shipped_taxonomy()
        if full:
            return taxonomy.full_label(axis, code, locale)
        return taxonomy.label(axis, code, locale)
    except DomainError:
        return code


class CategoryNames:
    """"Business type · cause" for a worklist row, remembered per language."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, str, str], str] = {}

    def text(self, business_type: str, cause: str, locale: str) -> str:
        key = (business_type, cause, locale)
        found = self._known.get(key)
        if found is None:
            found = " · ".join(t for t in (category_label("business_type", business_type, locale),
                                            category_label("cause", cause, locale)) if t)
            if len(self._known) > 5000:
                self._known.clear()
            self._known[key] = found
        return found
