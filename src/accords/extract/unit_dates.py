"""Dates written as numbers with unit words after them: 2025年9月8日, 9月8日, 令和7年9月8日, 2025년 9월 8일.

Chinese, Japanese and Korean write a date as year, month and day numbers each followed by its
unit (`date_words.yaml: unit_dates`); a space may stand between a number and its unit (Korean).
Japanese also counts years by era (令和7年 = 2025, 平成元年 = 1989): the eras and their first
years come from japanera (its table is Wikipedia's list of Japanese eras), from Meiji on, the
eras a news text uses. Full-width digits (２０２５) are digits to `regex` and to `int`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import regex
from japanera import ERA_DATA_GENERAL

_FIRST_MODERN_ERA = 1868  # Meiji: older eras follow the lunar calendar and are not news dates


@dataclass(frozen=True, slots=True)
class UnitDate:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None


@cache
def _eras() -> dict[str, int]:
    """Era name -> the Gregorian year of its first year."""
    return {e.kanji: e.since.year for e in ERA_DATA_GENERAL if e.kanji and e.since.year >= _FIRST_MODERN_ERA}


def _alts(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)


@cache
def _pattern(years: tuple[str, ...], months: tuple[str, ...], days: tuple[str, ...]) -> regex.Pattern[str] | None:
    if not months:
        return None
    era = f"(?P<era>{_alts(_eras())})?" if years else ""
    year = rf"(?:{era}(?P<y>\d{{1,4}}|元)\s?(?:{_alts(years)})\s?)?" if years else ""
    day = rf"(?:\s?(?P<d>\d{{1,2}})\s?(?:{_alts(days)}))?" if days else ""
    lone_day = rf"|(?<!\d)(?P<ld>\d{{1,2}})\s?(?:{_alts(days)})" if days else ""
    return regex.compile(rf"(?<!\d){year}(?P<m>\d{{1,2}})\s?(?:{_alts(months)}){day}{lone_day}")


def _year(m: regex.Match[str]) -> int | None:
    if not m.group("y"):
        return None
    n = 1 if m.group("y") == "元" else int(m.group("y"))
    era = m.groupdict().get("era")
    return _eras()[era] + n - 1 if era else n


def unit_dates(text: str, units: dict[str, list[str]]) -> Iterator[UnitDate]:
    """Every date of numbers and unit words in `text`; a day alone (16日) has no month."""
    pat = _pattern(tuple(map(str, units.get("year", []))), tuple(map(str, units.get("month", []))),
                   tuple(map(str, units.get("day", []))))
    if pat is None:
        return
    for m in pat.finditer(text):
        if m.group("ld"):
            d = int(m.group("ld"))
            if 1 <= d <= 31:
                yield UnitDate(m.start(), m.end(), None, None, d)
            continue
        mo, d = int(m.group("m")), int(m.group("d")) if m.group("d") else None
        if 1 <= mo <= 12 and (d is None or 1 <= d <= 31):
            yield UnitDate(m.start(), m.end(), _year(m), mo, d)
