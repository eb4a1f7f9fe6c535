from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from retold.errors import InputNotFound
from retold.ingest import Problem, read_inputs
from retold.model import Article


def split(items: list) -> tuple[list[Article], list[Problem]]:
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, Problem)])


def test_jsonl_rows_and_bad_rows_with_line_numbers(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_bytes(b"\n".join([
        json.dumps({"id": "a", "text": "Hello.", "published": "2020-01-02", "outlet": "W",
                    "url": "http://a", "title": "T"}).encode(),
        json.dumps({"id": "a", "text": "Again."}).encode(),  # 2: duplicate id
        b"{not json",  # 3
        json.dumps({"id": "c", "text": "  "}).encode(),  # 4: no text
        b'{"id": "d", "text": "caf\xe9"}',  # 5: latin-1 byte
        b"",  # 6: blank, ignored
        json.dumps({"text": "No id."}).encode(),  # 7
        json.dumps(["a", "list"]).encode(),  # 8
    ]) + b"\n")
    articles, problems = split(list(read_inputs([f])))
    assert [a.id for a in articles] == ["a", "feed.jsonl:7"]
    assert articles[0] == Article("a", "Hello.", title="T", url="http://a", outlet="W",
                                  published=dt.date(2020, 1, 2))
    assert [(p.line, p.reason.split(":")[0].split(" ")[0]) for p in problems] == [
        (2, "duplicate"), (3, "malformed"), (4, "id"), (5, "bad"), (8, "expected")]
    assert "the text is empty" in problems[2].reason
    assert str(problems[0]).startswith(f"{f}:2: duplicate id 'a'")


def test_csv_with_multiline_fields_short_rows_and_bad_bytes(tmp_path: Path) -> None:
    f = tmp_path / "feed.csv"
    f.write_bytes(b'id,text,published,outlet\n'
                  b'x1,"two\nlines",2020-01-01,A\n'  # lines 2-3
                  b'x2,\n'  # 4: no text
                  b'x3,"bad \xff byte",,\n'  # 5
                  b'x4,fine,June 3 2020\n'  # 6: short row, outlet empty
                  b'x5,a,b,c,d,e\n')  # 7: too many fields
    articles, problems = split(list(read_inputs([f])))
    assert [(a.id, a.text, a.published) for a in articles] == [
        ("x1", "two\nlines", dt.date(2020, 1, 1)), ("x4", "fine", dt.date(2020, 6, 3))]
    assert [p.line for p in problems] == [4, 5, 7]
    assert "bad encoding" in problems[1].reason


def test_csv_without_a_text_column(tmp_path: Path) -> None:
    f = tmp_path / "x.csv"
    f.write_text("id,body\n1,hello\n")
    [p] = list(read_inputs([f]))
    assert isinstance(p, Problem) and "no 'text' or 'html'" in p.reason


def test_html_field_is_extracted(tmp_path: Path) -> None:
    f = tmp_path / "x.jsonl"
    body = "<p>" + "Floods killed 37 people in Kandara on Tuesday, officials said. " * 4 + "</p>"
    html = f"<html><head><title>Floods</title></head><body><article>{body}</article></body></html>"
    f.write_text(json.dumps({"id": "h", "html": html}) + "\n")
    [a] = list(read_inputs([f]))
    assert isinstance(a, Article) and "37 people" in a.text and "<p>" not in a.text


def test_a_folder_of_files_keeps_file_names_as_ids(tmp_path: Path) -> None:
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "one.txt").write_text("Floods killed 37 people.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_bytes("Inondations à Kandara.\n".encode("cp1252"))
    (tmp_path / "three.json").write_text(json.dumps({"id": "own-id", "text": "Three."}))
    (tmp_path / "four.json").write_text(json.dumps({"text": "Four."}))
    (tmp_path / "rows.jsonl").write_text(json.dumps({"id": "r1", "text": "Row."}) + "\n")
    (tmp_path / "empty.txt").write_text("   ")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / ".hidden.txt").write_text("secret")
    articles, problems = split(list(read_inputs([tmp_path])))
    ids = {a.id: a for a in articles}
    assert set(ids) == {"wire/one.txt", "two.txt", "own-id", "four.json", "r1"}
    assert ids["two.txt"].text.startswith("Inondations à")
    assert sorted(Path(p.source).name for p in problems) == ["empty.txt", "image.png"]


def test_duplicate_ids_across_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "x", "text": "One."}) + "\n")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "x", "text": "Two."}) + "\n")
    articles, problems = split(list(read_inputs([tmp_path / "a.jsonl", tmp_path / "b.jsonl"])))
    assert [a.text for a in articles] == ["One."]
    assert "first seen at" in problems[0].reason and "a.jsonl:1" in problems[0].reason


def test_a_missing_input_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound, match="does not exist"):
        list(read_inputs([tmp_path / "nope.jsonl"]))


def test_reading_is_lazy(tmp_path: Path) -> None:
    f = tmp_path / "big.jsonl"
    with f.open("w") as out:
        for i in range(1000):
            out.write(json.dumps({"id": str(i), "text": "x" * 100}) + "\n")
    it = read_inputs([f])
    first = next(it)
    assert isinstance(first, Article) and first.id == "0"


def test_a_text_that_is_not_a_string_says_so(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"id": "n", "text": 12345}) + "\n" + json.dumps({"id": "m"}) + "\n")
    _articles, problems = split(list(read_inputs([f])))
    assert [p.reason for p in problems] == ["id 'n': 'text' is not a string of text (a JSON int)",
                                            "id 'm': missing text (no 'text' or 'html')"]
