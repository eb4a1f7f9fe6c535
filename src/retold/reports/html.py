"""Render a :class:`~retold.model.Comparison` as ONE self-contained HTML file.

Styles and scripts are inlined (``templates/report.css`` and ``templates/report.js``), so the
file opens from disk with no network. Article text is untrusted: the template autoescapes every
value, links are only made from ``http(s)`` URLs, the embedded JSON is escaped for a ``<script>``
element, and a Content-Security-Policy ``<meta>`` allows only this file's own inline style and
script (by hash), so even a mistake in escaping could not run injected code.

Layout: the two texts sit side by side in rows. Pairs that keep both texts' reading order (the
longest chain of in-order pairs) are drawn level with each other; the other aligned sentences
stay where they are in their text and are marked "moved", with a link to their partner. Dropped
original and added retelling sentences are labelled and hatched, not just coloured.

This module renders; it never computes anything about the texts. It sees only ``retold.model``.

    >>> from retold.model import Comparison, Document, Side, Sentence, Summary
    >>> side = Side(Document("Hi."), (Sentence(0, 0, 3, "Hi."),))
    >>> page = render(Comparison(side, side, (), (0,), (0,), (), Summary(0.0, 0.0, "non")))
    >>> page.startswith("<!DOCTYPE html>")
    True
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import itertools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from retold import __version__
from retold.model import SCHEMA, AlignedPair, Change, Comparison, Sentence, Side, Variant

TEMPLATES = Path(__file__).with_name("templates")

SEVERITY_ORDER = ("high", "medium", "low")
KIND_ORDER = ("number", "date", "name", "quote", "attribution", "qualifier", "negation")
KIND_LABEL = {
    "number": "Number",
    "date": "Date",
    "name": "Name",
    "quote": "Quote",
    "attribution": "Attribution",
    "qualifier": "Qualifier",
    "negation": "Negation",
}
DERIVATION_LABEL = {
    "wholly": ("Wholly derived", "the retelling is built from the original."),
    "partially": ("Partially derived", "the retelling reuses parts of the original among other material."),
    "non": ("Not derived", "the retelling does not appear to be built from the original."),
}
RELATION_SYMBOL = {"verbatim": "=", "paraphrase": "\u2248", "changed": "\u2260"}
LONG_EXCERPT = 80  # characters; longer highlights are drawn lighter to keep the text readable


# --- the view model: plain data the template walks ----------------------------------------


@dataclass(slots=True)
class ChangeView:
    number: int  # 1-based rank in severity order: what the list, the marks and j/k use
    index: int  # index into Comparison.changes (and the embedded JSON)
    change: Change
    row: int  # the row the change is shown in, for ordering inside a severity
    sentences_o: tuple[str, ...] = ()  # element ids of the sentences it concerns, per side
    sentences_r: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"change-{self.number}"

    @property
    def kind_label(self) -> str:
        return KIND_LABEL.get(self.change.kind, self.change.kind.title())

    @property
    def tooltip(self) -> str:
        c = self.change
        return f"Change {self.number}: {c.kind} {c.status}, {c.severity} severity. {c.detail}"


@dataclass(slots=True)
class Fragment:
    text: str
    changes: tuple[int, ...] = ()  # change numbers covering this piece, most severe first
    variants: tuple[int, ...] = ()
    anchors: tuple[str, ...] = ()  # ids of changes/variants whose excerpt starts here
    ends: tuple[int, ...] = ()  # change numbers whose excerpt ends here (a reference mark follows)
    css: str = ""
    title: str = ""
    focusable: bool = False


@dataclass(slots=True)
class SentenceView:
    sentence: Sentence
    side: str  # "o" | "r"
    state: str  # aligned | moved | dropped | added | unaligned
    fragments: list[Fragment]
    partners: tuple[str, ...] = ()
    pairs: tuple[int, ...] = ()
    title: str = ""
    verdict: str = ""  # retelling sentences: the grounding verdict (see retold.ground)

    @property
    def id(self) -> str:
        return f"{self.side}-s{self.sentence.id}"


@dataclass(slots=True)
class Block:
    state: str
    kind: str
    para_start: bool
    sentences: list[SentenceView] = field(default_factory=list)


@dataclass(slots=True)
class Row:
    number: int
    anchor: AlignedPair | None
    pair_index: int | None
    left: list[Block]
    right: list[Block]

    @property
    def id(self) -> str:
        return f"row-{self.number}"


# --- public API ---------------------------------------------------------------------------


def render(comparison: Comparison, *, home_url: str | None = None,
           home_label: str = "New comparison") -> str:
    """Render ``comparison`` as one self-contained HTML document.

    Args:
        comparison: what :func:`retold.compare` returned.
        home_url: when given (the web app), a link back to it is shown, named ``home_label``.

    Returns:
        The page as a string; the same comparison always gives the same string.
    """
    css = _asset("report.css")
    js = _asset("report.js")
    context = _context(comparison)
    context.update(
        css=Markup(css),
        js=Markup(js),
        csp=_csp(css, js),
        data_json=script_json(comparison.to_dict()),
        home_url=safe_href(home_url, allow_relative=True) if home_url else None,
        home_label=home_label,
        version=__version__,
        schema=SCHEMA,
    )
    return _environment(str(TEMPLATES)).get_template("comparison.html.j2").render(context)


def render_page(template_dir: str | Path, name: str, /, **context: Any) -> str:
    """Render another page (the web app's) with the same safe Jinja2 setup.

    Templates in ``template_dir`` come first; this module's templates are reachable too.
    """
    return _environment(str(template_dir)).get_template(name).render(context)


def script_json(data: Any) -> Markup:
    """JSON that is safe inside ``<script type="application/json">``: no ``<``, ``>``, ``&``."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return Markup(text)


def safe_href(url: str | None, *, allow_relative: bool = False) -> str | None:
    """``url`` if it is an http(s) URL (or a site-relative path when allowed), else None."""
    if not url:
        return None
    url = url.strip()
    if any(ord(ch) < 0x20 or ch in "\\\x7f" for ch in url):
        return None
    if allow_relative and url.startswith("/") and not url.startswith("//"):
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url
    return None


# --- building the view model -------------------------------------------------------------


def _context(c: Comparison) -> dict[str, Any]:
    o_pos = {s.id: i for i, s in enumerate(c.original.sentences)}
    r_pos = {s.id: i for i, s in enumerate(c.retelling.sentences)}
    anchors = _anchor_pairs(c.pairs, o_pos, r_pos)
    row_specs = _rows(c, anchors, o_pos, r_pos)

    # Which row each sentence lands in, to order changes down the page inside a severity.
    row_of: dict[tuple[str, int], int] = {}
    for n, (_, o_ids, r_ids) in enumerate(row_specs):
        for sid in o_ids:
            row_of[("o", sid)] = n
        for sid in r_ids:
            row_of[("r", sid)] = n

    views = _change_views(c, row_of)

    o_sent_views = _sentence_views(c, "o", c.original, anchors, views)
    r_sent_views = _sentence_views(c, "r", c.retelling, anchors, views)
    o_lookup = {v.sentence.id: v for v in o_sent_views}
    r_lookup = {v.sentence.id: v for v in r_sent_views}

    rows: list[Row] = []
    for n, (anchor_index, o_ids, r_ids) in enumerate(row_specs):
        rows.append(
            Row(
                number=n + 1,
                anchor=c.pairs[anchor_index] if anchor_index is not None else None,
                pair_index=anchor_index,
                left=_blocks([o_lookup[i] for i in o_ids], c.original.sentences, o_pos),
                right=_blocks([r_lookup[i] for i in r_ids], c.retelling.sentences, r_pos),
            )
        )

    severity_groups = [
        (sev, [v for v in views if v.change.severity == sev]) for sev in SEVERITY_ORDER
    ]
    others = [v for v in views if v.change.severity not in SEVERITY_ORDER]
    if others:
        severity_groups.append(("other", others))
    kind_counts = [
        (KIND_LABEL.get(k, k), sum(1 for v in views if v.change.kind == k))
        for k in KIND_ORDER + tuple(sorted({v.change.kind for v in views} - set(KIND_ORDER)))
    ]
    notes = list(c.notes)
    for label, side in (("Original", c.original), ("Retelling", c.retelling)):
        notes.extend(f"{label}: {note}" for note in side.document.notes)

    derivation = DERIVATION_LABEL.get(
        c.summary.derivation, (c.summary.derivation.title(), "")
    )
    return {
        "c": c,
        "sides": [_side_meta("o", "Original", c.original), _side_meta("r", "Retelling", c.retelling)],
        "rows": rows,
        "changes": views,
        "severity_groups": [(sev, items) for sev, items in severity_groups if items],
        "severity_counts": [(sev, sum(1 for v in views if v.change.severity == sev))
                            for sev in SEVERITY_ORDER],
        "kind_counts": [(k, n) for k, n in kind_counts if n],
        "variants": list(enumerate(c.variants, start=1)),
        "carried_pct": _pct(c.summary.carried),
        "reuse_pct": _pct(c.summary.reuse),
        "derivation_label": derivation[0],
        "derivation_text": derivation[1],
        "notes": notes,
        "kind_labels": [(k, KIND_LABEL[k]) for k in KIND_ORDER],
        "relation_symbol": RELATION_SYMBOL,
        "n_pairs": len(c.pairs),
        "n_dropped": len(c.dropped),
        "n_added": len(c.added),
        "verdict_counts": [(VERDICT_LABEL.get(v, v), n) for v, n in c.summary.verdicts if n],
        "n_moved": len(c.pairs) - len(anchors),
    }


def _pct(x: float) -> int:
    return round(max(0.0, min(1.0, x)) * 100)


# Page furniture that readers (trafilatura's <title>, a plain text's first short line) sometimes
# take for a headline: shown as "(no title)" rather than as the article's title.
_CLUTTER_TITLE = re.compile(
    r"^\W*(?:subscribe\b|sign (?:up|in)\b|log ?in\b|register\b|newsletter|advertisement|"
    r"advertising|sponsored|cookies?\b|accept (?:all )?cookies|share (?:this|on)\b|share$|"
    r"follow us|read more|click here|skip to|menu$|home$|search$|breaking news$|most read|"
    r"related (?:stories|articles|news)|(?:photo|image|picture|video|credit)s?\s*:|"
    r"getty images|ap photo|reuters/|afp via getty)",
    re.IGNORECASE,
)
_SITE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+([^|\u2013\u2014]{1,60})$")


def display_title(title: str | None, site: str | None = None) -> str | None:
    """``title`` as a headline to show: None for page clutter ("Subscribe now", "Photo: AP"),
    without a trailing " | Site Name" (or " - Site" when that is the page's site)."""
    if not title or not title.strip():
        return None
    title = " ".join(title.split())
    if _CLUTTER_TITLE.match(title):
        return None
    m = _SITE_SUFFIX.search(title)
    if m is not None:
        head, suffix = title[: m.start()], m.group(1).strip()
        same_site = bool(site) and suffix.casefold() == (site or "").strip().casefold()
        piped = title[m.start():].lstrip().startswith("|")
        if len(head.split()) >= 3 and (same_site or (piped and len(suffix.split()) <= 6)):
            title = head
    return title


def _side_meta(key: str, label: str, side: Side) -> dict[str, Any]:
    doc = side.document
    words = sum(len(s.text.split()) for s in side.sentences)
    return {
        "key": key,
        "label": label,
        "title": display_title(doc.title, doc.site),
        "author": doc.author,
        "site": doc.site,
        "published": doc.published.isoformat() if doc.published else None,
        "url": doc.url,
        "href": safe_href(doc.url),
        "source": doc.source if doc.source and doc.source != doc.url else None,
        "sentences": len(side.sentences),
        "words": words,
    }


def _anchor_pairs(
    pairs: Sequence[AlignedPair], o_pos: dict[int, int], r_pos: dict[int, int]
) -> dict[int, tuple[int, int, int, int]]:
    """The longest chain of pairs in reading order on both sides: they are drawn level.

    Returns pair index -> (first, last original position, first, last retelling position).
    Patience-sort LIS on the retelling position of pairs sorted by original position, then a
    pass that drops pairs overlapping the previous one: O(n log n) in the number of pairs.
    """
    spans: list[tuple[int, int, int, int, int]] = []
    for i, p in enumerate(pairs):
        o = sorted(o_pos[s] for s in p.original if s in o_pos)
        r = sorted(r_pos[s] for s in p.retelling if s in r_pos)
        if o and r:
            spans.append((o[0], r[0], o[-1], r[-1], i))
    # Sorting equal original starts by falling retelling start makes a strictly increasing
    # run in the retelling position strictly increasing in the original position too.
    spans.sort(key=lambda t: (t[0], -t[1], t[4]))
    tails: list[int] = []  # retelling start of the smallest tail of each chain length
    tail_idx: list[int] = []
    parent: list[int] = [-1] * len(spans)
    for k, (_, r0, _, _, _) in enumerate(spans):
        j = bisect.bisect_left(tails, r0)
        if j == len(tails):
            tails.append(r0)
            tail_idx.append(k)
        else:
            tails[j] = r0
            tail_idx[j] = k
        parent[k] = tail_idx[j - 1] if j > 0 else -1
    chain: list[int] = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        chain.append(k)
        k = parent[k]
    chain.reverse()
    result: dict[int, tuple[int, int, int, int]] = {}
    prev_o = prev_r = -1
    for k in chain:
        o0, r0, o1, r1, i = spans[k]
        if o0 > prev_o and r0 > prev_r:
            result[i] = (o0, o1, r0, r1)
            prev_o, prev_r = o1, r1
    return result


def _rows(
    c: Comparison,
    anchors: dict[int, tuple[int, int, int, int]],
    o_pos: dict[int, int],
    r_pos: dict[int, int],
) -> list[tuple[int | None, list[int], list[int]]]:
    """Rows of (anchor pair index or None, original sentence ids, retelling sentence ids)."""
    o_ids = [s.id for s in c.original.sentences]
    r_ids = [s.id for s in c.retelling.sentences]
    rows: list[tuple[int | None, list[int], list[int]]] = []
    co = cr = 0
    for i, (o0, o1, r0, r1) in sorted(anchors.items(), key=lambda kv: kv[1]):
        if co < o0 or cr < r0:
            rows.append((None, o_ids[co:o0], r_ids[cr:r0]))
        rows.append((i, o_ids[o0 : o1 + 1], r_ids[r0 : r1 + 1]))
        co, cr = o1 + 1, r1 + 1
    if co < len(o_ids) or cr < len(r_ids):
        rows.append((None, o_ids[co:], r_ids[cr:]))
    return rows


def _change_views(c: Comparison, row_of: dict[tuple[str, int], int]) -> list[ChangeView]:
    o_sents, r_sents = c.original.sentences, c.retelling.sentences
    o_starts = [s.start for s in o_sents]
    r_starts = [s.start for s in r_sents]
    sev_rank = {s: i for i, s in enumerate(SEVERITY_ORDER)}
    staged = []
    for index, change in enumerate(c.changes):
        o_ids: list[int] = []
        r_ids: list[int] = []
        if change.pair is not None and 0 <= change.pair < len(c.pairs):
            pair = c.pairs[change.pair]
            o_ids.extend(pair.original)
            r_ids.extend(pair.retelling)
        if change.original is not None:
            o_ids.extend(_containing(o_sents, o_starts, change.original.start, change.original.end))
        if change.retelling is not None:
            r_ids.extend(
                _containing(r_sents, r_starts, change.retelling.start, change.retelling.end)
            )
        o_ids = sorted(set(o_ids))
        r_ids = sorted(set(r_ids))
        rows = [row_of[("r", i)] for i in r_ids if ("r", i) in row_of] or [
            row_of[("o", i)] for i in o_ids if ("o", i) in row_of
        ]
        row = min(rows) if rows else len(row_of) + 1
        key = (sev_rank.get(change.severity, len(SEVERITY_ORDER)), row, index)
        staged.append((key, index, change, row, o_ids, r_ids))
    staged.sort(key=lambda t: t[0])
    return [
        ChangeView(
            number=n,
            index=index,
            change=change,
            row=row,
            sentences_o=tuple(f"o-s{i}" for i in o_ids),
            sentences_r=tuple(f"r-s{i}" for i in r_ids),
        )
        for n, (_, index, change, row, o_ids, r_ids) in enumerate(staged, start=1)
    ]


def _containing(sents: Sequence[Sentence], starts: list[int], start: int, end: int) -> list[int]:
    """Ids of the sentences overlapping ``[start, end)`` (or holding a zero-width point)."""
    ids = []
    k = max(0, bisect.bisect_right(starts, start) - 1)
    while k < len(sents):
        s = sents[k]
        if s.start >= max(end, start + 1):
            break
        if s.end > start or (start == end and s.start <= start <= s.end):
            ids.append(s.id)
        k += 1
    return ids


def _sentence_views(
    c: Comparison,
    side: str,
    data: Side,
    anchors: dict[int, tuple[int, int, int, int]],
    views: Sequence[ChangeView],
) -> list[SentenceView]:
    other = "r" if side == "o" else "o"
    unpaired = set(c.dropped if side == "o" else c.added)
    pairs_of: dict[int, list[int]] = {}
    for i, p in enumerate(c.pairs):
        for sid in p.original if side == "o" else p.retelling:
            pairs_of.setdefault(sid, []).append(i)

    # decorations on this side: (start, end, "c"|"v", number)
    decos: list[tuple[int, int, str, int]] = []
    for v in views:
        ex = v.change.original if side == "o" else v.change.retelling
        if ex is not None and ex.end > ex.start:
            decos.append((ex.start, ex.end, "c", v.number))
    for n, var in enumerate(c.variants, start=1):
        ex = var.original if side == "o" else var.retelling
        if ex.end > ex.start:
            decos.append((ex.start, ex.end, "v", n))
    decos.sort()
    firsts: set[tuple[str, int]] = set()
    number_view = {v.number: v for v in views}

    result = []
    for s in data.sentences:
        pair_ids = sorted(pairs_of.get(s.id, []))
        partners: list[str] = []
        for i in pair_ids:
            p = c.pairs[i]
            partners.extend(f"{other}-s{x}" for x in (p.retelling if side == "o" else p.original))
        if s.id in unpaired:
            state = "dropped" if side == "o" else "added"
        elif pair_ids and not any(i in anchors for i in pair_ids):
            state = "moved"
        elif pair_ids:
            state = "aligned"
        else:
            state = "unaligned"
        title = _sentence_title(c, side, s, pair_ids, state)
        verdict = c.verdict_of(s.id) if side == "r" else None
        if verdict is not None:
            title = f"{title} {_verdict_title(verdict.verdict, verdict.evidence)}".strip()
        fragments = _fragments(s, decos, firsts, number_view, c.variants, side)
        result.append(
            SentenceView(
                sentence=s,
                side=side,
                state=state,
                fragments=fragments,
                partners=tuple(dict.fromkeys(partners)),
                pairs=tuple(pair_ids),
                title=title,
                verdict=verdict.verdict if verdict is not None else "",
            )
        )
    return result


VERDICT_LABEL = {
    "supported": "Supported by the original",
    "contradicts": "Contradicts the original",
    "adds-unsupported": "Adds facts the original does not state",
    "no-support": "No support in the original",
}


def _verdict_title(verdict: str, evidence: Sequence[int]) -> str:
    where = f" (evidence: original sentence {', '.join(str(i) for i in evidence)})" if evidence else ""
    return f"{VERDICT_LABEL.get(verdict, verdict)}{where}."


def _sentence_title(c: Comparison, side: str, s: Sentence, pair_ids: list[int], state: str) -> str:
    if state == "dropped":
        return "Dropped: this original sentence is carried nowhere in the retelling."
    if state == "added":
        return "Added: this retelling sentence has no source in the original."
    if not pair_ids:
        return ""
    parts = []
    for i in pair_ids:
        p = c.pairs[i]
        ids = p.retelling if side == "o" else p.original
        other = "retelling" if side == "o" else "original"
        which = ", ".join(str(x) for x in ids)
        parts.append(f"{p.relation}, similarity {p.similarity:.2f}, with {other} sentence {which}")
    prefix = "Moved (out of order): aligned" if state == "moved" else "Aligned"
    return f"{prefix} ({'; '.join(parts)})."


def _fragments(
    s: Sentence,
    decos: list[tuple[int, int, str, int]],
    firsts: set[tuple[str, int]],
    number_view: dict[int, ChangeView],
    variants: Sequence[Variant],
    side: str,
) -> list[Fragment]:
    text = s.text
    lo, hi = s.start, s.start + len(text)
    inside = [d for d in decos if d[0] < hi and d[1] > lo]
    if not inside:
        return [Fragment(text)]
    cuts = {lo, hi}
    for start, end, _, _ in inside:
        cuts.add(min(max(start, lo), hi))
        cuts.add(min(max(end, lo), hi))
    points = sorted(cuts)
    frags: list[Fragment] = []
    for a, b in itertools.pairwise(points):
        if a == b:
            continue
        covering = [d for d in inside if d[0] < b and d[1] > a]
        piece = text[a - lo : b - lo]
        if not covering:
            frags.append(Fragment(piece))
            continue
        changes = tuple(sorted(n for _, _, t, n in covering if t == "c"))
        vars_ = tuple(sorted(n for _, _, t, n in covering if t == "v"))
        anchors: list[str] = []
        for _, _, t, n in sorted(covering, key=lambda d: (d[2], d[3])):
            if (t, n) not in firsts:
                firsts.add((t, n))
                anchors.append(f"c{n}-{side}" if t == "c" else f"v{n}-{side}")
        ends = tuple(sorted(n for _, end, t, n in covering if t == "c" and end <= b))
        if changes:
            top = number_view[changes[0]].change
            css = f"chg k-{_token(top.kind)} s-{_token(top.severity)} st-{_token(top.status)}"
            ex = top.original if side == "o" else top.retelling
            if ex is not None and ex.end - ex.start > LONG_EXCERPT:
                css += " long"  # a whole clause (an attribution): underline it, no tint
            title = "\n".join(number_view[n].tooltip for n in changes)
            focusable = any(a_.startswith("c") for a_ in anchors)
        else:
            css = "variant"
            title = "\n".join(
                f"Same {variants[n - 1].kind}, written differently: {variants[n - 1].detail}"
                for n in vars_
            )
            focusable = False
        frags.append(
            Fragment(piece, changes, vars_, tuple(anchors), ends, css, title, focusable)
        )
    return frags


def _token(value: str) -> str:
    """A class-name-safe token (model values are Literals, but be strict anyway)."""
    return "".join(ch for ch in value if ch.isalnum() or ch == "-") or "x"


def _blocks(
    views: Iterable[SentenceView], all_sents: Sequence[Sentence], pos: dict[int, int]
) -> list[Block]:
    blocks: list[Block] = []
    prev_para: int | None = None
    for v in views:
        s = v.sentence
        i = pos[s.id]
        para_start = i == 0 or all_sents[i - 1].paragraph != s.paragraph
        kind = s.kind if s.kind in ("title", "byline", "heading") else "body"
        if (
            not blocks
            or para_start
            or blocks[-1].state != v.state
            or blocks[-1].kind != kind
            or prev_para != s.paragraph
        ):
            blocks.append(Block(v.state, kind, para_start))
        blocks[-1].sentences.append(v)
        prev_para = s.paragraph
    return blocks


# --- assets, CSP, environment ------------------------------------------------------------


@cache
def _asset(name: str) -> str:
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    closer = "</style" if name.endswith(".css") else "</script"
    if closer in text.lower() or "<!--" in text:
        raise ValueError(f"{name} must not contain {closer!r} or '<!--'")  # it is inlined
    return text


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _csp(css: str, js: str) -> str:
    return (
        "default-src 'none'; "
        f"style-src 'sha256-{_sha256(css)}'; "
        f"script-src 'sha256-{_sha256(js)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


@lru_cache(maxsize=8)
def _environment(template_dir: str) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(template_dir)]
    if Path(template_dir) != TEMPLATES:
        loaders.append(jinja2.FileSystemLoader(str(TEMPLATES)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,  # every template, whatever its name: article text is untrusted
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pct"] = _pct
    env.filters["script_json"] = script_json
    env.filters["headline"] = display_title
    env.globals["safe_href"] = safe_href
    return env
