from __future__ import annotations

import doctest
import re

import pytest

import retold
from retold.facts import numbers
from retold.facts.base import Context
from retold.model import Document, Fact, Quantity, Sentence


def sentences_of(text: str) -> list[Sentence]:
    """Split on sentence-final punctuation (a stand-in for the real segmenter)."""
    out: list[Sentence] = []
    for m in re.finditer(r"[^.!?\n]+[.!?]*", text):
        out.append(Sentence(len(out), m.start(), m.end(), m.group(0)))
    return out


def facts(text: str) -> list[Fact]:
    doc = Document(text)
    found = numbers.extract(doc, sentences_of(text), Context())
    for f in found:
        assert doc.text[f.start : f.end] == f.text
    return found


def one(text: str) -> Fact:
    found = facts(text)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


def q(text: str) -> Quantity:
    value = one(text).value
    assert isinstance(value, Quantity)
    return value


# --- must find -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "hedge", "unit"),
    [
        ("Officials counted 2,000 rockets.", 2000, 2000, None, None),
        ("The fund holds 1.5 million dollars.", 1.5e6, 1.5e6, None, "USD"),
        ("The deal is worth £3.2bn to the city.", 3.2e9, 3.2e9, None, "GBP"),
        ("Rebels staged 108\xa0raids in the north.", 108, 108, None, None),
        ("They recruited two thousand volunteers.", 2000, 2000, None, None),
        ("A dozen tanks crossed the river.", 12, 12, None, None),
        ("Twenty-four hostages were freed.", 24, 24, None, None),
        ("A hundred and five nurses signed.", 105, 105, None, None),
        ("She lent two and a half million euros.", 2.5e6, 2.5e6, None, "EUR"),
        ("Half a million viewers tuned in.", 5e5, 5e5, None, None),
        ("Hundreds of farmers marched.", 200, 999, "vague", None),
        ("Tens of thousands of pilgrims arrived.", 20000, 99999, "vague", None),
        ("Several thousand homes lost power.", 2000, 9999, "vague", None),
        ("Half of the voters stayed home.", 50, 50, None, "percent"),
        ("Turnout fell 7 percentage points.", 7, 7, None, "percentage point"),
        ("The storm damaged a 5km stretch of road.", 5, 5, None, "km"),
    ],
)
def test_finds_single_figures(text: str, low: float, high: float, hedge: str | None,
                              unit: str | None) -> None:
    value = q(text)
    assert (value.low, value.high, value.hedge, value.unit) == (low, high, hedge, unit)


@pytest.mark.parametrize(
    "text",
    [
        "The clinic treated between 300-400 patients.",
        "The clinic treated between 300 and 400 patients.",
        "The clinic treated from 300 to 400 patients.",
        "The clinic treated 300 to 400 patients.",
        "The clinic treated 300–400 patients.",
        "The clinic treated between three and four hundred patients.",
    ],
)
def test_ranges_agree(text: str) -> None:
    value = q(text)
    assert (value.low, value.high, value.hedge) == (300, 400, None)
    assert one(text).role == "patient"


def test_distributive_range_in_words_equals_digits() -> None:
    digits = one("Police put the crowd at between 6,000-7,000 marchers.")
    words = one("Police put the crowd at between six and seven thousand marchers.")
    assert numbers.equivalent(digits, words)
    assert words.text == "between six and seven thousand marchers"


def test_distributive_scale_in_digits() -> None:
    value = q("The project will cost 2-3 million dollars.")
    assert (value.low, value.high, value.unit) == (2e6, 3e6, "USD")


def test_non_distributive_range_keeps_first_bound() -> None:
    value = q("Estimates range from 500 to 2 million users.")
    assert (value.low, value.high) == (500, 2e6)


def test_word_grammar() -> None:
    assert q("They counted two million three hundred thousand ballots.").low == 2.3e6
    assert q("It had one hundred and twenty-five rooms.").low == 125
    assert q("A thousand and one nights.").low == 1001
    assert (q("Between one and two hundred people came.").low,
            q("Between one and two hundred people came.").high) == (100, 200)
    assert [f.text for f in facts("He said one and then one more.")] == []


def test_or_range() -> None:
    value = q("The talks may take two or three days.")
    assert (value.low, value.high) == (2, 3)
    assert one("The talks may take two or three days.").value.unit == "day"  # a period


@pytest.mark.parametrize(
    ("phrase", "hedge"),
    [
        ("at least", "at_least"), ("more than", "more_than"), ("over", "more_than"),
        ("nearly", "nearly"), ("almost", "nearly"), ("about", "about"), ("around", "about"),
        ("some", "about"), ("roughly", "about"), ("approximately", "about"), ("up to", "up_to"),
        ("fewer than", "less_than"), ("less than", "less_than"), ("no more than", "at_most"),
    ],
)
def test_hedges(phrase: str, hedge: str) -> None:
    fact = one(f"Witnesses said {phrase} 40 guards were on duty.")
    assert fact.text == f"{phrase} 40 guards"
    assert fact.value == Quantity(40, 40, hedge, None)
    assert fact.role == "guard"


@pytest.mark.parametrize(("text", "hedge"), [
    # a hedge bounds the figure across the article of the noun it counts
    ("The co-op saw up to a 15% rise in members.", "up_to"),
    ("The fleet faced nearly a 40% cut in fuel.", "nearly"),
    ("The trust bought more than a 25% stake in the mill.", "more_than"),
    ("The port handled about an 8% rise in cargo.", "about"),
    # "over" and "under" before an article give the time something took or the deal it is under
    ("Rents in Tartu rose over a 10-year period.", None),
    ("The striker joined under a 3-year deal.", None),
])
def test_a_hedge_across_an_article(text: str, hedge: str | None) -> None:
    assert q(text).hedge == hedge


def test_suffix_hedges() -> None:
    assert q("They found 300 or so graves.").hedge == "about"
    assert q("They found 300-odd graves.").hedge == "about"
    assert q("They found 300 or more graves.").hedge == "at_least"


@pytest.mark.parametrize("text", ["Prices rose 40 percent.", "Prices rose 40%.",
                                  "Prices rose 40 per cent.", "Prices rose forty percent."])
def test_percent_forms_agree(text: str) -> None:
    assert q(text) == Quantity(40, 40, None, "percent", change="rise")


@pytest.mark.parametrize("text, change, span", [
    ("Ticket sales grew 12% in May.", "rise", "grew 12%"),
    ("Ticket sales fell by 12% in May.", "fall", "fell by 12%"),
    ("Ticket sales were up 12% in May.", "rise", "up 12%"),
    ("The club reported a 12% drop in ticket sales.", "fall", "12% drop"),
    ("Ticket sales were 12% higher in May.", "rise", "12% higher"),
    ("Unemployment eased 0.2 points in May.", None, "0.2 points"),  # "eased": not a change word
    ("Fares were 12% lower than at the rival line.", None, "12% lower"),  # a comparison
    # a verb and its object before "by" say which way; "raised" before a sum is an amount
    ("The bank raised its rates by 25 basis points.", "rise",
     "raised its rates by 25 basis points"),
    ("The bank cut its rates by 25 basis points.", "fall", "cut its rates by 25 basis points"),
    ("Rents were raised by 4% in May.", "rise", "raised by 4%"),
    ("The choir raised 3 million euros for the roof.", None, "3 million euros"),
    # a clause or another verb between ends the object; a passive's "by" before a count is
    # who did it
    ("Profits fell after being hit by 3 storms.", None, "3 storms"),
    ("The party that cut taxes won by 3 points.", None, "3 points"),
    ("Prices were lowered by 3 retailers.", None, "3 retailers"),
    ("Rates were cut by 0.5 points.", "fall", "cut by 0.5 points"),
    ("Ticket sales rose to 12% of revenue.", None, "12%"),  # a level, not the change
    ("Ticket sales rose from 12% to 15%.", None, "12%"),
    ("Rents will go up to 12% this year.", None, "up to 12%"),  # a hedge
    ("A share price of $4.10 grew 21% in a year.", None, "$4.10"),  # the level before the verb
    # markets and payrolls add and lose
    ("Madrid lost 0.3 percent on Monday.", "fall", "lost 0.3 percent"),
    ("Employers added 300 jobs in May.", "rise", "added 300 jobs"),
    ("We could lose 5 mln bucks.", "fall", "lose 5 mln bucks"),
])
def test_a_figure_that_is_the_size_of_a_change_says_which_way(text: str, change: str | None,
                                                               span: str) -> None:
    facts = [f for f in numbers.extract(Document(text), [Sentence(0, 0, len(text), text)],
                                        Context()) if span in f.text or f.text in span]
    assert facts and facts[0].text == span
    assert facts[0].value.change == change  # type: ignore[union-attr]


@pytest.mark.parametrize("original, retelling", [
    # a score or a margin is no amount; a comparison ("lower than") is no change
    ("The Rovers were down 2-1 at half-time but won 3-2.",
     "The Rovers trailed 2-1 at half-time but won 3-2."),
    # one size said both ways, in another order: nothing traded places
    ("The mill's output, up 10% in 2022, fell 10% in 2023.",
     "The mill's output fell 10% in 2023 after rising 10% in 2022."),
    ("Bakery sales rose 5% in 2023 and fell 8% in 2024.",
     "Bakery sales fell 8% in 2024 after rising 5% in 2023."),
    # a verb's particle is no direction ("shot down"), nor is a count of change nouns
    ("The air defences intercepted 9 drones, the army said.",
     "The air defences shot down 9 drones, the army said."),
    ("The builder picked up 3 new contracts in May.", "The builder won 3 new contracts in May."),
    # "one" is an article beside its change word too
    ("The club dropped one place to ninth.", "The club slipped a place to ninth."),
])
def test_figures_of_change_said_again_report_nothing(original: str, retelling: str) -> None:
    c = retold.compare(original, retelling)
    assert [ch for ch in c.changes if ch.kind in ("number", "negation")] == []


def test_a_rise_told_as_a_fall_of_another_size_says_both() -> None:
    c = retold.compare("Membership of the choir rose 12% last year.",
                       "Membership of the choir fell 15% last year.")
    assert [(ch.kind, ch.status) for ch in c.changes] == [("number", "changed")]
    assert "a rise" in c.changes[0].detail and "12% became 15%" in c.changes[0].detail


def test_a_rise_told_as_a_fall_is_one_number_change() -> None:
    c = retold.compare("Ferry passenger numbers rose 8% last summer, the harbour board said.",
                       "Ferry passenger numbers fell 8% last summer, the harbour board said.")
    assert [(ch.kind, ch.status, ch.original.text, ch.retelling.text) for ch in c.changes
            if ch.original and ch.retelling] == [("number", "changed", "rose 8%", "fell 8%")]
    assert "rise" in c.changes[0].detail and "fall" in c.changes[0].detail
    # the direction in other words, or left out, is the same figure
    for same in ("Ferry passenger numbers were up 8% last summer, the harbour board said.",
                 "Ferry passenger numbers showed an 8% increase last summer, the board said.",
                 "Ferry passenger numbers changed by 8% last summer, the harbour board said."):
        c = retold.compare("Ferry passenger numbers rose 8% last summer, the harbour board said.",
                           same)
        assert not [ch for ch in c.changes if ch.kind in ("number", "negation")], same


def test_two_changes_told_the_other_way_are_two_number_changes() -> None:
    # each figure counts the change itself ("a 12% increase"): one slot whichever way it went,
    # so both reversals are reported, not read as two figures that trade places
    original = "Members reported a 12% increase in attendance and a 4% drop in costs."
    c = retold.compare(original,
                       "Members reported a 12% decrease in attendance and a 4% rise in costs.")
    assert [(ch.kind, ch.status, ch.original.text, ch.retelling.text) for ch in c.changes
            if ch.original and ch.retelling] == [
        ("number", "changed", "12% increase", "12% decrease"),
        ("number", "changed", "4% drop", "4% rise")]
    # the same two changes in another order are no change
    c = retold.compare(original,
                       "Members reported a 4% drop in costs and a 12% increase in attendance.")
    assert not [ch for ch in c.changes if ch.kind in ("number", "negation")]


def test_arabic_indic_digits_keep_offsets() -> None:
    text = "قال المسؤولون إن ١٠٨ هجمات و ٢٬٠٠٠ مقاتل و٥٠٪ من السكان. ۱۲۳ نفر"
    found = facts(text)
    assert [f.text for f in found] == ["١٠٨", "٢٬٠٠٠", "٥٠٪", "۱۲۳"]
    assert [f.value.low for f in found if isinstance(f.value, Quantity)] == [108, 2000, 50, 123]
    assert found[2].value == Quantity(50, 50, None, "percent")


def test_other_scripts_keep_digits() -> None:
    assert [f.text for f in facts("Вчера погибли 24 человека. 共有108人死亡。")] == ["24", "108"]


def test_role_from_the_number_of() -> None:
    fact = one("The number of rebels in the valley is now about 900, officials said.")
    assert fact.role == "rebel" and fact.text == "about 900"


def test_counted_noun_skips_adjectives_and_lemmatises() -> None:
    fact = one("Gunmen killed 12 unarmed fishermen at dawn.")
    assert fact.role == "fisherman" and fact.text == "12 unarmed fishermen"
    assert one("Floods displaced 40 families.").role == "family"


@pytest.mark.parametrize("text, role", [
    ("The firm sells three of its partner's products.", "product"),
    ("She picked two of Norvale's services for the office.", "service"),
    # a name that is itself what is counted stays the role
    ("Three of the Wanderers scored.", "wanderer"),
])
def test_counted_noun_after_of_skips_a_possessor(text: str, role: str) -> None:
    assert one(text).role == role


# --- must not find ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Covid-19 wave is over.",
        "He flew an F-16 over the G7 summit.",
        "It was the first time, at first, a second chance.",
        "A number of officials resigned.",
        "One of the guards was asleep.",
        "No one was hurt.",
        "Call +44 20 7946 0958 for details.",
        "He lives at No. 10 and cited Article 5.",
        "The war began in 2013 and ended in June 2014.",
        "Since 2015, the group has grown.",
        "Veterans recalled the 2003 invasion.",
        "He stopped one day and said one thing.",
        "World War Two ended, says Formula One.",
        "He may march in March.",
    ],
)
def test_not_numbers(text: str) -> None:
    assert facts(text) == []


def test_a_capitalised_share_mid_sentence_is_a_figure() -> None:
    # A caption run into the story's sentence leaves "Five per cent" capitalised mid-sentence;
    # a share is a figure however it is written ("Formula One" above is still no number).
    text = "The map shows the valley and its ridge Nine per cent of farms there flooded."
    assert [(f.text, f.value.low) for f in facts(text) if isinstance(f.value, Quantity)] == [
        ("Nine per cent", 9)]


def test_count_that_looks_like_a_year_is_a_count() -> None:
    assert q("Some 2000 people fled.") == Quantity(2000, 2000, "about", None)
    assert q("Officials said 1999 ballots were spoiled.").low == 1999


def test_date_numbers_are_left_to_dates() -> None:
    found = facts("On June 18, 2020 the council approved 45 new homes.")
    assert [f.text for f in found] == ["45 new homes"]


def test_change_verb_is_not_a_range() -> None:
    found = facts("Fares rose from 5 to 8 dollars.")
    assert [(f.value.low, f.value.high) for f in found if isinstance(f.value, Quantity)] == [
        (5, 5), (8, 8)]


def test_tally_is_one_figure() -> None:
    found = facts("The motion passed 61-39 after a long debate.")
    assert [(f.text, f.value) for f in found] == [
        ("61-39", Quantity(61, 39, None, numbers.TALLY))]


def test_ratios_read_as_shares() -> None:
    assert q("Four in 10 adults smoke.") == Quantity(40, 40, None, "percent")
    assert q("One in five homes flooded.") == Quantity(20, 20, None, "percent")
    assert [f.text for f in facts("She scored 10 in 20 minutes.")] == ["10", "20 minutes"]


def test_vague_without_of_and_units() -> None:
    assert q("Tens of thousands marched.") == Quantity(20000, 99999, "vague", None)
    assert q("Hundreds more waited.") == Quantity(200, 999, "vague", None)
    assert q("It was 41C in the shade.") == Quantity(41, 41, None, "°C")
    assert facts("Sales of the iPhone 11 fell.") == []


def test_a_figure_after_an_acronym_counts_what_follows_it() -> None:
    assert [(f.text, f.role) for f in facts("A medic told CNN 5 people were hurt.")] == [
        ("5 people", "people")]
    assert [f.text for f in facts("According to ABC 12 houses burned.")] == ["12 houses"]
    assert facts("UN 2254 was adopted.") == []  # an identifier
    assert facts("Article 5 applies.") == []
    # a model number before a plural counts nothing: no verb of telling comes before it
    assert facts("The shop sold out of PlayStation 5 consoles.") == []
    assert facts("The UN 2254 talks stalled.") == []


def test_one_counts_before_a_noun() -> None:
    assert one("Only one soldier survived.").role == "soldier"


# --- equivalence, slots, explanations --------------------------------------------------------


def test_equivalence_pairs() -> None:
    assert numbers.equivalent(one("around 80 boats sank."), one("about 80 boats sank."))
    assert numbers.equivalent(one("It fell 25%."), one("It fell twenty-five per cent."))
    assert numbers.equivalent(one("There were 1.5 million votes."),
                              one("There were 1,500,000 votes."))
    assert not numbers.equivalent(one("at least 30 ships"), one("30 ships"))
    assert not numbers.equivalent(one("about 30 ships"), one("at least 30 ships"))
    assert not numbers.equivalent(one("30 ships"), one("30% ships"))
    assert not numbers.equivalent(one("between 20-30 ships"), one("between 200-300 ships"))


def test_hundreds_is_never_one_hundred() -> None:
    hundreds = one("Hundreds of ships were seized.")
    assert not numbers.equivalent(hundreds, one("A hundred ships were seized."))
    assert numbers.equivalent(hundreds, one("Several hundred ships were seized."))


def test_slot_score_prefers_the_same_counted_noun() -> None:
    ships = one("They sank 30 ships.")
    boats = one("They sank 45 boats.")
    more_ships = one("They sank 45 ships.")
    share = one("They sank 45% of it.")
    assert numbers.slot_score(ships, more_ships) > numbers.slot_score(ships, boats)
    assert numbers.slot_score(ships, boats) > numbers.slot_score(ships, share) > 0
    assert 0 <= numbers.slot_score(ships, share) <= 1


def test_measured_noun_before_a_percentage_names_the_slot() -> None:
    cut = one("The parks department faces a cut of about 8 percent.")
    rise = one("Police spending rose by 12%.")
    other_rise = one("The council raised police spending by 15%.")
    assert (cut.role, rise.role) == ("cut", "")
    assert other_rise.role == "spending"
    assert numbers.slot_score(cut, other_rise) < 0.5 <= numbers.slot_score(rise, other_rise)


@pytest.mark.parametrize("text, value, unit", [
    ("Growth was three point five percent.", 3.5, "percent"),
    ("The rate is two point four five percent.", 2.45, "percent"),
    ("The cost stays under twelve dot fifty euros.", 12.5, "EUR"),
    ("Sales hit three point two million.", 3_200_000, None),
    ("The error was zero point oh five.", 0.05, None),
])
def test_a_decimal_said_aloud_is_one_figure(text: str, value: float, unit: str | None) -> None:
    found = q(text)
    assert (found.low, found.high, found.unit) == (value, value, unit)


def test_a_point_that_is_no_decimal_is_left_alone() -> None:
    assert [f.value.low for f in facts("At one point two officers arrived.")  # type: ignore[union-attr]
            ] == [2]
    assert q("He scored ten points.").low == 10


def test_a_change_noun_names_the_thing_changed_after_it() -> None:
    increase = one("Clients report a 35% increase in team productivity.")
    raised = one("The tool can raise your productivity by up to 35%.")
    drop = one("Analysts expect a 3% drop in the company's profit.")
    bare = one("Analysts expect a 35% increase.")
    assert (increase.role, increase.note) == ("increase", "change of: productivity")
    assert drop.note == "change of: profit"
    assert one("Sales saw a 10% increase on last year.").note == ""  # a base, not a thing
    assert one("Prices show a 10% rise in March.").note == ""
    # the thing named is the slot; another thing, or none, is not
    assert numbers.slot_score(increase, raised) >= 0.9
    assert numbers.slot_score(drop, raised) < 0.5
    assert numbers.slot_score(bare, raised) < 0.5


def test_a_figure_told_bare_as_a_change_of_the_same_thing_is_supported() -> None:
    import retold

    c = retold.compare("Our platform could increase your efficiency by up to 35% within weeks. "
                       "We sell it to firms of every size.",
                       "We sell to firms. Clients report a 35% increase in efficiency.")
    assert [g.status for g in c.grounding if g.kind == "number"] == ["supported"]
    c = retold.compare("Our platform could increase your efficiency by up to 35% within weeks. "
                       "We sell it to firms of every size.",
                       "We sell to firms. Clients report a 35% increase in costs.")
    assert [g.status for g in c.grounding if g.kind == "number"] != ["supported"]


def test_synonym_nouns_pair_only_as_a_last_resort() -> None:
    homes = one("The storm destroyed more than 200 homes.")
    houses = one("The storm wrecked more than 300 houses.")
    assert 0.25 <= numbers.slot_score(homes, houses) < 0.5


def test_explain_changed_range() -> None:
    a = one("Police put the crowd at between 6,000-7,000.")
    b = one("Police put the crowd at between 60,000 and 70,000.")
    assert numbers.explain(a, b) == \
        "The number changed from between 6,000 and 7,000 to between 60,000 and 70,000."


def test_explain_changed_hedge_quotes_both() -> None:
    a = one("at least 70 cars burned.")
    b = one("about 70 cars burned.")
    assert numbers.explain(a, b) == \
        "The retelling says 'about 70 cars' where the original says 'at least 70 cars'."


def test_explain_same_noun_names_it() -> None:
    assert numbers.explain(one("They sank 30 ships."), one("They sank 45 ships.")) == \
        "The number of ships changed from 30 to 45."
    assert numbers.explain(one("It rose 12%."), one("It rose 21%.")) == \
        "The percentage changed from 12% to 21%."


def test_explain_dropped_and_added() -> None:
    a = one("The crash killed 31\xa0passengers.")
    assert numbers.explain(a, None) == \
        "The original's figure '31 passengers' is missing from the retelling."
    assert numbers.explain(None, a) == \
        "The retelling states '31 passengers', which the original does not."
    with pytest.raises(ValueError):
        numbers.explain(None, None)


def test_humanise() -> None:
    assert numbers.humanise(Quantity(2000, 3000)) == "between 2,000 and 3,000"
    assert numbers.humanise(Quantity(500, 500, "about")) == "about 500"
    assert numbers.humanise(Quantity(5, 10, "up_to", "percent")) == "up to 5%–10%"
    assert numbers.humanise(Quantity(200, 999, "vague")) == "hundreds"
    assert numbers.humanise(Quantity(3.2e9, 3.2e9, None, "GBP")) == "£3.2 billion"


def test_docstring_examples_run() -> None:
    assert doctest.testmod(numbers).failed == 0


# --- numeric dates, slots, compatibility, years, roles in context ------------------------------


@pytest.mark.parametrize(
    "text",
    ["The bridge reopened on 03.05.2021 after repairs.", "The bridge reopened 3.5.2021.",
     "The bridge reopened on 5/3/2021.", "The bridge reopened on 5/13/2021.",
     "The bridge reopened on 2021/05/03.", "The bridge reopened on 13.05.2021.",
     "Мост открыли 03.05.2021 после ремонта.", "The bridge reopened on 31.02.2021."],
)
def test_numeric_dates_are_not_numbers(text: str) -> None:
    assert facts(text) == []


def test_slot_score_hedge_change_on_the_same_figure() -> None:
    assert numbers.slot_score(one("The ministry said about 12,000 fled."),
                              one("The ministry said 12,000 fled.")) >= 0.9
    assert numbers.slot_score(one("Officials said about 12,000."),
                              one("Officials said 12,000.")) >= 0.9
    assert numbers.slot_score(one("at least 34 people were hurt"),
                              one("34 people were hurt")) >= 0.9


def test_slot_score_currency_change_on_the_same_figure() -> None:
    a, b = one("The fund lost $5 billion."), one("The fund lost €5 billion.")
    assert numbers.slot_score(a, b) >= 0.85
    assert numbers.explain(a, b) == \
        "The currency changed from US dollars to euros: 'lost $5 billion' became 'lost €5 billion'."
    assert not numbers.compatible(a, b)
    c = one("The fund lost 5 billion.")
    assert 0.5 <= numbers.slot_score(c, b) < 0.85
    assert "adds a currency (euros)" in numbers.explain(c, b)
    assert "currency from" not in numbers.explain(a, one("The fund lost €6 billion."))
    assert "and the currency changed from US dollars to euros" in \
        numbers.explain(a, one("The fund lost €6 billion."))


def test_slot_score_stays_high_for_a_rounded_figure() -> None:
    assert numbers.slot_score(one("The tally stood at 12,345."),
                              one("The tally stood at 12,000.")) >= 0.9


def test_compatible_only_for_rounding() -> None:
    def ok(x: str, y: str) -> bool:
        return numbers.compatible(one(x), one(y))

    assert ok("A third of the voters stayed home.", "33% of the voters stayed home.")
    assert ok("The party won 12,345 votes.", "The party won 12,000 votes.")
    assert ok("The party won 12,000 votes.", "The party won 12,345 votes.")
    assert ok("It reached 1.48 million homes.", "It reached 1.5 million homes.")
    # one figure given as an estimate or not; a bound the figure does not meet is a claim
    assert ok("About 500 marched.", "500 marched.")
    assert ok("An estimated 22 million children missed a dose.", "22 million children missed a dose.")
    assert not ok("At most 500 marched.", "600 marched.")
    assert not ok("About 500 marched.", "About 600 marched.")
    assert not ok("Gunmen killed 34 villagers.", "Gunmen killed 30 villagers.")
    assert not ok("The party won 12,345 votes.", "The party won 12,000 seats.")
    assert not ok("The party won 12,345 votes.", "The party won 13,000 votes.")
    # a figure written to as many decimal places is another figure, not a rounding
    assert ok("The loss ratio was 2.47% at the end of March.", "The loss ratio was 2.5% at the end of March.")
    assert not ok("The loss ratio was 2.47% at the end of March.",
                  "The loss ratio was 2.50% at the end of March.")
    assert ok("Its backlog stood at $7.38 billion.", "Its backlog stood at $7.4 billion.")
    assert not ok("Its backlog stood at $7.38 billion.", "Its backlog stood at $7.40 billion.")


def test_explain_compatible_figures() -> None:
    assert numbers.explain(one("The party won 12,345 votes."),
                           one("The party won 12,000 votes.")) == (
        "The retelling rounds the figure: '12,345 votes' (12,345) became '12,000 votes' (12,000).")
    assert numbers.explain(one("A third of the voters stayed home."),
                           one("33% of the voters stayed home.")) == (
        "The retelling rounds the figure: 'A third' (33.33%) became '33%'.")
    assert numbers.explain(one("It reached 1.5 million homes."),
                           one("It reached 1.48 million homes.")).startswith(
        "The retelling is more precise: ")


def test_year_like_figure_in_other_script_has_no_separator() -> None:
    a, b = one("انتهت حرب 2014 باتفاق"), one("انتهت حرب 2015 باتفاق")
    assert numbers.explain(a, b) == "The number changed from 2014 to 2015."
    assert not numbers.compatible(one("قتل 2000 شخص"), one("قتل 2001 شخص"))
    # Written with a separator, or outside the year range, it stays grouped.
    assert numbers.explain(one("They counted 2,014 ballots."), one("They counted 2,015 ballots.")) \
        == "The number of ballots changed from 2,014 to 2,015."


def test_figures_in_one_sentence_get_their_own_roles() -> None:
    died, injured = facts("3 people died and 12 were injured in the blast.")
    assert (died.role, injured.role) == ("people", "injured")
    assert "predicate: died" in died.note
    # "3 people died" / "3 were injured" are different slots ...
    other = facts("12 people died and 3 were injured in the blast.")
    assert numbers.slot_score(died, other[1]) < 0.5
    assert numbers.slot_score(died, other[0]) >= 0.9
    # ... while a dropped noun with the same predicate still names the same slot.
    assert numbers.slot_score(one("At least 34 people were killed."),
                              one("At least 35 were killed.")) >= 0.5


def test_restates_same_figure_with_another_hedge_or_unit() -> None:
    assert numbers.restates(one("at least 34 people were hurt"), one("34 people were hurt"))
    assert numbers.restates(one("Officials said about 12,000."), one("Officials said 12,000."))
    assert numbers.restates(one("The fund lost $5 billion."), one("The fund lost €5 billion."))
    assert not numbers.restates(one("34 people were hurt"), one("34 people were hurt"))
    assert not numbers.restates(one("Gunmen killed 34 villagers."), one("about 34 soldiers"))
    assert not numbers.restates(one("The party won 12,345 votes."),
                                one("The party won 12,000 votes."))
    died, _injured = facts("3 people died and 12 were injured in the blast.")
    assert not numbers.restates(died, one("About 3 were injured."))


@pytest.mark.parametrize(
    ("text", "key", "surface"),
    [
        ("He scored in the 57th minute.", "number:=:57:57:ordinal", "57th minute"),
        ("She was the fifth overall pick.", "number:=:5:5:ordinal", "fifth"),
        ("A crowd of 23 000 gathered.", "number:=:23000:23000:", "23 000"),
        ("A crowd of 23\u00a0000 gathered.", "number:=:23000:23000:", "23\u00a0000"),
        ("The firm paid 3, 000 workers.", "number:=:3000:3000:", "3, 000 workers"),
        ("It cost $ 53, 193, 914 in all.", "number:=:53193914:53193914:USD", "$ 53, 193, 914"),
        ("The race covered 10 miles.", "number:=:10:10:mi", "10 miles"),
        ("The tunnel is 12 km long.", "number:=:12:12:km", "12 km"),
        ("The wall stood 40 feet high at its peak.", "number:=:40:40:ft", "40 feet"),
    ],
)
def test_wire_and_tokenised_figures(text: str, key: str, surface: str) -> None:
    found = facts(text)
    assert [f.key for f in found] == [key]
    assert found[0].text.startswith(surface)


@pytest.mark.parametrize(
    "text",
    ["The race covered 10 km (6.2 miles).", "It weighed 5 kg (11 lb) in all.",
     "It weighed 5 kg (11 pounds) in all.", "It weighed 11 pounds (5 kg) in all.",
     "It was 30C (86F) on the beach."],
)
def test_a_conversion_is_not_a_second_fact(text: str) -> None:
    assert len(facts(text)) == 1


def test_list_markers_and_clock_times_are_not_counts() -> None:
    assert facts("3) The document discusses it.") == []
    # a numbered list's markers open their lines; a figure opening a line is still a figure
    listed = facts("The ferry offers:\n\n1. Ferry times: every hour.\n2. Fares: cheaper at night.")
    assert listed == []
    assert [f.text for f in facts("Tickets sold:\n300. That was all of them.")] == ["300"]
    assert [f.text for f in facts("Turnout rose to\n2.5 million. Then it fell.")] == ["2.5 million"]
    assert [f.role for f in facts("Troops left at 0900 today.")] == ["time"]


@pytest.mark.parametrize("original, retelling", [
    ("The plan costs $50 a month.", "The plan costs $50 a year."),
    ("Rent is $900 monthly, the landlord said.", "Rent is $900 annually, the landlord said."),
    ("The minimum wage is $15 an hour.", "The minimum wage is $15 per day."),
    ("The field pumps 2 million barrels a day.", "The field pumps 2 million barrels a week."),
])
def test_a_rate_whose_period_changed_is_a_changed_figure(original: str, retelling: str) -> None:
    import retold

    c = retold.compare(original, retelling)
    hits = [ch for ch in c.changes if ch.kind == "number"]
    assert [(h.status, h.severity) for h in hits] == [("changed", "high")]
    assert hits[0].original and hits[0].retelling
    assert hits[0].original.text != hits[0].retelling.text  # the period is part of the figure
    assert "period changed" in hits[0].detail


@pytest.mark.parametrize("original, retelling", [
    ("Rent is $900 monthly.", "Rent is $900 a month."),  # one period, two wordings
    ("Rent is $900 per month.", "Rent is $900/month."),
    ("Rent is $900 a month.", "Rent is $900."),  # the period left out: not another rate
    ("Sales rose $5 a year ago.", "Sales rose $5 a year ago."),  # "a year ago" dates it
])
def test_the_same_rate_or_a_figure_without_its_period_is_no_change(original: str,
                                                                   retelling: str) -> None:
    import retold

    c = retold.compare(original, retelling)
    assert not [ch for ch in c.changes if ch.kind == "number" and ch.status == "changed"]


def test_a_figure_dated_a_year_ago_is_no_rate() -> None:
    text = "Sales were $5 million a year ago."
    fact = numbers.extract(Document(text), [Sentence(0, 0, len(text), text)], Context())[0]
    assert numbers.rate(fact) is None and fact.text == "$5 million"


@pytest.mark.parametrize("original, retelling, changed", [
    ("The contract runs for six months, the ministry said.",
     "The contract runs for six years, the ministry said.", True),
    ("We offer a 6-month trial to new clients.", "We offer a 6-year trial to new clients.", True),
    ("The inquiry lasted three weeks.", "The inquiry lasted three months.", True),
    # the same period in another unit, or said with no unit at all, is the same figure
    ("He spent 20 years in prison.", "He spent two decades in prison.", False),
    ("The inquiry lasted three weeks.", "The inquiry lasted 21 days.", False),
    ("Lena Brandt, 34, told the court she was afraid.",
     "The 34-year-old told the court she was afraid.", False),
    ("Lena Brandt, 34, told the court she was afraid.",
     "Lena Brandt, who is 34 years old, told the court she was afraid.", False),
])
def test_a_period_of_time_is_a_unit(original: str, retelling: str, changed: bool) -> None:
    import retold

    c = retold.compare(original, retelling)
    flagged = [ch for ch in c.changes if ch.kind == "number" and ch.status != "kept"]
    assert bool(flagged) is changed, [ch.detail for ch in flagged]


def test_one_day_opening_a_story_is_no_figure() -> None:
    import retold

    c = retold.compare("One day, Marek left the farm for good.", "Marek left the farm for good.")
    assert [ch for ch in c.changes if ch.kind == "number"] == []


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The fare was two dollars and 75 cents.", 2.75, "USD"),
    ("The fare was $2 and 75 cents.", 2.75, "USD"),
    ("A loaf costs one euro and ten centimes.", 1.10, "EUR"),
    ("A stamp costs £1 and 5 pence.", 1.05, "GBP"),
    ("A stamp costs one pound and five pence.", 1.05, "GBP"),
])
def test_an_amount_and_its_hundredths_are_one_figure(text: str, value: float, unit: str) -> None:
    f = one(text)
    assert isinstance(f.value, Quantity)
    assert (f.value.low, f.value.high, f.value.unit) == (pytest.approx(value),
                                                         pytest.approx(value), unit)
    assert numbers.equivalent(f, one(f"The fare was {numbers.UNIT_SYMBOLS[unit]}{value:.2f}."))


def test_hundredths_join_only_a_currency() -> None:
    # a weight and a coin, two figures; and cents after a count of things are not its hundredths
    assert len(facts("The parcel weighs three pounds and the stamp 20 pence.")) == 2
    assert len(facts("She bought three apples and 40 cents of candy.")) == 2
    # money is said in hundredths
    assert numbers.explain(one("A pint costs £3.20."), one("A pint costs £3.40.")) == \
        "The number changed from £3.20 to £3.40."


def test_the_same_figure_in_another_dimension_restates_nothing() -> None:
    share, period = one("Bills fell by up to 30% this winter."), one("It comes with a 30-day trial.")
    assert not numbers.restates(share, period) and not numbers.restates(period, share)
    # another currency, or the unit left out, is the same figure restated
    assert numbers.restates(one("The fund lost $5 billion."), one("The fund lost €5 billion."))
    assert numbers.restates(one("At least 34 people died."), one("34 people died."))
    # a share for a sum is a change of unit, not of currency
    assert numbers.explain(one("The shop gave a 30% discount."), one("The shop gave a $30 discount.")) \
        .startswith("The unit changed from percent to US dollars")


@pytest.mark.parametrize(("text", "said", "minutes", "twelve_hour"), [
    ("We met at 10 am and parted soon after.", "10 am", 600, False),
    ("The ferry sails at 6:40 p.m. daily.", "6:40 p.m.", 1120, False),
    ("The polls closed at 9.30pm on the island.", "9.30pm", 1290, False),
    ("At 18:40, police arrived.", "18:40", 1120, False),
    ("The plane landed at 0715 GMT.", "0715", 435, False),
    ("The talks resume at 10:30 after a break.", "10:30", 630, True),
    ("The bells ring at 7 o'clock.", "7 o'clock", 420, True),
])
def test_a_time_of_day_is_a_figure_of_its_own(text: str, said: str, minutes: float,
                                              twelve_hour: bool) -> None:
    f = one(text)
    assert isinstance(f.value, Quantity)
    assert (f.text, f.value.low, f.value.unit, f.role) == (said, minutes, numbers.TIME, "time")
    assert (numbers.TWELVE_HOUR in f.note) is twelve_hour


@pytest.mark.parametrize("text", ["The hymn quotes Psalm 23:4 in full.", "They won 21:17 in the final.",
                                  "She built a 1:50 scale model.", "The pass rate was 9.30 percent."])
def test_what_looks_like_a_time_and_is_not(text: str) -> None:
    assert all(f.value.unit != numbers.TIME for f in facts(text))  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "said", "low", "high"), [
    ("The café was raided between 10 and 11 a.m. on Friday.", "between 10 and 11 a.m.", 600, 660),
    ("The bridge is shut from 9 to 11:30 p.m. nightly.", "from 9 to 11:30 p.m.", 1260, 1410),
    ("Voting runs 7-10 p.m. in the district.", "7-10 p.m.", 1140, 1320),
    ("Between 11 and 1 p.m. the road was closed.", "Between 11 and 1 p.m.", 660, 780),
])
def test_a_bare_hour_before_a_time_of_day_opens_a_range_of_times(
        text: str, said: str, low: float, high: float) -> None:
    f = one(text)
    assert isinstance(f.value, Quantity)
    assert (f.text, f.value.low, f.value.high, f.value.unit) == (said, low, high, numbers.TIME)


def test_a_range_of_times_is_said_whole_and_a_count_beside_a_time_stays_a_count() -> None:
    assert numbers.explain(one("The café was raided between 10 and 11 a.m. on Friday."),
                           one("The café was raided between 10 and 11 p.m. on Friday.")) == \
        "The time changed from between 10 a.m. and 11 a.m. to between 10 p.m. and 11 p.m."
    # "and" opens a range only after "between"; a count and a time are two figures
    assert [f.text for f in facts("She scored 10 goals and left at 11 a.m.")] == ["10 goals", "11 a.m."]


def test_a_range_of_times_that_ends_at_another_time_is_changed() -> None:
    for original, retelling in (("Polls are open 7-10 p.m. on Thursday.",
                                 "Polls are open 7-9 p.m. on Thursday."),
                                ("The pier was shut between 9 and 11 a.m.",
                                 "The pier was shut between 9 and 10 a.m.")):
        found = [(ch.kind, ch.status) for ch in retold.compare(original, retelling).changes]
        assert found == [("number", "changed")], original
    assert retold.compare("Polls are open 7-10 p.m.", "Polls are open 7-10 p.m.").changes == ()


def test_an_age_fills_no_count_slot() -> None:
    c = retold.compare("A man in his 40s was arrested.",
                       "A man was arrested; he had 42 previous convictions.")
    assert sorted((ch.status, ch.kind) for ch in c.changes) == [("added", "number"),
                                                               ("dropped", "number")]


def test_how_long_a_race_took_is_no_time_of_day() -> None:
    assert all(f.value.unit != numbers.TIME  # type: ignore[union-attr]
               for f in facts("She won the mile in 4:21 and the relay in 3:29."))


def test_times_of_day_compare_on_the_dial_they_are_read_on() -> None:
    evening, bare = one("The ferry sails at 6:40 p.m. daily."), one("The ferry sails at 6:40 daily.")
    assert numbers.equivalent(evening, bare) and numbers.equivalent(
        evening, one("The ferry sails at 18:40 daily."))
    assert not numbers.equivalent(evening, one("The ferry sails at 6:40 a.m. daily."))
    assert not numbers.equivalent(bare, one("The ferry sails at 5:40 daily."))
    assert numbers.explain(one("It blew up at 9:15 a.m. there."), one("It blew up at 8 a.m. there.")) \
        == "The time changed from 9:15 a.m. to 8 a.m."


def test_a_hedged_time_is_the_same_time() -> None:
    assert numbers.equivalent(one("The boy fell in around 3pm on Saturday."),
                              one("The boy fell in at 3 pm on Saturday."))
    assert numbers.equivalent(one("Trains stop at 0900 on weekdays."),
                              one("Trains stop at 09:00 on weekdays."))


@pytest.mark.parametrize("text", ["Plans are sold starting at $40 a month.", "Rooms start at €90.",
                                  "The kit has a starting price of £250."])
def test_a_price_floor_is_at_least(text: str) -> None:
    f = one(text)
    assert isinstance(f.value, Quantity) and f.value.hedge == "at_least"
    assert numbers.equivalent(f, one(text.replace("starting at", "a minimum of")
                                     .replace("start at", "cost at least")
                                     .replace("a starting price of", "a price of at least")))


def test_a_price_floor_reads_through_just_or_only() -> None:
    f = one("Rooms start at just €90 a night.")
    assert f.text.startswith("start at") and f.value.hedge == "at_least"  # type: ignore[union-attr]
    assert numbers.equivalent(f, one("Rooms start at €90 a night."))
    assert one("Plans start from only $15.").value.hedge == "at_least"  # type: ignore[union-attr]


def test_a_start_that_is_not_a_price_sets_no_floor() -> None:
    assert all(f.value.hedge is None  # type: ignore[union-attr]
               for f in facts("The count starts at 10 and the race starts at 9am."))


@pytest.mark.parametrize(("text", "said"), [
    ("The vote closes by 20:00 local time.", "20:00"),
    ("The shelling began at 03:00 on the coast.", "03:00"),
    ("The doors shut at midnight sharp.", "midnight"),
    ("The bells ring at noon daily.", "noon"),
])
def test_more_times_of_day(text: str, said: str) -> None:
    f = one(text)
    assert f.text == said and numbers.TWELVE_HOUR not in f.note  # 24-hour, or no dial to doubt


def test_times_of_day_are_not_rounded_like_counts() -> None:
    # a 40-minute shift is a change, not a rounding; "about 3pm" covers a few minutes either side
    assert not numbers.compatible(one("Police came at 7:40 p.m. there."), one("Police came at 8 p.m. there."))
    assert numbers.compatible(one("Police came at about 3pm there."), one("Police came at 3:05 p.m. there."))
    assert not numbers.compatible(one("Police came at about 3pm there."), one("Police came at 4 p.m. there."))
    assert numbers.equivalent(one("They left at midnight, police said."), one("They left at 12 am, police said."))
    assert one("Shells fell at 03:00 on the coast.").value != one("Shells fell at 3 p.m. on the coast.").value


def test_an_id_or_a_sum_and_a_clause_is_no_time_or_hundredths() -> None:
    assert all(f.value.unit != numbers.TIME for f in facts("Flight 0515 from Lagos landed."))  # type: ignore[union-attr]
    # "$20, and 50 cents of it": two sums, not $20.50
    assert len(facts("Each ticket costs $20, and 50 cents of it goes to charity.")) == 2


def test_a_threshold_that_starts_at_a_sum_is_no_floor() -> None:
    assert one("The top tax band starts at £125,140 this year.").value.hedge is None  # type: ignore[union-attr]


def test_a_page_time_stamp_is_no_time_of_the_story() -> None:
    assert facts("Updated 6:00 p.m. ET. Posted: 4:56 AM, June 2.") == []


@pytest.mark.parametrize("text, low, high", [
    ("Police said a man in his 40s was arrested.", 40, 49),
    ("A woman in her early twenties was hurt.", 20, 23),
    ("The driver, in his late 60s, was unhurt.", 67, 69),
    ("Two boys in their teens ran off.", 13, 19),
])
def test_an_age_by_its_decade_is_a_range_of_years(text: str, low: int, high: int) -> None:
    ages = [f for f in facts(text) if f.role == numbers.AGE]
    assert [(f.value.low, f.value.high) for f in ages] == [(low, high)]
    assert text[ages[0].start:ages[0].end].startswith("in ")


@pytest.mark.parametrize("original, retelling, status, says", [
    ("Police said a man in his 40s was arrested at the port.",
     "Police said a man in his 30s was arrested at the port.", "changed", "The age changed"),
    ("Police said a man in his 40s was arrested at the port.",
     "Police said a 45-year-old man was arrested at the port.", "changed", "more precise"),
    ("Police said a man in his 40s was arrested at the port.",
     "Police said a man in his forties was arrested at the port.", None, ""),
])
def test_an_age_by_its_decade_is_compared(original: str, retelling: str, status: str | None,
                                          says: str) -> None:
    found = [ch for ch in retold.compare(original, retelling).changes if ch.kind == "number"]
    assert [ch.status for ch in found] == ([status] if status else [])
    assert all(says in ch.detail for ch in found)


@pytest.mark.parametrize("text, hedge", [
    ("The repair will not cost more than $400.", "at_most"),
    ("Turnout is not expected to be more than 40 per cent.", "at_most"),
    ("The fine won't be less than $50.", "at_least"),
    # a cue outside the bound's clause, or one that governs another verb, denies nothing of it
    ("It is not clear whether more than 40 people came.", "more_than"),
    ("They did not say more than 40 people came.", "more_than"),
    ("It will not cost much more than $400.", "more_than"),  # "much" is no verb of amounting
])
def test_a_denied_bound_is_the_other_bound(text: str, hedge: str) -> None:
    (f,) = facts(text)
    assert f.value.hedge == hedge  # type: ignore[union-attr]


def test_a_denied_bound_changed_to_its_opposite_is_a_change() -> None:
    c = retold.compare("The repair will not cost more than $400, the garage said.",
                       "The garage said the repair will cost more than $400.")
    assert [(ch.kind, ch.status) for ch in c.changes] == [("number", "changed")]
    c = retold.compare("The repair will not cost more than $400, the garage said.",
                       "The garage said the repair will cost at most $400.")
    assert not c.changes


@pytest.mark.parametrize("original, retelling, change", [
    ("The offer takes 10% off the first year of the plan.",
     "The offer takes 10% off the second year of the plan.", ("changed", "first year", "second year")),
    ("The mayor won a second term in May.", "The mayor won a third term in May.",
     ("changed", "second term", "third term")),
    # idioms are no ranks
    ("At first the club lost, then it got a second chance.",
     "The club lost at first, then got a second chance.", None),
    # "your first year" is the first year too
    ("We take 10% off your first year of membership.",
     "They take 10% off the first year of membership.", None),
])
def test_first_and_second_before_a_turn_or_a_period_are_ranks(
        original: str, retelling: str, change: tuple[str, str, str] | None) -> None:
    c = retold.compare(original, retelling)
    found = [(ch.status, ch.original.text, ch.retelling.text) for ch in c.changes
             if ch.kind == "number" and ch.original and ch.retelling]
    assert found == ([change] if change else [])


@pytest.mark.parametrize("original, retelling, change", [
    # a rank a result gives, whatever the verb
    ("Harbour Town finished fourth in the league.", "Harbour Town finished fifth in the league.",
     ("fourth", "fifth")),
    ("The club moved up to fourth in the table.", "The club moved up to third in the table.",
     ("fourth", "third")),
    ("The club stayed in tenth place after the draw.",
     "The club stayed in ninth place after the draw.", ("tenth place", "ninth place")),
    # how many times, in one word or in two
    ("The striker scored twice on Sunday.", "The striker scored three times on Sunday.",
     ("twice", "three times")),
    ("The striker scored twice on Sunday.", "The striker scored two times on Sunday.", None),
    # a multiple is no count of times: "twice as big" is "two times as big"
    ("The new hall is twice as big as the old one.",
     "The new hall is two times as big as the old one.", None),
])
def test_ranks_of_a_result_and_counts_of_times(original: str, retelling: str,
                                                change: tuple[str, str] | None) -> None:
    c = retold.compare(original, retelling)
    found = [(ch.original.text, ch.retelling.text) for ch in c.changes
             if ch.kind == "number" and ch.original and ch.retelling]
    assert found == ([change] if change else [])
    if change is None:
        assert not [ch for ch in c.changes if ch.kind == "number"]


def test_an_age_after_a_name_is_an_age_and_a_count_of_times_fills_no_other_slot() -> None:
    text = "Striker Ada Lind, 24, scored twice on Sunday."
    assert [(f.text, f.role) for f in facts(text)] == [("24", numbers.AGE), ("twice", "time")]
    # a count of something after a comma is no age
    assert [f.role for f in facts("In the north, 24 villages flooded.")] == ["village"]
    # the age the retelling adds is not the figure of the goals the original counts
    c = retold.compare("Striker Ada Lind scored twice on Sunday.",
                       "Striker Ada Lind, 24, scored twice on Sunday.")
    assert [(ch.status, ch.retelling.text if ch.retelling else "") for ch in c.changes
            if ch.kind == "number"] == [("added", "24")]


# --- a figure told by its band of digits ----------------------------------------------------


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Kessel Steel sees its shipments climbing by mid-single digits.", 4, 6),
    ("Kessel Steel expects low single-digit growth.", 1, 3),
    ("Kessel Steel expects high single digit growth.", 7, 9),
    ("Margins reached the high teens.", 17, 19),
    ("Kessel Steel expects low double-digit growth.", 10, 13),
    ("Costs rose by double digits.", 10, 99),
    ("Kessel Steel sees upper-single-digit percent growth.", 7, 9),
])
def test_a_band_of_digits_is_a_range(text: str, low: int, high: int) -> None:
    f = one(text)
    assert isinstance(f.value, Quantity) and (f.value.low, f.value.high) == (low, high)
    assert numbers.BAND_NOTE in f.note


@pytest.mark.parametrize("text", [
    "She was in the teens of her career.",  # "the teens" alone: no band
    "They sat in a single row.",
    "Their double act toured for years.",
])
def test_no_band_without_digits(text: str) -> None:
    assert not [f for f in facts(text) if numbers.BAND_NOTE in f.note]


@pytest.mark.parametrize(("original", "retelling", "changed"), [
    ("Kessel Steel sees its shipments climbing by mid-single digits next year.",
     "Kessel Steel sees its shipments climbing by low-single digits next year.", True),
    ("Kessel Steel expects low double-digit growth next year.",
     "Kessel Steel expects high-single-digit growth next year.", True),
    # the same band, written another way: no change
    ("Kessel Steel sees its shipments climbing by low-single digits next year.",
     "Kessel Steel sees low single-digit growth in its shipments next year.", False),
])
def test_band_against_band(original: str, retelling: str, changed: bool) -> None:
    c = retold.compare(original, retelling)
    found = [ch for ch in c.changes if ch.kind == "number" and ch.status == "changed"]
    assert bool(found) == changed
    assert not [ch for ch in c.changes if ch.kind == "meaning"]  # "low" is the band's word


def test_a_figure_inside_the_band_contradicts_nothing() -> None:
    band = one("Kessel Steel sees its shipments climbing by mid-single digits.")
    inside, outside = one("Kessel Steel expects sales to grow 5%."), one("Sales grew 12%.")
    assert numbers.compatible(band, inside) and numbers.compatible(inside, band)
    assert not numbers.compatible(band, outside)


# --- multiples --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "factor", "hedge"), [
    ("Kessel Steel said its profit tripled.", 3, None),
    ("Kessel Steel's profit more than doubled.", 2, "more_than"),
    ("Costs were halved at the Dunmore plant.", 0.5, None),
    ("The Dunmore plant is twice the size of the old one.", 2, None),
    ("The new plant makes three times as many coils.", 3, None),
    ("Output rose roughly 10-fold at the plant.", 10, "about"),
    ("Output saw a threefold rise.", 3, None),
    ("Kessel Steel expects sales to double by 2027.", 2, None),
])
def test_a_multiple_is_a_figure_of_its_own_unit(text: str, factor: float, hedge: str | None
                                                ) -> None:
    f = one(text)
    assert isinstance(f.value, Quantity)
    assert (f.value.low, f.value.unit, f.value.hedge) == (factor, numbers.MULTIPLE, hedge)


@pytest.mark.parametrize("text", [
    "They booked a double room.",
    "Lind won the triple jump.",
    "The dog doubled back to the gate.",
    "The striker scored twice on Sunday.",  # how many times, not a multiple
])
def test_no_multiple(text: str) -> None:
    assert not [f for f in facts(text) if isinstance(f.value, Quantity)
                and f.value.unit == numbers.MULTIPLE]


@pytest.mark.parametrize(("original", "retelling", "changed"), [
    ("Kessel Steel said its profit tripled last year.",
     "Kessel Steel said its profit doubled last year.", True),
    ("Profit at Kessel Steel was roughly double the level of a year before.",
     "Profit at Kessel Steel was exactly twice the level of a year before.", True),
    ("Kessel Steel's shipments rose two-fold.", "Kessel Steel's shipments doubled.", False),
    # a multiple is a ratio rounded either way: "roughly" and "nearly" say one thing
    ("Profit at Kessel Steel was roughly double the level of a year before.",
     "Profit at Kessel Steel was nearly twice the level of a year before.", False),
])
def test_multiple_against_multiple(original: str, retelling: str, changed: bool) -> None:
    c = retold.compare(original, retelling)
    assert bool([ch for ch in c.changes if ch.kind == "number"]) == changed


@pytest.mark.parametrize(("original", "retelling", "detail"), [
    ("Kessel Steel's sales fell for a fifth consecutive month.",
     "Kessel Steel's sales fell for a fourth consecutive month.",
     "The rank changed from the 5th month to the 4th month."),
    ("Kessel Steel's sales fell for five straight months.",
     "Kessel Steel's sales fell for four straight months.",
     "The number changed from 5 months to 4 months."),
])
def test_a_count_in_a_row_counts_the_noun_after(original: str, retelling: str, detail: str
                                                 ) -> None:
    c = retold.compare(original, retelling)
    assert [ch.detail for ch in c.changes if ch.kind == "number"] == [detail]


# --- a rate moved by points, and "m" after a figure -------------------------------------------


@pytest.mark.parametrize(("original", "retelling", "changed"), [
    ("The Dunmore central bank cut rates by a quarter point.",
     "The Dunmore central bank cut rates by half a point.", True),
    ("The Dunmore central bank cut rates by a quarter point.",
     "The Dunmore central bank cut rates by 25 basis points.", False),
    ("The Dunmore central bank cut rates by 25bp.",
     "The Dunmore central bank cut rates by 50 basis points.", True),
    ("Unemployment in Dunmore rose 0.3 percentage points.",
     "Unemployment in Dunmore rose 30bps.", False),
])
def test_a_rate_moved_by_points(original: str, retelling: str, changed: bool) -> None:
    c = retold.compare(original, retelling)
    assert bool([ch for ch in c.changes if ch.kind == "number"]) == changed
    assert not [ch for ch in c.changes if ch.kind == "meaning"]  # "basis points": the unit


def test_half_a_point_outside_a_rate_is_no_figure() -> None:
    assert not facts("Lind won the chess match by half a point.")


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("About 1.2m people voted in Dunmore.", 1.2e6, None),
    ("Kessel Steel shipped 3b coils.", 3e9, None),
    ("The wall at Dunmore is 1.2m high.", 1.2, "m"),
    ("A 3m-long fence went up.", 3.0, "m"),
])
def test_m_after_a_figure_is_read_from_the_word_after(text: str, value: float,
                                                      unit: str | None) -> None:
    f = one(text)
    assert isinstance(f.value, Quantity)
    assert (f.value.low, f.value.unit) == (pytest.approx(value), unit)


def test_m_alone_is_left_unread() -> None:
    assert not facts("Lind ran 5m before the crowd.")


# --- what review found ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("Kessel Steel sees shipments climbing by low-to-mid single digits.", 1, 6, None),
    ("The Dunmore plant is 1,000 times the size of the old one.", 1000, 1000, numbers.MULTIPLE),
    ("Output saw a 2,000-fold rise at Dunmore.", 2000, 2000, numbers.MULTIPLE),
    ("The Dunmore plant is twenty-five times as big as the old one.", 25, 25, numbers.MULTIPLE),
    ("Lind won the 100m hurdles in Oslo.", 100, 100, "m"),
])
def test_review_readings(text: str, low: float, high: float, unit: str | None) -> None:
    f = one(text)
    assert isinstance(f.value, Quantity)
    assert (f.value.low, f.value.high, f.value.unit) == (low, high, unit)


@pytest.mark.parametrize("text", [
    "Lind was arrested twice last year.",  # how often, not a multiple
    "Lind was convicted three times over the past decade.",
    "2 BP workers were hurt in Dunmore.",  # an oil company, not basis points
])
def test_review_no_multiple_or_rate(text: str) -> None:
    assert all(isinstance(f.value, Quantity) and f.value.unit not in (
        numbers.MULTIPLE, numbers.BASIS_POINT) for f in facts(text))


def test_keywords_are_found_after_letters_that_lower_case_longer() -> None:
    # "İ" lower-cases to two characters: positions in a lower-cased copy drift
    text = "Prices rose in İstanbul and İzmir; profit tripled at Kessel Steel."
    assert [f.text for f in facts(text)] == ["tripled"]


@pytest.mark.parametrize("text, hedge", [
    ("Harrow's mill sells steel only with a minimum order of $3,000.", "at_least"),
    ("Harrow's mill sells steel only with a minimum order amount of $3,000.", "at_least"),
    ("Lind faces a maximum sentence of 10 years.", "at_most"),
    ("Lind faces a maximum of 10 years.", "at_most"),
    # a thing, or an extreme measured, not a limit set on it
    ("Harrow set the minimum wage of $15 in May.", None),
    ("The Vantor car reached a maximum speed of 120 mph.", None),
])
def test_a_bound_with_its_noun_between_is_a_hedge(text: str, hedge: str | None) -> None:
    found = [f for f in facts(text) if f.value.unit != "percent"]
    assert found and found[0].value.hedge == hedge


@pytest.mark.parametrize("a, b, same", [
    ("Lind faces up to 10 years.", "Lind faces at most 10 years.", True),
    ("Lind faces up to 10 years.", "Lind faces a maximum sentence of 10 years.", True),
    ("Lind faces up to 10 years.", "Lind faces at least 10 years.", False),
])
def test_up_to_is_the_bound_at_most_is(a: str, b: str, same: bool) -> None:
    assert numbers.equivalent(one(a), one(b)) is same


@pytest.mark.parametrize("text", ["Virtually 300 people came.", "Practically 300 people came."])
def test_virtually_and_practically_are_nearly(text: str) -> None:
    assert one(text).value.hedge == "nearly"


# --- tallies ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text, low, high", [
    ("Dunmore Rovers beat Harrow Town 3-1 on Saturday.", 3, 1),
    ("The Oslo Lions won 3 - 1 at home.", 3, 1),
    ("The Oslo Lions won 3\u20131 at home.", 3, 1),  # an en dash
    ("The bill passed 52-48 in the council.", 52, 48),
    ("Harrow Town lost 1-3 to the Oslo Lions.", 1, 3),  # rising, told by the side that lost
    ("It was a 1-3 defeat for Harrow Town.", 1, 3),
    ("Harrow Town and Dunmore Rovers played a 1-1 draw.", 1, 1),
    ("The Oslo Lions went through 2-1 on aggregate.", 2, 1),
    ("The court ruled by a 5-4 majority.", 5, 4),
])
def test_a_result_is_one_tally(text: str, low: float, high: float) -> None:
    f = one(text)
    assert f.value == Quantity(low, high, None, numbers.TALLY)
    assert f.role == numbers.TALLY


@pytest.mark.parametrize("text", [
    "Between 5-10 people were hurt in Harrow.",
    "5-10 people were hurt in Harrow.",
    "Harrow Town won as 5-10 people queued at the gate.",  # a count, after a result word too
])
def test_a_rising_pair_without_a_result_stays_a_range(text: str) -> None:
    assert q(text) == Quantity(5, 10, None, None)


@pytest.mark.parametrize("text", [
    "Dunmore Rovers finished the 2019-20 season in fourth.",
    "Ada Lind worked in Harrow from 1990-1995.",
    "The Oslo Lions won the cup on 2020-01-02.",
    "Harrow Town won, the filing dated 2020-1-2 shows.",
    "Bookmakers offered Harrow Town at 3-1 odds.",
    "The Harrow clinic is open 24-7.",
])
def test_years_dates_and_odds_are_no_tally(text: str) -> None:
    assert all(f.value.unit != numbers.TALLY for f in facts(text))  # type: ignore[union-attr]


def test_a_changed_score_is_one_change_said_as_written() -> None:
    c = retold.compare("Dunmore Rovers beat Harrow Town 3-1 on Saturday.",
                       "Dunmore Rovers beat Harrow Town 2-1 on Saturday.")
    found = [ch for ch in c.changes if ch.kind == "number"]
    assert len(found) == 1 and found[0].status == "changed"
    assert "3-1" in found[0].detail and "2-1" in found[0].detail
    assert "between" not in found[0].detail


def test_a_changed_vote_is_one_change_not_two() -> None:
    c = retold.compare("The bill passed 52-48 in the council.",
                       "The bill passed 51-49 in the council.")
    assert [(ch.kind, ch.status) for ch in c.changes if ch.kind == "number"] == [
        ("number", "changed")]


@pytest.mark.parametrize("retelling", [
    "Dunmore Rovers had a 3-1 win over Harrow Town on Saturday.",
    "Harrow Town lost 1-3 to Dunmore Rovers on Saturday.",
    "Harrow Town went down to a 1-3 defeat against Dunmore Rovers on Saturday.",
])
def test_one_score_told_either_way_is_no_change(retelling: str) -> None:
    c = retold.compare("Dunmore Rovers beat Harrow Town 3-1 on Saturday.", retelling)
    assert [ch for ch in c.changes if ch.kind == "number"] == []


def test_tallies_compare_by_their_sorted_pair_only() -> None:
    won = one("Dunmore Rovers beat Harrow Town 3-1 on Saturday.")
    lost = one("Harrow Town lost 1-3 to Dunmore Rovers.")
    assert numbers.equivalent(won, lost) and won.key == lost.key
    vote, other = one("The bill passed 520-480 in the assembly."), one(
        "The bill passed 500-500 in the assembly.")
    assert not numbers.equivalent(vote, other) and not numbers.compatible(vote, other)
    goals = one("Dunmore Rovers scored 3 goals on Saturday.")
    assert not numbers.equivalent(won, goals) and not numbers.compatible(won, goals)
    assert numbers.slot_score(won, goals) == 0.0
    assert numbers.slot_score(won, one("It was a 2-1 win for Harrow Town.")) >= 0.9
    assert numbers.humanise(Quantity(3, 1, None, numbers.TALLY)) == "3-1"


@pytest.mark.parametrize("text", [
    "The survey, which ended in May, polled 2,000 adults aged 18-24.",
    "Labour won among voters aged 18-24.",
    # lower-case words between are no name: "won" is another phrase's
    "Labour won among young voters 18-24 in the poll.",
])
def test_a_rising_pair_far_from_a_result_word_is_a_range(text: str) -> None:
    assert not [f for f in facts(text) if f.value.unit == numbers.TALLY]


def test_the_same_size_of_change_the_other_way_is_a_high_change() -> None:
    c = retold.compare("Sales rose by 300 units in May.", "Sales fell by 300 units in May.")
    assert [(ch.kind, ch.severity) for ch in c.changes] == [("number", "high")]
    assert retold.compare("Sales rose by 300 units in May.",
                          "Sales grew by 300 units in May.").changes == ()


@pytest.mark.parametrize(("original", "retelling", "flagged"), [
    ("Half of the 40 staff were laid off.", "Twenty of the 40 staff were laid off.", False),
    ("Twenty of the 40 staff were laid off.", "Half of the 40 staff were laid off.", False),
    ("A quarter of the 80 homes flooded in May.", "20 of the 80 homes flooded in May.", False),
    ("Half of the 40 staff were laid off.", "Thirty of the 40 staff were laid off.", True),
    ("Half of the 40 staff were laid off.", "Twenty of the 60 staff were laid off.", True),
    ("Half of the staff were laid off.", "Twenty of the staff were laid off.", True),  # no whole
])
def test_one_share_of_one_stated_whole_is_one_figure(original: str, retelling: str,
                                                     flagged: bool) -> None:
    c = retold.compare(original, retelling)
    assert bool([ch for ch in c.changes if ch.kind == "number"]) is flagged


@pytest.mark.parametrize(("text", "key"), [
    ("The talks lasted 3 1/2 hours.", "number:=:3.5:3.5:hour"),
    ("The talks lasted 3½ hours.", "number:=:3.5:3.5:hour"),
    ("The talks lasted an hour-and-a-half.", "number:=:1.5:1.5:hour"),
    ("He served a year and a half in jail.", "number:=:1.5:1.5:year"),
    ("Output rose 12 pct in May.", "number:=:12:12:percent:rise"),
    ("Loans fell 1.07 bln dlrs.", "number:=:1070000000:1070000000:USD:fall"),
    ("The fund raised 12 mln stg.", "number:=:12000000:12000000:GBP"),
    ("The flood displaced 3 1/2 million people.", "number:=:3500000:3500000:"),
    ("The company sold 4 1/2 mln dlrs of notes.", "number:=:4500000:4500000:USD"),
    ("Prices rose 12-1/2 pct in March.", "number:=:12.5:12.5:percent:rise"),
])
def test_mixed_fractions_halves_of_a_unit_and_wire_units(text: str, key: str) -> None:
    assert [f.key for f in facts(text)] == [key]


def test_a_date_with_a_slash_is_no_mixed_fraction() -> None:
    assert facts("Results for 9/11 were out.") == []


def test_one_in_a_hyphenated_idiom_is_no_figure() -> None:
    assert [f.text for f in facts("It followed two hours of one-on-one talks.")] == ["two hours"]
    assert [f.text for f in facts("It is an all-in-one printer.")] == []


def test_a_map_coordinate_is_no_figure_but_an_exchange_rate_is() -> None:
    assert facts("The mayor arrived in Tromso.\n\n69.649208 18.955324") == []
    assert [f.text for f in facts("The euro fell to 1.08453 dollars.")] == ["1.08453 dollars"]
