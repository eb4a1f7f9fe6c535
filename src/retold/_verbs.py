"""Modules that are also their verb: ``retold.compare(...)`` and ``retold.trace(...)``.

``retold.compare`` and ``retold.trace`` name both a verb of the public API and a module (a
package for trace) whose other functions users import (``retold.trace.fingerprint``). An
attribute of the ``retold`` package can hold one object, and importing a submodule rebinds it
to the module, so the verb cannot simply be re-exported under the module's name. Instead the
module itself is made callable (a module's ``__class__`` may be set to a ModuleType subclass,
as the language reference allows): calling it calls its function of the same name.
"""

from __future__ import annotations

import inspect
import sys
import types
from typing import Any


class VerbModule(types.ModuleType):
    """A module that calls its function of the same name when called."""

    def _verb(self) -> Any:
        return getattr(self, self.__name__.rpartition(".")[2])

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._verb()(*args, **kwargs)

    @property
    def __signature__(self) -> inspect.Signature:  # help() and IDEs show the verb's arguments
        return inspect.signature(self._verb())


def make_callable(module_name: str) -> None:
    """Make the (already imported) module ``module_name`` callable as its verb."""
    sys.modules[module_name].__class__ = VerbModule
