"""Chinese and English are complete and switch at runtime, everywhere at once; Chinese
renders with the font shipped in resources/ whatever fonts the PC has."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import Counter
from tests.ui.keys import press
from tools.build_translations import BASENAME, unfinished
from ui.i18n import translations_dir

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def header(counter: Counter, column: int) -> str:
    model = counter.main.worklist.model
    return str(model.headerData(column, Qt.Orientation.Horizontal))


def test_switching_language_changes_the_visible_texts_at_once(counter: Counter) -> None:
    main = counter.log_in("T001")
    panel = main.new_complaint()
    counter.wait_idle()
    assert main.windowTitle().startswith("投诉受理台")
    assert header(counter, 0) == "投诉编号"
    assert panel.next_button.text().startswith("下一步")
    assert main.tabs.tabText(0) == "工作清单"

    press(Qt.Key.Key_U, CTRL_SHIFT, main.worklist.table)
    assert counter.app.locale == "en"
    counter.qtbot.waitUntil(lambda: main.windowTitle().startswith("Complaint Desk"), timeout=3_000)
    assert main.windowTitle().startswith("Complaint Desk")
    assert header(counter, 0) == "Reference"
    assert panel.next_button.text() == "&Next →"
    assert main.tabs.tabText(0) == "Worklist"
    assert main.status.user.text().startswith("Logged in:")
    assert "Teller" in main.status.user.text()

    counter.app.set_language("zh_CN")
    counter.qtbot.waitUntil(lambda: main.windowTitle().startswith("投诉受理台"), timeout=3_000)
    assert header(counter, 0) == "投诉编号"
    assert "柜员" in main.status.user.text()


def test_core_messages_follow_the_language_too(counter: Counter) -> None:
    main = counter.log_in("T001")
    counter.app.set_language("en")
    panel = main.new_complaint()
    counter.wait_idle()
    assert not panel.go_to(1)
    assert panel.messages()["customer.name"] == "Please fill this in."


def test_the_chosen_language_is_remembered_for_the_next_start(counter: Counter) -> None:
    counter.log_in("T001")
    counter.app.set_language("en")
    from ui.settings import UiSettings

    assert UiSettings.load(counter.app.profile).language == "en"


def test_every_window_text_has_a_translation_in_both_languages() -> None:
    for locale in ("zh_CN", "en"):
        ts = translations_dir() / f"{BASENAME}_{locale}.ts"
        assert ts.exists() and ts.with_suffix(".qm").exists()
        assert unfinished(ts) == []


def test_the_compiled_translations_are_not_older_than_their_sources() -> None:
    for locale in ("zh_CN", "en"):
        ts: Path = translations_dir() / f"{BASENAME}_{locale}.ts"
        assert ts.with_suffix(".qm").stat().st_size > 1000


def test_chinese_renders_with_the_shipped_font(counter: Counter) -> None:
    counter.log_in("T001")
    assert "WenQuanYi Micro Hei" in QFontDatabase.applicationFontFamilies(0) or any(
        "WenQuanYi" in f for f in QFontDatabase.families())
    font = QApplication.font()
    assert font.families()[0].startswith("WenQuanYi")
    metrics = QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "投诉受理台剩余天")
