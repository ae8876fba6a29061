"""What ingest refuses to spend on one input: bytes, seconds, nesting, markup.

A hostile or broken input must cost a bounded amount of work and end as a named refusal, never
as a crash or a hang of the whole run. The refusal codes (E1xx, see `accords.errors`):

    E101  no such file, or it cannot be read        E107  undecodable (no text encoding fits)
    E102  unsupported file type                     E108  binary data, not text
    E103  larger than --max-bytes                   E109  compressed input: bad, or too large unpacked
    E104  not JSON (or nested too deeply)           E110  HTML nested deeper than the limit
    E105  a JSON record without text                E111  HTML with no text, or almost all markup
    E106  empty                                     E112  extraction took longer than --max-seconds
    E190  extraction failed (a bug: reported, the run goes on)
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import regex

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The limits of one ingest run; 0 (or less) switches a limit off."""

    max_bytes: int = DEFAULT_MAX_BYTES  # per file, and per file once decompressed
    max_seconds: float = 20.0  # per document, for cleaning and extraction
    max_html_depth: int = 500  # open elements at once; lxml and trafilatura recurse on depth
    min_text_ratio: float = 0.001  # visible text per character of a large page
    ratio_from_bytes: int = 100_000  # pages smaller than this are never refused for their ratio


class TimeLimit(BaseException):
    """Raised inside a document's processing when its time is up.

    A BaseException so that the `except Exception` blocks of the libraries we call cannot
    swallow it and carry on working on the document.
    """


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raise `TimeLimit` in this block after `seconds` of this process's CPU time (SIGPROF:
    main thread on POSIX only).

    CPU time, not the wall clock: on a busy machine (other ingests, two cores shared) a document
    waiting for the processor is not a slow document, and the one-time loading of language data
    that the first document triggers is short in CPU but not always in wall time. A runaway
    pattern still burns CPU and is stopped. Elsewhere (a worker thread, Windows) the block runs
    unguarded: a signal cannot be delivered there, and a thread cannot be stopped from outside.
    """
    usable = (seconds > 0 and hasattr(signal, "setitimer") and hasattr(signal, "SIGPROF")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def _expire(signum: int, frame: object) -> None:
        raise TimeLimit(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGPROF, _expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@contextmanager
def paused() -> Iterator[None]:
    """Stop the clock of an enclosing `deadline` for this block: one-time loading of language data
    (a pack's lexicon, lingua's models) is the run's cost, not the document's."""
    if not hasattr(signal, "getitimer") or not hasattr(signal, "ITIMER_PROF"):
        yield
        return
    remaining, _ = signal.getitimer(signal.ITIMER_PROF)
    if remaining:
        signal.setitimer(signal.ITIMER_PROF, 0)
    try:
        yield
    finally:
        if remaining:
            signal.setitimer(signal.ITIMER_PROF, remaining)


# Elements that never have content, and those whose end tag HTML lets the parser infer:
# neither deepens the tree however many there are.
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"])
_OPTIONAL_END = frozenset(["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rt", "rp"])
# `[^<>]`, not `[^>]`: a stray `<` must not make every later `<` scan to the end (quadratic).
_TAG = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")
_HIDDEN = regex.compile(r"<(script|style|template|noscript)\b[^>]*>.*?(?:</\1\s*>|\Z)", regex.S | regex.I)
# The head (title, metadata) is not the article; only a closed one is dropped, so that a page
# that never closes its head keeps its text.
_HEAD = regex.compile(r"<head\b[^<>]*>.*?</head\s*>", regex.S | regex.I)
_MARKUP = regex.compile(r"<!--.*?(?:-->|\Z)|<[^<>]*>", regex.S)


def html_depth(markup: str) -> int:
    """The deepest nesting of elements in `markup` (a tag count, not a parse)."""
    depth = deepest = 0
    for m in _TAG.finditer(markup):
        name = m.group(2).lower()
        if name in _VOID or name in _OPTIONAL_END or m.group(3):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def visible_text(markup: str) -> str:
    """What a reader could see: markup without tags, comments, scripts and styles."""
    return _MARKUP.sub(" ", _HIDDEN.sub(" ", _HEAD.sub(" ", markup))).strip()


def html_problem(markup: str, limits: Limits) -> tuple[str, str] | None:
    """(code, reason) when an HTML page must not reach the HTML parser, else None."""
    if limits.max_html_depth > 0:
        depth = html_depth(markup)
        if depth > limits.max_html_depth:
            return "E110", f"HTML nested {depth} elements deep (limit {limits.max_html_depth})"
    text = visible_text(markup)
    if not regex.search(r"\w", text):
        return "E111", "HTML with no text outside markup and scripts"
    shown = len(text) - sum(1 for c in text if c.isspace())
    if len(markup) >= limits.ratio_from_bytes > 0 and shown < limits.min_text_ratio * len(markup):
        return "E111", f"HTML almost all markup ({shown} characters of text in {len(markup)})"
    return None
