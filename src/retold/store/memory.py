"""An in-memory store for tests and one-off runs (nothing survives the process)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Self

from retold.model import Article, Link
from retold.store.base import PENDING, REJECTED, VERIFIED, CandidateRow


class MemoryStore:
    """A :class:`~retold.store.base.Store` in dictionaries."""

    def __init__(self) -> None:
        self._articles: dict[int, Article] = {}
        self._seq: dict[str, int] = {}
        self._searched: set[int] = set()
        self._fps: dict[int, dict[str, Any]] = {}
        self._cands: dict[tuple[int, int], list[Any]] = {}
        self._links: dict[tuple[str, str], Link] = {}
        self.problems: list[tuple[str, int | None, str]] = []
        self._units: dict[int, tuple[str | None, bytes]] = {}
        self._templates: dict[str, frozenset[int]] = {}

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        pass

    def add_articles(self, articles: Sequence[Article]) -> list[str]:
        existing = []
        for a in articles:
            if a.id in self._seq:
                existing.append(a.id)
                continue
            seq = len(self._articles) + 1
            self._seq[a.id] = seq
            self._articles[seq] = a
        return existing

    def unfingerprinted(self, limit: int) -> list[tuple[int, str, str]]:
        out = [(s, a.id, a.text) for s, a in self._articles.items() if s not in self._fps]
        return out[:limit]

    def put_fingerprints(self, rows: Sequence[tuple[int, dict[str, Any]]]) -> None:
        self._fps.update(dict(rows))

    def fingerprints(self) -> Iterator[tuple[int, dict[str, Any], bool]]:
        for seq in sorted(self._fps):
            yield seq, self._fps[seq], seq in self._searched

    def put_candidates(self, rows: Iterable[CandidateRow], searched: Sequence[int]) -> None:
        for a, b, channels, shared, score, state in rows:
            self._cands.setdefault((a, b), [channels, shared, score, state])
        self._searched.update(searched)

    def survivors(self) -> Iterator[tuple[int, int, float]]:
        for (a, b), c in sorted(self._cands.items()):
            if c[3] != REJECTED:
                yield a, b, c[2]

    def pending(self, limit: int) -> list[tuple[int, int, int, float]]:
        out = [(a, b, c[0], c[2]) for (a, b), c in sorted(self._cands.items())
               if c[3] == PENDING]
        return out[:limit]

    def set_state(self, pairs: Sequence[tuple[int, int]], state: int) -> None:
        for p in pairs:
            self._cands[p][3] = state

    def articles(self, seqs: Sequence[int]) -> dict[int, Article]:
        return {s: self._articles[s] for s in seqs if s in self._articles}

    def article(self, article_id: str) -> Article | None:
        seq = self._seq.get(article_id)
        return self._articles[seq] if seq is not None else None

    def put_links(self, verified: Sequence[tuple[int, int]], links: Sequence[Link]) -> None:
        for l in links:
            self._links[(l.source_id, l.target_id)] = l
        for p in verified:
            self._cands[p][3] = VERIFIED

    def links(self) -> Iterator[Link]:
        for k in sorted(self._links):
            yield self._links[k]

    def published(self) -> dict[str, dt.date | None]:
        return {a.id: a.published for a in self._articles.values()}

    def outlets(self) -> dict[str, tuple[str | None, str | None]]:
        return {a.id: (a.outlet, a.url) for a in self._articles.values()}

    def add_problems(self, problems: Sequence[tuple[str, int | None, str]]) -> None:
        self.problems.extend(problems)

    def without_units(self, limit: int) -> list[tuple[int, str | None, str | None, str]]:
        out = [(s, a.outlet, a.url, a.text) for s, a in self._articles.items()
               if s not in self._units]
        return out[:limit]

    def put_units(self, rows: Sequence[tuple[int, str | None, bytes]]) -> None:
        for seq, outlet, keys in rows:
            self._units[seq] = (outlet, keys)

    def units(self) -> Iterator[tuple[int, str | None, bytes]]:
        for seq in sorted(self._units):
            yield seq, *self._units[seq]

    def templates(self) -> dict[str, frozenset[int]]:
        return dict(self._templates)

    def put_templates(self, templates: dict[str, frozenset[int]], redo: Sequence[int]) -> None:
        self._templates = dict(templates)
        gone = set(redo)
        ids = {self._articles[s].id for s in gone if s in self._articles}
        for s in gone:
            self._fps.pop(s, None)
            self._searched.discard(s)
        self._cands = {k: v for k, v in self._cands.items() if not gone & set(k)}
        self._links = {k: v for k, v in self._links.items() if not ids & set(k)}

    def counts(self) -> dict[str, int]:
        states = [c[3] for c in self._cands.values()]
        return {
            "articles": len(self._articles),
            "fingerprints": len(self._fps),
            "candidates": len(self._cands),
            "pending": states.count(PENDING),
            "verified": states.count(VERIFIED),
            "links": len(self._links),
        }
