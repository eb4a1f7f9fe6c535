"""Start-up stays light: the CLI's front door and `--help` load none of the heavy libraries."""

from __future__ import annotations

import subprocess
import sys

# Libraries that cost tens to hundreds of milliseconds to import (numpy and scipy alone ~0.5 s
# here); each must load where it is used, never for `retold --help`.
HEAVY = ("numpy", "scipy", "rich", "trafilatura", "datasketch", "jinja2", "rapidfuzz", "syntok",
         "text2num", "metaphone", "charset_normalizer", "sklearn", "pyspark", "pyarrow",
         "fastapi", "uvicorn", "torch", "sentence_transformers", "playwright", "wn",
         "vaderSentiment")


def _loaded_after(code: str) -> list[str]:
    probe = (f"import sys\n{code}\n"
             f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True)
    return [m for m in out.stdout.strip().split(",") if m]


def test_import_retold_cli_loads_no_heavy_library() -> None:
    assert _loaded_after("import retold.cli") == []


def test_help_loads_no_heavy_library() -> None:
    code = ("import contextlib, io\nfrom retold.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n        main(['--help'])\n    except SystemExit:\n        pass\n"
            "    for cmd in ('compare', 'trace', 'stories', 'links', 'show', 'serve'):\n"
            "        try:\n            main([cmd, '--help'])\n"
            "        except SystemExit:\n            pass")
    assert _loaded_after(code) == []


def test_the_probe_sees_a_heavy_import() -> None:
    # The check above would pass vacuously if the probe could not see imports at all.
    assert "numpy" in _loaded_after("import retold; retold.compare('A b c.', 'A b c.')")
