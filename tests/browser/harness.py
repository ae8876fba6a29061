"""Running the real thing for the browser tests: the `accords` command, its server, Debian's chromium.

Nothing here fakes a part of the app: stores are built by `accords ingest`, read back by
`accords export`, and served by `accords serve` in a process of its own, as a user runs them.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("ACCORDS_CHROMIUM", "/usr/bin/chromium"))
INSTALL = "apt-get update && apt-get install -y --no-install-recommends chromium"
# A fresh profile with nothing that reaches the network: the tests run offline, and a browser
# that phones home would hang or flake there. --no-sandbox because the tests run as root.
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1400, "height": 900}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
SERVER_START_SECONDS = 60.0


def require_chromium() -> Path:
    """The browser to drive, or a failure that says how to install it: a missing browser never
    turns the browser tests into a silent pass or a skip."""
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    where = ("in CI (tools/system-deps, the first step of the test command, installs it)"
             if os.environ.get("CI") else "on this machine")
    pytest.fail(f"the browser tests need Debian's chromium at {CHROMIUM}, which is missing {where}. "
                f"Install it as root with: {INSTALL}  (never `playwright install`: it downloads a browser)",
                pytrace=False)


def accords_command() -> list[str]:
    """The installed `accords` command of the interpreter running the tests."""
    script = Path(sys.executable).with_name("accords")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from accords.cli import main; main()"]


def run_accords(*args: str) -> str:
    done = subprocess.run([*accords_command(), *args], capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        pytest.fail(f"accords {' '.join(args[:2])} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}",
                    pytrace=False)
    return done.stdout


def ingest(db: Path, paths: list[Path]) -> None:
    run_accords("ingest", "--db", str(db), *map(str, paths))


def export_records(db: Path) -> list[dict]:
    """The records as `accords export` writes them: what the pages must show."""
    out = run_accords("export", "--db", str(db), "--format", "jsonl")
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db: Path, log: Path) -> Iterator[str]:
    """`accords serve` on a free port of 127.0.0.1, until the block ends; yields its base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        proc = subprocess.Popen([*accords_command(), "serve", "--db", str(db), "--port", str(port)],
                                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        _wait_until_up(proc, base, log)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_until_up(proc: subprocess.Popen[bytes], base: str, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"accords serve exited with {proc.returncode}:\n{log.read_text(errors='replace')}",
                        pytrace=False)
        try:
            with urllib.request.urlopen(base + "/agreements", timeout=5) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(f"accords serve did not answer on {base} within {SERVER_START_SECONDS:.0f} s:\n"
                f"{log.read_text(errors='replace')}", pytrace=False)
