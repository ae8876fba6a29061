"""Compile a language pack, CLDR country names and the shared data into one `Matcher`.

Hit kinds the engine reads (the `kind` of a `Hit`):
    party            a state (ISO code) or organisation (org:slug): name, demonym, short form
    instrument       value = instrument type;  anaphora: "the document"
    done, nominal, not_done, after_cue, agent     signing verbs and the cues around them
    announce         a verb announcing an instrument (weaker than done)
    side_word, side_cue, presence_cue, body_noun, capital_word
    role (value = English head), rank, honorific, counterpart, portfolio
    month, weekday, rel_day, rel_month, year_word, cal_month (value = (calendar, n))
    rel_year, rel_week, same_day, range_word, date_bound, date_bound_after (date_words.yaml)
    quote_verb, area, domain, subject_cue, content_cue
    city (value = English name), landmark (value = English city name)
"""

from __future__ import annotations

from functools import cache
from typing import Any

from babel import Locale

from accords.data import shared
from accords.knowledge import name_index, surname_index
from accords.lang.hosts import host_hits
from accords.lang.orgs import org_hits
from accords.lang.pack import LangPack, load
from accords.text.matcher import Hit, Matcher
from accords.text.normalize import Folded, fold_str

# CLDR region codes that are not states but that a text may name as a party.
_CLDR_ORGS = {"EU": "org:eu", "UN": "org:un"}


def cldr_countries(code: str) -> dict[str, str]:
    """CLDR territory names in a language, as name -> ISO code (or org slug)."""
    try:
        territories = Locale.parse(code).territories
    except (ValueError, LookupError):
        return {}
    out: dict[str, str] = {}
    for region, name in territories.items():
        if region in _CLDR_ORGS:
            out[name] = _CLDR_ORGS[region]
        elif len(region) == 2 and region.isalpha() and region not in ("ZZ", "EZ", "QO", "XA", "XB"):
            out[name] = region
    return out


def _add_table(m: Matcher, table: dict[str, list[Any]], kind: str) -> None:
    for value, phrases in table.items():
        m.add_all((str(p) for p in phrases), kind, value)


def _add_map(m: Matcher, mapping: dict[str, Any], kind: str) -> None:
    for phrase, value in mapping.items():
        m.add(str(phrase), kind, value)


def _add_parties(m: Matcher, pack: LangPack) -> None:
    for name, iso in cldr_countries(pack.code).items():
        m.add(name, "party", iso)
    _add_table(m, pack.get("parties.yaml", "countries"), "party")
    # Homographs of country names: a longer or equal hit of this kind hides the party hit.
    m.add_all((str(p) for p in pack.get("parties.yaml", "not_party")), "not_party", None)
    for slug, names in shared("organizations.yaml").items():
        m.add_all(names.get(pack.code, []), "party", slug)


def _add_lists(m: Matcher, pack: LangPack) -> None:
    lists = {
        ("instruments.yaml", "anaphora"): "anaphora",
        ("signing_verbs.yaml", "done"): "done",
        ("signing_verbs.yaml", "nominal"): "nominal",
        ("signing_verbs.yaml", "not_done"): "not_done",
        ("signing_verbs.yaml", "after_cues"): "after_cue",
        ("signing_verbs.yaml", "agent_markers"): "agent",
        ("signing_verbs.yaml", "completion_cues"): "completion",
        ("signing_verbs.yaml", "recall_cues"): "recall",
        ("signing_verbs.yaml", "represent_verbs"): "represent",
        ("signing_verbs.yaml", "announce_verbs"): "announce",
        ("signing_verbs.yaml", "not_agents"): "not_agent",
        ("parties.yaml", "side_words"): "side_word",
        ("parties.yaml", "side_cues"): "side_cue",
        ("parties.yaml", "between_cues"): "between",
        ("parties.yaml", "between_cues_after"): "between_after",
        ("parties.yaml", "presence_cues"): "presence_cue",
        ("parties.yaml", "presence_cues_after"): "presence_after",
        ("parties.yaml", "list_continuations"): "continuation",
        ("parties.yaml", "body_nouns"): "body_noun",
        ("parties.yaml", "capital_words"): "capital_word",
        ("parties.yaml", "host_cues"): "host_cue",
        ("parties.yaml", "host_cues_after"): "host_cue_after",
        ("parties.yaml", "city_words"): "city_word",
        ("titles.yaml", "ranks"): "rank",
        ("titles.yaml", "honorifics"): "honorific",
        ("titles.yaml", "counterparts"): "counterpart",
        ("titles.yaml", "pair_subjects"): "pair_subject",
        ("titles.yaml", "portfolio_words"): "portfolio",
        ("date_words.yaml", "year_words"): "year_word",
        ("quote_patterns.yaml", "verbs"): "quote_verb",
        ("cooperation_areas.yaml", "subject_cues"): "subject_cue",
        ("cooperation_areas.yaml", "content_cues"): "content_cue",
        ("cooperation_areas.yaml", "coverage_cues"): "coverage_cue",
    }
    for (file, key), kind in lists.items():
        m.add_all((str(p) for p in pack.get(file, key)), kind, None)


def _add_known_people(m: Matcher, code: str) -> None:
    """Leaders' names (data/leaders.yaml) in this language: full names, and surnames one leader owns."""
    for name, key in name_index(code).items():
        m.add(name, "known_person", key)
    for surname, key in surname_index(code).items():
        m.add(surname, "known_surname", key)


class _ArticleMatcher(Matcher):
    """Adds each topic phrase written with the article also without it: after a preposition the
    article merges into it (ل + التجارة = للتجارة, ל + הביטחון = לביטחון), leaving the bare word.
    Only topics: bare forms of names are other words (الجزائر Algeria, جزائر islands)."""

    def __init__(self, article: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.article = fold_str(article)

    def add(self, phrase: str, kind: str, value: object) -> None:
        super().add(phrase, kind, value)
        folded = fold_str(phrase).strip()
        if kind in ("domain", "area") and self.article and folded.startswith(self.article) \
                and len(folded) > len(self.article) + 2:
            super().add(folded[len(self.article):], kind, value)


class _PackMatcher(_ArticleMatcher):
    """The lexicon's hits, and organisations found by their organisation words (lang/orgs.py):
    their names are an open class no phrase list holds, so they are read from the text. States
    named as a broker or host (lang/hosts.py) are marked as no party."""

    def __init__(self, pack: LangPack, article: str, **kw: Any) -> None:
        super().__init__(article, **kw)
        self.pack = pack

    def find(self, folded: Folded) -> list[Hit]:
        hits = super().find(folded)
        known = [h for h in hits if h.kind == "party" and str(h.value).startswith("org:")]
        found = [o for o in org_hits(folded, self.pack, hits)
                 if not any(k.start <= o.start and o.end <= k.end for k in known)]
        found += host_hits(folded.original, hits)  # "brokered by the US": no party
        return sorted([h for h in hits if h.kind not in ("host_cue", "host_cue_after")] + found,
                      key=lambda h: (h.start, -h.end))


@cache
def matcher(code: str) -> Matcher:
    """The compiled matcher of a language (built once per process)."""
    pack = load(code)
    kinds = pack.get("language.yaml", "suffix_kinds") or None
    definite = sorted((str(p) for p in pack.get("language.yaml", "definite_prefixes")), key=len)
    m = _PackMatcher(pack, definite[0] if definite else "", prefixes=pack.prefixes, suffixes=pack.suffixes,
                        suffix_kinds=kinds, spaced=pack.spaced)
    _add_parties(m, pack)
    _add_table(m, pack.get("instruments.yaml", "types"), "instrument")
    _add_lists(m, pack)
    _add_map(m, pack.get("titles.yaml", "roles"), "role")
    _add_map(m, pack.get("date_words.yaml", "months"), "month")
    _add_map(m, pack.get("date_words.yaml", "weekdays"), "weekday")
    _add_map(m, pack.get("date_words.yaml", "relative_days"), "rel_day")
    _add_map(m, pack.get("date_words.yaml", "relative_months"), "rel_month")
    _add_map(m, pack.get("date_words.yaml", "relative_years"), "rel_year")
    _add_map(m, pack.get("date_words.yaml", "relative_weeks"), "rel_week")
    m.add_all((str(p) for p in pack.get("date_words.yaml", "same_day")), "same_day", None)
    m.add_all((str(p) for p in pack.get("date_words.yaml", "range_words")), "range_word", None)
    m.add_all((str(p) for p in pack.get("date_words.yaml", "bound_words")), "date_bound", None)
    m.add_all((str(p) for p in pack.get("date_words.yaml", "bound_words_after")), "date_bound_after", None)
    for calendar in ("hebrew", "hijri", "persian"):
        for name, n in pack.get("date_words.yaml", f"{calendar}_months").items():
            m.add(str(name), "cal_month", (calendar, int(n)))
    _add_table(m, pack.get("cooperation_areas.yaml", "areas"), "area")
    _add_table(m, pack.get("cooperation_areas.yaml", "domains"), "domain")
    _add_known_people(m, code)
    _add_table(m, pack.get("places.yaml", "cities"), "city")
    _add_table(m, pack.get("places.yaml", "landmarks"), "landmark")
    return m


@cache
def capital_of() -> dict[str, str]:
    """English name of a city that stands for a state -> ISO code."""
    return {str(city): str(iso) for city, iso in shared("capitals.yaml").items()}
