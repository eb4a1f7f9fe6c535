"""Trace who retold whom across a corpus.

The stages are pure functions over records, in their own modules (no I/O, no Spark):

    templates    text one outlet prints on many of its articles, learned and blanked
    tokens       Unicode-aware tokens and fact tokens (numbers, names) of a text
    fingerprint  per-article MinHash of 5-shingles and of content words, and fact-pair keys
    candidates   LSH banding per channel, bucket caps, pre-verification on fingerprints
    screen       siblings and shortcuts of a safe link, read from a millisecond measure
    verify       the pair pipeline on a candidate -> Link (or nothing)
    direction    which side is the source, and what evidence said so
    roles        outlets that are sources (agencies) or retell, learned from decided links
    stories      clusters of links: earliest source, chain, facts table

An engine (``retold.engines``) drives them against a store (``retold.store``).

The package is also the verb: ``retold.trace(...)`` calls :func:`trace` (``retold._verbs``),
while ``retold.trace.fingerprint`` and ``import retold.trace.verify`` stay the modules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from retold._verbs import make_callable
from retold.model import Article
from retold.trace.result import TraceResult

__all__ = ["TraceResult", "trace"]


def trace(
    articles: Iterable[Article | Mapping[str, Any]] | Iterable[str | Path] | str | Path,
    *,
    store: Any = None,
    engine: str = "local",
    workers: int = 1,
    progress: Any = None,
    **options: Any,
) -> TraceResult:
    """Find who retold whom in ``articles``; keep the work in ``store``.

    Args:
        articles: Articles, or dicts with the fields id, text or html, url, outlet, title,
            published; or a path (folder, .jsonl, .csv) or a list of paths.
        store: a Store, a path or URL for :func:`retold.store.open_store`, or None for a
            store in memory. A store that already holds articles is traced incrementally:
            only new articles are fingerprinted, searched and verified.
        engine: "local" (default), "spark" or "auto".
        workers: processes for the local engine.
        progress: ``fn(stage, done, total)`` called as the run goes.
        **options: fields of :class:`retold.engines.base.TraceOptions` (``batch_size``,
            ``compare``, ``params``).

    Returns:
        A TraceResult: counts for this run, every link in the store, and the stories.

    Example:
        >>> text = "Ten people died in Mosul on Monday, officials said. " * 3
        >>> r = trace([{"id": "a", "text": text, "published": "2020-01-01"},
        ...            {"id": "b", "text": text, "published": "2020-01-02"}])
        >>> [(l.source_id, l.target_id, l.evidence) for l in r.links]
        [('a', 'b', 'published')]
    """
    from retold.engines import TraceOptions, get_engine
    from retold.ingest import _from_record, read_inputs
    from retold.store import open_store

    items: Iterable[Any]
    if isinstance(articles, (str, Path)):
        items = read_inputs([articles])
    elif isinstance(articles, (list, tuple)) and articles and all(
            isinstance(a, (str, Path)) for a in articles):
        items = read_inputs(articles)  # type: ignore[arg-type]
    else:
        items = (
            a if isinstance(a, Article)
            else _from_record(dict(a), source="<trace>", line=None,  # type: ignore[arg-type]
                              default_id=f"#{i}")
            for i, a in enumerate(articles)  # type: ignore[arg-type]
        )
    own_store = store is None or isinstance(store, (str, Path))
    the_store = open_store(store if store is not None else "memory:") if own_store else store
    try:
        eng = get_engine(engine, workers=workers)
        return eng.run(items, the_store, options=TraceOptions(**options), progress=progress)
    finally:
        if own_store:
            the_store.close()


make_callable(__name__)
