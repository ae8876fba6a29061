"""Words searched in any script: the FTS5 expression for a query, and the snippet around a hit.

Texts are indexed folded (`fold_str`: case, diacritics, Arabic letter variants, Hebrew points)
under a trigram index, so a query folded the same way is found as a substring: inside its
clitics (الذكاء in والذكاء, ישראל in לישראל), with or without diacritics, and in scripts written
without spaces. Each word of the query must occur (AND). A trigram index cannot look up fewer
than three characters (and SQLite 3.40's trigram LIKE finds nothing for two CJK characters), so a
two-character word (中国) becomes the trigrams of the index that start with it, read from the
index's vocabulary: exact, because every text ends with a newline, so every occurrence of the
word starts a trigram. A one-character word says too little to search by and is left out.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import cache

from accords.text.normalize import fold_char, fold_str

MAX_WORDS = 8  # words of a query searched; the rest are ignored (a pasted paragraph is not a query)
MAX_QUERY = 200  # characters of a query read
# Above this many trigrams for one short word the word is not searched (cannot happen for a
# two-character word in real text: it counts the characters that follow the word anywhere).
MAX_EXPANSION = 2000
SNIPPET = 90  # characters of context shown each side of a hit


@dataclass(frozen=True)
class Terms:
    """A query's words, folded, and the FTS5 MATCH expression that finds them (None: nothing to find)."""

    words: tuple[str, ...]
    expression: str | None


# Languages whose conjunctions, prepositions and article are written as one word with what follows
# (والذكاء "and the intelligence", לישראל "to Israel"); their packs list them as `prefixes`.
PROCLITIC_LANGS = ("ar", "fa", "ur", "he")


@cache
def _proclitics() -> frozenset[str]:
    """The one-letter proclitics (و ب ل ف ك, ו ב ל מ ש כ ה): the article ال and the longer forms
    are left on the word, so that القدس is not searched as قدس (which is also in مقدس)."""
    from accords.lang.pack import available, load

    return frozenset(p for code in PROCLITIC_LANGS if code in available() for p in load(code).prefixes
                     if len(p) == 1)


def forms(word: str) -> tuple[str, ...]:
    """A folded query word, then the same without the first one, then two, one-letter proclitics
    typed with it, while three letters or more remain: والقدس, القدس. A reader who types
    والقدس or לירושלים finds the word however the text attaches it: the last form, a substring
    of the others, is what is searched; the snippet marks the longest form the text has."""
    out = [word]
    while len(out) < 3 and out[-1][:1] in _proclitics() and len(out[-1]) > 3:
        out.append(out[-1][1:])
    return tuple(out)


def bare(word: str) -> str:
    """The form of a folded query word that is searched (see `forms`)."""
    return forms(word)[-1]


def words(q: str | None) -> tuple[str, ...]:
    folded = fold_str((q or "")[:MAX_QUERY])
    return tuple(dict.fromkeys(w for w in folded.split() if len(w) >= 2))[:MAX_WORDS]


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _expand(db: sqlite3.Connection, vocab: str, word: str) -> str | None:
    """The trigrams of the index that start with a two-character word, OR-ed; None when none does."""
    rows = db.execute(f"SELECT term FROM {vocab} WHERE term > ? AND term < ? LIMIT ?",  # noqa: S608 (fixed names)
                      (word, word + "\U0010ffff", MAX_EXPANSION + 1)).fetchall()
    terms = [r[0] for r in rows if len(r[0]) == 3 and r[0].startswith(word)]
    if not terms or len(rows) > MAX_EXPANSION:
        return None
    return "(" + " OR ".join(_phrase(t) for t in terms) + ")"


def match(db: sqlite3.Connection, vocab: str, q: str | None) -> Terms:
    """The MATCH expression over the index whose vocabulary table is `vocab` (search_vocab,
    browse_names_vocab). A word that cannot occur makes the expression None: nothing matches."""
    ws = words(q)
    every = tuple(dict.fromkeys(f for w in ws for f in forms(w)))  # for the snippet, longest first
    parts = []
    for w in ws:
        searched = bare(w)
        part = _phrase(searched) if len(searched) >= 3 else _expand(db, vocab, searched)
        if part is None:
            return Terms(every, None)
        parts.append(part)
    return Terms(every, " AND ".join(parts) if parts else None)


def _locate(text: str, ws: tuple[str, ...]) -> tuple[int, int] | None:
    """The original span of the first occurrence of a word of `ws` in `text` folded. Cheaper than
    `fold(text)`, which maps every position: only the positions up to the hit are walked."""
    pieces = [fold_char(c) for c in text]
    flat = "".join(pieces)
    hits = [(i, len(w)) for w in ws if (i := flat.find(w)) >= 0]
    if not hits:
        return None
    at, n = min(hits)
    pos, start = 0, None
    for i, piece in enumerate(pieces):
        if start is None and pos + len(piece) > at:
            start = i
        pos += len(piece)
        if pos >= at + n:
            end = i + 1
            # Marks that trail the last letter (a shadda, a niqqud point) belong to the word.
            while end < len(text) and pieces[end] == "" and not text[end].isspace():
                end += 1
            return start or 0, end
    return None


def snippet(text: str, ws: tuple[str, ...]) -> dict[str, str]:
    """The first place in `text` where a word of the query occurs, as before/hit/after in the
    original characters (the hit is the exact slice of the source, marks and clitics included)."""
    found = _locate(text, ws)
    if found is None:  # found in the title only
        return {"before": "", "hit": "", "after": _trim_end(text, 0, 2 * SNIPPET)}
    start, end = found
    before = text[max(0, start - SNIPPET):start]
    if start > SNIPPET:
        before = _trim_start(before)
    return {"before": before, "hit": text[start:end], "after": _trim_end(text, end, SNIPPET)}


def _trim_start(s: str) -> str:
    """Context cut in the middle of a word starts at the next word (an unspaced script has none)."""
    cut = s.find(" ")
    return "…" + (s[cut + 1:] if 0 <= cut < len(s) // 2 else s)


def _trim_end(text: str, start: int, n: int) -> str:
    """`n` characters of `text` from `start`, cut at a space where the text goes on."""
    s = text[start:start + n]
    if start + n >= len(text):
        return s
    cut = s.rfind(" ")
    return (s[:cut] if cut > len(s) // 2 else s) + "…"
