"""App config for citizen feedback (phản ánh, kiến nghị), like HCMC's 1022 and iHanoi."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "haicap.feedback"
    label = "feedback"
    verbose_name = _("Phản ánh, kiến nghị")

    def ready(self) -> None:
        from haicap.feedback import rights  # noqa: F401  (declares audit actions, permissions)
