"""`retold trace`, `retold links`, `retold stories`, `retold show`: corpus-level reuse."""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from retold.errors import OptionError, RetoldError, StoreError

if TYPE_CHECKING:  # the model loads with the store, not for `retold --help`
    from retold.model import Link, Story

DEFAULT_STORE = "retold.db"
LINK_FORMATS = ("jsonl", "csv", "graphml")
STORY_FORMATS = ("text", "json", "jsonl")
STORIES_SCHEMA = "retold.stories/1"
CSV_FIELDS = ("id", "source_id", "target_id", "decided", "evidence", "reuse", "carried",
              "derivation", "changes", "channels", "similarity", "detail")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "trace",
        help="find who retold whom across a corpus",
        description="Read articles (folders of .txt/.html/.json files, .jsonl or .csv files "
        "with fields id, text or html, url, outlet, title, published), find candidate pairs "
        "(shared word runs, shared vocabulary, shared facts), verify each with the pair "
        "pipeline and keep the links in a store. Run it again with more inputs and only the "
        "new articles are processed; kill it and run it again and it resumes.",
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="folders, .jsonl, .csv, .json, .txt or .html files (none: resume or "
                   "finish the work already in the store)")
    p.add_argument("--store", "-s", default=None,
                   help=f"the store file (SQLite; default {DEFAULT_STORE}; with --out, "
                   "loaded only when given)")
    p.add_argument("--workers", "-w", type=int, default=1,
                   help="worker processes (default 1; 0: one per core)")
    p.add_argument("--engine", choices=("local", "spark", "auto"), default="local",
                   help="where the stages run (default local)")
    p.add_argument("--batch-size", type=int, default=500,
                   help="articles per transaction (default 500)")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="no progress bar and no problem lines; only the summary")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--out", metavar="PATH", default=None,
                   help="with --engine spark: write Parquet results under PATH (any Spark path: "
                   "local, s3a://, hdfs://); the inputs are then read by Spark; a re-run "
                   "resumes from PATH")
    p.add_argument("--stop-after", default=None,
                   choices=("articles", "fingerprints", "candidates", "verify", "stories"),
                   help="with --out: stop after this stage")
    p.add_argument("--jsonl", action="store_true",
                   help="with --out: also write links_jsonl/ and stories_jsonl/")
    p.set_defaults(run=run_trace)

    p = subparsers.add_parser("links", help="list the links of a traced store",
                              description="Write every link of STORE: one JSON object a line "
                              "(jsonl, the default), CSV, or a GraphML graph.")
    p.add_argument("store", metavar="STORE")
    p.add_argument("--format", "-f", choices=LINK_FORMATS, default="jsonl")
    p.add_argument("--output", "-o", metavar="FILE", help="write here, not stdout")
    p.add_argument("--all-pairs", action="store_true",
                   help="every verified reuse, siblings and chain shortcuts included")
    p.set_defaults(run=run_links)

    p = subparsers.add_parser("stories", help="list the story clusters of a traced store",
                              description="Story clusters, biggest first: the earliest "
                              "source, the chain of retellings, and what each changed.")
    p.add_argument("store", metavar="STORE")
    p.add_argument("--format", "-f", choices=STORY_FORMATS, default="text",
                   help="text (default); json: one document {schema, stories}; jsonl: one "
                   "story a line")
    p.add_argument("--limit", type=int, default=None, help="at most this many stories")
    p.add_argument("--facts", action="store_true", help="print each story's facts table")
    p.set_defaults(run=run_stories)

    p = subparsers.add_parser("show", help="the full comparison report for one link",
                              description="Re-run the pair pipeline on the two stored texts "
                              "of LINK_ID (SOURCE->TARGET, as `retold links` prints it). An id "
                              "starting with '-' goes after '--': retold show STORE -- -a->b")
    p.add_argument("store", metavar="STORE")
    p.add_argument("link_id", metavar="LINK_ID")
    p.add_argument("--format", "-f", choices=("terminal", "text", "json"), default="terminal")
    p.add_argument("--width", type=int, default=None)
    p.set_defaults(run=run_show)


# -- trace ------------------------------------------------------------------------------------


def run_trace(args: argparse.Namespace) -> int:
    from retold.engines import TraceOptions, get_engine
    from retold.ingest import read_inputs
    from retold.store import open_store

    if args.out is not None:
        if args.engine != "spark":
            raise OptionError("--out is for --engine spark; the local engine keeps its work "
                              "in --store")
        from retold.cli.spark import run_spark_trace

        return run_spark_trace(args)  # loads into args.store only when --store was given
    args.store = args.store or DEFAULT_STORE
    if args.workers < 0:
        raise OptionError(f"--workers {args.workers}: give 1 or more (0 for one per core)")
    if args.batch_size < 1:
        raise OptionError(f"--batch-size {args.batch_size}: give 1 or more")
    workers = args.workers or os.cpu_count() or 1
    items = read_inputs(args.inputs)
    engine = get_engine(args.engine, workers=workers)
    show_bar = not args.quiet and sys.stderr.isatty()
    with open_store(args.store) as store:
        bar = _Bar() if show_bar else None
        try:
            result = engine.run(items, store, options=TraceOptions(batch_size=args.batch_size),
                                progress=bar.update if bar else None)
        finally:
            if bar:
                bar.stop()
    if not args.quiet:
        for problem in result.problems[:50]:
            print(f"retold: skipped {problem}", file=sys.stderr)
        if len(result.problems) > 50:
            print(f"retold: ... and {len(result.problems) - 50} more skipped rows",
                  file=sys.stderr)
    summary = result.summary()
    if args.json:
        print(json.dumps(summary, sort_keys=True))
    else:
        print(f"articles {summary['articles']} (new {summary['added']}, already stored "
              f"{summary['already_stored']}, skipped {summary['problems']}); "
              f"candidates {summary['candidates']} (pre-verified away {summary['rejected']}, "
              f"explained by an earlier article {summary['explained_by_third']}); "
              f"verified {summary['verified']} (reuse in {summary['new_links']}); "
              f"links {summary['links']}; stories {summary['stories']}; "
              f"{summary['seconds']:.1f} s")
    if result.problems and not result.added and not result.already_stored:
        # every row skipped: a script must not read this run as one that stored something
        print(f"retold: error: no article of the input could be stored "
              f"({len(result.problems)} rows skipped)", file=sys.stderr)
        return 2
    return 0


class _Bar:
    """A rich progress bar on stderr, one task per stage, with rate and ETA."""

    def __init__(self, console: Any = None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn("{task.description:<11}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn(), console=console or Console(stderr=True), transient=False)
        self.tasks: dict[str, Any] = {}
        self.started: dict[str, float] = {}
        self.progress.start()

    def update(self, stage: str, done: int, total: int | None) -> None:
        if stage not in self.tasks:
            self._finish_earlier_stages()
            self.tasks[stage] = self.progress.add_task(stage, total=total, rate="")
            self.started[stage] = time.perf_counter()
        elapsed = time.perf_counter() - self.started[stage]
        rate = f"{done / elapsed:,.0f}/s" if elapsed > 0.2 else ""
        self.progress.update(self.tasks[stage], completed=done, total=total, rate=rate)

    def _finish_earlier_stages(self) -> None:
        # Stages run one after another: when one starts, the others are over. Their clocks
        # stop, and a stage that never knew its total (ingest) shows its count as complete.
        for task in self.progress.tasks:
            if task.total is None:
                self.progress.update(task.id, total=task.completed)
            self.progress.stop_task(task.id)

    def stop(self) -> None:
        self._finish_earlier_stages()
        self.progress.stop()


# -- links ------------------------------------------------------------------------------------


def _open_existing(path: str) -> Any:
    from retold.store import open_store

    if path not in ("memory:",) and not os.path.exists(path.removeprefix("sqlite:///")):
        raise StoreError(f"no store at {path!r}; run `retold trace INPUTS --store {path}` first")
    return open_store(path, readonly=True)  # read-only: a store on read-only media reads too


def run_links(args: argparse.Namespace) -> int:
    from retold.engines.base import resolved_links

    with _open_existing(args.store) as store:
        links = resolved_links(store, all_pairs=args.all_pairs).links
        out, close = _output(args.output)
        try:
            WRITERS[args.format](links, out, store)
        finally:
            close()
    return 0


def _output(path: str | None) -> tuple[TextIO, Callable[[], None]]:
    if path is None:
        return sys.stdout, lambda: None
    try:
        f = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed by caller)
    except OSError as exc:
        raise OptionError(f"--output {path}: cannot write ({exc.strerror})") from exc
    return f, f.close


def link_record(link: Link) -> dict[str, Any]:
    """One line of `retold links --format jsonl`."""
    return link.to_dict()


def _write_jsonl(links: Any, out: TextIO, store: Any) -> None:
    when = store.published()  # publication times as read (ISO 8601, with time and zone if given)

    def record(link: Link) -> dict[str, Any]:
        return {**link_record(link), **{f"{side}_published": (
            when.get(aid).isoformat() if when.get(aid) else None)
            for side, aid in (("source", link.source_id), ("target", link.target_id))}}

    out.writelines(json.dumps(record(link), ensure_ascii=False, sort_keys=True) + "\n" for link in links)


def _write_csv(links: Any, out: TextIO, store: Any) -> None:
    w = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for link in links:
        row = link_record(link)
        row["channels"] = " ".join(row["channels"])
        row["decided"] = "true" if row["decided"] else "false"
        w.writerow(row)


def _write_graphml(links: Any, out: TextIO, store: Any) -> None:
    from xml.sax.saxutils import escape, quoteattr  # pulls urllib and email: not at start-up

    links = list(links)
    nodes = sorted({l.source_id for l in links} | {l.target_id for l in links})
    published = store.published()
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
              '  <key id="published" for="node" attr.name="published" attr.type="string"/>\n'
              '  <key id="reuse" for="edge" attr.name="reuse" attr.type="double"/>\n'
              '  <key id="carried" for="edge" attr.name="carried" attr.type="double"/>\n'
              '  <key id="derivation" for="edge" attr.name="derivation" attr.type="string"/>\n'
              '  <key id="changes" for="edge" attr.name="changes" attr.type="int"/>\n'
              '  <key id="decided" for="edge" attr.name="decided" attr.type="boolean"/>\n'
              '  <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>\n'
              '  <graph id="retold" edgedefault="directed">\n')
    for n in nodes:
        p = published.get(n)
        data = f'<data key="published">{p.isoformat()}</data>' if p else ""
        out.write(f"    <node id={quoteattr(n)}>{data}</node>\n")
    out.writelines(f"    <edge id={quoteattr(l.id)} source={quoteattr(l.source_id)} "
            f"target={quoteattr(l.target_id)}>"
            f'<data key="reuse">{l.reuse:.4f}</data><data key="carried">{l.carried:.4f}</data>'
            f'<data key="derivation">{escape(l.derivation)}</data>'
            f'<data key="changes">{l.changes}</data>'
            f'<data key="decided">{"true" if l.decided else "false"}</data>'
            f'<data key="evidence">{escape(l.evidence)}</data></edge>\n' for l in links)
    out.write("  </graph>\n</graphml>\n")


WRITERS: dict[str, Callable[[Any, TextIO, Any], None]] = {
    "jsonl": _write_jsonl, "csv": _write_csv, "graphml": _write_graphml}


# -- stories ----------------------------------------------------------------------------------


def run_stories(args: argparse.Namespace) -> int:
    from retold.engines.base import resolved_links
    from retold.trace import stories as st

    if args.limit is not None and args.limit < 0:
        raise OptionError(f"--limit {args.limit}: give 0 or more")
    with _open_existing(args.store) as store:
        stories = st.build(resolved_links(store).links, store.published())
    if args.limit is not None:
        stories = stories[: args.limit]
    if args.format == "json":
        print(json.dumps({"schema": STORIES_SCHEMA, "stories": [s.to_dict() for s in stories]},
                         ensure_ascii=False, sort_keys=True, indent=2))
        return 0
    if args.format == "jsonl":
        for s in stories:
            print(json.dumps(s.to_dict(), ensure_ascii=False, sort_keys=True))
        return 0
    if not stories:
        print("no stories: the store has no links yet")
        return 0
    for s in stories:
        print("\n".join(story_lines(s, facts=args.facts)))
        print()
    return 0


def story_lines(s: Story, *, facts: bool = False) -> list[str]:
    """A story as `retold stories` prints it: the root, then each retelling and what changed."""
    when = f", published {s.published.isoformat()}" if s.published else ""
    also = (f" (or {', '.join(s.open_roots)}: the order is undecided)" if s.open_roots
            else "")
    head = f"{s.id}: {_plural(len(s.articles), 'article')}; earliest source {s.root}{when}"
    lines = [head + also]
    by_pair = {(l.source_id, l.target_id): l for l in s.links}
    walked = {frozenset((article, parent)) for article, parent in s.chain if parent is not None}
    told: set[frozenset[str]] = set()  # the pairs printed so far
    for article, parent in s.chain[1:]:
        if parent is None:
            # Retold by nobody in the story, only a source of it (another source of an article
            # that the root's line also reached): print its own links the chain does not.
            for out in s.links:
                if out.source_id == article and frozenset((article, out.target_id)) not in walked:
                    lines.append(f"  {article} -> {out.target_id}: {_how(out)} (a second source, "
                                 "not reached from the earliest)")
                    told.add(frozenset((article, out.target_id)))
            continue
        link = by_pair.get((parent, article)) or by_pair.get((article, parent))
        # (an undecided link the chain walks against its order is printed in its own, which
        # its changes are told in)
        lines.append(_link_line(link) if link is not None else
                     f"  {parent} -> {article}: linked")
        told.add(frozenset((parent, article)))
    # a link the chain does not walk: an article's second source ("a -> b -> c" where "a -> c"
    # is kept for text b dropped), printed once, as the others are
    lines.extend(_link_line(l, " (a second source)") for l in s.links
                 if frozenset((l.source_id, l.target_id)) not in told)
    for source, targets in _siblings(s.links):
        lines.append(f"  {', '.join(targets)} share a source ({source}): siblings, not links")
    if facts and s.facts:
        lines.append("  facts:")
        for f in s.facts:
            changed = ", ".join(f"{c['article']} ({c['to'] or 'dropped'})"
                                for c in f["changed_by"])
            lines.append(f"    [{f['kind']}] {f['text']}: carried by {', '.join(f['carried_by'])}"
                         + (f"; changed by {changed}" if changed else ""))
    return lines


def _link_line(link: Link, note: str = "") -> str:
    """A link as a story prints it, with what it changed in its own source's words (a
    story-wide fact row keeps the words of the first article that stated it)."""
    rows = link.facts
    edits = [f"{f['text']} -> {f['to']}" for f in rows if f["status"] == "changed"
             and f.get("to")]
    cut = [f["text"] for f in rows if f["status"] != "carried" and not (
        f["status"] == "changed" and f.get("to"))]
    extra = (f"; changed {'; '.join(edits[:3])}" if edits else "") + (
        f"; left out {'; '.join(cut[:3])}" if cut else "")
    return f"  {link.source_id} -> {link.target_id}: {_how(link)}{note}{extra}"


def _how(link: Link) -> str:
    return (f"{link.derivation}, {link.reuse:.0%} reused, "
            f"{_plural(link.changes, 'fact change')}"
            f"{'' if link.decided else ', direction undecided'}")


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _siblings(links: Any) -> list[tuple[str, list[str]]]:
    """Each source with the targets that retell it, when there are two or more that retell no
    other of them (one that retells another target is in the chain, no sibling)."""
    retold_from = {(l.source_id, l.target_id) for l in links}
    by_source: dict[str, list[str]] = {}
    for l in links:
        if l.decided:
            by_source.setdefault(l.source_id, []).append(l.target_id)
    out = []
    for src, targets in sorted(by_source.items()):
        apart = [t for t in targets if not any((u, t) in retold_from for u in targets)]
        if len(apart) > 1:
            out.append((src, sorted(apart)))
    return out


# -- show -------------------------------------------------------------------------------------


def run_show(args: argparse.Namespace) -> int:
    if "->" not in args.link_id:
        raise OptionError(f"LINK_ID {args.link_id!r} must look like SOURCE->TARGET, as "
                          "`retold links` prints it")
    with _open_existing(args.store) as store:
        # Ids may hold "->" themselves: the link is the one whose id is exactly LINK_ID.
        link = next((l for l in store.links() if l.id == args.link_id), None)
        if link is None:
            raise RetoldError(f"no link {args.link_id!r} in {args.store}; list them with "
                              f"`retold links {args.store}`")
        source, target = store.article(link.source_id), store.article(link.target_id)
        templates = store.templates()
    from retold.compare import compare_documents
    from retold.engines.base import article_text
    from retold.trace.verify import document

    assert source is not None and target is not None
    # outlet templates blanked, as trace compared them
    source, target = article_text(source, templates), article_text(target, templates)
    comparison = compare_documents(document(source), document(target))  # as trace compared
    if args.format == "json":
        from retold.reports.json_report import dumps

        print(dumps(comparison))
        return 0
    from retold.reports.terminal import render

    width = args.width or shutil.get_terminal_size((100, 24)).columns
    color = args.format == "terminal" and sys.stdout.isatty()
    print(f"{link.id}: {link.evidence} ({link.detail})")
    print(render(comparison, width=width, color=color))
    return 0
