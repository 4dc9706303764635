"""Small per-process caches with a time limit, for reference rows read on every request (API
tokens, procedures, units, a province's procedure settings). A change made in this process clears
the cache at once; one made in another process is seen within `HAICAP_CACHE_SECONDS` (30 s)."""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from django.conf import settings

T = TypeVar("T")
_ALL: weakref.WeakSet[TTLCache] = weakref.WeakSet()


class TTLCache(Generic[T]):
    def __init__(self, name: str, maxsize: int = 20_000):
        self.name, self.maxsize = name, maxsize
        self._items: dict[Hashable, tuple[float, T]] = {}
        self._lock = threading.Lock()
        _ALL.add(self)

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        now = time.monotonic()
        hit = self._items.get(key)
        if hit is not None and hit[0] > now:
            return hit[1]
        seconds = float(getattr(settings, "HAICAP_CACHE_SECONDS", 30))  # read on a miss only
        value = build()
        if seconds > 0:
            with self._lock:
                if len(self._items) >= self.maxsize:
                    self._items.clear()
                self._items[key] = (now + seconds, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def clear_all_caches() -> None:
    for cache in list(_ALL):
        cache.clear()
