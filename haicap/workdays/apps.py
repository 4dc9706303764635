"""App config for the working-day calendar."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkdaysConfig(AppConfig):
    name = "haicap.workdays"
    label = "workdays"
    verbose_name = _("Lịch làm việc")

    def ready(self) -> None:
        from haicap.workdays import rights  # noqa: F401  (declares audit actions, permissions)
