"""The Spark engine's partition functions, run without a Spark session (no Java needed)."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed: pip install 'retold[spark]'")


def test_verification_reads_the_kept_measure(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each pair's kept measure reaches `verify_pair` (none where the folder kept none)."""
    from retold.engines import spark as sp

    seen: list[Any] = []
    monkeypatch.setattr(sp, "verify_pair", lambda a, b, **kw: seen.append(
        (a.id, b.id, kw["measured"])))

    def row(a: str, b: str, ab: float | None, ba: float | None) -> dict[str, Any]:
        r: dict[str, Any] = {"a": 1, "b": 2, "channels": 1, "score": 0.5, "ab": ab, "ba": ba}
        for prefix, aid in (("a_", a), ("b_", b)):
            r.update({prefix + "id": aid, prefix + "text": f"The text of {aid}.",
                      prefix + "title": None, prefix + "url": None, prefix + "outlet": None,
                      prefix + "published": None, prefix + "author": None})
        return r

    rows = [row("x", "y", 0.25, 0.75), row("y", "z", None, None)]
    assert [r[2] for r in sp._verify_partition(rows, lambda a, b: None, {})] == [False, False]
    assert seen == [("x", "y", (0.25, 0.75)), ("y", "z", None)]
