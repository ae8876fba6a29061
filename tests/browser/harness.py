"""Running the real thing for the browser tests: the `accords` command, its server, Debian's chromium.

Nothing here fakes a part of the app: stores are built by `accords ingest`, read back by
`accords export`, and served by `accords serve` in a process of its own, as a user runs them.
"""

from __future__ import annotations

import os
import subprocess
import sys
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
