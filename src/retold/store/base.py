"""The store seam: what a trace run keeps between runs, behind one small protocol.

A run writes in batches, each batch in one transaction, and marks what it finished (articles
fingerprinted, articles searched for candidates, candidates verified), so a run killed at any
moment loses at most the batch in flight, and the next run picks up where it stopped.

Articles get a ``seq`` number in the order they were first stored; candidate pairs are kept
as ``(a, b)`` seq numbers with ``a < b``.

Candidate states: ``REJECTED`` (pre-verification said no), ``PENDING`` (to verify),
``VERIFIED`` (the pair pipeline ran; a link was stored if the reuse was real), ``THIRD``
(not verified: a third article explains the overlap, see candidates.prune_through_third),
``SCREENED`` (not verified: a sibling or chain shortcut of a safe link, see trace.screen).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol, Self, runtime_checkable

from retold.model import Article, Link

SCHEMA_VERSION = 1
REJECTED, PENDING, VERIFIED, THIRD, SCREENED = 0, 1, 2, 3, 4

CandidateRow = tuple[int, int, int, int, float, int]  # a, b, channels, shared facts, score, state


@runtime_checkable
class Store(Protocol):
    """Where articles, fingerprints, candidates and links live between runs."""

    def add_articles(self, articles: Sequence[Article]) -> list[str]:
        """Store new articles (one transaction); return the ids that were already stored."""

    def unfingerprinted(self, limit: int) -> list[tuple[int, str, str]]:
        """Up to ``limit`` articles with no fingerprint yet: ``(seq, id, text)``."""

    def put_fingerprints(self, rows: Sequence[tuple[int, dict[str, Any]]]) -> None:
        """Store fingerprint records by seq (one transaction)."""

    def fingerprints(self) -> Iterator[tuple[int, dict[str, Any], bool]]:
        """Every fingerprint: ``(seq, record, searched)`` (searched: candidates already found)."""

    def put_candidates(self, rows: Iterable[CandidateRow], searched: Sequence[int]) -> None:
        """Store candidate pairs (read once, as they come) and mark articles searched (one
        transaction)."""

    def survivors(self) -> Iterator[tuple[int, int, float]]:
        """Candidates that passed pre-verification (any state but REJECTED): ``(a, b, score)``."""

    def pending(self, limit: int) -> list[tuple[int, int, int, float]]:
        """Up to ``limit`` candidates to verify: ``(a, b, channels, score)``."""

    def set_state(self, pairs: Sequence[tuple[int, int]], state: int) -> None:
        """Set the state of candidate pairs ``(a, b)`` (one transaction)."""

    def articles(self, seqs: Sequence[int]) -> dict[int, Article]:
        """Articles by seq."""

    def article(self, article_id: str) -> Article | None:
        """One article by its id."""

    def put_links(self, verified: Sequence[tuple[int, int]], links: Sequence[Link]) -> None:
        """Store links and mark their candidates verified (one transaction)."""

    def links(self) -> Iterator[Link]:
        """Every link, in (source_id, target_id) order."""

    def published(self) -> dict[str, dt.date | None]:
        """Publication date by article id (for stories)."""

    def outlets(self) -> dict[str, tuple[str | None, str | None]]:
        """``(outlet, url)`` by article id, as given (for outlet roles)."""

    def add_problems(self, problems: Sequence[tuple[str, int | None, str]]) -> None:
        """Record input problems ``(source, line, reason)`` of this run."""

    # -- outlet templates (retold.trace.templates)

    def without_units(self, limit: int) -> list[tuple[int, str | None, str | None, str]]:
        """Up to ``limit`` articles whose unit keys are not stored: ``(seq, outlet, url, text)``."""

    def put_units(self, rows: Sequence[tuple[int, str | None, bytes]]) -> None:
        """Store ``(seq, outlet key, unit keys as <u8 bytes)`` (one transaction)."""

    def units(self) -> Iterator[tuple[int, str | None, bytes]]:
        """Every stored ``(seq, outlet key, unit keys)``, in seq order."""

    def templates(self) -> dict[str, frozenset[int]]:
        """The outlet templates learned so far: outlet key -> template unit keys."""

    def put_templates(self, templates: dict[str, frozenset[int]], redo: Sequence[int]) -> None:
        """Replace the templates; forget the fingerprints, candidates and links of ``redo``
        (articles whose template text changed), so the run re-does them (one transaction)."""

    def counts(self) -> dict[str, int]:
        """articles, fingerprints, candidates, pending, links."""

    def close(self) -> None:
        """Release the store (idempotent)."""

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...
