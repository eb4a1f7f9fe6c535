"""Attributions: speaker forms, generic speakers, appositives, equivalence and explanations."""

from __future__ import annotations

import re

import pytest

import retold
from retold.facts import attributions
from retold.facts.base import Context
from retold.model import Document, Fact, Sentence
from tests import factkit

_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences_of(text: str) -> list[Sentence]:
    return factkit.sentences_of(text, _SPLIT)


def extract(text: str) -> list[Fact]:
    facts = attributions.extract(Document(text), sentences_of(text), Context())
    for f in facts:
        assert text[f.start:f.end] == f.text
        assert f.role == "attribution"
    return facts


def speakers(text: str) -> list[str]:
    return [f.note for f in extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lena Vogt says the river will flood.", ["Lena Vogt"]),
        ("Vogt also warned that the dam was weak.", ["Vogt"]),
        ("The dam is weak, according to Lena Vogt.", ["Lena Vogt"]),
        ("The dam is weak, according to local officials.", ["local officials"]),
        ("The dam is weak, said Lena Vogt.", ["Lena Vogt"]),
        ("Regional security officials believe the dam is weak.", ["Regional security officials"]),
        ("The writer believes the dam is weak.", ["The writer"]),
        ("Lena Vogt, the head of the Delta Water Board, added that the dam was weak.",
         ["Lena Vogt"]),
        ("The ministry's spokesman said the dam was weak.", ["The ministry's spokesman"]),
        ("Lena Vogt visited the dam. She said it was weak.", ["Lena Vogt"]),
        ("Engineers who inspected it said the dam was weak.", []),
        ("Lena Vogt claimed the dam was weak.", ["Lena Vogt"]),
    ],
)
def test_speakers(text: str, expected: list[str]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The alleged attacker fled.",  # "alleged" as an adjective
        "The reported attack never happened.",
        "The rain fell all day on the town.",
    ],
)
def test_must_not_find(text: str) -> None:
    assert extract(text) == []


def test_verbs_that_introduce_a_quote_are_left_to_quotes() -> None:
    assert extract('Lena Vogt said: "The dam will not hold much longer."') == []


def test_key_is_the_normalised_speaker() -> None:
    (f,) = extract("The writer believes the dam is weak.")
    assert f.key == "writer"
    (g,) = extract("Lena Vogt says the river will flood.")
    assert g.key == "lena vogt"


def fact(speaker: str, key: str | None = None) -> Fact:
    return Fact(kind="attribution", start=0, end=len(speaker), text=speaker, sentence=0,
                key=key or speaker.casefold(), role="attribution", note=speaker)


def test_equivalent_uses_name_rules() -> None:
    assert attributions.equivalent(fact("Brian Coughlin"), fact("Coflin"))
    assert attributions.equivalent(fact("the writer", "writer"), fact("The writer", "writer"))
    assert not attributions.equivalent(fact("Lena Vogt"), fact("Omar Haddad"))
    assert not attributions.equivalent(fact("U.S. officials"), fact("Iraqi officials"))


def test_slot_score_pairs_leftover_speakers() -> None:
    assert attributions.slot_score(fact("Lena Vogt"), fact("Omar Haddad")) >= 0.5
    assert attributions.slot_score(fact("Lena Vogt"), fact("Vogt")) == 1.0


def test_explain() -> None:
    dropped = attributions.explain(fact("Lena Vogt"), None)
    assert dropped == ("The retelling drops the attribution to Lena Vogt; the claim now reads as "
                       "the outlet's own.")
    added = attributions.explain(None, fact("The writer", "writer"))
    assert added == ("The retelling attributes this to the writer, which the original states "
                     "without attribution.")
    changed = attributions.explain(fact("Lena Vogt"), fact("Omar Haddad"))
    assert changed == "The original attributes this to Lena Vogt; the retelling to Omar Haddad."


def test_speaker_after_a_quote_that_ended_its_sentence_is_kept() -> None:
    text = 'It read: “We stay until the end.”\n\nLocal officials say the town is calm.'
    assert speakers(text) == ["Local officials"]
    assert speakers('"We stay until the end," Lena Vogt said.') == []


@pytest.mark.parametrize(
    ("original", "retelling"),
    [
        ("The regional disaster agency said the river rose.", "The agency said the river rose."),
        ("Ministry of Defence officials said the base was hit.",
         "MoD officials said the base was hit."),
        ("Police said the man fled.", "Police officers said the man fled."),
    ],
)
def test_short_form_of_a_speaker_is_the_same_speaker(original: str, retelling: str) -> None:
    (a,), (b,) = extract(original), extract(retelling)
    assert attributions.equivalent(a, b) and attributions.equivalent(b, a)


def test_different_generic_speakers_differ() -> None:
    (a,), (b,) = extract("Iraqi officials said it."), extract("US officials said it.")
    assert not attributions.equivalent(a, b)


def test_deny_is_not_an_attribution() -> None:
    assert extract("The minister did not deny the report.") == []
    assert extract("The minister denied the report.") == []


def test_added_before_an_amount_is_no_attribution() -> None:
    assert extract("Vold added 12 points in the second half.") == []
    assert extract("The index added another 1,200 points.") == []
    assert speakers("Vold added that the port would reopen.") == ["Vold"]


def test_a_quotation_s_speaker_is_not_also_an_attribution() -> None:
    # the quote fact carries the speaker: the same speaker is not compared twice
    assert extract('"The economy is recovering," said Finance Minister Anna Berg.') == []


# --- the sentence's own reporting clause ------------------------------------------------------

def _quote_speakers(text: str) -> list[str]:
    import retold

    c = retold.compare(text, text)
    return [f.role for f in c.original.facts if f.kind == "quote"]


def test_a_speaker_told_someone_before_a_colon_speaks_the_quote() -> None:
    assert _quote_speakers("Mr Balls told Today: “The cuts were far too deep and too fast.” "
                           "Later, at a Parliamentary lunch, he repeated it.") == ["Balls"]


def test_a_generic_speaker_never_reaches_into_the_previous_sentence() -> None:
    assert _quote_speakers("The cuts were far too deep. Parliamentary sources said “the cuts "
                           "were far too deep and too fast” on Monday.") == ["Parliamentary sources"]


def test_an_adjective_in_the_next_sentence_is_no_speaker() -> None:
    assert _quote_speakers("“The cuts were far too deep and too fast.” "
                           "The Parliamentary lunch was tense.") == [""]


def test_a_generic_speaker_after_the_quote() -> None:
    assert _quote_speakers("“We tried everything we could,” the envoy said.") == ["the envoy"]


def test_a_pronoun_never_stands_for_an_adjective() -> None:
    assert _quote_speakers("The Parliamentary lunch was tense. “The cuts were far too deep and "
                           "too fast,” he said.") == [""]
    assert _quote_speakers("Mr Balls spoke at a Parliamentary lunch. “The cuts were far too deep "
                           "and too fast,” he said.") == ["Balls"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A search of his home in nearby Corinth revealed no evidence.", []),
        ("A raid at the depot in Lyon found 40 rifles, the prosecutor said.", ["the prosecutor"]),
        ("Police in nearby Corinth said the search revealed no evidence.",
         ["Police in nearby Corinth"]),
        ("Officials in Paris said the plan would go ahead.", ["Officials in Paris"]),
        ("Corinth officials said the search revealed nothing.", ["Corinth officials"]),
    ],
)
def test_a_place_after_a_preposition_is_no_speaker(text: str, expected: list[str]) -> None:
    assert speakers(text) == expected


def test_a_pronoun_goes_on_with_the_last_speaker_not_with_whom_they_spoke_of() -> None:
    found = speakers("Deborah Madden said Lena Vogt was arrested without incident. "
                     "She said questions should go to the prosecutor.")
    assert found == ["Deborah Madden", "Deborah Madden"]


def test_a_pronoun_after_a_new_sentence_about_someone_else_is_that_person() -> None:
    found = speakers("Officials said the race went ahead. Lena Vogt won it by a minute. "
                     "She said the course was fast.")
    assert found == ["Officials", "Lena Vogt"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Mississippi state judge also received a ricin-laced letter.", []),
        ("West Bengal state officials said 12 people died.", ["West Bengal state officials"]),
        ("Officials state the toll rose to 12.", ["Officials"]),
        ("Lena Vogt stated that the dam was weak.", ["Lena Vogt"]),
    ],
)
def test_state_before_a_noun_is_no_verb(text: str, expected: list[str]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(("a", "b", "same"), [
    ("He", "Ola Brenn", True),          # a pronoun stands for someone named elsewhere
    ("they", "the ministry", True),
    ("he", "she", False),               # two pronouns of other persons
    ("Brenn of Ohio", "Brenn", True),   # a name with its bearer's home
    ("Senator Moore of Alabama", "Moore", True),
    ("the Bank of England", "the Bank of Japan", False),
    ("Moore of Alabama", "Moore of Texas", False),
    ("he", "police", False),            # a pronoun and a body that speaks
    ("the judge", "Ola Brenn", False),  # a description and a name: not tied
])
def test_same_speaker_described_and_named(a: str, b: str, same: bool) -> None:
    assert attributions.same_speaker(a, b) is same
    assert attributions.same_speaker(b, a) is same


def test_a_quotation_whose_pronoun_speaker_is_named_in_the_retelling_is_the_same() -> None:
    c = retold.compare('He said: "The harbour will reopen by June."',
                       '"The harbour will reopen by June," Ola Brenn said.')
    assert [ch for ch in c.changes if ch.kind in ("quote", "attribution")] == []
    swapped = retold.compare('Ola Brenn said: "The harbour will reopen by June."',
                             '"The harbour will reopen by June," Kaspar Ilves said.')
    assert [ch.kind for ch in swapped.changes if ch.kind == "quote"] == ["quote"]


@pytest.mark.parametrize(("original", "retelling", "added"), [
    ("OSLO (AP) — Divers found the wreck on Sunday.\n",
     "Divers found the wreck on Sunday, the AP reported.\n", False),
    ("NAIROBI, Kenya (Reuters) - Divers found the wreck on Sunday.\n",
     "Divers found the wreck on Sunday, Reuters said.\n", False),
    ("OSLO (AP) — Divers found the wreck on Sunday.\n",
     "Divers found the wreck on Sunday, Reuters reported.\n", True),  # another agency
])
def test_a_wire_dateline_credits_its_agency(original: str, retelling: str, added: bool) -> None:
    c = retold.compare(original, retelling)
    assert bool([ch for ch in c.changes if ch.kind == "attribution"]) is added
    assert [g.status for g in c.grounding if g.kind == "attribution"] == [
        "unsupported" if added else "supported"]


@pytest.mark.parametrize(("original", "retelling", "same"), [
    ('"You knew the rules," the judge told the court.',
     '"You knew the rules," Judge Kari Vold told the court.', True),
    ("The mayor said the harbour would reopen.",
     "Mayor Ola Brenn said the harbour would reopen.", True),
    ("Finance Minister Ola Brenn said the harbour would reopen.",
     "The minister said the harbour would reopen.", True),
    ("The prime minister said the harbour would reopen.",
     "Prime Minister Ola Brenn said the harbour would reopen.", True),
    ("Mayor Kari Vold will visit Lyon. The mayor said she had not decided.",
     "Mayor Kari Vold will visit Lyon. Vold said she had not decided.", True),
    # another office ending in the same word
    ("The mayor said the harbour would reopen.",
     "Deputy Mayor Ola Brenn said the harbour would reopen.", False),
    ("Prime Minister Ola Brenn said the harbour would reopen.",
     "The minister said the harbour would reopen.", False),
    ('"You knew the rules," the judge told the court.',
     '"You knew the rules," Deputy Judge Kari Vold told the court.', False),
    # the original's judge has another name
    ('Judge Tor Lie heard the case. "You knew the rules," the judge told the court.',
     'Judge Tor Lie heard the case. "You knew the rules," Judge Kari Vold told the court.',
     False),
    # a name with no title is not tied to an office
    ("The judge said the harbour would reopen.",
     "Kari Vold said the harbour would reopen.", False),
    # the original names the person as someone else, or another holder in an appositive
    ("The mayor said the bridge would reopen. Ola Brenn, who leads the opposition, disagreed.",
     "Mayor Ola Brenn said the bridge would reopen. Brenn leads the opposition.", False),
    ("The trial opened before Tor Lie, the presiding judge. The judge said the case was weak.",
     "The trial opened. Judge Kari Vold said the case was weak.", False),
])
def test_an_office_and_the_person_given_that_title_are_one_speaker(
        original: str, retelling: str, same: bool) -> None:
    c = retold.compare(original, retelling)
    swapped = [ch for ch in c.changes if ch.kind in ("quote", "attribution")]
    assert (swapped == []) is same
    if same:  # a name the original never gives is still reported, as a name
        assert all(ch.kind == "name" for ch in c.changes)


def test_a_speech_verb_inside_a_quotation_is_the_speaker_s_own_words() -> None:
    c = retold.compare('Vold left the band. "While we believe the plan was good, it failed," '
                       'the label said.',
                       'Vold and Brenn left the band. "While we believe the plan was good, it '
                       'failed," the label said.')
    assert not [ch for ch in c.changes if ch.kind == "attribution"]
    assert not [f for f in c.retelling.facts if f.kind == "attribution" and f.note == "we"]
    added = retold.compare('"We got this wrong," Vold said.', '"I think we got this wrong," Vold said.')
    assert [ch.kind for ch in added.changes] == ["quote"]


@pytest.mark.parametrize(("text", "speaker"), [
    ('PORTREE, Scotland — Hale is keeping hopes low, saying "nothing bad will come of it."',
     "Hale"),
    ('The talks ended.\n\nBrenn opened the meeting at noon, saying "we are ready."', "Brenn"),
    # an appositive holds no verb of its own: the dateline is no speaker
    ('OBAN, Scotland — the talks ended early, saying "there was nothing more to add."', ""),
])
def test_a_participle_after_a_comma_goes_with_the_name_opening_its_clause(
        text: str, speaker: str) -> None:
    quote = [f for f in retold.compare(text, text).original.facts if f.kind == "quote"]
    assert [f.role for f in quote] == [speaker]


def test_a_pronoun_quoting_goes_on_with_the_last_speaker_not_with_whom_they_spoke_of() -> None:
    text = ('Vold and Brenn met on Monday. Brenn, for his part, said he and Vold had kept in '
            'touch by phone. He added: "There is a lot to discuss."')
    quote = [f for f in retold.compare(text, text).original.facts if f.kind == "quote"]
    assert [f.role for f in quote] == ["Brenn"]
    other = 'Brenn spoke first. Then Vold arrived. He said: "There is a lot to discuss."'
    quote = [f for f in retold.compare(other, other).original.facts if f.kind == "quote"]
    assert [f.role for f in quote] == ["Vold"]  # a new sentence about someone else


def test_an_appositive_may_hold_a_relative_clause() -> None:
    assert speakers("Anna Hale, who has led the opposition since 2019, said the vote was "
                    "rigged.") == ["Anna Hale"]


@pytest.mark.parametrize(("text", "speaker"), [
    # "he" is no Anna: the nearest name of the pronoun's sex
    ('Anna Moreau said Tom Hale would step down. He told reporters: "I am staying put."',
     "Tom Hale"),
    # a relative pronoun is the name it follows
    ('Anna Moreau said she had met Tom Hale, who told reporters: "I am staying put."',
     "Tom Hale"),
    # a possessive opens no clause of its owner's speech
    ("Hale's lawyer issued a statement on Monday, saying \"my client is innocent.\"", ""),
])
def test_who_speaks_a_quotation_after_a_pronoun_or_a_possessive(text: str, speaker: str) -> None:
    quote = [f for f in retold.compare(text, text).original.facts if f.kind == "quote"]
    assert [f.role for f in quote] == [speaker]
