"""A dateline opening one of the first paragraphs ("BAKU, March 5 (Reuters) - ...").

Both ingest (which reads the publication date from it) and extract (which must not take its
date and city for the signing's) need to find it, so it stands here, below both stages.
"""

from __future__ import annotations

import regex

# How many lines from the top a dateline may open.
HEAD_LINES = 8
# "BAKU, March 5 (Reuters) - ...", "Москва, 18 октября. –", "باكو، 5 مارس (أ ف ب) -": a place of one
# to three words, a comma, a date with figures, an optional agency in brackets, a dash or a colon
# ("Guwahati, August 3:").
# Hindi and Urdu papers end it with the agency in brackets and no dash ("नई दिल्ली, 5 दिसंबर (भाषा)
# भारत ने ...", "اسلام آباد (این این آئی) پاکستان ..."), or with the danda after the place ("नई दिल्ली। ...").
_DATE = r"[^\n()\-–—,،:]{0,24}?\d(?:[^\n()\-–—:]|:(?=\d)){0,24}?"
_INLINE_DATELINE = regex.compile(
    r"^\s*\p{L}[\p{L}\p{M}.'’\-]*(?:\s+\p{L}[\p{L}\p{M}.'’\-]*){0,2}(?:"
    rf"\s*[,،]\s*(?P<date>{_DATE})\.?\s*(?:\([^)\n]{{2,30}}\)\s*)?(?:[-–—]+|:)\s"
    rf"|(?:\s*[,،]\s*{_DATE})?\s*\([^)\n]{{2,30}}\)\s+(?=\p{{L}})"
    r"|\s*।\s)")


# "Luanda — Les gouvernements...", "ASUNCIÓN (AP) — Tras...", "باكو - ...": a place of one to three
# words with no date, an optional agency in brackets, then a dash and the story on the same line.
_PLACE_DATELINE = regex.compile(
    r"^\s*\p{L}[\p{L}\p{M}.'’]*(?:\s+\p{L}[\p{L}\p{M}.'’]*){0,2}\s*(?:\([^)\n]{2,30}\)\s*)?[-–—]+\s+(?=\S.{20})")


def place_dateline(text: str) -> tuple[int, int] | None:
    """The span of a dateline of a place only ("Luanda — ...") opening one of the first paragraphs."""
    return _opening(_PLACE_DATELINE, text)


def inline_dateline(text: str) -> tuple[int, int] | None:
    """The span of a dateline that opens one of the first paragraphs, if one does."""
    return _opening(_INLINE_DATELINE, text)


def _opening(pattern: regex.Pattern[str], text: str) -> tuple[int, int] | None:
    """The span `pattern` matches at the start of one of the first lines."""
    pos = 0
    for n, line in enumerate(text.split("\n")):
        if n >= HEAD_LINES:
            break
        m = pattern.match(line)
        if m:
            return pos + m.start(), pos + m.end()
        pos += len(line) + 1
    return None
