"""A record's evidence laid over its sources' texts, for the agreement page.

Each source's text is cut into segments at every span boundary (browse.segments), so spans that
overlap are all highlighted. A highlighted segment gets an anchor (`ev-N`, numbered across the
page); each evidence item of the record points at the segment where its span starts, which is
where a reader's eye should land when following the field's link.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from accords import browse


@dataclass
class Highlighted:
    """The page's sources with their segments, and, per field, the links to its evidence."""

    sources: list[dict[str, Any]] = field(default_factory=list)
    links: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    anchors: dict[tuple[str, int], str] = field(default_factory=dict)  # (source id, start) -> anchor

    def anchor(self, source: str, span: list[int] | tuple[int, int] | None) -> str | None:
        """The anchor of the mark where a span of `source` starts (None: not highlighted)."""
        return self.anchors.get((source, int(span[0]))) if span else None


def _marked(text: str, spans: list[dict[str, Any]], source_id: str, counter: list[int],
            anchors: dict[tuple[str, int], str]) -> list[dict[str, Any]]:
    """The text's segments, each highlighted one with an anchor; records the anchor of every
    offset where a span starts. Offsets are counted here (browse.segments promises only the
    pieces' texts, in order)."""
    starts = {int(s["start"]) for s in spans if int(s["end"]) > int(s["start"])}
    out, pos = [], 0
    for seg in browse.segments(text, spans):
        piece = {"text": seg["text"], "fields": list(seg["fields"]), "id": None}
        if piece["fields"]:
            counter[0] += 1
            piece["id"] = f"ev-{counter[0]}"
            if pos in starts:
                anchors.setdefault((source_id, pos), piece["id"])
        out.append(piece)
        pos += len(seg["text"])
    return out


def highlight(record: dict[str, Any], sources: list[dict[str, Any]]) -> Highlighted:
    """The sources of `record` (browse.sources) with their evidence marked, and every field's links."""
    page = Highlighted()
    counter = [0]
    lang_of = {}
    for src in sources:
        lang_of[src["id"]] = src.get("lang")
        segments = _marked(src.get("text") or "", src.get("spans") or [], src["id"], counter, page.anchors)
        page.sources.append({**src, "segments": segments})
    for name, items in record.get("evidence", {}).items():
        for ev in items:
            anchor = page.anchor(ev["source"], ev["span"])
            if anchor is not None:
                page.links[name].append({"href": f"#{anchor}", "lang": lang_of.get(ev["source"]),
                                         "source": ev["source"], "text": ev["text"]})
    return page
