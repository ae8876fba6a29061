"""One pass over a document that every extractor reads: tokens, sentences, lexicon hits, quotes.

Hits are kept per layer, each layer resolved leftmost-longest ("joint declaration" over
"declaration", "رئيس الوزراء" over "رئيس"), while different layers may overlap (a demonym can
be a party and part of a role).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import regex

from accords.lang.lexicon import matcher
from accords.lang.pack import LangPack, load
from accords.text.matcher import Hit, longest
from accords.text.normalize import Folded, fold, fold_str, light_fold
from accords.text.segment import Segment, sentences

LAYERS: dict[str, str] = {
    "party": "party", "not_party": "party", "known_person": "person", "known_surname": "person",
    "city": "place", "landmark": "place",
    "instrument": "instrument", "anaphora": "instrument",
    "done": "verb", "nominal": "verb", "announce": "verb", "continuation": "verb", "not_agent": "verb", "not_done": "verb", "after_cue": "verb", "agent": "verb",
    "completion": "completion", "represent": "represent", "recall": "recall",
    "role": "title", "rank": "title", "pair_subject": "title", "honorific": "title", "counterpart": "title",
    "body_noun": "title", "portfolio": "title", "capital_word": "title",
    "month": "date", "weekday": "date", "rel_day": "date", "rel_month": "date",
    "year_word": "date", "cal_month": "date",
    "area": "topic", "domain": "topic",
    "side_word": "cue", "side_cue": "cue", "presence_after": "cue", "between": "between", "between_after": "between", "presence_cue": "cue", "subject_cue": "cue",
    "content_cue": "cue", "quote_verb": "cue", "coverage_cue": "coverage",
}

# A token: initials ("J.D.", "J."), or a run of letters, marks and digits, with inner ' - or the
# Hebrew geresh/gershayim (ארה"ב, ג'ון) and the zero-width non-joiner of Persian (حسین‌زاده) kept
# inside. A French or Italian elision (d'Anne, l'accord, dell'Università, all'Italia) is its own token,
# so the name after it keeps its capital.
_TOKEN = regex.compile(
    r"(?:\p{Lu}\.){1,3}(?!\p{L})"
    r"|\b[dljmnstcDLJMNSTC]['’](?=\p{L})|\b[qQ]u['’](?=\p{L})"
    r"|\b(?:[dDnNsS]ell|[aA]ll|[dD]all|[sS]ull|[cC]oll|[uU]n|[qQ]uest|[qQ]uell)['’](?=\p{L})"
    r"|[\p{L}\p{M}\p{N}]+(?:(?:['’\-‐\u200c]|(?<=\p{Hebrew})[\"״׳](?=\p{Hebrew}))[\p{L}\p{M}\p{N}]+)*")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    folded: str
    light: str  # lower case, marks dropped, letters kept (على and علي stay apart)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class Doc:
    """A document annotated for extraction. Offsets are in `text`, the stored source text."""

    text: str
    lang: str
    pack: LangPack
    folded: Folded
    tokens: list[Token]
    sentences: list[Segment]
    hits: list[Hit]
    quotes: list[tuple[int, int]] = field(default_factory=list)
    cache: dict[str, object] = field(default_factory=dict, repr=False)  # per-document results stages share
    _token_starts: list[int] = field(default_factory=list, repr=False)
    _hit_starts: list[int] = field(default_factory=list, repr=False)
    _quote_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._token_starts = [t.start for t in self.tokens]
        self._hit_starts = [h.start for h in self.hits]  # hits are sorted by start

    def hits_in(self, start: int, end: int, *kinds: str) -> list[Hit]:
        i, j = bisect_left(self._hit_starts, start), bisect_left(self._hit_starts, end)
        return [h for h in self.hits[i:j] if h.end <= end and (not kinds or h.kind in kinds)]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        i = bisect_left(self._token_starts, start)
        j = bisect_right(self._token_starts, end - 1)
        return [t for t in self.tokens[i:j] if t.end <= end]

    def token_index(self, pos: int) -> int:
        """Index of the first token starting at or after `pos`."""
        return bisect_left(self._token_starts, pos)

    def in_quote(self, pos: int) -> bool:
        i = bisect_right(self._quote_starts, pos) - 1  # quotes are sorted and do not overlap
        return i >= 0 and self.quotes[i][0] < pos < self.quotes[i][1]

    def sentence_of(self, pos: int) -> Segment | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None


def resolve_layers(hits: list[Hit]) -> list[Hit]:
    """Leftmost-longest within each layer; all layers together, sorted by position."""
    by_layer: dict[str, list[Hit]] = {}
    for h in hits:
        by_layer.setdefault(LAYERS.get(h.kind, h.kind), []).append(h)
    out: list[Hit] = []
    for layer_hits in by_layer.values():
        kept = longest(layer_hits)
        keep_spans = {(h.fstart, h.fend) for h in kept}
        blocked = {(h.fstart, h.fend) for h in layer_hits if h.kind == "not_party"}
        out.extend(h for h in layer_hits if (h.fstart, h.fend) in keep_spans and
                   not (h.kind == "party" and (h.fstart, h.fend) in blocked))
    out.sort(key=lambda h: (h.start, -h.end, h.kind))
    return out


_ACRONYM_AFTER = regex.compile(r"[^.;:()\n]{0,60}?\((\p{Lu}[\p{Lu}\d]{1,7})\)")
_ACRONYM_WORD = regex.compile(r"\p{L}+")


def _acronym_of(text: str, h: Hit, m: regex.Match[str]) -> bool:
    """The bracketed acronym is made of the initials of the words that name the instrument
    ("inter-governmental agreement (IGA)", "tratado de libre comercio (TLC)"), short function
    words aside, and those words hold the instrument word: not "an agreement with the
    International Atomic Energy Agency (IAEA)", an acronym of something else."""
    acr = m.group(1)
    words = [w for w in _ACRONYM_WORD.finditer(text, max(0, h.start - 80), m.start(1) - 1)
             if not (len(w.group()) <= 3 and w.group().islower())]
    last = words[-len(acr):]
    return len(last) == len(acr) and last[0].start() <= h.start \
        and fold_str("".join(w.group()[0] for w in last)) == fold_str(acr)


def _named_by_acronym(text: str, folded: Folded, hits: list[Hit]) -> list[Hit]:
    """An instrument the text names by the acronym it gave it ("an inter-governmental agreement
    (IGA) ... The IGA has been signed by"): each later use of the acronym is that instrument."""
    out: list[Hit] = []
    for h in hits:
        m = _ACRONYM_AFTER.match(text, h.end) if h.kind == "instrument" else None
        if m is None or not _acronym_of(text, h, m):
            continue
        for use in regex.finditer(rf"(?<!\w){regex.escape(m.group(1))}(?!\w)", text[m.end():]):
            a, b = m.end() + use.start(), m.end() + use.end()
            out.append(Hit(h.kind, h.value, a, b, folded.folded_pos(a), folded.folded_pos(b), use.group()))
    return out


def _instrument_title(text: str, span: tuple[int, int], hits: list[Hit]) -> bool:
    """A quoted name of an instrument, however long („Пътна карта за сътрудничество между X и Y в
    областта на отбраната“): an instrument word opens it and no stop or comma breaks it. It names
    what was signed, and who signed it; it is no one's words."""
    start, end = span
    inner = text[start + 1 : end - 1]
    if any(c in ".!?؟…,،;" for c in inner.rstrip()):
        return False
    head = start + 1 + len(inner) - len(inner.lstrip())
    return any(h.kind == "instrument" and h.start == head for h in hits)


def annotate(text: str, lang: str) -> Doc:
    """Tokens, sentences, lexicon hits and quotation spans of a text in a language."""
    from accords.extract.quotes import quote_spans, statement_quotes

    pack = load(lang)
    folded = fold(text)
    hits = resolve_layers(matcher(lang).find(folded))
    hits = sorted(hits + _named_by_acronym(text, folded, hits), key=lambda h: (h.start, -h.end, h.kind))
    tokens = [Token(m.start(), m.end(), m.group(), fold_str(m.group()), light_fold(m.group()))
              for m in _TOKEN.finditer(text)]
    sents = sentences(text, pack.get("language.yaml", "abbreviations"))
    doc = Doc(text, lang, pack, folded, tokens, sents, hits)
    verbs = [h for h in hits if h.kind == "quote_verb"]

    def attributed(start: int, end: int) -> bool:
        """A quote verb or a colon right before or after: someone's words, however short."""
        before = text[max(0, start - 3) : start]
        return ":" in before or any(0 <= h.start - end <= 30 or 0 <= start - h.end <= 12 for h in verbs)

    quotes = [q for q in quote_spans(text, pack, attributed=attributed)
              if attributed(*q) or not _instrument_title(text, q, hits)]
    reports = set(statement_quotes(text, quotes, pack.get("quote_patterns.yaml", "statement_nouns")))
    doc.quotes = [q for q in quotes if q not in reports]  # an institution's statement reads as narrative
    doc._quote_starts = [a for a, _ in doc.quotes]
    return doc
