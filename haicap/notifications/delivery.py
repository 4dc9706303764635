"""Delivering the outbox: pending messages whose time has come, a batch at a time, each batch's
rows locked with SKIP LOCKED so that two senders running at once take different messages and
none is sent twice; a failed try waits longer each time (BACKOFF), and after
HAICAP_NOTIFY_MAX_ATTEMPTS tries the message is marked failed (audited)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from haicap.core.audit import audit_record
from haicap.notifications.gateways import Gateway, Permanent, gateway_get
from haicap.notifications.models import Message, MessageStatus
from haicap.notifications.rights import NotifyAudit

# the pause after the 1st, 2nd, ... failed try (the last one repeats)
BACKOFF = (
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=30),
    dt.timedelta(hours=2),
    dt.timedelta(hours=12),
)


@dataclass
class Delivery:
    sent: int = 0
    retried: int = 0
    failed: int = 0

    @property
    def done(self) -> int:
        return self.sent + self.retried + self.failed


def max_attempts() -> int:
    return max(1, int(getattr(settings, "HAICAP_NOTIFY_MAX_ATTEMPTS", 5)))


def backoff(attempts: int) -> dt.timedelta:
    """The pause before the next try after `attempts` failed ones (1 or more)."""
    return BACKOFF[min(attempts, len(BACKOFF)) - 1]


def _deliver(message: Message, gateway: Gateway, now: dt.datetime, tally: Delivery) -> None:
    """One try of one message (its row locked by the caller); the outcome saved on the row."""
    message.attempts += 1
    message.gateway = gateway.name[:120]
    try:
        gateway.send(message)
    except Permanent as exc:
        message.status, message.last_error = MessageStatus.FAILED, str(exc)[:500]
    except Exception as exc:  # Transient, or a gateway's own error: the batch must commit
        message.last_error = f"{type(exc).__name__}: {exc}"[:500]
        if message.attempts >= max_attempts():
            message.status = MessageStatus.FAILED
        else:
            message.next_attempt_at = now + backoff(message.attempts)
    else:
        message.status, message.sent_at, message.last_error = MessageStatus.SENT, now, ""
    message.save(
        update_fields=["attempts", "gateway", "status", "sent_at", "last_error", "next_attempt_at"]
    )
    if message.status == MessageStatus.SENT:
        tally.sent += 1
    elif message.status == MessageStatus.FAILED:
        tally.failed += 1
        audit_record(
            actor=None,
            action=NotifyAudit.DELIVERY_FAILED,
            obj=message,
            province_code=message.province_code,
            note=f"{message.kind} {message.object_code}: {message.last_error}",
        )
    else:
        tally.retried += 1


def messages_send(
    *,
    limit: int = 1000,
    batch: int = 50,
    gateway: Gateway | None = None,
    now: dt.datetime | None = None,
    progress: Callable[[Delivery], None] | None = None,
) -> Delivery:
    """Try at most `limit` pending messages that are due, `batch` per transaction."""
    gateway = gateway or gateway_get()
    now = now or timezone.now()
    tally = Delivery()
    while tally.done < limit:
        with transaction.atomic():
            rows = list(
                Message.objects.select_for_update(skip_locked=True)
                .filter(status=MessageStatus.PENDING, next_attempt_at__lte=now)
                .order_by("next_attempt_at", "pk")[: min(batch, limit - tally.done)]
            )
            if not rows:
                break
            for message in rows:
                _deliver(message, gateway, now, tally)
        if progress is not None:
            progress(tally)
    if tally.done:
        audit_record(
            actor=None,
            action=NotifyAudit.DELIVERY_RUN,
            note=f"{gateway.name}: {tally.sent} đã gửi, {tally.retried} thử lại, "
            f"{tally.failed} không gửi được",
        )
    return tally
