"""One document through the stages: clean, identify the language, date it, extract its events.

Each stage is a plain function over plain data (DESIGN: how data flows); this module only
chains them, so that a batch runner (a process pool, or Dask on a cluster) can map
`process` over inputs unchanged.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
from dataclasses import dataclass, field

from accords import __version__
from accords.errors import LanguageDataError
from accords.ingest import published as pub
from accords.ingest.clean import Cleaned, clean_html, clean_text
from accords.ingest.read import RawInput
from accords.lang.detect import Detection, identify, language_name, warm_detector
from accords.lang.pack import available
from accords.limits import paused
from accords.model import EventMention, Source

SUPPORTED = available()  # every folder under accords/lang with a language.yaml


@dataclass
class Processed:
    source: Source
    events: list[EventMention] = field(default_factory=list)
    note: str | None = None  # why nothing was extracted, when nothing was
    # The language candidates with lingua's confidence, best first (empty when the feed gave the language).
    candidates: tuple[tuple[str, float], ...] = ()


def source_id(text: str) -> str:
    """Content-derived id: the same text from two places is one source."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _clean(raw: RawInput) -> Cleaned:
    if raw.media_type == "text/html":
        return clean_html(raw.text, raw.meta.get("url"))
    return clean_text(raw.text)


def _published(raw: RawInput, cleaned: Cleaned, lang: str | None) -> tuple[str | None, str | None]:
    """The publication date and where it came from: feed, HTML metadata, page-metadata line,
    dateline, URL — in that order, save that a metadata date the text's dateline contradicts
    gives way to the dateline, and so does a feed date up to a month after it (a crawl date).
    A partial date (YYYY-MM) higher up is refined by a full one lower down that agrees with it;
    a dateline without a year takes the year of a partial date (feed, metadata, URL) or gives
    nothing."""
    given = pub.normalise(raw.meta.get("published"))
    meta = pub.normalise(cleaned.published) if cleaned.published else None
    url = pub.from_url(raw.meta.get("url") or cleaned.url)
    quick = pub.from_dateline(cleaned.text, lang, fallback=False) if given or meta else None
    if pub.contradicted(meta, quick):
        meta = None  # the page's metadata against the text's own dateline: the text is trusted
    if pub.crawl_lag(given, quick):
        return quick, "dateline"  # the feed's date is when a crawler saw the page
    ranked = [(given, "feed"), (meta, cleaned.published_from or "metadata")]
    for value, where in ranked:
        if value and len(value) == 10:
            return value, where
    higher = [v for v, _ in ranked if v]  # partial dates above the dateline: it must agree with them
    partial = [(v, w) for v, w in ranked + [(url, "url")] if v]
    line = pub.from_dateline(cleaned.text, lang)
    if line and all(line.startswith(v) for v in higher):
        return line, "dateline"
    if url and len(url) == 10 and all(url.startswith(v) for v in higher):
        return url, "url"
    month_day = pub.dateline_day(cleaned.text, lang)
    if month_day:
        for value, where in partial:
            full = pub.with_year(month_day, value)
            if full:
                return full, f"dateline+{where}"
    if partial:
        return partial[0]
    return None, None


def reference_date(value: str | None) -> tuple[dt.date | None, bool]:
    """The date to resolve relative and year-less dates against, and whether its day is known:
    a publication known to the month (2025-04) still gives "17 janvier" its year."""
    day = as_date(value)
    if day is not None:
        return day, True
    if value and len(value) == 7:
        try:
            first = dt.date(int(value[:4]), int(value[5:7]), 1)
        except ValueError:
            return None, True
        nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1), False
    return None, True


def as_date(value: str | None) -> dt.date | None:
    if value and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def process(raw: RawInput) -> Processed:
    """Clean, identify, date and extract one raw input."""
    from accords.extract import extract

    cleaned = _clean(raw)
    text = cleaned.text
    given = raw.meta.get("lang")
    if not given:
        with paused():
            warm_detector(text)
    found = Detection(given) if given else identify(text)
    lang = found.lang
    if lang:
        with paused():
            _warm_pack(lang)
    published, published_from = _published(raw, cleaned, lang)
    source = Source(
        id=source_id(text), origin=raw.origin, text=text, raw_sha256=raw.raw_sha256, lang=lang,
        url=raw.meta.get("url") or cleaned.url, outlet=raw.meta.get("outlet") or cleaned.outlet,
        published=published, published_from=published_from, title=raw.meta.get("title") or cleaned.title,
        encoding=raw.encoding, media_type=raw.media_type,
    )
    if not text.strip():
        return Processed(source, [], "no article text after cleaning")
    if lang is None:
        return Processed(source, [], f"{raw.origin}: no language could be identified")
    try:
        ref, day_known = reference_date(published)
        events = extract(text, lang, ref, day_known)
    except LanguageDataError:
        return Processed(source, [], _unsupported(raw, found), found.candidates)
    return Processed(source, events, candidates=found.candidates)


@functools.cache
def _warm_pack(lang: str) -> None:
    """Load a language's data before its first document is timed (see limits.paused)."""
    from accords.extract import annotate

    with contextlib.suppress(LanguageDataError):  # a language we do not read: process() says so
        annotate("x", lang)


def _unsupported(raw: RawInput, found: Detection) -> str:
    """The note of a text in a language we do not read: the file, the language and how sure."""
    said = f"{language_name(found.lang)} ({found.lang}, given by the feed)" if raw.meta.get("lang") \
        else found.describe()
    return f"{raw.origin}: language {said} is not supported yet"


EXTRACTOR_VERSION = f"accords-{__version__}"
