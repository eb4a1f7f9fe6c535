"""`retold.compare` and `retold.trace` are verbs of the API and modules, in any import order."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

TEXT = "Ten people died in Mosul on Monday, officials said. " * 3

ORDERS = {
    "verb first": "import retold\nr = retold.trace({records})\n"
                  "import retold.trace.verify\nimport retold.trace.fingerprint as fp\n",
    "modules first": "import retold.trace.verify\nimport retold.trace.fingerprint as fp\n"
                     "import retold\nr = retold.trace({records})\n",
    "from-import": "from retold import trace\nfrom retold.trace import verify, fingerprint as fp\n"
                   "import retold\nr = trace({records})\n",
}


@pytest.mark.parametrize("order", sorted(ORDERS))
def test_trace_is_callable_and_its_modules_import(order: str) -> None:
    records = repr([{"id": "a", "text": TEXT, "published": "2020-01-01"},
                    {"id": "b", "text": TEXT, "published": "2020-01-02"}])
    code = ORDERS[order].format(records=records) + (
        "print(len(r.links), callable(retold.trace.fingerprint.fingerprint),\n"
        "      retold.trace.verify.__name__, fp.__name__)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["1", "True", "retold.trace.verify", "retold.trace.fingerprint"]


def test_compare_is_callable_after_importing_its_module() -> None:
    import retold
    import retold.compare as compare_module
    from retold.compare import compare_documents

    c = retold.compare("Ten people died on Monday.", "Twelve people died on Monday.")
    assert [(ch.kind, ch.status) for ch in c.changes if ch.kind == "number"] == [
        ("number", "changed")]
    assert compare_module.compare_documents is compare_documents
    assert retold.compare is compare_module


def test_verbs_show_their_own_signature() -> None:
    import retold

    assert "articles" in inspect.signature(retold.trace).parameters
    assert list(inspect.signature(retold.compare).parameters)[:2] == ["original", "retelling"]


def test_unknown_attribute_is_an_attribute_error() -> None:
    import retold

    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        retold.nope  # type: ignore[attr-defined]  # noqa: B018
