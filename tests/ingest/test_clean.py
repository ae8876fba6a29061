import pytest

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


# -- the page as it is: lines broken inside a sentence, links to other articles, tag lines --------

def _wrapped(*lines: str) -> str:
    return "\n".join(lines)


@pytest.mark.parametrize("text, joined", [
    # hard-wrapped page: lines that fill the width run on, whatever their next word
    (_wrapped("Headline of the story",
              "",
              "PARIS, 3 March - The foreign ministers of Chile and Morocco signed a memorandum on",
              "Monday in Rabat on water management, the ministries said in a joint statement today.",
              "The document covers desalination, irrigation and the training of engineers in both",
              "countries."),
     ["PARIS, 3 March - The foreign ministers of Chile and Morocco signed a memorandum on Monday in Rabat"
      " on water management, the ministries said in a joint statement today.",
      "The document covers desalination, irrigation and the training of engineers in both countries."]),
    # a lower-case start carries the sentence on, however short the line
    (_wrapped("В среду в присутствии двух президентов",
              "министры подписали соглашение о сотрудничестве."),
     ["В среду в присутствии двух президентов министры подписали соглашение о сотрудничестве."]),
    # a line that already ends one sentence and opens another carries it on
    (_wrapped("Die Minister trafen sich in Wien. Unterzeichnet wurde dabei das erste gemeinsame",
              "Abkommen beider Staaten über Forschung."),
     ["Die Minister trafen sich in Wien. Unterzeichnet wurde dabei das erste gemeinsame Abkommen beider"
      " Staaten über Forschung."]),
    # no capitals: a long line left open, then a line that ends the sentence
    (_wrapped("تقریب میں جامعہ کی جانب سے وائس چانسلر ڈاکٹر حامد نسیم اور مہمان جامعہ کے صدر ڈاکٹر رضا کریمی نے",
              "دستاویزات پر دستخط کیے۔"),
     ["تقریب میں جامعہ کی جانب سے وائس چانسلر ڈاکٹر حامد نسیم اور مہمان جامعہ کے صدر ڈاکٹر رضا کریمی نے"
      " دستاویزات پر دستخط کیے۔"]),
    # a comma at the end of a line
    (_wrapped("Le ministre des Affaires étrangères,", "Jean Dupont, a signé l'accord."),
     ["Le ministre des Affaires étrangères, Jean Dupont, a signé l'accord."]),
])
def test_a_line_broken_inside_a_sentence_is_joined(text, joined):
    c = clean_text(text)
    assert len(c.text) == len(text.strip("\n"))  # one character for one: offsets hold
    assert [p for p in c.text.split("\n") if p.strip()][-len(joined):] == joined


@pytest.mark.parametrize("text", [
    "Japan and Peru sign trade pact\nFebruary 22, 2023 04:12 pm\n\nThe ministers signed it today.",
    "Россия и Индия подписали соглашение\n5 декабря 2025, 16:42\nТекст: редакция",
    "Les points clés :\n• la formation ;\n• la recherche.",
    "הסכם נחתם היום\nמאת כתב החדשות",
    "پاکستان اور ایران کے درمیان تعاون کے معاہدوں پر دستخط کی تقریب\nاشاعت کی تاریخ: 3 اگست\n\nمتن۔",
    "Minister signs a migration agreement with Kenya\npress release 13 September 2024\n\nThe minister signed it today.",
    "Le ministre signe un accord avec le Kenya\npublié le 13 septembre 2024\n\nLe ministre l'a signé aujourd'hui.",
    "Kenya and Ghana sign a migration pact\nby John Smith\nNAIROBI - The ministers signed the pact today.",
])
def test_headlines_datelines_and_lists_keep_their_lines(text):
    assert clean_text(text).text.count("\n") == text.count("\n")


def test_joined_sentence_gives_exact_spans_in_the_stored_text():
    text = ("The ministers of Ghana and Peru met in Lima and under a protocol that the two\n"
            "ministers signed on Monday the countries will share data.")
    c = clean_text(text)
    i = c.text.index("two ministers signed")
    assert c.text[i:i + len("two ministers signed")] == "two ministers signed"


@pytest.mark.parametrize("text, kept", [
    ("Body of the article.\nRead also: Two states sign a trade agreement\nEnd of the body.",
     "Body of the article.\nEnd of the body."),
    ("Текст статьи.\nЧитайте также: Стороны подписали меморандум\nКонец текста.", "Текст статьи.\nКонец текста."),
    ("نص المقال.\nاقرأ أيضًا\nتوقيع اتفاقية للتعاون بين البلدين\nتتمة النص.", "نص المقال.\nتتمة النص."),
    ("Texte de l'article.\nÀ lire aussi : La France et le Maroc signent un accord\nSuite.",
     "Texte de l'article.\nSuite."),
    ("Body text.\nTags: Japan, Grant, Hospitals", "Body text."),
    ("גוף הכתבה.\nתגיות: ישראל  גרמניה", "גוף הכתבה."),
    ("Metin.\nEtiketler: Türkiye, Azerbaycan", "Metin."),
])
def test_links_to_other_articles_and_tag_lines_are_not_the_article(text, kept):
    assert clean_text(text).text == kept


@pytest.mark.parametrize("text, kept", [
    ("Body text.\n#Вьетнам #Россия #То Лам #Путин", "Body text."),
    ("Body text.\n#Kenya #Germany #migration\nMore.", "Body text.\nMore."),
    ("Texte.\n#France #Maroc #accord\nSuite.", "Texte.\nSuite."),
    ("Cuerpo.\nComparte esta noticia\nMás.", "Cuerpo.\nMás."),
])
def test_hashtag_and_share_lines_are_not_the_article(text, kept):
    assert clean_text(text).text == kept


def test_a_bracketed_aside_in_a_sentence_is_kept():
    text = "The ministers signed the accord (the photo was taken by the ministry) in Rome."
    assert clean_text(text).text == text
