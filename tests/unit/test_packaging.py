"""Each extra installs what its feature needs, and the install hints say how, both ways."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from retold.errors import MissingExtra

ROOT = Path(__file__).resolve().parents[2]
# MissingExtra("package", "extra", ...) as the code raises it
_RAISE_RE = re.compile(r'MissingExtra\(\s*"([\w.-]+)",\s*"(\w+)"')


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _extras() -> dict[str, set[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {extra: {_norm(re.split(r"[\s<>=!~;\[]", req, maxsplit=1)[0]) for req in reqs}
            for extra, reqs in project["optional-dependencies"].items()}


def _raised() -> set[tuple[str, str]]:
    found = set()
    for path in (ROOT / "src" / "retold").rglob("*.py"):
        found |= set(_RAISE_RE.findall(path.read_text(encoding="utf-8")))
    return found


def test_the_scan_finds_the_extras_the_code_asks_for() -> None:
    # (guards the test below against a regex that matches nothing)
    assert {"web", "spark", "semantic"} <= {extra for _, extra in _raised()}


@pytest.mark.parametrize(("package", "extra"), sorted(_raised()))
def test_each_extra_installs_the_package_its_hint_promises(package: str, extra: str) -> None:
    extras = _extras()
    assert extra in extras, f"no extra [{extra}] in pyproject.toml"
    assert _norm(package) in extras[extra], f"[{extra}] lacks {package}"


def test_semantic_extra_carries_the_offline_model() -> None:
    # align/semantic.py loads the model from this package; weights are never downloaded
    from retold.align.semantic import BUNDLED_MODEL_PACKAGE

    assert _norm(BUNDLED_MODEL_PACKAGE) in _extras()["semantic"]


def test_all_extra_covers_every_feature_extra() -> None:
    extras = _extras()
    assert "retold" in extras["all"]
    (spec,) = [r for r in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
               ["project"]["optional-dependencies"]["all"]]
    named = set(re.search(r"\[(.*)\]", spec).group(1).split(","))  # type: ignore[union-attr]
    assert named == set(extras) - {"all", "dev"}


def test_hint_gives_the_wheel_and_the_clone_command() -> None:
    message = str(MissingExtra("uvicorn", "web", "retold serve"))
    assert "pip install 'retold[web]'" in message
    assert "pip install -e '.[web]'" in message
    assert MissingExtra("pyspark", "spark", "x").exit_code == 5
