"""A link means the target retells the source: siblings and chain shortcuts are not links."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model import Link
from retold.trace import resolve as rs

WIRE = ("the minister said on monday that the new bridge over the river would open in june "
        "after four years of work and a cost of two hundred million dollars while the "
        "opposition asked for an inquiry into the contracts signed by the city council")
EXTRA = ("local shop owners told our reporter that the closure of the old road had cut "
         "their sales by half during the whole of the last winter season")


def _link(s: str, t: str, decided: bool = True) -> Link:
    return Link(s, t, decided, "published" if decided else "undecided", 0.9, 0.9, "wholly", 0)


def test_siblings_share_a_source_and_are_not_linked() -> None:
    texts = {"wire": WIRE, "a": WIRE, "b": WIRE}
    links = [_link("wire", "a"), _link("wire", "b"), _link("a", "b")]
    r = rs.resolve(links, texts.__getitem__)
    assert {(l.source_id, l.target_id) for l in r.links} == {("wire", "a"), ("wire", "b")}
    assert r.siblings == [rs.Sibling("a", "b", "wire")]


def test_a_chain_keeps_its_steps_and_drops_the_shortcut() -> None:
    b = WIRE + " " + EXTRA  # b adds a paragraph; c copies b
    texts = {"a": WIRE, "b": b, "c": b}
    links = [_link("a", "b"), _link("b", "c"), _link("a", "c")]
    r = rs.resolve(links, texts.__getitem__)
    assert {(l.source_id, l.target_id) for l in r.links} == {("a", "b"), ("b", "c")}
    assert [(l.source_id, l.target_id, via) for l, via in r.through] == [("a", "c", "b")]


def test_the_shortcut_stays_where_the_target_carries_what_the_middle_dropped() -> None:
    half = len(WIRE.split()) // 2
    b = " ".join(WIRE.split()[:half]) + " " + EXTRA  # b cut a's second half, added its own
    c = b + " " + " ".join(WIRE.split()[half:])  # c has b, and a's half that b dropped
    texts = {"a": WIRE, "b": b, "c": c}
    links = [_link("a", "b"), _link("b", "c"), _link("a", "c")]
    r = rs.resolve(links, texts.__getitem__)
    assert {(l.source_id, l.target_id) for l in r.links} == {("a", "b"), ("b", "c"), ("a", "c")}


def test_two_copies_of_one_text_are_both_kept_as_sources() -> None:
    cut = " ".join(WIRE.split()[:20])
    texts = {"x": WIRE, "m": WIRE, "cut": cut}
    links = [_link("m", "x", decided=False), _link("x", "cut"), _link("m", "cut")]
    r = rs.resolve(links, texts.__getitem__)
    assert {(l.source_id, l.target_id) for l in r.links} == {
        ("m", "x"), ("x", "cut"), ("m", "cut")}


def test_two_undated_copies_of_a_retelling_keep_its_source() -> None:
    # a statement page, and two papers printing one version of it with a paragraph added: the
    # copies explain each other wholly, and neither is the other's source nor the page's
    version = WIRE + " " + EXTRA
    texts = {"page": WIRE, "east": version, "west": version}
    links = [_link("page", "east"), _link("page", "west"), _link("east", "west", decided=False)]
    r = rs.resolve(links, texts.__getitem__)
    assert {(l.source_id, l.target_id) for l in r.links} == {("page", "east"), ("page", "west")}
    assert r.siblings == [rs.Sibling("east", "west", "page")]


def test_two_teasers_of_a_story_s_lede_keep_the_story_as_their_source() -> None:
    # two feed teasers printing the lede of a longer story word for word: each carries a small
    # share of it, and they explain each other wholly; the story stays their source
    lede = " ".join(WIRE.split()[:18])
    texts = {"story": WIRE + " " + EXTRA, "t1": lede, "t2": lede}
    short = [Link("story", t, True, "containment", 1.0, 0.2, "wholly", 0) for t in ("t1", "t2")]
    r = rs.resolve([*short, _link("t1", "t2", decided=False)], texts.__getitem__)
    assert {(l.source_id, l.target_id) for l in r.links} == {("story", "t1"), ("story", "t2")}
    assert r.siblings == [rs.Sibling("t1", "t2", "story")]


def test_a_chain_through_a_small_edit_links_the_middle() -> None:
    # b changed one fact of a; c copied b (fact and all) and d copied a: c retold b, d is b's
    # sibling. All four explain each other within the tolerance.
    b = WIRE.replace("four years", "five years")
    texts = {"a": WIRE, "b": b, "c": b, "d": WIRE}
    links = [_link("a", "b"), _link("a", "c"), _link("b", "c"), _link("a", "d"),
             _link("b", "d")]
    r = rs.resolve(links, texts.__getitem__)
    assert {(l.source_id, l.target_id) for l in r.links} == {("a", "b"), ("b", "c"), ("a", "d")}
    assert [(l.source_id, l.target_id, via) for l, via in r.through] == [("a", "c", "b")]
    assert r.siblings == [rs.Sibling("b", "d", "a")]


def test_a_sibling_sharing_a_common_word_pair_with_the_target_is_not_its_source() -> None:
    # x and y both copied z and each added a sentence of its own; the two sentences share
    # "said the work", which z lacks: a coincidence, not x's edit carried into y
    z = WIRE + " " + EXTRA
    x = z + " the council said the work would go on"
    y = z + " officials said the work was slow"
    texts = {"z": z, "x": x, "y": y}
    r = rs.resolve([_link("z", "x"), _link("z", "y"), _link("x", "y")], texts.__getitem__)
    assert {(l.source_id, l.target_id) for l in r.links} == {("z", "x"), ("z", "y")}
    assert r.siblings == [rs.Sibling("x", "y", "z")]


def test_a_chain_through_a_changed_figure_whose_words_recur_in_the_source() -> None:
    # b changed "5 000 beds" to "9 000 beds"; a prints "9 000" elsewhere, so a shares every
    # word pair of c's changed sentence: only longer runs show that c carries b's edit
    a = WIRE + " the ministry added 5 000 beds this year and 9 000 nurses were hired in march"
    b = a.replace("5 000 beds", "9 000 beds")
    texts = {"a": a, "b": b, "c": b}
    r = rs.resolve([_link("a", "b"), _link("b", "c"), _link("a", "c")], texts.__getitem__)
    assert {(l.source_id, l.target_id) for l in r.links} == {("a", "b"), ("b", "c")}
    assert [(l.source_id, l.target_id, via) for l, via in r.through] == [("a", "c", "b")]


def test_of_two_copies_of_one_day_a_recurring_figure_does_not_hide_the_version() -> None:
    # the copy changed "5 000" to "9 000", which the story also prints elsewhere: the later
    # target carries the story's figure, so the story is its source, whatever the ids
    story = WIRE + " the ministry added 5 000 beds this year and 9 000 nurses were hired in march"
    texts = {"a-copy": story.replace("5 000 beds", "9 000 beds"), "b-story": story, "t": story}
    day = dt.date(2020, 1, 1)
    published = {"a-copy": day, "b-story": day, "t": dt.date(2020, 1, 2)}
    links = [_link("a-copy", "b-story", decided=False), _link("a-copy", "t"), _link("b-story", "t")]
    r = rs.resolve(links, texts.__getitem__, published)
    assert {(l.source_id, l.target_id) for l in r.links} == {("a-copy", "b-story"),
                                                              ("b-story", "t")}


def test_a_copy_of_one_day_whose_edits_the_target_carries_is_its_source() -> None:
    # b and c are of one day with no time order (an undecided link), both wholly a's text of
    # the day before; c carries b's changed word and changes one more: c printed b's version
    # (a chain), so b and c are linked, not two copies of a sharing it as their source
    words = (WIRE + " " + EXTRA).split()
    b = " ".join(words[:10] + ["fifteen"] + words[11:])
    c = " ".join(b.split()[:40] + ["seventeen"] + b.split()[41:])
    texts = {"a": " ".join(words), "b": b, "c": c}
    day = dt.date(2020, 1, 1)
    published = {"a": day, "b": day + dt.timedelta(days=1), "c": day + dt.timedelta(days=1)}
    links = [_link("a", "b"), _link("a", "c"), _link("b", "c", decided=False)]
    r = rs.resolve(links, texts.__getitem__, published)
    assert {(l.source_id, l.target_id) for l in r.links} == {("a", "b"), ("b", "c")}
    assert [(l.source_id, l.target_id, via) for l, via in r.through] == [("a", "c", "b")]
    assert r.siblings == []  # a link is never also listed as two siblings


def test_a_cut_print_of_a_copy_retells_it_and_a_whole_print_is_a_copy() -> None:
    # b prints a's text with a paragraph added; c prints b's version, its last words cut, on
    # b's day: the shorter text contained in the other retells it (as containment reads it)
    version = WIRE + " " + EXTRA
    day = dt.date(2020, 1, 1)
    published = {"a": day, "b": day + dt.timedelta(days=1), "c": day + dt.timedelta(days=1)}
    links = [_link("a", "b"), _link("a", "c"), _link("b", "c", decided=False)]
    texts = {"a": WIRE, "b": version, "c": " ".join(version.split()[:-6])}
    r = rs.resolve(links, texts.__getitem__, published)
    assert {(l.source_id, l.target_id) for l in r.links} == {("a", "b"), ("b", "c")}
    # c prints b's version whole: two prints, both retell a
    texts["c"] = version
    r = rs.resolve(links, texts.__getitem__, published)
    assert {(l.source_id, l.target_id) for l in r.links} == {("a", "b"), ("a", "c")}
    assert r.siblings == [rs.Sibling("b", "c", "a")]


def test_a_stock_phrase_of_a_sibling_s_own_sentence_is_no_edit_the_target_carries() -> None:
    # m is the wire story w with a sentence of its own that opens "said on monday that a"; the
    # target t rewords w and happens to read "said on monday that a new bridge": t retold w
    own = "the mayor said on monday that a vote would be held soon"
    m = " ".join([*WIRE.split()[:30], own, *WIRE.split()[30:]])
    t = WIRE.replace("minister said on monday that the", "official said on monday that a")
    texts = {"w": WIRE, "m": m, "t": t}
    hour = dt.datetime(2020, 1, 1, 9, tzinfo=dt.UTC)
    published = {"w": hour, "m": hour + dt.timedelta(hours=3), "t": hour + dt.timedelta(hours=6)}
    r = rs.resolve([_link("w", "m"), _link("w", "t"), _link("m", "t")], texts.__getitem__,
                   published)
    assert {(l.source_id, l.target_id) for l in r.links} == {("w", "m"), ("w", "t")}


def test_two_rewordings_that_chose_some_words_alike_are_siblings() -> None:
    # x and y both reword every fourth word of z, choosing alike half the time, and x rewords
    # more of its own: the words they chose alike are an eighth of y, but scattered word
    # pairs, not a passage of x's; y retold z. A passage x added that y carries is x's text.
    words = [f"word{i}" for i in range(120)]

    def reword(choices: str, more: bool) -> str:
        return " ".join(choices[i // 4] + w if i % 4 == 0 else "own" + w if more and i % 4 == 2
                        else w for i, w in enumerate(words))

    x, y = reword("a" * 30, more=True), reword("ab" * 15, more=False)
    texts = {"z": " ".join(words), "x": x, "y": y}
    r = rs.resolve([_link("z", "x"), _link("z", "y"), _link("x", "y")], texts.__getitem__)
    assert {(l.source_id, l.target_id) for l in r.links} == {("z", "x"), ("z", "y")}
    assert r.siblings == [rs.Sibling("x", "y", "z")]
    texts = {"z": " ".join(words), "x": x + " " + EXTRA, "y": y + " " + EXTRA}
    r = rs.resolve([_link("z", "x"), _link("z", "y"), _link("x", "y")], texts.__getitem__)
    assert ("x", "y") in {(l.source_id, l.target_id) for l in r.links}


def test_upstream_wins_a_tie_by_time() -> None:
    texts = {"early": WIRE, "late": WIRE, "t": WIRE}
    published = {"early": dt.datetime(2020, 1, 1, 9, tzinfo=dt.UTC),
                 "late": dt.datetime(2020, 1, 1, 10, tzinfo=dt.UTC)}
    r = rs.resolve([_link("early", "t"), _link("late", "t")], texts.__getitem__, published)
    assert [(l.source_id, l.target_id) for l in r.links] == [("early", "t")]


def test_of_two_copies_of_one_day_the_target_retells_the_one_whose_version_it_carries() -> None:
    # "a-copy" and "b-story" are of one day with no time order; "a-copy" changed a figure and
    # a name, which the later target does not carry: its source is the story, whatever the ids
    changed = WIRE.replace("four years", "six years").replace("city council", "state board")
    texts = {"a-copy": changed, "b-story": WIRE, "t": WIRE}
    day = dt.date(2020, 1, 1)
    published = {"a-copy": day, "b-story": day, "t": dt.date(2020, 1, 2)}
    links = [_link("a-copy", "b-story", decided=False), _link("a-copy", "t"), _link("b-story", "t")]
    r = rs.resolve(links, texts.__getitem__, published, tolerance=0.5)
    assert ("b-story", "t") in {(l.source_id, l.target_id) for l in r.links}
    assert ("a-copy", "t") not in {(l.source_id, l.target_id) for l in r.links}


def test_a_bare_day_is_not_earlier_than_a_time_on_that_day() -> None:
    # near-equal sources: the page dated by its day only is not earlier than the wire timed
    # that morning (a day without its time counts as its last second)
    texts = {"wire": WIRE + " " + EXTRA, "page": WIRE, "t": WIRE + " " + EXTRA}
    published = {"wire": dt.datetime(2020, 1, 1, 9, tzinfo=dt.UTC), "page": dt.date(2020, 1, 1)}
    r = rs.resolve([_link("page", "t"), _link("wire", "t")], texts.__getitem__, published,
                   tolerance=0.5)
    assert [(l.source_id, l.target_id) for l in r.links] == [("wire", "t")]
    # a day before the wire's is earlier
    published["page"] = dt.date(2019, 12, 31)
    r = rs.resolve([_link("page", "t"), _link("wire", "t")], texts.__getitem__, published,
                   tolerance=0.5)
    assert ("page", "t") in [(l.source_id, l.target_id) for l in r.links]


def test_a_single_source_is_never_dropped_and_texts_are_not_read() -> None:
    def no_text(aid: str) -> str:
        raise AssertionError("not needed")

    links = [_link("a", "b"), _link("b", "c")]
    assert rs.resolve(links, no_text).links == links


def test_the_story_says_siblings_share_a_source(tmp_path: Path, capsys: Any) -> None:
    import json

    from retold.cli import main

    rows = [{"id": "wire", "text": WIRE, "published": "2020-06-18T09:00:00Z"},
            {"id": "a", "text": WIRE, "published": "2020-06-18T10:00:00Z"},
            {"id": "b", "text": WIRE, "published": "2020-06-18T11:00:00Z"}]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = str(tmp_path / "c.db")
    main(["trace", str(corpus), "--store", db, "--quiet"])
    capsys.readouterr()
    main(["stories", db])
    out = capsys.readouterr().out
    assert "wire -> a" in out and "wire -> b" in out
    assert "a, b share a source (wire): siblings, not links" in out


def _covered_plainly(source: list[int], target: list[int], n: int) -> set[int]:
    """The definition: positions of target tokens inside an n-gram source also has."""
    grams = {tuple(source[i : i + n]) for i in range(len(source) - n + 1)}
    return {k for i in range(len(target) - n + 1) if tuple(target[i : i + n]) in grams
            for k in range(i, i + n)}


def _bits(positions: set[int]) -> int:
    return sum(1 << i for i in positions)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 4), max_size=40), st.lists(st.integers(0, 4), max_size=40),
       st.integers(1, 4), st.sampled_from([0, 2**31 - 5]))
def test_covered_bits_are_the_positions_in_shared_grams(source: list[int], target: list[int],
                                                        n: int, base: int) -> None:
    # token numbers small and as large as Coverage may give
    source, target = [base + t for t in source], [base + t for t in target]
    assert rs.covered(source, target, n) == _bits(_covered_plainly(source, target, n))


def _carries_edits_plainly(middle: set[int], first: set[int], run: int) -> bool:
    extra = middle - first
    if not extra or not first <= middle:
        return False

    def length(i: int) -> int:
        lo = hi = i
        while lo - 1 in middle:
            lo -= 1
        while hi + 1 in middle:
            hi += 1
        return hi - lo + 1

    return any(length(i) >= run for i in extra)


@settings(max_examples=300, deadline=None)
@given(st.sets(st.integers(0, 30)), st.sets(st.integers(0, 30)), st.integers(1, 6))
def test_carried_edits_read_from_bits_as_from_positions(middle: set[int], first: set[int],
                                                         run: int) -> None:
    assert rs._carries_edits(_bits(middle), _bits(first), run) == _carries_edits_plainly(
        middle, first, run)
    # a first set inside the middle one, as a chain gives them
    inner = middle & first
    assert rs._carries_edits(_bits(middle), _bits(inner), run) == _carries_edits_plainly(
        middle, inner, run)
