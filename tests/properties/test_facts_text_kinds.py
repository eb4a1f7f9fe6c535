"""Invariants of the text fact kinds (names, quotes, attributions, qualifiers, negation).

For any text, random Unicode included, extraction never raises, every fact's span slices the
document to exactly its text, facts point at a sentence, and the contract functions accept
what extraction returns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.facts import attributions, names, negation, qualifiers, quotes
from retold.facts.base import Context
from retold.model import Document, Fact, Sentence
from tests import factkit

MODULES = (names, quotes, attributions, qualifiers, negation)
_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")

# Pieces that exercise the extractors: names with connectors and articles, speech verbs, every
# quote mark, apostrophes, hedges, negations, NBSP, headline-like runs and non-Latin words.
PIECES = [
    "Jane Doe", "al-Rashidi", "Al-Tikriti", "Bank of England", "U.S.", "ISIS", "UN", "Peru's",
    "Chad’s", "Covid-19", "said", "says", "according to", "the writer believes", ", said",
    "officials say", "which read:", "he said,", '"', "“", "”", "„", "«", "»", "‘", "’", "'",
    "don't", "n't", "not", "no longer", "never", "No. 10", "alleged", "so-called", "former",
    "reportedly", "The", "However", "In", "March", "\u00a0", "\n", "\n\n", ".", ",", ":", "-",
    "Москва", "بغداد", "北京", "ÉTATS", "Ωmega", "O'Brien", "|", "–", " ", "  ",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=40).map("".join),
)


def sentences_of(text: str) -> list[Sentence]:
    return factkit.sentences_of(text, _SPLIT)


def _check(doc: Document, sentences: Sequence[Sentence], facts: list[Fact]) -> None:
    ids = {s.id for s in sentences} or {0}
    for f in facts:
        assert 0 <= f.start <= f.end <= len(doc.text)
        assert doc.text[f.start:f.end] == f.text
        assert f.sentence in ids
        assert f.value is None


@settings(max_examples=150, deadline=None)
@given(texts)
def test_extract_never_raises_and_spans_slice_the_text(text: str) -> None:
    doc = Document(text)
    sentences = sentences_of(text)
    for module in MODULES:
        facts = module.extract(doc, sentences, Context())
        _check(doc, sentences, facts)
        # the contract functions accept what extraction returns
        for a in facts[:3]:
            assert module.equivalent(a, a)
            assert 0.0 <= module.slot_score(a, a) <= 1.0
            assert module.explain(a, None) and module.explain(None, a)


@settings(max_examples=100, deadline=None)
@given(texts)
def test_extract_without_sentences(text: str) -> None:
    doc = Document(text)
    for module in MODULES:
        _check(doc, [], module.extract(doc, [], Context()))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40))
def test_name_comparison_is_symmetric_and_total(a: str, b: str) -> None:
    assert names.same_name(a, b) == names.same_name(b, a)
    assert names.name_variant(a, b) == names.name_variant(b, a)
    if names.name_variant(a, b):
        assert names.same_name(a, b)


@settings(max_examples=100, deadline=None)
@given(st.from_regex(r"[A-Z][a-z]{3,10}( [A-Z][a-z]{3,10}){0,2}", fullmatch=True))
def test_a_name_is_the_same_name_as_itself(name: str) -> None:
    assert names.same_name(name, name)
    assert not names.name_variant(name, name)


def test_non_english_text_yields_no_names_and_no_crash() -> None:
    for text in (
        "أعلن تنظيم الدولة الإسلامية مسؤوليته عن الهجوم في بغداد، وقال «إن المعركة مستمرة».",
        "Министр заявил: «Мы не отступим». Он не сказал, когда.",
        "外交部发言人表示：“我们不会让步。”北京没有回应。",
    ):
        doc = Document(text)
        sentences = sentences_of(text)
        assert names.extract(doc, sentences, Context()) == []
        for module in MODULES:
            _check(doc, sentences, module.extract(doc, sentences, Context()))
