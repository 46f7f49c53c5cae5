"""The worklist as a table model over the store, paged in SQL so a million complaints stay instant.

The model knows the number of rows (one COUNT in SQL) and keeps a few pages of
rows in memory; a row outside them shows "…" while its page is fetched on the
database worker, then the view is told the rows changed. Sorting, filtering and
search happen in SQL (desktop.store.queries), never by loading the table.

Pages are read by position (keyset paging), not by OFFSET: the model remembers where
the first and last rows of every page it has read sit in the sort order, and reads a
page as "the rows after (or before) the nearest row it knows", so scrolling page by
page anywhere costs what the first page does. A jump far from anything read so far
skips from the nearest known row, the start or the end, whichever is closest; the first
such jump also has the positions of every 2,000th row taken in the background, after
which a jump anywhere in a million rows is a short read.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict, deque
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.domain.worklist import (
    CaseRow,
    SortKey,
    SortPosition,
    Worklist,
    WorklistQuery,
    sort_position,
)
from ui import labels, spacing
from ui.categories import CategoryNames
from ui.i18n import QT_TRANSLATE_NOOP
from ui.item_models import ModelIndex

if TYPE_CHECKING:
    from desktop.domain.policy import TimeLeft
    from desktop.services.context import ServiceContext
    from ui.context import AppContext

MAX_CACHED_PAGES = 12
WANTED_PAGES = 4  # the pages most recently asked for by the view; older requests are skipped
# A list at least this long is read along its sort index, testing each row's status, when a
# page is near a row already read: cheaper than SQLite sorting every row of those statuses.
DENSE_LIST_ROWS = 20_000
WALK_MAX_SKIP = 2_000  # ... but not to skip further than this (each skipped row is a lookup)
# After the first read that had to skip more than FAR_SKIP rows (a jump into the middle of a
# long list), the positions of every LANDMARK_EVERY-th row are taken in one pass, in the
# background, so later jumps anywhere skip fewer than LANDMARK_EVERY rows.
FAR_SKIP = 5_000
LANDMARK_EVERY = 2_000
COLUMNS = (
    ("reference", QT_TRANSLATE_NOOP("WorklistModel", "Reference"), SortKey.REFERENCE),
    ("customer", QT_TRANSLATE_NOOP("WorklistModel", "Customer"), SortKey.CUSTOMER),
    ("category", QT_TRANSLATE_NOOP("WorklistModel", "Category"), None),
    ("status", QT_TRANSLATE_NOOP("WorklistModel", "Status"), SortKey.STATUS),
    ("received", QT_TRANSLATE_NOOP("WorklistModel", "Received"), SortKey.RECEIVED),
    ("time_left", QT_TRANSLATE_NOOP("WorklistModel", "Time left"), SortKey.DUE),
    ("assignee", QT_TRANSLATE_NOOP("WorklistModel", "Handled by"), SortKey.ASSIGNEE),
    ("risk", QT_TRANSLATE_NOOP("WorklistModel", "Risk"), None),
)
RISK_COLOUR = QColor("#b00020")
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DEADLINE_STATE_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True, slots=True)
class WorklistLine:
    case: CaseRow
    time_left: TimeLeft | None  # None once the case is no longer open


@dataclass(frozen=True, slots=True)
class WorklistPage:
    generation: int
    page: int
    lines: list[WorklistLine] | None  # None: skipped, nobody was looking at it any more


@dataclass(frozen=True, slots=True)
class Landmarks:
    generation: int
    positions: list[tuple[int, SortPosition]]


@dataclass(frozen=True, slots=True)
class WorklistCount:
    generation: int
    total: int


def _lines(ctx: ServiceContext, rows: list[CaseRow]) -> list[WorklistLine]:
    now = ctx.now()
    return [WorklistLine(r, ctx.policy.time_left(r.decision_due, now) if r.status.is_open else None)
            for r in rows]


@dataclass(frozen=True, slots=True)
class PageRead:
    """How to read rows [first, first+limit): after a known row's position (None: from the
    start, or the end when backwards), in which direction, skipping how many rows."""

    first: int
    limit: int
    after: SortPosition | None
    backwards: bool
    skip: int


def plan_page_read(first: int, limit: int, total: int, rows: list[int],
                   positions: Mapping[int, SortPosition]) -> PageRead:
    """The cheapest read of rows [first, first+limit) of a list of `total` rows, given the
    positions of the rows numbered in `rows` (sorted): the one that skips the fewest rows."""
    end = first + limit
    options = [PageRead(first, limit, None, False, first)]
    if total:
        options.append(PageRead(first, limit, None, True, max(0, total - end)))
    i = bisect.bisect_left(rows, first)
    if i > 0:  # the nearest known row before the page
        below = rows[i - 1]
        options.append(PageRead(first, limit, positions[below], False, first - below - 1))
    j = bisect.bisect_left(rows, end)
    if j < len(rows):  # the nearest known row after the page
        above = rows[j]
        options.append(PageRead(first, limit, positions[above], True, above - end))
    return min(options, key=lambda o: o.skip)


def read_page(ctx: ServiceContext, query: WorklistQuery, plan: PageRead, total: int) -> list[CaseRow]:
    """The rows `plan` asks for, in the list's order."""
    from desktop.services.cases import worklist_rows_after

    walk = total >= DENSE_LIST_ROWS and plan.skip <= WALK_MAX_SKIP
    if plan.backwards:
        flipped = replace(query, descending=not query.descending)
        rows = worklist_rows_after(ctx, flipped, plan.after, plan.limit, plan.skip, walk_sort_index=walk)
        return rows[::-1]
    return worklist_rows_after(ctx, query, plan.after, plan.limit, plan.skip, walk_sort_index=walk)


class WorklistModel(QAbstractTableModel):
    """Rows of one worklist (mine, branch, due soon, ...) with search and sort, fetched by page.

    A reload shows the first page at once and counts the rest afterwards (a count can take
    longer than a page); a page nobody is looking at by the time the worker gets to it is
    skipped, so fast scrolling does not queue work for rows long gone from the screen.
    """

    first_page = Signal()  # a reload's first rows are on screen
    loaded = Signal(int)  # the row count, once it is known after a reload

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._query = WorklistQuery()
        self._count = 0
        self._total: int | None = None  # None while the count is being taken
        self._pages: OrderedDict[int, list[WorklistLine]] = OrderedDict()
        self._requested: set[int] = set()
        self._wanted: deque[int] = deque(maxlen=WANTED_PAGES)
        self._generation = 0
        self._known: dict[int, SortPosition] = {}  # row number → its position in the sort order
        self._known_rows: list[int] = []  # the same row numbers, sorted
        self._landmarks_asked = False
        self._categories = CategoryNames(app)
        app.languages.changed.connect(self._language_changed)

    # -- what is shown ------------------------------------------------------------------------

    @property
    def query(self) -> WorklistQuery:
        return self._query

    @property
    def total(self) -> int | None:
        """How many cases the worklist holds; None until counted."""
        return self._total

    def set_worklist(self, worklist: Worklist) -> None:
        self.set_query(replace(self._query, worklist=worklist))

    def set_search(self, text: str) -> None:
        self.set_query(replace(self._query, search=text.strip()))

    def set_staff(self, staff_number: str) -> None:
        self.set_query(replace(self._query, staff_number=staff_number))

    def set_query(self, query: WorklistQuery) -> None:
        if query != self._query:
            self._query = query
            self.reload()

    def reload(self) -> None:
        """Fetch the first page again, then count (after a change or a new query)."""
        self._generation += 1
        generation, query = self._generation, self._query

        def fetch(ctx: ServiceContext) -> WorklistPage:
            from desktop.services.cases import worklist_rows_after

            rows = worklist_rows_after(ctx, query, None, spacing.PAGE_SIZE)
            return WorklistPage(generation, 0, _lines(ctx, rows))

        self._app.worker.query(self, fetch, self._first_page_arrived)

    def _first_page_arrived(self, page: WorklistPage) -> None:
        if page.generation != self._generation or page.lines is None:
            return  # an answer to an older query
        lines = page.lines
        self.beginResetModel()
        self._pages.clear()
        self._requested.clear()
        self._wanted.clear()
        self._known.clear()
        self._known_rows.clear()
        self._landmarks_asked = False
        self._remember(0, lines)
        self._pages[0] = lines
        self._count = len(lines)
        self._total = None if len(lines) == spacing.PAGE_SIZE else len(lines)
        self.endResetModel()
        self.first_page.emit()
        if self._total is not None:
            self.loaded.emit(self._total)
            return
        generation, query = self._generation, self._query

        def count(ctx: ServiceContext) -> WorklistCount:
            from desktop.services.cases import worklist_count

            return WorklistCount(generation, worklist_count(ctx, query))

        self._app.worker.query(self, count, self._counted)

    def _counted(self, counted: WorklistCount) -> None:
        if counted.generation != self._generation:
            return
        total = max(counted.total, self._count)
        if total > self._count:
            self.beginInsertRows(QModelIndex(), self._count, total - 1)
            self._count = total
            self.endInsertRows()
        self._total = total
        self.loaded.emit(total)

    def _page_arrived(self, page: WorklistPage) -> None:
        if page.generation != self._generation:
            return  # an answer to an older query
        self._requested.discard(page.page)
        if page.lines is None:
            return  # skipped: asked again if it comes back into view
        self._remember(page.page * spacing.PAGE_SIZE, page.lines)
        self._pages[page.page] = page.lines
        self._pages.move_to_end(page.page)
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        first = page.page * spacing.PAGE_SIZE
        last = min(self._count, first + spacing.PAGE_SIZE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def _request_page(self, page: int) -> None:
        if page in self._wanted:
            self._wanted.remove(page)
        self._wanted.append(page)
        if page in self._requested:
            return
        self._requested.add(page)
        generation, query, total, wanted = self._generation, self._query, self._count, self._wanted
        first = page * spacing.PAGE_SIZE
        plan = plan_page_read(first, max(0, min(spacing.PAGE_SIZE, total - first)), total,
                              self._known_rows, self._known)

        def fetch(ctx: ServiceContext) -> WorklistPage:
            if page not in wanted:  # scrolled past before the worker got here
                return WorklistPage(generation, page, None)
            return WorklistPage(generation, page, _lines(ctx, read_page(ctx, query, plan, total)))

        self._app.worker.query(self, fetch, self._page_arrived)
        if plan.skip > FAR_SKIP and not self._landmarks_asked:
            self._ask_landmarks()

    def _ask_landmarks(self) -> None:
        self._landmarks_asked = True
        generation, query = self._generation, self._query

        def find(ctx: ServiceContext) -> Landmarks:
            from desktop.services.cases import worklist_landmarks

            return Landmarks(generation, worklist_landmarks(ctx, query, LANDMARK_EVERY))

        self._app.worker.query(self, find, self._landmarks_arrived)

    def _landmarks_arrived(self, landmarks: Landmarks) -> None:
        if landmarks.generation != self._generation:
            return
        for row, position in landmarks.positions:
            if row < self._count and row not in self._known:
                bisect.insort(self._known_rows, row)
                self._known[row] = position

    def _remember(self, first: int, lines: list[WorklistLine]) -> None:
        """Note where a page's first and last rows sit in the sort order."""
        if not lines:
            return
        sort = self._query.sort
        for row, line in ((first, lines[0]), (first + len(lines) - 1, lines[-1])):
            if row not in self._known:
                bisect.insort(self._known_rows, row)
            self._known[row] = sort_position(line.case, sort)

    def line(self, row: int) -> WorklistLine | None:
        """The row's case if its page is in memory (asks for the page otherwise)."""
        if not 0 <= row < self._count:
            return None
        page, offset = divmod(row, spacing.PAGE_SIZE)
        lines = self._pages.get(page)
        if lines is None:
            self._request_page(page)
            return None
        self._pages.move_to_end(page)
        return lines[offset] if offset < len(lines) else None

    # -- Qt model interface -------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return QCoreApplication.translate("WorklistModel", COLUMNS[section][1])
            if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][2] is not None:
                return QCoreApplication.translate("WorklistModel", "Click to sort")
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        line = self.line(index.row())
        column = COLUMNS[index.column()][0] if 0 <= index.column() < len(COLUMNS) else ""
        if line is None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return "…"
            return None
        if column == "risk" and role in (Qt.ItemDataRole.ToolTipRole,
                                         Qt.ItemDataRole.AccessibleTextRole):
            return labels.risk_explanations(line.case.risk) or None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(line, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "time_left":
            return self._text(line, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == "risk" and line.case.risk:
            return RISK_COLOUR
        if role == Qt.ItemDataRole.ForegroundRole and column == "time_left":
            return labels.deadline_colour(line.time_left)
        if role == Qt.ItemDataRole.BackgroundRole and column == "time_left":
            return labels.deadline_background(line.time_left)
        if role == CASE_ID_ROLE:
            return line.case.id
        if role == DEADLINE_STATE_ROLE:
            return str(line.time_left.state) if line.time_left is not None else ""
        return None

    def _text(self, line: WorklistLine, column: str) -> str:
        case = line.case
        match column:
            case "reference":
                return case.reference + (" ⚑" if case.needs_review else "")
            case "customer":
                return case.customer_name
            case "category":
                return self._categories.text(case.business_type, case.cause)
            case "status":
                text = labels.label(labels.STATUS, case.status.value)
                if case.escalation_level:
                    text += QCoreApplication.translate("WorklistModel", " (level {level})").format(
                        level=case.escalation_level)
                return text
            case "received":
                return labels.format_datetime(case.received_at, self._app.branch.zone)
            case "time_left":
                return labels.time_left_text(line.time_left, case.status.is_open)
            case "assignee":
                return case.assignee
            case "risk":
                return labels.risk_marker(case.risk)
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column][2] is None:
            return
        key = COLUMNS[column][2]
        assert key is not None
        self.set_query(replace(self._query, sort=key,
                               descending=order == Qt.SortOrder.DescendingOrder))

    def sort_column(self) -> int:
        for i, (_, _, key) in enumerate(COLUMNS):
            if key == self._query.sort:
                return i
        return -1

    def _language_changed(self, _locale: str) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(COLUMNS) - 1))
