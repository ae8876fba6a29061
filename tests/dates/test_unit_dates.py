"""Dates written as numbers with unit words: 2025年9月8日, 令和7年, 2025년 9월 8일."""

from __future__ import annotations

import datetime as dt

from accords.extract import annotate
from accords.extract.dates import find_dates
from accords.extract.unit_dates import unit_dates

_CJK = {"year": ["年"], "month": ["月"], "day": ["日", "号"]}
_KO = {"year": ["년"], "month": ["월"], "day": ["일"]}


def _parts(text, units):
    return [(u.year, u.month, u.day) for u in unit_dates(text, units)]


def test_full_partial_and_lone_days():
    assert _parts("2025年9月8日签署", _CJK) == [(2025, 9, 8)]
    assert _parts("9月8号签署", _CJK) == [(None, 9, 8)]
    assert _parts("2022年11月启动", _CJK) == [(2022, 11, None)]
    assert _parts("(北京16日讯)", _CJK) == [(None, None, 16)]
    assert _parts("２０２４年３月５日", _CJK) == [(2024, 3, 5)]


def test_japanese_eras():
    assert _parts("令和7年3月14日", _CJK) == [(2025, 3, 14)]
    assert _parts("平成31年4月10日", _CJK) == [(2019, 4, 10)]
    assert _parts("平成元年1月8日", _CJK) == [(1989, 1, 8)]


def test_korean_units_with_spaces():
    assert _parts("2025년 9월 8일 서명", _KO) == [(2025, 9, 8)]
    assert _parts("9월8일", _KO) == [(None, 9, 8)]


def test_no_date_from_counts_or_impossible_numbers():
    assert _parts("3か月後", _CJK) == []
    assert _parts("13月40日", _CJK) == []


def test_resolved_against_publication():
    pub = dt.date(2025, 9, 10)
    doc = annotate("9月8日(月)，两国签署协定。昨年7月の協定。", "zh")
    assert [e.resolve(pub) for e in find_dates(doc)][0] == "2025-09-08"
    doc = annotate("27日(周一)，两国签署协定。", "zh")
    assert [e.resolve(dt.date(2025, 10, 28)) for e in find_dates(doc)] == ["2025-10-27"]
    doc = annotate("昨年7月に署名した。16日に発表。", "ja")
    assert [e.resolve(dt.date(2025, 9, 10)) for e in find_dates(doc)] == ["2024-07", "2025-08-16"]
