"""Two `haicap notify send` running at once on PostgreSQL never send a message twice: each batch
locks its rows with SKIP LOCKED, so the second sender takes the next ones instead of waiting or
sending the same. The senders run in threads with their own committed connections (the test's
transaction would hide their rows), and the test cleans up after itself."""

from __future__ import annotations

import os
import threading
import time
from collections import Counter

import pytest
from django.db import connection

from haicap.core.models import AuditEvent
from haicap.core.tests.own_connection import in_own_connection
from haicap.notifications.delivery import messages_send
from haicap.notifications.models import Kind, Message, MessageStatus
from haicap.notifications.outbox import message_queue
from haicap.notifications.rights import NotifyAudit

MESSAGES = 120
PREFIX = "CONCURRENT-"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(
        os.environ.get("HAICAP_PG_LANE") != "1",
        reason="concurrent senders need the PostgreSQL lane",
    ),
]




class Recording:
    """A gateway that notes every message it is handed, slowly (as a provider's API would)."""

    name = "recording"

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.handed: list[int] = []

    def send(self, message: Message) -> None:
        time.sleep(0.002)
        with self.lock:
            self.handed.append(message.pk)


def test_two_senders_at_once_send_each_message_exactly_once():
    def setup() -> None:
        for i in range(MESSAGES):
            message_queue(
                Kind.RECEIVED,
                province_code="79",
                object_type="dossier",
                object_code=f"{PREFIX}{i:04d}",
                body=f"Hồ sơ {PREFIX}{i:04d} đã được tiếp nhận.",
                phone="0903123456",
            )

    in_own_connection(setup)
    gateway, start, errors = Recording(), threading.Barrier(2), []
    tallies: list = []

    def sender() -> None:
        try:
            start.wait()
            tallies.append(messages_send(gateway=gateway, batch=10))
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, errors
        ours = in_own_connection(
            lambda: dict(
                Message.objects.filter(object_code__startswith=PREFIX).values_list("pk", "status")
            )
        )
        handed = Counter(pk for pk in gateway.handed if pk in ours)
        assert len(handed) == MESSAGES and set(handed.values()) == {1}  # each once
        assert set(ours.values()) == {MessageStatus.SENT}
        assert all(t.sent > 0 for t in tallies), tallies  # both took part
    finally:
        in_own_connection(
            lambda: (
                Message.objects.filter(object_code__startswith=PREFIX).delete(),
                AuditEvent.objects.filter(
                    action=NotifyAudit.DELIVERY_RUN, note__startswith="recording:"
                ).delete(),
            )
        )
