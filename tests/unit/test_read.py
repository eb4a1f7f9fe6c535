"""Tests for retold.read: decoding, error classes, HTML extraction, URL fetching, dates."""

from __future__ import annotations

import codecs
import datetime as dt
import http.server
import io
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from retold import read as read_module
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
from retold.read import (
    fetch_url,
    parse_date,
    parse_date_option,
    read_bytes,
    read_source,
    read_text,
)
from retold.segment import segment

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "read"
ARTICLE = (
    "Floods Hit the Valley\n\n"
    "Harbour Post | Ada Lind | 4 March 2021\n\n"
    "Heavy rain pushed the river above its flood mark, officials said. "
    "About 1,200 people were told to leave.\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


# --- files and decoding ----------------------------------------------------------------------


def test_utf8_text_is_read_unchanged(tmp_path: Path) -> None:
    text = "Title Line\n\nThe\u00a0minister said “no”. It’s over.\n"
    doc = read_source(write(tmp_path, "a.txt", text.encode("utf-8")))
    assert doc.text == text
    assert doc.notes == ()
    assert doc.source.endswith("a.txt")


def test_utf8_bom_is_stripped_and_noted(tmp_path: Path) -> None:
    doc = read_source(write(tmp_path, "a.txt", codecs.BOM_UTF8 + b"Hello there."))
    assert doc.text == "Hello there."
    assert any("byte-order mark" in n for n in doc.notes)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path: Path, encoding: str) -> None:
    text = "Ça va? «Oui» — 2,000 people.\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    doc = read_source(write(tmp_path, "a.txt", data))
    assert doc.text == text


def test_latin1_text_is_guessed(tmp_path: Path) -> None:
    text = "Le président a déclaré que la sécurité était une priorité pour l'été.\n"
    doc = read_source(write(tmp_path, "a.txt", text.encode("latin-1")))
    assert doc.text == text
    assert any("guessed" in n for n in doc.notes)


def test_cp1252_curly_quotes(tmp_path: Path) -> None:
    text = "He said \u201cwe will return\u201d and it\u2019s true \u2013 they did.\n"
    doc = read_source(write(tmp_path, "a.txt", text.encode("cp1252")))
    assert doc.text == text


def test_utf16_without_bom(tmp_path: Path) -> None:
    text = "Hello there, it’s “me”. Prices rose 5%.\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        doc = read_source(write(tmp_path, f"{encoding}.txt", text.encode(encoding)))
        assert doc.text == text
        assert any("no byte-order mark" in n for n in doc.notes)


def test_short_cp1252_is_not_mistaken_for_utf16() -> None:
    assert read_bytes("“Hi”".encode("cp1252")).text == "“Hi”"


def test_cyrillic_legacy_encoding_is_guessed() -> None:
    text = "Министр сказал, что ситуация серьёзная. Никто не знает."
    assert read_bytes(text.encode("cp1251")).text == text


def test_valid_utf8_wins_over_a_wrong_declared_charset() -> None:
    text = "Le président a déclaré."
    doc = read_bytes(text.encode(), content_type="text/plain; charset=ISO-8859-1")
    assert doc.text == text
    assert any("although" in n for n in doc.notes)


def test_declared_charset_used_for_non_utf8() -> None:
    text = "Министр сказал."
    doc = read_bytes(text.encode("koi8-r"), content_type="text/plain; charset=koi8-r")
    assert doc.text == text


def test_unknown_declared_charset_is_ignored() -> None:
    assert read_bytes(b"plain words", content_type="text/plain; charset=x-nonsense").text == (
        "plain words"
    )


def test_mostly_control_characters_is_binary() -> None:
    with pytest.raises(BinaryInput, match="control characters"):
        read_bytes(bytes(range(1, 32)) * 20)


def test_crlf_and_cr_are_normalised_and_noted(tmp_path: Path) -> None:
    doc = read_source(write(tmp_path, "a.txt", b"One.\r\n\r\nTwo.\rThree."))
    assert doc.text == "One.\n\nTwo.\nThree."
    assert any("line endings" in n for n in doc.notes)


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(EmptyInput, match="empty"):
        read_source(write(tmp_path, "a.txt", b""))


def test_whitespace_only_file(tmp_path: Path) -> None:
    with pytest.raises(EmptyInput):
        read_source(write(tmp_path, "a.txt", b" \n\t\r\n  "))
    with pytest.raises(EmptyInput):
        read_source(write(tmp_path, "b.txt", "\u00a0\n\u2003".encode()))
    with pytest.raises(EmptyInput):
        read_source(write(tmp_path, "c.txt", "\u200b\ufeff \n".encode()))


def test_nul_bytes_are_binary(tmp_path: Path) -> None:
    with pytest.raises(BinaryInput, match="NUL"):
        read_source(write(tmp_path, "a.bin", b"abc\x00\x01\x02def" * 10))


@pytest.mark.parametrize(
    ("magic", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"IHDR" * 4, "PNG"),
        (b"%PDF-1.7\n%text-like header\n", "PDF"),
        (b"\xff\xd8\xff\xe0JFIF", "JPEG"),
        (b"GIF89a....", "GIF"),
        (b"PK\x03\x04word/document.xml", "ZIP"),
        (b"\x1f\x8b\x08\x00", "gzip"),
    ],
)
def test_binary_magic(tmp_path: Path, magic: bytes, what: str) -> None:
    with pytest.raises(BinaryInput, match=what):
        read_source(write(tmp_path, "a.dat", magic))


def test_undecodable_bytes(tmp_path: Path) -> None:
    # Invalid UTF-8 that no single-byte code page reads as text either: control bytes galore.
    data = bytes(range(0x80, 0x100)) * 4 + b"\x81\x8d\x8f\x90\x9d" * 50
    with pytest.raises((DecodeError, BinaryInput)):
        read_source(write(tmp_path, "a.txt", data))


def test_decode_error_for_bad_bom_payload(tmp_path: Path) -> None:
    with pytest.raises(DecodeError, match="byte-order mark"):
        read_source(write(tmp_path, "a.txt", codecs.BOM_UTF8 + b"ok \xff\xfe bad"))


def test_too_large_file(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"word " * 100)
    with pytest.raises(InputTooLarge, match="--max-bytes"):
        read_source(path, max_bytes=50)
    assert read_source(path, max_bytes=500).text.startswith("word")


def test_too_large_stdin_stops_reading_early() -> None:
    class Endless(io.RawIOBase):
        reads = 0

        def readable(self) -> bool:
            return True

        def readinto(self, b: bytearray) -> int:  # type: ignore[override]
            Endless.reads += 1
            b[:] = b"x" * len(b)
            return len(b)

    with io.BufferedReader(Endless()) as stream, pytest.raises(InputTooLarge):
        read_source("-", stdin=stream, max_bytes=1000)
    assert Endless.reads < 10


def test_too_large_bytes() -> None:
    with pytest.raises(InputTooLarge):
        read_bytes(b"a" * 11, max_bytes=10)


@pytest.mark.parametrize("limit", [0, -1])
def test_bad_limits_are_option_errors(limit: int, tmp_path: Path) -> None:
    with pytest.raises(OptionError, match="max_bytes"):
        read_source(write(tmp_path, "a.txt", b"text"), max_bytes=limit)
    with pytest.raises(OptionError, match="timeout"):
        fetch_url("http://127.0.0.1:9/", timeout=limit)


def test_stdin() -> None:
    doc = read_source("-", stdin=io.BytesIO(ARTICLE.encode()))
    assert doc.text == ARTICLE
    assert doc.source == "standard input"  # the label error messages use


def test_stdin_defaults_to_sys_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(b"From the pipe.")

    monkeypatch.setattr("sys.stdin", FakeStdin())
    assert read_source("-").text == "From the pipe."


def test_missing_path() -> None:
    with pytest.raises(InputNotFound, match="no such file"):
        read_source("/nonexistent/article.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory"):
        read_source(str(tmp_path))


def test_unsupported_scheme() -> None:
    with pytest.raises(FetchError, match="ftp"):
        read_source("ftp://example.com/a.txt")


# --- plain-text top matter -------------------------------------------------------------------


def test_read_text_top_matter() -> None:
    doc = read_text(ARTICLE)
    assert doc.text == ARTICLE
    assert doc.title == "Floods Hit the Valley"
    assert doc.site == "Harbour Post"
    assert doc.author == "Ada Lind"
    assert doc.published == dt.date(2021, 3, 4)


def test_read_text_by_line_and_nbsp() -> None:
    text = "Storm Warning\nBy Jane Doe and John Roe\u00a0\nJune 2, 2019\n\nThe storm came. It left."
    doc = read_text(text)
    assert (doc.title, doc.author, doc.published) == (
        "Storm Warning",
        "Jane Doe and John Roe",
        dt.date(2019, 6, 2),
    )


def test_read_text_title_matches_segment_title() -> None:
    text = "Floods Hit the Valley\nThe rain came on Monday. It stayed."
    doc = read_text(text)
    assert doc.title == "Floods Hit the Valley"
    assert [s.kind for s in segment(doc)] == ["title", "body", "body"]


def test_read_text_keeps_crlf_text_unchanged() -> None:
    text = "Floods Hit\r\n\r\nBy Ada Lind\r\n\r\nIt rained."
    doc = read_text(text)
    assert doc.text == text
    assert (doc.title, doc.author) == ("Floods Hit", "Ada Lind")


def test_read_text_without_top_matter() -> None:
    text = "By far the biggest storm came on Monday. It left on Tuesday."
    doc = read_text(text)
    assert (doc.title, doc.author, doc.published) == (None, None, None)


# --- HTML ------------------------------------------------------------------------------------


def test_html_article_with_meta() -> None:
    doc = read_source(str(FIXTURES / "article.html"))
    assert doc.title == "Rivers Rise Across the Valley"
    assert doc.author == "Marta Quill"
    assert doc.site == "The Valley Courier"
    assert doc.published == dt.date(2021, 3, 4)
    assert doc.url == "https://courier.example/rivers-rise"
    assert "1,200 residents" in doc.text
    for boilerplate in ("Subscribe today", "newsletter", "Privacy policy", "All rights reserved"):
        assert boilerplate not in doc.text
    assert "\n\n" in doc.text  # paragraphs separated by blank lines


def test_html_byline_without_meta_is_parsed_ourselves() -> None:
    """trafilatura reads "Site | Author | Date" as one author; we split it."""
    html = (FIXTURES / "article_no_meta.html").read_bytes()
    doc = read_bytes(html, source="page.html")
    assert doc.author == "Marta Quill"
    assert doc.site == "The Valley Courier"
    assert doc.published == dt.date(2021, 3, 4)
    kinds = [s.kind for s in segment(doc)]
    assert kinds[0] == "title" and set(kinds[1:]) == {"body"}


def test_html_sniffed_without_content_type() -> None:
    doc = read_bytes((FIXTURES / "article.html").read_bytes())
    assert doc.title == "Rivers Rise Across the Valley"


def test_html_content_type_text_plain_is_text() -> None:
    data = b"<p>Not a page.</p> Just text that mentions a tag."
    assert read_bytes(data, content_type="text/plain").text == data.decode()


def test_html_without_article() -> None:
    html = (
        b"<!doctype html><html><head><title>Menu</title></head>"
        b"<body><nav><a href='/'>Home</a></nav></body></html>"
    )
    with pytest.raises(NoArticle, match="no article text"):
        read_bytes(html, source="page.html")


def test_html_latin1_meta_charset() -> None:
    body = (
        "<p>" + "Le président a déclaré que la sécurité était une priorité absolue. " * 3 + "</p>"
    )
    html = (
        '<html><head><meta charset="iso-8859-1"><title>Été</title></head>'
        f"<body><article>{body}{body}</article></body></html>"
    )
    doc = read_bytes(html.encode("latin-1"), content_type="text/html")
    assert "président" in doc.text


# --- URLs against a real local server --------------------------------------------------------

TEXT_BODY = ARTICLE.encode()
HTML_BODY = (FIXTURES / "article.html").read_bytes()


class Handler(http.server.BaseHTTPRequestHandler):
    """Routes for the fetch tests."""

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def send_body(self, body: bytes, content_type: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path == "/text":
            self.send_body(TEXT_BODY, "text/plain; charset=utf-8")
        elif path == "/html":
            self.send_body(HTML_BODY, "text/html; charset=utf-8")
        elif path == "/latin1":
            self.send_body(
                "Le président a déclaré.".encode("latin-1"), "text/plain; charset=iso-8859-1"
            )
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/hop/{n - 1}" if n > 1 else "/text")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/loop":
            self.send_response(301)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/big":
            self.send_body(b"x" * 5000, "text/plain")
        elif path == "/big-chunked":  # no Content-Length: the limit must bite while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"y" * 1000)
        elif path == "/slow":
            time.sleep(1.0)
            self.send_body(b"late", "text/plain")
        elif path == "/caf%C3%A9?q=%C3%A9t%C3%A9":
            self.send_body(b"Quoted path.", "text/plain")
        elif path == "/png":
            self.send_body(b"\x89PNG\r\n\x1a\n0000", "image/png")
        else:
            self.send_body(b"not here", "text/plain", status=404)


class QuietServer(http.server.ThreadingHTTPServer):
    """A server that does not print when a client hangs up early (the size-limit tests do)."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_url_text(server: str) -> None:
    doc = read_source(f"{server}/text")
    assert doc.text == ARTICLE
    assert doc.url == f"{server}/text"
    assert doc.author == "Ada Lind"


def test_url_html(server: str) -> None:
    doc = read_source(f"{server}/html")
    assert doc.title == "Rivers Rise Across the Valley"
    assert "Subscribe today" not in doc.text


def test_url_charset_from_content_type(server: str) -> None:
    assert read_source(f"{server}/latin1").text == "Le président a déclaré."


def test_url_404(server: str) -> None:
    with pytest.raises(FetchError, match="could not fetch URL: 404 Not Found"):
        read_source(f"{server}/missing")


def test_url_redirect_chain(server: str) -> None:
    body, content_type = fetch_url(f"{server}/hop/3")
    assert body == TEXT_BODY
    assert content_type is not None and content_type.startswith("text/plain")


def test_url_too_many_redirects(server: str) -> None:
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch_url(f"{server}/loop")
    with pytest.raises(FetchError, match="more than 2 redirects"):
        fetch_url(f"{server}/hop/3", max_redirects=2)


def test_url_oversize_body(server: str) -> None:
    with pytest.raises(InputTooLarge):
        fetch_url(f"{server}/big", max_bytes=1000)
    with pytest.raises(InputTooLarge):
        fetch_url(f"{server}/big-chunked", max_bytes=1000)


def test_url_slow_endpoint_times_out(server: str) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch_url(f"{server}/slow", timeout=0.2)
    assert time.monotonic() - start < 0.9


def test_url_binary_content_type(server: str) -> None:
    with pytest.raises(BinaryInput, match="image/png"):
        read_source(f"{server}/png")


def test_url_private_refused(server: str) -> None:
    with pytest.raises(FetchError, match="127.0.0.1"):
        read_source(f"{server}/text", allow_private=False)


def test_url_every_redirect_hop_is_checked(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Pretend the first hop's address is public: the redirect's target must be checked again.
    calls: list[str] = []

    def first_public(address: str) -> bool:
        calls.append(address)
        return len(calls) == 1

    monkeypatch.setattr("retold.read._is_public", first_public)
    with pytest.raises(FetchError, match="refusing to fetch from host '127.0.0.1'"):
        fetch_url(f"{server}/hop/1", allow_private=False)
    assert len(calls) == 2


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.1",
        "172.16.0.1",
        "169.254.169.254",
        "224.0.0.1",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "100.64.0.1",
        "240.0.0.1",
    ],
)
def test_non_public_addresses(address: str) -> None:
    assert not read_module._is_public(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses(address: str) -> None:
    assert read_module._is_public(address)


def test_url_connection_refused() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match="could not fetch URL"):
        fetch_url(f"http://127.0.0.1:{port}/", timeout=2)


def test_url_unresolvable_host() -> None:
    # .invalid never resolves (RFC 2606); either the lookup fails or it times out: both say so.
    with pytest.raises(FetchError, match="resolv"):
        fetch_url("http://no-such-host.invalid/", timeout=2)


def test_url_with_non_ascii_path_is_quoted(server: str) -> None:
    assert fetch_url(f"{server}/café?q=été")[0] == b"Quoted path."


def test_url_bad_scheme() -> None:
    with pytest.raises(FetchError, match="http"):
        fetch_url("file:///etc/passwd")


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2020-06-18",
        "2020/06/18",
        "June 18, 2020",
        "18 June 2020",
        "Jun. 18, 2020",
        "Thursday, June 18, 2020",
        "2020-06-18T09:30:00Z",
        " June 18 2020 ",
    ],
)
def test_parse_date(text: str) -> None:
    assert parse_date(text) == dt.date(2020, 6, 18)


@pytest.mark.parametrize(
    "text",
    ["", "we", "a 50", "5-10", "2020-02-30", "June 2020", "met on June 18, 2020", "06/18/2020"],
)
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


def test_parse_date_option() -> None:
    assert parse_date_option("2020-06-18") == dt.date(2020, 6, 18)
    with pytest.raises(OptionError, match="YYYY-MM-DD"):
        parse_date_option("yesterday-ish")
