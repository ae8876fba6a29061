"""The command line as analysts live in it (issue 9): filters, readable tables, pipes, stdin,
exit statuses, what is skipped, plurals, progress, and no terminal escapes from sources."""

from __future__ import annotations

import glob
import io
import json
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from accords import __version__, listing
from accords.cli import main

pytestmark = pytest.mark.issue(9)
ROOT = Path(__file__).resolve().parents[1]
OTHER = ("France and Morocco signed a cooperation agreement on education in Rabat on 12 May 2024, "
         "the two foreign ministers said.")


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture()
def db(tmp_path, seed_files) -> str:
    path = str(tmp_path / "s.db")
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    assert run("ingest", *map(str, seed_files), str(other), "--db", path).exit_code == 0
    return path


def ids(result) -> list[str]:
    return [line.split("\t")[0] for line in result.stdout.splitlines()[1:]]


# -- list ----------------------------------------------------------------------------------------
def test_list_in_a_pipe_is_tab_separated_with_labels(db):
    lines = run("list", "--db", db).stdout.splitlines()
    assert lines[0].split("\t")[:4] == ["id", "date signed", "instrument", "parties"]
    rows = [line.split("\t") for line in lines[1:]]
    assert len(rows) == 2 and all(len(r) == 8 for r in rows)
    seed = next(r for r in rows if r[1] == "2026-02-03")
    assert seed[2] == "memorandum of understanding" and seed[3] == "Israel (IL), Azerbaijan (AZ)"
    assert seed[4] == "artificial intelligence"


@pytest.mark.parametrize(("args", "dates"), [
    (["--party", "AZ"], ["2026-02-03"]),
    (["--party", "azerbaijan"], ["2026-02-03"]),
    (["--party", "AZ", "--party", "FR"], []),
    (["--party", "AZ", "--since", "2025-01-01"], ["2026-02-03"]),
    (["--since", "2026-03"], []),
    (["--until", "2025"], ["2024-05-12"]),
    (["--instrument", "agreement"], ["2024-05-12"]),
    (["--domain", "artificial_intelligence"], ["2026-02-03"]),
    (["--lang", "ar"], ["2026-02-03"]),
    (["--search", "Nabiyev"], ["2026-02-03"]),
    (["--search", "نتنياهو"], ["2026-02-03"]),  # words of the Arabic source's text
    (["--search", "rabat"], ["2024-05-12"]),
    (["--sort", "oldest"], ["2024-05-12", "2026-02-03"]),
    ([], ["2026-02-03", "2024-05-12"]),
    (["--limit", "1"], ["2026-02-03"]),
])
def test_list_filters(db, args, dates):
    result = run("list", "--db", db, *args)
    assert result.exit_code == 0
    assert [line.split("\t")[1] for line in result.stdout.splitlines()[1:]] == dates


def test_list_rejects_a_date_that_is_not_one(db):
    result = run("list", "--db", db, "--since", "last week")
    assert result.exit_code == 2 and "YYYY" in result.output


def test_list_on_an_80_column_terminal_keeps_ids_and_labels_whole(db):
    from accords.store.sqlite import Store

    store = Store(db, readonly=True)
    rows = listing.agreement_rows(store, listing.Filters())
    store.close()
    buf = io.StringIO()
    listing.print_agreements(rows, len(rows), Console(file=buf, width=80, force_terminal=True, color_system=None),
                             True, False)
    text = buf.getvalue()
    assert "2 agreements" in text and all(r["id"] in text for r in rows)
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "memorandum_" not in text and "MoU" in text and "IL AZ" in text  # short labels, no word cut


def test_list_json_is_one_object_a_line(db):
    rows = [json.loads(line) for line in run("list", "--db", db, "--json").stdout.splitlines()]
    assert {tuple(r["parties"]) for r in rows} == {("IL", "AZ"), ("FR", "MA")}


# -- show --------------------------------------------------------------------------------------
def test_show_takes_a_unique_prefix(db):
    full = ids(run("list", "--db", db))[0]
    for prefix in (full[:8], full[4:9]):
        shown = run("show", prefix, "--db", db)
        assert shown.exit_code == 0 and full in shown.stdout


def test_show_names_the_sources_by_origin(db, seed_files):
    full = ids(run("list", "--db", db, "--party", "AZ"))[0]
    shown = run("show", full, "--db", db).stdout
    assert all(p.name in shown.replace("\n", "") for p in seed_files)


def test_show_an_ambiguous_prefix_lists_the_candidates(db):
    result = run("show", "agr-", "--db", db)
    assert result.exit_code == 2 and "2 agreement ids" in result.output


# -- ingest --------------------------------------------------------------------------------------
def test_ingest_reads_standard_input(tmp_path):
    db = str(tmp_path / "s.db")
    text = run("ingest", "-", "--db", db, "--json", input=OTHER)
    assert json.loads(text.stdout)["stored"] == 1
    feed = "\n".join(json.dumps({"text": OTHER.replace("12 May", f"{d} May"), "url": f"https://x.example/{d}"})
                     for d in (1, 2))
    lines = run("ingest", "-", "--db", db, "--json", input=feed)
    assert json.loads(lines.stdout)["stored"] == 2
    origins = [json.loads(x)["origin"] for x in run("sources", "--db", db, "--json").stdout.splitlines()]
    assert len(origins) == 3 and all(o.startswith("stdin:") for o in origins)


def test_ingest_exits_3_when_every_input_was_refused(tmp_path, seed_files):
    db = str(tmp_path / "s.db")
    assert run("ingest", str(tmp_path / "typo.txt"), "--db", db).exit_code == 3
    assert run("ingest", str(tmp_path / "typo.txt"), str(seed_files[0]), "--db", db).exit_code == 0
    assert run("ingest", str(tmp_path / "typo.txt"), str(seed_files[0]), "--db", db,
               "--fail-on-refusal").exit_code == 3
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = run("ingest", str(empty), "--db", db)
    assert nothing.exit_code == 3 and "no inputs found" in nothing.output


def test_hidden_folders_and_the_stores_own_files_are_not_inputs(tmp_path, seed_files):
    folder = tmp_path / "articles"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "notes.txt").write_text(OTHER, encoding="utf-8")
    (folder / "a.txt").write_bytes(seed_files[0].read_bytes())
    db = str(folder / "accords.db")
    run("ingest", str(folder), "--db", db)
    (folder / "accords.db-wal").write_bytes(b"")  # as SQLite leaves it beside a store in use
    summary = json.loads(run("ingest", str(folder), "--db", db, "--json").stdout)
    assert summary["read"] == 1 and summary["refused"] == []
    named = json.loads(run("ingest", db, "--db", db, "--json").stdout)
    assert named["refused"][0][1] == "E102" and "store itself" in named["refused"][0][2]


def test_summaries_speak_in_plurals(tmp_path, seed_files):
    db = str(tmp_path / "s.db")
    result = run("ingest", str(seed_files[0]), "--db", db)
    assert "read 1 input:" in result.output and "1 inputs" not in result.output
    assert "1 agreement written" in run("export", "--db", db).output


def test_progress_lines_when_stderr_is_not_a_terminal(tmp_path, seed_files):
    db = str(tmp_path / "s.db")
    quiet = run("ingest", *map(str, seed_files), "--db", db + "1")
    assert "ingest: " not in quiet.stderr  # a short run says nothing until its summary
    noisy = run("ingest", *map(str, seed_files), "--db", db + "2", "--progress-every", "0.000001")
    assert re.search(r"^ingest: \d+ inputs? read", noisy.stderr, re.M)


def test_version_has_a_short_flag():
    assert __version__ in run("-V").output


# -- sources -----------------------------------------------------------------------------------
def test_sources_tells_what_became_of_each_input(tmp_path, seed_files):
    db = str(tmp_path / "s.db")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    dutch = tmp_path / "nl.txt"  # a language no pack reads
    dutch.write_text("De minister heeft de stad bezocht en met de journalisten over de situatie gesproken.", "utf-8")
    calm = tmp_path / "calm.txt"
    calm.write_text("The weather in Baku was sunny and warm on Tuesday, forecasters said.", encoding="utf-8")
    run("ingest", str(bad), str(dutch), str(calm), *map(str, seed_files), "--db", db)
    rows = [json.loads(x) for x in run("sources", "--db", db, "--json").stdout.splitlines()]
    states = {Path(r["origin"]).name: r["state"] for r in rows}
    assert states == {"bad.json": "refused", "nl.txt": "unsupported", "calm.txt": "no-signing",
                      seed_files[0].name: "stored", seed_files[1].name: "stored"}
    refused = run("sources", "--db", db, "--state", "refused").stdout.splitlines()
    assert len(refused) == 2 and "bad.json" in refused[1] and "E104" in refused[1]


def test_the_readmes_first_command_offers_no_file_that_is_refused(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.search(r"```sh\n(.*?)\n```", readme, re.S).group(1)
    ingest = next(part for part in first.split("&&") if "accords ingest" in part)
    words = shlex.split(ingest)[2:]
    paths = [p for w in words for p in sorted(glob.glob(str(ROOT / w)))]
    assert paths
    summary = json.loads(run("ingest", *paths, "--db", str(tmp_path / "s.db"), "--json").stdout)
    assert summary["refused"] == [] and summary["agreements_created"] == 1


# -- untrusted text never reaches the terminal raw ---------------------------------------------------
PAYLOADS = ("\x1b[2J", "\x1b]0;pwned\x07", "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\", "\x9b2J",
            "\u202e")


def test_list_summaries_and_errors_make_control_characters_visible(tmp_path, seed_files):
    db = str(tmp_path / "s.db")
    evil_name = tmp_path / ("evil" + "".join(PAYLOADS[:2]) + ".bin")
    evil_name.write_bytes(b"x")
    feed = tmp_path / "feed.jsonl"
    text = seed_files[1].read_text(encoding="utf-8")
    feed.write_text(json.dumps({"text": text, "title": "".join(PAYLOADS), "outlet": PAYLOADS[2]}) + "\n",
                    encoding="utf-8")
    summary = run("ingest", str(evil_name), str(feed), "--db", db)
    listed = run("list", "--db", db)
    sources = run("sources", "--db", db)
    missing = run("show", "agr-zzzz", "--db", db + PAYLOADS[0])
    for out in (summary.output, listed.output, sources.output, missing.output):
        assert not any(c in out for c in ("\x1b", "\x9b", "\x07", "\u202e"))
    assert "\\x1b[2J" in summary.output and "\\x1b[2J" in sources.output


def test_a_long_list_of_refusals_is_cut_with_a_pointer(tmp_path):
    missing = [str(tmp_path / f"missing-{i}.txt") for i in range(60)]
    result = run("ingest", *missing, "--db", str(tmp_path / "s.db"))
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("  refused ")]
    assert result.exit_code == 3 and len(lines) == 50
    assert "… and 10 more refused (accords sources --state refused)" in result.stderr
