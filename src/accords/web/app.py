"""The web application: pages and a JSON API over one store, opened read-only per request.

Every response carries a Content-Security-Policy that allows only the app's own scripts and
styles (no inline script, no inline style), so text from a source that slipped past escaping
still could not run. Nothing is fetched from elsewhere: scripts, styles and fonts are served
from `static/`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from importlib import resources

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from accords import __version__
from accords.store.sqlite import Store

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none';"
       " base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


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


def create_app(db: str, token: str | None = None) -> FastAPI:
    from accords.web import api, pages

    app = FastAPI(title="accords", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json")
    app.state.settings = Settings(db, token)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for k, v in HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    static = resources.files("accords.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
