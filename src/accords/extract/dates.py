"""Date expressions in a text, and what day (or month) each one means.

Expressions are assembled from the language pack's date words (months, weekdays, relative
days, calendar months) and the numbers around them, so "أمس الثلاثاء 3 فبراير 2026",
"November 28, 2022", "13 Ağustos'ta", "today (Tuesday)" and "16 Shevat 5786" are one expression
each. Resolution uses the publication date for relative words and missing years, checks a
weekday against its date, and converts other calendars with pyluach and hijridate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from accords.extract.annotate import Doc
from accords.text.matcher import Hit

# A number, with an ordinal or case ending kept off its value: 1er, 2nd, 15-də, 2023-cü.
_NUM = regex.compile(r"\d{1,4}(?=(?:-?\p{Ll}{1,3})?(?!\p{L}))")
_ORDINAL = regex.compile(r"^-?\p{Ll}{1,3}(?!\p{L})")
_ISO = regex.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DMY = regex.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_YEAR_SUFFIX = regex.compile(r"^[-‐']?\p{L}{0,4}(?!\p{L})")


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

    def resolve(self, published: dt.date | None) -> str | None:
        """YYYY-MM-DD, YYYY-MM or YYYY when the expression fixes that much, else None."""
        return _resolve(self, published)

    def weekday_conflict(self, published: dt.date | None) -> bool:
        """The written weekday is not the weekday of the written date."""
        day = _as_date(self.resolve(published))
        return bool(day and self.weekday is not None and day.weekday() != self.weekday)


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
    except (ValueError, OverflowError, ImportError):
        return None
    return None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _resolve(e: DateExpr, pub: dt.date | None) -> str | None:
    if e.calendar != "gregorian":
        if e.year and e.month and e.day:
            got = _convert(e.calendar, e.year, e.month, e.day)
            return got.isoformat() if got else None
        return None
    if e.month and e.day:
        if e.year:
            got = _safe_date(e.year, e.month, e.day)
            return got.isoformat() if got else None
        if pub is None:
            return None
        year = pub.year if (e.month, e.day) <= (pub.month, pub.day) or e.month - pub.month < 0 else pub.year - 1
        if (e.month, e.day) > (pub.month, pub.day) and (e.month - pub.month) <= 1:
            year = pub.year  # a day just after publication: an event announced ahead, same year
        got = _safe_date(year, e.month, e.day)
        return got.isoformat() if got else None
    if e.month and e.year:
        return f"{e.year:04d}-{e.month:02d}"
    if pub is None:
        return None
    if e.rel_days is not None:
        return (pub + dt.timedelta(days=e.rel_days)).isoformat()
    if e.weekday is not None:
        back = (pub.weekday() - e.weekday) % 7
        return (pub - dt.timedelta(days=back)).isoformat()
    if e.rel_months is not None:
        m = pub.month - 1 + e.rel_months
        return f"{pub.year + m // 12:04d}-{m % 12 + 1:02d}"
    return None


class _Numbers:
    """Numbers in the text, by position."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.items = [(m.start(), m.end(), int(m.group())) for m in _NUM.finditer(doc.text)]

    def right_after(self, pos: int, max_gap: int = 3) -> tuple[int, int, int] | None:
        for s, e, v in self.items:
            if s >= pos:
                gap = self.doc.text[pos:s]
                return (s, e, v) if len(gap) <= max_gap and not any(c.isalpha() for c in gap) else None
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
        if len(gap) <= max_gap and not any(c.isalpha() for c in gap):
            return best
        return None

    def year_before(self, pos: int) -> tuple[int, int] | None:
        """A year written before the month: "2023-cü ilin martında", "2024 yılı Mart"."""
        text = self.doc.text[max(0, pos - 22) : pos]
        m = regex.search(r"((?:19|20)\d{2})(?:-?\p{Ll}{1,3})?\s+(?:\p{L}{1,6}\s+)?$", text)
        if m:
            return int(m.group(1)), pos - len(text) + m.start(1)
        return None


def _year_after(nums: _Numbers, text: str, pos: int) -> tuple[int, int] | None:
    got = nums.right_after(pos, max_gap=3)
    if got and got[1] - got[0] == 4:
        end = got[1]
        m = _YEAR_SUFFIX.match(text, end)  # "2026-cı", "2025'te"
        return got[2], (m.end() if m and m.end() - end <= 4 else end)
    return None


def _month_expr(h: Hit, nums: _Numbers, text: str) -> DateExpr:
    start, end = h.start, h.end
    day = year = None
    before = nums.right_before(h.start)
    if before and 1 <= before[2] <= 31 and before[1] - before[0] <= 2:
        day, start = before[2], before[0]
    y = _year_after(nums, text, end)
    if day is None:
        after = nums.right_after(end)
        if after and 1 <= after[2] <= 31 and after[1] - after[0] <= 2:
            day, end = after[2], after[1]
            y = _year_after(nums, text, end)
    if y:
        year, end = y
    elif day is None or start == h.start:
        yb = nums.year_before(start)
        if yb:
            year, start = yb
    return DateExpr(start, end, year=year, month=int(h.value), day=day)  # type: ignore[call-overload]


def _calendar_expr(h: Hit, nums: _Numbers, text: str) -> DateExpr | None:
    calendar, month = h.value  # type: ignore[misc]
    before = nums.right_before(h.start)
    y = _year_after(nums, text, h.end)
    if not before or not y:
        return None
    year = y[0]
    plausible = {"hebrew": 5000 < year < 6000, "hijri": 1300 < year < 1600, "persian": 1300 < year < 1500}
    if not plausible.get(calendar, False):
        return None
    return DateExpr(before[0], y[1], year=year, month=month, day=before[2], calendar=calendar)


def _numeric(doc: Doc) -> list[DateExpr]:
    out = []
    for m in _ISO.finditer(doc.text):
        out.append(DateExpr(m.start(), m.end(), int(m[1]), int(m[2]), int(m[3])))
    for m in _DMY.finditer(doc.text):
        out.append(DateExpr(m.start(), m.end(), int(m[3]), int(m[2]), int(m[1])))
    return [e for e in out if e.month and 1 <= e.month <= 12]


def find_dates(doc: Doc) -> list[DateExpr]:
    """Every date expression, adjacent parts joined (relative word + weekday + date)."""
    nums = _Numbers(doc)
    parts: list[DateExpr] = _numeric(doc)
    cal_spans = []
    for h in doc.hits:
        if h.kind == "cal_month":
            e = _calendar_expr(h, nums, doc.text)
            if e:
                parts.append(e)
                cal_spans.append((e.start, e.end))
    for h in doc.hits:
        if any(a <= h.start < b for a, b in cal_spans):
            continue
        if h.kind == "month":
            parts.append(_month_expr(h, nums, doc.text))
        elif h.kind == "weekday":
            parts.append(DateExpr(h.start, h.end, weekday=int(h.value)))  # type: ignore[call-overload]
        elif h.kind == "rel_day":
            parts.append(DateExpr(h.start, h.end, rel_days=int(h.value)))  # type: ignore[call-overload]
        elif h.kind == "rel_month":
            parts.append(DateExpr(h.start, h.end, rel_months=int(h.value)))  # type: ignore[call-overload]
    return _join(doc.text, sorted(parts, key=lambda e: (e.start, -e.end)))


def _join(text: str, parts: list[DateExpr]) -> list[DateExpr]:
    """Join parts separated only by spaces, commas or brackets into one expression."""
    out: list[DateExpr] = []
    for e in parts:
        if out and e.start < out[-1].end:
            continue
        if out and e.calendar == "gregorian" and out[-1].calendar == "gregorian" and _joinable(text[out[-1].end:e.start]):
            a = out.pop()
            e = DateExpr(a.start, max(a.end, e.end), year=a.year or e.year, month=a.month or e.month,
                         day=a.day or e.day, weekday=a.weekday if a.weekday is not None else e.weekday,
                         rel_days=a.rel_days if a.rel_days is not None else e.rel_days,
                         rel_months=a.rel_months if a.rel_months is not None else e.rel_months)
        out.append(e)
    return out


def _joinable(gap: str) -> bool:
    return len(gap) <= 4 and all(c in " ,،()\u00a0-—" for c in gap)
