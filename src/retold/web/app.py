"""A thin web app over the library: paste, upload or fetch two articles and see the report.

    retold serve                      # http://127.0.0.1:8000
    retold serve --store news.db      # also browse a traced corpus

Handlers call ``retold.compare``, ``retold.read`` and the store, and render with
``retold.reports.html``; nothing else. The app is the only place the web framework is imported.

Limits (all set through :func:`create_app`): the size of each article and of a request body,
the time a request may take, and the rate of URL fetches per client (a token bucket). URL
fetching refuses private, loopback and link-local addresses unless ``allow_private_urls``,
and follows at most ``max_redirects`` redirects, each checked again (``retold.read.fetch_url``).
Errors become a clear page (or JSON under ``/api/``) with the message; never a stack trace.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import math
import os
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import anyio
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from retold import __version__
from retold.errors import (
    FetchError,
    InputError,
    InputTooLarge,
    MissingExtra,
    OptionError,
    RetoldError,
    StoreError,
)
from retold.model import Comparison, Document
from retold.reports import html as html_report

log = logging.getLogger("retold.web")

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024  # per article, as the CLI's default
DEFAULT_FETCH_RATE = 10.0  # URL fetches per minute per client, sustained
DEFAULT_FETCH_BURST = 4  # URL fetches a client may make at once (one form = up to two)
DEFAULT_REQUEST_TIMEOUT = 30.0  # seconds for reading, fetching and comparing
DEFAULT_FETCH_TIMEOUT = 10.0  # seconds for one URL, redirects included
DEFAULT_MAX_REDIRECTS = 3
_FORM_OVERHEAD = 64 * 1024  # multipart boundaries, dates and field names

# Default CSP for the app's own pages; the report page carries its own (hash-based) policy.
_PAGE_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)


class RateLimited(RetoldError):
    """Too many URL fetches from one client; ``retry_after`` seconds until the next."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class RequestTimeout(RetoldError):
    """The request took longer than the server allows."""


class NotFound(RetoldError):
    """A page or record that does not exist."""


_STATUS: tuple[tuple[type[BaseException], int], ...] = (
    (RateLimited, 429),
    (RequestTimeout, 503),
    (NotFound, 404),
    (InputTooLarge, 413),
    (FetchError, 422),
    (InputError, 422),
    (OptionError, 400),
    (StoreError, 503),
    (MissingExtra, 501),
    (RetoldError, 400),
)


def status_for(exc: BaseException) -> int:
    for cls, status in _STATUS:
        if isinstance(exc, cls):
            return status
    return 500


_ERROR_BODY = {"application/json": {"example": {"error": {
    "type": "FetchError", "message": "refusing to fetch from host '127.0.0.1': ..."}}}}
_API_ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"description": "An article or the request is over the size limit.", "content": _ERROR_BODY},
    422: {"description": "An input cannot be read, fetched, or is missing.", "content": _ERROR_BODY},
    429: {"description": "Too many URL fetches from this client; see Retry-After.",
          "content": _ERROR_BODY},
    503: {"description": "The comparison took longer than the server allows.",
          "content": _ERROR_BODY},
}


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

    @property
    def max_body_bytes(self) -> int:
        return 2 * self.max_upload_bytes + _FORM_OVERHEAD


class TokenBucket:
    """Per-client token buckets: ``burst`` tokens, refilled at ``rate_per_minute``."""

    MAX_CLIENTS = 10_000  # forget idle clients beyond this many

    def __init__(self, rate_per_minute: float, burst: int,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = max(rate_per_minute, 0.0) / 60.0
        self.burst = max(1, burst)
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, last time)
        self._lock = threading.Lock()

    def take(self, client: str, n: int = 1) -> float:
        """Take ``n`` tokens; return 0.0 if granted, else the seconds to wait."""
        with self._lock:
            now = self.clock()
            tokens, last = self._buckets.get(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens >= n:
                self._buckets[client] = (tokens - n, now)
                return 0.0
            self._buckets[client] = (tokens, now)
            if len(self._buckets) > self.MAX_CLIENTS:
                self._evict(now)
            if self.rate <= 0:
                return math.inf
            return (n - tokens) / self.rate

    def _evict(self, now: float) -> None:
        full = [c for c, (t, last) in self._buckets.items()
                if t + (now - last) * self.rate >= self.burst]
        for c in full:
            del self._buckets[c]


# --- what a request asks for ---------------------------------------------------------------


class ArticleIn(BaseModel):
    """One side: pasted ``text`` (plain text or HTML) or a ``url`` to fetch."""

    text: str | None = Field(default=None, description="The article as plain text or HTML.")
    url: str | None = Field(default=None, description="An http(s) URL to fetch the article from.")
    published: dt.date | None = Field(default=None, description="Publication date (YYYY-MM-DD).")


class CompareIn(BaseModel):
    original: ArticleIn
    retelling: ArticleIn

    model_config = {
        "json_schema_extra": {
            "examples": [{
                "original": {"text": "Ten people died on Monday.", "published": "2020-06-18"},
                "retelling": {"text": "Twelve people died on Monday."},
            }]
        }
    }


@dataclass(frozen=True, slots=True)
class _Side:
    label: str  # "original" | "retelling"
    text: str | None = None
    data: bytes | None = None
    filename: str | None = None
    url: str | None = None
    published: dt.date | str | None = None


# --- the app -------------------------------------------------------------------------------


def _mount_docs(app: FastAPI) -> None:
    """Serve the OpenAPI docs page with Swagger UI from the swagger-ui-bundle package.

    FastAPI's default /docs page fetches Swagger UI from a CDN, so it is blank on a machine
    without internet; the bundle ships the same assets inside a wheel.
    """
    from fastapi.openapi.docs import get_swagger_ui_html
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/docs-assets", StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="retold API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )


def create_app(
    *,
    store_path: str | Path | None = None,
    allow_private_urls: bool = False,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    fetch_rate: float = DEFAULT_FETCH_RATE,
    fetch_burst: int = DEFAULT_FETCH_BURST,
    request_timeout: float = DEFAULT_REQUEST_TIMEOUT,
    fetch_timeout: float = DEFAULT_FETCH_TIMEOUT,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    max_concurrent: int | None = None,
) -> FastAPI:
    """Build the web app.

    Args:
        store_path: a store written by ``retold trace``; enables the corpus pages.
        allow_private_urls: fetch URLs on private, loopback and link-local addresses too
            (off by default: a server must not be a proxy into its own network).
        max_upload_bytes: the largest article accepted, pasted, uploaded or fetched.
        fetch_rate: URL fetches per minute per client, sustained; ``fetch_burst`` at once.
        request_timeout: seconds a comparison request may take, fetching included.
        fetch_timeout: seconds for one URL, redirects included; ``max_redirects`` at most.
        max_concurrent: comparisons run at once (default: the number of CPUs, at least 2);
            others wait, within ``request_timeout``.
    """
    if max_upload_bytes <= 0:
        raise OptionError(f"max_upload_bytes must be positive, not {max_upload_bytes}")
    options = WebOptions(
        store_path=str(store_path) if store_path is not None else None,
        allow_private_urls=allow_private_urls,
        max_upload_bytes=max_upload_bytes,
        fetch_rate=fetch_rate,
        fetch_burst=fetch_burst,
        request_timeout=request_timeout,
        fetch_timeout=fetch_timeout,
        max_redirects=max_redirects,
        max_concurrent=max_concurrent or max(2, os.cpu_count() or 2),
    )
    app = FastAPI(
        title="retold",
        version=__version__,
        description="Compare a retelling with its original and diff their facts. "
        "`POST /api/compare` returns the `retold.comparison/1` JSON.",
        docs_url=None,  # served below from vendored assets: FastAPI's default loads a CDN
    )
    _mount_docs(app)
    app.state.options = options
    app.state.fetch_bucket = TokenBucket(fetch_rate, fetch_burst)
    app.state.store = None
    if options.store_path is not None:
        from retold.web import corpus

        app.state.store = corpus.open_store_for_web(options.store_path)
        app.include_router(corpus.router)

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.add_middleware(_LimitAndHeaders, max_body=options.max_body_bytes)
    _install_error_handlers(app)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        return page(request, "index.html.j2", title="Compare two articles")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((STATIC / "favicon.svg").read_bytes(), media_type="image/svg+xml",
                        headers={"Cache-Control": "max-age=86400"})

    @app.post("/compare", response_class=HTMLResponse, include_in_schema=False)
    async def compare_form(request: Request) -> HTMLResponse:
        form = await request.form(max_files=4, max_fields=16,
                                  max_part_size=options.max_body_bytes)
        sides = [await _side_from_form(form, label, options) for label in ("original", "retelling")]
        comparison = await _run(request, sides)
        report = await run_limited(request, functools.partial(html_report.render, home_url="/"),
                                   comparison)
        return HTMLResponse(report, headers={"Content-Security-Policy": _report_csp()})

    @app.post("/api/compare", summary="Compare two articles",
              response_description="The retold.comparison/1 JSON document.",
              responses=_API_ERRORS)
    async def compare_api(request: Request, body: CompareIn) -> JSONResponse:
        """Compare an original with its retelling. Give each side as `text` (plain text or
        HTML) or as a `url` to fetch; `published` dates resolve relative dates ("last month")."""
        sides = [
            _Side(label, text=side.text, url=side.url, published=side.published)
            for label, side in (("original", body.original), ("retelling", body.retelling))
        ]
        comparison = await _run(request, sides)
        return JSONResponse(comparison.to_dict())

    @app.get("/api/health", summary="Liveness and settings")
    def health() -> dict[str, Any]:
        return {
            "status": "ok",
            "version": __version__,
            "store": options.store_path is not None,
            "max_upload_bytes": options.max_upload_bytes,
            "allow_private_urls": options.allow_private_urls,
        }

    return app


def page(request: Request, name: str, /, *, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render one of the app's own pages."""
    app = request.app
    context.setdefault("title", "retold")
    context.setdefault("max_upload", _human_bytes(app.state.options.max_upload_bytes))
    text = html_report.render_page(
        TEMPLATES, name,
        request_path=request.url.path,
        has_store=app.state.store is not None,
        options=app.state.options,
        version=__version__,
        **context,
    )
    return HTMLResponse(text, status_code=status_code)


def _human_bytes(n: int) -> str:
    for unit, size in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{n} bytes"


def _report_csp() -> str:
    # The same policy as the report's own <meta>: inline style and script by hash only.
    css, js = html_report._asset("report.css"), html_report._asset("report.js")
    return html_report._csp(css, js) + "; frame-ancestors 'none'"


# --- reading the two sides -----------------------------------------------------------------


async def _side_from_form(form: Any, label: str, options: WebOptions) -> _Side:
    text = form.get(f"{label}_text")
    url = form.get(f"{label}_url")
    upload = form.get(f"{label}_file")
    published = form.get(f"{label}_published") or None
    text = text if isinstance(text, str) and text.strip() else None
    url = url.strip() if isinstance(url, str) and url.strip() else None
    data = filename = None
    if isinstance(upload, UploadFile) and (upload.filename or upload.size):
        data = await upload.read(options.max_upload_bytes + 1)
        filename = upload.filename or f"{label} file"
        if not data:
            data = None
    return _Side(label, text=text, data=data, filename=filename, url=url,
                 published=published if isinstance(published, str) else None)


async def _run(request: Request, sides: list[_Side]) -> Comparison:
    options: WebOptions = request.app.state.options
    urls = sum(1 for s in sides if s.url and not (s.text or s.data))
    for side in sides:
        _check_side(side)
    if urls:
        client = request.client.host if request.client else "unknown"
        wait = request.app.state.fetch_bucket.take(client, urls)
        if wait:
            raise RateLimited(
                f"too many URL fetches from this address: try again in {math.ceil(wait)} s, "
                "or paste the article's text instead",
                retry_after=wait,
            )
    return await run_limited(request, _compare_sides, sides, options)


T = TypeVar("T")


async def run_limited(request: Request, fn: Callable[..., T], *args: Any) -> T:
    """Run blocking work in a worker thread, within the request time limit and the
    limit on comparisons at once."""
    options: WebOptions = request.app.state.options
    try:
        with anyio.fail_after(options.request_timeout):
            return await anyio.to_thread.run_sync(
                fn, *args, abandon_on_cancel=True, limiter=_limiter(request.app),
            )
    except TimeoutError:
        raise RequestTimeout(
            f"the comparison took longer than {options.request_timeout:g} s and was stopped; "
            "try shorter articles"
        ) from None


def _limiter(app: Any) -> anyio.CapacityLimiter:
    """Comparisons running at once; the rest wait (inside their time limit)."""
    limiter = getattr(app.state, "compare_limiter", None)
    if limiter is None:  # made lazily: a CapacityLimiter belongs to the running event loop
        limiter = anyio.CapacityLimiter(app.state.options.max_concurrent)
        app.state.compare_limiter = limiter
    return limiter


def _check_side(side: _Side) -> None:
    given = [name for name, value in (("pasted text", side.text), ("a file", side.data),
                                      ("a URL", side.url)) if value]
    if not given:
        raise InputError(f"the {side.label} is missing: paste its text, upload a file or give a URL")
    if len(given) > 1:
        raise InputError(
            f"the {side.label} was given as {' and '.join(given)}: give only one of them"
        )


def _compare_sides(sides: list[_Side], options: WebOptions) -> Comparison:
    """Read both sides and compare them (runs in a worker thread)."""
    from retold import read
    from retold.compare import compare  # the module, not `retold.compare`: see __init__ lazy

    docs = [_read_side(side, options, read) for side in sides]
    return compare(
        docs[0], docs[1],
        original_published=sides[0].published,
        retelling_published=sides[1].published,
    )


def _read_side(side: _Side, options: WebOptions, read: Any) -> Document:
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
    assert side.text is not None
    data = side.text.encode("utf-8")
    return read.read_bytes(data, source=f"pasted {side.label}",
                           content_type=_sniff_pasted(side.text), max_bytes=limit)


def _sniff_pasted(text: str) -> str:
    """Pasted text is UTF-8 already; HTML if it starts like markup."""
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>",
                        "<p ", "<meta", "<h1", "<section", "<main")):
        return "text/html; charset=utf-8"
    return "text/plain; charset=utf-8"


# --- limits, headers and errors ------------------------------------------------------------

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class _LimitAndHeaders:
    """Refuse request bodies over ``max_body`` bytes (413); add security headers."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], *, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers") or [])
                names = {k.lower() for k, _ in raw}
                extra = [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                if b"content-security-policy" not in names and not path.startswith("/docs"):
                    extra.append((b"content-security-policy", _PAGE_CSP.encode()))
                raw.extend((k, v) for k, v in extra if k not in names)
                message["headers"] = raw
            await send(message)

        too_large = (
            f"the request is larger than the server accepts ({self.max_body:,} bytes: "
            f"two articles of at most {(self.max_body - _FORM_OVERHEAD) // 2:,} bytes each)"
        )
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            response = _error_response(scope["path"], InputTooLarge(too_large), 413)
            await response(scope, receive, send_with_headers)
            return
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            # Read the body here, bounded, and replay it: a body over the limit is refused
            # before any handler or body parser sees it.
            chunks: list[bytes] = []
            seen = 0
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                chunk = message.get("body", b"")
                seen += len(chunk)
                if seen > self.max_body:
                    response = _error_response(scope["path"], InputTooLarge(too_large), 413)
                    await response(scope, receive, send_with_headers)
                    return
                chunks.append(chunk)
                if not message.get("more_body", False):
                    break
            body = b"".join(chunks)
            replayed = False
            upstream = receive

            async def replay() -> Message:
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await upstream()

            receive = replay

        await self.app(scope, receive, send_with_headers)


def _wants_json(path: str) -> bool:
    return path.startswith("/api/") or path == "/openapi.json"


def _error_response(path: str, exc: BaseException, status: int,
                    request: Request | None = None) -> Response:
    message = str(exc) if isinstance(exc, RetoldError) else (
        "something went wrong on the server; the details are in its log"
    )
    headers: dict[str, str] = {}
    if isinstance(exc, RateLimited):
        headers["Retry-After"] = str(max(1, math.ceil(exc.retry_after)))
    if _wants_json(path):
        kind = type(exc).__name__ if isinstance(exc, RetoldError) else "ServerError"
        return JSONResponse({"error": {"type": kind, "message": message}}, status_code=status,
                            headers=headers)
    text = html_report.render_page(
        TEMPLATES, "error.html.j2",
        title=f"Error {status}", status=status, message=message, request_path=path,
        has_store=bool(request is not None and request.app.state.store is not None),
        version=__version__,
    )
    return HTMLResponse(text, status_code=status, headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RetoldError)
    async def retold_error(request: Request, exc: RetoldError) -> Response:
        return _error_response(request.url.path, exc, status_for(exc), request)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()) if p != 'body')}: {e.get('msg', '')}"
            for e in exc.errors()
        )
        err = OptionError(f"the request is not valid: {problems}")
        return _error_response(request.url.path, err, 422, request)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        messages = {404: "there is no page at this address", 405: "this address does not "
                    "accept that method"}
        message = messages.get(exc.status_code, str(exc.detail))
        return _error_response(request.url.path, RetoldError(message), exc.status_code, request)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return _error_response(request.url.path, exc, 500, request)
