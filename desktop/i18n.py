"""Translations for the core's user-visible messages (errors, validation, CLI output).

The widgets use Qt's own translation files; the core has no Qt, so its messages
live in `resources/i18n/<locale>/*.json` (one file per area: domain, store,
services, sync, cli, ...) and are looked up by code. zh_CN is the primary
language and en the second; both must hold every code (a test checks).
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import Any

from desktop.resources import resource_path

LOCALES = ("zh_CN", "en")
DEFAULT_LOCALE = "zh_CN"


def normalise_locale(locale: str | None) -> str:
    """Map 'zh', 'zh_CN.UTF-8', 'en_GB' ... onto a shipped locale."""
    if not locale:
        locale = os.environ.get("COMPLAINT_DESK_LANG") or DEFAULT_LOCALE
    lowered = locale.lower()
    if lowered.startswith("zh"):
        return "zh_CN"
    if lowered.startswith("en"):
        return "en"
    return DEFAULT_LOCALE


@cache
def catalogue(locale: str) -> dict[str, str]:
    """Every message code of `locale`, merged from the area files of its folder."""
    merged: dict[str, str] = {}
    folder = resource_path("i18n", normalise_locale(locale))
    for path in sorted(folder.glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def translate(code: str, locale: str | None = None, **params: Any) -> str:
    """The message for `code` in `locale`, with {placeholders} filled.

    An unknown code falls back to English and then to the code itself, so a
    missing translation shows something readable instead of crashing.
    """
    loc = normalise_locale(locale)
    text = catalogue(loc).get(code) or catalogue("en").get(code) or code
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text
