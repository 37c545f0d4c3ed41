"""What the phrasing tables share: expected mentions written as (words, fields…) specs become
whole value objects, their spans found in the status in order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def expected(status: str, specs: Sequence[Any], make: Callable[[Any, int, int], T]) -> list[T]:
    """``make(spec, start, end)`` for each spec, its ``words`` found after the previous one's start."""
    found, search_from = [], 0
    for spec in specs:
        start = status.index(spec.words, search_from)
        found.append(make(spec, start, start + len(spec.words)))
        search_from = start + 1
    return found
