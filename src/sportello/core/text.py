"""Text helpers with no storage behind them: folding for search and header matching.

Folding (``fold``) makes the search case- and accent-insensitive:

- NFKD decomposition, combining marks stripped, lower-cased ("Niccolò" -> "niccolo");
- letters that NFKD does not decompose are spelled out ("ł" -> "l", "ß" -> "ss", ...);
- apostrophes are *removed*, not turned into spaces: "D'Agostino" -> "dagostino", so both
  "agost" and "dagost" are substrings of it (with a space, "dagost" would find nothing);
- runs of white space become one space.

``worker_search_text`` is the one folded line per worker kept in ``worker.search_text``
("surname name cf phone mobile email"; phone numbers as their digits only). Changing
``fold`` or ``worker_search_text`` needs a migration that recomputes the column (as 0002
does). ``normalise_header`` folds a sheet's header (or a code's description) for matching.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

SEARCH_TEXT_MAX = 400  # the length of worker.search_text
SORT_KEY_MAX = 250  # a folded "surname name" (folding may lengthen it: "ß" -> "ss")
SORT_COMUNE_MAX = 100
SORT_PHONE_MAX = 40

# Removed before decomposition (U+00B4 would otherwise decompose to a space).
_APOSTROPHES = "'\u2019\u2018\u02bc\u02bb`\u00b4\u2032"
# Letters without a canonical decomposition that people still type without the mark.
_SPELLED = {
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
    "ı": "i", "ħ": "h", "Ħ": "h",
}
_TABLE = str.maketrans({**dict.fromkeys(_APOSTROPHES, None), **_SPELLED})
_PHONE_DROP = re.compile(r"[^\d+]")
_FLOAT_PHONE = re.compile(r"(\d+)\.0")  # Excel turned the number into a float


def fold(value: str | None) -> str:
    """Lower-case, accent-free, apostrophe-free text with single spaces."""
    if not value:
        return ""
    value = value.translate(_TABLE)
    if not value.isascii():
        value = "".join(
            c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c)
        )
    return " ".join(value.lower().split())


def _phone(value: str | None) -> str:
    if not value:
        return ""
    value = value.strip()
    float_form = _FLOAT_PHONE.fullmatch(value)
    if float_form:
        value = float_form.group(1)
    return _PHONE_DROP.sub("", value)


def _field(worker_like: Any, key: str) -> Any:
    if isinstance(worker_like, Mapping):
        return worker_like.get(key)
    return getattr(worker_like, key, None)


def worker_search_text(worker_like: Any) -> str:
    """The ``search_text`` of a worker given as an ORM object, any object or a dict.

    Reads ``surname``, ``name``, ``codice_fiscale``, ``phone``, ``mobile``, ``email`` and
    the values of ``extra_values`` (the extra columns kept from an imported list), last so
    that the cap cuts them first (missing ones count as empty).
    """
    extra = _field(worker_like, "extra_values")
    parts = (
        fold(_field(worker_like, "surname")),
        fold(_field(worker_like, "name")),
        fold(_field(worker_like, "codice_fiscale")),
        _phone(_field(worker_like, "phone")),
        _phone(_field(worker_like, "mobile")),
        fold(_field(worker_like, "email")),
        *(fold(str(v)) for v in (extra.values() if isinstance(extra, Mapping) else ())
          if v is not None),
    )
    return " ".join(p for p in parts if p)[:SEARCH_TEXT_MAX]



def worker_sort_keys(worker_like: Any) -> dict[str, str | None]:
    """The worker list's sort keys (``sort_surname``, ``sort_name``, ``sort_comune``,
    ``sort_phone``) of a worker given like to ``worker_search_text``.

    Text is folded, so the order ignores case, accents and apostrophes on both engines
    ("Ștefănescu" next to "Stefani", "de Luca" among the D). ``sort_phone`` is what the
    list's *Telefono* column shows: the mobile, else the landline. The surname and name
    keys are never empty (both are required); an empty comune or phone is ``None``, which
    the list puts last.
    """
    surname = fold(_field(worker_like, "surname"))
    name = fold(_field(worker_like, "name"))
    phone = " ".join(str(_field(worker_like, "mobile") or _field(worker_like, "phone") or "")
                     .split())
    comune = fold(_field(worker_like, "residence_comune"))
    return {
        "sort_surname": f"{surname} {name}".strip()[:SORT_KEY_MAX],
        "sort_name": f"{name} {surname}".strip()[:SORT_KEY_MAX],
        "sort_comune": comune[:SORT_COMUNE_MAX] or None,
        "sort_phone": phone[:SORT_PHONE_MAX] or None,
    }


_STOPWORDS = frozenset({"di", "del", "della", "dello", "dei", "degli", "delle", "d", "de",
                        "il", "la", "lo", "le", "i", "gli", "l", "e", "n", "nr", "num"})


@lru_cache(maxsize=4096)
def normalise_header(text: object) -> str:
    """Compact comparable form: "Data di Nascita:" -> "datanascita", "C.F." -> "cf"."""
    if text is None:
        return ""
    raw = unicodedata.normalize("NFKD", str(text))
    raw = "".join(c for c in raw if not unicodedata.combining(c)).lower()
    words = [w for w in re.split(r"[^a-z0-9]+", raw) if w]
    kept = [w for w in words if w not in _STOPWORDS] or words
    return "".join(kept)
