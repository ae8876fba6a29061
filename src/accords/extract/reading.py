"""What the events stages read of one text, read once: its people, dates and signing clauses.

Every stage (parties, signatories, dates, place) asks the same questions of the same text; the
answers are found here once and handed to each. A dateline ("BAKU, March 5 (Reuters) -") dates
and places the report, not the signing: its dates are left out, its span kept for the place of
last resort. Dates inside quotations are someone's words, not the report's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accords.extract.annotate import Doc
from accords.extract.clauses import Clause, find_clauses
from accords.extract.dates import DateExpr, find_dates
from accords.extract.people import PersonMention, find_people
from accords.text.dateline import inline_dateline, place_dateline
from accords.text.normalize import fold_str


@dataclass(frozen=True)
class Reading:
    """One text as the events stages see it, with the publication day it is resolved against."""

    doc: Doc
    published: dt.date | None
    day_known: bool  # False: the publication is known to the month only
    people: list[PersonMention]
    dateline: tuple[int, int]  # (0, 0) without one
    dates: list[DateExpr]  # outside quotations and the dateline
    clauses: list[Clause]
    relatives: set[str]  # the language's relative pronouns, folded

    def in_related(self, pos: int) -> bool:
        """The position is in the part of a clause that recalls an earlier agreement."""
        return any(c.related_from is not None and c.start <= pos < c.end and pos >= c.related_from
                   for c in self.clauses)


def read(doc: Doc, published: dt.date | None, day_known: bool = True) -> Reading:
    """Read `doc`'s people, dates and clauses once for every stage."""
    people = find_people(doc)
    dateline = inline_dateline(doc.text) or _place_dateline(doc) or (0, 0)
    dates = [d for d in find_dates(doc) if not doc.in_quote(d.start)
             and not dateline[0] <= d.start < dateline[1]]
    clauses = find_clauses(doc)
    relatives = {fold_str(w) for w in doc.pack.get("language.yaml", "relative_pronouns")}
    return Reading(doc, published, day_known, people, dateline, dates, clauses, relatives)


def _place_dateline(doc: Doc) -> tuple[int, int] | None:
    """A dateline of a city only ("Luanda — ...", "ASUNCIÓN (AP) —"): the reporter's city."""
    span = place_dateline(doc.text)
    return span if span and doc.hits_in(span[0], span[1], "city") else None
