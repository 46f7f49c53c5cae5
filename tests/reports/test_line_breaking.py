"""Chinese line breaking: no line starts with a closing mark, none ends with an opening one."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle

from reports import render_letter
from reports.fonts import cjk_font
from reports.text import ChineseParagraph, markup
from tests.reports.helpers import letter_data, pdftotext

FORBIDDEN_START = "，。、；：？！）》」』"
FORBIDDEN_END = "（《「『"
# Punctuation-dense Chinese: pairs of closing marks (）。 」， 》、), quotes, an English word
# and a reference number, so that many break points fall next to a mark.
LONG_TEXT = (
    "客户称：“我于三月一日（周五）在柜台办理了转账，却被告知‘系统繁忙’！为什么？”"
    "经办员答复：请参阅《个人账户管理办法》第三条；客户不认可，要求书面说明。"
    "我行核实后认为：转账已于当日到账（见流水号110105-02-20240305-0042-K），"
    "但柜员未按「首问负责制」及时解释，确有不妥；已责令其整改，并对客户致歉。"
    "客户表示理解，但坚持要求补偿（交通费、误工费等），金额约200元？我行将按规定办理！"
) * 12


def _lines(text: str, width: float, size: float = 10.5) -> list[str]:
    style = ParagraphStyle("t", fontName=cjk_font(), fontSize=size, leading=size * 1.4,
                           wordWrap="CJK")
    paragraph = ChineseParagraph(markup(text), style)
    paragraph.wrap(width, 10_000)
    return ["".join(word.text for word in line.words) for line in paragraph.blPara.lines]


@pytest.mark.parametrize("width", [float(w) for w in range(60, 480, 7)])
def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(width: float) -> None:
    lines = _lines(LONG_TEXT, width)

    assert "".join(lines) == LONG_TEXT  # nothing lost or added
    for previous, line in itertools.pairwise(lines):
        assert line[0] not in FORBIDDEN_START, (previous, line)
        assert previous[-1] not in FORBIDDEN_END, (previous, line)


@pytest.mark.parametrize("width", [140.0, 200.0, 260.0])
def test_a_reference_number_is_not_cut_across_lines(width: float) -> None:
    lines = _lines(LONG_TEXT, width)

    cut = [ln for ln in lines if ln.endswith(("110105", "110105-02", "-0042"))]
    assert not cut


def test_lines_stay_within_the_width() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for line in _lines(LONG_TEXT, 200.0):
        assert stringWidth(line, cjk_font(), 10.5) <= 200.0 + 0.01


def test_english_text_breaks_between_words() -> None:
    text = "Having looked into it, we find that what you told us is correct. " * 6
    lines = _lines(text, 180.0)

    words = set(text.split())
    for line in lines:
        for word in line.split():
            assert word in words, line


def test_printed_letter_has_no_line_starting_with_forbidden_punctuation(
    tmp_path: Path, pdftotext_tool: str
) -> None:
    data = letter_data(findings=LONG_TEXT, decision=LONG_TEXT[:600])
    text = pdftotext(render_letter(data), tmp_path)

    starts = [line.strip()[0] for line in text.splitlines() if line.strip()]
    assert len(starts) > 60
    assert not [s for s in starts if s in FORBIDDEN_START]
