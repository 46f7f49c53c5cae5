"""One word for each status, outcome and timeline entry everywhere: the screens, the timeline,
the documents, the CLI and the HQ console all read desktop.i18n.term; the timeline shows
words, never codes such as `receipt` or `extension_notice`."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.domain.documents import document_name
from desktop.domain.model import EventKind, Outcome, Status
from desktop.i18n import LOCALES, term
from reports.day_end import _status_label
from tests.ui.conftest import Counter
from tests.ui.test_case_view import OPEN, a_case, open_case
from ui import labels


@pytest.mark.parametrize("locale", LOCALES)
def test_every_status_outcome_and_event_has_a_word_in_both_languages(locale: str) -> None:
    for kind, codes in (("status", Status), ("outcome", Outcome), ("event", EventKind)):
        for code in codes:
            word = term(kind, code.value, locale)
            assert word and word != code.value, (kind, code, locale)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_screens_and_the_day_end_report_use_the_same_words(counter: Counter, locale: str) -> None:
    counter.app.set_language(locale)
    for status in Status:
        assert labels.label(labels.STATUS, status.value) == term("status", status.value, locale)
        assert _status_label(status.value, locale) == term("status", status.value, locale)
    for outcome in Outcome:
        assert labels.label(labels.OUTCOME, outcome.value) == term("outcome", outcome.value, locale)
    for kind in EventKind:
        assert labels.label(labels.EVENT, kind.value) == term("event", kind.value, locale)


def test_the_timeline_shows_words_never_codes(counter: Counter) -> None:
    main = counter.log_in("T001")
    view = open_case(counter, main, a_case(counter, OPEN))
    assert view.case_screen is not None
    events = list(view.case_screen.detail.timeline)
    first = events[0]
    printed = [dataclasses.replace(first, id=f"x{i}", kind=EventKind.DOCUMENT_PRINTED,
                                   payload={"document": doc, "copy": 2})
               for i, doc in enumerate(("receipt", "extension_notice", "letter"))]
    model = view.timeline_model
    model.set_events(events + printed)
    codes = {k.value for k in EventKind} | {"receipt", "extension_notice", "letter"}
    for row in range(model.rowCount()):
        what = model.index(row, 2).data()
        details = model.index(row, 3).data() or ""
        assert what not in codes and what
        assert not any(code in details.split(", ")[0].split() for code in codes), details
    shown = [model.index(r, 3).data() for r in range(model.rowCount())]
    assert f"{document_name('extension_notice', 'zh_CN')}, 副本 2" in shown or any(
        document_name("extension_notice", "zh_CN") in s for s in shown)
