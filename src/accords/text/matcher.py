"""Find lexicon phrases in a text, in any inflected or cliticised form a language pack allows.

One Aho-Corasick automaton (pyahocorasick) holds every phrase of a language, folded. A hit
counts when its left edge is a word boundary, possibly after a stack of the language's prefix
clitics (Arabic و ب ل ال, Hebrew ו ה ב ל מ ש כ), and its right edge is a boundary, possibly
after one of the language's suffixes (Russian case endings, Turkish and Azerbaijani case
suffixes with or without an apostrophe). Phrases with capitals inside ("US", "MoU") must keep
those capitals in the text, so "US" never matches the pronoun "us".

Scripts written without spaces (Chinese, Japanese: `spaced: false`) have no word boundaries to
check: a hit counts wherever it stands, and the longest hit at a position hides the shorter ones
there (协定 inside 协定书 is the one instrument). A name of one character (中 China, 美 the US,
日 Japan) is also a common word or a piece of one (其中, 美元, 16日): it counts only beside
another party (中美, 日・ウクライナ), and never right after a digit.
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
                 suffix_kinds: Iterable[str] | None = None, spaced: bool = True) -> None:
        self.spaced = spaced
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
            right = "exact" if key.endswith("'") or not self.spaced else self._right(text, fend)
            if not right or (self.spaced and not self._left_ok(text, fstart)):
                continue
            start, end = folded.span(fstart, fend)
            for entry, mask in rows:
                if right == "suffix" and self.suffix_kinds is not None and entry.kind not in self.suffix_kinds:
                    continue
                if mask is not None and not _case_ok(folded, fstart, key, entry.phrase, mask):
                    continue
                hits.append(Hit(entry.kind, entry.value, start, end, fstart, fend, entry.phrase))
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits if self.spaced else _unspaced(text, hits)


# What may stand between two party names written as a pair (日・ウクライナ, 中—东盟).
_PAIR_JOINERS = frozenset("・-—–‐/")


def _unspaced(text: str, hits: list[Hit]) -> list[Hit]:
    """Without word boundaries: the longest hit at a position, and one-character parties only in pairs."""
    hits = [h for h in hits if _script_edges(text, h)]
    longest_at: dict[tuple[int, str], int] = {}
    for h in hits:
        key = (h.fstart, h.kind)
        longest_at[key] = max(longest_at.get(key, 0), h.fend)
    hits = [h for h in hits if h.fend == longest_at[(h.fstart, h.kind)]]
    parties = [h for h in hits if h.kind == "party"]
    return [h for h in hits if h.kind != "party" or h.fend - h.fstart > 1 or _paired(text, h, parties)]


def _script_class(ch: str) -> str:
    """Katakana and Latin words are still delimited by a change of script (タイ in ネクタイ, EU in EURO)."""
    o = ord(ch)
    if (0x30A1 <= o <= 0x30FF and ch != "・") or 0xFF66 <= o <= 0xFF9F:
        return "kana"
    if ch.isascii() and ch.isalnum():
        return "latin"
    return ""


def _script_edges(text: str, h: Hit) -> bool:
    """A hit that starts or ends in katakana or Latin letters does not cut a word of that script."""
    first, last = _script_class(text[h.fstart]), _script_class(text[h.fend - 1])
    before = _script_class(text[h.fstart - 1]) if h.fstart > 0 else ""
    after = _script_class(text[h.fend]) if h.fend < len(text) else ""
    return not (first and first == before) and not (last and last == after)


def _paired(text: str, h: Hit, parties: list[Hit]) -> bool:
    """A one-character party stands beside another one (中美, 日比) or across a joiner from any
    party (日・ウクライナ); not after a digit (16日)."""
    if h.fstart > 0 and text[h.fstart - 1].isdigit():
        return False

    def touches(o: Hit) -> bool:
        a, b = (o.fend, h.fstart) if o.fend <= h.fstart else (h.fend, o.fstart)
        return (a == b and o.fend - o.fstart == 1) or (b - a == 1 and text[a] in _PAIR_JOINERS)
    return any(o is not h and o.value != h.value and touches(o) for o in parties)


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
