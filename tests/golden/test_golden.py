"""Golden pairs written for these tests: facts that must and must not be flagged."""

from __future__ import annotations

from typing import Any

import pytest

from tests.golden.golden import load_pairs, run_pair

PAIRS = load_pairs()


@pytest.mark.parametrize("pair", PAIRS, ids=[p["name"] for p in PAIRS])
def test_golden_pair(pair: dict[str, Any]) -> None:
    outcome = run_pair(pair)
    c = outcome.comparison
    report = "\n".join(f"  {ch.kind} {ch.status}: {ch.detail}" for ch in c.changes)
    assert not outcome.missed, f"missed {outcome.missed}; reported:\n{report}"
    assert not outcome.false_flags, f"flagged facts that did not change: {outcome.false_flags}"
    if "derivation" in pair:
        assert c.summary.derivation == pair["derivation"]
    else:
        assert c.summary.derivation != "non"
    for text in pair.get("dropped_contains", []):
        dropped_text = " ".join(c.original.sentences[i].text for i in c.dropped)
        assert text in dropped_text
    for a, b in pair.get("variants", []):
        assert any(v.original.text == a and v.retelling.text == b for v in c.variants), c.variants
