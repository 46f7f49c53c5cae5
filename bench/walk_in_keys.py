"""The pytest-qt run bench_counter starts: the standard walk-in complaint, keyboard only, on
the real windows and a real profile (tests/ui's fixtures), its key counts written to
$COMPLAINT_DESK_KEYS_OUT as JSON. Not collected by the test suite (it lives in bench/)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.ui.conftest import Counter
from tests.ui.walk_in import record_walk_in


def test_walk_in_complaint_keyboard_only(counter: Counter) -> None:
    counter.log_in("T001")
    panel, keys = record_walk_in(counter)
    assert panel.result is not None
    out = os.environ.get("COMPLAINT_DESK_KEYS_OUT")
    if out:
        Path(out).write_text(json.dumps({"moves": keys.moves, "characters": keys.characters}),
                             encoding="utf-8")
