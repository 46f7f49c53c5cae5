"""The counter's main window: the worklist, intake and case tabs, the lock screen and the menus.

It holds no data of its own: each tab asks the database worker for what it
shows, and every change comes back as one `changed` notice that the tabs use
to refresh. Locking hides the tabs (and any open dialog) behind the lock
screen without closing them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from desktop.domain.worklist import Worklist
from desktop.security.permissions import allowed
from desktop.security.policy import Permission
from ui.actions import WORKLIST_KEYS, ActionId, make_action, relabel
from ui.case_view import CaseView
from ui.corrective_actions import CorrectiveActionsPanel
from ui.customer_view import CustomerView
from ui.dashboard import DashboardPanel
from ui.i18n import Translatable, language_name
from ui.intake.fields import EnterPressesButtons
from ui.intake.panel import IntakePanel
from ui.lock import IdleWatcher, LockScreen
from ui.screen_fit import resize_to_fit
from ui.staff_performance import StaffPerformancePanel
from ui.statistics_export import StatisticsExportDialog
from ui.status_bar import CounterStatusBar
from ui.sync import HqState, Result, SyncController, SyncKind, SyncOutcome
from ui.worklist_view import WORKLISTS, WorklistPanel

PanelT = TypeVar("PanelT", StaffPerformancePanel, CorrectiveActionsPanel)

if TYPE_CHECKING:
    from desktop.domain.model import Actor
    from desktop.services.context import ServiceContext
    from desktop.services.drafts import Draft
    from ui.context import AppContext
    from ui.day_end import DayEndDialog

WINDOW_ACTIONS = (ActionId.NEW_COMPLAINT, ActionId.RESOLVE_ON_SPOT, ActionId.FIND, ActionId.REFRESH,
                  ActionId.SHOW_WORKLIST, ActionId.CLOSE_TAB, ActionId.LOCK, ActionId.SWITCH_USER,
                  ActionId.LANGUAGE, ActionId.QUIT, ActionId.SYNC_NOW, ActionId.CANCEL_SYNC,
                  ActionId.CLOSE_DAY)
SYNC_ACTIONS = (ActionId.SYNC_NOW, ActionId.CANCEL_SYNC, ActionId.CLOSE_DAY)


class MainWindow(Translatable, QMainWindow):
    quit_requested = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._hidden_for_lock: list[QWidget] = []
        self._work_enabled = False
        self._quit_confirmed = False
        self.setObjectName("main_window")
        resize_to_fit(self, app.settings.window_width, app.settings.window_height)
        self.actions_by_id = {action_id: make_action(action_id, self) for action_id in WINDOW_ACTIONS}
        for action in self.actions_by_id.values():
            self.addAction(action)

        self.worklist = WorklistPanel(app, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("work_tabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.worklist, "")
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.lock_screen = LockScreen(app, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.stack)
        self.sync = SyncController(app, self)
        self.day_end: DayEndDialog | None = None
        self.status = CounterStatusBar(app, self.sync, self)
        self.setStatusBar(self.status)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action_id in (ActionId.NEW_COMPLAINT, ActionId.RESOLVE_ON_SPOT, ActionId.SHOW_WORKLIST,
                          ActionId.REFRESH, ActionId.SYNC_NOW, ActionId.LOCK, ActionId.LANGUAGE):
            self.toolbar.addAction(self.actions_by_id[action_id])
        self.addToolBar(self.toolbar)
        self._build_menus()

        self.idle = IdleWatcher(app.idle_lock_ms(), self)
        instance = QApplication.instance()
        self._enter_presses = EnterPressesButtons(self)
        if instance is not None:
            instance.installEventFilter(self.idle)
            instance.installEventFilter(self._enter_presses)
        self.idle.idle.connect(self.lock)

        a = self.actions_by_id
        a[ActionId.NEW_COMPLAINT].triggered.connect(lambda: self.new_complaint())
        a[ActionId.RESOLVE_ON_SPOT].triggered.connect(lambda: self.new_complaint(resolve_on_spot=True))
        a[ActionId.FIND].triggered.connect(self._find)
        a[ActionId.REFRESH].triggered.connect(self.worklist.model.reload)
        a[ActionId.SHOW_WORKLIST].triggered.connect(lambda: self.tabs.setCurrentIndex(0))
        a[ActionId.CLOSE_TAB].triggered.connect(lambda: self.close_tab(self.tabs.currentIndex()))
        a[ActionId.LOCK].triggered.connect(lambda: self.lock())
        a[ActionId.SWITCH_USER].triggered.connect(lambda: self.lock(switching=True))
        a[ActionId.LANGUAGE].triggered.connect(self._toggle_language)
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.SYNC_NOW].triggered.connect(self.sync_now)
        a[ActionId.CANCEL_SYNC].triggered.connect(self.sync.cancel)
        a[ActionId.CLOSE_DAY].triggered.connect(lambda: self.close_day())
        self.sync.state_changed.connect(self._update_sync_actions)
        self.sync.finished.connect(self._sync_finished)
        for row, key in enumerate(WORKLIST_KEYS[:len(WORKLISTS)]):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda r=row: self._choose_worklist(r))
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(lambda _i: self._update_case_menu())
        self.worklist.open_case.connect(self.open_case)
        self.lock_screen.unlocked.connect(self._unlocked)
        app.staff.changed.connect(lambda _a: self.retranslate())
        self.retranslate()

    def _build_menus(self) -> None:
        a = self.actions_by_id
        self.complaint_menu = self.menuBar().addMenu("")
        for action_id in (ActionId.NEW_COMPLAINT, ActionId.RESOLVE_ON_SPOT, ActionId.FIND):
            self.complaint_menu.addAction(a[action_id])
        self.complaint_menu.addSeparator()
        self.complaint_menu.addAction(a[ActionId.QUIT])
        self.view_menu = self.menuBar().addMenu("")
        for action_id in (ActionId.SHOW_WORKLIST, ActionId.REFRESH, ActionId.CLOSE_TAB):
            self.view_menu.addAction(a[action_id])
        self.language_menu = self.view_menu.addMenu("")
        self.language_actions = []
        for locale in self._app.languages.available:
            action = self.language_menu.addAction(language_name(locale))
            action.setCheckable(True)
            action.setData(locale)
            action.triggered.connect(lambda _c=False, loc=locale: self._app.set_language(loc))
            self.language_actions.append(action)
        self.hq_menu = self.menuBar().addMenu("")
        for action_id in (ActionId.SYNC_NOW, ActionId.CANCEL_SYNC):
            self.hq_menu.addAction(a[action_id])
        self.hq_menu.addSeparator()
        self.hq_menu.addAction(a[ActionId.CLOSE_DAY])
        # The management loop (docs/ARCHITECTURE.md §14): figures, exports, corrective actions
        # (a submenu of View: every letter of the menu bar is taken by the screens' fields).
        self.dashboard_action = self.view_menu.addAction("")
        self.dashboard_action.triggered.connect(lambda: self.open_dashboard())
        self.statistics_menu = self.view_menu.addMenu("")
        self.export_statistics_action = self.statistics_menu.addAction("")
        self.export_statistics_action.triggered.connect(lambda: self.open_statistics_export())
        self.staff_performance_action = self.statistics_menu.addAction("")
        self.staff_performance_action.triggered.connect(lambda: self.open_staff_performance())
        self.corrective_actions_action = self.statistics_menu.addAction("")
        self.corrective_actions_action.triggered.connect(lambda: self.open_corrective_actions())
        # The case menu lists the actions of the case tab in front (with their shortcuts),
        # and is there only while a case is.
        self.case_menu = self.menuBar().addMenu("")
        self.case_menu.setObjectName("case_menu")
        self.case_menu.menuAction().setVisible(False)
        self.session_menu = self.menuBar().addMenu("")
        for action_id in (ActionId.LOCK, ActionId.SWITCH_USER):
            self.session_menu.addAction(a[action_id])

    # -- a working session ------------------------------------------------------------------

    def start_session(self, actor: Actor) -> None:
        """`actor` has logged in: show their worklist and bring back an unfinished intake."""
        self._app.staff.set(actor)
        self.stack.setCurrentWidget(self.tabs)
        self._set_work_enabled(True)
        self.worklist.start()
        self.tabs.setCurrentIndex(0)
        self.worklist.table.setFocus()
        self.idle.set_interval(self._app.idle_lock_ms())
        self.idle.start()
        self.status.refresh()
        self.sync.start()
        self._update_sync_actions()
        self._restore_draft(actor)

    def _restore_draft(self, actor: Actor) -> None:
        def find(ctx: ServiceContext) -> Draft | None:
            from desktop.services.drafts import latest_draft

            return latest_draft(ctx, actor.staff_number)

        def found(draft: Draft | None) -> None:
            if draft is not None and self.intake_panel() is None:
                self.new_complaint(draft=draft)

        self._app.worker.query(self, find, found)

    def intake_panel(self) -> IntakePanel | None:
        for i in range(self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, IntakePanel):
                return widget
        return None

    def case_views(self) -> list[CaseView]:
        return [w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), CaseView)]

    def new_complaint(self, *, resolve_on_spot: bool = False, draft: Draft | None = None) -> IntakePanel:
        """Open the guided intake (one at a time: an unfinished one is brought to the front;
        one already saved is closed and a fresh intake opens)."""
        panel = self.intake_panel()
        if panel is not None and panel.result is not None:
            self._intake_finished(panel, to_worklist=False)
            panel = None
        if panel is None:
            panel = IntakePanel(self._app, draft=draft, resolve_on_spot=resolve_on_spot, parent=self.tabs)
            panel.finished.connect(self._intake_finished)
            panel.next_customer.connect(lambda _p: self.new_complaint())
            panel.open_case.connect(self.open_case)
            panel.title_changed.connect(self._retitle_tabs)
            self.tabs.addTab(panel, panel.tab_title())
        elif resolve_on_spot:
            panel.set_resolve_on_spot(True)
        self.tabs.setCurrentWidget(panel)
        panel.focus_first_field()
        return panel

    def _intake_finished(self, panel: IntakePanel, to_worklist: bool = True) -> None:
        index = self.tabs.indexOf(panel)
        if index >= 0:
            self.tabs.removeTab(index)
            panel.deleteLater()
        if to_worklist:
            self.tabs.setCurrentIndex(0)

    def open_case(self, complaint_id: str) -> CaseView:
        for view in self.case_views():
            if view.complaint_id == complaint_id:
                self.tabs.setCurrentWidget(view)
                return view
        view = CaseView(self._app, complaint_id, self.tabs)
        view.customer_requested.connect(self.open_customer)
        view.title_changed.connect(self._retitle_tabs)
        view.loaded.connect(self._update_case_menu)
        self.tabs.addTab(view, view.tab_title())
        self.tabs.setCurrentWidget(view)
        view.setFocus()
        return view

    def open_customer(self, customer_id: str) -> CustomerView:
        """The customer's screen (all their complaints) in a tab; one tab per customer."""
        for i in range(1, self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, CustomerView) and widget.customer_id == customer_id:
                self.tabs.setCurrentWidget(widget)
                widget.table.setFocus()
                return widget
        view = CustomerView(self._app, customer_id, self.tabs)
        view.case_requested.connect(self.open_case)
        view.title_changed.connect(self._retitle_tabs)
        self.tabs.addTab(view, view.tab_title())
        self.tabs.setCurrentWidget(view)
        view.table.setFocus()
        return view

    def open_dashboard(self) -> DashboardPanel | None:
        """The supervisor dashboard in a tab (for those holding report.statistics)."""
        actor = self._app.staff.actor
        if actor is None or not allowed(actor, Permission.REPORT_STATISTICS):
            return None
        for i in range(1, self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, DashboardPanel):
                self.tabs.setCurrentWidget(widget)
                widget.refresh()
                return widget
        panel = DashboardPanel(self._app, self.tabs)
        panel.open_worklist.connect(self._show_worklist)
        panel.export_statistics.connect(self.open_statistics_export)
        self.tabs.addTab(panel, self.tr("Dashboard"))
        self.tabs.setCurrentWidget(panel)
        panel.refresh()
        return panel

    def open_statistics_export(self) -> StatisticsExportDialog | None:
        """The statistics export dialog (for those holding report.statistics)."""
        actor = self._app.staff.actor
        if actor is None or not allowed(actor, Permission.REPORT_STATISTICS):
            return None
        dialog = StatisticsExportDialog(self._app, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _open_panel(self, kind: type[PanelT],
                    made: Callable[[PanelT], None] | None = None) -> PanelT:
        """The tab of `kind` (made, and handed to `made`, if there is none), in front and
        refreshed."""
        for i in range(1, self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, kind):
                self.tabs.setCurrentWidget(widget)
                widget.refresh()
                return widget
        panel = kind(self._app, self.tabs)
        if made is not None:
            made(panel)
        self.tabs.addTab(panel, panel.tab_title())
        self.tabs.setCurrentWidget(panel)
        panel.refresh()
        return panel

    def open_staff_performance(self) -> StaffPerformancePanel | None:
        """Staff figures: everyone's for a supervisor, one's own for anyone else (the
        service decides)."""
        if self._app.staff.actor is None:
            return None
        return self._open_panel(StaffPerformancePanel)

    def open_corrective_actions(self) -> CorrectiveActionsPanel | None:
        if self._app.staff.actor is None:
            return None
        def made(panel: CorrectiveActionsPanel) -> None:
            panel.open_case.connect(self.open_case)

        return self._open_panel(CorrectiveActionsPanel, made)

    def _show_worklist(self, worklist: Worklist, business_types: tuple[str, ...]) -> None:
        self.worklist.show_filtered(worklist, business_types)
        self.tabs.setCurrentIndex(0)

    def _update_case_menu(self) -> None:
        menu, current = self.case_menu, self.tabs.currentWidget()
        menu.clear()
        if not isinstance(current, CaseView) or not self._work_enabled:
            menu.menuAction().setVisible(False)
            return
        for entry in current.menu_actions():
            if entry is None:
                menu.addSeparator()
            else:
                menu.addAction(entry)
        menu.menuAction().setVisible(True)

    def close_tab(self, index: int) -> None:
        if index <= 0:
            return
        widget = self.tabs.widget(index)
        if widget is None:
            return
        if isinstance(widget, IntakePanel):
            widget.save_draft_now()  # closing keeps the draft; "discard" is its own action
        if isinstance(widget, DashboardPanel):
            widget.release()
        self.tabs.removeTab(index)
        widget.deleteLater()

    def _retitle_tabs(self) -> None:
        self.tabs.setTabText(0, self.tr("Worklist"))
        for i in range(1, self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, IntakePanel | CaseView | CustomerView | StaffPerformancePanel
                          | CorrectiveActionsPanel):
                self.tabs.setTabText(i, widget.tab_title())
            elif isinstance(widget, DashboardPanel):
                self.tabs.setTabText(i, self.tr("Dashboard"))

    def _choose_worklist(self, row: int) -> None:
        if self.stack.currentWidget() is self.tabs:
            self.tabs.setCurrentIndex(0)
            self.worklist.lists.setCurrentRow(row)
            self.worklist.table.setFocus()

    def _find(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.worklist.focus_search()

    # -- locking -----------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.stack.currentWidget() is self.lock_screen

    def lock(self, switching: bool = False) -> None:
        """Hide the work (and any dialog) behind the lock screen; nothing is closed or lost."""
        if self._app.staff.actor is None:
            return
        panel = self.intake_panel()
        if panel is not None:
            panel.save_draft_now()
        if not self.is_locked:
            self._hidden_for_lock = [w for w in QApplication.topLevelWidgets()
                                     if w is not self and w.isVisible() and w.isWindow()
                                     and w.parent() is not None]
            for widget in self._hidden_for_lock:
                widget.hide()
        self.idle.stop()
        self._set_work_enabled(False)
        self.lock_screen.lock(self._app.staff.actor, switching=switching)
        self.stack.setCurrentWidget(self.lock_screen)

    def _unlocked(self, actor: Actor, same_person: bool) -> None:
        hidden, self._hidden_for_lock = self._hidden_for_lock, []
        if same_person:
            self.stack.setCurrentWidget(self.tabs)
            self._set_work_enabled(True)
            self.idle.start()
            for widget in hidden:
                widget.show()
            return
        # Another person: the first person's work stays in the database (their draft), not on screen.
        for widget in hidden:
            widget.close()
        for i in range(self.tabs.count() - 1, 0, -1):
            tab = self.tabs.widget(i)
            self.tabs.removeTab(i)
            if isinstance(tab, DashboardPanel):
                tab.release()
            if tab is not None:
                tab.deleteLater()
        self.start_session(actor)

    def _set_work_enabled(self, enabled: bool) -> None:
        self._work_enabled = enabled
        for action_id, action in self.actions_by_id.items():
            if action_id not in (ActionId.QUIT, ActionId.LANGUAGE, *SYNC_ACTIONS):
                action.setEnabled(enabled)
        self.toolbar.setVisible(enabled)
        self.view_menu.setEnabled(enabled)
        self.complaint_menu.setEnabled(enabled)
        self.hq_menu.setEnabled(enabled)
        self._update_case_menu()
        self._update_sync_actions()

    # -- sync with HQ ---------------------------------------------------------------------------

    def _update_sync_actions(self) -> None:
        """Sync now and Close the day are shown to a role that may use them; on a PC never
        enrolled with HQ they are off, and the tooltip says why."""
        from desktop.security.permissions import allowed
        from desktop.security.policy import Permission
        from ui.day_end import may_close_day

        a, sync, actor = self.actions_by_id, self.sync, self._app.staff.actor
        working = actor is not None and self._work_enabled
        may_sync = actor is not None and allowed(actor, Permission.SYNC_RUN)
        enrolled = sync.hq_state is not HqState.NOT_ENROLLED
        sync_now, cancel, close_day = a[ActionId.SYNC_NOW], a[ActionId.CANCEL_SYNC], a[ActionId.CLOSE_DAY]
        for action_id, action in ((ActionId.SYNC_NOW, sync_now), (ActionId.CLOSE_DAY, close_day)):
            relabel(action, action_id)
            if not enrolled:
                action.setToolTip(f"{action.toolTip()} — "
                                  + self.tr("This PC is not enrolled with HQ, so it cannot sync."))
                action.setStatusTip(action.toolTip())
        # A teller's PC syncs by itself; starting one by hand is for roles the policy allows.
        sync_now.setVisible(may_sync)
        sync_now.setEnabled(working and may_sync and enrolled and sync.running is None)
        cancel.setEnabled(sync.running is not None and not sync.cancelling)
        close_day.setVisible(may_close_day(actor))
        close_day.setEnabled(working and enrolled and may_close_day(actor) and self.day_end is None)

    def sync_now(self) -> bool:
        """Sync with HQ now (in the background); False if one is running already."""
        return self.sync.sync_now()

    def _sync_finished(self, outcome: SyncOutcome) -> None:
        """A manual sync that failed is also told in a box; others only in the status bar."""
        if outcome.kind is not SyncKind.MANUAL or outcome.result in (Result.DONE, Result.CANCELLED):
            return
        if outcome.error is not None:
            self._app.interaction.error(self, outcome.error, self._app.locale)

    def close_day(self, business_date: date | None = None) -> DayEndDialog | None:
        """Open the day-end close of `business_date` (default: today's business date) with its
        pre-check; it starts when confirmed. None for a role that may not close the day."""
        from ui.day_end import DayEndDialog, may_close_day

        if not may_close_day(self._app.staff.actor) or self.day_end is not None:
            return self.day_end
        ctx = self._app.worker.shared_context()
        if ctx is None:
            return None
        dialog = DayEndDialog(self._app, self.sync, business_date or ctx.business_date(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._day_end_closed)
        self.day_end = dialog
        self._update_sync_actions()
        dialog.open()  # it starts once the supervisor confirms the pre-check
        return dialog

    def _day_end_closed(self) -> None:
        self.day_end = None
        self._update_sync_actions()

    # -- language ----------------------------------------------------------------------------

    def _toggle_language(self) -> None:
        locales = self._app.languages.available
        current = locales.index(self._app.locale) if self._app.locale in locales else 0
        self._app.set_language(locales[(current + 1) % len(locales)])

    def retranslate(self) -> None:
        title = self.tr("Complaint Desk")
        if self._app.branch.branch_code:
            title = self.tr("Complaint Desk — branch {branch}").format(branch=self._app.branch.branch_code)
        if self._app.demo:
            title += self.tr(" (demo)")
        self.setWindowTitle(title)
        for action_id, action in self.actions_by_id.items():
            relabel(action, action_id)
        self.complaint_menu.setTitle(self.tr("&Complaint"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.session_menu.setTitle(self.tr("S&ession"))
        self.case_menu.setTitle(self.tr("C&ase"))
        self.hq_menu.setTitle(self.tr("&HQ"))
        self.statistics_menu.setTitle(self.tr("&Statistics"))
        self.dashboard_action.setText(self.tr("&Dashboard"))
        self.export_statistics_action.setText(self.tr("&Export statistics…"))
        self.staff_performance_action.setText(self.tr("Staff &performance"))
        self.corrective_actions_action.setText(self.tr("C&orrective actions"))
        actor = self._app.staff.actor
        supervising = actor is not None and allowed(actor, Permission.REPORT_STATISTICS)
        self.dashboard_action.setVisible(supervising)
        self.export_statistics_action.setVisible(supervising)
        for action in self.language_actions:
            action.setChecked(action.data() == self._app.locale)
        self.tabs.setAccessibleName(self.tr("Open work"))
        self.toolbar.setAccessibleName(self.tr("Main actions"))
        self.toolbar.setWindowTitle(self.tr("Main actions"))
        self._retitle_tabs()
        self._update_sync_actions()

    def unsent_changes(self) -> int:
        """Changes of an enrolled PC not yet at HQ, as the status bar last read them."""
        if self.sync.hq_state is HqState.NOT_ENROLLED:
            return 0
        return self.status.facts.unsent or 0

    def closeEvent(self, event: QCloseEvent) -> None:
        unsent = self.unsent_changes()
        if unsent and not self._quit_confirmed and self._app.staff.actor is not None:
            # Quitting with work HQ has not got yet: say so; it is kept and sent at the next
            # start, but a PC switched off for the night sends nothing until then.
            event.ignore()

            def really() -> None:
                self._quit_confirmed = True
                QTimer.singleShot(0, self.close)  # after this close event has been refused

            self._app.interaction.confirm(
                self, self.tr("Quit with unsent changes?"),
                self.tr("%n change(s) have not reached HQ yet. They are kept on this PC and sent "
                        "at the next sync; quit anyway?", "", unsent), really)
            return
        panel = self.intake_panel()
        if panel is not None:
            panel.save_draft_now()
        self.idle.stop()
        self.sync.shutdown()
        for i in range(self.tabs.count()):
            tab = self.tabs.widget(i)
            if isinstance(tab, DashboardPanel):
                tab.release()
        instance = QCoreApplication.instance()
        if instance is not None:
            instance.removeEventFilter(self.idle)
            instance.removeEventFilter(self._enter_presses)
        self._app.settings.window_width = self.width()
        self._app.settings.window_height = self.height()
        self.quit_requested.emit()
        super().closeEvent(event)
