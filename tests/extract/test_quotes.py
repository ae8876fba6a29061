import pytest

from accords.extract import extract
from accords.extract.quotes import is_speech, quote_spans
from accords.lang.pack import load


def spans(text):
    return [text[a:b] for a, b in quote_spans(text, load("en"))]


def test_nested_straight_quotes_give_the_outer_quote():
    text = 'He said: "We always say "next year in Jerusalem". Tell him to come." Then left.'
    assert spans(text) == ['"We always say "next year in Jerusalem". Tell him to come."']


def test_quote_over_paragraphs_reopened_each_paragraph():
    text = '"This is the first paragraph of it.\n"And this is the second one." he said.'
    assert spans(text) == ['"This is the first paragraph of it.\n"And this is the second one."']


def test_guillemets():
    text = "Il a dit « nous franchirons les obstacles. Nous avancerons » hier."
    assert spans(text) == ["« nous franchirons les obstacles. Nous avancerons »"]


def test_unclosed_quote_ends_with_its_paragraph():
    text = 'He said "this is cut off. The page ends\nNext line.'
    assert spans(text) == ['"this is cut off. The page ends']


def test_a_quoted_title_is_not_speech():
    text = 'They signed the "Framework Agreement on Cooperation in Artificial Intelligence" today.'
    assert spans(text) == []
    assert not is_speech('"Joint Training and Consultancy Memorandum"')
    assert is_speech('"Being a partner of the strongest nation in the world is a great honor for us,"')


# issue 10: "X said" after a quotation attributes it, X named by no title


@pytest.mark.parametrize("text, lang, speaker", [
    ('Kenya and Ghana signed an agreement on trade.\n\n"This is a great day for both our nations and our people,"'
     ' Mensah said at the ceremony.', "en", "Mensah"),
    ('Chile y Perú firmaron un acuerdo comercial.\n\n"Este acuerdo no se estaría firmando sin el trabajo de todos",'
     ' dijo Fuentes en una conferencia.', "es", "Fuentes"),
    ('President Samuel Okoro of Kenya and Ghana signed an agreement on trade.\n\n"This is a great day for both our'
     ' nations and our people," Okoro said.', "en", "Samuel Okoro"),
    ("وقعت مصر والأردن اتفاقية للتعاون في مجال المياه.\n\n«هذه خطوة مهمة لبلدينا وشعبينا في المستقبل»، قال سامي"
     " حداد للصحفيين.", "ar", "سامي حداد"),
    ('ישראל ויוון חתמו על הסכם בתחום האנרגיה.\n\n"זהו יום חשוב מאוד לשתי המדינות ולשני העמים שלנו", אמר יוסי'
     ' לוי לכתבים.', "he", "יוסי לוי"),
])
def test_a_name_by_the_quote_verb_after_a_quotation_is_its_speaker(text, lang, speaker):
    assert [q.speaker for e in extract(text, lang) for q in e.quotes] == [speaker]


@pytest.mark.parametrize("lang, text, quoted", [
    ("ru", "Министр заявил: „Мы подписали важное соглашение сегодня. Это большой шаг“. Потом Россия и Армения "
           "подписали меморандум.", "„Мы подписали важное соглашение сегодня. Это большой шаг“"),
    ("de", "„Das ist ein wichtiger Tag für beide Länder. Wir sind sehr froh“, sagte der Minister. Deutschland "
           "und Polen unterzeichneten ein Abkommen.",
     "„Das ist ein wichtiger Tag für beide Länder. Wir sind sehr froh“"),
    ("bg", "Министърът каза: „Това е важен ден за двете страни. Благодаря на всички“. След това България и "
           "Гърция подписаха споразумение.", "„Това е важен ден за двете страни. Благодаря на всички“"),
])
def test_a_mark_that_closes_one_pair_and_opens_another_closes_first(lang, text, quoted):
    # “ closes „…“ and opens “…”: the quotation ends there, not with the paragraph
    assert [text[a:b] for a, b in quote_spans(text, load(lang))] == [quoted]
