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
