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
