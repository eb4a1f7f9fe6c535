from __future__ import annotations

import datetime as dt

from retold.model import Link
from retold.trace import stories as st


def link(s: str, t: str, *, decided: bool = True, facts: tuple = ()) -> Link:
    return Link(s, t, decided, "published" if decided else "undecided", 0.9, 0.9, "wholly", 0,
                facts=facts)


def test_components_biggest_first() -> None:
    comps = st.components([link("a", "b"), link("c", "d"), link("b", "e")])
    assert comps == [{"a", "b", "e"}, {"c", "d"}]


def test_root_is_the_earliest_source_and_chain_follows_links() -> None:
    pub = {"a": dt.date(2020, 1, 1), "b": dt.date(2020, 1, 2), "c": dt.date(2020, 1, 3)}
    [story] = st.build([link("a", "b"), link("b", "c")], pub)
    assert story.root == "a" and story.published == dt.date(2020, 1, 1)
    assert story.chain == (("a", None), ("b", "a"), ("c", "b"))
    assert story.id == "story:a"


def test_facts_table_along_the_chain() -> None:
    f_ab = ({"kind": "number", "key": "n37", "text": "37", "status": "carried", "to": ""},)
    f_ac = ({"kind": "number", "key": "n37", "text": "37", "status": "changed", "to": "73"},)
    [story] = st.build([link("a", "b", facts=f_ab), link("a", "c", facts=f_ac)],
                       {"a": dt.date(2020, 1, 1)})
    [row] = story.facts
    assert row["carried_by"] == ["a", "b"]
    assert row["changed_by"] == [{"article": "c", "to": "73"}]


def test_undecided_links_can_be_walked_either_way() -> None:
    [story] = st.build([link("b", "a", decided=False)], {"a": dt.date(2020, 1, 1)})
    assert story.root == "a" and story.chain == (("a", None), ("b", "a"))


def test_a_root_whose_order_with_another_is_undecided_says_so() -> None:
    # a page dated by its day and an undated agency story, linked with no direction
    [story] = st.build([link("agency", "page", decided=False)], {"page": dt.date(2020, 1, 1)})
    assert story.root == "page" and story.open_roots == ("agency",)
    d = story.to_dict()
    assert d["open_roots"] == ["agency"]
    assert [c["decided"] for c in d["chain"]] == [True, False]
    from retold.cli.trace import story_lines

    assert "(or agency: the order is undecided)" in story_lines(story)[0]
    # a decided link leaves no doubt about the root
    [story] = st.build([link("agency", "page")], {"page": dt.date(2020, 1, 1)})
    assert story.root == "agency" and story.open_roots == ()
    assert [c["decided"] for c in story.to_dict()["chain"]] == [True, True]


def test_story_lines_tell_each_link_in_its_own_order_and_words() -> None:
    from retold.cli.trace import story_lines

    # an undecided link the chain walks from its target: printed as compared, with its changes
    f_za = ({"kind": "number", "key": "n41", "text": "41 people", "status": "changed",
             "to": "14 people"},)
    [story] = st.build([link("z", "a", decided=False, facts=f_za)], {"a": dt.date(2020, 1, 1)})
    assert story.root == "a"
    lines = story_lines(story)
    assert lines[1].startswith("  z -> a:") and "41 people -> 14 people" in lines[1]
    # a second source's links are printed once, under the chain or as its own, never both
    pub = {"a": dt.date(2020, 1, 1), "b": dt.date(2020, 1, 2), "c": dt.date(2020, 1, 3)}
    f_ac = ({"kind": "number", "key": "n7", "text": "7 boats", "status": "changed",
             "to": "9 boats"},)
    f_bc = ({"kind": "date", "key": "d1", "text": "on Monday", "status": "changed",
             "to": "on Tuesday"},)
    [story] = st.build([link("a", "c", facts=f_ac), link("b", "c", facts=f_bc)], pub)
    printed = [line.split(":")[0].strip() for line in story_lines(story)[1:]]
    assert sorted(p for p in printed if "->" in p) == ["a -> c", "b -> c"]
    c_line = next(line for line in story_lines(story) if line.strip().startswith("a -> c"))
    assert "7 boats -> 9 boats" in c_line and "on Monday" not in c_line


def test_a_chain_with_a_second_source_prints_every_link_and_no_siblings() -> None:
    from retold.cli.trace import story_lines

    # a -> b -> c, and a -> c kept for text of a that b dropped: c has two sources, and b and
    # c, linked to each other, are no siblings of a
    pub = {"a": dt.date(2020, 1, 1), "b": dt.date(2020, 1, 2), "c": dt.date(2020, 1, 3)}
    f_bc = ({"kind": "number", "key": "n9", "text": "9 boats", "status": "changed",
             "to": "12 boats"},)
    [story] = st.build([link("a", "b"), link("a", "c"), link("b", "c", facts=f_bc)], pub)
    lines = story_lines(story)
    printed = sorted(line.split(":")[0].strip() for line in lines[1:] if "->" in line)
    assert printed == ["a -> b", "a -> c", "b -> c"]
    b_c = next(line for line in lines if line.strip().startswith("b -> c"))
    assert "a second source" in b_c and "9 boats -> 12 boats" in b_c
    assert not any("siblings" in line for line in lines)
    # two retellings of a that are not linked to each other stay siblings
    [story] = st.build([link("a", "b"), link("a", "c")], pub)
    assert story_lines(story)[-1] == "  b, c share a source (a): siblings, not links"


def test_story_lines_read_ids_with_colons_and_keep_the_siblings_left() -> None:
    from retold.cli.trace import story_lines

    pub = {"wire:1": dt.date(2020, 1, 1), "daily:7": dt.date(2020, 1, 2),
           "post:3": dt.date(2020, 1, 3), "herald:9": dt.date(2020, 1, 2)}
    links = [link("wire:1", "daily:7"), link("wire:1", "post:3"), link("wire:1", "herald:9"),
             link("daily:7", "post:3")]
    [story] = st.build(links, pub)
    lines = story_lines(story)
    printed = [line.split(": ")[0].strip() for line in lines[1:] if " -> " in line]
    assert sorted(printed) == ["daily:7 -> post:3", "wire:1 -> daily:7", "wire:1 -> herald:9",
                               "wire:1 -> post:3"]
    # post:3 retells daily:7 too: daily:7 and herald:9 are still siblings
    assert lines[-1] == "  daily:7, herald:9 share a source (wire:1): siblings, not links"
