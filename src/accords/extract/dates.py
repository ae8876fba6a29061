"""Date expressions in a text, and what day (or month, or year) each one means.

Expressions are assembled from the language pack's date words (months, weekdays, relative
days, weeks, months and years, calendar months) and the numbers around them, so
"أمس الثلاثاء 3 فبراير 2026", "November 28, 2022", "13 Ağustos'ta", "le 1er mars",
"today (Tuesday)", "16 Shevat 5786" and "כ"ו באלול התש"פ" are one expression each.

Resolution uses the publication date for relative words and missing years, lets a written
weekday choose the year of a date written without one, and converts other calendars with
pyluach (Hebrew), hijridate (Hijri, Umm al-Qura) and persiantools (Solar Hijri). Precision is
never padded: "in January 2026" is 2026-01, "last year" is 2025, a range of days
("22–24 octobre") is its month, and a relative word without a publication date is nothing.
See docs/dates.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cache

import regex

from accords.extract.annotate import Doc
from accords.extract.unit_dates import unit_dates
from accords.text.matcher import Hit
from accords.text.normalize import fold_str

# A number, with an ordinal or case ending kept off its value: 1er, 2nd, 15-də, 2023-cü, 10-го.
_NUM = regex.compile(r"(?<!\d)\d{1,4}(?=(?:-?\p{Ll}{1,3})?(?!\p{L}|\d))")
_ORDINAL = regex.compile(r"^-?\p{Ll}{1,3}(?!\p{L})")
_OF = regex.compile(r"^\s*(?:of|de)\s+$")  # "the 3rd of March", "le 1er de mars"
_ISO = regex.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_YMD = regex.compile(r"(?<![\d./])(\d{4})[./](\d{1,2})[./](\d{1,2})(?![\d./]*\d)")
_DMY = regex.compile(r"(?<![\d./])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d]|[./]\d)")
_YEAR_SUFFIX = regex.compile(r"^[-‐'’]?\p{L}{0,4}(?!\p{L})")
_ARTICLE_GAP = regex.compile(r"^\s*(?:\p{L}{1,3}\s+|\p{L}['’-]?)?$")  # "depuis le 1er", "since the 3rd", "ה-"
_RANGE_DASH = ("-", "–", "—", "‐", "/", "&")

# Hebrew numerals (gematria): letter values, the geresh and gershayim in their ASCII forms too.
_GEMATRIA = {"א": 1, "ב": 2, "ג": 3, "ד": 4, "ה": 5, "ו": 6, "ז": 7, "ח": 8, "ט": 9, "י": 10,
             "כ": 20, "ך": 20, "ל": 30, "מ": 40, "ם": 40, "נ": 50, "ן": 50, "ס": 60, "ע": 70,
             "פ": 80, "ף": 80, "צ": 90, "ץ": 90, "ק": 100, "ר": 200, "ש": 300, "ת": 400}
_HEB_MARKS = "\"'״׳”“’"
_HEB_DAY_BEFORE = regex.compile(r"(?<![\p{Hebrew}\"'״׳])[בהול]?([א-ת][\"״][א-ת]|[א-ת]['׳])\s*$")
_HEB_YEAR_AFTER = regex.compile(r"^\s*(?:ב?שנת\s+)?((?:ה[\"'״׳]?)?[א-ת]{1,3}[\"״'׳][א-ת])(?![\p{L}])")
_PLAUSIBLE = {"hebrew": (5000, 6000), "hijri": (1300, 1600), "persian": (1300, 1500)}


def hebrew_number(token: str) -> int | None:
    """The value of a number written in Hebrew letters: ט"ז → 16, כ"ו → 26, ה' → 5, None if not one."""
    letters = [c for c in token if c not in _HEB_MARKS]
    if not letters or any(c not in _GEMATRIA for c in letters):
        return None
    return sum(_GEMATRIA[c] for c in letters)


def hebrew_year(token: str) -> int | None:
    """A Hebrew year in letters: תשפ"ו → 5786, התש"פ → 5780, ה'תשפ"ו → 5786."""
    t = token.strip()
    if len(t) > 2 and t[0] == "ה" and t[1] in _HEB_MARKS:  # ה' = the fifth millennium, written
        rest = hebrew_number(t[2:])
        return 5000 + rest if rest is not None and rest < 1000 else None
    letters = "".join(c for c in t if c not in _HEB_MARKS)
    if len(letters) > 2 and letters[0] == "ה":  # the article: "התש"פ" = the year (5)780
        letters = letters[1:]
    v = hebrew_number(letters)
    return 5000 + v if v is not None and 0 < v < 1000 else None


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date as written: its span and the parts it gives."""

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    rel_days: int | None = None
    rel_months: int | None = None
    calendar: str = "gregorian"
    rel_years: int | None = None
    rel_weeks: int | None = None
    ranged: bool = False  # a span of days ("22–24 octobre", "du 3 au 5 mai"): the month at most
    bound: bool = False  # the edge of a period ("since 8 May", "8 Mayıs'tan bu yana"), not an event day

    def resolve(self, published: dt.date | None, day_known: bool = True) -> str | None:
        """YYYY-MM-DD, YYYY-MM or YYYY when the expression fixes that much, else None."""
        if not day_known and (self.rel_days is not None or self.rel_weeks is not None
                              or (self.weekday is not None and not self.month)):
            return None  # the publication is known to the month only: no day to count from
        return _resolve(self, published)

    def weekday_conflict(self, published: dt.date | None) -> bool:
        """The written weekday is not the weekday of the written date."""
        if self.weekday is None or not (self.day or self.rel_days is not None):
            return False
        plain = replace(self, weekday=None)
        day = _as_date(plain.resolve(published))
        return bool(day and day.weekday() != self.weekday)

    @property
    def precision(self) -> str:
        """day, month, year or none: what the expression can fix at best."""
        if self.day or self.rel_days is not None or (self.weekday is not None and self.rel_weeks is not None):
            return "day"
        if self.weekday is not None:
            return "day"
        if self.month or self.rel_months is not None or self.rel_weeks is not None:
            return "month"
        if self.year or self.rel_years is not None:
            return "year"
        return "none"


def _as_date(value: str | None) -> dt.date | None:
    if value and len(value) == 10:
        return dt.date.fromisoformat(value)
    return None


def _convert(calendar: str, year: int, month: int, day: int) -> dt.date | None:
    try:
        if calendar == "hebrew":
            from pyluach.dates import HebrewDate

            return HebrewDate(year, month, day).to_pydate()
        if calendar == "hijri":
            from hijridate import Hijri

            return Hijri(year, month, day).to_gregorian()  # type: ignore[no-any-return]
        if calendar == "persian":
            from persiantools.jdatetime import JalaliDate

            return JalaliDate(year, month, day).to_gregorian()  # type: ignore[no-any-return]
    except (ValueError, OverflowError, ImportError, TypeError):
        return None
    return None


def _calendar_year(calendar: str, day: dt.date) -> int | None:
    """The year of another calendar that a Gregorian day falls in."""
    try:
        if calendar == "hebrew":
            from pyluach.dates import HebrewDate

            return int(HebrewDate.from_pydate(day).year)
        if calendar == "hijri":
            from hijridate import Gregorian

            return int(Gregorian(day.year, day.month, day.day).to_hijri().year)
        if calendar == "persian":
            from persiantools.jdatetime import JalaliDate

            return int(JalaliDate(day).year)
    except (ValueError, OverflowError, ImportError):
        return None
    return None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year_for(month: int, day: int | None, pub: dt.date) -> int:
    """The year of a month (and day) written without one: the last such date up to about a month
    after publication (an event announced a few weeks ahead keeps the publication year)."""
    if (month, day or 1) <= (pub.month, pub.day) or month - pub.month <= 1 and month >= pub.month:
        return pub.year
    return pub.year - 1


def _resolve(e: DateExpr, pub: dt.date | None) -> str | None:
    if e.calendar != "gregorian":
        return _resolve_calendar(e, pub)
    if e.month and not e.year and e.rel_years is not None and pub is not None:
        e = replace(e, year=pub.year + e.rel_years)  # 昨年7月, "May last year": the year is counted
    if e.month and e.day and not e.ranged:
        if e.year:
            got = _safe_date(e.year, e.month, e.day)
            return got.isoformat() if got else None
        if pub is None:
            return None
        if e.weekday is not None:  # the weekday chooses among the neighbouring years
            fits = [y for y in (pub.year, pub.year - 1, pub.year + 1)
                    if (d := _safe_date(y, e.month, e.day)) and d.weekday() == e.weekday
                    and d <= pub + dt.timedelta(days=45)]
            if len(fits) >= 1:
                return dt.date(fits[0], e.month, e.day).isoformat()
        got = _safe_date(_year_for(e.month, e.day, pub), e.month, e.day)
        return got.isoformat() if got else None
    if e.month:
        if e.year:
            return f"{e.year:04d}-{e.month:02d}"
        if pub is None:
            return None
        return f"{_year_for(e.month, None, pub):04d}-{e.month:02d}"
    if e.year and e.rel_days is None and e.weekday is None:
        return f"{e.year:04d}"
    if pub is None:
        return None
    if e.day and e.weekday is None and e.rel_days is None:
        return _day_of_month(e.day, pub)
    if e.rel_days is not None:
        return (pub + dt.timedelta(days=e.rel_days)).isoformat()
    if e.rel_weeks is not None:
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=e.rel_weeks)
        if e.weekday is not None:
            return (monday + dt.timedelta(days=e.weekday)).isoformat()
        sunday = monday + dt.timedelta(days=6)
        if e.rel_weeks == 0:
            sunday = min(sunday, pub)
        # a week is a month only when it lies in one month; otherwise it fixes nothing we can write
        one_month = (monday.year, monday.month) == (sunday.year, sunday.month)
        return f"{monday.year:04d}-{monday.month:02d}" if one_month else None
    if e.weekday is not None:
        back = (pub.weekday() - e.weekday) % 7
        return (pub - dt.timedelta(days=back)).isoformat()
    if e.rel_months is not None:
        m = pub.month - 1 + e.rel_months
        return f"{pub.year + m // 12:04d}-{m % 12 + 1:02d}"
    if e.rel_years is not None:
        return f"{pub.year + e.rel_years:04d}"
    return None


def _day_of_month(day: int, pub: dt.date) -> str | None:
    """A day written without its month (16日讯, "on the 16th"): the last such day up to publication."""
    month = dt.date(pub.year, pub.month, 1)
    if day > pub.day:
        month = (month - dt.timedelta(days=1)).replace(day=1)
    got = _safe_date(month.year, month.month, day)
    return got.isoformat() if got else None


def _resolve_calendar(e: DateExpr, pub: dt.date | None) -> str | None:
    if not (e.month and e.day):
        return None
    if e.year:
        got = _convert(e.calendar, e.year, e.month, e.day)
        return got.isoformat() if got else None
    if pub is None:
        return None
    year = _calendar_year(e.calendar, pub)
    if year is None:
        return None
    for y in (year, year - 1):
        got = _convert(e.calendar, y, e.month, e.day)
        if got and got <= pub + dt.timedelta(days=31):
            return got.isoformat()
    return None


class _Numbers:
    """Numbers in the text, by position."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # `regex` knows digits of newer Unicode than Python's int() does: those are no numbers here
        self.items = [(m.start(), m.end(), int(m.group())) for m in _NUM.finditer(doc.text) if m.group().isdecimal()]

    def right_after(self, pos: int, max_gap: int = 3) -> tuple[int, int, int] | None:
        for s, e, v in self.items:
            if s >= pos:
                gap = self.doc.text[pos:s]
                return (s, e, v) if len(gap) <= max_gap and not any(c.isalpha() or c.isdigit() for c in gap) else None
        return None

    def right_before(self, pos: int, max_gap: int = 3) -> tuple[int, int, int] | None:
        best = None
        for s, e, v in self.items:
            if e > pos:
                break
            best = (s, e, v)
        if best is None:
            return None
        gap = self.doc.text[best[1]:pos]
        m = _ORDINAL.match(gap)  # "1er mars", "22nd of"
        if m:
            gap = gap[m.end():]
        if _OF.match(gap):
            return best
        if len(gap) <= max_gap and not any(c.isalpha() for c in gap):
            return best
        return None

    def last_before(self, pos: int, max_gap: int) -> tuple[int, int, int] | None:
        """The number ending at most `max_gap` characters before `pos`, whatever stands between."""
        best = None
        for s, e, v in self.items:
            if e > pos:
                break
            best = (s, e, v)
        return best if best and pos - best[1] <= max_gap else None

    def first_after(self, pos: int, max_gap: int) -> tuple[int, int, int] | None:
        for s, e, v in self.items:
            if s >= pos:
                return (s, e, v) if s - pos <= max_gap else None
        return None

    def year_before(self, pos: int) -> tuple[int, int] | None:
        """A year written before the month: "2023-cü ilin martında", "2024 yılı Mart"."""
        text = self.doc.text[max(0, pos - 22) : pos]
        m = regex.search(r"((?:19|20)\d{2})(?:-?\p{Ll}{1,3})?\s+(?:\p{L}{1,6}\s+)?$", text)
        if m and m.group(1).isdecimal():
            return int(m.group(1)), pos - len(text) + m.start(1)
        return None


_YEAR_OF = regex.compile(r"\s*(?:de|del|of)\s+(?=\d{4})")  # "3 de febrero de 2026"


def _year_after(nums: _Numbers, text: str, pos: int) -> tuple[int, int] | None:
    m_of = _YEAR_OF.match(text, pos)
    if m_of:
        pos = m_of.end()
    got = nums.right_after(pos, max_gap=3)
    if got and got[1] - got[0] == 4:
        end = got[1]
        m = _YEAR_SUFFIX.match(text[end:])  # "2026-cı", "2025'te", "1447هـ"
        return got[2], (end + m.end() if m and m.end() <= 4 else end)
    return None


class _Ranges:
    """What joins two days into a span: a dash, or one of the pack's range words ("au", "to", "и")."""

    def __init__(self, doc: Doc) -> None:
        self.words = {fold_str(str(w)) for w in doc.pack.get("date_words.yaml", "range_words")}

    def joins(self, gap: str) -> bool:
        g = gap.strip()
        return g in _RANGE_DASH or (bool(g) and fold_str(g) in self.words)


def _month_expr(h: Hit, nums: _Numbers, text: str, ranges: _Ranges) -> DateExpr:
    start, end = h.start, h.end
    day = year = None
    ranged = False
    before = nums.right_before(h.start)
    if before and 1 <= before[2] <= 31 and before[1] - before[0] <= 2:
        day, start = before[2], before[0]
        first = nums.last_before(start, max_gap=8)  # "22–24 octobre", "du 3 au 5 mai", "22 و24"
        if first and 1 <= first[2] <= 31 and first[1] - first[0] <= 2 \
                and ranges.joins(_strip_ordinal(text[first[1]:start])):
            ranged, start = True, first[0]
    y = _year_after(nums, text, end)
    if day is None:
        after = nums.right_after(end)
        if after and 1 <= after[2] <= 31 and after[1] - after[0] <= 2:
            day, end = after[2], after[1]
            m = _ORDINAL.match(text[end:])  # "February 3rd, 2026"
            if m:
                end += m.end()
            second = nums.first_after(end, max_gap=8)  # "October 22-24, 2025"
            if second and 1 <= second[2] <= 31 and second[1] - second[0] <= 2 and ranges.joins(text[end:second[0]]):
                ranged, end = True, second[1]
            y = _year_after(nums, text, end)
    if y:
        year, end = y
    else:  # "2023 წლის 12 მარტს", "2023-cü ilin martında": the year first
        yb = nums.year_before(start)
        if yb:
            year, start = yb
    return DateExpr(start, end, year=year, month=int(h.value), day=None if ranged else day,  # type: ignore[call-overload]
                    ranged=ranged)


def _word_end(text: str, pos: int, most: int = 4) -> int:
    end = pos
    while end < len(text) and end - pos < most and text[end].isalpha():
        end += 1
    return end if end == len(text) or not text[end].isalpha() else pos


def _strip_ordinal(gap: str) -> str:
    m = _ORDINAL.match(gap)
    return gap[m.end():] if m else gap


def _calendar_expr(h: Hit, nums: _Numbers, text: str, also_gregorian: bool) -> DateExpr | None:
    calendar, month = h.value  # type: ignore[misc]
    lo, hi = _PLAUSIBLE.get(calendar, (0, 0))
    start = end = None
    day = year = None
    before = nums.right_before(h.start)
    if before and 1 <= before[2] <= 31:
        day, start = before[2], before[0]
    elif calendar == "hebrew":
        m = _HEB_DAY_BEFORE.search(text[max(0, h.start - 8):h.start])
        if m:
            v = hebrew_number(m.group(1))
            if v and 1 <= v <= 30:
                day, start = v, h.start - (len(text[max(0, h.start - 8):h.start]) - m.start(1))
    if day is None or start is None:
        return None
    word_end = _word_end(text, h.end)  # "рамадана": the case ending after the listed form
    y = _year_after(nums, text, word_end)
    if y and lo < y[0] < hi:
        year, end = y
    elif calendar == "hebrew" and (m := _HEB_YEAR_AFTER.match(text[word_end:word_end + 24])):
        year, end = hebrew_year(m.group(1)), word_end + m.end(1)
    if year is None:
        if y or also_gregorian:
            return None  # a year of another calendar, or a month name shared with the Gregorian one
        end = word_end
    return DateExpr(start, end, year=year, month=month, day=day, calendar=calendar)


def _decimal(m: regex.Match[str]) -> bool:
    """Every digit group Python can read (`regex` knows digits of newer Unicode than int())."""
    return all(g.isdecimal() for g in m.groups() if g and g[0] not in "./-")


def _numeric(doc: Doc) -> list[DateExpr]:
    out = []
    lang = doc.lang
    for m in _ISO.finditer(doc.text):
        if _decimal(m):
            out.append(_ymd(m.start(), m.end(), int(m[1]), int(m[2]), int(m[3]), lang))
    for m in _YMD.finditer(doc.text):
        if _decimal(m):
            out.append(_ymd(m.start(), m.end(), int(m[1]), int(m[2]), int(m[3]), lang))
    for m in _DMY.finditer(doc.text):
        if not _decimal(m):
            continue
        a, b, y = int(m[1]), int(m[3]), int(m[4])
        if lang == "en" and a <= 12 and b <= 12 and a != b and m[2] == "/":
            continue  # 03/04/2025: 3 April or March 4 — English writes both; the day is not known
        if lang == "en" and b > 12 and a <= 12 and m[2] == "/":
            a, b = b, a  # 09/23/2025: month first
        cal = _numeric_calendar(y, lang)
        out.append(DateExpr(m.start(), m.end(), y, b, a, calendar=cal))
    return [e for e in out if e.month and 1 <= e.month <= 12 and e.day and 1 <= e.day <= 31]


def _unit_exprs(doc: Doc) -> list[DateExpr]:
    """2025年9月8日, 9月8日, 令和7年, 16日 (`unit_dates`; extract/unit_dates.py)."""
    units = doc.pack.get("date_words.yaml", "unit_dates")
    return [DateExpr(u.start, u.end, u.year, u.month, u.day) for u in unit_dates(doc.text, units)] if units else []


def _ymd(s: int, e: int, y: int, mo: int, d: int, lang: str) -> DateExpr:
    return DateExpr(s, e, y, mo, d, calendar=_numeric_calendar(y, lang))


def _numeric_calendar(year: int, lang: str) -> str:
    """A numeric date with a year of the 1300s or 1400s is Solar Hijri in Persian (۱۴۰۴/۱۱/۱۵)."""
    if lang == "fa" and 1300 < year < 1500:
        return "persian"
    return "gregorian"


def find_dates(doc: Doc, bounds: bool = False) -> list[DateExpr]:
    """Every date expression, adjacent parts joined (relative word + weekday + date).

    Expressions that mark the edge of a period ("since 8 May", "jusqu'au 3 mars") are left out
    unless `bounds` is true: they are never the day something was signed."""
    nums = _Numbers(doc)
    ranges = _Ranges(doc)
    parts: list[DateExpr] = _numeric(doc) + _unit_exprs(doc)
    taken = [(e.start, e.end) for e in parts]
    greg = {(h.start, h.end) for h in doc.hits if h.kind == "month"}
    cal_spans = []
    for h in doc.hits:
        if h.kind == "cal_month" and not any(a <= h.start < b for a, b in taken):
            e = _calendar_expr(h, nums, doc.text, (h.start, h.end) in greg)
            if e:
                parts.append(e)
                cal_spans.append((e.start, e.end))
    taken += cal_spans
    cased = doc.pack.cased
    locatives = {fold_str(str(w)) for w in doc.pack.get("places.yaml", "locatives")}
    for h in doc.hits:
        if any(a <= h.start < b for a, b in taken):
            continue
        if h.kind == "month":
            e = _month_expr(h, nums, doc.text, ranges)
            if e.day is None and e.year is None and not e.ranged and not _bare_month_ok(doc, h, cased, locatives):
                continue  # "may" the verb, "march" the noun
            parts.append(e)
        elif h.kind == "weekday":
            parts.append(DateExpr(h.start, h.end, weekday=int(h.value)))  # type: ignore[call-overload]
        elif h.kind == "rel_day":
            parts.append(DateExpr(h.start, h.end, rel_days=int(h.value)))  # type: ignore[call-overload]
        elif h.kind == "rel_month":
            parts.append(DateExpr(h.start, h.end, rel_months=int(h.value)))  # type: ignore[call-overload]
        elif h.kind == "rel_year":
            parts.append(DateExpr(h.start, h.end, rel_years=int(h.value)))  # type: ignore[call-overload]
        elif h.kind == "rel_week":
            parts.append(DateExpr(h.start, h.end, rel_weeks=int(h.value)))  # type: ignore[call-overload]
    joined = _join(doc.text, sorted(parts, key=lambda e: (e.start, -e.end)))
    joined = _same_day(doc, joined)
    marked = _mark_bounds(doc, joined)
    return marked if bounds else [e for e in marked if not e.bound]


def _bare_month_ok(doc: Doc, h: Hit, cased: bool, locatives: set[str]) -> bool:
    """A month name with no day or year counts when written as a name (a capital, in a language
    that capitalises months) or after a locative ("in", "en", "в", "في")."""
    word = doc.text[h.start:h.end]
    if not cased:
        return True
    if word[:1].isupper() and h.start > 0 and doc.text[max(0, h.start - 2):h.start].strip() not in (".", ""):
        return True
    before = doc.text[max(0, h.start - 12):h.start].split()
    return bool(before) and fold_str(before[-1]) in locatives


def _same_day(doc: Doc, exprs: list[DateExpr]) -> list[DateExpr]:
    """"That day", "o gün", "в тот же день": the day of the nearest full date before it."""
    hits = [h for h in doc.hits if h.kind == "same_day"]
    if not hits:
        return exprs
    out = list(exprs)
    for h in hits:
        if any(e.start <= h.start < e.end for e in out):
            continue
        prev = [e for e in out if e.end <= h.start and h.start - e.end < 600
                and (e.day or e.rel_days is not None) and not e.ranged]
        if prev:
            p = prev[-1]
            out.append(replace(p, start=h.start, end=h.end, bound=False))
    return sorted(out, key=lambda e: (e.start, -e.end))


def _mark_bounds(doc: Doc, exprs: list[DateExpr]) -> list[DateExpr]:
    before = [h for h in doc.hits if h.kind == "date_bound"]
    after = [h for h in doc.hits if h.kind == "date_bound_after"]
    year_words = tuple(fold_str(str(w)) for w in doc.pack.get("date_words.yaml", "year_words"))
    if not before and not after:
        return exprs
    out = []
    for e in exprs:
        if e.ranged:
            out.append(e)  # "from 3 to 5 May", "с 22 по 24 октября": a span, read as its month
            continue
        bound = any(0 <= e.start - h.end <= 6 and _ARTICLE_GAP.match(doc.text[h.end:e.start]) for h in before)
        if not bound:
            bound = any(0 <= h.start - e.end <= 16 and _year_word_gap(doc.text[e.end:h.start], year_words)
                        for h in after)
        out.append(replace(e, bound=True) if bound else e)
    return out


def _year_word_gap(gap: str, year_words: tuple[str, ...]) -> bool:
    """Nothing, or one year word with its ending ("2020-ci ildən bəri", "2024 yılından beri")."""
    words = gap.strip(" ,").split()
    return not words or (len(words) == 1 and any(fold_str(words[0]).startswith(w) for w in year_words))


def _join(text: str, parts: list[DateExpr]) -> list[DateExpr]:
    """Join parts separated only by spaces, commas or brackets into one expression."""
    out: list[DateExpr] = []
    for e in parts:
        if out and e.start < out[-1].end:
            continue
        gregorian = e.calendar == "gregorian" and bool(out) and out[-1].calendar == "gregorian"
        if gregorian and _joinable(text[out[-1].end:e.start], out[-1], e):
            a = out.pop()
            e = DateExpr(a.start, max(a.end, e.end), year=a.year or e.year, month=a.month or e.month,
                         day=a.day or e.day, weekday=a.weekday if a.weekday is not None else e.weekday,
                         rel_days=a.rel_days if a.rel_days is not None else e.rel_days,
                         rel_months=a.rel_months if a.rel_months is not None else e.rel_months,
                         rel_years=a.rel_years if a.rel_years is not None else e.rel_years,
                         rel_weeks=a.rel_weeks if a.rel_weeks is not None else e.rel_weeks,
                         ranged=a.ranged or e.ranged)
        out.append(e)
    return out


def _joinable(gap: str, a: DateExpr, b: DateExpr) -> bool:
    if a.month and b.month and a.month != b.month:
        return False  # two dates side by side, not one
    if a.day and b.day and a.day != b.day:
        return False
    if gap.strip() == "/" and a.month and a.month == b.month:
        return True  # "3 شباط/فبراير 2026": the month in two names
    return len(gap) <= 4 and all(c in " ,،()\u00a0-—" for c in gap)


@cache
def _ago_pattern(lang: str, phrases: tuple[str, ...]) -> regex.Pattern[str] | None:
    """The pack's phrases as one pattern over folded text, `*` standing for one word ("il y a * ans")."""
    alts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        parts = [r"\S{1,12}" if w == "*" else regex.escape(fold_str(w)) for w in phrase.split()]
        alts.append(r"\s+".join(parts))
    if not alts:
        return None
    return regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(alts) + r")(?![\p{L}])")


def ago_spans(doc: Doc) -> list[tuple[int, int]]:
    """Spans (original offsets) of a time counted back from the publication: "two years ago",
    "לפני כשנתיים", "два года назад", "iki yıl önce". No day can be read from one, but what
    happened then happened before the report."""
    cached = doc.cache.get("ago_spans")
    if cached is None:
        pattern = _ago_pattern(doc.lang, tuple(str(p) for p in doc.pack.get("date_words.yaml", "ago_phrases")))
        found = [doc.folded.span(m.start(), m.end()) for m in pattern.finditer(doc.folded.text)] if pattern else []
        cached = doc.cache["ago_spans"] = sorted(set(found))
    return cached  # type: ignore[return-value]
