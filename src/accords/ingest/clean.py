"""From a raw article to the text that is stored: main text of HTML, page chrome removed.

Chrome is removed by whole lines (share widgets, photo credits, a trailing outlet signature) or
by a known prefix (the page-metadata line `date 2026-02-04 + ↺ − 16 px`), so what remains is the
publisher's text, unchanged, and every span into it is a span of the article's own words.
What the chrome said (the publication date, the outlet) is kept as the source's metadata.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache

import regex

from accords.lang.lexicon import shared

# `date 2026-02-04` (or `date 2025-04`) at the start of a page: the page's own metadata line.
_META_DATE = regex.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*")
# A publisher's name written as a web address: News.Az, Caliber.az, Metbuat.az.
_DOMAIN_NAME = regex.compile(r"\b(\p{Lu}[\p{L}\d-]*\.(?:[Aa][Zz]|com|net|org|ru|ge|tr|il|ae|fr|uk|az|info|news|co))\b")


@dataclass(frozen=True)
class Cleaned:
    text: str
    published: str | None = None
    published_from: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None


@cache
def _chrome() -> tuple[frozenset[str], tuple[str, ...], list[regex.Pattern[str]]]:
    data = shared("chrome.yaml")
    lines = frozenset(str(w).casefold() for w in data["widget_lines"])
    credits = tuple(str(w).casefold() for w in data["credit_words"])
    patterns = [regex.compile(p) for p in data["widget_patterns"]]
    return lines, credits, patterns


def _is_credit(line: str, credits: tuple[str, ...]) -> bool:
    low = line.strip().lstrip("-–—•*( ").casefold()
    if len(low) > 120:
        return False
    for w in credits:
        if low.startswith(w) and low[len(w) : len(w) + 3].lstrip().startswith(":"):
            return True
    return False


def _is_widget(line: str) -> bool:
    lines, _, patterns = _chrome()
    s = line.strip()
    if s.casefold() in lines:
        return True
    return any(p.fullmatch(s) for p in patterns)


def _strip_widgets_inline(line: str) -> str:
    _, _, patterns = _chrome()
    for p in patterns:
        line = p.sub("", line)
    return line


def _outlet_line(line: str) -> str | None:
    """A line that is only a publisher's signature: `News.Az`, `Caliber.az © 2026. .`."""
    s = line.strip()
    m = _DOMAIN_NAME.search(s)
    if m and len(s) <= len(m.group(1)) + 12:
        return m.group(1)
    return None


def clean_text(text: str) -> Cleaned:
    """Remove chrome lines from plain text, keeping the page's date and outlet signature."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    published = published_from = outlet = None
    m = _META_DATE.match(text)
    if m:
        published, published_from = m.group(1), "page-metadata"
        rest = _strip_widgets_inline(text[m.end():].split("\n", 1)[0])
        tail = text[m.end():].split("\n", 1)[1] if "\n" in text[m.end():] else ""
        text = rest.strip() + ("\n" + tail if tail else "")
    _, credits, _ = _chrome()
    kept = []
    for line in text.split("\n"):
        if _is_widget(line) or _is_credit(line, credits):
            continue
        sig = _outlet_line(line)
        if sig:
            outlet = outlet or sig
            continue
        kept.append(line.rstrip())
    body = "\n".join(kept).strip("\n")
    if outlet is None:
        found = _DOMAIN_NAME.search(body)
        if found and regex.search(rf"{regex.escape(found.group(1))}\s+report", body):
            outlet = found.group(1)
    return Cleaned(body, published, published_from, outlet)


def clean_html(markup: str, url: str | None = None) -> Cleaned:
    """Main text and metadata of an HTML page (trafilatura), then the plain-text clean-up."""
    import trafilatura

    extracted = trafilatura.bare_extraction(markup, url=url, include_comments=False,
                                            include_tables=False, with_metadata=True)
    if extracted is None:
        fallback = regex.sub(r"<[^>]+>", " ", markup)
        return clean_text(html.unescape(fallback))
    doc = extracted if isinstance(extracted, dict) else extracted.as_dict()
    body = clean_text(doc.get("text") or "")
    from accords.ingest.published import from_html

    # The page's own markup first (meta tags, JSON-LD, <time>); trafilatura's date only when it
    # is not a guess from the URL, which the pipeline reads itself, later in the order.
    published = from_html(markup)
    if published is None and doc.get("date") and not (url and _date_in_url(str(doc.get("date")), url)):
        published = str(doc.get("date"))
    if published is None and body.published:
        return Cleaned(body.text, body.published, body.published_from,
                       doc.get("sitename") or body.outlet, doc.get("title"), doc.get("url") or url)
    return Cleaned(body.text, published, "html-metadata" if published else None,
                   doc.get("sitename") or body.outlet, doc.get("title"), doc.get("url") or url)


def _date_in_url(date: str, url: str) -> bool:
    """trafilatura (htmldate) may take a date from the URL: that is the URL's, not the markup's."""
    from accords.ingest.published import from_url

    got = from_url(url)
    return bool(got) and date.startswith(got or "")
