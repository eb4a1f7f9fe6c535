"""Screening: siblings of a safe link are not verified; nothing else is skipped."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from retold.engines.base import TraceOptions
from retold.engines.local import LocalEngine
from retold.model import Article
from retold.store import MemoryStore
from retold.trace import screen as sc
from retold.trace.candidates import SearchParams

UTC = dt.UTC
T0 = dt.datetime(2024, 5, 2, 9, 0, tzinfo=UTC)


def _text(seed: int, n: int = 80) -> str:
    rnd = random.Random(seed)
    words = ["".join(rnd.choice("kartomenilsuvdp") for _ in range(6)) for _ in range(300)]
    sentences = [" ".join(rnd.choice(words) for _ in range(10)).capitalize() + "."
                 for _ in range(n // 10)]
    return " ".join(sentences)


WIRE = _text(1)
TEXTS = {"wire": WIRE, "x": WIRE, "y": WIRE}
PUBLISHED = {"wire": T0, "x": T0 + dt.timedelta(hours=1), "y": T0 + dt.timedelta(hours=2)}


def test_sibling_of_a_safe_link_is_skipped() -> None:
    measured = [("wire", "x", 1.0, 1.0), ("wire", "y", 1.0, 1.0), ("x", "y", 1.0, 1.0)]
    assert sc.explained(measured, PUBLISHED, TEXTS.__getitem__) == {("x", "y")}


def test_nothing_is_skipped_when_the_explaining_link_is_not_safe() -> None:
    # the wire story's share of y is too close to the pipeline's floor: y might lose its link
    measured = [("wire", "x", 1.0, 1.0), ("wire", "y", 0.45, 0.45), ("x", "y", 1.0, 1.0)]
    assert sc.explained(measured, PUBLISHED, TEXTS.__getitem__, safe=0.5) == set()


def test_a_pair_below_the_precheck_explains_nothing() -> None:
    measured = [("wire", "x", 1.0, 1.0), ("wire", "y", 0.1, 0.1), ("x", "y", 1.0, 1.0)]
    assert sc.explained(measured, PUBLISHED, TEXTS.__getitem__) == set()


def test_a_pair_is_verified_where_its_explaining_source_and_its_own_are_not_ordered() -> None:
    # the story and a paper's insertion into it are of one day with no time of day: only
    # verification can tell which retold the other (containment), so the story's pair with a
    # later copy is not skipped on the strength of the insertion, whatever the ids
    story = _text(5)
    day = dt.date(2024, 5, 2)
    texts = {"b-story": story, "a-insert": story + " " + _text(6, 30),
             "c-later": story + " " + _text(7, 30)}
    published = {"b-story": day, "a-insert": day, "c-later": day + dt.timedelta(days=1)}
    measured = [("a-insert", "b-story", 0.7, 1.0), ("a-insert", "c-later", 0.75, 0.75),
                ("b-story", "c-later", 0.75, 1.0)]
    skipped = sc.explained(measured, published, texts.__getitem__)
    assert ("b-story", "c-later") not in skipped


def test_screened_pairs_keep_the_links_of_a_full_run() -> None:
    # A wire story retold by five outlets: the ten sibling pairs need no pair pipeline.
    wire = _text(3, 120)
    arts = [Article(id="wire", text=wire, published=T0)]
    for i in range(5):
        cut = " ".join(wire.split(". ")[: 6 + i]) + "."
        arts.append(Article(id=f"paper{i}", text=cut,
                            published=T0 + dt.timedelta(minutes=30 * (i + 1))))
    want = {("wire", f"paper{i}") for i in range(5)}
    # with the fingerprint-based pruning of siblings off, screening alone skips them all
    options = TraceOptions(params=SearchParams(prune_third=False))
    result = LocalEngine().run(arts, MemoryStore(), options=options)
    assert {(l.source_id, l.target_id) for l in result.links} == want
    assert (result.screened, result.verified) == (10, 5)
    full = LocalEngine().run(arts, MemoryStore(), options=replace(options, all_pairs=True))
    assert full.verified == 15 and want < {(l.source_id, l.target_id) for l in full.links}


def test_a_chain_through_a_near_copy_links_the_middle() -> None:
    # wire -> edited (a few words changed) -> copy of the edited text; and a plain copy of the
    # wire. All four are near copies (MinHash scores 0.95-1.0), so only the texts tell that the
    # third copied the edited version: it carries the edits. The chain step is verified and
    # linked, and the wire -> third shortcut is not a link.
    wire = _text(5, 120)
    words = wire.split(" ")
    for i in (14, 47, 90):
        words[i] = "zzedited" + str(i)
    edited = " ".join(words)
    arts = [Article(id="wire", text=wire, published=T0),
            Article(id="edited", text=edited, published=T0 + dt.timedelta(hours=1)),
            Article(id="third", text=edited, published=T0 + dt.timedelta(hours=2)),
            Article(id="copy", text=wire, published=T0 + dt.timedelta(hours=3))]
    result = LocalEngine().run(arts, MemoryStore())
    assert {(l.source_id, l.target_id) for l in result.links} == {
        ("wire", "edited"), ("edited", "third"), ("wire", "copy")}


def test_a_copy_dated_by_its_day_only_does_not_hide_the_timed_copies() -> None:
    # a wire story at 09:00, two copies timed that day and one dated by the day alone that
    # keeps three of its four sentences and adds one (a copy both ways, undecided): it must
    # not explain away the pairs time orders
    wire = _text(5, 40)
    kept = ". ".join(wire.split(". ")[:3]) + ". " + _text(7, 10)
    arts = [Article(id="wire", text=wire, published=T0),
            Article(id="p1", text=wire, published=T0 + dt.timedelta(hours=3)),
            Article(id="p2", text=wire + " " + _text(6, 10), published=T0 + dt.timedelta(hours=5)),
            Article(id="p3", text=kept, published=T0.date())]
    published = {a.id: a.published for a in arts}
    texts = {a.id: a.text for a in arts}
    measured = [(a, b, 1.0, 1.0) for a, b in (("wire", "p1"), ("wire", "p2"), ("p1", "p2"))]
    measured += [("p3", x, 0.8, 0.8) for x in ("wire", "p1", "p2")]
    skipped = sc.explained(measured, published, texts.__getitem__)
    assert not skipped & {("wire", "p1"), ("wire", "p2")}
    result = LocalEngine().run(arts, MemoryStore())
    links = {(l.source_id, l.target_id) for l in result.links}
    assert {("wire", "p1"), ("wire", "p2")} <= links
    assert [s.root for s in result.stories] == ["wire"]  # not the copy dated by its day


def test_a_pair_resolve_links_from_one_side_is_not_skipped() -> None:
    # b and c are of one day with no time order, both near copies of the wire story of the day
    # before; c carries b's changed word: resolve links b and c (c's side), though b's side
    # alone would call them two copies of the wire story. The pair is verified and linked.
    words = _text(5, 120).split(" ")
    b = " ".join(words[:30] + ["zzfirst"] + words[31:])
    c = " ".join(b.split(" ")[:80] + ["zzsecond"] + b.split(" ")[81:])
    day = dt.date(2024, 5, 2)
    texts = {"a": " ".join(words), "b": b, "c": c}
    published = {"a": day, "b": day + dt.timedelta(days=1), "c": day + dt.timedelta(days=1)}
    measured = [("a", "b", 0.98, 0.98), ("a", "c", 0.97, 0.97), ("b", "c", 0.98, 0.98)]
    assert ("b", "c") not in sc.explained(measured, published, texts.__getitem__)
    arts = [Article(id=k, text=v, published=published[k]) for k, v in texts.items()]
    result = LocalEngine().run(arts, MemoryStore())
    assert {frozenset((l.source_id, l.target_id)) for l in result.links} == {
        frozenset(("a", "b")), frozenset(("b", "c"))}
