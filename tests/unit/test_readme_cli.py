"""The README's command-line reference names every command and every long option the code has."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from retold.cli import build_parser

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_the_parser_has_the_commands_we_expect() -> None:
    assert {"compare", "trace", "links", "stories", "show", "serve"} <= set(_commands())


@pytest.mark.parametrize("command", sorted(_commands()))
def test_readme_documents_the_command_and_its_options(command: str) -> None:
    assert f"retold {command}" in README
    parser = _commands()[command]
    missing = [option for action in parser._actions for option in action.option_strings
               if option.startswith("--") and option != "--help" and f"`{option}" not in README
               and f"{option} " not in README and f"{option}`" not in README]
    assert not missing, f"README lacks {missing} of `retold {command}`"


def test_readme_trace_example_is_what_the_code_prints(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The README's `retold stories` block is the output of the bundled tiny news flow."""
    from retold.cli import main

    feed = Path(__file__).resolve().parents[2] / "examples" / "flood-feed" / "feed.jsonl"
    store = tmp_path / "news.db"
    assert main(["trace", str(feed), "--store", str(store), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["stories", str(store)]) == 0
    printed = capsys.readouterr().out.strip().splitlines()
    assert printed, "stories printed nothing"
    block = README.split("$ retold stories news.db\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert printed == block
