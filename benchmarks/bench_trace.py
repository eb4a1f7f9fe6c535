"""Measure ``retold trace`` on a generated corpus with known truth, beside a naive baseline.

    python benchmarks/bench_trace.py --articles 10000            # candidates + end to end
    python benchmarks/bench_trace.py --articles 100000 --no-e2e  # fingerprint + search only

Prints (and writes to benchmarks/out/bench_<N>.json):

1. Candidate search, one process: fingerprinting and candidate search in articles per CPU
   second (per core, so other load on the machine does not count), the candidates kept by pre-verification, their recall by kind of retelling and their
   precision; beside the naive baseline, datasketch ``MinHashLSH`` (threshold 0.5, 128
   permutations, ``MinHash.bulk``) over word 5-shingles alone, measured in the same run.
2. End to end (``retold trace`` in a fresh process and SQLite store, ``--workers`` worker
   processes): time by stage, peak memory of the process tree (PSS and RSS, sampled every
   0.5 s), link precision and recall by kind, and direction accuracy.

A found pair counts as correct (precision) when both articles are of one family (an original
and its retellings: two retellings of one original share its text, so reuse between them is
real); recall is over the true source -> retelling pairs.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as corpus_mod

from retold.trace import times

# Edits that leave a retelling alike its source in size and shape: containment cannot direct
# them (benchmarks/corpus.py's kinds).
SYMMETRIC = frozenset({"verbatim", "reorder", "paraphrase", "facts"})


def load(n: int, seed: int) -> tuple[Path, list[dict], list[dict]]:
    out = HERE / "out" / f"corpus{n}_s{seed}"  # (ids in no order: see corpus.py)
    corpus, truth = out / "corpus.jsonl", out / "truth.jsonl"
    if not corpus.exists():
        corpus_mod.write(n, out, seed)
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    return corpus, rows, [json.loads(line) for line in truth.open()]


class Truth:
    def __init__(self, truth: list[dict]) -> None:
        self.kind = {frozenset((t["source_id"], t["target_id"])): t["kind"] for t in truth}
        self.source = {(t["source_id"], t["target_id"]) for t in truth}
        family = {t["target_id"]: t["source_id"] for t in truth}
        self.family = lambda a: family.get(a, a)
        self.totals = collections.Counter(self.kind.values())

    def score(self, pairs: set[frozenset[str]]) -> dict[str, Any]:
        hit = collections.Counter(self.kind[p] for p in pairs if p in self.kind)
        same = sum(1 for p in pairs if len({self.family(a) for a in p}) == 1)
        true = sum(1 for p in pairs if p in self.kind)
        return {
            "pairs": len(pairs),
            "precision": same / len(pairs) if pairs else 1.0,
            # a link between two retellings of one source (siblings) counted as an error
            "strict_precision": true / len(pairs) if pairs else 1.0,
            "recall": sum(hit.values()) / sum(self.totals.values()),
            "recall_by_kind": {k: hit[k] / n for k, n in sorted(self.totals.items())},
        }


def candidates_bench(rows: list[dict], truth: Truth) -> dict[str, Any]:
    from retold.trace import candidates as cd
    from retold.trace.fingerprint import fingerprint

    ids = [r["id"] for r in rows]
    t0 = time.process_time()
    fps = [fingerprint(r["id"], r["text"]) for r in rows]
    t1 = time.process_time()
    p = cd.SearchParams()
    n = len(fps)
    shingles, words = np.stack([f.shingles for f in fps]), np.stack([f.words for f in fps])
    sk = cd.band_keys(shingles, p.shingle_bands, p.shingle_rows)
    wk = cd.band_keys(words, p.word_bands, p.word_rows)
    idx = np.arange(n)
    keys = {"shingles": (sk.ravel(), np.repeat(idx, sk.shape[1])),
            "words": (wk.ravel(), np.repeat(idx, wk.shape[1])),
            "facts": (np.concatenate([f.facts for f in fps]),
                      np.repeat(idx, [len(f.facts) for f in fps]))}
    found, stats = cd.search(keys, np.ones(n, dtype=bool), p)
    ab = np.stack([found.a, found.b], axis=1)
    _, worth, _ = cd.estimate_many(
        found.a, found.b, shingles, words, np.array([f.n_shingles for f in fps]),
        np.array([f.n_words for f in fps]), np.array([len(f.facts) for f in fps]),
        found.shared_facts, p)
    t2 = time.process_time()
    all_pairs = {frozenset((ids[a], ids[b])) for a, b in ab.tolist()}
    kept = {frozenset((ids[a], ids[b])) for a, b in ab[worth].tolist()}
    by_channel = {}
    for name in cd.CHANNELS:
        bit = cd.CHANNELS.index(name)
        sel = ab[(found.channels >> bit) & 1 == 1]
        by_channel[name] = truth.score({frozenset((ids[a], ids[b])) for a, b in sel.tolist()})
    return {
        "fingerprint_per_s": n / (t1 - t0),
        "search_per_s": n / (t2 - t1),
        "fingerprint_and_search_per_s": n / (t2 - t0),
        "search_stats": {"keys": stats.keys, "capped_buckets": stats.capped_buckets,
                         "capped_articles": stats.capped_articles},
        "candidates": truth.score(all_pairs),
        "pre_verified": truth.score(kept),
        "by_channel": {k: {"pairs": v["pairs"], "recall": v["recall"],
                           "recall_by_kind": v["recall_by_kind"]}
                       for k, v in by_channel.items()},
    }


def baseline_bench(rows: list[dict], truth: Truth) -> dict[str, Any]:
    """datasketch MinHashLSH over word 5-shingles alone: the naive tool."""
    from datasketch import MinHash, MinHashLSH

    t0 = time.process_time()
    sets = []
    for r in rows:
        w = r["text"].lower().split()
        sets.append([" ".join(w[i : i + 5]).encode() for i in range(max(1, len(w) - 4))])
    hashes = MinHash.bulk(sets, num_perm=128)
    t1 = time.process_time()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    for r, m in zip(rows, hashes):
        lsh.insert(r["id"], m)
    found = set()
    for r, m in zip(rows, hashes):
        for other in lsh.query(m):
            if other != r["id"]:
                found.add(frozenset((r["id"], other)))
    t2 = time.process_time()
    n = len(rows)
    return {"fingerprint_per_s": n / (t1 - t0), "search_per_s": n / (t2 - t1),
            "fingerprint_and_search_per_s": n / (t2 - t0), "candidates": truth.score(found)}


def e2e_bench(corpus: Path, truth: Truth, workers: int) -> dict[str, Any]:
    """``retold trace`` as a user runs it (a fresh process and store), memory sampled."""
    import subprocess

    import psutil

    from retold.engines.base import resolved_links
    from retold.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        usage_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "retold", "trace", str(corpus), "--store", str(db),
             "--workers", str(workers), "--quiet", "--json"],
            stdout=subprocess.PIPE, text=True)
        root = psutil.Process(proc.pid)
        peak_rss = peak_pss = 0
        while proc.poll() is None:
            try:
                procs = [root, *root.children(recursive=True)]
                infos = [p.memory_full_info() for p in procs]
                peak_rss = max(peak_rss, sum(i.rss for i in infos))
                peak_pss = max(peak_pss, sum(i.pss for i in infos))
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
            time.sleep(0.5)
        out, _ = proc.communicate()
        wall = time.perf_counter() - t0
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # the run and its workers
        before = usage_before.ru_utime + usage_before.ru_stime
        cpu = usage.ru_utime + usage.ru_stime - before
        load = os.getloadavg()
        if proc.returncode:
            raise SystemExit(f"retold trace failed with exit code {proc.returncode}")
        summary = json.loads(out)
        with open_store(db) as store:
            resolution = resolved_links(store)
            all_links = resolution.links
            siblings = len(resolution.siblings)
    links = {frozenset((l.source_id, l.target_id)): l for l in all_links}
    scored = truth.score(set(links))
    # Outlet templates (benchmarks/corpus.py prints one under most articles of a third of the
    # outlets) must neither link unrelated articles nor merge their stories.
    outlet, published = {}, {}
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            outlet[row["id"]] = row.get("outlet")
            published[row["id"]] = times.parse(row.get("published"))
    def root(a: str) -> str:  # the wire story or original at the top of a chain
        seen = {a}
        while (up := truth.family(a)) not in seen:
            seen.add(up)
            a = up
        return a

    cross = [p for p in links if len({root(a) for a in p}) > 1]
    same_outlet = sum(1 for p in cross if len({outlet.get(a) for a in p}) == 1)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in links:
        a, b = sorted(p)
        parent[find(a)] = find(b)
    stories: dict[str, set[str]] = collections.defaultdict(set)
    for x in list(parent):
        stories[find(x)].add(root(x))
    merged = sum(1 for fams in stories.values() if len(fams) > 1)
    direction: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for pair, kind in truth.kind.items():
        link = links.get(pair)
        if link is None:
            continue
        if not link.decided:
            direction[kind]["undecided"] += 1
        elif (link.source_id, link.target_id) in truth.source:
            direction[kind][f"right ({link.evidence})"] += 1
        else:
            direction[kind][f"wrong ({link.evidence})"] += 1
    directed = sum(n for d in direction.values() for w, n in d.items() if w.startswith("right"))
    # News flows (targets "f...": times to the second, mostly) apart from the older part
    # (targets "r...": bare days, a quarter undated: a copy on its source's day cannot be
    # directed from the texts or the dates).
    flow_pairs = [(s, t) for s, t in truth.source if corpus_mod.kind_letter(t) == "f"]
    flow_directed = sum(1 for s, t in flow_pairs if (l := links.get(frozenset((s, t))))
                        is not None and l.decided and (l.source_id, l.target_id) == (s, t))
    # True links nothing can direct: times that do not order them (one day, or no date) and
    # an edit that leaves both texts alike in size and shape (a copy, a reordering, a
    # paraphrase, changed facts). Only outlet roles can direct them, where the outlets have
    # roles; the older part's outlets are drawn at random.
    blind = {pair for pair, kind in truth.kind.items() if kind.split(":")[-1] in SYMMETRIC
             and times.order(*(published.get(a) for a in pair)) == 0}
    directed_seen = sum(1 for (s, t) in truth.source if frozenset((s, t)) not in blind
                        and (l := links.get(frozenset((s, t)))) is not None and l.decided
                        and (l.source_id, l.target_id) == (s, t))
    return {
        "directed_recall": directed / max(1, len(truth.kind)),
        # of the true links that dates or the texts' shapes can direct
        "directed_recall_directable": directed_seen / max(1, len(truth.kind) - len(blind)),
        "undirectable_true_links": len(blind),
        "directed_recall_flows": flow_directed / max(1, len(flow_pairs)),
        "cross_family_links": len(cross),
        "cross_family_links_same_outlet": same_outlet,
        "stories_merging_families": merged,
        "stories": len(stories),
        "siblings": siblings,
        "workers": workers,
        "seconds": {**summary["stages"], "total": summary["seconds"]},
        "wall": wall,
        "cpu_seconds": cpu,  # user + system of the run and its workers
        "load_average_at_end": load,  # the machine is shared: wall time depends on it
        "summary": summary,
        "links": scored,
        "direction": {k: dict(v) for k, v in sorted(direction.items())},
        "peak_rss_mb": peak_rss / 2**20,  # summed over processes: counts shared pages twice
        "peak_pss_mb": peak_pss / 2**20,  # proportional set size: shared pages split
        "verify_ms_per_pair_per_core": (summary["stages"]["verify"] * workers * 1000
                                        / max(summary["verified"], 1)),
    }


def table(res: dict[str, Any]) -> str:
    ours, base = res["ours"], res["baseline"]
    kinds = list(ours["pre_verified"]["recall_by_kind"])
    lines = [f"corpus: {res['articles']} articles, {res['true_links']} true links",
             "", ("| | retold trace (candidates after pre-verification) | naive: MinHashLSH "
                  "5-shingles, t=0.5 |"), "|---|---|---|"]
    lines.append(f"| fingerprint + search, articles/s (1 core) | "
                 f"{ours['fingerprint_and_search_per_s']:,.0f} | "
                 f"{base['fingerprint_and_search_per_s']:,.0f} |")
    lines.append(f"| candidate pairs | {ours['pre_verified']['pairs']:,} | "
                 f"{base['candidates']['pairs']:,} |")
    lines.append(f"| precision | {ours['pre_verified']['precision']:.3f} | "
                 f"{base['candidates']['precision']:.3f} |")
    lines.append(f"| recall | {ours['pre_verified']['recall']:.3f} | "
                 f"{base['candidates']['recall']:.3f} |")
    for k in kinds:
        lines.append(f"| recall: {k} | {ours['pre_verified']['recall_by_kind'][k]:.3f} | "
                     f"{base['candidates']['recall_by_kind'][k]:.3f} |")
    if "e2e" in res:
        e = res["e2e"]
        stages = ", ".join(f"{k} {v}" for k, v in e["seconds"].items())
        lines += ["", (f"end to end, {e['workers']} workers: {e['wall']:.1f} s wall, "
                       f"{e['cpu_seconds']:.0f} CPU s, load average {e['load_average_at_end'][0]:.1f} "
                       f"({stages}); "
                       f"peak memory {e['peak_pss_mb']:.0f} MB PSS / {e['peak_rss_mb']:.0f} MB RSS "
                       f"(all processes, sampled); verification {e['verify_ms_per_pair_per_core']:.0f} "
                       "ms/pair/core"),
                  (f"links: {e['links']['pairs']:,}, precision {e['links']['precision']:.3f} "
                   f"(siblings counted as errors: {e['links']['strict_precision']:.3f}), "
                   f"recall {e['links']['recall']:.3f}, directed recall "
                   f"{e['directed_recall']:.3f} (news flows: {e['directed_recall_flows']:.3f}; "
                   f"without the {e['undirectable_true_links']:,} true links that neither dates "
                   f"nor the texts' shapes can direct: {e['directed_recall_directable']:.3f}); "
                   f"sibling pairs reported {e['siblings']:,}"),
                  (f"unrelated articles linked: {e['cross_family_links']} "
                   f"({e['cross_family_links_same_outlet']} of one outlet); stories merging "
                   f"unrelated families: {e['stories_merging_families']} of {e['stories']}; "
                   f"pairs verified {e['summary']['verified']:,} of "
                   f"{e['summary']['candidates']:,} candidates (explained by a third "
                   f"{e['summary']['explained_by_third']:,}, screened "
                   f"{e['summary'].get('screened', 0):,})"),
                  "| kind | link recall | direction |", "|---|---|---|"]
        for k, r in e["links"]["recall_by_kind"].items():
            d = ", ".join(f"{n} {w}" for w, n in sorted(e["direction"].get(k, {}).items()))
            lines.append(f"| {k} | {r:.3f} | {d} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-e2e", action="store_true", help="candidate search only")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--e2e-only", action="store_true", help="end to end only")
    args = ap.parse_args()
    corpus, rows, truth_rows = load(args.articles, args.seed)
    truth = Truth(truth_rows)
    res: dict[str, Any] = {"articles": len(rows), "true_links": len(truth_rows)}
    if not args.e2e_only:
        res["ours"] = candidates_bench(rows, truth)
    if not args.no_baseline and not args.e2e_only:
        res["baseline"] = baseline_bench(rows, truth)
    del rows
    if not args.no_e2e:
        res["e2e"] = e2e_bench(corpus, truth, args.workers)
    out = HERE / "out" / f"bench_{args.articles}{'_e2e' if args.e2e_only else ''}.json"
    out.write_text(json.dumps(res, indent=2))
    if "baseline" in res:
        print(table(res))
    else:
        print(json.dumps(res, indent=2))
    print(f"\n(full figures in {out})")


if __name__ == "__main__":
    main()
