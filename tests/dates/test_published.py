"""Publication dates: HTML metadata, page-metadata line, dateline, URL, in that order; never invented."""

import pytest

from accords.ingest import published as pub
from accords.ingest.clean import Cleaned, clean_html
from accords.ingest.read import RawInput
from accords.pipeline import _published

BODY = ("<article><p>Italy and Egypt signed a treaty on cultural cooperation in Cairo, the two "
        "ministries said in a joint statement published on their websites.</p></article>")


def page(head=""):
    return f"<html><head>{head}</head><body>{BODY}</body></html>"


@pytest.mark.parametrize("head, value", [
    ('<meta property="article:published_time" content="2025-03-04T10:00:00+00:00">', "2025-03-04"),
    ('<meta itemprop="datePublished" content="2024-11-02">', "2024-11-02"),
    ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2024-01-09T08:00:00Z"}]}</script>', "2024-01-09"),
    ('<script type="application/ld+json">[{"datePublished": "2023-07-30"}]</script>', "2023-07-30"),
    ('<meta name="pubdate" content="2022-05-17">', "2022-05-17"),
])
def test_html_metadata(head, value):
    c = clean_html(page(head))
    assert (c.published, c.published_from) == (value, "html-metadata")


def test_time_element():
    markup = page().replace("<article>", '<article><time datetime="2023-05-06T08:00">6 May</time>')
    assert pub.from_html(markup) == "2023-05-06"


def test_meta_before_json_ld():
    head = ('<meta property="article:published_time" content="2025-03-04">'
            '<script type="application/ld+json">{"datePublished": "2020-01-01"}</script>')
    assert pub.from_html(page(head)) == "2025-03-04"


@pytest.mark.parametrize("text, lang, value", [
    ("19:17, 10 февраля 2026\nТекст статьи, достаточно длинный, чтобы не быть строкой даты.", "ru", "2026-02-10"),
    ("- 11 fevral, 2026\n- 17:23\nMətn.", "az", "2026-02-11"),
    ("12/08/2021\nTexte de l'article.", "fr", "2021-08-12"),
    ("Published by Agency 9 de julio, 2025\nBody.", "en", "2025-07-09"),
    ("Ankara, 3 Şubat 2026 (AA)\nMetin.", "tr", "2026-02-03"),
    ("ירושלים, 3 בפברואר 2026\nגוף הכתבה.", "he", "2026-02-03"),
    ("القاهرة في 3 فبراير 2026\nنص الخبر.", "ar", "2026-02-03"),
    ("تهران - ۱۴ بهمن ۱۴۰۴\nمتن خبر.", "fa", "2026-02-03"),
])
def test_dateline(text, lang, value):
    assert pub.from_dateline(text, lang) == value


def test_headline_date_is_not_a_dateline():
    text = "Two neighbours sign a border treaty on 3 February 2026 after long talks\nBody."
    assert pub.from_dateline(text, "en") is None


@pytest.mark.parametrize("text, lang, month_day", [
    ("BAKU, Feb. 3 (Reuters) —\nThe body of the report.", "en", (2, 3)),
    ("Москва, 18 октября - АиФ\nТекст.", "ru", (10, 18)),
])
def test_dateline_without_year(text, lang, month_day):
    assert pub.from_dateline(text, lang) is None
    assert pub.dateline_day(text, lang) == month_day


@pytest.mark.parametrize("meta, cleaned, value, where", [
    ({"published": "Tue, 03 Feb 2026 10:00:00 +0000"}, Cleaned("BAKU, Feb. 1 (Reuters) —\nText."), "2026-02-03", "feed"),
    ({}, Cleaned("Text.", "2026-02-04", "page-metadata"), "2026-02-04", "page-metadata"),
    ({}, Cleaned("Text.", "2026-02-04", "html-metadata"), "2026-02-04", "html-metadata"),
    ({"url": "https://n.test/2025/08/13/story"}, Cleaned("Ankara, 12 Ağustos 2025\nMetin."), "2025-08-12", "dateline"),
    ({"url": "https://n.test/2025/08/13/story"}, Cleaned("Metin burada."), "2025-08-13", "url"),
    ({"url": "https://n.test/2026/02/story"}, Cleaned("BAKU, Feb. 3 (Reuters) —\nText."), "2026-02-03", "dateline+url"),
    ({}, Cleaned("BAKU, Feb. 3 (Reuters) —\nText.", "2026-02", "page-metadata"), "2026-02-03", "dateline+page-metadata"),
    ({}, Cleaned("BAKU, Feb. 3 (Reuters) —\nText."), None, None),
    ({}, Cleaned("Москва, 18 октября - АиФ\nТекст.", "2025-04", "page-metadata"), "2025-04", "page-metadata"),
    ({}, Cleaned("Text without any date."), None, None),
    # a page-metadata or meta-tag date that the text's dateline contradicts gives way to it
    ({}, Cleaned("BAKU, 13 September 2024 (AP) - Text.", "2023-09-13", "page-metadata"),
     "2024-09-13", "dateline"),
    ({}, Cleaned("Москва, 18 октября 2025 - АиФ\nТекст.", "2023-10-18", "html-metadata"),
     "2025-10-18", "dateline"),
    ({}, Cleaned("Ankara, 12 Ağustos 2025\nMetin.", "2024-08-12", "page-metadata"), "2025-08-12", "dateline"),
    # agreeing, the metadata stays first; the feed is never overruled
    ({}, Cleaned("Ankara, 12 Ağustos 2025\nMetin.", "2025-08-12", "page-metadata"), "2025-08-12", "page-metadata"),
    ({"published": "2024-09-13"}, Cleaned("press release 13 September 2023\nText."), "2024-09-13", "feed"),
    # a feed date days after the text's dateline is a crawl date: the dateline dates the report
    ({"published": "2025-03-09"}, Cleaned("BAKU, 5 March 2025 (AP) - Text."), "2025-03-05", "dateline"),
    ({"published": "2025-10-21"}, Cleaned("Москва, 18 октября 2025 - АиФ\nТекст."), "2025-10-18", "dateline"),
    ({"published": "2025-08-14"}, Cleaned("Ankara, 12 Ağustos 2025\nMetin."), "2025-08-12", "dateline"),
    # a dateline after the feed date is not trusted over it
    ({"published": "2025-08-10"}, Cleaned("Ankara, 12 Ağustos 2025\nMetin."), "2025-08-10", "feed"),
    # a date in the address when the feed and the page give none: /20201201/
    ({"url": "https://n.test/20201201/story-4256.html"}, Cleaned("Metin burada."), "2020-12-01", "url"),
])
def test_published_order(meta, cleaned, value, where):
    lang = "ru" if "Москва" in cleaned.text else "tr" if "Metin" in cleaned.text else "en"
    r = RawInput(origin="x", text=cleaned.text, raw_sha256="0", media_type="text/plain", encoding="utf-8", meta=meta)
    assert _published(r, cleaned, lang) == (value, where)


@pytest.mark.parametrize("url, value", [
    ("https://n.test/20201201/story-4256.html", "2020-12-01"),
    ("https://n.test/world/kenya-signs-pact-2025-08-13/", "2025-08-13"),
    ("https://n.test/news_2024_06_20.html", "2024-06-20"),
    ("https://n.test/internacional/2024-12-6-19-44-0-story", "2024-12-06"),
    ("https://n.test/a/27572896.html", None),       # an article number, not a date
    ("https://n.test/a/20251345/", None),           # no month 13
    ("https://20250101.n.test/story", None),        # a host name holds no date
    ("https://n.test/agenda-2030-goals", None),
])
def test_dates_in_the_address(url, value):
    assert pub.from_url(url) == value
