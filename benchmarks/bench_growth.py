"""How `retold.compare` grows with input size: time and peak memory per size, in a subprocess.

    python benchmarks/bench_growth.py [--sizes 125K,500K,1M,2M,5M] [--limit-s 600] [--limit-gb 8]

Each size is a generated pair (original and retelling of about that many bytes each) of varied
news prose: many stories on different topics (Zipf-distributed words from a 12,000-word
vocabulary plus English function words), numbers in digits and words, names, places, dates and
quotations; the retelling keeps, cuts, paraphrases, changes facts of and inserts into each story
(benchmarks/corpus.py's edits). No sentence is repeated. Every size runs in a fresh subprocess
(so peak memory is that size's own: ``ru_maxrss`` of the child), which is killed when it passes
``--limit-s`` seconds or ``--limit-gb`` of resident memory. The table prints each measurement
(wall and the child's own CPU time) beside a linear extrapolation from the smallest size; the
target is a 5 MB pair in <= 60 s and
<= 2 GB, and 10x the input costing <= 15x the time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import (
    VERBS,
    World,
    change_facts,
    make_sentence,
    paraphrase_clause,
    render,
)

TARGET_S, TARGET_GB = 60.0, 2.0
_SIZE = re.compile(r"^(\d+(?:\.\d+)?)([KM]?)$", re.IGNORECASE)


def parse_size(text: str) -> int:
    m = _SIZE.match(text.strip())
    if not m:
        raise SystemExit(f"bad size {text!r}: write e.g. 125K or 2M")
    scale = {"": 1, "k": 1000, "m": 1_000_000}[m.group(2).lower()]
    return int(float(m.group(1)) * scale)


def _quoted(w: World, topic: dict, clauses: list[str]) -> list[str]:
    """Turn a sentence into a quotation attributed to one of the topic's names."""
    speech = ", ".join(clauses)
    speaker = w.rnd.choice(topic["names"])
    return [f"\u201c{speech[0].upper()}{speech[1:]},\u201d {speaker} {w.rnd.choice(VERBS)}"]


def story(w: World, date_seed: int) -> tuple[list[list[str]], list[list[str]]]:
    """One story: its sentences in the original, and in the retelling after one edit."""
    import datetime as dt

    rnd = w.rnd
    topic = rnd.choice(w.topics)
    date = dt.date(2020, 1, 1) + dt.timedelta(days=date_seed % 700)
    sents = []
    for _ in range(rnd.randint(8, 20)):
        s = make_sentence(w, topic, date)
        sents.append(_quoted(w, topic, s) if rnd.random() < 0.12 else s)
    kind = rnd.choice(("copy", "cut", "paraphrase", "facts", "insertion", "drop"))
    out = [list(c) for c in sents]
    if kind == "cut":
        out = out[: max(3, int(len(out) * rnd.uniform(0.4, 0.8)))]
    elif kind == "paraphrase":
        out = [[paraphrase_clause(w, c) for c in s] for s in out]
    elif kind == "facts":
        out = change_facts(w, topic, out)
    elif kind == "insertion":
        for _ in range(max(2, len(out) // 3)):
            out.insert(rnd.randint(1, len(out)), make_sentence(w, topic, date))
    elif kind == "drop":
        out = []
    return sents, out


def make_pair(size: int, seed: int = 11) -> tuple[str, str]:
    """An original and a retelling of about ``size`` bytes each (UTF-8)."""
    rnd = random.Random(seed)
    w = World(rnd, n_topics=max(8, size // 20_000))
    original: list[str] = []
    retelling: list[str] = []
    o_bytes = r_bytes = 0
    k = 0
    while o_bytes < size or r_bytes < size:
        o, r = story(w, k)
        k += 1
        if o_bytes < size:
            text = render(o, _breaks(rnd, len(o)))
            original.append(text)
            o_bytes += len(text.encode("utf-8")) + 2
        if r and r_bytes < size:
            text = render(r, _breaks(rnd, len(r)))
            retelling.append(text)
            r_bytes += len(text.encode("utf-8")) + 2
    return "\n\n".join(original), "\n\n".join(retelling)


def _breaks(rnd: random.Random, n: int) -> list[int]:
    return sorted(rnd.sample(range(1, n), max(1, n // 3))) if n > 1 else []


def child(size: int) -> None:
    """Measure one size in this process; print one JSON line."""
    import resource

    from retold.compare import compare

    original, retelling = make_pair(size)
    start, cpu = time.perf_counter(), time.process_time()
    c = compare(original, retelling, original_published="2021-03-01")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(json.dumps({
        "size": size, "bytes": len(original.encode()) + len(retelling.encode()),
        "sentences": len(c.original.sentences) + len(c.retelling.sentences),
        "changes": len(c.changes), "seconds": seconds, "cpu": cpu, "peak_mb": peak_kb / 1024}))


def measure(size: int, limit_s: float, limit_gb: float) -> dict:
    """Run one size in a subprocess, killing it past the time or memory limit."""
    import psutil

    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(size)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    ps = psutil.Process(proc.pid)
    start, peak, reason = time.monotonic(), 0, None
    while proc.poll() is None:
        try:
            peak = max(peak, ps.memory_info().rss)
        except psutil.Error:
            pass
        if peak > limit_gb * 2**30:
            reason = f"> {limit_gb:g} GB"
        elif time.monotonic() - start > limit_s:
            reason = f"> {limit_s:g} s"
        if reason:
            proc.kill()
            proc.wait()
            return {"size": size, "failed": reason, "peak_mb": peak / 2**20,
                    "seconds": time.monotonic() - start}
        time.sleep(0.1)
    out, err = proc.communicate()
    if proc.returncode != 0:
        return {"size": size, "failed": f"exit {proc.returncode}: {err.strip()[-300:]}"}
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="125K,500K,1M,2M,5M")
    ap.add_argument("--limit-s", type=float, default=600.0)
    ap.add_argument("--limit-gb", type=float, default=8.0)
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    print(f"{'size':>6} {'sentences':>9} {'seconds':>8} {'linear s':>8} {'CPU s':>7} "
          f"{'linear':>7} {'peak MB':>8} {'linear MB':>9}  note", flush=True)
    base: dict | None = None
    failed = False
    for size in sizes:
        if failed:  # a bigger size than one that failed would fail too
            print(f"{_label(size):>6}  skipped (a smaller size failed)")
            continue
        r = measure(size, args.limit_s, args.limit_gb)
        if "failed" in r:
            failed = True
            print(f"{_label(size):>6} {'':>9} {r.get('seconds', 0):>8.1f} {'':>8} {'':>7} "
                  f"{'':>7} {r.get('peak_mb', 0):>8.0f} {'':>9}  FAILED {r['failed']}",
                  flush=True)
            continue
        base = base or r
        ratio = r["bytes"] / base["bytes"]
        lin_s = base["seconds"] * ratio
        lin_cpu = base["cpu"] * ratio
        lin_mb = base["peak_mb"] * ratio
        note = ""
        if size >= 5_000_000:
            # CPU time: on an idle core it is the wall time; on a shared machine wall time
            # measures the other jobs too.
            ok_cpu = r["cpu"] <= TARGET_S and r["peak_mb"] <= TARGET_GB * 1024
            ok_wall = r["seconds"] <= TARGET_S and r["peak_mb"] <= TARGET_GB * 1024
            note = (f"{'meets' if ok_cpu else 'MISSES'} the {TARGET_S:.0f} s / {TARGET_GB:g} GB "
                    f"target in CPU time, {'meets' if ok_wall else 'misses'} it in wall time")
        print(f"{_label(size):>6} {r['sentences']:>9} {r['seconds']:>8.1f} {lin_s:>8.1f} "
              f"{r['cpu']:>7.1f} {lin_cpu:>7.1f} {r['peak_mb']:>8.0f} {lin_mb:>9.0f}  {note}",
              flush=True)
    print("linear: the smallest size's figure times the size ratio (bytes of both sides). "
          "Wall seconds are noisy on a shared machine; CPU seconds (the child's own) less so.")
    return 0


def _label(size: int) -> str:
    return f"{size / 1e6:g}M" if size >= 1_000_000 else f"{size / 1e3:g}K"


if __name__ == "__main__":
    sys.exit(main())
