from accords.extract.quotes import quote_spans
from accords.lang.pack import load


def spans(text):
    return [text[a:b] for a, b in quote_spans(text, load("en"), min_len=5)]


def test_nested_straight_quotes_give_the_outer_quote():
    text = 'He said: "we always say "next year in Jerusalem" — come." Then left.'
    assert spans(text) == ['"we always say "next year in Jerusalem" — come."']


def test_quote_over_paragraphs_reopened_each_paragraph():
    text = '"First paragraph,\n"second paragraph." he said.'
    assert spans(text) == ['"First paragraph,\n"second paragraph."']


def test_guillemets():
    text = "Il a dit « nous franchirons les obstacles » hier."
    assert spans(text) == ["« nous franchirons les obstacles »"]


def test_unclosed_quote_ends_with_its_paragraph():
    text = 'He said "this is cut off\nNext line.'
    assert spans(text) == ['"this is cut off']
