"""Each shortcut taken for speed against the straightforward computation it replaces.

The fast paths (lazy WordNet reading, the antonym filter on WordNet's index, alike facts
blocked once, counting by deletion, the paused cycle collector) must give exactly what the
plain code gives; these tests hold them to it, on real WordNet data where it is installed.
"""

from __future__ import annotations

import gc
import os
import re
import subprocess
import sys
import threading
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import retold
from retold import diff, ground, lexicon, meaning, reuse
from retold.align import scorers
from retold.compare import READINGS
from retold.compare import _count as compare_count
from retold.diff import KINDS, _Index
from retold.facts.names import _unaccented
from retold.model import Fact
from retold.reshape import _CAPITALS_RE, _LETTERS_RE
from retold.reshape import _count as reshape_count
from retold.segment import _alnum_count

needs_wordnet = pytest.mark.skipif(not lexicon.available(), reason="WordNet data not installed")
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "isis-iraq-2020"
WORDS = ["serve", "rose", "fell", "big", "acquitted", "state", "run", "sales", "profits",
         "clifftop", "beach", "bank", "won", "approved", "faced", "poor", "due", "bell",
         "Increased", "newspaper", "foreign", "explosive", "Popular", "European", "unhappy",
         "xyzzyq", "a", "Telegraph", "March", "good", "light", "set"]


# --- lexicon -------------------------------------------------------------------------------


def _synset_by_field(wn: lexicon._WordNet, pos: str, offset: int) -> tuple[object, ...]:
    """A synset read field by field, every pointer looked at (the plain reading)."""
    mm = wn.data[pos]
    at = wn.line_of(pos, offset)
    end = mm.find(b"\n", at)
    parts = mm[at:end].decode("utf-8").split(" | ")[0].split()
    w_cnt = int(parts[3], 16)
    words = tuple(parts[4 + 2 * k].lower().split("(")[0] for k in range(w_cnt))
    p_at = 4 + 2 * w_cnt
    pointers = []
    for k in range(int(parts[p_at])):
        sym, off, ppos, st_ = parts[p_at + 1 + 4 * k : p_at + 5 + 4 * k]
        if sym in lexicon.READ_POINTERS:
            pointers.append((sym, int(off), "a" if ppos == "s" else ppos,
                             int(st_, 16) >> 8, int(st_, 16) & 0xFF))
    return words, tuple(pointers)


def _synset_offsets(wn: lexicon._WordNet, pos: str, step: int) -> list[int]:
    offsets = sorted({off for lemma in list(wn.where(pos))[::step]
                      for off in wn.offsets(lemma, pos)})
    return offsets


@needs_wordnet
@pytest.mark.parametrize("pos", lexicon.POS)
def test_synset_reading_matches_a_field_by_field_reading(pos: str) -> None:
    wn = lexicon._wordnet()
    assert wn is not None
    offsets = _synset_offsets(wn, pos, 17)
    assert len(offsets) > 200
    for off in offsets:
        assert lexicon._WordNet.synset.__wrapped__(wn, pos, off) == _synset_by_field(wn, pos, off)


@needs_wordnet
@pytest.mark.parametrize("pos", lexicon.POS)
def test_a_synset_line_is_found_where_a_search_of_the_file_finds_it(pos: str) -> None:
    wn = lexicon._wordnet()
    assert wn is not None
    mm = wn.data[pos]
    for off in _synset_offsets(wn, pos, 97):
        assert wn.line_of(pos, off) == mm.find(b"\n%08d " % off) + 1


@needs_wordnet
@pytest.mark.parametrize("pos", lexicon.POS)
def test_words_only_reading_gives_the_synsets_words(pos: str) -> None:
    wn = lexicon._wordnet()
    assert wn is not None
    offsets = _synset_offsets(wn, pos, 17)
    for off in offsets:
        assert lexicon._WordNet.words.__wrapped__(wn, pos, off) == _synset_by_field(wn, pos, off)[0]


def _antonyms_unfiltered(word: str) -> frozenset[str]:
    """lexicon.antonyms from synsets read field by field, every reading's two top senses."""
    wn = lexicon._wordnet()
    assert wn is not None
    out: set[str] = set()
    for lemma, pos in lexicon.lemmas(word):
        for off in wn.offsets(lemma, pos)[:2]:
            words, pointers = _synset_by_field(wn, pos, off)
            me = words.index(lemma) + 1 if lemma in words else 0  # type: ignore[attr-defined]
            for sym, o2, p2, src, tgt in pointers:  # type: ignore[attr-defined]
                if sym != "!":
                    continue
                target = _synset_by_field(wn, p2, o2)[0]
                for k, w in enumerate(target, 1):  # type: ignore[arg-type]
                    top = o2 in wn.offsets(w, p2)[:2]
                    # this word's own opposite (and its synset's words in a main sense), or the
                    # opposite a synonym has, in the opposite's main sense
                    if (src == me and (tgt in (0, k) or top)) or (src != me and tgt == k and top):
                        out.add(w)
    return frozenset(out)


@needs_wordnet
def test_antonyms_are_those_a_reading_by_fields_gives() -> None:
    wn = lexicon._wordnet()
    assert wn is not None
    sample = [lemma for pos in lexicon.POS for lemma in list(wn.where(pos))[::97]]
    sample += WORDS
    found = 0
    for word in sample:
        expected = _antonyms_unfiltered(word)
        assert lexicon.antonyms(word) == expected, word
        found += bool(expected)
    assert found >= 20  # the sample reaches words that have opposites, not only those without


def _broader_whole_frontier(word: str) -> frozenset[str]:
    """broader() as first written: the top senses' hypernyms, step by step over all of them."""
    wn = lexicon._wordnet()
    assert wn is not None
    out: set[str] = set()
    for lemma, pos in lexicon.lemmas(word):
        if pos not in ("n", "v"):
            continue
        frontier = [(pos, off) for off in wn.offsets(lemma, pos)[:3]]
        for _step in range(lexicon.BROADER_STEPS):
            nxt = []
            for p, off in frontier:
                for sym, o2, p2, _s, _t in wn.synset(p, off)[1]:
                    if sym in ("@", "@i"):
                        out.update(wn.synset(p2, o2)[0])
                        nxt.append((p2, o2))
            frontier = nxt
    return frozenset(out)


@needs_wordnet
@pytest.mark.parametrize("word", WORDS)
def test_neighbours_are_lemmas_synonyms_related_and_broader(word: str) -> None:
    assert lexicon.broader(word) == _broader_whole_frontier(word)
    whole = ({lemma for lemma, _pos in lexicon.lemmas(word)} | lexicon.synonyms(word)
             | lexicon.related(word) | lexicon.broader(word))
    assert set(lexicon.neighbours(word)) == whole
    assert lexicon.synonyms(word) <= lexicon.related(word)


def _uses_plainly(index: meaning.WordIndex, word: str) -> bool:
    """WordIndex.uses as a plain test of every form of every level."""
    if meaning.stem(word) in index.sentences:
        return True
    if "-" in word and all(len(p) >= meaning.MIN_WORD and p.casefold() not in
                           meaning._PREFIX_PIECES and meaning.stem(p) in index.sentences
                           for p in word.split("-")):
        return True  # a compound whose words are each written there
    forms = ({lemma for lemma, _pos in lexicon.lemmas(word)} | lexicon.synonyms(word)
             | lexicon.related(word) | lexicon.broader(word))
    def used(form: str) -> bool:
        parts = [f for f in form.split("_")
                 if f.casefold() not in meaning.STOP and len(f) >= meaning.MIN_WORD]
        if len(parts) == 1 and "_" not in form and meaning._participle(form):
            return form.casefold() in index.written
        return bool(parts) and all(
            meaning.stem(f) in index.sentences or f in index.lemmas for f in parts)
    return any(used(form) for form in forms)


@needs_wordnet
def test_lazy_uses_answers_as_the_plain_test() -> None:
    original = (EXAMPLE / "original.txt").read_text(encoding="utf-8")
    retelling = (EXAMPLE / "retelling.txt").read_text(encoding="utf-8")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", original) if s.strip()]
    index = meaning.WordIndex(enumerate(sentences))
    words = [w for _s, _e, w in meaning.content_words(retelling)] + WORDS
    answers = []
    for w in dict.fromkeys(words):
        answers.append((index.uses(w), _uses_plainly(index, w)))
    assert all(fast == plain for fast, plain in answers)
    assert {fast for fast, _plain in answers} == {True, False}


# --- facts, diff ---------------------------------------------------------------------------


def test_diff_index_blocks_alike_facts_once_and_answers_as_a_scan() -> None:
    original = (EXAMPLE / "original.txt").read_text(encoding="utf-8")
    retelling = (EXAMPLE / "retelling.txt").read_text(encoding="utf-8")
    c = retold.compare(original, retelling)
    for mine, other in ((c.original, c.retelling), (c.retelling, c.original)):
        index = _Index(mine.facts)
        asked = 0
        for fact in other.facts:
            module = KINDS[fact.kind]
            plain = any(module.equivalent(fact, f) for f in mine.facts if f.kind == fact.kind)
            assert index.states(module, fact) == plain, fact
            asked += plain
        assert asked  # some facts are stated on the other side: both answers are exercised


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ9_ -.'é\u0301²①字\u00a0Ǆ\u2019"), max_size=40))
def test_squashed_keeps_exactly_the_alphanumeric_characters(text: str) -> None:
    assert diff._squashed.__wrapped__(text) == "".join(c for c in text if c.isalnum()).casefold()


def _content_words_plainly(text: str) -> tuple[tuple[int, int, str], ...]:
    out = []
    for m in meaning._WORD_RE.finditer(text):
        low = m.group().casefold()
        if len(low) < meaning.MIN_WORD or low in meaning.STOP or low in meaning._TOKEN_WORDS \
                or meaning._contracted(low):
            continue  # ("it's": a pronoun and its verb)
        out.append((m.start(), m.end(), m.group()))
    return tuple(out)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["The", "the", "n't", "sales", "ROSE", "a", "it's", "-LRB-",
                                 "co-op", "’s", "Ab", "abc", "5", ",", " ", "\n", "said"]),
                max_size=30))
def test_content_words_as_a_word_by_word_filter(parts: list[str]) -> None:
    text = " ".join(parts)
    assert meaning._content_words.__wrapped__(text) == _content_words_plainly(text)


def _unaccented_plainly(text: str) -> str:
    s = unicodedata.normalize("NFKD", text)
    return "".join(c for c in s if not unicodedata.combining(c))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("abcZ éèñçüÅøß\u0301\u0308\u2019\u00a0ﬁ①²Ǆ字"), max_size=40))
def test_unaccented_removes_exactly_the_combining_marks(text: str) -> None:
    assert _unaccented(text) == _unaccented_plainly(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_counts_by_deletion_match_listing_every_character(text: str) -> None:
    assert _alnum_count(text) == sum(1 for ch in text if ch.isalnum())
    letter = re.compile(r"[^\W\d_]")
    assert compare_count(re.compile(r"[^\W\d_]+"), text) == len(letter.findall(text))
    assert compare_count(re.compile(r"[A-Za-z]+"), text) == len(re.findall(r"[A-Za-z]", text))
    assert reshape_count(_LETTERS_RE, text) == len(letter.findall(text))
    capitals = _CAPITALS_RE.pattern.removesuffix("+")
    assert reshape_count(_CAPITALS_RE, text) == len(re.findall(capitals, text))


def _covered_plainly(words: list[tuple[str, ...]], target: list[tuple[str, ...]],
                     source: frozenset[tuple[str, ...]], n: int) -> float:
    content = sum(1 for w in words if w)
    if not content:
        return 0.0
    covered = [False] * len(words)
    for i, g in enumerate(target):
        if g and g in source:
            for k in range(i, min(i + n, len(words))):
                covered[k] = True
    return sum(1 for w, c in zip(words, covered) if w and c) / content


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "of", "a", "rain", "fell", "city", "two", "and"]),
                max_size=25),
       st.lists(st.sampled_from(["the", "of", "a", "rain", "fell", "city", "two", "and"]),
                max_size=25),
       st.integers(1, 3))
def test_coverage_matches_a_plain_count(source: list[str], target: list[str], n: int) -> None:
    t, s = tuple(target), tuple(source)
    args = (reuse._ngrams(t, 1), reuse._ngrams(t, n), frozenset(reuse._ngrams(s, n)), n)
    assert reuse._covered(*args) == _covered_plainly(*args)


# --- the paused cycle collector ------------------------------------------------------------


def _pairs() -> list[tuple[str, str]]:
    original = (EXAMPLE / "original.txt").read_text(encoding="utf-8")
    retelling = (EXAMPLE / "retelling.txt").read_text(encoding="utf-8")
    return [(original, retelling), (retelling, original),
            ("At least 10 people died on Monday, police said.", "Twelve people died on Friday."),
            ("the minister said sales rose 5%.", "The Minister said profits fell 5 %.")]


def test_compare_makes_no_reference_cycles() -> None:
    """The collector is paused during a comparison because a comparison leaves it nothing to
    collect: were that to change, memory would grow while it is paused."""
    for original, retelling in _pairs():
        retold.compare(original, retelling)  # warm: caches are filled, not garbage
        READINGS.cache_clear()  # (the measured run reads the pair again, not from memory)
        gc.collect()
        gc.disable()
        try:
            retold.compare(original, retelling)
            assert gc.collect() == 0
        finally:
            gc.enable()


_RESTORED_SCRIPT = """
import gc, sys
import retold
original, retelling = sys.argv[1], sys.argv[2]
assert gc.isenabled()
seen = []
retold.compare(original, retelling, progress=lambda *_a: seen.append(gc.isenabled()))
assert gc.isenabled() and seen and not any(seen), seen  # paused inside, enabled after
try:
    retold.compare("", retelling)
except retold.RetoldError:
    pass
else:
    raise AssertionError("an empty original must raise RetoldError")
assert gc.isenabled()
gc.disable()
retold.compare(original, retelling)
assert not gc.isenabled()  # a caller's choice is left as it was
"""


def test_the_collector_is_restored_after_a_comparison() -> None:
    """Run in a fresh process: the pause applies only with one thread, and earlier tests in
    this process (servers, pools) may have left threads running."""
    original, retelling = _pairs()[2]
    env = {**os.environ, "PYTHONPATH": str(Path(retold.__file__).parents[1])}
    done = subprocess.run([sys.executable, "-c", _RESTORED_SCRIPT, original, retelling],
                          capture_output=True, text=True, env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr


_PROMOTED_SCRIPT = """
import gc, sys, weakref
import retold
original, retelling = sys.argv[1], sys.argv[2]
retold.compare(original, retelling)


class Node:
    pass


# the caller's young cyclic garbage is still collected, not carried off to the oldest generation
a, b = Node(), Node()
a.other, b.other = b, a
gone = weakref.ref(a)
del a, b
before = gc.get_stats()[2]["collections"]
result = retold.compare(original, retelling)
assert gone() is None
# what the comparison left is in the oldest generation: nothing young is left to scan
assert gc.get_count()[0] < 100, gc.get_count()
assert gc.get_stats()[2]["collections"] == before  # and no full collection was run for it
assert any(o is result for o in gc.get_objects(2))
# objects the caller froze stay frozen
gc.freeze()
frozen = gc.get_freeze_count()
retold.compare(original, retelling)
assert gc.get_freeze_count() == frozen
"""


def test_a_comparisons_objects_go_to_the_oldest_generation() -> None:
    original, retelling = _pairs()[0]
    env = {**os.environ, "PYTHONPATH": str(Path(retold.__file__).parents[1])}
    done = subprocess.run([sys.executable, "-c", _PROMOTED_SCRIPT, original, retelling],
                          capture_output=True, text=True, env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr


def test_the_collector_is_left_alone_with_other_threads() -> None:
    original, retelling = _pairs()[2]
    seen: list[bool] = []
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        retold.compare(original, retelling, progress=lambda *_a: seen.append(gc.isenabled()))
    finally:
        stop.set()
        other.join()
    assert seen and all(seen)


def test_extra_opposites_by_word_are_the_pairs_both_ways() -> None:
    for word in ["rise", "drop", "win", "defeat", "lose", "beat", "profit", "loss", "gain",
                 "rose", "approved", "hired", "up", "more", "table"]:
        mine = meaning.readings(word)
        plain = set(lexicon.antonyms(word))
        for a, b in meaning.EXTRA_ANTONYMS:
            if a in mine:
                plain.add(b)
            if b in mine:
                plain.add(a)
        if mine & meaning.RISE_WORDS:
            plain |= meaning.FALL_WORDS
        if mine & meaning.FALL_WORDS:
            plain |= meaning.RISE_WORDS
        assert meaning._antonyms(word) == frozenset(plain - mine), word
    assert "defeat" in meaning._antonyms("win") and "loss" in meaning._antonyms("profit")


def _tokens_plainly(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    out: list[str] = []
    for match in scorers._WORD.finditer(text):
        word = match.group()
        if scorers._NO_SPACE_SCRIPT.search(word):
            out.extend(ch for ch in word if not ch.isspace())
        else:
            out.append(scorers._stem(word))
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab Killings nations 東京タイ ﬁ①_-'. \n"), max_size=50))
def test_alignment_tokens_match_the_word_by_word_reading(text: str) -> None:
    assert scorers.tokens(text) == _tokens_plainly(text)


def _lemmas_plainly(word: str) -> tuple[tuple[str, str], ...]:
    wn = lexicon._wordnet()
    assert wn is not None
    w = word.casefold().replace(" ", "_")
    out: list[tuple[str, str]] = []
    for pos in lexicon.POS:
        forms = [w, *wn.exc[pos].get(w, ())]
        forms += [w[: -len(old)] + new for old, new in lexicon._SUFFIXES[pos] if w.endswith(old)]
        for form in dict.fromkeys(forms):
            if form and form in wn.where(pos) and (form, pos) not in out:
                out.append((form, pos))
    return tuple(out)


@needs_wordnet
def test_lemmas_match_trying_every_rule() -> None:
    wn = lexicon._wordnet()
    assert wn is not None
    stems = [lemma for lemma in list(wn.where("v"))[::211]]
    words = WORDS + [s + end for s in stems for end in ("", "s", "es", "ed", "ing", "er", "est",
                                                         "ies", "men", "ches")]
    for word in words:
        assert lexicon.lemmas(word) == _lemmas_plainly(word), word


# --- grounding -----------------------------------------------------------------------------


def _roles_plainly(text: str, offset: int, name_facts: list[Fact]) -> list[tuple[Fact, str, str]]:
    """ground._roles as first written: the words around each name found by a scan."""
    spans = [(f.start - offset, f.end - offset) for f in name_facts]
    words = [(a - offset, e - offset, w) for a, e, w in meaning.content_words(text, offset)
             if w[:1].islower() and not any(x <= a - offset < y for x, y in spans)]
    out = []
    for f, (x, y) in zip(name_facts, spans):
        after = next(((a, w) for a, e, w in words if a >= y), None)
        if after is not None and ground._gap_ok(text[y : after[0]], doer=True) \
                and not text[after[0] + len(after[1]) :].lstrip().lower().startswith("by "):
            out.append((f, "doer", meaning.stem(after[1])))
        before = next(((e, w) for a, e, w in reversed(words) if e <= x), None)
        if before is not None and ground._gap_ok(text[before[0] : x]):
            out.append((f, "object", meaning.stem(before[1])))
    return out


_ROLE_WORDS = ["Smith", "Jones", "Acme Corp", "beat", "was", "by", "the", "has", "also", "in",
               "sued", "and", ",", "praised", "Brown's", "ally", "By", "won"]


@settings(max_examples=300, deadline=None)
@example(["Smith", "beat", "Jones"], 7)
@given(st.lists(st.sampled_from(_ROLE_WORDS), min_size=1, max_size=14), st.integers(0, 50))
def test_roles_by_bisection_match_a_scan(parts: list[str], offset: int) -> None:
    text = " ".join(parts) + "."
    facts = [Fact("name", m.start() + offset, m.end() + offset, m.group(), 0, m.group())
             for m in re.finditer(r"Smith|Jones|Acme Corp|Brown's", text)]
    assert ground._roles(text, offset, facts) == _roles_plainly(text, offset, facts)
    if text.startswith("Smith beat Jones"):
        assert {r for _f, r, _w in ground._roles(text, offset, facts)} == {"doer", "object"}


def test_facts_ranked_by_class_are_sorted_by_slot_score() -> None:
    original = (EXAMPLE / "original.txt").read_text(encoding="utf-8")
    retelling = (EXAMPLE / "retelling.txt").read_text(encoding="utf-8")
    c = retold.compare(original, retelling)
    index = ground.FactIndex(c.original.facts)
    ties = 0
    for b in c.retelling.facts:
        facts = list(index.by_kind.get(b.kind, ()))
        module = ground.MODULES[b.kind]
        plain = sorted(facts, key=lambda a: -module.slot_score(b, a))
        assert index.ranked(b, facts) == plain
        ties += len(plain) - len({module.slot_score(b, a) for a in facts})
    assert ties  # equal scores keep the text order


@needs_wordnet
@pytest.mark.parametrize("share", [0, 3, 7])
def test_used_opposites_are_the_opposites_the_original_uses(share: int) -> None:
    """Whatever the original uses (every word, none, a pseudo-random share), the shortcut keeps
    exactly the opposites it uses, in order."""
    def used(o: str) -> bool:
        return share == 0 or len(o) % share == 0

    words = WORDS + ["suspicious", "common", "uncommon", "able", "sure", "short-term",
                     "motivated", "dismotivated", "happy", "honest", "easy-to-use", "likely"]
    found = 0
    for word in words:
        plain = [o for o in meaning.opposites(word) if used(o)]
        assert meaning.used_opposites(word, used) == plain, word
        found += len(plain)
    assert found > 20


def _not_pronouned_plainly(facts: list[Fact], text: str, other: str) -> list[Fact]:
    for pronoun, roles in ((diff._PRONOUN_RE, None), (diff._IT_RE, "")):
        surplus = min(len(pronoun.findall(other)) - len(pronoun.findall(text)),
                      diff._stand_ins(other, pronoun))
        out = []
        for f in facts:
            fits = f.role in ("", "person") if roles is None else f.role != "person"
            if surplus > 0 and fits:
                surplus -= 1
                continue
            out.append(f)
        facts = out
    return facts


_PRONOUN_TEXTS = st.lists(st.sampled_from(["He", "she", "Morland", "died", "her", "Smith",
                                           "said", "him", "Acme", "it", "It", "."]), max_size=10)


@settings(max_examples=200, deadline=None)
@given(_PRONOUN_TEXTS, _PRONOUN_TEXTS, st.lists(st.sampled_from(["", "person", "place"]),
                                                max_size=3))
def test_names_kept_without_reading_stand_ins_when_no_pronoun_is_added(
        text: list[str], other: list[str], roles: list[str]) -> None:
    facts = [Fact("name", k, k + 5, "Smith", 0, "smith", role=r) for k, r in enumerate(roles)]
    a, b = " ".join(text), " ".join(other)
    assert diff._not_pronouned(facts, a, b) == _not_pronouned_plainly(facts, a, b)
