from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from retold.align import align
from retold.align.scorers import tfidf_cosine, tfidf_vectors, tokens
from retold.model import Sentence


def sents(*texts: str) -> list[Sentence]:
    out, pos = [], 0
    for i, t in enumerate(texts):
        out.append(Sentence(i, pos, pos + len(t), t))
        pos += len(t) + 1
    return out


ORIGINAL = sents(
    "The storm destroyed more than 200 homes along the northern coast on Sunday.",
    "Emergency crews restored power to most of the city by Monday evening.",
    "The mayor asked residents to stay indoors while roads are cleared.",
    "Schools will remain closed until the end of the week, officials said.",
)


def test_identical_texts_align_one_to_one() -> None:
    result = align(ORIGINAL, ORIGINAL)
    assert [(p.original, p.retelling) for p in result.pairs] == [((i,), (i,)) for i in range(4)]
    assert result.dropped == () and result.added == ()
    assert all(p.similarity > 0.99 for p in result.pairs)


def test_reordered_and_dropped_and_added() -> None:
    retelling = sents(
        "Schools will stay closed until the end of the week, officials said.",
        "A storm destroyed more than 200 homes on the northern coast on Sunday.",
        "Football fans celebrated the club's promotion with a parade downtown.",
    )
    result = align(ORIGINAL, retelling)
    pairs = {(p.original, p.retelling) for p in result.pairs}
    assert pairs == {((0,), (1,)), ((3,), (0,))}
    assert result.dropped == (1, 2)
    assert result.added == (2,)


def test_one_to_many_split() -> None:
    retelling = sents(
        "The storm destroyed more than 200 homes.",
        "The homes were along the northern coast, and it happened on Sunday.",
        "The mayor asked residents to stay indoors while roads are cleared.",
    )
    result = align(ORIGINAL[:3], retelling)
    assert ((0,), (0, 1)) in {(p.original, p.retelling) for p in result.pairs}


def test_many_to_one_merge() -> None:
    retelling = sents(
        "Emergency crews restored power by Monday evening, and the mayor asked residents "
        "to stay indoors while roads are cleared.",
    )
    result = align(ORIGINAL, retelling)
    assert [(p.original, p.retelling) for p in result.pairs] == [((1, 2), (0,))]


def test_inverse_swaps_sides() -> None:
    retelling = sents(ORIGINAL[0].text, "Something entirely unrelated about cricket scores.")
    result = align(ORIGINAL, retelling)
    inverse = align(retelling, ORIGINAL)
    assert result.inverse().dropped == inverse.dropped
    assert result.inverse().added == inverse.added


def test_empty_sides() -> None:
    assert align([], ORIGINAL).added == (0, 1, 2, 3)
    assert align(ORIGINAL, []).dropped == (0, 1, 2, 3)


def test_tokens_unicode_and_cjk() -> None:
    assert tokens("Attacks killed") == ["attack", "kill"]
    assert tokens("地震造成") == ["地", "震", "造", "成"]
    assert tokens("Пожар в Москве") == ["пожар", "в", "москве"]


def test_cosine_bounds() -> None:
    assert tfidf_cosine("a b c", "a b c") > 0.99
    assert tfidf_cosine("alpha beta", "gamma delta") == 0.0


_WORDS = st.sampled_from(["fire", "fires", "Mosul", "killed", "37", "the", "地震", "пожар",
                          "governor", "said", "!", "attack", "attacks"])
_SENTENCES = st.lists(st.lists(_WORDS, max_size=12).map(" ".join), max_size=6)


@settings(max_examples=200, deadline=None)
@given(_SENTENCES, _SENTENCES)
def test_tfidf_vectors_equal_scikit_learns(left: list[str], right: list[str]) -> None:
    # the hand-written vectors must be TfidfVectorizer(sublinear_tf=True)'s, column order aside
    from sklearn.feature_extraction.text import TfidfVectorizer

    a, b = tfidf_vectors(left, right)
    ours = sparse.vstack([a, b]).toarray()
    try:
        theirs = TfidfVectorizer(tokenizer=tokens, lowercase=False, token_pattern=None,
                                 sublinear_tf=True).fit_transform(left + right).toarray()
    except ValueError:  # scikit-learn refuses an empty vocabulary: ours is all zeros
        assert not ours.any() and ours.shape == (len(left) + len(right), 1)
        return
    assert ours.shape == theirs.shape
    # the same weights in some column order: equal Gram matrices and equal sorted rows
    assert np.allclose(ours @ ours.T, theirs @ theirs.T, atol=1e-12)
    assert np.allclose(np.sort(ours, axis=1), np.sort(theirs, axis=1), atol=1e-12)
