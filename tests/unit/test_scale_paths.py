"""The short cuts long inputs take give exactly what the straightforward code gives.

Each fast path (syntok's tokenizer on plain words, reuse by integer arrays, evidence summed by a
sparse product, a name searched around its rarest word, the per-comparison memos of content
words and negations) is compared with the plain code it replaces: on generated news prose
(benchmarks/bench_growth.py's generator, seeded), on hostile strings (hypothesis), and, where the
work is the point, by counting it.
"""

from __future__ import annotations

import math
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from syntok import segmenter as syntok_segmenter
from syntok.tokenizer import Tokenizer

from retold import ground as g
from retold import meaning, reuse, segment
from retold.facts import names

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from bench_growth import make_pair


@pytest.fixture(scope="module")
def prose() -> tuple[str, str]:
    return make_pair(60_000, seed=3)


# Characters that steer syntok's tokenizer: cases, digits, apostrophes, brackets, hyphens,
# ellipses, curly quotes, accents (composed and combining), spaces of every kind.
_TRICKY = st.lists(st.sampled_from(
    list("aAzZ09 .,;:!?'\"()[]{}-_%$\u2019\u201c\u201d\u00ab\u00bb\u2014\n\t"
         "\u00e9\u0301\u200b\u00a0\u2010\u00ad")
    + ["...", "n't", "Mc", "U.S.", "Dr.", "iPhone", "NATOs", "1,000", "e.g.", " the ", "Minister"]),
    max_size=40).map("".join)


def _tokens(tokenizer: Tokenizer, text: str) -> list[tuple[str, str, int]]:
    return [(t.spacing, t.value, t.offset) for t in tokenizer.tokenize(text)]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(_TRICKY, max_size=6).map("".join))
def test_tokenizer_gives_syntoks_tokens(text: str) -> None:
    assert _tokens(segment._TOKENIZER, text) == _tokens(Tokenizer(), text)


def test_tokenizer_gives_syntoks_tokens_on_prose(prose: tuple[str, str]) -> None:
    paragraphs = [p for side in prose for p in side.split("\n\n")]
    plain = sum(1 for p in paragraphs for w in p.split() if segment._PLAIN_CHUNK.fullmatch(w))
    assert plain > 1000  # the short cut is taken, and agrees
    for p in paragraphs:
        assert _tokens(segment._TOKENIZER, p) == _tokens(Tokenizer(), p)


def _syntok_whole(para: str) -> list[int]:
    """syntok's cuts of a whole paragraph, as segment read them before cutting at sure ends."""
    tokens = list(segment._TOKENIZER.tokenize(para))
    return [sent[0].offset for sent in syntok_segmenter.split(iter(tokens)) if sent]


# Sentences around the marks syntok decides on: words, abbreviations, initials, Roman numerals,
# months, numbers and decimals, each maybe opened by a quote or a bracket and closed by marks
# (full stops, quotes of every kind, brackets, one or several), between spaces of every kind.
_WORD_CHUNKS = st.builds(
    lambda opener, word, marks: opener + word + "".join(marks),
    st.sampled_from(["", "", "", '"', "\u201c", "'", "(", "[", "\u00ab"]),
    st.sampled_from(["said", "Mr", "etc", "in", "May", "Jan", "March", "2020", "10", "1,000",
                     "3.5", "U.S", "a", "B", "IV", "No", "no", "the", "The", "It", "We",
                     "Mayor", "x", "\u00e9t\u00e9", "co-op", "e.g", "7"]),
    st.one_of(st.just(["."]), st.just([]), st.lists(st.sampled_from(
        [".", "!", "?", ";", "...", ",", '"', "'", "\u201d", "\u2019", ")", "]", "\u00bb", ":"]),
        max_size=3)))


@settings(max_examples=1500, deadline=None, derandomize=True)
# one place for each rule by which syntok does not cut after a full stop and a capital
@example("Ask Mr. Mayor now.")  # an abbreviation it knows
@example("It was in 2020. May came.")  # a number before a month
@example("Then he said.\u201d\u2019 Mayor Lee left.")  # two closing quotes
@example("We met (it rained. Mayor Lee came) at noon. Then x.")  # inside brackets
@example("He saw B. Mayor Lee came. IV. Mayor x.")  # an initial, a Roman numeral
@given(st.lists(st.tuples(_WORD_CHUNKS, st.sampled_from([" ", " ", " ", "  ", "\n", "\u00a0"])),
                max_size=30).map(lambda parts: "".join(w + gap for w, gap in parts)))
def test_cutting_at_sure_ends_is_syntoks_cut(para: str) -> None:
    assert segment._syntok_cuts(para) == _syntok_whole(para)


def test_cutting_at_sure_ends_on_prose(prose: tuple[str, str]) -> None:
    paragraphs = [p for side in prose for p in side.split("\n\n")]
    sure = sum(1 for p in paragraphs for _ in segment._sure_ends(p))
    assert sure > 100  # the short cut is taken, and agrees
    for p in paragraphs:
        assert segment._syntok_cuts(p) == _syntok_whole(p)


def _reuse_plain(o: str, r: str, monkeypatch: pytest.MonkeyPatch) -> tuple[float, float]:
    with monkeypatch.context() as m:
        m.setattr(reuse, "ARRAY_CHARS", 10**12)
        return reuse.reuse_of(o, r)


_WORDS = st.sampled_from(["the", "of", "and", "said", "rain", "flood", "City", "mayor", "two",
                          "2020", "bank", "river", "a"])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(_WORDS, max_size=40), st.lists(_WORDS, max_size=40), st.booleans())
def test_reuse_by_arrays_is_reuse_by_sets(o: list[str], r: list[str], copy: bool) -> None:
    original, retelling = " ".join(o), " ".join(o[: len(o) // 2] + r if copy else r)
    with pytest.MonkeyPatch.context() as m:
        want = _reuse_plain(original, retelling, m)
        m.setattr(reuse, "ARRAY_CHARS", -1)
        assert reuse.reuse_of(original, retelling) == want


def test_reuse_by_arrays_on_prose(prose: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    original, retelling = prose
    assert max(map(len, prose)) > reuse.ARRAY_CHARS
    want = _reuse_plain(original, retelling, monkeypatch)
    assert reuse._reuse_arrays(reuse.tokens(original), reuse.tokens(retelling)) == want
    assert reuse.reuse_of(original, retelling) == want


def _evidence_scan(text: str, words: meaning.WordIndex, partners: list[int]
                   ) -> tuple[list[int], float]:
    """The evidence search as a scan of every posting (how grounding did it before)."""
    scores: dict[int, float] = defaultdict(float)
    total = used = 0.0
    seen: set[str] = set()
    for _s, _e, w in meaning.content_words(text):
        key = meaning.stem(w)
        if key in seen:
            continue
        seen.add(key)
        where = words.where(w)
        weight = math.log(1 + words.size / (1 + len(where)))
        total += weight
        if where or words.uses(w):
            used += weight
        if len(where) <= g.POSTINGS_MAX:
            for i in where:
                scores[i] += weight
    share = used / total if total else 1.0
    ranked = sorted(((v / total, i) for i, v in scores.items() if v / total >= g.EVIDENCE_MIN / 2),
                    key=lambda t: (-t[0], t[1]))
    best = [i for v, i in ranked if v >= g.EVIDENCE_MIN]
    if not best and share >= g.NO_SUPPORT_SHARE:
        best = [i for v, i in ranked if v >= g.EVIDENCE_MIN / 2]
    return list(dict.fromkeys([*partners, *best]))[: max(g.EVIDENCE_MAX, len(partners))], share


@pytest.mark.parametrize("direct_max", [-1, 10**9])  # by the sparse product; summed directly
@pytest.mark.parametrize("postings_max", [g.POSTINGS_MAX, 8])
def test_evidence_is_the_scan_of_every_posting(prose: tuple[str, str], postings_max: int,
                                               direct_max: int,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(g, "POSTINGS_MAX", postings_max)  # 8: many words over the cap
    monkeypatch.setattr(g, "EVIDENCE_DIRECT_MAX", direct_max)
    original, retelling = (segment.segment(segment.Document(t)) for t in prose)
    words = meaning.WordIndex((s.id, s.text) for s in original)
    rnd = random.Random(1)
    texts = [s.text for s in retelling] + [s.text for s in original[:200]]  # some exact copies
    partners = [sorted(rnd.sample(range(len(original)), rnd.choice([0, 0, 1, 2, 5])))
                for _ in texts]
    got = g._evidences(texts, words, partners)
    want = [_evidence_scan(t, words, p) for t, p in zip(texts, partners)]
    assert got == want
    assert sum(len(e) > len(p) for (e, _s), p in zip(got, partners)) > 100  # evidence found


def test_content_word_memo_is_content_words(prose: tuple[str, str]) -> None:
    sentences = segment.segment(segment.Document(prose[0]))
    words = meaning.WordIndex((s.id, s.text) for s in sentences)
    for s in sentences[:300]:
        assert words.content_words(s.text, s.start) == meaning.content_words(s.text, s.start)
        assert words.content_words(s.text) == meaning.content_words(s.text)


def test_negation_memo_is_negated_stems() -> None:
    texts = ["Officials did not confirm the deal.", "He never won, and refused to resign.",
             "Sales rose.", "They failed to pay what they didn't owe, nor did anyone."]
    words = meaning.WordIndex(enumerate(texts))
    checked = 0
    for text in texts * 2:  # the second read is the memo's
        for offset in (0, 17):
            want = meaning._negated_stems(text, offset)
            assert words.negated_stems(text, offset) == want
            checked += len(want)
    assert checked > 10


def _names(prose: tuple[str, str]) -> list[str]:
    found = {m.group() for side in prose
             for m in re.finditer(r"[A-Z][a-z]+(?: [A-Z][a-z]+)+", side)}
    rnd = random.Random(2)
    firsts = sorted({n.split()[0] for n in found})
    lasts = sorted({n.split()[-1] for n in found})
    # names as written, and first and last names put together anew: most words present, the
    # name itself seldom (the case the windows are for)
    mixed = {f"{rnd.choice(firsts)} {rnd.choice(lasts)}" for _ in range(150)}
    return sorted(found)[:150] + sorted(mixed) + ["Covid-19", "Islamic State", "United States"]


def test_mention_search_near_words_is_the_whole_search(prose: tuple[str, str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    text = prose[0] + " the coronavirus pandemic and isis"
    assert len(text) >= names._WORD_CHECK_CHARS
    fast = [names.mentioned(n, text) for n in _names(prose)]
    monkeypatch.setattr(names, "_WORD_CHECK_CHARS", 10**12)
    assert fast == [names.mentioned(n, text) for n in _names(prose)]
    assert 20 < sum(fast) < len(fast)


def test_mention_search_reads_windows_not_the_text(prose: tuple[str, str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted: a name whose words the text has apart is looked for in a few windows, whose
    length does not grow with the text's."""
    read: list[int] = []

    class Counting:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern, self._p = pattern.pattern, pattern

        def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> object:
            read.append(min(endpos, len(text)) - pos)
            return self._p.search(text, pos, endpos)

    def windows(text: str, name: str) -> int:
        read.clear()
        plain, _raw, needs = names._mention_patterns(name)
        assert plain is not None
        found = names._search_near(Counting(plain), needs, text)  # type: ignore[arg-type]
        assert found == (plain.search(names._plain(text)) is not None)
        return sum(read)

    short, long = prose[0][: len(prose[0]) // 4], prose[0]
    name = "Nobody Said"  # both words are in the text ("said" everywhere), never together
    assert windows(long, name) < len(long) / 20
    assert windows(long, name) < 6 * max(1, windows(short, name))


def test_a_kept_word_index_answers_each_word_as_a_fresh_one_does() -> None:
    # Words of one stem have other WordNet neighbours ("increase" reaches "gain", "increasing"
    # does not): a word asked earlier, in this comparison or a previous one, must not answer
    # for another of its stem.
    original = [(0, "The firm will cut energy costs and lift the environmental impact."),
                (1, "A bigger gain came later.")]
    words = ["increase", "increasing", "increased", "increases", "gains", "gained", "gaining"]
    fresh = {w: meaning.WordIndex(original).uses(w) for w in words}
    assert len(set(fresh.values())) == 2  # the stem alone does not decide
    for order in (words, words[::-1]):
        kept = meaning.WordIndex(original)
        assert {w: kept.uses(w) for w in order} == fresh


def test_an_originals_word_index_kept_between_comparisons_changes_nothing() -> None:
    import retold

    original = ("The council approved the new budget on Monday. It raises spending on schools "
                "by 4% and cuts the road fund. Critics said the plan ignores rural towns.")
    retellings = ["The council rejected the budget, which trims school spending.",
                  "Councillors passed a budget that lifts school spending and spares roads.",
                  "The council approved the new budget on Monday."]
    meaning.word_index.cache_clear()
    fresh = []
    for r in retellings:
        meaning.word_index.cache_clear()
        fresh.append(retold.compare(original, r).to_dict())
    meaning.word_index.cache_clear()
    kept = [retold.compare(original, r).to_dict() for r in retellings]
    assert meaning.word_index.cache_info().hits >= 2  # one index served all three
    assert kept == fresh


# --- patterns compiled with a look-ahead of their first characters ---------------------------

# Text around the cue words of the patterns compiled that way: their words in both cases,
# glued to letters, apostrophes and hyphens or not, with the characters re folds specially
# under IGNORECASE (the long s, the Kelvin sign, dotted capital I).
_CUE_TEXT = st.lists(st.sampled_from(
    ["not", "Not", "NOT", "no", "n't", "n’t", "can't", "without", "failed to", "denied",
     "absence of", "lack", "if", "unless", "whether", "in case", "said", "says", "told",
     "according to", "According  to", "officials", "self-proclaimed", "alleged", "about",
     "at least", "12:30", "9.45pm", "+44 20 7946 0958", "(555) 123-4567", "Subscribe",
     "SIGN UP", "12 Photos", "did not", "never", "a", "x", "s", "\u017f", "\u212a", "\u0130",
     " ", " ", "  ", "-", "'", "’", ".", ",", "\n", "\u00a0", "3", "é", "Ünal"]),
    max_size=30).map("".join)


def _fast_patterns() -> list[tuple[re.Pattern[str], str, int]]:
    from retold import patterns
    from retold.facts import attributions, negation, numbers, qualifiers  # noqa: F401
    assert len(patterns.COMPILED) >= 10
    return list(patterns.COMPILED)


def _matches(p: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in p.finditer(text)]


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.one_of(_CUE_TEXT, _TRICKY))
def test_a_pattern_with_a_first_character_look_ahead_matches_as_re_does(text: str) -> None:
    for fast, pattern, flags in _fast_patterns():
        plain = re.compile(pattern, flags)
        assert _matches(fast, text) == _matches(plain, text), pattern[:60]
        for at in (0, len(text) // 2):
            a, b = fast.match(text, at), plain.match(text, at)
            assert (a and a.span()) == (b and b.span())


def test_patterns_with_a_look_ahead_match_as_re_does_on_prose(prose: tuple[str, str]) -> None:
    compiled = [(fast, re.compile(pattern, flags)) for fast, pattern, flags in _fast_patterns()]
    assert sum(fast.pattern.startswith("(?=") for fast, _ in compiled) >= 10
    found = 0
    for side in prose:
        for para in side.split("\n\n")[:400]:
            for fast, plain in compiled:
                want = _matches(plain, para)
                assert _matches(fast, para) == want
                found += len(want)
    assert found > 100


@pytest.mark.parametrize(("pattern", "flags", "starts"), [
    (r"(?<![\w'-])(?:not|never|lack)(?![\w'-])", re.IGNORECASE, "nNlL"),
    (r"\b(?:if|unless)\b", 0, "iu"),
    (r"(?<!\w)(?:\+\d)?\(?\d{3}", 0, "+(7"),
    (r"(?:\s*)\bsaid", 0, " s"),
])
def test_first_characters_are_every_character_a_match_starts_with(pattern: str, flags: int,
                                                                  starts: str) -> None:
    from retold import patterns
    first = patterns.first_characters(re.compile(pattern, flags))
    assert first is not None
    look = re.compile(first, flags)
    assert all(look.match(c) for c in starts)
    assert not look.match("q")


@pytest.mark.parametrize("pattern", [
    r"said",             # a literal prefix: re skips by itself
    r"[A-Z]\w+",         # a set first: so does it
    r"(?<!\w).+",        # any character may start a match
    r"(?<!\w)[^a]b",     # a negated set: nearly any
    r"\b(?:x)?",         # may match the empty string
    r"(a)\1",            # (a literal first)
    r"(?<!\w)(?:a|)\b",  # an empty alternative, then nothing
])
def test_no_look_ahead_where_none_is_sure_or_needed(pattern: str) -> None:
    from retold import patterns
    assert patterns.first_characters(re.compile(pattern)) is None


@settings(max_examples=400, deadline=None, derandomize=True)
@given(_CUE_TEXT, st.integers(0, 40), st.integers(0, 40))
def test_a_generic_speaker_looked_for_only_after_its_word_is_found_as_before(
        text: str, a: int, b: int) -> None:
    from retold.facts import attributions
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    for t in (text, text + " the officials", "two senior officials\u00a0" + text + " police "):
        s, e = start, max(end, len(t) - 3)
        want = attributions._GENERIC_TAIL_RE.search(t, s, e)
        got = attributions._generic_tail(t, s, e)
        assert (got and got.span()) == (want and want.span())


def test_sentence_memos_shift_to_each_offset() -> None:
    text = "They did not win, and no one knew: the most votes went up, not down."
    meaning._negated_stems_in.cache_clear()
    for offset in (0, 9, 0):
        assert meaning._negated_stems(text, offset) == [
            (s + offset, e + offset, c, f, w)
            for s, e, c, f, w in meaning._negated_stems_in.__wrapped__(text)]
        assert meaning.negations(text, offset) == [
            (s + offset, e + offset, c) for s, e, c in meaning._negations_in.__wrapped__(text)]
        assert meaning._polar_words(text, offset) == [
            (s + offset, e + offset, w) for s, e, w in meaning._polar_words_in.__wrapped__(text)]
    assert len(meaning._negated_stems(text, 0)) == 3
    assert meaning._negated_stems_in.cache_info().hits >= 2


def test_a_text_memo_keeps_short_texts_only_and_answers_as_the_function_does() -> None:
    from retold.memo import text_memo
    calls: list[int] = []

    @text_memo(maxsize=4, max_chars=10)
    def length(text: str) -> int:
        calls.append(len(text))
        return len(text)

    assert [length("short"), length("short"), length("x" * 11), length("x" * 11)] == [5, 5, 11, 11]
    assert calls == [5, 11, 11]  # the short text read once, the long one each time
    assert length.cache_info().currsize == 1
    length.cache_clear()  # (what the benchmarks call before a cold run)
    assert length("short") == 5 and calls[-1] == 5
    assert length.__name__ == "length"


def test_last_few_keeps_the_most_recently_used() -> None:
    from retold.memo import LastFew

    kept: LastFew[str, int] = LastFew(2)
    kept.put("a", 1)
    kept.put("b", 2)
    assert kept.get("a") == 1  # "a" is now the most recent
    kept.put("c", 3)  # so "b" goes
    assert (kept.get("a"), kept.get("b"), kept.get("c")) == (1, None, 3)
    kept.cache_clear()
    assert kept.get("a") is None and kept.get("c") is None
