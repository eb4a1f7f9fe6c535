"""What the command line prints, line by line: plurals, stories, batch errors, the trace bar."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest

from retold.cli import main
from retold.cli.trace import _Bar, story_lines
from retold.model import Link

ORIGINAL = ("Flooding in the province has killed at least 42 people, officials said on Tuesday. "
            "About 3,000 families have been evacuated from their homes.")


def _link(source: str, target: str, *, decided: bool = True, changes: int = 0) -> Link:
    return Link(source, target, decided, "published" if decided else "undecided", 0.9, 0.8,
                "partially", changes)


# -- terminal report ------------------------------------------------------------------------


@pytest.mark.parametrize(("retelling", "units"), [
    ("At least 24 people died in the floods.", "1 unit"),
    ("At least 24 people died in the floods. About 3,000 families fled.", "2 units"),
])
def test_unit_counts_are_pluralised(tmp_path: Path, retelling: str, units: str,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(retelling, encoding="utf-8")
    assert main(["compare", str(a), str(b), "-f", "text", "--width", "200"]) == 0
    retelling_line = next(line for line in capsys.readouterr().out.splitlines()
                          if line.startswith("retelling"))
    assert retelling_line.endswith(f"| {units}")
    assert "1 units" not in retelling_line


# -- stories --------------------------------------------------------------------------------


def test_a_second_source_is_printed_by_name_not_as_none() -> None:
    from retold.trace import stories as st

    # b retells a; c is another source of b that nobody retold: chain_of gives it no parent.
    links = [_link("a", "b", changes=1), _link("c", "b")]
    (story,) = st.build(links, {})
    assert ("c", None) in story.chain
    lines = story_lines(story)
    assert not any("None" in line for line in lines)
    assert "  a -> b: partially, 90% reused, 1 fact change" in lines
    assert any(line.startswith("  c -> b: ") and "second source" in line for line in lines)
    assert lines[0].startswith(f"{story.id}: 3 articles; earliest source ")


def test_stories_json_is_one_document_and_jsonl_one_story_a_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.unit.test_trace_corpus import english_corpus

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(
        json.dumps({"id": a.id, "text": a.text,
                    "published": a.published and a.published.isoformat()}) + "\n"
        for a in english_corpus()), encoding="utf-8")
    db = str(tmp_path / "news.db")
    assert main(["trace", str(feed), "--store", db, "--quiet"]) == 0
    capsys.readouterr()

    assert main(["stories", db, "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)  # the whole output parses as one value
    assert document["schema"] == "retold.stories/1"
    assert document["stories"] and all("root" in s for s in document["stories"])

    assert main(["stories", db, "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in lines] == document["stories"]

    assert main(["stories", db, "--format", "json", "--limit", "0"]) == 0
    assert json.loads(capsys.readouterr().out)["stories"] == []


# -- batch ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("bad", "said"), [
    ('{"original": "x",, }', ("line 2: not valid JSON (Expecting property name enclosed in "
                              "double quotes at column 18)")),
    ('["original", "retelling"]', ("line 2: a line must be a JSON object with 'original' and "
                                   "'retelling', not a JSON array")),
])
def test_a_bad_batch_line_says_which_line_and_what_is_wrong(
        tmp_path: Path, bad: str, said: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = tmp_path / "pairs.jsonl"
    good = json.dumps({"original": ORIGINAL, "retelling": ORIGINAL})
    rows.write_text(f"{good}\n{bad}\n{good}\n", encoding="utf-8")
    assert main(["compare", "--batch", str(rows)]) == 2
    out, err = capsys.readouterr()
    assert f"retold: error: {rows}: {said}" in err
    assert "line 1 column" not in err  # the parser's count within the line is not shown
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["schema"] for r in records] == [
        "retold.comparison/1", "retold.error/1", "retold.comparison/1"]
    assert records[1]["line"] == 2
    assert records[1]["error"].startswith(said.removeprefix("line 2: "))


# -- the trace progress bar -----------------------------------------------------------------


def test_a_stage_clock_stops_when_the_next_stage_starts() -> None:
    from rich.console import Console

    bar = _Bar(Console(file=io.StringIO(), force_terminal=True, width=120))
    try:
        bar.update("ingest", 40, None)  # ingest never knows its total
        bar.update("fingerprint", 0, 40)
        ingest = next(t for t in bar.progress.tasks if t.description == "ingest")
        frozen = ingest.elapsed
        time.sleep(0.05)
        assert ingest.elapsed == frozen is not None
        assert ingest.finished and ingest.total == 40
        fingerprint = next(t for t in bar.progress.tasks if t.description == "fingerprint")
        assert fingerprint.stop_time is None  # the running stage's clock runs
    finally:
        bar.stop()
    assert fingerprint.stop_time is not None
