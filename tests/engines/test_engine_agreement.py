"""The Spark engine must give exactly the local engine's links (HOUSE_STYLE habit 5).

One generated corpus (benchmarks/corpus.py, with known retellings, plus a few bad rows) goes
through the local engine (the reference) and through the Spark engine in ``local[2]`` mode; the
links must be identical field for field, and so must the stories, the skipped rows and the
candidate-search figures. The Spark run is split in two (``stop_after="candidates"``, then a
resume) so the same run also tests the checkpoints; its output is loaded into an SQLite store
and read back through the CLI.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from retold.engines.base import TraceOptions
from retold.engines.local import LocalEngine
from retold.ingest import Problem, read_inputs
from retold.store import MemoryStore, SqliteStore
from retold.store.base import PENDING


def _java_missing() -> bool:
    if shutil.which("java") is None:
        return True
    try:
        done = subprocess.run(["java", "-version"], capture_output=True, timeout=30, check=False)
        return done.returncode != 0
    except (OSError, subprocess.TimeoutExpired):
        return True


pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(importlib.util.find_spec("pyspark") is None,
                       reason="pyspark is not installed: pip install 'retold[spark]'"),
    pytest.mark.skipif(_java_missing(), reason="no working `java` on PATH (Spark needs Java 17)"),
]

ROOT = Path(__file__).resolve().parents[2]
N_ARTICLES = 120
BAD_ROWS = [
    '{"id": "broken", "text": "no closing brace"',  # malformed JSON
    '{"id": "empty", "text": "   "}',  # missing text
]
# an article under an id the generated corpus already used (its first article's)
DUPLICATE = '{{"id": "{}", "text": "A second article under an id already used."}}'



# A statement page and two papers printing one version of it with a paragraph inserted, with no
# times: the copies explain each other wholly, and resolve must keep the page as their source in
# both engines (the Spark engine passes each link's shares to resolve, as the store does).
_PAGE = ("The Selm water board said on its website that the northern reservoir would stay closed "
         "to swimmers for the rest of the summer after tests found high levels of algae. "
         "Samples taken at four points along the eastern shore showed toxin levels three times "
         "the safe limit, the board said. Boats may still use the reservoir, but dogs must be "
         "kept on a lead near the water. The board will test the water again every week and "
         "publish the results online. Anyone who feels unwell after contact with the water "
         "should call a doctor, the board added.")
_PARTS = _PAGE.split(". ")
_COPY = (". ".join(_PARTS[:2]) + ". Local anglers said the closure would hurt the bait shops along "
         "the shore. One owner, Mira Dahl, said her sales had fallen by half since June. "
         + ". ".join(_PARTS[2:]))
TWINS = [("board-page", _PAGE, "Selm Water Board"), ("east-paper", _COPY, "East Gazette"),
         ("west-paper", _COPY, "West Courier")]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import corpus as gen  # benchmarks/corpus.py
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    folder = tmp_path_factory.mktemp("corpus")
    path, _ = gen.write(N_ARTICLES, folder, seed=11)
    from tests.unit.test_trace_roles import agency_corpus  # links directed by outlet roles
    from tests.unit.test_trace_templates import ARTICLES, COPY  # one outlet's template

    with path.open("a", encoding="utf-8") as f:
        for a in [*ARTICLES, COPY, *agency_corpus()]:
            f.write(json.dumps({"id": a.id, "text": a.text, "outlet": a.outlet,
                                "published": a.published.isoformat() if a.published else None})
                    + "\n")
        for aid, text, outlet in TWINS:
            f.write(json.dumps({"id": aid, "text": text, "outlet": outlet}) + "\n")
        first_id = json.loads(path.read_text(encoding="utf-8").splitlines()[0])["id"]
        f.write("\n".join([*BAD_ROWS, DUPLICATE.format(first_id)]) + "\n")
    return path


@pytest.fixture(scope="module")
def local(corpus: Path) -> Any:
    store = MemoryStore()
    result = LocalEngine().run(read_inputs([corpus]), store)
    return result


@pytest.fixture(scope="module")
def spark() -> Any:
    from retold.engines import spark as sp

    session = sp.session("local[2]", shuffle_partitions=2)
    yield session
    session.stop()


@pytest.fixture(scope="module")
def spark_run(spark: Any, corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One Spark run, stopped after the candidates stage and then resumed."""
    from retold.engines import spark as sp

    out = tmp_path_factory.mktemp("spark") / "out"
    first = sp.run_job(spark, [str(corpus)], str(out), partitions=2, stop_after="candidates",
                       outputs=("parquet", "jsonl"))
    marks: dict[str, Any] = {s: (out / "_stages" / s / "_SUCCESS").stat().st_mtime_ns
                             for s in ("articles", "fingerprints", "candidates")}
    marks["published after the stop"] = sorted(p.name for p in out.iterdir())
    marks["verify after the stop"] = (out / "_stages" / "verify").exists()
    second = sp.run_job(spark, [str(corpus)], str(out), partitions=2,
                        outputs=("parquet", "jsonl"))
    return out, first, second, marks


def test_links_are_identical(local: Any, spark_run: Any) -> None:
    from retold.engines.spark_load import read_links

    out, *_ = spark_run
    links = read_links(out)
    assert len(local.links) > 20  # the corpus has retellings of every kind
    assert any(l.evidence == "outlets" for l in local.links)  # and an agency's undated story
    assert [l.id for l in links] == [l.id for l in local.links]
    for ours, ref in zip(links, local.links):
        assert ours == ref  # source, target, decided, evidence, reuse, derivation, changes, ...


def test_copies_of_one_retelling_keep_their_source(local: Any, spark_run: Any) -> None:
    from retold.engines.spark_load import read_links

    out, *_ = spark_run
    twins = {aid for aid, _t, _o in TWINS}
    for links in (local.links, read_links(out)):
        pairs = {(l.source_id, l.target_id) for l in links if {l.source_id, l.target_id} <= twins}
        assert pairs == {("board-page", "east-paper"), ("board-page", "west-paper")}


def test_stories_are_identical(local: Any, spark_run: Any) -> None:
    import pyarrow.parquet as pq

    out, *_ = spark_run
    table = pq.read_table(out / "stories", columns=["story"])
    ours = sorted((json.loads(s) for s in table.column("story").to_pylist()),
                  key=lambda d: d["id"])
    ref = sorted((s.to_dict() for s in local.stories), key=lambda d: d["id"])
    assert len(ref) > 5
    assert ours == ref
    jsonl = sorted(json.loads(line)["id"] for f in (out / "stories_jsonl").glob("part-*")
                   for line in f.read_text(encoding="utf-8").splitlines())
    assert jsonl == [d["id"] for d in ref]


def test_search_and_problems_agree(local: Any, spark_run: Any) -> None:
    import pyarrow.parquet as pq

    out, _, summary, _ = spark_run
    assert summary["search"] == local.search
    assert (summary["candidates"], summary["rejected"], summary["third"]) == (
        local.candidates, local.rejected, local.third)
    assert (summary["templates"], summary["screened"]) == (local.templates, local.screened)
    assert local.templates > 0  # the corpus has an outlet template: both engines ignore it
    assert summary["verified"] == local.verified
    problems = pq.read_table(out / "problems").to_pylist()
    ours = sorted((p["source"], p["line"], p["reason"])
                  for p in problems)
    ref = sorted((p.source, p.line, p.reason) for p in local.problems
                 if isinstance(p, Problem))
    assert len(ref) == len(BAD_ROWS) + 1  # and the duplicate id
    assert ours == ref


def test_resume_skips_finished_stages(spark: Any, corpus: Path, spark_run: Any) -> None:
    from retold.engines import spark as sp
    from retold.engines.spark_load import read_links

    out, first, second, marks = spark_run
    assert first["stopped_after"] == "candidates"
    assert first["stages"] == {"articles": "done", "fingerprints": "done", "candidates": "done"}
    assert marks.pop("verify after the stop") is False
    assert marks.pop("published after the stop") == ["_stages"]  # nothing published yet
    assert second["stages"] == {"articles": "reused", "fingerprints": "reused",
                                "candidates": "reused", "verify": "done", "stories": "done"}
    for stage, mtime in marks.items():  # not rewritten
        assert (out / "_stages" / stage / "_SUCCESS").stat().st_mtime_ns == mtime
    before = read_links(out)
    third = sp.run_job(spark, [str(corpus)], str(out), partitions=2)
    assert set(third["stages"].values()) == {"reused"}
    assert read_links(out) == before
    with pytest.raises(Exception, match="other inputs or settings"):
        sp.run_job(spark, [str(corpus), str(corpus)], str(out))


def test_screening_measures_go_to_verification(spark_run: Any, corpus: Path) -> None:
    """The measure screening took of each pair it left pending is kept beside the candidates
    (a resumed run reads it there), one per pending pair: `reuse_of` of the two texts with
    their outlet's template blanked, as the local engine hands it on."""
    import pyarrow.parquet as pq

    from retold.engines import spark as sp
    from retold.engines.base import article_text
    from retold.reuse import reuse_of

    out, *_ = spark_run
    cands = pq.read_table(out / "_stages" / "candidates").to_pylist()
    pending = {(r["a"], r["b"]) for r in cands if r["state"] == PENDING}
    kept = {(r["a"], r["b"]): (r["ab"], r["ba"])
            for r in pq.read_table(out / "_stages" / "_measured").to_pylist()}
    assert len(pending) > 20
    assert set(kept) == pending
    store = MemoryStore()
    LocalEngine().run(read_inputs([corpus]), store)
    templates = store.templates()
    assert templates
    arts = {r["seq"]: article_text(sp._article(r), templates)
            for r in pq.read_table(out / "_stages" / "articles").to_pylist()}
    for (a, b), measure in kept.items():
        assert measure == reuse_of(arts[a].text, arts[b].text)


def test_output_loads_into_the_store(local: Any, spark_run: Any, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    from retold.cli import main
    from retold.engines.spark_load import read_comparison

    out, *_ = spark_run
    db = tmp_path / "news.db"
    assert main(["spark-load", str(out), "--store", str(db)]) == 0
    capsys.readouterr()
    with SqliteStore(db) as store:
        assert list(store.links()) == local.links
        assert store.counts()["articles"] == local.articles
    assert main(["links", str(db), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(l)["id"] for l in lines] == [l.id for l in local.links]
    link = local.links[0]
    assert main(["show", str(db), link.id, "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == read_comparison(out, link.id)  # the comparison Spark kept for the link


def test_engine_protocol_with_capped_buckets(spark: Any, corpus: Path) -> None:
    """``get_engine("spark").run(items, store)``, with a tiny bucket cap, as the local one."""
    from retold.engines import get_engine

    items = [x for x in read_inputs([corpus])][:40]
    tiny = TraceOptions(params=replace(TraceOptions().params, bucket_cap=3))
    ref_store, spark_store = MemoryStore(), MemoryStore()
    ref = LocalEngine().run(items, ref_store, options=tiny)
    got = get_engine("spark", workers=2).run(items, spark_store, options=tiny)
    assert ref.search["capped_buckets"] > 0
    assert got.search == ref.search
    assert got.links == ref.links and len(ref.links) > 3
    assert [s.to_dict() for s in got.stories] == [s.to_dict() for s in ref.stories]
    assert spark_store.counts() == ref_store.counts()


def test_reads_csv_and_parquet_as_ingest_does(spark: Any, corpus: Path, tmp_path: Path) -> None:
    """The same articles from JSONL, CSV and Parquet, parsed as the local readers parse them."""
    import csv

    import pyarrow as pa
    import pyarrow.parquet as pq

    from retold.engines import spark as sp
    from retold.model import Article

    rows = []
    for line in corpus.read_text(encoding="utf-8").splitlines()[:30]:
        rows.append(json.loads(line))
    fields = ["id", "title", "text", "outlet", "published"]
    with (tmp_path / "c.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    pq.write_table(pa.Table.from_pylist([{k: r.get(k) for k in fields} for r in rows]),
                   tmp_path / "c.parquet")
    ref = [a for a in read_inputs([tmp_path / "c.csv"]) if isinstance(a, Article)]
    assert len(ref) == 30
    want = sorted((a.id, a.text, a.title, a.outlet,
                   a.published.isoformat() if a.published else None) for a in ref)
    for name in ("c.csv", "c.parquet"):
        arts, problems = sp.read_articles(spark, [str(tmp_path / name)])
        got = sorted((r["id"], r["text"], r["title"], r["outlet"], r["published"])
                     for r in arts.collect())
        assert got == want, name
        assert problems.count() == 0
