"""A thin web app over the library: paste, upload or fetch two articles and see the report.

    retold serve                      # http://127.0.0.1:8000
    retold serve --store news.db      # also browse a traced corpus

Handlers call ``retold.compare``, ``retold.read`` and the store, and render with
``retold.reports.html``; nothing else. The app is the only place the web framework is imported.

Limits (all set through :func:`create_app`): the size of each article and of a request body,
the time a request body may take to arrive, the time a request may take, the comparisons run at
once and the memory each may use, and the rate of URL fetches per client (a token bucket).
Comparisons run in worker processes (``retold.web.workers``): one that runs out of time is
killed, so its work really stops and the cap on work at once counts it until then. URL
fetching refuses private, loopback and link-local addresses unless ``allow_private_urls``,
and follows at most ``max_redirects`` redirects, each checked again (``retold.read.fetch_url``).
Errors become a clear page (or JSON under ``/api/``) with the message; never a stack trace.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import math
import threading
import time
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
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
from retold.reports import html as html_report
from retold.web import jobs
from retold.web.jobs import _FORM_OVERHEAD, WebOptions
from retold.web.jobs import Side as _Side
from retold.web.workers import WorkerCrashed, WorkerPool, WorkTimeout

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
DEFAULT_MAX_CONCURRENT = 2  # comparisons at once; each is a worker process
DEFAULT_WORKER_MEMORY = 2560 * 1024 * 1024  # address space per worker (RLIMIT_AS), in bytes
DEFAULT_BODY_TIMEOUT = 20.0  # seconds for a request body to arrive in full

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


class BodyTimeout(RetoldError):
    """The request body did not arrive in time."""


class ClientGone(RetoldError):
    """The client closed the connection before its answer was ready."""


_DISCONNECT_POLL = 0.5  # seconds between checks that the client is still there


_STATUS: tuple[tuple[type[BaseException], int], ...] = (
    (RateLimited, 429),
    (RequestTimeout, 503),
    (WorkTimeout, 503),
    (WorkerCrashed, 503),
    (BodyTimeout, 408),
    (ClientGone, 499),
    (NotFound, 404),
    (jobs.NotInStore, 404),
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
    503: {"description": "The comparison took longer than the server allows (it was stopped), "
          "or needed more memory than it allows.", "content": _ERROR_BODY},
}


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


# --- the app -------------------------------------------------------------------------------


# /docs: Swagger UI from the vendored swagger-ui-dist (static/vendor; see its README). Its
# React code sets inline styles, hence 'unsafe-inline' for styles only; scripts are files.
_DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)


def _mount_docs(app: FastAPI) -> None:
    """Serve the OpenAPI docs page: a current Swagger UI (it reads OpenAPI 3.1), offline."""

    @app.get("/docs", include_in_schema=False)
    async def docs(request: Request) -> HTMLResponse:
        text = html_report.render_page(
            TEMPLATES, "docs.html.j2", openapi_version=request.app.openapi_version)
        return HTMLResponse(text, headers={"Content-Security-Policy": _DOCS_CSP})


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
    max_concurrent: int = DEFAULT_MAX_CONCURRENT,
    worker_memory: int | None = DEFAULT_WORKER_MEMORY,
    body_timeout: float = DEFAULT_BODY_TIMEOUT,
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
        max_concurrent: comparisons run at once, each in a worker process; others wait,
            within ``request_timeout``. A comparison that runs out of time is killed.
        worker_memory: bytes of address space each worker may use (``None``: no limit); a
            comparison that needs more fails with 413. The server's memory is bounded by its
            own (~100 MB) plus ``max_concurrent`` times this.
        body_timeout: seconds a request body may take to arrive in full (408 after that).
    """
    if max_upload_bytes <= 0:
        raise OptionError(f"max_upload_bytes must be positive, not {max_upload_bytes}")
    if max_concurrent < 1:
        raise OptionError(f"max_concurrent must be at least 1, not {max_concurrent}")
    if request_timeout <= 0 or body_timeout <= 0:
        raise OptionError("request_timeout and body_timeout must be positive")
    options = WebOptions(
        store_path=str(store_path) if store_path is not None else None,
        allow_private_urls=allow_private_urls,
        max_upload_bytes=max_upload_bytes,
        fetch_rate=fetch_rate,
        fetch_burst=fetch_burst,
        request_timeout=request_timeout,
        fetch_timeout=fetch_timeout,
        max_redirects=max_redirects,
        max_concurrent=max_concurrent,
        worker_memory=worker_memory,
        body_timeout=body_timeout,
    )
    pool = WorkerPool(max_concurrent, memory_limit=worker_memory)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # start the workers in the background: the server answers at once
        threading.Thread(target=pool.start, daemon=True, name="retold-web-pool").start()
        try:
            yield
        finally:
            pool.close()

    app = FastAPI(
        title="retold",
        version=__version__,
        description="Compare a retelling with its original and diff their facts. "
        "`POST /api/compare` returns the `retold.comparison/1` JSON.",
        docs_url=None,  # served below from vendored assets: FastAPI's default loads a CDN
        lifespan=lifespan,
    )
    app.state.pool = pool
    weakref.finalize(app, pool.close)  # an app dropped without a shutdown (tests) stops its workers
    _mount_docs(app)
    app.state.options = options
    app.state.fetch_bucket = TokenBucket(fetch_rate, fetch_burst)
    app.state.store = None
    if options.store_path is not None:
        from retold.web import corpus

        app.state.store = corpus.open_store_for_web(options.store_path)
        app.include_router(corpus.router)

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.add_middleware(_LimitAndHeaders, max_body=options.max_body_bytes,
                       body_timeout=options.body_timeout)
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
        report = await _run(request, jobs.compare_html, sides)
        return HTMLResponse(report, headers={"Content-Security-Policy": _report_csp()})

    @app.post("/api/compare", summary="Compare two articles", tags=["compare"],
              response_description="The retold.comparison/1 JSON document.",
              responses=_API_ERRORS)
    async def compare_api(request: Request, body: CompareIn) -> Response:
        """Compare an original with its retelling. Give each side as `text` (plain text or
        HTML) or as a `url` to fetch; `published` dates resolve relative dates ("last month")."""
        sides = [
            _Side(label, text=side.text, url=side.url, published=side.published)
            for label, side in (("original", body.original), ("retelling", body.retelling))
        ]
        payload = await _run(request, jobs.compare_json, sides)
        return Response(payload, media_type="application/json")

    @app.get("/api/health", summary="Liveness, settings and comparisons running now",
             tags=["service"])
    def health(request: Request) -> dict[str, Any]:
        return {
            "status": "ok",
            "version": __version__,
            "store": options.store_path is not None,
            "max_upload_bytes": options.max_upload_bytes,
            "allow_private_urls": options.allow_private_urls,
            "max_concurrent": options.max_concurrent,
            "running": request.app.state.pool.running,
            "stopped": request.app.state.pool.killed,  # comparisons killed: time up, client gone
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


T = TypeVar("T")


async def _run(request: Request, job: Callable[..., T], sides: list[_Side]) -> T:
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
    return await run_limited(request, job, sides, options)


async def run_limited(request: Request, fn: Callable[..., T], *args: Any) -> T:
    """Run ``fn(*args)`` in a worker process, within the request time limit and the limit on
    comparisons at once; past the time limit, or when the client has gone away, the worker is
    killed."""
    options: WebOptions = request.app.state.options
    pool: WorkerPool = request.app.state.pool
    outcome: list[T] = []
    failure: list[Exception] = []
    async with anyio.create_task_group() as tg:

        async def watch_client() -> None:
            while not await request.is_disconnected():
                await anyio.sleep(_DISCONNECT_POLL)
            tg.cancel_scope.cancel()  # nobody is waiting for the answer: stop the work

        tg.start_soon(watch_client)
        try:
            outcome.append(await pool.run(fn, *args, timeout=options.request_timeout))
        except Exception as exc:  # noqa: BLE001  (raised below, not wrapped in a group)
            failure.append(exc)
        tg.cancel_scope.cancel()
    if failure:
        if isinstance(failure[0], WorkTimeout):
            raise RequestTimeout(
                f"the comparison took longer than {options.request_timeout:g} s and was "
                "stopped; try shorter articles"
            )
        raise failure[0]
    if not outcome:
        raise ClientGone("the client went away; the comparison was stopped")
    return outcome[0]


def _check_side(side: _Side) -> None:
    given = [name for name, value in (("pasted text", side.text), ("a file", side.data),
                                      ("a URL", side.url)) if value]
    if not given:
        raise InputError(f"the {side.label} is missing: paste its text, upload a file or give a URL")
    if len(given) > 1:
        raise InputError(
            f"the {side.label} was given as {' and '.join(given)}: give only one of them"
        )


_sniff_pasted = jobs.sniff_pasted  # kept under its old name


# --- limits, headers and errors ------------------------------------------------------------

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class _LimitAndHeaders:
    """Refuse request bodies over ``max_body`` bytes (413) or slower than ``body_timeout``
    seconds (408); add security headers."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], *, max_body: int,
                 body_timeout: float = DEFAULT_BODY_TIMEOUT):
        self.app = app
        self.max_body = max_body
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers") or [])
                names = {k.lower() for k, _ in raw}
                extra = [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                if b"content-security-policy" not in names:
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
            # Read the body here, bounded in size and time, and replay it: a body over the
            # limit, or one that stops short of its Content-Length, is refused before any
            # handler or body parser sees it (and does not hold the connection forever).
            chunks: list[bytes] = []
            seen = 0
            refusal: tuple[RetoldError, int] | None = None
            with anyio.move_on_after(self.body_timeout) as scope_timer:
                while True:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        return
                    chunk = message.get("body", b"")
                    seen += len(chunk)
                    if seen > self.max_body:
                        refusal = (InputTooLarge(too_large), 413)
                        break
                    chunks.append(chunk)
                    if not message.get("more_body", False):
                        break
            if scope_timer.cancelled_caught:
                refusal = (BodyTimeout(
                    f"the request body did not arrive within {self.body_timeout:g} s; "
                    "send it again"), 408)
            if refusal is not None:
                chunks.clear()
                response = _error_response(scope["path"], refusal[0], refusal[1])
                await response(scope, receive, send_with_headers)
                return
            body = b"".join(chunks)
            del chunks
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
