"""The pair pipeline: read -> segment -> align -> extract -> diff -> Comparison."""

from __future__ import annotations

import datetime as dt
import gc
import re
import threading
from bisect import bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice, pairwise

from retold import lexicon, meaning, read, reuse
from retold._verbs import make_callable
from retold.align import Alignment, align
from retold.diff import (
    KINDS,
    SEVERITY,
    SEVERITY_RANK,
    _wording,
    diff,
    one_change_per_speaker,
    relation,
)
from retold.errors import EmptyInput
from retold.facts import attributions, dates, names, numbers, qualifiers
from retold.facts.base import Context, sentence_at
from retold.ground import SLOT_MIN, Grounding, ground, slot_words, unit_names, verdict_counts
from retold.memo import LastFew
from retold.model import (
    AlignedPair,
    Change,
    Comparison,
    Document,
    Excerpt,
    Fact,
    Interval,
    Quantity,
    Sentence,
    Side,
    Summary,
)
from retold.reshape import letter_count, reshape
from retold.segment import segment

# Share of letters outside ASCII above which a text is treated as not English: the name,
# quote, attribution, qualifier and negation rules are English-only and degrade there.
NON_ENGLISH_SHARE = 0.5

DateLike = dt.date | str | None
Progress = Callable[[str, int, int], None]

# What compare_documents reports to its progress callback, in order.
STAGES = ("original: sentences and facts", "retelling: sentences and facts",
          "aligning sentences", "grounding facts in the original", "diffing facts")


def _silent(stage: str, done: int, total: int) -> None:
    pass


def compare(
    original: str | Document,
    retelling: str | Document,
    *,
    original_published: DateLike = None,
    retelling_published: DateLike = None,
    semantic: bool | str = False,
    progress: Progress | None = None,
) -> Comparison:
    """Compare a retelling with its original.

    Args:
        original: the original article, as text or a `Document` (see `retold.read_source`).
        retelling: the retelling, likewise.
        original_published: publication date of the original (a date or ISO string); else
            taken from the document's metadata or byline.
        retelling_published: likewise for the retelling; when unknown, its relative dates
            are resolved against the original's date and the comparison notes it.
        semantic: blend sentence embeddings into the alignment (extra ``[semantic]``): True
            for the bundled all-MiniLM-L6-v2, or the path of a local model directory.
        progress: ``fn(stage, done, total)``, called as each stage starts (see
            `compare_documents`).

    Returns:
        A `Comparison`; its ``to_dict()`` is the ``retold.comparison/1`` JSON.

    Example:
        >>> c = compare("At least 10 people died.", "Twelve people died.")
        >>> [(ch.kind, ch.status) for ch in c.changes]
        [('number', 'changed')]
    """
    return compare_documents(
        as_document(original, "original"),
        as_document(retelling, "retelling"),
        original_published=original_published,
        retelling_published=retelling_published,
        semantic=semantic,
        progress=progress,
    )


def compare_documents(
    original: Document,
    retelling: Document,
    *,
    original_published: DateLike = None,
    retelling_published: DateLike = None,
    semantic: bool | str = False,
    progress: Progress | None = None,
) -> Comparison:
    """Compare two read documents (see `compare`).

    ``semantic`` blends sentence embeddings into the alignment (extra ``[semantic]``): True
    for the bundled all-MiniLM-L6-v2, or the path of a local sentence-transformers model.
    ``progress(stage, done, total)`` is called as each stage of :data:`STAGES` starts (``done``
    of ``total`` finished), and once more with ``done == total`` at the end.
    """
    with _cycle_collection_paused():
        return _compare_documents(original, retelling, original_published=original_published,
                                  retelling_published=retelling_published, semantic=semantic,
                                  progress=progress)


@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector for one comparison, in a process with one thread.

    A comparison builds tens of thousands of small containers that outlive the collector's
    first generations (facts, index entries, memos), and it makes no reference cycles (a test
    holds it to that): the collector found nothing to free, yet took about a tenth of the time.
    Acyclic garbage is still freed at once by reference counting. In a process with other
    threads (a server), the collector is left alone: pausing it is process-wide.

    What the comparison leaves (its result, the caches it filled) then goes straight to the
    collector's oldest generation, as long-lived objects do: otherwise the first collection
    after the pause looked at each of them (12,000-18,000 objects for the worked example,
    ~8 % of its time) and found nothing. The caller's own young objects are collected first, as
    they would have been, so only the comparison's objects skip the young generations; where
    the caller froze objects (``gc.freeze``) nothing is moved, as moving needs a freeze and an
    unfreeze of its own.
    """
    if threading.active_count() > 1 or not gc.isenabled():
        yield
        return
    promote = gc.get_freeze_count() == 0
    if promote:
        gc.collect(1)
    gc.disable()
    try:
        yield
    finally:
        if promote:
            gc.freeze()  # every tracked object to the permanent generation...
            gc.unfreeze()  # ...and from there to the oldest one, without a scan
        gc.enable()


@dataclass(frozen=True, slots=True)
class Reading:
    """The first stages of a comparison: both sides read (sentences, facts), their sentences
    aligned, the reuse measured; grounding and the fact diff not yet run.

    A corpus trace decides from it which way round to compare a pair, and whether the pair is
    reuse at all, before paying for grounding and diff (about two thirds of a comparison).
    """

    original: Side
    retelling: Side
    alignment: Alignment
    summary: Summary
    notes: tuple[str, ...]


def read_pair(original: Document, retelling: Document, *, semantic: bool | str = False
              ) -> Reading:
    """The first stages of `compare_documents` (see `Reading`), with the documents' own
    publication dates; `compare_documents` on the same two documents (and ``semantic``) starts
    from the reading instead of doing them again."""
    with _cycle_collection_paused():
        return _reading(original, retelling, semantic, _silent)


# A trace reads a pair, decides, then compares it in the order it read it in: the last few
# readings, by the two documents (frozen, hashed by value; a str caches its hash) and
# ``semantic``. Not by the progress callback: any callback, or none, gets the same reading, and
# is told of the stages a kept reading skips.
READINGS: LastFew[tuple[Document, Document, bool | str], Reading] = LastFew(4)


def _reading(original: Document, retelling: Document, semantic: bool | str,
             report: Progress) -> Reading:
    key = (original, retelling, semantic)
    found = READINGS.get(key)
    if found is None:
        found = _read(original, retelling, semantic, report)
        READINGS.put(key, found)
    else:
        for k in range(3):
            report(STAGES[k], k, len(STAGES))
    return found


def _read(original: Document, retelling: Document, semantic: bool | str, report: Progress
          ) -> Reading:
    o_context, r_context, notes = _contexts(original.published, retelling.published)
    n = len(STAGES)
    report(STAGES[0], 0, n)
    o_side = prepare_shaped(original, o_context, retelling.text)
    report(STAGES[1], 1, n)
    r_side = prepare_shaped(retelling, r_context, original.text, new_names=True)
    o_sentences, r_sentences = o_side.sentences, r_side.sentences
    report(STAGES[2], 2, n)
    alignment = _align(o_sentences, r_sentences, semantic)
    # A note about how relative dates were resolved matters only where there are some.
    relative = {label: _has_relative_dates(side) for label, side in
                (("original", o_side), ("retelling", r_side))}
    notes = [n for n in notes if not (
        any(n.startswith(f"The {label}'s") and not has for label, has in relative.items())
        or (n.startswith("Neither") and not any(relative.values())))]
    summary = reuse.summarise(o_sentences, r_sentences, alignment)
    notes += _language_notes(original, retelling)
    return Reading(o_side, r_side, alignment, summary, tuple(notes))


def _compare_documents(
    original: Document,
    retelling: Document,
    *,
    original_published: DateLike,
    retelling_published: DateLike,
    semantic: bool | str,
    progress: Progress | None,
) -> Comparison:
    report = progress or _silent
    o_pub = _as_date(original_published, "original_published") or original.published
    r_pub = _as_date(retelling_published, "retelling_published") or retelling.published
    reading = _reading(original.with_published(o_pub), retelling.with_published(r_pub), semantic,
                       report)
    o_side, r_side, alignment, summary = (reading.original, reading.retelling,
                                          reading.alignment, reading.summary)
    o_sentences, r_sentences = o_side.sentences, r_side.sentences
    notes = list(reading.notes)
    n = len(STAGES)
    # Every retelling fact and sentence against the whole original, derived or not: a summary
    # seldom aligns sentence by sentence, and its unsupported facts are the finding.
    report(STAGES[3], 3, n)
    grounded = ground(o_side, r_side, alignment)
    summary = replace(summary, verdicts=tuple(verdict_counts(grounded.verdicts).items()))
    # "added" = retelling sentences with no source: neither aligned nor supported anywhere.
    no_support = {v.sentence for v in grounded.verdicts if v.verdict == "no-support"}

    if reuse.unrelated(r_sentences, alignment):
        changes = _merge((), grounded, {}, r_sentences, o_side, r_side)
        changes = _said_once(changes, r_side)
        summary = replace(summary, message=(
            "The texts look unrelated: no meaningful part of the retelling matches the original. "
            "Its facts were still checked against the whole original; those the original does "
            "not state are listed."))
        report("done", n, n)
        return Comparison(o_side, r_side, (), tuple(s.id for s in o_sentences),
                          tuple(s.id for s in r_sentences if s.id in no_support),
                          changes, summary, (), tuple(notes), grounded.facts, grounded.verdicts)

    report(STAGES[4], 4, n)
    found = diff(o_side, r_side, alignment)
    pair_of = {j: k for k, p in enumerate(alignment.pairs) for j in p.retelling}
    changes = _merge(found.changes, grounded, {
        s.id: pair_of[s.id] for s in r_sentences if s.id in pair_of}, r_sentences, o_side, r_side)
    # Grounding may list a speaker's name diff folded into its attribution: report it once.
    changes = tuple(one_change_per_speaker(changes, o_side, r_side))
    changes = once(changes, o_side, r_side, added=frozenset(alignment.added))
    changes = (*changes, *_conversions_changed(o_side, r_side, pair_of))
    pair_changes = [0] * len(alignment.pairs)
    for c in changes:
        if c.pair is not None and c.kind != "meaning":
            pair_changes[c.pair] += 1
    pairs = tuple(
        _with_relation(p, o_side, r_side, pair_changes[k])
        for k, p in enumerate(alignment.pairs)
    )
    added = tuple(j for j in alignment.added if j in no_support)
    report("done", n, n)
    return Comparison(o_side, r_side, pairs, alignment.dropped, added,
                      changes, summary, found.variants, tuple(notes), grounded.facts,
                      grounded.verdicts)


_NEXT_WORD_RE = re.compile(r"[^\S\n]+([A-Za-z][a-z'’-]*)")
# What a person is a kind of, read from WordNet up to three steps ("captain" -> head, "striker"
# -> athlete), and news roles it files deeper: a name before one of these describes a person.
PERSON_KINDS = frozenset({"person", "leader", "head", "worker", "player", "contestant", "athlete",
                          "expert", "official", "adult", "professional", "communicator"})
PERSON_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "president", "chairman",
                          "chairwoman", "midfielder", "defender", "goalkeeper", "forward"})


def _person_noun(word: str) -> bool:
    """True when ``word`` names a kind of person ("captain", "champions", "minister")."""
    low = word.casefold()
    return low in PERSON_ROLES or names.singular(low) in PERSON_ROLES or bool(
        PERSON_KINDS & meaning.lexicon.broader(low))


# An original of this many sentences is taken as the whole story (an article, a transcript):
# what it never names, nothing outside the comparison names either.
WHOLE_ORIGINAL_MIN = 5
# The content words either side of a name that say which slot it fills ("trending on Twitter").
NAME_SLOT_WORDS = 2


def _merge(changes: Sequence[Change], grounded: Grounding, pair_of: dict[int, int],
           r_sentences: Sequence[Sentence], o_side: Side, r_side: Side) -> tuple[Change, ...]:
    """diff's changes, annotated with what grounding found, plus grounding's own findings."""
    o_at = {(f.kind, f.start, f.end): f for f in o_side.facts}
    r_at = {(f.kind, f.start, f.end): f for f in r_side.facts}

    def restated(c: Change) -> bool:
        """diff's change is a hedge or unit dropped from the same value ("about 12,000")."""
        if c.original is None or c.retelling is None:
            return False
        a = o_at.get((c.kind, c.original.start, c.original.end))
        b = r_at.get((c.kind, c.retelling.start, c.retelling.end))
        check = getattr(KINDS[c.kind], "restates", None)
        return a is not None and b is not None and check is not None and bool(check(a, b))

    # The retelling's supported names by blocking key (names.match_keys): a changed name is
    # compared only with those that may be the same, not with every fact (quadratic).
    # (Built on first use, each name once: most comparisons never ask.)
    supported_names: dict[tuple[str, ...], list[str]] = {}

    def supported_name(text: str, retold_as: str) -> bool:
        """Some supported retelling name is ``text`` (names.same_name), and not ``retold_as``:
        a short form of both names ("Okafor" for Ada and Chidi Okafor) says nothing about
        which one the retelling carries."""
        if not supported_names:
            # a plural acronym carries its singular ("PhDs" names what "PhD" does)
            for t in dict.fromkeys(form for f in grounded.facts
                                   if f.kind == "name" and f.status == "supported"
                                   for form in (f.retelling.text, names.singular(f.retelling.text))):
                for key in names.match_keys(t)[1]:
                    supported_names.setdefault(key, []).append(t)
        return any(names.same_name(t, text) and not names.same_name(t, retold_as)
                   for key in names.match_keys(text)[0] for t in supported_names.get(key, ()))

    # A fact diff found no partner for in its aligned pair, but which the original states
    # elsewhere (a summary sentence draws on several), was moved, not added.
    # Likewise a name diff pairs with another in its pair when the original states the
    # retelling's name and the retelling carries the original's: both are in both texts, and
    # a summary sentence's aligned partner is seldom the only source of its names.
    o_text = o_side.document.text
    o_by_id = {s.id: s for s in o_side.sentences}
    r_text = r_side.document.text
    r_by_id = {s.id: s for s in r_side.sentences}
    o_folded = o_text.casefold()

    def absent(name: str) -> bool:
        """A name the whole original never writes, not even glued to a word: diff's excuses
        for it in its pair (a pronoun there stands for it) assume the antecedent is out of
        view, which it is not when the original is a whole article."""
        return len(o_side.sentences) >= WHOLE_ORIGINAL_MIN and name.casefold() not in o_folded

    def named_in_partner(c: Change) -> bool:
        """diff pairs a retelling name with another of the partner sentence, which names the
        retelling's name too: two actors of one sentence, the other one left out, not a swap."""
        if c.kind != "name" or c.status != "changed" or c.original is None or c.retelling is None:
            return False
        at = sentence_at(o_side.sentences, c.original.start)
        if at is None:
            return False
        s = o_by_id[at]
        return names.mentioned(c.retelling.text, o_text[s.start : s.end])

    date_grounds = {(f.retelling.start, f.retelling.end): f for f in grounded.facts
                    if f.kind == "date"}

    def loosely_paired(c: Change) -> bool:
        """diff paired a date with the partner's only leftover date, below the slot score that
        makes two dates one slot ("2021" / "the first quarter of 2019"), or with one it cannot
        compare it with ("today" / "Q2", no publication date) or that gives its part of the
        calendar a year ("the first quarter of 2019" / "the first quarter"), and grounding finds the
        retelling's date stated elsewhere in the original, not backed by that partner: moved,
        not changed."""
        if c.kind != "date" or c.status != "changed" or c.original is None \
                or c.retelling is None:
            return False
        a = o_at.get((c.kind, c.original.start, c.original.end))
        b = r_at.get((c.kind, c.retelling.start, c.retelling.end))
        if a is None or b is None or (c.kind, b.start, b.end) not in grounded.supported:
            return False
        if KINDS[c.kind].slot_score(a, b) < SLOT_MIN:
            return True
        g = date_grounds.get((b.start, b.end))
        return (dates.incomparable(a, b) or dates.year_unsaid(a, b)) and g is not None and all(
            (e.start, e.end) != (a.start, a.end) for e in g.evidence)

    def description_named(c: Change) -> bool:
        """diff paired a name that only qualifies a person ("the London Wasps captain", "the
        league champions") with the name the retelling gives that person, one the original
        states elsewhere: the description restated as its name, not a swap."""
        if c.kind != "name" or c.status != "changed" or c.original is None \
                or c.retelling is None \
                or ("name", c.retelling.start, c.retelling.end) not in grounded.supported:
            return False
        head = _NEXT_WORD_RE.match(o_text, c.original.end)
        if head is None or not head.group(1).islower() or not _person_noun(head.group(1)):
            return False
        # "The Arsenal captain" for "the Chelsea captain": the qualifier swapped, a change
        mine = _NEXT_WORD_RE.match(r_side.document.text, c.retelling.end)
        return mine is None or meaning.stem(mine.group(1)) != meaning.stem(head.group(1))

    name_grounds = {(f.retelling.start, f.retelling.end): f for f in grounded.facts
                    if f.kind == "name" and f.status == "supported"}

    def named_in_its_slot_elsewhere(c: Change) -> bool:
        """diff paired a name with the partner's name of another slot ("uploaded to LiveLeak" /
        "trending on twitter"), and the original writes the retelling's name elsewhere amid
        more of the words around it ("trending on Twitter") than the partner's name has: the
        name was taken from there, not swapped. ("Jones won the race" for "Smith won the
        race" stays a swap: Smith's words are the retelling's, Jones's are not.)"""
        if c.kind != "name" or c.status != "changed" or c.original is None \
                or c.retelling is None:
            return False
        g = name_grounds.get((c.retelling.start, c.retelling.end))
        if g is None:
            return False
        partner = sentence_at(o_side.sentences, c.original.start)
        at = sentence_at(r_side.sentences, c.retelling.start)
        if at is None:
            return False
        told = r_by_id[at]
        # the retelling sentence's words (a passive told actively keeps the partner's words
        # elsewhere in it: "was awarded to Orbis on Monday" / "Kestrel won it on Monday")
        mine = slot_words(r_side, told.start, told.start, before=0, after=len(told.text))

        def around(start: int, end: int) -> int:
            # the words next to an original name the retelling sentence says: a long
            # quotation in the sentence is no slot
            return len(mine & slot_words(o_side, start, end, before=NAME_SLOT_WORDS,
                                         after=NAME_SLOT_WORDS))

        paired = around(c.original.start, c.original.end)
        return any(around(e.start, e.end) > paired
                   for e in g.evidence if sentence_at(o_side.sentences, e.start) != partner)

    credited = {(f.retelling.start, f.retelling.end): {(e.start, e.end) for e in f.evidence}
                for f in grounded.facts if f.kind == "attribution" and f.status == "supported"}

    def credited_alike(c: Change) -> bool:
        """diff paired two speakers grounding reads as one ("Kestrel Corp reported" / "the
        software company said", the original's one company): the flag would contradict the
        evidence it shows."""
        return c.kind == "attribution" and c.status == "changed" and c.original is not None \
            and c.retelling is not None and (c.original.start, c.original.end) in credited.get(
                (c.retelling.start, c.retelling.end), ())

    o_speakers = {(f.start, f.end): f.note or f.key for f in o_side.facts
                  if f.kind == "attribution"}
    r_speakers = {(f.start, f.end): f.note or f.key for f in r_side.facts
                  if f.kind == "attribution"}
    texts = (o_side.document.text, r_side.document.text)

    def spoken_for(c: Change) -> bool:
        """A body and a person a text names as its officer ("the Water Board said" / "Ruth
        Okoye, chair of the Water Board, said"): one source, the flag would contradict it."""
        if c.kind not in ("attribution", "name") or c.status != "changed" or \
                c.original is None or c.retelling is None:
            return False
        if c.kind == "name":
            # (only as speakers: "Tom Harrison was made chief executive" / "the ECB was made
            # chief executive" is another thing said of another one)
            return _speaking(c.original, o_speakers, o_text) and \
                _speaking(c.retelling, r_speakers, r_text) and \
                attributions.speaks_for(c.original.text, c.retelling.text, texts)
        a = o_speakers.get((c.original.start, c.original.end))
        b = r_speakers.get((c.retelling.start, c.retelling.end))
        return a is not None and b is not None and attributions.speaks_for(a, b, texts)

    in_units = unit_names(r_side.facts)
    out = [c for c in changes if not named_in_partner(c) and not loosely_paired(c)
           and not description_named(c) and not named_in_its_slot_elsewhere(c)
           and not credited_alike(c) and not (
        c.kind == "name" and c.retelling is not None
        and (c.retelling.start, c.retelling.end) in in_units) and not (
        c.retelling is not None
        and (c.kind, c.retelling.start, c.retelling.end) in grounded.supported
        and (c.status == "added" or (
            # a figure or date the original states in this very slot, elsewhere than in the
            # aligned partner: the pair's other value belongs to another slot
            c.status == "changed" and (c.kind, c.retelling.start, c.retelling.end)
            in grounded.stated and not restated(c)) or (
            c.status == "changed" and c.kind == "name" and c.original is not None
            and supported_name(c.original.text, c.retelling.text))))]
    by_span = {(c.kind, c.retelling.start, c.retelling.end): k
               for k, c in enumerate(out) if c.retelling is not None}
    # diff pairs the negations of aligned sentences itself: grounding's polarity finding on the
    # same original cue is the same finding. Where diff saw the cue dropped and grounding found
    # its word stated plainly ("did not win" / "won"), the claim is reversed, not left out:
    # grounding's finding says so and where.
    negated = {(c.pair, c.original.start) for c in changes
               if c.kind == "negation" and c.original is not None}
    dropped_cues = {(c.pair, c.original.start): k for k, c in enumerate(out)
                    if c.kind == "negation" and c.status == "dropped" and c.original is not None}
    for g in grounded.changes:
        assert g.retelling is not None
        sentence = sentence_at(r_sentences, g.retelling.start)
        pair = pair_of.get(sentence) if sentence is not None else None
        if g.kind == "negation" and g.original is not None and (pair, g.original.start) in negated:
            at = dropped_cues.get((pair, g.original.start))
            if at is not None and g.status == "changed":
                out[at] = replace(g, pair=pair)
            continue
        if g.kind == "name" and g.status == "added" and sentence is not None and \
                names.capitalised_opening(g.retelling.text, r_text[r_by_id[sentence].start:
                                                                   g.retelling.start],
                                          (o_text, r_text)):
            continue  # "Youth voted ...": a common noun capitalised for opening a sentence
        at = by_span.get((g.kind, g.retelling.start, g.retelling.end))
        if at is None and pair is not None and g.status == "added" and g.kind in KINDS \
                and not (g.kind == "name" and absent(g.retelling.text)):
            # diff already read this fact against its aligned partner and found it there (a
            # glued, lower-case, pronoun or hyphenated mention, a twin sentence): grounding's
            # key lookup over the whole original is the blunter of the two views.
            continue
        if at is not None:
            if out[at].status == "added" and g.status == "changed":
                # diff saw no value in its pair; the whole original gives another one here
                out[at] = replace(g, pair=out[at].pair)
            elif out[at].grounding is None:
                out[at] = replace(out[at], grounding=g.grounding, evidence=g.evidence)
            continue
        out.append(replace(g, pair=pair))
    # A date told again is one change: "rose to 22 on Tuesday. Officials said on Tuesday ..."
    # against "..., the province said late Monday" changes the day once, not also adds it.
    def date_key(c: Change) -> str | None:
        f = r_at.get((c.kind, c.retelling.start, c.retelling.end)) \
            if c.kind == "date" and c.retelling is not None else None
        return f.key if f is not None else None

    moved_to = {date_key(c) for c in out if c.status == "changed"} - {None}
    out = [c for c in out if not (c.status == "added" and date_key(c) in moved_to)]
    out = [c for c in out if not spoken_for(c)]  # (grounding's too: one source, either view)
    # A time restated in another zone, left out or added with its brackets: no name of its own
    # ("around midnight (5 p.m. ET)" / "around midnight"); another zone is still a change.
    out = [c for c in out if not (c.kind == "name" and c.status in ("added", "dropped") and (
        c.original is not None and names.restated_zone(o_text, c.original.start, c.original.end)
        or c.retelling is not None and names.restated_zone(r_text, c.retelling.start,
                                                             c.retelling.end)))]
    # A relative the retelling brings in under the person's surname ("their uncle and aunt,
    # Hendrik and Elsa Venter", the original's Dirk Venter still named): another person, added.
    out = [_as_added(c) if _relative_named(c, r_text) else c for c in out]
    # Words the original never uses are listed only in sentences where nothing else is: beside
    # a typed change they restate it word by word (real syndicated copy: 93 of 163 noise flags).
    flagged = {sentence_at(r_sentences, c.retelling.start) for c in out
               if c.retelling is not None and c.kind != "meaning"}
    # Page clutter is never a source of facts, nor of words the original never uses; nor is
    # the outlet's own headline (syndicated copy: "Spotify ends divisive policy after revolt").
    # Nor are sub-heads: an outlet writes its own ("Spotify rolls back hateful content policy").
    flagged |= {s.id for s in r_sentences if s.kind in ("boilerplate", "title", "heading", "byline")}
    out = [c for c in out if not (c.kind == "meaning" and c.status == "added"
                                  and c.retelling is not None
                                  and sentence_at(r_sentences, c.retelling.start) in flagged)]
    # A headline or sub-head in title case capitalises every word: a run of its capitals is a
    # name only where the text's own body names it too ("Disaster Looms: Warehouse Blaze ...",
    # "Images From the Waterfront"), as a name the body names is.
    out = [c for c in out if not _title_case_words(c, o_side, r_side)]
    # A quotation the retelling adds in a sentence of its own is one difference: its speaker's
    # name and its reporting clause ('..., Jane Doe, a spokeswoman, said in a statement') come
    # with it and are not listed again.
    # The quotation may run over sentences; one that ends in a comma goes on into its reporting
    # clause after the closing mark ('"... women," Jane Doe said').
    quoted = {sentence_at(r_sentences, at) for c in out
              if c.kind == "quote" and c.status == "added" and c.pair is None
              and c.retelling is not None
              for at in (c.retelling.start, c.retelling.end - 1,
                         c.retelling.end + 2 if c.retelling.text.rstrip().endswith(",")
                         else c.retelling.start)}
    spans = [(c.retelling.start, c.retelling.end) for c in out
             if c.kind == "quote" and c.status == "added" and c.retelling is not None]
    out = [c for c in out if not (c.kind in ("name", "attribution") and c.status == "added"
                                  and c.pair is None and c.retelling is not None
                                  and sentence_at(r_sentences, c.retelling.start) in quoted
                                  # the reporting clause follows the closing mark; a name the
                                  # quotation itself or the lead-in says is a fact of its own
                                  and (c.kind == "attribution" or any(
                                      0 <= c.retelling.start - b <= QUOTE_CLAUSE_CHARS
                                      for _, b in spans)))]
    # ... and what the added quotation says is shown in it: a figure or date inside it that the
    # original states nowhere is not listed again ("14 calls", "this year"). (A name is: a new
    # person or body in the story, whoever speaks of it.)
    added_quotes = [(c.retelling.start, c.retelling.end) for c in out
                    if c.kind == "quote" and c.status == "added" and c.pair is None
                    and c.retelling is not None]
    out = [c for c in out if not (c.kind in ("number", "date") and c.status == "added"
                                  and _inside(c.retelling, added_quotes))]
    # ... and so is the speaker's age in its lead-in or reporting clause ('"...," 52-year-old
    # grocer Tamsin Orle said', 'Orle, 52, said: "..."'): who speaks, not a figure of the story
    r_ages = {(f.start, f.end) for f in r_side.facts if f.kind == "number" and f.role == numbers.AGE}
    out = [c for c in out if not (c.kind == "number" and c.status == "added" and c.pair is None
                                  and c.retelling is not None
                                  and (c.retelling.start, c.retelling.end) in r_ages
                                  and sentence_at(r_sentences, c.retelling.start) in quoted)]
    out.sort(key=lambda c: (SEVERITY_RANK[c.severity],
                            c.retelling.start if c.retelling else -1,
                            c.original.start if c.original else -1, c.kind))
    return tuple(out)




def _speaking(at: Excerpt, speakers: Mapping[tuple[int, int], object], text: str) -> bool:
    """The name at ``at`` is a speaker: inside an attribution, or right before a verb of
    saying ("The board's chair, Ruth Okoye, said")."""
    return any(a <= at.start and at.end <= b for a, b in speakers) or \
        _SAYS_NEXT_RE.match(text, at.end) is not None


_SAYS_NEXT_RE = re.compile(r",?[^\S\n]+(?:said|says|told|tells|added|announced)(?![\w-])")


def _relative_named(c: Change, r_text: str) -> bool:
    """A name changed to another given name of the same surname that the retelling introduces
    by a family tie somewhere ("his uncle, Hendrik Venter", "their uncle and aunt, Hendrik and
    Elsa Venter"), while it still names the original's person by that surname elsewhere."""
    if c.kind != "name" or c.status != "changed" or c.original is None or c.retelling is None:
        return False
    a, b = c.original.text.split(), c.retelling.text.split()
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1] or a[0] == b[0]:
        return False
    given = re.compile(rf"(?<![\w-]){re.escape(b[0])}(?![\w-])")
    if not any(_KIN_RE.search(r_text, max(r_text.rfind(".", max(0, m.start() - KIN_CHARS),
                                                      m.start()) + 1,
                                          m.start() - KIN_CHARS), m.start())
               for m in given.finditer(r_text)):
        return False  # (the given name introduced by a tie anywhere: "Hendrik ... was seen")
    surname = re.compile(rf"(?<![\w-]){re.escape(a[-1])}(?![\w-])")
    return any(m.start() != c.retelling.start + len(c.retelling.text) - len(a[-1])
               and not _KIN_RE.search(r_text, max(0, m.start() - KIN_CHARS), m.start())
               for m in surname.finditer(r_text))


_KIN_RE = re.compile(
    r"(?i)(?<![\w-])(?:uncle|aunt|brother|sister|father|mother|son|daughter|wife|husband|"
    r"cousin|nephew|niece|grandfather|grandmother|grandson|granddaughter|parents|siblings?|"
    r"stepfather|stepmother|widow|widower|fianc[ée]e?)s?(?![\w-])")
KIN_CHARS = 40  # how far before a name its family tie is looked for


def _as_added(c: Change) -> Change:
    """A name change reported as the retelling's name added."""
    assert c.retelling is not None
    return replace(c, status="added", original=None, severity=SEVERITY[("name", "added")],
                   detail=f"The retelling mentions {c.retelling.text}, which the original "
                          "does not.", grounding="unsupported", evidence=())


def _title_case_words(c: Change, o_side: Side, r_side: Side) -> bool:
    """``c`` is a name added or dropped that only a title-case headline or sub-head of its side
    writes: capitals of the style, not a name (``_merge``)."""
    if c.kind != "name" or c.status not in ("added", "dropped"):
        return False
    side, at = (r_side, c.retelling) if c.status == "added" else (o_side, c.original)
    if at is None:
        return False
    k = sentence_at(side.sentences, at.start)
    head = side.sentences[k] if k is not None else None
    if head is None or head.kind not in ("title", "heading") or not _title_cased(head.text):
        return False
    body = " ".join(x.text for x in side.sentences if x.kind == "body")
    # (a text that is only its headline, a wire flash, says its names there)
    return bool(body.strip()) and not names.mentioned(at.text, body)


_LONG_WORD_RE = re.compile(r"[^\W\d_]{4,}")
TITLE_CASE_SHARE = 0.6  # of a line's words of four letters or more, capitalised


def _title_cased(line: str) -> bool:
    """A line in title case: most of its longer words capitalised ("Warehouse Blaze in Salvo
    Port District Burns All Day"), three at least."""
    words = _LONG_WORD_RE.findall(line)
    caps = sum(w[0].isupper() and not w.isupper() for w in words)  # (not a line in capitals)
    return caps >= 3 and caps >= TITLE_CASE_SHARE * len(words)


# Name roles (names._role) that say where, not who: the alias table's place types.
PLACE_ROLES = frozenset({"country", "place", "region"})
# A dropped quotation is one the retelling reworded into a changed one when this share of its
# content words is in that quotation's new wording ("It was never about punishing one
# individual artist ..." folded into "... on the service. It was never about punishing one
# individual.").
FOLDED_QUOTE_SHARE = 0.5
_QUOTE_WORD = re.compile(r"[^\W\d_]{3,}")


def _quote_words(text: str) -> set[str]:
    return {meaning.stem(w) for w in _QUOTE_WORD.findall(text) if w.casefold() not in meaning.STOP}


def _same_count(a: Fact, b: Fact) -> bool:
    """Two figures of one value counting one thing, whatever their hedges ("18 civilians" /
    "at least 18 civilians")."""
    qa, qb = a.value, b.value
    return a is not b and isinstance(qa, Quantity) and isinstance(qb, Quantity) and \
        qa.low == qb.low and qa.high == qb.high and qa.unit == qb.unit and bool(a.role) and \
        a.role == b.role


def _inside(span: Excerpt | None, spans: Sequence[tuple[int, int]]) -> bool:
    """``span`` lies within one of ``spans`` (a finding inside another finding's text)."""
    return span is not None and any(a <= span.start and span.end <= b for a, b in spans)


_HEADLINE_KINDS = ("title", "heading")


def _also_naming(first: Change, lead: str, text: str, tail: str = " too.") -> Change:
    """``first``, a finding, naming ``text`` too in one list after ``lead`` ("It leaves out
    'at Thursday' too.", "It adds '0.4%', '19.1%' too.", "It says so again at '5 others'.")."""
    if f"'{text}'" in first.detail:
        return first  # (said twice there too)
    if f" {lead} " in first.detail:
        return replace(first, detail=f"{first.detail[:-len(tail)]}, '{text}'{tail}")
    return replace(first, detail=f"{first.detail} {lead} '{text}'{tail}")


def _figure_passages(at: Sequence[int | None], added: AbstractSet[int]) -> set[int]:
    """The added sentences of runs (consecutive sentences the retelling adds) holding
    PASSAGE_FIGURES_MIN added figures or more (``at``: each added figure's sentence)."""
    counts: dict[int, int] = defaultdict(int)  # a run's first sentence -> its figures
    first_of: dict[int, int] = {}
    for j in sorted(added):
        first_of[j] = first_of.get(j - 1, j)
    for sentence in at:
        if sentence is not None and sentence in added:
            counts[first_of[sentence]] += 1
    return {j for j in added if counts.get(first_of[j], 0) >= PASSAGE_FIGURES_MIN}


PASSAGE_FIGURES_MIN = 4  # a table's, not a paragraph's new facts (each worth its own line)


def _figure(f: Fact | None) -> tuple[float, float, str | None] | None:
    """A figure's value and unit, whatever its words and hedge (None for no figure)."""
    q = f.value if f is not None else None
    return (q.low, q.high, q.unit) if isinstance(q, Quantity) else None


def _same_value(a: Fact, b: Fact) -> bool:
    """Two figures of one value and unit, whatever their hedges and what they count."""
    qa, qb = a.value, b.value
    return isinstance(qa, Quantity) and isinstance(qb, Quantity) and qa.low == qb.low and \
        qa.high == qb.high and qa.unit == qb.unit


# The rest of a figure's clause that makes its second mention the same figure said again: at
# least this many content words, all alike, within this many characters
SAID_AGAIN_CHARS, SAID_AGAIN_WORDS = 40, 2
_CLAUSE_END_RE = re.compile(r"[.;:!?,\n]")


def _told_twice(a: Fact, b: Fact, kinds: Mapping[int, str], text: str) -> bool:
    """Two mentions of one figure where a story repeats itself: a headline or a heading and the
    body, or the figure said again with the same rest of its clause ("with 80.5 percent of the
    votes counted" in three sentences); a figure said again otherwise may be another event's
    ("another 18 civilians" killed last month). ``kinds``: each sentence's kind by id."""
    if {kinds.get(a.sentence), kinds.get(b.sentence)} & {"title", "heading"}:
        return True
    rests = []
    for f in (a, b):
        clause = _CLAUSE_END_RE.split(text[f.end : f.end + SAID_AGAIN_CHARS + 1], 1)
        if len(clause) == 1:
            return False  # (the clause runs on past what is compared)
        rests.append([w.casefold() for _s, _e, w in meaning.content_words(clause[0])])
    return len(rests[0]) >= SAID_AGAIN_WORDS and rests[0] == rests[1]


def _said_once(changes: Sequence[Change], r_side: Side) -> tuple[Change, ...]:
    """Of the grounded changes of texts that look unrelated (no sentence pairs, so ``once`` and
    its folds do not apply), one report of each: a change read twice in the same words (a day
    said again), and a figure the retelling gives again after a change gave it as its new
    value, counting the same thing ("hit 53 Thursday. ... now stood at 53"; not "22 schools"
    after a toll of 22)."""
    r_numbers = {(f.start, f.end): f for f in r_side.facts if f.kind == "number"}
    seen: set[tuple[str, str, str, str]] = set()
    new_values: dict[object, list[Change]] = defaultdict(list)
    out: list[Change] = []
    sources = [c.retelling for c in changes if c.kind == "attribution" and c.status == "added"
               and c.retelling is not None]
    named = _Named(sources)  # (as in ``once``: an added name said once)
    for c in changes:
        key = (c.kind, c.status, _wording(c.original.text) if c.original else "",
               _wording(c.retelling.text) if c.retelling else "")
        b = r_numbers.get((c.retelling.start, c.retelling.end)) \
            if c.kind == "number" and c.retelling is not None else None
        if key in seen:
            continue
        if c.kind == "name" and c.status == "added" and c.retelling is not None:
            again = any(_one_added_thing(o, c.retelling, r_side.document.text)
                        for o in named.before(c.retelling))
            named.add(c.retelling)
            if again or any(s.start <= c.retelling.start and c.retelling.end <= s.end
                            for s in sources):
                continue
        if c.status == "added" and b is not None and any(
                _slot_of(first, r_numbers) in (b.role, numbers.count_toll(b)) or not b.role
                and _names_slot(r_side.document.text, b, _slot_of(first, r_numbers))
                for first in new_values.get(_figure(b), ())):
            continue
        seen.add(key)
        if c.status == "changed" and b is not None:
            new_values[_figure(b)].append(c)
        out.append(c)
    return tuple(out)


def _conversions_changed(o_side: Side, r_side: Side, pair_of: Mapping[int, int]
                         ) -> list[Change]:
    """A figure both texts restate in brackets, restated otherwise ("170 million yuan ($26.7
    million)" / "170 million yuan ($35.7 million)": another rate, or another currency under one
    sign). A restatement only one text gives is a writer's aid, neither dropped nor added."""
    mine = numbers.conversions(r_side.document, r_side.sentences)
    theirs = numbers.conversions(o_side.document, o_side.sentences) if mine else ()
    out = []
    for first, restated in mine:
        told = [(a, b) for a, b in theirs if numbers.equivalent(a, first)
                and getattr(b.value, "unit", None) == getattr(restated.value, "unit", None)]
        if not told or any(numbers.equivalent(b, restated) or numbers.compatible(b, restated)
                           for _a, b in told):
            continue  # (a rounding is the same restatement: "$26.7 million" / "$27 million")
        a, b = told[0]
        out.append(Change(
            "number", "changed", Excerpt.of(o_side.document.text, b.start, b.end),
            Excerpt.of(r_side.document.text, restated.start, restated.end),
            f"The original restates '{a.text}' as '{b.text}'; the retelling restates it as "
            f"'{restated.text}' (another rate, or another currency under the same sign).",
            "medium", pair_of.get(restated.sentence)))
    return out


class _Named:
    """Added names and sources, by wording: what a later name may name again is asked of each
    wording once, at its last mention before the name, and of the NAMED_RECENT wordings named
    last (a text naming one person a thousand times, or a thousand people, asked each name of
    every other: quadratic; an article adds a few dozen)."""

    def __init__(self, excerpts: Sequence[Excerpt] = ()) -> None:
        self._by_text: dict[str, list[tuple[int, Excerpt]]] = {}
        for e in excerpts:
            self.add(e)

    def add(self, e: Excerpt) -> None:
        mentions = self._by_text.pop(e.text, [])  # (to the end: named last)
        insort(mentions, (e.end, e), key=lambda m: m[0])
        self._by_text[e.text] = mentions

    def before(self, later: Excerpt) -> Iterator[Excerpt]:
        """Each recent wording's last mention ending before ``later`` (a mention after it names
        nothing ``later`` repeats)."""
        for text in islice(reversed(self._by_text), NAMED_RECENT):
            mentions = self._by_text[text]
            k = bisect_right(mentions, later.start, key=lambda m: m[0])
            if k:
                yield mentions[k - 1][1]


NAMED_RECENT = 200
SPLIT_GAP_CHARS = 80  # how far apart two parts of one split quotation may stand ("she shouted at ...")


def _one_added_thing(first: Excerpt, later: Excerpt, text: str) -> bool:
    """``later`` names again what the added name ``first`` names: its short form ("Juan Ortiz
    of Argentina", then "Ortiz"), its abbreviation in brackets after it ("Ferro Rail Company
    (FRC)"), its people by their country ("of Serbia", then "the Serb"), or the region a place
    is given with ("Beaverton, Oregon"). A country or place named alone later is another
    place ("Jordan" after "Michael Jordan")."""
    if later.start < first.end:
        return False
    between = text[first.end:later.start]
    if _BRACKETED_AFTER_RE.fullmatch(between) and text.startswith(")", later.end) and \
            _ACRONYM_RE.fullmatch(later.text) and " " in first.text:
        return True  # (an abbreviation, however the outlet spells it; "Ann Kerr (Labour)" is
        # her party)
    whole, _of, place = first.text.partition(" of ")
    if place and " " not in later.text.strip() and (
            names.demonym_of(later.text, place) or _THE_BEFORE_RE.search(
                text, max(0, later.start - 5), later.start) and len(later.text) >= DEMONYM_STEM
            and later.text[:DEMONYM_STEM] == place[:DEMONYM_STEM]):
        return True  # ("the Serb": WordNet relates "Serbian", not "Serb", to "Serbia")
    if names._role(later.text, False) in PLACE_ROLES or names._known_place(later.text):
        # ("Paris, Lyon and Lille" is a list of places, no place and its region)
        return bool(place) and names.same_name(place, later.text) or bool(
            _REGION_AFTER_RE.fullmatch(between)) and not _LIST_GOES_ON_RE.match(
            text, later.end) and _region(later.text)
    # ("Tipsarevic", then "Janko Tipsarevic of Serbia")
    later_whole = later.text.partition(" of ")[0]
    return names.same_name(first.text, later.text) or names.same_name(whole, later_whole)


# What joins a period's two ends ("between 2002 and last year", "from May to July")
_RANGE_OPENER_RE = re.compile(r"(?i)\b(?:between|from)[^\S\n]+$")
_RANGE_END_RE = re.compile(r"[^\S\n]*(?:and|to|until|till|through|-|–|—)[^\S\n]*")
_THE_BEFORE_RE = re.compile(r"(?i)\bthe[^\S\n]+$")
_ACRONYM_RE = re.compile(r"[A-Z][A-Z&.-]{1,7}")


def _region(place: str) -> bool:
    """A state or province a place is given with ("Beaverton, Oregon"), by WordNet's broader
    terms; not a country or a city ("Kharkiv, Odesa" is a list)."""
    broader = lexicon.broader(place.casefold().replace(" ", "_"))
    return bool(broader & _REGION_WORDS) and not broader & _COUNTRY_WORDS


_REGION_WORDS = frozenset({"state", "province", "american_state", "canadian_province",
                           "administrative_district"})
_COUNTRY_WORDS = frozenset({"country", "nation", "city"})
DEMONYM_STEM = 4  # letters a people's name keeps of its country's ("Serb" / "Serbia")
_BRACKETED_AFTER_RE = re.compile(r"[^\S\n]*\([^\S\n]*")
_REGION_AFTER_RE = re.compile(r",[^\S\n]*")
_LIST_GOES_ON_RE = re.compile(r",[^\S\n]*[A-Z]|[^\S\n]+(?:and|or|&)[^\S\n]")


def _slot_of(c: Change, r_numbers: dict[tuple[int, int], Fact]) -> str:
    """What a changed figure of the retelling counts: its toll, else its counted noun."""
    b = r_numbers.get((c.retelling.start, c.retelling.end)) if c.retelling is not None else None
    return (numbers.count_toll(b) or b.role or "") if b is not None else ""


def _names_slot(text: str, figure: Fact, slot: str) -> bool:
    """The clause of ``figure`` says the words of a slot ("the number of dead now stood at 53"
    for "dead"; not "..., and 22 were in hospital" after "22 people")."""
    words = slot.split()
    lo = max(text.rfind(c, 0, figure.start) for c in ",;:.!?\n") + 1
    ends = [k for c in ",;:.!?\n" if (k := text.find(c, figure.end)) >= 0]
    clause = text[lo:min(ends, default=len(text))]
    return bool(words) and all(re.search(rf"(?i)\b{re.escape(w)}", clause) for w in words)


def once(changes: Sequence[Change], o_side: Side, r_side: Side, *,
         added: AbstractSet[int] = frozenset()) -> tuple[Change, ...]:
    """One real difference, reported once (the first report, in the changes' order, stands).

    * the same change read twice (a paragraph the outlet printed twice, a figure repeated in
      the next sentence): its kind, status and wording on both sides are one finding;
    * a speaker added twice ("Kelly Cobiella reports", then "Cobiella reports"): one new source;
    * quotations dropped from one sentence ('"developing ... and possessing" ricin and
      "attempting" to use it "as a weapon"'): one quotation cut, the others named in its detail;
      and a dropped quotation whose words a changed quotation carries was reworded into it;
    * words the original never uses, in one sentence: one added claim;
    * a qualifier or negation dropped from one sentence and added to another on the same word:
      moved with a clause, not changed; a qualifier the original gives once and the retelling
      twice on that word was said again; a negation cue inside a wider negation finding is
      part of it, and one inside a quotation both texts give is the quotation's;
    * a quotation the retelling splits around its speaker, each part in order, is quoted whole;
    * an original fact changed into another value is not also dropped where it stood, nor
      where the original says the same count of the same thing again;
    * the figures of a passage the retelling adds (``added``: the retelling sentences in no
      pair), a table of the week's and the year's results, are one finding, the first naming
      the others;
    * a person added by full name is not added again by surname ("Sean Reilly", "Reilly"), nor
      a body by its full name after its short one ("the Fed", "the Federal Reserve"), nor by
      its bracketed acronym, its people ("of Serbia", "the Serb") or a town's state ("Beaverton,
      Oregon"); a name inside an added source is that source's (``_one_added_thing``);
    * a period added by its two ends ("between 2002 and last year") is one date added;
    * a word read as a qualifier's grade ("critical" / "stable condition") is not also a claim
      reversed;
    * in a sentence the retelling adds whole (aligned with nothing), the names of an added
      quotation's lead-in (its speaker, the speaker's office) and the places beside a high figure
      or date are part of what that finding reports, not new names of their own; a person or an
      organisation beside a figure is a new actor and stays listed.
    """
    r_sentences = r_side.sentences
    o_sentences = o_side.sentences

    def r_at(c: Change) -> int | None:
        return sentence_at(r_sentences, c.retelling.start) if c.retelling is not None else None

    def o_at(c: Change) -> int | None:
        return sentence_at(o_sentences, c.original.start) if c.original is not None else None

    attributed = {(f.start, f.end): f.note or f.key for f in r_side.facts if f.kind == "attribution"}
    reworded = [_quote_words(c.retelling.text) for c in changes
                if c.kind == "quote" and c.status == "changed" and c.retelling is not None]
    # Unaligned retelling sentences holding a high typed finding or an added quotation.
    quoted_in = {r_at(c) for c in changes if c.pair is None and c.kind == "quote"
                 and c.status == "added"} - {None}
    figured_in = {r_at(c) for c in changes if c.pair is None and c.severity == "high"
                  and c.kind not in ("meaning", "name", "quote")} - {None}
    said = [(c.retelling.start, c.retelling.end) for c in changes
            if c.kind == "quote" and c.retelling is not None]
    # A qualifier or negation dropped in one pair and added, on the same word, in another: the
    # sentence was split differently ("the letters, which allegedly contained ricin").
    local = {(side, f.start, f.end): (f.kind, f.key, f.role) for side, facts in
             (("o", o_side.facts), ("r", r_side.facts)) for f in facts
             if f.kind in ("qualifier", "negation")}
    lost = {local.get(("o", c.original.start, c.original.end)) for c in changes
            if c.kind in ("qualifier", "negation") and c.status == "dropped" and c.original}
    found = {local.get(("r", c.retelling.start, c.retelling.end)) for c in changes
             if c.kind in ("qualifier", "negation") and c.status == "added" and c.retelling}
    moved = (lost & found) - {None}
    # ... and one the retelling says twice on the same word, where the original says it once
    # ("the death toll could rise" in a merged sentence and in its own): said again, not added.
    o_said = {v for (side, _s, _e), v in local.items() if side == "o"}
    r_count = Counter(v for (side, _s, _e), v in local.items() if side == "r"
                      and v[0] == "qualifier")  # (a negation said again may be a new claim)
    repeated = {v for v, k in r_count.items() if k > 1 and v in o_said}
    changes = [c for c in changes if not (c.kind in ("qualifier", "negation") and (
        (c.status == "dropped" and c.original is not None
         and local.get(("o", c.original.start, c.original.end)) in moved)
        or (c.status == "added" and c.retelling is not None
            and local.get(("r", c.retelling.start, c.retelling.end)) in moved | repeated)))]
    # A quotation the retelling splits around its speaker ('"... an honest woman," she shouted.
    # "It is not right ..."'), each part in order: the whole quoted, no part of it cut off.
    r_quotes = sorted((f for f in r_side.facts if f.kind == "quote" and f.key),
                      key=lambda f: f.start)
    o_keys = {f.key for f in o_side.facts if f.kind == "quote" and f.key}
    split_parts = {(f.start, f.end) for a, b in pairwise(r_quotes)
                   if b.start - a.end <= SPLIT_GAP_CHARS and f"{a.key} {b.key}" in o_keys
                   for f in (a, b)}
    changes = [c for c in changes if not (
        c.kind == "quote" and c.status in ("changed", "added") and c.retelling is not None
        and (c.retelling.start, c.retelling.end) in split_parts)]
    # A negation cue inside a quotation both texts give ('"you are nothing"') is the quoted
    # speaker's, said alike on both sides: no negation of the retelling's own.
    shared_quotes = {f.key for f in o_side.facts if f.kind == "quote"} & {
        f.key for f in r_side.facts if f.kind == "quote"}
    quoted_alike = [(f.start, f.end) for f in r_side.facts
                    if f.kind == "quote" and f.key in shared_quotes]
    changes = [c for c in changes if not (
        c.kind == "negation" and c.status in ("added", "changed") and c.retelling is not None
        and any(a <= c.retelling.start and c.retelling.end <= b for a, b in quoted_alike))]
    # A negation cue inside a wider negation finding ("not" of "did not mention", a claim the
    # original leaves out what it says) is that finding's.
    wide = [(c.retelling.start, c.retelling.end) for c in changes
            if c.kind == "negation" and c.status == "changed" and c.retelling is not None]
    changes = [c for c in changes if not (
        c.kind == "negation" and c.status == "added" and c.retelling is not None and any(
            a <= c.retelling.start and c.retelling.end <= b and b - a > c.retelling.end -
            c.retelling.start for a, b in wide))]
    # A reversal on the change word of a figure whose direction changed ("rose 5%" / "fell
    # 5%") is that figure's change: the number says what turned and by how much.
    direction = {(side, f.start, f.end): f.value.change for side, facts in
                 (("o", o_side.facts), ("r", r_side.facts)) for f in facts
                 if f.kind == "number" and isinstance(f.value, Quantity) and f.value.change}
    turned = []
    for c in changes:
        if c.kind == "number" and c.status == "changed" and c.original and c.retelling:
            was = direction.get(("o", c.original.start, c.original.end))
            now = direction.get(("r", c.retelling.start, c.retelling.end))
            if was and now and was != now:
                turned.append((c.retelling.start, c.retelling.end))
    changes = [c for c in changes if not (
        c.kind == "negation" and c.status == "changed" and c.retelling is not None and any(
            a <= c.retelling.start and c.retelling.end <= b for a, b in turned))]
    # An original fact a change replaced with another value elsewhere in the retelling is not
    # also dropped from its own aligned sentence: one difference, the changed value.
    replaced = {(c.kind, c.original.start, c.original.end) for c in changes
                if c.status == "changed" and c.original is not None}
    changes = [c for c in changes if not (
        c.status == "dropped" and c.original is not None
        and (c.kind, c.original.start, c.original.end) in replaced)]
    # ... nor is the same figure said again elsewhere in the original ("Gunmen kill 18
    # civilians" in the headline, "at least 18 civilians" in the body; the retelling's "at least
    # 19" changed one): the same count of the same thing, one difference
    o_numbers = {(f.start, f.end): f for f in o_side.facts if f.kind == "number"}
    o_kinds = {s.id: s.kind for s in o_sentences}
    changed_figures = [o_numbers[(c.original.start, c.original.end)] for c in changes
                       if c.kind == "number" and c.status == "changed" and c.original is not None
                       and (c.original.start, c.original.end) in o_numbers]
    changes = [c for c in changes if not (
        c.kind == "number" and c.status == "dropped" and c.original is not None
        and (a := o_numbers.get((c.original.start, c.original.end))) is not None
        and any(_same_count(a, b) and _told_twice(a, b, o_kinds, o_side.document.text)
                for b in changed_figures))]
    # A retelling's headline figure that says its own body's figure shorter ("One killed" over
    # "At least one climber was killed", the original's words) changed nothing of the
    # original: the body kept it, and the headline restates the body.
    r_kinds = {s.id: s.kind for s in r_sentences}
    r_doc = r_side.document.text
    r_body = [f for f in r_side.facts if f.kind == "number"
              and r_kinds.get(f.sentence) not in _HEADLINE_KINDS]
    r_numbers = {(f.start, f.end): f for f in r_side.facts if f.kind == "number"}
    changes = [c for c in changes if not (
        c.kind == "number" and c.status == "changed" and c.original is not None
        and c.retelling is not None
        and (a := o_numbers.get((c.original.start, c.original.end))) is not None
        and (h := r_numbers.get((c.retelling.start, c.retelling.end))) is not None
        and r_kinds.get(h.sentence) in _HEADLINE_KINDS
        and any(_same_value(f, h) and numbers.equivalent(a, f) for f in r_body))]
    seen: set[tuple[str, str, str, str]] = set()
    speakers: list[str] = []
    new_sources = [(c.retelling.start, c.retelling.end) for c in changes
                   if c.kind == "attribution" and c.status == "added" and c.retelling is not None]
    # the names added so far, those folded into another finding too, and the new sources (whose
    # names are theirs: "said the Beaverton, Oregon-based company")
    added_names = _Named([c.retelling for c in changes if c.kind == "attribution"
                          and c.status == "added" and c.retelling is not None])
    quoted: dict[int, int] = {}  # original sentence -> index in out of its dropped quotation
    # dropped figures by value, each with its index in out
    figured: dict[object, list[tuple[Fact, int]]] = defaultdict(list)
    # (status, old figure, new figure) of a figure added or changed -> (its slot, whether in a
    # headline, its index in out) of each report
    restated: dict[tuple[str, object, object], list[tuple[str, bool, int]]] = defaultdict(list)
    # a changed figure's new value -> the same, for a figure added later with that value
    changed_to: dict[object, list[tuple[str, bool, int]]] = defaultdict(list)
    # a dropped date's day -> index in out of its first report
    dated: dict[tuple[object, object, str], int] = {}
    # each added date opening a period ("between 2002", "from May"), with its index in out
    range_starts: list[tuple[Excerpt, int]] = []
    o_dates = {(f.start, f.end): f.value for f in o_side.facts
               if f.kind == "date" and isinstance(f.value, Interval) and not f.value.vague}
    worded: set[int] = set()
    # the last added passage's first figure: (its last sentence, its index in out); a passage
    # of figures is a run of added sentences with PASSAGE_FIGURES_MIN added figures or more
    passage: tuple[int, int] | None = None
    dense = _figure_passages([r_at(c) for c in changes if c.kind == "number"
                              and c.status == "added"], added)
    out: list[Change] = []
    for c in changes:
        key = (c.kind, c.status, _wording(c.original.text) if c.original else "",
               _wording(c.retelling.text) if c.retelling else "")
        if key in seen:
            continue
        if c.kind == "name" and c.status == "added" and c.retelling is not None:
            again = any(_one_added_thing(o, c.retelling, r_doc)
                        for o in added_names.before(c.retelling))
            added_names.add(c.retelling)
            if again:
                # "Sean Reilly", then "Reilly"; "the Fed", then "the Federal Reserve": one
                # person or body added
                continue
            if any(a <= c.retelling.start and c.retelling.end <= b for a, b in new_sources):
                continue  # "SUD Rail warned" added: the new source names it
        if c.kind == "attribution" and c.status in ("added", "changed") \
                and c.retelling is not None:
            # (a source put in another's place and then cited again: one new source)
            who = attributed.get((c.retelling.start, c.retelling.end))
            if c.status == "added" and who and any(names.same_name(who, s) for s in speakers):
                continue
            if who:
                speakers.append(who)
        if c.kind == "quote" and c.status == "dropped" and c.original is not None:
            words = _quote_words(c.original.text)
            if words and any(len(words & w) >= FOLDED_QUOTE_SHARE * len(words) for w in reworded):
                continue
            at = o_at(c)
            if at is not None and at in quoted:
                k = quoted[at]
                out[k] = replace(out[k], detail=f"{out[k].detail} It drops '{c.original.text}' too.")
                continue
            if at is not None:
                quoted[at] = len(out)
        if c.kind == "date" and c.status == "added" and c.retelling is not None:
            start = next((k for k, (span, at) in enumerate(range_starts)
                          if _RANGE_END_RE.fullmatch(r_doc, span.end, c.retelling.start)), None)
            if _RANGE_OPENER_RE.search(r_doc, max(0, c.retelling.start - 10), c.retelling.start):
                range_starts.append((c.retelling, len(out)))
            span, k = range_starts[start] if start is not None else (None, len(out))
            if k < len(out) and out[k].retelling == span:
                # "between 2002 and last year": one period added, told by its two ends
                out[k] = _also_naming(out[k], "Its period runs to", c.retelling.text, tail=".")
                continue
        if c.kind == "date" and c.status == "dropped" and c.original is not None \
                and (day := o_dates.get((c.original.start, c.original.end))) is not None:
            # "on Thursday" in the lead, "at Thursday's signing" further down: the retelling
            # leaves out one date, said twice
            when = (day.start, day.end, day.granularity)
            if when in dated:
                out[dated[when]] = _also_naming(out[dated[when]], "It leaves out", c.original.text)
                continue
            dated[when] = len(out)
        if c.kind == "number" and c.status == "dropped" and c.original is not None \
                and (a := o_numbers.get((c.original.start, c.original.end))) is not None:
            # the headline's figure and the body's, both left out: one figure
            first = next((k for b, k in figured[_figure(a)]
                          if _told_twice(a, b, o_kinds, o_side.document.text)), None)
            if first is not None:
                out[first] = _also_naming(out[first], "It leaves out", c.original.text)
                continue
            figured[_figure(a)].append((a, len(out)))
        in_passage = r_at(c) if c.kind == "number" and c.status == "added" else None
        if in_passage not in dense:
            in_passage = None
        if in_passage is not None and passage is not None and c.retelling is not None and all(
                j in added for j in range(passage[0], in_passage + 1)):
            out[passage[1]] = _also_naming(out[passage[1]], "It adds", c.retelling.text)
            passage = (in_passage, passage[1])
            continue
        if c.kind == "number" and c.status in ("added", "changed") and c.retelling is not None \
                and (b := r_numbers.get((c.retelling.start, c.retelling.end))) is not None:
            # "5 still missing" in the headline, "5 others unaccounted for" in the lead: one
            # new figure of one slot, however often the retelling says it (its headline says
            # it of no slot: "Toll climbs to 62"); "three killed and three injured" turned
            # into four and four are two changes, "five in Harlow" and "5 in Tallmere" two
            a = o_numbers.get((c.original.start, c.original.end)) if c.original else None
            slot = " ".join(filter(None, (
                numbers.count_toll(b) or (numbers.count_toll(a) if a else None) or b.role,
                numbers.place_of(b))))
            headline = r_kinds.get(b.sentence) in _HEADLINE_KINDS or (
                a is not None and o_kinds.get(a.sentence) in _HEADLINE_KINDS)
            told = (c.status, _figure(a), _figure(b))
            # (a figure added that a change already gave as its new value: "hit 53", then
            # "now stood at 53", after the original's "at least 36")
            # (and one whose slot the rules cannot read is the same change or figure as an
            # earlier one of its values where its sentence names that slot: "the number of
            # dead now stood at 53"; "22 were in hospital" stays a figure of its own)
            first = next((k for their_slot, their_headline, k in restated[told]
                          if their_slot == slot or headline or their_headline), None)
            if first is None and c.status == "added":
                first = next((k for their_slot, _headline, k in changed_to[_figure(b)]
                              if their_slot == slot
                              or not slot and _names_slot(r_doc, b, their_slot)), None)
            if first is not None:
                out[first] = _also_naming(out[first], "It says so again at", c.retelling.text,
                                          ".")
                continue
            restated[told].append((slot, headline, len(out)))
            if c.status == "changed":
                changed_to[_figure(b)].append((slot, headline, len(out)))
        if c.kind == "meaning" and c.status == "added":
            at = r_at(c)
            if at in worded:
                continue
            if at is not None:
                worded.add(at)
        if c.kind == "name" and c.status == "added" and c.pair is None and c.retelling is not None:
            at = r_at(c)
            if at in quoted_in and not any(a <= c.retelling.start < b for a, b in said):
                continue  # the speaker's lead-in; a name the quotation itself says is its own fact
            if at in figured_in and names._role(c.retelling.text, False) in PLACE_ROLES:
                continue  # "third largest in 2011, after China and Italy": where, not who
        seen.add(key)
        if in_passage is not None:
            passage = (in_passage, len(out))
        out.append(c)
    # A source the retelling cites anew is one finding, its attribution: its name is not also
    # another name changed ("Tarsford Police Department" -> the station "WTRS-TV Tarsford"
    # that "reported").
    cited = [(c.retelling.start, c.retelling.end) for c in out if c.kind == "attribution"
             and c.status in ("added", "changed") and c.retelling is not None]
    out = [c for c in out if not (c.kind == "name" and c.status == "changed"
                                  and _inside(c.retelling, cited))]
    # a word the qualifier kind reads as a grade of harm ("critical" / "stable condition",
    # "not life-threatening") is the qualifier's, not also a claim reversed or denied
    graded = {(c.retelling.start, c.retelling.end) for c in out
              if c.kind == "qualifier" and c.retelling is not None}
    grades = {side: [(f.start, f.end) for f in facts if f.kind == "qualifier"
                     and f.role == qualifiers.HARM]
              for side, facts in (("o", o_side.facts), ("r", r_side.facts))}

    def in_grade(c: Change) -> bool:
        spans = [("r", c.retelling), ("o", c.original)]
        return any(x is not None and any(a <= x.start and x.end <= b for a, b in grades[side])
                   for side, x in spans)

    return tuple(c for c in out if not (c.kind == "negation" and (c.retelling is not None and (
        c.retelling.start, c.retelling.end) in graded or in_grade(c))))


def _align(o: Sequence[Sentence], r: Sequence[Sentence], semantic: bool | str) -> Alignment:
    if not semantic or not o or not r:
        return align(o, r)
    from retold.align import semantic as sem
    from retold.align.scorers import tfidf_matrix

    left, right = [s.text for s in o], [s.text for s in r]
    model = semantic if isinstance(semantic, str) else None
    blended = sem.blended_matrix(tfidf_matrix(left, right),
                                 sem.embedding_matrix(left, right, model=model))
    return align(o, r, similarity=blended, threshold=sem.SEMANTIC_THRESHOLD)


# How far after a quotation's closing mark its reporting clause runs ('," Jane Doe, the
# co-founder and executive director of the group, said in a statement').
QUOTE_CLAUSE_CHARS = 120


# Segmenting and extracting facts is two thirds of a comparison, and a corpus trace compares
# one article with many candidates in a row: keep the last few documents' work. Documents and
# contexts are frozen, and a str caches its hash, so a lookup costs next to nothing.
PREPARED_CACHE = 64


@lru_cache(maxsize=PREPARED_CACHE)
def prepare(doc: Document, context: Context) -> Side:
    """Segment a document and extract its facts (cached: the same input gives the same Side)."""
    sentences = segment(doc)
    return Side(doc, sentences, extract(doc, sentences, context))


def prepare_shaped(doc: Document, context: Context, reference: str, *,
                   new_names: bool = False) -> Side:
    """`prepare`, reading tokenised or all-lower-case text through a readable copy.

    The facts and sentences are found in the copy (see `retold.reshape`) and mapped back, so
    every offset still points into the text as read.
    """
    shaped = reshape(doc.text, reference, new_names=new_names)
    if not shaped.changed:
        return prepare(doc, context)
    side = prepare(replace(doc, text=shaped.text), context)
    raw = doc.text
    sentences = []
    for s in side.sentences:
        start, end = shaped.span(s.start, s.end)
        sentences.append(replace(s, start=start, end=end, text=raw[start:end]))
    facts = []
    for f in side.facts:
        start, end = shaped.span(f.start, f.end)
        facts.append(replace(f, start=start, end=end, text=raw[start:end]))
    return Side(doc, tuple(sentences), tuple(facts))


def extract(doc: Document, sentences: Sequence[Sentence], context: Context) -> tuple[Fact, ...]:
    """Run every fact extractor over a document; facts in text order (none from page clutter,
    no attribution inside a quotation).

    A byline says who wrote the story and when the outlet published it (its names and date),
    not a fact the story tells: no fact either.
    """
    clutter = {s.id for s in sentences if s.kind in ("boilerplate", "byline")}
    facts = [f for module in KINDS.values() for f in module.extract(doc, sentences, context)
             if f.sentence not in clutter]
    # "'While we believe ...,' the app said": a speech verb inside a quotation is the
    # speaker's own words; the quotation carries who said them
    quoted = [(f.start, f.end) for f in facts if f.kind == "quote"]
    if quoted:
        facts = [f for f in facts if f.kind != "attribution"
                 or not any(start <= f.start and f.end <= end for start, end in quoted)]
    facts.sort(key=lambda f: (f.start, f.end, f.kind))
    return tuple(facts)


def _with_relation(pair: AlignedPair, o: Side, r: Side, changes: int) -> AlignedPair:
    texts = (
        " ".join(o.sentences[i].text for i in pair.original),
        " ".join(r.sentences[j].text for j in pair.retelling),
    )
    return AlignedPair(pair.original, pair.retelling, pair.similarity,
                       relation(texts, changes))  # type: ignore[arg-type]


def _contexts(o_pub: dt.date | None, r_pub: dt.date | None) -> tuple[Context, Context, list[str]]:
    """Publication-date contexts for both sides, borrowing the other side's date if unknown."""
    notes: list[str] = []
    if o_pub and not r_pub:
        notes.append(
            f"The retelling's publication date is unknown; its relative dates were resolved "
            f"against the original's ({o_pub.isoformat()})."
        )
        return Context(o_pub), Context(o_pub, published_assumed=True), notes
    if r_pub and not o_pub:
        notes.append(
            f"The original's publication date is unknown; its relative dates were resolved "
            f"against the retelling's ({r_pub.isoformat()})."
        )
        return Context(r_pub, published_assumed=True), Context(r_pub), notes
    if not o_pub and not r_pub:
        notes.append(
            "Neither publication date is known: relative dates ('last month') are compared "
            "as written, not resolved. Give the original's publication date to resolve them."
        )
    return Context(o_pub), Context(r_pub), notes


_ASCII_LETTERS = re.compile(r"[A-Za-z]+")


def _has_relative_dates(side: Side) -> bool:
    return any(
        isinstance(f.value, Interval)
        and (f.value.relative or f.value.granularity == "relative-unresolved")
        for f in side.facts
    )


def _count(runs: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the runs of one character class cover (the runs are
    deleted rather than each character listed)."""
    return len(text) - len(runs.sub("", text))


def _language_notes(*docs: Document) -> list[str]:
    notes = []
    for label, doc in zip(("original", "retelling"), docs):
        if doc.text.isascii():
            continue  # every letter is a Latin one
        letters = letter_count(doc.text)
        ascii_letters = _count(_ASCII_LETTERS, doc.text)
        if letters and (letters - ascii_letters) / letters > NON_ENGLISH_SHARE:
            notes.append(
                f"The {label} is not in English: alignment, numbers and dates in digits work, "
                "but names, quotes, attributions, qualifiers and negation are English-only "
                "and may be missed."
            )
    return notes


def as_document(value: str | Document, label: str) -> Document:
    """A Document from text (title and byline read from its top lines) or a Document as is."""
    if isinstance(value, Document):
        return value
    if isinstance(value, str):
        if not any(ch.isalnum() for ch in value):
            raise EmptyInput(f"the {label} has no text (no letter or digit); pass the article")
        return read.read_text(value, source=f"<{label.split()[0]}>")
    raise TypeError(f"{label} must be a str or a retold.Document, not {type(value).__name__}")


def _as_date(value: DateLike, label: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return read.parse_date_option(value, option=label)


# `retold.compare(...)` calls compare() even where `retold.compare` is this module.
make_callable(__name__)
