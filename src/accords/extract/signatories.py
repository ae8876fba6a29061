"""Who signed in a signing clause, for whom, and who was only present.

A person the clause names signs unless a presence cue governs them ("in the presence of X",
"X'in huzurunda", "X attended the signing"), they only report it ("X announced that A and B
signed"), it is their visit ("during the visit of President X, ... was signed"), or the verb is
a passive with no agent ("the MoU was signed in Baku, said minister X"). A signer's side is the
state the text gives them, else the side marked before them ("for the Israeli side", "on behalf
of X"), else the state whose office a leader of the knowledge file held that day. A person
already named for the event (another case of the name, for the same side) is not added twice.
"""

from __future__ import annotations

import datetime as dt

from accords.extract.annotate import Doc
from accords.extract.clauses import WITNESS_REACH, Clause
from accords.extract.party_spans import names_people
from accords.extract.people import PersonMention
from accords.extract.reading import Reading
from accords.identity import other_given_names
from accords.knowledge import leaders
from accords.lang.hosts import word_end
from accords.model import EventMention, Found, Person
from accords.names import same_name
from accords.text.normalize import fold_str

_VISIT_REACH = 80  # characters before a title where "the visit of" may stand
_VISIT_WORDS = 6  # words from a visit noun to the visitor ("визита президента переходного периода Республики Мали")


def add_people(r: Reading, ev: EventMention, c: Clause) -> None:
    """The people a signing clause names, as the event's signatories or people present."""
    stop = c.related_from if c.related_from is not None else c.end
    scopes = presence_scopes(r.doc, c.start, stop, r.people)
    sides = _side_marks(r.doc, c.start, stop)
    reported_from = _reported_from(r, c)
    unnamed = _agentless_passive(r, c, stop)
    if c.verb.kind == "nominal":  # "X attended the signing", "شهد X توقيع": X is a witness
        scopes = scopes + [(max(c.start, h.start - WITNESS_REACH), c.verb.start) for h in c.hits
                           if h.kind in ("presence_cue", "presence_after")
                           and 0 <= c.verb.start - h.end <= WITNESS_REACH]
    for p in r.people:
        if not (c.start <= p.start < stop) or c.in_other_item(p.start):
            continue
        if p.start < reported_from:
            continue  # "X announced that A and B signed", "أعلن X أن": X reports the signing
        if _visitor(r, p):
            continue  # "during the visit of President X, ... was signed": X is not said to sign
        party, pspan = p.party, p.party_span
        if party is None:
            side = [s for s in sides if s[0] < p.start]
            if side:
                party, pspan = side[-1][1], (side[-1][0], side[-1][0])
        person = person_record(r.doc, p, party, pspan, r.published)
        present = any(a <= p.start < b for a, b in scopes)
        if unnamed and not present:
            continue  # "the MoU was signed in Baku, said minister X": X is not said to sign
        target = ev.present if present else ev.signatories
        if not named_already(ev, p):
            target.append(person)


def _reported_from(r: Reading, c: Clause) -> int:
    """Where the reported signing starts when a reporting verb introduces it: after the
    complementizer ("that", "أن") that follows the verb, or after the verb itself."""
    reports = [h for h in c.hits if h.kind == "quote_verb" and h.end <= c.verb.start]
    if not reports:
        return c.start
    last = reports[-1]
    comps = r.doc.pack.folded("quote_patterns.yaml", "complementizers")
    for t in r.doc.tokens_in(last.end, c.verb.start):
        if t.folded in comps:
            return t.end
    return last.end


def _agentless_passive(r: Reading, c: Clause, stop: int) -> bool:
    """A passive verb ("was signed", "imzalanıb") with no agent marker and no "between X
    and Y" in its clause: the clause does not say who signed."""
    passive = r.doc.cache.get("passive_forms")
    if passive is None:
        passive = r.doc.pack.folded("signing_verbs.yaml", "passive_forms")
        r.doc.cache["passive_forms"] = passive
    if fold_str(r.doc.text[c.verb.start:c.verb.end]) not in passive:  # type: ignore[operator]
        return False
    if any(h.kind == "agent" and h.start < stop for h in c.hits):
        return False
    # "signed between A and B" names the signers; "between the two countries" only the sides
    cues = [h for h in c.hits if h.kind in ("between", "between_after") and h.start < stop]
    return not any(names_people(h, r.people) for h in cues)


def _visitor(r: Reading, p: PersonMention) -> bool:
    """A person named as the one whose visit it is: a visit noun among the few words before
    their title (or name), no comma between ("по итогам визита президента РФ X", "على هامش
    زيارة الرئيس الإيراني X", "during the state visit of President X")."""
    visits = r.doc.cache.get("visit_nouns")
    if visits is None:
        words = r.doc.pack.get("titles.yaml", "visit_nouns")
        visits = r.doc.cache["visit_nouns"] = {fold_str(w) for w in words}
    at = p.role_start if p.role_start is not None else p.start
    before = r.doc.tokens_in(max(0, at - _VISIT_REACH), at)[-_VISIT_WORDS:]
    prefixes = r.doc.pack.prefixes
    for t in reversed(before):
        if any(c in r.doc.text[t.end:at] for c in ",،;:."):
            return False
        bare = t.folded[1:] if t.folded[:1] in prefixes and len(t.folded) > 3 else t.folded
        if t.folded in visits or bare in visits:  # type: ignore[operator]
            return True
    return False


def _side_marks(doc: Doc, start: int, end: int) -> list[tuple[int, str]]:
    """Positions where a text names the side that follows: "for the Israeli side", "on behalf of X"."""
    marks: list[tuple[int, str]] = []
    hits = doc.hits_in(start, end)
    parties = [h for h in hits if h.kind == "party"]
    for h in hits:
        if h.kind == "side_word":
            # from the end of the party's word, not of its stem's hit (українськ|ого боку)
            near = [p for p in parties if abs(p.start - h.end) <= 3 or abs(h.start - word_end(doc.text, p.end)) <= 3]
            if near:
                marks.append((min(h.start, near[0].start), str(near[0].value)))
        elif h.kind == "side_cue":
            nxt = [p for p in parties if 0 <= p.start - h.end <= 6]
            if nxt:
                marks.append((h.start, str(nxt[0].value)))
    return sorted(marks)


def presence_scopes(doc: Doc, clause_start: int, clause_end: int,
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
            if not doc.pack.spaced:  # zh, ja write no names in apposition: the witnesses follow the last comma
                start = _prev_comma(doc.text, h.start, start)
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


_COMMAS = ",،;、，；"


def _next_comma(text: str, pos: int, limit: int) -> int:
    for i in range(pos, limit):
        if text[i] in _COMMAS:
            return i
    return limit


def _prev_comma(text: str, pos: int, limit: int) -> int:
    for i in range(pos - 1, limit - 1, -1):
        if text[i] in _COMMAS:
            return i + 1
    return limit


def person_record(doc: Doc, p: PersonMention, party: str | None, party_span: tuple[int, int] | None,
                  day: dt.date | None = None) -> Person:
    """The event's record of a person: their role as written, their side, and what the knowledge
    file says of a leader on `day` (the state they held office for, the title of "his counterpart")."""
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


def named_already(ev: EventMention, p: PersonMention) -> bool:
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
