from __future__ import annotations

import numpy as np
import pytest

from retold.trace import candidates as cd
from retold.trace.fingerprint import fingerprint
from tests.unit.test_trace_corpus import CHANGED, CUT, ORIGINAL, PARAPHRASE, REORDERED, UNRELATED


def _keys(fps: list) -> dict:
    p = cd.SearchParams()
    sk = cd.band_keys(np.stack([f.shingles for f in fps]), p.shingle_bands, p.shingle_rows)
    wk = cd.band_keys(np.stack([f.words for f in fps]), p.word_bands, p.word_rows)
    idx = np.arange(len(fps))
    return {
        "shingles": (sk.ravel(), np.repeat(idx, sk.shape[1])),
        "words": (wk.ravel(), np.repeat(idx, wk.shape[1])),
        "facts": (np.concatenate([f.facts for f in fps]),
                  np.repeat(idx, [len(f.facts) for f in fps])),
    }


TEXTS = [ORIGINAL, CUT, REORDERED, PARAPHRASE, CHANGED, UNRELATED]


def test_search_finds_every_retelling_and_says_which_channels() -> None:
    fps = [fingerprint(str(i), t) for i, t in enumerate(TEXTS)]
    pairs, stats = cd.search(_keys(fps), np.ones(len(fps), dtype=bool))
    for j in (1, 2, 3, 4):
        assert (0, j) in pairs
    assert "shingles" in cd.channel_names(pairs[(0, 1)][0])
    assert "shingles" not in cd.channel_names(pairs[(0, 3)][0])  # the paraphrase: other ways
    assert stats.pairs == len(pairs)


def test_preverification_keeps_retellings_and_drops_the_unrelated() -> None:
    fps = [fingerprint(str(i), t) for i, t in enumerate(TEXTS)]
    for j in (1, 2, 3, 4):
        assert cd.worth_verifying(cd.estimate(fps[0], fps[j])), j
    assert not cd.worth_verifying(cd.estimate(fps[0], fps[5]))


def test_only_pairs_with_a_new_article_are_searched() -> None:
    fps = [fingerprint(str(i), t) for i, t in enumerate([ORIGINAL, ORIGINAL, ORIGINAL])]
    pairs, _ = cd.search(_keys(fps), np.array([False, False, True]))
    assert set(pairs) == {(0, 2), (1, 2)}


def test_buckets_over_the_cap_are_skipped_and_counted() -> None:
    members = list(range(10))
    got, capped = cd.pairs_in_bucket(members, [True] * 10, cap=5)
    assert (got, capped) == ([], True)
    got, capped = cd.pairs_in_bucket([3, 1, 2], [False, False, True], cap=5)
    assert (sorted(got), capped) == ([(1, 2), (2, 3)], False)
    fps = [fingerprint(str(i), ORIGINAL) for i in range(8)]
    pairs, stats = cd.search(_keys(fps), np.ones(8, dtype=bool), cd.SearchParams(bucket_cap=4))
    assert pairs == {} and stats.capped_buckets > 0 and stats.capped_articles >= 8


def test_vectorised_estimates_agree_with_the_reference() -> None:
    fps = [fingerprint(str(i), t) for i, t in enumerate(TEXTS)]
    a, b = np.triu_indices(len(fps), 1)
    shared = np.array([len(np.intersect1d(fps[i].facts, fps[j].facts)) for i, j in zip(a, b)])
    score, worth = cd.estimate_many(
        a, b, np.stack([f.shingles for f in fps]), np.stack([f.words for f in fps]),
        np.array([f.n_shingles for f in fps]), np.array([f.n_words for f in fps]),
        np.array([len(f.facts) for f in fps]), shared)
    for k, (i, j) in enumerate(zip(a, b)):
        e = cd.estimate(fps[i], fps[j])
        assert score[k] == pytest.approx(e.score)
        assert worth[k] == cd.worth_verifying(e)


def test_band_keys_need_enough_permutations() -> None:
    with pytest.raises(ValueError, match="permutations"):
        cd.band_keys(np.zeros((1, 8), dtype=np.uint32), 4, 4)


def test_prune_through_third_keeps_the_hub() -> None:
    # 0 is the source of 1 and 2; the sibling pair (1, 2) is explained by 0
    pruned = cd.prune_through_third([(0, 1), (0, 2), (1, 2)], [0.9, 0.9, 0.9])
    assert pruned == [False, False, True]
