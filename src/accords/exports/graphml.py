"""GraphML of the parties: who signs with whom, for Gephi, networkx, igraph or yEd.

Nodes are parties (id: the ISO code or `org:` slug; label, type, Wikidata id, agreements). An
agreement of n parties gives one edge per pair of them, each edge keyed by the record id, with
its date, instrument, domains and title (a multigraph: two states that signed three agreements
have three edges). GraphML has no list type, so domains are written joined by ";", and a missing
value is left out of the element (GraphML's own "unknown").
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from typing import IO, Any

import networkx as nx
import regex

from accords.exports.ids import party_qid

GENERATOR = "accords export --format graphml"
# Characters XML 1.0 cannot hold, even escaped: a control character in an article's title would
# make the whole file unreadable to every GraphML reader.
_NOT_XML = regex.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def graph(records: Iterable[dict[str, Any]]) -> nx.MultiGraph:
    g = nx.MultiGraph(generator=GENERATOR)
    for rec in records:
        for p in rec["parties"]:
            if p["id"] not in g:
                g.add_node(p["id"], **_present(label=p.get("name") or p["id"], type=p["type"],
                                               wikidata=party_qid(p["id"]), agreements=0))
            g.nodes[p["id"]]["agreements"] += 1
        ids = sorted({p["id"] for p in rec["parties"]})
        for a, b in combinations(ids, 2):
            g.add_edge(a, b, key=rec["id"], **_present(
                agreement=rec["id"], date=rec["date_signed"], instrument=rec["instrument"],
                domains=";".join(rec["domains"]), title=rec["title"]))
    return g


def _present(**attrs: Any) -> dict[str, Any]:
    """The attributes that have a value, their text made writable as XML."""
    return {k: _NOT_XML.sub("\ufffd", v) if isinstance(v, str) else v for k, v in attrs.items()
            if v is not None and v != ""}


def write(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write the GraphML document to a text stream; returns how many agreements it holds."""
    seen: list[str] = []

    def counted() -> Iterable[dict[str, Any]]:
        for rec in records:
            seen.append(rec["id"])
            yield rec

    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    for line in nx.generate_graphml(graph(counted()), encoding="utf-8", prettyprint=True):
        out.write(line + "\n")
    return len(seen)
