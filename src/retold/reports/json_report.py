"""The ``retold.comparison/1`` JSON: sorted keys, so the same input gives the same bytes."""

from __future__ import annotations

import json
from typing import Any

from retold.model import Comparison


def dumps(comparison: Comparison, *, indent: int | None = 2) -> str:
    """Serialise a comparison as its stable JSON document."""
    return dumps_dict(comparison.to_dict(), indent=indent)


def dumps_dict(data: dict[str, Any], *, indent: int | None = 2) -> str:
    separators = (",", ": ") if indent is not None else (",", ":")
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=indent,
                      separators=separators)
