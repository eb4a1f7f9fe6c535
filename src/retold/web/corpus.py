"""Corpus pages for ``retold serve --store news.db``: stories, links, articles, derivation graph.

The store is opened per request (SQLite connections belong to one thread) and only read. Stories
are clustered from the store's links with ``retold.trace.stories.build`` and cached until the
store's counts change (a new ``retold trace`` run).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from retold.errors import StoreError
from retold.model import Article, Story

router = APIRouter()

PAGE_SIZE = 50

# Graph geometry, in SVG user units.
LEFT = 170  # room for the outlet names
TOP = 46  # room for the date axis
COLUMN = 170  # one column per distinct publication date
LANE = 84  # one lane per outlet
STACK = 30  # articles of one outlet on one date, stacked
RADIUS = 9
UNKNOWN_OUTLET = "outlet unknown"


def open_store_for_web(path: str) -> str:
    """Check that ``path`` is an existing store; return it (opened again per request)."""
    if not Path(path).is_file():
        raise StoreError(f"there is no store at {path!r}; run `retold trace ... --store {path}` "
                         "first, or give the path of an existing store")
    with _opened(path) as store:
        store.counts()
    return path


@contextmanager
def _opened(path: str) -> Iterator[Any]:
    from retold.store import open_store

    store = open_store(path)
    try:
        yield store
    finally:
        store.close()


def _store(request: Request) -> Any:
    return _opened(request.app.state.store)


_cache_lock = threading.Lock()


def _stories(request: Request, store: Any) -> list[Story]:
    from retold.trace import stories as story_mod

    key = tuple(sorted(store.counts().items()))
    state = request.app.state
    with _cache_lock:
        cached = getattr(state, "story_cache", None)
        if cached is not None and cached[0] == key:
            return cached[1]
    built = story_mod.build(store.links(), store.published())
    with _cache_lock:
        state.story_cache = (key, built)
    return built


def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    from retold.web.app import page

    return page(request, name, **context)


def _not_found(what: str) -> Exception:
    from retold.web.app import NotFound

    return NotFound(f"{what} is not in the store")


def link_href(source_id: str, target_id: str) -> str:
    return "/link?" + urlencode({"source": source_id, "target": target_id})


def article_href(article_id: str) -> str:
    return "/article?" + urlencode({"id": article_id})


def story_href(story_id: str) -> str:
    return "/story?" + urlencode({"id": story_id})


def _paginate(items: list[Any], page: int) -> tuple[list[Any], dict[str, Any]]:
    pages = max(1, -(-len(items) // PAGE_SIZE))
    page = min(max(1, page), pages)
    start = (page - 1) * PAGE_SIZE
    return items[start : start + PAGE_SIZE], {"page": page, "pages": pages, "total": len(items)}


# --- pages -------------------------------------------------------------------------------------


@router.get("/stories", response_class=HTMLResponse, include_in_schema=False)
def stories_page(request: Request, page: int = Query(1, ge=1)) -> HTMLResponse:
    with _store(request) as store:
        stories = _stories(request, store)
        shown, pager = _paginate(stories, page)
        roots = {s.root: store.article(s.root) for s in shown}
        counts = store.counts()
    rows = [
        {
            "story": s,
            "href": story_href(s.id),
            "root": roots.get(s.root),
            "root_href": article_href(s.root),
            "retellings": len(s.articles) - 1,
        }
        for s in shown
    ]
    return _page(request, "stories.html.j2", title="Stories", rows=rows, pager=pager,
                 counts=counts)


@router.get("/story", response_class=HTMLResponse, include_in_schema=False)
def story_page(request: Request, id: str = Query(..., max_length=1000)) -> HTMLResponse:
    with _store(request) as store:
        story = next((s for s in _stories(request, store) if s.id == id), None)
        if story is None:
            raise _not_found(f"the story {id!r}")
        articles = {a: store.article(a) for a in story.articles}
    links_by_target = {(l.source_id, l.target_id): l for l in story.links}
    chain = []
    shown: set[str] = set()
    for article_id, parent in story.chain:
        if article_id in shown:  # a chain lists each article once; be safe if it does not
            continue
        shown.add(article_id)
        link = (links_by_target.get((parent, article_id))
                or links_by_target.get((article_id, parent))) if parent else None
        chain.append({
            "id": article_id,
            "article": articles.get(article_id),
            "href": article_href(article_id),
            "parent": parent,
            "parent_href": article_href(parent) if parent else None,
            "link": link,
            "link_href": link_href(link.source_id, link.target_id) if link else None,
        })
    graph = layout(story, articles)
    return _page(request, "story.html.j2", title=f"Story: {story.root}", story=story,
                 chain=chain, graph=graph, facts=story.facts[:200],
                 article_href=article_href)


@router.get("/links", response_class=HTMLResponse, include_in_schema=False)
def links_page(request: Request, page: int = Query(1, ge=1)) -> HTMLResponse:
    with _store(request) as store:
        links = sorted(store.links(), key=lambda l: (-l.reuse, l.source_id, l.target_id))
    shown, pager = _paginate(links, page)
    rows = [{"link": l, "href": link_href(l.source_id, l.target_id),
             "source_href": article_href(l.source_id), "target_href": article_href(l.target_id)}
            for l in shown]
    return _page(request, "links.html.j2", title="Links", rows=rows, pager=pager)


@router.get("/link", response_class=HTMLResponse, include_in_schema=False)
async def link_page(request: Request, source: str = Query(..., max_length=1000),
                    target: str = Query(..., max_length=1000)) -> HTMLResponse:
    from retold.web import jobs
    from retold.web.app import _report_csp, run_limited

    page = await run_limited(request, jobs.link_report, request.app.state.store, source, target)
    return HTMLResponse(page, headers={"Content-Security-Policy": _report_csp()})


@router.get("/articles", response_class=HTMLResponse, include_in_schema=False)
def articles_page(request: Request, page: int = Query(1, ge=1)) -> HTMLResponse:
    with _store(request) as store:
        published = store.published()
        far = dt.date.max
        ids = sorted(published, key=lambda i: (published[i] or far, i))
        shown, pager = _paginate(ids, page)
        articles = [store.article(i) for i in shown]
        degree: dict[str, int] = defaultdict(int)
        for l in store.links():
            degree[l.source_id] += 1
            degree[l.target_id] += 1
    rows = [{"article": a, "href": article_href(a.id), "links": degree.get(a.id, 0),
             "words": len(a.text.split())} for a in articles if a is not None]
    return _page(request, "articles.html.j2", title="Articles", rows=rows, pager=pager)


@router.get("/article", response_class=HTMLResponse, include_in_schema=False)
def article_page(request: Request, id: str = Query(..., max_length=1000)) -> HTMLResponse:
    with _store(request) as store:
        article = store.article(id)
        if article is None:
            raise _not_found(f"the article {id!r}")
        links = [l for l in store.links() if id in (l.source_id, l.target_id)]
        stories = _stories(request, store)
    story = next((s for s in stories if id in s.articles), None)
    rows = [{"link": l, "href": link_href(l.source_id, l.target_id),
             "other": l.target_id if l.source_id == id else l.source_id,
             "other_href": article_href(l.target_id if l.source_id == id else l.source_id),
             "direction": "retold by" if l.source_id == id else "retells"}
            for l in links]
    return _page(request, "article.html.j2", title=article.title or article.id, article=article,
                 rows=rows, story=story, story_href=story_href(story.id) if story else None,
                 href=_safe(article.url))


def _safe(url: str | None) -> str | None:
    from retold.reports.html import safe_href

    return safe_href(url)


# --- JSON for programs ------------------------------------------------------------------------


@router.get("/api/stories", summary="Stories of the traced corpus, biggest first",
            tags=["corpus"])
def stories_api(request: Request) -> list[dict[str, Any]]:
    with _store(request) as store:
        return [s.to_dict() for s in _stories(request, store)]


@router.get("/api/links", summary="Links of the traced corpus (source -> target)",
            tags=["corpus"])
def links_api(request: Request) -> list[dict[str, Any]]:
    with _store(request) as store:
        return [l.to_dict() for l in store.links()]


# --- the derivation graph ---------------------------------------------------------------------


@dataclass(slots=True)
class GraphNode:
    id: str
    x: float
    y: float
    label: str
    title: str
    href: str
    root: bool


@dataclass(slots=True)
class GraphEdge:
    source: str
    target: str
    d: str
    lx: float
    ly: float
    width: float
    label: str
    title: str
    href: str
    decided: bool


@dataclass(slots=True)
class Graph:
    width: int
    height: int
    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)
    lanes: list[tuple[str, float, float]] = field(default_factory=list)  # name, top, height
    ticks: list[tuple[float, str]] = field(default_factory=list)


def layout(story: Story, articles: dict[str, Article | None]) -> Graph:
    """Nodes by time (x: one column per date, undated last) and outlet (y: one lane each)."""
    def outlet(a: str) -> str:
        art = articles.get(a)
        return (art.outlet if art and art.outlet else UNKNOWN_OUTLET)

    def date(a: str) -> dt.date | None:
        art = articles.get(a)
        return art.published if art else None

    ids = list(story.articles)
    dates = sorted({d for d in (date(a) for a in ids) if d is not None})
    undated = any(date(a) is None for a in ids)
    column = {d: i for i, d in enumerate(dates)}
    far = dt.date.max
    lanes_order = sorted({outlet(a) for a in ids},
                         key=lambda o: (min((date(a) or far) for a in ids if outlet(a) == o), o))
    # chain order breaks ties so a stacked cell reads top-down in retelling order
    order = {a: i for i, (a, _) in enumerate(story.chain)}
    cells: dict[tuple[str, int], list[str]] = defaultdict(list)
    for a in sorted(ids, key=lambda a: (order.get(a, len(order)), a)):
        col = column[date(a)] if date(a) is not None else len(dates)  # type: ignore[index]
        cells[(outlet(a), col)].append(a)
    lane_height = {o: max(LANE, 44 + STACK * max(len(v) for (lo, _), v in cells.items() if lo == o))
                   for o in lanes_order}
    graph = Graph(width=0, height=0)
    top = float(TOP)
    pos: dict[str, tuple[float, float]] = {}
    for o in lanes_order:
        h = lane_height[o]
        graph.lanes.append((o, top, h))
        for (lo, col), members in sorted(cells.items(), key=lambda kv: kv[0][1]):
            if lo != o:
                continue
            for k, a in enumerate(members):
                x = LEFT + COLUMN / 2 + col * COLUMN
                y = top + h / 2 + (k - (len(members) - 1) / 2) * STACK
                pos[a] = (x, y)
        top += h
    columns = len(dates) + (1 if undated else 0)
    graph.width = int(LEFT + max(1, columns) * COLUMN + 20)
    graph.height = int(top + 10)
    graph.ticks = [(LEFT + COLUMN / 2 + i * COLUMN, d.isoformat()) for i, d in enumerate(dates)]
    if undated:
        graph.ticks.append((LEFT + COLUMN / 2 + len(dates) * COLUMN, "date unknown"))
    for a in ids:
        x, y = pos[a]
        art = articles.get(a)
        title_bits = [a]
        if art is not None:
            if art.title:
                title_bits.append(art.title)
            title_bits.append(outlet(a))
            title_bits.append(art.published.isoformat() if art.published else "date unknown")
        graph.nodes.append(GraphNode(
            id=a, x=round(x, 1), y=round(y, 1), label=a if len(a) <= 22 else a[:20] + "\u2026",
            title=" \u00b7 ".join(title_bits), href=article_href(a), root=a == story.root,
        ))
    for l in story.links:
        if l.source_id not in pos or l.target_id not in pos:
            continue
        (x1, y1), (x2, y2) = pos[l.source_id], pos[l.target_id]
        d, lx, ly = _edge_path(x1, y1, x2, y2)
        pct = round(l.reuse * 100)
        graph.edges.append(GraphEdge(
            source=l.source_id, target=l.target_id, d=d, lx=lx, ly=ly,
            width=round(1.5 + 4.5 * max(0.0, min(1.0, l.reuse)), 2),
            label=f"{pct}%",
            title=(f"{l.target_id} retells {l.source_id}: {pct}% of it reused, "
                   f"{l.derivation} derivation, {l.changes} fact change"
                   f"{'' if l.changes == 1 else 's'}"
                   + ("" if l.decided else "; direction undecided")),
            href=link_href(l.source_id, l.target_id), decided=l.decided,
        ))
    return graph


def _edge_path(x1: float, y1: float, x2: float, y2: float) -> tuple[str, float, float]:
    """A curve from node to node, ending at the circles' rims; and its midpoint for a label."""
    dx, dy = x2 - x1, y2 - y1
    dist = max((dx * dx + dy * dy) ** 0.5, 1e-6)
    if abs(dy) < 1 and abs(dx) > 0:  # same lane: arc above the lane line
        ux = 1 if dx > 0 else -1
        sx, sy = x1 + ux * RADIUS * 0.7, y1 - RADIUS * 0.7
        ex, ey = x2 - ux * RADIUS * 0.7, y2 - RADIUS * 0.7
        lift = min(60.0, 18 + abs(dx) * 0.18)
        cx, cy = (sx + ex) / 2, min(sy, ey) - lift * 2
        lx, ly = (sx + 2 * cx + ex) / 4, (sy + 2 * cy + ey) / 4
        return (f"M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}",
                round(lx, 1), round(ly - 4, 1))
    ux, uy = dx / dist, dy / dist
    sx, sy = x1 + ux * RADIUS, y1 + uy * RADIUS
    ex, ey = x2 - ux * (RADIUS + 2), y2 - uy * (RADIUS + 2)
    if abs(ex - sx) > COLUMN * 1.2 and abs(ey - sy) > 1:
        # spanning columns: keep to the source's row, then turn, so as not to run through
        # the articles of the columns in between (they sit on the straight diagonal)
        c1x, c1y, c2x, c2y = sx + (ex - sx) * 0.8, sy, ex, sy + (ey - sy) * 0.2
    else:
        bend = (ex - sx) * 0.45
        c1x, c1y, c2x, c2y = sx + bend, sy, ex - bend, ey
    lx = 0.125 * sx + 0.375 * c1x + 0.375 * c2x + 0.125 * ex
    ly = 0.125 * sy + 0.375 * c1y + 0.375 * c2y + 0.125 * ey
    return (f"M{sx:.1f},{sy:.1f} C{c1x:.1f},{c1y:.1f} {c2x:.1f},{c2y:.1f} {ex:.1f},{ey:.1f}",
            round(lx, 1), round(ly - 5, 1))
