"""`POST /api/sources`: ingest articles sent as JSON, for a client holding the server's token.

The route exists only when a token is configured (`create_app` includes this router then), so a
read-only server neither answers nor documents it. Articles go through the same path as
`accords ingest` (`ingest.read.json_article` reads each as a record of a .json file is, then
`service.ingest_inputs` extracts, stores and rebuilds the agreements), in a worker process, into
the store opened writable for this request only. A URL in the body is kept as data: the server
never fetches it.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from accords.errors import StoreError
from accords.ingest.read import json_article
from accords.limits import Limits
from accords.service import ingest_inputs
from accords.store.connect import store_error
from accords.store.sqlite import Store
from accords.web.models import ApiError, Article, Batch, IngestSummary
from accords.web.security import token_ok

router = APIRouter(prefix="/api", tags=["ingest"])

# Seconds a request waits for the store's write lock (another `accords ingest` running).
LOCK_WAIT = 30.0

# The ingest runs in a worker process, one at a time: there `limits.deadline` can stop an
# article that takes longer than `Limits.max_seconds` (a signal reaches only a main thread, and
# the server's requests run in threads), and a crash in a parser takes the worker down, not the
# server. SQLite has one writer anyway; a second request waits for the first.
_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def _worker() -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            # spawn, not fork: the server has threads, and a fork copies their locks mid-use.
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_orphan_guard, initargs=(os.getpid(),))
        return _pool


def shutdown_worker() -> None:
    """Stop the worker (when the server stops), after the ingest it is running, if any."""
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=True, cancel_futures=True)
            _pool = None


def _orphan_guard(server_pid: int) -> None:
    """In the worker: end when the server is gone (killed, it could not say so)."""

    def watch() -> None:
        while os.getppid() == server_pid:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _forget_worker(broken: ProcessPoolExecutor) -> None:
    global _pool
    with _pool_lock:
        if _pool is broken:
            _pool = None


def ingest_articles(db: str, articles: list[dict[str, Any]]) -> dict[str, Any]:
    """In the worker: read each article as `accords ingest` reads a .json record, ingest them
    into the store at `db`, and say what happened (or the store error's code)."""
    limits = Limits()
    items = [json_article(a, limits) for a in articles]
    try:
        store = Store(db, readonly=False, lock_wait=LOCK_WAIT)
        try:
            summary = ingest_inputs(items, store, limits)
        finally:
            store.close()
    except sqlite3.Error as e:
        return {"store_error": store_error(db, e).code}
    except StoreError as e:
        return {"store_error": e.code}
    return summary.as_dict() | {"origins": [i.origin for i in items]}


_bearer = HTTPBearer(auto_error=False, description="the token of `accords serve` (--token-file or $ACCORDS_TOKEN)")


def _authorised(request: Request,
                credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Refuse the request (401) unless it carries the server's token. A dependency, so it runs
    before the body is validated: a client without the token learns nothing about the body."""
    token: str | None = request.app.state.settings.token
    if token is None or credentials is None or not token_ok(credentials.credentials, token):
        raise HTTPException(401, "a valid token is required: Authorization: Bearer TOKEN",
                            headers={"WWW-Authenticate": "Bearer"})


def _articles(body: Article | Batch) -> list[dict[str, Any]]:
    # `format` 'text' is the default of a .json record: left out, so that the same article
    # sent with or without it has one origin.
    return [a.model_dump(exclude_none=True, exclude_defaults=True) | {"text": a.text}
            for a in (body.articles if isinstance(body, Batch) else [body])]


@router.post("/sources", response_model=IngestSummary, dependencies=[Depends(_authorised)],
             responses={401: {"model": ApiError}, 413: {"model": ApiError}, 503: {"model": ApiError}})
def post_sources(request: Request, body: Annotated[Article | Batch, Body()]) -> IngestSummary:
    """Ingest one article, or `{"articles": [...]}`, and rebuild the agreements.

    Requires `Authorization: Bearer TOKEN`. Answers what `accords ingest --json` reports:
    stored, unchanged, refused (with reasons), agreements created and updated."""
    pool = _worker()
    try:
        done = pool.submit(ingest_articles, request.app.state.settings.db, _articles(body)).result()
    except BrokenProcessPool as e:
        _forget_worker(pool)
        raise HTTPException(500, "the ingest stopped unexpectedly; sending the articles again is safe") from e
    if "store_error" in done:
        # The store's file name is the operator's business, not the client's.
        raise HTTPException(503, f"the store cannot be written now [{done['store_error']}]")
    return IngestSummary(**done)
