from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from retold.trace import candidates as cd
from retold.trace import times
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
    found, stats = cd.search(_keys(fps), np.ones(len(fps), dtype=bool))
    pairs = found.as_dict()
    for j in (1, 2, 3, 4):
        assert (0, j) in pairs
    assert "shingles" in cd.channel_names(pairs[(0, 1)][0])
    assert "shingles" not in cd.channel_names(pairs[(0, 3)][0])  # the paraphrase: other ways
    assert stats.pairs == len(pairs)


def test_preverification_keeps_retellings_and_drops_the_unrelated() -> None:
    fps = [fingerprint(str(i), t) for i, t in enumerate(TEXTS)]
    for j in (1, 2, 3, 4):
        assert cd.worth_verifying(cd.estimate(fps[0], fps[j])), j
    other = fingerprint("x", "The central bank raised its main interest rate by a quarter point "
                        "on Wednesday, citing stubborn inflation in services and rents.")
    assert not cd.worth_verifying(cd.estimate(fps[0], other))


def test_a_same_topic_report_may_be_verified_but_is_no_link() -> None:
    # an independent report shares names and phrases (enough word pairs for the pair
    # pipeline to look at it), but not the word runs a retelling keeps
    from retold.model import Article
    from retold.trace.verify import verify_pair

    assert verify_pair(Article("o", TEXTS[0]), Article("u", TEXTS[5])) is None
    assert verify_pair(Article("o", TEXTS[0]), Article("c", TEXTS[1])) is not None


def test_only_pairs_with_a_new_article_are_searched() -> None:
    fps = [fingerprint(str(i), t) for i, t in enumerate([ORIGINAL, ORIGINAL, ORIGINAL])]
    found, _ = cd.search(_keys(fps), np.array([False, False, True]))
    assert set(found.as_dict()) == {(0, 2), (1, 2)}


def test_buckets_over_the_cap_are_skipped_and_counted() -> None:
    members = list(range(10))
    got, capped = cd.pairs_in_bucket(members, [True] * 10, cap=5)
    assert (got, capped) == ([], True)
    got, capped = cd.pairs_in_bucket([3, 1, 2], [False, False, True], cap=5)
    assert (sorted(got), capped) == ([(1, 2), (2, 3)], False)
    fps = [fingerprint(str(i), ORIGINAL) for i in range(8)]
    found, stats = cd.search(_keys(fps), np.ones(8, dtype=bool),
                             cd.SearchParams(bucket_cap=4, fact_bucket_cap=4))
    assert len(found) == 0 and stats.capped_buckets > 0 and stats.capped_articles >= 8


def test_search_equals_the_reference_bucket_function() -> None:
    rng = np.random.RandomState(0)
    keys = {"shingles": (rng.randint(1, 40, 300).astype(np.uint64), rng.randint(0, 60, 300)),
            "facts": (rng.randint(1, 25, 200).astype(np.uint64), rng.randint(0, 60, 200))}
    new = rng.rand(60) < 0.5
    cap = 8
    expected: dict[tuple[int, int], list[int]] = {}
    for channel, (key, owner) in keys.items():
        buckets: dict[int, list[int]] = {}
        for k, o in zip(key.tolist(), owner.tolist()):
            buckets.setdefault(k, []).append(o)
        for members in buckets.values():
            got, _ = cd.pairs_in_bucket(members, [bool(new[m]) for m in members], cap)
            for p in got:
                e = expected.setdefault(p, [0, 0])
                e[0] |= 1 << cd.CHANNELS.index(channel)
                e[1] += channel == "facts"
    found, _ = cd.search(keys, new, cd.SearchParams(bucket_cap=cap, fact_bucket_cap=cap))
    assert found.as_dict() == {p: tuple(v) for p, v in expected.items()}


def test_vectorised_estimates_agree_with_the_reference() -> None:
    fps = [fingerprint(str(i), t) for i, t in enumerate(TEXTS)]
    a, b = np.triu_indices(len(fps), 1)
    shared = np.array([len(np.intersect1d(fps[i].facts, fps[j].facts)) for i, j in zip(a, b)])
    score, worth, copy = cd.estimate_many(
        a, b, np.stack([f.shingles for f in fps]), np.stack([f.words for f in fps]),
        np.array([f.n_shingles for f in fps]), np.array([f.n_words for f in fps]),
        np.array([len(f.facts) for f in fps]), shared)
    for k, (i, j) in enumerate(zip(a, b)):
        e = cd.estimate(fps[i], fps[j])
        assert score[k] == pytest.approx(e.score)
        assert worth[k] == cd.worth_verifying(e)
        assert copy[k] == pytest.approx(max(e.shingle_containment))


def test_band_keys_need_enough_permutations() -> None:
    with pytest.raises(ValueError, match="permutations"):
        cd.band_keys(np.zeros((1, 8), dtype=np.uint32), 4, 4)


def test_a_pair_explained_by_an_earlier_third_article_is_not_verified() -> None:
    # 0 is the source of 1 and 2 (published before both): the pair (1, 2) is explained by 0
    # (siblings: no closer to each other than to their source)
    pairs, scores = [(0, 1), (0, 2), (1, 2)], [0.75, 0.68, 0.7]
    assert cd.prune_through_third(pairs, scores, [1, 2, 3]) == [False, False, True]
    # ... not when 0 is not earlier than both, nor without dates, nor when 0 scores much lower
    assert cd.prune_through_third(pairs, scores, [2, 2, 3]) == [False, False, False]
    assert cd.prune_through_third(pairs, scores, [None, 2, 3]) == [False, False, False]
    assert cd.prune_through_third(pairs, [0.5, 0.7, 0.75], [1, 2, 3]) == [False, False, False]
    # a weak pair (a heavy rewrite) is verified whatever a third says
    assert cd.prune_through_third(pairs, [0.4, 0.4, 0.4], [1, 2, 3]) == [False, False, False]
    # times: a wire story at 09:00 explains two copies at 10:00 and 11:00 of the same day, a
    # bare day does not explain a time on that day (which came first is unknown)
    day = times.span(dt.date(2020, 6, 18))
    at = [times.span(dt.datetime(2020, 6, 18, h, tzinfo=dt.UTC)) for h in (9, 10, 11)]
    assert cd.prune_through_third(pairs, scores, at) == [False, False, True]
    assert cd.prune_through_third(pairs, scores, [day, at[1], at[2]]) == [False, False, False]
    # pairs of an earlier run explain a pair of this one (an incremental run)
    assert cd.prune_through_third([(1, 2)], [0.7], [1, 2, 3],
                                  context=[(0, 1, 0.75), (0, 2, 0.68)]) == [True]


def test_a_short_brief_explains_no_versions_that_copy_each_other() -> None:
    # 0 is a four-sentence brief, 1 the brief and six new sentences, 2 a reworded lede and 1's
    # six new sentences: 0's words are all in both (word containment high), but 1 and 2 share
    # sentences 0 never had; by copied text 0 explains nothing of the pair
    pairs, scores = [(0, 1), (0, 2), (1, 2)], [0.8, 0.8, 0.78]
    assert cd.prune_through_third(pairs, scores, [1, 2, 3]) == [False, False, True]
    assert cd.prune_through_third(pairs, scores, [1, 2, 3], copies=[1.0, 0.19, 0.7]) == [
        False, False, False]
    # two copies of one story are as close to it in copied text as to each other: explained
    assert cd.prune_through_third(pairs, scores, [1, 2, 3], copies=[0.72, 0.7, 0.71]) == [
        False, False, True]


def test_near_copies_are_left_to_screening() -> None:
    # 0 -> 1 -> 2 where 1 changed a few facts of 0 and 2 copied 1: all three near copies score
    # 0.95-1.0 with each other, exactly as two copies of 0 do; the scores cannot tell a chain
    # step from siblings, so no near-copy pair is marked (screening reads the texts)
    pairs = [(0, 1), (0, 2), (1, 2)]
    assert cd.prune_through_third(pairs, [0.97, 0.97, 1.0], [1, 2, 3]) == [False] * 3
    assert cd.prune_through_third(pairs, [1.0, 1.0, 1.0], [1, 2, 3]) == [False] * 3
    assert cd.prune_through_third(pairs, [0.93, 1.0, 0.93], [1, 2, 3]) == [False] * 3
    # below near copies the order of the scores says nothing: explained
    assert cd.prune_through_third(pairs, [0.45, 0.44, 0.5], [1, 2, 3]) == [False, False, True]
