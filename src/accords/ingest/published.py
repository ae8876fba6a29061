"""The publication date of a source, and where it was found.

Order of trust: what the feed or the page metadata says; a dateline in the first lines
("BAKU, Feb. 3 (Reuters)", "19:17, 10 февраля 2026", "Published by JNS 9 de julio, 2025");
a date in the article's URL (/2025/08/13/). A dateline is read with the language pack's own
date words first and dateparser, with explicit languages, for the forms the packs do not cover.
"""

from __future__ import annotations

import datetime as dt
import warnings

import regex

_URL_DATE = regex.compile(r"/(20\d{2}|19\d{2})[/-](\d{1,2})(?:[/-](\d{1,2}))?(?=[/-]|$)")
_ISO_DATE = regex.compile(r"^\d{4}-\d{2}(-\d{2})?")
# A date-looking stretch of a dateline: "9 de julio, 2025", "10 февраля 2026", "Feb. 3, 2026", "15.09.2020".
_DATELIKE = regex.compile(
    r"\d{1,2}[./]\d{1,2}[./]\d{4}"
    r"|\d{1,2}\s+(?:de\s+)?\p{L}{3,12}\.?,?\s+(?:de\s+)?\d{4}"
    r"|\p{L}{3,12}\.?\s+\d{1,2},?\s+\d{4}"
)
_DATEPARSER_LANGS = ["en", "fr", "es", "de", "it", "pt", "ru", "tr", "az", "ar", "he", "uk", "fa"]
# A dateline is a short line near the top: the first lines, each at most this long.
_HEAD_LINES = 8
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
    if not url:
        return None
    m = _URL_DATE.search(url)
    if not m:
        return None
    y, mo, d = int(m[1]), int(m[2]), int(m[3]) if m[3] else None
    try:
        return dt.date(y, mo, d).isoformat() if d else (f"{y:04d}-{mo:02d}" if 1 <= mo <= 12 else None)
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


def from_dateline(text: str, lang: str | None) -> str | None:
    """A full date in the first short lines of the text."""
    from accords.extract.annotate import annotate
    from accords.extract.dates import find_dates
    from accords.errors import LanguageDataError

    head_lines = [ln for ln in text.split("\n") if ln.strip()][:_HEAD_LINES]
    for line in head_lines:
        if len(line.strip()) > _HEAD_CHARS:
            continue
        if lang:
            try:
                for e in find_dates(annotate(line, lang)):
                    value = e.resolve(None)
                    if value and len(value) == 10:
                        return value
            except LanguageDataError:
                pass
        for m in _DATELIKE.finditer(line):
            got = _parse(m.group(0), lang)
            if got:
                return got.isoformat()
    return None
