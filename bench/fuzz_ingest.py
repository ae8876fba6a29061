"""Fuzz the ingest path for a given time: write random files, ingest them, check the store.

    python bench/fuzz_ingest.py SECONDS [SEED]

Inputs: random bytes, mutated articles in random encodings, random JSON values and records,
nested or script-only HTML, gzip (good, corrupt, bombs). After every round the store is checked
(`accords.check`) and, now and then, the round is ingested again, which must change nothing.
Prints inputs tried, outcomes, refusals by code, and crashes (must be 0).
"""

from __future__ import annotations

import gzip
import json
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "robustness"))

from robust_corpus import article  # noqa: E402

from accords.check import check  # noqa: E402
from accords.limits import Limits  # noqa: E402
from accords.service import ingest  # noqa: E402
from accords.store.sqlite import Store  # noqa: E402

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1256", "cp1251", "koi8_r", "cp1254", "cp1255",
             "iso8859_6", "iso8859_8", "latin-1"]
ODD = ["\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u0000", "\r", "\r\n", "\u0430", "\u03bf", "\ufffd",
       "\U0001f91d", "\u0651", "\u05b8", "وقعت", "מזכר", "подписали", "<", "&amp;", "\"", "\\", "\t", "  "]


def _mutate(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(0, 6)):
        op = rng.random()
        pos = rng.randint(0, len(b))
        if op < 0.4 and b:
            b[min(pos, len(b) - 1)] = rng.randint(0, 255)
        elif op < 0.7:
            b[pos:pos] = bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 8)))
        elif op < 0.85:
            del b[pos : pos + rng.randint(1, 20)]
        else:
            b = b[:pos]
    return bytes(b)


def _text(rng: random.Random) -> str:
    words = article(rng).split(" ")
    for _ in range(rng.randint(0, 5)):
        words.insert(rng.randint(0, len(words)), rng.choice(ODD))
    if rng.random() < 0.2:
        words.append("".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(1, 200))))
    return " ".join(words)


def _encoded(rng: random.Random, text: str) -> bytes:
    return text.encode(rng.choice(ENCODINGS), errors="replace")


def _json_value(rng: random.Random, depth: int = 0) -> object:
    kinds = ["str", "num", "null", "bool", "list", "obj", "record"] if depth < 4 else ["str", "num", "null"]
    kind = rng.choice(kinds)
    if kind == "str":
        return _text(rng) if rng.random() < 0.5 else rng.choice(ODD)
    if kind == "num":
        return rng.choice([0, -1, 1e308, 3.5, 10**30])
    if kind in ("null", "bool"):
        return None if kind == "null" else rng.random() < 0.5
    if kind == "list":
        return [_json_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if kind == "obj":
        return {rng.choice(["text", "html", "url", "title", "x"]): _json_value(rng, depth + 1) for _ in range(3)}
    return {"text": _text(rng), "url": rng.choice([None, "https://n.test/2025/03/03/a", 5]),
            "published": rng.choice([None, "2025-03-03", "yesterday", "", 7]), "title": _text(rng)[:40]}


def _html(rng: random.Random) -> bytes:
    body = _text(rng)
    shape = rng.random()
    if shape < 0.2:
        body = "<div>" * rng.randint(100, 3000) + body
    elif shape < 0.35:
        body = f"<script>{body}</script>"
    elif shape < 0.5:
        body = "<span></span>" * rng.randint(1000, 20000) + body
    else:
        body = f"<article><h1>Title</h1><p>{body}</p></article>"
    return _mutate(rng, f"<html><head><title>t</title></head><body>{body}</body></html>".encode())


def _gz(rng: random.Random) -> bytes:
    r = rng.random()
    if r < 0.3:
        return gzip.compress(b"A" * rng.randint(1, 3) * 1024 * 1024)  # over the 1 MB limit once unpacked
    data = gzip.compress(_encoded(rng, _text(rng)))
    return _mutate(rng, data) if r < 0.6 else data


def one_file(rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(["bytes", "text", "text", "json", "jsonl", "html", "gz", "magic"])
    if kind == "bytes":
        return ".txt", bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 3000)))
    if kind == "text":
        return rng.choice([".txt", ".md"]), _mutate(rng, _encoded(rng, _text(rng)))
    if kind == "json":
        return ".json", _mutate(rng, json.dumps(_json_value(rng)).encode()) if rng.random() < 0.3 \
            else json.dumps(_json_value(rng)).encode()
    if kind == "jsonl":
        return ".jsonl", "\n".join(json.dumps(_json_value(rng)) for _ in range(rng.randint(1, 5))).encode()
    if kind == "html":
        return ".html", _html(rng)
    if kind == "gz":
        return ".txt.gz", _gz(rng)
    return ".txt", rng.choice([b"%PDF-1.5\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\xff\xd8\xff"]) + _encoded(
        rng, _text(rng))


def _again(folder: Path, store: Store, limits: Limits, first, stats: Counter) -> None:
    """A second ingest of the same files must store nothing, except documents the first run
    refused for time (E112): whether they fit depends on the machine's load, and the retry is
    how nothing gets lost."""
    timed_out = {o for o, code, _ in first.refused if code == "E112"}
    before = {r[0] for r in store.db.execute("SELECT origin FROM origins")}
    again = ingest([str(folder)], store, limits=limits)
    new = {r[0] for r in store.db.execute("SELECT origin FROM origins")} - before
    stats["re-ingests"] += 1
    stats["stored on retry after E112"] += len(new & timed_out)
    if new - timed_out or again.stored > len(new & timed_out):
        raise AssertionError(f"a second ingest stored {again.stored} sources again: {sorted(new - timed_out)[:3]}")


def one_round(rng: random.Random, folder: Path, store: Store, db: Path, stats: Counter, codes: Counter) -> None:
    for i in range(rng.randint(5, 20)):
        suffix, data = one_file(rng)
        (folder / f"f{i:02d}{suffix}").write_bytes(data)
    limits = Limits(max_bytes=1024 * 1024, max_seconds=5)
    summary = ingest([str(folder)], store, limits=limits)
    stats["inputs"] += summary.read
    stats["stored"] += summary.stored
    stats["unchanged"] += summary.unchanged
    stats["no signing"] += summary.no_signing
    codes.update(code for _, code, _ in summary.refused)
    if rng.random() < 0.2:
        _again(folder, store, limits, summary, stats)
    report = check(db)
    if not report.ok or report.pending:
        raise AssertionError(f"check: {report.problems[:3]}, pending {report.pending}")


def main(seconds: float, seed: int = 1) -> int:
    rng = random.Random(seed)
    stats: Counter = Counter()
    codes: Counter = Counter()
    crashes = []
    t_end = time.monotonic() + seconds
    with tempfile.TemporaryDirectory() as tmp:
        rounds = 0
        while time.monotonic() < t_end:
            db = Path(tmp) / f"s{rounds // 40}.db"  # a fresh store now and then keeps rounds fast
            folder = Path(tmp) / f"r{rounds}"
            folder.mkdir()
            store = Store(db)
            try:
                one_round(rng, folder, store, db, stats, codes)
            except Exception:  # a crash is what we are looking for: record it and go on
                crashes.append(traceback.format_exc())
            finally:
                store.close()
            rounds += 1
    print(f"seconds {seconds:g}, seed {seed}, rounds {rounds}, inputs tried {stats['inputs']}")
    print(f"stored {stats['stored']}, unchanged {stats['unchanged']}, with no signing {stats['no signing']}, "
          f"refused {sum(codes.values())}")
    for code, n in sorted(codes.items()):
        print(f"  {code}: {n}")
    print(f"re-ingests {stats['re-ingests']} (stored again: 0; retried after E112 and stored:"
          f" {stats['stored on retry after E112']})")
    print(f"crashes {len(crashes)}")
    for c in crashes[:3]:
        print(c)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main(float(sys.argv[1]) if len(sys.argv) > 1 else 60, int(sys.argv[2]) if len(sys.argv) > 2 else 1))
