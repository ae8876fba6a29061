"""When an event was signed: the date its clauses give, and which clauses tell of another time.

The event's date is the fullest date (a month at least) of the first of its own sentences that
gives one, outside the part of a clause that recalls an earlier agreement and not after the
publication; failing that, a date in a sentence right after the signing that speaks of it (the
ceremony, the instrument), and last the date that opens the sentence setting the scene before it. Other
expressions of the same day in that sentence (a Hebrew or Hijri date) support it, and a weekday
that does not fall on the date written is a discrepancy of the source.

The same reading tells the signings stage which clauses are background: a clause dated months
before the first signing, or one whose verb stands beside a bare year ("the Paris Agreement,
signed in 2015"), names an earlier agreement, not a signing of the day.
"""

from __future__ import annotations

import datetime as dt

import regex

from accords.extract.clauses import Clause
from accords.extract.dates import DateExpr
from accords.extract.party_spans import parties_in
from accords.extract.reading import Reading
from accords.extract.signings import GENERIC, Signing
from accords.model import EventMention, Found

_BARE_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_YEAR_REACH = 12  # characters between a signing verb and a bare year that dates it ("signed in 2015")
# A bare year after a verb, past at most one short word ("firmado en 2015", "подписан в 2015"), or
# before a verb-final participle with its ending and year word ("2015-ci ildə imzalanmış").
_YEAR_AFTER = regex.compile(r"[\s,]+(?:\p{L}{1,3}\s+)?(?P<year>(?:19|20|۱۹|۲۰|١٩|٢٠)\d\d)(?!\d)")
_YEAR_BEFORE = regex.compile(r"(?<!\d)(?P<year>(?:19|20|۱۹|۲۰|١٩|٢٠)\d\d)(?:[-‐'’]?\p{L}{0,4})?(?:\s+\p{L}{1,8})?\s+$")


def clause_day(r: Reading, c: Clause) -> str | None:
    """The first date of the clause that resolves against the publication."""
    for d in r.dates:
        if c.start <= d.start < c.end:
            got = d.resolve(r.published, r.day_known)
            if got:
                return got
    return None


def past_year(r: Reading, c: Clause) -> bool:
    """The clause's sentence names a bare year before the publication's, outside a full date
    ("ещё в 2001 году: тогда ... подписали"): it may tell of another time than the signing's."""
    if r.published is None:
        return False
    for m in _BARE_YEAR.finditer(r.doc.text, c.start, c.end):
        if any(d.start <= m.start() < d.end for d in r.dates) or r.in_related(m.start()):
            continue  # a full date, or the year of an earlier agreement the clause recalls
        if int(m.group()) < r.published.year:
            return True
    return False


def dated_participle(r: Reading, c: Clause) -> bool:
    """A signing verb with a bare year beside it ("the Paris Agreement, signed in 2015",
    "2015-ci ildə imzalanmış") names an earlier agreement by its year: a report of a fresh
    signing gives the day or says "today". A year later than the publication is no past."""
    if c.verb.kind != "done":
        return False
    text = r.doc.text
    after = _YEAR_AFTER.match(text, c.verb.end, min(len(text), c.verb.end + _YEAR_REACH + 4))
    before = _YEAR_BEFORE.search(text, max(0, c.verb.start - _YEAR_REACH - 12), c.verb.start)
    for m in (after, before):
        if m is None or not m.group("year").isdecimal():
            continue  # (`regex` knows digits of newer Unicode than int() does)
        year, at = int(m.group("year")), m.start("year")
        if any(d.start <= at < d.end for d in r.dates):
            continue  # part of a fuller date ("signed on 3 May 2015"): dated by signing_date
        if r.published is None or year <= r.published.year:
            return True
    return False


def older(r: Reading, c: Clause, main: Signing) -> bool:
    """A later clause dated well before the main signing (or the publication) tells of an
    earlier one: background for the main event, not another event."""
    day = clause_day(r, c)
    ref = clause_day(r, main.clauses[0]) or (r.published.isoformat() if r.published else None)
    if not (day and ref and day[:7] < ref[:7]):
        return False
    parties = {f.value for f in parties_in(r.doc, c.start, c.end, c.related_from)}
    inst = c.instrument.value if c.instrument and c.instrument.kind == "instrument" else None
    main_inst = main.instrument
    # "the pact" and "the MoU" name one instrument: a generic word tells no other one apart
    other_inst = inst is not None and main_inst is not None and inst != main_inst \
        and not {inst, main_inst} & GENERIC
    return bool(parties - main.parties) or other_inst or _months_between(day, ref) >= 12


def signing_date(r: Reading, ev: EventMention) -> Found | None:
    """The event's date: of its own sentences first, then of the ceremony's sentence after the
    signing, then the one that opens the scene before it; the fullest of the best-ranked."""
    cands: list[tuple[int, DateExpr]] = []
    for rank, (a, b) in enumerate(ev.sentences):
        for d in r.dates:
            if a <= d.start < b and not r.in_related(d.start):
                cands.append((rank, d))
    for d in r.dates:  # the ceremony sentence next to the signing, if it speaks of the signing
        sent = r.doc.sentence_of(d.start)
        if sent is None or not any(0 < d.start - b < 300 for _, b in ev.sentences[:1]):
            continue
        if r.doc.hits_in(sent.start, sent.end, "nominal", "instrument", "anaphora") \
                and not r.in_related(d.start):
            cands.append((len(ev.sentences) + 1, d))
    lead = lead_in(r, ev)
    if lead and not cands:
        # the scene's date opens its sentence (a later one dates something else: "since 2022")
        first = next((d for d in r.dates if lead[0] <= d.start < lead[1]), None)
        if first is not None and not first.bound:
            cands.append((len(ev.sentences) + 2, first))
    best: tuple[int, int, Found, DateExpr] | None = None
    for rank, d in cands:
        value = d.resolve(r.published, r.day_known)
        if not value or len(value) < 7 or _after_publication(r, value):
            continue
        score = (rank, -len(value))
        if best is None or score < best[:2]:
            best = (score[0], score[1], Found(value, d.start, d.end, f"date-{d.calendar}"), d)
    if best is None:
        return None
    if best[3].weekday_conflict(r.published):
        # "Monday, 3 February 2026" when the 3rd was a Tuesday: one source disagrees with itself
        ev.discrepancies.append({"field": "date_signed", "start": best[2].start, "end": best[2].end,
                                 "note": "the weekday written does not fall on the date written"})
    return best[2]


def date_support(r: Reading, ev: EventMention) -> list[Found]:
    """Other expressions of the same sentence that give the same day (a Hebrew or Hijri date)."""
    d = ev.date_signed
    sent = r.doc.sentence_of(d.start) if d else None
    if d is None or sent is None:
        return []
    out = []
    for e in r.dates:
        if sent.start <= e.start < sent.end and e.start != d.start \
                and e.resolve(r.published, r.day_known) == d.value:
            out.append(Found(d.value, e.start, e.end, f"date-{e.calendar}-check"))
    return out


def lead_in(r: Reading, ev: EventMention) -> tuple[int, int] | None:
    """The sentence right before the event's first one, when it sets the scene for it: it
    names the event's parties or people ("On Thursday 6 February, President X received
    President Y in Paris. The two heads of state announced ..."), and reports no signing
    or earlier agreement of its own. Its date and place are the last resort of the event's."""
    if not ev.sentences:
        return None
    idx = next((k for k, s in enumerate(r.doc.sentences) if s.start == ev.sentences[0][0]), 0)
    if idx == 0:
        return None
    sent = r.doc.sentences[idx - 1]
    if any(c.sentence == sent for c in r.clauses) \
            or r.doc.hits_in(sent.start, sent.end, "after_cue", "recall"):
        return None
    first = next((d for d in r.dates if sent.start <= d.start < sent.end), None)
    day = first.resolve(r.published, r.day_known) if first is not None else None
    if first is not None and not (day and len(day) == 10):
        return None  # "In May 2019, the president visited Baku": another time, not the scene
    dated = [(d.start, d.end) for d in r.dates if sent.start <= d.start < sent.end]
    if any(not any(a <= m.start() < b for a, b in dated)
           for m in _BARE_YEAR.finditer(r.doc.text, sent.start, sent.end)):
        return None  # a bare year ("In 2019, ...") is another time too
    mine = {p.value for p in ev.parties}
    named = {p.value for p in parties_in(r.doc, sent.start, sent.end)} & mine
    people = [p for p in r.people if sent.start <= p.start < sent.end and (p.party in mine or p.kb or p.role_en)]
    return (sent.start, sent.end) if named or people else None


def _after_publication(r: Reading, value: str) -> bool:
    """A date later than the publication is no report of a past signing."""
    return bool(r.published and value[:10] > r.published.isoformat()[: len(value[:10])])


def _months_between(a: str, b: str) -> int:
    """Whole months from YYYY[-MM[-DD]] a to b (a year alone counts from its January)."""
    return (int(b[:4]) - int(a[:4])) * 12 + int(b[5:7] or 1) - int(a[5:7] or 1)


def as_date(value: str | None) -> dt.date | None:
    """A full ISO day as a date; a month or a year alone is none."""
    return dt.date.fromisoformat(value) if value and len(value) == 10 else None
