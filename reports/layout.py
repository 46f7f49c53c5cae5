"""What the sheet documents (A4/A5: letters, notices, sheet receipts, the day-end report) share
on platypus: paragraph styles, label/value tables, the QR code as a flowable, signature
lines, the reprint banner, and flowing pages (also two halves of one sheet). Paper
formats, the QR code's modules and the COPY watermark are in reports.paper.

Every canvas and drawing starts in the CJK font, so reportlab never writes the
unembedded Helvetica it otherwise uses as the initial font.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    FrameBreak,
    KeepInFrame,
    KeepTogether,
    PageTemplate,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from reports.fonts import cjk_font
from reports.formatting import is_chinese, label
from reports.paper import (
    GREY,
    LABEL_GREY,
    LIGHT,
    SHADE,
    PageDecorator,
    Paper,
    draw_qr,
    qr_operators,
)
from reports.text import ChineseParagraph, plain_paragraph


@dataclass(frozen=True, slots=True)
class Styles:
    body: ParagraphStyle
    prose_zh: ParagraphStyle  # running text of letters: first line indented two characters
    prose_en: ParagraphStyle  # running text of letters: a little space between paragraphs
    small: ParagraphStyle
    small_centre: ParagraphStyle
    label: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    centre: ParagraphStyle
    right: ParagraphStyle
    mark: ParagraphStyle


def prose(st: Styles, locale: str) -> ParagraphStyle:
    return st.prose_zh if is_chinese(locale) else st.prose_en


@cache
def styles(size: float) -> Styles:
    """Paragraph styles around a body font size; all CJK-wrapped in the CJK font."""
    font = cjk_font()

    def style(name: str, scale: float = 1.0, **kw: Any) -> ParagraphStyle:
        fs = round(size * scale, 1)
        return ParagraphStyle(
            name, fontName=font, fontSize=fs, leading=round(fs * 1.45, 1), wordWrap="CJK", **kw
        )

    return Styles(
        body=style("body"),
        prose_zh=style("prose_zh", firstLineIndent=2 * size, spaceAfter=size * 0.2),
        prose_en=style("prose_en", spaceAfter=size * 0.45),
        small=style("small", 0.85, textColor=GREY),
        small_centre=style("small_centre", 0.85, textColor=GREY, alignment=TA_CENTER),
        label=style("label", 0.95, textColor=LABEL_GREY),
        title=style("title", 1.6, alignment=TA_CENTER, spaceBefore=size * 0.4, spaceAfter=size * 0.5),
        subtitle=style("subtitle", 1.0, alignment=TA_CENTER),
        heading=style("heading", 1.15, spaceBefore=size * 0.7, spaceAfter=size * 0.25),
        centre=style("centre", 1.0, alignment=TA_CENTER),
        right=style("right", 1.0, alignment=TA_RIGHT),
        mark=style("mark", 1.2, alignment=TA_CENTER, textColor=colors.white,
                   backColor=colors.black, borderPadding=(2, 4, 2, 4)),
    )


def para(text: str, style: ParagraphStyle) -> ChineseParagraph:
    """A paragraph of plain text (newlines kept)."""
    return plain_paragraph(text, style)


def rule(dashed: bool = False, space: float = 3) -> HRFlowable:
    return HRFlowable(width="100%", thickness=0.5, color=GREY, dash=(2, 2) if dashed else None,
                      spaceBefore=space, spaceAfter=space)


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A TableStyle whose cells default to the CJK font (a Table's default is Helvetica,
    which reportlab would then list, unembedded, in the PDF even for empty cells)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), cjk_font()), *commands])


def field_table(rows: Sequence[tuple[str, str]], width: float, label_width: float,
                st: Styles, *, grid: bool) -> Table:
    """Label / value rows; a grid on sheets, plain lines on the roll. Rows split across pages."""
    data = [[para(k, st.label), para(v, st.body)] for k, v in rows]
    table = Table(data, colWidths=(label_width, width - label_width), splitByRow=1)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 if grid else 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if grid:
        commands += [("GRID", (0, 0), (-1, -1), 0.5, GREY), ("BACKGROUND", (0, 0), (0, -1), SHADE)]
    table.setStyle(table_style(commands))
    return table


class QrCode(Flowable):
    """A QR code drawn as one path of filled modules, `size` points square (reports.paper)."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload = payload
        qr_operators(payload)  # encoded now, while the story is built
        self.size = size
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr(self.canv, self.payload, 0, 0, self.size)


class SealPlace(Flowable):
    """A dashed circle where the bank's seal goes, with a faint hint inside."""

    def __init__(self, size: float, hint: str) -> None:
        super().__init__()
        self.size = size
        self.hint = hint
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        c = self.canv
        r = self.size / 2
        c.saveState()
        c.setStrokeColor(LIGHT)
        c.setDash(3, 3)
        c.circle(r, r, r - 1, stroke=1, fill=0)
        c.setFillColor(LIGHT)
        c.setFont(cjk_font(), 9)
        c.drawCentredString(r, r - 3, self.hint)
        c.restoreState()


def signature_lines(labels: Sequence[str], width: float, st: Styles, *,
                    columns: int = 1) -> Table:
    """'label ______' places to sign, up to `columns` to a row (fewer if a line would be
    shorter than 25 mm); the lines are drawn, not underscores."""
    colon = "：" if _cjk("".join(labels)) else ":"
    texts = [t + colon for t in labels]
    font, size = st.body.fontName, st.body.fontSize
    gap = 4 * mm
    while True:
        cell = width / columns
        label_widths = [max(stringWidth(t, font, size) for t in texts[c::columns]) + 3
                        for c in range(columns)]
        if columns == 1 or all(cell - lw - gap >= 25 * mm for lw in label_widths):
            break
        columns -= 1
    widths: list[float] = []
    for lw in label_widths:
        widths += [lw, cell - lw - (gap if columns > 1 else 0)]
    rows: list[list[Any]] = []
    for start in range(0, len(texts), columns):
        chunk = texts[start:start + columns]
        row: list[Any] = []
        for text in chunk:
            row += [para(text, st.body), ""]
        rows.append(row + ["", ""] * (columns - len(chunk)))
    table = Table(rows, colWidths=widths, rowHeights=[size * 2.8] * len(rows))
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    for index in range(len(texts)):
        r, c = divmod(index, columns)
        commands.append(("LINEBELOW", (2 * c + 1, r), (2 * c + 1, r), 0.5, colors.black))
    table.setStyle(table_style(commands))
    table.hAlign = "LEFT"
    return table


def _cjk(text: str) -> bool:
    return any(ord(ch) >= 0x2E80 for ch in text)


def copy_banner(copy_number: int, locale: str, st: Styles) -> list[Flowable]:
    """A black band saying 副本 COPY at the top of a reprint; nothing on the first print."""
    if copy_number <= 1:
        return []
    return [para(label("reprint_note", locale, number=copy_number), st.mark), rule(space=2)]




def render_sheets(story: list[Flowable], pp: Paper, *, title: str, author: str,
                  decorate: PageDecorator) -> bytes:
    """Flow `story` over A4/A5 pages; `decorate(canvas, page_number)` adds footer and marks."""
    assert pp.height is not None
    buffer = BytesIO()
    size = (pp.width, pp.height)
    doc = BaseDocTemplate(
        buffer, pagesize=size, leftMargin=pp.margin, rightMargin=pp.margin,
        topMargin=pp.margin, bottomMargin=pp.margin * 1.2, title=title, author=author,
        creator="Complaint Desk", initialFontName=cjk_font(), initialFontSize=10,
        pageCompression=1,
    )
    frame = Frame(pp.margin, pp.margin * 1.2, pp.width - 2 * pp.margin,
                  pp.height - pp.margin * 2.2, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)

    def on_page(canvas: Canvas, document: BaseDocTemplate) -> None:
        decorate(canvas, document.page)

    doc.addPageTemplates([PageTemplate(id="sheet", frames=[frame], onPage=on_page)])
    doc.build(_guard_headings(story))
    return buffer.getvalue()


def _unkept(story: list[Flowable]) -> list[Flowable]:
    """`story` with KeepTogether groups opened (a scaled box cannot draw one; nothing splits
    inside the box anyway)."""
    out: list[Flowable] = []
    for flowable in story:
        out += _unkept(list(flowable._content)) if isinstance(flowable, KeepTogether) else [flowable]
    return out


MIN_HALF_SCALE = 0.72  # a copy on half a sheet is printed at no less than 72 % of its size


def render_halves(top: list[Flowable], bottom: list[Flowable], pp: Paper, *, title: str,
                  author: str, decorate: PageDecorator, cut_label: str) -> bytes | None:
    """`top` and `bottom` on the two halves of one sheet, a dashed cut line with `cut_label`
    between them; None when either does not fit its half (the caller lays them out on
    pages of their own instead)."""
    assert pp.height is not None
    buffer = BytesIO()
    half = pp.height / 2
    gap = 6 * mm  # the cut line sits in this band
    doc = BaseDocTemplate(
        buffer, pagesize=(pp.width, pp.height), leftMargin=pp.margin, rightMargin=pp.margin,
        topMargin=pp.margin, bottomMargin=pp.margin, title=title, author=author,
        creator="Complaint Desk", initialFontName=cjk_font(), initialFontSize=10,
        pageCompression=1,
    )
    width = pp.width - 2 * pp.margin
    frames = [Frame(pp.margin, half + gap, width, half - gap - pp.margin, id="top",
                    leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
              Frame(pp.margin, pp.margin * 1.2, width, half - gap - pp.margin * 1.2, id="bottom",
                    leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)]

    def on_page(canvas: Canvas, document: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(GREY)
        canvas.setDash(3, 2)
        canvas.setLineWidth(0.5)
        canvas.line(pp.margin / 2, half, pp.width - pp.margin / 2, half)
        canvas.setFont(cjk_font(), 7)
        canvas.setFillColor(GREY)
        text = f"- - -  {cut_label}  - - -"
        text_width = stringWidth(text, cjk_font(), 7) + 4 * mm
        canvas.setFillColor(colors.white)
        canvas.rect((pp.width - text_width) / 2, half - 2 * mm, text_width, 4 * mm, stroke=0,
                    fill=1)
        canvas.setFillColor(GREY)
        canvas.drawCentredString(pp.width / 2, half - 1 * mm, text)
        canvas.restoreState()
        decorate(canvas, document.page)

    # Each copy is scaled down to fit its half, but never below MIN_HALF_SCALE (small print).
    boxes = [KeepInFrame(frame._width, frame._height, _unkept(story), mode="shrink", vAlign="TOP")
             for story, frame in zip((top, bottom), frames, strict=True)]
    doc.addPageTemplates([PageTemplate(id="halves", frames=frames, onPage=on_page)])
    doc.build([boxes[0], FrameBreak(), boxes[1]])
    if doc.page > 1 or any(1 / getattr(box, "_scale", 1.0) < MIN_HALF_SCALE for box in boxes):
        return None
    return buffer.getvalue()


def _guard_headings(story: list[Flowable]) -> list[Flowable]:
    """A heading never ends a page: it moves on when fewer than ~3 lines fit below it.
    (reportlab's keepWithNext would move a heading *and* a long text after it to the
    next page, leaving the rest of this one empty.)"""
    guarded: list[Flowable] = []
    for flowable in story:
        style = getattr(flowable, "style", None)
        if isinstance(style, ParagraphStyle) and style.name == "heading":
            guarded.append(CondPageBreak(style.spaceBefore + style.leading * 4))
        guarded.append(flowable)
    return guarded
