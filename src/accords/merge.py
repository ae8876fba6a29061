"""Documents about the same signing -> one agreement.

Candidates are found by blocking keys (the pairs of parties a mention names), never by comparing
every pair; each candidate pair is judged by a named, versioned scorer (`merge_v1`; a changed
rule is a new scorer, never an edit of a released one, as in nomenklatura); positive judgements
are stored, and an agreement is a connected component of them. The agreement id comes from the
smallest mention id in the component, so the same sources give the same ids whatever the order
they were ingested in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from accords.names import same_name


@dataclass
class MentionView:
    """What merging needs to know of one event mention."""

    id: str
    source_id: str
    lang: str | None
    published: str | None
    instrument: str | None = None
    parties: set[str] = field(default_factory=set)
    date: str | None = None
    people: list[tuple[str, str | None]] = field(default_factory=list)  # (name, party) of signatories

    @property
    def day(self) -> dt.date | None:
        return _date(self.date)


def _date(value: str | None) -> dt.date | None:
    if value and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class Judgement:
    verdict: str  # positive | negative | unsure
    score: float
    reason: str


def block_keys(m: MentionView) -> set[str]:
    """Pairs of parties (or the single party) a mention names."""
    parties = sorted(m.parties)
    if len(parties) >= 2:
        return {f"{a}|{b}" for a, b in itertools.combinations(parties, 2)}
    return {parties[0]} if parties else set()


def _window(m: MentionView) -> tuple[dt.date, dt.date] | None:
    """The days the signing can have been on, as far as the mention tells."""
    if m.day:
        return m.day - dt.timedelta(days=2), m.day + dt.timedelta(days=2)
    pub = _date(m.published)
    if pub:
        return pub - dt.timedelta(days=400), pub + dt.timedelta(days=1)
    return None


def _dates_clash(a: MentionView, b: MentionView) -> bool:
    if a.date and b.date and len(a.date) >= 7 and len(b.date) >= 7 and a.date[:7] != b.date[:7]:
        if not (a.day and b.day and abs((a.day - b.day).days) <= 2):
            return True
    wa, wb = _window(a), _window(b)
    return bool(wa and wb and (wa[1] < wb[0] or wb[1] < wa[0]))


def _names_agree(a: MentionView, b: MentionView) -> bool:
    return any(same_name(x, y) for (x, _), (y, _) in itertools.product(a.people, b.people))


# "agreement" is what reports call any instrument; the other types must agree to be one signing.
GENERIC_INSTRUMENTS = {None, "agreement"}


def instruments_clash(a: str | None, b: str | None) -> bool:
    return a not in GENERIC_INSTRUMENTS and b not in GENERIC_INSTRUMENTS and a != b


def merge_v1(a: MentionView, b: MentionView) -> Judgement:
    """Same signing when the parties agree and nothing (dates, publication, instrument) says otherwise."""
    if a.source_id == b.source_id:
        return Judgement("negative", 0.0, "two events of one source")
    shared = a.parties & b.parties
    if not shared:
        return Judgement("negative", 0.0, "no party in common")
    if len(a.parties) >= 2 and len(b.parties) >= 2 and len(shared) < 2:
        return Judgement("negative", 0.1, "different pairs of parties")
    if _dates_clash(a, b):
        return Judgement("negative", 0.1, "dates of signing or publication do not fit")
    if instruments_clash(a.instrument, b.instrument):
        return Judgement("negative", 0.2, f"different instruments ({a.instrument}, {b.instrument})")
    names = _names_agree(a, b)
    same_inst = a.instrument is not None and a.instrument == b.instrument
    if len(shared) >= 2 and a.parties == b.parties:
        return Judgement("positive", 0.9 if names else 0.75, "same parties" + (", same signatory" if names else ""))
    if len(shared) >= 2 and (names or same_inst or (a.day and a.day == b.day)):
        return Judgement("positive", 0.7, "one report names more parties; same signatory, instrument or day")
    if len(shared) >= 2:
        return Judgement("unsure", 0.5, "one report names more parties, nothing else agrees")
    if names or (same_inst and a.day and b.day):
        return Judgement("positive", 0.6, "one party in common, same signatory or instrument and day")
    return Judgement("unsure", 0.4, "one party in common")


SCORERS: dict[str, Callable[[MentionView, MentionView], Judgement]] = {"merge_v1": merge_v1}
DEFAULT_SCORER = "merge_v1"


def candidate_pairs(mentions: Iterable[MentionView]) -> set[tuple[str, str]]:
    blocks: dict[str, list[str]] = defaultdict(list)
    for m in mentions:
        for k in block_keys(m):
            blocks[k].append(m.id)
    pairs: set[tuple[str, str]] = set()
    for ids in blocks.values():
        for a, b in itertools.combinations(sorted(set(ids)), 2):
            pairs.add((a, b))
    return pairs


def agreement_id(member_ids: Iterable[str]) -> str:
    return "agr-" + hashlib.sha256(min(member_ids).encode()).hexdigest()[:12]


def components(ids: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Mention id -> agreement id, agreements being connected components of positive edges."""
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for i in parent:
        groups[find(i)].append(i)
    return {m: agreement_id(members) for members in groups.values() for m in members}


def view_from_statements(mention_id: str, source: dict[str, object], rows: Iterable[dict[str, object]]) -> MentionView:
    v = MentionView(mention_id, str(source["id"]), source.get("lang"), source.get("published"))  # type: ignore[arg-type]
    for r in rows:
        value = json.loads(str(r["value"]))
        f = r["field"]
        if f == "instrument":
            v.instrument = value
        elif f == "party":
            v.parties.add(value)
        elif f == "date_signed":
            v.date = value
        elif f == "signatory":
            v.people.append((value["name"], value.get("party")))
    return v
