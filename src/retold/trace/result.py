"""What a trace run returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from retold.model import Link, Story


@dataclass(slots=True)
class TraceResult:
    """The outcome of one ``trace`` run over a store (counts are for this run unless *total*)."""

    articles: int = 0  # articles in the store after the run (total)
    added: int = 0  # new articles this run
    already_stored: int = 0  # articles of the input the store already had (skipped)
    problems: list[Any] = field(default_factory=list)  # ingest.Problem, in input order
    templates: int = 0  # outlet template units known after the run (total)
    template_redo: int = 0  # articles re-done because their template text changed
    fingerprinted: int = 0
    candidates: int = 0  # candidate pairs found this run (all channels)
    rejected: int = 0  # of those, dropped by pre-verification
    third: int = 0  # of those, not verified: a third article explains the overlap
    screened: int = 0  # of those, not verified: siblings or shortcuts of a safe link (screen)
    verified: int = 0  # pairs the pair pipeline ran on this run
    new_links: int = 0
    links: list[Link] = field(default_factory=list)  # every link in the store
    stories: list[Story] = field(default_factory=list)  # every story, biggest first
    # pairs of retellings of one source (resolve.Sibling): share a source, not a link
    siblings: list[Any] = field(default_factory=list)
    search: dict[str, Any] = field(default_factory=dict)  # candidates.SearchStats as a dict
    seconds: dict[str, float] = field(default_factory=dict)  # wall time by stage, and "total"

    def summary(self) -> dict[str, Any]:
        """The figures the CLI prints at the end of a run."""
        return {
            "articles": self.articles,
            "added": self.added,
            "already_stored": self.already_stored,
            "problems": len(self.problems),
            "templates": self.templates,
            "candidates": self.candidates,
            "rejected": self.rejected,
            "explained_by_third": self.third,
            "screened": self.screened,
            "verified": self.verified,
            "new_links": self.new_links,
            "links": len(self.links),
            "siblings": len(self.siblings),
            "stories": len(self.stories),
            "capped_buckets": self.search.get("capped_buckets", 0),
            "seconds": round(self.seconds.get("total", 0.0), 2),
            "stages": {k: round(v, 2) for k, v in self.seconds.items() if k != "total"},
        }
