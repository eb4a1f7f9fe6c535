"""The web app, in-process: API, form, uploads, limits, SSRF refusal, rate limit, errors."""

from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web app needs the [web] extra")

from fastapi.testclient import TestClient  # noqa: E402

import retold.compare  # noqa: E402
from retold.cli import main  # noqa: E402
from retold.web.app import TokenBucket, create_app  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "isis-iraq-2020"
ORIGINAL = "Ten people died in Kabul on Monday, officials said. The mayor resigned."
RETELLING = "Twelve people died in Kabul on Monday, officials said. The mayor resigned."
XSS = "<script>alert(1)</script>"


def client(**kwargs) -> TestClient:
    return TestClient(create_app(**kwargs), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def web() -> TestClient:
    return client()


@pytest.fixture
def local_server():
    """A real HTTP server on loopback serving one article; counts the requests it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            if self.path == "/redirect":
                self.send_response(302)
                self.send_header("Location", "/article")
                self.end_headers()
                return
            body = RETELLING.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def api(c: TestClient, original: dict, retelling: dict):
    return c.post("/api/compare", json={"original": original, "retelling": retelling})


# --- the API --------------------------------------------------------------------------------


def test_api_returns_the_comparison_json(web):
    r = api(web, {"text": ORIGINAL, "published": "2020-06-18"}, {"text": RETELLING})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["schema"] == "retold.comparison/1"
    expected = retold.compare.compare(ORIGINAL, RETELLING, original_published="2020-06-18")
    assert data["changes"] == [c.to_dict() for c in expected.changes]
    assert data["summary"] == expected.summary.to_dict()
    assert any(ch["kind"] == "number" for ch in data["changes"])


def test_api_worked_example(web):
    o = (EXAMPLE / "original.txt").read_text(encoding="utf-8")
    r_ = (EXAMPLE / "retelling.txt").read_text(encoding="utf-8")
    r = api(web, {"text": o}, {"text": r_})
    assert r.status_code == 200
    assert r.json()["summary"]["derivation"] in ("wholly", "partially")


def test_api_accepts_html(web):
    html = ("<html><head><title>Deaths in Kabul</title></head><body><article><p>"
            + " ".join([ORIGINAL] * 3) + "</p></article></body></html>")
    r = api(web, {"text": html}, {"text": RETELLING})
    assert r.status_code == 200, r.text
    assert r.json()["original"].get("title") == "Deaths in Kabul"


def test_api_validation_errors_are_clear(web):
    r = web.post("/api/compare", json={"original": {"text": ORIGINAL}})
    assert r.status_code == 422
    assert "retelling" in r.json()["error"]["message"]
    r = web.post("/api/compare", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422
    r = api(web, {"text": ORIGINAL}, {})
    assert r.status_code == 422
    assert "the retelling is missing" in r.json()["error"]["message"]
    r = api(web, {"text": ORIGINAL, "url": "https://example.org/"}, {"text": RETELLING})
    assert r.status_code == 422
    assert "only one" in r.json()["error"]["message"]
    r = api(web, {"text": "   "}, {"text": RETELLING})
    assert r.status_code == 422


def test_openapi_docs(web):
    assert web.get("/docs").status_code == 200
    spec = web.get("/openapi.json").json()
    assert "/api/compare" in spec["paths"]
    assert "post" in spec["paths"]["/api/compare"]
    assert web.get("/api/health").json()["status"] == "ok"


# --- the form -------------------------------------------------------------------------------


def test_form_page(web):
    r = web.get("/")
    assert r.status_code == 200
    for name in ("original_text", "retelling_text", "original_file", "retelling_file",
                 "original_url", "retelling_url"):
        assert f'name="{name}"' in r.text
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "//cdn" not in r.text


def test_form_paste_shows_the_report(web):
    r = web.post("/compare", data={"original_text": ORIGINAL, "retelling_text": RETELLING,
                                   "original_published": "2020-06-18"})
    assert r.status_code == 200, r.text
    assert 'id="changes"' in r.text and 'id="retold-data"' in r.text
    assert 'href="/"' in r.text  # back to the form
    assert "sha256-" in r.headers["content-security-policy"]


def test_form_upload(web):
    files = {
        "original_file": ("original.txt", ORIGINAL.encode("utf-16"), "text/plain"),
        "retelling_file": ("retelling.html",
                           f"<html><body><article><p>{RETELLING} {RETELLING}</p></article>"
                           "</body></html>".encode(), "text/html"),
    }
    r = web.post("/compare", files=files)
    assert r.status_code == 200, r.text
    assert "Twelve" in r.text


def test_form_error_page_has_the_message_and_no_trace(web):
    r = web.post("/compare", data={"original_text": ORIGINAL})
    assert r.status_code == 422
    assert "text/html" in r.headers["content-type"]
    assert "the retelling is missing" in r.text
    assert "Traceback" not in r.text


def test_form_xss_is_escaped(web):
    r = web.post("/compare", data={"original_text": f"Ten people died. {XSS} The end.",
                                   "retelling_text": f"Twelve people died. {XSS} The end."})
    assert r.status_code == 200
    assert XSS not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text


# --- limits ---------------------------------------------------------------------------------


def test_article_over_the_size_limit_is_refused():
    c = client(max_upload_bytes=2_000)
    big = "Ten people died in Kabul on Monday. " * 100
    r = api(c, {"text": big}, {"text": RETELLING})
    assert r.status_code == 413
    assert r.json()["error"]["type"] == "InputTooLarge"
    r = c.post("/compare", files={"original_file": ("a.txt", big.encode(), "text/plain")},
               data={"retelling_text": RETELLING})
    assert r.status_code == 413
    assert "Traceback" not in r.text


def test_request_body_over_the_limit_is_refused_before_parsing():
    c = client(max_upload_bytes=1_000)
    body = b"x" * 200_000
    r = c.post("/api/compare", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert "larger than the server accepts" in r.json()["error"]["message"]

    def chunks():  # no Content-Length: counted while streaming
        for _ in range(50):
            yield b"x" * 10_000

    r = c.post("/compare", content=chunks(), headers={"content-type": "multipart/form-data; b=x"})
    assert r.status_code == 413


def test_slow_comparison_times_out(monkeypatch):
    def slow(*args, **kwargs):
        time.sleep(1.0)
        raise AssertionError("should have been abandoned")

    monkeypatch.setattr(retold.compare, "compare", slow)
    c = client(request_timeout=0.1)
    t0 = time.monotonic()
    r = api(c, {"text": ORIGINAL}, {"text": RETELLING})
    assert r.status_code == 503
    assert "took longer than 0.1 s" in r.json()["error"]["message"]
    assert time.monotonic() - t0 < 0.9


def test_crash_is_a_plain_500_without_details(monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("secret internal detail /etc/passwd")

    monkeypatch.setattr(retold.compare, "compare", boom)
    c = client()
    for r in (api(c, {"text": ORIGINAL}, {"text": RETELLING}),
              c.post("/compare", data={"original_text": ORIGINAL, "retelling_text": RETELLING})):
        assert r.status_code == 500
        assert "secret" not in r.text and "Traceback" not in r.text and "RuntimeError" not in r.text
        assert "something went wrong" in r.text


def test_not_found_is_a_page(web):
    r = web.get("/no/such/page")
    assert r.status_code == 404
    assert "text/html" in r.headers["content-type"]
    assert "no page at this address" in r.text
    assert web.get("/api/nothing").json()["error"]["message"]


# --- SSRF -----------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://localhost:1/",
    "http://[::1]/", "http://10.0.0.1/", "http://0.0.0.0/",
])
def test_private_urls_are_refused(url):
    r = api(client(fetch_rate=1000, fetch_burst=100), {"url": url}, {"text": RETELLING})
    assert r.status_code == 422, r.text
    err = r.json()["error"]
    assert err["type"] == "FetchError"
    assert "private" in err["message"] or "refus" in err["message"]


def test_refused_before_any_request_reaches_the_host(local_server):
    base, hits = local_server
    r = api(client(), {"url": f"{base}/article"}, {"text": RETELLING})
    assert r.status_code == 422
    assert hits == []


def test_private_urls_allowed_when_asked(local_server):
    base, hits = local_server
    c = client(allow_private_urls=True)
    r = api(c, {"text": ORIGINAL}, {"url": f"{base}/redirect"})
    assert r.status_code == 200, r.text
    assert hits == ["/redirect", "/article"]
    assert r.json()["retelling"]["url"].startswith(base)


def test_too_many_redirects(local_server):
    base, _ = local_server
    c = client(allow_private_urls=True, max_redirects=0)
    r = api(c, {"text": ORIGINAL}, {"url": f"{base}/redirect"})
    assert r.status_code == 422
    assert "redirect" in r.json()["error"]["message"]


def test_non_http_schemes_are_refused(web):
    for url in ("file:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)"):
        r = api(client(), {"url": url}, {"text": RETELLING})
        assert r.status_code == 422, url


# --- rate limit -----------------------------------------------------------------------------


def test_url_fetches_are_rate_limited_per_client():
    c = client(fetch_rate=1.0, fetch_burst=2)
    statuses = [api(c, {"url": "http://127.0.0.1/"}, {"text": RETELLING}).status_code
                for _ in range(3)]
    assert statuses == [422, 422, 429]
    r = api(c, {"url": "http://127.0.0.1/"}, {"text": RETELLING})
    assert r.status_code == 429
    assert int(r.headers["retry-after"]) >= 1
    assert "too many URL fetches" in r.json()["error"]["message"]
    # pasted text is never limited
    assert api(c, {"text": ORIGINAL}, {"text": RETELLING}).status_code == 200


def test_token_bucket_refills():
    now = [0.0]
    bucket = TokenBucket(60.0, 2, clock=lambda: now[0])  # one a second
    assert bucket.take("a") == 0 and bucket.take("a") == 0
    assert bucket.take("a") == pytest.approx(1.0)
    assert bucket.take("b") == 0  # per client
    now[0] = 1.0
    assert bucket.take("a") == 0
    assert bucket.take("a", 2) > 0
    assert TokenBucket(0.0, 1).take("x") == 0
    assert TokenBucket(0.0, 1, clock=lambda: 0.0).take("x", 2) == float("inf")


# --- retold serve ---------------------------------------------------------------------------


def test_serve_is_registered(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["serve", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for flag in ("--host", "--port", "--store", "--allow-private-urls"):
        assert flag in out


def test_serve_without_the_web_extra(monkeypatch, capsys):
    import sys

    monkeypatch.setitem(sys.modules, "uvicorn", None)
    assert main(["serve"]) == 5
    assert "pip install 'retold[web]'" in capsys.readouterr().err


def test_serve_bad_port(capsys):
    assert main(["serve", "--port", "70000"]) == 3
