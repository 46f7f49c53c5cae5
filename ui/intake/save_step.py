"""Intake step 5: save — with the resolution when the complaint is settled at the counter —
then offer the receipt (a print preview, from which it prints or is saved as PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import Outcome
from ui import labels, spacing
from ui.actions import ActionId, tooltip
from ui.intake.fields import FieldForm, FieldRow
from ui.intake.step import IntakeStep

if TYPE_CHECKING:
    from ui.context import AppContext


@dataclass(frozen=True, slots=True)
class SaveResult:
    complaint_id: str
    reference: str
    decision_due: datetime
    closed: bool = False  # settled at the counter: recorded, resolved and closed in one go
    after_close: bool = False  # recorded after today's day-end close
    business_date: date | None = None  # the business date it counts on


class SaveStep(IntakeStep):
    prefixes = ("resolution",)
    save_requested = Signal()
    print_requested = Signal()
    open_case_requested = Signal()
    another_requested = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.intro = QLabel(self)
        self.intro.setObjectName("save_intro")
        self.intro.setWordWrap(True)
        self.resolution_box = QGroupBox(self)
        self.resolution_box.setObjectName("resolution")
        self.resolution_form = FieldForm()
        self.outcome = QComboBox(self)
        for outcome in Outcome:
            self.outcome.addItem("", outcome.value)
        self.findings = QPlainTextEdit(self)
        self.findings.setTabChangesFocus(True)
        self.findings.setMaximumHeight(90)
        # What the letter tells the customer, in the second person: prefilled from what was
        # recorded (today, the request), completed by the clerk; never their notes verbatim.
        self.customer_summary = QPlainTextEdit(self)
        self.customer_summary.setObjectName("customer_summary")
        self.customer_summary.setTabChangesFocus(True)
        self.customer_summary.setMaximumHeight(90)
        self.verification = QLineEdit(self)
        self.basis = QLineEdit(self)
        self.remedy = QLineEdit(self)
        self.compensation = QLineEdit(self)
        self.compensation.setPlaceholderText("0.00")
        self.satisfaction = QSpinBox(self)
        self.satisfaction.setRange(0, 5)
        self.confirmed = QCheckBox(self)
        for path, widget in (("resolution.outcome", self.outcome),
                             ("resolution.findings", self.findings),
                             ("resolution.customer_summary", self.customer_summary),
                             ("resolution.verification", self.verification),
                             ("resolution.basis", self.basis),
                             ("resolution.remedy", self.remedy),
                             ("resolution.compensation", self.compensation),
                             ("resolution.satisfaction", self.satisfaction),
                             ("resolution.confirmed", self.confirmed)):
            self.resolution_form.add(path, widget, self.resolution_box)
        self.resolution_box.setLayout(self.resolution_form)
        self.outcome.currentIndexChanged.connect(lambda _i: self._emit("resolution.outcome"))
        self.findings.textChanged.connect(lambda: self._emit("resolution.findings"))
        self.customer_summary.textChanged.connect(
            lambda: self._emit("resolution.customer_summary"))
        self.verification.textEdited.connect(lambda _t: self._emit("resolution.verification"))
        self.basis.textEdited.connect(lambda _t: self._emit("resolution.basis"))
        self.remedy.textEdited.connect(lambda _t: self._emit("resolution.remedy"))
        self.compensation.textEdited.connect(lambda _t: self._emit("resolution.compensation"))
        self.satisfaction.valueChanged.connect(lambda _v: self._emit("resolution.satisfaction"))
        self.confirmed.toggled.connect(lambda _c: self._emit("resolution.confirmed"))

        self.save_button = QPushButton(self)
        self.save_button.setObjectName("save_complaint_button")
        self.result = QLabel(self)
        self.result.setObjectName("save_result")
        self.result.setWordWrap(True)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("print_receipt_button")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("open_saved_case_button")
        self.another_button = QPushButton(self)
        self.another_button.setObjectName("another_complaint_button")
        self.after = QWidget(self)
        after_row = QHBoxLayout(self.after)
        after_row.setContentsMargins(0, 0, 0, 0)
        for button in (self.print_button, self.open_button, self.another_button):
            after_row.addWidget(button)
        after_row.addStretch(1)
        self.after.hide()
        self.result.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing.SECTION_GAP)
        layout.addWidget(self.intro)
        layout.addWidget(self.resolution_box)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        layout.addLayout(save_row)
        layout.addWidget(self.result)
        layout.addWidget(self.after)
        layout.addStretch(1)

        self.save_button.clicked.connect(self.save_requested)
        self.print_button.clicked.connect(self.print_requested)
        self.open_button.clicked.connect(self.open_case_requested)
        self.another_button.clicked.connect(self.another_requested)
        self._resolving = False
        self._summary_started = False  # the customer-facing summary was prefilled or restored
        self._saved: SaveResult | None = None
        self.retranslate()

    def title(self) -> str:
        return self.tr("Save")

    @property
    def saved(self) -> SaveResult | None:
        return self._saved

    def set_resolving(self, on: bool) -> None:
        self._resolving = on
        self.resolution_box.setVisible(on and self._saved is None)
        self.retranslate()

    def _load(self, form: dict[str, Any]) -> None:
        r = form.get("resolution") or {}
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(r.get("outcome") or "upheld")))
        self.findings.setPlainText(str(r.get("findings") or ""))
        self.customer_summary.setPlainText(str(r.get("customer_summary") or ""))
        self._summary_started = self._summary_started or bool(r.get("customer_summary"))
        self.verification.setText(str(r.get("verification") or ""))
        self.basis.setText(str(r.get("basis") or ""))
        self.remedy.setText(str(r.get("remedy") or ""))
        self.compensation.setText(str(r.get("compensation") or ""))
        self.satisfaction.setValue(int(r.get("satisfaction") or 0))
        self.confirmed.setChecked(bool(r.get("confirmed")))
        self.set_resolving(bool(form.get("resolved_on_spot")))

    def store(self, form: dict[str, Any]) -> None:
        form["resolution"] = {
            "outcome": str(self.outcome.currentData()), "findings": self.findings.toPlainText(),
            "customer_summary": self.customer_summary.toPlainText(),
            "verification": self.verification.text(), "basis": self.basis.text(),
            "remedy": self.remedy.text(), "compensation": self.compensation.text(),
            "satisfaction": self.satisfaction.value(), "confirmed": self.confirmed.isChecked(),
        }

    def entered(self, form: dict[str, Any]) -> None:
        self.set_resolving(bool(form.get("resolved_on_spot")))
        if self._resolving and not self._summary_started:
            self.prefill_summary(str(form.get("request") or ""))

    def prefill_summary(self, request: str) -> None:
        """Start the customer-facing summary from today and the request typed (once: a
        summary the clerk cleared stays cleared, and saving asks for it)."""
        from desktop.services.documents import customer_summary_opening

        self._summary_started = True

        today = self._app.now().astimezone(self._app.branch.zone).date()
        self.customer_summary.setPlainText(
            customer_summary_opening(today, request, locale=self._app.locale))

    def show_messages(self, messages: dict[str, str]) -> None:
        self.resolution_form.show_messages(messages)

    def focus_first(self) -> None:
        if self._saved is not None:
            self.print_button.setFocus()
        elif self._resolving:
            self.outcome.setFocus()
        else:
            self.save_button.setFocus()

    def field_rows(self) -> list[FieldRow]:
        return list(self.resolution_form.rows.values()) if self._resolving else []

    def focus_field(self, path: str) -> bool:
        row = self.resolution_form.rows.get(path)
        if row is None:
            return False
        row.widget.setFocus()
        return True

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy and self._saved is None)

    def show_saved(self, result: SaveResult) -> None:
        self._saved = result
        self.save_button.hide()
        self.resolution_box.hide()
        self.result.show()
        self.after.show()
        self.retranslate()
        self.focus_first()

    def retranslate(self) -> None:
        saved = self._saved
        if saved is None:
            self.intro.setText(self.tr("Check the review, then save. The complaint gets its reference "
                                       "number and the receipt can be printed.") if not self._resolving
                               else self.tr("Settled at the counter: record the outcome and the "
                                            "customer's confirmation, then save. The complaint is "
                                            "recorded, resolved and closed in one go."))
        else:
            self.intro.setText(self.tr("Saved."))
            due = labels.format_datetime(saved.decision_due, self._app.branch.zone)
            text = self.tr("Complaint {reference} recorded. Decision due by {due}.").format(
                reference=saved.reference, due=due)
            if saved.closed:
                text = self.tr("Complaint {reference} recorded, resolved and closed.").format(
                    reference=saved.reference)
            if saved.after_close and saved.business_date is not None:
                text += "\n" + self.tr(
                    "Today's business day is already closed: this complaint counts on the next "
                    "business day, {date}.").format(date=saved.business_date.isoformat())
            self.result.setText(text)
        self.intro.setAccessibleName(self.tr("What happens when you save"))
        self.result.setAccessibleName(self.tr("Saved complaint"))
        self.resolution_box.setTitle(self.tr("Resolution at the counter"))
        rows = self.resolution_form.rows
        rows["resolution.outcome"].set_label(self.tr("&Outcome"), self.tr("Outcome"), required=True)
        rows["resolution.findings"].set_label(self.tr("&Findings"), self.tr("Findings"), required=True)
        rows["resolution.customer_summary"].set_label(
            self.tr("Findings for the c&ustomer's letter"),
            self.tr("Findings as the letter tells them to the customer"), required=True)
        rows["resolution.verification"].set_label(self.tr("How it &was verified"),
                                                  self.tr("How the complaint was verified"))
        rows["resolution.basis"].set_label(self.tr("Bas&is and reasons"), self.tr("Basis and reasons"))
        rows["resolution.remedy"].set_label(self.tr("&Remedy"), self.tr("Remedy"))
        rows["resolution.compensation"].set_label(self.tr("Com&pensation"), self.tr("Compensation in yuan"))
        rows["resolution.satisfaction"].set_label(self.tr("Satisfaction (1–5)"),
                                                  self.tr("Customer satisfaction, 1 to 5; 0 if not asked"))
        rows["resolution.confirmed"].set_label(self.tr("Customer's confirmation"),
                                               self.tr("Customer confirms it is settled"), required=True)
        self.satisfaction.setSpecialValueText(self.tr("not asked"))
        self.confirmed.setText(self.tr("The customer confir&ms the complaint is settled"))
        for i in range(self.outcome.count()):
            self.outcome.setItemText(i, labels.label(labels.OUTCOME, str(self.outcome.itemData(i))))
        self.save_button.setText(self.tr("&Save the complaint"))
        self.save_button.setToolTip(tooltip(ActionId.SAVE_COMPLAINT))
        self.save_button.setAccessibleName(self.tr("Save the complaint"))
        self.print_button.setText(self.tr("&Print receipt …"))
        self.print_button.setToolTip(tooltip(ActionId.PRINT_RECEIPT))
        self.print_button.setAccessibleName(self.tr("Print the receipt (preview, print or save as PDF)"))
        self.open_button.setText(self.tr("&Open the case"))
        self.open_button.setAccessibleName(self.tr("Open the saved case"))
        self.open_button.setToolTip(self.tr("Open the saved case (Alt+O)"))
        self.another_button.setText(self.tr("&Next customer"))
        self.another_button.setAccessibleName(self.tr("Start the next complaint"))
        self.another_button.setToolTip(self.tr("Start the next complaint (Alt+N)"))
