"""retold: see how news is retold.

    >>> import retold
    >>> c = retold.compare("Ten people died on Monday.", "Twelve people died on Monday.")
    >>> [ch.kind for ch in c.changes]
    ['number']
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from retold.compare import compare, compare_documents
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
from retold.read import read_source
from retold.trace import TraceResult, trace

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
    "TraceResult",
    "Variant",
    "__version__",
    "compare",
    "compare_documents",
    "read_source",
    "trace",
]

