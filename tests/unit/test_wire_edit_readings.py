"""Readings of agency copy as outlets edit it, found wrong by a review of real pairs.

Pairs written for these tests, after mechanisms seen in real copy (AFP, AP, Reuters, PA and
IANS stories as outlets reran, updated and rewrote them): a measure's conversion as a writer
rounds it, a time restated in another zone, datelines without a dash, unnamed public sources
worded freely, an added quotation's own figures, and a headline that shortens its own body.
Each test has a pair that must be flagged beside pairs that must not.
"""

from __future__ import annotations

import datetime as dt

from tests.factkit import flags

DAY = dt.date(2024, 3, 8)


def numbers_of(found: list[tuple[str, str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    return [(f[1], f[2], f[3], f[4]) for f in found if f[0] == "number"]


def test_a_conversion_rounded_as_writers_round_it_is_the_same_measure() -> None:
    for km, miles in (("228 km (140 miles)", "140 miles"), ("50 km", "30 miles"),
                      ("10 km (6.2 miles)", "6.2 miles")):
        assert numbers_of(flags(f"The quake struck {km} north of the capital, officials said.",
                                f"The quake struck {miles} north of the capital, officials "
                                f"said.")) == []
    # another figure is a change, and so is the same figure in another unit
    for km, miles in (("200 km", "100 miles"), ("50 km", "35 miles"), ("10 km", "10 miles")):
        found = numbers_of(flags(f"The quake struck {km} north of the capital, officials said.",
                                 f"The quake struck {miles} north of the capital, officials "
                                 f"said."))
        assert [f[:2] for f in found] == [("changed", "high")]


def test_a_conversion_matched_is_no_other_figure_in_another_unit() -> None:
    found = flags("Officials widened the exclusion zone to 6 km (four miles) from 4 km on Friday.",
                  "Officials widened the exclusion zone to four miles on Friday.")
    assert numbers_of(found) == [("dropped", "medium", "4 km", "")]


def test_a_time_restated_in_another_zone_goes_with_the_time() -> None:
    assert flags("The ferry sank at 9:20 pm (1320 GMT) on Monday, the coast guard said.",
                 "The ferry sank at 9:20 p.m. on Monday, the coast guard said.", DAY) == []
    # a time's own zone changed is a change
    assert ("name", "changed") in [f[:2] for f in flags(
        "The launch is set for 9 a.m. EST on Friday.", "The launch is set for 9 a.m. PST on "
                                                       "Friday.", DAY)]


def test_a_dateline_without_a_dash_is_no_fact() -> None:
    story = "A landslide buried three houses in the village of Ostravin on Tuesday, the " \
            "regional governor said."
    for dateline in ("Tallmere, March 5 ", "Tallmere, Mar 5 (NPA) ", "TALLMERE: "):
        assert flags(story, dateline + story, DAY) == []
    # a place that opens a sentence is a name of the story
    assert ("name", "added") in [f[:2] for f in flags(
        story, "Tallmere was spared. " + story, DAY)]


def test_unnamed_public_sources_worded_otherwise_are_one_source() -> None:
    original = ("Authorities said the bridge was closed shortly after 7 a.m. Police said the "
                "driver was detained at the scene.")
    assert flags(original, "Police said the bridge was closed shortly after 7 a.m. Officers said "
                           "the driver was detained at the scene.", DAY) == []
    found = flags(original, "Witnesses said the bridge was closed shortly after 7 a.m. Police "
                            "said the driver was detained at the scene.", DAY)
    assert [f[:2] for f in found if f[0] == "attribution"] == [("attribution", "changed")]


def test_an_added_quotation_is_one_finding_with_its_figures() -> None:
    original = ("The mayor of Larkfield said two firefighters were hurt on Friday evening. She "
                "said the fire was under control.")
    found = flags(original, original + ' "Our crews have answered 14 calls like this one this '
                                       'year," she said.', DAY)
    assert [f[:2] for f in found if f[0] in ("quote", "number", "date")] == [("quote", "added")]
    # a figure added outside a quotation is listed
    found = flags(original, original + " The crews have answered 14 calls this year.", DAY)
    assert ("number", "added") in [f[:2] for f in found]


def test_a_headline_shortening_its_own_body_changes_nothing() -> None:
    body = ("At least one climber was killed and three were rescued on Mount Keldor on Sunday, "
            "rangers said.")
    assert flags(body, "One killed, three rescued on Mount Keldor\n\n" + body, DAY) == []
    # a headline figure its body does not say is flagged
    assert numbers_of(flags(body, "Two killed, three rescued on Mount Keldor\n\n" + body, DAY)) \
        == [("added", "high", "", "Two")]


def test_a_source_cited_anew_is_its_attribution_not_also_a_name_changed() -> None:
    original = ("Two Tarsford officers were hurt, police said. The Tarsford Police Department "
                "gave no names.")
    found = flags(original, "Two Tarsford officers were hurt, police said. Local station "
                            "WTRS-TV Tarsford reported the names were withheld.", DAY)
    assert [f[:2] for f in found if f[0] in ("attribution", "name")] == [
        ("attribution", "added")]
    # a name changed outside any attribution is listed
    found = flags("The Tarsford Police Department gave no names.",
                  "The Harwick Police Department gave no names.", DAY)
    assert ("name", "changed") in [f[:2] for f in found]


def test_a_noun_denied_with_what_it_is_of_reverses_only_that() -> None:
    original = ("Four students were hurt when a balcony collapsed at a dormitory in Brenville. "
                "Reports said the building was old.")
    found = flags(original, "Four students were hurt when a balcony collapsed at a dormitory "
                            "in Brenville. There were no reports of other casualties.")
    assert not [f for f in found if f[0] == "negation" and f[1] == "changed"]
    # denied with what the original says of it, or bare, it is reversed
    found = flags(original, "Four students were hurt when a balcony collapsed at a dormitory "
                            "in Brenville. There were no reports that the building was old.")
    assert ("negation", "changed", "high") in [f[:3] for f in found]
    assert ("negation", "changed", "high") in [f[:3] for f in flags(
        "The firm reported a profit this year.", "The firm reported no profit this year.")]


def test_others_counts_more_of_the_people_counted_before() -> None:
    original = ("The storm flattened homes across the province, killing at least 20 people. Six "
                "others were killed when a wall fell in the port of Ravel.")
    found = flags(original, "At least 31 people have been killed across the province after the "
                            "storm flattened homes. Six people were killed when a wall fell in "
                            "the port of Ravel.")
    assert numbers_of(found) == [("changed", "high", "at least 20 people", "At least 31 people")]
    found = flags("The storm killed at least 20 people. Six others were hurt.",
                  "The storm killed at least 20 people. Seven people were hurt.")
    assert numbers_of(found) == [("changed", "high", "Six others", "Seven people")]
