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
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from retold.facts import names
from retold.facts.dates import DATELINE_NOTE
from retold.facts.quotes import post_signature
from retold.model import AlignedPair, Article, Comparison, Document, Fact, Link, Side, Summary
from retold.reuse import NON_REUSE, copied_shares, in_order, reuse_of, unrelated
from retold.trace import direction as dr
from retold.trace import times

if TYPE_CHECKING:
    from retold.compare import Reading

CompareFn = Callable[[Document, Document], Comparison]
# (share of b from a, share of a from b): retold.reuse.reuse_of of a pair's two texts
Measure = tuple[float, float]
# a candidate to verify: both articles, the channels that found it, its similarity, and its
# Measure where screening already took it (None: verification takes it)
VerifyItem = tuple[Article, Article, Sequence[str], float, Measure | None]

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
    """The original's facts, each with what the retelling did with it: carried/changed/dropped
    (a fact of a sentence left out is dropped with it, unless the retelling states it
    elsewhere)."""
    # (a change of the fact's own kind: a reversal's span is no name's "change")
    spans: list[tuple[str, int, int, str, str]] = []
    for ch in c.changes:
        if ch.original is not None and ch.status in ("changed", "dropped"):
            to = ch.retelling.text if ch.retelling is not None else ""
            spans.append((ch.kind, ch.original.start, ch.original.end, ch.status, to))
    rows = []
    seen: set[tuple[str, str]] = set()
    # A fact of a sentence the retelling left out is carried only where the retelling states it
    # elsewhere (the same kind and key): else it went with its sentence.
    aligned = {i for p in c.pairs for i in p.original}
    told = {(f.kind, f.key) for f in c.retelling.facts}
    # (page clutter, a byline, a time stamp: no facts of the story, carried or not)
    clutter = {s.id for s in c.original.sentences if s.kind in ("boilerplate", "byline")}
    r_text = c.retelling.document.text
    for f in c.original.facts:
        if f.sentence in clutter or f.note == DATELINE_NOTE:
            continue
        # (a negation is one by the word it negates: "not" before "pay" and before "charge" are two)
        key = f"{f.key}:{f.role}" if f.kind == "negation" and f.role else f.key
        if (f.kind, key) in seen:
            continue
        seen.add((f.kind, key))
        status, to = "carried", ""
        for kind, start, end, st, new in spans:
            if kind == f.kind and start < f.end and f.start < end:
                status, to = st, new
                break
        if status == "carried" and f.sentence not in aligned and (f.kind, f.key) not in told \
                and not (f.kind == "name" and names.mentioned(f.text, r_text)):
            status = "dropped"  # ("Singer Ola Brisk" where the retelling names "singer Ola Brisk")
        rows.append({"kind": f.kind, "key": key, "text": _shown(f, c.original.document.text),
                     "status": status, "to": to})
    return tuple(rows)


def _shown(f: Fact, text: str) -> str:
    """A fact as a facts table shows it: a negation with the word it negates ("didn't pay"),
    a cue alone ("n't") saying nothing."""
    if f.kind != "negation" or not f.role:
        return f.text
    start = f.start
    while start and text[start - 1].isalpha():
        start -= 1  # "didn't", not "n't"
    at = text.lower().find(f.role, f.end, f.end + 40)
    return text[start : at + len(f.role)] if at >= 0 else f"{text[start:f.end]} {f.role}"


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


def extra_at_end(c: Comparison | Reading) -> float | None:
    """Share of the larger side's unshared body sentences after its last shared one.

    The larger side is the one less contained in the other (the original when the retelling
    is mostly derived from it). None when it has no unshared sentences or nothing is shared.
    Read from a whole comparison, or from a `Reading` when the original is the larger side
    (its unshared sentences are the alignment's; the retelling's need grounding's verdicts).
    """
    if not isinstance(c, Comparison) and unrelated(c.retelling.sentences, c.alignment):
        return None  # as in the comparison, which then pairs no sentence
    if c.summary.reuse >= c.summary.carried:
        dropped = c.dropped if isinstance(c, Comparison) else c.alignment.dropped
        side, extra = c.original, set(dropped)
        shared = {i for p in _pairs(c) for i in p.original}
    else:
        if not isinstance(c, Comparison):
            raise ValueError("the retelling's unshared sentences need the whole comparison")
        side, extra = c.retelling, set(c.added)
        shared = {i for p in c.pairs for i in p.retelling}
    body = {s.id for s in side.sentences if s.kind == "body"}
    extra &= body
    if not extra or not shared:
        return None
    last = max(shared)
    return sum(1 for i in extra if i > last) / len(extra)


def _pairs(c: Comparison | Reading) -> Sequence[AlignedPair]:
    return c.pairs if isinstance(c, Comparison) else c.alignment.pairs


def verify_pair(
    a: Article,
    b: Article,
    *,
    channels: Sequence[str] = (),
    similarity: float = 0.0,
    compare: CompareFn | None = None,
    measured: Measure | None = None,
) -> Link | None:
    """Compare ``a`` and ``b`` with the pair pipeline; return the link, or None if no reuse.

    The comparison runs source -> target: by publication date when both are known; otherwise
    with the larger text first when one lies mostly inside the other (else in id order), and
    the other way round if containment says the first order was wrong (so ``reuse`` is
    always the share of the target taken from the source). Which way round, and whether the
    pair is reuse at all, is read from the pipeline's first stages (`retold.compare.Reading`);
    grounding and the fact diff run once, in the order decided (retold's own ``compare``
    starts from the reading). ``measured``: the pair's `Measure` where screening took it
    already (the same function of the same texts).
    """
    from retold.compare import read_pair

    compare = compare or default_compare()
    floor = link_floor(a.published, b.published)
    ab, ba = measured or reuse_of(a.text, b.text)
    raw = max(ab, ba)
    if floor > MIN_REUSE_NEAR and times.apart(a.published, b.published) is None \
            and raw >= MIN_REUSE_NEAR and min(ab, ba) < floor and _copied_whole(a.text, b.text):
        # Undated, but paragraphs copied word for word (a station's copy of two paragraphs of
        # a wire brief): the copying tells what a time would, and the near floor holds.
        floor = MIN_REUSE_NEAR
    if raw < floor - PRECHECK_MARGIN:
        return None
    if raw < MIN_REUSE - PRECHECK_MARGIN and max(in_order(a.text, b.text),
                                                 in_order(b.text, a.text)) < MIN_ORDER:
        return None  # near in time, but its shared words are not in order either way
    first, second, decided = dr.tentative(a.id, a.published, b.id, b.published)
    if decided is None and abs(ab - ba) >= dr.MIN_ASYMMETRY:
        # No time order: containment will decide, most often that the larger text is the
        # source (a cut). Read in that order first, so the pair is most often read once.
        first, second = (a.id, b.id) if ab > ba else (b.id, a.id)
    articles = {a.id: a, b.id: b}
    docs = {k: document(v) for k, v in articles.items()}
    seen: Comparison | Reading = read_pair(docs[first], docs[second])
    if not _is_reuse(seen.summary, floor):
        return None
    direction = decided
    credited: dr.Direction | None = None
    if direction is None:
        shares = seen.summary
        if abs(shares.reuse - shares.carried) < dr.MIN_ASYMMETRY:
            at_end = None  # (containment does not decide: where extra sentences sit is moot)
        else:
            if shares.reuse < shares.carried:
                # the retelling is the larger side: its extra sentences are those grounding
                # finds no support for, so the whole pipeline runs in this order first
                seen = compare(docs[first], docs[second])
            at_end = extra_at_end(seen)
        direction = dr.by_containment(first, second, seen.summary.reuse, seen.summary.carried,
                                      extra_at_end=at_end, agency_copy=_agency_copy(a, b))
        # an agency's copy and a text that credits the agency in its own words ("the
        # Associated Press reports") carrying no copy of its own: the copy is the source,
        # whatever the two texts' lengths say, and the credit tells the rewrite took from it
        # as nearness in time does (the near floor)
        credited = _credit_direction(a, b) or _credit_direction(b, a)
        if credited is not None:
            direction, floor = credited, min(floor, MIN_REUSE_NEAR)
        if direction.source != first:
            seen = read_pair(docs[direction.source], docs[direction.target])
    # the target's share, now that the direction is known; below MIN_REUSE only near in time
    # and in the source's order
    source, target = articles[direction.source], articles[direction.target]
    if not _enough(seen.summary, floor, source, target, credited is not None):
        return None
    c = seen if isinstance(seen, Comparison) else compare(docs[direction.source],
                                                           docs[direction.target])
    if _shares(c.summary) != _shares(seen.summary) and (
            direction.source == first and not _is_reuse(c.summary, floor)
            or not _enough(c.summary, floor, source, target, credited is not None)):
        # (retold's own pipeline reads the pair as its first stages did, and is not checked
        # twice; another one given as ``compare`` still decides on its own reading)
        return None
    source_prose, target_prose = _prose(c.original), _prose(c.retelling)
    if not source_prose.strip() or not target_prose.strip():
        return None  # a page of nothing but captions, credits and footers retells no story
    copied = copied_shares(source_prose, target_prose)
    if copied is not None and copied.unquoted < MIN_COPIED_UNQUOTED <= copied.share \
            and not facts_in_order(c) and not _credits(target.text, source.outlet):
        return None  # two reports quoting one statement (see MIN_COPIED_UNQUOTED)
    if c.summary.derivation == "partially":
        if copied is not None and (copied.share < MIN_COPIED or copied.words < MIN_COPIED_WORDS) \
                and not facts_in_order(c) and credited is None:
            return None  # independent reports of one event (English: see MIN_COPIED)
        if another_subject(c) and (copied is None or copied.share < MIN_COPIED_UPDATE):
            return None  # another item in the same format (see SUBJECT_CLASHES_MIN)
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
        detail=direction.detail + _same_agency(source, target),
        facts=facts,
        passages=passages(c),
    )


# A partial retelling keeps what its source says of its subject. Where the source contradicts
# more of the retelling's names, figures and dates than it supports, at least this many, by at
# least this many of its own, the two share a format, not a story: one wire's earnings tables,
# dividend notices or stake filings about different companies ("Revs 291.8 mln vs 151.1 mln"
# / "Revs 74.0 mln vs 152.0 mln"). (One figure of the source against many of the retelling is
# one clash: a match score "3-1" against a paper's twelve game scores.) On 144 Reuters items of
# one afternoon links fell from 59 to 29, the 6 real ones kept; on the COUNTER development
# corpus two links fell, both between two agency stories. What the retelling adds (unsupported)
# does not count: a paper adds to agency copy. A copy wholly derived stays a link whatever it
# changed (a retelling that alters the figures is what retold is for).
SUBJECT_CLASHES_MIN = 2
SUBJECT_KINDS = ("name", "number", "date")


def another_subject(c: Comparison) -> bool:
    """True when the original contradicts more of the retelling's names, figures and dates than
    it supports, at least SUBJECT_CLASHES_MIN of them, by at least as many of its own."""
    supported = sum(1 for g in c.grounding if g.kind in SUBJECT_KINDS and g.status == "supported")
    # (retelling span, original span) of each clash: grounding's, and the aligned pairs' own
    # changes (a headline is diffed, not grounded)
    clashes = {((g.retelling.start, g.retelling.end), (g.evidence[0].start, g.evidence[0].end))
               for g in c.grounding
               if g.kind in SUBJECT_KINDS and g.status == "contradicted" and g.evidence}
    clashes |= {((ch.retelling.start, ch.retelling.end), (ch.original.start, ch.original.end))
                for ch in c.changes if ch.kind in SUBJECT_KINDS and ch.status == "changed"
                and ch.severity != "low"  # (a rounding, a date told more precisely)
                and ch.retelling is not None and ch.original is not None}
    told = {mine for mine, _theirs in clashes}
    rivals = {theirs for _mine, theirs in clashes}
    return len(told) >= SUBJECT_CLASHES_MIN and len(told) > supported and \
        len(rivals) >= SUBJECT_CLASHES_MIN


# An English partial retelling keeps at least this share of its words in runs of four or more
# of its source's (retold.reuse.copied_share), or else tells the source's facts in the source's
# order (a paraphrase: `facts_in_order`). On 100 real articles of three news events (45
# outlets), the 28 links between independent reports, sharing names, word pairs and quoted
# statements, kept 0.00-0.19 (quoted words at half weight) and at most 0.44 of their facts in
# order; the 28 real copies and rewrites kept 0.27 and more but one (a rewrite sharing short
# quotations, 0.17); 30 pairs of one agency story run by two outlets, 0.25 and more.
MIN_COPIED = 0.22
# ... and at least this many of its content words in such runs: in a blurb of thirty words one
# shared phrase ("the new bridge over the Mill River will open in May") is a fifth of it, and
# two reports of one announcement share such a phrase; a brief taken from its source takes its
# lead sentence.
MIN_COPIED_WORDS = 8
# ... and of its words outside quotation marks (and embedded posts) at least this share: a
# report whose copied runs are one quoted statement, its own words another's, quotes the
# statement's source as the other report does (two outlets quoting one post), unless it tells
# the other's facts in its order or names the other outlet ("told the County Ledger": an
# exclusive's quotations, taken from it). (Wire copies and rewrites copy their source's words.)
MIN_COPIED_UNQUOTED = 0.1
# ... and a quarter of it in such runs makes an update of the source, whatever figures it
# changed (an agency's corrected toll): not another item in the same format, whose formula
# runs reach 0.20 at most among the Reuters afternoon's (tables read as no English prose).
MIN_COPIED_UPDATE = 0.25
# A paraphrase tells at least this share of the facts of the side with fewer (names, figures,
# dates) in the source's order, and at least FACTS_IN_ORDER_MIN of them: a short report of the
# same event has a few facts, in any order.
FACTS_IN_ORDER = 0.6
FACTS_IN_ORDER_MIN = 8
BRIEF_FACTS_MIN = 5
ORDER_KINDS = ("name", "number", "date")


def facts_in_order(c: Comparison) -> bool:
    """True when the retelling tells the original's facts in the original's order: the
    longest subsequence of its supported names, figures and dates whose evidence comes in the
    original's order holds FACTS_IN_ORDER of the smaller side's facts, and at least
    FACTS_IN_ORDER_MIN (BRIEF_FACTS_MIN where the original backs every one of the
    retelling's facts: a short paraphrased brief)."""
    # (facts inside the retelling's quotations come with the quotation, not its telling)
    quoted = [(f.start, f.end) for f in c.retelling.facts if f.kind == "quote"]
    told = sorted((g for g in c.grounding if g.kind in ORDER_KINDS
                   and not any(s <= g.retelling.start < e for s, e in quoted)),
                  key=lambda g: g.retelling.start)
    # (each side's facts counted once: a name said three times, or once in full and then by
    # its last word, is one fact)
    distinct = {_fact_key(g.kind, g.retelling.text) for g in told}
    supported = [g for g in told if g.status == "supported" and g.evidence]
    # (each fact at its first telling: a name said three times is no three facts in order)
    firsts: dict[tuple[str, str], int] = {}
    for g in supported:
        firsts.setdefault(_fact_key(g.kind, g.retelling.text), g.evidence[0].start)
    tails: list[int] = []  # the longest increasing subsequence of evidence positions
    for x in firsts.values():
        i = bisect_left(tails, x)
        tails[i:i + 1] = [x]
    fewer = min(len({(f.kind, f.key) for f in c.original.facts if f.kind in ORDER_KINDS}),
                len(distinct))
    if len(tails) < FACTS_IN_ORDER * fewer:
        return False
    # a brief of a few facts tells them in order only if the source backs every one of them,
    # and one is a figure: a blurb on the same event names the same people, places and days
    # ("Trump", "Putin", "Helsinki", "on Monday") in the order any report of it does
    return len(tails) >= FACTS_IN_ORDER_MIN or (
        len(tails) >= BRIEF_FACTS_MIN and len(firsts) == len(distinct)
        and any(kind == "number" for kind, _key in firsts))


# An undated pair's share of copied words (`copied_shares`, either way) that tells copying as a
# publication time near the other's would: a fifth of a text in runs of four words or more.
COPIED_UNDATED = 0.2


def _copied_whole(x: str, y: str) -> bool:
    """True when either English text has COPIED_UNDATED of its words in runs the other has."""
    return any(c is not None and c.share >= COPIED_UNDATED and c.words >= MIN_COPIED_WORDS
               for c in (copied_shares(x, y), copied_shares(y, x)))


def _credit_direction(copy: Article, other: Article) -> dr.Direction | None:
    """``copy`` -> ``other`` where ``copy`` carries an agency's dateline or byline and
    ``other`` credits that agency in its own words ("the Associated Press reports", "according
    to Reuters") with no dateline or byline of it: ``other`` retells the agency's copy."""
    from retold.facts.attributions import dateline_agencies, same_speaker

    carried = [*_byline_agencies(copy.text), *dateline_agencies(copy.text)]
    if not carried:
        return None
    own = [*_byline_agencies(other.text), *dateline_agencies(other.text)]
    for m in _AGENCY_CREDIT_RE.finditer(other.text):
        agency = _AGENCY_NAMES[" ".join((m.group(1) or m.group(2)).casefold().split())]
        if any(same_speaker(agency, a) for a in carried) and not any(
                same_speaker(agency, a) for a in own):
            return dr.Direction(copy.id, other.id, True, "credit",
                                f"{other.id} credits {agency} ('{m.group().strip()}'), and "
                                f"{copy.id} carries {agency}'s dateline or byline")
    return None


def _agency_copy(a: Article, b: Article) -> str | None:
    """The id of the one of ``a`` and ``b`` that carries an agency's dateline or byline where
    the other carries none, else None."""
    from retold.facts.attributions import dateline_agencies

    marked = [x.id for x in (a, b) if _byline_agencies(x.text) or dateline_agencies(x.text)]
    return marked[0] if len(marked) == 1 else None


# An agency credited in a text's own words: "the Associated Press reports", "Reuters reported",
# "according to the AP", "per the AP".
_AGENCY_NAMES_RE = r"(?i:associated\s+press|reuters|agence\s+france-presse|bloomberg)|AFP|AP"
_AGENCY_CREDIT_RE = re.compile(
    rf"(?i:(?:according\s+to|per)\s+(?:the\s+)?)({_AGENCY_NAMES_RE})\b"
    rf"|(?:(?i:the)\s+)?\b({_AGENCY_NAMES_RE})\s+(?i:reports|reported|said|says|wrote|writes)\b")


def _credits(text: str, outlet: str | None) -> bool:
    """True when ``text`` names the outlet ("told the County Ledger", "nytimes.com reported"):
    the quotations it shares with that outlet's story are the story's, taken from it."""
    name = (outlet or "").strip()
    if len(name) < 3:
        return False
    return re.search(rf"(?i)(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def _fact_key(kind: str, text: str) -> tuple[str, str]:
    """One fact however often told: a name by its last word ("Ines Kovac", "Kovac")."""
    words = text.casefold().split()
    return (kind, words[-1] if kind == "name" and words else text.casefold())


def _prose(side: Side) -> str:
    """A side's text without its page furniture and bylines: a footer, a credit line or a
    photo credit that one outlet puts on every page is copied by no one. (An embedded post's
    signature stays: it marks the words above it as the post's, quoted.)"""
    paragraphs: dict[int, list[str]] = {}
    for s in side.sentences:
        if s.kind not in ("boilerplate", "byline") or post_signature(s.text):
            paragraphs.setdefault(s.paragraph, []).append(s.text)
    return "\n\n".join(" ".join(texts) for texts in paragraphs.values())


def _same_agency(source: Article, target: Article) -> str:
    """What the direction's detail adds where both texts carry one agency's dateline and the
    source is not that agency's own: each may be a copy of the agency's story, which the
    corpus may not hold."""
    from retold.facts.attributions import dateline_agencies, same_speaker

    both = [a for a in dict.fromkeys(dateline_agencies(source.text))
            if any(same_speaker(a, b) for b in dateline_agencies(target.text))
            and not (source.outlet and same_speaker(a, source.outlet))]
    if both:
        return f"; both carry the {both[0]} dateline (copies of one {both[0]} story?)"
    # a byline on one page and a dateline on the other credit the agency alike
    theirs = [*_byline_agencies(target.text), *dateline_agencies(target.text)]
    credited = [a for a in dict.fromkeys([*_byline_agencies(source.text),
                                          *dateline_agencies(source.text)])
                if any(same_speaker(a, b) for b in theirs)
                and not (source.outlet and same_speaker(a, source.outlet))]
    return (f"; both credit {credited[0]} (copies of one {credited[0]} story?)"
            if credited else "")


# A byline crediting an agency near the top of a page, however the site sets it ("By JANE DOE
# Associated Press", "By JANE DOE, AP National Security Writer", "JANE DOE / AP", "By Reuters",
# "Jari Tanner and Jan M. OlsenAssociated Press"), or the wire's own style, its writers in
# capitals and then the agency ("By KIM LO Northwire").
_BYLINE_AGENCY_RE = re.compile(
    r"(?i:associated\s+press|reuters|agence\s+france-presse|bloomberg)\b|\bAFP\b|\bAP\b")
_CAPS_BYLINE_RE = re.compile(
    r"^By\s+[A-Z][A-Z.'’-]+(?:\s+(?:and\s+)?[A-Z][A-Z.'’-]+)*,?\s+((?:[A-Z][a-z][\w&.'’-]*\s*){1,3})$")
# "JANE ROE / Northwire": a writer, a slash and the agency
_SLASH_BYLINE_RE = re.compile(
    r"^(?:By\s+)?[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+/\s+((?:[A-Z][\w&.'’-]*\s*){1,3})$")
# (a writer of two names at least: "Home / Business", "News / Business" are breadcrumbs)
BYLINE_ZONE_CHARS = 1000  # (the top matter: a headline, a byline, a dateline)
BYLINE_MAX_WORDS = 14
_AGENCY_NAMES = {"associated press": "AP", "ap": "AP", "reuters": "Reuters",
                 "agence france-presse": "AFP", "afp": "AFP", "bloomberg": "Bloomberg"}


def _byline_agencies(text: str) -> list[str]:
    """The agencies a page's top matter credits in a byline line of its own."""
    named: list[str] = []
    for raw in text[:BYLINE_ZONE_CHARS].splitlines():
        line = " ".join(raw.split())
        words = len(line.split())
        if not line or words > BYLINE_MAX_WORDS or not (
                line.startswith("By ") or " / " in line or words <= 6):
            continue  # (a sentence naming an agency is no byline)
        found = [_AGENCY_NAMES[" ".join(m.group().casefold().split())]
                 for m in _BYLINE_AGENCY_RE.finditer(line)]
        caps = _CAPS_BYLINE_RE.match(line) or _SLASH_BYLINE_RE.match(line)
        if caps is not None and not found:
            found = [caps.group(1).strip()]
        named += [a for a in found if a not in named]
    return named


def _shares(s: Summary) -> tuple[float, float, str]:
    return s.reuse, s.carried, s.derivation


def _enough(s: Summary, floor: float, source: Article, target: Article,
            credited: bool = False) -> bool:
    """The target's share reaches the floor (below MIN_REUSE only in the source's order, or
    where the target credits the source's agency: a rewrite in its own order)."""
    return s.reuse >= floor and (s.reuse >= MIN_REUSE or credited
                                 or in_order(source.text, target.text) >= MIN_ORDER)


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


def _is_reuse(s: Summary, floor: float = MIN_REUSE) -> bool:
    return s.derivation in ("wholly", "partially") and max(s.reuse, s.carried) >= floor


def verify_many(
    items: Iterable[VerifyItem], compare: CompareFn | None = None,
) -> list[Link | None]:
    """Verify candidates (`VerifyItem`; the unit a worker maps over)."""
    compare = compare or default_compare()
    return [verify_pair(a, b, channels=ch, similarity=s, compare=compare, measured=m)
            for a, b, ch, s, m in items]
