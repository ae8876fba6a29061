"""The plain data that flows between the stages of the pipeline.

Every extracted value is a `Found`: the value, the span of the source text that says it, and
the rule that read it. Nothing downstream invents a value without one (DESIGN: provenance first).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Found:
    """One value read from a source: `text[start:end]` is the evidence."""

    value: Any
    start: int
    end: int
    rule: str

    def evidence(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Source:
    """A document as stored: the cleaned text that every span points into, and where it came from."""

    id: str
    origin: str
    text: str
    raw_sha256: str
    lang: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_from: str | None = None
    title: str | None = None
    encoding: str | None = None
    media_type: str = "text/plain"


@dataclass(frozen=True, slots=True)
class Person:
    """A person named in a signing: a signatory or someone present."""

    name: Found
    role: Found | None = None
    role_en: str | None = None
    party: Found | None = None
    kb: str | None = None  # the leader (data/leaders.yaml) this person is, when known


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str | None
    speaker_span: tuple[int, int] | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Related:
    """An earlier (or other) agreement the text relates this one to; never merged into it."""

    relation: str
    instrument: str | None
    parties: tuple[str, ...]
    date: str | None
    start: int
    end: int


@dataclass(slots=True)
class EventMention:
    """What one document says about one signing. Lists are filled by the extractors."""

    index: int
    instrument: Found | None = None
    instrument_words: list[Found] = field(default_factory=list)
    parties: list[Found] = field(default_factory=list)
    bodies: list[Found] = field(default_factory=list)
    signatories: list[Person] = field(default_factory=list)
    present: list[Person] = field(default_factory=list)
    date_signed: Found | None = None
    date_support: list[Found] = field(default_factory=list)  # other words giving the same day
    place: Found | None = None
    domains: list[Found] = field(default_factory=list)
    areas: list[Found] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    trigger: Found | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    discrepancies: list[dict[str, Any]] = field(default_factory=list)
