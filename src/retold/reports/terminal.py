"""The terminal report: summary, then changes by severity with both sides' wording, then the
passages the retelling dropped and added. Renders a Comparison; computes nothing new.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from retold.model import Change, Comparison, Excerpt, Sentence, Side

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan"}
CONTEXT_CHARS = 90  # characters of context either side of a fact in a long sentence


def render(comparison: Comparison, *, width: int = 100, color: bool = False) -> str:
    """Render the report to a string; byte-identical for the same input and options."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
        _environ={},  # ignore COLUMNS/NO_COLOR etc.: same input, same bytes
    )
    console.print(report(comparison))
    # rich pads table and padding lines to the full width; trailing blanks only add noise.
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def report(c: Comparison) -> RenderableType:
    """The whole report as one rich renderable."""
    parts: list[RenderableType] = [_header(c)]
    if c.notes:
        parts.append(Padding(Group(*(Text(f"note: {n}", style="dim") for n in c.notes)), (0, 0, 1, 0)))
    if c.summary.derivation == "non" and not c.changes:
        return Group(*parts)
    parts.append(Rule(f"Changes ({len(c.changes)})", align="left"))
    if c.changes:
        parts.extend(_change_block(n, ch, c) for n, ch in enumerate(c.changes, 1))
    else:
        parts.append(Text("No fact changed between aligned sentences.\n"))
    if c.variants:
        parts.append(Rule(f"Same name, written differently ({len(c.variants)})", align="left"))
        for v in c.variants:
            parts.append(Text(f"  {v.original.text} ~ {v.retelling.text}"))
        parts.append(Text(""))
    parts.append(_verdicts(c))
    parts.append(_passages("Dropped from the original", c.original, c.dropped, "-"))
    parts.append(_passages("Added in the retelling", c.retelling, c.added, "+"))
    return Group(*parts)


VERDICT_TEXT = {
    "supported": "supported",
    "contradicts": "contradicts the original",
    "adds-unsupported": "adds unsupported facts",
    "no-support": "no support at all",
}
VERDICT_STYLE = {"supported": "green", "contradicts": "red", "adds-unsupported": "yellow",
                 "no-support": "magenta"}


def _verdicts(c: Comparison) -> RenderableType:
    """Each retelling sentence that is not plainly supported, with its evidence sentences."""
    flagged = [v for v in c.verdicts if v.verdict != "supported"]
    if not c.verdicts:
        return Group()
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=11, no_wrap=True)
    grid.add_column(ratio=1)
    for v in flagged:
        sentence = c.retelling.sentences[v.sentence]
        grid.add_row(Text(VERDICT_TEXT[v.verdict].split()[0], style=VERDICT_STYLE[v.verdict]),
                     Text(f"{_flat(sentence.text)}  [{VERDICT_TEXT[v.verdict]}]"))
        for i in v.evidence[:2]:
            grid.add_row(Text("   evidence", style="dim"), Text(_flat(c.original.sentences[i].text)))
    title = f"Retelling sentences not fully supported ({len(flagged)} of {len(c.verdicts)})"
    body: list[RenderableType] = [Rule(title, align="left")]
    body.append(grid if flagged else Text("Every retelling sentence is supported by the original."))
    return Padding(Group(*body), (0, 0, 1, 0))


def _header(c: Comparison) -> RenderableType:
    s = c.summary
    counts = {sev: sum(ch.severity == sev for ch in c.changes) for sev in ("high", "medium", "low")}
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    table.add_row("original", _describe(c.original))
    table.add_row("retelling", _describe(c.retelling))
    table.add_row("derivation", Text(f"{s.derivation} derived", style="bold"))
    table.add_row("carried", f"{s.carried:.0%} of the original's text is in the retelling")
    table.add_row("reused", f"{s.reuse:.0%} of the retelling's text comes from the original")
    table.add_row(
        "alignment",
        f"{_count(len(c.pairs), 'aligned pair')}, "
        f"{_count(len(c.dropped), 'original unit')} dropped, "
        f"{_count(len(c.added), 'retelling unit')} added",
    )
    table.add_row(
        "changes",
        f"{len(c.changes)} ({counts['high']} high, {counts['medium']} medium, {counts['low']} low)"
        + (f"; {_count(len(c.variants), 'name')} written differently" if c.variants else ""),
    )
    if s.verdicts:
        table.add_row("sentences", ", ".join(
            f"{n} {VERDICT_TEXT[v]}" for v, n in s.verdicts if n or v == "supported"))
    return Group(Rule("retold compare", align="left"), table, Text(s.message), Text(""))


def _describe(side: Side) -> str:
    doc = side.document
    bits = [doc.title or doc.source or "(untitled)"]
    if doc.site:
        bits.append(doc.site)
    if doc.author:
        bits.append(doc.author)
    bits.append(f"published {doc.published.isoformat()}" if doc.published else "date unknown")
    bits.append(_count(len(side.sentences), "unit"))
    return " | ".join(bits)


def _change_block(n: int, ch: Change, c: Comparison) -> RenderableType:
    """One change: a numbered headline, then both sides' wording, wrapped with hanging indents."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=11, no_wrap=True)
    grid.add_column(ratio=1)
    head = Text()
    head.append(f"{ch.kind} {ch.status}", style="bold")
    head.append(f": {ch.detail}")
    grid.add_row(Text(f"{n:>3}. {ch.severity.upper()}", style=SEVERITY_STYLE[ch.severity]), head)
    grid.add_row(Text("   original", style="dim"), _wording(ch.original, c.original))
    grid.add_row(Text("  retelling", style="dim"), _wording(ch.retelling, c.retelling))
    return Padding(grid, (0, 0, 1, 0))


def _wording(excerpt: Excerpt | None, side: Side) -> Text:
    """The sentence that holds an excerpt, with the excerpt marked."""
    text = Text()
    if excerpt is None:
        text.append("(not stated)", style="dim italic")
        return text
    sentence = _sentence_at(side.sentences, excerpt.start)
    doc_text = side.document.text
    start, end = (sentence.start, sentence.end) if sentence else (excerpt.start, excerpt.end)
    end = max(end, excerpt.end)
    lo = max(start, excerpt.start - CONTEXT_CHARS)
    hi = min(end, excerpt.end + CONTEXT_CHARS)
    if lo > start:  # cut the context at word boundaries, not inside a word
        space = doc_text.find(" ", lo, excerpt.start)
        lo = space + 1 if space >= 0 else lo
    if hi < end:
        space = doc_text.rfind(" ", excerpt.end, hi)
        hi = space if space >= 0 else hi
    text.append("…" if lo > start else "")
    text.append(_flat(doc_text[lo : excerpt.start]))
    # Underline and bold mark the fact in colour; in plain text, brackets do.
    text.append("[", style="dim")
    text.append(_flat(doc_text[excerpt.start : excerpt.end]), style="bold underline")
    text.append("]", style="dim")
    text.append(_flat(doc_text[excerpt.end : hi]))
    text.append("…" if hi < end else "")
    return text


def _passages(title: str, side: Side, ids: Sequence[int], mark: str) -> RenderableType:
    groups = list(_consecutive(side.sentences, ids))
    parts: list[RenderableType] = [Rule(f"{title} ({_count(len(ids), 'unit')})", align="left")]
    if not groups:
        parts.append(Text("Nothing.\n"))
    for group in groups:
        first = group[0]
        label = f"{mark} [{first.kind}] " if first.kind != "body" else f"{mark} "
        parts.append(
            Padding(Text(label + " ".join(_flat(s.text) for s in group)), (0, 0, 1, 2))
        )
    return Group(*parts)


def _consecutive(sentences: Sequence[Sentence], ids: Iterable[int]) -> Iterable[list[Sentence]]:
    """Group sentences into runs that are adjacent in the text and share a paragraph."""
    run: list[Sentence] = []
    for i in sorted(ids):
        s = sentences[i]
        if run and (s.id != run[-1].id + 1 or s.paragraph != run[-1].paragraph):
            yield run
            run = []
        run.append(s)
    if run:
        yield run


def _sentence_at(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    for s in sentences:
        if s.start <= offset < s.end:
            return s
    return None


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _flat(text: str) -> str:
    """One line: newlines and non-breaking spaces become plain spaces."""
    return " ".join(text.replace("\u00a0", " ").split()) if "\n" in text else text.replace(
        "\u00a0", " "
    )
