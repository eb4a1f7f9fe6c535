"""The private-address policy (retold.netpolicy) and URL deadlines measured on a real server."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retold.errors import FetchError
from retold.netpolicy import is_public_address, refusal
from retold.read import fetch_url, read_source


@pytest.mark.parametrize("address", [
    "2002:a9fe:a9fe::",          # 6to4 of 169.254.169.254 (cloud metadata)
    "2002:7f00:1::",             # 6to4 of 127.0.0.1
    "2002:c0a8:101::1",          # 6to4 of 192.168.1.1
    "192.0.0.8",                 # IETF protocol assignments
    "192.0.0.170",
    "198.18.0.1",                # benchmarking
    "192.0.2.1", "198.51.100.7", "203.0.113.9",  # documentation
    "192.88.99.1",               # 6to4 relay anycast (deprecated)
    "64:ff9b::7f00:1",           # NAT64 of 127.0.0.1
    "64:ff9b::a00:1",            # NAT64 of 10.0.0.1
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
    "::ffff:169.254.169.254",    # IPv4-mapped
    "::127.0.0.1",               # IPv4-compatible (deprecated)
    "fec0::1",                   # site-local
    "100::1",                    # discard-only
    "2001:db8::1", "3fff::1",    # documentation
    "ff02::1", "fe80::1%eth0", "fd00::1", "::", "::1",
    "10.1.2.3", "127.0.0.2", "100.64.0.1", "0.1.2.3", "255.255.255.255",
])
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public_address(address)
    assert refusal(address)


@pytest.mark.parametrize("address", [
    "93.184.215.14", "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111",
    "2002:808:808::",            # 6to4 of a public address is public
])
def test_public_addresses_pass(address: str) -> None:
    assert is_public_address(address), refusal(address)


def test_refusal_names_the_embedded_address() -> None:
    assert "169.254.169.254" in (refusal("2002:a9fe:a9fe::") or "")
    assert "not an IP address" in (refusal("example.com") or "")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.ip_addresses())
def test_policy_never_calls_a_stdlib_non_global_address_public(
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> None:
    if not ip.is_global or ip.is_private or ip.is_reserved or ip.is_multicast:
        assert not is_public_address(str(ip))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.ip_addresses(v=4))
def test_6to4_and_mapped_forms_agree_with_the_ipv4_address(ip: ipaddress.IPv4Address) -> None:
    sixtofour = ipaddress.IPv6Address((0x2002 << 112) | (int(ip) << 80))
    mapped = ipaddress.IPv6Address((0xFFFF << 32) | int(ip))
    if not is_public_address(ip):
        assert not is_public_address(sixtofour)
        assert not is_public_address(mapped)


@pytest.mark.parametrize("url", ["http://[::1/", "http://[not-v6]/x", "https://[::1]]:80/",
                                 "http://host:99999999/", "http://", "http:///path"])
def test_malformed_urls_are_fetch_errors(url: str) -> None:
    with pytest.raises(FetchError):
        read_source(url, timeout=2)


def test_host_resolving_to_a_private_address_is_refused() -> None:
    with pytest.raises(FetchError, match="only public hosts"):
        fetch_url("http://localhost:9/", allow_private=False, timeout=2)


# --- deadlines: a real server that trickles bytes ----------------------------------------


class _Trickler:
    """A loopback TCP server that answers every connection by trickling ``payload``."""

    def __init__(self, payload: bytes, every: float) -> None:
        self.payload, self.every = payload, every
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/"

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._trickle, args=(conn,), daemon=True).start()

    def _trickle(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)
                for i in range(len(self.payload)):
                    if self.stop.is_set():
                        return
                    conn.sendall(self.payload[i : i + 1])
                    time.sleep(self.every)
            except OSError:
                return

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


@pytest.fixture()
def trickle() -> Iterator[type[_Trickler]]:
    servers: list[_Trickler] = []

    def make(payload: bytes, every: float) -> _Trickler:
        server = _Trickler(payload, every)
        servers.append(server)
        return server

    yield make  # type: ignore[misc]
    for server in servers:
        server.close()


BODY = b"Officials said 12 people were hurt in the storm on Monday. " * 20


def test_slow_headers_are_bounded_by_the_timeout(trickle) -> None:  # type: ignore[no-untyped-def]
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Pad: " + b"a" * 400 + b"\r\n"
    server = trickle(head + b"\r\n" + BODY, every=0.05)  # 0.05 s a byte: ~20 s of headers
    start = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 1 s"):
        fetch_url(server.url, timeout=1.0)
    assert time.monotonic() - start < 2.5


def test_slow_body_is_bounded_by_the_timeout(trickle) -> None:  # type: ignore[no-untyped-def]
    head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
            + str(len(BODY)).encode() + b"\r\n\r\n")
    server = trickle(head, every=0.0)
    server.payload = head + BODY
    server.every = 0.02  # headers arrive in ~1 s of 0.02 s; the body would take ~24 s
    start = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 2 s"):
        fetch_url(server.url, timeout=2.0)
    assert time.monotonic() - start < 3.5


def test_body_shorter_than_content_length_is_an_error(trickle) -> None:  # type: ignore[no-untyped-def]
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 99999\r\n\r\n"
    server = trickle(head + BODY[:100], every=0.0)
    with pytest.raises(FetchError):
        fetch_url(server.url, timeout=3.0)


def test_cli_timeout_bounds_a_trickling_url(trickle, capsys) -> None:  # type: ignore[no-untyped-def]
    from retold.cli import main

    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
    server = trickle(head + b"X: " + b"b" * 1000 + b"\r\n\r\n" + BODY, every=0.05)
    start = time.monotonic()
    code = main(["compare", server.url, server.url, "--timeout", "1",
                 "--allow-private-urls"])
    assert code == 2
    assert time.monotonic() - start < 3.0
    assert "timed out" in capsys.readouterr().err


def test_cli_refuses_private_urls_by_default(trickle, capsys) -> None:  # type: ignore[no-untyped-def]
    from retold.cli import main

    server = trickle(b"HTTP/1.1 200 OK\r\n\r\n" + BODY, every=0.0)
    code = main(["compare", server.url, server.url, "--timeout", "2"])
    assert code == 2
    assert "--allow-private-urls" in capsys.readouterr().err
