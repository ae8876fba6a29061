"""Building a record from the statements of several sources."""

from __future__ import annotations

from accords.record import Stmt, _vote_instrument


def stmt(source: str, value: str) -> Stmt:
    return Stmt(f"{source}:0", source, "en", "instrument", value, 0, 5, "instrument-word")


def test_a_named_type_is_not_outvoted_by_the_generic_agreement():
    best, _ = _vote_instrument([stmt("a", "treaty"), stmt("b", "agreement")])
    assert best == "treaty"
    best, _ = _vote_instrument([stmt("a", "treaty"), stmt("b", "agreement"), stmt("c", "agreement")])
    assert best == "treaty"


def test_two_named_types_still_vote_and_agreement_alone_stays():
    best, others = _vote_instrument([stmt("a", "treaty"), stmt("b", "protocol"), stmt("c", "protocol")])
    assert best == "protocol" and {o["value"] for o in others} == {"treaty", "protocol"}
    assert _vote_instrument([stmt("a", "agreement")])[0] == "agreement"
