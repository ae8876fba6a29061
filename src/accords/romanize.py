"""A readable Latin form of a personal name written in Hebrew script (and, at the end, in Devanagari).

Unpointed Hebrew writes few vowels, so a letter-by-letter transliteration (anyascii) gives a
consonant skeleton ("Dvd", "Rvdrygv"). Here the vowel letters are read as vowels (ו as o, י as
i, א and ע as a, a final ה as a), the consonants take the forms the English-language press uses
(ח kh, ש sh, צ ts, a geresh for j, zh, ch), a cluster of consonants with no vowel letter takes an
e, and the words the press writes in a fixed way (frequent given names, particles) come from the
he pack's `name_romanizations`. The result is a machine romanisation, and the record says so.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_GERESH = "'׳`\u2019"
# consonants with a geresh: ג׳ j, ז׳ zh, צ׳ ch, ת׳ th
_WITH_GERESH = {"ג": "j", "ז": "zh", "צ": "ch", "ץ": "ch", "ת": "th"}
# a consonant's form at the start of a word, and inside it (bet and kaf soften, pe becomes f)
_CONS = {"ב": ("b", "v"), "ג": ("g", "g"), "ד": ("d", "d"), "ה": ("h", "h"), "ז": ("z", "z"),
         "ח": ("kh", "kh"), "ט": ("t", "t"), "כ": ("k", "kh"), "ך": ("kh", "kh"), "ל": ("l", "l"),
         "מ": ("m", "m"), "ם": ("m", "m"), "נ": ("n", "n"), "ן": ("n", "n"), "ס": ("s", "s"),
         "פ": ("p", "f"), "ף": ("f", "f"), "צ": ("ts", "ts"), "ץ": ("ts", "ts"), "ק": ("k", "k"),
         "ר": ("r", "r"), "ש": ("sh", "sh"), "ת": ("t", "t")}
_VOWELS = "aeiou"
_SONORANTS = ("r", "l", "m", "n")


def is_hebrew(name: str) -> bool:
    return any("\u0590" <= c <= "\u05ff" for c in name)


@lru_cache(maxsize=1)
def _he_words() -> dict[str, str]:
    """Particles and frequent names as the English press writes them (he pack data)."""
    from accords.lang.pack import load

    return {str(k): str(v) for k, v in load("he").get("language.yaml", "name_romanizations").items()}


def hebrew_name(name: str) -> str:
    """The Latin display form of a Hebrew-script name: "בנימין" -> "Binyamin"-like forms, or the
    press's own form where the pack gives one."""
    words = _he_words()
    out = []
    for word in re.split(r"\s+", name.strip()):
        parts = re.split(r"[-\u05be]", word)
        out.append("-".join(words.get(p) or words.get(p.rstrip(_GERESH)) or _hebrew_word(p) for p in parts))
    return " ".join(w for w in out if w.strip("-"))


def _letters(word: str) -> list[tuple[str, bool]]:
    """The word's letters, each with whether a geresh follows it."""
    out: list[tuple[str, bool]] = []
    for c in word:
        if c in _GERESH and out:
            out[-1] = (out[-1][0], True)
        elif "\u05d0" <= c <= "\u05ea":
            out.append((c, False))
    return out


def _hebrew_word(word: str) -> str:
    letters = _letters(word)
    sounds: list[str] = []
    for i, (c, geresh) in enumerate(letters):
        prev = letters[i - 1][0] if i else ""
        nxt = letters[i + 1][0] if i + 1 < len(letters) else ""
        sounds.append(_sound(c, geresh, i, prev, nxt, last=i == len(letters) - 1))
    text = _break_clusters([s for s in sounds if s])
    return text[:1].upper() + text[1:] if text else ""


def _sound(c: str, geresh: bool, i: int, prev: str, nxt: str, last: bool) -> str:
    """One letter's sound from its place in the word (vowel letters read as vowels)."""
    if geresh and c in _WITH_GERESH:
        return _WITH_GERESH[c]
    if c == "ו":
        if i == 0 or nxt == "ו":
            return "v"  # an initial vav, or the first of a doubled one, is the consonant
        return "" if prev == "ו" else "o"
    if c == "י":
        if prev == "י":
            return ""
        if i == 0 or nxt == "י" or nxt in ("א", "ו") and not last:
            return "y"  # an initial yod, a doubled one, or a glide before a vowel letter
        return "i"
    if c in ("א", "ע"):
        return "" if nxt in ("ו", "י") and i == 0 else ("a" if prev not in ("ו", "י") or i == 0 else "")
    if c == "ה" and last and i:
        return "a"
    return _CONS.get(c, ("", ""))[0 if i == 0 else 1]


def _break_clusters(sounds: list[str]) -> str:
    """Join the sounds, putting an e into a run of consonants a reader could not say (three in a
    row, two at the start of a word, or a whole word without a vowel)."""
    out: list[str] = []
    run = 0
    for s in sounds:
        vowel = s[0] in _VOWELS
        if not vowel and out and (run >= 2 or (run == 1 and len(out) == 1)):
            out.append("e")
            run = 0
        out.append(s)
        run = 0 if vowel or s[-1] in _VOWELS else run + 1
    if len(out) >= 3 and out[-1] in _SONORANTS and out[-2][-1] not in _VOWELS and out[-3][-1] in _VOWELS:
        out.insert(len(out) - 1, "e")  # a final consonant and r, l, m, n: ליטר Liter, עומר Omer
    text = "".join(out)
    if not any(v in text for v in _VOWELS) and text:
        text = text[:1] + "e" + text[1:]
    return text


# Devanagari (Hindi names): every consonant carries an "a" unless a vowel sign or the virama
# follows it; Hindi drops that "a" at the end of a word (मोदी Modi, राकेश Rakesh) unless the word
# ends in a cluster into r, y, v (नरेंद्र Narendra, मिश्र Mishra), and inside a word between a vowel and a
# consonant that has its own vowel (राजनाथ Rajnath). anyascii writes no such "a" ("Nremdr").
def _table(letters: str, sounds: str) -> dict[str, str]:
    return dict(zip(letters, sounds.split(), strict=True))


_DEVA_CONS = _table("कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसहळ",
                    "k kh g gh n ch chh j jh n t th d dh n t th d dh n p ph b bh m y r l v sh sh s h l")
_DEVA_NUKTA = {"क": "q", "ख": "kh", "ग": "gh", "ज": "z", "ड": "r", "ढ": "rh", "फ": "f"}
_DEVA_VOWELS = _table("अआइईउऊऋएऐओऔ", "a a i i u u ri e ai o au")
_DEVA_SIGNS = _table("ािीुूृेैोौॅॉ", "a i i u u ri e ai o au e o")
_VIRAMA, _NASALS, _VISARGA = "\u094d", "\u0902\u0901", "\u0903"


def is_devanagari(name: str) -> bool:
    return any("\u0900" <= c <= "\u097f" for c in name)


_DEVA_WORDS = {"सिंह": "Singh"}  # a surname the press writes its own way


def devanagari_name(name: str) -> str:
    """The Latin display form of a Devanagari name: "नरेंद्र मोदी" -> "Narendra Modi"."""
    words = (_DEVA_WORDS.get(w) or _deva_word(unicodedata.normalize("NFD", w)) for w in name.split())
    return " ".join(w[:1].upper() + w[1:] for w in words if w)


def _deva_word(word: str) -> str:
    # syllables: [consonant or vowel, its vowel ("" = the inherent a, None = none)]
    syl: list[list] = []
    for i, c in enumerate(word):
        if c in _DEVA_CONS:
            syl.append([_DEVA_CONS[c], ""])
        elif c == "\u093c" and syl:  # the nukta: क़ q, ज़ z, फ़ f
            syl[-1][0] = _DEVA_NUKTA.get(word[i - 1], syl[-1][0])
        elif c in _DEVA_VOWELS:
            syl.append(["", _DEVA_VOWELS[c]])
        elif c in _DEVA_SIGNS and syl:
            syl[-1][1] = _DEVA_SIGNS[c]
        elif c == _VIRAMA and syl:
            syl[-1][1] = None
        elif c in _NASALS and syl:
            syl[-1].append("n")
        elif c == _VISARGA and syl:
            syl[-1].append("h")
    out = []
    for k, s in enumerate(syl):
        vowel = s[1]
        if vowel == "":
            last = k == len(syl) - 1
            # a cluster ending in r, y, v or n keeps it (Narendra, Surya, Krishna); a borrowed one does not (-rs)
            cluster = k > 0 and syl[k - 1][1] is None and s[0] in ("r", "y", "v", "n")
            nxt_own = k + 1 < len(syl) and syl[k + 1][1] not in ("", None) and syl[k + 1][0]
            prev_own = k > 0 and syl[k - 1][1] not in ("", None)
            vowel = "" if (last and not cluster and len(syl) > 1) or (prev_own and nxt_own and len(s) == 2) else "a"
        out.append(s[0] + (vowel or "") + "".join(s[2:]))
    return "".join(out)
