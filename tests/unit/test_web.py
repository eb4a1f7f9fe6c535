"""The web app, in-process: API, form, uploads, limits, SSRF refusal, rate limit, errors."""

from __future__ import annotations

import http.server
import os
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web app needs the [web] extra")

import importlib

from fastapi.testclient import TestClient

from retold.cli import main
from retold.web.app import TokenBucket, create_app

# the module, whatever `retold.compare` names in the package namespace
compare_module = importlib.import_module("retold.compare")

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
        def do_GET(self):
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
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
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
    expected = compare_module.compare(ORIGINAL, RETELLING, original_published="2020-06-18")
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


def _long_pair(sentences: int) -> tuple[str, str]:
    """A pair long enough that comparing it takes well over a tenth of a second."""
    words = ["council", "river", "bridge", "budget", "mayor", "vote", "storm", "school"]
    rows = [f"In {1900 + i} the {words[i % 8]} of district {i} cost {i * 37} dollars, "
            f"said {words[(i * 3) % 8].title()} Smith{i}." for i in range(sentences)]
    return " ".join(rows), " ".join(reversed(rows))


def test_slow_comparison_times_out_and_its_worker_is_killed():
    c = client(request_timeout=0.5, max_concurrent=1)
    pool = c.app.state.pool
    pool.start()  # a warm worker: the timeout measures the comparison, not the start
    before = set(pool.pids())
    original, retelling = _long_pair(8000)
    t0 = time.monotonic()
    r = api(c, {"text": original}, {"text": retelling})
    took = time.monotonic() - t0
    assert r.status_code == 503, r.text
    assert "took longer than 0.5 s and was stopped" in r.json()["error"]["message"]
    assert took < 10  # the answer comes at the time limit, not when the work would end
    # the worker that ran it is gone (killed and reaped), and the slot is free again
    assert (pool.running, pool.killed) == (0, 1)
    assert not [p for p in before if p in pool.pids()]
    for pid in before:
        try:
            os.kill(pid, 0)
        except OSError:
            continue
        raise AssertionError(f"worker {pid} still runs")
    r = api(c, {"text": ORIGINAL}, {"text": RETELLING})
    assert r.status_code == 200


def test_crash_is_a_plain_500_without_details():
    import operator

    from retold.web.workers import WorkerPool

    class FaultyPool(WorkerPool):
        async def run(self, fn, *args, timeout):  # a real job that fails in a real worker
            return await super().run(operator.truediv, 1, 0, timeout=timeout)

    c = client()
    c.app.state.pool = FaultyPool(1)
    for r in (api(c, {"text": ORIGINAL}, {"text": RETELLING}),
              c.post("/compare", data={"original_text": ORIGINAL, "retelling_text": RETELLING})):
        assert r.status_code == 500
        assert "ZeroDivision" not in r.text and "Traceback" not in r.text
        assert "something went wrong" in r.text
    c.app.state.pool.close()


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


# --- corpus pages (--store) -----------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    import datetime as dt

    from retold.model import Article, Link
    from retold.store import open_store

    path = tmp_path_factory.mktemp("store") / "news.db"
    store = open_store(path)
    text = "Ten people died in Kabul on Monday, officials said. The mayor resigned. Police arrested three men."
    store.add_articles([
        Article("wire-1", text, "Ten die in Kabul", "https://wire.example/1", "Wire",
                dt.date(2020, 6, 18)),
        Article("paper-a", text.replace("Ten", "Twelve"), "Twelve die", None, "Daily",
                dt.date(2020, 6, 19)),
        Article("paper-b", text.replace("three", "four"), f"Attack {XSS}", "javascript:alert(1)",
                'Evening "Post"', dt.date(2020, 6, 19)),
        Article("blog/x y", text + " A blogger disagrees.", None, None, None, None),
        Article("lonely", "Nothing to do with it at all, said nobody.", None, None, None, None),
    ])
    store.put_links([], [
        Link("wire-1", "paper-a", True, "published", 0.92, 0.95, "wholly", 1),
        Link("wire-1", "paper-b", True, "published", 0.88, 0.9, "wholly", 1),
        Link("wire-1", "blog/x y", False, "undecided", 0.6, 0.9, "partially", 0),
    ])
    store.close()
    return TestClient(create_app(store_path=path), raise_server_exceptions=False)


def test_corpus_pages(corpus):
    for url in ("/stories", "/links", "/articles", "/story?id=story:wire-1",
                "/article?id=wire-1", "/article?id=blog%2Fx+y"):
        r = corpus.get(url)
        assert r.status_code == 200, url
        assert 'href="/stories"' in r.text  # the corpus menu shows with a store
        assert XSS not in r.text, url
    assert "Ten die in Kabul" in corpus.get("/stories").text
    assert corpus.get("/articles").text.count('href="/article?id=') == 5
    assert 'href="javascript' not in corpus.get("/article?id=paper-b").text
    assert "&lt;script&gt;" in corpus.get("/article?id=paper-b").text


def _graph_json(page: str) -> dict:
    import json

    start = page.index('<script type="application/json" id="graph-data">')
    body = page[page.index(">", start) + 1:page.index("</script>", start)]
    assert "<" not in body  # the JSON cannot close its script element
    return json.loads(body)


def test_derivation_graph(corpus):
    page = corpus.get("/story?id=story:wire-1").text
    graph = _graph_json(page)
    assert {n["id"] for n in graph["nodes"]} == {"wire-1", "paper-a", "paper-b", "blog/x y"}
    assert [n["id"] for n in graph["nodes"] if n["root"]] == ["wire-1"]
    assert {(e["source"], e["target"]) for e in graph["edges"]} == {
        ("wire-1", "paper-a"), ("wire-1", "paper-b"), ("wire-1", "blog/x y")}
    assert [e["decided"] for e in graph["edges"] if e["target"] == "blog/x y"] == [False]
    assert graph["outlets"][0] == "Wire"  # the earliest outlet first
    assert set(graph["outlets"]) == {"Wire", "Daily", 'Evening "Post"', "outlet unknown"}
    assert [d["label"] for d in graph["days"]] == ["2020-06-18", "2020-06-19"]
    assert '<script src="/static/vendor/d3-dag/d3-dag.iife.min.js"></script>' in page
    assert '<script src="/static/graph.js"></script>' in page
    for asset in ("/static/graph.js", "/static/vendor/d3-dag/d3-dag.iife.min.js",
                  "/static/vendor/d3-dag/LICENSE"):
        assert corpus.get(asset).status_code == 200, asset


def test_graph_layers_follow_time_and_every_arrow_points_right():
    import datetime as dt

    from retold.model import Article, Link, Story
    from retold.web.corpus import graph_data

    arts = {
        "a": Article("a", "x", outlet="Wire", published=dt.date(2020, 1, 1)),
        "b": Article("b", "x", outlet="Daily", published=dt.date(2020, 1, 3)),
        "c": Article("c", "x", outlet="Wire", published=dt.date(2020, 1, 2)),
        "d": Article("d", "x", outlet="Daily", published=None),
        "e": Article("e", "x", outlet="Post", published=dt.date(2020, 1, 2)),
        # retells b but is dated before it (an undecided link): drawn after b all the same
        "f": Article("f", "x", outlet="Post", published=dt.date(2020, 1, 1)),
    }
    links = (Link("a", "b", True, "published", 0.5, 0.5, "partially", 0),
             Link("a", "c", True, "published", 1.0, 1.0, "wholly", 0),
             Link("c", "d", False, "undecided", 0.2, 0.2, "partially", 0),
             Link("c", "e", True, "published", 0.7, 0.7, "partially", 0),
             Link("b", "f", False, "undecided", 0.4, 0.4, "partially", 0))
    story = Story("story:a", tuple("abcdef"), "a", links,
                  (("a", None), ("c", "a"), ("b", "a"), ("d", "c"), ("e", "c"), ("f", "b")))
    g = graph_data(story, arts)
    layer = {n["id"]: n["layer"] for n in g["nodes"]}
    assert layer["a"] < layer["c"] < layer["b"]  # by day
    assert layer["c"] < layer["e"]  # same day, one step of retelling later
    assert layer["d"] > layer["c"] and layer["f"] > layer["b"]
    for n in g["nodes"]:  # every arrow points right
        for p in n["parents"]:
            assert layer[p] < layer[n["id"]]
    widths = {(e["source"], e["target"]): e["width"] for e in g["edges"]}
    assert widths[("a", "c")] > widths[("a", "b")] > widths[("c", "d")]
    assert g["outlets"][0] == "Wire"
    assert [n["dated"] for n in g["nodes"] if n["id"] == "d"] == [False]


def test_long_story_is_paginated_and_its_facts_filtered(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
    from story_corpus import write_story

    from retold.web import corpus as corpus_mod

    root = write_story(tmp_path / "big.db", 620, seed=5)
    c = client(store_path=tmp_path / "big.db")
    # The page shows the story as resolved links make it (siblings out), so count from that.
    story = next(s for s in c.get("/api/stories").json() if s["root"] == root)
    n = len(story["articles"])
    assert corpus_mod.GRAPH_MAX < n <= 2 * corpus_mod.GRAPH_MAX
    page = c.get("/story", params={"id": f"story:{root}"}).text
    graph = _graph_json(page)
    assert len(graph["nodes"]) == corpus_mod.GRAPH_MAX and graph["parts"] == 2
    assert page.count('<tr>\n<td><a href="/article?id=') == corpus_mod.CHAIN_PAGE
    assert f"Rows 1&ndash;100 of {n}" in page
    last = -(-n // corpus_mod.CHAIN_PAGE)
    later = c.get("/story", params={"id": f"story:{root}", "page": last, "part": 2}).text
    assert f"Rows {(last - 1) * 100 + 1}&ndash;{n} of {n}" in later
    assert len(_graph_json(later)["nodes"]) == n - corpus_mod.GRAPH_MAX
    facts = page[page.index("<h2>Facts carried by two or more"):]
    counts = [int(x.split("<")[0]) for x in facts.split('<span class="count">')[1:]]
    assert counts and min(counts) >= 2 and len(counts) <= corpus_mod.FACTS_MAX


def test_link_page_is_the_comparison_report(corpus):
    r = corpus.get("/link", params={"source": "wire-1", "target": "paper-a"})
    assert r.status_code == 200
    assert 'id="changes"' in r.text and "Twelve" in r.text
    assert corpus.get("/link", params={"source": "wire-1", "target": "lonely"}).status_code == 404


def test_corpus_json(corpus):
    stories = corpus.get("/api/stories").json()
    assert stories[0]["root"] == "wire-1" and len(stories[0]["articles"]) == 4
    links = corpus.get("/api/links").json()
    assert {(l["source_id"], l["target_id"]) for l in links} == {
        ("wire-1", "paper-a"), ("wire-1", "paper-b"), ("wire-1", "blog/x y")}


def test_corpus_not_found(corpus):
    for url in ("/story?id=nope", "/article?id=nope"):
        r = corpus.get(url)
        assert r.status_code == 404
        assert "is not in the store" in r.text


def test_no_store_no_corpus_pages(web):
    assert web.get("/stories").status_code == 404
    assert 'href="/stories"' not in web.get("/").text


def test_missing_store_is_a_clear_error(tmp_path):
    from retold.errors import StoreError

    with pytest.raises(StoreError, match="no store at"):
        create_app(store_path=tmp_path / "nope.db")
    assert main(["serve", "--store", str(tmp_path / "nope.db")]) == 4


def test_binary_upload_is_refused(web):
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    r = web.post("/compare", files={"original_file": ("photo.png", png, "image/png")},
                 data={"retelling_text": RETELLING})
    assert r.status_code == 422
    assert "photo.png" in r.text


def test_openapi_documents_the_errors(web):
    spec = web.get("/openapi.json").json()
    responses = spec["paths"]["/api/compare"]["post"]["responses"]
    assert {"200", "413", "422", "429", "503"} <= set(responses)


def test_openapi_docs_work_offline_under_a_strict_policy() -> None:
    from fastapi.testclient import TestClient

    from retold.web.app import create_app

    with TestClient(create_app()) as client:
        page = client.get("/docs")
        assert page.status_code == 200
        csp = page.headers["content-security-policy"]
        assert "script-src 'self';" in csp and "default-src 'none'" in csp
        assert "frame-ancestors 'none'" in csp
        assert "<script>" not in page.text  # no inline script: the initializer is a file
        assert "cdn" not in page.text.lower() and "https://" not in page.text
        for src in ("/static/vendor/swagger-ui/swagger-ui-bundle.js", "/static/docs.js",
                    "/static/vendor/swagger-ui/swagger-ui.css"):
            assert f'"{src}"' in page.text
            assert client.get(src).status_code == 200, src
        bundle = client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").text
        assert "SwaggerUIBundle" in bundle
        # the licence travels with the code
        assert "Apache License" in client.get("/static/vendor/swagger-ui/LICENSE").text
        assert client.get("/openapi.json").json()["openapi"].startswith("3.1")


def test_errors_name_the_web_remedy_not_a_command_line_flag():
    c = client(max_upload_bytes=2000)
    upload = ("Ten people died on Monday, officials said. " * 80).encode()
    r = c.post("/compare", files={"original_file": ("big.txt", upload, "text/plain")},
               data={"retelling_text": RETELLING})
    assert r.status_code == 413
    assert "--" not in r.text.split("<main", 1)[1].split("</main>", 1)[0]
    assert "shorter article" in r.text


def test_serve_refuses_bad_limits():
    assert main(["serve", "--max-concurrent", "0"]) == 3
    assert main(["serve", "--worker-memory", "-1"]) == 3
    assert main(["serve", "--body-timeout", "0"]) == 3
    from retold.errors import OptionError

    with pytest.raises(OptionError, match="max_concurrent"):
        create_app(max_concurrent=0)


def test_corpus_pages_with_times_and_days(tmp_path):
    """Times to the second and bare days sort together; links shown are the resolved ones."""
    import datetime as dt

    from retold.model import Article, Link
    from retold.store import open_store

    path = tmp_path / "times.db"
    store = open_store(path)
    text = "Ten people died in Kabul on Monday, officials said. The mayor resigned. Police arrested three men."
    utc = dt.UTC
    store.add_articles([
        Article("wire", text, "Ten die", None, "Wire", dt.datetime(2020, 6, 18, 9, 5, tzinfo=utc)),
        Article("paper", text.replace("three", "four"), "Ten die", None, "Daily",
                dt.datetime(2020, 6, 18, 17, 30, tzinfo=utc)),
        Article("later", text + " More later.", None, None, "Weekly", dt.date(2020, 6, 20)),
        Article("undated", "Nothing to do with it at all.", None, None, None, None),
    ])
    store.put_links([], [Link("wire", "paper", True, "published", 0.95, 0.95, "wholly", 1),
                         Link("wire", "later", True, "published", 0.9, 0.9, "wholly", 0)])
    store.close()
    c = TestClient(create_app(store_path=path), raise_server_exceptions=False)
    for url in ("/stories", "/links", "/articles", "/story?id=story:wire", "/article?id=wire",
                "/api/links", "/api/stories"):
        assert c.get(url).status_code == 200, url
    page = c.get("/articles").text
    assert page.index("id=wire") < page.index("id=paper") < page.index("id=later") < page.index(
        "id=undated")
    graph = _graph_json(c.get("/story?id=story:wire").text)
    layers = {n["id"]: n["layer"] for n in graph["nodes"]}
    assert layers["wire"] < layers["paper"] < layers["later"]
