"""retold: see how news is retold.

    >>> import retold
    >>> c = retold.compare("Ten people died on Monday.", "Twelve people died on Monday.")
    >>> [ch.kind for ch in c.changes]
    ['number']
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from retold.errors import RetoldError
from retold.model import (
    AlignedPair,
    Article,
    Change,
    Comparison,
    Document,
    Excerpt,
    Fact,
    Link,
    Sentence,
    Story,
    Summary,
    Variant,
)

logging.getLogger("retold").addHandler(logging.NullHandler())

__all__ = [
    "AlignedPair",
    "Article",
    "Change",
    "Comparison",
    "Document",
    "Excerpt",
    "Fact",
    "Link",
    "RetoldError",
    "Sentence",
    "Story",
    "Summary",
    "Variant",
    "compare",
    "compare_documents",
    "read_source",
    "__version__",
]


# The pipeline pulls in scikit-learn; load it on first use so `import retold` stays light.
_LAZY = {
    "compare": "retold.compare",
    "compare_documents": "retold.compare",
    "read_source": "retold.read",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'retold' has no attribute {name!r}")
