"""Hypothesis invariants of retold.segment: offsets always point at the sentence text."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from retold.errors import InputError
from retold.model import Document
from retold.read import read_bytes
from retold.segment import segment

# Characters that stress the segmenter: sentence marks of several scripts, quotes, NBSP,
# zero-width characters, line breaks of every kind.
_SPECIAL = list(".!?…。！？۔؟।\"'“”‘’«»()[] \u00a0\u200b\ufeff\t\n\r,;:-–—|*")
_WORDS = [
    "U.S.",
    "Gen.",
    "No.",
    "10",
    "the",
    "Oslo",
    "said",
    "minister.With",
    "NATO",
    "June 18, 2020",
    "By",
    "Jane",
    "Doe",
    "العراق",
    "۔",
    "部长",
    "Министр",
    "é",
    "a",
]

text_strategy = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(_SPECIAL + list("abcXYZ019")), max_size=200),
    st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(_SPECIAL)), max_size=80).map(
        "".join
    ),
    st.lists(st.sampled_from(_WORDS + [" ", " ", "\n", "\n\n", ". "]), max_size=120).map(" ".join),
)


@settings(max_examples=300, deadline=None)
@given(text=text_strategy, title=st.one_of(st.none(), st.sampled_from(["Oslo", "the", ""])))
@example(text="©", title=None)  # page clutter of symbols alone (found by this test)
def test_sentences_are_ordered_disjoint_and_exact(text: str, title: str | None) -> None:
    doc = Document(text, title=title, author="Jane Doe")
    sentences = segment(doc)
    previous_end = 0
    previous_paragraph = 0
    for i, s in enumerate(sentences):
        assert s.id == i
        assert previous_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.text.strip() == s.text
        assert any(ch.isalnum() for ch in s.text)
        assert s.kind in {"title", "byline", "heading", "body", "boilerplate"}
        assert s.paragraph in (previous_paragraph, previous_paragraph + 1) or i == 0
        previous_end, previous_paragraph = s.end, s.paragraph
    if sentences:
        assert sentences[0].paragraph == 0


@settings(max_examples=100, deadline=None)
@given(text=st.text(min_size=1))
def test_every_alphanumeric_character_is_covered(text: str) -> None:
    """No letter or digit is lost: garbage is merged, never dropped with content."""
    sentences = segment(Document(text))
    covered = set()
    for s in sentences:
        covered.update(range(s.start, s.end))
    for i, ch in enumerate(text):
        if ch.isalnum():
            assert i in covered, (i, ch)


@settings(max_examples=150, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=200),
        st.text(max_size=200).map(lambda t: t.encode("utf-8")),
        st.text(max_size=120).map(
            lambda t: f"<html><body><article><p>{t}</p></article></body></html>".encode()
        ),
    ),
    content_type=st.sampled_from([None, "text/html", "text/plain", "application/octet-stream"]),
)
def test_read_bytes_raises_only_input_errors(data: bytes, content_type: str | None) -> None:
    """Any bytes either read into a Document that segments cleanly, or raise an InputError."""
    try:
        doc = read_bytes(data, content_type=content_type)
    except InputError:
        return
    for s in segment(doc):
        assert doc.text[s.start : s.end] == s.text
