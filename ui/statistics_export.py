"""Exporting the JR/T 0169 statistics from the app (docs/ARCHITECTURE.md §14): the supervisor
picks a period, a breakdown and a format (XLSX, CSV or PDF), then where to save; the file is
written on the background runner by the same service the command line uses
(desktop.services.statistics.write_branch_statistics), and the result is told in the user's
language. A bad period is refused in their words and nothing is written."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import spacing
from ui.tasks import Task

if TYPE_CHECKING:
    from ui.context import AppContext

FORMATS = (("xlsx", "Excel (*.xlsx)"), ("csv", "CSV (*.csv)"), ("pdf", "PDF (*.pdf)"))
BREAKDOWNS = ("channel", "business_type", "cause")


def day_of(edit: QDateEdit) -> date:
    """The day a date field shows."""
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


class StatisticsExportDialog(QDialog):
    """`written(path)` after a complete file, `failed(message)` when nothing was written."""

    written = Signal(object)
    failed = Signal(str)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.setObjectName("statistics_export")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        today = app.now().astimezone(app.branch.zone).date()
        first = quarter_start(today)
        self.first = QDateEdit(QDate(first.year, first.month, first.day), self)
        self.last = QDateEdit(QDate(today.year, today.month, today.day), self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.by = {name: QCheckBox(self) for name in BREAKDOWNS}
        self.by["business_type"].setChecked(True)
        self.format = QComboBox(self)
        for fmt, _filter in FORMATS:
            self.format.addItem(fmt.upper(), fmt)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self)
        self.export_button.setDefault(True)
        self.close_button = QPushButton(self)
        self.labels = {key: QLabel(self) for key in ("first", "last", "by", "format")}
        self.labels["first"].setBuddy(self.first)
        self.labels["last"].setBuddy(self.last)
        self.labels["format"].setBuddy(self.format)
        by_row = QHBoxLayout()
        for box in self.by.values():
            by_row.addWidget(box)
        by_row.addStretch(1)
        form = QFormLayout()
        form.setSpacing(spacing.GAP)
        form.addRow(self.labels["first"], self.first)
        form.addRow(self.labels["last"], self.last)
        form.addRow(self.labels["by"], by_row)
        form.addRow(self.labels["format"], self.format)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        layout.setSpacing(spacing.GAP)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.reject)
        self.folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        self.task: Task | None = None
        self.retranslate()

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def breakdown(self) -> tuple[str, ...]:
        return tuple(name for name, box in self.by.items() if box.isChecked())

    def export(self) -> None:
        """Ask where to save, then write the file on the background runner."""
        first, last = day_of(self.first), day_of(self.last)
        fmt = self.chosen_format()
        name_filter = dict(FORMATS)[fmt]
        suggested = self.folder / f"statistics-{first.isoformat()}-{last.isoformat()}.{fmt}"
        self._app.interaction.choose_save_path(
            self, self.tr("Export the statistics"), suggested,
            lambda path: self._run(first, last, self.breakdown(), fmt, path),
            name_filter=name_filter)

    def _run(self, first: date, last: date, by: tuple[str, ...], fmt: str, path: Path) -> None:
        actor = self._app.staff.actor
        if actor is None:
            return
        locale = self._app.locale
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting …"))

        def job(_task: Task) -> Path:
            from desktop.services.statistics import write_branch_statistics

            write_branch_statistics(self._app.worker.context(), actor, first, last, by, fmt,
                                    path, locale)
            return path

        self.task = self._app.worker.tasks.submit(job, owner=self, on_done=self._done,
                                                  on_error=self._failed)

    def _done(self, path: Path) -> None:
        self.export_button.setEnabled(True)
        text = self.tr("The statistics were written to %1").replace("%1", str(path))
        self.status.setText(text)
        self._app.interaction.inform(self, self.tr("Statistics exported"), text)
        self.written.emit(path)

    def _failed(self, exc: BaseException) -> None:
        from ui.interaction import error_text

        self.export_button.setEnabled(True)
        if isinstance(exc, OSError):
            text = self.tr("The file could not be written (%1). Nothing was saved.").replace(
                "%1", exc.strerror or type(exc).__name__)
        else:
            text = error_text(exc, self._app.locale)
        self.status.setText(text)
        self._app.interaction.warn(self, self.tr("Statistics not exported"), text)
        self.failed.emit(text)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export the statistics (JR/T 0169)"))
        self.labels["first"].setText(self.tr("&From:"))
        self.labels["last"].setText(self.tr("&To:"))
        self.labels["by"].setText(self.tr("Broken down by:"))
        self.labels["format"].setText(self.tr("F&ormat:"))
        self.by["channel"].setText(self.tr("&Channel"))
        self.by["business_type"].setText(self.tr("&Business type"))
        self.by["cause"].setText(self.tr("C&ause"))
        self.export_button.setText(self.tr("&Export…"))
        self.close_button.setText(self.tr("C&lose"))
        self.status.setText(self.tr(
            "Received in the period, repeats about the same matter once, as the regulator counts."))
