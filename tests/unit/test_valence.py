"""A word that judges the other way (VADER's ratings): "welcomed" / "condemned", "friends" /
"enemies", where WordNet lists no opposite; a verb that moves the same thing the other way
("boosts" / "reduces"). Pairs written here, with what must and must not be flagged."""

from __future__ import annotations

import subprocess
import sys

import pytest

import retold
from retold import lexicon, valence

needs_lexicons = pytest.mark.skipif(
    not (lexicon.available() and valence.available()),
    reason="WordNet or VADER data not installed")

JUDGED = "the other way: it says"


def judged(original: str, retelling: str) -> list[tuple[str, str]]:
    """(retelling word, original word) of each judged-otherwise change."""
    c = retold.compare(original, retelling)
    return [(ch.retelling.text, ch.original.text) for ch in c.changes
            if ch.kind == "negation" and JUDGED in ch.detail and ch.retelling and ch.original]


@needs_lexicons
def test_ratings_are_read_for_a_word_and_its_inflections() -> None:
    assert valence.valence("welcomed") > 0 > valence.valence("condemned")
    # an inflection VADER does not list is read through its WordNet lemma
    assert valence.valence("condemning") == valence.valence("condemn") < 0
    assert valence.valence("stadium") == 0.0


def test_without_the_lexicon_every_word_is_unrated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RETOLD_VADER", "/nonexistent/vader_lexicon.txt")
    valence.forget()
    try:
        assert not valence.available()
        assert valence.valence("wonderful") == 0.0
        assert judged("Residents welcomed the decision to close the road.",
                      "Residents condemned the decision to close the road.") == []
    finally:
        monkeypatch.delenv("RETOLD_VADER")
        valence.forget()


@needs_lexicons
@pytest.mark.parametrize("original, retelling, pair", [
    ("Residents welcomed the decision to close the road.",
     "Residents condemned the decision to close the road.", ("condemned", "welcomed")),
    ("The two ministers have been friends since school.",
     "The two ministers have been enemies since school.", ("enemies", "friends")),
    # a dialogue turn: the same thing before each word
    ("Lena: the new cafe on Mill Street is wonderful. Piet: agreed.",
     "Lena says the new cafe on Mill Street is awful.", ("awful", "wonderful")),
    # a verb that moves the same thing the other way (no VADER rating for "reduces")
    ("The new timetable boosts the reliability of the ferry service.",
     "The new timetable reduces the reliability of the ferry service.", ("reduces", "boosts")),
    # rated by VADER ("increase" 1.3) and a push too, against a word only the push reads
    ("The board looked at ways to reduce fees for students.",
     "The board looked at ways to increase fees for students.", ("increase", "reduce")),
    # a noun of such a verb
    ("The board backed the reduction of fees for students.",
     "The board backed the increase of fees for students.", ("increase", "reduction")),
    # a thing's extent, not its amount
    ("The Dunmore council extended the curfew by two hours.",
     "The Dunmore council shortened the curfew by two hours.", ("shortened", "extended")),
])
def test_a_word_judging_the_same_thing_the_other_way_is_a_reversal(
        original: str, retelling: str, pair: tuple[str, str]) -> None:
    assert judged(original, retelling) == [pair]


@needs_lexicons
@pytest.mark.parametrize("original, retelling", [
    # the same way, in other words
    ("Residents condemned the decision to close the road.",
     "Residents criticised the decision to close the road."),
    # said of another thing: "dreadful" is the soup's, "excellent" the bread's
    ("Lena: the soup was dreadful but the bread was lovely.",
     "Lena says the bread was excellent."),
    # an answer word, set off by a comma, judges nothing next to it
    ("Lena: Yes, soup again for dinner. Piet: fine.", "Lena calls it awful soup."),
    # rated apart in another sense: "stressed" the point is "highlighted" it
    ("The coach highlighted the defence in training.",
     "The coach stressed the defence in training."),
    # the same subject, another thing after each: two claims, not one turned
    ("Residents welcomed the decision to close the road.",
     "Residents condemned the plan to close the road."),
    ("The levy boosted sales at the port. It began in May.", "The levy cut costs at the port."),
    # the same way in other words
    ("The Dunmore council extended the curfew by two hours.",
     "The Dunmore council prolonged the curfew by two hours."),
    # negated on one side only: "not bad" agrees with "good"
    ("The mayor said the stadium plan was not bad at all.",
     "The mayor said the stadium plan was good."),
])
def test_the_same_judgement_or_another_slot_is_not_a_reversal(
        original: str, retelling: str) -> None:
    assert judged(original, retelling) == []


@needs_lexicons
def test_the_same_text_is_judged_the_same() -> None:
    text = "Lena: the soup was dreadful but the bread was lovely. Piet: agreed, awful soup."
    assert judged(text, text) == []


def test_the_package_code_is_never_run() -> None:
    # Only its lexicon file is read: the package imports requests and scores whole sentences.
    probe = ("import sys, retold\n"
             "retold.compare('Lena: the soup was lovely.', 'Lena says the soup was awful.')\n"
             "print('vaderSentiment' in sys.modules, 'requests' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["False", "False"]
