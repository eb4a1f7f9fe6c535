from __future__ import annotations

import datetime as dt
import doctest
import re

import pytest

from retold.facts import dates
from retold.facts.base import Context
from retold.model import Document, Fact, Interval, Sentence

PUB = dt.date(2020, 6, 18)  # a Thursday


def sentences_of(text: str) -> list[Sentence]:
    """Split on sentence-final punctuation (a stand-in for the real segmenter)."""
    out: list[Sentence] = []
    for m in re.finditer(r"[^.!?\n]+[.!?]*", text):
        out.append(Sentence(len(out), m.start(), m.end(), m.group(0)))
    return out


def facts(text: str, published: dt.date | None = PUB, assumed: bool = False) -> list[Fact]:
    doc = Document(text)
    found = dates.extract(doc, sentences_of(text), Context(published, assumed))
    for f in found:
        assert doc.text[f.start : f.end] == f.text
    return found


def one(text: str, published: dt.date | None = PUB, assumed: bool = False) -> Fact:
    found = facts(text, published, assumed)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


def span(text: str, published: dt.date | None = PUB) -> tuple[str, str, str]:
    value = one(text, published).value
    assert isinstance(value, Interval) and value.start and value.end
    return value.start.isoformat(), value.end.isoformat(), value.granularity


D = dt.date


# --- resolution ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The treaty was signed on March 3, 2019.", ("2019-03-03", "2019-03-03", "day")),
        ("The treaty was signed on 3 March 2019.", ("2019-03-03", "2019-03-03", "day")),
        ("The treaty was signed on 2019-03-03.", ("2019-03-03", "2019-03-03", "day")),
        ("The dam opened in July 2011.", ("2011-07-01", "2011-07-31", "month")),
        ("The dam opened in 2011.", ("2011-01-01", "2011-12-31", "year")),
        ("The port reopened in April.", ("2020-04-01", "2020-04-30", "month")),
        ("The port reopened in August.", ("2019-08-01", "2019-08-31", "month")),
        ("The port will reopen in August.", ("2020-08-01", "2020-08-31", "month")),
        ("The strike began on Monday.", ("2020-06-15", "2020-06-15", "day")),
        ("The strike began on Thursday.", ("2020-06-18", "2020-06-18", "day")),
        ("The strike began last Thursday.", ("2020-06-11", "2020-06-11", "day")),
        ("The strike will begin on Monday.", ("2020-06-22", "2020-06-22", "day")),
        # The future seen from the past counts before the date; a reporting verb right before
        # the date dates the report.
        ("Crews said the river would peak on Tuesday.", ("2020-06-23", "2020-06-23", "day")),
        ("Talks were due to resume on Monday.", ("2020-06-22", "2020-06-22", "day")),
        ("The minister said on Tuesday he would resign.", ("2020-06-16", "2020-06-16", "day")),
        ("Officials said on Monday they will reopen the port.",
         ("2020-06-15", "2020-06-15", "day")),
        ("The mayor told reporters on Monday the port will reopen.",
         ("2020-06-15", "2020-06-15", "day")),
        ("On Monday the committee will vote.", ("2020-06-22", "2020-06-22", "day")),
        ("The strike began yesterday.", ("2020-06-17", "2020-06-17", "day")),
        ("The strike began today.", ("2020-06-18", "2020-06-18", "day")),
        ("The strike began this week.", ("2020-06-15", "2020-06-21", "week")),
        ("The strike began last week.", ("2020-06-08", "2020-06-14", "week")),
        ("The strike began last month.", ("2020-05-01", "2020-05-31", "month")),
        ("The strike began last year.", ("2019-01-01", "2019-12-31", "year")),
        ("The strike began this year.", ("2020-01-01", "2020-12-31", "year")),
        ("The strike begins next month.", ("2020-07-01", "2020-07-31", "month")),
        ("The strike began last October.", ("2019-10-01", "2019-10-31", "month")),
        ("The strike began last March.", ("2020-03-01", "2020-03-31", "month")),
        ("The strike began last June.", ("2019-06-01", "2019-06-30", "month")),
        ("The strike began in early May.", ("2020-05-01", "2020-05-10", "part-of-month")),
        ("The strike began in mid-May.", ("2020-05-11", "2020-05-20", "part-of-month")),
        ("The strike began in late May.", ("2020-05-21", "2020-05-31", "part-of-month")),
        ("The strike began at the end of May.", ("2020-05-21", "2020-05-31", "part-of-month")),
        ("The strike began at the end of last month.",
         ("2020-05-21", "2020-05-31", "part-of-month")),
        ("The strike began in early 2019.", ("2019-01-01", "2019-04-30", "part-of-year")),
        ("The strike began in late 2019.", ("2019-09-01", "2019-12-31", "part-of-year")),
        ("The strike began earlier this month.", ("2020-06-01", "2020-06-18", "period")),
        ("The strike began three days ago.", ("2020-06-15", "2020-06-15", "day")),
        ("The strike began two years ago.", ("2018-01-01", "2018-12-31", "year")),
        ("The strike began in the 1990s.", ("1990-01-01", "1999-12-31", "decade")),
        ("The strike began last summer.", ("2019-06-01", "2019-08-31", "season")),
        ("The strike lasted from 2014-2017.", ("2014-01-01", "2017-12-31", "period")),
        ("Sales fell in Q2 2019.", ("2019-04-01", "2019-06-30", "part-of-year")),
        # calendar quarters counted from publication (mid-June: the second)
        ("Margins thinned last quarter.", ("2020-01-01", "2020-03-31", "part-of-year")),
        ("Margins thin this quarter.", ("2020-04-01", "2020-06-30", "part-of-year")),
        ("Margins should widen next quarter.", ("2020-07-01", "2020-09-30", "part-of-year")),
        ("Margins were wider in the previous quarter.",
         ("2020-01-01", "2020-03-31", "part-of-year")),
        ("Protests spread over the weekend.", ("2020-06-13", "2020-06-14", "weekend")),
        ("The city grew in the early '90s.", ("1990-01-01", "1993-12-31", "part-of-decade")),
        ("The trial resumes on July 3.", ("2020-07-03", "2020-07-03", "day")),
        ("The trial ended on December 3.", ("2019-12-03", "2019-12-03", "day")),
        ("The trial ended on 3 December.", ("2019-12-03", "2019-12-03", "day")),
    ],
)
def test_resolves(text: str, expected: tuple[str, str, str]) -> None:
    assert span(text) == expected


def test_span_includes_locator_and_part() -> None:
    assert one("Shops shut at the end of last month.").text == "at the end of last month"
    assert one("Shops shut in early May.").text == "in early May"
    assert one("Shops shut since 2016.").text == "2016"


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_possessive_is_found(apostrophe: str) -> None:
    fact = one(f"Last month{apostrophe}s deadly flood hit the coast.")
    assert fact.text == "Last month"
    assert fact.key == "date:2020-05-01/2020-05-31"
    assert fact.role == "flood"


def test_relative_interval_records_reference() -> None:
    value = one("It rained last week.").value
    assert isinstance(value, Interval) and value.relative and value.reference == PUB
    absolute = one("It rained in June 2011.").value
    assert isinstance(absolute, Interval) and not absolute.relative and absolute.reference is None


# --- vague and unresolved --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Attacks have grown in recent months.", "vague:recent months"),
        ("Attacks have grown recently.", "vague:recently"),
        ("Attacks have grown in recent years.", "vague:recent years"),
        ("What we see these days is new.", "vague:these days"),
        ("Nothing like it happened in the past decade.", "vague:recent decade"),
        ("Nothing like it happened over the last decade.", "vague:recent decade"),
        # the recent past however it is put is one vague time
        ("Rates fell in the past few years.", "vague:recent years"),
        ("Rates fell over recent years.", "vague:recent years"),
        ("Rates fell over the last several years.", "vague:recent years"),
        ("Rates will fall in the next few months.", "vague:coming months"),
    ],
)
def test_vague(text: str, key: str) -> None:
    fact = one(text)
    assert fact.key == key
    assert fact.value == Interval(None, None, "vague")


def test_vague_equivalence_needs_the_same_phrase() -> None:
    assert dates.equivalent(one("in recent months"), one("In recent months"))
    assert not dates.equivalent(one("in recent months"), one("recently"))
    assert not dates.equivalent(one("in recent months"), one("last month"))


def test_without_publication_date_relatives_stay_unresolved() -> None:
    a = one("The strike began last month.", None)
    b = one("The strike began last month.", None)
    c = one("The strike began last March.", None)
    assert a.value == Interval(None, None, "relative-unresolved")
    assert a.key.startswith("relative:")
    assert dates.equivalent(a, b) and not dates.equivalent(a, c)


@pytest.mark.parametrize(
    ("a", "b"),
    [("It was signed on 13 February.", "It was signed on February 13th."),
     ("The lead fell since mid August.", "The lead fell since mid-August."),
     ("It may rise by end of the year.", "It may rise by the end of the year."),
     ("Sales rose from the prior year.", "Sales rose from the previous year.")],
)
def test_without_publication_date_two_wordings_of_one_expression_are_equivalent(
        a: str, b: str) -> None:
    assert dates.equivalent(one(a, None), one(b, None))


@pytest.mark.parametrize(
    ("a", "b"),
    [("It began last month.", "It began in May."),
     ("It began on Monday.", "It began on Tuesday."),
     ("It began last week.", "It began last month.")],
)
def test_without_publication_date_different_expressions_stay_different(a: str, b: str) -> None:
    assert not dates.equivalent(one(a, None), one(b, None))
    # Absolute dates still resolve.
    assert one("It opened in June 2011.", None).key == "date:2011-06-01/2011-06-30"


# --- must not find ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May spoke to reporters.",
        "It may rain and they may march.",
        "About 2000 people fled.",
        "Officials said 2000 fighters surrendered.",
        "The crowd was between 2000-3000 strong.",
        "Survivors marked Bloody Sunday.",
        "The Covid-19 crisis deepened.",
        "Prices rose 2020% in a bubble.",
        "The recent protests spread.",
        "",
    ],
)
def test_not_dates(text: str) -> None:
    assert facts(text) == []


def test_non_english_degrades_to_nothing_or_digits() -> None:
    assert facts("اندلعت الاحتجاجات في الشهر الماضي") == []
    assert facts("Протесты начались в прошлом месяце.") == []


def test_date_spans_cover_years_and_days() -> None:
    text = "On June 18, 2020 the council met; in 2013 it had 45 members."
    spans = dates.date_spans(text)
    assert [text[s:e] for s, e in spans] == ["On June 18, 2020", "in 2013"]


# --- equivalence, slots, explanations --------------------------------------------------------


def test_equivalent_across_wordings() -> None:
    assert dates.equivalent(one("It began last month."), one("It began in May."))
    assert dates.equivalent(one("It began in June 2014."), one("It began June 2014."))
    assert not dates.equivalent(one("It began last month."), one("It began last March."))


def test_slot_score_prefers_same_granularity() -> None:
    a = one("It began at the end of last month.")
    same_shape = one("It began at the end of last March.")
    other = one("It began in 2003.")
    assert dates.slot_score(a, same_shape) > dates.slot_score(a, other) > 0
    assert dates.slot_score(a, same_shape) <= 1


def test_explain_moved_date_names_intervals_and_reference() -> None:
    a = one("The message came at the end of last month.")
    b = one("The message came at the end of last March.")
    assert dates.explain(a, b) == (
        "The date moved from late May 2020 ('at the end of last month') to late March 2020 "
        "('at the end of last March'), counting from publication on 18 June 2020."
    )


def test_explain_assumed_reference() -> None:
    a = one("It ended last week.", assumed=True)
    b = one("It ended yesterday.", assumed=True)
    assert "counting from an assumed publication on 18 June 2020" in dates.explain(a, b)


def test_explain_dropped_added_and_vague() -> None:
    a = one("The ban began in June 2011.")
    assert dates.explain(a, None) == \
        "The original's date June 2011 ('in June 2011') is missing from the retelling."
    assert dates.explain(None, a) == \
        "The retelling gives the date June 2011 ('in June 2011'), which the original does not."
    vague = one("It grew in recent months.")
    assert dates.explain(vague, one("It grew recently.")) == \
        "The retelling says 'recently' where the original says 'in recent months'."
    with pytest.raises(ValueError):
        dates.explain(None, None)


def test_humanise() -> None:
    assert dates.humanise(Interval(D(2020, 5, 21), D(2020, 5, 31), "part-of-month")) == \
        "late May 2020"
    assert dates.humanise(Interval(D(2020, 5, 11), D(2020, 5, 20), "part-of-month")) == \
        "mid-May 2020"
    assert dates.humanise(Interval(D(2019, 1, 1), D(2019, 12, 31), "year")) == "2019"
    assert dates.humanise(Interval(D(2020, 6, 15), D(2020, 6, 21), "week")) == "15–21 June 2020"
    assert dates.humanise(Interval(None, None, "vague")) == "an unspecified time"


def test_docstring_examples_run() -> None:
    assert doctest.testmod(dates).failed == 0


# --- numeric dates, non-Latin years, compatibility, references --------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The bridge reopened on 03.05.2021 after repairs.", "2021-05-03"),
        ("The bridge reopened on 3.5.2021 after repairs.", "2021-05-03"),
        ("The bridge reopened on 03-05-2021 after repairs.", "2021-05-03"),
        ("The bridge reopened on 13.05.2021 after repairs.", "2021-05-13"),
        ("The bridge reopened on 05.13.2021 after repairs.", "2021-05-13"),  # forced month-first
        ("The bridge reopened on 5/3/2021 after repairs.", "2021-05-03"),
        ("The bridge reopened on 5/13/2021 after repairs.", "2021-05-13"),
        ("The bridge reopened on 13/5/2021 after repairs.", "2021-05-13"),  # forced day-first
        ("The bridge reopened on 2021/05/03 after repairs.", "2021-05-03"),
        ("The bridge reopened on 2021.5.3 after repairs.", "2021-05-03"),
        ("Мост открыли 03.05.2021 после ремонта.", "2021-05-03"),
        ("أعيد فتح الجسر في 03.05.2021 بعد الإصلاحات", "2021-05-03"),
        ("大桥于2021/05/03重新开放。", "2021-05-03"),
    ],
)
def test_numeric_dates_are_days(text: str, day: str) -> None:
    for published in (PUB, None):
        fact = one(text, published)
        value = fact.value
        assert isinstance(value, Interval)
        assert (value.start, value.end, value.granularity, value.relative) == (
            D.fromisoformat(day), D.fromisoformat(day), "day", False)


def test_ambiguous_numeric_date_is_read_consistently_and_noted() -> None:
    a = one("Talks ended on 04.06.2021 in Vienna.")
    b = one("Talks ended on 04.06.2021 in Vienna.", D(2023, 1, 1))
    assert a.key == b.key == "date:2021-06-04/2021-06-04"
    assert dates.equivalent(a, b)
    assert "day-first" in a.note
    assert "month-first" in one("Talks ended on 4/6/2021 in Vienna.").note
    assert one("Talks ended on 13.06.2021 in Vienna.").note == ""


def test_impossible_numeric_date_is_no_fact() -> None:
    assert facts("Talks ended on 31.02.2021 in Vienna.") == []
    assert facts("Talks ended on 13/13/2021 in Vienna.") == []


@pytest.mark.parametrize(
    "text",
    ["В 2014 году погибли 24 человека.", "在2014年共有108人死亡。", "في عام 2014 قتل 30 شخصا",
     "Война 2014 г. закончилась."],
)
def test_year_marked_in_other_languages(text: str) -> None:
    found = [f for f in facts(text) if f.text == "2014"]
    assert len(found) == 1 and found[0].key == "date:2014-01-01/2014-12-31"


def test_unmarked_year_like_number_in_other_languages_is_left_to_numbers() -> None:
    assert facts("قتل 2000 شخص في الهجوم") == []
    assert facts("共有2000人死亡。") == []
    assert facts("Добавьте 2000 г муки.") == []  # grams: "г" marks a year only as "г."


def test_explain_year_in_other_language_has_no_separator() -> None:
    a, b = one("В 2014 году был мир."), one("В 2015 году был мир.")
    assert dates.explain(a, b) == "The date moved from 2014 ('2014') to 2015 ('2015')."


def test_same_wording_counted_from_two_publication_dates() -> None:
    a = one("Talks failed last month.", D(2024, 6, 18))
    b = one("Talks failed last month.", D(2024, 8, 2))
    assert not dates.equivalent(a, b)
    assert dates.slot_score(a, b) >= 0.85
    assert not dates.compatible(a, b)
    assert dates.explain(a, b) == (
        "The date changed: 'last month' (May 2024, counted from 18 June 2024) became "
        "'last month' (July 2024, counted from 2 August 2024)."
    )
    # Counted from two dates but landing on the same month: the same fact.
    assert dates.equivalent(a, one("Talks failed last month.", D(2024, 6, 30)))


def test_explain_two_references_never_claims_one() -> None:
    a = one("Talks failed last week.", D(2024, 6, 18))
    b = one("Talks failed yesterday.", D(2024, 8, 2), assumed=True)
    text = dates.explain(a, b)
    assert "counted from 18 June 2024" in text
    assert "counted from an assumed publication on 2 August 2024" in text
    assert "counting from" not in text


def test_compatible_when_one_date_contains_the_other() -> None:
    wide = one("Talks failed earlier this month.")
    narrow = one("Talks failed in early June.")
    assert dates.compatible(wide, narrow) and dates.compatible(narrow, wide)
    assert dates.slot_score(wide, narrow) >= 0.5
    assert dates.explain(wide, narrow).startswith(
        "The retelling is more precise: 1–18 June 2020 ('earlier this month') became "
        "early June 2020 ('in early June')")
    assert dates.explain(narrow, wide).startswith("The retelling is less precise:")
    assert dates.compatible(one("Talks failed in 2019."), one("Talks failed in March 2019."))
    assert not dates.compatible(one("Talks failed in May."), one("Talks failed in early June."))


def test_same_words_without_a_publication_date_are_one_date_whatever_the_tense() -> None:
    asked = one("Shall we go cycling at the weekend?", None)
    planned = one("They plan to meet over the weekend.", None)
    assert dates.equivalent(asked, planned) and dates.equivalent(planned, asked)
    # other words are still compared by their shapes, and dated text by its dates
    assert not dates.equivalent(asked, one("They plan to meet next month.", None))
    past = one("They met over the weekend.", dt.date(2024, 6, 12))
    coming = one("They plan to meet over the weekend.", dt.date(2024, 6, 12))
    assert not dates.equivalent(past, coming)


def test_compatible_when_a_side_is_unresolved() -> None:
    a = one("Talks failed last month.", None)
    b = one("Talks failed in May.", None)
    assert dates.compatible(a, b) and dates.slot_score(a, b) >= 0.5
    assert dates.explain(a, b) == ("The dates cannot be compared without publication dates: "
                                   "'last month' became 'in May'.")
    assert dates.compatible(a, one("Talks failed in May 2020.", None))
    assert dates.incomparable(a, b) and dates.incomparable(b, a)
    june = one("Talks failed on 3 June 2020.")
    assert not dates.incomparable(june, one("Talks failed in June 2020."))  # merely narrower
    assert not dates.incomparable(one("Talks failed in May 2020."), june)  # a change
    assert not dates.compatible(one("Talks failed recently."), one("Talks failed last month."))


def test_unresolved_calendar_date_and_words_counted_from_publication_cannot_clash() -> None:
    # With no publication date, "earlier this month" may well hold 11 September: no clash.
    counted = one("A letter came earlier this month.", None)
    calendar_day = one("A letter came on Sept. 11.", None)
    assert dates.compatible(counted, calendar_day) and dates.compatible(calendar_day, counted)
    assert dates.compatible(one("Talks failed last month.", None), one("Talks failed in August.", None))
    # Two calendar dates still compare by the calendar, two counted ones by their shape.
    assert not dates.compatible(one("Talks failed on 9 April.", None), one("Talks failed on 12 April.", None))
    assert not dates.compatible(one("Talks failed last month.", None), one("Talks failed this month.", None))


def test_same_relative_words_under_other_publication_dates_are_compatible() -> None:
    from retold.facts.dates import compatible

    a = facts("The governor spoke on Tuesday.", dt.date(2021, 3, 1))
    b = facts("The governor spoke on Tuesday.", dt.date(2021, 3, 2))
    assert a[0].value != b[0].value and compatible(a[0], b[0])


def test_a_reprint_keeping_relative_words_is_explained_as_such_not_as_precision() -> None:
    a = one("The governor spoke on Tuesday.", dt.date(2021, 3, 1))
    b = one("The governor spoke on Tuesday.", dt.date(2021, 3, 2))
    said = dates.explain(a, b)
    assert "precise" not in said
    assert "a day later" in said and "23 February 2021" in said and "2 March 2021" in said
    # A narrower date is still "more precise".
    wide = one("The strike began this month.")
    narrow = one("The strike began on 3 June 2020.")
    assert dates.explain(wide, narrow).startswith("The retelling is more precise")


# --- AP-style abbreviated months (a KeyError once escaped compare here) ---------------------

@pytest.mark.parametrize("month", ["Jan.", "Feb.", "Aug.", "Sept.", "Sept", "Oct.", "Nov.", "Dec."])
def test_abbreviated_months_resolve_with_a_publication_date(month: str) -> None:
    import retold

    a = f"He spoke after the {month} 11 attacks in New York."
    b = f"He spoke after the {month} 12 attacks in New York."
    c = retold.compare(a, b, original_published="2020-06-18")
    assert [(ch.kind, ch.status) for ch in c.changes if ch.kind != "meaning"] == [
        ("date", "changed")]
    fact = one(a)
    assert fact.value is not None and fact.value.start is not None
    assert fact.value.start.day == 11


def test_a_full_month_before_a_plural_is_still_a_count() -> None:
    facts = dates.extract(Document("In May 10 people died."),
                          [Sentence(0, 0, 22, "In May 10 people died.")],
                          Context(published=dt.date(2020, 6, 18)))
    assert [f.text for f in facts] == ["In May"]


@pytest.mark.parametrize("text, year", [
    # a verb of being after the year: the year is its subject
    ("The outlook for 2026 remains uncertain, the board said.", True),
    ("The outlook for 2023 looks weaker than last year's.", True),
    ("Demand in 2022 stays strong, the firm said.", True),
    # a plural noun, or "remains of", after the figure: a count
    ("Searchers found 2000 remains of soldiers near the river.", False),
    ("The ferry carried 2000 passengers on the route.", False),
])
def test_a_year_before_a_verb_of_being_is_a_year(text: str, year: bool) -> None:
    facts = dates.extract(Document(text), [Sentence(0, 0, len(text), text)], Context())
    assert any(re.search(r"\b(?:19|20)\d\d\b", f.text) for f in facts) == year


@pytest.mark.parametrize("published", ["2021-11-04", None])
@pytest.mark.parametrize("retelling, changed", [
    # the part of last year the sentence speaks of: the third quarter, said another way
    ("Net income rose 9% from the same period of the previous year, the bank said.", False),
    ("Net income rose 9% from the year-ago quarter, the bank said.", False),
    ("Net income rose 9% from the same quarter last year, the bank said.", False),
    # another year, or last year without "the same period", is still a change
    ("Net income rose 9% from the same period in 2017, the bank said.", True),
    ("Net income rose 9% from the same period two years ago, the bank said.", True),
])
def test_the_same_period_last_year_is_any_part_of_last_year(
        published: str | None, retelling: str, changed: bool) -> None:
    import retold

    original = "Net income rose 9% from $2.4bn in the second quarter of last year, the bank said."
    c = retold.compare(original, retelling, original_published=published,
                       retelling_published=published)
    assert bool([ch for ch in c.changes if ch.kind == "date" and ch.status == "changed"]) \
        is changed


def test_last_year_alone_is_less_precise_than_its_third_quarter() -> None:
    import retold

    c = retold.compare("Net income rose 9% from $2.4bn in the second quarter of last year.",
                       "Net income rose 9% from its level of the previous year.",
                       original_published="2021-11-04", retelling_published="2021-11-04")
    assert [ch.detail.split(":")[0] for ch in c.changes if ch.kind == "date"] == [
        "The retelling is less precise"]


@pytest.mark.parametrize("text", ["Sales rose in Q3 2019.", "Sales rose in 3Q19.", "Sales rose in 3Q 2019.",
                                  "Sales rose in Q3'19.", "The 3Q19 results beat forecasts."])
def test_quarter_shorthand_of_earnings_reports(text: str) -> None:
    assert one(text).key == "date:2019-07-01/2019-09-30"


def test_a_bare_digit_quarter_dates_only_after_a_preposition() -> None:
    assert one("Sales rose in 2Q.").key == "date:2020-04-01/2020-06-30"  # the latest begun
    assert facts("Take Route 2Q to the port.") == []


def test_a_digit_quarter_is_a_date_only_in_earnings_copy() -> None:
    assert facts("The novelist wrote 1Q84 in a small flat.") == []
    assert one("Profit fell in Q4'99, the bank said.").key == "date:1999-10-01/1999-12-31"


@pytest.mark.parametrize("text, base", [
    ("Bookings rose 6% from the first half of 2023.", True),
    ("Fares were $4.10, down from $4.60 in the spring of 2021.", True),
    ("Rents averaged €950, up from €900 in the spring and €870 in June 2021.", True),
    ("Turnout was higher than in 2019.", True),
    ("Bookings for the first half of 2024 rose.", False),
    ("Visitors from Ohio came in 2019.", False),  # "from" a place, not a base
    ("Sales rose 5% from a year earlier to $3 billion in 2020.", False),
])
def test_a_date_compared_against(text: str, base: bool) -> None:
    last = facts(text, None)[-1]
    assert (dates.compared_against(text, last) is not None) == base


@pytest.mark.parametrize("text, month", [
    ("Luke says it is July already.", "July"),
    ("It's February, so the lake is frozen.", "February"),
    ("It was March when they met.", "March"),
    # a month that is also a first name, or a name's first word, is left alone
    ("His aunt is June Carter.", None),
    ("She is May, his sister.", None),
    ("What matters now is March's vote.", None),  # a possessive
    ("Its name is March.", None),  # only "it is" asks the time
])
def test_a_month_after_a_copula_is_a_date(text: str, month: str | None) -> None:
    found = [f.text for f in facts(text, None)]
    assert found == ([month] if month else [])


def test_quarters_cross_the_year() -> None:
    assert dates._resolve_rel("last quarter", dt.date(2021, 1, 15)) == (
        dt.date(2020, 10, 1), dt.date(2020, 12, 31), "part-of-year", True)
    assert dates._resolve_rel("next quarter", dt.date(2021, 11, 30)) == (
        dt.date(2022, 1, 1), dt.date(2022, 3, 31), "part-of-year", True)


def test_a_quarter_of_a_game_or_a_city_is_no_date() -> None:
    # a quarter-final, a share, a district: no relative quarter
    for text in ("He played in the quarter-final.", "A quarter of the staff left.",
                 "They live in the old quarter."):
        assert not [f for f in dates.extract(Document(text), [Sentence(0, 0, len(text), text)],
                                             Context(published=dt.date(2020, 6, 18)))]


# --- a week of a month or a year ------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("The fair opens in the first week of April 2025.", ("2025-04-01", "2025-04-07", "part-of-month")),
    ("The fair opens in the second week of April 2025.", ("2025-04-08", "2025-04-14", "part-of-month")),
    ("Talks close in the last weekend of February 2024.", ("2024-02-23", "2024-02-29", "part-of-month")),
    ("The final week of June 2023 was hot.", ("2023-06-24", "2023-06-30", "part-of-month")),
    ("Sales fell in the first week of 2024.", ("2024-01-01", "2024-01-07", "part-of-year")),
])
def test_week_of_a_month_or_year(text: str, expected: tuple[str, str, str]) -> None:
    assert span(text) == expected
    assert len(facts(text)) == 1  # one date: no loose "last weekend" beside the month


def test_weeks_of_one_month_differ_and_hold_in_it() -> None:
    first, last = one("It opens in the first week of May 2025."), one("in the last week of May 2025")
    month = one("It opens in May 2025.")
    assert not dates.equivalent(first, last)
    assert dates.compatible(month, first)  # the narrower date is the month's, told more precisely


@pytest.mark.parametrize("text", ["The first week was hard.", "In the last week, prices fell."])
def test_a_week_of_nothing_is_no_week_of_a_month(text: str) -> None:
    assert all(f.value.granularity not in ("part-of-month", "part-of-year") for f in facts(text))


@pytest.mark.parametrize(("text", "year"), [
    ("Kessel Steel's sales fell in FY21.", 2021),
    ("Kessel Steel's sales fell in FY 2022.", 2022),
    ("Kessel Steel's FY'23 results were weak.", 2023),
])
def test_a_fiscal_year_is_the_year_it_is_named_after(text: str, year: int) -> None:
    assert span(text)[:2] == (f"{year}-01-01", f"{year}-12-31")


def test_fyi_is_no_fiscal_year() -> None:
    assert not facts("The FYI memo went to Dana.")


def test_a_two_digit_fiscal_year_uses_the_short_year_pivot() -> None:
    assert span("Kessel Steel's profit rose in FY99.")[:2] == ("1999-01-01", "1999-12-31")


@pytest.mark.parametrize("text, other", [
    ("Third quarter sales rose.", True),  # a quarter, not the second
    ("Second quarter sales rose.", False),  # may be the very quarter
    ("Sales rose in May.", False),  # a month is no quarter
    ("Sales rose in the third quarter of 2023.", True),
    ("Sales rose in the second quarter of 2024.", False),
])
def test_another_period_of_the_same_kind(text: str, other: bool) -> None:
    (b,) = facts("Sales rose in the second quarter of 2024.", published=None)
    (a,) = facts(text, published=None)
    assert dates.other_period(a, b) is other


@pytest.mark.parametrize("text, coming", [
    ("Tom: are you free at the weekend? Ann: yes.", True),  # a question asks ahead
    ("Tom: can we meet on Friday? Ann: yes.", True),
    ("Tom: did you go out at the weekend? Ann: yes.", False),  # ... unless it asks back
    ("Tom went out at the weekend.", False),
    # a question about what was ("what happened", "who won", "have you seen") asks back
    ("Tom: what happened on Friday? Ann: nothing.", False),
    ("Ann: who won on Saturday? Tom: Harrow.", False),
    ("Ann: have you seen the match on Saturday? Tom: yes.", False),
])
def test_a_question_in_the_present_asks_about_the_coming_day(text: str, coming: bool) -> None:
    # Wednesday 19 June 2024: the coming weekend is 22-23 June, the last 15-16 June
    (f,) = facts(text, published=dt.date(2024, 6, 19))
    assert (f.value.start >= dt.date(2024, 6, 19)) is coming


def test_another_month_written_without_its_year() -> None:
    (april,) = facts("Sales rose in April.", published=None)
    (may,) = facts("Sales rose in May.", published=None)
    (q2,) = facts("Sales rose in the second quarter.", published=None)
    assert dates.other_period(may, april) and dates.other_period(april, may)
    assert not dates.other_period(april, april) and not dates.other_period(q2, april)


def test_a_relative_time_in_title_case_inside_a_sentence_is_a_title() -> None:
    import retold

    c = retold.compare("Vance spoke on Sunday.", 'Vance spoke on Sunday. Hale told ABC\'s "This '
                       'Week" he would stay.')
    assert not [ch for ch in c.changes if ch.kind == "date"]
    opened = retold.compare("The council met.", "This Week the council met.")
    assert [f.text for f in opened.retelling.facts if f.kind == "date"] == ["This Week"]


@pytest.mark.parametrize(("text", "kind"), [
    ("The debate over 2020 census rules grew.", "date"),
    ("Fights over 2024 election rules went on.", "date"),
    ("Over 2000 people came to the square.", "number"),
    ("The county hired more than 2000 election workers.", "number"),
    ("About 2000 votes were cast.", "number"),
])
def test_a_hedged_year_like_number_before_what_a_year_names_is_a_year(text: str,
                                                                      kind: str) -> None:
    import retold

    c = retold.compare(text, text)
    assert [f.kind for f in c.original.facts if f.kind in ("date", "number")] == [kind]


def test_a_relative_time_in_a_headline_in_title_case_is_a_time() -> None:
    import retold

    body = "\n\nBERGEN — The new harbour bridge will open to traffic soon, the council said."
    c = retold.compare("Mayor Hale to Open New Bridge Next Week" + body,
                       "Mayor Hale to Open New Bridge Next Year" + body)
    assert [ch.kind for ch in c.changes] == ["date"]
