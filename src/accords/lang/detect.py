"""Which language a text is in.

The script decides where only one language we know writes it (Hebrew letters are Hebrew, Hangul
Korean, kana Japanese); lingua decides among the writers of the other scripts (Latin, Cyrillic,
Arabic, Devanagari, Chinese characters), restricted to the languages we read and the ones they
are confused with (loading all 75 of lingua's languages costs 1.3 GB and reads short Russian as
Macedonian).
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

# Who writes each script, among the languages we tell apart: the twenty-one we read and the
# neighbours they are confused with (Malay for Indonesian, Belarusian, Serbian, Macedonian and
# Kazakh for Ukrainian, Bulgarian and Russian, Marathi for Hindi...). The set does not depend on
# which packs exist: a language is detected as itself, whether it is read is decided by the
# caller. A script one language alone writes decides; otherwise lingua chooses among its writers
# (Galician and Nepali are not among lingua's languages: such texts come out as their nearest
# neighbour, Portuguese or Spanish, Hindi or Marathi).
_WRITERS: dict[str, tuple[str, ...]] = {
    "LATIN": ("ENGLISH", "FRENCH", "TURKISH", "AZERBAIJANI", "GERMAN", "SPANISH", "ITALIAN", "PORTUGUESE",
              "CATALAN", "DUTCH", "INDONESIAN", "MALAY", "HUNGARIAN", "POLISH", "ROMANIAN"),
    "CYRILLIC": ("RUSSIAN", "UKRAINIAN", "BULGARIAN", "BELARUSIAN", "SERBIAN", "MACEDONIAN", "KAZAKH",
                 "MONGOLIAN"),
    "ARABIC": ("ARABIC", "PERSIAN", "URDU"),
    "DEVANAGARI": ("HINDI", "MARATHI"),
    "HAN": ("CHINESE", "JAPANESE"),
    "KANA": ("JAPANESE",), "HANGUL": ("KOREAN",), "HEBREW": ("HEBREW",), "GEORGIAN": ("GEORGIAN",),
    "ARMENIAN": ("ARMENIAN",), "GREEK": ("GREEK",), "THAI": ("THAI",), "BENGALI": ("BENGALI",),
    "GUJARATI": ("GUJARATI",), "GURMUKHI": ("PUNJABI",), "TAMIL": ("TAMIL",), "TELUGU": ("TELUGU",),
}
_CODES = {"ENGLISH": "en", "FRENCH": "fr", "TURKISH": "tr", "AZERBAIJANI": "az", "GERMAN": "de",
          "SPANISH": "es", "ITALIAN": "it", "PORTUGUESE": "pt", "CATALAN": "ca", "DUTCH": "nl",
          "INDONESIAN": "id", "MALAY": "ms", "HUNGARIAN": "hu", "POLISH": "pl", "ROMANIAN": "ro",
          "RUSSIAN": "ru", "UKRAINIAN": "uk", "BULGARIAN": "bg", "BELARUSIAN": "be", "SERBIAN": "sr",
          "MACEDONIAN": "mk", "KAZAKH": "kk", "MONGOLIAN": "mn", "ARABIC": "ar", "PERSIAN": "fa",
          "URDU": "ur", "HINDI": "hi", "MARATHI": "mr", "CHINESE": "zh", "JAPANESE": "ja", "KOREAN": "ko",
          "HEBREW": "he", "GEORGIAN": "ka", "ARMENIAN": "hy", "GREEK": "el", "THAI": "th",
          "BENGALI": "bn", "GUJARATI": "gu", "PUNJABI": "pa", "TAMIL": "ta", "TELUGU": "te"}

# One pattern per script, counted over a sample: far faster than naming every character.
_SCRIPTS = {name: regex.compile(rf"[{chars}]") for name, chars in (
    ("LATIN", r"\p{Script=Latin}"), ("CYRILLIC", r"\p{Script=Cyrillic}"), ("ARABIC", r"\p{Script=Arabic}"),
    ("HEBREW", r"\p{Script=Hebrew}"), ("GEORGIAN", r"\p{Script=Georgian}"),
    ("DEVANAGARI", r"\p{Script=Devanagari}"), ("ARMENIAN", r"\p{Script=Armenian}"),
    ("GREEK", r"\p{Script=Greek}"), ("THAI", r"\p{Script=Thai}"), ("HANGUL", r"\p{Script=Hangul}"),
    ("HAN", r"\p{Script=Han}"), ("KANA", r"\p{Script=Hiragana}\p{Script=Katakana}"),
    ("BENGALI", r"\p{Script=Bengali}"), ("GUJARATI", r"\p{Script=Gujarati}"),
    ("GURMUKHI", r"\p{Script=Gurmukhi}"), ("TAMIL", r"\p{Script=Tamil}"), ("TELUGU", r"\p{Script=Telugu}"))}

# Japanese writes its particles and endings in kana between the kanji, Chinese has none: a text
# of Chinese characters with at least this share of kana among them is Japanese, however many
# kanji it has ("外務大臣が署名した": 2 kana in 8). A stray katakana name in Chinese stays below.
_KANA_SHARE = 0.05


def dominant_script(text: str) -> str | None:
    """The script most of the text's letters are written in ('KANA' for Japanese text, even
    where its kanji outnumber its kana)."""
    sample = _sample(text)
    counts = Counter({name: len(p.findall(sample)) for name, p in _SCRIPTS.items()})
    name, n = counts.most_common(1)[0]
    if name in ("HAN", "KANA") and counts["KANA"] >= max(1, _KANA_SHARE * (counts["HAN"] + counts["KANA"])):
        return "KANA"
    return name if n else None


# Below this many letters a text is short and lingua's high-accuracy models (all n-gram sizes)
# are worth their memory; above it the trigram models alone (low-accuracy mode) tell the same
# languages apart on every dev and practice document, at 120 MB of peak memory instead of 650.
_SHORT = 200


@cache
def _detector(script: str, high: bool = False) -> Any:
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, n) for n in _WRITERS[script]]
    builder = LanguageDetectorBuilder.from_languages(*langs)
    return (builder if high else builder.with_low_accuracy_mode()).build()


def warm_detector(text: str) -> None:
    """Build (once) the detector the text's script needs and let it load the models a piece of
    the text needs. Not `with_preloaded_language_models()`: that loads every n-gram model of every
    candidate, 116 -> 700 MB of peak memory; lingua loads lazily only what texts use."""
    script = dominant_script(text)
    high = len(text) < _SHORT
    if len(_WRITERS.get(script or "", ())) > 1 and (script, high) not in _WARM:
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

# The languages accords reads (issue 11), whether or not their pack is written yet: detection
# does not change as packs are added. Whether a detected language is read is the pipeline's
# question (a language without a pack is refused with a note).
READ = ("ar", "az", "bg", "de", "en", "es", "fa", "fr", "he", "hi", "id", "it", "ja", "ka", "ko", "pt",
        "ru", "tr", "uk", "ur", "zh")

# The language of a script lingua gives no candidate for (a text of digits and a few letters).
_FALLBACK = {"LATIN": "en", "CYRILLIC": "ru", "ARABIC": "ar", "DEVANAGARI": "hi", "HAN": "zh"}


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
            totals[_CODES[v.language.name]] += v.value * len(part)
        weight += len(part)
    ranked = ((code, round(total / weight, 3)) for code, total in totals.most_common()) if weight else ()
    return tuple((code, value) for code, value in ranked if value > 0)


def identify(text: str, readable: tuple[str, ...] | None = None) -> Detection:
    """The language of `text` with the confidence of each candidate; `readable` (default: the
    languages accords reads, and any other pack shipped) are preferred within `MARGIN` of an
    unsupported top candidate."""
    script = dominant_script(text)
    if script is None:
        return Detection(None)
    if len(_WRITERS[script]) == 1:
        only = _CODES[_WRITERS[script][0]]
        return Detection(only, ((only, 1.0),))
    candidates = _confidences(script, text)
    if not candidates:
        return Detection(_FALLBACK[script], ((_FALLBACK[script], 0.0),))
    return Detection(_preferred(candidates, readable), candidates)


def _preferred(candidates: tuple[tuple[str, float], ...], readable: tuple[str, ...] | None) -> str:
    if readable is None:
        from accords.lang.pack import available

        readable = READ + available()
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
