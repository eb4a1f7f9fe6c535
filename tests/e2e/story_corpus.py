"""A synthetic wire story retold by hundreds of articles, written into a real store.

The shape of a real one: a wire original, most outlets retelling it within a day or two, some
retelling a retelling, a few articles without a date, some links whose direction could not be
told, sibling links between retellings of one source, and facts carried, changed or dropped
along the chain.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from retold.model import Article, Link
from retold.store import open_store

FACT_POOL = [("number", f"n{i}", f"{(i + 3) * 17} people") for i in range(20)] + [
    ("name", f"p{i}", f"Minister Name{i}") for i in range(12)] + [
    ("date", f"d{i}", f"June {i + 1}") for i in range(8)]


def write_story(path: Path, n: int = 400, *, seed: int = 3, outlets: int = 36) -> str:
    """Write an ``n``-article story into a store at ``path``; return its root's id."""
    rnd = random.Random(seed)
    start = dt.date(2020, 6, 18)
    names = ["Wire Service"] + [f"Outlet {i:02d} {rnd.choice(['News', 'Daily', 'Times', 'Post'])}"
                                for i in range(1, outlets)]
    ids: list[str] = []
    day: dict[str, int] = {}
    articles: list[Article] = []
    links: list[Link] = []
    base_text = "Ten people died in a flood on Monday, officials said. The mayor resigned."
    for i in range(n):
        if i == 0:
            outlet, d = names[0], 0
        else:
            outlet = names[rnd.randrange(1, len(names))]
            d = min(6, int(rnd.random() ** 2 * 7))
        aid = "wire-0000" if i == 0 else f"{outlet.split()[1]}-{i:04d}"
        dated = i == 0 or rnd.random() > 0.05
        articles.append(Article(aid, f"{base_text} ({aid})", f"Flood story {i}", None, outlet,
                                start + dt.timedelta(days=d) if dated else None))
        if i:
            earlier = [a for a in ids if day[a] <= d] or ids
            parent = ids[0] if rnd.random() < 0.55 else rnd.choice(earlier)
            decided = rnd.random() > 0.1
            facts = []
            for kind, key, text in rnd.sample(FACT_POOL, 6):
                r = rnd.random()
                status = "carried" if r < 0.8 else ("changed" if r < 0.92 else "dropped")
                facts.append({"kind": kind, "key": key, "text": text, "status": status,
                              "to": f"{text} (changed)" if status == "changed" else None})
            reuse = round(rnd.uniform(0.3, 1.0), 2)
            links.append(Link(parent, aid, decided, "published" if decided else "undecided",
                              reuse, reuse, "wholly" if reuse > 0.8 else "partially",
                              sum(f["status"] != "carried" for f in facts),
                              facts=tuple(facts)))
        ids.append(aid)
        day[aid] = d
    # siblings: retellings of one source share most of their text, and are linked too
    for _ in range(n // 4):
        a, b = rnd.sample(ids[1:], 2)
        if day[a] <= day[b]:
            links.append(Link(a, b, False, "undecided", 0.9, 0.9, "wholly", 0))
    store = open_store(path)
    try:
        store.add_articles(articles)
        store.put_links([], links)
    finally:
        store.close()
    return ids[0]
