from accords.text.matcher import Matcher
from accords.text.normalize import fold


def found(m, text):
    return [(h.kind, h.value, text[h.start:h.end]) for h in m.find(fold(text))]


def test_arabic_clitics_and_nisba_endings():
    m = Matcher(prefixes=["و", "ب", "ل", "ال"], suffixes=["ي", "ية"], suffix_kinds=["party"])
    m.add("أذربيجان", "party", "AZ")
    m.add("القدس", "city", "Jerusalem")
    text = "وقعت إسرائيل وأذربيجان، وعن الجانب الأذربيجاني، بالقدس"
    assert found(m, text) == [("party", "AZ", "أذربيجان"), ("party", "AZ", "أذربيجان"), ("city", "Jerusalem", "القدس")]


def test_suffix_only_for_the_kinds_that_take_it():
    m = Matcher(prefixes=["ال"], suffixes=["ية"], suffix_kinds=["party"])
    m.add("رئيس", "role", "President")
    assert found(m, "الأهداف الرئيسية") == []


def test_turkish_apostrophe_suffix():
    m = Matcher()
    m.add("Türkiye", "party", "TR")
    assert found(m, "Türkiye'nin tutumu") == [("party", "TR", "Türkiye")]


def test_no_match_inside_a_word():
    m = Matcher()
    m.add("Iran", "party", "IR")
    assert found(m, "Iranian and Tirana") == []


def test_acronym_keeps_its_capitals():
    m = Matcher()
    m.add("US", "party", "US")
    assert found(m, "let us meet the US envoy") == [("party", "US", "US")]
