"""App config for the service index (Decision 766/QĐ-TTg) and the leadership dashboards.

The index reads the one-stop shop and feedback through their signals and tables; nothing
imports it."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MetricsConfig(AppConfig):
    name = "haicap.metrics"
    label = "metrics"
    verbose_name = _("Chỉ số phục vụ")

    def ready(self) -> None:
        from haicap.dossiers.signals import dossier_changed, dossiers_loaded
        from haicap.feedback.signals import report_changed, reports_loaded
        from haicap.metrics import counters, rights  # noqa: F401  (rights: audit, permissions)

        dossier_changed.connect(counters.on_dossier_changed, dispatch_uid="metrics-dossier")
        dossiers_loaded.connect(counters.on_dossiers_loaded, dispatch_uid="metrics-dossiers")
        report_changed.connect(counters.on_report_changed, dispatch_uid="metrics-report")
        reports_loaded.connect(counters.on_reports_loaded, dispatch_uid="metrics-reports")
