from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from retold.errors import StoreError
from retold.model import Article, Link
from retold.store import MemoryStore, SqliteStore, Store, open_store
from retold.store.base import PENDING, REJECTED, VERIFIED


@pytest.fixture(params=["sqlite", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "s.db") if request.param == "sqlite" else open_store("memory:")
    yield s
    s.close()


def test_open_store_picks_the_backend(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'a.db'}") as s:
        assert isinstance(s, SqliteStore)
    assert isinstance(open_store("memory:"), MemoryStore)
    with pytest.raises(StoreError, match="unknown store"):
        open_store("postgres://x")
    with pytest.raises(StoreError, match="directory"):
        open_store(tmp_path)


def test_articles_round_trip_and_keep_their_ids(store: Store) -> None:
    a = Article("wire/1", "Text one.", title="T", url="http://x", outlet="W",
                published=dt.date(2020, 1, 2), author="A")
    assert store.add_articles([a, Article("b", "Two.")]) == []
    assert store.add_articles([Article("b", "Again."), Article("c", "Three.")]) == ["b"]
    assert store.article("wire/1") == a
    assert store.article("b").text == "Two."  # type: ignore[union-attr]
    assert store.published()["wire/1"] == dt.date(2020, 1, 2)
    assert store.counts()["articles"] == 3


def test_stage_marks(store: Store) -> None:
    store.add_articles([Article("a", "x"), Article("b", "y")])
    todo = store.unfingerprinted(10)
    assert [r[1] for r in todo] == ["a", "b"]
    rec = {"shingles": b"s", "words": b"w", "facts": b"", "n_tokens": 1, "n_shingles": 1,
           "n_words": 1}
    store.put_fingerprints([(todo[0][0], {**rec, "id": "a"})])
    assert [r[1] for r in store.unfingerprinted(10)] == ["b"]
    sa, sb = todo[0][0], todo[1][0]
    store.put_fingerprints([(sb, {**rec, "id": "b"})])
    assert [searched for _, _, searched in store.fingerprints()] == [False, False]
    store.put_candidates([(sa, sb, 1, 0, 0.9, PENDING)], [sa, sb])
    assert [searched for _, _, searched in store.fingerprints()] == [True, True]
    assert store.pending(10) == [(sa, sb, 1, 0.9)]
    link = Link("a", "b", True, "published", 0.9, 0.8, "wholly", 2, ("shingles",), 0.9,
                detail="d", facts=({"kind": "number", "key": "k", "text": "1",
                                    "status": "carried", "to": ""},),
                passages=((0, 10, 5, 15, "verbatim"),))
    store.put_links([(sa, sb)], [link])
    assert store.pending(10) == []
    [back] = store.links()
    assert back == link and back.passages == link.passages
    assert store.counts()["verified"] == 1 and store.counts()["links"] == 1


def test_rejected_candidates_are_not_pending(store: Store) -> None:
    store.put_candidates([(1, 2, 1, 0, 0.1, REJECTED)], [])
    assert store.pending(10) == [] and store.counts()["candidates"] == 1
    assert VERIFIED != REJECTED


def test_schema_version_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    SqliteStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    db.close()
    with pytest.raises(StoreError, match="schema version 99"):
        SqliteStore(path)


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="not a retold store"):
        SqliteStore(path)
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="not a retold store"):
        SqliteStore(tmp_path / "junk.db")


def test_wal_mode(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "s.db") as s:
        assert s._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_failed_batch_leaves_nothing_behind(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "s.db") as s:
        with pytest.raises(StoreError) as caught:
            s.add_articles([Article("a", "ok"), Article("b", object())])
        assert isinstance(caught.value.__cause__, sqlite3.ProgrammingError)  # type: ignore[arg-type]
        assert s.counts()["articles"] == 0
