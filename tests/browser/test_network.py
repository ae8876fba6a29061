"""Who signs with whom: from the network to a country, and on to one of its agreements."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlparse

from playwright.sync_api import Page, expect

from .conftest import Site, screenshot
from .test_list import shown_ids


def test_network_draws_every_party_and_pair(page: Page, site: Site) -> None:
    page.goto(site.url("/network"))
    parties = {p["id"] for r in site.records for p in r["parties"]}
    nodes = set(page.locator("svg#network a.node").evaluate_all("ns => ns.map(n => n.dataset.id)"))
    assert nodes == parties
    pairs: Counter[frozenset[str]] = Counter()
    for r in site.records:
        ids = sorted({p["id"] for p in r["parties"]})
        pairs.update(frozenset((a, b)) for i, a in enumerate(ids) for b in ids[i + 1:])
    weights = page.locator("svg#network line.edge").evaluate_all("es => es.map(e => +e.dataset.weight)")
    assert sorted(weights) == sorted(pairs.values())
    screenshot(page, "network")


def test_network_to_country_to_agreement(page: Page, site: Site) -> None:
    counts = Counter(p["id"] for r in site.records for p in r["parties"] if p["type"] == "state")
    country = counts.most_common(1)[0][0]
    name = next(p["name"] for r in site.records for p in r["parties"] if p["id"] == country)
    page.goto(site.url("/network"))
    page.locator(f'svg#network a.node[data-id="{country}"]').click()
    page.wait_for_url(f"**/entities/state:{country}")
    expect(page.locator("h1")).to_contain_text(name)
    # names in every script: at least the Arabic and Hebrew forms CLDR gives
    for lang in ("ar", "he"):
        expect(page.locator(f'#names [lang="{lang}"]').first).to_be_visible()
    assert shown_ids(page) == site.with_party(country)
    target = sorted(site.with_party(country))[0]
    page.locator(f'#agreements tr.agreement[data-id="{target}"] a[href="/agreements/{target}"]').first.click()
    page.wait_for_url(f"**/agreements/{target}")
    assert urlparse(page.url).path == f"/agreements/{target}"
    record = next(r for r in site.records if r["id"] == target)
    expect(page.locator("h1")).to_have_text(record["title"])
