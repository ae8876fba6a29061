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

from accords.text.normalize import fold, fold_str

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
    parts = []
    for w in ws:
        part = _phrase(w) if len(w) >= 3 else _expand(db, vocab, w)
        if part is None:
            return Terms(ws, None)
        parts.append(part)
    return Terms(ws, " AND ".join(parts) if parts else None)


def snippet(text: str, ws: tuple[str, ...]) -> dict[str, str]:
    """The first place in `text` where a word of the query occurs, as before/hit/after in the
    original characters (the hit is the exact slice of the source, marks and clitics included)."""
    f = fold(text)
    hits = [(i, w) for w in ws if (i := f.text.find(w)) >= 0]
    if not hits:  # found in the title only
        return {"before": "", "hit": "", "after": _trim_end(text, 0, 2 * SNIPPET)}
    i, w = min(hits)
    start, end = f.span(i, i + len(w))
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
