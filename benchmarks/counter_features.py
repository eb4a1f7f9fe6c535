"""What tells a rewrite from an independent report of one event: measures scored on COUNTER.

    python benchmarks/counter_features.py [--pairs PAIRS.jsonl] [--band 0.27 0.45]

PAIRS.jsonl: the labelled pairs (default ``$RETOLD_DEV_DATA/counter/pairs.jsonl``, else
``../shared/dev-data/counter/pairs.jsonl`` from the working directory): Urdu agency copy and a
newspaper story, labelled wholly (WD), partially (PD) or not derived (ND). Each text is headline,
blank line, body (as ``../shared/eval/score_counter.py`` reads them).

For every measure of the pair (agency -> paper) it prints

    AUC        derived (WD + PD) against ND, over all pairs;
    band AUC   PD against ND among the pairs whose ``reuse`` lies in the band (default 0.27-0.45):
               where the link floor of ``retold.trace.verify`` decides, and where the two mix;
    CV F1      2-class macro-F1 of one cut-off on the measure, chosen on 9 folds and applied to
               the 10th (stratified, seeded), pooled: what a fixed threshold on it can reach.

and, last, the same CV figure for a logistic regression over all the measures together (an
upper bound for a linear mix of them; nothing in retold is fitted to these rows).

The measures: ``reuse`` and ``carried`` (``retold.reuse.reuse_of``: shared 1-3-word runs),
``order`` (``retold.reuse.in_order``), coverage by shared n-grams of one length (n = 1, 3, 5),
and candidates that are *not* in retold, kept here as evidence: content-word overlap and
content-word order (content: words in fewer than 30 % of the corpus's documents, i.e. a
corpus document frequency), the order of anchor words (words once in each text: share in one
increasing run), shared numbers (Jaccard), character 6-gram containment, and the share of the
paper's sentences that are mostly shared runs (a local rewrite rather than a diffuse one), and
the spread of the shared text (share of the paper's sentences with a shared 3-word run).

No data is written; always exits 0. Needs only retold's own dependencies (scikit-learn for the
regression).
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from rapidfuzz.distance import LCSseq

from retold.reuse import FUNCTION_WORDS, coverage, in_order, reuse_of, shared_runs, tokens

CONTENT_DF = 0.30  # a word in fewer than this share of the documents is a content word
_SENTENCE = re.compile(r"[.!?\u06d4\u061f\n]+")


def default_pairs() -> Path:
    root = os.environ.get("RETOLD_DEV_DATA")
    base = Path(root) if root else Path("..") / "shared" / "dev-data"
    return base / "counter" / "pairs.jsonl"


def load(path: Path) -> list[tuple[str, str, str]]:
    """``(agency text, paper text, label)`` of every labelled pair."""
    out = []
    for line in path.open(encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            out.append((r["source_headline"].strip() + "\n\n" + r["source_body"],
                        r["derived_headline"].strip() + "\n\n" + r["derived_body"], r["label"]))
    return out


def longest_increasing(xs: Sequence[int]) -> int:
    tails: list[int] = []
    for x in xs:
        i = bisect.bisect_left(tails, x)
        tails[i:i + 1] = [x]
    return len(tails)


def measures(a: str, b: str, df: Counter[str], n_docs: int) -> dict[str, float]:
    """Every measure of agency text ``a`` -> paper text ``b``."""
    o, t = tokens(a), tokens(b)
    f: dict[str, float] = {}
    f["reuse"], f["carried"] = reuse_of(a, b)
    f["order"] = in_order(a, b)
    for n in (1, 3, 5):
        f[f"runs of {n}"] = coverage(o, t, n)
    content = {w for w in set(o) | set(t) if df[w] < CONTENT_DF * n_docs}
    oc, tc = [w for w in o if w in content], [w for w in t if w in content]
    f["content overlap"] = sum(1 for w in tc if w in set(oc)) / max(1, len(tc))
    f["content order"] = LCSseq.similarity(oc, tc) / max(1, len(tc))
    co, ct = Counter(o), Counter(t)
    first = {w: i for i, w in reversed(list(enumerate(o)))}
    anchors = [first[w] for w in t if co[w] == 1 and ct[w] == 1]
    f["anchor order"] = longest_increasing(anchors) / max(1, len(anchors))
    na, nb = {w for w in o if w.isdigit()}, {w for w in t if w.isdigit()}
    f["shared numbers"] = len(na & nb) / len(na | nb) if na | nb else 0.0
    ca, cb = _chars(a), _chars(b)
    grams = {ca[i:i + 6] for i in range(len(ca) - 5)}
    f["char 6-grams"] = sum(1 for i in range(len(cb) - 5) if cb[i:i + 6] in grams) / max(
        1, len(cb) - 5)
    sents = [tokens(s) for s in _SENTENCE.split(b)]
    sents = [s for s in sents if len(s) >= 3]
    local = [len(s) for s in sents if shared_runs(o, s, FUNCTION_WORDS) >= 0.5]
    f["local sentences"] = sum(local) / max(1, sum(len(s) for s in sents))
    tri = {tuple(o[i:i + 3]) for i in range(len(o) - 2)}
    spread = [s for s in sents if any(tuple(s[i:i + 3]) in tri for i in range(len(s) - 2))]
    f["spread"] = len(spread) / max(1, len(sents))
    return f


def _chars(text: str) -> str:
    return " ".join(tokens(unicodedata.normalize("NFKC", text)))


def auc(pos: Sequence[float], neg: Sequence[float]) -> float:
    if not pos or not neg:
        return float("nan")
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / (len(pos) * len(neg))


def macro_f1(pred: Sequence[bool], gold: Sequence[bool]) -> float:
    f1s = []
    for c in (True, False):
        tp = sum(1 for p, g in zip(pred, gold) if p == c and g == c)
        fp = sum(1 for p, g in zip(pred, gold) if p == c and g != c)
        fn = sum(1 for p, g in zip(pred, gold) if p != c and g == c)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / 2


def folds(gold: Sequence[bool], k: int = 10, seed: int = 20261121) -> list[int]:
    """A stratified fold number for every item."""
    out = [0] * len(gold)
    rng = random.Random(seed)
    for c in (True, False):
        idx = [i for i, g in enumerate(gold) if g == c]
        rng.shuffle(idx)
        for j, i in enumerate(idx):
            out[i] = j % k
    return out


def cv_cut(xs: Sequence[float], gold: Sequence[bool], fold: Sequence[int]) -> float:
    """Pooled held-out macro-F1 of one cut-off chosen on the other folds."""
    pred = [False] * len(xs)
    for k in set(fold):
        train = [i for i in range(len(xs)) if fold[i] != k]
        cuts = sorted({xs[i] for i in train})
        best = max(cuts, key=lambda c: macro_f1([xs[i] >= c for i in train],
                                                [gold[i] for i in train]))
        for i in range(len(xs)):
            if fold[i] == k:
                pred[i] = xs[i] >= best
    return macro_f1(pred, gold)


def cv_logistic(rows: Sequence[Sequence[float]], gold: Sequence[bool],
                fold: Sequence[int]) -> float:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    pred = [False] * len(rows)
    for k in set(fold):
        train = [i for i in range(len(rows)) if fold[i] != k]
        model = make_pipeline(StandardScaler(), LogisticRegression(class_weight="balanced"))
        model.fit([rows[i] for i in train], [gold[i] for i in train])
        test = [i for i in range(len(rows)) if fold[i] == k]
        for i, p in zip(test, model.predict([rows[i] for i in test])):
            pred[i] = bool(p)
    return macro_f1(pred, gold)


def report(pairs: list[tuple[str, str, str]], band: tuple[float, float]) -> str:
    df: Counter[str] = Counter()
    for a, b, _ in pairs:
        df.update(set(tokens(a)))
        df.update(set(tokens(b)))
    n_docs = 2 * len(pairs)
    rows = [measures(a, b, df, n_docs) for a, b, _ in pairs]
    labels = [label for _, _, label in pairs]
    gold = [label != "ND" for label in labels]
    fold = folds(gold)
    lo, hi = band
    in_band = [i for i, f in enumerate(rows) if lo <= f["reuse"] < hi and labels[i] != "WD"]
    names = list(rows[0])
    lines = [(f"{len(pairs)} pairs ({', '.join(f'{k} {v}' for k, v in sorted(Counter(labels).items()))}); "
             f"band: reuse {lo:.2f}-{hi:.2f}, PD {sum(labels[i] == 'PD' for i in in_band)} / "
             f"ND {sum(labels[i] == 'ND' for i in in_band)}"),
             "| measure | AUC derived vs ND | band AUC PD vs ND | CV F1 (one cut) |",
             "|---|---|---|---|"]
    for k in names:
        xs = [f[k] for f in rows]
        a_all = auc([x for x, g in zip(xs, gold) if g], [x for x, g in zip(xs, gold) if not g])
        a_band = auc([xs[i] for i in in_band if gold[i]], [xs[i] for i in in_band if not gold[i]])
        lines.append(f"| {k} | {a_all:.3f} | {a_band:.3f} | {cv_cut(xs, gold, fold):.3f} |")
    mix = cv_logistic([[f[k] for k in names] for f in rows], gold, fold)
    lines.append(f"| all of them (logistic regression) | | | {mix:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=Path, default=None)
    ap.add_argument("--band", type=float, nargs=2, default=(0.27, 0.45))
    a = ap.parse_args(argv)
    path = a.pairs or default_pairs()
    if not path.exists():
        print(f"no labelled pairs at {path}: give --pairs or set RETOLD_DEV_DATA", file=sys.stderr)
        return 0
    print(report(load(path), (a.band[0], a.band[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
