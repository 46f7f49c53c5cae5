"""The open corrective actions (溯源整改, docs/ARCHITECTURE.md §14): what, owner, due date, the
overdue ones highlighted, earliest due first; a supervisor marks one done with a note
(desktop.services.corrections records a `corrective_action_done` event, sent to HQ like any
other). Double-clicking a line opens its complaint. Overdue actions also have their own
worklist ("corrective actions overdue")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.root_causes import root_cause_label
from ui import spacing
from ui.i18n import QT_TRANSLATE_NOOP, Translatable
from ui.item_models import RowsModel
from ui.worker import Changes

if TYPE_CHECKING:
    from desktop.services.context import ServiceContext
    from desktop.services.corrections import CorrectiveActionLine
    from ui.context import AppContext

OVERDUE_FOREGROUND = "#b00020"
OVERDUE_BACKGROUND = "#fdecea"
NOTE_LENGTH = 2000


class CorrectiveActionsModel(RowsModel["CorrectiveActionLine"]):
    """One open corrective action per row; an overdue one in red and bold."""

    context = "CorrectiveActionsModel"
    columns = (
        QT_TRANSLATE_NOOP("CorrectiveActionsModel", "Complaint"),
        QT_TRANSLATE_NOOP("CorrectiveActionsModel", "Root cause"),
        QT_TRANSLATE_NOOP("CorrectiveActionsModel", "What"),
        QT_TRANSLATE_NOOP("CorrectiveActionsModel", "Owner"),
        QT_TRANSLATE_NOOP("CorrectiveActionsModel", "Due"),
    )

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent, app.languages)
        self._app = app

    def cell(self, line: CorrectiveActionLine, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            match column:
                case 0:
                    return line.reference
                case 1:
                    return root_cause_label(line.root_cause, self._app.locale) \
                        if line.root_cause else "—"
                case 2:
                    return line.what
                case 3:
                    return line.owner
                case 4:
                    due = line.due.isoformat()
                    if line.overdue and role == Qt.ItemDataRole.AccessibleTextRole:
                        return self.tr("%1, overdue").replace("%1", due)
                    return due
            return None
        if not line.overdue:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(OVERDUE_FOREGROUND))
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(OVERDUE_BACKGROUND))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None


class DoneDialog(QDialog):
    """Asks for the note that goes with "done" (what was changed; may be left empty)."""

    def __init__(self, line: CorrectiveActionLine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.what = QLabel(self)
        self.what.setWordWrap(True)
        self.note_label = QLabel(self)
        self.note = QPlainTextEdit(self)
        self.note_label.setBuddy(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(spacing.GAP)
        for widget in (self.what, self.note_label, self.note, self.buttons):
            layout.addWidget(widget)
        self.setWindowTitle(self.tr("Corrective action done"))
        self.what.setText(self.tr("%1 — %2 (owner %3, due %4)").replace("%1", line.reference)
                          .replace("%2", line.what).replace("%3", line.owner)
                          .replace("%4", line.due.isoformat()))
        self.note_label.setText(self.tr("&Note (what was done):"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Mark done"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.resize(520, 260)


class CorrectiveActionsPanel(Translatable, QWidget):
    """The list (all open actions, or the overdue ones only) and "Mark done"."""

    loaded = Signal()
    open_case = Signal(str)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.setObjectName("corrective_actions")
        self.overdue_only = QCheckBox(self)
        self.done_button = QPushButton(self)
        self.summary = QLabel(self)
        self.model = CorrectiveActionsModel(app, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.dialog: DoneDialog | None = None
        row = QHBoxLayout()
        row.setSpacing(spacing.GAP)
        row.addWidget(self.overdue_only)
        row.addWidget(self.summary, 1)
        row.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        layout.setSpacing(spacing.GAP)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.overdue_only.toggled.connect(lambda _on: self.refresh())
        self.done_button.clicked.connect(self.mark_done)
        self.table.doubleClicked.connect(self._open)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        app.worker.changed.connect(self._changed)  # a bound slot: gone with the panel
        self.retranslate()

    def tab_title(self) -> str:
        return self.tr("Corrective actions")

    def _changed(self, _changes: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        actor = self._app.staff.actor
        if actor is None:
            return
        overdue_only = self.overdue_only.isChecked()

        def read(ctx: ServiceContext) -> list[CorrectiveActionLine]:
            from desktop.services.corrections import open_corrective_actions

            return open_corrective_actions(ctx, actor, overdue_only=overdue_only)

        self._app.worker.query(self, read, self._show, self._failed)

    def _show(self, lines: list[CorrectiveActionLine]) -> None:
        self.model.set_rows(lines)
        self._enable()
        self._summarise()
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self._app.interaction.error(self, exc, self._app.locale)
        self.loaded.emit()

    def selected(self) -> CorrectiveActionLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.value(rows[0].row()) if rows else None

    def _enable(self) -> None:
        self.done_button.setEnabled(self.selected() is not None)

    def _open(self, index: QModelIndex) -> None:
        line = self.model.value(index.row())
        if line is not None:
            self.open_case.emit(line.complaint_id)

    def mark_done(self) -> None:
        """Ask for a note, then record the selected action done (nothing changes if cancelled)."""
        line, actor = self.selected(), self._app.staff.actor
        if line is None or actor is None:
            return
        dialog = DoneDialog(line, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog

        def accepted() -> None:
            note = dialog.note.toPlainText()[:NOTE_LENGTH]

            def change(ctx: ServiceContext) -> object:
                from desktop.services.corrections import complete_corrective_action

                return complete_corrective_action(ctx, actor, line.complaint_id,
                                                  line.action_id, note)

            self._app.worker.change(self, change, on_error=self._failed,
                                    changes=Changes(complaint_id=line.complaint_id))

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

    def _summarise(self) -> None:
        lines = [self.model.value(i) for i in range(self.model.rowCount())]
        overdue = sum(1 for line in lines if line is not None and line.overdue)
        self.summary.setText(self.tr("%1 open, %2 overdue").replace(
            "%1", str(len(lines))).replace("%2", str(overdue)))

    def retranslate(self) -> None:
        self.overdue_only.setText(self.tr("&Overdue only"))
        self.done_button.setText(self.tr("&Mark done…"))
        self.done_button.setToolTip(self.tr("Record that the selected action is done, with a note"))
        self.setAccessibleName(self.tr("Corrective actions"))
        self.table.setAccessibleName(self.tr("Open corrective actions"))
        self._summarise()
