"""Streaming readers for a corpus: a folder of files, JSONL, CSV.

Every reader yields :class:`~retold.model.Article` records and :class:`Problem` reports, one
at a time, so a corpus of any size is read in constant memory (only the set of ids seen so far
grows, to catch duplicates). A bad row (no text, bad encoding, malformed JSON, a duplicate id)
is reported with its file and line number and skipped; reading goes on.

    for item in read_inputs(["feed.jsonl", "articles/"]):
        if isinstance(item, Problem): ...

Rows have the fields ``id``, ``text`` or ``html``, ``url``, ``outlet``, ``title``,
``published`` (ISO date or "June 18, 2020"), ``author``. Articles keep the id they came with;
a row without one is named ``<file>:<line>``, a file in a folder by its path inside the folder.

A row is reported and skipped, never stored half-right, when its id is blank, its date is not
a date, a field holds a lone surrogate (``"\\ud800"`` in JSON: not text, and no store can
write it), or its text is over ``MAX_ARTICLE_BYTES`` (the pair pipeline's cost grows with the
text, and a trace verifies each article against several others).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from retold.errors import InputError, InputNotFound
from retold.model import Article

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
ROW_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
FIELDS = ("id", "text", "html", "url", "outlet", "title", "published", "author")
# 1 MB of text is ~170,000 words, some 200 times a long news article; a pair this size costs
# seconds in the pair pipeline, not minutes (benchmarks/bench_growth.py).
MAX_ARTICLE_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that was skipped, and why."""

    source: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


Item = Article | Problem
Located = tuple[Item, str, "int | None"]  # an item with the file and line it was read from


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Read every input (folders, .jsonl, .csv, .json, .txt, .html files) in turn.

    Raises InputNotFound for a path that does not exist (before reading anything from it).
    """
    seen: dict[str, str] = {}
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise InputNotFound(f"{p} does not exist; give a folder, a .jsonl or .csv file")
        for item, source, line in _read_path(path):
            if isinstance(item, Article):
                first = seen.get(item.id)
                if first is not None:
                    item = Problem(source, line,
                                   f"duplicate id {item.id!r} (first seen at {first}); skipped")
                else:
                    seen[item.id] = f"{source}:{line}" if line is not None else source
            yield item


def _read_path(path: Path) -> Iterator[Located]:
    if path.is_dir():
        yield from read_folder(path)
        return
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl(path)
    elif suffix == ".csv":
        yield from read_csv(path)
    else:
        yield from _read_file(path, path.name)


def read_folder(folder: Path) -> Iterator[Located]:
    """Every article file under ``folder`` (sorted, recursive; hidden files skipped)."""
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if any(part.startswith(".") for part in parts) or not path.is_file():
            continue
        suffix = path.suffix.lower()
        if suffix in ROW_SUFFIXES:
            yield from (read_csv(path) if suffix == ".csv" else read_jsonl(path))
        elif suffix in TEXT_SUFFIXES | HTML_SUFFIXES | {".json"}:
            yield from _read_file(path, "/".join(parts))
        else:
            yield (Problem(str(path), None, f"not an article file ({suffix or 'no suffix'}); "
                           "give .txt, .html, .json, .jsonl or .csv"), str(path), None)


def _read_file(path: Path, article_id: str) -> Iterator[Located]:
    source = str(path)
    for item in _file_items(path, article_id):
        yield item, source, None


def _file_items(path: Path, article_id: str) -> Iterator[Item]:
    source = str(path)
    suffix = path.suffix.lower()
    # Refuse a huge file before reading it: text over the article limit, markup over 8 times it.
    limit = MAX_ARTICLE_BYTES if suffix in TEXT_SUFFIXES else _MAX_LINE_BYTES
    try:
        if path.stat().st_size > limit:
            yield Problem(source, None, f"the file is over {limit:,} bytes; an article's text "
                          f"may be at most {MAX_ARTICLE_BYTES:,} bytes")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Problem(source, None, f"cannot read: {exc.strerror or exc}")
        return
    if suffix == ".json":
        try:
            record = json.loads(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            yield Problem(source, None, "bad encoding: JSON must be UTF-8")
            return
        except json.JSONDecodeError as exc:
            yield Problem(source, exc.lineno, f"malformed JSON: {exc.msg}")
            return
        records = record if isinstance(record, list) else [record]
        for i, r in enumerate(records):
            default = article_id if len(records) == 1 else f"{article_id}#{i}"
            yield _from_record(r, source=source, line=None, default_id=default)
        return
    try:
        from retold.read import read_bytes

        doc = read_bytes(data, source=source,
                         content_type="text/html" if suffix in HTML_SUFFIXES else None)
    except InputError as exc:
        yield Problem(source, None, str(exc))
        return
    article = Article(id=article_id, text=doc.text, title=doc.title, url=doc.url,
                      outlet=doc.site, published=doc.published, author=doc.author)
    yield check_article(article, source=source) or article


def read_jsonl(path: Path) -> Iterator[Located]:
    """One JSON object a line; blank lines are skipped."""
    source = str(path)
    with path.open("rb") as f:
        for lineno, raw in enumerate(_bounded_lines(f, _MAX_LINE_BYTES), 1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            item: Item
            if raw is _TOO_LONG:
                item = Problem(source, lineno, f"the line is over {_MAX_LINE_BYTES:,} bytes; "
                               "an article's text may be at most "
                               f"{MAX_ARTICLE_BYTES:,} bytes")
                yield item, source, lineno
                continue
            if not raw.strip():
                continue
            try:
                item = _from_record(json.loads(raw.decode("utf-8")), source=source, line=lineno,
                                    default_id=f"{path.name}:{lineno}")
            except UnicodeDecodeError as exc:
                item = Problem(source, lineno, f"bad encoding: not UTF-8 (byte {exc.start})")
            except json.JSONDecodeError as exc:
                item = Problem(source, lineno, f"malformed JSON: {exc.msg} (column {exc.colno})")
            yield item, source, lineno


# A JSON line may escape every character (\\u00e9: 6 bytes for 2), and carry html besides text.
_MAX_LINE_BYTES = 8 * MAX_ARTICLE_BYTES
_TOO_LONG = b"\x00too long\x00"  # a sentinel no JSON line equals (JSON has no raw NUL)


def _bounded_lines(f: Any, limit: int) -> Iterator[bytes]:
    """Lines of a binary file; a line over ``limit`` bytes is skipped unread as _TOO_LONG."""
    while True:
        raw = f.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest in bounded pieces
                raw = f.readline(limit + 1)
            yield _TOO_LONG
            continue
        yield raw


def read_csv(path: Path) -> Iterator[Located]:
    """A CSV file with a header row naming the fields (id, text or html, ...)."""
    source = str(path)
    bad_lines: set[int] = set()

    def lines() -> Iterator[str]:
        with path.open("rb") as f:
            for lineno, raw in enumerate(f, 1):
                if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                try:
                    yield raw.decode("utf-8")
                except UnicodeDecodeError:
                    bad_lines.add(lineno)
                    yield raw.decode("utf-8", "replace")

    old_limit = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # whole articles in one field
    try:
        reader = csv.reader(lines())
        try:
            header = [h.strip().lower() for h in next(reader)]
        except StopIteration:
            return
        if not {"text", "html"} & set(header):
            yield (Problem(source, 1, "the header names no 'text' or 'html' column; it has "
                           + ", ".join(header)), source, 1)
            return
        end = reader.line_num
        while True:
            start = end + 1
            item: Item
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                end = reader.line_num
                yield Problem(source, start, f"malformed CSV: {exc}"), source, start
                continue
            end = reader.line_num
            if not row or not any(c.strip() for c in row):
                continue
            if any(start <= n <= end for n in bad_lines):
                item = Problem(source, start, "bad encoding: not UTF-8")
            elif len(row) > len(header):
                item = Problem(source, start,
                               f"{len(row)} fields where the header has {len(header)}")
            else:
                row += [""] * (len(header) - len(row))  # short rows: trailing fields empty
                item = _from_record(dict(zip(header, row)), source=source, line=start,
                                    default_id=f"{path.name}:{start}")
            yield item, source, start
    finally:
        csv.field_size_limit(old_limit)


def _from_record(record: Any, *, source: str, line: int | None, default_id: str) -> Item:
    if not isinstance(record, dict):
        return Problem(source, line, f"expected a JSON object, got {type(record).__name__}")
    rid = record.get("id")
    if rid is None:
        article_id = default_id
    else:
        article_id = str(rid).strip()
        if not article_id:
            return Problem(source, line, "blank id; give the row a unique id or leave the "
                           "'id' field out (the row is then named <file>:<line>)")
    text = record.get("text")
    html = record.get("html")
    title = _str(record.get("title"))
    raw_date = record.get("published")
    published = _date(raw_date)
    if published is None and raw_date not in (None, ""):
        return Problem(source, line, f"id {article_id!r}: 'published' {raw_date!r} is not a "
                       "date; write it as ISO 8601 (2024-03-05T15:01:00Z; a day alone: "
                       "2024-03-05), RFC 2822 or epoch seconds, or leave the field out")
    outlet = _str(record.get("outlet"))
    url = _str(record.get("url"))
    author = _str(record.get("author"))
    if isinstance(text, str) and text.strip():
        body = text
    elif isinstance(html, str) and html.strip():
        from retold.read import read_bytes

        try:
            doc = read_bytes(html.encode("utf-8"), source=f"{source}:{line or ''}",
                             content_type="text/html; charset=utf-8")
        except InputError as exc:
            return Problem(source, line, f"id {article_id!r}: {exc}")
        body = doc.text
        title = title or doc.title
        published = published or doc.published
        outlet = outlet or doc.site
        author = author or doc.author
        url = url or doc.url
    elif isinstance(text, str) or isinstance(html, str):
        return Problem(source, line, f"id {article_id!r}: the text is empty")
    elif text is not None or html is not None:
        given = "text" if text is not None else "html"
        value = text if text is not None else html
        return Problem(source, line, f"id {article_id!r}: '{given}' is not a string of text "
                       f"(a JSON {type(value).__name__})")
    else:
        return Problem(source, line, f"id {article_id!r}: missing text (no 'text' or 'html')")
    article = Article(id=article_id, text=body, title=title, url=url, outlet=outlet,
                      published=published, author=author)
    return check_article(article, source=source, line=line) or article


def check_article(article: Article, *, source: str, line: int | None = None,
                  max_bytes: int = MAX_ARTICLE_BYTES) -> Problem | None:
    """Return why an article cannot be stored (blank id, lone surrogate, too long), or None."""
    if not article.id.strip():
        return Problem(source, line, "blank id; give the article a unique id")
    shown = repr(article.id[:80])
    for name in ("id", "text", "title", "url", "outlet", "author"):
        value = getattr(article, name)
        if isinstance(value, str):
            bad = _SURROGATE_RE.search(value)
            if bad is not None:
                shown = ascii(article.id[:80])
                return Problem(source, line, f"id {shown}: the {name} holds a lone surrogate "
                               f"({bad.group()!a} at character {bad.start()}), which is "
                               "not text; fix the escapes in this row")
    text = article.text
    if len(text) > max_bytes or len(text.encode("utf-8")) > max_bytes:
        return Problem(source, line, f"id {shown}: the text is over {max_bytes:,} bytes; "
                       "split it into articles, or trim it")
    return None


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _str(value: Any) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    from retold.trace.times import parse

    when = parse(value)  # with time and zone: ISO 8601, RFC 2822, epoch seconds
    if when is None and isinstance(value, str):
        from retold.read import parse_date

        return parse_date(value)
    return when
