"""Category names for the screen, from the taxonomy in force (never hard-coded here).

The taxonomy HQ published (or the shipped one) comes with the profile's context
and is kept in `AppContext.taxonomy`; it is reference data, read-only, safe to
read on the GUI thread. An unknown code (from an older taxonomy, or synced from
another branch) is shown as the code itself rather than failing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.domain.categories import category_label

if TYPE_CHECKING:
    from desktop.domain.taxonomy import Taxonomy
    from ui.context import AppContext


def category_line(taxonomy: Taxonomy, business_type: str, cause: str, locale: str) -> str:
    """"Business type · cause" in `locale` (either left out when blank)."""
    return " · ".join(t for t in (category_label(taxonomy, "business_type", business_type, locale),
                                  category_label(taxonomy, "cause", cause, locale)) if t)


class CategoryNames:
    """"Business type · cause" for a row of a list, remembered per language."""

    def __init__(self, app: AppContext) -> None:
        self._app = app
        self._known: dict[tuple[str, str, str], str] = {}

    def text(self, business_type: str, cause: str) -> str:
        locale = self._app.locale
        key = (business_type, cause, locale)
        found = self._known.get(key)
        if found is None:
            found = category_line(self._app.categories(), business_type, cause, locale)
            if len(self._known) > 5000:
                self._known.clear()
            self._known[key] = found
        return found
