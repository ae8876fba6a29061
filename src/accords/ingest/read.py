"""Walk the paths given to `accords ingest` and yield one raw input per article.

Plain text, Markdown and HTML files are one article each. A `.json` file holds one article
(`{"text": ..., "url": ..., "published": ...}`) or a list of them; a `.jsonl` file holds one
per line. A record read from a list or a JSON Lines file has the origin `PATH#N` (N from 1).
Any of them may be gzip-compressed (`a.txt.gz`). Problems are yielded as `Refused`, with a
code of `accords.limits`, so that the run goes on with the other inputs.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from accords.errors import InputError
from accords.ingest.decode import decode, replaced, text_is_binary
from accords.limits import DEFAULT_MAX_BYTES, Limits, html_problem

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
ALL_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
__all__ = ["DEFAULT_MAX_BYTES", "RawInput", "Refused", "json_article", "read_inputs"]

# Lone surrogates (from `\ud800` escapes in JSON, or undecodable file names) cannot be written
# as UTF-8, so SQLite would refuse the whole batch they are in.
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_LETTER = regex.compile(r"[\p{L}\p{N}]")


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


STDIN = "-"


def _files(paths: Iterable[str], skip: frozenset[Path]) -> Iterator[tuple[str, Path | None]]:
    """Every file under `paths`. In folders, hidden files and folders (.git, .cache) and the files
    in `skip` (the store and its -wal/-shm) are passed over: they are never articles."""
    for given in paths:
        p = Path(given)
        if given == STDIN:
            yield given, None
        elif p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or _resolved(Path(root) / name) in skip:
                        continue
                    yield os.path.join(root, name), Path(root) / name
        elif p.exists():
            yield given, p
        else:
            yield given, None


def _resolved(p: Path) -> Path:
    try:
        return p.resolve()
    except (OSError, RuntimeError):
        return p


def _media(suffix: str) -> str:
    if suffix in HTML_SUFFIXES:
        return "text/html"
    if suffix in (".md", ".markdown"):
        return "text/markdown"
    return "text/plain"


def _valid(s: str) -> str:
    """`s` with lone surrogates replaced by U+FFFD: the article is kept, the broken character not."""
    return _SURROGATE.sub("\ufffd", s) if _SURROGATE.search(s) else s


def _record(origin: str, obj: Any, raw_sha: str, limits: Limits, encoding: str = "utf-8") -> RawInput | Refused:
    """The article of one JSON record of a file read as `encoding` (without any count of replaced
    bytes: each record counts its own, the lone surrogates left where bytes were invalid; a lone
    surrogate escaped in the JSON, '\\ud800', is replaced and counted with them)."""
    if not isinstance(obj, dict):
        return Refused(origin, "a JSON record must be an object with a 'text' field", "E105")
    text = obj.get("text")
    media = "text/html" if obj.get("format") == "html" else "text/plain"
    if not isinstance(text, str) or not text.strip():
        text, media = obj.get("html"), "text/html"
        if not isinstance(text, str) or not text.strip():
            return Refused(origin, "the JSON record has no 'text'", "E105")
    meta = _meta(obj)
    bad = len(_SURROGATE.findall(text)) + sum(len(_SURROGATE.findall(obj[k])) for k in meta)
    return _checked(RawInput(origin, _valid(text), media, raw_sha, replaced(encoding, bad), meta), limits)


def json_article(obj: Any, limits: Limits, prefix: str = "api") -> RawInput | Refused:
    """One article given as a JSON object outside any file (the body of `POST /api/sources`),
    read as a record of a .json file is. Its origin is `PREFIX:` and the first hex digits of the
    hash of the record, like standard input's: the same record sent again is the same input."""
    sha = _sha(json.dumps(obj, sort_keys=True).encode("utf-8"))
    return _record(f"{prefix}:{sha[:12]}", obj, sha, limits)


def _checked(raw: RawInput, limits: Limits) -> RawInput | Refused:
    """`raw`, or why its text must not reach cleaning and extraction."""
    if text_is_binary(raw.text):
        return Refused(raw.origin, "binary data, not text", "E108")
    if not _LETTER.search(raw.text):
        return Refused(raw.origin, "empty: no letter or digit (only spaces, marks or invisible characters)", "E106")
    if raw.media_type == "text/html":
        problem = html_problem(raw.text, limits)
        if problem:
            return Refused(raw.origin, problem[1], problem[0])
    return raw


def _meta(obj: dict[str, Any]) -> dict[str, Any]:
    keys = ("url", "published", "title", "outlet", "lang")
    return {k: _valid(obj[k]) for k in keys if isinstance(obj.get(k), str) and obj[k].strip()}


def _loads(text: str) -> tuple[Any, str | None]:
    """The JSON value of `text`, or why it has none (bad syntax, nesting that would exhaust the
    stack, a number too long to convert: all plain refusals, never a crash)."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as e:
        return None, f"{e.msg} at line {e.lineno}"
    except RecursionError:
        return None, "nested too deeply"
    except ValueError as e:
        return None, str(e).split("\n")[0]


def _json_lines(shown: str, text: str, limits: Limits, encoding: str) -> Iterator[RawInput | Refused]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        origin = f"{shown}#{n}"
        obj, problem = _loads(line)
        if problem:
            yield Refused(origin, f"line {n} is not JSON ({problem.rsplit(' at line', 1)[0]})", "E104")
            continue
        # Invalid bytes are still lone surrogates here: `surrogateescape` gives them back.
        yield _record(origin, obj, _sha(line.encode("utf-8", "surrogateescape")), limits, encoding)


def _json_inputs(shown: str, data: bytes, raw_sha: str, lines: bool, limits: Limits) -> Iterator[RawInput | Refused]:
    try:
        text, encoding = decode(data, keep_invalid=True)
    except InputError as e:
        yield Refused(shown, e.reason, e.code)
        return
    encoding = encoding.split(" (")[0]  # each record counts the bytes replaced in it
    if lines:
        yield from _json_lines(shown, text, limits, encoding)
        return
    obj, problem = _loads(text)
    if problem:
        yield Refused(shown, f"not JSON ({problem})", "E104")
    elif isinstance(obj, list):
        for n, item in enumerate(obj, 1):
            sha = _sha(json.dumps(item, sort_keys=True).encode("utf-8"))
            yield _record(f"{shown}#{n}", item, sha, limits, encoding)
    else:
        yield _record(shown, obj, raw_sha, limits, encoding)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _kind(path: Path) -> tuple[str, bool]:
    """The suffix that says what the file holds, and whether it is gzip-compressed."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return (suffixes[-2] if len(suffixes) > 1 else ""), True
    return (suffixes[-1] if suffixes else ""), False


def _gunzip(data: bytes, limit: int) -> bytes:
    """Decompressed `data`, stopping at `limit` bytes so that a small bomb cannot fill memory."""
    out = zlib.decompressobj(wbits=31)  # gzip header
    try:
        body = out.decompress(data, limit + 1 if limit > 0 else 0)
    except zlib.error as e:
        raise InputError(f"not valid gzip ({e})", "E109") from e
    if limit > 0 and len(body) > limit:
        raise InputError(f"decompresses to more than the limit ({limit} bytes)", "E109")
    if not out.eof:
        raise InputError("not valid gzip (truncated)", "E109")
    return body


def _read(shown: str, path: Path, compressed: bool, limits: Limits) -> bytes:
    try:
        size = path.stat().st_size
        if size > limits.max_bytes > 0:
            raise InputError(f"larger than the limit ({size} > {limits.max_bytes} bytes)", "E103")
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror})", "E101") from e
    return _gunzip(data, limits.max_bytes) if compressed else data


def _one_file(shown: str, path: Path, limits: Limits) -> Iterator[RawInput | Refused]:
    suffix, compressed = _kind(path)
    if suffix not in ALL_SUFFIXES:
        yield Refused(shown, f"unsupported file type {path.suffix.lower() or '(none)'!r}", "E102")
        return
    try:
        data = _read(shown, path, compressed, limits)
    except InputError as e:
        yield Refused(shown, e.reason, e.code)
        return
    raw_sha = _sha(data)
    if suffix in JSON_SUFFIXES | JSONL_SUFFIXES:
        yield from _json_inputs(shown, data, raw_sha, suffix in JSONL_SUFFIXES, limits)
        return
    yield _text_input(shown, data, raw_sha, _media(suffix), str(path), limits)


def _text_input(shown: str, data: bytes, sha: str, media: str, path: str | None, limits: Limits) -> RawInput | Refused:
    """One article's bytes, decoded and checked, or why they cannot be one."""
    try:
        text, encoding = decode(data)
    except InputError as e:
        return Refused(shown, e.reason, e.code)
    return _checked(RawInput(shown, text, media, sha, encoding, {}, path), limits)


def read_inputs(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES,
                limits: Limits | None = None, skip: Iterable[str] = ()) -> Iterator[RawInput | Refused]:
    """Every article under `paths` (`-`: standard input), or the reason it could not be read.
    Files in `skip` are never read: found in a folder they are passed over, named they are refused."""
    limits = limits or Limits(max_bytes=max_bytes)
    skipped = frozenset(_resolved(Path(s)) for s in skip)
    for shown, path in _files(paths, skipped):
        if _SURROGATE.search(shown):
            # The origin must be the path exactly as given, and this one cannot be stored.
            yield Refused(_valid(shown), "the file name is not valid UTF-8", "E101")
        elif shown == STDIN:
            yield from _stdin(limits)
        elif path is None:
            yield Refused(shown, "no such file or folder", "E101")
        elif _resolved(path) in skipped:
            yield Refused(shown, "this is the store itself (or its -wal/-shm file), not an article", "E102")
        else:
            yield from _one_file(shown, path, limits)


def _stdin(limits: Limits) -> Iterator[RawInput | Refused]:
    """Standard input: a JSON object or list, JSON Lines (one object a line), or else one article
    as plain text (HTML when it starts with a tag). Its origin is `stdin:` and the first hex digits
    of its hash: two different texts piped in are two sources, not versions of one."""
    import sys

    data = sys.stdin.buffer.read(limits.max_bytes + 1 if limits.max_bytes > 0 else -1)
    if limits.max_bytes > 0 and len(data) > limits.max_bytes:
        yield Refused(STDIN, f"larger than the limit ({limits.max_bytes} bytes)", "E103")
        return
    sha = _sha(data)
    shown = f"stdin:{sha[:12]}"
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        first = data.lstrip().split(b"\n", 1)[0].strip()
        lines = head == b"{" and _loads(first.decode("utf-8", "replace"))[1] is None and b"\n" in data.strip()
        yield from _json_inputs(shown, data, sha, lines, limits)
        return
    yield _text_input(shown, data, sha, "text/html" if head == b"<" else "text/plain", None, limits)
