"""The web application: pages and a JSON API over one store, opened read-only per request.

Every response carries a Content-Security-Policy that allows only the app's own scripts and
styles (no inline script, no inline style), so text from a source that slipped past escaping
still could not run. Nothing is fetched from elsewhere: scripts, styles and fonts are served
from `static/`. Requests are bounded before any route runs (`security.BoundedRequests`), and
the one route that writes, `POST /api/sources`, exists only when a token is configured.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from accords import __version__
from accords.errors import StoreError
from accords.store.sqlite import Store
from accords.web.security import CSP, HEADERS, MAX_BODY, MAX_QUERY, BoundedRequests, error_body

__all__ = ["CSP", "HEADERS", "Settings", "create_app"]
log = logging.getLogger("accords.web")


class Settings:
    """What every request needs: the store's path and the ingest token (None: read-only)."""

    def __init__(self, db: str, token: str | None) -> None:
        self.db = db
        self.token = token

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A read-only connection for one request (SQLite connections are cheap and not shared
        between the server's threads)."""
        store = Store(self.db, readonly=True)
        try:
            yield store
        finally:
            store.close()


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _http_error(request: Request, exc: Exception) -> Response:
    """An API error in the API's one shape; elsewhere (pages), FastAPI's own answer."""
    assert isinstance(exc, HTTPException)
    if not _is_api(request):
        return await http_exception_handler(request, exc)
    return JSONResponse(error_body(exc.status_code, str(exc.detail)), status_code=exc.status_code,
                        headers=exc.headers)


async def _invalid(request: Request, exc: Exception) -> Response:
    """A parameter or body that does not fit (422): which one, and why."""
    assert isinstance(exc, RequestValidationError)
    if not _is_api(request):
        return await request_validation_exception_handler(request, exc)
    errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
              for e in exc.errors()]
    where = ", ".join(".".join(str(p) for p in e["loc"][1:]) or str(e["loc"][0]) for e in errors if e["loc"])
    return JSONResponse(error_body(422, f"invalid request: {where or 'body'}", errors), status_code=422)


async def _store_unavailable(request: Request, exc: Exception) -> Response:
    """The store went away or broke while serving (deleted, replaced, locked): 503 with its code.
    The file's path is the operator's business, not the client's; the server's log has it."""
    assert isinstance(exc, StoreError)
    log.warning("store error: %s", exc)
    message = f"the store cannot be read now [{exc.code}]"
    if not _is_api(request):
        return PlainTextResponse(message, status_code=503)
    return JSONResponse(error_body(503, message), status_code=503)


def create_app(db: str, token: str | None = None, max_body: int = MAX_BODY, max_query: int = MAX_QUERY) -> FastAPI:
    """The app over the store at `db`; with a `token`, `POST /api/sources` ingests for whoever
    sends it. Interactive docs are off: FastAPI's take their script from a CDN."""
    from accords.web import api, ingest, pages

    app = FastAPI(title="accords", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Agreements between states and organisations, read from news in many languages,"
                              " each field with its evidence. Clients should ignore keys they do not recognise.")
    app.state.settings = Settings(db, token)
    app.add_middleware(BoundedRequests, max_body=max_body, max_query=max_query)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(StoreError, _store_unavailable)
    static = resources.files("accords.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api.router)
    if token:
        app.include_router(ingest.router)
    app.include_router(pages.router)
    return app
