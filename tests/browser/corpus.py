"""Which articles of ../shared the browser tests' store holds, chosen by language, and the words
the tests search for, computed from those articles (never copied from them)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import regex
from babel import Locale

from accords.text.normalize import fold_str

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
PER_LANGUAGE = 3
# Proclitics a user leaves off when searching: Arabic "and"; Hebrew and/in/to/from/the/that/as.
CLITICS = {"ar": "و", "he": "ובלמהשכ"}


def dev_files(per_language: int = PER_LANGUAGE) -> list[Path]:
    """The first few dev articles of every annotated language that report a signing."""
    gold = [json.loads(line) for line in (SHARED / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    chosen: dict[str, list[str]] = {}
    for doc in sorted(gold, key=lambda d: d["file"]):
        if doc.get("is_signing_event"):
            chosen.setdefault(doc["lang"], []).append(doc["file"])
    return [SHARED / "dev" / "docs" / f for lang in sorted(chosen) for f in chosen[lang][:per_language]]


def chinese_files(dev: list[Path], count: int = 2) -> list[Path]:
    """Chinese-script articles: from dev when it has some, else the practice set's."""
    if any(p.stem.endswith("_zh") for p in dev):
        return []
    return sorted((SHARED / "practice" / "docs").glob("*_zh.json"))[:count]


def store_inputs() -> list[Path]:
    dev = dev_files()
    return sorted((SHARED / "seeds").glob("*.txt")) + dev + chinese_files(dev)


@dataclass(frozen=True)
class Term:
    """A country's name in a language (CLDR), as it occurs in one stored article."""
    code: str
    word: str
    source: str  # the stored source's id
    clitic: str  # the proclitic it carries in that article ('' for none)
    only_with_clitic: bool  # the article never has the bare word


def country_terms(lang: str, texts: dict[str, str]) -> list[Term]:
    """Every CLDR country name of `lang` found in the texts (by source id), as a whole word or
    behind a proclitic."""
    names = {c: n for c, n in Locale.parse(lang).territories.items() if len(c) == 2 and c.isalpha()}
    terms = []
    for source, text in sorted(texts.items()):
        folded = fold_str(text)
        for code, name in sorted(names.items()):
            key = fold_str(name)
            if lang == "zh":
                if key in folded:
                    terms.append(Term(code, name, source, "", False))
                continue
            bare = _whole(key, folded)
            for clitic in CLITICS.get(lang, ""):
                if _whole(fold_str(clitic) + key, folded):
                    terms.append(Term(code, name, source, clitic, not bare))
            if bare:
                terms.append(Term(code, name, source, "", False))
    return terms


def _whole(key: str, folded: str) -> bool:
    return regex.search(r"(?<!\w)" + regex.escape(key) + r"(?!\w)", folded) is not None
