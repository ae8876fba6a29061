"""Paragraphs and sentences as spans of the original text.

A regex splitter rather than spaCy's: spaCy's blank pipelines cost ~300 MB and do not know
the abbreviations of news text in our languages ("Brig. Gen. (Res.)", "M.", "г."), which a
language pack lists. Sentences end at . ! ? ؟ … । ۔ followed by space, unless the word before the
stop is a known abbreviation or a single capital letter (an initial); 。！？ end one with or
without a space after.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

_PARA = regex.compile(r"[^\n]+")
# Chinese and Japanese end a sentence with 。！？ and start the next one without a space;
# । ॥: the Devanagari danda; ۔: the Urdu full stop.
_STOP = regex.compile(r"[.!?؟…。।॥۔]+[\"'”»)\]]*(?=\s)|[。！？]+[」』”）]*")
_WORD_BEFORE = regex.compile(r"(\w+)\.?$")


@dataclass(frozen=True, slots=True)
class Segment:
    """A span of the original text: a paragraph or a sentence."""

    start: int
    end: int
    paragraph: int


def paragraphs(text: str) -> Iterator[Segment]:
    """Non-blank lines, trimmed of surrounding white space."""
    n = 0
    for m in _PARA.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            yield Segment(start, end, n)
            n += 1


def _is_abbreviation(text: str, stop: int, abbreviations: frozenset[str]) -> bool:
    if text[stop] != ".":
        return False
    m = _WORD_BEFORE.search(text[max(0, stop - 20) : stop])
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "J. D. Vance"
        return True
    return word.casefold() in abbreviations


def sentences(text: str, abbreviations: Iterable[str] = ()) -> list[Segment]:
    """Sentences of every paragraph, in order."""
    abbr = frozenset(a.casefold().rstrip(".") for a in abbreviations)
    out: list[Segment] = []
    for para in paragraphs(text):
        start = para.start
        for m in _STOP.finditer(text, para.start, para.end):
            if _is_abbreviation(text, m.start(), abbr):
                continue
            out.append(Segment(start, m.end(), para.paragraph))
            start = m.end()
            while start < para.end and text[start].isspace():
                start += 1
        if start < para.end:
            out.append(Segment(start, para.end, para.paragraph))
    return out
