

def test_a_dateline_opening_the_first_paragraph():
    from accords.ingest.published import from_dateline, inline_dateline

    text = "Title of the page\nМосква, 18 октября 2025. – Россия и Иран подписали договор."
    start, end = inline_dateline(text)
    assert text[start:end].startswith("Москва, 18 октября 2025")
    assert from_dateline(text, "ru") == "2025-10-18"
    assert inline_dateline("In 2025, Azerbaijan and Israel signed an MoU - a first.") is None


def test_hindi_and_urdu_datelines_end_with_the_agency_or_the_danda():
    from accords.ingest.published import inline_dateline

    for text, opening in [("नई दिल्ली, 5 दिसंबर (भाषा) भारत और रूस ने समझौता किया।", "नई दिल्ली, 5 दिसंबर (भाषा)"),
                          ("اسلام آباد (ویب ڈیسک) پاکستان اور ترکیہ نے معاہدہ کیا۔", "اسلام آباد (ویب ڈیسک)"),
                          ("नई दिल्ली। भारत ने पत्र भेजा।", "नई दिल्ली।")]:
        start, end = inline_dateline(text)
        assert text[start:end].strip() == opening
    assert inline_dateline("भारत और रूस ने आज कई समझौते किए।") is None
