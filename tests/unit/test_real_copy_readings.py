"""Readings of real news copy that a review of compare found wrong, each a general mechanism.

Pairs written for these tests, after mechanisms seen in real copy: a person's name and where
the person is from or works read as one name ("Sen. Dana Pell of Ohio", "analyst Tom Reed of
Morgan Stanley"), and a state said as a legislator's party tag ("R-OH", "a Republican of
Nebraska") read as the state dropped. Each test has a pair that must be flagged beside pairs
that must not.
"""

from __future__ import annotations

from retold.facts import names
from tests.factkit import flags


def spans(text: str) -> list[str]:
    return [s.text for s in names.find_spans(text)]


def test_a_person_and_where_they_are_from_are_two_names() -> None:
    assert spans("Sen. Dana Pell of Ohio voted against the bill.") == ["Dana Pell", "Ohio"]
    assert spans("Sales fell, analyst Tom Reed of Morgan Stanley said.") == [
        "Tom Reed", "Morgan Stanley"]
    # an institution or a place a given name opens, a title, one word before "of": one name
    assert spans("The Virginia Department of Health said so.") == [
        "Virginia Department of Health"]
    assert spans("They wrote about Mary Queen of Scots and Catherine of Aragon.") == [
        "Mary Queen of Scots", "Catherine of Aragon"]


def test_a_state_said_as_a_party_tag_is_not_dropped() -> None:
    original = "Sen. Dana Pell of Ohio voted against the bill on Tuesday."
    assert flags(original, "Sen. Dana Pell (R-OH) voted against the bill on Tuesday.") == []
    assert flags(original, "Sen. Dana Pell, R-Ohio, voted against the bill on Tuesday.") == []
    assert flags("Sen. Dana Pell, R-Neb., voted against the bill on Tuesday.",
                 "Sen. Dana Pell, a Republican of Nebraska, voted against the bill on "
                 "Tuesday.") == []
    # another state's tag, or none, leaves the state dropped
    for retelling in ("Sen. Dana Pell (R-Texas) voted against the bill on Tuesday.",
                      "Sen. Dana Pell voted against the bill on Tuesday."):
        assert [f[:2] + f[3:4] for f in flags(original, retelling)] == [
            ("name", "dropped", "Ohio")]


def test_a_person_named_with_another_employer_is_flagged() -> None:
    found = flags("Analyst Tom Reed of Morgan Stanley said sales fell.",
                  "Analyst Tom Reed of Goldman Sachs said sales fell.")
    assert found and all(f[2] == "high" for f in found)
    assert any("Goldman Sachs" in f[4] for f in found)


def test_a_given_name_inside_an_of_name_cuts_nothing() -> None:
    assert spans("A statement from the Church of Jesus Christ of Latter Day Saints came.") == [
        "Church of Jesus Christ of Latter Day Saints"]


def test_a_figure_said_of_another_thing_states_nothing_of_this_one() -> None:
    original = "Two officers were sent to the house on Monday. The suspect fled."
    found = flags(original, "Two officers were sent to the house on Monday. The suspect fled "
                            "with two children.")
    assert [f[:3] + f[4:] for f in found] == [("number", "added", "high", "two children")]
    found = flags("Two officers were sent to the house.",
                  "Two officers were sent to the house. One had served for two years.")
    assert [f[:2] + f[4:] for f in found] == [("number", "added", "two years")]
    # a synonym or a kind of the counted thing is the same figure
    assert flags("More than 200 homes were destroyed, officials said. The storm moved east.",
                 "The storm moved east. Officials said more than 200 houses had been "
                 "destroyed.") == []


def test_a_count_of_the_people_a_list_names_is_stated() -> None:
    original = ("The bodies of Tom Hale, 24, and Ada Lind, 23, were found on a beach on the "
                "island. Police are holding two suspects.")
    numbers_of = [f for f in flags(original, "Police are holding two suspects over the bodies "
                                             "of two tourists found on the island.")
                  if f[0] == "number" and f[1] != "dropped"]
    assert numbers_of == []
    # three counted where the list names two
    found = flags(original, "Police are holding two suspects over the bodies of three "
                            "tourists found on the island.")
    assert [f[:2] + f[4:] for f in found if f[0] == "number" and f[1] != "dropped"] == [
        ("number", "added", "three tourists")]


def test_a_figure_inside_a_name_written_in_lower_case_is_the_name() -> None:
    original = ("The club is two points clear of the League Two relegation places. Its "
                "chairman spoke on Friday.")
    assert flags(original, "the chairman of the league two club spoke on friday.") == []
