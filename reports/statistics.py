"""The statistics report (JR/T 0169): a table of the period's figures and two charts drawn
with reportlab's graphics (a pie of the outcomes, bars of the largest groups), on A4
landscape. Plain data in (`StatisticsReportData`), PDF bytes out; no identity data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table

from desktop.i18n import translate
from reports.data import BankInfo
from reports.fonts import cjk_font
from reports.formatting import format_count
from reports.layout import para, render_sheets, styles, table_style
from reports.paper import GREY, SHADE, Paper, sheet_decorator
from reports.parts import letterhead

PAGE = Paper("a4-landscape", landscape(A4)[0], landscape(A4)[1], 14 * mm, 9.0)
CHART_GROUPS = 10  # the bar chart shows the groups with the most complaints
PALETTE = (colors.HexColor("#c0392b"), colors.HexColor("#e67e22"), colors.HexColor("#2e86c1"),
           colors.HexColor("#7f8c8d"), colors.HexColor("#27ae60"))


@dataclass(frozen=True, slots=True)
class StatisticsReportData:
    bank: BankInfo
    title: str
    notes: tuple[str, ...]  # lines under the title: period basis, branches, when made
    headers: tuple[str, ...]
    rows: tuple[tuple[str | int, ...], ...]  # the total last
    key_columns: int
    outcomes: tuple[tuple[str, int], ...]  # (label, count) for the pie
    groups: tuple[tuple[str, int], ...]  # (label, received) for the bars, most first


def _table(data: StatisticsReportData, width: float, locale: str) -> Table:
    """The figures: labels as wrapping paragraphs, numbers as plain right-aligned cells (a
    quarter by business type × cause is hundreds of rows; a paragraph per number is slow)."""
    st = styles(PAGE.body_size - 1)
    size = PAGE.body_size - 1
    keys = data.key_columns
    numbers = len(data.headers) - keys
    # Wide enough for the longest word of a number's heading ("Concluded", "Withdrawn"):
    # a heading wraps between words, never inside one.
    words = [w for h in data.headers[keys:] for w in h.split()]
    longest = max((stringWidth(w, st.label.fontName, st.label.fontSize) for w in words),
                  default=0.0)
    number_width = min(max(20 * mm, longest + 12), width * 0.7 / max(numbers, 1))
    key_width = (width - number_width * numbers) / max(keys, 1)
    room = key_width - 8  # the cell's padding

    def key_cell(value: object) -> Any:
        text = str(value)
        return text if stringWidth(text, cjk_font(), size) <= room else para(text, st.body)

    body: list[list[Any]] = [[para(h, st.label) for h in data.headers]]
    for row in data.rows:
        body.append([key_cell(v) if i < keys else
                     (format_count(v, locale) if isinstance(v, int) else str(v))
                     for i, v in enumerate(row)])
    widths = [key_width] * keys + [number_width] * numbers
    if not keys:
        widths = [width / numbers] * numbers
    table = Table(body, colWidths=widths, repeatRows=1, splitByRow=1, hAlign="LEFT")
    table.setStyle(table_style([
        ("FONTSIZE", (0, 0), (-1, -1), PAGE.body_size - 1),
        ("ALIGN", (keys, 1), (-1, -1), "RIGHT"),
        ("GRID", (0, 0), (-1, -1), 0.4, GREY),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("BACKGROUND", (0, -1), (-1, -1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return table


def _caption(drawing: Drawing, text: str, width: float, height: float) -> None:
    drawing.add(String(width / 2, height - 12, text, fontName=cjk_font(), fontSize=10,
                       textAnchor="middle"))


def outcome_chart(outcomes: Sequence[tuple[str, int]], caption: str, width: float,
                  height: float) -> Drawing:
    drawing = Drawing(width, height, initialFontName=cjk_font())
    _caption(drawing, caption, width, height)
    shown = [(name, n) for name, n in outcomes if n > 0]
    if not shown:
        return drawing
    pie = Pie()
    # Room above and below for the side labels of the top and bottom slices (they are
    # drawn level with the slice, beside the pie, and were cut by what follows).
    size = min(width * 0.45, height - 64)
    pie.x, pie.y, pie.width, pie.height = 40, (height - 20 - size) / 2, size, size
    pie.data = [n for _, n in shown]
    pie.labels = [f"{name} {n}" for name, n in shown]
    pie.sideLabels = True
    pie.slices.strokeColor = colors.white
    pie.slices.fontName = cjk_font()
    pie.slices.fontSize = 8
    for i in range(len(shown)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    drawing.add(pie)
    return drawing


def _fitted(text: str, room: float, size: float) -> str:
    """`text` cut to fit `room` points at `size` in the CJK font, with "…" when cut."""
    if stringWidth(text, cjk_font(), size) <= room:
        return text
    while text and stringWidth(text + "…", cjk_font(), size) > room:
        text = text[:-1]
    return text.rstrip(" /") + "…"


def group_chart(groups: Sequence[tuple[str, int]], caption: str, width: float,
                height: float) -> Drawing:
    drawing = Drawing(width, height, initialFontName=cjk_font())
    _caption(drawing, caption, width, height)
    shown = list(groups)[:CHART_GROUPS][::-1]  # the bar chart draws from the bottom up
    if not shown:
        return drawing
    chart = HorizontalBarChart()
    chart.x, chart.y = width * 0.42, 16
    chart.width, chart.height = width * 0.52, height - 40
    chart.data = [[n for _, n in shown]]
    room = chart.x - 6  # left of the bars: a name longer than that ends in "…"
    chart.categoryAxis.categoryNames = [_fitted(name, room, 7) for name, _ in shown]
    chart.categoryAxis.labels.fontName = cjk_font()
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = cjk_font()
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = PALETTE[2]
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = cjk_font()
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def render_statistics_report(data: StatisticsReportData, *, locale: str = "zh_CN") -> bytes:
    """The statistics report as PDF bytes (A4 landscape; a long table flows on)."""
    st = styles(PAGE.body_size)
    width = PAGE.width - 2 * PAGE.margin
    story: list[Flowable] = [*letterhead(data.bank, width, st, locale), para(data.title, st.title)]
    story += [para(line, st.small) for line in data.notes]
    chart_height = 62 * mm
    charts = Table([[
        outcome_chart(data.outcomes, translate("analytics.report.chart_outcomes", locale),
                      width / 2, chart_height),
        group_chart(data.groups, translate("analytics.report.chart_groups", locale,
                                           count=min(len(data.groups), CHART_GROUPS)),
                    width / 2, chart_height),
    ]], colWidths=[width / 2, width / 2], hAlign="LEFT")
    charts.setStyle(table_style([]))
    story += [charts, _table(data, width, locale)]
    decorate = sheet_decorator(PAGE, data.title, 1, locale)
    return render_sheets(story, PAGE, title=data.title, author=data.bank.bank_name,
                         decorate=decorate)
