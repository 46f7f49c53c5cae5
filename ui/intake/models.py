"""Item models of the intake's customer step: customers found, and one customer's complaints.

Identity numbers are shown masked in the list of customers found (the customer
is at the counter with the document; the screen need not show it whole).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QObject,
    Qt,
)

from desktop.domain.masking import mask_id_number, mask_phone
from ui import labels
from ui.categories import CategoryNames
from ui.i18n import QT_TRANSLATE_NOOP
from ui.item_models import RowsModel

if TYPE_CHECKING:
    from desktop.services.customers import HistoryLine
    from desktop.services.intake import CustomerMatch
    from ui.context import AppContext

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COMPLAINT_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class CustomerMatchModel(RowsModel["CustomerMatch"]):
    """Customers found by ID number, phone or name; one line each, identity masked."""

    def set_matches(self, matches: list[CustomerMatch]) -> None:
        self.set_rows(matches)

    def customer_at(self, row: int) -> CustomerMatch | None:
        return self.value(row)

    def cell(self, m: CustomerMatch, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [m.name, labels.label(labels.CUSTOMER_KIND, m.kind.value)]
            if m.id_number:
                parts.append(mask_id_number(m.id_number))
            if m.phone:
                parts.append(mask_phone(m.phone))
            parts.append(self.tr("{open} open / %n complaint(s)", "", m.total_complaints).format(
                open=m.open_complaints))
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


class HistoryModel(RowsModel["HistoryLine"]):
    """One customer's complaints, newest first; open ones in bold."""

    context = "HistoryModel"
    columns = HISTORY_COLUMNS

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent, app.languages)
        self._app = app
        self._names = CategoryNames(app)

    def set_lines(self, lines: list[HistoryLine]) -> None:
        self.set_rows(lines)

    def cell(self, line: HistoryLine, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            match column:
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
