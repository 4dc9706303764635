"""App config for the cross-cutting core."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "haicap.core"
    label = "core"
    verbose_name = _("Lõi hệ thống")

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        from haicap.core import checks, rights, signals  # noqa: F401
        from haicap.core.registry import check_registry

        # Each app imports its own rights module in its ready(); core, ready first, also
        # imports those of apps not ready yet, so that two apps using one audit value or one
        # permission name fail here, at start-up, whatever the order of INSTALLED_APPS.
        autodiscover_modules("rights")
        check_registry()
