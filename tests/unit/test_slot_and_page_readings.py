"""Readings from a twelfth review of real copy: which slot a name fills, and page furniture
(a related-headlines list, page stamps, breadcrumbs) that is no part of the story. Every pair is
written for these tests.
"""

from __future__ import annotations

import retold


def names_changed(original: str, retelling: str) -> list[tuple[str, str]]:
    return [(c.original.text, c.retelling.text) for c in retold.compare(original, retelling).changes
            if c.kind == "name" and c.status == "changed" and c.original and c.retelling]


CLIP = ("Kara Lenn was filmed shouting at a parking attendant in Dover. The clip, in which she says "
        '"you will never work in this town again," was uploaded to Vimeo. She apologised on Friday. '
        "By then her name was already trending on Twitter, where users mocked her.")


def test_a_name_the_original_writes_in_the_same_words_elsewhere_is_no_swap() -> None:
    # the retelling's sentence shares its quotation with the Vimeo sentence, but its name
    # comes from "already trending on Twitter"
    retelling = ('The clip, in which she says "you will never work in this town again," was '
                 "already trending on Twitter.")
    assert names_changed(CLIP, retelling) == []
    assert names_changed(CLIP, retelling.lower()) == []


def test_a_name_put_in_another_name_s_words_is_a_swap() -> None:
    original = "Anna Smith won the race in Leeds on Sunday. Tom Jones came second after a fall."
    assert names_changed(original, "Tom Jones won the race in Leeds on Sunday.") == [
        ("Anna Smith", "Tom Jones")]
    # the swapped-in name won something else elsewhere: its words there are no closer
    original = ("Anna Smith won the race in Leeds on Sunday after a long sprint. Later, Tom Jones "
                "won the race for juniors.")
    assert names_changed(original, "Tom Jones won the race in Leeds on Sunday after a long "
                                   "sprint.") == [("Anna Smith", "Tom Jones")]


STORY = "A jury in Tolvik awarded $2.4 million to a cyclist hurt on a broken road, the Herald reported."


def flags(original: str, retelling: str) -> list[tuple[str, str, str]]:
    return [(c.kind, c.status, c.retelling.text if c.retelling else "")
            for c in retold.compare(original, retelling).changes]


def test_headlines_listed_under_related_are_no_part_of_the_story() -> None:
    page = (STORY + "\nRelated\n- Inspectors find 12% of bridges failed checks in 2021\n"
            "- Spooky or not? Villagers say the old mill is haunted\n")
    assert flags(STORY, page) == []
    kinds = [s.kind for s in retold.compare(STORY, page).retelling.sentences]
    assert kinds == ["body", "boilerplate", "boilerplate", "boilerplate"]


def test_bullets_of_the_story_itself_stay_story() -> None:
    # no links label above them: the bullets are the story's own facts
    page = STORY + "\nKey points\n- Inspectors found 12% of bridges failed checks in 2021\n"
    assert ("number", "added", "12%") in flags(STORY, page)


def test_page_stamps_and_widget_counts_are_clutter() -> None:
    page = f"Date:2025-04-25 14:13:50\n{STORY}\nveryGood! (6)\n"
    assert flags(STORY, page) == []
    archive = f"April 30, 2014 / 11:12 AM / 3 years ago\n{STORY}"
    assert retold.compare(STORY, archive).retelling.sentences[0].kind in ("boilerplate", "byline")


def test_a_request_for_comment_states_no_comment() -> None:
    original = "A spokesperson for the city declined to comment."
    found = flags(original, "The city, when approached for comment, opted not to respond.")
    assert not any(kind == "negation" for kind, _status, _text in found)
    assert ("negation", "changed", "commented") in flags(
        original, "A spokesperson for the city commented on the ruling.")


def test_a_country_speaks_through_its_government() -> None:
    original = "Rwanda has confirmed nine deaths from the virus, the health minister said."
    assert flags(original, "The Rwandan government has confirmed nine deaths from the virus, the "
                           "health minister said.") == []
    assert ("attribution", "changed", "The Ugandan government has confirmed") in flags(
        original, "The Ugandan government has confirmed nine deaths from the virus, the health "
                  "minister said.")


def test_a_bare_exchange_code_is_no_part_of_the_company_s_name() -> None:
    assert flags("Orvik Inc ORV.N beat estimates on Tuesday.",
                 "Orvik Inc beat estimates on Tuesday.") == []
    assert flags("Kelo 7203.T shares rose 3% on Monday.", "Kelo shares rose 3% on Monday.") == []


def test_a_rank_opening_a_sentence_is_no_part_of_the_party_s_name() -> None:
    original = "Congress won 30 wards in Brindar."
    found = flags(original, original + " Senior Congress leader Om Vale lost his seat.")
    assert ("name", "added", "Om Vale") in found
    assert not any(kind == "name" and "Senior" in text for kind, _status, text in found)


def test_one_added_person_place_or_period_is_one_finding() -> None:
    original = "Shoe sales rose 4% in the quarter."
    assert flags(original, original + " Ada Ruiz of Argentina lost to Ivan Rask. The Argentine "
                                      "was seeded second, and Ruiz was seeking a title.") == [
        ("name", "added", "Ada Ruiz of Argentina"), ("name", "added", "Ivan Rask")]
    assert flags(original, original + " The Ferro Rail Company (FRC) warned of delays.") == [
        ("name", "added", "Ferro Rail Company")]
    found = retold.compare("Sun Lo took bribes, the court said.",
                           "Between 2002 and last year, Sun Lo took bribes, the court said.").changes
    assert [(c.kind, c.status) for c in found] == [("date", "added")]
    assert "'last year'" in found[0].detail


def test_other_people_places_and_dates_stay_apart() -> None:
    original = "Shoe sales rose 4% in the quarter."
    assert [t for _k, _s, t in flags(original, original + " Stores in Paris, Lyon and Lille "
                                                          "sold out.")] == ["Paris", "Lyon", "Lille"]
    assert len(flags(original, original + " Ada Ruiz of Georgia lost. George Mills won.")) == 2
    two = retold.compare("Sun Lo took bribes, the court said.",
                         "Sun Lo took bribes in 2002 and in 2015, the court said.").changes
    assert [(c.kind, c.status) for c in two] == [("date", "added"), ("date", "added")]


def test_a_base_period_s_result_reverses_no_claim() -> None:
    original = "Halvard said operating profit rose to $528 million in the quarter."
    found = flags(original, "Halvard said net income for the quarter was $292 million, compared "
                            "with a loss of $17 million a year earlier.")
    assert not any(kind == "negation" for kind, _status, _text in found)
    assert ("negation", "changed", "loss") in flags(
        original, "Halvard said it made an operating loss of $528 million in the quarter.")


def test_times_of_two_events_are_no_rivals() -> None:
    original = "Teachers walked out across Dunmore on Tuesday. The main march starts at 2 pm."
    assert ("number", "added", "20:00") in flags(
        original, "Rail workers will also strike. Their stoppage will begin at 20:00.")
    assert ("number", "changed", "4 pm") in flags(
        original, "The main march in Dunmore starts at 4 pm, unions said.")


def test_a_change_the_retelling_also_tells_the_original_s_way_belongs_to_another_measure() -> None:
    original = "Halvard said revenue increased 1 percent to $3.1 billion."
    found = flags(original, "Halvard said revenue increased 1 percent to $3.1 billion. Its Cargo "
                            "unit decreased 1 percent.")
    assert not any(status == "changed" for _kind, status, _text in found)
    assert ("number", "changed", "decreased 1 percent") in flags(
        original, "Halvard said revenue decreased 1 percent to $3.1 billion.")


def numbers_changed(original: str, retelling: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.status, c.original.text if c.original else None,
             c.retelling.text if c.retelling else None)
            for c in retold.compare(original, retelling).changes if c.kind == "number"]


RESULTS = ("In Norvale, the Greens won 42 of the 95 wards. Labour registered victory in 29 wards, "
           "followed by the Liberals in 19 and independents 3. In Ostby, the Greens won 39 of the "
           "85 wards, with Labour and the Liberals winning 24 and 19 wards.")


def test_each_party_s_seats_in_each_town_are_their_own_slot() -> None:
    # lists of parties ("followed by the Liberals in 19 and independents 3", "A and B winning
    # 24 and 19", "A, B and C won 25, 19 and 2 respectively") and the town each sentence opens with
    found = numbers_changed(RESULTS, (
        "In Norvale, the Greens won 41 wards while Labour secured 30 wards. The Liberals won 19 "
        "and independents three. In Ostby, the Greens won 38 of the 85 wards while Labour, the "
        "Liberals and the Reds won 25, 19 and 2 wards respectively."))
    changed = {(a, b) for status, a, b in found if status == "changed"}
    assert changed == {("42", "41 wards"), ("29 wards", "30 wards"), ("39", "38"), ("24", "25")}


def test_a_party_s_figure_said_of_another_party_is_a_change() -> None:
    found = numbers_changed(RESULTS, RESULTS.replace("Labour and the Liberals winning 24 and 19",
                                                     "Labour and the Liberals winning 19 and 24"))
    assert {(a, b) for status, a, b in found if status == "changed"} == {("24", "19"),
                                                                         ("19 wards", "24 wards")}


def test_a_restatement_both_texts_give_is_compared() -> None:
    original = "Odo Kam was found guilty of taking 170 million yuan ($26.7 million) in bribes."
    assert numbers_changed(original, original.replace("$26.7", "$35.7")) == [
        ("changed", "$26.7 million", "$35.7 million")]
    assert numbers_changed("The road is 10 km (6.2 miles) long.",
                           "The road is 10 km (16 miles) long.") == [
        ("changed", "6.2 miles", "16 miles")]
    # one text's restatement alone, or the same restatement written otherwise: no change
    assert numbers_changed(original, original.replace(" ($26.7 million)", "")) == []
    assert numbers_changed("It cost $2bn (€1.8bn).", "It cost $2bn (€1.8 billion).") == []


def test_a_company_described_is_the_company_named() -> None:
    original = "Kestrel Corp reported on Monday a 9 percent rise in revenue to $2 billion."
    found = flags(original, "Revenue rose 9 percent to $2 billion, the software company said.")
    assert not any(kind == "attribution" for kind, _status, _text in found)
    assert any(kind == "attribution" for kind, _status, _text in flags(
        original, "Revenue rose 9 percent to $2 billion, the rival software company said."))


def test_one_added_thing_once_in_texts_that_look_unrelated() -> None:
    original = "Teachers in Dunmore walked out on Tuesday over pay."
    found = flags(original, "SUD Rail warned of a strike, and the Ferro Rail Company (FRC) will "
                            "stop trains. Ivan Rask lost to Ada Ruiz of Argentina; Ruiz won.")
    assert [t for k, _s, t in found if k == "name"] == ["Ferro Rail Company", "Ivan Rask",
                                                        "Ada Ruiz of Argentina"]


def test_a_dateline_s_place_is_no_word_the_retelling_adds() -> None:
    original = ("Rwanda has confirmed six deaths and 20 cases of the fever, the health minister "
                "said late on Saturday.")
    rewrite = ("The Rwandan government has confirmed a deadly outbreak of the fever within its "
               "borders, with six fatalities and 20 reported cases.")
    for dateline in ("KIGALI, Rwanda – ", "KIGALI, Sept 27 (Reuters) - ", "Kigali: "):
        added = [t for k, _s, t in flags(original, dateline + rewrite) if k == "meaning"]
        assert added and "KIGALI" not in added and "Kigali" not in added


def test_a_place_read_after_a_figure_only_weighs_against_another() -> None:
    # "in the Lakeview Classic" after "65 for a three-shot victory" is the victory's: the two
    # 65s stay one figure, and the margin is no rival of the score
    original = ("Dana Holt had three birdies on the front nine and cruised to a three-stroke "
                "victory Sunday in the Lakeview Classic.\n\nHolt closed with a bogey-free 5-under "
                "65 at Pine Hollow for her fourth tour title.")
    retelling = ("Dana Holt had three birdies on the front nine to take the lead, closing with a "
                 "5-under 65 for a three-shot victory in the Lakeview Classic.")
    assert not any(status == "changed" for status, _a, _b in numbers_changed(original, retelling))


# Real changes a code review of these readings showed they must not hide (pairs written for
# these tests).


def test_a_swap_told_in_another_voice_stays_a_swap() -> None:
    assert names_changed(
        "The contract was awarded to Orbis on Monday after a long review. Kestrel won the "
        "contract for the northern line in 2019.",
        "Kestrel won the contract on Monday after a long review.") == [("Orbis", "Kestrel")]


def test_facts_bulleted_under_a_speaker_s_more_stay_facts() -> None:
    story = "The minister set out the health plan on Monday."
    original = (story + "\n\nMore from the minister:\n\n- Hospitals will hire 4,000 nurses by "
                "2027.\n\n- Waiting lists will be cut by 30%.\n")
    found = numbers_changed(original, original.replace("4,000", "9,000"))
    assert found == [("changed", "4,000 nurses", "9,000 nurses")]
    tally = story + "\n\nYes (214)\n\nNo (209)\n"
    assert ("added", None, "209") not in numbers_changed(tally, story + " It passed by 241 to 209.")


def test_a_plain_from_opens_no_base() -> None:
    assert ("negation", "changed", "fell") in flags(
        "The bank said its trading unit's profits rose sharply last year.",
        "The bank said profits from its trading unit fell sharply last year.")


def test_a_described_body_that_may_be_another_stays_a_change() -> None:
    original = ("Orbis said the merger would close in June. Kestrel, the smaller airline, said it "
                "expected delays.")
    assert ("attribution", "changed", "The airline company said") in flags(
        original, "The airline company said the merger would close in June.")


def test_where_a_figure_was_said_or_another_spelling_of_its_place_is_one_slot() -> None:
    assert numbers_changed("In Geneva, the UN agency said 2,000 people had fled the fighting.",
                           "The UN agency said 2,500 people had fled the fighting in Sudan.") == [
        ("changed", "2,000 people", "2,500 people")]


def test_other_added_people_places_and_parties_are_not_folded() -> None:
    original = "Shoe sales rose 4% in the quarter."
    found = [t for _k, _s, t in flags(original, original + " Janko Tipsarevic of Serbia beat Novak "
                                                           "Rados, and the Serb Ivo Miletic lost.")]
    assert "Serb Ivo Miletic" in found
    assert [t for _k, _s, t in flags(original, original + " Fans came from Kharkiv, Odesa and "
                                                          "Lviv.")] == ["Kharkiv", "Odesa", "Lviv"]
    assert "Labour" in [t for _k, _s, t in flags(original, original + " Ann Kerr (Labour) won.")]


def test_a_rounded_restatement_is_the_same_restatement() -> None:
    original = "Odo Kam was found guilty of taking 170 million yuan ($26.7 million) in bribes."
    assert numbers_changed(original, original.replace("$26.7", "$27")) == []
    assert numbers_changed("The road is 10 km (6.2 miles) long.",
                           "The road is 10 km (6 miles) long.") == []


def test_a_long_unbroken_line_is_read_in_linear_time() -> None:
    # a widget count's pattern once backtracked over one long word (Thai is written unspaced)
    import time
    word = "ก" * 3000
    start = time.process_time()
    retold.compare("The council met on Monday.", f"The council met on Monday.\n\n{word}\n")
    assert time.process_time() - start < 20


def test_a_denial_said_in_one_word_is_the_same_denial() -> None:
    assert flags("She won her first title without a penalty on Sunday.",
                 "She won her first penalty-free title on Sunday.") == []
    found = flags('"There should be no swimming in the lake," ranger Tom Ebb said on Friday.',
                  "Ranger Tom Ebb stressed the prohibition of swimming in the lake on Friday.")
    assert not any(kind == "negation" for kind, _status, _text in found)
    # a ban approved where the original denies one stays a reversal
    assert any(kind == "negation" for kind, _status, _text in flags(
        "The council did not ban swimming in the lake.",
        "The council approved a ban on swimming in the lake."))



def test_one_very_long_sentence_of_repeated_figures_is_read_in_near_linear_time() -> None:
    # each figure once looked for its evidence by equality in the whole sentence's facts, and
    # each repeated name paired with every other: a 28,000-character sentence took over 60 s
    import time
    text = "Ünïcødé ñame “quoted” — 12 % ½ ٣ 五 " * 700
    start = time.process_time()
    retold.compare(text, text.replace("4", "5"))
    assert time.process_time() - start < 30
