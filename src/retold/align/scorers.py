"""Sentence similarity: Unicode-aware tokens and TF-IDF cosine, all scores in [0, 1].

Word-unigram TF-IDF with sublinear tf separated kept from omitted sentences best on real
pairs (LIBRARIES.md "Alignment"); character n-grams did worse, and sentence embeddings
squeezed the margins when every sentence is on one topic. So the default scorer is lexical
and needs no model weights; `retold.align.semantic` blends in embeddings when asked.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from scipy import sparse

# Letters, digits and marks; scripts written without spaces (CJK, kana, Thai) are split into
# single characters below, because a "word" there would be a whole clause.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_NO_SPACE_SCRIPT = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\uac00-\ud7af]"
)
# Light English suffix stripping: translation and paraphrase swap "attack"/"attacks",
# "killed"/"killing" constantly. Only on long Latin tokens, so names and short words survive.
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s")
_MIN_STEM = 4


@lru_cache(maxsize=65536)
def _stem(token: str) -> str:
    if not token.isascii() or len(token) <= _MIN_STEM + 1:
        return token
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= _MIN_STEM:
            return token[: -len(suffix)]
    return token


def tokens(text: str) -> list[str]:
    """Lower-cased, lightly stemmed word tokens; CJK and Thai as single characters."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if not _NO_SPACE_SCRIPT.search(text):  # the common case: every word is a token
        return list(map(_stem, _WORD.findall(text)))
    out: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if _NO_SPACE_SCRIPT.search(word):
            out.extend(ch for ch in word if not ch.isspace())
        else:
            out.append(_stem(word))
    return out


@lru_cache(maxsize=16384)
def _term_counts(sentence: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    # Cached: trace compares an article with several others, so its sentences recur.
    counts = Counter(tokens(sentence))
    return tuple(counts), tuple(counts.values())


def tfidf_vectors(
    left: Sequence[str], right: Sequence[str]
) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """Return l2-normalised sublinear word TF-IDF vectors for both sides.

    The vocabulary and IDF are fitted on both sides together, so a word both texts share
    in every sentence (the story's topic) weighs little on either side.

    The weights are scikit-learn's ``TfidfVectorizer(sublinear_tf=True)``: tf = 1 + ln(count),
    idf = ln((1 + n) / (1 + df)) + 1, rows l2-normalised (a test holds them equal). Written
    out with scipy because the vectorizer's fixed cost per call (~4 ms for two short
    articles, a third of a trace verification) dwarfs the arithmetic.
    """
    vocabulary: dict[str, int] = {}
    column = vocabulary.setdefault
    indices: list[int] = []
    counts: list[int] = []
    lengths: list[int] = []
    for sentence in (*left, *right):
        terms, n = _term_counts(sentence)
        indices.extend(column(t, len(vocabulary)) for t in terms)
        counts.extend(n)
        lengths.append(len(terms))
    n_docs = len(left) + len(right)
    if not vocabulary:  # no token at all on either side (only punctuation)
        return sparse.csr_matrix((len(left), 1)), sparse.csr_matrix((len(right), 1))
    col = np.array(indices, dtype=np.int32)
    df = np.bincount(col, minlength=len(vocabulary))
    idf = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
    data = (1.0 + np.log(np.array(counts, dtype=np.float64))) * idf[col]
    row = np.repeat(np.arange(n_docs), lengths)
    norm = np.sqrt(np.bincount(row, weights=data * data, minlength=n_docs))
    data /= norm[row]  # a row with entries has a positive norm
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    # each side's rows built from their part of the arrays (slicing one matrix cost more)
    k, split = len(left), int(indptr[len(left)])
    return (sparse.csr_matrix((data[:split], col[:split], indptr[: k + 1]),
                              shape=(k, len(vocabulary))),
            sparse.csr_matrix((data[split:], col[split:], indptr[k:] - split),
                              shape=(len(right), len(vocabulary))))


def tfidf_matrix(left: Sequence[str], right: Sequence[str]) -> sparse.csr_matrix:
    """Return the left x right cosine-similarity matrix of TF-IDF vectors (sparse)."""
    if not left or not right:
        return sparse.csr_matrix((len(left), len(right)))
    a, b = tfidf_vectors(left, right)
    return (a @ b.T).tocsr()


def tfidf_cosine(a: str, b: str, *, corpus: Sequence[str] = ()) -> float:
    """Cosine of two texts' TF-IDF vectors, IDF fitted on ``corpus`` plus both texts."""
    matrix = tfidf_matrix([a, *corpus], [b])
    return float(np.clip(matrix[0, 0], 0.0, 1.0)) if matrix.shape[0] else 0.0


# --- similar pairs without the dense product --------------------------------------------------

# Terms in more than this share of all sentences (and at least COMMON_MIN_DF of them) are
# "common": function words and a long text's topic words. Every sentence holds some, so their
# part of the product makes it dense (87% non-zero at 1 MB). They are left out of the product
# and bounded instead (see similar_pairs), which keeps the result exact. The share trades the
# rare-term product (grows with it) against the pairs the bound cannot rule out (shrink with
# it); on benchmarks/bench_growth.py's pairs, 2 MB / 5 MB: 0.002 took 10.3 s / -, 0.01 1.1 s /
# 5.0 s, 0.03 0.8 s / 6.2 s, 0.06 - / 12.2 s.
COMMON_DF_SHARE = 0.01
COMMON_MIN_DF = 50
_ROW_BLOCK = 2048  # rows per block of the product: bounds memory however long the texts are
_BANDS = 10  # bands of common-term norm for the pairs that share no rare term
# Below this many cells the plain product is cheap: small pairs (every news article) keep the
# exact matrix they always had, bit for bit.
DIRECT_CELLS = 2_000_000


def similar_pairs(a: sparse.csr_matrix, b: sparse.csr_matrix, threshold: float
                  ) -> sparse.csr_matrix:
    """Return ``a @ b.T`` with every entry >= ``threshold`` (smaller ones may be left out).

    Rows are l2-normalised TF-IDF vectors. The cosine of two rows is the part over rare terms
    plus the part over common terms; by Cauchy-Schwarz the common part is at most the product
    of the two rows' common-term norms. So a pair can reach ``threshold`` only if it shares a
    rare term (found by the sparse product over rare terms, which stays sparse) or both its
    common norms are large (a short sentence of common words: compared in full, by bands of
    norm). Candidates are then scored exactly. Time and memory grow with the number of pairs
    that share a rare term, not with n x m.
    """
    n, m = a.shape[0], b.shape[0]
    if n == 0 or m == 0 or a.nnz == 0 or b.nnz == 0:
        return sparse.csr_matrix((n, m))
    if n * m <= DIRECT_CELLS:
        return (a @ b.T).tocsr()  # cheap: the plain product, entries under threshold too
    vocab = a.shape[1]
    df = np.bincount(a.indices, minlength=vocab) + np.bincount(b.indices, minlength=vocab)
    common = df > max(COMMON_MIN_DF, COMMON_DF_SHARE * (n + m))
    if not common.any():
        return _prune((a @ b.T).tocsr(), threshold)
    rare_mask = sparse.diags((~common).astype(np.float64))
    common_mask = sparse.diags(common.astype(np.float64))
    a_rare, b_rare = (a @ rare_mask).tocsr(), (b @ rare_mask).tocsr()
    a_common, b_common = (a @ common_mask).tocsr(), (b @ common_mask).tocsr()
    na = np.sqrt(np.asarray(a_common.multiply(a_common).sum(axis=1)).ravel())
    nb = np.sqrt(np.asarray(b_common.multiply(b_common).sum(axis=1)).ravel())
    b_rare_t = b_rare.T.tocsc()
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    vals: list[np.ndarray] = []

    def score(i: np.ndarray, j: np.ndarray) -> None:
        """Score candidate pairs exactly and keep those that reach the threshold."""
        if not len(i):
            return
        exact = np.asarray(a[i].multiply(b[j]).sum(axis=1)).ravel()
        keep = exact >= threshold
        rows.append(i[keep])
        cols.append(j[keep])
        vals.append(exact[keep])

    # 1. Pairs sharing a rare term: rare part + the bound on the common part.
    for start in range(0, n, _ROW_BLOCK):
        block = (a_rare[start : start + _ROW_BLOCK] @ b_rare_t).tocoo()
        i, j = block.row + start, block.col
        hopeful = block.data + na[i] * nb[j] >= threshold - 1e-12
        score(i[hopeful], j[hopeful])
    # 2. Pairs sharing no rare term: only the common part, at most na[i] * nb[j]. Rows in
    # bands of common norm, each against the columns its band's top could still reach.
    found = set(zip(np.concatenate(rows).tolist(), np.concatenate(cols).tolist())) \
        if rows else set()
    order = np.argsort(-nb)
    sorted_nb = nb[order]
    reach = np.flatnonzero(na * float(sorted_nb[0]) >= threshold - 1e-12)
    bands = np.minimum(np.floor(na[reach] * _BANDS), _BANDS - 1).astype(int)
    for level in np.unique(bands).tolist():
        band = reach[bands == level]
        band_top = (level + 1) / _BANDS + 1e-9  # a norm may exceed 1 by rounding
        # Columns whose common norm could lift this band's best row to the threshold.
        k = int(np.searchsorted(-sorted_nb, -(threshold - 1e-12) / band_top, side="right"))
        targets = order[:k]
        if not len(targets):
            continue
        common_part = (a_common[band] @ b_common[targets].T).tocoo()
        hit = common_part.data >= threshold - 1e-12
        i, j = band[common_part.row[hit]], targets[common_part.col[hit]]
        new = np.array([(x, y) not in found for x, y in zip(i.tolist(), j.tolist())], dtype=bool)
        score(i[new] if len(i) else i, j[new] if len(j) else j)
    if not rows:
        return sparse.csr_matrix((n, m))
    out = sparse.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                            shape=(n, m))
    out.sum_duplicates()
    out.sort_indices()
    return out


def _prune(matrix: sparse.csr_matrix, threshold: float) -> sparse.csr_matrix:
    """Drop the entries below ``threshold`` (the others keep their order)."""
    matrix.data[matrix.data < threshold] = 0.0
    matrix.eliminate_zeros()
    return matrix
