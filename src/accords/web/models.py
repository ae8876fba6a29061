"""The shapes the JSON API answers with, as pydantic models, so that /openapi.json describes them.

They follow `accords.browse` (the data) and spec/record.md (one agreement). Objects allow keys
they do not name: a client ignores keys it does not recognise, and the API may add some.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ApiError(BaseModel):
    """Every error of the API: `ok` false, the HTTP status, a message, and the details."""

    ok: Literal[False] = False
    status: int
    error: str
    errors: list[Any] = []


# -- the list ----------------------------------------------------------------------------------
class PartyRef(Open):
    id: str = Field(description="ISO 3166-1 alpha-2 code of a state, or org:<slug>")
    name: str
    type: str


class AgreementRow(Open):
    id: str
    date_signed: str | None
    instrument: str
    title: str
    place: str | None
    parties: list[PartyRef]
    domains: list[str]
    languages: list[str]
    sources: int = Field(description="how many sources report it")
    discrepancies: int = Field(description="how many fields the sources disagree on")


class AgreementPage(Open):
    items: list[AgreementRow]
    total: int = Field(description="agreements matching, on every page")
    page: int
    per_page: int


class Facets(Open):
    """Counts under the filters, top 30 of each: [code, n]; parties [id, name, n]."""

    instrument: list[tuple[str, int]]
    domain: list[tuple[str, int]]
    lang: list[tuple[str, int]]
    party: list[tuple[str, str, int]]


# -- one agreement (spec/record.md) ------------------------------------------------------------
class Party(Open):
    id: str
    type: str
    name: str | None
    bodies: list[str]


class Person(Open):
    name: str
    names: dict[str, str] = Field(description="every form seen, keyed by the source language")
    role: str | None
    party: str | None


class Area(Open):
    code: str
    text: str | None
    lang: str | None


class Related(Open):
    relation: str
    instrument: str | None
    parties: list[str]
    date: str | None
    text: str


class Quote(Open):
    speaker: str | None
    text: str
    source: str
    span: Span


class SourceRef(Open):
    id: str
    origin: str
    url: str | None
    lang: str | None
    outlet: str | None
    published: str | None
    title: str | None


class Evidence(Open):
    source: str
    span: Span
    text: str = Field(description="exactly the source's text at span")


class DiscrepancyValue(Open):
    value: Any
    sources: list[str]


class Discrepancy(Open):
    field: str
    values: list[DiscrepancyValue]
    note: str | None


class Record(Open):
    """One agreement, exactly as `accords export` writes it (spec/record.md)."""

    id: str
    instrument: str
    title: str
    parties: list[Party]
    signatories: list[Person]
    present: list[Person]
    date_signed: str | None
    place: str | None
    domains: list[str]
    areas: list[Area]
    related: list[Related]
    quotes: list[Quote]
    sources: list[SourceRef]
    evidence: dict[str, list[Evidence]]
    discrepancies: list[Discrepancy]
    confidence: float


class SourceSpan(Open):
    start: int
    end: int
    field: str
    text: str = Field(description="the source's text[start:end]")


class SourceText(SourceRef):
    """A source of an agreement, with its text and where the record's evidence is in it."""

    dir: Literal["rtl", "ltr"]
    text: str
    spans: list[SourceSpan]


# -- search, entities, network, timeline -------------------------------------------------------
class Snippet(Open):
    before: str
    hit: str
    after: str


class SearchHit(Open):
    source_id: str
    lang: str | None
    dir: Literal["rtl", "ltr"]
    title: str | None
    url: str | None
    snippet: Snippet
    agreements: list[str]


class SearchPage(Open):
    items: list[SearchHit]
    total: int
    page: int
    per_page: int


class EntityRef(Open):
    id: str = Field(description="state:AZ, org:eu, per:...")
    type: str
    name: str


class Entity(EntityRef):
    """The entity as the store keeps it (names, roles, why forms were linked), and its agreements."""

    agreement_rows: list[AgreementRow]


class Node(Open):
    id: str
    name: str
    type: str
    region: str
    agreements: int


class Edge(Open):
    source: str
    target: str
    weight: int = Field(description="agreements the two parties signed together")
    agreements: list[str] = Field(description="their ids, at most 20")


class Network(Open):
    nodes: list[Node]
    edges: list[Edge]


class Month(Open):
    month: str = Field(description="YYYY-MM")
    count: int


# -- ingest ------------------------------------------------------------------------------------
class Article(Open):
    """One article, as in a .json file given to `accords ingest`."""

    text: str = Field(min_length=1, description="the article's text (HTML when format is 'html')")
    url: str | None = Field(None, description="kept as data; never fetched")
    published: str | None = None
    title: str | None = None
    outlet: str | None = None
    lang: str | None = None
    format: Literal["text", "html"] = "text"


class IngestSummary(BaseModel):
    """What the ingest did, as `accords ingest --json` reports it."""

    read: int
    stored: int
    unchanged: int
    no_signing: int
    refused: list[tuple[str, str, str]] = Field(description="[origin, code, reason] per article refused")
    notes: dict[str, int]
    agreements_created: int
    agreements_updated: int
    agreements_total: int
    superseded: int
    refused_by_code: dict[str, int]
    origins: list[str] = Field(description="the origin given to each article, in order (api:HASH)")


MAX_ARTICLES = 50  # per request: one batch of `accords ingest`, one transaction


class Batch(BaseModel):
    """Several articles in one request."""

    model_config = ConfigDict(extra="forbid")

    articles: list[Article] = Field(min_length=1, max_length=MAX_ARTICLES)
