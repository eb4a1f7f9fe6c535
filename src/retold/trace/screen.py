"""Screening: candidates the pair pipeline need not run on, read from a millisecond measure.

In a news flow most candidates that pass pre-verification are siblings (two retellings of
one wire story) and chain shortcuts: real shared text, which the pair pipeline verifies (10-30
ms a pair) and :mod:`retold.trace.resolve` then drops. On the benchmark's news flows they were
six in ten of the pairs the pipeline ran on.

Screening measures every pending pair with the reuse share on the raw texts
(:func:`retold.reuse.reuse_of`, about a millisecond; the pipeline's own measure on the same
text), directs it by publication time, and runs :func:`retold.trace.resolve.resolve` on these
provisional links (with the links verified by earlier runs). A pair is skipped (not verified)
only when resolve drops it *and* the source that explains its target is safely a link: its
share of the target at least :data:`SAFE_REUSE` (the pipeline keeps links from 0.40), and
directed by time or a copy both ways (which the pipeline leaves undecided). A pair with no
time order is a provisional link both ways (as resolve reads an undecided link), so it is
skipped only when resolve drops it whichever way the pipeline would direct it, unless outlet
roles (:mod:`retold.trace.roles`, learned from the provisional links, with the links of
earlier runs, that resolve keeps) direct it, as they will direct the verified link.

Pure functions; no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence

from retold.model import Link
from retold.reuse import reuse_of
from retold.trace import direction as dr
from retold.trace import resolve as rs
from retold.trace import roles
from retold.trace.direction import MIN_ASYMMETRY
from retold.trace.verify import PRECHECK_MARGIN, link_floor

# A source explains a skipped pair's target only if its own share of the target is at least
# this, well above the pipeline's floor (0.40; 0.27 near in time): it must survive the
# pipeline, or the target would lose the link it explains.
SAFE_REUSE = 0.50


def measure_many(
    items: Sequence[tuple[int, int, str, str]],
) -> list[tuple[int, int, float, float]]:
    """``(a, b, text_a, text_b)`` -> ``(a, b, share of b from a, share of a from b)`` (the unit
    a worker process maps over)."""
    out = []
    for a, b, ta, tb in items:
        ab, ba = reuse_of(ta, tb)
        out.append((a, b, ab, ba))
    return out


def explained(
    measured: Iterable[tuple[str, str, float, float]],
    published: Mapping[str, dt.date | None],
    text_of: Callable[[str], str],
    *,
    context: Iterable[Link] = (),
    outlet: Mapping[str, str | None] | None = None,
    safe: float = SAFE_REUSE,
) -> set[tuple[str, str]]:
    """The measured pairs ``(a_id, b_id)`` that need not be verified (see the module docstring).

    Args:
        measured: ``(a_id, b_id, share of b from a, share of a from b)`` of pending pairs.
        published: publication times by id.
        text_of: an article's text (as the pipeline reads it: templates blanked).
        context: links verified by earlier runs; they explain, they are never skipped.
        outlet: the outlet of each article id, for outlet roles (None: not used).
    """
    provisional: list[Link] = []
    # (source, target) -> (share, directed by time), where the source explains the target
    safe_share: dict[tuple[str, str], tuple[float, bool]] = {}
    pairs: list[tuple[str, str]] = []  # the measured pair of each provisional link
    for a, b, ab, ba in measured:
        # the pipeline's own precheck (a lower floor near in time; the order condition below
        # MIN_REUSE is left to the pipeline: a provisional link too many is harmless)
        if max(ab, ba) < link_floor(published.get(a), published.get(b)) - PRECHECK_MARGIN:
            continue
        first, second, decided = dr.tentative(a, published.get(a), b, published.get(b))
        forward, back = (ab, ba) if first == a else (ba, ab)
        provisional.append(_link(first, second, decided is not None, forward, back))
        pairs.append((a, b))
    if not pairs:
        return set()
    provisional.extend(context)
    coverage = rs.Coverage(text_of)  # both resolves below read the same pairs
    if outlet:
        learned = rs.outlet_roles(provisional, text_of, published, outlet, coverage=coverage)
        provisional = roles.direct(provisional, outlet, roles=learned)
    # each measured pair under its provisional link's (source, target): outlet roles may have
    # turned it round
    keys = {(l.source_id, l.target_id): p for l, p in zip(provisional, pairs)}
    timed = {(l.source_id, l.target_id) for l in provisional if l.decided}
    for l in provisional:
        _explains(safe_share, l.source_id, l.target_id, l.decided, l.reuse, l.carried)

    def safely(source: str, target: str, pair: tuple[str, str]) -> bool:
        # A copy both ways, undecided, explains only pairs with no time order either: the
        # pipeline may direct it the other way, and a pair times order (a wire story and its
        # timed copies, beside a copy dated by its day only) must not be lost to it.
        share, decided = safe_share.get((source, target), (0.0, False))
        return share >= safe and (decided or pair not in timed)

    # two articles time does not order, one of them mostly inside the other: the pipeline will
    # direct them by containment (a paper's insertion into the wire story on the wire's day; two
    # copies both ways stay undecided, and either explains as well as the other)
    unordered = {frozenset((l.source_id, l.target_id)) for l in provisional
                 if not l.decided and abs(l.reuse - l.carried) >= MIN_ASYMMETRY}
    res = rs.resolve(provisional, text_of, published, coverage=coverage)
    skip: set[tuple[str, str]] = set()
    for s in res.siblings:
        for source, target in ((s.a, s.b), (s.b, s.a)):
            if (source, target) in keys and safely(s.source, target, (source, target)):
                skip.add(keys[(source, target)])
    for link, via in res.through:
        pair = (link.source_id, link.target_id)
        # an undecided link was a candidate both ways: its target may be either side
        ends = (link.target_id,) if link.decided else pair
        if pair in keys and via and any(safely(via, t, pair) for t in ends) and not (
                frozenset((via, link.source_id)) in unordered and link.decided):
            # (where the source set aside and the one kept are a pair time does not order,
            # verification decides which retold the other: resolve then knows which is
            # upstream, and the target's link goes to it)
            skip.add(keys[pair])
    return skip


def _explains(safe_share: dict[tuple[str, str], tuple[float, bool]], source: str,
              target: str, decided: bool, forward: float, back: float) -> None:
    """Record how safely ``source`` explains ``target`` (and back, for an undirected link),
    and whether by time."""
    if decided and not (source, target) in safe_share:
        safe_share[(source, target)] = (forward, True)
    elif not decided and abs(forward - back) < MIN_ASYMMETRY:
        # a copy both ways: the pipeline leaves it undecided, a source of either side
        for pair in ((source, target), (target, source)):
            safe_share.setdefault(pair, (min(forward, back), False))


def _link(source: str, target: str, decided: bool, reuse: float, carried: float) -> Link:
    return Link(source_id=source, target_id=target, decided=decided,
                evidence="published" if decided else "undecided", reuse=reuse, carried=carried,
                derivation="partially", changes=0)
