"""What the rules still ask of a case, said where the counter sees it (issue 13).

`CaseTasks` sits on the case screen: the open task "extension notice not yet given"
(CBIRC: the customer is told of every extension), an acknowledgement still owed by the
policy's date (UK DISP), the 8-week holding response not yet sent (UK DISP), an extension the branch asked HQ for
and HQ has not decided yet, and a provisional decision deadline (counted into a year the
holiday calendar does not cover). `ProvisionalBanner` sits above the worklist and says how
many open cases have such a deadline; both hide when there is nothing to say.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from ui import labels
from ui.i18n import Translatable

if TYPE_CHECKING:
    from desktop.services.context import ServiceContext
    from ui.case_actions import CaseScreen
    from ui.context import AppContext
    from ui.worker import Changes

_STYLE = "background: #fff4e5; color: #663c00; padding: 6px; border: 1px solid #ffb74d;"


class CaseTasks(Translatable, QLabel):
    """The case's open regulatory tasks, one line each."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.setObjectName("case_regulatory_tasks")
        self.setWordWrap(True)
        self.setStyleSheet(_STYLE)
        self._screen: CaseScreen | None = None
        self.hide()

    def show_screen(self, screen: CaseScreen) -> None:
        self._screen = screen
        self.retranslate()

    def lines(self) -> list[str]:
        screen = self._screen
        if screen is None:
            return []
        view = screen.detail.view
        out: list[str] = []
        if view.status.is_open and view.extension_notice_due:
            out.append(self.tr("Open task: extension notice not yet given. Print the extension "
                               "notice, or log a contact attempt that told the customer."))
        if view.status.is_open and view.extension_request:
            out.append(self.tr("Extension requested: it takes effect only when HQ approves it."))
        if screen.acknowledgement_due is not None:
            when = labels.format_datetime(screen.acknowledgement_due, self._app.branch.zone)
            out.append(self.tr("Open task: acknowledge the complaint to the customer by {when}.")
                       .format(when=when))
        holding = screen.holding_response
        if holding is not None and not holding.printed:
            when = labels.format_datetime(holding.due, self._app.branch.zone)
            out.append(self.tr("Open task: no final response yet — send the customer the holding "
                               "response by {when}.").format(when=when))
        if screen.provisional:
            out.append(self.tr("Provisional deadline: it falls in a year the holiday calendar does "
                               "not cover yet, so it was counted on weekends alone and may "
                               "move once HQ publishes that year's calendar."))
        return out

    def retranslate(self) -> None:
        lines = self.lines()
        self.setText("\n".join("⚠ " + line for line in lines))
        self.setAccessibleName(self.tr("Open tasks of this case"))
        self.setVisible(bool(lines))


class ProvisionalBanner(Translatable, QLabel):
    """Above the worklist: how many open cases have a provisional deadline."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.count = 0
        self.setObjectName("worklist_provisional_banner")
        self.setWordWrap(True)
        self.setStyleSheet(_STYLE)
        self.hide()
        app.worker.changed.connect(self._changed)

    def refresh(self) -> None:
        """Count again on the worker; the banner updates when the answer arrives."""
        if not self._app.worker.is_open:
            return

        def run(ctx: ServiceContext) -> int:
            from desktop.services.deadlines import provisional_open_cases

            return provisional_open_cases(ctx)

        self._app.worker.query(self, run, self._counted)

    def _changed(self, changes: Changes) -> None:
        if changes.worklist:
            self.refresh()

    def _counted(self, count: int) -> None:
        self.count = count
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr(
            "%n open case(s) have a provisional deadline: the holiday calendar does not cover "
            "the year it falls in yet, so it may move once HQ publishes that year.", "",
            self.count))
        self.setAccessibleName(self.tr("Provisional deadlines"))
        self.setVisible(self.count > 0)
