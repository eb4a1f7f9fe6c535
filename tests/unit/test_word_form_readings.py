"""Words that share a stem but not a meaning, and other readings an eleventh review of real
copy asked for: "nearly" (almost) is no form of "near", "hardly" none of "hard".

Pairs written for these tests, after mechanisms seen in real copy. Each test has what must be
flagged beside what must not.
"""

from __future__ import annotations

import retold


def flags(original: str, retelling: str) -> list[tuple[str, str, str]]:
    return [(c.kind, c.status, c.retelling.text if c.retelling else "")
            for c in retold.compare(original, retelling).changes]


def test_an_adverb_of_degree_is_not_the_opposite_of_its_stem() -> None:
    original = ("Ardent forecast revenue above targets on Wednesday, helped by demand for chips "
                "that power nearly all of the region's banks.")
    retelling = ("Ardent far exceeded expectations with its revenue forecast on Wednesday as "
                 "demand for its chips grew.")
    assert not any(kind == "negation" for kind, _s, _r in flags(original, retelling))
    assert not any(kind == "negation" for kind, _s, _r in flags(
        "The search could hardly go on, rescuers said on Monday.",
        "The search was soft and could go on, rescuers said on Monday."))
    # the word itself is still the opposite
    assert ("negation", "changed", "far") in flags(
        "The camp lies near the border, officials said.",
        "The camp lies far from the border, officials said.")


def test_a_source_credited_in_other_words_is_the_originals_own() -> None:
    original = ("Brellis forecast revenue of about $8 billion on Wednesday. Analysts polled by "
                "Marlow Data on average had expected $7.1 billion.")
    retelling = ("Brellis forecast revenue of about $8 billion on Wednesday. It also reported a "
                 "loss of $2.61 per share, according to Marlow Data.")
    found = flags(original, retelling)
    assert not any(kind == "attribution" for kind, _s, _r in found)
    assert ("number", "added", "$2.61") in found
    # a source the original never names is still one added
    assert any(kind == "attribution" for kind, _s, _r in flags(
        original, retelling.replace("Marlow Data", "Kessel Research")))


def test_a_company_reporting_its_results_is_no_source() -> None:
    original = "Brellis forecast revenue of about $8 billion on Wednesday."
    retelling = ("Brellis forecast revenue of about $8 billion on Wednesday. Brellis reported "
                 "earnings of $2.61 per share.")
    found = flags(original, retelling)
    assert not any(kind == "attribution" for kind, _s, _r in found)
    assert ("number", "added", "$2.61") in found
    # a company that reports what someone else did is still a source
    assert any(kind == "attribution" for kind, _s, _r in flags(
        "Sales of the drug fell on Wednesday.",
        "Sales of the drug fell on Wednesday, Brellis reported."))


def test_one_paper_by_two_names_is_one_source() -> None:
    original = ("Stronger doses of Corvane cut strokes by 16 percent, according to a review "
                "published on Tuesday.")
    found = flags(original, "Stronger doses of Corvane cut strokes by 16%, the study said.")
    assert not any(kind == "attribution" for kind, _s, _r in found)
    # a poll is not the study
    assert any(kind == "attribution" for kind, _s, _r in flags(
        original, "Stronger doses of Corvane cut strokes by 16%, the ministry said."))


def test_a_share_is_no_rival_of_a_sum_of_money() -> None:
    original = ("Brellis forecast revenue of about $8 billion, plus or minus 2%. Analysts had "
                "expected $7.1 billion.")
    retelling = ("Brellis forecast revenue of about $8 billion, above the $7.1 billion analysts "
                 "expected. It reported earnings of $2.61 per share, above the anticipated "
                 "$2.04 per share.")
    found = flags(original, retelling)
    assert not any(status == "changed" for _k, status, _r in found)
    assert ("number", "added", "$2.04") in found
    # a share against a share still is a change
    assert ("number", "changed", "3%") in flags(original, original.replace("2%", "3%"))


def test_estimates_of_a_figure_is_the_estimated_figure() -> None:
    original = "Revenue was $4.2 billion, compared to estimates of $3.9 billion."
    assert flags(original, "Revenue was $4.2 billion, compared to the estimated $3.9 "
                           "billion.") == []
    assert ("number", "changed", "estimates of $3.5 billion") in flags(
        original, "Revenue was $4.2 billion, compared to estimates of $3.5 billion.")


def test_the_two_rivals_refer_back_to_what_the_other_side_still_names() -> None:
    original = ("Pakistan lost the final by six wickets, the third defeat in a row between the "
                "two Asian rivals.")
    assert flags(original, original.replace("the two Asian rivals",
                                            "the fierce Asian rivals")) == []
    # a count the retelling gives otherwise is a change; one it leaves out with its noun too
    assert ("number", "changed", "three Asian rivals") in flags(
        original, original.replace("two Asian", "three Asian"))
    assert any(kind == "number" for kind, _s, _r in flags(
        "Two children were found in the river on Monday.",
        "The children were found in the river on Monday."))


def test_a_denial_in_other_words_is_the_same_denial() -> None:
    original = ("Mayor Ola Berg said the strike hasn't ended.\n\nHe bemoaned the damage the "
                "strike had done to the town.")
    assert flags(original, original.replace("hasn't ended", "isn't finished")) == []
    # the strike said to be over reverses it
    assert any(kind == "negation" for kind, _s, _r in flags(
        original, original.replace("hasn't ended", "has ended")))


def test_the_particle_of_a_phrasal_verb_has_no_opposite_of_its_own() -> None:
    original = ('Ada Lund, the former mayor, died on Monday at her home in Brekka. "She was our '
                'strongest voice," the council said.')
    assert flags(original, "Ada Lund passed away\n" + original) == []
    # "away" as a place still reverses "at home"
    assert any(kind == "negation" for kind, _s, _r in flags(
        "The team played at home on Sunday and won.",
        "The team played away on Sunday and won."))
