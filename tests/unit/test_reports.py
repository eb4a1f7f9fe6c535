"""Terminal and JSON reports render a hand-built Comparison deterministically."""

from __future__ import annotations

import json
import os
from pathlib import Path

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
from retold.reports.json_report import dumps
from retold.reports.terminal import render

SNAPSHOTS = Path(__file__).resolve().parent.parent / "golden" / "reports"
O_TEXT = "Flood kills 42\n\nThe flood killed 42 people, Ana Ruiz said. Rain will fall until Friday."
R_TEXT = "The flood killed 24 people, Anna Ruiz said. <script>alert(1)</script>"


def sentences(text: str, pieces: list[tuple[str, str]]) -> tuple[Sentence, ...]:
    out = []
    for n, (piece, kind) in enumerate(pieces):
        start = text.index(piece)
        out.append(Sentence(n, start, start + len(piece), piece, kind, n))  # type: ignore[arg-type]
    return tuple(out)


def comparison() -> Comparison:
    o = Side(Document(O_TEXT, title="Flood kills 42", source="a.txt"),
             sentences(O_TEXT, [("Flood kills 42", "title"),
                                ("The flood killed 42 people, Ana Ruiz said.", "body"),
                                ("Rain will fall until Friday.", "body")]))
    r = Side(Document(R_TEXT, source="b.txt"),
             sentences(R_TEXT, [("The flood killed 24 people, Anna Ruiz said.", "body"),
                                ("<script>alert(1)</script>", "body")]))
    n_o, n_r = O_TEXT.index("42 people"), R_TEXT.index("24 people")
    change = Change("number", "changed", Excerpt.of(O_TEXT, n_o, n_o + 2),
                    Excerpt.of(R_TEXT, n_r, n_r + 2),
                    "The number changed from 42 to 24.", "high", 0)
    a_o, a_r = O_TEXT.index("Ana Ruiz"), R_TEXT.index("Anna Ruiz")
    variant = Variant("name", Excerpt.of(O_TEXT, a_o, a_o + 8), Excerpt.of(R_TEXT, a_r, a_r + 9),
                      "same name")
    return Comparison(o, r, (AlignedPair((1,), (0,), 0.8, "changed"),), (0, 2), (1,), (change,),
                      Summary(0.5, 0.6, "partially", "The retelling is partially derived."),
                      (variant,), ("a note",))


def test_terminal_snapshot() -> None:
    out = render(comparison(), width=80)
    snapshot = SNAPSHOTS / "terminal_80.txt"
    if os.environ.get("RETOLD_UPDATE_SNAPSHOTS") or not snapshot.exists():
        snapshot.write_text(out, encoding="utf-8")
    assert out == snapshot.read_text(encoding="utf-8")


def test_terminal_content_and_width() -> None:
    out = render(comparison(), width=60)
    assert all(len(line) <= 60 for line in out.splitlines())
    for needle in ("HIGH", "number changed", "42", "24", "Ana Ruiz ~ Anna Ruiz",
                   "Rain will fall until Friday.", "[title] Flood kills 42", "note: a note"):
        assert needle in out, needle
    assert "\x1b[" not in out
    assert "\x1b[" in render(comparison(), width=60, color=True)


def test_json_sorted_and_stable() -> None:
    text = dumps(comparison())
    assert text == dumps(comparison())
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert data["schema"] == "retold.comparison/1"
    assert data["changes"][0]["original"] == {"start": O_TEXT.index("42 people"),
                                              "end": O_TEXT.index("42 people") + 2, "text": "42"}
    assert data["dropped"] == [0, 2] and data["added"] == [1]
