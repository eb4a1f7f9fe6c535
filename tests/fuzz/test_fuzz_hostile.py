"""Hostile and news-like inputs through the API, the CLI's main(argv) and the corpus reader.

Seeded (derandomize) and bounded (examples and per-example deadline), so it runs in CI. The
invariants: the API raises nothing but RetoldError; every result serialises to UTF-8 JSON and
its spans point at their text; the CLI returns a documented exit code; one bad corpus line is
a Problem and never stops the others. (The web app's fuzzing lives with the web tests.)
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import retold
from retold.cli import main
from retold.errors import RetoldError
from retold.ingest import Problem, read_inputs
from retold.model import Article

FUZZ = settings(max_examples=120, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

WORDS = ["Officials", "said", "at", "least", "12", "people", "died", "in", "Mosul", "on",
         "Monday", "the", "ministry", "announced", "\u201cWe", "will", "not", "rebuild,\u201d",
         "Gaddafi", "Qadhafi", "about", "3,000", "percent", "$5", "million", "last", "month",
         "between", "two", "and", "three", "thousand", "allegedly", "IS", "Islamic", "State",
         "June", "18,", "2020", "Covid-19", "No.", "10", "U.S.", "-LRB-", "۳۰", "٪", "。"]
HOSTILE = ["9" * 320, "1e999", "\ud800", "\udfff", "\u202e", "\u2066", "\x00", "\x1b[31m",
           "\ufeff", "\u200b", "\"", "\u201c", "'", "«", "»", "\n\n", "\r", "…", "-" * 50,
           "0." + "0" * 400 + "1", "𝟙𝟚", "١٢٣", "一千", "Ⅻ", "½", "10^308", "2020-13-45",
           "<script>", "&amp;", "->", "%s", "{}", "\\", "٫", "...", "?" * 20]


@st.composite
def texts(draw: st.DrawFn) -> str:
    """News-like sentences with hostile fragments dropped in."""
    tokens = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(HOSTILE),
                                     st.text(max_size=6)), min_size=1, max_size=60))
    out = []
    for t in tokens:
        out.append(t)
        out.append(draw(st.sampled_from([" ", " ", " ", ". ", ", ", "\n", ""])))
    return "".join(out)


def _check(c: retold.Comparison) -> None:
    data = c.to_dict()
    json.dumps(data, ensure_ascii=False).encode("utf-8")  # writable as UTF-8
    for side in (c.original, c.retelling):
        for s in side.sentences:
            assert side.document.text[s.start : s.end] == s.text


@FUZZ
@given(texts(), texts())
def test_compare_api_raises_only_retold_errors(original: str, retelling: str) -> None:
    try:
        c = retold.compare(original, retelling, original_published="2020-06-18")
    except RetoldError:
        return
    _check(c)


@FUZZ
@given(texts())
def test_a_text_against_itself_and_a_hostile_edit(text: str) -> None:
    try:
        _check(retold.compare(text, text))
        _check(retold.compare(text, text + " " + "9" * 400 + " people died."))
    except RetoldError:
        pass


@FUZZ
@given(texts(), texts(), st.sampled_from(["json", "text", "html"]))
def test_cli_compare_returns_a_documented_code(tmp_path_factory: pytest.TempPathFactory,
                                               original: str, retelling: str, fmt: str) -> None:
    tmp = tmp_path_factory.mktemp("cli")
    a, b = tmp / "a.txt", tmp / "b.txt"
    a.write_text(original, encoding="utf-8", errors="surrogatepass")
    b.write_bytes(retelling.encode("utf-8", "surrogatepass"))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["compare", str(a), str(b), "--format", fmt, "-o", str(tmp / "r")])
    assert code in (0, 2, 3), err.getvalue()
    assert "Traceback" not in err.getvalue()


BATCH_LINES = st.one_of(
    st.builds(lambda o, r, i: json.dumps({"id": i, "original": o, "retelling": r}),
              texts(), texts(), st.one_of(st.none(), st.text(max_size=5), st.integers())),
    st.sampled_from(["[1]", "{", "null", '{"original": 5, "retelling": []}',
                     '{"original": "a", "retelling": "b", "original_published": 7}',
                     '{"id": "\\ud800", "original": "x 1", "retelling": "x 2"}',
                     '{"original_source": "http://[::1/", "retelling": "x"}',
                     '{"original_source": "/nonexistent", "retelling": "x"}']),
)


@FUZZ
@given(st.lists(BATCH_LINES, min_size=1, max_size=6))
def test_cli_batch_writes_a_record_for_every_line(tmp_path_factory: pytest.TempPathFactory,
                                                  lines: list[str]) -> None:
    tmp = tmp_path_factory.mktemp("batch")
    batch = tmp / "pairs.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp / "out.jsonl"
    with contextlib.redirect_stderr(io.StringIO()):
        code = main(["compare", "--batch", str(batch), "-o", str(out)])
    assert code in (0, 2, 10)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n") if line]
    assert len(records) == sum(1 for line in lines if line.strip())


ROW_FIELDS = st.fixed_dictionaries({}, optional={
    "id": st.one_of(st.text(max_size=8), st.integers(), st.none(), st.just("  "),
                    st.just("a->b"), st.just("-x")),
    "text": st.one_of(texts(), st.integers(), st.none()),
    "html": st.one_of(st.just("<html><body><p>" + "Officials said 12 died. " * 5 + "</p>"),
                      st.text(max_size=20)),
    "published": st.one_of(st.just("2020-06-18"), st.just("2020-13-45"), st.text(max_size=12),
                           st.integers(), st.none()),
    "title": st.one_of(st.text(max_size=10), st.just("\ud800")),
})


@FUZZ
@given(st.lists(ROW_FIELDS, min_size=1, max_size=8))
def test_corpus_lines_are_articles_or_problems(tmp_path_factory: pytest.TempPathFactory,
                                               rows: list[dict[str, object]]) -> None:
    tmp = tmp_path_factory.mktemp("corpus")
    feed = tmp / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    items = list(read_inputs([feed]))
    assert all(isinstance(i, Article | Problem) for i in items)
    stored = [i for i in items if isinstance(i, Article)]
    from retold.trace import trace

    result = trace(stored) if stored else None
    if result is not None:
        assert result.added == len(stored)


def test_the_fuzz_inputs_are_hostile() -> None:
    """Guard against the generators going soft: the hostile pieces must be in play."""
    assert any(len(h) > 308 and h.isdigit() for h in HOSTILE)
    assert "\ud800" in HOSTILE and "\u202e" in HOSTILE


def test_trace_survives_the_overflowing_number(tmp_path: Path) -> None:
    """Issue 12 item 1: a 309+ digit number made every trace re-run crash."""
    text = "Officials said " + "9" * 330 + " people attended, and 12 died in Mosul on Monday."
    from retold.trace import trace

    db = tmp_path / "s.db"
    rows = [{"id": "a", "text": text, "published": "2020-01-01"},
            {"id": "b", "text": text.replace("12", "14"), "published": "2020-01-02"}]
    first = trace(rows, store=db)
    again = trace(rows, store=db)
    assert first.links and [l.id for l in again.links] == [l.id for l in first.links]
