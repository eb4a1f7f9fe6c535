"""Checking a summary against its article: reporting clauses, dates moved between slots, figure
shorthand, negating verbs and prefixes. Pairs written here, each with what must and what must
not be flagged."""

from __future__ import annotations

import pytest

import retold
from retold import lexicon, meaning
from retold.facts import dates, numbers
from retold.facts.base import Context
from retold.model import Document, Sentence

needs_wordnet = pytest.mark.skipif(not lexicon.available(), reason="WordNet data not installed")

CHAT = (
    "Maya: can you recommend a good jazz album? . Tom: why? . Maya: I want to learn to cook "
    "with music on . Tom: try Kind of Blue by Miles Davis . Maya: thanks, I will . "
    "Tom: it is calm and easy to follow . Maya: perfect"
)


def flags(original: str, retelling: str, *, kinds: tuple[str, ...] = (
        "number", "date", "name", "negation")) -> set[tuple[str, str]]:
    c = retold.compare(original, retelling)
    return {(ch.kind, ch.retelling.text) for ch in c.changes
            if ch.kind in kinds and ch.status in ("changed", "added") and ch.retelling}


def facts(text: str, module: object) -> list[tuple[str, str]]:
    doc = Document(text)
    sentence = [Sentence(0, 0, len(text), text)]
    return [(f.text, f.key) for f in module.extract(doc, sentence, Context())]  # type: ignore[attr-defined]


# -- a name after a reporting verb ------------------------------------------------------------

def test_name_a_verb_suggests_is_a_fact_of_its_own() -> None:
    found = flags(CHAT, "Maya asks for a jazz album and Tom recommends Chet Baker.")
    assert ("name", "Chet Baker") in found


def test_name_the_original_gives_after_a_reporting_verb_is_not_flagged() -> None:
    found = flags(CHAT, "Maya asks for a jazz album and Tom suggests Miles Davis.")
    assert not any(kind == "name" for kind, _t in found)


def test_addressee_after_told_stays_part_of_the_reporting_clause() -> None:
    found = flags("The minister resigned on Monday.",
                  "The minister resigned on Monday, he told the BBC.", kinds=("name",))
    assert ("name", "BBC") not in found


# -- dates: quarters, and a date the original states elsewhere ---------------------------------

def test_ordinal_quarter_before_a_year_is_a_quarter() -> None:
    for text in ("Third quarter 2022 profit fell.", "Third-quarter 2022 profit fell.",
                 "The fourth quarter 2021 results were strong."):
        found = facts(text, dates)
        assert len(found) == 1 and found[0][1] in (
            "date:2022-07-01/2022-09-30", "date:2021-10-01/2021-12-31"), found


def test_an_ordinal_quarter_alone_is_the_quarter_q_names() -> None:
    # "the third quarter" is "Q3": the most recent third quarter, unresolved without a date
    for text in ("In the third quarter, sales rose.", "Third-quarter sales rose."):
        assert [key for _t, key in facts(text, dates)] == [
            key for _t, key in facts("Sales rose in Q3.", dates)], text
    # "a quarter of", and a quarter "of" something else (a match), are no dates
    assert facts("A quarter of the staff left.", dates) == []
    assert facts("Lind missed the third quarter of the match.", dates) == []


def test_an_ordinal_quarter_swapped_is_a_changed_date() -> None:
    original = "Kessel Steel said margins widened in the third quarter. Orders were steady."
    assert ("date", "in the first quarter") in flags(
        original, "Kessel Steel said margins widened in the first quarter.")
    assert not flags(original, "Kessel Steel said margins widened in Q3.")


def test_a_season_counted_from_the_date_of_writing_is_a_date() -> None:
    original = "Lind scored 20 goals last season for the Oslo Lions. The club finished third."
    assert ("date", "this season") in flags(
        original, "Lind scored 20 goals this season for the Oslo Lions.")
    assert not flags(original, "Lind scored 20 goals in the previous season for the Oslo Lions.")
    # a season named by its years cannot be dated against one counted from the writing
    c = retold.compare("Lind scored 20 goals for the Oslo Lions in 2014-15.",
                       "Lind scored 20 goals last season for the Oslo Lions.")
    assert [ch.severity for ch in c.changes if ch.kind == "date"] == ["low"]
    assert facts("The season opener is at home.", dates) == []


@pytest.mark.parametrize("original, retelling, found", [
    # a holiday is the day it falls on: another holiday is another day, once (no name change)
    ("The fire at the Dunmore depot broke out on Christmas Eve.",
     "The fire at the Dunmore depot broke out on Christmas Day.", [("date", "on Christmas Day")]),
    ("The shop in Dunmore reopened on Boxing Day.",
     "The shop in Dunmore reopened on New Year's Day.", [("date", "on New Year's Day")]),
    # the same day written as a date, with or without its year
    ("The fire at the Dunmore depot broke out on Christmas Day.",
     "The fire at the Dunmore depot broke out on 25 December.", []),
    ("Tomas Berg married Ana Lind on New Year's Eve, 2015, in Oslo.",
     "Tomas Berg married Ana Lind on 31 December 2015 in Oslo.", []),
    # an attribute of a thing, not a day
    ("The Christmas market in Oslo opened early.", "The Christmas market in Oslo opened late.",
     []),
])
def test_a_fixed_date_holiday_is_the_day_it_names(original: str, retelling: str,
                                                  found: list[tuple[str, str]]) -> None:
    c = retold.compare(original, retelling)
    assert [(ch.kind, ch.retelling.text) for ch in c.changes
            if ch.status == "changed" and ch.retelling and ch.kind in ("date", "name")] == found
    assert not [ch for ch in c.changes if ch.kind == "name"]


def test_last_year_and_next_year_are_not_one_calendar_span() -> None:
    # unresolved both, they move with the publication date apart: never the same year
    original = "Net profit fell in the second quarter compared with last year. Orders rose."
    def grounded(summary: str) -> list[str]:
        return [g.status for g in retold.compare(original, summary).grounding
                if g.kind == "date"]
    assert grounded("Net profit fell compared to next year.") == ["contradicted"]
    assert grounded("Net profit fell, set against the previous year.") == ["supported"]


REPORT = (
    "Revenue in the third quarter of 2022 was $40 million, up from $31 million in the second "
    "quarter of 2022. We expect the new plant to run at full speed for the remainder of 2023. "
    "Margins widened 4% against the first quarter of 2019, before the pandemic."
)


def test_date_stated_elsewhere_is_not_a_change_of_its_loose_partner() -> None:
    found = flags(REPORT, "The plant should run at full speed for the rest of 2023, and margins "
                          "widened 4% compared with before the pandemic.", kinds=("date",))
    assert ("date", "2023") not in found


def test_date_swapped_in_its_own_slot_is_still_flagged() -> None:
    original = ("Revenue in the third quarter of 2022 was $40 million. Costs in the second "
                "quarter of 2022 were $31 million. The plant will run at full speed in 2023.")
    found = flags(original, "Revenue in the second quarter of 2022 was $40 million.",
                  kinds=("date",))
    assert ("date", "in the second quarter of 2022") in found
    found = flags(original, "The plant should run at full speed in 2022.", kinds=("date",))
    assert ("date", "in 2022") in found


def test_quarter_the_original_states_without_of_supports_the_summary() -> None:
    original = ("Third quarter 2022 profit came to $0.52 a share, against $0.41 in the second "
                "quarter of 2022.")
    found = flags(original, "Profit a share in the third quarter of 2022 rose.",
                  kinds=("date",))
    assert found == set()


def test_undated_date_the_original_states_elsewhere_is_moved_not_changed() -> None:
    # No publication date: "today" and "Q2" cannot be compared, and the original gives the
    # quarter for these figures in another sentence.
    original = ("Like-for-like sales in the second quarter climbed 19% on a year earlier. From "
                "where we stand today, we see growth for the year in the low teens.")
    found = flags(original, "Q2 sales climbed 19%, and growth for the year is seen in the low "
                            "teens.", kinds=("date",))
    assert found == set()


def test_undated_date_backed_only_by_its_partner_is_still_flagged() -> None:
    # "in Q2" is nowhere in the original: the two dates cannot be compared, which is the flag.
    found = flags("From where we stand today, we see growth.", "In Q2 we see growth.",
                  kinds=("date",))
    assert ("date", "In Q2") in found
    found = flags("It began last month. Sales rose.", "It began in May. Sales rose.",
                  kinds=("date",))
    assert ("date", "in May") in found


# -- figures in shorthand ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "key"), [
    ("we could owe 5 mln bucks", "number:=:5000000:5000000:USD"),
    ("they raised 3 bln euros", "number:=:3000000000:3000000000:EUR"),
    ("it cost 7 mn dollars", "number:=:7000000:7000000:USD"),
    ("he paid 20 bucks", "number:=:20:20:USD"),
])
def test_figure_shorthand_and_slang_currency(text: str, key: str) -> None:
    assert [k for _t, k in facts(text, numbers)] == [key]


def test_a_lone_m_after_a_space_is_not_a_million() -> None:
    assert [k for _t, k in facts("the pole is 5 m long", numbers)] == ["number:=:5:5:"]


def test_the_same_sum_in_shorthand_and_in_words_is_not_flagged() -> None:
    found = flags("Ben: if we are late we may lose 5 mln bucks .",
                  "Ben says they could lose 5 million dollars if they are late.",
                  kinds=("number",))
    assert found == set()
    found = flags("Ben: if we are late we may lose 5 mln bucks .",
                  "Ben says they could lose 8 million dollars if they are late.",
                  kinds=("number",))
    assert found


# -- negation: stems, negating verbs, prefixes -------------------------------------------------

def test_stem_keeps_a_double_s() -> None:
    assert {meaning.stem(w) for w in ("discuss", "discussed", "discusses", "discussing")} \
        == {"discuss"}
    assert meaning.stem("cats") == "cat"


CALL = ("Ana: we discussed the pricing plan at length yesterday. Ben: yes, and the launch date "
        "too. Ana: the client looked at the design twice. Ben: I will send the contract on "
        "Monday. Ana: ok, thanks.")


@needs_wordnet
@pytest.mark.parametrize("summary", [
    "Ana and Ben did not discuss the pricing plan.",
    "The client forgot to look at the design.",
    "The client neglected to look at the design.",
])
def test_negated_claim_is_flagged(summary: str) -> None:
    assert any(kind == "negation" for kind, _t in flags(CALL, summary))


@needs_wordnet
@pytest.mark.parametrize("summary", [
    "Ana and Ben discussed the pricing plan at length.",
    "The client looked at the design twice.",
])
def test_the_claim_as_stated_is_not_flagged(summary: str) -> None:
    assert not any(kind == "negation" for kind, _t in flags(CALL, summary))


@needs_wordnet
def test_one_negating_noun_restated_by_another_is_not_flagged() -> None:
    original = "Reviewers noted the lack of digits on the remote. It was cheap."
    assert not any(kind == "negation" for kind, _t in flags(
        original, "Reviewers noted the absence of digits on the remote."))
    assert any(kind == "negation" for kind, _t in flags(
        "Reviewers praised the digits on the remote. It was cheap.",
        "Reviewers noted the lack of digits on the remote."))


@needs_wordnet
def test_a_negating_prefix_read_both_ways() -> None:
    original = "The filter lets non-suspicious messages through. It runs every hour."
    assert ("negation", "suspicious") in flags(
        original, "The filter lets suspicious messages through.")
    assert not any(kind == "negation" for kind, _t in flags(
        original, "The filter lets non-suspicious messages through."))
    assert "non-suspicious" in meaning.opposites("suspicious")
    # a prefixed word of its own ("unveil") is no opposite of its base
    assert "unveil" not in meaning._negated_forms("veil")


# -- a negation inside a condition ------------------------------------------------------------

SUPPORT = ("Ivo: the printer on the second floor jams every morning. Mei: send the request to "
           "Omar in facilities, he fixes it. Ivo: thanks, I will write to him today.")


def test_a_negation_in_a_condition_the_original_never_poses_is_not_flagged() -> None:
    assert not any(kind == "negation" for kind, _t in flags(
        SUPPORT, "Mei tells Ivo to write to Omar in facilities if the printer is not fixed."))
    # a plain negation there is still one
    assert ("negation", "not") in flags(
        SUPPORT, "Mei tells Ivo that Omar in facilities does not fix the printer.")


def test_a_negation_turned_inside_a_condition_both_pose_is_flagged() -> None:
    original = "Mei says to call Omar if the printer jams again. Ivo agrees."
    assert ("negation", "not") in flags(
        original, "Mei says to call Omar if the printer does not jam again. Ivo agrees.")


@needs_wordnet
def test_men_and_women_are_opposites_in_the_plural() -> None:
    original = "The survey asked 400 women about their commute. It ran for a month."
    assert ("negation", "men") in flags(
        original, "The survey asked 400 men about their commute. It ran for a month.")
    assert not any(kind == "negation" for kind, _t in flags(
        "The survey asked 400 men and women about their commute.",
        "The survey asked 400 men about their commute."))


def test_up_and_down_are_opposites_only_after_the_same_word() -> None:
    original = "Ana: fares went up in March, as the board planned. Ben: yes, by a lot."
    assert ("negation", "down") in flags(original, "Ana says fares went down in March.")
    # a particle of another verb ("came up with" / "cut down") turns nothing
    assert not any(kind == "negation" for kind, _t in flags(
        "Ana: the designer came up with a cheaper case in March. Ben: good.",
        "The team cut down the cost of the case in March."))


@pytest.mark.parametrize("original, retelling, word", [
    # "new" is a function word to the content-word checks, and a polar one here
    ("The bakery wants to reach new customers in the valley.",
     "The bakery wants to reach old customers in the valley.", "old"),
    ("The bakery sold old stock at its branch in the valley.",
     "The bakery sold new stock at its branch in the valley.", "new"),
    # "New" of a name is no "new"
    ("The bakery opened a branch in New Holland and sold old stock there.",
     "The bakery opened a branch in New Holland and sold old stock there cheaply.", None),
    ("Visitors to New Holland crossed the old bridge.",
     "Visitors to the town crossed the old bridge.", None),
    # "within" is a function word too
    ("The pump kept the pressure within the limit set by the board.",
     "The pump kept the pressure outside the limit set by the board.", "outside"),
    ("The archive holds pre-war letters from the harbour office.",
     "The archive holds post-war letters from the harbour office.", "post-war"),
    # "within two days" is a time, not a place
    ("The office will answer within two days, the clerk said.",
     "The office will answer in two days, the clerk said.", None),
])
def test_function_words_and_prefixes_with_an_opposite_reverse_the_claim(
        original: str, retelling: str, word: str | None) -> None:
    found = [t for kind, t in flags(original, retelling) if kind == "negation"]
    assert found == ([word] if word else [])


def test_a_negated_thing_the_retelling_calls_a_necessity_is_not_reversed() -> None:
    said = "Ben: we don't have the staffing plan here yet."
    index = meaning.WordIndex([(0, said)])

    def reversed_(summary: str) -> list[meaning.Finding]:
        return [f for f in meaning.check(summary, 0, [(said, 0)], index) if f.kind == "negation"]

    assert not reversed_("Ben notes the necessity of a staffing plan here.")
    assert reversed_("Ben has the staffing plan here.")


def test_a_negation_of_what_the_original_states_outside_the_evidence_is_a_reversal() -> None:
    said = ["The mayor spoke at length about the budget.",
            "The council signed the building contract after a long debate.",
            "The council later signed a lease for the old depot, but not the parking deal."]
    offsets = [sum(len(t) + 1 for t in said[:k]) for k in range(len(said))]
    index = meaning.WordIndex(list(enumerate(said)))

    def locate(word: str) -> list[tuple[str, int]]:
        return [(said[i], offsets[i]) for i in sorted(index.where(word))]

    def reversed_(summary: str) -> list[meaning.Finding]:
        return [f for f in meaning.check(summary, 0, [(said[0], 0)], index, locate=locate)
                if f.kind == "negation"]

    found = reversed_("The mayor said the council did not sign the building contract.")
    assert found and found[0].original == (offsets[1] + 12, offsets[1] + 18)  # 'signed'
    # said of another thing (no word near it in common), or negated somewhere in the original
    assert not reversed_("The mayor said the budget did not sign off on the trams.")
    also = [*said[:2], "The council did not sign the deal."]
    index2 = meaning.WordIndex(list(enumerate(also)))
    assert not [f for f in meaning.check(
        "The mayor said the council did not sign the building contract.", 0, [(said[0], 0)],
        index2, locate=lambda w: [(t, 0) for t in also[1:]]) if f.kind == "negation"]


def test_a_description_restated_as_the_name_the_original_gives_elsewhere_is_no_swap() -> None:
    original = ("Ola Brenn has played for the club since 2015. The film opens in cinemas next "
                "week. Its cast includes many stars from the television series. And the Harbour "
                "Hawks captain shared a picture of himself in full armour at the gala on Friday.")
    said = "shared a picture of himself in full armour at the gala on Friday."
    assert not flags(original, f"Brenn {said}", kinds=("name",))
    # a name the original never gives that person is still a swap
    assert ("name", "Dahl") in flags(original, f"Dahl {said}", kinds=("name",))
    # and a name before a thing, not a person, is no description of one: the administration
    # that spoke is a source, and Vesk in its place the source changed
    assert ("attribution", "Vesk said") in flags(
        "The Orlan administration said on Monday it would act. Vesk spoke later.",
        "Vesk said on Monday it would act.", kinds=("name", "attribution"))


def test_a_place_written_as_its_adjective_in_lower_case_is_the_same_place() -> None:
    c = retold.compare("Officers say the Latvian citizen left the port before the warrant.",
                       "officers say the latvia citizen left the port before the warrant .")
    assert not [ch for ch in c.changes if ch.kind == "name"]


def test_a_name_the_original_writes_as_its_acronym_is_stated() -> None:
    chat = "Kim: I fly to LA on Friday. Joe: nice, have fun. Kim: thanks!"
    assert not flags(chat, "Kim is flying to Los Angeles on Friday.", kinds=("name",))
    assert ("name", "Las Vegas") in flags(chat, "Kim is flying to Las Vegas on Friday.",
                                          kinds=("name",))


def test_a_qualifier_swapped_before_the_same_role_is_a_swap() -> None:
    original = "The Harbour Hawks captain was sent off early. The Lake Owls won the match 2-0."
    assert ("name", "Lake Owls") in flags(
        original, "The Lake Owls captain was sent off early. The Lake Owls won the match 2-0.",
        kinds=("name",))


def test_up_and_down_after_two_forms_of_one_verb_are_opposites() -> None:
    assert ("negation", "down") in flags("Sales are up sharply this year, the firm said.",
                                         "Sales were down sharply this year, the firm said.")


def test_a_lower_case_word_in_cased_text_is_no_place() -> None:
    c = retold.compare("The Spanish firm won the contract over a period of years.",
                       "The firm won the contract over a span of years.")
    assert [(ch.kind, ch.status) for ch in c.changes if ch.kind == "name"] == [("name", "dropped")]


def test_a_sequence_word_is_no_opposite_of_another_word() -> None:
    original = "Ivo Marsh was held at his home after a raid. He was later charged with fraud."
    assert not any(kind == "negation" for kind, _t in flags(
        original, "Ivo Marsh, held early on Saturday, was charged with fraud."))


def test_a_fact_changed_elsewhere_is_not_also_dropped_where_it_stood() -> None:
    original = ("Ivo Marsh, 41, was held at his home in Tolmar shortly after midnight by police "
                "officers. He was later charged with fraud, the prosecutor said. The raid followed "
                "weeks of searches.")
    retelling = ("Ivo Marsh, 41, was held at his home in Tolmar by police officers, the prosecutor "
                 "said. He was charged with fraud. Officers had watched the house all evening and "
                 "moved to arrest him about 1 a.m.")
    found = [(ch.status, ch.original.text if ch.original else None)
             for ch in retold.compare(original, retelling).changes if ch.kind == "number"]
    assert found == [("changed", "midnight")]


# --- no change against a change ---------------------------------------------------------------


@pytest.mark.parametrize(("original", "retelling", "pair"), [
    ("Kessel Steel said revenue increased 4% in the quarter.",
     "Kessel Steel said revenue remained unchanged in the quarter.",
     ("remained unchanged", "increased")),
    ("Kessel Steel said revenue remained flat in the quarter.",
     "Kessel Steel said revenue rose in the quarter.", ("rose", "remained flat")),
    ("Unemployment in Dunmore fell to 4% in May.", "Unemployment in Dunmore held steady in May.",
     ("held steady", "fell")),
    ("Kessel Steel's output stagnated last year.", "Kessel Steel's output grew last year.",
     ("grew", "stagnated")),
    # a verb that moves a thing one way is a change too
    ("Kessel Steel's output per worker improved to 41 tonnes in May.",
     "Kessel Steel's output per worker remained unchanged at 41 tonnes in May.",
     ("remained unchanged", "improved")),
])
def test_no_change_against_a_change_is_a_reversal(original: str, retelling: str,
                                                  pair: tuple[str, str]) -> None:
    c = retold.compare(original, retelling)
    found = [(ch.retelling.text, ch.original.text) for ch in c.changes
             if ch.kind == "negation" and ch.status == "changed" and ch.retelling and ch.original]
    assert pair in found


@pytest.mark.parametrize(("original", "retelling"), [
    # the same state in other words
    ("Kessel Steel said revenue remained flat in the quarter.",
     "Kessel Steel said revenue stayed flat in the quarter."),
    # another thing stayed the same
    ("Revenue rose 5% while costs were unchanged.", "Revenue rose 5% and costs were flat."),
    # a flat fee is no steady state
    ("Kessel Steel charges a flat fee, and its fees rose in May.",
     "Kessel Steel charges a flat fee."),
    # denied on one side: the two agree
    ("Revenue did not increase in the quarter.", "Revenue was unchanged in the quarter."),
])
def test_no_reversal_between_steady_and_change(original: str, retelling: str) -> None:
    c = retold.compare(original, retelling)
    assert not [ch for ch in c.changes if ch.kind == "negation" and "did not change" in ch.detail
                or "did not ('" in ch.detail]


@needs_wordnet
def test_an_adjective_in_a_verbs_form_is_used_only_where_it_is_written() -> None:
    # "trying" (a synonym of "hard") is not used by "try it": "hard" stays a word the original
    # never uses, and its opposite "easy" elsewhere in the original reverses it
    original = ("Dana: Listen to the Oslo Lions first. . Erik: I'll try it tonight. . "
                "Dana: they're a big band with easy songs. . Erik: thanks")
    index = meaning.WordIndex(enumerate(original.split(" . ")))
    assert not index.uses("hard")
    assert meaning.WordIndex([(0, "It was a trying week.")]).uses("hard")
    assert ("negation", "hard") in flags(
        original, "Dana suggests the Oslo Lions, a popular band with hard songs.")


@needs_wordnet
def test_a_phrase_is_used_only_where_each_of_its_words_is() -> None:
    # "pass judgment" (a broader term of "condemn") is not used by a text that says "pass"
    index = meaning.WordIndex([(0, "Lind will pass the ball to Berg.")])
    assert not index._used("pass_judgment")
    assert meaning.WordIndex([(0, "Lind will pass judgment on Berg.")])._used("pass_judgment")


def test_a_negated_auxiliary_is_no_content_word() -> None:
    words = [w for _s, _e, w in meaning.content_words("The mill doesn't open and won't hire.")]
    assert words == ["mill", "open", "hire"]
    c = retold.compare("The mill in Harrow opens in May.", "The mill in Harrow doesn't open in May.")
    assert not [ch for ch in c.changes if ch.kind == "meaning" and "doesn't" in ch.detail]


@pytest.mark.parametrize("neighbour, found", [
    ("predictability", True),  # a derived form of the original's "predictions"
    ("intervals", False),
])
def test_an_opposite_is_read_beside_a_derived_form_of_its_neighbour(neighbour: str,
                                                                     found: bool) -> None:
    sentence = "Lind's maps provide predictions of the bus routes."
    r_near = {meaning.stem(w) for w in ("model", "harrow", neighbour)}
    uses = list(meaning._plain_uses("provide", [(sentence, 0)], {"provid", "map"}, r_near))
    assert bool(uses) is found


@pytest.mark.parametrize("sentence, both", [
    # "Fall" (a verb of falling) opens a place's name here: the sentence says a rise only
    ("In Fall River, revenue reached $41 million, an increase on the year.", False),
    # a fall said in the sentence itself: the rise may be of another thing
    ("Costs fell, and revenue reached $41 million, an increase on the year.", True),
])
def test_a_label_in_capitals_is_no_change_either_way(sentence: str, both: bool) -> None:
    at = sentence.index("increase")
    assert meaning._both_ways("decreased", "increase", sentence, at) is both


@pytest.mark.parametrize("summary, reversed_", [
    ("Lind said the club has a training ground.", True),
    ("Lind said the club has got its training ground.", True),
    # the thing it does not have, said to be needed: nothing said of having it
    ("Lind said a training ground is essential for the club.", False),
])
def test_a_denial_of_having_is_reversed_only_by_having(summary: str, reversed_: bool) -> None:
    original = "Lind said the club does not have a training ground yet. It plays in Harrow."
    c = retold.compare(original, summary)
    assert bool([ch for ch in c.changes if ch.kind == "negation" and ch.status == "changed"
                 and "states it plainly" in ch.detail]) is reversed_


@pytest.mark.parametrize("original, found", [
    # the opposite beside the same word, and the retelling's word never there
    (["Kessel Steel's net profit rose 12% in 2024.", "The Duluth mill made a loss."], "profit"),
    # the original puts the retelling's word beside it too: which one is meant is unclear
    (["Kessel Steel's net profit rose 12% in 2024.", "Its net loss in 2020 was its last."], None),
    # a rank beside a period is the dates' to compare
    (["Kessel Steel's first quarter was strong."], None),
])
def test_an_opposite_beside_the_same_word_anywhere(original: list[str], found: str | None
                                                    ) -> None:
    retelling = "Kessel Steel's net loss rose 12% in 2024, and its second quarter was strong."
    offsets = [sum(len(t) + 1 for t in original[:i]) for i in range(len(original))]

    def locate(word: str) -> list[tuple[str, int]]:
        return [(t, o) for t, o in zip(original, offsets) if word.casefold() in t.casefold()]

    findings = meaning._opposite_beside(retelling, 0, meaning.content_words(retelling), set(),
                                        set(), locate)
    texts = "\n".join(original)
    assert [texts[f.original[0]:f.original[1]] for f in findings] == ([found] if found else [])


@pytest.mark.parametrize("original, retelling, word", [
    ("Kessel Steel earned $3.1 billion in the quarter.",
     "Kessel Steel lost $3.1 billion in the quarter.", "lost"),
    ("Kessel Steel's earnings were $3.1 billion in the quarter.",
     "Kessel Steel's losses were $3.1 billion in the quarter.", "losses"),
])
def test_earnings_and_losses_are_opposites(original: str, retelling: str, word: str) -> None:
    assert ("negation", word) in flags(original, retelling)


@pytest.mark.parametrize("original, summary", [
    # the retelling's word beside the same neighbour in another inflection
    ("Kessel Steel reported net losses in 2024. Dunmore Mills reported a net profit.",
     "Kessel Steel reported a net loss in 2024."),
    # the opposite said of another thing, the word itself in the evidence
    ("The council in Harrow approved the plan. Dunmore's council rejected a similar plan.",
     "Harrow's council approved the plan."),
])
def test_an_opposite_beside_the_same_word_of_another_thing_is_no_reversal(original: str,
                                                                           summary: str) -> None:
    assert not [ch for ch in retold.compare(original, summary).changes if ch.kind == "negation"]


def test_a_perfect_is_no_verb_of_having() -> None:
    # "could not have known" denies knowing: "knew" reverses it
    assert ("negation", "knew") in flags("Officials in Harrow could not have known about the leak.",
                                         "Officials in Harrow knew about the leak.")


@needs_wordnet
def test_only_an_adjective_in_a_verbs_form_is_a_participle() -> None:
    assert meaning._participle("trying") and not meaning._participle("red")


def test_a_quoted_sentences_first_word_is_no_label() -> None:
    sentence = '"Sales fell," the firm said, and costs saw an increase on the year.'
    assert meaning._both_ways("decreased", "increase", sentence, sentence.index("increase"))


# -- the twentieth session's checks -------------------------------------------------------------

@needs_wordnet
@pytest.mark.parametrize("retelling, reversed_", [
    # "earned" shares the stem of "earnings" but is another word: the retelling does not say
    # the opposite itself
    ("Torvik Foods posted losses per share of $2.14 and earned $410 million.", True),
    # the retelling's own "earnings" does say it: the opposites are said of two things
    ("Torvik Foods posted losses per share of $2.14 and earnings of $410 million.", False),
])
def test_a_word_of_the_opposites_stem_is_not_the_opposite(retelling: str,
                                                          reversed_: bool) -> None:
    original = ("Torvik's earnings per share for the half came to $2.14. Torvik Foods earned "
                "$410 million in the half.")
    assert (("negation", "losses") in flags(original, retelling)) is reversed_


@pytest.mark.parametrize("original, retelling, reversed_", [
    # the original puts a case, and denies nothing
    ("Dana: if the team doesn't act on the plan now, the money will run out.",
     "Dana says the team acts on the plan.", False),
    ("Dana: if the team doesn't act on the plan now, the money will run out.",
     "Dana says that if the team acts on the plan now, the money will run out.", True),
    # the negation in the clause the condition governs, a second subject opening it
    ("If he wins he won't raise taxes.", "He will raise taxes.", True),
    ("If prices rise we will not buy more oil, the minister said.",
     "The minister said the country will buy more oil.", True),
])
def test_a_negation_inside_a_condition_is_no_denial(original: str, retelling: str,
                                                   reversed_: bool) -> None:
    negations = [ch for ch in retold.compare(original, retelling).changes
                 if ch.kind == "negation"]
    assert bool(negations) is reversed_


def test_shrinkage_is_a_fall() -> None:
    original = "Bookings are forecast at $820 million, a growth of 2% to 3% on last winter."
    found = flags(original, "Bookings are forecast at $820 million, a shrinkage of 2% to 3% on "
                            "last winter.")
    assert ("number", "shrinkage of 2% to 3%") in found
    assert not flags(original, "Bookings are forecast at $820 million, a rise of 2% to 3% on "
                               "last winter.")


@pytest.mark.parametrize("month, flagged", [("July", True), ("April", False)])
def test_a_month_the_original_never_names_is_not_backed_by_a_relative_date(
        month: str, flagged: bool) -> None:
    # the original names its months and never July: "two years ago" (no publication date)
    # does not back it
    original = ("Mia: are we still on for the concert? . Sam: which one? . Mia: the one on the "
                "second Saturday of March . Sam: no idea . Sam: it's April already! . Mia: oh no "
                ". Sam: my cousin Ola saw that band two years ago and loved them . Sam: I'll ask "
                "about tickets and tell you by the end of the week .")
    retelling = (f"Mia asks Sam about a concert with his cousin in March, but Sam tells her it "
                 f"is {month}. Sam will ask about tickets by the end of the week.")
    assert (("date", month) in flags(original, retelling)) is flagged


@pytest.mark.parametrize("retelling, flagged", [
    ("Ticket sales at the Lyric rose 41% against the current year.", True),
    ("Ticket sales at the Lyric rose 41% against the previous year.", False),
])
def test_the_current_year_is_this_year(retelling: str, flagged: bool) -> None:
    original = "Ticket sales at the Lyric rose 41% on the prior year."
    assert (("date", "the current year") in flags(original, retelling)) is flagged


def test_the_current_period_is_a_date() -> None:
    assert [text for text, _key in facts("Sales in the current quarter and the current season "
                                         "held up.", dates)] == ["in the current quarter",
                                                                 "the current season"]


@pytest.mark.parametrize("retelling, reversed_", [
    ("The ferry line's fare income is set to stay flat in 2027.", True),
    ("The ferry line's fare income is set to climb in 2027.", False),
    ("The ferry line's staff costs are set to stay flat in 2027.", False),  # another thing
])
def test_up_after_a_verb_of_being_is_a_change(retelling: str, reversed_: bool) -> None:
    original = "The ferry line says its fare income should be up on the year in 2027."
    found = [ch for ch in retold.compare(original, retelling).changes if ch.kind == "negation"]
    assert bool(found) is reversed_


@pytest.mark.parametrize("original, moved", [
    ("Shares in Kessel Steel were up 3% on Tuesday.", True),
    ("Shares in Kessel Steel were up sharply on Tuesday.", True),
    # idioms: no change said
    ("Shares in Kessel Steel were up for sale on Tuesday.", False),
    ("Shares in Kessel Steel were up against the rival bid on Tuesday.", False),
])
def test_up_after_a_verb_of_being_is_a_change_only_with_a_figure_degree_or_end(
        original: str, moved: bool) -> None:
    found = [ch for ch in retold.compare(original, "Shares in Kessel Steel were unchanged on "
                                                   "Tuesday.").changes if ch.kind == "negation"]
    assert bool(found) is moved



def test_a_day_the_original_names_with_its_year_is_named() -> None:
    # "Sept. 11" is "September 11, 2001"; "April 1" names another day, "earlier this month" none
    original = ("The levy came nine years after the relief fund, which followed the March 14, "
                "2009, floods. The council voted on April 1. Inspectors visited the dam earlier "
                "this month.")
    retelling = "Inspectors visited the dam after the March 14 floods, on a day earlier this month."
    assert ("date", "March 14") not in flags(original, retelling)
    assert ("date", "on May 3") in flags(original, retelling.replace("after the March 14 floods",
                                                                     "on May 3"))
    assert [p for p in (dates.calendar_parts(f) for f in retold.compare(original, retelling)
                        .original.facts if f.kind == "date") if p] == [("03-14", "03-14"),
                                                                       ("04-01", "04-01")]


@pytest.mark.parametrize("original, retelling, said", [
    ("The fund followed the March 14, 2009, floods.",
     "The fund followed the March 14 floods.", "The retelling leaves out the year"),
    ("The fund followed the March 14 floods.",
     "The fund followed the March 14, 2009, floods.", "The retelling adds the year"),
    ("The festival runs in July.", "The festival runs on July 4.",
     "The retelling is more precise"),
    # a year left out says the precision too
    ("The festival runs on July 4, 2019.", "The festival runs in July.",
     "The retelling leaves out the year and is less precise"),
    ("The festival ran in September 2001.", "The festival ran on September 11.",
     "The retelling leaves out the year and is more precise"),
])
def test_a_day_without_its_year_is_the_same_day(original: str, retelling: str, said: str) -> None:
    details = [ch.detail for ch in retold.compare(original, retelling).changes
               if ch.kind == "date"]
    assert len(details) == 1 and details[0].startswith(said)
    assert not any("cannot be compared" in d for d in details)


@pytest.mark.parametrize("original, retelling, backing", [
    # the original's month does not back an invented day
    ("The bakery was founded in March 2009. Its first shop opened in Harrow that year.",
     "Its first shop opened in Harrow on March 14.", None),
    # the same day, said of another event, does not back it either
    (("The floods of March 14, 2009, swept away 40 homes. The new bridge opened to traffic "
      "in 2016."), "The new bridge opened to traffic on March 14.", "in 2016"),
    # that day, said of the same thing, does
    (("The floods of March 14, 2009, swept away 40 homes. The new bridge opened to traffic "
      "in 2016."), "The March 14 floods swept away 40 homes.", "March 14, 2009"),
])
def test_a_day_without_its_year_is_backed_only_by_that_day_in_its_slot(
        original: str, retelling: str, backing: str | None) -> None:
    grounds = [g for g in retold.compare(original, retelling).to_dict()["grounding"]
               if g["kind"] == "date"]
    assert len(grounds) == 1
    if backing is None:
        assert grounds[0]["status"] == "unsupported"
    else:
        assert grounds[0]["status"] == "supported"
        assert [e["text"] for e in grounds[0]["evidence"]] == [backing]


def test_the_current_year_end_is_no_year() -> None:
    assert facts("Debt falls by the current year-end.", dates) == []


def test_yearless_days_are_found_by_the_days_they_span() -> None:
    # a long original of distinct dated days: each retelling day reads only its own days
    original = " ".join(f"On {m} {d}, {y}, the board met." for y in range(1990, 2000)
                        for m in ("March", "July") for d in range(1, 29))
    c = retold.compare(original, "The board met on July 4 and on March 9.")
    assert not [ch for ch in c.changes if ch.kind == "date" and ch.status == "added"]


@pytest.mark.parametrize("retelling, changed", [
    ("We offer 15% off the first month of the lease.", True),  # a rank of another period
    ("We offer 15% off the first 12 months of the lease.", False),  # no rank: another figure
    ("We offer 15% off the lease's first year.", False),
])
def test_a_rank_of_another_period_is_another_figure(retelling: str, changed: bool) -> None:
    found = [ch for ch in retold.compare("We offer 15% off the first year of the lease.",
                                         retelling).changes
             if ch.kind == "number" and ch.status == "changed"]
    assert bool(found) is changed


@pytest.mark.parametrize("text, found", [
    ("The council met after the March 14 floods.", ["March 14"]),  # a date before its noun
    ("the May 4 riots", ["May 4"]),
    ("In May 10 people died.", ["In May"]),  # a month, then a count
])
def test_a_day_after_a_determiner_is_a_date_before_its_noun(text: str, found: list[str]) -> None:
    assert [t for t, _key in facts(text, dates)] == found


WATER = ("The water board approved an increase in household tariffs of 4% on Tuesday, its chair "
         "said. Leakage should shrink to 12% of supply by 2027, the plan says, as the increase in "
         "household tariffs pays for new mains.")


@needs_wordnet
def test_a_change_word_is_read_against_what_the_original_says_of_its_thing() -> None:
    # "decreasing leakage": the original says leakage shrinks; its "increase" is the tariffs'
    assert not [ch for ch in retold.compare(WATER, (
        "The water board is raising household tariffs by 4% and decreasing leakage to 12% of "
        "supply.")).changes if ch.kind == "negation"]
    # "decreasing household tariffs": the original says the tariffs increase
    found = [ch.retelling.text for ch in retold.compare(WATER, (
        "The water board is decreasing household tariffs by 4% and shrinking leakage to 12% of "
        "supply.")).changes if ch.kind == "negation" and ch.retelling]
    assert found == ["decreasing"]
