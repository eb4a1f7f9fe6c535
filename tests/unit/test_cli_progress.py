"""Long compares show their stage on stderr; short ones print nothing more than before."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest

from retold.cli import main, progress
from retold.cli.progress import Status, mode_for
from retold.compare import STAGES, compare

ORIGINAL = ("Flooding in the province has killed at least 42 people, officials said on Tuesday. "
            "About 3,000 families have been evacuated from their homes.")
RETELLING = "At least 24 people died in the floods, officials said on Tuesday."


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_library_reports_every_stage_in_order() -> None:
    seen: list[tuple[str, int, int]] = []
    compare(ORIGINAL, RETELLING, progress=lambda *a: seen.append(a))
    n = len(STAGES)
    assert seen == [*((stage, k, n) for k, stage in enumerate(STAGES)), ("done", n, n)]


def test_unrelated_texts_still_report_the_end() -> None:
    seen: list[tuple[str, int, int]] = []
    c = compare(ORIGINAL, "Wheat prices rose in Chicago on strong export demand.",
                progress=lambda *a: seen.append(a))
    assert c.summary.derivation == "non"
    assert seen[-1] == ("done", len(STAGES), len(STAGES))


@pytest.mark.parametrize(("flag", "tty", "mode"), [
    (None, True, "live"), (None, False, None), (True, False, "lines"), (True, True, "live"),
    (False, True, None), (False, False, None),
])
def test_mode(flag: bool | None, tty: bool, mode: str | None) -> None:
    assert mode_for(flag, _Tty() if tty else io.StringIO()) == mode


def test_a_short_task_writes_nothing() -> None:
    for mode in ("live", "lines"):
        stream = io.StringIO()
        with Status("compare", mode, stream=stream, delay=5) as status:  # type: ignore[arg-type]
            status.update(STAGES[0], 0, 4)
            status.update(STAGES[1], 1, 4)
        assert stream.getvalue() == ""


def test_lines_mode_writes_each_stage_once_shown() -> None:
    stream = io.StringIO()
    with Status("compare", "lines", stream=stream, delay=0.05) as status:
        status.update(STAGES[0], 0, 4)
        time.sleep(0.3)  # shown now
        status.update(STAGES[2], 2, 4)
        status.update(STAGES[2], 2, 4)  # the same stage again: no new line
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"retold compare: {STAGES[0]} (1/4), ")
    assert lines[1].startswith(f"retold compare: {STAGES[2]} (3/4), ") and lines[1].endswith(" s")
    assert "\x1b" not in stream.getvalue()  # plain lines for a log file


def test_live_mode_redraws_one_line_and_erases_it() -> None:
    stream = _Tty()
    with Status("compare", "live", stream=stream, delay=0.05) as status:
        status.stage("aligning sentences")
        time.sleep(0.4)
        status.message("retold: error: something")
    out = stream.getvalue()
    assert "\n" not in out.replace("retold: error: something\n", "")  # redrawn in place
    assert "\rretold: error" not in out and "\r\x1b[Kretold: error: something\n" in out
    assert "retold compare: aligning sentences, " in out
    assert out.endswith("\r\x1b[K")  # erased before the report is written


def test_a_long_cli_compare_shows_its_stages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    import retold.compare as pipeline

    slow_diff = pipeline.diff

    def diff(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.6)  # a long diffing stage, as on a multi-megabyte pair
        return slow_diff(*args, **kwargs)

    monkeypatch.setattr(pipeline, "diff", diff)
    monkeypatch.setattr(progress, "DELAY", 0.1)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ORIGINAL, encoding="utf-8")
    b.write_text(RETELLING, encoding="utf-8")
    assert main(["compare", str(a), str(b), "-f", "json", "--progress"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["schema"] == "retold.comparison/1"  # stdout is the report alone
    n = len(STAGES)
    assert f"retold compare: {STAGES[-1]} ({n}/{n}), " in err  # the diff is the last stage

    assert main(["compare", str(a), str(b), "-f", "json"]) == 0  # not a terminal, no flag
    assert capsys.readouterr().err == ""
