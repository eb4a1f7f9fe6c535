"""Which verified reuse is a link: the target retells the source, not a sibling or a shortcut.

Verification keeps every pair that shares real text. In a news flow that is too much:

* siblings: two retellings of one source share most of its text, so they verify as reuse of
  each other, though neither retold the other. They *share a source*.
* shortcuts: in a chain A -> B -> C, C shares A's text through B; A -> C is a link only where
  C carries text of A that B dropped.
* background: a story that repeats a paragraph of an earlier story on the same topic also
  shares it with every later retelling of that story.

So, for each target, its verified sources are taken greedily by the target text they explain
(tokens inside word runs of two or more shared with the source): first the one that explains
most (within ``TOLERANCE`` of the best, the one furthest upstream: not itself a retelling of
another candidate, then the earliest, then by id), then each other source only if it explains
at least ``MIN_GAIN`` of the target that the kept ones do not. A dropped source that is itself
a retelling of a kept source is the target's *sibling* (they share that source); any other
dropped source is explained through a kept one.

Pure functions; no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from retold.model import Link
from retold.reuse import tokens

# A second source must explain this share of the target's tokens that the first did not.
# Chosen on the COUNTER development corpus: 0.10 drops the agency story of another day whose
# background paragraph a paper also printed, and keeps a second agency story a paper merged in.
MIN_GAIN = 0.10
# Two sources explaining the target within this share are equal: take the upstream one.
TOLERANCE = 0.05
RUN = 2  # shared word runs of at least this many words explain a token


@dataclass(frozen=True, slots=True)
class Sibling:
    """Two retellings of one source: ``a`` and ``b`` both retell ``source`` (not each other)."""

    a: str
    b: str
    source: str


@dataclass(slots=True)
class Resolution:
    """The links kept, the siblings found, and the reuse dropped as explained by a chain."""

    links: list[Link] = field(default_factory=list)
    siblings: list[Sibling] = field(default_factory=list)
    through: list[tuple[Link, str]] = field(default_factory=list)  # (dropped link, kept source)


def covered(source: Sequence[str], target: Sequence[str], n: int = RUN) -> set[int]:
    """Positions of ``target``'s tokens inside an ``n``-gram that also occurs in ``source``."""
    if len(source) < n or len(target) < n:
        return set()
    grams = {tuple(source[i : i + n]) for i in range(len(source) - n + 1)}
    out: set[int] = set()
    for i in range(len(target) - n + 1):
        if tuple(target[i : i + n]) in grams:
            out.update(range(i, i + n))
    return out


def resolve(
    links: Iterable[Link],
    text_of: Callable[[str], str],
    published: Mapping[str, dt.date | None] | None = None,
    *,
    min_gain: float = MIN_GAIN,
    tolerance: float = TOLERANCE,
) -> Resolution:
    """Keep the links where the target retells the source (see the module docstring).

    Args:
        links: verified reuse, each directed source -> target.
        text_of: the text of an article id (called for targets with two sources or more,
            and their sources).
        published: publication times by id (for the upstream tie-break), None if unknown.
    """
    links = sorted(links, key=lambda l: (l.target_id, l.source_id))
    published = published or {}
    by_target: dict[str, list[Link]] = defaultdict(list)
    for l in links:
        by_target[l.target_id].append(l)
    retells = {(l.source_id, l.target_id) for l in links if l.decided}
    undecided = {frozenset((l.source_id, l.target_id)) for l in links if not l.decided}
    out = Resolution()
    cache: dict[str, list[str]] = {}

    def toks(aid: str) -> list[str]:
        if aid not in cache:
            cache[aid] = tokens(text_of(aid))
        return cache[aid]

    for target, incoming in by_target.items():
        if len(incoming) == 1:
            out.links.append(incoming[0])
            continue
        t = toks(target)
        size = max(1, len(t))
        cov = {l.source_id: covered(toks(l.source_id), t) for l in incoming}
        best = max(len(c) for c in cov.values()) / size
        sources = {l.source_id for l in incoming}

        near = [l for l in incoming if len(cov[l.source_id]) / size >= best - tolerance]
        first = min(near, key=lambda l: _upstream(l.source_id, sources, retells, published))
        # sources as good as the first whose order with it is unknown (an undecided link: two
        # copies of one text) are kept with it: which one the target retold cannot be told
        twins = {l.source_id for l in near if l is not first and (
            frozenset((l.source_id, first.source_id)) in undecided)}
        kept, explained = [first], set(cov[first.source_id])
        rest = sorted((l for l in incoming if l is not first),
                      key=lambda l: (-len(cov[l.source_id]), l.source_id))
        for l in rest:
            gain = len(cov[l.source_id] - explained) / size
            if gain >= min_gain or l.source_id in twins:
                kept.append(l)
                explained |= cov[l.source_id]
                continue
            via = next((k.source_id for k in kept if (k.source_id, l.source_id) in retells),
                       None)
            if via is not None:
                a, b = sorted((l.source_id, target))
                out.siblings.append(Sibling(a, b, via))
            else:
                out.through.append((l, first.source_id))
        out.links.extend(kept)
    out.links.sort(key=lambda l: (l.source_id, l.target_id))
    return out


def _upstream(
    source: str, sources: set[str], retells: set[tuple[str, str]],
    published: Mapping[str, dt.date | None],
) -> tuple[int, str, str]:
    # not a retelling of another candidate first, then the earliest, then by id
    downstream = any((s, source) in retells for s in sources if s != source)
    return (int(downstream), _sortable(published.get(source)), source)


def _sortable(when: dt.date | None) -> str:
    # dates and datetimes do not compare with each other: compare their ISO forms, unknown last
    return when.isoformat() if when is not None else "~"
