"""The front door: __all__ is the public surface, and `import retold` loads no extra."""

from __future__ import annotations

import subprocess
import sys

import retold


def test_all_matches_public_names() -> None:
    public = {n for n in dir(retold) if not n.startswith("_")} - {
        "annotations", "logging", "align", "compare_module", "diff", "errors", "facts", "model",
        "read", "segment", "reports", "cli", "store", "engines", "ingest",
    }
    modules = {n for n in public if type(getattr(retold, n)).__name__ == "module"}
    assert set(retold.__all__) == (public - modules) | {"__version__"}


def test_import_pulls_no_extra_and_no_heavy_library() -> None:
    code = (
        "import sys, retold; "
        "heavy = [m for m in ('sklearn', 'pyspark', 'fastapi', 'uvicorn', 'torch', "
        "'sentence_transformers', 'jinja2', 'trafilatura', 'rich') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_compare_is_the_function() -> None:
    import retold.compare

    assert callable(retold.compare)
