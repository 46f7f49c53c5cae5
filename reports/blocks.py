"""Blocks of text, rules and codes laid out and drawn straight onto a reportlab canvas.

The roll receipt is a column of simple blocks (centred titles, label/value rows, short
paragraphs, a QR code, places to sign), so it needs none of platypus's frames, tables
and flowable machinery, which cost more than the text itself: here each block measures
its lines once (reports.linebreak: the Chinese line-breaking rules of every document) and
writes its PDF operators in one go. A block taller than the room left splits between
lines (text) or rows (label/value rows), so long text flows onto a further page.

Every block has `space_before`, `space_after`, `height(width)`, `split(width, room)`
-> (first, rest) or None, and `draw(painter, x, top, width)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Protocol, TypeVar

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.rl_config import _FUZZ

from reports.fonts import cjk_font
from reports.formatting import is_chinese
from reports.linebreak import char_widths, line_spans
from reports.paper import (
    GREY,
    LABEL_GREY,
    LIGHT,
    PageDecorator,
    Paper,
    draw_image,
    draw_qr,
    new_canvas,
    text_operators,
)

LEFT, CENTRE, RIGHT = 0, 1, 2
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class TextStyle:
    size: float
    leading: float
    align: int = LEFT
    color: Color | None = None  # None: black
    space_before: float = 0.0
    space_after: float = 0.0
    first_indent: float = 0.0
    band: bool = False  # white text on a black band (the reprint banner)


@dataclass(frozen=True, slots=True)
class BlockStyles:
    body: TextStyle
    small: TextStyle
    small_centre: TextStyle
    label: TextStyle
    title: TextStyle
    subtitle: TextStyle
    heading: TextStyle
    centre: TextStyle
    right: TextStyle
    mark: TextStyle
    prose_zh: TextStyle  # running text of letters: first line indented two characters
    prose_en: TextStyle  # running text of letters: a little space between paragraphs

    def prose(self, locale: str) -> TextStyle:
        return self.prose_zh if is_chinese(locale) else self.prose_en


@cache
def block_styles(size: float) -> BlockStyles:
    """The text styles around a body size: the same sizes, leading, greys and spacing as the
    sheet documents' paragraph styles (reports.layout.styles)."""

    def style(scale: float = 1.0, **kw: object) -> TextStyle:
        fs = round(size * scale, 1)
        return TextStyle(fs, round(fs * 1.45, 1), **kw)  # type: ignore[arg-type]

    return BlockStyles(
        body=style(),
        small=style(0.85, color=GREY),
        small_centre=style(0.85, color=GREY, align=CENTRE),
        label=style(0.95, color=LABEL_GREY),
        title=style(1.6, align=CENTRE, space_before=size * 0.4, space_after=size * 0.5),
        subtitle=style(align=CENTRE),
        heading=style(1.15, space_before=size * 0.7, space_after=size * 0.25),
        centre=style(align=CENTRE),
        right=style(align=RIGHT),
        mark=style(1.2, align=CENTRE, band=True),
        prose_zh=style(first_indent=2 * size, space_after=size * 0.2),
        prose_en=style(space_after=size * 0.45),
    )


@cache
def _ascent(size: float) -> float:
    return float(pdfmetrics.getAscentDescent(cjk_font(), size)[0])


class Painter:
    """Writes text and lines onto the current page of `canvas` as literal PDF operators."""

    def __init__(self, canvas: Canvas, seed: Seed | None = None) -> None:
        self.canvas = canvas
        self.doc = canvas._doc
        self.font = pdfmetrics.getFont(cjk_font())
        self.code: list[str] = canvas._code
        self.seed = seed  # the document's fixed text has the codes this seed gives it

    def text(self, x: float, baseline: float, text: str, size: float,
             color: Color | None) -> None:
        self.code.append(self.text_ops([(x, baseline, text)], size, color))

    def text_ops(self, runs: Sequence[tuple[float, float, str]], size: float,
                 color: Color | None) -> str:
        """One text object showing each (x, baseline, text) run in the CJK font."""
        return text_operators(self.doc, runs, size, color)

    def line(self, x1: float, y: float, x2: float, *, width: float = 0.5,
             color: Color | None = None, dash: tuple[float, float] | None = None) -> None:
        stroke = "0 G" if color is None else f"{fp_str(color.red, color.green, color.blue)} RG"
        pattern = f"[{fp_str(*dash)}] 0 d " if dash else ""
        self.code.append(f"q {stroke} {fp_str(width)} w {pattern}{fp_str(x1, y)} m "
                         f"{fp_str(x2, y)} l S Q")

    def circle(self, cx: float, cy: float, r: float, *, color: Color | None = None,
               dash: tuple[float, float] | None = None) -> None:
        """A circle's outline, of four Bézier quarters (as reportlab's canvas.circle draws it)."""
        stroke = "0 G" if color is None else f"{fp_str(color.red, color.green, color.blue)} RG"
        pattern = f"[{fp_str(*dash)}] 0 d " if dash else ""
        k = r * 0.5522847498  # the control points' distance for a quarter circle
        x0, x1, y0, y1 = cx - r, cx + r, cy - r, cy + r
        self.code.append(
            f"q {stroke} {pattern}{fp_str(x1, cy)} m "
            f"{fp_str(x1, cy + k, cx + k, y1, cx, y1)} c {fp_str(cx - k, y1, x0, cy + k, x0, cy)} c "
            f"{fp_str(x0, cy - k, cx - k, y0, cx, y0)} c {fp_str(cx + k, y0, x1, cy - k, x1, cy)} c "
            "h S Q")

    def band(self, x: float, y: float, width: float, height: float) -> None:
        self.code.append(f"q 0 g {fp_str(x, y, width, height)} re f Q")


class Block(Protocol):
    space_before: float
    space_after: float

    def height(self, width: float) -> float: ...

    def split(self, width: float, room: float) -> tuple[Block, Block] | None: ...

    def draw(self, painter: Painter, x: float, top: float, width: float) -> None: ...


Line = tuple[str, float]  # text, width


def break_lines(text: str, size: float, width: float, first_indent: float = 0.0) -> list[Line]:
    """`text` in lines no wider than `width` (the first `first_indent` narrower); newlines kept,
    runs of white space as one space."""
    font = cjk_font()
    lines: list[Line] = []
    for segment in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        clean = " ".join(segment.split())
        if not clean:
            if "\n" in text:
                lines.append(("", 0.0))
            continue
        widths = char_widths(clean, font, size)
        max_widths = [width - first_indent, width] if first_indent and not lines else [width]
        total = sum(widths)
        if total <= max_widths[0] + _FUZZ:  # one line, as line_spans would find it
            lines.append((clean, total))
            continue
        for start, end, _, _ in line_spans(clean, widths, [False] * len(clean), max_widths):
            lines.append((clean[start:end], sum(widths[start:end])))
    return lines


class Text:
    """A paragraph of plain text in one style."""

    def __init__(self, text: str, style: TextStyle, lines: list[Line] | None = None,
                 width: float | None = None, *, first: bool = True,
                 keep_with_next: bool = False, fixed: bool = False) -> None:
        self.text = text
        # fixed: the template's own text, the same in every document (labels, headings,
        # the bank's names): laid out and encoded once per process (see seed_fixed_text)
        self.fixed = fixed
        self.style = style
        self.space_before = style.space_before
        self.space_after = style.space_after
        self._lines = lines
        self._width = width
        self._first = first
        self._drawn: tuple[object, float, str] | None = None
        # on a sheet, a heading moves to the next page unless ~3 lines fit below it
        self.keep_room = style.space_before + style.leading * 4 if keep_with_next else 0.0

    def lines(self, width: float) -> list[Line]:
        if self._lines is None or self._width != width:
            indent = self.style.first_indent if self._first else 0.0
            if self.fixed:
                key = (self.text, self.style.size, width, indent)
                found = _fixed_lines.get(key)
                if found is None:
                    found = _remember(_fixed_lines, key,
                                      break_lines(self.text, self.style.size, width, indent))
                self._lines = found
            else:
                self._lines = break_lines(self.text, self.style.size, width, indent)
            self._width = width
        return self._lines

    def height(self, width: float) -> float:
        return len(self.lines(width)) * self.style.leading

    def split(self, width: float, room: float) -> tuple[Block, Block] | None:
        lines = self.lines(width)
        fit = int(room // self.style.leading)
        if fit < 1 or fit >= len(lines):
            return None
        head = Text(self.text, replace(self.style, space_after=0.0), lines[:fit], width,
                    first=self._first)
        tail = Text(self.text, replace(self.style, space_before=0.0), lines[fit:], width,
                    first=False)
        return head, tail

    def draw(self, painter: Painter, x: float, top: float, width: float) -> None:
        st = self.style
        lines = self.lines(width)
        if st.band:
            painter.band(x - 4, top - len(lines) * st.leading - 2, width + 8,
                         len(lines) * st.leading + 4)
        # Written relative to the block's corner, so that the customer's and the bank's copy
        # of a receipt (one document, one font subset) share one encoding of the text.
        drawn = self._drawn
        if drawn is None or drawn[0] is not painter.doc or drawn[1] != width:
            key = None
            ops = None
            if self.fixed and painter.seed is not None:
                key = (painter.seed, self.text, st, width, self._first)
                ops = _fixed_ops.get(key)
            if ops is None:
                ops = self._ops(painter, lines, width)
                if key is not None:
                    _remember(_fixed_ops, key, ops)
            drawn = self._drawn = (painter.doc, width, ops)
        painter.code.append(f"q 1 0 0 1 {fp_str(x, top)} cm {drawn[2]} Q")

    def _ops(self, painter: Painter, lines: list[Line], width: float) -> str:
        st = self.style
        baseline = -_ascent(st.size)
        runs = []
        for index, (text, used) in enumerate(lines):
            if st.align == CENTRE:
                left = (width - used) / 2
            elif st.align == RIGHT:
                left = width - used
            else:
                left = st.first_indent if index == 0 and self._first else 0.0
            if text:
                runs.append((left, baseline, text))
            baseline -= st.leading
        return painter.text_ops(runs, st.size, Color(1, 1, 1) if st.band else st.color)


class Rule:
    """A thin grey line across the column, solid or dashed."""

    def __init__(self, *, dashed: bool = False, space: float = 3) -> None:
        self.dashed = dashed
        self.space_before = self.space_after = space

    def height(self, width: float) -> float:
        return 0.5

    def split(self, width: float, room: float) -> tuple[Block, Block] | None:
        return None

    def draw(self, painter: Painter, x: float, top: float, width: float) -> None:
        painter.line(x, top - 0.5, x + width, color=GREY, dash=(2, 2) if self.dashed else None)


class Space:
    def __init__(self, height: float) -> None:
        self._height = height
        self.space_before = self.space_after = 0.0

    def height(self, width: float) -> float:
        return self._height

    def split(self, width: float, room: float) -> tuple[Block, Block] | None:
        return None

    def draw(self, painter: Painter, x: float, top: float, width: float) -> None:
        pass


class Qr:
    """A QR code `size` points square, centred in the column."""

    def __init__(self, payload: str, size: float) -> None:
        self.payload = payload
        self.size = size
        self.space_before = self.space_after = 0.0

    def height(self, width: float) -> float:
        return self.size

    def split(self, width: float, room: float) -> tuple[Block, Block] | None:
        return None

    def draw(self, painter: Painter, x: float, top: float, width: float) -> None:
        draw_qr(painter.canvas, self.payload, x + (width - self.size) / 2, top - self.size,
                self.size)


class Fields:
    """Label / value rows: labels in a column `label_width` wide, values beside them."""

    PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 3.0, 2.0, 2.0

    def __init__(self, rows: Sequence[tuple[str, str]], label_width: float,
                 label: TextStyle, value: TextStyle, *, fixed_labels: bool = False) -> None:
        self.rows = [(Text(k, label, fixed=fixed_labels), Text(v, value)) for k, v in rows]
        self.label_width = label_width
        self.space_before = self.space_after = 0.0

    def _row_heights(self, width: float) -> list[float]:
        label_w = self.label_width - self.PAD_RIGHT
        value_w = width - self.label_width - self.PAD_RIGHT
        return [max(k.height(label_w), v.height(value_w)) + self.PAD_TOP + self.PAD_BOTTOM
                for k, v in self.rows]

    def height(self, width: float) -> float:
        return sum(self._row_heights(width))

    def split(self, width: float, room: float) -> tuple[Block, Block] | None:
        used, fit = 0.0, 0
        for h in self._row_heights(width):
            if used + h > room:
                break
            used += h
            fit += 1
        if fit < 1 or fit >= len(self.rows):
            return None
        head, tail = (Fields([], self.label_width, self.rows[0][0].style, self.rows[0][1].style)
                      for _ in range(2))
        head.rows, tail.rows = self.rows[:fit], self.rows[fit:]
        return head, tail

    def draw(self, painter: Painter, x: float, top: float, width: float) -> None:
        label_w = self.label_width - self.PAD_RIGHT
        value_w = width - self.label_width - self.PAD_RIGHT
        for (k, v), h in zip(self.rows, self._row_heights(width), strict=True):
            k.draw(painter, x, top - self.PAD_TOP, label_w)
            v.draw(painter, x + self.label_width, top - self.PAD_TOP, value_w)
            top -= h


class SignatureLines:
    """'label: ________' places to sign, one to a row; the lines are drawn."""

    def __init__(self, labels: Sequence[str], style: TextStyle) -> None:
        cjk = any(ord(ch) >= 0x2E80 for ch in "".join(labels))
        self.texts = [t + ("：" if cjk else ":") for t in labels]
        self.style = style
        self.space_before = self.space_after = 0.0
        font = cjk_font()
        self.label_width = max(pdfmetrics.stringWidth(t, font, style.size) for t in self.texts) + 3

    def height(self, width: float) -> float:
        return len(self.texts) * self.style.size * 2.8

    def split(self, width: float, room: float) -> tuple[Block, Block] | None:
        return None

    def draw(self, painter: Painter, x: float, top: float, width: float) -> None:
        st = self.style
        row = st.size * 2.8
        for text in self.texts:
            bottom = top - row
            # bottom-aligned one-line paragraph over a bottom padding of 1 point
            painter.text(x, bottom + 1 + st.leading - _ascent(st.size), text, st.size, st.color)
            painter.line(x + self.label_width, bottom, x + width, width=0.5)
            top = bottom


Placed = tuple[Block, float, float, float]  # block, height, space before, space after
Seed = tuple[str, str]  # the fixed text's characters, the font's name in the document

_CACHE_LIMIT = 2048
_fixed_lines: dict[tuple[str, float, float, float], list[Line]] = {}
_fixed_ops: dict[tuple[Seed, str, TextStyle, float, bool], str] = {}
_seeds: dict[str, tuple[dict[int, int], list[list[int]], int]] = {}


def _remember(cache: dict, key: object, value: T) -> T:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value
    return value


def _fixed_texts(blocks: Sequence[Block]) -> list[Text]:
    texts: list[Text] = []
    for block in blocks:
        if isinstance(block, Text):
            texts.append(block)
        elif isinstance(block, Fields):
            texts += [text for row in block.rows for text in row]
        elif isinstance(block, Letterhead):
            texts += block.texts
        elif isinstance(block, SignOff):
            texts += [block.heading, block.date]
    return [text for text in texts if text.fixed]


def seed_fixed_text(canvas: Canvas, blocks: Sequence[Block]) -> Seed | None:
    """Give the characters of the fixed text among `blocks` (every one of which the document
    prints) the document's first font codes, in one order for every document with that
    text, so that each fixed text block's operators can be written once per process and
    reused. None (no reuse) if the document has no fixed text or has printed text already.

    The code assignment is reportlab's own (TTFont.splitString), run once per fixed text
    and process and copied into later documents."""
    texts = _fixed_texts(blocks)
    if not texts:
        return None
    font = pdfmetrics.getFont(cjk_font())
    doc = canvas._doc
    if font.state.get(doc) is not None:
        return None
    chars = "".join(dict.fromkeys("".join(" ".join(text.text.split()) for text in texts)))
    known = _seeds.get(chars)
    if known is None:
        font.splitString(chars, doc)
        state = font.state[doc]
        _remember(_seeds, chars, (dict(state.assignments), [list(s) for s in state.subsets],
                                  state.nextCode))
    else:
        font.splitString("", doc)  # the document's own fresh state, then the known codes
        state = font.state[doc]
        state.assignments = dict(known[0])
        state.subsets = [list(s) for s in known[1]]
        state.nextCode = known[2]
    return chars, font.getSubsetInternalName(0, doc)


def render_roll_pages(copies: Sequence[list[Block]], *, width: float, margin: float,
                      max_height: float, title: str, author: str,
                      decorate: PageDecorator) -> bytes:
    """One page per copy, `width` wide and exactly as tall as its blocks (plus margins); a
    copy taller than `max_height` continues on further pages (blocks split as they can)."""
    buffer = BytesIO()
    canvas = new_canvas(buffer, (width, 100.0), title, author)
    seed = seed_fixed_text(canvas, [block for blocks in copies for block in blocks])
    column = width - 2 * margin
    page = 0
    for blocks in copies:
        pending = list(blocks)
        while pending:
            placed, pending = _fill_page(pending, column, max_height - 2 * margin)
            height = sum(sb + h + sa for _, h, sb, sa in placed) + 2 * margin
            canvas.setPageSize((width, height))
            page += 1
            painter = Painter(canvas, seed)
            y = height - margin
            for block, h, sb, sa in placed:
                y -= sb
                block.draw(painter, margin, y, column)
                y -= h + sa
            decorate(canvas, page)
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _fill_page(blocks: list[Block], width: float,
               room: float) -> tuple[list[Placed], list[Block]]:
    placed: list[Placed] = []
    used = 0.0
    for index, block in enumerate(blocks):
        h = block.height(width)
        sb, sa = block.space_before, block.space_after
        if used + sb + h + sa <= room or (not placed and h <= room):
            placed.append((block, h, sb, sa))
            used += sb + h + sa
            continue
        parts = block.split(width, room - used - sb)
        rest = blocks[index + 1:]
        if parts is not None:
            head, tail = parts
            placed.append((head, head.height(width), sb, 0.0))
            return placed, [tail, *rest]
        if not placed:  # cannot split and too tall even alone: place it anyway
            placed.append((block, h, sb, sa))
            return placed, rest
        return placed, blocks[index:]
    return placed, []


class Letterhead:
    """The logo beside a column of text blocks (bank and branch), both centred vertically."""

    def __init__(self, logo: Path, logo_width: float, logo_height: float, gap: float,
                 texts: list[Text]) -> None:
        self.logo, self.logo_width, self.logo_height = logo, logo_width, logo_height
        self.column = logo_width + gap
        self.texts = texts
        self.space_before = self.space_after = 0.0

    def _texts_height(self, width: float) -> float:
        return sum(t.space_before + t.height(width - self.column) + t.space_after
                   for t in self.texts)

    def height(self, width: float) -> float:
        return max(self.logo_height, self._texts_height(width))

    def split(self, width: float, room: float) -> tuple[Block, Block] | None:
        return None

    def draw(self, painter: Painter, x: float, top: float, width: float) -> None:
        height = self.height(width)
        draw_image(painter.canvas, self.logo, x, top - (height + self.logo_height) / 2,
                   self.logo_width, self.logo_height)
        y = top - (height - self._texts_height(width)) / 2
        for text in self.texts:
            y -= text.space_before
            text.draw(painter, x + self.column, y, width - self.column)
            y -= text.height(width - self.column) + text.space_after


class SignOff:
    """The bank's sign-off on the right of the column, kept on one page: '<branch> (seal)',
    then a dashed circle for the seal beside the signature lines and the date."""

    def __init__(self, heading: Text, seal_hint: str, signers: list[str], date: Text,
                 body: TextStyle) -> None:
        self.heading, self.seal_hint, self.date = heading, seal_hint, date
        self.lines = SignatureLines(signers, body)
        self.space_before = self.space_after = 0.0

    def _geometry(self, width: float) -> tuple[float, float, float]:
        block = min(95 * 72 / 25.4, width * 0.62)
        seal = 22 * 72 / 25.4
        return block, seal, block - seal - 3 * 72 / 25.4

    def height(self, width: float) -> float:
        block, seal, right = self._geometry(width)
        signing = self.lines.height(right) + self.date.height(right)
        return self.heading.height(block) + max(seal, signing)

    def split(self, width: float, room: float) -> tuple[Block, Block] | None:
        return None

    def draw(self, painter: Painter, x: float, top: float, width: float) -> None:
        block, seal, right = self._geometry(width)
        left = x + width - block
        self.heading.draw(painter, left, top, block)
        bottom = top - self.height(width)
        r = seal / 2
        painter.circle(left + r, bottom + r, r - 1, color=LIGHT, dash=(3, 3))
        hint_width = pdfmetrics.stringWidth(self.seal_hint, cjk_font(), 9)
        painter.text(left + r - hint_width / 2, bottom + r - 3, self.seal_hint, 9, LIGHT)
        column = left + seal + 3 * 72 / 25.4
        date_height = self.date.height(right)
        self.lines.draw(painter, column, bottom + date_height + self.lines.height(right), right)
        self.date.draw(painter, column, bottom + date_height, right)


def render_sheet_pages(blocks: list[Block], pp: Paper, *, title: str, author: str,
                       decorate: PageDecorator) -> bytes:
    """Flow `blocks` over pages of `pp` (A4/A5): within the margins (a little more at the
    foot, for the footer `decorate(canvas, page)` draws), splitting what splits; the space
    between two blocks is the larger of the one's space after and the next's before, and
    none at the top of a page."""
    assert pp.height is not None
    buffer = BytesIO()
    canvas = new_canvas(buffer, (pp.width, pp.height), title, author)
    seed = seed_fixed_text(canvas, blocks)
    column = pp.width - 2 * pp.margin
    room = pp.height - pp.margin * 2.2
    pending = list(blocks)
    page = 0
    while pending:
        page += 1
        decorate(canvas, page)
        placed, pending = _fill_sheet(pending, column, room)
        painter = Painter(canvas, seed)
        y = pp.height - pp.margin
        for block, h, gap, _ in placed:
            y -= gap
            block.draw(painter, pp.margin, y, column)
            y -= h
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _fill_sheet(blocks: list[Block], width: float,
                room: float) -> tuple[list[Placed], list[Block]]:
    placed: list[Placed] = []
    used, after = 0.0, 0.0
    for index, block in enumerate(blocks):
        gap = max(after, block.space_before) if placed else 0.0
        keep = getattr(block, "keep_room", 0.0)
        if placed and keep and room - used < keep:
            return placed, blocks[index:]
        h = block.height(width)
        if used + gap + h <= room or (not placed and block.split(width, room) is None):
            placed.append((block, h, gap, 0.0))
            used += gap + h
            after = block.space_after
            continue
        parts = block.split(width, room - used - gap)
        if parts is not None:
            head, tail = parts
            placed.append((head, head.height(width), gap, 0.0))
            return placed, [tail, *blocks[index + 1:]]
        return placed, blocks[index:]
    return placed, []
