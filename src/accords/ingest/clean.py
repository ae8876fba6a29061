"""From a raw article to the text that is stored: main text of HTML, page chrome removed.

Chrome is removed by whole lines (share widgets, photo credits, a trailing outlet signature,
"Read also: <another article's headline>" links and tag lists) or by a known prefix (the
page-metadata line `date 2026-02-04 + ↺ − 16 px`), so what remains is the publisher's text,
unchanged, and every span into it is a span of the article's own words. One thing more is
undone: a line break that page extraction left in the middle of a sentence becomes the space it
stood for (one character for one, see `join_wrapped`), so that every stage reads the sentence
whole. What the chrome said (the publication date, the outlet) is kept as the source's metadata.
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
    credits = tuple(str(w).casefold() for w in data["credit_words"] + data["link_words"] + data["tag_words"])
    patterns = [regex.compile(p) for p in data["widget_patterns"]]
    return lines, credits, patterns


@cache
def _links() -> frozenset[str]:
    """Lines that announce a link to another article on the next line ("اقرأ أيضا", "Read more")."""
    data = shared("chrome.yaml")
    return frozenset(_bare(str(w)) for w in data["link_words"])


def _bare(line: str) -> str:
    return line.strip().strip(":：-–—•*|[]() ").casefold()


@cache
def _credit_opening(credits: tuple[str, ...]) -> regex.Pattern[str]:
    alt = "|".join(regex.escape(w) for w in sorted(credits, key=len, reverse=True))
    return regex.compile(rf"(?:{alt})\s{{0,2}}[:：|]")


def _is_credit(line: str, credits: tuple[str, ...]) -> bool:
    """A line opened by a credit, link or tag word and a colon: "Photo: ...", "Читайте также: ..."."""
    low = line.strip().lstrip("-–—•*([ ").casefold()
    return len(low) <= 200 and bool(_credit_opening(credits).match(low))


# A line of hashtags: "#Вьетнам #Россия #То Лам".
_HASHTAGS = regex.compile(r"^\s*#\S+(?:\s+\S+){0,3}(?:\s+#\S+(?:\s+\S+){0,3})+\s*$")


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
    link_next = False  # the line after a bare "Read also" is the linked article's headline
    for line in text.split("\n"):
        if link_next and line.strip():
            link_next = False
            if len(line.strip()) <= _HEADLINE_MAX and not _ends_sentence(line):
                continue
        if _bare(line) in _links():
            link_next = True
            continue
        if _is_widget(line) or _is_credit(line, credits) or _HASHTAGS.match(line):
            continue
        sig = _outlet_line(line)
        if sig:
            outlet = outlet or sig
            continue
        kept.append(line.rstrip())
    body = join_wrapped("\n".join(kept).strip("\n"))
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


# -- lines broken in the middle of a sentence -------------------------------------------------

# What ends a sentence or a heading at the end of a line, before closing quotes and brackets.
_END = ".!?؟…。:;：；।۔"  # । and ۔: the Hindi and Urdu full stops
_CLOSERS = "\"'”’»)]）」』"
_HEADLINE_MAX = 160  # a linked headline after "Read also" is a short line with no full stop
_SHORT = 60  # a line shorter than this that closes its block with no full stop is a heading or a byline
# A hard-wrapped page: no line longer than this, and at least two lines that fill the width.
_WRAP_MAX = 200
_FILL = 0.7
# Prose inside a line: a sentence end, then a capitalised word and more words after it.
_PROSE = regex.compile(r"[.!?؟][\"'”»)]*\s+\p{Lu}\p{L}*(?:\s+\S+){2,}$")
_LIST_ITEM = regex.compile(r"^\s*(?:[•·▪●◦*–—-]|\d{1,2}[.)]\s|\p{N}+[:.]\d)")


def _ends_sentence(line: str) -> bool:
    s = line.rstrip().rstrip(_CLOSERS)
    return not s or s[-1] in _END


def _caseless(line: str) -> bool:
    """The line's first letter has no case (Arabic, Hebrew, Devanagari script)."""
    first = next((c for c in line.strip() if c.isalpha()), "")
    return bool(first) and not first.isupper() and not first.islower()


def _opens_bracket(line: str) -> bool:
    return line.count("(") > line.count(")") or line.count("«") > line.count("»")


def _wrap_width(lines: list[str]) -> int | None:
    """The width a page was hard-wrapped at, or None when its lines are whole paragraphs."""
    width = max((len(x) for x in lines), default=0)
    if not 40 <= width <= _WRAP_MAX:
        return None
    full = [x for x in lines if len(x) >= _FILL * width and not _ends_sentence(x)]
    return width if len(full) >= 2 else None


def _continues(line: str, nxt: str, width: int | None, after: str = "") -> bool:
    """Whether `nxt` carries on the sentence that `line` leaves open (`after` is the line after it)."""
    s, n = line.rstrip(), nxt.lstrip()
    if not s or not n or _ends_sentence(s) or _LIST_ITEM.match(n):
        return False
    if not _ends_sentence(n) and len(n.rstrip()) < _SHORT and not _continues(nxt, after, width):
        return False  # a short line that ends nothing: "press release 13 May 2024", "by John Smith"
    if not (n[0].isalpha() or n[0].isdigit() or n[0] in "\"'«“„("):
        return False
    if n[0].islower() and not n[0].isdigit():
        return True  # "... в присутствии Путина и Моди\nстороны обменялись ..."
    if _caseless(s) and _caseless(n) and len(s) >= _SHORT and _ends_sentence(n) and n[-1:] not in ":;":
        return True  # no capitals to tell a new sentence: a long open line, then the rest of a sentence
    if s[-1] in ",،" or _opens_bracket(s):
        return True
    if n[0].isalpha() and _PROSE.search(s):
        return True  # "... soll. Es handle sich um das erste umfassende\nAbkommen ..."
    return width is not None and len(s) >= _FILL * width


def join_wrapped(text: str) -> str:
    """The text with each line break that falls inside a sentence turned into a space.

    Page extraction often leaves a page's visual line breaks in its text ("a protocol that
    premier\\nGiorgia Meloni ... signed"). A break continues the sentence when the line does not
    end like a sentence or a heading and the next line is no list item, and: the next line starts
    in lower case, or the line ends with a comma or an open bracket, or it already holds the end
    of an earlier sentence, or the page is hard-wrapped and the line fills its width. One
    character replaces one, so the text keeps its length and every offset into it."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    width = _wrap_width(lines)
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i + 1 < len(lines):
            after = lines[i + 2] if i + 2 < len(lines) else ""
            out.append(" " if _continues(line, lines[i + 1], width, after) else "\n")
    return "".join(out)
