"""Item models of the intake's customer step: customers found, and one customer's complaints.

Identity numbers are shown masked in the list of customers found (the customer
is at the counter with the document; the screen need not show it whole).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.domain.masking import mask_id_number, mask_phone
from ui import labels
from ui.categories import CategoryNames
from ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop.services.customers import HistoryLine
    from desktop.services.intake import CustomerMatch
    from ui.context import AppContext

ModelIndex = QModelIndex | QPersistentModelIndex
CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COMPLAINT_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class CustomerMatchModel(QAbstractListModel):
    """Customers found by ID number, phone or name; one line each, identity masked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._matches: list[CustomerMatch] = []

    def set_matches(self, matches: list[CustomerMatch]) -> None:
        self.beginResetModel()
        self._matches = list(matches)
        self.endResetModel()

    def customer_at(self, row: int) -> CustomerMatch | None:
        return self._matches[row] if 0 <= row < len(self._matches) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._matches)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._matches):
            return None
        m = self._matches[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [m.name, labels.label(labels.CUSTOMER_KIND, m.kind.value)]
            if m.id_number:
                parts.append(mask_id_number(m.id_number))
            if m.phone:
                parts.append(mask_phone(m.phone))
            parts.append(QCoreApplication.translate(
                "CustomerMatchModel", "{open} open / {total} complaints").format(
                open=m.open_complaints, total=m.total_complaints))
            return " · ".join(parts)
        if role == CUSTOMER_ID_ROLE:
            return m.id
        return None


HISTORY_COLUMNS = (
    QT_TRANSLATE_NOOP("HistoryModel", "Reference"),
    QT_TRANSLATE_NOOP("HistoryModel", "Status"),
    QT_TRANSLATE_NOOP("HistoryModel", "Received"),
    QT_TRANSLATE_NOOP("HistoryModel", "Category"),
)


class HistoryModel(QAbstractTableModel):
    """One customer's complaints, newest first; open ones in bold."""

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._lines: list[HistoryLine] = []
        self._names = CategoryNames(app)
        app.languages.changed.connect(self._relabel)

    def set_lines(self, lines: list[HistoryLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HISTORY_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HISTORY_COLUMNS)):
            return QCoreApplication.translate("HistoryModel", HISTORY_COLUMNS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            match index.column():
                case 0:
                    return line.reference
                case 1:
                    return labels.label(labels.STATUS, line.status.value)
                case 2:
                    return labels.format_date(line.received_at, self._app.branch.zone)
                case 3:
                    return self._names.text(line.business_type, line.cause)
            return None
        if role == Qt.ItemDataRole.FontRole and line.status.is_open:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == COMPLAINT_ID_ROLE:
            return line.complaint_id
        return None

    def _relabel(self, _locale: str) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HISTORY_COLUMNS) - 1)
        if self._lines:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._lines) - 1, len(HISTORY_COLUMNS) - 1))
