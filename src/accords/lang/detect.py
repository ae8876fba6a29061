"""Which language a text is in.

The script decides first where it can (Hebrew letters are Hebrew, Georgian letters Georgian);
lingua decides the rest, restricted to the languages we read and the ones they are confused
with (loading all 75 of lingua's languages costs 1.3 GB and reads short Russian as Macedonian).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import cache
from typing import Any

# Languages lingua chooses between, by script. Confusables are kept so that a Persian or Ukrainian
# text is not forced into Arabic or Russian.
_LINGUA_LATIN = ("ENGLISH", "FRENCH", "TURKISH", "AZERBAIJANI", "GERMAN", "SPANISH", "ITALIAN",
                 "PORTUGUESE", "DUTCH", "INDONESIAN", "HUNGARIAN", "POLISH", "ROMANIAN")
_LINGUA_CYRILLIC = ("RUSSIAN", "UKRAINIAN", "BULGARIAN", "KAZAKH", "SERBIAN", "BELARUSIAN", "MONGOLIAN")
_LINGUA_ARABIC = ("ARABIC", "PERSIAN", "URDU")

_SCRIPT_ONLY = {"HEBREW": "he", "GEORGIAN": "ka", "DEVANAGARI": "hi", "ARMENIAN": "hy", "GREEK": "el",
                "THAI": "th", "HANGUL": "ko", "CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja"}


def _script(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return None
    first = name.split()[0]
    if first in ("LATIN", "CYRILLIC", "ARABIC") or first in _SCRIPT_ONLY:
        return first
    return None


def dominant_script(text: str) -> str | None:
    counts = Counter(s for s in map(_script, text[:5000]) if s)
    return counts.most_common(1)[0][0] if counts else None


@cache
def _detector(script: str) -> Any:
    from lingua import Language, LanguageDetectorBuilder

    names = {"LATIN": _LINGUA_LATIN, "CYRILLIC": _LINGUA_CYRILLIC, "ARABIC": _LINGUA_ARABIC}[script]
    langs = [getattr(Language, n) for n in names]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it has no letters."""
    script = dominant_script(text)
    if script is None:
        return None
    if script in _SCRIPT_ONLY:
        return _SCRIPT_ONLY[script]
    lang = _detector(script).detect_language_of(text[:3000])
    if lang is None:
        return {"LATIN": "en", "CYRILLIC": "ru", "ARABIC": "ar"}[script]
    return str(lang.iso_code_639_1.name).lower()
