"""Bytes, files, standard input and URLs -> ``Document``.

The text of a ``Document`` is what every offset in retold points into, so reading changes as
little as possible: a byte-order mark is stripped and CRLF/CR line endings become LF (both
recorded in ``Document.notes``); non-breaking spaces, curly quotes and everything else stay.
For HTML the text is the article body as trafilatura extracts it (paragraphs separated by a
blank line), and the page's title, author, date and site go into the metadata.

Errors are the ``retold.errors.InputError`` family; every message names the input and says
what to do about it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import http.client
import os
import re
import socket
import ssl
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO
from urllib.parse import quote, urljoin, urlsplit

from retold import __version__
from retold.errors import (
    BinaryInput,
    DecodeError,
    EmptyInput,
    FetchError,
    InputError,
    InputNotFound,
    InputTooLarge,
    NoArticle,
    OptionError,
)
from retold.model import Document
from retold.netpolicy import is_public_address, refusal
from retold.segment import (
    Byline,
    find_date,
    looks_like_byline,
    parse_byline,
    top_matter,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "fetch_url",
    "parse_date",
    "parse_date_option",
    "read_bytes",
    "read_source",
    "read_text",
    "replace_lone_surrogates",
]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

# --- named constants -------------------------------------------------------------------------

_CHUNK = 64 * 1024  # read files, stdin and sockets in pieces so the size limit bites early
_USER_AGENT = f"retold/{__version__}"  # say who is asking; some sites refuse a blank agent
_BYLINE_SCAN_CHARS = 400  # HTML elements with more text than this are not a byline
_MIN_ARTICLE_WORDS = 8  # shorter extracted "articles" are leftover menu or footer text

# Byte-order marks, longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of the binary files people most often pass by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .epub is one too)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
)
# UTF-16 without a BOM: share of code units with a NUL high byte, and the most stray NULs allowed
# in the other half (mostly-Latin text has a NUL high byte in nearly every unit).
_UTF16_NUL_SHARE = 0.3
_UTF16_STRAY_NULS = 0.02
# Legacy Western text: at least this share of ASCII, the rest common Western letters/quotes.
_WESTERN_ASCII_SHARE = 0.5
# Share of C0 control characters (besides tab, LF, CR, FF) above which decoded text is binary.
_MAX_CONTROL_SHARE = 0.05

# HTML sniffing: a document that starts like HTML, or text with many tags of common elements.
_HTML_START_RE = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG_RE = re.compile(
    rb"</?(?:p|div|span|a|br|head|body|title|meta|script|article|section|h[1-6]|li|ul|table)\b",
    re.IGNORECASE,
)
_HTML_MIN_TAGS = 10  # "many tags": a text quoting a <p> or two is still text
_SNIFF_BYTES = 64 * 1024
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_CT_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)

# Invisible characters that make a text no less empty (zero-width spaces/joiners, a stray BOM).
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"

_URL_SAFE = "/%:@!$&'()*+,;=?~-._"  # characters left as they are when quoting a URL path/query
_SCHEME_RE = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")  # never raises, unlike urlsplit
_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})


# --- dates -----------------------------------------------------------------------------------


def parse_date(text: str) -> dt.date | None:
    """Read a whole string as a calendar date, or return None.

    Accepts ISO ``2021-03-04`` (a time part is ignored), ``2021/03/04``, ``March 4, 2021``,
    ``4 March 2021`` (month names and their abbreviations, English). Numeric day/month orders
    like ``06/18/2020`` are ambiguous across countries and are not read.

        >>> parse_date("March 4, 2021")
        datetime.date(2021, 3, 4)
        >>> parse_date("we") is None
        True
    """
    text = text.strip()
    iso = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?", text)
    if iso:
        try:
            return dt.date.fromisoformat(iso.group(1))
        except ValueError:
            return None
    found = find_date(text)
    if found is None:
        return None
    date, start, end = found
    # The date must be (nearly) the whole string: "March 4, 2021" yes, "met on March 4, 2021" no.
    rest = (text[:start] + text[end:]).strip(" ,.")
    return date if not rest else None


def parse_date_option(value: str, *, option: str = "--published") -> dt.date:
    """Read a date given on the command line or API, raising OptionError with the fix."""
    date = parse_date(value)
    if date is None:
        raise OptionError(
            f"{option}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2021-03-04"
        )
    return date


# --- plain text ------------------------------------------------------------------------------


def read_text(text: str, *, source: str = "<text>") -> Document:
    """Make a Document of plain text, lifting title/byline metadata from its top lines.

    The text is kept exactly as given. The top lines before the first paragraph of prose are
    read for a title (a short line without a final full stop), a byline ("By Jane Doe",
    "Site | Author | March 4, 2021") and a date.

        >>> d = read_text("Rain Returns\\n\\nBy Jane Doe | 2021-03-04\\n\\nIt rained.")
        >>> d.title, d.author, d.published
        ('Rain Returns', 'Jane Doe', datetime.date(2021, 3, 4))
    """
    text, replaced = replace_lone_surrogates(text)
    notes = (f"{replaced} lone surrogate code point(s) replaced with U+FFFD",) if replaced else ()
    title: str | None = None
    author: str | None = None
    site: str | None = None
    published: dt.date | None = None
    # The segmenter's own reading of the top lines, so that the title set here is exactly the
    # unit segment() will call "title".
    for kind, line in top_matter(text):
        if kind == "title":
            title = line
            continue
        byline = parse_byline(line)
        if byline is not None:
            author = author or byline.author
            site = site or byline.site
            published = published or byline.published
    return Document(
        text=text, title=title, author=author, published=published, site=site, source=source,
        notes=notes,
    )


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(text: str) -> tuple[str, int]:
    """Replace lone surrogates (escaped in JSON, never valid text) with U+FFFD: (text, count).

    One code point for one, so offsets do not move. Left in, they make the text impossible to
    write as UTF-8: a report, a store row or a JSON line would fail on them.
    """
    text, count = _SURROGATE_RE.subn("\ufffd", text)
    return text, count


# --- bytes -----------------------------------------------------------------------------------


def read_bytes(
    data: bytes,
    *,
    source: str = "<bytes>",
    content_type: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Decode bytes (HTML or plain text) into a Document.

    Args:
        data: the raw bytes.
        source: where they came from, for messages and ``Document.source``.
        content_type: an HTTP Content-Type, if known; it decides HTML vs text and may name a
            charset. Without it the bytes are sniffed.
        max_bytes: refuse more bytes than this (InputTooLarge).
    """
    return _read_bytes(data, source=source, content_type=content_type, max_bytes=max_bytes)


def _read_bytes(
    data: bytes,
    *,
    source: str,
    content_type: str | None,
    max_bytes: int,
    url: str | None = None,
) -> Document:
    """Decode and read bytes; ``url`` (where they were fetched) helps HTML metadata."""
    _check_positive("max_bytes", max_bytes)
    if len(data) > max_bytes:
        raise InputTooLarge(_too_large(source, max_bytes))
    mime = (content_type or "").split(";")[0].strip().lower()
    _check_binary_mime(mime, source)
    if not data.strip():
        raise EmptyInput(f"{source} is empty; give it an article's text or an HTML page")
    declared = _charset_from_content_type(content_type)
    is_html = _is_html(mime, data)
    if is_html and declared is None:
        meta = _META_CHARSET_RE.search(data[:_SNIFF_BYTES])
        declared = meta.group(1).decode("ascii", "replace") if meta else None
    text, notes = _decode(data, source=source, declared=declared)
    if not text.strip().strip(_INVISIBLE).strip():
        raise EmptyInput(f"{source} holds only whitespace; give it an article's text")
    if is_html:
        return _read_html(text, source=source, notes=notes, url=url)
    text, notes = _normalise_newlines(text, notes)
    doc = read_text(text, source=source)
    return replace(doc, notes=(*notes, *doc.notes))


def _decode(
    data: bytes, *, source: str = "<bytes>", declared: str | None = None
) -> tuple[str, list[str]]:
    """Decode bytes: BOM, strict UTF-8, a declared charset, Western cp1252, then a guess."""
    notes: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"{source} starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} ({exc.reason} at byte {exc.start + len(bom)}); re-save it as UTF-8"
                ) from None
            notes.append(f"decoded as {encoding} (byte-order mark, removed)")
            return _check_text(text, source), notes
    _check_magic(data, source)
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise BinaryInput(
                f"{source} contains NUL bytes, so it looks like a binary file, not text; "
                "give retold the article as text or HTML"
            )
        notes.append(f"decoded as {utf16[1]} (no byte-order mark; guessed from its NUL bytes)")
        return _check_text(utf16[0], source), notes
    # Strict UTF-8 first, even over a declared charset: servers often label UTF-8 pages
    # ISO-8859-1 by default, and other text is almost never valid UTF-8 by accident.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if declared and _codec_name(declared) not in {"utf-8", "ascii"}:
            notes.append(f"decoded as utf-8 although {declared} was declared (valid UTF-8)")
        return _check_text(text, source), notes
    if declared:
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            notes.append(f"declared charset {declared!r} did not decode; guessed instead")
        else:
            notes.append(f"decoded as {declared} (declared)")
            return _check_text(text, source), notes
    text, encoding = _guess(data, source)
    notes.append(f"decoded as {encoding} (guessed: not valid UTF-8)")
    return _check_text(text, source), notes


def _codec_name(name: str) -> str:
    """Return Python's canonical codec name, or the name itself when unknown."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Decode UTF-16 without a BOM, recognised by NULs in every other byte, or None."""
    if len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) // 2
    # Mostly-Latin UTF-16 has a NUL high byte in most code units and almost none elsewhere.
    for nuls, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= _UTF16_NUL_SHARE * half and others <= _UTF16_STRAY_NULS * half:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def _guess(data: bytes, source: str) -> tuple[str, str]:
    """Guess the encoding of non-UTF-8 bytes: Western cp1252 if it reads so, else detect."""
    # charset-normalizer is unreliable on short texts (4 bytes of cp1252 curly quotes come back
    # as UTF-16), and cp1252 is what a non-UTF-8 Western news text almost always is.
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _looks_western(western):
        return western, "cp1252"
    from charset_normalizer import from_bytes  # only for the rare non-Western legacy file

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError(
            f"{source} is not UTF-8 and its encoding could not be guessed; "
            "re-save it as UTF-8 and try again"
        )
    return str(best), best.encoding


def _looks_western(text: str) -> bool:
    """Tell whether text is mostly ASCII with only common Western European extras."""
    if not text:
        return False
    ascii_printable = sum(1 for ch in text if " " <= ch <= "~" or ch in "\t\n\r")
    extras = (ch for ch in text if ord(ch) > 127)
    return ascii_printable >= _WESTERN_ASCII_SHARE * len(text) and all(
        ch in _WESTERN_EXTRAS for ch in extras
    )


# Letters and marks of Western European text in cp1252; deliberately without ³ ¹ ¿-lookalikes
# of other code pages' letters (Polish cp1250 read as cp1252 shows ³ ¹ Ÿ and must not pass).
_WESTERN_EXTRAS = frozenset(
    "éèêëáàâäãåçíìîïñóòôöõøúùûüýÿæœßÉÈÊËÁÀÂÄÃÅÇÍÌÎÏÑÓÒÔÖÕØÚÙÛÜÝÆŒ"
    "“”‘’„‚–—…€£¥¢°«»‹›¡¿ºª§©®™±×·½¼¾\u00a0\u00ad"
)


def _check_text(text: str, source: str) -> str:
    """Refuse decoded text that is mostly control characters (a binary file that decoded)."""
    if text:
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
        if controls > _MAX_CONTROL_SHARE * len(text):
            raise BinaryInput(
                f"{source} is mostly control characters, so it looks like a binary file; "
                "give retold the article as text or HTML"
            )
    return text


def _check_magic(data: bytes, source: str) -> None:
    """Refuse the common binary formats by their magic number."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInput(
                f"{source} is {what}, not text; extract the article's text first "
                "(or pass the page's URL / HTML)"
            )


def _check_binary_mime(mime: str, source: str) -> None:
    """Refuse content types that are never an article's text."""
    if mime.startswith(("image/", "audio/", "video/", "font/")) or mime in {
        "application/pdf",
        "application/zip",
        "application/gzip",
        "application/x-gzip",
    }:
        raise BinaryInput(
            f"{source} has content type {mime!r}, not text or HTML; "
            "give retold the article as text or HTML"
        )


def _charset_from_content_type(content_type: str | None) -> str | None:
    """Return the charset a Content-Type names, if it is one Python knows."""
    if not content_type:
        return None
    m = _CT_CHARSET_RE.search(content_type)
    if not m:
        return None
    try:
        codecs.lookup(m.group(1))
    except LookupError:
        return None
    return m.group(1)


def _is_html(mime: str, data: bytes) -> bool:
    """Decide HTML vs text: the content type when it says, else sniff the bytes."""
    if mime in {"text/html", "application/xhtml+xml"}:
        return True
    if mime == "text/plain" or mime.startswith("text/"):
        return False
    head = data[:_SNIFF_BYTES]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            # UTF-16/32 HTML: sniff on the decoded head (cut at a whole code unit).
            unit = 4 if "32" in encoding else 2 if "16" in encoding else 1
            body = head[len(bom) :]
            body = body[: len(body) - len(body) % unit]
            head = body.decode(encoding, "replace").encode("utf-8")
            break
    return bool(_HTML_START_RE.match(head)) or len(_HTML_TAG_RE.findall(head)) >= _HTML_MIN_TAGS


def _normalise_newlines(text: str, notes: list[str]) -> tuple[str, list[str]]:
    """Turn CRLF and lone CR into LF, noting it."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes = [*notes, "line endings normalised to LF (offsets refer to the normalised text)"]
    return text, notes


def _check_positive(name: str, value: float) -> None:
    """Refuse a zero or negative limit with the fix."""
    if not value > 0:
        raise OptionError(f"{name} must be a positive number, not {value!r}")


def _too_large(source: str, max_bytes: int) -> str:
    return (
        f"{source} is larger than the limit of {max_bytes:,} bytes; "
        "raise the limit with --max-bytes, or pass a smaller file"
    )


# --- HTML ------------------------------------------------------------------------------------


def _read_html(html: str, *, source: str, notes: list[str], url: str | None = None) -> Document:
    """Extract the article body and metadata from an HTML page with trafilatura."""
    import trafilatura  # ~160 ms to import: only when a page is read

    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        # Dates from the page's markup only (meta tags, <time>, the URL). htmldate's free-text
        # search guesses: a bare "2020" became 2020-01-01, and on non-Latin pages it loaded
        # every dateparser locale first (5-9 s). Dates in the text are read by our own rules.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = (getattr(result, "text", None) or "").strip() if result is not None else ""
    # On a page without an article trafilatura falls back to whatever text is left ("Home"):
    # fewer words than a one-sentence news brief is not an article.
    if len(body.split()) < _MIN_ARTICLE_WORDS:
        raise NoArticle(
            f"{source} is an HTML page but no article text was found in it; "
            "save the article's text to a file and pass that instead"
        )
    # trafilatura separates paragraphs with one newline; a blank line makes each paragraph
    # unambiguous for the segmenter. This is the text every offset refers to.
    text = re.sub(r"[ \t]*\n+[ \t]*", "\n\n", body)
    title = getattr(result, "title", None) or None
    author = getattr(result, "author", None) or None
    site = getattr(result, "sitename", None) or None
    published = _date_from_meta(getattr(result, "date", None))
    page_url = getattr(result, "url", None) or url
    notes = [*notes, "article text extracted from HTML with trafilatura"]
    # trafilatura reads a "Site | Author | Date" byline as one author "Site; Author; Date":
    # re-read the page's byline line ourselves when the author looks like that.
    if author is None or _suspicious_author(author):
        byline = _html_byline(html)
        if byline is not None:
            author = byline.author
            site = byline.site or site
            published = published or byline.published
            notes.append("byline read from the page's 'Site | Author | Date' line")
        elif author is not None:
            author = None
            notes.append("author dropped: the page's byline could not be read")
    return Document(
        text=text,
        title=title,
        author=author,
        published=published,
        site=site,
        url=page_url,
        source=source,
        notes=tuple(notes),
    )


def _date_from_meta(value: object) -> dt.date | None:
    """Read trafilatura's date string (YYYY-MM-DD)."""
    return parse_date(value) if isinstance(value, str) else None


def _suspicious_author(author: str) -> bool:
    """Tell whether an extracted author is really a whole byline (site, date, separators)."""
    return bool(re.search(r"[;|]|\d", author)) or find_date(author) is not None


def _html_byline(html: str) -> Byline | None:
    """Find the first short element text on the page that reads as a byline."""
    from lxml import etree
    from lxml import html as lxml_html  # a trafilatura dependency

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, etree.ParserError):
        return None  # trafilatura could parse it; if lxml alone cannot, there is no byline
    for el in tree.iter("p", "div", "span", "address", "li", "td", "header"):
        raw = el.text_content()
        if len(raw) > _BYLINE_SCAN_CHARS:
            continue  # a container of the whole article, not a byline
        text = " ".join(raw.split())
        if text and len(text) <= 160 and looks_like_byline(text):
            byline = parse_byline(text)
            if byline is not None and byline.author:
                return byline
    return None


# --- sources ---------------------------------------------------------------------------------


def read_source(
    source: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 10.0,
    allow_private: bool = True,
    stdin: BinaryIO | None = None,
) -> Document:
    """Read a path, an http(s) URL, or ``-`` (standard input) into a Document.

    Args:
        source: a file path, an ``http://``/``https://`` URL, or ``-``.
        max_bytes: refuse inputs larger than this (InputTooLarge), checked while reading.
        timeout: seconds for a URL fetch as a whole.
        allow_private: when False, refuse URLs whose host resolves to a private, loopback,
            link-local, multicast or reserved address (for servers fetching user URLs).
        stdin: the stream ``-`` reads; ``sys.stdin.buffer`` by default.
    """
    _check_positive("max_bytes", max_bytes)
    if source == "-":
        stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise InputError("standard input is not available; pass a file path or a URL")
        data = _read_stream(stream, "standard input", max_bytes)
        return read_bytes(data, source="standard input", max_bytes=max_bytes)
    found = _SCHEME_RE.match(source)
    scheme = found.group(1).lower() if found else ""
    if scheme in {"http", "https"}:
        body, content_type = fetch_url(
            source, timeout=timeout, max_bytes=max_bytes, allow_private=allow_private
        )
        doc = _read_bytes(
            body, source=source, content_type=content_type, max_bytes=max_bytes, url=source
        )
        return replace(doc, url=doc.url or source, source=source)
    if scheme and len(scheme) > 1:  # "C://x" style drive letters are paths
        raise FetchError(
            f"cannot read {source!r}: the {scheme}:// scheme is not supported; "
            "use an http:// or https:// URL, a file path, or - for standard input"
        )
    return _read_path(source, max_bytes)


def _read_path(source: str, max_bytes: int) -> Document:
    """Read a file, enforcing the size limit before and while reading."""
    path = Path(os.path.expanduser(source))
    if not path.exists():
        raise InputNotFound(
            f"no such file: {source!r}; check the path (or pass an http:// or https:// URL)"
        )
    if path.is_dir():
        raise InputError(f"{source!r} is a directory; pass a file inside it")
    try:
        size = path.stat().st_size
        if size > max_bytes:  # fail before reading a byte (a regular file's size is known)
            raise InputTooLarge(_too_large(source, max_bytes))
        with path.open("rb") as f:
            data = _read_stream(f, source, max_bytes)
    except PermissionError:
        raise InputError(
            f"{source!r} cannot be read (permission denied); check its permissions"
        ) from None
    except IsADirectoryError:
        raise InputError(f"{source!r} is a directory; pass a file inside it") from None
    except OSError as exc:
        raise InputError(f"{source!r} cannot be read: {exc.strerror or exc}") from None
    content_type = "text/html" if path.suffix.lower() in {".html", ".htm", ".xhtml"} else None
    return read_bytes(data, source=source, content_type=content_type, max_bytes=max_bytes)


def _read_stream(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    """Read a stream to the end, refusing it as soon as it passes ``max_bytes``."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise InputTooLarge(_too_large(source, max_bytes))
    return b"".join(chunks)


# --- URLs ------------------------------------------------------------------------------------


def fetch_url(
    url: str,
    *,
    timeout: float = 10.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_private: bool = True,
    max_redirects: int = 5,
) -> tuple[bytes, str | None]:
    """Fetch an http(s) URL: (body, content type).

    Redirects are followed by hand, at most ``max_redirects``, each hop checked again. The
    connection goes to the address that was checked (no second DNS lookup), so with
    ``allow_private=False`` a host cannot resolve to a public address for the check and a
    private one for the request. ``timeout`` bounds the whole fetch, redirects included.
    Proxies (``http_proxy``) are not used: the connection is made directly.

    Returns:
        The body (at most ``max_bytes``) and the Content-Type header, if any.

    Raises:
        FetchError: a non-http(s) URL, an unresolvable or refused host, a timeout, an HTTP
            error status ("could not fetch URL: 404 Not Found (...)"), too many redirects.
        InputTooLarge: a body over ``max_bytes`` (checked while streaming).
        OptionError: a non-positive ``timeout`` or ``max_bytes``.
    """
    _check_positive("timeout", timeout)
    _check_positive("max_bytes", max_bytes)
    if max_redirects < 0:
        raise OptionError(f"max_redirects must be 0 or more, not {max_redirects!r}")
    deadline = time.monotonic() + timeout
    current = url
    for _hop in range(max_redirects + 1):
        status, reason, headers, body = _fetch_once(
            current, deadline, timeout, max_bytes, allow_private
        )
        if status in _REDIRECT_CODES:
            location = headers.get("location")
            if not location:
                raise FetchError(
                    f"could not fetch URL: {status} {reason} without a Location header ({current})"
                )
            try:
                current = urljoin(current, location.strip())
            except ValueError:
                raise FetchError(f"could not fetch URL: the redirect to {location!r} is not a "
                                 f"valid URL ({current})") from None
            continue
        if not 200 <= status < 300:
            raise FetchError(
                f"could not fetch URL: {status} {reason} ({current}); "
                "check the address, or save the page and pass the file"
            )
        assert body is not None
        return body, headers.get("content-type")
    raise FetchError(
        f"could not fetch URL: more than {max_redirects} redirects starting at {url}; "
        "open it in a browser to find the final address and pass that"
    )


def _fetch_once(
    url: str, deadline: float, timeout: float, max_bytes: int, allow_private: bool
) -> tuple[int, str, dict[str, str], bytes | None]:
    """Make one GET request; read the body only for a 2xx answer."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:  # "http://[::1/": an unclosed IPv6 bracket, ...
        raise FetchError(f"cannot fetch {url!r}: it is not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise FetchError(f"cannot fetch {url!r}: only http:// and https:// URLs are supported")
    if not host:
        raise FetchError(f"cannot fetch {url!r}: the URL has no host name")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise FetchError(f"cannot fetch {url!r}: the port is not a number") from None
    addresses = _resolve(host, port, allow_private, _remaining(deadline, timeout, url), timeout)
    # Percent-encode what is not ASCII (a URL pasted from a browser's address bar may hold
    # "é" or spaces); http.client sends the request line as ASCII.
    path = quote(parts.path or "/", safe=_URL_SAFE)
    if parts.query:
        path += "?" + quote(parts.query, safe=_URL_SAFE)
    try:
        host_header = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise FetchError(f"cannot fetch {url!r}: the host name is not valid") from None
    if ":" in host_header:
        host_header = f"[{host_header}]"  # an IPv6 literal
    if parts.port:
        host_header += f":{parts.port}"
    conn = _connection(scheme, host, port, addresses, _remaining(deadline, timeout, url))
    # Socket timeouts bound one read each: a server trickling a header byte a second would
    # never trip them. The watchdog shuts the socket at the deadline, whatever is blocking.
    watchdog = _Watchdog(conn, deadline)
    try:
        try:
            conn.request(
                "GET",
                path,
                headers={
                    "Host": host_header,
                    "User-Agent": _USER_AGENT,
                    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
                    "Accept-Encoding": "identity",  # we do not decompress; ask for plain bytes
                },
            )
            resp = conn.getresponse()
            headers = {k.lower(): v for k, v in resp.getheaders()}
            if not 200 <= resp.status < 300:
                watchdog.check(url, timeout)
                return resp.status, resp.reason, headers, None
            length = headers.get("content-length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise InputTooLarge(_too_large(url, max_bytes))
            chunks: list[bytes] = []
            total = 0
            while True:
                if conn.sock is not None:
                    conn.sock.settimeout(_remaining(deadline, timeout, url))
                chunk = resp.read1(_CHUNK)
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
                if total > max_bytes:
                    raise InputTooLarge(_too_large(url, max_bytes))
            watchdog.check(url, timeout)  # an end of data caused by the watchdog is a timeout
            if length.isdigit() and total < int(length):
                raise FetchError(
                    f"could not fetch URL: the server closed the connection after {total:,} of "
                    f"{int(length):,} bytes ({url}); try again"
                )
            return resp.status, resp.reason, headers, b"".join(chunks)
        except TimeoutError:
            raise _timed_out(url, timeout) from None
        except ssl.SSLError as exc:
            watchdog.check(url, timeout)
            raise FetchError(f"could not fetch URL: TLS error ({exc.reason}) ({url})") from None
        except (http.client.HTTPException, OSError, UnicodeError, ValueError) as exc:
            watchdog.check(url, timeout)
            raise FetchError(
                f"could not fetch URL: {exc.__class__.__name__}: {exc} ({url})"
            ) from None
    finally:
        watchdog.cancel()
        conn.close()


def _timed_out(url: str, timeout: float) -> FetchError:
    return FetchError(
        f"could not fetch URL: timed out after {timeout:g} s ({url}); "
        "try again, or raise the limit with --timeout"
    )


class _Watchdog:
    """Shut a connection's socket at the deadline, so that no read can outlive it."""

    def __init__(self, conn: http.client.HTTPConnection, deadline: float) -> None:
        self.fired = False
        self._conn = conn
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self.fired = True
        for sock in (getattr(self._conn, "raw_sock", None), self._conn.sock):
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass  # already closed

    def check(self, url: str, timeout: float) -> None:
        """Raise the timeout error if the watchdog cut the connection."""
        if self.fired:
            raise _timed_out(url, timeout)

    def cancel(self) -> None:
        self._timer.cancel()


def _remaining(deadline: float, timeout: float, url: str) -> float:
    """Return the seconds left before the deadline, or raise FetchError when none are."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise _timed_out(url, timeout)
    return left


def _resolve(host: str, port: int, allow_private: bool, wait: float, timeout: float) -> list[str]:
    """Resolve a host to its IP addresses, refusing non-public ones unless allowed."""
    # getaddrinfo has no timeout of its own: run it in a daemon thread and stop waiting at the
    # deadline (a slow resolver must not hold a web worker past ``timeout``).
    outcome: list[list[str] | BaseException] = []

    def lookup() -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            outcome.append(list(dict.fromkeys(str(info[4][0]) for info in infos)))
        except (OSError, UnicodeError) as exc:
            outcome.append(exc)

    worker = threading.Thread(target=lookup, name="retold-resolve", daemon=True)
    worker.start()
    worker.join(wait)
    if not outcome:
        raise FetchError(
            f"could not fetch URL: resolving host {host!r} timed out after {timeout:g} s; "
            "try again, or raise the limit with --timeout"
        )
    addresses = outcome[0]
    if isinstance(addresses, BaseException):
        raise FetchError(
            f"could not fetch URL: cannot resolve host {host!r} ({addresses}); check the address"
        )
    if not addresses:
        raise FetchError(f"could not fetch URL: host {host!r} has no address")
    if not allow_private:
        for addr in addresses:
            if not _is_public(addr):
                raise FetchError(
                    f"refusing to fetch from host {host!r}: it resolves to {refusal(addr)}; "
                    "only public hosts can be fetched (the command line's "
                    "--allow-private-urls lifts this)"
                )
    return addresses


def _is_public(address: str) -> bool:
    """Tell whether an IP address is public (the shared policy: ``retold.netpolicy``)."""
    return is_public_address(address)


def _connect_any(addresses: list[str], port: int, timeout: float | None) -> socket.socket:
    """Connect to the first checked address that answers (IPv6 may be unreachable)."""
    last: OSError | None = None
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as exc:
            last = exc
    assert last is not None
    raise last


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to already-checked IP addresses (no second DNS lookup)."""

    def __init__(self, host: str, port: int, addresses: list[str], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._addresses = addresses
        self.raw_sock: socket.socket | None = None

    def connect(self) -> None:
        self.sock = self.raw_sock = _connect_any(self._addresses, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to checked IPs, verifying the certificate for the host name."""

    def __init__(self, host: str, port: int, addresses: list[str], timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._addresses = addresses
        self.raw_sock: socket.socket | None = None

    def connect(self) -> None:
        # Kept so the deadline watchdog can shut a TLS handshake that trickles.
        sock = self.raw_sock = _connect_any(self._addresses, self.port, self.timeout)
        self.sock = self._context.wrap_socket(  # type: ignore[attr-defined]
            sock, server_hostname=self.host
        )


def _connection(
    scheme: str, host: str, port: int, addresses: list[str], timeout: float
) -> http.client.HTTPConnection:
    """Open the right pinned connection class for the scheme."""
    if scheme == "https":
        return _PinnedHTTPSConnection(host, port, addresses, timeout)
    return _PinnedHTTPConnection(host, port, addresses, timeout)
