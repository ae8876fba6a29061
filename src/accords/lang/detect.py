"""Which language a text is in.

The script decides first where it can (Hebrew letters are Hebrew, Georgian letters Georgian);
lingua decides the rest, restricted to the languages we read and the ones they are confused
with (loading all 75 of lingua's languages costs 1.3 GB and reads short Russian as Macedonian).
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from typing import Any

import regex

# Languages lingua chooses between, by script. Confusables are kept so that a Persian or Ukrainian
# text is not forced into Arabic or Russian.
_LINGUA_LATIN = ("ENGLISH", "FRENCH", "TURKISH", "AZERBAIJANI", "GERMAN", "SPANISH", "ITALIAN",
                 "PORTUGUESE", "DUTCH", "INDONESIAN", "HUNGARIAN", "POLISH", "ROMANIAN")
_LINGUA_CYRILLIC = ("RUSSIAN", "UKRAINIAN", "BULGARIAN", "KAZAKH", "SERBIAN", "BELARUSIAN", "MONGOLIAN")
_LINGUA_ARABIC = ("ARABIC", "PERSIAN", "URDU")

_SCRIPT_ONLY = {"HEBREW": "he", "GEORGIAN": "ka", "DEVANAGARI": "hi", "ARMENIAN": "hy", "GREEK": "el",
                "THAI": "th", "HANGUL": "ko", "CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja"}


# One pattern per script, counted over a sample: far faster than naming every character.
_SCRIPTS = {name: regex.compile(rf"\p{{Script={script}}}") for name, script in (
    ("LATIN", "Latin"), ("CYRILLIC", "Cyrillic"), ("ARABIC", "Arabic"), ("HEBREW", "Hebrew"),
    ("GEORGIAN", "Georgian"), ("DEVANAGARI", "Devanagari"), ("ARMENIAN", "Armenian"), ("GREEK", "Greek"),
    ("THAI", "Thai"), ("HANGUL", "Hangul"), ("CJK", "Han"), ("HIRAGANA", "Hiragana"), ("KATAKANA", "Katakana"))}


def dominant_script(text: str) -> str | None:
    sample = text[:5000]
    counts = Counter({name: len(p.findall(sample)) for name, p in _SCRIPTS.items()})
    name, n = counts.most_common(1)[0]
    return name if n else None


@cache
def _detector(script: str) -> Any:
    from lingua import Language, LanguageDetectorBuilder

    names = {"LATIN": _LINGUA_LATIN, "CYRILLIC": _LINGUA_CYRILLIC, "ARABIC": _LINGUA_ARABIC}[script]
    langs = [getattr(Language, n) for n in names]
    return LanguageDetectorBuilder.from_languages(*langs).build()


_SAMPLE = 1200  # characters given to lingua: enough to tell languages apart, and its time grows with length


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it has no letters."""
    script = dominant_script(text)
    if script is None:
        return None
    if script in _SCRIPT_ONLY:
        return _SCRIPT_ONLY[script]
    lang = _detector(script).detect_language_of(text[:_SAMPLE])
    if lang is None:
        return {"LATIN": "en", "CYRILLIC": "ru", "ARABIC": "ar"}[script]
    return str(lang.iso_code_639_1.name).lower()
