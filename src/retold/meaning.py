"""Meaning changes beyond typed facts: negation, opposites, and words the original never uses.

Works on one retelling sentence against its evidence in the original (the sentences that
support it). Pure: no I/O beyond the lexicon's memory-mapped files.

* **polarity**: a negation the evidence does not have on the same word ("did not win" for
  "won"), in all its forms: not/n't/never/no and the verbs that negate what follows (failed to,
  refused to, denied);
* **opposites**: a word whose WordNet antonym the evidence uses instead (rose/fell, won/lost,
  acquitted/convicted), plus ``EXTRA_ANTONYMS`` for news verbs WordNet pairs otherwise;
* **unsupported words**: content words the whole original does not use, in any inflection,
  synonym, derived form or broader term ("profits" where the original says "sales").
"""

from __future__ import annotations

import difflib
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from retold import lexicon, patterns, valence
from retold.facts.base import DATELINE_RE
from retold.facts.negation import (
    CLAUSE_END_RE,
    NEGATED_THROUGH,
    SKIPPED_ADVERBS,
    UNTIL_RE,
    clause_after,
    clause_before,
    conditional,
    denial_cue,
    in_condition,
    judged_against,
    negates_nothing,
    passive_subject,
)
from retold.facts.negation import complementary as negation_complementary
from retold.facts.numbers import FALL_WORDS, RISE_WORDS, TOLLS, change_direction, same_toll

__all__ = ["Finding", "WordIndex", "check", "content_words", "omissions", "stem", "word_index"]

# Opposites WordNet records under other words (it pairs "approve" with "disapprove" and "reject"
# with "accept"): news verbs whose swap reverses a report. Both directions are read.
EXTRA_ANTONYMS: tuple[tuple[str, str], ...] = (
    ("approve", "reject"), ("accept", "refuse"), ("pass", "fail"), ("succeed", "fail"),
    ("allow", "ban"), ("confirm", "deny"), ("guilty", "innocent"), ("support", "oppose"),
    ("open", "close"), ("increase", "cut"), ("rise", "drop"), ("gain", "loss"), ("gain", "lose"),
    ("profit", "loss"), ("earnings", "loss"), ("earn", "lose"), ("up", "down"), ("higher", "lower"), ("more", "less"),
    ("before", "after"), ("above", "below"), ("majority", "minority"), ("victory", "defeat"),
    ("beat", "lose"), ("win", "defeat"), ("hire", "fire"), ("buy", "sell"),
    # markets', budgets' and courts' opposites
    ("surplus", "deficit"), ("bullish", "bearish"), ("hawkish", "dovish"),
    ("outperform", "underperform"), ("tighten", "loosen"), ("inflow", "outflow"),
    ("arrest", "release"), ("ally", "enemy"), ("boost", "hurt"),
    # prefixes written as a compound's first part ("pre-war" / "post-war"); "pro-" / "anti-"
    # WordNet pairs itself
    ("pre", "post"),
)

# Prefixes that negate the word they start ("uncommon", "dismotivated"). "un-" and "non-" make an
# opposite of nearly any adjective; the others also begin words of their own ("discover",
# "mission"), so for them the prefixed word must be one WordNet does not know (a coinage):
# a word WordNet knows has its opposites recorded there. "de-" is left out: "declutter" and
# "debug" remove what the original complains of, agreeing with it.
NEGATING_PREFIXES = ("non-", "non", "un", "dis", "mis")
ALWAYS_NEGATING = frozenset({"non-", "non", "un"})
# The base left after a prefix must be this long to count ("unite" is not un + "ite").
PREFIX_BASE_MIN = 4

# Verbs that negate the clause they govern: "failed to pay" says the payment did not happen.
# "forgot to lock", "neglected to mention" and "a lack of data" say it did not happen either;
# so do the nouns of WordNet's lack / deficiency / absence synsets before "of" ("the paucity of
# digits" restates "the lack of digits": each must be a cue for the two to agree).
LACK_NOUNS = ("absence", "shortage", "dearth", "paucity", "scarcity", "deficiency",
              "insufficiency")
NEGATING_VERBS = ("fail", "refuse", "deny", "decline", "reject", "forget", "neglect", "lack",
                  *LACK_NOUNS)
_NEG_RE = patterns.compile(
    r"(?<![\w-])(?<!\w['’])(?:not|never|no|none|nobody|nothing|neither|nor|without|cannot"
    r"|fail(?:s|ed|ing)?\s+to|refus(?:e|es|ed|ing)\s+to|den(?:y|ies|ied|ying)"
    r"|declin(?:e|es|ed|ing)\s+to|forg(?:et|ets|ot|otten|etting)\s+to"
    r"|neglect(?:s|ed|ing)?\s+to|unable\s+to|lack(?:s|ed|ing)?(?:\s+of)?"
    rf"|(?:{'|'.join(LACK_NOUNS)})\s+of)(?![\w'’-])"
    r"|(?<=[a-z])n[’']t(?![\w])|(?<=[a-z]\s)n[’']t(?![\w])",
    re.IGNORECASE,
)

# A thing lost is not stated plainly: "the lack of manpower" restates "the loss of manpower".
_PRIVATION_RE = re.compile(
    r"(?<![\w-])(?<!\w['’])(?:loss|losses|lost|lose|loses|losing|depletion|shortfall|erosion|deprivation)"
    r"(?:\s+of)?(?:\s+(?:the|its|their|his|her|our|your|some|much|many|all))?\s+$",
    re.IGNORECASE,
)

# ... and a thing with its loss after it ("employment loss", "job losses"): its opposite
# said, not itself.
_LOST_AFTER_RE = re.compile(r"[\s-]+(?:loss|losses|shortfall|depletion|erosion)\b", re.IGNORECASE)

# Function words and the commonest reporting words: they carry no checkable content.
STOP = frozenset([
    "a", "about", "above", "after", "again", "against", "all", "also", "although", "am", "an",
    "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
    "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
    "during", "each", "either", "else", "ever", "every", "few", "for", "from", "further",
    "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself",
    "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
    "least", "less", "let", "like", "made", "make", "many", "may", "me", "might", "more",
    "most", "much", "must", "my", "myself", "near", "neither", "no", "nor", "not", "now", "of",
    "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "ours",
    "ourselves", "out", "over", "own", "per", "perhaps", "rather", "same", "several", "she",
    "should", "since", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
    "themselves", "then", "there", "these", "they", "this", "those", "though", "through",
    "thus", "to", "too", "under", "until", "up", "upon", "us", "very", "via", "was", "we",
    "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose",
    "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
    "yourself", "said", "says", "say", "saying", "told", "tell", "tells", "according", "added",
    "adding", "new", "first", "last", "year", "years", "week", "weeks", "month", "months",
    "day", "days", "time", "times", "people", "mr", "mrs", "ms", "dr", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "hundred", "thousand", "million", "billion",
])

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
# Crude inflection stripping, applied alike to both sides: "profits"/"profit", "rates"/"rate".
_ENDINGS = ("ings", "ing", "ies", "ied", "es", "ed", "s", "e", "ly", "y")
MIN_STEM = 3
# What is left of tokeniser marks ("-LRB-", "n't") once split into words.
_TOKEN_WORDS = frozenset({"lrb", "rrb", "lsb", "rsb", "lcb", "rcb", "n't", "n’t"})
MIN_WORD = 3


# _ENDINGS by their last letter, in their order: a word is tried only against the endings it
# can have (stem runs on every word of both texts, and most words end in none of them).
_ENDINGS_BY_LAST: dict[str, tuple[str, ...]] = {
    last: tuple(e for e in _ENDINGS if e[-1] == last) for last in {e[-1] for e in _ENDINGS}}


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """Return a crude stem: case folded, one inflectional ending off (never below 3 letters)."""
    w = word.casefold().replace("’", "'")
    w = w.removesuffix("'s")
    for ending in _ENDINGS_BY_LAST.get(w[-1:], ()):
        if ending == "s" and w.endswith("ss"):
            continue  # "discuss" is no plural: it must meet "discussed" and "discusses"
        if w.endswith(ending) and len(w) - len(ending) >= MIN_STEM:
            return w[: -len(ending)]
    if len(w) == MIN_STEM + 1 and w.endswith("ed") and w[1] != "e":
        # a short verb's past in "-d" ("died", "used", "owed"): the ending would leave too
        # little, but the verb is there without its "d" ("need" and "feed" are no such past)
        return w[:-1]
    return w


@lru_cache(maxsize=65536)
def forms(word: str) -> frozenset[str]:
    """How a negated word meets its plain use: its stem and, for an irregular form, its base
    form's ("I don't know him" / "knew him", "did not lay off" / "laid off"); a comparative
    keeps its own only ("not better" is no "good")."""
    if _comparative(word):
        return frozenset({stem(word)})
    return frozenset(stem(b) for b in _bases(word))


def content_words(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, word) of the content words of a text, offsets shifted by ``offset``."""
    found = _content_words(text)
    return [(s + offset, e + offset, w) for s, e, w in found] if offset else list(found)


@lru_cache(maxsize=4096)
def _content_words(text: str) -> tuple[tuple[int, int, str], ...]:
    # (_WORD_RE's words are ASCII letters, apostrophes and hyphens: case folding keeps their
    # length, so the length is read before folding)
    return tuple([(m.start(), m.end(), w) for m in _WORD_RE.finditer(text)
                  if len(w := m.group()) >= MIN_WORD and (low := w.casefold()) not in _SKIPPED
                  and not low.endswith(_NEGATED_AUXILIARY)
                  and not (low.endswith(_CONTRACTION_TAILS) and _contracted(low))])


# "we've", "We're", "it's", "they'll": a pronoun and its auxiliary, function words both
_CONTRACTION_TAILS = ("'ve", "'re", "'ll", "'d", "'m", "'s", "’ve", "’re", "’ll", "’d", "’m", "’s")


def _contracted(low: str) -> bool:
    if not low.endswith(_CONTRACTION_TAILS):
        return False
    head = low[: low.rindex("'" if "'" in low else "’")]
    return head in STOP


# "doesn't", "won't", "isn't": an auxiliary and its negation, function words both (the
# negation is read as a cue)
_NEGATED_AUXILIARY = ("n't", "n’t")


_SKIPPED = STOP | _TOKEN_WORDS
_NOWHERE: frozenset[int] = frozenset()  # (one empty answer: not a new set for every miss)


# The words of a casualty toll (numbers.TOLLS).
_TOLL_WORDS: frozenset[str] = frozenset().union(*TOLLS.values())


class WordIndex:
    """The stems of the original's words, and which sentences use each (for evidence search)."""

    def __init__(self, sentences: Iterable[tuple[int, str]]) -> None:
        self.sentences: dict[str, set[int]] = {}
        self.lemmas: set[str] = set()
        self.written: set[str] = set()  # the original's words as written, lower-cased
        # Every sentence's content words, for this comparison: a long text has far more
        # sentences than content_words' own cache keeps, and each is read again as evidence.
        self._words: dict[str, tuple[tuple[int, int, str], ...]] = {}
        self._placed: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
        self._negated: dict[str, tuple[tuple[int, int, str, list[str], list[str]], ...]] = {}
        count = 0
        for sid, text in sentences:
            count += 1
            for _s, _e, w in self.content_words(text):
                self.sentences.setdefault(stem(w), set()).add(sid)
                if "-" in w:
                    # a compound's words are the text's words too ("150-feet-deep" says
                    # "feet" and "deep"; "cross-border" says "border")
                    for part in _parts(w):
                        self.sentences.setdefault(stem(part), set()).add(sid)
                self.written.add(w.casefold())
                # Irregular forms ("rose" for "rise") are found under their lemma too; regular
                # ones meet the retelling's forms through the stem.
                self.lemmas.update(lexicon.base_forms(w))
        self.size = max(count, 1)
        self._memo: dict[str, bool] = {}
        self.toll_words = _TOLL_WORDS & self.written  # ("killed", "dead": numbers.TOLLS)

    def content_words(self, text: str, offset: int = 0) -> list[tuple[int, int, str]]:
        """``content_words(text, offset)``, each text read once for the index's lifetime, and
        placed at each offset once (a long sentence is read against many others: placing its
        words anew each time was quadratic). Callers read the list; they never change it."""
        placed = self._placed.get((text, offset))
        if placed is None:
            found = self._words.get(text)
            if found is None:
                # (through the module's memo: the same sentences are read by ``content_words``)
                found = self._words[text] = _content_words(text)
            placed = self._placed[(text, offset)] = \
                [(s + offset, e + offset, w) for s, e, w in found] if offset else list(found)
        return placed

    def uses(self, word: str) -> bool:
        """True when the original uses ``word`` or a synonym, derived or broader form of it."""
        if stem(word) in self.sentences:
            return True
        if "-" in word and all(len(p) >= MIN_WORD and p.casefold() not in _PREFIX_PIECES
                               and stem(p) in self.sentences for p in word.split("-")):
            # "feet-deep" / "feet deep": each of its words written there ("post-war",
            # "on-policy", "non-negative" say more than their last word)
            return True
        # (memoised by the word, not its stem: words of one stem have other neighbours, and the
        # index outlives one comparison, so a stem's first word must not answer for the rest)
        key = word.casefold()
        if key in _TOLL_WORDS and any(same_toll(key, w) for w in self.toll_words):
            return True  # "were killed" / "were dead": one toll (WordNet keeps them apart)
        if key not in self._memo:
            # Cheapest first: the word's lemmas, then its synonyms, derived forms and broader
            # terms, read lazily: the search stops at the first form the original uses, before
            # the synsets after it are read. Each form is tested once.
            tried: set[str] = set()
            found = False
            for form in lexicon.neighbours(word):
                if form not in tried:
                    tried.add(form)
                    if self._used(form):
                        found = True
                        break
            self._memo[key] = found
        return self._memo[key]

    def _used(self, form: str) -> bool:
        if "_" not in form:  # (most forms are one word: no generator for them)
            if len(form) < MIN_WORD or form.casefold() in STOP:
                return False
            # (tested first: most forms are not used, and then no WordNet lookup is made; a
            # participle failing it is not written there either, as a written word's stem is)
            if not (stem(form) in self.sentences or form in self.lemmas):
                return False
            # an adjective in a verb's form ("trying", a synonym of "hard") is used where it is
            # written, not where the verb is ("try it")
            return form.casefold() in self.written if _participle(form) else True
        # A phrase is used when each of its words is: "pass judgment" is not used by a text
        # that says "pass" (nor "leave out" by one that says "out").
        parts = [f for f in form.split("_") if f.casefold() not in STOP and len(f) >= MIN_WORD]
        return bool(parts) and all(stem(f) in self.sentences or f in self.lemmas for f in parts)

    def where(self, word: str) -> AbstractSet[int]:
        return self.sentences.get(stem(word), _NOWHERE)

    def negated_stems(self, text: str, offset: int = 0
                      ) -> list[tuple[int, int, str, list[str], list[str]]]:
        """``_negated_stems(text, offset)``, each text read once for the index's lifetime (an
        original sentence is read again as evidence of each retelling sentence it supports)."""
        found = self._negated.get(text)
        if found is None:
            found = self._negated[text] = _negated_stems_in.__wrapped__(text)
        return [(s + offset, e + offset, cue, first, window)
                for s, e, cue, first, window in found]


def _parts(compound: str) -> list[str]:
    """The content words of a hyphenated compound ("150-feet-deep": feet, deep); none where a
    piece turns or bounds the rest ("non-negative" says no "negative", "post-war" no "war")."""
    pieces = [p.casefold() for p in compound.split("-")]
    if _PREFIX_PIECES.intersection(pieces):
        return []
    return [p for p in pieces if len(p) >= MIN_WORD and p not in _SKIPPED]


# Pieces of a compound that turn, bound or grade the rest of it
_PREFIX_PIECES = frozenset({
    "non", "anti", "pre", "post", "ex", "counter", "pro", "semi", "sub", "un", "mis", "dis",
    "de", "re", "co", "mid", "over", "under", "half", "quasi", "pseudo", "neo", "off", "on",
    "near", "ultra", "super", "self", "low", "high", "well", "ill", "less", "more", "most",
    "least", "all", "no", "not", "never", "former", "would", "be",
})


def _participle(form: str) -> bool:
    """``form`` is an adjective WordNet lists in a verb's -ing or -ed form ("trying", "closed")."""
    low = form.casefold()
    readings = lexicon.lemmas(low) if low.endswith(("ing", "ed")) else ()
    # (an adjective that is a verb's form: "red" is no verb's)
    return (low, "a") in readings and any(p == "v" and lemma != low for lemma, p in readings)


# Originals whose word index is kept: a trace compares one article with its candidates in a
# row, and the index's memo of the words the original uses (WordNet's part) serves them all.
WORD_INDEX_CACHE = 8


@lru_cache(maxsize=WORD_INDEX_CACHE)
def word_index(sentences: tuple[tuple[int, str], ...]) -> WordIndex:
    """``WordIndex(sentences)``, the same object for the same sentences (it holds nothing of
    the retellings it is asked about but memos)."""
    return WordIndex(sentences)


@dataclass(frozen=True, slots=True)
class Finding:
    """One meaning change in a retelling sentence, with offsets into both texts."""

    # "negation": the claim's polarity is reversed (a negation cue, or an opposite word);
    # "meaning": a word the original never uses
    kind: str
    status: str  # "changed" | "added"
    retelling: tuple[int, int]
    original: tuple[int, int] | None
    detail: str


@lru_cache(maxsize=65536)
def readings(word: str) -> frozenset[str]:
    """The word's stem and its WordNet lemmas ("rose" -> ros, rose, rise)."""
    return frozenset({stem(word), word.casefold()} | {lemma for lemma, _p in lexicon.lemmas(word)})


def _says_too(opp: str, words: Sequence[tuple[int, int, str]]) -> bool:
    """Whether one of ``words`` is ``opp`` in another form, not merely a word of its stem:
    "earned" shares the stem of "earnings" but is another word (WordNet's lemmas tell them
    apart; a word it does not know counts by its stem)."""
    opp_bases = _bases(opp)
    opp_lemmas = {lemma for lemma, _pos in lexicon.lemmas(opp)}
    for _s, _e, w in words:
        if not _bases(w) & opp_bases:
            continue
        mine = {lemma for lemma, _pos in lexicon.lemmas(w)}
        if not (mine and opp_lemmas) or mine & opp_lemmas:
            return True
    return False


@lru_cache(maxsize=65536)
def _bases(word: str) -> frozenset[str]:
    """A word's stem, its case-folded form and its irregular base forms ("rose" -> rise,
    "women" -> woman: WordNet reads "-men" by a rule of its own, not from its exception lists)."""
    low = word.casefold()
    men = [lemma for lemma, pos in lexicon.lemmas(word) if pos == "n" and lemma.endswith("man")
           ] if low.endswith("men") else []
    return frozenset({stem(word), low, *lexicon.base_forms(word), *men})


# Words of a change in amount (numbers.RISE_WORDS, FALL_WORDS): WordNet pairs a few of them
# ("rise" / "fall", "increase" / "decrease"); a reader takes any of one side for the opposite
# of any of the other ("revenue grew" / "revenue declined", "shares soared" / "shares plunged").

# Words that tell which way an amount went in prose but are amounts themselves beside a figure
# ("the rival lost 3 points" / "lost $5 million"): read only to see that an original says a
# change both ways.
_SAID_WAYS = {"rise": frozenset({"add"}), "fall": frozenset({"lose"})}


def _said_way(word: str) -> str | None:
    """"rise" or "fall" for a word of a change in amount, said of anything."""
    way = change_direction(word)
    if way is None:
        mine = readings(word)
        way = next((w for w, said in _SAID_WAYS.items() if mine & said), None)
    return way


_OPENERS = " \t\n\"'“‘(["  # what may stand before a sentence's first word


# Words between a change word and the thing it is said of, at most ("leakage should shrink",
# "a cut in household tariffs").
BESIDE_WORDS = 3
_JOIN_RE = re.compile(r"[\s\w'’-]*")


def _adjacent(text: str, offset: int, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Two content words of ``text`` with nothing but function words between (no punctuation)."""
    gap = text[a[1] - offset:b[0] - offset]
    return bool(_JOIN_RE.fullmatch(gap)) and len(gap.split()) <= BESIDE_WORDS


def _beside_words(text: str, offset: int, words: Sequence[tuple[int, int, str]], k: int
                  ) -> list[str]:
    """What word ``k`` of ``text`` is said of: up to two content words after it ("decreasing
    household tariffs", "a rise in rents"), or else the one before it ("revenue fell"), each
    joined to it by nothing but function words."""
    out: list[str] = []
    i = k + 1
    # (another change word joined to it, "the rise and fall of the river", and a word of time,
    # "fell each spring", are passed over: the thing comes after them)
    while i < len(words) and len(out) < 2 and i - k <= BESIDE_WORDS \
            and _adjacent(text, offset, words[i - 1], words[i]):
        w = words[i][2]
        if _said_way(w) is None and w.casefold() not in _TIME_WORDS:
            out.append(w)
        i += 1
    if not out and k > 0 and _adjacent(text, offset, words[k - 1], words[k]):
        out.append(words[k - 1][2])
    return out


_TIME_WORDS = frozenset({"year", "years", "quarter", "quarters", "month", "months", "week",
                         "weeks", "day", "days", "spring", "summer", "autumn", "fall", "winter",
                         "annual", "annually", "yearly", "monthly", "weekly", "daily"})


def _said_only_this_way(things: Sequence[str], way: str, evidence: Sequence[tuple[str, int]],
                        locate: Callable[[str], Sequence[tuple[str, int]]]) -> bool:
    """Whether the evidence, or where it says both ways or neither the whole original, says a
    change of ``things`` ``way`` and never the other way."""
    if not things:
        return False
    for where in ((lambda _w: evidence), locate):
        this = _said_of_beside(things, way, where)
        other = _said_of_beside(things, _OPPOSITE_WAY[way], where)
        if this != other:
            return this
    return False


def _said_of_beside(things: Sequence[str], way: str,
                    where: Callable[[str], Sequence[tuple[str, int]]]) -> bool:
    """Whether a sentence ``where`` finds for a thing says a change ``way`` of one of
    ``things`` (the content words the retelling's change word is said of), read the same way
    ("leakage should shrink", "an increase in household tariffs")."""
    keys = {stem(t) for t in things}
    for thing in things:
        for text, _start in where(thing):
            found = content_words(text)
            for j, (_s, _e, w) in enumerate(found):
                if _said_way(w) == way and keys & {
                        stem(x) for x in _beside_words(text, 0, found, j)}:
                    return True
    return False


def _both_ways(word: str, opposite: str, sentence: str, at: int) -> bool:
    """The original's sentence holding ``opposite`` (at ``at``) also says a change the way
    ``word`` does ("revenue climbed but profit declined", "the rise and fall of the river"): the
    retelling's ``word`` may be said of the other thing, no reversal."""
    way = _direction(word)
    if way is None or opposite not in _OTHER_WAY[way]:
        return False
    # (a capitalised word inside the sentence is a name or a label, "Slide 17", of no change)
    return any(_said_way(w) == way for _s, _e, w in content_words(sentence)
               if not _s <= at < _e and not (w[:1].isupper() and sentence[:_s].strip(_OPENERS)))


def _direction(word: str) -> str | None:
    """"rise" or "fall" for a word of RISE_WORDS or FALL_WORDS (in any reading), else None."""
    mine = readings(word)
    return "rise" if mine & RISE_WORDS else "fall" if mine & FALL_WORDS else None


# The words a change of one way is reversed by.
_OTHER_WAY = {"rise": FALL_WORDS, "fall": RISE_WORDS}
_OPPOSITE_WAY = {"rise": "fall", "fall": "rise"}


# EXTRA_ANTONYMS both ways, and the words of one direction against the other's, by word.
_EXTRA_OPPOSITES: dict[str, frozenset[str]] = {
    w: frozenset({b for a, b in EXTRA_ANTONYMS if a == w} | {a for a, b in EXTRA_ANTONYMS if b == w}
                 | (FALL_WORDS if w in RISE_WORDS else RISE_WORDS if w in FALL_WORDS else set()))
    for w in {*(w for pair in EXTRA_ANTONYMS for w in pair), *RISE_WORDS, *FALL_WORDS}}

# Words that order events against an anchor the sentence gives ("later charged", "sent earlier
# this month"): two sentences may say them of different events, so neither reverses the other;
# when they date one event, the dates say so.
SEQUENCE_WORDS = frozenset({"earlier", "later", "earliest", "latest", "previously",
                            "subsequently", "sooner", "afterwards", "beforehand"})


@lru_cache(maxsize=65536)
def _antonyms(word: str) -> frozenset[str]:
    if word.casefold() in SEQUENCE_WORDS:
        return frozenset()
    forms = set(lexicon.antonyms(word))
    mine = readings(word)
    for reading in mine:
        forms.update(_EXTRA_OPPOSITES.get(reading, ()))
    # nor is one the opposite of another word: "arrested early" / "later charged"
    return frozenset(forms - mine - SEQUENCE_WORDS)


@lru_cache(maxsize=65536)
def _prefixed_bases(word: str) -> tuple[str, ...]:
    """The words ``word`` negates by a prefix ("uncommon" -> common; "demotivate" -> motivate)."""
    low = word.casefold()
    known = bool(lexicon.lemmas(word))
    adjective = known and any(p in ("a", "s") for _l, p in lexicon.lemmas(word))
    out = []
    for prefix in NEGATING_PREFIXES:
        base = low[len(prefix):]
        if not low.startswith(prefix) or len(base) < PREFIX_BASE_MIN or not base[0].isalpha():
            continue
        if known and not (prefix in ALWAYS_NEGATING and adjective):
            continue
        out.append(base)
    return tuple(out)


@lru_cache(maxsize=65536)
def _negated_forms(word: str) -> tuple[str, ...]:
    """The prefixed words that negate ``word`` ("suspicious" -> non-suspicious, unsuspicious):
    the other direction of ``_prefixed_bases``, on the same terms (each form must negate its
    base by those rules: "unveil" is a word of its own, "unable" an opposite)."""
    low = word.casefold()
    if len(low) < PREFIX_BASE_MIN or not low.isalpha():
        return ()
    return tuple(form for form in (f"{p}{low}" for p in NEGATING_PREFIXES)
                 if low in _prefixed_bases(form))


def _comparative(word: str) -> bool:
    """"cheaper", "lower": a change measured against something, which agrees with an original
    that calls the thing "expensive" and wants it cut; only the plain form is a state."""
    low = word.casefold()
    return low.endswith("er") and any(
        p == "a" and lemma != low for lemma, p in lexicon.lemmas(word))


@lru_cache(maxsize=65536)
def graded(word: str) -> tuple[str, frozenset[str]] | None:
    """("er", lemmas) for a comparative adjective or adverb ("slower" -> slow), ("est", lemmas)
    for a superlative ("fastest", "worst"); None for any other word. Two comparatives of
    opposite words reverse a claim ("slower" / "faster") as the plain words do."""
    low = word.casefold()
    degree = ("est" if low.endswith("est") or low in _IRREGULAR_SUPERLATIVES
              else "er" if low.endswith("er") or low in _IRREGULAR_COMPARATIVES else None)
    if degree is None:
        return None
    bases = frozenset(lemma for lemma, p in lexicon.lemmas(word) if p in ("a", "r") and lemma != low)
    return (degree, bases) if bases else None


def _graded_spans(words: Sequence[tuple[int, int, str]]
                  ) -> dict[tuple[str, str], tuple[int, int]]:
    """(degree, lemma) -> span of the first comparative or superlative of each lemma."""
    out: dict[tuple[str, str], tuple[int, int]] = {}
    for s, e, w in words:
        grade = graded(w)
        if grade is not None:
            degree, lemmas = grade
            for lemma in lemmas:
                out.setdefault((degree, lemma), (s, e))
    return out


# (the regular forms end in -er and -est; these are the exception lists' others)
_IRREGULAR_COMPARATIVES = frozenset({"worse"})
_IRREGULAR_SUPERLATIVES = frozenset({"best", "worst"})


@lru_cache(maxsize=65536)
def opposites(word: str) -> tuple[str, ...]:
    """Words whose use in the original ``word`` would reverse: WordNet antonyms, the
    ``EXTRA_ANTONYMS``, what a negating prefix turned upside down (both ways: "uncommon" for
    "common" and "common" for "uncommon"), and a compound with one
    part turned ("short-term" / "long-term", "difficult-to-use" / "easy-to-use")."""
    found = [*sorted(_antonyms(word)), *_prefixed_bases(word), *_negated_forms(word),
             *_turned_compounds(word)]
    # (Synonyms of the antonyms, WordNet's "indirect" opposites, were tried: on the development
    # summaries they flagged as many consistent summaries as edited ones.)
    return tuple(dict.fromkeys(found))


def used_opposites(word: str, used: Callable[[str], object]) -> list[str]:
    """``[o for o in opposites(word) if used(o)]``, in that order: a prefixed form ("unsure")
    the original does not use is not looked up in WordNet at all (five lookups a word)."""
    low = word.casefold()
    negated = [] if len(low) < PREFIX_BASE_MIN or not low.isalpha() else [
        form for form in (f"{p}{low}" for p in NEGATING_PREFIXES)
        if used(form) and low in _prefixed_bases(form)]
    found = [*sorted(_antonyms(word)), *_prefixed_bases(word), *negated, *_turned_compounds(word)]
    return [o for o in dict.fromkeys(found) if used(o)]


# A compound's particle turned ("on-site" / "off-site", "up-market" / "down-market"; "upstream"
# is one word and not read): function words elsewhere, half of a compound here.
COMPOUND_PARTICLES = {"on": "off", "off": "on", "in": "out", "out": "in", "up": "down",
                      "down": "up", "over": "under", "under": "over"}


def _turned_compounds(word: str) -> list[str]:
    """A compound with one part turned into its opposite ("short-term" -> "long-term")."""
    parts = word.casefold().split("-")
    found: list[str] = []
    if len(parts) > 1:
        for k, part in enumerate(parts):
            if part in COMPOUND_PARTICLES:
                found.append("-".join((*parts[:k], COMPOUND_PARTICLES[part], *parts[k + 1:])))
                continue
            if part in STOP or len(part) < MIN_WORD:
                continue
            found += ["-".join((*parts[:k], o, *parts[k + 1:])) for o in sorted(_antonyms(part))
                      if "_" not in o]
    return found


# Function words with an opposite that reverses a claim ("prices went up" / "down", "the first
# time" / "the last", "often" / "seldom", "many" / "few"). Not "before"/"after": "A before B" is
# "B after A"; not "usually", whose WordNet opposite's synonyms ("remarkably") are no opposites.
# And "new" (against "old"), in lower case only: "New York", "New Delhi" are names.
POLAR_WORDS = ("up", "down", "first", "last", "more", "less", "fewer", "most", "least", "fewest",
               "above", "below", "within", "often", "always", "many", "few")
# "last week" dates a claim and "more than 500" hedges a figure: the dates' and the numbers'
# business, read there.
_POLAR_RE = re.compile(
    rf"(?i)(?<![\w-])(?<!\w['’])(?:{'|'.join(POLAR_WORDS)}|(?-i:new))(?![\w'’-])"
    r"(?!\s+(?:than|week|weekend|month|year|night|season|quarter|day|decade|century"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april"
    r"|may|june|july|august|september|october|november|december)\b)"
)


# "at least 40", "at the very most": a figure's hedge, the numbers' business; "not least" and
# "last but not least" are emphasis.
_HEDGED_BEFORE_RE = re.compile(r"(?i)(?:\bat(?:\s+the\s+very)?|\bnot)\s+$")


def _polar_words(text: str, offset: int) -> list[tuple[int, int, str]]:
    return [(s + offset, e + offset, w) for s, e, w in _polar_words_in(text)]


# The texts read for polar words, negations and what they negate: each sentence of the original
# is read again as evidence of every retelling sentence it supports, so each is read once.
SENTENCE_CACHE = 4096


# A verb and a particle that may make one phrasal verb of its own meaning ("end up", "give
# up", "set off"). Only "up" and "off": with "back", "out" or "over" the verb keeps its own
# ("won back her seat" is still a win against "lost her seat", "bought out" a purchase).
_PARTICLE_AFTER_RE = re.compile(r"(?i)(?<![\w'’-])([a-z]+)[^\S\n]+(up|off)(?![\w'’-])")


@lru_cache(maxsize=SENTENCE_CACHE)
def _phrasal_verbs_in(text: str) -> frozenset[int]:
    """Starts of the verbs of ``text`` that open a phrasal verb WordNet lists ("ended up",
    "carried out"): such a verb's own opposites are not the phrase's."""
    out = set()
    for m in _PARTICLE_AFTER_RE.finditer(text):
        verb, particle = m.group(1).casefold(), m.group(2).casefold()
        if any(pos == "v" for base in {verb, *lexicon.base_forms(verb)}
               for _l, pos in lexicon.lemmas(f"{base}_{particle}")):
            out.add(m.start(1))
    return frozenset(out)


@lru_cache(maxsize=SENTENCE_CACHE)
def _polar_words_in(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple([(m.start(), m.end(), m.group()) for m in _POLAR_RE.finditer(text)
                  if not _HEDGED_BEFORE_RE.search(text, max(0, m.start() - 16), m.start())])


def _negating(word: str) -> bool:
    """A verb that negates what follows ("failed", "refuses"): polarity's business, not content."""
    return any(lemma in NEGATING_VERBS for lemma in readings(word))


def negations(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, cue) of the negation cues of a text."""
    return [(s + offset, e + offset, cue) for s, e, cue in _negations_in(text)]


@lru_cache(maxsize=SENTENCE_CACHE)
def _negations_in(text: str) -> tuple[tuple[int, int, str], ...]:
    found = [(m.start(), m.end(), m.group()) for m in _NEG_RE.finditer(text)
             if not negates_nothing(text, m.group(), m.end())]
    # "never failed to vote", "did not refuse to pay": a cue before a negating verb cancels it
    cancelled = {k for k in range(len(found) - 1)
                 if _CANCELLING_GAP_RE.fullmatch(text, found[k][1], found[k + 1][0])
                 and _negating(found[k + 1][2].split()[0])}
    return tuple([c for k, c in enumerate(found) if k not in cancelled and k - 1 not in cancelled])


# What may stand between a cue and the negating verb it cancels ("never once failed to").
_CANCELLING_GAP_RE = re.compile(r"(?:[\s\u00a0]+(?:once|ever|even|be|been|have|has|had))*[\s\u00a0]+",
                                re.IGNORECASE)


# Words after a cue looked at to find what it negates ("did not even win" -> "win").
NEGATED_WINDOW = 4
# (A clause ends at a stop or a contrast, negation.CLAUSE_END_RE: what a cue governs, or what a
# claim says is left out, ends there.)


def _negated_stems(text: str, offset: int) -> list[tuple[int, int, str, list[str], list[str]]]:
    """(start, end, cue, [the negated word's form], the forms of the words it governs)."""
    return [(s + offset, e + offset, cue, first, window)
            for s, e, cue, first, window in _negated_stems_in(text)]


_BY_RE = re.compile(r"[\s\u00a0]+by\b", re.IGNORECASE)


@lru_cache(maxsize=SENTENCE_CACHE)
def _negated_stems_in(text: str) -> tuple[tuple[int, int, str, list[str], list[str]], ...]:
    out = []
    cues = negations(text)
    # A cue is never what another cue negates: "never never" does not negate the word "never".
    cue_starts = {start for start, _end, _cue in cues}
    for start, end, cue in cues:
        # what a cue governs ends with its clause ("did not win the first round but won the
        # final": "won" and "final" are the other clause's)
        rest = clause_after(text, end)
        if UNTIL_RE.search(rest):
            continue  # "not announced until Tuesday": it was, on Tuesday; nothing is denied
        if _BY_RE.match(rest) and cue.casefold().startswith("deni") and (
                subject := passive_subject(text, start)):
            # "The charges were denied by the company": the subject was denied, not the agent
            out.append((start, end, cue, sorted(forms(subject)), sorted(forms(subject))))
            continue
        after = [w for w in content_words(rest, end)
                 if w[0] not in cue_starts][:NEGATED_WINDOW]
        # The negated word is the first content word after the cue ("did not win the seat"
        # negates "win"), past an adverb of time or degree ("not currently insured"), as in
        # retold.facts.negation.
        first = next((w for _s, _e, w in after if w.casefold() not in SKIPPED_ADVERBS
                      and w.casefold() not in NEGATED_THROUGH), after[0][2]) if after else ""
        out.append((start, end, cue, sorted(forms(first)) if first else [],
                    [f for _s, _e, w in after for f in sorted(forms(w))]))
    return tuple(out)


def _negated_phrases(text: str, offset: int) -> set[str]:
    """The stems of the words a cue negates as one phrase: the first content word after it and
    those joined to it by spaces or hyphens alone ("no significant underlying health issues";
    "did not win the seat" negates "win" only), or by "or" ("hasn't been tried or convicted":
    neither happened)."""
    out: set[str] = set()
    for _start, end, _cue, first, _window in _negated_stems(text, offset):
        out.update(first)  # (a passive's subject stands before its cue: "charges were denied")
        last = None
        for s, e, w in content_words(text[end - offset : end - offset + 60], end):
            if last is not None and text[last - offset : s - offset].strip(" -") not in ("", "or"):
                break
            out |= forms(w)
            last = e
    return out


# An opposite stated outside the evidence reverses the retelling's word only in a sentence
# about the same thing: one more content word in common than the opposite itself; two for a
# sentence the retelling adds, aligned to none ("members voted to allow smoking" in private
# clubs and an added "Oslandia has already banned smoking in bars" share one word only).
OPPOSITE_SHARED_MIN = 1
UNALIGNED_SHARED_MIN = 2
# ... and only said of the same thing: a content word within this many of the two uses is
# shared ("pressing domestic issues" and "editor of foreign affairs" share none; "sales rose in
# March" and "sales fell" share "sales").
OPPOSITE_CONTEXT = 3


def _near(words: Sequence[tuple[int, int, str]], at: int) -> set[str]:
    """The stems of the OPPOSITE_CONTEXT content words either side of the one at ``at``, a name
    of several capitalised words counting as one ("save Lakeside Primary School time but not money":
    "save" is near "money")."""
    out: set[str] = set()
    for step in (-1, 1):
        k, units = at + step, 0
        while 0 <= k < len(words) and units < OPPOSITE_CONTEXT:
            out.add(stem(words[k][2]))
            nxt = k + step
            if not (0 <= nxt < len(words) and _one_name(words[min(k, nxt)], words[max(k, nxt)])):
                units += 1
            k = nxt
    return out


# Stems alike in this many letters are one word's derived forms ("predictability" /
# "predictions", "explanatory" / "explanation"), which the crude stems keep apart; fewer would
# join "department" and "departure".
KIN_PREFIX = 7


def _kin_stems(a: set[str], b: set[str]) -> bool:
    """Whether two sets of stems share one, or two stems of KIN_PREFIX letters begin alike."""
    return bool(a & b) or bool({x[:KIN_PREFIX] for x in a if len(x) >= KIN_PREFIX}
                               & {x[:KIN_PREFIX] for x in b if len(x) >= KIN_PREFIX})


def _one_name(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Two capitalised words with one space between: parts of one name."""
    return b[0] - a[1] == 1 and a[2][:1].isupper() and b[2][:1].isupper()


def _plain_uses(opp: str, sentences: Sequence[tuple[str, int]],
                r_stems: set[str], r_near: set[str], shared_min: int = OPPOSITE_SHARED_MIN
                ) -> Iterable[tuple[int, int, str]]:
    """(start, end, word) of the original's plain uses of ``opp``: the word itself or an
    inflection of it ("actually" is not "actual"), not negated ("not sure" agrees with
    "unsure"), in a sentence sharing a content word with the retelling's and with a content
    word of ``r_near`` (the retelling word's neighbours) near it."""
    for text, off in sentences:
        words = content_words(text, off)
        if len({stem(w) for _s, _e, w in words} & r_stems) < shared_min:
            continue
        negated = {t for n in _negated_stems(text, off) for t in n[4]}
        for k, (a, e, w) in enumerate(words):
            low = w.casefold()
            if stem(w) == stem(opp) and not forms(w) & negated and (
                    low == opp or opp in {lemma for lemma, _p in lexicon.lemmas(w)}) \
                    and _kin_stems(_near(words, k), r_near):
                yield a, e, w


_NOUN = frozenset({"n"})
_NOT_NOUN = frozenset({"v", "a", "r"})
# Cues that negate a noun ("no insurance", "without permits", "a lack of data").
_NOUN_CUES = frozenset({"no", "none", "without", "lack", "absence"})


def _of_another_thing(cue: str, hit: str, window: Sequence[str],
                      p_forms: Mapping[str, tuple[int, int]]) -> bool:
    """A noun denied with what it is of ("no reports of other casualties") where the evidence
    says none of that with it ("Reports said the building was old"): the denial is of another
    thing, and reverses nothing. A bare noun denied ("reported no profit") is read as it is."""
    if cue.split()[0].casefold() not in _NOUN_CUES:
        return False
    rest = [w for w in window if w != hit]
    return bool(rest) and not any(w in p_forms for w in rest)


def _stated_elsewhere(target: str, words: Sequence[tuple[int, int, str]], r_stems: set[str],
                      locate: Callable[[str], Sequence[tuple[str, int]]], *, nouns: bool = False,
                      shared_min: int = OPPOSITE_SHARED_MIN) -> tuple[int, int, str] | None:
    """(start, end, word) of the original's plain use of the retelling's negated word (stem
    ``target``) in a sentence about the same thing (``_plain_uses``, with one content word in
    common besides the word itself), not said to be lost ("the loss of manpower"), or None;
    None too when any sentence of the original negates it (which one is meant is then unclear),
    or a word of like meaning (it denies the same in other words)."""
    k = next((k for k, (_s, _e, w) in enumerate(words) if target in forms(w)), None)
    if k is None:
        return None
    word = words[k][2]
    sentences = locate(word)
    if any(target in n[4] for text, off in sentences for n in _negated_stems(text, off)):
        return None
    # nor where it negates another form of the word ("don't have insurance" / "not insured")
    for form in sorted(f for f in lexicon.derived(word) if lexicon.one_word(word, f)):
        if any(stem(form) in n[4] for text, off in locate(form)
               for n in _negated_stems(text, off)):
            return None
    # the word as written and its base forms: "not offering" meets "offers" through "offer";
    # then its synonyms, each negated nowhere ("does not provide a suite" / "offers a suite")
    near = _near(words, k)
    bases = [word.casefold(), *(lemma for lemma, _p in lexicon.lemmas(word))]
    # (read as the part of speech the cue negates: "can't force" is a verb's, not reversed by
    # "the opposite effect"; "no insurance" a noun's)
    parts = _NOUN if nouns else _NOT_NOUN
    synonyms = sorted(s for s in lexicon.synonyms_as(word, parts) - set(bases)
                      if "_" not in s and len(s) >= MIN_WORD and s not in STOP)
    if any(stem(base) in n[4] for base in synonyms for text, off in locate(base)
           if len({stem(w) for _s, _e, w in content_words(text, off)} & r_stems) > shared_min
           for n in _negated_stems(text, off)):
        # the original denies it in other words, of the same thing ("the pandemic hasn't
        # ended" / "the pandemic isn't finished")
        return None
    for base in dict.fromkeys([*bases, *synonyms]):
        if base in synonyms:
            sentences = locate(base)
        for use in _plain_uses(base, sentences, r_stems - {target}, near, shared_min):
            sentence = next((t, o) for t, o in sentences if o <= use[0] < o + len(t))
            if not _privated(sentence, (use[0], use[1])) and not judged_against(
                    sentence[0], use[0] - sentence[1]):
                return use
    return None


# The two words after a polar word ("least | important buttons"), which its opposite must have
# after it too for one to reverse the other outside the evidence.
_TWO_WORDS_AFTER_RE = re.compile(r"[^\S\n]+([A-Za-z][\w'’-]*)[^\S\n]+([A-Za-z][\w'’-]*)")


# "not the most important": the original denies its own polar word
_DENIED_BEFORE_RE = re.compile(r"(?i)(?:(?<![\w-])(?<!\w['’])(?:not|never|no)|n[’']t)\s+(?:[\w'’-]+\s+)?$")


def _polar_elsewhere(r_text: str, r_offset: int, flagged: set[tuple[int, int]],
                     locate: Callable[[str], Sequence[tuple[str, int]]]) -> list[Finding]:
    """Polar words reversed against a sentence outside the evidence: the opposite before the
    same two words, one of them a content word ("the least important buttons" / "the most
    important buttons"), where the original never puts the retelling's word there."""
    out: list[Finding] = []
    for s, e, w in _polar_words(r_text, r_offset):
        if (s, e) in flagged:
            continue
        after = _TWO_WORDS_AFTER_RE.match(r_text, e - r_offset)
        anchor = content_words(after.group(0)) if after else []
        if after is None or not anchor:
            continue
        tail = r"[^\S\n]+".join(re.escape(t) for t in after.groups()) + r"(?![\w'’-])"
        sentences = locate(anchor[0][2])
        if any(re.search(rf"(?i)(?<![\w-])(?<!\w['’]){re.escape(w)}[^\S\n]+{tail}", t)
               for t, _o in sentences):
            continue  # the original says it the retelling's way too
        hit = next(((o + m.start(), o + m.start() + len(opp), m.group(1))
                    for opp in sorted(_antonyms(w)) if "_" not in opp for t, o in sentences
                    for m in re.finditer(rf"(?i)(?<![\w-])(?<!\w['’])({re.escape(opp)})[^\S\n]+{tail}", t)
                    if not _HEDGED_BEFORE_RE.search(t, max(0, m.start() - 16), m.start())
                    and not _DENIED_BEFORE_RE.search(t, max(0, m.start() - 24), m.start())),
                   None)
        if hit is not None:
            out.append(Finding(
                "negation", "changed", (s, e), (hit[0], hit[1]),
                f"The retelling reverses the claim: it says '{w} {' '.join(after.groups())}' "
                f"where the original says '{hit[2]} {' '.join(after.groups())}'."))
    return out


_RANK_WORDS = frozenset({"first", "second", "third", "fourth", "last", "next", "final"})
_PERIOD_WORDS = frozenset({"quarter", "quarters", "half", "halves", "weekend", "season",
                           "decade", "century", "term", "semester"})
_WORD_RIGHT_RE = re.compile(r"[^\S\n]+([A-Za-z][\w'’-]*)")
_WORD_LEFT_RE = re.compile(r"([A-Za-z][\w'’-]*)[^\S\n]+$")
# Inflections an opposite may carry beside its word ("outputs", "decoding")
_INFLECTIONS = ("", "s", "es", "d", "ed", "ing")


def _opposite_beside(r_text: str, r_offset: int, words: Sequence[tuple[int, int, str]],
                     flagged: set[tuple[int, int]], skipped: set[tuple[int, int]],
                     locate: Callable[[str], Sequence[tuple[str, int]]]) -> list[Finding]:
    """Words reversed beside the same word, anywhere in the original: the opposite right
    before the retelling word's next word or right after its previous one ("net profit rose" /
    "net loss rose"), where the original never puts the retelling's word there (in any
    inflection). The original may use both words, of different things: the neighbour says
    which one is meant here. A word the evidence itself uses is skipped (``skipped``): the
    evidence says it, and the opposite elsewhere is another thing's ("Harrow's council approved
    the plan" / "Dunmore's council rejected a similar plan")."""
    out: list[Finding] = []
    r_stems = {stem(x) for _s, _e, x in words}
    r_names = _names_in(r_text)
    for s, e, w in words:
        if (s, e) in flagged or (s, e) in skipped or w[:1].isupper() and s != r_offset \
                or w.casefold() in _RANK_WORDS:
            continue  # (a rank, "the second quarter", is a figure or a date: those compare it)
        if not any("_" not in o and o.isalpha() for o in _antonyms(w)):
            continue  # nothing to turn (the check's first loop read these opposites already)
        mine = stem(w)
        sides: list[tuple[str, str, list[tuple[int, int, str, str, int]]]] = []
        for side in ("right", "left"):
            m = _WORD_RIGHT_RE.match(r_text, e - r_offset) if side == "right" else \
                _WORD_LEFT_RE.search(r_text[max(0, s - r_offset - 40):s - r_offset])
            near = m.group(1).casefold() if m else ""
            if not near or near in _SKIPPED | _PERIOD_WORDS or len(near) < MIN_WORD:
                continue  # ("the second quarter" / "the first quarter": the dates compare them)
            # (each sentence's words beside the neighbour, read once for both tests below)
            found = [(t, here) for t, o in locate(near) if (here := _beside(t, o, near, side))]
            # (the word in any inflection: "net losses" says "net loss")
            if any(b[2].startswith(mine) for _t, here in found for b in here):
                sides = []
                break  # the original says it the retelling's way (read first: most summaries
                # copy their phrases, and a word's opposites cost WordNet lookups)
            # (an opposite only in a sentence about the same thing: one more content word in
            # common than the phrase; "voted to allow smoking" in clubs is no "banned smoking"
            # in bars)
            beside = [b for t, here in found if _about_the_same(t, r_stems, near, w, r_names)
                      for b in here]
            if beside:
                sides.append((side, near, beside))
        hit = next(((side, near, found) for side, near, beside in sides
                    for found in [_turned_beside(w, beside)] if found), None)
        if hit is not None and _denied_opposite(w, hit[2][2], r_text, r_offset):
            hit = None  # "do not include volatile costs" / "exclude volatile costs": one claim
        if hit is not None:
            side, near, (start, end, opp) = hit
            phrase, theirs = (f"{w} {near}", f"{opp} {near}") if side == "right" else \
                (f"{near} {w}", f"{near} {opp}")
            out.append(Finding(
                "negation", "changed", (s, e), (start, end),
                f"The retelling reverses the claim: it says '{phrase}' where the original says "
                f"'{theirs}'."))
    return out


def _about_the_same(text: str, r_stems: set[str], near: str, word: str,
                    r_names: frozenset[str] = frozenset()) -> bool:
    """Whether an original sentence shares a content word with the retelling's besides the
    phrase a reversal is read in (``near`` and ``word``), and, where the retelling names
    someone or something (``r_names``, lower case), one of those names: "Ireland has already
    banned smoking" says nothing of the clubs "where members voted to allow smoking"."""
    shared = _sentence_stems(text) & r_stems
    if r_names and r_names.isdisjoint(_folded_words(text)):
        return False
    return bool(shared - {stem(near), stem(word)})


# (an original sentence is read again for each retelling word beside one of its words)
@lru_cache(maxsize=4096)
def _sentence_stems(text: str) -> frozenset[str]:
    """The stems of a text's content words."""
    return frozenset({stem(x) for _s, _e, x in _content_words(text)})


@lru_cache(maxsize=4096)
def _folded_words(text: str) -> frozenset[str]:
    """A text's words (``_LETTER_WORD_RE``), case-folded."""
    return frozenset(w.casefold() for w in _LETTER_WORD_RE.findall(text))


_LETTER_WORD_RE = re.compile(r"[A-Za-z][\w’'-]*")


def _names_in(text: str) -> frozenset[str]:
    """The capitalised words of a sentence after its first word (its names' words), lower-cased."""
    words = _LETTER_WORD_RE.findall(text)
    return frozenset(w.casefold() for w in words[1:] if w[0].isupper())


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, lower-cased word) of a text's words (an original sentence is read for each
    retelling word beside one of its words)."""
    return tuple((m.start(), m.end(), m.group().casefold()) for m in _TOKEN_RE.finditer(text))


@lru_cache(maxsize=4096)
def _token_places(text: str) -> dict[str, tuple[int, ...]]:
    """Each word of ``_tokens(text)`` -> its places there, in order (a sentence is searched for
    the neighbour of each retelling word it holds: a lookup, not a scan of its words)."""
    places: dict[str, list[int]] = {}
    for k, (_a, _b, tok) in enumerate(_tokens(text)):
        places.setdefault(tok, []).append(k)
    return {tok: tuple(ks) for tok, ks in places.items()}


def _beside(text: str, offset: int, near: str, side: str) -> list[tuple[int, int, str, str, int]]:
    """(start, end, word as written, text, offset) of each word right before ``near`` (``side``
    "right": the retelling word stands before its neighbour) or right after it, with only
    spaces between."""
    toks = _tokens(text)
    out = []
    for k in _token_places(text).get(near, ()):
        a, b, _tok = toks[k]
        j = k - 1 if side == "right" else k + 1
        if 0 <= j < len(toks):
            x, y, _w = toks[j]
            gap = text[y:a] if side == "right" else text[b:x]
            if gap and not gap.strip(" \t"):
                out.append((x, y, toks[j][2], text, offset))
    return out


def _denied_opposite(word: str, opp: str, r_text: str, r_offset: int) -> bool:
    """``word`` is negated in the retelling and its opposite is its complement ("does not
    include" is "excludes", "did not change" is "remained"): the claim said the other way."""
    negated = {f for n in _negated_stems(r_text, r_offset) for f in n[4]}
    return bool(forms(word) & negated) and any(
        negation_complementary(x, y) for x in (word, *_bases(word)) for y in (opp, *_bases(opp)))


def _turned_beside(word: str, beside: Sequence[tuple[int, int, str, str, int]]
                   ) -> tuple[int, int, str] | None:
    """(start, end, text) of an opposite of ``word`` among the words beside the neighbour, in
    any inflection, not negated ("without explicit calibration" says "implicit calibration"),
    in a sentence that does not say ``word`` too ("trains often run late, while buses rarely
    do": each of another thing), or None."""
    mine = stem(word)
    for opp in sorted(o for o in _antonyms(word) if "_" not in o and o.isalpha()):
        for x, y, tok, text, off in beside:
            if not (tok.startswith(opp) and tok[len(opp):] in _INFLECTIONS):
                continue
            if any(stem(w) == mine for _s, _e, w in content_words(text)):
                continue
            negated = {f for n in _negated_stems(text, off) for f in n[4]}
            if not forms(tok) & negated:
                return off + x, off + y, text[x:y]
    return None


# A word rated at least this far from neutral (VADER's -4 to +4) judges what it is said of:
# "great", "praised", "enemies"; "hard" (-0.4) or "hail" (0.3) do not.
VALENCE_MIN = 1.0
# Verbs that move what they act on one way, as lemmas: "boosts the performance" / "lowers the
# performance". Written by hand, as numbers.RISE_WORDS are (no resource records which way a
# verb moves its object); read only before or after the same word as their opposite, as a
# judgement is ("cut costs" says nothing against "boosted sales").
PUSHING_UP = frozenset({"boost", "raise", "lift", "increase", "enhance", "expand", "strengthen",
                        "heighten", "improve", "accelerate", "extend", "lengthen", "prolong",
                        "widen", "broaden", "intensify", "amplify"})
PUSHING_DOWN = frozenset({"reduce", "lower", "cut", "decrease", "diminish", "lessen", "weaken",
                          "curb", "hinder", "impair", "worsen", "shrink", "shorten", "curtail",
                          "trim", "slash"})


class _EvidenceNegations:
    """The forms the evidence negates, read on first need (most retelling words judge nothing)."""

    def __init__(self, evidence: list[tuple[str, int]], index: WordIndex) -> None:
        self._evidence, self._index = evidence, index
        self._forms: set[str] | None = None

    def any_of(self, forms: Iterable[str]) -> bool:
        """Whether the evidence negates any of ``forms``."""
        if self._forms is None:
            self._forms = {t for text, off in self._evidence
                           for n in self._index.negated_stems(text, off) for t in n[4]}
        return not self._forms.isdisjoint(forms)


@lru_cache(maxsize=65536)
def _pushes(word: str) -> float:
    """1 for a verb that makes what it acts on go up or get better ("boosts the performance"),
    -1 for one that makes it go down or worse ("lowers the performance"), else 0; a noun of
    such a verb too ("the reduction of costs")."""
    mine = readings(word)
    if not mine & _PUSHING and lexicon.form_key(word) in _PUSHING_KEYS:
        mine = mine | lexicon.derived(word)  # (read only for a word that could be one's noun)
    return 1.0 if mine & PUSHING_UP else -1.0 if mine & PUSHING_DOWN else 0.0


_PUSHING = PUSHING_UP | PUSHING_DOWN
# the first letters every form of a pushing verb shares (lexicon.form_key)
_PUSHING_KEYS = frozenset(lexicon.form_key(w) for w in _PUSHING)


def _containment(spans: Sequence[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether ``[s, e)`` lies inside one of ``spans`` (which may overlap), by
    bisection: every word of a long sentence against every name span was quadratic."""
    ordered = sorted(spans)
    starts = [a for a, _b in ordered]
    reach = list(itertools.accumulate((b for _a, b in ordered), max))

    def inside(s: int, e: int) -> bool:
        k = bisect_right(starts, s)
        return bool(k) and reach[k - 1] >= e

    return inside


def _judged_otherwise(r_text: str, r_offset: int, words: Sequence[tuple[int, int, str]], k: int,
                      evidence: Sequence[tuple[str, int]],
                      ev_lists: Sequence[Sequence[tuple[int, int, str]]], r_stems: set[str],
                      r_negated: set[str], ev_negated: _EvidenceNegations,
                      lean: Callable[[str], float] = valence.valence
                      ) -> tuple[int, int, str] | None:
    """(start, end, word) of an evidence word that leans the other way from the retelling's
    word ``words[k]`` (``lean``: VADER's rating, or ``_pushes``), said of the same thing: the
    content word after each, with no punctuation between, is the same word, or the one before
    each where different words follow ("the ferry was lovely" / "the ferry was dreadful",
    "residents welcomed the closure" / "condemned the closure"; not "Yes, it was", where the
    rated word is an answer). Both at least VALENCE_MIN from neutral, with opposite signs;
    both negated or neither ("not bad" agrees with "good"); None otherwise."""
    w = words[k][2]
    mine = lean(w)
    if abs(mine) < VALENCE_MIN:
        return None
    negated = bool(forms(w) & r_negated)
    before = _slot(r_text, r_offset, words, k, -1)
    after = _slot(r_text, r_offset, words, k, 1)
    if not before and not after:
        return None
    for (text, off), sentence in zip(evidence, ev_lists):
        for j, (s2, e2, w2) in enumerate(sentence):
            theirs = lean(w2)
            if theirs * mine >= 0 or abs(theirs) < VALENCE_MIN or stem(w2) in r_stems:
                continue
            if ev_negated.any_of(forms(w2)) != negated:
                continue
            theirs_after = _slot(text, off, sentence, j, 1)
            # the same thing after each, or before each where nothing else follows both
            # ("residents welcomed the decision" / "residents condemned the plan": two things)
            if (after & theirs_after or before & _slot(text, off, sentence, j, -1) and not (
                    after and theirs_after)) and not _kin(w, w2):
                return s2, e2, w2
    return None


# "Revenue remained unchanged" against "revenue increased": no change is the opposite of
# either way. A steady state said after a verb of being or staying, or in one verb ("profit
# stagnated"); written by hand, as RISE_WORDS are. "A flat fee", "a stable job" describe, and
# are not read.
_STEADY_RE = re.compile(
    r"(?i)\b(?:remain(?:s|ed|ing)?|stay(?:s|ed|ing)?|held|hold(?:s|ing)?|kept|keep(?:s|ing)?|"
    r"was|were|is|are|been|be)[^\S\n]+(?:(?:largely|broadly|essentially|virtually|relatively|"
    r"roughly|mostly|basically|about|more[^\S\n]+or[^\S\n]+less)[^\S\n]+)?"
    r"(?:unchanged|flat|stagnant|steady|stable|constant|unaltered|level|the[^\S\n]+same)\b"
    r"|\b(?:stagnat(?:ed|es|ing|e)|plateau(?:ed|s|ing)|flatlin(?:ed|es|ing|e))\b")


def _steady_spans(text: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of each steady state said in ``text`` (offsets shifted by ``offset``)."""
    return [(a + offset, b + offset) for a, b in _steady_in(text)]


# Every match of _STEADY_RE holds one of these, in any case: a text without any is not scanned
# (the pattern is tried at every character). Outside ASCII only these four letters match an
# ASCII letter under IGNORECASE, so a text with none of them is searched in lower case.
_STEADY_WORDS = ("unchanged", "flat", "stagna", "steady", "stable", "constant", "unaltered",
                 "level", "same", "plateau")
_ASCII_CASE_TWINS = frozenset("\u0130\u0131\u017f\u212a")


@lru_cache(maxsize=4096)
def _steady_in(text: str) -> tuple[tuple[int, int], ...]:
    # (an evidence sentence is read again for each retelling sentence it supports)
    if _ASCII_CASE_TWINS.isdisjoint(text):
        low = text.lower()
        if not any(w in low for w in _STEADY_WORDS):
            return ()
    return tuple((m.start(), m.end()) for m in _STEADY_RE.finditer(text))


def _steady_negated(said: str, negated: Callable[[str], bool]) -> bool:
    """Whether a steady state is denied ("did not remain unchanged"): a form of its first or
    last word is negated."""
    parts = said.split()
    return any(negated(f) for w in (parts[0], parts[-1]) for f in forms(w))


def _subject_before(text: str, offset: int, words: Sequence[tuple[int, int, str]], at: int
                    ) -> frozenset[str]:
    """The base forms of the content word right before offset ``at``, with no punctuation
    between ("revenue | remained flat"), or none."""
    k = bisect_left([s for s, _e, _w in words], at) - 1
    if k > 0 and words[k][2].casefold() in _EXPECTING \
            and not _PUNCTUATION_RE.search(text, words[k][1] - offset, at - offset):
        k -= 1  # "revenue is expected to | stay flat": said of the revenue
    if k < 0 or _PUNCTUATION_RE.search(text, words[k][1] - offset, at - offset):
        return frozenset()
    return _bases(words[k][2])


# Words that put a claim in prospect between a thing and what is said of it ("revenue is
# expected to rise"): the thing is the word before them.
_EXPECTING = frozenset({"expected", "forecast", "projected", "anticipated", "predicted",
                        "likely", "set", "seen", "poised", "due", "estimated"})


def _changed_of(text: str, offset: int, words: Sequence[tuple[int, int, str]]
                ) -> list[tuple[int, int, str, frozenset[str]]]:
    """(start, end, word, what changed) of each change word of ``text`` (RISE_WORDS,
    FALL_WORDS, and verbs that move a thing one way: "earnings per share | improved to"): what
    changed is the content word before it ("revenue | increased") or, for a noun of change,
    after it ("an increase in | revenue")."""
    out = []
    for k, (s, e, w) in enumerate(words):
        if _direction(w) is None and not _pushes(w):
            continue
        thing = _subject_before(text, offset, words, s) or _slot(text, offset, words, k, 1)
        if thing:
            out.append((s, e, w, thing))
    # "up" / "down" after a verb of being ("margin was up", "to be down"): no content word
    for m in _BE_MOVED_RE.finditer(text):
        thing = _subject_before(text, offset, words, m.start() + offset)
        if thing:
            out.append((m.start(1) + offset, m.end(1) + offset, m.group(1), thing))
    return out


# A verb of being before "up", "down", "higher", "lower": the thing it is said of moved that
# way ("margin was up 2%", "expects revenue to be lower"), as numbers.py reads such adverbs.
_BE_MOVED_RE = re.compile(
    r"(?i)\b(?:is|are|was|were|be|been|being)[^\S\n]+(up|down|higher|lower)\b"
    # only where a figure, a degree, the period compared or the clause's end follows: "is up
    # for review", "up and running", "up against", "up in arms" say no change
    r"(?=[^\S\n]*(?:[,.;:!?)\u2014]|$|[$£€¥]?\d|(?:sharply|slightly|significantly|modestly|"
    r"strongly|markedly|considerably|substantially|again|from|compared|versus|year[-\s]+(?:over|"
    r"on)[-\s]+year|quarter[-\s]+(?:over|on)[-\s]+quarter|on[^\S\n]+the[^\S\n]+(?:year|quarter|"
    r"month|week|day))\b))")


def _steadied(r_text: str, r_offset: int, words: Sequence[tuple[int, int, str]],
              evidence: Sequence[tuple[str, int]], ev_lists: Sequence[Sequence[tuple[int, int, str]]],
              ev_stems: Mapping[str, object], r_negated: set[str], ev_negated: _EvidenceNegations
              ) -> list[Finding]:
    """A thing the retelling says stayed the same where the evidence says it changed, or the
    other way round, said of the same content word ("revenue remained unchanged" / "revenue
    increased 4%"). Neither side negated; the side the finding reads not also saying the
    retelling's state of that thing."""
    out: list[Finding] = []
    # (most sentences say no steady state on either side: the change words, read word by
    # word, are read only against one)
    r_steady = [(a, b, _subject_before(r_text, r_offset, words, a))
                for a, b in _steady_spans(r_text, r_offset)
                if not _steady_negated(r_text[a - r_offset:b - r_offset], r_negated.__contains__)]
    r_steady = [t for t in r_steady if t[2]]
    ev_steady: list[tuple[int, int, frozenset[str], str]] = []
    for (text, off), sentence in zip(evidence, ev_lists):
        for a, b in _steady_spans(text, off):
            said = text[a - off:b - off]
            if not _steady_negated(said, lambda f: ev_negated.any_of((f,))):
                ev_steady.append((a, b, _subject_before(text, off, sentence, a), said))
    if not r_steady and not ev_steady:
        return out
    r_changed = [c for c in _changed_of(r_text, r_offset, words)
                 if stem(c[2]) not in ev_stems and not forms(c[2]) & r_negated] \
        if ev_steady else []
    ev_changed = [c for (text, off), sentence in zip(evidence, ev_lists)
                  for c in _changed_of(text, off, sentence)
                  if not ev_negated.any_of(forms(c[2]))] if r_steady or r_changed else []
    # (start, end, what it is said of, as written, steady) of each side's claims
    r_claims = [(a, b, thing, r_text[a - r_offset:b - r_offset], True) for a, b, thing in r_steady]
    r_claims += [(a, b, thing, w, False) for a, b, w, thing in r_changed]
    ev_claims = [(a, b, thing, said, True) for a, b, thing, said in ev_steady]
    ev_claims += [(a, b, thing, w, False) for a, b, w, thing in ev_changed]
    for a, b, thing, said, steady in r_claims:
        if any(c[2] & thing for c in ev_claims if c[4] == steady):
            continue  # the evidence says this of it too (another clause says the other)
        hit = next((c for c in ev_claims if c[4] != steady and c[2] & thing), None)
        if hit is not None:
            out.append(Finding(
                "negation", "changed", (a, b), (hit[0], hit[1]),
                f"The retelling says it did not change ('{said}') where the original says it "
                f"did ('{hit[3]}')." if steady else
                f"The retelling says it changed ('{said}') where the original says it did not "
                f"('{hit[3]}')."))
    return out


def _kin(word: str, other: str) -> bool:
    """One word is a synonym, derived form or broader term of the other in some sense: rated
    apart in another sense (a coach who "stressed" the defence "highlighted" it; VADER rates
    the strain)."""
    return any(f in readings(word) for f in lexicon.neighbours(other)) or any(
        f in readings(other) for f in lexicon.neighbours(word))


_PUNCTUATION_RE = re.compile(r"[,.;:!?()\[\]\"“”]")


def _slot(text: str, offset: int, words: Sequence[tuple[int, int, str]], k: int, step: int
          ) -> frozenset[str]:
    """The base forms of the content word next to ``words[k]`` on the ``step`` side, or none
    where punctuation stands between them or there is no such word."""
    j = k + step
    if not 0 <= j < len(words):
        return frozenset()
    a, b = (words[j][1], words[k][0]) if step < 0 else (words[k][1], words[j][0])
    if _PUNCTUATION_RE.search(text, a - offset, b - offset):
        return frozenset()
    return _bases(words[j][2])


def _in_own_condition(text: str, at: int) -> bool:
    """Whether the word at ``at`` is in a condition's own clause ("if the team doesn't act"), not
    in the clause it governs, which a second subject opens ("if he wins he won't raise taxes",
    "if prices rise we will not buy")."""
    if not in_condition(text, at):
        return False
    clause = clause_before(text, at)
    cue = list(_CONDITION_CUE_RE.finditer(clause))
    between = _WORD_RE.findall(clause[cue[-1].end():]) if cue else []
    return not any(w.casefold() in _SUBJECT_PRONOUNS for w in between[1:])


_CONDITION_CUE_RE = re.compile(r"(?i)\b(?:if|unless|whether|in\s+case)\b")
_SUBJECT_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they", "it"})


def _first_forms(words: Sequence[tuple[int, int, str]]) -> dict[str, tuple[int, int]]:
    """Each form (``forms``) of ``words`` -> the span of the first of them in that form."""
    found: dict[str, tuple[int, int]] = {}
    for s, e, w in words:
        for f in forms(w):
            found.setdefault(f, (s, e))
    return found


def _same_phrase(rest: set[str], following: Sequence[tuple[int, int, str]],
                 evidence: Mapping[str, object]) -> bool:
    """Whether the words after a retelling word repeat the phrase the original negates after it
    (``rest``: the forms of the cue's other words). "not using the old remote" / "using cheaper
    parts", "... using a cheaper remote": the same verb, said of another thing, as the first
    shared word comes after a word the evidence (its forms) never uses. Only a negated phrase
    the retelling repeats is reversed."""
    if not rest:
        return True
    for _s, _e, w in following:
        if forms(w) & rest:
            return True
        if not any(f in evidence for f in forms(w)):
            return False
    return False


def check(
    r_text: str,
    r_offset: int,
    evidence: list[tuple[str, int]],
    index: WordIndex,
    *,
    polarity: bool = True,
    names: Iterable[tuple[int, int]] = (),
    proper: Iterable[tuple[int, int]] = (),
    locate: Callable[[str], Sequence[tuple[str, int]]] | None = None,
    aligned: bool = True,
) -> list[Finding]:
    """Meaning changes of one retelling sentence against its evidence sentences.

    Args:
        r_text: the retelling sentence; r_offset its start in the retelling's text.
        evidence: (text, start offset) of each evidence sentence of the original.
        index: the original's word index (for words used anywhere in it).
        polarity: also compare negation (off where ``diff`` already pairs the negations).
        names: spans of the retelling sentence's names (grounded as names, not words).
        proper: spans of its names alone (not the figures' hedges ``names`` holds too): their
            words reverse nothing ("King County" / "Queen Street").
        locate: (text, start offset) of the original sentences that use a word (by stem),
            to read opposites outside the evidence; without it they are not read.
        aligned: the sentence has a partner in the alignment (one added to the original's
            story needs more in common with a sentence to be read against it).
    """
    findings: list[Finding] = []
    name_spans, proper_spans = list(names), list(proper)
    shared_min = OPPOSITE_SHARED_MIN if aligned else UNALIGNED_SHARED_MIN
    words = index.content_words(r_text, r_offset)
    # each evidence sentence's content words (the judgement check reads them by sentence)
    ev_lists = [index.content_words(text, off) for text, off in evidence]
    ev_words = [word for sentence in ev_lists for word in sentence]
    ev_stems: dict[str, tuple[int, int]] = {}
    for s, e, w in ev_words:
        ev_stems.setdefault(stem(w), (s, e))
    r_stems = {stem(w) for _s, _e, w in words}

    # Polarity is read against the closest evidence sentence only: a sentence further down may
    # negate something else about the same words. An opposite word is read against all the
    # evidence: a summary sentence draws on several.
    lo, hi = (evidence[0][1], evidence[0][1] + len(evidence[0][0])) if evidence else (0, 0)
    primary = [(s, e, w) for s, e, w in ev_words if lo <= s < hi]
    if evidence:
        ev_lemmas: dict[str, tuple[int, int]] = {}
        # (degree, lemma) -> span of the evidence's comparatives and superlatives, on first need
        ev_graded: dict[tuple[str, str], tuple[int, int]] | None = None
        r_lemmas: set[str] = set()
        # the forms the evidence negates, read on first need
        ev_negated_all = _EvidenceNegations(evidence, index)
        # the retelling's negations, read once for both checks below
        r_neg = _negated_stems(r_text, r_offset)
        r_negated_all = set().union(*(n[4] for n in r_neg)) if r_neg else set()
        ev_ways: set[str | None] | None = None  # the ways of change the evidence says, on first need
        read = False  # the two above are read at the first word that has an opposite
        # Polar function words ("up"/"down", "first"/"last") carry no content of their own
        # but reverse a claim: read here, against the evidence's own, and nowhere else.
        r_polar = _polar_words(r_text, r_offset)
        ev_polar = [w for text, off in evidence for w in _polar_words(text, off)]
        ev_words_all = ev_words + ev_polar
        for s2, e2, w2 in ev_polar:
            ev_stems.setdefault(stem(w2), (s2, e2))
        r_at = {(s, e): k for k, (s, e, _w) in enumerate(words)}
        # (a word of a name names, and reverses nothing: "King County" / "Queen Street")
        for s, e, w in sorted(words + r_polar):
            if stem(w) in ev_stems or any(a <= s and e <= b for a, b in proper_spans):
                continue
            if _LOST_AFTER_RE.match(r_text, e - r_offset):
                continue  # "employment loss" says what "unemployment" says: no reversal
            antonyms = sorted(_antonyms(w))
            way = _direction(w)
            if way is not None:
                if ev_ways is None:
                    ev_ways = {_said_way(w2) for _s2, _e2, w2 in ev_words_all}
                if way in ev_ways:
                    # the evidence says a change this way too ("drop by 4 degrees" / "fall by 4
                    # degrees" beside "climbed to 42C"; "tickets fell 22% ... billing tickets
                    # increased 15%"): the other way is said of another thing
                    antonyms = [o for o in antonyms if o not in _OTHER_WAY[way]]
            this_way: bool | None = None  # read on the first opposite found, below
            # (read once a word, not once an opposite: a superlative or a compound's head
            # reverses only before the same word)
            after = _word_after(r_text, e - r_offset) if antonyms else ""
            same_word_only = bool(antonyms) and (
                w.casefold() in SUPERLATIVES or _compound_head(w, after))
            if antonyms and not read:
                read = True
                # The evidence's and the retelling's words by stem and irregular base form (a
                # lookup in WordNet's exception lists); full lemmatising is kept for the few
                # retelling words the evidence does not use.
                # (a verb that opens a phrasal verb says the phrase's meaning, not its own:
                # "end up having" is no opposite of "begins")
                phrasal = {off + p for text, off in evidence for p in _phrasal_verbs_in(text)}
                for s2, e2, w2 in ev_words_all:
                    if s2 in phrasal:
                        continue
                    for form in _bases(w2):
                        ev_lemmas.setdefault(form, (s2, e2))
                r_lemmas = set().union(*(_bases(w2) for _s, _e, w2 in words + r_polar))
            grade = graded(w) if antonyms else None
            for opp in antonyms:
                opp_forms = {opp, stem(opp)}
                # An opposite the evidence negates agrees with the word ("not sure" / "unsure"),
                # and so does a word the retelling negates against the opposite the evidence
                # states ("pleaded innocent" / "pleaded not guilty"); negated on both sides, the
                # two reverse ("without explicit supervision" / "without implicit supervision").
                r_denied = bool(forms(w) & r_negated_all)
                if ev_negated_all.any_of(forms(opp)) and not r_denied:
                    continue
                if r_denied and not ev_negated_all.any_of(forms(opp)) and any(
                        negation_complementary(x, opp) for x in (w, *_bases(w))):
                    continue  # (a gradable pair reverses: "did not rise" / "fell")
                # In a fixed order (the word, then its stem): a set's order would vary between runs.
                hit_at = next((ev_lemmas[f] for f in (opp, stem(opp)) if f in ev_lemmas), None)
                if hit_at is not None and not _one_lemma(_slice(evidence, hit_at), opp):
                    hit_at = None  # "nearly" is no form of "near", "hardly" none of "hard"
                if hit_at is None and grade is not None:
                    # a comparative against the opposite's comparative ("slower" / "faster")
                    if ev_graded is None:
                        ev_graded = _graded_spans(ev_words_all)
                    hit_at = ev_graded.get((grade[0], opp))
                if hit_at is not None and same_word_only:
                    # "the least expensive" is "the most affordable"; "a hard drive" says
                    # nothing of anything easy, "low tide" reverses "high tide"
                    hit_at = _before_same_word(evidence, opp, after)
                if hit_at is not None and not (opp_forms & r_lemmas and _says_too(
                        opp, words + r_polar)) and not (
                        (w.casefold() in PARTICLES or _phrasal_particle(
                            w, _word_before(r_text, s - r_offset)))
                        and not _bases(_word_before(r_text, s - r_offset)) & _bases(
                            _word_before(*_within(evidence, hit_at)))):
                    ev_lemmas[opp] = hit_at
                    o_at = ev_lemmas[opp]
                    if _a_name_s_word(*_within(evidence, o_at)):
                        continue  # "Victor Lund headed the equaliser": a name, no victory
                    if _other_side(w, opp, r_text, s - r_offset, *_within(evidence, o_at)):
                        continue  # told from the other side; another opposite may reverse it
                    if _other_heads(w, after, opp, _word_after(*_end_within(evidence, o_at))):
                        continue  # "a large study" / "smaller people": said of two things
                    if way is not None and locate is not None and _direction(opp) not in (
                            None, way):
                        # What the evidence, or failing it the whole original, says of the
                        # thing next to the word: said this way only ("decreasing leakage" /
                        # "leakage should shrink"), the opposite found is said of another thing
                        if this_way is None:
                            r_k = r_at.get((s, e), -1)
                            this_way = r_k >= 0 and _said_only_this_way(
                                _beside_words(r_text, r_offset, words, r_k), way, evidence,
                                locate)
                        if this_way:
                            continue
                    if _of_an_earlier_period(r_text, s - r_offset) and \
                            not _in_a_comparison(*_within(evidence, o_at)):
                        continue  # the retelling's word is its base period's, not the claim's
                    findings.append(Finding(
                        "negation", "changed", (s, e), o_at,
                        f"The retelling reverses the claim: it says '{w}' where the original "
                        f"says the opposite ('{_slice(evidence, o_at)}')."))
                    break
            else:
                # (only a rated word the original never uses: one it uses is said of
                # something it says)
                k = r_at.get((s, e), -1)
                # (asked first: whether the original uses the word is known already, for the
                # sentence's share, while its ratings would be read anew)
                leans = [lean for lean in (valence.valence, _pushes)
                         if abs(lean(w)) >= VALENCE_MIN] if k >= 0 and not index.uses(w) else []
                for lean in leans:
                    judged = _judged_otherwise(r_text, r_offset, words, k, evidence, ev_lists,
                                               r_stems, r_negated_all, ev_negated_all, lean)
                    if judged is not None and not _other_side(
                            w, judged[2], r_text, s - r_offset, *_within(evidence, judged[:2])):
                        findings.append(Finding(
                            "negation", "changed", (s, e), (judged[0], judged[1]),
                            f"The retelling {'judges' if lean is valence.valence else 'moves'} "
                            f"it the other way: it says '{w}' where the original says "
                            f"'{judged[2]}' of the same thing."))
                        break

    # An opposite anywhere in the original: a word the original never uses (nor a synonym or
    # derived form of it) whose opposite it does use ("uncommon" where it says "common", "fell"
    # where it says "rose" outside the evidence). A word the original uses is left to the
    # evidence check above: both may be said of different things.
    flagged_words = {f.retelling for f in findings}
    r_negated: set[str] | None = None  # the words the retelling negates, on first need
    # the words inside a name's span (read by both loops below)
    inside_a_name = _containment(name_spans)
    in_names = {(s, e) for s, e, _w in words if inside_a_name(s, e)}
    for k, (s, e, w) in enumerate(words):
        if (s, e) in flagged_words or stem(w) in ev_stems or w[:1].isupper() and s != r_offset:
            continue
        if (s, e) in in_names or _negating(w) or _comparative(w) \
                or _LOST_AFTER_RE.match(r_text, e - r_offset) \
                or _phrasal_particle(w, _word_before(r_text, s - r_offset)):
            continue
        # The original's use of the word first: it is asked of every word below anyway (and
        # memoised), while a word's opposites cost several WordNet lookups of prefixed forms.
        if index.uses(w):
            continue
        candidates = [o for o in used_opposites(w, index.where) if stem(o) not in r_stems]
        if not candidates:
            continue
        if r_negated is None:
            r_negated = set().union(*(n[4] for n in _negated_stems(r_text, r_offset)))
        if forms(w) & r_negated and any(negation_complementary(x, o) for x in (w, *_bases(w))
                                        for o in candidates):
            continue  # "not guilty" where the original says "innocent": the same claim
        r_near = _near(words, k)
        after = _word_after(r_text, e - r_offset)
        if locate is None:
            use = None
        elif _compound_head(w, after):
            # a compound's head reverses only the opposite compound ("low tide" / "high tide")
            use = next(((*at, o) for o in candidates
                        if (at := _before_same_word(locate(o), o, after)) is not None), None)
        else:
            use = next((hit for o in candidates for located in (locate(o),)
                        for hit in _plain_uses(o, located, r_stems, r_near, shared_min)
                        if not _both_ways(w, o, *_within(located, (hit[0], hit[1])))), None)
        if use is None or locate is not None and _other_side(
                w, use[2], r_text, s - r_offset, *_within(locate(use[2]), (use[0], use[1]))):
            continue
        way = _direction(w)
        if way is not None and locate is not None and _direction(use[2]) not in (None, way) \
                and _said_only_this_way(_beside_words(r_text, r_offset, words, k), way,
                                        evidence, locate):
            continue  # ("decreasing leakage" / "leakage should shrink": another thing's rise)
        if _of_an_earlier_period(r_text, s - r_offset) and not (
                locate is not None
                and _in_a_comparison(*_within(locate(use[2]), (use[0], use[1])))):
            # "compared with a loss of $17 million a year earlier": a base, no claim (the base
            # the original gives, reversed, is a claim changed)
            continue
        findings.append(Finding(
            "negation", "changed", (s, e), (use[0], use[1]),
            f"The retelling reverses the claim: it says '{w}' where the original says the "
            f"opposite ('{use[2]}') and never '{w}'."))

    if evidence:
        taken = [f.retelling for f in findings]
        findings += [f for f in _steadied(r_text, r_offset, words, evidence, ev_lists, ev_stems,
                                          r_negated_all, ev_negated_all)
                     if not any(a < f.retelling[1] and f.retelling[0] < b for a, b in taken)]
    if locate is not None:
        findings += _polar_elsewhere(r_text, r_offset, {f.retelling for f in findings}, locate)
        findings += _opposite_beside(r_text, r_offset, words, {f.retelling for f in findings},
                                     in_names | {(s, e) for s, e, w in words if stem(w) in ev_stems},
                                     locate)

    if evidence and polarity:
        ev_neg = index.negated_stems(*evidence[0])
        # the forms of the closest evidence's words, read only where either side negates
        # something (most sentences negate nothing, and then none is looked up)
        p_forms = _first_forms(primary) if r_neg or ev_neg else {}
        # (the whole phrase a cue heads: "no significant underlying health issues" negates
        # "underlying" as much as "significant")
        ev_negated = _negated_phrases(*evidence[0]) if ev_neg else set()
        # Every word a retelling cue governs, not only the first ("should not remain silent"
        # negates "silent" as the original's "don't be silent" does).
        posed = conditional(evidence[0][0])
        # (a name is no claim to negate: "That's not what Varo is about" denies no "Varo";
        # the name kind compares names)
        named = {f for s, e, w in words if (s, e) in in_names for f in forms(w)}
        for start, end, cue, targets, window in r_neg:
            targets = [t for t in targets if t not in named]
            if not posed and in_condition(r_text, start - r_offset):
                continue  # "call Omar if it is not fixed": a case to act on, not a denial
            # Negated here, stated plainly in the evidence: the retelling reverses it.
            hit = next((t for t in targets if t in p_forms and t not in ev_negated
                        and not _privated(evidence[0], p_forms[t])
                        and not judged_against(evidence[0][0], p_forms[t][0] - evidence[0][1])
                        and not _attributive(evidence[0], p_forms[t])),
                       None)
            if hit is not None and denial_cue(cue) and any(
                    e <= start and hit in forms(w) for _s, e, w in words) and sum(
                    hit in forms(w) for _s, _e, w in words) > sum(
                    hit in forms(w) for _s, _e, w in primary):
                # "stop a plot ..., but Brenn has denied any plot": the retelling keeps the
                # claim, as the original states it, and adds someone's denial of it, naming the
                # word once more than the evidence does ("confessed to the plot" / "denied the
                # plot" is a reversal; so is a plain "no" or "not", the retelling's own word)
                findings.append(Finding(
                    "negation", "added", (start, end), p_forms[hit],
                    f"The retelling adds a denial ('{cue}') of what it states as the original "
                    f"does ('{_slice(evidence, p_forms[hit])}'): a claim added, not reversed."))
            elif hit is not None and not _of_another_thing(cue, hit, window, p_forms):
                findings.append(Finding(
                    "negation", "changed", (start, end), p_forms[hit],
                    f"The retelling negates ('{cue}') what the original states plainly "
                    f"('{_slice(evidence, p_forms[hit])}')."))
            elif locate is not None and targets and targets[0] not in ev_negated:
                # Stated plainly elsewhere, and negated nowhere: read as an opposite outside
                # the evidence is, in a sentence about the same thing.
                use = _stated_elsewhere(targets[0], words, r_stems, locate, shared_min=shared_min,
                                        nouns=cue.split()[0].casefold() in _NOUN_CUES)
                if use is not None:
                    findings.append(Finding(
                        "negation", "changed", (start, end), (use[0], use[1]),
                        f"The retelling negates ('{cue}') what the original states plainly "
                        f"('{use[2]}') and never negates."))
        # (the retelling's word forms, read only where the evidence negates something)
        r_forms: dict[str, int] = {}
        for k, (_s, _e, w) in enumerate(words if ev_neg else ()):
            for f in forms(w):
                r_forms.setdefault(f, k)
        for start, end, cue, targets, window in ev_neg:
            hit = next((t for t in targets if t in r_forms and t not in r_negated_all), None)
            if hit is None:
                continue
            k = r_forms[hit]
            if not _same_phrase(set(window) - set(targets), words[k + 1 : k + 1 + NEGATED_WINDOW],
                                p_forms):
                continue
            if judged_against(r_text, words[k][0] - r_offset):
                continue  # "shouldn't raise taxes" / "a mistake to raise taxes": one claim
            if _unasserted(r_text, words[k][0] - r_offset):
                # "the importance of having a staffing plan", "whether a guest wants to
                # stay": the retelling asks or weighs it, and states it neither way.
                continue
            if _FORBIDDING_BEFORE_RE.search(r_text, max(0, words[k][0] - r_offset - 40),
                                            words[k][0] - r_offset):
                continue  # "no swimming" / "the prohibition of swimming": one denial

            if _in_own_condition(evidence[0][0], start - evidence[0][1]) \
                    and not in_condition(r_text, words[k][0] - r_offset):
                # "if we don't act now, ..." puts a case, and denies nothing: "we act" does
                # not reverse it ("if we act now" would)
                continue
            if sum(1 for _s, _e, w in primary if hit in forms(w)) > 1:
                # "no fairness, where is the fairness ...": the original says it both ways
                continue
            light = _LIGHT_VERB_AFTER_RE.match(evidence[0][0], end - evidence[0][1])
            if light is not None and not _LIGHT_VERB_BEFORE_RE.search(
                    r_text, max(0, words[k][0] - r_offset - 40), words[k][0] - r_offset):
                # "the club does not have a ground yet" denies having one; "a ground is
                # essential" says nothing of having one
                continue
            findings.append(Finding(
                "negation", "changed", (words[k][0], words[k][1]), (start, end),
                f"The original negates this ('{cue}'); the retelling states it plainly."))

    flagged = {f.retelling for f in findings}
    # a wire dateline opening the sentence ("KIGALI, Sept 27 (Reuters) -", "Chandigarh:") says
    # where the copy was filed, no claim
    filed = DATELINE_RE.match(r_text) or _PLACE_COLON_RE.match(r_text)
    filed_end = r_offset + filed.end() if filed is not None else r_offset
    for s, e, w in words:
        if (s, e) in flagged or w[:1].isupper() and s != r_offset or s < filed_end:
            continue
        if (s, e) in in_names:
            continue  # capitalised words mid-sentence are names: the name check grounds them
        if s == r_offset and w.casefold() in CONNECTIVES and _CONNECTIVE_AFTER_RE.match(
                r_text, e - r_offset):
            continue  # "Furthermore, ...", "Meanwhile, ...": a link between sentences, no claim
        # The original's own words first (a dict lookup, memoised): only a word it does not use
        # costs a WordNet lemma lookup to see whether it is a negating verb.
        if not index.uses(w) and not _negating(w):
            findings.append(Finding(
                "meaning", "added", (s, e), None,
                f"The original never uses '{w}' or a word of like meaning."))
    return findings


# A place and a colon opening a sentence, as some outlets write their dateline ("Chandigarh: ...")
_PLACE_COLON_RE = re.compile(r"[A-Z][a-z]+(?:[^\S\n][A-Z][a-z]+){0,2}[^\S\n]*:[^\S\n]+(?=[A-Z])")


# Adverbs that, opening a sentence before a comma, link it to the one before and claim
# nothing ("Illegally, ..." or "Secretly, ..." claim something: not these).
CONNECTIVES = frozenset((
    "furthermore", "moreover", "meanwhile", "additionally", "however", "nevertheless",
    "nonetheless", "besides", "also", "still", "yet", "instead", "likewise", "similarly",
    "consequently", "therefore", "thus", "hence", "otherwise", "indeed", "notably", "separately",
    "elsewhere", "overall", "finally", "firstly", "secondly", "lastly", "meantime",
    "subsequently", "accordingly", "alternatively", "conversely", "regardless", "anyway",
    "afterwards", "later", "earlier", "previously"))
_CONNECTIVE_AFTER_RE = re.compile(r"[^\S\n]*,")


def swapped(r_text: str, r_offset: int, evidence: tuple[str, int], index: WordIndex
            ) -> list[Finding]:
    """Words put in another's place in a sentence that otherwise keeps its evidence's words
    ("sales rose 5%" / "profits rose 5%", "a sawmill northeast of Kell" / "northwest of Kell"):
    one content word for one, the words either side the same, the two words kinds of one thing
    (``lexicon.co_hyponyms``), the new one a word the original never uses (nor a synonym,
    derived or broader form of it) and the old one gone from the sentence. A single such word is no "word the original never uses"
    finding (one odd word is not listed), but in the place of another it is a changed claim.
    Hand-written: an alignment of two word lists (difflib) no lexical library does."""
    ev_text, ev_offset = evidence
    mine = index.content_words(r_text, r_offset)
    theirs = index.content_words(ev_text, ev_offset)
    if len(mine) < SWAP_CONTEXT_MIN + 1 or len(theirs) < SWAP_CONTEXT_MIN + 1:
        return []
    if all(index.uses(w) for _s, _e, w in mine):
        # every swapped-in word must be one the original never uses: with none, no alignment
        # can find one (and the answers are known already, asked for the sentence's share)
        return []
    a = [stem(w) for _s, _e, w in theirs]
    b = [stem(w) for _s, _e, w in mine]
    out: list[Finding] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    blocks = matcher.get_opcodes()
    for k, (op, i1, i2, j1, j2) in enumerate(blocks):
        if op != "replace" or i2 - i1 != 1 or j2 - j1 != 1:
            continue
        before = blocks[k - 1] if k else None
        after = blocks[k + 1] if k + 1 < len(blocks) else None
        context = sum(x[2] - x[1] for x in (before, after) if x is not None and x[0] == "equal")
        if context < SWAP_CONTEXT_MIN or not (before and before[0] == "equal"
                                              or after and after[0] == "equal"):
            continue
        (s, e, w), (so, eo, wo) = mine[j1], theirs[i1]
        if w[:1].isupper() and s != r_offset or wo[:1].isupper() and so != ev_offset:
            continue  # names: the name kind compares them
        if not w.isalpha() or not wo.isalpha() or stem(wo) in b or verb_form(w) \
                or verb_form(wo) or index.uses(w) or _negating(w) or same_toll(w, wo):
            continue  # (a verb put another way is how a paraphrase goes: "left" / "skidded off")
        if not lexicon.co_hyponyms(w, wo):
            # not two kinds of one thing: a word put another way ("press" / "news"), or one
            # WordNet lacks ("governorates" for "provinces" in a translation)
            continue
        out.append(Finding("meaning", "changed", (s, e), (so, eo),
                           f"The retelling says '{w}' where the original says '{wo}'."))
    return out


def verb_form(word: str) -> bool:
    """A verb in a past or progressive form ("skidded", "left", "fleeing"); a bare word that
    may be a verb ("match", "police") is more often a summary's noun."""
    low = word.casefold()
    return (low.endswith(("ed", "ing")) or bool(lexicon.base_forms(low))) and any(
        pos == "v" for _lemma, pos in lexicon.lemmas(low))


# Content words the same either side of a swapped word (``swapped``): at least this many.
SWAP_CONTEXT_MIN = 3


# A frame that puts what follows in question or in prospect rather than stating it: "whether",
# "if", "the importance of", "the need to", "plans to", a request ("approached for comment",
# "asked for help"). Read within the word's clause, a few words back.
_UNASSERTED_RE = re.compile(
    r"(?i)\b(?:whether|if|importance\s+of|necessity\s+(?:of|for)|"
    r"(?:asked|approached|reached|contacted|requests?|requested)\s+for|"
    r"(?:need|needs|needed|plan|plans|planned|hope|hopes|"
    r"hoped|aim|aims|aimed|intend|intends|intended)\s+(?:to|for)|how\s+to)\b"
    r"(?:\s+[\w'’-]+){0," + str(NEGATED_WINDOW - 1) + r"}\s+$")


# A verb of having between a cue and what it negates ("don't have the model", "never got a
# reply"): the denial is of having the thing, which the retelling must say too to reverse it
# ("they have the model", "got a reply").
_HAVING = r"(?:have|has|had|having|get|gets|got|getting)"
_LIGHT_VERB_AFTER_RE = re.compile(
    rf"(?i)[^\S\n]+(?:[a-z]+[^\S\n]+)?{_HAVING}\b"
    r"(?![^\S\n]+(?:been|[a-z]+(?:ed|en|wn)\b))")  # ("could not have known": a perfect)
_LIGHT_VERB_BEFORE_RE = re.compile(
    rf"(?i)\b{_HAVING}(?:[^\S\n]+[\w'’-]+){{0,3}}[^\S\n]+$")


def _in_a_comparison(text: str, at: int) -> bool:
    """The word at ``at`` stands in what a claim is compared with ("compared to a loss of
    $1.46 in the first quarter 2020", "up from a deficit")."""
    return bool(_BASE_CUE_RE.search(clause_before(text, at)))


# A noun or verb of forbidding right before a word: it denies the word as "no" does
_FORBIDDING_BEFORE_RE = re.compile(
    r"(?i)\b(?:prohibition|prohibiting|prohibits?|prohibited|ban|bans|banned|banning|bar|"
    r"barred|barring|moratorium|forbid|forbids|forbidding|forbidden)\s+(?:of|on|to|from)?\s*"
    r"(?:the\s+|any\s+|all\s+)?$")


def _of_an_earlier_period(text: str, at: int) -> bool:
    """The word at ``at`` stands in a comparison with an earlier period ("compared with a loss
    of $17 million a year earlier", "up from a deficit last year"): the base the claim is
    measured against, which no word of the claim reverses."""
    if not _in_a_comparison(text, at):
        return False
    end = _BASE_END_RE.search(text, at)  # (not at a decimal point: "a loss of $1.7 million")
    return bool(_EARLIER_PERIOD_RE.search(text, at, end.start() if end else len(text)))


# What opens a comparison's base, a few words before the word ("compared with", "up from"; not
# a bare "from": "profits from its trading unit fell"), and what names its earlier period
_BASE_CUE_RE = re.compile(
    r"(?i)\b(?:compared\s+(?:with|to)|versus|vs\.?|against|"
    r"(?:up|down|rose|fell|increased|decreased|grew|swung|turned|recovered|improved)"
    r"(?:\s+[\w'’$.,%-]+){0,3}?\s+from)\b(?:\s+[\w'’$.,-]+){0,4}\s+$")
_BASE_END_RE = re.compile(r"[;!?]|\.(?!\d)|,\s*(?:but|and|while|which)\b")
_EARLIER_PERIOD_RE = re.compile(
    r"(?i)\b(?:a\s+year\s+(?:earlier|ago|before)|last\s+year|the\s+(?:previous|prior|preceding)\s+"
    r"(?:year|quarter|period)|(?:year|quarter)[\s-]+(?:ago|earlier)|the\s+same\s+(?:period|quarter)|"
    r"a\s+quarter\s+(?:earlier|ago)|prior[\s-]+year)\b")


def _unasserted(text: str, at: int) -> bool:
    """The word at ``at`` in ``text`` is inside a frame that states it neither way."""
    return bool(_UNASSERTED_RE.search(clause_before(text, at)))


_NEXT_LOWER_RE = re.compile(r"[^\S\n]+([a-z]{3,})\b")


def _attributive(sentence: tuple[str, int], at: tuple[int, int]) -> bool:
    """Whether the adjective at ``at`` in ``sentence`` (text, start) qualifies the noun after
    it ("any possible survivors"): it states nothing a predicate's denial ("it's not
    possible") reverses."""
    text, off = sentence
    word = text[at[0] - off:at[1] - off]
    readings = lexicon.lemmas(word)
    if not any(pos in ("a", "s") for _lemma, pos in readings):
        return False
    m = _NEXT_LOWER_RE.match(text, at[1] - off)
    if m is None:
        return False
    after = lexicon.lemmas(m.group(1))
    return bool(after) and all(pos == "n" for _lemma, pos in after)


def _privated(sentence: tuple[str, int], at: tuple[int, int]) -> bool:
    """Whether the word at ``at`` in ``sentence`` (text, start) is said to be lost ("the loss of
    manpower")."""
    text, off = sentence
    return _PRIVATION_RE.search(text[max(0, at[0] - off - 40):at[0] - off]) is not None


# Adverbs of degree or time whose meaning left their stem's: "nearly" is "almost", not "near";
# "hardly" is "barely". Written by hand: WordNet derives some of them from their stems anyway
# ("highly" from "high") and leaves some manner adverbs underived ("conditionally").
DRIFTED_ADVERBS = frozenset({"nearly", "hardly", "lately", "shortly", "highly", "mostly",
                             "barely", "fairly", "pretty", "merely"})


def _one_lemma(word: str, other: str) -> bool:
    """Whether ``word`` may be ``other`` in another form: not one of the DRIFTED_ADVERBS
    against its stem's word ("nearly" / "near"), which a shared stem would make one."""
    return word.casefold() not in DRIFTED_ADVERBS or word.casefold() == other.casefold()


def _slice(evidence: list[tuple[str, int]], at: tuple[int, int]) -> str:
    text, start = _within(evidence, at)
    return text[start : start + at[1] - at[0]]


# Opposites that tell one event from its two sides ("Wexley beat Harrow Town" / "Harrow Town
# lost to Wexley"; "bought from" / "sold to"): a reversal only where both say it of the same
# party.
CONVERSES: tuple[tuple[str, str], ...] = (
    # contests
    ("beat", "lose"), ("defeat", "lose"), ("win", "lose"), ("win", "defeat"),
    ("victory", "defeat"), ("winner", "loser"), ("lead", "trail"),
    # transfers
    ("buy", "sell"), ("purchase", "sell"), ("lend", "borrow"), ("give", "receive"),
    ("send", "receive"),
)
_CONVERSE_OF = {(a, b) for a, b in CONVERSES} | {(b, a) for a, b in CONVERSES}
# How many content words before a converse word are read as the party it is said of.
PARTY_WORDS = 4


def _other_side(word: str, opposite: str, r_sentence: str, r_at: int, o_sentence: str,
                o_at: int) -> bool:
    """Tell whether ``word`` (at ``r_at`` of the retelling's sentence) and its converse
    ``opposite`` (at ``o_at`` of the original's) tell one event from its two sides: the words
    right before each, the party it is said of, have none in common ("Wexley beat" / "Harrow
    Town lost"; "buyers were keen to purchase" / "Brant Holdings sold"). A retelling that names
    no party there ("They won") is read as a reversal."""
    said = {word.casefold(), *(lemma for lemma, _pos in lexicon.lemmas(word))}
    if not any((a, b) in _CONVERSE_OF for a in said
               for b in {opposite, *(lemma for lemma, _pos in lexicon.lemmas(opposite))}):
        return False
    r_party = {stem(w) for _s, _e, w in _content_words(r_sentence[:r_at])[-PARTY_WORDS:]}
    o_party = {stem(w) for _s, _e, w in _content_words(o_sentence[:o_at])[-PARTY_WORDS:]}
    return bool(r_party) and not r_party & o_party


def _a_name_s_word(text: str, at: int) -> bool:
    """The word at ``at`` of ``text`` is capitalised inside its sentence: a name's word."""
    return 0 < at < len(text) and text[at].isupper() and bool(text[:at].strip(" \t\n\"'“‘(—-"))


def _within(evidence: Sequence[tuple[str, int]], at: tuple[int, int]) -> tuple[str, int]:
    """(the evidence sentence holding the span ``at``, the span's start in it)."""
    for text, off in evidence:
        if off <= at[0] and at[1] <= off + len(text):
            return text, at[0] - off
    return "", 0


# "Up" and "down" are a verb's particles: "prices went up" / "went down" turns the claim, "came
# up with" / "cut down on" says other things. Only after the same word are they opposites.
PARTICLES = frozenset({"up", "down"})
_WORD_BEFORE_RE = re.compile(r"([\w'’-]+)[\s\u00a0]*$")


def _word_before(text: str, at: int) -> str:
    """The word right before ``at`` (its base forms compare it: "are up" / "were down")."""
    m = _WORD_BEFORE_RE.search(text[max(0, at - 40) : at])
    return m.group(1) if m else "-"


# Particles that make a phrasal verb of their own meaning with the verb before them ("passed
# away", "gave back", "carried out"); "up" and "down" are read by PARTICLES.
PHRASAL_PARTICLES = frozenset({"away", "out", "back", "off", "through", "along"})


def _phrasal_particle(word: str, before: str) -> bool:
    """``word`` is the particle of a phrasal verb WordNet lists with the verb ``before``."""
    low = word.casefold()
    return low in PHRASAL_PARTICLES and any(
        pos == "v" for base in {before.casefold(), *(
            lemma for lemma, p in lexicon.lemmas(before) if p == "v")}
        for _l, pos in lexicon.lemmas(f"{base}_{low}"))


# "The most" and "the least" are opposites of the same word only: "the least expensive model"
# is "the most affordable", and "won the most seats" says nothing of who won the fewest.
SUPERLATIVES = frozenset({"most", "least", "fewest"})
_WORD_AFTER_RE = re.compile(r"[\s ]*([\w'’-]+)")


def _other_heads(word: str, after: str, opp: str, opp_after: str) -> bool:
    """Two opposite adjectives before two nouns that are neither the same nor synonyms ("a
    large study" / "smaller people", "higher taxes" / "lower fences"): each grades its own
    noun, and neither claim reverses the other."""
    if not (_adjective(word) and _adjective(opp)):
        return False
    if not (_plain_noun(after) and _plain_noun(opp_after)):
        return False
    mine, theirs = _bases(after), _bases(opp_after)
    if mine & theirs or stem(after) == stem(opp_after):
        return False
    return not any(stem(n) == stem(opp_after) or n in theirs for n in lexicon.neighbours(after))


def _adjective(word: str) -> bool:
    return any(pos in ("a", "s") for _l, pos in lexicon.lemmas(word.casefold()))


def _plain_noun(word: str) -> bool:
    """A lower-case noun (a word WordNet reads as one: "people" too), not a function word."""
    return word.isalpha() and word.islower() and len(word) >= MIN_WORD and any(
        pos == "n" for _l, pos in lexicon.lemmas(word))


def _end_within(evidence: Sequence[tuple[str, int]], span: tuple[int, int]) -> tuple[str, int]:
    """(the evidence text holding ``span``, where the span ends in it)."""
    text, start = _within(evidence, span)
    return text, start + span[1] - span[0]


def _word_after(text: str, at: int) -> str:
    """The word right after ``at``."""
    m = _WORD_AFTER_RE.match(text, at)
    return m.group(1) if m else "-"


def _compound_head(word: str, after: str) -> bool:
    """``word`` opens a compound noun the dictionary knows with the next word ("hard drive",
    "soft drink", "high school"): a thing's name, not the adjective's claim."""
    low = word.casefold()
    return low.isalpha() and after.isalpha() and any(
        pos == "n" for _l, pos in lexicon.lemmas(f"{low}_{after.casefold()}"))


def _before_same_word(evidence: Sequence[tuple[str, int]], word: str, after: str
                      ) -> tuple[int, int] | None:
    """The span of ``word`` in the evidence where the word after it is ``after`` (in a base
    form of it), or None."""
    mine, target = _bases(after), stem(word)
    for text, off in evidence:
        for m in _TOKEN_RE.finditer(text):
            # the word in any inflection ("winning" for "win")
            if (stem(m.group()) == target or word in _bases(m.group())) and \
                    _bases(_word_after(text, m.end())) & mine:
                return m.start() + off, m.end() + off
    return None


_TOKEN_RE = re.compile(r"[\w'’-]+")


# A summary's claim that its source leaves something out ("did not mention the usability
# study", "without discussing prices"): checked against the original, which the tool has whole.
_MENTION_VERBS = (r"(?:mention|discuss|address|talk\s+about|cover|bring\s+up|rais|touch\s+on"
                  r"|specify|disclos|reveal)(?:e|es|ed|d|s|ing)?(?![\w'’-])")
_OMISSION_RE = patterns.compile(
    r"(?i)(?<![\w-])(?<!\w['’])(?:(?:did|does|do|would|will)\s*(?:not\s+|n[’']t\s+)|never\s+"
    r"|fail(?:s|ed)?\s+to\s+|neglect(?:s|ed)?\s+to\s+|without\s+)"
    r"(?:even\s+|ever\s+|specifically\s+|explicitly\s+)?" + _MENTION_VERBS
)
# An original sentence that says itself a thing went unmentioned ("Prices were not discussed").
_SAID_UNMENTIONED_RE = re.compile(
    r"(?i)(?:(?<![\w-])(?<!\w['’])(?:not|never|without)|n[’']t)\s+(?:[\w'’-]+\s+){0,2}" + _MENTION_VERBS)
# Words of an omitted thing that say nothing of what it is ("any details about the plan").
_VAGUE_OBJECT = frozenset({"any", "specific", "specifically", "details", "detail", "whether",
                           "topic", "topics", "issue", "issues", "things", "thing", "matter",
                           "aspect", "aspects", "possibility", "fact"})
# At most this many words of the omitted thing are read; all of them must be used, not
# negated, in one sentence of the original (within OMITTED_SPAN sentences of one another in a
# dialogue, which names a thing over a few short turns) for the claim to be contradicted.
OMITTED_WORDS_MAX = 3
OMITTED_SPAN = 2


def omissions(r_text: str, r_offset: int, index: WordIndex,
              sentence: Callable[[int], tuple[str, int]], span: int = 0) -> list[Finding]:
    """Claims of a retelling sentence that the original leaves something out, where the
    original names every content word of the omitted thing, none of them negated there
    ("there was no mention of casualties" names none), within ``span`` sentences of one
    another (OMITTED_SPAN for a dialogue's short turns, else one sentence), and nowhere says
    itself that it went unmentioned. ``sentence`` gives an original sentence's (text, start
    offset) by its id."""
    out = []
    for m in _OMISSION_RE.finditer(r_text):
        rest = r_text[m.end():m.end() + 100]
        stop = CLAUSE_END_RE.search(rest)
        obj = [w for w in content_words(rest[:stop.start() if stop else len(rest)])
               if w[2].casefold() not in _VAGUE_OBJECT][:OMITTED_WORDS_MAX]
        if not obj:
            continue
        # where each word is used plainly, by sentence id (the index says where, before any
        # sentence is read)
        posts = [sorted(index.sentences.get(stem(w), ())) for _s, _e, w in obj]
        if not all(posts):
            continue
        if any(_SAID_UNMENTIONED_RE.search(sentence(i)[0]) for i in posts[0]):
            continue  # the original says so itself, in a sentence naming the thing
        plain = [[i for i in ids if not forms(w) & _negated_in(index, sentence(i))]
                 for (_s, _e, w), ids in zip(obj, posts, strict=True)]
        anchor = next((i for i in plain[0] if all(_near_id(ids, i, span) for ids in plain[1:])),
                      None)
        if anchor is None:
            continue
        text, off = sentence(anchor)
        said = " ".join(w for _s, _e, w in obj)
        out.append(Finding(
            "negation", "changed", (r_offset + m.start(), r_offset + m.end()),
            (off, off + len(text)),
            f"The retelling says '{said}' goes unmentioned; the original does mention it."))
    return out


def _negated_in(index: WordIndex, sentence: tuple[str, int]) -> set[str]:
    """The forms of the words a sentence negates."""
    return {t for n in index.negated_stems(*sentence) for t in n[4]}


def _near_id(ids: Sequence[int], at: int, span: int) -> bool:
    """Whether a sorted list of sentence ids has one within ``span`` of ``at``."""
    k = bisect_left(ids, at - span)
    return k < len(ids) and ids[k] <= at + span
