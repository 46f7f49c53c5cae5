"""Where lines of Chinese (and mixed Latin) text may break; no reportlab layout engine here,
so that the roll receipt (reports.blocks) and platypus paragraphs (reports.text) share it.

- never start a line with a closing mark (，。、；：？！）》」』 ...),
- never end a line with an opening mark (（《「『 ...),
- never cut inside a run of Latin letters or digits (a reference number, an
  English word) unless that run is longer than a whole line (then it is cut,
  still keeping the punctuation rules),

by pushing characters down to the next line (no hanging punctuation).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.rl_config import _FUZZ

# Closing marks and the like; reportlab's own list is kept and extended.
NO_LINE_START = frozenset(
    ALL_CANNOT_START + "，。、；：？！）》」』】〕〉〗”’…‥·‰℃％" + ",.;:?!)]}%"
)
NO_LINE_END = frozenset(ALL_CANNOT_END + "（《「『【〔〈〖“‘([{")
_CJK_START = 0x2E80  # everything from CJK radicals upward breaks between characters


def _is_word_char(ch: str) -> bool:
    """A character of a Latin-script run (letters, digits, ASCII punctuation)."""
    return bool(ch) and ord(ch[0]) < _CJK_START and not ch.isspace()


def _bad_break(units: Sequence[str], k: int, *, keep_words: bool = True) -> bool:
    """Would a line break just before units[k] break a typesetting rule?"""
    before, after = units[k - 1], units[k]
    return (
        after in NO_LINE_START
        or before in NO_LINE_END
        or (keep_words and _is_word_char(after) and _is_word_char(before))
    )


def _line_end(units: Sequence[str], start: int, overflow: int) -> int:
    """Where the line that began at `start` should end, given that units[overflow] does not fit.

    The latest break before `overflow` that breaks no rule; failing that (a Latin run
    longer than the line) the latest that only cuts the run; failing that, `overflow`.
    """
    for keep_words in (True, False):
        k = overflow
        while k > start + 1 and _bad_break(units, k, keep_words=keep_words):
            k -= 1
        if not _bad_break(units, k, keep_words=keep_words):
            return k
    return overflow


def line_spans(
    chars: Sequence[str], widths: Sequence[float], forced: Sequence[bool],
    max_widths: Sequence[float],
) -> list[tuple[int, int, int, bool]]:
    """The lines of a paragraph as (start, end, next_start, forced) spans of `chars`.

    `forced[i]` marks a hard line break (a <br/>) after which a line must end;
    `end` excludes trailing spaces, `next_start` skips the spaces after a soft break.
    """
    spans: list[tuple[int, int, int, bool]] = []
    n = len(chars)
    start = 0
    while start < n:
        max_width = max_widths[min(len(spans), len(max_widths) - 1)]
        width = 0.0
        i = start
        hard = False
        while i < n:
            if forced[i]:
                hard = True
                i += 1
                break
            if width + widths[i] > max_width + _FUZZ and i > start:
                break
            width += widths[i]
            i += 1
        end = i if hard or i >= n else _line_end(chars, start, i)
        last = end
        while last > start and chars[last - 1] == " ":
            last -= 1  # trailing spaces take no room at a soft break
        following = end
        if not hard:
            while following < n and chars[following] == " ":
                following += 1
        spans.append((start, last, following, hard))
        start = following
    return spans


class _ScaledWidths(dict[int, float]):
    """A TrueType font's advance widths at one size, by character code, filled on first use."""

    def __init__(self, widths: dict[int, float], default: float, size: float) -> None:
        super().__init__()
        self.widths, self.default, self.scale = widths, default, size * 0.001

    def __missing__(self, code: int) -> float:
        width = self[code] = self.widths.get(code, self.default) * self.scale
        return width


_scaled: dict[tuple[str, float], _ScaledWidths] = {}


def char_widths(text: str, font_name: str, font_size: float) -> list[float]:
    scaled = _scaled.get((font_name, font_size))
    if scaled is None:
        font = pdfmetrics.getFont(font_name)
        face = getattr(font, "face", None)
        widths = getattr(face, "charWidths", None)
        if not isinstance(widths, dict):
            return [stringWidth(ch, font_name, font_size) for ch in text]
        # a TrueType font: one look-up per character
        scaled = _scaled.setdefault((font_name, font_size),
                                    _ScaledWidths(widths, face.defaultWidth, font_size))  # type: ignore[union-attr]
    return list(map(scaled.__getitem__, map(ord, text)))
