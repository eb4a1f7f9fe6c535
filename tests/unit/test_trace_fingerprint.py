from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
from datasketch import MinHash

from retold.trace import fingerprint as fp
from retold.trace import tokens as tk
from tests.unit.test_trace_corpus import CUT, ORIGINAL, PARAPHRASE, UNRELATED


def test_minhash_equals_datasketch_update_batch() -> None:
    values = np.random.RandomState(3).randint(0, 2**32, 700, dtype=np.uint64).astype(np.uint32)
    m = MinHash(num_perm=fp.NUM_PERM, seed=fp.SEED, scheme="affine32", hashfunc=int)
    m.update_batch([int(v) for v in values])
    assert np.array_equal(m.hashvalues, fp.minhash(values))


def test_two_signatures_in_one_pass_equal_two_passes() -> None:
    rng = np.random.RandomState(4)
    x = rng.randint(0, 2**32, 300, dtype=np.uint64).astype(np.uint32)
    y = rng.randint(0, 2**32, 70, dtype=np.uint64).astype(np.uint32)
    for a, b in ((x, y), (x, y[:0]), (x[:0], y), (x[:1], y)):
        got = fp.minhash_two(a, b)
        assert np.array_equal(got[0], fp.minhash(a)) and np.array_equal(got[1], fp.minhash(b))


def test_empty_text_gives_an_empty_signature() -> None:
    f = fp.fingerprint("e", "")
    assert f.n_tokens == 0 and f.n_shingles == 0
    assert (f.shingles == 0xFFFFFFFF).all()


def test_record_round_trip() -> None:
    f = fp.fingerprint("a", ORIGINAL)
    g = fp.Fingerprint.from_record(f.to_record())
    assert g.id == "a" and np.array_equal(f.shingles, g.shingles)
    assert np.array_equal(f.words, g.words) and np.array_equal(f.facts, g.facts)
    assert (g.n_tokens, g.n_shingles, g.n_words) == (f.n_tokens, f.n_shingles, f.n_words)


def _jaccard(a: fp.Fingerprint, b: fp.Fingerprint, channel: str) -> float:
    return float(np.mean(getattr(a, channel) == getattr(b, channel)))


def test_channels_see_what_they_should() -> None:
    o, c = fp.fingerprint("o", ORIGINAL), fp.fingerprint("c", CUT)
    p, u = fp.fingerprint("p", PARAPHRASE), fp.fingerprint("u", UNRELATED)
    assert _jaccard(o, c, "shingles") > 0.3  # a cut keeps long runs of words
    assert _jaccard(o, p, "shingles") < 0.1  # a paraphrase does not...
    assert _jaccard(o, p, "words") > _jaccard(o, u, "words") + 0.1  # ...but keeps vocabulary
    facts = [f.facts[f.facts < fp.GRAM_BIT] for f in (o, p, u)]  # fact-pair keys only
    assert len(np.intersect1d(facts[0], facts[1])) >= 3  # ...and facts said together
    assert len(np.intersect1d(facts[0], facts[2])) == 0
    grams = [f.facts[f.facts >= fp.GRAM_BIT] for f in (o, c, u)]  # word-pair keys
    assert len(grams[0]) == fp.GRAM_KEYS
    assert len(np.intersect1d(grams[0], grams[1])) > 3 * len(np.intersect1d(grams[0], grams[2]))


def test_word_pair_keys_are_a_consistent_sample() -> None:
    t = fp.token_ids(ORIGINAL)
    full = fp.gram_keys(t, k=10_000)
    assert np.array_equal(fp.gram_keys(t), full[: fp.GRAM_KEYS])  # bottom-k of the same set
    assert np.all(full >= fp.GRAM_BIT)
    assert np.array_equal(fp.gram_keys(t[:40], k=10_000),  # a cut keeps its own pairs' keys
                          np.intersect1d(fp.gram_keys(t[:40], k=10_000), full))


def test_fingerprints_are_the_same_in_another_process() -> None:
    # no salted hash(): a resumed or incremental run must compute identical keys
    code = ("from retold.trace.fingerprint import fingerprint; import sys; "
            "f = fingerprint('a', sys.stdin.read()); print(f.shingles.sum(), f.facts.sum())")
    here = fp.fingerprint("a", ORIGINAL)
    seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"
    out = subprocess.run([sys.executable, "-c", code], input=ORIGINAL, text=True,
                         capture_output=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": seed}).stdout
    assert out.split() == [str(here.shingles.sum()), str(here.facts.sum())]


def test_shingles_start_at_the_first_token() -> None:
    # wire copy reprinted from its first character: the opening window must be a shingle
    # (passim's alignment misses reuse that starts at offset 0 of both texts)
    first_five = fp.shingle_hashes(fp.token_ids("Floods killed 37 people in"))
    assert first_five.size == 1
    text = "Floods killed 37 people in Kandara on Tuesday, the governor said."
    assert first_five[0] in set(fp.shingle_hashes(fp.token_ids(text)).tolist())
    assert fp.shingle_hashes(fp.token_ids("Floods killed 37")).size == 1  # short text: one


def _same(a: fp.Fingerprint, b: fp.Fingerprint) -> bool:
    return a.to_record() == b.to_record()


def test_fingerprints_do_not_depend_on_the_words_seen_before(monkeypatch) -> None:
    # the tokeniser's vocabulary grows its columns and restarts past a limit: neither may
    # change a fingerprint (a resumed run sees the articles in another order)
    texts = [ORIGINAL, CUT, PARAPHRASE, UNRELATED]
    before = [fp.fingerprint(str(i), t) for i, t in enumerate(texts)]
    rng = np.random.RandomState(5)
    filler = " ".join(f"w{rng.randint(10**9)}" for _ in range(6000))  # past the first capacity
    monkeypatch.setattr(tk, "_vocabulary", tk._Vocabulary())
    monkeypatch.setattr(tk, "_VOCABULARY_LIMIT", 50)  # restarts on every text below
    for i, t in reversed(list(enumerate(texts))):
        fp.fingerprint("x", filler)
        assert _same(fp.fingerprint(str(i), t), before[i])
    assert len(tk._vocabulary.token) < 6000 + 1000


def test_fingerprints_are_the_same_when_threads_share_the_tokeniser(monkeypatch) -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"{ORIGINAL} Report {i}: {i * 7} wells, {i + 3} villages." for i in range(200)]
    alone = [fp.fingerprint("t", t) for t in texts]
    monkeypatch.setattr(tk, "_vocabulary", tk._Vocabulary())
    monkeypatch.setattr(tk, "_VOCABULARY_LIMIT", 300)  # restarts while threads read
    with ThreadPoolExecutor(4) as pool:
        shared = list(pool.map(lambda t: fp.fingerprint("t", t), texts))
    assert all(_same(a, b) for a, b in zip(alone, shared))
