"""Write src/accords/data/regions.yaml: each ISO 3166-1 alpha-2 code's continent (UN M49, as CLDR
gives it in supplemental/territoryContainment.json).

Babel ships no territory containment, so the mapping is generated once from the `cldr-core` npm
package (Unicode licence) and checked in:
    cd /tmp && npm pack cldr-core && tar xzf cldr-core-*.tgz
    python3 tools/regions.py /tmp/package/supplemental/territoryContainment.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CONTINENTS = {"002": "Africa", "019": "Americas", "142": "Asia", "150": "Europe", "009": "Oceania"}


def leaves(table: dict[str, dict[str, list[str]]], code: str) -> set[str]:
    """The two-letter territories inside a region code, however deep."""
    out: set[str] = set()
    for child in table.get(code, {}).get("_contains", []):
        out |= {child} if child.isalpha() else leaves(table, child)
    return out


def main(path: str) -> None:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    table = {k: v for k, v in data["supplemental"]["territoryContainment"].items() if "-status-" not in k}
    version = data["supplemental"].get("version", {}).get("_cldrVersion", "?")
    lines = [f"# Continent of each state (UN M49 via CLDR {version} territoryContainment); tools/regions.py writes it."]
    found = {iso: name for code, name in CONTINENTS.items() for iso in leaves(table, code)}
    lines += [f"'{iso}': {name}" for iso, name in sorted(found.items())]
    out = Path(__file__).resolve().parents[1] / "src/accords/data/regions.yaml"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(found)} territories -> {out}")


if __name__ == "__main__":
    main(sys.argv[1])
