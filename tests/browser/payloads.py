"""Articles that report a real-looking signing (sentences invented here) but carry script, event
handler, `javascript:` and CSS payloads in their names, quotes, titles, URLs and outlets, written
as JSON files for `accords ingest`. Every payload, if it ever ran, would set `window.__pwned`."""

from __future__ import annotations

import json
from pathlib import Path

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
JS_URL = "javascript:window.__pwned=1"
SVG = "<svg onload=window.__pwned=1>"
BREAKOUT = '"><b onmouseover=window.__pwned=1>hover</b>'
SINGLE = "'><i onfocus=window.__pwned=1 autofocus tabindex=1>"
STYLE = "</style><style>*{display:none}</style>"
EXPRESSION = "x{width:expression(window.__pwned=1)}"
CSS_URL = "</style><style>body{background:url(javascript:window.__pwned=1)}</style>"
IFRAME = '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>'

PAYLOADS = (SCRIPT, IMG, JS_URL, SVG, BREAKOUT, SINGLE, STYLE, EXPRESSION, CSS_URL, IFRAME)
# A word of the invented text, searched to reach the payloads through the search page.
SEARCH_WORD = "seaweed"


def articles() -> list[dict]:
    return [
        {"text": (f"Oslo, 12 March 2026 - Norway and Chile signed a memorandum of understanding on {SEARCH_WORD} "
                  f"farming and renewable energy in Oslo on Thursday. Norwegian Fisheries Minister Terje "
                  f"{SCRIPT} Halvorsen and Chilean Minister of Energy Diego {IMG} Pardo signed the memorandum. "
                  f'"This is a new chapter for our {SEARCH_WORD} {SVG} growers", said Halvorsen. '
                  f'"{BREAKOUT} We will meet again in Santiago", Pardo said.'),
         "url": JS_URL, "published": "2026-03-12", "title": f"{SCRIPT} Norway and Chile {IMG}",
         "outlet": f"{STYLE} Fjord Daily"},
        {"text": (f"Lisbon, 3 April 2026 - Portugal and Kenya signed an agreement on maritime cooperation in "
                  f"Lisbon on Friday. Portuguese Foreign Minister Ana O'Lobo and Kenyan Foreign Minister David "
                  f'Otieno signed the agreement. "We share the sea {CSS_URL} and its {SEARCH_WORD}", said Otieno. '
                  f'"A bridge {EXPRESSION} between our coasts {SINGLE}", Ana O\'Lobo said. {IFRAME}'),
         "url": 'https://example.invalid/a"><script>window.__pwned=1</script>', "published": "2026-04-03",
         "title": BREAKOUT, "outlet": SVG},
    ]


def write(folder: Path) -> list[Path]:
    """One JSON file per article, as a user would hand them to `accords ingest`."""
    paths = []
    for i, article in enumerate(articles(), 1):
        path = folder / f"payload_{i}.json"
        path.write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths
