from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from reports import (
    render_day_end_report,
    render_extension_notice,
    render_letter,
    render_receipt,
)
from reports.fonts import font_path
from tests.reports.helpers import (
    day_end_data,
    fonts_of,
    letter_data,
    notice_data,
    receipt_data,
    tool,
)

DOCUMENTS: dict[str, Callable[[], bytes]] = {
    "receipt roll80": lambda: render_receipt(receipt_data(), fmt="roll80", copy_number=2),
    "receipt a5": lambda: render_receipt(receipt_data(), fmt="a5"),
    "receipt a4 en": lambda: render_receipt(receipt_data("en"), fmt="a4", locale="en"),
    "letter": lambda: render_letter(letter_data(), copy_number=2),
    "letter en": lambda: render_letter(letter_data("en"), locale="en"),
    "extension notice": lambda: render_extension_notice(notice_data()),
    "extension notice a5 en": lambda: render_extension_notice(notice_data("en"), fmt="a5",
                                                              locale="en"),
    "day-end report": lambda: render_day_end_report(day_end_data(), copy_number=2),
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_font_in_every_document_is_the_embedded_cjk_subset(name: str) -> None:
    fonts = fonts_of(DOCUMENTS[name]())

    assert fonts, "a document with text has fonts"
    for font in fonts:
        assert "WenQuanYiMicroHei" in font["name"], font
        assert font["files"] == {"/FontFile2"}, font  # embedded TrueType (glyf) outlines
        assert "Helvetica" not in font["name"]


@pytest.mark.parametrize("name", ["receipt roll80", "letter", "day-end report"])
def test_pdffonts_lists_only_the_embedded_subset(name: str, tmp_path: Path) -> None:
    if tool("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed: apt-get install -y poppler-utils")
    path = tmp_path / "doc.pdf"
    path.write_bytes(DOCUMENTS[name]())
    listing = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True,
                             timeout=60).stdout.splitlines()[2:]

    assert listing
    for line in listing:
        name_, *_ = line.split()
        assert "+WenQuanYiMicroHei" in name_, line  # a subset tag: XXXXXX+Name
        columns = line.split()
        assert columns[-5:-2] == ["yes", "yes", "yes"], line  # emb sub uni


def test_the_font_ships_with_its_licence_and_a_reasonable_size() -> None:
    path = font_path()

    assert path.is_file()
    assert path.stat().st_size <= 10 * 1024 * 1024
    licence = (path.parent / "LICENSE-wqy-microhei.txt").read_text(encoding="utf-8")
    assert "Apache License" in licence and "WenQuanYi" in licence


def test_documents_embed_a_subset_not_the_whole_font() -> None:
    pdf = render_receipt(receipt_data(), fmt="roll80")

    assert len(pdf) < font_path().stat().st_size / 10


def test_the_fast_face_reads_the_same_metrics_and_cuts_the_same_subset_as_reportlab() -> None:
    from reportlab.pdfbase.ttfonts import TTFontFace

    from reports.fonts import CjkFace

    ours, theirs = CjkFace(str(font_path())), TTFontFace(str(font_path()))
    assert ours.charToGlyph == theirs.charToGlyph
    assert ours.charWidths == theirs.charWidths
    assert ours.glyphPos == theirs.glyphPos and ours.defaultWidth == theirs.defaultWidth
    # reportlab's subset layout: code 0 missing glyph, 1-31 free, then the text's characters
    # (composite glyphs pull in their components); one code not in the font at all.
    subset = [0] + [32] * 32
    for ch in "投诉受理回执 客户反映其信用卡于2024年3月1日被重复扣收年费，（《》）Refund 张三丰":
        if ord(ch) not in subset:
            subset.append(ord(ch))
    subset.append(0xE000)
    assert ours.makeSubset(subset) == theirs.makeSubset(subset)
