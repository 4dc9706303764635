"""App config for the procedure catalogue."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "haicap.procedures"
    label = "procedures"
    verbose_name = _("Thủ tục hành chính")

    def ready(self) -> None:
        from haicap.procedures import rights  # noqa: F401  (declares audit actions, permissions)
