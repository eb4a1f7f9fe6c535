"""Readings from a fourteenth review of real copy. Every pair is written for these tests."""

from __future__ import annotations

import itertools
import string

import pytest

import retold


def number_changes(original: str, retelling: str) -> list[tuple[str, str]]:
    return [(c.original.text, c.retelling.text) for c in retold.compare(original, retelling).changes
            if c.kind == "number" and c.status == "changed" and c.original and c.retelling]


def test_a_score_against_par_is_no_bound() -> None:
    original = "Kim shot a 5-under 65 on Thursday to lead the Classic by two strokes."
    assert number_changes(original, "Kim carded a five-under-par 65 on Thursday to lead the "
                                    "Classic by two strokes.") == []
    assert number_changes(original, "Kim shot a 5-under 66 on Thursday to lead the Classic by "
                                    "two strokes.") == [("65", "66")]
    # a bound written as a word of its own is still read
    assert number_changes("Kim finished under 65 on Thursday.", "Kim finished 65 on Thursday.") == [
        ("under 65", "65")]


def speakers(text: str) -> list[str]:
    doc = retold.compare("A line.", text).retelling
    return [f.key for f in doc.facts if f.kind == "attribution"]


def test_a_job_title_in_lower_case_before_a_name_credits_the_person() -> None:
    # agency style writes the job in lower case after the verb
    assert speakers("The lead held, said coach Ray Dunn.") == ["ray dunn"]
    assert speakers("The lead held, said head coach Ray Dunn.") == ["ray dunn"]
    assert speakers("The lead held, said team captain Joe Root.") == ["joe root"]
    assert speakers("The fee was fair, according to defence lawyer Ann Bell.") == ["ann bell"]
    assert speakers("According to Department of Corrections spokesperson Ira Ndlovu, he left.") \
        == ["ira ndlovu"]
    # a name after a report's subject is no speaker
    assert "anna berg" not in speakers("The lead held, said the report on Anna Berg.")


def test_a_speaker_added_with_a_lower_case_title_is_one_attribution() -> None:
    original = "The Harriers kept their lead in the standings."
    changes = retold.compare(original, "The Harriers kept their lead in the standings, said "
                                       "coach Ray Dunn.").changes
    assert [(c.kind, c.status) for c in changes] == [("attribution", "added")]


def test_verbs_of_saying_that_are_also_acts_report_speech_only_before_what_was_said() -> None:
    assert speakers("Ford recalled 50,000 cars on Monday.") == []
    assert speakers("The club maintained its lead at the top.") == []
    assert speakers("Apple revealed a new phone.") == []
    assert speakers("Ford recalled that sales fell in May.") == ["ford"]
    assert speakers("Dunn maintained that he was innocent.") == ["dunn"]
    assert speakers("She recalled how the flood came.") == ["she"]


def changes(original: str, retelling: str, **kw: str) -> list[tuple[str, str, str, str]]:
    return [(c.kind, c.status, c.original.text if c.original else "",
             c.retelling.text if c.retelling else "")
            for c in retold.compare(original, retelling, **kw).changes]


def test_a_scale_word_joined_by_a_hyphen_multiplies() -> None:
    original = "The minister announced a USD two million fund for coastal villages."
    assert changes(original, "The minister announced a $2-million fund for coastal villages.") == []
    assert changes(original, "The minister announced a $3-million fund for coastal villages.") == [
        ("number", "changed", "USD two million fund", "$3-million fund")]


def test_a_list_of_party_results_keeps_each_party_s_count() -> None:
    original = "Congress won 42 wards, the BJP 29 and Independents 3."
    assert changes(original, "Congress won 42 wards, the BJP 27 and Independents 3.") == [
        ("number", "changed", "29", "27")]
    assert changes(original, "Congress won 42 wards, the BJP 29 and Independents 5.") == [
        ("number", "changed", "3", "5")]
    assert changes(original, "Congress bagged 42 wards, while the BJP won 29 and Independents "
                             "3.") == []


def test_a_dateline_with_its_country_and_year_is_no_date_of_the_story() -> None:
    original = "Oslo: Farmers in Norway are twice as likely to report back pain, a survey found."
    retelling = ("Oslo, Norway, March 4, 2021: Farmers in Norway are twice as likely to report "
                 "back pain, a survey found.")
    dated = {"original_published": "2021-03-04", "retelling_published": "2021-03-04"}
    assert [c for c in changes(original, retelling, **dated) if c[0] == "date"] == []


def test_a_state_as_agency_style_abbreviates_it_is_the_state() -> None:
    original = ("SALEM, Oregon (AP) — Police in Eugene, Oregon, said two men were held. A woman "
                "from Tulsa, Oklahoma, was hurt. She had moved from Trenton, New Jersey.")
    retelling = ("SALEM, Ore. (AP) — Police in Eugene, Ore., said two men were held. A woman from "
                 "Tulsa, Okla., was hurt. She had moved from Trenton, N.J.")
    assert changes(original, retelling) == []
    # another state is still another name
    assert ("name", "changed", "Oklahoma", "Kan") in changes(
        original, retelling.replace("Okla.", "Kan."))


def test_a_place_and_its_state_before_a_verb_are_where_the_speakers_are() -> None:
    assert speakers("Police in Eugene, Oregon, said two men were held.") == ["police in eugene"]
    assert speakers("Anna Hale, the mayor of Eugene, said it.") == ["anna hale"]


def test_an_abbreviation_with_a_full_stop_is_no_nor() -> None:
    original = "The ferry left Tamsby, Norway, at dawn."
    assert [c for c in changes(original, "The ferry left Tamsby, Nor., at dawn.")
            if c[0] == "negation"] == []
    assert any(c[0] == "negation" and c[3] == "Nor" for c in changes(
        "Police found the money.", "Nor did police find the money."))


def test_a_zone_of_a_time_restated_in_brackets_is_no_name() -> None:
    original = "The storm hit the coast around midnight (5 p.m. ET) on Monday."
    assert changes(original, "The storm hit the coast around midnight on Monday.") == []


STRIKE = ("Harbour workers in Tamsby walked out on Monday over unpaid overtime. The union said "
          "310 members joined the strike.")


def test_what_a_page_says_of_itself_is_furniture() -> None:
    page = (STRIKE + "\n\nCoastwire publishes about 250 stories a week\nThis story was first "
            "published 3 years ago\nGet Coastwire News in your Inbox:\nDownload CoastApp\n")
    dated = {"original_published": "2021-03-04", "retelling_published": "2021-03-04"}
    assert changes(STRIKE, page, **dated) == []
    kinds = [s.kind for s in retold.compare(STRIKE, page).retelling.sentences]
    assert kinds[:2] == ["body", "body"] and set(kinds[2:]) == {"boilerplate"}


def test_a_story_about_publishing_stays_story() -> None:
    story = ("The agency publishes 40 reports a day on the war, officials said. The report was "
             "first published in the Times in 1990, and it changed everything.")
    kinds = [s.kind for s in retold.compare(STRIKE, story).retelling.sentences]
    assert kinds == ["body", "body"]


def test_a_figure_after_a_turn_is_its_rank() -> None:
    original = ("Ravi Okonjo made his second hundred of the game on Sunday. Earlier, Sam Pell "
                "made 188 off 140 balls on day four to give Marlow the lead.")
    retelling = ("Okonjo becomes 4th player to hit twin tons on debut\n\n" + original.replace(
        "day four", "Day 3"))
    assert [c for c in changes(original, retelling) if c[0] == "number"] == [
        ("number", "changed", "four", "3")]
    assert changes(original, original.replace("day four", "Day 4")) == []
    # a count after the word is still a count
    assert number_changes("The day 3 people died was cold.", "The day 4 people died was cold.") \
        == [("3 people", "4 people")]


def test_a_qualifier_said_again_in_a_merged_sentence_is_not_added() -> None:
    original = "Another 19 people were injured. Kimaiyo said the death toll could rise."
    retelling = ("Police say the death toll could rise. Kimaiyo said the death toll could rise "
                 "and 19 people were injured.")
    assert changes(original, retelling) == []
    # where the original never hedges it, the hedge is added
    assert ("qualifier", "added", "", "could") in changes(
        original.replace("could rise", "rose"), retelling)


def test_a_photo_credit_after_a_slash_is_furniture() -> None:
    page = STRIKE + " / Coastwire and Agencies\n"  # (as a flat scrape glues it on)
    assert changes(STRIKE, page) == []
    assert [s.kind for s in retold.compare(STRIKE, page).retelling.sentences][-1] == \
        "boilerplate"


@pytest.mark.parametrize("line", [
    # every span of a title-case line was tried as a known name (cubic: 3,000 capitalised
    # words took 14 s) ...
    "Ab " * 6000,
    # ... and each run of capitals split the whole line into fields again (quadratic) ...
    "Ab, " * 6000,
    # ... each speaker looked for the next sentence break to the text's end, each attribution
    # was checked against every one found, and each added name against every other
    "Ab Cd said " * 4000,
    # ... or against every other person added (2,000 people named: 42 s)
    " ".join(f"K{a}{b} V{c}{a} said." for a, b, c in itertools.islice(
        itertools.product(string.ascii_lowercase, repeat=3), 2000)),
    # ... and in one long sentence (no capital after its stops) each figure read every word
    # and every fact of it
    " ".join(f"{i} people died in K{a}{b}{c}." for i, (a, b, c) in enumerate(itertools.islice(
        itertools.product(string.ascii_lowercase, repeat=3), 4000))),
])
def test_a_long_line_of_names_is_read_in_linear_time(line: str) -> None:
    import time
    start = time.process_time()
    retold.compare("The council met on Monday.", line)
    assert time.process_time() - start < 20


# --- from a fifteenth review ----------------------------------------------------------------


def test_a_count_inside_dozens_or_hundreds_is_told_roughly_not_changed() -> None:
    original = "Crews were searching for 37 people still missing after the mudslide."
    found = retold.compare(original, "Crews were searching for dozens of people still missing "
                                     "after the mudslide.").changes
    assert [(c.kind, c.severity) for c in found] == [("number", "low")]
    assert [(c.kind, c.severity) for c in retold.compare(
        "Hundreds of people fled.", "About 400 people fled.").changes] == [("number", "low")]
    # outside the range it is another figure
    assert [(c.kind, c.severity) for c in retold.compare(
        "Dozens were hurt.", "12 were hurt.").changes] == [("number", "high")]
    # "hundreds more" counts others besides, which no figure of the first holds
    found = changes("At least 377 people are confirmed to have died in the collapse.",
                    "The death toll in the collapse is close to 400 and hundreds more are "
                    "still missing.")
    assert ("number", "added", "", "hundreds") in found


def test_a_negation_inside_a_quotation_both_texts_give_is_the_quotation_s() -> None:
    original = "Relatives told him 'you are nothing' as the killer refused to come into court."
    retelling = 'Relatives addressed an empty dock as they told him "you are nothing".'
    assert [c for c in changes(original, retelling) if c[0] == "negation"] == []


def test_a_body_and_the_officer_a_text_names_for_it_are_one_source() -> None:
    original = "The Marlow Water Board said bills will rise 8% in July."
    for retelling in (("Ruth Okoye, chair of the Marlow Water Board, said bills will rise 8% in "
                       "July."),
                      "Water Board chair Ruth Okoye said bills will rise 8% in July.",
                      "The board's chair, Ruth Okoye, said bills will rise 8% in July."):
        assert changes(original, retelling) == [], retelling
    # a person named with no office for it, or another tie, is another source
    for retelling in ("Ruth Okoye said bills will rise 8% in July.",
                      ("Ruth Okoye, a critic of the Marlow Water Board, said bills will rise 8% "
                       "in July.")):
        assert [c[:2] for c in changes(original, retelling)] == [("attribution", "changed")]


def test_a_relative_under_the_person_s_surname_is_another_person_added() -> None:
    original = ("Former sprinter Dirk Venter has been released on parole. Venter will live at "
                "his uncle's home in Durban.")
    retelling = ("Venter was released on parole and will live at his uncle's home in Durban. "
                 "Venter and his sister were raised by their uncle and aunt, Hendrik and Elsa "
                 "Venter. Hendrik Venter was seen leaving the house.")
    found = changes(original, retelling)
    assert not [c for c in found if c[:2] == ("name", "changed")]
    assert ("name", "added", "", "Elsa Venter") in found
    # the same surname put in the person's place, with no tie, is a swap
    assert changes("Dirk Venter won the race in Durban on Sunday.",
                   "Elsa Venter won the race in Durban on Sunday.") == [
        ("name", "changed", "Dirk Venter", "Elsa Venter")]
    assert changes("Dirk Venter won the race in Durban on Sunday.",
                   "His sister Elsa Venter won the race in Durban on Sunday.") == [
        ("name", "changed", "Dirk Venter", "Elsa Venter")]


def test_a_gerund_opening_a_sentence_is_no_place() -> None:
    story = "Rescue teams reached the village on Tuesday, the regional governor said."
    page = ("Reading or replaying the story in its archived form does not constitute a "
            "republication of the story.\n\n" + story)
    assert [c for c in changes(story, page) if c[0] == "name"] == []


def test_anticipated_to_is_the_hedge_expected_to_is() -> None:
    assert changes("Venter was expected to live at his uncle's home.",
                   "Venter is anticipated to live at his uncle's home.") == []


def test_a_count_of_things_fills_no_slot_of_a_measure() -> None:
    original = ("The river flood forced 9,000 people from their homes, officials said. Rescuers "
                "tested five samples of the water.")
    found = changes(original, "The river flood forced 9,000 people from their homes, officials "
                              "said. A five kilometre zone was closed.")
    assert ("number", "added", "", "five kilometre") in found
    assert not [c for c in found if c[:2] == ("number", "changed")]


def test_an_age_is_one_slot_however_written() -> None:
    original = "The first patient, who died on May 2, was 51 years old, officials said."
    found = retold.compare(original, "The first patient, a 55-year-old man, died on May 2, "
                                     "officials said.").changes
    assert [(c.kind, c.status, c.detail) for c in found] == [
        ("number", "changed", "The age changed from 51 years to 55.")]
    # the second victim's age is another person's
    original = ("The first victim, who died on May 2, was 51 years old, while the man who died "
                "on Sunday was 38.")
    found = changes(original, "The first death, that of a 55-year-old man, came on May 2. A "
                              "second man died on Sunday.")
    assert ("number", "changed", "51 years", "55-year-old") in found


# --- from a review of the change ------------------------------------------------------------


def test_a_hedge_after_a_dash_is_still_a_hedge() -> None:
    assert number_changes("The storm killed--by some counts--more than 40 people.",
                          "The storm killed--by some counts--40 people.") == [
        ("more than 40 people", "40 people")]


def test_a_sentence_about_a_report_s_publication_stays_story() -> None:
    for line in ("The report was published on March 4, 2021.",
                 "Reuters publishes around 2,000 stories a day.",
                 "The report was last updated 3 years ago."):
        kinds = [s.kind for s in retold.compare(STRIKE, STRIKE + " " + line).retelling.sentences]
        assert kinds[-1] == "body", line


def test_speech_verbs_that_are_acts_still_report_what_was_said() -> None:
    assert speakers("Investigators revealed in court that the bomb was real.") == ["investigators"]
    assert speakers("Officials maintained Sunday that the vote was fair.") == ["officials"]
    assert speakers("She recalled seeing the car.") == ["she"]
    assert speakers("Police revealed the agency had lost the file.") == ["police"]


def test_someone_near_a_titled_person_is_not_that_person() -> None:
    for line in ("It failed, said aides to president Luis Arce.",
                 "It failed, said allies of governor Ann Cole.",
                 "It failed, said aides to Senator Tom Reyes.",
                 "It failed, said former president Donald Trump's lawyer."):
        assert not {"luis arce", "ann cole", "tom reyes", "donald trump"} & set(speakers(line)), \
            line


def test_a_zone_restated_in_brackets_is_still_compared() -> None:
    original = "The storm hit the coast around midnight (5 p.m. ET) on Monday."
    assert changes(original, original.replace("ET", "PT")) == [("name", "changed", "ET", "PT")]


def test_a_broadcaster_s_letters_before_a_period_are_no_currency() -> None:
    assert changes("He told NPR two weeks later that he quit.",
                   "He told CNN two weeks later that he quit.") == [
        ("name", "changed", "NPR", "CNN")]


def test_a_turn_s_rank_and_the_same_count_of_turns_are_one_figure() -> None:
    assert changes("He is out until week 6.", "He is out for six weeks.") == []
    assert changes("Talks reached round 2.", "Talks went 2 rounds.") == []


def test_a_state_s_abbreviation_is_read_only_after_a_town() -> None:
    assert changes("The bishop led the service in Massachusetts.", "The bishop led Mass.") != []


def test_a_company_s_brand_is_its_registered_name_s_short_form() -> None:
    story = ("Kessel Electronics estimated its operating profit rose 56% to $14 billion, likely "
             "because chip demand stayed strong. The tech giant said in its preliminary report "
             "that sales rose too.")
    page = "Share This Page\nBusiness Headlines\n\nKessel estimates 56% jump in profit\n\n" + story
    assert [c for c in changes("SEOUL (AP) - " + story, page) if c[0] == "attribution"] == []
    assert names_same("Kessel", "Kessel Electronics") and names_same("Orvik", "Orvik Motor")


def names_same(a: str, b: str) -> bool:
    from retold.facts import names
    return names.same_name(a, b)


def test_an_agency_credited_before_the_next_sentence_is_no_speaker_of_it() -> None:
    found = speakers("The zones are closed, Ann Geetha said, according to PTI. The police will "
                     "cordon off these areas.")
    assert "pti" in found and not any("police" in s for s in found)


# --- from a sixteenth review ----------------------------------------------------------------


def test_a_word_of_a_name_is_no_opposite() -> None:
    original = ("Harford were spared an embarrassing loss when Victor Lund headed a late "
                "equaliser in a 1-1 draw with Corby.")
    retelling = ("A late header from Victor Lund earned Harford a 1-1 draw with Corby, sparing "
                 "them a surprising defeat.")
    assert [c for c in changes(original, retelling) if c[0] == "negation"] == []


def test_a_person_is_no_other_given_name_of_a_company() -> None:
    original = ("Six passengers and two pilots were killed when a domestic flight to Uganda's "
                "capital crashed into a mountain on Tuesday. Aerial search teams spotted "
                "wreckage in central Uganda, an official said. Local air travel has grown since "
                "national flag carrier Uganda Airways launched a low-cost carrier in 2014.")
    retelling = original + (" The six passengers were Ana Brill, Tom Okafor, Lise Narvik, Peter "
                            "Mwangi Ugonda, Joy Dene and Sam Ude.")
    assert not [c for c in changes(original, retelling) if c[:2] == ("name", "changed")]


def test_a_place_and_its_county_report_alike() -> None:
    original = "The ministry said 40 cases had been found. Halden has reported 12 cases."
    retelling = "The ministry said 40 cases had been found. Halden County has confirmed 12 cases."
    assert [c for c in changes(original, retelling) if c[0] == "attribution"] == []


def test_a_word_the_original_says_both_ways_is_no_reversal() -> None:
    original = ("“There is no fairness, where is the fairness in sending an honest woman to "
                "prison?” she shouted.")
    retelling = ("“It is not right. There is no fairness. Where is the fairness in sending an "
                 "honest woman to prison?”")
    assert [c for c in changes(original, retelling) if c[0] == "negation"] == []


def test_a_quotation_split_around_its_speaker_is_quoted_whole() -> None:
    original = ("Nora Vale was convicted of fraud on Friday. “It is wrong, Judge – I never "
                "touched the money. An honest woman is going to prison – where is the fairness "
                "in this?” she shouted at Judge Alan Reed.")
    assert changes(original, "Nora Vale was convicted of fraud on Friday. “It is wrong, judge. "
                             "I never touched the money,” she shouted at Judge Alan Reed. “An "
                             "honest woman is going to prison. Where is the fairness in this?”") \
        == []
    original = "“We will win, and we will win big,” Dunn said."
    # a part left out, or a part changed, is still a change
    assert [c[:2] for c in changes(original, "“We will win,” Dunn said.")] == [
        ("quote", "changed")]
    assert ("quote", "changed") in [c[:2] for c in changes(
        original, "“We will win,” Dunn said. “And we will lose big.”")]
