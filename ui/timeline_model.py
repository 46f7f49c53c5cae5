"""A complaint's timeline as a table model: when, who, what, and the details of each event."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
)

from desktop.domain.projection import event_order
from ui import labels
from ui.i18n import QT_TRANSLATE_NOOP
from ui.item_models import RowsModel

if TYPE_CHECKING:
    from desktop.domain.model import Event
    from ui.context import AppContext

COLUMNS = (
    QT_TRANSLATE_NOOP("TimelineModel", "When"),
    QT_TRANSLATE_NOOP("TimelineModel", "Who"),
    QT_TRANSLATE_NOOP("TimelineModel", "What"),
    QT_TRANSLATE_NOOP("TimelineModel", "Details"),
)


class TimelineModel(RowsModel["Event"]):
    context = "TimelineModel"
    columns = COLUMNS

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent, app.languages)
        self._app = app
        self._names: dict[str, str] = {}

    def set_events(self, events: list[Event], staff_names: dict[str, str] | None = None) -> None:
        self._names = dict(staff_names or {})
        self.set_rows(sorted(events, key=event_order))

    def cell(self, event: Event, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            match column:
                case 0:
                    return labels.format_datetime(event.occurred_at, self._app.branch.zone)
                case 1:
                    name = self._names.get(event.actor, "")
                    role_text = labels.label(labels.ROLE, event.actor_role.value)
                    return f"{name} ({event.actor}, {role_text})" if name else f"{event.actor} ({role_text})"
                case 2:
                    return labels.label(labels.EVENT, event.kind.value)
                case 3:
                    return self.details(event)
        return None

    def details(self, event: Event) -> str:
        p = event.payload
        zone = self._app.branch.zone
        match event.kind.value:
            case "received":
                return QCoreApplication.translate("TimelineModel", "Reference {reference}, received by: {channel}").format(
                    reference=p.get("reference", ""), channel=labels.label(labels.CHANNEL, p.get("channel")))
            case "note":
                return str(p.get("text", ""))
            case "contact_attempt":
                reached = QCoreApplication.translate("TimelineModel", "reached") if p.get("reached") else QCoreApplication.translate("TimelineModel", "not reached")
                text = f"{labels.label(labels.CONTACT_CHANNEL, p.get('channel'))}: {reached}"
                return f"{text}. {p['text']}" if p.get("text") else text
            case "assigned":
                return QCoreApplication.translate("TimelineModel", "Now handled by {who}").format(who=p.get("assignee", ""))
            case "escalated":
                return QCoreApplication.translate("TimelineModel", "Level {level}: {reason}").format(level=p.get("level", ""),
                                                            reason=p.get("reason", ""))
            case "deadline_extended":
                from datetime import datetime

                due = p.get("new_due")
                when = labels.format_datetime(datetime.fromisoformat(due), zone) if due else ""
                return QCoreApplication.translate("TimelineModel", "New deadline {due} (extension {level}, approved by {approver}): {reason}").format(
                    due=when, level=p.get("level", ""), approver=p.get("approver", ""),
                    reason=p.get("reason", ""))
            case "deadline_recounted":
                from datetime import datetime

                def shown(key: str) -> str:
                    value = p.get(key)
                    return labels.format_datetime(datetime.fromisoformat(value), zone) if value else ""

                return QCoreApplication.translate(
                    "TimelineModel", "Counted again on the working-day calendar HQ published: {previous} → {due}").format(
                    previous=shown("previous_due"), due=shown("new_due"))
            case "resolved" | "hq_decision":
                text = f"{labels.label(labels.OUTCOME, p.get('outcome'))}: {p.get('findings', '')}"
                if p.get("remedy"):
                    text += " · " + QCoreApplication.translate("TimelineModel", "Remedy: {remedy}").format(remedy=p["remedy"])
                if p.get("compensation"):
                    text += " · " + QCoreApplication.translate("TimelineModel", "Compensation: {amount}").format(amount=p["compensation"])
                return text
            case "satisfaction_recorded":
                text = QCoreApplication.translate("TimelineModel", "Score {score} of 5").format(score=p.get("score", ""))
                return f"{text}. {p['comment']}" if p.get("comment") else text
            case "reopened" | "withdrawn":
                return str(p.get("reason", ""))
            case "linked":
                return QCoreApplication.translate("TimelineModel", "Related to {reference}").format(reference=p.get("related_reference", ""))
            case "identity_exported":
                return QCoreApplication.translate(
                    "TimelineModel", "Worklist exported with identity to a {format} file: "
                    "complaints {rows}, customers {customers}").format(
                    format=str(p.get("file_format", "")).upper(), rows=p.get("rows", ""),
                    customers=p.get("customers", ""))
            case "document_printed":
                from desktop.domain.documents import document_name

                document = str(p.get("document") or "")
                return QCoreApplication.translate("TimelineModel", "{document}, copy {copy}").format(
                    document=document_name(document, labels.ui_locale()) if document else "",
                    copy=p.get("copy", ""))
        return ""
