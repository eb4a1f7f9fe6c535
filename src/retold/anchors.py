"""A name in the original's own words about someone else: the slot read from a verbatim context.

A summary sentence that copies a run of the original's words but puts another name at its
head ("Lind, who coaches the Oslo Lions, was fined" where the original writes "Berg, who
coaches the Oslo Lions, was fined") gives the claim to the wrong party. Both names are in
the original, so neither is unsupported; the words beside the name say whose slot it is. Only
a long context counts: ``CONTEXT_MIN`` words copied in order, ``CONTENT_MIN`` of them
lower-case content words (not names, not function words), or ``LONG_CONTEXT`` words with one,
next to the name with nothing but spaces and commas between. A pronoun or a description there
("She was fined", "the coach was fined") says nothing, and a context the original also writes
beside this name backs it.

Written by hand: what is compared is a run of tokens beside a typed fact, which no
alignment or matching library offers; the index is a plain dict of word trigrams.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from retold import lexicon, meaning
from retold.facts import names
from retold.memo import text_memo
from retold.model import Fact, Sentence

# Words copied in order beside the name, and how many of them are lower-case content words:
# CONTENT_MIN in a run of CONTEXT_MIN, or one in a run of LONG_CONTEXT ("was not at all sure that
# it would be"). On the development sets a run of four with one content word (a short phrase
# before a place) named a place inside the original's (XSum span precision 0.918 -> 0.912);
# six with one added one FRANK error and nothing else.
CONTEXT_MIN = 4
CONTENT_MIN = 2
LONG_CONTEXT = 6
CONTEXT_MAX = 10
_TOKEN_RE = re.compile(r"[^\W_]+")
# What may stand between a name and its context: spaces, commas, quote marks, brackets. A
# sentence end, a dash or a colon ends the clause.
_GAP_RE = re.compile(r"[\s,'\"‘’“”()]*")
# How near before (or after) the rival a mention of the retelling's name makes the two one
# list ("Smith and Jones were fined"): the retelling keeps one of two parties, no swap.
LIST_CHARS = 60
# Names sharing their first letters are forms of one (lexicon.FORM_LETTERS).
FORM_LETTERS = lexicon.FORM_LETTERS


@dataclass
class _Tokens:
    """A text's words: where each starts and ends, and its case-folded form."""

    text: str
    starts: list[int]
    ends: list[int]
    words: list[str]

    @classmethod
    def of(cls, text: str) -> _Tokens:
        found = list(_TOKEN_RE.finditer(text))
        return cls(text, [m.start() for m in found], [m.end() for m in found],
                   [m.group().casefold() for m in found])


# A corpus trace compares one article with each of its candidates in turn: its tokens and
# trigrams are read once (never changed after).
@text_memo(maxsize=64, max_chars=50_000)
def _indexed(text: str) -> tuple[_Tokens, dict[tuple[str, str, str], list[int]]]:
    tokens = _Tokens.of(text)
    words = tokens.words
    trigrams: dict[tuple[str, str, str], list[int]] = {}
    for i, key in enumerate(zip(words, words[1:], words[2:])):
        trigrams.setdefault(key, []).append(i)
    return tokens, trigrams


class Anchors:
    """The original's words as tokens, a trigram index over them, and its names by the token
    right after (or right before) each: built once per comparison, on first use."""

    def __init__(self, text: str, facts: Sequence[Fact], sentences: Sequence[Sentence]) -> None:
        self.tokens, self.trigrams = _indexed(text)
        self.bounds = {s.id: (s.start, s.end) for s in sentences}
        self._sentences: dict[tuple[int, int], _Tokens] = {}  # the retelling's, by span
        # token index -> the name ending just before it / starting just after it
        self.name_before: dict[int, Fact] = {}
        self.name_after: dict[int, Fact] = {}
        starts, ends = self.tokens.starts, self.tokens.ends
        self._name_spans = sorted((f.start, f.end) for f in facts if f.kind == "name")
        self._name_starts = [a for a, _b in self._name_spans]
        for f in facts:
            if f.kind != "name":
                continue
            k = bisect.bisect_left(starts, f.end)
            if k < len(starts) and _gap(text, f.end, starts[k]):
                self.name_before.setdefault(k, f)
                # ("Lind reportedly dropped": an adverb between the doer and the verb)
                if k + 1 < len(starts) and _adverb(text[starts[k] : self.tokens.ends[k]]) \
                        and _gap(text, self.tokens.ends[k], starts[k + 1]):
                    self.name_before.setdefault(k + 1, f)
            k = bisect.bisect_right(ends, f.start) - 1
            if k >= 0 and _gap(text, ends[k], f.start):
                self.name_after.setdefault(k, f)

    def rival(self, name: Fact, r_text: str, sentence: tuple[int, int]) -> tuple[Fact, str] | None:
        """(the original's name, the shared words) where the retelling's ``name`` heads (or
        ends) a run of the original's words that the original gives another name; None where
        no such run, or where the original also gives it this name."""
        lo, hi = sentence
        mine = self._sentences.get(sentence)
        if mine is None:  # (a sentence with several names is read once)
            mine = self._sentences[sentence] = _Tokens.of(r_text[lo:hi])
        k = bisect.bisect_left(mine.starts, name.end - lo)
        beside = k < len(mine.starts) and _gap(r_text, name.end, mine.starts[k] + lo)
        if beside and k + 1 < len(mine.starts) and _adverb(
                r_text[mine.starts[k] + lo : mine.ends[k] + lo]) and _gap(
                r_text, mine.ends[k] + lo, mine.starts[k + 1] + lo):
            k += 1  # ("Berg reportedly resigned": the run starts at the verb)
        after = mine.words[k : k + CONTEXT_MAX] if beside else []
        k = bisect.bisect_right(mine.ends, name.start - lo) - 1
        before = mine.words[max(0, k + 1 - CONTEXT_MAX) : k + 1][::-1] if k >= 0 and _gap(
            r_text, mine.ends[k] + lo, name.start) else []
        # (length, rival, first and last token, whether the run follows the name)
        found: tuple[int, Fact, int, int, bool] | None = None
        for context, forward in ((after, True), (before, False)):
            if len(context) < CONTEXT_MIN:
                continue
            # (the matches first: most names head no run of the original's words)
            matches = self._matches(context, forward)
            if not matches or not _heads(r_text, name, forward, lo):
                continue
            for first, last in matches:
                holder = (self.name_before.get(first) if forward
                          else self.name_after.get(last))
                if holder is None or not _heads(self.tokens.text, holder, forward,
                                                self.bounds.get(holder.sentence, (0, 0))[0]):
                    continue  # a pronoun or a description there: it may be this name
                if _same(holder, name):
                    return None  # the original gives this name this context too
                length = last - first + 1
                if found is None or length > found[0]:
                    found = (length, holder, first, last, forward)
        if found is None:
            return None
        _length, holder, first, last, forward = found
        if not distinct(holder, name) or self._listed(name, holder, first, last):
            return None
        t = self.tokens
        # (quoted without a name the run's far end cuts in two, "... against Ola" of "Ola Dahl",
        # nor the function words at its far end: "was fined for criticising", not "... the")
        if forward:
            cut = self._name_at(t.starts[last])
            if cut is not None and cut[1] > t.ends[last] and cut[0] > t.starts[first]:
                last = bisect.bisect_left(t.starts, cut[0]) - 1
        else:
            cut = self._name_at(t.starts[first])
            if cut is not None and cut[0] < t.starts[first] and cut[1] < t.ends[last]:
                first = bisect.bisect_left(t.starts, cut[1])
        while last > first and (t.words[last] if forward else t.words[first]) in meaning.STOP:
            last, first = (last - 1, first) if forward else (last, first + 1)
        return holder, t.text[t.starts[first] : t.ends[last]]

    def _name_at(self, offset: int) -> tuple[int, int] | None:
        """The (start, end) of the original's name that covers ``offset``, if one does."""
        k = bisect.bisect_right(self._name_starts, offset) - 1
        if k >= 0 and self._name_spans[k][1] > offset:
            return self._name_spans[k]
        return None

    def _matches(self, context: list[str], forward: bool) -> list[tuple[int, int]]:
        """(first, last) original token of each run of ``context`` (read away from the name)
        of CONTEXT_MIN words or more, CONTENT_MIN of them lower-case content words."""
        words, t = self.tokens.words, self.tokens
        key = (context[0], context[1], context[2]) if forward else (
            context[2], context[1], context[0])
        out = []
        for at in self.trigrams.get(key, ()):
            if forward:
                n = 3
                while n < len(context) and at + n < len(words) and words[at + n] == context[n]:
                    n += 1
                first, last = at, at + n - 1
            else:
                end = at + 2  # the token next to the name
                n = 3
                while n < len(context) and end - n >= 0 and words[end - n] == context[n]:
                    n += 1
                first, last = end - n + 1, end
            content = sum(1 for i in range(first, last + 1)
                          if t.text[t.starts[i]].islower() and words[i] not in meaning.STOP)
            # the word next to the name is no name itself ("Tran, Cole and Gail", "Bucks
            # County, PA"): a list or an address, not a slot
            beside = first if forward else last
            if n >= CONTEXT_MIN and (content >= CONTENT_MIN or n >= LONG_CONTEXT and content) \
                    and t.text[t.starts[beside]].islower():
                out.append((first, last))
        return out

    def _listed(self, name: Fact, holder: Fact, first: int, last: int) -> bool:
        """The original names ``name`` right beside ``holder``, in its sentence, outside the
        copied run (tokens ``first``-``last``): one of a list of parties. A mention inside the
        run is copied with it ("Berg was deputy to Lind" retold as "Lind was deputy to Lind"),
        no partner of the holder."""
        lo, hi = self.bounds.get(holder.sentence, (holder.start, holder.end))
        t = self.tokens
        a, b = t.starts[first], t.ends[last]
        return any(names.mentioned(name.text, t.text[x:y]) for x, y in (
            (max(lo, holder.start - LIST_CHARS), min(a, hi)),
            (max(b, lo), min(hi, holder.end + LIST_CHARS))) if x < y)


# Words after which a name opens a clause ("..., but Berg was"): after any other word it is
# inside a phrase ("the injured Berg", "coached by Berg", "Lind and Berg").
CLAUSE_OPENERS = frozenset({"but", "while", "when", "after", "before", "as", "because", "since",
                            "although", "though", "that", "then", "so", "if", "unless", "until",
                            "where", "whereas", "once"})
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)?([^\w]*)$")
_POSSESSIVE_RE = re.compile(r"\s?['’]s?\b")
_WORD_AFTER_RE = re.compile(r"[^\S\n]+([^\W\d_]+)")


def _heads(text: str, name: Fact, forward: bool, lo: int) -> bool:
    """``name`` heads its phrase: as the doer of what follows, it opens a clause (its
    sentence's start, punctuation or a clause word before it); as the object of what comes
    before, it is no possessor ("beat Hale's side"), qualifies no noun after it and opens no
    clause of its own."""
    m = _WORD_BEFORE_RE.search(text, max(lo, name.start - 40), name.start)
    if not forward:
        # ("said that Berg ...": Berg opens a clause of its own, the object of nothing)
        # ("Lions striker Tomas Berg": a name before a noun qualifies it)
        after = _WORD_AFTER_RE.match(text, name.end)
        return _POSSESSIVE_RE.match(text, name.end) is None and not (
            m is not None and m.group(1) is not None and not m.group(2).strip()
            and m.group(1).casefold() in CLAUSE_OPENERS | {"and", "or"}) and (
            after is None or not _noun(after.group(1)))
    if m is None or m.group(1) is None:
        return True  # the sentence's first words
    return bool(m.group(2).strip()) or m.group(1).casefold() in CLAUSE_OPENERS


def _adverb(word: str) -> bool:
    """A lower-case word WordNet reads only as an adverb ("reportedly", "also"; "later" is
    an adjective too), and no negation ("never" reverses what follows)."""
    return _only(word, "r") and not meaning.negations(word)


def _noun(word: str) -> bool:
    """A lower-case word WordNet reads only as a noun ("impersonator"; not "ahead", "this")."""
    return _only(word, "n")


def _only(word: str, pos: str) -> bool:
    readings = lexicon.lemmas(word) if word[:1].islower() else ()
    return bool(readings) and all(p == pos for _l, p in readings)


def _gap(text: str, a: int, b: int) -> bool:
    return a <= b and _GAP_RE.fullmatch(text, a, b) is not None


def _same(a: Fact, b: Fact) -> bool:
    return a.key == b.key or names.same_name(a.text, b.text) or names.same_name(b.text, a.text)


def _abbreviates(short: str, long_: str) -> bool:
    """``short`` is written in capitals and spells the initials of ``long_``'s words, a plural
    "s" aside ("LA" / "Los Angeles", "DNNs" / "Deep Neural Networks"): names.same_name leaves
    out an acronym its alias table gives to another name, which says nothing here."""
    letters = short.replace(".", "")
    letters = letters[:-1] if letters.endswith("s") and letters[:-1].isupper() else letters
    words = [w for w in long_.split() if w[:1].isupper()]
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() and \
        letters == "".join(w[0] for w in words)


def distinct(a: Fact, b: Fact) -> bool:
    """Two names that are plainly two things: no word in common ("Derby" / "Derby County" is a
    short form), none a form of the other ("Georgia" / "Georgian"), and neither a lower-case
    dictionary word taken for a name ("comedian" for "Ben Elton" describes him)."""
    aw, bw = a.text.casefold().split(), b.text.casefold().split()
    if _abbreviates(a.text, b.text) or _abbreviates(b.text, a.text):
        return False
    if set(aw) & set(bw) or any(x[:FORM_LETTERS] == y[:FORM_LETTERS]
                                for x in aw for y in bw if min(len(x), len(y)) >= FORM_LETTERS):
        return False
    return not any(len(f.text.split()) == 1 and f.text.islower() and lexicon.lemmas(f.text)
                   and not lexicon.proper_noun(f.text) for f in (a, b))
