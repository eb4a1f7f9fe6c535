"""Qualifiers: must/must-not find, keys and heads, equivalence and explanations."""

from __future__ import annotations

import pytest

import retold
from retold.facts import qualifiers
from retold.facts.base import Context
from retold.model import Document, Fact, Sentence


def extract(text: str) -> list[Fact]:
    facts = qualifiers.extract(Document(text), [Sentence(0, 0, len(text), text)], Context())
    for f in facts:
        assert text[f.start:f.end] == f.text
    return facts


@pytest.mark.parametrize(
    ("text", "key", "head"),
    [
        ("The alleged attacker was arrested.", "alleged", "attacker"),
        ("The man allegedly fired first.", "alleged", "fired"),
        ("It proclaimed a so-called republic in the hills.", "so-called", "republic"),
        ("The former mayor spoke.", "former", "mayor"),
        ("They met the former regional police chief Ana Ruiz.", "former", "chief"),
        ("Two were reportedly killed.", "reported", "killed"),
        ("A suspected smuggler was held.", "suspected", "smuggler"),
        ("The self-styled emir fled.", "self-styled", "emir"),
        ("The claimed attack was not verified.", "claimed", "attack"),
        ("It was apparently a mistake.", "apparent", "mistake"),
        ("The fire was possibly arson.", "possible", "arson"),
        ("Rain is likely tomorrow.", "likely", "tomorrow"),
        ("An unconfirmed report spread.", "unconfirmed", "report"),
        ("The purported letter surfaced.", "purported", "letter"),
    ],
)
def test_must_find(text: str, key: str, head: str) -> None:
    (f,) = extract(text)
    assert (f.key, f.role) == (key, head)


@pytest.mark.parametrize(
    "text",
    [
        "The group claimed responsibility for the blast.",  # a verb, not a qualifier
        "The attack was reported by residents.",
        "The formerly quiet town woke up.",
        "He alleges fraud.",
    ],
)
def test_must_not_find(text: str) -> None:
    assert extract(text) == []


def fact(word: str, head: str = "") -> Fact:
    key = qualifiers.CANONICAL.get(word.casefold(), word.casefold())
    return Fact(kind="qualifier", start=0, end=len(word), text=word, sentence=0, key=key,
                role=head)


def test_equivalent_and_slot_score() -> None:
    assert qualifiers.equivalent(fact("alleged", "attacker"), fact("allegedly", "attacked"))
    # the head is often reworded in translation: still the same qualifier
    assert qualifiers.equivalent(fact("so-called", "caliphate"), fact("so-called", "state"))
    assert not qualifiers.equivalent(fact("alleged", "attacker"), fact("suspected", "attacker"))
    assert qualifiers.slot_score(fact("alleged", "attacker"), fact("suspected", "attacker")) >= 0.5
    assert qualifiers.slot_score(fact("alleged", "attacker"), fact("former", "mayor")) < 0.5


def test_explain() -> None:
    assert qualifiers.explain(fact("alleged", "attacker"), None) == (
        "The retelling drops 'alleged' before 'attacker'.")
    assert qualifiers.explain(None, fact("former", "mayor")) == (
        "The retelling adds 'former' before 'mayor'.")
    changed = qualifiers.explain(fact("alleged", "attacker"), fact("suspected", "attacker"))
    assert "alleged" in changed and "suspected" in changed


def test_list_is_a_documented_tuple() -> None:
    assert isinstance(qualifiers.QUALIFIERS, tuple) and "so-called" in qualifiers.QUALIFIERS


def test_modal_of_possibility_dropped_is_a_qualifier_change() -> None:
    c = retold.compare("The tariffs may slow growth, the bank said.",
                       "The tariffs will slow growth, the bank said.")
    facts = [ch for ch in c.changes if ch.kind != "meaning"]
    assert [(ch.kind, ch.status) for ch in facts] == [("qualifier", "dropped")]
    assert "certain" in facts[0].detail


def test_modals_of_one_family_are_the_same_hedge() -> None:
    c = retold.compare("The tariffs may slow growth, the bank said.",
                       "The tariffs could slow growth, the bank said.")
    assert [ch for ch in c.changes if ch.kind != "meaning"] == []


def test_may_the_month_is_not_a_modal() -> None:
    c = retold.compare("The vote was held in May in the capital.",
                       "The vote was held in May in the capital city.")
    assert [ch for ch in c.changes if ch.kind == "qualifier"] == []


@pytest.mark.parametrize(("original", "retelling"), [
    ("Regulators warned of the possible contamination of the wells.",
     "Regulators warned that the wells could be contaminated."),
    ("The lenders will sell their possible claims to a fund.",
     "The lenders will sell their potential claims to a fund."),
    ("Hundreds of passengers were possibly infected on board.",
     "Hundreds of passengers were potentially infected on board."),
])
def test_words_and_modals_of_possibility_are_one_hedge(original: str, retelling: str) -> None:
    c = retold.compare(original, retelling)
    assert [ch for ch in c.changes if ch.kind == "qualifier"] == []


def test_potential_is_a_hedge_before_its_noun_only() -> None:
    dropped = retold.compare("Inspectors listed the potential hazards at the plant.",
                             "Inspectors listed the hazards at the plant.")
    assert [(ch.kind, ch.status) for ch in dropped.changes if ch.kind == "qualifier"] == [
        ("qualifier", "dropped")]
    noun = retold.compare("The vaccine has the potential to end the outbreak.",
                          "The vaccine has the power to end the outbreak.")
    assert [ch for ch in noun.changes if ch.kind == "qualifier"] == []


def test_a_hedge_that_comes_or_goes_with_its_claim_is_no_hedge_change() -> None:
    # the retelling adds a claim, hedge and all: the claim is new, not the hedge
    added = retold.compare("Agents searched the studio on Tuesday.",
                           "Agents searched the studio on Tuesday, a potential crime scene.")
    assert [ch for ch in added.changes if ch.kind == "qualifier"] == []
    # the hedge goes and its word stays: a suspicion now reads as fact
    dropped = retold.compare("Police questioned the alleged attacker on Friday.",
                             "Police questioned the attacker on Friday.")
    assert [(ch.kind, ch.status) for ch in dropped.changes if ch.kind == "qualifier"] == [
        ("qualifier", "dropped")]
