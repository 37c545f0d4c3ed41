"""Public names that load on first use (PEP 562), for a package whose modules are costly to import."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def lazy_names(namespace: dict[str, Any], public: dict[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of the package whose ``globals()`` is ``namespace``:
    each name of ``public`` (name → the module that defines it, relative to the package) is
    imported when first asked for, then kept in the package, so later uses are plain reads.

    >>> space = {"__name__": "acnlp"}
    >>> getattr_, dir_ = lazy_names(space, {"normalize": ".normalize"})
    >>> getattr_("normalize").__name__, "normalize" in space
    ('normalize', True)
    """
    package = namespace["__name__"]

    def __getattr__(name: str) -> Any:
        if name not in public:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(public[name], package), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *namespace.get("__all__", ())})

    return __getattr__, __dir__
