"""Signing in lands each role on its work page (core.navigation.landing_url), unless a safe
`?next=` asks for another page (Django's own check of the host and scheme)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import LoginView
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from haicap.core.fielderrors import NON_FIELD, django_form_errors
from haicap.core.navigation import landing_url

LABELS = {"username": _("Tên đăng nhập"), "password": _("Mật khẩu")}


class SignInView(LoginView):
    template_name = "core/login.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Every error of the form under its field (a blank name and a blank password both);
        a wrong name or password is one message that says neither which (ADR 21)."""
        context = super().get_context_data(**kwargs)
        form = context.get("form")
        if form is not None and form.is_bound and form.errors:
            errors = django_form_errors(form, LABELS)
            if any(e.code == "invalid_login" for e in form.non_field_errors().as_data()):
                errors["invalid"][NON_FIELD] = [
                    gettext("Tên đăng nhập hoặc mật khẩu không đúng.")
                ]
            context.update(errors)
        return context

    def get_default_redirect_url(self) -> str:
        return landing_url(self.request.user) or super().get_default_redirect_url()
