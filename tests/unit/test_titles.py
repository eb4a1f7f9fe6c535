"""A title is the headline, never the page furniture above it."""

from __future__ import annotations

import pytest

from retold.read import read_text
from retold.segment import is_page_clutter, segment

BODY = "Flooding in Valdoria has killed 42 people, officials said on Tuesday."
HEADLINE = "Flood kills 42 in Valdoria"


@pytest.mark.parametrize("clutter", [
    "Advertisement", "Skip to main content", "Share this article", "Share on Facebook",
    "Facebook Twitter Email", "Subscribe to our newsletter", "Sign up for free alerts",
    "Photo: AFP", "Image caption: Rescuers in the town", "Getty Images", "Listen to this article",
    "Read more", "Related stories", "© 2021 The Courier", "Follow us on Twitter",
    "We use cookies: accept or manage your settings",
])
def test_clutter_above_the_headline_is_not_the_title(clutter: str) -> None:
    assert is_page_clutter(clutter)
    doc = read_text(f"{clutter}\n\n{HEADLINE}\n\nBy Jane Doe\n\n{BODY}")
    assert doc.title == HEADLINE
    assert doc.author == "Jane Doe"  # the byline under the headline is still read
    kinds = {s.text: s.kind for s in segment(doc)}
    assert kinds[HEADLINE] == "title" and kinds[clutter] != "title"


def test_clutter_alone_gives_no_title() -> None:
    doc = read_text(f"Photo: Reuters\n\n{BODY}")
    assert doc.title is None
    assert all(s.kind != "title" for s in segment(doc))


@pytest.mark.parametrize("headline", [
    "Share prices fall as floods hit Valdoria", "Photo agency wins press award",
    "Subscribers to pay more for river data", "Related firms face inquiry",
    "Menu prices double in flooded towns", "Read this before the flood",
])
def test_headlines_that_mention_clutter_words_stay_titles(headline: str) -> None:
    assert not is_page_clutter(headline)
    assert read_text(f"{headline}\n\n{BODY}").title == headline
