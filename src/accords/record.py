"""An agreement's record (spec/record.md), computed from the statements of its mentions.

Nothing here reads text again: every value comes from a statement, and its evidence is the
statement's span of its source. Where sources give different values for a field, the record
keeps the best-supported one and lists the others in `discrepancies`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from babel import Locale

from accords import labels
from accords.identity import PersonForm, PersonGroup, group_people, is_latin, other_given_names
from accords.knowledge import leaders, lookup
from accords.lang.lexicon import shared
from accords.lang.pack import load
from accords.names import latin, proper_name_around, same_name

INSTRUMENT_LABELS = {
    "memorandum_of_understanding": "Memorandum of understanding", "joint_declaration": "Joint declaration",
    "agreement": "Agreement", "treaty": "Treaty", "letter_of_intent": "Letter of intent",
    "protocol": "Protocol", "other": "Instrument",
}


@dataclass
class Stmt:
    mention: str
    source: str
    lang: str | None
    field: str
    value: Any
    start: int | None
    end: int | None
    rule: str | None


@cache
def _en_names() -> dict[str, str]:
    return dict(Locale.parse("en").territories)


def party_name(pid: str) -> str:
    if pid.startswith("org:"):
        names = shared("organizations.yaml").get(pid, {}).get("en") or [pid[4:]]
        return str(names[0])
    return _en_names().get(pid, pid)


def _as_written(pid: str, stmts: list[Stmt], texts: dict[str, str]) -> str | None:
    """An organisation no data file names: by its name as a source writes it in Latin script, else
    by its slug's romanised words (the name in its own script stays in the evidence)."""
    if not pid.startswith("org:") or pid in shared("organizations.yaml"):
        return None
    names = [" ".join(texts[s.source][s.start:s.end].split()) for s in stmts
             if s.value == pid and s.start is not None and s.end is not None]
    return next((n for n in names if is_latin(n)), " ".join(w.capitalize() for w in pid[4:].split("-")))


def _forms(stmts: list[Stmt]) -> list[PersonForm]:
    return [PersonForm(s.value["name"], s.lang, s.source, s.value.get("party"), s.value.get("role"),
                       s.value.get("role_en"), s.value.get("kb"), s) for s in stmts]


def _role(g: PersonGroup) -> str | None:
    for f in g.forms:
        if f.role and f.lang == "en":
            return str(f.role)
    for f in g.forms:
        if f.role_en:
            return str(f.role_en)
    return None


def _person_out(g: PersonGroup) -> dict[str, Any]:
    names: dict[str, str] = {}
    for f in g.forms:
        names.setdefault(f.lang or "und", f.name)
    name = g.best_name()
    if (lang := g.romanised_from()) is not None:
        # A machine romanisation is marked by its key: the source language in Latin script
        # (BCP 47 "he-Latn"), a form no source wrote.
        names[f"{lang}-Latn"] = name
    return {"name": name, "names": names, "role": _role(g), "party": g.party}


def _name_discrepancy(i: int, key: str, g: PersonGroup) -> dict[str, Any] | None:
    first = g.forms[0].name
    if all(same_name(f.name, first) for f in g.forms) or (g.kb and not g.by_side):
        return None
    values: list[dict[str, Any]] = []
    for f in g.forms:
        shown = f.name if is_latin(f.name) else f"{f.name} ({latin(f.name)})"
        row = next((v for v in values if v["value"] == shown), None)
        if row:
            if f.source not in row["sources"]:
                row["sources"].append(f.source)
        else:
            values.append({"value": shown, "sources": [f.source]})
    note = "same signatory by role and side; the spellings disagree" if g.by_side else "spellings disagree"
    return {"field": f"{key}[{i}].name", "values": values, "note": note}


def _vote(stmts: list[Stmt], key: Any = None) -> tuple[Any, list[dict[str, Any]]]:
    """The value most sources give (longer, more precise dates win ties), and the others."""
    if not stmts:
        return None, []
    by_value: dict[Any, set[str]] = {}
    for s in stmts:
        by_value.setdefault(s.value, set()).add(s.source)
    order = sorted(by_value, key=lambda v: (-len(by_value[v]), -len(str(v)), str(v)))
    best = order[0]
    others = [{"value": v, "sources": sorted(by_value[v])} for v in order]
    return best, others if len(order) > 1 else []


def _vote_instrument(stmts: list[Stmt]) -> tuple[Any, list[dict[str, Any]]]:
    """"Agreement" is what reports call any instrument: a source naming the type (treaty,
    memorandum) is not outvoted by one that says "the agreement"."""
    best, others = _vote(stmts)
    specific = [s for s in stmts if s.value not in (None, "agreement")]
    if best == "agreement" and specific:
        best = _vote(specific)[0]
    return best, others


def _evidence(stmts: list[Stmt], texts: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    seen = set()
    for s in stmts:
        if s.start is None or s.end is None or (s.source, s.start, s.end) in seen:
            continue
        seen.add((s.source, s.start, s.end))
        out.append({"source": s.source, "span": [s.start, s.end], "text": texts[s.source][s.start:s.end]})
    return out


def _instrument_name(stmts: list[Stmt], instrument: Any, texts: dict[str, str]) -> tuple[str, str] | None:
    """The instrument's own name in a source ("Strategic Partnership Agreement", "Tratado de
    Amistad y Cooperación"), with the source's language; English sources first."""
    for s in sorted(stmts, key=lambda s: (s.lang != "en", s.source, s.start or 0)):
        if s.value != instrument or s.start is None or s.end is None or not s.lang:
            continue
        connectors = frozenset(str(c).lower() for c in load(s.lang).get("parties.yaml", "org_connectors"))
        name = proper_name_around(texts[s.source], s.start, s.end, connectors)
        if name:
            return name, s.lang
    return None


def _title(rec: dict[str, Any], own: tuple[str, str] | None = None) -> str:
    """A one-line English summary; the instrument by the name the text gives it, where it gives
    one (in English as written, else after the type: "Treaty (Tratado de Amistad y Cooperación)")."""
    label = INSTRUMENT_LABELS.get(rec["instrument"] or "other", "Instrument")
    if own:
        label = own[0] if own[1] == "en" else f"{label} ({own[0]})"
    names = [p["name"] for p in rec["parties"]]
    between = " between " + (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]) \
        if names else ""
    topics = [d for d in rec["domains"] if d != "other"]  # "... on other" tells a reader nothing
    about = f" on {labels.domain(topics[0])}" if topics else ""
    when = f", signed {rec['date_signed']}" if rec["date_signed"] else ""
    where = f" in {rec['place']}" if rec["place"] else ""
    return f"{label}{between}{about}{when}{where}"


def _confidence(rec: dict[str, Any], n_sources: int, announced_only: bool = False) -> float:
    score = 0.45 + 0.1 * min(n_sources - 1, 3)
    score -= 0.15 if announced_only else 0  # no source says "signed": an announcement is weaker
    score += 0.1 if len(rec["parties"]) >= 2 else -0.15
    score += 0.05 if rec["date_signed"] else 0
    score += 0.05 if rec["signatories"] else 0
    score -= 0.1 * len(rec["discrepancies"])
    return round(max(0.05, min(0.99, score)), 2)


def build_record(agreement_id: str, stmts: list[Stmt], sources: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The record of one agreement from all statements of its mentions."""
    texts = {sid: str(s["text"]) for sid, s in sources.items()}
    by_field: dict[str, list[Stmt]] = {}
    for s in stmts:
        by_field.setdefault(s.field, []).append(s)
    f = lambda name: by_field.get(name, [])  # noqa: E731

    instrument, inst_others = _vote_instrument(f("instrument"))
    date, date_others = _vote(f("date_signed"))
    place, place_others = _vote(f("place"))
    party_ids = list(dict.fromkeys(s.value for s in f("party")))
    parties = [{"id": p, "type": "organization" if p.startswith("org:") else "state",
                "name": _as_written(p, f("party"), texts) or party_name(p),
                "bodies": list(dict.fromkeys(s.value["name"] for s in f("body") if s.value.get("party") == p))}
               for p in party_ids]
    discrepancies: list[dict[str, Any]] = []
    # Reports call any instrument "an agreement": only specific types that differ are a disagreement.
    inst_others = inst_others if len([v for v in inst_others if v["value"] != "agreement"]) > 1 else []
    for fname, others in (("instrument", inst_others), ("date_signed", date_others), ("place", place_others)):
        if others:
            discrepancies.append({"field": fname, "values": others, "note": "sources disagree"})

    sig_groups = group_people(_forms(f("signatory")))
    signatories = [_person_out(g) for g in sig_groups]
    sig_names = [fm.name for g in sig_groups for fm in g.forms]
    present_stmts = [s for s in f("present") if not any(
        same_name(s.value["name"], n) and not other_given_names(s.value["name"], n) for n in sig_names)]
    pres_groups = group_people(_forms(present_stmts))
    present = [_person_out(g) for g in pres_groups]
    for s in f("discrepancy"):  # a source that disagrees with itself (a weekday against its date)
        discrepancies.append({"field": s.value["field"], "values": [
            {"value": texts[s.source][s.start:s.end], "sources": [s.source]}], "note": s.value["note"]})
    for key, groups in (("signatories", sig_groups), ("present", pres_groups)):
        for i, g in enumerate(groups):
            d = _name_discrepancy(i, key, g)
            if d:
                discrepancies.append(d)

    domains = list(dict.fromkeys(s.value for s in f("domain")))
    areas: list[dict[str, Any]] = []
    for s in f("area"):
        if all(a["code"] != s.value for a in areas):
            areas.append({"code": s.value, "text": texts[s.source][s.start:s.end], "lang": s.lang})
    related: list[dict[str, Any]] = []
    for s in f("related"):
        key = (s.value.get("instrument"), tuple(sorted(s.value.get("parties", []))))
        if all((r["instrument"], tuple(sorted(r["parties"]))) != key for r in related):
            related.append({**s.value, "text": texts[s.source][s.start:s.end]})
    quotes = []
    all_groups = sig_groups + pres_groups
    for s in f("quote"):
        speaker = s.value.get("speaker")
        if speaker:
            g = next((g for g in all_groups if any(same_name(speaker, fm.name) for fm in g.forms)), None)
            speaker = g.best_name() if g else (leaders()[kb].name if (kb := lookup(speaker, s.lang or "en"))
                                                 else speaker)
        quotes.append({"speaker": speaker, "text": texts[s.source][s.start:s.end], "source": s.source,
                       "span": [s.start, s.end]})

    src_rows = sorted(sources.values(), key=lambda r: str(r["origin"]))
    rec: dict[str, Any] = {
        "id": agreement_id, "instrument": instrument, "title": "", "parties": parties,
        "signatories": signatories, "present": present, "date_signed": date, "place": place,
        "domains": domains, "areas": areas, "related": related, "quotes": quotes,
        "sources": [{"id": r["id"], "origin": r["origin"], "url": r["url"], "lang": r["lang"], "outlet": r["outlet"],
                     "published": r["published"], "title": r["title"]} for r in src_rows],
        "evidence": {
            "instrument": _evidence(f("instrument") + f("instrument_word"), texts),
            "parties": _evidence(f("party"), texts),
            "signatories": _evidence(f("signatory"), texts),
            "present": _evidence(f("present"), texts),
            "date_signed": _evidence([s for s in f("date_signed") + f("date_support") if s.value == date], texts),
            "place": _evidence([s for s in f("place") if s.value == place], texts),
            "domains": _evidence(f("domain"), texts),
            "areas": _evidence(f("area"), texts),
            "related": _evidence(f("related"), texts),
            "quotes": _evidence(f("quote"), texts),
        },
        "discrepancies": discrepancies,
        "confidence": 0.0,
    }
    rec["title"] = _title(rec, _instrument_name(f("instrument"), instrument, texts))
    triggers = {s.value for s in f("trigger")}
    rec["confidence"] = _confidence(rec, len(sources), announced_only=triggers == {"announced"})
    return rec


def stmt_from_row(row: Any) -> Stmt:
    return Stmt(row["mention_id"], row["source_id"], row["lang"], row["field"], json.loads(row["value"]),
                row["span_start"], row["span_end"], row["rule"])
