from accords.ingest.read import RawInput
from accords.lang.detect import MARGIN, detect, identify
from accords.pipeline import SUPPORTED, process

# An English report that opens with the document's title and a paragraph quoted in Romanian:
# lingua, given the opening (or the whole text at once), calls it Romanian.
RO_QUOTE = ("„Declarația comună privind parteneriatul strategic dintre România și Republica Serbia” – "
            "acesta este titlul documentului semnat marți. Ministerul Afacerilor Externe de la București "
            "a transmis că declarația prevede cooperarea în domeniul energiei, al transporturilor și al "
            "protecției minorităților naționale. ")
EN_BODY = ("Serbia and Romania signed a joint declaration on strategic partnership on Tuesday, the two "
           "foreign ministries said. The document commits both governments to closer cooperation in energy, "
           "transport and the protection of national minorities living on either side of the border. "
           "Officials said work on a new road bridge across the Danube would begin next year, and that a "
           "joint commission would meet twice a year to review progress. ")

IT_TEXT = ("Il ministro degli esteri italiano e il suo omologo albanese hanno firmato oggi a Roma un "
           "accordo di cooperazione nel settore dell'energia e dei trasporti.")
# Dutch: a language lingua tells apart that no pack reads (Italian is read since issue 11).
NL_TEXT = ("De Nederlandse minister van Buitenlandse Zaken en zijn Belgische ambtgenoot hebben vandaag "
           "in Den Haag een overeenkomst over samenwerking op het gebied van energie ondertekend.")


def test_english_article_with_a_romanian_opening_is_english():
    text = RO_QUOTE * 4 + EN_BODY * 8  # the first 1200 characters are all Romanian
    found = identify(text)
    assert found.lang == "en" and detect(text) == "en"
    assert dict(found.candidates)["en"] > dict(found.candidates)["ro"]


def test_english_headline_naming_serbia_and_romania_is_english():
    # Two country names in a line of five words: lingua rates Romanian first, English close behind.
    found = identify("Serbia, Romania sign joint declaration on Danube navigation")
    top, best = found.candidates[0]
    assert top not in SUPPORTED  # the unsupported neighbour leads ...
    assert found.lang == "en" and best - found.confidence <= MARGIN  # ... but English is within the margin


def test_read_language_is_preferred_only_within_the_margin():
    found = identify("Serbia, Romania sign joint declaration on Danube navigation", readable=("de",))
    assert found.lang == found.candidates[0][0]  # German is far behind: the top candidate stands
    it = identify(IT_TEXT)
    assert it.lang == "it" and it.confidence > 0.9


def test_candidates_have_confidences_best_first():
    found = identify(EN_BODY)
    values = [v for _, v in found.candidates]
    assert found.lang == "en" and values == sorted(values, reverse=True)
    assert 0.9 < sum(values) <= 1.01 and found.confidence == values[0]
    assert identify("Москва и Баку подписали соглашение о сотрудничестве.").lang == "ru"
    assert identify("שלום").candidates == (("he", 1.0),)
    assert identify("12 34 ...").lang is None and detect("12 34") is None


def test_a_long_text_is_judged_on_parts_from_beginning_to_end():
    # 200 000 characters: Romanian only in its first tenth, which a prefix sample would see alone.
    text = RO_QUOTE * 50 + EN_BODY * 400
    found = identify(text)
    assert found.lang == "en" and 0 < dict(found.candidates)["ro"] < 0.3


def test_unsupported_language_note_names_the_file_and_the_language():
    done = process(RawInput("feeds/2025/den-haag.txt", NL_TEXT, "text/plain", "0" * 64))
    assert not done.events and done.note is not None
    assert done.note.startswith("feeds/2025/den-haag.txt: language Dutch (nl, confidence ")
    assert done.note.endswith("is not supported yet")
    assert done.candidates[0][0] == "nl" and done.source.lang == "nl"


def test_language_given_by_the_feed_is_named_as_given():
    done = process(RawInput("feed.jsonl#3", NL_TEXT, "text/plain", "0" * 64, "utf-8", {"lang": "nl"}))
    assert done.note == "feed.jsonl#3: language Dutch (nl, given by the feed) is not supported yet"
    assert done.candidates == ()
