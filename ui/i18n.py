"""The widgets' languages (Qt .qm files) and the CJK font, switchable at runtime.

zh_CN is the primary language and en the second; source strings in the code are
English and go through `tr()`. Switching installs the other .qm file, which makes
Qt send a LanguageChange event to every widget: widgets re-set their texts in
`retranslate()` (see `Translatable`), item models listen to `Languages.changed`.

What can go wrong: a missing .qm file leaves the English source texts on screen
(logged, never fatal); a missing font file leaves Qt's own fallback fonts.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.i18n import DEFAULT_LOCALE, LOCALES, normalise_locale
from desktop.resources import resource_path

log = logging.getLogger("complaint_desk.ui.i18n")

TRANSLATION_BASENAME = "complaint_desk"
# Qt's own texts (Yes/No, OK/Cancel, the file and print dialogs) come from the catalogue
# PySide6 ships; English needs none (it is Qt's source language).
QT_TRANSLATION_BASENAME = "qtbase"
FONT_FILE = ("fonts", "wqy-microhei.ttc")
FONT_POINT_SIZE = 10


def translations_dir() -> Path:
    return resource_path("translations")


def qm_path(locale: str) -> Path:
    return translations_dir() / f"{TRANSLATION_BASENAME}_{locale}.qm"


def qt_qm_path(locale: str) -> Path:
    """Qt's own catalogue for `locale`, as shipped with PySide6."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return folder / f"{QT_TRANSLATION_BASENAME}_{locale}.qm"


def language_name(locale: str) -> str:
    """A language's own name, the same in every UI language (so anyone can find theirs)."""
    return {"zh_CN": "中文", "en": "English"}.get(locale, locale)


def register_cjk_font(app: QApplication) -> str | None:
    """Register the shipped CJK font and make it the application font, so Chinese renders
    on a PC without CJK system fonts. Returns the family name, or None if the file is missing."""
    path = resource_path(*FONT_FILE)
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("CJK font could not be loaded")
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None
    family = families[0]
    font = QFont(app.font())
    # The system's UI font first where it has the glyphs; ours for everything else.
    font.setFamilies([family, *[f for f in font.families() if f != family]])
    if font.pointSize() <= 0:
        font.setPointSize(FONT_POINT_SIZE)
    app.setFont(font)
    return family


class Languages(QObject):
    """The current UI language; `switch()` changes it for every open window at once."""

    changed = Signal(str)

    def __init__(self, locale: str = DEFAULT_LOCALE, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locale = normalise_locale(locale)
        self._translator: QTranslator | None = None
        self._qt_translator: QTranslator | None = None

    @property
    def locale(self) -> str:
        return self._locale

    @property
    def available(self) -> tuple[str, ...]:
        return LOCALES

    def qlocale(self) -> QLocale:
        if self._locale == "zh_CN":
            return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)

    def install(self) -> None:
        """Install the translator of the current language (call once at start)."""
        self._load(self._locale)

    def uninstall(self) -> None:
        """Take this language's translator out of the application (a later Languages, as in
        tests that start the app again, must not find it still answering: English is
        mostly the source texts, so a stale Chinese translator would show through)."""
        app = QCoreApplication.instance()
        if app is not None:
            for translator in (self._translator, self._qt_translator):
                if translator is not None:
                    app.removeTranslator(translator)
        self._translator = None
        self._qt_translator = None

    def switch(self, locale: str) -> None:
        """Show every window in `locale` from now on."""
        locale = normalise_locale(locale)
        if locale == self._locale and self._translator is not None:
            return
        self._locale = locale
        self._load(locale)
        self.changed.emit(locale)

    def _load(self, locale: str) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        for old in (self._translator, self._qt_translator):
            if old is not None:
                app.removeTranslator(old)
        self._translator = self._qt_translator = None
        if locale != "en":
            qt_translator = QTranslator(self)
            if qt_translator.load(str(qt_qm_path(locale))):
                app.installTranslator(qt_translator)
                self._qt_translator = qt_translator
            else:
                log.warning("Qt's own translation for %s is missing", locale)
        translator = QTranslator(self)
        if translator.load(str(qm_path(locale))):
            app.installTranslator(translator)
            self._translator = translator
        else:
            log.warning("no compiled translation for %s", locale)
        QLocale.setDefault(self.qlocale())


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` without translating it yet."""
    del context
    return text


class Translatable:
    """Mixin for widgets: calls `retranslate()` whenever the UI language changes.

    Put it first among the bases (`class X(Translatable, QWidget)`), set every
    visible text in `retranslate()` and call that once at the end of `__init__`.
    """

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]
