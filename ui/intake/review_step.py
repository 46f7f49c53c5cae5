"""Intake step 4: everything on one screen with identity masked, the decision deadline the
policy gives, a repeat-complaint warning, and the customer's consent to processing their
personal information."""

from __future__ import annotations

import copy
import html
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QCheckBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop.domain.categories import category_label
from desktop.services.intake import ReviewFacts, review_facts
from ui import labels, spacing
from ui.intake.step import IntakeStep

if TYPE_CHECKING:
    from desktop.services.context import ServiceContext
    from ui.context import AppContext

WARNING_STYLE = labels.WARNING_STYLE


def _money(value: Any) -> str:
    """The amount as money if it reads as one, else as typed."""
    from desktop.domain.errors import ValidationError
    from desktop.domain.validation import validate_amount

    if value in (None, ""):
        return ""
    try:
        return labels.format_money(validate_amount(value))
    except ValidationError:
        return str(value)


class ReviewStep(IntakeStep):
    prefixes = ("consent",)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self._form: dict[str, Any] = {}
        self._facts: ReviewFacts | None = None
        self.summary = QTextBrowser(self)
        self.summary.setObjectName("review_summary")
        self.summary.setOpenLinks(False)
        self.deadline = QLabel(self)
        self.deadline.setObjectName("review_deadline")
        self.deadline.setWordWrap(True)
        self.repeats = QLabel(self)
        self.repeats.setObjectName("review_repeats")
        self.repeats.setWordWrap(True)
        self.repeats.setStyleSheet(WARNING_STYLE)
        self.repeats.hide()
        # Link the new complaint to the earliest one about the same matter: the regulator
        # counts a repeat once (desktop.services.intake.Intake.repeat_of).
        self.link_repeat = QCheckBox(self)
        self.link_repeat.setObjectName("field:repeat_of")
        self.link_repeat.hide()
        self.link_repeat.toggled.connect(lambda _c: self._emit("repeat_of"))
        self.risks = QLabel(self)
        self.risks.setObjectName("review_risks")
        self.risks.setWordWrap(True)
        self.risks.setStyleSheet(WARNING_STYLE)
        self.risks.hide()
        self.risk_texts: list[str] = []
        self.consent = QCheckBox(self)
        self.resolve_on_spot = QCheckBox(self)
        self.resolve_on_spot.setObjectName("field:resolved_on_spot")
        self.form.add("consent", self.consent, self)
        self.consent.toggled.connect(lambda _c: self._emit("consent"))
        self.resolve_on_spot.toggled.connect(lambda _c: self._emit("resolved_on_spot"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing.GAP)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.deadline)
        layout.addWidget(self.repeats)
        layout.addWidget(self.link_repeat)
        layout.addWidget(self.risks)
        layout.addLayout(self.form)
        layout.addWidget(self.resolve_on_spot)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Review")

    def _load(self, form: dict[str, Any]) -> None:
        self.consent.setChecked(bool(form.get("consent")))
        self.resolve_on_spot.setChecked(bool(form.get("resolved_on_spot")))

    def store(self, form: dict[str, Any]) -> None:
        form["consent"] = self.consent.isChecked()
        form["resolved_on_spot"] = self.resolve_on_spot.isChecked()
        earlier = self._facts.repeats[-1] if self._facts and self._facts.repeats else None
        form["repeat_of"] = (earlier.complaint_id if earlier is not None
                             and self.link_repeat.isChecked() else None)

    def entered(self, form: dict[str, Any]) -> None:
        self._form = form
        self._facts = None
        self._render()
        customer_id = (form.get("customer") or {}).get("existing_id")
        bt, cause = str(form.get("business_type") or ""), str(form.get("cause") or "")
        typed = dict(form.get("customer") or {})  # found by its ID when typed, not picked

        def run(ctx: ServiceContext) -> ReviewFacts:
            return review_facts(ctx, customer_id, bt, cause, typed)

        self._app.worker.query(self, run, self._facts_arrived)
        locale, snapshot = self._app.locale, copy.deepcopy(form)  # the worker reads its own copy

        def risks(ctx: ServiceContext) -> list[str]:
            from desktop.services.risk import form_risk

            return [signal.explain(locale) for signal in form_risk(ctx, snapshot)]

        self._app.worker.query(self, risks, self._risks_arrived)

    def _risks_arrived(self, texts: list[str]) -> None:
        self.risk_texts = texts
        self.risks.setText(self.tr("Risk signals: {signals}").format(signals="; ".join(texts)))
        self.risks.setVisible(bool(texts))

    def _facts_arrived(self, facts: ReviewFacts) -> None:
        self._facts = facts
        self._render()

    def focus_first(self) -> None:
        self.consent.setFocus()

    # -- the summary --------------------------------------------------------------------------

    def _render(self) -> None:
        form, locale = self._form, self._app.locale
        taxonomy = self._app.categories()
        if not form:
            return
        rows: list[tuple[str, str]] = []
        c = form.get("customer") or {}
        known = (form.get("screen") or {}).get("known_customer") or {}
        corporate = c.get("kind") == "corporate"
        # The review shows what the clerk typed in full: they read it back against the ID
        # card. What comes from the file (not typed) stays masked.
        rows.append((self.tr("Customer"), c.get("name") or known.get("name") or ""))
        rows.append((self.tr("Customer is"), labels.label(labels.CUSTOMER_KIND, c.get("kind"))))
        if corporate:
            rows.append((self.tr("Credit code"), c.get("credit_code") or known.get("credit_code") or ""))
            rows.append((self.tr("Contact person"), c.get("contact_person") or ""))
        else:
            number = c.get("id_number") or known.get("id_number", "")
            rows.append((self.tr("ID document"), f"{labels.label(labels.ID_TYPE, c.get('id_type'))} {number}"))
        phone = c.get("phone") or known.get("phone", "")
        rows.append((self.tr("Phone"), phone))
        if c.get("address"):
            rows.append((self.tr("Address"), c["address"]))
        rep = form.get("corporate_representative")
        if c.get("kind") == "corporate" and isinstance(rep, dict):
            rows.append((labels.label(labels.CORPORATE_CAPACITY, str(rep.get("capacity") or "")),
                         " · ".join(str(v) for v in (
                             rep.get("name"), labels.label(labels.ID_TYPE, rep.get("id_type")),
                             rep.get("id_number"), rep.get("phone")) if v)))
        agent = form.get("agent")
        if agent:
            rows.append((self.tr("Agent"), "{name} · {relation} · {number}".format(
                name=agent.get("name") or "", relation=agent.get("relationship") or "",
                number=agent.get("id_number") or "")))
        bt, cause = str(form.get("business_type") or ""), str(form.get("cause") or "")
        rows.append((self.tr("Business type"), category_label(taxonomy, "business_type", bt, locale, full=True)))
        rows.append((self.tr("Cause"), category_label(taxonomy, "cause", cause, locale, full=True)))
        if form.get("business_channel"):
            rows.append((self.tr("Business channel"),
                         category_label(taxonomy, "channel", form["business_channel"], locale, full=True)))
        specs = {s.key: s for s in taxonomy.extra_fields(bt or None, cause or None)}
        for key, value in (form.get("extra_fields") or {}).items():
            spec = specs.get(key)
            shown = str(value)
            if spec is not None and spec.type.value == "masked_card":
                from desktop.domain.masking import mask_card

                shown = mask_card(shown)
            rows.append((spec.text(locale) if spec else key, shown))
        rows.append((self.tr("Received by"), labels.label(labels.CHANNEL, form.get("channel"))))
        rows.append((self.tr("When it happened"), str(form.get("incident_date") or "")))
        rows.append((self.tr("Product"), str(form.get("product") or "")))
        rows.append((self.tr("Amount involved"), _money(form.get("amount"))))
        rows.append((self.tr("What happened"), str(form.get("description") or "")))
        rows.append((self.tr("What the customer asks for"), str(form.get("request") or "")))
        rows.append((self.tr("Contact by"), "{channel} {time}".format(
            channel=labels.label(labels.CONTACT_CHANNEL, form.get("contact_channel")),
            time=form.get("contact_time") or "")))
        if form.get("complained_about"):
            rows.append((self.tr("Staff or unit complained about"), str(form["complained_about"])))
        if form.get("complained_unit"):
            rows.append((self.tr("Unit complained about"), str(form["complained_unit"])))
        cells = "".join(
            f"<tr><th align='left' valign='top' style='padding-right:12px'>{html.escape(k)}</th>"
            f"<td>{html.escape(v).replace(chr(10), '<br>')}</td></tr>" for k, v in rows if v.strip())
        self.summary.setHtml(f"<table cellspacing='4'>{cells}</table>")
        self._render_facts()

    def _render_facts(self) -> None:
        facts = self._facts
        if facts is None:
            self.deadline.setText(self.tr("Working out the decision deadline …"))
            self.repeats.hide()
            return
        policy = facts.policy_name.get(self._app.locale) or facts.policy_name.get("en", "")
        self.deadline.setText(self.tr("Decision due by {due} ({policy}). The receipt tells the "
                                      "customer this date.").format(
            due=labels.format_datetime(facts.decision_due, self._app.branch.zone), policy=policy))
        if facts.repeats:
            refs = ", ".join(r.reference for r in facts.repeats[:5])
            self.repeats.setText(self.tr(
                "Repeat complaint: this customer already has %n complaint(s) in this category "
                "({references}).", "", len(facts.repeats)).format(references=refs))
            self.repeats.show()
            earliest = facts.repeats[-1]
            self.link_repeat.setText(self.tr(
                "&Link it to {reference}: the same matter, counted once").format(
                reference=earliest.reference))
            self.link_repeat.show()
        else:
            self.repeats.hide()
            self.link_repeat.hide()
            self.link_repeat.setChecked(False)

    def retranslate(self) -> None:
        self.summary.setAccessibleName(self.tr("Summary of the complaint as typed"))
        self.link_repeat.setAccessibleName(self.tr("Link to the earlier complaint"))
        self.deadline.setAccessibleName(self.tr("Decision deadline"))
        self.repeats.setAccessibleName(self.tr("Repeat complaint warning"))
        self.risks.setAccessibleName(self.tr("Risk signals"))
        self.form.rows["consent"].set_label(self.tr("Consent"),
                                            self.tr("Consent to processing personal information"),
                                            required=True)
        self.consent.setText(self.tr("The customer &agrees that the bank processes their personal "
                                     "information to handle this complaint"))
        self.resolve_on_spot.setText(self.tr("Settled at the counter: &resolve and close it now"))
        self.resolve_on_spot.setAccessibleName(self.tr("Resolve on the spot"))
        self._render()
