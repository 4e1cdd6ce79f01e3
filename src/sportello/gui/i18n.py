"""Interface language: Qt's own translations plus ours, chosen once at start.

The source strings in the code are Italian (the interface speaks Italian);
``resources/i18n/sportello_en.qm`` carries the English translation and
``sportello_it.qm`` only the Italian plural forms. ``tools/i18n.sh`` regenerates both.
The language comes from $SPORTELLO_LANG, else the QSettings key ``ui/language``,
else Italian.

Qt's own dialogs (message boxes, file, colour and print dialogs) speak through Qt's
``qtbase_<lang>.qm``, which PySide6 ships in ``QLibraryInfo``'s translations folder.
The Italian one misses a few strings that the clerk meets ("Don't Save" on a message
box, "Look in:" and "Files of type:" in the file dialog, the print dialog's duplex
options): ``QT_GAPS_IT`` fills them, searched only when qtbase has no translation.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from sportello.core import paths

LANGUAGES = {"it": "Italiano", "en": "English"}

# The notice after Visualizza → Lingua, in each language: the clerk who has just chosen
# a language may not read the one still on screen. Shown in the chosen language first.
RESTART_NOTICE = {
    "it": ("Lingua", "La nuova lingua sarà usata dal prossimo avvio di Sportello."),
    "en": ("Language", "The new language will be used from the next start of Sportello."),
}
DEFAULT_LANGUAGE = "it"
ENV_LANG = "SPORTELLO_LANG"
SETTINGS_KEY = "ui/language"

_LOCALES = {
    "it": QLocale(QLocale.Language.Italian, QLocale.Country.Italy),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}

# Strings of Qt's own dialogs that PySide6's qtbase_it.qm does not translate, by
# (Qt context, source text). Qt asks the translators installed last first, so this one
# is installed before qtbase's and only answers where qtbase is silent.
QT_GAPS_IT: dict[tuple[str, str], str] = {
    ("QPlatformTheme", "Don't Save"): "Non salvare",
    ("QPlatformTheme", "Close without Saving"): "Chiudi senza salvare",
    ("QFileDialog", "&Look in:"): "&Cerca in:",
    ("QFileDialog", "Files of &type:"): "&Tipo di file:",
    ("QCalendarWidget", "Today"): "Oggi",
    ("QPrintSettingsOutput", "Double Sided Printing"): "Fronte-retro",
    ("QPrintSettingsOutput", "Off"): "No",
    ("QPrintSettingsOutput", "Long side binding"): "Rilegatura sul lato lungo",
    ("QPrintSettingsOutput", "Short side binding"): "Rilegatura sul lato corto",
    ("QPrintSettingsOutput", "Page &Set:"): "&Pagine da stampare:",
    ("QPrintSettingsOutput", "Pages"): "Pagine",
    ("QPrintSettingsOutput",
     "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
     "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9."):
        "Pagine o intervalli separati da virgole; un intervallo è fatto di due numeri "
        "separati da un trattino. Per esempio 3,5-7,9 stampa le pagine 3, 5, 6, 7 e 9.",
    ("QPageSetupWidget", "Page &order:"): "&Ordine delle pagine:",
    ("QPageSetupWidget", "Pages &per sheet:"): "Pagine &per foglio:",
}


class _TableTranslator(QTranslator):
    """A translator answering from a (context, source) table; silent elsewhere."""

    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.table = table

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return not self.table

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None reaches Qt as a null string, "no translation here": the next translator
        # is asked (an empty string would be taken as the translation)
        return self.table.get((context, source_text))


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
    if lang == "it":
        gaps = _TableTranslator(QT_GAPS_IT)
        app.installTranslator(gaps)
        _installed.append(gaps)
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
