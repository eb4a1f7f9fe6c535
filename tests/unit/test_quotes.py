"""Quotations: marks of every style, broken marks, speakers, equivalence and explanations."""

from __future__ import annotations

import re

import pytest

import retold
from retold.facts import quotes
from retold.facts.base import Context
from retold.model import Document, Fact, Sentence
from tests import factkit

_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences_of(text: str) -> list[Sentence]:
    return factkit.sentences_of(text, _SPLIT)


def extract(text: str) -> list[Fact]:
    facts = quotes.extract(Document(text), sentences_of(text), Context())
    for f in facts:
        assert text[f.start:f.end] == f.text
    return facts


def quoted(text: str) -> list[str]:
    return [f.text for f in extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('She said: "We will rebuild the bridge by spring." Then she left.',
         ["We will rebuild the bridge by spring."]),
        ("He wrote: “The harvest failed in every valley.”",
         ["The harvest failed in every valley."]),
        ("Le ministre a dit « nous ne céderons pas » hier.", ["nous ne céderons pas"]),
        ("Er sagte „wir bleiben hier bis morgen“ und ging.", ["wir bleiben hier bis morgen"]),
        ("Er sagte »wir bleiben hier bis morgen« und ging.", ["wir bleiben hier bis morgen"]),
        ("The mayor called it ‘a total waste of money’ on Friday.", ["a total waste of money"]),
        ("The mayor called it 'a total waste of money' on Friday.", ["a total waste of money"]),
    ],
)
def test_quote_styles(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_apostrophes_are_not_quotes() -> None:
    text = "The farmers’ union didn’t say it, and O’Neill’s office wouldn't either."
    assert quoted(text) == []


def test_possessive_inside_single_quote_is_skipped() -> None:
    text = "She called it ‘the workers’ last stand against closure’ in her speech."
    assert quoted(text) == ["the workers’ last stand against closure"]


def test_scare_quotes_and_fragments_are_not_quotations() -> None:
    assert quoted('The so-called "experts" disagreed about the " plan "today.') == []


def test_quote_spanning_sentences_belongs_to_its_first_sentence() -> None:
    text = 'Calm returned. The chief said: "We held the line. Nobody ran away." Then rain fell.'
    (f,) = extract(text)
    assert f.text == "We held the line. Nobody ran away."
    assert f.sentence == 1


def test_stray_closing_mark_joins_the_broken_quote() -> None:
    text = ('The commander said, "Our units are ready for anything." They hold the river '
            'crossing. "\n\nNext paragraph.')
    (f,) = extract(text)
    assert f.text.startswith("Our units are ready")
    assert f.text.endswith("They hold the river crossing.")
    assert f.note


def test_unclosed_quote_runs_to_the_paragraph_end() -> None:
    text = 'The envoy said: "There will be no more delays on the road\n\nLater, talks resumed.'
    (f,) = extract(text)
    assert f.text == "There will be no more delays on the road"


@pytest.mark.parametrize(
    "text",
    ['"', '""', '" " "', '“”„«»', "'''", '"a" "b" "c', 'He said "', "’‘’‘", "«»«»«", ""],
)
def test_unbalanced_marks_never_crash(text: str) -> None:
    extract(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Maria Lenz said: "The vaccine works for most adults."', "Maria Lenz"),
        ('"The vaccine works for most adults," said Maria Lenz.', "Maria Lenz"),
        ('"The vaccine works for most adults," Maria Lenz said.', "Maria Lenz"),
        ('According to Maria Lenz, "the vaccine works for most adults."', "Maria Lenz"),
        ('A note by Maria Lenz, posted on Monday, which read: "The vaccine works for adults."',
         "Maria Lenz"),
        ('Maria Lenz spoke on Monday, when she said: "The vaccine works for adults."',
         "Maria Lenz"),
        ('The sign read "no entry after dark" at the gate.', ""),
        ('Maria Lenz spoke on Monday. "The vaccine works for most adults," she said.',
         "Maria Lenz"),
        ('"The vaccine works for most adults," the health minister said.', "the health minister"),
        ('In a post, Maria Lenz wrote: "The vaccine works for most adults."', "Maria Lenz"),
    ],
)
def test_speaker(text: str, speaker: str) -> None:
    (f,) = extract(text)
    assert f.role == speaker


def fact(words: str, role: str = "") -> Fact:
    return Fact(kind="quote", start=0, end=len(words), text=words, sentence=0,
                key=quotes._key(words), role=role)


def test_equivalent_ignores_case_punctuation_and_marks() -> None:
    assert quotes.equivalent(fact("We will win, no matter what."),
                             fact("we will win no matter what"))
    assert not quotes.equivalent(fact("We will win."), fact("We shall win."))
    # same words, different speakers: not the same fact
    assert not quotes.equivalent(fact("We will win.", "Ada Roy"), fact("We will win.", "Ben Kay"))
    # a speaker found on one side only is no news
    assert quotes.equivalent(fact("We will win.", "Ada Roy"), fact("We will win."))


def test_slot_score_pairs_a_reworded_quote() -> None:
    a = fact("What you see today is only the start of great changes in the region.")
    b = fact("What you are seeing today is only the beginning of big changes in the area.")
    c = fact("Bread prices doubled overnight.")
    assert quotes.slot_score(a, b) >= 0.5
    assert quotes.slot_score(a, c) < 0.5


def test_explain() -> None:
    a = fact("We will rebuild every school before winter comes to the valley, whatever it costs.")
    b = fact("We will rebuild the schools before winter.")
    reworded = quotes.explain(a, b)
    assert reworded.startswith("The quotation was reworded:")
    assert "…" in reworded and "We will rebuild the schools before winter." in reworded
    moved = quotes.explain(fact("We will win.", "Ada Roy"), fact("We will win.", "Ben Kay"))
    assert moved == ("The quote is attributed to Ada Roy in the original but to Ben Kay in the "
                     "retelling.")
    assert "We will win" in quotes.explain(fact("We will win."), None)
    assert "We will win" in quotes.explain(None, fact("We will win."))
    shortened = quotes.explain(fact("We will win the vote today."), fact("win the vote"))
    assert "part of the quotation, word for word" in shortened


def test_inch_mark_does_not_extend_a_quote() -> None:
    (f,) = extract('The seller said: "It works like new." It has a 12" screen.')
    assert f.text == "It works like new."


def test_speaker_is_the_person_not_the_job_title() -> None:
    (f,) = extract('"The economy is recovering," said Finance Minister Anna Berg.')
    assert f.role == "Anna Berg"
    (g,) = extract('"The economy is recovering," Finance Minister Anna Berg said.')
    assert g.role == "Anna Berg"


def test_quote_moved_to_another_minister_is_a_change() -> None:
    (a,) = extract('"The economy is recovering," said Finance Minister Anna Berg.')
    (b,) = extract('"The economy is recovering," said Finance Minister Lars Holm.')
    assert not quotes.equivalent(a, b)
    assert quotes.explain(a, b) == ("The quote is attributed to Anna Berg in the original but to "
                                    "Lars Holm in the retelling.")


QUOTED = "We will not give up the fight for our people"


@pytest.mark.parametrize(
    "text",
    [f"The minister said: ‘‘{QUOTED},’’ at the rally.",
     f"The minister said: ``{QUOTED} , '' at the rally.",
     f"The minister said: «{QUOTED}», at the rally.",
     f"The minister said: „{QUOTED}“, at the rally.",
     f'The minister said: "{QUOTED}," at the rally.',
     f"The minister said: “{QUOTED},” at the rally."],
)
def test_every_quote_style_gives_one_quotation_with_its_speaker(text: str) -> None:
    doc = Document(text)
    found = quotes.extract(doc, [Sentence(0, 0, len(text), text)], Context())
    assert len(found) == 1
    assert found[0].key == quotes._key(QUOTED)
    assert found[0].role == "The minister"


def test_quote_styles_do_not_make_a_change() -> None:
    import retold

    a = f"The minister said: ‘‘{QUOTED},’’ at the rally."
    b = f"The minister said: “{QUOTED},” at the rally."
    assert [c for c in retold.compare(a, b).changes if c.kind == "quote"] == []


def test_a_quotation_continued_in_the_next_paragraph_is_kept_however_long() -> None:
    long_paragraph = "“" + " ".join(["We will go on with this for years to come"] * 12) + "."
    text = long_paragraph + "\n\n“And we will win in the end,” he said."
    spans = quotes.quote_spans(text)
    assert len(spans) == 2
    assert spans[0].note == "the quotation continues in the next paragraph"


def test_a_quotation_split_around_its_reporting_clause_is_the_same_quotation() -> None:
    whole = '"The ledgers are worthless to us, and the audit has stalled," the trustee said.'
    split = '"The ledgers are worthless to us," the trustee said, "and the audit has stalled."'
    for original, retelling in ((whole, split), (split, whole)):
        c = retold.compare(original, retelling)
        assert [ch for ch in c.changes if ch.kind == "quote"] == []
    # a half left out is still a shortened quotation
    cut = retold.compare(whole, '"The ledgers are worthless to us," the trustee said.')
    assert [ch.status for ch in cut.changes if ch.kind == "quote"] == ["changed"]


def test_an_abbreviation_with_stops_is_the_same_word_in_a_quotation() -> None:
    c = retold.compare('"We will not sell the UK arm," Ilves said.',
                       '"We will not sell the U.K. arm," Ilves said.')
    assert [ch for ch in c.changes if ch.kind == "quote"] == []
    other = retold.compare('"We will not sell the UK arm," Ilves said.',
                           '"We will not sell the U.S. arm," Ilves said.')
    assert [ch.status for ch in other.changes if ch.kind == "quote"] == ["changed"]


@pytest.mark.parametrize(("quoted", "title"), [
    ("Meet the Press", True),
    ("This Week.", True),
    ("Keep Ohio Strong", True),
    ("We will not back down", False),
    ("WE WILL WIN", False),  # shouted, not a title
    ("Yes, We Can", False),  # a comma: words someone says
    ("Help", False),  # one word
])
def test_quoted_words_in_title_case_are_a_title(quoted: str, title: bool) -> None:
    assert quotes.title_like(quoted) is title


def test_british_and_american_spellings_of_ize_are_one_quotation() -> None:
    c = retold.compare('"This normalizes violence," Ruiz said.', '"This normalises violence," Ruiz said.')
    assert not [ch for ch in c.changes if ch.kind == "quote"]
    changed = retold.compare('"This normalizes violence," Ruiz said.',
                             '"This excuses violence," Ruiz said.')
    assert [ch.kind for ch in changed.changes if ch.kind == "quote"] == ["quote"]


def test_a_quotation_in_a_headline_in_title_case_is_a_quotation() -> None:
    body = "\n\nOSLO — The farm minister on Monday promised compensation to farmers."
    c = retold.compare('Minister Says Farmers "Will Get Every Krone Back"' + body,
                       'Minister Says Farmers "Will Get Some Money Back"' + body)
    assert [ch.kind for ch in c.changes] == ["quote"]
