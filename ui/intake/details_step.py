"""Intake step 3: what happened and when, the product, the amount involved, what the customer
asks for, how and when to contact them, and the staff member (from the roster) or the
branch's unit (from the list HQ publishes) complained about."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import Channel
from ui import labels
from ui.intake.fields import chain_tab_order
from ui.intake.group_box import GroupComplaintBox
from ui.intake.step import IntakeStep

if TYPE_CHECKING:
    from desktop.services.context import ServiceContext
    from desktop.services.units import Unit
    from ui.context import AppContext

CONTACT_CHANNELS = ("phone", "sms", "letter", "email", "in_person")


def _text_box(parent: QWidget) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)  # Tab leaves the box; Enter starts a new line
    box.setMinimumHeight(70)
    return box


class DetailsStep(IntakeStep):
    prefixes = ("channel", "description", "request", "product", "amount", "incident_date",
                "contact_channel", "contact_time", "complained_about", "complained_unit", "grounds",
                "recording_reference", "group")

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.channel = QComboBox(self)
        for channel in Channel:
            self.channel.addItem("", channel.value)
        self.incident_date = QLineEdit(self)
        self.incident_date.setPlaceholderText("2025-03-01")
        self.description = _text_box(self)
        self.product = QLineEdit(self)
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText("1234.56")
        self.request = _text_box(self)
        self.contact_channel = QComboBox(self)
        for value in CONTACT_CHANNELS:
            self.contact_channel.addItem("", value)
        self.contact_time = QLineEdit(self)
        self.complained_about = QLineEdit(self)
        # Recusal (回避) needs to know who: the roster offers itself as the clerk types a name or
        # number; anything else (a unit, an outsider) stays free text.
        self.roster: dict[str, str] = {}
        self._roster_model = QStringListModel(self)
        self.staff_picker = QCompleter(self._roster_model, self)
        self.staff_picker.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.staff_picker.setFilterMode(Qt.MatchFlag.MatchContains)
        self.complained_about.setCompleter(self.staff_picker)
        self.staff_picker.activated.connect(lambda _t: self._emit("complained_about"))
        self.units: list[Unit] = []
        self._pending_unit = ""
        # ... and the branch's units as HQ publishes them, picked from a list (none: not a unit).
        self.complained_unit = QComboBox(self)
        self.complained_unit.addItem("", "")
        self._units_loaded = False
        self.grounds = QLineEdit(self)
        self.recording_reference = QLineEdit(self)
        # What every complaint needs comes first, so Tab goes from one to the next; the
        # details a customer may or may not have follow.
        for path, widget in (("description", self.description), ("request", self.request),
                             ("recording_reference", self.recording_reference),
                             ("channel", self.channel),
                             ("incident_date", self.incident_date), ("product", self.product),
                             ("amount", self.amount),
                             ("contact_channel", self.contact_channel),
                             ("contact_time", self.contact_time),
                             ("complained_about", self.complained_about),
                             ("complained_unit", self.complained_unit),
                             ("grounds", self.grounds)):
            self.form.add(path, widget, self)
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _t, p=path: self._emit(p))
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda _i, p=path: self._emit(p))
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(lambda p=path: self._emit(p))
        self.channel.currentIndexChanged.connect(lambda _i: self._label_recording())
        chain_tab_order(*(row.widget for row in self.form.rows.values()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        self.group = GroupComplaintBox(app, self)
        layout.addWidget(self.group)
        layout.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Details")

    def entered(self, form: dict[str, Any]) -> None:
        super().entered(form)
        self.group.ask_limit()
        if not self.roster:
            self._app.worker.query(self, _roster, self._roster_loaded)
        if not self._units_loaded:
            self._app.worker.query(self, _units, self._units_arrived)

    def _units_arrived(self, units: list[Unit]) -> None:
        chosen = self.complained_unit.currentData()
        self._units_loaded, self.units = True, units
        self.complained_unit.blockSignals(True)
        for unit in units:
            self.complained_unit.addItem(unit.name(self._app.locale), unit.code)
        self.complained_unit.setCurrentIndex(max(0, self.complained_unit.findData(
            self._pending_unit or chosen)))
        self.complained_unit.blockSignals(False)

    def _roster_loaded(self, roster: dict[str, str]) -> None:
        self.roster = roster
        self._roster_model.setStringList([f"{number} {name}" for number, name in sorted(roster.items())])

    def show_messages(self, messages: dict[str, str]) -> None:
        super().show_messages(messages)
        self.group.show_messages(messages)

    def complained_staff(self) -> str:
        """The roster number the complained-about text names first, else '' (free text)."""
        first = (self.complained_about.text().split() or [""])[0].upper()
        return first if first in self.roster else ""

    def _label_recording(self) -> None:
        """The recording reference is required on the channels the policy names (CBIRC: a
        complaint made at the counter names the branch's recording of it)."""
        needed = str(self.channel.currentData()) in self._app.branch.recording_reference_channels
        self.form.rows["recording_reference"].set_label(
            self.tr("Rec&ording reference"),
            self.tr("Counter or camera number and time window of the branch's recording"),
            required=needed)

    def _load(self, form: dict[str, Any]) -> None:
        self.channel.setCurrentIndex(max(0, self.channel.findData(form.get("channel") or "counter")))
        self.incident_date.setText(str(form.get("incident_date") or ""))
        self.description.setPlainText(str(form.get("description") or ""))
        self.product.setText(str(form.get("product") or ""))
        self.amount.setText(str(form.get("amount") or ""))
        self.request.setPlainText(str(form.get("request") or ""))
        self.contact_channel.setCurrentIndex(
            max(0, self.contact_channel.findData(form.get("contact_channel") or "phone")))
        self.contact_time.setText(str(form.get("contact_time") or ""))
        self.complained_about.setText(str(form.get("complained_about") or ""))
        self._pending_unit = str(form.get("complained_unit") or "")  # once the units are read
        self.complained_unit.setCurrentIndex(max(0, self.complained_unit.findData(self._pending_unit)))
        self.grounds.setText(str(form.get("grounds") or ""))
        self.recording_reference.setText(str(form.get("recording_reference") or ""))
        self.group.load(form.get("group"))

    def store(self, form: dict[str, Any]) -> None:
        form["channel"] = str(self.channel.currentData())
        form["incident_date"] = self.incident_date.text()
        form["description"] = self.description.toPlainText()
        form["product"] = self.product.text()
        form["amount"] = self.amount.text()
        form["request"] = self.request.toPlainText()
        form["contact_channel"] = str(self.contact_channel.currentData())
        form["contact_time"] = self.contact_time.text()
        form["complained_about"] = self.complained_about.text()
        form["complained_staff"] = self.complained_staff()
        form["complained_unit"] = str(self.complained_unit.currentData() or "")
        form["group"] = self.group.value()
        form["grounds"] = self.grounds.text()
        form["recording_reference"] = self.recording_reference.text()

    def retranslate(self) -> None:
        rows = self.form.rows
        rows["channel"].set_label(self.tr("&Received by"), self.tr("How the complaint reached the bank"))
        rows["incident_date"].set_label(self.tr("When it happene&d"), self.tr("Date it happened"))
        rows["description"].set_label(self.tr("&What happened"), self.tr("What happened"), required=True)
        rows["product"].set_label(self.tr("&Product"), self.tr("Product or service"))
        rows["amount"].set_label(self.tr("A&mount involved"), self.tr("Amount involved in yuan"))
        rows["request"].set_label(self.tr("What the customer as&ks for"),
                                  self.tr("What the customer asks for"), required=True)
        rows["contact_channel"].set_label(self.tr("Contact b&y"), self.tr("Preferred contact channel"))
        rows["contact_time"].set_label(self.tr("Contact &time"), self.tr("Preferred contact time"))
        rows["complained_about"].set_label(self.tr("Staff or &unit complained about"),
                                           self.tr("Staff or unit complained about"))
        rows["complained_unit"].set_label(self.tr("Un&it complained about"),
                                          self.tr("The branch's unit complained about"))
        self.complained_unit.setItemText(0, self.tr("(not a unit of the branch)"))
        for i, unit in enumerate(self.units, start=1):
            self.complained_unit.setItemText(i, unit.name(self._app.locale))
        rows["grounds"].set_label(self.tr("&Grounds"), self.tr("Why the customer thinks they are right"))
        self._label_recording()
        self.recording_reference.setPlaceholderText(self.tr("e.g. counter 3 camera, 09:00-10:30"))
        self.contact_time.setPlaceholderText(self.tr("e.g. weekdays after 18:00"))
        self.product.setPlaceholderText(self.tr("e.g. credit card, mobile banking"))
        for i in range(self.channel.count()):
            self.channel.setItemText(i, labels.label(labels.CHANNEL, str(self.channel.itemData(i))))
        for i in range(self.contact_channel.count()):
            self.contact_channel.setItemText(
                i, labels.label(labels.CONTACT_CHANNEL, str(self.contact_channel.itemData(i))))


def _roster(ctx: ServiceContext) -> dict[str, str]:
    from desktop.services.roster import staff_names

    return staff_names(ctx)


def _units(ctx: ServiceContext) -> list[Unit]:
    from desktop.services.units import branch_units

    return branch_units(ctx)
