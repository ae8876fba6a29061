"""Server-rendered pages (Jinja2, autoescaped): every string from a source is escaped."""

from __future__ import annotations

from importlib import resources
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from accords import browse, labels

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("accords.web") / "templates"))
templates.env.globals.update(instrument_label=labels.instrument, domain_label=labels.domain)


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/agreements")


@router.get("/agreements", response_class=HTMLResponse)
def agreement_list(request: Request, party: Annotated[list[str] | None, Query()] = None,
                   q: str | None = None, page: Annotated[int, Query(ge=1)] = 1) -> HTMLResponse:
    query = browse.Query(parties=tuple(party or ()), q=q or None, page=page)
    with request.app.state.settings.store() as store:
        result = browse.agreements(store, query)
    return templates.TemplateResponse(request, "agreements.html", {"result": result, "query": query})
