"""Merging mentions into agreements: blocking, the scorer, components, order independence."""

from __future__ import annotations

import itertools
import random

from accords.merge import MentionView, block_keys, candidate_pairs, components, merge_v1


def view(mid, parties, date=None, published=None, instrument=None, people=(), domains=()):
    return MentionView(mid, mid.split(":")[0], "en", published, instrument, set(parties), date, list(people),
                       set(domains))


def test_same_parties_and_day_merge():
    a = view("a:0", {"IL", "AZ"}, "2026-02-03", instrument="memorandum_of_understanding")
    b = view("b:0", {"IL", "AZ"}, None, "2026-02-04", "memorandum_of_understanding")
    assert merge_v1(a, b).verdict == "positive"


def test_different_instruments_or_pairs_or_years_do_not():
    a = view("a:0", {"IL", "US"}, "2025-07-08", instrument="memorandum_of_understanding")
    assert merge_v1(a, view("b:0", {"IL", "US"}, instrument="treaty")).verdict == "negative"
    assert merge_v1(a, view("c:0", {"IL", "AE"})).verdict == "negative"
    assert merge_v1(a, view("d:0", {"IL", "US"}, "2020-09-15")).verdict == "negative"
    assert merge_v1(a, view("e:0", {"IL", "US"}, None, "2023-01-01")).verdict == "negative"


def test_an_undated_report_joins_by_the_same_specific_subject_not_by_diplomacy():
    dated = view("a:0", {"FR", "AE"}, "2025-02-06", domains={"artificial_intelligence"})
    assert merge_v1(dated, view("b:0", {"FR", "AE"}, domains={"artificial_intelligence"})).verdict == "positive"
    assert merge_v1(dated, view("c:0", {"FR", "AE"}, domains={"energy"})).verdict == "unsure"
    generic = view("d:0", {"FR", "AE"}, "2025-02-06", domains={"diplomacy"})
    assert merge_v1(generic, view("e:0", {"FR", "AE"}, domains={"diplomacy"})).verdict == "unsure"
    undated = view("b:0", {"FR", "AE"}, domains={"artificial_intelligence"})
    assert ("a:0", "b:0") in candidate_pairs([dated, undated])


def test_two_events_of_one_source_stay_apart():
    assert merge_v1(view("a:0", {"IL", "AE"}), view("a:1", {"IL", "AE"})).verdict == "negative"


def test_blocking_finds_every_pair_the_scorer_would_merge():
    rnd = random.Random(7)
    parties = ["AZ", "IL", "US", "TR", "RU", "IR"]
    views: list[MentionView] = []
    for i in range(120):
        ps = set(rnd.sample(parties, rnd.choice([1, 2, 2, 3])))
        day = f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}" if rnd.random() < 0.5 else None
        pub = f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}" if rnd.random() < 0.8 else None
        doms = rnd.choice([(), ("diplomacy",), ("energy",), ("artificial_intelligence", "energy")])
        views.append(view(f"s{i}:0", ps, day, pub, rnd.choice([None, "agreement", "treaty"]), domains=doms))
    cands = candidate_pairs(views)
    for a, b in itertools.combinations(views, 2):
        if merge_v1(a, b).verdict == "positive":
            assert (min(a.id, b.id), max(a.id, b.id)) in cands


def test_blocking_is_symmetric():
    a = view("a:0", {"AZ", "US"}, "2026-02-10")
    b = view("b:0", {"AZ"}, None, "2026-03-01")
    sa, la = block_keys(a)
    sb, lb = block_keys(b)
    assert (la & sb) and (lb & sa)


def test_components_and_ids_do_not_depend_on_order():
    views = {m: view(m, {"IL", "AZ"}, "2026-02-03") for m in ["c:0", "a:0", "b:0", "d:0"]}
    edges = [("a:0", "b:0"), ("b:0", "c:0")]
    first = components(views, edges)
    second = components(dict(reversed(list(views.items()))), list(reversed(edges)))
    assert first == second
    assert first["a:0"] == first["c:0"] != first["d:0"]


def test_a_chain_through_a_one_party_report_does_not_join_two_signings():
    charter = view("a:0", {"AZ", "US"}, "2026-02-10", instrument="other", people=[("Ilham Aliyev", "AZ")])
    bridge = view("b:0", {"AZ"}, "2026-02-10", instrument="other", people=[("Ilham Aliyev", "AZ")])
    other = view("c:0", {"AZ", "TR"}, "2026-02-10", instrument="other", people=[("Ilham Aliyev", "AZ")])
    views = {v.id: v for v in (charter, bridge, other)}
    got = components(views, [("a:0", "b:0"), ("b:0", "c:0")])
    assert got["a:0"] != got["c:0"]
