"""Entities that persist in the store: people, states, organisations.

A person entity gathers the person groups of every agreement (identity.group_people) that are
the same leader of the knowledge file, or share a name and a side. It keeps every name form
seen with its language and source, the roles reported with their dates, the parties acted for,
the agreements, and the reasons each form was joined — what `accords entity` shows.
States and organisations are entities too, with their names in every supported language.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from typing import Any

from babel import Locale

from accords.identity import PersonForm, PersonGroup, group_people
from accords.knowledge import leaders
from accords.lang.lexicon import shared
from accords.lang.pack import available
from accords.names import same_name, skeleton
from accords.record import Stmt, party_name


def _entity_id(g: PersonGroup) -> str:
    if g.kb:
        return f"per:{g.kb}"
    key = "-".join(skeleton(g.best_name())) + "|" + (g.party or "")
    return "per:" + hashlib.sha256(key.encode()).hexdigest()[:10]


def _link(entities: list[tuple[PersonGroup, set[str]]], g: PersonGroup, agreement: str) -> None:
    """Join an agreement's person group to a person seen in other agreements, or start one."""
    for other, agreements in entities:
        if g.kb and other.kb:
            if g.kb == other.kb:
                other.forms += g.forms
                other.reasons += g.reasons + [f"same leader {other.kb} in {agreement}"]
                agreements.add(agreement)
                return
            continue
        hit = next(((a, b) for a in g.forms for b in other.forms if same_name(a.name, b.name)), None)
        if hit and (not g.party or not other.party or g.party == other.party):
            other.forms += g.forms
            other.kb = other.kb or g.kb
            other.reasons += g.reasons + [f"{hit[0].name} ~ {hit[1].name}: same name and side, in {agreement}"]
            agreements.add(agreement)
            return
    entities.append((PersonGroup(list(g.forms), list(g.reasons), g.kb, g.by_side), {agreement}))


def people(stmts_by_agreement: dict[str, list[Stmt]], dates: dict[str, str | None]) -> list[dict[str, Any]]:
    """Person entities across all agreements, as JSON-ready dicts."""
    linked: list[tuple[PersonGroup, set[str]]] = []
    for aid in sorted(stmts_by_agreement):
        for role in ("signatory", "present"):  # grouped apart, as in the record
            stmts = [s for s in stmts_by_agreement[aid] if s.field == role]
            forms = [PersonForm(s.value["name"], s.lang, s.source, s.value.get("party"), s.value.get("role"),
                                s.value.get("role_en"), s.value.get("kb"), (s, aid)) for s in stmts]
            for g in group_people(forms):
                _link(linked, g, aid)
    return [_person_entity(g, agreements, dates) for g, agreements in linked]


def _person_entity(g: PersonGroup, agreements: set[str], dates: dict[str, str | None]) -> dict[str, Any]:
    forms, roles = [], []
    for f in g.forms:
        stmt, aid = f.ref
        row = {"name": f.name, "lang": f.lang, "source": f.source, "agreement": aid, "as": stmt.field}
        if row not in forms:
            forms.append(row)
        if f.role or f.role_en:
            roles.append({"role": f.role, "role_en": f.role_en, "party": f.party, "reported": dates.get(aid),
                          "source": f.source})
    kb = leaders().get(g.kb) if g.kb else None
    return {
        "id": _entity_id(g), "type": "person", "name": g.best_name(), "forms": forms, "roles": roles,
        "parties": sorted(g.parties), "agreements": sorted(agreements), "reasons": list(dict.fromkeys(g.reasons)),
        "knowledge": None if kb is None else {
            "id": kb.key, "name": kb.name,
            "offices": [{"role": o.role, "title": o.title, "country": o.country, "start": o.start, "end": o.end}
                        for o in kb.offices]},
    }


def states_and_orgs(party_ids: set[str]) -> list[dict[str, Any]]:
    """Entities of the parties that occur in the store, with their names in every supported language."""
    out = []
    orgs = shared("organizations.yaml")
    for pid in sorted(party_ids):
        if pid.startswith("org:"):
            names = {lang: list(v) for lang, v in orgs.get(pid, {}).items()}
            out.append({"id": pid, "type": "organization", "name": party_name(pid), "names": names})
            continue
        names = defaultdict(list)
        for lang in available():
            try:
                name = Locale.parse(lang).territories.get(pid)
            except (ValueError, LookupError):
                name = None
            if name:
                names[lang].append(name)
        out.append({"id": f"state:{pid}", "type": "state", "name": party_name(pid), "iso": pid, "names": dict(names)})
    return out


def as_rows(entities: list[dict[str, Any]]) -> list[tuple[str, str, str, str]]:
    return [(e["id"], e["type"], e["name"], json.dumps(e, ensure_ascii=False)) for e in entities]


def rebuild(store: Any) -> int:
    """Recompute every entity from the store's statements and agreements; returns how many."""
    from accords.record import stmt_from_row
    from accords.text.normalize import fold_str

    agreement_of = {r[0]: r[1] for r in store.db.execute("SELECT id, agreement_id FROM mentions")}
    by_agreement: dict[str, list[Stmt]] = defaultdict(list)
    party_ids: set[str] = set()
    for row in store.db.execute("SELECT * FROM statements WHERE field IN ('signatory', 'present', 'party')"):
        aid = agreement_of.get(row["mention_id"])
        if aid is None:
            continue
        s = stmt_from_row(row)
        if s.field == "party":
            party_ids.add(str(s.value))
        else:
            by_agreement[aid].append(s)
    dates = {aid: (store.record(aid) or {}).get("date_signed") for aid in by_agreement}
    found = people(by_agreement, dates) + states_and_orgs(party_ids)
    names = set()
    for e in found:
        forms = [f["name"] for f in e.get("forms", [])] + [e["name"]]
        forms += [n for lst in e.get("names", {}).values() for n in lst]
        names.update((e["id"], fold_str(n)) for n in forms)
    with store.transaction():
        store.replace_entities(as_rows(found), [(eid, folded) for eid, folded in sorted(names)])
    return len(found)
