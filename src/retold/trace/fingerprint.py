"""Per-article fingerprints: three channels of evidence that two articles share text or facts.

* ``shingles``: MinHash of the article's word 5-shingles. Finds verbatim reuse (copies, cuts,
  insertions), which keeps long runs of words. A paraphrase or translation shares almost no
  5-shingles (Jaccard 0.08 on a real translated pair), so it needs the other two channels.
* ``words``: MinHash of the article's stemmed content words (stopwords dropped, six-letter
  prefix stems, character bigrams for space-less scripts). A paraphrase keeps much of its
  vocabulary (content-word Jaccard around 0.45 even for a translation).
* ``facts``: exact keys, of two kinds. Fact-pair keys: pairs of facts said in one sentence, at
  least one of them a number ("#37" with "@mosul"); synonym swaps and clause reordering keep
  both facts in the sentence. Word-pair keys: a consistent sample (bottom-k by hash) of the
  article's word bigrams. A heavy rewrite keeps few 5-word runs but many word pairs (COUNTER's
  Urdu rewrites: 5-shingle Jaccard 0.01, bigram containment 0.19, at the median of the partly
  derived pairs), and a bigram shared by few articles of a corpus is strong evidence; a common
  one ("prime minister", "said that") lands in a bucket over the cap and is skipped there. The
  top bit tells the kinds apart (set: word pair).

MinHash uses datasketch's ``affine32`` scheme (MurmurHash3 finaliser, then ``a*h + b mod 2**32``
with datasketch's own permutations), vectorised over a whole article in numpy instead of one
Python call per shingle; ``test_trace_fingerprint`` checks the signatures equal datasketch's
``MinHash.update_batch`` bit for bit.

Pure functions; no I/O.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Any

import numpy as np

from retold.trace import tokens as tk

SHINGLE = 5  # words per shingle
NUM_PERM = 128  # MinHash permutations per channel
SEED = 1
MAX_FACT_KEYS = 256  # per article; enough for a long article, bounded for a pathological one
# Word-pair keys per article (bottom-k sample). Two articles sharing a share c of their bigrams
# share about c * GRAM_KEYS sampled keys: 64 gives a PD COUNTER pair (c around 0.15-0.2)
# ten shared keys, and keeps the bucket work of a 20,000-article corpus in memory.
GRAM_KEYS = 64
GRAM_BIT = np.uint64(1 << 63)

_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
     0x85EBCA77C2B2AE63, 0xFF51AFD7ED558CCD], dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What candidate search and pre-verification need to know about one article."""

    id: str
    shingles: np.ndarray  # uint32[NUM_PERM] MinHash of word 5-shingles
    words: np.ndarray  # uint32[NUM_PERM] MinHash of content words
    facts: np.ndarray  # uint64[<=MAX_FACT_KEYS] sorted fact-pair keys
    n_tokens: int
    n_shingles: int  # 5-word windows (repeats are rare; see shingle_hashes)
    n_words: int  # distinct content words

    def to_record(self) -> dict[str, Any]:
        """A plain dict of bytes and ints (for a store row or a Spark column)."""
        return {
            "id": self.id,
            "shingles": self.shingles.astype("<u4").tobytes(),
            "words": self.words.astype("<u4").tobytes(),
            "facts": self.facts.astype("<u8").tobytes(),
            "n_tokens": self.n_tokens,
            "n_shingles": self.n_shingles,
            "n_words": self.n_words,
        }

    @classmethod
    def from_record(cls, r: dict[str, Any]) -> Fingerprint:
        return cls(
            id=r["id"],
            shingles=np.frombuffer(r["shingles"], dtype="<u4").astype(np.uint32),
            words=np.frombuffer(r["words"], dtype="<u4").astype(np.uint32),
            facts=np.frombuffer(r["facts"], dtype="<u8").astype(np.uint64),
            n_tokens=int(r["n_tokens"]),
            n_shingles=int(r["n_shingles"]),
            n_words=int(r["n_words"]),
        )


@lru_cache(maxsize=4)
def permutations(num_perm: int = NUM_PERM, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutation parameters ``(a, b)`` for ``num_perm`` and ``seed``."""
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm, seed=seed, scheme="affine32", hashfunc=int)
    a, b = m.permutations
    return np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32)


def _fmix32(h: np.ndarray) -> np.ndarray:
    # MurmurHash3's 32-bit finaliser, as datasketch applies it before the permutations.
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def minhash(values: np.ndarray, num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """MinHash signature (uint32[num_perm]) of a set of 32-bit hash values.

    Equal to ``datasketch.MinHash(num_perm, seed, scheme="affine32", hashfunc=int)`` after
    ``update_batch(values)``. An empty set gives all ``0xFFFFFFFF`` (datasketch's empty value).
    """
    a, b = permutations(num_perm, seed)
    if len(values) == 0:
        return np.full(num_perm, 0xFFFFFFFF, dtype=np.uint32)
    hv = _fmix32(np.asarray(values, dtype=np.uint32))
    with np.errstate(over="ignore"):
        phv = hv[:, None] * a[None, :] + b[None, :]
    return phv.min(axis=0)


def shingle_hashes(hashes: np.ndarray, k: int = SHINGLE) -> np.ndarray:
    """32-bit hashes of the ``k``-token windows of a token-hash sequence.

    A text shorter than ``k`` tokens is one shingle. Windows start at the very first token, so
    reuse that begins at the first character of both texts is shingled like any other.
    """
    n = len(hashes)
    if n == 0:
        return np.zeros(0, dtype=np.uint32)
    k = min(k, n)
    with np.errstate(over="ignore"):
        acc = np.zeros(n - k + 1, dtype=np.uint64)
        for j in range(k):
            acc = acc * _MIX[0] + hashes[j : n - k + 1 + j] * _MIX[j + 1]
        acc ^= acc >> np.uint64(29)
    # Not deduplicated: MinHash ignores repeats, and a news text repeats few 5-word runs, so
    # the window count stands for the set size (np.unique cost a tenth of the fingerprint).
    return (acc >> np.uint64(32)).astype(np.uint32)


def minhash_two(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(minhash(x), minhash(y))`` in one numpy pass (a tenth of a fingerprint's time less)."""
    if not len(x) or not len(y):
        return minhash(x), minhash(y)
    a, b = permutations(NUM_PERM, SEED)
    hv = _fmix32(np.concatenate([np.asarray(x, dtype=np.uint32), np.asarray(y, dtype=np.uint32)]))
    phv = np.multiply.outer(hv, a)
    phv += b
    # Two plain reductions: np.minimum.reduceat over the same rows took twice as long.
    return phv[: len(x)].min(axis=0), phv[len(x) :].min(axis=0)


def token_ids(text: str) -> np.ndarray:
    """The stable 32-bit hashes of ``text``'s tokens, in order (uint64 array)."""
    return tk.encode(text)[0].astype(np.uint64)


_M64 = (1 << 64) - 1
# fact -> (its left and right 64-bit multipliers in a pair key, whether it is a number)
_fact_code: dict[str, tuple[int, int, bool]] = {}


def _code(fact: str) -> tuple[int, int, bool]:
    h = zlib.crc32(fact.encode("utf-8", "surrogatepass")) | 1 << 32
    code = _fact_code[fact] = ((h * 0x9E3779B97F4A7C15) & _M64,
                               (h * 0xC2B2AE3D27D4EB4F + 0x165667B1) & _M64, fact[0] == "#")
    return code


def fact_keys(sentence_facts: list[list[str]], limit: int = MAX_FACT_KEYS) -> np.ndarray:
    """64-bit keys for pairs of facts in one sentence, at least one of them a number."""
    if len(_fact_code) > 500_000:  # bounded over a long run
        _fact_code.clear()
    keys: set[int] = set()
    get = _fact_code.get
    for found in sentence_facts:
        if len(found) < 2:
            continue
        codes = [get(f) or _code(f) for f in sorted(set(found))]
        for (left, _, number_x), (_, right, number_y) in combinations(codes, 2):
            if number_x or number_y:
                k = left ^ right
                keys.add(k ^ (k >> 29))
        if len(keys) >= limit:
            break
    out = np.fromiter(keys, dtype=np.uint64, count=len(keys))
    out.sort()
    return out[:limit]


def gram_keys(token_hashes: np.ndarray, k: int = GRAM_KEYS) -> np.ndarray:
    """Bottom-``k`` word-bigram keys (top bit set), sorted: the same bigram, the same key."""
    if len(token_hashes) < 2:
        return np.zeros(0, dtype=np.uint64)
    with np.errstate(over="ignore"):
        h = token_hashes[:-1] * _MIX[2] + token_hashes[1:] * _MIX[3]
        h ^= h >> np.uint64(31)
        h *= _MIX[4]
        h ^= h >> np.uint64(29)
    return np.unique(h | GRAM_BIT)[:k]


def fingerprint(article_id: str, text: str) -> Fingerprint:
    """Fingerprint one article's text.

    >>> fp = fingerprint("a", "Ten people died in Mosul on Monday, officials said.")
    >>> fp.shingles.shape, fp.n_tokens
    ((128,), 9)
    """
    hashes, wh, sentence_facts = tk.encode(text)
    th = hashes.astype(np.uint64)  # = token_ids(text)
    sh = shingle_hashes(th)
    shingles, words = minhash_two(sh, wh)
    return Fingerprint(
        id=article_id,
        shingles=shingles,
        words=words,
        facts=np.union1d(fact_keys(sentence_facts) & ~GRAM_BIT, gram_keys(th)),
        n_tokens=len(th),
        n_shingles=len(sh),
        n_words=len(wh),
    )


def fingerprint_many(records: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Fingerprint ``(id, text)`` pairs; return records (the unit a worker process maps over)."""
    return [fingerprint(i, t).to_record() for i, t in records]
