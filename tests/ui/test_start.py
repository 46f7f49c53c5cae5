"""Starting the app: the login window comes before the database layer, and a folder that
holds no profile is reported, not turned into one."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.i18n import translate
from tests.ui.conftest import Counter

ROOT = Path(__file__).resolve().parents[2]

LOGIN_FIRST = """
import sys
from pathlib import Path
from ui.app import AppController, make_application, make_context
qt = make_application()
app = make_context(Path(sys.argv[1]))
controller = AppController(app)
controller.login.show()
qt.processEvents()
heavy = sorted(m for m in ("sqlalchemy", "alembic", "argon2", "reportlab", "httpx") if m in sys.modules)
print("loaded-before-login:", ",".join(heavy) or "none", flush=True)
app.worker.shutdown()
"""


def test_the_login_window_shows_before_the_database_layer_is_loaded(profile: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-c", LOGIN_FIRST, str(profile)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)
    assert "loaded-before-login: none" in done.stdout, done.stdout + done.stderr


def test_a_folder_without_a_profile_is_reported_and_left_alone(
        make_counter: Callable[..., Counter], tmp_path: Path) -> None:
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    counter = make_counter(empty)
    login = counter.controller.login
    counter.qtbot.waitUntil(lambda: login.form.message.text() != "", timeout=15_000)
    assert login.form.message.text() == translate("security.no_profile", "zh_CN")
    assert not login.login_button.isEnabled()
    assert [p.name for p in empty.iterdir() if p.name != "ui-settings.json"] == []
