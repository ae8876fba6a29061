"""The agreements list: everything the store holds, then only a party's agreements."""

from __future__ import annotations

from collections import Counter
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Page, expect

from .conftest import Site, screenshot


def shown_ids(page: Page) -> set[str]:
    return {i for i in page.locator("#agreements tr.agreement").evaluate_all("rows => rows.map(r => r.dataset.id)")}


def test_list_shows_every_agreement(page: Page, site: Site) -> None:
    page.goto(site.url("/"))
    assert urlparse(page.url).path == "/agreements"
    expect(page.locator("#total")).to_have_text(str(len(site.records)))
    assert len(site.records) <= 50, "the test store fits on one page of the list"
    assert shown_ids(page) == {r["id"] for r in site.records}
    first = page.locator("#agreements tr.agreement").first
    agreement_id = first.get_attribute("data-id")
    expect(first.locator(f'a[href="/agreements/{agreement_id}"]')).to_have_count(1)
    screenshot(page, "agreements")


def test_filter_by_clicking_a_party(page: Page, site: Site) -> None:
    counts = Counter(p["id"] for r in site.records for p in r["parties"])
    # a party in some agreements but not all, so that the filter visibly narrows the list
    party, n = next((p, n) for p, n in counts.most_common() if 1 < n < len(site.records))
    page.goto(site.url("/agreements"))
    page.locator(f'#agreements a.party[href="/agreements?party={party}"]').first.click()
    page.wait_for_load_state()
    assert parse_qs(urlparse(page.url).query).get("party") == [party]
    expect(page.locator("#total")).to_have_text(str(n))
    assert shown_ids(page) == site.with_party(party)


def test_two_parties_means_both(page: Page, site: Site) -> None:
    pairs = Counter(tuple(sorted(p["id"] for p in r["parties"]))[:2] for r in site.records if len(r["parties"]) >= 2)
    (a, b), _ = pairs.most_common(1)[0]
    expected = site.with_party(a) & site.with_party(b)
    assert expected != site.with_party(a) or expected != site.with_party(b)
    page.goto(site.url(f"/agreements?party={a}&party={b}"))
    expect(page.locator("#total")).to_have_text(str(len(expected)))
    assert shown_ids(page) == expected


def test_filter_with_the_form(page: Page, site: Site) -> None:
    counts = Counter(r["instrument"] for r in site.records)
    instrument, n = next((i, n) for i, n in counts.most_common() if n < len(site.records))
    page.goto(site.url("/agreements"))
    field = page.locator('form#filters [name="instrument"]')
    if field.evaluate("e => e.tagName") == "SELECT":
        field.select_option(instrument)
    else:
        field.fill(instrument)
    with page.expect_navigation():
        page.locator("form#filters").evaluate("f => f.requestSubmit()")
    assert parse_qs(urlparse(page.url).query).get("instrument") == [instrument]
    expect(page.locator("#total")).to_have_text(str(n))
    assert shown_ids(page) == {r["id"] for r in site.records if r["instrument"] == instrument}
