"""Readings of quotations and hedges put in another form, found wrong by a review of real pairs.

Pairs written for these tests, after mechanisms seen in real agency copy as outlets reran and
updated it: a quotation turned into reported speech with its words kept, a quotation extended
by a sentence in front, a hedge kept in another verb form beside a new hedged clause, and a
hedged clause read on past its own end. Each test has a pair that must be flagged beside pairs
that must not.
"""

from __future__ import annotations

from tests.factkit import flags


def of_kind(kind: str, found: list[tuple[str, str, str, str, str]]
            ) -> list[tuple[str, str, str, str]]:
    return [(f[1], f[2], f[3], f[4]) for f in found if f[0] == kind]


def test_a_quotation_said_as_reported_speech_loses_nothing() -> None:
    assert flags('Coach Dara Lind said the team "played with real courage" after the match.',
                 "Coach Dara Lind said the team played with real courage after the match.") == []
    # the words changed as well as the marks: the quotation is gone
    assert of_kind("quote", flags(
        'Coach Dara Lind said the team "played with real courage" after the match.',
        "Coach Dara Lind said the team fought hard after the match.")) == [
        ("dropped", "medium", "played with real courage", "")]


def test_a_quotation_extended_in_front_is_the_same_quotation_quoted_longer() -> None:
    found = of_kind("quote", flags(
        'Mayor Ines Corra said: "We will rebuild the school."',
        'Mayor Ines Corra said: "This is a sad day for our town. We will rebuild the school."'))
    assert found == [("changed", "low", "We will rebuild the school.",
                      "This is a sad day for our town. We will rebuild the school.")]
    # another speaker's longer quotation is no form of the mayor's
    found = of_kind("quote", flags(
        'Mayor Ines Corra said: "We will rebuild the school."',
        'Governor Pol Ardent said: "This is a sad day for our town. We will rebuild the '
        'school."'))
    assert ("dropped", "medium", "We will rebuild the school.", "") in found


def test_a_hedge_kept_in_another_verb_form_is_no_hedge_added() -> None:
    original = "The pool was closed for the holiday, which may have prevented injuries."
    found = flags(original, "The pool was closed for the holiday, and injuries may have been "
                            "prevented by that, though the count could rise.")
    assert of_kind("qualifier", found) == []
    # the hedge itself dropped from the same claim is still a change
    found = flags(original, "The pool was closed for the holiday, which prevented injuries.")
    assert [f[:3] for f in of_kind("qualifier", found)] == [("dropped", "medium", "may")]


def test_a_hedged_clause_ends_where_its_sentence_turns() -> None:
    # "could rise, but injuries ..." hedges the count, not the injuries the original states
    assert of_kind("qualifier", flags(
        "Injuries were prevented by the closure.",
        "The count could rise, but injuries were prevented by the closure.")) == []
    # a verb put another way with the hedged words after it: the hedge is lost
    assert [f[:3] for f in of_kind("qualifier", flags(
        "The service could include music and podcasts, the firm said.",
        "The service covers music and podcasts, the firm said."))] == [
        ("dropped", "medium", "could")]


def test_a_place_name_with_lowercase_words_inside_is_one_name() -> None:
    for place in ("Mo i Rana", "Stratford-upon-Avon", "Boulogne-sur-Mer", "Southend-on-Sea"):
        assert of_kind("name", flags(f"The train stopped near {place} on Thursday.",
                                     f"The train stopped near {place} on Thursday.")) == []
        found = of_kind("name", flags(f"The train stopped near {place} on Thursday.",
                                      "The train stopped near Kells on Thursday."))
        assert [f[0] for f in found] == ["changed"] and found[0][2] == place
    # a lowercase word after a hyphen is no part of the name when no name follows it
    assert [f[2] for f in of_kind("name", flags("NATO-backed forces met Ada Varn.",
                                                "Forces met."))] == ["NATO", "Ada Varn"]


def test_a_short_verb_in_its_past_form_is_the_verb() -> None:
    from retold import meaning

    for past, base in (("died", "die"), ("used", "use"), ("owed", "owe")):
        assert meaning.stem(past) == meaning.stem(base)
    # a four-letter word in "-eed" is no past in "-d"
    assert (meaning.stem("need"), meaning.stem("feed")) == ("need", "feed")
    # "died" says what "death" does: no word the original never uses
    assert of_kind("meaning", flags(
        "Three climbers died on the ridge on Tuesday, rescuers said.",
        "The death of three climbers on the ridge on Tuesday was confirmed by rescuers.")) == []


def test_an_event_moved_to_the_day_it_was_reported_is_a_date_changed() -> None:
    import datetime as dt

    day = dt.date(2024, 3, 10)
    event = "A truck hit a footbridge in Dunmore on Friday night, injuring four people, "
    found = of_kind("date", flags(event + "police said Saturday.",
                                  "A truck hit a footbridge in Dunmore on Saturday, injuring four "
                                  "people, according to police.", day))
    assert [f[:4] for f in found] == [("changed", "high", "on Friday", "on Saturday")]
    # the statement's day kept as the statement's: no change
    assert of_kind("date", flags(event + "police said Saturday.",
                                 event + "police told reporters on Saturday.", day)) == []
    # a statement's day told as the day of the news, with no event date to change: the same
    assert flags("The company said Monday it would cut 500 jobs.",
                 "On Monday, the company announced it would cut 500 jobs.", day) == []
