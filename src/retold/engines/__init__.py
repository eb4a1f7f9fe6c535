"""Engines run the trace stages: ``get_engine("local" | "spark" | "auto")``."""

from __future__ import annotations

import importlib.util

from retold.engines.base import Engine, TraceOptions
from retold.errors import MissingExtra, OptionError

ENGINES = ("local", "spark", "auto")


def get_engine(name: str = "local", *, workers: int = 1) -> Engine:
    """Return an engine by name.

    ``auto`` is the local engine: Spark pays off only on a cluster, which the user names.
    ``spark`` needs the ``[spark]`` extra and raises MissingExtra (with the install command)
    without it.
    """
    if name in ("local", "auto"):
        from retold.engines.local import LocalEngine

        return LocalEngine(workers=workers)
    if name == "spark":
        if importlib.util.find_spec("pyspark") is None:
            raise MissingExtra("pyspark", "spark", "the Spark engine")
        module = importlib.import_module("retold.engines.spark")
        return module.SparkEngine(workers=workers)  # type: ignore[no-any-return]
    raise OptionError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")


__all__ = ["ENGINES", "Engine", "TraceOptions", "get_engine"]
