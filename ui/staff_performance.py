"""Staff performance (绩效考核, docs/ARCHITECTURE.md §14): per staff member and period, cases
handled and decided, on-time share, median days to decision, upheld share, reopened share,
average satisfaction and training needs. Who sees whom is the service's rule
(desktop.services.performance): a supervisor everyone of the branch, anyone else only
themselves; asking for someone else without the right is refused in the user's words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.security.permissions import allowed
from desktop.security.policy import Permission
from ui import spacing
from ui.categories import CategoryNames
from ui.i18n import QT_TRANSLATE_NOOP, Translatable
from ui.item_models import RowsModel
from ui.statistics_export import day_of, quarter_start

if TYPE_CHECKING:
    from desktop.analytics.performance import StaffFigures
    from desktop.services.context import ServiceContext
    from ui.context import AppContext


def share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


class StaffPerformanceModel(RowsModel["StaffFigures"]):
    """One row per staff member: the figures of desktop.analytics.performance."""

    context = "StaffPerformanceModel"
    columns = (
        QT_TRANSLATE_NOOP("StaffPerformanceModel", "Staff"),
        QT_TRANSLATE_NOOP("StaffPerformanceModel", "Handled"),
        QT_TRANSLATE_NOOP("StaffPerformanceModel", "Decided"),
        QT_TRANSLATE_NOOP("StaffPerformanceModel", "On time"),
        QT_TRANSLATE_NOOP("StaffPerformanceModel", "Median days"),
        QT_TRANSLATE_NOOP("StaffPerformanceModel", "Upheld"),
        QT_TRANSLATE_NOOP("StaffPerformanceModel", "Reopened"),
        QT_TRANSLATE_NOOP("StaffPerformanceModel", "Satisfaction"),
        QT_TRANSLATE_NOOP("StaffPerformanceModel", "Training needs"),
    )

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent, app.languages)
        self._names = CategoryNames(app)

    def cell(self, f: StaffFigures, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and 0 < column < 8:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        match column:
            case 0:
                return f.staff_number
            case 1:
                return str(f.handled)
            case 2:
                return str(f.decided)
            case 3:
                return share(f.on_time_share)
            case 4:
                return "—" if f.median_days is None else f"{f.median_days:.1f}"
            case 5:
                return share(f.upheld_share)
            case 6:
                return share(f.reopened_share)
            case 7:
                return "—" if f.satisfaction is None else f"{f.satisfaction:.1f}"
            case 8:
                return "; ".join(f"{self._names.text(b, c)} ({n})"
                                 for b, c, n in f.training_needs)
        return None


class StaffPerformancePanel(Translatable, QWidget):
    """A period, optionally one staff number, and the table; `loaded` after each answer."""

    loaded = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.setObjectName("staff_performance")
        today = app.now().astimezone(app.branch.zone).date()
        first = quarter_start(today)  # a quarter holds enough cases to compare people by
        self.first = QDateEdit(QDate(first.year, first.month, first.day), self)
        self.last = QDateEdit(QDate(today.year, today.month, today.day), self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.staff = QLineEdit(self)
        self.staff.setMaxLength(32)
        self.first_label, self.last_label, self.staff_label = QLabel(self), QLabel(self), QLabel(self)
        self.first_label.setBuddy(self.first)
        self.last_label.setBuddy(self.last)
        self.staff_label.setBuddy(self.staff)
        self.show_button = QPushButton(self)
        self.show_button.setDefault(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.model = StaffPerformanceModel(app, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        row = QHBoxLayout()
        row.setSpacing(spacing.GAP)
        for widget in (self.first_label, self.first, self.last_label, self.last,
                       self.staff_label, self.staff, self.show_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        layout.setSpacing(spacing.GAP)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self.show_button.clicked.connect(self.refresh)
        self.staff.returnPressed.connect(self.refresh)
        self.retranslate()

    def tab_title(self) -> str:
        return self.tr("Staff performance")

    def refresh(self) -> None:
        """Ask the service for the figures of the period (and staff number) on the worker."""
        actor = self._app.staff.actor
        if actor is None:
            return
        first, last = day_of(self.first), day_of(self.last)
        wanted = [self.staff.text()] if self.staff.text().strip() else []

        def compute(ctx: ServiceContext) -> list[StaffFigures]:
            from desktop.services.performance import branch_performance

            return branch_performance(ctx, actor, first, last, wanted)

        self._app.worker.query(self, compute, self._show, self._failed)

    def _show(self, figures: list[StaffFigures]) -> None:
        self.model.set_rows(figures)
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.model.set_rows([])
        self._app.interaction.error(self, exc, self._app.locale)
        self.loaded.emit()

    def retranslate(self) -> None:
        self.first_label.setText(self.tr("&From:"))
        self.last_label.setText(self.tr("&To:"))
        self.staff_label.setText(self.tr("Staff &number:"))
        self.staff.setPlaceholderText(self.tr("everyone"))
        self.show_button.setText(self.tr("&Show"))
        actor = self._app.staff.actor
        everyone = actor is not None and allowed(actor, Permission.REPORT_STATISTICS)
        self.note.setText(self.tr(
            "Of the complaints received in the period (a repeat about the same matter once), "
            "per handler. Median days: from receipt to decision. Reopened: of those decided at "
            "least once, the share reopened since.") + ("" if everyone else " " + self.tr(
                "You see your own figures only: everyone's need the statistics permission.")))
        self.setAccessibleName(self.tr("Staff performance"))
        self.table.setAccessibleName(self.tr("Figures per staff member"))
