"""The timeline: one bar a month, each leading to the list of that month's agreements."""

from __future__ import annotations

from collections import Counter
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Page, expect

from .conftest import Site, screenshot
from .test_list import shown_ids


def test_month_bar_opens_that_months_agreements(page: Page, site: Site) -> None:
    months = Counter(r["date_signed"][:7] for r in site.records if r["date_signed"] and len(r["date_signed"]) >= 7)
    page.goto(site.url("/timeline"))
    bars = page.locator("svg#timeline a.month")
    linked = []
    for href in bars.evaluate_all("bs => bs.map(b => b.getAttribute('href'))"):
        url = urlparse(href)
        query = parse_qs(url.query)
        assert url.path == "/agreements" and query["since"] == query["until"], href
        linked.append(query["since"][0])
    assert sorted(linked) == sorted(months)
    screenshot(page, "timeline")
    month, n = max(months.items(), key=lambda kv: (kv[1], kv[0]))
    page.locator(f'svg#timeline a.month[href*="since={month}&"]').click()
    page.wait_for_url("**/agreements?**")
    expect(page.locator("#total")).to_have_text(str(n))
    assert shown_ids(page) == {r["id"] for r in site.records if (r["date_signed"] or "").startswith(month)}
