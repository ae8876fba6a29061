"""From signing clauses to events: what was signed, by whom, for whom, when, where, about what.

The first clause that is not about an earlier agreement opens the main event. Later clauses
join it unless they name another instrument between other parties (two agreements signed at
one ceremony); clauses about earlier agreements become its `related` entries.

This module only runs the stages, in this order; each stage lives in a module of its own:
1. `reading`: the text's people, dates and signing clauses, read once for every stage.
2. `signings`: the clauses cut into signings; which clauses are background it asks of
   `event_dates` (dated well before, or a participle beside a bare year) and which parties a
   clause names of `event_parties`.
3. Per clause of a signing: its trigger, instrument word, parties (`event_parties`) and people
   (`signatories`: who signed, for whom, who was only present); the signing's instrument.
4. Per event: the ceremony's parties for an item naming fewer than two (`signings`), more
   parties and fewer (`event_parties`), people named outside its clauses and a side by
   elimination (`people_elsewhere`), its date (`event_dates`), its place (here), its subject
   (`topics`) and the state bodies its sentences name.
5. The ceremony's date, place and witnesses shared with its items (`signings`), and the
   earlier agreements the report recalls, on the main event (`related`).
An event with neither a party nor a signatory, or an announcement naming fewer than two
parties, reports no signing and is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from accords.extract.annotate import Doc
from accords.extract.clauses import Clause
from accords.extract.event_dates import date_support, dated_participle, lead_in, older, past_year, signing_date
from accords.extract.event_parties import clause_parties, drop_affiliations, drop_city_states, more_parties
from accords.extract.party_spans import stands_as_party
from accords.extract.people_elsewhere import assign_sides, offices_named_next, pair_subject, presence_elsewhere
from accords.extract.reading import read
from accords.extract.related import related_entry
from accords.extract.signatories import add_people
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
from accords.lang.lexicon import capital_of
from accords.model import EventMention, Found


class _Builder:
    """One document's events, built stage by stage (see the module's docstring)."""

    def __init__(self, doc: Doc, published: dt.date | None, day_known: bool = True) -> None:
        self.r = read(doc, published, day_known)
        self._bodies: list[Found] | None = None  # the text's state bodies, read when first needed
        self.explicit: set[int] = set()  # events whose parties a "between X and Y" named
        self.clauses_of: dict[int, list[Clause]] = {}  # event index -> its signing clauses

    # -- events ---------------------------------------------------------------------------
    def build(self) -> list[EventMention]:
        """The events of the document, the main one first."""
        cut = cut_signings(self.r.doc, self.r.clauses, self._parties_of, self._earlier)
        if cut.background_only:
            # the earlier signing the document recalls is its event: its day and place are no
            # longer another time's ("Нагадаємо, 30 квітня у Вашингтоні ... підписали угоду")
            told = cut.signings[0].clauses[0]
            self.r.clauses[:] = [told if c.verb == told.verb else c for c in self.r.clauses]
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
                events[0].related.append(related_entry(self.r, events[0], c))
        # an event names a party or a signatory: with neither it describes no international signing;
        # an announcement alone must name both sides (one state announcing a deal is no record of it)
        # and an earlier signing told in passing names its two sides ("its commitment to the Paris
        # Agreement, signed in 2015" reports no signing between identified parties)
        def weak(e: EventMention) -> bool:
            return cut.background_only or (e.trigger is not None and e.trigger.value == "announced")

        return [e for e in events if (e.parties or e.signatories) and not (weak(e) and len(e.parties) < 2)]

    def _parties_of(self, c: Clause) -> set[str]:
        return {f.value for f in clause_parties(self.r, c)[0]}

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
        named, between = clause_parties(self.r, c)
        if between:
            self.explicit.add(ev.index)
        for p in named:
            if p.value not in {x.value for x in ev.parties}:
                ev.parties.append(p)
        add_people(self.r, ev, c)

    # -- completing an event ---------------------------------------------------------------
    def _complete(self, ev: EventMention) -> None:
        more_parties(self.r, ev, ev.index in self.explicit)
        drop_affiliations(self.r, ev)
        drop_city_states(self.r, ev)
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

    def _place(self, ev: EventMention) -> Found | None:
        """Where the event was signed: the first city or landmark of its sentences, of the text
        right after the first, of the sentence setting the scene, else the dateline's city; not
        in a quotation, not in a recalled agreement, not a capital standing for its state."""
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
                in_dateline = self.r.dateline[0] <= h.start < self.r.dateline[1]  # the reporter's city, never a state
                if h.kind == "city" and capital_of().get(str(h.value)) and stands_as_party(self.r.doc, h) \
                        and not in_dateline:
                    continue
                return Found(str(h.value), h.start, h.end, f"place-{h.kind}")
        return None


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
