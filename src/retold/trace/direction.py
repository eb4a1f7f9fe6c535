"""Direction of a link: which article is the source and which the retelling (the target).

Evidence, strongest first, and the word each leaves in ``Link.evidence``:

``published``    both publication dates are known and differ: the earlier is the source.
``containment``  the share of one article found in the other is clearly asymmetric: the article
                 that is (mostly) contained in the other is taken as the retelling, because
                 retellings of wire and agency copy mostly cut it down. A retelling that only
                 *adds* to its source is misdirected by this rule when no dates are known;
                 the benchmark reports how often (benchmarks/bench_trace.py).
``undecided``    neither: the link is kept with ``decided=False`` and source/target in id order.

Pure functions; no I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Containment asymmetry needed to decide: |reuse - carried| of the pair. Set on the benchmark
# corpus: cuts differ by 0.2-0.6; verbatim copies, reorderings and paraphrases by < 0.1.
MIN_ASYMMETRY = 0.15


@dataclass(frozen=True, slots=True)
class Direction:
    source: str
    target: str
    decided: bool
    evidence: str  # published | containment | undecided
    detail: str


def by_published(
    a: str, a_published: dt.date | None, b: str, b_published: dt.date | None
) -> Direction | None:
    """The earlier article is the source, when both dates are known and differ."""
    if a_published is None or b_published is None or a_published == b_published:
        return None
    if a_published < b_published:
        return Direction(a, b, True, "published",
                         f"published {a_published.isoformat()} before {b_published.isoformat()}")
    return Direction(b, a, True, "published",
                     f"published {b_published.isoformat()} before {a_published.isoformat()}")


def by_containment(
    a: str, b: str, reuse: float, carried: float, *, margin: float = MIN_ASYMMETRY
) -> Direction:
    """Decide from a comparison of ``a`` (as original) with ``b`` (as retelling).

    ``reuse`` is the share of ``b`` derived from ``a``; ``carried`` the share of ``a`` carried
    into ``b``. If ``b`` is much more contained in ``a`` than ``a`` in ``b``, ``b`` retold ``a``;
    the other way round, ``a`` retold ``b``; otherwise undecided (source/target in id order).
    """
    detail = f"{b} is {reuse:.0%} from {a}; {a} is {carried:.0%} in {b}"
    if reuse - carried >= margin:
        return Direction(a, b, True, "containment", detail)
    if carried - reuse >= margin:
        return Direction(b, a, True, "containment", detail)
    lo, hi = sorted((a, b))
    return Direction(lo, hi, False, "undecided", detail + "; no dates to tell")


def tentative(
    a: str, a_published: dt.date | None, b: str, b_published: dt.date | None
) -> tuple[str, str, Direction | None]:
    """The order to compare ``a`` and ``b`` in first: by date if it decides, else by id."""
    d = by_published(a, a_published, b, b_published)
    if d is not None:
        return d.source, d.target, d
    lo, hi = sorted((a, b))
    return lo, hi, None
