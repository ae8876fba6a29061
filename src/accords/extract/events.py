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
from accords.extract.clauses import WITNESS_REACH, Clause
from accords.extract.event_dates import as_date, date_support, dated_participle, lead_in, older, past_year, signing_date
from accords.extract.party_spans import names_people, parties_between, parties_in, stands_as_party
from accords.extract.people import PersonMention
from accords.extract.reading import read
from accords.extract.signings import (
    Signing,
    cut_signings,
    inherit_parties,
    keep_own_subjects,
    share_ceremony,
    signing_instrument,
)
from accords.extract.topics import read_topics
from accords.identity import other_given_names
from accords.knowledge import leaders
from accords.lang.bodies import bodies_for, find_bodies
from accords.lang.hosts import beside_city_word
from accords.lang.lexicon import capital_of
from accords.model import EventMention, Found, Person, Related
from accords.names import same_name
from accords.text.matcher import Hit
from accords.text.normalize import fold_str
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


def _side_marks(doc: Doc, start: int, end: int) -> list[tuple[int, str]]:
    """Positions where a text names the side that follows: "for the Israeli side", "on behalf of X"."""
    marks: list[tuple[int, str]] = []
    hits = doc.hits_in(start, end)
    parties = [h for h in hits if h.kind == "party"]
    for h in hits:
        if h.kind == "side_word":
            near = [p for p in parties if abs(p.start - h.end) <= 3 or abs(h.start - p.end) <= 3]
            if near:
                marks.append((min(h.start, near[0].start), str(near[0].value)))
        elif h.kind == "side_cue":
            nxt = [p for p in parties if 0 <= p.start - h.end <= 6]
            if nxt:
                marks.append((h.start, str(nxt[0].value)))
    return sorted(marks)


def _presence_scopes(doc: Doc, clause_start: int, clause_end: int,
                     people: list[PersonMention] | None = None, in_clause: bool = True) -> list[tuple[int, int]]:
    """Spans governed by a presence cue. A cue before the names ("in the presence of X") reaches
    up to a signing verb, an agent marker, a side, or — in a signing clause, where `people` is
    given — the comma after the first person it names ("با حضور X، A و B امضا کردند"). A cue after
    the names ("X'in huzurunda", "X ont assisté à") reaches back to the previous comma or verb."""
    hits = doc.hits_in(clause_start, clause_end)
    scopes = []
    for h in hits:
        if h.kind not in ("presence_cue", "presence_after"):
            continue
        if h.kind == "presence_after":
            starts = [x.end for x in hits if x.end <= h.start and x.kind in ("done", "agent", "side_word")]
            start = max(starts) if starts else clause_start
            # names in apposition carry commas ("the president, X, and the minister, Y, attended"):
            # the scope reaches back to the verb or the clause start, not to the last comma
            if people is None or any(start <= p.start < h.start for p in people) \
                    or any(x.kind in ("pair_subject", "role", "party") and start <= x.start < h.start for x in hits):
                scopes.append((start, h.start))
                continue
            # no name before it: the word opens the list instead ("בטקס נכחו X", "iştirak edən X")
        ends = [x.start for x in hits if x.start > h.end and x.kind in ("done", "agent", "side_word", "side_cue")]
        end = min(ends) if ends else clause_end
        # the comma ends the witnesses only when signers follow it (a verb, agent or side comes
        # later); after the verb, "..., as well as X" goes on listing who attended
        if people is not None and in_clause and h.kind == "presence_cue" and ends:
            named = [p.end for p in people if h.end <= p.start < end]
            # an office or a state with no name ("in the presence of the President of Egypt, A and B")
            named = named or [x.end for x in hits if h.end <= x.start < end and x.kind in ("role", "party")]
            if named:
                end = min(end, _next_comma(doc.text, named[0], end))
        scopes.append((h.start, end))
    return scopes


def _next_comma(text: str, pos: int, limit: int) -> int:
    for i in range(pos, limit):
        if text[i] in ",،;":
            return i
    return limit


def _prev_comma(text: str, pos: int, limit: int) -> int:
    for i in range(pos - 1, limit - 1, -1):
        if text[i] in ",،;":
            return i + 1
    return limit


def _person(doc: Doc, p: PersonMention, party: str | None, party_span: tuple[int, int] | None,
            day: dt.date | None = None) -> Person:
    role = Found(doc.text[p.role_start:p.role_end], p.role_start, p.role_end, "role") \
        if p.role_start is not None and p.role_end is not None else None
    pf = Found(party, party_span[0], party_span[1], "party-of-person") if party and party_span else None
    role_en = p.role_en
    if p.kb:
        office = leaders()[p.kb].office_on(day)
        if office is not None:
            if pf is None:  # the knowledge file says which state they held office for on that day
                pf = Found(office.country, p.start, p.end, "party-from-knowledge")
            if not role_en or role_en == "Counterpart":  # "his counterpart": the office says more
                role_en = office.title
    return Person(name=Found(p.name, p.start, p.end, p.rule), role=role, role_en=role_en, party=pf, kb=p.kb)


def _named_already(ev: EventMention, p: PersonMention) -> bool:
    """The event already has this person: the same name, or another case of it (ვენსმა, ვენსის),
    for the same side."""
    for x in ev.signatories + ev.present:
        if x.name.value == p.name:
            return True
        sides_agree = x.party is None or p.party is None or x.party.value == p.party
        if sides_agree and (x.kb and x.kb == p.kb or same_name(x.name.value, p.name)
                            and not other_given_names(x.name.value, p.name)):
            return True
    return False


_VISIT_REACH = 80  # characters before a title where "the visit of" may stand
_VISIT_WORDS = 6  # words from a visit noun to the visitor ("визита президента переходного периода Республики Мали")
_JOIN_GAP = 4  # characters of " and " between two coordinated names
_OFFICE_REACH = 2  # sentences after a clause naming offices where the people holding them are named
# sentences before a pair phrase ('the two ministers signed') where its two people may stand
_PAIR_REACH = 3


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
        self._add_people(ev, c)

    def _agentless_passive(self, c: Clause, stop: int) -> bool:
        """A passive verb ("was signed", "imzalanıb") with no agent marker and no "between X
        and Y" in its clause: the clause does not say who signed."""
        passive = self.r.doc.cache.get("passive_forms")
        if passive is None:
            passive = {fold_str(w) for w in self.r.doc.pack.get("signing_verbs.yaml", "passive_forms")}
            self.r.doc.cache["passive_forms"] = passive
        if fold_str(self.r.doc.text[c.verb.start:c.verb.end]) not in passive:  # type: ignore[operator]
            return False
        if any(h.kind == "agent" and h.start < stop for h in c.hits):
            return False
        # "signed between A and B" names the signers; "between the two countries" only the sides
        cues = [h for h in c.hits if h.kind in ("between", "between_after") and h.start < stop]
        return not any(names_people(h, self.r.people) for h in cues)

    def _reported_from(self, c: Clause) -> int:
        """Where the reported signing starts when a reporting verb introduces it: after the
        complementizer ("that", "أن") that follows the verb, or after the verb itself."""
        reports = [h for h in c.hits if h.kind == "quote_verb" and h.end <= c.verb.start]
        if not reports:
            return c.start
        last = reports[-1]
        comps = {fold_str(w) for w in self.r.doc.pack.get("quote_patterns.yaml", "complementizers")}
        for t in self.r.doc.tokens_in(last.end, c.verb.start):
            if t.folded in comps:
                return t.end
        return last.end

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
        scopes = _presence_scopes(doc, c.start, stop, self.r.people)
        return [p for p in named if not any(a <= p.start < b for a, b in scopes)
                and not c.in_other_item(p.start)], bool(between)

    def _between_other(self, c: Clause, stop: int, between: list[Found]) -> bool:
        """"The ministers of X and Y signed a memorandum on the ceasefire between A and B": signers
        of two stated sides, none of them in the "between" pair, sign for their own states; the
        pair is the subject's."""
        scopes = _presence_scopes(self.r.doc, c.start, stop, self.r.people)
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

    def _add_people(self, ev: EventMention, c: Clause) -> None:
        stop = c.related_from if c.related_from is not None else c.end
        scopes = _presence_scopes(self.r.doc, c.start, stop, self.r.people)
        sides = _side_marks(self.r.doc, c.start, stop)
        reported_from = self._reported_from(c)
        unnamed = self._agentless_passive(c, stop)
        if c.verb.kind == "nominal":  # "X attended the signing", "شهد X توقيع": X is a witness
            scopes = scopes + [(max(c.start, h.start - WITNESS_REACH), c.verb.start) for h in c.hits
                               if h.kind in ("presence_cue", "presence_after")
                               and 0 <= c.verb.start - h.end <= WITNESS_REACH]
        for p in self.r.people:
            if not (c.start <= p.start < stop) or c.in_other_item(p.start):
                continue
            if p.start < reported_from:
                continue  # "X announced that A and B signed", "أعلن X أن": X reports the signing
            if self._visitor(p):
                continue  # "during the visit of President X, ... was signed": X is not said to sign
            party, pspan = p.party, p.party_span
            if party is None:
                side = [s for s in sides if s[0] < p.start]
                if side:
                    party, pspan = side[-1][1], (side[-1][0], side[-1][0])
            person = _person(self.r.doc, p, party, pspan, self.r.published)
            present = any(a <= p.start < b for a, b in scopes)
            if unnamed and not present:
                continue  # "the MoU was signed in Baku, said minister X": X is not said to sign
            target = ev.present if present else ev.signatories
            if not _named_already(ev, p):
                target.append(person)

    def _visitor(self, p: PersonMention) -> bool:
        """A person named as the one whose visit it is: a visit noun among the few words before
        their title (or name), no comma between ("по итогам визита президента РФ X", "على هامش
        زيارة الرئيس الإيراني X", "during the state visit of President X")."""
        visits = self.r.doc.cache.get("visit_nouns")
        if visits is None:
            words = self.r.doc.pack.get("titles.yaml", "visit_nouns")
            visits = self.r.doc.cache["visit_nouns"] = {fold_str(w) for w in words}
        at = p.role_start if p.role_start is not None else p.start
        before = self.r.doc.tokens_in(max(0, at - _VISIT_REACH), at)[-_VISIT_WORDS:]
        prefixes = self.r.doc.pack.prefixes
        for t in reversed(before):
            if any(c in self.r.doc.text[t.end:at] for c in ",،;:."):
                return False
            bare = t.folded[1:] if t.folded[:1] in prefixes and len(t.folded) > 3 else t.folded
            if t.folded in visits or bare in visits:  # type: ignore[operator]
                return True
        return False

    # -- completing an event ---------------------------------------------------------------
    def _complete(self, ev: EventMention) -> None:
        self._more_parties(ev)
        self._drop_affiliations(ev)
        self._drop_city_states(ev)
        self._pair_subject(ev)
        self._offices_named_next(ev)
        self._presence_elsewhere(ev)
        self._assign_sides(ev)
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

    def _pair_subject(self, ev: EventMention) -> None:
        """"The two leaders signed ...", "лидеры двух стран скрепили подписями": with no signer
        named in the clause, the signers are the two people the text last named for the event's
        two parties (in the clause before the phrase, or the three sentences before it). Under a
        presence cue ("שני המנהיגים השתתפו בטקס", "the two leaders witnessed") they are present."""
        if len(ev.parties) != 2:
            return
        mine = [f.value for f in ev.parties]
        for c in self.clauses_of.get(ev.index, []):
            if c.verb.kind == "announce":
                continue
            scopes = _presence_scopes(self.r.doc, c.start, c.end, self.r.people)
            for pair in (h for h in c.hits if h.kind == "pair_subject"):
                witnesses = any(a <= pair.start < b for a, b in scopes)
                if not witnesses and ev.signatories:
                    continue
                two = self._last_two(c, pair, mine)
                if two is None:
                    continue
                target = ev.present if witnesses else ev.signatories
                for party in mine:
                    p = two[party]
                    if not _named_already(ev, p):
                        target.append(_person(self.r.doc, p, party, p.party_span or (p.start, p.end), self.r.published))
                return

    def _last_two(self, c: Clause, pair: Hit, mine: list[str]) -> dict[str, PersonMention] | None:
        """The person last named for each of the two parties before a pair phrase, within the
        clause and the three sentences before it (a line the page broke counts as one more)."""
        idx = self.r.doc.sentences.index(c.sentence)
        since = self.r.doc.sentences[max(0, idx - _PAIR_REACH)].start
        latest: dict[str, PersonMention] = {}
        unsided: list[PersonMention] = []  # titled, but the text gives no side for them
        for p in self.r.people:
            if not since <= p.start < pair.start or self.r.doc.in_quote(p.start):
                continue
            party = p.party or self._office_country(p)
            if party in mine:
                latest[party] = p
            elif party is None and p.role_en:
                unsided.append(p)
        return _by_elimination(latest, unsided, mine)

    def _office_title(self, p: PersonMention) -> str | None:
        """The office a leader of the knowledge file held on the day, for a name given bare."""
        office = leaders()[p.kb].office_on(self.r.published) if p.kb else None
        return office.title if office else None

    def _office_country(self, p: PersonMention) -> str | None:
        office = leaders()[p.kb].office_on(self.r.published) if p.kb else None
        return office.country if office else None

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

    def _offices_named_next(self, ev: EventMention) -> None:
        """"The Secretary to the Ministry of Finance and the Ambassador of Japan signed ...", then
        "Finance Secretary X and Ambassador Y exchanged the notes": a signing clause that names
        offices and no one gives its signers in the sentences after it, each with that office."""
        if ev.signatories:
            return
        for c in self.clauses_of.get(ev.index, []):
            scopes = _presence_scopes(self.r.doc, c.start, c.end, self.r.people)
            offices = {h.value for h in c.hits if h.kind == "role" and h.value is not None
                       and not c.in_other_item(h.start) and not any(a <= h.start < b for a, b in scopes)}
            if not offices or any(c.start <= p.start < c.end for p in self.r.people):
                continue
            idx = self.r.doc.sentences.index(c.sentence)
            until = self.r.doc.sentences[min(len(self.r.doc.sentences) - 1, idx + _OFFICE_REACH)].end
            last = None  # "X and Y" after "the presidents of A and B signed": Y holds the office too
            for p in self.r.people:
                office = p.role_en or self._office_title(p)
                joined = last is not None and p.rule.startswith("coordinated") and p.start - last.end <= _JOIN_GAP
                if c.end <= p.start < until and (office in offices or joined) and not self.r.doc.in_quote(p.start) \
                        and not _named_already(ev, p):
                    ev.signatories.append(_person(self.r.doc, p, p.party, p.party_span, self.r.published))
                    last = p
            return

    def _presence_elsewhere(self, ev: EventMention) -> None:
        """People "taking part" in the ceremony, in sentences next to the signing."""
        spans = set(ev.sentences)
        for i, sent in enumerate(self.r.doc.sentences):
            if (sent.start, sent.end) in spans:
                continue
            near = any(abs(i - j) <= 2 for j, s in enumerate(self.r.doc.sentences) if (s.start, s.end) in spans)
            if not near:
                continue
            for a, b in _presence_scopes(self.r.doc, sent.start, sent.end, self.r.people, in_clause=False):
                for p in self.r.people:
                    if a <= p.start < b and not _named_already(ev, p):
                        ev.present.append(_person(self.r.doc, p, p.party, p.party_span, self.r.published))

    def _assign_sides(self, ev: EventMention) -> None:
        """One signatory without a side and one party without a signatory: that is their side."""
        parties = [f for f in ev.parties if not f.value.startswith("org:")]
        free = [p for p in ev.signatories if p.party is None]
        taken = {p.party.value for p in ev.signatories if p.party}
        open_parties = [f for f in parties if f.value not in taken]
        if len(free) == 1 and len(open_parties) == 1:
            i = ev.signatories.index(free[0])
            f = open_parties[0]
            ev.signatories[i] = Person(free[0].name, free[0].role, free[0].role_en,
                                       Found(f.value, f.start, f.end, "party-by-elimination"), free[0].kb)

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


def _by_elimination(latest: dict[str, PersonMention], unsided: list[PersonMention],
                    mine: list[str]) -> dict[str, PersonMention] | None:
    """The two people a pair phrase ("the two ministers signed") stands for: one named for each
    party; or one named for a party and the last titled person of no stated side before it
    ("X, Minister of Foreign Affairs, and his Kenyan counterpart Y"), who acts for the other."""
    if len(latest) == 1 and unsided:
        missing = [m for m in mine if m not in latest]
        named = next(iter(latest.values()))
        other = [p for p in unsided if p.key != named.key]
        if len(missing) == 1 and other:
            return {**latest, missing[0]: other[-1]}
    return latest if len(latest) == 2 else None


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
