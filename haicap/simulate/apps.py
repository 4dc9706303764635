"""App config for the synthetic workload (`haicap simulate`): a province's dossiers and
feedback, made by the one-stop shop's rules, for the index, the dashboards and benchmarks."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SimulateConfig(AppConfig):
    name = "haicap.simulate"
    label = "simulate"
    verbose_name = _("Dữ liệu mô phỏng")

    def ready(self) -> None:
        from haicap.simulate import rights  # noqa: F401  (declares audit actions, permissions)
