"""The self-contained HTML report: structure, determinism, and untrusted text (XSS)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retold.model import (
    AlignedPair,
    Change,
    Comparison,
    Document,
    Excerpt,
    Sentence,
    Side,
    Summary,
    Variant,
)
from retold.reports import html as report

# --- a tiny DOM, enough to check what a browser would build ---------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    children: list[Node | str] = field(default_factory=list)

    def text(self, skip: tuple[str, ...] = ()) -> str:
        out = []
        for ch in self.children:
            if isinstance(ch, str):
                out.append(ch)
            elif not any(cls in (ch.attrs.get("class") or "").split() for cls in skip):
                out.append(ch.text(skip))
        return "".join(out)

    def iter(self):
        yield self
        for ch in self.children:
            if isinstance(ch, Node):
                yield from ch.iter()

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
        raise AssertionError(f"stray </{tag}>")

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def dom(page: str) -> Node:
    b = _Builder()
    b.feed(page)
    b.close()
    assert len(b.stack) == 1, f"unclosed elements: {[n.tag for n in b.stack[1:]]}"
    return b.root


def by_id(root: Node) -> dict[str, Node]:
    seen: dict[str, Node] = {}
    for n in root.iter():
        if "id" in n.attrs:
            assert n.attrs["id"] not in seen, f"duplicate id {n.attrs['id']}"
            seen[n.attrs["id"]] = n
    return seen


# --- hand-made comparisons ------------------------------------------------------------------


def sentences(text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    para, last_end = 0, 0
    for m in re.finditer(r"[^\n.!?]+[.!?]?", text):
        lead = len(m.group(0)) - len(m.group(0).lstrip())
        start, end = m.start() + lead, m.end()
        if start >= end:
            continue
        if out and "\n\n" in text[last_end:start]:
            para += 1
        last_end = end
        out.append(Sentence(len(out), start, end, text[start:end], "body", para))
    return tuple(out)


def excerpt(text: str, sub: str) -> Excerpt:
    i = text.index(sub)
    return Excerpt(i, i + len(sub), sub)


def build(original: str, retelling: str, pairs, changes=(), *, variants=(), notes=(),
          o_doc: dict | None = None, r_doc: dict | None = None, message: str = "") -> Comparison:
    o_s, r_s = sentences(original), sentences(retelling)
    aligned = tuple(AlignedPair(tuple(o), tuple(r), sim, rel) for o, r, sim, rel in pairs)
    in_o = {i for p in aligned for i in p.original}
    in_r = {i for p in aligned for i in p.retelling}
    chs = tuple(
        Change(kind, status, excerpt(original, o) if o else None,
               excerpt(retelling, r) if r else None, detail, severity, pair)
        for kind, status, o, r, pair, severity, detail in changes
    )
    vs = tuple(Variant(k, excerpt(original, a), excerpt(retelling, b), d) for k, a, b, d in variants)
    return Comparison(
        Side(Document(original, **(o_doc or {})), o_s),
        Side(Document(retelling, **(r_doc or {})), r_s),
        aligned,
        tuple(s.id for s in o_s if s.id not in in_o),
        tuple(s.id for s in r_s if s.id not in in_r),
        chs,
        Summary(0.6, 0.8, "partially", message),
        vs,
        tuple(notes),
    )


ORIGINAL = """Attack Kills 24 in Kabul

Officials blamed the group for last month's attack on a maternity ward in which 24 people died. \
The group "remains a threat to peace," said General Smith.

The army says at least 50 fighters were killed. Analysts at the Gatestone Institute disagree. \
The weather was fine."""
RETELLING = """Analysts at the Gateway Institute disagree.

Officials blamed the group for an attack in March on a maternity ward in which 24 people died. \
General Smyth said the group "is still a threat to peace".

The army says 50 fighters were killed. A new poll shows 70% support the plan."""
# original sentences: 0 title, 1 officials, 2 quote, 3 army, 4 analysts, 5 weather
# retelling sentences: 0 analysts (a teaser, out of order), 1 officials, 2 quote, 3 army, 4 poll
PAIRS = [((1,), (1,), 0.71, "changed"), ((2,), (2,), 0.66, "changed"),
         ((3,), (3,), 0.8, "changed"), ((4,), (0,), 0.75, "changed")]
CHANGES = [
    ("quote", "changed", '"remains a threat to peace,"', '"is still a threat to peace"', 1,
     "medium", "The quote's words changed."),
    ("date", "changed", "last month's", "in March", 0, "high", "The date moved from May to March."),
    ("number", "changed", "at least 50", "50 fighters", 2, "high", "The bound 'at least' was dropped."),
    ("name", "changed", "Gatestone Institute", "Gateway Institute", 3, "high", "A different institute."),
    ("number", "added", None, "70%", None, "medium", "70% is stated nowhere in the original."),
    ("qualifier", "dropped", "at least", None, 2, "low", "'at least' was dropped."),
]


def example() -> Comparison:
    return build(
        ORIGINAL, RETELLING, PAIRS, CHANGES,
        variants=[("name", "General Smith", "General Smyth", "spelled differently")],
        notes=["Assumed the retelling was published shortly after the original."],
        o_doc={"title": "Attack Kills 24", "published": dt.date(2020, 6, 18),
               "url": "https://example.org/a"},
        message="The retelling rewrites much of the original.",
    )


# --- structure --------------------------------------------------------------------------------


def test_page_is_one_self_contained_file():
    page = report.render(example())
    assert page.startswith("<!DOCTYPE html>")
    root = dom(page)
    for n in root.iter():
        assert n.tag != "link", "no external stylesheet"
        if n.tag in ("script", "img", "iframe", "audio", "video", "source"):
            assert "src" not in n.attrs, f"{n.tag} loads {n.attrs['src']}"
    assert "http://" not in page.replace("https://example.org/a", "")
    assert "//cdn" not in page


def test_csp_allows_exactly_the_inline_style_and_script():
    root = dom(report.render(example()))
    meta = [n for n in root.iter() if n.tag == "meta" and n.attrs.get("http-equiv")]
    csp = meta[0].attrs["content"]
    assert "default-src 'none'" in csp
    scripts = [n for n in root.iter() if n.tag == "script" and "type" not in n.attrs]
    styles = [n for n in root.iter() if n.tag == "style"]
    assert len(scripts) == 1 and len(styles) == 1

    def sha(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    assert f"'sha256-{sha(scripts[0].text())}'" in csp
    assert f"'sha256-{sha(styles[0].text())}'" in csp


def test_same_input_gives_the_same_bytes():
    a, b = report.render(example()), report.render(example())
    assert a == b
    assert report.render(replace(example())) == a


def test_ids_are_unique_and_stable():
    ids = by_id(dom(report.render(example())))
    for expected in ("summary", "changes", "texts", "retold-data", "o-s0", "r-s4", "change-1",
                     "c1-o", "c1-r", "chg-status"):
        assert expected in ids


def test_every_sentence_is_shown_once_with_its_exact_text():
    c = example()
    ids = by_id(dom(report.render(c)))
    for key, side in (("o", c.original), ("r", c.retelling)):
        for s in side.sentences:
            node = ids[f"{key}-s{s.id}"]
            assert node.text(skip=("ref", "sr")) == s.text


def test_aligned_sentences_are_level_and_linked_both_ways():
    ids = by_id(dom(report.render(example())))
    officials_o, officials_r = ids["o-s1"], ids["r-s1"]
    assert officials_o.attrs["data-partners"] == "r-s1"
    assert officials_r.attrs["data-partners"] == "o-s1"
    rows = [n for n in dom(report.render(example())).iter() if "row" in n.classes()]

    def row_of(sid: str) -> Node:
        return next(r for r in rows if any(n.attrs.get("id") == sid for n in r.iter()))

    assert row_of("o-s1") is row_of("r-s1")
    assert row_of("o-s3") is row_of("r-s3")
    # the teaser: retelling 0 retells original 4, out of order -> both marked moved, linked
    assert "st-moved" in ids["r-s0"].classes() and "st-moved" in ids["o-s4"].classes()
    assert ids["r-s0"].attrs["data-partners"] == "o-s4"


def test_dropped_and_added_are_labelled_not_only_coloured():
    root = dom(report.render(example()))
    ids = by_id(root)
    for sid, state, label in (("o-s0", "st-dropped", "Dropped"), ("o-s5", "st-dropped", "Dropped"),
                              ("r-s4", "st-added", "Added")):
        assert state in ids[sid].classes()
        block = next(n for n in root.iter() if "blk" in n.classes()
                     and any(m is ids[sid] for m in n.iter()))
        assert label in block.text()
        assert ids[sid].attrs["title"].startswith(label)


def test_changes_are_marked_on_both_sides_with_their_detail():
    c = example()
    root = dom(report.render(c))
    items = [n for n in root.iter() if "chg-item" in n.classes()]
    assert [n.attrs["id"] for n in items] == [f"change-{i}" for i in range(1, 7)]
    for item in items:
        number = item.attrs["data-c"]
        change = c.changes[int(item.attrs["data-index"])]
        assert change.detail in item.text()
        for key, ex in (("o", change.original), ("r", change.retelling)):
            marks = [n for n in root.iter() if n.tag == "mark" and number in
                     (n.attrs.get("data-c") or "").split() and n.attrs.get("id") is None
                     and _side_of(root, n) == key]
            if ex is None:
                assert not marks
                continue
            assert "".join(m.text() for m in marks) == ex.text
            assert f"k-{change.kind}" in marks[0].classes() or len(marks[0].attrs["data-c"].split()) > 1
            assert change.detail in marks[0].attrs["title"]


def _side_of(root: Node, mark: Node) -> str:
    for n in root.iter():
        if "sent" in n.classes() and any(m is mark for m in n.iter()):
            return n.attrs["data-side"]
    raise AssertionError("mark outside a sentence")


def test_changes_are_listed_by_severity():
    c = example()
    root = dom(report.render(c))
    items = [n for n in root.iter() if "chg-item" in n.classes()]
    severities = [c.changes[int(n.attrs["data-index"])].severity for n in items]
    assert severities == sorted(severities, key=report.SEVERITY_ORDER.index)
    assert severities[0] == "high" and severities[-1] == "low"


def test_overlapping_changes_keep_the_text_and_both_marks():
    c = example()  # "at least 50 fighters" carries a number change and a qualifier change
    root = dom(report.render(c))
    ids = by_id(root)
    assert ids["o-s3"].text(skip=("ref", "sr")) == c.original.sentences[3].text
    numbers = {n.attrs["data-c"] for n in ids["o-s3"].iter() if n.tag == "mark"}
    assert any(len(v.split()) == 2 for v in numbers)  # the shared "at least" piece


def test_change_in_an_added_sentence_has_no_pair():
    ids = by_id(dom(report.render(example())))
    item = next(n for n in ids.values() if "chg-item" in n.classes()
                and "70%" in n.text())
    assert item.attrs["data-o"] == ""
    assert item.attrs["data-r"] == "r-s4"
    assert "(not in the original)" in item.text()


def test_summary_header():
    root = dom(report.render(example()))
    header = by_id(root)["summary"].text()
    for text in ("60%", "80%", "Partially derived", "6 fact changes", "3 high", "2 medium",
                 "1 low", "4 aligned pairs", "2 dropped", "1 added", "Assumed the retelling",
                 "rewrites much", "Attack Kills 24", "2020-06-18", "unknown"):
        assert text in header, text


def test_embedded_json_is_the_comparison():
    c = example()
    ids = by_id(dom(report.render(c)))
    data = ids["retold-data"]
    assert data.attrs["type"] == "application/json"
    assert json.loads(data.text()) == json.loads(json.dumps(c.to_dict()))


def test_no_changes_and_identical_texts():
    text = "Rain fell on Monday. The river rose."
    c = build(text, text, [((0,), (0,), 1.0, "verbatim"), ((1,), (1,), 1.0, "verbatim")])
    page = report.render(c)
    assert "No fact changes found" in page
    assert "0 fact changes" in dom(page).text()


def test_empty_sides_render():
    empty = Side(Document(""), ())
    c = Comparison(empty, empty, (), (), (), (), Summary(0.0, 0.0, "non", "Unrelated texts."))
    page = report.render(c)
    assert "Not derived" in page and "Unrelated texts." in page


def test_home_link_only_when_asked():
    assert 'class="home"' not in report.render(example())
    assert 'href="/"' in report.render(example(), home_url="/")
    assert 'class="home"' not in report.render(example(), home_url="javascript:alert(1)")


# --- untrusted text: nothing executable gets through --------------------------------------

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "javascript:alert(1)",
    "</script><script>alert(1)</script>",
    "<!--",
    "\u2028</style><style>body{}</style>",
]


def hostile() -> Comparison:
    evil = " ".join(PAYLOADS)
    original = f"Officials said {PAYLOADS[0]} 24 died. The mayor {PAYLOADS[1]} quit."
    retelling = f"Officials said {PAYLOADS[4]} 25 died. The mayor {PAYLOADS[2]} quit."
    o_s, r_s = sentences(original), sentences(retelling)
    changes = (
        Change("number", "changed", excerpt(original, "24"), excerpt(retelling, "25"),
               f"24 became 25 {evil}", "high", 0),
        Change("name", "changed", excerpt(original, PAYLOADS[1]), excerpt(retelling, PAYLOADS[2]),
               evil, "high", 1),
    )
    doc = {"title": evil, "author": evil, "site": evil, "url": "javascript:alert(1)",
           "source": evil, "notes": (evil,)}
    return Comparison(
        Side(Document(original, **doc), o_s),
        Side(Document(retelling, **{**doc, "url": "  JaVaScRiPt:alert(1)"}), r_s),
        tuple(AlignedPair((i,), (i,), 0.9, "changed") for i in range(min(len(o_s), len(r_s)))),
        (), (), changes,
        Summary(0.5, 0.5, "partially", evil),
        (Variant("name", excerpt(original, "mayor"), excerpt(retelling, "mayor"), evil),),
        (evil,),
    )


def test_untrusted_text_cannot_execute():
    c = hostile()
    page = report.render(c)
    root = dom(page)
    js = report._asset("report.js")
    scripts = [n for n in root.iter() if n.tag == "script"]
    assert len(scripts) == 2
    assert scripts[0].attrs == {"type": "application/json", "id": "retold-data"}
    assert scripts[1].attrs == {} and scripts[1].text() == js
    for n in root.iter():
        assert n.tag not in ("img", "svg", "iframe", "object", "embed", "base", "form")
        for name, value in n.attrs.items():
            assert not name.startswith("on"), f"<{n.tag} {name}>"
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                assert not (value or "").strip().lower().startswith("javascript:"), value
    assert len([n for n in root.iter() if n.tag == "style"]) == 1
    # the raw payloads never appear; their text does, escaped
    for p in PAYLOADS[:5]:
        if "<" in p:  # "javascript:alert(1)" as text is harmless: only links matter
            assert p not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # and the embedded JSON still round-trips exactly
    data = by_id(root)["retold-data"].text()
    assert "<" not in data and ">" not in data
    assert json.loads(data) == json.loads(json.dumps(c.to_dict()))


def test_untrusted_text_reads_back_as_text():
    c = hostile()
    ids = by_id(dom(report.render(c)))
    for key, side in (("o", c.original), ("r", c.retelling)):
        for s in side.sentences:
            assert ids[f"{key}-s{s.id}"].text(skip=("ref", "sr")) == s.text
    assert ids["change-1"].text().count("<script>alert(1)</script>") >= 1


def test_only_http_urls_become_links():
    assert report.safe_href("https://example.org/x?a=1") == "https://example.org/x?a=1"
    for bad in ("javascript:alert(1)", " javascript:alert(1)", "JAVASCRIPT:alert(1)",
                "java\tscript:alert(1)", "data:text/html,<script>", "vbscript:x", "//evil.org",
                "/relative", "http:/no-host", "", None):
        assert report.safe_href(bad) is None, bad
    assert report.safe_href("/", allow_relative=True) == "/"
    assert report.safe_href("//evil.org", allow_relative=True) is None


def test_script_json_escapes_everything_that_could_close_the_element():
    text = report.script_json({"a": "</script><!-- \u2028 & >"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(str(text)) == {"a": "</script><!-- \u2028 & >"}


# --- properties -------------------------------------------------------------------------------

WORDS = st.sampled_from(["rain", "fell", "on", "24", "<b>", "\"q\"", "'", "&amp;", "Kabul",
                         "é", "日本", "٣", "\u00a0"])


@settings(max_examples=40, deadline=None)
@given(
    words=st.lists(WORDS, min_size=3, max_size=30),
    spans=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 40)), max_size=6),
)
def test_any_excerpts_keep_the_text_whole(words, spans):
    text = " ".join(words) + "."
    s = (Sentence(0, 0, len(text), text),)
    changes = tuple(
        Change("number", "changed", Excerpt.of(text, a % len(text), min(len(text), a % len(text) + n)),
               None, "d", "high", 0)
        for a, n in spans
    )
    c = Comparison(Side(Document(text), s), Side(Document(text), s),
                   (AlignedPair((0,), (0,), 1.0, "verbatim"),), (), (), changes,
                   Summary(1.0, 1.0, "wholly"))
    ids = by_id(dom(report.render(c)))
    assert ids["o-s0"].text(skip=("ref", "sr")) == text


@pytest.mark.parametrize("order", [[0, 1, 2], [2, 1, 0], [1, 0, 2], [0, 2, 1]])
def test_rows_keep_both_texts_in_reading_order(order):
    original = "One. Two. Three."
    retelling = " ".join(["One.", "Two.", "Three."][i] for i in order)
    pairs = [((i,), (order.index(i),), 1.0, "verbatim") for i in range(3)]
    root = dom(report.render(build(original, retelling, pairs)))
    seen = [n.attrs["id"] for n in root.iter() if "sent" in n.classes()]
    assert [s for s in seen if s.startswith("o-")] == ["o-s0", "o-s1", "o-s2"]
    assert [s for s in seen if s.startswith("r-")] == ["r-s0", "r-s1", "r-s2"]
    level = sum(1 for n in root.iter() if "pair" in n.classes())
    longest = {(0, 1, 2): 3, (2, 1, 0): 1, (1, 0, 2): 2, (0, 2, 1): 2}[tuple(order)]
    assert level == longest


def test_same_bytes_whatever_the_hash_seed():
    import os
    import subprocess
    import sys

    code = ("import hashlib, tests.unit.test_html_report as t; from retold.reports.html import render;"
            "print(hashlib.sha256(render(t.example()).encode()).hexdigest())")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    digests = {
        subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_colours_meet_wcag_aa():
    css = report._asset("report.css")
    var = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    white = "#ffffff"
    pairs = [(var["ink"], var["paper"]), (var["muted"], var["paper"]), (var["muted"], var["soft"]),
             (var["ink"], var["current"]), (var["ink"], var["partner"])]
    for kind in report.KIND_ORDER:
        pairs.append((white, var[f"k-{kind}"]))  # kind badges
        pairs.append((var["ink"], var[f"k-{kind}-bg"]))  # highlighted text
    for sev in report.SEVERITY_ORDER:
        pairs.append((white, var[f"s-{sev}"]))
    for fg, bg in pairs:
        assert _contrast(fg, bg) >= 4.5, (fg, bg, round(_contrast(fg, bg), 2))


# --- wording, titles and bidi (issues 11 and 12) ---------------------------------------------


def test_report_titles_skip_page_clutter():
    from retold.reports.html import display_title

    for clutter in ("Subscribe now", "Sign up for our newsletter", "Photo: AP", "Share this",
                    "Advertisement", "Skip to main content", "  ", None, "Accept all cookies"):
        assert display_title(clutter) is None, clutter
    assert display_title("Floods kill 12 in the north | The Daily Planet") == (
        "Floods kill 12 in the north")
    assert display_title("Floods kill 12 in the north - Planet", "Planet") == (
        "Floods kill 12 in the north")
    # a dash inside a headline, with no site to match, is the headline's own
    assert display_title("Floods kill 12 - officials") == "Floods kill 12 - officials"
    assert display_title("Photographers share the year's best shots") == (
        "Photographers share the year's best shots")


def test_report_page_uses_the_clean_title_and_says_what_to_do_in_the_form():
    from retold.compare import compare
    from retold.reports.html import render

    page = render(compare("Subscribe now\n\nTen people died last month, officials said.",
                          "Twelve people died last month, officials said."))
    assert '<p class="doc-title" dir="auto">(no title)</p>' in page
    assert '<p class="doc-title" dir="auto">Subscribe now</p>' not in page
    assert "--original-published" not in page
    assert "Give the original's publication date" in page


def test_bidi_controls_in_text_are_isolated():
    from retold.compare import compare
    from retold.reports.html import render

    rlo = "\u202e"
    page = render(compare(f"Evil{rlo}txt.exe title\n\nTen people died on Monday{rlo}, he said.",
                          f"Twelve people died on Monday{rlo}, he said."))
    # the report's CSS isolates every piece of article text, and the title is dir=auto
    assert "unicode-bidi: isolate" in page
    assert f'<p class="doc-title" dir="auto">Evil{rlo}txt.exe title</p>' in page
    assert ".sent, .doc-title" in page  # sentences carry the isolation
    assert page.count(f"Monday{rlo}") >= 2


def test_counts_of_one_are_singular():
    from retold.compare import compare
    from retold.reports.html import render

    page = render(compare("Ten died.", "Twelve died."))
    assert "1 sentence, 2 words" in page and "1 sentences" not in page


def test_terminal_report_says_1_unit():
    from retold.compare import compare
    from retold.reports.terminal import render as render_terminal

    text = render_terminal(compare("Ten died.", "Twelve died."), width=200)
    assert "1 unit" in text and "1 units" not in text
