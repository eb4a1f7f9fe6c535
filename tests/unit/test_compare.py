"""The pair pipeline end to end on small texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

import retold
from retold.errors import EmptyInput, OptionError

ORIGINAL = (
    "Riverside Gazette | Tom Hale | March 4, 2021\n\n"
    "The bridge closed last month after inspectors found cracks in two of its pillars. "
    "Repairs will cost about $12 million, the transport ministry said."
)


def test_single_sentence_retelling() -> None:
    c = retold.compare(ORIGINAL, "Repairs to the bridge will cost about $15 million.")
    assert len(c.retelling.sentences) == 1
    assert [(ch.kind, ch.status) for ch in c.changes if ch.kind == "number"] == [("number", "changed")]
    assert c.summary.derivation in ("partially", "wholly")


def test_byline_date_is_used_and_flag_wins() -> None:
    c = retold.compare(ORIGINAL, ORIGINAL)
    assert c.original.document.published == dt.date(2021, 3, 4)
    c = retold.compare(ORIGINAL, ORIGINAL, original_published="2021-05-01",
                       retelling_published=dt.date(2021, 5, 2))
    assert c.original.document.published == dt.date(2021, 5, 1)
    assert c.retelling.document.published == dt.date(2021, 5, 2)


def test_borrowed_date_is_noted_and_used() -> None:
    c = retold.compare(ORIGINAL, "The bridge shut down in late January after cracks were found.")
    assert any("unknown" in n and "2021-03-04" in n for n in c.notes)
    dates = [ch for ch in c.changes if ch.kind == "date"]
    assert dates and dates[0].status == "changed"
    assert "February 2021" in dates[0].detail and "January 2021" in dates[0].detail


def test_unknown_dates_are_compared_as_written() -> None:
    text = "The bridge closed last month after inspectors found cracks."
    c = retold.compare(text, "The bridge closed last week after inspectors found cracks.")
    assert any("Neither publication date" in n for n in c.notes)
    assert [ch.kind for ch in c.changes] == ["date"]


def test_non_english_degrades_with_a_note() -> None:
    c = retold.compare("Пожар уничтожил 40 домов в пятницу.", "Пожар уничтожил 14 домов в пятницу.")
    assert any("not in English" in n for n in c.notes)
    assert [(ch.kind, ch.status) for ch in c.changes] == [("number", "changed")]


def test_cross_script_pair_is_unrelated_not_noise() -> None:
    c = retold.compare("The minister resigned on Monday after the vote.",
                       "استقال الوزير يوم الاثنين بعد التصويت.")
    assert c.summary.derivation == "non" and c.changes == ()


def test_errors_are_retold_errors() -> None:
    with pytest.raises(EmptyInput):
        retold.compare("   ", "text")
    with pytest.raises(OptionError):
        retold.compare("a text.", "a text.", original_published="someday")
    with pytest.raises(TypeError):
        retold.compare(b"bytes", "text")  # type: ignore[arg-type]


def test_relation_labels() -> None:
    c = retold.compare(
        "Police arrested 12 people. The march was peaceful. Organisers praised the turnout.",
        "Police arrested 21 people. The march was peaceful. The organisers praised turnout.",
        original_published="2021-01-01", retelling_published="2021-01-01",
    )
    relations = [p.relation for p in c.pairs]
    assert relations == ["changed", "verbatim", "paraphrase"]


def test_common_words_and_spelled_out_acronyms_are_not_name_changes() -> None:
    c = retold.compare(
        "Schools will stay closed. The militants used IED attacks against the convoy.",
        "Officials said schools will stay closed. The militants used improvised explosive "
        "devices against the convoy.",
        original_published="2021-01-01", retelling_published="2021-01-01",
    )
    assert not [ch for ch in c.changes if ch.kind == "name"], c.changes


@pytest.mark.parametrize(
    ("original", "retelling"),
    [
        ("Unemployment fell to 4 percent from 5 percent in March.",
         "Unemployment fell to 5 percent from 4 percent in March."),
        ("The police said 3 people died and 12 were injured in the crash.",
         "The police said 12 people died and 3 were injured in the crash."),
    ],
)
def test_swapped_figures_are_changes(original: str, retelling: str) -> None:
    c = retold.compare(original, retelling, original_published="2021-04-02",
                       retelling_published="2021-04-02")
    swaps = [ch for ch in c.changes if ch.kind == "number" and ch.status == "changed"]
    assert len(swaps) == 2 and all("traded places" in ch.detail for ch in swaps)
    assert c.pairs[0].relation == "changed"


def test_reordered_figures_are_not_swaps() -> None:
    c = retold.compare("The police said 3 people died and 12 were injured in the crash.",
                       "In the crash 12 were injured and 3 people died, the police said.",
                       original_published="2021-04-02", retelling_published="2021-04-02")
    assert not [ch for ch in c.changes if ch.kind == "number"]


def test_headline_repeating_a_figure_does_not_hide_a_dropped_hedge() -> None:
    c = retold.compare(
        "Floods kill 34\n\nThe floods killed at least 34 people and displaced about 12,000.",
        "The floods killed 34 people and displaced 12,000.",
        original_published="2021-04-02", retelling_published="2021-04-02")
    numbers = [(ch.status, ch.original.text if ch.original else None,
                ch.retelling.text if ch.retelling else None)
               for ch in c.changes if ch.kind == "number"]
    assert len(numbers) == 2 and all(status == "changed" for status, _, _ in numbers), numbers


def test_currency_change_is_one_change_and_not_verbatim() -> None:
    c = retold.compare("The company paid $5 billion for the mine.",
                       "The company paid €5 billion for the mine.",
                       original_published="2021-04-02", retelling_published="2021-04-02")
    assert [(ch.kind, ch.status) for ch in c.changes] == [("number", "changed")]
    assert c.pairs[0].relation == "changed"


def test_borrowed_date_note_only_when_relative_dates_exist() -> None:
    c = retold.compare(ORIGINAL, "Repairs to the bridge will cost about $12 million.")
    assert not any("unknown" in n for n in c.notes)


_STRIKE = ("Tram drivers in Lisbon walked off the job on Monday, the transport company said. "
           "Talks with the unions will resume next week.")


def test_an_added_quotation_is_one_change_not_also_its_speaker() -> None:
    fuller = _STRIKE + ('\n\n"We have waited too long for a fair raise," Ana Costa, a leader of the '
                        "drivers' union, said in a statement on Monday.")
    kinds = [(c.kind, c.status) for c in retold.compare(_STRIKE, fuller).changes
             if c.kind != "meaning"]
    assert kinds == [("quote", "added")]


def test_a_name_the_added_quotation_says_is_still_listed() -> None:
    fuller = _STRIKE + ('\n\nThe union said: "Carris broke its promise to Ana Costa," and walked '
                        "out.")
    changes = retold.compare(_STRIKE, fuller).changes
    assert ("quote", "added") in [(c.kind, c.status) for c in changes]
    assert any(c.kind == "name" and c.retelling is not None and "Ana Costa" in c.retelling.text
               for c in changes)


def test_a_byline_date_is_no_date_of_the_story() -> None:
    body = "Tram drivers in Lisbon walked off the job on Monday, halting 14 lines."
    dated = f"Tram drivers strike\n\nBy The Associated Press\n\nJune 3, 2019\n\n{body}"
    plain = f"Tram drivers strike\n\nBy The Associated Press\n\n{body} The strike ends on June 5, 2019."
    kinds = [(c.kind, c.status, (c.retelling or c.original).text)
             for c in retold.compare(plain, dated).changes if c.kind == "date"]
    assert kinds == [("date", "dropped", "on June 5, 2019")]


def test_the_outlets_own_headline_yields_no_meaning_words() -> None:
    body = ("Tram drivers in Lisbon walked off the job on Monday, halting 14 lines.\n\n"
            "Talks with the unions will resume next week, the company said.")
    headed = "Furious drivers paralyse chaotic capital\n\n" + body
    words = [c.retelling.text for c in retold.compare(body, headed).changes
             if c.kind == "meaning" and c.retelling is not None]
    assert not {"Furious", "paralyse", "chaotic"} & set(words)


def test_only_figures_that_could_fill_each_others_slot_trade_places() -> None:
    from retold.diff import _could_trade

    def figures(text: str) -> list:
        return [f for f in retold.compare(text, text).original.facts if f.kind == "number"]

    sum_, weeks = figures("Clinics pay $480 a month for two weeks.")
    assert not _could_trade(sum_, weeks)
    people, cars = figures("Police said 3 people and 5 cars were hit.")
    assert _could_trade(people, cars)
    month, year = figures("Rent is $900 a month, or $10,000 a year.")
    assert not _could_trade(month, year)
