"""What accords knows about people before reading: heads of state and government and foreign
ministers (data/leaders.yaml), with their names in each language and their terms of office.

General knowledge, as a news-monitoring system carries it; signatories below that level are
found by pattern. A name found in a text is linked to a leader only by its full form or, for a
surname that belongs to one leader alone, by the surname.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from accords.data import shared
from accords.lang.pack import load
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
    pack = load(lang)
    latin = pack.script == "Latn"  # the press of a Latin-script language also writes English forms
    # A final vowel the last word drops before a case ending (Georgian ალიევი, ალიევ-მა): the stem
    # is listed too, and the pack's endings rebuild every case from it.
    drops = tuple(fold_str(e) for e in pack.get("language.yaml", "name_stem_drop"))
    index: dict[str, str] = {}
    for key, leader in leaders().items():
        forms = list(leader.names.get(lang, ()))
        if latin:
            forms += list(leader.names.get("en", ()))
        for form in forms:
            folded = fold_str(form)
            index.setdefault(folded, key)
            for end in drops:
                if folded.endswith(end) and len(folded.split()[-1]) > len(end) + 3:
                    index.setdefault(folded[: -len(end)], key)
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
    """The leader a name written in `lang` refers to, if it is one: as written, or less a case
    ending where the language puts one on names (ვენსმა, Əliyevin)."""
    folded = fold_str(name)
    endings = _name_endings(lang)
    forms = [folded, *(folded[: -len(s)] for s in endings if folded.endswith(s))]
    words = folded.split()
    if endings and 2 <= len(words) <= 3:
        # every word inflected ("Владимиром Путиным"): each word less one ending
        options = [[w, *(w[: -len(s)] for s in endings if w.endswith(s) and len(w) - len(s) >= 3)] for w in words]
        forms += [" ".join(combo) for combo in itertools.product(*options)]
    head, apos, tail = folded.rpartition("'")
    if apos and " " not in tail and 0 < len(tail) <= 5 and endings:
        forms.append(head)  # Turkish and Azerbaijani set a name's ending off: Aliyev'in, Erdoğan'ın
    for form in forms:
        if form != folded and len(form.split()[-1]) < 3:
            continue  # an ending stripped down to a stub
        found = name_index(lang).get(form) or (surname_index(lang).get(form) if " " not in form else None)
        if found:
            return found
    return None


@cache
def _name_endings(lang: str) -> tuple[str, ...]:
    """The endings a leader's name may carry in `lang` (the pack's suffixes, when names take them)."""
    pack = load(lang)
    kinds = pack.get("language.yaml", "suffix_kinds")
    return pack.suffixes if not kinds or "known_person" in kinds else ()


def continent(iso: str) -> str | None:
    """A state's continent (Africa, Americas, Asia, Europe, Oceania; UN M49 via CLDR), or None."""
    found = shared("regions.yaml").get(iso.upper())
    return str(found) if found else None
