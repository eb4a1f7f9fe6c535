"""Memos: ``text_memo``, an LRU memo of a function of one text that keeps only texts up to a
length, and ``LastFew``, the last few values put by key.

A corpus trace reads one article against each of its candidates in turn, so what is read of a
whole text (its tokens, whether it looks tokenised or all lower case) is worth keeping; but a
memo holds its keys alive, and kept for every size it would hold a huge input many times over.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import lru_cache, update_wrapper
from typing import Generic, TypeVar

__all__ = ["LastFew", "TextMemo", "text_memo"]

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


class TextMemo(Generic[T]):
    """``fn(text)``, remembered for the last ``maxsize`` texts of at most ``max_chars``."""

    def __init__(self, fn: Callable[[str], T], maxsize: int, max_chars: int) -> None:
        self._fn = fn
        self._kept = lru_cache(maxsize=maxsize)(fn)
        self.max_chars = max_chars
        # the memo's own, on the instance: what benchmarks empty before a cold run (a method
        # would make the class itself look like a cache to their scan)
        self.cache_clear = self._kept.cache_clear
        self.cache_info = self._kept.cache_info
        update_wrapper(self, fn)

    def __call__(self, text: str) -> T:
        return self._kept(text) if len(text) <= self.max_chars else self._fn(text)


def text_memo(maxsize: int, max_chars: int) -> Callable[[Callable[[str], T]], TextMemo[T]]:
    """Decorate a function of one text with a ``TextMemo``."""
    return lambda fn: TextMemo(fn, maxsize, max_chars)


class LastFew(Generic[K, T]):
    """The last ``size`` values put, by key (for a value made in stages, where ``lru_cache``
    would need every argument of the making, callbacks included, in its key). Thread-safe."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: OrderedDict[K, T] = OrderedDict()
        self._lock = threading.Lock()
        # on the instance, as TextMemo's: what benchmarks empty before a cold run
        self.cache_clear = self._clear

    def get(self, key: K) -> T | None:
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
            return found

    def put(self, key: K, value: T) -> None:
        with self._lock:
            self._kept[key] = value
            self._kept.move_to_end(key)
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)

    def _clear(self) -> None:
        with self._lock:
            self._kept.clear()
