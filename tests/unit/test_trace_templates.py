"""Outlet templates: text one outlet prints on many articles links nothing (issue 10, item 5)."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from retold.engines.base import TraceOptions
from retold.engines.local import LocalEngine
from retold.model import Article
from retold.store import MemoryStore, SqliteStore
from retold.trace import templates as tp

# The frame the "daily" site prints under every article: long enough that two short, unrelated
# articles carrying it share more than the 0.40 of their text a link needs.
FRAME = (
    "Subscribe to the Daily Ledger newsletter and get the morning briefing, the evening "
    "digest and our weekend long reads delivered to your inbox every single day.\n\n"
    "Photographs in this gallery are supplied by the Ledger picture desk and partner agencies; "
    "reproduction without written permission from the picture editor is not allowed."
)


def _story(seed: int) -> str:
    """A short news text of its own: words of one seed, numbers and a name of its own."""
    rnd = random.Random(seed)
    syl = ["ka", "ri", "to", "ma", "ne", "lo", "su", "vi", "da", "po", "el", "an", "or"]
    words = ["".join(rnd.choice(syl) for _ in range(3)) for _ in range(40)]
    name = words[0].capitalize() + " " + words[1].capitalize()
    sentences = []
    for i in range(4):
        body = " ".join(rnd.choice(words) for _ in range(rnd.randint(9, 13)))
        sentences.append(f"{name} said {rnd.randint(2, 900)} {body}." if i == 0
                         else body.capitalize() + ".")
    return " ".join(sentences)


def _daily(i: int, day: int) -> Article:
    return Article(id=f"daily-{i}", text=_story(i) + "\n\n" + FRAME, outlet="Daily",
                   published=__import__("datetime").date(2024, 3, day))


ARTICLES = [_daily(i, 1 + i) for i in range(7)]
# Another outlet copies daily-2's story (not its frame): a real link that must stay.
COPY = Article(id="herald-1", text=_story(2) + "\n\nMore on herald.example.", outlet="Herald",
               published=__import__("datetime").date(2024, 3, 20))


def _links(result: object) -> set[tuple[str, str]]:
    return {(l.source_id, l.target_id) for l in result.links}  # type: ignore[attr-defined]


def test_units_and_blank_keep_offsets() -> None:
    text = "The first line here. Second sentence is this one!\nA third line with words\n\nok."
    found = tp.units(text)
    assert [text[s:e] for s, e, _ in found] == [
        "The first line here.", "Second sentence is this one!", "A third line with words"]
    out = tp.blank(text, frozenset({found[1][2]}))
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    assert "Second" not in out and out.startswith("The first line here.")
    # the key ignores case and punctuation, not words
    assert tp.units("SECOND sentence, is this one")[0][2] == found[1][2]


@given(st.text(max_size=300))
def test_blank_keeps_length_and_lines(text: str) -> None:
    keys = frozenset(k for _, _, k in tp.units(text))
    out = tp.blank(text, keys)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(text)
                                                          if c == "\n"]
    assert tp.units(out) == []


def test_learn_needs_many_different_articles_of_one_outlet() -> None:
    frame = tp.unit_keys(FRAME)
    rows = [("daily", np.union1d(frame, tp.unit_keys(_story(i)))) for i in range(7)]
    assert tp.learn(rows) == {"daily": frozenset(int(k) for k in frame)}
    # four articles are not enough
    assert tp.learn(rows[:4]) == {}
    # the same frame spread over seven outlets is no outlet's template
    assert tp.learn([(f"o{i}", keys) for i, (_, keys) in enumerate(rows)]) == {}
    # one story printed seven times by the outlet (updates, reprints) is not template
    story = tp.unit_keys(_story(99))
    assert tp.learn([("daily", story)] * 7) == {}
    # no outlet, no template
    assert tp.learn([(None, keys) for _, keys in rows]) == {}


def test_outlet_falls_back_to_the_url_host() -> None:
    assert tp.outlet_of(None, "https://www.ledger.example/a/1") == "ledger.example"
    assert tp.outlet_of(" Daily ", "https://x.example/") == "daily"
    assert tp.outlet_of(None, None) is None


def test_template_links_nothing_but_real_reuse_stays() -> None:
    corpus = [*ARTICLES, COPY]
    # Without templates the frame links unrelated articles of the outlet ...
    plain = LocalEngine().run(corpus, MemoryStore(), options=TraceOptions(templates=False))
    same_outlet = {p for p in _links(plain) if all(x.startswith("daily") for x in p)}
    assert len(same_outlet) >= 3
    # ... with them it links only the copy.
    result = LocalEngine().run(corpus, MemoryStore())
    assert _links(result) == {("daily-2", "herald-1")}
    assert result.templates == len(tp.unit_keys(FRAME))
    assert all(len(s.articles) == 2 for s in result.stories)


@pytest.mark.parametrize("split", [3, 5])
def test_incremental_runs_learn_the_same_templates(tmp_path: object, split: int) -> None:
    corpus = [*ARTICLES, COPY]
    one = LocalEngine().run(corpus, MemoryStore())
    path = f"{tmp_path}/t{split}.db"
    with SqliteStore(path) as store:
        first = LocalEngine().run(corpus[:split], store)
        if split < 5:  # too few articles of the outlet yet: the frame still links them
            assert first.templates == 0 and len(_links(first)) >= 1
    with SqliteStore(path) as store:
        again = LocalEngine().run(corpus, store)
        assert again.templates == one.templates
        assert _links(again) == _links(one) == {("daily-2", "herald-1")}
        assert store.templates() == tp.learn(
            (o, np.frombuffer(k, dtype="<u8")) for _, o, k in store.units())
