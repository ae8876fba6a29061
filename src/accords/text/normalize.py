"""A folded view of a text for matching, with every position mapped back to the original.

Matching runs on a folded string (case, diacritics, Arabic letter variants, Hebrew points,
bidi and zero-width characters removed), but evidence must be the exact words of the source.
`Folded` keeps, for every folded character, the index of the original character it came from,
so a match found in the folded view becomes a span of the original text (STYLE anti-pattern 6).

Hand-written because no library keeps offsets through normalisation; the per-character rules
are small and each one is tested.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Characters that carry no letters: bidi controls, zero-width joiners and spaces, soft hyphen,
# Arabic tatweel. Dropped from the folded view so that they never split or join a name.
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u0640"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
)

# Letter variants that news text uses interchangeably.
_FOLD = {
    # Arabic: hamza seats and alef forms, alef maqsura, teh marbuta, Persian/Urdu forms.
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ی": "ي", "ک": "ك", "ۀ": "ه",
    # Hebrew geresh and gershayim are written with ASCII quotes as often as not.
    "\u05f3": "'", "\u05f4": '"',
    # Apostrophes, quotes and dashes.
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-", "\u05be": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
    # Turkic dotless i and schwa fold to plain letters so that spellings without them match.
    "ı": "i", "ə": "e", "Ə": "e",
    "ё": "е", "Ё": "е",
    # Lookalikes: a Cyrillic or Greek letter inside a Latin word ("Jаpan" with Cyrillic а), or a
    # Latin one inside a Cyrillic word, is a spoof or a keyboard slip; both sides fold to the Latin
    # letter, so either spelling matches. Only letters whose capital and small forms both look
    # Latin (а/А, not в/В, which would break case folding); not е, which ё above folds to.
    "а": "a", "А": "a", "о": "o", "О": "o", "р": "p", "Р": "p", "с": "c", "С": "c", "х": "x", "Х": "x",
    "у": "y", "У": "y", "і": "i", "І": "i", "ј": "j", "Ј": "j", "ѕ": "s", "Ѕ": "s", "к": "k", "К": "k",
    "ԁ": "d", "Ԁ": "d", "ԛ": "q", "Ԛ": "q", "ԝ": "w", "Ԝ": "w",
    "α": "a", "Α": "a", "ο": "o", "Ο": "o", "ι": "i", "Ι": "i", "κ": "k", "Κ": "k", "ρ": "p", "Ρ": "p",
    "χ": "x", "Χ": "x",
}


def _unspaced_letter(ch: str) -> bool:
    """Kana, Hangul syllables and Han ideographs fold by composition (NFKC), not by dropping marks:
    the voicing mark is a letter of its own in Japanese (が "subject" is not か "question"), and
    decomposing Hangul would turn one syllable into three jamo, so a particle could match half a
    syllable. NFKC still makes half-width katakana and compatibility ideographs the common form."""
    o = ord(ch)
    return 0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7A3 \
        or 0xF900 <= o <= 0xFAFF or 0xFF66 <= o <= 0xFF9F


# Devanagari vowel signs, the anusvara and the virama are letters of the word, not accents:
# dropping them would make के "of" the letter क, में "in" म, and पेरू "Peru" पर "on". Only the
# nukta (फ़ / फ) is optional in writing, and the candrabindu is written as the anusvara (हाँ / हां).
_DEVANAGARI = ("\u0900", "\u097f")
_NUKTA = "\u093c"
_FOLD["\u0901"] = "\u0902"


def _is_indic_sign(ch: str) -> bool:
    return _DEVANAGARI[0] <= ch <= _DEVANAGARI[1] and ch != _NUKTA


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """The folded form of one character: '' when it is dropped, one or more characters otherwise."""
    if ch in INVISIBLE:
        return ""
    if ch in _FOLD:
        return _FOLD[ch]
    if _unspaced_letter(ch):
        return unicodedata.normalize("NFKC", ch)
    cat = unicodedata.category(ch)
    if cat == "Mn" and not _is_indic_sign(ch):  # Arabic harakat, Hebrew niqqud, combining accents
        return ""
    out = []
    for c in unicodedata.normalize("NFKD", ch):
        if unicodedata.category(c) == "Mn" and not _is_indic_sign(c):
            continue
        c = _FOLD.get(c, c)
        out.append(c)
    return "".join(out).casefold()


@dataclass(frozen=True, slots=True)
class Folded:
    """The folded form of `original`, with `index[j]` the original position of folded char j."""

    original: str
    text: str
    index: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span behind folded characters start..end (end exclusive)."""
        if start >= end:
            pos = self.index[start] if start < len(self.index) else len(self.original)
            return pos, pos
        o_start = self.index[start]
        o_end = self.index[end - 1] + 1
        # Keep marks and invisibles that trail the last letter (a shadda, a niqqud point).
        n = len(self.original)
        while o_end < n and fold_char(self.original[o_end]) == "" and not self.original[o_end].isspace():
            o_end += 1
        return o_start, o_end

    def folded_pos(self, original_pos: int) -> int:
        """The first folded position at or after an original position."""
        return bisect.bisect_left(self.index, original_pos)


def fold(text: str) -> Folded:
    """Fold `text` for matching, keeping the offset map."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        f = fold_char(ch)
        for c in f:
            chars.append(c)
            index.append(i)
    return Folded(text, "".join(chars), tuple(index))


def fold_str(text: str) -> str:
    """The folded string alone, for lexicon entries and keys."""
    return "".join(fold_char(c) for c in text)


def is_word_char(ch: str) -> bool:
    """A letter or digit in any script (what a word boundary must not cut through), or a spacing
    vowel sign (Devanagari ा ि ी ो: category Mc, not alphanumeric to Python) inside a word."""
    return ch.isalnum() or unicodedata.category(ch) == "Mc"


_MARKS = None


def light_fold(text: str) -> str:
    """Lower case without marks or invisibles, letters unchanged: for stop words, where folding
    letter variants would confuse a preposition with a name (على "on", علي "Ali")."""
    global _MARKS
    if _MARKS is None:
        import regex

        # non-spacing marks but Devanagari's signs (fold_char keeps them too), and the nukta
        _MARKS = regex.compile("(?V1)[[\\p{Mn}--[\\u0900-\\u097f]]\\u093c" + "".join(INVISIBLE) + "]")
    return _MARKS.sub("", text).casefold()
