"""A name put at the head of the original's own words about someone else (retold.anchors):
pairs written here, with names that must and must not be contradicted."""

from __future__ import annotations

import pytest

import retold
from retold import lexicon
from retold.anchors import Anchors

needs_wordnet = pytest.mark.skipif(not lexicon.available(), reason="WordNet data not installed")

BAR = ("Mara Lind was injured in a collision during training in Bergen on Friday. "
       "Tomas Berg, who coaches the Oslo Lions, was fined for criticising the referee after the "
       "match. Berg paid the fine on Saturday.")

MATCH = ("Harrow Town won their third game of the month on Saturday. "
         "Their captain netted the late winner against Wexley in the second half. "
         "Dunmore had beaten Harrow Town in the cup in May.")

COACHES = ("Tomas Berg leads the Oslo Lions against Wexley on Sunday. Anders Lind reportedly "
           "dropped the injured striker for the cup final in Bergen. Berg was deputy to Oslo "
           "Lions coach Anders Lind, who left in May.")


def contradicted(original: str, retelling: str) -> list[tuple[str, str]]:
    """(retelling name, the original name shown beside it) of every contradicted name."""
    c = retold.compare(original, retelling)
    return [(g.retelling.text, g.evidence[0].text if g.evidence else "")
            for g in c.grounding if g.kind == "name" and g.status == "contradicted"]


@pytest.mark.parametrize("original, retelling, expected", [
    # the doer of a copied clause
    (BAR, "Lind, who coaches the Oslo Lions, was fined for criticising the referee after the match.",
     ("Lind", "Tomas Berg")),
    # all lower case and tokenised, as summarisers write
    (BAR, ("mara lind was injured . lind , who coaches the oslo lions , was fined for criticising "
          "the referee after the match ."), ("lind", "Tomas Berg")),
    # another actor of the original's words, the actor the original names there left out
    ("Brown resigned from the board on Monday after the vote. Green praised the decision.",
     "Green resigned from the board after the vote.", ("Green", "Brown")),
    # a long run of the original's words with a single content word in it
    (("Mara Lind won the sprint on Friday. Tomas Berg was not at all sure that it would be over "
     "by then."), "Lind was not at all sure that it would be over by then.", ("Lind", "Tomas Berg")),
    # the object of a copied phrase
    (MATCH, "Harrow Town's captain netted the late winner against Dunmore in the second half.",
     ("Dunmore", "Wexley")),
    # an adverb between the original's doer and the copied words, and one in the retelling's
    (COACHES, "Tomas Berg dropped the injured striker for the cup final in Bergen.",
     ("Tomas Berg", "Anders Lind")),
    (COACHES, "Tomas Berg quietly dropped the injured striker for the cup final in Bergen.",
     ("Tomas Berg", "Anders Lind")),
    # the original's object copied with the run: the retelling gives the words to the object
    (COACHES, "Lind was deputy to Oslo Lions coach Anders Lind.", ("Lind", "Berg")),
])
def test_name_in_another_names_words_is_contradicted(original: str, retelling: str,
                                                       expected: tuple[str, str]) -> None:
    assert expected in contradicted(original, retelling)


def test_detail_quotes_the_shared_words() -> None:
    c = retold.compare(BAR, "Lind, who coaches the Oslo Lions, was fined for criticising the "
                            "referee after the match.")
    found = next(g for g in c.grounding if g.kind == "name" and g.status == "contradicted")
    assert "who coaches the Oslo Lions, was fined" in found.detail
    assert [e.text for e in found.evidence] == ["Tomas Berg"]
    assert any(ch.kind == "name" and ch.status == "changed" and ch.retelling is not None
               and ch.retelling.text == "Lind" for ch in c.changes)


@pytest.mark.parametrize("original, retelling", [
    # the original's own words about this name
    (BAR, ("Tomas Berg, who coaches the Oslo Lions, was fined for criticising the referee "
          "after the match.")),
    # a pronoun heads the original's clause: it may stand for this name
    (("Mara Lind was injured in training in Bergen. She was fined for criticising the referee "
     "a week later."), "Lind was fined for criticising the referee a week later."),
    # the original writes the words of both names
    (BAR + " Lind, who coaches the Oslo Lions, was fined for criticising the referee too.",
     "Lind, who coaches the Oslo Lions, was fined for criticising the referee."),
    # the original's name there is the last of a list: the retelling keeps one party of it
    ("Tomas Berg, Mara Lind and Ola Dahl left the stadium in Bergen before midnight on Friday.",
     "Tomas Berg left the stadium in Bergen before midnight on Friday."),
    # the original's name there ends a description of the doer ("the injured X")
    ("Berg, who replaced the injured Mara Lind, was fined for criticising the referee.",
     "Berg was fined for criticising the referee."),
    # a description in the retelling ("the Norwegian"), not a name in the slot
    (BAR, ("The Norwegian, who coaches the Oslo Lions, was fined for criticising the referee "
          "after the match.")),
    # a name qualifying a noun after it ("Lions striker Tomas Berg") fills no slot
    ("Police questioned another Oslo man, Tomas Berg, about the fight on Friday.",
     "Police questioned another Oslo man, Lions striker Tomas Berg, about the fight on Friday."),
    # an acronym of the original's name
    ("The Lions played their final home game of the season in Los Angeles last week.",
     "The Lions played their final home game of the season in LA last week."),
    # a name's own form ("Georgia" / "Georgian")
    ("The ministers agreed a new trade deal with the Georgian government on Monday.",
     "The ministers agreed a new trade deal with the Georgia government on Monday."),
    # a short run with a single content word says nothing of whose slot it is
    ("Mara Lind won the sprint on Friday. Tomas Berg was not sure about it at first.",
     "Lind was not sure about it."),
    # too few of the original's words: a common phrase says nothing of whose slot it is
    ("Tomas Berg said on Friday that the team would appeal.", ("Lind said on Friday that the "
                                                            "verdict was fair.")),
    # a negation is no adverb to step over: "never dropped" is not the words of "dropped"
    ("Anders Lind never dropped the injured striker for the cup final in Bergen.",
     "Tomas Berg dropped the injured striker for the cup final in Bergen."),
    # the retelling's name beside the original's, outside the copied words: maybe a partner
    ("Anders Lind watched as Tomas Berg was named deputy to Oslo Lions coach Ola Dahl.",
     "Anders Lind was named deputy to Oslo Lions coach Ola Dahl."),
])
def test_no_anchored_rival(original: str, retelling: str) -> None:
    assert contradicted(original, retelling) == []


@needs_wordnet
def test_rival_is_read_from_the_original_tokens() -> None:
    c = retold.compare(BAR, "Lind, who coaches the Oslo Lions, was fined for criticising the "
                            "referee after the match.")
    anchors = Anchors(c.original.document.text, c.original.facts, c.original.sentences)
    lind = next(f for f in c.retelling.facts if f.kind == "name" and f.text == "Lind")
    s = c.retelling.sentences[lind.sentence]
    found = anchors.rival(lind, c.retelling.document.text, (s.start, s.end))
    assert found is not None
    holder, words = found
    assert holder.text == "Tomas Berg"
    assert c.original.document.text[holder.end:].startswith(", " + words)


@pytest.mark.parametrize("original, retelling, quoted, cut", [
    # the run's far end after the name: it stops before a name it would cut in two
    (("Tomas Berg leads the side on Sunday. Anders Lind reportedly dropped the two injured young "
      "strikers Jon Dahl and Ola Moen for the final."),
     "Tomas Berg dropped the two injured young strikers Jon Dahl and Ola Moen.",
     "'dropped the two injured young strikers Jon Dahl'", "Jon Dahl and Ola'"),
    # ... and before it
    (("Harrow Town won on Saturday. Ola Moen and Jon Dahl scored a late winner past the tall "
      "keeper of Wexley Rovers in the second half. Dunmore lost in May."),
     "Ola Moen and Jon Dahl scored a late winner past the tall keeper of Dunmore in the second half.",
     "'scored a late winner past the tall keeper of'", "'Dahl scored"),
])
def test_detail_never_cuts_a_name_in_two(original: str, retelling: str, quoted: str,
                                         cut: str) -> None:
    c = retold.compare(original, retelling)
    found = [g.detail for g in c.grounding if g.kind == "name" and g.status == "contradicted"]
    assert len(found) == 1
    assert quoted in found[0] and cut not in found[0]
