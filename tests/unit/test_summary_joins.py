"""A summary sentence that joins two names its article keeps apart claims what the article never
says ("Ortiz opened a clinic in Port Avila" where Port Avila comes up only in an aside on ferries).

An article written for these tests: ten sentences in the third person, Lena Ortiz and her clinic
at the start, a storm warning and a ferry to Port Avila at the end.
"""

from __future__ import annotations

import retold

SENTENCES = (
    "Lena Ortiz spent six years raising money for a new clinic.",
    "The clinic will treat children from the valley's farming villages.",
    "Builders finished the roof in March after long delays.",
    "Nurses from the old health post will move into the new wards.",
    "The clinic has two operating rooms and a small laboratory.",
    "Volunteers painted the waiting room in bright colours.",
    "Parents said the nearest hospital had been a day's drive away.",
    "The Coastal Survey warned of more storms this autumn.",
    "Separately, a ferry service to Port Avila was cancelled because of high winds.",
    "Farmers in the valley said the rain had ruined part of the harvest.",
)
ARTICLE = " ".join(SENTENCES)


def joins(summary: str, article: str = ARTICLE) -> list[str]:
    """The names each change of this kind puts together ("... never in the same or a nearby
    sentence ...")."""
    return [c.retelling.text for c in retold.compare(article, summary).changes
            if c.kind == "name" and "never in the same or a nearby sentence" in c.detail]


def test_two_names_the_article_keeps_apart_are_joined_by_the_summary() -> None:
    assert joins("Lena Ortiz opened a new clinic in Port Avila.") == ["Port Avila"]
    assert joins("The Coastal Survey gave Lena Ortiz money for a new clinic.") == ["Lena Ortiz"]
    c = retold.compare(ARTICLE, "Lena Ortiz opened a new clinic in Port Avila.")
    change = next(x for x in c.changes if x.kind == "name" and x.status == "changed")
    assert change.grounding == "unsupported" and change.severity == "medium"
    assert len(change.evidence) == 2  # the two sentences that name them, apart
    # the offsets slice back to what they claim
    assert c.retelling.document.text[change.retelling.start:change.retelling.end] == "Port Avila"
    assert [v.verdict for v in c.verdicts] == ["adds-unsupported"]


def test_names_the_article_puts_together_or_the_summary_keeps_apart_are_not_joined() -> None:
    # neighbouring sentences of the article
    assert joins("The Coastal Survey warned of storms that cancelled the ferry to Port Avila.") == []
    # a first name alone may be anyone's
    assert joins("Lena raised money for a clinic near Port Avila.") == []
    # the speaker of a claim is told of it, not joined to the names in it
    assert joins("A ferry to Port Avila was cancelled, the Coastal Survey has said.") == []
    # names far apart in a long sentence make no one claim
    assert joins("Lena Ortiz spent six years raising money for a new clinic, and separately a "
                 "ferry service to Port Avila was cancelled.") == []


def test_only_a_summary_of_a_long_report_keeps_names_apart() -> None:
    # a short article is one scene
    assert joins("Lena Ortiz opened a clinic in Port Avila.",
                 "Lena Ortiz built a clinic. Schools helped. A ferry to Port Avila was "
                 "cancelled.") == []
    # a retelling as long as its original retells it sentence by sentence
    rewrite = ARTICLE.replace("Lena Ortiz spent six years raising money for a new clinic.",
                              "Lena Ortiz of Port Avila spent six years raising money for a "
                              "new clinic.")
    assert joins(rewrite) == []
    # a text in its own voice ties what it mentions to its writer
    letter = " ".join(["Hi Sam, my name is Dana Reyes and I lead sales at Vantor Labs."]
                      + [f"I wanted to tell you about point {k} of our plan." for k in range(8)]
                      + ["Our newest tool is Vantor Sync, and we think you will like it."])
    assert joins("Dana Reyes of Vantor Labs introduces Vantor Sync.", letter) == []


def test_a_single_word_of_an_institution_s_name_is_no_mention_of_it() -> None:
    sentences = (
        "The Bank of Norland raised its main interest rate to 5.25% on Thursday.",
        "It was the fourteenth rise in a row.", "The governor said inflation was too high.",
        "Markets had expected the move.", "Lenders said they would pass the rise on.",
        "House prices have fallen for five months.",
        "Heavy rain flooded roads across the north of Norland on Thursday.",
        "In Tarvik, firefighters rescued 40 people from cars.",
        "Forecasters said more rain was due at the weekend.",
    )
    report = " ".join(sentences)
    assert joins("The Bank of Norland raised rates as Tarvik firefighters rescued 40 people.",
                 report) == ["Tarvik"]
