"""Documents about the same signing -> one agreement.

Candidates are found by blocking keys (the pairs of parties a mention names), never by comparing
every pair; each candidate pair is judged by a named, versioned scorer (`merge_v1`; a changed
rule is a new scorer, never an edit of a released one, as in nomenklatura; `merge_v2` is the
default); positive judgements
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

from accords.names import same_name, surname_key


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
    domains: set[str] = field(default_factory=set)  # taxonomy codes of what the instrument is about
    siblings: int = 1  # events its source reports (several: a ceremony where several instruments were signed)

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


# How long after a signing a report that gives no day of its own is taken to be about it. Reports
# of one signing come out within days; a later retrospective gives the date.
REPORT_LAG_DAYS = 21
# An undated report is not attributed, by instrument type or by signatory, when more than this
# many reports share the same parties and that type or signatory: it could be any of them.
AMBIGUOUS_BLOCK = 10


def _window(m: MentionView) -> tuple[dt.date, dt.date] | None:
    """The days the signing can have been on, as far as the mention tells."""
    if m.day:
        return m.day - dt.timedelta(days=2), m.day + dt.timedelta(days=2)
    pub = _date(m.published)
    if pub:  # a report that gives no day is about a recent signing; retrospectives give the date
        return pub - dt.timedelta(days=REPORT_LAG_DAYS), pub + dt.timedelta(days=1)
    return None


def _weeks(lo: dt.date, hi: dt.date) -> list[str]:
    """Week numbers (days since 1970-01-05, a Monday, over 7) that a window touches."""
    first, last = (lo - dt.date(1970, 1, 5)).days // 7, (hi - dt.date(1970, 1, 5)).days // 7
    return [f"w{w}" for w in range(first, last + 1)]


def block_keys(m: MentionView) -> tuple[set[str], set[str]]:
    """Blocking keys a mention is stored under, and the keys it looks up.

    A key is a pair of parties (or one party) crossed with a week the signing can fall in, so
    two mentions that can be one signing share a key whatever order they come in, and mentions
    that cannot (other parties, years apart) are never compared. A mention naming one party
    must meet every mention naming that party; one naming two meets those naming the same pair
    and those naming one of its parties alone:
        stored:    2:A|B@week for each pair, 1:A@week for each party, s:A@week if it names one
        looked up: 2:A|B@week and s:A@week (two or more parties), or 1:A@week (one party)
    and, for reports without any date, party set + signatory surname (below).
    """
    parties = sorted(m.parties)
    window = _window(m)
    pairs = [f"{a}|{b}" for a, b in itertools.combinations(parties, 2)]
    mine = [f"2:{p}" for p in pairs] + [f"1:{p}" for p in parties] + ([f"s:{parties[0]}"] if len(parties) == 1 else [])
    wanted = [f"1:{parties[0]}"] if len(parties) == 1 else [f"2:{p}" for p in pairs] + [f"s:{p}" for p in parties]
    # A report with no time at all merges only through a signatory: keyed by its party set and
    # the surname's skeleton. Every report is stored under those keys; only undated ones look
    # them up (and undated ones are stored under an undated-only copy the others look up).
    # (keyed by each pair of its parties too, so a report adding a mediator meets those without)
    names = {surname_key(n) for n, _ in m.people} - {""}
    sets = {"+".join(parties)} | {"+".join(p) for p in itertools.combinations(parties, 2)}
    name_keys = {f"n:{ps}|{k}" for k in names for ps in sets}
    undated_keys = {f"nu:{ps}|{k}" for k in names for ps in sets}
    if m.instrument not in GENERIC_INSTRUMENTS and len(parties) >= 2:  # same parties, same kind of instrument
        name_keys |= {f"i:{ps}|{m.instrument}" for ps in sets}
        undated_keys |= {f"iu:{ps}|{m.instrument}" for ps in sets}
    if len(parties) >= 2:  # same parties, same specific subject
        for d in sorted(m.domains - GENERIC_DOMAINS):
            name_keys |= {f"d:{ps}|{d}" for ps in sets}
            undated_keys |= {f"du:{ps}|{d}" for ps in sets}
    if window is None:
        return name_keys | undated_keys, name_keys
    weeks = _weeks(*window)
    stored = {f"{k}@{w}" for k in mine for w in weeks} | name_keys
    return stored, {f"{k}@{w}" for k in wanted for w in weeks} | undated_keys


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
# Subjects too broad to tell two signings between the same parties apart.
GENERIC_DOMAINS = {"diplomacy", "other"}


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
    if _window(a) is None or _window(b) is None:
        # A report with no date at all could be about any signing between those parties: it takes
        # the same parties and a second likeness (a signatory, or the same specific instrument).
        specific = same_inst and a.instrument not in GENERIC_INSTRUMENTS
        subject = bool((a.domains & b.domains) - GENERIC_DOMAINS)
        if len(a.parties) >= 2 and a.parties == b.parties and (names or specific or subject):
            return Judgement("positive", 0.6, "no date on one side; same parties and signatory, instrument or subject")
        return Judgement("unsure", 0.3, "no date on one side")
    if len(shared) >= 2 and a.parties == b.parties:
        return Judgement("positive", 0.9 if names else 0.75, "same parties" + (", same signatory" if names else ""))
    if len(shared) >= 2 and (names or same_inst or (a.day and a.day == b.day)):
        return Judgement("positive", 0.7, "one report names more parties; same signatory, instrument or day")
    if len(shared) >= 2:
        return Judgement("unsure", 0.5, "one report names more parties, nothing else agrees")
    if same_inst and a.instrument not in GENERIC_INSTRUMENTS and (names or (a.day and a.day == b.day)):
        return Judgement("positive", 0.6, "one party in common, same instrument, same signatory or day")
    return Judgement("unsure", 0.4, "one party in common")


def _other_subjects(a: MentionView, b: MentionView) -> bool:
    """Two instruments of one ceremony told apart by their subjects: a source that reports several
    signings is comparing "an agreement on labour" with "an agreement on migration"."""
    if a.siblings < 2 and b.siblings < 2:
        return False  # one instrument each: subjects read in two languages may just differ in wording
    if a.instrument != b.instrument and a.instrument not in GENERIC_INSTRUMENTS \
            and b.instrument not in GENERIC_INSTRUMENTS:
        return False  # (told apart by their types already)
    da, db = a.domains - GENERIC_DOMAINS, b.domains - GENERIC_DOMAINS
    return bool(da) and bool(db) and not da & db


def _mediated(a: MentionView, b: MentionView) -> bool:
    """One report names the other's parties and more (a mediator or host added as a party), and
    something else agrees: a signatory, the same specific instrument or the same specific subject."""
    small, big = sorted((a.parties, b.parties), key=len)
    if len(small) < 2 or not small < big:
        return False
    specific = a.instrument == b.instrument and a.instrument not in GENERIC_INSTRUMENTS
    subject = bool((a.domains & b.domains) - GENERIC_DOMAINS)
    return _names_agree(a, b) or specific or subject


def merge_v2(a: MentionView, b: MentionView) -> Judgement:
    """merge_v1, and: two instruments of one ceremony with different subjects stay apart; a report
    that adds a mediator as a party joins the others by a second likeness even when it gives no
    date (reports of one declaration in many languages rarely give one)."""
    base = merge_v1(a, b)
    if base.verdict == "negative":
        return base
    if _other_subjects(a, b):
        return Judgement("negative", 0.2, "instruments of one ceremony on different subjects")
    if base.verdict == "unsure" and _mediated(a, b) and not _dates_clash(a, b):
        return Judgement("positive", 0.6, "one report adds a party (a mediator); same signatory, instrument or subject")
    return base


SCORERS: dict[str, Callable[[MentionView, MentionView], Judgement]] = {"merge_v1": merge_v1, "merge_v2": merge_v2}
DEFAULT_SCORER = "merge_v2"


def count_siblings(views: list[MentionView]) -> list[MentionView]:
    """Sets each view's `siblings`: how many events its source reports."""
    per_source: dict[str, int] = defaultdict(int)
    for v in views:
        per_source[v.source_id] += 1
    for v in views:
        v.siblings = per_source[v.source_id]
    return views


def candidate_pairs(mentions: Iterable[MentionView]) -> set[tuple[str, str]]:
    """Every pair of mentions that a blocking key brings together, as (smaller id, larger id)."""
    items = list(mentions)
    index: dict[str, list[str]] = defaultdict(list)
    looked: dict[str, set[str]] = {}
    for m in items:
        stored, looked[m.id] = block_keys(m)
        for k in stored:
            index[k].append(m.id)
    pairs: set[tuple[str, str]] = set()
    for m in items:
        for k in looked[m.id]:
            if k.startswith(("i:", "iu:", "n:", "nu:", "d:", "du:")):
                full = k[0] + ":" + k.split(":", 1)[1]  # the block every report is stored under
                if len(index.get(full, ())) > AMBIGUOUS_BLOCK:
                    continue  # too many such reports to attribute an undated one
            for other in index.get(k, ()):
                if other != m.id:
                    pairs.add((min(m.id, other), max(m.id, other)))
    return pairs


def agreement_id(member_ids: Iterable[str]) -> str:
    return "agr-" + hashlib.sha256(min(member_ids).encode()).hexdigest()[:12]


_CROSS_CHECK = 8  # members per side compared before two clusters are joined (bounds each join's cost)


def components(views: dict[str, MentionView], edges: Iterable[tuple[str, str]],
               scores: dict[tuple[str, str], float] | None = None,
               judge: Callable[[MentionView, MentionView], Judgement] = merge_v2) -> dict[str, str]:
    """Mention id -> agreement id. Positive edges join clusters, strongest first. A join is refused
    when the scorer finds two members of the two clusters different, so a chain of likenesses
    (one report naming only Azerbaijan, signed by its president) cannot glue two signings
    together. Pairs that blocking never brought together are judged here, on demand."""
    parent = {i: i for i in views}
    members = {i: [i] for i in parent}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def compatible(xs: list[str], ys: list[str]) -> bool:
        return all(judge(views[x], views[y]).verdict != "negative"
                   for x in xs[:_CROSS_CHECK] for y in ys[:_CROSS_CHECK])

    for a, b in sorted(edges, key=lambda e: (-(scores or {}).get(e, 0.0), e)):
        ra, rb = find(a), find(b)
        if ra == rb or not compatible(members[ra], members[rb]):
            continue
        root, other = min(ra, rb), max(ra, rb)
        parent[other] = root
        members[root].extend(members.pop(other))
    return {m: agreement_id(group) for group in members.values() for m in group}


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
        elif f == "domain":
            v.domains.add(value)
    return v
