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
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from retold.errors import StoreError
from retold.model import Article, Link, Story
from retold.trace import times

router = APIRouter()

PAGE_SIZE = 50

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


def _links(request: Request, store: Any) -> list[Link]:
    """The store's links as `retold links` shows them: verified reuse resolved, siblings out."""
    return _resolved(request, store)[0]


def _stories(request: Request, store: Any) -> list[Story]:
    return _resolved(request, store)[1]


def _resolved(request: Request, store: Any) -> tuple[list[Link], list[Story]]:
    """Resolve links and build stories once per state of the store (both read every text)."""
    from retold.engines.base import resolved_links
    from retold.trace import stories as story_mod

    key = tuple(sorted(store.counts().items()))
    state = request.app.state
    with _cache_lock:
        cached = getattr(state, "story_cache", None)
        if cached is not None and cached[0] == key:
            return cached[1]
    links = list(resolved_links(store).links)
    built = (links, story_mod.build(links, store.published()))
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


def _paginate(items: list[Any], page: int,
              size: int = PAGE_SIZE) -> tuple[list[Any], dict[str, Any]]:
    pages = max(1, -(-len(items) // size))
    page = min(max(1, page), pages)
    start = (page - 1) * size
    return items[start : start + size], {"page": page, "pages": pages, "total": len(items)}


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
def story_page(request: Request, id: str = Query(..., max_length=1000),
               page: int = Query(1, ge=1, le=1_000_000),
               part: int = Query(1, ge=1, le=1_000_000)) -> HTMLResponse:
    with _store(request) as store:
        story = next((s for s in _stories(request, store) if s.id == id), None)
        if story is None:
            raise _not_found(f"the story {id!r}")
        articles = {a: store.article(a) for a in story.articles}
    links_by_pair = {(l.source_id, l.target_id): l for l in story.links}
    chain_all = []
    seen: set[str] = set()
    for article_id, parent in story.chain:
        if article_id not in seen:  # a chain lists each article once; be safe if it does not
            seen.add(article_id)
            chain_all.append((article_id, parent))
    shown, pager = _paginate(chain_all, page, CHAIN_PAGE)
    chain = []
    for article_id, parent in shown:
        link = (links_by_pair.get((parent, article_id))
                or links_by_pair.get((article_id, parent))) if parent else None
        chain.append({
            "id": article_id,
            "article": articles.get(article_id),
            "href": article_href(article_id),
            "parent": parent,
            "parent_href": article_href(parent) if parent else None,
            "link": link,
            "link_href": link_href(link.source_id, link.target_id) if link else None,
        })
    graph = graph_data(story, articles, part=part)
    facts, facts_total = story_facts(story)
    base = story_href(story.id)
    return _page(request, "story.html.j2", title=f"Story: {story.root}", story=story,
                 chain=chain, pager=pager, graph=graph, facts=facts, facts_total=facts_total,
                 article_href=article_href, base_href=base,
                 page_href=lambda n: f"{base}&{urlencode({'page': n, 'part': graph['part']})}",
                 part_href=lambda n: f"{base}&{urlencode({'page': pager['page'], 'part': n})}")


@router.get("/links", response_class=HTMLResponse, include_in_schema=False)
def links_page(request: Request, page: int = Query(1, ge=1)) -> HTMLResponse:
    with _store(request) as store:
        links = sorted(_links(request, store), key=lambda l: (-l.reuse, l.source_id, l.target_id))
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
        ids = sorted(published, key=lambda i: (times.sort_key(published[i]), i))
        shown, pager = _paginate(ids, page)
        articles = [store.article(i) for i in shown]
        degree: dict[str, int] = defaultdict(int)
        for l in _links(request, store):
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
        links = [l for l in _links(request, store) if id in (l.source_id, l.target_id)]
        stories = _stories(request, store)
    story = next((s for s in stories if id in s.articles), None)
    rows = [{"link": l, "href": link_href(l.source_id, l.target_id),
             "other": l.target_id if l.source_id == id else l.source_id,
             "other_href": article_href(l.target_id if l.source_id == id else l.source_id),
             "direction": "retold by" if l.source_id == id else "retells"}
            for l in links]
    return _page(request, "article.html.j2", title=_headline(article) or article.id,
                 article=article,
                 rows=rows, story=story, story_href=story_href(story.id) if story else None,
                 href=_safe(article.url))


def _headline(article: Article | None) -> str | None:
    from retold.reports.html import display_title

    return display_title(article.title, article.outlet) if article is not None else None


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
        return [l.to_dict() for l in _links(request, store)]


# --- the derivation graph ---------------------------------------------------------------------
#
# The server decides what the graph shows and in which layer each article sits; the browser
# lays it out with d3-dag's Sugiyama layout (static/vendor/d3-dag, vendored from npm) and draws
# it (static/graph.js). Layers run left to right by time: one block of layers per publication
# day, and inside a day one layer per step of retelling, so every arrow points right.

GRAPH_MAX = 500  # articles in one graph; a longer story's graph is split into parts
CHAIN_PAGE = 100  # rows of the chain table on one page
FACTS_MAX = 100  # rows of the facts table
FACT_CARRIERS_SHOWN = 8  # articles named in one facts row; the rest are counted
LABEL_MAX = 24  # characters of an article's id in the graph


def graph_data(story: Story, articles: dict[str, Article | None], *,
               part: int = 1) -> dict[str, Any]:
    """What the story graph draws: articles with their layer, and the chain's links.

    Only the chain's links are drawn (each article with the source it retold): a story's other
    links (siblings that share a source) are in the tables and on each article's page.
    """
    order = [a for a, _ in story.chain]
    order += sorted(set(story.articles) - set(order))
    parts = max(1, -(-len(order) // GRAPH_MAX))
    part = min(max(1, part), parts)
    shown = order[(part - 1) * GRAPH_MAX : part * GRAPH_MAX]
    in_part = set(shown)
    parent = {a: p for a, p in story.chain if p is not None and p in in_part and a in in_part}

    def published(a: str) -> dt.date | None:
        art = articles.get(a)
        return art.published if art else None

    def day(a: str) -> dt.date | None:  # the graph's bands are days, whatever the precision
        when = published(a)
        return when.date() if isinstance(when, dt.datetime) else when

    def outlet(a: str) -> str:
        art = articles.get(a)
        return art.outlet if art and art.outlet else UNKNOWN_OUTLET

    # Each article's day: its own date, but never before its source's (an undecided link may
    # run backwards in time; an undated article sits right after its source).
    days = sorted({d for d in (day(a) for a in shown) if d is not None})
    day_of: dict[str, int] = {}
    step: dict[str, int] = {}
    for a in shown:  # chain order: a source comes before its retellings
        own = day(a)
        p = parent.get(a)
        d = days.index(own) if own is not None else day_of.get(p, 0) if p else 0
        if p in day_of and day_of[p] >= d:
            d = day_of[p]
            step[a] = step[p] + 1
        else:
            step[a] = 0
        day_of[a] = d
    keys = sorted({(day_of[a], step[a]) for a in shown})
    layer = {k: i for i, k in enumerate(keys)}
    links = {(l.source_id, l.target_id): l for l in story.links}
    outlets = sorted({outlet(a) for a in shown},
                     key=lambda o: (min(day_of[a] for a in shown if outlet(a) == o), o))
    nodes = []
    for a in shown:
        art = articles.get(a)
        when = published(a)
        bits = [a]
        headline = _headline(art)
        if headline:
            bits.append(headline)
        bits += [outlet(a), when.isoformat() if when else "date unknown"]
        nodes.append({
            "id": a,
            "label": a if len(a) <= LABEL_MAX else a[: LABEL_MAX - 1] + "\u2026",
            "title": " \u00b7 ".join(bits),
            "href": article_href(a),
            "outlet": outlets.index(outlet(a)),
            "layer": layer[(day_of[a], step[a])],
            "parents": [parent[a]] if a in parent else [],
            "root": a == story.root,
            "dated": when is not None,
        })
    edges = []
    for a, p in parent.items():
        l = links.get((p, a)) or links.get((a, p))
        reuse = l.reuse if l else 0.0
        pct = round(reuse * 100)
        edges.append({
            "source": p, "target": a,
            "width": round(1 + 2.5 * max(0.0, min(1.0, reuse)), 2),
            "decided": bool(l and l.decided),
            "title": (f"{a} retells {p}: {pct}% of it reused"
                      + (f", {l.derivation} derivation, {l.changes} fact change"
                         f"{'' if l.changes == 1 else 's'}"
                         + ("" if l.decided else "; direction undecided") if l else "")),
            "href": link_href(l.source_id, l.target_id) if l else article_href(a),
        })
    day_layers: dict[int, list[int]] = defaultdict(list)
    for (d, _), i in layer.items():
        day_layers[d].append(i)
    return {
        "nodes": nodes,
        "edges": edges,
        "days": [{"label": days[d].isoformat() if days else "date unknown",
                  "first": min(ls), "last": max(ls)} for d, ls in sorted(day_layers.items())],
        "outlets": outlets,
        "part": part,
        "parts": parts,
        "size": len(order),
    }


def story_facts(story: Story) -> tuple[list[dict[str, Any]], int]:
    """The facts table: facts carried by at least two articles (the rest is noise), at most
    ``FACTS_MAX`` rows; and how many such facts there are in all."""
    shared = [f for f in story.facts if len(f["carried_by"]) >= 2]
    rows = [{
        **f,
        "carried_shown": list(f["carried_by"][:FACT_CARRIERS_SHOWN]),
        "carried_more": max(0, len(f["carried_by"]) - FACT_CARRIERS_SHOWN),
        "changed_shown": list(f["changed_by"][:FACT_CARRIERS_SHOWN]),
        "changed_more": max(0, len(f["changed_by"]) - FACT_CARRIERS_SHOWN),
    } for f in shared[:FACTS_MAX]]
    return rows, len(shared)
