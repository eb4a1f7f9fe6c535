"""Time `retold.compare` against a plain difflib best-match sentence matcher, in one run.

    python benchmarks/bench_compare.py [--repeat 20]

Pairs: the bundled worked example (~800 words a side) and pairs k times its length
(k = 2, 5, 10, 20), built by repeating the example with each copy's long words marked so
copies do not collide. The baseline segments with retold's own segmenter and then, for every
retelling sentence, takes the original sentence with the best
``difflib.SequenceMatcher(None, a, b).ratio()``: the matcher a newsroom script would write
first. retold's time is the whole pipeline (read, segment, align, extract, diff); the
baseline's is segmentation and matching only, with no facts at all. Runs on one core (thread pools pinned to 1).
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import statistics
import sys
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

from retold.compare import compare
from retold.read import read_text
from retold.segment import segment

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "isis-iraq-2020"
TARGET_MS = 50.0
_LONG_WORD = re.compile(r"\b([a-z]{6,})\b")


def scaled(text: str, k: int) -> str:
    """The text repeated k times, long words in copy i suffixed with a copy marker."""
    if k == 1:
        return text
    copies = []
    for i in range(k):
        marker = "".join(chr(ord("a") + int(d)) for d in f"{i:02d}")
        copies.append(_LONG_WORD.sub(rf"\1{marker}", text))
    return "\n\n".join(copies)


def difflib_matcher(original: str, retelling: str) -> list[tuple[int, int, float]]:
    """Baseline: best difflib ratio original sentence for every retelling sentence."""
    o = [s.text for s in segment(read_text(original))]
    r = [s.text for s in segment(read_text(retelling))]
    out = []
    for j, b in enumerate(r):
        best, best_i = 0.0, -1
        for i, a in enumerate(o):
            ratio = difflib.SequenceMatcher(None, a, b).ratio()
            if ratio > best:
                best, best_i = ratio, i
        out.append((j, best_i, best))
    return out


SUMMARY_TARGET_MS = 30.0


def summary_of(article: str, n: int) -> str:
    """A summary-shaped text: the first twelve words of every fourth sentence, n of them."""
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", article) if len(s.split()) > 6]
    picked = sentences[::4][:n]
    return " ".join(" ".join(s.split()[:12]).rstrip(",;:") + "." for s in picked)


def clear_caches() -> None:
    """Empty every functools cache in retold, so a repeated pair is not served from memory.

    retold caches a prepared document, its sentences' terms, name matches, WordNet synsets
    read...; a user comparing a pair once gets none of that, so every timed run starts cold.
    What stays is what a process sets up once whatever it compares (imports, and the lexicon's
    indexes of its own files: where each lemma and each line starts), done in the warm-up run.
    """
    for name, module in list(sys.modules.items()):
        if name == "retold" or name.startswith("retold."):
            for value in list(vars(module).values()):
                # methods too: an lru_cache on a method (the lexicon's synset reader) is cleared
                # through the class
                for fn in [value, *(vars(value).values() if isinstance(value, type) else ())]:
                    if callable(getattr(fn, "cache_clear", None)):
                        fn.cache_clear()


CLOCK = time.perf_counter  # --clock cpu: time.process_time (this process's own CPU time)


def timed(fn, *args, repeat: int) -> float:  # type: ignore[no-untyped-def]
    """Median time in ms over `repeat` runs with cold caches, after one warm-up run."""
    fn(*args)
    times = []
    for _ in range(repeat):
        clear_caches()
        start = CLOCK()
        fn(*args)
        times.append((CLOCK() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--scales", default="1,2,5,10,20")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall time (default), or this process's CPU time: on a shared "
                             "machine wall time also counts the other jobs")
    args = parser.parse_args(argv)
    global CLOCK
    CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter
    print(f"clock: {args.clock}; load average {os.getloadavg()[0]:.1f} at the start")
    original = (EXAMPLE / "original.txt").read_text(encoding="utf-8")
    retelling = (EXAMPLE / "retelling.txt").read_text(encoding="utf-8")

    print(f"{'scale':>5} {'words':>7} {'retold ms':>10} {'difflib ms':>11} {'speed-up':>9} "
          f"{'retold ms/1k words':>19}")
    first = None
    for k in (int(x) for x in args.scales.split(",")):
        o, r = scaled(original, k), scaled(retelling, k)
        words = len(o.split()) + len(r.split())
        repeat = max(3, args.repeat // k)
        ours = timed(compare, o, r, repeat=repeat)
        base = timed(difflib_matcher, o, r, repeat=max(1, repeat // 3))
        per_k = ours / words * 1000
        first = first or per_k
        print(f"{k:>5} {words:>7} {ours:>10.1f} {base:>11.1f} {base / ours:>8.1f}x {per_k:>19.2f}")
        if k == 1:
            verdict = "meets" if ours <= TARGET_MS else "MISSES"
            print(f"      example pair: {ours:.1f} ms ({verdict} the {TARGET_MS:.0f} ms target); "
                  f"{base / ours:.1f}x faster than the difflib matcher (target >= 3x)")
    print("growth: the last column is time per 1,000 words; flat means linear growth.")
    # A summary of the example article (issue 9): ten sentences, each the first twelve words of
    # every fourth sentence of the article, so that no summary sentence aligns verbatim.
    summary = summary_of(original, 10)
    ours = timed(compare, original, summary, repeat=args.repeat)
    verdict = "meets" if ours <= SUMMARY_TARGET_MS else "MISSES"
    print(f"summary: 10 sentences against the {len(original.split())}-word article: {ours:.1f} ms "
          f"({verdict} the {SUMMARY_TARGET_MS:.0f} ms target)")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
