"""Stories: linked articles clustered, with the earliest source, the chain, and a facts table.

Pure functions; no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from typing import Any

from retold.model import Link, Story
from retold.trace import times


def components(links: Iterable[Link]) -> list[set[str]]:
    """Connected components of the link graph (direction ignored), biggest first."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        ra, rb = find(link.source_id), find(link.target_id)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, set[str]] = defaultdict(set)
    for x in parent:
        groups[find(x)].add(x)
    return sorted(groups.values(), key=lambda g: (-len(g), min(g)))


def root_of(
    members: set[str], links: list[Link], published: Mapping[str, dt.date | None]
) -> str:
    """The story's earliest source: earliest published article that retells no one in it.

    Among articles that are not the target of a decided link, the one surely published first
    (a day without its time counts as its last second: a copy dated by its day is not earlier
    than a wire story timed that morning); with no dates, the one that most others were taken
    from; ties by id.
    """
    targets = {l.target_id for l in links if l.decided}
    pool = [m for m in members if m not in targets] or list(members)
    out_degree: dict[str, int] = defaultdict(int)
    for l in links:
        out_degree[l.source_id] += 1

    def latest(m: str) -> tuple[int, int]:
        when = times.span(published.get(m))
        return (1, 0) if when is None else (0, when[1])

    return min(pool, key=lambda m: (latest(m), -out_degree[m], m))


def open_roots(root: str, members: set[str], links: list[Link]) -> tuple[str, ...]:
    """The articles that may be the story's earliest source as well as ``root``: retelling no
    one in the story, and joined to the root by a link whose direction is undecided (a page
    dated by its day and an undated agency story: which came first is not known)."""
    targets = {l.target_id for l in links if l.decided}
    joined = {l.source_id if l.target_id == root else l.target_id for l in links
              if not l.decided and root in (l.source_id, l.target_id)}
    return tuple(sorted(m for m in joined & members if m not in targets))


def chain_of(root: str, links: list[Link]) -> tuple[tuple[str, str | None], ...]:
    """Breadth-first order from the root: each article with the one it retold."""
    out: dict[str, list[tuple[str, Link]]] = defaultdict(list)
    for l in links:
        out[l.source_id].append((l.target_id, l))
        if not l.decided:  # an undecided link can be walked either way
            out[l.target_id].append((l.source_id, l))
    seen = {root}
    order: list[tuple[str, str | None]] = [(root, None)]
    queue = deque([root])
    while queue:
        x = queue.popleft()
        for y, _ in sorted(out[x], key=lambda t: (-t[1].reuse, t[0])):
            if y not in seen:
                seen.add(y)
                order.append((y, x))
                queue.append(y)
    # articles only reachable against a decided link's direction (two retellings of one source)
    rest = sorted(({l.source_id for l in links} | {l.target_id for l in links}) - seen)
    for y in rest:
        parents = [l.source_id for l in links if l.target_id == y]
        order.append((y, parents[0] if parents else None))
    return tuple(order)


def chain_links(chain: tuple[tuple[str, str | None], ...], links: list[Link]) -> list[Link]:
    """The links along the chain (each article with the one it retold), in chain order."""
    by_pair = {(l.source_id, l.target_id): l for l in links}
    out = []
    for article, parent in chain:
        if parent is None:
            continue
        link = by_pair.get((parent, article)) or by_pair.get((article, parent))
        if link is not None:
            out.append(link)
    return out


def facts_table(links: list[Link]) -> tuple[dict[str, Any], ...]:
    """Each fact with the articles that carry it and those that changed it.

    Give it the links along a story's chain (:func:`chain_links`): each link says, for every
    fact of its source, whether its target carried, changed or dropped it.
    """
    table: dict[tuple[str, str], dict[str, Any]] = {}
    for l in links:
        for f in l.facts:
            row = table.setdefault(
                (f["kind"], f["key"]),
                {"kind": f["kind"], "key": f["key"], "text": f["text"], "carried_by": set(),
                 "changed_by": {}},
            )
            row["carried_by"].add(l.source_id)
            if f["status"] == "carried":
                row["carried_by"].add(l.target_id)
            else:
                row["changed_by"][l.target_id] = f.get("to") or f["status"]
    out = []
    for row in table.values():
        changed = row["changed_by"]
        carried = sorted(row["carried_by"] - set(changed))
        out.append({
            "kind": row["kind"], "key": row["key"], "text": row["text"],
            "carried_by": carried,
            "changed_by": [{"article": a, "to": to} for a, to in sorted(changed.items())],
        })
    out.sort(key=lambda r: (-len(r["changed_by"]), -len(r["carried_by"]), r["kind"], r["key"]))
    return tuple(out)


def build(links: Iterable[Link], published: Mapping[str, dt.date | None]) -> list[Story]:
    """Cluster links into stories, biggest first."""
    links = list(links)
    by_member: dict[str, list[Link]] = defaultdict(list)
    for l in links:
        by_member[l.source_id].append(l)
    stories = []
    for members in components(links):
        own = sorted({id(l): l for m in members for l in by_member[m]}.values(),
                     key=lambda l: (l.source_id, l.target_id))
        root = root_of(members, own, published)
        chain = chain_of(root, own)
        stories.append(Story(
            id=f"story:{root}",
            articles=tuple(sorted(members)),
            root=root,
            links=tuple(own),
            chain=chain,
            facts=facts_table(chain_links(chain, own)),
            published=published.get(root),
            open_roots=open_roots(root, members, own),
        ))
    return stories
