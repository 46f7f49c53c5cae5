"""One customer's screen: who they are (identity masked) and every complaint they have made,
newest first; Enter or a double click on a line opens that case in its own tab. The case
screen's deliberate reveal (Ctrl+Shift+V) works here too: it shows the full values and is
recorded as an `identity_viewed` event on the chosen complaint."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.masking import mask_address, mask_id_number, mask_phone
from desktop.i18n import term
from ui import labels, spacing
from ui.actions import ActionId, make_action, relabel
from ui.categories import CategoryNames
from ui.i18n import QT_TRANSLATE_NOOP, Translatable
from ui.item_models import RowsModel
from ui.worker import Changes

if TYPE_CHECKING:
    from desktop.domain.model import Customer
    from desktop.services.context import ServiceContext
    from desktop.services.customers import CustomerComplaint, CustomerFile
    from ui.context import AppContext

COMPLAINT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CustomerComplaintsModel(RowsModel["CustomerComplaint"]):
    """Every complaint of one customer: reference, received, category, status, deadline."""

    context = "CustomerComplaintsModel"
    columns = (
        QT_TRANSLATE_NOOP("CustomerComplaintsModel", "Reference"),
        QT_TRANSLATE_NOOP("CustomerComplaintsModel", "Received"),
        QT_TRANSLATE_NOOP("CustomerComplaintsModel", "Category"),
        QT_TRANSLATE_NOOP("CustomerComplaintsModel", "Status"),
        QT_TRANSLATE_NOOP("CustomerComplaintsModel", "Decision due"),
        QT_TRANSLATE_NOOP("CustomerComplaintsModel", "Risk"),
    )

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent, app.languages)
        self._app = app
        self._names = CategoryNames(app)

    def cell(self, line: CustomerComplaint, column: int, role: int) -> Any:
        if column == 5 and role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return labels.risk_explanations(line.risk) or None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            zone = self._app.branch.zone
            match column:
                case 0:
                    return line.reference
                case 1:
                    return labels.format_datetime(line.received_at, zone)
                case 2:
                    return self._names.text(line.business_type, line.cause)
                case 3:
                    return term("status", line.status.value, self._app.locale)
                case 4:
                    return labels.format_datetime(line.decision_due, zone)
                case 5:
                    return labels.risk_marker(line.risk)
            return None
        if role == Qt.ItemDataRole.FontRole and line.status.is_open:
            font = QFont()
            font.setBold(True)
            return font
        if role == COMPLAINT_ID_ROLE:
            return line.complaint_id
        return None


class CustomerView(Translatable, QWidget):
    """The customer's history in a tab of the main window; `case_requested` asks the window
    to open a case."""

    case_requested = Signal(str)
    title_changed = Signal()
    loaded = Signal()

    def __init__(self, app: AppContext, customer_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.customer_id = customer_id
        self.file: CustomerFile | None = None
        self.setObjectName("customer_view")
        self.heading = QLabel(self)
        self.heading.setObjectName("customer_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.identity = QLabel(self)  # masked, until a recorded reveal
        self.identity.setObjectName("customer_identity")
        self.identity.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("customer_summary")
        self.risky_only = QCheckBox(self)  # only the complaints with risk signals
        self.risky_only.setObjectName("customer_risky_only")
        self.risky_only.toggled.connect(lambda _on: self._show_rows())
        self.model = CustomerComplaintsModel(app, self)
        self.table = QTableView(self)
        self.table.setObjectName("customer_complaints")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((190, 140, 330, 110, 140)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self.open_line)
        self.reveal_action = make_action(ActionId.REVEAL_IDENTITY, self)
        self.addAction(self.reveal_action)
        self.reveal_action.triggered.connect(self.reveal_identity)
        self.revealed: Customer | None = None  # shown unmasked after a recorded reveal
        self._table_label = QLabel(self)
        self._table_label.setBuddy(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        layout.setSpacing(spacing.GAP)
        layout.addWidget(self.heading)
        layout.addWidget(self.identity)
        layout.addWidget(self.summary)
        above = QHBoxLayout()
        above.addWidget(self._table_label, 1)
        above.addWidget(self.risky_only)
        layout.addLayout(above)
        layout.addWidget(self.table, 1)
        app.worker.changed.connect(self._changed)
        self.retranslate()
        self.refresh()

    def tab_title(self) -> str:
        if self.file is None:
            return self.tr("Customer …")
        return self.tr("Customer {name}").format(name=self.file.customer.name)

    def refresh(self) -> None:
        customer_id = self.customer_id

        def run(ctx: ServiceContext) -> CustomerFile:
            from desktop.services.customers import customer_complaints

            return customer_complaints(ctx, customer_id)

        self._app.worker.query(self, run, self._show,
                               lambda exc: self._app.interaction.error(self, exc, self._app.locale))

    def _changed(self, changes: Changes) -> None:
        if not changes.draft:  # a new, changed or synced complaint may be this customer's
            self.refresh()

    def _show(self, file: CustomerFile) -> None:
        self.file = file
        self._show_rows()
        self.retranslate()
        self.title_changed.emit()
        self.loaded.emit()

    def shown_complaints(self) -> list[CustomerComplaint]:
        """The customer's complaints the table shows: all, or those with risk signals."""
        complaints = self.file.complaints if self.file is not None else []
        return [c for c in complaints if c.risk] if self.risky_only.isChecked() else complaints

    def _show_rows(self) -> None:
        current = self.table.currentIndex().row()
        rows = self.shown_complaints()
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(min(max(current, 0), len(rows) - 1))

    def open_line(self, index: QModelIndex) -> None:
        """Open the case on `index`'s line (Enter or a double click)."""
        complaint_id = index.data(COMPLAINT_ID_ROLE) if index.isValid() else None
        if complaint_id:
            self.case_requested.emit(str(complaint_id))

    def reveal_identity(self) -> None:
        """Show the customer's unmasked details; the reveal is an `identity_viewed` event on
        the complaint chosen in the list (the newest if none is)."""
        actor, file = self._app.staff.actor, self.file
        if actor is None or file is None or not file.complaints:
            return
        chosen = self.model.value(self.table.currentIndex().row()) or file.complaints[0]
        complaint_id = chosen.complaint_id

        def run(ctx: ServiceContext) -> Customer:
            from desktop.services.identity_views import reveal_identity

            return reveal_identity(ctx, actor, complaint_id, screen="customer")

        self._app.worker.change(self, run, self._revealed,
                                lambda exc: self._app.interaction.error(self, exc, self._app.locale),
                                changes=Changes(complaint_id=complaint_id))

    def _revealed(self, customer: Customer) -> None:
        self.revealed = customer
        self.retranslate()

    def retranslate(self) -> None:
        self._table_label.setText(self.tr("Complaints of this c&ustomer"))
        self.table.setAccessibleName(self.tr("Complaints of this customer"))
        self.risky_only.setText(self.tr("Only those with risk si&gnals"))
        file = self.file
        if file is None:
            self.heading.setText(self.tr("Loading …"))
            self.identity.clear()
            self.summary.clear()
            return
        relabel(self.reveal_action, ActionId.REVEAL_IDENTITY)
        customer = file.customer
        self.heading.setText(customer.name)
        self.summary.setText(self.tr(
            "Complaints: {total} · still open: {open} · with risk signals: {risky}").format(
            total=len(file.complaints), open=file.open,
            risky=sum(1 for c in file.complaints if c.risk)))
        if self.revealed is not None and self.revealed.id == customer.id:
            shown = self.revealed
            self.identity.setText(" · ".join(t for t in (
                shown.id_number or shown.credit_code, shown.phone, shown.address,
                shown.contact_person) if t))
            return
        facts = []
        if customer.id_number:
            facts.append(self.tr("ID {number}").format(number=mask_id_number(customer.id_number)))
        if customer.credit_code:
            facts.append(self.tr("Credit code {code}").format(code=mask_id_number(customer.credit_code)))
        if customer.address:
            facts.append(self.tr("Address {address}").format(address=mask_address(customer.address)))
        if customer.phone:
            facts.append(self.tr("Phone {phone}").format(phone=mask_phone(customer.phone)))
        if customer.contact_person:
            facts.append(self.tr("Contact {name}").format(name=customer.contact_person))
        self.identity.setText(" · ".join(facts))
