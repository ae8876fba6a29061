"""JSON-LD with schema.org terms: one document, a `@context` that defines every term it uses, and
a `@graph` of nodes with stable `@id`s (`urn:accords:...`, built from accords' own ids; Wikidata
ids, where known, are given as `sameAs`):

- the agreement is an `Event` (startDate: the day of signing as the record has it, a partial
  date staying partial; location: a `Place`); its instrument a `Legislation` node (the event's
  `workFeatured`: legislationType, keywords: the domains); the parties are its `attendee`s
  (`Country` with its ISO code as `identifier`, or `Organization`; a state's bodies that signed
  are `GovernmentOrganization`s with the state as `parentOrganization`); the signatories are its
  `performer`s and the people present more `attendee`s (`Person`: name, alternateName per
  language, jobTitle, affiliation);
- every source is a `NewsArticle` (url, headline, inLanguage, datePublished, publisher) that the
  event is `subjectOf`; a quote is a `Quotation` (text, spokenByCharacter, isPartOf its article,
  about the event).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import IO, Any

from accords.exports.ids import WIKIDATA, People, party_qid

BASE = "urn:accords:"
SCHEMA = "https://schema.org/"
_IRI = {"@type": "@id"}
_TERMS = (
    "Event", "Legislation", "Country", "Organization", "GovernmentOrganization", "Person", "Place", "NewsArticle",
    "Quotation", "name", "identifier", "startDate", "location", "workFeatured", "legislationType", "keywords",
    "headline", "inLanguage", "datePublished", "jobTitle", "text", "description")
_LINKS = ("attendee", "performer", "affiliation", "parentOrganization", "subjectOf", "spokenByCharacter",
          "isPartOf", "about", "sameAs", "url", "publisher")
CONTEXT: dict[str, Any] = {
    "schema": SCHEMA,
    **{t: f"schema:{t}" for t in _TERMS},
    **{t: {"@id": f"schema:{t}", **_IRI} for t in _LINKS},
    "alternateName": {"@id": "schema:alternateName", "@container": "@language"},
}


def iri(kind: str, key: str) -> str:
    return f"{BASE}{kind}:{key}"


def _party_iri(pid: str) -> str:
    return iri("org", pid[4:]) if pid.startswith("org:") else iri("state", pid)


def _party(p: dict[str, Any]) -> dict[str, Any]:
    qid = party_qid(p["id"])
    node: dict[str, Any] = {"@id": _party_iri(p["id"]), "@type": "Country" if p["type"] == "state" else "Organization",
                            "name": p.get("name") or p["id"], "identifier": p["id"]}
    if qid:
        node["sameAs"] = WIKIDATA + qid
    return node


def _body(party: str, name: str) -> dict[str, Any]:
    key = hashlib.sha256(f"{party}|{name}".encode()).hexdigest()[:12]
    return {"@id": iri("body", key), "@type": "GovernmentOrganization", "name": name,
            "parentOrganization": _party_iri(party)}


def _person(aid: str, kind: str, i: int, p: dict[str, Any], people: People) -> dict[str, Any]:
    entity, qid = people.lookup(aid, kind, p)
    node: dict[str, Any] = {"@id": iri("person", entity[4:] if entity else f"{aid}:{kind}:{i}"), "@type": "Person",
                            "name": p["name"]}
    if p["names"]:
        node["alternateName"] = dict(p["names"])
    if p["role"]:
        node["jobTitle"] = p["role"]
    if p["party"]:
        node["affiliation"] = _party_iri(p["party"])
    if qid:
        node["sameAs"] = WIKIDATA + qid
    return node


def _article(s: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = {"@id": iri("source", s["id"]), "@type": "NewsArticle"}
    for term, key in (("url", "url"), ("headline", "title"), ("inLanguage", "lang"), ("datePublished", "published")):
        if s[key]:
            node[term] = s[key]
    if s["outlet"]:
        node["publisher"] = {"@type": "Organization", "name": s["outlet"]}
    return node


def _speaker(name: str | None, people: list[tuple[dict[str, Any], dict[str, Any]]]) -> Any:
    if not name:
        return None
    for p, node in people:
        if name == p["name"] or name in p["names"].values():
            return node["@id"]
    return {"@type": "Person", "name": name}


def nodes(rec: dict[str, Any], people: People) -> Iterable[dict[str, Any]]:
    """The nodes of one record: its parties, bodies, people, articles, quotes and the event."""
    aid = rec["id"]
    event: dict[str, Any] = {"@id": iri("agreement", aid), "@type": "Event", "name": rec["title"], "identifier": aid}
    if rec["date_signed"]:
        event["startDate"] = rec["date_signed"]
    if rec["place"]:
        event["location"] = {"@type": "Place", "name": rec["place"]}
    event["workFeatured"] = {"@id": iri("instrument", aid), "@type": "Legislation", "name": rec["title"],
                             "legislationType": rec["instrument"], "keywords": list(rec["domains"])}
    out: list[dict[str, Any]] = []
    for p in rec["parties"]:
        out.append(_party(p))
        out += [_body(p["id"], b) for b in p["bodies"]]
    persons = [(p, _person(aid, kind, i, p, people)) for key, kind in (("signatories", "signatory"),
                                                                       ("present", "present"))
               for i, p in enumerate(rec[key])]
    out += [node for _, node in persons]
    out += [_article(s) for s in rec["sources"]]
    event["performer"] = [node["@id"] for p, node in persons[:len(rec["signatories"])]]
    event["attendee"] = [n["@id"] for n in out if n["@type"] in ("Country", "Organization", "GovernmentOrganization")]
    event["attendee"] += [node["@id"] for p, node in persons[len(rec["signatories"]):]]
    event["subjectOf"] = [iri("source", s["id"]) for s in rec["sources"]]
    for i, q in enumerate(rec["quotes"]):
        quote = {"@id": iri("quote", f"{aid}:{i}"), "@type": "Quotation", "text": q["text"],
                 "isPartOf": iri("source", q["source"]), "about": event["@id"]}
        if (speaker := _speaker(q["speaker"], persons)) is not None:
            quote["spokenByCharacter"] = speaker
        out.append(quote)
    return [*out, event]


def write(records: Iterable[dict[str, Any]], people: People, out: IO[str]) -> int:
    """Write one JSON-LD document, node by node (a node shared by agreements, a state or a person,
    once); returns how many agreements."""
    out.write('{\n"@context": ' + json.dumps(CONTEXT, ensure_ascii=False) + ',\n"@graph": [')
    seen: set[str] = set()
    n = 0
    for rec in records:
        n += 1
        for node in nodes(rec, people):
            if node["@id"] in seen:
                continue
            seen.add(node["@id"])
            out.write(("\n" if len(seen) == 1 else ",\n") + json.dumps(node, ensure_ascii=False))
    out.write("\n]}\n")
    return n
