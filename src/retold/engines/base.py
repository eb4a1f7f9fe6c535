"""The engine seam: who runs the pure trace stages, and where.

An engine maps the stage functions of :mod:`retold.trace` (fingerprint_many, verify_many)
over chunks of records and drives the stages against a store. The local engine does it in
this process or a pool of processes; a Spark engine (``retold.engines.spark``, the only module
that imports pyspark) runs the same functions as UDFs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, TypeVar

import numpy as np

from retold.model import Article
from retold.store.base import Store
from retold.trace import resolve as rs
from retold.trace import roles
from retold.trace import stories as st
from retold.trace import templates as tp
from retold.trace.candidates import SearchParams
from retold.trace.result import TraceResult
from retold.trace.verify import CompareFn

T = TypeVar("T")
R = TypeVar("R")

# progress(stage, done, total): stage is "ingest", "fingerprint", "search", "verify", "stories";
# total is None when not known in advance.
Progress = Callable[[str, int, "int | None"], None]


@dataclass(frozen=True, slots=True)
class TraceOptions:
    """Keyword-only knobs of a trace run."""

    params: SearchParams = field(default_factory=SearchParams)
    batch_size: int = 500  # articles or candidate pairs per transaction
    compare: CompareFn | None = None  # the pair pipeline (None: retold.compare)
    # True: every verified reuse is a link (siblings and chain shortcuts included); False:
    # only where the target retells the source (see retold.trace.resolve).
    all_pairs: bool = False
    # True: text an outlet prints on many of its articles is learned and ignored for search,
    # verification and stories (retold.trace.templates); False: all text counts.
    templates: bool = True


class Engine(Protocol):
    name: str

    def map(self, fn: Callable[[T], R], chunks: Iterable[T]) -> Iterator[R]:
        """``fn`` over ``chunks``, results in order."""

    def run(
        self,
        items: Iterable[object],
        store: Store,
        *,
        options: TraceOptions = TraceOptions(),
        progress: Progress | None = None,
    ) -> TraceResult:
        """Ingest ``items`` (Articles and ingest.Problems) into ``store`` and trace them."""

    def close(self) -> None:
        """Release workers."""


__all__ = ["Article", "Engine", "Progress", "TraceOptions"]


def store_items(items: Iterable[object], store: Store, options: TraceOptions,
                result: TraceResult, report: Progress) -> None:
    """Store new articles and input problems in batches; the first stage of every engine."""
    batch: list[Article] = []
    problems: list[Any] = []

    def flush() -> None:
        if batch:
            existing = set(store.add_articles(batch))
            result.already_stored += len(existing)
            result.added += len(batch) - len(existing)
            # An id sent again with another text or date (a corrected or updated story) is
            # not stored over the first: say so, or the update is lost without a word.
            # (a skipped row, not one already stored: counted once)
            for a in batch:
                old = store.article(a.id) if a.id in existing else None
                if old is not None and (old.text, old.published) != (a.text, a.published):
                    result.already_stored -= 1
                    problems.append(Problem(
                        str(getattr(store, "path", "the store")), None,
                        f"id {a.id!r} is already stored with another text or date; the "
                        "stored version is kept (give a new version its own id)"))
            batch.clear()
        if problems:
            store.add_problems([(p.source, p.line, p.reason) for p in problems])
            result.problems.extend(problems)
            problems.clear()
        report("ingest", result.added + result.already_stored, None)

    from retold.ingest import Problem, check_article

    for item in items:
        if isinstance(item, Article):
            # One article no store can hold (a lone surrogate, a blank id, over the size
            # limit) is a problem reported with its id; it must not roll back its batch.
            bad = check_article(item, source="<articles>")
            if bad is not None:
                problems.append(bad)
                continue
            batch.append(item)
            if len(batch) >= options.batch_size:
                flush()
        else:
            problems.append(item)
    flush()


def learn_templates(
    store: Store,
    mapper: Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[Any]],
    options: TraceOptions,
    result: TraceResult,
    report: Progress,
) -> dict[str, frozenset[int]]:
    """The outlet-templates stage of every engine (``retold.trace.templates``).

    Unit keys of articles that have none yet (mapped in chunks by ``mapper``), then templates
    learned from every article of the store; where they changed, the articles that carry a
    changed unit lose their fingerprint, candidates and links, so the run re-does them with
    the new template text blanked (a re-run agrees with one run over everything).
    """
    size = options.batch_size
    done = 0
    while True:
        rows = store.without_units(size * 8)
        if not rows:
            break
        chunks = [rows[i : i + size] for i in range(0, len(rows), size)]
        for out in mapper(tp.unit_rows, chunks):
            store.put_units(out)
            done += len(out)
            report("templates", done, None)
    all_rows = list(store.units())
    learned = tp.learn((outlet, np.frombuffer(keys, dtype="<u8")) for _, outlet, keys in all_rows
                       ) if options.templates else {}
    before = store.templates()
    if learned != before:
        redo = tp.affected(all_rows, tp.changed_outlets(before, learned))
        store.put_templates(learned, redo)
        result.template_redo = len(redo)
    result.templates = sum(len(k) for k in learned.values())
    return learned


def article_text(article: Article, templates: tp.Templates) -> Article:
    """``article`` with its outlet's template text blanked (what search and verify read)."""
    template = templates.get(tp.outlet_of(article.outlet, article.url) or "")
    if not template:
        return article
    text = tp.blank(article.text, template)
    return article if text is article.text else replace(article, text=text)


def outlet_keys(store: Store) -> dict[str, str | None]:
    """The outlet of each article of ``store`` (its outlet field, else its URL's host)."""
    return {aid: tp.outlet_of(o, u) for aid, (o, u) in store.outlets().items()}


def resolved_links(store: Store, *, all_pairs: bool = False) -> rs.Resolution:
    """The store's verified reuse, resolved into links, siblings and chain shortcuts.

    Links neither time nor containment directed are first directed by outlet roles
    (:mod:`retold.trace.roles`) where the corpus names the outlets.
    """
    reuse = list(store.links())
    templates = store.templates()

    def text_of(aid: str) -> str:
        a = store.article(aid)
        return article_text(a, templates).text if a is not None else ""

    outlet, published = outlet_keys(store), store.published()
    if all_pairs:
        learned = rs.outlet_roles(reuse, text_of, published, outlet)
        return rs.Resolution(links=roles.direct(reuse, outlet, roles=learned))
    return rs.resolve(reuse, text_of, published, outlet=outlet)


def finish(store: Store, options: TraceOptions, result: TraceResult) -> None:
    """The last stage of every engine: links (resolved) and stories from the whole store."""
    resolution = resolved_links(store, all_pairs=options.all_pairs)
    result.links = resolution.links
    result.siblings = resolution.siblings
    result.stories = st.build(result.links, store.published())
