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
    vectors = sparse.csr_matrix((data, col, indptr), shape=(n_docs, len(vocabulary)))
    return vectors[: len(left)], vectors[len(left) :]


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
