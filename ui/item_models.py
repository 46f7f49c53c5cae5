"""The one skeleton of the screens' small item models: a list of plain values, one per row,
replaced whole, with translated column headings that follow a language switch.

A model says what its rows hold (`RowsModel[AttachmentInfo]`), its headings and how one
cell reads (`cell`); the row counting, index checks and relabelling are here, once.
The paged worklist (ui/worklist_model.py) has a skeleton of its own, but the same
`ModelIndex`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

if TYPE_CHECKING:
    from ui.i18n import Languages

# What Qt hands a model's methods: an index, or one kept across changes.
ModelIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of plain values with `columns` (QT_TRANSLATE_NOOP texts in `context`; no columns:
    one column, no heading). Subclasses answer `cell(value, column, role)`."""

    context = "RowsModel"
    columns: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None, languages: Languages | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        if languages is not None:
            languages.changed.connect(self._language_changed)

    # -- the rows -----------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def value(self, row: int) -> T | None:
        """The value shown on `row`, or None outside the rows."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def cell(self, value: T, column: int, role: int) -> Any:
        """What `column` of a row holding `value` shows for `role` (None: nothing)."""
        raise NotImplementedError

    # -- Qt model interface -------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else max(1, len(self.columns))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            return QCoreApplication.translate(self.context, self.columns[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def _language_changed(self, _locale: str) -> None:
        last_column = self.columnCount() - 1
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last_column)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, last_column))
