"""Delivery of the outbox: the file gateway, retries with backoff, failures, the bound, the
command, and the SMTP gateway against a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json
import socket
from io import StringIO

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone

from haicap.core.models import AuditEvent
from haicap.notifications.delivery import BACKOFF, messages_send
from haicap.notifications.gateways import EmailGateway, FileGateway, Transient
from haicap.notifications.models import Kind, Message, MessageChannel, MessageStatus
from haicap.notifications.outbox import message_queue
from haicap.notifications.rights import NotifyAudit

pytestmark = pytest.mark.django_db


def _queue(n: int = 1, *, email: str = "", phone: str = "0903123456") -> list[Message]:
    out = []
    for i in range(n):
        message = message_queue(
            Kind.RECEIVED,
            province_code="79",
            object_type="dossier",
            object_code=f"26743-250701-{i + 1:04d}",
            body=f"Hồ sơ 26743-250701-{i + 1:04d} đã được tiếp nhận.",
            phone=phone,
            email=email,
        )
        assert message is not None
        out.append(message)
    return out


class Flaky:
    """Fails the first `failures` tries of every message, then delivers."""

    name = "flaky"

    def __init__(self, failures: int) -> None:
        self.failures, self.tries = failures, 0
        self.delivered: list[int] = []

    def send(self, message: Message) -> None:
        self.tries += 1
        if message.attempts <= self.failures:
            raise Transient("nhà mạng không trả lời")
        self.delivered.append(message.pk)


def test_the_file_gateway_writes_one_line_per_message(tmp_path):
    _queue(3)
    path = tmp_path / "out.jsonl"
    runs = AuditEvent.objects.filter(action=NotifyAudit.DELIVERY_RUN)
    before = runs.count()  # on PostgreSQL, committed runs of the concurrency test may remain
    tally = messages_send(gateway=FileGateway(str(path)))
    assert (tally.sent, tally.retried, tally.failed) == (3, 0, 0)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [line["to"] for line in lines] == ["0903123456"] * 3
    assert lines[0]["body"] == "Hồ sơ 26743-250701-0001 đã được tiếp nhận."
    assert set(Message.objects.values_list("status", flat=True)) == {MessageStatus.SENT}
    assert messages_send(gateway=FileGateway(str(path))).done == 0  # nothing sent twice
    assert runs.count() == before + 1


def test_a_transient_failure_waits_longer_each_time_then_the_message_goes(settings):
    settings.HAICAP_NOTIFY_MAX_ATTEMPTS = 5
    [message] = _queue()
    gateway, now = Flaky(failures=2), timezone.now()
    assert messages_send(gateway=gateway, now=now).retried == 1
    message.refresh_from_db()
    assert message.next_attempt_at == now + BACKOFF[0] and message.attempts == 1
    assert messages_send(gateway=gateway, now=now + dt.timedelta(seconds=30)).done == 0  # not yet
    later = now + BACKOFF[0]
    assert messages_send(gateway=gateway, now=later).retried == 1
    message.refresh_from_db()
    assert message.next_attempt_at == later + BACKOFF[1]
    assert messages_send(gateway=gateway, now=later + BACKOFF[1]).sent == 1
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT and message.attempts == 3 and not message.last_error


def test_after_the_last_try_the_message_is_failed_and_audited(settings):
    settings.HAICAP_NOTIFY_MAX_ATTEMPTS = 2
    [message] = _queue()
    gateway, now = Flaky(failures=10), timezone.now()
    messages_send(gateway=gateway, now=now)
    assert messages_send(gateway=gateway, now=now + dt.timedelta(days=1)).failed == 1
    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED and "nhà mạng" in message.last_error
    assert AuditEvent.objects.filter(action=NotifyAudit.DELIVERY_FAILED).count() == 1


def test_a_gateway_bug_is_a_failed_try_and_does_not_undo_the_others():
    _queue(3)

    class Broken:
        name = "broken"

        def send(self, message: Message) -> None:
            if message.object_code.endswith("0002"):
                raise KeyError("provider_id")

    tally = messages_send(gateway=Broken())
    assert (tally.sent, tally.retried) == (2, 1)
    assert "KeyError" in Message.objects.get(object_code__endswith="0002").last_error


def test_a_run_is_bounded_and_reports_progress(tmp_path, settings):
    settings.HAICAP_NOTIFY_FILE = str(tmp_path / "out.jsonl")
    _queue(7)
    out = StringIO()
    call_command("notify", "send", "--limit", "5", "--batch", "2", stdout=out)
    text = out.getvalue()
    assert "2/5" in text and "4/5" in text and "5/5" in text and "đã gửi 5" in text
    assert Message.objects.filter(status=MessageStatus.PENDING).count() == 2


class Inbox:
    def __init__(self) -> None:
        self.mails: list[tuple[str, list[str], bytes]] = []

    async def handle_RCPT(self, server, session, envelope, address, options):
        if address.startswith("khong-ton-tai@"):
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.mails.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp(settings):  # type: ignore[no-untyped-def]
    inbox, port = Inbox(), _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    yield inbox
    controller.stop()


def test_the_email_gateway_delivers_through_a_real_smtp_server(smtp):
    _queue(2, email="mai@example.vn")
    tally = messages_send(gateway=EmailGateway())
    assert tally.sent == 2 and len(smtp.mails) == 2
    sender, to, content = smtp.mails[0]
    assert to == ["mai@example.vn"] and "khong-tra-loi@localhost" in sender
    text = content.decode()
    assert "Subject:" in text and "26743-250701-0001" in text


def test_the_email_gateway_refusals(smtp):
    [refused] = _queue(email="khong-ton-tai@example.vn")
    [sms] = _queue(phone="0903123456")
    assert sms.channel == MessageChannel.SMS
    tally = messages_send(gateway=EmailGateway())
    assert tally.failed == 2 and not smtp.mails  # a refused address, and an SMS: never
    refused.refresh_from_db()
    assert refused.status == MessageStatus.FAILED and "SMTP" in refused.last_error


def test_the_smtp_server_down_is_tried_again_later(settings):
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", _free_port(), 2
    [message] = _queue(email="mai@example.vn")
    assert messages_send(gateway=EmailGateway()).retried == 1
    message.refresh_from_db()
    assert message.status == MessageStatus.PENDING and message.attempts == 1


def test_by_channel_hands_each_message_to_its_channels_gateway(smtp, tmp_path, settings):
    from haicap.notifications.gateways import ByChannel

    settings.HAICAP_NOTIFY_FILE = str(tmp_path / "sms.jsonl")
    gateway = ByChannel(
        "email=haicap.notifications.gateways.EmailGateway,"
        "sms=haicap.notifications.gateways.FileGateway"
    )
    _queue(1, email="mai@example.vn")
    _queue(1, phone="0912765432")
    assert messages_send(gateway=gateway).sent == 2
    assert len(smtp.mails) == 1 and "0912765432" in (tmp_path / "sms.jsonl").read_text()
    _queue(1, phone="0912765432")
    assert messages_send(gateway=ByChannel("email=haicap.notifications.gateways.EmailGateway")).failed == 1
