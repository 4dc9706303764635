"""`haicap dossiers demo` (a small demo workload), `haicap dossiers token USER` (issue an API
token) and `haicap dossiers revoke-token USER [--label L]`."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from haicap.core.models import ApiToken
from haicap.core.tokens import token_issue, token_revoke
from haicap.dossiers.demo import demo_dossiers
from haicap.dossiers.models import Dossier


class Command(BaseCommand):
    help = "One-stop dossiers: demo workload, API tokens."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        demo = sub.add_parser("demo", help="create demo dossiers at Bến Thành (idempotent)")
        demo.add_argument("--count", type=int, default=28)
        token = sub.add_parser("token", help="issue an API token acting as USER (shown once)")
        token.add_argument("username")
        token.add_argument("--label", default="API")
        revoke = sub.add_parser(
            "revoke-token", help="revoke USER's active API tokens (all, or those with --label)"
        )
        revoke.add_argument("username")
        revoke.add_argument("--label")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "demo":
            with Progress(
                TextColumn("demo dossiers"),
                BarColumn(),
                MofNCompleteColumn(),
                disable=not self.stdout.isatty(),
            ) as bar:
                task = bar.add_task("demo", total=options["count"])
                try:
                    with transaction.atomic():
                        made = demo_dossiers(
                            options["count"],
                            progress=lambda done, total: bar.update(task, completed=done),
                        )
                except RuntimeError as exc:
                    raise CommandError(str(exc)) from exc
            self.stdout.write(
                f"Hồ sơ demo: tạo mới {made}, tổng số hồ sơ {Dossier.objects.count()}."
            )
            return
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"no user «{options['username']}»")
        if options["action"] == "token":
            raw = token_issue(user=user, label=options["label"], actor=None)
            self.stdout.write(f"API token for {user.username} (shown once): {raw}")
            return
        tokens = ApiToken.objects.filter(user=user, revoked_at__isnull=True)
        if options["label"] is not None:
            tokens = tokens.filter(label=options["label"])
        revoked = list(tokens)
        if not revoked:
            raise CommandError(
                f"{user.username} has no active token"
                + (f" «{options['label']}»" if options["label"] else "")
            )
        with transaction.atomic():
            for token in revoked:
                token_revoke(token=token, actor=None)
        self.stdout.write(
            f"Revoked {len(revoked)} token(s) of {user.username}: "
            + ", ".join(t.label for t in revoked)
        )
