"""How fast the web app answers the list, search and one-agreement calls on a large store.

    python bench/web_load.py STORE.db [--requests 200] [--concurrency 4] [--url http://127.0.0.1:8000]
    python bench/web_load.py STORE.db --in-process

Starts `accords serve --db STORE` in a subprocess on a free port of 127.0.0.1 (or targets --url),
and from this second process fires a bounded number of requests, a few at a time (httpx), at
the JSON API: the agreement list under various filters, sorts and pages; search for words in
Latin, Arabic, Hebrew, Chinese and Cyrillic script; one agreement and its sources; the facets.
`--in-process` times the same calls made to accords.browse directly, with no server. The calls
are drawn from the store (its parties, domains, languages, agreement ids) with a fixed seed.
Prints one JSON line: per endpoint the number of calls and p50/p95/max in milliseconds, the
requests and the errors (any status but 200, or no answer).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

WORDS = ["agreement", "cooperation", "ministre", "energy", "الذكاء", "اتفاقية", "التعاون", "ישראל", "הסכם",
         "合作", "中国", "谅解备忘录", "協力", "соглашение", "Баку", "işbirliği"]
SORTS = ["date", "oldest", "sources", "id"]


def sample(db: str, rnd: random.Random) -> dict[str, list[Any]]:
    """What the calls are drawn from: parties by popularity, domains, languages, agreement ids."""
    con = sqlite3.connect(f"file:{Path(db).resolve()}?mode=ro", uri=True)
    try:
        parties = [r[0] for r in con.execute("SELECT party_id FROM browse_parties GROUP BY party_id"
                                             " ORDER BY COUNT(*) DESC")]
        domains = [r[0] for r in con.execute("SELECT DISTINCT domain FROM browse_domains")]
        langs = [r[0] for r in con.execute("SELECT DISTINCT lang FROM browse_langs")]
        instruments = [r[0] for r in con.execute("SELECT DISTINCT instrument FROM browse_agreements")]
        top = con.execute("SELECT MAX(n) FROM browse_agreements").fetchone()[0] or 0
        picks = [rnd.randint(1, top) for _ in range(400)] if top else []
        ids = [r[0] for r in con.execute(f"SELECT id FROM browse_agreements WHERE n IN ({','.join('?' * len(picks))})",
                                         picks)]
    finally:
        con.close()
    return {"parties": parties, "domains": domains, "langs": langs, "instruments": instruments, "ids": ids}


def list_params(rnd: random.Random, s: dict[str, list[Any]]) -> dict[str, Any]:
    """One agreement-list call: a filter or two (popular, middling and rare parties), a sort, a page."""
    p: dict[str, Any] = {"sort": rnd.choice(SORTS), "page": rnd.choice([1, 1, 1, 2, 3, 10, 50]), "per_page": 50}
    parties = s["parties"]
    kind = rnd.choice(["none", "party", "party", "pair", "instrument", "domain", "lang", "dates", "discrepancies",
                       "q", "mixed"])
    if kind in ("party", "mixed"):
        p["party"] = [rnd.choice(parties[:5] if rnd.random() < 0.5 else parties)]
    if kind == "pair":
        p["party"] = rnd.sample(parties[:20], 2)
    if kind in ("instrument", "mixed"):
        p["instrument"] = rnd.choice(s["instruments"])
    if kind == "domain":
        p["domain"] = rnd.choice(s["domains"])
    if kind == "lang":
        p["lang"] = rnd.choice(s["langs"])
    if kind in ("dates", "mixed"):
        year = rnd.randint(2010, 2026)
        p["since"], p["until"] = f"{year}-{rnd.randint(1, 12):02d}", f"{year + rnd.randint(0, 3)}"
    if kind == "discrepancies":
        p["discrepancies"] = rnd.choice(["1", "0"])
    if kind == "q":
        p["q"] = rnd.choice(WORDS)
    return p


def plan(db: str, n: int, seed: int) -> list[tuple[str, str, dict[str, Any]]]:
    """(endpoint, path, params) calls: n each for list, search and agreement, fewer of the rest."""
    rnd = random.Random(seed)
    s = sample(db, rnd)
    calls = [("list", "/api/agreements", list_params(rnd, s)) for _ in range(n)]
    for _ in range(n):
        q: dict[str, Any] = {"q": rnd.choice(WORDS), "page": rnd.choice([1, 1, 2, 5])}
        if rnd.random() < 0.3:
            q["lang"] = rnd.choice(s["langs"])
        calls.append(("search", "/api/search", q))
    calls += [("agreement", f"/api/agreements/{rnd.choice(s['ids'])}", {}) for _ in range(n)]
    calls += [("sources", f"/api/agreements/{rnd.choice(s['ids'])}/sources", {}) for _ in range(n // 4)]
    calls += [("facets", "/api/facets", list_params(rnd, s)) for _ in range(n // 4)]
    rnd.shuffle(calls)
    return calls


def _at(ts: list[float], q: float) -> float:
    return round(ts[min(len(ts) - 1, int(q * len(ts)))], 1)


def figures(times: dict[str, list[float]]) -> dict[str, dict[str, float]]:
    """Per endpoint: calls, median, 95th percentile and slowest, in milliseconds."""
    out = {}
    for name, raw in sorted(times.items()):
        ts = sorted(raw)
        out[name] = {"n": len(ts), "p50": _at(ts, 0.5), "p95": _at(ts, 0.95), "max": round(ts[-1], 1)}
    return out


def query_of(p: dict[str, Any]) -> Any:
    from accords.browse import Query

    disc = {"1": True, "0": False}.get(p.get("discrepancies", ""))
    return Query(parties=tuple(p.get("party", ())), instrument=p.get("instrument"), domain=p.get("domain"),
                 lang=p.get("lang"), since=p.get("since"), until=p.get("until"), discrepancies=disc, q=p.get("q"),
                 sort=p.get("sort", "date"), page=p.get("page", 1), per_page=p.get("per_page", 50))


def in_process(db: str, calls: list[tuple[str, str, dict[str, Any]]]) -> dict[str, Any]:
    """The same calls made to accords.browse in this process (their answers serialised as the API would)."""
    from accords import browse
    from accords.store.sqlite import Store

    store = Store(db, readonly=True)
    do = {
        "list": lambda path, p: browse.agreements(store, query_of(p)),
        "search": lambda path, p: browse.search(store, p["q"], p.get("lang"), p.get("page", 1)),
        "agreement": lambda path, p: browse.agreement(store, path.rsplit("/", 1)[1]),
        "sources": lambda path, p: browse.sources(store, path.split("/")[3]),
        "facets": lambda path, p: browse.facets(store, query_of(p)),
    }
    times: dict[str, list[float]] = defaultdict(list)
    errors = 0
    try:
        for name, path, params in calls:
            start = time.perf_counter()
            try:
                json.dumps(do[name](path, params), ensure_ascii=False)
            except Exception as e:  # counted and shown, the run goes on
                errors += 1
                print(f"{name} {params}: {type(e).__name__}: {e}", file=sys.stderr)
            times[name].append((time.perf_counter() - start) * 1000)
    finally:
        store.close()
    return {"mode": "in-process", "requests": len(calls), "errors": errors, "endpoints": figures(times)}


async def _fire(url: str, calls: list[tuple[str, str, dict[str, Any]]], concurrency: int) -> dict[str, Any]:
    import httpx

    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    gate = asyncio.Semaphore(concurrency)

    async def one(client: httpx.AsyncClient, name: str, path: str, params: dict[str, Any]) -> None:
        async with gate:
            start = time.perf_counter()
            try:
                r = await client.get(path, params=params)
                await r.aread()
                ok = r.status_code == 200
            except httpx.HTTPError:
                ok = False
            times[name].append((time.perf_counter() - start) * 1000)
            if not ok:
                errors[name] += 1

    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        await asyncio.gather(*(one(client, *c) for c in calls))
    return {"mode": "http", "concurrency": concurrency, "requests": len(calls), "errors": sum(errors.values()),
            "errors_by_endpoint": dict(errors), "endpoints": figures(times)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(db: str) -> tuple[subprocess.Popen[bytes], str]:
    """`accords serve` on the store, in a subprocess; returns it and its URL once it answers."""
    import httpx

    port = _free_port()
    accords = Path(sys.executable).with_name("accords")
    proc = subprocess.Popen([str(accords), "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"accords serve exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            if httpx.get(f"{url}/api/agreements", params={"per_page": 1}, timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    sys.exit("accords serve did not answer within 60 s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("store", help="the store (read for the calls to make; served unless --url is given)")
    ap.add_argument("--url", help="a running server to target instead of starting one")
    ap.add_argument("--requests", type=int, default=200, help="calls per main endpoint (list, search, agreement)")
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--in-process", action="store_true", help="call accords.browse directly, no server")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    calls = plan(args.store, min(args.requests, 5000), args.seed)
    if args.in_process:
        print(json.dumps(in_process(args.store, calls)))
        return
    proc, url = (None, args.url) if args.url else serve(args.store)
    try:
        result = asyncio.run(_fire(url, calls, max(1, min(args.concurrency, 32))))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=10)
    print(json.dumps(result | {"url": url}))


if __name__ == "__main__":
    main()
