"""Stores: where a trace run keeps its work. ``open_store`` picks the backend from a URL.

    open_store("news.db")               SQLite file (the default)
    open_store("sqlite:///news.db")     the same, spelled as a URL
    open_store("memory:")               in memory (tests; nothing is kept)
"""

from __future__ import annotations

from pathlib import Path

from retold.errors import StoreError
from retold.store.base import Store
from retold.store.memory import MemoryStore
from retold.store.sqlite import SqliteStore

__all__ = ["MemoryStore", "SqliteStore", "Store", "open_store"]


def open_store(url_or_path: str | Path, *, readonly: bool = False) -> Store:
    """Open (creating if needed) the store at ``url_or_path``.

    With ``readonly`` the store must exist, is never written, and may be a read-only file.
    Every SQLite store is integrity-checked on open: a damaged one is a StoreError (exit 4).
    """
    spec = str(url_or_path)
    if spec in ("memory:", ":memory:", "memory://"):
        return MemoryStore()
    if spec.startswith("sqlite:///"):
        spec = spec[len("sqlite:///"):]
    elif "://" in spec:
        raise StoreError(f"unknown store {spec!r}: give a file path, sqlite:///path or memory:")
    if Path(spec).is_dir():
        raise StoreError(f"the store {spec!r} is a directory; give a file path such as news.db")
    return SqliteStore(spec, readonly=readonly)
