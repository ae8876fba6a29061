"""The JSON API under /api/: the data the pages show, for the analyst's own code."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from accords import browse
from accords.web.app import Settings

router = APIRouter(prefix="/api", tags=["api"])


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


@router.get("/agreements")
def list_agreements(request: Request, party: Annotated[list[str] | None, Query()] = None,
                    instrument: str | None = None, domain: str | None = None, lang: str | None = None,
                    since: str | None = None, until: str | None = None, discrepancies: bool | None = None,
                    q: str | None = None, sort: str = "date", page: Annotated[int, Query(ge=1)] = 1,
                    per_page: Annotated[int, Query(ge=1, le=browse.MAX_PER_PAGE)] = 50) -> dict[str, Any]:
    """Agreements matching the filters, a page at a time, with the total."""
    query = browse.Query(parties=tuple(party or ()), instrument=instrument, domain=domain, lang=lang, since=since,
                         until=until, discrepancies=discrepancies, q=q, sort=sort, page=page, per_page=per_page)
    with _settings(request).store() as store:
        return browse.agreements(store, query)


@router.get("/agreements/{agreement_id}")
def get_agreement(request: Request, agreement_id: str) -> dict[str, Any]:
    """One agreement record, exactly as `accords export` writes it (spec/record.md)."""
    with _settings(request).store() as store:
        rec = browse.agreement(store, agreement_id)
    if rec is None:
        raise HTTPException(status_code=404, detail=f"no agreement {agreement_id}")
    return rec
