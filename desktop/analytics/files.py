"""Tables written as CSV and XLSX files for the regulator's spreadsheets and for exports.

XLSX goes through xlsxwriter in constant-memory mode: rows are written to disk as they
come, so a million-row export holds one row in memory. Both writers take any iterable of
rows, report progress every `every` rows and stop when `cancelled()` says so (the file is
then removed: no half export is left behind). A file appears only complete: each is
written beside the target and moved into place at the end.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

Progress = Callable[[int], None]


class ExportCancelled(Exception):
    """The user cancelled the export; nothing was written."""


def _temporary(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.part")


def _finish(temporary: Path, target: Path) -> None:
    os.replace(temporary, target)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _inert(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, quoted (CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(target: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], *,
              progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False,
              every: int = 1000) -> int:
    """Write a UTF-8 CSV with a byte-order mark (Excel then reads Chinese right). Returns
    the number of rows written; raises ExportCancelled or OSError (nothing left then)."""
    temporary = _temporary(target)
    count = 0
    try:
        with temporary.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(headers)
            for row in rows:
                writer.writerow([_inert(v) for v in row])
                count += 1
                if count % every == 0:
                    if cancelled():
                        raise ExportCancelled
                    if progress is not None:
                        progress(count)
        _finish(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return count


def _close(book: xlsxwriter.Workbook) -> None:
    try:
        book.close()
    except FileCreateError as exc:  # the OSError it wraps is what the caller reports
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], OSError) else None
        raise cause or OSError(str(exc)) from None


def write_xlsx(target: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], *,
               sheet: str = "Sheet1", title: str = "", progress: Progress | None = None,
               cancelled: Callable[[], bool] = lambda: False, every: int = 1000) -> int:
    """Write one worksheet: an optional title row, the header row (frozen), the rows
    (numbers stay numbers). Returns the number of rows; raises ExportCancelled or OSError."""
    temporary = _temporary(target)
    count = 0
    try:
        book = xlsxwriter.Workbook(str(temporary), {"constant_memory": True,
                                                    "strings_to_numbers": False,
                                                    "strings_to_formulas": False,
                                                    "strings_to_urls": False})
        try:
            bold = book.add_format({"bold": True})
            ws = book.add_worksheet(sheet[:31])
            top = 0
            if title:
                ws.write_string(0, 0, title, bold)
                top = 1
            ws.write_row(top, 0, list(headers), bold)
            ws.freeze_panes(top + 1, 0)
            for col, header in enumerate(headers):
                ws.set_column(col, col, max(10, min(40, len(header) * 2)))
            for row in rows:
                ws.write_row(top + 1 + count, 0, list(row))
                count += 1
                if count % every == 0:
                    if cancelled():
                        raise ExportCancelled
                    if progress is not None:
                        progress(count)
        finally:
            _close(book)
        _finish(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return count
