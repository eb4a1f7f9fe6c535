"""Run golden pairs and check their must / must-not facts (shared by the golden tests and the
quality gate)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import retold
from retold.model import Change, Comparison, Excerpt

PAIRS_PATH = Path(__file__).with_name("pairs.json")


def load_pairs() -> list[dict[str, Any]]:
    return json.loads(PAIRS_PATH.read_text(encoding="utf-8"))


def _overlaps(spec: str | None, excerpt: Excerpt | None) -> bool:
    """A spec text matches an excerpt when one contains the other."""
    if spec is None:
        return True
    if excerpt is None:
        return False
    return spec in excerpt.text or excerpt.text in spec


def matches(spec: dict[str, Any], change: Change) -> bool:
    return (
        change.kind == spec["kind"]
        and spec.get("status", change.status) == change.status
        and _overlaps(spec.get("original"), change.original)
        and _overlaps(spec.get("retelling"), change.retelling)
    )


def violates(spec: dict[str, Any], change: Change) -> bool:
    """A must-not spec is violated by a change of its kind touching its text on either side."""
    if change.kind != spec["kind"]:
        return False
    return any(
        e is not None and (spec["text"] in e.text or e.text in spec["text"])
        for e in (change.original, change.retelling)
    )


@dataclass
class Outcome:
    comparison: Comparison
    missed: list[dict[str, Any]] = field(default_factory=list)
    found: list[dict[str, Any]] = field(default_factory=list)
    false_flags: list[tuple[dict[str, Any], Change]] = field(default_factory=list)


def run_pair(pair: dict[str, Any]) -> Outcome:
    c = retold.compare(
        pair["original"],
        pair["retelling"],
        original_published=pair.get("original_published"),
        retelling_published=pair.get("retelling_published"),
    )
    out = Outcome(c)
    for spec in pair["must"]:
        (out.found if any(matches(spec, ch) for ch in c.changes) else out.missed).append(spec)
    for spec in pair["must_not"]:
        out.false_flags.extend((spec, ch) for ch in c.changes if violates(spec, ch))
    return out
