"""Where `retold trace` loses real reuse: link recall after each stage, on a labelled corpus.

    python benchmarks/counter_stages.py COUNTER.jsonl [--pairs PAIRS.jsonl] [--store X.db]

COUNTER.jsonl is the corpus ``../shared/eval/make_counter_corpus.py`` writes (ids ``NNNN`` for
an agency story, ``NNNNp`` for the newspaper story written from it); PAIRS.jsonl the labelled
pairs (default ``$RETOLD_DEV_DATA/counter/pairs.jsonl``, else ``../shared/dev-data/counter/
pairs.jsonl`` from the working directory), read the way ``score_counter_links.py`` reads them:
a WD or PD pair is a gold link, an ND pair (one event, written independently) must not be one.

The corpus is traced into a fresh SQLite store (or ``--store``, kept for a look afterwards;
an existing store is read as it is, not traced again), and each labelled pair is followed
through the stages:

    search            a candidate of some channel (shingles, words, facts)
    pre-verification  kept by the fingerprint estimate (candidates.worth_verifying)
    third article     not skipped as explained by an earlier third article
    verification      the pair pipeline found reuse at the link floor (verify.verify_pair)
    resolve           kept as a link, not dropped as a sibling or a chain shortcut

Printed: for WD, PD, all gold pairs and ND pairs, how many are still there after each stage
(for ND, fewer is better). No data is written into the repository; always exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import retold
from retold.engines.base import resolved_links
from retold.store import open_store
from retold.store.base import REJECTED, THIRD

STAGES = ("search", "pre-verification", "third article", "verification", "resolve")
LABELS = ("WD", "PD", "gold", "ND")


def default_pairs() -> Path:
    root = os.environ.get("RETOLD_DEV_DATA")
    base = Path(root) if root else Path("..") / "shared" / "dev-data"
    return base / "counter" / "pairs.jsonl"


def labelled_pairs(pairs: Path, corpus_ids: set[str]) -> list[tuple[str, str, str]]:
    """``(agency id, paper id, label)`` of the pairs whose two documents are in the corpus."""
    out = []
    for line in pairs.open(encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            a, p = r["pair_id"], r["pair_id"] + "p"
            if a in corpus_ids and p in corpus_ids:
                out.append((a, p, r["label"]))
    return out


def last_stage(db: Path, pairs: list[tuple[str, str, str]]) -> dict[tuple[str, str], int]:
    """How many stages each pair passed (0: never a candidate .. 5: a link)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    seq = dict(con.execute("SELECT id, seq FROM articles"))
    state = {(a, b): s for a, b, s in con.execute("SELECT a, b, state FROM candidates")}
    reuse = {frozenset(k) for k in con.execute("SELECT source_id, target_id FROM links")}
    con.close()
    with open_store(str(db)) as store:
        links = {frozenset((l.source_id, l.target_id)) for l in resolved_links(store).links}
    out = {}
    for a, p, _ in pairs:
        key = (min(seq[a], seq[p]), max(seq[a], seq[p]))
        pair = frozenset((a, p))
        if key not in state:
            passed = 0
        elif state[key] == REJECTED:
            passed = 1
        elif state[key] == THIRD:
            passed = 2
        elif pair not in reuse:
            passed = 3
        else:
            passed = 5 if pair in links else 4
        out[(a, p)] = passed
    return out


def table(pairs: list[tuple[str, str, str]], passed: dict[tuple[str, str], int]) -> str:
    total = Counter()
    after: Counter[tuple[str, int]] = Counter()
    for a, p, label in pairs:
        groups = (label, "gold") if label in ("WD", "PD") else (label,)
        for g in groups:
            total[g] += 1
            for stage in range(passed[(a, p)]):
                after[(g, stage)] += 1
    head = "| stage | " + " | ".join(f"{g} ({total[g]})" for g in LABELS) + " |"
    rows = [head, "|---" * (len(LABELS) + 1) + "|"]
    for i, name in enumerate(STAGES):
        cells = []
        for g in LABELS:
            n = after[(g, i)]
            cells.append(f"{n} ({n / total[g]:.3f})" if total[g] else "-")
        rows.append(f"| after {name} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--pairs", type=Path, default=None)
    ap.add_argument("--store", type=Path, default=None,
                    help="SQLite store to trace into (kept); an existing one is only read")
    a = ap.parse_args(argv)
    pairs_path = a.pairs or default_pairs()
    corpus_ids = {json.loads(l)["id"] for l in a.corpus.open(encoding="utf-8") if l.strip()}
    pairs = labelled_pairs(pairs_path, corpus_ids)
    with tempfile.TemporaryDirectory() as tmp:
        db = a.store or Path(tmp) / "trace.db"
        if not db.exists():
            t0 = time.perf_counter()
            r = retold.trace(a.corpus, store=str(db))
            print(f"traced {r.articles} articles: {r.candidates} candidates, "
                  f"{r.verified} verified, {len(r.links)} links in "
                  f"{time.perf_counter() - t0:.1f} s", file=sys.stderr)
        passed = last_stage(db, pairs)
    print(f"{len(pairs)} labelled pairs of {pairs_path}; pairs still there after each stage "
          "(gold: recall; ND: fewer is better)")
    print(table(pairs, passed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
