"""From signing clauses to events: what was signed, by whom, for whom, when, where, about what.

The first clause that is not about an earlier agreement opens the main event. Later clauses
join it unless they name another instrument between other parties (two agreements signed at
one ceremony); clauses about earlier agreements become its `related` entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from accords.extract.annotate import Doc
from accords.extract.clauses import Clause
from accords.extract.event_dates import as_date, date_support, dated_participle, lead_in, older, past_year, signing_date
from accords.extract.party_spans import parties_between, parties_in, stands_as_party
from accords.extract.people_elsewhere import assign_sides, offices_named_next, pair_subject, presence_elsewhere
from accords.extract.reading import read
from accords.extract.signatories import add_people, presence_scopes
from accords.extract.signings import (
    Signing,
    cut_signings,
    inherit_parties,
    keep_own_subjects,
    share_ceremony,
    signing_instrument,
)
from accords.extract.topics import read_topics
from accords.lang.bodies import bodies_for, find_bodies
from accords.lang.hosts import beside_city_word
from accords.lang.lexicon import capital_of
from accords.model import EventMention, Found, Related
from accords.text.segment import Segment

_HEAD_WORDS = 4  # a headline has at least this many words; a rubric, a dateline or a byline fewer
_HEAD_REACH = 5  # sentences at the top of a page that may be its chrome


def _headline(doc: Doc) -> Segment | None:
    """The article's headline: its first sentence of some words, past the rubric, the time and the
    byline a page puts above it ("Политика", "5 декабря 2025, 16:42", "Текст: X Y")."""
    for sent in doc.sentences[:_HEAD_REACH]:
        if sum(1 for t in doc.tokens_in(sent.start, sent.end) if t.text.isalpha()) >= _HEAD_WORDS:
            return sent
    return doc.sentences[0] if doc.sentences else None


class _Builder:
    def __init__(self, doc: Doc, published: dt.date | None, day_known: bool = True) -> None:
        self.r = read(doc, published, day_known)
        self._bodies: list[Found] | None = None  # the text's state bodies, read when first needed
        self.explicit: set[int] = set()  # events whose parties a "between X and Y" named
        self.clauses_of: dict[int, list[Clause]] = {}  # event index -> its signing clauses

    # -- events ---------------------------------------------------------------------------
    def build(self) -> list[EventMention]:
        cut = cut_signings(self.r.doc, self.r.clauses, self._parties_of, self._earlier)
        events: list[EventMention] = []
        for signing in cut.signings:
            ev = EventMention(index=len(events))
            events.append(ev)
            for c in signing.clauses:
                self._add_clause(ev, c)
            ev.instrument = _instrument(self.r.doc, signing, cut.related, partial(past_year, self.r))
        for ev, signing in zip(events, cut.signings, strict=True):
            if signing.ceremony is not None:
                inherit_parties(ev, events[signing.ceremony])
            self._complete(ev)
        share_ceremony(events)
        if events:
            for c in cut.related:
                events[0].related.append(self._related(events[0], c))
        # an event names a party or a signatory: with neither it describes no international signing;
        # an announcement alone must name both sides (one state announcing a deal is no record of it)
        # and an earlier signing told in passing names its two sides ("its commitment to the Paris
        # Agreement, signed in 2015" reports no signing between identified parties)
        def weak(e: EventMention) -> bool:
            return cut.background_only or (e.trigger is not None and e.trigger.value == "announced")

        return [e for e in events if (e.parties or e.signatories) and not (weak(e) and len(e.parties) < 2)]

    def _parties_of(self, c: Clause) -> set[str]:
        return {f.value for f in self._clause_parties(c)[0]}

    def _earlier(self, c: Clause, first: Signing | None) -> bool:
        """The clause tells of a signing before the article's first one, or names one by its year."""
        return (first is not None and older(self.r, c, first)) or dated_participle(self.r, c)

    def _add_clause(self, ev: EventMention, c: Clause) -> None:
        ev.sentences.append((c.start, c.end))
        self.clauses_of.setdefault(ev.index, []).append(c)
        if c.verb.kind == "announce":
            if ev.trigger is None:
                ev.trigger = Found("announced", c.verb.start, c.verb.end, "announce-verb")
        elif ev.trigger is None or ev.trigger.value == "announced":
            ev.trigger = Found("signed", c.verb.start, c.verb.end, "signing-verb")
        if c.instrument is not None and c.instrument.kind == "instrument":
            f = Found(c.instrument.value, c.instrument.start, c.instrument.end, "instrument-word")
            ev.instrument_words.append(f)
        named, between = self._clause_parties(c)
        if between:
            self.explicit.add(ev.index)
        for p in named:
            if p.value not in {x.value for x in ev.parties}:
                ev.parties.append(p)
        add_people(self.r, ev, c)

    def _clause_parties(self, c: Clause) -> tuple[list[Found], bool]:
        """The parties a clause names: "between X and Y" if it says so, else those of its core
        (before a relative clause), less the states of people who were only present."""
        doc = self.r.doc
        stop = c.related_from if c.related_from is not None else c.end
        between = [p for p in parties_between(doc, c.start, stop) if not c.in_other_item(p.start)]
        named = between or parties_in(doc, c.start, self._party_stop(c, stop), c.related_from)
        if between and self._between_other(c, stop, between):
            spans = [(p.start, p.end) for p in between]
            named = [p for p in parties_in(doc, c.start, self._party_stop(c, stop), c.related_from)
                     if (p.start, p.end) not in spans]
            between = []
        scopes = presence_scopes(doc, c.start, stop, self.r.people)
        return [p for p in named if not any(a <= p.start < b for a, b in scopes)
                and not c.in_other_item(p.start)], bool(between)

    def _between_other(self, c: Clause, stop: int, between: list[Found]) -> bool:
        """"The ministers of X and Y signed a memorandum on the ceasefire between A and B": signers
        of two stated sides, none of them in the "between" pair, sign for their own states; the
        pair is the subject's."""
        scopes = presence_scopes(self.r.doc, c.start, stop, self.r.people)
        sides = {p.party for p in self.r.people if c.start <= p.start < stop and p.party
                 and not any(a <= p.start < b for a, b in scopes)}
        return len(sides) >= 2 and not sides & {f.value for f in between}

    def _party_stop(self, c: Clause, stop: int) -> int:
        """Parties are read up to a relative clause that follows the verb and the instrument
        ("..., which was freed from the Armenian occupation"): it speaks of something else."""
        after = max(c.verb.end, c.instrument.end if c.instrument else 0)
        for t in self.r.doc.tokens_in(after, stop):
            if t.folded in self.r.relatives:
                return t.start
        return stop

    # -- completing an event ---------------------------------------------------------------
    def _complete(self, ev: EventMention) -> None:
        self._more_parties(ev)
        self._drop_affiliations(ev)
        self._drop_city_states(ev)
        pair_subject(self.r, ev, self.clauses_of.get(ev.index, []))
        offices_named_next(self.r, ev, self.clauses_of.get(ev.index, []))
        presence_elsewhere(self.r, ev)
        assign_sides(ev)
        ev.date_signed = signing_date(self.r, ev)
        ev.date_support = date_support(self.r, ev)
        ev.place = self._place(ev)
        ev.domains, ev.areas = read_topics(self.r.doc, ev, self.r.people)
        keep_own_subjects(ev, self.clauses_of.get(ev.index, []))
        spans = [(c.sentence.start, c.sentence.end) for c in self.clauses_of.get(ev.index, [])]
        if self._bodies is None:  # one reading of the text's bodies serves every event
            self._bodies = find_bodies(self.r.doc.text, self.r.doc.lang, self.r.doc.hits)
        ev.bodies = bodies_for(self._bodies, spans, {p.value for p in ev.parties})

    def _drop_affiliations(self, ev: EventMention) -> None:
        """An organisation named only inside a signer's office ("נשיא האוניברסיטה העברית", "Rector
        of X University") is whom the signer works for, not a party, when two others are named."""
        roles = [(p.role_start, p.role_end) for p in self.r.people if p.role_start is not None and p.role_end]

        def in_role(f: Found) -> bool:
            return any(a <= f.start and f.end <= b for a, b in roles)  # type: ignore[operator]

        only_in_roles = {f.value for f in ev.parties if str(f.value).startswith("org:")
                         and all(in_role(g) for g in ev.parties if g.value == f.value)}
        keep = [f for f in ev.parties if f.value not in only_in_roles]
        if only_in_roles and len({f.value for f in keep}) >= 2:
            ev.parties = keep

    def _drop_city_states(self, ev: EventMention) -> None:
        """A state named only as where a city is ("the Polish city of X") is no party beside two
        organisations that sign (the cities' municipalities); with fewer, it is all the text gives."""
        text, hits = self.r.doc.text, self.r.doc.hits
        located = {f.value for f in ev.parties if not str(f.value).startswith("org:")
                   and all(beside_city_word(text, hits, (g.start, g.end)) for g in ev.parties if g.value == f.value)}
        keep = [f for f in ev.parties if f.value not in located]
        if located and len([f for f in keep if str(f.value).startswith("org:")]) >= 2:
            ev.parties = keep

    def _more_parties(self, ev: EventMention) -> None:
        """Fewer than two parties in the clauses: read the sentences that name the instrument, and the headline."""
        explicit = ev.index in self.explicit  # "between X and Y" named the parties: a witness adds none
        for p in ev.signatories:
            if not explicit and p.party and p.party.value not in {x.value for x in ev.parties}:
                ev.parties.append(p.party)
        if len(ev.parties) >= 2:
            return
        kinds = {f.value for f in ev.instrument_words}
        related_spans = [(c.start, c.end) for c in self.r.clauses if c.related]
        head = _headline(self.r.doc)
        for sent in ([head] if head else []) + self.r.doc.sentences:
            if any(a <= sent.start < b for a, b in related_spans):
                continue
            insts = [h for h in self.r.doc.hits_in(sent.start, sent.end, "instrument") if h.value in kinds]
            headline = sent is head
            if not insts and not headline:
                continue
            for party in parties_in(self.r.doc, sent.start, sent.end):
                if party.value not in {x.value for x in ev.parties}:
                    ev.parties.append(party)
            if len(ev.parties) >= 2:
                return
        self._parties_nearby(ev, related_spans)

    def _parties_nearby(self, ev: EventMention, related_spans: list[tuple[int, int]]) -> None:
        """Still fewer than two: "between our countries" — the states are named next to the signing."""
        sents = self.r.doc.sentences
        own = {(a, b) for a, b in ev.sentences}
        for i, sent in enumerate(sents):
            if (sent.start, sent.end) not in own:
                continue
            for j in (i + 1, i - 1):
                if not 0 <= j < len(sents) or any(a <= sents[j].start < b for a, b in related_spans):
                    continue
                for p in parties_in(self.r.doc, sents[j].start, sents[j].end):
                    if p.value not in {x.value for x in ev.parties}:
                        ev.parties.append(Found(p.value, p.start, p.end, "party-next-sentence"))
                if len(ev.parties) >= 2:
                    return

    def _place(self, ev: EventMention) -> Found | None:
        spans = list(ev.sentences)
        first_end = ev.sentences[0][1] if ev.sentences else 0
        spans.append((first_end, first_end + 300))
        lead = lead_in(self.r, ev)
        if lead:
            spans.append(lead)
        spans = [(max(a, self.r.dateline[1]) if a < self.r.dateline[1] else a, b) for a, b in spans]
        spans.append(self.r.dateline)  # the reporter's city, when the text names no other
        for a, b in spans:
            for h in self.r.doc.hits_in(a, b, "city", "landmark"):
                if self.r.doc.in_quote(h.start) or self.r.in_related(h.start):
                    continue
                if h.kind == "city" and capital_of().get(str(h.value)) and stands_as_party(self.r.doc, h):
                    continue
                return Found(str(h.value), h.start, h.end, f"place-{h.kind}")
        return None

    def _implied_party(self, main: EventMention, c: Clause, start: int) -> str:
        """The first main party named in the sentence before, or in this one, else the first main party."""
        mine = {x.value for x in main.parties}
        idx = self.r.doc.sentences.index(c.sentence)
        for sent in ([self.r.doc.sentences[idx - 1]] if idx else []) + [c.sentence]:
            named = [f.value for f in parties_in(self.r.doc, sent.start, min(sent.end, start)) if f.value in mine]
            if named:
                return str(named[0])
        return str(main.parties[0].value) if main.parties else ""

    def _related(self, main: EventMention, c: Clause) -> Related:
        doc = self.r.doc
        start = c.related_from if c.related_from is not None else c.start
        if start > c.start and c.verb.start > start \
                and not any(h.kind == "done" and h.start < start for h in c.hits):
            # a verb-final clause with the cue inside it ("X and Y the declaration already in 2019
            # signed"): its subject, before the cue, is the earlier agreement's parties
            start = c.start
        parties = [f.value for f in parties_in(doc, start, c.end)]
        if len(parties) == 1:  # "with the US": the other side is the main party the text was speaking of
            parties.insert(0, self._implied_party(main, c, start))
        base = self.r.published or as_date(main.date_signed.value if main.date_signed else None)
        date = None
        for d in self.r.dates:
            if start <= d.start < c.end:
                date = d.resolve(base)
                break
        inst = c.instrument.value if c.instrument and c.instrument.kind == "instrument" else None
        end = c.end
        parties = [p for p in parties if p]
        return Related("follows", str(inst) if inst else None, tuple(dict.fromkeys(parties)), date, start, end)


def _instrument(doc: Doc, signing: Signing, related: list[Clause],
                another_time: Callable[[Clause], bool]) -> Found | None:
    """The signing's instrument (signings.signing_instrument); "documents" of no type the text
    names are a document of type `other`, the word "documents" its evidence."""
    hit, rule = signing_instrument(doc, signing.clauses, related, another_time)
    if hit is None:
        return None
    return Found("other" if hit.kind == "anaphora" else hit.value, hit.start, hit.end, rule)


def extract_events(doc: Doc, published: dt.date | None, day_known: bool = True) -> list[EventMention]:
    """The signing events a document reports (none when it reports no signing). With `day_known`
    False, `published` is the last day of the month the source is known to be from."""
    return _Builder(doc, published, day_known).build()
