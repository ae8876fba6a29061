"""What guards the server: response headers, bounded requests, the ingest token.

The limits are checked before any route runs: a request that is too large is answered 413
(body) or 414 (query string) without its body being read or parsed. A body sent without a
Content-Length (chunked) is counted as it arrives and stopped at the limit.
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none';"
       " base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}

log = logging.getLogger("accords.web")
MAX_BODY = 2 * 1024 * 1024  # bytes of one request body (POST /api/sources: a batch of articles)
MAX_QUERY = 4096  # bytes of one query string: filters and a search, never more


def error_body(status: int, message: str, errors: list[Any] | None = None) -> dict[str, Any]:
    """The one shape of every API error (datasette's): clients test `ok`, show `error`."""
    return {"ok": False, "status": status, "error": message, "errors": errors or []}


def _header(scope: Scope, name: bytes) -> bytes | None:
    for k, v in scope.get("headers", []):
        if k.lower() == name:
            return bytes(v)
    return None


class BoundedRequests:
    """An ASGI middleware: refuses query strings over `max_query` bytes (414) and bodies over
    `max_body` bytes (413), and adds the security headers to every response it lets through or
    refuses."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY, max_query: int = MAX_QUERY) -> None:
        self.app = app
        self.max_body = max_body
        self.max_query = max_query

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > self.max_query:
            await _refuse(send, 414, f"the query string is longer than {self.max_query} bytes")
            return
        length = _header(scope, b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _refuse(send, 413, f"the request body is larger than {self.max_body} bytes")
            return
        started = False
        sending = _with_headers(send)

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await sending(message)

        try:
            await self.app(scope, self._counted(receive), watched)
        except Exception:
            # A bug: logged with its traceback; the client gets the API's error shape, with the
            # headers (the server's own 500 page would go out without them).
            if started:
                raise
            log.exception("error in %s %s", scope.get("method"), scope.get("path"))
            await _refuse(send, 500, "internal error")

    def _counted(self, receive: Receive) -> Receive:
        """`receive`, stopped with a 413 once the body passes the limit (a body sent in chunks
        says no length up front)."""
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    # Raised while the route reads its body: FastAPI passes an HTTPException on
                    # to the app's handler, which answers it before anything was parsed or stored.
                    raise HTTPException(413, f"the request body is larger than {self.max_body} bytes")
            return message

        return counted


def _with_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {bytes(k).lower() for k, _ in message.get("headers", [])}
            extra = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items() if k.lower().encode() not in present]
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return sending


async def _refuse(send: Send, status: int, message: str) -> None:
    body = json.dumps(error_body(status, message)).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close")]
    await _with_headers(send)({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def token_ok(given: str, token: str) -> bool:
    """Whether the token a request gave is the server's. Compared in constant time, so that the
    time of a refusal tells nothing about how much of a guess was right."""
    # Starlette decodes header bytes as Latin-1; encoding back gives the bytes that were sent.
    return hmac.compare_digest(given.encode("latin-1", "replace"), token.encode("utf-8"))
