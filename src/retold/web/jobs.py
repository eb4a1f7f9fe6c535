"""The web app's heavy work, as plain functions a worker process runs (see ``workers``).

Reading (and fetching) both sides, comparing them and rendering the answer all happen here, in
a process the server can kill when the request's time is up. Nothing here imports the web
framework: a worker starts with the library alone.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from typing import Any

from retold.errors import InputError, RetoldError
from retold.model import Comparison, Document

_FORM_OVERHEAD = 64 * 1024  # multipart boundaries, dates and field names


@dataclass(frozen=True, slots=True)
class WebOptions:
    store_path: str | None
    allow_private_urls: bool
    max_upload_bytes: int
    fetch_rate: float
    fetch_burst: int
    request_timeout: float
    fetch_timeout: float
    max_redirects: int
    max_concurrent: int
    worker_memory: int | None = None  # bytes of address space a worker may use; None: no cap
    body_timeout: float = 20.0  # seconds for a request body to arrive in full

    @property
    def max_body_bytes(self) -> int:
        return 2 * self.max_upload_bytes + _FORM_OVERHEAD


@dataclass(frozen=True, slots=True)
class Side:
    label: str  # "original" | "retelling"
    text: str | None = None
    data: bytes | None = None
    filename: str | None = None
    url: str | None = None
    published: dt.date | str | None = None


def compare_json(sides: list[Side], options: WebOptions) -> bytes:
    """The ``retold.comparison/1`` document of two sides, as JSON bytes."""
    comparison = compare_sides(sides, options)
    # ensure_ascii: a lone surrogate or bidi control leaves as an escape, never as raw bytes
    return json.dumps(comparison.to_dict(), ensure_ascii=True).encode("ascii")


def compare_html(sides: list[Side], options: WebOptions, home_url: str = "/") -> str:
    """The HTML report of two sides."""
    from retold.reports import html as html_report

    return html_report.render(compare_sides(sides, options), home_url=home_url)


def link_report(store_path: str, source: str, target: str) -> str:
    """The HTML comparison report of one link of a store."""
    from retold.compare import compare
    from retold.reports import html as html_report
    from retold.store import open_store

    store = open_store(store_path)
    try:
        link = next((l for l in store.links()
                     if l.source_id == source and l.target_id == target), None)
        if link is None:
            raise NotInStore(f"the link {source!r} -> {target!r} is not in the store")
        a, b = store.article(source), store.article(target)
    finally:
        store.close()
    if a is None or b is None:
        raise NotInStore(f"an article of the link {source!r} -> {target!r} is not in the store")
    comparison = compare(a.to_document(), b.to_document())
    return html_report.render(comparison, home_url="/links", home_label="All links")


class NotInStore(RetoldError):
    """A page or record that does not exist (the web app answers 404)."""


def compare_sides(sides: list[Side], options: WebOptions) -> Comparison:
    """Read both sides and compare them."""
    from retold import read
    from retold.compare import compare  # the module, not `retold.compare`: see __init__ lazy

    docs = [_read_side(side, options, read) for side in sides]
    return compare(
        docs[0], docs[1],
        original_published=sides[0].published,
        retelling_published=sides[1].published,
    )


# The library's messages name the command line's flags; in the web app the remedy differs.
_CLI_HINTS = (
    ("raise the limit with --max-bytes, or pass a smaller file",
     "paste or upload a shorter article"),
    ("or raise the limit with --timeout", "or paste the article's text instead"),
)


def _read_side(side: Side, options: WebOptions, read: Any) -> Document:
    try:
        return _read_side_as_given(side, options, read)
    except InputError as exc:
        message = str(exc)
        for cli, web in _CLI_HINTS:
            message = message.replace(cli, web)
        if message == str(exc):
            raise
        raise type(exc)(message) from None


def _read_side_as_given(side: Side, options: WebOptions, read: Any) -> Document:
    limit = options.max_upload_bytes
    if side.url:
        body, content_type = read.fetch_url(
            side.url,
            timeout=options.fetch_timeout,
            max_bytes=limit,
            allow_private=options.allow_private_urls,
            max_redirects=options.max_redirects,
        )
        doc: Document = read.read_bytes(body, source=side.url, content_type=content_type,
                                        max_bytes=limit)
        return replace(doc, url=doc.url or side.url)
    if side.data is not None:
        return read.read_bytes(side.data, source=f"uploaded {side.label} ({side.filename})",
                               max_bytes=limit)
    if side.text is None:
        raise InputError(f"the {side.label} is missing: paste its text, upload a file or give a URL")
    text, _ = read.replace_lone_surrogates(side.text)  # legal in JSON escapes, not in UTF-8
    data = text.encode("utf-8")
    return read.read_bytes(data, source=f"pasted {side.label}",
                           content_type=sniff_pasted(side.text), max_bytes=limit)


def sniff_pasted(text: str) -> str:
    """Pasted text is UTF-8 already; HTML if it starts like markup."""
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>",
                        "<p ", "<meta", "<h1", "<section", "<main")):
        return "text/html; charset=utf-8"
    return "text/plain; charset=utf-8"
