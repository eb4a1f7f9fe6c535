"""`retold trace / links / stories / show` through retold.cli.main, and kill -9 resume."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from retold.cli import main
from tests.engines.test_local_engine import make_corpus
from tests.unit.test_trace_corpus import english_corpus

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def traced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as f:
        for a in english_corpus():
            f.write(json.dumps({"id": a.id, "text": a.text, "outlet": a.outlet,
                                "published": a.published and a.published.isoformat()}) + "\n")
        f.write("{broken json\n")
    db = tmp_path / "news.db"
    assert main(["trace", str(feed), "--store", str(db)]) == 0
    capsys.readouterr()
    return db


def test_trace_prints_a_summary_and_reports_bad_rows(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "One."}\n{broken\n{"id": "a", "text": "Two."}\n')
    assert main(["trace", str(feed), "--store", str(tmp_path / "x.db")]) == 0
    out, err = capsys.readouterr()
    assert "articles 1 (new 1" in out and "skipped 2" in out and "stories 0" in out
    assert f"{feed}:2: malformed JSON" in err and f"{feed}:3: duplicate id 'a'" in err
    assert "\x1b[" not in err  # no progress bar when stderr is not a terminal
    assert main(["trace", str(feed), "--store", str(tmp_path / "x.db"), "--quiet",
                 "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["already_stored"] == 1 and err == ""


def test_links_jsonl(traced: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["links", str(traced)]) == 0
    lines = capsys.readouterr().out.splitlines()
    links = [json.loads(line) for line in lines]
    assert len(links) >= 5
    for link in links:
        assert {"source_id", "target_id", "decided", "evidence", "reuse", "derivation",
                "changes"} <= set(link)
        assert link["derivation"] in ("wholly", "partially")
    changed = next(l for l in links if l["target_id"] == "changed")
    assert changed["source_id"] == "wire" and changed["changes"] >= 2
    assert changed["decided"] is True and changed["evidence"] == "published"


def test_links_csv_and_graphml(traced: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["links", str(traced), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and rows[0]["source_id"] and rows[0]["decided"] in ("true", "false")
    out = tmp_path / "g.graphml"
    assert main(["links", str(traced), "-f", "graphml", "-o", str(out)]) == 0
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    graph = ET.parse(out).getroot().find("g:graph", ns)
    assert graph is not None and len(graph.findall("g:edge", ns)) == len(rows)


def test_stories(traced: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", str(traced), "--facts"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("story:wire: 6 articles; earliest source wire, published 2021-03-01")
    assert "share a source (wire): siblings, not links" in out
    assert "wire -> changed" in out and "37 people" in out
    assert main(["stories", str(traced), "--format", "jsonl"]) == 0
    story = json.loads(capsys.readouterr().out.splitlines()[0])
    assert story["root"] == "wire" and story["facts"]


def test_show_renders_the_comparison(traced: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(traced), "wire->changed", "--format", "text", "--width", "90"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("wire->changed: published") and "73" in out
    assert main(["show", str(traced), "wire->changed", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "retold.comparison/1" and data["changes"]


def test_show_and_links_errors(traced: Path, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(traced), "nope"]) == 3
    assert "SOURCE->TARGET" in capsys.readouterr().err
    assert main(["show", str(traced), "a->b"]) == 1
    assert "no link 'a->b'" in capsys.readouterr().err
    assert main(["links", str(tmp_path / "missing.db")]) == 4
    assert "run `retold trace" in capsys.readouterr().err
    assert main(["trace", str(tmp_path / "nope.jsonl"), "--store", str(traced)]) == 2


def _run(args: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "retold", *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _count(db: Path, sql: str) -> int:
    try:  # mode=ro: never create the file (an empty file is not a store; trace refuses it)
        con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute(sql).fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A corpus and the links of an uninterrupted run over it."""
    tmp = tmp_path_factory.mktemp("resume")
    corpus, _ = make_corpus(tmp, 80, seed=5)
    ref = tmp / "ref.db"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["trace", str(corpus), "--store", str(ref), "--quiet"]) == 0
        out.truncate(0)
        out.seek(0)
        assert main(["links", str(ref)]) == 0
    return corpus, out.getvalue()


@pytest.mark.parametrize("kill_when", ["fingerprint", "verify"])
def test_kill_9_then_rerun_gives_the_same_links(
        tmp_path: Path, kill_when: str, uninterrupted: tuple[Path, str],
        capsys: pytest.CaptureFixture[str]) -> None:
    corpus, expected = uninterrupted
    db = tmp_path / "killed.db"
    proc = _run(["trace", str(corpus), "--store", str(db), "--quiet", "--batch-size", "10"])
    query = {"fingerprint": "SELECT count(*) FROM fingerprints",
             "verify": "SELECT count(*) FROM candidates WHERE state = 2"}[kill_when]
    deadline = time.monotonic() + 60
    while _count(db, query) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    assert main(["trace", str(corpus), "--store", str(db), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["links", str(db)]) == 0
    assert capsys.readouterr().out == expected
    assert expected.count("\n") > 10


def test_out_needs_the_spark_engine(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from retold.cli import main

    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "Some text."}\n', encoding="utf-8")
    assert main(["trace", str(feed), "--out", str(tmp_path / "out")]) == 3
    assert "--engine spark" in capsys.readouterr().err


def test_a_run_that_stores_no_article_exits_2(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "   "}\n{"id": "b"}\n{not json\n', encoding="utf-8")
    db = tmp_path / "news.db"
    assert main(["trace", str(bad), "--store", str(db)]) == 2
    err = capsys.readouterr().err
    assert "no article of the input could be stored (3 rows skipped)" in err
    assert "the text is empty" in err  # each row's reason is still reported
    good = tmp_path / "good.jsonl"
    good.write_text('{"id": "c", "text": "The ferry sailed at noon."}\n' + bad.read_text(),
                    encoding="utf-8")
    assert main(["trace", str(good), "--store", str(db)]) == 0  # one row stored: a run
    assert main(["trace", str(good), "--store", str(db)]) == 0  # stored before: still a run
