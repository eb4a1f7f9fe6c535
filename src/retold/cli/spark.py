"""``retold spark-job-path``, ``retold spark-load``: the Spark engine's command-line helpers.

    spark-submit --master yarn $(retold spark-job-path) --input s3a://b/crawl/ --out s3a://b/out/
    retold spark-load out/ --store news.db      # then retold links / stories / show news.db

:func:`run_spark_trace` is what ``retold trace INPUTS --engine spark --out OUT`` runs.
Nothing here imports pyspark until a Spark run starts.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys

from retold.errors import MissingExtra, OptionError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "spark-job-path",
        help="print the path of the Spark job script, for spark-submit",
        description="Print the path of retold's spark-submit entry script: "
        "spark-submit [spark options] $(retold spark-job-path) --input PATH --out PATH. "
        "Run the script with --help for its options.")
    p.set_defaults(run=run_job_path)

    p = subparsers.add_parser(
        "spark-load",
        help="load a Spark run's output folder into a store",
        description="Import the articles and links of OUT (the --out of `retold trace "
        "--engine spark` or of the spark-submit job) into a store, so that `retold links`, "
        "`retold stories` and `retold show` work on it. OUT must be a local folder.")
    p.add_argument("out", metavar="OUT")
    p.add_argument("--store", "-s", default="retold.db", help="the store file (default retold.db)")
    p.set_defaults(run=run_load)


def job_path() -> str:
    """The file path of ``retold.engines.spark_job`` (found without importing pyspark)."""
    spec = importlib.util.find_spec("retold.engines.spark_job")
    assert spec is not None and spec.origin is not None
    return spec.origin


def run_job_path(args: argparse.Namespace) -> int:
    print(job_path())
    return 0


def run_load(args: argparse.Namespace) -> int:
    from retold.engines.spark_load import load
    from retold.store import open_store

    if not os.path.isdir(args.out):
        raise OptionError(f"{args.out} is not a folder; give the --out folder of a Spark run "
                          "(copy it down from the cluster first)")
    with open_store(args.store) as store:
        counts = load(args.out, store)
    print(f"loaded {counts['articles']} articles (already stored {counts['already_stored']}), "
          f"{counts['links']} links, {counts['problems']} skipped rows into {args.store}")
    return 0


def run_spark_trace(args: argparse.Namespace) -> int:
    """``retold trace INPUTS --engine spark --out OUT [--store DB]``: a Spark run into OUT.

    Reads ``args.inputs`` (any Spark path), writes under ``args.out``; with ``args.store``
    set, loads the result into that store too. Optional attributes: ``format``,
    ``stop_after``, ``partitions``, ``jsonl``, ``master``, ``workers``, ``json``, ``quiet``.
    """
    if importlib.util.find_spec("pyspark") is None:
        raise MissingExtra("pyspark", "spark", "The Spark engine")
    from retold.engines import spark as sp

    if not args.inputs:
        raise OptionError("give the input paths to trace (any path Spark reads)")
    workers = getattr(args, "workers", 1) or os.cpu_count() or 1
    master = getattr(args, "master", None) or os.environ.get("RETOLD_SPARK_MASTER") or (
        None if "PYSPARK_GATEWAY_PORT" in os.environ  # under spark-submit: its settings
        else f"local[{workers}]" if workers > 1 else "local[*]")
    spark = sp.session(master, shuffle_partitions=getattr(args, "partitions", None))
    summary = sp.run_job(
        spark, list(args.inputs), args.out, fmt=getattr(args, "format", None),
        partitions=getattr(args, "partitions", None),
        outputs=("parquet", "jsonl") if getattr(args, "jsonl", False) else ("parquet",),
        stop_after=getattr(args, "stop_after", None))
    store = getattr(args, "store", None)
    if store and summary.get("stopped_after") is None and "://" not in args.out:
        from retold.engines.spark_load import load
        from retold.store import open_store

        with open_store(store) as s:
            summary["loaded"] = load(args.out, s)
    if getattr(args, "json", False):
        print(json.dumps(summary, sort_keys=True))
    else:
        print(f"articles {summary.get('articles', 0)} (skipped {summary.get('problems', 0)}); "
              f"candidates {summary.get('candidates', 0)} (pre-verified away "
              f"{summary.get('rejected', 0)}, capped buckets {summary.get('capped_buckets', 0)}); "
              f"verified {summary.get('verified', 0)}; links {summary.get('links', 0)}; "
              f"stories {summary.get('stories', 0)}; "
              f"{summary['seconds']['total']:.1f} s; output in {args.out}", file=sys.stdout)
    return 0
