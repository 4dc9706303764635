"""A value built once per process on first use (thread-safe), with a way to drop it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def process_singleton(build: Callable[[], T]) -> tuple[Callable[[], T], Callable[[], None]]:
    """Return (get, reset): `get` builds the value on first call and then returns it."""
    lock = threading.Lock()
    holder: list[T] = []

    def get() -> T:
        if not holder:
            with lock:
                if not holder:
                    holder.append(build())
        return holder[0]

    def reset() -> None:
        with lock:
            holder.clear()

    return get, reset
