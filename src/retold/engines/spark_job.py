"""The spark-submit entry script of the Spark engine.

    spark-submit --master yarn --deploy-mode cluster \\
        $(retold spark-job-path) --input s3a://bucket/crawl/*.jsonl --out s3a://bucket/retold/

Every executor needs ``retold`` installed (a bootstrap action, a cluster library, or a packed
virtualenv shipped with ``--archives``). The job runs :func:`retold.engines.spark.run_job`;
re-submitting it with the same ``--out`` resumes from the last finished stage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    from retold.trace.candidates import SearchParams

    p = argparse.ArgumentParser(
        prog="retold-spark-job",
        description="Trace who retold whom across a corpus on Spark: read articles, "
        "fingerprint, find and verify candidate pairs, write links and stories under --out.")
    p.add_argument("--input", "-i", action="append", required=True, metavar="PATH",
                   help="JSONL, CSV or Parquet articles; any Spark path or glob (repeatable)")
    p.add_argument("--out", "-o", required=True, metavar="PATH",
                   help="output folder (any Spark path); a re-run resumes from it")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), default=None,
                   help="input format (default: from the file names)")
    p.add_argument("--stop-after", default=None,
                   choices=("articles", "fingerprints", "candidates", "verify", "stories"),
                   help="stop after this stage (its checkpoint is kept)")
    p.add_argument("--partitions", type=int, default=None,
                   help="partitions for the heavy stages (default: 2 x default parallelism)")
    p.add_argument("--jsonl", action="store_true",
                   help="also write links_jsonl/ and stories_jsonl/")
    p.add_argument("--bucket-cap", type=int, default=SearchParams().bucket_cap,
                   help="skip (and report) LSH buckets with more articles than this "
                   f"(default {SearchParams().bucket_cap})")
    p.add_argument("--master", default=None,
                   help="Spark master for a local run (e.g. local[2]); leave it out under "
                   "spark-submit")
    p.add_argument("--driver-memory", default=None,
                   help="driver JVM heap of a local run (default 2g); under spark-submit use "
                   "its --driver-memory")
    return p.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the job; print the summary as JSON; return the exit code."""
    from dataclasses import replace

    from retold.engines.base import TraceOptions
    from retold.errors import RetoldError

    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        from retold.engines import spark as sp

        options = TraceOptions()
        options = replace(options, params=replace(options.params, bucket_cap=args.bucket_cap))
        spark = sp.session(args.master, driver_memory=args.driver_memory)
        summary = sp.run_job(spark, args.input, args.out, fmt=args.format, options=options,
                             partitions=args.partitions,
                             outputs=("parquet", "jsonl") if args.jsonl else ("parquet",),
                             stop_after=args.stop_after)
    except RetoldError as exc:
        print(f"retold: error: {exc}", file=sys.stderr)
        return exc.exit_code
    print(json.dumps(summary, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
