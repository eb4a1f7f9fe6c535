"""``retold serve``: the web app on localhost (needs the ``[web]`` extra)."""

from __future__ import annotations

import argparse
import ipaddress
import sys

from retold.errors import MissingExtra, OptionError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "serve",
        help="serve the web app: paste or fetch two articles and see the report",
        description="Serve the retold web app: a form to paste, upload or fetch two articles "
        "and see the HTML report, POST /api/compare for programs (docs at /docs), and with "
        "--store the stories, links and articles of a traced corpus.",
    )
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--store", metavar="PATH", default=None,
                   help="a store written by `retold trace` (e.g. news.db): browse its corpus")
    p.add_argument("--allow-private-urls", action="store_true",
                   help="let the server fetch URLs on private, loopback and link-local "
                   "addresses (refused by default: SSRF)")
    p.add_argument("--max-upload-bytes", type=int, default=5 * 1024 * 1024, metavar="N",
                   help="largest article accepted, pasted, uploaded or fetched "
                   "(default: 5 MiB)")
    p.add_argument("--fetch-rate", type=float, default=10.0, metavar="PER_MINUTE",
                   help="URL fetches per minute per client (default: 10)")
    p.add_argument("--request-timeout", type=float, default=30.0, metavar="SECONDS",
                   help="time a comparison request may take, fetching included; past it the "
                   "comparison is stopped (default: 30)")
    p.add_argument("--max-concurrent", type=int, default=2, metavar="N",
                   help="comparisons run at once, each in a worker process (default: 2)")
    p.add_argument("--worker-memory", type=int, default=2560, metavar="MIB",
                   help="memory (address space) each comparison may use, in MiB; 0: no limit "
                   "(default: 2560)")
    p.add_argument("--body-timeout", type=float, default=20.0, metavar="SECONDS",
                   help="time a request body may take to arrive (default: 20)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn
    except ModuleNotFoundError as exc:
        raise MissingExtra("uvicorn", "web", "retold serve") from exc
    try:
        from retold.web.app import create_app
    except ModuleNotFoundError as exc:  # fastapi or python-multipart absent
        raise MissingExtra(exc.name or "fastapi", "web", "retold serve") from exc
    if not 0 < args.port < 65536:
        raise OptionError(f"--port must be between 1 and 65535, not {args.port}")
    if args.max_upload_bytes <= 0:
        raise OptionError(f"--max-upload-bytes must be positive, not {args.max_upload_bytes}")
    if args.fetch_rate < 0 or args.request_timeout <= 0 or args.body_timeout <= 0:
        raise OptionError("--fetch-rate must be >= 0, --request-timeout and --body-timeout > 0")
    if args.max_concurrent < 1 or args.worker_memory < 0:
        raise OptionError("--max-concurrent must be at least 1 and --worker-memory >= 0")
    app = create_app(
        store_path=args.store,
        allow_private_urls=args.allow_private_urls,
        max_upload_bytes=args.max_upload_bytes,
        fetch_rate=args.fetch_rate,
        request_timeout=args.request_timeout,
        max_concurrent=args.max_concurrent,
        worker_memory=args.worker_memory * 1024 * 1024 or None,
        body_timeout=args.body_timeout,
    )
    if not _is_loopback(args.host):
        print(f"retold serve: warning: listening on {args.host}, reachable from other machines; "
              "the app has no login", file=sys.stderr)
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"retold serve: http://{host}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
    # keep-alive connections close after 5 s idle; at most 64 connections at once (more get a
    # 503 from uvicorn): slow or idle clients cannot pile up (the app bounds bodies in time)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning",
                server_header=False, timeout_graceful_shutdown=5, timeout_keep_alive=5,
                limit_concurrency=64)
    return 0


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
