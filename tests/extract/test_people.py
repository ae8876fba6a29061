import pytest

from accords.extract.annotate import annotate
from accords.extract.people import find_people


def people(text, lang):
    return [(p.name, p.role_en, p.party) for p in find_people(annotate(text, lang))]


@pytest.mark.parametrize("text, lang, expected", [
    ("Azerbaijan's Minister of Digital Development and Transport Rashad Nabiyev signed it.", "en",
     ("Rashad Nabiyev", "Minister", "AZ")),
    ("It was signed by the Head of the National Directorate, Brig. Gen. (Res.) Dana Levi.", "en",
     ("Dana Levi", "Head", None)),
    ("US Vice President J.D. Vance arrived.", "en", ("J.D. Vance", "Vice President", "US")),
    ("وقع وزير الدفاع التركي يشار غولر الاتفاق.", "ar", ("يشار غولر", "Defence Minister", "TR")),
    ("حضر رئيس الوزراء بنيامين نتنياهو.", "ar", ("بنيامين نتنياهو", "Prime Minister", None)),
])
def test_name_after_title(text, lang, expected):
    assert expected in people(text, lang)


def test_ranks_and_honorifics_stay_out_of_names():
    got = people("رئيس المديرية الوطنية، العميد (احتياط) سامي حداد، وقع.", "ar")
    assert got[0][0] == "سامي حداد"


def test_arabic_coordinated_presidents():
    got = people("وقّع الرئيسان الروسي أحمد كريم والإيراني علي رضا المعاهدة.", "ar")
    assert ("أحمد كريم", "President", "RU") in got
    assert ("علي رضا", "President", "IR") in got


def test_name_comma_role():
    got = people("Signed by Jean Martin, Minister of Culture of France.", "en")
    assert ("Jean Martin", "Minister", "FR") in got


def test_people_named_only_in_quotes_are_not_found():
    assert people('He said: "Send my greetings to President Samuel Okoro. He will be welcome here."', "en") == []


def test_a_name_never_starts_in_the_next_sentence():
    assert people("He met the Prime Minister. Talks went well.", "en") == []
