"""Writing an export without ever destroying what is already there.

An export is written to a temporary file beside its target and renamed over it only once it is
complete: a failed or interrupted export leaves the old file whole. The store (and its -wal,
-shm and -journal files) is never a target, and an existing file is replaced only when it is a
previous export of the same format, or with --force: `accords export -o accords.db` once
truncated a user's whole store.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import regex

from accords.errors import OutputError

_HEAD = 65536  # bytes read to recognise an earlier export
_JSON_EXPORT = regex.compile(r'^\[\s*(?:\]|\{\s*"id":\s*"agr-)')
_GRAPHML_EXPORT = regex.compile(r'^(?:<\?xml[^>]*>\s*)?<graphml\b.*>accords export --format graphml<', regex.S)
# The context accords writes starts so (exports/jsonld.py); a JSON-LD file of another tool does not.
_JSONLD_EXPORT = regex.compile(r'^\{\s*"@context":\s*\{"schema":\s*"https://schema.org/",\s*"Event":\s*"schema:Event"')


def sidecars(store: str) -> list[Path]:
    """The store's file and the files SQLite keeps beside it."""
    base = Path(store)
    return [base.with_name(base.name + suffix) for suffix in ("", "-wal", "-shm", "-journal")]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def is_export(path: Path, fmt: str, csv_header: str) -> bool:
    """Whether `path` holds an earlier accords export in `fmt` (an empty file counts)."""
    with path.open("rb") as f:
        head = f.read(_HEAD).decode("utf-8", errors="replace")
    if not head.strip():
        return True
    if fmt == "csv":
        return head.lstrip("\ufeff").splitlines()[0].strip() == csv_header
    if fmt == "json":
        return bool(_JSON_EXPORT.match(head))
    if fmt == "graphml":
        return bool(_GRAPHML_EXPORT.match(head))
    if fmt == "jsonld":
        return bool(_JSONLD_EXPORT.match(head))
    first = head.splitlines()[0]
    try:
        obj = json.loads(first)
    except ValueError:
        return False
    if not isinstance(obj, dict) or not str(obj.get("id", "")).startswith("agr-"):
        return False
    return obj.get("event") == ["AGREE"] if fmt == "plover" else "instrument" in obj


def check_target(target: str, fmt: str, csv_header: str, protected: Iterable[Path], force: bool) -> Path:
    """The path to write, or an OutputError saying why it must not be written."""
    path = Path(target)
    for p in protected:
        if _same_file(path, p):
            raise OutputError(f"{target}: this is the store (or one of its files); an export never writes"
                              " over it. Choose another file name.")
    if path.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name")
    if not path.parent.is_dir():
        raise OutputError(f"{target}: the folder {path.parent} does not exist")
    if path.exists() and not force and not is_export(path, fmt, csv_header):
        raise OutputError(f"{target}: exists and is not an earlier accords {fmt} export; it was left"
                          " untouched (give --force to replace it)")
    return path


def _umask() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_text(path: Path) -> Iterator[IO[str]]:
    """A text file that appears at `path` only when the block ends without an error."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
