"""Load test of the web app: a real `retold serve` on loopback under the hostile load of
issue 12 (two ~2 MB texts in one request, six 1 MB requests, eight slow bodies at once).

Asserts the cap on comparisons at once, that every client gets its answer (4xx/503, never a
hang), that a timed-out comparison is really stopped (its worker killed), and that the
server's memory (its process tree) stays within its bound. Bounded: every request has a time
limit, the test ends by itself in about a minute, and traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

psutil = pytest.importorskip("psutil")
pytest.importorskip("uvicorn")

ROOT = Path(__file__).resolve().parents[2]
WORKER_MIB = 1024
CAP = 2
REQUEST_TIMEOUT = 20.0
BODY_TIMEOUT = 3.0


def _prose(n_bytes: int, seed: int) -> str:
    """Varied news-like prose of about ``n_bytes`` (numbers, names, dates in every sentence)."""
    rnd = random.Random(seed)
    words = ["council", "river", "bridge", "budget", "mayor", "vote", "storm", "school", "police", "hospital", "market", "minister", "court", "report", "village", "harbour", "road", "election", "water", "power"]
    out: list[str] = []
    size = 0
    i = 0
    while size < n_bytes:
        s = (f"On {rnd.choice(['Monday', 'Tuesday', 'Friday'])} the {rnd.choice(words)} of "
             f"{rnd.choice(['North', 'South', 'East'])} {rnd.choice(words)} cost "
             f"{rnd.randrange(10, 99999)} dollars, {rnd.choice(['said', 'told', 'warned'])} "
             f"{rnd.choice(['Ana', 'Omar', 'Li', 'Kofi'])} Name{i} in {rnd.randrange(1990, 2024)}.")
        out.append(s)
        size += len(s) + 1
        i += 1
        if i % 6 == 0:
            out.append("\n\n")
    return " ".join(out)


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def _post(port: int, body: bytes, timeout: float) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", "/api/compare", body=body,
                     headers={"content-type": "application/json"})
        r = conn.getresponse()
        return r.status, json.loads(r.read() or b"{}")
    finally:
        conn.close()


def _slow_body(port: int, timeout: float) -> int:
    """Promise 100 kB, send 20 bytes, then wait: the server must answer and not wait forever."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(b"POST /api/compare HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                  b'{"original": {"text"')
        data = b""
        while b"\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    return int(data.split()[1]) if data.startswith(b"HTTP/") else 0


def _health(port: int) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as r:
        return json.load(r)


def _start(*flags: str) -> tuple[subprocess.Popen, int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    server = subprocess.Popen(
        [sys.executable, "-m", "retold", "serve", "--host", "127.0.0.1", "--port", str(port),
         *flags], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while True:
        try:
            _health(port)
            return server, port
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError("retold serve did not start") from None
            time.sleep(0.2)


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def test_a_client_that_leaves_stops_its_comparison():
    server, port = _start("--request-timeout", "60", "--max-concurrent", "1")
    try:
        body = json.dumps({"original": {"text": _prose(1_500_000, 3)},
                           "retelling": {"text": _prose(1_500_000, 4)}}).encode()
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.sendall(b"POST /api/compare HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  b"Content-Type: application/json\r\nContent-Length: "
                  + str(len(body)).encode() + b"\r\n\r\n" + body)
        deadline = time.monotonic() + 20
        while _health(port)["running"] != 1:
            assert time.monotonic() < deadline, "the comparison never started"
            time.sleep(0.1)
        s.close()  # the client gives up
        left = time.monotonic()
        while _health(port)["running"] != 0:
            assert time.monotonic() - left < 5, "the comparison went on without its client"
            time.sleep(0.1)
        assert _health(port)["stopped"] == 1  # killed, not finished
        # and the server still answers
        assert _post(port, json.dumps({"original": {"text": "Ten died."},
                                       "retelling": {"text": "Twelve died."}}).encode(),
                     30)[0] == 200
    finally:
        _stop(server)


def test_hostile_load_is_bounded_in_work_and_memory():
    server, port = _start("--request-timeout", str(REQUEST_TIMEOUT), "--max-concurrent", str(CAP),
                          "--worker-memory", str(WORKER_MIB), "--body-timeout", str(BODY_TIMEOUT))
    proc = psutil.Process(server.pid)
    try:
        time.sleep(3)  # the workers start in the background
        base = _tree_rss(proc)

        big = json.dumps({"original": {"text": _prose(2_000_000, 1)},
                          "retelling": {"text": _prose(2_000_000, 2)}}).encode()
        mids = [json.dumps({"original": {"text": _prose(500_000, 10 + i)},
                            "retelling": {"text": _prose(500_000, 20 + i)}}).encode()
                for i in range(6)]
        results: list[tuple[str, int, float]] = []
        lock = threading.Lock()

        def run(kind: str, fn, *args) -> None:
            t0 = time.monotonic()
            try:
                status = fn(*args)
                status = status[0] if isinstance(status, tuple) else status
            except OSError:
                status = -1
            with lock:
                results.append((kind, status, time.monotonic() - t0))

        limit = REQUEST_TIMEOUT + 20  # queued requests wait within their own time limit
        threads = [threading.Thread(target=run, args=("2 MB pair", _post, port, big, limit))]
        threads += [threading.Thread(target=run, args=("1 MB", _post, port, m, limit))
                    for m in mids]
        threads += [threading.Thread(target=run, args=("slow body", _slow_body, port, limit))
                    for _ in range(8)]
        peak, running_seen = base, 0
        for t in threads:
            t.start()
        while any(t.is_alive() for t in threads):
            peak = max(peak, _tree_rss(proc))
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health",
                                            timeout=2) as r:
                    running_seen = max(running_seen, json.load(r)["running"])
            except OSError:
                pass
            time.sleep(0.1)
        for t in threads:
            t.join()
        after_clients = time.monotonic()
        # once every client has its answer, no comparison is still running
        while time.monotonic() - after_clients < 5:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as r:
                if json.load(r)["running"] == 0:
                    break
            time.sleep(0.2)
        assert _health(port)["running"] == 0
        settled = _tree_rss(proc)
        print(f"\nload: base {base / 2**20:.0f} MiB, peak {peak / 2**20:.0f} MiB, after "
              f"{settled / 2**20:.0f} MiB; at most {running_seen} running; answers "
              + ", ".join(f"{k} {s} in {t:.1f} s" for k, s, t in sorted(results)))

        assert len(results) == 15
        for kind, status, took in results:
            assert status in (200, 408, 413, 503), (kind, status)
            assert took < limit
        assert [s for k, s, _ in results if k == "slow body"] == [408] * 8
        assert 1 <= running_seen <= CAP
        # the bound: the server, plus CAP workers each held to WORKER_MIB of address space
        assert peak <= base + CAP * WORKER_MIB * 2**20, peak
        assert settled <= base + CAP * 600 * 2**20  # large workers are retired after a job
        assert server.poll() is None  # the server lived through it
    finally:
        _stop(server)
