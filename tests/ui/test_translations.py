"""The window's Qt catalogues are built with Qt's own tools and hold every text of ui/:
Chinese all of them, English only those with a count ("%n day(s)" → "1 day" / "2 days")."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.domain.model import CustomerKind
from desktop.services.intake import CustomerMatch
from tools.build_translations import LOCALES, messages, missing_texts, release, ts_path, unfinished
from ui.intake.models import CustomerMatchModel


@pytest.mark.parametrize("locale", LOCALES)
def test_every_text_of_the_window_is_in_the_catalogue(locale: str) -> None:
    """lupdate over ui/ (into a copy) finds nothing the committed catalogue lacks:
    run `make translations` and translate what it reports when this fails."""
    assert missing_texts(locale) == set()


def test_english_holds_exactly_the_texts_with_a_count() -> None:
    chinese, english = messages(ts_path("zh_CN")), messages(ts_path("en"))
    assert english == {m for m in chinese if m[2]}
    assert len(english) >= 7


def test_every_text_that_says_s_in_brackets_is_counted_by_qt() -> None:
    """"(s)" in a source text means it needs tr(text, "", n); without n it would show "1 days"."""
    assert [m for m in messages(ts_path("zh_CN")) if "(s)" in m[1] and not m[2]] == []


def _plural_messages(locale: str) -> list[tuple[str, str, list[str]]]:
    found = []
    for context in ET.parse(ts_path(locale)).iter("context"):
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                forms = [f.text or "" for f in message.iter("numerusform")]
                found.append((context.findtext("name") or "", message.findtext("source") or "", forms))
    return found


@pytest.mark.parametrize("locale", LOCALES)
def test_the_compiled_catalogue_gives_the_right_form_for_each_number(qapp: QApplication, locale: str) -> None:
    translator = QTranslator()
    assert translator.load(str(ts_path(locale).with_suffix(".qm")))
    plurals = _plural_messages(locale)
    assert plurals
    QCoreApplication.installTranslator(translator)
    try:
        for context, source, forms in plurals:
            one, other = forms[0], forms[-1]
            assert QCoreApplication.translate(context, source, "", 1) == one.replace("%n", "1"), source
            assert QCoreApplication.translate(context, source, "", 5) == other.replace("%n", "5"), source
            assert QCoreApplication.translate(context, source, "", 0) == other.replace("%n", "0"), source
        if locale == "en":
            assert QCoreApplication.translate("WorklistPanel", "%n case(s)", "", 1) == "1 case"
            assert QCoreApplication.translate("WorklistPanel", "Close", "") == "Close"  # not in the file
    finally:
        QCoreApplication.removeTranslator(translator)


def test_lrelease_refuses_a_catalogue_with_an_unfinished_text(tmp_path: Path) -> None:
    ts = tmp_path / "complaint_desk_zh_CN.ts"
    shutil.copyfile(ts_path("zh_CN"), ts)
    text = ts.read_text(encoding="utf-8")
    assert text.count("<translation>") > 1
    ts.write_text(text.replace("<translation>", '<translation type="unfinished">', 1), encoding="utf-8")
    qm = tmp_path / "complaint_desk_zh_CN.qm"
    with pytest.raises(subprocess.CalledProcessError):
        release(ts, qm)
    assert not qm.exists()
    assert len(unfinished(ts)) == 1


@pytest.mark.parametrize(("locale", "one", "three"), [
    ("en", "0 open / 1 complaint", "2 open / 3 complaints"),
    ("zh_CN", "未结 0 / 共 1 件投诉", "未结 2 / 共 3 件投诉"),
])
def test_a_customer_match_counts_complaints_in_words(qapp: QApplication, locale: str, one: str,
                                                     three: str) -> None:
    """A screen's own tr() with a count: the customer search line says "1 complaint"."""
    translator = QTranslator()
    assert translator.load(str(ts_path(locale).with_suffix(".qm")))
    QCoreApplication.installTranslator(translator)
    try:
        model = CustomerMatchModel()
        model.set_matches([_match(open_complaints=0, total=1), _match(open_complaints=2, total=3)])
        lines = [str(model.data(model.index(row, 0))) for row in range(2)]
    finally:
        QCoreApplication.removeTranslator(translator)
    assert lines[0].endswith(one) and lines[1].endswith(three)


def _match(*, open_complaints: int, total: int) -> CustomerMatch:
    return CustomerMatch(id="c1", kind=CustomerKind.INDIVIDUAL, name="王芳", id_number="", phone="",
                         open_complaints=open_complaints, total_complaints=total)
