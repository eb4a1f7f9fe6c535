"""Aligned pairs + facts -> changes. Pure: no I/O, no state.

Inside each aligned pair, the facts of one kind are matched in rounds:

1. facts that state the same thing however written (``equivalent``): *same*;
2. leftovers that fill the same slot (``slot_score``, best total by optimal assignment):
   *changed*; when exactly one fact is left on each side, the alignment itself pairs them;
3. a leftover whose value the other side states with another hedge or unit ("at least 34"
   / "34", when a headline repeats the bare figure) is *changed*, even if its partner was
   matched in round 1;
4. same facts whose surrounding words say they traded places ("to 4% from 5%" / "to 5% from
   4%") are *changed* (swapped).

What is left is *dropped* or *added*, unless the other text states it somewhere else (moved,
not lost). Facts in added sentences that the original states nowhere are unsupported
additions: in a summary, most of the original is dropped by design, and the unsupported facts
are the finding. A change whose two facts do not contradict each other (``compatible``: a
rounded figure, a narrower date) is reported with low severity.

A flag never contradicts the evidence it shows: nothing is reported inside a verbatim pair
(except a relative date counted from two publication dates), no change has two sides that read
the same, a sentence repeated on one side (a teaser) states its facts once and is never diffed
against another sentence than its twin, page clutter (``boilerplate`` sentences) is never a
source of facts, and one difference is reported once (a new, lost or swapped speaker as its
attribution or quotation change, not also as names in its reporting clause; a quotation that
lost its speaker is one quote change). A name is still there when the other passage writes it
in lower case, glued to the next word, spelled out or as an acronym, or replaced by a singular
pronoun, a subject "it" (a name that is no person's) or a definite description in its slot
("on the site"). A "(see ...)" cross-reference states no facts.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from retold import lexicon, meaning
from retold.align import Alignment
from retold.facts import attributions, dates, names, negation, numbers, qualifiers, quotes
from retold.facts.base import FactKindModule
from retold.facts.blocks import equivalence_keys as _block_keys
from retold.model import (
    Change,
    Excerpt,
    Fact,
    Interval,
    Quantity,
    Sentence,
    Severity,
    Side,
    Status,
    Variant,
)

KINDS: dict[str, FactKindModule] = {
    "number": numbers,
    "date": dates,
    "name": names,
    "quote": quotes,
    "attribution": attributions,
    "qualifier": qualifiers,
    "negation": negation,
}

# Kinds whose facts are checked against the whole other text before being called dropped or
# added: a number, date, name or quote stated elsewhere in the other text was moved, not lost.
# Attributions, qualifiers and negation only mean something in their own sentence.
GLOBAL_KINDS = frozenset({"number", "date", "name", "quote"})
# Kinds reported when they appear in a sentence the retelling added and the original states
# them nowhere (an unsupported fact).
UNSUPPORTED_KINDS = ("number", "date", "name", "quote")

# The slot score two different facts need to be called one changed fact rather than a drop
# plus an add. Each kind scores its own slots; 0.5 means "more likely the same slot than not".
SLOT_MIN = 0.5
# When exactly one fact of a kind is left unmatched on each side of an aligned pair, the
# alignment itself says they fill the same slot ("12 people" -> "15 people" in a language whose
# counted nouns the rules cannot read; "last month" -> "late July"). They then need only to
# not contradict each other: a slot score of 0.25 (the extractors give ~0.15 when roles or
# units clash, and 0.3-0.45 when they simply know nothing).
SOLE_SLOT_MIN = 0.25
# Swapped facts: the words around them (two either side) agree better crosswise than as
# matched, by at least this many words.
SWAP_MARGIN = 2
SWAP_KINDS = frozenset({"number", "date"})
# An added name this close to a name anywhere in the original is reported as that name
# changed (an institute's name garbled), not as a new name: a stricter bar than SLOT_MIN
# because the two facts are not in aligned sentences.
GLOBAL_NAME_SLOT_MIN = 0.7

SEVERITY: dict[tuple[str, str], Severity] = {
    ("number", "changed"): "high", ("number", "added"): "high", ("number", "dropped"): "medium",
    ("date", "changed"): "high", ("date", "added"): "high", ("date", "dropped"): "medium",
    ("quote", "changed"): "high", ("quote", "added"): "high", ("quote", "dropped"): "medium",
    ("name", "changed"): "high", ("name", "added"): "medium", ("name", "dropped"): "low",
    ("attribution", "changed"): "high", ("attribution", "added"): "medium",
    ("attribution", "dropped"): "medium",
    ("negation", "changed"): "high", ("negation", "added"): "high",
    ("negation", "dropped"): "high",
    ("qualifier", "changed"): "medium", ("qualifier", "added"): "low",
    ("qualifier", "dropped"): "medium",
}
# A negation dropped with the word it negated: a claim left out, as a dropped figure is.
NEGATED_CLAIM_LEFT_OUT: Severity = "medium"
# A denial added beside the claim it denies, which the retelling still states: a claim added.
DENIAL_ADDED: Severity = "medium"
# A possibility where the original states the act as certain ("will ask" / "may ask").
CERTAINTY_WEAKENED: Severity = "medium"
SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}

_QUOTE_STYLE = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-",
})


def same_wording(a: str, b: str) -> bool:
    """True when two texts differ only in case, spacing, quote and dash style, final stop.

    Currency signs, digits and all other punctuation count: "$5" and "€5" are not the same
    wording.
    """
    return _wording(a) == _wording(b)


def _wording(text: str) -> str:
    if not text.isascii():  # the curly marks and dashes to fold are all outside ASCII
        text = text.translate(_QUOTE_STYLE)
    text = " ".join(text.split()).casefold()  # (split() breaks at what re reads as \s)
    return text.rstrip(".!?。۔ ")


@dataclass(frozen=True, slots=True)
class Diff:
    changes: tuple[Change, ...]
    variants: tuple[Variant, ...]
    pair_changes: tuple[int, ...]  # number of changes found in each pair


class _Index:
    """The facts of one side by kind, answering "is this fact stated here?" once per key.

    Long documents repeat the same names and figures many times; without the memo the global
    checks cost O(facts x facts) equivalence tests (1.8 M on a 15,000-word pair).
    """

    def __init__(self, facts: Iterable[Fact]) -> None:
        self.by_kind = _by_kind(facts)
        self._memo: dict[tuple[str, str, str, str], bool] = {}
        self._alike: dict[tuple[str, str, str, str], list[Fact]] = {}
        # per kind: one fact of each alike group, and the groups (by number) under each key
        self._blocks: dict[str, tuple[list[Fact], dict[tuple[Any, ...], list[int]]]] = {}
        self._by_value: dict[tuple[str | None, float], list[Fact]] | None = None

    def states(self, module: FactKindModule, fact: Fact) -> bool:
        key = (fact.kind, fact.key, fact.text, fact.role)  # a quote's speaker is in its role
        if key not in self._memo:
            # (a figure of the same value that counts another thing states nothing of this
            # one: "two children" where the text's only "two" counts officers)
            self._memo[key] = any(module.equivalent(fact, f) and not (
                fact.kind == "number" and numbers.counts_another(f, fact))
                for f in self._candidates(fact))
        return self._memo[key]

    def holds_bound(self, fact: Fact) -> bool:
        """A figure of this side that the bound ``fact`` is true of, of the same value and
        counted thing ("27 people were dead" keeps "at least 27 deaths": the exact count says
        more than the bound, and the reader loses nothing)."""
        quantity = fact.value
        if fact.kind != "number" or not isinstance(quantity, Quantity) or quantity.hedge is None:
            return False
        if self._by_value is None:
            self._by_value = defaultdict(list)
            for f in self.by_kind.get("number", ()):
                if isinstance(f.value, Quantity) and f.value.hedge is None:
                    self._by_value[(f.value.unit, f.value.low)].append(f)
        return any(numbers.bound_kept(fact, f)
                   for f in self._by_value.get((quantity.unit, quantity.low), ()))

    def alike(self, module: FactKindModule, fact: Fact) -> list[Fact]:
        """This side's facts equivalent to ``fact`` (a hedge's mentions), once per kind, key,
        text and role: a long text drops a hedge many times, and each asks."""
        key = (fact.kind, fact.key, fact.text, fact.role)
        found = self._alike.get(key)
        if found is None:
            found = self._alike[key] = [f for f in self.by_kind.get(fact.kind, ())
                                        if module.equivalent(fact, f)]
        return found

    def _candidates(self, fact: Fact) -> Iterable[Fact]:
        """The facts that may be equivalent to ``fact``: those sharing a block key with it
        (``_block_keys``), so a long text is not compared fact by fact (quadratic)."""
        probe = _block_keys(fact, probe=True)
        if probe is None:
            return self.by_kind.get(fact.kind, ())
        if fact.kind not in self._blocks:
            # One fact of each alike group (a name said ten times is one entry): ``equivalent``
            # reads no position, so the others would give the same answer.
            alike: dict[tuple[Any, ...], Fact] = {}
            for f in self.by_kind.get(fact.kind, ()):
                alike.setdefault(_alike(f), f)
            groups = list(alike.values())
            blocks: dict[tuple[Any, ...], list[int]] = {}
            for i, f in enumerate(groups):
                for k in _block_keys(f, probe=False) or ():
                    blocks.setdefault(k, []).append(i)
            self._blocks[fact.kind] = (groups, blocks)
        groups, blocks = self._blocks[fact.kind]
        # (a name's hundred keys seldom meet more than a few; the groups they lead to are
        # gathered at C speed, in no particular order: the caller asks whether any is equivalent)
        return [groups[i] for i in set().union(*[blocks[k] for k in blocks.keys() & probe])]


def _alike(f: Fact) -> tuple[Any, ...]:
    """What a kind's ``equivalent`` reads of a fact: never its position."""
    return (f.kind, f.key, f.text, f.role, f.note, f.value)


def diff(original: Side, retelling: Side, alignment: Alignment) -> Diff:
    """Return the changes between the facts of two sides under an alignment."""
    # Page clutter ("Get Today's Headlines", "Photo: Reuters") is never a source of facts.
    o_facts, r_facts = _content_facts(original), _content_facts(retelling)
    o_by_sentence = _by_sentence(o_facts)
    r_by_sentence = _by_sentence(r_facts)
    o_index, r_index = _Index(o_facts), _Index(r_facts)
    # (the original's lead: where a story tells its news, in the present perfect or not)
    o_lead = next((x.text for x in original.sentences if x.kind == "body"), "")
    # Original names the retelling carries somewhere: these cannot be the garbled source of an
    # added name (see unsupported() below).
    # (Looked up when an added name first needs them: most pairs add none.)
    garble: list[list[Fact]] = []

    def garble_sources() -> list[Fact]:
        if not garble:
            garble.append([a for a in o_index.by_kind.get("name", ())
                           if not r_index.states(names, a)])
        return garble[0]

    changes: list[Change] = []
    variants: list[Variant] = []

    def unsupported(b: Fact, pair: int | None) -> Change:
        module = KINDS[b.kind]
        if b.kind == "name":
            scored = [(module.slot_score(a, b), a) for a in garble_sources()]
            scored = [t for t in scored if t[0] >= GLOBAL_NAME_SLOT_MIN]
            if scored:
                best = max(scored, key=lambda t: (t[0], -t[1].start))[1]
                return _change(module, "changed", original, retelling, best, b, pair)
        return _change(module, "added", original, retelling, None, b, pair)

    o_said = [_wording(x.text) for x in original.sentences]  # each sentence's wording, once
    r_said = [_wording(x.text) for x in retelling.sentences]
    o_wordings, r_wordings = _wordings(o_said), _wordings(r_said)
    # Sentences in no pair: a hedge may have moved into one with its clause.
    o_unpaired, r_unpaired = frozenset(alignment.dropped), frozenset(alignment.added)
    for index, pair in enumerate(alignment.pairs):
        # A sentence repeated inside one pair (a teaser, a pull quote and the body sentence
        # it repeats) states its facts once; a sentence the other side carries word for word
        # outside this pair is that sentence's twin, never a changed form of this one.
        o_ids = [i for i in _distinct(pair.original, o_said, o_by_sentence)
                 if not _twin_elsewhere(o_said[i], r_wordings, pair.retelling)]
        # (an original sentence only swept into the pair: its facts still pair with the
        # retelling's, but what it says and the retelling does not is no loss of this pair)
        swept = set(o_ids) - set(_contributing(o_ids, o_said, [r_said[j] for j in pair.retelling]))
        r_ids = [j for j in _distinct(pair.retelling, r_said, r_by_sentence)
                 if not _twin_elsewhere(r_said[j], o_wordings, pair.original)]
        left = [f for i in o_ids for f in o_by_sentence.get(i, ())]
        right = [f for j in r_ids for f in r_by_sentence.get(j, ())]
        # A verbatim pair states the same facts, whatever the extractors made of each side
        # (a clause read as future on one side only); only a relative date counted from two
        # publication dates can differ inside it ("last month" kept by a later reprint).
        verbatim = " ".join(o_said[i] for i in pair.original) == \
            " ".join(r_said[j] for j in pair.retelling)
        if verbatim:
            left = [f for f in left if _counted_from_a_date(f)]
            right = [f for f in right if _counted_from_a_date(f)]
        for kind, module in KINDS.items():
            a_facts = [f for f in left if f.kind == kind]
            b_facts = [f for f in right if f.kind == kind]
            if not a_facts and not b_facts:
                continue
            if kind == "quote":
                a_facts, b_facts = _rejoined(a_facts, b_facts)
                b_facts, a_facts = _rejoined(b_facts, a_facts)
            same, changed, dropped, added = match_facts(module, a_facts, b_facts)
            if kind == "date" and (dropped or added):
                same, changed, dropped, added = _event_moved_to_statement_day(
                    same, changed, dropped, added, original.document.text,
                    retelling.document.text)
            if kind == "date" and changed:
                changed, dropped, added = _statement_day_apart(
                    changed, dropped, added, (left, right),
                    (original.document.text, retelling.document.text),
                    (" ".join(original.sentences[i].text for i in pair.original),
                     " ".join(retelling.sentences[j].text for j in pair.retelling)))
            # A change whose two sides read the same contradicts its own evidence, and so do
            # two short forms of one name ("Real" / "Madrid").
            changed = [(a, b) for a, b in changed if not _reads_the_same(a, b) and not (
                kind == "name" and _parts_of_one(a, b, original.facts, retelling.facts))]
            if kind == "number" and changed:
                changed, dropped, added = _held_elsewhere(changed, dropped, added,
                                                          original.facts, retelling.facts)
            if kind in ("quote", "attribution"):
                # "the judge" / "Judge Ann Varley": an office and the person its text gives
                # that title are one speaker, described and named (the name itself, if new,
                # is a name added).
                changed = [(a, b) for a, b in changed if not attributions.one_speaker_titled(
                    a, b, original.document.text, retelling.document.text)]
            if kind in SWAP_KINDS:
                for a, b in _swaps(same, original.document.text, retelling.document.text):
                    change = _change(module, "changed", original, retelling, a, b, index)
                    changes.append(replace(change, detail=(
                        f"Two {kind}s traded places: where the original says '{a.text}', "
                        f"the retelling says '{b.text}'.")))
            if kind == "name" and len(same) >= 2:
                o_doc, r_doc = original.document.text, retelling.document.text
                for (a_from, a_to), (b_from, b_to) in _route_reversed(same, o_doc, r_doc):
                    # (shown whole, "from Orlen to Brask": the names alone read the same)
                    o_span = _route_span(o_doc, a_from, a_to)
                    r_span = _route_span(r_doc, b_from, b_to)
                    changes.append(Change(
                        kind="name", status="changed",
                        original=Excerpt.of(o_doc, *o_span), retelling=Excerpt.of(r_doc, *r_span),
                        detail=(f"The route is reversed: the original goes from '{a_from.text}' "
                                f"to '{a_to.text}', the retelling from '{b_from.text}' to "
                                f"'{b_to.text}'."),
                        severity="high", pair=index))
            if kind == "name" and (changed or dropped or added):
                # A capitalised word the other side writes in lower case is a common word that
                # opened a sentence ("Schools will stay shut" / "... said schools"), not a name.
                # An acronym the other side spells out ("IED" / "improvised explosive devices")
                # was expanded, not dropped.
                # A name the other side mentions by an alias in lower case ("Covid-19" /
                # "the coronavirus pandemic") is there too.
                # A name glued to the next word by a missing space ("Varenkosaid") is the
                # name. A name the other side replaced by a pronoun ("Morland died" / "He
                # died") is still who the sentence is about.
                r_text = " ".join(retelling.sentences[j].text for j in pair.retelling)
                o_text = " ".join(original.sentences[i].text for i in pair.original)
                texts = (o_text, r_text)

                def written(fact: Fact, ids: Sequence[int], side: Side, text: str,
                            texts: tuple[str, str] = texts, words: bool = True) -> bool:
                    return (_lower_case_in(fact, ids, side) or _spelled_out_in(fact, ids, side)
                            or _glued_in(fact.text, text, texts)
                            or (words and _restated_in_words(fact.text, text)))

                def there(fact: Fact, ids: Sequence[int], side: Side, text: str) -> bool:
                    return written(fact, ids, side, text) or names.mentioned(fact.text, text) \
                        or (fact.text.endswith("s") and names.mentioned(fact.text[:-1], text)) \
                        or re.search(rf"(?<![^\W_]){re.escape(fact.text)}(?![^\W_])", text) \
                        is not None  # the very letters, where the extractor saw no name

                # A "changed" name whose one side the other passage still states is no swap:
                # what is left of it is an added or dropped name ("Holm" / "Greta ...
                # Holm"), or nothing.
                # Only a mention the extractor could not see counts (in lower case, glued,
                # spelled out): a name the other side has as a fact was matched already, so
                # a leftover means one mention was replaced ("Corran Point" for "Lindqvist
                # Bay", both named elsewhere in the passage).
                a_keys = {f.key for f in a_facts}
                b_keys = {f.key for f in b_facts}
                unswapped = []
                for a, b in changed:
                    if _acronym_of(a.text, b.text) or _acronym_of(b.text, a.text):
                        continue  # "LA" / "Los Angeles": one name
                    if _part_of_compound(a.text, b.text) or _part_of_compound(b.text, a.text):
                        continue  # "U.S." / "US-Russian": the name is one part of the other
                    if " " in a.text and a.text.rstrip("s") == b.text.rstrip("s"):
                        continue  # "one Golden Globe" / "two Golden Globes": one name
                    if _possessive_of(a.text, b.text, o_text, r_text) or \
                            _possessive_of(b.text, a.text, r_text, o_text):
                        continue  # "Corvins men" / "Corvin's men": one name
                    if _demonym_of(a.text, b.text) or _demonym_of(b.text, a.text):
                        continue  # "a Colombian case" / "a case from Colombia": one place
                    # Two names opening alike ("Early Bird Bundle Package" / "... Special")
                    # changed their last words: that the other passage uses those words in
                    # lower case elsewhere does not make them a restatement.
                    words = a.text.split()[0].casefold() != b.text.split()[0].casefold()
                    a_there = a.key not in b_keys and written(a, pair.retelling, retelling,
                                                              r_text, words=words)
                    b_there = b.key not in a_keys and written(b, pair.original, original,
                                                              o_text, words=words)
                    if a_there or b_there:
                        dropped += [] if a_there else [a]
                        added += [] if b_there else [b]
                    else:
                        unswapped.append((a, b))
                changed = unswapped
                dropped = [a for a in dropped if not there(a, pair.retelling, retelling, r_text)
                           and not _demonym_written(a.text, r_text)]
                added = [b for b in added if not there(b, pair.original, original, o_text)
                         and not _demonym_written(b.text, o_text)]
                dropped = _not_pronouned(dropped, o_text, r_text)
                added = _not_pronouned(added, r_text, o_text)
                # "our method" / "LGTR", "on Wikipedia" / "on the site": a definite
                # description in the name's very slot refers to what the name names.
                dropped = [a for a in dropped if not _described(a.text, o_text, r_text)]
                added = [b for b in added if not _described(b.text, r_text, o_text)]
                # An acronym its own passage spells out ("a Product Feature Map (PFM)") is
                # that name again: it goes where the name goes, kept or dropped, and is not
                # reported a second time.
                dropped = [a for a in dropped if not _expanded_in(a, a_facts)]
                added = [b for b in added if not _expanded_in(b, b_facts)]
                # "Youth voted ...", "Search and rescue teams ...": a common noun opening a
                # sentence, capitalised nowhere else in either text, is no name
                texts = (original.document.text, retelling.document.text)
                dropped = [a for a in dropped if not _common_noun_opening(a, original, texts)]
                added = [b for b in added if not _common_noun_opening(b, retelling, texts)]
            if kind == "date" and (dropped or added):
                # A vague time ("recently", "in recent years") dates nothing: said or left
                # out, no date changed. Only in place of another date is it a change.
                dropped = [a for a in dropped if not dates.vague(a)]
                added = [b for b in added if not dates.vague(b)]
            if kind == "number" and dropped and added:
                # "Half of the 40 staff" / "Twenty of the 40 staff": one share of one whole
                o_doc, r_doc = original.document.text, retelling.document.text
                shares = [(a, b) for a in dropped for b in added
                          if numbers.same_share(a, o_doc, left, b, r_doc, right)]
                dropped = [a for a in dropped if all(a is not x for x, _y in shares)]
                added = [b for b in added if all(b is not y for _x, y in shares)]
            if kind == "number" and (dropped or added):
                # "one author" / "an author": a lone "one" said or left out is the article's
                # job; in place of another figure it is a change ("one" -> "two").
                dropped = [a for a in dropped if not numbers.article_one(a)]
                added = [b for b in added if not numbers.article_one(b)]
                # "between the two" / "between them": a bare "the two" refers back to things
                # named before it; said or left out, it counts nothing new.
                # ("the two Asian rivals" / "the fierce Asian rivals": the same reference)
                o_pair_text = " ".join(original.sentences[i].text for i in pair.original)
                r_pair_text = " ".join(retelling.sentences[j].text for j in pair.retelling)
                dropped = [a for a in dropped
                           if not numbers.refers_back(a, original.document.text, r_pair_text)]
                added = [b for b in added
                         if not numbers.refers_back(b, retelling.document.text, o_pair_text)]
            if kind in ("number", "date") and (dropped or added):
                # A figure or date the other passage writes as often, digit for digit, was
                # read differently there ("6.25 inch" / "6.25-inch", "In 1897  Phillips" /
                # "In 1897, Phillips"), not lost: what the words say is the same.
                o_text = " ".join(original.sentences[i].text for i in pair.original)
                r_text = " ".join(retelling.sentences[j].text for j in pair.retelling)
                dated = kind == "number"  # (a figure is not written in a date's day)
                dropped = [a for a in dropped if not _written_as_often(
                    a.text, o_text, _without_dates(r_text, right, a) if dated else r_text)]
                added = [b for b in added if not _written_as_often(
                    b.text, r_text, _without_dates(o_text, left, b) if dated else o_text)]
            if kind == "negation" and (dropped or added):
                # "without permits" where the other passage never speaks of permits ("built
                # illegally"): a preposition's object said differently, no claim reversed.
                o_text = " ".join(original.sentences[i].text for i in pair.original)
                r_text = " ".join(retelling.sentences[j].text for j in pair.retelling)
                dropped = [a for a in dropped if not _new_without(a, r_text)]
                added = [b for b in added if not _new_without(b, o_text)]
                # "declined to comment" / "declining to issue a statement", "opted not to
                # respond": one refusal to comment, however worded
                dropped = [a for a in dropped if not (negation.no_comment(a) and any(
                    negation.no_comment(f) for f in right if f.kind == "negation"))]
                added = [b for b in added if not (negation.no_comment(b) and any(
                    negation.no_comment(f) for f in left if f.kind == "negation"))]
                # "pleaded not guilty" / "pleaded innocent": the negated word's opposite,
                # stated plainly, is the same claim
                dropped = [a for a in dropped if not _opposite_said(a, r_text, right)]
                added = [b for b in added if not _opposite_said(b, o_text, left)]
                # "shouldn't raise taxes" / "it's a mistake to raise taxes": the denial moved
                # into a word that judges the act
                dropped = [a for a in dropped if not _judged_against(a, r_text)]
                added = [b for b in added if not _judged_against(b, o_text)]
                # "hasn't been tried nor convicted" / "... tried or convicted": one negation
                # over both words, written twice
                dropped = [a for a in dropped if not _nor_as_or(a, r_text, right)]
                added = [b for b in added if not _nor_as_or(b, o_text, left)]
                # "contact IT if the site is not working" where the other passage poses no
                # condition: a case to act on, neither stated nor denied there.
                if not negation.conditional(r_text):
                    dropped = [a for a in dropped
                               if not negation.hypothetical(a, original.document.text)]
                if not negation.conditional(o_text):
                    added = [b for b in added
                             if not negation.hypothetical(b, retelling.document.text)]
            if kind == "qualifier" and (dropped or added):
                # A hedge that goes with the words it hedges ("a potential terrorist weapon"
                # in a claim the other passage never makes) is no hedge added or dropped: the
                # claim is new, or left out, and says so itself.
                o_text = " ".join(original.sentences[i].text for i in pair.original)
                r_text = " ".join(retelling.sentences[j].text for j in pair.retelling)
                # (a hedge the other text has elsewhere moved with its sentence: it meets
                # its twin below, as any moved fact does)
                # (a condition's or an act considered's key names no hedge: another one the
                # other text poses elsewhere is no twin)
                # (not the twin this passage already matched: "may have prevented" kept as
                # "may have been prevented" is no twin of an added "the count could rise")
                kept = {id(f) for two in same for f in two}
                dropped = [a for a in dropped if _role_said(a, r_text)
                           or _object_said(a, original.document.text, r_text)
                           or a.key not in qualifiers.OWN_SLOT
                           and _stated_unmatched(module, a, r_index, kept)]
                added = [b for b in added if _role_said(b, o_text)
                         or _object_said(b, retelling.document.text, o_text)
                         or b.key not in qualifiers.OWN_SLOT
                         and _stated_unmatched(module, b, o_index, kept)]
                # A claim "reportedly" true that the other passage credits to who reported it
                # ("was reportedly so loud" / "Neighbours reported that ... was so loud") keeps
                # its distance: a source named for the hedge.
                # (Not the other way: "reportedly" put on a claim the original credits to its
                # source hides who said it.)
                r_credits = any(f.kind == "attribution" for f in right) or \
                    _REPORTED_BY_RE.search(r_text) is not None
                dropped = [a for a in dropped if not (a.key == REPORTED and r_credits)]
                # A possibility the other passage still hedges in its own words ("could
                # include" / "is expected to cover") is kept.
                dropped = [a for a in dropped if not qualifiers.still_hedged(a, r_text)]
                # "can be released" / "could be released": reported speech moved the tense back
                dropped = [a for a in dropped if not qualifiers.backshifted(
                    a, original.document.text, r_text)]
                added = [b for b in added if not qualifiers.backshifted(
                    b, retelling.document.text, o_text)]
                added = [b for b in added if not (b.key == qualifiers.EXPECTED
                                                  and qualifiers.still_hedged(b, o_text))]
                # A condition whose words the other passage says is kept there in other words
                # ("cancel unless he raised it" / "raise it or cancel").
                dropped = [a for a in dropped if not qualifiers.condition_restated(a, r_text)]
                added = [b for b in added if not qualifiers.condition_restated(b, o_text)]
            if kind == "attribution" and (dropped or added):
                # The other side names the speaker in the same passage: the attribution is
                # there in a form the patterns missed ("posted by X ... which read"), not lost.
                # A speaker glued to the verb by a lost space ("Varenkosaid") is there too.
                o_text = " ".join(original.sentences[i].text for i in pair.original)
                r_text = " ".join(retelling.sentences[j].text for j in pair.retelling)
                # The same verb with the same words after it ("Tsarnaev, 19, told authorities
                # that" / "the 19-year-old suspect told authorities that") is the same
                # attribution with its speaker described. A sentence that condenses several
                # keeps one attribution for them all: another one there still credits the claim.
                o_texts, r_texts = original.document.text, retelling.document.text
                merged_o = len(pair.original) > 1 and any(f.kind == kind for f in right)
                merged_r = len(pair.retelling) > 1 and any(f.kind == kind for f in left)
                dropped = [a for a in dropped if not merged_o and not _names_speaker(a, right)
                           and not _glued_in(a.note or a.key, r_text, (o_text, r_text))
                           and not _told_alike(o_texts, a, r_text)]
                added = [b for b in added if not merged_r and not _names_speaker(b, left)
                         and not _subject_of(b, _near_passage(original, pair.original))
                         and not _glued_in(b.note or b.key, o_text, (o_text, r_text))
                         and not _told_alike(r_texts, b, o_text)
                         and not attributions.credited_by_dateline(b, o_texts)]
            if kind in CROSS_REFERENCE_KINDS and (dropped or added):
                # "(see the MPAA link below)", "(see: Ossetians in Turkey)": a pointer to
                # elsewhere, said or left out, states nothing of the sentence.
                dropped = [a for a in dropped
                           if not _cross_reference(a, original.document.text)]
                added = [b for b in added if not _cross_reference(b, retelling.document.text)]
            if len(pair.original) > 1 or len(pair.retelling) > 1:
                # A passage that says a fact twice, in a sentence it repeats (a paragraph the
                # outlet printed twice), against one that says it once keeps it: the repeat is
                # no loss or addition. (Not a fact said alike of two things: "the officer ...
                # in stable condition", "the suspect ... in stable condition".)
                kept_left, kept_right = [x for x, _ in same], [y for _, y in same]
                dropped = [a for a in dropped
                           if not _said_again(module, a, kept_left, original.sentences)]
                added = [b for b in added
                         if not _said_again(module, b, kept_right, retelling.sentences)]
            for a, b in same:
                if kind == "name" and not same_wording(a.text, b.text):
                    variants.append(_variant(original, retelling, a, b))
            for a, b in changed:
                change = _change(module, "changed", original, retelling, a, b, index)
                if kind == "attribution" and attributions.office_for_person(
                        a, b, original.document.text, retelling.document.text):
                    # "the president also tells CBS" / "Trump said": most likely one person,
                    # described and named; neither text says so, so a reader checks it
                    change = replace(change, severity="low",
                                     detail=attributions.explain_office_for_person(a, b))
                changes.append(change)
            for a in dropped:
                if kind in GLOBAL_KINDS and (r_index.states(module, a) or r_index.holds_bound(a)):
                    continue
                if a.sentence in swept and not any(module.equivalent(a, b) for b in b_facts):
                    # left out with its sentence (`_contributing`); one of two alike ("the
                    # officer ... in stable condition", "he [the suspect] ... in stable
                    # condition") where the retelling keeps one is no sentence's to lose
                    continue
                if kind == "qualifier" and _moved_out(module, a, r_index, r_unpaired, o_index):
                    continue  # ("the toll may go up" / a sentence of its own: "may possibly rise")
                # '"...," said Taylor' / '"..."': the quotation lost its speaker, one change
                # of attribution (as "Taylor said" cut is), not also a name dropped.
                if kind == "name" and (q := _speaker_of(a, left, right)) is not None:
                    changes.append(_unsaid(original, retelling, q[0], q[1], index, lost=True))
                    continue
                r_passage = " ".join(retelling.sentences[j].text for j in pair.retelling)
                if kind == "quote" and (whole := _quoted_at_another_length(a, r_index)):
                    changes.append(_change(module, "changed", original, retelling, a, whole,
                                           index))
                    continue
                if kind == "quote" and _said_unquoted_in(a, [retelling.sentences[j]
                                                             for j in pair.retelling], r_index):
                    continue  # the same words, as reported speech: nothing said is lost
                if kind == "negation" and a.role and _denied_in_a_word(a.role, r_passage):
                    continue  # "without a bogey" / "bogey-free": the same denial in a word
                change = _change(module, "dropped", original, retelling, a, None, index)
                opposite = _opposite_word(a, r_passage) if kind == "negation" else None
                if opposite is not None:
                    # "did not rise" / "fell": the opposite of the word denied is more than
                    # the original says (it did not rise; it may have stayed flat)
                    change = replace(change, severity=NEGATED_CLAIM_LEFT_OUT,
                                     detail=negation.explain_opposite_said(a, opposite))
                elif kind == "negation" and not _role_said(
                        a, r_passage, original.document.text,
                        kept=" ".join(original.sentences[i].text for i in pair.original)):
                    # the negated claim is left out with its verb, not turned: an omission
                    change = replace(change, severity=NEGATED_CLAIM_LEFT_OUT,
                                     detail=negation.explain_left_out(a))
                changes.append(change)
            for b in added:
                if kind in GLOBAL_KINDS and o_index.states(module, b):
                    continue
                if kind == "qualifier" and _moved_out(module, b, o_index, o_unpaired, r_index):
                    continue
                if kind == "name" and (q := _speaker_of(b, right, left)) is not None:
                    changes.append(_unsaid(original, retelling, q[1], q[0], index, lost=False))
                    continue
                said = quotes.said_unquoted(b.text, original.document.text) \
                    if kind == "quote" else None
                if said is not None and said[2] == 0:
                    continue  # the original's own words, unquoted there (a transcript, a letter)
                if kind == "quote" and (part := _quoted_at_another_length(b, o_index)):
                    changes.append(_change(module, "changed", original, retelling, part, b,
                                           index))
                    continue
                if kind == "negation" and _denied_in_other_words(
                        b, " ".join(original.sentences[i].text for i in pair.original)):
                    continue  # "did not change" / "remained unchanged": one denial
                change = unsupported(b, index)
                if said is not None:
                    change = _quoted_otherwise(change, original.document.text, said, b)
                if kind == "negation" and not _role_said(
                        b, " ".join(original.sentences[i].text for i in pair.original),
                        retelling.document.text,
                        kept=" ".join(retelling.sentences[j].text for j in pair.retelling)):
                    # a negated claim the original never makes, added with its verb: a claim
                    # added (as one left out is), not the original's turned
                    change = replace(change, severity=NEGATED_CLAIM_LEFT_OUT,
                                     detail=negation.explain_added_with_claim(b))
                elif kind == "negation" and _denies_what_it_states(
                        b, retelling, pair.retelling,
                        " ".join(original.sentences[i].text for i in pair.original)):
                    # "stop a plot ..., but Brenn has denied any plot": the claim is kept as
                    # the original states it, and someone's denial of it added
                    change = replace(change, severity=DENIAL_ADDED,
                                     detail=negation.explain_denial_added(b))
                elif kind == "date" and _news_of_the_day(b, retelling, " ".join(
                        [original.sentences[i].text for i in pair.original] + (
                            [o_lead] if _tells_the_lead(retelling.sentences[
                                b.sentence].text, o_lead) else [])),
                        original.document.published):
                    # "has killed eight" (published that day) / "killed eight on Wednesday",
                    # the day of publication: the original implies the day, and says no other
                    change = _of_the_day(change)
                elif kind == "qualifier" and (certain := qualifiers.certainty_before(
                        b, " ".join(original.sentences[i].text for i in pair.original),
                        " ".join(retelling.sentences[j].text for j in pair.retelling))):
                    # "will ask" / "may ask": what was certain is now only possible
                    change = replace(change, severity=CERTAINTY_WEAKENED,
                                     detail=qualifiers.explain_certainty_weakened(b, certain))
                changes.append(change)

    changes = one_change_per_speaker(changes, original, retelling)
    seen: set[tuple[str, str]] = set()
    for j in alignment.added:
        for b in r_by_sentence.get(j, ()):
            if b.kind not in UNSUPPORTED_KINDS or (b.kind, b.key) in seen \
                    or b.kind == "date" and dates.vague(b) \
                    or b.kind == "number" and (numbers.refers_back(b, retelling.document.text)
                                               or numbers.article_one(b)) \
                    or b.kind == "name" and _common_noun_opening(
                        b, retelling, (original.document.text, retelling.document.text)):
                continue  # ("recently": no date; "the two refused", "one official": no count;
                # "Youth voted": a common noun opening a sentence)
            seen.add((b.kind, b.key))
            if not o_index.states(KINDS[b.kind], b):
                change = unsupported(b, None)
                if b.kind == "date" and _news_of_the_day(b, retelling, o_lead,
                                                         original.document.published):
                    change = _of_the_day(change)
                changes.append(change)

    # One entry per pair of spellings, whichever side wrote which (Iraq/Iraqi and Iraqi/Iraq).
    variants = list({
        frozenset((v.original.text.casefold(), v.retelling.text.casefold())): v for v in variants
    }.values())
    changes = _dedupe(changes)
    changes.sort(key=_change_order)
    per_pair = [0] * len(alignment.pairs)
    for change in changes:
        if change.pair is not None:
            per_pair[change.pair] += 1
    return Diff(tuple(changes), tuple(variants), tuple(per_pair))


def _parts_of_one(a: Fact, b: Fact, o_facts: Sequence[Fact], r_facts: Sequence[Fact]) -> bool:
    """Two short forms of one longer name the texts give ("Real" / "Madrid" of "Real Madrid")."""
    wa, wb = ({w.casefold() for w in x.text.split()} for x in (a, b))
    return any(f.kind == "name" and len(words := {w.casefold() for w in f.text.split()}) > max(
        len(wa), len(wb)) and wa <= words and wb <= words for f in (*o_facts, *r_facts))


_PREFIXED_RE = re.compile(r"(?i)(?<![\w-])(?:un|in|im|il|ir|dis|non)-?([a-z]{3,})")


def _denied_in_other_words(b: Fact, o_text: str) -> bool:
    """The original passage denies negation ``b``'s word by a prefix ("not change" /
    "unchanged") or states its complement ("does not include" / "excludes")."""
    role = b.role
    if not role:
        return False
    mine = meaning.stem(role)
    if any(meaning.stem(m.group(1)) == mine for m in _PREFIXED_RE.finditer(o_text)):
        return True
    return any(negation.complementary(role, lemma) for w in _LETTERS_RE.findall(o_text)
               for lemma in {w.casefold(), meaning.stem(w), *lexicon.base_forms(w.casefold())})


_LETTERS_RE = re.compile(r"[A-Za-z]{3,}")


def _denied_in_a_word(word: str, passage: str) -> bool:
    """``passage`` denies ``word`` in one word or phrase ("bogey-free", "free of debt", "the
    prohibition of swimming", "a ban on swimming"), as "without a bogey" / "no swimming" does."""
    stem = re.escape(meaning.stem(word))
    return re.search(rf"(?i)\b{stem}\w*[- ]free\b|\bfree\s+(?:of|from)\s+(?:\w+\s+)?{stem}"
                     rf"|\b(?:prohibition|prohibiting|ban|banning|moratorium)\s+(?:of|on)\s+"
                     rf"(?:the\s+|any\s+|all\s+)?{stem}", passage) is not None


def _held_elsewhere(changed: list[tuple[Fact, Fact]], dropped: list[Fact], added: list[Fact],
                    o_facts: Sequence[Fact], r_facts: Sequence[Fact]
                    ) -> tuple[list[tuple[Fact, Fact]], list[Fact], list[Fact]]:
    """Unpair a figure a name holds ("Party Gamma had 22.3%") from one no name holds, where
    the other text gives that name's figure elsewhere ("Gamma has won 21.8%" two sentences
    on), or where the sentence of the one no name holds gives another name's figure ("AK
    Party at 43.1% with 90.2% counted" / "HDP has 10.3%"): its slot is there, and the pair's
    figure is another (a count's progress). Each becomes a figure dropped and one added."""
    kept = []
    for a, b in changed:
        held, other, by = (b, a, o_facts) if numbers.holder_of(b) and not numbers.holder_of(a) \
            else (a, b, r_facts) if numbers.holder_of(a) and not numbers.holder_of(b) \
            else (None, None, ())
        if held is not None and other is not None and (
                any(numbers.held_alike(f, held) for f in by) or any(
                    f.kind == "number" and f.sentence == other.sentence and numbers.holder_of(f)
                    and not any(names.same_name(x, h) for x in numbers.holder_of(f)
                                for h in numbers.holder_of(held)) for f in by)):
            dropped, added = [*dropped, a], [*added, b]
        else:
            kept.append((a, b))
    return kept, dropped, added


def match_facts(
    module: FactKindModule, left: Sequence[Fact], right: Sequence[Fact]
) -> tuple[list[tuple[Fact, Fact]], list[tuple[Fact, Fact]], list[Fact], list[Fact]]:
    """Match two fact lists of one kind: (same, changed, dropped, added)."""
    used_right: set[int] = set()
    same: list[tuple[Fact, Fact]] = []
    # Equivalent mentions pair in the most similar slots first ("no transfer treaty" with
    # "doesn't have a transfer treaty", not with "can't compel"), identical keys first among
    # equals, so that a short form ("Khan") is not taken by a full name its own full form should
    # pair with ("Ada Okafor ... Okafor" / "Chidi Okafor ... Okafor").
    # (an equivalence across keys is read only for a fact with no same-key mention on the other
    # side: names, most facts, mostly have one, and same_name is the costly test)
    keys_left, keys_right = {a.key for a in left}, {b.key for b in right}
    keyed = sorted(((-module.slot_score(a, b), a.key != b.key, n, k) for n, a in enumerate(left)
                    for k, b in enumerate(right)
                    if (b.key == a.key or a.key not in keys_right or b.key not in keys_left)
                    and module.equivalent(a, b)))
    paired: dict[int, int] = {}
    for _score, _other_key, n, k in keyed:
        if n not in paired and k not in used_right:
            paired[n] = k
            used_right.add(k)
    left_over: list[Fact] = []
    for n, a in enumerate(left):
        if n in paired:
            continue
        # (its same-key mentions taken: an equivalent one in another form, in the best slot)
        options = [(module.slot_score(a, b), -k, k) for k, b in enumerate(right)
                   if k not in used_right and module.equivalent(a, b)]
        if options:
            paired[n] = max(options)[2]
            used_right.add(paired[n])
        else:
            left_over.append(a)
    same.extend((left[n], right[k]) for n, k in sorted(paired.items()))
    right_over = [k for k in range(len(right)) if k not in used_right]

    changed: list[tuple[Fact, Fact]] = []
    taken_left: set[int] = set()
    if left_over and right_over:
        scores = np.array([[module.slot_score(a, right[k]) for k in right_over] for a in left_over])
        rows, cols = linear_sum_assignment(scores, maximize=True)
        for n, c in sorted(zip(rows.tolist(), cols.tolist())):
            if scores[n, c] >= SLOT_MIN:
                taken_left.add(n)
                used_right.add(right_over[c])
                changed.append((left_over[n], right[right_over[c]]))
    dropped_at = [n for n in range(len(left_over)) if n not in taken_left]
    added_at = [k for k in right_over if k not in used_right]
    if len(dropped_at) == 1 and len(added_at) == 1:
        a, b = left_over[dropped_at[0]], right[added_at[0]]
        if module.slot_score(a, b) >= SOLE_SLOT_MIN:
            changed.append((a, b))
            dropped_at, added_at = [], []

    dropped: list[Fact] = []
    matched = {id(b) for _a, b in same} | {id(a) for a, _b in same}
    for n in dropped_at:
        partner = _partner(module, left_over[n], right, forward=True, matched=matched)
        if partner is not None:
            changed.append((left_over[n], partner))
        else:
            dropped.append(left_over[n])
    added: list[Fact] = []
    for k in added_at:
        partner = _partner(module, right[k], left, forward=False, matched=matched)
        if partner is not None and not any(p == (partner, right[k]) for p in changed):
            changed.append((partner, right[k]))
        elif partner is None:
            added.append(right[k])
    return same, changed, dropped, added


def _partner(module: FactKindModule, fact: Fact, others: Sequence[Fact], *, forward: bool,
             matched: AbstractSet[int] = frozenset()) -> Fact | None:
    """The fact of the other side stating ``fact``'s value with another hedge or unit.

    It may already be matched as the same fact to another mention: a headline repeating "34"
    beside the body's "at least 34" must not hide that the retelling dropped "at least". Not
    in another unit, though (``matched``: the ids of the facts matched as the same): "four
    miles" matched as the conversion of "6 km" is no "4 km" in miles.
    """
    restates = getattr(module, "restates", None)
    if restates is None:
        return None
    for other in others:
        if id(other) in matched and getattr(other.value, "unit", None) != getattr(
                fact.value, "unit", None):
            continue
        if restates(fact, other) if forward else restates(other, fact):
            return other
    return None


_CONTEXT_WORD = re.compile(r"[^\W\d_]+")
CONTEXT_WORDS = 2


def _context(text: str, fact: Fact) -> set[tuple[str, str]]:
    """The words just before and after a fact, tagged by side (digits skipped)."""
    start = numbers.figure_start(fact) if fact.kind == "number" else fact.start
    before = _CONTEXT_WORD.findall(text[max(0, start - 80) : start])[-CONTEXT_WORDS:]
    after = _CONTEXT_WORD.findall(text[fact.end : fact.end + 80])[:CONTEXT_WORDS]
    return {("<", w.casefold()) for w in before} | {(">", w.casefold()) for w in after}


def _swaps(same: list[tuple[Fact, Fact]], o_text: str, r_text: str) -> list[tuple[Fact, Fact]]:
    """Same facts that traded places: report each as its slot's changed value."""
    contexts = [(_context(o_text, a), _context(r_text, b)) for a, b in same]
    out: list[tuple[Fact, Fact]] = []
    taken: set[int] = set()
    for x in range(len(same)):
        for y in range(x + 1, len(same)):
            if x in taken or y in taken or \
                    numbers.undirected_key(same[x][0]) == numbers.undirected_key(same[y][0]):
                continue
            if not _could_trade(same[x][0], same[y][0]):
                continue
            (ax, bx), (ay, by) = contexts[x], contexts[y]
            as_matched = len(ax & bx) + len(ay & by)
            crosswise = len(ax & by), len(ay & bx)
            if min(crosswise) >= 1 and sum(crosswise) >= as_matched + SWAP_MARGIN:
                taken |= {x, y}
                out += [(same[x][0], same[y][1]), (same[y][0], same[x][1])]
    return out


# The word before a place that makes it a route's start or end ("from Orlen to Brask",
# "left Orlen for Brask"): written by hand, a preposition no lexicon classes this way.
_ROUTE_END_RE = re.compile(r"\b(from|to|towards|toward|into|for)\s+(?:the\s+)?$", re.IGNORECASE)
_ROUTE_ENDS = {"from": "from", "to": "to", "towards": "to", "toward": "to", "into": "to",
               "for": "to"}


def _route_end(text: str, name: Fact) -> str | None:
    """"from" or "to": the end of a route ``name`` is in its text, else None."""
    m = _ROUTE_END_RE.search(text, max(0, name.start - 16), name.start)
    return _ROUTE_ENDS[m.group(1).casefold()] if m else None


def _route_reversed(same: list[tuple[Fact, Fact]], o_text: str, r_text: str
                    ) -> list[tuple[tuple[Fact, Fact], tuple[Fact, Fact]]]:
    """((the original's start, its end), (the retelling's start, its end)) where a route runs
    the other way: "from Orlen to Brask" / "from Brask to Orlen". Both places are the same
    names, each at the other end; a place at one end only is no reversal."""
    ends = [(a, b, _route_end(o_text, a), _route_end(r_text, b)) for a, b in same]
    starts = [(a, b) for a, b, mine, theirs in ends if mine == "from" and theirs == "to"]
    finishes = [(a, b) for a, b, mine, theirs in ends if mine == "to" and theirs == "from"]
    if not starts or not finishes:
        return []
    (a_from, b_to), (a_to, b_from) = starts[0], finishes[0]
    return [((a_from, a_to), (b_from, b_to))]


def _route_span(text: str, start: Fact, end: Fact) -> tuple[int, int]:
    """The route as written, from the word before its first place to its last place."""
    first, last = (start, end) if start.start < end.start else (end, start)
    m = _ROUTE_END_RE.search(text, max(0, first.start - 16), first.start)
    return (m.start() if m else first.start), last.end


def _could_trade(a: Fact, b: Fact) -> bool:
    """Two figures trade places only where each could fill the other's slot: the same unit and
    rate ("3 people and 5 cars" / "5 people and 3 cars"); a sum and a duration ("$480/month for
    two weeks") never do, whatever order a sentence names them in."""
    qa, qb = a.value, b.value
    if a.kind != "number" or not isinstance(qa, Quantity) or not isinstance(qb, Quantity):
        return True
    # (a rise and a fall are two slots: "rose 5% in 2023 and fell 8% in 2024" reordered trades
    # nothing)
    return qa.unit == qb.unit and numbers.rate(a) == numbers.rate(b) and qa.change == qb.change


def _lower_case_in(fact: Fact, ids: Sequence[int], side: Side) -> bool:
    word = fact.text
    if " " in word or not word[:1].isupper() or word.isupper():
        return False
    lowered = word[0].lower() + word[1:]
    # (the word as a substring first: most sentences lack it, and a pattern costs a compile)
    texts = [side.sentences[i].text for i in ids if lowered in side.sentences[i].text]
    if not texts:
        return False
    pattern = re.compile(rf"(?<!\w){re.escape(lowered)}(?!\w)")
    return any(pattern.search(t) for t in texts)


_WORD_RE = re.compile(r"[^\W\d_]+")


def _restated_in_words(name: str, text: str) -> bool:
    """True when ``text`` writes a name's last words in lower case and names the rest.

    "the Benin Punitive Expedition" / "the punitive expedition" (Benin named beside it), "a
    U.S. Missile" / "a United States missile": capitals made a common noun look like part of
    a name; the other passage says the same in plain words. The lower-case words must end the
    name ("Real Madrid" is not "a real club in Madrid").
    """
    words = [w for w in name.split() if w.casefold() not in names.CONNECTOR_WORDS]
    if len(words) < 2:
        return False
    for k in range(len(words) - 1, 0, -1):
        tail = words[k:]
        if not all(w[:1].isupper() and not w.isupper() for w in tail):
            break
        phrase = r"\s+".join(re.escape(w[0].lower() + w[1:]) for w in tail)
        if re.search(rf"(?<![^\W_]){phrase}(?![^\W_])", text) and \
                all(names.mentioned(w, text) for w in words[:k]):
            return True
    return False


def _spelled_out_in(fact: Fact, ids: Sequence[int], side: Side) -> bool:
    letters = fact.text.replace(".", "")
    if letters.endswith("s") and letters[:-1].isupper():
        letters = letters[:-1]  # "DNNs": the plural of an acronym
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    target = letters.casefold()
    n = len(target)
    for i in ids:
        words = _WORD_RE.findall(side.sentences[i].text)
        for k in range(len(words) - n + 1):
            run = words[k : k + n]
            # Initials of content words only: "if the" does not spell "IT".
            if "".join(w[0] for w in run).casefold() == target and \
                    not any(w.casefold() in _FUNCTION_WORDS for w in run):
                return True
    return False


_FUNCTION_TEXT = (
    "a an the of and or if in on at to for from by with is it as be we he she they his her its "
    "their our this that these those not no but so was were are has have had do did will can "
    "into than then"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())


def _speakers(change: Change, original: Side, retelling: Side,
              at: dict[tuple[bool, str, int, int], list[Fact]] | None = None) -> list[str]:
    """The speakers an attribution or quotation change is about, as written.

    ``at``: the facts of both sides by (on the original side, kind, start, end), so that each
    change looks up its facts instead of scanning every fact (quadratic in long texts)."""
    out = []
    for excerpt, side in ((change.original, original), (change.retelling, retelling)):
        if excerpt is None:
            continue
        facts = side.facts if at is None else \
            at.get((side is original, change.kind, excerpt.start, excerpt.end), ())
        for f in facts:
            if f.kind == change.kind and f.start == excerpt.start and f.end == excerpt.end:
                speaker = (f.note or f.key) if f.kind == "attribution" else f.role
                if speaker:
                    out.append(speaker)
    return out


SWAP_CLAUSE_CHARS = 300  # a quotation and its reporting clause lie this close


def _event_moved_to_statement_day(
        same: list[tuple[Fact, Fact]], changed: list[tuple[Fact, Fact]], dropped: list[Fact],
        added: list[Fact], o_text: str, r_text: str
) -> tuple[list[tuple[Fact, Fact]], list[tuple[Fact, Fact]], list[Fact], list[Fact]]:
    """Re-pair a date the other side gives as the day of the statement ("hit a bridge on Friday
    night, police said Saturday" / "hit a bridge on Saturday, according to police"): the
    event's date, left unmatched, is the one changed, and the day of the statement is no
    event's date. Only where that event date is there to change: a statement's day told as
    the day of the news ("said Monday it would cut jobs" / "On Monday, it announced ...") is
    the same date."""
    for a, b in list(same):
        o_said, r_said = dates.stated_on(a, o_text), dates.stated_on(b, r_text)
        if o_said == r_said:
            continue
        if o_said and (event := next((x for x in dropped if not dates.stated_on(x, o_text)), None)):
            same.remove((a, b))
            changed.append((event, b))
            dropped = [x for x in dropped if x is not event] + [a]
        elif r_said and (event := next((y for y in added if not dates.stated_on(y, r_text)), None)):
            same.remove((a, b))
            changed.append((a, event))
            added = [y for y in added if y is not event] + [b]
    return same, changed, dropped, added


def _statement_day_apart(changed: list[tuple[Fact, Fact]], dropped: list[Fact],
                         added: list[Fact], facts: tuple[Sequence[Fact], Sequence[Fact]],
                         texts: tuple[str, str], passages: tuple[str, str]
                         ) -> tuple[list[tuple[Fact, Fact]], list[Fact], list[Fact]]:
    """Unpair the day of a statement from the day of an event where the event's passage
    reports no statement ("caused 27 deaths, officials said Thursday" / "battered the town on
    Wednesday"): two dates of two things. The statement's day went with its attribution, which
    is reported as such; the event's day is a date its passage adds or drops. (``facts``,
    ``texts``, ``passages``: the pair's facts, both documents and the pair's passages, the
    original's first.)"""
    kept = []
    for a, b in changed:
        o_said, r_said = dates.stated_on(a, texts[0]), dates.stated_on(b, texts[1])
        side = 1 if o_said else 0  # the event's
        event, statement = (b, a) if o_said else (a, b)
        if o_said != r_said and not any(f.kind == "attribution" for f in facts[side]) \
                and not dates.reports(passages[side]) \
                and not dates.told_later(event, statement):
            dropped, added = ([*dropped, a], added) if r_said else (dropped, [*added, b])
        else:
            kept.append((a, b))
    return kept, dropped, added


# "has killed", "have been evacuated": the present perfect of news just in
_PRESENT_PERFECT_RE = re.compile(r"\b(?:has|have)\s+(?:(?:been|now|so\s+far|already)\s+)?"
                                 r"[a-z]+(?:ed|en|t)\b")


def _news_of_the_day(date: Fact, side: Side, other_passage: str,
                     other_published: dt.date | None = None) -> bool:
    """``date`` is the day the other text was published, and ``other_passage`` tells the same
    news in the present perfect, with no date of its own (a write-thru of the next day names
    the day the first version's "has collapsed" meant). Where the other text's day is unknown,
    its text's own day (a text with no date of its own has its relative dates counted from
    the other's)."""
    value = date.value
    meant = other_published or side.document.published or getattr(value, "reference", None)
    return isinstance(value, Interval) and value.start == value.end == meant and \
        _PRESENT_PERFECT_RE.search(other_passage) is not None


def _tells_the_lead(passage: str, lead: str) -> bool:
    """A passage that tells the lead's news: it shares LEAD_SHARED_MIN content words with it."""
    if not lead:
        return False
    mine = {meaning.stem(w) for _s, _e, w in meaning.content_words(passage)}
    return len(mine & {meaning.stem(w) for _s, _e, w in meaning.content_words(lead)}) >= \
        LEAD_SHARED_MIN


LEAD_SHARED_MIN = 2


def _of_the_day(change: Change) -> Change:
    """A date added that is the day of publication the original implies (``_news_of_the_day``):
    low, and said so."""
    return replace(change, severity="low", detail=(
        f"{change.detail} The original tells it as news of the day of publication, in the "
        f"present perfect, with no date."))


REPORTED = qualifiers.CANONICAL["reportedly"]  # the key of "reportedly" and "reported"
# A report credited to who made it ("Neighbours reported that", "witnesses told").
_REPORTED_BY_RE = re.compile(r"\b(?:reported|report|reports|told|said|says)\s+(?:that\b|[a-z])")


def _moved_out(module: FactKindModule, hedge: Fact, other: _Index,
               unpaired: AbstractSet[int], own: _Index) -> bool:
    """The other text gives ``hedge`` in a sentence of its own that no pair holds: the hedged
    clause moved there (a condition or an act considered names no hedge to move). Not where
    this text says the hedge more often than the other does: one of them is gone ("the officer
    ... in stable condition", "the suspect ... in stable condition", and the suspect's only)."""
    if hedge.key in qualifiers.OWN_SLOT:
        return False
    theirs, mine = other.alike(module, hedge), own.alike(module, hedge)
    return len(theirs) >= len(mine) and any(f.sentence in unpaired for f in theirs)


def _said_again(module: FactKindModule, fact: Fact, kept: Sequence[Fact],
                sentences: Sequence[Sentence]) -> bool:
    """``fact`` repeats a fact of its side the pair kept, in a sentence of its passage that
    repeats that fact's sentence (REPEATED_SHARE of their words in common)."""
    return any(k.sentence != fact.sentence and k.role == fact.role and module.equivalent(k, fact)
               and _repeats(sentences[k.sentence].text, sentences[fact.sentence].text)
               for k in kept)


def _repeats(a: str, b: str) -> bool:
    wa, wb = set(_WORD_RE.findall(a.casefold())), set(_WORD_RE.findall(b.casefold()))
    return bool(wa and wb) and len(wa & wb) >= REPEATED_SHARE * len(wa | wb)


REPEATED_SHARE = 0.75


def _stated_unmatched(module: FactKindModule, fact: Fact, other: _Index,
                      kept: AbstractSet[int]) -> bool:
    """The other text states ``fact`` in a mention not already matched (``kept``: the ids of
    the facts matched as the same in this passage)."""
    return any(id(f) not in kept for f in other.alike(module, fact))


# A quotation this short may be put in reported speech anywhere; within its own aligned
# passage its words, in its order, are the quotation said without marks.
PASSAGE_UNQUOTED_MIN_WORDS = 3


def _said_unquoted_in(quote: Fact, passage: Sequence[Sentence], other: _Index) -> bool:
    """A sentence of the passage says every word of ``quote``, in order, outside the
    quotations of its text (``other``): as reported speech ('said the team "played with real
    courage"' / 'said the team played with real courage'), not in another's quotation."""
    quoted = [(q.start, q.end) for q in other.by_kind.get("quote", ())]
    for sentence in passage:
        said = quotes.said_unquoted(quote.text, sentence.text,
                                    min_words=PASSAGE_UNQUOTED_MIN_WORDS)
        if said is not None and said[2] == 0 and not any(
                start < sentence.start + said[1] and sentence.start + said[0] < end
                for start, end in quoted):
            return True
    return False


def _quoted_at_another_length(quote: Fact, other: _Index) -> Fact | None:
    """A quotation of the other text that quotes ``quote``'s statement at another length
    (``quotes.compatible``), wherever it stands: a quotation extended by a sentence starts in
    the sentence before the one aligned with ``quote``'s, and is the same quotation."""
    return next((q for q in other.by_kind.get("quote", ()) if quotes.compatible(quote, q)),
                None)


def _quoted_otherwise(change: Change, text: str, said: tuple[int, int, int], b: Fact) -> Change:
    """A quotation of the original's unquoted words with one word put another way ("I suspect
    that will take a month" quoted as "I expect ..."): the quotation changed, not added."""
    start, end, _differ = said
    return replace(change, status="changed", severity="high",
                   original=Excerpt.of(text, start, end), grounding="contradicted",
                   evidence=(Excerpt.of(text, start, end),),
                   detail=quotes.explain_quoted_otherwise(text[start:end], b.text))


def _swap_told_once(changes: Sequence[Change], original: Side, retelling: Side) -> list[Change]:
    """A quotation given to another speaker in a pair whose reporting clause names the same
    two ('"...," Jane Doe, the head of Fairplay, said' / '"...," Tom Reed, ... said'): one
    change, the quotation's, not also the attribution's."""
    def speaker(side: Side, excerpt: Excerpt | None, kind: str) -> str:
        if excerpt is None:
            return ""
        f = next((f for f in side.facts if f.kind == kind and f.start == excerpt.start
                  and f.end == excerpt.end), None)
        return "" if f is None else (f.role if kind == "quote" else f.note or f.key)

    swaps = [(c.retelling.start, speaker(original, c.original, "quote"),
              speaker(retelling, c.retelling, "quote")) for c in changes
             if c.kind == "quote" and c.status == "changed" and c.retelling is not None]
    if not swaps:
        return list(changes)

    def told(c: Change) -> bool:
        a = speaker(original, c.original, "attribution")
        b = speaker(retelling, c.retelling, "attribution")
        return bool(a and b) and c.retelling is not None and any(
            abs(at - c.retelling.start) <= SWAP_CLAUSE_CHARS
            and attributions.same_speaker(a, qa) and attributions.same_speaker(b, qb)
            for at, qa, qb in swaps)

    return [c for c in changes if not (c.kind == "attribution" and c.status == "changed"
                                       and told(c))]


def one_change_per_speaker(changes: Sequence[Change], original: Side, retelling: Side
                           ) -> list[Change]:
    """Report a new, lost or swapped speaker once: as the attribution or quotation change.

    "..., Reuters reported" added is one attribution, not also the name Reuters; a quote given
    to Jones instead of Smith is one change of speaker, not also the name Smith changed.
    """
    speaker_changes: list[tuple[Change, list[str]]] = []
    # (status, on the original side, clause end, its last word: the verb, as a rule)
    clauses: list[tuple[str, bool, int, str]] = []
    at: dict[tuple[bool, str, int, int], list[Fact]] = defaultdict(list)
    for side in {id(original): original, id(retelling): retelling}.values():
        for f in side.facts:
            if f.kind in ("attribution", "quote"):
                at[(side is original, f.kind, f.start, f.end)].append(f)
    for c in changes:
        if c.kind in ("attribution", "quote"):
            speaker_changes.append((c, _speakers(c, original, retelling, at)))
        if c.kind == "attribution" and c.status != "changed":
            excerpt = c.original or c.retelling
            assert excerpt is not None
            clauses.append((c.status, c.original is not None, excerpt.end,
                            excerpt.text.rsplit(None, 1)[-1].casefold() if excerpt.text.strip()
                            else ""))
    speakers = {spoken.pair for spoken, _said_by in speaker_changes}
    if not speakers:
        return _swap_told_once(changes, original, retelling)

    def in_clause(c: Change) -> bool:
        """A name in a lost or added reporting clause ("Mr Balls told the BBC")."""
        excerpt = c.original or c.retelling
        text = (original if c.original else retelling).document.text
        return excerpt is not None and c.status != "changed" and any(
            status == c.status and on_original == (c.original is not None)
            and 0 <= excerpt.start - end <= REPORTING_CLAUSE_CHARS
            and not _CLAUSE_BREAK.search(text, end, excerpt.start)
            and _addressee(verb, text[end : excerpt.start])
            for status, on_original, end, verb in clauses)

    # A speaker change takes in the mention of its speaker nearest to it on each side (a fact,
    # not a change, so that a second pass over the changes takes in the same); a mention
    # further off is a name of its own: "Ned asks John ... and John says" where the original
    # has Tom is a new speaker, and a name the original never gives where Ned asks.
    spoken_at: set[tuple[bool, int, int]] = set()
    # each side's names by position; a speaker's mention is looked for near its change only
    named = {id(side): sorted((f for f in side.facts if f.kind == "name"), key=lambda f: f.start)
             for side in (original, retelling)}
    starts = {k: [f.start for f in v] for k, v in named.items()}
    for spoken, said_by in speaker_changes:
        for excerpt, side in ((spoken.original, original), (spoken.retelling, retelling)):
            if excerpt is None:
                continue
            near_by = named[id(side)][
                bisect_left(starts[id(side)], excerpt.start - SPEAKER_MENTION_CHARS):
                bisect_right(starts[id(side)], excerpt.end + SPEAKER_MENTION_CHARS)]
            text = side.document.text
            mentions = [f for f in near_by if any(
                names.same_name(f.text, s) or names.mentioned(f.text, s) for s in said_by)
                or (_APPOSITION_RE.fullmatch(text, excerpt.end, f.start) is not None
                    and _APPOSITION_END_RE.match(text, f.end) is not None)]
            if mentions:
                near = min(mentions, key=lambda f: (abs(f.start - excerpt.start), f.start))
                spoken_at.add((side is original, near.start, near.end))

    def about_a_speaker(c: Change) -> bool:
        if c.kind != "name" or c.pair not in speakers:
            return False
        return in_clause(c) or all(
            (on_original, e.start, e.end) in spoken_at
            for on_original, e in ((True, c.original), (False, c.retelling)) if e is not None)

    # (and a quotation's speaker swapped in a pair whose reporting clause names the same two
    # is the quotation's change alone)
    return _swap_told_once([c for c in changes if not about_a_speaker(c)], original, retelling)


# A speaker described and named side by side ("according to the town's mayor, Ilse Varga"):
# one source
_APPOSITION_RE = re.compile(r",[^\S\n]*")
# ... where the name ends the clause ("According to police, Ian Dale, 34, was held" names a man
# held, not the source)
_APPOSITION_END_RE = re.compile(r",?[^\S\n]*(?:$|[.;:!?\n]|(?:said|says|told|added|wrote|"
                                r"stated|noted)\b)")


# Verbs whose object is the person addressed ("told the BBC", "warned reporters"); after any
# other reporting verb a name is the addressee or medium only behind a preposition ("said in a
# statement to CNN"): "Anette suggests Laura Pausini" names what is suggested, a fact of its own.
ADDRESSEE_VERBS = frozenset({"tell", "tells", "told", "telling", "warn", "warns", "warned",
                             "assure", "assures", "assured", "inform", "informs", "informed",
                             "brief", "briefs", "briefed", "remind", "reminds", "reminded"})
CLAUSE_PREPOSITIONS = frozenset({"to", "on", "in", "with", "at", "via", "through", "from"})


def _addressee(verb: str, gap: str) -> bool:
    """True when a name this far after a reporting verb is whom or where it was said to."""
    return verb in ADDRESSEE_VERBS or any(
        w.casefold() in CLAUSE_PREPOSITIONS for w in _CONTEXT_WORD.findall(gap))


# How far from a quotation or attribution its speaker's name is looked for ("'...,' the
# minister of transport, Marta Quill, said on Monday"): the nearest mention there is the speaker's.
SPEAKER_MENTION_CHARS = 200
# A reporting clause runs on this far after its verb ("told the BBC", "said in a statement to
# CNN"): names there belong to the attribution.
REPORTING_CLAUSE_CHARS = 30
_CLAUSE_BREAK = re.compile(r"[.,;:!?\n]")


def _content_facts(side: Side) -> list[Fact]:
    clutter = {s.id for s in side.sentences if s.kind == "boilerplate"}
    return [f for f in side.facts if f.sentence not in clutter
            and not (f.kind == "date" and f.note == dates.DATELINE_NOTE)]


def _wordings(said: Sequence[str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(list)
    for i, wording in enumerate(said):
        out[wording].append(i)
    return out


def _twin_elsewhere(wording: str, other: dict[str, list[int]], paired: Sequence[int]) -> bool:
    """True when the other side has this sentence word for word, outside this pair."""
    ids = other.get(wording)
    return bool(ids) and not any(i in paired for i in ids or ())


def _distinct(ids: Sequence[int], said: Sequence[str],
              by_sentence: dict[int, list[Fact]]) -> list[int]:
    """The sentences of a pair side, each statement once.

    A sentence is left out when an earlier one of the side says it word for word, or says it
    again in nearly the same words (``REPEAT_WORDS`` of their words shared, no verb added) with
    every fact of it (kind and key) among the earlier one's: a summariser's repeated sentence ("the UK came
    11th ..." / "overall, the UK came 11th ...") states its facts once, and its second copy of
    a figure is no fact to pair with whatever the other side has left over. A sentence with a
    fact of its own ("Sales rose 7%" after "Sales rose 5%") is never a repeat.
    """
    if len(ids) < 2:
        return list(ids)
    seen: set[str] = set()
    kept: list[tuple[set[str], set[tuple[str, str]]]] = []
    out = []
    for i in ids:
        wording = said[i]
        if wording in seen:
            continue
        seen.add(wording)
        words = set(_TOKEN_RE.findall(wording))
        keys: set[tuple[str, str]] = {(f.kind, f.key) for f in by_sentence.get(i, ())}
        if any(keys <= k_keys and len(words & k_words) >= REPEAT_WORDS * len(words | k_words)
               and not any(meaning.verb_form(w) for w in words - k_words)
               for k_words, k_keys in kept):
            continue
        kept.append((words, keys))
        out.append(i)
    return out


def _contributing(ids: list[int], said: Sequence[str], other: Sequence[str]) -> list[int]:
    """The sentences of a pair side that give the other side words of their own: one whose
    every word the other side uses is also in the side's other sentences was only swept in
    beside them ("... a move that gives the tribunal authority over disputed catches" and
    "... signed the charter in March, when it also accepted the tribunal's authority over
    disputed catches", against a summary of the first alone). What it alone states is left
    out with it, as a dropped sentence's facts are."""
    if len(ids) < 2:
        return ids
    # (words by their first letters: "possessing" is the retelling's "possession")
    theirs = {_head(w) for w in _TOKEN_RE.findall(" ".join(other).casefold())
              if w not in meaning.STOP}
    mine = {i: {_head(w) for w in _TOKEN_RE.findall(said[i].casefold())} & theirs for i in ids}
    out = [i for i in ids
           if len(mine[i] - set().union(*(mine[k] for k in ids if k != i))) >= OWN_WORDS_MIN]
    return out or ids


# Words of its own a sentence of a pair must give the other side (``_contributing``).
OWN_WORDS_MIN = 1
HEAD_LETTERS = 5  # a word's first letters, for one word in another form


def _head(word: str) -> str:
    return word[:HEAD_LETTERS]


# Share of two sentences' words (of both together) one must have of the other's to repeat it.
# A repeat adds no verb of its own: "12 men were later charged" after "12 men were arrested"
# says something new of them.
REPEAT_WORDS = 0.8
_TOKEN_RE = re.compile(r"\w+")


def _counted_from_a_date(fact: Fact) -> bool:
    value = fact.value
    return isinstance(value, Interval) and value.relative and value.reference is not None


def _reads_the_same(a: Fact, b: Fact) -> bool:
    """Two facts written alike, unless they are relative dates counted from two dates.

    A quotation with the same words and another speaker is a change of speaker: its evidence
    is the speaker, not the words.
    """
    if not same_wording(a.text, b.text):
        return False
    if a.kind == "quote" and a.role and b.role and not attributions.same_speaker(a.role, b.role):
        return False
    if _counted_from_a_date(a) and _counted_from_a_date(b):
        one_day = a.value.reference == b.value.reference  # type: ignore[union-attr]
        return one_day or dates.mostly_same_period(a, b)
    return True


def _common_noun_opening(fact: Fact, side: Side, texts: tuple[str, str]) -> bool:
    """``fact`` opens its sentence and is a common word there (``names.capitalised_opening``)."""
    sentence = side.sentences[fact.sentence] if 0 <= fact.sentence < len(side.sentences) \
        else None
    return sentence is not None and names.capitalised_opening(
        fact.text, side.document.text[sentence.start:fact.start], texts)


def _expanded_in(fact: Fact, facts: Sequence[Fact]) -> bool:
    """True when ``fact`` is an acronym of another name among ``facts`` ("PFM" of "Product
    Feature Map")."""
    return any(f is not fact and _acronym_of(fact.text, f.text) for f in facts)


def _possessive_of(with_s: str, name: str, text: str, other: str) -> bool:
    """True when ``with_s`` is ``name`` with an s, written as a possessive on one side: the
    apostrophe lost ("Corvins men" / "Corvin's men") or a plural's ("the Viking
    raids" / "the Vikings' raids"). "Roberts" / "Robert" is no such pair."""
    if with_s != name + "s" or len(name) < 3:
        return False
    return re.search(rf"(?<![^\W_]){re.escape(name)}['\u2019]s(?![^\W_])", other) is not None \
        or re.search(rf"(?<![^\W_]){re.escape(with_s)}['\u2019](?![^\W_])", text) is not None


def _acronym_of(short: str, long_: str) -> bool:
    """True for an acronym and its expansion: "LA" / "Los Angeles", "DNNs" / "Deep Neural ..."."""
    letters = short.replace(".", "")
    if letters.endswith("s") and letters[:-1].isupper():
        letters = letters[:-1]
    words = _WORD_RE.findall(long_)
    # (by every word, or by the capitalised ones: "BFP", the Bureau of Fire Protection)
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() and \
        len(words) >= 2 and letters.casefold() in {
            "".join(w[0] for w in words).casefold(),
            "".join(w[0] for w in words if w[:1].isupper()).casefold()}


# Endings that make a place's adjective or people (Colombia/Colombian, Iraq/Iraqi,
# Japan/Japanese, Arab/Arabic, Spain/Spanish).
_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish", "ic")


def _demonym_of(place: str, word: str) -> bool:
    """True when ``word`` is the adjective of ``place`` written as a one-word name, or after the
    same words ("North Korea" / "North Korean").

    The place's final -a may go ("China" / "Chinese"). An ending that makes another place's
    adjective ("Niger" / "Nigerian", from Nigeria) does not count.
    """
    if " " in place or " " in word:
        # "North Korea" / "North Korean": the same words before, then a place and its adjective
        p_words, w_words = place.split(), word.split()
        return len(p_words) == len(w_words) > 1 and p_words[:-1] == w_words[:-1] and \
            _demonym_of(p_words[-1], w_words[-1])
    if len(place) < 4 or not (place[:1].isupper() or word[:1].isupper()):
        return False
    if names.demonym_of(place, word):
        return True  # WordNet's pertainyms: "Thai" / "Thailand", "Dutch" / "Netherlands"
    # (in either case: an all-lower-case summary writes "georgia national" for "Georgian")
    place, word = place[:1].upper() + place[1:], word[:1].upper() + word[1:]
    for stem in {place, place[:-1] if place.endswith(("a", "e")) else place}:
        if word.startswith(stem) and word[len(stem):] in _DEMONYM_ENDINGS:
            other = stem + "ia" if word[len(stem):] == "ian" else ""
            return not (other and other != place and names.alias_group(other) is not None)
    return False


def _demonym_written(name: str, text: str) -> bool:
    """True when ``text`` writes ``name``'s place or its adjective ("Georgian" / "Georgia"),
    in lower case only in an all-lower-case text ("the georgia national"): elsewhere "span" and
    "pole" are words, not Spain and Poland."""
    if " " in name or len(name) < 4:
        return False
    lower = not any(c.isupper() for c in text)
    return any(_demonym_of(w, name) or _demonym_of(name, w)
               for w in {w for w in _WORD_RE.findall(text)
                         if len(w) >= 4 and (lower or w[:1].isupper())})


def _part_of_compound(name: str, compound: str) -> bool:
    """True when ``compound`` is hyphenated and one of its parts is ``name`` (itself not
    hyphenated: "Neuro-Symbolic" / "Multi-Symbolic" changed a part, and kept none whole)."""
    parts = [p for p in _HYPHENS_RE.split(compound) if p]
    return len(parts) > 1 and not _HYPHENS_RE.search(name) and any(
        names.same_name(p, name) for p in parts)


_HYPHENS_RE = re.compile(r"[-\u2010\u2011]")


@lru_cache(maxsize=64)
def _lower_words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD_RE.findall(text))


# Endings that make another name of a name (Iran/Iranian, Niger/Nigeria, Johns/Johnson):
# never read as a word glued on by a missing space.
_NAME_ENDINGS = frozenset({"son", "sen", "ian", "ians", "ese", "ite", "ites", "ia", "berg",
                           "burg", "ton", "ville", "land", "stan", "ski", "sky", "ova", "ov"})


def _glued_in(name: str, text: str, passage: tuple[str, str]) -> bool:
    """True when ``name`` is a name of ``text`` written with a space lost or a word glued on.

    "Sun Hall" / "SunHall", "test sets" / "testsets", "Varenko said" / "Varenkosaid": the letters
    run together; a glued tail must be a word of the passage (``passage``: both sides' texts;
    "said"), of four letters or more or capitalised ("KosovoAs"), and not a name ending
    ("Iran" / "Iranian").
    """
    letters = [c for c in name if c.isalnum()]
    if len(letters) < 3 or len(letters) > 60:
        return False
    squashed = _squashed(text)
    whole = "".join(letters).casefold() in squashed
    if not whole and \
            "".join(c for c in name.split()[-1] if c.isalnum())[:2].casefold() not in squashed:
        return False  # neither the whole name nor its last word's start occurs: skip regexes
    spaced = r"[\s.\-\u00a0]*".join(re.escape(c) for c in letters)

    def vocabulary() -> frozenset[str]:
        return _lower_words(passage[0]) | _lower_words(passage[1])

    # (the pattern finds the name's letters with only spaces, dots and hyphens between them:
    # never where the squashed text lacks them, and compiling it costs more than that test)
    for m in re.finditer(rf"(?i)(?<!\w){spaced}(?P<tail>[^\W\d_]*)", text) if whole else ():
        tail = m.group("tail")  # "Varenko" in "Varenkosaid": a word glued on after the name
        if not tail or (len(tail) >= 4 and tail.casefold() not in _NAME_ENDINGS
                        and (tail.casefold() in vocabulary()
                             or (len(letters) >= 4 and _inflected_word(tail)))) \
                or (tail[0].isupper() and len(letters) >= 4 and tail.isalpha()) \
                or tail in _GLUED_SMALL_WORDS:
            # a word of the passage, the next sentence's capital ("KosovoAs") or a small
            # function word ("Magellanthe")
            return True
    last = name.split()[-1]
    for k in range(len(last) - 2, 1, -1):
        head, tail = last[:k], last[k:]
        if not (head[-1].isalpha() and tail.isalpha()) or tail.casefold() in _NAME_ENDINGS:
            continue
        camel = tail[0].isupper() and len(head) >= 4  # "KosovoAs": a capital after no space
        small = tail in _GLUED_SMALL_WORDS and len(head) >= 4  # "Magellanthe"
        if (camel or small or (len(tail) >= 4 and tail.casefold() in vocabulary())
                or (len(head) >= 4 and _inflected_word(tail))) and \
                names.mentioned(name[: len(name) - len(tail)], text):
            return True
    return False


# Function words short enough to be glued onto a name by a lost space ("Magellanthe",
# "Wikinewsthat", "Theaterin").
_GLUED_SMALL_WORDS = frozenset({"the", "and", "for", "was", "has", "had", "his", "her", "who",
                                "its", "are", "but", "not", "that", "this", "with", "from",
                                "into", "in", "on", "at", "of", "to", "by", "along", "about",
                                "after", "which", "were", "is"})


def _inflected_word(tail: str) -> bool:
    """A lower-case word in an inflected form ("years", "choosing", "ended") glued on by a lost
    space ("Tudoryears"); a name's last part is seldom one ("Georgetown": "town" is no
    inflection)."""
    if len(tail) < 4 or not tail.islower() or not tail.endswith(("s", "ing", "ed")):
        return False
    found = lexicon.lemmas(tail)
    return any(lemma != tail for lemma, _pos in found)  # "years" is also a lemma of its own


@lru_cache(maxsize=256)
def _squashed(text: str) -> str:
    """The letters and digits of a text, case-folded, with nothing between them."""
    return _NOT_ALNUM.sub("", text).casefold()


# What str.isalnum() rejects: in a str pattern \w is exactly isalnum() plus "_" (a regex drops
# it at C speed; a loop over the characters took a tenth of diff's time on the worked example).
_NOT_ALNUM = re.compile(r"[\W_]+")


# Singular personal pronouns only: "one of them" is no stand-in for a named person.
_PRONOUN_RE = re.compile(r"(?i)(?<!\w)(?:he|she|him|her|his|hers)(?!\w)")


# "it" for an organisation, a work or a thing; never the empty "it" of "it is said", "it
# seems". ("its" is left out: "Upon its release" speaks of the sentence's own subject.)
_IT_RE = re.compile(r"(?i)(?<!\w)it(?![\s\u00a0]+(?:is|was|seems|seemed|appears|appeared)(?!\w))"
                    r"(?!\w)(?!['\u2019]s(?!\w))")


def _stand_ins(text: str, pronoun: re.Pattern[str] = _PRONOUN_RE) -> int:
    """The personal pronouns of a passage that come before any name in it: only those can
    stand for a name out of view ("He died"); in "Besencon introduced her to RedOne, whom he
    managed" the pronouns refer to names the passage gives."""
    spans = names.find_spans(text)
    first = spans[0].start if spans else len(text)
    return sum(1 for m in pronoun.finditer(text, 0, first))


def _not_pronouned(facts: list[Fact], text: str, other: str) -> list[Fact]:
    """Keep the names the other passage did not replace by a pronoun.

    When the other passage has more personal pronouns than this one, as many of these names
    (a person, or a name of unknown type) were replaced by one ("Morland died" / "He died"):
    the sentence is still about them, so nothing was dropped or added. "it" stands so for a
    name that is not a person's ("after a BNP hijacking of" / "after it adapted"). Only pronouns
    before the other passage's first name can be such stand-ins (``_stand_ins``).
    """
    for pronoun, roles in ((_PRONOUN_RE, None), (_IT_RE, "")):
        if not facts:
            return facts
        surplus = len(pronoun.findall(other)) - len(pronoun.findall(text))
        if surplus > 0:  # (no more pronouns there: the names it has need not be read)
            surplus = min(surplus, _stand_ins(other, pronoun))
        if surplus <= 0:
            continue
        out = []
        for f in facts:
            fits = f.role in ("", "person") if roles is None else f.role != "person"
            if surplus > 0 and fits:
                surplus -= 1
                continue
            out.append(f)
        facts = out
    return facts


# A parenthesis that points elsewhere: "(see ...)", "[see also ...]", "(cf. ...)".
_CROSS_REFERENCE_RE = re.compile(r"[(\[]\s*(?:see|cf\.)(?!\w)[^()\[\]\n]*$", re.IGNORECASE)
CROSS_REFERENCE_KINDS = frozenset({"number", "date", "name"})


def _cross_reference(fact: Fact, text: str) -> bool:
    """True when a fact sits inside a cross-reference ("(see the MPAA link below)")."""
    before = _CROSS_REFERENCE_RE.search(text, max(0, fact.start - 120), fact.start)
    if before is None:
        return False
    close = re.compile(r"[^()\[\]\n]*[)\]]").match(text, fact.end)
    return close is not None


_SLOT_TOKEN_RE = re.compile(r"[^\W_]+|[^\w\s]")
# Words that open a definite description: it points at something already known, as a name does.
_DEFINITE = frozenset({
    "the", "this", "that", "these", "those", "such", "our", "its", "their", "his", "her", "my",
    "your",
})
# A description that says its referent is not identified cannot stand for a name.
_UNNAMED = frozenset({
    "unidentified", "unknown", "unnamed", "anonymous", "mysterious", "other", "another",
})
# Words that may stand beside a name in its slot without adding to it ("Wikipedia itself").
_SLOT_FILLER = frozenset({"itself", "himself", "herself", "themselves"}) | _DEFINITE


_DEFINITE_ALT = "|".join(sorted(_DEFINITE))


@lru_cache(maxsize=256)
def _slot_tokens(text: str) -> tuple[str, ...]:
    return tuple(_SLOT_TOKEN_RE.findall(text))


def _anchors(tokens: Sequence[str], k: int, step: int) -> str:
    """A regex for the words that may border a name's slot from position ``k`` on (going by
    ``step``): the nearest word, and past any filler the word beyond it; the text's edge is
    \\x02 (start) or \\x03 (end)."""
    out = []
    while True:
        inside = 0 <= k < len(tokens)
        out.append(re.escape(tokens[k]) if inside else ("\x02" if step < 0 else "\x03"))
        if not inside or tokens[k].casefold() not in _SLOT_FILLER:
            return "|".join(out)
        k += step


def _described(name: str, text: str, other: str) -> bool:
    """True when ``other`` puts a definite description where ``text`` has the name.

    A word diff of the two passages replaces the name (with at most a determiner or "itself"
    beside it) by a short description opened by "the", "our", "its" ... and ending in a
    noun (WordNet), not in an adjective the noun comes after: "our method" /
    "LGTR", "on Wikipedia itself" / "on the site". Such a description refers to what the
    name names (coreference), so nothing was dropped or added. An indefinite phrase ("a
    colleague") introduces someone new, "the unidentified craft" says no one is named, and a
    name that only modified a noun ("the Sarvel explosion" / "the blast") takes its detail
    with it: these stay reported.
    """
    own, theirs, target = _slot_tokens(text), _slot_tokens(other), _slot_tokens(name)
    n = len(target)
    at = next((k for k in range(len(own) - n + 1) if own[k:k + n] == target), None)
    if at is None or not n:
        return False
    # Cheap test first (a word diff of long passages is slow): the other passage must have a
    # definite description between a word that stands before the name and one after it
    # (determiners and "itself" beside the name may be part of the swapped slot).
    starts = _anchors(own, at - 1, -1)
    ends = _anchors(own, at + n, 1)
    if not re.search(rf"(?<!\S)(?:{starts})\s(?i:{_DEFINITE_ALT})(?:\s\S+){{1,3}}\s(?:{ends})"
                     r"(?!\S)",
                     " ".join(["\x02", *theirs, "\x03"])):
        return False
    matcher = SequenceMatcher(None, own, theirs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace" or not i1 <= at or at + n > i2:
            continue
        beside = own[i1:at] + own[at + n:i2]
        words = theirs[j1:j2]
        return all(w.casefold() in _SLOT_FILLER for w in beside) and 2 <= len(words) <= 4 \
            and words[0].casefold() in _DEFINITE \
            and all(w.isalpha() and w.islower() and w not in _UNNAMED for w in words[1:]) \
            and any(pos == "n" for _lemma, pos in lexicon.lemmas(words[-1]))
    return False


# The tokens that carry a figure's or a date's value: digit runs and month and number words.
_VALUE_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_VALUE_WORDS = frozenset({
    *numbers.SCALES, "dozen", "hundred", *dates.MONTHS, *dates.WEEKDAYS,
})
# Ranks in words as the digits they stand for: "second place" is "2nd place", "the fifteenth
# century" the "15th century" ("first" is left out: mostly no rank, "called Round 2 first").
# Counts in words stay words: "twenty people" is not "20 buses" read differently. "both"
# is "two" ("these two examples" / "both these examples").
_ORDINAL_WORDS = [
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth",
]
_WORD_DIGITS = {
    **{w: w for w in (*numbers.UNITS, *numbers.TEENS, *numbers.TENS)},
    **{w: str(n) for n, w in enumerate(_ORDINAL_WORDS, start=2)},
    **{w[:-1] + "ieth": str(n) for w, n in numbers.TENS.items() if w != "twenty"},
    "both": "two",
}


def _value_tokens(text: str) -> list[str]:
    out = []
    for m in _VALUE_TOKEN_RE.finditer(text):
        t = m.group().casefold()
        if t[0].isdigit():
            out.append(t.replace(",", ""))
        elif t in _WORD_DIGITS:
            out.append(_WORD_DIGITS[t])
        elif t in _VALUE_WORDS:
            out.append(t)
    return out


_ORDINAL_RE = re.compile(r"(?i)\d(?:st|nd|rd|th)\b")


def _without_dates(text: str, facts: Sequence[Fact], figure: Fact) -> str:
    """``text`` with the words of its dates that say more than ``figure``'s value blanked:
    "$18 million" is not written where "June 18" is (a day of a month), "1998" is
    where "In 1998" is."""
    if _ORDINAL_RE.search(figure.text):
        return text  # "until the 18th" / "until June 18": the day, said alone
    mine = set(_value_tokens(figure.text))
    for f in facts:
        if f.kind == "date" and set(_value_tokens(f.text)) - mine:
            text = text.replace(f.text, " ", 1)
    return text


def _written_as_often(fact_text: str, text: str, other: str) -> bool:
    """True when every value token of a fact (its digits, month and number words) occurs in
    ``other`` at least as often as in ``text``, the tokens of one fact together there (in any
    order): the same value, read differently there. "$18 million" is not written where
    "$40 million" and "June 18" are."""
    tokens = _value_tokens(fact_text)
    if not tokens:
        return False
    here, there = _value_tokens(text), _value_tokens(other)
    if not all(there.count(t) >= here.count(t) for t in set(tokens)):
        return False
    if len(tokens) == 1:
        return True
    wanted, width = Counter(tokens), len(tokens) + 1
    return any(not wanted - Counter(there[k : k + width]) for k in range(len(there)))


def _new_without(fact: Fact, other: str) -> bool:
    """A "without" whose object the other passage never mentions (in any inflection)."""
    if fact.text.casefold() != "without" or not fact.role:
        return False
    stem = fact.role.casefold().rstrip("s")[:5]
    return re.search(rf"(?i)\b{re.escape(stem)}", other) is None


_VERB_AND_OBJECT = re.compile(r"[\s\u00a0]+[\w'’-]+(?:[\s\u00a0]+[\w'’-]+)?")


def _told_alike(text: str, attribution: Fact, other: str) -> bool:
    """The other passage has the attribution's verb and the two words after it
    ("told authorities that"): the same attribution, its speaker put another way."""
    verb = attribution.text.rsplit(None, 1)[-1] if attribution.text.split() else ""
    if not verb.isalpha() or not attribution.text.endswith(verb):
        return False
    after = _VERB_AND_OBJECT.match(text, attribution.end)
    if after is None:
        return False
    phrase = " ".join((verb + after.group()).split())
    return re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", " ".join(other.split())) is not None


def _near_passage(side: Side, ids: Sequence[int]) -> str:
    """The text of sentences ``ids`` and of the sentence either side of them."""
    lo, hi = max(0, min(ids) - 1), min(len(side.sentences) - 1, max(ids) + 1)
    return " ".join(side.sentences[i].text for i in range(lo, hi + 1))


def _subject_of(attribution: Fact, text: str) -> bool:
    """A body named by its kind ("Authorities said they were investigating") opens a clause of
    the other passage as the actor ("Authorities are investigating."): the act is the body's on
    both sides, told as a fact on one and as its word on the other."""
    speaker = re.sub(r"(?i)^(?:the|a|an)\s+", "", (attribution.note or attribution.key).strip())
    if not speaker or speaker.split()[-1].casefold() not in attributions.GENERIC_SPEAKERS:
        return False
    words = r"\s+".join(re.escape(w) for w in speaker.split())
    return re.search(rf"(?:^|[.;:!?]\s+|,\s+(?:and|but)\s+)(?:the\s+)?{words}(?![\w'’-])", text,
                     re.IGNORECASE) is not None


def _names_speaker(attribution: Fact, facts: Iterable[Fact]) -> bool:
    speaker = attribution.note or attribution.key  # note holds the speaker as written
    # (a quotation's speaker is cited too: '"...," Smith wrote' / "Smith wrote that ...")
    return any(f.kind == "name" and names.same_name(f.text, speaker)
               or f.kind == "quote" and bool(f.role) and names.same_name(f.role, speaker)
               for f in facts)


def _speaker_of(name: Fact, facts: Sequence[Fact], others: Sequence[Fact]
                ) -> tuple[Fact, Fact] | None:
    """The quotation ``name`` speaks among ``facts``, and the same quotation among ``others``
    with no speaker found, if there is such a pair."""
    for q in facts:
        if q.kind == "quote" and q.role and names.same_name(q.role, name.text):
            twin = next((o for o in others if o.kind == "quote" and not o.role
                         and o.key == q.key), None)
            if twin is not None:
                return q, twin
    return None


def _unsaid(original: Side, retelling: Side, a: Fact, b: Fact, pair: int, *, lost: bool
            ) -> Change:
    """A quotation that lost (or gained) the speaker of its own reporting clause."""
    change = _change(quotes, "changed", original, retelling, a, b, pair)
    detail = (f"The retelling drops the speaker of the quotation: the original attributes it "
              f"to {a.role}, the retelling to no one." if lost else
              f"The retelling attributes the quotation to {b.role}; the original names no "
              f"speaker for it.")
    return replace(change, detail=detail)


_ROLE_WORD_RE = re.compile(r"[^\W\d_][\w’'-]*")
def _opposites_in(f: Fact, text: str) -> dict[str, str]:
    """The WordNet opposites of the word negation ``f`` denies that ``text`` says, each with
    the word as written ("fall": "fell" for "did not rise"; "cut" is none of "raise": WordNet's
    "lower" is). Read by `_opposite_word` and `_opposite_said`."""
    if not f.role or len(f.role) < 3:
        return {}
    opposites = lexicon.antonyms(f.role)
    found: dict[str, str] = {}
    for w in _ROLE_WORD_RE.findall(text):
        for form in opposites & {w.casefold(), *lexicon.base_forms(w)}:
            found.setdefault(form, w)
    return found


def _opposite_word(f: Fact, text: str) -> str | None:
    """The first word of ``text`` that is an opposite of the word negation ``f`` denies."""
    return next(iter(_opposites_in(f, text).values()), None)


def _nor_as_or(f: Fact, text: str, facts: Iterable[Fact]) -> bool:
    """True when negation ``f`` is a "nor" whose word ``text`` joins with "or" to a word one of
    its own negations governs ("tried nor convicted" / "hasn't been tried or convicted")."""
    if f.text.casefold() != "nor" or not f.role:
        return False
    m = re.search(rf"(?<![\w-])or\s+(?:[\w'’-]+\s+){{0,2}}{re.escape(f.role)}(?![\w-])", text,
                  re.IGNORECASE)
    return m is not None and any(g.kind == "negation" and g.text.casefold() != "nor"
                                 for g in facts)


def _opposite_said(f: Fact, text: str, facts: Iterable[Fact]) -> bool:
    """True when ``text`` (whose facts are ``facts``) states plainly an opposite of the word
    negation ``f`` negates ("not guilty" against "innocent", "did not accept" against
    "rejected"): the same claim. Not a denial ("denied the plot"): someone's claim."""
    if not f.role or negation.denial(f):
        return False
    # (complementary opposites only: "did not rise" is no "fell")
    roles = {f.role.casefold(), *lexicon.base_forms(f.role)}
    said = {o for o in _opposites_in(f, text) if any(negation.complementary(r, o) for r in roles)}
    denied = {x for g in facts if g.kind == "negation" and g.role
              for x in (g.role.casefold(), *lexicon.base_forms(g.role))}
    return bool(said) and not said.issubset(denied)


def _judged_against(f: Fact, text: str) -> bool:
    """True when ``text`` judges the act negation ``f`` negates as one not to do, in a word
    ("should not raise" / "a mistake to raise", "warned against raising"): the same claim."""
    if not f.role or negation.denial(f):
        return False
    wanted = lexicon.word_forms(f.role)
    uses = [m.start() for m in _ROLE_WORD_RE.finditer(text)
            if not wanted.isdisjoint(lexicon.word_forms(m.group()))]
    # every use judged: one stated plainly ("called it a mistake to sell land, said the state
    # would sell the forest") is the claim, reversed
    return bool(uses) and all(negation.judged_against(text, at) for at in uses)


def _denies_what_it_states(b: Fact, side: Side, ids: Sequence[int], other: str) -> bool:
    """True when negation ``b`` is someone's denial added beside a claim its own passage
    states, in that form, before it ("aimed to stop a plot ..., but Brenn has denied any
    plot"): the passage names the denied word more often than the other passage ``other``
    does. Where it does not, the denial stands where the other passage says something else of
    that word ("confessed to the plot" / "denied the plot"): a reversal. A plain "no" or "not"
    is the retelling's own word against the claim: a reversal too."""
    if not b.role or len(b.role) < 3 or not negation.denial(b):
        return False
    wanted = {b.role.casefold(), *lexicon.base_forms(b.role)}

    def said(text: str) -> int:
        return sum(1 for w in _ROLE_WORD_RE.findall(text)
                   if not wanted.isdisjoint({w.casefold(), *lexicon.base_forms(w)}))

    before = " ".join(side.sentences[j].text[: max(0, b.start - side.sentences[j].start)]
                      for j in ids if side.sentences[j].start < b.start)
    mine = " ".join(side.sentences[j].text for j in ids)
    return said(before) > 0 and said(mine) > said(other)


# Content words after a hedged verb that make its claim ("could include [music and podcasts]").
OBJECT_WORDS = 2


_CLAUSE_END_RE = re.compile(r"[;:.!?]|,\s+(?:but|while|whereas|although|though|yet)\b")


def _object_said(f: Fact, source: str, text: str) -> bool:
    """True when ``text`` says the words that follow the word qualifier ``f`` hedges in
    ``source`` ("which could include music and podcasts" / "which covers music and
    podcasts"): the claim is there, its verb put another way, and the hedge is lost."""
    if f.key == qualifiers.CONDITION or not f.role:
        return False
    after = source[f.end:f.end + 120]
    at = after.casefold().find(f.role)
    if at < 0:
        return False
    # (the hedged clause's own words: "the count could rise, but injuries ..." hedges no injury)
    after = _CLAUSE_END_RE.split(after[at:], maxsplit=1)[0]
    at = 0
    words = [w for w in _ROLE_WORD_RE.findall(after[at + len(f.role):])
             if w.casefold() not in meaning.STOP and len(w) >= 3][:OBJECT_WORDS]
    said = {w.casefold() for w in _ROLE_WORD_RE.findall(text)}
    return len(words) == OBJECT_WORDS and all(w.casefold() in said for w in words)


_KNOWN_AS_RE = re.compile(r"(?i)(?<![\w'’-])(?:also[ \t\u00a0]+)?known[ \t\u00a0]+as(?![\w'’-])")


def _role_said(f: Fact, text: str, source: str = "", kept: str = "") -> bool:
    """True when ``text`` says, in any form or in other words (a synonym, a derived form, a
    broader or narrower term), the word a negation negates or a qualifier hedges ("did not
    approve" / "endorsed"; "the alleged killer" / "the murderer"), or ``f`` names no such word.
    For a negation whose word is an adverb, the word after it in ``source`` counts too.
    A word ``kept`` (the other passage's) is its own word carried over, never another's other
    words ("a plot to stop the merger, arguing it doesn't contain evidence" / "a plot to stop
    the merger": "stop" is no "contain").
    Where none is said ("is not sitting well" / "launched a bid"), the negation or hedge left,
    or came, with its claim."""
    if not f.role:
        return True
    roles = [f.role]
    if f.kind == "negation" and source and f.role.casefold().endswith("ly"):
        # an adverb first ("did not immediately respond"): the verb after it is negated too
        after = _ROLE_WORD_RE.findall(source[f.end : f.end + 60])
        roles += after[after.index(f.role) + 1 :][:1] if f.role in after else []
    # ("the asteroid known as Bennu" names it: it says nothing of knowing)
    said = list(dict.fromkeys(w.casefold() for w in _ROLE_WORD_RE.findall(
        _KNOWN_AS_RE.sub(" ", text))))
    said_forms = {x for w in said for x in (w, *lexicon.base_forms(w))}
    roles = [r for r in roles if len(r) >= 3]
    # the word itself in any form first: the WordNet neighbours below cost synset reads
    if any(not said_forms.isdisjoint({r.casefold(), *lexicon.base_forms(r)})
           or any(lexicon.one_word(r, w) for w in said) for r in roles):
        return True
    if kept:
        own = {w.casefold() for w in _ROLE_WORD_RE.findall(kept)}
        said = [w for w in said if w not in own]
    for role in roles:
        near = {n.replace("_", " ") for n in lexicon.neighbours(role)}
        if any(lexicon.one_word(n, w) for n in near if " " not in n for w in said):
            return True
    # a narrower word ("murderer" for "killer"): each said word's neighbours read once
    wanted = {r.casefold() for r in roles}
    return any(n.replace("_", " ") in wanted for w in said if len(w) >= 3
               for n in lexicon.neighbours(w))


def _rejoined(whole: list[Fact], split: list[Fact]) -> tuple[list[Fact], list[Fact]]:
    """``whole`` and ``split`` without a quotation ``split`` breaks around its reporting clause
    and ``whole`` gives in one piece (`quotes.split_of`): one quotation, no change."""
    for w in whole:
        halves = quotes.split_of(w, split)
        if halves is not None:
            return [f for f in whole if f is not w], [f for f in split if f not in halves]
    return whole, split


def _change(
    module: FactKindModule,
    status: Status,
    original: Side,
    retelling: Side,
    a: Fact | None,
    b: Fact | None,
    pair: int | None,
) -> Change:
    kind = (a or b).kind  # type: ignore[union-attr]
    severity = SEVERITY.get((kind, status), "medium")
    compatible = getattr(module, "compatible", None)
    if a is not None and b is not None and compatible is not None and compatible(a, b):
        severity = "low"  # e.g. a rounded figure or a narrower date: worth a look, not an alarm
    return Change(
        kind=kind,
        status=status,
        original=Excerpt.of(original.document.text, a.start, a.end) if a else None,
        retelling=Excerpt.of(retelling.document.text, b.start, b.end) if b else None,
        detail=module.explain(a, b),
        severity=severity,
        pair=pair,
    )


def _variant(original: Side, retelling: Side, a: Fact, b: Fact) -> Variant:
    """The same name written differently: a spelling variant, an alias or a short form."""
    return Variant(
        kind=a.kind,
        original=Excerpt.of(original.document.text, a.start, a.end),
        retelling=Excerpt.of(retelling.document.text, b.start, b.end),
        detail=names.explain(a, b),
    )


def _dedupe(changes: list[Change]) -> list[Change]:
    """Drop repeats of one change (the same spans reached through two pairs)."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for c in changes:
        key = (
            c.kind,
            c.status,
            (c.original.start, c.original.end) if c.original else None,
            (c.retelling.start, c.retelling.end) if c.retelling else None,
        )
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _change_order(c: Change) -> tuple[int, int, int, str]:
    where_r = c.retelling.start if c.retelling else -1
    where_o = c.original.start if c.original else -1
    return (SEVERITY_RANK[c.severity], where_r, where_o, c.kind)


def _by_sentence(facts: Iterable[Fact]) -> dict[int, list[Fact]]:
    out: dict[int, list[Fact]] = defaultdict(list)
    for f in facts:
        out[f.sentence].append(f)
    return out


def _by_kind(facts: Iterable[Fact]) -> dict[str, list[Fact]]:
    out: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        out[f.kind].append(f)
    return out


def relation(texts: tuple[str, str], changes: int) -> str:
    """Classify an aligned pair: verbatim (same wording), changed (a fact changed), paraphrase.

    Same wording wins: identical words can differ in a fact only through context (a relative
    date counted from another publication date), and the pair is still a verbatim copy.
    """
    if same_wording(*texts):
        return "verbatim"
    return "changed" if changes else "paraphrase"
