"""Exporting the worklist view on screen (desktop.services.exports) from the app: where to
save, then the export on the database worker with a progress dialog whose Cancel stops it
(the half-written file is removed). Names are masked unless the user may export identity."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.analytics.files import ExportCancelled
from desktop.domain.worklist import WorklistQuery
from ui.context import AppContext
from ui.tasks import Task


class WorklistExport(QObject):
    """One export at a time; `finished(rows)` after a complete file, `cancelled()` if stopped."""

    finished = Signal(int)
    cancelled = Signal()

    def __init__(self, app: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._app = app
        self._parent = parent
        self.folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        self.progress: QProgressDialog | None = None
        self.task: Task | None = None

    def start(self, query: WorklistQuery) -> None:
        suggested = self.folder / f"worklist-{query.worklist.value}-{date.today().isoformat()}.xlsx"
        self._app.interaction.choose_save_path(
            self._parent, self.tr("Export the worklist"), suggested,
            lambda path: self._run(query, path), name_filter="Excel (*.xlsx);;CSV (*.csv)")

    def _run(self, query: WorklistQuery, path: Path) -> None:
        actor = self._app.staff.actor
        if actor is None:
            return
        fmt = "csv" if path.suffix.lower() == ".csv" else "xlsx"
        progress = QProgressDialog(self.tr("Exporting …"), self.tr("Cancel"), 0, 0, self._parent)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        self.progress = progress

        def job(task: Task) -> int:
            from desktop.services.exports import export_worklist

            return export_worklist(self._app.worker.context(), actor, query, path, fmt,
                                   locale=self._app.locale, progress=task.progress,
                                   cancelled=lambda: task.cancelled)

        self.task = self._app.worker.tasks.submit(
            job, owner=self, on_done=self._done, on_error=self._failed,
            on_progress=lambda n: progress.setLabelText(self.tr("Exported %n row(s) …", "", n)))
        progress.canceled.connect(self._cancel)

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, rows: int) -> None:
        self._close_progress()
        self.finished.emit(rows)

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        if isinstance(exc, ExportCancelled):
            self.cancelled.emit()
            return
        self._app.interaction.error(self._parent, exc, self._app.locale)
