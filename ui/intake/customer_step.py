"""Intake step 1: who is complaining — a known customer found by ID, phone or name, or a new
one (individual or company), and an agent acting for them. A known customer's earlier and
open complaints are listed, with a warning when some are still open."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.masking import mask_id_number, mask_phone
from desktop.domain.model import CustomerKind, IdDocumentType
from desktop.services.customers import CustomerHistory, customer_history, search_customers
from desktop.services.identity import CustomerOnFile, customer_on_file, phone_differs
from ui import labels, spacing
from ui.actions import ActionId, make_action, relabel
from ui.intake.fields import FieldForm, FieldRow, chain_tab_order, enter_moves_on
from ui.intake.form import empty_agent
from ui.intake.models import CUSTOMER_ID_ROLE, CustomerMatchModel, HistoryModel
from ui.intake.representative_box import CorporateRepresentativeBox
from ui.intake.step import IntakeStep

if TYPE_CHECKING:
    from desktop.services.context import ServiceContext
    from desktop.services.intake import CustomerMatch
    from ui.context import AppContext

WARNING_STYLE = labels.WARNING_STYLE


def _id_type_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for id_type in IdDocumentType:
        combo.addItem("", id_type.value)
    return combo


class CustomerStep(IntakeStep):
    prefixes = ("customer", "agent", "corporate_representative")

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self._known: dict[str, Any] | None = None
        self._known_by_number = False  # found from the typed ID number, not picked with Find
        self._asked_phone = ""  # the phone typed that the clerk was last asked about
        self._confirmed_phone = ""  # the phone typed the clerk confirmed replaces the file's
        self._matches = CustomerMatchModel(self)
        self.history_model = HistoryModel(app, self)

        # finding a known customer
        self.search = QLineEdit(self)
        self.search.setObjectName("customer_search")
        self.search.setClearButtonEnabled(True)
        self.find_action = make_action(ActionId.FIND_CUSTOMER, self)
        self.addAction(self.find_action)
        self.find_button = QPushButton(self)
        self.find_button.setObjectName("find_customer_button")
        self.results = QListView(self)
        self.results.setObjectName("customer_results")
        self.results.setModel(self._matches)
        self.results.setMaximumHeight(110)
        self.results.hide()  # until something is searched
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("new_customer_button")
        self.known = QLabel(self)
        self.known.setObjectName("known_customer")
        self.known.setWordWrap(True)
        self.repeat_warning = QLabel(self)
        self.repeat_warning.setObjectName("repeat_warning")
        self.repeat_warning.setWordWrap(True)
        self.repeat_warning.setStyleSheet(WARNING_STYLE)
        self.repeat_warning.hide()
        self.history = QTableView(self)
        self.history.setObjectName("customer_history")
        self.history.setModel(self.history_model)
        self.history.verticalHeader().setVisible(False)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setTabKeyNavigation(False)  # Tab leaves the table instead of walking its cells

        # the customer's own fields
        self.individual = QRadioButton(self)
        self.individual.setObjectName("kind_individual")
        self.corporate = QRadioButton(self)
        self.corporate.setObjectName("kind_corporate")
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.individual)
        self.kind_group.addButton(self.corporate)
        self.individual.setChecked(True)
        self.name = QLineEdit(self)
        self.id_type = _id_type_combo(self)
        self.id_number = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.address = QLineEdit(self)
        self.credit_code = QLineEdit(self)
        self.contact_person = QLineEdit(self)
        for path, widget in (("customer.name", self.name), ("customer.id_type", self.id_type),
                             ("customer.id_number", self.id_number), ("customer.phone", self.phone),
                             ("customer.credit_code", self.credit_code),
                             ("customer.contact_person", self.contact_person),
                             ("customer.address", self.address)):
            self.form.add(path, widget, self)

        # who speaks for a company (CBIRC Art. 13)
        self.representative = CorporateRepresentativeBox(app, self)
        self.representative.ask_policy()

        # an agent acting for the customer
        self.has_agent = QCheckBox(self)
        self.has_agent.setObjectName("has_agent")
        self.agent_box = QGroupBox(self)
        self.agent_form = FieldForm()
        self.agent_name = QLineEdit(self)
        self.agent_id_type = _id_type_combo(self)
        self.agent_id_number = QLineEdit(self)
        self.agent_phone = QLineEdit(self)
        self.agent_relationship = QLineEdit(self)
        self.agent_power = QCheckBox(self)
        self.agent_power_document = QLineEdit(self)  # what it is (CBIRC Art. 13)
        agent_fields: tuple[tuple[str, QWidget], ...] = (
            ("agent.name", self.agent_name), ("agent.id_type", self.agent_id_type),
            ("agent.id_number", self.agent_id_number), ("agent.phone", self.agent_phone),
            ("agent.relationship", self.agent_relationship),
            ("agent.power_of_attorney", self.agent_power),
            ("agent.power_of_attorney_document", self.agent_power_document))
        for path, field in agent_fields:
            self.agent_form.add(path, field, self.agent_box)
        self.agent_box.setLayout(self.agent_form)
        self.agent_box.hide()

        self._layout()
        self._connect()
        chain_tab_order(self.search, self.find_button, self.new_button, self.results,
                        self.individual, self.corporate, self.name, self.id_type, self.id_number,
                        self.phone, self.credit_code, self.contact_person, self.address,
                        *self.representative.widgets(), self.has_agent, self.agent_name, self.agent_id_type, self.agent_id_number,
                        self.agent_phone, self.agent_relationship, self.agent_power,
                        self.agent_power_document, self.history)
        self.retranslate()

    def _layout(self) -> None:
        find_row = QHBoxLayout()
        find_row.setSpacing(spacing.GAP)
        self._search_label = QLabel(self)
        self._search_label.setBuddy(self.search)
        find_row.addWidget(self._search_label)
        find_row.addWidget(self.search, 1)
        find_row.addWidget(self.find_button)
        find_row.addWidget(self.new_button)
        kind_row = QHBoxLayout()
        self._kind_label = QLabel(self)
        kind_row.addWidget(self._kind_label)
        kind_row.addWidget(self.individual)
        kind_row.addWidget(self.corporate)
        kind_row.addStretch(1)

        left = QWidget(self)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.setSpacing(spacing.GAP)
        left_box.addLayout(find_row)
        left_box.addWidget(self.results)
        left_box.addLayout(kind_row)
        left_box.addLayout(self.form)
        left_box.addWidget(self.representative)
        left_box.addWidget(self.has_agent)
        left_box.addWidget(self.agent_box)
        left_box.addStretch(1)
        right = QWidget(self)
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.setSpacing(spacing.GAP)
        self._history_label = QLabel(right)
        right_box.addWidget(self.known)
        right_box.addWidget(self.repeat_warning)
        right_box.addWidget(self._history_label)
        right_box.addWidget(self.history, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)
        self._kind_changed()

    def _connect(self) -> None:
        enter_moves_on(self.has_agent, self)
        self.search.returnPressed.connect(self.find_customer)
        self.find_button.clicked.connect(self.find_customer)
        self.find_action.triggered.connect(self._focus_search)
        self.results.activated.connect(self._picked)
        self.results.doubleClicked.connect(self._picked)
        self.new_button.clicked.connect(self.new_customer)
        self.kind_group.buttonToggled.connect(self._kind_toggled)
        self.has_agent.toggled.connect(self._agent_toggled)
        self.id_number.textEdited.connect(lambda _t: self._number_typed())
        self.credit_code.textEdited.connect(lambda _t: self._number_typed())
        self.name.textEdited.connect(lambda _t: self._show_known())
        self.phone.editingFinished.connect(self._phone_left)
        for path, row in {**self.form.rows, **self.agent_form.rows,
                          **self.representative.rows}.items():
            field = row.widget
            if isinstance(field, QLineEdit):
                field.textEdited.connect(lambda _t, p=path: self._emit(p))
            elif isinstance(field, QComboBox):
                field.currentIndexChanged.connect(lambda _i, p=path: self._emit(p))
            elif isinstance(field, QCheckBox):
                field.toggled.connect(lambda _c, p=path: self._emit(p))

    def title(self) -> str:
        return self.tr("Customer")

    # -- finding ------------------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def find_customer(self) -> None:
        query = self.search.text().strip()
        if not query:  # Enter on an empty search: a new customer, start with the name
            self._matches.set_matches([])
            self.results.hide()
            self.name.setFocus(Qt.FocusReason.TabFocusReason)
            return

        def run(ctx: ServiceContext) -> list[CustomerMatch]:
            return search_customers(ctx, query)

        self._app.worker.query(self, run, self._found)

    def _found(self, matches: list[CustomerMatch]) -> None:
        self._matches.set_matches(matches)
        self.results.setVisible(bool(matches))
        self.results.setAccessibleDescription(self.tr("%n customer(s) found", "", len(matches)))
        if matches:
            self.results.setCurrentIndex(self._matches.index(0, 0))
        else:
            self.known.setText(self.tr("No customer found; enter the customer's details below."))
        self._focus_if_waiting(self.results if matches else self.name)

    def _focus_if_waiting(self, widget: QWidget) -> None:
        """Move the cursor for an answer that came from the worker only while the clerk is
        still waiting at the search: one who has gone on typing elsewhere keeps every key."""
        from PySide6.QtWidgets import QApplication

        if QApplication.focusWidget() in (self.search, self.results, self.find_button, None):
            widget.setFocus()

    def _picked(self, index: QModelIndex) -> None:
        customer_id = self._matches.data(index, CUSTOMER_ID_ROLE)
        if customer_id:
            self.use_known(str(customer_id))

    def use_known(self, customer_id: str) -> None:
        """Record the complaint for a known customer: blank fields keep what is on file."""

        def run(ctx: ServiceContext) -> CustomerHistory | None:
            return customer_history(ctx, customer_id)

        self._app.worker.query(self, run, self._known_loaded)

    def _known_loaded(self, history: CustomerHistory | None) -> None:
        if history is None:
            return
        self._known_by_number = False
        self._asked_phone = self._confirmed_phone = ""
        c = history.customer
        self._known = {
            "id": c.id, "kind": c.kind.value, "name": c.name,
            "id_type": c.id_type.value if c.id_type else None,
            "id_number": mask_id_number(c.id_number) if c.id_number else "",
            "phone": mask_phone(c.phone) if c.phone else "",
            "credit_code": c.credit_code, "total": history.total, "open": history.open,
        }
        self._loading = True
        try:
            (self.corporate if c.kind is CustomerKind.CORPORATE else self.individual).setChecked(True)
            self._kind_changed()
            self.name.setText(c.name)
            for widget in (self.id_number, self.phone, self.address, self.credit_code,
                           self.contact_person):
                widget.clear()
            if c.id_type is not None:
                self.id_type.setCurrentIndex(max(0, self.id_type.findData(c.id_type.value)))
        finally:
            self._loading = False
        self.history_model.set_lines(history.complaints)
        self._show_known()
        self._emit("customer.existing_id")
        self._focus_if_waiting(self.phone)

    def _number_typed(self) -> None:
        """As soon as a valid ID number or credit code is typed, show the customer on file."""
        if self._known is not None and not self._known_by_number:
            return  # picked with Find: the number typed updates that customer
        corporate = self.corporate.isChecked()
        number = (self.credit_code if corporate else self.id_number).text()
        kind = CustomerKind.CORPORATE if corporate else CustomerKind.INDIVIDUAL
        id_type = None if corporate else IdDocumentType(str(self.id_type.currentData()))

        def run(ctx: ServiceContext) -> CustomerOnFile | None:
            return customer_on_file(ctx, kind, number, id_type)

        self._app.worker.query(self, run, self._on_file)

    def _on_file(self, found: CustomerOnFile | None) -> None:
        if found is None:
            if self._known_by_number:
                self._known, self._known_by_number = None, False
                self.history_model.set_lines([])
                self._show_known()
                self._emit("customer.existing_id")
            return
        if self._known is not None and self._known.get("id") == found.id:
            return
        self._known = {"id": found.id, "kind": found.kind.value, "name": found.name,
                       "id_number": found.masked_id, "phone": found.masked_phone,
                       "credit_code": "", "total": found.total, "open": found.open}
        self._known_by_number = True
        self._asked_phone = self._confirmed_phone = ""
        if not self.name.text().strip():
            self.name.setText(found.name)
        self.history_model.set_lines(found.complaints)
        self._show_known()
        self._emit("customer.existing_id")
        if not self.phone.hasFocus():  # a phone typed before the customer was found
            self._phone_left()

    def _phone_left(self) -> None:
        """A phone other than the one on file is asked about as soon as its field is left
        (or Enter is pressed), not first at save: the clerk says which is right."""
        typed = self.phone.text().strip()
        if self._known is None or not typed or typed in (self._asked_phone,
                                                         self._confirmed_phone):
            return
        customer_id = str(self._known["id"])

        def run(ctx: ServiceContext) -> bool:
            return phone_differs(ctx, customer_id, typed)

        self._app.worker.query(self, run, lambda differs: self._phone_checked(typed, differs))

    def _phone_checked(self, typed: str, differs: bool) -> None:
        known = self._known
        if not differs or known is None or self.phone.text().strip() != typed:
            return  # the same number, or the clerk has changed it meanwhile
        self._asked_phone = typed

        def typed_is_right() -> None:  # recorded as its own event when the complaint is saved
            self._confirmed_phone = typed
            self._show_known()
            self._emit("customer.phone")

        def file_is_right() -> None:  # blank keeps the phone on file
            self.phone.clear()
            self._show_known()
            self._emit("customer.phone")

        self._app.interaction.confirm(
            self, self.tr("The phone differs from the file"),
            self.tr("On file: {phone}. Is the phone you typed right? Yes: it replaces the one "
                    "on file when the complaint is saved (recorded on the timeline). No: keep "
                    "the phone on file.").format(phone=known.get("phone") or ""),
            typed_is_right, file_is_right)

    def new_customer(self) -> None:
        self._known, self._known_by_number = None, False
        self._asked_phone = self._confirmed_phone = ""
        self.history_model.set_lines([])
        for widget in (self.name, self.id_number, self.phone, self.address, self.credit_code,
                       self.contact_person):
            widget.clear()
        self._show_known()
        self._emit("customer.existing_id")
        self.name.setFocus()

    def _show_known(self) -> None:
        k = self._known
        if k is None:
            self.known.setText(self.tr("New customer: enter their details."))
            self.repeat_warning.hide()
            for widget in (self.id_number, self.phone):
                widget.setPlaceholderText("")
            return
        ident = k.get("id_number") or k.get("credit_code") or ""
        self.known.setText(self.tr("Known customer: {name} {ident}. Leave a field empty to keep "
                                   "what is on file; type to update it.").format(
            name=k["name"], ident=ident))
        self.id_number.setPlaceholderText(self.tr("on file: {value}").format(value=k.get("id_number")))
        self.phone.setPlaceholderText(self.tr("on file: {value}").format(value=k.get("phone")))
        typed = self.name.text().strip()
        if typed and typed != k["name"]:
            self.known.setText(self.known.text() + " " + self.tr(
                "The name typed differs from the file: saving asks which is right."))
        if self.phone_confirmed():
            self.known.setText(self.known.text() + " " + self.tr(
                "The phone typed replaces the one on file when the complaint is saved."))
        if k.get("open"):
            self.repeat_warning.setText(self.tr(
                "Repeat complaint? This customer has %n open complaint(s). Check them before "
                "recording a new one.", "", int(k["open"])))
            self.repeat_warning.show()
        else:
            self.repeat_warning.hide()

    # -- the fields ---------------------------------------------------------------------------

    def _kind_toggled(self, _button: object, on: bool) -> None:
        if on:
            self._kind_changed(True)

    def _kind_changed(self, user: bool = False) -> None:
        corporate = self.corporate.isChecked()
        for path in ("customer.id_type", "customer.id_number"):
            self.form.rows[path].set_visible(not corporate)
        for path in ("customer.credit_code", "customer.contact_person"):
            self.form.rows[path].set_visible(corporate)
        self.representative.setVisible(corporate)
        self.retranslate()
        if user:
            self._emit("customer.kind")

    def _agent_toggled(self, on: bool) -> None:
        self.agent_box.setVisible(on)
        self._emit("agent")
        if on and not self._loading:
            self.agent_name.setFocus()

    def _load(self, form: dict[str, Any]) -> None:
        c = form["customer"]
        screen = form.get("screen") or {}
        self._known = screen.get("known_customer")
        self._confirmed_phone = str(screen.get("confirmed_phone") or "")
        (self.corporate if c.get("kind") == CustomerKind.CORPORATE.value else self.individual).setChecked(True)
        self._kind_changed()
        self.name.setText(c.get("name") or "")
        self.id_type.setCurrentIndex(max(0, self.id_type.findData(c.get("id_type") or "resident_id")))
        for widget, key in ((self.id_number, "id_number"), (self.phone, "phone"),
                            (self.address, "address"), (self.credit_code, "credit_code"),
                            (self.contact_person, "contact_person")):
            widget.setText(c.get(key) or "")
        self.search.setText(screen.get("search") or "")
        self.representative.load(form.get("corporate_representative"))
        agent = form.get("agent")
        self.has_agent.setChecked(agent is not None)
        self.agent_box.setVisible(agent is not None)
        a = agent or empty_agent()
        self.agent_name.setText(a.get("name") or "")
        self.agent_id_type.setCurrentIndex(max(0, self.agent_id_type.findData(a.get("id_type"))))
        self.agent_id_number.setText(a.get("id_number") or "")
        self.agent_phone.setText(a.get("phone") or "")
        self.agent_relationship.setText(a.get("relationship") or "")
        self.agent_power.setChecked(bool(a.get("power_of_attorney")))
        self.agent_power_document.setText(a.get("power_of_attorney_document") or "")
        self._show_known()
        if self._known is not None:
            self.use_known(str(self._known["id"]))

    def store(self, form: dict[str, Any]) -> None:
        corporate = self.corporate.isChecked()
        form["customer"] = {
            "kind": CustomerKind.CORPORATE.value if corporate else CustomerKind.INDIVIDUAL.value,
            "name": self.name.text(),
            "id_type": None if corporate else self.id_type.currentData(),
            "id_number": "" if corporate else self.id_number.text(),
            "phone": self.phone.text(), "address": self.address.text(),
            "credit_code": self.credit_code.text() if corporate else "",
            "contact_person": self.contact_person.text() if corporate else "",
            "existing_id": self._known["id"] if self._known else None,
        }
        form["corporate_representative"] = self.representative.value() if corporate else None
        form["agent"] = None if not self.has_agent.isChecked() else {
            "name": self.agent_name.text(), "id_type": self.agent_id_type.currentData(),
            "id_number": self.agent_id_number.text(), "phone": self.agent_phone.text(),
            "relationship": self.agent_relationship.text(),
            "power_of_attorney": self.agent_power.isChecked(),
            "power_of_attorney_document": self.agent_power_document.text(),
        }
        form.setdefault("screen", {})["known_customer"] = self._known
        form["screen"]["confirmed_phone"] = self._confirmed_phone if self.phone_confirmed() else ""
        form["screen"]["search"] = self.search.text()

    def show_messages(self, messages: dict[str, str]) -> None:
        self.form.show_messages(messages)
        self.agent_form.show_messages(messages)
        self.representative.show_messages(messages)

    def phone_confirmed(self) -> bool:
        """The clerk confirmed the phone now typed replaces the known customer's on file."""
        typed = self.phone.text().strip()
        return self._known is not None and bool(typed) and typed == self._confirmed_phone

    def field_rows(self) -> list[FieldRow]:
        rows = list(self.form.rows.values())
        if self.corporate.isChecked():
            rows += list(self.representative.rows.values())
        if self.has_agent.isChecked():
            rows += list(self.agent_form.rows.values())
        return rows

    def needs_input(self, row: FieldRow) -> bool:
        if self._known is not None and row.path in ("customer.id_number", "customer.phone",
                                                    "customer.credit_code"):
            return False  # left empty, the one on file is kept
        return super().needs_input(row)

    def focus_first(self) -> None:
        """A new intake starts at the name (Ctrl+K goes to the search for a known customer);
        a restored one at its first field still empty."""
        super().focus_first()

    def focus_field(self, path: str) -> bool:
        row = (self.form.rows.get(path) or self.agent_form.rows.get(path)
               or self.representative.rows.get(path))
        if row is None or not row.widget.isVisibleTo(self):
            return False
        row.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def retranslate(self) -> None:
        relabel(self.find_action, ActionId.FIND_CUSTOMER)
        self._search_label.setText(self.tr("F&ind"))
        self.search.setPlaceholderText(self.tr("ID number, phone or name"))
        self.search.setAccessibleName(self.tr("Find a customer by ID number, phone or name"))
        self.find_button.setText(self.tr("Find"))
        self.find_button.setToolTip(self.find_action.toolTip())
        self.find_button.setAccessibleName(self.tr("Find customer"))
        self.new_button.setText(self.tr("New customer"))
        self.new_button.setAccessibleName(self.tr("New customer"))
        self.new_button.setToolTip(self.tr("New customer (Enter in an empty search box)"))
        self.results.setAccessibleName(self.tr("Customers found"))
        self.history.setAccessibleName(self.tr("This customer's complaints"))
        self._history_label.setText(self.tr("Earlier and open complaints of this customer"))
        self.known.setAccessibleName(self.tr("Customer on file"))
        self.repeat_warning.setAccessibleName(self.tr("Repeat complaint warning"))
        self._kind_label.setText(self.tr("Customer is"))
        self.individual.setText(labels.label(labels.CUSTOMER_KIND, "individual"))
        self.corporate.setText(labels.label(labels.CUSTOMER_KIND, "corporate"))
        self.individual.setAccessibleName(self.tr("Individual customer"))
        self.corporate.setAccessibleName(self.tr("Company customer"))
        corporate = self.corporate.isChecked()
        rows = self.form.rows
        rows["customer.name"].set_label(
            self.tr("Company na&me") if corporate else self.tr("Na&me"),
            self.tr("Company name") if corporate else self.tr("Customer name"), required=True)
        rows["customer.id_type"].set_label(self.tr("ID &document"), self.tr("ID document type"),
                                           required=True)
        rows["customer.id_number"].set_label(self.tr("ID n&umber"), self.tr("ID number"), required=True)
        rows["customer.phone"].set_label(self.tr("&Phone"), self.tr("Phone"), required=True)
        rows["customer.credit_code"].set_label(self.tr("Credi&t code"),
                                               self.tr("Unified social credit code"), required=True)
        rows["customer.contact_person"].set_label(self.tr("Contact pe&rson"), self.tr("Contact person"),
                                                  required=True)
        rows["customer.address"].set_label(self.tr("&Address"), self.tr("Address"))
        for combo in (self.id_type, self.agent_id_type):
            for i in range(combo.count()):
                combo.setItemText(i, labels.label(labels.ID_TYPE, str(combo.itemData(i))))
        self.has_agent.setText(self.tr("Someone is complaining on the customer's behalf (a&gent)"))
        self.has_agent.setAccessibleName(self.tr("Agent acting for the customer"))
        self.agent_box.setTitle(self.tr("Agent"))
        a = self.agent_form.rows
        a["agent.name"].set_label(self.tr("Agent's name"), self.tr("Agent's name"), required=True)
        a["agent.id_type"].set_label(self.tr("Agent's ID document"), self.tr("Agent's ID document type"),
                                     required=True)
        a["agent.id_number"].set_label(self.tr("Agent's ID number"), self.tr("Agent's ID number"),
                                       required=True)
        a["agent.phone"].set_label(self.tr("Agent's phone"), self.tr("Agent's phone"), required=True)
        a["agent.relationship"].set_label(self.tr("Relationship"),
                                          self.tr("Agent's relationship to the customer"), required=True)
        a["agent.power_of_attorney"].set_label(self.tr("Power of attorney"),
                                               self.tr("Power of attorney seen"))
        self.agent_power.setText(self.tr("Seen and copied"))
        a["agent.power_of_attorney_document"].set_label(
            self.tr("Power of attorney document"),
            self.tr("What the power of attorney is, e.g. notarised or written authorisation"))
        self.agent_power_document.setPlaceholderText(self.tr("e.g. notarised power of attorney"))
        self._show_known()
