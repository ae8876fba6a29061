import datetime as dt

import pytest

from accords.extract.annotate import annotate
from accords.extract.dates import find_dates

PUB = dt.date(2026, 2, 4)  # a Wednesday


def resolve(text, lang, published=PUB):
    return [(text[e.start:e.end], e.resolve(published)) for e in find_dates(annotate(text, lang))]


@pytest.mark.parametrize("text, lang, value", [
    ("It was signed on November 28, 2022, in Baku.", "en", "2022-11-28"),
    ("Signed on 3 February 2026.", "en", "2026-02-03"),
    ("They signed it yesterday.", "en", "2026-02-03"),
    ("They signed it today (Tuesday).", "en", "2026-02-04"),
    ("The deal was signed on Tuesday.", "en", "2026-02-03"),
    ("The declaration was signed last month.", "en", "2026-01"),
    ("Signed in January 2026.", "en", "2026-01"),
    ("وقعت أمس الثلاثاء 3 فبراير 2026.", "ar", "2026-02-03"),
    ("وقعت يوم 3 شباط 2026.", "ar", "2026-02-03"),
    ("وقعت يوم 3 شباط.", "ar", "2026-02-03"),
])
def test_signing_dates(text, lang, value):
    assert value in [v for _, v in resolve(text, lang)]


def test_no_publication_date_no_relative_day():
    assert resolve("They signed it yesterday.", "en", None) == [("yesterday", None)]


def test_hebrew_calendar_date_in_arabic_text():
    got = resolve("الموافق 16 شيفات 5786", "ar", None)
    assert ("16 شيفات 5786", "2026-02-03") in got


def test_weekday_that_contradicts_its_date():
    e = find_dates(annotate("Signed on Monday, 3 February 2026.", "en"))[0]
    assert e.weekday_conflict(None)


@pytest.mark.parametrize("token, value", [("ט\"ז", 16), ("ט״ו", 15), ("כ\"ו", 26), ("ה'", 5), ("י׳", 10), ("x", None)])
def test_hebrew_numerals(token, value):
    from accords.extract.dates import hebrew_number

    assert hebrew_number(token) == value


@pytest.mark.parametrize("token, year", [("תשפ\"ו", 5786), ("התש\"פ", 5780), ("ה'תשפ\"ו", 5786), ("תש\"ח", 5708)])
def test_hebrew_years(token, year):
    from accords.extract.dates import hebrew_year

    assert hebrew_year(token) == year


def test_weekday_chooses_year_of_a_yearless_date():
    # 3 February was a Tuesday in 2026 and a Monday in 2025
    assert ("Monday, 3 February", "2025-02-03") in resolve("Signed on Monday, 3 February.", "en", dt.date(2026, 2, 4))


def test_bounds_are_kept_only_on_request():
    doc = annotate("In force since 1 January 2025.", "en")
    assert find_dates(doc) == []
    assert [e.bound for e in find_dates(doc, bounds=True)] == [True]


def test_partial_precision_is_not_padded():
    assert resolve("Signed in March 2025.", "en") == [("March 2025", "2025-03")]
    assert resolve("Signed last year.", "en") == [("last year", "2025")]


def test_digits_newer_than_python_are_no_numbers():
    """`regex` matches digits of newer Unicode (U+11DE0...) that int() cannot read: no crash, no date."""
    from accords.extract import extract

    odd = "\U00011de0"
    for lang in ("ar", "en", "fa", "ru"):
        text = f"{odd} 2{odd * 3}-01-01 {odd * 2}/{odd}/2020 signed in 2{odd * 3}"
        assert extract(text, lang) == []
