"""Gateways deliver one message each; `HAICAP_NOTIFY_GATEWAY` names the one in use (a dotted
path). A gateway is a class with a `name` and `send(message)`, which returns when the message
was handed over and raises `Transient` (try again later: the provider is down, a timeout) or
`Permanent` (never: a refused address, a channel it does not carry). An SMS or Zalo gateway is
written the same way (docs/notifications.md): it posts `message.recipient` and `message.body`
to the provider's API with the provider's key from the environment, and maps its answers to
these two errors."""

from __future__ import annotations

import json
import smtplib
import sys
import threading
from typing import Protocol

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils import timezone
from django.utils.module_loading import import_string

from haicap.notifications.models import Message, MessageChannel

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
NOT_EMAIL = "Cổng thư điện tử không gửi được tin nhắn SMS."


class Transient(Exception):
    """Not delivered this time; the sender tries again after a pause."""


class Permanent(Exception):
    """Never deliverable; the message is marked failed at once."""


class Gateway(Protocol):
    name: str

    def send(self, message: Message) -> None: ...


class FileGateway:
    """Appends each message as one JSON line to HAICAP_NOTIFY_FILE ("-": the console), where a
    demo shows it and a deployment without a provider can read it; every channel."""

    name = "file"
    _lock = threading.Lock()

    def __init__(self, path: str | None = None) -> None:
        self.path = path if path is not None else str(settings.HAICAP_NOTIFY_FILE)

    def send(self, message: Message) -> None:
        line = json.dumps(
            {
                "at": timezone.now().isoformat(),
                "channel": message.channel,
                "to": message.recipient,
                "subject": message.subject,
                "body": message.body,
            },
            ensure_ascii=False,
        )
        try:
            with self._lock:
                if self.path == "-":
                    sys.stdout.write(line + "\n")
                    sys.stdout.flush()
                else:
                    with open(self.path, "a", encoding="utf-8") as out:
                        out.write(line + "\n")
        except OSError as exc:
            raise Transient(str(exc)) from exc


class EmailGateway:
    """E-mail through Django's SMTP backend (EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER,
    EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, EMAIL_TIMEOUT; HAICAP_EMAIL_* in the environment)."""

    name = "email"

    def send(self, message: Message) -> None:
        if message.channel != MessageChannel.EMAIL:
            raise Permanent(NOT_EMAIL)
        connection = get_connection(SMTP_BACKEND, fail_silently=False)
        mail = EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.recipient],
            connection=connection,
        )
        try:
            mail.send()
        except smtplib.SMTPRecipientsRefused as exc:
            raise Permanent(f"SMTP: địa chỉ bị từ chối ({exc.recipients})") from exc
        except smtplib.SMTPResponseException as exc:  # 5xx: refused for good; 4xx: later
            error = f"SMTP {exc.smtp_code}: {exc.smtp_error!r}"
            raise (Permanent if exc.smtp_code >= 500 else Transient)(error) from exc
        except (smtplib.SMTPException, OSError) as exc:  # down, timeout, 4xx: later
            raise Transient(f"SMTP: {exc}") from exc


NO_GATEWAY = "Không có cổng gửi cho kênh «{channel}» (HAICAP_NOTIFY_CHANNELS)."


class ByChannel:
    """Hands each message to the gateway of its channel, named in HAICAP_NOTIFY_CHANNELS
    (`sms=dotted.Path,email=haicap.notifications.gateways.EmailGateway`); a channel without
    one fails its messages at once."""

    name = "by-channel"

    def __init__(self, spec: str | None = None) -> None:
        spec = spec if spec is not None else str(getattr(settings, "HAICAP_NOTIFY_CHANNELS", ""))
        self.gateways: dict[str, Gateway] = {}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            channel, _, path = part.partition("=")
            self.gateways[channel.strip()] = import_string(path.strip())()

    def send(self, message: Message) -> None:
        gateway = self.gateways.get(message.channel)
        if gateway is None:
            raise Permanent(NO_GATEWAY.format(channel=message.channel))
        gateway.send(message)


def gateway_get() -> Gateway:
    gateway: Gateway = import_string(settings.HAICAP_NOTIFY_GATEWAY)()
    return gateway
