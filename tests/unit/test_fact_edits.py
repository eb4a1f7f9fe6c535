"""Golden pairs for edits that change a fact and edits that only reword one.

Written for these tests: each pair names the facts that must be flagged (a number, date or
name changed, added or dropped) and the rewordings that must not be (a figure read one way on
one side and another way on the other, a name restated in plain words, glued to the next word
or spelled one letter off, a sentence opening with an ordinary word).
"""

from __future__ import annotations

import pytest

import retold
from retold import lexicon

FACT_KINDS = ("number", "date", "name")


def flags(original: str, retelling: str) -> list[tuple[str, str, str, str]]:
    c = retold.compare(original, retelling)
    return [(ch.kind, ch.status, ch.original.text if ch.original else "",
             ch.retelling.text if ch.retelling else "")
            for ch in c.changes if ch.kind in FACT_KINDS]


NOT_CHANGES = [
    pytest.param(
        "We study two ways to clean noisy labels with small models that learn from their own "
        "mistakes over many rounds of training on the data. Tests show that the approach helps "
        "on every task that we tried and costs little extra time.",
        "We study two ways to clean noisy labels with small models that learn from their own "
        "mistakes over many rounds of finetuning on the data. Tests on several multilingual "
        "benchmarks show that the approach helps on every task that we tried and costs little "
        "extra time.",
        id="cased-prose-without-names-is-not-lower-case-text"),
    pytest.param(
        "Output at the plant peaked in March 2019, then fell for a year.",
        "Output at the plant peaked in March 2019 and then fell for a year.",
        id="month-year-before-a-comma-is-one-date"),
    pytest.param(
        "The fire started at 3 AM near the harbour wall.",
        "The fire started at 3 a.m. local time near the harbour wall.",
        id="am-after-a-clock-time-is-no-name"),
    pytest.param(
        "Different from earlier plans, the bridge will carry trams. Further, the council "
        "approved the budget.",
        "Unlike earlier plans, the bridge will carry trams. The council also approved the "
        "budget.",
        id="sentence-opening-adjectives-are-no-names"),
    pytest.param(
        "In 1998  Simmons left the party after a long dispute.",
        "In 1998, Simmons left the party after a long dispute.",
        id="a-figure-written-digit-for-digit-on-the-other-side"),
    pytest.param(
        "Engineers fitted a 2.75 inch valve to the main pipe.",
        "Engineers fitted a 2.75 -inch valve to the main pipe.",
        id="a-measure-read-differently-on-each-side"),
    pytest.param(
        "The navy began the Harbor Relief Operation in the spring.",
        "The navy began a relief operation for the harbor in the spring.",
        id="a-name-restated-in-lower-case-words"),
    pytest.param(
        "The convoy was struck by a U.S. Drone near the border.",
        "The convoy was struck by a United States drone near the border.",
        id="an-alias-and-a-common-noun-in-capitals"),
    pytest.param(
        "The ministers met in LisbonThe talks lasted two days.",
        "The ministers met in Lisbon. The talks lasted two days.",
        id="a-name-glued-to-the-next-sentence"),
    pytest.param(
        "The ship docked at Kvarnby harbour near Tromsdal.",
        "The ship docked at Kvarnbey harbour near Tromsdal.",
        id="one-letter-left-out-of-a-long-name"),
    pytest.param(
        "A Kenyan fishing crew was rescued on Sunday.",
        "A fishing crew from Kenya was rescued on Sunday.",
        id="a-country-and-its-adjective-in-one-slot"),
    pytest.param(
        "The bridge, until recently, was closed to lorries.",
        "The bridge was closed to lorries.",
        id="a-vague-time-left-out-dates-nothing"),
    pytest.param(
        "The hills rose some 4.5 million years back, geologists say.",
        "The hills rose some 4.5 million years ago, geologists say.",
        id="years-ago-after-a-figure-is-no-date"),
    pytest.param(
        "Margins at the bank were wider than in Q2 and the year-ago quarter.",
        "Margins at the bank were wider than in Q2 and the prior year.",
        id="year-ago-is-the-prior-year"),
    pytest.param(
        "She won a Golden Globe for the role.",
        "She won one Golden Globe for the role.",
        id="one-for-an-article"),
    pytest.param(
        "The two clubs plan to meet over the weekend to settle the fee.",
        "The two clubs will meet over the coming weekend to settle the fee.",
        id="a-planned-weekend-is-the-coming-one"),
    pytest.param(
        "The chain plans to open 100 stores by the end of 2025.",
        "The chain plans to open 100 stores by 2025's end.",
        id="a-year-s-end-is-the-end-of-the-year"),
    pytest.param(
        "The firm expects profit in the range of $2.10 to $2.25 a share.",
        "The firm expects profit of approximately $2.10 to $2.25 a share.",
        id="a-range-is-approximate-by-itself"),
    pytest.param(
        "The ferry ran between the islands from c. 1861 to 1904.",
        "The ferry ran between the islands from around 1861 to 1904.",
        id="a-range-of-years-from-the-1800s"),
    pytest.param(
        "The mare finished in second place at the spring fair.",
        "The mare finished in 2nd place at the spring fair.",
        id="an-ordinal-in-words-and-in-digits"),
    pytest.param(
        "The chapel was rebuilt in the fourteenth century by monks.",
        "The chapel was rebuilt in the 14th century by monks.",
        id="a-century-in-words-and-in-digits"),
    pytest.param(
        "The council paid the contractor $ 25.000 for the survey.",
        "The council paid the contractor $ 25,000 for the survey.",
        id="a-thousands-mark-of-either-convention"),
    pytest.param(
        "The deal will cost the insurer $3.1 billion US over five years.",
        "The deal will cost the insurer $3.1 billion over five years.",
        id="the-country-of-a-currency-after-an-amount"),
    pytest.param(
        "The fort was held from about AD 700 to 950 by the clan.",
        "The fort was held from about 700 to 950 by the clan.",
        id="an-era-before-a-year"),
    pytest.param(
        "The talk was given by Major Ruth Okafor (Ret.) of the reserve.",
        "The talk was given by retired major Ruth Okafor of the reserve.",
        id="a-retired-rank"),
    pytest.param(
        "The appeal was argued by Priya Venkat QC for the family.",
        "The appeal was argued by Priya Venkat for the family.",
        id="letters-after-a-name"),
    pytest.param(
        "Talks between the two resumed after the flood.",
        "Talks between them resumed after the flood.",
        id="the-two-refers-back"),
    pytest.param(
        "These two bridges were closed for repairs.",
        "Both these bridges were closed for repairs.",
        id="both-is-two"),
    pytest.param(
        "The Coastal Survey Office (CSO) said the dunes were moving inland.",
        "The Coastal Survey Office said the dunes were moving inland.",
        id="an-acronym-spelled-out-beside-it"),
    pytest.param(
        "The team tested zero-shot transfer on the new maps.",
        "The team tested transfer on the new maps.",
        id="zero-in-a-compound-counts-nothing"),
    pytest.param(
        "On June 3rd Pauls men crossed the river.",
        "On June 3, Paul's men crossed the river.",
        id="a-possessive-without-its-apostrophe-after-an-ordinal-day"),
    pytest.param(
        "The Frankish army halted the Avar advance.",
        "The Frankish army halted the Avars' advance.",
        id="a-people-and-its-plural-possessive"),
]

# These need WordNet: it tells a common word from a name that is also one.
NOT_CHANGES_WORDNET = [
    pytest.param(
        "Trials suggest that our method can shorten the queue at the depot.",
        "Trials suggest that Tidewell can shorten the queue at the depot.",
        id="a-description-replaced-by-the-name-it-refers-to"),
    pytest.param(
        "The leak was posted on Pastebin itself within the hour.",
        "The leak was posted on the site within the hour.",
        id="a-name-replaced-by-a-definite-description"),
    pytest.param(
        "Lanterns, tents, ropes and stoves were loaded onto the truck.",
        "Cables, tents, ropes and stoves were loaded onto the truck.",
        id="plural-nouns-opening-a-sentence"),
    pytest.param(
        "Zoology is still taught from the old charts.",
        "Zoologists still teach from the old charts.",
        id="an-abstract-noun-opening-a-sentence"),
    pytest.param(
        "Theory is no longer split from practice in that course.",
        "Theorists no longer split it from practice in that course.",
        id="another-abstract-noun-opening-a-sentence"),
    pytest.param(
        "The seat was lost in 2019 following a Greenleaf takeover of a campaign for parks.",
        "The seat was lost in 2019 after it joined a campaign for parks.",
        id="a-subject-it-stands-for-an-organisation"),
    pytest.param(
        "The council confirmed the closure (see the Ferrow Trust notice below) on Monday.",
        "The council confirmed the closure on Monday.",
        id="a-cross-reference-states-nothing"),
    pytest.param(
        "The mayor told Radiolinkthat the bridge will reopen.",
        "She told Radiolink the bridge will reopen.",
        id="a-small-word-glued-to-a-name"),
    pytest.param(
        "The Stuartyears brought new roads to the county.",
        "The Stuart period brought new roads to the county.",
        id="an-inflected-word-glued-to-a-name"),
]


@pytest.mark.parametrize(("original", "retelling"), NOT_CHANGES)
def test_rewordings_are_not_fact_changes(original: str, retelling: str) -> None:
    if "Different from" in original and not lexicon.available():
        pytest.skip("needs the WordNet data")
    assert flags(original, retelling) == []


@pytest.mark.parametrize(("original", "retelling"), NOT_CHANGES_WORDNET)
def test_common_words_in_capitals_are_not_fact_changes(original: str, retelling: str) -> None:
    if not lexicon.available():
        pytest.skip("needs the WordNet data")
    assert flags(original, retelling) == []


CHANGES = [
    pytest.param(
        "On 2 May she was discharged from hospital.",
        "On 2 May she was discharged from hospital and flew home on 6 May.",
        ("date", "added", "", "on 6 May"), id="another-day-without-a-publication-date"),
    pytest.param(
        "On 15 July 2015 the striker signed a new contract.",
        "On 15 July 2015 the striker signed a new contract; on 12 August he left.",
        ("date", "added", "", "on 12 August"), id="a-day-without-a-year-beside-a-dated-one"),
    pytest.param(
        "The bridge was closed yesterday after the storm.",
        "The bridge was closed after the storm.",
        ("date", "dropped", "yesterday", ""), id="a-relative-date-left-out"),
    pytest.param(
        "She won one Golden Globe for the role.",
        "She won two Golden Globes for the role.",
        ("number", "changed", "one Golden", "two Golden Globes"), id="one-replaced-by-two"),
    pytest.param(
        "The two clubs met over the weekend to settle the fee.",
        "The two clubs met over the coming weekend to settle the fee.",
        ("date", "changed", "the weekend", "coming weekend"), id="a-past-weekend-is-not-the-next"),
    pytest.param(
        "The firm expects earnings of about $1.30 a share.",
        "The firm expects earnings of $1.30 a share.",
        ("number", "changed", "about $1.30", "$1.30"), id="a-hedge-dropped-from-one-figure"),
    pytest.param(
        "Sales at Harbor Freight rose in the spring.",
        "Sales at a freight company rose in the spring.",
        ("name", "dropped", "Harbor Freight", ""), id="a-name-not-restated-by-its-last-word"),
    pytest.param(
        "Tickets for the Harbour Jazz Festival, a gala for the city, go on sale today.",
        "Tickets for the Harbour Jazz Gala go on sale today.",
        ("name", "changed", "Harbour Jazz Festival", "Harbour Jazz Gala"),
        id="a-name-whose-last-word-changed"),
    pytest.param(
        "Two dams burst: about 12 villages were flooded and 12 roads were cut.",
        "Two dams burst: about 12 villages were flooded.",
        ("number", "dropped", "12 roads", ""), id="a-figure-the-other-side-writes-less-often"),
    pytest.param(
        "Costa to leave the club, his agent said.",
        "Silva to leave the club, his agent said.",
        ("name", "changed", "Costa", "Silva"), id="a-name-opening-a-sentence"),
    pytest.param(
        "Nigerian troops crossed the river at dawn.",
        "Troops from Niger crossed the river at dawn.",
        ("name", "changed", "Nigerian", "Niger"), id="an-adjective-of-another-country"),
    pytest.param(
        "The shipment left Austria on Monday.",
        "The shipment left Australia on Monday.",
        ("name", "changed", "Austria", "Australia"), id="one-letter-is-not-enough-in-short"),
    pytest.param(
        "The mare finished in third place at the spring fair.",
        "The mare finished in 2nd place at the spring fair.",
        ("number", "changed", "third place", "2nd place"), id="another-rank-in-digits"),
    pytest.param(
        "The ferry ran between the islands from 1861 to 1894.",
        "The ferry ran between the islands from 1861 to 1899.",
        ("date", "changed", "1894", "1899"), id="the-end-of-a-range-of-years"),
    pytest.param(
        "The council paid the contractor $ 25.000 for the survey.",
        "The council paid the contractor $ 26,000 for the survey.",
        ("number", "changed", "$ 25.000", "$ 26,000"), id="other-digits-in-another-convention"),
    pytest.param(
        "The two were charged on Friday.",
        "The three were charged on Friday.",
        ("number", "changed", "two", "three"), id="the-two-replaced-by-the-three"),
    pytest.param(
        "The appeal was argued by Priya Venkat QC for the family.",
        "The appeal was argued by Priya Rao for the family.",
        ("name", "changed", "Priya Venkat", "Priya Rao"), id="another-name-without-its-letters"),
    pytest.param(
        "George drove to Georgetown after the match.",
        "George drove to Boston after the match.",
        ("name", "changed", "Georgetown", "Boston"), id="a-place-named-after-a-person"),
    pytest.param(
        "Ana Lopes introduced her to Rui Costa, whom she also managed.",
        "Ana Lopes and Tomas Vidal introduced Rui Costa to the band.",
        ("name", "added", "", "Tomas Vidal"), id="pronouns-after-a-name-stand-for-no-other"),
    pytest.param(
        "The speech was given by Roberts at the hall.",
        "The speech was given by Robert at the hall.",
        ("name", "changed", "Roberts", "Robert"), id="a-surname-ending-in-s-is-another-name"),
    pytest.param(
        "The boat was repaired over the winter.",
        "The boat was repaired by Rusty over the winter.",
        ("name", "added", "", "Rusty"), id="a-given-name-that-is-an-adjective"),
    pytest.param(
        "The probe was launched by Vantor in the spring.",
        "The probe was launched by a colleague in the spring.",
        ("name", "dropped", "Vantor", ""), id="an-indefinite-description-is-someone-new"),
    pytest.param(
        "The tanker was seized by Corvane near the strait.",
        "The tanker was seized by the unidentified ship near the strait.",
        ("name", "dropped", "Corvane", ""), id="an-unidentified-one-is-not-the-named-one"),
    pytest.param(
        "Officials blamed the Sarvel explosion on a gas leak.",
        "Officials blamed the blast on a gas leak.",
        ("name", "dropped", "Sarvel", ""), id="a-name-that-modified-a-noun-takes-its-detail"),
    pytest.param(
        "The Dorn Greatest Hits album sold well in the north.",
        "The Dorn album sold well in the north, and it reached Lisbon.",
        ("name", "added", "", "Lisbon"), id="it-after-a-name-stands-for-no-new-one"),
    pytest.param(
        "It was said that the clinic shut in May.",
        "It was said that Harlow Health shut the clinic in May.",
        ("name", "added", "", "Harlow Health"), id="an-empty-it-stands-for-nothing"),
    pytest.param(
        "The council confirmed the closure on Monday.",
        "The council confirmed the closure (by the Ferrow Trust) on Monday.",
        ("name", "added", "", "Ferrow Trust"), id="a-parenthesis-that-points-nowhere-else"),
    pytest.param(
        "The depot had thirty - two buses, and all thirty - two drivers took them out.",
        "The depot had 32 buses, and all 32 drivers took out only 20 buses.",
        ("number", "added", "", "20 buses"), id="a-count-in-words-is-no-excuse"),
]


@pytest.mark.parametrize(("original", "retelling", "expected"), CHANGES)
def test_fact_changes_are_flagged(original: str, retelling: str,
                                  expected: tuple[str, str, str, str]) -> None:
    found = flags(original, retelling)
    assert expected in found, found


def test_a_plural_of_a_name_is_the_name() -> None:
    assert not [f for f in flags("She won one Golden Globe for the role.",
                                 "She won two Golden Globes for the role.") if f[0] == "name"]


def test_a_surname_both_sides_share_does_not_hide_a_changed_first_name() -> None:
    found = flags(
        "The film stars Imran Khan and Priya Rao; it is the first film of Khan and Rao.",
        "The film stars Aamir Khan and Priya Rao; it is the first film of Khan and Rao.")
    assert ("name", "changed", "Imran Khan", "Aamir Khan") in found


def test_a_name_and_its_acronym_dropped_are_one_change() -> None:
    found = flags("The tool stores phrases in a Product Feature Map (PFM), a compact structure.",
                  "The tool stores phrases in a feature map, a compact structure.")
    assert found == [("name", "dropped", "Product Feature Map", "")]


def test_a_quotation_that_lost_its_speaker_is_one_change() -> None:
    c = retold.compare('"The pier will reopen in spring," said Marta Quill.',
                       '"The pier will reopen in spring."')
    found = [(ch.kind, ch.status) for ch in c.changes]
    assert found == [("quote", "changed")], found
    assert "Marta Quill" in c.changes[0].detail


def test_a_quotation_given_a_speaker_is_one_change() -> None:
    c = retold.compare('"The pier will reopen in spring."',
                       '"The pier will reopen in spring," said Marta Quill.')
    assert [(ch.kind, ch.status) for ch in c.changes] == [("quote", "changed")]


def test_a_speaker_named_elsewhere_in_the_retelling_is_not_lost() -> None:
    c = retold.compare('"The pier will reopen in spring," said Marta Quill.',
                       'Marta Quill spoke at the pier. "The pier will reopen in spring."')
    assert not [ch for ch in c.changes if ch.kind in ("name", "quote")], c.changes
