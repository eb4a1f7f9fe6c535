"""Align the sentences of an original and a retelling: 1:1, 1:n, n:1 and out of order.

The rule, in one breath: a link joins original sentence i and retelling sentence j when
their similarity clears LINK_THRESHOLD, one of them is the other's best match, and the link
is not much weaker than the best either of them has (LINK_RATIO). Linked sentences form
connected components; each component is one aligned pair. Order is not used: an
out-of-order teaser won by a margin of 0.007 under every method tried, so position would
only add noise (LIBRARIES.md "Alignment").

Cost: one sparse TF-IDF product plus a pass over its non-zeros; no dense n x m matrix.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from retold.align.scorers import similar_pairs, tfidf_vectors
from retold.model import AlignedPair, Sentence

# Calibrated on hand-made pairs and the real op-ed pair in LIBRARIES.md: sentences a
# retelling kept scored >= 0.47 against their source, omitted ones <= 0.22. 0.30 sits in the
# gap, a little nearer the omitted side because machine translation lowers kept scores.
LINK_THRESHOLD = 0.30
# A second link of a sentence must reach this share of its best link: a retelling sentence
# that merges two originals scores comparably against both, while an on-topic sentence the
# retelling dropped scores far below the sentence that was really carried.
LINK_RATIO = 0.55

# An "echo" is a sentence that restates another sentence of the same text, as a one-line
# teaser restates a later paragraph. On the real op-ed pair the teaser scored 0.18 against
# its source (translation swapped most words) but 0.44 against the retelling's own later
# sentence that carries the same source, while unrelated retelling sentences scored <= 0.30
# against each other. An unaligned sentence joins the pair of the sentence it echoes when it
# clears ECHO_THRESHOLD and still shares some words with that pair's original
# (ECHO_SUPPORT, half the link threshold), so a new paragraph on the same topic stays added.
ECHO_THRESHOLD = 0.40
ECHO_SUPPORT = LINK_THRESHOLD / 2


@dataclass(frozen=True, slots=True)
class Alignment:
    """Aligned pairs plus the sentences on each side that no pair holds."""

    pairs: tuple[AlignedPair, ...]
    dropped: tuple[int, ...]
    added: tuple[int, ...]

    def inverse(self) -> Alignment:
        """Swap original and retelling."""
        pairs = tuple(sorted((p.inverse() for p in self.pairs), key=_pair_order))
        return Alignment(pairs, self.added, self.dropped)


def _pair_order(pair: AlignedPair) -> tuple[int, int]:
    return (min(pair.original), min(pair.retelling))


def align(
    original: Sequence[Sentence],
    retelling: Sequence[Sentence],
    *,
    threshold: float = LINK_THRESHOLD,
    ratio: float = LINK_RATIO,
    similarity: sparse.spmatrix | None = None,
) -> Alignment:
    """Align two sentence sequences; ``similarity`` overrides the TF-IDF matrix (n x m)."""
    n, m = len(original), len(retelling)
    if n == 0 or m == 0:
        return Alignment((), tuple(s.id for s in original), tuple(s.id for s in retelling))
    a, b = tfidf_vectors([s.text for s in original], [s.text for s in retelling])
    # Only pairs that can become links matter (see _links): the product keeps just those,
    # so its cost follows the pairs that share rare words, not n x m.
    sim = sparse.csr_matrix(similarity if similarity is not None
                            else similar_pairs(a, b, threshold))
    coo = sim.tocoo()
    links = _links(coo, n, m, threshold, ratio)
    # The matrix's cells by (original, retelling), read for each 1:1 pair and each echo's
    # support: scipy's indexing costs tens of microseconds a cell, a dict well under one.
    cells: dict[tuple[int, int], float] = {}
    for cell, value in zip(zip(coo.row.tolist(), coo.col.tolist()), coo.data.tolist()):
        cells[cell] = cells.get(cell, 0.0) + value  # (a cell stored twice holds the sum)

    parent = list(range(n + m))  # union-find over original ids 0..n-1, retelling n..n+m-1

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in links:
        parent[find(i)] = find(n + j)
    # Echoes on both sides, so that aligning (b, a) is exactly the inverse of aligning (a, b).
    other = None if similarity is not None else a  # a pruned matrix: support from vectors
    echoes = _echo_links(b, lambda o, r: cells.get((o, r), 0.0), links, m, other)
    flipped = [(j, i) for i, j in links]
    echoes += [(i, j) for j, i in _echo_links(a, lambda r, o: cells.get((o, r), 0.0), flipped,
                                             n, None if other is None else b)]
    links += echoes
    for i, j in links:
        parent[find(i)] = find(n + j)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i, j in links:
        left, right = groups.setdefault(find(i), ([], []))
        if i not in left:
            left.append(i)
        if j not in right:
            right.append(j)

    pairs = []
    for left, right in groups.values():
        left.sort()
        right.sort()
        pairs.append(
            AlignedPair(
                original=tuple(original[i].id for i in left),
                retelling=tuple(retelling[j].id for j in right),
                similarity=_group_cosine(a, b, left, right, cells),
            )
        )
    pairs.sort(key=_pair_order)
    held_o = {i for p in pairs for i in p.original}
    held_r = {j for p in pairs for j in p.retelling}
    return Alignment(
        tuple(pairs),
        tuple(s.id for s in original if s.id not in held_o),
        tuple(s.id for s in retelling if s.id not in held_r),
    )


def _links(
    sim: sparse.coo_matrix, n: int, m: int, threshold: float, ratio: float
) -> list[tuple[int, int]]:
    """Return the (i, j) links that pass the threshold, best-match and ratio tests."""
    rows, cols, vals = sim.row, sim.col, sim.data
    row_best = np.zeros(n)
    col_best = np.zeros(m)
    np.maximum.at(row_best, rows, vals)
    np.maximum.at(col_best, cols, vals)
    # 1e-9 tolerates float noise when two candidates tie for best.
    is_row_best = vals >= row_best[rows] - 1e-9
    is_col_best = vals >= col_best[cols] - 1e-9
    strong = vals >= np.maximum(threshold, ratio * np.maximum(row_best[rows], col_best[cols]))
    keep = strong & (is_row_best | is_col_best)
    return sorted(zip(rows[keep].tolist(), cols[keep].tolist()))


def _echo_links(
    b: sparse.csr_matrix, sim: Callable[[int, int], float], links: list[tuple[int, int]],
    m: int, other: sparse.csr_matrix | None = None,
) -> list[tuple[int, int]]:
    """Link unaligned sentences of one side that restate an aligned one (see ECHO_THRESHOLD).

    Written for the retelling side: ``b`` are its vectors, ``sim(i, j)`` is the similarity
    cell of original i and retelling j, and links are (original, retelling); the caller flips
    all three for the original side.
    ``other`` are the original's vectors when ``sim`` may lack entries under the link
    threshold (see similar_pairs): the support is then computed from the vectors.
    """
    linked: dict[int, list[int]] = {}
    for i, j in links:
        linked.setdefault(j, []).append(i)
    loose = [j for j in range(m) if j not in linked]
    if not loose or not linked:
        return []
    intra = similar_pairs(b[loose], b, ECHO_THRESHOLD)
    extra: list[tuple[int, int]] = []
    for row, j in enumerate(loose):
        start, end = intra.indptr[row], intra.indptr[row + 1]
        best, best_value = -1, 0.0
        for k, value in zip(intra.indices[start:end], intra.data[start:end]):
            if k != j and k in linked and value > best_value:
                best, best_value = int(k), float(value)
        if best < 0 or best_value < ECHO_THRESHOLD:
            continue
        sources = linked[best]
        support = max(sim(i, j) for i in sources)
        if other is not None and support < ECHO_SUPPORT:
            support = float(np.max((other[sources] @ b[j].T).toarray()))
        if support >= ECHO_SUPPORT:
            extra.append((sources[0], j))
    return extra


def _group_cosine(
    a: sparse.csr_matrix,
    b: sparse.csr_matrix,
    left: list[int],
    right: list[int],
    cells: dict[tuple[int, int], float],
) -> float:
    """Cosine of the summed TF-IDF vectors of two sentence groups (1:1 reads the matrix's
    cells)."""
    if len(left) == 1 and len(right) == 1:
        return float(min(1.0, max(0.0, cells.get((left[0], right[0]), 0.0))))
    # Sparse sums: a dense vector over the whole vocabulary per group made this quadratic in
    # a long text (its vocabulary grows with it, and so does the number of groups).
    u = sparse.csr_matrix(np.ones((1, len(left)))) @ a[left]
    v = sparse.csr_matrix(np.ones((1, len(right)))) @ b[right]
    norm = float(np.sqrt(u.multiply(u).sum() * v.multiply(v).sum()))
    return float(min(1.0, max(0.0, u.multiply(v).sum() / norm))) if norm else 0.0
