"""Source text is untrusted: articles whose names, quotes, titles, URLs and outlets carry script,
event-handler, `javascript:` and CSS payloads, ingested by the real `accords ingest`, shown on every
kind of page in a real browser. None runs (the flag they would set stays unset, no dialog opens,
no element or handler of theirs is in the page), each reads as the text it is, and every page is
served under the Content-Security-Policy."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page, Response

from . import harness, payloads
from .conftest import Site, build_site, watched_page

# Anything the payloads could have made of the page: a handler attribute, a script or style of
# theirs, a frame, a link or source that runs script.
INJECTED = """() => {
  const all = [...document.querySelectorAll('*')];
  const found = [];
  for (const e of all) {
    for (const a of e.attributes) {
      const v = a.value.trim().toLowerCase();
      if (a.name.startsWith('on')) found.push(e.tagName + '[' + a.name + ']');
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(a.name) && v.startsWith('javascript:'))
        found.push(e.tagName + '[' + a.name + '=javascript:]');
      if (a.name === 'srcdoc') found.push(e.tagName + '[srcdoc]');
    }
  }
  for (const s of document.querySelectorAll('script:not([src])')) found.push('inline script');
  for (const s of document.querySelectorAll('style'))
    if (s.textContent.includes('__pwned') || s.textContent.includes('display:none')) found.push('payload style');
  for (const f of document.querySelectorAll('iframe, object, embed')) found.push(f.tagName);
  return found;
}"""


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    tmp = tmp_path_factory.mktemp("payloads")
    yield from build_site(tmp, payloads.write(tmp))


@pytest.fixture
def guarded(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    context, page, events = watched_page(browser)
    yield page, events
    context.close()


def person_id(site: Site, name: str) -> str:
    found = json.loads(harness.run_accords("entity", name, "--db", str(site.db), "--json"))
    return found["id"] if isinstance(found, dict) else found[0]["id"]


def page_urls(site: Site) -> list[str]:
    """Every kind of page, over the payload store, and URLs that carry payloads themselves."""
    urls = ["/agreements", "/network", "/timeline", f"/search?q={payloads.SEARCH_WORD}",
            f"/entities/{quote(person_id(site, 'Otieno'))}", "/entities/state:NO"]
    urls += [f"/agreements/{r['id']}" for r in site.records]
    for p in payloads.PAYLOADS:
        urls += [f"/agreements?q={quote(p)}&party={quote(p)}", f"/search?q={quote(p)}&lang={quote(p)}",
                 f"/entities/{quote(p, safe='')}", f"/agreements/{quote(p, safe='')}"]
    return urls


def visit(page: Page, url: str) -> Response:
    response = page.goto(url)
    assert response is not None, url
    page.wait_for_load_state("load")
    # point at what the mouse-over payload wraps and tab through the page, so a handler that
    # waits for a user would fire
    for element in page.get_by_text("hover").all()[:20]:
        if element.is_visible():
            element.hover(timeout=2_000, force=True)
    for _ in range(10):
        page.keyboard.press("Tab")
    return response


def assert_secure_headers(response: Response) -> None:
    csp = response.headers.get("content-security-policy", "")
    for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'"):
        assert directive in csp, (response.url, csp)
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, csp
    assert response.headers.get("x-content-type-options") == "nosniff", response.url


def test_no_payload_runs_on_any_page(guarded: tuple[Page, list[str]], payload_site: Site) -> None:
    page, events = guarded
    assert len(payload_site.records) == len(payloads.articles())
    for url in page_urls(payload_site):
        response = visit(page, payload_site.url(url))
        assert_secure_headers(response)
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.evaluate(INJECTED) == [], url
        assert events == [], (url, events)


def test_payloads_read_as_text_on_the_agreement(page: Page, payload_site: Site) -> None:
    by_file = {f"payload_{i}.json": a for i, a in enumerate(payloads.articles(), 1)}
    for record in payload_site.records:
        (article,) = [by_file[Path(s["origin"]).name] for s in record["sources"]]
        page.goto(payload_site.url(f"/agreements/{record['id']}"))
        shown = page.locator("body").inner_text()
        for where in ("text", "title", "outlet", "url"):
            for p in payloads.PAYLOADS:
                if p in article[where]:
                    assert p in shown, (where, p)
        assert page.locator("h1").is_visible()
        quotes = page.locator("#quotes blockquote.quote").all_inner_texts()
        for q in record["quotes"]:
            assert any(q["text"].strip('"') in shown_q for shown_q in quotes), q["text"]


def test_payloads_read_as_text_in_search_and_forms(page: Page, payload_site: Site) -> None:
    page.goto(payload_site.url(f"/search?q={payloads.SEARCH_WORD}"))
    snippets = page.locator("li.hit").all_inner_texts()
    assert snippets and any(payloads.SVG in s or "javascript:window.__pwned=1" in s for s in snippets), snippets
    for p in payloads.PAYLOADS:
        page.goto(payload_site.url(f"/agreements?q={quote(p)}"))
        assert page.locator('form#filters input[name="q"]').input_value() == p
    person = person_id(payload_site, "O'Lobo")
    page.goto(payload_site.url(f"/entities/{quote(person)}"))
    assert page.locator("h1").inner_text().strip() == "Ana O'Lobo"
