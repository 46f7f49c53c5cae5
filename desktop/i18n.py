"""Translations for the core's user-visible messages (errors, validation, CLI output).

The widgets use Qt's own translation files; the core has no Qt, so its messages
live in `resources/i18n/core.<locale>.json` and are looked up by code. zh_CN is
the primary language and en the second; both must hold every code.
"""

from __future__ import annotations

import os
from typing import Any

from desktop.resources import load_json

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


def catalogue(locale: str) -> dict[str, str]:
    data: dict[str, str] = load_json("i18n", f"core.{normalise_locale(locale)}.json")
    return data


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
