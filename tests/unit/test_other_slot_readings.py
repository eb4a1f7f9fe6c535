"""Facts of another slot that the original never speaks of: a figure counted in a place the
original never names is new, not a changed figure of another place. Found by the eighth and
ninth reviews of real copy (a region's toll read against one district's).

Pairs written for these tests, after mechanisms seen in real copy. Each test has what must be
flagged beside what must not.
"""

from __future__ import annotations

import retold


def flags(original: str, retelling: str) -> list[tuple[str, str, str, str]]:
    return [(c.kind, c.status, c.original.text if c.original else "",
             c.retelling.text if c.retelling else "")
            for c in retold.compare(original, retelling).changes]


FLOOD = ("The death toll from the floods in Marren and Tolvik has continued to rise.\n\n"
         "At least 2,140 deaths have been reported in Marren, while 812 people have died in "
         "Tolvik. The toll is likely to keep rising.")
UPDATE = ("The death toll from the floods in Marren and Tolvik has continued to rise.\n\n"
          "At least 2,140 deaths have been reported in Marren. The toll is likely to keep rising.")


def test_a_count_in_a_place_the_original_never_names_is_added_not_changed() -> None:
    retelling = UPDATE + "\n\nThe governor said 790 people have died in the Ossen valley of Tolvik alone."
    found = flags(FLOOD, retelling)
    assert ("number", "added", "", "790 people") in found
    assert not any(kind == "number" and status == "changed" for kind, status, _o, _r in found)


def test_a_count_in_a_place_the_original_names_is_still_compared() -> None:
    # the original counts Tolvik's dead; the retelling's other figure for Tolvik is a change
    retelling = UPDATE + "\n\nThe governor said 790 people have died in Tolvik."
    found = flags(FLOOD, retelling)
    assert ("number", "changed", "812 people", "790 people") in found


def test_the_day_of_a_statement_is_not_the_day_of_the_event() -> None:
    original = ("VARNO - Storm Ilse caused at least 14 deaths as it crossed the port of Varno, "
                "officials said Thursday.")
    retelling = "Storm Ilse battered the port of Varno on Wednesday, leaving 14 people dead."
    found = flags(original, retelling)
    # the retelling dates the storm, which the original does not; it moved no date
    assert ("date", "added", "", "on Wednesday") in found
    assert not any(kind == "date" and status == "changed" for kind, status, _o, _r in found)
    # a statement dated otherwise is still a changed date, and so is the day of an update
    # the other passage reports in other words
    assert ("date", "changed", "Thursday", "Friday") in flags(
        original, original.replace("Thursday", "Friday"))
    update = ("The agency made the announcement in its Tuesday afternoon update, with its head "
              "Ana Lind saying 158 people had died.")
    assert ("date", "changed", "Tuesday", "Wednesday") in flags(
        update, "Ana Lind announced Wednesday in her latest update that 225 people had died.")


def test_an_exact_count_keeps_the_bound_it_meets() -> None:
    original = ("Storm Ilse caused at least 14 deaths in Varno. The interior minister said 14 "
                "people were dead and two were missing.")
    retelling = ("Storm Ilse battered Varno. The interior minister said 14 people were dead and "
                 "two were missing.")
    assert not any(kind == "number" for kind, *_rest in flags(original, retelling))
    # a count the exact one does not meet is still lost
    assert ("number", "dropped", "at least 40 deaths", "") in flags(
        original.replace("at least 14", "at least 40"), retelling)


def test_a_date_of_another_event_in_the_evidence_is_no_rival() -> None:
    original = ("Two marchers died in similar protests in Orvel last week. Thousands marched "
                "again on Tuesday.")
    retelling = ("Thousands marched again in Orvel on Tuesday. The governor is expected to sign "
                 "the bill this week.")
    found = flags(original, retelling)
    assert ("date", "added", "", "this week") in found
    assert not any(kind == "date" and status == "changed" for kind, status, _o, _r in found)
    # the same event dated otherwise is a change
    assert ("date", "changed", "on Tuesday", "on Monday") in flags(
        original, retelling.replace("on Tuesday", "on Monday"))


def test_the_base_of_a_comparison_is_not_the_figure_reached() -> None:
    original = "Harlow Freight posted earnings per share of $1.76 for the quarter."
    retelling = ("Harlow Freight's earnings per share rose 37% to $1.80 for the quarter, up from "
                 "$1.31 a year earlier.")
    found = flags(original, retelling)
    assert ("number", "changed", "$1.76", "$1.80") in found
    # the year-earlier figure is no second value of the quarter's
    assert not any(o == "$1.76" and r == "$1.31" for _k, _s, o, r in found)


def test_changes_of_two_things_are_two_slots() -> None:
    original = "Shares in Harlow Freight jumped 6% after the company reported its results."
    retelling = "Harlow Freight revenue increased 5.6% after the company reported its results."
    found = flags(original, retelling)
    assert ("number", "added", "", "increased 5.6%") in found
    assert not any(status == "changed" for _k, status, _o, _r in found)
    # the shares' move told otherwise is a change
    assert ("number", "changed", "jumped 6%", "rose 9%") in flags(
        original, "Harlow Freight shares rose 9% after the company reported its results.")


def test_a_count_restated_in_brackets_keeps_the_verb_before_it() -> None:
    original = ("The agency said 158 people have died in Harlow alone. Elsewhere the cyclone "
                "struck farms.")
    retelling = ("The agency said the cyclone has displaced 19,676 households (about 88,312 "
                 "people). Elsewhere the cyclone struck farms.")
    found = flags(original, retelling)
    # the displaced are no new count of the dead
    assert not any(kind == "number" and status == "changed" for kind, status, _o, _r in found)
    assert ("number", "added", "", "about 88,312 people") in found
    # the dead counted otherwise are a change
    assert ("number", "changed", "158 people", "160 people") in flags(
        original, original.replace("158 people", "160 people"))


def test_a_date_told_in_other_words_is_still_the_same_event() -> None:
    # the summary's sentence shares only a name with the original's: the same event, moved
    original = ("Traffic through Hallam was diverted to the ring road after the old wooden bridge "
                "collapsed on Tuesday. Repairs will take a year, the county council said. Local "
                "shops say trade has fallen since the closure.")
    summary = "The ageing timber span in Hallam gave way on Wednesday, and fixing it will take a year."
    c = retold.compare(original, summary)
    assert [v.verdict for v in c.verdicts] == ["contradicts"]
    assert ("date", "changed") in [(ch.kind, ch.status) for ch in c.changes]


def test_a_statement_cannot_tell_of_a_later_day() -> None:
    dated = {"original_published": "2024-05-10", "retelling_published": "2024-05-10"}
    c = retold.compare("The minister resigned, his office said Thursday.",
                       "The minister resigned on Friday.", **dated)
    assert ("date", "changed") in [(ch.kind, ch.status) for ch in c.changes]


def test_a_bare_from_is_no_base_and_one_measure_has_many_names() -> None:
    found = flags("Delegates of 40 countries met in Orvel on Monday to discuss the treaty.",
                  "Delegates from 45 countries met in Orvel on Monday to discuss the treaty.")
    assert ("number", "changed", "40 countries", "45 countries") in found
    for original, retelling in (
            ("Harlow Freight said profit rose 5% in the quarter, helped by strong demand.",
             "Harlow Freight said earnings rose 7% in the quarter, helped by strong demand."),
            ("Car sales in the region fell 3% last year.",
             "Sales of cars in the region fell 4% last year.")):
        assert [(k, s) for k, s, _o, _r in flags(original, retelling)] == [("number", "changed")]
