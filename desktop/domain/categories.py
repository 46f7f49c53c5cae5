"""A category code as people read it: the taxonomy's label in their language, or the code
itself when the taxonomy in force does not know it (a code from an older taxonomy, or
synced from another branch), so a screen or a document never fails on it."""

from __future__ import annotations

from desktop.domain.errors import DomainError
from desktop.domain.taxonomy import Taxonomy


def category_label(taxonomy: Taxonomy, axis: str, code: str, locale: str, *,
                   full: bool = False) -> str:
    """The label of `code` on `axis` ("" for no code); `full` names its parents too."""
    if not code:
        return ""
    try:
        if full:
            return taxonomy.full_label(axis, code, locale)
        return taxonomy.label(axis, code, locale)
    except DomainError:
        return code
