"""retold: see how news is retold.

    >>> import retold
    >>> c = retold.compare("Ten people died on Monday.", "Twelve people died on Monday.")
    >>> [ch.detail for ch in c.changes if ch.kind == "number"]
    ['The number of people changed from 10 to 12.']

The names below load on first use (PEP 562), so that ``import retold`` and ``retold --help``
stay fast: the pipeline pulls in numpy, scipy and the fact extractors. ``retold.compare`` and
``retold.trace`` are modules that can be called as their verb (see ``retold._verbs``), so
``retold.trace(...)`` and ``retold.trace.fingerprint`` both work.
"""

import importlib as _importlib
import logging as _logging
import typing as _typing

__version__ = "0.1.0"

# public name -> the module that defines it
_SOURCES = {
    "AlignedPair": "retold.model",
    "Article": "retold.model",
    "Change": "retold.model",
    "Comparison": "retold.model",
    "Document": "retold.model",
    "Excerpt": "retold.model",
    "Fact": "retold.model",
    "Link": "retold.model",
    "Sentence": "retold.model",
    "Story": "retold.model",
    "Summary": "retold.model",
    "Variant": "retold.model",
    "RetoldError": "retold.errors",
    "compare_documents": "retold.compare",
    "read_source": "retold.read",
    "TraceResult": "retold.trace.result",
}
# verbs that are their own (callable) module
_VERB_MODULES = ("compare", "trace")

if _typing.TYPE_CHECKING:
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

_logging.getLogger("retold").addHandler(_logging.NullHandler())

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


def __getattr__(name: str) -> object:
    if name in _VERB_MODULES:
        return _importlib.import_module(f"retold.{name}")  # binds itself as retold.<name>
    source = _SOURCES.get(name)
    if source is None:
        raise AttributeError(f"module 'retold' has no attribute {name!r}")
    value = getattr(_importlib.import_module(source), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
