"""App config for the one-stop shop (dossiers)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DossiersConfig(AppConfig):
    name = "haicap.dossiers"
    label = "dossiers"
    verbose_name = _("Hồ sơ một cửa")

    def ready(self) -> None:
        from haicap.dossiers import rights  # noqa: F401  (declares audit actions, permissions)
