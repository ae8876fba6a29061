"""Fixtures of the browser tests: a store built by the real ingest, `accords serve` over it, and a
headless Debian chromium driven by Playwright (never `playwright install`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Dialog, Page, sync_playwright

from accords.store.sqlite import Store
from tests.web.conftest import export, start_server

from . import corpus, harness


@dataclass
class Site:
    """A running server and what its store holds, read through the project's own commands."""
    base: str
    db: Path
    records: list[dict]
    sources: list[dict] = field(default_factory=list)  # {"id","origin","lang","text"} as stored

    def url(self, path: str) -> str:
        return self.base + path

    def texts(self, lang: str) -> dict[str, str]:
        return {s["id"]: s["text"] for s in self.sources if s["lang"] == lang}

    def agreements_citing(self, source_id: str) -> set[str]:
        return {r["id"] for r in self.records if any(s["id"] == source_id for s in r["sources"])}

    def with_party(self, party: str) -> set[str]:
        return {r["id"] for r in self.records if any(p["id"] == party for p in r["parties"])}


def stored_sources(db: Path) -> list[dict]:
    store = Store(db, readonly=True)
    try:
        return [{"id": r["id"], "origin": r["origin"], "lang": r["lang"], "text": r["text"]}
                for r in store.sources().values()]
    finally:
        store.close()


def build_site(tmp: Path, inputs: list[Path]) -> Iterator[Site]:
    db = tmp / "store.db"
    harness.ingest(db, inputs)
    site = Site("", db, export(db), stored_sources(db))
    with start_server(db) as base:
        site.base = base
        yield site


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The seeds, a few dev articles of every language and Chinese ones, ingested and served."""
    if not corpus.SHARED.is_dir():
        pytest.fail(f"../shared is missing ({corpus.SHARED}); the browser tests ingest its articles")
    yield from build_site(tmp_path_factory.mktemp("site"), corpus.store_inputs())


@pytest.fixture(scope="session")
def site_langs(site: Site) -> set[str]:
    langs = {s["lang"] for s in site.sources}
    missing = {"ar", "he", "zh", "en"} - langs
    assert not missing, f"the browser store should hold sources in {sorted(missing)} too"
    return langs


@pytest.fixture(scope="session")
def seed_record(site: Site) -> dict:
    """The agreement the two seed reports make (Arabic and English)."""
    seeds = {p.name for p in (corpus.SHARED / "seeds").glob("*.txt")}
    found = [r for r in site.records if {Path(s["origin"]).name for s in r["sources"]} == seeds]
    assert len(found) == 1, f"one agreement should merge both seed reports, found {len(found)}"
    return found[0]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One chromium per test module: Playwright's sync API keeps an event loop running in this
    thread while it is started, which would break any later test that runs asyncio itself."""
    chromium = harness.require_chromium()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium), args=harness.LAUNCH_ARGS)
        yield b
        b.close()


def watched_page(browser: Browser) -> tuple[BrowserContext, Page, list[str]]:
    """A fresh tab (own context) at the screenshots' viewport, and the list of what went wrong in
    it: every dialog, and every Content-Security-Policy complaint (an inline script or style in a
    template, or source text that became one)."""
    context = browser.new_context(viewport=harness.VIEWPORT)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    events: list[str] = []

    def on_dialog(d: Dialog) -> None:
        events.append(f"dialog: {d.message}")
        d.dismiss()

    def on_console(m: ConsoleMessage) -> None:
        if "Content Security Policy" in m.text:
            events.append(f"console: {m.text}")

    tab.on("dialog", on_dialog)
    tab.on("console", on_console)
    return context, tab, events


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context, tab, events = watched_page(browser)
    yield tab
    context.close()
    assert not events, f"the pages opened a dialog or broke their CSP: {events}"


def screenshot(page: Page, name: str) -> Path:
    harness.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = harness.SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
