"""Direction of a link: which article is the source and which the retelling (the target).

Evidence, strongest first, and the word each leaves in ``Link.evidence``:

``published``    both publication times are known and differ: the earlier is the source.
                 Times are compared to the second when both have a time of day (with zone:
                 see :mod:`retold.trace.times`), else by day: a wire story at 09:00 and a
                 paper's copy at 15:00 the same day get a direction; a bare day against a
                 time on that same day does not (containment decides).
``containment``  the share of one article found in the other is clearly asymmetric: one text
                 is (mostly) inside the other. Which one retold the other is read from where
                 the larger text's extra sentences sit. Editors cut news from the bottom
                 (the inverted pyramid): extra sentences mostly after the last shared one mean
                 the smaller text is a cut of the larger, so the smaller is the retelling;
                 extra sentences mostly between shared ones mean material was inserted, so
                 the larger is the retelling, unless the smaller text is less than half
                 of the larger (a summary or a brief picks its sentences from all through
                 its source), or the larger alone carries an agency's dateline or byline
                 (an outlet strips it with the sentences it cuts). Without that information the smaller text is taken as the
                 retelling. A retelling that appends material at its end is
                 misread as the source; the benchmark reports how often.
``credit``       one text carries an agency's dateline or byline and the other credits that
                 agency in its own words ("the Associated Press reports"): the agency's copy
                 is the source (read by :mod:`retold.trace.verify`, in place of containment).
``undecided``    neither: the link is kept with ``decided=False`` and source/target in id order.
                 Where the corpus names the outlets, :mod:`retold.trace.roles` may then direct
                 it by the outlets' roles learned from the decided links (``outlets``).

Pure functions; no I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from retold.trace import times

# Containment asymmetry needed to decide: |reuse - carried| of the pair (retold.reuse, shared
# word runs). Cuts differ by 0.2-0.6, a paragraph inserted into five by 0.13; verbatim copies,
# reorderings and paraphrases by < 0.03 (benchmark corpus and tests/unit/test_trace_corpus).
MIN_ASYMMETRY = 0.1
# A text with sentences inserted keeps most of its source: at least this share of the larger
# text is the smaller one. Below it the larger would be mostly new text around a few borrowed
# sentences; the smaller is then the retelling (a summary or a brief picks its sentences from
# all through its source, so its source's unshared sentences are not all at the end either).
# A contained shorter text is the retelling unless times say otherwise.
INSERTION_MIN_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Direction:
    source: str
    target: str
    decided: bool
    evidence: str  # published | containment | credit | undecided
    detail: str


def by_published(
    a: str, a_published: dt.date | None, b: str, b_published: dt.date | None
) -> Direction | None:
    """The earlier article is the source, when both times are known and differ."""
    o = times.order(a_published, b_published)
    if o == 0:
        return None
    if o < 0:
        return Direction(a, b, True, "published",
                         f"published {times.iso(a_published)} before {times.iso(b_published)}")
    return Direction(b, a, True, "published",
                     f"published {times.iso(b_published)} before {times.iso(a_published)}")


def by_containment(
    a: str,
    b: str,
    reuse: float,
    carried: float,
    *,
    extra_at_end: float | None = None,
    margin: float = MIN_ASYMMETRY,
    agency_copy: str | None = None,
) -> Direction:
    """Decide from a comparison of ``a`` (as original) with ``b`` (as retelling).

    ``reuse`` is the share of ``b`` derived from ``a``; ``carried`` the share of ``a`` carried
    into ``b``. When one is much more contained in the other, ``extra_at_end`` (the share of
    the larger text's unshared sentences that come after its last shared sentence, None if
    unknown) tells a cut (>= 0.5: the smaller text retold the larger) from an insertion (the
    larger retold the smaller), unless the smaller is less than INSERTION_MIN_SHARE of the
    larger: a summary. Otherwise undecided (source/target in id order). ``agency_copy``: the
    one of the two that alone carries an agency's dateline or byline; where it is the larger,
    the other is a copy that left out sentences and the dateline with them (an outlet strips
    the agency's dateline and trims its copy; it does not add the dateline while inserting).
    """
    detail = f"{reuse:.0%} of {b} is text of {a}; {carried:.0%} of {a} is in {b}"
    if abs(reuse - carried) >= margin:
        small, large = (b, a) if reuse > carried else (a, b)
        if extra_at_end is None or extra_at_end >= 0.5:
            how = "" if extra_at_end is None else f"; {large} has more at its end (a cut)"
            return Direction(large, small, True, "containment", detail + how)
        if min(reuse, carried) < INSERTION_MIN_SHARE:
            return Direction(large, small, True, "containment",
                             detail + f"; {small} is a small part of {large} (a summary)")
        if agency_copy == large:
            return Direction(large, small, True, "containment",
                             detail + f"; {small} leaves out sentences and the agency dateline "
                             f"of {large} (a cut)")
        return Direction(small, large, True, "containment",
                         detail + f"; {large} has sentences inserted (an addition)")
    lo, hi = sorted((a, b))
    # (no dates, or dates that do not order them: one day, one of them without its time)
    return Direction(lo, hi, False, "undecided", detail + "; the dates do not order them")


def tentative(
    a: str, a_published: dt.date | None, b: str, b_published: dt.date | None
) -> tuple[str, str, Direction | None]:
    """The order to compare ``a`` and ``b`` in first: by date if it decides, else by id."""
    d = by_published(a, a_published, b, b_published)
    if d is not None:
        return d.source, d.target, d
    lo, hi = sorted((a, b))
    return lo, hi, None
