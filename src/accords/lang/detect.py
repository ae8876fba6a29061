"""Which language a text is in.

The script decides first where it can (Hebrew letters are Hebrew, Georgian letters Georgian);
lingua decides the rest, restricted to the languages we read and the ones they are confused
with (loading all 75 of lingua's languages costs 1.3 GB and reads short Russian as Macedonian).
It judges the whole text (samples from its beginning, middle and end when it is long), keeps the
confidence of every candidate so that a refusal can say how sure it was, and prefers a language
we read to an unsupported one that lingua rates only a little higher.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
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
    sample = _sample(text)
    counts = Counter({name: len(p.findall(sample)) for name, p in _SCRIPTS.items()})
    name, n = counts.most_common(1)[0]
    return name if n else None


# Below this many letters a text is short and lingua's high-accuracy models (all n-gram sizes)
# are worth their memory; above it the trigram models alone (low-accuracy mode) tell the same
# languages apart on every dev and practice document, at 120 MB of peak memory instead of 650.
_SHORT = 200


@cache
def _detector(script: str, high: bool = False) -> Any:
    from lingua import Language, LanguageDetectorBuilder

    names = {"LATIN": _LINGUA_LATIN, "CYRILLIC": _LINGUA_CYRILLIC, "ARABIC": _LINGUA_ARABIC}[script]
    langs = [getattr(Language, n) for n in names]
    builder = LanguageDetectorBuilder.from_languages(*langs)
    return (builder if high else builder.with_low_accuracy_mode()).build()


def warm_detector(text: str) -> None:
    """Build (once) the detector the text's script needs and let it load the models a piece of
    the text needs. Not `with_preloaded_language_models()`: that loads every n-gram model of every
    candidate, 116 -> 700 MB of peak memory; lingua loads lazily only what texts use."""
    script = dominant_script(text)
    high = len(text) < _SHORT
    if script in ("LATIN", "CYRILLIC", "ARABIC") and (script, high) not in _WARM:
        _detector(script, high).compute_language_confidence_values(text[:_PART])
        _WARM.add((script, high))


_WARM: set[tuple[str, bool]] = set()  # detectors that have read a text once in this process


# Lingua scores a text as one whole, and a few letters it finds in only one language decide it:
# an English article opening with a paragraph quoted in Romanian is Romanian with confidence 1.0.
# So the text is cut into parts of about this many characters, each part is scored, and a
# candidate's confidence is its average over the parts weighted by their length: the share of
# the text that reads as that language. A long text is judged on this many parts spread evenly
# over it (lingua takes about a millisecond per part).
_PART = 1000
_MAX_PARTS = 24

# A read language is preferred to an unsupported top candidate whose confidence is at most this
# much higher. On a headline or a few lines (lingua's confidences are relative and sum to 1)
# proper names pull towards their own language: "Serbia, Romania sign declaration" is rated
# Romanian 0.44, English 0.22. The costs are unequal: refusing a text we read loses every
# agreement in it, while reading an unsupported text with the patterns of a neighbour finds
# little or nothing. On an article in one language the top candidate is near 1.0 and the margin
# never applies.
MARGIN = 0.25

_FALLBACK = {"LATIN": "en", "CYRILLIC": "ru", "ARABIC": "ar"}


@dataclass(frozen=True)
class Detection:
    """The language chosen (ISO 639-1, None when the text has no letters) and every candidate
    with its confidence, best first as lingua ranked them (before any preference)."""

    lang: str | None
    candidates: tuple[tuple[str, float], ...] = ()

    @property
    def confidence(self) -> float:
        return dict(self.candidates).get(self.lang or "", 0.0)

    def describe(self) -> str:
        """'Romanian (ro, confidence 0.44; next: en 0.22)', for a note or a refusal; without
        candidates (a language given by the feed) only the name and the code."""
        if self.lang is None:
            return "no language"
        if self.lang not in dict(self.candidates):
            return f"{language_name(self.lang)} ({self.lang})"
        others = [f"{c} {v:.2f}" for c, v in self.candidates if c != self.lang and v >= 0.01][:2]
        rest = f"; next: {', '.join(others)}" if others else ""
        return f"{language_name(self.lang)} ({self.lang}, confidence {self.confidence:.2f}{rest})"


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 code ('ro' -> 'Romanian'), or the code if lingua has none."""
    from lingua import IsoCode639_1, Language

    try:
        return str(Language.from_iso_code_639_1(IsoCode639_1.from_str(code)).name).title()
    except (ValueError, AttributeError):
        return code


def _sample(text: str) -> str:
    """The text for counting scripts: all of it, or its parts when it is long."""
    return text if len(text) <= _PART * _MAX_PARTS else "\n".join(_parts(text))


def _parts(text: str) -> list[str]:
    """Consecutive pieces of about `_PART` characters cut at a space, at most `_MAX_PARTS` of
    them taken evenly from the beginning to the end."""
    parts, start = [], 0
    while start < len(text):
        end = start + _PART
        if end < len(text):
            space = text.rfind(" ", start + _PART // 2, end + _PART // 2)
            end = space if space > 0 else end
        parts.append(text[start:end])
        start = end
    if len(parts) > _MAX_PARTS:
        step = len(parts) / _MAX_PARTS
        parts = [parts[int(i * step)] for i in range(_MAX_PARTS)]
    return [p for p in parts if p.strip()]


def _confidences(script: str, text: str) -> tuple[tuple[str, float], ...]:
    """Each candidate's confidence averaged over the parts, weighted by length; best first."""
    totals: Counter[str] = Counter()
    weight = 0
    detector = _detector(script, high=len(text) < _SHORT)
    for part in _parts(text):
        for v in detector.compute_language_confidence_values(part):
            totals[str(v.language.iso_code_639_1.name).lower()] += v.value * len(part)
        weight += len(part)
    ranked = ((code, round(total / weight, 3)) for code, total in totals.most_common()) if weight else ()
    return tuple((code, value) for code, value in ranked if value > 0)


def identify(text: str, readable: tuple[str, ...] | None = None) -> Detection:
    """The language of `text` with the confidence of each candidate; `readable` (default: the
    packs shipped) are preferred within `MARGIN` of an unsupported top candidate."""
    script = dominant_script(text)
    if script is None:
        return Detection(None)
    if script in _SCRIPT_ONLY:
        return Detection(_SCRIPT_ONLY[script], ((_SCRIPT_ONLY[script], 1.0),))
    candidates = _confidences(script, text)
    if not candidates:
        return Detection(_FALLBACK[script], ((_FALLBACK[script], 0.0),))
    return Detection(_preferred(candidates, readable), candidates)


def _preferred(candidates: tuple[tuple[str, float], ...], readable: tuple[str, ...] | None) -> str:
    if readable is None:
        from accords.lang.pack import available

        readable = available()
    top, best = candidates[0]
    if top in readable:
        return top
    for code, value in candidates[1:]:
        if code in readable and value >= best - MARGIN:
            return code
    return top


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it has no letters."""
    return identify(text).lang
