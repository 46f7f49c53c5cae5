"""The guided intake: five steps (customer, category, details, review, save) in one tab.

Every change is checked at once against the domain's validation and the message
appears under its field (a field shows its message once it has been edited, or
when the counter tries to move on). The form is saved as a draft every few
seconds while it changes, after every step, on lock and on close, so a killed
app loses nothing; the draft is restored at the next login of the same person.
The whole intake works from the keyboard: Enter or Tab moves through the fields,
Ctrl+Enter goes to the next step, Alt+Left back, Ctrl+S saves.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import labels, spacing
from ui.actions import ActionId, make_action, relabel, tooltip
from ui.i18n import Translatable
from ui.intake.category_step import CategoryStep
from ui.intake.customer_step import CustomerStep
from ui.intake.details_step import DetailsStep
from ui.intake.form import (
    FormCheck,
    check_form,
    draft_payload,
    empty_form,
    form_from_draft,
    intake_from,
    settlement_from,
)
from ui.intake.review_step import ReviewStep
from ui.intake.save_step import SaveResult, SaveStep
from ui.intake.step import IntakeStep
from ui.worker import Changes

if TYPE_CHECKING:
    from desktop.services.context import ServiceContext
    from desktop.services.drafts import Draft
    from ui.context import AppContext

NOTICE_STYLE = "background: #e3f2fd; padding: 6px;"


class IntakePanel(Translatable, QWidget):
    finished = Signal(object)  # this panel, when it is done (saved and left, or discarded)
    next_customer = Signal(object)  # this panel, saved: the counter takes the next customer
    open_case = Signal(str)
    title_changed = Signal()
    step_changed = Signal(int)
    saved = Signal(object)  # SaveResult
    draft_saved = Signal()

    def __init__(self, app: AppContext, *, draft: Draft | None = None, resolve_on_spot: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.setObjectName("intake_panel")
        self._form: dict[str, Any] = empty_form()
        self._touched: set[str] = set()
        self._check: FormCheck | None = None
        self._draft_id = draft.id if draft is not None else str(uuid.uuid4())
        self._dirty = False
        self._saving = False
        self._result: SaveResult | None = None
        self._restored_at = draft.updated_at if draft is not None else None
        self._warmed = False
        # The clerk confirmed that the name or phone typed, not the file's, is right.
        self._confirmed_change = False

        self.steps: list[IntakeStep] = [CustomerStep(app, self), CategoryStep(app, self),
                                        DetailsStep(app, self), ReviewStep(app, self), SaveStep(app, self)]
        self.save_step: SaveStep = self.steps[4]  # type: ignore[assignment]
        self.step_list = QListWidget(self)
        self.step_list.setObjectName("intake_steps")
        self.step_list.setFixedWidth(spacing.STEP_LIST_WIDTH)
        self.stack = QStackedWidget(self)
        for step in self.steps:
            QListWidgetItem(self.step_list)
            scroll = QScrollArea(self.stack)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(step)
            self.stack.addWidget(scroll)
            step.edited.connect(self._edited)
            step.done.connect(lambda s=step: self._step_done(s))
        self.heading = QLabel(self)
        self.heading.setObjectName("intake_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.notice = QLabel(self)
        self.notice.setObjectName("intake_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.hide()
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("previous_step_button")
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("next_step_button")
        self.discard_button = QPushButton(self)
        self.discard_button.setObjectName("discard_intake_button")
        self.actions_by_id = {a: make_action(a, self) for a in (
            ActionId.NEXT_STEP, ActionId.PREVIOUS_STEP, ActionId.SAVE_COMPLAINT,
            ActionId.DISCARD_INTAKE, ActionId.PRINT_RECEIPT)}
        for action in self.actions_by_id.values():
            self.addAction(action)

        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        right = QVBoxLayout()
        right.setSpacing(spacing.GAP)
        right.addWidget(self.heading)
        right.addWidget(self.notice)
        right.addWidget(self.stack, 1)
        right.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        layout.setSpacing(spacing.SECTION_GAP)
        layout.addWidget(self.step_list)
        layout.addLayout(right, 1)

        self._draft_timer = QTimer(self)
        self._draft_timer.setInterval(spacing.DRAFT_INTERVAL_MS)
        self._draft_timer.timeout.connect(self._autosave)
        self._draft_timer.start()

        a = self.actions_by_id
        a[ActionId.NEXT_STEP].triggered.connect(self.next_step)
        a[ActionId.PREVIOUS_STEP].triggered.connect(self.previous_step)
        a[ActionId.SAVE_COMPLAINT].triggered.connect(self.save)
        a[ActionId.DISCARD_INTAKE].triggered.connect(self.discard)
        a[ActionId.PRINT_RECEIPT].triggered.connect(self.print_receipt)
        self.next_button.clicked.connect(self.next_step)
        self.back_button.clicked.connect(self.previous_step)
        self.discard_button.clicked.connect(self.discard)
        self.step_list.currentRowChanged.connect(self._step_chosen)
        self.save_step.save_requested.connect(self.save)
        self.save_step.print_requested.connect(self.print_receipt)
        self.save_step.open_case_requested.connect(self._open_saved)
        self.save_step.another_requested.connect(self._next_customer)

        start = 0
        if draft is not None:
            self._form, start, self._touched = form_from_draft(draft.data)
        self._form["resolved_on_spot"] = bool(self._form.get("resolved_on_spot") or resolve_on_spot)
        for page in self.steps:
            page.load(self._form)
        self._revalidate()
        self.retranslate()
        self._show_step(min(max(start, 0), len(self.steps) - 2))

    # -- state --------------------------------------------------------------------------------

    @property
    def draft_id(self) -> str:
        return self._draft_id

    @property
    def current_step(self) -> int:
        return self.stack.currentIndex()

    @property
    def result(self) -> SaveResult | None:
        return self._result

    def form_values(self) -> dict[str, Any]:
        """The form as it is on screen now (a copy)."""
        self._collect()
        return draft_payload(self._form, self.current_step, self._touched)["form"]

    def tab_title(self) -> str:
        if self._result is not None:
            return self.tr("Saved: {reference}").format(reference=self._result.reference)
        if self._form.get("resolved_on_spot"):
            return self.tr("New complaint (settled at the counter)")
        return self.tr("New complaint")

    def set_resolve_on_spot(self, on: bool) -> None:
        self._form["resolved_on_spot"] = on
        review: ReviewStep = self.steps[3]  # type: ignore[assignment]
        review.load(self._form)
        self.save_step.set_resolving(on)
        self.title_changed.emit()

    def focus_first_field(self) -> None:
        self.steps[self.current_step].focus_first()

    def _collect(self) -> None:
        for step in self.steps:
            step.store(self._form)

    # -- checking -----------------------------------------------------------------------------

    def _edited(self, path: str) -> None:
        if self._result is not None:
            return
        self._dirty = True
        self._touched.add(path)
        if path.startswith("customer."):
            self._confirmed_change = False
        if path == "resolved_on_spot":
            self._collect()
            self.save_step.set_resolving(bool(self._form.get("resolved_on_spot")))
            self.title_changed.emit()
        self._revalidate()

    def _today(self) -> Any:
        return self._app.now().astimezone(self._app.branch.zone).date()

    def _revalidate(self) -> FormCheck:
        self._collect()
        check = check_form(self._form, self._today(), self._app.categories())
        self._check = check
        messages = {path: err.message(self._app.locale) for path, err in check.errors.items()
                    if self._is_touched(path)}
        for step in self.steps:
            step.show_messages(messages)
        self._mark_steps()
        return check

    def _is_touched(self, path: str) -> bool:
        return any(path == t or path.startswith(t + ".") or t.startswith(path + ".")
                   for t in self._touched)

    def messages(self) -> dict[str, str]:
        """Field path → the message shown under that field right now (for tests and screen readers)."""
        check = self._check
        if check is None:
            return {}
        return {p: e.message(self._app.locale) for p, e in check.errors.items() if self._is_touched(p)}

    def _mark_steps(self) -> None:
        check = self._check
        for i, step in enumerate(self.steps):
            item = self.step_list.item(i)
            if item is None:
                continue
            bad = check is not None and check.has_errors_in(step.prefixes)
            shown_bad = bad and any(self._is_touched(p) for p in (check.errors if check else {})
                                    if any(p == x or p.startswith(x + ".") for x in step.prefixes))
            mark = "✓" if (not bad and i < self.current_step) or (i == 4 and self._result) else (
                "!" if shown_bad else " ")
            item.setText(f"{mark} {i + 1}. {step.title()}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, item.text())

    # -- moving between steps -----------------------------------------------------------------

    def next_step(self) -> None:
        self.go_to(self.current_step + 1)

    def _step_done(self, step: IntakeStep) -> None:
        """Enter on a step with nothing left to fill: the next step (the save step saves)."""
        if self.steps.index(step) != self.current_step:
            return
        if step is self.steps[-1]:
            self.save()
        else:
            self.next_step()

    def previous_step(self) -> None:
        self.go_to(self.current_step - 1)

    def _step_chosen(self, row: int) -> None:
        if row != self.current_step and row >= 0:
            self.go_to(row)

    def go_to(self, target: int) -> bool:
        """Move to step `target`; moving forward needs every step before it to be right.
        Returns False (staying, with the messages shown) when one is not."""
        if not 0 <= target < len(self.steps) or self._saving:
            self._sync_step_list()
            return False
        if self._result is not None and target != 4:
            self._sync_step_list()
            return False
        check = self._revalidate()
        for i in range(self.current_step, target):
            step = self.steps[i]
            if check.has_errors_in(step.prefixes):
                self._touched.update(p for p in check.errors if any(
                    p == x or p.startswith(x + ".") for x in step.prefixes))
                self._revalidate()
                if i != self.current_step:
                    self._show_step(i)
                first = check.first_in(step.prefixes)
                if first is None or not step.focus_field(first):
                    step.focus_first()
                self._sync_step_list()
                return False
        self._show_step(target)
        self.save_draft_now()
        return True

    def _show_step(self, index: int) -> None:
        if index >= 3 and not self._warmed:
            # A receipt follows soon: lay out the documents' font now, on the worker, so the
            # first print is quick (not at login: that would hold ~35 MB nobody may need).
            from ui.printing import warm_up_documents

            warm_up_documents(self._app)
            self._warmed = True
        self.stack.setCurrentIndex(index)
        step = self.steps[index]
        step.entered(self._form)
        self._sync_step_list()
        self._mark_steps()
        self.retranslate_buttons()
        step.focus_first()
        self.step_changed.emit(index)

    def _sync_step_list(self) -> None:
        self.step_list.blockSignals(True)
        self.step_list.setCurrentRow(self.current_step)
        self.step_list.blockSignals(False)

    # -- drafts -------------------------------------------------------------------------------

    def _autosave(self) -> None:
        if self._dirty:
            self.save_draft_now()

    def save_draft_now(self) -> None:
        """Queue a draft save of the form as it is now (unless it has been saved as a complaint)."""
        if self._result is not None or self._saving:
            return
        actor = self._app.staff.actor
        if actor is None:
            return
        self._collect()
        payload = draft_payload(self._form, self.current_step, self._touched)
        draft_id, staff, step = self._draft_id, actor.staff_number, self.current_step
        self._dirty = False

        def run(ctx: ServiceContext) -> None:
            from desktop.services.drafts import save_draft

            save_draft(ctx, draft_id, staff, step, payload)

        self._app.worker.change(None, run, lambda _r: self.draft_saved.emit() if self._alive() else None,
                                changes=Changes(worklist=False, draft=True))

    def _alive(self) -> bool:
        import shiboken6

        return shiboken6.isValid(self)

    def discard(self) -> None:
        if self._result is not None:
            self.finished.emit(self)
            return

        def really() -> None:
            self._draft_timer.stop()
            self._result = None
            draft_id = self._draft_id

            def run(ctx: ServiceContext) -> None:
                from desktop.services.drafts import discard_draft

                discard_draft(ctx, draft_id)

            self._saving = True  # no further draft saves
            self._app.worker.change(None, run, changes=Changes(worklist=False, draft=True))
            self.finished.emit(self)

        self._app.interaction.confirm(self, self.tr("Discard this complaint?"),
                                      self.tr("What was typed for this complaint will be deleted."),
                                      really)

    # -- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        if self._result is not None or self._saving:
            return
        check = self._revalidate()
        if check.errors:
            self._touched.update(check.errors)
            self._revalidate()
            for i, step in enumerate(self.steps):
                if check.has_errors_in(step.prefixes):
                    self._show_step(i)
                    first = check.first_in(step.prefixes)
                    if first is None or not step.focus_field(first):
                        step.focus_first()
                    return
            return
        if self.current_step != 4:
            self._show_step(4)
        intake = intake_from(check.cleaned, self._form)
        if self._confirmed_change:
            intake = replace(intake, customer=replace(intake.customer, confirmed_change=True))
        elif (self._form.get("screen") or {}).get("confirmed_phone"):  # asked when typed
            intake = replace(intake, customer=replace(intake.customer, confirmed_fields=("phone",)))
        settlement = settlement_from(self._form)
        actor = self._app.staff.require()
        draft_id = self._draft_id
        self._saving = True
        self._draft_timer.stop()
        self.save_step.set_busy(True)

        def run(ctx: ServiceContext) -> SaveResult:
            from desktop.services.counter_intake import take_complaint

            taken = take_complaint(ctx, actor, intake, settlement=settlement, draft_id=draft_id)
            return SaveResult(taken.complaint_id, taken.reference, taken.decision_due,
                              closed=taken.closed, after_close=taken.after_close,
                              business_date=taken.business_date)

        self._app.worker.change(self, run, self._saved, self._save_failed,
                                changes=Changes(worklist=True, draft=True))

    def _saved(self, result: SaveResult) -> None:
        self._saving = False
        self._result = result
        self.save_step.show_saved(result)
        self._mark_steps()
        self.retranslate_buttons()
        self.title_changed.emit()
        self.saved.emit(result)

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._draft_timer.start()
        self.save_step.set_busy(False)
        from desktop.services.identity import CustomerDetailsDiffer

        if any(isinstance(e, CustomerDetailsDiffer) for e in getattr(exc, "errors", ())):
            self._ask_which_details(exc)
            return
        self._app.interaction.error(self, exc, self._app.locale)

    def _ask_which_details(self, exc: BaseException) -> None:
        """A name or phone other than the file's: the clerk says which is right. Yes saves
        the typed one (a `customer_corrected` event); No goes back to the customer step."""
        known = (self._form.get("screen") or {}).get("known_customer") or {}

        def typed_is_right() -> None:
            self._confirmed_change = True
            self.save()

        self._show_step(0)
        self._app.interaction.confirm(
            self, self.tr("The customer's details differ from the file"),
            self.tr("On file: {name} {phone}. Is what you typed right? Yes: update the customer's "
                    "file (recorded on the timeline). No: correct the fields here.").format(
                name=known.get("name", ""), phone=known.get("phone", "")),
            typed_is_right)

    # -- after saving -------------------------------------------------------------------------

    def print_receipt(self) -> None:
        """Preview the receipt of the saved complaint and print it (or save it as PDF)."""
        if self._result is None:
            return
        from ui.printing import preview_receipt

        preview_receipt(self, self._app, self._result.complaint_id)

    def _open_saved(self) -> None:
        if self._result is not None:
            self.open_case.emit(self._result.complaint_id)
            self.finished.emit(self)

    def _next_customer(self) -> None:
        if self._result is None:
            return
        self.next_customer.emit(self)

    # -- language -----------------------------------------------------------------------------

    def retranslate_buttons(self) -> None:
        index = self.current_step
        for action_id, action in self.actions_by_id.items():
            relabel(action, action_id)
        self.back_button.setText(self.tr("← &Back"))
        self.back_button.setToolTip(tooltip(ActionId.PREVIOUS_STEP))
        self.back_button.setAccessibleName(self.tr("Previous step"))
        self.back_button.setEnabled(index > 0 and self._result is None)
        last = index >= len(self.steps) - 1
        self.next_button.setText(self.tr("&Next →"))
        self.next_button.setToolTip(tooltip(ActionId.NEXT_STEP))
        self.next_button.setAccessibleName(self.tr("Next step"))
        self.next_button.setEnabled(not last)
        # Once saved there is nowhere to step to; the save step's own buttons (print, open,
        # next customer) take over, with their Alt letters.
        self.back_button.setVisible(self._result is None)
        self.next_button.setVisible(self._result is None)
        self.discard_button.setText(self.tr("Discard") if self._result is None else self.tr("Close"))
        self.discard_button.setToolTip(tooltip(ActionId.DISCARD_INTAKE))
        self.discard_button.setAccessibleName(self.discard_button.text())

    def retranslate(self) -> None:
        self.heading.setText(self.tab_title())
        self.heading.setAccessibleName(self.tr("Intake heading"))
        self.step_list.setAccessibleName(self.tr("Intake steps"))
        self.notice.setAccessibleName(self.tr("Notice"))
        if self._restored_at is not None:
            self.notice.setText(self.tr("Your unfinished complaint from {when} was restored. "
                                        "Discard it with Ctrl+Shift+Delete.").format(
                when=labels.format_datetime(self._restored_at, self._app.branch.zone)))
            self.notice.show()
        self.retranslate_buttons()
        self._revalidate()
        self.title_changed.emit()
