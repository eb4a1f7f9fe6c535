"""The compare command through main(argv): formats, exit codes, bad input, batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from retold.cli import main
from retold.cli.compare import EXIT_CHANGES_FOUND

ORIGINAL = (
    "Flood kills 42 in Valdoria\n\n"
    "Flooding in the northern province of Valdoria has killed at least 42 people, officials "
    "said on Tuesday. About 3,000 families have been evacuated from their homes.\n\n"
    "Heavy rain is expected to continue until Friday."
)
RETELLING = (
    "At least 24 people have died in floods in the northern province of Valdoria, officials "
    "said on Tuesday. Around 3,000 families were evacuated from their homes."
)


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(RETELLING, encoding="utf-8")
    return a, b


def test_json_report(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["compare", str(pair[0]), str(pair[1]), "--format", "json",
                 "--original-published", "2023-03-14"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "retold.comparison/1"
    assert data["original"]["published"] == "2023-03-14"
    kinds = {(c["kind"], c["status"]) for c in data["changes"]}
    assert ("number", "changed") in kinds
    dropped = " ".join(data["original"]["sentences"][i]["text"] for i in data["dropped"])
    assert "Heavy rain" in dropped
    assert set(data["summary"]) >= {"carried", "reuse", "derivation"}


def test_json_is_exactly_to_dict(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    import retold
    from retold.read import read_source

    main(["compare", str(pair[0]), str(pair[1]), "-f", "json"])
    printed = json.loads(capsys.readouterr().out)
    direct = retold.compare_documents(read_source(str(pair[0])), read_source(str(pair[1])))
    assert printed == json.loads(json.dumps(direct.to_dict()))


def test_text_report_is_deterministic(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    main(["compare", str(pair[0]), str(pair[1]), "-f", "text", "--width", "90"])
    first = capsys.readouterr().out
    main(["compare", str(pair[0]), str(pair[1]), "-f", "text", "--width", "90"])
    assert capsys.readouterr().out == first
    assert "\x1b[" not in first
    assert "42" in first and "24" in first
    assert "Dropped from the original" in first and "Heavy rain" in first


def test_fail_on_exit_code(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(pair[0]), str(pair[1]), "--fail-on", "high"]) == EXIT_CHANGES_FOUND
    assert main(["compare", str(pair[0]), str(pair[0]), "--fail-on", "low"]) == 0


def test_stdin(pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
               capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(RETELLING.encode())))
    assert main(["compare", str(pair[0]), "-", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["retelling"]["sentences"]


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (None, 2, "no such file"),
        (b"", 2, "empty"),
        (b"   \n\t ", 2, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 2, "png image"),
        (b"abc\x00\x00\x00def" * 20, 2, "binary"),
    ],
)
def test_bad_input_one_line_error(
    tmp_path: Path, pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
    content: bytes | None, code: int, words: str,
) -> None:
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    assert main(["compare", str(bad), str(pair[1])]) == code
    err = capsys.readouterr().err
    assert err.startswith("retold: error:") and err.count("\n") == 1
    assert words in err.lower()


def test_too_large(tmp_path: Path, pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 5000, encoding="utf-8")
    assert main(["compare", str(big), str(pair[1]), "--max-bytes", "1000"]) == 2
    assert "1,000 bytes" in capsys.readouterr().err


def test_option_errors(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(pair[0])]) == 3
    assert main(["compare", str(pair[0]), str(pair[1]), "--original-published", "soon"]) == 3
    assert main(["compare", "-", "-"]) == 3
    assert "Traceback" not in capsys.readouterr().err


def test_unrelated_texts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The orchestra opened its season with Brahms. Tickets sold out in two hours.")
    b.write_text("Wheat prices fell for a third week. Traders expect 12 million tonnes of exports.")
    assert main(["compare", str(a), str(b), "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["derivation"] == "non"
    assert "unrelated" in data["summary"]["message"]
    # issue 9: still checked against the whole original; what it does not state is listed
    assert data["changes"] and all(ch["grounding"] for ch in data["changes"])
    assert any("12 million" in ch["retelling"]["text"] for ch in data["changes"])


def test_batch(tmp_path: Path, pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    rows = tmp_path / "pairs.jsonl"
    rows.write_text(
        json.dumps({"id": "p1", "original": ORIGINAL, "retelling": RETELLING,
                    "original_published": "2023-03-14"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "p3", "original_source": pair[0].name,
                      "retelling_source": pair[1].name}) + "\n",
        encoding="utf-8",
    )
    pair[0].rename(tmp_path / pair[0].name) if pair[0].parent != tmp_path else None
    code = main(["compare", "--batch", str(rows)])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert [line.get("id") for line in lines] == ["p1", None, "p3"]
    assert lines[0]["schema"] == "retold.comparison/1"
    assert lines[1]["schema"] == "retold.error/1" and lines[1]["line"] == 2
    assert "line 2" in captured.err
    assert code == 2


@pytest.mark.parametrize(
    "argv",
    [["compare", "a", "b", "-f", "xml"], ["compare", "a", "b", "--width", "abc"],
     ["compare", "a", "b", "--fail-on", "critical"], ["nonsense"]],
)
def test_usage_errors_are_one_line_exit_3(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 3
    err = capsys.readouterr().err
    assert err.startswith("retold: error:") and err.count("\n") == 1


def test_output_over_an_input_is_refused(pair: tuple[Path, Path],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    before = pair[0].read_text(encoding="utf-8")
    assert main(["compare", str(pair[0]), str(pair[1]), "-o", str(pair[0])]) == 3
    assert pair[0].read_text(encoding="utf-8") == before


@pytest.mark.parametrize("flags", [["--max-bytes", "0"], ["--timeout", "-1"]])
def test_bad_limits(pair: tuple[Path, Path], flags: list[str],
                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(pair[0]), str(pair[1]), *flags]) == 3


def test_batch_empty_text_is_an_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = tmp_path / "pairs.jsonl"
    rows.write_text(json.dumps({"original": "", "retelling": "Some text here."}) + "\n")
    assert main(["compare", "--batch", str(rows)]) == 2
    assert json.loads(capsys.readouterr().out)["schema"] == "retold.error/1"
