"""The local engine against the Spark engine (local[2]) on one generated corpus, side by side.

    python benchmarks/bench_spark.py                 # 100,000 articles
    python benchmarks/bench_spark.py --n 10000

Builds the corpus with benchmarks/corpus.py (kept under benchmarks/out/corpus_N), then runs

* the local engine: ``retold trace corpus.jsonl --workers 2`` into a fresh SQLite store;
* the Spark engine: the spark-submit job script with ``--master local[2]`` into a fresh folder;

each in its own process, and measures wall time and peak memory: the resident set of the whole
process tree, sampled every 0.2 s (for Spark that is the Python driver, the JVM and the Python
workers). Then it compares the links of the two runs field by field and reports recall against
the corpus truth (a true link found in either direction).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def run_measured(cmd: list[str], log: Path) -> tuple[float, float, int]:
    """Run ``cmd``; return (wall seconds, peak RSS of the process tree in MB, exit code)."""
    t0 = time.perf_counter()
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        ps = psutil.Process(proc.pid)
        peak = 0
        while proc.poll() is None:
            rss = 0
            try:
                for p in [ps, *ps.children(recursive=True)]:
                    try:
                        rss += p.memory_info().rss
                    except psutil.Error:
                        pass
            except psutil.Error:
                pass
            peak = max(peak, rss)
            time.sleep(0.2)
    return time.perf_counter() - t0, peak / 2**20, proc.returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="articles (default 100,000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "out")
    ap.add_argument("--partitions", type=int, default=None,
                    help="Spark partitions for the heavy stages (default: n / 2,500, >= 4)")
    ap.add_argument("--driver-memory", default="4g")
    ap.add_argument("--skip-local", action="store_true")
    ap.add_argument("--skip-spark", action="store_true")
    args = ap.parse_args()

    import corpus as gen

    folder = args.work / f"corpus{args.n}_s{args.seed}"  # (as bench_trace: ids in no order)
    corpus, truth = folder / "corpus.jsonl", folder / "truth.jsonl"
    if not corpus.exists():
        t = time.perf_counter()
        gen.write(args.n, folder, args.seed)
        print(f"corpus: {args.n} articles in {time.perf_counter() - t:.0f} s -> {corpus}")
    py = sys.executable
    rows: dict[str, dict[str, Any]] = {}

    db = args.work / f"bench_spark_local_{args.n}.db"
    if not args.skip_local:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        log = args.work / f"bench_spark_local_{args.n}.log"
        wall, peak, rc = run_measured(
            [py, "-m", "retold", "trace", str(corpus), "--store", str(db), "--workers", "2",
             "--quiet", "--json"], log)
        summary = json.loads(log.read_text().strip().splitlines()[-1]) if rc == 0 else {}
        rows["local (2 workers)"] = {"wall": wall, "peak": peak, "rc": rc, **summary}

    out = args.work / f"bench_spark_out_{args.n}"
    if not args.skip_spark:
        shutil.rmtree(out, ignore_errors=True)
        log = args.work / f"bench_spark_spark_{args.n}.log"
        parts = args.partitions or max(4, args.n // 2500)
        from retold.cli.spark import job_path

        wall, peak, rc = run_measured(
            [py, job_path(), "--input", str(corpus), "--out", str(out), "--master", "local[2]",
             "--partitions", str(parts), "--driver-memory", args.driver_memory], log)
        lines = [l for l in log.read_text().splitlines() if l.startswith("{")]
        summary = json.loads(lines[-1]) if rc == 0 and lines else {}
        rows["spark local[2]"] = {"wall": wall, "peak": peak, "rc": rc, **summary}
        if rc == 0:
            rows["spark local[2]"]["stage_seconds"] = summary.get("seconds", {})

    truth_pairs = {frozenset((r["source_id"], r["target_id"]))
                   for r in map(json.loads, truth.read_text().splitlines())}
    links: dict[str, list[Any]] = {}
    if db.exists() and rows.get("local (2 workers)", {}).get("rc") == 0:
        from retold.engines.base import resolved_links
        from retold.store import SqliteStore

        with SqliteStore(db) as s:  # (the store keeps every verified link; these are resolved)
            links["local (2 workers)"] = resolved_links(s).links
    if (out / "links").exists():
        from retold.engines.spark_load import read_links

        links["spark local[2]"] = read_links(out)

    print(f"\n{args.n:,} articles (benchmarks/corpus.py, seed {args.seed}), "
          f"{os.cpu_count()} cores\n")
    print(f"{'engine':<20}{'wall s':>9}{'peak MB':>9}{'art/s':>8}{'cands':>9}{'verified':>9}"
          f"{'links':>8}{'recall':>8}")
    for name, r in rows.items():
        ls = links.get(name, [])
        found = {frozenset((l.source_id, l.target_id)) for l in ls}
        recall = len(found & truth_pairs) / max(1, len(truth_pairs))
        print(f"{name:<20}{r['wall']:>9.1f}{r['peak']:>9.0f}{args.n / r['wall']:>8.0f}"
              f"{r.get('candidates', 0):>9}{r.get('verified', 0):>9}{len(ls):>8}"
              f"{recall:>8.3f}" + ("" if r["rc"] == 0 else f"  FAILED (exit {r['rc']})"))
    if "spark local[2]" in rows and rows["spark local[2]"].get("stage_seconds"):
        print("\nspark stages (s):", json.dumps(rows["spark local[2]"]["stage_seconds"]))
    if len(links) == 2:
        a, b = links["local (2 workers)"], links["spark local[2]"]
        same = a == b
        diff = sum(1 for x, y in zip(a, b) if x != y) + abs(len(a) - len(b))
        print(f"\nsame links: {'yes' if same else 'NO'} ({len(a)} local, {len(b)} spark, "
              f"{diff} differ)")
        return 0 if same else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
