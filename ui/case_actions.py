"""The actions on a case and the small dialog each one opens.

Which actions a case offers, and which need approval, is decided by
desktop.services.case_actions (the state machine, the permission table and the
deadline policy); this module shows them. Extending a deadline and reopening a case
need a supervisor: when the logged-in person's role may not approve, the dialog
asks a supervisor to type their staff number and password on this PC, and the
policy decides whether that role may approve. Refusals are shown in the dialog,
which stays open so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import Outcome, Role
from desktop.domain.root_causes import root_cause_label, root_causes
from desktop.domain.states import Action
from desktop.services.case_actions import APPROVAL_PERMISSION
from ui import labels, spacing
from ui.actions import ActionId, action_text
from ui.credentials import CredentialsForm, check_approval
from ui.i18n import Translatable
from ui.intake.details_step import CONTACT_CHANNELS
from ui.interaction import error_text
from ui.worker import Changes

if TYPE_CHECKING:
    from desktop.domain.model import Actor, ComplaintView
    from desktop.domain.policy import TimeLeft
    from desktop.services.attachments import AttachmentInfo
    from desktop.services.cases import CaseDetail
    from desktop.services.context import ServiceContext
    from desktop.services.deadlines import HoldingResponseDue
    from desktop.services.extension_preview import ExtensionPreview
    from ui.context import AppContext

# The case actions the view offers, in button order, with their entry in the actions table.
CASE_ACTIONS: tuple[tuple[Action, ActionId], ...] = (
    (Action.ACKNOWLEDGE, ActionId.ACKNOWLEDGE),
    (Action.ADD_NOTE, ActionId.ADD_NOTE),
    (Action.LOG_CONTACT, ActionId.LOG_CONTACT),
    (Action.ASSIGN, ActionId.ASSIGN),
    (Action.ESCALATE, ActionId.ESCALATE),
    (Action.EXTEND_DEADLINE, ActionId.EXTEND_DEADLINE),
    (Action.RESOLVE, ActionId.RESOLVE),
    (Action.RECORD_SATISFACTION, ActionId.RECORD_SATISFACTION),
    (Action.CLOSE, ActionId.CLOSE_CASE),
    (Action.REOPEN, ActionId.REOPEN),
    (Action.WITHDRAW, ActionId.WITHDRAW),
    (Action.LINK, ActionId.LINK),
)
NO_DIALOG = frozenset({Action.ACKNOWLEDGE, Action.CLOSE})


@dataclass(frozen=True, slots=True)
class CaseScreen:
    """Everything the case view shows, read in one go on the worker."""

    detail: CaseDetail
    time_left: TimeLeft | None
    allowed: tuple[Action, ...]
    needs_approval: frozenset[Action]  # allowed only with a supervisor's approval on this PC
    extension_roles: frozenset[Role]  # who may approve the next extension (empty: no more)
    staff: dict[str, str]
    attachments: tuple[AttachmentInfo, ...] = ()
    may_attach: bool = False
    may_print: bool = False
    provisional: bool = False  # the decision deadline counts into a year the calendar lacks
    # Not yet acknowledged under a policy with an acknowledgement period (UK DISP: 5 business days).
    acknowledgement_due: datetime | None = None
    # Owed a holding response (UK DISP 1.6.2) by this date, and whether one was printed.
    holding_response: HoldingResponseDue | None = None



def _root_causes(parent: QWidget) -> QComboBox:
    """The root causes of resources/root_causes.json, "not given" first."""
    combo = QComboBox(parent)
    combo.addItem("", "")
    for cause in root_causes():
        combo.addItem(cause.code, cause.code)
    return combo


def load_case_screen(ctx: ServiceContext, complaint_id: str, actor: Actor) -> CaseScreen:
    """What `actor` sees of the complaint and may do with it (the rules:
    desktop.services.case_actions). Raises NotFound."""
    from desktop.services.case_actions import case_actions
    from desktop.services.cases import case_detail
    from desktop.services.deadlines import (
        acknowledgement_pending,
        holding_response_pending,
        view_is_provisional,
    )
    from desktop.services.roster import staff_names
    from ui.attachments import list_for

    detail = case_detail(ctx, complaint_id)
    view = detail.view
    time_left = ctx.policy.time_left(view.decision_due, ctx.now()) if view.status.is_open else None
    offered = case_actions(ctx, view, actor)
    return CaseScreen(detail=detail, time_left=time_left, allowed=offered.allowed,
                      needs_approval=offered.needs_approval,
                      extension_roles=offered.extension_roles, staff=staff_names(ctx),
                      attachments=tuple(list_for(ctx, actor, complaint_id)),
                      may_attach=offered.may_attach, may_print=offered.may_print,
                      provisional=view.status.is_open and view_is_provisional(ctx, view),
                      acknowledgement_due=acknowledgement_pending(ctx, view),
                      holding_response=holding_response_pending(ctx, view, detail.timeline))


def run_action(ctx: ServiceContext, action: Action, actor: Actor, complaint_id: str,
               values: dict[str, Any], approver: Actor | None) -> ComplaintView:
    """Carry out `action` (desktop.services.case_actions.run_case_action)."""
    from desktop.services.case_actions import run_case_action

    return run_case_action(ctx, action, actor, complaint_id, values, approver)


def perform(app: AppContext, owner: QWidget, action: Action, complaint_id: str, values: dict[str, Any],
            approver: Actor | None, on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> None:
    actor = app.staff.require()

    def run(ctx: ServiceContext) -> ComplaintView:
        return run_action(ctx, action, actor, complaint_id, values, approver)

    app.worker.change(owner, run, on_done, on_error, changes=Changes(complaint_id=complaint_id))


def _multiline(parent: QWidget) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(80)
    return box


class CaseActionDialog(Translatable, QDialog):
    """The fields one action needs, a supervisor's approval when required, and OK/Cancel."""

    completed = Signal(object)  # the refolded ComplaintView

    def __init__(self, app: AppContext, action: Action, screen: CaseScreen,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.action = action
        self._screen = screen
        self.setObjectName(f"case_action_{action.value}")
        self.setMinimumWidth(spacing.DIALOG_MIN_WIDTH)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.fields: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setSpacing(spacing.GAP)
        for key, widget in self._build(action):
            widget.setObjectName(f"action_field:{key}")
            label = QLabel(self)
            label.setBuddy(widget)
            self._labels[key] = label
            self.fields[key] = widget
            form.addRow(label, widget)
        self.approval: CredentialsForm | None = None
        self.approval_box = QGroupBox(self)
        self.approval_box.setObjectName("approval")
        if action in screen.needs_approval:
            self.approval = CredentialsForm(self.approval_box)
            box = QVBoxLayout(self.approval_box)
            self._approval_note = QLabel(self.approval_box)
            self._approval_note.setWordWrap(True)
            box.addWidget(self._approval_note)
            box.addWidget(self.approval)
            self.approval.password.returnPressed.disconnect()
            self.approval.password.returnPressed.connect(self._ok)
        else:
            self.approval_box.hide()
        self.error = QLabel(self)
        self.error.setObjectName("action_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        # A heading saying what is about to happen, and for a deadline change the new
        # decision deadline and who approves it, shown before anything is confirmed.
        self.heading = QLabel(self)
        self.heading.setObjectName("action_heading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.deadline_note = QLabel(self)
        self.deadline_note.setObjectName("action_deadline")
        self.deadline_note.setWordWrap(True)
        self.deadline_note.setVisible(action in (Action.EXTEND_DEADLINE, Action.ESCALATE))
        self.preview: ExtensionPreview | None = None
        layout = QVBoxLayout(self)
        layout.setSpacing(spacing.GAP)
        layout.addWidget(self.heading)
        layout.addWidget(self.deadline_note)
        layout.addLayout(form)
        layout.addWidget(self.approval_box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.action is Action.EXTEND_DEADLINE and self.preview is None:
            complaint_id = self._screen.detail.view.id

            def run(ctx: ServiceContext) -> ExtensionPreview:
                from desktop.services.extension_preview import extension_preview

                return extension_preview(ctx, complaint_id)

            self._app.worker.query(self, run, self._preview_arrived)

    def _preview_arrived(self, preview: ExtensionPreview) -> None:
        self.preview = preview
        self._show_deadline()

    def _show_deadline(self) -> None:
        zone = self._app.branch.zone
        due = labels.format_datetime(self._screen.detail.view.decision_due, zone)
        if self.action is Action.ESCALATE:
            self.deadline_note.setText(self.tr(
                "The expert panel reviews the case; the decision stays due by {due}.").format(due=due))
            return
        preview = self.preview
        if preview is None:
            self.deadline_note.setText(self.tr("Working out the new deadline …"))
            return
        if preview.new_due is None:
            self.deadline_note.setText(preview.problem)
            return
        new = labels.format_datetime(preview.new_due, zone)
        if preview.needs_hq:
            who = self.tr("HQ (the branch asks; HQ's decision comes with the next sync)")
        else:
            who = ", ".join(labels.label(labels.ROLE, r.value)
                            for r in sorted(preview.approver_roles, key=lambda r: r.value))
        self.deadline_note.setText(self.tr(
            "Decision due now: {due}\nNew decision deadline: {new}\nApproved by: {who}").format(
            due=due, new=new, who=who))

    def _build(self, action: Action) -> list[tuple[str, QWidget]]:
        match action:
            case Action.ADD_NOTE:
                return [("text", _multiline(self))]
            case Action.LOG_CONTACT:
                channel = QComboBox(self)
                for value in CONTACT_CHANNELS:
                    channel.addItem("", value)
                fields: list[tuple[str, QWidget]] = [("channel", channel), ("reached", QCheckBox(self))]
                if self._screen.detail.view.extension_notice_due:
                    # The open task "extension notice not yet given" (CBIRC): a contact that
                    # reached the customer and told them of the extension closes it.
                    fields.append(("extension_notice", QCheckBox(self)))
                return [*fields, ("text", _multiline(self))]
            case Action.ASSIGN:
                who = QComboBox(self)
                who.setEditable(True)
                for number, name in sorted(self._screen.staff.items()):
                    who.addItem(f"{number} {name}", number)
                return [("assignee", who), ("reason", _multiline(self))]
            case Action.ESCALATE | Action.EXTEND_DEADLINE | Action.REOPEN | Action.WITHDRAW:
                return [("reason", _multiline(self))]
            case Action.RESOLVE:
                outcome = QComboBox(self)
                for value in Outcome:
                    outcome.addItem("", value.value)
                from desktop.services.documents import customer_summary_draft

                # What the letter tells the customer, in the second person: prefilled from
                # the recorded facts, completed by the clerk (never their notes verbatim).
                summary = _multiline(self)
                summary.setPlainText(customer_summary_draft(
                    self._screen.detail, zone=self._app.branch.zone, locale=self._app.locale))
                return [("outcome", outcome), ("findings", _multiline(self)),
                        ("customer_summary", summary),
                        ("verification", _multiline(self)), ("basis", _multiline(self)),
                        ("basis_reference", QLineEdit(self)), ("remedy", QLineEdit(self)),
                        ("compensation", QLineEdit(self)), ("root_cause", _root_causes(self))]
            case Action.RECORD_SATISFACTION:
                score = QSpinBox(self)
                score.setRange(1, 5)
                score.setValue(5)
                return [("score", score), ("comment", _multiline(self))]
            case Action.LINK:
                return [("reference", QLineEdit(self))]
        return []

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText()
            elif isinstance(widget, QLineEdit):
                out[key] = widget.text()
            elif isinstance(widget, QComboBox):
                data = widget.currentData()
                if widget.isEditable() and (data is None or widget.currentText() != widget.itemText(
                        widget.currentIndex())):
                    out[key] = widget.currentText().split(" ")[0]
                else:
                    out[key] = str(data) if data is not None else widget.currentText()
            elif isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
            elif isinstance(widget, QSpinBox):
                out[key] = widget.value()
        return out

    def _ok(self) -> None:
        self.error.setText("")
        self._set_busy(True)
        if self.approval is None:
            self._run(None)
            return
        number, password = self.approval.number.text().strip(), self.approval.password.text()
        if not number or not password:
            self._failed_text(self.tr("A supervisor must enter their staff number and password."))
            return
        check_approval(self._app, self, number, password, APPROVAL_PERMISSION[self.action],
                       self._run, self._approver_refused)

    def _approver_refused(self, text: str) -> None:
        if self.approval is not None:
            self.approval.password.clear()
        self._failed_text(text)

    def _run(self, approver: Actor | None) -> None:
        perform(self._app, self, self.action, self._screen.detail.view.id, self.values(), approver,
                self._succeeded, lambda exc: self._failed_text(error_text(exc, self._app.locale)))

    def _succeeded(self, view: ComplaintView) -> None:
        self._set_busy(False)
        self.completed.emit(view)
        self.accept()

    def _failed_text(self, text: str) -> None:
        self._set_busy(False)
        self.error.setText(text)
        if self.approval is not None:
            self.approval.password.clear()

    def _set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)

    def retranslate(self) -> None:
        action_ids = dict(CASE_ACTIONS)
        self.setWindowTitle(action_text(action_ids[self.action]).replace("&", "")
                            + " — " + self._screen.detail.view.reference)
        self.heading.setText(self.windowTitle())
        self.heading.setAccessibleName(self.tr("What this does"))
        self.deadline_note.setAccessibleName(self.tr("Decision deadline"))
        if self.deadline_note.isVisibleTo(self) or self.action in (Action.EXTEND_DEADLINE,
                                                                    Action.ESCALATE):
            self._show_deadline()
        names = {
            "text": self.tr("&Text"), "channel": self.tr("C&hannel"), "reached": self.tr("&Reached"),
            "extension_notice": self.tr("E&xtension notice"),
            "assignee": self.tr("&Handled by"), "reason": self.tr("&Reason"),
            "outcome": self.tr("&Outcome"), "findings": self.tr("&Findings"),
            "customer_summary": self.tr("Findings for the c&ustomer's letter"),
            "verification": self.tr("How it &was verified"), "remedy": self.tr("Re&medy"),
            "basis": self.tr("Bas&is and reasons"),
            "basis_reference": self.tr("Rule or contract c&lause relied on"),
            "compensation": self.tr("&Compensation (yuan)"), "score": self.tr("&Score (1–5)"),
            "comment": self.tr("C&omment"), "reference": self.tr("Related &reference"),
            "root_cause": self.tr("Root c&ause"),
        }
        for key, label in self._labels.items():
            label.setText(names.get(key, key))
            self.fields[key].setAccessibleName(label.text().replace("&", ""))
        for key in ("channel",):
            combo = self.fields.get(key)
            if isinstance(combo, QComboBox):
                for i in range(combo.count()):
                    combo.setItemText(i, labels.label(labels.CONTACT_CHANNEL, str(combo.itemData(i))))
        cause = self.fields.get("root_cause")
        if isinstance(cause, QComboBox):
            cause.setItemText(0, self.tr("(not given)"))
            for i in range(1, cause.count()):
                cause.setItemText(i, root_cause_label(str(cause.itemData(i)), self._app.locale))
        outcome = self.fields.get("outcome")
        if isinstance(outcome, QComboBox):
            for i in range(outcome.count()):
                outcome.setItemText(i, labels.label(labels.OUTCOME, str(outcome.itemData(i))))
        reached = self.fields.get("reached")
        if isinstance(reached, QCheckBox):
            reached.setText(self.tr("The customer was reached"))
        told = self.fields.get("extension_notice")
        if isinstance(told, QCheckBox):
            told.setText(self.tr("The customer was told of the deadline extension"))
        self.approval_box.setTitle(self.tr("Supervisor's approval"))
        self.approval_box.setAccessibleName(self.tr("Supervisor's approval"))
        if self.approval is not None:
            roles = ", ".join(labels.label(labels.ROLE, r.value) for r in sorted(
                self._screen.extension_roles or {Role.SUPERVISOR, Role.MANAGER}))
            self._approval_note.setText(self.tr(
                "This needs the approval of: {roles}. They enter their own staff number and "
                "password here.").format(roles=roles))
        self.error.setAccessibleName(self.tr("Why the action was refused"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))


def confirm_text(action: Action) -> tuple[str, str]:
    """Title and question for the actions that need no fields, only a yes."""
    if action is Action.ACKNOWLEDGE:
        return (QCoreApplication.translate("CaseActions", "Acknowledge the complaint?"),
                QCoreApplication.translate("CaseActions", "Record that the complaint was acknowledged to the customer."))
    return (QCoreApplication.translate("CaseActions", "Close the case?"),
            QCoreApplication.translate("CaseActions", "Close the resolved case. A supervisor can reopen it later."))
