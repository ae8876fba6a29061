"""From signing clauses to events: what was signed, by whom, for whom, when, where, about what.

The first clause that is not about an earlier agreement opens the main event. Later clauses
join it unless they name another instrument between other parties (two agreements signed at
one ceremony); clauses about earlier agreements become its `related` entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import regex

from accords.extract.annotate import Doc
from accords.extract.clauses import WITNESS_REACH, Clause, find_clauses
from accords.extract.dates import DateExpr, find_dates
from accords.extract.people import PersonMention, find_people
from accords.extract.signings import (
    GENERIC,
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
from accords.text.dateline import inline_dateline
from accords.text.matcher import Hit
from accords.text.normalize import fold_str
from accords.text.segment import Segment

_BARE_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_YEAR_REACH = 12  # characters between a signing verb and a bare year that dates it ("signed in 2015")
# A bare year after a verb, past at most one short word ("firmado en 2015", "подписан в 2015"), or
# before a verb-final participle with its ending and year word ("2015-ci ildə imzalanmış").
_YEAR_AFTER = regex.compile(r"[\s,]+(?:\p{L}{1,3}\s+)?(?P<year>(?:19|20|۱۹|۲۰|١٩|٢٠)\d\d)(?!\d)")
_YEAR_BEFORE = regex.compile(r"(?<!\d)(?P<year>(?:19|20|۱۹|۲۰|١٩|٢٠)\d\d)(?:[-‐'’]?\p{L}{0,4})?(?:\s+\p{L}{1,8})?\s+$")
_LOCATIVE_GAP = 40  # how far before a place a locative word may stand (characters)


def _parties_in(doc: Doc, start: int, end: int, stop: int | None = None) -> list[Found]:
    """Party mentions in a span (cut at `stop`), capitals read as their state when they stand as one."""
    out: list[Found] = []
    limit = min(end, stop) if stop is not None else end
    cities = {(h.start, h.end): h for h in doc.hits_in(start, limit, "city")}
    for h in doc.hits_in(start, limit, "party"):
        city = cities.get((h.start, h.end))
        if city is not None and _after_locative(doc, city):
            continue  # "في عمان": Amman, the place, not Oman
        if not doc.in_quote(h.start):
            out.append(Found(str(h.value), h.start, h.end, "party"))
    party_spans = [(h.start, h.end) for h in doc.hits_in(start, limit, "party")]
    for h in doc.hits_in(start, limit, "city"):
        iso = capital_of().get(str(h.value))
        inside = any(a <= h.start and h.end <= b for a, b in party_spans)  # عمان in سلطنة عمان
        if iso and not inside and not doc.in_quote(h.start) and _stands_as_party(doc, h):
            out.append(Found(iso, h.start, h.end, "capital-as-state"))
    return out


_HEAD_WORDS = 4  # a headline has at least this many words; a rubric, a dateline or a byline fewer
_HEAD_REACH = 5  # sentences at the top of a page that may be its chrome


def _headline(doc: Doc) -> Segment | None:
    """The article's headline: its first sentence of some words, past the rubric, the time and the
    byline a page puts above it ("Политика", "5 декабря 2025, 16:42", "Текст: X Y")."""
    for sent in doc.sentences[:_HEAD_REACH]:
        if sum(1 for t in doc.tokens_in(sent.start, sent.end) if t.text.isalpha()) >= _HEAD_WORDS:
            return sent
    return doc.sentences[0] if doc.sentences else None


def _between(doc: Doc, start: int, end: int) -> list[Found]:
    """Parties named by "between X and Y" (or a postposition: "X ile Y arasında"): the parties, if given."""
    for h in doc.hits_in(start, end, "between", "between_after"):
        if doc.in_quote(h.start):
            continue
        found = sorted(_parties_in(doc, *_between_span(doc, h, start, end)), key=lambda f: f.start)
        found = _coordinated_tail(doc.text, found) if h.kind == "between_after" else _coordinated_head(doc.text, found)
        if len({f.value for f in found}) >= 2:
            return [Found(f.value, f.start, f.end, "party-between") for f in found]
    return []


def _between_span(doc: Doc, h: Hit, start: int, end: int) -> tuple[int, int]:
    """Where the sides of a "between" stand: after it to the clause's next stop, or before a
    postposition ("X ile Y arasında")."""
    if h.kind == "between":
        return h.end, _first_stop(doc.text, h.end, min(end, h.end + 90))
    return max(start, h.start - 90), h.start


_PERSON_AFTER = 40  # characters from "between" to the first person it names ("between the Minister of X, A")


def _names_people(h: Hit, people: list[PersonMention]) -> bool:
    """A "between" whose sides are people: the last one right before a postposition ("A ile B
    arasında"), or the first one soon after the preposition ("between A and B")."""
    if h.kind == "between_after":
        return any(0 <= h.start - p.end <= _PAIR_GAP for p in people)
    return any(0 <= p.start - h.end <= _PERSON_AFTER for p in people)


_PAIR_GAP = 8  # characters between two coordinated parties: " ilə ", "la ", " və ", ", "
_PHRASE_GAP = 30  # or words without a mark between them: " and the Government of "


def _coordinated(text: str, a: Found, b: Found, reach: int = _PHRASE_GAP) -> bool:
    """Two parties of one coordination: close, or with only words between them (after a
    preposition: "between the Government of X and the Government of Y")."""
    gap = text[a.end : b.start]
    return len(gap) <= _PAIR_GAP or (len(gap) <= reach and not regex.search(r"[,;:.!?()\n«»\"]", gap))


def _coordinated_tail(text: str, found: list[Found]) -> list[Found]:
    """The parties right before a postposition "between" ("Türkiye ile Endonezya arasında"): the
    run of parties that ends there, each close to the next; a party further back belongs to
    another phrase ("rusiyalı həmkarı X Azərbaycanla Ermənistan arasında")."""
    tail = found[-1:]
    for f in reversed(found[:-1]):
        if not _coordinated(text, f, tail[0], reach=_PAIR_GAP):
            break
        tail.insert(0, f)
    return tail


def _coordinated_head(text: str, found: list[Found]) -> list[Found]:
    """The parties right after a preposition "between" ("entre Paris et Madrid au plus haut
    niveau, à un moment où le couple franco-allemand"): the run that starts there."""
    head = found[:1]
    for f in found[1:]:
        if not _coordinated(text, head[-1], f):
            break
        head.append(f)
    return head


def _first_stop(text: str, pos: int, limit: int) -> int:
    for i in range(pos, limit):
        if text[i] in ".;:\n!?؟":
            return i
    return limit


def _stands_as_party(doc: Doc, city: Hit) -> bool:
    """"Baku and Washington signed": a capital coordinated with another state or capital."""
    window = doc.text[max(0, city.start - 25) : city.end + 25]
    others = [h for h in doc.hits_in(max(0, city.start - 25), city.end + 25, "party", "city") if h is not city]
    return bool(others) and not _after_locative(doc, city) and ("-" in window or " " in window)


def _after_locative(doc: Doc, h: Hit) -> bool:
    """The place follows "in", "at", "في", carries a locative prefix (بالقدس, בירושלים), or stands
    before a locative postposition (नई दिल्ली में, اسلام آباد میں)."""
    words = {fold_str(w) for w in doc.pack.get("places.yaml", "locatives")}
    prefixes = tuple(fold_str(p) for p in doc.pack.get("places.yaml", "locative_prefixes"))
    text = doc.folded.text
    before = text[max(0, h.fstart - 16) : h.fstart]
    if before.split() and before.split()[-1] in words:
        return True
    after = text[h.fend : h.fend + 16].split()
    if after and after[0] in {fold_str(w) for w in doc.pack.get("places.yaml", "locatives_after")}:
        return True
    # the letters between the word boundary and the hit are the word's own prefixes
    i = h.fstart
    while i > 0 and text[i - 1].isalnum():
        i -= 1
    own = text[i : h.fstart]
    return bool(own) and any(own.startswith(p) or own.endswith(p) for p in prefixes)


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
        self.doc = doc
        self.published = published
        self.day_known = day_known  # False: the publication is known to the month only
        self.people = find_people(doc)
        self._bodies: list[Found] | None = None  # the text's state bodies, read when first needed
        # a dateline ("BAKU, March 5 (Reuters) -") dates and places the report, not the signing
        self.dateline = inline_dateline(doc.text) or (0, 0)
        self.dates = [d for d in find_dates(doc) if not doc.in_quote(d.start)
                      and not self.dateline[0] <= d.start < self.dateline[1]]
        self.clauses = find_clauses(doc)
        self.explicit: set[int] = set()  # events whose parties a "between X and Y" named
        self.clauses_of: dict[int, list[Clause]] = {}  # event index -> its signing clauses
        self.relatives = {fold_str(w) for w in doc.pack.get("language.yaml", "relative_pronouns")}

    # -- events ---------------------------------------------------------------------------
    def build(self) -> list[EventMention]:
        cut = cut_signings(self.doc, self.clauses, self._parties_of, self._earlier)
        events: list[EventMention] = []
        for signing in cut.signings:
            ev = EventMention(index=len(events))
            events.append(ev)
            for c in signing.clauses:
                self._add_clause(ev, c)
            ev.instrument = _instrument(self.doc, signing, cut.related, self._past_year)
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
        return (first is not None and self._older(c, first)) or self._dated_participle(c)

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

    def _clause_day(self, c: Clause) -> str | None:
        for d in self.dates:
            if c.start <= d.start < c.end:
                got = d.resolve(self.published, self.day_known)
                if got:
                    return got
        return None

    def _past_year(self, c: Clause) -> bool:
        """The clause's sentence names a bare year before the publication's, outside a full date
        ("ещё в 2001 году: тогда ... подписали"): it may tell of another time than the signing's."""
        if self.published is None:
            return False
        for m in _BARE_YEAR.finditer(self.doc.text, c.start, c.end):
            if any(d.start <= m.start() < d.end for d in self.dates) or self._in_related(m.start()):
                continue  # a full date, or the year of an earlier agreement the clause recalls
            if int(m.group()) < self.published.year:
                return True
        return False

    def _dated_participle(self, c: Clause) -> bool:
        """A signing verb with a bare year beside it ("the Paris Agreement, signed in 2015",
        "2015-ci ildə imzalanmış") names an earlier agreement by its year: a report of a fresh
        signing gives the day or says "today". A year later than the publication is no past."""
        if c.verb.kind != "done":
            return False
        text = self.doc.text
        after = _YEAR_AFTER.match(text, c.verb.end, min(len(text), c.verb.end + _YEAR_REACH + 4))
        before = _YEAR_BEFORE.search(text, max(0, c.verb.start - _YEAR_REACH - 12), c.verb.start)
        for m in (after, before):
            if m is None or not m.group("year").isdecimal():
                continue  # (`regex` knows digits of newer Unicode than int() does)
            year, at = int(m.group("year")), m.start("year")
            if any(d.start <= at < d.end for d in self.dates):
                continue  # part of a fuller date ("signed on 3 May 2015"): dated by _date
            if self.published is None or year <= self.published.year:
                return True
        return False

    def _older(self, c: Clause, main: Signing) -> bool:
        """A later clause dated well before the main signing (or the publication) tells of an
        earlier one: background for the main event, not another event."""
        day = self._clause_day(c)
        ref = self._clause_day(main.clauses[0]) or (self.published.isoformat() if self.published else None)
        if not (day and ref and day[:7] < ref[:7]):
            return False
        parties = {f.value for f in _parties_in(self.doc, c.start, c.end, c.related_from)}
        inst = c.instrument.value if c.instrument and c.instrument.kind == "instrument" else None
        main_inst = main.instrument
        # "the pact" and "the MoU" name one instrument: a generic word tells no other one apart
        other_inst = inst is not None and main_inst is not None and inst != main_inst \
            and not {inst, main_inst} & GENERIC
        return bool(parties - main.parties) or other_inst or _months_between(day, ref) >= 12

    def _agentless_passive(self, c: Clause, stop: int) -> bool:
        """A passive verb ("was signed", "imzalanıb") with no agent marker and no "between X
        and Y" in its clause: the clause does not say who signed."""
        passive = self.doc.cache.get("passive_forms")
        if passive is None:
            passive = {fold_str(w) for w in self.doc.pack.get("signing_verbs.yaml", "passive_forms")}
            self.doc.cache["passive_forms"] = passive
        if fold_str(self.doc.text[c.verb.start:c.verb.end]) not in passive:  # type: ignore[operator]
            return False
        if any(h.kind == "agent" and h.start < stop for h in c.hits):
            return False
        # "signed between A and B" names the signers; "between the two countries" only the sides
        cues = [h for h in c.hits if h.kind in ("between", "between_after") and h.start < stop]
        return not any(_names_people(h, self.people) for h in cues)

    def _reported_from(self, c: Clause) -> int:
        """Where the reported signing starts when a reporting verb introduces it: after the
        complementizer ("that", "أن") that follows the verb, or after the verb itself."""
        reports = [h for h in c.hits if h.kind == "quote_verb" and h.end <= c.verb.start]
        if not reports:
            return c.start
        last = reports[-1]
        comps = {fold_str(w) for w in self.doc.pack.get("quote_patterns.yaml", "complementizers")}
        for t in self.doc.tokens_in(last.end, c.verb.start):
            if t.folded in comps:
                return t.end
        return last.end

    def _clause_parties(self, c: Clause) -> tuple[list[Found], bool]:
        """The parties a clause names: "between X and Y" if it says so, else those of its core
        (before a relative clause), less the states of people who were only present."""
        doc = self.doc
        stop = c.related_from if c.related_from is not None else c.end
        between = [p for p in _between(doc, c.start, stop) if not c.in_other_item(p.start)]
        named = between or _parties_in(doc, c.start, self._party_stop(c, stop), c.related_from)
        if between and self._between_other(c, stop, between):
            spans = [(p.start, p.end) for p in between]
            named = [p for p in _parties_in(doc, c.start, self._party_stop(c, stop), c.related_from)
                     if (p.start, p.end) not in spans]
            between = []
        scopes = _presence_scopes(doc, c.start, stop, self.people)
        return [p for p in named if not any(a <= p.start < b for a, b in scopes)
                and not c.in_other_item(p.start)], bool(between)

    def _between_other(self, c: Clause, stop: int, between: list[Found]) -> bool:
        """"The ministers of X and Y signed a memorandum on the ceasefire between A and B": signers
        of two stated sides, none of them in the "between" pair, sign for their own states; the
        pair is the subject's."""
        scopes = _presence_scopes(self.doc, c.start, stop, self.people)
        sides = {p.party for p in self.people if c.start <= p.start < stop and p.party
                 and not any(a <= p.start < b for a, b in scopes)}
        return len(sides) >= 2 and not sides & {f.value for f in between}

    def _party_stop(self, c: Clause, stop: int) -> int:
        """Parties are read up to a relative clause that follows the verb and the instrument
        ("..., which was freed from the Armenian occupation"): it speaks of something else."""
        after = max(c.verb.end, c.instrument.end if c.instrument else 0)
        for t in self.doc.tokens_in(after, stop):
            if t.folded in self.relatives:
                return t.start
        return stop

    def _add_people(self, ev: EventMention, c: Clause) -> None:
        stop = c.related_from if c.related_from is not None else c.end
        scopes = _presence_scopes(self.doc, c.start, stop, self.people)
        sides = _side_marks(self.doc, c.start, stop)
        reported_from = self._reported_from(c)
        unnamed = self._agentless_passive(c, stop)
        if c.verb.kind == "nominal":  # "X attended the signing", "شهد X توقيع": X is a witness
            scopes = scopes + [(max(c.start, h.start - WITNESS_REACH), c.verb.start) for h in c.hits
                               if h.kind in ("presence_cue", "presence_after")
                               and 0 <= c.verb.start - h.end <= WITNESS_REACH]
        for p in self.people:
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
            person = _person(self.doc, p, party, pspan, self.published)
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
        visits = self.doc.cache.get("visit_nouns")
        if visits is None:
            words = self.doc.pack.get("titles.yaml", "visit_nouns")
            visits = self.doc.cache["visit_nouns"] = {fold_str(w) for w in words}
        at = p.role_start if p.role_start is not None else p.start
        before = self.doc.tokens_in(max(0, at - _VISIT_REACH), at)[-_VISIT_WORDS:]
        prefixes = self.doc.pack.prefixes
        for t in reversed(before):
            if any(c in self.doc.text[t.end:at] for c in ",،;:."):
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
        ev.date_signed = self._date(ev)
        ev.date_support = self._date_support(ev)
        ev.place = self._place(ev)
        ev.domains, ev.areas = read_topics(self.doc, ev, self.people)
        keep_own_subjects(ev, self.clauses_of.get(ev.index, []))
        spans = [(c.sentence.start, c.sentence.end) for c in self.clauses_of.get(ev.index, [])]
        if self._bodies is None:  # one reading of the text's bodies serves every event
            self._bodies = find_bodies(self.doc.text, self.doc.lang, self.doc.hits)
        ev.bodies = bodies_for(self._bodies, spans, {p.value for p in ev.parties})

    def _drop_affiliations(self, ev: EventMention) -> None:
        """An organisation named only inside a signer's office ("נשיא האוניברסיטה העברית", "Rector
        of X University") is whom the signer works for, not a party, when two others are named."""
        roles = [(p.role_start, p.role_end) for p in self.people if p.role_start is not None and p.role_end]

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
        text, hits = self.doc.text, self.doc.hits
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
            scopes = _presence_scopes(self.doc, c.start, c.end, self.people)
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
                        target.append(_person(self.doc, p, party, p.party_span or (p.start, p.end), self.published))
                return

    def _last_two(self, c: Clause, pair: Hit, mine: list[str]) -> dict[str, PersonMention] | None:
        """The person last named for each of the two parties before a pair phrase, within the
        clause and the three sentences before it (a line the page broke counts as one more)."""
        idx = self.doc.sentences.index(c.sentence)
        since = self.doc.sentences[max(0, idx - _PAIR_REACH)].start
        latest: dict[str, PersonMention] = {}
        unsided: list[PersonMention] = []  # titled, but the text gives no side for them
        for p in self.people:
            if not since <= p.start < pair.start or self.doc.in_quote(p.start):
                continue
            party = p.party or self._office_country(p)
            if party in mine:
                latest[party] = p
            elif party is None and p.role_en:
                unsided.append(p)
        return _by_elimination(latest, unsided, mine)

    def _office_title(self, p: PersonMention) -> str | None:
        """The office a leader of the knowledge file held on the day, for a name given bare."""
        office = leaders()[p.kb].office_on(self.published) if p.kb else None
        return office.title if office else None

    def _office_country(self, p: PersonMention) -> str | None:
        office = leaders()[p.kb].office_on(self.published) if p.kb else None
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
        related_spans = [(c.start, c.end) for c in self.clauses if c.related]
        head = _headline(self.doc)
        for sent in ([head] if head else []) + self.doc.sentences:
            if any(a <= sent.start < b for a, b in related_spans):
                continue
            insts = [h for h in self.doc.hits_in(sent.start, sent.end, "instrument") if h.value in kinds]
            headline = sent is head
            if not insts and not headline:
                continue
            for party in _parties_in(self.doc, sent.start, sent.end):
                if party.value not in {x.value for x in ev.parties}:
                    ev.parties.append(party)
            if len(ev.parties) >= 2:
                return
        self._parties_nearby(ev, related_spans)

    def _parties_nearby(self, ev: EventMention, related_spans: list[tuple[int, int]]) -> None:
        """Still fewer than two: "between our countries" — the states are named next to the signing."""
        sents = self.doc.sentences
        own = {(a, b) for a, b in ev.sentences}
        for i, sent in enumerate(sents):
            if (sent.start, sent.end) not in own:
                continue
            for j in (i + 1, i - 1):
                if not 0 <= j < len(sents) or any(a <= sents[j].start < b for a, b in related_spans):
                    continue
                for p in _parties_in(self.doc, sents[j].start, sents[j].end):
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
            scopes = _presence_scopes(self.doc, c.start, c.end, self.people)
            offices = {h.value for h in c.hits if h.kind == "role" and h.value is not None
                       and not c.in_other_item(h.start) and not any(a <= h.start < b for a, b in scopes)}
            if not offices or any(c.start <= p.start < c.end for p in self.people):
                continue
            idx = self.doc.sentences.index(c.sentence)
            until = self.doc.sentences[min(len(self.doc.sentences) - 1, idx + _OFFICE_REACH)].end
            last = None  # "X and Y" after "the presidents of A and B signed": Y holds the office too
            for p in self.people:
                office = p.role_en or self._office_title(p)
                joined = last is not None and p.rule.startswith("coordinated") and p.start - last.end <= _JOIN_GAP
                if c.end <= p.start < until and (office in offices or joined) and not self.doc.in_quote(p.start) \
                        and not _named_already(ev, p):
                    ev.signatories.append(_person(self.doc, p, p.party, p.party_span, self.published))
                    last = p
            return

    def _presence_elsewhere(self, ev: EventMention) -> None:
        """People "taking part" in the ceremony, in sentences next to the signing."""
        spans = set(ev.sentences)
        for i, sent in enumerate(self.doc.sentences):
            if (sent.start, sent.end) in spans:
                continue
            near = any(abs(i - j) <= 2 for j, s in enumerate(self.doc.sentences) if (s.start, s.end) in spans)
            if not near:
                continue
            for a, b in _presence_scopes(self.doc, sent.start, sent.end, self.people, in_clause=False):
                for p in self.people:
                    if a <= p.start < b and not _named_already(ev, p):
                        ev.present.append(_person(self.doc, p, p.party, p.party_span, self.published))

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

    def _date(self, ev: EventMention) -> Found | None:
        cands: list[tuple[int, DateExpr]] = []
        for rank, (a, b) in enumerate(ev.sentences):
            for d in self.dates:
                if a <= d.start < b and not self._in_related(d.start):
                    cands.append((rank, d))
        for d in self.dates:  # the ceremony sentence next to the signing, if it speaks of the signing
            sent = self.doc.sentence_of(d.start)
            if sent is None or not any(0 < d.start - b < 300 for _, b in ev.sentences[:1]):
                continue
            if self.doc.hits_in(sent.start, sent.end, "nominal", "instrument", "anaphora") \
                    and not self._in_related(d.start):
                cands.append((len(ev.sentences) + 1, d))
        lead = self._lead_in(ev)
        if lead and not cands:
            # the scene's date opens its sentence (a later one dates something else: "since 2022")
            first = next((d for d in self.dates if lead[0] <= d.start < lead[1]), None)
            if first is not None and not first.bound:
                cands.append((len(ev.sentences) + 2, first))
        best: tuple[int, int, Found, DateExpr] | None = None
        for rank, d in cands:
            value = d.resolve(self.published, self.day_known)
            if not value or len(value) < 7 or self._after_publication(value):
                continue
            score = (rank, -len(value))
            if best is None or score < best[:2]:
                best = (score[0], score[1], Found(value, d.start, d.end, f"date-{d.calendar}"), d)
        if best is None:
            return None
        if best[3].weekday_conflict(self.published):
            # "Monday, 3 February 2026" when the 3rd was a Tuesday: one source disagrees with itself
            ev.discrepancies.append({"field": "date_signed", "start": best[2].start, "end": best[2].end,
                                     "note": "the weekday written does not fall on the date written"})
        return best[2]

    def _date_support(self, ev: EventMention) -> list[Found]:
        """Other expressions of the same sentence that give the same day (a Hebrew or Hijri date)."""
        d = ev.date_signed
        sent = self.doc.sentence_of(d.start) if d else None
        if d is None or sent is None:
            return []
        out = []
        for e in self.dates:
            if sent.start <= e.start < sent.end and e.start != d.start \
                    and e.resolve(self.published, self.day_known) == d.value:
                out.append(Found(d.value, e.start, e.end, f"date-{e.calendar}-check"))
        return out

    def _lead_in(self, ev: EventMention) -> tuple[int, int] | None:
        """The sentence right before the event's first one, when it sets the scene for it: it
        names the event's parties or people ("On Thursday 6 February, President X received
        President Y in Paris. The two heads of state announced ..."), and reports no signing
        or earlier agreement of its own. Its date and place are the last resort of the event's."""
        if not ev.sentences:
            return None
        idx = next((k for k, s in enumerate(self.doc.sentences) if s.start == ev.sentences[0][0]), 0)
        if idx == 0:
            return None
        sent = self.doc.sentences[idx - 1]
        if any(c.sentence == sent for c in self.clauses) \
                or self.doc.hits_in(sent.start, sent.end, "after_cue", "recall"):
            return None
        first = next((d for d in self.dates if sent.start <= d.start < sent.end), None)
        day = first.resolve(self.published, self.day_known) if first is not None else None
        if first is not None and not (day and len(day) == 10):
            return None  # "In May 2019, the president visited Baku": another time, not the scene
        dated = [(d.start, d.end) for d in self.dates if sent.start <= d.start < sent.end]
        if any(not any(a <= m.start() < b for a, b in dated)
               for m in _BARE_YEAR.finditer(self.doc.text, sent.start, sent.end)):
            return None  # a bare year ("In 2019, ...") is another time too
        mine = {p.value for p in ev.parties}
        named = {p.value for p in _parties_in(self.doc, sent.start, sent.end)} & mine
        people = [p for p in self.people if sent.start <= p.start < sent.end and (p.party in mine or p.kb or p.role_en)]
        return (sent.start, sent.end) if named or people else None

    def _after_publication(self, value: str) -> bool:
        return bool(self.published and value[:10] > self.published.isoformat()[: len(value[:10])])

    def _in_related(self, pos: int) -> bool:
        return any(c.related_from is not None and c.start <= pos < c.end and pos >= c.related_from
                   for c in self.clauses)

    def _place(self, ev: EventMention) -> Found | None:
        spans = list(ev.sentences)
        first_end = ev.sentences[0][1] if ev.sentences else 0
        spans.append((first_end, first_end + 300))
        lead = self._lead_in(ev)
        if lead:
            spans.append(lead)
        spans = [(max(a, self.dateline[1]) if a < self.dateline[1] else a, b) for a, b in spans]
        spans.append(self.dateline)  # the reporter's city, when the text names no other
        for a, b in spans:
            for h in self.doc.hits_in(a, b, "city", "landmark"):
                if self.doc.in_quote(h.start) or self._in_related(h.start):
                    continue
                in_dateline = self.dateline[0] <= h.start < self.dateline[1]  # the reporter's city, never a state
                if h.kind == "city" and capital_of().get(str(h.value)) and _stands_as_party(self.doc, h) \
                        and not in_dateline:
                    continue
                return Found(str(h.value), h.start, h.end, f"place-{h.kind}")
        return None

    def _implied_party(self, main: EventMention, c: Clause, start: int) -> str:
        """The first main party named in the sentence before, or in this one, else the first main party."""
        mine = {x.value for x in main.parties}
        idx = self.doc.sentences.index(c.sentence)
        for sent in ([self.doc.sentences[idx - 1]] if idx else []) + [c.sentence]:
            named = [f.value for f in _parties_in(self.doc, sent.start, min(sent.end, start)) if f.value in mine]
            if named:
                return str(named[0])
        return str(main.parties[0].value) if main.parties else ""

    def _related(self, main: EventMention, c: Clause) -> Related:
        doc = self.doc
        start = c.related_from if c.related_from is not None else c.start
        if start > c.start and c.verb.start > start \
                and not any(h.kind == "done" and h.start < start for h in c.hits):
            # a verb-final clause with the cue inside it ("X and Y the declaration already in 2019
            # signed"): its subject, before the cue, is the earlier agreement's parties
            start = c.start
        parties = [f.value for f in _parties_in(doc, start, c.end)]
        if len(parties) == 1:  # "with the US": the other side is the main party the text was speaking of
            parties.insert(0, self._implied_party(main, c, start))
        base = self.published or _as_date(main.date_signed.value if main.date_signed else None)
        date = None
        for d in self.dates:
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


def _months_between(a: str, b: str) -> int:
    """Whole months from YYYY-MM[-DD] a to b."""
    return (int(b[:4]) - int(a[:4])) * 12 + int(b[5:7]) - int(a[5:7])


def _as_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value and len(value) == 10 else None


def extract_events(doc: Doc, published: dt.date | None, day_known: bool = True) -> list[EventMention]:
    """The signing events a document reports (none when it reports no signing). With `day_known`
    False, `published` is the last day of the month the source is known to be from."""
    return _Builder(doc, published, day_known).build()
