"""Language packs: what a language needs, read from the YAML files of its folder.

Each file has a fixed set of keys (`SCHEMA`); an unknown key, a wrong type or a duplicate
phrase is an error with the file named, so a typo in the data never becomes a silent miss
(STYLE convention 3). The engine reads only `LangPack`, never the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from accords.errors import LanguageDataError
from accords.text.normalize import fold_str

# file -> key -> expected shape: "list" of phrases, "map" phrase -> value, "table" code -> phrases
SCHEMA: dict[str, dict[str, str]] = {
    "language.yaml": {
        "code": "str", "name": "str", "script": "str", "cased": "bool",
        "prefixes": "list", "suffixes": "list", "suffix_kinds": "list", "abbreviations": "list",
        "name_particles": "list", "stop_words": "list", "dateparser_locales": "list", "definite_prefixes": "list",
        "relative_pronouns": "list", "name_stem_drop": "list", "name_case_endings": "list",
        "conjunctions": "list", "name_romanizations": "map", "further_words": "list",
        "list_words": "list", "spaced": "bool", "name_length": "str",
        "name_before_title": "bool",
    },
    "instruments.yaml": {"types": "table", "anaphora": "list", "generic": "list"},
    "signing_verbs.yaml": {"done": "list", "nominal": "list", "not_done": "list", "after_cues": "list",
                           "agent_markers": "list", "completion_cues": "list", "represent_verbs": "list", "recall_cues": "list",
                           "announce_verbs": "list", "passive_forms": "list", "not_agents": "list",
                           "process_nouns": "list", "discussion_verbs": "list",
                           "similar_words": "list"},
    "parties.yaml": {
        "countries": "table", "not_party": "list", "side_words": "list", "between_cues": "list",
        "between_cues_after": "list", "side_cues": "list",
        "presence_cues": "list", "presence_cues_after": "list", "list_continuations": "list",
        "body_nouns": "list", "capital_words": "list",
        "org_words": "map", "org_terms": "map", "org_suffixes": "list", "org_connectors": "list",
        "org_name_before": "bool", "org_keep_names": "bool", "host_cues": "list", "city_words": "list",
        "host_cues_after": "list",
    },
    "titles.yaml": {"roles": "map", "ranks": "list", "honorifics": "list", "counterparts": "list", "portfolio_words": "list",
                    "role_links": "list", "pair_subjects": "list", "title_states": "table",
                    "venue_nouns": "list", "visit_nouns": "list"},
    "date_words.yaml": {
        "months": "map", "weekdays": "map", "relative_days": "map", "relative_months": "map",
        "year_words": "list", "hebrew_months": "map", "hijri_months": "map", "persian_months": "map",
        "relative_years": "map", "relative_weeks": "map", "same_day": "list", "range_words": "list",
        "bound_words": "list", "bound_words_after": "list", "ago_phrases": "list",
        "unit_dates": "table",
    },
    "quote_patterns.yaml": {"verbs": "list", "marks": "list", "complementizers": "list", "statement_nouns": "list"},
    "cooperation_areas.yaml": {"areas": "table", "domains": "table", "subject_cues": "list", "content_cues": "list",
                               "subject_breaks": "list", "coverage_cues": "list"},
    "places.yaml": {"cities": "table", "landmarks": "table", "locatives": "list", "locative_prefixes": "list",
                    "locatives_after": "list"},
    "examples.yaml": {"examples": "examples"},
}

REQUIRED = ("language.yaml", "instruments.yaml", "signing_verbs.yaml", "parties.yaml", "titles.yaml",
            "date_words.yaml", "quote_patterns.yaml", "cooperation_areas.yaml", "places.yaml")


@dataclass(frozen=True)
class LangPack:
    """Everything the engine knows about one language, folded for matching."""

    code: str
    name: str
    script: str
    cased: bool
    data: dict[str, dict[str, Any]] = field(repr=False)
    _folded: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def get(self, file: str, key: str) -> Any:
        default: Any = {} if SCHEMA[file][key] in ("map", "table") else []
        return self.data.get(file, {}).get(key, default)

    def folded(self, file: str, key: str) -> frozenset[str]:
        """A list's phrases (a map's keys) folded for matching, folded once per pack: the rules
        that ask for them run for every hit of every text."""
        got = self._folded.get((file, key))
        if got is None:
            got = self._folded[(file, key)] = frozenset(fold_str(str(w)) for w in self.get(file, key))
        return got

    @property
    def spaced(self) -> bool:
        """Words are separated by spaces (false for Chinese and Japanese)."""
        return self.data.get("language.yaml", {}).get("spaced", True) is not False

    @property
    def prefixes(self) -> tuple[str, ...]:
        return tuple(fold_str(p) for p in self.get("language.yaml", "prefixes"))

    @property
    def suffixes(self) -> tuple[str, ...]:
        return tuple(sorted({fold_str(s) for s in self.get("language.yaml", "suffixes")}, key=len, reverse=True))


def _check_shape(path: str, key: str, shape: str, value: Any) -> None:
    ok = {
        "str": isinstance(value, str),
        "bool": isinstance(value, bool),
        "list": isinstance(value, list),
        "map": isinstance(value, dict),
        "table": isinstance(value, dict) and all(isinstance(v, list) for v in value.values()),
        "examples": isinstance(value, list) and all(isinstance(v, dict) and "text" in v and "expect" in v
                                                    for v in value),
    }[shape]
    if shape == "examples":
        return
    if not ok:
        raise LanguageDataError(f"{path}: key {key!r} must be a {shape}")
    items = value if shape == "list" else [x for v in value.values() for x in v] if shape == "table" else []
    if shape == "map":
        items = list(value)
    for item in items:
        if not isinstance(item, str):  # YAML 1.1 reads on/no/yes as booleans: quote them
            raise LanguageDataError(f"{path}: {key}: {item!r} is not a string (quote it)")


def _check_duplicates(path: str, key: str, value: Any) -> None:
    seen: dict[str, str] = {}
    rows = value.items() if isinstance(value, dict) else [(None, value)]
    for group, phrases in rows:
        if not isinstance(phrases, list):
            continue
        for p in phrases:
            f = fold_str(str(p))
            if f in seen and seen[f] == group:
                raise LanguageDataError(f"{path}: {key}: {p!r} is listed twice")
            seen[f] = group  # type: ignore[assignment]


def validate(code: str, files: dict[str, dict[str, Any]]) -> None:
    """Raise LanguageDataError for a missing file, an unknown key, a bad shape or a duplicate."""
    for name in REQUIRED:
        if name not in files:
            raise LanguageDataError(f"lang/{code}/{name}: missing")
    for name, content in files.items():
        path = f"lang/{code}/{name}"
        if name not in SCHEMA:
            continue
        for key, value in content.items():
            if key not in SCHEMA[name]:
                raise LanguageDataError(f"{path}: unknown key {key!r} (known: {', '.join(SCHEMA[name])})")
            _check_shape(path, key, SCHEMA[name][key], value)
            if key not in ("marks", "examples"):  # quotation marks fold alike on purpose
                _check_duplicates(path, key, value)


def read_files(code: str) -> dict[str, dict[str, Any]]:
    """The YAML files of a language folder, parsed."""
    folder = resources.files("accords.lang") / code
    if not folder.is_dir():
        raise LanguageDataError(f"no language pack for {code!r}")
    files: dict[str, dict[str, Any]] = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".yaml"):
            try:
                files[entry.name] = yaml.safe_load(entry.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as e:
                raise LanguageDataError(f"lang/{code}/{entry.name}: not valid YAML: {e}") from e
    return files


@cache
def available() -> tuple[str, ...]:
    """Codes of every language pack shipped (folders with a language.yaml), sorted; read once."""
    root = resources.files("accords.lang")
    return tuple(sorted(e.name for e in root.iterdir() if e.is_dir() and (e / "language.yaml").is_file()))


@cache
def load(code: str) -> LangPack:
    """The language pack for an ISO 639-1 code, validated; cached per process."""
    files = read_files(code)
    validate(code, files)
    meta = files["language.yaml"]
    return LangPack(code=meta["code"], name=meta["name"], script=meta["script"],
                    cased=meta.get("cased", True), data=files)
