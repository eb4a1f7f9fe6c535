"""A "he" or "she" that names no one in view, and a common noun capitalised only because it
opens a sentence: forms a ninth review of real copy found read as a speaker or a name.

Pairs written for these tests, after mechanisms seen in real copy. Each test has what must be
flagged beside what must not.
"""

from __future__ import annotations

import retold


def flags(original: str, retelling: str) -> list[tuple[str, str, str]]:
    return [(c.kind, c.status, c.retelling.text if c.retelling else "")
            for c in retold.compare(original, retelling).changes]


def test_he_is_never_a_province_or_a_court() -> None:
    original = ('Aldo Brandt, a judge at the Kessel High Court, said Friday the verdict was '
                'sound. "The court dismisses the appeal," he said.')
    # (the comma outside the quotation marks, as many outlets write it)
    retelling = ('The reporters had been working on an inquiry into a raid in Dunmore Province '
                 'during a crackdown. "The court dismisses the appeal", he said.')
    found = flags(original, retelling)
    assert not any(kind in ("quote", "attribution") for kind, _s, _r in found)
    assert ("name", "added", "Dunmore Province") in found
    # another speaker named for the same words is still a change
    assert ("attribution", "changed") in [(k, s) for k, s, _r in flags(
        original, original.replace("Aldo Brandt", "Nils Varga"))]


def test_a_common_noun_opening_a_sentence_is_no_name() -> None:
    original = "Voters backed the president in 2022. Protesters want the bill dropped."
    for opening in ("Youth voted the president into power in 2022.",
                    "Search teams found nothing in the river."):
        found = flags(original, f"{opening} Protesters want the bill dropped.")
        assert not any(kind == "name" for kind, _s, _r in found)
    # a name written so inside a sentence too is a name
    assert ("name", "added", "Shell") in flags(
        original, "Shell backed the president in 2022, and Shell wants the bill dropped.")
