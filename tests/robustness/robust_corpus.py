"""Small signing reports made from templates, for the crash test and the fuzz loop.

Countries are real (extraction knows them from CLDR); people, dates and subjects are drawn at
random, so that a few thousand documents give hundreds of agreements and some duplicates.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

COUNTRIES = ["Japan", "Kenya", "France", "Brazil", "India", "Egypt", "Chile", "Norway", "Poland", "Ghana",
             "Peru", "Italy", "Spain", "Mexico", "Canada", "Greece", "Jordan", "Oman", "Qatar", "Vietnam",
             "Morocco", "Senegal", "Austria", "Portugal", "Indonesia", "Argentina", "Tunisia", "Finland"]
INSTRUMENTS = ["a memorandum of understanding", "a cooperation agreement", "a joint declaration",
               "a treaty", "a protocol", "a letter of intent"]
SUBJECTS = ["energy", "education", "health", "agriculture", "tourism", "trade", "culture", "water management",
            "digital transformation", "maritime transport"]
FIRST = ["Amara", "Lucas", "Mei", "Tomas", "Nadia", "Ravi", "Ingrid", "Omar", "Sofia", "Kwame", "Elena", "Jonas"]
LAST = ["Okafor", "Lindqvist", "Tanaka", "Moreau", "Haddad", "Silva", "Novak", "Mensah", "Ortega", "Kowalski"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September", "October", "November"]
TEMPLATES = [
    "{a} and {b} signed {inst} on {subj} on {day} {month} 2025.\nThe ministers met in the capital.\n",
    "Foreign Minister {p1} of {a} and Foreign Minister {p2} of {b} signed {inst} on {subj} on {day} {month} 2025.\n",
    "On {day} {month} 2025, {a} and {b} signed {inst} in the field of {subj}.\n\"This is a new chapter,\""
    " said {p1}.\n",
    "{a} and {b} have signed {inst} to deepen cooperation in {subj}, officials said on {day} {month} 2025.\n",
]


def article(rng: random.Random) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    person = lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)}"  # noqa: E731
    return rng.choice(TEMPLATES).format(a=a, b=b, inst=rng.choice(INSTRUMENTS), subj=rng.choice(SUBJECTS),
                                        day=rng.randint(1, 28), month=rng.choice(MONTHS), p1=person(), p2=person())


def write_corpus(folder: Path, n: int, seed: int = 7) -> Path:
    """`n` articles under `folder`: text files in sub-folders, one JSON Lines feed, a few duplicates
    and a few inputs that must be refused."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    texts = [article(rng) for _ in range(n)]
    feed = texts[: n // 5]
    (folder / "feed.jsonl").write_text("".join(json.dumps({"text": t, "url": f"https://news.test/{i}"}) + "\n"
                                               for i, t in enumerate(feed)), encoding="utf-8")
    for i, t in enumerate(texts[n // 5 :]):
        sub = folder / f"part{i % 7}"
        sub.mkdir(exist_ok=True)
        (sub / f"doc{i:05d}.txt").write_text(t, encoding="utf-8")
    (folder / "part0" / "copy.txt").write_text(texts[-1], encoding="utf-8")  # the same text twice
    (folder / "part1" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "part2" / "empty.txt").write_bytes(b"")
    return folder
