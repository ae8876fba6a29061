"""The earlier agreements a report recalls: the `related` entries of its main event.

A clause about an earlier agreement ("this follows the memorandum signed in 2019 with the US")
gives the instrument, the parties and the date of the part that recalls it. Named with one
side only, its other side is the main party the text was speaking of; its date resolves
against the publication, else against the main signing's day.
"""

from __future__ import annotations

from accords.extract.clauses import Clause
from accords.extract.event_dates import as_date
from accords.extract.party_spans import parties_in
from accords.extract.reading import Reading
from accords.model import EventMention, Related


def related_entry(r: Reading, main: EventMention, c: Clause) -> Related:
    """The earlier agreement clause `c` recalls, as an entry of the `main` event."""
    doc = r.doc
    start = c.related_from if c.related_from is not None else c.start
    if start > c.start and c.verb.start > start \
            and not any(h.kind == "done" and h.start < start for h in c.hits):
        # a verb-final clause with the cue inside it ("X and Y the declaration already in 2019
        # signed"): its subject, before the cue, is the earlier agreement's parties
        start = c.start
    parties = [f.value for f in parties_in(doc, start, c.end)]
    if len(parties) == 1:  # "with the US": the other side is the main party the text was speaking of
        parties.insert(0, _implied_party(r, main, c, start))
    base = r.published or as_date(main.date_signed.value if main.date_signed else None)
    date = None
    for d in r.dates:
        if start <= d.start < c.end:
            date = d.resolve(base)
            break
    inst = c.instrument.value if c.instrument and c.instrument.kind == "instrument" else None
    end = c.end
    parties = [p for p in parties if p]
    return Related("follows", str(inst) if inst else None, tuple(dict.fromkeys(parties)), date, start, end)


def _implied_party(r: Reading, main: EventMention, c: Clause, start: int) -> str:
    """The first main party named in the sentence before, or in this one, else the first main party."""
    mine = {x.value for x in main.parties}
    idx = r.doc.sentences.index(c.sentence)
    for sent in ([r.doc.sentences[idx - 1]] if idx else []) + [c.sentence]:
        named = [f.value for f in parties_in(r.doc, sent.start, min(sent.end, start)) if f.value in mine]
        if named:
            return str(named[0])
    return str(main.parties[0].value) if main.parties else ""
