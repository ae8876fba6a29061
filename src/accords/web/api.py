"""The JSON API under /api/: the data the pages show, for the analyst's own code.

Every route reads through `accords.browse` with the store opened read-only for the request;
this module only checks the parameters (bounded, typed: a bad one is a 422 before any query)
and shapes the answers (the models of `web.models`, which /openapi.json describes). Errors are
`{"ok": false, "status", "error", "errors"}` (see `web.app`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse

from accords import browse
from accords.web.models import (
    AgreementPage,
    ApiError,
    Entity,
    EntityRef,
    Facets,
    Month,
    Network,
    Record,
    SearchPage,
    SourceText,
)

router = APIRouter(prefix="/api", tags=["api"], responses={422: {"model": ApiError}})
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ApiError}}

# A date filter: a year, a month or a day; `since=2025` is from 1 January 2025, `until=2025` to
# the end of 2025 (as `accords list`).
DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
Sort = Literal["date", "oldest", "sources", "id"]  # browse.SORTS, checked by the tests
MAX_PAGE = 1_000_000  # far past any store; keeps OFFSET arithmetic small
Word = Annotated[str | None, Query(max_length=100)]
When = Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")]


def filters(party: Annotated[list[str] | None, Query(max_length=20, description="party id (AZ, org:eu);"
                                                     " repeat: every one must be a party")] = None,
            instrument: Word = None, domain: Word = None, lang: Word = None, since: When = None,
            until: When = None,
            discrepancies: Annotated[bool | None, Query(description="true: only agreements whose sources"
                                                                    " disagree; false: only the others")] = None,
            q: Annotated[str | None, Query(max_length=200, description="words in the sources, any script")] = None,
            ) -> browse.Query:
    """The filters the list, facets, timeline and network share; an empty value is no filter
    (a form's empty field)."""
    if party and any(len(p) > 100 for p in party):
        raise HTTPException(422, "a party id is at most 100 characters")
    return browse.Query(parties=tuple(p for p in party or () if p), instrument=instrument or None,
                        domain=domain or None, lang=lang or None, since=since or None, until=until or None,
                        discrepancies=discrepancies, q=(q or "").strip() or None)


Filters = Annotated[browse.Query, Depends(filters)]
Page = Annotated[int, Query(ge=1, le=MAX_PAGE)]


def _store(request: Request) -> Any:
    return request.app.state.settings.store()


@router.get("/agreements", response_model=AgreementPage)
def list_agreements(request: Request, query: Filters, sort: Sort = "date", page: Page = 1,
                    per_page: Annotated[int, Query(ge=1, le=browse.MAX_PER_PAGE)] = 50) -> Any:
    """Agreements matching the filters, a page at a time, with how many match in all."""
    with _store(request) as store:
        return browse.agreements(store, replace(query, sort=sort, page=page, per_page=per_page))


@router.get("/agreements/{agreement_id}", response_model=Record, responses=NOT_FOUND)
def get_agreement(request: Request, agreement_id: Annotated[str, Path(max_length=200)]) -> Any:
    """One agreement record, exactly as `accords export` writes it (spec/record.md). An earlier
    id of an agreement since merged into another leads to that one."""
    with _store(request) as store:
        rec = browse.agreement(store, agreement_id)
    if rec is None:
        raise HTTPException(404, f"no agreement {agreement_id}")
    # The stored record as it is: not re-shaped through the model (which only documents it).
    return JSONResponse(rec)


@router.get("/agreements/{agreement_id}/sources", response_model=list[SourceText], responses=NOT_FOUND)
def get_sources(request: Request, agreement_id: Annotated[str, Path(max_length=200)]) -> Any:
    """The agreement's sources with their texts, and the spans of its evidence in each
    (`text[start:end]` is the span's text)."""
    with _store(request) as store:
        if browse.agreement(store, agreement_id) is None:
            raise HTTPException(404, f"no agreement {agreement_id}")
        return browse.sources(store, agreement_id)


@router.get("/facets", response_model=Facets)
def get_facets(request: Request, query: Filters) -> Any:
    """How many matching agreements have each instrument, domain, language and party."""
    with _store(request) as store:
        return browse.facets(store, query)


@router.get("/search", response_model=SearchPage)
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
           lang: Word = None, page: Page = 1,
           per_page: Annotated[int, Query(ge=1, le=browse.MAX_PER_PAGE)] = 20) -> Any:
    """Sources whose text holds `q` (any script: Arabic and Hebrew with or without clitics and
    diacritics, Chinese and Japanese without spaces), with a snippet and their agreements."""
    if not q.strip():
        raise HTTPException(422, "q is empty")
    with _store(request) as store:
        return browse.search(store, q.strip(), lang=lang or None, page=page, per_page=per_page)


@router.get("/entities", response_model=list[EntityRef])
def find_entities(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
                  limit: Annotated[int, Query(ge=1, le=50)] = 50) -> Any:
    """Countries, organisations and people with a name form that is, or holds, `q` (any script)."""
    with _store(request) as store:
        return browse.entities(store, q, limit=limit)


@router.get("/entities/{entity_id}", response_model=Entity, responses=NOT_FOUND)
def get_entity(request: Request, entity_id: Annotated[str, Path(max_length=200,
                                                               description="state:AZ, org:eu, per:...")]) -> Any:
    """An entity: its names in every script, roles, why name forms were linked, its agreements."""
    with _store(request) as store:
        data = browse.entity(store, entity_id)
    if data is None:
        raise HTTPException(404, f"no entity {entity_id}")
    return data


@router.get("/network", response_model=Network)
def get_network(request: Request, query: Filters, limit: Annotated[int, Query(ge=1, le=500)] = 150) -> Any:
    """Who signs with whom: parties as nodes (agreements: how many), pairs of parties of one
    agreement as edges (weight: how many agreements), the `limit` busiest parties."""
    with _store(request) as store:
        return browse.network(store, query, limit=limit)


@router.get("/timeline", response_model=list[Month])
def get_timeline(request: Request, query: Filters) -> Any:
    """Matching agreements by month of signing, ascending; undated ones left out."""
    with _store(request) as store:
        return browse.timeline(store, query)
