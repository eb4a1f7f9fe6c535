"""Issue 12: bad corpus lines are reported problems (good lines all stored); stores are
integrity-checked (exit 4), readable read-only, and an empty file is not a store."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from retold.cli import main
from retold.errors import StoreError
from retold.ingest import MAX_ARTICLE_BYTES, Problem, read_inputs
from retold.model import Article
from retold.store import open_store
from tests.unit.test_trace_corpus import english_corpus


def _rows() -> list[dict[str, object]]:
    return [{"id": a.id, "text": a.text, "outlet": a.outlet,
             "published": a.published and a.published.isoformat()} for a in english_corpus()]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


BAD_LINES = [
    # A lone surrogate, escaped as JSON allows: no SQLite row can hold it.
    '{"id": "surrogate", "text": "Officials said \\ud800 twelve people died."}',
    '{"id": "bad-date", "text": "Officials said twelve people died.", "published": "2020-13-45"}',
    '{"id": "   ", "text": "Officials said twelve people died."}',
    '{"id": "no-date-either", "text": "Officials said it.", "published": "next Tuesday-ish"}',
]


def test_each_bad_line_is_a_problem_and_every_good_line_is_stored(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = [json.dumps(r) for r in _rows()]
    feed = _write(tmp_path / "feed.jsonl", [*good[:3], *BAD_LINES, *good[3:]])
    db = tmp_path / "s.db"
    assert main(["trace", str(feed), "--store", str(db)]) == 0
    err = capsys.readouterr().err
    assert "lone surrogate" in err and "'\\ud800'" in err
    assert "is not a date" in err and "blank id" in err
    with open_store(db) as store:
        assert store.counts()["articles"] == len(good)
        assert store.article("surrogate") is None and store.article("bad-date") is None
    # A re-run adds nothing and fails nothing (before: every re-run failed on the line).
    assert main(["trace", str(feed), "--store", str(db), "--quiet"]) == 0


def test_an_oversized_article_is_a_problem(tmp_path: Path) -> None:
    big = "Officials said twelve people died. " * (MAX_ARTICLE_BYTES // 30)
    feed = _write(tmp_path / "f.jsonl", [json.dumps({"id": "big", "text": big}),
                                         json.dumps({"id": "ok", "text": "A short one."})])
    items = list(read_inputs([feed]))
    assert isinstance(items[0], Problem) and "over 1,000,000 bytes" in items[0].reason
    assert isinstance(items[1], Article) and items[1].id == "ok"


def test_a_line_far_over_the_limit_is_skipped_without_reading_it_whole(tmp_path: Path) -> None:
    feed = tmp_path / "f.jsonl"
    with feed.open("w", encoding="utf-8") as f:
        f.write('{"id": "huge", "text": "' + "x" * (9 * MAX_ARTICLE_BYTES) + '"}\n')
        f.write(json.dumps({"id": "ok", "text": "A short one."}) + "\n")
    items = list(read_inputs([feed]))
    assert isinstance(items[0], Problem) and items[0].line == 1
    assert isinstance(items[1], Article) and items[1].id == "ok"


def test_articles_given_directly_are_checked_too() -> None:
    from retold.trace import trace

    result = trace([Article("bad\ud800", "Ten people died in Mosul on Monday."),
                    Article("", "Ten people died in Mosul on Monday."),
                    *english_corpus()])
    assert len(result.problems) == 2
    assert result.links  # the good articles were traced


def test_ids_with_arrows_and_leading_dashes_can_be_shown(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _rows()
    rows[0]["id"] = "-wire->1"
    rows[1]["id"] = "copy->2"
    feed = _write(tmp_path / "f.jsonl", [json.dumps(r) for r in rows])
    db = tmp_path / "s.db"
    assert main(["trace", str(feed), "--store", str(db), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["links", str(db)]) == 0
    ids = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    assert "-wire->1->copy->2" in ids
    assert main(["show", str(db), "--", "-wire->1->copy->2", "--format", "json"]) in (0, 3)
    code = main(["show", "--format", "json", str(db), "--", "-wire->1->copy->2"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["schema"] == "retold.comparison/1"


# --- stores ------------------------------------------------------------------------------


@pytest.fixture
def traced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    feed = _write(tmp_path / "f.jsonl", [json.dumps(r) for r in _rows()])
    db = tmp_path / "news.db"
    assert main(["trace", str(feed), "--store", str(db), "--quiet"]) == 0
    capsys.readouterr()
    return db


def test_an_empty_file_is_not_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    feed = _write(tmp_path / "f.jsonl", [json.dumps(_rows()[0])])
    assert main(["trace", str(feed), "--store", str(empty)]) == 4
    assert "empty file" in capsys.readouterr().err
    assert empty.stat().st_size == 0  # left as it was
    assert main(["links", str(empty)]) == 4


def test_a_text_file_is_not_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = _write(tmp_path / "notes.txt", ["my notes"])
    assert main(["links", str(notes)]) == 4
    assert "not an SQLite file" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["links", "stories", "trace"])
def test_garbage_inside_a_store_is_exit_4_before_any_output(
        traced: Path, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    data = bytearray(traced.read_bytes())
    for at in range(4096, len(data), 4096):  # scribble over every page but the header page
        data[at + 100 : at + 400] = os.urandom(300)
    traced.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(str(traced) + suffix).unlink(missing_ok=True)
    args = [command, str(traced)] if command != "trace" else ["trace", "--store", str(traced)]
    assert main(args) == 4
    out, err = capsys.readouterr()
    assert out == ""
    assert "retold: error:" in err and "Traceback" not in err


def test_a_read_only_store_can_be_read_but_not_traced_into(
        traced: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["links", str(traced)]) == 0
    expected = capsys.readouterr().out
    assert expected
    folder = traced.parent
    os.chmod(traced, stat.S_IRUSR)
    os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR)  # no -shm/-wal can be made beside it either
    try:
        if os.access(traced, os.W_OK):  # root ignores modes: say what read-only media would
            real = os.access
            denied = {str(traced), str(folder)}
            monkeypatch.setattr("retold.store.sqlite.os.access", lambda p, mode: (
                False if mode == os.W_OK and os.path.abspath(p) in denied else real(p, mode)))
        assert main(["links", str(traced)]) == 0
        assert capsys.readouterr().out == expected
        assert main(["stories", str(traced)]) == 0
        capsys.readouterr()
        feed = tmp_path.parent / f"{tmp_path.name}-feed.jsonl"
        _write(feed, [json.dumps(_rows()[0])])
        assert main(["trace", str(feed), "--store", str(traced)]) == 4
        assert "read-only" in capsys.readouterr().err
    finally:
        os.chmod(folder, stat.S_IRWXU)
        os.chmod(traced, stat.S_IRUSR | stat.S_IWUSR)


def test_open_store_readonly_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        open_store(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_a_pair_that_fails_to_verify_is_a_problem_not_an_abort() -> None:
    from retold.trace import trace
    from retold.trace.verify import default_compare

    real = default_compare()

    def flaky(original, retelling):  # type: ignore[no-untyped-def]
        if original.text == retelling.text:  # only the wire/copy pair
            raise ValueError("boom")
        return real(original, retelling)

    result = trace(english_corpus(), compare=flaky)
    assert any("verification failed (ValueError: boom)" in p.reason for p in result.problems)
    assert result.links  # the other pairs were verified
    assert all({l.source_id, l.target_id} != {"wire", "copy"} for l in result.links)


# --- compare: items 1 and 2 through the command line ---------------------------------------


def test_a_309_digit_number_through_the_cli(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The firm said it had " + "9" * 400 + " users and 12 staff.", encoding="utf-8")
    b.write_text("The firm said it had " + "9" * 400 + " users and 14 staff.", encoding="utf-8")
    assert main(["compare", str(a), str(b), "--format", "json"]) == 0
    changes = json.loads(capsys.readouterr().out)["changes"]
    assert [c["kind"] for c in changes] == ["number"]


def test_a_lone_surrogate_in_a_batch_line_gets_its_record(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = _write(tmp_path / "pairs.jsonl", [
        ('{"id": "s\\ud800", "original": "Officials said 12 \\udfff people died.", '
         '"retelling": "Officials said 14 people died."}'),
        json.dumps({"id": "ok", "original": "Officials said 12 people died.",
                    "retelling": "Officials said 14 people died."}),
    ])
    out = tmp_path / "out.jsonl"
    assert main(["compare", "--batch", str(batch), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n") if line]
    assert [r["id"] for r in records] == ["s\ufffd", "ok"]
    assert all(r["schema"] == "retold.comparison/1" for r in records)


def test_a_huge_file_in_a_folder_is_a_problem_without_being_read(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "big.txt").write_text("Officials said twelve people died. " * 40_000)
    (folder / "ok.txt").write_text("Officials said twelve people died in Mosul on Monday.")
    items = list(read_inputs([folder]))
    assert isinstance(items[0], Problem) and "over 1,000,000 bytes" in items[0].reason
    assert isinstance(items[1], Article) and items[1].id == "ok.txt"
