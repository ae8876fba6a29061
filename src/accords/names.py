"""Personal names across scripts: a Latin form for display and a consonant skeleton for matching.

anyascii (ISC) transliterates any script to ASCII; the skeleton then drops vowels, glides and
signs and folds consonants that transliterations write differently (sh/ch/ş/ш → s, p/b, v/f,
q/k/c, j/g, z/s), so Rashad Nabiyev, Рашад Набиев and راشاد نباييف share `rsd nbf`, while
Erez Askal (`rs skl`) and إريز إيشل (`rs sl`) do not. The skeleton is hand-written because no
library folds transliteration variants across Arabic, Hebrew, Cyrillic and Latin this way.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

_DIGRAPHS = (("dzh", "g"), ("dsh", "g"), ("dj", "g"), ("ce", "se"), ("ci", "si"), ("cy", "sy"), ("sch", "s"), ("sh", "s"), ("ch", "s"), ("zh", "s"), ("kh", "k"), ("gh", "g"), ("th", "t"),
             ("ph", "f"), ("dh", "d"), ("ts", "s"), ("tz", "s"), ("ck", "k"))
_FOLD = str.maketrans({"q": "k", "c": "k", "x": "k", "v": "f", "w": "", "y": "", "h": "", "j": "g",
                       "z": "s", "p": "b", "a": "", "e": "", "i": "", "o": "", "u": ""})


def latin(name: str) -> str:
    """A readable Latin-script form of a name written in any script."""
    out = anyascii(name).replace("`", "").replace("'", "")
    out = re.sub(r"\s+", " ", out).strip()
    return " ".join(w[:1].upper() + w[1:] for w in out.split())


@lru_cache(maxsize=65536)
def token_skeleton(token: str) -> str:
    t = anyascii(token).lower()
    t = re.sub(r"[^a-z]", "", t)
    for a, b in _DIGRAPHS:
        t = t.replace(a, b)
    t = t.translate(_FOLD)
    return re.sub(r"(.)\1+", r"\1", t)


_PARTICLES = {"al", "el", "bin", "ibn", "ben", "abu", "bn", "b", "bw", "abw", "l", "", "ld"}


def skeleton(name: str) -> tuple[str, ...]:
    """The consonant skeletons of a name's words, particles left out."""
    parts = [token_skeleton(w) for w in re.split(r"[\s\-]+", name) if w]
    return tuple(p for p in parts if p not in _PARTICLES and p)


def same_name(a: str, b: str) -> bool:
    """Two spellings of one name: surnames agree, and given names agree where both have one."""
    sa, sb = skeleton(a), skeleton(b)
    if not sa or not sb:
        return False
    if not _close(sa[-1], sb[-1]):
        return False
    if len(sa) >= 2 and len(sb) >= 2:
        return _close(sa[0], sb[0]) or sa[0][:1] == sb[0][:1]
    return True


def _close(x: str, y: str) -> bool:
    if x == y:
        return True
    if min(len(x), len(y)) < 3:
        return False
    return Levenshtein.distance(x, y) <= (1 if max(len(x), len(y)) >= 5 else 0)


def surname_key(name: str) -> str:
    """The skeleton of the last word, for blocking."""
    sk = skeleton(name)
    return sk[-1] if sk else ""
