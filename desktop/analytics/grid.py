"""A statistics table as a grid of cells for the regulator's spreadsheets and the printed
report: a code and a label column per breakdown, then one column per figure, then the total."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.analytics.statistics import FIGURE_NAMES, TAXONOMY_AXES, StatisticsTable, label_of
from desktop.domain.root_causes import root_cause_label
from desktop.domain.taxonomy import Taxonomy
from desktop.i18n import translate


@dataclass(frozen=True, slots=True)
class Grid:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str | int, ...], ...]  # the total last
    key_columns: int  # how many leading columns are codes and labels


def dimension_name(dimension: str, taxonomy: Taxonomy, locale: str) -> str:
    if dimension in TAXONOMY_AXES and dimension in taxonomy.axis_labels:
        labels = taxonomy.axis_labels[dimension]
        return labels.get(locale) or labels["en"]
    return translate(f"analytics.dimension.{dimension}", locale)


def statistics_grid(table: StatisticsTable, taxonomy: Taxonomy, locale: str) -> Grid:
    headers: list[str] = []
    for dim in table.by:
        name = dimension_name(dim, taxonomy, locale)
        headers += [translate("analytics.column.code", locale, dimension=name), name]
    headers += [translate(f"analytics.figure.{f}", locale) for f in FIGURE_NAMES]
    rows: list[tuple[str | int, ...]] = []
    for row in table.rows:
        keys: list[str | int] = []
        for dim, code in zip(table.by, row.key, strict=True):
            shown = label_of(taxonomy, dim, code, locale) if code else translate(
                "analytics.unspecified", locale)
            if dim == "intake_channel" and code:
                shown = translate(f"printing.channel.{code}", locale)
            elif dim == "root_cause" and code:
                shown = root_cause_label(code, locale)
            keys += [code, shown]
        rows.append((*keys, *(getattr(row.figures, f) for f in FIGURE_NAMES)))
    total_keys: list[str | int] = []
    if table.by:
        total_keys = [translate("analytics.total", locale), *[""] * (2 * len(table.by) - 1)]
    rows.append((*total_keys, *(getattr(table.total, f) for f in FIGURE_NAMES)))
    title = translate("analytics.statistics_title", locale, first=table.period.first.isoformat(),
                      last=table.period.last.isoformat())
    return Grid(title=title, headers=tuple(headers), rows=tuple(rows),
                key_columns=2 * len(table.by))
