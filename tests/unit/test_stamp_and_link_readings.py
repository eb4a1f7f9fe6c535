"""Page clutter an eleventh review of real copy found read as story: a line of two time stamps
glued to the lead, a "Related story:" link, a byline given a verdict; and a forecast said as
"is set to". Pairs written for these tests; each test has what must be flagged beside what
must not.
"""

from __future__ import annotations

import retold
from retold.read import read_text
from retold.segment import segment

DAY = {"original_published": "2024-03-03", "retelling_published": "2024-03-03"}
LEAD = "(AP) - A ferry carrying 40 people ran aground off Brekka on Sunday."


def changes(original: str, retelling: str) -> list[tuple[str, str, str]]:
    return [(c.kind, c.status, c.retelling.text if c.retelling else "")
            for c in retold.compare(original, retelling, **DAY).changes]


def test_a_line_of_time_stamps_is_no_part_of_the_lead() -> None:
    stamps = "Published: Mar. 3, 2024 at 5:05 AM PDT|Updated: 26 minutes ago"
    units = segment(read_text(f"By The Associated Press\n{stamps}\n{LEAD}"))
    assert [(u.kind, u.text) for u in units][1:] == [("boilerplate", stamps), ("body", LEAD)]
    assert changes(f"By The Associated Press\n{stamps}\n{LEAD}", f"By Jo Lind\n\n{LEAD}") == []
    # a time the story itself tells is still a fact
    assert any(kind == "number" for kind, _s, _r in changes(
        LEAD, LEAD.replace("on Sunday", "at 5:05 a.m. on Sunday")))


def test_a_related_story_link_is_clutter() -> None:
    link = "Related story: Mandate for free flu tests coming to an end"
    units = segment(read_text(f"{LEAD}\n\n{link}\n\nThe crew was rescued."))
    assert [u.kind for u in units] == ["body", "boilerplate", "body"]
    # a sentence that speaks of a related story is story copy
    prose = "The related story was told on Monday by the ferry's owner."
    assert [u.kind for u in segment(read_text(f"{LEAD}\n\n{prose}"))] == ["body", "body"]


def test_a_byline_gets_no_verdict() -> None:
    found = retold.compare(LEAD, f"Author: Kari Ness\nPublished 3rd Mar 2024\n\n{LEAD}", **DAY)
    units = found.retelling.sentences
    clutter = [u.id for u in units if u.kind in ("byline", "boilerplate")]
    assert clutter and all(found.verdict_of(i) is None for i in clutter)
    assert found.verdict_of(units[-1].id) is not None


def test_set_to_keeps_a_forecast() -> None:
    original = ("A red warning has been issued as Storm Ula is expected to batter the coast on "
                "Thursday.")
    assert changes(original, original.replace("is expected to", "is set to")) == []
    assert ("qualifier", "dropped", "") in changes(original, original.replace(
        "is expected to batter", "battered"))


def test_an_agency_byline_below_captions_is_a_byline() -> None:
    captions = ("FILE - A ferry at the quay in Brekka.\n(AP Photo/Jo Lind, File)(AP)\n"
                "By The Associated Press\n")
    units = segment(read_text(captions + LEAD))
    assert ("byline", "By The Associated Press") in [(u.kind, u.text) for u in units]
    # a heading that opens with "By" is no byline
    assert "byline" not in [u.kind for u in segment(read_text(
        f"{LEAD}\n\nBy the numbers\n\nThe crew of 12 was rescued."))]


def test_an_author_line_and_a_day_first_stamp_are_clutter() -> None:
    top = "Author: Kari NessPublished 3rd Mar 2024\nLast updated 3rd Mar 2024"
    units = segment(read_text(f"Ferry runs aground\n\n{LEAD}\n\n{top}\n\nThe crew was rescued."))
    assert [(u.kind, u.text) for u in units][2:4] == [
        ("byline", "Author: Kari NessPublished 3rd Mar 2024"),
        ("boilerplate", "Last updated 3rd Mar 2024")]
    # a sentence that opens with "By" is prose
    assert [u.kind for u in segment(read_text(
        f"{LEAD}\n\nBy nightfall the crew had been rescued."))] == ["body", "body"]
