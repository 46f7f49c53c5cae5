"""The window's own settings (language, last worklist, window size, how often to sync), kept in
the profile folder.

Typed and versioned: `load()` upgrades an older file step by step and ignores
keys it does not know, so an upgrade never loses what the user chose. Nothing
here is identity data or a secret.

What can go wrong: an unreadable or malformed file gives the defaults (logged).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

log = logging.getLogger("complaint_desk.ui.settings")

SETTINGS_FILE = "ui-settings.json"
VERSION = 2


@dataclass
class UiSettings:
    version: int = VERSION
    language: str = ""  # "" until chosen: the environment's language, else zh_CN
    worklist: str = "branch"
    last_staff_number: str = ""
    window_width: int = 1280
    window_height: int = 680  # fits a 1366×768 counter screen with its taskbar
    idle_lock_minutes: int = 0  # 0: take the policy's (default 5)
    auto_sync_minutes: int = 3  # sync with HQ this often while it is reachable; 0: never

    @classmethod
    def load(cls, folder: Path) -> UiSettings:
        path = folder / SETTINGS_FILE
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError):
            log.warning("settings file unreadable; defaults used")
            return cls()
        if not isinstance(raw, dict):
            return cls()
        raw = _upgrade(raw)
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in raw.items() if k in known}
        settings = cls()
        for key, value in values.items():
            if isinstance(value, type(getattr(settings, key))):
                setattr(settings, key, value)
        settings.version = VERSION
        return settings

    def save(self, folder: Path) -> None:
        """Write atomically (a crash leaves the old file or the new one, never half)."""
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / SETTINGS_FILE
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)


def _upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    version = int(raw.get("version", 1) or 1)
    if version < 2:
        # version 1 called the language "locale"
        if "locale" in raw and "language" not in raw:
            raw["language"] = raw.pop("locale")
        version = 2
    raw["version"] = version
    return raw
