"""Opening an SQLite store safely, and naming what went wrong with it.

Read commands open the file with SQLite's URI `mode=ro`: nothing is created, migrated or
switched to WAL. A store on a read-only medium cannot even hold WAL's shared-memory file; there
SQLite's `immutable=1` reads it as the fixed file it is. SQLite's own messages ("unable to open
database file", "database or disk is full") name neither the file nor what to do, so each is
mapped to an error code and a sentence that does.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from accords.errors import StoreError


def _uri(path: str, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file:{quote(str(Path(path).resolve()))}?{query}"


def open_readonly(path: str) -> sqlite3.Connection:
    """A read-only connection to an existing store; `E308` when there is no such file."""
    p = Path(path)
    if not p.exists():
        raise StoreError(f"{path}: no such store (ingest some articles first: accords ingest FILES --db {path})",
                         code="E308")
    if not p.is_file():
        raise StoreError(f"{path}: not a file", code="E305")
    try:
        db = sqlite3.connect(_uri(path, mode="ro"), uri=True, isolation_level=None)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.Error as first:
        # A WAL store on a read-only medium: its -shm cannot be made. Read it as immutable.
        try:
            db = sqlite3.connect(_uri(path, mode="ro", immutable="1"), uri=True, isolation_level=None)
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.Error:
            raise store_error(path, first) from first


def open_writable(path: str, lock_wait: float) -> sqlite3.Connection:
    try:
        return sqlite3.connect(path, isolation_level=None, timeout=lock_wait)
    except sqlite3.Error as e:
        raise store_error(path, e) from e


# SQLite's message (lower case, a part of it) -> code, sentence.
_KNOWN = (
    ("disk is full", "E301", "the disk is full; nothing of the batch in progress was stored"),
    ("disk i/o error", "E301", "the disk failed to write (full, or removed); nothing of the batch in progress"
                               " was stored"),
    ("readonly database", "E302", "the store cannot be written (a read-only file, folder or medium)"),
    ("read-only", "E302", "the store cannot be written (a read-only file, folder or medium)"),
    ("malformed", "E303", "the store is damaged (run `accords check`; restore a copy)"),
    ("file is not a database", "E306", "not an accords store (not an SQLite database); it was left untouched"),
    ("locked", "E304", "another process held the store's lock too long; try again when it has finished"),
    ("busy", "E304", "another process held the store's lock too long; try again when it has finished"),
    ("unable to open", "E305", "cannot be opened (a missing folder, or no permission)"),
)


def store_error(path: str, e: BaseException) -> StoreError:
    """The StoreError that names `path` and says what `e` (an sqlite3 or OS error) means."""
    message = str(e).lower()
    for part, code, sentence in _KNOWN:
        if part in message:
            return StoreError(f"{path}: {sentence} ({e})", code=code)
    if isinstance(e, OSError) and e.errno == 28:
        return StoreError(f"{path}: the disk is full ({e.strerror})", code="E301")
    return StoreError(f"{path}: {e}", code="E300")
