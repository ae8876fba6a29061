"""Start-up time and memory of a worker, with every language pack loaded or only some.

    python bench/startup.py [--langs all|eleven|CODE,CODE...] [--repeat N]

Each measurement runs in a fresh Python process (so nothing is cached from an earlier one) that
imports the pipeline, loads and compiles the lexicon of every pack asked for (what a worker does
before its first document in each language), then identifies the language of one sentence per
pack (which builds the detectors and loads the models those sentences need). It prints the
seconds of each phase and the process's peak memory; with --repeat, the median of N processes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

# The languages read before the twenty-one-language issue: the baseline of the comparison.
ELEVEN = ("ar", "az", "de", "en", "es", "fa", "fr", "he", "ka", "ru", "tr")

_CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from accords.extract import annotate
from accords.lang.detect import identify
from accords.lang.pack import available, read_files
t1 = time.perf_counter()
langs = [c for c in sys.argv[1].split(",") if c in available()]
for code in langs:
    annotate("x", code)
t2 = time.perf_counter()
for code in langs:
    case = (read_files(code).get("examples.yaml", {}).get("examples") or [{"text": "x"}])[0]
    identify(case["text"])
t3 = time.perf_counter()
print(json.dumps({"languages": len(langs), "import_s": t1 - t0, "packs_s": t2 - t1, "detector_s": t3 - t2,
                  "total_s": t3 - t0, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(langs: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _CHILD, langs], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--langs", default="all", help="all, eleven, or a comma-separated list of codes")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    from accords.lang.pack import available

    langs = ",".join(available() if a.langs == "all" else ELEVEN if a.langs == "eleven" else a.langs.split(","))
    runs = [measure(langs) for _ in range(a.repeat)]
    median = {k: round(statistics.median(r[k] for r in runs), 2) for k in runs[0]}
    median["languages"] = int(median["languages"])
    print(json.dumps({"asked": langs, "repeat": a.repeat, **median}, indent=1))


if __name__ == "__main__":
    main()
