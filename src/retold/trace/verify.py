"""Verification: run the pair pipeline on a candidate and keep a link when the reuse is real.

A candidate survives pre-verification (candidates.worth_verifying) on fingerprint evidence
alone; here the full comparison decides: a link is kept when the pair pipeline calls the
retelling wholly or partially derived from the source. The link carries the share reused in
both directions, the derivation class, the number of fact changes, the direction and its
evidence, and the source's facts with what the target did with each (for the story's facts
table).

Pure functions (the pair pipeline is pure too); no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from retold.model import Article, Comparison, Document, Link
from retold.reuse import NON_REUSE, in_order, reuse_of
from retold.trace import direction as dr
from retold.trace import times

CompareFn = Callable[[Document, Document], Comparison]

# A link is kept when the pipeline says the target derives from the source at all ("wholly" or
# "partially") and at least MIN_REUSE of one side comes from the other (retold.reuse: shared
# word runs). The pair class "partially" starts at 0.27; a corpus link asks for more, because
# a corpus holds many independent reports of one event and a link must be a retelling. On the
# COUNTER development corpus, on the target's share, a floor of 0.36 / 0.40 / 0.45 gave link
# recall 0.61 / 0.57 / 0.46 at agency->newspaper precision 0.87 / 0.93 / 0.95.
MIN_REUSE = 0.40
# A heavy paraphrase that keeps the facts but few word runs (the English one of
# tests/unit/test_trace_corpus keeps 0.38) falls below it. Linking such pairs by their shared
# numbers from 0.35 up was tried: on COUNTER it cost 0.08 of agency->newspaper precision for
# 0.05 of recall (independent reports of one event carry its numbers too), so it is not done.
# Near in time the floor is lower. A retelling of news follows its source within hours or a
# day or two; far apart, partial reuse is mostly recurring formula and background (a series'
# reports, a story's standing paragraph). So a pair published at most NEAR_SECONDS apart is a
# link at the pair class "partially" (NON_REUSE) already, if the words it shares run in the
# source's order (retold.reuse.in_order >= MIN_ORDER: a rewrite, not an independent report of
# the same event, which shares the event's words in its own order). On the COUNTER
# development corpus (papers written from the agency copy of the day before) link recall
# went from 0.56 to 0.74 at agency->newspaper precision 0.92 -> 0.91; without the order
# condition recall was 0.84 at precision 0.85 (17 independent reports linked, against 6).
# MIN_ORDER at 0.22 / 0.25 / 0.28 gave recall 0.763 / 0.735 / 0.698 at precision 0.882 /
# 0.903 / 0.904: past this floor each partly derived pair costs an independent report (and an
# order over content words only, by corpus document frequency, moved along the same frontier;
# see benchmarks/counter_features.py and the README).
NEAR_SECONDS = 2 * 86_400
MIN_REUSE_NEAR = NON_REUSE
MIN_ORDER = 0.25
# Before the pair pipeline runs, the same measure on the raw texts (a millisecond, against
# 10-20 for the pipeline) turns down pairs far below the floor. The margin covers what the
# pipeline reads differently (title lines, bylines).
PRECHECK_MARGIN = 0.05


def default_compare() -> CompareFn:
    """The pair pipeline: ``retold.compare.compare_documents`` (imported on first use)."""
    from retold.compare import compare_documents

    return compare_documents


def fact_rows(c: Comparison) -> tuple[dict[str, Any], ...]:
    """The original's facts, each with what the retelling did with it: carried/changed/dropped."""
    spans: list[tuple[int, int, str, str]] = []
    for ch in c.changes:
        if ch.original is not None and ch.status in ("changed", "dropped"):
            to = ch.retelling.text if ch.retelling is not None else ""
            spans.append((ch.original.start, ch.original.end, ch.status, to))
    rows = []
    seen: set[tuple[str, str]] = set()
    for f in c.original.facts:
        if (f.kind, f.key) in seen:
            continue
        seen.add((f.kind, f.key))
        status, to = "carried", ""
        for start, end, st, new in spans:
            if start < f.end and f.start < end:
                status, to = st, new
                break
        rows.append({"kind": f.kind, "key": f.key, "text": f.text, "status": status, "to": to})
    return tuple(rows)


def passages(c: Comparison) -> tuple[tuple[int, int, int, int, str], ...]:
    """The aligned passages of a comparison as character spans of both texts."""
    o = {s.id: s for s in c.original.sentences}
    r = {s.id: s for s in c.retelling.sentences}
    out = []
    for p in c.pairs:
        so = [o[i] for i in p.original if i in o]
        sr = [r[i] for i in p.retelling if i in r]
        if so and sr:
            out.append((min(s.start for s in so), max(s.end for s in so),
                        min(s.start for s in sr), max(s.end for s in sr), p.relation))
    return tuple(out)


def extra_at_end(c: Comparison) -> float | None:
    """Share of the larger side's unshared body sentences after its last shared one.

    The larger side is the one less contained in the other (the original when the retelling
    is mostly derived from it). None when it has no unshared sentences or nothing is shared.
    """
    if c.summary.reuse >= c.summary.carried:
        side, extra = c.original, set(c.dropped)
        shared = {i for p in c.pairs for i in p.original}
    else:
        side, extra = c.retelling, set(c.added)
        shared = {i for p in c.pairs for i in p.retelling}
    body = {s.id for s in side.sentences if s.kind == "body"}
    extra &= body
    if not extra or not shared:
        return None
    last = max(shared)
    return sum(1 for i in extra if i > last) / len(extra)


def verify_pair(
    a: Article,
    b: Article,
    *,
    channels: Sequence[str] = (),
    similarity: float = 0.0,
    compare: CompareFn | None = None,
) -> Link | None:
    """Compare ``a`` and ``b`` with the pair pipeline; return the link, or None if no reuse.

    The comparison runs source -> target: by publication date when both are known; otherwise
    with the larger text first when one lies mostly inside the other (else in id order), and
    again the other way round if containment says the first order was wrong (so ``reuse`` is
    always the share of the target taken from the source).
    """
    compare = compare or default_compare()
    floor = link_floor(a.published, b.published)
    ab, ba = reuse_of(a.text, b.text)
    raw = max(ab, ba)
    if raw < floor - PRECHECK_MARGIN:
        return None
    if raw < MIN_REUSE - PRECHECK_MARGIN and max(in_order(a.text, b.text),
                                                 in_order(b.text, a.text)) < MIN_ORDER:
        return None  # near in time, but its shared words are not in order either way
    first, second, decided = dr.tentative(a.id, a.published, b.id, b.published)
    if decided is None and abs(ab - ba) >= dr.MIN_ASYMMETRY:
        # No time order: containment will decide, most often that the larger text is the
        # source (a cut). Compare in that order first, so the pair pipeline usually runs
        # once, not twice (it runs again only when containment says the other way).
        first, second = (a.id, b.id) if ab > ba else (b.id, a.id)
    articles = {a.id: a, b.id: b}
    c = compare(document(articles[first]), document(articles[second]))
    if not _is_reuse(c, floor):
        return None
    direction = decided
    if direction is None:
        direction = dr.by_containment(first, second, c.summary.reuse, c.summary.carried,
                                      extra_at_end=extra_at_end(c))
        if direction.source != first:
            c = compare(document(articles[direction.source]),
                        document(articles[direction.target]))
    # the target's share, now that the direction is known; below MIN_REUSE only near in time
    # and in the source's order
    if c.summary.reuse < floor or (c.summary.reuse < MIN_REUSE and in_order(
            articles[direction.source].text, articles[direction.target].text) < MIN_ORDER):
        return None
    facts = fact_rows(c)
    return Link(
        source_id=direction.source,
        target_id=direction.target,
        decided=direction.decided,
        evidence=direction.evidence,
        reuse=c.summary.reuse,
        carried=c.summary.carried,
        derivation=c.summary.derivation,
        changes=len(c.changes),
        channels=tuple(channels),
        similarity=similarity,
        detail=direction.detail,
        facts=facts,
        passages=passages(c),
    )


def document(a: Article) -> Document:
    """The document the pair pipeline compares: published as a day (times stay on the link)."""
    # the pair pipeline resolves relative dates ("last Monday") against a day, not a time
    doc = a.to_document()
    return doc.with_published(times.day(a.published)) if times.has_time(a.published) else doc


def link_floor(a: dt.date | None, b: dt.date | None) -> float:
    """The least share of reuse a link needs: MIN_REUSE_NEAR for two publications known to be
    at most NEAR_SECONDS apart, else MIN_REUSE."""
    gap = times.apart(a, b)
    return MIN_REUSE_NEAR if gap is not None and gap <= NEAR_SECONDS else MIN_REUSE


def _is_reuse(c: Comparison, floor: float = MIN_REUSE) -> bool:
    s = c.summary
    return s.derivation in ("wholly", "partially") and max(s.reuse, s.carried) >= floor


def verify_many(
    items: Iterable[tuple[Article, Article, Sequence[str], float]],
    compare: CompareFn | None = None,
) -> list[Link | None]:
    """Verify ``(a, b, channels, similarity)`` candidates (the unit a worker maps over)."""
    compare = compare or default_compare()
    return [verify_pair(a, b, channels=ch, similarity=s, compare=compare)
            for a, b, ch, s in items]
