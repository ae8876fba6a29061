from accords.ingest.clean import clean_html, clean_text
from accords.ingest.published import from_dateline, from_url, normalise


def test_page_metadata_line_gives_the_date_and_is_dropped():
    c = clean_text(" date 2026-02-04 + ↺ − 16 px\n\nFirst sentence.\n\nSite.Az")
    assert (c.published, c.published_from, c.outlet) == ("2026-02-04", "page-metadata", "Site.Az")
    assert c.text == "First sentence."


def test_page_metadata_prefix_keeps_the_text_on_its_line():
    c = clean_text(" date 2025-07-08 Israel and the United States today signed.")
    assert c.text == "Israel and the United States today signed."


def test_credits_and_widgets_are_not_content():
    c = clean_text("Body text.\n- صور: فلان / GPO\nPhoto: Someone / Reuters\nShare\nTwitter\nMore body.")
    assert c.text == "Body text.\nMore body."


def test_html_main_text():
    html = ("<html><head><title>T</title></head><body><nav>Menu Home</nav><article><h1>Title</h1>"
            "<p>Japan and France signed a memorandum of understanding on energy in Paris today, the "
            "ministries said in a joint statement published on their websites.</p></article>"
            "<footer>© site</footer></body></html>")
    c = clean_html(html)
    assert "signed a memorandum of understanding" in c.text
    assert "Menu Home" not in c.text


def test_publication_dates():
    assert normalise("Tue, 03 Feb 2026 10:00:00 +0000") == "2026-02-03"
    assert normalise("2026-02-03T10:00:00Z") == "2026-02-03"
    assert from_url("https://news.test/2025/08/13/some-story") == "2025-08-13"
    assert from_dateline("19:17, 10 February 2026\nBody text that is long enough to not be a dateline.", "en") == "2026-02-10"
    assert from_dateline("Published by Agency 9 de julio, 2025\nBody.", "en") == "2025-07-09"
