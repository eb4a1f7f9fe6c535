"""Negation: cues, families, negated words, equivalence and explanations."""

from __future__ import annotations

import pytest

import retold
from retold.facts import negation
from retold.facts.base import Context
from retold.model import Document, Fact, Sentence


def extract(text: str) -> list[Fact]:
    facts = negation.extract(Document(text), [Sentence(0, 0, len(text), text)], Context())
    for f in facts:
        assert text[f.start:f.end] == f.text
    return facts


@pytest.mark.parametrize(
    ("text", "cue", "key", "word"),
    [
        ("The army did not retreat.", "not", "not", "retreat"),
        ("The army didn't retreat.", "n't", "not", "retreat"),
        ("The army didn’t retreat.", "n’t", "not", "retreat"),
        ("The army cannot retreat.", "cannot", "not", "retreat"),
        ("The army no longer patrols the coast.", "no longer", "no longer", "patrols"),
        ("The army never retreated.", "never", "never", "retreated"),
        ("There is no evidence of fraud.", "no", "no", "evidence"),
        ("Nobody was hurt.", "Nobody", "no", "hurt"),
        ("They left without paying.", "without", "without", "paying"),
        ("The minister denied the report.", "denied", "deny", "report"),
        ("He is not even a member.", "not", "not", "member"),
        ("The plan is not currently approved.", "not", "not", "approved"),  # an adverb between
        ("He is not currently in custody.", "not", "not", "currently"),  # no verb after it
        ("The bridge still isn't really finished.", "n't", "not", "finished"),
        ("the army did n't retreat .", "n't", "not", "retreat"),  # tokenised text
        ("There is no more bread in the village.", "no", "no", "bread"),  # none left
        ("The rules were no more than a gesture.", "no", "no", "than"),  # no figure: no bound
    ],
)
def test_must_find(text: str, cue: str, key: str, word: str) -> None:
    (f,) = extract(text)
    assert (f.text, f.key, f.role) == (cue, key, word)


def test_neither_nor() -> None:
    assert [f.key for f in extract("Neither side nor its allies agreed.")] == ["neither", "nor"]


@pytest.mark.parametrize(
    "text",
    [
        "He lives at No. 10 Downing Street.",
        "Nothing-but-net is a phrase.",
        "The notion was noted by a nobleman in Norway.",
        "Knot the rope.",
        "No more than 40 per cent of the seats were filled.",  # a bound: the figure's hedge
        "Not fewer than 12 people signed the letter.",
        "Not only the bridge but the tunnel closed.",
    ],
)
def test_must_not_find(text: str) -> None:
    assert [f.text for f in extract(text) if f.text != "Nothing"] == []


def fact(cue: str, word: str = "") -> Fact:
    return Fact(kind="negation", start=0, end=len(cue), text=cue, sentence=0,
                key=negation._family(cue), role=word)


def test_equivalent_and_slot_score() -> None:
    assert negation.equivalent(fact("not", "say"), fact("n't", "say"))
    assert negation.equivalent(fact("cannot"), fact("not"))
    assert not negation.equivalent(fact("not", "say"), fact("never", "say"))
    assert negation.slot_score(fact("not", "say"), fact("never", "say")) >= 0.8
    assert 0.5 <= negation.slot_score(fact("not", "say"), fact("never", "go")) < 0.8


def test_explain() -> None:
    assert negation.explain(None, fact("not", "allowed")) == (
        "The retelling adds a negation ('not' before 'allowed'), which may reverse the claim.")
    assert negation.explain(fact("never"), None) == (
        "The retelling drops a negation ('never'), which may reverse the claim.")
    changed = negation.explain(fact("not", "say"), fact("never", "say"))
    assert "'not'" in changed and "'never'" in changed


@pytest.mark.parametrize(("text", "cue", "inside"), [
    ("Phone the desk if the printer is not printing.", "not", True),
    ("Ask again unless she does not answer.", "not", True),
    ("They asked whether the bridge was not safe.", "not", True),
    ("The printer is not printing, so phone the desk.", "not", False),
    ("If it rains, the match will not go ahead.", "not", False),  # the main clause, after a comma
])
def test_a_negation_inside_a_condition(text: str, cue: str, inside: bool) -> None:
    f = next(f for f in extract(text) if f.text == cue)
    assert negation.hypothetical(f, text) is inside
    assert negation.conditional(text) is (inside or text.startswith("If"))


def test_cannot_help_but_denies_nothing() -> None:
    assert extract("As your neighbour I cannot help but notice the new fence.") == []
    assert extract("She couldn't help laughing at the joke.") == []
    assert [f.role for f in extract("The pumps cannot help the flooded farms.")] == ["help"]


def test_not_and_no_before_forms_of_one_word_are_one_negation() -> None:
    import retold

    def negations(a: str, b: str) -> list[tuple[str, str]]:
        return [(c.kind, c.status) for c in retold.compare(a, b).changes if c.kind == "negation"]

    assert negations("The van is not insured, the police said.",
                     "The police said the van has no insurance.") == []
    # another word, or "never" for "not", is still a change
    assert negations("The van is not insured, the police said.",
                     "The police said the van has no brakes.") == [("negation", "changed")]
    assert negations("The council did not approve the plan.",
                     "The council never approved the plan.") == [("negation", "changed")]


@pytest.mark.parametrize(("original", "retelling", "severity", "left_out"), [
    # the negated verb is gone with its clause: a claim left out, not a reversal
    ("The bank's bid is plainly not going down well with the regulators.",
     "The bank made a bid that the regulators must review.", "medium", True),
    ("Police have never charged the driver, a spokesman said.",
     "A spokesman spoke about the driver.", "medium", True),
    # the verb stays and loses its negation: the claim is turned
    ("The council did not approve the new tram line.",
     "The council approved the new tram line.", "high", False),
    ("The minister has not seen the report.", "The minister saw the report.", "high", False),
])
def test_a_negation_left_out_with_its_claim_is_an_omission(
        original: str, retelling: str, severity: str, left_out: bool) -> None:
    import retold

    found = [c for c in retold.compare(original, retelling).changes if c.kind == "negation"]
    assert len(found) == 1
    assert found[0].severity == severity
    assert ("leaves out a negated statement" in found[0].detail) is left_out


@pytest.mark.parametrize(("original", "retelling", "reversed_"), [
    ("The claims were denied by the airline.", "The airline denied the claims.", False),
    ("The airline denied the claims.", "The claims have been denied by the airline.", False),
    ("The claims were denied by the airline.", "The airline accepted the claims.", True),
])
def test_a_denial_in_the_passive_denies_its_subject(
        original: str, retelling: str, reversed_: bool) -> None:
    import retold

    found = [c for c in retold.compare(original, retelling).changes if c.kind == "negation"]
    assert bool(found) is reversed_


def test_a_denial_added_beside_the_claim_it_denies_is_an_added_claim() -> None:
    original = "The report said the raid stopped a plot against the port."
    added = retold.compare(original, "The report said the raid stopped a plot against the port, "
                                     "but the navy has denied any plot.")
    denials = [ch for ch in added.changes if ch.kind == "negation"]
    assert [(ch.status, ch.severity) for ch in denials] == [("added", "medium")]
    assert "denial" in denials[0].detail
    # the claim itself denied, not kept beside the denial: a reversal
    turned = retold.compare(original, "The report said the raid stopped no plot against the port.")
    assert [ch.severity for ch in turned.changes if ch.kind == "negation"] == ["high"]


@pytest.mark.parametrize(("original", "retelling", "reversed_"), [
    ("Ortega pleaded innocent to the charges.", "Ortega pleaded not guilty to the charges.", False),
    ("Ortega was found not guilty.", "Ortega was found innocent.", False),
    ("Ortega pleaded guilty to the charges.", "Ortega pleaded not guilty to the charges.", True),
    ("Ortega was found not innocent.", "Ortega was found not guilty.", True),  # both negated
])
def test_a_negated_word_against_its_opposite_stated_plainly_is_the_same_claim(
        original: str, retelling: str, reversed_: bool) -> None:
    c = retold.compare(original, retelling)
    assert bool([ch for ch in c.changes if ch.kind == "negation"]) is reversed_


def test_nor_and_or_under_one_negation_are_the_same_claim() -> None:
    plain = "The singer hasn't been tried or convicted on those charges."
    assert retold.compare(plain, plain.replace(" or ", " nor ")).changes == ()
    assert retold.compare(plain.replace(" or ", " nor "), plain).changes == ()
    turned = retold.compare("The singer has been tried or convicted on those charges.",
                            plain.replace(" or ", " nor "))
    assert [ch.kind for ch in turned.changes if ch.kind == "negation"]


def test_a_negated_name_is_negated_by_its_last_word() -> None:
    assert [f.role for f in extract("Hale blamed the old rulers, not Jean Moreau, for it.")] == \
        ["moreau"]
    c = retold.compare("Hale blamed earlier rulers -- not Moreau -- for the breakdown.",
                       "Hale blamed earlier rulers -- not Jean Moreau -- for the breakdown.")
    assert not [ch for ch in c.changes if ch.kind == "negation"]


def test_negations_pair_by_the_word_they_negate_before_their_cue() -> None:
    c = retold.compare("Norway has no transfer treaty with Chile and can't compel it to act.",
                       "Norway doesn't have a transfer treaty with Chile and can't force it to act.")
    assert not [ch for ch in c.changes if ch.kind == "negation"]


def test_a_word_the_original_keeps_is_no_other_word_for_the_negated_one() -> None:
    c = retold.compare("The club called the report a plot to stop the merger, arguing that it "
                       "doesn't contain evidence.",
                       "The club called the report a plot to stop the merger.")
    assert [(ch.kind, ch.severity) for ch in c.changes] == [("negation", "medium")]


def test_a_negated_verb_is_not_reversed_by_a_noun_that_shares_a_sense() -> None:
    original = ("Trump said he would raise the indictments. Bolton said asking for the indicted "
                "Russians to be turned over would have the opposite effect. The U.S. has no "
                "extradition treaty with Moscow.")
    retelling = ("Trump said he would raise the indictments. The U.S. has no extradition treaty "
                 "with Moscow and can't force the Russians to hand over citizens.")
    c = retold.compare(original, retelling)
    # "force" negated is no reversal of the noun "effect" (a sense they share as nouns); the
    # negated claim is new, with its verb: added, medium
    assert [(ch.kind, ch.status, ch.severity) for ch in c.changes] == [
        ("negation", "added", "medium")]
    assert "effect" not in c.changes[0].detail


def test_a_denial_in_place_of_a_confession_is_a_reversal_not_a_claim_added() -> None:
    c = retold.compare("Ola Brenn, charged with joining a plot to kill the mayor, confessed to the "
                       "plot in court.",
                       "Ola Brenn, charged with joining a plot to kill the mayor, denied the plot "
                       "in court.")
    assert [(ch.kind, ch.severity) for ch in c.changes] == [("negation", "high")]


@pytest.mark.parametrize(("original", "retelling", "same"), [
    ("Unemployment did not rise in March.", "Unemployment fell in March.", False),
    ("The senator was not optimistic about the bill.",
     "The senator was pessimistic about the bill.", False),
    ("The jury found Brenn not guilty.", "The jury found Brenn innocent.", True),
])
def test_only_a_complementary_opposite_states_what_the_denial_denies(
        original: str, retelling: str, same: bool) -> None:
    c = retold.compare(original, retelling)
    found = [ch for ch in c.changes if ch.kind == "negation"]
    assert (found == []) is same
    if not same:
        assert found[0].severity == "medium" and "opposite" in found[0].detail
