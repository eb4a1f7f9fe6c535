"""The Spark engine: the trace stages on Apache Spark, for corpora larger than one machine.

This is the only module that imports pyspark. It runs the SAME pure functions as the local
engine (:mod:`retold.engines.local`), wrapped in ``mapPartitions``, so the two engines give the
same links on the same corpus (``tests/engines/test_engine_agreement.py`` requires it):

==============  ==============================================================================
stage           what runs where
==============  ==============================================================================
articles        read JSONL / CSV / Parquet from any Spark-readable path; every row goes
                through ``ingest._from_record``; bad rows and duplicate ids are reported
templates       ``templates.unit_rows`` per partition; ``templates.learn`` on the driver (the
                unit keys are small); the outlet templates are broadcast and blanked in
                every later stage
fingerprints    ``fingerprint.fingerprint_many`` per partition
candidates      ``candidates.band_keys`` per partition; explode keys -> group by
                (channel, key) -> bucket sizes; buckets over ``bucket_cap`` are skipped and
                reported (``capped``); ``candidates.pairs_in_bucket`` per kept bucket;
                pairs deduplicated with their channel mask and shared fact keys;
                ``candidates.estimate_many`` pre-verifies them per partition;
                ``screen.measure_many`` per partition, ``screen.explained`` on the driver
                (each pending pair's measure kept in ``_stages/_measured``)
verify          ``verify.verify_pair`` per pending pair (the pair pipeline and the direction),
                with screening's measure joined in, as the local engine hands it on
stories         connected components by min-label propagation, then ``stories.build`` per
                component
==============  ==============================================================================

Every stage writes Parquet under ``OUT/_stages/<stage>/``; Spark's ``_SUCCESS`` marker says it
finished, and a re-run reads a finished stage back instead of computing it again
(``stop_after`` ends a run after a stage). The results are published under ``OUT/``:
``links/``, ``comparisons/`` (the full comparison of each link, ``retold.comparison/1`` JSON),
``stories/``, ``capped/`` (buckets skipped by the cap), ``problems/`` (skipped rows),
``templates.json`` (the outlet templates learned and ignored) and ``summary.json``; ``links_jsonl/`` and ``stories_jsonl/`` on request.
:func:`retold.engines.spark_load.load` imports such a folder into the embedded store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict
from typing import Any

import numpy as np

from retold.engines.base import (
    Progress,
    TraceOptions,
    article_text,
    finish,
    learn_templates,
    store_items,
)
from retold.errors import MissingExtra, OptionError
from retold.model import Article, Comparison, Document, Link
from retold.store.base import PENDING, REJECTED, SCREENED, THIRD, VERIFIED, Store
from retold.trace import candidates as cd
from retold.trace import resolve as rs
from retold.trace import roles, times
from retold.trace import screen as scr
from retold.trace import stories as st
from retold.trace import templates as tp
from retold.trace.fingerprint import fingerprint_many
from retold.trace.result import TraceResult
from retold.trace.verify import default_compare, verify_pair

try:
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
    from pyspark.sql.window import Window
except ImportError as exc:  # pragma: no cover - the extra is missing
    raise MissingExtra("pyspark", "spark", "The Spark engine") from exc

_DEFAULT_OPTIONS = TraceOptions()
STAGES = ("articles", "fingerprints", "candidates", "verify", "stories")
FORMATS = ("jsonl", "csv", "parquet")
OUTPUTS = ("parquet", "jsonl")
_CHANNEL_BITS = {name: 1 << i for i, name in enumerate(cd.CHANNELS)}
_INPUT_FIELDS = ("id", "text", "html", "url", "outlet", "title", "published", "author")

ARTICLE_SCHEMA = T.StructType([
    T.StructField("seq", T.LongType(), False),
    T.StructField("id", T.StringType(), False),
    T.StructField("text", T.StringType(), False),
    T.StructField("title", T.StringType(), True),
    T.StructField("url", T.StringType(), True),
    T.StructField("outlet", T.StringType(), True),
    T.StructField("published", T.StringType(), True),  # ISO date
    T.StructField("author", T.StringType(), True),
    T.StructField("new", T.BooleanType(), False),  # False: searched by an earlier run
])
_READ_SCHEMA = T.StructType([
    T.StructField("ok", T.BooleanType(), False),
    T.StructField("file", T.StringType(), False),
    T.StructField("line", T.LongType(), True),
    T.StructField("id", T.StringType(), True),
    T.StructField("text", T.StringType(), True),
    T.StructField("title", T.StringType(), True),
    T.StructField("url", T.StringType(), True),
    T.StructField("outlet", T.StringType(), True),
    T.StructField("published", T.StringType(), True),
    T.StructField("author", T.StringType(), True),
    T.StructField("reason", T.StringType(), True),
])
PROBLEM_SCHEMA = T.StructType([
    T.StructField("source", T.StringType(), False),
    T.StructField("line", T.LongType(), True),
    T.StructField("reason", T.StringType(), False),
])
FINGERPRINT_SCHEMA = T.StructType([
    T.StructField("seq", T.LongType(), False),
    T.StructField("shingles", T.BinaryType(), False),
    T.StructField("words", T.BinaryType(), False),
    T.StructField("facts", T.BinaryType(), False),
    T.StructField("n_tokens", T.IntegerType(), False),
    T.StructField("n_shingles", T.IntegerType(), False),
    T.StructField("n_words", T.IntegerType(), False),
    T.StructField("new", T.BooleanType(), False),
])
KEY_SCHEMA = T.StructType([
    T.StructField("channel", T.IntegerType(), False),  # bit of candidates.CHANNELS
    T.StructField("key", T.LongType(), False),  # the uint64 key's bits
    T.StructField("seq", T.LongType(), False),
    T.StructField("new", T.BooleanType(), False),
])
PAIR_SCHEMA = T.StructType([
    T.StructField("a", T.LongType(), False),
    T.StructField("b", T.LongType(), False),
    T.StructField("channel", T.IntegerType(), False),
    T.StructField("fact", T.IntegerType(), False),  # 1 when found in a fact bucket
])
CANDIDATE_SCHEMA = T.StructType([
    T.StructField("a", T.LongType(), False),
    T.StructField("b", T.LongType(), False),
    T.StructField("channels", T.IntegerType(), False),
    T.StructField("shared_facts", T.IntegerType(), False),
    T.StructField("score", T.DoubleType(), False),  # rounded, as the store keeps it
    T.StructField("state", T.IntegerType(), False),
    T.StructField("estimate", T.DoubleType(), False),  # unrounded (prune_through_third's input)
    T.StructField("copy", T.DoubleType(), False),  # shingle containment (prune_through_third's)
])
# screening's `reuse_of` of a pending pair, both ways (`retold.trace.verify.Measure`)
MEASURED_SCHEMA = "a long, b long, ab double, ba double"
LINK_FIELDS = [
    T.StructField("id", T.StringType(), True),
    T.StructField("source_id", T.StringType(), True),
    T.StructField("target_id", T.StringType(), True),
    T.StructField("decided", T.BooleanType(), True),
    T.StructField("evidence", T.StringType(), True),
    T.StructField("reuse", T.DoubleType(), True),
    T.StructField("carried", T.DoubleType(), True),
    T.StructField("derivation", T.StringType(), True),
    T.StructField("changes", T.IntegerType(), True),
    T.StructField("channels", T.ArrayType(T.StringType(), False), True),
    T.StructField("similarity", T.DoubleType(), True),
    T.StructField("detail", T.StringType(), True),
    T.StructField("facts", T.StringType(), True),  # JSON list, as the SQLite store keeps it
]
VERIFY_SCHEMA = T.StructType([
    T.StructField("a", T.LongType(), False),
    T.StructField("b", T.LongType(), False),
    T.StructField("linked", T.BooleanType(), False),
    *LINK_FIELDS,
    T.StructField("comparison", T.StringType(), True),  # retold.comparison/1 JSON
])
STORY_SCHEMA = T.StructType([
    T.StructField("id", T.StringType(), False),
    T.StructField("root", T.StringType(), False),
    T.StructField("published", T.StringType(), True),
    T.StructField("size", T.IntegerType(), False),
    T.StructField("articles", T.ArrayType(T.StringType(), False), False),
    T.StructField("links", T.ArrayType(T.StringType(), False), False),
    T.StructField("story", T.StringType(), False),  # Story.to_dict() as JSON
])


# -- session and files ---------------------------------------------------------------------------


def session(
    master: str | None = None,
    *,
    app_name: str = "retold-trace",
    shuffle_partitions: int | None = None,
    driver_memory: str | None = None,
    conf: dict[str, str] | None = None,
) -> SparkSession:
    """A SparkSession: the one spark-submit made, or a local one (``master`` like ``local[2]``).

    Under spark-submit leave ``master`` None and the submitted settings win; outside it, None
    means ``RETOLD_SPARK_MASTER`` or ``local[*]``. For a local
    session the UI is off, the warehouse is a temporary folder and the log level is ERROR.
    """
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ \
            and SparkSession.getActiveSession() is None:
        # not under spark-submit (which starts the JVM and sets the gateway) nor in a session
        master = os.environ.get("RETOLD_SPARK_MASTER") or "local[*]"
    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        warehouse = os.path.join(tempfile.gettempdir(), "retold-spark-warehouse")
        builder = (builder.master(master)
                   .config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false")
                   .config("spark.sql.warehouse.dir", warehouse)
                   .config("spark.driver.memory", driver_memory or "2g")
                   .config("spark.sql.shuffle.partitions", str(shuffle_partitions or 8)))
        # Local workers must run this interpreter (a venv's), not the first python3 on PATH;
        # pyspark reads the variable when the context starts.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    elif shuffle_partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions))
    for k, v in (conf or {}).items():
        builder = builder.config(k, v)
    spark = builder.getOrCreate()
    if master is not None:
        spark.sparkContext.setLogLevel("ERROR")
    return spark


def _hpath(spark: SparkSession, path: str) -> tuple[Any, Any]:
    jvm = spark.sparkContext._jvm
    p = jvm.org.apache.hadoop.fs.Path(path)  # type: ignore[union-attr]
    return p.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), p  # type: ignore[union-attr]


def exists(spark: SparkSession, path: str) -> bool:
    """Whether ``path`` exists, on any filesystem Hadoop knows (local, s3a://, hdfs://, ...)."""
    fs, p = _hpath(spark, path)
    return bool(fs.exists(p))


def write_text(spark: SparkSession, path: str, text: str) -> None:
    """Write a small text file through Hadoop's filesystem layer."""
    fs, p = _hpath(spark, path)
    out = fs.create(p, True)
    try:
        out.write(bytearray(text.encode("utf-8")))
    finally:
        out.close()


def read_text(spark: SparkSession, path: str) -> str | None:
    """A small text file's content, or None if it does not exist."""
    if not exists(spark, path):
        return None
    fs, p = _hpath(spark, path)
    stream = fs.open(p)
    try:
        jvm = spark.sparkContext._jvm
        return str(jvm.org.apache.commons.io.IOUtils.toString(stream, "UTF-8"))  # type: ignore[union-attr]
    finally:
        stream.close()


def _first(df: DataFrame) -> Any:
    """The first row of a one-row aggregate."""
    row = df.first()
    assert row is not None
    return row


def _join(base: str, *parts: str) -> str:
    return "/".join([base.rstrip("/"), *parts])


# -- reading input -------------------------------------------------------------------------------


def _format_of(paths: Sequence[str], fmt: str | None) -> str:
    if fmt:
        if fmt not in FORMATS:
            raise OptionError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
        return fmt
    found = set()
    for p in paths:
        name = p.rstrip("/").rsplit("/", 1)[-1].lower()
        for suffix, f in ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "jsonl"),
                          (".csv", "csv"), (".parquet", "parquet"), (".pq", "parquet")):
            if name.endswith((suffix, suffix + ".gz")):
                found.add(f)
                break
        else:
            found.add("?")
    if len(found) == 1 and "?" not in found:
        return found.pop()
    raise OptionError(f"cannot tell the format of {', '.join(paths)} from the names; "
                      f"give --format {' or '.join(FORMATS)} (one format a run)")


def _parse_rows(rows: Iterable[Any], fmt: str, offsets: dict[tuple[str, int], int]) -> Iterator[Any]:
    """Input rows (with their file and block) -> article or problem rows, via ingest's parser."""
    from retold.ingest import _from_record

    counters: dict[tuple[str, int], int] = {}
    for r in rows:
        where = (r["_file"], r["_block"])
        n = counters.get(where, 0)
        counters[where] = n + 1
        line = offsets.get(where, 1) + n  # 1-based line (jsonl) or record (csv, parquet)
        source = _local_name(r["_file"])
        name = source.rsplit("/", 1)[-1]
        if fmt == "csv":
            line += 1  # the header is line 1
        if fmt == "jsonl":
            raw: str = r["value"]
            if line == 1 and raw.startswith("\ufeff"):
                raw = raw[1:]
            if not raw.strip():
                continue
            if "\ufffd" in raw:
                yield (False, source, line, None, None, None, None, None, None, None,
                       "bad encoding: not UTF-8")
                continue
            try:
                record: Any = json.loads(raw + "\n")  # as read by ingest: with its newline
            except json.JSONDecodeError as exc:
                yield (False, source, line, None, None, None, None, None, None, None,
                       f"malformed JSON: {exc.msg} (column {exc.colno})")
                continue
        else:
            record = {k: _plain(r[k]) for k in r.asDict() if not k.startswith("_")}
            if not any(v not in (None, "") for v in record.values()):
                continue
        item = _from_record(record, source=source, line=line, default_id=f"{name}:{line}")
        if isinstance(item, Article):
            yield (True, source, line, item.id, item.text, item.title, item.url, item.outlet,
                   item.published.isoformat() if item.published else None, item.author, None)
        else:
            yield (False, source, line, None, None, None, None, None, None, None, item.reason)


def _local_name(uri: str) -> str:
    """``file:///x/y.jsonl`` -> ``/x/y.jsonl`` (as the local engine names sources)."""
    if uri.startswith("file:"):
        from urllib.parse import unquote, urlparse

        return unquote(urlparse(uri).path)
    return uri


def _plain(v: Any) -> Any:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()[:10]
    return v


def read_articles(
    spark: SparkSession, paths: Sequence[str], fmt: str | None = None
) -> tuple[DataFrame, DataFrame]:
    """Articles and problems (skipped rows) from JSONL, CSV or Parquet files at ``paths``.

    Any path Spark reads works (local, s3a://, hdfs://, globs, folders). Each row is parsed by
    ``retold.ingest._from_record``, as the local engine does; line numbers are counted per
    file (records for CSV with quoted newlines and for Parquet). A later row with an id seen
    before is a problem; the first one, in (file, line) order, is kept.
    """
    if not paths:
        raise OptionError("give at least one input path")
    fmt = _format_of(paths, fmt)
    if fmt == "jsonl":
        raw = spark.read.text(list(paths))
    elif fmt == "csv":
        raw = (spark.read.option("header", True).option("multiLine", True)
               .option("escape", '"').csv(list(paths)))
        raw = raw.toDF(*[c.strip().lower() for c in raw.columns])
        if not {"text", "html"} & set(raw.columns):
            raise OptionError(f"the CSV header names no 'text' or 'html' column; it has "
                              f"{', '.join(raw.columns)}")
    else:
        raw = spark.read.parquet(*paths)
        raw = raw.toDF(*[c.strip().lower() for c in raw.columns])
    if fmt != "jsonl":
        keep = [c for c in raw.columns if c in _INPUT_FIELDS]
        raw = raw.select(*[F.col(c) if raw.schema[c].dataType in (T.DateType(), T.TimestampType())
                           else F.col(c).cast("string") for c in keep], "_metadata")
    raw = raw.withColumn("_file", F.col("_metadata.file_path")).withColumn(
        "_block", F.col("_metadata.file_block_start")).drop("_metadata")
    # Line numbers: rows of one block are read in order by one task; count each block's rows
    # and number the blocks of a file in order of their start.
    counts = raw.groupBy("_file", "_block").count().collect()
    offsets: dict[tuple[str, int], int] = {}
    by_file: dict[str, list[tuple[int, int]]] = {}
    for r in counts:
        by_file.setdefault(r["_file"], []).append((r["_block"], r["count"]))
    for f, blocks in by_file.items():
        line = 1
        for start, n in sorted(blocks):
            offsets[(f, start)] = line
            line += n
    bc = spark.sparkContext.broadcast(offsets)
    parsed = spark.createDataFrame(
        raw.rdd.mapPartitions(lambda rows: _parse_rows(rows, fmt, bc.value)), _READ_SCHEMA)
    parsed = parsed.persist()
    good = parsed.filter("ok")
    w = F.row_number().over(
        Window.partitionBy("id").orderBy("file", "line"))
    first = F.first(F.struct("file", "line")).over(
        Window.partitionBy("id").orderBy("file", "line"))
    ranked = good.withColumn("_rank", w).withColumn("_first", first)
    articles = (ranked.filter("_rank = 1")
                .withColumn("seq", F.monotonically_increasing_id())
                .withColumn("new", F.lit(True))
                .select(*[f.name for f in ARTICLE_SCHEMA.fields]))
    duplicates = ranked.filter("_rank > 1").select(
        F.col("file").alias("source"), "line",
        F.format_string("duplicate id '%s' (first seen at %s:%d); skipped", F.col("id"),
                        F.col("_first.file"), F.col("_first.line")).alias("reason"))
    bad = parsed.filter("not ok").select(F.col("file").alias("source"), "line", "reason")
    return articles, bad.unionByName(duplicates)


def articles_frame(spark: SparkSession, rows: Iterable[tuple[int, Article, bool]]) -> DataFrame:
    """A DataFrame of ``(seq, article, new)`` rows (the engine's path from a store)."""
    data = [(seq, a.id, a.text, a.title, a.url, a.outlet,
             a.published.isoformat() if a.published else None, a.author, bool(new))
            for seq, a, new in rows]
    return spark.createDataFrame(data, ARTICLE_SCHEMA)


def _article(r: Any, prefix: str = "") -> Article:
    p = r[prefix + "published"]
    return Article(id=r[prefix + "id"], text=r[prefix + "text"], title=r[prefix + "title"],
                   url=r[prefix + "url"], outlet=r[prefix + "outlet"],
                   published=times.from_iso(p),
                   author=r[prefix + "author"])


# -- the stages as partition functions (executors) ----------------------------------------------


def _chunks(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for r in rows:
        chunk.append(r)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _fingerprint_partition(rows: Iterable[Any], templates: tp.Templates
                           ) -> Iterator[tuple[Any, ...]]:
    for chunk in _chunks(rows, 500):
        records = fingerprint_many([
            (r["id"], tp.blank(r["text"], templates.get(tp.outlet_of(r["outlet"], r["url"]) or "")))
            for r in chunk])
        for r, fp in zip(chunk, records):
            yield (r["seq"], fp["shingles"], fp["words"], fp["facts"], fp["n_tokens"],
                   fp["n_shingles"], fp["n_words"], r["new"])


def _keys_partition(rows: Iterable[Any], params: cd.SearchParams) -> Iterator[tuple[Any, ...]]:
    """Every nonzero LSH band key and fact key of each article (what the local engine sorts)."""
    bits = _CHANNEL_BITS
    for chunk in _chunks(rows, 2000):
        seq = np.array([r["seq"] for r in chunk], dtype=np.int64)
        new = np.array([r["new"] for r in chunk], dtype=bool)
        sk = cd.band_keys(_stack(chunk, "shingles", "<u4"), params.shingle_bands,
                          params.shingle_rows)
        wk = cd.band_keys(_stack(chunk, "words", "<u4"), params.word_bands, params.word_rows)
        facts = [np.frombuffer(r["facts"], dtype="<u8") for r in chunk]
        n_facts = np.array([len(f) for f in facts])
        parts = [
            (bits["shingles"], sk.ravel(), np.repeat(np.arange(len(chunk)), sk.shape[1])),
            (bits["words"], wk.ravel(), np.repeat(np.arange(len(chunk)), wk.shape[1])),
            (bits["facts"], np.concatenate(facts) if facts else np.zeros(0, np.uint64),
             np.repeat(np.arange(len(chunk)), n_facts)),
        ]
        for bit, keys, owner in parts:
            keep = keys != 0
            keys, owner = keys[keep].astype(np.uint64), owner[keep]
            yield from zip([bit] * len(keys), keys.view(np.int64).tolist(), seq[owner].tolist(),
                           new[owner].tolist())


def _stack(rows: Sequence[Any], column: str, dtype: str) -> np.ndarray:
    """Equal-length binary columns of ``rows`` as one 2-d array (uint32 signatures)."""
    return np.frombuffer(b"".join(r[column] for r in rows), dtype=dtype).reshape(
        len(rows), -1).astype(np.uint32)


def _cap(params: cd.SearchParams, channel: str) -> int:
    """The bucket cap of a channel (fact keys have their own, lower one)."""
    if channel == "facts":
        return int(getattr(params, "fact_bucket_cap", params.bucket_cap))
    return params.bucket_cap


def _bucket_pairs(row: Any, params: cd.SearchParams) -> Iterator[tuple[int, int, int, int]]:
    members = [m["seq"] for m in row["members"]]
    new = [m["new"] for m in row["members"]]
    names = {bit: name for name, bit in _CHANNEL_BITS.items()}
    got, _ = cd.pairs_in_bucket(members, new, _cap(params, names[row["channel"]]))
    is_fact = int(row["channel"] == _CHANNEL_BITS["facts"])
    for a, b in got:
        yield (a, b, row["channel"], is_fact)


def _preverify_partition(rows: Iterable[Any], params: cd.SearchParams) -> Iterator[tuple[Any, ...]]:
    """``candidates.estimate_many`` over the pairs of a partition, both fingerprints joined."""
    for chunk in _chunks(rows, 4096):
        k = len(chunk)
        both = [r["fa"] for r in chunk] + [r["fb"] for r in chunk]
        score, worth, copy = cd.estimate_many(
            np.arange(k), np.arange(k, 2 * k),
            _stack(both, "shingles", "<u4"), _stack(both, "words", "<u4"),
            np.array([f["n_shingles"] for f in both]), np.array([f["n_words"] for f in both]),
            np.array([len(f["facts"]) // 8 for f in both]),
            np.array([r["shared_facts"] for r in chunk], dtype=np.int64), params)
        rounded = np.round(score, 6).tolist()  # as the store keeps it (local engine)
        for r, sc, ok, raw, cp in zip(chunk, rounded, worth.tolist(), score.tolist(),
                                      copy.tolist()):
            yield (r["a"], r["b"], r["channels"], r["shared_facts"], sc,
                   PENDING if ok else REJECTED, raw, cp)


def _third_partition(rows: Iterable[Any]) -> Iterator[tuple[int, int]]:
    """``candidates.prune_through_third`` on each pair's own neighbourhood.

    The verdict on a pair ``(x, y)`` depends only on the pair, the articles ``z`` that are
    candidates of both, the scores of ``(x, z)`` and ``(y, z)`` and the dates of the three; so
    running the reference function on exactly those edges gives the verdict it gives on the
    whole candidate graph. Yields the marked pairs.
    """
    for r in rows:
        x, y = r["a"], r["b"]
        days: dict[int, cd.Time] = {x: _span(r["dx"]), y: _span(r["dy"])}
        pairs: list[tuple[int, int]] = [(x, y)]
        scores: list[float] = [r["estimate"]]
        copies: list[float] = [r["copy"]]
        for t in r["common"]:
            z = t["z"]
            days[z] = _span(t["dz"])
            pairs += [(min(x, z), max(x, z)), (min(y, z), max(y, z))]
            scores += [t["xz"], t["yz"]]
            copies += [t["cxz"], t["cyz"]]
        index = {s: i for i, s in enumerate(sorted(days))}  # keeps a < b
        published = [days[s] for s in sorted(days)]
        marks = cd.prune_through_third([(index[a], index[b]) for a, b in pairs], scores,
                                       published, copies=copies)
        if marks[0]:
            yield (x, y)


def _span(published: str | None) -> cd.Time:
    return times.span(times.from_iso(published))


class _Recorder:
    """The pair pipeline, remembering its last comparison (the one a link is built from)."""

    def __init__(self, compare: Callable[[Document, Document], Comparison]) -> None:
        self.compare = compare
        self.last: Comparison | None = None

    def __call__(self, original: Document, retelling: Document) -> Comparison:
        self.last = self.compare(original, retelling)
        return self.last


def _units_partition(rows: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    for chunk in _chunks(rows, 500):
        yield from tp.unit_rows([(r["seq"], r["outlet"], r["url"], r["text"]) for r in chunk])


def _screen_partition(rows: Iterable[Any], templates: tp.Templates
                      ) -> Iterator[tuple[Any, ...]]:
    """``screen.measure_many`` over pending pairs, both texts joined (templates blanked)."""
    for chunk in _chunks(rows, 500):
        items = [(r["a"], r["b"], article_text(_article(r, "a_"), templates).text,
                  article_text(_article(r, "b_"), templates).text) for r in chunk]
        for (a, b, ab, ba), r in zip(scr.measure_many(items), chunk):
            yield (r["a_id"], r["b_id"], a, b, ab, ba)


def _verify_partition(rows: Iterable[Any], compare: Any, templates: tp.Templates
                      ) -> Iterator[tuple[Any, ...]]:
    from retold.reports.json_report import dumps

    rec = _Recorder(compare or default_compare())
    for r in rows:
        a = article_text(_article(r, "a_"), templates)
        b = article_text(_article(r, "b_"), templates)
        measured = None if r["ab"] is None else (r["ab"], r["ba"])
        link = verify_pair(a, b, channels=cd.channel_names(r["channels"]),
                           similarity=r["score"], compare=rec, measured=measured)
        if link is None:
            yield (r["a"], r["b"], False, *([None] * len(LINK_FIELDS)), None)
            continue
        assert rec.last is not None
        yield (r["a"], r["b"], True, *link_row(link), dumps(rec.last, indent=None))


def link_row(link: Link) -> tuple[Any, ...]:
    """A link as a row of LINK_FIELDS."""
    return (link.id, link.source_id, link.target_id, link.decided, link.evidence, link.reuse,
            link.carried, link.derivation, link.changes, list(link.channels), link.similarity,
            link.detail, json.dumps(list(link.facts), ensure_ascii=False))


def link_from_row(r: Any) -> Link:
    """The inverse of :func:`link_row` (a Row or a dict)."""
    return Link(source_id=r["source_id"], target_id=r["target_id"], decided=bool(r["decided"]),
                evidence=r["evidence"], reuse=r["reuse"], carried=r["carried"],
                derivation=r["derivation"], changes=r["changes"],
                channels=tuple(r["channels"] or ()), similarity=r["similarity"],
                detail=r["detail"], facts=tuple(json.loads(r["facts"])))


def _directed_row(r: Any, turned: set[tuple[str, str]], outlet: dict[str, str | None],
                  learned: dict[str, roles.Role]) -> tuple[Any, ...]:
    """A verified row, directed by outlet roles when it is one of ``turned``. A row turned
    round loses its comparison (it ran the other way)."""
    if (r["source_id"], r["target_id"]) not in turned:
        return tuple(r)
    link = roles.direct([link_from_row(r)], outlet, roles=learned)[0]
    flipped = link.source_id != r["source_id"]
    return (r["a"], r["b"], r["linked"], *link_row(link), None if flipped else r["comparison"])


def _story_partition(rows: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    """``stories.build`` on the links of each component (one component per group)."""
    for _, group in rows:
        links, published = [], {}
        for r in group:
            links.append(link_from_row(r))
            for side in ("source", "target"):
                p = r[side + "_published"]
                published[r[side + "_id"]] = times.from_iso(p)
        for s in st.build(links, published):
            d = s.to_dict()
            yield (s.id, s.root, d["published"], len(s.articles), list(s.articles), d["links"],
                   json.dumps(d, ensure_ascii=False, sort_keys=True))


# -- the pipeline (driver) -----------------------------------------------------------------------


class Pipeline:
    """The stages of one Spark trace run, checkpointed under ``out/_stages``.

    Args:
        spark: the session.
        out: the output folder (any Hadoop path).
        options: trace options (search params; ``compare`` must be picklable).
        partitions: partitions for the heavy stages (None: from the session's parallelism).
        outputs: ``("parquet",)`` or ``("parquet", "jsonl")``.
        progress: ``fn(stage, done, total)``.
    """

    def __init__(self, spark: SparkSession, out: str, *, options: TraceOptions = _DEFAULT_OPTIONS,
                 partitions: int | None = None, outputs: Sequence[str] = ("parquet",),
                 progress: Progress | None = None, templates: tp.Templates | None = None,
                 context: Sequence[Link] = ()) -> None:
        bad = set(outputs) - set(OUTPUTS)
        if bad:
            raise OptionError(f"unknown output format {sorted(bad)}; choose from {OUTPUTS}")
        self.spark = spark
        self.out = out.rstrip("/")
        self.options = options
        self.params = options.params
        self.partitions = partitions or max(2, spark.sparkContext.defaultParallelism * 2)
        self.outputs = tuple(outputs)
        self.report = progress or (lambda stage, done, total: None)
        # outlet templates: given (learned from a store) or learned from the articles
        self.templates: tp.Templates | None = templates
        self.context = list(context)  # links verified by earlier runs (for the screen)
        self.stages: dict[str, str] = {}  # stage -> "done" (this run) | "reused"
        self.summary: dict[str, Any] = {}

    # -- checkpoints

    def stage_path(self, stage: str) -> str:
        return _join(self.out, "_stages", stage)

    @property
    def measured_path(self) -> str:
        """Screening's measure of each pair it left pending (a, b, ab, ba)."""
        return _join(self.out, "_stages", "_measured")

    def finished(self, stage: str) -> bool:
        return exists(self.spark, _join(self.stage_path(stage), "_SUCCESS"))

    def _stage(self, stage: str, compute: Callable[[], DataFrame]) -> DataFrame:
        path = self.stage_path(stage)
        if self.finished(stage):
            self.stages[stage] = "reused"
        else:
            compute().write.mode("overwrite").parquet(path)
            self.stages[stage] = "done"
        return self.spark.read.parquet(path)

    def _check_settings(self, inputs: Sequence[str]) -> None:
        """Refuse to resume a folder made with other inputs or other search settings."""
        settings = json.dumps({"inputs": list(inputs), "params": asdict(self.params)},
                              sort_keys=True)
        path = _join(self.out, "_stages", "_settings.json")
        before = read_text(self.spark, path)
        if before is not None and before.strip() != settings:
            raise OptionError(
                f"{self.out} holds a run with other inputs or settings ({before.strip()}); "
                "give a new --out, or delete its _stages folder to start over")
        if before is None:
            write_text(self.spark, path, settings)

    # -- the run

    def run(self, articles: Callable[[], tuple[DataFrame, DataFrame | None]], *,
            inputs: Sequence[str] = (), stop_after: str | None = None) -> dict[str, Any]:
        """Run (or resume) every stage; publish the results; return the summary."""
        if stop_after is not None and stop_after not in STAGES:
            raise OptionError(f"--stop-after {stop_after!r}: choose one of {', '.join(STAGES)}")
        t0 = time.perf_counter()
        seconds: dict[str, float] = {}
        self._check_settings(inputs)

        def timed(stage: str, fn: Callable[[], Any]) -> Any:
            t = time.perf_counter()
            df = fn()
            seconds[stage] = round(time.perf_counter() - t, 3)
            return df

        arts = timed("articles", lambda: self._articles(articles))
        self.report("ingest", 1, 1)
        if self.templates is None:
            self.templates = timed("templates", lambda: self._templates(arts)) \
                if self.options.templates else {}
        self.summary["templates"] = sum(len(k) for k in self.templates.values())
        if stop_after == "articles":
            return self._finish(t0, seconds, stopped="articles")
        fps = timed("fingerprints", lambda: self._stage("fingerprints", lambda: self._fps(arts)))
        self.report("fingerprint", 1, 1)
        if stop_after == "fingerprints":
            return self._finish(t0, seconds, stopped="fingerprints")
        cands = timed("candidates", lambda: self._candidates(arts, fps))
        self.report("search", 1, 1)
        if stop_after == "candidates":
            return self._finish(t0, seconds, stopped="candidates")
        verified = timed("verify", lambda: self._stage("verify", lambda: self._verify(
            arts, cands)))
        self.report("verify", 1, 1)
        if stop_after == "verify":
            return self._finish(t0, seconds, stopped="verify")
        verified = timed("resolve", lambda: self._resolve(arts, verified))
        stories = timed("stories", lambda: self._stage("stories", lambda: self._stories(
            arts, verified)))
        self.report("stories", 1, 1)
        timed("publish", lambda: self._publish(verified, stories))
        return self._finish(t0, seconds, stopped=None)

    def _finish(self, t0: float, seconds: dict[str, float], stopped: str | None) -> dict[str, Any]:
        seconds["total"] = round(time.perf_counter() - t0, 3)
        self.summary.update({"stages": dict(self.stages), "stopped_after": stopped,
                             "seconds": seconds, "out": self.out})
        if stopped is None:
            write_text(self.spark, _join(self.out, "summary.json"),
                       json.dumps(self.summary, indent=2, sort_keys=True) + "\n")
        return self.summary

    # -- stages

    def _articles(self, make: Callable[[], tuple[DataFrame, DataFrame | None]]) -> DataFrame:
        problems_path = _join(self.out, "_stages", "problems")
        if self.finished("articles"):
            self.stages["articles"] = "reused"
        else:
            arts, problems = make()
            if problems is None:
                problems = self.spark.createDataFrame([], PROBLEM_SCHEMA)
            problems.coalesce(1).write.mode("overwrite").parquet(problems_path)
            arts.repartition(self.partitions).write.mode("overwrite").parquet(
                self.stage_path("articles"))
            self.stages["articles"] = "done"
        df = self.spark.read.parquet(self.stage_path("articles"))
        counts = _first(df.agg(F.count("*").alias("n"),
                               F.sum(F.col("new").cast("long")).alias("new")))
        self.summary["articles"] = int(counts["n"])
        self.summary["added"] = int(counts["new"] or 0)
        self.summary["problems"] = (self.spark.read.parquet(problems_path).count()
                                    if exists(self.spark, problems_path) else 0)
        return df

    def _templates(self, arts: DataFrame) -> dict[str, frozenset[int]]:
        """Outlet templates learned from every article (``templates.learn`` on the driver:
        the unit keys are small; the learned templates smaller still)."""
        rows = arts.select("seq", "outlet", "url", "text").rdd.mapPartitions(
            _units_partition).collect()
        rows.sort()
        return tp.learn((outlet, np.frombuffer(keys, dtype="<u8")) for _, outlet, keys in rows)

    def _fps(self, arts: DataFrame) -> DataFrame:
        templates = self.templates or {}
        rdd = arts.select("seq", "id", "text", "outlet", "url", "new").rdd.mapPartitions(
            lambda rows: _fingerprint_partition(rows, templates))
        return self.spark.createDataFrame(rdd, FINGERPRINT_SCHEMA)

    def _candidates(self, arts: DataFrame, fps: DataFrame) -> DataFrame:
        stats_path = _join(self.out, "_stages", "candidates_stats.json")
        if self.finished("candidates") and exists(self.spark, stats_path):
            self.stages["candidates"] = "reused"
            self.summary["search"] = json.loads(read_text(self.spark, stats_path) or "{}")
            df = self.spark.read.parquet(self.stage_path("candidates"))
        else:
            df = self._search(arts, fps)
            write_text(self.spark, stats_path, json.dumps(self.summary["search"], sort_keys=True))
            self.stages["candidates"] = "done"
        c = _first(df.agg(F.count("*").alias("n"),
                          F.sum((F.col("state") == REJECTED).cast("long")).alias("rejected"),
                          F.sum((F.col("state") == THIRD).cast("long")).alias("third"),
                          F.sum((F.col("state") == SCREENED).cast("long")).alias("screened")))
        self.summary.update({"candidates": int(c["n"]), "rejected": int(c["rejected"] or 0),
                             "third": int(c["third"] or 0),
                             "screened": int(c["screened"] or 0),
                             "capped_buckets": self.summary["search"].get("capped_buckets", 0)})
        return df

    def _search(self, arts: DataFrame, fps: DataFrame) -> DataFrame:
        p, spark = self.params, self.spark
        keys = spark.createDataFrame(
            fps.rdd.mapPartitions(lambda rows: _keys_partition(rows, p)), KEY_SCHEMA)
        keys_path = _join(self.out, "_stages", "_keys")
        keys.write.mode("overwrite").parquet(keys_path)  # scratch: read twice below
        keys = spark.read.parquet(keys_path)
        n_keys = keys.count()
        keys = keys.dropDuplicates(["channel", "key", "seq"])  # an article counts once a bucket
        sizes = keys.groupBy("channel", "key").agg(
            F.count("*").alias("n"), F.max(F.col("new").cast("int")).alias("has_new"))
        sizes = sizes.persist()
        cap_of = F.when(F.col("channel") == _CHANNEL_BITS["facts"], _cap(p, "facts")).otherwise(
            _cap(p, "shingles"))
        capped_cond = (F.col("n") > cap_of) & (F.col("has_new") == 1)
        agg = _first(sizes.agg(
            F.sum((F.col("n") >= 2).cast("long")).alias("buckets"),
            F.sum(capped_cond.cast("long")).alias("capped_buckets"),
            F.sum(F.when(capped_cond, F.col("n")).otherwise(0)).alias("capped_articles"),
        ))
        names = {bit: name for name, bit in _CHANNEL_BITS.items()}
        channel_name = F.create_map(*[x for bit, name in names.items()
                                      for x in (F.lit(bit), F.lit(name))])
        # The report of what the cap left out: each skipped key, its size, a few members.
        capped = sizes.filter(capped_cond).select("channel", "key", "n")
        w = Window.partitionBy(
            "channel", "key").orderBy("seq")
        examples = (keys.join(F.broadcast(capped.select("channel", "key")), ["channel", "key"])
                    .withColumn("r", F.row_number().over(w)).filter("r <= 5")
                    .join(arts.select("seq", "id"), "seq")
                    .groupBy("channel", "key").agg(F.sort_array(F.collect_list("id"))
                                                   .alias("examples")))
        (capped.join(examples, ["channel", "key"], "left")
         .select(channel_name[F.col("channel")].alias("channel"), "key",
                 F.col("n").alias("articles"), "examples")
         .orderBy(F.desc("articles"))
         .coalesce(1).write.mode("overwrite").parquet(_join(self.out, "_stages", "capped")))
        live = sizes.filter((F.col("n") >= 2) & (F.col("n") <= cap_of)
                            & (F.col("has_new") == 1)).select("channel", "key")
        buckets = (keys.join(live, ["channel", "key"])
                   .groupBy("channel", "key")
                   .agg(F.collect_list(F.struct("seq", "new")).alias("members")))
        found = spark.createDataFrame(
            buckets.rdd.flatMap(lambda r: _bucket_pairs(r, p)), PAIR_SCHEMA)
        found_path = _join(self.out, "_stages", "_found")
        found.write.mode("overwrite").parquet(found_path)
        found = spark.read.parquet(found_path)
        by_channel = dict.fromkeys(cd.CHANNELS, 0)
        by_channel.update({names[r["channel"]]: int(r["count"])
                           for r in found.groupBy("channel").count().collect()})
        pairs = found.groupBy("a", "b").agg(
            F.bit_or("channel").alias("channels"),
            F.sum("fact").cast("int").alias("shared_facts"))
        fp_cols = ["seq", "shingles", "words", "facts", "n_tokens", "n_shingles", "n_words"]
        fa = fps.select(F.col("seq").alias("a"), F.struct(*fp_cols).alias("fa"))
        fb = fps.select(F.col("seq").alias("b"), F.struct(*fp_cols).alias("fb"))
        joined = pairs.join(fa, "a").join(fb, "b").repartition(self.partitions)
        scored = spark.createDataFrame(
            joined.rdd.mapPartitions(lambda rows: _preverify_partition(rows, p)),
            CANDIDATE_SCHEMA)
        scored_path = _join(self.out, "_stages", "_scored")
        scored.write.mode("overwrite").parquet(scored_path)
        df = spark.read.parquet(scored_path)
        if p.prune_third:
            df = self._prune_third(arts, df)
        # (written with the candidates, so a resumed run reads the measures of its own pairs)
        measured: list[tuple[int, int, float, float]] = []
        if not self.options.all_pairs:
            df, measured = self._screen(arts, df)
        self.spark.createDataFrame(measured, MEASURED_SCHEMA).write.mode("overwrite").parquet(
            self.measured_path)
        df.write.mode("overwrite").parquet(self.stage_path("candidates"))
        df = spark.read.parquet(self.stage_path("candidates"))
        n_pairs = df.count()
        self.summary["search"] = {
            "keys": int(n_keys), "buckets": int(agg["buckets"] or 0),
            "capped_buckets": int(agg["capped_buckets"] or 0),
            "capped_articles": int(agg["capped_articles"] or 0),
            "pairs": int(n_pairs), "by_channel": by_channel,
        }
        sizes.unpersist()
        return df

    def _prune_third(self, arts: DataFrame, df: DataFrame) -> DataFrame:
        """Mark pairs a third article explains (``candidates.prune_through_third``)."""
        live = df.filter(F.col("state") == PENDING).select("a", "b", "estimate", "copy")
        # the publication time as stored (ISO 8601); _third_partition reads it as the local
        # engine does (times.span), so both prune the same pairs
        days = arts.select("seq", F.col("published").alias("day"))
        # both directions: u's neighbour v, with the pair's unrounded score
        edges = live.select(F.col("a").alias("u"), F.col("b").alias("v"), "estimate",
                            "copy").union(
            live.select(F.col("b").alias("u"), F.col("a").alias("v"), "estimate", "copy"))
        ex = edges.select(F.col("u").alias("a"), F.col("v").alias("z"),
                          F.col("estimate").alias("xz"), F.col("copy").alias("cxz"))
        ey = edges.select(F.col("u").alias("b"), F.col("v").alias("z"),
                          F.col("estimate").alias("yz"), F.col("copy").alias("cyz"))
        common = (live.join(ex, "a").join(ey, ["b", "z"])
                  .join(days.select(F.col("seq").alias("z"), F.col("day").alias("dz")), "z")
                  .groupBy("a", "b")
                  .agg(F.collect_list(F.struct("z", "xz", "yz", "cxz", "cyz", "dz"))
                       .alias("common")))
        tri = (live.join(common, ["a", "b"])
               .join(days.select(F.col("seq").alias("a"), F.col("day").alias("dx")), "a")
               .join(days.select(F.col("seq").alias("b"), F.col("day").alias("dy")), "b"))
        marked = self.spark.createDataFrame(tri.rdd.mapPartitions(_third_partition),
                                            "a long, b long")
        return self._mark(df, marked, THIRD, "_pruned")

    def _mark(self, df: DataFrame, pairs: DataFrame, state: int, stage: str) -> DataFrame:
        """``df`` with the candidates in ``pairs`` (columns a, b) set to ``state``, written
        to the stage folder ``stage`` and read back (a checkpoint Spark need not recompute)."""
        flagged = pairs.withColumn("_mark", F.lit(True))
        out = (df.join(flagged, ["a", "b"], "left")
               .withColumn("state", F.when(F.col("_mark"), F.lit(state))
                           .otherwise(F.col("state")))
               .select(*[f.name for f in CANDIDATE_SCHEMA.fields]))
        path = _join(self.out, "_stages", stage)
        out.write.mode("overwrite").parquet(path)
        return self.spark.read.parquet(path)

    def _screen(self, arts: DataFrame, df: DataFrame
                ) -> tuple[DataFrame, list[tuple[int, int, float, float]]]:
        """Mark pending pairs resolve would drop anyway (``screen.explained`` on the driver,
        over the pairs' millisecond measures computed on the executors); return the marked
        candidates and the measure of each pair left pending (verification's precheck reads
        it instead of measuring again, as the local engine's does)."""
        cols = ["id", "text", "title", "url", "outlet", "published", "author"]
        side_a = arts.select(F.col("seq").alias("a"), *[F.col(c).alias("a_" + c) for c in cols])
        side_b = arts.select(F.col("seq").alias("b"), *[F.col(c).alias("b_" + c) for c in cols])
        pending = df.filter(F.col("state") == PENDING).select("a", "b")
        templates = self.templates or {}
        joined = pending.join(side_a, "a").join(side_b, "b").repartition(self.partitions)
        measured = joined.rdd.mapPartitions(
            lambda rows: _screen_partition(rows, templates)).collect()
        if not measured:
            return df, []
        seq_of = {}
        for x, y, a, b, _, _ in measured:
            seq_of[x], seq_of[y] = a, b
        ids = sorted(set(seq_of) | {x for l in self.context for x in (l.source_id, l.target_id)})
        sel = arts.filter(F.col("id").isin(ids)).select(
            "id", "text", "outlet", "url", "published").collect()
        texts = {r["id"]: tp.blank(r["text"], templates.get(
            tp.outlet_of(r["outlet"], r["url"]) or "")) for r in sel}
        published = {r["id"]: times.from_iso(r["published"]) for r in sel}
        outlet = {r["id"]: tp.outlet_of(r["outlet"], r["url"]) for r in sel}
        skip = scr.explained(sorted((x, y, ab, ba) for x, y, _, _, ab, ba in measured),
                            published, lambda aid: texts.get(aid, ""), context=self.context,
                            outlet=outlet)
        marks = sorted((min(seq_of[x], seq_of[y]), max(seq_of[x], seq_of[y])) for x, y in skip)
        marked = self.spark.createDataFrame(marks or [], "a long, b long")
        skipped = set(marks)
        left = [(a, b, ab, ba) for _, _, a, b, ab, ba in measured
                if (min(a, b), max(a, b)) not in skipped]
        return self._mark(df, F.broadcast(marked), SCREENED, "_screened"), left

    def _verify(self, arts: DataFrame, cands: DataFrame) -> DataFrame:
        cols = ["id", "text", "title", "url", "outlet", "published", "author"]
        side_a = arts.select(F.col("seq").alias("a"), *[F.col(c).alias("a_" + c) for c in cols])
        side_b = arts.select(F.col("seq").alias("b"), *[F.col(c).alias("b_" + c) for c in cols])
        pending = cands.filter(F.col("state") == PENDING).select("a", "b", "channels", "score")
        if exists(self.spark, _join(self.measured_path, "_SUCCESS")):
            pending = pending.join(self.spark.read.parquet(self.measured_path), ["a", "b"], "left")
        else:  # (a folder from before the measures were kept: verification measures)
            pending = pending.withColumn("ab", F.lit(None).cast("double")).withColumn(
                "ba", F.lit(None).cast("double"))
        n = pending.count()
        parts = max(self.partitions, n // 2000)
        joined = pending.join(side_a, "a").join(side_b, "b").repartition(parts)
        compare = self.options.compare
        templates = self.templates or {}
        return self.spark.createDataFrame(
            joined.rdd.mapPartitions(lambda rows: _verify_partition(rows, compare, templates)),
            VERIFY_SCHEMA)

    def _resolve(self, arts: DataFrame, verified: DataFrame) -> DataFrame:
        """Keep ``linked`` only where the target retells the source (``trace.resolve``).

        The verified links (small beside the corpus) are resolved on the driver with the same
        function as the local engine; only the texts of targets with two candidate sources or
        more, and of those sources, are fetched.
        """
        if self.options.all_pairs:
            return verified
        rows = verified.filter("linked").select("source_id", "target_id", "decided", "reuse",
                                                "carried", "derivation").collect()
        # (resolve reads each link's shares and derivation: two copies of one retelling that
        # carry a source whole are its siblings; outlet roles weigh links by their reuse)
        links = [Link(r["source_id"], r["target_id"], bool(r["decided"]), "",
                      float(r["reuse"] or 0.0), float(r["carried"] or 0.0),
                      r["derivation"] or "wholly", 0) for r in rows]
        degree: dict[str, int] = {}
        for l in links:
            degree[l.target_id] = degree.get(l.target_id, 0) + 1
            if not l.decided:
                degree[l.source_id] = degree.get(l.source_id, 0) + 1
        busy = {t for t, n in degree.items() if n > 1}
        need = sorted(busy | {l.source_id for l in links if l.target_id in busy}
                      | {l.target_id for l in links if not l.decided and l.source_id in busy})
        ids = sorted({x for l in links for x in (l.source_id, l.target_id)})
        sel = arts.filter(F.col("id").isin(ids)).select(
            "id", "published", "text", "outlet", "url").collect()
        templates = self.templates or {}
        texts = {r["id"]: tp.blank(r["text"], templates.get(
            tp.outlet_of(r["outlet"], r["url"]) or "")) for r in sel if r["id"] in set(need)}
        published = {r["id"]: times.from_iso(r["published"]) for r in sel}
        outlet = {r["id"]: tp.outlet_of(r["outlet"], r["url"]) for r in sel}
        learned = rs.outlet_roles(links, lambda aid: texts.get(aid, ""), published, outlet)
        directed = roles.direct(links, outlet, roles=learned)
        turned = {(l.source_id, l.target_id) for l, d in zip(links, directed)
                  if d.evidence == "outlets"}
        kept = rs.resolve(directed, lambda aid: texts.get(aid, ""), published).links
        # both ways: outlet roles may have turned an undecided link round
        keep = self.spark.createDataFrame(
            sorted({p for l in kept for p in ((l.source_id, l.target_id),
                                              (l.target_id, l.source_id))}) or [],
            "source_id string, target_id string")
        keep = keep.withColumn("kept", F.lit(True))
        out = (verified.join(F.broadcast(keep), ["source_id", "target_id"], "left")
               .withColumn("linked", F.col("linked") & F.coalesce(F.col("kept"), F.lit(False)))
               .drop("kept").select(*[f.name for f in VERIFY_SCHEMA.fields]))
        if not turned:
            return out
        # the links outlet roles directed, as the local engine directs them (the rows are few:
        # undecided links between two named outlets)
        ends = {x: outlet.get(x) for pair in turned for x in pair}
        return self.spark.createDataFrame(
            out.rdd.map(lambda r: _directed_row(r, turned, ends, learned)), VERIFY_SCHEMA)

    def _stories(self, arts: DataFrame, verified: DataFrame) -> DataFrame:
        links = verified.filter("linked").drop("comparison")
        edges = links.select("a", "b")
        both = edges.union(edges.select(F.col("b").alias("a"), F.col("a").alias("b")))
        both = both.localCheckpoint()
        labels = both.groupBy("a").agg(F.least(F.col("a"), F.min("b")).alias("label"))
        labels = labels.withColumnRenamed("a", "node").localCheckpoint()
        for _ in range(1000):  # min-label propagation: as many rounds as the widest story
            nxt = (both.join(labels, both.b == labels.node)
                   .groupBy("a").agg(F.min("label").alias("l2"))
                   .join(labels, F.col("a") == labels.node)
                   .select("node", F.least("label", "l2").alias("label"))).localCheckpoint()
            changed = nxt.join(labels.withColumnRenamed("label", "old"), "node").filter(
                F.col("label") != F.col("old")).count()
            labels = nxt
            if changed == 0:
                break
        pub = arts.select("id", "published")
        grouped = (links.join(labels.select(F.col("node").alias("a"), "label"), "a")
                   .join(pub.select(F.col("id").alias("source_id"),
                                    F.col("published").alias("source_published")), "source_id")
                   .join(pub.select(F.col("id").alias("target_id"),
                                    F.col("published").alias("target_published")), "target_id"))
        by_label = grouped.rdd.map(lambda r: (r["label"], r)).groupByKey(self.partitions)
        return self.spark.createDataFrame(by_label.mapPartitions(_story_partition), STORY_SCHEMA)

    def _publish(self, verified: DataFrame, stories: DataFrame) -> None:
        # for spark_load: `retold show` compares with the template text blanked, as here
        write_text(self.spark, _join(self.out, "templates.json"),
                   json.dumps(tp.to_rows(self.templates or {})) + "\n")
        linked = verified.filter("linked")
        n_links = linked.count()
        files = max(1, n_links // 500_000)
        link_cols = [f.name for f in LINK_FIELDS]
        links = linked.select(*link_cols).repartition(files, "target_id")
        links.write.mode("overwrite").parquet(_join(self.out, "links"))
        (linked.select("id", "source_id", "target_id", "comparison")
         .repartition(max(1, n_links // 50_000), "target_id")
         .write.mode("overwrite").parquet(_join(self.out, "comparisons")))
        n_stories = stories.count()
        stories.repartition(max(1, n_stories // 500_000)).write.mode("overwrite").parquet(
            _join(self.out, "stories"))
        for name in ("capped", "problems"):
            src = _join(self.out, "_stages", name)
            if exists(self.spark, src):
                self.spark.read.parquet(src).coalesce(1).write.mode("overwrite").parquet(
                    _join(self.out, name))
        if "jsonl" in self.outputs:
            links.write.mode("overwrite").json(_join(self.out, "links_jsonl"))
            stories.select("story").write.mode("overwrite").text(_join(self.out, "stories_jsonl"))
        self.summary.update({"verified": int(verified.count()), "links": int(n_links),
                             "stories": int(n_stories)})


# -- entry points ------------------------------------------------------------------------------


def run_job(
    spark: SparkSession,
    inputs: Sequence[str],
    out: str,
    *,
    fmt: str | None = None,
    options: TraceOptions = _DEFAULT_OPTIONS,
    partitions: int | None = None,
    outputs: Sequence[str] = ("parquet",),
    stop_after: str | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Trace the articles at ``inputs`` (JSONL/CSV/Parquet, any Spark path) into ``out``.

    Returns the run's summary (also written to ``out/summary.json`` when the run completes).
    A re-run with the same ``out`` reuses every finished stage.
    """
    pipe = Pipeline(spark, out, options=options, partitions=partitions, outputs=outputs,
                    progress=progress)
    return pipe.run(lambda: read_articles(spark, inputs, fmt), inputs=list(inputs),
                    stop_after=stop_after)


class SparkEngine:
    """The :class:`~retold.engines.base.Engine` on Spark: ``get_engine("spark")``.

    ``run(items, store)`` behaves as the local engine's: new items are stored, the stages run
    on Spark over the store's articles (old-old pairs are skipped, as an incremental local run
    skips them), and fingerprints, candidates and links go back into the store. For inputs on
    a cluster filesystem use :func:`run_job` (``retold trace --engine spark --out ...``).

    Args:
        workers: cores of a local session (``local[workers]``; 1 means all cores).
        master: a Spark master URL (None: ``RETOLD_SPARK_MASTER`` or local); under
            spark-submit the submitted session is used as it is.
        out: where the stage checkpoints go (None: a temporary folder, removed after the run).
        partitions: partitions for the heavy stages.
    """

    name = "spark"

    def __init__(self, workers: int = 1, *, master: str | None = None, out: str | None = None,
                 partitions: int | None = None, conf: dict[str, str] | None = None) -> None:
        self.workers = max(1, int(workers))
        self.master = master or os.environ.get("RETOLD_SPARK_MASTER") or (
            f"local[{self.workers}]" if self.workers > 1 else "local[*]")
        self.out = out
        self.partitions = partitions
        self.conf = conf
        self._spark: SparkSession | None = None

    @property
    def spark(self) -> SparkSession:
        if self._spark is None:
            active = SparkSession.getActiveSession()
            self._spark = active or session(self.master, conf=self.conf)
        return self._spark

    def map(self, fn: Callable[[Any], Any], chunks: Iterable[Any]) -> Iterator[Any]:
        items = list(chunks)
        if not items:
            return iter(())
        rdd = self.spark.sparkContext.parallelize(items, min(len(items), 64))
        return iter(rdd.map(fn).collect())

    def close(self) -> None:
        """Leave the session running: it may be shared (a notebook, spark-submit, tests)."""

    def run(
        self,
        items: Iterable[object],
        store: Store,
        *,
        options: TraceOptions = _DEFAULT_OPTIONS,
        progress: Progress | None = None,
    ) -> TraceResult:
        report = progress or (lambda stage, done, total: None)
        result = TraceResult()
        t0 = time.perf_counter()
        store_items(items, store, options, result, report)
        templates = learn_templates(store, map, options, result, report)
        t1 = time.perf_counter()
        rows = _store_articles(store)
        tmp = None
        out = self.out
        if out is None:
            tmp = tempfile.TemporaryDirectory(prefix="retold-spark-")
            out = tmp.name
        try:
            pipe = Pipeline(self.spark, out, options=options, partitions=self.partitions,
                            progress=report, templates=templates, context=list(store.links()))
            df = articles_frame(self.spark, rows)
            # what the checkpoints were made from: a resume must see the same articles
            digest = hashlib.sha256("\n".join(f"{seq}\t{a.id}\t{int(new)}"
                                              for seq, a, new in rows).encode()).hexdigest()
            summary = pipe.run(lambda: (df, None), inputs=[f"<store {digest[:16]}>"])
            _load_run(self.spark, pipe, store, {seq for seq, _, new in rows if new}, result)
            result.search = summary.get("search", {})
            result.candidates = summary.get("candidates", 0)
            result.rejected = summary.get("rejected", 0)
            result.third = summary.get("third", 0)
            result.screened = summary.get("screened", 0)
        finally:
            if tmp is not None:
                tmp.cleanup()
        t2 = time.perf_counter()
        finish(store, options, result)
        t3 = time.perf_counter()
        result.articles = store.counts()["articles"]
        result.seconds = {"ingest": t1 - t0, "spark": t2 - t1, "stories": t3 - t2,
                          "total": t3 - t0}
        return result


def _store_articles(store: Store) -> list[tuple[int, Article, bool]]:
    """Every article of the store with its seq, and whether it is new (not searched yet)."""
    searched = {seq: was for seq, _, was in store.fingerprints()}
    total = store.counts()["articles"]
    unfp = [seq for seq, _, _ in store.unfingerprinted(max(1, total))]
    seqs = sorted(set(searched) | set(unfp))
    arts = store.articles(seqs)
    return [(s, arts[s], not searched.get(s, False)) for s in seqs]


def _load_run(spark: SparkSession, pipe: Pipeline, store: Store, new: set[int],
              result: TraceResult) -> None:
    """Put a finished run's fingerprints, candidates and links into the store."""
    have = {seq for seq, _, _ in store.fingerprints()}
    fps = spark.read.parquet(pipe.stage_path("fingerprints")).collect()
    rows = [(r["seq"], {"id": "", "shingles": bytes(r["shingles"]), "words": bytes(r["words"]),
                        "facts": bytes(r["facts"]), "n_tokens": r["n_tokens"],
                        "n_shingles": r["n_shingles"], "n_words": r["n_words"]})
            for r in fps if r["seq"] not in have]
    store.put_fingerprints(rows)
    result.fingerprinted = len(rows)
    verified = spark.read.parquet(pipe.stage_path("verify")).collect()
    done = {(r["a"], r["b"]) for r in verified}
    cands = spark.read.parquet(pipe.stage_path("candidates")).collect()
    store.put_candidates(
        [(r["a"], r["b"], r["channels"], r["shared_facts"], r["score"],
          VERIFIED if (r["a"], r["b"]) in done else r["state"]) for r in cands],
        sorted(new))
    links = [link_from_row(r) for r in verified if r["linked"]]
    store.put_links([], links)
    result.verified = len(verified)
    result.new_links = len(links)


__all__ = [
    "STAGES",
    "Pipeline",
    "SparkEngine",
    "link_from_row",
    "link_row",
    "read_articles",
    "run_job",
    "session",
]
