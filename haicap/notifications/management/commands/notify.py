"""`haicap notify send`: deliver the pending messages of the outbox through the configured
gateway (HAICAP_NOTIFY_GATEWAY), at most --limit of them, with progress; run it from cron every
minute or two. Two runs at once never send a message twice."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from haicap.notifications.delivery import Delivery, messages_send
from haicap.notifications.gateways import gateway_get


class Command(BaseCommand):
    help = "Notifications to citizens: deliver pending messages of the outbox."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        send = sub.add_parser("send", help="deliver pending messages whose time has come")
        send.add_argument("--limit", type=int, default=1000, help="at most this many (1000)")
        send.add_argument("--batch", type=int, default=50, help="messages per transaction (50)")
        sub.add_parser("demo", help="a demo dossier with an electronic result; then send")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "demo":
            from haicap.notifications.demo import PHONE, demo_result

            with transaction.atomic():
                dossier = demo_result()
            self.stdout.write(
                f"Hồ sơ có kết quả điện tử: {dossier.code} (tra cứu tại /tra-cuu/ với 4 số cuối "
                f"điện thoại {PHONE.replace(' ', '')[-4:]})."
            )
            options = {**options, "limit": 1000, "batch": 50}
        limit, batch = max(1, options["limit"]), max(1, options["batch"])
        gateway = gateway_get()

        def progress(tally: Delivery) -> None:
            self.stdout.write(
                f"  {tally.done}/{limit}: {tally.sent} đã gửi, {tally.retried} sẽ thử lại, "
                f"{tally.failed} không gửi được"
            )

        tally = messages_send(limit=limit, batch=batch, gateway=gateway, progress=progress)
        self.stdout.write(
            f"Thông báo ({gateway.name}): đã gửi {tally.sent}, sẽ thử lại {tally.retried}, "
            f"không gửi được {tally.failed}."
        )
