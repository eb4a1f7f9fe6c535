"""A direction the original's own figures deny (retold.trends): "sales fell" where the original
gives sales against a smaller base. Pairs written here, each with what must and what must not
be flagged."""

from __future__ import annotations

import pytest

import retold
from retold import lexicon, trends
from retold.model import Fact

needs_wordnet = pytest.mark.skipif(not lexicon.available(), reason="WordNet data not installed")

PLAYHOUSE = ("The Harlow Playhouse published its accounts on Monday. Ticket sales at the "
             "playhouse were 41,200 in 2024, compared with 38,900 in 2023. The new director "
             "starts in June.")
JOBS = ("The county's jobless rate stood at 4.1% in March versus 3.7% in February, the labour "
        "office said.")


def denials(original: str, retelling: str) -> list[tuple[str, str, str]]:
    """(retelling word, original span, detail) of each denial compare reports."""
    c = retold.compare(original, retelling)
    return [(ch.retelling.text, ch.original.text, ch.detail) for ch in c.changes
            if ch.kind == "negation" and ch.status == "changed" and ch.retelling
            and ch.original and "own figures" in ch.detail]


@needs_wordnet
@pytest.mark.parametrize("retelling, word", [
    ("Ticket sales at the playhouse fell in 2024.", "fell"),
    ("The playhouse saw a decline in ticket sales in 2024.", "decline"),
    ("Ticket sales at the Harlow Playhouse dropped last year, to 41,200.", "dropped"),
    ("Ticket sales at the playhouse were lower than in 2023.", "lower"),  # than an earlier time
    ("Ticket sales at the playhouse were lower than a year earlier.", "lower"),
])
def test_a_direction_against_the_figures_is_a_reversal(retelling: str, word: str) -> None:
    found = denials(PLAYHOUSE, retelling)
    assert [(w, span) for w, span, _d in found] == [(word, "41,200 in 2024, compared with 38,900")]
    assert "rose" in found[0][2] and "'41,200'" in found[0][2] and "'38,900'" in found[0][2]


@needs_wordnet
@pytest.mark.parametrize("retelling", [
    "Ticket sales at the playhouse rose in 2024.",           # the way the figures go
    "Ticket sales at the playhouse grew from 2023 to 2024.",
    "Ticket sales at the playhouse did not fall in 2024.",   # negated
    "Ticket sales at the playhouse are expected to fall next year.",  # a forecast
    "Ticket sales at the playhouse fell in 2023.",           # the base's year, not the figure's
    "Staff numbers at the theatre fell in 2024.",            # another measure
    "Ticket sales rose, but the director's pay fell.",       # the fall is said of the pay
    "Ticket sales at the playhouse were lower than the director had hoped.",  # not a time
])
def test_what_the_figures_do_not_deny_is_not_flagged(retelling: str) -> None:
    assert denials(PLAYHOUSE, retelling) == []


@needs_wordnet
def test_a_rate_and_a_comparative_after_a_verb_of_being() -> None:
    assert [w for w, _s, _d in denials(JOBS, "The jobless rate declined in March.")] == ["declined"]
    assert [w for w, _s, _d in denials(JOBS, "The county's jobless rate was lower in March.")] \
        == ["lower"]
    assert denials(JOBS, "The county's jobless rate rose in March.") == []
    assert denials(JOBS, "The jobless rate fell in February.") == []  # the base's month


@needs_wordnet
@pytest.mark.parametrize("original", [
    # a word of comparison whose "base" is no earlier figure of the same measure
    "Quarterly revenue was $7.5 million, compared with analysts' forecasts of $8 million.",
    "Quarterly revenue was $7.5 million, compared with a loss of $8 million.",
    # the original says which way itself: the meaning checks read that word
    "Quarterly revenue was $7.5 million, down from $8 million a year before.",
    # two bases on either side of the figure: no one way
    ("Quarterly revenue was $7.5 million, compared with $8 million a year before and $6 "
     "million in the previous quarter."),
])
def test_no_base_or_no_one_way_denies_nothing(original: str) -> None:
    assert denials(original, "Quarterly revenue increased.") == []


@needs_wordnet
def test_several_figures_against_their_bases_in_order() -> None:
    original = ("Operating profit was $12.5 million or 40 cents a share, compared with $15.1 "
                "million or 48 cents a share a year earlier.")
    assert [w for w, _s, _d in denials(original, "Operating profit increased.")] == ["increased"]
    mixed = ("Operating profit was $12.5 million or 49 cents a share, compared with $15.1 "
             "million or 48 cents a share a year earlier.")
    assert denials(mixed, "Operating profit increased.") == []


def _facts(text: str) -> list[Fact]:
    return list(retold.compare(text, text).original.facts)


@needs_wordnet
def test_offsets_slice_back_to_the_words_they_name() -> None:
    facts = _facts(PLAYHOUSE)
    start = PLAYHOUSE.index("Ticket")
    end = PLAYHOUSE.index("2023.") + len("2023.")
    r_text = "Intro line here. Ticket sales at the playhouse slumped in 2024."
    r_start = r_text.index("Ticket")
    found = trends.denied(r_text, (r_start, len(r_text)), (), [(start, end, facts)], PLAYHOUSE)
    assert len(found) == 1
    d = found[0]
    assert r_text[d.retelling[0]:d.retelling[1]] == "slumped"
    assert PLAYHOUSE[d.original[0]:d.original[1]].startswith("41,200")
    assert PLAYHOUSE[d.original[0]:d.original[1]].endswith("38,900")


NET = ("Net income was $9.3 million in the quarter, compared with $11.2 million a year earlier, "
       "the company said.")
NET_Q3 = "Net income for the third quarter was $9.3 million, compared with $11.2 million a year earlier."


@needs_wordnet
@pytest.mark.parametrize("original, retelling", [
    # two groups at one time, no change over time
    ("In the latest survey Labour polled 41%, compared with 29% for the Conservatives.",
     "Labour's poll rating fell to 41% in the latest survey."),
    ("The jobless rate in Ohio was 4.1%, compared with 3.7% nationally.",
     "The jobless rate in Ohio fell to 4.1%."),
    # signs the number reader leaves out; counts of other nouns; more figures than bases
    ("The trade balance was -$3 billion, compared with -$5 billion a year earlier.",
     "The trade balance rose."),
    (("The county recorded 12 deaths among 3,400 cases in March, compared with 2,900 cases in "
     "February."), "Cases recorded in the county rose in March."),
    (("The chain sold 300 bikes in March and 41,200 bikes in the year, compared with 38,900 "
     "bikes the year before."), "Bikes sold by the chain in the year rose."),
    # the direction word is said of something else
    (NET, "The company said rising costs hit net income in the quarter."),
    (NET, "Net income in the quarter was hurt by a rise in costs."),
    (("Acme Corp said on Tuesday that its revenue was $5.2 million, compared with $4.1 million a "
     "year earlier."), "Acme Corp said costs fell."),
    # against expectations, denied, undone, or a figure's own change word (the number kind's)
    (NET, "Net income in the quarter was higher than analysts had predicted, the company said."),
    (NET, "Net income in the quarter failed to increase."),
    (NET, "Net income rose 11% to $9.3 million."),
    ("Revenue was $5m, compared with $4m a year earlier.", "Revenue stopped falling."),
    ("Revenue was $5m, compared with $4m a year earlier.", "Revenue recovered from a decline."),
    ("Revenue was $5m, compared with $4m a year earlier.", "The revenue's fall was reversed."),
    # another span of time
    (NET_Q3, "Net income rose for the full year."),
    (NET_Q3, "Net income rose in the first nine months."),
    (NET_Q3, "Net income for the third quarter rose on a sequential basis."),
])
def test_what_the_review_found_is_not_flagged(original: str, retelling: str) -> None:
    assert denials(original, retelling) == []


@needs_wordnet
def test_a_month_opening_the_sentence_is_no_hedge() -> None:
    original = "Ticket sales were 41,200 in May, compared with 38,900 in April."
    assert [w for w, _s, _d in denials(original, "In May ticket sales fell.")] == ["fell"]
    assert [w for w, _s, _d in denials(NET, "Net income rose in the quarter.")] == ["rose"]


@needs_wordnet
def test_a_move_told_by_its_two_ends() -> None:
    original = ("The county's jobless rate went from 3.7% in February to 4.1% in March, the "
                "labour office said.")
    assert [w for w, _s, _d in denials(original, "The county's jobless rate fell in March.")] \
        == ["fell"]
    assert [w for w, _s, _d in denials(original, "The county's jobless rate declined.")] \
        == ["declined"]
    assert denials(original, "The county's jobless rate rose in March.") == []
    assert denials(original, "The jobless rate fell in February.") == []  # the base's month
    assert denials(original, "Prices in the county fell in March.") == []  # another measure
    # a verb of direction says it itself, and a range is no move
    assert denials("The rate climbed from 3.7% in February to 4.1% in March.",
                   "The rate fell in March.") == []
    assert denials("Seats at the theatre range from $10 to $20.", "Seat prices fell.") == []
