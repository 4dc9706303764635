from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "haicap.payments"
    label = "payments"
    verbose_name = _("Thu phí, lệ phí điện tử")

    def ready(self) -> None:
        from haicap.payments import rights  # noqa: F401
