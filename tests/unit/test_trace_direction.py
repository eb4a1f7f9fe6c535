from __future__ import annotations

import datetime as dt

from retold.trace import direction as dr

D1, D2 = dt.date(2020, 1, 1), dt.date(2020, 1, 2)


def test_earlier_publication_is_the_source() -> None:
    d = dr.by_published("b", D2, "a", D1)
    assert d is not None and (d.source, d.target, d.decided, d.evidence) == (
        "a", "b", True, "published")
    assert "2020-01-01 before 2020-01-02" in d.detail


def test_same_day_or_unknown_dates_decide_nothing() -> None:
    assert dr.by_published("a", D1, "b", D1) is None
    assert dr.by_published("a", None, "b", D1) is None


def test_the_more_contained_article_is_the_retelling() -> None:
    d = dr.by_containment("a", "b", reuse=0.95, carried=0.4)
    assert (d.source, d.target, d.evidence) == ("a", "b", "containment")
    d = dr.by_containment("a", "b", reuse=0.4, carried=0.95)
    assert (d.source, d.target, d.evidence) == ("b", "a", "containment")


def test_where_the_extra_sentences_sit_tells_a_cut_from_an_insertion() -> None:
    # b is inside a; a's extra sentences are at its end: b is a cut of a
    d = dr.by_containment("a", "b", reuse=0.95, carried=0.5, extra_at_end=1.0)
    assert (d.source, d.target) == ("a", "b") and "a cut" in d.detail
    # ... between shared sentences: a is b with sentences inserted
    d = dr.by_containment("a", "b", reuse=0.95, carried=0.5, extra_at_end=0.2)
    assert (d.source, d.target, d.evidence) == ("b", "a", "containment")
    assert "inserted" in d.detail


def test_a_small_part_of_the_larger_text_is_a_summary_wherever_its_sentences_come_from() -> None:
    # b is a fifth of a, drawn from all through it: the extra sentences of a sit between
    # shared ones, yet a text four fifths new is no insertion into b
    d = dr.by_containment("a", "b", reuse=0.9, carried=0.2, extra_at_end=0.3)
    assert (d.source, d.target, d.evidence) == ("a", "b", "containment")
    assert "summary" in d.detail
    # at half and above, sentences between shared ones are still an insertion
    d = dr.by_containment("a", "b", reuse=0.95, carried=dr.INSERTION_MIN_SHARE, extra_at_end=0.3)
    assert (d.source, d.target) == ("b", "a")


def test_a_larger_text_alone_carrying_the_agency_dateline_is_cut_not_inserted_into() -> None:
    # sentences between shared ones would make a the insertion; but a alone carries the
    # agency's dateline: b is the agency copy with paragraphs and the dateline left out
    d = dr.by_containment("a", "b", reuse=0.95, carried=0.6, extra_at_end=0.2, agency_copy="a")
    assert (d.source, d.target, d.evidence) == ("a", "b", "containment")
    assert "agency dateline" in d.detail
    # the smaller one carrying it changes nothing: an outlet inserting into agency copy
    d = dr.by_containment("a", "b", reuse=0.95, carried=0.6, extra_at_end=0.2, agency_copy="b")
    assert (d.source, d.target) == ("b", "a") and "inserted" in d.detail


def test_symmetric_reuse_is_undecided_in_id_order() -> None:
    d = dr.by_containment("z", "a", reuse=0.9, carried=0.88)
    assert (d.source, d.target, d.decided, d.evidence) == ("a", "z", False, "undecided")
