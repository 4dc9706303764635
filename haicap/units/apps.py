"""App config for administrative units."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    name = "haicap.units"
    label = "units"
    verbose_name = _("Đơn vị hành chính")

    def ready(self) -> None:
        from haicap.units import rights  # noqa: F401  (declares audit actions, permissions)
