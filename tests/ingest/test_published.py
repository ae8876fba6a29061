

def test_a_dateline_opening_the_first_paragraph():
    from accords.ingest.published import from_dateline, inline_dateline

    text = "Title of the page\nМосква, 18 октября 2025. – Россия и Иран подписали договор."
    start, end = inline_dateline(text)
    assert text[start:end].startswith("Москва, 18 октября 2025")
    assert from_dateline(text, "ru") == "2025-10-18"
    assert inline_dateline("In 2025, Azerbaijan and Israel signed an MoU - a first.") is None
