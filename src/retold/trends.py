"""A change the original's own figures deny: "ticket sales rose" where the original gives ticket
sales as "38,900 in 2024, compared with 41,200 in 2023".

A retelling often turns two figures into a word of direction; a fact-checker's first question
is whether the figures go that way. Read where the original says no direction itself (a
"fell" there meets a "rose" in the meaning checks) and gives the figure and its base around
a word of comparison ("compares to", "compared with", "versus", "against"): every figure
before the comparison paired, in order, with one of the same unit after it, and all pairs
moving one way, the bases with no words of their own but the measure's ("compared with
analysts' forecasts of $6m" is no base). The retelling's direction word (numbers.RISE_WORDS, FALL_WORDS, "higher",
"lower" after a verb of being) must be said plainly (not negated, not expected, forecast or
hoped for: the original's figures are what happened) of what the original measures: its
clause shares the words before the original's figure (at least two, or the one there is).

Written by hand: no library reads a comparison of two figures as a direction.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from retold import lexicon, meaning
from retold.facts import dates, numbers
from retold.model import Fact, Quantity

__all__ = ["Denial", "denied"]


@dataclass(frozen=True, slots=True)
class Denial:
    """A retelling's direction word against the original's figures, offsets in both texts."""

    retelling: tuple[int, int]  # the direction word
    original: tuple[int, int]  # from the first figure to its base
    detail: str


# The figure before it, its base after it: "that compares to", "compared with", "versus".
_COMPARED_RE = re.compile(
    r"(?i)\b(?:compar(?:es|ed|ing)|as\s+compared)\s+(?:to|with|against)\b|\bversus\b"
    r"|\bvs\.?(?=\s)|\bagainst\b")
# Where a clause of the retelling ends: what a direction word is said of lies inside its own.
_CLAUSE_RE = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\b(?:but|while|whereas|although|though|"
                        r"and\s+(?:its|their|the|a|an))\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Before a direction word in its clause, these make it no report of what happened: a
# negation, an expectation, a condition, a wish ("is expected to rise", "may fall", "if sales
# grow", "hopes to grow", "did not increase").
_NOT_SAID = frozenset({
    "not", "no", "never", "without", "nor", "neither", "n't", "hardly", "expect", "expects",
    "expected", "expecting", "expectation", "expectations", "forecast", "forecasts",
    "forecasting", "project", "projects", "projected", "projecting", "projection",
    "anticipate", "anticipates", "anticipated", "anticipating", "predict", "predicts",
    "predicted", "guidance", "guide", "guides", "guided", "outlook", "estimate", "estimates",
    "estimated", "would", "could", "might", "should", "shall", "if", "unless", "whether",
    "hope", "hopes", "hoped", "plan", "plans", "planned", "aim", "aims", "targets", "want",
    "wants", "likely", "unlikely", "seek", "seeks", "poised", "need", "needs", "goal",
    # verbs that stop or deny the change ("failed to increase", "stopped falling")
    "fail", "fails", "failed", "failing", "stop", "stops", "stopped", "halt", "halted",
    "cease", "ceased", "avoid", "avoided", "resist", "resisted"})
# ... and these only as written in lower case: capitalised they are mostly a month or a name
# ("In May sales fell", "Will Smith", "Target")
_NOT_SAID_LOWER = frozenset({"will", "may", "can", "set", "due", "target"})
# After a direction word: the change was undone or is a starting point ("the fall was
# reversed", "recovered from a decline" is read by "from" before it).
_UNDONE = frozenset({"reversed", "halted", "stopped", "ended", "offset", "erased", "over"})
UNDONE_WORDS = 3  # words after the direction word read for _UNDONE
# Words of a retelling's period that the original's sentence must also have, or the claim is
# of another span of time ("rose for the full year", "in the first nine months",
# "sequentially" against a year-on-year figure).
_SPAN_WORDS = frozenset({"full", "nine", "six", "twelve", "sequential", "sequentially",
                         "annual", "annually", "year-to-date", "ytd", "cumulative",
                         "month-on-month", "quarter-on-quarter", "week-on-week",
                         "year-on-year", "year-over-year", "decade"})
# A base is of an earlier time: the base's side of the original says when (a date, or one of
# these); "compared with 29% for the Conservatives" or "3.7% nationally" compares two groups.
_EARLIER_WORDS = frozenset({"earlier", "ago", "before", "last", "previous", "prior",
                            "year-earlier", "year-ago", "previously", "preceding"})
# A move told by its two ends, with a verb that gives no direction ("went from 3.7% to 4.1%").
_FROM_TO_RE = re.compile(r"(?i)\b(?:went|goes|go|gone|going|moved|moves|move|moving|changed|"
                         r"changes|change|changing|shifted|shifts|shift|swung|swings|swing)"
                         r"\s+from\s+")
# What may stand between the two ends: the base's own time ("3.7% in February to").
_TO_RE = re.compile(r"(?i)(?:\s+(?:in|at|on|during|for)\s+[\w\s'’-]{1,40}?)?,?\s+to\s+")
# "higher than" an earlier time is a change ("higher than in 2023", "lower than a year
# earlier"); "higher than analysts predicted" is a comparison with something else.
_THAN_BEFORE_RE = re.compile(
    r"\s+than\s+(?:(?:in|at|during|for|over)\s+)?(?:the\s+)?(?:\d{4}\b|(?:a|one)\s+(?:year|"
    r"month|quarter|week)\s+(?:earlier|ago|before)|last\b|previous\b|prior\b|same\s+"
    r"(?:period|quarter|month)|before\b|earlier\b)", re.IGNORECASE)
_MINUS_BEFORE_RE = re.compile(r"(?:[-\u2212]|\bminus\s+|\bnegative\s+)\s*$", re.IGNORECASE)
# Words of the original's measure that say when, not what ("ticket sales in the second quarter
# of last year"): they tell one period from another, and the dates compare those.
_PERIOD_WORDS = frozenset({
    "quarter", "quarters", "year", "years", "month", "months", "week", "weeks", "half", "day",
    "days", "period", "periods", "first", "second", "third", "fourth", "last", "prior",
    "previous", "same", "current", "fiscal", "full", "annual", "quarterly", "monthly",
    "compared", "ended", "ending", "earlier", "ago"} | {f"q{k}" for k in range(1, 5)}
    | {f"h{k}" for k in (1, 2)})
# Words of direction in the original's sentence: it says which way itself.
_SAYS_WAY = frozenset({"up", "down", "higher", "lower", "more", "less", "fewer", "better",
                       "worse", "flat", "unchanged"})
# (verbs of being link a measure with its figure: no word of the measure)
_BEING = frozenset({"is", "are", "was", "were", "be", "been", "being", "came", "come",
                    "ended", "finished", "stood", "stands", "remained", "totaled", "totalled",
                    "reached", "amounted", "hit"})
MEASURE_WORDS_MIN = 2  # words of the original's measure the retelling's clause must share


def _way(word: str, before: str | None) -> str | None:
    """"rise" or "fall" for a word of direction: a change verb or noun in any inflection, or
    "higher" / "lower" after a verb of being ("income was higher")."""
    low = word.casefold()
    if low in ("higher", "lower"):
        return None if before not in _BEING else "rise" if low == "higher" else "fall"
    found = {low, *(lemma for lemma, _pos in lexicon.lemmas(low))}
    return "rise" if found & numbers.RISE_WORDS else "fall" if found & numbers.FALL_WORDS \
        else None


def _says_way(text: str) -> bool:
    """Whether a sentence says a direction itself ("down 11%", "fell to", "a decline")."""
    for m in _WORD_RE.finditer(text):
        low = m.group().casefold()
        if low in _SAYS_WAY or numbers.change_direction(low) is not None:
            return True
    return False


def _stems(text: str) -> set[str]:
    return {meaning.stem(w) for _s, _e, w in meaning.content_words(text)
            if w.casefold() not in _PERIOD_WORDS and w.casefold() not in _BEING}


def _figures(facts: Sequence[Fact], start: int, end: int) -> list[Fact]:
    return [f for f in facts if f.kind == "number" and start <= f.start and f.end <= end
            and isinstance(f.value, Quantity) and f.value.change is None]


def _way_from(base: Fact, figure: Fact) -> str | None:
    """"rise" or "fall" from ``base`` to ``figure``: exact figures of one unit and one counted
    noun (not "12 deaths" / "2,900 cases"), not equal; None otherwise."""
    qa, qb = figure.value, base.value
    assert isinstance(qa, Quantity) and isinstance(qb, Quantity)
    if qa.unit != qb.unit or qa.low != qa.high or qb.low != qb.high or qa.low == qb.low \
            or figure.role != base.role:
        return None
    return "rise" if qa.low > qb.low else "fall"


def _signed(text: str, offset: int, figures: Sequence[Fact]) -> bool:
    """Whether a figure carries a minus sign the number reader leaves out ("-$3 billion",
    "minus 5C"): which way such figures go is not read."""
    return any(_MINUS_BEFORE_RE.search(text, max(0, f.start - offset - 12), f.start - offset)
               for f in figures)


@dataclass(frozen=True, slots=True)
class _Compared:
    """An original sentence's figure against its base, and which way it went."""

    way: str  # rise | fall
    measure: frozenset[str]  # stems of the words before the first figure
    figure: Fact
    base: Fact
    periods: tuple[Fact, ...]  # the dates of the figure's side
    base_periods: tuple[Fact, ...]  # the dates of the base's side
    words: frozenset[str]  # the sentence's words, case-folded


def _moved(text: str, offset: int, facts: Sequence[Fact]) -> _Compared | None:
    """The sentence's figures against their bases, where it says no direction itself."""
    cue = _COMPARED_RE.search(text)
    if cue is None:
        return _moved_from_to(text, offset, facts)
    if _says_way(text):
        return None
    before = _figures(facts, offset, offset + cue.start())
    if not before:
        return None
    head = before[0].start - offset
    after_end = next((m.start() for m in _COMPARED_RE.finditer(text, cue.end())), len(text))
    after = _figures(facts, offset + cue.end(), offset + after_end)
    # (a figure of the measure's own clause is what it is; others before the first one, a
    # year or a count of stores, are not the measure's)
    start = max((m.end() for m in re.finditer(r"[;:.]\s", text[:head])), default=0)
    measure = _stems(text[start:head])
    if not measure or not after or len(after) < len(before) \
            or _signed(text, offset, [*before, *after]):
        return None
    base_side = text[cue.end():after_end]
    periods = [f for f in facts if f.kind == "date"]
    base_periods = tuple(f for f in periods if offset + cue.end() <= f.start
                         and f.end <= offset + after_end)
    if not base_periods and not {w.casefold() for w in _WORD_RE.findall(base_side)} \
            & _EARLIER_WORDS:
        return None  # two groups at one time, not a change over time
    # the base is of the same measure: nothing but its words before it ("compared with 41,200",
    # "with revenue of $5m a year earlier"), not an estimate or another measure's
    # ("compared with analysts' forecasts of $6m", "compared with a loss of $3m")
    if _stems(text[cue.end():after[0].start - offset]) - measure:
        return None
    paired = {_way_from(b, a) for a, b in zip(before, after)}
    ways = {w for w in paired if w is not None}
    if len(ways) != len(paired):
        return None
    # (more bases than figures are several bases of one figure, "$1.20, compared with $0.95
    # last quarter and $1.05 a year earlier": all of them on one side of it)
    first = before[0].value
    for b in after[len(before):]:
        qb = b.value
        assert isinstance(first, Quantity) and isinstance(qb, Quantity)
        if qb.unit == first.unit and qb.low == qb.high:
            ways.add("rise" if first.low > qb.low else "fall" if first.low < qb.low else "")
    if len(ways) != 1:
        return None
    return _Compared(ways.pop(), frozenset(measure), before[0], after[0],
                     tuple(f for f in periods if f.end <= offset + cue.start()), base_periods,
                     frozenset(w.casefold() for w in _WORD_RE.findall(text)))


@dataclass(frozen=True, slots=True)
class _Clause:
    """What one clause of the retelling says a change is of, and when."""

    stems: frozenset[str]
    words: frozenset[str]  # case-folded
    periods: tuple[Fact, ...]  # its dates of the claim
    bases: tuple[Fact, ...]  # its dates of comparison ("from 2023", "than a year ago")


def _clause(r_text: str, offset: int, lo: int, hi: int, facts: Sequence[Fact]) -> _Clause:
    text = r_text[offset + lo:offset + hi]
    own = [f for f in facts if f.kind == "date" and offset + lo <= f.start
           and f.end <= offset + hi]
    based = {id(f) for f in own if dates.compared_against(r_text, f) is not None}
    return _Clause(frozenset(_stems(text)), frozenset(w.casefold() for w in _WORD_RE.findall(text)),
                   tuple(f for f in own if id(f) not in based),
                   tuple(f for f in own if id(f) in based))


def _moved_from_to(text: str, offset: int, facts: Sequence[Fact]) -> _Compared | None:
    """A move told as its two ends ("the jobless rate went from 3.7% in February to 4.1% in
    March"), where the sentence says no direction itself: the base after "from", the figure
    after "to", of one unit and counted noun."""
    move = _FROM_TO_RE.search(text)
    if move is None or _says_way(text):
        return None
    after = _figures(facts, offset + move.end(), offset + len(text))
    if len(after) < 2:
        return None
    b, a = after[0], after[1]
    if not _TO_RE.fullmatch(text, b.end - offset, a.start - offset):
        return None
    way = _way_from(b, a)
    if way is None or _signed(text, offset, [a, b]):
        return None
    start = max((m.end() for m in re.finditer(r"[;:.]\s", text[:move.start()])), default=0)
    measure = _stems(text[start:move.start()])
    if not measure:
        return None
    periods = [f for f in facts if f.kind == "date"]
    return _Compared(way, frozenset(measure), a, b,
                     tuple(f for f in periods if f.start >= a.end),
                     tuple(f for f in periods if b.start <= f.start and f.end <= a.start),
                     frozenset(w.casefold() for w in _WORD_RE.findall(text)))


def _other_time(clause: _Clause, c: _Compared) -> bool:
    """Whether the retelling's clause speaks of another time than the original's figure: a span
    the original's sentence does not name ("for the full year"), a date of the claim that is
    not the figure's (or is the base's), or the figure's own period given as its base."""
    if clause.words & _SPAN_WORDS - c.words:
        return True
    if any(dates.compatible(d, p) and not dates.incomparable(d, p)
           for d in clause.bases for p in c.periods):
        return True  # "fell from 2024 levels" where 2024 is the figure's year
    if not clause.periods:
        return False
    if c.periods:
        return not any(dates.compatible(d, p) for d in clause.periods for p in c.periods)
    # (a base's date it cannot resolve, "last quarter" with no publication date, says no more
    # than that it may be the same)
    return any(dates.compatible(d, p) and not dates.incomparable(d, p)
               for d in clause.periods for p in c.base_periods)


def denied(r_text: str, span: tuple[int, int], facts: Sequence[Fact],
           evidence: Sequence[tuple[int, int, Sequence[Fact]]], o_text: str) -> list[Denial]:
    """The direction words of one retelling sentence (``span`` of ``r_text``, its ``facts``)
    that the figures of its evidence sentences (span and facts of each, in ``o_text``) deny."""
    said = [c for start, end, ev_facts in evidence
            if (c := _moved(o_text[start:end], start, ev_facts)) is not None]
    if not said:
        return []
    offset, text = span[0], r_text[span[0]:span[1]]
    out: list[Denial] = []
    bounds = [0, *(m.end() for m in _CLAUSE_RE.finditer(text)), len(text)]
    clauses: dict[int, _Clause] = {}  # by the clause's start
    # what a direction word is said of: the content word next to it on either side
    content = [(s, e, w) for s, e, w in meaning.content_words(text)
               if w.casefold() not in _PERIOD_WORDS and w.casefold() not in _BEING]
    starts = [s for s, _e, _w in content]
    # a figure's own change word is the number kind's ("rose 11% to $5m")
    figured = [(f.start - offset, f.end - offset) for f in facts if f.kind == "number"]
    words = list(_WORD_RE.finditer(text))
    last_hedge = -1
    for k, m in enumerate(words):
        low = m.group().casefold()
        before = words[k - 1].group().casefold() if k else None
        if low in _NOT_SAID or low.endswith(("n't", "n’t")) or m.group() in _NOT_SAID_LOWER:
            last_hedge = m.start()
        way = _way(low, before)
        if way is None:
            continue
        after = [w.group().casefold() for w in words[k + 1:k + 1 + UNDONE_WORDS]]
        n = bisect_right(bounds, m.start()) - 1
        lo, hi = bounds[n], bounds[min(n + 1, len(bounds) - 1)]
        if last_hedge >= lo or before == "from" or set(after) & _UNDONE \
                or after[:1] == ["than"] and not _THAN_BEFORE_RE.match(text, m.end()) \
                or any(a <= m.start() < b for a, b in figured):
            # "did not rise", "is expected to fall", "recovered from a decline", "the fall was
            # reversed", "higher than analysts predicted": no report of the change
            continue
        if lo not in clauses:
            clauses[lo] = _clause(r_text, offset, lo, hi, facts)
        clause = clauses[lo]
        at = bisect_right(starts, m.start())
        beside = {meaning.stem(w) for s, _e, w in content[max(0, at - 2):at + 1]
                  if lo <= s < hi and s != m.start()}
        for c in said:
            if c.way == way or not beside & c.measure or _other_time(clause, c) \
                    or len(clause.stems & c.measure) < min(MEASURE_WORDS_MIN, len(c.measure)):
                continue
            a, b = c.figure, c.base
            moved = "rose" if c.way == "rise" else "fell"
            out.append(Denial(
                (offset + m.start(), offset + m.end()), (a.start, b.end),
                f"The retelling says '{m.group()}', but the original's own figures {moved}: "
                f"'{o_text[a.start:a.end]}', against '{o_text[b.start:b.end]}'."))
            break
    return out
