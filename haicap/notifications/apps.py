"""App config for notifications: the outbox of messages to citizens and their delivery."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "haicap.notifications"
    label = "notifications"
    verbose_name = _("Thông báo cho công dân")

    def ready(self) -> None:
        from haicap.notifications import rights  # noqa: F401  (declares audit actions, permissions)
        from haicap.notifications.receivers import connect

        connect()
