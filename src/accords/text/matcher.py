"""Find lexicon phrases in a text, in any inflected or cliticised form a language pack allows.

One Aho-Corasick automaton (pyahocorasick) holds every phrase of a language, folded. A hit
counts when its left edge is a word boundary, possibly after a stack of the language's prefix
clitics (Arabic و ب ل ال, Hebrew ו ה ב ל מ ש כ), and its right edge is a boundary, possibly
after one of the language's suffixes (Russian case endings, Turkish and Azerbaijani case
suffixes with or without an apostrophe). Phrases with capitals inside ("US", "MoU") must keep
those capitals in the text, so "US" never matches the pronoun "us".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from accords.text.normalize import Folded, fold_str, is_word_char


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str
    value: object
    phrase: str  # as written in the data, for explain


@dataclass(frozen=True, slots=True)
class Hit:
    """A phrase found in the text. start/end are original offsets; fstart/fend folded ones."""

    kind: str
    value: object
    start: int
    end: int
    fstart: int
    fend: int
    phrase: str


def _case_mask(phrase: str) -> tuple[int, ...] | None:
    """Positions that must be upper case in the text: only for phrases with a capital past the first letter."""
    letters = [i for i, c in enumerate(phrase) if c.isalpha()]
    uppers = [i for i in letters if phrase[i].isupper()]
    if len(uppers) >= 2 or (uppers and uppers[0] != letters[0]) or (len(letters) <= 3 and uppers == letters):
        return tuple(uppers)
    return None


class Matcher:
    """An automaton over the phrases of one language, with that language's clitics."""

    def __init__(self, prefixes: Iterable[str] = (), suffixes: Iterable[str] = (),
                 suffix_kinds: Iterable[str] | None = None) -> None:
        self._auto = ahocorasick.Automaton()
        self._entries: dict[str, list[tuple[Entry, tuple[int, ...] | None]]] = {}
        self.prefixes = tuple(sorted({p for p in prefixes if p}, key=len, reverse=True))
        self.suffixes = tuple(sorted({s for s in suffixes if s}, key=len, reverse=True))
        self._suffix_set = frozenset(self.suffixes)
        # Kinds of phrase that may carry a suffix; None: all kinds.
        self.suffix_kinds = frozenset(suffix_kinds) if suffix_kinds is not None else None
        self._built = False

    def add(self, phrase: str, kind: str, value: object) -> None:
        key = fold_str(phrase).strip()
        if not key:
            return
        rows = self._entries.setdefault(key, [])
        entry = Entry(kind, value, phrase)
        if all(e.kind != kind or e.value != value for e, _ in rows):
            rows.append((entry, _case_mask(phrase)))

    def add_all(self, phrases: Iterable[str], kind: str, value: object) -> None:
        for p in phrases:
            self.add(str(p), kind, value)

    def entries(self, key: str) -> list[Entry]:
        return [e for e, _ in self._entries.get(fold_str(key), [])]

    def _build(self) -> None:
        for key, rows in self._entries.items():
            self._auto.add_word(key, (key, rows))
        if self._entries:
            self._auto.make_automaton()
        self._built = True

    def _left_ok(self, text: str, start: int) -> bool:
        pos, stacked = start, 0
        while True:
            if pos == 0 or not is_word_char(text[pos - 1]):
                return True
            if stacked == 3:
                return False
            for p in self.prefixes:
                if text.startswith(p, pos - len(p)):
                    pos -= len(p)
                    stacked += 1
                    break
            else:
                return False

    def _right(self, text: str, end: int) -> str:
        """'exact' at a word boundary, 'suffix' when a suffix then a boundary follow, else ''."""
        n = len(text)
        if end >= n or not is_word_char(text[end]):
            if end < n - 1 and text[end] in "'-" and is_word_char(text[end + 1]):
                ok = self._suffix_then_boundary(text, end + 1, lenient=text[end] == "'")
                return "suffix" if ok else "exact"
            return "exact"
        return "suffix" if self._suffix_then_boundary(text, end, lenient=False) else ""

    def _suffix_then_boundary(self, text: str, pos: int, lenient: bool) -> bool:
        """The rest of the word from `pos` is one of the suffixes (or, after an apostrophe, short)."""
        n = len(text)
        e = pos
        while e < n and is_word_char(text[e]) and e - pos <= 12:
            e += 1
        if e < n and is_word_char(text[e]):
            return False
        if text[pos:e] in self._suffix_set:
            return True
        return lenient and e - pos <= 5  # Türkiye'nin, Bakü'de

    def find(self, folded: Folded) -> list[Hit]:
        """Every hit in the text, overlapping ones included, in order of start."""
        if not self._built:
            self._build()
        if not self._entries:
            return []
        text = folded.text
        hits: list[Hit] = []
        for fend_incl, (key, rows) in self._auto.iter(text):
            fstart, fend = fend_incl - len(key) + 1, fend_incl + 1
            # a phrase that ends in an elision ("en matière d'") is followed by its word directly
            right = "exact" if key.endswith("'") else self._right(text, fend)
            if not right or not self._left_ok(text, fstart):
                continue
            start, end = folded.span(fstart, fend)
            for entry, mask in rows:
                if right == "suffix" and self.suffix_kinds is not None and entry.kind not in self.suffix_kinds:
                    continue
                if mask is not None and not _case_ok(folded, fstart, key, entry.phrase, mask):
                    continue
                hits.append(Hit(entry.kind, entry.value, start, end, fstart, fend, entry.phrase))
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits


def _case_ok(folded: Folded, fstart: int, key: str, phrase: str, mask: tuple[int, ...]) -> bool:
    """The capitals of `phrase` stand as capitals in the original text."""
    folded_phrase = fold_str(phrase)
    if len(folded_phrase) != len(phrase) or len(key) != len(phrase):
        return True  # folding changed lengths: cannot align, accept
    for i in mask:
        orig = folded.original[folded.index[fstart + i]]
        if not orig.isupper():
            return False
    return True


def longest(hits: Iterable[Hit]) -> list[Hit]:
    """Leftmost-longest hits that do not overlap (for one group of kinds)."""
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.fstart, -(h.fend - h.fstart))):
        if out and h.fstart < out[-1].fend:
            continue
        out.append(h)
    return out
