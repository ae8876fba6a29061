"""PLOVER event records (the Open Event Data Alliance's "Political Language Ontology for Verifiable
Event Records", manual chapter "Data Fields"), one JSON object a line, so that users of political
event data can join accords' signings to their own events.

One record per pair of parties of an agreement (PLOVER records an actor and a recipient; a
signing has no direction, so the pair is taken in the order of the party ids, and every pair of
a multilateral agreement gets its own record, all sharing `link`, the agreement id):

- `event` ["AGREE"], `mode` ["sign"], `quad_code` 1 (verbal cooperation); `cameo` "057" with
  `cameo_text` "Sign formal agreement": the CAMEO code of a signing, for splicing with CAMEO
  data. (OEDA's own CAMEO2PLOVER table files 057 under SUPPORT with the `diplomatic` context;
  the issue asked for AGREE + sign, and `cameo` lets a user re-map either way.)
- `context`: the PLOVER contexts that the record's domains fall under, plus `diplomatic`;
- `actor`/`recipient`: entity objects (`code`: ISO alpha-3 for a state, as PLOVER asks, KOS for
  Kosovo, UNO/EUR for the UN and the EU, IGO for another intergovernmental organisation, else
  left out; `identifier_id`: the Wikidata id; `entity_text`: the name);
- `date`: the day of signing when the record has it; else the earliest publication day of its
  sources (the date event data usually carries), and `date_signed` keeps what the record says;
  a record with neither gives no PLOVER record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import combinations
from typing import IO, Any

from accords import __version__
from accords.data import shared
from accords.exports.ids import alpha3, party_qid
from accords.exports.parquet import day

CAMEO = ("057", "Sign formal agreement")
# accords domains -> PLOVER general contexts (manual, "Context codes that can be used with any category").
CONTEXTS = {
    "artificial_intelligence": ("technology",), "digital_ict": ("technology",), "cybersecurity": ("cyber",),
    "space": ("technology",), "science_research": ("technology",), "energy": ("natural_resource",),
    "defence_security": ("military",), "trade_investment": ("economic",), "finance": ("economic",),
    "transport": ("economic",), "health": ("health",), "agriculture_water": ("human_security",),
    "environment_climate": ("environment",),
}
_ORG_CODES = {"org:un": "UNO", "org:eu": "EUR"}


def _code(party: dict[str, Any]) -> str | None:
    if party["type"] == "state":
        return "KOS" if party["id"] == "XK" else alpha3(party["id"])  # PLOVER's code for Kosovo
    if party["id"] in _ORG_CODES:
        return _ORG_CODES[party["id"]]
    return "IGO" if party["id"] in shared("organizations.yaml") else None


def entity(party: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"entity_text": party.get("name") or party["id"]}
    if (code := _code(party)) is not None:
        out["code"] = code
    if party["type"] == "state":
        out["sector"] = "GOV"  # a state party signs through its government
    if (qid := party_qid(party["id"])) is not None:
        out["identifier_id"] = qid
        out["identifier_text"] = out["entity_text"]
    return out


def _date(rec: dict[str, Any]) -> str | None:
    if day(rec["date_signed"]):
        return str(rec["date_signed"])
    published = sorted(str(s["published"]) for s in rec["sources"] if day(s["published"]))
    return published[0] if published else None


def _cite(rec: dict[str, Any]) -> dict[str, Any]:
    first = rec["sources"][0] if rec["sources"] else {}
    cite = {"corpus": "accords", "citation": rec["id"], "coder": f"accords {__version__}",
            "codebook": "plover (AGREE+sign extension)"}
    for key, field in (("url", "url"), ("title", "title"), ("language", "lang"), ("publication", "outlet")):
        if first.get(field):
            cite[key] = first[field]
    return cite


def events(rec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The PLOVER records of one agreement (none when it has fewer than two parties or no date)."""
    date = _date(rec)
    if date is None:
        return
    parties = sorted(rec["parties"], key=lambda p: p["id"])
    contexts = sorted({"diplomatic", *(c for d in rec["domains"] for c in CONTEXTS.get(d, ()))})
    for a, b in combinations(parties, 2):
        yield {
            "id": f"{rec['id']}:{a['id']}:{b['id']}", "has_event": True, "date": date,
            "date_signed": rec["date_signed"],
            "actor": [entity(a)], "recipient": [entity(b)], "event": ["AGREE"], "mode": ["sign"], "context": contexts,
            "quad_code": 1, "cameo": CAMEO[0], "cameo_text": CAMEO[1], "link": rec["id"],
            "event_text": [rec["title"]], **({"event_loc": {"extracted_place": rec["place"]}} if rec["place"] else {}),
            "cite_info": _cite(rec), "coder": f"accords {__version__}", "comment": rec["instrument"],
        }


def write(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """One PLOVER record a line; returns how many agreements were read."""
    n = 0
    for rec in records:
        n += 1
        for ev in events(rec):
            out.write(json.dumps(ev, ensure_ascii=False) + "\n")
    return n
