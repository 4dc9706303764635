"""Signing in lands each role on its work page (core.navigation.landing_url), unless a safe
`?next=` asks for another page (Django's own check of the host and scheme)."""

from __future__ import annotations

from django.contrib.auth.views import LoginView

from haicap.core.navigation import landing_url


class SignInView(LoginView):
    template_name = "core/login.html"

    def get_default_redirect_url(self) -> str:
        return landing_url(self.request.user) or super().get_default_redirect_url()
