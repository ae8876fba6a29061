"""A state's bodies named in a text: its ministries, agencies, central bank, armed forces.

A body signs for its state: the party is the state, and the body goes into the party's
`bodies` (spec/record.md). A body is found like an organisation (lang/orgs.py), by a body noun
of the pack (`body_nouns` of parties.yaml: Ministry, Agentur, وزارة, משרד, министерство), read
out to the edges of its name, and belongs to the state its name holds ("Central Bank of
Azerbaijan", وزارة الخارجية المصرية) or that stands right before it ("Japan's Ministry of
Foreign Affairs", "the Turkish Defence Ministry"). A body noun that is also an organisation
word (university, company) names an organisation, not a body.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from accords.lang.orgs import (
    _PUNCT,
    _WINDOW,
    _candidates,
    _cased_span,
    _Context,
    _name_start,
    _Tok,
    _tokens,
    _uncased_span,
    _Words,
)
from accords.lang.pack import load
from accords.model import Found
from accords.text.matcher import Hit
from accords.text.normalize import Folded, fold, fold_str

_TAIL = 6  # words from a body noun to the state it is of


@cache
def _body_words(code: str) -> _Words:
    pack = load(code)
    orgs = {fold_str(k) for k in pack.get("parties.yaml", "org_words")}
    heads = {fold_str(n): str(n) for n in pack.get("parties.yaml", "body_nouns") if fold_str(n) not in orgs}
    return _Words(pack, heads=heads)


def find_bodies(text: str, code: str, hits: Sequence[Hit], folded: Folded | None = None) -> list[Found]:
    """Every state body named in a text: value {"name": as written, "party": ISO code}."""
    w = _body_words(code)
    ctx = _Context(hits)
    out: list[Found] = []
    last_end = -1
    for pos in _candidates(w, folded or fold(text)):
        if pos < last_end:
            continue
        toks = _tokens(text, max(0, pos - _WINDOW), min(len(text), pos + _WINDOW))
        i = next((n for n, t in enumerate(toks) if t.start <= pos < t.end), None)
        if i is None:
            continue
        span = _cased_span(w, toks, i, text, ctx) if w.pack.cased else _uncased_span(w, toks, i, text, ctx)
        state = _state_of(toks, span, ctx) if span else None
        if state is None:
            span = _to_state(w, toks, i, text, ctx)  # "Министерство энергетики России"
            state = _state_of(toks, span, ctx) if span else None
        if span is None or state is None:
            continue
        lo, hi = span
        start, end = _name_start(w, toks[lo]), toks[hi].end
        out.append(Found({"name": text[start:end], "party": str(state.value)}, start, end, "state-body"))
        last_end = end
    return out


def _state_of(toks: Sequence[_Tok], span: tuple[int, int], ctx: _Context) -> Hit | None:
    """The state a body's name holds, or the one right before it (Japan's, Turkish)."""
    lo, hi = span
    inside = [h for t in toks[lo : hi + 1] if (h := ctx.state_in(t))]
    if inside:
        return inside[0]
    return ctx.state_in(toks[lo - 1]) if lo > 0 and toks[lo].start - toks[lo - 1].end <= 3 else None


def _to_state(w: _Words, toks: Sequence[_Tok], i: int, text: str, ctx: _Context) -> tuple[int, int] | None:
    """A body noun, the words after it and the state they end in ("банк Азербайджана",
    "Ministerium für Energie Aserbaidschans"), with a capitalised word just before the noun."""
    for k in range(i + 1, min(len(toks), i + 1 + _TAIL)):
        if _PUNCT.search(text[toks[k - 1].end : toks[k].start]) or toks[k].folded in w.conjunctions:
            return None
        if ctx.state_in(toks[k]):
            prev = toks[i - 1] if i > 0 and text[toks[i - 1].end : toks[i].start] == " " else None
            adjective = prev is not None and prev.text[:1].isupper() and prev.folded not in w.stops | w.connectors
            return (i - 1 if adjective else i), k
    return None


def bodies_for(found: Sequence[Found], spans: Sequence[tuple[int, int]], parties: set[str]) -> list[Found]:
    """Of the bodies `find_bodies` found in a text, those inside any of `spans` that belong to one
    of `parties`, once each: what an event's `bodies` holds (extract/events: its clauses' spans
    and its parties)."""
    out: list[Found] = []
    for b in found:
        inside = any(a <= b.start and b.end <= z for a, z in spans)
        if inside and b.value["party"] in parties and all(o.value != b.value for o in out):
            out.append(b)
    return out
