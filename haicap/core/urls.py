"""Core pages: home, sign-in/out, the signed-in user's page, the audit log."""

from django.contrib.auth import views as auth_views
from django.urls import path

from haicap.core import views
from haicap.core.landing import SignInView

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("me/", views.me, name="me"),
    path("audit/", views.audit_log, name="audit"),
]
