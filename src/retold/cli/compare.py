"""`retold compare`: one pair, or many with --batch."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from retold.errors import InputError, OptionError, RetoldError
from retold.reports import FORMATS

if TYPE_CHECKING:  # the model loads with the pipeline, not for `retold --help`
    from retold.model import Comparison

DEFAULT_WIDTH = 100
# Exit code when --fail-on finds a change at or above the given severity: lets a newsroom
# script gate on "no high-severity change" the way a linter gates a build.
EXIT_CHANGES_FOUND = 10
_SEVERITIES = ("high", "medium", "low")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "compare",
        help="align a retelling with its original and diff their facts",
        description="Align a retelling with its original sentence by sentence and list what "
        "it dropped, added and changed (numbers, dates, names, quotes, attributions, "
        "qualifiers, negation). ORIGINAL and RETELLING may each be a text or HTML file, an "
        "http(s) URL, or '-' for standard input.",
    )
    p.add_argument("original", nargs="?", help="the original: path, URL or '-'")
    p.add_argument("retelling", nargs="?", help="the retelling: path, URL or '-'")
    p.add_argument("--batch", metavar="PAIRS.jsonl",
                   help="compare many pairs, one JSON object a line (see README); "
                   "writes one comparison a line")
    p.add_argument("--format", "-f", choices=FORMATS, default="terminal",
                   help="terminal (default; colour on a TTY), text (no colour), json, html")
    p.add_argument("--original-published", metavar="DATE",
                   help="publication date of the original, e.g. 2020-06-18")
    p.add_argument("--retelling-published", metavar="DATE",
                   help="publication date of the retelling")
    p.add_argument("--semantic", nargs="?", const=True, default=False, metavar="MODEL_DIR",
                   help="blend sentence embeddings into the alignment (needs retold[semantic]); "
                   "optionally the path of a local sentence-transformers model")
    p.add_argument("--output", "-o", metavar="FILE", help="write the report here, not stdout")
    p.add_argument("--width", type=int, default=None,
                   help=f"terminal/text report width (default: terminal width, else {DEFAULT_WIDTH})")
    p.add_argument("--max-bytes", type=int, default=None,
                   help="refuse inputs larger than this many bytes (default 5 MB)")
    p.add_argument("--timeout", type=float, default=10.0,
                   help="seconds a URL fetch may take end to end (default 10)")
    p.add_argument("--allow-private-urls", action="store_true",
                   help="fetch URLs whose host is a private, loopback or link-local address "
                   "(refused by default: see retold.netpolicy)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show the stage on stderr once a compare has run 2 s (default: only "
                   "when stderr is a terminal; --progress also writes it to a file or pipe)")
    p.add_argument("--fail-on", choices=_SEVERITIES, default=None,
                   help=f"exit with code {EXIT_CHANGES_FOUND} if a change of this severity "
                   "or higher is found")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.max_bytes is not None and args.max_bytes <= 0:
        raise OptionError(f"--max-bytes must be a positive number of bytes, not {args.max_bytes}")
    if args.timeout <= 0:
        raise OptionError(f"--timeout must be a positive number of seconds, not {args.timeout:g}")
    _refuse_output_over_input(args)
    if args.batch:
        if args.original or args.retelling:
            raise OptionError("give either --batch PAIRS.jsonl or ORIGINAL RETELLING, not both")
        if args.format in ("text", "html"):
            raise OptionError("--batch writes JSON lines; drop --format or use --format json")
        return _run_batch(args)
    if not args.original or not args.retelling:
        raise OptionError("compare needs two inputs: retold compare ORIGINAL RETELLING")
    if args.original == "-" and args.retelling == "-":
        raise OptionError("only one of ORIGINAL and RETELLING can be '-' (standard input)")
    if args.width is not None and args.width < 40:
        raise OptionError(f"--width {args.width} is too narrow; use 40 or more")

    from retold.cli.progress import Status, mode_for

    with Status("compare", mode_for(args.progress, sys.stderr)) as status:
        comparison = _compare_pair(args, status)
        status.stage("rendering the report")
        report = _render(comparison, args.format, args.width,
                         tty=args.output is None and sys.stdout.isatty())
    # Written once the status line is erased: stdout and stderr may share one terminal.
    with _open_output(args.output) as out:
        out.write(report)
    return _exit_code(comparison, args.fail_on)


def _compare_pair(args: argparse.Namespace, status: Any) -> Comparison:
    status.stage("loading the pipeline")
    from retold.compare import compare_documents
    from retold.read import parse_date_option

    status.stage("reading the original")
    original = _read(args.original, args)
    status.stage("reading the retelling")
    retelling = _read(args.retelling, args)
    return compare_documents(
        original,
        retelling,
        original_published=parse_date_option(args.original_published, option="--original-published")
        if args.original_published else None,
        retelling_published=parse_date_option(args.retelling_published, option="--retelling-published")
        if args.retelling_published else None,
        semantic=args.semantic,
        progress=status.update,
    )


def _render(comparison: Comparison, fmt: str, width: int | None, *, tty: bool) -> str:
    if fmt == "json":
        from retold.reports.json_report import dumps

        return dumps(comparison) + "\n"
    if fmt == "html":
        from retold.reports.html import render as render_html

        return render_html(comparison)
    from retold.reports.terminal import render as render_terminal

    color = fmt == "terminal" and tty and "NO_COLOR" not in os.environ
    if width is None:
        width = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns if tty else DEFAULT_WIDTH
    return render_terminal(comparison, width=width, color=color)


def _refuse_output_over_input(args: argparse.Namespace) -> None:
    """Writing the report over an input would destroy the article: refuse."""
    if not args.output or not os.path.exists(args.output):
        return
    for source in (args.original, args.retelling, args.batch):
        if source and source != "-" and os.path.exists(source) and os.path.samefile(
            source, args.output
        ):
            raise OptionError(f"--output {args.output} is one of the inputs; choose another file")


def _exit_code(comparison: Comparison, fail_on: str | None) -> int:
    if fail_on is None:
        return 0
    worst = _SEVERITIES.index(fail_on)
    hit = any(_SEVERITIES.index(c.severity) <= worst for c in comparison.changes)
    return EXIT_CHANGES_FOUND if hit else 0


def _read(source: str, args: argparse.Namespace) -> Any:
    from retold.read import DEFAULT_MAX_BYTES, read_source

    return read_source(source, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
                       timeout=args.timeout, allow_private=args.allow_private_urls)


def _plain_id(value: Any) -> Any:
    """A line's id as given, with lone surrogates replaced so the output line can be written."""
    from retold.read import replace_lone_surrogates

    return replace_lone_surrogates(value)[0] if isinstance(value, str) else value


def _run_batch(args: argparse.Namespace) -> int:
    """Compare each line's pair; a bad line gets an error object and the run goes on."""
    from retold.compare import as_document, compare_documents
    from retold.read import DEFAULT_MAX_BYTES, read_source
    from retold.reports.json_report import dumps_dict

    path = Path(args.batch)
    if not path.is_file():
        raise InputError(f"batch file not found: {args.batch}")
    base = path.parent
    failures = 0
    found = False
    from retold.cli.progress import Status, mode_for

    mode = mode_for(args.progress, sys.stderr)
    if mode == "live" and args.output is None and sys.stdout.isatty():
        mode = "lines"  # the JSON lines go to the same terminal: redraw nothing in place
    with path.open(encoding="utf-8", errors="replace") as lines, _open_output(args.output) as out, \
            Status("compare --batch", mode) as status:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            status.stage(f"line {number}")
            row_id: Any = None
            try:
                row = _batch_row(line)
                row_id = _plain_id(row.get("id"))
                for key in ("original_published", "retelling_published"):
                    if row.get(key) is not None and not isinstance(row[key], str):
                        raise InputError(f"'{key}' must be a date string such as 2020-06-18, "
                                         f"not {row[key]!r}")
                sides = []
                for side in ("original", "retelling"):
                    if isinstance(row.get(side), str):
                        sides.append(as_document(row[side], f"{side} on line {number}"))
                    elif isinstance(row.get(f"{side}_source"), str):
                        src = row[f"{side}_source"]
                        if "://" not in src and src != "-" and not os.path.isabs(src):
                            src = str(base / src)
                        sides.append(read_source(src, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
                                                 timeout=args.timeout,
                                                 allow_private=args.allow_private_urls))
                    else:
                        raise InputError(f"no '{side}' text or '{side}_source' path/URL")
                comparison = compare_documents(
                    sides[0], sides[1],
                    original_published=row.get("original_published"),
                    retelling_published=row.get("retelling_published"),
                    semantic=args.semantic,
                )
                record = comparison.to_dict()
                if row_id is not None:
                    record["id"] = row_id
                out.write(dumps_dict(record, indent=None) + "\n")
                found = found or _exit_code(comparison, args.fail_on) != 0
            except RetoldError as exc:
                failures += 1
                message = f"line {number}: {exc}"
                status.message(f"retold: error: {args.batch}: {message}")
                error = {"schema": "retold.error/1", "line": number, "error": str(exc)}
                if row_id is not None:
                    error["id"] = row_id
                out.write(dumps_dict(error, indent=None) + "\n")
    if failures:
        return InputError.exit_code
    return EXIT_CHANGES_FOUND if found else 0


def _batch_row(line: str) -> dict[str, Any]:
    """One --batch line as a dict, or an InputError that says what is wrong with it."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        # The parser's own "line 1 column 5 (char 4)" counts within this one line, which reads
        # as a wrong line number: keep only the column.
        raise InputError(
            f"not valid JSON ({exc.msg} at column {exc.colno}); each line must be one JSON "
            'object, e.g. {"original": "...", "retelling": "..."}'
        ) from None
    except (ValueError, RecursionError) as exc:  # an integer of 5,000 digits, deep nesting
        raise InputError(f"JSON that cannot be read ({exc}); each line must be one JSON "
                         'object, e.g. {"original": "...", "retelling": "..."}') from None
    if not isinstance(row, dict):
        raise InputError(
            f"a line must be a JSON object with 'original' and 'retelling', not a JSON "
            f"{_JSON_TYPES.get(type(row), type(row).__name__)}"
        )
    return row


_JSON_TYPES = {list: "array", str: "string", int: "number", float: "number", bool: "boolean",
               type(None): "null"}


class _open_output:
    """stdout (UTF-8) or a file, as a context manager."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.handle: TextIO | None = None

    def __enter__(self) -> TextIO:
        if self.path:
            try:
                self.handle = open(self.path, "w", encoding="utf-8")
            except OSError as exc:
                raise OptionError(f"cannot write --output {self.path}: {exc.strerror}") from None
            return self.handle
        if hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")
        return sys.stdout

    def __exit__(self, *exc: object) -> None:
        if self.handle:
            self.handle.close()
        else:
            sys.stdout.flush()
