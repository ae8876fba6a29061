"""Quotations: where they are, and who said them.

Straight quotes (") open and close alike, so direction is read from context: a mark after a
space or at a paragraph start opens, one after a letter or stop closes. Quotes nest
(`"... we always say "next year in Jerusalem" ..."`), and run over paragraphs, where a new
paragraph may reopen the quote without closing the last (the English convention). Only
outermost quotes are returned. An unclosed quote ends with its paragraph.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from accords.lang.pack import LangPack

_OPENERS_BEFORE = set(" \t\n([{—–-:/>")


def _pairs(pack: LangPack) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for mark in pack.get("quote_patterns.yaml", "marks"):
        if len(mark) == 2:
            pairs[mark[0]] = mark[1]
    return pairs


def _direction(text: str, i: int) -> str:
    """'open' or 'close' for a symmetric quote mark at i."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before in _OPENERS_BEFORE and not after.isspace():
        return "open"
    return "close"


def _paragraph_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


_SPEECH_STOPS = ".!?؟…"
_SPEECH_WORDS = 12


def is_speech(quoted: str) -> bool:
    """Someone's words rather than a quoted name ("the «Shusha Declaration»", a document's title):
    speech has a sentence stop inside, or is long."""
    inner = quoted[1:-1].strip()
    return any(c in _SPEECH_STOPS for c in inner[:-1]) or len(inner.split()) >= _SPEECH_WORDS


def quote_spans(text: str, pack: LangPack, min_len: int = 25,
                attributed: Callable[[int, int], bool] | None = None) -> list[tuple[int, int]]:
    """Outermost quotations of speech as (start, end) spans, marks included, at least `min_len` long.
    Quoted titles of instruments are left in the text, where they name what was signed."""
    pairs = _pairs(pack)
    closers = {c for c in pairs.values()}
    out: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []  # (expected closer, position)
    for i, ch in enumerate(text):
        if ch not in pairs and ch not in closers:
            continue
        symmetric = pairs.get(ch) == ch
        kind = _direction(text, i) if symmetric else ("open" if ch in pairs else "close")
        if not symmetric and kind == "open" and ch in closers and any(expected == ch for expected, _ in stack):
            kind = "close"  # “ opens “…” but closes „…“ (ru, de): a pair waiting for it is closed first
        if kind == "open":
            at_para_start = i == 0 or text[i - 1] == "\n"
            if stack and at_para_start and stack[-1][0] == pairs[ch] and len(stack) == 1:
                continue  # a paragraph that reopens the quote that runs on
            stack.append((pairs[ch], i))
        elif stack:
            depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == ch), None)
            if depth is None:
                continue
            start = stack[depth][1]
            del stack[depth:]
            if not stack and i + 1 - start >= min_len and (
                    is_speech(text[start : i + 1]) or (attributed is not None and attributed(start, i + 1))):
                out.append((start, i + 1))
    if stack:  # unclosed: the outermost quote ends with the paragraph it opened in
        start = stack[0][1]
        end = _paragraph_end(text, start)
        if end - start >= min_len and is_speech(text[start:end] + " "):
            out.append((start, end))
    return sorted(out)


_STATEMENT_REACH = 60  # characters after (or before) a quotation where "the statement said" stands


def statement_quotes(text: str, spans: list[tuple[int, int]], nouns: list[str]) -> list[tuple[int, int]]:
    """The quotations an institution's statement gives ('"The IGA has been signed by X and Y," the
    ministry's statement said', 'جاء في البيان'): a statement noun in the words that attribute the
    quotation, after it (to the sentence's end) or in the lead-in before it. Such a quotation
    reports what happened as the narrative does; a person's words are another matter."""
    if not nouns:
        return []
    pattern = regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(n) for n in nouns) + r")(?!\w)", regex.I)
    out = []
    for start, end in spans:
        tail = regex.split(r"[.!?\n]", text[end:end + _STATEMENT_REACH], maxsplit=1)[0]
        lead = regex.split(r"[.!?\n]", text[max(0, start - _STATEMENT_REACH):start])[-1]
        if pattern.search(tail) or pattern.search(lead):
            out.append((start, end))
    return out
