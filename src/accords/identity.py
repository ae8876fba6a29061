"""Who is who: grouping the name forms that refer to one person, and saying why.

Forms are joined, in this order of trust, when they are the same leader of the knowledge file,
when their consonant skeletons agree (Kamal Rahimov / كمال رحيموف), or — within one
agreement — when each source names one person for the same side (a Latin and an Arabic spelling
that disagree: "same signatory by role and side"). Every join keeps its reason, which `accords entity` shows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import Levenshtein

from accords.knowledge import leaders
from accords.names import latin, same_name, skeleton, token_skeleton


@dataclass
class PersonForm:
    name: str
    lang: str | None
    source: str
    party: str | None
    role: str | None
    role_en: str | None
    kb: str | None
    ref: Any = None  # what the form came from (a statement), for the caller


@dataclass
class PersonGroup:
    forms: list[PersonForm] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    kb: str | None = None
    by_side: bool = False

    @property
    def parties(self) -> Counter[str]:
        return Counter(f.party for f in self.forms if f.party)

    @property
    def party(self) -> str | None:
        return self.parties.most_common(1)[0][0] if self.parties else None

    @property
    def sources(self) -> set[str]:
        return {f.source for f in self.forms}

    def best_name(self) -> str:
        """The English form of a known leader, else an English source's form, else any Latin form,
        else a romanisation."""
        if self.kb and self.kb in leaders():
            return leaders()[self.kb].name
        for f in self.forms:
            if f.lang == "en":
                return f.name
        for f in self.forms:
            if is_latin(f.name):
                return f.name
        return latin(self.forms[0].name, self.forms[0].lang)

    def romanised_from(self) -> str | None:
        """The language of the form `best_name` romanised by machine (no source and no knowledge
        file gives the name in Latin script), else None."""
        if self.kb and self.kb in leaders() or any(is_latin(f.name) for f in self.forms):
            return None
        return self.forms[0].lang or "und"


def is_latin(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(ord(c) < 0x250 for c in letters)


@lru_cache(maxsize=4096)
def _latin(name: str) -> str:
    return latin(name)


def _same_person_name(a: str, b: str) -> bool:
    """Two spellings of one name, compared as written and, across scripts, as romanised: the
    consonant skeleton reads Hebrew vowel letters as consonants (גולד gvld), the romanisation
    reads them as vowels (Gold), as an Arabic one does (غولد Ghuld)."""
    if same_name(a, b):
        return True
    return not (is_latin(a) and is_latin(b)) and same_name(_latin(a), _latin(b))


def other_given_names(a: str, b: str) -> bool:
    """Two names with a surname in common but given names written out in full that are not one
    name spelled two ways ("Vikram Mehta", "Anil Kumar Mehta"; not "Benjamin", "Binyamin"):
    two people, though their initials agree."""
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2 or "." in wa[0] + wb[0] or min(len(wa[0]), len(wb[0])) <= 2:
        return False
    x, y = token_skeleton(wa[0]), token_skeleton(wb[0])
    if not x or not y or x.startswith(y) or y.startswith(x):
        return False
    return Levenshtein.distance(x, y) > 1


def _skel(name: str) -> str:
    return "-".join(skeleton(name))


def _by_kb(groups: list[PersonGroup], f: PersonForm) -> tuple[PersonGroup | None, str]:
    g = next((g for g in groups if f.kb and g.kb == f.kb), None)
    if g is None:
        return None, ""
    return g, f"{f.name} is {leaders()[f.kb].name} ({f.kb}) in the knowledge file" if f.kb else ""


def _by_name(groups: list[PersonGroup], f: PersonForm) -> tuple[PersonGroup | None, str]:
    for g in groups:
        if f.kb and g.kb and f.kb != g.kb:
            continue
        other = next((x for x in g.forms if _same_person_name(f.name, x.name)), None)
        if other is not None and (not f.party or not g.party or f.party == g.party):
            return g, f"{f.name} ~ {other.name}: same name (skeletons {_skel(f.name)} / {_skel(other.name)})"
    return None, ""


def _by_side(groups: list[PersonGroup], f: PersonForm, forms: list[PersonForm]) -> tuple[PersonGroup | None, str]:
    """One person for a side in this source, one in the other sources: the same person."""
    if not f.party:
        return None, ""
    alone = sum(1 for x in forms if x.source == f.source and x.party == f.party) == 1
    same_side = [g for g in groups if g.party == f.party and f.source not in g.sources]
    if not (alone and len(same_side) == 1):
        return None, ""
    g = same_side[0]
    rivals = [x for x in forms if x.party == f.party and x.source in g.sources]
    if len(rivals) != len(g.forms):
        return None, ""
    other = g.forms[0]
    return g, (f"{f.name} ~ {other.name}: the one signatory for {f.party} in each source, matched by role "
               f"and side; the spellings disagree (skeletons {_skel(f.name)} / {_skel(other.name)})")


def group_people(forms: list[PersonForm], by_side: bool = True) -> list[PersonGroup]:
    """Group the forms of one agreement (or, with by_side=False, of the whole store)."""
    groups: list[PersonGroup] = []
    for f in forms:
        target, reason = _by_kb(groups, f)
        if target is None:
            target, reason = _by_name(groups, f)
        if target is None and by_side:
            target, reason = _by_side(groups, f, forms)
            if target is not None:
                target.by_side = True
        if target is None:
            target = PersonGroup()
            groups.append(target)
        elif reason and reason not in target.reasons:
            target.reasons.append(reason)
        target.kb = target.kb or f.kb
        target.forms.append(f)
    return groups
