from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.facts import dates, numbers
from retold.facts.base import Context
from retold.model import Document, Sentence

# Pieces that exercise the patterns, glued with random text (including random unicode).
PIECES = [
    "between", "and", "to", "or", "-", "–", "at least", "about", "around", "some", "over",
    "up to", "2,000", "3,000", "5", "10", "1.5", "million", "bn", "$", "£", "%", "percent",
    "per cent", "two", "three", "thousand", "hundred", "a dozen", "hundreds of", "half", "a",
    "one", "of", "the", "people", "attacks", "Covid-19", "٢٠٢٠", "١٠٨", "۵۰", "٪", "٬", "2013",
    "June", "May", "March", "18,", "last", "month", "month’s", "year", "in", "early", "mid-",
    "late", "the end of", "recent", "months", "recently", "these days", "Monday", "on", "ago",
    "2019-20", "2020-02-30", "1990s", "'90s", "\xa0", "\n", ". ", ", ", "No.", "10 am", "+44",
]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map(
    lambda parts: " ".join(parts)
)
PUBLISHED = st.one_of(st.none(), st.dates(min_value=dt.date(1901, 1, 1),
                                          max_value=dt.date(2099, 12, 31)))


def whole(text: str) -> list[Sentence]:
    return [Sentence(0, 0, len(text), text)]


@settings(max_examples=150, deadline=None)
@given(text=st.one_of(TEXT, st.text(max_size=200)), published=PUBLISHED)
def test_spans_round_trip_and_never_raise(text: str, published: dt.date | None) -> None:
    doc = Document(text)
    context = Context(published=published)
    for module in (numbers, dates):
        found = module.extract(doc, whole(text), context)
        for fact in found:
            assert doc.text[fact.start : fact.end] == fact.text
            assert fact.start < fact.end
            assert fact.sentence == 0
            assert module.equivalent(fact, fact)
            assert 0.0 <= module.slot_score(fact, fact) <= 1.0
            assert module.explain(fact, None) and module.explain(None, fact)


@settings(max_examples=100, deadline=None)
@given(text=TEXT)
def test_numbers_and_dates_never_overlap(text: str) -> None:
    doc = Document(text)
    context = Context(published=dt.date(2020, 6, 18))
    claimed = [(f.start, f.end) for f in dates.extract(doc, whole(text), context)]
    for fact in numbers.extract(doc, whole(text), context):
        assert not any(s < fact.end and fact.start < e for s, e in claimed), fact.text


@settings(max_examples=100, deadline=None)
@given(low=st.integers(1, 999), width=st.integers(1, 999), hedge=st.sampled_from(
    ["", "at least ", "about ", "nearly "]))
def test_range_forms_agree(low: int, width: int, hedge: str) -> None:
    high = low + width
    forms = [f"They saw {hedge}between {low:,}-{high:,} boats.",
             f"They saw {hedge}between {low:,} and {high:,} boats.",
             f"They saw {hedge}{low:,} to {high:,} boats."]
    values = set()
    for text in forms:
        (fact,) = numbers.extract(Document(text), whole(text), Context())
        values.add(fact.key)
    assert len(values) == 1


@settings(max_examples=150, deadline=None)
@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
       form=st.sampled_from(["{d}.{m}.{y}", "{d:02}.{m:02}.{y}", "{d}-{m}-{y}", "{m}/{d}/{y}",
                             "{y}/{m:02}/{d:02}", "{y}.{m}.{d}"]),
       lead=st.sampled_from(["It happened on ", "Это случилось ", "حدث ذلك في ", "事件发生于"]))
def test_numeric_dates_read_as_one_day_and_never_as_numbers(day: dt.date, form: str,
                                                             lead: str) -> None:
    written = form.format(d=day.day, m=day.month, y=day.year)
    text = f"{lead}{written}."
    doc = Document(text)
    (fact,) = dates.extract(doc, whole(text), Context())
    assert fact.text.endswith(written)
    value = fact.value
    assert value is not None and value.start == value.end and value.granularity == "day"
    assert value.start is not None and value.start.year == day.year
    # Unambiguous forms give the day written; ambiguous ones one of its two readings, always
    # the same one for the same string.
    readings = {(day.month, day.day), (day.day, day.month)}
    assert (value.start.month, value.start.day) in readings
    if day.day > 12 or form.startswith("{y}"):
        assert value.start == day
    (again,) = dates.extract(Document(text), whole(text), Context(published=dt.date(2020, 1, 1)))
    assert again.key == fact.key
    assert numbers.extract(doc, whole(text), Context()) == []


@settings(max_examples=150, deadline=None)
@given(left=TEXT, right=TEXT, published=PUBLISHED, other=PUBLISHED)
def test_pair_hooks_are_total_and_symmetric(left: str, right: str, published: dt.date | None,
                                            other: dt.date | None) -> None:
    for module in (numbers, dates):
        a_facts = module.extract(Document(left), whole(left), Context(published=published))
        b_facts = module.extract(Document(right), whole(right), Context(published=other))
        for a in a_facts[:4]:
            for b in b_facts[:4]:
                assert 0.0 <= module.slot_score(a, b) <= 1.0
                assert module.compatible(a, b) == module.compatible(b, a)
                assert module.explain(a, b)
