"""Signers and witnesses named outside the signing clause, and a side found by elimination.

When the signing clause names nobody, the text often does elsewhere: "the two leaders signed"
stands for the two people last named for the event's two parties; a clause naming offices
("the Secretary to the Ministry of Finance and the Ambassador of Japan signed") is followed by
the people holding them; people "taking part" in the ceremony are named in the sentences next
to it. Last, one signatory without a side and one party without a signatory belong together.
"""

from __future__ import annotations

from accords.extract.clauses import Clause
from accords.extract.people import PersonMention
from accords.extract.reading import Reading
from accords.extract.signatories import named_already, person_record, presence_scopes
from accords.knowledge import leaders
from accords.model import EventMention, Found, Person
from accords.text.matcher import Hit

_JOIN_GAP = 4  # characters of " and " between two coordinated names
_OFFICE_REACH = 2  # sentences after a clause naming offices where the people holding them are named
# sentences before a pair phrase ('the two ministers signed') where its two people may stand
_PAIR_REACH = 3


def pair_subject(r: Reading, ev: EventMention, clauses: list[Clause]) -> None:
    """"The two leaders signed ...", "лидеры двух стран скрепили подписями": with no signer
    named in the clause, the signers are the two people the text last named for the event's
    two parties (in the clause before the phrase, or the three sentences before it). Under a
    presence cue ("שני המנהיגים השתתפו בטקס", "the two leaders witnessed") they are present."""
    if len(ev.parties) != 2:
        return
    mine = [f.value for f in ev.parties]
    for c in clauses:
        if c.verb.kind == "announce":
            continue
        scopes = presence_scopes(r.doc, c.start, c.end, r.people)
        for pair in (h for h in c.hits if h.kind == "pair_subject"):
            witnesses = any(a <= pair.start < b for a, b in scopes)
            if not witnesses and ev.signatories:
                continue
            two = _last_two(r, c, pair, mine)
            if two is None:
                continue
            target = ev.present if witnesses else ev.signatories
            for party in mine:
                p = two[party]
                if not named_already(ev, p):
                    target.append(person_record(r.doc, p, party, p.party_span or (p.start, p.end), r.published))
            return


def _last_two(r: Reading, c: Clause, pair: Hit, mine: list[str]) -> dict[str, PersonMention] | None:
    """The person last named for each of the two parties before a pair phrase, within the
    clause and the three sentences before it (a line the page broke counts as one more)."""
    idx = r.doc.sentences.index(c.sentence)
    since = r.doc.sentences[max(0, idx - _PAIR_REACH)].start
    latest: dict[str, PersonMention] = {}
    unsided: list[PersonMention] = []  # titled, but the text gives no side for them
    for p in r.people:
        if not since <= p.start < pair.start or r.doc.in_quote(p.start):
            continue
        party = p.party or _office_country(r, p)
        if party in mine:
            latest[party] = p
        elif party is None and p.role_en:
            unsided.append(p)
    return _by_elimination(latest, unsided, mine)


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


def _office_title(r: Reading, p: PersonMention) -> str | None:
    """The office a leader of the knowledge file held on the day, for a name given bare."""
    office = leaders()[p.kb].office_on(r.published) if p.kb else None
    return office.title if office else None


def _office_country(r: Reading, p: PersonMention) -> str | None:
    """The state a leader of the knowledge file held office for on the day."""
    office = leaders()[p.kb].office_on(r.published) if p.kb else None
    return office.country if office else None


def offices_named_next(r: Reading, ev: EventMention, clauses: list[Clause]) -> None:
    """"The Secretary to the Ministry of Finance and the Ambassador of Japan signed ...", then
    "Finance Secretary X and Ambassador Y exchanged the notes": a signing clause that names
    offices and no one gives its signers in the sentences after it, each with that office."""
    if ev.signatories:
        return
    for c in clauses:
        scopes = presence_scopes(r.doc, c.start, c.end, r.people)
        offices = {h.value for h in c.hits if h.kind == "role" and h.value is not None
                   and not c.in_other_item(h.start) and not any(a <= h.start < b for a, b in scopes)}
        if not offices or any(c.start <= p.start < c.end for p in r.people):
            continue
        idx = r.doc.sentences.index(c.sentence)
        until = r.doc.sentences[min(len(r.doc.sentences) - 1, idx + _OFFICE_REACH)].end
        last = None  # "X and Y" after "the presidents of A and B signed": Y holds the office too
        for p in r.people:
            office = p.role_en or _office_title(r, p)
            joined = last is not None and p.rule.startswith("coordinated") and p.start - last.end <= _JOIN_GAP
            if c.end <= p.start < until and (office in offices or joined) and not r.doc.in_quote(p.start) \
                    and not named_already(ev, p):
                ev.signatories.append(person_record(r.doc, p, p.party, p.party_span, r.published))
                last = p
        return


def presence_elsewhere(r: Reading, ev: EventMention) -> None:
    """People "taking part" in the ceremony, in sentences next to the signing."""
    spans = set(ev.sentences)
    for i, sent in enumerate(r.doc.sentences):
        if (sent.start, sent.end) in spans:
            continue
        near = any(abs(i - j) <= 2 for j, s in enumerate(r.doc.sentences) if (s.start, s.end) in spans)
        if not near:
            continue
        for a, b in presence_scopes(r.doc, sent.start, sent.end, r.people, in_clause=False):
            for p in r.people:
                if a <= p.start < b and not named_already(ev, p):
                    ev.present.append(person_record(r.doc, p, p.party, p.party_span, r.published))


def assign_sides(ev: EventMention) -> None:
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
