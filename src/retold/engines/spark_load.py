"""Load a Spark engine output folder into the embedded store (pyarrow only; no Spark needed).

    retold spark-load OUT --store news.db
    retold links news.db; retold stories news.db; retold show news.db SOURCE->TARGET

The folder is what ``retold trace --engine spark --out OUT`` (or the spark-submit job) wrote:
the articles come from ``OUT/_stages/articles`` (their texts are needed by ``retold show``),
the links from ``OUT/links``, the skipped input rows from ``OUT/problems``. Stories are not
loaded: the store derives them from the links, as ``retold stories`` does for a local run.
The folder must be on a local (or mounted) filesystem: copy a cluster's output down first
(``aws s3 sync``, ``gsutil rsync``, ``hdfs dfs -get``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from retold.errors import MissingExtra, StoreError
from retold.model import Article, Link
from retold.store.base import Store
from retold.trace import templates as tp
from retold.trace import times

BATCH = 2000


def _dataset(path: Path) -> Any:
    try:
        import pyarrow.dataset as ds
    except ImportError as exc:  # pragma: no cover - the extra is missing
        raise MissingExtra("pyarrow", "spark", "Loading Spark output") from exc
    return ds.dataset(str(path), format="parquet", partitioning="hive",
                      exclude_invalid_files=True)


def _rows(path: Path, columns: list[str]) -> Iterator[dict[str, Any]]:
    for batch in _dataset(path).to_batches(columns=columns, batch_size=BATCH):
        yield from batch.to_pylist()


def read_links(out: str | Path) -> list[Link]:
    """Every link of a Spark output folder, in (source_id, target_id) order."""
    path = Path(out) / "links"
    if not path.is_dir():
        raise StoreError(f"{out} has no links/ folder: is it the --out of a finished "
                         "`retold trace --engine spark` run?")
    links = [_link(r) for r in _rows(path, _LINK_COLUMNS)]
    links.sort(key=lambda l: (l.source_id, l.target_id))
    return links


_LINK_COLUMNS = ["source_id", "target_id", "decided", "evidence", "reuse", "carried",
                 "derivation", "changes", "channels", "similarity", "detail", "facts"]


def _link(r: dict[str, Any]) -> Link:
    return Link(source_id=r["source_id"], target_id=r["target_id"], decided=bool(r["decided"]),
                evidence=r["evidence"], reuse=r["reuse"], carried=r["carried"],
                derivation=r["derivation"], changes=r["changes"],
                channels=tuple(r["channels"] or ()), similarity=r["similarity"],
                detail=r["detail"], facts=tuple(json.loads(r["facts"])))


def read_comparison(out: str | Path, link_id: str) -> dict[str, Any] | None:
    """The stored comparison (``retold.comparison/1``) of one link, or None."""
    import pyarrow.compute as pc

    table = _dataset(Path(out) / "comparisons").to_table(
        columns=["comparison"], filter=pc.field("id") == link_id)
    values = table.column("comparison").to_pylist()
    return json.loads(values[0]) if values else None


def load(out: str | Path, store: Store) -> dict[str, int]:
    """Import articles, links and problems of a Spark output folder into ``store``.

    Articles already in the store are kept as they are (ids are the key); links are replaced.
    Returns counts: articles (new), already_stored, links, problems.
    """
    out = Path(out)
    links = read_links(out)  # first: fail before writing anything if the run did not finish
    arts = out / "_stages" / "articles"
    if not (arts / "_SUCCESS").exists():
        raise StoreError(f"{out} has no finished _stages/articles: the article texts are "
                         "needed for `retold show`; re-run the Spark job to finish it")
    counts = {"articles": 0, "already_stored": 0, "links": 0, "problems": 0}
    cols = ["seq", "id", "text", "title", "url", "outlet", "published", "author"]
    rows = sorted(_rows(arts, cols), key=lambda r: r["seq"])  # one order for every loader run
    for i in range(0, len(rows), BATCH):
        batch = [Article(id=r["id"], text=r["text"], title=r["title"], url=r["url"],
                         outlet=r["outlet"], author=r["author"],
                         published=times.from_iso(r["published"]) if r["published"]
                         else None) for r in rows[i : i + BATCH]]
        existing = store.add_articles(batch)
        counts["already_stored"] += len(existing)
        counts["articles"] += len(batch) - len(existing)
    for i in range(0, len(links), BATCH):
        store.put_links([], links[i : i + BATCH])
    learned = out / "templates.json"
    if learned.exists():  # the outlet templates the run ignored (for `retold show`)
        store.put_templates(tp.from_rows(json.loads(learned.read_text(encoding="utf-8"))), [])
    counts["links"] = len(links)
    problems = out / "problems"
    if problems.is_dir():
        found = [(r["source"], r["line"], r["reason"])
                 for r in _rows(problems, ["source", "line", "reason"])]
        if found:
            store.add_problems(found)
        counts["problems"] = len(found)
    return counts


__all__ = ["load", "read_comparison", "read_links"]
