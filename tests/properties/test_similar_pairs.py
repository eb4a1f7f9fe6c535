"""similar_pairs keeps exactly the entries of the full product that reach the threshold."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retold.align import scorers
from retold.align.scorers import similar_pairs, tfidf_vectors

WORDS = [f"w{i}" for i in range(40)] + ["the", "of", "and", "to", "a", "in"] * 6


@st.composite
def sentence_lists(draw: st.DrawFn) -> list[str]:
    n = draw(st.integers(1, 40))
    return [" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)))
            for _ in range(n)]


@pytest.fixture(autouse=True)
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    # Force the bounded path on small inputs: no direct product, few documents per common term.
    monkeypatch.setattr(scorers, "DIRECT_CELLS", 0)
    monkeypatch.setattr(scorers, "COMMON_MIN_DF", 2)
    monkeypatch.setattr(scorers, "_ROW_BLOCK", 7)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(sentence_lists(), sentence_lists(), st.sampled_from([0.15, 0.3, 0.4, 0.6]))
def test_same_entries_as_the_full_product(left: list[str], right: list[str],
                                          threshold: float) -> None:
    a, b = tfidf_vectors(left, right)
    full = (a @ b.T).toarray()
    got = similar_pairs(a, b, threshold).toarray()
    want = np.where(full >= threshold, full, 0.0)
    kept = got != 0
    assert np.array_equal(kept, want != 0) or np.allclose(got, want, atol=1e-9)
    assert np.allclose(got[kept], full[kept], atol=1e-12)
    assert np.all(got[want >= threshold + 1e-9] > 0)
