"""Walk the paths given to `accords ingest` and yield one raw input per article.

Plain text, Markdown and HTML files are one article each. A `.json` file holds one article
(`{"text": ..., "url": ..., "published": ...}`) or a list of them; a `.jsonl` file holds one
per line. A record read from a list or a JSON Lines file has the origin `PATH#N` (N from 1).
Problems are yielded as `Refused` so that the run goes on with the other inputs.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accords.errors import InputError
from accords.ingest.decode import decode

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
ALL_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class RawInput:
    """One article before cleaning: its text, and what the feed said about it."""

    origin: str
    text: str
    media_type: str  # text/plain, text/html, text/markdown
    raw_sha256: str
    encoding: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    path: str | None = None


@dataclass(frozen=True)
class Refused:
    origin: str
    reason: str
    code: str = "E100"


def _files(paths: Iterable[str]) -> Iterator[tuple[str, Path | None]]:
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    yield os.path.join(root, name), Path(root) / name
        elif p.exists():
            yield given, p
        else:
            yield given, None


def _media(suffix: str) -> str:
    if suffix in HTML_SUFFIXES:
        return "text/html"
    if suffix in (".md", ".markdown"):
        return "text/markdown"
    return "text/plain"


def _record(origin: str, obj: Any, raw_sha: str) -> RawInput | Refused:
    if not isinstance(obj, dict):
        return Refused(origin, "a JSON record must be an object with a 'text' field", "E105")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        html = obj.get("html")
        if isinstance(html, str) and html.strip():
            return RawInput(origin, html, "text/html", raw_sha, "utf-8", _meta(obj))
        return Refused(origin, "the JSON record has no 'text'", "E105")
    media = "text/html" if obj.get("format") == "html" else "text/plain"
    return RawInput(origin, text, media, raw_sha, "utf-8", _meta(obj))


def _meta(obj: dict[str, Any]) -> dict[str, Any]:
    keys = ("url", "published", "title", "outlet", "lang")
    return {k: obj[k] for k in keys if isinstance(obj.get(k), str) and obj[k].strip()}


def _json_inputs(shown: str, data: bytes, raw_sha: str, lines: bool) -> Iterator[RawInput | Refused]:
    try:
        text, _ = decode(data)
    except InputError as e:
        yield Refused(shown, e.reason, e.code)
        return
    if lines:
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            origin = f"{shown}#{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                yield Refused(origin, f"line {n} is not JSON ({e.msg})", "E104")
                continue
            yield _record(origin, obj, _sha(line.encode("utf-8")))
        return
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        yield Refused(shown, f"not JSON ({e.msg} at line {e.lineno})", "E104")
        return
    if isinstance(obj, list):
        for n, item in enumerate(obj, 1):
            yield _record(f"{shown}#{n}", item, _sha(json.dumps(item, sort_keys=True).encode("utf-8")))
    else:
        yield _record(shown, obj, raw_sha)


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def read_inputs(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawInput | Refused]:
    """Every article under `paths`, or the reason it could not be read."""
    for shown, path in _files(paths):
        if path is None:
            yield Refused(shown, "no such file or folder", "E101")
            continue
        suffix = path.suffix.lower()
        if suffix not in ALL_SUFFIXES:
            yield Refused(shown, f"unsupported file type {suffix or '(none)'!r}", "E102")
            continue
        try:
            size = path.stat().st_size
            if size > max_bytes:
                yield Refused(shown, f"larger than the limit ({size} > {max_bytes} bytes)", "E103")
                continue
            data = path.read_bytes()
        except OSError as e:
            yield Refused(shown, f"cannot be read ({e.strerror})", "E101")
            continue
        raw_sha = _sha(data)
        if suffix in JSON_SUFFIXES | JSONL_SUFFIXES:
            yield from _json_inputs(shown, data, raw_sha, suffix in JSONL_SUFFIXES)
            continue
        try:
            text, encoding = decode(data)
        except InputError as e:
            yield Refused(shown, e.reason, e.code)
            continue
        yield RawInput(shown, text, _media(suffix), raw_sha, encoding, {}, str(path))
