"""The local engine: in-process and with workers, the same links; incremental runs."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from retold.engines import TraceOptions, get_engine
from retold.engines.local import LocalEngine
from retold.errors import MissingExtra, OptionError
from retold.ingest import read_inputs
from retold.model import Comparison
from retold.store import MemoryStore, open_store
from retold.trace import trace

ROOT = Path(__file__).resolve().parents[2]


def make_corpus(tmp_path: Path, n: int, seed: int = 11) -> tuple[Path, list[dict]]:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks/corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    corpus, truth = module.write(n, tmp_path / f"corpus{n}", seed)
    return corpus, [json.loads(line) for line in truth.read_text().splitlines()]


def key(links: list) -> list[tuple]:
    return [(l.source_id, l.target_id, l.decided, l.evidence, round(l.reuse, 6), l.changes)
            for l in links]


def test_workers_give_the_same_links_as_in_process(tmp_path: Path) -> None:
    corpus, truth = make_corpus(tmp_path, 60)
    one = trace(corpus, workers=1)
    two = trace(corpus, workers=2, batch_size=7)
    assert key(one.links) == key(two.links)
    assert one.links, "the corpus has retellings"
    found = {frozenset((l.source_id, l.target_id)) for l in one.links}
    assert sum(frozenset((t["source_id"], t["target_id"])) in found for t in truth) >= 0.9 * len(
        truth)


def test_an_incremental_run_does_only_the_new_work(tmp_path: Path) -> None:
    corpus, _ = make_corpus(tmp_path, 60)
    rows = corpus.read_text().splitlines()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(rows[:40]) + "\n")
    second.write_text("\n".join(rows[40:]) + "\n")
    db = tmp_path / "s.db"
    r1 = trace(first, store=db)
    r2 = trace([first, second], store=db)  # the first file again: already stored, skipped
    assert (r2.added, r2.already_stored, r2.fingerprinted) == (20, 40, 20)
    whole = trace(corpus)
    assert key(whole.links) == key(r2.links)  # the same as a one-shot run
    assert set(key(r1.links)) <= set(key(r2.links))
    r3 = trace(second, store=db)
    assert (r3.added, r3.fingerprinted, r3.candidates, r3.verified) == (0, 0, 0, 0)
    assert key(r3.links) == key(r2.links)


def test_progress_is_reported_by_stage(tmp_path: Path) -> None:
    corpus, _ = make_corpus(tmp_path, 20)
    seen: list[str] = []
    trace(corpus, progress=lambda stage, done, total: seen.append(stage))
    assert {"ingest", "fingerprint", "search", "verify", "stories"} <= set(seen)


def test_problems_are_reported_and_stored(tmp_path: Path) -> None:
    f = tmp_path / "x.jsonl"
    f.write_text('{"id": "a", "text": "Some text."}\n{broken\n')
    with open_store("memory:") as store:
        result = get_engine("local").run(read_inputs([f]), store)
        assert [p.line for p in result.problems] == [2]
        assert store.problems == [(str(f), 2, result.problems[0].reason)]  # type: ignore[attr-defined]


def test_engine_selector() -> None:
    assert get_engine("auto").name == "local"
    with pytest.raises(OptionError, match="unknown engine"):
        get_engine("dask")
    if importlib.util.find_spec("pyspark") is None:
        with pytest.raises(MissingExtra, match=r"pip install 'retold\[spark\]'"):
            get_engine("spark")


def _boom(*args: object) -> Comparison:
    raise RuntimeError("worker failed")


def test_a_failing_pair_is_a_problem_and_the_run_goes_on(tmp_path: Path) -> None:
    # Issue 12: one pair whose verification fails is recorded with its ids; it never aborts
    # the run (a re-run would meet it again and never finish).
    corpus, _ = make_corpus(tmp_path, 30)
    engine = get_engine("local", workers=2)
    with open_store(tmp_path / "s.db") as store:
        result = engine.run(read_inputs([corpus]), store, options=TraceOptions(compare=_boom))
        assert store.counts()["pending"] == 0 and store.counts()["links"] == 0
    assert result.verified > 0
    # every pair the pair pipeline ran on failed (a pair far below the link floor on its raw
    # texts is turned down before it: verify.PRECHECK_MARGIN)
    assert 0 < sum("worker failed" in p.reason for p in result.problems) <= result.verified
    engine.close()


class _FailingStore:
    """A store whose link writes fail: an error outside any one pair."""

    def __init__(self, inner: object) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def put_links(self, *args: object) -> None:
        raise RuntimeError("store failed")


def test_a_failing_run_stops_the_pool(tmp_path: Path) -> None:
    corpus, _ = make_corpus(tmp_path, 30)
    engine = get_engine("local", workers=2)
    with open_store(tmp_path / "s.db") as store, pytest.raises(RuntimeError, match="store"):
        engine.run(read_inputs([corpus]), _FailingStore(store))  # type: ignore[arg-type]
    assert engine._pool is None  # type: ignore[attr-defined]


def test_an_id_sent_again_with_another_text_is_reported_not_stored_over() -> None:
    import datetime as dt

    from retold.model import Article

    store = MemoryStore()
    first = Article(id="a", text="The ferry sailed at noon with 40 cars.",
                    published=dt.date(2024, 3, 5))
    LocalEngine().run([first], store)
    again = LocalEngine().run([first], store)  # the same article again: nothing to say
    assert (again.already_stored, again.problems) == (1, [])
    updated = Article(id="a", text="The ferry sailed at one with 38 cars.",
                      published=dt.date(2024, 3, 5))
    result = LocalEngine().run([updated], store)
    assert result.already_stored == 0  # a skipped row, counted once
    assert [p.source for p in result.problems] == [str(getattr(store, "path", "the store"))]
    assert [p.reason for p in result.problems] == [
        ("id 'a' is already stored with another text or date; the stored version is kept "
         "(give a new version its own id)")]
    stored = store.article("a")
    assert stored is not None and stored.text == first.text
