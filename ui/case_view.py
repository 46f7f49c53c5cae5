"""One complaint: a header with status, deadlines and time left, the timeline of events, and
the actions this state and this person's role allow. It refreshes whenever a change
touches this complaint (from this tab, another tab, or a sync)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.masking import mask_phone
from desktop.domain.states import Action
from ui import labels, spacing
from ui.actions import ActionId, action_text, make_action, relabel, tooltip
from ui.attachments import FILE_FILTER, AttachmentModel, add_file, open_file
from ui.case_actions import (
    CASE_ACTIONS,
    NO_DIALOG,
    CaseActionDialog,
    CaseScreen,
    confirm_text,
    load_case_screen,
    perform,
)
from ui.categories import category_line
from ui.i18n import Translatable
from ui.regulatory_notices import CaseTasks
from ui.timeline_model import TimelineModel
from ui.worker import Changes

if TYPE_CHECKING:
    from desktop.domain.model import Customer
    from desktop.services.context import ServiceContext
    from ui.context import AppContext

HEADER_FIELDS = ("status", "customer", "category", "received", "due", "time_left", "assignee",
                 "escalation", "outcome", "related")


class CaseView(Translatable, QWidget):
    title_changed = Signal()
    loaded = Signal()
    customer_requested = Signal(str)  # the customer's id: open their screen

    def __init__(self, app: AppContext, complaint_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.complaint_id = complaint_id
        self.case_screen: CaseScreen | None = None
        self.setObjectName("case_view")
        self.reference = QLabel(self)
        self.reference.setObjectName("case_reference")
        font = self.reference.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.reference.setFont(font)
        self.risk = QLabel(self)  # the case's risk signals, each explaining itself
        self.risk.setObjectName("case_risk")
        self.risk.setWordWrap(True)
        self.risk.setStyleSheet(labels.WARNING_STYLE)
        self.risk.hide()
        self.header_labels: dict[str, QLabel] = {}
        self.header_values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(spacing.SECTION_GAP)
        grid.setVerticalSpacing(spacing.GAP // 2)
        for i, key in enumerate(HEADER_FIELDS):
            name, value = QLabel(self), QLabel(self)
            value.setObjectName(f"case_{key}")
            value.setWordWrap(True)
            name.setBuddy(value)
            self.header_labels[key], self.header_values[key] = name, value
            row, col = divmod(i, 2)
            grid.addWidget(name, row, col * 2)
            grid.addWidget(value, row, col * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.recorded = QLabel(self)  # everything else the intake recorded, identity masked
        self.recorded.setObjectName("case_recorded")
        self.recorded.setWordWrap(True)
        self.description = QLabel(self)
        self.description.setObjectName("case_description")
        self.description.setWordWrap(True)
        self.timeline_model = TimelineModel(app, self)
        self.timeline = QTableView(self)
        self.timeline.setObjectName("case_timeline")
        self.timeline.setModel(self.timeline_model)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setWordWrap(True)
        self.timeline.setTabKeyNavigation(False)
        header = self.timeline.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((140, 170, 160)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._timeline_label = QLabel(self)
        self._timeline_label.setBuddy(self.timeline)

        self.action_buttons: dict[Action, QPushButton] = {}
        self.case_actions: dict[Action, QAction] = {}
        action_row = QHBoxLayout()
        action_row.setSpacing(spacing.GAP)
        for action, action_id in CASE_ACTIONS:
            button = QPushButton(self)
            button.setObjectName(f"case_action_button_{action.value}")
            button.hide()
            button.clicked.connect(lambda _c=False, a=action: self.start_action(a))
            qaction = make_action(action_id, self)
            qaction.triggered.connect(lambda _c=False, a=action: self.start_action(a))
            qaction.setEnabled(False)
            self.addAction(qaction)
            self.case_actions[action] = qaction
            self.action_buttons[action] = button
            action_row.addWidget(button)
        action_row.addStretch(1)
        self.print_action = make_action(ActionId.PRINT_RECEIPT, self)
        self.addAction(self.print_action)
        self.print_action.triggered.connect(self.print_receipt)
        self.letter_action = make_action(ActionId.PRINT_LETTER, self)
        self.addAction(self.letter_action)
        self.letter_action.triggered.connect(self.print_letter)
        self.notice_action = make_action(ActionId.PRINT_NOTICE, self)
        self.addAction(self.notice_action)
        self.notice_action.triggered.connect(self.print_extension_notice)
        self.holding_action = make_action(ActionId.PRINT_HOLDING_RESPONSE, self)
        self.addAction(self.holding_action)
        self.holding_action.triggered.connect(self.print_holding_response)
        self.receipt_button = QPushButton(self)
        self.receipt_button.setObjectName("case_print_receipt")
        self.receipt_button.clicked.connect(self.print_receipt)
        self.letter_button = QPushButton(self)
        self.letter_button.setObjectName("case_print_letter")
        self.letter_button.clicked.connect(self.print_letter)
        self.notice_button = QPushButton(self)
        self.notice_button.setObjectName("case_print_notice")
        self.notice_button.clicked.connect(self.print_extension_notice)
        self.holding_button = QPushButton(self)
        self.holding_button.setObjectName("case_print_holding_response")
        self.holding_button.clicked.connect(self.print_holding_response)
        documents = QHBoxLayout()
        for button in (self.receipt_button, self.letter_button, self.notice_button,
                       self.holding_button):
            documents.addWidget(button)
        documents.addStretch(1)

        self.attachment_model = AttachmentModel(self)
        self.attachments = QListView(self)
        self.attachments.setObjectName("case_attachments")
        self.attachments.setModel(self.attachment_model)
        self.attachments.setMaximumHeight(90)
        self.attachments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attachments.activated.connect(self.open_attachment)
        self._attachments_label = QLabel(self)
        self._attachments_label.setBuddy(self.attachments)
        self.attach_action = make_action(ActionId.ADD_ATTACHMENT, self)
        self.addAction(self.attach_action)
        self.reveal_action = make_action(ActionId.REVEAL_IDENTITY, self)
        self.addAction(self.reveal_action)
        self.reveal_action.triggered.connect(self.reveal_identity)
        self.customer_action = make_action(ActionId.CUSTOMER_HISTORY, self)
        self.addAction(self.customer_action)
        self.customer_action.triggered.connect(self.show_customer)
        self.customer_button = QPushButton(self)
        self.customer_button.setObjectName("case_customer_history")
        self.customer_button.clicked.connect(self.show_customer)
        self.revealed: Customer | None = None  # shown unmasked after a recorded reveal
        self.attach_action.triggered.connect(self.add_attachment)
        self.attach_button = QPushButton(self)
        self.attach_button.setObjectName("case_add_attachment")
        self.attach_button.clicked.connect(self.add_attachment)
        self.open_attachment_button = QPushButton(self)
        self.open_attachment_button.setObjectName("case_open_attachment")
        self.open_attachment_button.clicked.connect(
            lambda: self.open_attachment(self.attachments.currentIndex()))
        attachment_buttons = QVBoxLayout()
        attachment_buttons.addWidget(self.attach_button)
        attachment_buttons.addWidget(self.open_attachment_button)
        attachment_buttons.addStretch(1)
        attachments = QHBoxLayout()
        attachments.addWidget(self.attachments, 1)
        attachments.addLayout(attachment_buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        layout.setSpacing(spacing.GAP)
        layout.addWidget(self.reference)
        layout.addWidget(self.risk)
        layout.addLayout(grid)
        self.tasks = CaseTasks(app, self)
        layout.addWidget(self.tasks)
        recorded = QHBoxLayout()
        recorded.addWidget(self.recorded, 1)
        recorded.addWidget(self.customer_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(recorded)
        layout.addWidget(self.description)
        layout.addLayout(action_row)
        layout.addWidget(self._timeline_label)
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self._attachments_label)
        layout.addLayout(attachments)
        layout.addLayout(documents)
        app.worker.changed.connect(self._changed)
        self.retranslate()
        self.refresh()

    def tab_title(self) -> str:
        if self.case_screen is None:
            return self.tr("Case …")
        return self.tr("Case {reference}").format(reference=self.case_screen.detail.view.reference)

    # -- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        actor = self._app.staff.actor
        if actor is None:
            return
        complaint_id = self.complaint_id

        def run(ctx: ServiceContext) -> CaseScreen:
            return load_case_screen(ctx, complaint_id, actor)

        self._app.worker.query(self, run, self._show,
                               lambda exc: self._app.interaction.error(self, exc, self._app.locale))

    def _changed(self, changes: Changes) -> None:
        if changes.complaint_id in (None, self.complaint_id) and not changes.draft:
            self.refresh()

    def _show(self, screen: CaseScreen) -> None:
        self.case_screen = screen
        self.timeline_model.set_events(screen.detail.timeline, screen.staff)
        self.timeline.resizeRowsToContents()
        for action, button in self.action_buttons.items():
            allowed = action in screen.allowed
            button.setVisible(allowed)
            self.case_actions[action].setEnabled(allowed)
            self.case_actions[action].setVisible(allowed)
        view = screen.detail.view
        self.receipt_button.setEnabled(screen.may_print)
        self.print_action.setEnabled(screen.may_print)
        self.letter_button.setVisible(screen.may_print and view.outcome is not None)
        self.notice_button.setVisible(screen.may_print and view.extensions > 0)
        self.holding_button.setVisible(screen.may_print and screen.holding_response is not None)
        for qaction, button in ((self.letter_action, self.letter_button),
                                (self.notice_action, self.notice_button),
                                (self.holding_action, self.holding_button)):
            qaction.setVisible(button.isVisibleTo(self))
            qaction.setEnabled(button.isVisibleTo(self))
        self.attachment_model.set_items(list(screen.attachments))
        self.attach_button.setEnabled(screen.may_attach)
        self.attach_action.setEnabled(screen.may_attach)
        self.open_attachment_button.setEnabled(bool(screen.attachments))
        self.tasks.show_screen(screen)
        self.retranslate()
        self.title_changed.emit()
        self.loaded.emit()

    def menu_actions(self) -> list[QAction | None]:
        """What the window's Case menu lists for this case, in order (None: a separator).
        Every entry shows its shortcut; those this state or role does not allow are hidden."""
        entries: list[QAction | None] = [self.case_actions[a] for a, _ in CASE_ACTIONS]
        return [*entries, None, self.print_action, self.letter_action, self.notice_action,
                self.holding_action, None,
                self.attach_action, self.reveal_action, self.customer_action]

    # -- actions ------------------------------------------------------------------------------

    def start_action(self, action: Action) -> CaseActionDialog | None:
        """Open the action's dialog (or ask a plain yes for acknowledge and close).
        Returns the dialog so a caller (or a test) can fill it."""
        screen = self.case_screen
        if screen is None or action not in screen.allowed:
            return None
        if action in NO_DIALOG:
            title, question = confirm_text(action)
            self._app.interaction.confirm(self, title, question, lambda: perform(
                self._app, self, action, self.complaint_id, {}, None, lambda _v: None,
                lambda exc: self._app.interaction.error(self, exc, self._app.locale)))
            return None
        dialog = CaseActionDialog(self._app, action, screen, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def print_receipt(self) -> None:
        """The acknowledgement receipt in the print preview (a reprint says COPY)."""
        from ui.printing import preview_receipt

        preview_receipt(self, self._app, self.complaint_id)

    def print_letter(self) -> None:
        """The decision letter: its texts can be edited, then previewed and printed."""
        from ui.printing import preview_letter

        preview_letter(self, self._app, self.complaint_id)

    def print_extension_notice(self) -> None:
        from ui.printing import preview_extension_notice

        preview_extension_notice(self, self._app, self.complaint_id)

    def print_holding_response(self) -> None:
        """The 8-week holding response (UK DISP): its reason and date first, then the preview."""
        from ui.printing import preview_holding_response

        preview_holding_response(self, self._app, self.complaint_id)

    def add_attachment(self) -> None:
        """Choose a scanned file and attach it (sealed by the attachment store)."""
        screen = self.case_screen
        if screen is None or not screen.may_attach:
            return

        def chosen(path: Path) -> None:
            add_file(self._app, self, self.complaint_id, path, self._failed)

        self._app.interaction.choose_open_path(self, self.tr("Add a scanned file"), FILE_FILTER, chosen)

    def open_attachment(self, index: QModelIndex) -> None:
        info = self.attachment_model.item(index.row()) if index.isValid() else None
        if info is not None:
            open_file(self._app, self, self.complaint_id, info, self._failed)

    def show_customer(self) -> None:
        """Ask the window for the customer's screen: all their complaints."""
        if self.case_screen is not None:
            self.customer_requested.emit(self.case_screen.detail.customer.id)

    def reveal_identity(self) -> None:
        """Show the customer's unmasked details; the reveal is an `identity_viewed` event."""
        actor = self._app.staff.actor
        if actor is None or self.case_screen is None:
            return
        complaint_id = self.complaint_id

        def run(ctx: ServiceContext) -> Customer:
            from desktop.services.identity_views import reveal_identity

            return reveal_identity(ctx, actor, complaint_id, screen="case")

        self._app.worker.change(self, run, self._revealed, self._failed,
                                changes=Changes(complaint_id=complaint_id))

    def _revealed(self, customer: Customer) -> None:
        self.revealed = customer
        self._show_header()

    def _failed(self, exc: BaseException) -> None:
        self._app.interaction.error(self, exc, self._app.locale)

    # -- language -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        names = {
            "status": self.tr("Status"), "customer": self.tr("Customer"), "category": self.tr("Category"),
            "received": self.tr("Received"), "due": self.tr("Decision due"),
            "time_left": self.tr("Time left"), "assignee": self.tr("Handled by"),
            "escalation": self.tr("Escalation"), "outcome": self.tr("Outcome"),
            "related": self.tr("Related complaints"),
        }
        for key, label in self.header_labels.items():
            label.setText(names[key] + ":")
            self.header_values[key].setAccessibleName(names[key])
        for action, action_id in CASE_ACTIONS:
            button = self.action_buttons[action]
            text = action_text(action_id)
            screen = self.case_screen
            if (action is Action.EXTEND_DEADLINE and screen is not None
                    and action in screen.allowed and not screen.extension_roles):
                text = self.tr("Ask HQ for an extension")  # the next level is HQ's to approve
            elif screen is not None and action in screen.needs_approval:
                text = self.tr("{action} (supervisor approves)").format(action=text)
            button.setText(text)
            button.setToolTip(tooltip(action_id))
            button.setAccessibleName(text)
            relabel(self.case_actions[action], action_id)
        relabel(self.print_action, ActionId.PRINT_RECEIPT)
        relabel(self.letter_action, ActionId.PRINT_LETTER)
        relabel(self.notice_action, ActionId.PRINT_NOTICE)
        relabel(self.attach_action, ActionId.ADD_ATTACHMENT)
        relabel(self.customer_action, ActionId.CUSTOMER_HISTORY)
        self.customer_button.setText(self.tr("Customer's complaints …"))
        self.customer_button.setAccessibleName(action_text(ActionId.CUSTOMER_HISTORY))
        self.customer_button.setToolTip(tooltip(ActionId.CUSTOMER_HISTORY))
        self.receipt_button.setText(self.tr("Receipt …"))
        self.receipt_button.setAccessibleName(self.tr("Print the receipt"))
        self.receipt_button.setToolTip(tooltip(ActionId.PRINT_RECEIPT))
        self.letter_button.setText(self.tr("Decision letter …"))
        self.letter_button.setAccessibleName(self.tr("Print the decision letter"))
        self.letter_button.setToolTip(tooltip(ActionId.PRINT_LETTER))
        self.notice_button.setToolTip(tooltip(ActionId.PRINT_NOTICE))
        self.notice_button.setText(self.tr("Extension notice …"))
        self.notice_button.setAccessibleName(self.tr("Print the extension notice"))
        relabel(self.holding_action, ActionId.PRINT_HOLDING_RESPONSE)
        self.holding_button.setToolTip(tooltip(ActionId.PRINT_HOLDING_RESPONSE))
        self.holding_button.setText(self.tr("Holding response …"))
        self.holding_button.setAccessibleName(self.tr("Print the holding response"))
        self._attachments_label.setText(self.tr("Attach&ments"))
        self.attachments.setAccessibleName(self.tr("Attachments"))
        self.attach_button.setText(self.tr("Add a scanned file …"))
        self.attach_button.setAccessibleName(self.tr("Add a scanned file"))
        self.attach_button.setToolTip(tooltip(ActionId.ADD_ATTACHMENT))
        self.open_attachment_button.setText(self.tr("Open"))
        self.open_attachment_button.setAccessibleName(self.tr("Open the chosen attachment"))
        self._timeline_label.setText(self.tr("&Timeline"))
        self.timeline.setAccessibleName(self.tr("Timeline of the complaint"))
        self.description.setAccessibleName(self.tr("What happened and what the customer asks for"))
        self.reference.setAccessibleName(self.tr("Reference number"))
        self._show_header()

    def _show_header(self) -> None:
        screen = self.case_screen
        if screen is None:
            self.reference.setText(self.tr("Loading …"))
            return
        view, customer, zone, locale = (screen.detail.view, screen.detail.customer,
                                        self._app.branch.zone, self._app.locale)
        self.reference.setText(view.reference + ("  ⚑ " + self.tr("needs review") if view.needs_review else ""))
        v = self.header_values
        v["status"].setText(labels.label(labels.STATUS, view.status.value))
        shown = self.revealed if self.revealed is not None and self.revealed.id == customer.id else None
        if shown is not None:  # after a recorded reveal (Ctrl+Shift+V)
            v["customer"].setText(" · ".join(t for t in (shown.name, shown.id_number
                                                          or shown.credit_code, shown.phone,
                                                          shown.address) if t))
        else:
            v["customer"].setText(" · ".join(t for t in (
                customer.name, mask_phone(customer.phone) if customer.phone else "") if t))
        v["category"].setText(category_line(self._app.categories(), view.business_type, view.cause,
                                            locale))
        v["received"].setText(labels.format_datetime(view.received_at, zone))
        due = labels.format_datetime(view.decision_due, zone)
        if view.extensions:
            due += " " + self.tr("(extended {count}×)").format(count=view.extensions)
        v["due"].setText(due)
        v["time_left"].setText(labels.time_left_text(screen.time_left, view.status.is_open))
        v["time_left"].setStyleSheet(labels.deadline_style(screen.time_left))
        v["assignee"].setText(f"{view.assignee} {screen.staff.get(view.assignee, '')}".strip())
        v["escalation"].setText(self.tr("Level {level}").format(level=view.escalation_level)
                                if view.escalation_level else self.tr("None"))
        v["outcome"].setText(labels.label(labels.OUTCOME, view.outcome.value) if view.outcome else "—")
        v["related"].setText(", ".join(view.related) or "—")
        self.description.setText(self.tr("What happened: {description}\nThe customer asks for: {request}")
                                 .format(description=view.description, request=view.request))
        self.recorded.setText(" · ".join(self._recorded_facts(screen)))
        risk = screen.detail.risk
        self.risk.setText(self.tr("Risk signals: {signals}").format(
            signals=labels.risk_explanations(risk, "; ")) if risk else "")
        self.risk.setVisible(bool(risk))

    def _recorded_facts(self, screen: CaseScreen) -> list[str]:
        """The category's extra fields, product, amount, the masked ID number and address, and a
        company's representative (masked)."""
        from desktop.domain.masking import mask_address, mask_card, mask_id_number, mask_name

        view, customer, locale = screen.detail.view, screen.detail.customer, self._app.locale
        facts: list[str] = []
        if customer.id_number:
            facts.append(self.tr("ID {number}").format(number=mask_id_number(customer.id_number)))
        if customer.address:
            facts.append(self.tr("Address {address}").format(address=mask_address(customer.address)))
        rep = screen.detail.received_payload.get("corporate_representative")
        if isinstance(rep, dict) and rep.get("name"):  # who speaks for a company, masked
            facts.append(self.tr("{capacity} {name}, ID {number}, phone {phone}").format(
                capacity=labels.label(labels.CORPORATE_CAPACITY, str(rep.get("capacity") or "")),
                name=mask_name(str(rep["name"])), number=mask_id_number(str(rep.get("id_number") or "")),
                phone=mask_phone(str(rep.get("phone") or ""))))
        if view.complained_unit:  # its members step aside (回避)
            facts.append(self.tr("Unit complained about: {unit}").format(unit=view.complained_unit))
        if view.product:
            facts.append(self.tr("Product: {product}").format(product=view.product))
        if view.amount is not None:
            facts.append(self.tr("Amount: {amount}").format(amount=labels.format_money(view.amount)))
        specs = {s.key: s for s in self._app.categories().extra_fields(
            view.business_type or None, view.cause or None)}
        for key, value in view.extra_fields.items():
            spec = specs.get(key)
            shown = mask_card(str(value)) if spec is not None and spec.type.value == "masked_card" else value
            facts.append(f"{spec.text(locale) if spec else key}: {shown}")
        return facts
