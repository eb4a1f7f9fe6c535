"""Fuzz the web app through its test client: no input gives a 500 or a stack trace.

Hypothesis, seeded and bounded (examples and time). URLs are drawn only from forms that are
refused before any connection (malformed, private or loopback hosts, other schemes), so the
fuzz never sends traffic off this machine.
"""

from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi", reason="the web app needs the [web] extra")

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from retold.web.app import create_app

OK = {200, 400, 408, 413, 422, 429, 503}

HOSTILE_TEXT = [
    "\ud800 lone surrogate", "\udfff", "bidi \u202eevil\u202c text", "\u2066isolate\u2069",
    "9" * 400 + " people died.", "1e999999 people", "-" + "9" * 320, "0x" + "f" * 300,
    "<script>alert(1)</script>", "\x00\x01\x02", "Ten\u00a0people died on Monday.",
    "between 2,000-3,000 people", "\ufeff\ufffe", "۱۲۳ کشته شدند۔", "ส" * 50,
    "<html><body><article><p>" + "x " * 30 + "</p></article></body></html>",
]
REFUSED_URLS = [
    "http://[::1/", "http://[::1]/", "http://127.0.0.1:1/", "http://10.0.0.1/", "http://0/",
    "http://[::ffff:127.0.0.1]/", "http://2130706433/", "ftp://127.0.0.1/", "javascript:alert(1)",
    "file:///etc/passwd", "http://", "http://:80/", "http://127.0.0.1:99999/", "http://[fe80::1]/",
    "http://169.254.169.254/latest", "http://[2002:a9fe:a9fe::]/", "http://192.168.0.1/",
    "http://127.0.0.1:0x50/", "http:///x", "\ud800://x", "http://[::1]:-1/",
]

texts = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.text(max_size=300),
    st.lists(st.sampled_from(HOSTILE_TEXT + ["Ten people died.", "\n\n", " "]), max_size=6)
    .map(" ".join),
)
dates = st.one_of(st.none(), st.sampled_from(["2020-06-18", "2020-02-30", "99999-01-01",
                                              "yesterday", "", "\ud800"]), st.integers(),
                  st.floats(allow_nan=True))
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(min_value=-(10**400), max_value=10**400),
              st.floats(), texts),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=3),
    max_leaves=6,
)
sides = st.one_of(
    st.fixed_dictionaries({"text": texts}, optional={"published": dates}),
    st.fixed_dictionaries({"url": st.sampled_from(REFUSED_URLS)}, optional={"published": dates}),
    st.dictionaries(st.sampled_from(["text", "url", "published", "other"]), json_values,
                    max_size=3),
    json_values,
)


@pytest.fixture(scope="module")
def web():
    app = create_app(request_timeout=20, fetch_rate=100_000, fetch_burst=100_000,
                     max_upload_bytes=256 * 1024)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def _check(r, *, api: bool) -> None:
    assert r.status_code in OK, (r.status_code, r.text[:500])
    assert "Traceback" not in r.text
    if r.status_code != 200:
        if api:
            assert r.json()["error"]["message"]
        else:
            assert r.headers["content-type"].startswith("text/html")


@seed(20261202)
@settings(max_examples=70, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(original=sides, retelling=sides)
def test_api_compare_never_fails_on_its_input(web, original, retelling):
    body = json.dumps({"original": original, "retelling": retelling}, ensure_ascii=True)
    r = web.post("/api/compare", content=body.encode("ascii"),
                 headers={"content-type": "application/json"})
    _check(r, api=True)


@seed(20261202)
@settings(max_examples=40, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=400),
       kind=st.sampled_from(["application/json", "multipart/form-data; boundary=x",
                             "application/x-www-form-urlencoded", "text/plain"]))
def test_raw_bodies_never_fail(web, body, kind):
    for path in ("/api/compare", "/compare"):
        _check(web.post(path, content=body, headers={"content-type": kind}),
               api=path.startswith("/api"))


@seed(20261202)
@settings(max_examples=50, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(o=texts, r=texts, ou=st.one_of(st.none(), st.sampled_from(REFUSED_URLS)),
       op=dates.map(lambda d: None if d is None else str(d)),
       upload=st.one_of(st.none(), st.binary(max_size=300)))
def test_form_never_fails_on_its_input(web, o, r, ou, op, upload):
    def clean(s: str) -> str:  # a browser sends UTF-8: lone surrogates cannot be typed
        return s.encode("utf-8", "replace").decode("utf-8")

    data = {"original_text": clean(o), "retelling_text": clean(r)}
    if ou:
        data["original_url"] = clean(ou)
    if op is not None:
        data["original_published"] = clean(op)
    files = {"retelling_file": ("r.txt", upload, "text/plain")} if upload is not None else None
    _check(web.post("/compare", data=data, files=files), api=False)


@pytest.mark.parametrize("url", ["http://[::1/", "http://[::1", "http://[", "https://[::g]/"])
def test_malformed_urls_are_a_clear_422(web, url):
    r = web.post("/api/compare", json={"original": {"url": url}, "retelling": {"text": "x y"}})
    assert r.status_code == 422, r.text
    assert r.json()["error"]["type"] in ("FetchError", "InputError")


def test_lone_surrogates_do_not_fail(web):
    body = ('{"original": {"text": "Ten \\ud800 people died on Monday."}, '
            '"retelling": {"text": "Twelve \\udfff people died on Monday."}}')
    r = web.post("/api/compare", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 200, r.text
    assert "\ufffd" in r.json()["original"]["sentences"][0]["text"]  # the surrogate, replaced


def test_huge_numbers_do_not_fail(web):
    r = web.post("/api/compare", json={
        "original": {"text": "Ten people died on Monday, with " + "9" * 400 + " dollars lost."},
        "retelling": {"text": "Twelve people died on Monday."}})
    assert r.status_code == 200, r.text
