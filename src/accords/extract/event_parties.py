"""Which parties an event has: those its clauses name, completed from nearby text, then pruned.

A clause names its parties by "between X and Y" when it says so (unless signers of two other
stated sides sign for their own states: the pair is then the subject's), else in its core,
before a relative clause that speaks of something else; states of people who were only present
are no parties. The signatories' states join them (unless "between" named the parties); with
fewer than two, the parties of the headline and of the sentences that name the instrument join,
then those of the sentences next to the signing. Last, an organisation named only inside a
signer's office, and a state named only as where a city is, give way when two others sign.
"""

from __future__ import annotations

from accords.extract.annotate import Doc
from accords.extract.clauses import Clause
from accords.extract.party_spans import parties_between, parties_in
from accords.extract.reading import Reading
from accords.extract.signatories import presence_scopes
from accords.lang.hosts import beside_city_word
from accords.model import EventMention, Found
from accords.text.segment import Segment

_HEAD_WORDS = 4  # a headline has at least this many words; a rubric, a dateline or a byline fewer
_HEAD_REACH = 5  # sentences at the top of a page that may be its chrome


def clause_parties(r: Reading, c: Clause) -> tuple[list[Found], bool]:
    """The parties a clause names: "between X and Y" if it says so, else those of its core
    (before a relative clause), less the states of people who were only present."""
    doc = r.doc
    stop = c.related_from if c.related_from is not None else c.end
    between = [p for p in parties_between(doc, c.start, stop) if not c.in_other_item(p.start)]
    named = between or parties_in(doc, c.start, _party_stop(r, c, stop), c.related_from)
    if between and _between_other(r, c, stop, between):
        spans = [(p.start, p.end) for p in between]
        named = [p for p in parties_in(doc, c.start, _party_stop(r, c, stop), c.related_from)
                 if (p.start, p.end) not in spans]
        between = []
    scopes = presence_scopes(doc, c.start, stop, r.people)
    return [p for p in named if not any(a <= p.start < b for a, b in scopes)
            and not c.in_other_item(p.start)], bool(between)


def _between_other(r: Reading, c: Clause, stop: int, between: list[Found]) -> bool:
    """"The ministers of X and Y signed a memorandum on the ceasefire between A and B": signers
    of two stated sides, none of them in the "between" pair, sign for their own states; the
    pair is the subject's."""
    scopes = presence_scopes(r.doc, c.start, stop, r.people)
    sides = {p.party for p in r.people if c.start <= p.start < stop and p.party
             and not any(a <= p.start < b for a, b in scopes)}
    return len(sides) >= 2 and not sides & {f.value for f in between}


def _party_stop(r: Reading, c: Clause, stop: int) -> int:
    """Parties are read up to a relative clause that follows the verb and the instrument
    ("..., which was freed from the Armenian occupation"): it speaks of something else."""
    after = max(c.verb.end, c.instrument.end if c.instrument else 0)
    for t in r.doc.tokens_in(after, stop):
        if t.folded in r.relatives:
            return t.start
    return stop


def more_parties(r: Reading, ev: EventMention, explicit: bool) -> None:
    """Fewer than two parties in the clauses: read the sentences that name the instrument, and the
    headline. With `explicit` ("between X and Y" named the parties) a witness's state adds none."""
    for p in ev.signatories:
        if not explicit and p.party and p.party.value not in {x.value for x in ev.parties}:
            ev.parties.append(p.party)
    if len(ev.parties) >= 2:
        return
    kinds = {f.value for f in ev.instrument_words}
    related_spans = [(c.start, c.end) for c in r.clauses if c.related]
    head = _headline(r.doc)
    for sent in ([head] if head else []) + r.doc.sentences:
        if any(a <= sent.start < b for a, b in related_spans):
            continue
        insts = [h for h in r.doc.hits_in(sent.start, sent.end, "instrument") if h.value in kinds]
        headline = sent is head
        if not insts and not headline:
            continue
        for party in parties_in(r.doc, sent.start, sent.end):
            if party.value not in {x.value for x in ev.parties}:
                ev.parties.append(party)
        if len(ev.parties) >= 2:
            return
    _parties_nearby(r, ev, related_spans)


def _parties_nearby(r: Reading, ev: EventMention, related_spans: list[tuple[int, int]]) -> None:
    """Still fewer than two: "between our countries" — the states are named next to the signing."""
    sents = r.doc.sentences
    own = {(a, b) for a, b in ev.sentences}
    for i, sent in enumerate(sents):
        if (sent.start, sent.end) not in own:
            continue
        for j in (i + 1, i - 1):
            if not 0 <= j < len(sents) or any(a <= sents[j].start < b for a, b in related_spans):
                continue
            # not the states of those it says were present ("Присъстваха ... посланикът на САЩ X")
            present = presence_scopes(r.doc, sents[j].start, sents[j].end, r.people, in_clause=False)
            for p in parties_in(r.doc, sents[j].start, sents[j].end):
                if p.value not in {x.value for x in ev.parties} and not any(a <= p.start < b for a, b in present):
                    ev.parties.append(Found(p.value, p.start, p.end, "party-next-sentence"))
            if len(ev.parties) >= 2:
                return


def _headline(doc: Doc) -> Segment | None:
    """The article's headline: its first sentence of some words, past the rubric, the time and the
    byline a page puts above it ("Политика", "5 декабря 2025, 16:42", "Текст: X Y")."""
    for sent in doc.sentences[:_HEAD_REACH]:
        if sum(1 for t in doc.tokens_in(sent.start, sent.end) if t.text.isalpha()) >= _HEAD_WORDS:
            return sent
    return doc.sentences[0] if doc.sentences else None


def drop_affiliations(r: Reading, ev: EventMention) -> None:
    """An organisation named only inside a signer's office ("נשיא האוניברסיטה העברית", "Rector
    of X University") is whom the signer works for, not a party, when two others are named."""
    roles = [(p.role_start, p.role_end) for p in r.people if p.role_start is not None and p.role_end]

    def in_role(f: Found) -> bool:
        return any(a <= f.start and f.end <= b for a, b in roles)

    only_in_roles = {f.value for f in ev.parties if str(f.value).startswith("org:")
                     and all(in_role(g) for g in ev.parties if g.value == f.value)}
    keep = [f for f in ev.parties if f.value not in only_in_roles]
    if only_in_roles and len({f.value for f in keep}) >= 2:
        ev.parties = keep


def drop_city_states(r: Reading, ev: EventMention) -> None:
    """A state named only as where a city is ("the Polish city of X") is no party beside two
    organisations that sign (the cities' municipalities); with fewer, it is all the text gives."""
    text, hits = r.doc.text, r.doc.hits
    located = {f.value for f in ev.parties if not str(f.value).startswith("org:")
               and all(beside_city_word(text, hits, (g.start, g.end)) for g in ev.parties if g.value == f.value)}
    keep = [f for f in ev.parties if f.value not in located]
    if located and len([f for f in keep if str(f.value).startswith("org:")]) >= 2:
        ev.parties = keep
