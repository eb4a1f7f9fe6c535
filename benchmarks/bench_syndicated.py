"""Precision of `retold compare` on real syndicated copy, against a standards editor's annotation.

    python benchmarks/bench_syndicated.py [--texts DIR] [--annotations FILE] [--verbose]

Each pair is one agency story as two outlets ran it (benchmarks/syndicated/SOURCES.md says where
every text comes from). Every flagged change was annotated by hand in
benchmarks/syndicated/annotations.json as ``keep`` (a real difference a careful editor wants to
see) or ``noise`` (not a real difference, a duplicate, page clutter, a mis-read), keyed by the
change's identity: kind, status and the two span texts, never its position in the list, so the
annotation survives code changes. A flag with no annotation is listed: annotate it and re-run.

Texts whose licence does not allow redistribution are kept outside the repository: the script looks
for ``<id>/a.txt`` and ``<id>/b.txt`` under --texts (default $RETOLD_SYNDICATED_TEXTS, else
benchmarks/syndicated/texts) and skips, saying so, a pair it cannot find. It is a measurement,
not a test: it always exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from retold.compare import compare

HERE = Path(__file__).resolve().parent / "syndicated"
ANNOTATIONS = HERE / "annotations.json"
VERDICTS = ("keep", "noise")

Key = tuple[str, str, str, str]


def _norm(text: str | None) -> str:
    """Span text as compared: whitespace (no-break spaces too) collapsed, so re-spacing is no new flag."""
    return " ".join((text or "").split())


def change_key(change: dict[str, Any]) -> Key:
    """The stable identity of one flag in ``retold.comparison/1`` JSON."""
    original = change.get("original") or {}
    retelling = change.get("retelling") or {}
    return (change["kind"], change["status"], _norm(original.get("text")), _norm(retelling.get("text")))


def annotation_key(entry: dict[str, Any]) -> Key:
    return (entry["kind"], entry["status"], _norm(entry.get("original")), _norm(entry.get("retelling")))


@dataclass
class PairResult:
    pair_id: str
    flags: int = 0
    high: int = 0
    kept: int = 0
    high_kept: int = 0
    annotated: int = 0
    high_annotated: int = 0
    unannotated: list[dict[str, Any]] = field(default_factory=list)
    noise: list[tuple[dict[str, Any], str]] = field(default_factory=list)


def judge(pair_id: str, changes: list[dict[str, Any]], entries: list[dict[str, Any]]) -> PairResult:
    """Match flags to annotations by identity; repeated identical flags take ``verdicts`` in order.

    An entry has ``verdict`` (one for every flag with its key) or ``verdicts`` (a list for flags
    that repeat, the last one reused past its end), and a ``reason``.
    """
    by_key: dict[Key, dict[str, Any]] = {}
    for entry in entries:
        by_key[annotation_key(entry)] = entry
    seen: dict[Key, int] = defaultdict(int)
    result = PairResult(pair_id)
    for change in changes:
        key = change_key(change)
        is_high = change.get("severity") == "high"
        result.flags += 1
        result.high += is_high
        entry = by_key.get(key)
        if entry is None:
            result.unannotated.append(change)
            continue
        verdicts = entry.get("verdicts") or [entry["verdict"]]
        verdict = verdicts[min(seen[key], len(verdicts) - 1)]
        seen[key] += 1
        if verdict not in VERDICTS:
            raise ValueError(f"{pair_id}: verdict {verdict!r} for {key} is not one of {VERDICTS}")
        result.annotated += 1
        result.high_annotated += is_high
        if verdict == "keep":
            result.kept += 1
            result.high_kept += is_high
        else:
            result.noise.append((change, entry.get("reason", "")))
    return result


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "n/a (0)"


def _describe(change: dict[str, Any]) -> str:
    kind, status, original, retelling = change_key(change)
    return f"{change.get('severity', '?'):<6} {kind} {status}: {original!r} -> {retelling!r}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path,
                        default=Path(os.environ.get("RETOLD_SYNDICATED_TEXTS", HERE / "texts")))
    parser.add_argument("--annotations", type=Path, default=ANNOTATIONS)
    parser.add_argument("--verbose", action="store_true", help="also list every noise flag")
    args = parser.parse_args(argv)

    spec = json.loads(args.annotations.read_text(encoding="utf-8"))
    results: list[PairResult] = []
    skipped: list[str] = []
    for pair in spec["pairs"]:
        folder = args.texts / pair["id"]
        a, b = folder / "a.txt", folder / "b.txt"
        if not (a.is_file() and b.is_file()):
            skipped.append(pair["id"])
            continue
        comparison = compare(a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8"))
        results.append(judge(pair["id"], comparison.to_dict()["changes"], pair.get("flags", [])))

    if skipped:
        print(f"skipped {len(skipped)} pair(s) whose texts are not under {args.texts} "
              f"(see benchmarks/syndicated/SOURCES.md to fetch them): {', '.join(skipped)}")
    flags = sum(r.flags for r in results)
    annotated = sum(r.annotated for r in results)
    high_ann = sum(r.high_annotated for r in results)
    print(f"pairs {len(results)} of {len(spec['pairs'])} | flags {flags} "
          f"(HIGH {sum(r.high for r in results)}) | annotated share {ratio(annotated, flags)}")
    for r in results:
        print(f"  {r.pair_id}: flags {r.flags}, HIGH {r.high}, kept {r.kept}, "
              f"unannotated {len(r.unannotated)}")
        if args.verbose:
            for change, reason in r.noise:
                print(f"      noise  {_describe(change)}  [{reason}]")
    for r in results:
        for change in r.unannotated:
            print(f"UNANNOTATED {r.pair_id}: {_describe(change)}")
    print(f"SYNDICATED pairs {len(results)} | precision HIGH {ratio(sum(r.high_kept for r in results), high_ann)}"
          f" | precision all {ratio(sum(r.kept for r in results), annotated)}"
          f" | unannotated {flags - annotated} | skipped {len(skipped)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
