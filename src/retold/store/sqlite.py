"""The default store: one SQLite file (stdlib sqlite3), WAL journal, one transaction per batch."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Self

from retold.errors import StoreError
from retold.model import Article, Link
from retold.store.base import PENDING, REJECTED, SCHEMA_VERSION, VERIFIED, CandidateRow

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    title TEXT, url TEXT, outlet TEXT, published TEXT, author TEXT,
    searched INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS fingerprints (
    seq INTEGER PRIMARY KEY REFERENCES articles(seq),
    shingles BLOB NOT NULL, words BLOB NOT NULL, facts BLOB NOT NULL,
    n_tokens INTEGER NOT NULL, n_shingles INTEGER NOT NULL, n_words INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS candidates (
    a INTEGER NOT NULL, b INTEGER NOT NULL,
    channels INTEGER NOT NULL, shared_facts INTEGER NOT NULL, score REAL NOT NULL,
    state INTEGER NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS candidates_pending ON candidates (state) WHERE state = 1;
CREATE TABLE IF NOT EXISTS links (
    source_id TEXT NOT NULL, target_id TEXT NOT NULL,
    decided INTEGER NOT NULL, evidence TEXT NOT NULL, detail TEXT NOT NULL,
    reuse REAL NOT NULL, carried REAL NOT NULL, derivation TEXT NOT NULL,
    changes INTEGER NOT NULL, channels TEXT NOT NULL, similarity REAL NOT NULL,
    facts TEXT NOT NULL,
    passages TEXT NOT NULL,
    PRIMARY KEY (source_id, target_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS problems (
    run TEXT NOT NULL, source TEXT NOT NULL, line INTEGER, reason TEXT NOT NULL
);
"""


class SqliteStore:
    """A :class:`~retold.store.base.Store` in one SQLite file.

    >>> with SqliteStore(":memory:") as s:
    ...     s.counts()["articles"]
    0
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {self.path!r}: {exc}; "
                             "check the path and its permissions") from exc
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=OFF")
            self._check_schema()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"{self.path!r} is not a retold store ({exc}); "
                             "give another --store path") from exc

    # -- plumbing ---------------------------------------------------------------------------

    def _check_schema(self) -> None:
        db = self._db
        has_meta = db.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        if has_meta:
            row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else None
            if version != SCHEMA_VERSION:
                raise StoreError(
                    f"the store {self.path!r} has schema version {version}, this retold "
                    f"reads version {SCHEMA_VERSION}; use a new --store file")
            return
        tables = db.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        if tables:
            raise StoreError(f"{self.path!r} is an SQLite file but not a retold store; "
                             "give another --store path")
        with self._tx():
            for statement in _statements():
                db.execute(statement)
            db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))

    def _tx(self) -> _Transaction:
        return _Transaction(self._db)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None  # type: ignore[assignment]

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles ---------------------------------------------------------------------------

    def add_articles(self, articles: Sequence[Article]) -> list[str]:
        existing: list[str] = []
        with self._tx() as db:
            for a in articles:
                cur = db.execute(
                    "INSERT OR IGNORE INTO articles (id, text, title, url, outlet, published, "
                    "author) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (a.id, a.text, a.title, a.url, a.outlet,
                     a.published.isoformat() if a.published else None, a.author))
                if cur.rowcount == 0:
                    existing.append(a.id)
        return existing

    def articles(self, seqs: Sequence[int]) -> dict[int, Article]:
        out: dict[int, Article] = {}
        seqs = list(seqs)
        for i in range(0, len(seqs), 500):
            chunk = seqs[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._db.execute(
                f"SELECT seq, id, text, title, url, outlet, published, author FROM articles "
                f"WHERE seq IN ({marks})", chunk):
                out[row[0]] = _article(row[1:])
        return out

    def article(self, article_id: str) -> Article | None:
        row = self._db.execute(
            "SELECT id, text, title, url, outlet, published, author FROM articles WHERE id = ?",
            (article_id,)).fetchone()
        return _article(row) if row else None

    def published(self) -> dict[str, dt.date | None]:
        return {i: _when(p) for i, p in self._db.execute("SELECT id, published FROM articles")}

    # -- fingerprints -----------------------------------------------------------------------

    def unfingerprinted(self, limit: int) -> list[tuple[int, str, str]]:
        return self._db.execute(
            "SELECT a.seq, a.id, a.text FROM articles a LEFT JOIN fingerprints f USING (seq) "
            "WHERE f.seq IS NULL ORDER BY a.seq LIMIT ?", (limit,)).fetchall()

    def put_fingerprints(self, rows: Sequence[tuple[int, dict[str, Any]]]) -> None:
        with self._tx() as db:
            db.executemany(
                "INSERT OR REPLACE INTO fingerprints VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(seq, r["shingles"], r["words"], r["facts"], r["n_tokens"], r["n_shingles"],
                  r["n_words"]) for seq, r in rows])

    def fingerprints(self) -> Iterator[tuple[int, dict[str, Any], bool]]:
        cur = self._db.execute(
            "SELECT f.seq, a.id, f.shingles, f.words, f.facts, f.n_tokens, f.n_shingles, "
            "f.n_words, a.searched FROM fingerprints f JOIN articles a USING (seq) ORDER BY seq")
        for seq, aid, sh, wo, fa, nt, ns, nw, searched in cur:
            yield seq, {"id": aid, "shingles": sh, "words": wo, "facts": fa, "n_tokens": nt,
                        "n_shingles": ns, "n_words": nw}, bool(searched)

    # -- candidates -------------------------------------------------------------------------

    def put_candidates(self, rows: Sequence[CandidateRow], searched: Sequence[int]) -> None:
        with self._tx() as db:
            db.executemany("INSERT OR IGNORE INTO candidates VALUES (?, ?, ?, ?, ?, ?)", rows)
            db.executemany("UPDATE articles SET searched = 1 WHERE seq = ?",
                           [(s,) for s in searched])

    def survivors(self) -> Iterator[tuple[int, int, float]]:
        yield from self._db.execute(
            "SELECT a, b, score FROM candidates WHERE state != ?", (REJECTED,))

    def pending(self, limit: int) -> list[tuple[int, int, int, float]]:
        return self._db.execute(
            "SELECT a, b, channels, score FROM candidates WHERE state = ? ORDER BY a, b LIMIT ?",
            (PENDING, limit)).fetchall()

    # -- links ------------------------------------------------------------------------------

    def put_links(self, verified: Sequence[tuple[int, int]], links: Sequence[Link]) -> None:
        with self._tx() as db:
            db.executemany(
                "INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(l.source_id, l.target_id, int(l.decided), l.evidence, l.detail, l.reuse,
                  l.carried, l.derivation, l.changes, ",".join(l.channels), l.similarity,
                  json.dumps(list(l.facts), ensure_ascii=False),
                  json.dumps([list(p) for p in l.passages])) for l in links])
            db.executemany("UPDATE candidates SET state = ? WHERE a = ? AND b = ?",
                           [(VERIFIED, a, b) for a, b in verified])

    def links(self) -> Iterator[Link]:
        cur = self._db.execute("SELECT * FROM links ORDER BY source_id, target_id")
        for row in cur:
            yield _link(row)

    # -- bookkeeping ------------------------------------------------------------------------

    def add_problems(self, problems: Sequence[tuple[str, int | None, str]]) -> None:
        run = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._tx() as db:
            db.executemany("INSERT INTO problems VALUES (?, ?, ?, ?)",
                           [(run, s, line, r) for s, line, r in problems])

    def counts(self) -> dict[str, int]:
        q = self._db.execute
        return {
            "articles": q("SELECT count(*) FROM articles").fetchone()[0],
            "fingerprints": q("SELECT count(*) FROM fingerprints").fetchone()[0],
            "candidates": q("SELECT count(*) FROM candidates").fetchone()[0],
            "pending": q("SELECT count(*) FROM candidates WHERE state = 1").fetchone()[0],
            "verified": q("SELECT count(*) FROM candidates WHERE state = 2").fetchone()[0],
            "links": q("SELECT count(*) FROM links").fetchone()[0],
        }


def _statements() -> list[str]:
    return [s.strip() for s in _SCHEMA.split(";") if s.strip()]


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (``ROLLBACK`` on an exception)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")


def _article(row: Sequence[Any]) -> Article:
    aid, text, title, url, outlet, published, author = row
    return Article(id=aid, text=text, title=title, url=url, outlet=outlet,
                   published=_when(published), author=author)


def _when(text: str | None) -> dt.date | None:
    """A publication day (YYYY-MM-DD) or time (ISO 8601 with zone), as the store keeps it."""
    if not text:
        return None
    return dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)


def _link(row: Sequence[Any]) -> Link:
    (source, target, decided, evidence, detail, reuse, carried, derivation, changes, channels,
     similarity, facts, passages) = row
    return Link(source_id=source, target_id=target, decided=bool(decided), evidence=evidence,
                reuse=reuse, carried=carried, derivation=derivation, changes=changes,
                channels=tuple(c for c in channels.split(",") if c), similarity=similarity,
                detail=detail, facts=tuple(json.loads(facts)),
                passages=tuple(tuple(p) for p in json.loads(passages)))
