"""What the screen calls the domain's values: statuses, outcomes, channels, roles, worklists,
event kinds, and how dates, money and time left are written in the current language.

Texts are marked here once and translated when shown, so a language switch
changes them everywhere. Time left is always words (never colour alone); the
colour that goes with it comes from `deadline_colour`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QObject, QTime
from PySide6.QtGui import QColor

from desktop.domain.model import EventKind
from desktop.domain.risk import SIGNAL_CODES
from desktop.i18n import term
from ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop.domain.policy import TimeLeft
    from desktop.domain.risk import RiskSignal

CONTEXT = "Labels"

# Statuses, outcomes and timeline entries are words of the core's vocabulary
# (desktop.i18n.term), shared with the documents, the CLI and the HQ console; the keys here
# list the codes in screen order.
STATUS = {code: f"term:status.{code}" for code in (
    "received", "acknowledged", "in_progress", "escalated", "resolved", "closed", "reopened",
    "withdrawn")}
OUTCOME = {code: f"term:outcome.{code}" for code in ("upheld", "partly_upheld", "not_upheld")}
CHANNEL = {
    "counter": QT_TRANSLATE_NOOP("Labels", "At the counter"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "web": QT_TRANSLATE_NOOP("Labels", "Website"),
    "mobile_app": QT_TRANSLATE_NOOP("Labels", "Mobile app"),
    "letter": QT_TRANSLATE_NOOP("Labels", "Letter"),
    "regulator_referral": QT_TRANSLATE_NOOP("Labels", "Regulator referral"),
}
CONTACT_CHANNEL = {
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone call"),
    "sms": QT_TRANSLATE_NOOP("Labels", "Text message"),
    "letter": QT_TRANSLATE_NOOP("Labels", "Letter"),
    "email": QT_TRANSLATE_NOOP("Labels", "Email"),
    "in_person": QT_TRANSLATE_NOOP("Labels", "In person at the branch"),
}
ROLE = {
    "teller": QT_TRANSLATE_NOOP("Labels", "Teller"),
    "supervisor": QT_TRANSLATE_NOOP("Labels", "Supervisor"),
    "manager": QT_TRANSLATE_NOOP("Labels", "Manager"),
    "auditor": QT_TRANSLATE_NOOP("Labels", "Auditor"),
    "hq_officer": QT_TRANSLATE_NOOP("Labels", "HQ officer"),
    "admin": QT_TRANSLATE_NOOP("Labels", "Administrator"),
}
# desktop.security.policy.Permission values, as a refusal names them to the user.
PERMISSION = {
    "case.view": QT_TRANSLATE_NOOP("Labels", "view cases"),
    "complaint.record": QT_TRANSLATE_NOOP("Labels", "record complaints"),
    "complaint.acknowledge": QT_TRANSLATE_NOOP("Labels", "acknowledge complaints"),
    "complaint.note": QT_TRANSLATE_NOOP("Labels", "add notes"),
    "complaint.contact": QT_TRANSLATE_NOOP("Labels", "log contact attempts"),
    "complaint.assign": QT_TRANSLATE_NOOP("Labels", "assign cases"),
    "complaint.escalate": QT_TRANSLATE_NOOP("Labels", "escalate to the expert panel"),
    "complaint.extend": QT_TRANSLATE_NOOP("Labels", "extend deadlines"),
    "complaint.resolve": QT_TRANSLATE_NOOP("Labels", "resolve complaints"),
    "complaint.print": QT_TRANSLATE_NOOP("Labels", "print case documents"),
    "complaint.satisfaction": QT_TRANSLATE_NOOP("Labels", "record satisfaction"),
    "complaint.close": QT_TRANSLATE_NOOP("Labels", "close cases"),
    "complaint.reopen": QT_TRANSLATE_NOOP("Labels", "reopen cases"),
    "complaint.withdraw": QT_TRANSLATE_NOOP("Labels", "record withdrawals"),
    "complaint.link": QT_TRANSLATE_NOOP("Labels", "link related complaints"),
    "complaint.hq_decide": QT_TRANSLATE_NOOP("Labels", "decide escalated cases for HQ"),
    "attachment.add": QT_TRANSLATE_NOOP("Labels", "add attachments"),
    "attachment.open": QT_TRANSLATE_NOOP("Labels", "open attachments"),
    "approve.extension": QT_TRANSLATE_NOOP("Labels", "approve a deadline extension"),
    "approve.reopen": QT_TRANSLATE_NOOP("Labels", "approve reopening a case"),
    "approve.compensation": QT_TRANSLATE_NOOP("Labels", "approve compensation"),
    "staff.manage": QT_TRANSLATE_NOOP("Labels", "manage staff accounts"),
    "staff.unlock": QT_TRANSLATE_NOOP("Labels", "unlock staff accounts"),
    "keys.manage": QT_TRANSLATE_NOOP("Labels", "manage encryption keys"),
    "audit.verify": QT_TRANSLATE_NOOP("Labels", "verify the audit trail"),
    "sync.run": QT_TRANSLATE_NOOP("Labels", "sync with HQ"),
    "report.day_end": QT_TRANSLATE_NOOP("Labels", "print the day-end report"),
    "report.statistics": QT_TRANSLATE_NOOP("Labels", "print statistics"),
}
# desktop.domain.states.Action values, as a refusal names them to the user.
CASE_ACTION = {
    "receive": QT_TRANSLATE_NOOP("Labels", "record the complaint"),
    "acknowledge": QT_TRANSLATE_NOOP("Labels", "acknowledge"),
    "add_note": QT_TRANSLATE_NOOP("Labels", "add a note"),
    "log_contact": QT_TRANSLATE_NOOP("Labels", "log a contact attempt"),
    "assign": QT_TRANSLATE_NOOP("Labels", "assign"),
    "escalate": QT_TRANSLATE_NOOP("Labels", "escalate"),
    "extend_deadline": QT_TRANSLATE_NOOP("Labels", "extend the deadline"),
    "resolve": QT_TRANSLATE_NOOP("Labels", "resolve"),
    "print_document": QT_TRANSLATE_NOOP("Labels", "print a document"),
    "record_satisfaction": QT_TRANSLATE_NOOP("Labels", "record satisfaction"),
    "close": QT_TRANSLATE_NOOP("Labels", "close the case"),
    "reopen": QT_TRANSLATE_NOOP("Labels", "reopen"),
    "withdraw": QT_TRANSLATE_NOOP("Labels", "withdraw"),
    "link": QT_TRANSLATE_NOOP("Labels", "link a related complaint"),
    "add_attachment": QT_TRANSLATE_NOOP("Labels", "add an attachment"),
    "hq_decide": QT_TRANSLATE_NOOP("Labels", "record HQ's decision"),
}
CUSTOMER_KIND = {
    "individual": QT_TRANSLATE_NOOP("Labels", "Individual"),
    "corporate": QT_TRANSLATE_NOOP("Labels", "Company"),
}
CORPORATE_CAPACITY = {
    "legal_representative": QT_TRANSLATE_NOOP("Labels", "Legal representative"),
    "principal_contact": QT_TRANSLATE_NOOP("Labels", "Principal contact"),
}
ID_TYPE = {
    "resident_id": QT_TRANSLATE_NOOP("Labels", "Resident ID card"),
    "passport": QT_TRANSLATE_NOOP("Labels", "Passport"),
    "hk_macao_permit": QT_TRANSLATE_NOOP("Labels", "Hong Kong/Macao permit"),
    "taiwan_permit": QT_TRANSLATE_NOOP("Labels", "Taiwan permit"),
    "foreign_permanent_resident": QT_TRANSLATE_NOOP("Labels", "Foreign permanent resident ID"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other document"),
}
WORKLIST = {
    "mine": QT_TRANSLATE_NOOP("Labels", "My cases"),
    "branch": QT_TRANSLATE_NOOP("Labels", "Branch (open)"),
    "due_soon": QT_TRANSLATE_NOOP("Labels", "Due soon"),
    "overdue": QT_TRANSLATE_NOOP("Labels", "Overdue"),
    "escalated": QT_TRANSLATE_NOOP("Labels", "Escalated"),
    "awaiting_customer": QT_TRANSLATE_NOOP("Labels", "Awaiting customer"),
    "extension_notice": QT_TRANSLATE_NOOP("Labels", "Extension notice not yet given"),
    "review": QT_TRANSLATE_NOOP("Labels", "Needs review"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
    "all": QT_TRANSLATE_NOOP("Labels", "All"),
    "actions_overdue": QT_TRANSLATE_NOOP("Labels", "Corrective actions overdue"),
}
EVENT = {kind.value: f"term:event.{kind.value}" for kind in EventKind}
RISK = {code: f"term:risk.{code}" for code in SIGNAL_CODES}  # a risk signal's short name
DEADLINE_STATE = {
    "on_time": QT_TRANSLATE_NOOP("Labels", "On time"),
    "due_soon": QT_TRANSLATE_NOOP("Labels", "Due soon"),
    "overdue": QT_TRANSLATE_NOOP("Labels", "Overdue"),
}

# A warning in a screen's text (repeat complaints, risk signals): dark amber on light amber.
WARNING_STYLE = "color: #8a4b00; background: #fff3e0; padding: 4px;"

# Foreground colours with enough contrast on white; the words carry the meaning too.
_DEADLINE_COLOURS = {"on_time": "#1b5e20", "due_soon": "#8a4b00", "overdue": "#b00020"}
_DEADLINE_BACKGROUNDS = {"on_time": "#e8f5e9", "due_soon": "#fff3e0", "overdue": "#fdecea"}


# Error parameters that carry a code the user should read in words (role, permission, action).
_CODED_PARAMS = {"role": ROLE, "permission": PERMISSION, "action": CASE_ACTION}


def readable_params(params: dict[str, object]) -> dict[str, object]:
    """An error's parameters with role, permission and action codes put in words
    ("teller" → 柜员); anything else, and an unknown code, is left as it is."""
    return {key: label(_CODED_PARAMS[key], str(value)) if key in _CODED_PARAMS and value else value
            for key, value in params.items()}


def risk_marker(signals: Sequence[RiskSignal]) -> str:
    """A compact cell for a complaint's risk signals: a warning sign and how many; "" for none."""
    return f"⚠ {len(signals)}" if signals else ""


def risk_explanations(signals: Sequence[RiskSignal], separator: str = "\n") -> str:
    """Each signal explaining itself, in the window's language."""
    locale = ui_locale()
    return separator.join(s.explain(locale) for s in signals)


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def ui_locale() -> str:
    """The window's language now (Languages sets Qt's default locale with it)."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def label(table: dict[str, str], code: str | None) -> str:
    """The translated label for `code` in `table`, or the code itself if unknown."""
    if code is None:
        return ""
    source = table.get(str(code))
    if source and source.startswith("term:"):
        kind, _, known = source[len("term:"):].partition(".")
        return term(kind, known, ui_locale())
    return _translate(source) if source else str(code)


class _Counts(QObject):
    """Texts with a number in them: lupdate recognises plural forms only in `self.tr`."""

    def overdue(self, days: int) -> str:
        return self.tr("Overdue by %n day(s)", "", days)

    def left(self, days: int) -> str:
        return self.tr("%n day(s) left", "", days)


def time_left_text(left: TimeLeft | None, status_open: bool = True) -> str:
    """Words for the time left, such as: Due soon: 2 days left; Overdue by 3 days."""
    if left is None or not status_open:
        return QCoreApplication.translate("Labels", "No deadline running")
    state = str(left.state)
    if state == "overdue":
        days = max(1, -left.days_left)
        return _Counts().overdue(days)
    prefix = label(DEADLINE_STATE, state)
    if left.days_left <= 0:
        return QCoreApplication.translate("Labels", "{state}: due today").format(state=prefix)
    return QCoreApplication.translate("Labels", "{state}: {days}").format(
        state=prefix, days=_Counts().left(left.days_left))


def deadline_colour(left: TimeLeft | None) -> QColor | None:
    if left is None:
        return None
    return QColor(_DEADLINE_COLOURS.get(str(left.state), "#000000"))


def deadline_background(left: TimeLeft | None) -> QColor | None:
    if left is None:
        return None
    return QColor(_DEADLINE_BACKGROUNDS.get(str(left.state), "#ffffff"))


def deadline_style(left: TimeLeft | None) -> str:
    """A style sheet for a label showing time left (text and colour together)."""
    if left is None:
        return ""
    state = str(left.state)
    return (f"color: {_DEADLINE_COLOURS.get(state, '#000')}; "
            f"background: {_DEADLINE_BACKGROUNDS.get(state, '#fff')}; padding: 2px 6px;")


def format_datetime(value: datetime | None, zone: ZoneInfo, short: bool = True) -> str:
    """A moment in the branch's time zone, written the way the current language writes it."""
    if value is None:
        return ""
    # The same numeric form in both languages (it is what the receipts print too).
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M" if short else "%Y-%m-%d %H:%M:%S")


def format_moment(value: datetime | None, zone: ZoneInfo, now: datetime | None = None) -> str:
    """A moment as the current language writes it for a glance (the status bar's last sync):
    only the time when it is the same day as `now`, else the short date and time."""
    if value is None:
        return ""
    local = value.astimezone(zone)
    moment = QDateTime(QDate(local.year, local.month, local.day),
                       QTime(local.hour, local.minute, local.second))
    locale = QLocale()
    if now is not None and now.astimezone(zone).date() == local.date():
        return locale.toString(moment.time(), QLocale.FormatType.ShortFormat)
    return locale.toString(moment, QLocale.FormatType.ShortFormat)


def format_date(value: datetime | None, zone: ZoneInfo) -> str:
    if value is None:
        return ""
    return value.astimezone(zone).date().isoformat()


def format_money(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    return QCoreApplication.translate("Labels", "¥{amount}").format(amount=QLocale().toString(float(amount), "f", 2))
