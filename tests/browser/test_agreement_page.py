"""The seed agreement as an analyst reads it: both reports side by side, the Arabic one right to
left, the words behind each field highlighted in each, and the spelling the two disagree on."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .conftest import Site, screenshot

FIELDS = ("instrument", "parties", "signatories", "present", "date_signed", "place", "domains", "areas")


def open_seed(page: Page, site: Site, record: dict) -> None:
    response = page.goto(site.url(f"/agreements/{record['id']}"))
    assert response is not None and response.status == 200


def test_seed_sources_side_by_side_arabic_right_to_left(page: Page, site: Site, seed_record: dict) -> None:
    open_seed(page, site, seed_record)
    expect(page.locator("h1")).to_have_text(seed_record["title"])
    sections = page.locator("section.source")
    expect(sections).to_have_count(len(seed_record["sources"]))
    arabic = page.locator('section.source[lang="ar"]')
    english = page.locator('section.source[lang="en"]')
    expect(arabic).to_have_attribute("dir", "rtl")
    expect(english).to_have_attribute("dir", "ltr")
    assert arabic.evaluate("e => getComputedStyle(e.querySelector('.source-text')).direction") == "rtl"
    a, e = arabic.bounding_box(), english.bounding_box()
    assert a and e
    # side by side: one beside the other, not one under the other
    assert a["y"] < e["y"] + e["height"] and e["y"] < a["y"] + a["height"], (a, e)
    assert a["x"] + a["width"] <= e["x"] + 1 or e["x"] + e["width"] <= a["x"] + 1, (a, e)
    for s in seed_record["sources"]:
        section = page.locator(f'section.source[data-source="{s["id"]}"]')
        expect(section).to_have_attribute("lang", s["lang"])
        if s["outlet"]:
            expect(section).to_contain_text(s["outlet"])
        # a source's address is shown as text; the page never links out to it
        expect(section.locator('a[href^="http"], a[href^="//"]')).to_have_count(0)
    screenshot(page, "agreement-seed")


def test_seed_evidence_highlighted_in_both_sources(page: Page, site: Site, seed_record: dict) -> None:
    open_seed(page, site, seed_record)
    for s in seed_record["sources"]:
        text = page.locator(f'section.source[data-source="{s["id"]}"] .source-text')
        assert text.locator("mark.evidence").count() > 0, f"no highlighted evidence in the {s['lang']} source"
        for name in FIELDS:
            spans = [ev["text"] for ev in seed_record["evidence"].get(name, []) if ev["source"] == s["id"]]
            # the marks of a field, in reading order, hold the words of each of its spans
            shown = "".join(text.locator(f'mark.evidence[data-field~="{name}"]').all_text_contents())
            for words in spans:
                assert words in shown, (s["lang"], name, words)


def test_evidence_link_targets_its_mark(page: Page, site: Site, seed_record: dict) -> None:
    open_seed(page, site, seed_record)
    (date_ev,) = seed_record["evidence"]["date_signed"][:1]
    link = page.locator('dd[data-field="date_signed"] a.evidence-link').first
    href = link.get_attribute("href")
    assert href and href.startswith("#ev-"), href
    page.evaluate("window.scrollTo(0, 0)")
    link.click()
    assert page.evaluate("location.hash") == href
    mark = page.locator(f"mark.evidence{href}")
    expect(mark).to_have_attribute("data-field", "date_signed")
    expect(mark).to_be_in_viewport()
    # the browser's own target (the page works without its script); polled, as the browser may
    # settle the fragment after the click returns
    expect(page.locator(":target")).to_have_id(href[1:])
    expect(mark).to_have_text(date_ev["text"])
    source = mark.locator("xpath=ancestor::section[contains(@class, 'source')]")
    expect(source).to_have_attribute("data-source", date_ev["source"])


def test_discrepancy_listed(page: Page, site: Site, seed_record: dict) -> None:
    open_seed(page, site, seed_record)
    assert seed_record["discrepancies"], "the seeds disagree on the Israeli signatory's spelling"
    items = page.locator("#discrepancies li.discrepancy")
    expect(items).to_have_count(len(seed_record["discrepancies"]))
    for i, d in enumerate(seed_record["discrepancies"]):
        item = items.nth(i)
        expect(item).to_contain_text(d["field"])
        for v in d["values"]:
            expect(item).to_contain_text(str(v["value"]))
