"""Text from a source or a path, made safe to print: no character in it can act on the terminal.

An article, a feed or a file name is written by someone else. Printed raw, `ESC [2J` clears
the analyst's screen, `ESC ]0;...BEL` retitles the window, `ESC ]8;;URL` plants a link, and a
right-to-left override (U+202E) shows a name or a path backwards. `visible` replaces each such
character by its escape in Python's notation (as `repr` writes it; Python and `grep -P` read it):

    \\t \\n \\r                  tab, line feed, carriage return
    \\xNN                      any other C0 control (ESC is \\x1b, BEL \\x07), DEL \\x7f,
                              and the C1 controls U+0080-U+009F (8-bit CSI \\x9b, OSC \\x9d)
    \\uNNNN                    bidi embeddings and overrides U+202A-U+202E, isolates
                              U+2066-U+2069, the deprecated format characters U+206A-U+206F,
                              the line and paragraph separators U+2028/U+2029, the interlinear
                              annotation characters U+FFF9-U+FFFB (they hide text), and lone
                              surrogates U+D800-U+DFFF (an undecodable byte of a file name)
    \\UNNNNNNNN                the tag characters U+E0000-U+E007F (invisible text)

So a line keeps one line, every character the source held can still be read and copied,
and nothing is dropped. A backslash in the text is left as it is (Windows paths, regexes in
quotes): the literal text `\\x1b` and an escape made visible look alike, which is harmless
(neither reaches the terminal as a control) and `--json` gives the exact text.

Kept as they are, deliberately:
- the marks U+200E LRM, U+200F RLM and U+061C ALM: Arabic, Hebrew and Persian texts carry
  them legitimately (around numbers, Latin names and punctuation), and they only set the
  direction of the neutral characters beside them; they cannot reverse a run of letters as
  an override or an isolate can. Showing them would litter right-to-left names with escapes.
- the joiners U+200C ZWNJ and U+200D ZWJ, which Persian spelling needs, and every other
  printable character of any script.

`visible_multiline` is the same for texts whose line breaks are part of them (a quote over
two paragraphs): it keeps the line feed and the tab, and shows everything else.

`visible_json` is for JSON printed to a terminal (`--json`): `json.dumps(..., ensure_ascii=False)`
escapes C0 but writes DEL, C1, bidi controls and separators raw. It writes each of those as a
JSON escape (`\\u009b`, `\\u202e`; a pair of surrogate escapes above U+FFFF), which parses back
to the very same value: the data is unchanged, only its spelling.

Each is one regex search (the usual case: nothing to show) and, when needed, one
`str.translate` over a table built once, so `list` can pass thousands of rows through them.
"""

from __future__ import annotations

import re

__all__ = ["visible", "visible_json", "visible_multiline"]

_SHOWN_RANGES = (
    (0x00, 0x1F), (0x7F, 0x9F),  # C0, DEL, C1
    (0x2028, 0x2029),  # line and paragraph separators
    (0x202A, 0x202E), (0x2066, 0x2069),  # bidi embeddings, overrides, isolates
    (0x206A, 0x206F),  # deprecated format characters (symmetric swapping, digit shapes)
    (0xD800, 0xDFFF),  # lone surrogates (file names decoded with surrogateescape)
    (0xFFF9, 0xFFFB),  # interlinear annotations: the annotation text is not displayed
    (0xE0000, 0xE007F),  # tag characters: invisible letters
)
_SHORT = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}


def _escape(cp: int) -> str:
    if cp in _SHORT:
        return _SHORT[cp]
    if cp < 0x100:
        return f"\\x{cp:02x}"
    return f"\\u{cp:04x}" if cp < 0x10000 else f"\\U{cp:08x}"


def _json_escape(cp: int) -> str:
    if cp < 0x10000:
        return f"\\u{cp:04x}"
    hi, lo = divmod(cp - 0x10000, 0x400)
    return f"\\u{0xD800 + hi:04x}\\u{0xDC00 + lo:04x}"


def _table(keep: str = "") -> dict[int, str]:
    return {cp: _escape(cp) for lo, hi in _SHOWN_RANGES for cp in range(lo, hi + 1) if chr(cp) not in keep}


def _pattern(table: dict[int, str]) -> re.Pattern[str]:
    """A character class of the table's code points, written as runs (a few ranges, not 2,000 characters)."""
    runs: list[list[int]] = []
    for cp in sorted(table):
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return re.compile("[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in runs) + "]")


_LINE = _table()
_LINE_RX = _pattern(_LINE)
_MULTI = _table(keep="\n\t")
_MULTI_RX = _pattern(_MULTI)
# C0 is left to json.dumps, which escapes it inside strings; outside them a line feed is layout.
_JSON = {cp: _json_escape(cp) for cp in _LINE if cp >= 0x20}
_JSON_RX = _pattern(_JSON)


def visible(s: str) -> str:
    """`s` with every character that could control a terminal or reorder text shown as its escape."""
    return s if _LINE_RX.search(s) is None else s.translate(_LINE)


def visible_multiline(s: str) -> str:
    """Like `visible`, but line feeds and tabs are kept: for texts whose lines are their own."""
    return s if _MULTI_RX.search(s) is None else s.translate(_MULTI)


def visible_json(text: str) -> str:
    """A JSON text (from `json.dumps(..., ensure_ascii=False)`) with what `visible` shows written as JSON escapes."""
    return text if _JSON_RX.search(text) is None else text.translate(_JSON)
