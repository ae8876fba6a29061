"""Extraction: from a document's text to the signing events it reports, every value with its span."""

from __future__ import annotations

import datetime as dt

from accords.extract.annotate import annotate
from accords.extract.events import extract_events
from accords.model import EventMention


def extract(text: str, lang: str, published: dt.date | None = None, day_known: bool = True) -> list[EventMention]:
    """The signing events `text` (in language `lang`) reports, resolved against `published`
    (with `day_known` False, only its year and month are known)."""
    doc = annotate(text, lang)
    events = extract_events(doc, published, day_known)
    from accords.extract.quote_speakers import attach_quotes

    attach_quotes(doc, events)
    return events


__all__ = ["extract", "annotate"]
