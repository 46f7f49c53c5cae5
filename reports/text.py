"""Paragraphs that break lines the way Chinese typesetting requires.

reportlab's CJK wrapping cuts between any two characters, and its list of marks
that may not start a line lacks the full-width comma, semicolon, colon, question
and exclamation marks and 》; it also lets a second closing mark start the next
line when two follow each other (）。). `ChineseParagraph` keeps reportlab's
CJK mode and its line objects but chooses the break points itself:

- never start a line with a closing mark (，。、；：？！）》」』 ...),
- never end a line with an opening mark (（《「『 ...),
- never cut inside a run of Latin letters or digits (a reference number, an
  English word) unless that run is longer than a whole line (then it is cut,
  still keeping the punctuation rules),

by pushing characters down to the next line (no hanging punctuation, so text
never pokes out of a table cell or the 72 mm print width of a roll).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscentDescent
from reportlab.platypus.paragraph import (
    FragLine,
    Paragraph,
    ParaLines,
    cjkU,
    makeCJKParaLine,
)
from reportlab.platypus.paraparser import ParaParser

from reports.linebreak import NO_LINE_END, NO_LINE_START, char_widths, line_spans

__all__ = ["NO_LINE_END", "NO_LINE_START", "ChineseParagraph", "line_spans", "markup",
           "plain_paragraph"]


def _single_frag_lines(frag: Any, max_widths: Sequence[float]) -> Any:
    """The common case, one run of text in one font: lines cut from the string directly."""
    text: str = frag.text
    widths = char_widths(text, frag.fontName, frag.fontSize)
    ascent, descent = getAscentDescent(frag.fontName, frag.fontSize)
    lines = []
    for index, (start, end, _, hard) in enumerate(
        line_spans(text, widths, [False] * len(text), max_widths)
    ):
        max_width = max_widths[min(index, len(max_widths) - 1)]
        used = sum(widths[start:end])
        lines.append(FragLine(
            kind=1, extraSpace=max_width - used, wordCount=1,
            words=[frag.clone(text=text[start:end])], fontSize=frag.fontSize, ascent=ascent,
            descent=descent, maxWidth=max_width, currentWidth=used, lineBreak=hard,
        ))
    return ParaLines(kind=1, lines=lines)


def break_cjk_lines(frags: Sequence[Any], max_widths: Sequence[float], calc_bounds: bool) -> Any:
    """Split paragraph fragments into reportlab CJK lines (kind 1) under our line-break rules."""
    if len(frags) == 1 and frags[0].text and not hasattr(frags[0], "cbDefn") \
            and not hasattr(frags[0], "lineBreak"):
        return _single_frag_lines(frags[0], max_widths)
    units: list[Any] = []
    for frag in frags:
        text = frag.text
        if text:
            units.extend(cjkU(ch, frag, "utf8") for ch in text)
        else:
            units.append(cjkU(text, frag, "utf8"))  # a <br/> or an empty fragment
    spans = line_spans(units, [u.width for u in units],
                       [hasattr(u.frag, "lineBreak") for u in units], max_widths)
    lines = []
    for index, (start, end, _, hard) in enumerate(spans):
        max_width = max_widths[min(index, len(max_widths) - 1)]
        line = units[start:end]
        used = sum(u.width for u in line)
        lines.append(makeCJKParaLine(line, max_width, used, max_width - used, hard, calc_bounds))
    return ParaLines(kind=1, lines=lines)


class ChineseParagraph(Paragraph):
    """A reportlab Paragraph whose style must have wordWrap='CJK'; see the module docstring.

    A table measures each cell more than once at the same width; the line breaks
    of the last width are kept and reused.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        memo = getattr(self, "_wrapped", None)
        if memo is not None and memo[0] == availWidth and hasattr(self, "blPara"):
            self.width, self.height = memo[1], memo[2]
            return memo[1], memo[2]
        width, height = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, width, height)
        return width, height

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        self.height = 0
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara  # the second half of a paragraph split across pages
        if not self.frags:
            return super().breakLinesCJK(maxWidths)
        auto_leading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return break_cjk_lines(self.frags, maxWidths, auto_leading not in ("", "off"))


_TEMPLATE_FRAGS: dict[int, tuple[ParagraphStyle, Any]] = {}


def plain_paragraph(text: str, style: ParagraphStyle) -> ChineseParagraph:
    """A paragraph of plain text (no markup; newlines kept as line breaks).

    Text without newlines skips reportlab's markup parser: its one fragment is
    cloned from a fragment parsed once per style, which makes building a document
    of many short paragraphs several times cheaper. Whitespace runs collapse to
    one space, as the parser would do.
    """
    if "\n" in text or "\r" in text:
        return ChineseParagraph(markup(text), style)
    clean = " ".join(text.split())
    if not clean:
        return ChineseParagraph("", style)
    entry = _TEMPLATE_FRAGS.get(id(style))
    if entry is None or entry[0] is not style:
        _, frags, _ = ParaParser().parse("x", style)
        entry = (style, frags[0])
        _TEMPLATE_FRAGS[id(style)] = entry
    return ChineseParagraph(clean, style, frags=[entry[1].clone(text=clean)])


def markup(text: str) -> str:
    """Plain text (possibly with newlines) as safe paragraph markup: <, >, & escaped, newlines as <br/>."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("\r\n", "\n").replace("\n", "<br/>")
