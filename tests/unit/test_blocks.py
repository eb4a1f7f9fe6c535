"""Blocking keys are sound: whenever two facts are equivalent, their keys meet (both ways)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.facts import dates, numbers
from retold.facts.base import Context
from retold.facts.blocks import equivalence_keys
from retold.model import Document, Fact
from retold.segment import segment

HEDGES = ["", "about ", "almost ", "nearly ", "more than ", "at least ", "up to ", "less than "]
UNITS = ["people", "km", "miles", "feet", "meters", "kg", "pounds", "dollars"]
# Exact figures, and roundings of them (and of their conversions) a hedge may stand for.
EXACT = [95, 2150, 2300, 12345, 22965, 7000, 12, 7.5]
ROUNDED = [100, 2000, 2200, 12000, 23000, 7000, 10, 7.5]


def _figure(hedge: str, value: float, unit: str) -> list[Fact]:
    text = f"The count was {hedge}{value:,} {unit} on the day."
    doc = Document(text)
    return numbers.extract(doc, segment(doc), Context())


def _meet(a: Fact, b: Fact) -> bool:
    return bool(equivalence_keys(a, probe=True) & equivalence_keys(b, probe=False)) and \
        bool(equivalence_keys(b, probe=True) & equivalence_keys(a, probe=False))


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(EXACT) - 1), st.sampled_from(HEDGES), st.sampled_from(UNITS),
       st.sampled_from(HEDGES), st.sampled_from(UNITS), st.booleans())
def test_equivalent_figures_always_meet(i: int, h1: str, u1: str, h2: str, u2: str,
                                        same_unit: bool) -> None:
    for a in _figure(h1, ROUNDED[i], u1):
        for b in _figure(h2, EXACT[i], u1 if same_unit else u2):
            if numbers.equivalent(a, b):
                assert _meet(a, b), (a.text, b.text)


def test_roundings_and_conversions_are_among_them() -> None:
    # the pairs the property above must hold for do occur in its space
    for hedged, exact in ((("about ", 12000, "people"), ("", 12345, "people")),
                          (("almost ", 23000, "feet"), ("", 22965, "feet")),
                          (("", 7000, "meters"), ("", 22965, "feet"))):
        a, b = _figure(*hedged)[0], _figure(*exact)[0]
        assert numbers.equivalent(a, b) and _meet(a, b)


# Dates: "the same period last year" is any date inside last year (dates.equivalent).
DATE_PHRASES = ["in the second quarter of last year", "last year", "in the previous year",
                "in March 2019", "in 2019", "in the second half of 2018", "on 12 May 2019",
                "in the year-ago quarter", "last month", "in early 2020", "two years ago"]
LEADS = ["", "the same period ", "the same quarter ", "the comparable period in "]


def _dates(lead: str, phrase: str, published: bool) -> list[Fact]:
    text = f"Sales rose 5% from {lead}{phrase}, the company said."
    doc = Document(text)
    ctx = Context(published=dt.date(2020, 10, 30)) if published else Context()
    return dates.extract(doc, segment(doc), ctx)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LEADS), st.sampled_from(DATE_PHRASES), st.sampled_from(LEADS),
       st.sampled_from(DATE_PHRASES), st.booleans())
def test_equivalent_dates_always_meet(l1: str, p1: str, l2: str, p2: str, published: bool) -> None:
    for a in _dates(l1, p1, published):
        for b in _dates(l2, p2, published):
            if dates.equivalent(a, b):
                keys = [equivalence_keys(f, probe=p) for f in (a, b) for p in (True, False)]
                assert None in keys or _meet(a, b), (a.text, b.text)


def test_same_period_dates_are_among_them() -> None:
    # the property above reaches the pairs it must hold for, and ordinary dates of one
    # year stay apart
    for published in (True, False):
        inner = _dates("", "in the second quarter of last year", published)[0]
        outer = _dates("the same quarter ", "in the previous year", published)[0]
        assert dates.equivalent(inner, outer) and _meet(inner, outer)
    march, may = _dates("", "in March 2019", True)[0], _dates("", "on 12 May 2019", True)[0]
    assert not dates.equivalent(march, may) and not _meet(march, may)


def test_a_figure_meets_itself_with_its_period_left_out() -> None:
    # "Lena Brandt, 34," / "34 years old": numbers.equivalent says one figure; keys must meet
    def fact(text: str) -> Fact:
        doc = Document(text)
        return numbers.extract(doc, segment(doc), Context())[0]

    bare, aged = fact("Lena Brandt, 34, testified."), fact("She was 34 years old then.")
    assert numbers.equivalent(bare, aged) and _meet(bare, aged)
    months, years = fact("It lasted six months."), fact("It lasted six years.")
    assert not numbers.equivalent(months, years)
