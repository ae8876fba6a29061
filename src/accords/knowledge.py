"""What accords knows about people before reading: heads of state and government and foreign
ministers (data/leaders.yaml), with their names in each language and their terms of office.

General knowledge, as a news-monitoring system carries it; signatories below that level are
found by pattern. A name found in a text is linked to a leader only by its full form or, for a
surname that belongs to one leader alone, by the surname.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from accords.lang.lexicon import shared
from accords.text.normalize import fold_str


@dataclass(frozen=True)
class Office:
    role: str
    title: str
    country: str
    start: str | None
    end: str | None

    def holds_on(self, day: dt.date) -> bool:
        iso = day.isoformat()
        return (self.start is None or self.start[:10] <= iso) and (self.end is None or iso <= self.end[:10])


@dataclass(frozen=True)
class Leader:
    key: str  # the Wikidata id, or a slug of the English name when the id is unknown
    name: str
    names: dict[str, tuple[str, ...]]
    offices: tuple[Office, ...]

    def office_on(self, day: dt.date | None) -> Office | None:
        """The office held on `day`; without a day, the latest office."""
        if not self.offices:
            return None
        if day is not None:
            held = [o for o in self.offices if o.holds_on(day)]
            if held:
                return held[0]
        return max(self.offices, key=lambda o: (o.end is None, o.end or "", o.start or ""))


def _slug(name: str) -> str:
    return "kb:" + "-".join(fold_str(name).split())


@cache
def leaders() -> dict[str, Leader]:
    out: dict[str, Leader] = {}
    for row in shared("leaders.yaml") or []:
        offices = tuple(Office(o["role"], str(o.get("title") or ""), str(o["country"]),
                               str(o["start"]) if o.get("start") else None,
                               str(o["end"]) if o.get("end") else None) for o in row.get("offices", []))
        key = str(row["id"]) if row.get("id") else _slug(str(row["name"]))
        names = {lang: tuple(str(n) for n in forms) for lang, forms in (row.get("names") or {}).items()}
        out[key] = Leader(key, str(row["name"]), names, offices)
    return out


@cache
def name_index(lang: str) -> dict[str, str]:
    """Folded full names (in `lang`, and the English forms for Latin-script text) -> leader key."""
    from accords.lang.pack import load

    latin = load(lang).script == "Latn"  # the press of a Latin-script language also writes English forms
    index: dict[str, str] = {}
    for key, leader in leaders().items():
        forms = list(leader.names.get(lang, ()))
        if latin:
            forms += list(leader.names.get("en", ()))
        for form in forms:
            index.setdefault(fold_str(form), key)
    return index


@cache
def surname_index(lang: str) -> dict[str, str]:
    """Folded surnames that belong to one leader alone -> leader key (for "Aliyev said")."""
    owners: dict[str, set[str]] = defaultdict(set)
    for full, key in name_index(lang).items():
        parts = full.split()
        if len(parts) >= 2 and len(parts[-1]) >= 4:
            owners[parts[-1]].add(key)
    return {s: next(iter(keys)) for s, keys in owners.items() if len(keys) == 1}


def lookup(name: str, lang: str) -> str | None:
    """The leader a name written in `lang` refers to, if it is one."""
    folded = fold_str(name)
    return name_index(lang).get(folded) or (surname_index(lang).get(folded) if " " not in folded else None)
