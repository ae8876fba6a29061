"""`POST /api/sources`: ingest articles sent as JSON, for a client holding the server's token.

The route exists only when a token is configured (`create_app` includes this router then), so a
read-only server neither answers nor documents it. Articles go through the same path as
`accords ingest` (`ingest.read.json_article` reads each as a record of a .json file is, then
`service.ingest_inputs` extracts, stores and rebuilds the agreements), into the store opened
writable for this request only. A URL in the body is kept as data: the server never fetches it.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Annotated

from fastapi import APIRouter, Body, Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from accords.errors import StoreError
from accords.ingest.read import RawInput, Refused, json_article
from accords.limits import Limits
from accords.service import ingest_inputs
from accords.store.connect import store_error
from accords.store.sqlite import Store
from accords.web.models import ApiError, Article, Batch, IngestSummary
from accords.web.security import token_ok

router = APIRouter(prefix="/api", tags=["ingest"])

# One ingest at a time in this server: SQLite has one writer anyway, and a second request
# waiting here is better than one failing on the store's lock.
_writing = threading.Lock()

# Seconds a request waits for the store's write lock (another `accords ingest` running).
LOCK_WAIT = 30.0


_bearer = HTTPBearer(auto_error=False, description="the token of `accords serve` (--token-file or $ACCORDS_TOKEN)")


def _authorised(request: Request,
                credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Refuse the request (401) unless it carries the server's token. A dependency, so it runs
    before the body is validated: a client without the token learns nothing about the body."""
    token: str | None = request.app.state.settings.token
    if token is None or credentials is None or not token_ok(credentials.credentials, token):
        raise HTTPException(401, "a valid token is required: Authorization: Bearer TOKEN",
                            headers={"WWW-Authenticate": "Bearer"})


def _inputs(body: Article | Batch) -> list[RawInput | Refused]:
    articles = body.articles if isinstance(body, Batch) else [body]
    limits = Limits()
    # `format` 'text' is the default of a .json record: left out, so that the same article
    # sent with or without it has one origin.
    return [json_article(a.model_dump(exclude_none=True, exclude_defaults=True) | {"text": a.text}, limits)
            for a in articles]


@router.post("/sources", response_model=IngestSummary, dependencies=[Depends(_authorised)],
             responses={401: {"model": ApiError}, 413: {"model": ApiError}, 503: {"model": ApiError}})
def post_sources(request: Request, body: Annotated[Article | Batch, Body()]) -> IngestSummary:
    """Ingest one article, or `{"articles": [...]}`, and rebuild the agreements.

    Requires `Authorization: Bearer TOKEN`. Answers what `accords ingest --json` reports:
    stored, unchanged, refused (with reasons), agreements created and updated."""
    items = _inputs(body)
    db: str = request.app.state.settings.db
    with _writing:
        try:
            store = Store(db, readonly=False, lock_wait=LOCK_WAIT)
            try:
                summary = ingest_inputs(items, store)
            finally:
                store.close()
        except sqlite3.Error as e:
            raise _unavailable(store_error(db, e)) from e
        except StoreError as e:
            raise _unavailable(e) from e
    return IngestSummary(**summary.as_dict(), origins=[i.origin for i in items])


def _unavailable(e: StoreError) -> HTTPException:
    # The store's file name is the operator's business, not the client's.
    return HTTPException(503, f"the store cannot be written now [{e.code}]")
