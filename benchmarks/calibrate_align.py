"""Print the similarity margins the alignment thresholds sit in.

    python benchmarks/calibrate_align.py [--semantic]

For the worked example and every golden pair (tests/golden/pairs.json): the weakest score of a
sentence the aligner kept (its best link), and the strongest best-score of a sentence it left
dropped or added. LINK_THRESHOLD must sit between the two columns; a row where "kept min" is
below "left max" is a pair whose margin is gone. Echo links (teasers) are listed apart: they
join through the retelling's own sentences, not through their score against the original.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from retold.align import LINK_THRESHOLD, align
from retold.align.scorers import tfidf_matrix
from retold.read import read_source, read_text
from retold.segment import segment

ROOT = Path(__file__).resolve().parent.parent


def margins(original: str, retelling: str, semantic: bool) -> tuple[float, float, int]:
    o = segment(read_text(original))
    r = segment(read_text(retelling))
    left, right = [s.text for s in o], [s.text for s in r]
    sim = tfidf_matrix(left, right)
    if semantic:
        from retold.align.semantic import SEMANTIC_THRESHOLD, blended_matrix, embedding_matrix

        sim = blended_matrix(sim, embedding_matrix(left, right))
        result = align(o, r, similarity=sim, threshold=SEMANTIC_THRESHOLD)
    else:
        result = align(o, r)
    dense = np.asarray(sim.todense())
    best_kept = [max(dense[i, j] for i in p.original) for p in result.pairs for j in p.retelling]
    echoes = sum(1 for v in best_kept if v < (LINK_THRESHOLD if not semantic else 0.0))
    real = sorted(v for v in best_kept if v >= LINK_THRESHOLD) or [float("nan")]
    left_over = [dense[i].max() for i in result.dropped] + [dense[:, j].max() for j in result.added]
    return real[0], max(left_over, default=0.0), echoes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--semantic", action="store_true")
    args = parser.parse_args(argv)
    example = ROOT / "examples" / "isis-iraq-2020"
    rows = [("worked example",
             read_source(str(example / "original.txt")).text,
             read_source(str(example / "retelling.txt")).text)]
    pairs = json.loads((ROOT / "tests" / "golden" / "pairs.json").read_text(encoding="utf-8"))
    rows += [(p["name"], p["original"], p["retelling"]) for p in pairs]
    print(f"threshold {LINK_THRESHOLD:.2f}{' (lexical)' if not args.semantic else ''}")
    print(f"{'pair':<40} {'kept min':>9} {'left max':>9} {'echoes':>7}")
    for name, original, retelling in rows:
        kept, left, echoes = margins(original, retelling, args.semantic)
        print(f"{name:<40} {kept:>9.3f} {left:>9.3f} {echoes:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
