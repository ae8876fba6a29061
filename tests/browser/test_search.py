"""Searching the sources in Arabic, Hebrew and Chinese, with words taken from what was ingested:
a country's name in that language (CLDR, through Babel) as one of the stored articles writes it."""

from __future__ import annotations

import re
from urllib.parse import quote, urlparse

import pytest
from playwright.sync_api import Page, expect

from accords.text.normalize import fold_str

from . import corpus
from .conftest import Site
from .test_list import shown_ids


def pick(site: Site, lang: str, clitic: bool) -> corpus.Term:
    """A name found in a stored source of `lang` that cites an agreement: with clitic=True, one
    that article writes only with a proclitic attached (so a whole-word search would miss it)."""
    terms = [t for t in corpus.country_terms(lang, site.texts(lang)) if site.agreements_citing(t.source)]
    if clitic:
        terms = [t for t in terms if t.only_with_clitic]
    assert terms, f"no {lang} source in the browser store names a country{' only behind a clitic' if clitic else ''}"
    return min(terms, key=lambda t: (" " in t.word, t.source, t.code))


def search_list(page: Page, site: Site, words: str) -> set[str]:
    """Type the words in the list's search box and send the form, as a user does."""
    page.goto(site.url("/agreements"))
    box = page.locator('form#filters input[name="q"]')
    box.fill(words)
    with page.expect_navigation():
        box.press("Enter")
    expect(box).to_have_value(words)
    return shown_ids(page)


def hits_for(page: Page, site: Site, words: str, lang: str) -> list[dict]:
    page.goto(site.url(f"/search?q={quote(words)}&lang={lang}"))
    hits = page.locator("li.hit")
    out = []
    for i in range(hits.count()):
        hit = hits.nth(i)
        links = hit.locator('a[href^="/agreements/"]').evaluate_all("as => as.map(a => a.getAttribute('href'))")
        out.append({"text": hit.inner_text(), "marked": hit.locator("mark").all_text_contents(),
                    "agreements": {urlparse(h).path.rsplit("/", 1)[1] for h in links}})
    return out


def assert_found(page: Page, site: Site, term: corpus.Term, words: str, lang: str) -> None:
    expected = site.agreements_citing(term.source)
    assert expected <= search_list(page, site, words), (words, expected)
    hits = hits_for(page, site, words, lang)
    mine = [h for h in hits if expected & h["agreements"]]
    assert mine, f"no hit for {words!r} links to {sorted(expected)}: {hits}"
    for h in mine:
        # the snippet shows the name, a word of it highlighted, whatever the folding
        assert fold_str(term.word) in fold_str(h["text"]), h
        marked = [fold_str(m) for m in h["marked"]]
        assert any(fold_str(w) in m for m in marked for w in term.word.split()), h


@pytest.mark.parametrize("lang", ["ar", "he"])
def test_search_finds_a_name_behind_a_clitic(page: Page, site: Site, site_langs: set[str], lang: str) -> None:
    term = pick(site, lang, clitic=True)
    assert_found(page, site, term, term.word, lang)


@pytest.mark.parametrize("lang", ["ar", "he"])
def test_search_with_the_clitic_typed(page: Page, site: Site, site_langs: set[str], lang: str) -> None:
    term = next(t for t in corpus.country_terms(lang, site.texts(lang))
                if t.clitic and site.agreements_citing(t.source))
    assert_found(page, site, term, term.clitic + term.word, lang)


def test_search_arabic_without_its_vowel_marks(page: Page, site: Site, site_langs: set[str]) -> None:
    term = pick(site, "ar", clitic=False)
    # a fatha after the first letter: how a user may type it; the sources are searched folded
    voweled = term.word[0] + "\u064e" + term.word[1:]
    assert_found(page, site, term, voweled, "ar")


def test_search_chinese_without_spaces(page: Page, site: Site, site_langs: set[str]) -> None:
    term = pick(site, "zh", clitic=False)
    text = site.texts("zh")[term.source]
    # the name sits inside a run of characters, with no space on either side
    assert any(m.start() > 0 and m.end() < len(text) and not text[m.start() - 1].isspace()
               and not text[m.end()].isspace() for m in re.finditer(re.escape(term.word), text))
    assert_found(page, site, term, term.word, "zh")
