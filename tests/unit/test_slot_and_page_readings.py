"""Readings from a twelfth review of real copy: which slot a name fills, and page furniture
(a related-headlines list, page stamps, breadcrumbs) that is no part of the story. Every pair is
written for these tests.
"""

from __future__ import annotations

import retold


def names_changed(original: str, retelling: str) -> list[tuple[str, str]]:
    return [(c.original.text, c.retelling.text) for c in retold.compare(original, retelling).changes
            if c.kind == "name" and c.status == "changed" and c.original and c.retelling]


CLIP = ("Kara Lenn was filmed shouting at a parking attendant in Dover. The clip, in which she says "
        '"you will never work in this town again," was uploaded to Vimeo. She apologised on Friday. '
        "By then her name was already trending on Twitter, where users mocked her.")


def test_a_name_the_original_writes_in_the_same_words_elsewhere_is_no_swap() -> None:
    # the retelling's sentence shares its quotation with the Vimeo sentence, but its name
    # comes from "already trending on Twitter"
    retelling = ('The clip, in which she says "you will never work in this town again," was '
                 "already trending on Twitter.")
    assert names_changed(CLIP, retelling) == []
    assert names_changed(CLIP, retelling.lower()) == []


def test_a_name_put_in_another_name_s_words_is_a_swap() -> None:
    original = "Anna Smith won the race in Leeds on Sunday. Tom Jones came second after a fall."
    assert names_changed(original, "Tom Jones won the race in Leeds on Sunday.") == [
        ("Anna Smith", "Tom Jones")]
    # the swapped-in name won something else elsewhere: its words there are no closer
    original = ("Anna Smith won the race in Leeds on Sunday after a long sprint. Later, Tom Jones "
                "won the race for juniors.")
    assert names_changed(original, "Tom Jones won the race in Leeds on Sunday after a long "
                                   "sprint.") == [("Anna Smith", "Tom Jones")]


STORY = "A jury in Tolvik awarded $2.4 million to a cyclist hurt on a broken road, the Herald reported."


def flags(original: str, retelling: str) -> list[tuple[str, str, str]]:
    return [(c.kind, c.status, c.retelling.text if c.retelling else "")
            for c in retold.compare(original, retelling).changes]


def test_headlines_listed_under_related_are_no_part_of_the_story() -> None:
    page = (STORY + "\nRelated\n- Inspectors find 12% of bridges failed checks in 2021\n"
            "- Spooky or not? Villagers say the old mill is haunted\n")
    assert flags(STORY, page) == []
    kinds = [s.kind for s in retold.compare(STORY, page).retelling.sentences]
    assert kinds == ["body", "boilerplate", "boilerplate", "boilerplate"]


def test_bullets_of_the_story_itself_stay_story() -> None:
    # no links label above them: the bullets are the story's own facts
    page = STORY + "\nKey points\n- Inspectors found 12% of bridges failed checks in 2021\n"
    assert ("number", "added", "12%") in flags(STORY, page)


def test_page_stamps_and_widget_counts_are_clutter() -> None:
    page = f"Date:2025-04-25 14:13:50\n{STORY}\nveryGood! (6)\n"
    assert flags(STORY, page) == []
    archive = f"April 30, 2014 / 11:12 AM / 3 years ago\n{STORY}"
    assert [s.kind for s in retold.compare(STORY, archive).retelling.sentences][0] in (
        "boilerplate", "byline")
