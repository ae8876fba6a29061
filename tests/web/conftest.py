"""A real server for the web tests: `accords serve` in a subprocess over a store built by really
ingesting the seeds, a few dev documents and an invented Chinese article.

`web_store` is that store (session-wide, never written after it is built: a test that writes
works on a copy); `records` are its records as `accords export` writes them; `server` is a
read-only server over it (no token); `start_server(db, token)` starts another.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import DEV, SEEDS, _needs_shared

ACCORDS = str(Path(sys.executable).with_name("accords"))
# Dev documents in the scripts the tests search (Arabic, Hebrew) and a few more languages.
DEV_DOCS = ("016_en.txt", "030_ar.txt", "034_fr.txt", "059_he.txt", "040_tr.txt")
# Invented for these tests (not from any article): a signing told in Chinese, without spaces.
CHINESE = {"text": "新华社北京3月12日电 2026年3月11日，中国和巴西在北京签署了关于可再生能源合作的谅解备忘录。"
                   "双方表示，将在太阳能和风能领域加强合作。",
           "url": "https://example.org/zh/renewables", "published": "2026-03-12",
           "title": "中巴签署可再生能源谅解备忘录", "outlet": "Example News"}
STARTUP_SECONDS = 60


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ACCORDS, *args], capture_output=True, text=True, timeout=600, env=env)


def export(db: Path) -> list[dict[str, Any]]:
    """Every record of the store, as `accords export` writes it."""
    done = run_cli("export", "--db", str(db))
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _server_env(token: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("ACCORDS_TOKEN", "ACCORDS_DB")}
    if token is not None:
        env["ACCORDS_TOKEN"] = token
    return env


def _wait_until_up(proc: subprocess.Popen[str], url: str) -> None:
    """Poll until the server answers; fail with its output if it dies or never answers."""
    end = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < end:
        if proc.poll() is not None:
            pytest.fail(f"accords serve exited with {proc.returncode}: {proc.stderr.read() if proc.stderr else ''}")
        try:
            if httpx.get(url + "/api/agreements?per_page=1", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail(f"accords serve did not answer at {url} within {STARTUP_SECONDS} s")


@contextmanager
def start_server(db: Path, token: str | None = None, args: tuple[str, ...] = ()) -> Iterator[str]:
    """`accords serve --db DB --port FREE ARGS` (with $ACCORDS_TOKEN when `token`), until the
    block ends; yields its base URL."""
    port = free_port()
    proc = subprocess.Popen([ACCORDS, "serve", "--db", str(db), "--port", str(port), *args],
                            env=_server_env(token), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(proc, url)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built with `accords ingest`: the seeds, some dev documents, one Chinese article."""
    _needs_shared()
    root = tmp_path_factory.mktemp("web")
    chinese = root / "zh.json"
    chinese.write_text(json.dumps(CHINESE, ensure_ascii=False), encoding="utf-8")
    db = root / "store.db"
    paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))] + [str(DEV / "docs" / n) for n in DEV_DOCS]
    done = run_cli("ingest", "--db", str(db), *paths, str(chinese))
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture(scope="session")
def records(web_store: Path) -> list[dict[str, Any]]:
    return export(web_store)


@pytest.fixture(scope="session")
def server(web_store: Path) -> Iterator[str]:
    """A read-only server (no token) over `web_store`; its base URL."""
    with start_server(web_store) as url:
        yield url
