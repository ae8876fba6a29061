"""Server-rendered pages (Jinja2, autoescaped): every string from a source is escaped.

The pages only shape what `accords.browse` returns. Filters travel as query parameters (the
same names as the JSON API's), read leniently here: a form sends empty fields (`instrument=`),
and a value that cannot be a filter is dropped and said so on the page rather than refused.
No URL found in a source is ever made a link: it is shown as text for the reader to copy.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import PurePath
from typing import Any
from urllib.parse import quote, urlencode

from babel import Locale
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from accords import browse, labels
from accords.lang.pack import available
from accords.record import party_name
from accords.web import svg
from accords.web.highlight import highlight

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("accords.web") / "templates"))

RTL_LANGS = {"ar", "fa", "he", "ur", "yi", "ps", "ckb", "sd", "ug", "dv"}
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
MAX_PARTIES, MAX_TEXT, MAX_PAGE = 12, 300, 100_000
PER_PAGE = 50
# A drawing of thousands of lines is a grey disc that weighs megabytes: beyond this many pairs,
# the strongest are drawn and the page says how many were left out.
MAX_EDGES = 800
FLAGS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}
SORT_LABELS = {"date": "newest first", "oldest": "oldest first", "sources": "most sources", "id": "id"}


def direction(lang: str | None) -> str:
    """The writing direction of a language's script (for `dir` on names and snippets)."""
    return "rtl" if (lang or "").split("-")[0] in RTL_LANGS else "ltr"


@lru_cache(maxsize=512)  # bounded: a code may come from a URL
def lang_label(code: str | None) -> str:
    """A language's English name from CLDR, with its code ('Arabic (ar)'); the code alone if unknown."""
    name = Locale("en").languages.get(code or "") if code and code.isascii() and code.isalpha() else None
    return f"{name} ({code})" if name else (code or "?")


def short_origin(origin: str | None) -> str:
    """A source's origin as a reader names it: the file's name, or the URL as given."""
    if not origin:
        return ""
    return origin if "://" in origin else PurePath(origin).name  # 'feed.jsonl#3' keeps its '#3'


def entity_href(entity_id: str) -> str:
    """An entity's page; a party id is taken too: a state's is its ISO code (state:AZ), an
    organisation's is already its entity id (org:eu)."""
    return "/entities/" + quote(entity_id if ":" in entity_id else f"state:{entity_id}", safe=":")


# -- reading and writing the filters ------------------------------------------------------------
def _text(request: Request, name: str) -> str | None:
    value = (request.query_params.get(name) or "").strip()
    return value[:MAX_TEXT] or None


def _page(request: Request) -> int:
    raw = (request.query_params.get("page") or "").strip()
    return min(MAX_PAGE, max(1, int(raw))) if raw.isdigit() else 1


def read_query(request: Request) -> tuple[browse.Query, list[str]]:
    """The list's filters from the URL, and a note for each value that was left out."""
    notes = []
    parties = tuple(dict.fromkeys(p.strip()[:MAX_TEXT] for p in request.query_params.getlist("party") if p.strip()))
    if len(parties) > MAX_PARTIES:
        notes.append(f"only the first {MAX_PARTIES} parties are used")
    dates = {}
    for name in ("since", "until"):
        value = _text(request, name)
        if value and not DATE.fullmatch(value):
            notes.append(f"{name}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD); left out")
            value = None
        dates[name] = value
    flag = _text(request, "discrepancies")
    sort = _text(request, "sort") or "date"
    query = browse.Query(parties=parties[:MAX_PARTIES], instrument=_text(request, "instrument"),
                         domain=_text(request, "domain"), lang=_text(request, "lang"), since=dates["since"],
                         until=dates["until"], discrepancies=FLAGS.get((flag or "").lower()),
                         q=_text(request, "q"), sort=sort if sort in SORT_LABELS else "date",
                         page=_page(request), per_page=PER_PAGE)
    return query, notes


def list_url(query: browse.Query, path: str = "/agreements", *, add_party: str | None = None,
             drop_party: str | None = None, **change: Any) -> str:
    """The URL of `path` under `query`, changed as asked (any change of filter goes back to page 1
    unless a page is given)."""
    if change or add_party or drop_party:
        change.setdefault("page", 1)
    q = replace(query, **change)
    parties = [p for p in q.parties if p != drop_party] + ([add_party] if add_party and add_party not in q.parties
                                                           else [])
    pairs: list[tuple[str, str]] = [(k, v) for k, v in (("since", q.since), ("until", q.until)) if v]
    pairs += [("party", p) for p in parties]
    pairs += [(k, v) for k, v in (("instrument", q.instrument), ("domain", q.domain), ("lang", q.lang)) if v]
    if q.discrepancies is not None:
        pairs.append(("discrepancies", "1" if q.discrepancies else "0"))
    if q.q:
        pairs.append(("q", q.q))
    if q.sort != "date":
        pairs.append(("sort", q.sort))
    if q.page > 1:
        pairs.append(("page", str(q.page)))
    return path + ("?" + urlencode(pairs) if pairs else "")


def search_url(q: str | None, lang: str | None, page: int, path: str = "/search") -> str:
    """The URL of a page of search hits (`path`: the page, or its JSON twin)."""
    pairs = [(k, v) for k, v in (("q", q), ("lang", lang)) if v] + ([("page", str(page))] if page > 1 else [])
    return path + ("?" + urlencode(pairs) if pairs else "")


# What every template may call: the labels of codes, the URL makers, and the choices of the forms.
templates.env.globals.update(instrument_label=labels.instrument, domain_label=labels.domain, party_name=party_name,
                             list_url=list_url, entity_href=entity_href, direction=direction, lang_label=lang_label,
                             search_url=search_url, short_origin=short_origin, empty_query=browse.Query(),
                             sort_labels=SORT_LABELS,
                             instruments=labels.INSTRUMENTS, domains=labels.DOMAINS, reads_langs=available())


def _render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def _not_found(request: Request, what: str) -> HTMLResponse:
    return _render(request, "error.html", {"message": f"There is no {what} in this store."}, 404)


# -- pages --------------------------------------------------------------------------------------
@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/agreements")


@router.get("/agreements", response_class=HTMLResponse)
def agreement_list(request: Request) -> HTMLResponse:
    """The agreements matching the filters, a page at a time, with the counts of each facet."""
    query, notes = read_query(request)
    with request.app.state.settings.store() as store:
        result, facets = browse.agreements_and_facets(store, query)
        party_names = _party_names(facets, result["items"])
    pages = max(1, math.ceil(result["total"] / result["per_page"]))
    return _render(request, "agreements.html", {"result": result, "query": query, "notes": notes, "facets": facets,
                                                "pages": pages, "party_names": party_names})


def _party_names(facets: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, str]:
    names = {p["id"]: p["name"] for r in rows for p in r["parties"]}
    names.update({pid: name for pid, name, _ in facets.get("party", [])})
    return names


@router.get("/agreements/{agreement_id:path}", response_class=HTMLResponse)
def agreement_page(request: Request, agreement_id: str) -> Response:
    """One agreement: its fields, each linked to its evidence in the sources shown side by side."""
    with request.app.state.settings.store() as store:
        rec = browse.agreement(store, agreement_id)
        if rec is None:
            return _not_found(request, f"agreement {agreement_id!r}")
        if rec["id"] != agreement_id:  # an earlier id of a merged agreement: go to its page
            return RedirectResponse(f"/agreements/{quote(rec['id'])}", status_code=307)
        page = highlight(rec, browse.sources(store, rec["id"]))
        people = _person_entities(store, rec)
    names = {p["id"]: p.get("name") or p["id"] for p in rec["parties"]}
    return _render(request, "agreement.html", {"rec": rec, "page": page, "people": people, "party_names": names,
                                               "sources_by_id": {s["id"]: s for s in page.sources}})


def _person_entities(store: Any, rec: dict[str, Any]) -> dict[str, str]:
    """The entity id of each signatory and person present that has one (a person entity that
    lists this agreement and goes by that name)."""
    out = {}
    for person in rec["signatories"] + rec["present"]:
        for hit in browse.entities(store, person["name"], limit=10):
            entity = store.entity(hit["id"]) if hit["type"] == "person" else None
            if entity and rec["id"] in (entity.get("agreements") or []):
                out[person["name"]] = hit["id"]
                break
    return out


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request) -> HTMLResponse:
    """Agreements by month of signing, each bar a link to that month's agreements."""
    query, notes = read_query(request)
    with request.app.state.settings.store() as store:
        data = browse.timeline(store, query)
    drawing = svg.timeline(data, lambda m: list_url(query, since=m, until=m))
    return _render(request, "timeline.html", {"query": query, "notes": notes, "data": data, "drawing": drawing,
                                              "total": sum(d["count"] for d in data)})


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    """Who signs with whom: parties as nodes, shared agreements as edges."""
    query, notes = read_query(request)
    with request.app.state.settings.store() as store:
        data = browse.network(store, query)
    strongest = sorted(data["edges"], key=lambda e: (-e["weight"], e["source"], e["target"]))
    drawn = {"nodes": data["nodes"], "edges": strongest[:MAX_EDGES]}
    drawing = svg.network(drawn, lambda n: entity_href(n["id"]), lambda e: _pair_url(query, e))
    names = {n["id"]: n["name"] for n in data["nodes"]}
    pairs = [{**e, "href": _pair_url(query, e)} for e in strongest[:40]]
    return _render(request, "network.html", {"query": query, "notes": notes, "data": data, "drawing": drawing,
                                             "names": names, "pairs": pairs, "drawn": len(drawn["edges"])})


def _pair_url(query: browse.Query, edge: dict[str, Any]) -> str:
    """The list of the agreements two parties share, under the network's other filters."""
    return list_url(query, parties=tuple(dict.fromkeys((*query.parties, edge["source"], edge["target"]))))


@router.get("/entities", response_class=HTMLResponse)
def entity_finder(request: Request) -> HTMLResponse:
    """People, states and organisations by a name in any script, whole or part."""
    q = _text(request, "q")
    with request.app.state.settings.store() as store:
        found = browse.entities(store, q) if q else []
    return _render(request, "entities.html", {"q": q, "found": found})


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    """A person, state or organisation: names in every script, roles, agreements, why forms are one."""
    with request.app.state.settings.store() as store:
        entity = browse.entity(store, entity_id)
    if entity is None:
        return _not_found(request, f"entity {entity_id!r}")
    return _render(request, "entity.html", {"e": entity, "names": _name_forms(entity), "roles": _roles(entity),
                                            "reasons": _reasons(entity)})


def _name_forms(entity: dict[str, Any]) -> list[dict[str, Any]]:
    """Each name form once per language, with how often and as what it was seen."""
    forms: dict[tuple[str, str], dict[str, Any]] = {}
    for f in entity.get("forms") or []:
        row = forms.setdefault((f["name"], f.get("lang") or ""), {"name": f["name"], "lang": f.get("lang") or "",
                                                                   "seen": 0, "as": set()})
        row["seen"] += 1
        row["as"].add(f.get("as") or "")
    for lang, names in sorted((entity.get("names") or {}).items()):
        for name in names:
            forms.setdefault((name, lang), {"name": name, "lang": lang, "seen": 0, "as": set()})
    return [{**f, "as": sorted(a for a in f["as"] if a)} for f in forms.values()]


def _roles(entity: dict[str, Any]) -> list[dict[str, Any]]:
    """Roles over time: those the sources report (oldest first, undated last), then the offices
    the knowledge file holds."""
    reported = sorted(entity.get("roles") or [], key=lambda r: (r.get("reported") is None, r.get("reported") or ""))
    rows = [{"when": r.get("reported"), "role": r.get("role") or r.get("role_en"), "role_en": r.get("role_en"),
             "party": r.get("party"), "source": r.get("source"), "known": False} for r in reported]
    for o in ((entity.get("knowledge") or {}).get("offices") or []):
        rows.append({"when": f"{o.get('start') or '?'} – {o.get('end') or 'now'}", "role": o.get("title"),
                     "role_en": None, "party": o.get("country"), "source": None, "known": True})
    shown = entity.get("agreement_rows") or []
    if not rows and shown:  # a state or organisation: a party, from its first agreement to its last
        total = entity.get("agreements_total", len(shown))
        dates = sorted(r["date_signed"] for r in shown if r["date_signed"])
        span = f"{dates[0] if total == len(shown) else '…'} – {dates[-1]}" if dates else None
        rows.append({"when": span, "role": f"party to {total} agreement{'s' if total != 1 else ''}",
                     "role_en": None, "party": None, "source": None, "known": False})
    return rows


def _reasons(entity: dict[str, Any]) -> list[str]:
    if entity.get("reasons"):
        return list(entity["reasons"])
    if entity["type"] == "state":
        return [f"a state: its names are CLDR's names of the territory {entity.get('iso') or entity['id']} in each"
                " language accords reads"]
    if entity["type"] == "person":
        return ["a single form"]
    return ["an organisation: its names come from accords' list of organisations, one slug for every form"]


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request) -> HTMLResponse:
    """Sources whose text holds the words (any script), with the words in context."""
    q, lang, page = _text(request, "q"), _text(request, "lang"), _page(request)
    result: dict[str, Any] = {"items": [], "total": 0, "page": 1, "per_page": 20}
    titles: dict[str, str] = {}
    with request.app.state.settings.store() as store:
        if q:
            result = browse.search(store, q, lang=lang, page=page)
            for aid in {a for hit in result["items"] for a in hit["agreements"]}:
                rec = browse.agreement(store, aid)
                titles[aid] = rec["title"] if rec else aid
    pages = max(1, math.ceil(result["total"] / result["per_page"]))
    langs = sorted(set(available()) | ({lang} if lang else set()))
    return _render(request, "search.html", {"q": q, "lang": lang, "result": result, "titles": titles,
                                            "langs": langs, "pages": pages})

