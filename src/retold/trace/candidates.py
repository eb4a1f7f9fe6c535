"""Candidate search: which pairs of articles are worth verifying, without comparing all pairs.

Each channel gives every article a few keys; two articles sharing a key are a candidate pair.

* ``shingles`` and ``words``: LSH banding of the MinHash signatures. A band is ``rows``
  consecutive signature values; two articles collide on it with probability ``J**rows`` for
  Jaccard ``J``, so over ``bands`` bands they meet with probability ``1 - (1 - J**rows)**bands``.
* ``facts``: the fact-pair keys themselves (two articles that say "37" and "Mosul" in one
  sentence).

A key shared by more than ``bucket_cap`` articles (a boilerplate sentence, "2020" with the
commonest name) says little and would cost a quadratic number of pairs: it is skipped and
counted in :class:`SearchStats`.

The reference function for one bucket is :func:`pairs_in_bucket`; :func:`search` runs it over
numpy-sorted keys in one process, and a Spark engine can run it after a ``groupBy(key)``.
Pre-verification (:func:`estimate`, :func:`worth_verifying`) scores a candidate from the two
fingerprints alone, so the pair pipeline only runs on pairs that can be real reuse.

Pure functions; no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from retold.trace.fingerprint import NUM_PERM, Fingerprint

CHANNELS = ("shingles", "words", "facts")
_BIT = {name: 1 << i for i, name in enumerate(CHANNELS)}
_EMPTY = np.uint32(0xFFFFFFFF)


@dataclass(frozen=True, slots=True)
class SearchParams:
    """Knobs of candidate search and pre-verification, with how they were chosen.

    Banding: ``shingle_bands x shingle_rows = 42 x 3`` meets a pair with shingle Jaccard 0.3 at
    p = 0.68 and 0.4 at p = 0.93, and two unrelated articles (J < 0.01) at p < 5e-5.
    ``word_bands x word_rows = 32 x 4`` meets a paraphrase with content-word Jaccard 0.5 at
    p = 0.87 and 0.6 at p = 0.99; unrelated articles on the same topic (J around 0.15-0.2)
    at p = 0.02-0.05.
    Pre-verification thresholds were set on the benchmark corpus (benchmarks/corpus.py,
    10,000 articles), see benchmarks/bench_trace.py.
    """

    shingle_bands: int = 42
    shingle_rows: int = 3
    word_bands: int = 32
    word_rows: int = 4
    bucket_cap: int = 64  # articles per key; more and the key is skipped (and counted)
    # Fact-pair keys are many and short, and a common one ("2020" with the commonest name) is
    # shared by unrelated articles: a lower cap. On the benchmark corpus (10,000 articles) a
    # cap of 24 instead of 64 cut fact-channel pairs from 292k to 82k (search 12k -> 32k
    # articles/s) and candidate recall from 0.9945 to 0.9942 (one pair of 3,463).
    fact_bucket_cap: int = 24
    min_shingle_containment: float = 0.12  # of the smaller article, estimated from MinHash
    min_word_containment: float = 0.45
    min_shared_facts: int = 2  # with min_word_containment: a paraphrase keeps facts too
    min_fact_share: float = 0.25  # shared fact keys over the smaller article's
    # Exact-key evidence alone (fact pairs and sampled word pairs, fingerprint.GRAM_KEYS per
    # article): a heavy rewrite shares few 5-word runs but several rare word pairs. On the
    # COUNTER development corpus (596 Urdu articles) 3 keys and 4% of the smaller article's
    # keep 66/66 wholly and 131/149 partly derived pairs (against 34 and 22 before) and about
    # 2 unrelated pairs per article, which the pair pipeline then turns down.
    min_shared_keys: int = 3
    min_key_share: float = 0.04
    # Skip pairs an earlier third article explains (prune_through_third): the siblings of a
    # news flow (30 retellings of one wire story make 435 sibling pairs). With times to the
    # second and THIRD_MIN_SCORE, on COUNTER no true pair is pruned (31 of 215 were before).
    prune_third: bool = True


@dataclass(slots=True)
class SearchStats:
    """What candidate search did, including what it had to leave out."""

    keys: int = 0
    buckets: int = 0  # keys shared by two articles or more
    capped_buckets: int = 0  # skipped: more than bucket_cap articles
    capped_articles: int = 0  # article slots in the skipped buckets
    pairs: int = 0
    by_channel: dict[str, int] = field(default_factory=dict)

    def add(self, other: SearchStats) -> None:
        self.keys += other.keys
        self.buckets += other.buckets
        self.capped_buckets += other.capped_buckets
        self.capped_articles += other.capped_articles
        self.pairs += other.pairs
        for k, v in other.by_channel.items():
            self.by_channel[k] = self.by_channel.get(k, 0) + v


def channel_names(mask: int) -> tuple[str, ...]:
    """The channel names in a bit mask of channels."""
    return tuple(name for name in CHANNELS if mask & _BIT[name])


def band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """LSH band keys (uint64[n, bands]) of MinHash signatures (uint32[n, num_perm]).

    An empty signature (an article with no shingles or no content words) gets key 0 in every
    band, which :func:`search` ignores.
    """
    sig = np.atleast_2d(signatures)
    if bands * rows > sig.shape[1]:
        raise ValueError(f"{bands} bands x {rows} rows need {bands * rows} permutations, "
                         f"the signatures have {sig.shape[1]}")
    blocks = sig[:, : bands * rows].reshape(len(sig), bands, rows).astype(np.uint64)
    key: Any = np.zeros((len(sig), bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(rows):
            key = (key ^ blocks[:, :, j]) * np.uint64(0x100000001B3) + np.uint64(j + 1)
        key = key * np.uint64(0x9E3779B97F4A7C15) + np.arange(1, bands + 1, dtype=np.uint64)
        key = key ^ (key >> np.uint64(31))
    key[key == 0] = 1
    key[(sig == _EMPTY).all(axis=1)] = 0
    return key


def article_keys(fp: Fingerprint, params: SearchParams = SearchParams()) -> dict[str, np.ndarray]:
    """Every candidate key of one article, by channel (what a Spark job would explode)."""
    return {
        "shingles": band_keys(fp.shingles[None, :], params.shingle_bands, params.shingle_rows)[0],
        "words": band_keys(fp.words[None, :], params.word_bands, params.word_rows)[0],
        "facts": fp.facts,
    }


def pairs_in_bucket(
    members: Sequence[int], new: Sequence[bool], cap: int
) -> tuple[list[tuple[int, int]], bool]:
    """Pairs ``(a, b)``, ``a < b``, of one bucket's members with at least one new member.

    Returns ``([], True)`` when the bucket has more than ``cap`` members (it is capped).
    Pairs of two old members were found by an earlier run, so an incremental run skips them.
    """
    order = sorted(dict(zip(members, new)).items())  # an article counts once per bucket
    if len(order) > cap:
        return [], True
    out = []
    for i, (a, new_a) in enumerate(order):
        for b, new_b in order[i + 1 :]:
            if a != b and (new_a or new_b):
                out.append((a, b))
    return out, False


@dataclass(frozen=True, slots=True)
class Candidates:
    """Candidate pairs as parallel arrays: ``a < b`` article indexes, channel bit masks, and
    the number of fact keys each pair shares (over fact buckets that were not capped)."""

    a: np.ndarray
    b: np.ndarray
    channels: np.ndarray
    shared_facts: np.ndarray

    def __len__(self) -> int:
        return len(self.a)

    def as_dict(self) -> dict[tuple[int, int], tuple[int, int]]:
        """``{(a, b): (channels, shared_facts)}`` (for tests and small corpora)."""
        return {(int(a), int(b)): (int(c), int(f)) for a, b, c, f in
                zip(self.a, self.b, self.channels, self.shared_facts)}


def search(
    keys: dict[str, tuple[np.ndarray, np.ndarray]],
    new: np.ndarray,
    params: SearchParams = SearchParams(),
) -> tuple[Candidates, SearchStats]:
    """Candidate pairs from every channel's keys, with the channels that proposed each.

    The same pairs as :func:`pairs_in_bucket` over every bucket (a test holds them to it),
    computed with numpy: buckets of one size at a time.

    Args:
        keys: channel -> ``(key, owner)`` arrays of equal length: each key with the index of
            the article it belongs to (0 keys are ignored).
        new: bool array by article index: True for articles this run added.
        params: the bucket cap.
    """
    stats = SearchStats()
    n = np.int64(max(len(new), 1))
    # each channel's pairs once (a pair sits in many of a channel's buckets: one per band it
    # shares), with how many buckets it shares: all channels' occurrences at once took
    # gigabytes at 100,000 articles
    codes: list[np.ndarray] = []
    channels: list[str] = []
    shared_buckets = np.zeros(0, dtype=np.int64)
    for channel, (key, owner) in keys.items():
        keep = key != 0
        key, owner = key[keep], owner[keep].astype(np.int64)
        stats.keys += len(key)
        stats.by_channel[channel] = 0
        if not len(key):
            continue
        order = np.lexsort((owner, key))
        key, owner = key[order], owner[order]
        distinct = np.r_[True, (key[1:] != key[:-1]) | (owner[1:] != owner[:-1])]
        key, owner = key[distinct], owner[distinct]  # an article counts once per bucket
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        sizes = np.diff(np.r_[starts, len(key)])
        cum = np.r_[0, np.cumsum(new[owner])]
        has_new = (cum[starts + sizes] - cum[starts]) > 0
        stats.buckets += int((sizes >= 2).sum())
        cap = params.fact_bucket_cap if channel == "facts" else params.bucket_cap
        capped = has_new & (sizes > cap)
        stats.capped_buckets += int(capped.sum())
        stats.capped_articles += int(sizes[capped].sum())
        live = has_new & (sizes >= 2) & (sizes <= cap)
        found = []
        for size in np.unique(sizes[live]):
            first = starts[live & (sizes == size)]
            members = owner[first[:, None] + np.arange(size)[None, :]]  # groups x size
            i, j = np.triu_indices(int(size), 1)
            x, y = members[:, i].ravel(), members[:, j].ravel()
            ok = (x != y) & (new[x] | new[y])
            lo, hi = np.minimum(x[ok], y[ok]), np.maximum(x[ok], y[ok])
            found.append(lo * n + hi)
        if found:
            c, shares = np.unique(np.concatenate(found), return_counts=True)
            del found
            stats.by_channel[channel] = int(shares.sum())
            codes.append(c)
            channels.append(channel)
            if channel == "facts":
                shared_buckets = shares
    if not codes:
        empty = np.zeros(0, dtype=np.int64)
        return Candidates(empty, empty, empty, empty), stats
    uniq, inverse = np.unique(np.concatenate(codes), return_inverse=True)
    mask = np.zeros(len(uniq), dtype=np.int64)
    shared = np.zeros(len(uniq), dtype=np.int64)
    at = 0
    for channel, c in zip(channels, codes):  # (a pair once per channel: no index repeats)
        rows = inverse[at : at + len(c)]
        mask[rows] |= _BIT[channel]
        if channel == "facts":
            shared[rows] = shared_buckets
        at += len(c)
    stats.pairs = len(uniq)
    return Candidates(uniq // n, uniq % n, mask, shared), stats


@dataclass(frozen=True, slots=True)
class Estimate:
    """What two fingerprints say about a pair before the pair pipeline runs."""

    shingle_jaccard: float
    word_jaccard: float
    shingle_containment: tuple[float, float]  # share of a's shingles in b, of b's in a
    word_containment: tuple[float, float]
    shared_facts: int
    fact_share: float  # shared fact keys over the smaller article's

    @property
    def score(self) -> float:
        """One number to order candidates by (the larger of the channel evidences)."""
        return max(max(self.shingle_containment), max(self.word_containment) * 0.8,
                   self.fact_share * 0.6)


def _containment(j: float, na: int, nb: int) -> tuple[float, float]:
    # |A ∩ B| = J / (1 + J) * (|A| + |B|); containment of A in B is |A ∩ B| / |A|.
    inter = j / (1.0 + j) * (na + nb)
    return (min(1.0, inter / na) if na else 0.0, min(1.0, inter / nb) if nb else 0.0)


def estimate(a: Fingerprint, b: Fingerprint) -> Estimate:
    """Estimate the overlap of two articles from their fingerprints."""
    sj = float(np.mean(a.shingles == b.shingles)) if a.n_shingles and b.n_shingles else 0.0
    wj = float(np.mean(a.words == b.words)) if a.n_words and b.n_words else 0.0
    shared = len(np.intersect1d(a.facts, b.facts, assume_unique=True))
    smaller = min(len(a.facts), len(b.facts))
    return Estimate(
        shingle_jaccard=sj,
        word_jaccard=wj,
        shingle_containment=_containment(sj, a.n_shingles, b.n_shingles),
        word_containment=_containment(wj, a.n_words, b.n_words),
        shared_facts=shared,
        fact_share=shared / smaller if smaller else 0.0,
    )


def estimate_many(
    a: np.ndarray,
    b: np.ndarray,
    shingles: np.ndarray,
    words: np.ndarray,
    n_shingles: np.ndarray,
    n_words: np.ndarray,
    n_facts: np.ndarray,
    shared_facts: np.ndarray,
    params: SearchParams = SearchParams(),
    chunk: int = 65536,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`estimate` and :func:`worth_verifying` for many pairs at once.

    ``a``/``b`` index rows of the stacked signatures and per-article sizes; ``shared_facts``
    is the number of fact keys each pair shares. Returns ``(score, worth, copy)`` arrays
    (``copy``: the shingle containment alone, `prune_through_third`'s second evidence).
    """
    score = np.zeros(len(a), dtype=np.float64)
    copy = np.zeros(len(a), dtype=np.float64)
    worth = np.zeros(len(a), dtype=bool)
    for s in range(0, len(a), chunk):
        ia, ib = a[s : s + chunk], b[s : s + chunk]
        na, nb = n_shingles[ia].astype(float), n_shingles[ib].astype(float)
        sj = (shingles[ia] == shingles[ib]).mean(axis=1) * ((na > 0) & (nb > 0))
        wa, wb = n_words[ia].astype(float), n_words[ib].astype(float)
        wj = (words[ia] == words[ib]).mean(axis=1) * ((wa > 0) & (wb > 0))
        sc = _containment_max(sj, na, nb)
        wc = _containment_max(wj, wa, wb)
        smaller = np.minimum(n_facts[ia], n_facts[ib]).astype(float)
        sf = shared_facts[s : s + chunk].astype(float)
        fshare = np.divide(sf, smaller, out=np.zeros_like(sf), where=smaller > 0)
        score[s : s + chunk] = np.maximum(np.maximum(sc, wc * 0.8), fshare * 0.6)
        copy[s : s + chunk] = sc
        worth[s : s + chunk] = (sc >= params.min_shingle_containment) | (
            (wc >= params.min_word_containment)
            & ((sf >= params.min_shared_facts) | (fshare >= params.min_fact_share))
        ) | ((sf >= params.min_shared_keys) & (fshare >= params.min_key_share))
    return score, worth, copy


def _containment_max(j: np.ndarray, na: np.ndarray, nb: np.ndarray) -> np.ndarray:
    inter = j / (1.0 + j) * (na + nb)
    ca = np.divide(inter, na, out=np.zeros_like(inter), where=na > 0)
    cb = np.divide(inter, nb, out=np.zeros_like(inter), where=nb > 0)
    return np.minimum(1.0, np.maximum(ca, cb))


def worth_verifying(e: Estimate, params: SearchParams = SearchParams()) -> bool:
    """Pre-verification: can this pair be real reuse? (cheap; the pair pipeline decides)."""
    if max(e.shingle_containment) >= params.min_shingle_containment:
        return True
    if e.shared_facts >= params.min_shared_keys and e.fact_share >= params.min_key_share:
        return True
    return max(e.word_containment) >= params.min_word_containment and (
        e.shared_facts >= params.min_shared_facts or e.fact_share >= params.min_fact_share
    )


# A third article explains a pair when it scores at least the pair's score minus this with both
# sides.
THIRD_TOLERANCE = 0.1
# Only pairs scoring at least this are pruned: siblings of a flow share most of their source's
# text (score 0.6-1.0); the 31 true COUNTER pairs that were pruned without this floor scored
# 0.21-0.42 (heavy rewrites, whose sides each share a little with an earlier story).
THIRD_MIN_SCORE = 0.45

# Near copies (a pair scoring at least this) are never marked: whether two near copies of a
# third article are siblings or a chain step z -> x -> y (y carries x's edits of z) cannot be
# told from MinHash scores, since a changed fact is a few shingles in hundreds: a chain step
# and two copies of z both score 0.95-1.0 with each other and with z (on the benchmark corpus
# 27 chain links were marked so). Screening (retold.trace.screen) reads their texts instead.
# Below it, chains are not near copies: on COUNTER, agency stories weeks apart scoring
# 0.45-0.52 were ordered by score by chance, and their links were not retellings.
CHAIN_MIN_SCORE = 0.8

Time = int | tuple[int, int] | None  # a point, or a (first, last) second span (a bare day)


def _before(z: Time, x: Time) -> bool:
    if z is None or x is None:
        return False
    z_last = z[1] if isinstance(z, tuple) else z
    x_first = x[0] if isinstance(x, tuple) else x
    return z_last < x_first


def prune_through_third(
    pairs: Sequence[tuple[int, int]],
    scores: Sequence[float],
    published: Sequence[Time],
    *,
    tolerance: float = THIRD_TOLERANCE,
    min_score: float = THIRD_MIN_SCORE,
    chain_score: float = CHAIN_MIN_SCORE,
    context: Sequence[tuple[int, int, float]] = (),
    copies: Sequence[float] | None = None,
) -> list[bool]:
    """Mark pairs whose overlap an earlier third article explains (True: do not verify).

    Two retellings ``x`` and ``y`` of one source ``z`` share its text, so they meet as a
    candidate pair; but neither retold the other. A pair ``(x, y)`` is marked when some ``z``
    was published strictly before both (``published`` holds, by article index, a number (a day
    or a second), a ``(first, last)`` span of seconds (a day without a time:
    :func:`retold.trace.times.span`), or None when unknown) and is itself a candidate of both, each scoring at least the pair's score
    minus ``tolerance``: two retellings of ``z`` are no closer to each other than to ``z``.
    A pair scoring at least ``chain_score`` (near copies) is never marked: it may be a chain
    step ``z -> x -> y`` (``y`` carries ``x``'s few edits of ``z``, which MinHash scores do
    not see); screening reads the texts of such pairs.
    (Allowing ``z`` on the same day as one of them marked true links: on
    the benchmark corpus recall fell from 0.999 to 0.87.) Without dates nothing is marked: the pair pipeline decides. The
    condition does not depend on the order of the pairs, so the result is deterministic.

    ``context`` holds ``(a, b, score)`` surviving pairs of earlier runs: they can explain a
    pair of this run (so an incremental run marks what a one-shot run would) but are not
    marked themselves.

    ``copies`` holds, beside ``scores``, each pair's copied-text evidence alone (its shingle
    containment): ``z`` must explain the pair on it too. A short early brief holds few words
    that its later versions do not, so its word containment in both is high, though they
    share sentences it never had (two versions of a story, each rewriting the brief's lede):
    it explains their likeness only if it holds what they copy from each other. (A context
    pair without it counts its score.)
    """
    score_of: dict[tuple[int, int], float] = {}
    copy_of = dict(zip(pairs, copies)) if copies is not None else {}
    neighbours: dict[int, set[int]] = {}
    for x, y, sc in [*((x, y, sc) for x, y, sc in context), *((x, y, sc) for (x, y), sc
                                                              in zip(pairs, scores))]:
        score_of[(x, y)] = sc
        neighbours.setdefault(x, set()).add(y)
        neighbours.setdefault(y, set()).add(x)
    out = []
    for (x, y), sc in zip(pairs, scores):
        px, py = published[x], published[y]
        marked = False
        if px is not None and py is not None and sc >= min_score:
            for z in neighbours[x] & neighbours[y]:
                pz = published[z]
                if not (_before(pz, px) and _before(pz, py)):
                    continue
                zx = score_of[(z, x) if z < x else (x, z)]
                zy = score_of[(z, y) if z < y else (y, z)]
                # siblings are no closer to each other than to their source
                if zx >= sc - tolerance and zy >= sc - tolerance and sc < chain_score:
                    # ... and no less close in the text they copy
                    cut = copy_of.get((x, y), sc) - tolerance
                    if copy_of.get((z, x) if z < x else (x, z), zx) < cut or \
                            copy_of.get((z, y) if z < y else (y, z), zy) < cut:
                        continue
                    marked = True
                    break
        out.append(marked)
    return out


def preverify(
    pairs: Iterable[tuple[str, str, int]],
    fingerprints: dict[str, Fingerprint],
    params: SearchParams = SearchParams(),
) -> Iterator[tuple[str, str, int, Estimate, bool]]:
    """Score candidate pairs ``(a, b, channels)``; yield each with its estimate and verdict."""
    for a, b, mask in pairs:
        e = estimate(fingerprints[a], fingerprints[b])
        yield a, b, mask, e, worth_verifying(e, params)


__all__ = [
    "CHANNELS",
    "NUM_PERM",
    "Candidates",
    "Estimate",
    "SearchParams",
    "SearchStats",
    "article_keys",
    "band_keys",
    "channel_names",
    "estimate",
    "estimate_many",
    "pairs_in_bucket",
    "preverify",
    "prune_through_third",
    "search",
    "worth_verifying",
]
