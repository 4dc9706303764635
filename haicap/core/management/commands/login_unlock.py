"""`haicap login_unlock USERNAME [--ip ADDRESS]`: lift a sign-in lockout, in the audit log."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haicap.core.lockout import login_unlock


class Command(BaseCommand):
    help = "Lift a sign-in lockout (django-axes) for an account, or an account from one address."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", nargs="?", default="")
        parser.add_argument("--ip", default="", help="only the failures from this address")

    def handle(self, *args: Any, **options: Any) -> None:
        username, ip = options["username"], options["ip"]
        if not username and not ip:
            raise CommandError("give a username, an --ip address, or both")
        n = login_unlock(username=username, ip_address=ip, actor=None)
        self.stdout.write(f"{n} lockout record(s) removed")
