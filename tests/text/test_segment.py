import pytest

from accords.text.segment import paragraphs, sentences


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "The Head, Brig. Gen. (Res.) Erez Askal, signed. US Vice President J.D. Vance came."
    got = [text[s.start:s.end] for s in sentences(text, ["brig", "gen", "res"])]
    assert got == ["The Head, Brig. Gen. (Res.) Erez Askal, signed.", "US Vice President J.D. Vance came."]


def test_arabic_question_mark_and_lines():
    text = "هل وقعت؟ نعم\nسطر ثان"
    assert [text[s.start:s.end] for s in sentences(text)] == ["هل وقعت؟", "نعم", "سطر ثان"]


def test_paragraphs_are_trimmed_non_blank_lines():
    text = "  one  \n\n two\n"
    assert [text[p.start:p.end] for p in paragraphs(text)] == ["one", "two"]


@pytest.mark.parametrize("raw", [
    "Italy will build two centres under a protocol that the prime minister\n"
    "and her Albanian counterpart signed in Rome on Monday.",
    "В пятницу в присутствии двух президентов\nстороны обменялись пакетом документов.",
    "בטקס שנערך היום בירושלים חתמו השרים על הסכם לשיתוף פעולה,\nכך נמסר ממשרד החוץ.",
])
def test_a_sentence_broken_across_lines_by_the_page_is_one_sentence(raw):
    from accords.ingest.clean import clean_text

    text = clean_text(raw).text
    got = sentences(text)
    assert len(got) == 1
    assert text[got[0].start:got[0].end] == raw.replace("\n", " ")


def test_danda_and_urdu_full_stop_end_sentences():
    hi = "भारत और जापान ने समझौते पर हस्ताक्षर किए। दोनों नेता मौजूद थे।"
    assert [hi[s.start:s.end] for s in sentences(hi)] == ["भारत और जापान ने समझौते पर हस्ताक्षर किए।", "दोनों नेता मौजूद थे।"]
    ur = "پاکستان اور ترکیہ نے معاہدے پر دستخط کیے۔ تقریب اسلام آباد میں ہوئی۔"
    assert len(sentences(ur)) == 2
