"""The SVG drawings as pure functions: what they draw from browse's data, always the same way,
with every label escaped."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest

from accords.web import svg

NS = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    """The drawing as XML: it must be well-formed for that (an unescaped '<' or '"' breaks it)."""
    return ET.fromstring(markup)


def test_months_between_crosses_years() -> None:
    assert svg.months_between("2025-11", "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert svg.months_between("2026-02", "2026-02") == ["2026-02"]


def test_timeline_a_bar_per_month_with_agreements_on_a_continuous_axis() -> None:
    data = [{"month": "2025-11", "count": 2}, {"month": "2026-02", "count": 1}]
    root = parse(svg.timeline(data, lambda m: f"/agreements?since={m}&until={m}"))
    bars = root.findall(f".//{NS}a[@class='month']")
    assert [(b.get("data-month"), b.get("href")) for b in bars] == [
        ("2025-11", "/agreements?since=2025-11&until=2025-11"), ("2026-02", "/agreements?since=2026-02&until=2026-02")]
    heights = [float(b.find(f"{NS}rect").get("height")) for b in bars]
    assert heights[0] == 2 * heights[1]
    xs = [float(b.find(f"{NS}rect").get("x")) for b in bars]
    slot = (xs[1] - xs[0]) / 3  # three months apart: the empty months keep their place
    assert slot > 0 and root.get("id") == "timeline"


def test_timeline_without_data_is_an_empty_chart() -> None:
    root = parse(svg.timeline([], lambda m: m))
    assert root.findall(f".//{NS}a") == []


def test_network_layout_is_deterministic_and_grouped_by_region() -> None:
    nodes = [{"id": i, "name": i, "type": "state", "region": r, "agreements": n}
             for i, r, n in (("FR", "Europe", 2), ("JP", "Asia", 5), ("DE", "Europe", 7), ("BR", "Americas", 1))]
    first = svg.circle_layout(nodes, 0, 0, 100)
    assert first == svg.circle_layout(list(reversed(nodes)), 0, 0, 100)
    # the order round the circle from the top: Americas, Asia, then Europe's busiest first
    assert first["BR"] == pytest.approx((0.0, -100.0))
    order = sorted(first, key=lambda k: _angle(first[k]))
    assert order == ["BR", "JP", "DE", "FR"]


def _angle(xy: tuple[float, float]) -> float:
    return (math.atan2(xy[1], xy[0]) + math.pi / 2) % (2 * math.pi)


HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)>'


def network_data() -> dict:
    return {"nodes": [{"id": "org:x", "name": HOSTILE, "type": "organization", "region": "organization",
                       "agreements": 3},
                      {"id": "AZ", "name": "Azerbaijan", "type": "state", "region": "Asia", "agreements": 1}],
            "edges": [{"source": "AZ", "target": "org:x", "weight": 1, "agreements": ["agr-1"]}]}


def test_network_escapes_every_name_and_links_nodes_and_edges() -> None:
    markup = svg.network(network_data(), lambda n: f"/entities/{n['id']}",
                         lambda e: f"/agreements?party={e['source']}&party={e['target']}")
    assert "<script>" not in markup and "<img" not in markup
    root = parse(markup)
    nodes = {a.get("data-id"): a for a in root.iter(f"{NS}a") if a.get("class") == "node"}
    assert set(nodes) == {"org:x", "AZ"}
    assert nodes["org:x"].find(f"{NS}text").text == HOSTILE[:23] + "…"  # read back as the same text, cut short
    assert nodes["org:x"].find(f"{NS}title").text.startswith(HOSTILE)
    assert float(nodes["org:x"].find(f"{NS}circle").get("r")) > float(nodes["AZ"].find(f"{NS}circle").get("r"))
    (edge,) = root.iter(f"{NS}line")
    assert edge.get("class") == "edge" and edge.get("data-weight") == "1"
    legend = [t.text for t in root.iter(f"{NS}text") if t.get("data-region")]
    assert legend == ["Asia", "organization"]


def test_network_edge_width_follows_its_weight() -> None:
    data = network_data()
    data["nodes"].append({"id": "TR", "name": "Türkiye", "type": "state", "region": "Asia", "agreements": 4})
    data["edges"].append({"source": "AZ", "target": "TR", "weight": 4, "agreements": []})
    root = parse(svg.network(data, lambda n: "#", lambda e: "#"))
    widths = {line.get("data-weight"): float(line.get("stroke-width")) for line in root.iter(f"{NS}line")}
    assert widths["4"] > widths["1"]
