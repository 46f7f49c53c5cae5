"""Where the shipped data lives: taxonomy, policies, calendars, templates, font, translations.

`resources/` sits beside the packages in a source checkout and in the installed
program folder; `COMPLAINT_DESK_RESOURCES` points elsewhere (e.g. for a packaged build).
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

_SHIPPED = Path(__file__).resolve().parent.parent / "resources"


def resources_dir() -> Path:
    override = os.environ.get("COMPLAINT_DESK_RESOURCES")
    if override:
        return Path(override)
    return _SHIPPED


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


@cache
def load_json(*parts: str) -> Any:
    """Read a JSON resource once per process; raises FileNotFoundError if it is not shipped."""
    with resource_path(*parts).open(encoding="utf-8") as f:
        return json.load(f)
