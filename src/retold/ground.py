"""Each retelling fact against the whole original: supported, contradicted or unsupported.

Pure: sides + alignment in, findings out. Used by ``compare`` (for every comparison, derived
or not) and usable by trace verification alike.

A summary sentence seldom aligns with one original sentence, so a fact is looked up in the
whole original, by kind and key (an index, never a scan of every pair of facts):

* **supported**: the original states the same value (``equivalent`` of the fact's kind) in a
  slot that does not clash (a "$10bn" of another counted noun does not support "$10bn sales");
* **contradicted**: the original gives another value in the same slot (same counted noun or
  predicate, a name in the same role): in the sentence's evidence at ``SLOT_MIN``, anywhere at
  the stricter ``GLOBAL_SLOT_MIN``;
* **unsupported**: neither.

The evidence of a retelling sentence is its aligned partner, else the original sentences that
share most of its (IDF-weighted) content words. Each retelling sentence gets a verdict:
``supported``, ``contradicts`` (a contradicted fact or a reversed meaning), ``adds-unsupported``
(a fact or content the original does not state), or ``no-support`` (no evidence at all).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from scipy import sparse

from retold import anchors as anchors_
from retold import lexicon, meaning, trends
from retold.align import Alignment
from retold.facts import attributions, dates, names, negation, numbers, qualifiers, quotes
from retold.facts import blocks as blocks_
from retold.facts.base import IDENTIFIER_WORDS, FactKindModule
from retold.model import (
    Change,
    Excerpt,
    Fact,
    FactGround,
    Interval,
    Quantity,
    Sentence,
    SentenceVerdict,
    Side,
)

MODULES: dict[str, FactKindModule] = {
    "number": numbers, "date": dates, "name": names, "quote": quotes,
    "attribution": attributions, "qualifier": qualifiers, "negation": negation,
}
_DIGIT = re.compile(r"\d")
# Content words an unaligned sentence shares with an evidence sentence before a speaker there
# can contradict its attribution (the speaker and verb themselves are two of them at most).
SAME_CLAIM_WORDS = 4
# The kinds a retelling must ground: the checkable claims of a news text.
GROUND_KINDS = ("number", "date", "name", "quote", "attribution")

# Slot thresholds, on each kind's own slot score (see retold.facts.base): a value stated in a
# slot scoring below SLOT_CLASH (roles or units clash: ~0.15) does not support the fact; a rival
# value in the evidence at SLOT_MIN (as diff pairs changed facts), or anywhere in the original at
# GLOBAL_SLOT_MIN (as diff pairs a garbled name), contradicts it.
SLOT_CLASH = 0.25
SLOT_MIN = 0.5
GLOBAL_SLOT_MIN = 0.7
# Names are contradicted only by a garbled form (GLOBAL_SLOT_MIN) or in an aligned pair: two
# names in one sentence are as often two actors as one swapped for another.
NAME_EVIDENCE_SLOT_MIN = 0.7

# Evidence: original sentences sharing at least this share of a retelling sentence's content
# (IDF-weighted) support it; at most EVIDENCE_MAX of them are kept, best first. 0.3 keeps the
# sentence a summary sentence condenses and drops those that share a topic word or two.
EVIDENCE_MIN = 0.3
EVIDENCE_MAX = 3
# A sentence whose content words the original uses less than this share of (IDF-weighted), and
# that has no evidence sentence, has no support at all.
NO_SUPPORT_SHARE = 0.5
# Unsupported content words make a sentence "adds-unsupported" from this many on: one odd word
# is often a paraphrase WordNet does not know.
UNSUPPORTED_WORDS_MIN = 2
# ... and are listed one by one from this many on: two odd words in a reworded sentence are
# mostly words a rewriter chose ("villages", "began"), which editors of real copy set aside.
UNSUPPORTED_WORDS_LISTED = 3
# Fact kinds whose words a word swapped in place is never read in (meaning.swapped).
SWAP_TYPED = frozenset({"number", "date", "name", "quote", "attribution", "qualifier", "negation"})
# Postings read per word when looking for a sentence's evidence; ordinary articles have fewer
# sentences than this, so only very long texts are affected.
POSTINGS_MAX = 256

VERDICTS = ("supported", "contradicts", "adds-unsupported", "no-support")
# Kinds of unit that are page clutter ("© IMAGO", "By Marcia Dunn"): they get no verdict.
CLUTTER_KINDS = frozenset({"boilerplate", "byline"})


@dataclass(frozen=True, slots=True)
class Grounding:
    facts: tuple[FactGround, ...]
    verdicts: tuple[SentenceVerdict, ...]
    changes: tuple[Change, ...]  # contradicted and unsupported facts, meaning changes
    # (kind, start, end) of the retelling facts the original states somewhere, negations
    # included: a fact diff calls "added" in its aligned pair is then stated elsewhere
    supported: frozenset[tuple[str, int, int]] = frozenset()
    # the numbers and dates among them stated in the same slot (the same words around them)
    stated: frozenset[tuple[str, int, int]] = frozenset()


class FactIndex:
    """The original's facts by kind and key; answers "which facts state this?" once per key.

    Every lookup touches only the facts that could answer it, so that grounding stays linear in
    the length of the texts (a 5 MB pair repeats "two", "2020" and a name thousands of times):

    * equivalence by the blocking keys of ``retold.facts.blocks`` (sound: an equivalent fact
      always shares a key);
    * slot scores once per *class*: facts alike in everything ``equivalent`` and
      ``slot_score`` read (kind, key, text, role, note, value; never the position) score alike;
    * rivals anywhere in the original (``far_rival``) among the classes that can reach the
      threshold: names with the same generic head word, numbers with the same counted noun or
      predicate and unit, or within rounding of each other (``_far_keys``; tests check these
      blocks against a scan of every fact);
    * the facts sharing a slot word with a retelling fact, from an index of slot words.

    Each answer is exactly what a scan of every fact in text order gives, in the same order.
    """

    def __init__(self, facts: Sequence[Fact]) -> None:
        self.by_kind: dict[str, list[Fact]] = defaultdict(list)
        self.by_key: dict[tuple[str, str], list[Fact]] = defaultdict(list)
        # each fact's place in its kind's list: merged candidates are put back in text order
        self._rank: dict[int, int] = {}
        for f in facts:
            self._rank[id(f)] = len(self.by_kind[f.kind])
            self.by_kind[f.kind].append(f)
            self.by_key[(f.kind, f.key)].append(f)
        self._memo: dict[tuple[str, str, str, str], list[Fact]] = {}
        # The retelling's own facts by (kind, key): an original fact the retelling carries
        # fills its own slot there and is nobody's rival (see ``free``)
        self.taken: dict[tuple[str, str], list[Fact]] = {}
        # ... and the days the retelling writes without a year ("the Sept. 11 attacks"): the
        # original's day of that month, in any year, is carried
        self._yearless_days: set[tuple[int, int]] = set()
        self._blocks: dict[str, dict[tuple[object, ...], list[int]] | None] = {}
        self._free: dict[str, list[Fact]] = {}
        self._scores: dict[tuple[int, int], float] = {}
        self._classes: dict[tuple[object, ...], int] = {}
        self._class_of: dict[int, int] = {}
        self._alive: list[Fact] = []
        self._far: dict[tuple[object, ...], Fact | None] = {}
        self.tolls: dict[str, list[Fact]] | None = None  # figures by toll (``_tolled``)
        self._days: list[dt.date] | None = None  # its dates' first days (``days``)
        self._far_index: dict[str, tuple[list[tuple[Fact, int]], dict[object, list[int]]]] = {}
        self._slot_words: dict[int, tuple[list[Fact], dict[str, list[Fact]]]] = {}
        self._bounds: dict[tuple[str | None, float], list[Fact]] | None = None
        self._parts: dict[tuple[str | None, str], set[object]] | None = None
        self._long: list[tuple[str, str | None, str]] = []
        self._once: dict[tuple[str, str], bool] = {}
        self._calendar: list[Fact] | None = None  # a date of each key that names a calendar part
        self._by_start: dict[str, list[tuple[Fact, str]]] | None = None
        self._same_day: dict[str, list[Fact]] = {}
        self._starts: dict[str, list[int]] = {}
        self._as_bases: dict[str, list[tuple[int, Fact]]] = {}
        self._base_given: dict[tuple[str, str], Fact | None] = {}
        self.sums: dict[float, list[Fact]] | None = None  # see _summed
        self._names_by_sentence: dict[int, list[Fact]] | None = None  # see names_in

    def between(self, kind: str, start: int, end: int) -> list[Fact]:
        """The facts of ``kind`` lying within ``start``-``end``, in text order."""
        if kind not in self._starts:
            self._starts[kind] = [f.start for f in self.by_kind.get(kind, ())]
        pool, starts = self.by_kind.get(kind, []), self._starts[kind]
        return [f for f in pool[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
                if f.end <= end]

    def base_given(self, b: Fact, figure: Fact, text: str) -> Fact | None:
        """The original's statement of date ``b`` as the base of a comparison whose own figure
        is ``figure`` ("compared with $19 million in 2022"), asked once per date and figure
        value (a long text repeats both)."""
        key = (b.key, figure.key)
        if key not in self._base_given:
            if b.key not in self._as_bases:
                self._as_bases[b.key] = [(at, a) for a in self.stating(b)
                                         if (at := dates.compared_against(text, a)) is not None]
            self._base_given[key] = next(
                (a for at, a in self._as_bases[b.key]
                 if any(numbers.equivalent(f, figure) for f in self.between("number", at, a.start))),
                None)
        return self._base_given[key]

    def same_day(self, b: Fact) -> list[Fact]:
        """The original's dates inside the part of the calendar that ``b``, a day or month without
        its year, names ("September 11, 2001" for "Sept. 11", not "September 2001"): one date of
        each key, found by the days ``b`` spans (a long text repeats and varies its dates)."""
        if b.key not in self._same_day:
            part = dates.calendar_parts(b)
            found: list[Fact] = []
            if part is not None:
                by_start = self._calendar_by_start()
                for day in _calendar_days(*part):
                    found += [a for a, end in by_start.get(day, ()) if end <= part[1]]
            self._same_day[b.key] = sorted(found, key=lambda a: a.start)
        return self._same_day[b.key]

    def calendar_dates(self) -> list[Fact]:
        """The first of the original's dates of each key that names a part of the calendar."""
        if self._calendar is None:
            first: dict[str, Fact] = {}
            for a in self.by_kind.get("date", []):
                if a.key not in first and dates.calendar_parts(a) is not None:
                    first[a.key] = a
            self._calendar = list(first.values())
        return self._calendar

    def _calendar_by_start(self) -> dict[str, list[tuple[Fact, str]]]:
        """``calendar_dates`` by the first day of their part ("09-11"), with its last day."""
        if self._by_start is None:
            self._by_start = defaultdict(list)
            for a in self.calendar_dates():
                start, end = dates.calendar_parts(a)  # type: ignore[misc]
                self._by_start[start].append((a, end))
        return self._by_start

    def days(self) -> list[dt.date]:
        """The first days of the original's resolved dates (read once a comparison)."""
        if self._days is None:
            self._days = [f.value.start for f in self.by_kind.get("date", ())
                          if isinstance(f.value, Interval) and f.value.start is not None]
        return self._days

    def once(self, key: tuple[str, str], answer: Callable[[], bool]) -> bool:
        """``answer()``, asked once per key (a name said a hundred times is looked up once)."""
        if key not in self._once:
            self._once[key] = answer()
        return self._once[key]

    def carry(self, facts: Iterable[Fact]) -> None:
        """Note the retelling's facts (before the first lookup)."""
        for f in facts:
            self.taken.setdefault((f.kind, f.key), []).append(f)
            if f.kind == "date" and (day := dates.yearless_day(f)) is not None:
                self._yearless_days.add(day)

    def free(self, facts: Sequence[Fact]) -> list[Fact]:
        """The facts the retelling does not carry, and so may be rivals of its values."""
        return [f for f in facts if not self._carried(f)]

    def _carried(self, f: Fact) -> bool:
        # A figure the retelling gives only of other counted things is not carried: "all 32
        # drivers ... all 32 buses" told as "32 buses ... 12 drivers" keeps the 32 drivers a
        # rival of the 12.
        mine = self.taken.get((f.kind, f.key))
        if not mine:
            return f.kind == "date" and bool(self._yearless_days) and isinstance(
                f.value, Interval) and f.value.granularity == "day" and f.value.start is not None \
                and (f.value.start.month, f.value.start.day) in self._yearless_days
        return f.kind != "number" or any(
            numbers._role_relation(f, r) != "differ" and not numbers.held_apart(f, r)
            for r in mine)

    def free_of_kind(self, kind: str) -> list[Fact]:
        """``free(by_kind[kind])``, computed once (``taken`` is set before the first lookup)."""
        if kind not in self._free:
            self._free[kind] = self.free(self.by_kind.get(kind, ()))
        return self._free[kind]

    def stating(self, fact: Fact) -> list[Fact]:
        hits = self.by_key.get((fact.kind, fact.key))
        if hits:
            return hits
        memo_key = (fact.kind, fact.key, fact.text, fact.role)
        if memo_key not in self._memo:
            module = MODULES[fact.kind]
            # A class's equivalence is read once ("ISIS" said ten times is one test).
            seen: dict[int, bool] = {}
            out = []
            class_of = self._class_of
            for f in self._could_state(fact):
                c = class_of.get(id(f))
                if c is None:
                    c = self._class(f)
                ok = seen.get(c)
                if ok is None:
                    ok = seen[c] = module.equivalent(f, fact)
                if ok:
                    out.append(f)
            self._memo[memo_key] = out
        return self._memo[memo_key]

    def _could_state(self, fact: Fact) -> list[Fact]:
        """The facts of ``fact``'s kind sharing an equivalence block with it, in text order."""
        pool = self.by_kind.get(fact.kind, [])
        if fact.kind not in self._blocks:
            # each key -> the places in ``pool`` of the facts under it
            blocks: dict[tuple[object, ...], list[int]] | None = {}
            # Keys are read once per class (a name said ten times has one set of keys).
            alike: dict[tuple[object, ...], list[int]] = {}
            for rank, f in enumerate(pool):
                alike.setdefault(_signature(f), []).append(rank)
            for group in alike.values():
                # equivalent(f, fact) with f the original's: f's probe keys meet fact's index keys
                keys = blocks_.equivalence_keys(pool[group[0]], probe=True)
                if keys is None:
                    blocks = None
                    break
                for k in keys:
                    blocks.setdefault(k, []).extend(group)  # type: ignore[union-attr]
            self._blocks[fact.kind] = blocks
        blocks = self._blocks[fact.kind]
        wanted = blocks_.equivalence_keys(fact, probe=False)
        if blocks is None or wanted is None:
            return pool
        # (a name's hundred keys seldom meet more than a few; the places they lead to are
        # gathered and put in text order at C speed)
        return [pool[r] for r in sorted(set().union(*[blocks[k] for k in blocks.keys() & wanted]))]

    def names_in(self, sentence: int) -> list[Fact]:
        """The original's names in one sentence."""
        if self._names_by_sentence is None:
            self._names_by_sentence = defaultdict(list)
            for f in self.by_kind.get("name", ()):
                self._names_by_sentence[f.sentence].append(f)
        return self._names_by_sentence.get(sentence, [])

    def names_place(self, place: str) -> bool:
        """True when one of the original's names is ``place`` (a figure's place, case-folded:
        see ``numbers.place_of``), asked once per place."""
        return self.once(("place", place), lambda: any(
            names.same_name(n.text.casefold(), place) for n in self.by_kind.get("name", ())))

    def naming_alike(self, facts: Iterable[Fact]) -> list[Fact]:
        """The original's facts of the kind of ``facts`` that may name what any of them
        names (``names.same_name(a.text, f.text)`` only for these), in text order."""
        found: dict[int, Fact] = {}
        for f in facts:
            for a in self._could_state(f):
                found.setdefault(id(a), a)
        return sorted(found.values(), key=lambda a: self._rank[id(a)])

    def _class(self, f: Fact) -> int:
        """A small number per signature (``_signature``), the same for alike facts."""
        c = self._class_of.get(id(f))
        if c is None:
            c = self._classes.setdefault(_signature(f), len(self._classes))
            self._class_of[id(f)] = c
            self._alive.append(f)  # keeps id(f) unique while it is remembered
        return c

    def score(self, module: FactKindModule, a: Fact, b: Fact) -> float:
        """``module.slot_score(a, b)``, computed once per pair of classes."""
        key = (self._class(a), self._class(b))
        s = self._scores.get(key)
        if s is None:
            s = self._scores[key] = module.slot_score(a, b)
        return s

    def fitting(self, b: Fact, facts: list[Fact], floor: float) -> list[Fact]:
        """The facts (of ``b``'s kind) whose slot score with ``b`` is at least ``floor``;
        ``facts`` itself when all are."""
        module, cb, scores, class_of = MODULES[b.kind], self._class(b), self._scores, self._class_of
        out = []
        for a in facts:  # score() inlined: long lists of one value pass through here
            ca = class_of.get(id(a))
            s = scores.get((cb, ca if ca is not None else self._class(a)))
            if s is None:
                s = self.score(module, b, a)
            if s >= floor:
                out.append(a)
        return facts if len(out) == len(facts) else out

    def ranked(self, b: Fact, facts: list[Fact]) -> list[Fact]:
        """``facts`` best slot first (a stable sort: text order among equals)."""
        module, cb, class_of = MODULES[b.kind], self._class(b), self._class_of
        # score() inlined, each class scored once: the facts of one value are often one class
        order: list[float] = []
        for a in facts:
            ca = class_of.get(id(a))
            s = self._scores.get((cb, ca if ca is not None else self._class(a)))
            order.append(-(s if s is not None else self.score(module, b, a)))
        return [facts[i] for i in sorted(range(len(facts)), key=order.__getitem__)]

    def in_slot(self, facts: list[Fact], contexts: _Contexts, mine: frozenset[str]) -> list[Fact]:
        """The facts sharing a slot word with ``mine``, in order. A list the index keeps (the
        facts of one value, the free facts of one kind) is read through an index of its slot
        words, built once."""
        if len(facts) <= 8 or not self._kept(facts):
            return [a for a in facts if contexts.of(a) & mine]
        cached = self._slot_words.get(id(facts))
        if cached is None or cached[0] is not facts:
            index: dict[str, list[Fact]] = {}
            for a in facts:
                for w in contexts.of(a):
                    index.setdefault(w, []).append(a)
            cached = self._slot_words[id(facts)] = (facts, index)
        index = cached[1]
        if len(mine) == 1:
            return list(index.get(next(iter(mine)), ()))
        found: dict[int, Fact] = {}
        for w in mine:
            for a in index.get(w, ()):
                found.setdefault(id(a), a)
        return sorted(found.values(), key=lambda a: self._rank[id(a)])

    def _kept(self, facts: list[Fact]) -> bool:
        f = facts[0]
        return self.by_key.get((f.kind, f.key)) is facts or self._free.get(f.kind) is facts

    def sharing(self, kind: str, contexts: _Contexts, mine: frozenset[str]) -> list[Fact]:
        """The free facts of ``kind`` sharing at least one slot word with ``mine``, in order."""
        return self.in_slot(self.free_of_kind(kind), contexts, mine)

    def far_rival(self, b: Fact, module: FactKindModule, floor: float) -> Fact | None:
        """The free original fact, not equivalent to ``b`` nor held apart from it
        (``_held_apart``), with the best slot score at least ``floor`` (ties: the first in the
        text): ``_rival``'s search of the whole original."""
        key = (_signature(b), floor)
        if key not in self._far:
            best: tuple[tuple[float, int, int], Fact] | None = None
            for a, rank in self.far_candidates(b, floor):
                if module.equivalent(a, b) or _held_apart(a, b, self):
                    continue
                score = self.score(module, a, b)
                if score >= floor and (best is None or (score, -a.start, -rank) > best[0]):
                    best = ((score, -a.start, -rank), a)
            self._far[key] = best[1] if best else None
        return self._far[key]

    def far_candidates(self, b: Fact, floor: float) -> list[tuple[Fact, int]]:
        """One fact per class of the free facts of ``b``'s kind (its first in the text, which
        wins a tie), restricted to the classes that can reach ``floor`` (``_far_keys``)."""
        if b.kind not in self._far_index:
            reps: dict[tuple[object, ...], tuple[Fact, int]] = {}
            for f in self.free_of_kind(b.kind):
                sig, rank = _signature(f), self._rank[id(f)]
                if sig not in reps or (f.start, rank) < (reps[sig][0].start, reps[sig][1]):
                    reps[sig] = (f, rank)
            classes = sorted(reps.values(), key=lambda t: t[1])
            blocks: dict[object, list[int]] = {}
            for i, (f, _rank) in enumerate(classes):
                for k in _far_keys(f, floor, probe=False) or ():
                    blocks.setdefault(k, []).append(i)
            self._far_index[b.kind] = (classes, blocks)
        classes, blocks = self._far_index[b.kind]
        wanted = _far_keys(b, floor, probe=True)
        if wanted is None:
            return classes
        for k in [k for k in wanted if k[0] == "noun"]:  # type: ignore[index]
            wanted |= self._nouns_around(k, blocks)  # type: ignore[arg-type]
        picked = sorted({i for k in wanted for i in blocks.get(k, ())})
        return [classes[i] for i in picked]

    def _nouns_around(self, key: tuple[str, str | None, str], blocks: dict[object, list[int]]
                      ) -> set[object]:
        """The noun keys of the original whose noun contains ``key``'s or is contained in it
        (the counted nouns numbers.slot_score calls the same or partly the same): looked up by
        substring, not by comparing with every noun."""
        if self._parts is None:
            self._parts = {}
            for k in blocks:
                if isinstance(k, tuple) and k[0] == "noun":
                    _tag, unit, noun = k
                    if len(noun) > NOUN_PARTS_MAX:  # kept whole, compared one by one
                        self._long.append(k)
                        continue
                    for i in range(len(noun)):
                        for j in range(i + 1, len(noun) + 1):
                            self._parts.setdefault((unit, noun[i:j]), set()).add(k)
        _tag, unit, noun = key
        found = set(self._parts.get((unit, noun), ()))  # the nouns that contain it
        found.update(k for k in self._long if k[1] == unit and (noun in k[2] or k[2] in noun))
        found.update(k for i in range(len(noun)) for j in range(i + 1, len(noun) + 1)
                     if ("noun", unit, noun[i:j]) in blocks for k in [("noun", unit, noun[i:j])])
        return found

    def bounds(self, unit: str | None, x: float) -> list[Fact]:
        """The original's number facts in ``unit`` with ``x`` as their low or high bound."""
        if self._bounds is None:
            self._bounds = {}
            for a in self.by_kind.get("number", ()):
                if isinstance(a.value, Quantity):
                    for y in dict.fromkeys((a.value.low, a.value.high)):
                        self._bounds.setdefault((a.value.unit, y), []).append(a)
        return self._bounds.get((unit, x), [])


def _signature(f: Fact) -> tuple[object, ...]:
    """What a kind's ``equivalent`` and ``slot_score`` read of a fact: never its position."""
    return (f.kind, f.key, f.text, f.role, f.note, f.value)


# Far rivals: the slot scores that reach GLOBAL_SLOT_MIN without an equal value. A name's only
# when both end in one generic head word ("Lakeside Institute" / "Lakeview Institute"): a
# shared role or a like spelling scores at most SLOT_SAME_TYPE / SLOT_OTHER_MAX. A number's
# when its counted noun (or, without one, its predicate) and unit are the other's, or one
# contains the other ("people" / "people killed"); or the two figures are within rounding of
# each other (ROUNDING_TOLERANCE: the same or neighbouring MAGNITUDE_STEP on a log scale).
_NAME_FAR_MAX = max(names.SLOT_PERSON, names.SLOT_SAME_TYPE, names.SLOT_OTHER_MAX,
                    names.SLOT_UNKNOWN_MIN, names.SLOT_CLASH)
_NUMBER_FAR_MAX = max(numbers.ROLE_MATCH * 0.5, numbers.UNIT_MATCH, numbers.NO_ROLES,
                      numbers.ROLES_DIFFER_WITH_UNIT, numbers.PREDICATES_DIFFER,
                      numbers.FALLBACK + numbers.SAME_HEDGE_MAGNITUDE) + 0.05
# Counted nouns up to this long are indexed by every substring (a noun of n letters has
# n(n+1)/2); longer ones, rare, are compared with each probe.
NOUN_PARTS_MAX = 24
MAGNITUDE_STEP = 0.03  # log10 units: a factor of 1.072, more than 1 / (1 - ROUNDING_TOLERANCE)
_TINY = 1e-6


def _far_keys(f: Fact, floor: float, *, probe: bool) -> set[object] | None:
    """Keys that an original fact (``probe=False``) and a retelling fact meet whenever their
    slot score can reach ``floor`` without an equal value; None: any fact of the kind can."""
    if f.kind == "name":
        if _NAME_FAR_MAX >= floor:
            return None
        toks = names._tokens(f.text)
        return {("head", toks[-1])} if len(toks) > 1 and toks[-1] in names.GENERIC_HEADS else set()
    if f.kind != "number" or not isinstance(f.value, Quantity) or _NUMBER_FAR_MAX >= floor \
            or numbers.ROUNDING_TOLERANCE >= 1 - 10 ** -MAGNITUDE_STEP:
        return None
    q = f.value
    keys: set[object] = set()
    pred = numbers._predicate_of(f)
    noun = f.role if f.role and f.role != pred else ""
    if noun:
        keys.add(("noun", q.unit, noun))  # a probe's is widened to the nouns that contain it
    if f.role and pred:
        keys.add(("predicate", q.unit, pred))
    keys.update(_magnitudes(q.low, probe=probe))
    return keys


def _magnitudes(x: float, *, probe: bool) -> set[object]:
    """Buckets of a figure on a log scale; a probe also reads the neighbouring ones."""
    if not math.isfinite(x):
        return {("mag", x)}
    out: set[object] = set()
    if abs(x) < _TINY * (1.1 if probe else 1):
        out.add(("mag", 0))
    if abs(x) >= _TINY * (0.9 if probe else 1):
        k = math.floor(math.log10(abs(x)) / MAGNITUDE_STEP)
        sign = x > 0
        out.update(("mag", sign, k + d) for d in ((-1, 0, 1) if probe else (0,)))
    return out


def ground(original: Side, retelling: Side, alignment: Alignment) -> Grounding:
    """Ground every retelling fact and sentence in the whole original."""
    o_text, r_text = original.document.text, retelling.document.text
    author = (original.document.author or "").strip()
    o_sent = {s.id: s for s in original.sentences}
    index = FactIndex(original.facts)
    index.carry(retelling.facts)
    words = meaning.word_index(tuple((s.id, s.text) for s in original.sentences))
    dialogue = speakers(o_text) > 0
    # a summary of a long original (see NEAR_SENTENCES): only there do two names the original
    # keeps apart make a claim of the retelling's own (a copy or a rewrite of like length
    # retells sentence by sentence, and its names stand where the original's do)
    condensed = len(original.sentences) >= APART_MIN and \
        len(r_text) <= CONDENSED_SHARE * len(o_text)
    partners: dict[int, list[int]] = {}
    for p in alignment.pairs:
        for j in p.retelling:
            partners.setdefault(j, []).extend(p.original)
    o_plain = _plain(o_text)
    o_ctx, r_ctx = _Contexts(original, words), _Contexts(retelling, words)
    r_facts: dict[int, list[Fact]] = defaultdict(list)
    in_units = unit_names(retelling.facts)
    for f in retelling.facts:
        if (f.start, f.end) not in in_units and not (
                f.kind == "date" and f.note == dates.DATELINE_NOTE):
            r_facts[f.sentence].append(f)  # (a dateline's day is the filing's, no claim)
    o_facts: dict[int, list[Fact]] = defaultdict(list)
    for f in original.facts:
        o_facts[f.sentence].append(f)

    o_negations = [f for f in original.facts if f.kind == "negation" and f.role]
    negated = {meaning.stem(f.role) for f in o_negations}
    # (forms of one word share their first letters: only those are compared)
    negated_by_form: dict[str, list[Fact]] = defaultdict(list)
    for f in o_negations:
        negated_by_form[lexicon.form_key(f.role)].append(f)
    supported: set[tuple[str, int, int]] = {
        ("negation", f.start, f.end) for f in retelling.facts
        if f.kind == "negation" and f.role and meaning.stem(f.role) in negated}
    stated: set[tuple[str, int, int]] = set()
    facts_out: list[FactGround] = []
    verdicts: list[SentenceVerdict] = []
    changes: list[Change] = []
    titled: dict[str, list[tuple[str, int, int]]] = {}  # surname -> the original's "Mr X"s
    turns: dict[int, list[tuple[str, int, int]]] | None = None  # read on first use
    anchors: anchors_.Anchors | None = None  # the original's words beside its names, on first use
    ages: _AgesByName | None = None  # the original's "Name, 24," on first use
    mentions: _Mentions | None = None  # where the original names each name, on first use
    o_folded = ""
    voice: float | None = None  # the original's share of sentences in its own voice
    # What each retelling sentence's facts say of it, asked for each of its facts: read once a
    # sentence (a long sentence's every fact over its every fact was quadratic).
    dated_otherwise: dict[int, bool] = {}
    sentence_names: dict[int, list[Fact]] = {}

    def another_time(sid: int) -> bool:
        if sid not in dated_otherwise:
            dated_otherwise[sid] = _of_another_time(r_facts.get(sid, ()), index)
        return dated_otherwise[sid]

    def names_of(sid: int) -> list[Fact]:
        if sid not in sentence_names:
            sentence_names[sid] = [f for f in r_facts.get(sid, ()) if f.kind == "name"]
        return sentence_names[sid]

    r_tolls: dict[str, Fact] | None = None  # the retelling's largest count of each toll
    # acronyms the retelling defines ("the Bureau of Fire Protection (BFP)"): each stands for
    # its full name, which the original may state in its own words
    defined = _defined_acronyms(retelling.facts, r_text)
    short_forms = _short_forms(retelling.facts, r_text)
    if short_forms:
        # (a short form the original gives another name in brackets is no backing: "the
        # Nationalist Movement Party (CHP)" where the original writes "Republican People's
        # Party (CHP)")
        o_named = {f.text: n for n, f in _short_forms(original.facts, o_text).items()}
        short_forms = {span: f for span, f in short_forms.items() if f.text not in o_named
                       or names.same_name(o_text[o_named[f.text][0]:o_named[f.text][1]],
                                          r_text[span[0]:span[1]])}
    vocabulary: frozenset[str] | None = None  # the original's words, case-folded, on first use
    # (a sentence the original writes word for word gives each of its names its own words)
    o_texts = {s.text for s in original.sentences}
    evidences = _evidences([s.text for s in retelling.sentences], words,
                           [partners.get(s.id, []) for s in retelling.sentences])
    for s, (evidence, share) in zip(retelling.sentences, evidences):
        if s.kind in CLUTTER_KINDS:
            continue  # page clutter tells nothing: no facts (compare.extract), no verdict
        ev_facts = [f for i in evidence for f in o_facts.get(i, ())]
        ev_ids = frozenset(map(id, ev_facts))
        # A negation of a form of the same word ("no approval" / "the board did not approve
        # it") supports the retelling's too, said in its evidence or about the same thing
        # (another content word in common with its sentence, or in a dialogue with its turn:
        # "does not employ contractors" is no "firm with no employees" in a sentence about its
        # move; "Agent: Dana here from Vantor Gyms. You never registered at our sites" is
        # "Dana from Vantor Gyms rings a man with no registration").
        for b in r_facts.get(s.id, ()):
            if b.kind == "negation" and b.role and ("negation", b.start, b.end) not in supported \
                    and any(lexicon.one_word(a.role, b.role) and (a.sentence in evidence or (
                        _stems_of(_turn_text(original.sentences, a.sentence, dialogue))
                        & _stems_of(s.text)) - {
                            meaning.stem(a.role), meaning.stem(b.role)})
                            for a in negated_by_form.get(lexicon.form_key(b.role), ())
                            if a.sentence in o_sent):
                supported.add(("negation", b.start, b.end))
        statuses: list[str] = []
        credited: list[tuple[int, int]] = []
        about: list[Fact] | None = None  # ev_facts of the evidence that says the same thing
        for b in r_facts.get(s.id, ()):
            if b.kind not in GROUND_KINDS:
                continue
            mine_ev: list[Fact] = ev_facts
            mine_ids: AbstractSet[int] | None = ev_ids
            if b.kind == "attribution" and s.id not in partners:
                # Another speaker contradicts an attribution only in a sentence about the same
                # claim: evidence picked for a word or two in common credits another claim.
                if about is None:
                    stems = {meaning.stem(w) for _a, _b, w in meaning.content_words(s.text)}
                    about = [f for i in evidence if len(stems & {
                        meaning.stem(w) for _a, _b, w in meaning.content_words(o_sent[i].text)})
                        >= SAME_CLAIM_WORDS for f in o_facts.get(i, ())]
                mine_ev, mine_ids = about, None
            by_author = b.kind == "attribution" and _by_author(
                b, author, o_facts.get(evidence[0], []) if evidence else []) or (
                b.kind == "name" and bool(author) and names.same_name(author, b.text))
            backing: list[Fact]
            if by_author:
                status, backing, in_slot = "supported", [], False
            else:
                status, backing, in_slot = _ground_fact(
                    defined.get(b.text, b) if b.kind == "name" else b, index, mine_ev,
                    o_plain, o_text, o_ctx, r_ctx, sole=s.id in partners, ev_ids=mine_ids)
                short = short_forms.get((b.start, b.end)) if b.kind == "name" else None
                if status == "unsupported" and short is not None:
                    # "the Nationalist Movement Party (MHP)" where the original says "MHP":
                    # the retelling itself gives the two as one name, whatever its initials
                    status, backing, in_slot = _ground_fact(
                        short, index, mine_ev, o_plain, o_text, o_ctx, r_ctx,
                        sole=s.id in partners, ev_ids=mine_ids)
            turn = None
            if b.kind == "attribution" and status == "unsupported":
                if turns is None:
                    turns = _turn_labels(original.sentences) if dialogue else {}
                turn = _speaks_near(b, evidence, turns)
                if turn is not None:
                    # A dialogue states nothing without attribution: every line is its
                    # speaker's, and the retelling credits one who speaks right there.
                    status = "supported"
            said = quotes.said_unquoted(b.text, o_text) \
                if status == "unsupported" and b.kind == "quote" else None
            if said is not None and said[2] == 0:
                # the original's own words, unquoted there (a transcript, a letter)
                status, backing = "supported", [replace(b, start=said[0], end=said[1],
                                                        text=o_text[said[0]:said[1]])]
            if status == "unsupported" and b.kind == "number" and (
                    numbers.article_one(b) or numbers.refers_back(b, r_text)):
                continue  # "one person discusses": an article, not a count the original lacks
            listed = _listed_after(b, r_text) if status == "unsupported" and \
                b.kind == "number" else None
            if listed is not None:
                if vocabulary is None:
                    vocabulary = frozenset(w.casefold() for w in _VOCABULARY_RE.findall(o_text))
                if all(w.casefold() in vocabulary for i in listed
                       for w in _VOCABULARY_RE.findall(i)):
                    status = "supported"  # the retelling's own tally of what the original lists
            if status == "unsupported" and b.kind == "number":
                # "Twenty of the 40 staff" where the original says "Half of the 40 staff"
                part = next((a for i in evidence for a in o_facts.get(i, ())
                             if numbers.same_share(a, o_text, o_facts[i], b, r_text,
                                                   r_facts.get(s.id, ()))), None)
                if part is not None:
                    status, backing = "supported", [part]
            if status == "contradicted" and backing and _same_figure(backing[0], b):
                status = "supported"  # the original's figure, its unit or hedge left out
            if status == "contradicted" and b.kind == "number" and another_time(s.id):
                # "an attack that claimed over 130 lives in June 2022", a time the original
                # never gives: another event's figure, added background, no changed toll
                status, backing = "unsupported", []
            if status == "contradicted" and b.kind == "number" and backing and (
                    toll_of_b := _toll(b, r_text)) is not None and (
                    rival_toll := _toll(backing[0], o_text)) != toll_of_b:
                # A casualty count is contradicted by the original's count of its own toll
                # ("almost 300 people were missing" by "more than 300 were unaccounted for",
                # not by the "477 people" aboard); "Eleven people were hurt" against "killed
                # at least four people" has none: the injured are not the dead
                own = _toll_told_otherwise(b, (), index, r_text, o_text)
                if own is not None:
                    backing = [own]
                elif rival_toll is not None:
                    status, backing = "unsupported", []
            if status == "contradicted" and backing and backing[0].note == dates.DATELINE_NOTE:
                status, backing = "unsupported", []  # a filing day tells no event's day
            if status == "contradicted" and backing and attributions.one_speaker_titled(
                    backing[0], b, o_text, r_text):
                status = "supported"  # "the mayor said" / "Mayor Ola Brenn said"
            # "the president also tells CBS" / "Trump said", neither text saying who holds the
            # office: likely one person, left to the reader at low severity
            described = status == "contradicted" and bool(backing) and \
                attributions.office_for_person(backing[0], b, o_text, r_text)
            toll = _toll_swapped(b, backing, r_text, o_text) \
                if status == "supported" and b.kind == "number" and backing else None
            if toll is not None:
                status = "contradicted"
            elif status == "supported" and b.kind == "number" and backing and (
                    tolled := _toll_told_otherwise(b, backing, index, r_text, o_text)):
                # "at least 20 people dead" backed only by "20 to 30 workers" on shift, where
                # the original counts the dead as "at least 14": the toll changed
                status, backing = "contradicted", [tolled, *backing]
            if status == "contradicted" and b.kind == "number" and backing and \
                    _of_another_named(b, backing[0], r_facts.get(s.id, ()), index, o_facts, o_text,
                                      r_text):
                # "The Kessel index lost 15.71 points" against "The Tarn index was up 82
                # points", where the original tells of Kessel too: another thing's figure
                status, backing = "unsupported", []
            if status == "contradicted" and b.kind == "number" and backing and \
                    numbers.PART in b.note and numbers.PART not in backing[0].note:
                # "including 60 people in serious condition" counts some of a group the
                # sentence counts: no rival of the original's count of another
                status, backing = "unsupported", []
            if status in ("contradicted", "unsupported") and b.kind == "number" and (
                    toll_of_b := _toll(b, r_text)) is not None and not (
                        another_time(s.id)
                        and _dated_far(r_facts.get(s.id, ()), index,
                                       original.document.published)):
                # A toll's total is told against the original's total, a part of it (a
                # county's dead, "two in Longnan") only against the original's count of the
                # same part: the retelling's "53 deaths" in Minxian, beside its own total of
                # 56, is no changed toll of the original's 54; its new total of the injured,
                # said in a sentence of its own, is the original's total changed
                if r_tolls is None:
                    r_tolls = _toll_totals(r_facts, r_text, index, original.document.published)
                status, rival = _toll_rival(b, toll_of_b, r_tolls, backing[0] if status ==
                                            "contradicted" else None, index, o_text,
                                            names_of(s.id),
                                            o_facts)
                backing = [rival] if rival is not None else []
            period = None
            if b.kind == "date" and status in ("supported", "contradicted"):
                figures = [f for f in r_facts.get(s.id, ()) if f.kind == "number"]
                base = next((a for x in figures
                             if (a := index.base_given(b, x, o_text)) is not None), None)
                if base is None and status == "contradicted" and _told_as_base(r_text, b):
                    # a base told as a base ("up since the third quarter of 2021" where the
                    # original compares with it): stated, whatever the period measured is
                    base = next((a for a in index.stating(b)
                                 if dates.compared_against(o_text, a) is not None), None)
                if base is not None:
                    # the retelling gives the figure the original gives for this date, as the
                    # base of a comparison ("profit was $19 million in 2022" from "compared with
                    # $19 million in 2022"): stated, whatever the comparison's own period is
                    status, backing = "supported", [base]
                elif status == "supported" and in_slot:
                    period = _period_measured(b, backing, index, o_text, r_text, figures,
                                              r_facts.get(s.id, ()), o_sent)
                if base is None and period is None and status == "supported":
                    period = _base_reported(b, index, o_text, r_text, s,
                                            r_facts.get(s.id, ()), o_sent)
                if period is not None:
                    status = "contradicted"
                    backing = [period, *[a for a in backing if a is not period]]
            fuller = _other_given_name(b, backing, index) if status == "supported" else None
            if fuller is not None:
                status, backing = "contradicted", [fuller, *backing]
            given = _given_name_added(b, backing, o_text, r_text) if status == "supported" \
                else None
            if given is not None:
                status = "unsupported"
            twice = _named_twice(b, r_facts.get(s.id, ()), r_text, s.text, ev_facts, o_text,
                                 o_sent) if status == "supported" and b.kind == "name" \
                and s.text.casefold().count(b.text.casefold()) > 1 else None
            if twice is not None:
                status, backing = "contradicted", [twice[1]]
            anchored = None
            if status == "supported" and b.kind == "name" and s.text not in o_texts:
                if anchors is None:
                    anchors = anchors_.Anchors(o_text, original.facts, original.sentences)
                anchored = anchors.rival(b, r_text, (s.start, s.end))
                short = short_forms.get((b.start, b.end))
                if anchored is not None and short is not None and \
                        names.same_name(short.text, anchored[0].text):
                    anchored = None  # the original's words are said of its short form
                if anchored is not None:
                    status, backing = "contradicted", [anchored[0]]
            aged = None
            if status == "supported" and b.kind == "name":
                if ages is None:
                    ages = _AgesByName(o_text, original.facts)
                aged = ages.rival(b, r_text)
                if aged is not None:
                    status, backing = "contradicted", [aged[0]]
            statuses.append(status)
            if status == "supported":
                supported.add((b.kind, b.start, b.end))
            if in_slot and any(a.sentence not in partners.get(s.id, ()) for a in backing):
                # stated in this slot outside the aligned partner: the partner's other
                # value is another slot's
                stated.add((b.kind, b.start, b.end))
            ev = tuple(Excerpt.of(o_text, a.start, a.end) for a in backing[:EVIDENCE_MAX])
            detail = _detail(status, b, backing) if given is None else (
                f"The original calls this person only '{backing[0].text}'; it never gives the "
                f"first name '{given}'.")
            if described:
                detail = attributions.explain_office_for_person(backing[0], b)
            if period is not None:
                detail = (f"The original gives this for '{period.text}' and measures it against "
                          f"'{backing[1].text}'; the retelling gives it for '{b.text}'.")
            if anchored is not None:
                detail = (f"The original says '{anchored[1]}' of {anchored[0].text}, not of "
                          f"{b.text}.")
            if aged is not None:
                detail = (f"The original gives the age {aged[1]} to {aged[0].text}, not to "
                          f"{b.text}.")
            if toll is not None:
                detail = (f"The original's '{backing[0].text}' counts the {toll[1]}; the "
                          f"retelling's '{b.text}' counts the {toll[0]}.")
            if twice is not None:
                detail = (f"The retelling names {b.text} on both sides ('{twice[0]}'), as the "
                          f"original never does; beside it here the original names "
                          f"{twice[1].text}.")
            if turn is not None:
                ev = (Excerpt.of(o_text, *turn),)
                detail = f"{o_text[turn[0]:turn[1]]} speaks at this point of the original's dialogue."
            if by_author:
                credited.append((b.start, b.end))  # its words too ("the writer") are grounded
                at = o_text.find(author) if author else -1
                ev = (Excerpt.of(o_text, at, at + len(author)),) if author and at >= 0 else ()
                detail = (f"The original is by {author}, who wrote it." if b.kind == "name" else
                          f"The original is {author}'s own writing: its claims are the author's."
                          if author else "The original states it in its own voice: the claim is "
                          "its writer's.")
            facts_out.append(FactGround(b.kind, status, Excerpt.of(r_text, b.start, b.end),  # type: ignore[arg-type]
                                        s.id, ev, detail))
            # ("recently" said where the original gives no time: no date added)
            vague = status == "unsupported" and b.kind == "date" and dates.vague(b)
            if status != "supported" and not vague:
                changes.append(Change(
                    kind=b.kind, status="changed" if status == "contradicted" else "added",
                    original=ev[0] if status == "contradicted" and ev else None,
                    retelling=Excerpt.of(r_text, b.start, b.end), detail=detail,
                    severity="low" if described else "high"
                    if status == "contradicted" or b.kind != "name" else "medium",
                    grounding=status, evidence=ev))  # type: ignore[arg-type]
        role_changes = _role_changes(
            s.text, s.start, [f for f in r_facts.get(s.id, ()) if f.kind == "name"],
            [(o_sent[i].text, o_sent[i].start,
              [f for f in o_facts.get(i, ()) if f.kind == "name"]) for i in evidence])
        for b, a, word in role_changes:
            detail = (f"The retelling puts '{b.text}' where the original has '{a.text}' "
                      f"('{word}' in both).")
            changes.append(Change(
                kind="name", status="changed", original=Excerpt.of(o_text, a.start, a.end),
                retelling=Excerpt.of(r_text, b.start, b.end), detail=detail, severity="high",
                grounding="contradicted", evidence=(Excerpt.of(o_text, a.start, a.end),)))
        apart = None
        if condensed and not dialogue and s.text not in o_texts:
            # (a speaker is told of the claim it makes, not joined to the names in it: "a tremor
            # was felt in Dorley, the Coastal Survey has said")
            speaking = [(f.start, f.end) for f in r_facts.get(s.id, ()) if f.kind == "attribution"]
            names_here = [f for f in r_facts.get(s.id, ()) if f.kind == "name"
                          and ("name", f.start, f.end) in supported
                          and not any(a <= f.start and f.end <= b for a, b in speaking)
                          and not _speaks(f, r_text)]
            if len(names_here) > 1 and voice is None:
                voice = own_voice(original.sentences, original.facts)
            if len(names_here) > 1 and voice <= OWN_VOICE_MAX:  # type: ignore[operator]
                if mentions is None:
                    mentions = _Mentions(o_text, original.sentences, index)
                    o_folded = o_text.casefold()
                apart = _kept_apart(names_here, mentions, r_text, o_folded)
        if apart is not None:
            a, b = apart
            first_a = min(mentions.of(a))  # type: ignore[union-attr]
            first_b = min(mentions.of(b))  # type: ignore[union-attr]
            s_a, s_b = original.sentences[first_a], original.sentences[first_b]
            detail = (f"The original names {a.text} and {b.text}, but never in the same or a "
                      f"nearby sentence: the retelling joins them in one claim.")
            changes.append(Change(
                kind="name", status="changed", original=Excerpt.of(o_text, s_b.start, s_b.end),
                retelling=Excerpt.of(r_text, b.start, b.end), detail=detail, severity="medium",
                grounding="unsupported", evidence=(Excerpt.of(o_text, s_a.start, s_a.end),
                                                   Excerpt.of(o_text, s_b.start, s_b.end))))
        honorifics = _honorific_changes(
            [f for f in r_facts.get(s.id, ()) if f.kind == "name"
             and ("name", f.start, f.end) in supported], r_text, o_text, titled)
        changes.extend(honorifics)
        if s.text in o_texts:
            # a sentence the original writes word for word changes no meaning of it, whatever
            # else either text says (most of a wire copy's sentences: the checks are skipped)
            found = []
        else:
            # (an original sentence the retelling's says word for word is its closest evidence:
            # polarity is read against it first)
            twin_first = sorted(evidence, key=lambda i: o_sent[i].text.split() != s.text.split())
            found = meaning.check(
                s.text, s.start, [(o_sent[i].text, o_sent[i].start) for i in twin_first], words,
                polarity=True,
                proper=[(f.start, f.end) for f in r_facts.get(s.id, ()) if f.kind == "name"],
                names=[(f.start, f.end) for f in r_facts.get(s.id, ()) if f.kind == "name"]
                # and a figure's hedge ("almost 23,000 feet"): the number kind compares it
                + [(f.start, f.start + digit.start()) for f in r_facts.get(s.id, ())
                   if f.kind == "number" and (digit := _DIGIT.search(f.text)) is not None]
                # and a band of digits as a whole ("low single-digit"), and the words of a rate's
                # unit ("25 basis points"): the number kind compares them
                + [(f.start, f.end) for f in r_facts.get(s.id, ())
                   if f.kind == "number" and (numbers.BAND_NOTE in f.note or isinstance(
                       f.value, Quantity) and f.value.unit in numbers.RATE_CHANGE_UNITS)]
                # and a figure in words joined to its unit ("a one-and-a-half-hour flight")
                + [(f.start, f.end) for f in r_facts.get(s.id, ())
                   if f.kind == "number" and "-" in f.text and _DIGIT.search(f.text) is None]
                + credited,
                locate=lambda word: _locate(word, words, o_sent), aligned=s.id in partners)
            # A claim that the original leaves something out, which it does not ("without
            # mentioning the study"): one finding where the polarity check found none.
            taken = [m.retelling for m in found if m.status != "added"]
            claims = [m for m in meaning.omissions(s.text, s.start, words,
                                                   lambda i: (o_sent[i].text, o_sent[i].start),
                                                   meaning.OMITTED_SPAN if dialogue else 0)
                      if not any(a < m.retelling[1] and m.retelling[0] < b for a, b in taken)]
            if claims:
                found = [m for m in found if not any(
                    c.retelling[0] < m.retelling[1] and m.retelling[0] < c.retelling[1]
                    for c in claims)] + claims
            # a direction word against the evidence's own figures ("ticket sales rose" / "38,900,
            # compared with 41,200"), where no opposite word was found there
            # (it replaces the word's "never used" finding: the word is read, and denied)
            for d in trends.denied(r_text, (s.start, s.end), r_facts.get(s.id, ()), [
                    (o_sent[i].start, o_sent[i].end, o_facts.get(i, ())) for i in evidence], o_text):
                over = [m for m in found if m.retelling[0] < d.retelling[1]
                        and d.retelling[0] < m.retelling[1]]
                if all(m.status == "added" for m in over):
                    found = [m for m in found if m not in over] + [meaning.Finding(
                        "negation", "changed", d.retelling, d.original, d.detail)]
        swaps: list[meaning.Finding] = []
        if found is not None and evidence and s.id in partners and s.text not in o_texts:
            # a word put in another's place ("sales" / "profits"), against the closest evidence
            taken_spans = [m.retelling for m in found if m.status != "added"]
            # (not a word of a figure, date or name: their kinds compare them, "a quarter
            # point" / "half a point")
            first = twin_first[0]
            typed = [(f.start, f.end) for f in r_facts.get(s.id, ()) if f.kind in SWAP_TYPED]
            o_typed = [(f.start, f.end) for f in o_facts.get(first, ()) if f.kind in SWAP_TYPED]
            swaps = [m for m in meaning.swapped(s.text, s.start, (
                o_sent[first].text, o_sent[first].start), words)
                if not any(a < m.retelling[1] and m.retelling[0] < b
                           for a, b in taken_spans + typed)
                and not any(m.original is not None and a < m.original[1] and m.original[0] < b
                            for a, b in o_typed)]
            found = [m for m in found if not any(
                w.retelling[0] < m.retelling[1] and m.retelling[0] < w.retelling[1]
                for w in swaps)] + swaps
        unsupported_words = sum(m.status == "added" for m in found)
        reversed_meaning = any(m.status != "added" for m in found)
        for m in found:
            if m.status == "added" and unsupported_words < UNSUPPORTED_WORDS_LISTED:
                continue  # one or two odd words are not listed (two still make the verdict)
            if m.status == "added" and s.id not in partners:
                # a sentence the retelling adds is new as a whole (its verdict says so): its
                # words one by one are no changes of the original's
                continue
            changes.append(Change(
                kind=m.kind, status=m.status,  # type: ignore[arg-type]
                original=Excerpt.of(o_text, *m.original) if m.original else None,
                retelling=Excerpt.of(r_text, *m.retelling), detail=m.detail,
                # (a word swapped in place is worth a look: a synonym WordNet lacks reads so too)
                severity="medium" if m in swaps else "high" if m.status == "changed" else "low",
                grounding="contradicted" if m.status == "changed" else "unsupported",
                evidence=tuple(Excerpt.of(o_text, o_sent[i].start, o_sent[i].end)
                               for i in evidence[:1])))  # type: ignore[arg-type]
        if "contradicted" in statuses or reversed_meaning or role_changes or honorifics:
            verdict = "contradicts"
        elif not evidence and share < NO_SUPPORT_SHARE:
            verdict = "no-support"
        elif "unsupported" in statuses or unsupported_words >= UNSUPPORTED_WORDS_MIN \
                or apart is not None:
            verdict = "adds-unsupported"
        else:
            verdict = "supported"
        verdicts.append(SentenceVerdict(s.id, verdict, tuple(evidence), round(share, 4)))  # type: ignore[arg-type]
    return Grounding(tuple(facts_out), tuple(verdicts), tuple(changes), frozenset(supported),
                     frozenset(stated))


def _same_period(a: Fact, b: Fact) -> bool:
    """Two figures of one period of time ("27 weeks" / "27 weeks"): what they count is time."""
    qa, qb = a.value, b.value
    return isinstance(qa, Quantity) and isinstance(qb, Quantity) and qa.unit == qb.unit and \
        numbers.UNIT_DIMENSIONS.get(qa.unit or "") == numbers.DURATION


def unit_names(facts: Sequence[Fact]) -> set[tuple[int, int]]:
    """Spans of the names that are the unit of a figure ("9.40 Euros"): the number grounds
    them, with its value."""
    spans = sorted((f.start, f.end) for f in facts if f.kind == "number")
    starts = [a for a, _e in spans]
    out = set()
    for f in facts:
        if f.kind == "name" and spans:
            k = bisect.bisect_right(starts, f.start) - 1
            # the figures starting at or before the name, nearest first (they seldom overlap)
            while k >= 0 and not (spans[k][0] <= f.start and f.end <= spans[k][1]):
                k = k - 1 if f.start - spans[k][0] < 80 else -1
            if k >= 0:
                out.add((f.start, f.end))
    return out


def _locate(word: str, words: meaning.WordIndex, o_sent: dict[int, Sentence]) -> list[tuple[str, int]]:
    """(text, start) of the original sentences that use ``word`` (by stem), in text order."""
    return [(o_sent[i].text, o_sent[i].start) for i in sorted(words.where(word))[:POSTINGS_MAX]]


def _period_measured(b: Fact, backing: list[Fact], index: FactIndex, o_text: str,
                     r_text: str, figures: list[Fact], mine: Sequence[Fact],
                     o_sent: dict[int, Sentence]) -> Fact | None:
    """The period the original gives a figure for, where the retelling gives that figure
    (one of ``figures``, its sentence's) for the original's base of comparison ("bookings for
    the first half of 2024 rose 6% from the first half of 2023" / "bookings for the first half
    of 2023 rose 6%"): the date the original states in this slot only as a base,
    beside another of its kind in the sentence, which the retelling's sentence (``mine``) does
    not give too ("founded in 2019, it had income of £4 million in 2024")."""
    if not backing or not figures or dates.compared_against(r_text, b) is not None \
            or not isinstance(b.value, Interval) \
            or any(dates.compared_against(o_text, a) is None for a in backing):
        return None
    sentences = {a.sentence for a in backing}
    spans = sorted((o_sent[i].start, o_sent[i].end) for i in sentences if i in o_sent)
    if not any(numbers.equivalent(f, x) for start, end in spans
               for f in index.between("number", start, end) for x in figures):
        return None  # another claim about the base's date ("sales had been higher in 2019")
    period = next((a for start, end in spans for a in index.between("date", start, end)
                   if dates.other_period(a, b) and dates.compared_against(o_text, a) is None),
                  None)
    if period is None or any(f.kind == "date" and dates.equivalent(f, period) for f in mine):
        return None
    return period


def _base_reported(b: Fact, index: FactIndex, o_text: str, r_text: str, sentence: Sentence,
                   mine: Sequence[Fact], o_sent: dict[int, Sentence]) -> Fact | None:
    """The period the original reports on, where the retelling reports a change for a date the
    original gives only as the base of comparisons ("operating income for the third quarter of
    2019 rose" where every "third quarter of 2019" of the original follows "against" or
    "from"). The change must be of what the base's sentence measures (BASE_CLAIM_WORDS content
    words in common) and told as a change, not as a comparison ("sales had been lower in 2019"
    says the same as the original). The period is a date of the same length, not a
    base, in the base's sentence or, failing that, in the two before it."""
    if not isinstance(b.value, Interval) or b.value.start is None or _told_as_base(r_text, b):
        return None
    statements = index.stating(b)
    if not statements or any(dates.compared_against(o_text, a) is None for a in statements):
        return None
    words = meaning.content_words(sentence.text)
    if not any(numbers.change_direction(w) and not meaning.graded(w) for _s, _e, w in words):
        return None
    # (the date's own words say nothing of what is measured: "third", "quarter")
    mine_stems = _stems_of(sentence.text) - _stems_of(b.text)
    for a in statements:
        if a.sentence not in o_sent or len(_stems_of(o_sent[a.sentence].text) & mine_stems
                                           - _stems_of(a.text)) < BASE_CLAIM_WORDS:
            continue
        for i in (a.sentence, a.sentence - 1, a.sentence - 2):
            if i not in o_sent:
                continue
            period = next((d for d in index.between("date", o_sent[i].start, o_sent[i].end)
                           if dates.other_period(d, b) and dates.compared_against(o_text, d)
                           is None), None)
            if period is not None:
                if any(f.kind == "date" and dates.equivalent(f, period) for f in mine):
                    return None
                return period
    return None


# (fewer than SAME_CLAIM_WORDS: a base's every statement is already a base, and the crude
# stems miss a derived form, "improved" / "improvement")
BASE_CLAIM_WORDS = 3


def _told_as_base(text: str, b: Fact) -> bool:
    """Whether date ``b`` of ``text`` is the base of a comparison there: after "from",
    "compared with", "than" (``dates.compared_against``), or "on", "over", "since"."""
    return dates.compared_against(text, b) is not None \
        or _word_before_is(text, b.start, BASE_WORDS) \
        or (b.text.split(maxsplit=1) or [""])[0].casefold() in BASE_WORDS


def _word_before_is(text: str, at: int, words: frozenset[str]) -> bool:
    """Whether the word just before ``at`` (skipping "the") is one of ``words``."""
    before = re.findall(r"[\w'’-]+", text[max(0, at - 40):at])
    while before and before[-1].casefold() == "the":
        before.pop()
    return bool(before) and before[-1].casefold() in words


# Words that make the date after them a base too, though the comparison regex leaves them out
# for their other senses ("up 5% on 2019", "growth over the third quarter", "since 2019").
BASE_WORDS = frozenset({"on", "over", "since"})


@lru_cache(maxsize=4096)
def _stems_of(text: str) -> frozenset[str]:
    return frozenset(meaning.stem(w) for _s, _e, w in meaning.content_words(text))


def _turn_text(sentences: Sequence[Sentence], at: int, dialogue: bool) -> str:
    """Sentence ``at``'s text; in a dialogue, its whole turn's (from the sentence that opens it
    with a speaker's label up to the next label): one speaker's words are one utterance."""
    k = next(i for i, x in enumerate(sentences) if x.id == at)
    first = last = k
    if dialogue:
        while first > 0 and not _TURN_RE.search(sentences[first].text):
            first -= 1
        while last + 1 < len(sentences) and not _TURN_RE.search(sentences[last + 1].text):
            last += 1
    return " ".join(x.text for x in sentences[first:last + 1])


def _evidences(texts: Sequence[str], words: meaning.WordIndex,
               partners: Sequence[list[int]]) -> list[tuple[list[int], float]]:
    """For each retelling sentence: (evidence sentence ids, share of its content the original
    uses anywhere).

    A sentence's score with an original sentence is the IDF weight of the content words (by
    stem) they share, each word's postings read up to POSTINGS_MAX. The scores are summed for
    all sentences at once, by a sparse product in blocks of rows; the few that can reach a
    share of EVIDENCE_MIN / 2 are then summed again word by word, in the sentence's order, so
    every kept score is exactly the one a scan of the postings gives (tests compare the two).
    """
    rows: list[list[tuple[float, AbstractSet[int]]]] = []  # each sentence's scored words, in order
    totals: list[float] = []
    shares: list[float] = []
    for text in texts:
        total = used = 0.0
        seen: set[str] = set()
        scored: list[tuple[float, AbstractSet[int]]] = []
        for _s, _e, w in words.content_words(text):
            key = meaning.stem(w)
            if key in seen:
                continue
            seen.add(key)
            where = words.where(w)
            weight = math.log(1 + words.size / (1 + len(where)))
            total += weight
            if where or words.uses(w):
                used += weight
            if where and len(where) <= POSTINGS_MAX:
                # a word in hundreds of sentences adds a near-equal sliver to each: skipping its
                # postings changes no ranking that matters and keeps the work linear in length
                scored.append((weight, where))
        rows.append(scored)
        totals.append(total)
        shares.append(used / total if total else 1.0)
    # Only the best few can be kept (after the partners): those are summed exactly. Two
    # articles' postings are few, and summed directly: the product's set-up would cost more.
    if sum(len(where) for scored in rows for _w, where in scored) <= EVIDENCE_DIRECT_MAX:
        sums = [_posting_sums(scored) for scored in rows]
    else:
        wanted = [EVIDENCE_MAX + len(mine) for mine in partners]
        sums = [_posting_sums(scored, found)
                for scored, found in zip(rows, _evidence_candidates(rows, totals, wanted))]
    out = []
    for total, share, summed, mine in zip(totals, shares, sums, partners):
        ranked = [(v / total, i) for i, v in summed.items() if v / total >= EVIDENCE_MIN / 2]
        ranked.sort(key=lambda t: (-t[0], t[1]))
        best = [i for v, i in ranked if v >= EVIDENCE_MIN]
        if not best and share >= NO_SUPPORT_SHARE:
            # A headline or a summary sentence that condenses several sentences: its words are
            # the original's but no one sentence holds a third of them; the best few are its
            # evidence.
            best = [i for v, i in ranked if v >= EVIDENCE_MIN / 2]
        evidence = list(dict.fromkeys([*mine, *best]))[: max(EVIDENCE_MAX, len(mine))]
        out.append((evidence, share))
    return out


# Postings (sentence ids under a retelling's words) summed directly up to this many in all,
# by a sparse product beyond.
EVIDENCE_DIRECT_MAX = 20_000


def _posting_sums(scored: list[tuple[float, AbstractSet[int]]], among: Sequence[int] | None = None
                  ) -> dict[int, float]:
    """Each original sentence's summed weight of the words it shares with a retelling sentence,
    in the sentence's word order: of every sentence in the postings, or of those ``among``."""
    sums: dict[int, float] = {}
    if among is None:
        for weight, where in scored:
            for i in where:
                sums[i] = sums.get(i, 0.0) + weight
        return sums
    for i in among:
        v = 0.0
        for weight, where in scored:
            if i in where:
                v += weight
        sums[i] = v
    return sums


# Rows of the sparse product summed at once: bounds its memory (a row has at most a few
# thousand non-zero cells) however long the texts are.
EVIDENCE_BLOCK = 1024


def _evidence_candidates(rows: Sequence[list[tuple[float, AbstractSet[int]]]], totals: Sequence[float],
                         wanted: Sequence[int]) -> list[list[int]]:
    """For each row, the original sentences that may be among its ``wanted`` best with a
    weight of at least EVIDENCE_MIN / 2 of the row's total: the product sums in an order of
    its own, so a margin of _SUM_MARGIN is kept at both cuts."""
    column: dict[int, int] = {}  # id(postings set) -> row of the postings matrix
    postings: list[AbstractSet[int]] = []
    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for scored in rows:
        for weight, where in scored:
            k = column.get(id(where))
            if k is None:
                k = column[id(where)] = len(postings)
                postings.append(where)
            indices.append(k)
            data.append(weight)
        indptr.append(len(indices))
    out: list[list[int]] = [[] for _ in rows]
    if not postings:
        return out
    n_original = 1 + max(max(p) for p in postings)
    lengths = [len(p) for p in postings]
    b = sparse.csr_matrix(
        (np.ones(sum(lengths)), np.fromiter((i for p in postings for i in sorted(p)), np.int64),
         np.concatenate([[0], np.cumsum(lengths)])), shape=(len(postings), n_original))
    a = sparse.csr_matrix((np.array(data), np.array(indices, dtype=np.int64), np.array(indptr)),
                          shape=(len(rows), len(postings)))
    floors = np.array(totals) * (EVIDENCE_MIN / 2) * (1 - _SUM_MARGIN)
    ks = np.array(wanted)
    for lo in range(0, len(rows), EVIDENCE_BLOCK):
        block = (a[lo : lo + EVIDENCE_BLOCK] @ b).tocsr()
        row = np.repeat(np.arange(block.shape[0]), np.diff(block.indptr)) + lo
        keep = block.data >= floors[row]
        row, value, col = row[keep], block.data[keep], block.indices[keep]
        order = np.lexsort((-value, row))  # by row, best first
        row, value, col = row[order], value[order], col[order]
        # each row's wanted-th best value, or 0 where it has no more than that many
        counts = np.bincount(row - lo, minlength=block.shape[0])
        kth = np.zeros(block.shape[0])
        full = np.nonzero(counts > ks[lo : lo + block.shape[0]])[0]
        starts = np.concatenate([[0], np.cumsum(counts)])[full]
        kth[full] = value[starts + ks[lo + full] - 1]
        keep = value >= kth[row - lo] * (1 - _SUM_MARGIN)
        for r, i in zip(row[keep].tolist(), col[keep].tolist()):
            out[r].append(i)
    return out


# Two sums of the same floats in different orders differ by far less than this share.
_SUM_MARGIN = 1e-6


_NON_WORD = re.compile(r"[\W_]+")


# Quarters as earnings reports write them: "Q2" / "the second quarter" / "2nd quarter".
_QUARTER_RE = re.compile(r"\b(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) quarter\b")
_QUARTER = {"first": "q1", "second": "q2", "third": "q3", "fourth": "q4",
            "1st": "q1", "2nd": "q2", "3rd": "q3", "4th": "q4"}


def _plain(text: str) -> str:
    plain = " " + _NON_WORD.sub(" ", text.casefold()) + " "
    return _QUARTER_RE.sub(lambda m: _QUARTER[m.group(1)], plain) if "quarter" in plain else plain


# The words around a fact that say which slot it fills ("sales rose to $5bn" / "the market was
# worth $10bn"): content words this many before and after it, in its sentence. The extractors'
# roles hold the counted noun after a figure; a money sum or a date names its slot before it.
CONTEXT_BEFORE = 4
CONTEXT_AFTER = 3


def slot_words(side: Side, start: int, end: int, *, before: int = CONTEXT_BEFORE,
               after: int = CONTEXT_AFTER) -> frozenset[str]:
    """The stems of the content words around the span ``start:end`` of ``side``, this many
    before and after it in its sentence: what ``_Contexts.of`` reads for a fact, for a span no
    fact holds (a mention grounding found)."""
    k = bisect.bisect_right(side.sentences, start, key=lambda x: x.start) - 1
    s = side.sentences[k] if k >= 0 and start < side.sentences[k].end else None
    lo, hi = (s.start, s.end) if s is not None else (max(0, start - 80), end + 80)
    words = meaning.content_words(side.document.text[lo:hi], lo)
    preceding = [w for a, e, w in words if e <= start][-before:] if before else []
    return frozenset(meaning.stem(w) for w in (*preceding,
                                               *[w for a, e, w in words if a >= end][:after]))


class _Contexts:
    """The slot words of each fact of one side, computed once."""

    def __init__(self, side: Side, words: meaning.WordIndex | None = None) -> None:
        self.text = side.document.text
        self.sentences = {s.id: s for s in side.sentences}
        self._memo: dict[tuple[int, int], frozenset[str]] = {}
        self._read = words.content_words if words is not None else meaning.content_words

    def sentence_names(self, f: Fact) -> frozenset[str]:
        """The capitalised words of ``f``'s sentence after its first word, but those of ``f``
        itself, case-folded: the names it tells of."""
        s = self.sentences.get(f.sentence)
        if s is None:
            return frozenset()
        first = _FIRST_WORD_RE.search(self.text, s.start, s.end)
        opening = first.end() if first is not None else s.end
        return frozenset(m.group().casefold() for m in _CAPITALISED_RE.finditer(
            self.text, opening, s.end) if m.end() <= f.start or m.start() >= f.end)

    def of(self, f: Fact) -> frozenset[str]:
        key = (f.start, f.end)
        if key not in self._memo:
            s = self.sentences.get(f.sentence)
            lo, hi = (s.start, s.end) if s else (max(0, f.start - 80), f.end + 80)
            # The sentence's words are read once (cached by text) and cut at the fact, rather
            # than reading the text before and after every fact anew.
            words = self._read(self.text[lo:hi], lo)
            # (a figure's change word is a slot word, as it was before the span took it in)
            start = numbers.figure_start(f) if f.kind == "number" else f.start
            # (the words are in order: bisected, not scanned, for a sentence's every fact)
            cut = bisect.bisect_right(words, start, key=lambda t: t[1])
            before = [w for _a, _e, w in words[max(0, cut - CONTEXT_BEFORE):cut]]
            k = bisect.bisect_left(words, f.end, key=lambda t: t[0])
            after = [w for _a, _e, w in words[k:k + CONTEXT_AFTER]]
            # a rate's period is inside its span ("$499/month") but still names its slot
            per = numbers.rate(f) if f.kind == "number" else None
            self._memo[key] = frozenset(meaning.stem(w) for w in (*before, *after,
                                                                  *((per,) if per else ())))
        return self._memo[key]


SLOT_CONTEXT_KINDS = frozenset({"number", "date"})
_CAPITALISED_RE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+")
_FIRST_WORD_RE = re.compile(r"[\w'’-]+")
# A date the original states word for word is contradicted by another date in the same slot
# words only when they share this many: a date is an adverbial of its whole clause, and one
# shared word ("through the end of 2021, and sales grew" / "sales grew against the first
# quarter of 2019") is as often the next clause's. (A figure's counted noun is its own slot:
# for numbers one shared word still counts.)
STATED_DATE_SHARED_MIN = 2
# The original's dated day backs the retelling's day without its year outside the evidence where
# the two share a slot word ("the March 14 floods" / "the March 14, 2009, floods"): the
# same day of the calendar is evidence already.
SAME_DAY_SHARED_MIN = 1


def _ground_fact(b: Fact, index: FactIndex, ev_facts: list[Fact], o_plain: str, o_text: str,
                 o_ctx: _Contexts, r_ctx: _Contexts, *, sole: bool,
                 ev_ids: AbstractSet[int] | None = None) -> tuple[str, list[Fact], bool]:
    """(status, the original facts that back it, whether the value is stated in this slot).
    ``ev_ids``: the ids of ``ev_facts`` (a sentence's facts are grounded against one evidence:
    its caller builds the set once, so that membership costs no scan of a long sentence's)."""
    module = MODULES[b.kind]
    if ev_ids is None:
        ev_ids = frozenset(map(id, ev_facts))
    if b.kind == "name" and not index.by_key.get((b.kind, b.key)) and index.once(
            ("written", b.text), lambda: names.mentioned(b.text, o_text)
            or _plural_in(b.text, o_text) or _spelled_out(b.text, o_plain)
            or _number_in_words(b.text, o_text)
            or _abbreviated(b.text, o_text)
            or names.demonym_in(b.text, o_text) or _headed_in(b.text, o_text)
            or _with_its_city(b.text, o_text)):
        # Written as in the original, or an alias or a lower-case mention ("isis"), or its
        # place's people ("Thailand" / "Thai nationals"): a regex search, before the
        # name-by-name equivalence scan it makes unnecessary.
        return "supported", [], False
    if b.kind == "quote" and (halves := quotes.split_of(b, index.by_kind.get("quote", ()))):
        return "supported", list(halves), False
    if b.kind == "attribution" and (quoted := [
            q for q in index.by_kind.get("quote", ()) if q.role
            and attributions.same_speaker(q.role, (b.note or b.key).strip())]):
        # '"...," Smith wrote' cites Smith as much as "Smith wrote that ..." does
        return "supported", quoted[:1], False
    if b.kind == "attribution" and attributions.credited_by_dateline(b, o_text) and not any(
            a.kind == "attribution" for a in ev_facts):
        # "LONDON (AP) —" credits the whole story, where the evidence names no other source
        return "supported", [], False
    if b.kind == "attribution" and attributions.described_body(b.note or b.key) and (
            body := attributions.sole_body((a.note or a.key).strip()
                                           for a in index.by_kind.get("attribution", ()))):
        # "the global news and information company said" where the original's one named body
        # speaking is "Thomson Reuters Corp" (with two, "the airline" may be either)
        return "supported", [a for a in index.by_kind["attribution"]
                             if attributions.same_speaker((a.note or a.key).strip(), body)][:1], False
    if b.kind == "attribution" and attributions.credited_in_other_words(b, o_text):
        # "analysts polled by Marlow Data": the original's own source, said in other words
        # (known limit: a survey by it about another claim backs it too)
        return "supported", [], False
    stating = index.stating(b)
    if b.kind == "number" and stating:
        # the value said of another thing, outside the evidence, states nothing of this one
        # ("two children" where the original's only "two" counts officers), nor another
        # party's ("Congress won 24" / "AAP secured 24 wards")
        stating = [a for a in stating if (id(a) in ev_ids or not numbers.counts_another(a, b))
                   and not numbers.held_apart(a, b)]
    if stating:
        mine = r_ctx.of(b) if b.kind in SLOT_CONTEXT_KINDS else frozenset()
        # The value's facts in this slot first, through an index of slot words: all of them
        # are scored only when none is (a long text states "two" thousands of times).
        in_slot = index.fitting(b, index.in_slot(stating, o_ctx, mine), SLOT_CLASH) if mine else []
        if b.kind == "number" and b.role and len(in_slot) > 1:
            # of the same counted thing first: "32 buses" is backed by "thirty-two buses",
            # not by the "thirty-two drivers" beside them
            in_slot = [a for a in in_slot if numbers._role_relation(a, b) != "differ"] or in_slot
        fits = in_slot or index.fitting(b, stating, SLOT_CLASH)
        if fits and mine:
            # The value is stated; is it stated in this slot? ("$10bn" of the market does not
            # support "sales of $10bn" when the sentence's evidence gives sales another figure.)
            if not in_slot:
                # the same counted noun ("two hospitals") or period ("two weeks") is the same
                # slot too, unless the evidence counts that noun otherwise in the retelling's
                # own words ("buy 11 mills and a port terminal" / "buy five mills and a port
                # terminal", while "five new mills" open elsewhere in the original)
                in_slot = [a for a in fits if a.role and a.role == b.role or _same_period(a, b)]
                counted = _counted_otherwise(b, module, index, ev_facts, o_ctx, mine) \
                    if in_slot and b.kind == "number" else None
                if counted is not None:
                    return "contradicted", [counted, *in_slot], False
            if not in_slot:
                # Among the evidence; with none (a headline), anywhere in the original. A
                # rival the kind calls compatible (a rounding, an unresolved relative date)
                # contradicts nothing.
                rival = _context_rival(b, module, index, o_ctx, mine, among=ev_facts or None)
                compatible = getattr(module, "compatible", None)
                if rival is not None and compatible is not None and compatible(rival, b):
                    rival = None
                if b.kind == "date" and rival is not None and len(o_ctx.of(rival) & mine) < min(
                        STATED_DATE_SHARED_MIN, len(mine)):
                    rival = None
                if rival is not None:
                    return "contradicted", [rival, *fits], False
            if b.kind == "date" and in_slot and ev_facts and not {a.sentence for a in in_slot} & {
                    a.sentence for a in ev_facts}:
                # A date stated only outside the evidence, in a slot it shares a word or two
                # with ("capital spending ... in 2021"), while the evidence gives another date in
                # this slot, sharing more of its words ("in fiscal 2020 we see sales
                # between ..." / "in fiscal 2021 it sees sales between ..."): the evidence says it.
                # (Not a figure: a sentence of figures puts several values beside each other.
                # Read for figures too, this cost FACTS 0.002 of FPR, FRANK 0.004 of partial
                # Pearson and SummEdits 0.007 of doc balanced accuracy.)
                rival = _context_rival(b, module, index, o_ctx, mine, among=ev_facts)
                shared = max(len(o_ctx.of(a) & mine) for a in in_slot)
                compatible = getattr(module, "compatible", None)
                if rival is not None and len(o_ctx.of(rival) & mine) > max(
                        shared, STATED_DATE_SHARED_MIN - 1) and not (
                        compatible is not None and compatible(rival, b)):
                    return "contradicted", [rival, *in_slot], False
            if in_slot:
                counted = _counted_elsewhere(b, module, in_slot, index, o_ctx, mine) \
                    if b.kind == "number" and b.role else None
                if counted is not None:
                    return "contradicted", [counted, *in_slot], False
                return "supported", in_slot, True
        if fits:
            counted = _counted_elsewhere(b, module, fits, index, o_ctx, mine) \
                if b.kind == "number" and b.role and mine else None
            if counted is not None:
                return "contradicted", [counted, *fits], False
            return "supported", index.ranked(b, fits), False
        rival = _rival(b, module, ev_facts, index, sole=sole)
        if rival is not None and not _dates_of_two_things(rival, b, o_ctx, r_ctx, ev_ids):
            return "contradicted", [rival, *stating], False
        return "supported", list(stating), False
    # (A name stated by no original fact was already looked up as a mention above.)
    days = index.same_day(b) if b.kind == "date" and dates.on_calendar(b) else []
    if days:
        # the day or month with its year left out ("Sept. 11" / "September 11, 2001"), in the
        # evidence or said of the same thing (the floods, not the bridge that opened in 2016)
        mine = r_ctx.of(b)
        same = [a for a in days if id(a) in ev_ids
                or len(o_ctx.of(a) & mine) >= min(SAME_DAY_SHARED_MIN, len(mine))]
        if same:
            return "supported", same, False
    if b.kind in ("date", "name") and not days and _said_in(b.text, o_plain):
        # The original has the same words where its extractor saw no date or name (a chat
        # line's "friday", a heading): stated, however written.
        return "supported", [], False
    if b.kind == "quote" and _plain(b.key or b.text).strip() and _plain(b.key or b.text) in o_plain:
        return "supported", [], False  # a quoted fragment of a longer quote
    if b.kind == "number":
        bound = _range_support(b, index)
        if bound:
            return "supported", bound, False
        # The original's figure with its hedge or unit left out ("377 people" for "at least 377
        # people"), in the same slot: a rival in the evidence is another figure's.
        bare = [a for a in index.bounds(b.value.unit, b.value.low)  # type: ignore[union-attr]
                if _same_figure(a, b) and numbers._role_relation(a, b) in ("same", "partial")]
        if bare:
            return "supported", bare, False
        # The same size of change the other way ("cut costs by up to 30%" / "increase costs by
        # up to 30%"): contradicted, wherever the original says it.
        # (Not one the retelling carries itself, the way the original says it: "revenue
        # increased 1%" told too, its "Cargo unit decreased 1%" is another measure's.)
        turned = [a for a in index.free(index.bounds(b.value.unit, b.value.low))  # type: ignore[union-attr]
                  if numbers.changes_differ(a, b)
                  and numbers.undirected_key(a) == numbers.undirected_key(b)]
        if turned:
            return "contradicted", turned, False
        if _counts_speakers(b, o_text) or _counts_list(b, o_text) or _one_as_article(
                b, index.by_kind.get("number", ()), o_text) or _counts_names(
                b, index.by_kind.get("name", ()), o_text) or _in_a_name(b, r_ctx.text, o_text) \
                or _counted_in_turn(b, index.by_kind.get("number", ()), o_text):
            return "supported", [], False
        summed = _summed(b, index, o_text)
        if summed:
            return "supported", summed, False
        hour = _hour_said(b, index, o_text)
        if hour:
            return "supported", hour, False
    rival = _rival(b, module, ev_facts, index, sole=sole)
    compatible = getattr(module, "compatible", None)
    if rival is not None and _dates_of_two_things(rival, b, o_ctx, r_ctx, ev_ids) and not (
            compatible is not None and compatible(rival, b)):
        rival = None  # (a compatible one is read below: it may back the date)
    if rival is None and b.kind in SLOT_CONTEXT_KINDS and r_ctx.of(b):
        rival = _context_rival(b, module, index, o_ctx, r_ctx.of(b), among=ev_facts)
        if rival is not None and _statement_and_event(rival, b, o_ctx, r_ctx):
            rival = None
    if b.kind == "date" and not dates.vague(b):
        # "recently" dates nothing: it neither backs "on Saturday" nor contradicts it
        rival = None if rival is not None and dates.vague(rival) else rival
        ev_facts = [a for a in ev_facts if not dates.vague(a)]
    if compatible is not None:
        # A rounding, a narrower date, a relative date that cannot be resolved: not a
        # contradiction. Such a value is supported by the original's figure or date.
        if rival is not None and compatible(rival, b):
            if b.kind == "date" and dates.incomparable(rival, b):
                # compatible only for want of a publication date ("last month" / "July"):
                # a date of the slot that can be compared decides ("It's October" / "it
                # is July")
                told = _comparable_rival(b, module, ev_facts, index)
                if told is not None:
                    return "contradicted", [told], False
                if _a_day_never_named(b, index):
                    # "it is July" where the original names its months ("It's February") and
                    # never July: a date counted from an unknown day ("a year ago") backs it
                    # no more than it contradicts it
                    return "unsupported", [], False
            return "supported", [rival], False
        if rival is None:
            near = [a for a in ev_facts if a.kind == b.kind and compatible(a, b)]
            if near and b.kind == "date" and all(dates.incomparable(a, b) for a in near) and \
                    _a_day_never_named(b, index):
                # as above: "on May 3" beside "earlier this month" (no publication date),
                # where the original names its days and never May 3
                return "unsupported", [], False
            if near:
                return "supported", near, False
    if rival is not None:
        return "contradicted", [rival], False
    return "unsupported", [], False


# A summary sentence that names two things gives them a part in one claim. Where the original
# names both but never in the same sentence nor within NEAR_SENTENCES of each other, it tells
# no such claim: the retelling joined two of its actors, or put a name in another story's
# place ("Lena Ortiz opened a clinic in Port Avila" where the original tells of Ortiz's clinic
# in its opening and of Port Avila only in a closing aside on ferries). Only an original of at
# least APART_MIN sentences keeps names apart: a short one is all one scene. Known limit: a
# report that carries a name on by "the company", "it" or "the firm" keeps it near in
# substance, not in words, and a faithful summary joining it to a later name is flagged.
NEAR_SENTENCES = 1
APART_MIN = 8
# ... and only in a retelling at most this share of the original's length: a summary
CONDENSED_SHARE = 0.5
# ... and only two names of one clause, this many words apart at most ("Ortiz and Brandt will
# share the prize", "the Coastal Survey gave Lena Ortiz money"): a long summary sentence
# of a long text lists what it covers ("the email from Dana ... introduces ... which
# includes"), and its names farther apart make no one claim.
APART_WORDS = 12
_WORD_RE = re.compile(r"[^\W_]+")


class _Mentions:
    """Where the original mentions a name in any of its forms (the same, a fact the name
    equals, their last word written as a name): by the position of its sentences, read once a
    comparison from a word index of the original."""

    def __init__(self, o_text: str, sentences: Sequence[Sentence], index: FactIndex) -> None:
        found = list(_WORD_RE.finditer(o_text))
        self.text = o_text
        self.words = [m.group().casefold() for m in found]
        self.starts = [m.start() for m in found]
        self.at: dict[str, list[int]] = defaultdict(list)
        for i, w in enumerate(self.words):
            self.at[w].append(i)
        self.sentence_starts = [s.start for s in sentences]
        self.place = {s.id: k for k, s in enumerate(sentences)}
        self.index = index
        self._memo: dict[str, frozenset[int]] = {}

    def _sentence(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, char) - 1)

    def of(self, b: Fact) -> frozenset[int]:
        """The places of the original's sentences that mention ``b``."""
        got = self._memo.get(b.text)
        if got is not None:
            return got
        # (every form: "Brant" is the original's "Ada Brandt" too, wherever the original also
        # misspells her "Brant" once)
        linked = bool(_LINKING_WORDS.intersection(w.casefold() for w in _WORD_RE.findall(b.text)))
        # (an institution's name is mentioned by no single word of it: "England" is no mention
        # of the Bank of England; a person's surname is a mention of the person)
        stated = [a for a in self.index.naming_alike([b]) if names.same_name(a.text, b.text)
                  and not (linked and " " not in a.text.strip())]
        toks = _WORD_RE.findall(b.text)
        if len(toks) == 1 and (names.is_given_name(toks[0]) or any(
                not self.text[self.starts[i]].isupper()
                for i in self.at.get(toks[0].casefold(), ()))):
            # one word the original also writes in lower case ("Shipping firms" / "shipping
            # firms", "us"): a word at a sentence's start, no name to place; or a first name
            # alone ("Lena"), which the original may give to anyone it calls by surname
            got = self._memo[b.text] = frozenset()
            return got
        out = {self.place[a.sentence] for a in stated if a.sentence in self.place}
        for form in dict.fromkeys([b.text, *(a.text for a in stated)]):
            toks = [w.casefold() for w in _WORD_RE.findall(form)]
            if not toks:
                continue
            for i in self.at.get(toks[0], ()):
                if self.words[i:i + len(toks)] == toks:
                    out.add(self._sentence(self.starts[i]))
            last = toks[-1]
            # (not the place or field an institution's name ends with: "north of England" is
            # no mention of the Bank of England)
            if len(toks) > 1 and len(last) > 2 and not _LINKING_WORDS.intersection(toks):
                # a person or club by the last word of its name ("Ortiz", "Rovers"), where the
                # original writes that word as a name
                out.update(self._sentence(self.starts[i]) for i in self.at.get(last, ())
                           if self.text[self.starts[i]].isupper())
        got = self._memo[b.text] = frozenset(out)
        return got


_LINKING_WORDS = frozenset({"of", "for", "and", "the", "de", "del", "du"})
_SHORT_FORM_NEXT_RE = re.compile(r"[^\S\n]*\([^()\n]{1,16}\)")


def _speaks(b: Fact, r_text: str) -> bool:
    """``b`` is the speaker of its clause: a speech verb right after it, or after its short
    form in brackets ("the Coastal Survey (CS) has said")."""
    at = b.end
    short = _SHORT_FORM_NEXT_RE.match(r_text, at)
    if short is not None:
        at = short.end()
    return attributions.speech_verb_at(r_text, at)


def _kept_apart(names_here: Sequence[Fact], mentions: _Mentions, r_text: str,
                o_folded: str) -> tuple[Fact, Fact] | None:
    """Two names of one retelling sentence, both stated in the original, which never names
    them in the same or a nearby sentence: (the first, the second). A run of the retelling that
    the original writes word for word with both in it ("ada maria brandt") is one name."""
    placed = [(b, mentions.of(b)) for b in names_here]
    placed = [(b, at) for b, at in placed if at]
    for k, (a, at_a) in enumerate(placed):
        for b, at_b in placed[k + 1:]:
            if names.same_name(a.text, b.text) or a.end > b.start:
                continue
            if r_text[a.start:b.end].casefold() in o_folded \
                    or len(_WORD_RE.findall(r_text, a.end, b.start)) > APART_WORDS:
                continue
            if any(abs(x - y) <= NEAR_SENTENCES for x in at_a for y in at_b):
                continue
            return a, b
    return None


# A text in its own voice (a letter, a call, a talk: "I", "we", "you" outside quotation in more
# than OWN_VOICE_MAX of its sentences) ties all it mentions to its writer or speaker, and a
# summary rightly joins them ("the email from Dana introduces Vantor Sync"); only a report, in
# the third person, keeps its names apart in sentences of their own.
OWN_VOICE_MAX = 0.2
_PERSON_RE = re.compile(r"\b(?:I|I['’](?:m|ve|ll|d)|[Ww]e|[Yy]ou|[Mm]y|[Oo]ur|[Uu]s|me)\b")
_MARK_RE = re.compile(r"[\"“”‘’]|(?<!\w)'|'(?!\w)")


def own_voice(sentences: Sequence[Sentence], facts: Sequence[Fact]) -> float:
    """The share of ``sentences`` that speak in the first or second person outside quotation
    (no quotation mark in the sentence, and not inside a quotation the text reads)."""
    if not sentences:
        return 0.0
    quoted = sorted((f.start, f.end) for f in facts if f.kind == "quote")
    starts = [a for a, _b in quoted]
    n = 0
    for s in sentences:
        if _MARK_RE.search(s.text) or not _PERSON_RE.search(s.text):
            continue
        k = bisect.bisect_right(starts, s.start) - 1
        if k >= 0 and quoted[k][1] >= s.end:
            continue
        n += 1
    return n / len(sentences)


# An age set off by commas right after a name, as news writes it ("Tomas Berg, 24, was"),
# tokenised or not ("tomas berg , 24 ,").
_AGE_AFTER_RE = re.compile(r"[^\S\n]*,[^\S\n]*(\d{1,3})[^\S\n]*,")
# How far before a figure a name may stand and still be the one it is said of another way
# ("Erik Berg, who is 61,", "Erik Berg turned 61"): then the original gives the age to it too.
AGE_NEAR_CHARS = 60
# An age the original gives more names than this belongs to no one in particular.
AGE_HOLDERS_MAX = 8


class _AgesByName:
    """The original's ages by the name they are set beside: a summary that copies "Name, 37,"
    with another person's name gives one person's age to another ("Erik Berg, 24," where the
    original writes "Tomas Berg, 24," and Erik Berg is his father)."""

    def __init__(self, o_text: str, o_facts: Sequence[Fact]) -> None:
        self.text = o_text
        self.names = sorted((f for f in o_facts if f.kind == "name"), key=lambda f: f.end)
        self.ends = [f.end for f in self.names]
        self.by_age: dict[int, dict[str, Fact]] = defaultdict(dict)  # age -> name -> first
        for f in self.names:
            age = _age_after(o_text, f.end)
            if age is not None:
                self.by_age[age].setdefault(f.text, f)
        self.memo: dict[tuple[int, str], Fact | None] = {}

    def rival(self, b: Fact, r_text: str) -> tuple[Fact, int] | None:
        """(the original's name that has the age the retelling sets beside ``b``, the age), when
        the original never gives that age to ``b``'s name."""
        age = _age_after(r_text, b.end)
        if age is None or age not in self.by_age:
            return None
        key = (age, b.text)
        if key not in self.memo:
            self.memo[key] = self._holder(age, b.text)
        holder = self.memo[key]
        return (holder, age) if holder is not None else None

    def _holder(self, age: int, name: str) -> Fact | None:
        holders = self.by_age[age]
        if len(holders) > AGE_HOLDERS_MAX or any(names.same_name(h, name) for h in holders):
            return None  # (an age many people share says nothing of whose it is)
        said = re.compile(rf"(?<![\d.,]){age}(?![\d]|[.,]\d)")
        for m in said.finditer(self.text):
            lo = bisect.bisect_left(self.ends, m.start() - AGE_NEAR_CHARS)
            hi = bisect.bisect_right(self.ends, m.start())
            if any(names.same_name(a.text, name) for a in self.names[lo:hi]):
                return None  # "Erik Berg, who is 24," says it of him too
        return next(iter(holders.values()))


def _age_after(text: str, end: int) -> int | None:
    m = _AGE_AFTER_RE.match(text, end)
    if m is None:
        return None
    age = int(m.group(1))
    return age if 0 < age < numbers.AGE_MAX else None


# A dialogue's turns: "Ann: ...", one a line or run together as " . Ben: ..." (chat logs,
# meeting transcripts). The label is one to three capitalised words or a role ("PhD D").
_TURN_RE = re.compile(r"(?:^|\n|\s[.!?]\s)\s*([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}):\s")
# Nouns that count people without a WordNet path to "person" within two steps.
PERSON_NOUNS = frozenset({"person", "people", "persons", "individual", "participant", "guy",
                          "colleague", "speaker", "user"})
TURNS_MIN = 3


@lru_cache(maxsize=64)
def speakers(text: str) -> int:
    """How many people speak in a dialogue (0 when the text is not one)."""
    labels = _TURN_RE.findall(text)
    return len(set(labels)) if len(labels) >= TURNS_MIN else 0


def _turn_labels(sentences: Sequence[Sentence]) -> dict[int, list[tuple[str, int, int]]]:
    """A dialogue's turn labels by sentence id: (label, start, end) in the text."""
    out: dict[int, list[tuple[str, int, int]]] = {}
    for s in sentences:
        for m in _TURN_RE.finditer(s.text):
            out.setdefault(s.id, []).append((m.group(1), s.start + m.start(1), s.start + m.end(1)))
    return out


def _speaks_near(b: Fact, evidence: Sequence[int],
                 turns: dict[int, list[tuple[str, int, int]]]) -> tuple[int, int] | None:
    """The span of a turn label of ``b``'s speaker in an evidence sentence or right after one
    (the answer to it), if there is one."""
    if not turns or not evidence:
        return None
    speaker = (b.note or b.key).strip()
    for i in dict.fromkeys(k for e in evidence for k in (e, e + 1)):
        for label, start, end in turns.get(i, ()):
            if attributions.same_speaker(label, speaker):
                return start, end
    return None


def _counts_speakers(b: Fact, o_text: str) -> bool:
    """"Two friends", "three colleagues" counting the people of a dialogue that has as many
    speakers: the original states the count by who speaks, not in a figure."""
    return _a_count_of_people(b) and speakers(o_text) == b.value.low  # type: ignore[union-attr]


TOLLS = numbers.TOLLS
_TOLL_OF = numbers.TOLL_OF
_CONJUNCTIONS = frozenset({"and", "or", "but", "while", "as", "then"})
_ARTICLES = frozenset({"a", "an", "the"})
_TOLL_AFTER_RE = re.compile(r"\s+([A-Za-z]+)")  # (a hard-wrapped line goes on)
_TOLL_BEFORE_RE = re.compile(r"(?:([A-Za-z]+)[^\S\n]+)?([A-Za-z]+)[^\S\n]+$")
TOLL_AFTER_CHARS = 40  # how far after a count its sentence may name another toll ("or hurt")


def _toll(f: Fact, text: str) -> str | None:
    """Which toll a count of people is: by its counted noun ("40 deaths"), the verb before it
    ("killed 40 people"), the predicate after it ("40 people died") or the word right after
    ("12 people missing"), or None."""
    words = [f.role]
    before = _TOLL_BEFORE_RE.search(text, max(0, f.start - 30), f.start)
    if before is not None and before.group(2).casefold() not in _CONJUNCTIONS:
        # the verb right before ("killed 40", "killed or injured 40"), past an article ("left
        # the 40 dead"); not across "and" ("12 were injured and 3 people died")
        words.append(before.group(1) if before.group(2).casefold() in _ARTICLES and
                     before.group(1) else before.group(2))
    words.append(numbers._predicate_of(f))
    after = _TOLL_AFTER_RE.match(text, f.end)
    if after is not None:
        words.append(after.group(1))  # "12 people missing"
    # the nearest word that says a toll ("killed 40 people and injured 120": the dead)
    return next((toll for w in words if w and (toll := _TOLL_OF.get(w.casefold()))), None)


def _toll_told_otherwise(b: Fact, backing: Sequence[Fact], index: FactIndex, r_text: str,
                         o_text: str) -> Fact | None:
    """The original's count of ``b``'s toll (the dead, the injured, the missing) with another
    value, where nothing backing ``b`` counts that toll; None otherwise."""
    mine = _toll(b, r_text)
    if mine is None or any(_toll(a, o_text) == mine for a in backing):
        return None
    unit = getattr(b.value, "unit", None)
    return next((a for a in _tolled(index, o_text).get(mine, ())
                 if getattr(a.value, "unit", None) == unit
                 and (not a.role or numbers.counts_people(a.role) or a.role == mine)
                 and not numbers.equivalent(a, b) and not numbers.compatible(a, b)), None)


def _of_another_named(b: Fact, rival: Fact, mine: Sequence[Fact], index: FactIndex,
                      o_facts: Mapping[int, Sequence[Fact]], o_text: str, r_text: str) -> bool:
    """``rival`` counts another thing of the kind ``b`` counts: its sentence names a thing
    with the word ``b``'s sentence puts after its own ("The Kessel index lost 15.71 points" /
    "The Tarn index was up 82 points"), and the original tells of ``b``'s thing too (it may
    give no figure of that kind for it: "The Kessel index fell 1.1%")."""
    def told(name: str) -> bool:  # (each name's mention read once a comparison)
        return index.once(("mentioned", name), lambda: names.mentioned(name, o_text))

    kinds = {_word_after(r_text, f.end): f.text for f in mine if f.kind == "name" and told(f.text)}
    kinds.pop("", None)
    if not kinds:
        return False
    return any(not names.same_name(kinds[after], f.text)
               for f in o_facts.get(rival.sentence, ()) if f.kind == "name"
               and (after := _word_after(o_text, f.end)) in kinds)


_NEXT_WORD_RE = re.compile(r"[^\S\n]+([a-z]{3,})\b")


def _word_after(text: str, end: int) -> str:
    """The lower-case word right after a name ("index" of "the Tarn index"), or ''."""
    m = _NEXT_WORD_RE.match(text, end)
    return m.group(1) if m else ""


def _toll_totals(by_sentence: Mapping[int, Sequence[Fact]], text: str,
                 index: FactIndex, published: dt.date | None) -> dict[str, Fact]:
    """The retelling's largest count of each toll: its total of the dead, the injured, the
    missing. Not a count told of another time ("the 2008 quake killed 87,000")."""
    totals: dict[str, Fact] = {}
    for facts in by_sentence.values():
        if _of_another_time(facts, index) and _dated_far(facts, index, published):
            continue  # ("the day after", a write-thru's own day, is the same event's time)
        for f in facts:
            if f.kind == "number" and isinstance(f.value, Quantity) and \
                    (toll := _toll(f, text)) is not None and (
                        toll not in totals or f.value.low > _low(totals[toll])):
                totals[toll] = f
    return totals


def _low(f: Fact) -> float:
    return f.value.low if isinstance(f.value, Quantity) else 0.0


def _dated_far(facts: Sequence[Fact], index: FactIndex, published: dt.date | None) -> bool:
    """A sentence dated FAR_DAYS or more from every date the original gives and from its
    publication day: another event's time, not the next day of the same story (with no date
    to compare, a date the original never gives is another time)."""
    told = [*index.days(), *([published] if published is not None else [])]
    return not told or any(isinstance(f.value, Interval) and f.value.start is not None
               and all(abs((f.value.start - d).days) >= FAR_DAYS for d in told)
               for f in facts if f.kind == "date")


FAR_DAYS = 60


def _toll_rival(b: Fact, toll: str, r_totals: Mapping[str, Fact], rival: Fact | None,
                index: FactIndex, o_text: str, r_names: Sequence[Fact],
                o_facts: Mapping[int, Sequence[Fact]]) -> tuple[str, Fact | None]:
    """How ``b``, a count of ``toll``, stands against the original's counts of it, given the
    ``rival`` found for it (None: none found): ("contradicted", the count it contradicts),
    ("supported", the count it restates) or ("unsupported", None).

    Totals are told against totals: where ``b`` is the retelling's total, against the
    original's total ("more than 400 injured" restates 459; 515 changes it). Where ``b`` is a
    part (the retelling counts more of the toll elsewhere, and not the same figure rounded),
    only ``rival`` counting the same part contradicts it: a part of the original's total, in a
    sentence naming a place ``b``'s sentence names."""
    o_counts = [a for a in _tolled(index, o_text).get(toll, ())
                if isinstance(a.value, Quantity) and getattr(b.value, "unit", None) ==
                a.value.unit and (not a.role or numbers.counts_people(a.role) or
                                  numbers.count_toll(a) is not None)]
    o_total = max((_low(a) for a in o_counts), default=0.0)
    value = b.value.high if isinstance(b.value, Quantity) else 0.0
    rival_part = rival is not None and isinstance(rival.value, Quantity) and \
        rival.value.high < o_total and _toll(rival, o_text) == toll
    total = r_totals.get(toll)
    if total is not None and value < _low(total) and not numbers.compatible(total, b) and \
            not numbers.bound_holds(b, total):
        # b is a part of the retelling's total
        named = [a for a in o_facts.get(rival.sentence, ()) if a.kind == "name"] \
            if rival is not None else []
        if rival_part and any(names.same_name(x.text, y.text) for x in r_names for y in named):
            return "contradicted", rival
        return "unsupported", None
    totals = [a for a in o_counts if _low(a) == o_total]
    said = next((a for a in totals if numbers.equivalent(a, b) or numbers.compatible(a, b)
                 or numbers.bound_holds(b, a)), None)
    if said is not None:
        return "supported", said
    if rival is None or rival_part:
        rival = next(iter(totals), rival)
    return ("contradicted", rival) if rival is not None else ("unsupported", None)


def _tolled(index: FactIndex, o_text: str) -> dict[str, list[Fact]]:
    """The original's figures by the toll they count (``_toll``), read once a comparison."""
    found = index.tolls
    if found is None:
        found = index.tolls = {}
        for a in index.by_kind.get("number", ()):
            if (toll := _toll(a, o_text)) is not None:
                found.setdefault(toll, []).append(a)
    return found


def _toll_swapped(b: Fact, backing: Sequence[Fact], r_text: str, o_text: str
                  ) -> tuple[str, str] | None:
    """(the retelling's toll, the original's) where a count is the original's figure of
    another toll, and the original counts nobody with that figure as the retelling's toll
    ("40 people died" / "40 people were injured"); None otherwise."""
    mine = _toll(b, r_text)
    if mine is None:
        return None
    tolls = {_toll(a, o_text) for a in backing}
    theirs = next(iter(tolls))
    if theirs is None or len(tolls) != 1 or theirs == mine:
        return None
    # "40 people were killed or hurt": one figure for both (up to the next figure: "killed 40
    # and injured 120" gives the injured their own)
    for a in backing:
        window = o_text[a.end:a.end + TOLL_AFTER_CHARS]
        window = window[:m.start()] if (m := _DIGIT.search(window)) else window
        if any(_TOLL_OF.get(w.casefold()) == mine for w in _VOCABULARY_RE.findall(window)):
            return None
    return mine, theirs


# Counted nouns that say people in a group: a count of them is a count of people too.
PEOPLE_GROUPS = frozenset({"crew", "staff", "personnel", "officer", "officers", "soldier",
                           "soldiers", "troops", "police", "official", "officials", "member",
                           "members", "worker", "workers", "resident", "residents"})
# What joins the parts of a sum: "two men and a woman", "180 passengers, six crew and a pilot".
_SUM_JOIN_RE = re.compile(r"[^\S\n]*(?:,[^\S\n]*(?:and[^\S\n]+|plus[^\S\n]+)?|"
                          r"[^\S\n]+(?:and|plus)[^\S\n]+)")
_AND_ONE_RE = re.compile(r"[^\S\n]*,?[^\S\n]+(?:and|plus)[^\S\n]+an?[^\S\n]+([a-z]+)\b")


SUM_PARTS_MAX = 6  # a sum has a few parts ("men, women and children"), not a table's column


def _of_people(role: str) -> bool:
    role = role.casefold()
    return role in PERSON_NOUNS or role in PEOPLE_GROUPS or "person" in lexicon.broader(role)


def _summed(b: Fact, index: FactIndex, o_text: str) -> list[Fact]:
    """The original's counts of people that add up to the retelling's count of people ("two
    men and a woman" for "three people", "180 passengers and six crew" for "186 people"): a
    summary's sum of what the original lists. The sums are read once, in one pass over the
    original's figures."""
    q = b.value
    if not (isinstance(q, Quantity) and q.low == q.high and q.unit is None and q.hedge is None
            and b.role and b.role.casefold() in PERSON_NOUNS | {"victim", "victims"}):
        return []
    if index.sums is None:
        index.sums = {}
        run: list[Fact] = []
        total = 0.0
        for a in index.by_kind.get("number", ()):
            qa = a.value
            # (a part is a kind of people: "40 people, 12 children among them" counts the
            # children twice, and is no sum)
            if not (isinstance(qa, Quantity) and qa.low == qa.high and qa.unit is None
                    and qa.hedge is None and a.role and _of_people(a.role)
                    and a.role.casefold() not in PERSON_NOUNS):
                run, total = [], 0.0
                continue
            if run and (len(run) == SUM_PARTS_MAX or a.role in {x.role for x in run}
                        or not _SUM_JOIN_RE.fullmatch(o_text, run[-1].end, a.start)):
                run, total = [], 0.0
            run.append(a)
            total += qa.low
            one = _AND_ONE_RE.match(o_text, a.end)  # "... and a woman"
            if one is not None and _of_people(one.group(1)):
                index.sums.setdefault(total + 1, list(run))
            if len(run) > 1:
                index.sums.setdefault(total, list(run))
    return index.sums.get(q.low, [])


def _hour_said(b: Fact, index: FactIndex, o_text: str) -> list[Fact]:
    """A dialogue's bare figures that give a whole-hour time of day's hour ("6? 9?" / "Let's
    say 9" for "at 9 pm"): people who talk say a time that way; an article writes "9 p.m."."""
    q = b.value
    if not (isinstance(q, Quantity) and q.unit == numbers.TIME and q.low == q.high
            and q.low % 60 == 0) or not speakers(o_text):
        return []
    hour = int(q.low // 60) % 12 or 12
    return [a for a in index.by_kind.get("number", ())
            if isinstance(a.value, Quantity) and not a.role and a.value.unit is None
            and a.value.hedge is None and a.value.low == a.value.high == hour
            and (_AT_BEFORE_RE.search(o_text, max(0, a.start - 16), a.start)
                 or _TIME_ASKED_RE.search(o_text, max(0, a.start - 80), a.start))]


# A bare figure is an hour where the talk is of time: after "at", "say", "make it" ("Let's
# say 9"), or after a question about time ("What time?" ... "9?"); "How many are coming?
# Probably 9" counts.
_AT_BEFORE_RE = re.compile(r"(?i)\b(?:at|say|make[^\S\n]+it|around|by|till|until)[^\S\n]+$")
_TIME_ASKED_RE = re.compile(r"(?i)\b(?:what[^\S\n]+time|when)\b[^?]{0,40}\?[^?]{0,40}$")


def _of_another_time(mine: Sequence[Fact], index: FactIndex) -> bool:
    """A retelling sentence that dates what it tells to a time the original never gives (a
    calendar date, not a vague or unresolved one): it tells of another event."""
    return any(f.kind == "date" and isinstance(f.value, Interval) and f.value.start is not None
               and not dates.vague(f) and f.note != dates.DATELINE_NOTE
               and not index.stating(f) and not index.same_day(f) for f in mine)


def _one_as_article(b: Fact, figures: Sequence[Fact], o_text: str) -> bool:
    """"1 police officer" (a headline's figure) where the original says "a police officer" and
    counts officers no other way ("three officers were hurt" makes "1 officer" a change): one,
    said with the article."""
    q = b.value
    if not (isinstance(q, Quantity) and q.low == q.high == 1 and not q.unit and b.role):
        return False
    if any(f.role == b.role for f in figures):
        return False
    return re.search(rf"(?i)(?<![\w-])an?[^\S\n]+(?:[a-z-]+[^\S\n]+)?{re.escape(b.role)}",
                     o_text) is not None


# One thing after another, as a story counts them in turn: "another officer", "a second
# police officer", "the other officer" (the counted noun, or an adjective and the noun: the
# first word is tried too, as in "another officer who").
_IN_TURN_RE = re.compile(
    r"(?i)(?<![\w-])(?:(another)|(?:a|the)[^\S\n]+(second|third|fourth|fifth)|the[^\S\n]+(other))"
    r"[^\S\n]+([a-z-]+)(?:[^\S\n]+([a-z]+))?\b")
_TURN_COUNTS = {"another": 2, "other": 2, "second": 2, "third": 3, "fourth": 4, "fifth": 5}


def _counted_in_turn(b: Fact, figures: Sequence[Fact], o_text: str) -> bool:
    """"Two officers" where the original tells of "a police officer" and then "another
    officer" (or "a second officer"), and counts officers with no figure: the count it states
    by telling them one after another. Only the count it reaches ("a third officer": three)."""
    q = b.value
    if not (isinstance(q, Quantity) and q.low == q.high and 2 <= q.low <= 5 and not q.unit
            and b.role):
        return False
    noun = meaning.stem(b.role.split()[-1])
    if _turn_counts(o_text).get(noun) != q.low:
        return False
    if any(f.role and meaning.stem(f.role.split()[-1]) == noun for f in figures):
        return False  # the original counts them in a figure: that is the evidence
    first = re.search(rf"(?i)(?<![\w-])(?:an?|one)[^\S\n]+(?:[a-z-]+[^\S\n]+)?"
                      rf"{re.escape(b.role.split()[-1][:len(noun)])}", o_text)
    return first is not None


@lru_cache(maxsize=8)
def _turn_counts(o_text: str) -> Mapping[str, int]:
    """How far the original counts each noun in turn (its stem -> 2 for "another officer", 3
    for "a third officer"): read once a text, not once a figure."""
    reached: dict[str, int] = {}
    for m in _IN_TURN_RE.finditer(o_text):
        count = _TURN_COUNTS[(m.group(1) or m.group(2) or m.group(3)).casefold()]
        # (the noun, or an adjective and the noun: "another officer who", "another police
        # officer")
        for word in (m.group(4), m.group(5)):
            if word:
                key = meaning.stem(word)
                reached[key] = max(reached.get(key, 0), count)
    return reached


def _a_count_of_people(b: Fact) -> bool:
    """A single figure, no unit, counting a kind of person ("two tourists", "three officers")."""
    q = b.value
    if not isinstance(q, Quantity) or q.low != q.high or q.unit or not b.role:
        return False
    role = b.role.casefold()
    return role in PERSON_NOUNS or numbers.counts_people(role)


# Between two names of one list: "David Miller, 24, and Hannah Witheridge", "Ada and Tom".
_NAMES_JOINED_RE = re.compile(r"(?:,[^\S\n]*\d{1,3})?[^\S\n]*(?:,[^\S\n]*(?:and[^\S\n]+)?|and[^\S\n]+|&[^\S\n]*)")


def _counts_names(b: Fact, names_of: Sequence[Fact], o_text: str) -> bool:
    """"The two tourists" counting the people the original names in one list ("the bodies of
    David Miller, 24, and Hannah Witheridge, 23"): the count stated by the names, not in a
    figure."""
    if not _a_count_of_people(b):
        return False
    # the lists of people's names (each a given name the census knows, or titled), whole
    people = [f for f in sorted(names_of, key=lambda f: f.start)
              if f.role == "person" or names.sex_of(f.text) is not None]
    runs: list[int] = []
    prev: Fact | None = None
    for f in people:
        joined = prev is not None and _NAMES_JOINED_RE.fullmatch(o_text, prev.end, f.start)
        runs = [*runs[:-1], runs[-1] + 1] if joined and runs else [*runs, 1]
        prev = f
    count = b.value.low  # type: ignore[union-attr]
    return count > 1 and count in runs


_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)[^\S\n]+$")


@lru_cache(maxsize=2)
def _has_capitals(text: str) -> bool:
    """A capital anywhere in ``text`` (asked of each figure: read once a text)."""
    return any(c.isupper() for c in text)


def _in_a_name(b: Fact, r_text: str, o_text: str) -> bool:
    """A figure that is a word of a name the original capitalises ("the league two club" /
    "League Two") in a retelling written in lower case, as many summaries are (a cased text's
    "the big three plants" counts plants)."""
    before = _WORD_BEFORE_RE.search(r_text, max(0, b.start - 40), b.start)
    word = b.text.split()[0] if b.text.split() else ""
    if before is None or not word.isalpha() or _has_capitals(r_text):
        return False
    pattern = re.compile(rf"\b{re.escape(before.group(1))}[^\S\n]+{re.escape(word)}\b",
                         re.IGNORECASE)
    return any(all(w[:1].isupper() for w in m.group().split())
               for m in pattern.finditer(o_text))


def _counts_list(b: Fact, o_text: str) -> bool:
    """"Four services" counting the items of a numbered list with as many, which names what
    it lists ("Our services:", or the word in its items): the original states the count by its
    list markers (no figures of their own), not in a figure. A list of other things ("three
    people" beside a list of three tips) states nothing."""
    q = b.value
    if not (isinstance(q, Quantity) and q.low == q.high and not q.unit and b.role):
        return False
    noun = meaning.stem(b.role)
    return any(n == q.low and noun in {meaning.stem(w) for _s, _e, w in
                                        meaning.content_words(o_text[start:end])}
               for n, start, end in numbers.numbered_lists(o_text))


# A count followed by the list it counts ("the four products - A, B, C and D -", "two
# towns: Harrow and Dunmore"): the list runs to the next dash, bracket, colon or sentence end.
_LIST_OPEN_RE = re.compile(r"[^\S\n]*(?:[-–—:(][^\S\n]*|,[^\S\n]*(?:such[^\S\n]+as|"
                           r"including|namely)[^\S\n]+)")
_LIST_END_RE = re.compile(r"[^\S\n][-–—][^\S\n]|[–—;:()\n]|[.!?](?:\s|$)")
_LIST_SPLIT_RE = re.compile(r"[^\S\n]*,[^\S\n]*(?:(?:and|or)[^\S\n]+)?|[^\S\n]+(?:and|or)[^\S\n]+")
_LIST_CLAUSE_END_RE = re.compile(r"[.;:\n]")
_AND_OR_RE = re.compile(r"[^\S\n](?:and|or)[^\S\n]")
LIST_ITEM_WORDS_MAX = 6
LIST_CHARS_MAX = 400  # how far after a count its list is read


def _apposed_list(text: str, pos: int) -> str | None:
    """The list set off by commas right after ``pos`` ("two towns, Harrow and Dunmore, were
    flooded": "Harrow and Dunmore"), up to the comma after its item joined by "and" or "or",
    or None. (Read segment by segment: a pattern with a repeated group of items backtracks
    exponentially over a long run of commas.)"""
    rest = text[pos:pos + LIST_CHARS_MAX]
    stripped = rest.lstrip(" \t")
    if not stripped.startswith(","):
        return None
    end = _LIST_CLAUSE_END_RE.search(stripped)
    segments = stripped[1:end.start() if end else len(stripped)].split(",")
    for k, segment in enumerate(segments):
        if _AND_OR_RE.search(f" {segment.strip()} "):
            return ",".join(segments[:k + 1]).strip()
    return None


_VOCABULARY_RE = re.compile(r"[^\W_]+")


def _listed_after(b: Fact, r_text: str) -> list[str] | None:
    """The items of the list a count spells out right after it, as many as it says, each a
    short phrase ("three products - A, B and C -"), or None. Whether the original uses their
    words is the caller's question: its vocabulary is read only when a list is found."""
    q = b.value
    if not (isinstance(q, Quantity) and q.low == q.high and 2 <= q.low <= 12 and not q.unit
            and b.role):
        return None
    opened = _LIST_OPEN_RE.match(r_text, b.end)
    listed: str | None
    if opened is not None and opened.end() > b.end:
        limit = min(len(r_text), opened.end() + LIST_CHARS_MAX)
        end = _LIST_END_RE.search(r_text, opened.end(), limit)
        listed = r_text[opened.end():end.start() if end else limit]
    else:
        listed = _apposed_list(r_text, b.end)
    if listed is None:
        return None
    items = [i.strip(" \"'“”‘’") for i in _LIST_SPLIT_RE.split(listed)]
    if len(items) != q.low or not all(items) or any(
            len(i.split()) > LIST_ITEM_WORDS_MAX for i in items):
        return None
    return items


def _range_support(b: Fact, index: FactIndex) -> list[Fact]:
    """Original figures that state ``b`` as part of a range, or a range ``b`` as two figures.

    "$90 million to $100 million" states "$90 million" as its lower bound; "between 3 and 5"
    is stated by a 3 and a 5 the extractor read apart.
    """
    q = b.value
    if not isinstance(q, Quantity) or q.unit == numbers.TALLY:
        return []  # (a tally's two figures are no range's bounds: "1-1" is not in "won 2-1")
    if q.low == q.high:
        # a bare figure one side of a result ("51 senators voted for" / "passed 51-49")
        tally = index.bounds(numbers.TALLY, q.low) if q.unit is None and q.hedge is None else []
        return tally[:1] or [a for a in index.bounds(q.unit, q.low)
                             if a.value.low != a.value.high][:1]  # type: ignore[union-attr]
    low, high = index.bounds(q.unit, q.low), index.bounds(q.unit, q.high)
    return [low[0], high[0]] if low and high else []


_LEADING = frozenset({"on", "in", "at", "by", "the", "a", "an", "of", "from", "since", "until"})


def _said_in(text: str, o_plain: str) -> bool:
    words = _plain(text).split()
    while words and words[0] in _LEADING:
        words = words[1:]
    return bool(words) and f" {' '.join(words)} " in o_plain


def _defined_acronyms(facts: Sequence[Fact], text: str) -> dict[str, Fact]:
    """The acronyms a text defines in brackets after a name, each with that name ("Bureau of
    Fire Protection (BFP)": BFP, by the initials of its capitalised words)."""
    found: dict[str, Fact] = {}
    for f in facts:
        if f.kind == "name" and (m := _DEFINED_RE.match(text, f.end)) is not None and \
                "".join(w[0] for w in f.text.split() if w[:1].isupper()) == m["acronym"]:
            found[m["acronym"]] = f
    return found


_DEFINED_RE = re.compile(r"[^\S\n]*\((?P<acronym>[A-Z]{2,6})\)")


def _short_forms(facts: Sequence[Fact], text: str) -> dict[tuple[int, int], Fact]:
    """The short form a text gives in brackets after a name, by the name's span, whatever its
    letters ("the Nationalist Movement Party (MHP)": an acronym of the name in its own
    language), as a fact of its own. A wire dateline's credit ("ISTANBUL (Reuters) -") is
    none."""
    found: dict[tuple[int, int], Fact] = {}
    for f in facts:
        if f.kind == "name" and len(f.text.split()) >= 2 and \
                (m := _DEFINED_RE.match(text, f.end)) is not None and \
                not _CREDIT_AFTER_RE.match(text, m.end()):
            found[(f.start, f.end)] = replace(
                f, start=m.start("acronym"), end=m.end("acronym"), text=m["acronym"],
                key=names.key_of(m["acronym"]), role="")
    return found


_CREDIT_AFTER_RE = re.compile(r"[^\S\n]*[-\u2013\u2014:]")


def _spelled_out(name: str, o_plain: str) -> bool:
    """An acronym whose words the original spells out ("NLU": natural language understanding,
    "YoY": year over year)."""
    letters = name.replace(".", "").removesuffix("s")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and names.acronym(letters)):
        return False
    return letters.casefold() in _initials(o_plain)


_IDENTIFIED_RE = re.compile(r"(?P<label>.*\S)\s+(?P<number>\d{1,2})")
_NUMBER_WORDS = {value: word for word, value in {**numbers.UNITS, **numbers.TEENS}.items()}


def _number_in_words(name: str, o_text: str) -> bool:
    """An identifier whose number the original writes in words ("Camp 3": "camp three")."""
    m = _IDENTIFIED_RE.fullmatch(name)
    if m is None or m["label"].split()[-1].casefold() not in IDENTIFIER_WORDS:
        return False
    word = _NUMBER_WORDS.get(int(m["number"]))
    return word is not None and names.mentioned(f"{m['label']} {word}", o_text)


def _headed_in(name: str, o_text: str) -> bool:
    """A place's or a building's name whose head the original writes in lower case after its
    first word ("Muan International Airport": "Muan airport", "Hualien County": "Hualien
    county")."""
    words = name.split()
    if len(words) < 2 or words[-1].casefold() not in _LOWER_HEADS or not words[0][:1].isupper() \
            or words[0].casefold() in _LOWER_HEADS:
        return False
    # the name's own words, with the modifiers of its head left out ("Muan International"
    # is "Muan"; "San Francisco" stays whole: "San Diego airport" backs nothing of it)
    core = [w for w in words[:-1] if w not in _HEAD_MODIFIERS] or words[:1]
    own = r"[^\S\n]+".join(re.escape(w) for w in core)
    return re.search(rf"(?<![\w-]){own}(?:[^\S\n]+\w+){{0,2}}?[^\S\n]+"
                     rf"{re.escape(words[-1].casefold())}(?![\w-])", o_text) is not None


def _with_its_city(name: str, o_text: str) -> bool:
    """A name the original writes without the city it is of, as clubs are named abroad
    ("Galatasaray Istanbul": "Galatasaray", "Bayern Munich": "Bayern"); a place alone is no
    such name ("Paris Berlin"), nor is a country ("Kim Jordan" is no Kim of Jordan)."""
    head = names.without_its_city(name)
    return bool(head) and names.mentioned(head, o_text)


_HEAD_MODIFIERS = frozenset({"International", "National", "Regional", "Municipal", "Central",
                             "Domestic", "Main", "Grand", "General"})


# Heads an original may write in lower case after a name ("Muan airport", "Hualien county"):
# the places' heads names.PLACE_HEADS knows, and others of news copy
_LOWER_HEADS = frozenset({h.casefold() for h in names.PLACE_HEADS} | {
    "airport", "port", "harbour", "harbor", "province", "city", "town", "village", "mountain",
    "lake", "dam", "stadium", "prison", "highway", "expressway", "township", "prefecture"})


def _abbreviated(name: str, o_text: str) -> bool:
    """A name of several words the original writes as its acronym, a word of its own in
    capitals ("Los Angeles": "LA", "New York City": "NYC", "Bank of England": "BOE" or "BE")."""
    words = name.split()
    if not 2 <= len(words) <= 6 or not all(w[:1].isalpha() for w in words):
        return False
    forms = {"".join(w[0] for w in words).upper(),
             "".join(w[0] for w in words if w[:1].isupper()).upper()}
    # (the letters are looked for first, as a plain substring: from its look-behind on, the
    # pattern would be tried at every character of the text)
    return any(2 <= len(f) <= 6 and f in o_text
               and re.search(rf"(?<![\w.]){f}(?!\w)", o_text) is not None for f in forms)


@lru_cache(maxsize=64)
def _initials(o_plain: str) -> str:
    return "".join(w[0] for w in o_plain.split())


def _plural_in(name: str, o_text: str) -> bool:
    """An acronym the original writes in the plural, or the other way round (CNN / CNNs,
    PhD / PhDs)."""
    bare = names.singular(name)
    if not (names.acronym(bare) and bare.isalpha()):
        return False
    # The pattern is tried only where the acronym occurs (a plain substring search): from its
    # look-behind on, the pattern would be tried at every character of a long text.
    pattern = re.compile(rf"(?<!\w){re.escape(bare)}s?(?!\w)")
    at = o_text.find(bare)
    while at >= 0:
        if pattern.match(o_text, at):
            return True
        at = o_text.find(bare, at + 1)
    return False




# Slot words two facts must share to be one slot by context alone.
CONTEXT_SHARED_MIN = 1


def _context_rival(b: Fact, module: FactKindModule, index: FactIndex, o_ctx: _Contexts,
                   mine: frozenset[str], among: list[Fact] | None = None) -> Fact | None:
    """An original fact of the same kind and unit in the same slot words, with another value."""
    # Only facts sharing a slot word can be the rival (CONTEXT_SHARED_MIN >= 1): the whole
    # original is read through its index of slot words.
    pool = index.free(among) if among is not None else \
        index.sharing(b.kind, o_ctx, mine) if CONTEXT_SHARED_MIN >= 1 else index.free_of_kind(b.kind)
    scored = []
    for a in pool:
        if a.kind != b.kind or module.equivalent(a, b) or module.slot_score(a, b) < SLOT_CLASH:
            continue
        if a.role and b.role and a.role != b.role:
            continue  # "two weeks" / "three months": different counted things
        if _held_apart(a, b, index):
            continue
        shared = len(o_ctx.of(a) & mine)
        if shared >= CONTEXT_SHARED_MIN:
            scored.append((shared, module.slot_score(a, b), -a.start, a))
    return max(scored, key=lambda t: t[:3])[3] if scored else None


# A figure stated elsewhere for the same counted noun yields to the evidence's other figure
# for that noun when the evidence's shares this many of the retelling's slot words (the
# value stated elsewhere shares none of them).
COUNTED_SHARED_MIN = 2


def _counted_otherwise(b: Fact, module: FactKindModule, index: FactIndex, ev_facts: list[Fact],
                       o_ctx: _Contexts, mine: frozenset[str]) -> Fact | None:
    """The evidence's figure of the same counted noun as ``b``, with another value, in the
    retelling's slot words."""
    if not (ev_facts and b.role):
        return None
    rival = _context_rival(b, module, index, o_ctx, mine, among=ev_facts)
    if rival is None or rival.role != b.role or len(o_ctx.of(rival) & mine) < COUNTED_SHARED_MIN:
        return None
    compatible = getattr(module, "compatible", None)
    return None if compatible is not None and compatible(rival, b) else rival


def _counted_elsewhere(b: Fact, module: FactKindModule, fits: list[Fact], index: FactIndex,
                       o_ctx: _Contexts, mine: frozenset[str]) -> Fact | None:
    """The original's figure for ``b``'s counted noun, where the original states ``b``'s value
    (``fits``) only of other counted nouns ("only 10 people collected plastic" where it says
    "twenty-five people" collected it and "ten bags" were filled): found anywhere through the
    slot words it shares with the retelling's, with another value."""
    # (every one of another noun, or a bare figure said in another slot: a bare figure may
    # count this noun, its noun left out, as "killed 40 people and injured 120" counts 120
    # people, where it shares more of the slot's words than the figure for the noun does, or
    # as many in the noun's own sentence; "only four of those run after midnight" does not
    # back "opened with 4 buses" where the opening showed off "twelve buses")
    relations = [numbers._role_relation(a, b) for a in fits]
    if any(relation in ("same", "partial") and a.role != numbers.TALLY
           for a, relation in zip(fits, relations)):
        return None  # the original counts this noun with this figure ("two stages")
    # (a score names no counted thing: "2-0" is the score of whichever match its words tell)
    bare = [a for a, relation in zip(fits, relations) if relation != "differ"]
    if bare and not mine:
        return None
    rival = _context_rival(b, module, index, o_ctx, mine)
    if rival is None or rival.role != b.role or getattr(rival.value, "unit", None) != getattr(
            b.value, "unit", None):
        return None
    theirs = len(o_ctx.of(rival) & mine)
    if any(len(o_ctx.of(a) & mine) > theirs
           or a.sentence == rival.sentence and len(o_ctx.of(a) & mine) == theirs for a in bare):
        return None
    compatible = getattr(module, "compatible", None)
    return None if compatible is not None and compatible(rival, b) else rival


def _rival(b: Fact, module: FactKindModule, ev_facts: list[Fact], index: FactIndex, *,
           sole: bool) -> Fact | None:
    """The original fact that gives another value in ``b``'s slot by the kind's slot score."""
    del sole
    local_min = NAME_EVIDENCE_SLOT_MIN if b.kind == "name" else SLOT_MIN
    local = _best_in_slot(b, module, index, [a for a in index.free(ev_facts)
                                             if a.kind == b.kind and not module.equivalent(a, b)
                                             and not _held_apart(a, b, index)],
                          local_min)
    if local is not None:
        return local
    if b.kind in ("attribution", "quote"):
        return None  # their slot scores say "alike", not "same slot": only locally meaningful
    far = index.far_rival(b, module, GLOBAL_SLOT_MIN)
    return None if far is not None and _held_apart(far, b, index) else far


def _a_day_never_named(b: Fact, index: FactIndex) -> bool:
    """``b`` names a part of the calendar ("July", "May 3"), as the original does for its own
    dates, and the original never names ``b``'s."""
    return dates.on_calendar(b) and bool(index.calendar_dates()) and not index.same_day(b)


def _dates_of_two_things(a: Fact, b: Fact, o_ctx: _Contexts, r_ctx: _Contexts,
                         evidence: AbstractSet[int] = frozenset()) -> bool:
    """``a`` and ``b`` are dates of two things: their clauses share no slot word and their
    sentences no name ("two people died in the protests last week" / "the governor is
    expected to sign the bill this week"), or one is the day a statement was made and the
    other the day of an event (``_statement_and_event``). A date's slot score reads only the
    calendar (two weeks are alike), so in the evidence of a sentence that tells something new
    it would pair any two dates of one size. So are two times of day ("the march starts at
    2 pm" / "the rail stoppage will begin at 20:00"). (A sentence told in other words still
    names what it tells of: "the bridge in Hallam collapsed on Tuesday" / "the span in Hallam
    gave way on Wednesday". Not other figures: a sentence of figures puts several values
    beside each other, and their counted nouns tell their slots.)"""
    if a.kind != b.kind or a.kind not in ("date", "number") or a.kind == "number" and not (
            _clock_time(a) and _clock_time(b)):
        return False
    mine = r_ctx.of(b)
    if a.kind == "number":
        # (a time of day in a sentence told in other words still shares a word with it: "held
        # ... shortly after midnight by police officers" / "officers ... moved to arrest him
        # about 1 a.m."; and one of the aligned sentence is its time however told: "Kick-off
        # is at 3 pm" / "The match begins at 5 pm")
        return bool(mine) and id(a) not in evidence and not o_ctx.of(a) & mine and not (
            _sentence_stems(o_ctx, a) & _sentence_stems(r_ctx, b))
    return bool(mine) and not o_ctx.of(a) & mine and not (
        o_ctx.sentence_names(a) & r_ctx.sentence_names(b)) or \
        _statement_and_event(a, b, o_ctx, r_ctx)


def _sentence_stems(ctx: _Contexts, f: Fact) -> frozenset[str]:
    s = ctx.sentences.get(f.sentence)
    return frozenset(meaning.stem(w) for _a, _e, w in meaning.content_words(s.text)) \
        if s is not None else frozenset()


def _clock_time(f: Fact) -> bool:
    """A time of day ("2 pm", "20:00"): like a date, it tells when something happens, and two
    of them are the times of two things where their clauses share no word."""
    return isinstance(f.value, Quantity) and f.value.unit == "time"


def _statement_and_event(a: Fact, b: Fact, o_ctx: _Contexts, r_ctx: _Contexts) -> bool:
    """One date is the day a statement was made and the other the day of an event its
    sentence tells with no statement ("caused 14 deaths, officials said Thursday" / "battered
    the port on Wednesday")."""
    if a.kind != "date" or b.kind != "date":
        return False
    for x, x_ctx, y, y_ctx in ((a, o_ctx, b, r_ctx), (b, r_ctx, a, o_ctx)):
        told = y_ctx.sentences.get(y.sentence)
        if dates.stated_on(x, x_ctx.text) and not dates.stated_on(y, y_ctx.text) and (
                told is None or not dates.reports(told.text)) and not dates.told_later(y, x):
            return True
    return False


def _held_apart(a: Fact, b: Fact, index: FactIndex) -> bool:
    """``b`` is a figure a name holds ("Party Delta had 10.6%") and ``a`` one no name holds, in
    a sentence that never names that one ("turnout was put at 86.8%"): another's figure, no
    rival of it. So is the time of another event ("reached the wreck at 9:46 a.m." / "left
    port at 2 a.m.")."""
    if b.kind == "number" and a.kind == "number" and (
            numbers.events_differ(a, b) or numbers.measures_apart(a, b)):
        return True
    if b.kind == "number" and a.kind == "number" and (place := numbers.place_of(b)) and \
            (theirs := numbers.place_of(a)) and theirs.split()[0] != place.split()[0] and \
            not index.names_place(place):
        # "1,647 died in the Kell district" / "1,602 died in Vester": a count of a place the
        # original never names, which no count of another place contradicts (the place is
        # itself reported, as a name the original does not mention; "Amritsar MC" is the
        # original's "Amritsar")
        return True
    forms = numbers.holder_of(b) if b.kind == "number" else ()
    if not forms or numbers.holder_of(a):
        return False
    return not any(names.same_name(n.text, h) for n in index.names_in(a.sentence) for h in forms)


def _calendar_days(first: str, last: str) -> Iterator[str]:
    """The days ("MM-DD") from ``first`` to ``last`` in a leap year's calendar (a part of the
    calendar a date names never runs over the year's end: see ``dates.calendar_parts``)."""
    at, end = (dt.date(2000, int(d[:2]), int(d[3:])) for d in (first, last))
    while at <= end:
        yield at.strftime("%m-%d")
        at += dt.timedelta(days=1)


def _comparable_rival(b: Fact, module: FactKindModule, ev_facts: list[Fact], index: FactIndex
                      ) -> Fact | None:
    """The date that can be compared with ``b`` and gives another time in its slot, where the
    best rival could not be compared with it: in the evidence by the kind's slot score, as
    ``_rival`` reads it, or else, for a resolved date, a resolved one anywhere in the original
    at the whole text's floor ("the year-ago quarter" and "in November" are too loose to be
    sought that far)."""
    def comparable(a: Fact) -> bool:
        return a.kind == "date" and not module.equivalent(a, b) \
            and not dates.incomparable(a, b) and not dates.compatible(a, b)

    def resolved(a: Fact) -> bool:
        return isinstance(a.value, Interval) and a.value.start is not None

    far = [a for a, _rank in index.far_candidates(b, GLOBAL_SLOT_MIN) if resolved(a)] \
        if resolved(b) else []  # two calendar dates only: a year, a day of a year
    for pool, floor in ((index.free(ev_facts), SLOT_MIN), (far, GLOBAL_SLOT_MIN)):
        found = _best_in_slot(b, module, index, [a for a in pool if comparable(a)], floor)
        if found is not None:
            return found
    return None


def _best_in_slot(b: Fact, module: FactKindModule, index: FactIndex, pool: Iterable[Fact],
                  floor: float) -> Fact | None:
    """The fact of ``pool`` with the best slot score for ``b``, at least ``floor`` (ties: the
    first in the text)."""
    scored = [(index.score(module, a, b), -a.start, a) for a in pool]
    kept = [t for t in scored if t[0] >= floor]
    return max(kept, key=lambda t: (t[0], t[1]))[2] if kept else None


# At most this many words between two mentions of one name for the sentence to pair the name
# with itself ("Wexley beat Wexley 2-0"); a list's commas, a colon, a
# bracket or a full stop between them ("Zara Phillips, wife of ...") are no such pairing.
SELF_PAIR_WORDS = 6
# ... and a contest's two sides stand in one clause: a name this far back pairs with neither
# (it keeps a very long sentence from pairing every repeated name with every other)
SELF_PAIR_CHARS = 400
_SELF_PAIR_BREAK_RE = re.compile(r"[,;:.!?()\[\]]")


# A word of a contest or a deal right before a name: the name is the other side ("a win over",
# "beat", "lost to", "legal action against", "took over", "bought").
_CONTEST_BEFORE_RE = re.compile(
    r"(?i)\b(?:beat|beats|beating|beaten|defeated|defeats|defeating|thrashed|edged|overcame|"
    r"(?:win|wins|won|victory|triumph)\s+(?:over|against)|against|versus|vs\.?|"
    r"(?:lost|loses|losing|loss|defeat)\s+to|(?:draw|drew|drawn)\s+with|sued|sues|suing|"
    r"(?:take|takes|took|taken|taking)\s+over|takeover\s+of|acquire|acquired|acquires|acquiring|"
    r"buy|bought|buys|buying|(?:merge|merged|merges|merging)\s+with)"
    r"\s+(?:the\s+)?$")
CONTEST_CUE_CHARS = 30
_CONTEST_BREAK_RE = re.compile(
    r"[,;:.!?()\[\]\u2013\u2014]|\s-\s|\b(?:and|but|while|whereas|when|as|then|later|days?|"
    r"weeks?)\b", re.IGNORECASE)
# A relative clause set off by commas belongs to the name before it ("Rovers, who moved top
# on Sunday, beat Rovers"): the break test reads past it.
_RELATIVE_RE = re.compile(r",\s*(?:who|which|whose)\b[^,;:.!?]*,", re.IGNORECASE)
# A name that only qualifies the noun after it ("Rovers fans", "Rovers' owners").
_PARTY_OF_RE = re.compile(
    r"\s+(?:fans?|supporters?|players?|owners?|officials?|staff|bosses|boss|coach|manager|"
    r"chairman|striker|forward|defender|midfielder|goalkeeper|academy|shareholders?|investors?|"
    r"employees?|workers?|customers?)\b", re.IGNORECASE)
_FORMER_BEFORE_RE = re.compile(r"(?i)\b(?:former|ex-?|one-time)\s*$")
_POSSESSIVE_AFTER_RE = re.compile(r"['’]s?\b")
_PLACE_LINK_RE = re.compile(r"(?i)\s+(?:in|at|on|near|of|inside|outside)(?:\s+the)?\s+")


def _adjective_name(text: str) -> bool:
    """A one-word name WordNet reads as an adjective too: a nationality ("Scottish", "Iraqi")."""
    return " " not in text.strip() and any(p == "a" for _l, p in lexicon.lemmas(text.casefold()))


def _named_twice(b: Fact, mine: Sequence[Fact], r_text: str, r_sentence: str,
                 ev_facts: Sequence[Fact], o_text: str, o_sent: dict[int, Sentence]
                 ) -> tuple[str, Fact] | None:
    """(the retelling's words, a name the original gives beside it) where name ``b`` is the
    second of two mentions of one name, written alike ("Ardent and Ardent Pro" are two), a few
    words apart in its sentence, so the sentence pairs the name with itself ("Vantor Labs is
    suing Vantor Labs"), and the evidence names another party. A summariser's
    slip: the original never pairs the name with itself so."""
    # The other side of a contest ("win over", "beat", "against") is another party however far
    # from the first mention: "Corby Rovers moved top after a narrow victory over Corby Rovers".
    contest = _CONTEST_BEFORE_RE.search(r_text, max(0, b.start - CONTEST_CUE_CHARS), b.start)
    if contest is not None and (
            _POSSESSIVE_AFTER_RE.match(r_text, b.end)  # "against Rovers' owners"
            # another party right before the cue is the contest's own side ("helped Brentford
            # beat Arsenal")
            or any(f.kind == "name" and f.end <= contest.start()
                   and f.text.casefold() != b.text.casefold()
                   and not r_text[f.end:contest.start()].strip() for f in mine)):
        contest = None

    def contest_pair(a: Fact) -> bool:
        """``a`` opens the contest's clause as its own party: not cut off from it, not
        something of it ("Rovers' former striker", "Rovers fans"), not itself a contest's other
        side ("beat Leeds, their eighth win against Leeds")."""
        return contest is not None and not _CONTEST_BREAK_RE.search(
            _RELATIVE_RE.sub(" ", r_text[a.end:b.start])) \
            and not _POSSESSIVE_AFTER_RE.match(r_text, a.end) \
            and not _PARTY_OF_RE.match(r_text, a.end) \
            and not _FORMER_BEFORE_RE.search(r_text, max(0, a.start - 12), a.start) \
            and not _CONTEST_BEFORE_RE.search(r_text, max(0, a.start - CONTEST_CUE_CHARS),
                                              a.start)

    first = next((a for a in mine if a.kind == "name" and a.end <= b.start
                  and b.start - a.end <= SELF_PAIR_CHARS
                  and a is not b and a.text.casefold() == b.text.casefold()
                  and (contest_pair(a)
                       or len(r_text[a.end:b.start].split(None, SELF_PAIR_WORDS)) <= SELF_PAIR_WORDS
                       and not _SELF_PAIR_BREAK_RE.search(r_text, a.end, b.start)
                       # another name between: the sentence pairs each with that one ("Nora
                       # Pike and Tom Hale met in Leeds, where Nora Pike grew up"); a
                       # nationality is no party ("Carden and Welsh minister Carden")
                       and not any(f.kind == "name" and a.end <= f.start and f.end <= b.start
                                   and not _adjective_name(f.text) for f in mine))), None)
    if first is None or _POSSESSIVE_AFTER_RE.match(r_text, first.end) \
            and _POSSESSIVE_AFTER_RE.match(r_text, b.end):
        return None  # a list of one party's things ("Hale's first novel and Hale's second")
    if _PLACE_LINK_RE.fullmatch(r_text, first.end, b.start):
        return None  # a place said twice ("in Leeds at Leeds"): repeated, not paired
    words = r_text[first.start:b.end]
    if " ".join(words.split()).casefold() in " ".join(o_text.split()).casefold():
        return None  # the original's own words
    if re.search(rf"(?i)\b{re.escape(b.text)}\b(?:\W+\w+){{0,{SELF_PAIR_WORDS}}}?\W+"
                 rf"{re.escape(b.text)}\b", o_text):
        return None  # the original says it so too
    folded = r_sentence.casefold()
    said = [m.start() for m in re.finditer(rf"(?i)\b{re.escape(b.text)}\b", o_text)]

    def nearness(a: Fact) -> tuple[bool, int]:
        # a party the retelling's sentence leaves out first (the one it replaced), then the
        # nearest to the original's own mention of the name in one sentence
        sentence = o_sent.get(a.sentence)
        gaps = [abs(at - a.start) for at in said
                if sentence is not None and sentence.start <= at < sentence.end]
        return a.text.casefold() in folded, min(gaps, default=len(o_text))

    others = [a for a in ev_facts if a.kind == "name" and not names.same_name(a.text, b.text)]
    if len(words.split()) > SELF_PAIR_WORDS + 2:  # (quoted as its two ends)
        tail = r_text[contest.start() if contest else first.end:b.end]
        words = f"{first.text} … {' '.join(tail.split())}"
    return (words, min(others, key=nearness)) if others else None


def _given_name_added(b: Fact, backing: list[Fact], o_text: str, r_text: str) -> str | None:
    """The first name a retelling gives a person the original calls only by a surname
    ("Jeremy Clarkson" where the original says "Clarkson", 30, ... throughout), or None.

    The surname backs the person; the first name is the retelling's own, and a wrong one is
    another person (a summariser's favourite slip). Common words before the name ("Striker")
    are no first names, nor are initials; a name with a title is left alone; a first name the
    original writes anywhere (a byline, a caption) is its own.
    """
    if b.kind != "name" or not backing:
        return None
    words = b.text.split()
    # the surname may be of several words ("van Dijk", "de la Cruz")
    size = len(backing[0].text.split())
    if len(words) <= size or any(len(a.text.split()) != size for a in backing):
        return None
    surname = " ".join(words[-size:]).casefold()
    given = words[:-size]
    title = _WORD_BEFORE_RE.search(r_text, max(0, b.start - 40), b.start)
    if any(a.text.casefold() != surname for a in backing) or any(
            w.strip(".,").capitalize() in names.TITLES
            for w in [*given, *(title.groups() if title else ())]):
        # a title names an office or a rank ("President Donald Trump", "Judge Jesse M. Furman"):
        # its holder's full name is a matter of record, not the retelling's guess
        return None
    for word in given:
        bare = word.strip(".,")
        if len(bare) <= 2 or not bare.isalpha() or (
                lexicon.lemmas(bare) and not lexicon.name_sense(bare)):
            continue  # an initial, a common word ("Striker Jeremy Clarkson")
        if re.search(rf"(?<![^\W_]){re.escape(bare)}(?![^\W_])", o_text, re.IGNORECASE):
            continue
        return bare
    return None


_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\.?[ \t\u00a0]+$")


def _other_given_name(b: Fact, backing: list[Fact], index: FactIndex) -> Fact | None:
    """The original's full name of the person ``b`` names with another given name ("Mary
    Chepkoech" where the original writes "Faith Chepkoech", then "Chepkoech"): ``b`` is backed
    only by a shorter form, which the original also writes in full, otherwise. A full form with
    a title ("Ms Chepkoech") or an initial is no other given name, nor is a surname said twice
    ("chepkoech chepkoech")."""
    words = b.text.split()
    if b.kind != "name" or len(words) < 2 or not backing \
            or any(len(a.text.split()) >= len(words) for a in backing):
        return None
    first = words[0].strip(".,")
    if len(first) <= 2 or first.casefold() == words[-1].casefold() \
            or first.capitalize() in names.TITLES or (
            lexicon.lemmas(first) and not lexicon.name_sense(first)):
        return None  # an initial, a title or a common word before the name
    longest = max(len(a.text.split()) for a in backing)
    shorter = {x.text: x for x in backing}  # (a surname backing it ten times is one test)
    return next((a for a in index.naming_alike(shorter.values())
                 if len(a.text.split()) > longest
                 and len(a.text.split()[0].strip(".,")) > 2
                 and a.text.split()[0].strip(".,").capitalize() not in names.TITLES
                 and any(names.same_name(a.text, x) for x in shorter)
                 and not names.same_name(a.text, b.text)
                 and names.could_be_person(a.text)), None)  # ("Uganda Airways": no person)


def _detail(status: str, b: Fact, backing: list[Fact]) -> str:
    module = MODULES[b.kind]
    if status == "supported":
        return f"The original states '{b.text}'." if not backing else \
            f"The original states it ('{backing[0].text}')."
    if status == "contradicted":
        return module.explain(backing[0], b) + " The original gives another value in this slot."
    if b.kind == "attribution":  # the claim may be there; its source is not
        return (f"The retelling attributes this to {attributions._who(b)}; the original never "
                f"cites this source.")
    return module.explain(None, b).rstrip(".") + "; the original does not state it anywhere."


# A retelling of an opinion piece credits it to its writer ("Halvorsen says", "the writer
# believes"): that is where the original's claims come from, not a source it never cites.
_WRITER_RE = re.compile(r"(?:the|this|our|its)\s+(?:writer|author|columnist|commentator|essayist)",
                        re.IGNORECASE)


def _by_author(b: Fact, author: str, ev_facts: Sequence[Fact]) -> bool:
    """Whether attribution ``b`` credits the original's own writer: its author by name, or "the
    writer" where the closest evidence sentence (its facts ``ev_facts``) credits the claim to no
    one else."""
    speaker = (b.note or b.key).strip()
    if author and attributions.same_speaker(author, speaker):
        return True
    return _WRITER_RE.fullmatch(speaker) is not None and not any(
        f.kind == "attribution" for f in ev_facts)


# A gendered honorific before a name: the same surname with the other one ("Mr. Johnson" /
# "Mrs. Johnson") is another person (a wife for her husband) or a mistaken gender. Names are
# extracted without their titles, so the two sides' names alone read the same.
HONORIFIC_GENDER = {
    "mr": "m", "sir": "m", "lord": "m", "monsieur": "m", "herr": "m",
    "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "madame": "f", "mme": "f",
    "mlle": "f", "frau": "f",
}
_TITLES = "|".join(sorted({t.capitalize() for t in HONORIFIC_GENDER} | {"MR", "MRS", "MS"},
                          key=len, reverse=True))
_TITLE_BEFORE_RE = re.compile(rf"(?<![\w])((?:{_TITLES})\.?)[ \t\u00a0]+$")


def _title_before(text: str, start: int) -> tuple[str, int] | None:
    """The gendered honorific right before ``start`` ("Mrs." of "Mrs. Johnson"), with its start."""
    m = _TITLE_BEFORE_RE.search(text, max(0, start - 12), start)
    return (m.group(1), m.start()) if m else None


def _titled_mentions(o_text: str, surname: str) -> list[tuple[str, int, int]]:
    """(honorific, start, end) of every "Mr [first name] Surname" of the original."""
    pattern = re.compile(rf"(?<![\w])((?:{_TITLES})\.?)[ \t\u00a0]+(?:[A-Z][\w'’-]*[ \t\u00a0]+)"
                         rf"{{0,2}}{re.escape(surname)}(?![\w])")
    return [(m.group(1), m.start(), m.end()) for m in pattern.finditer(o_text)]


def _honorific_changes(r_names: Sequence[Fact], r_text: str, o_text: str,
                       titled: dict[str, list[tuple[str, int, int]]]) -> list[Change]:
    """A supported name whose honorific's gender the original never gives it."""
    out = []
    for b in r_names:
        said = _title_before(r_text, b.start)
        if said is None or not b.text.split():
            continue
        title, at = said
        surname = b.text.split()[-1]
        if surname not in titled:
            titled[surname] = _titled_mentions(o_text, surname)
        mentions = titled[surname]
        genders = {HONORIFIC_GENDER[t.rstrip(".").casefold()] for t, _s, _e in mentions}
        if not genders or HONORIFIC_GENDER[title.rstrip(".").casefold()] in genders:
            continue
        theirs, a0, a1 = mentions[0]
        ev = Excerpt.of(o_text, a0, a1)
        out.append(Change(
            kind="name", status="changed", original=ev, retelling=Excerpt.of(r_text, at, b.end),
            detail=(f"The original calls {surname} '{theirs}', the retelling '{title}': another "
                    f"person, or the wrong gender."),
            severity="high", grounding="contradicted", evidence=(ev,)))
    return out


def verdict_counts(verdicts: Sequence[SentenceVerdict]) -> dict[str, int]:
    """How many retelling sentences got each verdict (every verdict listed, zeros included)."""
    counts = dict.fromkeys(VERDICTS, 0)
    for v in verdicts:
        counts[v.verdict] += 1
    return counts


# Who did what: a name directly before a content word is its doer ("Smith beat"), directly
# after it its object ("beat Jones"), with at most ROLE_GAP function words between and no
# punctuation. A passive or a list in the gap ("was beaten by", "Smith and") changes or blurs
# the role: no reading then.
ROLE_GAP = 2
ROLE_BREAK = frozenset({"by", "was", "were", "is", "are", "been", "being", "be", "and", "or",
                        "nor", "but", "than", "to", "whom", "who", "which", "that"})
_GAP_WORD_RE = re.compile(r"[A-Za-z'’]+")


# A doer is followed by its verb, perhaps an auxiliary or adverb ("has also"), never a
# preposition ("Arsenal in the cup" is not Arsenal doing "cup").
PREPOSITIONS = frozenset({"in", "at", "on", "of", "for", "from", "with", "into", "over", "under",
                          "about", "after", "before", "during", "against", "between", "through",
                          "as", "near", "since", "until", "upon", "within", "without", "per"})


def _gap_ok(gap: str, *, doer: bool = False) -> bool:
    words = gap.split()
    if len(words) > ROLE_GAP or any(not _GAP_WORD_RE.fullmatch(w) for w in words):
        return False  # too far, or punctuation between
    return all(w.casefold() in meaning.STOP and w.casefold() not in ROLE_BREAK
               and not (doer and w.casefold() in PREPOSITIONS)
               or w in ("'s", "’s") for w in words)


def _roles(text: str, offset: int, name_facts: Sequence[Fact]) -> list[tuple[Fact, str, str]]:
    """(name, "doer" | "object", the stem of the content word) for each name in a role."""
    spans = [(f.start - offset, f.end - offset) for f in name_facts]
    in_names = {k for x, y in spans for k in range(x, y)}  # a name's letters
    words = [(a, e, w) for a, e, w in meaning.content_words(text)
             if w[:1].islower() and a not in in_names]
    # (the words follow each other, so their starts and ends both ascend: the first word after
    # a name and the last before it are found by bisection)
    starts, ends = [a for a, _e, _w in words], [e for _a, e, _w in words]
    out = []
    for f, (x, y) in zip(name_facts, spans):
        k = bisect.bisect_left(starts, y)  # the first word starting at or after the name's end
        if k < len(words) and _gap_ok(text[y : words[k][0]], doer=True) \
                and not text[words[k][1] :].lstrip().lower().startswith("by "):
            out.append((f, "doer", meaning.stem(words[k][2])))
        k = bisect.bisect_right(ends, x) - 1  # the last word ending at or before its start
        if k >= 0 and _gap_ok(text[words[k][1] : x]):
            out.append((f, "object", meaning.stem(words[k][2])))
    return out


def _role_changes(r_text: str, r_offset: int, r_names: Sequence[Fact],
                  evidence: Sequence[tuple[str, int, Sequence[Fact]]]) -> list[tuple[Fact, Fact, str]]:
    """(retelling name, original name, role word) where the evidence swaps two names' roles.

    "Jones beat Smith" against "Smith beat Jones": the same content word, another name in the
    retelling name's doer or object slot, and the retelling's name in the opposite slot of
    that word in the same evidence sentence.
    """
    if not r_names or not evidence:
        return []
    out: list[tuple[Fact, Fact, str]] = []
    done: set[tuple[int, int]] = set()
    r_roles = _roles(r_text, r_offset, r_names)
    # A swap needs a word with a named doer and a named object in the retelling sentence: most
    # sentences have none, and the evidence is not read at all.
    both = {w for _b, r, w in r_roles if r == "doer"} & {w for _b, r, w in r_roles if r == "object"}
    if not both:
        return []
    ev_roles = [(o_names, _roles(text, off, o_names)) for text, off, o_names in evidence]
    for b, role, word in r_roles:
        if (b.start, b.end) in done or word not in both:
            continue
        rival: Fact | None = None
        for o_names, roles in ev_roles:
            holders = [a for a, r, w in roles if r == role and w == word]
            if not holders:
                continue
            if any(_same(a, b) for a in o_names):
                # The evidence sentence names it too. Only in the opposite role of the same word
                # is that a swap ("Smith beat Jones" / "Jones beat Smith"); elsewhere a reading
                # this shallow cannot tell ("Smith, Brown's ally, beat"): nothing to report.
                swapped = not any(_same(a, b) for a in holders) and any(
                    r != role and w == word and _same(a, b) for a, r, w in roles)
                rival = holders[0] if swapped else None
                break
            # Another name in the slot and the retelling's name nowhere in that sentence
            # ("Green resigned" / "Brown resigned") is not reported: on the development data
            # it was as often a summary merging two sentences as a wrong actor.
        # Both names moved: the evidence's holder of this slot is in the other slot here
        # ("Y can save with X" against "X can save Y" is no swap of "save"'s roles).
        if rival is not None and anchors_.distinct(b, rival) and any(
                r != role and w == word and _same(x, rival) for x, r, w in r_roles):
            out.append((b, rival, word))
            done.add((b.start, b.end))
    return out


def _same(a: Fact, b: Fact) -> bool:
    return a.key == b.key or names.same_name(a.text, b.text)


def _same_figure(a: Fact, b: Fact) -> bool:
    """``b`` is ``a``'s figure written bare: the same value, its unit or hedge left out
    ("2,100" for "£2,100", "320,000" for "more than 320,000"). Adding a unit is not this."""
    x, y = a.value, b.value
    if a.kind != "number" or b.kind != "number":
        return False
    if not isinstance(x, Quantity) or not isinstance(y, Quantity):
        return False
    return (x.low, x.high) == (y.low, y.high) and (y.unit is None or y.unit == x.unit) and \
        not numbers.changes_differ(a, b) and \
        not numbers.hedges_clash(x, y)  # a rise told as a fall is no figure left bare, nor
    # "almost 300" the bare form of "more than 300"
