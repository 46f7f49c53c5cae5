"""The worklist panel: which list (mine, branch, due soon ...), one search box, and the table.

Enter or a double click opens the case. The table never measures its rows'
contents (that would read every row); columns have fixed starting widths.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.risk import SIGNAL_CODES
from desktop.domain.worklist import RISK_ANY, Worklist
from ui import labels, spacing
from ui.actions import WORKLIST_KEYS
from ui.export import WorklistExport
from ui.i18n import Translatable
from ui.regulatory_notices import ProvisionalBanner
from ui.worklist_model import CASE_ID_ROLE, WorklistModel

if TYPE_CHECKING:
    from ui.context import AppContext
    from ui.worker import Changes

COLUMN_WIDTHS = (190, 110, 260, 110, 130, 200, 90, 60)
WORKLISTS = (Worklist.MINE, Worklist.BRANCH, Worklist.DUE_SOON, Worklist.OVERDUE,
             Worklist.ESCALATED, Worklist.AWAITING_CUSTOMER, Worklist.EXTENSION_NOTICE,
             Worklist.REVIEW, Worklist.CLOSED, Worklist.ALL, Worklist.ACTIONS_OVERDUE)


class CaseTable(QTableView):
    """A table whose Enter key opens the current case."""

    open_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class WorklistPanel(Translatable, QWidget):
    open_case = Signal(str)  # complaint id

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.model = WorklistModel(app, self)
        self.lists = QListWidget(self)
        self.lists.setObjectName("worklist_chooser")
        self.lists.setFixedWidth(spacing.SIDEBAR_WIDTH)
        for worklist in WORKLISTS:
            item = QListWidgetItem(self.lists)
            item.setData(Qt.ItemDataRole.UserRole, worklist.value)
        self.search = QLineEdit(self)
        self.search.setObjectName("worklist_search")
        self.search.setClearButtonEnabled(True)
        self._search_label = QLabel(self)
        self._search_label.setBuddy(self.search)
        self.risk_filter = QComboBox(self)  # all, with any risk signal, with one signal
        self.risk_filter.setObjectName("worklist_risk_filter")
        for code in ("", RISK_ANY, *SIGNAL_CODES):
            self.risk_filter.addItem("", code)
        self._risk_label = QLabel(self)
        self._risk_label.setBuddy(self.risk_filter)
        self.count = QLabel(self)
        self.count.setObjectName("worklist_count")
        self.table = CaseTable(self)
        self.table.setObjectName("worklist_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        # The indicator first: enabling sorting sorts by it, which must be the query's own order.
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

        search_row = QHBoxLayout()
        search_row.setSpacing(spacing.GAP)
        search_row.addWidget(self._search_label)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self._risk_label)
        search_row.addWidget(self.risk_filter)
        search_row.addWidget(self.count)
        self.export_button = QPushButton(self)
        self.exporter = WorklistExport(app, self)
        self.export_button.clicked.connect(lambda: self.exporter.start(self.model.query))
        search_row.addWidget(self.export_button)
        right = QVBoxLayout()
        right.setSpacing(spacing.GAP)
        right.addLayout(search_row)
        self.provisional_banner = ProvisionalBanner(app, self)
        right.addWidget(self.provisional_banner)
        right.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        layout.setSpacing(spacing.SECTION_GAP)
        layout.addWidget(self.lists)
        layout.addLayout(right, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(spacing.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_now)
        self.lists.currentRowChanged.connect(self._worklist_chosen)
        self.risk_filter.currentIndexChanged.connect(self._risk_chosen)
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        self.table.open_requested.connect(self._open_index)
        self.model.first_page.connect(self._first_page)
        self.model.loaded.connect(self._loaded)
        self.model.modelReset.connect(self._sync_sort_indicator)
        app.worker.changed.connect(self._changed)
        self.retranslate()

    # -- choosing what to show ----------------------------------------------------------------

    def start(self, worklist: Worklist | None = None) -> None:
        """Show `worklist` (or the one used last) for the logged-in person."""
        actor = self._app.staff.actor
        self.model.set_staff(actor.staff_number if actor else "")
        chosen = worklist or Worklist(self._app.settings.worklist or Worklist.BRANCH.value)
        row = WORKLISTS.index(chosen)
        self.provisional_banner.refresh()
        if self.lists.currentRow() != row:
            self.lists.setCurrentRow(row)
        else:
            self.model.reload()

    def show_filtered(self, worklist: Worklist, business_types: tuple[str, ...] = ()) -> None:
        """Show `worklist`, only the complaints of `business_types` when given (a dashboard
        bar); choosing a worklist in the list again shows it whole."""
        self.lists.blockSignals(True)
        self.lists.setCurrentRow(WORKLISTS.index(worklist))
        self.lists.blockSignals(False)
        self.model.set_query(replace(self.model.query, worklist=worklist,
                                     business_types=tuple(business_types)))

    def current_worklist(self) -> Worklist:
        return self.model.query.worklist

    def _worklist_chosen(self, row: int) -> None:
        if 0 <= row < len(WORKLISTS):
            worklist = WORKLISTS[row]
            self._app.settings.worklist = worklist.value
            if worklist == self.model.query.worklist and not self.model.query.business_types:
                self.model.reload()
            else:
                self.model.set_query(replace(self.model.query, worklist=worklist,
                                             business_types=()))

    def show_risk(self, risk: str) -> None:
        """Only the complaints with risk signal `risk` (RISK_ANY: with any; "": all)."""
        self.risk_filter.setCurrentIndex(max(0, self.risk_filter.findData(risk)))

    def _risk_chosen(self, _row: int) -> None:
        risk = str(self.risk_filter.currentData() or "")
        if risk != self.model.query.risk:
            self.model.set_query(replace(self.model.query, risk=risk))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_now(self) -> None:
        self._search_timer.stop()
        self._apply_search()
        if self.model.rowCount() > 0:
            self.table.setFocus()

    def _apply_search(self) -> None:
        self.model.set_search(self.search.text())

    def _changed(self, changes: Changes) -> None:
        if changes.worklist:
            self.model.reload()

    def _loaded(self, count: int) -> None:
        self.count.setText(self.tr("%n case(s)", "", count))

    def _first_page(self) -> None:
        if self.model.total is None:
            self.count.setText(self.tr("Counting …"))
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _sync_sort_indicator(self) -> None:
        order = Qt.SortOrder.DescendingOrder if self.model.query.descending else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(self.model.sort_column(), order)
        header.blockSignals(False)

    def _open_index(self, index: QModelIndex) -> None:
        case_id = self.model.data(self.model.index(index.row(), 0), CASE_ID_ROLE)
        if case_id:
            self.open_case.emit(str(case_id))

    def retranslate(self) -> None:
        for row, worklist in enumerate(WORKLISTS):
            item = self.lists.item(row)
            item.setText(labels.label(labels.WORKLIST, worklist.value))
            if row < len(WORKLIST_KEYS):
                item.setToolTip(f"{item.text()} ({WORKLIST_KEYS[row]})")
            else:
                item.setToolTip(item.text())
        self.lists.setAccessibleName(self.tr("Worklists"))
        self._search_label.setText(self.tr("&Search"))
        self.search.setPlaceholderText(self.tr(
            "Reference, customer name, last 4 digits of phone or ID, or any words"))
        self.search.setAccessibleName(self.tr("Search complaints"))
        self.search.setToolTip(self.tr("Search complaints (Ctrl+F)"))
        self.table.setAccessibleName(self.tr("Complaints in this worklist"))
        self.count.setAccessibleName(self.tr("Number of cases"))
        self._risk_label.setText(self.tr("&Risk"))
        for row in range(self.risk_filter.count()):
            code = str(self.risk_filter.itemData(row))
            self.risk_filter.setItemText(row, self.tr("All complaints") if not code else
                                         self.tr("With risk signals") if code == RISK_ANY else
                                         labels.label(labels.RISK, code))
        self.risk_filter.setAccessibleName(self.tr("Show complaints with risk signals"))
        self.risk_filter.setToolTip(self.tr(
            "Only the complaints with risk signals, or with one kind of signal"))
        self.export_button.setText(self.tr("E&xport …"))
        self.export_button.setToolTip(self.tr(
            "Export this list to XLSX or CSV (names masked unless you may export identity)"))
        total = self.model.total
        self.count.setText(self.tr("%n case(s)", "", total) if total is not None
                           else self.tr("Counting …"))
