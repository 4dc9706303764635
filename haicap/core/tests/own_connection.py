"""For tests of what happens between committed transactions (PostgreSQL lane): run a piece of
work in a thread, i.e. on a connection of its own that commits, outside the test's transaction,
which would hide the rows the threads committed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from django.db import connection


def in_own_connection(work: Callable[[], Any]) -> Any:
    """Run `work` in a thread on its own autocommitting connection; its result, or its error
    raised again here."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["result"] = work()
        except BaseException as exc:
            box["error"] = exc
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box.get("result")
