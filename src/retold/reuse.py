"""How much of a retelling is reused from its original: the share, and the METER class.

Reuse is read from shared word sequences, not from shared topic words. Two independent reports
of one event share names, places and the common words of their language; a retelling written
from the original also shares its word *sequences*. So each retelling token counts by the
longest run of words it sits in that also occurs in the original:

    reuse = mean over n = 1, 2, 3 of the share of the retelling's tokens inside a shared n-gram

A token inside a shared run of three words or more counts fully, one inside a shared pair of
words two thirds, a shared lone word one third (shares of the content tokens: see below). ``carried`` is the same measure the other way
round (the original's tokens found in the retelling). Tokens are runs of letters and digits in
any script (NFKC, casefolded). The measure needs no stop list; a short list of English function
words only keeps "the", "of the" from counting as shared on their own (lone words: over the
other words; runs: a run of function words alone is not shared text). Other languages are
measured without one (COUNTER's Urdu is).

On the COUNTER development pairs (Urdu agency copy -> newspaper, human-labelled) the measure
separates the classes better than the share of aligned sentences did (macro-F1 over WD/PD/ND
0.72 against 0.58; derived vs not 0.78 against 0.73; see ``../shared/eval/score_counter.py``),
and with the order of the shared words (``in_order``) beside it better still (0.74; 0.80).
Sentence alignment still decides which sentences are *pairs* (for fact changes); this module
only says how much text was reused.

Pure functions; no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from itertools import compress, count
from typing import NamedTuple

import numpy as np
from rapidfuzz.distance import LCSseq

from retold.align import Alignment
from retold.facts.quotes import EMBEDDED_POST_RE
from retold.memo import text_memo
from retold.model import Sentence, Summary

# METER's classes (Clough et al. 2002) by ``reuse``. Chosen on the COUNTER development pairs
# as round values on the flat part of the macro-F1 surface (cut-offs 0.26-0.28 x 0.62-0.66
# all give 0.71-0.73): at or above WHOLLY_REUSE the retelling is wholly derived (all but a
# heading or framing clause comes from the original); below NON_REUSE the texts share topic
# words, not text.
WHOLLY_REUSE = 0.65
NON_REUSE = 0.27
# Below WHOLLY_REUSE, a retelling is partly derived when its shared runs and the order of its
# words together reach DERIVED_MIN (``reuse + in_order``): a rewrite keeps its source's order,
# an independent report of the same event shares the event's words in its own order. On the
# COUNTER development pairs the sum ranked derived against independent better than ``reuse``
# alone (10-fold cross-validated 2-class macro-F1 0.790 against 0.777 over 20 seeds); sums of
# 0.46-0.50 all gave 0.79-0.80, and 0.48 is the middle of that flat part.
DERIVED_MIN = 0.48
RUNS = (1, 2, 3)  # n-gram lengths averaged: a run of 3+ shared words counts fully

# The fact diff is skipped for texts whose sentences do not align at all (below this share of
# the retelling's characters in aligned sentences): every fact would be "added", which is noise.
# Independent reports of one event do align a few sentences, and their fact changes are kept.
MIN_ALIGNED = 0.15

_TOKEN = re.compile(r"[^\W_]+")
# English function words: shared by any two English texts, so no evidence of reuse alone.
FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as", "and", "or", "but", "not", "no", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may", "might", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "them", "him", "there", "here", "which", "who", "whom", "what", "when", "where", "than", "then", "so", "if", "into", "over", "after", "before", "about", "also", "said", "says"])


def tokens(text: str) -> list[str]:
    """Word tokens of ``text`` in any script (NFKC, casefolded)."""
    return _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())


def coverage(source: Sequence[str], target: Sequence[str], n: int,
             stop: frozenset[str] = FUNCTION_WORDS) -> float:
    """Share of ``target``'s content tokens inside an ``n``-gram also in ``source``.

    Content tokens: those not in ``stop``; an ``n``-gram of ``stop`` words alone is not shared
    text. With an empty ``stop`` every token counts.
    """
    t = tuple(target)
    return _covered(_ngrams(t, 1, stop), _ngrams(t, n, stop),
                    frozenset(_ngrams(tuple(source), n, stop)), n)


def _ngrams(t: tuple[str, ...], n: int, stop: frozenset[str] = FUNCTION_WORDS
            ) -> list[tuple[str, ...]]:
    # a run of function words alone ("of the") is not evidence: left out
    return [g if not stop.issuperset(g) else () for g in zip(*(t[k:] for k in range(n)))]


def _covered(words: list[tuple[str, ...]], target: list[tuple[str, ...]],
             source: frozenset[tuple[str, ...]], n: int) -> float:
    """Share of the content tokens (non-empty entries of ``words``) inside a shared n-gram."""
    content = len(words) - words.count(())  # (an empty entry is the only false one)
    if not content:
        return 0.0
    covered = bytearray(len(words))
    ones = b"\x01" * n
    # the n-grams the source has, picked out at C speed, then the empty ones left out
    for i in compress(count(), map(source.__contains__, target)):
        if target[i]:
            covered[i : i + n] = ones
    return sum(compress(covered, words)) / content


def shared_runs(source: Sequence[str], target: Sequence[str],
                stop: frozenset[str] = FUNCTION_WORDS) -> float:
    """The reuse measure: mean coverage of ``target`` by shared 1-, 2- and 3-grams (runs no
    longer than the shorter text)."""
    longest = max(1, min(len(source), len(target)))
    return sum(coverage(source, target, min(n, longest), stop) for n in RUNS) / len(RUNS)


# A corpus trace checks one article against many candidates in a row: keep its tokens (of texts
# up to an article's length: a token costs about ten times its characters in memory) and its
# n-grams (texts are immutable, and a str caches its hash).
@text_memo(maxsize=512, max_chars=20_000)
def _token_tuple(text: str) -> tuple[str, ...]:
    return tuple(tokens(text))


@lru_cache(maxsize=512)
def _grams(text: str) -> tuple[int, tuple[list[tuple[str, ...]], ...],
                               tuple[frozenset[tuple[str, ...]], ...]]:
    t = tuple(tokens(text))
    lists = tuple(_ngrams(t, n) for n in RUNS)
    return len(t), lists, tuple(frozenset(g) for g in lists)


# Texts longer than this many characters (either side) are measured with integer arrays: the
# same counts, without a tuple and a set lookup per n-gram (about 2 s of a 2 MB pair). Measured
# on the worked example's texts cut to length: at 1,000 characters the two ways cost the same,
# from 2,000 on the arrays take half the time, even against a side whose n-grams are cached.
ARRAY_CHARS = 2_000


def reuse_of(original: str, retelling: str) -> tuple[float, float]:
    """``(reuse, carried)`` of two texts: share of the retelling from the original, and back."""
    if max(len(original), len(retelling)) > ARRAY_CHARS:
        found = _reuse_arrays(_token_tuple(original), _token_tuple(retelling))
        if found is not None:
            return found
    (no, ol, os_), (nr, rl, rs) = _grams(original), _grams(retelling)
    if min(no, nr) < max(RUNS) or not any(ol[0]) or not any(rl[0]):
        # a text shorter than a run: runs as long as the text; a text of function words
        # only ("The the the."): measured on all its words
        o, r = tuple(tokens(original)), tuple(tokens(retelling))
        stop = FUNCTION_WORDS if any(ol[0]) and any(rl[0]) else frozenset()
        return shared_runs(o, r, stop), shared_runs(r, o, stop)
    reuse = sum(_covered(rl[0], rl[i], os_[i], n) for i, n in enumerate(RUNS)) / len(RUNS)
    carried = sum(_covered(ol[0], ol[i], rs[i], n) for i, n in enumerate(RUNS)) / len(RUNS)
    return reuse, carried


def _reuse_arrays(o: Sequence[str], r: Sequence[str]) -> tuple[float, float] | None:
    """``reuse_of`` for long token lists, each n-gram an integer (None when a case needs the
    general path: a text shorter than a run, or of function words only)."""
    vocabulary: dict[str, int] = {}
    ids = [np.array([vocabulary.setdefault(t, len(vocabulary)) for t in side], dtype=np.int64)
           for side in (o, r)]
    v = len(vocabulary)
    if min(len(o), len(r)) < max(RUNS) or v ** max(RUNS) >= 2**62:
        return None
    stop = np.zeros(v, dtype=bool)
    stop[[k for t, k in vocabulary.items() if t in FUNCTION_WORDS]] = True
    content = [~stop[a] for a in ids]
    if not all(c.any() for c in content):
        return None
    codes = []  # per side, per n: each n-gram's code, -1 for one of function words alone
    for a, c in zip(ids, content):
        per_n = []
        for n in RUNS:
            m = len(a) - n + 1
            code = a[:m].copy()
            kept = c[:m].copy()
            for k in range(1, n):
                code = code * v + a[k : k + m]
                kept |= c[k : k + m]
            per_n.append(np.where(kept, code, -1))
        codes.append(per_n)

    def share(target: int) -> float:
        source = 1 - target
        total = 0.0
        for i, n in enumerate(RUNS):
            mine, theirs = codes[target][i], np.sort(codes[source][i])
            at = np.minimum(np.searchsorted(theirs, mine), len(theirs) - 1)
            hit = (theirs[at] == mine) & (mine >= 0)
            covered = np.zeros(len(ids[target]), dtype=bool)
            for k in range(n):
                covered[k : k + len(hit)] |= hit
            total += int(np.count_nonzero(covered & content[target])) / int(
                np.count_nonzero(content[target]))
        return total / len(RUNS)

    return share(1), share(0)


# Copied English text shows as runs: a retelling keeps words of its source four and more in a
# row, where two independent reports of one event share names, word pairs and the odd quoted
# phrase. (Papers that retype agency copy, respelling as they go, keep shorter runs: COUNTER's
# Urdu papers. Hence only for English, told by its function words.)
COPIED_RUN = 4
ENGLISH_SHARE = 0.2  # of a text's tokens in FUNCTION_WORDS (English prose: about 0.35-0.45)


# A quoted word counts this much: two reports quoting one statement share its words without
# one retelling the other.
QUOTED_WEIGHT = 0.5
# A run of figures and function words alone is no copied text: two reports of one data release
# share their figures, and each "16.6 per cent" ("16", "6", "per", "cent") was a run of four.
# (A share's "per cent", "percent" or "%" is one token.)
_QUOTED_TOKEN = re.compile(r'per[ \t]?cent\b|[^\W_]+|["“”«»%]')
_PERCENT = "%"
_NOT_PROSE = FUNCTION_WORDS | {_PERCENT}


def copied_share(original: str, retelling: str) -> float | None:
    """Share of the retelling's content words inside runs of COPIED_RUN or more words the
    original also has, a quoted word counting QUOTED_WEIGHT; None unless both texts are
    English (by their function words' share)."""
    shares = copied_shares(original, retelling)
    return None if shares is None else shares.share


class Copied(NamedTuple):
    """What a retelling copies in runs: ``share`` (`copied_share`), ``unquoted`` (the same share
    of its words outside quotation marks alone: a report that shares only a quotation with
    another shares its source's words, not the other's) and ``words`` (how many content words,
    quoted or not)."""

    share: float
    unquoted: float
    words: int


def copied_shares(original: str, retelling: str) -> Copied | None:
    """``Copied`` of the retelling; None unless both texts are English."""
    if not (_english(_token_tuple(original)) and _english(_token_tuple(retelling))):
        return None
    o, _quoted = _quoted_tokens(original)
    # (an embedded post and its signature are quoted, as if in quotation marks)
    r, quoted = _quoted_tokens(EMBEDDED_POST_RE.sub(r"“\g<post>\n\g<sig>”", retelling))
    covered = _in_runs(o, r)
    total = got = plain = plain_got = 0.0
    words = 0
    for w, q, c in zip(r, quoted, covered):
        if w not in _NOT_PROSE:  # (a figure counts, copied only inside a run of prose)
            weight = QUOTED_WEIGHT if q else 1.0
            total += weight
            got += weight * c
            words += c
            if not q:
                plain += 1
                plain_got += c
    return Copied(got / total if total else 0.0, plain_got / plain if plain else 0.0, words)


def _in_runs(o: Sequence[str], r: Sequence[str]) -> bytearray:
    """For each token of ``r``, 1 where it sits in a run of COPIED_RUN tokens ``o`` also has
    (runs of function words and figures alone aside)."""
    n = COPIED_RUN
    source = {g for g in zip(*(o[k:] for k in range(n))) if not all(map(_not_prose, g))}
    covered = bytearray(len(r))
    for i, g in enumerate(zip(*(r[k:] for k in range(n)))):
        if g in source:
            covered[i : i + n] = b"\x01" * n
    return covered


def _not_prose(token: str) -> bool:
    """A function word, a figure or a share's "%": no copied word of its own."""
    return token in _NOT_PROSE or token[:1].isdigit()


def _quoted_tokens(text: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """The tokens of ``text`` for copied runs (words as `tokens` reads them, "per cent" as "%")
    and whether each stands inside quotation marks (straight marks toggle;
    curly and angle marks open and close)."""
    words: list[str] = []
    quoted: list[bool] = []
    inside = False
    for m in _QUOTED_TOKEN.finditer(unicodedata.normalize("NFKC", text).casefold()):
        g = m.group()
        if g in '"“”«»':
            inside = not inside if g == '"' else g in "“«"
        elif g == _PERCENT or g.startswith("per") and g.endswith("cent"):
            words.append(_PERCENT)
            quoted.append(inside)
        else:
            words.append(g)
            quoted.append(inside)
    return tuple(words), tuple(quoted)


def _english(t: Sequence[str]) -> bool:
    if not t:
        return False
    share = sum(1 for w in t if w in FUNCTION_WORDS) / len(t)
    # (a short blurb or caption is mostly names: "Amy Walter, Elise Jordan and Hugh Hewitt
    # discuss ...": half the share of function words still tells English there)
    return share >= ENGLISH_SHARE or (len(t) < SHORT_TEXT_TOKENS and share >= ENGLISH_SHARE / 2
                                      and all(w.isascii() for w in t))


SHORT_TEXT_TOKENS = 80


def in_order(original: str, retelling: str) -> float:
    """Share of the retelling's tokens in one common subsequence with the original's.

    A rewrite follows its source sentence by sentence, so the words it kept come in the
    source's order; an independent report of the same event uses the same names and words
    in its own order. (The longest common subsequence of the two token lists, over the
    retelling's length; two unrelated texts of one language still share function words in
    order, so the share is rarely below 0.1.) On the COUNTER development pairs whose
    ``reuse`` lies in 0.27-0.45, where partly derived and independent papers mix, it tells
    them apart with AUC 0.77 (``reuse`` itself: 0.65).
    """
    o, r = tokens(original)[:ORDER_TOKENS], tokens(retelling)[:ORDER_TOKENS]
    if not o or not r:
        return 0.0
    return LCSseq.similarity(o, r) / len(r)


# The common subsequence costs the product of the two lengths (bit-parallel, over 64 words at
# a time): it is read over each text's first ORDER_TOKENS words, which keeps a pair of whole
# books to a few milliseconds; a rewrite keeps its source's order from its first lines.
ORDER_TOKENS = 5_000


def derivation_of(reuse: float, order: float) -> str:
    """METER's class for a reuse share and a share in the source's order (``in_order``):
    wholly | partially | non."""
    if reuse >= WHOLLY_REUSE:
        return "wholly"
    return "partially" if reuse + order >= DERIVED_MIN else "non"


def summarise(
    original: Sequence[Sentence], retelling: Sequence[Sentence], alignment: Alignment
) -> Summary:
    """Shares reused and carried (by shared word runs) and the METER derivation class."""
    # Page clutter (captions, link lists, footers) is no text either side wrote or reused.
    o_text = " \n".join(s.text for s in _story(original))
    r_text = " \n".join(s.text for s in _story(retelling))
    reuse, carried = reuse_of(o_text, r_text)
    # (the order is read only where it can decide: a reuse of DERIVED_MIN is derived anyway)
    derivation = derivation_of(reuse, in_order(o_text, r_text) if reuse < DERIVED_MIN else 1.0)
    if derivation == "wholly":
        message = "The retelling is wholly derived from the original."
    elif derivation == "partially":
        message = ("The retelling is partially derived from the original: "
                   f"{reuse:.0%} of its text comes from it.")
    elif unrelated(retelling, alignment):
        message = ("The texts look unrelated: no meaningful part of the retelling matches the "
                   "original, so no fact changes are listed.")
    else:
        message = ("The retelling shares words with the original but few word sequences in "
                   "the original's order: written independently (the same topic or event), not "
                   "reused.")
    return Summary(carried, reuse, derivation, message)  # type: ignore[arg-type]


def _story(sentences: Sequence[Sentence]) -> Sequence[Sentence]:
    """The sentences that are not page clutter (all of them if all are)."""
    story = [s for s in sentences if s.kind != "boilerplate"]
    return story or sentences


def unrelated(retelling: Sequence[Sentence], alignment: Alignment) -> bool:
    """True when almost none of the retelling's sentences align with the original."""
    held = {j for p in alignment.pairs for j in p.retelling}
    total = sum(len(s.text) for s in retelling)
    aligned = sum(len(s.text) for s in retelling if s.id in held)
    return not total or aligned / total < MIN_ALIGNED
