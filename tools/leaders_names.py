"""Add the ten newer languages' name forms to src/accords/data/leaders.yaml from a
Wikidata-generated source, and list the forms the source lacks under each person's `gaps`.

Two kinds of EveryPolitician files, both written by Wikidata queries, are read from git copies:

- legislatures (`--legislatures GIT_DIR[@COMMIT]`, the everypolitician-data repository): each
  legislature's `sources/morph/wikidata.csv`, one row per member, keyed by the Wikidata id, with
  the member's Wikidata label in each language (`name__zh`, `name__ja`, ...). A row counts only
  when its English label carries the person's surname (a second check on the id);
- office holders (`--holders GIT_DIR`, an every-politician-scrapers repository, every commit):
  each `wikidata.csv` of `item,itemLabel` rows whose query (the `wikidata.js` beside it) takes
  the label in the languages of its `meta.json` `lang`; a label counts for the first of those
  languages only (the others are fall-backs), and for a Latin-script language only when it is the
  sole one (a fall-back label could not be told apart by its script).

A form is taken only for a person whose Wikidata id is given in leaders.yaml and only as Wikidata
writes it: no name is transliterated or guessed here. Whatever the sources lack is a gap.

Usage (nothing is fetched; the git copies are read as they are):

    python tools/leaders_names.py --legislatures DIR@COMMIT [...] --holders DIR [--holders DIR ...]

The script rewrites only the `names:` line of each entry (the eleven older languages untouched,
the ten newer ones replaced by what the sources give) and rewrites each person's `gaps` line. Run it again
after new sources: the result depends on the sources alone. See src/accords/data/LEADERS.md.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "accords" / "data"
OLD = ("en", "ar", "he", "ru", "tr", "az", "fr", "fa", "de", "es", "ka")
NEW = ("zh", "ja", "ko", "hi", "ur", "pt", "it", "uk", "bg", "id")
# The source's label columns for each language, best first (Wikidata's own language variants).
COLUMNS = {"zh": ("zh_cn", "zh_hans", "zh"), "pt": ("pt", "pt_br")}
# The script a language's press writes names in: a label in another script is not a form of it.
SCRIPT = {"zh": r"[\u4e00-\u9fff]", "ja": r"[\u3040-\u30ff\u4e00-\u9fff]", "ko": r"[\uac00-\ud7af]",
          "hi": r"[\u0900-\u097f]", "ur": r"[\u0600-\u06ff]", "uk": r"[\u0400-\u04ff]",
          "bg": r"[\u0400-\u04ff]", "pt": r"[A-Za-zÀ-ÿ]", "it": r"[A-Za-zÀ-ÿ]", "id": r"[A-Za-zÀ-ÿ]"}
LATIN = {"pt", "it", "id"}


def fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def git(git_dir: str, *args: str) -> str:
    done = subprocess.run(["git", "--git-dir", git_dir, *args], capture_output=True)
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else ""


def source_rows(git_dir: str, commit: str) -> dict[str, list[dict[str, str]]]:
    """Every row of every legislature's wikidata.csv, by Wikidata id."""
    listing = git(git_dir, "ls-tree", "-r", "--name-only", commit).split()
    if not listing:  # a wrong path must not empty the file of its forms
        raise SystemExit(f"{git_dir}@{commit}: no such git directory or commit")
    rows: dict[str, list[dict[str, str]]] = {}
    csv.field_size_limit(1 << 30)
    for path in sorted(p for p in listing if p.endswith("/sources/morph/wikidata.csv")):
        for row in csv.DictReader(io.StringIO(git(git_dir, "show", f"{commit}:{path}"))):
            if re.fullmatch(r"Q\d+", row.get("id") or ""):
                rows.setdefault(row["id"], []).append(row)
    return rows


def label_language(git_dir: str, commit: str, folder: str) -> str | None:
    """The language a holders query takes its labels in: the first of `meta.lang`, when the
    query asks for labels in `meta.lang`; None when it does not or the language is ambiguous."""
    query = git(git_dir, "show", f"{commit}:{folder}/wikidata.js")
    if "meta.lang" not in query or not re.search(r"wikibase:language|rdfs:label \?labelName", query):
        return None
    try:
        codes = str(json.loads(git(git_dir, "show", f"{commit}:{folder}/meta.json")).get("lang") or "")
    except ValueError:
        return None
    codes_list = [c.strip() for c in codes.split(",") if c.strip()]
    if not codes_list or codes_list[0] not in NEW or (codes_list[0] in LATIN and len(codes_list) > 1):
        return None
    return codes_list[0]


def holder_labels(git_dir: str) -> dict[str, dict[str, list[str]]]:
    """Labels in a newer language from every version of every holders wikidata.csv, by id."""
    out: dict[str, dict[str, list[str]]] = {}
    logged = git(git_dir, "log", "--all", "--format=", "--name-only").split()
    if not logged:
        raise SystemExit(f"{git_dir}: no such git directory")
    paths = {p for p in logged if p.endswith("wikidata.csv") and "/" in p}
    for path in sorted(paths):
        folder = path.rsplit("/", 1)[0]
        for commit in git(git_dir, "log", "--all", "--format=%H", "--", path).split():
            lang = label_language(git_dir, commit, folder)
            if lang is None:
                continue
            for row in csv.DictReader(io.StringIO(git(git_dir, "show", f"{commit}:{path}"))):
                label = " ".join((row.get("itemLabel") or "").split())
                if re.fullmatch(r"Q\d+", row.get("item") or "") and usable(lang, label):
                    forms = out.setdefault(row["item"], {}).setdefault(lang, [])
                    if label not in forms:
                        forms.append(label)
    return out


def usable(lang: str, label: str) -> bool:
    """A label as the press writes it: in the language's script, not inverted ("Surname, Given"),
    no page prefix ("Category:") or disambiguation ("(politician)")."""
    if not label or "," in label or ":" in label or "(" in label:
        return False
    if re.search(r"(ович|евич|івна|ївна|овна|евна|ovych|ovich|evich|ivna|ovna|evna)\b", label, re.I):
        return False  # the formal "Surname Given Patronymic", not the press's "Given Surname"
    if not re.search(SCRIPT[lang], label):
        return False
    if lang in LATIN:  # Latin letters only, and a capital first ("manuel vall" is a stray label)
        return label[0].isupper() and all(not c.isalpha() or ord(c) < 0x250 for c in label)
    return not re.search(r"[A-Za-z]", label)


def forms_for(person: dict, rows: list[dict[str, str]], held: dict[str, list[str]]) -> dict[str, list[str]]:
    """The person's forms in the newer languages: the legislature rows that carry their id, then
    the office holders' labels (`held`, by language)."""
    # The row's English label must carry the person's surname ("Elizabeth Truss" for Liz Truss).
    surnames = {fold(f).split()[-1] for f in person["names"]["en"]}
    rows = [r for r in rows if surnames & set(fold(f"{r.get('name__en', '')} {r.get('name', '')}").split())]
    out: dict[str, list[str]] = {}
    for lang in NEW:
        seen: list[str] = []
        for row in rows:
            for column in COLUMNS.get(lang, (lang,)):
                label = " ".join((row.get(f"name__{column}") or "").split())
                if usable(lang, label) and label not in seen:
                    seen.append(label)
        seen += [label for label in held.get(lang, []) if label not in seen]
        seen = [label for label in seen if not any(is_tail(label, other) for other in seen)]
        if seen:
            out[lang] = seen
    return out


def is_tail(label: str, other: str) -> bool:
    """`label` is the last part of `other` ("真蒂洛尼" of "保罗·真蒂洛尼"): a bare surname, which
    would name anyone of that name."""
    return label != other and re.split(r"[\s·・•‧=＝]", other)[-1] == label


PLAIN = re.compile(r"^[^\s\[\]{},:#&*!|>'\"%@`-][^\[\]{},:#]*$")


def flow(names: dict[str, list[str]]) -> str:
    """The `names:` mapping in the file's one-line flow style."""
    def item(text: str) -> str:
        return text if PLAIN.match(text) and text.strip() == text else json.dumps(text, ensure_ascii=False)
    return "{" + ", ".join(f"{lang}: [" + ", ".join(item(f) for f in forms) + "]"
                           for lang, forms in names.items()) + "}"


def holders_labels(holders: list[str]) -> dict[str, dict[str, list[str]]]:
    """The office holders' labels of every holders repository, merged, by id and language."""
    held: dict[str, dict[str, list[str]]] = {}
    for repo in holders:
        for qid, by_lang in holder_labels(repo).items():
            for lang, forms in by_lang.items():
                known = held.setdefault(qid, {}).setdefault(lang, [])
                known.extend(f for f in forms if f not in known)
    return held


def main(legislatures: list[str], holders: list[str]) -> None:
    path = DATA / "leaders.yaml"
    text = path.read_text(encoding="utf-8")
    people = yaml.safe_load(text)
    rows: dict[str, list[dict[str, str]]] = {}
    for source in legislatures:
        git_dir, _, commit = source.partition("@")
        for qid, found in source_rows(git_dir, commit or "HEAD").items():
            rows.setdefault(qid, []).extend(found)
    held = holders_labels(holders)
    # the gaps lines are written anew below, each after its person's names line
    lines = [line for line in text.split("\n") if not line.startswith("  gaps: [")]
    name_lines = [i for i, line in enumerate(lines) if line.startswith("  names: {")]
    assert len(name_lines) == len(people), "one flow-style names: line per entry expected"
    filled = dict.fromkeys(NEW, 0)
    for i, person in zip(name_lines, people, strict=True):
        names = {lang: person["names"][lang] for lang in OLD if lang in person["names"]}
        # the older languages must come out as written: the flow style round-trips them
        assert lines[i].startswith("  names: " + flow(names)[:-1]), person["name"]
        new = forms_for(person, rows.get(person["id"] or "", []), held.get(person["id"] or "", {}))
        names.update({lang: new[lang] for lang in NEW if lang in new})
        lines[i] = "  names: " + flow(names)
        missing = [lang for lang in NEW if lang not in new]
        if missing:
            lines[i] += "\n  gaps: [" + ", ".join(missing) + "]"
        filled.update({lang: filled[lang] + 1 for lang in new})
    path.write_text("\n".join(lines), encoding="utf-8")
    print("people with a form, by language:", filled, "of", len(people))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--legislatures", action="append", required=True,
                        help="an everypolitician-data git dir[@commit] (several: labels of all)")
    parser.add_argument("--holders", action="append", default=[], help="every-politician-scrapers git dir")
    main(parser.parse_args().legislatures, parser.parse_args().holders)
