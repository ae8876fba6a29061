"""The publication date of a source, and where it was found.

Order of trust: what the feed says; the page's HTML metadata (article:published_time and the
other meta tags, itemprop datePublished, JSON-LD datePublished, <time datetime>); the
page-metadata line of a page dump (`date 2026-02-04`, in clean.py); a dateline in the first
lines ("BAKU, Feb. 3 (Reuters)", "19:17, 10 февраля 2026", "- 11 fevral, 2026", "12/08/2021");
a date in the article's URL (/2025/08/13/). A dateline without a year takes its year from
the other metadata (a partial page date, the URL) or gives nothing: a publication date is
never invented. A dateline is read with the language pack's own date words first and
dateparser, with explicit languages, for the forms the packs do not cover.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings

import regex

from accords.text.dateline import HEAD_LINES as _HEAD_LINES
from accords.text.dateline import inline_dateline

_URL_DATE = regex.compile(r"/(20\d{2}|19\d{2})[/-](\d{1,2})(?:[/-](\d{1,2}))?(?=[/-]|$)")
# A date written without separators in a path: /20201201/, /news-20250813-, _20240617.html.
_URL_COMPACT = regex.compile(r"(?<=[/_-])((?:20|19)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)")
# A full date inside a slug: /kenya-signs-pact-2025-08-13/, /news_2025_08_13.html.
_URL_SLUG = regex.compile(r"(?<=[_-])((?:20|19)\d{2})([-_])(\d{1,2})\2(\d{1,2})(?=[/_.-]|$)")
_ISO_DATE = regex.compile(r"^\d{4}-\d{2}(-\d{2})?")
# A date-looking stretch of a dateline: "9 de julio, 2025", "10 февраля 2026", "Feb. 3, 2026", "15.09.2020".
_DATELIKE = regex.compile(
    r"\d{1,2}[./]\d{1,2}[./]\d{4}"
    r"|\d{1,2}\s+(?:de\s+)?\p{L}{3,12}\.?,?\s+(?:de\s+)?\d{4}"
    r"|\p{L}{3,12}\.?\s+\d{1,2},?\s+\d{4}"
)
_DATEPARSER_LANGS = ["en", "fr", "es", "de", "it", "pt", "ru", "tr", "az", "ar", "he", "uk", "fa"]
# A dateline is a short line near the top (the first _HEAD_LINES lines), each at most this long.
_HEAD_CHARS = 72


def normalise(value: str | None) -> str | None:
    """YYYY-MM-DD or YYYY-MM from a feed's date string (ISO 8601 or RFC 2822), else None."""
    if not value:
        return None
    value = value.strip()
    m = _ISO_DATE.match(value)
    if m:
        return m.group(0)
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    got = _parse(value, None)
    return got.isoformat() if got else None


def from_url(url: str | None) -> str | None:
    """The date an article's address gives (/2025/08/13/, /2025-08/, /20250813/), if a valid one."""
    if not url:
        return None
    path = regex.sub(r"^[a-z]+://[^/]+", "", url)  # a host name holds no date
    m = _URL_DATE.search(path) or _URL_COMPACT.search(path)
    if m is None and (slug := _URL_SLUG.search(path)):
        return _valid_day(slug[1], slug[3], slug[4])
    if not m or not all(g.isdecimal() for g in m.groups() if g):  # digits int() cannot read
        return None
    y, mo, d = int(m[1]), int(m[2]), int(m[3]) if m[3] else None
    try:
        return dt.date(y, mo, d).isoformat() if d else (f"{y:04d}-{mo:02d}" if 1 <= mo <= 12 else None)
    except ValueError:
        return None


def _valid_day(y: str, m: str, d: str) -> str | None:
    if not (y.isdecimal() and m.isdecimal() and d.isdecimal()):
        return None
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _parse(text: str, lang: str | None) -> dt.date | None:
    import dateparser

    langs = [lang] + [x for x in _DATEPARSER_LANGS if x != lang] if lang else _DATEPARSER_LANGS
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            got = dateparser.parse(text, languages=langs,
                                   settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True})
        except Exception:  # dateparser raises assorted errors on odd input; a dateline is optional
            return None
    if got is None or not (1900 < got.year < 2100):
        return None
    return got.date()


def from_dateline(text: str, lang: str | None, fallback: bool = True) -> str | None:
    """A full date in the first short lines of the text (with `fallback` False, only as the
    language pack reads dates: no dateparser, for a quick check of other metadata)."""
    from accords.errors import LanguageDataError
    from accords.extract.annotate import annotate
    from accords.extract.dates import find_dates

    for line in _head(text):
        if not any(c.isdigit() for c in line):
            continue  # a dateline's date has its day in figures
        if lang:
            try:
                for e in find_dates(annotate(line, lang)):
                    value = e.resolve(None)
                    if value and len(value) == 10 and _dateline_like(line, e.start, e.end):
                        return value
            except LanguageDataError:
                pass
        for m in _DATELIKE.finditer(line) if fallback else ():
            got = _parse(m.group(0), lang)
            if got and _dateline_like(line, m.start(), m.end()):
                return got.isoformat()
    return None


_WORD = regex.compile(r"\p{L}{2,}")


def _dateline_like(line: str, start: int, end: int) -> bool:
    """A dateline is a date with a few words (a place, an agency, a time, "Published by X"); a
    short line with more words is a headline, and a date in a headline is the news's date."""
    rest = line[:start] + " " + line[end:]
    words = len(_WORD.findall(rest))
    closes = not _WORD.search(line[end:])  # "Published by Agency (Full Name) 9 July 2025"
    return words <= 4 or (closes and words <= 8)


def dateline_day(text: str, lang: str | None) -> tuple[int, int] | None:
    """(month, day) of a dateline that gives no year ("BAKU, Feb. 3 (Reuters) —", "Москва, 18 октября")."""
    from accords.errors import LanguageDataError
    from accords.extract.annotate import annotate
    from accords.extract.dates import find_dates

    if not lang:
        return None
    for line in _head(text):
        if not any(c.isdigit() for c in line):
            continue
        try:
            exprs = find_dates(annotate(line, lang))
        except LanguageDataError:
            return None
        for e in exprs:
            if e.calendar == "gregorian" and e.month and e.day and not e.year and not e.ranged \
                    and _dateline_like(line, e.start, e.end):
                return e.month, e.day
    return None


def _head(text: str) -> list[str]:
    lines = [ln for ln in text.split("\n") if ln.strip()][:_HEAD_LINES]
    out = [ln for ln in lines if len(ln.strip()) <= _HEAD_CHARS]
    span = inline_dateline(text)
    if span:
        out.append(text[span[0]:span[1]])
    return out


def contradicted(meta: str | None, dateline: str | None) -> bool:
    """A page's metadata date (a dump's `date` line, a meta tag) that the text's own dateline
    contradicts: the page's template or a crawler wrote the one, the newsroom the other, so the
    text's is trusted ("date 2023-09-13" above "BAKU, 13 September 2024 -")."""
    if not meta or not dateline or len(dateline) != 10:
        return False
    return not dateline.startswith(meta[:10])


CRAWL_LAG = 31  # days: how long after a report a crawler may first see it


def crawl_lag(feed: str | None, dateline: str | None) -> bool:
    """A feed date a few days after the text's own dateline: the day a crawler saw the page, not
    the day the newsroom dated it, and "on Monday" counts from the newsroom's day. A dateline
    later than the feed, or a year before it (a typo: "13 September 2023" in a 2024 release), is
    not trusted over the feed."""
    if not feed or not dateline or len(feed) != 10 or len(dateline) != 10:
        return False
    try:
        lag = (dt.date.fromisoformat(feed) - dt.date.fromisoformat(dateline)).days
    except ValueError:
        return False
    return 0 < lag <= CRAWL_LAG


def with_year(month_day: tuple[int, int], partial: str | None) -> str | None:
    """A yearless dateline completed from other metadata (YYYY or YYYY-MM): same month if that
    says one, else nothing; never a guessed year."""
    if not partial:
        return None
    m = regex.match(r"^(\d{4})(?:-(\d{2}))?", partial)
    if not m or not all(g.isdecimal() for g in m.groups() if g):
        return None
    year = int(m[1])
    month, day = month_day
    if m[2] and int(m[2]) != month:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# Meta tags that carry the publication time, best first (property, name or itemprop).
_META_KEYS = ("article:published_time", "og:article:published_time", "og:published_time", "datepublished",
              "publishdate", "publish_date", "publish-date", "pubdate", "date.issued", "dc.date.issued",
              "dcterms.issued", "dcterms.created", "dc.date", "sailthru.date", "parsely-pub-date", "date")


def from_html(markup: str) -> str | None:
    """The publication date an HTML page declares in its markup (not in its text)."""
    try:
        import lxml.html
    except ImportError:  # pragma: no cover - lxml comes with trafilatura
        return None
    try:
        tree = lxml.html.fromstring(markup)
    except Exception:  # empty or broken markup: no metadata
        return None
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = el.get("content") or el.get("datetime")
        if key in _META_KEYS and value and key not in found:
            found[key] = value
    for key in _META_KEYS[:4]:
        got = normalise(found.get(key))
        if got:
            return got
    got = _json_ld(tree)
    if got:
        return got
    for el in tree.iter("time"):
        if (el.get("itemprop") or "").lower() == "datepublished" or el.get("pubdate") is not None:
            got = normalise(el.get("datetime") or el.text_content())
            if got:
                return got
    for key in _META_KEYS[4:]:
        got = normalise(found.get(key)) if found.get(key) else None
        if got and _ISO_DATE.match(got):
            return got
    for el in tree.iter("time"):
        got = normalise(el.get("datetime")) if el.get("datetime") else None
        if got:
            return got
    return None


def _json_ld(tree: object) -> str | None:
    for el in tree.iter("script"):  # type: ignore[attr-defined]
        if (el.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(el.text or "")
        except ValueError:
            continue
        got = _ld_date(data)
        if got:
            return got
    return None


def _ld_date(data: object) -> str | None:
    if isinstance(data, list):
        for x in data:
            got = _ld_date(x)
            if got:
                return got
    elif isinstance(data, dict):
        value = data.get("datePublished")
        if isinstance(value, str) and normalise(value):
            return normalise(value)
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            got = _ld_date(data.get(key))
            if got:
                return got
    return None
