"""Interface language: Qt's own translations plus ours, chosen once at start.

The source strings in the code are Italian (the interface speaks Italian);
``resources/i18n/sportello_en.qm`` carries the English translation and
``sportello_it.qm`` only the Italian plural forms. ``tools/i18n.sh`` regenerates both.
The language comes from $SPORTELLO_LANG, else the QSettings key ``ui/language``,
else Italian.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from sportello.core import paths

LANGUAGES = {"it": "Italiano", "en": "English"}
DEFAULT_LANGUAGE = "it"
ENV_LANG = "SPORTELLO_LANG"
SETTINGS_KEY = "ui/language"

_LOCALES = {
    "it": QLocale(QLocale.Language.Italian, QLocale.Country.Italy),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}

# Translators must outlive their installation: Qt does not own them.
_installed: list[QTranslator] = []


def chosen_language() -> str:
    """$SPORTELLO_LANG, else the saved preference, else Italian (unknown values too)."""
    value = os.environ.get(ENV_LANG) or str(QSettings().value(SETTINGS_KEY, "") or "")
    value = value.strip().lower()[:2]
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(lang)
    QSettings().setValue(SETTINGS_KEY, lang)


def install(lang: str) -> str:
    """Install Qt's and Sportello's translators for ``lang``, replacing earlier ones.

    Returns the language actually installed. Numbers and dates follow the same locale.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("QApplication non ancora creata")
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()

    locale = _LOCALES[lang]
    QLocale.setDefault(locale)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator()
    if qt_translator.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    ours = QTranslator()
    if ours.load(f"sportello_{lang}", str(paths.resource("i18n"))):
        app.installTranslator(ours)
        _installed.append(ours)
    return lang
