"""The default store: one SQLite file (stdlib sqlite3), WAL journal, one transaction per batch."""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Self, TypeVar

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
# Outlet templates (added after schema 1 was released: created in place in older stores,
# whose articles then get their unit keys on the next run).
_TEMPLATE_SCHEMA = """
CREATE TABLE IF NOT EXISTS units (
    seq INTEGER PRIMARY KEY REFERENCES articles(seq), outlet TEXT, keys BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS templates (
    outlet TEXT NOT NULL, key INTEGER NOT NULL, PRIMARY KEY (outlet, key)
) WITHOUT ROWID;
"""


F = TypeVar("F", bound=Callable[..., Any])


def _guard(fn: F) -> F:
    """Turn an SQLite error inside a store method (or its iterator) into a StoreError.

    A damaged page met mid-way must end the command with exit 4, never a traceback, nor a
    silent stop that looks like the end of the data.
    """
    def fail(self: SqliteStore, exc: Exception) -> StoreError:
        what = "is read-only" if "readonly" in str(exc) else "failed"
        return StoreError(f"the store {self.path!r} {what} ({exc}); check the file, its folder's "
                          "permissions and free disk space, or use a new --store file")

    if inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        def gen(self: SqliteStore, *args: Any, **kwargs: Any) -> Any:
            try:
                yield from fn(self, *args, **kwargs)
            except (sqlite3.Error, ValueError) as exc:  # ValueError: a row that does not decode
                raise fail(self, exc) from exc
        return gen  # type: ignore[return-value]

    @functools.wraps(fn)
    def call(self: SqliteStore, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(self, *args, **kwargs)
        except (sqlite3.Error, ValueError) as exc:
            raise fail(self, exc) from exc
    return call  # type: ignore[return-value]



class SqliteStore:
    """A :class:`~retold.store.base.Store` in one SQLite file.

    >>> with SqliteStore(":memory:") as s:
    ...     s.counts()["articles"]
    0
    """

    def __init__(self, path: str | Path, *, readonly: bool = False, check: bool = True) -> None:
        self.path = str(path)
        self.readonly = readonly
        in_memory = self.path == ":memory:" or self.path.startswith("file::memory:")
        if not in_memory:
            _check_file(self.path, readonly)
        try:
            self._db = self._connect(in_memory)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {self.path!r}: {exc}; "
                             "check the path and its permissions") from exc
        try:
            if not self.readonly:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=OFF")
            if check and not in_memory:
                self._check_integrity()
            self._check_schema()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"{self.path!r} is not a retold store or is damaged ({exc}); "
                             "give another --store path, or restore it from a copy") from exc
        except StoreError:
            self._db.close()
            raise

    def _connect(self, in_memory: bool) -> sqlite3.Connection:
        if in_memory or not self.readonly:
            return sqlite3.connect(self.path, isolation_level=None, timeout=30)
        uri = Path(self.path).resolve().as_uri()
        # mode=ro still needs the -shm file of a WAL store; a store on read-only media (or in
        # a folder we cannot write) is read as immutable: nobody can be writing it there.
        immutable = not os.access(os.path.dirname(os.path.abspath(self.path)), os.W_OK)
        return sqlite3.connect(f"{uri}?{'immutable=1' if immutable else 'mode=ro'}",
                               uri=True, isolation_level=None, timeout=30)

    def _check_integrity(self) -> None:
        """Refuse a damaged file before any output is written from it (PRAGMA quick_check)."""
        rows = [r[0] for r in self._db.execute("PRAGMA quick_check(5)")]
        if rows != ["ok"]:
            raise StoreError(f"the store {self.path!r} is damaged ({'; '.join(rows)[:300]}); "
                             "restore it from a copy, or trace into a new --store file")

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
            if not self.readonly:
                with self._tx():
                    for statement in _statements(_TEMPLATE_SCHEMA):
                        db.execute(statement)
            return
        tables = db.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        if tables:
            raise StoreError(f"{self.path!r} is an SQLite file but not a retold store; "
                             "give another --store path")
        if self.readonly:
            raise StoreError(f"{self.path!r} is an empty SQLite file, not a traced store; "
                             "run `retold trace INPUTS --store PATH` first")
        with self._tx():
            for statement in _statements(_SCHEMA + _TEMPLATE_SCHEMA):
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

    @_guard
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

    @_guard
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

    @_guard
    def article(self, article_id: str) -> Article | None:
        row = self._db.execute(
            "SELECT id, text, title, url, outlet, published, author FROM articles WHERE id = ?",
            (article_id,)).fetchone()
        return _article(row) if row else None

    @_guard
    def published(self) -> dict[str, dt.date | None]:
        return {i: _when(p) for i, p in self._db.execute("SELECT id, published FROM articles")}

    @_guard
    def outlets(self) -> dict[str, tuple[str | None, str | None]]:
        return {i: (o, u) for i, o, u in self._db.execute("SELECT id, outlet, url FROM articles")}

    # -- fingerprints -----------------------------------------------------------------------

    @_guard
    def unfingerprinted(self, limit: int) -> list[tuple[int, str, str]]:
        return self._db.execute(
            "SELECT a.seq, a.id, a.text FROM articles a LEFT JOIN fingerprints f USING (seq) "
            "WHERE f.seq IS NULL ORDER BY a.seq LIMIT ?", (limit,)).fetchall()

    @_guard
    def put_fingerprints(self, rows: Sequence[tuple[int, dict[str, Any]]]) -> None:
        with self._tx() as db:
            db.executemany(
                "INSERT OR REPLACE INTO fingerprints VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(seq, r["shingles"], r["words"], r["facts"], r["n_tokens"], r["n_shingles"],
                  r["n_words"]) for seq, r in rows])

    @_guard
    def fingerprints(self) -> Iterator[tuple[int, dict[str, Any], bool]]:
        cur = self._db.execute(
            "SELECT f.seq, a.id, f.shingles, f.words, f.facts, f.n_tokens, f.n_shingles, "
            "f.n_words, a.searched FROM fingerprints f JOIN articles a USING (seq) ORDER BY seq")
        for seq, aid, sh, wo, fa, nt, ns, nw, searched in cur:
            yield seq, {"id": aid, "shingles": sh, "words": wo, "facts": fa, "n_tokens": nt,
                        "n_shingles": ns, "n_words": nw}, bool(searched)

    # -- candidates -------------------------------------------------------------------------

    @_guard
    def put_candidates(self, rows: Iterable[CandidateRow], searched: Sequence[int]) -> None:
        with self._tx() as db:
            db.executemany("INSERT OR IGNORE INTO candidates VALUES (?, ?, ?, ?, ?, ?)", rows)
            db.executemany("UPDATE articles SET searched = 1 WHERE seq = ?",
                           [(s,) for s in searched])

    @_guard
    def survivors(self) -> Iterator[tuple[int, int, float]]:
        yield from self._db.execute(
            "SELECT a, b, score FROM candidates WHERE state != ?", (REJECTED,))

    @_guard
    def pending(self, limit: int) -> list[tuple[int, int, int, float]]:
        return self._db.execute(
            "SELECT a, b, channels, score FROM candidates WHERE state = ? ORDER BY a, b LIMIT ?",
            (PENDING, limit)).fetchall()

    @_guard
    def set_state(self, pairs: Sequence[tuple[int, int]], state: int) -> None:
        with self._tx() as db:
            db.executemany("UPDATE candidates SET state = ? WHERE a = ? AND b = ?",
                           [(state, a, b) for a, b in pairs])

    # -- links ------------------------------------------------------------------------------

    @_guard
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

    @_guard
    def links(self) -> Iterator[Link]:
        cur = self._db.execute("SELECT * FROM links ORDER BY source_id, target_id")
        for row in cur:
            yield _link(row)

    # -- outlet templates -------------------------------------------------------------------

    @_guard
    def without_units(self, limit: int) -> list[tuple[int, str | None, str | None, str]]:
        return self._db.execute(
            "SELECT a.seq, a.outlet, a.url, a.text FROM articles a LEFT JOIN units u USING (seq) "
            "WHERE u.seq IS NULL ORDER BY a.seq LIMIT ?", (limit,)).fetchall()

    @_guard
    def put_units(self, rows: Sequence[tuple[int, str | None, bytes]]) -> None:
        with self._tx() as db:
            db.executemany("INSERT OR REPLACE INTO units VALUES (?, ?, ?)", rows)

    @_guard
    def units(self) -> Iterator[tuple[int, str | None, bytes]]:
        yield from self._db.execute("SELECT seq, outlet, keys FROM units ORDER BY seq")

    @_guard
    def templates(self) -> dict[str, frozenset[int]]:
        acc: dict[str, set[int]] = {}
        for outlet, key in self._db.execute("SELECT outlet, key FROM templates"):
            acc.setdefault(outlet, set()).add(int(key))
        return {o: frozenset(k) for o, k in acc.items()}

    @_guard
    def put_templates(self, templates: dict[str, frozenset[int]], redo: Sequence[int]) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM templates")
            db.executemany("INSERT INTO templates VALUES (?, ?)",
                           sorted((o, int(k)) for o, keys in templates.items() for k in keys))
            if not redo:
                return
            db.execute("CREATE TEMP TABLE IF NOT EXISTS redo (seq INTEGER PRIMARY KEY)")
            db.execute("DELETE FROM redo")
            db.executemany("INSERT OR IGNORE INTO redo VALUES (?)", [(s,) for s in redo])
            db.execute("DELETE FROM fingerprints WHERE seq IN (SELECT seq FROM redo)")
            db.execute("DELETE FROM candidates WHERE a IN (SELECT seq FROM redo) "
                       "OR b IN (SELECT seq FROM redo)")
            db.execute("DELETE FROM links WHERE source_id IN (SELECT id FROM articles WHERE "
                       "seq IN (SELECT seq FROM redo)) OR target_id IN (SELECT id FROM "
                       "articles WHERE seq IN (SELECT seq FROM redo))")
            db.execute("UPDATE articles SET searched = 0 WHERE seq IN (SELECT seq FROM redo)")
            db.execute("DELETE FROM redo")

    # -- bookkeeping ------------------------------------------------------------------------

    @_guard
    def add_problems(self, problems: Sequence[tuple[str, int | None, str]]) -> None:
        run = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._tx() as db:
            db.executemany("INSERT INTO problems VALUES (?, ?, ?, ?)",
                           [(run, s, line, r) for s, line, r in problems])

    @_guard
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


_SQLITE_MAGIC = b"SQLite format 3\x00"


def _check_file(path: str, readonly: bool) -> None:
    """Refuse what cannot be a store before SQLite touches it (it would adopt an empty file)."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(_SQLITE_MAGIC))
    except FileNotFoundError:
        if readonly:
            raise StoreError(f"no store at {path!r}; run `retold trace INPUTS --store {path}` "
                             "first") from None
        return  # a new store
    except IsADirectoryError:
        raise StoreError(f"the store {path!r} is a directory; give a file path such as "
                         "news.db") from None
    except OSError as exc:
        raise StoreError(f"cannot read the store {path!r}: {exc.strerror or exc}; check its "
                         "permissions") from None
    if not head:
        raise StoreError(f"{path!r} is an empty file, not a retold store; delete it or give "
                         "another --store path")
    if head != _SQLITE_MAGIC:
        raise StoreError(f"{path!r} is not a retold store (not an SQLite file); give another "
                         "--store path")
    if not readonly and not os.access(path, os.W_OK):
        raise StoreError(f"the store {path!r} is read-only; `retold links`, `stories` and "
                         "`show` can read it, but `trace` needs to write: copy it somewhere "
                         "writable")


def _statements(schema: str = _SCHEMA) -> list[str]:
    return [s.strip() for s in schema.split(";") if s.strip()]


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
