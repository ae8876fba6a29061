"""Server-side SVG for the timeline and the network: pure functions from browse's data to markup.

The drawings are built as element trees (xml.etree) and serialised, so every label and
attribute value (a party's name comes from a source) is escaped by the serialiser, never
pasted into markup. Links are made by the caller's functions: this module knows no URLs.
Layouts are deterministic, so the same data always draws the same picture.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup

# One colour per region (a qualitative palette that stays distinct in print and for most
# colour-blind readers); 'other' is a state CLDR places on no continent.
REGIONS = ("Africa", "Americas", "Asia", "Europe", "Oceania", "organization", "other")
COLOURS = {"Africa": "#e69f00", "Americas": "#0072b2", "Asia": "#009e73", "Europe": "#cc79a7",
           "Oceania": "#56b4e9", "organization": "#d55e00", "other": "#999999"}


def _n(x: float) -> str:
    """A coordinate as SVG wants it: short, and the same on every machine."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: Any) -> ET.Element:
    el = ET.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): str(v) for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def _root(svg_id: str, width: float, height: float, label: str) -> ET.Element:
    root = ET.Element("svg", {"xmlns": "http://www.w3.org/2000/svg", "id": svg_id, "role": "img",
                              "viewBox": f"0 0 {_n(width)} {_n(height)}", "aria-label": label})
    _el(root, "title", label)
    return root


def _markup(root: ET.Element) -> Markup:
    # Safe by construction: ElementTree escapes every text node and attribute value.
    return Markup(ET.tostring(root, encoding="unicode"))


# -- timeline -----------------------------------------------------------------------------------
def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` ('YYYY-MM'), both included."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _ticks(top: int) -> list[int]:
    """Up to five round values from 0 to at least `top` for the count axis."""
    step = max(1, math.ceil(top / 4))
    for nice in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000):
        if nice >= step:
            step = nice
            break
    return list(range(0, top + step, step))


def timeline(data: Sequence[dict[str, Any]], month_href: Callable[[str], str]) -> Markup:
    """Bars by month (months without an agreement keep their place on the axis); each bar links
    to `month_href(month)`."""
    counts = {d["month"]: int(d["count"]) for d in data}
    months = months_between(min(counts), max(counts)) if counts else []
    left, top, plot_w, plot_h, bottom = 44.0, 12.0, 880.0, 200.0, 40.0
    root = _root("timeline", left + plot_w + 16, top + plot_h + bottom,
                 f"Agreements signed per month, {len(months)} months")
    ticks = _ticks(max(counts.values(), default=1))
    scale = plot_h / ticks[-1]
    axis = _el(root, "g", class_="axis")
    for t in ticks:
        y = top + plot_h - t * scale
        _el(axis, "line", x1=_n(left), x2=_n(left + plot_w), y1=_n(y), y2=_n(y), class_="grid")
        _el(axis, "text", str(t), x=_n(left - 6), y=_n(y + 4), text_anchor="end")
    slot = plot_w / max(1, len(months))
    _month_labels(axis, months, left, slot, top + plot_h)
    for i, month in enumerate(months):
        n = counts.get(month, 0)
        if n:
            x = left + i * slot
            _bar(root, month, n, month_href(month), (x + slot * 0.1, top + plot_h, max(1.0, slot * 0.8), n * scale))
    return _markup(root)


def _month_labels(axis: ET.Element, months: list[str], left: float, slot: float, base: float) -> None:
    """Each month's name when there are a year's worth or fewer; else the years, at their Januaries
    (every k-th year when years are narrow), with a tick."""
    if len(months) <= 12:
        for i, month in enumerate(months):
            _el(axis, "text", month, x=_n(left + (i + 0.5) * slot), y=_n(base + 16), text_anchor="middle")
        return
    every = max(1, math.ceil(40 / (slot * 12)))  # a year's label needs about 40 units
    for i, month in enumerate(months):
        year = int(month[:4])
        if month.endswith("-01") and year % every == 0:
            x = left + i * slot
            _el(axis, "line", x1=_n(x), x2=_n(x), y1=_n(base), y2=_n(base + 5), class_="tick")
            _el(axis, "text", month[:4], x=_n(x), y=_n(base + 17), text_anchor="middle")


def _bar(root: ET.Element, month: str, n: int, href: str, box: tuple[float, float, float, float]) -> None:
    x, base, width, height = box
    link = _el(root, "a", class_="month", href=href, data_month=month, data_count=n)
    _el(link, "title", f"{month}: {n} agreement{'s' if n != 1 else ''}")
    _el(link, "rect", x=_n(x), y=_n(base - height), width=_n(width), height=_n(height), class_="bar",
        fill="#2f6f9f")


# -- network ------------------------------------------------------------------------------------
def circle_layout(nodes: Sequence[dict[str, Any]], cx: float, cy: float,
                  radius: float) -> dict[str, tuple[float, float]]:
    """Nodes on a circle, grouped by region and, within a region, the busiest first: a region's
    ties to itself and to the others read as chords. The same nodes always land in the same place."""
    order = sorted(nodes, key=lambda n: (_region_rank(n), -int(n["agreements"]), str(n["name"]), str(n["id"])))
    out = {}
    for i, node in enumerate(order):
        angle = 2 * math.pi * i / max(1, len(order)) - math.pi / 2
        out[node["id"]] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    return out


def _region_rank(node: dict[str, Any]) -> int:
    region = node.get("region") or "other"
    return REGIONS.index(region) if region in REGIONS else len(REGIONS)


def network(data: dict[str, Any], node_href: Callable[[dict[str, Any]], str],
            edge_href: Callable[[dict[str, Any]], str], labels: int = 150) -> Markup:
    """Parties on a circle, sized by their agreements, coloured by region; edges as wide as the
    agreements two parties share. The busiest parties are named on the drawing, as many as the
    circle has room for (at most `labels`); every node has its name as a tooltip."""
    size, legend_w, ring = 800.0, 150.0, 235.0
    nodes, edges = data["nodes"], data["edges"]
    root = _root("network", size + legend_w, size,
                 f"Who signs with whom: {len(nodes)} parties, {len(edges)} pairs")
    centre = (size / 2, size / 2)
    at = circle_layout(nodes, *centre, ring)
    top_weight = max((int(e["weight"]) for e in edges), default=1)
    lines = _el(root, "g", class_="edges", stroke="#6b7b8c", stroke_opacity="0.55" if len(edges) <= 100 else "0.3")
    for e in edges:
        if e["source"] in at and e["target"] in at:
            _edge(lines, e, at, edge_href(e), 1 + 7 * (int(e["weight"]) - 1) / max(1, top_weight - 1))
    spacing = 2 * math.pi * ring / max(1, len(nodes))  # room for each node along the circle
    biggest = min(18.0, max(3.0, spacing * 0.45))
    top_n = max((int(n["agreements"]) for n in nodes), default=1)
    room = min(labels, int(2 * math.pi * ring / 12))  # a label needs about 12 units of the circle
    named = {n["id"] for n in sorted(nodes, key=lambda n: (-int(n["agreements"]), str(n["id"])))[:room]}
    radial = len(nodes) > 30  # few parties read best level; many only along their radius
    dots = _el(root, "g", class_="nodes")
    for node in nodes:
        radius = 2 + (biggest - 2) * math.sqrt(int(node["agreements"]) / top_n)
        link = _node(dots, node, at[node["id"]], radius, node_href(node))
        if node["id"] in named:
            _label(link, str(node["name"]), at[node["id"]], radius, centre, radial)
    _legend(root, sorted({n.get("region") or "other" for n in nodes}, key=lambda r: _region_rank({"region": r})),
            size + 10)
    return _markup(root)


def _edge(parent: ET.Element, e: dict[str, Any], at: dict[str, tuple[float, float]], href: str, width: float) -> None:
    (x1, y1), (x2, y2) = at[e["source"]], at[e["target"]]
    link = _el(parent, "a", class_="pair", href=href)
    n = int(e["weight"])
    _el(link, "title", f"{e['source']} – {e['target']}: {n} agreement{'s' if n != 1 else ''}")
    _el(link, "line", class_="edge", data_weight=n, data_source=e["source"], data_target=e["target"],
        x1=_n(x1), y1=_n(y1), x2=_n(x2), y2=_n(y2), stroke_width=_n(width))


def _node(parent: ET.Element, node: dict[str, Any], xy: tuple[float, float], radius: float,
          href: str) -> ET.Element:
    region = node.get("region") or "other"
    n = int(node["agreements"])
    link = _el(parent, "a", class_="node", data_id=node["id"], data_region=region, href=href)
    _el(link, "title", f"{node['name']} ({node['id']}, {region}): {n} agreement{'s' if n != 1 else ''}")
    _el(link, "circle", cx=_n(xy[0]), cy=_n(xy[1]), r=_n(radius), fill=COLOURS.get(region, COLOURS["other"]),
        stroke="#ffffff", stroke_width="1")
    return link


def _label(link: ET.Element, name: str, xy: tuple[float, float], radius: float, centre: tuple[float, float],
           radial: bool) -> None:
    """A node's name outside the circle, on the side away from the centre: level, or turned along
    the radius (never upside down) when the nodes are many."""
    text = name if len(name) <= 24 else name[:23] + "…"
    dx, dy = xy[0] - centre[0], xy[1] - centre[1]
    norm = math.hypot(dx, dy) or 1.0
    lx, ly = xy[0] + dx / norm * (radius + 4), xy[1] + dy / norm * (radius + 4)
    right = dx >= -1e-6
    attrs: dict[str, Any] = {"x": _n(lx), "y": _n(ly + (3.5 if radial else 4)), "class_": "label",
                             "text_anchor": "start" if right else "end"}
    if radial:
        angle = math.degrees(math.atan2(dy, dx)) + (0 if right else 180)
        attrs["transform"] = f"rotate({_n(angle)} {_n(lx)} {_n(ly)})"
    _el(link, "text", text, **attrs)


def _legend(root: ET.Element, regions: list[str], x: float) -> None:
    group = _el(root, "g", class_="legend")
    _el(group, "text", "Region", x=_n(x), y="20", class_="legend-title")
    for i, region in enumerate(regions):
        y = 40 + i * 20
        _el(group, "circle", cx=_n(x + 6), cy=_n(y - 4), r="6", fill=COLOURS.get(region, COLOURS["other"]))
        _el(group, "text", region, x=_n(x + 18), y=_n(y), data_region=region)
