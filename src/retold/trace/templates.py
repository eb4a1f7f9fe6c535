"""Outlet templates: text one outlet prints on many of its articles, learned per corpus.

A site puts the same newsletter prompt, ad script, photo credit or gallery caption on page
after page. Two unrelated articles of that site then share real text, and without care they
verify as reuse of each other and merge unrelated stories into one (on a real one-day crawl a
Spotify story and Helsinki-summit coverage became one 415-article story). So, per outlet, the
corpus teaches which text is template, and the trace ignores it for candidate keys, reuse
measures and stories.

* A **unit** is a sentence of a line: each line of the text, split after ``.``, ``!`` or ``?``
  followed by a space. Its key is a 64-bit hash of its lower-cased words; units of fewer than
  :data:`MIN_WORDS` words are ignored (too short to link anything).
* The **outlet** of an article is its ``outlet`` field, else the host of its ``url``; an
  article with neither has no outlet and no template.
* A unit is **template** for an outlet when at least :data:`MIN_ARTICLES` of the outlet's
  articles carry it, and these are at least :data:`MIN_SHARE` of the outlet's articles, and
  they are *different* articles: their text outside the outlet's frequent units differs in at
  least :data:`MIN_ARTICLES` of them. The last condition keeps an outlet that prints one story
  several times (updates, reprints) from turning that story into template: copies of one
  story share their other text too.

Template text is blanked (replaced by spaces, newlines kept) before fingerprinting and before
the pair pipeline, so every character offset of a link still points into the stored text.

Pure functions; no I/O. The store keeps each article's unit keys and the learned templates,
so an incremental run learns from the whole store and re-does the articles whose template
changed (see ``retold.engines.local``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

import numpy as np

# Units of fewer words are never template (nor linking evidence worth learning about).
MIN_WORDS = 4
# A unit on at least this many different articles of one outlet ... Five: the smallest count
# at which a repeat across unrelated articles is a habit of the site, not a coincidence or one
# story printed twice; the benchmark's templated outlets (benchmarks/corpus.py) carry theirs
# on 26 % of their articles, a story updated by one outlet rarely appears 5 times.
MIN_ARTICLES = 5
# ... and on at least this share of the outlet's articles (a caption on 5 of 10,000 pages is a
# gallery, not the site's frame). Low, so that a site's frame on a tenth of its pages counts.
MIN_SHARE = 0.01

_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"\w+")

Templates = Mapping[str, frozenset[int]]  # outlet -> template unit keys


def outlet_of(outlet: str | None, url: str | None) -> str | None:
    """The outlet an article's templates are learned under: its outlet, else its URL's host."""
    if outlet and outlet.strip():
        return outlet.strip().lower()
    if url:
        try:
            host = urlsplit(url).hostname
        except ValueError:
            return None
        if host:
            return host.removeprefix("www.")
    return None


def _key(words: list[str]) -> int:
    digest = hashlib.blake2b(" ".join(words).encode("utf-8", "surrogatepass"),
                             digest_size=8).digest()
    return int.from_bytes(digest, "little") >> 1  # 63 bits: fits SQLite's signed integer


def units(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, key)`` of each unit of ``text`` with at least MIN_WORDS words."""
    out = []
    for line in _LINE.finditer(text):
        start = line.start()
        body = line.group()
        pos = 0
        for m in [*_SENTENCE_END.finditer(body), None]:
            end = m.start() if m is not None else len(body)
            piece = body[pos:end]
            words = _WORD.findall(piece.lower())
            if len(words) >= MIN_WORDS:
                lead = len(piece) - len(piece.lstrip())
                out.append((start + pos + lead, start + end, _key(words)))
            if m is not None:
                pos = m.end()
    return out


def unit_keys(text: str) -> np.ndarray:
    """The distinct unit keys of ``text`` (uint64, sorted): what the store keeps per article."""
    return np.unique(np.array([k for _, _, k in units(text)], dtype=np.uint64))


def learn(
    rows: Iterable[tuple[str | None, np.ndarray]],
    *,
    min_articles: int = MIN_ARTICLES,
    min_share: float = MIN_SHARE,
) -> dict[str, frozenset[int]]:
    """Each outlet's template unit keys, from ``(outlet, unit_keys)`` of every article.

    Deterministic in the set of rows (not their order), so one run over a corpus and several
    incremental runs over its parts learn the same templates.

    >>> frame = unit_keys("Subscribe to our newsletter for daily news.")
    >>> rows = [("daily", np.union1d(frame, unit_keys(f"Story number {i} is here today.")))
    ...         for i in range(6)]
    >>> learn(rows) == {"daily": frozenset(int(k) for k in frame)}
    True
    """
    by_outlet: dict[str, list[np.ndarray]] = {}
    for outlet, keys in rows:
        if outlet is not None:
            by_outlet.setdefault(outlet, []).append(np.asarray(keys, dtype=np.uint64))
    out: dict[str, frozenset[int]] = {}
    for outlet in sorted(by_outlet):
        arts = by_outlet[outlet]
        if len(arts) < min_articles:
            continue
        need = max(min_articles, min_share * len(arts))
        allkeys = np.concatenate(arts)
        keys, counts = np.unique(allkeys, return_counts=True)
        frequent = keys[counts >= need]
        if not len(frequent):
            continue
        # Each article's text outside the frequent units, as one hash: copies of one story
        # share it, unrelated articles do not.
        pairs: list[tuple[int, int]] = []
        for a in arts:
            inside = np.isin(a, frequent, assume_unique=True)
            if not inside.any():
                continue
            rest = hashlib.blake2b(a[~inside].tobytes(), digest_size=8).digest()
            r = int.from_bytes(rest, "little")
            pairs.extend((int(k), r) for k in a[inside])
        distinct: dict[int, int] = {}
        for k, _ in set(pairs):
            distinct[k] = distinct.get(k, 0) + 1
        found = frozenset(k for k, n in distinct.items() if n >= need)
        if found:
            out[outlet] = found
    return out


def blank(text: str, template: frozenset[int] | set[int] | None) -> str:
    """``text`` with its template units replaced by spaces (same length, newlines kept)."""
    if not template:
        return text
    spans = [(s, e) for s, e, k in units(text) if k in template]
    if not spans:
        return text
    parts = []
    pos = 0
    for s, e in spans:
        parts.append(text[pos:s])
        parts.append(" " * (e - s))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def changed_outlets(before: Templates, after: Templates) -> dict[str, frozenset[int]]:
    """Per outlet, the keys that became or stopped being template."""
    out = {}
    for outlet in set(before) | set(after):
        diff = before.get(outlet, frozenset()) ^ after.get(outlet, frozenset())
        if diff:
            out[outlet] = frozenset(diff)
    return out


def to_rows(templates: Templates) -> list[tuple[str, int]]:
    """``(outlet, key)`` rows, sorted (for a store table or a Spark broadcast)."""
    return sorted((o, int(k)) for o, keys in templates.items() for k in keys)


def from_rows(rows: Iterable[tuple[str, Any]]) -> dict[str, frozenset[int]]:
    """The inverse of :func:`to_rows`."""
    acc: dict[str, set[int]] = {}
    for o, k in rows:
        acc.setdefault(o, set()).add(int(k))
    return {o: frozenset(v) for o, v in acc.items()}


def unit_rows(
    records: list[tuple[int, str | None, str | None, str]],
) -> list[tuple[int, str | None, bytes]]:
    """``(seq, outlet, url, text)`` -> ``(seq, outlet key, unit keys as <u8 bytes)`` (the unit a
    worker process maps over)."""
    return [(seq, outlet_of(outlet, url), unit_keys(text).astype("<u8").tobytes())
            for seq, outlet, url, text in records]


def affected(
    rows: Iterable[tuple[int, str | None, bytes]], changed: Mapping[str, frozenset[int]]
) -> list[int]:
    """Seqs of the articles that carry a unit whose template status changed."""
    if not changed:
        return []
    wanted = {o: np.fromiter(keys, dtype=np.uint64, count=len(keys))
              for o, keys in changed.items()}
    out = []
    for seq, outlet, keys in rows:
        if outlet in wanted and np.isin(np.frombuffer(keys, dtype="<u8"), wanted[outlet]).any():
            out.append(seq)
    return out
