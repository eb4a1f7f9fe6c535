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
