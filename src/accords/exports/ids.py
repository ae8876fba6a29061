"""Standard identifiers the exports carry beside accords' own: a Wikidata id for every state (and
for the organisations data/wikidata_states.yaml knows), the ISO alpha-3 code, and for each person
of a record the store's person entity and, for a leader of the knowledge file, its Wikidata id.

A record names its people by name only; the store's person entities (entities.py) keep, for each
form, the agreement and the list ('signatory' or 'present') it came from, so a record's person is
found there by the same three keys. A person the knowledge file names only by a slug (`kb:...`)
has no Wikidata id.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from accords.data import shared

WIKIDATA = "http://www.wikidata.org/entity/"


def _states() -> dict[str, dict[str, str]]:
    return shared("wikidata_states.yaml")["states"]  # type: ignore[no-any-return]


def party_qid(party_id: str) -> str | None:
    """The Wikidata id of a party: a state by its ISO code, an organisation by its slug."""
    if party_id.startswith("org:"):
        found = shared("wikidata_states.yaml")["organizations"].get(party_id)
    else:
        found = _states().get(party_id)
    return str(found["wikidata"]) if found else None


def alpha3(iso: str) -> str | None:
    found = _states().get(iso)
    return str(found["alpha3"]) if found and found.get("alpha3") else None


@dataclass
class People:
    """Record people -> (person entity id, Wikidata id or None), read once from a store."""

    by_form: dict[tuple[str, str, str], tuple[str, str | None]] = field(default_factory=dict)

    @classmethod
    def from_store(cls, store: Any) -> People:
        out = cls()
        for (data,) in store.db.execute("SELECT data FROM entities WHERE type = 'person' ORDER BY id"):
            e = json.loads(data)
            kb = (e.get("knowledge") or {}).get("id")
            qid = kb if isinstance(kb, str) and kb.startswith("Q") and kb[1:].isdigit() else None
            for f in e.get("forms", []):
                out.by_form.setdefault((f["agreement"], f["as"], f["name"]), (e["id"], qid))
        return out

    def lookup(self, agreement_id: str, kind: str, person: dict[str, Any]) -> tuple[str | None, str | None]:
        """The entity id and Wikidata id of one of a record's signatories ('signatory') or people
        present ('present'); (None, None) when the store has no entity for it."""
        for name in [person["name"], *person.get("names", {}).values()]:
            found = self.by_form.get((agreement_id, kind, name))
            if found:
                return found
        return None, None
