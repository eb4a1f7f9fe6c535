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
another candidate, unless it explains all the target text that candidate does and more (the
target carries its edits: a chain), then the earliest, then the one explaining more of the
target in runs of ``EDIT_GRAM`` words, then in runs of two, then by id), then each other source
only if it explains at least ``MIN_GAIN`` of the target that the kept ones do not (a retelling
of a kept source: in runs of ``EDIT_RUN`` words, passages, not word choices two rewrites share).
A dropped source that is itself a retelling of a kept source is the target's *sibling* (they
share that source); any other dropped source is explained through a kept one. Which of two
copies a target came through (its edits) is read from runs of ``EDIT_GRAM`` words: a changed
figure's own word pair ("9 000") often recurs elsewhere in the copy that lacks it. Two copies
of one source that time cannot order, both wholly its text, are siblings through it, unless the
target carries the copy's edits and changed or cut the copy's text (it printed the copy's
version and changed it: a chain step; the shorter text contained in the other is its retelling).

Where the corpus names the outlets (``outlet``), links time and containment left undecided are
first directed by outlet roles (:mod:`retold.trace.roles`), learned from the links a first
resolve keeps without them: links, not siblings (a paper that printed a wire story before an
agency took the same story up is not the agency's source).

Pure functions; no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from retold.model import Link
from retold.reuse import FUNCTION_WORDS, tokens
from retold.trace import roles, times

# A second source must explain this share of the target's tokens that the first did not.
# Chosen on the COUNTER development corpus: 0.10 drops the agency story of another day whose
# background paragraph a paper also printed, and keeps a second agency story a paper merged in.
MIN_GAIN = 0.10
# Two sources explaining the target within this share are equal: take the upstream one.
TOLERANCE = 0.05
RUN = 2  # shared word runs of at least this many words explain a token
# Which of two sources a target's text came through is read from longer shared runs: a changed
# figure's own pair of words ("9 000") recurs elsewhere in the source that does not carry it.
EDIT_GRAM = 4
# A retelling's edits a target carries sit in a run of at least this many tokens it shares
# with that retelling (a changed number inside a copied sentence).
EDIT_RUN = 5


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


def covered(source: Sequence[int] | np.ndarray, target: Sequence[int] | np.ndarray,
            n: int = RUN) -> int:
    """``target``'s tokens inside an ``n``-gram that also occurs in ``source``, as a bit set:
    bit i is set for token i. Tokens are numbers below 2**31 (:class:`Coverage` numbers them).

    (An int, not a set of positions: a resolve keeps one for every source of every target
    with two sources or more, and sets of ints took gigabytes at 100,000 articles; an int
    takes a bit a token, and its unions and differences run in C.)
    """
    if len(source) < n or len(target) < n:
        return 0
    src, tgt = _grams(np.asarray(source, dtype=np.int64), np.asarray(target, dtype=np.int64), n)
    src = np.sort(src)
    at = np.searchsorted(src, tgt)
    at[at == len(src)] = 0
    # bit i: a gram starts at token i (packed eight to a byte, the first token lowest)
    starts = int.from_bytes(np.packbits(src[at] == tgt, bitorder="little").tobytes(), "little")
    out = 0
    for k in range(n):  # a gram starting at i covers tokens i .. i + n - 1
        out |= starts << k
    return out


def _grams(a: np.ndarray, b: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Each ``n``-gram of ``a`` and of ``b`` as one number, equal where the grams are equal."""
    ga, gb = a[: len(a) - n + 1], b[: len(b) - n + 1]
    for k in range(1, n):
        if k > 1:  # renumber the grams so far, to keep the next shift within 64 bits
            _, both = np.unique(np.concatenate([ga, gb]), return_inverse=True)
            ga, gb = both[: len(ga)].astype(np.int64), both[len(ga) :].astype(np.int64)
        ga = (ga << 31) | a[k : len(a) - n + 1 + k]
        gb = (gb << 31) | b[k : len(b) - n + 1 + k]
    return ga, gb


class Coverage:
    """Tokens of each article and :func:`covered` of each (source, target), read once for
    every resolve given it (both passes of a resolve with outlet roles; screening's)."""

    def __init__(self, text_of: Callable[[str], str]) -> None:
        self.text_of = text_of
        # Each article's tokens as numbers of one vocabulary: a resolve over 100,000 articles
        # reads most of them, and a list of strings per article held each word's own copy.
        self.vocabulary: dict[str, int] = {}
        self.toks: dict[str, np.ndarray] = {}
        self.cov: dict[tuple[str, str, int], int] = {}
        self.words: dict[str, int] = {}  # each article's content words (Coverage.content)

    def tokens(self, aid: str) -> np.ndarray:
        if aid not in self.toks:
            ids = self.vocabulary
            self.toks[aid] = np.array([ids.setdefault(t, len(ids))
                                       for t in tokens(self.text_of(aid))], dtype=np.int64)
        return self.toks[aid]

    def content(self, aid: str) -> int:
        """The tokens of ``aid`` that are not function words, as a bit set."""
        if aid not in self.words:
            ids = self.vocabulary
            function = np.array([ids[w] for w in FUNCTION_WORDS if w in ids], dtype=np.int64)
            keep = ~np.isin(self.tokens(aid), function)
            self.words[aid] = int.from_bytes(np.packbits(keep, bitorder="little").tobytes(),
                                             "little")
        return self.words[aid]

    def covered(self, source: str, target: str, n: int = RUN) -> int:
        if (source, target, n) not in self.cov:
            self.cov[(source, target, n)] = covered(self.tokens(source), self.tokens(target), n)
        return self.cov[(source, target, n)]


def outlet_roles(
    links: Iterable[Link],
    text_of: Callable[[str], str],
    published: Mapping[str, dt.date | None] | None,
    outlet: Mapping[str, str | None],
    *,
    coverage: Coverage | None = None,
) -> dict[str, roles.Role]:
    """Outlet roles learned from the links :func:`resolve` keeps without them."""
    return roles.learn(resolve(links, text_of, published, coverage=coverage).links, outlet)


def resolve(
    links: Iterable[Link],
    text_of: Callable[[str], str],
    published: Mapping[str, dt.date | None] | None = None,
    *,
    outlet: Mapping[str, str | None] | None = None,
    min_gain: float = MIN_GAIN,
    tolerance: float = TOLERANCE,
    coverage: Coverage | None = None,
) -> Resolution:
    """Keep the links where the target retells the source (see the module docstring).

    Args:
        links: verified reuse, each directed source -> target.
        text_of: the text of an article id (called for targets with two sources or more,
            and their sources).
        published: publication times by id (for the upstream tie-break), None if unknown.
        outlet: the outlet of each article id, for outlet roles (None: not used).
        coverage: a :class:`Coverage` of ``text_of`` to read from and fill (None: a new one).
    """
    links = list(links)
    texts = coverage or Coverage(text_of)
    if outlet:
        learned = outlet_roles(links, text_of, published, outlet, coverage=texts)
        links = roles.direct(links, outlet, roles=learned)
    links = sorted(links, key=lambda l: (l.target_id, l.source_id))
    published = published or {}
    # each target with its candidate sources; an undecided link is a candidate both ways (its
    # source/target are only in id order) and is kept if either side keeps it
    by_target: dict[str, list[tuple[str, Link]]] = defaultdict(list)
    for l in links:
        by_target[l.target_id].append((l.source_id, l))
        if not l.decided:
            by_target[l.source_id].append((l.target_id, l))
    retells = {(l.source_id, l.target_id) for l in links if l.decided}
    # decided links whose target is wholly made of its source's text, however little of the
    # source it carries: two such copies of one text (two papers' runs of one version, two
    # feed teasers of a wire story's lede) share it as their source
    made_of = {(l.source_id, l.target_id) for l in links if l.decided
               and l.derivation == "wholly"}
    undecided = {frozenset((l.source_id, l.target_id)) for l in links if not l.decided}
    out = Resolution()
    kept_ids: set[tuple[str, str]] = set()
    dropped: dict[tuple[str, str], tuple[Link, str, str | None]] = {}
    for target in sorted(by_target):
        incoming = by_target[target]
        if len(incoming) == 1:
            kept_ids.add((incoming[0][1].source_id, incoming[0][1].target_id))
            continue
        size = max(1, len(texts.tokens(target)))
        cov = {src: texts.covered(src, target) for src, _ in incoming}
        best = max(c.bit_count() for c in cov.values()) / size
        sources = set(cov)
        near = [src for src in sorted(sources) if cov[src].bit_count() / size >= best - tolerance]

        def edits(src: str, target: str = target) -> int:
            return texts.covered(src, target, EDIT_GRAM)

        def content(target: str = target) -> int:  # (read only where an edit is weighed)
            return texts.content(target)

        # a copy of the target whose order with it is unknown (an undecided link), where both
        # retell one source, is its sibling through that source: two papers printing one wire
        # text, not the origin of either (an identical copy explains all of the target, and
        # would otherwise set the source aside for both), unless the target carries the
        # copy's edits of that source and edits of its own, a word changed or text cut (it
        # printed the copy's version and changed it: a chain; two prints are two copies)
        copies = {src: up for src in sources if frozenset((src, target)) in undecided
                  for up in sorted(sources) if (up, src) in made_of and (up, target) in made_of
                  and not _printed_and_edited(texts, target, src, up, edits, content)}
        near = [src for src in near if src not in copies] or sorted({copies[x] for x in near})
        first = near[0] if len(near) == 1 else _first(near, sources, retells, published, cov,
                                                         edits, content)
        # undated sources as good as an undated first, whose order with it is unknown (an
        # undecided link: two copies of one text), are kept with it: which one the target
        # retold cannot be told (a dated one is preferred to an undated one)
        twins = {src for src in near if src != first and frozenset((src, first)) in undecided
                 and published.get(src) is None and published.get(first) is None}
        kept, explained = [first], cov[first]
        for src in sorted(sources - {first}, key=lambda x: (-cov[x].bit_count(), x)):
            if src in copies and copies[src] in kept:
                link = next(l for x, l in incoming if x == src)
                dropped.setdefault((link.source_id, link.target_id), (link, target, copies[src]))
                out.siblings.append(Sibling(*sorted((src, target)), copies[src]))  # type: ignore[call-arg]
                continue
            gain_bits = cov[src] & ~explained
            if any((k, src) in retells for k in kept):
                # a retelling of a kept source adds only text it carries in runs: two rewrites of
                # one sentence that chose the same words share a word pair, not a passage
                gain_bits &= _in_runs(cov[src], EDIT_RUN)
            gain = gain_bits.bit_count() / size
            if gain >= min_gain or src in twins:
                kept.append(src)
                explained |= cov[src]
                continue
            via = next((k for k in kept if (k, src) in retells), None)
            link = next(l for x, l in incoming if x == src)
            dropped.setdefault((link.source_id, link.target_id), (link, target, via or first))
            if via is not None:
                out.siblings.append(Sibling(*sorted((src, target)), via))  # type: ignore[call-arg]
        for src in kept:
            link = next(l for x, l in incoming if x == src)
            kept_ids.add((link.source_id, link.target_id))
    # a set, not a scan of the siblings per dropped link (quadratic: minutes on 30,000 links)
    sibling_pairs = {frozenset((s.a, s.b)) for s in out.siblings}
    for l in links:
        if (l.source_id, l.target_id) in kept_ids:
            out.links.append(l)
        elif (l.source_id, l.target_id) in dropped:
            link, _, via = dropped[(l.source_id, l.target_id)]
            if frozenset((l.source_id, l.target_id)) not in sibling_pairs:
                out.through.append((link, via or ""))
    # an undecided link is kept if either side keeps it: a sibling of one side's may be the
    # other side's link (the target carries that copy's edits), and then it is not a sibling
    linked = {frozenset((l.source_id, l.target_id)) for l in out.links}
    out.siblings = sorted({s for s in out.siblings if frozenset((s.a, s.b)) not in linked},
                          key=lambda s: (s.a, s.b, s.source))
    out.links.sort(key=lambda l: (l.source_id, l.target_id))
    return out


def _first(near: list[str], sources: set[str], retells: set[tuple[str, str]],
           published: Mapping[str, dt.date | None], cov: Mapping[str, int],
           edits: Callable[[str], int], content: Callable[[], int]) -> str:
    """The first source of ``near`` by :func:`_upstream`, reading runs of EDIT_GRAM words only
    for the sources that time and the chain order leave tied."""
    keys = {src: _upstream(src, sources, retells, published, edits, content) for src in near}
    best = min(keys.values())
    tied = [src for src in near if keys[src] == best]
    if len(tied) == 1:
        return tied[0]
    return min(tied, key=lambda src: (-edits(src).bit_count(), -cov[src].bit_count(), src))


def _upstream(
    source: str, sources: set[str], retells: set[tuple[str, str]],
    published: Mapping[str, dt.date | None], edits: Callable[[str], int],
    content: Callable[[], int],
) -> tuple[int, tuple[int, int]]:
    # not a retelling of another candidate first, then the earliest (:func:`_first` then reads
    # which explains more of the target: of two copies of one day, the one whose version it
    # carries). A retelling that explains all the target text its source does and more comes
    # before that source: the target carries its edits (a chain), which a sibling of it would
    # not (``edits``: the target text a source explains with runs of EDIT_GRAM words)
    downstream = any(
        ((s, source) in retells and not _carries_edits(edits(source), edits(s), content=content()))
        or ((source, s) in retells and _carries_edits(edits(s), edits(source), content=content()))
        for s in sources if s != source)
    return int(downstream), _sortable(published.get(source))


def _printed_and_edited(texts: Coverage, target: str, copy: str, up: str,
                        edits: Callable[[str], int], content: Callable[[], int]) -> bool:
    """The target carries ``copy``'s edits of ``up`` and lacks some of the copy's text (a word
    it changed, a passage it cut: the shorter text contained in the other is its retelling, as
    containment reads it). A print of the copy's version, whole or with a line added, is no
    chain: the copy is then contained in the target, not its source."""
    return texts.covered(target, copy) != (1 << len(texts.tokens(copy))) - 1 and \
        _carries_edits(edits(copy), edits(up), content=content())


def _carries_edits(middle: int, first: int, run: int = EDIT_RUN, *, content: int = -1) -> bool:
    """The target text ``middle`` explains includes all ``first`` explains, and more inside a
    run of at least ``run`` tokens shared with ``middle`` (a fact ``middle`` changed, in a
    sentence the target copied; not a common word pair that happens to recur). Both are bit
    sets of :func:`covered`."""
    extra = middle & ~first
    if not extra or first & ~middle:
        return False
    # ... at a content word (``content``: the target's): "said on monday that a" of a sibling's
    # own sentence, against "said on monday that the", is a stock phrase, not an edit
    return bool(extra & _in_runs(middle, run) & content)


def _in_runs(bits: int, run: int) -> int:
    """The bits of ``bits`` inside a run of at least ``run`` consecutive set bits."""
    starts = bits
    for k in range(1, run):  # bit i stays where bits i .. i + run - 1 are all set
        starts &= bits >> k
    out = 0
    for k in range(run):
        out |= starts << k
    return out


def _sortable(when: dt.date | None) -> tuple[int, int]:
    # the last second it can have been published, unknown last: a day without its time is not
    # earlier than a story timed that morning (as a story's root is chosen, stories.root_of)
    last = times.span(when)
    return (1, 0) if last is None else (0, last[1])
